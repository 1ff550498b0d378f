use codes::q850::Cause;
use codes::{SipResponse, StatusCode};
use sip_codes_test_renamed_no_std::{BUSY, CallError, DECLINE, USER_BUSY, congested, verdict};

#[test]
fn macros_work_renamed_and_without_std() {
    assert_eq!(BUSY, StatusCode::BUSY_HERE);
    assert_eq!(DECLINE.as_u16(), 603);
    assert_eq!(verdict(StatusCode::BUSY_EVERYWHERE), "busy");
    assert_eq!(verdict(StatusCode::DECLINE), "declined");
    assert_eq!(verdict(StatusCode::OK), "other");
    assert_eq!((CallError::Busy.status().as_u16(), CallError::Busy.reason()), (486, "Busy Here"));
    assert_eq!(CallError::Overloaded.reason(), "Overloaded");
    assert_eq!(CallError::Unexpected.status(), StatusCode::SERVER_INTERNAL_ERROR);
    assert_eq!(USER_BUSY, Cause::USER_BUSY);
    assert!(
        congested(Cause::NO_CIRCUIT_CHANNEL_AVAILABLE) && congested(Cause::SWITCHING_EQUIPMENT_CONGESTION)
    );
    assert!(!congested(Cause::USER_BUSY));
    assert_eq!(CallError::Busy.q850_cause(), Some(Cause::USER_BUSY));
    assert_eq!(CallError::Overloaded.q850_cause(), Some(Cause::SWITCHING_EQUIPMENT_CONGESTION));
    // RFC 3398 §8.2.6.1: 500 → 41.
    assert_eq!(CallError::Unexpected.q850_cause(), Some(Cause::TEMPORARY_FAILURE));
}

#[test]
fn the_decision_layer_works_without_std() {
    use sip_codes_test_renamed_no_std::{UNDERSTOOD, retries_with_changes, upstream};
    assert_eq!(UNDERSTOOD, StatusCode::BAD_REQUEST);
    assert_eq!(upstream(&[StatusCode::BUSY_HERE, StatusCode::DECLINE]), StatusCode::DECLINE);
    assert_eq!(upstream(&[]), StatusCode::REQUEST_TIMEOUT);
    assert!(retries_with_changes(StatusCode::UNAUTHORIZED) && !retries_with_changes(StatusCode::BUSY_HERE));
}
