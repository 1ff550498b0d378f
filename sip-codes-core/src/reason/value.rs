use core::fmt;

use super::error::Kind;
use super::parse::{Reasons, next_param, parse_value, registered, unexpected};
use super::{InvalidReason, ReasonOddity, ReasonProtocol};
use crate::StatusCode;
use crate::grammar::{self, QuotedText};
use crate::q850::{Cause, Location};
use crate::rules::WIRE_CODES;

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
/// others (see [`ReasonCause`]). Parsing takes what the grammar allows and
/// reports what the protocol does not define through
/// [`oddities`](Reason::oddities); the table below says what each value
/// yields.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::reason::Protocol;
/// use sip_codes::{Reason, ReasonCause, ReasonProtocol, StatusCode};
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
/// | no `cause` (`SIP`, `SIP;text="x"`) | a [`Reason`] without [`given_cause`](Reason::given_cause), odd: [`ReasonOddity::MissingCause`] | `reason-value = protocol *(SEMI reason-params)` makes every parameter optional (RFC 3326 §2); each protocol is defined by what its cause holds, so the value tells little |
/// | a `SIP` cause outside 100 to 699 (`cause=800`, `cause=0`), a `Q.850` cause outside 1 to 127 | kept as [`ReasonCause::Other`], odd: [`ReasonOddity::UndefinedCause`] | `cause = 1*DIGIT` allows any number; RFC 3326 §2 gives SIP a status code (100 to 699 on the wire, RFC 3261 §7.2) and Q.850 its cause values |
/// | a cause above 4294967295 | error | grammatical, but larger than any cause a registry defines; refused rather than cut |
/// | an empty or non-numeric cause (`cause=`, `cause=abc`) | error | `cause = 1*DIGIT`; `cause=abc` would also read as a `generic-param`, but the parameter named `cause` has its own rule, which it breaks, and an empty value is no `gen-value` at all (RFC 3261 §25.1) |
/// | an unquoted `text` (`text=address changed`), or `text` without a value | error | `reason-text = "text" EQUAL quoted-string`; as for `cause`, the named rule governs |
/// | a `location` that is not one of RFC 8606's tokens (`U`, `LN`, …, `LOC-15`) | error | RFC 8606 §4 gives every Q.850 location a token, and only those |
/// | a `location` on a protocol other than `Q.850` (`SIP;cause=480;location=LN`) | kept, odd: [`ReasonOddity::LocationWithoutQ850`] | RFC 8606 §4 restricts it to Q.850 causes; a receiver ignores it elsewhere |
/// | an unterminated quoted text | error | the closing DQUOTE is part of `quoted-string` |
/// | other parameters (`;foo=bar;flag`) | kept, in order, by [`Reason::params`] | `reason-extension = generic-param` |
/// | a parameter given twice (`;cause=1;cause=2`) | error | `*(SEMI reason-params)` repeats freely, but a parameter name MUST NOT appear more than once (§7.3.1), and a receiver could not tell which value holds |
/// | an empty parameter (`;;`, a trailing `;`) or text where `;` belongs (`SIP cause=200`) | error | `SEMI` must be followed by a parameter |
/// | a control character other than HTAB, raw or escaped, outside a folded line | error | CR or LF would let the rest pass for a header field of the sender's choosing; the grammar does admit other controls escaped (`quoted-pair`, RFC 3261 §25.1) and C1 controls as UTF-8, refused on purpose so that every text that parses can be shown and sent on |
///
/// Several values with the same protocol are all yielded: RFC 3326 §2 (as
/// updated by RFC 9366) allows them only where the protocol defines what
/// they mean, a rule about the whole message that a caller can check.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::reason::ReasonOddity;
/// use sip_codes::{Reason, ReasonCause};
///
/// let value = "Q.850 ;cause=16 ;text=\"Terminated\"\r\n ,,SIP ; cause = 600 ;text\t\r\n =  \"Busy Everywhere\"";
/// let causes: Vec<u32> = Reason::parse_all(value).map(|r| r.map(|r| r.cause().as_u32())).collect::<Result<_, _>>()?;
/// assert_eq!(causes, [16, 600]);
///
/// assert_eq!(Reason::parse("X-Vendor;cause=7")?.cause(), ReasonCause::Other(7));
/// assert!(Reason::parse(r#""nSIP";cause=200;text="Ok""#).is_err());
///
/// let bare = Reason::parse("SIP")?;
/// assert_eq!((bare.given_cause(), bare.oddities().next()), (None, Some(ReasonOddity::MissingCause)));
/// let q850 = Reason::parse("Q.850;cause=128")?;
/// assert_eq!(q850.given_cause(), Some(ReasonCause::Other(128)));
/// assert_eq!(q850.oddities().count(), 1);
///
/// assert!(Reason::parse("SIP;cause=").is_err());
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
/// The constructors stay strict: they take only a cause the protocol
/// admits, so a value built to send has no [`oddities`](Reason::oddities)
/// but a location given to a protocol other than Q.850.
/// Whatever a `Reason` holds, received or built, parsing what it displays
/// gives an equal `Reason` back.
#[derive(Clone, Copy, Debug)]
pub struct Reason<'a> {
    pub(super) protocol: Protocol<'a>,
    /// `None` only for a value received without a cause.
    pub(super) cause: Option<ReasonCause>,
    pub(super) text: Option<QuotedText<'a>>,
    pub(super) location: Option<Location>,
    /// The parameter list as received (`;cause=16 ;text="x";foo`), from which
    /// `params` reads the generic parameters; empty when there are none, as
    /// for a value built to send, so that formatting need not scan it.
    pub(super) params: &'a str,
}

/// The protocol of a [`Reason`] value: registered, or kept as written.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::reason::Protocol;
/// use sip_codes::{Reason, ReasonProtocol};
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
    /// use sip_codes::ReasonProtocol;
    /// use sip_codes::reason::Protocol;
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
    pub(super) fn of(token: &'a str) -> Protocol<'a> {
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
    /// The cause of any other protocol, registered or not, as a number; and,
    /// in a received value only, a number that `SIP` or `Q.850` does not
    /// define as a cause (see [`ReasonOddity::UndefinedCause`]).
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

    /// The cause `number` of `protocol` as received: typed if the protocol
    /// admits it, else kept as a number (see [`Reason::oddities`]).
    pub(super) fn received(protocol: Protocol<'_>, number: u32) -> ReasonCause {
        ReasonCause::of(protocol, number).unwrap_or(ReasonCause::Other(number))
    }

    /// The cause `number` of `protocol`, if the protocol admits it: the
    /// rule for a value to send.
    pub(super) fn of(protocol: Protocol<'_>, number: u32) -> Option<ReasonCause> {
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
/// use sip_codes::Reason;
/// use sip_codes::reason::GenericParam;
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
    pub(super) params: &'a str,
    pub(super) pos: usize,
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
            cause: Some(ReasonCause::Q850(cause)),
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
        Ok(Reason { protocol, cause: Some(cause), text: None, location: None, params: "" })
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
        if let Some((at, c)) = grammar::first_control_char(text) {
            return Err(InvalidReason::new(at, Kind::ControlCharacter(c)));
        }
        Ok(Reason { text: Some(QuotedText::plain(text)), ..self })
    }

    /// The same reason with a `location`: where the Q.850 cause arose,
    /// written as its RFC 8606 token. RFC 8606 §4 gives it to Q.850 causes
    /// only; on another protocol the value carries
    /// [`ReasonOddity::LocationWithoutQ850`] and receivers ignore it.
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

    /// The cause, typed by the protocol; [`given_cause`](Reason::given_cause)
    /// for a value that may have been received without one.
    ///
    /// A value received without a cause gives `ReasonCause::Other(0)` here,
    /// which no value built to send can hold (every constructor asks for a
    /// cause the protocol admits) and which [`Reason::oddities`] reports as
    /// [`ReasonOddity::MissingCause`]. It is kept so that code written when
    /// every value had a cause goes on compiling; new code should match on
    /// [`given_cause`](Reason::given_cause).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Reason, ReasonCause, StatusCode};
    /// assert_eq!(Reason::parse("SIP;cause=200")?.cause(), ReasonCause::Sip(StatusCode::OK));
    /// assert_eq!(Reason::parse("SIP;cause=800")?.cause(), ReasonCause::Other(800));
    /// assert_eq!(Reason::parse("SIP")?.cause(), ReasonCause::Other(0));
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub const fn cause(&self) -> ReasonCause {
        match self.cause {
            Some(cause) => cause,
            None => ReasonCause::Other(0),
        }
    }

    /// The cause, typed by the protocol, or `None` for a value received
    /// without one: RFC 3326 §2 makes every parameter optional.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Reason, ReasonCause, q850::Cause};
    /// assert_eq!(Reason::parse("Q.850;cause=17")?.given_cause(), Some(ReasonCause::Q850(Cause::USER_BUSY)));
    /// assert_eq!(Reason::parse(r#"SIP;text="address changed""#)?.given_cause(), None);
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub const fn given_cause(&self) -> Option<ReasonCause> {
        self.cause
    }

    /// What is odd in a received value: what its grammar allows but its
    /// protocol does not define (see [`ReasonOddity`]). For a value built
    /// to send, only a location on a protocol other than Q.850.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Reason;
    /// use sip_codes::reason::ReasonOddity;
    ///
    /// let odd: Vec<ReasonOddity> = Reason::parse("SIP;location=LN")?.oddities().collect();
    /// assert_eq!(odd, [ReasonOddity::MissingCause, ReasonOddity::LocationWithoutQ850]);
    /// assert_eq!(Reason::parse("Q.850;cause=16;location=LN")?.oddities().count(), 0);
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub fn oddities(&self) -> ReasonOddities {
        let cause = match (self.protocol, self.cause) {
            (_, None) => Some(ReasonOddity::MissingCause),
            (
                Protocol::Registered(protocol @ (ReasonProtocol::Sip | ReasonProtocol::Q850)),
                Some(ReasonCause::Other(cause)),
            ) => Some(ReasonOddity::UndefinedCause { protocol, cause }),
            _ => None,
        };
        let q850 = self.protocol == Protocol::Registered(ReasonProtocol::Q850);
        let location = (self.location.is_some() && !q850).then_some(ReasonOddity::LocationWithoutQ850);
        ReasonOddities { oddities: [cause, location], next: 0 }
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
        if let Some(cause) = self.cause {
            grammar::write_decimal_after(f, ";cause=", cause.as_u32())?;
        }
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

/// The oddities of a [`Reason`] value, from [`Reason::oddities`]: at most one
/// about its cause, then at most one about its location.
#[derive(Clone, Copy, Debug)]
pub struct ReasonOddities {
    oddities: [Option<ReasonOddity>; 2],
    next: usize,
}

impl Iterator for ReasonOddities {
    type Item = ReasonOddity;

    fn next(&mut self) -> Option<ReasonOddity> {
        while let Some(slot) = self.oddities.get(self.next) {
            self.next += 1;
            if slot.is_some() {
                return *slot;
            }
        }
        None
    }
}

impl core::iter::FusedIterator for ReasonOddities {}
