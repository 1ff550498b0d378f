//! `sipcode html`: every table, for the reference page.

use sip_codes::q850::CAUSES;
use sip_codes::{CATALOGUE, WARN_CODES};

use crate::report::{CauseReport, CodeReport, Report, TablesReport, WarnCodeReport};

/// The whole reference: codes, warn-codes and Q.850 causes, in table order.
pub fn reference() -> Report {
    Report::Tables(TablesReport {
        codes: CATALOGUE.iter().map(CodeReport::of).collect(),
        warn_codes: WARN_CODES.iter().map(|entry| WarnCodeReport::of(entry.warn_code())).collect(),
        causes: CAUSES.iter().map(|entry| CauseReport::of(entry.cause())).collect(),
    })
}
