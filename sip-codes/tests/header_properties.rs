//! Properties of the `Warning` and `Reason` parsers over generated input,
//! bounded to a few seconds: format → parse → equal, several values in one
//! header field, and no panic on any text.

use proptest::prelude::*;
use sip_codes::q850::Location;
use sip_codes::reason::ReasonOddity;
use sip_codes::{Reason, ReasonCause, ReasonProtocol, WarnCode, Warning};

/// A warn-agent of every shape: host name, IPv4, IPv6 reference, each with
/// or without a port, or a pseudonym.
fn agent() -> impl Strategy<Value = String> {
    let host = prop_oneof![
        "[a-z]([a-z0-9-]{0,8}[a-z0-9])?(\\.[a-z]([a-z0-9-]{0,6}[a-z0-9])?){0,3}",
        "[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}",
        "\\[[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}\\]",
    ];
    prop_oneof![
        (host, proptest::option::of(any::<u16>())).prop_map(|(host, port)| match port {
            Some(port) => format!("{host}:{port}"),
            None => host,
        }),
        "[a-z0-9_!%*+`'~-]{1,12}",
    ]
}

/// A text anyone may send: any characters but controls other than HTAB.
const TEXT: &str = "[ -~\t\u{a0}-\u{10FFFF}]{0,40}";

/// White space a peer may put where one space is meant, folds included.
fn sws() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just(""), Just(" "), Just("\t "), Just("\r\n "), Just(" \r\n\t")]
}

/// A registered protocol and a cause it admits, or an unregistered token.
fn protocol_and_cause() -> impl Strategy<Value = (String, u32)> {
    prop_oneof![
        (100u32..700).prop_map(|cause| ("SIP".to_owned(), cause)),
        (1u32..128).prop_map(|cause| ("q.850".to_owned(), cause)),
        (0..ReasonProtocol::ALL.len(), any::<u32>()).prop_filter_map(
            "SIP and Q.850 have their own ranges",
            |(index, cause)| {
                let protocol = ReasonProtocol::ALL[index];
                (!matches!(protocol, ReasonProtocol::Sip | ReasonProtocol::Q850))
                    .then(|| (protocol.token().to_owned(), cause))
            }
        ),
        ("X-[A-Za-z0-9._-]{1,10}", any::<u32>()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn warnings_round_trip(code in 300u16..400, agent in agent(), text in TEXT) {
        let warning = Warning::new(WarnCode::from_u16(code).unwrap(), &agent, &text).unwrap();
        let shown = warning.to_string();
        let parsed = Warning::parse(&shown).unwrap();
        prop_assert_eq!(parsed, warning);
        prop_assert_eq!(parsed.oddity(), None, "a value built to send is never odd");
        prop_assert_eq!(parsed.text().to_string(), text);
        prop_assert_eq!(parsed.to_string(), shown);
    }

    #[test]
    fn several_warnings_parse_in_order(
        values in prop::collection::vec((300u16..400, agent(), TEXT), 1..5),
        before in sws(),
        after in sws(),
    ) {
        let warnings: Vec<Warning> = values
            .iter()
            .map(|(code, agent, text)| Warning::new(WarnCode::from_u16(*code).unwrap(), agent, text).unwrap())
            .collect();
        let joined = warnings.iter().map(ToString::to_string).collect::<Vec<_>>().join(&format!("{before},{after}"));
        let parsed: Vec<Warning> = Warning::parse_all(&joined).collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(parsed, warnings);
    }

    #[test]
    fn reasons_round_trip(
        (protocol, cause) in protocol_and_cause(),
        text in proptest::option::of(TEXT),
        location in proptest::option::of(0u8..16),
    ) {
        let mut reason = Reason::new(&protocol, cause).unwrap();
        if let Some(text) = &text {
            reason = reason.with_text(text).unwrap();
        }
        if let Some(location) = location {
            reason = reason.with_location(Location::from_u8(location).unwrap());
        }
        let shown = reason.to_string();
        let parsed = Reason::parse(&shown).unwrap();
        prop_assert_eq!(parsed, reason);
        prop_assert_eq!(parsed.cause().as_u32(), cause);
        // Built values have causes their protocol defines: only a location
        // given to another protocol than Q.850 is odd (RFC 8606 §4).
        let odd_location = location.is_some() && parsed.protocol().token() != "Q.850";
        prop_assert_eq!(parsed.oddities().count(), usize::from(odd_location));
        prop_assert_eq!(parsed.text().map(|t| t.to_string()), text);
        prop_assert_eq!(parsed.to_string(), shown);
    }

    /// Values as peers write them, with white space, folds and generic
    /// parameters: what parses prints back to an equal value.
    #[test]
    fn received_reasons_round_trip(
        (protocol, cause) in protocol_and_cause(),
        params in prop::collection::vec(("[a-z][a-z0-9-]{0,6}", proptest::option::of(prop_oneof![
            "[A-Za-z0-9.!%*_+`'~-]{1,8}".boxed(),
            "\"([ !#-\\[\\]-~]|\\\\\\\\|\\\\\")*\"".boxed(),
        ]), sws(), sws()), 0..4),
        gaps in (sws(), sws()),
    ) {
        let mut value = format!("{protocol}{};{}cause={cause}", gaps.0, gaps.1);
        for (name, param_value, gap_before, gap_after) in &params {
            value.push_str(&format!("{gap_before};{gap_after}x-{name}"));
            if let Some(param_value) = param_value {
                value.push_str(&format!("{gap_before}={gap_after}{param_value}"));
            }
        }
        // Generated names may repeat, which the parser must refuse.
        let mut names: Vec<String> = params.iter().map(|(name, ..)| name.to_lowercase()).collect();
        names.sort();
        names.dedup();
        let parsed = Reason::parse(&value);
        if names.len() < params.len() {
            prop_assert!(parsed.is_err());
        } else {
            let parsed = parsed.unwrap();
            prop_assert_eq!(parsed.params().count(), params.len());
            let shown = parsed.to_string();
            prop_assert_eq!(Reason::parse(&shown), Ok(parsed));
        }
    }

    /// What the grammar allows but the protocol may not define: any protocol,
    /// any cause or none, any location. Each parses, prints back to an equal
    /// value, and says what is odd exactly when the rule of the docs says so.
    #[test]
    fn odd_reasons_parse_and_round_trip(
        protocol in prop_oneof![
            Just("SIP".to_owned()),
            Just("Q.850".to_owned()),
            Just("RELEASE_CAUSE".to_owned()),
            "[A-Za-z][A-Za-z0-9_-]{0,8}",
        ],
        cause in proptest::option::of(any::<u32>()),
        location in proptest::option::of(0u8..16),
    ) {
        let mut value = protocol.clone();
        if let Some(cause) = cause {
            value.push_str(&format!(";cause={cause}"));
        }
        if let Some(location) = location {
            value.push_str(&format!(";location={}", Location::from_u8(location).unwrap().token()));
        }
        let parsed = Reason::parse(&value).unwrap();
        prop_assert_eq!(parsed.given_cause().map(ReasonCause::as_u32), cause);
        let shown = parsed.to_string();
        prop_assert_eq!(Reason::parse(&shown), Ok(parsed));
        let registered = parsed.protocol();
        let defined = match (registered.token(), cause) {
            (_, None) => false,
            ("SIP", Some(cause)) => (100..=699).contains(&cause),
            ("Q.850", Some(cause)) => (1..=127).contains(&cause),
            _ => true,
        };
        let location_odd = location.is_some() && registered.token() != "Q.850";
        prop_assert_eq!(parsed.oddities().count(), usize::from(!defined) + usize::from(location_odd), "{}", value);
        // Building stays strict: a cause the protocol defines, or nothing.
        if let Some(cause) = cause {
            prop_assert_eq!(Reason::new(&protocol, cause).is_ok(), defined);
        }
    }

    #[test]
    fn parsers_never_panic(text in any::<String>()) {
        let _ = Warning::parse(&text);
        let _ = Warning::parse_all(&text).count();
        let _ = Reason::parse(&text);
        let _ = Reason::parse_all(&text).count();
    }

    #[test]
    fn what_parses_prints_back_the_same(text in "[0-9A-Za-z.;=\", :\\[\\]\\\\\t-]{0,40}") {
        for warning in Warning::parse_all(&text).flatten() {
            let shown = warning.to_string();
            prop_assert_eq!(Warning::parse(&shown), Ok(warning));
        }
        for reason in Reason::parse_all(&text).flatten() {
            let shown = reason.to_string();
            prop_assert_eq!(Reason::parse(&shown), Ok(reason));
            // A cause is missing exactly when the value says so first.
            let missing = reason.oddities().next() == Some(ReasonOddity::MissingCause);
            prop_assert_eq!(reason.given_cause().is_none(), missing);
        }
    }
}
