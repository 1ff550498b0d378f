//! `rsipstack` feature: conversions with rsipstack 0.7's `sip::StatusCode`,
//! through the number. Run with a platform backend:
//! `cargo test -p sip-codes-core --features rsipstack,rsipstack/platform-tokio`.
#![cfg(feature = "rsipstack")]

use rsipstack::sip::StatusCode as Peer;
use sip_codes_core::{CATALOGUE, StatusCode};

mod common;

rsip_like_tests!();

#[test]
#[allow(deprecated)] // 202 Accepted is the point of this test
fn rsipstack_accepted_is_202() {
    // Unlike rsip 0.4, rsipstack numbers `Accepted` 202, as the registry does.
    assert_eq!(StatusCode::try_from(&Peer::Accepted), Ok(StatusCode::ACCEPTED));
    assert_eq!(Peer::from(StatusCode::ACCEPTED), Peer::Accepted);
}
