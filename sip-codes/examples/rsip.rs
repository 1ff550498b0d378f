//! An application's errors, derived with `SipResponse`, as the status codes of
//! rsip 0.4 responses; and a status received through rsip, read back.
//!
//!     cargo run -p sip-codes --example rsip --features rsip

use sip_codes::{SipResponse, StatusCode, sip_status};

#[derive(Debug, SipResponse)]
enum CallError {
    #[sip(BusyHere)]
    Busy,
    #[sip(Decline)]
    Declined,
    // rsip has no variant for 608: it becomes `Other` with the registered phrase.
    #[sip(Rejected)]
    CallerRejected,
}

fn main() {
    for error in [CallError::Busy, CallError::Declined, CallError::CallerRejected] {
        let status = rsip::StatusCode::from(error.status());
        assert_eq!(status.code(), error.status().as_u16());
        println!("{error:?} -> {status:?}");
    }

    // Only the number of a received status is read: rsip 0.4 numbers its
    // `Accepted` variant 201, so that is what it is, not 202.
    for received in [rsip::StatusCode::TemporarilyUnavailable, rsip::StatusCode::Accepted] {
        let verdict = match StatusCode::try_from(&received) {
            Ok(sip_status!(TemporarilyUnavailable)) => "try again later".to_owned(),
            Ok(code) => {
                format!("{code}, {}", if code.entry().is_some() { "catalogued" } else { "uncatalogued" })
            }
            Err(error) => error.to_string(),
        };
        println!("received {received:?} -> {verdict}");
    }
}
