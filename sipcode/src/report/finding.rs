//! What `sipcode explain` finds in a log: one [`Finding`] per status line,
//! and per value of a `Reason` or `Warning` header field.
//!
//! Strings here come from the input, which is hostile: the renderers escape
//! them (HTML) or make their control characters visible (text).

use serde::{Serialize, Serializer};

use super::Named;
use super::code::{ClassReport, CodeReport};
use super::q850::{CauseRef, StatusRef};
use super::warning::WarnCodeReport;

/// One thing `explain` found, tagged by `type` in JSON. `line` counts from 1,
/// `column` is the byte of the line where the text starts, from 1, and
/// `input` is that text exactly as read ([`Data`]).
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Finding {
    /// A status line: `SIP/2.0 486 Busy Here`.
    StatusLine {
        /// The line it is on.
        line: usize,
        /// Where it starts.
        column: usize,
        /// The status line as read.
        input: Data,
        /// Its code.
        code: u16,
        /// Its reason phrase, as written.
        reason: String,
        /// Whether the phrase is the registered one or a known alias.
        catalogued_reason: bool,
        /// The class of its code.
        class: ClassReport,
        /// What a UAC acts on (RFC 3261 §8.1.3.2): the code itself when catalogued.
        understood_as: u16,
        /// What is odd about it.
        flags: Vec<Flag>,
        /// The code's row, if catalogued (boxed: the other findings are small).
        entry: Option<Box<CodeReport>>,
    },
    /// A `Reason` header field value (RFC 3326).
    Reason {
        /// The line it is on.
        line: usize,
        /// Where the header field's value starts.
        column: usize,
        /// The header field's value as read.
        input: Data,
        /// The protocol, as written: `"Q.850"`.
        protocol: String,
        /// Whether the IANA Reason Protocols registry has it.
        registered: bool,
        /// The cause and what it means.
        cause: ReasonCauseReport,
        /// Its `text` parameter.
        text: Option<String>,
        /// What the grammar allows but the RFCs do not define, each a sentence
        /// with its section: a missing cause, a SIP cause that is no status code.
        oddities: Vec<String>,
    },
    /// A `Warning` header field value (RFC 3261 §20.43).
    Warning {
        /// The line it is on.
        line: usize,
        /// Where the header field's value starts.
        column: usize,
        /// The header field's value as read.
        input: Data,
        /// Its warn-code.
        code: WarnCodeReport,
        /// Who added it.
        agent: String,
        /// Its warn-text, unquoted.
        text: String,
        /// What the grammar allows but SIP does not define: a warn-code outside 3xx.
        oddities: Vec<String>,
    },
    /// Text that looks like a status line or a header value but is not one.
    Invalid {
        /// The line it is on.
        line: usize,
        /// Where it starts.
        column: usize,
        /// The text as read.
        input: Data,
        /// `"status_line"`, `"reason"` or `"warning"`.
        what: Named,
        /// Why it is not valid.
        error: String,
    },
}

/// What is odd about a valid status line.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Flag {
    /// The code is not registered; a UAC treats it as `understood_as`.
    UnknownCode {
        /// The x00 code of its class.
        understood_as: StatusRef,
    },
    /// The reason phrase is not the registered one.
    NonStandardReason {
        /// The registered phrase.
        registered: &'static str,
    },
    /// The code is deprecated.
    Deprecated {
        /// Why.
        why: &'static str,
    },
}

/// The cause of a `Reason` value, by its protocol.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReasonCauseReport {
    /// Protocol `SIP`: a status code.
    Sip {
        /// The code.
        code: u16,
        /// Its class's first digit.
        class_digit: u8,
        /// Its phrase, if catalogued.
        phrase: Option<&'static str>,
        /// Its meaning, if catalogued.
        meaning: Option<&'static str>,
    },
    /// Protocol `Q.850`: a cause, and where it arose.
    Q850 {
        /// The cause.
        cause: CauseRef,
        /// Its class.
        class: Named,
        /// The `location` parameter: `{"token":"LN","meaning":…}`.
        location: Option<LocationReport>,
    },
    /// No `cause` parameter: RFC 3326 §2's grammar allows it, and the value
    /// says nothing of why.
    Missing,
    /// Any other protocol, or a cause its protocol does not define.
    Other {
        /// The cause, as a number.
        value: u32,
        /// What the registry says its causes are; `None` when unregistered.
        meaning: Option<&'static str>,
        /// Where the registry's entry is written; `None` when unregistered.
        reference: Option<&'static str>,
    },
}

/// A Q.850 location: `{"token":"LN","meaning":"public network serving the local user"}`.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct LocationReport {
    /// As RFC 6432 writes it.
    pub token: &'static str,
    /// What it says.
    pub meaning: &'static str,
}

/// Input as read, without loss: `{"text":"…"}` when it is UTF-8, otherwise
/// `{"bytes":"…"}` in base64 (as ripgrep's `--json` does). The parsed strings
/// of a finding read invalid bytes as U+FFFD; this keeps the original.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Data {
    /// UTF-8 text.
    Text(String),
    /// Anything else, base64 in JSON.
    Bytes(#[serde(serialize_with = "base64_data")] Vec<u8>),
}

impl Data {
    /// `bytes`, as text when they are UTF-8.
    pub fn of(bytes: &[u8]) -> Data {
        match std::str::from_utf8(bytes) {
            Ok(text) => Data::Text(text.to_owned()),
            Err(_) => Data::Bytes(bytes.to_vec()),
        }
    }
}

/// `bytes` as a base64 string.
fn base64_data<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&base64(bytes))
}

/// Standard base64 with padding (RFC 4648 §4).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, byte)| n | u32::from(*byte) << (16 - 8 * i));
        for i in 0..4 {
            let sextet = if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] } else { b'=' };
            text.push(char::from(sextet));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::Data;

    #[test]
    fn bytes_are_base64_and_text_stays_text() {
        let json = |bytes: &[u8]| serde_json::to_string(&Data::of(bytes)).unwrap();
        assert_eq!(json(b"SIP/2.0 486"), r#"{"text":"SIP/2.0 486"}"#);
        // RFC 4648 §10's vectors, made invalid UTF-8 by a leading 0xff.
        assert_eq!(json(b"\xff"), r#"{"bytes":"/w=="}"#);
        assert_eq!(json(b"\xfffo"), r#"{"bytes":"/2Zv"}"#);
        assert_eq!(json(b"\xfffoo"), r#"{"bytes":"/2Zvbw=="}"#);
        assert_eq!(json(b"\xfffoob"), r#"{"bytes":"/2Zvb2I="}"#);
    }
}
