//! Header field names as SIP compares them: without regard to case (RFC 3261
//! §7.3.1), and with a compact form standing for its full name (§7.3.3).

/// Each compact form and the full name it stands for, with where it is
/// defined. Only forms read in the RFC text are here: RFC 3841's `a`, `d`
/// and `j` and RFC 4474's `y` and `n` are in the IANA registry too, but their
/// texts were not at hand to verify, so they are left out.
const COMPACT_FORMS: [(u8, &str, &str); 15] = [
    (b'b', "Referred-By", "RFC 3892 §8"),
    (b'c', "Content-Type", "RFC 3261 §20.15"),
    (b'e', "Content-Encoding", "RFC 3261 §20.12"),
    (b'f', "From", "RFC 3261 §20.20"),
    (b'i', "Call-ID", "RFC 3261 §20.8"),
    (b'k', "Supported", "RFC 3261 §20.37"),
    (b'l', "Content-Length", "RFC 3261 §20.14"),
    (b'm', "Contact", "RFC 3261 §20.10"),
    (b'o', "Event", "RFC 6665 §7.3"),
    (b'r', "Refer-To", "RFC 3515 §7"),
    (b's', "Subject", "RFC 3261 §20.36"),
    (b't', "To", "RFC 3261 §20.39"),
    (b'u', "Allow-Events", "RFC 6665 §7.3"),
    (b'v', "Via", "RFC 3261 §20.42"),
    (b'x', "Session-Expires", "RFC 4028 §12.1"),
];

/// The full name that a compact form (`"m"`, `"I"`) stands for, or `None`
/// when `name` is not a compact form read in the RFC text.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::header::full_name;
/// assert_eq!(full_name("m"), Some("Contact"));
/// assert_eq!(full_name("X"), Some("Session-Expires"));
/// assert_eq!(full_name("Contact"), None);
/// ```
pub fn full_name(name: &str) -> Option<&'static str> {
    let &[letter] = name.as_bytes() else { return None };
    let letter = letter.to_ascii_lowercase();
    COMPACT_FORMS.iter().find(|(compact, _, _)| *compact == letter).map(|(_, full, _)| *full)
}

/// Whether two header field names name the same field: equal without regard
/// to ASCII case, once a compact form is read as its full name.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::header::same_field;
/// assert!(same_field("call-id", "Call-ID"));
/// assert!(same_field("i", "CALL-ID"));
/// assert!(same_field("Session-Expires", "x"));
/// assert!(!same_field("Contact", "Content-Type"));
/// ```
pub fn same_field(a: &str, b: &str) -> bool {
    let a = full_name(a).unwrap_or(a);
    let b = full_name(b).unwrap_or(b);
    a.eq_ignore_ascii_case(b)
}

/// The compact form of a full name (`"Contact"` → `'m'`), if it has one.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// assert_eq!(sip_codes::header::compact_form("via"), Some('v'));
/// assert_eq!(sip_codes::header::compact_form("Min-SE"), None);
/// ```
pub fn compact_form(name: &str) -> Option<char> {
    COMPACT_FORMS
        .iter()
        .find(|(_, full, _)| full.eq_ignore_ascii_case(name))
        .map(|(compact, _, _)| char::from(*compact))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_is_either_a_compact_form_both_ways_or_nothing() {
        for letter in b'a'..=b'z' {
            let lower = [letter];
            let lower = core::str::from_utf8(&lower).unwrap();
            let upper = [letter.to_ascii_uppercase()];
            let upper = core::str::from_utf8(&upper).unwrap();
            assert_eq!(full_name(lower), full_name(upper));
            if let Some(full) = full_name(lower) {
                assert_eq!(compact_form(full), Some(char::from(letter)));
                assert!(same_field(lower, full) && same_field(upper, full) && same_field(full, lower));
            }
        }
        let count =
            (b'a'..=b'z').filter(|&l| full_name(core::str::from_utf8(&[l]).unwrap()).is_some()).count();
        assert_eq!(count, COMPACT_FORMS.len(), "one row a letter");
    }

    #[test]
    fn rows_are_sorted_and_each_cites_its_section() {
        assert!(COMPACT_FORMS.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert!(
            COMPACT_FORMS.iter().all(|(_, _, source)| source.starts_with("RFC ") && source.contains(" §"))
        );
    }

    #[test]
    fn two_compact_forms_name_different_fields_and_longer_names_are_never_compact() {
        assert!(!same_field("m", "i"));
        assert!(!same_field("mm", "Contact"));
        assert!(!same_field("", "Contact"));
        assert_eq!(full_name("é"), None);
        assert!(same_field("", ""));
    }
}
