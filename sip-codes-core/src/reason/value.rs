use core::fmt;

use crate::catalogue::{WIRE_CODES, invalid_reason_char};
use crate::grammar::{self, QuotedError, QuotedText};
use crate::q850::{Cause, Location};
use crate::{ReasonProtocol, StatusCode};

/// One value of a SIP `Reason` header field, such as
/// `Q.850;cause=16;text="Terminated"`.
///
/// RFC 3326 §2 defines it as
///
/// ```text
/// reason-value      =  protocol *(SEMI reason-params)
/// protocol          =  "SIP" / "Q.850" / token
/// reason-params     =  protocol-cause / reason-text / reason-extension
/// protocol-cause    =  "cause" EQUAL cause
/// cause             =  1*DIGIT
/// reason-text       =  "text" EQUAL quoted-string
/// reason-extension  =  generic-param
/// ```
///
/// and RFC 8606 §4 adds `location`, where a Q.850 cause arose. [`Reason::parse_all`]
/// reads a whole header field value, whose values are separated by commas;
/// [`Reason::parse`] reads exactly one. Both borrow from the input and never
/// allocate. The cause is typed by its [`protocol`](Reason::protocol): a
/// [`StatusCode`] for `SIP`, a [`Cause`] for `Q.850`, a number for the
/// others (see [`ReasonCause`]).
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Protocol, Reason, ReasonCause, ReasonProtocol, StatusCode};
///
/// let reason = Reason::parse(r#"SIP ;cause=600 ;text="Busy Everywhere""#)?;
/// assert_eq!(reason.protocol(), Protocol::Registered(ReasonProtocol::Sip));
/// assert_eq!(reason.cause(), ReasonCause::Sip(StatusCode::BUSY_EVERYWHERE));
/// assert_eq!(reason.text().unwrap(), "Busy Everywhere");
/// assert_eq!(reason.to_string(), r#"SIP;cause=600;text="Busy Everywhere""#);
/// # Ok::<(), sip_codes::InvalidReason>(())
/// ```
///
/// # What a received value yields
///
/// Each odd case is decided once, by the rule it breaks or keeps:
///
/// | the value | yields | why |
/// |---|---|---|
/// | several values separated by commas; white space or folded lines around `;`, `=` and `,` | one [`Reason`] each, from [`Reason::parse_all`] | `SEMI`, `EQUAL` and `COMMA` allow SWS (RFC 3261 §25.1) |
/// | an empty element (`a, ,b`) | skipped | as HTTP's list rule does, and as sofia-sip does; a value that is all empty elements is an error |
/// | a trailing CRLF or LF | removed | it ends the header line |
/// | `sip`, `q.850`, `CAUSE=16` | the same as `SIP`, `Q.850`, `cause=16` | header field values and parameter names are case-insensitive (§7.3.1) |
/// | a protocol not in the IANA registry (`X-Vendor;cause=7`) | kept as written, with a numeric cause | `protocol = … / token`; an implementation may ignore what it does not understand (RFC 3326 §2) |
/// | a protocol that is not a token (`"nSIP"`), or missing (`;cause=1`) | error | `protocol = "SIP" / "Q.850" / token` |
/// | no `cause` (`SIP`, `SIP;text="x"`) | error | every registered protocol gives its meaning through the cause; without one the value says nothing a receiver can act on |
/// | an empty or non-numeric cause (`cause=`, `cause=abc`) | error | `cause = 1*DIGIT` |
/// | a `SIP` cause outside 100 to 699, a `Q.850` cause outside 1 to 127, a cause above 4294967295 | error | the registry's protocols define those values, and nothing else |
/// | an unquoted `text` (`text=address changed`), or `text` without a value | error | `reason-text = "text" EQUAL quoted-string` |
/// | a `location` that is not one of RFC 8606's tokens (`U`, `LN`, …, `LOC-15`) | error | RFC 8606 §4 gives every Q.850 location a token, and only those |
/// | an unterminated quoted text | error | the closing DQUOTE is part of `quoted-string` |
/// | other parameters (`;foo=bar;flag`) | kept, in order, by [`Reason::params`] | `reason-extension = generic-param` |
/// | a parameter given twice (`;cause=1;cause=2`) | error | a parameter name MUST NOT appear more than once (§7.3.1) |
/// | an empty parameter (`;;`, a trailing `;`) or text where `;` belongs (`SIP cause=200`) | error | `SEMI` must be followed by a parameter |
/// | a control character other than HTAB, raw or escaped, outside a folded line | error | CR or LF would let the rest pass for a header field of the sender's choosing |
///
/// Several values with the same protocol are all yielded: RFC 3326 §2 (as
/// updated by RFC 9366) allows them only where the protocol defines what
/// they mean, a rule about the whole message that a caller can check.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Reason, ReasonCause};
///
/// let value = "Q.850 ;cause=16 ;text=\"Terminated\"\r\n ,,SIP ; cause = 600 ;text\t\r\n =  \"Busy Everywhere\"";
/// let causes: Vec<u32> = Reason::parse_all(value).map(|r| r.map(|r| r.cause().as_u32())).collect::<Result<_, _>>()?;
/// assert_eq!(causes, [16, 600]);
///
/// assert_eq!(Reason::parse("X-Vendor;cause=7")?.cause(), ReasonCause::Other(7));
/// assert!(Reason::parse(r#""nSIP";cause=200;text="Ok""#).is_err());
/// assert!(Reason::parse("SIP").is_err());
/// assert!(Reason::parse("Q.850;cause=128").is_err());
/// assert!(Reason::parse("SIP;text=address changed").is_err());
/// assert!(Reason::parse(r#"SIP;cause=200;;text="Ok""#).is_err());
/// # Ok::<(), sip_codes::InvalidReason>(())
/// ```
///
/// # Sending
///
/// [`Reason::sip`], [`Reason::q850`] and [`Reason::new`] build a value to
/// send, and [`with_text`](Reason::with_text) and
/// [`with_location`](Reason::with_location) add to it, each checked;
/// [`Display`](fmt::Display) writes it without header name or CRLF, as
/// `protocol;cause=N;text="…";location=…` and then any other parameters.
/// Whatever a `Reason` holds, parsing what it displays gives an equal
/// `Reason` back.
#[derive(Clone, Copy, Debug)]
pub struct Reason<'a> {
    protocol: Protocol<'a>,
    cause: ReasonCause,
    text: Option<QuotedText<'a>>,
    location: Option<Location>,
    /// The parameter list as received (`;cause=16 ;text="x";foo`), from which
    /// `params` reads the generic parameters; empty when there are none, as
    /// for a value built to send, so that formatting need not scan it.
    params: &'a str,
}

/// The protocol of a [`Reason`] value: registered, or kept as written.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Protocol, Reason, ReasonProtocol};
///
/// assert_eq!(Reason::parse("q.850;cause=17")?.protocol(), Protocol::Registered(ReasonProtocol::Q850));
/// assert_eq!(Reason::parse("X-Vendor;cause=7")?.protocol(), Protocol::Unregistered("X-Vendor"));
/// assert_eq!(Protocol::Unregistered("X-Vendor").token(), "X-Vendor");
/// # Ok::<(), sip_codes::InvalidReason>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Protocol<'a> {
    /// A protocol of the IANA Reason Protocols registry.
    Registered(ReasonProtocol),
    /// Any other token, as written.
    Unregistered(&'a str),
}

impl<'a> Protocol<'a> {
    /// The token: as registered, or as written.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Protocol, ReasonProtocol};
    /// assert_eq!(Protocol::Registered(ReasonProtocol::Q850).token(), "Q.850");
    /// ```
    pub const fn token(&self) -> &'a str {
        match self {
            Protocol::Registered(protocol) => protocol.token(),
            Protocol::Unregistered(token) => token,
        }
    }

    /// The protocol of a token: registered if the registry has it (ignoring
    /// ASCII case), else kept as written.
    fn of(token: &'a str) -> Protocol<'a> {
        match ReasonProtocol::from_token(token) {
            Some(protocol) => Protocol::Registered(protocol),
            None => Protocol::Unregistered(token),
        }
    }
}

/// The cause of a [`Reason`] value, typed by its protocol.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::q850::Cause;
/// use sip_codes::{Reason, ReasonCause, StatusCode};
///
/// assert_eq!(Reason::parse("SIP;cause=486")?.cause(), ReasonCause::Sip(StatusCode::BUSY_HERE));
/// assert_eq!(Reason::parse("Q.850;cause=17")?.cause(), ReasonCause::Q850(Cause::USER_BUSY));
/// assert_eq!(Reason::parse("RELEASE_CAUSE;cause=2")?.cause(), ReasonCause::Other(2));
/// # Ok::<(), sip_codes::InvalidReason>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReasonCause {
    /// The cause of protocol `SIP`: a status code from 100 to 699.
    Sip(StatusCode),
    /// The cause of protocol `Q.850`: a cause value from 1 to 127.
    Q850(Cause),
    /// The cause of any other protocol, registered or not, as a number.
    Other(u32),
}

impl ReasonCause {
    /// The cause as a number, as it is written after `cause=`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{ReasonCause, StatusCode};
    /// assert_eq!(ReasonCause::Sip(StatusCode::DECLINE).as_u32(), 603);
    /// ```
    pub const fn as_u32(self) -> u32 {
        match self {
            ReasonCause::Sip(code) => code.as_u16() as u32,
            ReasonCause::Q850(cause) => cause.as_u8() as u32,
            ReasonCause::Other(cause) => cause,
        }
    }

    /// The cause `number` of `protocol`, if the protocol admits it.
    fn of(protocol: Protocol<'_>, number: u32) -> Option<ReasonCause> {
        match protocol {
            Protocol::Registered(ReasonProtocol::Sip) => {
                let code = u16::try_from(number).ok().filter(|code| WIRE_CODES.contains(code))?;
                StatusCode::from_u16(code).ok().map(ReasonCause::Sip)
            }
            Protocol::Registered(ReasonProtocol::Q850) => {
                Cause::from_u8(u8::try_from(number).ok()?).ok().map(ReasonCause::Q850)
            }
            _ => Some(ReasonCause::Other(number)),
        }
    }
}

impl fmt::Display for ReasonCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_u32(), f)
    }
}

/// A `generic-param` of a [`Reason`] value other than `cause`, `text` and
/// `location`: `token [ EQUAL gen-value ]` (RFC 3261 §25.1), as written.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{GenericParam, Reason};
///
/// let reason = Reason::parse(r#"SIP;cause=480;x-detail="no answer";ecall"#)?;
/// let params: Vec<GenericParam> = reason.params().collect();
/// assert_eq!(params, [
///     GenericParam { name: "x-detail", value: Some(r#""no answer""#) },
///     GenericParam { name: "ecall", value: None },
/// ]);
/// # Ok::<(), sip_codes::InvalidReason>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GenericParam<'a> {
    /// The name, as written.
    pub name: &'a str,
    /// The value as written, quotes included for a quoted string; `None` for
    /// a parameter without `=`.
    pub value: Option<&'a str>,
}

/// The generic parameters of a [`Reason`] value, in the order received:
/// see [`Reason::params`].
#[derive(Clone, Debug)]
pub struct GenericParams<'a> {
    params: &'a str,
    pos: usize,
}

impl<'a> Iterator for GenericParams<'a> {
    type Item = GenericParam<'a>;

    fn next(&mut self) -> Option<GenericParam<'a>> {
        // The text was validated when it was parsed: every step succeeds.
        while let Ok(Some(param)) = next_param(self.params, self.pos) {
            self.pos = param.end;
            if param.known.is_none() {
                return Some(GenericParam { name: param.name, value: param.value.map(|(value, _)| value) });
            }
        }
        None
    }
}

impl core::iter::FusedIterator for GenericParams<'_> {}

/// A parameter as scanned: where it ends, its name and its value.
struct ScannedParam<'a> {
    /// Where the name starts.
    start: usize,
    /// Just past the parameter.
    end: usize,
    name: &'a str,
    /// The value as written, and whether it is a quoted string.
    value: Option<(&'a str, bool)>,
    /// Which of `cause`, `text` and `location` it is, if any.
    known: Option<Known>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    Cause,
    Text,
    Location,
}

/// Scans the next `SEMI reason-params` of `value` from `pos`: `Ok(None)` if
/// no `;` follows (the value ends there).
fn next_param(value: &str, pos: usize) -> Result<Option<ScannedParam<'_>>, InvalidReason> {
    let bytes = value.as_bytes();
    let semi = grammar::skip_sws(bytes, pos);
    if bytes.get(semi) != Some(&b';') {
        return Ok(None);
    }
    let start = grammar::skip_sws(bytes, semi + 1);
    let name_len = grammar::token_len(bytes, start);
    if name_len == 0 {
        return Err(match bytes.get(start) {
            None | Some(b';' | b',') => InvalidReason::new(start, Kind::EmptyParameter),
            Some(_) => unexpected(value, start, Kind::ParameterNotToken),
        });
    }
    let name = &value[start..start + name_len];
    let known = [("cause", Known::Cause), ("text", Known::Text), ("location", Known::Location)]
        .into_iter()
        .find_map(|(known, kind)| known.eq_ignore_ascii_case(name).then_some(kind));
    let equal = grammar::skip_sws(bytes, start + name_len);
    if bytes.get(equal) != Some(&b'=') {
        return Ok(Some(ScannedParam { start, end: start + name_len, name, value: None, known }));
    }
    let value_start = grammar::skip_sws(bytes, equal + 1);
    let (value_end, quoted) = if bytes.get(value_start) == Some(&b'"') {
        let end = grammar::scan_quoted(value, value_start).map_err(|error| match error {
            QuotedError::Unterminated => InvalidReason::new(value_start, Kind::UnterminatedText),
            QuotedError::Control(at, c) => InvalidReason::new(at, Kind::ControlCharacter(c)),
        })?;
        (end, true)
    } else {
        // gen-value = token / host / quoted-string: a host adds the brackets
        // and colons of an IPv6 reference to the token characters.
        let len = bytes[value_start..]
            .iter()
            .take_while(|&&b| grammar::is_token_byte(b) || matches!(b, b'[' | b']' | b':'))
            .count();
        if len == 0 {
            return Err(unexpected(value, value_start, Kind::EmptyValue));
        }
        (value_start + len, false)
    };
    let param_value = Some((&value[value_start..value_end], quoted));
    Ok(Some(ScannedParam { start, end: value_end, name, value: param_value, known }))
}

impl<'a> Reason<'a> {
    /// Parses exactly one reason-value; see [`Reason`] for what odd values
    /// yield. Use [`Reason::parse_all`] for a header field value that may
    /// hold several.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    ///
    /// let reason = Reason::parse("Q.850;cause=16;text=\"Terminated\"\r\n")?;
    /// assert_eq!(reason.cause().as_u32(), 16);
    ///
    /// let error = Reason::parse("SIP cause=200;text=\"Ok\"").unwrap_err();
    /// assert_eq!(error.offset(), 4);
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub fn parse(value: &'a str) -> Result<Reason<'a>, InvalidReason> {
        let empty = |at| InvalidReason::new(at, Kind::Empty);
        grammar::parse_one(value, parse_value, empty, |value, at| unexpected(value, at, Kind::Trailing))
    }

    /// The values of a whole `Reason` header field value, in order; see
    /// [`Reasons`].
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    /// let value = r#"SIP ;cause=580 ;text="Precondition Failure",SIP ;cause=530 ;text="Pre Failure""#;
    /// assert_eq!(Reason::parse_all(value).count(), 2);
    /// ```
    pub fn parse_all(value: &'a str) -> Reasons<'a> {
        Reasons { list: grammar::ValueList::new(value) }
    }

    /// A `SIP` reason for `code`, to send: `SIP;cause=486`.
    ///
    /// Fails only for a stack-local 7xx code, which is not a SIP status code
    /// on the wire (RFC 3261 §7.2).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Reason, StatusCode};
    /// let reason = Reason::sip(StatusCode::REQUEST_TERMINATED)?.with_text("Call completed elsewhere")?;
    /// assert_eq!(reason.to_string(), r#"SIP;cause=487;text="Call completed elsewhere""#);
    /// assert!(Reason::sip(StatusCode::PARTY_HANGS_UP).is_err());
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub fn sip(code: StatusCode) -> Result<Reason<'static>, InvalidReason> {
        Reason::new("SIP", u32::from(code.as_u16()))
    }

    /// A `Q.850` reason for `cause`, to send: `Q.850;cause=17`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Cause;
    /// let reason = sip_codes::Reason::q850(Cause::USER_BUSY).with_text("User busy")?;
    /// assert_eq!(reason.to_string(), r#"Q.850;cause=17;text="User busy""#);
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub const fn q850(cause: Cause) -> Reason<'static> {
        Reason {
            protocol: Protocol::Registered(ReasonProtocol::Q850),
            cause: ReasonCause::Q850(cause),
            text: None,
            location: None,
            params: "",
        }
    }

    /// A reason of any protocol to send, checked like a received one: the
    /// protocol must be a token, and the cause one the protocol admits (see
    /// [`ReasonCause`]). A registered protocol is written as registered.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    /// assert_eq!(Reason::new("release_cause", 2)?.to_string(), "RELEASE_CAUSE;cause=2");
    /// assert_eq!(Reason::new("X-Vendor", 7)?.to_string(), "X-Vendor;cause=7");
    /// assert!(Reason::new("X Vendor", 7).is_err());
    /// assert!(Reason::new("Q.850", 0).is_err());
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub fn new(protocol: &'a str, cause: u32) -> Result<Reason<'a>, InvalidReason> {
        if !grammar::is_token(protocol) {
            let at = protocol.bytes().position(|b| !grammar::is_token_byte(b)).unwrap_or(0);
            return Err(unexpected(protocol, at, Kind::ProtocolNotToken));
        }
        let protocol = Protocol::of(protocol);
        let Some(cause) = ReasonCause::of(protocol, cause) else {
            return Err(InvalidReason::new(
                0,
                Kind::CauseOutOfRange { protocol: registered(protocol), cause },
            ));
        };
        Ok(Reason { protocol, cause, text: None, location: None, params: "" })
    }

    /// The same reason with `text`, given plain: `"` and `\` are escaped when
    /// it is written. Refused if it holds a control character other than HTAB
    /// (CR or LF above all, which would start a header field of the sender's
    /// choosing); an error's offset is in `text`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Reason, q850::Cause};
    /// let reason = Reason::q850(Cause::NORMAL_CALL_CLEARING).with_text(r#"say "bye""#)?;
    /// assert_eq!(reason.to_string(), r#"Q.850;cause=16;text="say \"bye\"""#);
    /// let error = Reason::q850(Cause::NORMAL_CALL_CLEARING).with_text("bye\r\nContact: <sip:evil@example.com>").unwrap_err();
    /// assert_eq!(error.control_character(), Some('\r'));
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub fn with_text(self, text: &'a str) -> Result<Reason<'a>, InvalidReason> {
        if let Some(c) = invalid_reason_char(text) {
            return Err(InvalidReason::new(text.find(c).unwrap_or(0), Kind::ControlCharacter(c)));
        }
        Ok(Reason { text: Some(QuotedText::plain(text)), ..self })
    }

    /// The same reason with a `location`: where the Q.850 cause arose,
    /// written as its RFC 8606 token.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Reason, q850::{Cause, Location}};
    /// let reason = Reason::q850(Cause::CALL_REJECTED).with_location(Location::USER);
    /// assert_eq!(reason.to_string(), "Q.850;cause=21;location=U");
    /// ```
    pub const fn with_location(self, location: Location) -> Reason<'a> {
        Reason { location: Some(location), ..self }
    }

    /// The protocol.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Reason, ReasonProtocol};
    /// assert_eq!(Reason::parse("STIR;cause=438")?.protocol().token(), "STIR");
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub const fn protocol(&self) -> Protocol<'a> {
        self.protocol
    }

    /// The cause, typed by the protocol.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Reason, ReasonCause, StatusCode};
    /// assert_eq!(Reason::parse("SIP;cause=200")?.cause(), ReasonCause::Sip(StatusCode::OK));
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub const fn cause(&self) -> ReasonCause {
        self.cause
    }

    /// The `text` parameter, if any; see [`QuotedText`].
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    /// assert_eq!(Reason::parse(r#"SIP;cause=200;text="Ok""#)?.text().unwrap(), "Ok");
    /// assert!(Reason::parse("SIP;cause=200")?.text().is_none());
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub const fn text(&self) -> Option<QuotedText<'a>> {
        self.text
    }

    /// The `location` parameter of RFC 8606 §4, if any: where the Q.850
    /// cause arose.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Reason, q850::Location};
    /// assert_eq!(Reason::parse("Q.850;cause=21;location=U")?.location(), Some(Location::USER));
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub const fn location(&self) -> Option<Location> {
        self.location
    }

    /// The parameters other than `cause`, `text` and `location`, in the
    /// order received; see [`GenericParam`].
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    /// let reason = Reason::parse("SIP;cause=200;foo=bar")?;
    /// assert_eq!(reason.params().map(|p| (p.name, p.value)).collect::<Vec<_>>(), [("foo", Some("bar"))]);
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub fn params(&self) -> GenericParams<'a> {
        GenericParams { params: self.params, pos: 0 }
    }
}

/// Two values are equal when they mean the same: same protocol, cause,
/// text (however escaped), location and other parameters, whatever the
/// white space and parameter order of `cause`, `text` and `location`.
impl PartialEq for Reason<'_> {
    fn eq(&self, other: &Reason<'_>) -> bool {
        self.protocol == other.protocol
            && self.cause == other.cause
            && self.text == other.text
            && self.location == other.location
            && self.params().eq(other.params())
    }
}

impl Eq for Reason<'_> {}

/// `Q.850;cause=16;text="Terminated";location=LN;foo=bar`: the value
/// without header name or CRLF and without white space, a registered
/// protocol as registered, the text quoted (as received, or escaped if it
/// was given plain), then the other parameters as received.
impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.protocol.token())?;
        f.write_str(";cause=")?;
        grammar::write_decimal_after(f, "", self.cause.as_u32())?;
        if let Some(text) = &self.text {
            text.write_quoted(f, ";text=")?;
        }
        if let Some(location) = self.location {
            f.write_str(";location=")?;
            f.write_str(location.token())?;
        }
        for param in self.params() {
            f.write_str(";")?;
            f.write_str(param.name)?;
            if let Some(value) = param.value {
                f.write_str("=")?;
                f.write_str(value)?;
            }
        }
        Ok(())
    }
}

/// Parses like [`Reason::parse`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// let reason = sip_codes::Reason::try_from("SIP;cause=503")?;
/// assert_eq!(reason.cause().as_u32(), 503);
/// # Ok::<(), sip_codes::InvalidReason>(())
/// ```
impl<'a> TryFrom<&'a str> for Reason<'a> {
    type Error = InvalidReason;

    fn try_from(value: &'a str) -> Result<Reason<'a>, InvalidReason> {
        Reason::parse(value)
    }
}

/// The values of a `Reason` header field value, from [`Reason::parse_all`]:
/// each is a `Result`, and the first error ends the iteration (what follows
/// a malformed value cannot be told apart from it). A value that holds no
/// reason at all (`""`, `,`) yields one [`InvalidReason`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Reason;
///
/// let mut values = Reason::parse_all(r#"SIP;cause=200;text="Ok", SIP;cause="#);
/// assert_eq!(values.next().unwrap()?.cause().as_u32(), 200);
/// assert!(values.next().unwrap().is_err()); // empty cause
/// assert!(values.next().is_none());
/// assert!(Reason::parse_all(",").next().unwrap().is_err());
/// # Ok::<(), sip_codes::InvalidReason>(())
/// ```
#[derive(Clone, Debug)]
pub struct Reasons<'a> {
    list: grammar::ValueList<'a>,
}

impl<'a> Iterator for Reasons<'a> {
    type Item = Result<Reason<'a>, InvalidReason>;

    fn next(&mut self) -> Option<Self::Item> {
        let empty = |at| InvalidReason::new(at, Kind::Empty);
        self.list.next(parse_value, empty, |value, at| unexpected(value, at, Kind::Trailing))
    }
}

impl core::iter::FusedIterator for Reasons<'_> {}

/// The registered protocol, for an error message.
fn registered(protocol: Protocol<'_>) -> Option<ReasonProtocol> {
    match protocol {
        Protocol::Registered(protocol) => Some(protocol),
        Protocol::Unregistered(_) => None,
    }
}

/// Parses one reason-value starting at `start` (not white space), and returns
/// it with the offset just past it.
fn parse_value(value: &str, start: usize) -> Result<(Reason<'_>, usize), InvalidReason> {
    let bytes = value.as_bytes();
    let protocol_len = grammar::token_len(bytes, start);
    if protocol_len == 0 {
        return Err(unexpected(value, start, Kind::ProtocolNotToken));
    }
    let protocol = Protocol::of(&value[start..start + protocol_len]);
    let params_start = start + protocol_len;

    let mut cause = None;
    let mut text = None;
    let mut location = None;
    let mut generic = false;
    let mut end = params_start;
    while let Some(param) = next_param(value, end)? {
        let duplicate = || InvalidReason::new(param.start, Kind::DuplicateParameter);
        match (param.known, param.value) {
            (Some(Known::Cause), _) if cause.is_some() => return Err(duplicate()),
            (Some(Known::Cause), Some((digits, false))) => match grammar::parse_decimal(digits) {
                Some(number) => cause = Some((number, param.start)),
                None if digits.bytes().all(|b| b.is_ascii_digit()) => {
                    return Err(InvalidReason::new(
                        param.start,
                        Kind::CauseOutOfRange { protocol: registered(protocol), cause: u32::MAX },
                    ));
                }
                None => return Err(InvalidReason::new(param.start, Kind::CauseNotDigits)),
            },
            (Some(Known::Cause), _) => return Err(InvalidReason::new(param.start, Kind::CauseNotDigits)),
            (Some(Known::Text), _) if text.is_some() => return Err(duplicate()),
            (Some(Known::Text), Some((quoted, true))) => {
                text = Some(QuotedText::written(&quoted[1..quoted.len() - 1]));
            }
            (Some(Known::Text), _) => return Err(InvalidReason::new(param.start, Kind::TextNotQuoted)),
            (Some(Known::Location), _) if location.is_some() => return Err(duplicate()),
            (Some(Known::Location), value) => {
                match value.map(|(token, quoted)| (Location::from_token(token), quoted)) {
                    Some((Ok(found), false)) => location = Some(found),
                    _ => return Err(InvalidReason::new(param.start, Kind::UnknownLocation)),
                }
            }
            (None, _) => {
                // A generic parameter: its name must not have come before
                // (RFC 3261 §7.3.1); parameter lists are short, so a scan of
                // what came before costs less than any index.
                let earlier = GenericParams { params: &value[..param.start], pos: params_start };
                if generic && earlier.clone().any(|earlier| earlier.name.eq_ignore_ascii_case(param.name)) {
                    return Err(duplicate());
                }
                generic = true;
            }
        }
        end = param.end;
    }

    // What follows must end the value: report stray text (`SIP cause=200`)
    // before a cause that it may be hiding.
    let after = grammar::skip_sws(bytes, end);
    if !matches!(bytes.get(after), None | Some(b',')) {
        return Err(unexpected(value, after, Kind::Trailing));
    }
    let Some((number, cause_at)) = cause else {
        return Err(InvalidReason::new(end, Kind::MissingCause));
    };
    let Some(cause) = ReasonCause::of(protocol, number) else {
        return Err(InvalidReason::new(
            cause_at,
            Kind::CauseOutOfRange { protocol: registered(protocol), cause: number },
        ));
    };
    let params = if generic { &value[params_start..end] } else { "" };
    Ok((Reason { protocol, cause, text, location, params }, end))
}

/// The error for an unexpected character at `at`: a control character there
/// is reported as such, since it is the more serious fault.
fn unexpected(value: &str, at: usize, kind: Kind) -> InvalidReason {
    match grammar::find_control(value, at) {
        Some((found, c)) if found == at => InvalidReason::new(at, Kind::ControlCharacter(c)),
        _ => InvalidReason::new(at, kind),
    }
}

/// Why a text is not a valid [`Reason`] value, and where.
///
/// Its message names the rule of RFC 3326 or RFC 3261 that the value breaks
/// and what would be right.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Reason;
///
/// let error = Reason::parse("Q.850;cause=300").unwrap_err();
/// assert_eq!(error.offset(), 6);
/// assert_eq!(error.cause(), Some(300));
/// assert_eq!(
///     error.to_string(),
///     "the cause 300 at byte 6 is not a Q.850 cause: ITU-T Q.850 defines cause values from 1 to \
///      127; send one of those, such as 16 (normal call clearing)"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidReason {
    offset: usize,
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
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
    /// A cause the protocol does not admit (`u32::MAX` when it overflows).
    CauseOutOfRange { protocol: Option<ReasonProtocol>, cause: u32 },
    /// No `cause` parameter.
    MissingCause,
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
    const fn new(offset: usize, kind: Kind) -> InvalidReason {
        InvalidReason { offset, kind }
    }

    /// The byte offset in the value where it breaks the rule (for the
    /// constructors, in the argument at fault).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    /// assert_eq!(Reason::parse("SIP;cause=200;;text=\"Ok\"").unwrap_err().offset(), 14);
    /// assert_eq!(Reason::parse("SIP").unwrap_err().offset(), 3);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The cause, when it is a number that the protocol does not admit.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    /// assert_eq!(Reason::parse("Q.850;cause=0").unwrap_err().cause(), Some(0));
    /// assert_eq!(Reason::parse("SIP;cause=99").unwrap_err().cause(), Some(99));
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
            Kind::MissingCause => write!(
                f,
                "the reason value ends at byte {offset} without a cause: every protocol of the \
                 IANA Reason Protocols registry (RFC 3326 §2) says what happened through its \
                 cause; add one, as in {EXAMPLE}"
            ),
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
