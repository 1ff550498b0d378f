//! The operator's spellings of a class, which the core does not parse yet:
//! `4xx` and `request-failure`. A leaf, so that both the command line and the
//! commands read classes one way; it goes when the core has `Class: FromStr`.

use sip_codes::Class;

/// `4xx`, in either case: `Some(Ok(class))`, or `Some(Err(()))` for a digit
/// that is no class (`9xx`); `None` when `query` is not of that shape.
pub fn class_pattern(query: &str) -> Option<Result<Class, ()>> {
    let [digit @ b'0'..=b'9', x1, x2] = query.as_bytes() else { return None };
    if !x1.eq_ignore_ascii_case(&b'x') || !x2.eq_ignore_ascii_case(&b'x') {
        return None;
    }
    Some(Class::from_first_digit(digit - b'0').ok_or(()))
}

/// `--class`: a class by its name in kebab case (`request-failure`), or as
/// `4xx`; the names are the library's, so nothing is listed twice.
pub fn parse_class(text: &str) -> Result<Class, String> {
    let kebab = |class: &Class| class.name().replace(' ', "-").to_ascii_lowercase();
    if let Some(class) = Class::ALL.iter().find(|class| kebab(class).eq_ignore_ascii_case(text)) {
        return Ok(*class);
    }
    match class_pattern(text) {
        Some(Ok(class)) => Ok(class),
        _ => {
            let names: Vec<String> = Class::ALL.iter().map(kebab).collect();
            Err(format!("expected 1xx to 7xx or one of {}", names.join(", ")))
        }
    }
}
