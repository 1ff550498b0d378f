//! The core of [`sip-codes`](https://docs.rs/sip-codes): the catalogue of SIP
//! response codes, [`StatusCode`], [`Entry`] and [`Class`], the ITU-T Q.850
//! causes of [`q850`], the warn-codes and values of the `Warning` header field
//! ([`WarnCode`], [`Warning`]) and the values of the `Reason` header field
//! ([`Reason`]), with no dependencies and no `std`.
//!
//! Depend on `sip-codes` instead, which re-exports all of this. The crate is
//! apart so that the runtime crate and the procedural macros compile the
//! catalogue from one place, and so that it builds while the macros'
//! dependencies do.
//!
//! ```
//! # extern crate sip_codes_core as sip_codes;
//! use sip_codes::StatusCode;
//! assert_eq!(StatusCode::BUSY_HERE.to_string(), "486 Busy Here");
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[macro_use]
mod catalogue;
mod class;
mod entry;
mod error;
mod grammar;
mod lookup;
pub mod q850;
mod reason;
#[cfg(feature = "serde")]
mod serde;
mod status;
mod warning;

pub use class::Class;
pub use entry::{CATALOGUE, Entry, Reference};
pub use error::InvalidStatusCode;
pub use grammar::QuotedText;
pub use reason::{
    GenericParam, GenericParams, InvalidReason, Protocol, Reason, ReasonCause, ReasonProtocol, Reasons,
};
pub use status::StatusCode;
pub use warning::{
    InvalidWarnCode, InvalidWarning, WARN_CODES, WarnAgent, WarnCode, WarnEntry, WarnRange, Warning, Warnings,
};

// Not public API: the rules that `sip-codes` and `sip-codes-macros` share with
// this crate. The three crates are released together, at one version.
#[doc(hidden)]
pub mod __private {
    pub use crate::catalogue::{WIRE_CODES, follows_name_rule, invalid_reason_char, neighbours, spells};
}
