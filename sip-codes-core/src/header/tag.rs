//! The `tag` parameter of a From or To header field value (RFC 3261 §19.3;
//! `tag-param = "tag" EQUAL token`, §25.1).

/// The `tag` of a From or To value, read after the URI's closing `>` when
/// there is one (a `;tag` inside `<…>` belongs to the URI), trimmed; `None`
/// when the value has none.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::header::tag;
/// assert_eq!(tag("Bob <sip:bob@biloxi.example.com>;tag=a6c85cf"), Some("a6c85cf"));
/// assert_eq!(tag("<sip:bob@example.com;tag=uri-param>"), None);
/// assert_eq!(tag("sip:bob@example.com ; TAG = 1928"), Some("1928"));
/// assert_eq!(tag("<sip:bob@example.com>;tag"), None); // no EQUAL token
/// ```
pub fn tag(value: &str) -> Option<&str> {
    // By bytes: `>`, `;` and `=` are ASCII, so every cut falls on a
    // character boundary, and no `str` pattern search is set up per piece.
    let bytes = value.as_bytes();
    let mut at = bytes.iter().rposition(|&b| b == b'>').map_or(0, |end| end + 1);
    // What comes before the first `;` is no parameter.
    at = crate::grammar::find_byte(bytes, at, b';')?;
    while at < bytes.len() {
        let from = at + 1;
        let end = crate::grammar::find_byte(bytes, from, b';').unwrap_or(bytes.len());
        let param = &value[from..end];
        if let Some(equal) = crate::grammar::find_byte(param.as_bytes(), 0, b'=')
            && crate::grammar::trim(&param[..equal]).eq_ignore_ascii_case("tag")
        {
            return Some(crate::grammar::trim(&param[equal + 1..]));
        }
        at = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::tag;

    /// The reading by `str` patterns that `tag` replaces.
    fn by_patterns(value: &str) -> Option<&str> {
        let params = match value.rfind('>') {
            Some(end) => &value[end + 1..],
            None => value,
        };
        params.split(';').skip(1).find_map(|param| {
            let (name, tag) = param.split_once('=')?;
            name.trim().eq_ignore_ascii_case("tag").then(|| tag.trim())
        })
    }

    #[test]
    fn every_short_value_reads_as_by_patterns() {
        // The characters that matter and white space, ASCII and not.
        let alphabet = [">", ";", "=", " ", "t", "a", "g", "T", "\u{a0}"];
        crate::grammar::tests::every_string(&alphabet, 6, |value| {
            assert_eq!(tag(value), by_patterns(value), "{value:?}");
        });
    }
}
