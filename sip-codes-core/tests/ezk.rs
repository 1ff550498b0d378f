//! `ezk` feature: conversions with ezk-sip-types 0.6's `StatusCode`, through
//! the number.
#![cfg(feature = "ezk")]

use ezk_sip_types::StatusCode as Peer;
use sip_codes_core::{CATALOGUE, StatusCode};

#[test]
fn every_catalogued_code_goes_there_and_back() {
    for entry in CATALOGUE {
        let code = StatusCode::from_u16(entry.code).unwrap();
        let peer = Peer::from(code);
        assert_eq!(peer.into_u16(), entry.code, "{code}");
        assert_eq!(StatusCode::try_from(&peer), Ok(code), "{code}");
        assert_eq!(StatusCode::try_from(peer), Ok(code), "{code}");
    }
}

#[test]
fn every_number_is_read_like_from_u16() {
    for number in 0..=u16::MAX {
        assert_eq!(StatusCode::try_from(Peer::from(number)), StatusCode::from_u16(number), "{number}");
    }
}

#[test]
fn refused_numbers_are_the_typed_error() {
    for number in [0, 99, 700, 702, 999, u16::MAX] {
        let error = StatusCode::try_from(&Peer::from(number)).unwrap_err();
        assert_eq!(error.code(), Some(number));
        assert!(error.to_string().contains("100 to 699"), "{error}");
    }
}

#[test]
fn ezk_constants_name_the_same_codes() {
    for (peer, code) in [
        (Peer::BUSY_HERE, StatusCode::BUSY_HERE),
        (Peer::OK, StatusCode::OK),
        (Peer::EARLY_DIALOG_TERMINATED, StatusCode::EARLY_DIALOG_TERMINATED),
        (Peer::DECLINE, StatusCode::DECLINE),
    ] {
        assert_eq!(StatusCode::try_from(peer), Ok(code));
        assert_eq!(Peer::from(code), peer);
    }
}
