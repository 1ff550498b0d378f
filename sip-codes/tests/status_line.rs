//! `StatusLine`: every real-world line of `sip-codes-testdata/data/status-lines.tsv`,
//! one targeted case per documented rule, and exhaustive sweeps where they
//! are cheap.

use std::collections::BTreeMap;

use sip_codes::{CATALOGUE, Entry, InvalidStatusLine, SipResponse, StatusCode, StatusLine};

/// What the docs of `StatusLine` promise for a line of the form
/// `SIP/2.0 <field>[ <reason>]`, written from the rules, not from the parser:
/// the code field decides, and the reason is whatever follows the first
/// space after it.
fn documented_outcome(line: &str) -> Result<(u16, &str), &'static str> {
    let rest = line.strip_prefix("SIP/2.0 ").ok_or("version")?;
    let (field, reason) = rest.split_once(' ').unwrap_or((rest, ""));
    if field.len() != 3 || !field.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not three digits");
    }
    let code: u16 = field.parse().unwrap();
    if !(100..=699).contains(&code) {
        return Err("out of range");
    }
    if reason.chars().any(|c| c.is_control() && c != '\t') {
        return Err("control character");
    }
    Ok((code, reason))
}

#[test]
fn every_real_world_line_gets_its_documented_outcome() {
    let lines = sip_codes_testdata::status_lines();
    assert!(lines.len() > 90, "the data file has about 98 lines, found {}", lines.len());
    let mut categories = BTreeMap::<&str, usize>::new();
    for line in &lines {
        let parsed = StatusLine::parse(line);
        let category = match (documented_outcome(line), parsed) {
            (Ok((code, reason)), Ok(parsed)) => {
                assert_eq!(parsed.version(), "SIP/2.0", "{line:?}");
                assert_eq!(parsed.code().as_u16(), code, "{line:?}");
                assert_eq!(parsed.reason(), reason, "{line:?}: the reason is kept as sent");
                let has_separator = line.len() > "SIP/2.0 486".len();
                if has_separator {
                    assert_eq!(parsed.to_string(), *line, "a line with a reason separator round-trips");
                } else {
                    assert_eq!(parsed.to_string(), format!("{line} "), "the separator is written");
                }
                let catalogued = parsed.code().entry().is_some_and(|entry| entry.matches_phrase(reason));
                assert_eq!(parsed.has_catalogued_reason(), catalogued, "{line:?}");
                match (parsed.code().entry(), parsed.has_catalogued_reason(), reason.is_empty()) {
                    (None, ..) => "ok, extension code",
                    (Some(_), _, true) => "ok, empty or missing reason",
                    (Some(_), true, false) => "ok, catalogued reason",
                    (Some(_), false, false) => "ok, reason of the peer's own",
                }
            }
            (Err(rule), Err(error)) => {
                if matches!(rule, "not three digits" | "out of range") {
                    assert_eq!(error.offset(), "SIP/2.0 ".len(), "{line:?}: the code field is at fault");
                }
                assert!(error.to_string().contains("RFC 3261"), "{line:?}: {error}");
                rule
            }
            (expected, parsed) => panic!("{line:?}: documented {expected:?}, parsed {parsed:?}"),
        };
        *categories.entry(category).or_default() += 1;
    }
    // Counted per category, not per line: a new line in the data file moves
    // one count, a change of rule moves many.
    assert_eq!(categories.get("ok, extension code"), Some(&2), "101 and 479: {categories:?}");
    assert_eq!(categories.get("not three digits"), Some(&2), "the 10-digit torture line: {categories:?}");
    assert_eq!(categories.get("ok, empty or missing reason"), Some(&4), "{categories:?}");
    assert_eq!(categories.values().sum::<usize>(), lines.len());
    // Real peers mostly send their own phrases: the catalogue must not judge them.
    assert!(categories["ok, reason of the peer's own"] > categories["ok, catalogued reason"] / 2);
}

#[test]
fn a_trailing_crlf_or_lf_is_removed_once() {
    for ending in ["", "\n", "\r\n"] {
        let text = format!("SIP/2.0 486 Busy Here{ending}");
        let line = StatusLine::parse(&text).unwrap();
        assert_eq!(line.reason(), "Busy Here", "{ending:?}");
    }
    // Only one terminator is framing; what is left is content, and refused.
    for text in ["SIP/2.0 486 Busy Here\r\n\r\n", "SIP/2.0 486 Busy Here\n\n", "SIP/2.0 486 Busy Here\r"] {
        let error = StatusLine::parse(text).unwrap_err();
        assert!(error.control_character().is_some(), "{text:?}");
    }
}

#[test]
fn an_empty_reason_and_a_missing_reason_both_parse() {
    let empty = StatusLine::parse("SIP/2.0 100 ").unwrap();
    let missing = StatusLine::parse("SIP/2.0 100").unwrap();
    assert_eq!(empty, missing);
    assert_eq!(empty.reason(), "");
    assert_eq!(missing.to_string(), "SIP/2.0 100 ");
    assert!(!empty.has_catalogued_reason());
    assert_eq!(StatusLine::parse("SIP/2.0 200\r\n").unwrap().reason(), "");
}

#[test]
fn the_reason_is_kept_byte_for_byte() {
    for reason in [" Busy Here", "Busy Here ", "busy\there", "Ringing2", "простое", "🛑 Declined", "a  b"]
    {
        let text = format!("SIP/2.0 486 {reason}");
        let line = StatusLine::parse(&text).unwrap();
        assert_eq!(line.reason(), reason);
        assert_eq!(line.to_string(), text);
        // Borrowed from the input, not copied.
        assert!(std::ptr::eq(line.reason().as_ptr(), text[12..].as_ptr()));
    }
}

#[test]
fn codes_that_are_not_three_digits_are_refused() {
    for field in ["", "2", "20", "2000", "4294967301", "48x", "+48", "４８６", "486\t"] {
        let text = format!("SIP/2.0 {field} Reason");
        let error = StatusLine::parse(&text).unwrap_err();
        assert_eq!(error.offset(), 8, "{text:?}");
        assert_eq!(error.code(), None, "{text:?}");
        assert_eq!(error.control_character(), None, "{text:?}");
        assert!(error.to_string().contains("RFC 3261 §25.1"), "{error}");
    }
    let error = StatusLine::parse("SIP/2.0  200 OK").unwrap_err();
    assert!(error.to_string().starts_with("there is no status code at byte 8"), "{error}");
}

#[test]
fn every_three_digit_code_parses_exactly_when_it_is_1xx_to_6xx() {
    for n in 0..=999u16 {
        let text = format!("SIP/2.0 {n:03} Reason");
        match StatusLine::parse(&text) {
            Ok(line) => {
                assert!((100..=699).contains(&n), "{n} was accepted");
                assert_eq!(line.code(), StatusCode::from_u16(n).unwrap());
                assert_eq!(line.to_string(), text);
            }
            Err(error) => {
                assert!(!(100..=699).contains(&n), "{n} was refused: {error}");
                assert_eq!(error.code(), Some(n));
                assert_eq!(error.offset(), 8);
            }
        }
    }
}

#[test]
fn stack_local_codes_never_make_a_status_line() {
    for entry in CATALOGUE.iter().filter(|entry| entry.code > 699) {
        let text = format!("SIP/2.0 {} {}", entry.code, entry.phrase);
        let error = StatusLine::parse(&text).unwrap_err();
        assert_eq!(error.code(), Some(entry.code));
        let message = error.to_string();
        assert!(message.contains("stack-local") && message.contains(entry.phrase), "{message}");
        assert_eq!(StatusLine::new(entry.status(), entry.phrase), Err(error));
        assert_eq!(StatusLine::canonical(entry.status()), Err(error));
    }
    let message = StatusLine::parse("SIP/2.0 900 Nine").unwrap_err().to_string();
    assert!(message.contains("900") && message.contains("100 to 699"), "{message}");
}

#[test]
fn extension_codes_parse_and_have_no_catalogued_reason() {
    let line =
        StatusLine::parse("SIP/2.0 479 Regretfully, we were not able to process the URI (479/SL)").unwrap();
    assert_eq!(line.code().as_u16(), 479);
    assert_eq!(line.code().entry(), None);
    assert!(line.code().is_request_failure());
    assert!(!line.has_catalogued_reason());
}

#[test]
fn every_control_character_but_htab_is_refused_anywhere() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| c.is_control()) {
        let text = format!("SIP/2.0 200 O{c}K");
        let parsed = StatusLine::parse(&text);
        let built = StatusLine::new(StatusCode::OK, &text[12..]);
        if c == '\t' {
            assert_eq!(parsed.unwrap().reason(), "O\tK");
            assert_eq!(built.unwrap().reason(), "O\tK");
            continue;
        }
        let error = parsed.unwrap_err();
        assert_eq!(error.control_character(), Some(c));
        assert_eq!(error.offset(), 13);
        assert_eq!(built, Err(error), "new reports the same rule at the same offset");
        assert!(error.to_string().contains(&format!("U+{:04X}", c as u32)), "{error}");
    }
    // Before the reason too: an injected line break is reported as such,
    // whatever else is wrong.
    let error = StatusLine::parse("SIP/2.0\r\nVia: x 200 OK").unwrap_err();
    assert_eq!((error.control_character(), error.offset()), (Some('\r'), 7));
    assert!(error.to_string().contains("header injection"));
}

#[test]
fn the_version_follows_the_grammar_and_is_kept() {
    for version in ["SIP/2.0", "sip/2.0", "Sip/2.0", "SIP/3.0", "SIP/2.10"] {
        let text = format!("{version} 200 OK");
        assert_eq!(StatusLine::parse(&text).unwrap().version(), version);
        assert_eq!(StatusLine::parse(&text).unwrap().to_string(), text);
    }
    for text in [
        "HTTP/1.1 200 OK",
        "SIP/2 200 OK",
        "SIP/.0 200 OK",
        "SIP/2. 200 OK",
        "SIP 2.0 200 OK",
        "SIP/2.0/UDP 200 OK",
        " SIP/2.0 200 OK",
        "SIP/２.0 200 OK",
        "",
        "INVITE sip:bob@example.com SIP/2.0",
    ] {
        let error = StatusLine::parse(text).unwrap_err();
        assert_eq!(error.offset(), 0, "{text:?}");
        assert!(error.to_string().starts_with("a status line starts with the SIP version"), "{error}");
    }
    let error = StatusLine::parse("SIP/2.0").unwrap_err();
    assert_eq!(error.offset(), 7);
    assert!(error.to_string().contains("right after its SIP version"), "{error}");
}

#[test]
fn catalogued_reasons_are_the_phrase_or_an_alias_of_the_same_code_in_any_case() {
    for entry in CATALOGUE.iter().filter(|entry| entry.code <= 699) {
        for spelling in std::iter::once(&entry.phrase).chain(entry.aliases) {
            for reason in [spelling.to_string(), spelling.to_uppercase(), spelling.to_lowercase()] {
                let line = StatusLine::new(entry.status(), &reason).unwrap();
                assert!(line.has_catalogued_reason(), "{} {reason}", entry.code);
            }
        }
        let own = StatusLine::new(entry.status(), "Our Own Words").unwrap();
        assert!(!own.has_catalogued_reason());
    }
    // A phrase registered for another code is not this code's phrase.
    let line = StatusLine::parse("SIP/2.0 500 Service Unavailable").unwrap();
    assert!(!line.has_catalogued_reason());
    assert!(StatusLine::parse("SIP/2.0 606 Not Acceptable").unwrap().has_catalogued_reason());
}

#[test]
fn canonical_lines_round_trip_for_every_wire_code() {
    for n in 100..=699 {
        let code = StatusCode::from_u16(n).unwrap();
        let line = StatusLine::canonical(code).unwrap();
        let text = line.to_string();
        assert_eq!(StatusLine::parse(&text), Ok(line));
        assert_eq!(line.reason(), code.canonical_reason().unwrap_or(""));
        assert_eq!(line.has_catalogued_reason(), Entry::by_code(n).is_some());
        assert_eq!((line.status(), SipResponse::reason(&line)), (code, line.reason()));
    }
}

#[test]
fn parsing_never_panics_on_cut_or_mangled_lines() {
    let samples = sip_codes_testdata::status_lines();
    let extra = ["SIP/2.0 486 Busy Here\r\n", "sip/2.0 200 простое 🛑", "SIP/2.0 \t200"];
    for line in samples.iter().copied().chain(extra) {
        for (at, _) in line.char_indices().chain([(line.len(), ' ')]) {
            let _ = StatusLine::parse(&line[..at]);
            let _ = StatusLine::parse(&line[at..]);
            for insert in ["\r", " ", "9", "/", "é"] {
                let mangled = format!("{}{insert}{}", &line[..at], &line[at..]);
                if let Ok(parsed) = StatusLine::parse(&mangled) {
                    // Whatever parses displays as a line that parses back the same.
                    assert_eq!(StatusLine::parse(&parsed.to_string()), Ok(parsed), "{mangled:?}");
                }
            }
        }
    }
}

#[test]
fn the_error_is_a_std_error_with_full_sentences() {
    fn assert_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
    let errors: Vec<InvalidStatusLine> =
        ["HTTP/1.1 200 OK", "SIP/2.0", "SIP/2.0 20 OK", "SIP/2.0 999 X", "SIP/2.0 200 \0"]
            .into_iter()
            .map(|text| StatusLine::parse(text).unwrap_err())
            .collect();
    for error in &errors {
        assert_error(error);
        let message = error.to_string();
        assert!(message.contains("RFC 3261 §"), "names the rule: {message}");
        assert!(message.chars().next().unwrap().is_lowercase() && !message.ends_with('.'), "{message}");
    }
    let distinct: std::collections::HashSet<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(distinct.len(), errors.len());
}
