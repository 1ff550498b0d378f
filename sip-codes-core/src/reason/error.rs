//! Why a `Reason` value does not parse or cannot be built, and the message
//! that says so.

use core::fmt;

use super::ReasonProtocol;

/// Why a text is not a valid [`Reason`](super::Reason) value, and where.
///
/// Its message names the rule of RFC 3326 or RFC 3261 that the value breaks
/// and what would be right.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Reason;
///
/// let error = Reason::new("Q.850", 300).unwrap_err();
/// assert_eq!(error.offset(), 0);
/// assert_eq!(error.cause(), Some(300));
/// assert_eq!(
///     error.to_string(),
///     "the cause 300 at byte 0 is not a Q.850 cause: ITU-T Q.850 defines cause values from 1 to \
///      127; send one of those, such as 16 (normal call clearing)"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidReason {
    offset: usize,
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// No value at all.
    Empty,
    /// The protocol is missing or not a token.
    ProtocolNotToken,
    /// After the protocol or a parameter: neither `;`, `,` nor the end.
    Trailing,
    /// `;` followed by nothing, `;` or `,`.
    EmptyParameter,
    /// `;` followed by something that is not a token.
    ParameterNotToken,
    /// `name=` with no value.
    EmptyValue,
    /// A cause that is not `1*DIGIT`.
    CauseNotDigits,
    /// A cause the protocol does not admit, given to a constructor
    /// (`u32::MAX` when a received one overflows).
    CauseOutOfRange { protocol: Option<ReasonProtocol>, cause: u32 },
    /// A `text` without a quoted string.
    TextNotQuoted,
    /// A `location` that is not one of RFC 8606's tokens.
    UnknownLocation,
    /// A quoted string without its closing quote.
    UnterminatedText,
    /// A parameter name that came before.
    DuplicateParameter,
    /// A control character other than HTAB, outside a fold.
    ControlCharacter(char),
}

impl InvalidReason {
    pub(super) const fn new(offset: usize, kind: Kind) -> InvalidReason {
        InvalidReason { offset, kind }
    }

    /// The byte offset in the value where it breaks the rule (for the
    /// constructors, in the argument at fault).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    /// assert_eq!(Reason::parse("SIP;cause=200;;text=\"Ok\"").unwrap_err().offset(), 14);
    /// assert_eq!(Reason::parse("SIP;text=").unwrap_err().offset(), 9);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The cause, when it is a number that the protocol does not admit: a
    /// cause given to a constructor, or one too large for a `u32`
    /// (`u32::MAX`). A received cause the protocol does not define is no
    /// error (see [`ReasonOddity`](super::ReasonOddity)).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    /// assert_eq!(Reason::new("Q.850", 0).unwrap_err().cause(), Some(0));
    /// assert_eq!(Reason::new("SIP", 99).unwrap_err().cause(), Some(99));
    /// assert_eq!(Reason::parse("SIP;cause=99999999999").unwrap_err().cause(), Some(u32::MAX));
    /// assert_eq!(Reason::parse("SIP;cause=abc").unwrap_err().cause(), None);
    /// ```
    pub const fn cause(&self) -> Option<u32> {
        match self.kind {
            Kind::CauseOutOfRange { cause, .. } => Some(cause),
            _ => None,
        }
    }

    /// The control character found, when that is the rule broken.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// let error = sip_codes::Reason::parse("SIP;cause=200\r\nVia: evil").unwrap_err();
    /// assert_eq!(error.control_character(), Some('\r'));
    /// ```
    pub const fn control_character(&self) -> Option<char> {
        match self.kind {
            Kind::ControlCharacter(c) => Some(c),
            _ => None,
        }
    }
}

impl fmt::Display for InvalidReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let offset = self.offset;
        const EXAMPLE: &str = "`Q.850;cause=16;text=\"Terminated\"`";
        match self.kind {
            Kind::Empty => write!(
                f,
                "the Reason value holds no reason: RFC 3326 §2 wants at least one protocol with its \
                 cause, as in {EXAMPLE}"
            ),
            Kind::ProtocolNotToken => write!(
                f,
                "a reason value starts with its protocol, a token such as SIP or Q.850 (RFC 3326 \
                 §2: protocol = \"SIP\" / \"Q.850\" / token), and byte {offset} is not one; write \
                 the protocol unquoted, as in {EXAMPLE}"
            ),
            Kind::Trailing => write!(
                f,
                "byte {offset} should be `;` before a parameter, `,` before the next value, or the \
                 end: RFC 3326 §2 writes a reason value as protocol *(SEMI reason-params), as in \
                 {EXAMPLE}"
            ),
            Kind::EmptyParameter => write!(
                f,
                "there is no parameter after the `;` before byte {offset}: RFC 3326 §2 puts a \
                 parameter after every semicolon; remove the extra `;`"
            ),
            Kind::ParameterNotToken => write!(
                f,
                "the parameter at byte {offset} does not start with a name: RFC 3261 §25.1 makes a \
                 parameter a token, optionally `=` and a value, as in `;cause=16`"
            ),
            Kind::EmptyValue => write!(
                f,
                "the parameter value at byte {offset} is empty: RFC 3261 §25.1 wants a token, host \
                 or quoted string after `=`; give the value, or drop the `=`"
            ),
            Kind::CauseNotDigits => write!(
                f,
                "the cause at byte {offset} is not a number: RFC 3326 §2 defines it as 1*DIGIT, as \
                 in `;cause=16`"
            ),
            Kind::CauseOutOfRange { cause: u32::MAX, .. } => write!(
                f,
                "the cause at byte {offset} is too large: no registered protocol has causes above \
                 4294967295; send the cause the protocol defines"
            ),
            Kind::CauseOutOfRange { protocol: Some(ReasonProtocol::Sip), cause } => write!(
                f,
                "the cause {cause} at byte {offset} is not a SIP status code: RFC 3326 §2 makes the \
                 cause of protocol SIP a status code, and RFC 3261 §7.2 puts only 100 to 699 on \
                 the wire; send one of those, such as 487"
            ),
            Kind::CauseOutOfRange { protocol: Some(ReasonProtocol::Q850), cause } => write!(
                f,
                "the cause {cause} at byte {offset} is not a Q.850 cause: ITU-T Q.850 defines cause \
                 values from 1 to 127; send one of those, such as 16 (normal call clearing)"
            ),
            Kind::CauseOutOfRange { cause, .. } => {
                write!(f, "the cause {cause} at byte {offset} is not one that the protocol admits")
            }
            Kind::TextNotQuoted => write!(
                f,
                "the text parameter at byte {offset} is not a quoted string: RFC 3326 §2 defines \
                 reason-text as \"text\" EQUAL quoted-string; put the text in double quotes, as in \
                 {EXAMPLE}"
            ),
            Kind::UnknownLocation => write!(
                f,
                "the location at byte {offset} is not one of the tokens of RFC 8606 §4 (U, LPN, LN, \
                 TN, RLN, RPN, INTL, BI, or LOC-6 and the like for spare values); write one of \
                 those, unquoted, as in `Q.850;cause=21;location=U`"
            ),
            Kind::UnterminatedText => write!(
                f,
                "the quoted string that opens at byte {offset} has no closing double quote: RFC \
                 3261 §25.1 defines quoted-string with both quotes; end it with \", and escape a \
                 quote inside it as \\\""
            ),
            Kind::DuplicateParameter => write!(
                f,
                "the parameter at byte {offset} was already given: RFC 3261 §7.3.1 says a \
                 parameter name MUST NOT appear more than once in a header field value; keep one"
            ),
            Kind::ControlCharacter(c) => write!(
                f,
                "the control character U+{:04X} at byte {offset} is not allowed in a Reason value: \
                 RFC 3261 §25.1 admits line breaks only to fold a line (CRLF then a space), and a \
                 bare CR or LF would start a header field of the sender's choosing (header \
                 injection); remove it",
                u32::from(c)
            ),
        }
    }
}

impl core::error::Error for InvalidReason {}
