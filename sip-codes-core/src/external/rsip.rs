//! Conversions between [`StatusCode`] and [`rsip::StatusCode`] (rsip 0.4),
//! through the number.
//!
//! rsip's `Display` prints its variant names (`486 BusyHere`) and rsip 0.4
//! numbers its `Accepted` variant 201, so nothing but `code()` is read from an
//! rsip value, and nothing but the number decides which rsip value a code
//! becomes: what goes on the wire stays the code it was.

use crate::{InvalidStatusCode, StatusCode};

/// A code becomes rsip's variant for its number; a code rsip has no variant
/// for becomes `Other` with the registered reason phrase (rsip's own default
/// phrase, `Other`, for a code the catalogue does not know).
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
///
/// assert_eq!(rsip::StatusCode::from(StatusCode::BUSY_HERE), rsip::StatusCode::BusyHere);
/// // rsip 0.4 has no variant numbered 202 (its `Accepted` is 201).
/// let accepted = rsip::StatusCode::from(StatusCode::from_u16(202).unwrap());
/// assert_eq!(accepted, rsip::StatusCode::Other(202, "Accepted".into()));
/// assert_eq!(accepted.to_string(), "202 Accepted");
/// ```
impl From<StatusCode> for rsip::StatusCode {
    fn from(code: StatusCode) -> rsip::StatusCode {
        match rsip::StatusCode::from(code.as_u16()) {
            rsip::StatusCode::Other(number, default) => {
                rsip::StatusCode::Other(number, code.canonical_reason().map_or(default, Into::into))
            }
            named => named,
        }
    }
}

/// An rsip code becomes the [`StatusCode`] of its number; a number sip-codes
/// refuses (below 100, or 700 and above and not catalogued, RFC 3261 §7.2) is
/// the same [`InvalidStatusCode`] that [`StatusCode::from_u16`] returns.
///
/// rsip 0.4 numbers `Accepted` 201, so it becomes 201, an extension code of
/// class 2xx, not [`StatusCode::ACCEPTED`] (202): the number is what rsip
/// would send.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
///
/// assert_eq!(StatusCode::try_from(&rsip::StatusCode::Decline), Ok(StatusCode::DECLINE));
/// assert_eq!(StatusCode::try_from(&rsip::StatusCode::Accepted).unwrap().as_u16(), 201);
///
/// let error = StatusCode::try_from(&rsip::StatusCode::Other(999, "Odd".into())).unwrap_err();
/// assert_eq!(error.code(), Some(999));
/// ```
impl TryFrom<&rsip::StatusCode> for StatusCode {
    type Error = InvalidStatusCode;

    fn try_from(peer: &rsip::StatusCode) -> Result<StatusCode, InvalidStatusCode> {
        StatusCode::from_u16(peer.code())
    }
}

/// By value, like the conversion from `&rsip::StatusCode`.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
///
/// assert_eq!(StatusCode::try_from(rsip::StatusCode::BusyHere), Ok(StatusCode::BUSY_HERE));
/// ```
impl TryFrom<rsip::StatusCode> for StatusCode {
    type Error = InvalidStatusCode;

    fn try_from(peer: rsip::StatusCode) -> Result<StatusCode, InvalidStatusCode> {
        StatusCode::try_from(&peer)
    }
}
