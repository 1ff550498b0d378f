//! `rsipstack` feature: conversions with rsipstack 0.7's `sip::StatusCode`,
//! through the number. Run with a platform backend:
//! `cargo test -p sip-codes-core --features rsipstack,rsipstack/platform-tokio`.
#![cfg(feature = "rsipstack")]

use rsipstack::sip::StatusCode as Peer;
use sip_codes_core::{CATALOGUE, StatusCode};

#[test]
fn every_catalogued_code_goes_there_and_back() {
    for entry in CATALOGUE {
        let code = StatusCode::from_u16(entry.code).unwrap();
        let peer = Peer::from(code);
        assert_eq!(peer.code(), entry.code, "{code}");
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
    let hangup = StatusCode::try_from(Peer::Other(701, "Bye".into())).unwrap();
    assert_eq!(hangup.canonical_reason(), Some("Party Hangs Up"));
}

#[test]
#[allow(deprecated)] // 202 Accepted is the point of this test
fn rsipstack_accepted_is_202() {
    // Unlike rsip 0.4, rsipstack numbers `Accepted` 202, as the registry does.
    assert_eq!(StatusCode::try_from(&Peer::Accepted), Ok(StatusCode::ACCEPTED));
    assert_eq!(Peer::from(StatusCode::ACCEPTED), Peer::Accepted);
}

#[test]
fn the_peer_reason_text_is_not_read() {
    let sent = Peer::Other(486, "Go away".into());
    assert_eq!(StatusCode::try_from(&sent), Ok(StatusCode::BUSY_HERE));
}
