//! The conformance check: any code, phrase and header fields give findings, never a panic, and
//! every finding displays as one line with no raw control character (a value from the wire
//! cannot drive the operator's terminal).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_codes::check::{Response, check};
use sip_codes::{Facts, StatusCode};

fuzz_target!(|data: &[u8]| {
    let Some((&[high, low, facts], rest)) = data.split_first_chunk::<3>().map(|(head, rest)| (head, rest)) else {
        return;
    };
    let Ok(code) = StatusCode::from_u16(u16::from_be_bytes([high, low]) % 1000) else { return };
    let Ok(text) = core::str::from_utf8(rest) else { return };
    // The first line is the reason phrase; each other line a field, `name: value` (or a name alone).
    let mut lines = text.split('\n');
    let reason = lines.next().unwrap_or_default();
    let fields: Vec<(&str, &str)> =
        lines.map(|line| line.split_once(':').map_or((line, ""), |(name, value)| (name, value.trim()))).collect();
    let facts = Facts::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| facts & (1 << i) != 0)
        .fold(Facts::NONE, |all, (_, (fact, _, _))| all | *fact);
    for finding in check(&Response::new(code, &fields).reason(reason).facts(facts)) {
        let line = finding.to_string();
        assert!(!line.chars().any(char::is_control), "{line:?}");
        let _ = (finding.level(), finding.header(), finding.reference(), finding.kind());
    }
});
