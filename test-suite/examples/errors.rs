//! An application's errors as SIP responses: `#[derive(SipResponse)]` beside
//! `thiserror::Error` on one enum, each error turned into the status line a
//! B2BUA would send and the message its log would show.
//!
//!     cargo run --example errors

use sip_codes::{SipResponse, StatusLine};

/// Why routing a call failed.
#[derive(Debug, thiserror::Error, SipResponse)]
enum RoutingError {
    #[error("no route matches {0}")]
    #[sip(NotFound)]
    NoRoute(String),
    #[error("the request came back to us")]
    #[sip(LoopDetected)]
    Loop,
}

/// Why a call could not be set up.
#[derive(Debug, thiserror::Error, SipResponse)]
#[sip(ServerInternalError)] // the default for variants without their own
enum CallError {
    #[error("{user} is on another call")]
    #[sip(BusyHere)]
    Busy { user: String },
    #[error("{user} declined the call")]
    #[sip(603)]
    Declined { user: String },
    #[error("{0} calls in progress, over the limit")]
    #[sip(503, reason = "Overloaded, retry later")]
    Overloaded(u32),
    #[error(transparent)]
    #[sip(transparent)]
    Routing(#[from] RoutingError),
    #[error("the media server did not answer")]
    MediaTimeout,
}

fn main() {
    let errors = [
        CallError::Busy { user: "alice".into() },
        CallError::Declined { user: "bob".into() },
        CallError::Overloaded(512),
        RoutingError::NoRoute("sip:+4972112345@example.com".into()).into(),
        RoutingError::Loop.into(),
        CallError::MediaTimeout,
    ];
    for error in &errors {
        // Every reason the derive produces is a valid one (checked when the
        // enum compiled), so building the line cannot fail here; a reason
        // from run-time data could, and would get a typed error.
        match StatusLine::new(error.status(), error.reason()) {
            Ok(line) => {
                let line = line.to_string();
                println!("{line:<40} <- {error}");
            }
            Err(refused) => eprintln!("{error}: {refused}"),
        }
    }
}
