//! The SIP `Reason` header field (RFC 3326).
//!
//! - The IANA "Reason Protocols" registry, written once in `rows.rs`:
//!   [`ReasonProtocol`]. It is a catalogue like the status codes, always built.
//! - With the `headers` feature, the values of the header field: [`Reason`],
//!   its [`Protocol`] (registered or not), its [`ReasonCause`] typed by the
//!   protocol and its other [`GenericParam`]s, read by `parse.rs`
//!   ([`Reasons`]) and refused with an [`InvalidReason`] (`error.rs`); what
//!   the grammar allows but the protocol does not define is kept and
//!   reported as a [`ReasonOddity`] (`oddity.rs`).
//!
//! ```
//! # extern crate sip_codes_core as sip_codes;
//! use sip_codes::reason::ReasonProtocol;
//!
//! assert_eq!(ReasonProtocol::Q850.token(), "Q.850");
//! ```

#[macro_use]
mod rows;
#[cfg(feature = "headers")]
mod error;
#[cfg(feature = "headers")]
mod oddity;
#[cfg(feature = "headers")]
mod parse;
#[cfg(feature = "headers")]
mod value;

#[cfg(feature = "headers")]
pub use error::InvalidReason;
#[cfg(feature = "headers")]
pub use oddity::ReasonOddity;
#[cfg(feature = "headers")]
pub use parse::Reasons;
pub use rows::ReasonProtocol;
#[cfg(feature = "headers")]
pub use value::{GenericParam, GenericParams, Protocol, Reason, ReasonCause, ReasonOddities};
