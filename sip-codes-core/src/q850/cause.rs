use core::fmt;
use core::num::NonZeroU8;
use core::str::FromStr;

use super::CauseClass;

/// An ITU-T Q.850 cause value, 1 to 127: why an ISDN or ISUP call was
/// released, as a gateway carries it in `Reason: Q.850;cause=N` (RFC 3326,
/// RFC 6432).
///
/// Like [`StatusCode`](crate::StatusCode), it is a checked number: the cause
/// value field of Q.850 is seven bits wide, and 0 is not a cause. Every value
/// in range is valid, named or not; the 71 values Q.850 defines have a row in
/// [`CAUSES`](super::CAUSES), a name and a constant such as
/// [`Cause::USER_BUSY`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::q850::{Cause, CauseClass};
///
/// let busy = Cause::from_u8(17)?;
/// assert_eq!(busy, Cause::USER_BUSY);
/// assert_eq!(busy.text(), Some("User busy"));
/// assert_eq!(busy.class(), CauseClass::NormalEvent);
/// assert_eq!(busy.to_string(), "17 User busy");
/// assert_eq!(format!("{busy:?}"), "Cause(17 User busy)");
///
/// // A value Q.850 leaves unassigned is still a cause, without a name.
/// let unnamed = Cause::from_u8(52)?;
/// assert_eq!(unnamed.text(), None);
/// assert_eq!(unnamed.class(), CauseClass::ServiceOrOptionNotAvailable);
/// assert!(Cause::from_u8(0).is_err() && Cause::from_u8(128).is_err());
/// # Ok::<(), sip_codes::q850::InvalidCause>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cause(NonZeroU8);

impl Cause {
    /// The highest cause value: the field has seven bits.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Cause;
    /// assert!(Cause::from_u8(Cause::MAX).is_ok() && Cause::from_u8(Cause::MAX + 1).is_err());
    /// ```
    pub const MAX: u8 = 127;

    /// The cause `value`, if it is from 1 to 127.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Cause;
    ///
    /// assert_eq!(Cause::from_u8(21)?, Cause::CALL_REJECTED);
    /// let err = Cause::from_u8(0).unwrap_err();
    /// assert_eq!(err.value(), Some(0));
    /// assert!(err.to_string().contains("1 to 127"));
    /// # Ok::<(), sip_codes::q850::InvalidCause>(())
    /// ```
    #[inline]
    pub const fn from_u8(value: u8) -> Result<Cause, InvalidCause> {
        match NonZeroU8::new(value) {
            Some(nonzero) if value <= Cause::MAX => Ok(Cause(nonzero)),
            _ => Err(InvalidCause::out_of_range(value as u16)),
        }
    }

    /// The cause written as one to three ASCII decimal digits, as the `cause`
    /// parameter of a Reason header carries it (RFC 3326 §2: `cause = 1*DIGIT`).
    /// Leading zeros are digits like any other: `b"017"` is 17.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Cause;
    ///
    /// assert_eq!(Cause::from_bytes(b"17")?, Cause::USER_BUSY);
    /// assert_eq!(Cause::from_bytes(b"017")?, Cause::USER_BUSY);
    /// assert_eq!(Cause::from_bytes(b"300").unwrap_err().value(), Some(300));
    /// assert_eq!(Cause::from_bytes(b"1x").unwrap_err().value(), None);
    /// assert!(Cause::from_bytes(b"").is_err() && Cause::from_bytes(b"0017").is_err());
    /// # Ok::<(), sip_codes::q850::InvalidCause>(())
    /// ```
    #[inline]
    pub const fn from_bytes(digits: &[u8]) -> Result<Cause, InvalidCause> {
        if digits.is_empty() || digits.len() > 3 {
            return Err(InvalidCause::not_digits());
        }
        let mut value: u16 = 0;
        let mut i = 0;
        while i < digits.len() {
            match digits[i] {
                digit @ b'0'..=b'9' => value = value * 10 + (digit - b'0') as u16,
                _ => return Err(InvalidCause::not_digits()),
            }
            i += 1;
        }
        if value > Cause::MAX as u16 {
            return Err(InvalidCause::out_of_range(value));
        }
        Cause::from_u8(value as u8)
    }

    /// The constant of a catalogued value. Only the catalogue's constants
    /// call it, in const context, where a bad row is a compile error.
    pub(crate) const fn catalogued(value: u8) -> Cause {
        match Cause::from_u8(value) {
            Ok(cause) => cause,
            Err(_) => panic!("a Q.850 catalogue row has a value outside 1..=127"),
        }
    }

    /// The cause value as a number.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::q850::Cause::NORMAL_CALL_CLEARING.as_u8(), 16);
    /// ```
    #[inline]
    pub const fn as_u8(self) -> u8 {
        self.0.get()
    }

    /// The class, from the value's three high bits (Q.850 codes the class in
    /// the cause value itself), for every value, named or not.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::{Cause, CauseClass};
    /// assert_eq!(Cause::TEMPORARY_FAILURE.class(), CauseClass::ResourceUnavailable);
    /// assert_eq!(Cause::INTERWORKING_UNSPECIFIED.class(), CauseClass::Interworking);
    /// ```
    #[inline]
    pub const fn class(self) -> CauseClass {
        CauseClass::of(self.as_u8())
    }

    /// The catalogue row of this value, if Q.850 defines it.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Cause;
    /// assert_eq!(Cause::USER_BUSY.entry().unwrap().name, "UserBusy");
    /// assert!(Cause::from_u8(12)?.entry().is_none());
    /// # Ok::<(), sip_codes::q850::InvalidCause>(())
    /// ```
    #[inline]
    pub const fn entry(self) -> Option<&'static super::CauseEntry> {
        super::CauseEntry::by_value(self.as_u8())
    }

    /// The Q.850 name of the cause, such as `"User busy"`: what a Reason
    /// header's `text` parameter usually carries. `None` for a value that
    /// Q.850 does not define.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Cause;
    /// assert_eq!(Cause::NORMAL_UNSPECIFIED.text(), Some("Normal, unspecified"));
    /// assert_eq!(Cause::from_u8(100)?.text(), Some("Invalid information element contents"));
    /// assert_eq!(Cause::from_u8(126)?.text(), None);
    /// # Ok::<(), sip_codes::q850::InvalidCause>(())
    /// ```
    #[inline]
    pub const fn text(self) -> Option<&'static str> {
        match self.entry() {
            Some(entry) => Some(entry.text),
            None => None,
        }
    }
}

/// `17 User busy`, or `52` for a value without a Q.850 name. Width and
/// alignment apply to the whole.
impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.entry() {
            // The longest name is under 100 bytes: format into a stack buffer
            // so that padding applies to the whole, without allocating.
            Some(entry) => {
                let mut buffer = Buffer { bytes: [0; 128], len: 0 };
                fmt::write(&mut buffer, format_args!("{} {}", self.as_u8(), entry.text))?;
                f.pad(buffer.as_str())
            }
            None => fmt::Display::fmt(&self.as_u8(), f),
        }
    }
}

/// A small text buffer on the stack, for `Display` padding.
struct Buffer {
    bytes: [u8; 128],
    len: usize,
}

impl Buffer {
    fn as_str(&self) -> &str {
        // Only whole `&str`s are written, so the bytes are UTF-8.
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl fmt::Write for Buffer {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        let room = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        room.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// `Cause(17 User busy)`.
impl fmt::Debug for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cause({self})")
    }
}

/// Parses one to three ASCII digits; see [`Cause::from_bytes`].
impl FromStr for Cause {
    type Err = InvalidCause;

    #[inline]
    fn from_str(text: &str) -> Result<Cause, InvalidCause> {
        Cause::from_bytes(text.as_bytes())
    }
}

impl TryFrom<u8> for Cause {
    type Error = InvalidCause;

    #[inline]
    fn try_from(value: u8) -> Result<Cause, InvalidCause> {
        Cause::from_u8(value)
    }
}

impl From<Cause> for u8 {
    #[inline]
    fn from(cause: Cause) -> u8 {
        cause.as_u8()
    }
}

impl PartialEq<u8> for Cause {
    #[inline]
    fn eq(&self, other: &u8) -> bool {
        self.as_u8() == *other
    }
}

impl PartialEq<Cause> for u8 {
    #[inline]
    fn eq(&self, other: &Cause) -> bool {
        *self == other.as_u8()
    }
}

/// The error of [`Cause::from_u8`] and of parsing a [`Cause`] from text.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::q850::Cause;
///
/// let err = "128".parse::<Cause>().unwrap_err();
/// assert_eq!(err.value(), Some(128));
/// assert_eq!(
///     err.to_string(),
///     "128 is not a Q.850 cause value: cause values run from 1 to 127 (a seven-bit field)"
/// );
/// assert_eq!("busy".parse::<Cause>().unwrap_err().value(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidCause {
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    OutOfRange(u16),
    NotDigits,
}

impl InvalidCause {
    const fn out_of_range(value: u16) -> Self {
        InvalidCause { kind: Kind::OutOfRange(value) }
    }

    const fn not_digits() -> Self {
        InvalidCause { kind: Kind::NotDigits }
    }

    /// The rejected number, when the input was a number (not malformed text).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Cause;
    /// assert_eq!(Cause::from_u8(200).unwrap_err().value(), Some(200));
    /// assert_eq!(Cause::from_bytes(b"-1").unwrap_err().value(), None);
    /// ```
    pub const fn value(&self) -> Option<u16> {
        match self.kind {
            Kind::OutOfRange(value) => Some(value),
            Kind::NotDigits => None,
        }
    }
}

impl fmt::Display for InvalidCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::OutOfRange(value) => write!(
                f,
                "{value} is not a Q.850 cause value: cause values run from 1 to {} (a seven-bit field)",
                Cause::MAX
            ),
            Kind::NotDigits => f.write_str(
                "a Q.850 cause value is written as one to three decimal digits, from 1 to 127 (RFC 3326 §2)",
            ),
        }
    }
}

impl core::error::Error for InvalidCause {}
