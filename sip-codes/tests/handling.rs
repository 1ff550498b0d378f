//! What a stack does with each code: `as_understood`, dispositions,
//! Retry-After and header rules, checked over every valid code and against
//! the test data's table of required header fields.

use sip_codes::{CATALOGUE, Class, Disposition, Entry, HANDLING, Requirement, StatusCode};

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
    for code in [401, 407, 413, 415, 416, 420, 421, 422, 423, 484, 494] {
        assert!(retry_with_changes.contains(&code), "{code}");
    }
    assert_eq!(with(Disposition::RetryLater), [491, 500]);
    assert_eq!(with(Disposition::TryAnotherServer), [408, 430, 503]);
    assert_eq!(with(Disposition::Recurse), [300, 301, 302, 305]);
    assert_eq!(with(Disposition::FailEverywhere), [600, 603, 604, 606, 607, 608]);
    // The callee may be available elsewhere: the request fails here only.
    assert_eq!(code(480).disposition(), Disposition::FailHere);
    assert_eq!(code(486).disposition(), Disposition::FailHere);
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
        for read in handling.reads {
            assert!(
                handling.headers.iter().any(|rule| rule.header == *read),
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
        let references =
            std::iter::once(handling.reference).chain(handling.headers.iter().map(|rule| rule.reference));
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

/// Rows of `sip-codes-testdata/data/required-headers.tsv` not encoded as they
/// stand, and why. Every other row with a single code must match a header rule.
/// Rows for a class or a context ("2xx to SUBSCRIBE", "18x", "any but 422") and
/// `MUST NOT` rows need conditions as data, which the accuracy issue brings.
const NOT_ENCODED: &[(u16, &str, &str)] = &[
    (199, "Reason", "encoded in the accuracy issue (RFC 6228 §6)"),
    (204, "Expires", "encoded in the accuracy issue (RFC 5839 §7.1)"),
    (401, "Proxy-Authenticate", "encoded in the accuracy issue (RFC 3261 §16.7 step 7)"),
    (407, "WWW-Authenticate", "encoded in the accuracy issue (RFC 3261 §16.7 step 7)"),
    (417, "Accept-Resource-Priority", "encoded in the accuracy issue (RFC 4412)"),
    (421, "Security-Server", "encoded in the accuracy issue (RFC 3329)"),
    (424, "Geolocation-Error", "encoded in the accuracy issue (RFC 6442 §4.4)"),
    (425, "AlertMsg-Error", "encoded in the accuracy issue (RFC 8876 §5.2)"),
    (488, "Warning", "encoded in the accuracy issue (RFC 3261 §13.3.1.1)"),
    (489, "Allow-Events", "encoded in the accuracy issue (RFC 6665)"),
    (494, "Security-Server", "encoded in the accuracy issue (RFC 3329)"),
    (608, "Call-Info", "encoded in the accuracy issue (RFC 8688)"),
];

/// Rows whose level the RFC text contradicts: (code, header, the level read).
const LEVEL_CORRECTED: &[(u16, &str, Requirement)] = &[
    // RFC 3261 §21.4.11: "the server SHOULD include a Retry-After".
    (413, "Retry-After", Requirement::Should),
    // RFC 5360: a 470 "SHOULD include a Permission-Missing header field".
    (470, "Permission-Missing", Requirement::Should),
];

#[test]
fn the_table_of_required_headers_agrees_or_is_explained() {
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for columns in sip_codes_testdata::table("required-headers.tsv") {
        let (Ok(code), header, level) = (columns[0].parse::<u16>(), columns[1], columns[2]) else { continue };
        let level = match level {
            "MUST" => Requirement::Must,
            "SHOULD" => Requirement::Should,
            "MAY" => Requirement::May,
            _ => continue, // "-" or a mixed level: nothing to encode
        };
        let entry = Entry::by_code(code).unwrap();
        // "Accept, Accept-Encoding, Accept-Language" or "Contact (…)": the names.
        let names = header.split(" (").next().unwrap().split([',', ';']).map(str::trim);
        for name in
            names.filter(|name| name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.contains(' '))
        {
            if NOT_ENCODED.iter().any(|(c, h, _)| *c == code && *h == name) {
                assert!(
                    !entry.handling().headers.iter().any(|rule| rule.header == name),
                    "{code} {name} is encoded now: take it off NOT_ENCODED"
                );
                continue;
            }
            let expected =
                LEVEL_CORRECTED.iter().find(|(c, h, _)| *c == code && *h == name).map_or(level, |row| row.2);
            match entry.handling().headers.iter().find(|rule| rule.header == name) {
                None => {
                    disagreements.push(format!("{code} {name}: no header rule ({expected} in the table)"))
                }
                Some(_)
                    if !entry
                        .handling()
                        .headers
                        .iter()
                        .any(|rule| rule.header == name && rule.requirement == expected) =>
                {
                    disagreements.push(format!("{code} {name}: {expected} expected"))
                }
                Some(_) => checked += 1,
            }
        }
    }
    assert!(disagreements.is_empty(), "rows neither encoded nor explained:\n{}", disagreements.join("\n"));
    assert!(checked >= 25, "only {checked} rows checked");
}
