//! Reading a `Warning` header field value: one value (`parse_value`) and the
//! list of them ([`Warnings`]).

use super::code::three_digits;
use super::error::Kind;
use super::{InvalidWarning, WarnAgent, Warning};
use crate::grammar::{self, QuotedError, QuotedText};

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
    pub(super) list: grammar::ValueList<'a>,
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
pub(super) fn parse_value(value: &str, start: usize) -> Result<(Warning<'_>, usize), InvalidWarning> {
    let bytes = value.as_bytes();

    let code_end = field_end(bytes, start);
    // `warn-code = 3DIGIT` (RFC 3261 §25.1): any three digits; a code SIP
    // does not define is kept, for `Warning::oddity` to report.
    let code = three_digits(&bytes[start..code_end]).map_err(|error| {
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
pub(super) fn unexpected(value: &str, at: usize, kind: Kind) -> InvalidWarning {
    match grammar::find_control(value, at) {
        Some((found, c)) if found == at => InvalidWarning::new(at, Kind::ControlCharacter(c)),
        _ => InvalidWarning::new(at, kind),
    }
}
