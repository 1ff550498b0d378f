//! `sipcode explain`: a log or SIP trace on stdin, read line by line; each
//! line comes back with what it holds: its status lines, and each value of
//! its `Reason` and `Warning` header fields. A stream, so that
//! `tail -f log | sipcode explain` answers as lines arrive.

use std::io::{self, BufRead};

use sip_codes::reason::Protocol;
use sip_codes::{Entry, Reason, ReasonCause, StatusLine, Warning};

use crate::report::{
    CauseRef, ClassReport, CodeReport, Data, Explained, Finding, Flag, LocationReport, Named,
    ReasonCauseReport, StatusRef, WarnCodeReport, cause_class,
};

/// The lines of `input`, explained one at a time.
pub struct Explain<'a> {
    input: &'a mut dyn BufRead,
    number: usize,
}

impl<'a> Explain<'a> {
    /// Reads `input` as it is iterated.
    pub fn new(input: &'a mut dyn BufRead) -> Explain<'a> {
        Explain { input, number: 0 }
    }
}

impl Iterator for Explain<'_> {
    type Item = io::Result<Explained>;

    fn next(&mut self) -> Option<io::Result<Explained>> {
        let mut bytes = Vec::new();
        match self.input.read_until(b'\n', &mut bytes) {
            Ok(0) => None,
            Ok(_) => {
                self.number += 1;
                let findings = findings(self.number, &bytes);
                Some(Ok(Explained { bytes, findings }))
            }
            Err(error) => Some(Err(error)),
        }
    }
}

/// What line `number` holds.
pub fn findings(number: usize, bytes: &[u8]) -> Vec<Finding> {
    // Logs are not always UTF-8: a stray byte must not hide the rest, so the
    // line is read lossily, and each finding keeps its bytes as they were.
    let line = String::from_utf8_lossy(bytes);
    let input = |start: usize, end: usize| {
        let (start, end) = (byte_offset(bytes, start), byte_offset(bytes, end));
        (start + 1, Data::of(&bytes[start..end]))
    };
    let mut found = Vec::new();
    for (at, candidate) in status_lines_in(&line) {
        let text = candidate.trim_end_matches(['\r', '\n']);
        let (column, input) = input(at, at + text.len());
        found.push(status_line(number, column, input, text));
    }
    if let Some((name, value_at)) = header_field(&line) {
        let value = line[value_at..].trim_end_matches(['\r', '\n']);
        let (column, input) = input(value_at, value_at + value.len());
        found.extend(header_values(number, column, &input, name, value));
    }
    found
}

/// The byte of `bytes` where offset `at` of its lossy decoding starts: each
/// run of invalid bytes reads as one U+FFFD, three bytes long.
fn byte_offset(bytes: &[u8], at: usize) -> usize {
    let (mut text, mut raw) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid().len();
        if at <= text + valid {
            return raw + (at - text);
        }
        text += valid;
        raw += valid;
        if !chunk.invalid().is_empty() {
            if at < text + '\u{fffd}'.len_utf8() {
                return raw;
            }
            text += '\u{fffd}'.len_utf8();
            raw += chunk.invalid().len();
        }
    }
    raw
}

/// Where status lines start in `line`, with the text of each: to the end of
/// the line, or to the closing quote when the log quotes it.
fn status_lines_in(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.match_indices("SIP/").filter_map(move |(at, _)| {
        let rest = &line[at..];
        // A status line has a space and a digit after its version. A request
        // line ends with its version, and a Via header continues it with
        // "/UDP", so neither is taken for one.
        let (version, after) = rest.split_once(' ')?;
        if version[4..].contains('/') || !after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let text = match line[..at].chars().next_back() {
            Some(quote @ ('"' | '\'')) => rest.split(quote).next().unwrap_or(rest),
            _ => rest,
        };
        Some((at, text))
    })
}

/// The finding of a status line.
fn status_line(line: usize, column: usize, input: Data, text: &str) -> Finding {
    let status = match StatusLine::parse(text) {
        Ok(status) => status,
        Err(error) => {
            let what = Named { token: "status_line", label: "status line" };
            return Finding::Invalid { line, column, input, what, error: error.to_string() };
        }
    };
    let code = status.code();
    let entry = code.entry();
    let mut flags = Vec::new();
    if entry.is_none() {
        flags.push(Flag::UnknownCode { understood_as: StatusRef::of(code.as_understood()) });
    }
    if let Some(entry) = entry {
        if !status.reason().is_empty() && !status.has_catalogued_reason() {
            flags.push(Flag::NonStandardReason { registered: entry.phrase });
        }
        if let Some(why) = entry.deprecated {
            flags.push(Flag::Deprecated { why });
        }
    }
    Finding::StatusLine {
        line,
        column,
        input,
        code: code.as_u16(),
        reason: status.reason().to_owned(),
        catalogued_reason: status.has_catalogued_reason(),
        class: ClassReport::of(code.class()),
        understood_as: code.as_understood().as_u16(),
        flags,
        entry: entry.map(|entry| Box::new(CodeReport::of(entry))),
    }
}

/// The header field that `line` starts (after white space), if it is
/// `Warning` or `Reason`: its name as written and where its value starts.
fn header_field(line: &str) -> Option<(&str, usize)> {
    let trimmed = line.trim_start();
    let (name, _) = trimmed.split_once(':')?;
    let value_at = line.len() - trimmed.len() + name.len() + 1;
    let name = name.trim_end();
    (name.eq_ignore_ascii_case("Warning") || name.eq_ignore_ascii_case("Reason")).then_some((name, value_at))
}

/// The findings of each value of a `Warning:` or `Reason:` header field.
fn header_values(line: usize, column: usize, input: &Data, name: &str, value: &str) -> Vec<Finding> {
    let invalid = |token, label, error: String| Finding::Invalid {
        line,
        column,
        input: input.clone(),
        what: Named { token, label },
        error,
    };
    if name.eq_ignore_ascii_case("Warning") {
        Warning::parse_all(value)
            .map(|parsed| match parsed {
                Ok(warning) => Finding::Warning {
                    line,
                    column,
                    input: input.clone(),
                    code: WarnCodeReport::of_number(warning.code_number()),
                    agent: warning.agent().to_string(),
                    text: warning.text().to_string(),
                    oddities: warning.oddity().iter().map(ToString::to_string).collect(),
                },
                Err(error) => invalid("warning", "Warning", error.to_string()),
            })
            .collect()
    } else {
        Reason::parse_all(value)
            .map(|parsed| match parsed {
                Ok(reason) => Finding::Reason {
                    line,
                    column,
                    input: input.clone(),
                    protocol: reason.protocol().token().to_owned(),
                    registered: matches!(reason.protocol(), Protocol::Registered(_)),
                    cause: reason_cause(&reason),
                    text: reason.text().map(|text| text.to_string()),
                    oddities: reason.oddities().map(|oddity| oddity.to_string()).collect(),
                },
                Err(error) => invalid("reason", "Reason", error.to_string()),
            })
            .collect()
    }
}

/// The cause of a `Reason` value, and what it means.
fn reason_cause(reason: &Reason) -> ReasonCauseReport {
    let Some(cause) = reason.given_cause() else { return ReasonCauseReport::Missing };
    match cause {
        ReasonCause::Sip(code) => {
            let entry: Option<&Entry> = code.entry();
            ReasonCauseReport::Sip {
                code: code.as_u16(),
                class_digit: code.class().first_digit(),
                phrase: entry.map(|entry| entry.phrase),
                meaning: entry.map(|entry| entry.meaning),
            }
        }
        ReasonCause::Q850(cause) => ReasonCauseReport::Q850 {
            cause: CauseRef::of(cause),
            class: cause_class(cause.class()),
            location: reason
                .location()
                .map(|location| LocationReport { token: location.token(), meaning: location.meaning() }),
        },
        ReasonCause::Other(value) => match reason.protocol() {
            Protocol::Registered(protocol) => ReasonCauseReport::Other {
                value,
                meaning: Some(protocol.cause_meaning()),
                reference: Some(protocol.reference()),
            },
            Protocol::Unregistered(_) => ReasonCauseReport::Other { value, meaning: None, reference: None },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_to_the_bytes_read() {
        let bytes = b"a\xffSIP/2.0 486 Busy\xfe\xfd Here";
        let line = String::from_utf8_lossy(bytes);
        let at = line.find("SIP").unwrap();
        assert_eq!(byte_offset(bytes, at), 2);
        assert_eq!(byte_offset(bytes, line.len()), bytes.len());
        assert_eq!(byte_offset(bytes, 0), 0);
        let found = findings(7, bytes);
        let Finding::StatusLine { line, column, input, code, .. } = &found[0] else { panic!("{found:?}") };
        assert_eq!((*line, *column, *code), (7, 3, 486));
        assert_eq!(*input, Data::Bytes(b"SIP/2.0 486 Busy\xfe\xfd Here".to_vec()));
        let found = findings(1, b"SIP/2.0 180 Ringing\r\n");
        let Finding::StatusLine { input, .. } = &found[0] else { panic!() };
        assert_eq!(*input, Data::Text("SIP/2.0 180 Ringing".to_owned()));
    }
}
