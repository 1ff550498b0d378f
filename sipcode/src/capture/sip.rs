//! SIP messages in captured bytes: is this a SIP message, where does it end
//! (the framing of RFC 3261 §18.3), and what are its start line, header
//! fields and body (§7).
//!
//! Everything here reads hostile bytes: it never panics, allocates only to
//! unfold a folded header field, and stops at the limits below.

use std::borrow::Cow;
use std::fmt;

use sip_codes::header::same_field;
use sip_codes::{InvalidStatusLine, StatusLine};

/// The longest start line looked at. A Request-URI has no length limit in
/// RFC 3261, but a line this long is garbage in practice.
pub(crate) const MAX_START_LINE: usize = 8 * 1024;

/// The most header field lines a message may have (continuation lines count).
pub const MAX_HEADER_LINES: usize = 512;

/// Whether bytes begin with a SIP start line (RFC 3261 §7.1, §7.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// A request line or a status line, ended by LF within the first bytes.
    Sip,
    /// Not a start line.
    No,
    /// It may still become one: the line has not ended yet.
    NeedMore,
}

/// RFC 3261 §25.1 `token` characters.
fn is_token(byte: u8) -> bool {
    TOKEN[usize::from(byte)]
}

/// [`is_token`] as a table: it runs over every header name of every message.
const TOKEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'!' | b'%' | b'*' | b'_' | b'+' | b'`' | b'\'' | b'~');
        byte += 1;
    }
    table
};

/// `text` without the spaces and tabs around it (RFC 3261 §7.3.1's white
/// space), by bytes: both are ASCII, so the cuts fall on character boundaries.
fn trim_sp_ht(text: &str) -> &str {
    let blank = |b: &u8| *b == b' ' || *b == b'\t';
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|b| !blank(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !blank(b)).map_or(start, |last| last + 1);
    &text[start..end]
}

/// `SIP/` 1*DIGIT `.` 1*DIGIT, the literal without regard to case (RFC 3261
/// §7.1; ABNF literals are case-insensitive).
fn is_sip_version(v: &[u8]) -> bool {
    let Some((prefix, numbers)) = v.split_at_checked(4) else { return false };
    if !prefix.eq_ignore_ascii_case(b"SIP/") {
        return false;
    }
    let Some(dot) = numbers.iter().position(|&b| b == b'.') else { return false };
    let (major, minor) = (&numbers[..dot], &numbers[dot + 1..]);
    !major.is_empty() && !minor.is_empty() && major.iter().chain(minor).all(u8::is_ascii_digit)
}

/// Whether `bytes` begin with a start line: `Method SP Request-URI SP
/// SIP-Version` or `SIP-Version SP ...`. The status code is not judged here:
/// a 7xx or 9xx on the wire is still SIP, and is the reader's to report.
pub(crate) fn start(bytes: &[u8]) -> Start {
    // Most non-SIP datagrams (RTP, STUN, DNS) fail on the first byte.
    match bytes.first() {
        None => return Start::NeedMore,
        Some(&first) if !first.is_ascii_alphabetic() => return Start::No,
        Some(_) => {}
    }
    let window = &bytes[..bytes.len().min(MAX_START_LINE)];
    let Some(end) = find_lf(window, 0) else {
        // A prefix that cannot start a line is refused before its end arrives.
        let head = &window[..window.iter().position(|&b| b == b' ').unwrap_or(window.len())];
        let may_start = head.iter().all(|&b| is_token(b) || b == b'/');
        return if may_start && bytes.len() < MAX_START_LINE { Start::NeedMore } else { Start::No };
    };
    if is_start_line(strip_cr(&window[..end])) { Start::Sip } else { Start::No }
}

fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn is_start_line(line: &[u8]) -> bool {
    shape(line).is_some()
}

/// The shape of a start line, found once and used both to recognise one and
/// to split it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// `SIP-Version SP ...`: a status line.
    Response,
    /// `Method SP Request-URI SP SIP-Version`: the two spaces.
    Request { space: usize, last: usize },
}

/// [`Shape`] of a line without its line end, or `None` if it is no start
/// line. One walk: a request line has exactly two spaces, and its version,
/// after the second, has none.
fn shape(line: &[u8]) -> Option<Shape> {
    let find_space = |from| sip_codes::__private::find_byte(line, from, b' ');
    let space = find_space(0)?;
    let first = &line[..space];
    if is_sip_version(first) {
        return Some(Shape::Response);
    }
    let last = find_space(space + 1)?;
    let request = space > 0
        && last > space + 1
        && first.iter().all(|&b| is_token(b))
        && is_sip_version(&line[last + 1..]);
    request.then_some(Shape::Request { space, last })
}

/// The offset of the first LF in `bytes` at or after `from`. Header lines
/// are 20 to 80 bytes long, too short for `memchr`'s vector setup to pay (it
/// cost 20 % of `sipcode stats` when called once a line): the library's
/// search, eight bytes at a time in a plain register, is used instead.
pub(crate) fn find_lf(bytes: &[u8], from: usize) -> Option<usize> {
    sip_codes::__private::find_byte(bytes, from, b'\n')
}

/// Whether bytes are a keepalive: only CR and LF (RFC 5626 §3.5.1, §4.4.1).
pub(crate) fn is_keepalive(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| b == b'\r' || b == b'\n')
}

/// Why bytes that begin like a SIP message cannot be one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageError {
    /// The first line is not a request line or a status line (RFC 3261 §7.1, §7.2).
    StartLine,
    /// No empty line ends the header fields within the bytes or the limit.
    NoEndOfHeaders,
    /// The header fields are not UTF-8 (RFC 3261 §25.1 `TEXT-UTF8`).
    NotUtf8 {
        /// Offset of the first byte that is not UTF-8, from the message start.
        offset: usize,
    },
    /// The first header line is not `name: value`.
    HeaderLine {
        /// Offset of the line from the message start.
        offset: usize,
    },
    /// More header lines than [`MAX_HEADER_LINES`].
    TooManyHeaderLines,
    /// A Content-Length that is not a number, or two that differ (RFC 3261 §20.14).
    ContentLength,
    /// A Content-Length above the reader's limit.
    TooLong {
        /// The length the message declares (head and body).
        declared: u64,
        /// The limit.
        limit: usize,
    },
    /// The body is shorter than the Content-Length says (RFC 3261 §18.3).
    BodyShorter {
        /// The Content-Length.
        declared: usize,
        /// The bytes there are.
        available: usize,
    },
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageError::StartLine => f.write_str("the first line is not a SIP request or status line"),
            MessageError::NoEndOfHeaders => f.write_str("no empty line ends the header fields"),
            MessageError::NotUtf8 { offset } => write!(f, "the header fields are not UTF-8 (byte {offset})"),
            MessageError::HeaderLine { offset } => {
                write!(f, "the first header line has no name and colon (byte {offset})")
            }
            MessageError::TooManyHeaderLines => write!(f, "more than {MAX_HEADER_LINES} header lines"),
            MessageError::ContentLength => f.write_str("a Content-Length that is not one number"),
            MessageError::TooLong { declared, limit } => {
                write!(f, "a message of {declared} bytes, above the limit of {limit}")
            }
            MessageError::BodyShorter { declared, available } => {
                write!(f, "Content-Length {declared} but {available} bytes of body")
            }
        }
    }
}

impl std::error::Error for MessageError {}

/// Where the header fields of a message end, and its Content-Length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Head {
    /// Bytes of the start line and header fields, with the empty line.
    pub(crate) len: usize,
    /// Bytes of the start line alone, with its line end.
    pub(crate) start_len: usize,
    /// The Content-Length, if a header field gives one.
    pub(crate) content_length: Option<usize>,
}

/// Framing: finds the empty line that ends the head and reads Content-Length,
/// without decoding anything else. `Ok(None)` means the head has not ended
/// within `bytes` (and `bytes` is under `limit`).
///
/// Lines end with CRLF (RFC 3261 §7); a bare LF is accepted too, as stacks
/// that send it exist and the receiver loses nothing by reading it.
pub(crate) fn head(bytes: &[u8], limit: usize) -> Result<Option<Head>, MessageError> {
    let mut at = 0;
    let mut start_len = None;
    let mut content_length: Option<usize> = None;
    let mut lines = 0;
    loop {
        let Some(end) = find_lf(bytes, at).map(|end| end - at) else {
            return if bytes.len() >= limit { Err(MessageError::NoEndOfHeaders) } else { Ok(None) };
        };
        let line = strip_cr(&bytes[at..at + end]);
        let next = at + end + 1;
        if next > limit {
            return Err(MessageError::NoEndOfHeaders);
        }
        if start_len.is_none() {
            start_len = Some(next);
        } else if line.is_empty() {
            let start_len = start_len.unwrap_or(next);
            return Ok(Some(Head { len: next, start_len, content_length }));
        } else {
            lines += 1;
            if lines > MAX_HEADER_LINES {
                return Err(MessageError::TooManyHeaderLines);
            }
            if let Some(value) = content_length_value(line) {
                let value = parse_length(value)?;
                if content_length.is_some_and(|known| known != value) {
                    return Err(MessageError::ContentLength);
                }
                content_length = Some(value);
            }
        }
        at = next;
    }
}

/// The value of a `Content-Length` or `l` header line, if it is one.
fn content_length_value(line: &[u8]) -> Option<&[u8]> {
    // Cheap filter first: both names start with `c` or `l`.
    if !matches!(line.first(), Some(b'c' | b'C' | b'l' | b'L')) {
        return None;
    }
    let colon = line.iter().position(|&b| b == b':')?;
    let name = line[..colon].trim_ascii_end();
    // Only `l` and `Content-Length` can match: Call-ID, CSeq and Contact
    // lines are turned away by their length before any decoding.
    if !matches!(name.len(), 1 | 14) {
        return None;
    }
    let name = std::str::from_utf8(&line[..colon]).ok()?.trim_end_matches([' ', '\t']);
    same_field(name, "Content-Length").then(|| &line[colon + 1..])
}

fn parse_length(value: &[u8]) -> Result<usize, MessageError> {
    let value = value.trim_ascii();
    if value.is_empty() || value.len() > 12 || !value.iter().all(u8::is_ascii_digit) {
        return Err(MessageError::ContentLength);
    }
    // At most 12 digits: fits in a u64 and, on 64-bit targets, in usize.
    let n = value.iter().fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
    usize::try_from(n).map_err(|_| MessageError::ContentLength)
}

/// Where a message of a byte stream ends (RFC 3261 §18.3): the head, then
/// Content-Length bytes of body (none when the field is missing, which a
/// stream transport does not allow). `Ok(None)`: not all of it is there yet.
pub(crate) fn frame(bytes: &[u8], limit: usize) -> Result<Option<(usize, Head)>, MessageError> {
    let Some(head) = head(bytes, limit)? else { return Ok(None) };
    let body = head.content_length.unwrap_or(0);
    let total = head.len as u64 + body as u64;
    if total > limit as u64 {
        return Err(MessageError::TooLong { declared: total, limit });
    }
    let total = total as usize;
    Ok((bytes.len() >= total).then_some((total, head)))
}

/// The header fields the trace model follows, as [`Message::headers`] gives
/// them (the first of each; every `Reason`), found by [`scan`].
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct TraceFields<'a> {
    pub(crate) via: Option<&'a str>,
    pub(crate) call_id: Option<&'a str>,
    pub(crate) cseq: Option<&'a str>,
    pub(crate) to: Option<&'a str>,
    pub(crate) reasons: Vec<&'a str>,
}

/// The start line and the fields the trace model follows, in one pass over
/// the head that also frames it: what [`Message::parse`] and
/// [`Message::headers`] give, without walking the lines twice.
///
/// `None` when the message needs the general reading: it is not one
/// [`Message::parse`] accepts, or a line continues a field (folded or
/// irregular), whose value the general reading unfolds. Never a different
/// answer from the general reading (a test holds them together).
pub(crate) fn scan(bytes: &[u8]) -> Option<(StartLine<'_>, TraceFields<'_>)> {
    use sip_codes::header::full_name;
    // `start`'s test, its line end kept: a first line that has not ended
    // within the limit is no message of `Message::parse` either.
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    let start_end = find_lf(&bytes[..bytes.len().min(MAX_START_LINE)], 0)?;
    let shape = shape(strip_cr(&bytes[..start_end]))?;
    let mut at = start_end + 1;
    let mut lines = 0;
    let mut content_length: Option<usize> = None;
    // Byte ranges of the values: the head is known to be UTF-8 only at its end.
    let mut slots: [Option<(usize, usize)>; 4] = [None; 4];
    let mut reasons: Vec<(usize, usize)> = Vec::new();
    let head_len = loop {
        let end = find_lf(bytes, at)?;
        let line = strip_cr(&bytes[at..end]);
        if line.is_empty() {
            break end + 1;
        }
        lines += 1;
        if lines > MAX_HEADER_LINES {
            return None;
        }
        let (name_len, colon) = field_name_bytes(line)?;
        // Compared as bytes (a token is ASCII); only a compact form, one
        // byte long, is made text, to be read as its full name.
        let name = &line[..name_len];
        let name = match name {
            [_] => std::str::from_utf8(name).ok().and_then(full_name).map_or(name, str::as_bytes),
            _ => name,
        };
        let slot = match name.len() {
            3 if name.eq_ignore_ascii_case(b"Via") => Some(0),
            7 if name.eq_ignore_ascii_case(b"Call-ID") => Some(1),
            4 if name.eq_ignore_ascii_case(b"CSeq") => Some(2),
            2 if name.eq_ignore_ascii_case(b"To") => Some(3),
            6 if name.eq_ignore_ascii_case(b"Reason") => None,
            // On a line that starts a field, this is `content_length_value`'s
            // test: its first colon ends the name and white space.
            14 if name.eq_ignore_ascii_case(b"Content-Length") => {
                let value = parse_length(&line[colon + 1..]).ok()?;
                if content_length.is_some_and(|known| known != value) {
                    return None;
                }
                content_length = Some(value);
                at = end + 1;
                continue;
            }
            _ => {
                at = end + 1;
                continue;
            }
        };
        let value = &line[colon + 1..];
        let skip = value.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let keep = value.iter().rev().take_while(|&&b| b == b' ' || b == b'\t').count();
        let range = (at + colon + 1 + skip, (at + colon + 1 + value.len() - keep).max(at + colon + 1 + skip));
        match slot {
            Some(slot) => {
                slots[slot].get_or_insert(range);
            }
            None => reasons.push(range),
        }
        at = end + 1;
    };
    if let Some(length) = content_length
        && bytes.len() - head_len < length
    {
        return None;
    }
    // The general reading refuses a head that is not UTF-8: checked once,
    // over the whole head, and the pieces cut from it as text.
    let head = std::str::from_utf8(&bytes[..head_len]).ok()?;
    let line = head[..start_end].trim_end_matches(['\r', '\n']);
    let start = match shape {
        Shape::Response => StartLine::Response { line, status: StatusLine::parse(line) },
        // The line's own spaces, before any CR was trimmed from its end; a
        // version does not end in CR (`shape` checked it), so none was.
        Shape::Request { space, last } => StartLine::Request {
            method: &line[..space],
            uri: &line[space + 1..last],
            version: &line[last + 1..],
        },
    };
    let value = |range: Option<(usize, usize)>| range.and_then(|(from, to)| head.get(from..to));
    let fields = TraceFields {
        via: value(slots[0]),
        call_id: value(slots[1]),
        cseq: value(slots[2]),
        to: value(slots[3]),
        reasons: reasons.into_iter().filter_map(|range| value(Some(range))).collect(),
    };
    Some((start, fields))
}

/// [`field_name`] on bytes.
fn field_name_bytes(bytes: &[u8]) -> Option<(usize, usize)> {
    let name = bytes.iter().take_while(|&&b| is_token(b)).count();
    let colon = name + bytes[name..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    (name > 0 && bytes.get(colon) == Some(&b':')).then_some((name, colon))
}

/// The start line of a message (RFC 3261 §7.1, §7.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartLine<'a> {
    /// `INVITE sip:bob@biloxi.com SIP/2.0`
    Request {
        /// The method, case kept (methods are case-sensitive, RFC 3261 §7.1).
        method: &'a str,
        /// The Request-URI, not decoded.
        uri: &'a str,
        /// The SIP-Version.
        version: &'a str,
    },
    /// `SIP/2.0 486 Busy Here`
    Response {
        /// The whole line, without its line end.
        line: &'a str,
        /// The line read by the library: a code out of range (a 7xx or 9xx
        /// on the wire) is its typed error, and the line still a response.
        status: Result<StatusLine<'a>, InvalidStatusLine>,
    },
}

/// One SIP message split into its parts, borrowing the captured bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message<'a> {
    start: StartLine<'a>,
    /// The header field lines, each with its line end, without the empty line.
    fields: &'a str,
    body: &'a [u8],
}

/// Whether a header line starts a field: a token name, then a colon
/// (white space may come between, RFC 3261 §7.3.1). Reads only the name.
fn starts_field(line: &str) -> bool {
    field_name(line).is_some()
}

impl<'a> Message<'a> {
    /// Splits one message: its start line, its header fields, and its body
    /// of Content-Length bytes, or the rest of the bytes when no
    /// Content-Length is given (which RFC 3261 §18.3 allows on UDP only).
    /// Bytes past the Content-Length are not part of the message.
    pub fn parse(bytes: &'a [u8]) -> Result<Message<'a>, MessageError> {
        if start(bytes) != Start::Sip {
            return Err(MessageError::StartLine);
        }
        let head = head(bytes, bytes.len().saturating_add(1))?.ok_or(MessageError::NoEndOfHeaders)?;
        let text = std::str::from_utf8(&bytes[..head.len])
            .map_err(|error| MessageError::NotUtf8 { offset: error.valid_up_to() })?;
        let start_line = text[..head.start_len].trim_end_matches(['\r', '\n']);
        let start = parse_start_line(start_line)?;
        let fields = &text[head.start_len..head.len];
        let fields = fields.strip_suffix("\r\n").or_else(|| fields.strip_suffix('\n')).unwrap_or(fields);
        // Every line starts a field or continues one: checked once here so
        // that the iterator need not report errors. A line that is neither
        // (no `name:`, no leading white space) is read as continuing the
        // field before it, as the line-wrapped messages of RFC 3665 need,
        // and counted.
        // The first line must start a field; any later line either starts
        // one or continues the one before (see `irregular_lines`).
        if Lines(fields).next().is_some_and(|line| !starts_field(line)) {
            return Err(MessageError::HeaderLine { offset: head.start_len });
        }
        let rest = &bytes[head.len..];
        let body = match head.content_length {
            None => rest,
            Some(length) => rest
                .get(..length)
                .ok_or(MessageError::BodyShorter { declared: length, available: rest.len() })?,
        };
        Ok(Message { start, fields, body })
    }

    /// The start line.
    pub fn start_line(&self) -> &StartLine<'a> {
        &self.start
    }

    /// The method of a request, or `None` for a response.
    pub fn method(&self) -> Option<&'a str> {
        match self.start {
            StartLine::Request { method, .. } => Some(method),
            StartLine::Response { .. } => None,
        }
    }

    /// The header fields in order, each as (name as written, value), a
    /// folded value unfolded (RFC 3261 §7.3.1: each line break with the
    /// white space around it becomes one space).
    pub fn headers(&self) -> Headers<'a> {
        Headers { rest: self.fields }
    }

    /// The value of the first header field named `name`, compact forms
    /// included (`"Call-ID"` also finds `i:`).
    pub fn header(&self, name: &str) -> Option<Cow<'a, str>> {
        self.headers_named(name).next()
    }

    /// The values of every header field named `name`, compact forms included.
    pub fn headers_named<'n>(&self, name: &'n str) -> impl Iterator<Item = Cow<'a, str>> + use<'a, 'n> {
        self.headers().filter(move |(field, _)| same_field(field, name)).map(|(_, value)| value)
    }

    /// The body.
    pub fn body(&self) -> &'a [u8] {
        self.body
    }

    /// Header lines that neither start a field nor begin with white space
    /// (RFC 3261 §7.3.1 allows neither): each is read as continuing the
    /// field before it.
    pub fn irregular_lines(&self) -> usize {
        Lines(self.fields).filter(|line| !starts_field(line) && !line.starts_with([' ', '\t'])).count()
    }
}

fn parse_start_line(line: &str) -> Result<StartLine<'_>, MessageError> {
    if line.len() >= 4 && line.as_bytes()[..4].eq_ignore_ascii_case(b"SIP/") {
        return Ok(StartLine::Response { line, status: StatusLine::parse(line) });
    }
    // `split_once(' ')` then `rsplit_once(' ')`, at bytes: cheaper than a
    // `char` pattern, and a space is always a character boundary.
    let space = memchr::memchr(b' ', line.as_bytes()).ok_or(MessageError::StartLine)?;
    let (method, rest) = (&line[..space], &line[space + 1..]);
    let last = memchr::memrchr(b' ', rest.as_bytes()).ok_or(MessageError::StartLine)?;
    Ok(StartLine::Request { method, uri: &rest[..last], version: &rest[last + 1..] })
}

/// The header fields of a [`Message`], unfolded; see [`Message::headers`].
#[derive(Clone, Debug)]
pub struct Headers<'a> {
    /// The header lines not read yet; each call starts at a line that
    /// starts a field (`Message::parse` checked the first one, and each call
    /// stops before the next line that does).
    rest: &'a str,
}

/// Where the name of a field line ends and where its colon is: a token
/// name, white space, then a colon (RFC 3261 §7.3.1). Reads only the name,
/// so it also works on a text that goes on past the line.
fn field_name(text: &str) -> Option<(usize, usize)> {
    field_name_bytes(text.as_bytes())
}

impl<'a> Iterator for Headers<'a> {
    type Item = (&'a str, Cow<'a, str>);

    fn next(&mut self) -> Option<Self::Item> {
        let (line, rest) = split_line(self.rest)?;
        let (name, first) = match field_name(line) {
            Some((name, colon)) => (&line[..name], &line[colon + 1..]),
            // Not reached through `Message::parse`; read as the old way did.
            None => {
                let colon = memchr::memchr(b':', line.as_bytes())?;
                (line[..colon].trim_end_matches([' ', '\t']), &line[colon + 1..])
            }
        };
        self.rest = rest;
        let mut value = Cow::Borrowed(trim_sp_ht(first));
        // A field's value goes on over the lines that do not start a field.
        while !self.rest.is_empty() && field_name(self.rest).is_none() {
            let Some((more, rest)) = split_line(self.rest) else { break };
            self.rest = rest;
            let more = trim_sp_ht(more);
            if !more.is_empty() {
                let joined = value.to_mut();
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(more);
            }
        }
        Some((name, value))
    }
}

/// The first line (without its line end) and what follows it.
fn split_line(text: &str) -> Option<(&str, &str)> {
    if text.is_empty() {
        return None;
    }
    // memchr finds the line end faster than `str::split_once`, and an LF
    // byte is always a character boundary in UTF-8.
    let (line, rest) = match memchr::memchr(b'\n', text.as_bytes()) {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (text, ""),
    };
    Some((line.strip_suffix('\r').unwrap_or(line), rest))
}

/// The lines of a text, without their line ends.
#[derive(Clone, Debug)]
struct Lines<'a>(&'a str);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (line, rest) = split_line(self.0)?;
        self.0 = rest;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_lines_are_recognised_by_shape_not_port() {
        assert_eq!(start(b"INVITE sip:bob@biloxi.com SIP/2.0\r\n"), Start::Sip);
        assert_eq!(start(b"SIP/2.0 486 Busy Here\r\n"), Start::Sip);
        assert_eq!(
            start(b"SIP/2.0 999 Nine\r\n"),
            Start::Sip,
            "the reader reports odd codes, not hides them"
        );
        assert_eq!(start(b"sip/2.0 200 OK\n"), Start::Sip);
        assert_eq!(start(b"INVITE sip:bob@biloxi.com SIP/2.0"), Start::NeedMore);
        assert_eq!(start(b"INVI"), Start::NeedMore);
        assert_eq!(start(b""), Start::NeedMore);
        assert_eq!(start(b"GET / HTTP/1.1\r\n"), Start::No);
        assert_eq!(start(b"\x80\x00rtp"), Start::No);
        assert_eq!(start(b"\x16\x03\x01\x02\x00"), Start::No);
        assert_eq!(start(b"INVITE  SIP/2.0\r\n"), Start::No, "no Request-URI");
        assert_eq!(start(b"IN(VITE sip:a SIP/2.0\r\n"), Start::No);
        assert_eq!(start(b"IN(VITE sip:a"), Start::No, "refused before the line ends");
        assert_eq!(start(&[b'A'; MAX_START_LINE + 1]), Start::No);
    }

    #[test]
    fn framing_follows_content_length() {
        let two = b"OPTIONS sip:a SIP/2.0\r\nl: 3\r\n\r\nabcSIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n";
        let (len, head) = frame(two, 1000).unwrap().unwrap();
        assert_eq!(&two[..len], b"OPTIONS sip:a SIP/2.0\r\nl: 3\r\n\r\nabc");
        assert_eq!(head.content_length, Some(3));
        let (len2, _) = frame(&two[len..], 1000).unwrap().unwrap();
        assert_eq!(len + len2, two.len());
        assert_eq!(frame(&two[..20], 1000), Ok(None));
        assert_eq!(frame(&two[..32], 1000), Ok(None), "the body is not all there");
        assert!(matches!(
            frame(b"A sip:a SIP/2.0\r\nContent-Length: 99999\r\n\r\n", 1000),
            Err(MessageError::TooLong { .. })
        ));
        assert_eq!(
            frame(b"A sip:a SIP/2.0\r\nContent-Length: x\r\n\r\n", 1000),
            Err(MessageError::ContentLength)
        );
        assert_eq!(
            frame(b"A sip:a SIP/2.0\r\nl: 1\r\nContent-Length: 2\r\n\r\n", 1000),
            Err(MessageError::ContentLength)
        );
        assert_eq!(frame(&[b'a'; 2000], 1000), Err(MessageError::NoEndOfHeaders));
        let lines = "A sip:a SIP/2.0\r\n".to_string() + &"X: y\r\n".repeat(MAX_HEADER_LINES + 1) + "\r\n";
        assert_eq!(frame(lines.as_bytes(), 1 << 20), Err(MessageError::TooManyHeaderLines));
    }

    #[test]
    fn a_message_splits_into_start_line_fields_and_body() {
        let text = "SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\r\nSubject: I know you're there,\r\n \tpick up the phone\r\n   and talk to me!\r\ni: abc@host\r\nContent-Length: 4\r\n\r\nbodyEXTRA";
        let message = Message::parse(text.as_bytes()).unwrap();
        let StartLine::Response { line, status } = message.start_line() else { panic!("a response") };
        assert_eq!(*line, "SIP/2.0 486 Busy Here");
        assert_eq!(status.as_ref().unwrap().code().as_u16(), 486);
        assert_eq!(message.method(), None);
        let headers: Vec<_> = message.headers().collect();
        assert_eq!(headers.len(), 4);
        assert_eq!(headers[1].1, "I know you're there, pick up the phone and talk to me!");
        assert!(matches!(headers[0].1, Cow::Borrowed(_)), "an unfolded value borrows");
        assert_eq!(message.header("call-id").as_deref(), Some("abc@host"));
        assert_eq!(message.header("l").as_deref(), Some("4"));
        assert_eq!(message.header("Contact"), None);
        assert_eq!(message.body(), b"body");

        let request = Message::parse(b"INVITE sip:bob@biloxi.com SIP/2.0\nv: x\nv: y\n\n").unwrap();
        assert_eq!(request.method(), Some("INVITE"));
        assert_eq!(request.headers_named("Via").collect::<Vec<_>>(), ["x", "y"]);
        assert_eq!(request.body(), b"");
    }

    #[test]
    fn a_bad_message_is_a_typed_error() {
        assert_eq!(Message::parse(b"hello"), Err(MessageError::StartLine));
        assert_eq!(Message::parse(b"SIP/2.0 200 OK\r\nVia: x\r\n"), Err(MessageError::NoEndOfHeaders));
        assert_eq!(
            Message::parse(b"SIP/2.0 200 OK\r\n cont\r\n\r\n"),
            Err(MessageError::HeaderLine { offset: 16 })
        );
        assert_eq!(
            Message::parse(b"SIP/2.0 200 OK\r\nno colon\r\n\r\n"),
            Err(MessageError::HeaderLine { offset: 16 })
        );
        let wrapped =
            Message::parse(b"SIP/2.0 200 OK\r\nRoute: <sip:a>,\r\n<sip:b>\r\nTo: t\r\n\r\n").unwrap();
        assert_eq!(wrapped.irregular_lines(), 1);
        assert_eq!(wrapped.header("route").as_deref(), Some("<sip:a>, <sip:b>"));
        assert_eq!(wrapped.headers().count(), 2);
        assert_eq!(
            Message::parse(b"SIP/2.0 200 OK\r\nX: \xff\r\n\r\n"),
            Err(MessageError::NotUtf8 { offset: 19 })
        );
        assert_eq!(
            Message::parse(b"SIP/2.0 200 OK\r\nl: 9\r\n\r\nab"),
            Err(MessageError::BodyShorter { declared: 9, available: 2 })
        );
        let seven = Message::parse(b"SIP/2.0 701 Local\r\n\r\n").unwrap();
        assert!(matches!(seven.start_line(), StartLine::Response { status: Err(_), .. }));
    }

    #[test]
    fn every_message_of_rfc_3665_splits_and_frames_whole() {
        let messages = sip_codes_testdata::messages("rfc3665-messages.txt");
        assert!(messages.len() > 100);
        for message in &messages {
            let bytes = message.text.as_bytes();
            assert_eq!(start(bytes), Start::Sip, "{}", message.source);
            let parsed = Message::parse(bytes).unwrap_or_else(|e| panic!("{}: {e}", message.source));
            assert!(parsed.headers().count() >= 4, "{}", message.source);
            let (len, _) = frame(bytes, 1 << 16).unwrap().unwrap();
            assert_eq!(len, bytes.len(), "{}", message.source);
        }
    }

    /// What the general reading gives for the fields `scan` finds.
    fn general(bytes: &[u8]) -> Option<(StartLine<'_>, Vec<Option<String>>, Vec<String>)> {
        let message = Message::parse(bytes).ok()?;
        let first = |name| message.header(name).map(Cow::into_owned);
        let fields = vec![first("Via"), first("Call-ID"), first("CSeq"), first("To")];
        Some((
            message.start_line().clone(),
            fields,
            message.headers_named("Reason").map(Cow::into_owned).collect(),
        ))
    }

    fn scanned(bytes: &[u8]) -> Option<(StartLine<'_>, Vec<Option<String>>, Vec<String>)> {
        let (start, f) = scan(bytes)?;
        let fields = [f.via, f.call_id, f.cseq, f.to].map(|v| v.map(str::to_owned)).to_vec();
        Some((start, fields, f.reasons.into_iter().map(str::to_owned).collect()))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// Heads made of the lines that matter to the one pass (the fields
        /// it follows, in any case and compact form, others, continuation
        /// and irregular lines, Content-Length agreeing or not, bytes that
        /// are not UTF-8): it reads each as the general reading does, or
        /// leaves it to it.
        #[test]
        fn the_one_pass_agrees_with_the_general_reading_on_any_head(
            start in proptest::sample::select(vec![
                "SIP/2.0 486 Busy Here", "SIP/2.0 200 OK", "sip/2.0 701 x", "INVITE sip:a SIP/2.0",
                "BYE sip:a@b SIP/2.0", "SIP/2.0  486 Busy", "INVITE  SIP/2.0", "INVITE sip:a b SIP/2.0",
            ]),
            lines in proptest::collection::vec(proptest::sample::select(vec![
                "Via: SIP/2.0/UDP a;branch=z9hG4bK1", "v: SIP/2.0/UDP b;branch=2", "VIA : x", "Call-ID: c1",
                "i: c2", "CSeq: 1 INVITE", "cseq:2 BYE", "To: <sip:b>;tag=t", "t: x", "TO:\t y ",
                "Reason: Q.850;cause=17", "reason: SIP;cause=600", "Content-Length: 0", "l: 0", "l: 3",
                "Content-Length: x", "From: <sip:a>;tag=f", "Contact: <sip:c>", "Max-Forwards: 70",
                " continued", "\tcontinued", "no colon here", "X-\u{e9}: caf\u{e9}", "Subject: \u{ff}",
                "User-Agent: x", "Call-ID : spaced",
            ]), 0..12),
            crlf in proptest::prelude::any::<bool>(),
            body in proptest::sample::select(vec!["", "abc"]),
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = String::from(start) + end;
            for line in lines {
                text.push_str(line);
                text.push_str(end);
            }
            text.push_str(end);
            text.push_str(body);
            let mut bytes = text.into_bytes();
            // "\u{ff}" stands for a byte that is not UTF-8.
            if let Some(at) = bytes.windows(2).position(|pair| pair == [0xc3, 0xbf]) {
                bytes[at] = 0xff;
            }
            if let Some(fast) = scanned(&bytes) {
                proptest::prop_assert_eq!(Some(fast), general(&bytes));
            }
        }
    }

    #[test]
    fn the_one_pass_agrees_with_the_general_reading_or_defers_to_it() {
        let mut texts: Vec<Vec<u8>> = sip_codes_testdata::messages("rfc3665-messages.txt")
            .into_iter()
            .map(|message| message.text.into_bytes())
            .collect();
        let crafted: [&[u8]; 9] = [
            b"SIP/2.0 486 Busy\r\nv: SIP/2.0/UDP a;branch=z9hG4bK1\r\nVia: x\r\ni:  id \t\r\nCSEQ: 1 INVITE\r\nt: <sip:b>;tag=9\r\nReason: Q.850;cause=17\r\nreason: SIP;cause=600\r\nl: 0\r\n\r\n",
            b"SIP/2.0 200 OK\r\nVia: a,\r\n b\r\nCall-ID: x\r\n\r\n",
            b"SIP/2.0 200 OK\r\nX: \xc3\xa9\r\nCall-ID: \xc3\xa9\r\n\r\n",
            b"SIP/2.0 200 OK\r\nX: \xff\r\n\r\n",
            b"SIP/2.0 200 OK\r\nl: 9\r\n\r\nab",
            b"SIP/2.0 200 OK\r\nl: 1\r\nContent-Length: 2\r\n\r\nab",
            b"BYE sip:a SIP/2.0\nTo:\n\n",
            b"SIP/2.0 701 Local\r\n\r\n",
            b"SIP/2.0 200 OK\r\nno colon\r\n\r\n",
        ];
        texts.extend(crafted.iter().map(|text| text.to_vec()));
        let mut read = 0;
        for text in &texts {
            if let Some(fast) = scanned(text) {
                assert_eq!(Some(fast), general(text), "{}", String::from_utf8_lossy(text));
                read += 1;
            }
        }
        assert!(scanned(crafted[0]).is_some(), "compact forms and case are read in one pass");
        assert!(scanned(crafted[2]).is_some(), "UTF-8 past ASCII is read in one pass");
        assert!(scanned(crafted[1]).is_none(), "a folded field goes to the general reading");
        assert!(crafted[3..6].iter().all(|text| scanned(text).is_none()), "errors go to the general reading");
        // RFC 3665 wraps long lines (150 of its messages): those take the general reading.
        assert!(read >= 40, "the messages without wrapped lines are read in one pass: {read}");
    }
}
