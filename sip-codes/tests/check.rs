//! The conformance check of `sip_codes::check`: each rule with a response that keeps it and one
//! that breaks it, names as SIP compares them, the notes, hostile input, and the whole responses
//! of RFC 3665 and RFC 4475 with what the check says of each.

use proptest::prelude::*;
use sip_codes::check::{Finding, Level, Response, check};
use sip_codes::{CATALOGUE, Facts, HeaderRule, Method, StatusCode, StatusLine};

/// The fields every response carries (RFC 3261 §8.2.6.2), in answer to `method`.
fn base(method: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Via", "SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds".to_owned()),
        ("From", "<sip:alice@example.com>;tag=1928301774".to_owned()),
        ("To", "<sip:bob@example.com>;tag=a6c85cf".to_owned()),
        ("Call-ID", "a84b4c76e66710@pc33.example.com".to_owned()),
        ("CSeq", format!("314159 {method}")),
    ]
}

fn borrowed<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(name, value)| (*name, value.as_str())).collect()
}

/// Whether the findings name `rule`.
fn names(findings: &[Finding<'_>], rule: &HeaderRule) -> bool {
    findings.iter().any(|finding| match finding {
        Finding::Missing { rule: found, .. } | Finding::Forbidden { rule: found, .. } => {
            std::ptr::eq(*found, rule)
        }
        _ => false,
    })
}

fn judge<'a>(code: StatusCode, headers: &'a [(&'a str, &'a str)], facts: Facts) -> Vec<Finding<'a>> {
    check(&Response::new(code, headers).facts(facts)).collect()
}

#[test]
fn every_rule_has_a_response_that_keeps_it_and_one_that_breaks_it() {
    let mut checked = 0;
    for entry in CATALOGUE {
        let code = entry.status();
        for rule in code.all_header_rules() {
            if rule.requirement == sip_codes::Requirement::May {
                continue;
            }
            // A method the rule binds, and the facts it needs.
            let method = rule.context.methods.iter().next().unwrap_or(Method::Options);
            let facts = rule.context.facts;
            let mut with = base(method.name());
            with.retain(|(name, _)| !name.eq_ignore_ascii_case(rule.header));
            let without = with.clone();
            with.push((rule.header, "x".to_owned()));
            let (with, without) = (borrowed(&with), borrowed(&without));
            let judge = |headers| judge(code, headers, facts);
            let (kept, broken) = if rule.requirement.forbids() {
                (judge(&without), judge(&with))
            } else {
                (judge(&with), judge(&without))
            };
            assert!(!names(&kept, rule), "{} {rule}: reported when kept: {kept:?}", entry.code);
            assert!(names(&broken, rule), "{} {rule}: not reported when broken", entry.code);
            let finding = broken
                .iter()
                .find(|finding| {
                    matches!(finding, Finding::Missing { .. } | Finding::Forbidden { .. })
                        && finding.header() == Some(rule.header)
                })
                .unwrap();
            let expected = match (rule.context.judged, rule.requirement) {
                (true, _) => Level::Note,
                (_, sip_codes::Requirement::Must) => Level::Must,
                (_, sip_codes::Requirement::Should) => Level::Should,
                (_, sip_codes::Requirement::MustNot) => Level::MustNot,
                (_, sip_codes::Requirement::ShouldNot) => Level::ShouldNot,
                (_, sip_codes::Requirement::May) => unreachable!(),
            };
            assert_eq!(finding.level(), expected, "{} {rule}", entry.code);
            assert_eq!(finding.reference(), rule.reference);
            checked += 1;
        }
    }
    // Every code's rules, its own and those it shares, but MAY, which nothing breaks.
    let rules: usize = CATALOGUE
        .iter()
        .map(|entry| {
            entry
                .status()
                .all_header_rules()
                .filter(|rule| rule.requirement != sip_codes::Requirement::May)
                .count()
        })
        .sum();
    assert_eq!(checked, rules);
    assert!(checked > 900, "{checked} rules checked");
}

#[test]
fn a_rule_binds_only_in_its_context() {
    // 405 must carry Allow whatever the method.
    let bye = base("BYE");
    assert!(
        check(&Response::new(StatusCode::METHOD_NOT_ALLOWED, &borrowed(&bye)))
            .any(|f| f.header() == Some("Allow"))
    );
    // A 2xx to SUBSCRIBE must carry Expires; a 2xx to OPTIONS need not.
    let subscribe = base("SUBSCRIBE");
    let options = base("OPTIONS");
    let expires = |fields: &[(&'static str, String)]| {
        check(&Response::new(StatusCode::OK, &borrowed(fields))).any(|f| f.header() == Some("Expires"))
    };
    assert!(expires(&subscribe) && !expires(&options));
    // A reliable 183 must carry RSeq, an unreliable one need not; a 180 opening an early dialog
    // in answer to INVITE must carry Contact, which the To tag shows without being told.
    let invite = base("INVITE");
    let rseq = |facts| {
        check(&Response::new(StatusCode::SESSION_PROGRESS, &borrowed(&invite)).facts(facts))
            .any(|f| f.header() == Some("RSeq"))
    };
    assert!(rseq(Facts::RELIABLE) && !rseq(Facts::NONE));
    assert!(
        check(&Response::new(StatusCode::RINGING, &borrowed(&invite))).any(|f| f.header() == Some("Contact"))
    );
    let mut untagged = base("INVITE");
    untagged[2].1 = "<sip:bob@example.com>".to_owned();
    assert!(
        !check(&Response::new(StatusCode::RINGING, &borrowed(&untagged)))
            .any(|f| f.header() == Some("Contact"))
    );
    // With CSeq missing the method is unknown: only the rules of every method bind, and CSeq is missing.
    let headerless: [(&str, &str); 0] = [];
    let findings: Vec<_> = check(&Response::new(StatusCode::OK, &headerless)).collect();
    let missing: Vec<_> = findings.iter().filter_map(Finding::header).collect();
    assert_eq!(missing, ["Via", "From", "To", "Call-ID", "CSeq"]);
}

#[test]
fn names_compare_as_sip_compares_them() {
    let compact = [
        ("v", "SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds"),
        ("F", "<sip:alice@example.com>;tag=1928301774"),
        ("t", "<sip:bob@example.com>;tag=a6c85cf"),
        ("i", "a84b4c76e66710@pc33.example.com"),
        ("cseq", "1 INVITE"),
        ("m", "<sip:bob@192.0.2.4>"),
        ("ALLOW", "INVITE, ACK, BYE"),
        ("k", "100rel"),
    ];
    let findings: Vec<_> = check(&Response::new(StatusCode::OK, &compact)).collect();
    assert!(findings.is_empty(), "{findings:?}");
    // `MESSAGE` is a method name only in capitals (RFC 3261 §7.1): `message` is an extension.
    let lower = [("m", "<sip:bob@192.0.2.4>"), ("CSeq", "1 message")];
    assert!(!check(&Response::new(StatusCode::OK, &lower)).any(|f| f.header() == Some("Contact")));
    let upper = [("m", "<sip:bob@192.0.2.4>"), ("CSeq", "1 MESSAGE")];
    assert!(
        check(&Response::new(StatusCode::OK, &upper))
            .any(|f| f.level() == Level::MustNot && f.header() == Some("Contact"))
    );
}

#[test]
fn notes_and_grammar() {
    let mut fields = base("INVITE");
    fields.push(("Retry-After", "120".to_owned()));
    fields.push(("Reason", "Q.850;cause=16".to_owned()));
    fields.push(("Reason", "Q.850;cause=17, Q.850;cause=128, SIP;cause=".to_owned()));
    fields.push(("Warning", "1812 overture \"In Progress\"".to_owned()));
    let headers = borrowed(&fields);
    // 501 gets no Retry-After; 486 relates to cause 17, not to 16.
    let findings: Vec<_> = check(&Response::new(StatusCode::BUSY_HERE, &headers).reason("Busy")).collect();
    let kinds: Vec<_> = findings.iter().map(|f| (f.kind(), f.level())).collect();
    assert_eq!(
        kinds,
        [
            ("other_phrase", Level::Note),
            ("unrelated_cause", Level::Note),
            ("odd_reason", Level::Note),
            ("invalid_reason", Level::Grammar),
            ("invalid_warning", Level::Grammar),
        ]
    );
    assert_eq!(
        findings[2].to_string(),
        "note: Reason \"Q.850;cause=17, Q.850;cause=128, SIP;cause=\": the cause 128 is not a Q.850 cause: \
         RFC 3326 §2 gives protocol Q.850 an ITU-T Q.850 cause value, and those run from 1 to 127; a \
         receiver cannot tell what it means (RFC 3326 §2)"
    );
    assert_eq!(
        findings[1].to_string(),
        "note: 486 with Q.850 cause 16: no profile (RFC 3398, FreeSWITCH, Asterisk) relates the two (RFC 3398 §8.2.6.1)"
    );
    let not_implemented: Vec<_> = check(&Response::new(StatusCode::NOT_IMPLEMENTED, &headers)).collect();
    assert!(not_implemented.iter().any(|f| f.kind() == "retry_after_not_applied"), "{not_implemented:?}");
    // A 2xx is not compared with the mappings, which cover failures only.
    assert!(!check(&Response::new(StatusCode::OK, &headers)).any(|f| f.kind() == "unrelated_cause"));
}

/// Values their grammar allows but their protocol does not define: one note each, after which the
/// value is read as any other (its Q.850 cause is still compared with the code).
#[test]
fn odd_values_are_notes() {
    let cases: [(&str, &str, &[&str]); 6] = [
        ("Reason", "SIP", &["the value has no cause"]),
        ("Reason", "SIP;cause=800;text=\"x\"", &["the cause 800 is not a SIP status code"]),
        ("Reason", "RELEASE_CAUSE;location=LN", &["the value has no cause", "the value has a location"]),
        (
            "Reason",
            "Q.850;cause=0;location=U, Q.850;cause=16",
            &["the cause 0 is not a Q.850 cause", "486 with Q.850 cause 16"],
        ),
        (
            "Warning",
            "214 proxy \"Transformation applied\"",
            &["the warn-code 214 is not a SIP warn-code: RFC 3261 §20.43 leaves 1xx"],
        ),
        (
            "Warning",
            "399 a \"x\", 701 b \"y\"",
            &["the warn-code 701 is not a SIP warn-code: RFC 3261 §20.43 makes"],
        ),
    ];
    for (name, value, expected) in cases {
        let mut fields = base("INVITE");
        fields.push((name, value.to_owned()));
        let headers = borrowed(&fields);
        let findings: Vec<_> = check(&Response::new(StatusCode::BUSY_HERE, &headers)).collect();
        let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
        assert_eq!(findings.len(), expected.len(), "{value}: {lines:?}");
        for (finding, expected) in findings.iter().zip(expected) {
            assert_eq!(finding.level(), Level::Note, "{value}");
            assert_eq!(finding.header(), Some(name), "{value}");
            assert!(finding.to_string().contains(expected), "{value}: {finding}");
        }
    }
    // Strict values: nothing.
    let mut fields = base("INVITE");
    fields
        .extend([("Reason", "SIP;cause=487;location=LN".to_owned()), ("Warning", "392 h \"x\"".to_owned())]);
    let headers = borrowed(&fields);
    let findings: Vec<_> = check(&Response::new(StatusCode::BUSY_HERE, &headers)).map(|f| f.kind()).collect();
    assert_eq!(findings, ["odd_reason"]); // the location on SIP only
}

/// What the check says of every response printed in RFC 3665 and RFC 4475. The call flows of
/// RFC 3665 leave out what RFC 3261 §13.3.1.4 asks of a 2xx to INVITE (Allow, Supported) and
/// §10.3 of a 200 to REGISTER (Date); five 407s and two 480s carry phrases of their own; the 200
/// that removes every binding (§2.4) lists none, which only the registrar can judge; three 486s
/// are printed with two spaces after `SIP/2.0`, which the Status-Line grammar does not allow.
/// RFC 4475's responses break what their sections say they break (§3.1.1.12, §3.1.1.13,
/// §3.1.2.5, §3.1.2.19). The findings are in `tests/check/rfc-responses.txt`; `BLESS=1` rewrites it.
#[test]
fn the_rfc_responses_get_exactly_these_findings() {
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for file in ["rfc3665-messages.txt", "rfc4475-responses.txt"] {
        for message in sip_codes_testdata::responses(file) {
            let (start, fields, _) = message.parts();
            let Ok(line) = StatusLine::parse(start) else {
                *seen.entry(format!("refused: {start}")).or_default() += 1;
                continue;
            };
            let headers: Vec<(&str, &str)> =
                fields.iter().map(|(name, value)| (*name, value.as_str())).collect();
            for finding in check(&Response::new(line.code(), &headers).reason(line.reason())) {
                *seen.entry(finding.to_string()).or_default() += 1;
            }
        }
    }
    let mut lines: Vec<String> = seen.iter().map(|(line, count)| format!("{count} {line}")).collect();
    lines.sort();
    let golden = include_str!("check/rfc-responses.txt");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/check/rfc-responses.txt"),
            lines.join("\n") + "\n",
        )
        .unwrap();
        return;
    }
    assert_eq!(lines.join("\n") + "\n", golden, "rewrite with BLESS=1 if the change is right");
}

#[test]
fn every_real_status_line_is_judged_on_its_phrase_alone() {
    for text in sip_codes_testdata::status_lines() {
        let Ok(line) = StatusLine::parse(text) else { continue };
        let fields = base("INVITE");
        let headers = borrowed(&fields);
        let phrase: Vec<_> = check(&Response::new(line.code(), &headers).reason(line.reason()))
            .filter(|finding| finding.kind() == "other_phrase")
            .collect();
        let differs = line.code().canonical_reason().is_some_and(|registered| registered != line.reason());
        assert_eq!(phrase.len(), usize::from(differs), "{text:?}");
    }
}

/// Every real-world Reason and Warning value of the test data, in a 603: the check reports a
/// broken grammar exactly where the parser refuses a value, and an odd value exactly where the
/// parser finds it odd.
#[test]
fn every_real_header_value_is_judged_as_its_parser_reads_it() {
    use sip_codes::{Reason, Warning};
    for (name, file) in [("Reason", "reason-values.tsv"), ("Warning", "warning-values.tsv")] {
        for (value, notes) in sip_codes_testdata::header_values(file) {
            // A folded value arrives unfolded, as a message parser hands it on.
            let value = value.replace("\r\n", " ");
            let fields = [("CSeq", "1 INVITE"), (name, value.as_str())];
            let findings: Vec<_> = check(&Response::new(StatusCode::DECLINE, &fields)).collect();
            let count = |kinds: &[&str]| findings.iter().filter(|f| kinds.contains(&f.kind())).count();
            let (refused, odd) = if name == "Reason" {
                let parsed: Vec<_> = Reason::parse_all(&value).collect();
                let odd = parsed.iter().flatten().map(|reason| reason.oddities().count()).sum::<usize>();
                (parsed.iter().filter(|r| r.is_err()).count(), odd)
            } else {
                let parsed: Vec<_> = Warning::parse_all(&value).collect();
                let odd = parsed.iter().flatten().filter(|warning| warning.oddity().is_some()).count();
                (parsed.iter().filter(|w| w.is_err()).count(), odd)
            };
            assert_eq!(count(&["invalid_reason", "invalid_warning"]), refused, "{value:?} ({notes})");
            assert_eq!(count(&["odd_reason", "odd_warning"]), odd, "{value:?} ({notes})");
        }
    }
}

fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\x00-\\x1f\\x7f\\u{9b}a-zA-Z;=,\" :<>@.0-9-]{0,40}",
        Just("Q.850;cause=17\r\nVia: evil".to_owned()),
        Just("\u{1b}[31m".to_owned()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Reason",
            "Warning",
            "Retry-After",
            "CSeq",
            "To",
            "t",
            "m",
            "Contact",
            "Min-SE"
        ])
        .prop_map(str::to_owned),
        hostile(),
    ]
}

proptest! {
    #[test]
    fn any_response_gives_findings_and_never_a_raw_control_character(
        code in 100u16..=799,
        reason in hostile(),
        fields in prop::collection::vec((name(), hostile()), 0..60),
    ) {
        let Ok(code) = StatusCode::from_u16(code) else { return Ok(()) };
        let headers: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        for finding in check(&Response::new(code, &headers).reason(&reason).facts(Facts::FROM_PROXY)) {
            let line = finding.to_string();
            prop_assert!(!line.chars().any(char::is_control), "{line:?}");
        }
    }
}

#[test]
fn thousands_of_fields_are_read_in_one_pass() {
    let fields: Vec<(&str, &str)> = (0..20_000).map(|_| ("Reason", "SIP;cause=600, Q.850;cause=0")).collect();
    let findings =
        check(&Response::new(StatusCode::DECLINE, &fields)).filter(|f| f.kind() == "odd_reason").count();
    assert_eq!(findings, 20_000);
}
