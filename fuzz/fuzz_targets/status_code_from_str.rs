//! `StatusCode` from text: never panics, accepts exactly three ASCII digits
//! naming a valid code, and displays what it parsed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_codes::StatusCode;

fuzz_target!(|data: &[u8]| {
    let from_bytes = StatusCode::from_bytes(data);
    if let Ok(text) = core::str::from_utf8(data) {
        assert_eq!(text.parse::<StatusCode>(), from_bytes);
    }
    if let Ok(code) = from_bytes {
        assert!(data.len() == 3 && data.iter().all(u8::is_ascii_digit));
        assert_eq!(code.to_string().as_bytes()[..3], *data);
        assert_eq!(StatusCode::from_u16(code.as_u16()), Ok(code));
    }
});
