//! `rsip` feature: conversions with rsip 0.4's `StatusCode`, through the number.
#![cfg(feature = "rsip")]

use rsip::StatusCode as Peer;
use sip_codes_core::{CATALOGUE, StatusCode};

#[test]
fn every_catalogued_code_goes_there_and_back() {
    for entry in CATALOGUE {
        let code = StatusCode::from_u16(entry.code).unwrap();
        let peer = Peer::from(code);
        assert_eq!(peer.code(), entry.code, "{code}");
        // Without a variant, the wire text is the registered phrase, not rsip's "Other".
        if let Peer::Other(_, reason) = &peer {
            assert_eq!(reason, entry.phrase, "{code}");
            assert_eq!(peer.to_string(), code.to_string());
        }
        assert_eq!(StatusCode::try_from(&peer), Ok(code), "{code}");
        assert_eq!(StatusCode::try_from(peer), Ok(code), "{code}");
    }
}

#[test]
fn every_number_is_read_like_from_u16() {
    // rsip keeps every u16 (its `Other` holds the rest): sip-codes decides.
    for number in 0..=u16::MAX {
        let peer = Peer::from(number);
        assert_eq!(StatusCode::try_from(&peer), StatusCode::from_u16(number), "{number}");
    }
}

#[test]
fn refused_numbers_are_the_typed_error() {
    for number in [0, 99, 700, 702, 999, u16::MAX] {
        let error = StatusCode::try_from(Peer::Other(number, "Whatever".into())).unwrap_err();
        assert_eq!(error.code(), Some(number));
        assert!(error.to_string().contains("100 to 699"), "{error}");
    }
    // The catalogued stack-local 701 is accepted, whatever reason rsip carries.
    let hangup = StatusCode::try_from(Peer::Other(701, "Bye".into())).unwrap();
    assert_eq!(hangup.canonical_reason(), Some("Party Hangs Up"));
}

#[test]
#[allow(deprecated)] // 202 Accepted is the point of this test
fn rsip_accepted_is_201_by_its_number() {
    // rsip 0.4 numbers `Accepted` 201; the registry's Accepted is 202 (RFC 6665 §8.3.1).
    let from_rsip = StatusCode::try_from(&Peer::Accepted).unwrap();
    assert_eq!(from_rsip.as_u16(), 201);
    assert_eq!(from_rsip.entry(), None);
    assert_ne!(from_rsip, StatusCode::ACCEPTED);
    // And 202 goes out as 202, under its registered phrase.
    assert_eq!(Peer::from(StatusCode::ACCEPTED), Peer::Other(202, "Accepted".into()));
    // 201 round-trips to rsip's own variant.
    assert_eq!(Peer::from(from_rsip), Peer::Accepted);
}

#[test]
fn the_peer_reason_text_is_not_read() {
    let sent = Peer::Other(486, "Go away".into());
    assert_eq!(StatusCode::try_from(&sent), Ok(StatusCode::BUSY_HERE));
    // An uncatalogued code keeps rsip's default phrase on the way out.
    let extension = StatusCode::from_u16(499).unwrap();
    assert_eq!(Peer::from(extension), Peer::from(499));
}
