//! `sipcode q850 17` (or `cause`): a Q.850 cause and the response each
//! profile answers it with.

use sip_codes::q850::{Cause, CauseEntry};

use super::suggest::first_row;
use crate::output::Failure;
use crate::report::{CauseReport, Report};

/// `sipcode q850 17`, `sipcode q850 UserBusy`, `sipcode cause "user busy"`.
pub fn q850(query: &str) -> Result<Report, Failure> {
    find(query).map(|cause| Report::Cause(CauseReport::of(cause)))
}

/// The cause of `query`: a number from 1 to 127, or a name, constant, Q.850
/// name or alias in any case.
fn find(query: &str) -> Result<Cause, Failure> {
    // Digits are a value, which `Cause` parses with its own messages.
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
        return query.parse::<Cause>().map_err(|error| Failure::nothing_matched(error.to_string()));
    }
    let entry = first_row::<CauseEntry>(
        query,
        format!("no Q.850 cause is named \"{query}\""),
        "give a value from 1 to 127, such as 17, or a name such as UserBusy",
    )?;
    Ok(entry.cause())
}
