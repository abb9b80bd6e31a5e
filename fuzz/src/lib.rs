//! What every decoder target checks: the raw bytes, the same bytes behind a valid envelope, and
//! that whatever decodes also survives a second encode/decode.

use oppvekst_core::codec::{decode, encode, Bundle, HEADER_LEN};

/// `payload` behind a header that passes every envelope check for `B`. Without it the fuzzer
/// would almost never get past the CRC-32 and would only ever exercise the envelope.
pub fn in_envelope<B: Bundle>(payload: &[u8]) -> Vec<u8> {
    oppvekst_core::codec::envelope(B::KIND, payload)
}

/// Runs one fuzz input through the decoder of `B`: as it is (the envelope checks) and with its
/// header replaced by a valid one (the payload parser and the bundle's own rules).
pub fn check_decoder<B: Bundle>(data: &[u8]) {
    let _ = decode::<B>(data);
    let body = data.get(HEADER_LEN..).unwrap_or(&[]);
    if let Ok(value) = decode::<B>(&in_envelope::<B>(body)) {
        // Whatever passes validation must write and read back to the same bytes, or the data
        // CLI could write files the app then rejects.
        let bytes = encode(&value);
        let again = decode::<B>(&bytes).expect("a decoded bundle re-encodes to a valid file");
        assert_eq!(encode(&again), bytes, "re-encoding is not stable");
    }
}
