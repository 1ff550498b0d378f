use core::fmt;

use super::{Entry, StatusCode};
use crate::grammar::{first_control_char, strip_line_end};
use crate::rules::WIRE_CODES;

/// The first line of a SIP response, such as `SIP/2.0 486 Busy Here`.
///
/// RFC 3261 §7.2 and §25.1 define it as
/// `Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF`.
/// [`StatusLine::parse`] splits a received line into its [version](StatusLine::version),
/// [code](StatusLine::code) and [reason](StatusLine::reason), borrowing both
/// texts from the input: it never allocates. The code decides what the
/// response means; the reason is kept byte for byte as the peer sent it.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{StatusCode, StatusLine};
///
/// let line = StatusLine::parse("SIP/2.0 486 Busy Here\r\n")?;
/// assert_eq!(line.version(), "SIP/2.0");
/// assert_eq!(line.code(), StatusCode::BUSY_HERE);
/// assert_eq!(line.reason(), "Busy Here");
/// assert_eq!(line.to_string(), "SIP/2.0 486 Busy Here");
/// # Ok::<(), sip_codes::InvalidStatusLine>(())
/// ```
///
/// # What a received line yields
///
/// Real peers send lines that the grammar does not foresee. Each case below
/// is decided once, by the rule it breaks or keeps, never by the line:
///
/// | the line | yields | why |
/// |---|---|---|
/// | ends in CRLF or LF | the line without it | the terminator is framing, not content; one CRLF or one LF is removed |
/// | `SIP/2.0 100 ` | reason `""` | `Reason-Phrase` may be empty (§25.1) |
/// | `SIP/2.0 200` | reason `""` | tolerated: the space before the reason is missing, but deployed stacks send this, and the code is all a receiver needs |
/// | `SIP/2.0 200 Ok`, `SIP/2.0 180 Ringing2` | kept as sent | the code is for automata, the phrase for people (§7.2); [`has_catalogued_reason`](StatusLine::has_catalogued_reason) says whether it is a known phrase |
/// | a UTF-8 reason | kept as sent | `Reason-Phrase` allows UTF-8 text (§25.1) |
/// | `SIP/2.0 101 Connecting`, `SIP/2.0 479 …` | the extension code | any code of the six classes is legal, and a receiver treats an unknown one as the x00 of its class (§8.1.3.2) |
/// | a code of 2, 4 or 10 digits | error | `Status-Code = 3DIGIT` |
/// | `SIP/2.0 099 …`, `SIP/2.0 900 …`, `SIP/2.0 701 …` | error | only 100 to 699 exist on the wire (§7.2); the catalogued 7xx codes are stack-local reports, never sent |
/// | CR, LF or another control character except HTAB | error | it would let the rest of the text pass for a header field: header injection |
/// | `HTTP/1.1 200 OK`, `SIP/2 200 OK` | error | `SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT` |
///
/// A version other than 2.0 (`SIP/3.0`) follows the grammar, so it parses:
/// check [`version`](StatusLine::version) if you only speak SIP 2.0. The
/// `SIP` in the version is case-insensitive (§7.1), and kept as sent.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusLine;
///
/// // The terminator goes, the rest stays as sent.
/// assert_eq!(StatusLine::parse("SIP/2.0 200 OK\n")?.reason(), "OK");
/// assert_eq!(StatusLine::parse("SIP/2.0 200 Ok\r\n")?.reason(), "Ok");
/// // An empty reason, and no reason at all.
/// assert_eq!(StatusLine::parse("SIP/2.0 100 ")?.reason(), "");
/// assert_eq!(StatusLine::parse("SIP/2.0 200")?.reason(), "");
/// // UTF-8 and extension codes.
/// assert_eq!(StatusLine::parse("SIP/2.0 200 простое")?.reason(), "простое");
/// assert_eq!(StatusLine::parse("SIP/2.0 479 Regretfully")?.code().as_u16(), 479);
/// // Typed errors.
/// assert!(StatusLine::parse("SIP/2.0 20 OK").is_err());
/// assert!(StatusLine::parse("SIP/2.0 4294967301 better not break the receiver").is_err());
/// assert!(StatusLine::parse("SIP/2.0 900 Nine Hundred").is_err());
/// assert!(StatusLine::parse("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP evil").is_err());
/// assert!(StatusLine::parse("HTTP/1.1 200 OK").is_err());
/// # Ok::<(), sip_codes::InvalidStatusLine>(())
/// ```
///
/// # Sending
///
/// [`StatusLine::new`] and [`StatusLine::canonical`] build a line to send,
/// always with version `SIP/2.0`; [`Display`](fmt::Display) writes it without
/// the CRLF. Whatever a `StatusLine` holds, parsing what it displays gives it
/// back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StatusLine<'a> {
    version: &'a str,
    code: StatusCode,
    reason: &'a str,
}

/// The version a line built for sending carries (RFC 3261 §7.1).
const SIP_2_0: &str = "SIP/2.0";

impl<'a> StatusLine<'a> {
    /// Parses one status line; see [`StatusLine`] for what odd lines yield.
    ///
    /// It never panics and never allocates. An error says which rule of RFC
    /// 3261 the line breaks and where.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusLine;
    ///
    /// let line = StatusLine::parse("SIP/2.0 603 Declined")?;
    /// assert_eq!(line.code().as_u16(), 603);
    /// assert_eq!(line.reason(), "Declined");
    ///
    /// let error = StatusLine::parse("SIP/2.0 6033 Declined").unwrap_err();
    /// assert_eq!(error.offset(), 8);
    /// # Ok::<(), sip_codes::InvalidStatusLine>(())
    /// ```
    pub fn parse(line: &'a str) -> Result<StatusLine<'a>, InvalidStatusLine> {
        let line = strip_line_end(line);
        // Controls first: a CR or LF anywhere is an injection attempt, whatever
        // else is wrong with the line, and that is the error worth reporting.
        find_control_character(line, 0)?;

        let Some((version, rest)) = line.split_once(' ') else {
            return Err(if is_sip_version(line) {
                InvalidStatusLine::new(line.len(), Kind::MissingCode)
            } else {
                InvalidStatusLine::new(0, Kind::Version)
            });
        };
        if !is_sip_version(version) {
            return Err(InvalidStatusLine::new(0, Kind::Version));
        }

        let code_offset = version.len() + 1;
        // No space after the code means no reason: tolerated (see the type's docs).
        let (digits, reason) = rest.split_once(' ').unwrap_or((rest, ""));
        let code = match StatusCode::from_bytes(digits.as_bytes()) {
            Ok(code) => code,
            Err(error) => {
                let kind = match error.code() {
                    Some(code) => Kind::OutOfRange(code),
                    None => Kind::NotThreeDigits { len: digits.len() },
                };
                return Err(InvalidStatusLine::new(code_offset, kind));
            }
        };
        check_on_the_wire(code, code_offset)?;
        Ok(StatusLine { version, code, reason })
    }

    /// A line to send with a reason of your own, such as
    /// `SIP/2.0 503 Overloaded, retry later`.
    ///
    /// The reason may be empty (RFC 3261 §25.1 allows it). It is refused if
    /// it holds a control character other than HTAB, CR and LF above all,
    /// which would start a header field of the attacker's choosing (header
    /// injection); and the code is refused if it is a stack-local 7xx code,
    /// which is never sent.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{StatusCode, StatusLine};
    ///
    /// let line = StatusLine::new(StatusCode::SERVICE_UNAVAILABLE, "Overloaded, retry later")?;
    /// assert_eq!(line.to_string(), "SIP/2.0 503 Overloaded, retry later");
    ///
    /// let error = StatusLine::new(StatusCode::OK, "OK\r\nContact: <sip:evil@example.com>").unwrap_err();
    /// assert_eq!(error.control_character(), Some('\r'));
    /// assert!(StatusLine::new(StatusCode::PARTY_HANGS_UP, "Party Hangs Up").is_err());
    /// # Ok::<(), sip_codes::InvalidStatusLine>(())
    /// ```
    pub fn new(code: StatusCode, reason: &'a str) -> Result<StatusLine<'a>, InvalidStatusLine> {
        // Offsets are counted in the line this would write: `SIP/2.0 486 `.
        let code_offset = SIP_2_0.len() + 1;
        check_on_the_wire(code, code_offset)?;
        find_control_character(reason, code_offset + 4)?;
        Ok(StatusLine { version: SIP_2_0, code, reason })
    }

    /// The line to send for `code` with its registered phrase, or with an
    /// empty reason for an extension code that has none.
    ///
    /// Fails only for a stack-local 7xx code, which is never sent.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{StatusCode, StatusLine};
    ///
    /// let busy = StatusLine::canonical(StatusCode::BUSY_HERE)?;
    /// assert_eq!(busy.to_string(), "SIP/2.0 486 Busy Here");
    /// assert!(busy.has_catalogued_reason());
    ///
    /// let extension = StatusLine::canonical(StatusCode::from_u16(499)?)?;
    /// assert_eq!(extension.to_string(), "SIP/2.0 499 ");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn canonical(code: StatusCode) -> Result<StatusLine<'static>, InvalidStatusLine> {
        StatusLine::new(code, code.canonical_reason().unwrap_or(""))
    }

    /// The protocol version as sent, such as `SIP/2.0`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::StatusLine::parse("sip/2.0 200 OK")?.version(), "sip/2.0");
    /// # Ok::<(), sip_codes::InvalidStatusLine>(())
    /// ```
    pub const fn version(&self) -> &'a str {
        self.version
    }

    /// The status code.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{StatusCode, StatusLine};
    /// assert_eq!(StatusLine::parse("SIP/2.0 180 Ringing")?.code(), StatusCode::RINGING);
    /// # Ok::<(), sip_codes::InvalidStatusLine>(())
    /// ```
    pub const fn code(&self) -> StatusCode {
        self.code
    }

    /// The reason phrase, byte for byte as sent: empty when the peer sent
    /// none.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusLine;
    /// assert_eq!(StatusLine::parse("SIP/2.0 183 progress")?.reason(), "progress");
    /// assert_eq!(StatusLine::parse("SIP/2.0 180  Ringing \t")?.reason(), " Ringing \t");
    /// # Ok::<(), sip_codes::InvalidStatusLine>(())
    /// ```
    pub const fn reason(&self) -> &'a str {
        self.reason
    }

    /// Whether the reason is the code's registered phrase or one of the
    /// catalogue's aliases for that code, ignoring ASCII case.
    ///
    /// A `false` is no error, since the code alone carries the meaning, but a
    /// monitoring tool may flag it: the peer sends a phrase of its own, an
    /// empty one, or an extension code that the catalogue does not know.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusLine;
    ///
    /// assert!(StatusLine::parse("SIP/2.0 486 Busy Here")?.has_catalogued_reason());
    /// assert!(StatusLine::parse("SIP/2.0 486 busy here")?.has_catalogued_reason());
    /// assert!(StatusLine::parse("SIP/2.0 603 Declined")?.has_catalogued_reason()); // an alias
    /// assert!(StatusLine::parse("SIP/2.0 606 Not Acceptable")?.has_catalogued_reason());
    /// assert!(!StatusLine::parse("SIP/2.0 180 Ringing2")?.has_catalogued_reason());
    /// assert!(!StatusLine::parse("SIP/2.0 500 Service Unavailable")?.has_catalogued_reason());
    /// assert!(!StatusLine::parse("SIP/2.0 200")?.has_catalogued_reason());
    /// # Ok::<(), sip_codes::InvalidStatusLine>(())
    /// ```
    pub fn has_catalogued_reason(&self) -> bool {
        self.code.entry().is_some_and(|entry| entry.matches_phrase(self.reason))
    }
}

/// `SIP/2.0 486 Busy Here`: the version and reason as held, without the CRLF.
/// The separator before the reason is always written, so a line received
/// without one (`SIP/2.0 200`) comes out as `SIP/2.0 200 `.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusLine;
/// assert_eq!(StatusLine::parse("SIP/2.0 180 Ringing2\r\n")?.to_string(), "SIP/2.0 180 Ringing2");
/// assert_eq!(StatusLine::parse("SIP/2.0 200")?.to_string(), "SIP/2.0 200 ");
/// # Ok::<(), sip_codes::InvalidStatusLine>(())
/// ```
impl fmt::Display for StatusLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.version, self.code.as_u16(), self.reason)
    }
}

/// Parses like [`StatusLine::parse`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusLine;
/// let line = StatusLine::try_from("SIP/2.0 404 Not Found")?;
/// assert_eq!(line.code().as_u16(), 404);
/// # Ok::<(), sip_codes::InvalidStatusLine>(())
/// ```
impl<'a> TryFrom<&'a str> for StatusLine<'a> {
    type Error = InvalidStatusLine;

    fn try_from(line: &'a str) -> Result<StatusLine<'a>, InvalidStatusLine> {
        StatusLine::parse(line)
    }
}

/// `SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT` (RFC 3261 §25.1), where
/// "SIP" is case-insensitive (§7.1).
fn is_sip_version(text: &str) -> bool {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let Some((protocol, number)) = text.split_once('/') else {
        return false;
    };
    protocol.eq_ignore_ascii_case("SIP")
        && number.split_once('.').is_some_and(|(major, minor)| digits(major) && digits(minor))
}

/// Refuses the stack-local 7xx codes that `StatusCode` admits: RFC 3261 §7.2
/// puts only 100 to 699 on the wire.
fn check_on_the_wire(code: StatusCode, offset: usize) -> Result<(), InvalidStatusLine> {
    if WIRE_CODES.contains(&code.as_u16()) {
        Ok(())
    } else {
        Err(InvalidStatusLine::new(offset, Kind::OutOfRange(code.as_u16())))
    }
}

/// Refuses the first character that RFC 3261 §25.1's text rule refuses (a
/// control character other than HTAB); `offset` is where `text` starts.
fn find_control_character(text: &str, offset: usize) -> Result<(), InvalidStatusLine> {
    match first_control_char(text) {
        Some((at, c)) => Err(InvalidStatusLine::new(offset + at, Kind::ControlCharacter(c))),
        None => Ok(()),
    }
}

/// Why a text is not a valid [`StatusLine`], and where.
///
/// Its message names the rule of RFC 3261 that the line breaks and what
/// would be right.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusLine;
///
/// let error = StatusLine::parse("SIP/2.0 4294967301 better not break the receiver").unwrap_err();
/// assert_eq!(error.offset(), 8);
/// assert_eq!(
///     error.to_string(),
///     "the status code at byte 8 is not three ASCII digits (10 bytes before the next space): \
///      RFC 3261 §25.1 defines Status-Code as 3DIGIT; send a code from 100 to 699, such as 486"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidStatusLine {
    offset: usize,
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// The line does not start with `SIP/<digits>.<digits>` and a space.
    Version,
    /// The line ends right after its version.
    MissingCode,
    /// The code field is not three ASCII digits; `len` is its length in bytes.
    NotThreeDigits { len: usize },
    /// Three digits, but not a code of the six classes 1xx to 6xx.
    OutOfRange(u16),
    /// A control character other than HTAB.
    ControlCharacter(char),
}

impl InvalidStatusLine {
    const fn new(offset: usize, kind: Kind) -> InvalidStatusLine {
        InvalidStatusLine { offset, kind }
    }

    /// The byte offset where the line breaks the rule. For [`StatusLine::new`],
    /// the offset in the line it would have written (`SIP/2.0 486 ` is 12 bytes).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{StatusCode, StatusLine};
    ///
    /// assert_eq!(StatusLine::parse("SIP/2.0 200 OK\rX").unwrap_err().offset(), 14);
    /// assert_eq!(StatusLine::new(StatusCode::OK, "OK\rX").unwrap_err().offset(), 14);
    /// assert_eq!(StatusLine::parse("SIP/2.0 20 OK").unwrap_err().offset(), 8);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The code, when the line has three digits that are not a code of the
    /// six classes (`099`, `900`, or a stack-local code such as `701`).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusLine;
    ///
    /// assert_eq!(StatusLine::parse("SIP/2.0 900 X").unwrap_err().code(), Some(900));
    /// assert_eq!(StatusLine::parse("SIP/2.0 701 X").unwrap_err().code(), Some(701));
    /// assert_eq!(StatusLine::parse("SIP/2.0 9000 X").unwrap_err().code(), None);
    /// ```
    pub const fn code(&self) -> Option<u16> {
        match self.kind {
            Kind::OutOfRange(code) => Some(code),
            _ => None,
        }
    }

    /// The control character found, when that is the rule broken.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusLine;
    ///
    /// let error = StatusLine::parse("SIP/2.0 200 OK\nVia: x").unwrap_err();
    /// assert_eq!(error.control_character(), Some('\n'));
    /// assert_eq!(StatusLine::parse("SIP/2.0 20 OK").unwrap_err().control_character(), None);
    /// ```
    pub const fn control_character(&self) -> Option<char> {
        match self.kind {
            Kind::ControlCharacter(c) => Some(c),
            _ => None,
        }
    }
}

impl fmt::Display for InvalidStatusLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let offset = self.offset;
        match self.kind {
            Kind::Version => f.write_str(
                "a status line starts with the SIP version and one space, as in `SIP/2.0 486 Busy Here` \
                 (RFC 3261 §25.1: SIP-Version = \"SIP\" \"/\" 1*DIGIT \".\" 1*DIGIT); this line does not, \
                 so it is not a SIP response",
            ),
            Kind::MissingCode => write!(
                f,
                "the status line ends at byte {offset}, right after its SIP version: RFC 3261 §25.1 \
                 wants a space and a three-digit status code next, as in `SIP/2.0 486 Busy Here`"
            ),
            Kind::NotThreeDigits { len: 0 } => write!(
                f,
                "there is no status code at byte {offset}: RFC 3261 §25.1 puts exactly one space \
                 between the SIP version and the three-digit code, as in `SIP/2.0 486 Busy Here`"
            ),
            Kind::NotThreeDigits { len } => write!(
                f,
                "the status code at byte {offset} is not three ASCII digits ({len} bytes before the \
                 next space): RFC 3261 §25.1 defines Status-Code as 3DIGIT; send a code from 100 to \
                 699, such as 486"
            ),
            Kind::OutOfRange(code) => match Entry::by_code(code) {
                Some(entry) => write!(
                    f,
                    "{code} {} at byte {offset} is a stack-local code that some stacks report \
                     internally, never a SIP response: RFC 3261 §7.2 puts only 100 to 699 on the \
                     wire; send a code of those six classes instead",
                    entry.phrase
                ),
                None => write!(
                    f,
                    "the status code {code:03} at byte {offset} is outside 100 to 699, the six \
                     classes of RFC 3261 §7.2; send a code of those classes instead"
                ),
            },
            Kind::ControlCharacter(c) => write!(
                f,
                "the control character U+{:04X} at byte {offset} is not allowed in a status line: \
                 RFC 3261 §25.1 admits only text, spaces and HTAB in a reason phrase, and a CR or LF \
                 there would start a header field of the sender's choosing (header injection); \
                 remove it",
                u32::from(c)
            ),
        }
    }
}

impl core::error::Error for InvalidStatusLine {}
