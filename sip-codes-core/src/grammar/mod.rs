//! The basic rules of RFC 3261 §25.1 that the wire parsers share
//! (`StatusLine`, `Warning`, `Reason`): tokens, linear white space, control
//! characters, quoted strings, numbers, line ends. Each is written once, here,
//! and works on bytes so that it needs no allocation. The rules are always
//! on, because `StatusLine` is; what only the header values use sits in
//! `quoted`, `list` and `host`, behind `headers`.

#[cfg(feature = "headers")]
mod host;
#[cfg(feature = "headers")]
mod list;
#[cfg(feature = "headers")]
mod quoted;

#[cfg(feature = "headers")]
pub(crate) use host::{is_hostname, is_ipv4, is_ipv6_reference};
#[cfg(feature = "headers")]
pub(crate) use list::{ValueList, parse_one};
#[cfg(feature = "headers")]
pub use quoted::QuotedText;

use core::fmt;

/// `token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")`
/// (RFC 3261 §25.1).
#[inline]
pub(crate) const fn is_token_byte(byte: u8) -> bool {
    CLASSES[byte as usize] & TOKEN != 0
}

/// The length of the token that starts at `pos` (0 if there is none).
#[inline]
pub(crate) fn token_len(bytes: &[u8], pos: usize) -> usize {
    bytes.get(pos..).map_or(0, |rest| rest.iter().take_while(|&&b| is_token_byte(b)).count())
}

/// A byte of `token`.
const TOKEN: u8 = 1;
/// A byte that needs a closer look in free text: an ASCII control (HTAB
/// included), DEL, or 0xC2, the lead byte of the C1 controls.
const SPECIAL: u8 = 2;
/// A byte that needs a closer look in a quoted string: `SPECIAL`, `"` or `\`.
const QUOTED_SPECIAL: u8 = 4;

/// The classes of every byte, built at compile time so that each scanning
/// loop makes one load a byte.
const CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'!' | b'%' | b'*' | b'_' | b'+' | b'`' | b'\'' | b'~')
        {
            classes[b] |= TOKEN;
        }
        if byte < 0x20 || byte == 0x7F || byte == 0xC2 {
            classes[b] |= SPECIAL | QUOTED_SPECIAL;
        }
        if byte == b'"' || byte == b'\\' {
            classes[b] |= QUOTED_SPECIAL;
        }
        b += 1;
    }
    classes
};

/// Whether `text` is one whole token.
pub(crate) fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(is_token_byte)
}

/// Skips `SWS = [LWS]`, `LWS = [*WSP CRLF] 1*WSP`, from `pos`: spaces, tabs
/// and folded line breaks (a CRLF followed by a space or tab). A CR or LF
/// that does not fold the line stops it, for the caller to refuse.
#[inline]
pub(crate) fn skip_sws(bytes: &[u8], mut pos: usize) -> usize {
    loop {
        match bytes.get(pos..) {
            Some([b' ' | b'\t', ..]) => pos += 1,
            Some([b'\r', b'\n', b' ' | b'\t', ..]) => pos += 3,
            _ => return pos,
        }
    }
}

/// The first character at or after `pos` that may not stand in a header value,
/// with its offset: a control character other than HTAB, unless it is the
/// CRLF of a folded line. RFC 3261 §25.1 admits controls only as LWS (and,
/// escaped, inside quoted strings; see [`scan_quoted`]).
pub(crate) fn find_control(text: &str, pos: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = pos;
    loop {
        i += plain_run(&bytes[i.min(bytes.len())..], false);
        match bytes.get(i..)? {
            [b'\r', b'\n', b' ' | b'\t', ..] => i += 3,
            [b'\t', ..] => i += 1,
            rest => match control_at(rest) {
                Some(c) => return Some((i, c)),
                // 0xC2 starting a character that is not a C1 control.
                None => i += 1,
            },
        }
    }
}

/// The first character of `text` that may not stand in SIP text, with its
/// byte offset: a control character other than HTAB. RFC 3261 §25.1 builds
/// Reason-Phrase, `Reason;text=` and the warn-text from printable text, UTF-8,
/// SP and HTAB; a CR or LF would end the line early and let the rest pass for
/// header fields. Unlike `find_control`, no fold is admitted: this is the
/// rule for one line (a status line) and for a text to send.
pub fn first_control_char(text: &str) -> Option<(usize, char)> {
    // `char::is_control` is Unicode's Cc: U+0000–U+001F, U+007F and the C1
    // controls U+0080–U+009F, whose UTF-8 form always starts 0xC2. So the
    // bytes tell, without decoding a character (status lines are read per
    // message of a capture).
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes[from..].iter().position(|&b| b < 0x20 || b == 0x7F || b == 0xC2) {
        let at = from + offset;
        if let Some(control) = control_at(&bytes[at..]) {
            return Some((at, control));
        }
        // HTAB, or 0xC2 leading a character that is no control; the next
        // byte is never one the search stops at inside a character.
        from = at + 1;
    }
    None
}

/// The offset of the first `byte` in `bytes` at or after `from`: eight bytes
/// at a time in a plain register, as header values are too short (20 to 80
/// bytes) for a vector search's setup to pay.
#[inline]
pub fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let needle = u64::from_ne_bytes([byte; 8]);
    let mut chunks = bytes.get(from..)?.chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        // A zero byte of `word ^ needle` is a match; the lowest high bit set
        // marks the first zero byte exactly (a borrow only marks bytes above
        // a zero one).
        let x = u64::from_le_bytes(word) ^ needle;
        let zeros = x.wrapping_sub(ONES) & !x & HIGHS;
        if zeros != 0 {
            return Some(at + (zeros.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks.remainder().iter().position(|&b| b == byte).map(|offset| at + offset)
}

/// `str::trim`, with no work when the text ends on printable ASCII at both
/// ends (as header values nearly always do).
pub(crate) fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        [only] if only.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// How many bytes at the start of `bytes` need no closer look: anything but
/// ASCII controls (HTAB included), the lead byte 0xC2 of the C1 controls
/// and, in a quoted string, `"` and `\`. Multi-byte characters pass byte by
/// byte: their bytes are all 0x80 or above, and only 0xC2 can start a C1
/// control (U+0080 to U+009F), so the text stays valid UTF-8 at each stop.
#[inline]
fn plain_run(bytes: &[u8], quoted: bool) -> usize {
    let class = if quoted { QUOTED_SPECIAL } else { SPECIAL };
    bytes.iter().position(|&b| CLASSES[b as usize] & class != 0).unwrap_or(bytes.len())
}

/// The control character that `bytes` starts with, if any (other than HTAB).
#[inline]
fn control_at(bytes: &[u8]) -> Option<char> {
    match bytes {
        [b'\t', ..] => None,
        [b, ..] if *b < 0x20 || *b == 0x7F => Some(char::from(*b)),
        [0xC2, b @ 0x80..=0x9F, ..] => char::from_u32(u32::from(*b)),
        _ => None,
    }
}

/// Why a quoted string does not scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QuotedError {
    /// No closing DQUOTE: the text ends first.
    Unterminated,
    /// A control character (other than HTAB or a fold), raw or escaped, at this offset.
    Control(usize, char),
}

/// Scans `quoted-string = SWS DQUOTE *(qdtext / quoted-pair) DQUOTE` from the
/// opening quote at `open` (RFC 3261 §25.1) and returns the offset just past
/// the closing quote.
///
/// Controls are refused even where the grammar admits them escaped
/// (`quoted-pair` takes %x00-09, %x0B-0C, %x0E-7F): a text that parses must
/// be a text one may send and log, and formatting refuses them too.
pub(crate) fn scan_quoted(text: &str, open: usize) -> Result<usize, QuotedError> {
    let bytes = text.as_bytes();
    debug_assert_eq!(bytes.get(open), Some(&b'"'));
    let mut i = open + 1;
    loop {
        i += plain_run(&bytes[i.min(bytes.len())..], true);
        match bytes.get(i..) {
            None | Some([]) | Some([b'\\']) => return Err(QuotedError::Unterminated),
            Some([b'"', ..]) => return Ok(i + 1),
            Some([b'\\', rest @ ..]) => match control_at(rest) {
                Some(c) => return Err(QuotedError::Control(i + 1, c)),
                // The escaped byte, whatever it is; a multi-byte character
                // goes on through the plain run.
                None => i += 2,
            },
            Some([b'\r', b'\n', b' ' | b'\t', ..]) => i += 3,
            Some(rest) => match control_at(rest) {
                Some(c) => return Err(QuotedError::Control(i, c)),
                // HTAB, or 0xC2 starting a character that is not a C1 control.
                None => i += 1,
            },
        }
    }
}

/// Writes `prefix` (at most 8 bytes) and then `number` in decimal, in one
/// call and without the padding machinery of `Display` for integers: `:5060`
/// after a host is written on every formatted warning.
pub(crate) fn write_decimal_after(f: &mut fmt::Formatter<'_>, prefix: &str, number: u32) -> fmt::Result {
    let mut digits = [0u8; 18];
    let mut start = digits.len();
    let mut rest = number;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let prefix = &prefix.as_bytes()[..prefix.len().min(8)];
    start -= prefix.len();
    digits[start..start + prefix.len()].copy_from_slice(prefix);
    // Only ASCII was written.
    f.write_str(core::str::from_utf8(&digits[start..]).unwrap_or("0"))
}

/// Parses `port = 1*DIGIT` (RFC 3261 §25.1) as a `u16`.
pub(crate) fn parse_port(digits: &str) -> Option<u16> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.bytes().try_fold(0u16, |n, b| n.checked_mul(10)?.checked_add(u16::from(b - b'0')))
}

/// Parses `1*DIGIT` as a `u32`; `None` if empty, not digits, or too large.
pub(crate) fn parse_decimal(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.bytes().try_fold(0u32, |n, b| n.checked_mul(10)?.checked_add(u32::from(b - b'0')))
}

/// Removes one trailing CRLF or LF: the end of the header line is framing,
/// not part of the value (as for [`StatusLine`](https://docs.rs/sip-codes)).
pub(crate) fn strip_line_end(text: &str) -> &str {
    text.strip_suffix("\r\n").or_else(|| text.strip_suffix('\n')).unwrap_or(text)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Calls `check` with every string of up to `max` of `alphabet`'s
    /// pieces: exhaustive tests of the readers of short header values.
    pub(crate) fn every_string(alphabet: &[&str], max: u32, mut check: impl FnMut(&str)) {
        let mut digits = [0usize; 8];
        let mut buffer = [0u8; 64];
        for len in 0..=max as usize {
            for mut n in 0..alphabet.len().pow(len as u32) {
                for digit in digits.iter_mut().take(len) {
                    *digit = n % alphabet.len();
                    n /= alphabet.len();
                }
                let mut at = 0;
                for &i in &digits[..len] {
                    let part = alphabet[i].as_bytes();
                    buffer[at..at + part.len()].copy_from_slice(part);
                    at += part.len();
                }
                check(core::str::from_utf8(&buffer[..at]).unwrap());
            }
        }
    }

    #[test]
    fn find_byte_finds_the_first_from_any_start() {
        // Every length to past four words, every place of a first match (or
        // none), every start, over fillers one bit or one borrow away.
        for filler in [0x00, 0x09, 0x0b, 0x0e, 0x8a, 0xff, b'a', b';' - 1, b';' + 1] {
            for len in 0..34 {
                for first in (0..len).map(Some).chain([None]) {
                    let mut bytes = [filler; 34];
                    let bytes = &mut bytes[..len];
                    if let Some(first) = first {
                        bytes[first] = b';';
                        if first + 3 < len {
                            bytes[first + 3] = b';';
                        }
                    }
                    for from in 0..=len + 1 {
                        let expected = bytes
                            .get(from..)
                            .and_then(|rest| rest.iter().position(|&b| b == b';'))
                            .map(|at| from + at);
                        assert_eq!(
                            find_byte(bytes, from, b';'),
                            expected,
                            "{filler:#x} {len} {first:?} {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn control_characters_and_trimming_agree_with_char_by_char_reading() {
        // Every character, alone, between letters and at both ends.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut one = [0; 4];
            let c = c.encode_utf8(&mut one).as_bytes();
            let mut buffer = [0; 16];
            for parts in [&[b"a", c, b"b", c][..], &[c], &[c, b"a b", c]] {
                let mut len = 0;
                for part in parts {
                    buffer[len..len + part.len()].copy_from_slice(part);
                    len += part.len();
                }
                let text = core::str::from_utf8(&buffer[..len]).unwrap();
                let expected = text.char_indices().find(|(_, c)| c.is_control() && *c != '\t');
                assert_eq!(first_control_char(text), expected, "{text:?}");
                assert_eq!(trim(text), text.trim(), "{text:?}");
            }
        }
    }

    #[test]
    fn sws_skips_spaces_tabs_and_folds_only() {
        assert_eq!(skip_sws(b"  \t x", 0), 4);
        assert_eq!(skip_sws(b" \r\n  x", 0), 5);
        assert_eq!(skip_sws(b" \r\nx", 0), 1);
        assert_eq!(skip_sws(b"\nx", 0), 0);
    }

    #[test]
    fn quoted_strings_scan_to_their_closing_quote() {
        assert_eq!(scan_quoted(r#""ab" x"#, 0), Ok(4));
        assert_eq!(scan_quoted(r#""a\"b" x"#, 0), Ok(6));
        assert_eq!(scan_quoted(r#""a\\" x"#, 0), Ok(5));
        assert_eq!(scan_quoted("\"a\r\n b\"", 0), Ok(7));
        assert_eq!(scan_quoted(r#""abc"#, 0), Err(QuotedError::Unterminated));
        assert_eq!(scan_quoted(r#""abc\"#, 0), Err(QuotedError::Unterminated));
        assert_eq!(scan_quoted("\"a\r\nb\"", 0), Err(QuotedError::Control(2, '\r')));
        assert_eq!(scan_quoted("\"a\\\0\"", 0), Err(QuotedError::Control(3, '\0')));
        assert_eq!(scan_quoted("\"a\u{85}\"", 0), Err(QuotedError::Control(2, '\u{85}')));
        assert_eq!(scan_quoted("\"\\\u{85}\"", 0), Err(QuotedError::Control(2, '\u{85}')));
        assert_eq!(scan_quoted("\"é\u{a0}\\é\t\" x", 0), Ok(10));
        assert_eq!(scan_quoted("\"a\\", 0), Err(QuotedError::Unterminated));
    }

    #[test]
    fn controls_are_found_past_multi_byte_characters() {
        assert_eq!(find_control("a\u{a0}b\u{85}", 0), Some((4, '\u{85}')));
        assert_eq!(find_control("é\u{a0}\tx\r\n y", 0), None);
        assert_eq!(find_control("é\u{a0}\r\nx", 0), Some((4, '\r')));
        assert_eq!(find_control("\u{7f}", 0), Some((0, '\u{7f}')));
    }

    #[test]
    fn the_token_table_is_the_token_rule() {
        for byte in 0..=u8::MAX {
            let rule = byte.is_ascii_alphanumeric() || b"-.!%*_+`'~".contains(&byte);
            assert_eq!(is_token_byte(byte), rule, "{byte:#x}");
        }
    }

    #[test]
    fn numbers_refuse_overflow() {
        assert_eq!(parse_port("65535"), Some(65535));
        assert_eq!(parse_port("65536"), None);
        assert_eq!(parse_port(""), None);
        assert_eq!(parse_decimal("4294967295"), Some(u32::MAX));
        assert_eq!(parse_decimal("4294967296"), None);
        assert_eq!(parse_decimal("1a"), None);
    }
}
