use core::fmt;
use core::num::NonZeroU16;
use core::str::FromStr;

use crate::Reference;

/// A warn-code of the SIP `Warning` header field, such as
/// `399 Miscellaneous warning`.
///
/// Like [`StatusCode`](crate::StatusCode), it is a checked number: every
/// value is a code from 300 to 399. RFC 3261 §20.43 gives warn-codes three
/// digits, leaves 1xx and 2xx to HTTP/1.1, and makes the first digit 3 the
/// mark of a SIP warning; no other first digit is defined, so a `7xx` is no
/// SIP warn-code. Within 300 to 399, an unregistered code is kept as an
/// extension (RFC 3261 §27.2 lets the IANA register more), with no
/// [`entry`](WarnCode::entry).
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{WarnCode, WarnRange};
///
/// let code = WarnCode::from_u16(307)?;
/// assert_eq!(code, WarnCode::SESSION_DESCRIPTION_PARAMETER_NOT_UNDERSTOOD);
/// assert_eq!(code.to_string(), "307 Session description parameter not understood");
/// assert_eq!(code.range(), WarnRange::SessionDescription);
/// assert!(WarnCode::from_u16(312)?.entry().is_none()); // an extension code
/// assert!(WarnCode::from_u16(799).is_err());
/// # Ok::<(), sip_codes::InvalidWarnCode>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WarnCode(NonZeroU16);

/// The warn-codes that SIP defines: those whose first digit is 3 (RFC 3261 §20.43).
const SIP_WARN_CODES: core::ops::RangeInclusive<u16> = 300..=399;

impl WarnCode {
    /// The code `code`, if it is from 300 to 399 (see [`WarnCode`]).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::WarnCode;
    /// assert_eq!(WarnCode::from_u16(399)?, WarnCode::MISCELLANEOUS_WARNING);
    /// assert!(WarnCode::from_u16(214).is_err()); // an HTTP/1.1 warn-code
    /// assert!(WarnCode::from_u16(700).is_err());
    /// # Ok::<(), sip_codes::InvalidWarnCode>(())
    /// ```
    #[inline]
    pub const fn from_u16(code: u16) -> Result<WarnCode, InvalidWarnCode> {
        match NonZeroU16::new(code) {
            Some(nonzero) if code >= *SIP_WARN_CODES.start() && code <= *SIP_WARN_CODES.end() => {
                Ok(WarnCode(nonzero))
            }
            _ => Err(InvalidWarnCode { kind: CodeKind::OutOfRange(code) }),
        }
    }

    /// The code written as exactly three ASCII digits (`warn-code = 3DIGIT`).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::WarnCode;
    /// assert_eq!(WarnCode::from_bytes(b"370")?, WarnCode::INSUFFICIENT_BANDWIDTH);
    /// assert!(WarnCode::from_bytes(b"2112").is_err());
    /// assert!(WarnCode::from_bytes(b"39").is_err());
    /// # Ok::<(), sip_codes::InvalidWarnCode>(())
    /// ```
    #[inline]
    pub const fn from_bytes(digits: &[u8]) -> Result<WarnCode, InvalidWarnCode> {
        match three_digits(digits) {
            Ok(code) => WarnCode::from_u16(code),
            Err(error) => Err(error),
        }
    }

    /// The constant of a catalogued code; only the catalogue calls it, in
    /// const context, where a bad row is a compile error.
    const fn catalogued(code: u16) -> WarnCode {
        match WarnCode::from_u16(code) {
            Ok(code) => code,
            Err(_) => panic!("a warn-code row has a code outside 300 to 399"),
        }
    }

    /// The code as a number.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::WarnCode::SIPS_REQUIRED.as_u16(), 381);
    /// ```
    #[inline]
    pub const fn as_u16(self) -> u16 {
        self.0.get()
    }

    /// The registered warn-text, or `None` for an extension code.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::WarnCode;
    /// assert_eq!(WarnCode::SIPS_NOT_ALLOWED.text(), Some("SIPS Not Allowed"));
    /// assert_eq!(WarnCode::from_u16(392)?.text(), None);
    /// # Ok::<(), sip_codes::InvalidWarnCode>(())
    /// ```
    #[inline]
    pub const fn text(self) -> Option<&'static str> {
        match self.entry() {
            Some(entry) => Some(entry.text),
            None => None,
        }
    }

    /// The catalogue row of this code, if it is registered.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// let entry = sip_codes::WarnCode::MISCELLANEOUS_WARNING.entry().unwrap();
    /// assert_eq!(entry.reference.to_string(), "RFC 3261 §20.43");
    /// ```
    #[inline]
    pub const fn entry(self) -> Option<&'static WarnEntry> {
        WarnEntry::by_code(self.as_u16())
    }

    /// The range of RFC 3261 §20.43 the code falls in.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{WarnCode, WarnRange};
    /// assert_eq!(WarnCode::MULTICAST_NOT_AVAILABLE.range(), WarnRange::NetworkService);
    /// assert_eq!(WarnCode::SIPS_REQUIRED.range(), WarnRange::Miscellaneous);
    /// ```
    #[inline]
    pub const fn range(self) -> WarnRange {
        WarnRange::of(self.as_u16())
    }
}

/// `warn-code = 3DIGIT` (RFC 3261 §25.1): the number, whatever its first
/// digit. A received value keeps it, SIP's or not; a [`WarnCode`] also asks
/// for 300 to 399.
pub(super) const fn three_digits(digits: &[u8]) -> Result<u16, InvalidWarnCode> {
    match digits {
        [a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] => {
            Ok((*a - b'0') as u16 * 100 + (*b - b'0') as u16 * 10 + (*c - b'0') as u16)
        }
        _ => Err(InvalidWarnCode { kind: CodeKind::NotThreeDigits }),
    }
}

/// The ranges into which RFC 3261 §20.43 divides the SIP warn-codes, as
/// amended by RFC 5630 Appendix A, which moved the start of the miscellaneous
/// range from 390 down to 380 (where RFC 5630 registers 380 and 381).
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::WarnRange;
/// assert_eq!(WarnRange::QualityOfService.codes(), 370..=379);
/// assert_eq!(WarnRange::Miscellaneous.to_string(), "miscellaneous SIP-related warnings");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarnRange {
    /// 300 to 329: problems with keywords in the session description.
    SessionDescription,
    /// 330 to 339: basic network services requested in the session description.
    NetworkService,
    /// 340 to 369: no range of RFC 3261 covers them.
    Unassigned,
    /// 370 to 379: quantitative QoS parameters requested in the session description.
    QualityOfService,
    /// 380 to 399: miscellaneous SIP-related warnings.
    Miscellaneous,
}

impl WarnRange {
    /// Every range, in order.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::WarnRange;
    /// let total: usize = WarnRange::ALL.iter().map(|range| range.codes().count()).sum();
    /// assert_eq!(total, 100);
    /// ```
    pub const ALL: [WarnRange; 5] = [
        WarnRange::SessionDescription,
        WarnRange::NetworkService,
        WarnRange::Unassigned,
        WarnRange::QualityOfService,
        WarnRange::Miscellaneous,
    ];

    /// The codes of the range.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::WarnRange::NetworkService.codes().contains(&331));
    /// ```
    pub const fn codes(self) -> core::ops::RangeInclusive<u16> {
        match self {
            WarnRange::SessionDescription => 300..=329,
            WarnRange::NetworkService => 330..=339,
            WarnRange::Unassigned => 340..=369,
            WarnRange::QualityOfService => 370..=379,
            WarnRange::Miscellaneous => 380..=399,
        }
    }

    /// What the warnings of the range are about, in the words of RFC 3261
    /// §20.43 as RFC 5630 amends it.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::WarnRange::QualityOfService.description().contains("QoS"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            WarnRange::SessionDescription => "problems with keywords in the session description",
            WarnRange::NetworkService => "basic network services requested in the session description",
            WarnRange::Unassigned => "no range assigned by RFC 3261",
            WarnRange::QualityOfService => "quantitative QoS parameters requested in the session description",
            WarnRange::Miscellaneous => "miscellaneous SIP-related warnings",
        }
    }

    /// The range of a code from 300 to 399.
    const fn of(code: u16) -> WarnRange {
        match code {
            ..=329 => WarnRange::SessionDescription,
            330..=339 => WarnRange::NetworkService,
            340..=369 => WarnRange::Unassigned,
            370..=379 => WarnRange::QualityOfService,
            _ => WarnRange::Miscellaneous,
        }
    }
}

impl fmt::Display for WarnRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// One row of [`WARN_CODES`]: everything known about a registered warn-code.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::WarnEntry;
///
/// let entry = WarnEntry::by_code(380).unwrap();
/// assert_eq!(entry.text, "SIPS Not Allowed");
/// assert_eq!(entry.name, "SipsNotAllowed");
/// assert_eq!(entry.constant, "SIPS_NOT_ALLOWED");
/// assert_eq!(entry.reference.to_string(), "RFC 5630 §9");
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct WarnEntry {
    /// The three-digit code.
    pub code: u16,
    /// The warn-text exactly as registered, and as RFC 3261 recommends sending it (in English).
    pub text: &'static str,
    /// The CamelCase name.
    pub name: &'static str,
    /// The name of the associated constant of [`WarnCode`].
    pub constant: &'static str,
    /// What the code means, in one line.
    pub meaning: &'static str,
    /// The RFC and section that define the code.
    pub reference: Reference,
}

impl WarnEntry {
    /// The warn-code of this row.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{WarnCode, WarnEntry};
    /// assert_eq!(WarnEntry::by_code(370).unwrap().warn_code(), WarnCode::INSUFFICIENT_BANDWIDTH);
    /// ```
    pub const fn warn_code(&self) -> WarnCode {
        WarnCode::catalogued(self.code)
    }

    /// The range of RFC 3261 §20.43 the code falls in.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{WarnEntry, WarnRange};
    /// assert_eq!(WarnEntry::by_code(308).unwrap().range(), WarnRange::SessionDescription);
    /// ```
    pub const fn range(&self) -> WarnRange {
        WarnRange::of(self.code)
    }

    /// The row of `code`, in constant time.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::WarnEntry;
    /// assert_eq!(WarnEntry::by_code(399).unwrap().text, "Miscellaneous warning");
    /// assert!(WarnEntry::by_code(312).is_none());
    /// assert!(WarnEntry::by_code(486).is_none());
    /// ```
    #[inline]
    pub const fn by_code(code: u16) -> Option<&'static WarnEntry> {
        if code < *SIP_WARN_CODES.start() || code > *SIP_WARN_CODES.end() {
            return None;
        }
        crate::slots::row(WARN_CODES, WARN_SLOTS, (code - *SIP_WARN_CODES.start()) as usize)
    }

    /// The row whose CamelCase name (`SipsRequired`) or constant name
    /// (`SIPS_REQUIRED`) is exactly `name`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::WarnEntry;
    /// assert_eq!(WarnEntry::by_name("SipsRequired").unwrap().code, 381);
    /// assert_eq!(WarnEntry::by_name("MISCELLANEOUS_WARNING").unwrap().code, 399);
    /// assert!(WarnEntry::by_name("sipsrequired").is_none());
    /// ```
    pub fn by_name(name: &str) -> Option<&'static WarnEntry> {
        WARN_CODES.iter().find(|entry| entry.name == name || entry.constant == name)
    }

    /// The row whose registered warn-text equals `text`, ignoring ASCII case.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::WarnEntry;
    /// assert_eq!(WarnEntry::by_text("insufficient bandwidth").unwrap().code, 370);
    /// assert!(WarnEntry::by_text("Insufficient bandwidth (only have ISDN)").is_none());
    /// ```
    pub fn by_text(text: &str) -> Option<&'static WarnEntry> {
        WARN_CODES.iter().find(|entry| entry.text.eq_ignore_ascii_case(text))
    }
}

// Expands the rows into the constants of `WarnCode` and `WARN_CODES`, so the
// docs of each constant come from its row.
macro_rules! expand_warn_codes {
    ($(
        $code:literal $constant:ident $name:ident $text:literal {
            meaning: $meaning:literal,
            rfc: $rfc:literal, section: $section:literal,
        }
    )*) => {
        impl WarnCode {
            $(
                #[doc = concat!("`", $code, " ", $text, "`: ", $meaning)]
                #[doc = ""]
                #[doc = concat!(
                    "Defined by [RFC ", $rfc, " §", $section,
                    "](https://www.rfc-editor.org/rfc/rfc", $rfc, "#section-", $section, ")."
                )]
                #[doc = ""]
                #[doc = "```"]
                #[doc = "# extern crate sip_codes_core as sip_codes;"]
                #[doc = concat!("let code = sip_codes::WarnCode::", stringify!($constant), ";")]
                #[doc = concat!("assert_eq!(code.as_u16(), ", $code, ");")]
                #[doc = concat!("assert_eq!(code.text(), Some(\"", $text, "\"));")]
                #[doc = "```"]
                pub const $constant: WarnCode = WarnCode::catalogued($code);
            )*
        }

        /// Every registered warn-code, sorted by code: the 15 of the IANA
        /// registry "Warning Codes (warn-codes)".
        ///
        /// ```
        /// # extern crate sip_codes_core as sip_codes;
        /// use sip_codes::WARN_CODES;
        /// assert_eq!(WARN_CODES.len(), 15);
        /// assert!(WARN_CODES.windows(2).all(|pair| pair[0].code < pair[1].code));
        /// ```
        pub const WARN_CODES: &[WarnEntry] = &[$(
            WarnEntry {
                code: $code,
                text: $text,
                name: stringify!($name),
                constant: stringify!($constant),
                meaning: $meaning,
                reference: Reference { rfc: $rfc, section: $section },
            },
        )*];
    };
}

warn_codes!(expand_warn_codes);

/// The index from code to row: `WARN_SLOTS[code - 300]` is the row's position
/// plus one, or 0 when the code is not registered. Built at compile time,
/// where it also checks that the rows are sorted and unique.
const WARN_SLOTS: &[u8; 100] =
    &crate::slots::index!(WARN_CODES, |row| row.code - *SIP_WARN_CODES.start(), 100, "the warn-codes");

/// `399 Miscellaneous warning`, or `312` for an extension code.
impl fmt::Display for WarnCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text() {
            Some(text) => write!(f, "{} {text}", self.as_u16()),
            None => write!(f, "{}", self.as_u16()),
        }
    }
}

/// `WarnCode(399 Miscellaneous warning)`.
impl fmt::Debug for WarnCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WarnCode({self})")
    }
}

/// Parses exactly three ASCII digits; see [`WarnCode::from_bytes`].
impl FromStr for WarnCode {
    type Err = InvalidWarnCode;

    fn from_str(text: &str) -> Result<WarnCode, InvalidWarnCode> {
        WarnCode::from_bytes(text.as_bytes())
    }
}

impl TryFrom<u16> for WarnCode {
    type Error = InvalidWarnCode;

    fn try_from(code: u16) -> Result<WarnCode, InvalidWarnCode> {
        WarnCode::from_u16(code)
    }
}

impl From<WarnCode> for u16 {
    fn from(code: WarnCode) -> u16 {
        code.as_u16()
    }
}

impl PartialEq<u16> for WarnCode {
    fn eq(&self, other: &u16) -> bool {
        self.as_u16() == *other
    }
}

/// The error of [`WarnCode::from_u16`] and of parsing a [`WarnCode`] from text.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::WarnCode;
///
/// let error = WarnCode::from_u16(701).unwrap_err();
/// assert_eq!(error.code(), Some(701));
/// assert!(error.to_string().contains("300 to 399"));
/// assert_eq!("2112".parse::<WarnCode>().unwrap_err().code(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidWarnCode {
    kind: CodeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CodeKind {
    OutOfRange(u16),
    NotThreeDigits,
}

impl InvalidWarnCode {
    /// The rejected number, when the input was three digits or a number.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!("799".parse::<sip_codes::WarnCode>().unwrap_err().code(), Some(799));
    /// ```
    pub const fn code(&self) -> Option<u16> {
        match self.kind {
            CodeKind::OutOfRange(code) => Some(code),
            CodeKind::NotThreeDigits => None,
        }
    }
}

impl fmt::Display for InvalidWarnCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            CodeKind::OutOfRange(code) => write!(
                f,
                "{code} is not a SIP warn-code: RFC 3261 §20.43 defines SIP warnings as the codes \
                 from 300 to 399 (1xx and 2xx belong to HTTP/1.1); use one of those, such as 399 \
                 (Miscellaneous warning)"
            ),
            CodeKind::NotThreeDigits => f.write_str(
                "a warn-code is exactly three ASCII digits (RFC 3261 §25.1: warn-code = 3DIGIT), \
                 from 300 to 399",
            ),
        }
    }
}

impl core::error::Error for InvalidWarnCode {}
