//! Looking up one code, name, phrase or class, and listing a class or the
//! whole catalogue; and what to suggest when nothing answers.

use sip_codes::{CATALOGUE, Class, Entry, StatusCode};

use super::suggest::no_row;
use crate::output::Failure;
use crate::report::{CodeReport, Report, UnknownCode};

/// `sipcode 486`, `sipcode BusyHere`, `sipcode "busy here"`, `sipcode 4xx`.
pub fn lookup(query: &str) -> Result<Report, Failure> {
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
        return lookup_code(query);
    }
    // Names in any case, and the phrase or an alias: "Not Acceptable" is
    // both 406 and 606, so every row that answers is shown.
    let codes: Vec<CodeReport> = Entry::find(query).map(CodeReport::of).collect();
    if !codes.is_empty() {
        return Ok(Report::Lookup { codes });
    }
    match query.parse::<Class>() {
        Ok(class) => list(Some(class)),
        // `9xx`: meant as a class, so the class's rule is the answer.
        Err(error) if error.digit().is_some() => Err(Failure::nothing_matched(error.to_string())),
        Err(_) => Err(no_row::<Entry>(
            query,
            format!("no SIP response code is named or phrased \"{query}\""),
            "`sipcode search WORD` looks through the meanings",
        )),
    }
}

/// A code given as digits: its row, or what a UAC makes of it.
fn lookup_code(digits: &str) -> Result<Report, Failure> {
    let code: StatusCode = digits.parse().map_err(|error| Failure::nothing_matched(format!("{error}")))?;
    if let Some(entry) = code.entry() {
        return Ok(Report::Lookup { codes: vec![CodeReport::of(entry)] });
    }
    UnknownCode::of(code).map(Report::UnknownCode).ok_or_else(|| {
        Failure::nothing_matched(format!("{} is not a registered SIP response code", code.as_u16()))
    })
}

/// `sipcode --class request-failure`, `sipcode 4xx`, `sipcode --all`.
pub fn list(class: Option<Class>) -> Result<Report, Failure> {
    let codes: Vec<CodeReport> = CATALOGUE
        .iter()
        .filter(|entry| class.is_none_or(|class| entry.class() == class))
        .map(CodeReport::of)
        .collect();
    // Every class has catalogued codes today; the message guards tomorrow's catalogue.
    if codes.is_empty() {
        return Err(Failure::nothing_matched("the catalogue has no code in that class"));
    }
    Ok(Report::List { codes })
}
