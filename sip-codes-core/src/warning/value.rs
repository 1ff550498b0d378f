use core::fmt;

use super::error::{AgentProblem, Kind};
use super::parse::{Warnings, parse_value, unexpected};
use super::{InvalidWarning, WarnCode, WarningOddity};
use crate::grammar::{self, QuotedText};

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
/// | a code of 2 or 4 digits (`2112`) | error | `warn-code = 3DIGIT` (§25.1) |
/// | three digits outside 300 to 399 (`199`, `214`, `701`, `000`) | kept: [`code_number`](Warning::code_number) gives them, [`code`](Warning::code) gives 399; odd: [`WarningOddity::NotSipWarnCode`] | `warn-code = 3DIGIT` allows any three digits (§25.1); §20.43 makes a first digit 3 the mark of a SIP warning and leaves 1xx and 2xx to HTTP/1.1, and §27.2 registers only 3xx |
/// | no warn-agent (`370 "Insufficient bandwidth"`, RFC 2543's examples) | error | RFC 3261 requires the agent |
/// | an agent that is neither a host\[:port\] nor a token, or a port above 65535 | error | `warn-agent = hostport / pseudonym` |
/// | an agent with spaces, or an unquoted text (`300 host IPv6 not available`) | error | the agent is one host or token, and `warn-text = quoted-string` |
/// | an unterminated quoted text | error | the closing DQUOTE is part of `quoted-string` |
/// | escapes in the text (`"foo\" bar"`) | kept as written, resolved by [`QuotedText`] | `quoted-pair` |
/// | a control character other than HTAB, raw or escaped, outside a folded line | error | CR or LF would let the rest pass for a header field of the sender's choosing; the grammar does admit other controls escaped (`quoted-pair`, RFC 3261 §25.1) and C1 controls as UTF-8, refused on purpose so that every text that parses can be shown and sent on |
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
/// let odd = Warning::parse(r#"799 host "Seven hundred""#)?;
/// assert_eq!((odd.code_number(), odd.oddity().is_some()), (799, true));
/// assert!(Warning::parse(r#"370 "Insufficient bandwidth (only have ISDN)""#).is_err());
/// assert!(Warning::parse(r#"399 my proxy "spaces in the agent""#).is_err());
/// assert!(Warning::parse("300 garage.sr.ntc.nokia.com IPv6 global addresses not available").is_err());
/// # Ok::<(), sip_codes::InvalidWarning>(())
/// ```
///
/// # Sending
///
/// [`Warning::new`] checks a value to send, with a [`WarnCode`] (always
/// 3xx), so it has no [`oddity`](Warning::oddity); [`Display`](fmt::Display)
/// writes it without header name or CRLF. Whatever a `Warning` holds, parsing what
/// it displays gives an equal `Warning` back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Warning<'a> {
    /// The three digits as received (0 to 999), or the [`WarnCode`] given.
    pub(super) code: u16,
    pub(super) agent: WarnAgent<'a>,
    pub(super) text: QuotedText<'a>,
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
    pub(super) fn parse_at(agent: &'a str, offset: usize) -> Result<WarnAgent<'a>, InvalidWarning> {
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
            if !grammar::is_ipv6_reference(host) {
                return bad(AgentProblem::Ipv6);
            }
        } else if !grammar::is_hostname(host) && !grammar::is_ipv4(host) {
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
        if let Some((at, c)) = grammar::first_control_char(text) {
            return Err(InvalidWarning::new(at, Kind::ControlCharacter(c)));
        }
        Ok(Warning { code: code.as_u16(), agent, text: QuotedText::plain(text) })
    }

    /// The warn-code. A received code that is three digits but not a SIP
    /// warn-code (`199`, `701`) gives [`WarnCode::MISCELLANEOUS_WARNING`]:
    /// a warning the receiver cannot interpret is, like 399, text for a
    /// human on which nothing may act (RFC 3261 §20.43), and
    /// [`oddity`](Warning::oddity) says so; [`code_number`](Warning::code_number)
    /// gives the digits sent.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{WarnCode, Warning};
    /// assert_eq!(Warning::parse(r#"381 p1 "SIPS Required""#)?.code(), WarnCode::SIPS_REQUIRED);
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub const fn code(&self) -> WarnCode {
        match WarnCode::from_u16(self.code) {
            Ok(code) => code,
            Err(_) => WarnCode::MISCELLANEOUS_WARNING,
        }
    }

    /// The warn-code as received, from 0 to 999: the same as
    /// [`code`](Warning::code) for a SIP warn-code (300 to 399), and the
    /// only way to read any other.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Warning;
    /// assert_eq!(Warning::parse(r#"307 isi.edu "x""#)?.code_number(), 307);
    /// assert_eq!(Warning::parse(r#"701 isi.edu "x""#)?.code_number(), 701);
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub const fn code_number(&self) -> u16 {
        self.code
    }

    /// What is odd in a received value: a warn-code SIP does not define
    /// (see [`WarningOddity`]). `None` for a value built to send.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Warning;
    /// use sip_codes::warning::WarningOddity;
    /// assert_eq!(Warning::parse(r#"199 isi.edu "x""#)?.oddity(), Some(WarningOddity::NotSipWarnCode { code: 199 }));
    /// assert_eq!(Warning::parse(r#"392 isi.edu "x""#)?.oddity(), None); // an extension code
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub const fn oddity(&self) -> Option<WarningOddity> {
        match WarnCode::from_u16(self.code) {
            Ok(_) => None,
            Err(_) => Some(WarningOddity::NotSipWarnCode { code: self.code }),
        }
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
        let code = self.code;
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
