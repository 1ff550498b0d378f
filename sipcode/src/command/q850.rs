//! `sipcode q850 17` (or `cause`): a Q.850 cause and the response each
//! profile answers it with.

use sip_codes::q850::{CAUSES, Cause};

use super::suggest::nearest_spelling;
use crate::output::Failure;
use crate::report::{CauseReport, Report, Suggestion};

/// `sipcode q850 17`, `sipcode q850 UserBusy`, `sipcode cause "user busy"`.
pub fn q850(query: &str) -> Result<Report, Failure> {
    find(query).map(|cause| Report::Cause(CauseReport::of(cause)))
}

/// The cause of `query`: a number from 1 to 127, or a name, constant, Q.850
/// name or alias in any case.
fn find(query: &str) -> Result<Cause, Failure> {
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
        return query.parse::<Cause>().map_err(|error| Failure::nothing_matched(error.to_string()));
    }
    let found = CAUSES.iter().find(|entry| {
        entry.name.eq_ignore_ascii_case(query)
            || entry.constant.eq_ignore_ascii_case(query)
            || entry.matches_text(query)
    });
    if let Some(entry) = found {
        return Ok(entry.cause());
    }
    let nearest = nearest_spelling(query, CAUSES, |e| (e.name, e.text, e.aliases), |e| u16::from(e.value));
    let hint = match &nearest {
        Some((spelling, entry)) => format!("; did you mean {spelling} ({})?", entry.value),
        None => "; give a value from 1 to 127, such as 17, or a name such as UserBusy".to_owned(),
    };
    Err(Failure {
        suggestion: nearest
            .map(|(spelling, entry)| Suggestion { spelling, code: Some(u16::from(entry.value)) }),
        ..Failure::nothing_matched(format!("no Q.850 cause is named \"{query}\"{hint}"))
    })
}
