//! Warning parsing: never panics, and every value it accepts prints back to
//! a value that parses to an equal warning, which a sender may also build
//! unless its warn-code is odd.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_codes::Warning;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else { return };
    let _ = Warning::parse(text);
    for warning in Warning::parse_all(text).flatten() {
        let printed = warning.to_string();
        let again = Warning::parse(&printed).expect("a printed warning parses");
        assert_eq!(again, warning);
        // What parsed is something one may send: agent and text pass the
        // checks, and the code too unless it is not a SIP warn-code, which
        // only a received value can hold (and which it says is odd).
        let text = warning.text().to_string();
        let agent = warning.agent().to_string();
        let rebuilt = Warning::new(warning.code(), &agent, &text).expect("agent and text may be sent on");
        assert_eq!(rebuilt == warning, warning.oddity().is_none());
        assert_eq!(rebuilt.oddity(), None);
    }
});
