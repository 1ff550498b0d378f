use core::fmt;

use crate::CATALOGUE;
use crate::rules::WIRE_CODES;

/// The error of [`StatusCode::from_u16`](crate::StatusCode::from_u16) and of
/// parsing a [`StatusCode`](crate::StatusCode) from text.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
///
/// let err = StatusCode::from_u16(99).unwrap_err();
/// assert_eq!(err.code(), Some(99));
/// assert!(err.to_string().contains("100 to 699"));
///
/// let err = "48x".parse::<StatusCode>().unwrap_err();
/// assert_eq!(err.code(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidStatusCode {
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    OutOfRange(u16),
    NotThreeDigits,
}

impl InvalidStatusCode {
    pub(crate) const fn out_of_range(code: u16) -> Self {
        InvalidStatusCode { kind: Kind::OutOfRange(code) }
    }

    pub(crate) const fn not_three_digits() -> Self {
        InvalidStatusCode { kind: Kind::NotThreeDigits }
    }

    /// The rejected number, when the input was a number (not malformed text).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::StatusCode::from_u16(1000).unwrap_err().code(), Some(1000));
    /// ```
    pub const fn code(&self) -> Option<u16> {
        match self.kind {
            Kind::OutOfRange(code) => Some(code),
            Kind::NotThreeDigits => None,
        }
    }
}

impl fmt::Display for InvalidStatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::OutOfRange(code) => {
                write!(f, "{code} is not a SIP status code: codes run from 100 to 699 (RFC 3261 §7.2)")?;
                // The exceptions come from the catalogue, not from this message.
                let mut local = CATALOGUE.iter().filter(|entry| !WIRE_CODES.contains(&entry.code));
                if let Some(first) = local.next() {
                    write!(f, ", plus the catalogued stack-local {}", first.code)?;
                    local.try_for_each(|entry| write!(f, ", {}", entry.code))?;
                }
                Ok(())
            }
            Kind::NotThreeDigits => {
                f.write_str("a SIP status code is exactly three ASCII digits (RFC 3261 §7.2)")
            }
        }
    }
}

impl core::error::Error for InvalidStatusCode {}
