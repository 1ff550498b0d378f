//! `sipcode warning 307`: a warn-code of the Warning header field.

use sip_codes::{WarnCode, WarnEntry};

use super::suggest::first_row;
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
    let entry = first_row::<WarnEntry>(
        query,
        format!("no warn-code is named \"{query}\""),
        "give three digits from 300 to 399, such as 307, or a name such as SipsRequired",
    )?;
    Ok(entry.warn_code())
}
