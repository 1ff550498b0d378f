//! Conversions between [`StatusCode`] and [`ezk_sip_types::StatusCode`]
//! (ezk-sip-types 0.6), through the number.
//!
//! ezk's `StatusCode` is a `Copy` newtype over any `u16`, so a code always
//! converts to it, and a number outside SIP's range converts back to an error.

use crate::{InvalidStatusCode, StatusCode};

/// A code becomes ezk's code of the same number.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
///
/// let peer = ezk_sip_types::StatusCode::from(StatusCode::BUSY_HERE);
/// assert_eq!(peer, ezk_sip_types::StatusCode::BUSY_HERE);
/// assert_eq!(peer.into_u16(), 486);
/// ```
impl From<StatusCode> for ezk_sip_types::StatusCode {
    fn from(code: StatusCode) -> ezk_sip_types::StatusCode {
        ezk_sip_types::StatusCode::from(code.as_u16())
    }
}

/// An ezk code becomes the [`StatusCode`] of its number; a number sip-codes
/// refuses (below 100, or 700 and above and not catalogued, RFC 3261 §7.2) is
/// the same [`InvalidStatusCode`] that [`StatusCode::from_u16`] returns.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
///
/// let decline = ezk_sip_types::StatusCode::DECLINE;
/// assert_eq!(StatusCode::try_from(&decline), Ok(StatusCode::DECLINE));
///
/// let error = StatusCode::try_from(&ezk_sip_types::StatusCode::from(1000)).unwrap_err();
/// assert_eq!(error.code(), Some(1000));
/// ```
impl TryFrom<&ezk_sip_types::StatusCode> for StatusCode {
    type Error = InvalidStatusCode;

    fn try_from(peer: &ezk_sip_types::StatusCode) -> Result<StatusCode, InvalidStatusCode> {
        StatusCode::from_u16(peer.into_u16())
    }
}

/// By value, like the conversion from `&ezk_sip_types::StatusCode`.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
///
/// let peer = ezk_sip_types::StatusCode::from(499);
/// assert_eq!(StatusCode::try_from(peer).map(StatusCode::as_u16), Ok(499));
/// ```
impl TryFrom<ezk_sip_types::StatusCode> for StatusCode {
    type Error = InvalidStatusCode;

    fn try_from(peer: ezk_sip_types::StatusCode) -> Result<StatusCode, InvalidStatusCode> {
        StatusCode::try_from(&peer)
    }
}
