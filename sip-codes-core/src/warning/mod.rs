//! The SIP `Warning` header field (RFC 3261 §20.43).
//!
//! - The registered warn-codes, written once in `rows.rs`: [`WarnCode`],
//!   [`WarnEntry`] and [`WARN_CODES`], with the [`WarnRange`] each code falls
//!   in. They are a catalogue like the status codes, always built.
//! - With the `headers` feature, the values of the header field: [`Warning`]
//!   and its [`WarnAgent`], read by `parse.rs` ([`Warnings`]) and refused with
//!   an [`InvalidWarning`] (`error.rs`); a warn-code the grammar allows but
//!   SIP does not define is kept and reported as a [`WarningOddity`]
//!   (`oddity.rs`).
//!
//! ```
//! # extern crate sip_codes_core as sip_codes;
//! use sip_codes::warning::{WarnCode, WarnEntry};
//!
//! let code = WarnEntry::by_name("IncompatibleMediaFormat").unwrap().warn_code();
//! assert_eq!(code, WarnCode::INCOMPATIBLE_MEDIA_FORMAT);
//! assert_eq!(code.as_u16(), 305);
//! ```

#[macro_use]
mod rows;
mod code;
#[cfg(feature = "headers")]
mod error;
#[cfg(feature = "headers")]
mod oddity;
#[cfg(feature = "headers")]
mod parse;
#[cfg(feature = "headers")]
mod value;

pub use code::{InvalidWarnCode, WARN_CODES, WarnCode, WarnEntry, WarnRange};
#[cfg(feature = "headers")]
pub use error::InvalidWarning;
#[cfg(feature = "headers")]
pub use oddity::WarningOddity;
#[cfg(feature = "headers")]
pub use parse::Warnings;
#[cfg(feature = "headers")]
pub use value::{WarnAgent, Warning};
