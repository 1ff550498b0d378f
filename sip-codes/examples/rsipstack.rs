//! An application's errors, derived with `SipResponse`, as the status codes of
//! rsipstack 0.7 responses; and a status received through rsipstack, read back.
//!
//!     cargo run -p sip-codes --example rsipstack --features rsipstack,rsipstack/platform-tokio
//!
//! (An application that depends on rsipstack with its default features has
//! the tokio platform already; the example names it because it is alone.)

use rsipstack::sip::StatusCode as PeerStatus;
use sip_codes::{SipResponse, StatusCode, sip_status};

#[derive(Debug, SipResponse)]
enum CallError {
    #[sip(BusyHere)]
    Busy,
    #[sip(503, reason = "Overloaded, retry later")]
    Overloaded,
    // rsipstack has no variant for 608: it becomes `Other` with the registered phrase.
    #[sip(Rejected)]
    CallerRejected,
}

fn main() {
    for error in [CallError::Busy, CallError::Overloaded, CallError::CallerRejected] {
        let status = PeerStatus::from(error.status());
        assert_eq!(status.code(), error.status().as_u16());
        // The status a response carries; its reason phrase is the application's.
        println!("{error:?} -> {status:?}, sent as \"SIP/2.0 {} {}\"", status.code(), error.reason());
    }

    for received in [PeerStatus::TemporarilyUnavailable, PeerStatus::Other(999, "Odd".into())] {
        let verdict = match StatusCode::try_from(&received) {
            Ok(sip_status!(TemporarilyUnavailable)) => "try again later".to_owned(),
            Ok(code) => code.to_string(),
            Err(error) => error.to_string(),
        };
        println!("received {received:?} -> {verdict}");
    }
}
