//! Reading a `Reason` header field value: its parameters (`next_param`),
//! one value (`parse_value`) and the list of them ([`Reasons`]).

use super::error::Kind;
use super::{GenericParams, InvalidReason, Protocol, Reason, ReasonCause, ReasonProtocol};
use crate::grammar::{self, QuotedError, QuotedText};
use crate::q850::Location;

/// A parameter as scanned: where it ends, its name and its value.
pub(super) struct ScannedParam<'a> {
    /// Where the name starts.
    pub(super) start: usize,
    /// Just past the parameter.
    pub(super) end: usize,
    pub(super) name: &'a str,
    /// The value as written, and whether it is a quoted string.
    pub(super) value: Option<(&'a str, bool)>,
    /// Which of `cause`, `text` and `location` it is, if any.
    pub(super) known: Option<Known>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Known {
    Cause,
    Text,
    Location,
}

/// Scans the next `SEMI reason-params` of `value` from `pos`: `Ok(None)` if
/// no `;` follows (the value ends there).
pub(super) fn next_param(value: &str, pos: usize) -> Result<Option<ScannedParam<'_>>, InvalidReason> {
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
    pub(super) list: grammar::ValueList<'a>,
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
pub(super) fn registered(protocol: Protocol<'_>) -> Option<ReasonProtocol> {
    match protocol {
        Protocol::Registered(protocol) => Some(protocol),
        Protocol::Unregistered(_) => None,
    }
}

/// Parses one reason-value starting at `start` (not white space), and returns
/// it with the offset just past it.
pub(super) fn parse_value(value: &str, start: usize) -> Result<(Reason<'_>, usize), InvalidReason> {
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
                Some(number) => cause = Some(number),
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
    // The grammar makes the cause optional and lets it be any number: what
    // the protocol does not define is kept, for `oddities` to report.
    let cause = cause.map(|number| ReasonCause::received(protocol, number));
    let params = if generic { &value[params_start..end] } else { "" };
    Ok((Reason { protocol, cause, text, location, params }, end))
}

/// The error for an unexpected character at `at`: a control character there
/// is reported as such, since it is the more serious fault.
pub(super) fn unexpected(value: &str, at: usize, kind: Kind) -> InvalidReason {
    match grammar::find_control(value, at) {
        Some((found, c)) if found == at => InvalidReason::new(at, Kind::ControlCharacter(c)),
        _ => InvalidReason::new(at, kind),
    }
}
