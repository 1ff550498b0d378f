//! What a stack does with each code: `as_understood`, dispositions,
//! Retry-After and header rules, checked over every valid code and against
//! the test data's table of required header fields.

use sip_codes::{
    CATALOGUE, Class, Codes, Disposition, Facts, HANDLING, HeaderRule, Method, Requirement, SHARED_RULES,
    StatusCode,
};

/// Every valid status code: all of 100..=699 and the catalogued 7xx.
fn every_code() -> impl Iterator<Item = StatusCode> {
    (0..=u16::MAX).filter_map(|code| StatusCode::from_u16(code).ok())
}

fn code(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap()
}

#[test]
fn every_code_is_understood_as_a_catalogued_code_of_its_class() {
    for status in every_code() {
        let understood = status.as_understood();
        let entry = understood
            .entry()
            .unwrap_or_else(|| panic!("{status:?} is understood as uncatalogued {understood:?}"));
        assert_eq!(understood.class(), status.class(), "{status:?}");
        assert_eq!(understood.as_understood(), understood, "{status:?}: understanding is idempotent");
        let expected = match (status.is_recognised(), status.class()) {
            _ if status == 202 => 200,
            (true, _) => status.as_u16(),
            (false, Class::Provisional) => 183,
            (false, class) => class.first_digit() as u16 * 100,
        };
        assert_eq!(entry.code, expected, "{status:?}");
    }
    // RFC 3261 §8.1.3.2's own example, and the two the issue names.
    assert_eq!(code(431).as_understood(), StatusCode::BAD_REQUEST);
    assert_eq!(code(699).as_understood(), StatusCode::BUSY_EVERYWHERE);
    assert_eq!(code(101).as_understood(), StatusCode::SESSION_PROGRESS);
}

#[test]
fn recognised_means_catalogued() {
    for status in every_code() {
        assert_eq!(status.is_recognised(), status.entry().is_some(), "{status:?}");
    }
}

#[test]
fn handling_lines_up_with_the_catalogue() {
    assert_eq!(HANDLING.len(), CATALOGUE.len());
    for (handling, entry) in HANDLING.iter().zip(CATALOGUE) {
        assert_eq!(handling.code, entry.code);
        assert_eq!(entry.handling(), handling);
        assert_eq!(entry.status().handling(), handling);
    }
    for status in every_code() {
        // A catalogued code has its own row; any other, its x00's (or 183's).
        let row = status.entry().unwrap_or_else(|| status.as_understood().entry().unwrap());
        assert_eq!(status.handling(), row.handling());
        assert_eq!(status.disposition(), status.handling().disposition);
    }
}

#[test]
fn the_disposition_agrees_with_the_class() {
    for status in every_code() {
        let disposition = status.disposition();
        let fits = match status.class() {
            Class::Provisional => disposition == Disposition::Wait,
            Class::Success => disposition == Disposition::Success,
            // 380 has no Contact to recurse on: its alternatives are in the body.
            Class::Redirection if status == 380 => disposition == Disposition::FailHere,
            Class::Redirection => disposition == Disposition::Recurse,
            Class::RequestFailure | Class::ServerFailure => matches!(
                disposition,
                Disposition::RetryWithChanges
                    | Disposition::RetryLater
                    | Disposition::TryAnotherServer
                    | Disposition::FailHere
            ),
            Class::GlobalFailure => disposition == Disposition::FailEverywhere,
            Class::StackLocal => disposition == Disposition::StackLocal,
        };
        assert!(fits, "{status:?} is {disposition:?}");
    }
}

#[test]
fn the_dispositions_the_rfcs_name() {
    let with = |disposition: Disposition| -> Vec<u16> {
        HANDLING
            .iter()
            .filter(|handling| handling.disposition == disposition)
            .map(|handling| handling.code)
            .collect()
    };
    let retry_with_changes = with(Disposition::RetryWithChanges);
    // RFC 3261 §8.1.3.5 and the codes' sections: fix the request and retry.
    // 438: RFC 8224 §6.1.1 (retry once with the full PASSporT); 439: RFC
    // 5626 §4.2.1 (register without outbound, or through another proxy).
    for code in [401, 407, 412, 413, 415, 416, 417, 420, 421, 422, 423, 438, 439, 484, 494] {
        assert!(retry_with_changes.contains(&code), "{code}");
    }
    // A received 408 may be repeated later (RFC 3261 §21.4.9); it is not one
    // of RFC 3263 §4.3's failover triggers.
    assert_eq!(with(Disposition::RetryLater), [408, 491, 500]);
    assert_eq!(with(Disposition::TryAnotherServer), [430, 503]);
    assert_eq!(with(Disposition::Recurse), [300, 301, 302, 305]);
    assert_eq!(with(Disposition::FailEverywhere), [600, 603, 604, 606, 607, 608]);
    // The callee may be available elsewhere: the request fails here only.
    assert_eq!(code(480).disposition(), Disposition::FailHere);
    assert_eq!(code(486).disposition(), Disposition::FailHere);
    assert_eq!(code(436).disposition(), Disposition::FailHere);
}

#[test]
fn retry_after_is_allowed_exactly_where_the_rfc_says() {
    // RFC 3261 §20.33 (and Table 3): 404, 413, 480, 486, 500, 503, 600, 603.
    // An independent transcription of that list, the oracle for the rows.
    let allowed: Vec<u16> = HANDLING.iter().filter(|h| h.retry_after().is_some()).map(|h| h.code).collect();
    assert_eq!(allowed, [404, 413, 480, 486, 500, 503, 600, 603]);
    for status in every_code() {
        assert_eq!(status.allows_retry_after(), status.handling().retry_after().is_some());
        if !status.is_recognised() {
            assert_eq!(
                status.allows_retry_after(),
                status.as_understood().allows_retry_after(),
                "{status:?}"
            );
        }
    }
    // §21.4.11: a temporary 413 SHOULD say when; §14.2: a 500 to a second
    // INVITE MUST.
    assert_eq!(code(413).handling().retry_after().unwrap().requirement, Requirement::Should);
    assert!(
        code(500)
            .header_rules()
            .iter()
            .any(|rule| rule.header == "Retry-After" && rule.requirement == Requirement::Must)
    );
}

#[test]
fn what_a_retry_reads_is_what_the_response_carries() {
    for handling in HANDLING {
        let status = code(handling.code);
        for read in handling.reads {
            assert!(
                status.all_header_rules().any(|rule| rule.header == *read && !rule.requirement.forbids()),
                "{} reads {read}, which no header rule puts in the response",
                handling.code
            );
        }
        if handling.disposition == Disposition::Recurse {
            assert!(handling.reads.contains(&"Contact"), "{} recurses without Contact", handling.code);
        }
    }
}

#[test]
fn rows_are_one_line_and_cited() {
    for handling in HANDLING {
        assert!(handling.action.ends_with('.') && !handling.action.contains('\n'), "{}", handling.code);
        let shared = SHARED_RULES.iter().map(|shared| &shared.rule);
        let references = std::iter::once(handling.reference)
            .chain(handling.headers.iter().chain(shared).map(|rule| rule.reference));
        for reference in references {
            assert!(reference.rfc >= 2543, "{}: RFC {}", handling.code, reference.rfc);
            assert!(
                reference.section.split('.').all(|n| n.parse::<u8>().is_ok()),
                "{}: {:?}",
                handling.code,
                reference
            );
        }
    }
}

/// Rows of `sip-codes-testdata/data/required-headers.tsv` that name no header
/// field rule to encode, and why. Every other row with a level is checked
/// against the rules that bind its codes, in its context.
const NOT_ENCODED: &[(&str, &str)] = &[
    (
        "all (except 100)",
        "the To tag is a parameter of To, not a header field; To itself is encoded (RFC 3261 §8.2.6.2)",
    ),
    ("380", "the alternative services are a message body, not a header field (RFC 3261 §21.3.5)"),
    ("580", "the failed preconditions are an SDP body, not a header field (RFC 3312 §8)"),
];

/// The codes, method and facts in which a row of the table holds: a row for
/// one code holds in any context; a row for a class or a context names it.
fn situation(row: &str) -> (Vec<StatusCode>, Option<Method>, Facts) {
    let catalogued = || CATALOGUE.iter().map(|entry| entry.status());
    let codes = |list: &[u16]| list.iter().map(|&c| code(c)).collect::<Vec<_>>();
    if let Ok(single) = row.parse::<u16>() {
        return (vec![code(single)], None, Facts::NONE);
    }
    match row {
        "all" => (catalogued().collect(), Some(Method::Invite), Facts::NONE),
        "1xx (reliable)" => (codes(&[180, 181, 182, 183, 199]), Some(Method::Invite), Facts::RELIABLE),
        "2xx to INVITE" => (codes(&[200, 202, 204]), Some(Method::Invite), Facts::REQUEST_HAD_RECORD_ROUTE),
        "200 to REGISTER" => (codes(&[200]), Some(Method::Register), Facts::NONE),
        "200 to OPTIONS" => (codes(&[200]), Some(Method::Options), Facts::FROM_UAS),
        "2xx to SUBSCRIBE" => (codes(&[200, 202, 204]), Some(Method::Subscribe), Facts::NONE),
        // RFC 3903 §6 step 6: the ESC returns a 200.
        "2xx to PUBLISH" => (codes(&[200]), Some(Method::Publish), Facts::NONE),
        "2xx to MESSAGE" => (codes(&[200, 202, 204]), Some(Method::Message), Facts::NONE),
        "18x (opens an early dialog)" => (
            codes(&[180, 181, 182, 183]),
            Some(Method::Invite),
            Facts::EARLY_DIALOG.with(Facts::REQUEST_HAD_RECORD_ROUTE),
        ),
        "any but 422" => {
            (catalogued().filter(|status| *status != 422).collect(), Some(Method::Update), Facts::NONE)
        }
        "any to PUBLISH" => (catalogued().collect(), Some(Method::Publish), Facts::NONE),
        other => panic!("a row of the table that no situation describes: {other:?}"),
    }
}

#[test]
fn the_table_of_required_headers_is_encoded_or_explained() {
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for columns in sip_codes_testdata::table("required-headers.tsv") {
        let (row, header, level) = (columns[0], columns[1], columns[2]);
        let level = match level {
            "MUST" => Requirement::Must,
            "SHOULD" => Requirement::Should,
            "MAY" => Requirement::May,
            "MUST NOT" => Requirement::MustNot,
            "SHOULD NOT" => Requirement::ShouldNot,
            "-" => continue, // the row says there is no rule
            other => panic!("{row}: level {other:?}"),
        };
        // "Accept, Accept-Encoding", "Contact (…)", "RSeq; Require: 100rel": the names.
        let names: Vec<&str> = header
            .split(" (")
            .next()
            .unwrap()
            .split([',', ';'])
            .map(|name| name.split(':').next().unwrap().trim())
            .filter(|name| name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.contains(' '))
            .collect();
        if let Some((_, reason)) = NOT_ENCODED.iter().find(|(r, _)| *r == row) {
            assert!(names.is_empty(), "{row}: {names:?} is listed as not encoded ({reason})");
            continue;
        }
        assert!(!names.is_empty(), "{row}: {header:?} names no header field and is not explained");
        let (codes, method, facts) = situation(row);
        for status in codes {
            let rules: Vec<&HeaderRule> = match method {
                Some(method) => status.header_rules_for(method, facts).collect(),
                None => status.all_header_rules().collect(),
            };
            for name in &names {
                if rules.iter().any(|rule| rule.header == *name && rule.requirement == level) {
                    checked += 1;
                } else {
                    disagreements.push(format!("{row} ({status:?}) {name}: no {level} rule"));
                }
            }
        }
    }
    assert!(disagreements.is_empty(), "rows neither encoded nor explained:\n{}", disagreements.join("\n"));
    assert!(checked >= 300, "only {checked} (row, code, header) checked");
}

/// The rules of `status` for `method` and `facts`, as "KEYWORD Header".
fn binding(status: StatusCode, method: Method, facts: Facts) -> Vec<String> {
    status
        .header_rules_for(method, facts)
        .map(|rule| format!("{} {}", rule.requirement, rule.header))
        .collect()
}

/// Every fact set that can hold at once (a response is from a UAS or from a
/// proxy, not both).
fn fact_sets() -> impl Iterator<Item = Facts> {
    (0..1u32 << Facts::ALL.len())
        .map(|bits| {
            Facts::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .fold(Facts::NONE, |facts, (_, (fact, _, _))| facts.with(*fact))
        })
        .filter(|facts| !facts.contains(Facts::FROM_UAS.with(Facts::FROM_PROXY)))
}

/// Catalogued codes and one uncatalogued code of each class.
fn sample_codes() -> impl Iterator<Item = StatusCode> {
    CATALOGUE.iter().map(|entry| entry.status()).chain([150, 299, 399, 431, 599, 699].map(code))
}

#[test]
fn no_context_both_asks_for_and_forbids_a_header() {
    for status in sample_codes() {
        for method in Method::ALL {
            for facts in fact_sets() {
                let rules: Vec<_> = status.header_rules_for(method, facts).collect();
                for rule in rules.iter().filter(|rule| rule.requirement.forbids()) {
                    assert!(
                        !rules
                            .iter()
                            .any(|other| other.header == rule.header && !other.requirement.forbids()),
                        "{status:?} to {method} with {facts:?}: {rule} and a rule asking for {}",
                        rule.header
                    );
                }
            }
        }
    }
}

#[test]
fn a_dialog_forming_response_carries_contact_and_record_route() {
    // RFC 3261 §12.1, §12.1.1: 2xx to INVITE, and 101-199 with a To tag to
    // INVITE; 199 ends an early dialog and opens none (RFC 6228).
    let early = Facts::EARLY_DIALOG.with(Facts::REQUEST_HAD_RECORD_ROUTE);
    for status in (100..=299).map(code) {
        let opens = match status.class() {
            Class::Success => true,
            _ => (101..=198).contains(&status.as_u16()),
        };
        let rules = binding(status, Method::Invite, early);
        assert_eq!(rules.contains(&"MUST Contact".into()), opens, "{status:?}: {rules:?}");
        assert_eq!(rules.contains(&"MUST Record-Route".into()), opens, "{status:?}: {rules:?}");
        // Without the request's Record-Route there is nothing to copy.
        let rules = binding(status, Method::Invite, Facts::EARLY_DIALOG);
        assert!(!rules.contains(&"MUST Record-Route".into()), "{status:?}");
        // An 18x without a To tag opens nothing.
        if status.is_provisional() {
            assert!(!binding(status, Method::Invite, Facts::NONE).contains(&"MUST Contact".into()));
        }
    }
    assert!(
        !binding(StatusCode::OK, Method::Bye, Facts::REQUEST_HAD_RECORD_ROUTE)
            .contains(&"MUST Contact".into())
    );
    // RFC 6228 §6: a forking proxy's 199 should carry neither.
    let proxy_199 = binding(code(199), Method::Invite, Facts::FROM_PROXY);
    assert!(
        proxy_199.contains(&"SHOULD NOT Contact".into())
            && proxy_199.contains(&"SHOULD NOT Record-Route".into())
    );
}

#[test]
fn a_reliable_provisional_response_carries_rseq_and_require() {
    // RFC 3262 §3: 101-199 only; 100 is never sent reliably.
    for status in (100..=199).map(code) {
        let rules = binding(status, Method::Invite, Facts::RELIABLE);
        let reliable = status != 100;
        assert_eq!(rules.contains(&"MUST RSeq".into()), reliable, "{status:?}");
        assert_eq!(rules.contains(&"MUST Require".into()), reliable, "{status:?}");
        assert!(!binding(status, Method::Invite, Facts::NONE).contains(&"MUST RSeq".into()), "{status:?}");
    }
}

#[test]
fn rules_in_answer_to_one_method() {
    for status in sample_codes() {
        let success = status.class() == Class::Success;
        // RFC 6665 §3.1.1: every 200-class response to SUBSCRIBE.
        assert_eq!(binding(status, Method::Subscribe, Facts::NONE).contains(&"MUST Expires".into()), success);
        // RFC 3428 §7: no Contact in a 2xx to MESSAGE.
        assert_eq!(
            binding(status, Method::Message, Facts::NONE).contains(&"MUST NOT Contact".into()),
            success
        );
        assert!(!binding(status, Method::Invite, Facts::NONE).contains(&"MUST NOT Contact".into()));
        for method in Method::ALL {
            let rules = binding(status, method, Facts::NONE);
            // RFC 4028 §5: Min-SE only in a 422.
            assert_eq!(rules.contains(&"MUST NOT Min-SE".into()), status != 422, "{status:?}");
            assert_eq!(rules.contains(&"MUST Min-SE".into()), status == 422, "{status:?}");
            // RFC 6665 §8.2.1, §8.2.3: never in a response.
            assert!(
                rules.contains(&"MUST NOT Event".into())
                    && rules.contains(&"MUST NOT Subscription-State".into())
            );
            // RFC 3903 §6: no Record-Route in any response to PUBLISH.
            assert_eq!(
                rules.contains(&"MUST NOT Record-Route".into()),
                method == Method::Publish,
                "{status:?}"
            );
        }
    }
    // RFC 3903 §6 step 6, §6 step 4; RFC 3261 §10.3.
    let publish = binding(StatusCode::OK, Method::Publish, Facts::NONE);
    assert!(publish.contains(&"MUST Expires".into()) && publish.contains(&"MUST SIP-ETag".into()));
    assert!(!binding(StatusCode::OK, Method::Invite, Facts::NONE).contains(&"MUST SIP-ETag".into()));
    let register = binding(StatusCode::OK, Method::Register, Facts::NONE);
    assert!(register.contains(&"MUST Contact".into()) && register.contains(&"SHOULD Date".into()));
    for method in [Method::Register, Method::Publish] {
        assert!(binding(code(423), method, Facts::NONE).contains(&"MUST Min-Expires".into()), "{method}");
    }
    // RFC 6665 §4.2.1.1 puts no keyword on a 423 to SUBSCRIBE.
    assert!(!binding(code(423), Method::Subscribe, Facts::NONE).contains(&"MUST Min-Expires".into()));
    // RFC 6086 §4.2.2: Recv-Info in the 469 to INFO.
    assert!(binding(code(469), Method::Info, Facts::NONE).contains(&"MUST Recv-Info".into()));
    assert!(!binding(code(469), Method::Message, Facts::NONE).contains(&"MUST Recv-Info".into()));
    // RFC 3261 §11.2: a proxy's 200 to OPTIONS should leave Allow out.
    assert!(binding(StatusCode::OK, Method::Options, Facts::FROM_UAS).contains(&"SHOULD Allow".into()));
    assert!(binding(StatusCode::OK, Method::Options, Facts::FROM_PROXY).contains(&"SHOULD NOT Allow".into()));
    // RFC 3261 §8.2.6.1: Timestamp only if the request had one.
    assert!(!binding(code(100), Method::Invite, Facts::NONE).contains(&"MUST Timestamp".into()));
    assert!(
        binding(code(100), Method::Invite, Facts::REQUEST_HAD_TIMESTAMP).contains(&"MUST Timestamp".into())
    );
}

#[test]
fn rules_by_who_sends_the_response() {
    // RFC 6228 §5 and §6: a 199 names why the early dialog ended, from
    // either sender, each in its own section.
    let reason =
        |facts| code(199).header_rules_for(Method::Invite, facts).find(|rule| rule.header == "Reason");
    assert_eq!(reason(Facts::FROM_UAS).unwrap().reference.to_string(), "RFC 6228 §5");
    assert_eq!(reason(Facts::FROM_PROXY).unwrap().reference.to_string(), "RFC 6228 §6");
    // RFC 6665 §4.4.4: a proxy never inserts Allow-Events.
    assert!(
        binding(code(489), Method::Subscribe, Facts::FROM_PROXY).contains(&"MUST NOT Allow-Events".into())
    );
    assert!(binding(code(489), Method::Subscribe, Facts::FROM_UAS).contains(&"SHOULD Allow-Events".into()));
    // RFC 3261 §16.7 step 7: a proxy's 401 or 407 may carry both challenges.
    assert!(binding(code(401), Method::Invite, Facts::FROM_PROXY).contains(&"MAY Proxy-Authenticate".into()));
    assert!(!binding(code(401), Method::Invite, Facts::FROM_UAS).contains(&"MAY Proxy-Authenticate".into()));
}

/// All header rules: the rows' and the shared ones.
fn every_rule() -> impl Iterator<Item = (String, &'static HeaderRule)> {
    let rows = HANDLING
        .iter()
        .flat_map(|handling| handling.headers.iter().map(|rule| (handling.code.to_string(), rule)));
    rows.chain(SHARED_RULES.iter().map(|shared| (shared.codes.to_string(), &shared.rule)))
}

#[test]
fn the_words_of_a_condition_say_what_its_data_says() {
    let words = [
        (Facts::EARLY_DIALOG, "early dialog"),
        (Facts::RELIABLE, "reliabl"),
        (Facts::FROM_UAS, "UA"),
        (Facts::FROM_PROXY, "proxy"),
        (Facts::REQUEST_HAD_TIMESTAMP, "request carried"),
        (Facts::REQUEST_HAD_RECORD_ROUTE, "request's"),
    ];
    for (codes, rule) in every_rule() {
        let condition = rule.condition.unwrap_or("");
        let context = rule.context;
        for method in Method::ALL {
            // A method the words name binds the rule to it, and back.
            let named =
                condition.split(|c: char| !c.is_ascii_alphanumeric()).any(|word| word == method.name());
            if !context.methods.is_any() {
                assert_eq!(named, context.methods.contains(method), "{codes} {rule}: {method}");
            } else {
                assert!(!named, "{codes} {rule}: the words name {method}, the data any method");
            }
        }
        for (fact, word) in words {
            if context.facts.contains(fact) {
                assert!(condition.contains(word), "{codes} {rule}: {word:?} missing from the words");
            }
        }
        if context.judged || !context.methods.is_any() || !context.facts.is_none() {
            assert!(rule.condition.is_some(), "{codes} {rule}: a condition without words");
        }
    }
}

#[test]
fn the_rules_that_depend_on_judgement() {
    // Conditions no message shows: the checker reports them as advice.
    let judged: Vec<String> = every_rule()
        .filter(|(_, rule)| rule.context.judged)
        .map(|(codes, rule)| format!("{codes} {}", rule.header))
        .collect();
    assert_eq!(
        judged,
        [
            "200 Contact",
            "413 Retry-After",
            "415 Accept",
            "415 Accept-Encoding",
            "415 Accept-Language",
            "421 Security-Server",
            "494 Require",
            "500 Retry-After",
            "608 Call-Info",
            "every response Allow-Events",
        ]
    );
}

#[test]
fn shared_rules_bind_the_codes_they_name() {
    for shared in SHARED_RULES {
        for status in (100..=699).map(code) {
            let expected = match shared.codes {
                Codes::All => true,
                Codes::Class(class) => status.class() == class,
                Codes::Range(first, last) => (first..=last).contains(&status.as_u16()),
                Codes::AllBut(other) => status != other,
                _ => unreachable!("a new kind of code set needs a case here"),
            };
            let found = status.all_header_rules().any(|rule| *rule == shared.rule);
            assert_eq!(found, expected, "{status:?} and {} {}", shared.codes, shared.rule);
        }
    }
}

#[test]
fn header_rules_for_is_all_header_rules_filtered() {
    for status in sample_codes() {
        for method in Method::ALL {
            for facts in fact_sets() {
                let filtered: Vec<_> =
                    status.all_header_rules().filter(|rule| rule.applies(method, facts)).collect();
                let direct: Vec<_> = status.header_rules_for(method, facts).collect();
                assert_eq!(filtered, direct, "{status:?} {method} {facts:?}");
            }
        }
    }
    assert_eq!(
        StatusCode::OK.all_header_rules().count(),
        StatusCode::OK.header_rules().len()
            + SHARED_RULES.iter().filter(|shared| shared.codes.contains(StatusCode::OK)).count()
    );
}

#[test]
fn methods_by_name() {
    for method in Method::ALL {
        assert_eq!(Method::from_name(method.name()), Some(method));
        assert_eq!(Method::from_name(&method.name().to_lowercase()), None);
    }
    assert_eq!(Method::from_name("FOO"), None);
}
