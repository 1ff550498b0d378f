//! The procedural macros of [`sip-codes`](https://docs.rs/sip-codes): use them
//! through that crate, which re-exports them and which their expansions name.
//!
//! - `sip_status!(486)` / `sip_status!(BusyHere)` / `sip_status!("Busy Here")`:
//!   the catalogued `StatusCode` constant, checked at compile time.
//! - `#[derive(SipResponse)]`: maps an error type to SIP responses.
//!
//! Every rule lives in one module: `code` turns a code, name or phrase into
//! a catalogue row or a spanned error, for both macros. The catalogue itself
//! is `sip-codes-core`'s, the same table the runtime crate re-exports.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod code;
mod derive;
#[cfg(test)]
mod never_panics;
mod status;
mod syntax;

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

/// Implements `sip_codes::SipResponse` from `#[sip(…)]` attributes.
///
/// See `sip_codes::SipResponse` for the attribute's forms.
#[proc_macro_derive(SipResponse, attributes(sip))]
pub fn derive_sip_response(input: TokenStream) -> TokenStream {
    derive::expand(input.into()).into()
}
