//! The core of [`sip-codes`](https://docs.rs/sip-codes): the catalogue of SIP
//! response codes, [`StatusCode`], [`Entry`] and [`Class`], with no
//! dependencies and no `std`.
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
mod forking;
mod handling;
mod lookup;
#[cfg(feature = "serde")]
mod serde;
mod status;

pub use class::Class;
pub use entry::{CATALOGUE, Entry, Reference};
pub use error::InvalidStatusCode;
pub use forking::{BestResponse, Selection, best_response};
pub use handling::{Disposition, HANDLING, Handling, HeaderRule, Requirement};
pub use status::StatusCode;

// Not public API: the rules that `sip-codes` and `sip-codes-macros` share with
// this crate. The three crates are released together, at one version.
#[doc(hidden)]
pub mod __private {
    pub use crate::catalogue::{WIRE_CODES, follows_name_rule, invalid_reason_char, neighbours, spells};
}
