//! Fuzzes the decoder of the geometry bundle: no bytes may make it panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oppvekst_core::geometry::GeometryBundle;
use oppvekst_fuzz::check_decoder;

fuzz_target!(|data: &[u8]| check_decoder::<GeometryBundle>(data));
