//! Fuzzes the decoder of the area bundle: no bytes may make it panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oppvekst_core::codec::AreaBundle;
use oppvekst_fuzz::check_decoder;

fuzz_target!(|data: &[u8]| check_decoder::<AreaBundle>(data));
