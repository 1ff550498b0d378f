//! Conversions between [`StatusCode`] and [`rsipstack::sip::StatusCode`]
//! (rsipstack 0.7), through the number.
//!
//! rsipstack's `StatusCode` began as a copy of rsip's and is a type of its
//! own (it numbers `Accepted` 202). Only `code()` is read from an rsipstack
//! value: the reason text of its `Other(code, reason)` is whatever the
//! sender wrote.
//!
//! rsipstack needs a platform backend to compile; sip-codes asks for none, so
//! an application's own rsipstack dependency chooses it (rsipstack's default
//! features choose tokio).

use crate::{InvalidStatusCode, StatusCode};

/// A code becomes rsipstack's variant for its number; a code rsipstack has no
/// variant for becomes `Other` with the registered reason phrase (rsipstack's
/// own default phrase, `Other`, for a code the catalogue does not know).
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use rsipstack::sip::StatusCode as Peer;
/// use sip_codes::StatusCode;
///
/// assert_eq!(Peer::from(StatusCode::BUSY_HERE), Peer::BusyHere);
/// assert_eq!(Peer::from(StatusCode::from_u16(202).unwrap()), Peer::Accepted);
/// let rejected = Peer::from(StatusCode::REJECTED);
/// assert_eq!(rejected, Peer::Other(608, "Rejected".into()));
/// assert_eq!(rejected.to_string(), "608 Rejected");
/// ```
impl From<StatusCode> for rsipstack::sip::StatusCode {
    fn from(code: StatusCode) -> rsipstack::sip::StatusCode {
        match rsipstack::sip::StatusCode::from(code.as_u16()) {
            rsipstack::sip::StatusCode::Other(number, default) => {
                rsipstack::sip::StatusCode::Other(number, code.canonical_reason().map_or(default, Into::into))
            }
            named => named,
        }
    }
}

/// An rsipstack code becomes the [`StatusCode`] of its number; a number
/// sip-codes refuses (below 100, or 700 and above and not catalogued, RFC 3261
/// §7.2) is the same [`InvalidStatusCode`] that [`StatusCode::from_u16`]
/// returns.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use rsipstack::sip::StatusCode as Peer;
/// use sip_codes::StatusCode;
///
/// assert_eq!(StatusCode::try_from(&Peer::Decline), Ok(StatusCode::DECLINE));
/// assert_eq!(StatusCode::try_from(&Peer::Accepted), StatusCode::from_u16(202));
///
/// let error = StatusCode::try_from(&Peer::Other(99, "Odd".into())).unwrap_err();
/// assert_eq!(error.code(), Some(99));
/// ```
impl TryFrom<&rsipstack::sip::StatusCode> for StatusCode {
    type Error = InvalidStatusCode;

    fn try_from(peer: &rsipstack::sip::StatusCode) -> Result<StatusCode, InvalidStatusCode> {
        StatusCode::from_u16(peer.code())
    }
}

/// By value, like the conversion from `&rsipstack::sip::StatusCode`.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
///
/// let peer = rsipstack::sip::StatusCode::BusyHere;
/// assert_eq!(StatusCode::try_from(peer), Ok(StatusCode::BUSY_HERE));
/// ```
impl TryFrom<rsipstack::sip::StatusCode> for StatusCode {
    type Error = InvalidStatusCode;

    fn try_from(peer: rsipstack::sip::StatusCode) -> Result<StatusCode, InvalidStatusCode> {
        StatusCode::try_from(&peer)
    }
}
