//! Uses `sip-codes` under the name `codes`, from a `no_std` crate: the macros
//! must reach the crate through `$crate` or `#[sip(crate = …)]`, never by the
//! name `sip_codes`, and expand to nothing that needs `std`.
#![no_std]
#![forbid(unsafe_code)]

use codes::q850::Cause;
use codes::{SipResponse, StatusCode, q850, sip_status};

/// Busy, by name.
pub const BUSY: StatusCode = sip_status!(BusyHere);

/// Declined, by number.
pub static DECLINE: StatusCode = sip_status!(603);

/// User busy, by Q.850 name.
pub const USER_BUSY: Cause = q850!(UserBusy);

/// A Q.850 match on macro patterns, through the proc macro too (a text).
pub fn congested(cause: Cause) -> bool {
    matches!(cause, q850!(34) | q850!("Switching equipment congestion"))
}

/// A match on macro patterns.
pub fn verdict(code: StatusCode) -> &'static str {
    match code {
        sip_status!(486) | sip_status!("Busy Everywhere") => "busy",
        sip_status!(Decline) => "declined",
        _ => "other",
    }
}

/// An error enum with the derive.
#[derive(SipResponse)]
#[sip(crate = codes, 500)]
pub enum CallError {
    /// 486.
    #[sip(BusyHere)]
    Busy,
    /// 503 with a reason and a cause of its own.
    #[sip(503, reason = "Overloaded", q850 = SwitchingEquipmentCongestion)]
    Overloaded,
    /// The enum's default, 500.
    Unexpected,
}

/// The decision layer in `const` and `no_std`: 499 is acted on as 400.
pub const UNDERSTOOD: StatusCode = match StatusCode::from_u16(499) {
    Ok(code) => code.as_understood(),
    Err(_) => StatusCode::BAD_REQUEST,
};

/// What a proxy sends upstream from its branches, without allocating.
pub fn upstream(branches: &[StatusCode]) -> StatusCode {
    codes::best_response(branches.iter().copied()).send
}

/// Whether a client retries `code` at once with changes, in `const`.
pub const fn retries_with_changes(code: StatusCode) -> bool {
    matches!(code.disposition(), codes::Disposition::RetryWithChanges)
}
