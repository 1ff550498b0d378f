//! The sip-codes workspace's test data, embedded at compile time.
//!
//! Each file of `data/` is a tab-separated table whose first row names its
//! columns; where a row was found or read is in its `source` column (or, for
//! the operators' manual, its `manual` column). `data/README.md` says what each
//! file holds and where it comes from. Tests take the rows through the
//! functions below, so no test reads a file outside the repository and no test
//! reaches into another package with `#[path]`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// Declares one constant per embedded file, with the file name it is found by.
macro_rules! files {
    ($($constant:ident = $file:literal,)*) => {
        $(
            #[doc = concat!("The text of `data/", $file, "`.")]
            pub const $constant: &str = include_str!(concat!("../data/", $file));
        )*

        /// The names of the embedded files.
        pub const FILES: &[&str] = &[$($file),*];

        /// The text of the embedded file `name` (`"status-lines.tsv"`), if there is one.
        pub fn file(name: &str) -> Option<&'static str> {
            match name {
                $($file => Some($constant),)*
                _ => None,
            }
        }
    };
}

files! {
    MANUAL_CODES = "manual-codes.tsv",
    Q850_CAUSES = "q850-causes.tsv",
    Q850_LOCATIONS = "q850-locations.tsv",
    Q850_MAPPING = "q850-mapping.tsv",
    REASON_PROTOCOLS = "reason-protocols.tsv",
    REASON_VALUES = "reason-values.tsv",
    REQUIRED_HEADERS = "required-headers.tsv",
    RFC3665_MESSAGES = "rfc3665-messages.txt",
    RFC4475_RESPONSES = "rfc4475-responses.txt",
    STATUS_LINES = "status-lines.tsv",
    WARN_CODES = "warn-codes.tsv",
    WARNING_VALUES = "warning-values.tsv",
}

/// The rows of the embedded table `name`, each split at its tabs, the header
/// row skipped.
///
/// # Panics
///
/// If no file of `data/` is called `name`: a test asking for a missing table
/// is a defect of the test.
pub fn table(name: &str) -> Vec<Vec<&'static str>> {
    let text = file(name).unwrap_or_else(|| panic!("data/{name} is not embedded: add it to `files!`"));
    text.lines().skip(1).map(|row| row.split('\t').collect()).collect()
}

/// The `(code, phrase)` rows of the operators' manual of 2015, the phrase as
/// the manual spells it (typos included: the registry and the RFCs win).
pub fn manual_rows() -> Vec<(u16, &'static str)> {
    table("manual-codes.tsv")
        .into_iter()
        .map(|row| (row[0].parse().expect("manual-codes.tsv: a three-digit code"), row[1]))
        .collect()
}

/// The status lines of `status-lines.tsv`, exactly as sent (a trailing space
/// is part of the line).
pub fn status_lines() -> Vec<&'static str> {
    table("status-lines.tsv").into_iter().map(|row| row[0]).collect()
}

/// The rows of a header-value table (`reason-values.tsv`,
/// `warning-values.tsv`) as `(value, notes)`, with the four characters `\r\n`
/// that mark a folded line turned into a real CRLF and `\t` into a tab.
pub fn header_values(name: &str) -> Vec<(String, &'static str)> {
    table(name)
        .into_iter()
        .map(|row| (row[0].replace("\\r\\n", "\r\n").replace("\\t", "\t"), row.get(3).copied().unwrap_or("")))
        .collect()
}

/// A whole SIP message of an RFC, as the RFC prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Where it is printed: `RFC 3665 §3.1 F2 180 Ringing Bob -> Alice`.
    pub source: &'static str,
    /// The message, each line ended by CRLF, the body after an empty line.
    pub text: String,
}

impl Message {
    /// The start line, the header fields as `(name, value)` with folded
    /// lines joined by a space (RFC 3261 §7.3.1), and the body.
    pub fn parts(&self) -> (&str, Vec<(&str, String)>, &str) {
        let (head, body) = self.text.split_once("\r\n\r\n").unwrap_or((&self.text, ""));
        let mut lines = head.split("\r\n");
        let start = lines.next().unwrap_or("");
        let mut fields: Vec<(&str, String)> = Vec::new();
        for line in lines {
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
            } else if let Some((name, value)) = line.split_once(':') {
                fields.push((name.trim(), value.trim().to_owned()));
            }
        }
        (start, fields, body)
    }
}

/// The messages of a message file (`rfc3665-messages.txt`,
/// `rfc4475-responses.txt`): after the `#` comments, blocks that each open
/// with a line `=== <source>`.
pub fn messages(name: &str) -> Vec<Message> {
    let text = file(name).unwrap_or_else(|| panic!("data/{name} is not embedded: add it to `files!`"));
    let mut messages: Vec<Message> = Vec::new();
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        match line.strip_prefix("=== ") {
            Some(source) => messages.push(Message { source, text: String::new() }),
            None => {
                let message = messages.last_mut().expect("a message file opens with a === line");
                message.text.push_str(line);
                message.text.push_str("\r\n");
            }
        }
    }
    messages
}

/// The responses among the messages of `name`.
pub fn responses(name: &str) -> Vec<Message> {
    messages(name).into_iter().filter(|message| message.text.starts_with("SIP/2.0 ")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_rows_of_its_header_width_or_fewer() {
        // Ten tables and the two message files.
        assert_eq!(FILES.len(), 12);
        for name in FILES.iter().filter(|name| name.ends_with(".tsv")) {
            let text = file(name).unwrap();
            let width = text.lines().next().unwrap().split('\t').count();
            let rows = table(name);
            assert!(!rows.is_empty(), "{name} has rows");
            for row in rows {
                assert!(row.len() <= width && row.len() >= 2, "{name}: {row:?}");
            }
        }
        assert_eq!(file("nothing.tsv"), None);
    }

    /// The body of each message is as long as its Content-Length says (186
    /// bodies, 0 to 979 bytes): the copy lost no line and no page break of
    /// the RFC crept in.
    #[test]
    fn every_message_is_whole() {
        let mut all = messages("rfc3665-messages.txt");
        all.extend(messages("rfc4475-responses.txt"));
        assert_eq!(all.len(), 181 + 5);
        for message in &all {
            let (head, body) = message.text.split_once("\r\n\r\n").unwrap_or((&message.text, ""));
            let length = head
                .split("\r\n")
                .find_map(|line| line.strip_prefix("Content-Length:"))
                .map(|value| value.trim().parse::<usize>().unwrap());
            // Over UDP, Content-Length may be left out (RFC 3261 §20.14): the body is then empty here.
            assert_eq!(length.unwrap_or(0), body.len(), "{}", message.source);
            assert!(message.source.starts_with("RFC 3665 §") || message.source.starts_with("RFC 4475 §"));
        }
        assert_eq!(responses("rfc4475-responses.txt").len(), 5);
        // Folded lines join their field: RFC 3665's Via with `;received=` on the next line.
        let all = messages("rfc3665-messages.txt");
        let ringing = all.iter().find(|message| message.source.starts_with("RFC 3665 §3.1 F2")).unwrap();
        let (start, fields, body) = ringing.parts();
        assert_eq!(start, "SIP/2.0 180 Ringing");
        assert_eq!(fields[0].0, "Via");
        assert!(fields[0].1.ends_with("branch=z9hG4bK74bf9 ;received=192.0.2.101"), "{}", fields[0].1);
        assert_eq!((fields.len(), body), (7, ""));
        assert_eq!(responses("rfc3665-messages.txt").len(), 92);
    }

    #[test]
    fn the_manual_lists_seventy_codes_with_a_phrase_each() {
        let rows = manual_rows();
        assert_eq!(rows.len(), 70);
        // 100 to 699, and one stack-local 701 (a vendor's, not registered).
        assert!(rows.iter().all(|(code, phrase)| (100..702).contains(code) && !phrase.is_empty()));
    }
}
