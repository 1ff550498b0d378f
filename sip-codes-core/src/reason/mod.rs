// The SIP `Reason` header field (RFC 3326): the registered protocols, written
// once in `protocols.rs`, and the parser and formatter of its values.

#[macro_use]
mod protocols;
mod value;

pub use protocols::ReasonProtocol;
pub use value::{GenericParam, GenericParams, InvalidReason, Protocol, Reason, ReasonCause, Reasons};
