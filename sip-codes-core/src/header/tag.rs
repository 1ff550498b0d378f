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
    let params = match value.rfind('>') {
        Some(end) => &value[end + 1..],
        None => value,
    };
    params.split(';').skip(1).find_map(|param| {
        let (name, tag) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("tag").then(|| tag.trim())
    })
}
