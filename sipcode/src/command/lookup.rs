//! Looking up one code, name, phrase or class, and listing a class or the
//! whole catalogue; and what to suggest when nothing answers.

use sip_codes::{CATALOGUE, Class, StatusCode};

use super::suggest::nearest_spelling;
use crate::output::Failure;
use crate::report::{CodeReport, Report, Suggestion, UnknownCode};
use crate::spelling::class_pattern;

/// `sipcode 486`, `sipcode BusyHere`, `sipcode "busy here"`, `sipcode 4xx`.
pub fn lookup(query: &str) -> Result<Report, Failure> {
    match class_pattern(query) {
        Some(Ok(class)) => return list(Some(class)),
        Some(Err(())) => {
            return Err(Failure::nothing_matched(format!(
                "{query} is not a class of SIP response codes: RFC 3261 §7.2 defines 1xx to 6xx, \
                 and some stacks report 7xx locally; try `sipcode 4xx`"
            )));
        }
        None => {}
    }
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
        return lookup_code(query);
    }
    // Names in any case, and the phrase or an alias: "Not Acceptable" is
    // both 406 and 606, so every row that answers is shown.
    let codes: Vec<CodeReport> = CATALOGUE
        .iter()
        .filter(|entry| {
            entry.name.eq_ignore_ascii_case(query)
                || entry.constant.eq_ignore_ascii_case(query)
                || entry.matches_phrase(query)
        })
        .map(CodeReport::of)
        .collect();
    if codes.is_empty() {
        let nearest = nearest_spelling(query, CATALOGUE, |e| (e.name, e.phrase, e.aliases), |e| e.code);
        let hint = match &nearest {
            Some((spelling, entry)) => format!("; did you mean {spelling} ({})?", entry.code),
            None => "; `sipcode search WORD` looks through the meanings".to_owned(),
        };
        return Err(Failure {
            suggestion: nearest.map(|(spelling, entry)| Suggestion { spelling, code: Some(entry.code) }),
            ..Failure::nothing_matched(format!("no SIP response code is named or phrased \"{query}\"{hint}"))
        });
    }
    Ok(Report::Lookup { codes })
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
