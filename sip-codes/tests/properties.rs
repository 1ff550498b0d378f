//! Properties over generated input, bounded to a few seconds: what the
//! exhaustive tests cannot enumerate (strings, case mixes, whole lines).

use proptest::prelude::*;
use sip_codes::{CATALOGUE, Class, Entry, StatusCode, StatusLine};

/// A catalogue row, chosen by index.
fn entry() -> impl Strategy<Value = &'static Entry> {
    (0..CATALOGUE.len()).prop_map(|index| &CATALOGUE[index])
}

/// `text` with the case of each ASCII letter flipped where `flips` says so.
fn recase(text: &str, flips: &[bool]) -> String {
    text.chars()
        .zip(flips.iter().cycle())
        .map(|(c, flip)| if *flip { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
        .collect()
}

/// What `Entry::by_name` must answer, the slow way.
fn scan_by_name(text: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|entry| entry.name == text || entry.constant == text)
}

/// What `Entry::by_phrase` must answer, the slow way: the first row in code order.
fn scan_by_phrase(text: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|entry| entry.matches_phrase(text))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parse_of_display_is_identity(code in 100u16..1000) {
        if let Ok(status) = StatusCode::from_u16(code) {
            let shown = status.to_string();
            prop_assert_eq!(shown[..3].parse::<StatusCode>(), Ok(status));
            let line = StatusLine::canonical(status);
            if let Ok(line) = line {
                prop_assert_eq!(StatusLine::parse(&line.to_string()).map(|l| l.code()), Ok(status));
            }
        }
    }

    #[test]
    fn the_class_is_the_first_digit(code in any::<u16>()) {
        if let Ok(status) = StatusCode::from_u16(code) {
            prop_assert_eq!(Some(status.class()), Class::from_first_digit((code / 100) as u8));
            prop_assert_eq!(status.class().first_digit() as u16, code / 100);
        }
    }

    #[test]
    fn from_str_never_panics_and_takes_only_three_digits(text in any::<String>()) {
        let parsed = text.parse::<StatusCode>();
        let three_digits = text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit());
        prop_assert!(parsed.is_err() || three_digits);
    }

    #[test]
    fn lookup_by_name_phrase_and_alias_finds_the_entry(entry in entry(), flips in prop::collection::vec(any::<bool>(), 1..8)) {
        prop_assert_eq!(Entry::by_name(entry.name), Some(entry));
        prop_assert_eq!(Entry::by_code(entry.code), Some(entry));
        for spelling in std::iter::once(&entry.phrase).chain(entry.aliases) {
            let found = Entry::by_phrase(&recase(spelling, &flips));
            // 406 and 606 share a phrase: the lookup finds 406 for both.
            prop_assert!(found.is_some_and(|found| found == entry || found.phrase == entry.phrase));
        }
    }

    #[test]
    fn hashed_lookups_agree_with_a_scan_on_any_string(text in any::<String>()) {
        prop_assert_eq!(Entry::by_name(&text), scan_by_name(&text));
        prop_assert_eq!(Entry::by_phrase(&text), scan_by_phrase(&text));
    }

    /// Near misses land on the same hash slots as real spellings, where a
    /// wrong index would show.
    #[test]
    fn hashed_lookups_agree_with_a_scan_near_every_spelling(
        entry in entry(),
        flips in prop::collection::vec(any::<bool>(), 1..8),
        cut in 0usize..40,
        extra in "[ -~]{0,2}",
    ) {
        let spellings = [entry.name, entry.constant, entry.phrase].into_iter().chain(entry.aliases.iter().copied());
        for spelling in spellings {
            let recased = recase(spelling, &flips);
            let cut = (0..=cut.min(recased.len())).rev().find(|&i| recased.is_char_boundary(i)).unwrap_or(0);
            for text in [recased.clone(), format!("{}{extra}", &recased[..cut]), format!("{extra}{recased}")] {
                prop_assert_eq!(Entry::by_name(&text), scan_by_name(&text));
                prop_assert_eq!(Entry::by_phrase(&text), scan_by_phrase(&text));
            }
        }
    }

    #[test]
    fn status_lines_round_trip(code in 100u16..700, reason in "[ -~\t\u{a0}-\u{10FFFF}]{0,40}") {
        let status = StatusCode::from_u16(code).unwrap();
        let line = StatusLine::new(status, &reason).unwrap();
        let text = line.to_string();
        let parsed = StatusLine::parse(&text).unwrap();
        prop_assert_eq!(parsed.code(), status);
        prop_assert_eq!(parsed.reason(), reason.as_str());
        prop_assert_eq!(parsed.to_string(), text);
    }

    #[test]
    fn status_line_parsing_never_panics(text in any::<String>()) {
        let _ = StatusLine::parse(&text);
    }

    #[test]
    fn custom_reasons_with_control_characters_are_refused(
        before in "[ -~]{0,10}", control in prop::char::ranges(vec!['\0'..='\u{8}', '\n'..='\u{1f}', '\u{7f}'..='\u{9f}'].into()), after in "[ -~]{0,10}"
    ) {
        let reason = format!("{before}{control}{after}");
        prop_assert!(StatusLine::new(StatusCode::BUSY_HERE, &reason).is_err());
    }
}
