//! `#[derive(SipResponse)]`: every accepted form, and what it answers.
#![allow(dead_code)] // The fields give the variants their shapes; the derive never reads them.

use std::marker::PhantomData;

use sip_codes::{SipResponse, StatusCode};

#[derive(Debug, SipResponse)]
enum RoutingError {
    #[sip(NotFound)]
    NoRoute,
    #[sip(LoopDetected)]
    Loop,
}

#[derive(Debug, SipResponse)]
enum CallError {
    #[sip(BusyHere)]
    Busy,
    #[sip(404)]
    UnknownUser { user: String },
    #[sip(503, reason = "Overloaded, retry later")]
    Overloaded(u32),
    #[sip(transparent)]
    Routing(RoutingError),
    #[sip("Decline", reason = "Déclin\tpoli")]
    Declined,
    #[sip(transparent)]
    Named { source: RoutingError },
}

#[test]
fn variants_of_every_shape() {
    let cases = [
        (CallError::Busy, 486, "Busy Here"),
        (CallError::UnknownUser { user: "alice".into() }, 404, "Not Found"),
        (CallError::Overloaded(3), 503, "Overloaded, retry later"),
        (CallError::Routing(RoutingError::NoRoute), 404, "Not Found"),
        (CallError::Routing(RoutingError::Loop), 482, "Loop Detected"),
        // UTF-8 and HTAB are legal in a reason phrase (RFC 3261 §25.1).
        (CallError::Declined, 603, "Déclin\tpoli"),
        (CallError::Named { source: RoutingError::Loop }, 482, "Loop Detected"),
    ];
    for (error, code, reason) in cases {
        assert_eq!(error.status().as_u16(), code, "{error:?}");
        assert_eq!(error.reason(), reason, "{error:?}");
    }
}

#[derive(SipResponse)]
#[sip(403)]
struct Forbidden;

#[derive(SipResponse)]
#[sip(ServiceUnavailable, reason = "Maintenance")]
struct Maintenance {
    _until: u64,
}

#[derive(SipResponse)]
#[sip(transparent)]
struct Wrapped(CallError);

#[test]
fn structs() {
    assert_eq!(Forbidden.status(), StatusCode::FORBIDDEN);
    assert_eq!(Forbidden.reason(), "Forbidden");
    let maintenance = Maintenance { _until: 0 };
    assert_eq!((maintenance.status().as_u16(), maintenance.reason()), (503, "Maintenance"));
    let wrapped = Wrapped(CallError::Busy);
    assert_eq!((wrapped.status().as_u16(), wrapped.reason()), (486, "Busy Here"));
}

#[derive(SipResponse)]
#[sip(500)]
enum WithDefault {
    Unexpected,
    Io(std::io::ErrorKind),
    #[sip(408)]
    Timeout,
}

#[derive(SipResponse)]
#[sip(ServerInternalError, reason = "Database down")]
enum WithDefaultReason {
    Db,
    #[sip(486)]
    Busy,
}

#[test]
fn enum_default_covers_unannotated_variants() {
    assert_eq!(WithDefault::Unexpected.status().as_u16(), 500);
    assert_eq!(WithDefault::Io(std::io::ErrorKind::Other).reason(), "Server Internal Error");
    assert_eq!(WithDefault::Timeout.status().as_u16(), 408);
    assert_eq!(
        (WithDefaultReason::Db.status().as_u16(), WithDefaultReason::Db.reason()),
        (500, "Database down")
    );
    assert_eq!(WithDefaultReason::Busy.reason(), "Busy Here");
}

#[derive(SipResponse)]
enum Generic<'a, E, T: Clone>
where
    T: Default,
{
    #[sip(transparent)]
    Inner(E),
    #[sip(488)]
    Borrowed(&'a str, PhantomData<T>),
}

#[test]
fn generics_lifetimes_and_where_clauses() {
    let inner: Generic<'_, CallError, u8> = Generic::Inner(CallError::Busy);
    assert_eq!(inner.status().as_u16(), 486);
    let borrowed: Generic<'_, CallError, u8> = Generic::Borrowed("sdp", PhantomData);
    assert_eq!((borrowed.status().as_u16(), borrowed.reason()), (488, "Not Acceptable Here"));
}

/// Everything a declaration's generics may hold: a default, a const
/// parameter, an associated-type binding, a bound with `->`, attributes.
#[derive(SipResponse)]
#[sip(500)]
pub(crate) enum Everything<
    'a,
    I: Iterator<Item = u8> + 'a,
    F: Fn(u8) -> u8,
    W = Box<CallError>,
    const N: usize = 2,
> where
    W: SipResponse,
{
    /// A documented variant.
    #[sip(transparent)]
    Wrapped(W),
    Functions(F, [u8; N], &'a mut I),
    #[sip(486)]
    Discriminated,
}

/// A tuple struct whose where clause follows its fields.
#[derive(SipResponse)]
#[sip(transparent)]
struct Forwarding<T>(pub T)
where
    T: Clone;

#[test]
fn defaults_const_parameters_and_bindings() {
    type Plain<'a> = Everything<'a, std::vec::IntoIter<u8>, fn(u8) -> u8>;
    let wrapped: Plain = Everything::Wrapped(Box::new(CallError::Busy));
    assert_eq!(wrapped.status().as_u16(), 486);
    let discriminated: Plain = Everything::Discriminated;
    assert_eq!(discriminated.reason(), "Busy Here");
    let mut digits = vec![1u8].into_iter();
    let functions: Plain = Everything::Functions(|x| x, [0; 2], &mut digits);
    assert_eq!(functions.status().as_u16(), 500);
    assert_eq!(Forwarding(&CallError::Busy).status().as_u16(), 486);
}

#[derive(SipResponse)]
enum Empty {}

#[test]
fn through_references_and_trait_objects() {
    let error = CallError::Busy;
    let by_ref: &dyn SipResponse = &error;
    assert_eq!(by_ref.status().as_u16(), 486);
    assert_eq!(SipResponse::reason(&&error), "Busy Here");
    let _ = |empty: Empty| empty.status();
}

mod renamed {
    // The derive reaches sip-codes through `crate = …`, so a renamed
    // dependency (here a re-export under another name) works.
    pub use sip_codes as codes;

    #[derive(codes::SipResponse)]
    #[sip(crate = self::codes)]
    pub enum Renamed {
        #[sip(600)]
        BusyEverywhere,
    }
}

#[test]
fn crate_path() {
    use sip_codes::SipResponse;
    assert_eq!(renamed::Renamed::BusyEverywhere.status().as_u16(), 600);
}

#[derive(Debug, thiserror::Error, SipResponse)]
enum BothDerives {
    #[error("{user} is busy")]
    #[sip(BusyHere)]
    Busy { user: String },
    #[error("no route to {0}")]
    #[sip(transparent)]
    Routing(#[source] RoutingErrorWithDisplay),
}

#[derive(Debug, thiserror::Error, SipResponse)]
#[error("no route")]
#[sip(404)]
struct RoutingErrorWithDisplay;

#[test]
fn beside_thiserror() {
    let busy = BothDerives::Busy { user: "bob".into() };
    assert_eq!(busy.to_string(), "bob is busy");
    assert_eq!(busy.status(), StatusCode::BUSY_HERE);
    let routing = BothDerives::Routing(RoutingErrorWithDisplay);
    assert_eq!((routing.status().as_u16(), routing.to_string()), (404, "no route to no route".to_string()));
}

#[test]
#[allow(deprecated)]
fn deprecated_codes_compile() {
    #[derive(SipResponse)]
    #[sip(202)]
    struct Accepted;
    assert_eq!(Accepted.status().as_u16(), 202);
}
