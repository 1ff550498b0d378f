//! Why a `Warning` value does not parse, and the message that says so.

use core::fmt;

use super::InvalidWarnCode;

/// Why a text is not a valid [`Warning`](super::Warning) value, and where.
///
/// Its message names the rule of RFC 3261 that the value breaks and what
/// would be right.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Warning;
///
/// let error = Warning::parse(r#"370 "Insufficient bandwidth (only have ISDN)""#).unwrap_err();
/// assert_eq!(error.offset(), 4);
/// assert_eq!(
///     error.to_string(),
///     "the warn-agent is missing at byte 4: RFC 3261 §25.1 defines a warning value as \
///      warn-code SP warn-agent SP warn-text, with the host or pseudonym of the server that \
///      adds the warning between the code and the quoted text, as in \
///      `399 proxy.example.com \"text\"`"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidWarning {
    offset: usize,
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// No value at all.
    Empty,
    /// The code field, `len` bytes long, is not three digits.
    Code { len: usize, error: InvalidWarnCode },
    /// Nothing, or the text, where the agent should be.
    MissingAgent,
    /// An agent that is neither a host[:port] nor a token.
    Agent(AgentProblem),
    /// Nothing after the agent.
    MissingText,
    /// Something other than a quoted string after the agent.
    TextNotQuoted,
    /// A quoted text without its closing quote.
    UnterminatedText,
    /// A control character other than HTAB, outside a fold.
    ControlCharacter(char),
    /// After a value, neither a comma nor the end.
    Trailing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AgentProblem {
    NotHostOrToken,
    PseudonymWithPort,
    Ipv6,
    Port,
}

impl InvalidWarning {
    pub(super) const fn new(offset: usize, kind: Kind) -> InvalidWarning {
        InvalidWarning { offset, kind }
    }

    /// The byte offset in the value where it breaks the rule (for
    /// [`Warning::new`](super::Warning::new), in the argument at fault).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Warning;
    /// assert_eq!(Warning::parse(r#"2112 www.nokia.com "x""#).unwrap_err().offset(), 0);
    /// assert_eq!(Warning::parse(r#"399 isi.edu "Session parameter 'foo' not"#).unwrap_err().offset(), 12);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The warn-code error, when the code is what is wrong.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Warning;
    /// assert!(Warning::parse(r#"39 host "x""#).unwrap_err().warn_code_error().is_some());
    /// assert!(Warning::parse(r#"701 host "x""#).is_ok()); // three digits: odd, not an error
    /// ```
    pub const fn warn_code_error(&self) -> Option<InvalidWarnCode> {
        match self.kind {
            Kind::Code { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The control character found, when that is the rule broken.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// let error = sip_codes::Warning::parse("399 h \"x\"\r\nVia: evil").unwrap_err();
    /// assert_eq!(error.control_character(), Some('\r'));
    /// ```
    pub const fn control_character(&self) -> Option<char> {
        match self.kind {
            Kind::ControlCharacter(c) => Some(c),
            _ => None,
        }
    }
}

impl fmt::Display for InvalidWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let offset = self.offset;
        const EXAMPLE: &str = "`399 proxy.example.com \"text\"`";
        match self.kind {
            Kind::Empty => write!(
                f,
                "the Warning value holds no warning: RFC 3261 §25.1 wants at least one \
                 warn-code SP warn-agent SP warn-text, as in {EXAMPLE}"
            ),
            Kind::Code { len: 0, .. } => write!(
                f,
                "there is no warn-code at byte {offset}: RFC 3261 §25.1 starts each warning value \
                 with a three-digit code from 300 to 399, as in {EXAMPLE}"
            ),
            // Only a field that is not three digits is refused: any three
            // digits parse (`warn-code = 3DIGIT`), a non-SIP code as an oddity.
            Kind::Code { .. } => write!(
                f,
                "the warn-code at byte {offset} is not three ASCII digits: RFC 3261 §25.1 defines \
                 warn-code as 3DIGIT; send a code from 300 to 399, such as 399"
            ),
            Kind::MissingAgent => write!(
                f,
                "the warn-agent is missing at byte {offset}: RFC 3261 §25.1 defines a warning \
                 value as warn-code SP warn-agent SP warn-text, with the host or pseudonym of the \
                 server that adds the warning between the code and the quoted text, as in {EXAMPLE}"
            ),
            Kind::Agent(problem) => {
                write!(f, "the warn-agent at byte {offset} ")?;
                f.write_str(match problem {
                    AgentProblem::NotHostOrToken => {
                        "is neither a host nor a token: RFC 3261 §25.1 defines warn-agent as \
                         hostport / pseudonym; send the server's host name or address, with an \
                         optional port, or a token made of letters, digits and -.!%*_+`'~"
                    }
                    AgentProblem::PseudonymWithPort => {
                        "has a port after a name that is not a host: RFC 3261 §25.1 allows a port \
                         only after a host name or address (hostport); a pseudonym is a token alone"
                    }
                    AgentProblem::Ipv6 => {
                        "has a malformed IPv6 reference: RFC 3261 §25.1 writes an IPv6 host in \
                         brackets, as in [2001:db8::1]:5060"
                    }
                    AgentProblem::Port => {
                        "has a port that is not a number from 0 to 65535 (RFC 3261 §25.1: \
                         hostport = host [ \":\" port ]); write the port as digits after the colon"
                    }
                })
            }
            Kind::MissingText => write!(
                f,
                "the warn-text is missing at byte {offset}: RFC 3261 §25.1 ends each warning value \
                 with a quoted text after the warn-agent, as in {EXAMPLE}"
            ),
            Kind::TextNotQuoted => write!(
                f,
                "at byte {offset} a quoted warn-text should follow the warn-agent: RFC 3261 §25.1 \
                 defines warn-text as a quoted-string and the warn-agent as one host or token \
                 without spaces; put the text in double quotes, as in {EXAMPLE}"
            ),
            Kind::UnterminatedText => write!(
                f,
                "the warn-text that opens at byte {offset} has no closing double quote: RFC 3261 \
                 §25.1 defines it as a quoted-string; end it with \", and escape a quote inside \
                 it as \\\""
            ),
            Kind::ControlCharacter(c) => write!(
                f,
                "the control character U+{:04X} at byte {offset} is not allowed in a Warning \
                 value: RFC 3261 §25.1 admits line breaks only to fold a line (CRLF then a space), \
                 and a bare CR or LF would start a header field of the sender's choosing (header \
                 injection); remove it",
                u32::from(c)
            ),
            Kind::Trailing => write!(
                f,
                "after the warning value, byte {offset} is neither a comma nor the end: RFC 3261 \
                 §25.1 separates warning values with commas; use Warning::parse_all for a header \
                 field value that holds several"
            ),
        }
    }
}

impl core::error::Error for InvalidWarning {}
