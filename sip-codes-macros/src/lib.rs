//! The procedural macros of [`sip-codes`](https://docs.rs/sip-codes): use them
//! through that crate, which re-exports them and which their expansions name.
//!
//! - `sip_status!(486)` / `sip_status!(BusyHere)` / `sip_status!("Busy Here")`:
//!   the catalogued `StatusCode` constant, checked at compile time.
//! - `q850!(17)` / `q850!(UserBusy)` / `q850!("User busy")`: the Q.850
//!   `Cause` constant, checked at compile time.
//! - `#[derive(SipResponse)]`: maps an error type to SIP responses, and to
//!   the Q.850 causes they release a call with.
//!
//! Every rule lives in one module: `code` turns a number, name or text into
//! a catalogue row or a spanned error, for every macro and both catalogues. The catalogue itself
//! is `sip-codes-core`'s, the same table the runtime crate re-exports.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod code;
mod derive;
#[cfg(test)]
mod never_panics;
mod status;

use proc_macro::TokenStream;

/// The catalogued `StatusCode` constant for a code, name or phrase.
///
/// Called as `sip_status!($crate; input)` by the `sip_status!` wrapper of
/// `sip-codes`, which documents the accepted forms.
#[doc(hidden)]
#[proc_macro]
pub fn sip_status(input: TokenStream) -> TokenStream {
    status::expand(input.into()).into()
}

/// The `Cause` constant for a Q.850 cause value, name or text.
///
/// Called as `q850!($crate; input)` by the `q850!` wrapper of `sip-codes`,
/// which documents the accepted forms.
#[doc(hidden)]
#[proc_macro]
pub fn q850(input: TokenStream) -> TokenStream {
    status::expand_q850(input.into()).into()
}

/// Implements `sip_codes::SipResponse` from `#[sip(…)]` attributes.
///
/// See `sip_codes::SipResponse` for the attribute's forms.
#[proc_macro_derive(SipResponse, attributes(sip))]
pub fn derive_sip_response(input: TokenStream) -> TokenStream {
    derive::expand(input.into()).into()
}
