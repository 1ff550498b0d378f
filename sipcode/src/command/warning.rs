//! `sipcode warning 307`: a warn-code of the Warning header field.

use sip_codes::{WarnCode, WarnEntry};

use crate::output::Failure;
use crate::report::{Report, WarnCodeReport};

/// `sipcode warning 307`, `sipcode warning SipsRequired`, `sipcode warning "insufficient bandwidth"`.
pub fn warning(query: &str) -> Result<Report, Failure> {
    find(query).map(|code| Report::WarnCode(WarnCodeReport::of(code)))
}

/// The warn-code of `query`: three digits, or a name, constant or warn-text in any case.
fn find(query: &str) -> Result<WarnCode, Failure> {
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
        return query.parse::<WarnCode>().map_err(|error| Failure::nothing_matched(error.to_string()));
    }
    let found = sip_codes::WARN_CODES
        .iter()
        .find(|entry| entry.name.eq_ignore_ascii_case(query) || entry.constant.eq_ignore_ascii_case(query));
    match found.or_else(|| WarnEntry::by_text(query)) {
        Some(entry) => Ok(entry.warn_code()),
        None => Err(Failure::nothing_matched(format!(
            "no warn-code is named \"{query}\"; give three digits from 300 to 399, such as 307, or a \
             name such as SipsRequired"
        ))),
    }
}
