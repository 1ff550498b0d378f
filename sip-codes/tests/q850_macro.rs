//! `q850!` in every position and accepted form, and the derive's `q850 = …`.
#![allow(dead_code)] // The fields give the variants their shapes; the derive never reads them.

use sip_codes::q850::{CAUSES, Cause, CauseEntry};
use sip_codes::{SipResponse, StatusCode, q850};

const BUSY: Cause = q850!(UserBusy);
static REJECTED: Cause = q850!(21);

#[test]
fn every_form_names_the_constant() {
    assert_eq!(q850!(17), Cause::USER_BUSY);
    assert_eq!(q850!(17u8), Cause::USER_BUSY);
    assert_eq!(q850!(UserBusy), Cause::USER_BUSY);
    assert_eq!(q850!(r#UserBusy), Cause::USER_BUSY);
    assert_eq!(q850!("User busy"), Cause::USER_BUSY);
    assert_eq!(q850!("Unallocated (unassigned) number"), Cause::UNALLOCATED_NUMBER);
    assert_eq!(q850!(NoCircuitChannelAvailable).as_u8(), 34);
    assert_eq!(q850!(127), Cause::INTERWORKING_UNSPECIFIED);
    assert_eq!(BUSY, Cause::USER_BUSY);
    assert_eq!(REJECTED, Cause::CALL_REJECTED);
    const IN_BLOCK: u8 = q850! { 102 }.as_u8();
    assert_eq!(IN_BLOCK, 102);
}

#[test]
fn in_match_patterns() {
    let retry_elsewhere = |cause: Cause| match cause {
        q850!(NoCircuitChannelAvailable) | q850!(42) | q850!("Temporary failure") => true,
        q850!(UserBusy) => false,
        _ => false,
    };
    assert!(retry_elsewhere(Cause::from_u8(34).unwrap()));
    assert!(retry_elsewhere(Cause::from_u8(41).unwrap()));
    assert!(!retry_elsewhere(Cause::USER_BUSY));
}

/// Forwards its argument, as a user's `macro_rules!` would, wrapped in an
/// invisible group.
macro_rules! forward {
    ($cause:expr) => {
        q850!($cause)
    };
}

#[test]
fn forwarded_fragments_reach_the_proc_macro() {
    assert_eq!(forward!(17), Cause::USER_BUSY);
    assert_eq!(forward!("Normal call clearing"), Cause::NORMAL_CALL_CLEARING);
}

#[test]
fn every_row_has_its_constant() {
    // The proc macro and the generated rules agree (a unit test of sip-codes
    // checks every row); here, the catalogue's names are the macro's.
    assert_eq!(CAUSES.len(), 71);
    assert_eq!(CauseEntry::by_name("UserBusy").map(CauseEntry::cause), Some(q850!(UserBusy)));
}

#[derive(Debug, SipResponse)]
enum RoutingError {
    #[sip(NotFound, q850 = NoRouteToDestination)]
    NoRoute,
    #[sip(LoopDetected)]
    Loop,
}

#[derive(Debug, SipResponse)]
enum GatewayError {
    #[sip(BusyHere)]
    Busy,
    #[sip(503, q850 = SwitchingEquipmentCongestion)]
    Congested,
    #[sip(503, reason = "No trunk", q850 = 34)]
    NoTrunk { group: u32 },
    #[sip(Decline, q850 = "Call rejected")]
    Rejected,
    #[sip(RequestTerminated)]
    Cancelled,
    #[sip(transparent)]
    Routing(RoutingError),
}

#[test]
fn the_derive_gives_each_variant_its_cause() {
    let cases = [
        // RFC 3398 §8.2.6.1's mapping of the status, by default.
        (GatewayError::Busy, 486, Some(17)),
        (GatewayError::Congested, 503, Some(42)),
        (GatewayError::NoTrunk { group: 7 }, 503, Some(34)),
        (GatewayError::Rejected, 603, Some(21)),
        // 487: RFC 3398 maps it to no cause.
        (GatewayError::Cancelled, 487, None),
        // A transparent field's own cause, override included.
        (GatewayError::Routing(RoutingError::NoRoute), 404, Some(3)),
        (GatewayError::Routing(RoutingError::Loop), 482, Some(25)),
    ];
    for (error, code, cause) in cases {
        assert_eq!(error.status().as_u16(), code, "{error:?}");
        assert_eq!(error.q850_cause().map(u8::from), cause, "{error:?}");
    }
    // Without an override, the cause follows the status.
    assert_eq!(GatewayError::Busy.q850_cause(), StatusCode::BUSY_HERE.q850_cause());
}

/// An enum's default code takes the attribute's cause with it.
#[derive(SipResponse)]
#[sip(500, q850 = ProtocolErrorUnspecified)]
enum Internal {
    Unexpected,
    #[sip(408)]
    Timeout,
}

#[derive(SipResponse)]
#[sip(ServiceUnavailable, q850 = TemporaryFailure)]
struct Overloaded;

#[test]
fn defaults_and_structs() {
    assert_eq!(Internal::Unexpected.q850_cause(), Some(Cause::PROTOCOL_ERROR_UNSPECIFIED));
    assert_eq!(Internal::Timeout.q850_cause(), Some(Cause::RECOVERY_ON_TIMER_EXPIRY));
    assert_eq!(Overloaded.q850_cause(), Some(Cause::TEMPORARY_FAILURE));
    let boxed: Box<dyn SipResponse> = Box::new(Overloaded);
    assert_eq!(boxed.q850_cause(), Some(Cause::TEMPORARY_FAILURE));
    let by_reference: &dyn SipResponse = &Overloaded;
    assert_eq!(by_reference.q850_cause(), Some(Cause::TEMPORARY_FAILURE));
}
