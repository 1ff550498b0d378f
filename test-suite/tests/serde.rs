//! `StatusCode` through serde (feature `serde`, which this package turns on):
//! the number, validated like `StatusCode::from_u16`.

use sip_codes::StatusCode;

#[test]
fn serde_is_the_number_validated_like_from_u16() {
    assert_eq!(serde_json::to_string(&StatusCode::BUSY_HERE).unwrap(), "486");
    assert_eq!(serde_json::from_str::<StatusCode>("603").unwrap(), StatusCode::DECLINE);
    assert_eq!(serde_json::from_str::<StatusCode>("499").unwrap().as_u16(), 499);
    for bad in ["99", "700", "70000", "-486", "\"486\"", "486.0"] {
        assert!(serde_json::from_str::<StatusCode>(bad).is_err(), "{bad}");
    }
    let error = serde_json::from_str::<StatusCode>("1000").unwrap_err().to_string();
    assert!(error.contains("1000 is not a SIP status code"), "{error}");
}
