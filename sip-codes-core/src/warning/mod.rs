// The SIP `Warning` header field (RFC 3261 §20.43): the registered warn-codes,
// written once in `catalogue.rs`, and the parser and formatter of its values.

#[macro_use]
mod catalogue;
mod code;
mod value;

pub use code::{InvalidWarnCode, WARN_CODES, WarnCode, WarnEntry, WarnRange};
pub use value::{InvalidWarning, WarnAgent, Warning, Warnings};
