//! Host names and addresses (RFC 3261 §25.1): what a warn-agent is, and
//! what the next parsers of `hostport` (Via, Contact) will want.

/// `hostname = *( domainlabel "." ) toplabel [ "." ]`, where labels are
/// letters, digits and inner hyphens, and the top label starts with a letter
/// (RFC 3261 §25.1).
pub(crate) fn is_hostname(text: &str) -> bool {
    let text = text.strip_suffix('.').unwrap_or(text);
    // One pass: `previous` is the byte before, `label_start` the first byte
    // of the current label.
    let mut previous = b'.';
    let mut label_start = b'.';
    for &b in text.as_bytes() {
        match b {
            b'.' if previous == b'.' || previous == b'-' => return false,
            b'.' => {}
            b'-' if previous == b'.' => return false,
            b if b.is_ascii_alphanumeric() || b == b'-' => {
                if previous == b'.' {
                    label_start = b;
                }
            }
            _ => return false,
        }
        previous = b;
    }
    previous != b'.' && previous != b'-' && label_start.is_ascii_alphabetic()
}

/// `IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT`.
pub(crate) fn is_ipv4(text: &str) -> bool {
    let mut parts = 0;
    let all_ok = text.split('.').all(|part| {
        parts += 1;
        (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    });
    all_ok && parts == 4
}

/// `IPv6reference = "[" IPv6address "]"`, checked loosely: hex digits, colons
/// and the dots of an embedded IPv4 address, with at least two colons.
pub(crate) fn is_ipv6_reference(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) else {
        return false;
    };
    inner.bytes().filter(|&b| b == b':').count() >= 2
        && inner.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_pseudonyms() {
        assert!(is_hostname("isi.edu") && is_hostname("a") && is_hostname("example.com."));
        assert!(!is_hostname("1abc") && !is_hostname("a..b") && !is_hostname("-a.com") && !is_hostname(""));
        assert!(is_ipv4("192.168.89.71") && !is_ipv4("1.2.3") && !is_ipv4("1.2.3.4444"));
        assert!(is_ipv6_reference("[::1]") && is_ipv6_reference("[::ffff:192.0.2.1]"));
        assert!(!is_ipv6_reference("[1]") && !is_ipv6_reference("[::g]") && !is_ipv6_reference("::1"));
    }
}
