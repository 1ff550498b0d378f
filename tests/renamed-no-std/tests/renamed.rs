use codes::{SipResponse, StatusCode};
use sip_codes_test_renamed_no_std::{BUSY, CallError, DECLINE, verdict};

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
}
