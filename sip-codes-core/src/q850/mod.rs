//! ITU-T Q.850 causes: the release causes of ISDN and ISUP, which gateways
//! translate to and from SIP responses (RFC 3398) and carry in the `Reason`
//! header (RFC 3326, RFC 6432, RFC 8606).
//!
//! - [`Cause`]: a cause value, 1 to 127, with a constant for each value
//!   Q.850 defines ([`Cause::USER_BUSY`]); [`CAUSES`] lists them, and
//!   [`CauseEntry`] looks them up by value, name or text.
//! - [`CauseClass`]: the class Q.850 codes in the value's high bits.
//! - [`Location`]: where in the network the cause arose, with its RFC 8606
//!   `location=` token.
//! - The mappings between causes and responses, both directions, as
//!   [`Profile`]s: RFC 3398 and the tables of FreeSWITCH and Asterisk
//!   ([`Cause::to_status`], [`StatusCode::to_cause`](crate::StatusCode::to_cause)).
//!
//! ```
//! # extern crate sip_codes_core as sip_codes;
//! use sip_codes::q850::{Cause, CauseEntry, Location};
//!
//! let busy = CauseEntry::by_name("UserBusy").unwrap().cause();
//! assert_eq!(busy, Cause::USER_BUSY);
//! assert_eq!(busy.to_string(), "17 User busy");
//! assert_eq!(Location::USER.token(), "U");
//! ```

#[macro_use]
mod rows;
mod cause;
mod class;
mod entry;
mod location;
#[cfg(feature = "semantics")]
#[macro_use]
mod mapping;
#[cfg(feature = "semantics")]
mod profile;

pub use cause::{Cause, InvalidCause};
pub use class::CauseClass;
pub use entry::{CAUSES, CauseEntry};
pub use location::{InvalidLocation, Location};
#[cfg(feature = "semantics")]
pub use profile::{CauseToStatus, Profile, StatusToCause};
