//! The catalogue's invariants, and its agreement with the operators' manual
//! and with the macros crate's copy.

use std::collections::HashSet;

use sip_codes::{CATALOGUE, Class, Entry, StatusCode};

/// Names that do not follow the naming rule, and why.
const NAME_EXCEPTIONS: &[(u16, &str, &str)] = &[
    // 606 shares its phrase with 406; the name says where it is not acceptable.
    (606, "NotAcceptableAnywhere", "NOT_ACCEPTABLE_ANYWHERE"),
];

#[test]
fn every_code_of_the_manual_is_catalogued_with_its_spelling() {
    let manual = sip_codes_testdata::manual_rows();
    assert!(manual.len() >= 70, "the manual has about 70 codes, found {}", manual.len());
    for (code, phrase) in manual {
        // The manual's text extraction doubled two phrases ("Consent
        // NeededConsent Needed"); the phrase meant is the single one.
        let half = phrase.len() / 2;
        let phrase = match phrase.split_at(half) {
            (first, second) if first == second => first,
            _ => phrase,
        };
        let entry = Entry::by_code(code).unwrap_or_else(|| panic!("the manual's {code} is missing"));
        assert!(
            entry.phrase == phrase || entry.aliases.contains(&phrase),
            "{code}: the manual's \"{phrase}\" is neither the phrase \"{}\" nor an alias",
            entry.phrase
        );
        // By phrase, the manual's spelling finds the code (or, for 606, 406,
        // which shares its phrase).
        let found = Entry::by_phrase(phrase).unwrap();
        assert!(
            found.code == code || found.phrase == entry.phrase,
            "{code}: \"{phrase}\" finds {}",
            found.code
        );
    }
}

#[test]
fn codes_are_sorted_unique_and_valid() {
    assert!(CATALOGUE.windows(2).all(|pair| pair[0].code < pair[1].code));
    for entry in CATALOGUE {
        assert_eq!(StatusCode::from_u16(entry.code).map(|s| s.as_u16()), Ok(entry.code));
        assert_eq!(entry.status().entry(), Some(entry));
    }
}

#[test]
fn phrases_and_aliases_are_printable_ascii_on_one_line() {
    for entry in CATALOGUE {
        for text in std::iter::once(&entry.phrase).chain(entry.aliases) {
            assert!(!text.is_empty(), "{}: empty phrase or alias", entry.code);
            assert!(
                text.bytes().all(|b| b.is_ascii_graphic() || b == b' '),
                "{}: {text:?} is not printable ASCII (no CR, LF or other controls)",
                entry.code
            );
            assert_eq!(text.trim(), *text, "{}: {text:?} has surrounding spaces", entry.code);
        }
        let mut spellings: Vec<String> =
            std::iter::once(&entry.phrase).chain(entry.aliases).map(|s| s.to_ascii_lowercase()).collect();
        let before = spellings.len();
        spellings.sort();
        spellings.dedup();
        assert_eq!(spellings.len(), before, "{}: an alias repeats the phrase or another alias", entry.code);
    }
}

#[test]
fn aliases_do_not_shadow_other_phrases() {
    for entry in CATALOGUE {
        for alias in entry.aliases {
            assert_eq!(
                Entry::by_phrase(alias),
                Some(entry),
                "{}: alias {alias:?} resolves elsewhere",
                entry.code
            );
        }
    }
}

#[test]
fn names_are_unique_and_follow_the_rule() {
    let mut seen = HashSet::new();
    for entry in CATALOGUE {
        assert!(seen.insert(entry.name), "name {} repeats", entry.name);
        assert!(seen.insert(entry.constant), "constant {} repeats", entry.constant);
        let exception = NAME_EXCEPTIONS.iter().find(|(code, ..)| *code == entry.code);
        match exception {
            Some((_, name, constant)) => {
                assert_eq!((entry.name, entry.constant), (*name, *constant));
                assert!(!sip_codes::__private::follows_name_rule(entry.phrase, entry.name, false));
            }
            None => {
                assert!(
                    sip_codes::__private::follows_name_rule(entry.phrase, entry.name, false),
                    "{}: name {} does not follow the rule for \"{}\"",
                    entry.code,
                    entry.name,
                    entry.phrase
                );
                assert!(
                    sip_codes::__private::follows_name_rule(entry.phrase, entry.constant, true),
                    "{}: constant {} does not follow the rule for \"{}\"",
                    entry.code,
                    entry.constant,
                    entry.phrase
                );
            }
        }
    }
}

#[test]
fn the_name_rule_is_the_documented_one() {
    use sip_codes::__private::follows_name_rule as rule;
    assert!(rule("Request-URI Too Long", "RequestUriTooLong", false));
    assert!(rule("Request-URI Too Long", "REQUEST_URI_TOO_LONG", true));
    assert!(rule("Call/Transaction Does Not Exist", "CallTransactionDoesNotExist", false));
    assert!(rule("OK", "Ok", false) && rule("OK", "OK", true));
    assert!(!rule("Request-URI Too Long", "RequestURITooLong", false));
    assert!(!rule("Busy Here", "BusyHer", false));
    assert!(!rule("Busy Here", "BusyHereX", false));
    assert!(!rule("Busy Here", "BUSYHERE", true));
}

#[test]
fn every_entry_has_a_meaning_and_a_reference() {
    for entry in CATALOGUE {
        let meaning = entry.meaning;
        assert!(meaning.len() > 15 && meaning.ends_with('.'), "{}: meaning {meaning:?}", entry.code);
        assert!(!meaning.contains('\n'), "{}: the meaning is one line", entry.code);
        // Only a code outside the registry may lack an RFC, and then its
        // `non_standard` note must say what defines it.
        let Some(reference) = entry.reference else {
            let source = entry.non_standard.unwrap_or_default();
            assert!(source.contains("defined by no RFC"), "{}: no reference and no source", entry.code);
            continue;
        };
        assert!(reference.rfc >= 2543, "{}: RFC {}", entry.code, reference.rfc);
        let section_ok = reference.section.split('.').all(|n| n.parse::<u8>().is_ok());
        assert!(section_ok, "{}: section {:?}", entry.code, reference.section);
    }
}

#[test]
fn flags_match_the_registry() {
    let deprecated: Vec<u16> = CATALOGUE.iter().filter(|e| e.is_deprecated()).map(|e| e.code).collect();
    assert_eq!(deprecated, [202]);
    let non_standard: Vec<u16> = CATALOGUE.iter().filter(|e| e.is_non_standard()).map(|e| e.code).collect();
    assert_eq!(non_standard, [701]);
    // Everything outside the six wire classes must be flagged, and stays off the wire.
    for entry in CATALOGUE.iter().filter(|e| e.class() == Class::StackLocal) {
        assert!(entry.is_non_standard() && !entry.status().is_final(), "{}", entry.code);
    }
}

#[test]
fn the_registry_is_complete() {
    // An independent transcription of the IANA registry's code column
    // (sip-parameters, "Response Codes", checked 2026-11): the oracle that
    // the catalogue is complete. Only the codes, so a row is still written
    // once; adding a registered code means updating both, on purpose.
    let registry = [
        100, 180, 181, 182, 183, 199, 200, 202, 204, 300, 301, 302, 305, 380, 400, 401, 402, 403, 404, 405,
        406, 407, 408, 410, 412, 413, 414, 415, 416, 417, 420, 421, 422, 423, 424, 425, 428, 429, 430, 433,
        436, 437, 438, 439, 440, 469, 470, 480, 481, 482, 483, 484, 485, 486, 487, 488, 489, 491, 493, 494,
        500, 501, 502, 503, 504, 505, 513, 555, 580, 600, 603, 604, 606, 607, 608,
    ];
    let standard: Vec<u16> = CATALOGUE.iter().filter(|e| !e.is_non_standard()).map(|e| e.code).collect();
    assert_eq!(standard, registry);
}

#[test]
fn no_alias_is_a_text_extraction_artifact() {
    // The manual's PDF text doubles some phrases ("Consent NeededConsent
    // Needed"): nobody sends those, so no alias may be text written twice.
    for entry in CATALOGUE {
        for alias in entry.aliases {
            let lower = alias.to_ascii_lowercase();
            let (first, second) = lower.split_at(lower.len() / 2);
            assert!(first != second, "{}: alias {alias:?} is a doubled phrase", entry.code);
            let glued = format!("{0}{0}", entry.phrase.to_ascii_lowercase());
            assert_ne!(lower, glued, "{}: alias {alias:?} is the phrase written twice", entry.code);
        }
    }
    assert!(Entry::by_phrase("Consent NeededConsent Needed").is_none());
    assert!(Entry::by_phrase("Bad Info PackageBad Info Package").is_none());
}

#[test]
fn a_code_no_rfc_defines_names_its_real_source() {
    // 701 is one vendor's: citing RFC 3261 §7.2 for it would claim an RFC
    // defines it.
    let party_hangs_up = Entry::by_code(701).unwrap();
    assert_eq!(party_hangs_up.reference, None);
    let source = party_hangs_up.non_standard.unwrap();
    assert!(source.contains("Lindenbaum") && source.contains("manual"), "{source}");
    assert!(party_hangs_up.meaning.contains("one vendor"), "{}", party_hangs_up.meaning);
    // Every registered code cites an RFC section.
    for entry in CATALOGUE.iter().filter(|entry| !entry.is_non_standard()) {
        assert!(entry.reference.is_some(), "{} cites no RFC", entry.code);
    }
}

#[test]
fn every_spelling_in_every_case_finds_the_first_row_that_has_it() {
    for entry in CATALOGUE {
        for spelling in std::iter::once(entry.phrase).chain(entry.aliases.iter().copied()) {
            let first = CATALOGUE.iter().find(|row| row.matches_phrase(spelling)).unwrap();
            for text in [spelling.to_owned(), spelling.to_ascii_lowercase(), spelling.to_ascii_uppercase()] {
                assert_eq!(Entry::by_phrase(&text), Some(first), "{text:?}");
            }
        }
        assert_eq!(Entry::by_name(entry.name), Some(entry));
        assert_eq!(Entry::by_name(entry.constant), Some(entry));
        assert_eq!(Entry::by_name(&entry.name.to_ascii_lowercase()), None);
    }
}

#[test]
fn the_rows_a_review_found_misleading_stay_fixed() {
    let meaning = |code: u16| Entry::by_code(code).unwrap().meaning;
    // RFC 3261 §21.4.18's second case is what separates 480 from 404.
    assert!(meaning(480).contains("no current location"), "{}", meaning(480));
    assert!(meaning(404).contains("definitive information"), "{}", meaning(404));
    // RFC 6665 §8.3.1 gives 202 no meaning of its own.
    assert!(
        meaning(202).contains("RFC 3265") && meaning(202).contains("treat it as 200"),
        "{}",
        meaning(202)
    );
    // RFC 8224 §6.2.2, not RFC 4474's info parameter.
    assert!(
        meaning(436).contains("acquire the credentials") && !meaning(436).contains("info"),
        "{}",
        meaning(436)
    );
    // RFC 3261 §21.3.3 and §21.5.4.
    assert!(meaning(302).contains("must not be cached"), "{}", meaning(302));
    assert!(meaning(503).contains("as on 500"), "{}", meaning(503));
}
