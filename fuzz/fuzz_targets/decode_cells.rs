//! Fuzzes the decoder of the kommuner's cells: no bytes may make it panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oppvekst_core::codec::CellsBundle;
use oppvekst_fuzz::check_decoder;

fuzz_target!(|data: &[u8]| check_decoder::<CellsBundle>(data));
