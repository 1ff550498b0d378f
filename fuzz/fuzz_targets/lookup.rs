//! Lookup by name and by phrase: never panics, and finds only what matches.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_codes::Entry;

fuzz_target!(|text: &str| {
    if let Some(entry) = Entry::by_name(text) {
        assert!(entry.name == text || entry.constant == text);
    }
    if let Some(entry) = Entry::by_phrase(text) {
        let spelled = core::iter::once(&entry.phrase).chain(entry.aliases);
        assert!(spelled.into_iter().any(|spelling| spelling.eq_ignore_ascii_case(text)));
    }
});
