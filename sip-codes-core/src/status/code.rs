use core::fmt;
use core::num::NonZeroU16;
use core::str::FromStr;

use crate::rules::WIRE_CODES;
use crate::{Class, Entry, InvalidStatusCode};

/// A SIP response status code, such as `486 Busy Here`.
///
/// Like `http::StatusCode`, it is a checked number: every value is a valid
/// code. A code is valid when it is
/// - any three-digit code from 100 to 699, registered or not: RFC 3261 §7.2
///   lets extensions use any code of the six classes, and a recipient treats
///   an unknown code like the x00 code of its class; or
/// - a catalogued stack-local code such as 701, which some stacks report
///   internally and which is never sent on the wire.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
///
/// let code = StatusCode::from_u16(486)?;
/// assert_eq!(code, StatusCode::BUSY_HERE);
/// assert_eq!(code, 486);
/// assert_eq!(u16::from(code), 486);
/// assert_eq!(format!("{code}"), "486 Busy Here");
/// assert_eq!(format!("{code:?}"), "StatusCode(486 Busy Here)");
/// assert!(code.is_request_failure() && code.is_final());
/// # Ok::<(), sip_codes::InvalidStatusCode>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatusCode(NonZeroU16);

impl StatusCode {
    /// The code `code`, if it is valid (see [`StatusCode`]).
    ///
    /// Takes constant time: a range check, and for codes above 699 one
    /// look-up in an index of the catalogue.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    ///
    /// assert_eq!(StatusCode::from_u16(603)?, StatusCode::DECLINE);
    /// assert!(StatusCode::from_u16(499).is_ok()); // an extension code
    /// assert!(StatusCode::from_u16(701).is_ok()); // catalogued, stack-local
    /// assert!(StatusCode::from_u16(99).is_err());
    /// assert!(StatusCode::from_u16(700).is_err());
    /// # Ok::<(), sip_codes::InvalidStatusCode>(())
    /// ```
    #[inline]
    pub const fn from_u16(code: u16) -> Result<StatusCode, InvalidStatusCode> {
        let valid =
            (code >= *WIRE_CODES.start() && code <= *WIRE_CODES.end()) || Entry::by_code(code).is_some();
        match NonZeroU16::new(code) {
            Some(code) if valid => Ok(StatusCode(code)),
            _ => Err(InvalidStatusCode::out_of_range(code)),
        }
    }

    /// The code written as exactly three ASCII digits, such as `b"486"`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    ///
    /// assert_eq!(StatusCode::from_bytes(b"180")?, StatusCode::RINGING);
    /// assert!(StatusCode::from_bytes(b"18").is_err());
    /// assert!(StatusCode::from_bytes(b"+80").is_err());
    /// assert!(StatusCode::from_bytes(b"099").is_err());
    /// # Ok::<(), sip_codes::InvalidStatusCode>(())
    /// ```
    #[inline]
    pub const fn from_bytes(digits: &[u8]) -> Result<StatusCode, InvalidStatusCode> {
        let [a, b, c] = *digits else {
            return Err(InvalidStatusCode::not_three_digits());
        };
        // The common case first: a code of the wire classes, 1xx to 6xx, is
        // valid without a table, and a first digit from 1 to 6 says so.
        if let Some(hundreds_from_one) = three_digits(a, b, c, b'1', b'6')
            && let Some(code) = NonZeroU16::new(100 + hundreds_from_one)
        {
            return Ok(StatusCode(code));
        }
        match three_digits(a, b, c, b'0', b'9') {
            Some(code) => StatusCode::from_u16(code),
            None => Err(InvalidStatusCode::not_three_digits()),
        }
    }

    /// The constant of a catalogued code. Only the catalogue's constants call
    /// it, in const context, where a bad row is a compile error.
    pub(crate) const fn catalogued(code: u16) -> StatusCode {
        match StatusCode::from_u16(code) {
            Ok(status) => status,
            Err(_) => panic!("a catalogue row has an invalid code"),
        }
    }

    /// The code as a number.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::StatusCode::RINGING.as_u16(), 180);
    /// ```
    #[inline]
    pub const fn as_u16(self) -> u16 {
        self.0.get()
    }

    /// The registered reason phrase, or `None` for a code not in the catalogue.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    ///
    /// assert_eq!(StatusCode::DECLINE.canonical_reason(), Some("Decline"));
    /// assert_eq!(StatusCode::from_u16(499)?.canonical_reason(), None);
    /// # Ok::<(), sip_codes::InvalidStatusCode>(())
    /// ```
    #[inline]
    pub const fn canonical_reason(self) -> Option<&'static str> {
        super::entry::phrase_of(self.as_u16())
    }

    /// The catalogue row of this code, if it has one.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    ///
    /// let entry = StatusCode::SERVER_INTERNAL_ERROR.entry().unwrap();
    /// assert!(entry.aliases.contains(&"Internal Server Error"));
    /// assert!(StatusCode::from_u16(599)?.entry().is_none());
    /// # Ok::<(), sip_codes::InvalidStatusCode>(())
    /// ```
    #[inline]
    pub const fn entry(self) -> Option<&'static Entry> {
        Entry::by_code(self.as_u16())
    }

    /// The class, from the first digit.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Class, StatusCode};
    /// assert_eq!(StatusCode::MOVED_TEMPORARILY.class(), Class::Redirection);
    /// ```
    #[inline]
    pub const fn class(self) -> Class {
        match Class::from_first_digit((self.as_u16() / 100) as u8) {
            Some(class) => class,
            // Valid codes start with 1 to 7 (see `from_u16`).
            None => Class::StackLocal,
        }
    }

    /// Whether the code is 1xx: the request is in progress.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::StatusCode::TRYING.is_provisional());
    /// ```
    #[inline]
    pub const fn is_provisional(self) -> bool {
        matches!(self.class(), Class::Provisional)
    }

    /// Whether the code is 2xx: the request succeeded.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::StatusCode::OK.is_success());
    /// ```
    #[inline]
    pub const fn is_success(self) -> bool {
        matches!(self.class(), Class::Success)
    }

    /// Whether the code is 3xx: the request should be retried elsewhere.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::StatusCode::MOVED_PERMANENTLY.is_redirection());
    /// ```
    #[inline]
    pub const fn is_redirection(self) -> bool {
        matches!(self.class(), Class::Redirection)
    }

    /// Whether the code is 4xx: the request failed at this server.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::StatusCode::NOT_FOUND.is_request_failure());
    /// ```
    #[inline]
    pub const fn is_request_failure(self) -> bool {
        matches!(self.class(), Class::RequestFailure)
    }

    /// Whether the code is 5xx: the server failed.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::StatusCode::SERVICE_UNAVAILABLE.is_server_failure());
    /// ```
    #[inline]
    pub const fn is_server_failure(self) -> bool {
        matches!(self.class(), Class::ServerFailure)
    }

    /// Whether the code is 6xx: the request fails everywhere.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::StatusCode::BUSY_EVERYWHERE.is_global_failure());
    /// ```
    #[inline]
    pub const fn is_global_failure(self) -> bool {
        matches!(self.class(), Class::GlobalFailure)
    }

    /// Whether the code ends its transaction: 2xx to 6xx. Provisional codes
    /// and stack-local 7xx codes are not final.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// assert!(StatusCode::DECLINE.is_final());
    /// assert!(!StatusCode::RINGING.is_final());
    /// assert!(!StatusCode::PARTY_HANGS_UP.is_final());
    /// ```
    #[inline]
    pub const fn is_final(self) -> bool {
        self.class().is_final()
    }
}

/// `486 Busy Here`, or `499` for a code without a catalogued phrase.
/// Width and alignment apply to the whole: `{:<20}` pads `486 Busy Here`.
impl fmt::Display for StatusCode {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match super::entry::status_text_of(self.as_u16()) {
            Some(text) => f.pad(text),
            None => fmt::Display::fmt(&self.as_u16(), f),
        }
    }
}

/// `StatusCode(486 Busy Here)`.
impl fmt::Debug for StatusCode {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StatusCode({self})")
    }
}

/// `100 × (a − first) + 10 × (b − '0') + (c − '0')`, if `a` is from `first`
/// to `last` and `b` and `c` are decimal digits; `None` otherwise.
///
/// The three bytes go in three 16-bit lanes of a `u64` and are checked and
/// converted together: one subtraction and one addition test every lane's
/// range at once, and one multiplication weighs the digits. That is fewer
/// instructions than testing the bytes one by one, on the path every parsed
/// status line takes (BENCHMARKS.md). `first` and `last` are constants where
/// it is called, so the masks are too.
#[inline(always)]
const fn three_digits(a: u8, b: u8, c: u8, first: u8, last: u8) -> Option<u16> {
    const EACH: u64 = 1 << 32 | 1 << 16 | 1;
    const HIGH: u64 = 0x8000 * EACH;
    // The weights put 100a + 10b + c in bits 32 to 41, above the lower
    // lanes' products and below the higher ones.
    const WEIGHTS: u64 = 100 << 32 | 10 << 16 | 1;
    // Each lane's least byte, and what, added to a lane, sets its high bit
    // exactly when the lane holds more than its largest byte.
    let least = (b'0' as u64) << 32 | (b'0' as u64) << 16 | first as u64;
    let above = (0x7FFF - b'9' as u64) << 32 | (0x7FFF - b'9' as u64) << 16 | (0x7FFF - last as u64);
    let lanes = a as u64 | (b as u64) << 16 | (c as u64) << 32;
    // A lane below its least byte wraps and sets its own high bit; the borrow
    // it passes up can only mark more lanes, never clear one. No lane carries
    // out of the addition, since every lane holds a byte.
    let digits = lanes.wrapping_sub(least);
    if (digits | lanes.wrapping_add(above)) & HIGH != 0 {
        return None;
    }
    Some((digits.wrapping_mul(WEIGHTS) >> 32) as u16 & 0x3FF)
}

impl FromStr for StatusCode {
    type Err = InvalidStatusCode;

    #[inline]
    fn from_str(text: &str) -> Result<StatusCode, InvalidStatusCode> {
        StatusCode::from_bytes(text.as_bytes())
    }
}

impl TryFrom<u16> for StatusCode {
    type Error = InvalidStatusCode;

    #[inline]
    fn try_from(code: u16) -> Result<StatusCode, InvalidStatusCode> {
        StatusCode::from_u16(code)
    }
}

impl From<StatusCode> for u16 {
    #[inline]
    fn from(status: StatusCode) -> u16 {
        status.as_u16()
    }
}

impl PartialEq<u16> for StatusCode {
    #[inline]
    fn eq(&self, other: &u16) -> bool {
        self.as_u16() == *other
    }
}

impl PartialEq<StatusCode> for u16 {
    #[inline]
    fn eq(&self, other: &StatusCode) -> bool {
        *self == other.as_u16()
    }
}
