//! `QuotedText`: the text of a `quoted-string` (RFC 3261 §25.1), as the
//! header values hand it out.

use core::fmt;

/// The text of a `quoted-string`, borrowed from the header value: what
/// [`Warning::text`](crate::Warning::text) and
/// [`Reason::text`](crate::Reason::text) return.
///
/// A received text is kept as written between its quotes, with its escapes
/// (`\"`, `\\`); [`chars`](QuotedText::chars) and [`Display`](fmt::Display)
/// give the text they stand for. A folded line break inside the quotes is
/// unfolded: the CRLF goes, the white space around it stays (RFC 3261 §7.3.1
/// gives folding the meaning of a space). Two texts are equal when they stand
/// for the same characters, however they were escaped.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Warning;
///
/// let warning = Warning::parse(r#"399 [::1]:39999 "foo\" bar""#)?;
/// let text = warning.text();
/// assert_eq!(text.as_written(), r#"foo\" bar"#);
/// assert_eq!(text.to_string(), r#"foo" bar"#);
/// assert_eq!(text, r#"foo" bar"#);
/// assert_eq!(text.as_str(), None); // it has an escape: use chars() or Display
/// # Ok::<(), sip_codes::InvalidWarning>(())
/// ```
#[derive(Clone, Copy)]
pub struct QuotedText<'a> {
    /// The text as written between the quotes, or the plain text to send.
    text: &'a str,
    /// Whether `text` is written with escapes and folds (received), or plain
    /// (given to a constructor, to be escaped when formatted).
    written: bool,
}

impl<'a> QuotedText<'a> {
    /// A text as written between the quotes of a quoted-string that
    /// [`scan_quoted`](super::scan_quoted) accepted.
    pub(crate) const fn written(text: &'a str) -> QuotedText<'a> {
        QuotedText { text, written: true }
    }

    /// A plain text, checked by the caller to hold no control character
    /// other than HTAB.
    pub(crate) const fn plain(text: &'a str) -> QuotedText<'a> {
        QuotedText { text, written: false }
    }

    /// The text between the quotes exactly as received, escapes included; for
    /// a text built to send, the text itself.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// let reason = sip_codes::Reason::parse(r#"SIP;cause=200;text="a \"b\"""#)?;
    /// assert_eq!(reason.text().unwrap().as_written(), r#"a \"b\""#);
    /// # Ok::<(), sip_codes::InvalidReason>(())
    /// ```
    pub const fn as_written(&self) -> &'a str {
        self.text
    }

    /// The text as one borrowed string, when it needs no unescaping: `None`
    /// if it holds an escape or a folded line break.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// let warning = sip_codes::Warning::parse(r#"307 isi.edu "Session parameter 'foo' not understood""#)?;
    /// assert_eq!(warning.text().as_str(), Some("Session parameter 'foo' not understood"));
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub fn as_str(&self) -> Option<&'a str> {
        let plain = !self.written || !self.text.bytes().any(|b| matches!(b, b'\\' | b'\r'));
        plain.then_some(self.text)
    }

    /// The characters the text stands for: escapes resolved, folds unfolded.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// let warning = sip_codes::Warning::parse(r#"399 host "a\\b""#)?;
    /// assert!(warning.text().chars().eq(r"a\b".chars()));
    /// # Ok::<(), sip_codes::InvalidWarning>(())
    /// ```
    pub fn chars(&self) -> impl Iterator<Item = char> + 'a {
        let mut chars = self.text.chars();
        let written = self.written;
        core::iter::from_fn(move || {
            loop {
                let c = chars.next()?;
                if !written {
                    return Some(c);
                }
                match c {
                    '\\' => return chars.next(),
                    // Only a fold scans: CRLF then a space or tab, which stays.
                    '\r' => {
                        chars.next();
                        continue;
                    }
                    c => return Some(c),
                }
            }
        })
    }

    /// Writes `before` and the text as a quoted-string, quotes included: as
    /// received, or with `"` and `\` escaped. `before` and the opening quote
    /// go in one piece, since formatting is mostly the number of pieces.
    pub(crate) fn write_quoted(&self, f: &mut fmt::Formatter<'_>, before: &str) -> fmt::Result {
        match before {
            " " => f.write_str(" \"")?,
            ";text=" => f.write_str(";text=\"")?,
            _ => {
                f.write_str(before)?;
                f.write_str("\"")?;
            }
        }
        if self.written {
            f.write_str(self.text)?;
        } else {
            let mut rest = self.text;
            while let Some(at) = rest.find(['"', '\\']) {
                f.write_str(&rest[..at])?;
                f.write_str("\\")?;
                f.write_str(&rest[at..at + 1])?;
                rest = &rest[at + 1..];
            }
            f.write_str(rest)?;
        }
        f.write_str("\"")
    }
}

/// The text it stands for, unescaped and unfolded.
impl fmt::Display for QuotedText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = self.as_str() {
            return f.write_str(text);
        }
        self.chars().try_for_each(|c| fmt::Write::write_char(f, c))
    }
}

/// The text as a quoted-string, as it would be written.
impl fmt::Debug for QuotedText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_quoted(f, "")
    }
}

impl PartialEq for QuotedText<'_> {
    fn eq(&self, other: &QuotedText<'_>) -> bool {
        self.chars().eq(other.chars())
    }
}

impl Eq for QuotedText<'_> {}

impl PartialEq<str> for QuotedText<'_> {
    fn eq(&self, other: &str) -> bool {
        self.chars().eq(other.chars())
    }
}

impl PartialEq<&str> for QuotedText<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.chars().eq(other.chars())
    }
}
