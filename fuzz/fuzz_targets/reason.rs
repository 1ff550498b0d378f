//! Reason parsing: never panics, and every value it accepts prints back to a
//! value that parses to an equal reason, whose text a sender may also use.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_codes::Reason;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else { return };
    let _ = Reason::parse(text);
    for reason in Reason::parse_all(text).flatten() {
        let printed = reason.to_string();
        let again = Reason::parse(&printed).expect("a printed reason parses");
        assert_eq!(again, reason);
        assert_eq!(again.params().count(), reason.params().count());
        let protocol = reason.protocol().token();
        let rebuilt = Reason::new(protocol, reason.cause().as_u32()).expect("the protocol and cause are valid");
        assert_eq!(rebuilt.cause(), reason.cause());
        if let Some(text) = reason.text() {
            let text = text.to_string();
            assert!(rebuilt.with_text(&text).is_ok(), "a received text may be sent on");
        }
    }
});
