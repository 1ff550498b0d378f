//! `rsip` feature: conversions with rsip 0.4's `StatusCode`, through the number.
#![cfg(feature = "rsip")]

use rsip::StatusCode as Peer;
use sip_codes_core::{CATALOGUE, StatusCode};

mod common;

rsip_like_tests!();

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
