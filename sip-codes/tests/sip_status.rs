//! `sip_status!` in every position and every accepted form.

use sip_codes::{StatusCode, sip_status};

const BUSY: StatusCode = sip_status!(BusyHere);
static DECLINE: StatusCode = sip_status!(603);

#[test]
fn every_form_names_the_constant() {
    assert_eq!(sip_status!(486), StatusCode::BUSY_HERE);
    assert_eq!(sip_status!(486u16), StatusCode::BUSY_HERE);
    assert_eq!(sip_status!(BusyHere), StatusCode::BUSY_HERE);
    assert_eq!(sip_status!(r#BusyHere), StatusCode::BUSY_HERE);
    assert_eq!(sip_status!("Busy Here"), StatusCode::BUSY_HERE);
    assert_eq!(sip_status!(Ok), StatusCode::OK);
    assert_eq!(sip_status!("Request-URI Too Long"), StatusCode::REQUEST_URI_TOO_LONG);
    assert_eq!(sip_status!(NotAcceptableAnywhere), StatusCode::NOT_ACCEPTABLE_ANYWHERE);
    assert_eq!(sip_status!(606).as_u16(), 606);
    // Stack-local codes are catalogued, so the macro knows them.
    assert_eq!(sip_status!(PartyHangsUp).as_u16(), 701);
}

#[test]
fn in_const_static_and_braces() {
    assert_eq!(BUSY.as_u16(), 486);
    assert_eq!(DECLINE, StatusCode::DECLINE);
    const IN_BLOCK: u16 = sip_status! { 180 }.as_u16();
    assert_eq!(IN_BLOCK, 180);
    assert_eq!(sip_status![Ringing], StatusCode::RINGING);
}

#[test]
fn in_match_patterns() {
    let verdict = |code: StatusCode| match code {
        sip_status!(BusyHere) | sip_status!(600) => "busy",
        sip_status!("Decline") => "declined",
        sip_status!(Ringing) => "ringing",
        _ => "other",
    };
    assert_eq!(verdict(StatusCode::from_u16(486).unwrap()), "busy");
    assert_eq!(verdict(StatusCode::from_u16(600).unwrap()), "busy");
    assert_eq!(verdict(StatusCode::from_u16(603).unwrap()), "declined");
    assert_eq!(verdict(StatusCode::from_u16(180).unwrap()), "ringing");
    assert_eq!(verdict(StatusCode::from_u16(499).unwrap()), "other");
}

// Forwarded through another macro, whatever the fragment kind.
macro_rules! via_expr {
    ($code:expr) => {
        sip_status!($code)
    };
}
macro_rules! via_literal {
    ($code:literal) => {
        sip_status!($code)
    };
}
macro_rules! via_ident {
    ($name:ident) => {
        sip_status!($name)
    };
}
macro_rules! via_tt {
    ($($input:tt)*) => {
        sip_status!($($input)*)
    };
}

#[test]
fn through_other_macros() {
    assert_eq!(via_expr!(486), StatusCode::BUSY_HERE);
    assert_eq!(via_expr!("Busy Here"), StatusCode::BUSY_HERE);
    assert_eq!(via_literal!(603), StatusCode::DECLINE);
    assert_eq!(via_ident!(Decline), StatusCode::DECLINE);
    assert_eq!(via_tt!(Ringing), StatusCode::RINGING);
}

#[test]
#[allow(deprecated)]
fn deprecated_codes_compile() {
    assert_eq!(sip_status!(202).as_u16(), 202);
    assert_eq!(sip_status!(Accepted), StatusCode::from_u16(202).unwrap());
}
