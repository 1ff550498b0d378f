use core::fmt;

use crate::catalogue::invalid_reason_char;
use crate::grammar::{self, QuotedError, QuotedText};
use crate::{InvalidWarnCode, WarnCode};

/// One value of a SIP `Warning` header field, such as
/// `307 isi.edu "Session parameter 'foo' not understood"`.
///
/// RFC 3261 §25.1 defines it as
/// `warning-value = warn-code SP warn-agent SP warn-text`, where the code is
/// a [`WarnCode`], the agent a [`WarnAgent`] (the host, or a pseudonym, of
/// the server that added the warning) and the text a quoted string.
/// [`Warning::parse_all`] reads a whole header field value, whose values are
/// separated by commas; [`Warning::parse`] reads exactly one. Both borrow
/// from the input and never allocate.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{WarnAgent, WarnCode, Warning};
///
/// let warning = Warning::parse(r#"370 presence.bar:5060 "Insufficient bandwidth""#)?;
/// assert_eq!(warning.code(), WarnCode::INSUFFICIENT_BANDWIDTH);
/// assert_eq!(warning.agent(), WarnAgent::Host { host: "presence.bar", port: Some(5060) });
/// assert_eq!(warning.text(), "Insufficient bandwidth");
/// assert_eq!(warning.to_string(), r#"370 presence.bar:5060 "Insufficient bandwidth""#);
/// # Ok::<(), sip_codes::InvalidWarning>(())
/// ```
///
/// # What a received value yields
///
/// Each odd case is decided once, by the rule it breaks or keeps:
///
/// | the value | yields | why |
/// |---|---|---|
/// | several values separated by commas, with white space or folded lines (CRLF then SP or HTAB) around them | one [`Warning`] each, from [`Warning::parse_all`] | `Warning = "Warning" HCOLON warning-value *(COMMA warning-value)`, and LWS means SP (§7.3.1) |
/// | an empty element (`a, , b`) | skipped | as HTTP's list rule does; a value that is all empty elements is an error |
/// | white space or folds instead of a single SP between the parts | accepted | §7.3.1: all linear white space has the meaning of SP |
/// | a trailing CRLF or LF | removed | it ends the header line; it is not part of the value |
/// | an unregistered code from 300 to 399 (`312`, `392`) | kept | an extension code, with no [`entry`](WarnCode::entry) (§27.2) |
/// | a code of 2 or 4 digits (`2112`) | error | `warn-code = 3DIGIT` |
/// | a code outside 300 to 399 (`199`, `701`) | error | §20.43 defines SIP warnings as 3xx; 1xx and 2xx are HTTP's |
/// | no warn-agent (`370 "Insufficient bandwidth"`, RFC 2543's examples) | error | RFC 3261 requires the agent |
/// | an agent that is neither a host\[:port\] nor a token, or a port above 65535 | error | `warn-agent = hostport / pseudonym` |
/// | an agent with spaces, or an unquoted text (`300 host IPv6 not available`) | error | the agent is one host or token, and `warn-text = quoted-string` |
/// | an unterminated quoted text | error | the closing DQUOTE is part of `quoted-string` |
/// | escapes in the text (`"foo\" bar"`) | kept as written, resolved by [`QuotedText`] | `quoted-pair` |
/// | a control character other than HTAB, raw or escaped, outside a folded line | error | CR or LF would let the rest pass for a header field of the sender's choosing |
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Warning;
///
/// let mut values = Warning::parse_all("399 host:5060 \"Ok\",\r\n 399 [::1]:39999 \"foo\\\" bar\"");
/// assert_eq!(values.next().unwrap()?.text(), "Ok");
/// assert_eq!(values.next().unwrap()?.text(), "foo\" bar");
/// assert!(values.next().is_none());
///
/// assert!(Warning::parse(r#"2112 www.nokia.com "Disconnected Operation""#).is_err());
/// assert!(Warning::parse(r#"799 host "Seven hundred""#).is_err());
/// assert!(Warning::parse(r#"370 "Insufficient bandwidth (only have ISDN)""#).is_err());
/// assert!(Warning::parse(r#"399 my proxy "spaces in the agent""#).is_err());
/// assert!(Warning::parse("300 garage.sr.ntc.nokia.com IPv6 global addresses not available").is_err());
/// # Ok::<(), sip_codes::InvalidWarning>(())
/// ```
///
/// # Sending
///
/// [`Warning::new`] checks a value to send; [`Display`](fmt::Display) writes
/// it without header name or CRLF. Whatever a `Warning` holds, parsing what
/// it displays gives an equal `Warning` back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Warning<'a> {
    code: WarnCode,
    agent: WarnAgent<'a>,
    text: QuotedText<'a>,
}

/// The server that added a [`Warning`]: `warn-agent = hostport / pseudonym`
/// (RFC 3261 §25.1), "for use in debugging".
///
/// A host name is also a token, so an agent without a port that spells a
/// host name (`isi.edu`), an IPv4 address or an IPv6 reference is a
/// [`Host`](WarnAgent::Host); any other token (`proxy_7`, `4711`) is a
/// [`Pseudonym`](WarnAgent::Pseudonym).
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::WarnAgent;
///
/// assert_eq!(WarnAgent::parse("isi.edu")?, WarnAgent::Host { host: "isi.edu", port: None });
/// assert_eq!(WarnAgent::parse("[::1]:39999")?, WarnAgent::Host { host: "[::1]", port: Some(39999) });
/// assert_eq!(WarnAgent::parse("192.168.89.71:5060")?.port(), Some(5060));
/// assert_eq!(WarnAgent::parse("proxy_7")?, WarnAgent::Pseudonym("proxy_7"));
/// assert!(WarnAgent::parse("my proxy").is_err());
/// assert!(WarnAgent::parse("host:99999").is_err());
/// # Ok::<(), sip_codes::InvalidWarning>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarnAgent<'a> {
    /// `hostport = host [ ":" port ]`: a host name, an IPv4 address or an
    /// IPv6 reference (with its brackets), as written.
    Host {
        /// The host as written, such as `isi.edu`, `192.0.2.1` or `[::1]`.
        host: &'a str,
        /// The port, if one was given.
        port: Option<u16>,
    },
    /// `pseudonym = token`: a name that is not a host.
    Pseudonym(&'a str),
}

impl<'a> WarnAgent<'a> {
    /// Parses a whole warn-agent; see [`WarnAgent`].
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::WarnAgent;
    /// assert_eq!(WarnAgent::parse("garage.sr.ntc.nokia.com")?.host(), Some("garage.sr.ntc.nokia.com"));
    /// assert!(WarnAgent::parse("").is_err());
    /// assert!(WarnAgent::parse("proxy_7:5060").is_err()); // a pseudonym takes no port
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub fn parse(agent: &'a str) -> Result<WarnAgent<'a>, InvalidWarning> {
        // Within a value the agent's field already stops at any control.
        if let Some((at, c)) = grammar::find_control(agent, 0) {
            return Err(InvalidWarning::new(at, Kind::ControlCharacter(c)));
        }
        WarnAgent::parse_at(agent, 0)
    }

    /// Parses the agent `agent`, which stands at `offset` in the value, for
    /// the error's offset.
    fn parse_at(agent: &'a str, offset: usize) -> Result<WarnAgent<'a>, InvalidWarning> {
        let bad = |problem| Err(InvalidWarning::new(offset, Kind::Agent(problem)));
        if agent.is_empty() {
            return Err(InvalidWarning::new(offset, Kind::MissingAgent));
        }
        let (host, port) = if agent.starts_with('[') {
            match agent.find(']') {
                Some(close) => (&agent[..=close], &agent[close + 1..]),
                None => return bad(AgentProblem::Ipv6),
            }
        } else {
            match agent.find(':') {
                Some(colon) => (&agent[..colon], &agent[colon..]),
                None => (agent, ""),
            }
        };
        let port = match port {
            "" => None,
            _ => match port.strip_prefix(':').and_then(grammar::parse_port) {
                Some(port) => Some(port),
                None => return bad(AgentProblem::Port),
            },
        };
        if host.starts_with('[') {
            if !is_ipv6_reference(host) {
                return bad(AgentProblem::Ipv6);
            }
        } else if !is_hostname(host) && !is_ipv4(host) {
            return match (port, grammar::is_token(host)) {
                (None, true) => Ok(WarnAgent::Pseudonym(host)),
                (Some(_), true) => bad(AgentProblem::PseudonymWithPort),
                (_, false) => bad(AgentProblem::NotHostOrToken),
            };
        }
        Ok(WarnAgent::Host { host, port })
    }

    /// The host, for a [`Host`](WarnAgent::Host) agent.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::WarnAgent;
    /// assert_eq!(WarnAgent::parse("[2001:db8::1]:5061")?.host(), Some("[2001:db8::1]"));
    /// assert_eq!(WarnAgent::parse("b2bua_1")?.host(), None);
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub const fn host(&self) -> Option<&'a str> {
        match self {
            WarnAgent::Host { host, .. } => Some(host),
            WarnAgent::Pseudonym(_) => None,
        }
    }

    /// The port, for a [`Host`](WarnAgent::Host) agent that has one.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::WarnAgent::parse("host:5060")?.port(), Some(5060));
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub const fn port(&self) -> Option<u16> {
        match self {
            WarnAgent::Host { port, .. } => *port,
            WarnAgent::Pseudonym(_) => None,
        }
    }
}

/// `host`, `host:port` or the pseudonym.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// assert_eq!(sip_codes::WarnAgent::parse("[::1]:39999")?.to_string(), "[::1]:39999");
/// # Ok::<(), sip_codes::InvalidWarning>(())
/// ```
impl fmt::Display for WarnAgent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarnAgent::Host { host, port: None } => f.write_str(host),
            WarnAgent::Host { host, port: Some(port) } => {
                f.write_str(host)?;
                grammar::write_decimal_after(f, ":", u32::from(*port))
            }
            WarnAgent::Pseudonym(name) => f.write_str(name),
        }
    }
}

/// `hostname = *( domainlabel "." ) toplabel [ "." ]`, where labels are
/// letters, digits and inner hyphens, and the top label starts with a letter
/// (RFC 3261 §25.1).
fn is_hostname(text: &str) -> bool {
    let text = text.strip_suffix('.').unwrap_or(text);
    // One pass: `previous` is the byte before, `label_start` the first byte
    // of the current label.
    let mut previous = b'.';
    let mut label_start = b'.';
    for &b in text.as_bytes() {
        match b {
            b'.' if previous == b'.' || previous == b'-' => return false,
            b'.' => {}
            b'-' if previous == b'.' => return false,
            b if b.is_ascii_alphanumeric() || b == b'-' => {
                if previous == b'.' {
                    label_start = b;
                }
            }
            _ => return false,
        }
        previous = b;
    }
    previous != b'.' && previous != b'-' && label_start.is_ascii_alphabetic()
}

/// `IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT`.
fn is_ipv4(text: &str) -> bool {
    let mut parts = 0;
    let all_ok = text.split('.').all(|part| {
        parts += 1;
        (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    });
    all_ok && parts == 4
}

/// `IPv6reference = "[" IPv6address "]"`, checked loosely: hex digits, colons
/// and the dots of an embedded IPv4 address, with at least two colons.
fn is_ipv6_reference(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) else {
        return false;
    };
    inner.bytes().filter(|&b| b == b':').count() >= 2
        && inner.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
}

impl<'a> Warning<'a> {
    /// Parses exactly one warning-value; see [`Warning`] for what odd values
    /// yield. Use [`Warning::parse_all`] for a header field value that may
    /// hold several.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Warning;
    /// let warning = Warning::parse("399 foo.bar.com \"hold requested\"\r\n")?;
    /// assert_eq!(warning.code().as_u16(), 399);
    ///
    /// let error = Warning::parse(r#"399 a "x", 399 b "y""#).unwrap_err();
    /// assert_eq!(error.offset(), 9);
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub fn parse(value: &'a str) -> Result<Warning<'a>, InvalidWarning> {
        let empty = |at| InvalidWarning::new(at, Kind::Empty);
        grammar::parse_one(value, parse_value, empty, |value, at| unexpected(value, at, Kind::Trailing))
    }

    /// The values of a whole `Warning` header field value, in order; see
    /// [`Warnings`].
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Warning;
    ///
    /// let value = r#"312 ii.edu "Soda",  351 i.edu "Inetwork address 'E.164'" , 323 ii.edu "Sodwea""#;
    /// let codes: Vec<u16> = Warning::parse_all(value).map(|w| w.map(|w| w.code().as_u16())).collect::<Result<_, _>>()?;
    /// assert_eq!(codes, [312, 351, 323]);
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub fn parse_all(value: &'a str) -> Warnings<'a> {
        Warnings { list: grammar::ValueList::new(value) }
    }

    /// A value to send, checked: the agent must be a host\[:port\] or a
    /// token, and the text may not hold a control character other than HTAB
    /// (CR or LF above all, which would start a header field of the
    /// sender's choosing). The text is given plain; `"` and `\` are escaped
    /// when it is written. An error's offset is in the argument at fault.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{WarnCode, Warning};
    ///
    /// let warning = Warning::new(WarnCode::INCOMPATIBLE_MEDIA_FORMAT, "gw1.example.com", r#"no "G.729""#)?;
    /// assert_eq!(warning.to_string(), r#"305 gw1.example.com "no \"G.729\"""#);
    ///
    /// let error = Warning::new(WarnCode::MISCELLANEOUS_WARNING, "gw1", "ok\r\nVia: evil").unwrap_err();
    /// assert_eq!(error.control_character(), Some('\r'));
    /// assert!(Warning::new(WarnCode::MISCELLANEOUS_WARNING, "gw 1", "ok").is_err());
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub fn new(code: WarnCode, agent: &'a str, text: &'a str) -> Result<Warning<'a>, InvalidWarning> {
        let agent = WarnAgent::parse(agent)?;
        if let Some(c) = invalid_reason_char(text) {
            let at = text.find(c).unwrap_or(0);
            return Err(InvalidWarning::new(at, Kind::ControlCharacter(c)));
        }
        Ok(Warning { code, agent, text: QuotedText::plain(text) })
    }

    /// The warn-code.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{WarnCode, Warning};
    /// assert_eq!(Warning::parse(r#"381 p1 "SIPS Required""#)?.code(), WarnCode::SIPS_REQUIRED);
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub const fn code(&self) -> WarnCode {
        self.code
    }

    /// The warn-agent.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{WarnAgent, Warning};
    /// assert_eq!(Warning::parse(r#"399 b2bua_1 "x""#)?.agent(), WarnAgent::Pseudonym("b2bua_1"));
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub const fn agent(&self) -> WarnAgent<'a> {
        self.agent
    }

    /// The warn-text; see [`QuotedText`].
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// let warning = sip_codes::Warning::parse(r#"399 h "a \"quoted\" word""#)?;
    /// assert_eq!(warning.text().to_string(), r#"a "quoted" word"#);
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub const fn text(&self) -> QuotedText<'a> {
        self.text
    }
}

/// `399 host:5060 "text"`: the value without header name or CRLF, one SP
/// between the parts, the text quoted (as received, or escaped if it was
/// given plain).
impl fmt::Display for Warning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The code is three digits: written with its space in one piece.
        let code = self.code.as_u16();
        let digits =
            [b'0' + (code / 100) as u8, b'0' + (code / 10 % 10) as u8, b'0' + (code % 10) as u8, b' '];
        f.write_str(core::str::from_utf8(&digits).unwrap_or("399 "))?;
        fmt::Display::fmt(&self.agent, f)?;
        self.text.write_quoted(f, " ")
    }
}

/// Parses like [`Warning::parse`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// let warning = sip_codes::Warning::try_from(r#"399 h "x""#)?;
/// assert_eq!(warning.text(), "x");
/// # Ok::<(), sip_codes::InvalidWarning>(())
/// ```
impl<'a> TryFrom<&'a str> for Warning<'a> {
    type Error = InvalidWarning;

    fn try_from(value: &'a str) -> Result<Warning<'a>, InvalidWarning> {
        Warning::parse(value)
    }
}

/// The values of a `Warning` header field value, from [`Warning::parse_all`]:
/// each is a `Result`, and the first error ends the iteration (what follows
/// a malformed value cannot be told apart from it). A value that holds no
/// warning at all yields one [`InvalidWarning`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Warning;
///
/// let mut values = Warning::parse_all(r#"312 ii.edu "Soda",  351 i.edu "I"#);
/// assert_eq!(values.next().unwrap()?.code().as_u16(), 312);
/// assert!(values.next().unwrap().is_err()); // unterminated text
/// assert!(values.next().is_none());
///
/// assert!(Warning::parse_all(" , ").next().unwrap().is_err());
/// # Ok::<(), sip_codes::InvalidWarning>(())
/// ```
#[derive(Clone, Debug)]
pub struct Warnings<'a> {
    list: grammar::ValueList<'a>,
}

impl<'a> Iterator for Warnings<'a> {
    type Item = Result<Warning<'a>, InvalidWarning>;

    fn next(&mut self) -> Option<Self::Item> {
        let empty = |at| InvalidWarning::new(at, Kind::Empty);
        self.list.next(parse_value, empty, |value, at| unexpected(value, at, Kind::Trailing))
    }
}

impl core::iter::FusedIterator for Warnings<'_> {}

/// Where a field of the value ends: at white space, a comma, a quote or a
/// control character.
fn field_end(bytes: &[u8], start: usize) -> usize {
    let len = bytes[start..]
        .iter()
        .take_while(|&&b| !matches!(b, b' ' | b'\t' | b',' | b'"') && !b.is_ascii_control())
        .count();
    start + len
}

/// Parses one warning-value starting at `start` (not white space), and
/// returns it with the offset just past its text.
fn parse_value(value: &str, start: usize) -> Result<(Warning<'_>, usize), InvalidWarning> {
    let bytes = value.as_bytes();

    let code_end = field_end(bytes, start);
    let code = WarnCode::from_bytes(&bytes[start..code_end]).map_err(|error| {
        if start == code_end {
            unexpected(value, start, Kind::Code { len: 0, error })
        } else {
            InvalidWarning::new(start, Kind::Code { len: code_end - start, error })
        }
    })?;

    let agent_start = grammar::skip_sws(bytes, code_end);
    match bytes.get(agent_start) {
        _ if agent_start == code_end => return Err(unexpected(value, code_end, Kind::MissingAgent)),
        None | Some(b'"' | b',') => return Err(InvalidWarning::new(agent_start, Kind::MissingAgent)),
        Some(_) => {}
    }
    let agent_end = field_end(bytes, agent_start);
    if agent_end == agent_start {
        return Err(unexpected(value, agent_start, Kind::MissingAgent));
    }
    let agent = WarnAgent::parse_at(&value[agent_start..agent_end], agent_start)?;

    let text_start = grammar::skip_sws(bytes, agent_end);
    match bytes.get(text_start) {
        Some(b'"') if text_start > agent_end => {}
        None | Some(b',') => return Err(InvalidWarning::new(text_start, Kind::MissingText)),
        _ => return Err(unexpected(value, text_start, Kind::TextNotQuoted)),
    }
    let end = grammar::scan_quoted(value, text_start).map_err(|error| match error {
        QuotedError::Unterminated => InvalidWarning::new(text_start, Kind::UnterminatedText),
        QuotedError::Control(at, c) => InvalidWarning::new(at, Kind::ControlCharacter(c)),
    })?;
    let text = QuotedText::written(&value[text_start + 1..end - 1]);
    Ok((Warning { code, agent, text }, end))
}

/// The error for an unexpected character at `at`: a control character there
/// is reported as such, since it is the more serious fault.
fn unexpected(value: &str, at: usize, kind: Kind) -> InvalidWarning {
    match grammar::find_control(value, at) {
        Some((found, c)) if found == at => InvalidWarning::new(at, Kind::ControlCharacter(c)),
        _ => InvalidWarning::new(at, kind),
    }
}

/// Why a text is not a valid [`Warning`] value, and where.
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
enum Kind {
    /// No value at all.
    Empty,
    /// The code field, `len` bytes long, is not a SIP warn-code.
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
enum AgentProblem {
    NotHostOrToken,
    PseudonymWithPort,
    Ipv6,
    Port,
}

impl InvalidWarning {
    const fn new(offset: usize, kind: Kind) -> InvalidWarning {
        InvalidWarning { offset, kind }
    }

    /// The byte offset in the value where it breaks the rule (for
    /// [`Warning::new`], in the argument at fault).
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
    /// let error = Warning::parse(r#"701 host "x""#).unwrap_err();
    /// assert_eq!(error.warn_code_error().and_then(|e| e.code()), Some(701));
    /// assert!(Warning::parse(r#"39 host "x""#).unwrap_err().warn_code_error().is_some());
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
            Kind::Code { error, .. } => match error.code() {
                Some(code) => write!(
                    f,
                    "the warn-code {code:03} at byte {offset} is not a SIP warn-code: RFC 3261 \
                     §20.43 defines SIP warnings as 300 to 399 (1xx and 2xx belong to HTTP/1.1); \
                     send one of those, such as 399 (Miscellaneous warning)"
                ),
                None => write!(
                    f,
                    "the warn-code at byte {offset} is not three ASCII digits: RFC 3261 §25.1 \
                     defines warn-code as 3DIGIT; send a code from 300 to 399, such as 399"
                ),
            },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_pseudonyms() {
        assert!(is_hostname("isi.edu") && is_hostname("a") && is_hostname("example.com."));
        assert!(!is_hostname("1abc") && !is_hostname("a..b") && !is_hostname("-a.com") && !is_hostname(""));
        assert!(is_ipv4("192.168.89.71") && !is_ipv4("1.2.3") && !is_ipv4("1.2.3.4444"));
        assert!(is_ipv6_reference("[::1]") && is_ipv6_reference("[::ffff:192.0.2.1]"));
        assert!(!is_ipv6_reference("[1]") && !is_ipv6_reference("[::g]") && !is_ipv6_reference("::1"));
    }
}
