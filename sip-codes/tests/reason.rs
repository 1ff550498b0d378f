//! `Reason`: the registry's protocols, every real-world value of
//! `sip-codes-testdata/data/reason-values.tsv` with its documented outcome, and one
//! case per rule.

use sip_codes::q850::{Cause, Location};
use sip_codes::reason::{GenericParam, Protocol, ReasonOddity};
use sip_codes::{Reason, ReasonCause, ReasonProtocol, StatusCode};

#[test]
fn the_protocols_are_the_registry_list() {
    let rows = sip_codes_testdata::table("reason-protocols.tsv");
    assert_eq!(rows.len(), 22);
    let tokens: Vec<&str> = ReasonProtocol::ALL.iter().map(|protocol| protocol.token()).collect();
    let registered: Vec<&str> = rows.iter().map(|row| row[0]).collect();
    assert_eq!(tokens, registered, "the 22 tokens, in the registry's order");
    for protocol in ReasonProtocol::ALL {
        assert_eq!(ReasonProtocol::from_token(protocol.token()), Some(*protocol));
        assert_eq!(ReasonProtocol::from_token(&protocol.token().to_lowercase()), Some(*protocol));
        assert!(!protocol.cause_meaning().is_empty() && !protocol.reference().is_empty());
        // Every registered protocol round-trips with a cause it admits.
        let cause = match protocol {
            ReasonProtocol::Sip => 486,
            _ => 17,
        };
        let reason = Reason::new(protocol.token(), cause).unwrap();
        assert_eq!(reason.protocol(), Protocol::Registered(*protocol));
        assert_eq!(Reason::parse(&reason.to_string()), Ok(reason));
    }
}

/// What one value that parses yields: its cause, if any, and its oddities.
type Parsed = (Option<u32>, &'static [ReasonOddity]);

/// A cause without oddity.
const fn c(cause: u32) -> Parsed {
    (Some(cause), &[])
}

/// What the docs of `Reason` promise for each real-world value: the cause
/// and oddities of each value that parses, then the byte offset of the first
/// error, if any. Each outcome is the rule's, named beside it.
const EXPECTED: &[(&str, &[Parsed], Option<usize>)] = &[
    ("Q.850 ;cause=16 ;text=\"Busy Everywhere\"", &[c(16)], None),
    (
        "SIP ;cause=600 ;text=\"Busy Everywhere\", SIP ;cause=580 ;text=\"Precondition Failure\"",
        &[c(600), c(580)],
        None,
    ),
    // gen-value may not be empty, nor can `cause = 1*DIGIT` (RFC 3261 §25.1): outside the grammar.
    ("SIP;text=", &[], Some(9)),
    ("SIP;cause=", &[], Some(10)),
    // reason-text = "text" EQUAL quoted-string.
    ("SIP;text=address changed", &[], Some(4)),
    ("SIP;cause=400;text=\"Malformed Session Description\"", &[c(400)], None),
    ("SIP;cause=500;text=\"Internal Error\"", &[c(500)], None),
    ("SIP;cause=500;text=\"Internal media error\"", &[c(500)], None),
    ("SIP;cause=488;text=\"Incomplete offer/answer\"", &[c(488)], None),
    ("SIP;cause=408;text=\"Session timeout\"", &[c(408)], None),
    ("SIP;cause=488;text=\"No answer to offer\"", &[c(488)], None),
    ("SIP;cause=408;text=\"ACK Timeout\"", &[c(408)], None),
    ("SIP;cause=504;text=\"PRACK Timeout\"", &[c(504)], None),
    ("SIP;cause=400;text=\"Local media failure\"", &[c(400)], None),
    ("SIP;cause=500;text=\"Cannot Create Early Dialog\"", &[c(500)], None),
    ("SIP;cause=400;text=\"Bad RSeq\"", &[c(400)], None),
    ("Q.850;cause=16;text=\"Terminated\"", &[c(16)], None),
    ("SIP;cause=400;text=\"Bad Message\"", &[c(400)], None),
    ("SIP;cause=200;text=\"Ok\"", &[c(200)], None),
    // Folds and white space around every separator, and an empty element.
    (
        "Q.850 ;cause=16 ;text=\"Terminated\"\r\n ,,SIP ; cause = 600 ;text\t\r\n =  \"Busy Everywhere\"",
        &[c(16), c(600)],
        None,
    ),
    ("SIP ;cause=580 ;text=\"Precondition Failure\"", &[c(580)], None),
    // sofia-sip's rejections, each by the rule it breaks: the protocol is a token,
    ("\"nSIP\";cause=200;text=\"Ok\"", &[], Some(0)),
    // a value holds at least one reason,
    (",", &[], Some(1)),
    // `=` cannot follow the protocol,
    ("cause=16;text=\"call cleared\"", &[], Some(5)),
    // a semicolon is followed by a parameter,
    ("SIP;cause=200;;text=\"Ok\"", &[], Some(14)),
    // and the protocol by `;`, not by a space and a parameter.
    ("SIP cause=200;text=\"Ok\"", &[], Some(4)),
    ("SIP ;cause=200;text=\"Ok\";", &[], Some(25)),
    ("SIP;cause=500;text=\"Internal Server Error\"", &[c(500)], None),
    ("Q.850 ;cause=16 ;text=\"Terminated\"", &[c(16)], None),
    ("SIP ;cause=600 ;text=\"Busy Everywhere\"", &[c(600)], None),
    // 530 is an extension code of class 5xx: a status code all the same.
    (
        "SIP ;cause=580 ;text=\"Precondition Failure\",SIP ;cause=530 ;text=\"Pre Failure\"",
        &[c(580), c(530)],
        None,
    ),
    // The grammar makes the cause optional (RFC 3326 §2): kept, and odd.
    ("SIP", &[(None, &[ReasonOddity::MissingCause])], None),
];

#[test]
fn every_real_world_value_gets_its_documented_outcome() {
    let rows = sip_codes_testdata::header_values("reason-values.tsv");
    assert_eq!(rows.len(), EXPECTED.len(), "one documented outcome per row of the data file");
    for (value, notes) in &rows {
        let (_, causes, error_at) = EXPECTED
            .iter()
            .find(|(expected, ..)| expected == value)
            .unwrap_or_else(|| panic!("no documented outcome for {value:?}"));
        let mut parsed: Vec<(Option<u32>, Vec<ReasonOddity>)> = Vec::new();
        let mut error = None;
        for result in Reason::parse_all(value) {
            match result {
                Ok(reason) => {
                    parsed.push((reason.given_cause().map(ReasonCause::as_u32), reason.oddities().collect()));
                    assert_eq!(Reason::parse(&reason.to_string()), Ok(reason), "{value:?}");
                    if let Some(text) = reason.text() {
                        assert!(value.as_bytes().as_ptr_range().contains(&text.as_written().as_ptr()));
                    }
                }
                Err(e) => {
                    assert!(e.to_string().contains("RFC"), "{value:?}: {e}");
                    error = Some(e.offset());
                }
            }
        }
        let causes: Vec<(Option<u32>, Vec<ReasonOddity>)> =
            causes.iter().map(|(cause, odd)| (*cause, odd.to_vec())).collect();
        assert_eq!((parsed, error), (causes, *error_at), "{value:?}");
        // Where the source project's own test expects a rejection, so do we.
        if notes.contains("REJECTED") {
            assert!(error.is_some(), "{value:?} is rejected by sofia-sip's torture test");
        }
    }
}

#[test]
fn causes_are_typed_by_their_protocol() {
    assert_eq!(Reason::parse("SIP;cause=486").unwrap().cause(), ReasonCause::Sip(StatusCode::BUSY_HERE));
    assert_eq!(Reason::parse("sip;CAUSE=0486").unwrap().cause(), ReasonCause::Sip(StatusCode::BUSY_HERE));
    assert_eq!(Reason::parse("Q.850;cause=17").unwrap().cause(), ReasonCause::Q850(Cause::USER_BUSY));
    assert_eq!(Reason::parse("Q.850;cause=017").unwrap().cause(), ReasonCause::Q850(Cause::USER_BUSY));
    assert_eq!(Reason::parse("STIR;cause=438").unwrap().cause(), ReasonCause::Other(438));
    assert_eq!(Reason::parse("X-Vendor;cause=4294967295").unwrap().cause(), ReasonCause::Other(u32::MAX));
    // Every number parses (`cause = 1*DIGIT`); in the SIP range it is a status code, in the Q.850
    // range a cause, and anything else is kept as a number and said to be odd. Building stays strict.
    for number in 0..=1000 {
        for (protocol, range, registered) in
            [("SIP", 100..=699, ReasonProtocol::Sip), ("Q.850", 1..=127, ReasonProtocol::Q850)]
        {
            let value = format!("{protocol};cause={number}");
            let reason = Reason::parse(&value).unwrap();
            let defined = range.contains(&number);
            assert_eq!(reason.cause().as_u32(), number, "{value}");
            assert_eq!(matches!(reason.cause(), ReasonCause::Other(_)), !defined, "{value}");
            let odd: Vec<_> = reason.oddities().collect();
            let expected = if defined {
                vec![]
            } else {
                vec![ReasonOddity::UndefinedCause { protocol: registered, cause: number }]
            };
            assert_eq!(odd, expected, "{value}");
            assert_eq!(Reason::parse(&reason.to_string()), Ok(reason), "{value}");
            let built = Reason::new(protocol, number);
            assert_eq!(built.is_ok(), defined, "{value}");
            if let Err(error) = built {
                assert_eq!(error.cause(), Some(number));
            }
        }
    }
}

#[test]
fn bad_values_of_the_issue_are_typed_errors() {
    let cases = [
        ("Q.850;cause=abc", "a non-numeric cause"),
        ("Q.850;cause=", "an empty cause"),
        ("Q.850;cause=-1", "a negative cause"),
        ("Q.850;cause=\"16\"", "a quoted cause"),
        ("X-Vendor;cause=4294967296", "a cause that overflows"),
        ("Q.850;cause=16;text=\"unterminated", "an unterminated text"),
        ("Q.850;text=no_quotes", "an unquoted text"),
        ("Q.850;cause=16;cause=17", "a cause given twice"),
        ("Q.850;cause=16;x=1;X=2", "a parameter given twice"),
        ("Q.850;cause=16;location=\"U\"", "a quoted location"),
        ("Q.850;cause=16;location=X", "an unknown location"),
        ("Q.850;cause=16;location", "a location without a value"),
        ("\"Q.850\";cause=16", "a quoted protocol"),
        (";cause=16", "no protocol"),
        ("Q.850;cause=16\r\nContact: <sip:evil@example.com>", "header injection"),
        ("Q.850;cause=16;text=\"a\nb\"", "a line feed in the text"),
        ("", "nothing"),
    ];
    for (value, what) in cases {
        let error = Reason::parse(value).expect_err(what);
        assert!(error.offset() <= value.len(), "{what}");
        assert!(Reason::parse_all(value).any(|result| result.is_err()), "{what}: parse_all yields it too");
    }
}

/// What the grammar allows but the protocol does not define: one case per rule of the table in
/// the docs of `Reason`, each kept and said to be odd, and refused by the constructors.
#[test]
fn odd_values_parse_and_say_what_is_odd() {
    use ReasonOddity::*;
    let sip = ReasonProtocol::Sip;
    let q850 = ReasonProtocol::Q850;
    let cases: [(&str, Option<ReasonCause>, &[ReasonOddity]); 8] = [
        ("SIP", None, &[MissingCause]),
        ("SIP;text=\"Call completed elsewhere\"", None, &[MissingCause]),
        ("X-Vendor", None, &[MissingCause]),
        ("SIP;cause=800", Some(ReasonCause::Other(800)), &[UndefinedCause { protocol: sip, cause: 800 }]),
        ("SIP;cause=701", Some(ReasonCause::Other(701)), &[UndefinedCause { protocol: sip, cause: 701 }]),
        ("Q.850;cause=0", Some(ReasonCause::Other(0)), &[UndefinedCause { protocol: q850, cause: 0 }]),
        (
            "SIP;cause=480;location=LN",
            Some(ReasonCause::Sip(StatusCode::TEMPORARILY_UNAVAILABLE)),
            &[LocationWithoutQ850],
        ),
        ("RELEASE_CAUSE;location=U", None, &[MissingCause, LocationWithoutQ850]),
    ];
    for (value, cause, oddities) in cases {
        let reason = Reason::parse(value).unwrap_or_else(|e| panic!("{value}: {e}"));
        assert_eq!(reason.given_cause(), cause, "{value}");
        assert_eq!(reason.oddities().collect::<Vec<_>>(), oddities, "{value}");
        for oddity in oddities {
            assert!(oddity.to_string().contains("RFC"), "{value}: {oddity}");
        }
        // It displays as received (no cause is invented) and reads back the same.
        assert_eq!(reason.to_string().contains("cause="), cause.is_some(), "{value}");
        assert_eq!(Reason::parse(&reason.to_string()), Ok(reason), "{value}");
    }
    // The old accessor answers `Other(0)` for a missing cause; `given_cause` tells the two apart.
    assert_eq!(Reason::parse("SIP").unwrap().cause(), ReasonCause::Other(0));
    // A value built to send has a cause its protocol defines; only a location off Q.850 is odd.
    assert!(Reason::new("SIP", 800).is_err() && Reason::new("Q.850", 0).is_err());
    let built = Reason::q850(Cause::USER_BUSY).with_location(Location::USER).with_text("busy").unwrap();
    assert_eq!(built.oddities().count(), 0);
    let sip = Reason::sip(StatusCode::BUSY_HERE).unwrap().with_location(Location::USER);
    assert_eq!(sip.oddities().collect::<Vec<_>>(), [LocationWithoutQ850]);
}

#[test]
fn unknown_protocols_are_kept_as_written() {
    let reason = Reason::parse("X-Vendor ;cause=7 ;text=\"local\"").unwrap();
    assert_eq!(reason.protocol(), Protocol::Unregistered("X-Vendor"));
    assert_eq!(reason.to_string(), "X-Vendor;cause=7;text=\"local\"");
}

#[test]
fn generic_parameters_are_kept_in_order() {
    let value = "Q.850;foo;cause=16;bar=\"x y\";text=\"T\";location=LN;host=[::1]:5060";
    let reason = Reason::parse(value).unwrap();
    assert_eq!(reason.location(), Some(Location::LOCAL_PUBLIC_NETWORK));
    let params: Vec<GenericParam> = reason.params().collect();
    assert_eq!(
        params,
        [
            GenericParam { name: "foo", value: None },
            GenericParam { name: "bar", value: Some("\"x y\"") },
            GenericParam { name: "host", value: Some("[::1]:5060") },
        ]
    );
    assert_eq!(reason.to_string(), "Q.850;cause=16;text=\"T\";location=LN;foo;bar=\"x y\";host=[::1]:5060");
    assert_eq!(Reason::parse(&reason.to_string()), Ok(reason));
}

#[test]
fn formatting_refuses_what_would_inject_a_header() {
    let reason = Reason::q850(Cause::USER_BUSY);
    for text in ["a\r\nVia: x", "a\nb", "a\rb", "a\0b", "a\u{7f}", "a\u{85}"] {
        assert!(reason.with_text(text).is_err(), "{text:?}");
    }
    for protocol in ["", "SIP\r\nVia: x", "Q 850", "\"SIP\"", "SIP;cause=1"] {
        assert!(Reason::new(protocol, 1).is_err(), "{protocol:?}");
    }
    // Quotes and backslashes are escaped, tabs and UTF-8 kept.
    let reason = reason.with_text("say \"hi\"\t\\ ünïcode").unwrap();
    assert_eq!(reason.to_string(), "Q.850;cause=17;text=\"say \\\"hi\\\"\t\\\\ ünïcode\"");
    assert_eq!(Reason::parse(&reason.to_string()).unwrap().text().unwrap(), "say \"hi\"\t\\ ünïcode");
}

#[test]
fn every_cause_and_location_round_trips() {
    for value in 1..=Cause::MAX {
        let cause = Cause::from_u8(value).unwrap();
        for location in (0..16).map(|value| Location::from_u8(value).unwrap()) {
            let mut reason = Reason::q850(cause).with_location(location);
            if let Some(text) = cause.text() {
                reason = reason.with_text(text).unwrap();
            }
            let shown = reason.to_string();
            assert_eq!(Reason::parse(&shown), Ok(reason), "{shown}");
            assert_eq!(Reason::parse(&shown.to_lowercase()).map(|r| r.cause()), Ok(ReasonCause::Q850(cause)));
        }
    }
}

#[test]
fn the_gateway_example_of_the_issue() {
    let reason = Reason::q850(Cause::USER_BUSY).with_text("User busy").unwrap();
    assert_eq!(reason.to_string(), "Q.850;cause=17;text=\"User busy\"");
}
