//! The core of [`sip-codes`](https://docs.rs/sip-codes): the catalogue of SIP
//! response codes, [`StatusCode`], [`Entry`] and [`Class`], the ITU-T Q.850
//! causes of [`q850`], the warn-codes and values of the `Warning` header field
//! ([`WarnCode`], [`Warning`]) and the values of the `Reason` header field
//! ([`Reason`]), with no dependencies (by default) and no `std`.
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
//!
//! # Features
//!
//! Trait impls for other crates' types live here, beside [`StatusCode`],
//! because the orphan rule puts them there; `sip-codes` has a feature of the
//! same name that turns each on. None is on by default.
//!
//! | feature | what it adds |
//! |---|---|
//! | `serde` | `StatusCode` as a number, validated like [`StatusCode::from_u16`] |
//! | `rsip` | `From<StatusCode>` for `rsip::StatusCode` (0.4); `TryFrom` back, by reference and by value |
//! | `rsipstack` | the same for `rsipstack::sip::StatusCode` (0.7); rsipstack's platform backend is the application's choice |
//! | `ezk` | the same for `ezk_sip_types::StatusCode` (0.6) |
//!
//! Every conversion goes through the number. Towards a stack, a code becomes
//! the stack's value for that number (rsip and rsipstack: `Other` with the
//! registered phrase when they have no variant). From a stack, only the
//! number is read, and a number that [`StatusCode::from_u16`] refuses is its
//! [`InvalidStatusCode`]: one rule and one message for every source of a
//! number. rsip 0.4 numbers its `Accepted` variant 201, so it converts to 201,
//! not to 202 Accepted.
//!
//! This crate stays `no_std` with every feature; rsip and ezk-sip-types need
//! `std` themselves, rsipstack does not.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[macro_use]
mod catalogue;
#[cfg(all(feature = "semantics", feature = "headers"))]
pub mod check;
mod class;
mod entry;
mod error;
#[cfg(feature = "ezk")]
mod ezk;
#[cfg(feature = "semantics")]
mod forking;
#[cfg(feature = "headers")]
mod grammar;
#[cfg(feature = "semantics")]
mod handling;
pub mod header;
mod lookup;
#[cfg(feature = "semantics")]
pub mod metrics;
pub mod q850;
#[cfg(feature = "headers")]
mod reason;
#[cfg(feature = "rsip")]
mod rsip;
#[cfg(feature = "rsipstack")]
mod rsipstack;
#[cfg(feature = "serde")]
mod serde;
mod status;
#[cfg(feature = "headers")]
mod warning;

pub use class::Class;
pub use entry::{CATALOGUE, Entry, Reference};
pub use error::InvalidStatusCode;
#[cfg(feature = "semantics")]
pub use forking::{BestResponse, Selection, best_response};
#[cfg(feature = "headers")]
pub use grammar::QuotedText;
#[cfg(feature = "semantics")]
pub use handling::{
    Codes, Context, Disposition, Facts, HANDLING, Handling, HeaderRule, HeaderRules, Method, Methods,
    Requirement, SHARED_RULES, SharedRule,
};
#[cfg(feature = "headers")]
pub use reason::{
    GenericParam, GenericParams, InvalidReason, Protocol, Reason, ReasonCause, ReasonProtocol, Reasons,
};
pub use status::StatusCode;
#[cfg(feature = "headers")]
pub use warning::{
    InvalidWarnCode, InvalidWarning, WARN_CODES, WarnAgent, WarnCode, WarnEntry, WarnRange, Warning, Warnings,
};

// Not public API: the rules that `sip-codes` and `sip-codes-macros` share with
// this crate. The three crates are released together, at one version.
#[doc(hidden)]
pub mod __private {
    pub use crate::catalogue::{
        WIRE_CODES, edit_distance, follows_name_rule, invalid_reason_char, neighbours, spells,
    };
}
