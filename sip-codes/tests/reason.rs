//! `Reason`: the registry's protocols, every real-world value of
//! `sip-codes-testdata/data/reason-values.tsv` with its documented outcome, and one
//! case per rule.

use sip_codes::q850::{Cause, Location};
use sip_codes::reason::{GenericParam, Protocol};
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

/// What the docs of `Reason` promise for each real-world value: the causes
/// of the values that parse, then the byte offset of the first error, if
/// any. Each outcome is the rule's, named beside it.
const EXPECTED: &[(&str, &[u32], Option<usize>)] = &[
    ("Q.850 ;cause=16 ;text=\"Busy Everywhere\"", &[16], None),
    (
        "SIP ;cause=600 ;text=\"Busy Everywhere\", SIP ;cause=580 ;text=\"Precondition Failure\"",
        &[600, 580],
        None,
    ),
    // gen-value may not be empty.
    ("SIP;text=", &[], Some(9)),
    ("SIP;cause=", &[], Some(10)),
    // reason-text = "text" EQUAL quoted-string.
    ("SIP;text=address changed", &[], Some(4)),
    ("SIP;cause=400;text=\"Malformed Session Description\"", &[400], None),
    ("SIP;cause=500;text=\"Internal Error\"", &[500], None),
    ("SIP;cause=500;text=\"Internal media error\"", &[500], None),
    ("SIP;cause=488;text=\"Incomplete offer/answer\"", &[488], None),
    ("SIP;cause=408;text=\"Session timeout\"", &[408], None),
    ("SIP;cause=488;text=\"No answer to offer\"", &[488], None),
    ("SIP;cause=408;text=\"ACK Timeout\"", &[408], None),
    ("SIP;cause=504;text=\"PRACK Timeout\"", &[504], None),
    ("SIP;cause=400;text=\"Local media failure\"", &[400], None),
    ("SIP;cause=500;text=\"Cannot Create Early Dialog\"", &[500], None),
    ("SIP;cause=400;text=\"Bad RSeq\"", &[400], None),
    ("Q.850;cause=16;text=\"Terminated\"", &[16], None),
    ("SIP;cause=400;text=\"Bad Message\"", &[400], None),
    ("SIP;cause=200;text=\"Ok\"", &[200], None),
    // Folds and white space around every separator, and an empty element.
    (
        "Q.850 ;cause=16 ;text=\"Terminated\"\r\n ,,SIP ; cause = 600 ;text\t\r\n =  \"Busy Everywhere\"",
        &[16, 600],
        None,
    ),
    ("SIP ;cause=580 ;text=\"Precondition Failure\"", &[580], None),
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
    ("SIP;cause=500;text=\"Internal Server Error\"", &[500], None),
    ("Q.850 ;cause=16 ;text=\"Terminated\"", &[16], None),
    ("SIP ;cause=600 ;text=\"Busy Everywhere\"", &[600], None),
    // 530 is an extension code of class 5xx: a status code all the same.
    ("SIP ;cause=580 ;text=\"Precondition Failure\",SIP ;cause=530 ;text=\"Pre Failure\"", &[580, 530], None),
    // A value without a cause says nothing a receiver can act on.
    ("SIP", &[], Some(3)),
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
        let mut parsed = Vec::new();
        let mut error = None;
        for result in Reason::parse_all(value) {
            match result {
                Ok(reason) => {
                    parsed.push(reason.cause().as_u32());
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
        assert_eq!((parsed.as_slice(), error), (*causes, *error_at), "{value:?}");
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
    // Every number in the SIP range is a status code; nothing else is.
    for number in 0..=1000 {
        let sip = format!("SIP;cause={number}");
        assert_eq!(Reason::parse(&sip).is_ok(), (100..=699).contains(&number), "SIP {number}");
        let q850 = format!("Q.850;cause={number}");
        let parsed = Reason::parse(&q850);
        assert_eq!(parsed.is_ok(), (1..=127).contains(&number), "Q.850 {number}");
        if let Err(error) = parsed {
            assert_eq!(error.cause(), Some(number));
        }
    }
}

#[test]
fn bad_values_of_the_issue_are_typed_errors() {
    let cases = [
        ("Q.850;cause=0", "cause 0"),
        ("Q.850;cause=128", "cause 128"),
        ("Q.850;cause=300", "cause 300"),
        ("Q.850;cause=abc", "a non-numeric cause"),
        ("Q.850;cause=-1", "a negative cause"),
        ("Q.850;cause=\"16\"", "a quoted cause"),
        ("X-Vendor;cause=4294967296", "a cause that overflows"),
        ("SIP;cause=701", "a stack-local status code"),
        ("Q.850;cause=16;text=\"unterminated", "an unterminated text"),
        ("Q.850;text=\"no cause\"", "a missing cause"),
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
