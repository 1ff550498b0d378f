//! The core of [`sip-codes`](https://docs.rs/sip-codes): the catalogues of
//! SIP response codes ([`StatusCode`], [`Entry`], [`Class`]), ITU-T Q.850
//! causes ([`q850`]), warn-codes ([`warning`]) and Reason protocols
//! ([`reason`]); the [`StatusLine`] and the `Reason` and `Warning` header
//! values that carry them; and what a stack does with a code. No
//! dependencies (by default), no `std`, no allocator.
//!
//! Depend on `sip-codes` instead, which re-exports all of this. The crate is
//! apart so that the runtime crate and the procedural macros compile the
//! catalogues from one place, and so that it builds while the macros'
//! dependencies do.
//!
//! ```
//! # extern crate sip_codes_core as sip_codes;
//! use sip_codes::StatusCode;
//! assert_eq!(StatusCode::BUSY_HERE.to_string(), "486 Busy Here");
//! ```
//!
//! # Architecture
//!
//! The source is organised by domain (`status/`, `q850/`, `warning/`,
//! `reason/`), each with its rows in `rows.rs`; the layers are features,
//! `cfg`-gated inside the domains:
//!
//! | layer | feature | what |
//! |---|---|---|
//! | catalogues | always | the rows and what a code, cause, warn-code or protocol *is*; [`StatusLine`]; the grammar rules of RFC 3261 §25.1; [`suggest`] and [`CatalogueRow`] |
//! | semantics | `semantics` | what a stack does with a code: handling, [`best_response`], the Q.850 mappings |
//! | header values | `headers` | [`Reason`] and [`Warning`], parsed and formatted |
//! | interop | `serde`, `rsip`, `rsipstack`, `ezk` | other crates' traits and types |
//!
//! A layer depends on the catalogues and on nothing beside it: `semantics`
//! and `headers` build alone, and nothing in the catalogues names a layer
//! above. CI builds each layer alone to keep it so.
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

// The catalogues (L0, always built): what a response code, a Q.850 cause, a
// warn-code and a Reason protocol *is*. Each domain keeps its rows in
// `rows.rs`, and `slots` indexes them by number.
#[macro_use]
mod status;
// How SIP names header fields: case, compact forms.
pub mod header;
pub mod q850;
pub mod reason;
mod row;
mod rules;
mod slots;
pub mod suggest;
pub mod warning;
// RFC 3261 §25.1, shared by `StatusLine` and the header values. The rules
// are always built; without `headers` only `StatusLine` reads them, so some
// sit unused there.
#[cfg_attr(not(feature = "headers"), allow(dead_code))]
mod grammar;

// Semantics (L1, feature `semantics`): what a stack does with a code. The
// Q.850 mappings are the same layer, `cfg`-gated inside `q850/`.
#[cfg(feature = "semantics")]
mod forking;
#[cfg(feature = "semantics")]
mod handling;
#[cfg(feature = "semantics")]
pub mod metrics;

// Header values (L1′, feature `headers`) are `cfg`-gated inside `reason/`,
// `warning/` and `grammar/`: the `Reason` and `Warning` values and their
// parsers. This layer does not need `semantics`, nor it this one.

// Judging a response against the rules of its code needs both layers.
#[cfg(all(feature = "semantics", feature = "headers"))]
pub mod check;

// Interop with other crates' types (one feature each).
mod external;

#[cfg(feature = "semantics")]
pub use forking::{BestResponse, Selection, best_response};
#[cfg(feature = "headers")]
pub use grammar::QuotedText;
#[cfg(feature = "semantics")]
pub use handling::{
    Codes, Context, Disposition, Facts, HANDLING, Handling, HeaderRule, HeaderRules, Method, Methods,
    Requirement, SHARED_RULES, SharedRule,
};
pub use reason::ReasonProtocol;
#[cfg(feature = "headers")]
pub use reason::{InvalidReason, Reason, ReasonCause, Reasons};
pub use row::{CatalogueRow, Spelling};
pub use status::{
    CATALOGUE, Class, Entry, InvalidClass, InvalidStatusCode, InvalidStatusLine, Reference, StatusCode,
    StatusLine,
};
pub use warning::{InvalidWarnCode, WARN_CODES, WarnCode, WarnEntry, WarnRange};
#[cfg(feature = "headers")]
pub use warning::{InvalidWarning, WarnAgent, Warning, Warnings};

// Not public API: the rules that `sip-codes` and `sip-codes-macros` share with
// this crate. The three crates are released together, at one version.
#[doc(hidden)]
pub mod __private {
    // sipcode's capture reader finds header lines with it: one byte search.
    pub use crate::grammar::find_byte;
    pub use crate::grammar::first_control_char;
    pub use crate::rules::{WIRE_CODES, follows_name_rule, spells};
}
