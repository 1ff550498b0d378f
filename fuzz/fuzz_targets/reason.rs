//! Reason parsing: never panics, and every value it accepts prints back to a
//! value that parses to an equal reason, whose text a sender may also use;
//! its cause builds again exactly when it is not odd.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_codes::Reason;
use sip_codes::reason::ReasonOddity;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else { return };
    let _ = Reason::parse(text);
    for reason in Reason::parse_all(text).flatten() {
        let printed = reason.to_string();
        let again = Reason::parse(&printed).expect("a printed reason parses");
        assert_eq!(again, reason);
        assert_eq!(again.params().count(), reason.params().count());
        // A cause builds again exactly when it is not odd: building is strict.
        let protocol = reason.protocol().token();
        let Some(cause) = reason.given_cause() else {
            assert_eq!(reason.oddities().next(), Some(ReasonOddity::MissingCause));
            continue;
        };
        let undefined = reason.oddities().any(|odd| matches!(odd, ReasonOddity::UndefinedCause { .. }));
        let Ok(rebuilt) = Reason::new(protocol, cause.as_u32()) else {
            assert!(undefined, "only an odd cause is refused");
            continue;
        };
        assert!(!undefined);
        assert_eq!(rebuilt.given_cause(), Some(cause));
        if let Some(text) = reason.text() {
            let text = text.to_string();
            assert!(rebuilt.with_text(&text).is_ok(), "a received text may be sent on");
        }
    }
});
