//! Status-line parsing: never panics, and what it accepts prints back to a
//! line that parses to the same code and reason.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_codes::StatusLine;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else { return };
    let Ok(line) = StatusLine::parse(text) else { return };
    let printed = line.to_string();
    let again = StatusLine::parse(&printed).expect("a printed status line parses");
    assert_eq!((again.code(), again.reason()), (line.code(), line.reason()));
    // A reason that parsed is one a sender may use.
    assert!(StatusLine::new(line.code(), line.reason()).is_ok());
});
