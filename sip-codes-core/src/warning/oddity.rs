//! What is odd in a `Warning` value that parses: the grammar of RFC 3261
//! §25.1 allows it, the meaning §20.43 gives warn-codes does not.

use core::fmt;

use crate::Reference;

/// Something a received [`Warning`](super::Warning) value may carry that its
/// grammar allows but SIP does not define, from
/// [`Warning::oddity`](super::Warning::oddity).
///
/// A value built to send never has one: [`Warning::new`](super::Warning::new)
/// takes a [`WarnCode`](super::WarnCode), which is always 3xx.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Warning;
/// use sip_codes::warning::WarningOddity;
///
/// let warning = Warning::parse(r#"214 proxy.example.com "Transformation applied""#)?;
/// assert_eq!(warning.oddity(), Some(WarningOddity::NotSipWarnCode { code: 214 }));
/// assert_eq!(
///     warning.oddity().unwrap().to_string(),
///     "the warn-code 214 is not a SIP warn-code: RFC 3261 §20.43 leaves 1xx and 2xx to HTTP/1.1 \
///      and makes a first digit 3 the mark of a SIP warning; a SIP receiver cannot tell what it means"
/// );
/// # Ok::<(), sip_codes::InvalidWarning>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningOddity {
    /// Three digits that are not 300 to 399: `warn-code = 3DIGIT` (RFC 3261
    /// §25.1) allows any, but §20.43 defines SIP warnings as those whose
    /// first digit is 3 (1xx and 2xx are HTTP/1.1's), and §27.2 registers
    /// only 3xx.
    NotSipWarnCode {
        /// The code sent, from 0 to 999.
        code: u16,
    },
}

impl WarningOddity {
    /// The section whose text makes the value odd.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::warning::WarningOddity;
    /// assert_eq!(WarningOddity::NotSipWarnCode { code: 701 }.reference().to_string(), "RFC 3261 §20.43");
    /// ```
    pub const fn reference(self) -> Reference {
        match self {
            WarningOddity::NotSipWarnCode { .. } => Reference { rfc: 3261, section: "20.43" },
        }
    }
}

impl fmt::Display for WarningOddity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarningOddity::NotSipWarnCode { code } => {
                write!(f, "the warn-code {code:03} is not a SIP warn-code: RFC 3261 §20.43 ")?;
                if *code < 300 {
                    f.write_str("leaves 1xx and 2xx to HTTP/1.1 and ")?;
                }
                f.write_str(
                    "makes a first digit 3 the mark of a SIP warning; a SIP receiver cannot tell what it means",
                )
            }
        }
    }
}
