//! An application's errors, derived with `SipResponse`, as the status codes of
//! ezk-sip-types 0.6; and a status received through ezk, read back.
//!
//!     cargo run -p sip-codes --example ezk --features ezk

use sip_codes::{SipResponse, StatusCode, sip_status};

#[derive(Debug, SipResponse)]
enum RegisterError {
    #[sip(IntervalTooBrief)]
    ExpiresTooShort,
    #[sip(Forbidden)]
    UnknownUser,
}

fn main() {
    for error in [RegisterError::ExpiresTooShort, RegisterError::UnknownUser] {
        let status = ezk_sip_types::StatusCode::from(error.status());
        assert_eq!(status.into_u16(), error.status().as_u16());
        println!("{error:?} -> {status:?}");
    }

    for received in [ezk_sip_types::StatusCode::UNAUTHORIZED, ezk_sip_types::StatusCode::from(1000)] {
        let verdict = match StatusCode::try_from(received) {
            Ok(sip_status!(Unauthorized)) => "answer the challenge".to_owned(),
            Ok(code) => code.to_string(),
            Err(error) => error.to_string(),
        };
        println!("received {received:?} -> {verdict}");
    }
}
