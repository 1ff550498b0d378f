//! The top Via's branch and sent-by: what RFC 3261 §17.2.3 matches a
//! request to its server transaction by, with the method. A response is
//! matched to its client transaction by the branch and the CSeq method
//! (§17.1.3); its top Via is the request's, sent-by included.

use crate::grammar::{find_byte, trim};

/// The branch and sent-by of the first (topmost) value of a Via header field
/// (`SIP/2.0/UDP host:port;branch=z9hG4bK…`, RFC 3261 §20.42), trimmed;
/// `None` without a sent-by or a `branch` parameter.
///
/// Values are split at `,` and `;` as they stand: a quoted parameter value
/// holding either is not expected in a Via's top value before its branch.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::header::{TopVia, top_via};
/// let via = "SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds, SIP/2.0/UDP proxy";
/// assert_eq!(top_via(via), Some(TopVia { sent_by: "pc33.atlanta.com", branch: "z9hG4bK776asdhds" }));
/// assert_eq!(top_via("SIP/2.0/UDP host ; rport ; Branch = 1"), Some(TopVia { sent_by: "host", branch: "1" }));
/// assert_eq!(top_via("SIP/2.0/UDP host;rport"), None);
/// ```
pub fn top_via(value: &str) -> Option<TopVia<'_>> {
    // By bytes: `,`, `;`, `=` and the white space looked for are ASCII, so
    // every cut falls on a character boundary.
    let top_end = find_byte(value.as_bytes(), 0, b',').unwrap_or(value.len());
    let top = trim(&value[..top_end]);
    let bytes = top.as_bytes();
    let param_end = |from: usize| find_byte(bytes, from, b';').unwrap_or(bytes.len());
    let sent_by_start = bytes.iter().position(u8::is_ascii_whitespace)? + 1;
    let mut at = param_end(sent_by_start);
    let sent_by = trim(&top[sent_by_start..at]);
    while at < bytes.len() {
        let from = at + 1;
        at = param_end(from);
        let param = &top[from..at];
        if let Some(equal) = find_byte(param.as_bytes(), 0, b'=')
            && trim(&param[..equal]).eq_ignore_ascii_case("branch")
        {
            return Some(TopVia { sent_by, branch: trim(&param[equal + 1..]) });
        }
    }
    None
}

/// What [`top_via`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TopVia<'a> {
    /// `host[:port]` after the protocol.
    pub sent_by: &'a str,
    /// The `branch` parameter's value.
    pub branch: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading by `str` patterns that `top_via` replaces.
    fn by_patterns(via: &str) -> Option<TopVia<'_>> {
        let top = via.split(',').next()?.trim();
        let space = top.bytes().position(|b| b.is_ascii_whitespace())?;
        let mut parts = top[space + 1..].split(';');
        let sent_by = parts.next()?.trim();
        let branch = parts.find_map(|param| {
            let (name, value) = param.split_once('=')?;
            name.trim().eq_ignore_ascii_case("branch").then(|| value.trim())
        })?;
        Some(TopVia { sent_by, branch })
    }

    #[test]
    fn every_short_value_reads_as_by_patterns() {
        // The separators, white space ASCII and not, and a parameter's name.
        let alphabet = [",", ";", "=", " ", "\t", "b", "Branch", "\u{a0}", "h"];
        crate::grammar::tests::every_string(&alphabet, 6, |value| {
            assert_eq!(top_via(value), by_patterns(value), "{value:?}");
        });
    }
}
