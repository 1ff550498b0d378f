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

/// A transparent field on a type parameter gets its bound, beside the
/// declaration's own where clause (trailing comma and all) and a const parameter.
#[derive(SipResponse)]
#[sip(transparent)]
struct Tagged<E, const N: usize>(E)
where
    E: std::fmt::Debug;

#[test]
fn const_parameters_beside_a_where_clause() {
    let tagged: Tagged<CallError, 3> = Tagged(CallError::Busy);
    assert_eq!(tagged.status().as_u16(), 486);
}

/// Raw identifiers everywhere a name stands: the type, variants, a field,
/// a generic parameter, and the code's name itself.
#[derive(SipResponse)]
#[allow(non_camel_case_types)]
enum r#match<r#T> {
    #[sip(r#BusyHere)]
    r#type,
    #[sip(transparent)]
    r#struct { r#fn: r#T },
}

#[test]
fn raw_identifiers() {
    assert_eq!(r#match::<CallError>::r#type.status().as_u16(), 486);
    let forwarded = r#match::r#struct { r#fn: CallError::Overloaded(1) };
    assert_eq!((forwarded.status().as_u16(), forwarded.reason()), (503, "Overloaded, retry later"));
}

/// rustc removes what `#[cfg]` turns off before the derive reads the input:
/// a 1xx here would be rejected if the derive saw it. (This file is
/// compiled with `test` on.)
#[derive(SipResponse)]
enum Configured {
    #[cfg(not(test))]
    #[sip(100)]
    NeverCompiled,
    #[cfg(test)]
    #[sip(486)]
    Compiled,
    // One field once the other is configured out, so `transparent` holds.
    #[sip(transparent)]
    Forwarded(#[cfg(not(test))] u8, CallError),
    #[cfg_attr(test, sip(480))]
    #[cfg_attr(not(test), sip(100))]
    ByCfgAttr,
}

#[test]
fn cfg_variants_fields_and_cfg_attr() {
    assert_eq!(Configured::Compiled.status().as_u16(), 486);
    assert_eq!(Configured::Forwarded(CallError::Busy).reason(), "Busy Here");
    assert_eq!(Configured::ByCfgAttr.status().as_u16(), 480);
}

/// Explicit discriminants, of any expression, leave the derive unmoved.
#[derive(SipResponse, Clone, Copy)]
#[repr(u8)]
enum Discriminants {
    #[sip(486)]
    Shifted = 1 << 2,
    #[sip(NotFound)]
    Compared = if 1 < 2 { 20 } else { 21 },
    #[sip(503)]
    Block = {
        const BASE: u8 = 30;
        BASE + 1
    },
    #[sip(603)]
    Cast = u16::MAX as u8 - 1,
}

#[test]
fn discriminants() {
    let cases = [
        (Discriminants::Shifted, 4, 486),
        (Discriminants::Compared, 20, 404),
        (Discriminants::Block, 31, 503),
        (Discriminants::Cast, 254, 603),
    ];
    for (variant, discriminant, code) in cases {
        assert_eq!((variant as u8, variant.status().as_u16()), (discriminant, code));
    }
}

/// An enum written by `macro_rules!`: the name, the codes (as `expr`,
/// `literal` and `ident` fragments), a field type and whole attributes
/// arrive as fragments, some wrapped in invisible groups.
macro_rules! sip_errors {
    (
        $name:ident {
            expressions: [$($variant:ident => $code:expr),*],
            literal: $literal:ident => $lit:literal,
            name: $named:ident => $code_name:ident,
            meta: $(#[$meta:meta])* $attributed:ident,
            ty: $wrapper:ident($inner:ty),
        }
    ) => {
        #[derive(Debug, SipResponse)]
        enum $name {
            $(#[sip($code)] $variant,)*
            #[sip($lit, reason = "From a literal")]
            $literal,
            #[sip($code_name)]
            $named,
            $(#[$meta])*
            $attributed,
            #[sip(transparent)]
            $wrapper($inner),
        }
    };
}

sip_errors!(Generated {
    expressions: [Busy => 486, Missing => NotFound, Declined => "Decline"],
    literal: Literal => 480,
    name: Named => Forbidden,
    meta: #[doc = "An attribute passed as a `meta` fragment."] #[sip(503)] Attributed,
    ty: Wrapper(CallError),
});

#[test]
fn enums_made_by_macro_rules() {
    let cases = [
        (Generated::Busy, 486, "Busy Here"),
        (Generated::Missing, 404, "Not Found"),
        (Generated::Declined, 603, "Decline"),
        (Generated::Literal, 480, "From a literal"),
        (Generated::Named, 403, "Forbidden"),
        (Generated::Attributed, 503, "Service Unavailable"),
        (Generated::Wrapper(CallError::Busy), 486, "Busy Here"),
    ];
    for (error, code, reason) in cases {
        assert_eq!((error.status().as_u16(), error.reason()), (code, reason), "{error:?}");
    }
}
