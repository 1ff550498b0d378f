//! A header field's values: exactly one (`parse_one`), or a comma-separated
//! list (`ValueList`, RFC 3261 §7.3.1).

use super::{skip_sws, strip_line_end};

/// Exactly one value of a header field: `parse` reads it from where the
/// white space before it ends, and only white space may follow it. The rule
/// behind `Reason::parse` and `Warning::parse`; `empty(at)` and
/// `trailing(value, at)` build their errors as for [`ValueList::next`].
pub(crate) fn parse_one<'a, T, E>(
    value: &'a str,
    parse: impl FnOnce(&'a str, usize) -> Result<(T, usize), E>,
    empty: impl FnOnce(usize) -> E,
    trailing: impl FnOnce(&'a str, usize) -> E,
) -> Result<T, E> {
    let value = strip_line_end(value);
    let bytes = value.as_bytes();
    let start = skip_sws(bytes, 0);
    if start == bytes.len() {
        return Err(empty(start));
    }
    let (parsed, end) = parse(value, start)?;
    let end = skip_sws(bytes, end);
    if end < bytes.len() {
        return Err(trailing(value, end));
    }
    Ok(parsed)
}

/// Where a walk through a header field's comma-separated values stands
/// (`1#value`, RFC 3261 §7.3.1): the one rule behind `Reason::parse_all` and
/// `Warning::parse_all`. Empty elements and the white space around commas
/// are skipped; the first error ends the walk, since what follows a
/// malformed value cannot be told apart from it; a field with no value at
/// all yields one error.
#[derive(Clone, Debug)]
pub(crate) struct ValueList<'a> {
    value: &'a str,
    pos: usize,
    yielded: bool,
    done: bool,
}

impl<'a> ValueList<'a> {
    pub(crate) fn new(value: &'a str) -> ValueList<'a> {
        ValueList { value: strip_line_end(value), pos: 0, yielded: false, done: false }
    }

    /// The next value, read by `parse` from a position to where the value
    /// ends. `empty(at)` is the error for a field without any value, and
    /// `trailing(at)` the error for what follows a value but is not a comma.
    pub(crate) fn next<T, E>(
        &mut self,
        parse: impl FnOnce(&'a str, usize) -> Result<(T, usize), E>,
        empty: impl FnOnce(usize) -> E,
        trailing: impl FnOnce(&'a str, usize) -> E,
    ) -> Option<Result<T, E>> {
        if self.done {
            return None;
        }
        let bytes = self.value.as_bytes();
        // Separators and empty elements before the value.
        let mut pos = skip_sws(bytes, self.pos);
        while bytes.get(pos) == Some(&b',') {
            pos = skip_sws(bytes, pos + 1);
        }
        if pos == bytes.len() {
            self.done = true;
            return (!self.yielded).then(|| Err(empty(pos)));
        }
        let result = parse(self.value, pos).and_then(|(value, end)| {
            let end = skip_sws(bytes, end);
            match bytes.get(end) {
                None | Some(b',') => Ok((value, end)),
                Some(_) => Err(trailing(self.value, end)),
            }
        });
        match result {
            Ok((value, end)) => {
                self.pos = end;
                self.yielded = true;
                Some(Ok(value))
            }
            Err(error) => {
                self.done = true;
                Some(Err(error))
            }
        }
    }
}
