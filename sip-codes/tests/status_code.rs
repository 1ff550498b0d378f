//! `StatusCode` over its whole input space, and on real-world status lines.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::str::FromStr;

use sip_codes::{CATALOGUE, Class, Entry, StatusCode};

/// The rule `from_u16` documents: 100 to 699, or a catalogued code.
fn is_valid(code: u16) -> bool {
    (100..=699).contains(&code) || CATALOGUE.iter().any(|entry| entry.code == code)
}

#[test]
fn from_u16_display_and_parse_agree_on_every_u16() {
    let mut accepted = 0;
    for n in 0..=u16::MAX {
        let Ok(code) = StatusCode::from_u16(n) else {
            assert!(!is_valid(n), "{n} was rejected");
            let error = StatusCode::from_u16(n).unwrap_err();
            assert_eq!(error.code(), Some(n));
            assert!(error.to_string().starts_with(&format!("{n} is not a SIP status code")));
            // Its decimal text is rejected too, whether three digits or not.
            assert!(StatusCode::from_str(&n.to_string()).is_err());
            continue;
        };
        accepted += 1;
        assert!(is_valid(n), "{n} was accepted");
        assert_eq!(code.as_u16(), n);
        assert_eq!(u16::from(code), n);
        assert_eq!(code, n);
        assert_eq!(StatusCode::try_from(n), Ok(code));

        let shown = code.to_string();
        match Entry::by_code(n) {
            Some(entry) => assert_eq!(shown, format!("{n} {}", entry.phrase)),
            None => assert_eq!(shown, n.to_string()),
        }
        assert_eq!(StatusCode::from_str(&shown[..3]), Ok(code));
        assert_eq!(format!("{code:?}"), format!("StatusCode({shown})"));

        let class = Class::from_first_digit((n / 100) as u8).unwrap();
        assert_eq!(code.class(), class);
        let predicates = [
            code.is_provisional(),
            code.is_success(),
            code.is_redirection(),
            code.is_request_failure(),
            code.is_server_failure(),
            code.is_global_failure(),
        ];
        let expected: Vec<bool> = Class::ALL[..6].iter().map(|c| *c == class).collect();
        assert_eq!(predicates.as_slice(), expected.as_slice(), "{n}");
        assert_eq!(code.is_final(), (200..=699).contains(&n));
        assert_eq!(code.canonical_reason(), Entry::by_code(n).map(|entry| entry.phrase));
    }
    assert_eq!(accepted, 600 + CATALOGUE.iter().filter(|e| e.code > 699).count());
}

#[test]
fn from_str_takes_exactly_three_ascii_digits() {
    for a in 0..=255u8 {
        for b in [b'0', b'4', b'8', b'9', b'/', b':', b' ', a] {
            let text = [b'4', a, b];
            let parsed = StatusCode::from_bytes(&text);
            let digits = text.iter().all(u8::is_ascii_digit);
            assert_eq!(parsed.is_ok(), digits, "{text:?}");
            if let Ok(text) = std::str::from_utf8(&text) {
                assert_eq!(StatusCode::from_str(text), parsed);
            }
        }
    }
    for text in ["", "4", "48", "4860", "0486", " 486", "486 ", "+486", "-486", "４８６", "486\n"] {
        let error = StatusCode::from_str(text).unwrap_err();
        assert_eq!(error.code(), None, "{text:?}");
        assert_eq!(error.to_string(), "a SIP status code is exactly three ASCII digits (RFC 3261 §7.2)");
    }
    assert_eq!(StatusCode::from_str("099").unwrap_err().code(), Some(99));
}

/// `from_bytes` checks its three bytes together, with arithmetic whose
/// carries and borrows cross from byte to byte: every one of the 2^24
/// three-byte inputs is compared with the plain rule.
#[test]
fn from_bytes_follows_the_plain_rule_on_every_three_byte_input() {
    for a in 0..=u8::MAX {
        for b in 0..=u8::MAX {
            for c in 0..=u8::MAX {
                let expected = match [a, b, c] {
                    [a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] => StatusCode::from_u16(
                        (a - b'0') as u16 * 100 + (b - b'0') as u16 * 10 + (c - b'0') as u16,
                    ),
                    _ => Err("a".parse::<StatusCode>().unwrap_err()),
                };
                assert_eq!(StatusCode::from_bytes(&[a, b, c]), expected, "{:?}", [a, b, c]);
            }
        }
    }
}

#[test]
fn from_bytes_agrees_with_from_u16_on_every_three_digit_text_and_refuses_any_other_byte() {
    for n in 0..1000u16 {
        assert_eq!(StatusCode::from_bytes(format!("{n:03}").as_bytes()), StatusCode::from_u16(n), "{n:03}");
    }
    for position in 0..3 {
        for byte in (0..=255u8).filter(|byte| !byte.is_ascii_digit()) {
            let mut text = *b"486";
            text[position] = byte;
            assert_eq!(StatusCode::from_bytes(&text).unwrap_err().code(), None, "{text:?}");
        }
    }
}

#[test]
fn order_and_hash_follow_the_number() {
    let codes: Vec<StatusCode> = CATALOGUE.iter().map(Entry::status).collect();
    assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
    let hasher = RandomState::new();
    let hashes: HashSet<u64> = codes.iter().map(|code| hasher.hash_one(code)).collect();
    assert_eq!(hashes.len(), codes.len());
    assert_eq!(hasher.hash_one(StatusCode::from_u16(486).unwrap()), hasher.hash_one(StatusCode::BUSY_HERE));
}

#[test]
fn lookups_find_every_entry_by_its_name_phrase_and_aliases() {
    for entry in CATALOGUE {
        assert_eq!(Entry::by_code(entry.code), Some(entry));
        assert_eq!(Entry::by_name(entry.name), Some(entry));
        assert_eq!(Entry::by_name(entry.constant), Some(entry));
        for spelling in std::iter::once(&entry.phrase).chain(entry.aliases) {
            for variant in [spelling.to_string(), spelling.to_uppercase(), spelling.to_lowercase()] {
                let found = Entry::by_phrase(&variant).unwrap();
                assert!(found == entry || found.phrase == entry.phrase, "{variant:?} found {}", found.code);
            }
        }
    }
    assert_eq!(Entry::by_phrase("declined").map(|e| e.code), Some(603));
    assert_eq!(Entry::by_phrase("internal server error").map(|e| e.code), Some(500));
    assert_eq!(Entry::by_name("BusyHere").map(|e| e.code), Some(486));
    assert_eq!(Entry::by_name("Declined"), None);
    assert_eq!(Entry::by_phrase("Busy Here "), None);
}

/// The code of a status line as it is on the wire: the field after the version.
fn code_field(line: &str) -> &str {
    line.strip_prefix("SIP/2.0 ").unwrap().split(' ').next().unwrap()
}

#[test]
fn real_status_line_codes() {
    let lines = sip_codes_testdata::status_lines();
    assert!(lines.len() > 90);
    let mut outcomes = std::collections::BTreeMap::<&str, usize>::new();
    for line in &lines {
        let field = code_field(line);
        let outcome = match StatusCode::from_str(field) {
            Ok(code) => {
                assert_eq!(code.to_string()[..3], *field, "{line:?}");
                if code.entry().is_some() { "catalogued" } else { "extension" }
            }
            Err(error) => {
                assert!(field.len() != 3 || !is_valid(field.parse().unwrap()), "{line:?}");
                assert_eq!(error.code(), None, "{line:?}: {field} is not three digits");
                "rejected"
            }
        };
        *outcomes.entry(outcome).or_default() += 1;
    }
    // 101 and 479 are extension codes: legal SIP, not registered. The
    // 10-digit code of the torture tests is not a status code at all.
    assert_eq!(outcomes["extension"], 2);
    assert_eq!(outcomes["rejected"], 2);
    assert_eq!(outcomes["catalogued"], lines.len() - 4);
}
