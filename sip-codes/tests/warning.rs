//! `WarnCode` and `Warning`: the catalogue against the registry's list, every
//! real-world value of `sip-codes-testdata/data/warning-values.tsv` with its documented
//! outcome, one case per rule, and exhaustive sweeps where they are cheap.

use sip_codes::warning::WarningOddity;
use sip_codes::{WARN_CODES, WarnAgent, WarnCode, WarnEntry, WarnRange, Warning};

#[test]
fn the_catalogue_is_the_registry_list() {
    let rows = sip_codes_testdata::table("warn-codes.tsv");
    assert_eq!(rows.len(), 15);
    assert_eq!(WARN_CODES.len(), rows.len(), "all 15 registered warn-codes, nothing else");
    for (entry, row) in WARN_CODES.iter().zip(&rows) {
        assert_eq!(entry.code.to_string(), row[0]);
        assert_eq!(entry.text, row[1], "{}: the registered warn-text, spelling and case", entry.code);
        // The RFC the table names (RFC 3261 §20.43, RFC 5630, RFC 8373).
        assert!(row[3].starts_with(&format!("RFC {}", entry.reference.rfc)), "{}: {}", entry.code, row[3]);
    }
}

#[test]
fn rows_follow_the_naming_rule_and_every_lookup_agrees() {
    for entry in WARN_CODES {
        assert!(sip_codes::__private::follows_name_rule(entry.text, entry.name, false), "{}", entry.name);
        assert!(
            sip_codes::__private::follows_name_rule(entry.text, entry.constant, true),
            "{}",
            entry.constant
        );
        let code = entry.warn_code();
        assert_eq!(code.as_u16(), entry.code);
        assert_eq!(code.entry(), Some(entry));
        assert_eq!(code.text(), Some(entry.text));
        assert_eq!(WarnEntry::by_name(entry.name), Some(entry));
        assert_eq!(WarnEntry::by_name(entry.constant), Some(entry));
        assert_eq!(WarnEntry::by_text(&entry.text.to_uppercase()), Some(entry));
        assert_eq!(code.to_string(), format!("{} {}", entry.code, entry.text));
        assert!(!entry.meaning.is_empty() && entry.meaning.ends_with('.'));
        assert!(entry.range().codes().contains(&entry.code));
    }
}

#[test]
fn every_u16_is_a_warn_code_exactly_when_it_is_300_to_399() {
    for number in 0..=u16::MAX {
        let code = WarnCode::from_u16(number);
        assert_eq!(code.is_ok(), (300..=399).contains(&number), "{number}");
        match code {
            Ok(code) => {
                assert_eq!(code.as_u16(), number);
                assert_eq!(code.entry(), WARN_CODES.iter().find(|entry| entry.code == number));
                assert_eq!(format!("{number:03}").parse::<WarnCode>(), Ok(code));
                assert!(code.range().codes().contains(&number));
            }
            Err(error) => assert_eq!(error.code(), Some(number)),
        }
    }
}

#[test]
fn the_ranges_cover_300_to_399_once() {
    let mut covered = Vec::new();
    for range in WarnRange::ALL {
        covered.extend(range.codes());
    }
    assert_eq!(covered, (300..=399).collect::<Vec<_>>());
    // RFC 5630 Appendix A moved the miscellaneous range down to 380, where it registers 380 and 381.
    assert_eq!(WarnCode::SIPS_NOT_ALLOWED.range(), WarnRange::Miscellaneous);
    assert_eq!(WarnCode::from_u16(340).unwrap().range(), WarnRange::Unassigned);
}

/// What the docs of `Warning` promise for each real-world value: the codes
/// of the values that parse, then the byte offset of the first error, if any.
/// Each outcome is the rule's, named beside it.
const EXPECTED: &[(&str, &[u16], Option<usize>)] = &[
    // warn-code = 3DIGIT: a four-digit code (from an HTTP test) is refused.
    ("2112 www.nokia.com \"Disconnected Operation\"", &[], Some(0)),
    // Two values, host:port and an IPv6 reference with port; an escaped quote in the text.
    ("399 host:5060 \"Ok\", 399 [::1]:39999 \"foo\\\" bar\"", &[399, 399], None),
    ("307 isi.edu \"Session parameter 'foo' not understood\"", &[307], None),
    ("301 isi.edu \"Incompatible network address type 'E.164'\"", &[301], None),
    // RFC 2543's example has no warn-agent, which RFC 3261 requires.
    (
        "370 \"Insufficient bandwidth (only have ISDN)\",\r\n  305 \"Incompatible media format\",\r\n  330 \"Multicast not available\"",
        &[],
        Some(4),
    ),
    // warn-text = quoted-string: an unquoted text is refused.
    ("300 garage.sr.ntc.nokia.com IPv6 global addresses not available", &[], Some(28)),
    (
        "330 garage.sr.ntc.nokia.com No IPv6 multicast, 330 garage.sr.ntc.nokia.com Only local IPv4 multicast available",
        &[],
        Some(28),
    ),
    ("399 presence.bar:5060 \"Unimplemented filter\"", &[399], None),
    // Cut by a line wrap: the quoted text never closes.
    ("307 isi.edu \"Session parameter 'foo' not", &[], Some(12)),
    ("301 isi.edu \"Incompatible network address", &[], Some(12)),
    ("312 ii.edu \"Soda\",  351 i.edu \"I", &[312], Some(30)),
    // Unregistered codes of 300 to 399 are extensions, kept.
    (
        "312 ii.edu \"Soda\",  351 i.edu \"Inetwork address 'E.164'\" , 323 ii.edu \"Sodwea\"",
        &[312, 351, 323],
        None,
    ),
    ("399 foo.bar.com \"hold requested\"", &[399], None),
    (
        "392 192.168.89.71:5060 \"Noisy feedback tells: pid=936 req_src_ip=192.168.89.20 in_uri=sip:xxx@yyyy.org:5061 out_uri=sip:xxx@yyyy.org:5061 via_cnt==1\"",
        &[392],
        None,
    ),
];

#[test]
fn every_real_world_value_gets_its_documented_outcome() {
    let rows = sip_codes_testdata::header_values("warning-values.tsv");
    assert_eq!(rows.len(), EXPECTED.len(), "one documented outcome per row of the data file");
    for (value, _notes) in &rows {
        let (_, codes, error_at) = EXPECTED
            .iter()
            .find(|(expected, ..)| expected == value)
            .unwrap_or_else(|| panic!("no documented outcome for {value:?}"));
        let mut parsed = Vec::new();
        let mut error = None;
        for result in Warning::parse_all(value) {
            match result {
                Ok(warning) => {
                    parsed.push(warning.code_number());
                    // Every real-world code that parses is 3xx: none is odd.
                    assert_eq!(warning.oddity(), None, "{value:?}");
                    // What parses prints back to a value that parses to the same warning.
                    assert_eq!(Warning::parse(&warning.to_string()), Ok(warning), "{value:?}");
                    // Borrowed from the input.
                    let text = warning.text().as_written();
                    assert!(value.as_bytes().as_ptr_range().contains(&text.as_ptr()), "{value:?}");
                }
                Err(e) => {
                    assert!(e.to_string().contains("RFC 3261"), "{value:?}: {e}");
                    error = Some(e.offset());
                }
            }
        }
        assert_eq!((parsed.as_slice(), error), (*codes, *error_at), "{value:?}");
    }
}

#[test]
fn agents_are_hosts_with_optional_ports_or_pseudonyms() {
    let host = |host, port| WarnAgent::Host { host, port };
    let cases = [
        ("isi.edu", host("isi.edu", None)),
        ("isi.edu.", host("isi.edu.", None)),
        ("host:5060", host("host", Some(5060))),
        ("192.168.89.71:5060", host("192.168.89.71", Some(5060))),
        ("[::1]", host("[::1]", None)),
        ("[2001:db8::7]:0", host("[2001:db8::7]", Some(0))),
        ("b2bua_1", WarnAgent::Pseudonym("b2bua_1")),
        ("4711", WarnAgent::Pseudonym("4711")),
        ("-proxy-", WarnAgent::Pseudonym("-proxy-")),
    ];
    for (text, agent) in cases {
        assert_eq!(WarnAgent::parse(text), Ok(agent), "{text}");
        assert_eq!(agent.to_string(), text);
    }
    for text in
        ["", "a b", "host:", "host:65536", "host:x", "b2bua_1:5060", "[::1", "[1]", "[::1]x", "a@b", "a/b"]
    {
        assert!(WarnAgent::parse(text).is_err(), "{text:?}");
    }
}

#[test]
fn bad_values_of_the_issue_are_typed_errors() {
    let cases = [
        ("39 h \"x\"", "two digits"),
        ("3999 h \"x\"", "four digits"),
        ("3a9 h \"x\"", "a letter in the code"),
        ("399 my proxy \"x\"", "an agent with spaces"),
        ("399 h x", "an unquoted text"),
        ("399 h", "no text"),
        ("399", "no agent"),
        ("399 h \"x", "an unterminated text"),
        ("399 h \"x\" y", "something after the text"),
        ("399 h \"x\"\r\nVia: SIP/2.0/UDP evil", "header injection"),
        ("399 h \"x\r\ny\"", "a bare line break in the text"),
        ("399 h \"x\\\0\"", "an escaped control"),
        ("", "nothing"),
        (" , ,", "only empty elements"),
    ];
    for (value, what) in cases {
        let error = Warning::parse(value).unwrap_err();
        assert!(error.offset() <= value.len(), "{what}");
        let first = Warning::parse_all(value).find_map(Result::err);
        assert!(first.is_some(), "{what}: parse_all yields the error too");
    }
    assert_eq!(Warning::parse("39 h \"x\"").unwrap_err().warn_code_error().unwrap().code(), None);
    assert_eq!(Warning::parse("399 h \"x\"\r\nVia: evil").unwrap_err().control_character(), Some('\r'));
}

/// `warn-code = 3DIGIT` (RFC 3261 §25.1) takes any three digits: each parses and reads back the
/// same; only 300 to 399 are SIP warn-codes (§20.43), the rest are kept and said to be odd, and
/// `code()` reads them as 399. Building takes a `WarnCode`, so it stays 3xx.
#[test]
fn every_three_digit_code_parses_and_only_3xx_is_not_odd() {
    for number in 0..=999u16 {
        let value = format!("{number:03} proxy.example.com \"x\"");
        let warning = Warning::parse(&value).unwrap_or_else(|e| panic!("{value}: {e}"));
        assert_eq!(warning.code_number(), number, "{value}");
        assert_eq!(Warning::parse(&warning.to_string()), Ok(warning), "{value}");
        assert_eq!(warning.to_string(), value);
        if (300..=399).contains(&number) {
            assert_eq!(warning.oddity(), None, "{value}");
            assert_eq!(warning.code().as_u16(), number, "{value}");
        } else {
            assert_eq!(warning.oddity(), Some(WarningOddity::NotSipWarnCode { code: number }), "{value}");
            assert_eq!(warning.code(), WarnCode::MISCELLANEOUS_WARNING, "{value}");
            let message = warning.oddity().unwrap().to_string();
            assert_eq!(message.contains("HTTP/1.1"), number < 300, "{message}");
        }
    }
    let built = Warning::new(WarnCode::MISCELLANEOUS_WARNING, "proxy", "x").unwrap();
    assert_eq!(built.oddity(), None);
}

#[test]
fn white_space_and_folds_stand_for_a_space() {
    let expected = Warning::parse("399 h \"x\"").unwrap();
    for value in
        ["399  h\t\"x\"", " 399 h \"x\" ", "399\r\n h\r\n\t\"x\"", "399 h \"x\"\r\n", "399 h \"x\"\n"]
    {
        assert_eq!(Warning::parse(value), Ok(expected), "{value:?}");
    }
    let folded = Warning::parse("399 h \"a\r\n b\"").unwrap();
    assert_eq!(folded.text().to_string(), "a b", "a fold inside the text is unfolded");
}

#[test]
fn empty_elements_are_skipped_and_the_first_error_ends_the_list() {
    let codes: Vec<_> = Warning::parse_all(", 399 a \"x\" ,, 307 b \"y\",")
        .map(|warning| warning.unwrap().code().as_u16())
        .collect();
    assert_eq!(codes, [399, 307]);
    let results: Vec<_> = Warning::parse_all("399 a \"x\", 7 b \"y\", 399 c \"z\"").collect();
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok() && results[1].is_err());
}
