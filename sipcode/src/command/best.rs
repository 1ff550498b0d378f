//! `sipcode best 486 603 404`: the response a forking proxy sends upstream
//! once its branches have answered with these codes (RFC 3261 §16.7), and why.

use sip_codes::{StatusCode, best_response};

use crate::output::Failure;
use crate::report::{BestReport, Report};

/// `sipcode best CODE…`: the codes the branches received, in the order
/// received. clap requires one at least: with no branch there is no §16.7
/// choice to explain (§16.5 covers an empty target set).
pub fn best(codes: &[String]) -> Result<Report, Failure> {
    let branches = codes.iter().map(|text| parse(text)).collect::<Result<Vec<_>, _>>()?;
    let best = best_response(branches.iter().copied());
    Ok(Report::Best(BestReport::of(&best, &branches)))
}

/// A branch's code: three digits, as in a status line.
fn parse(text: &str) -> Result<StatusCode, Failure> {
    text.parse().map_err(|error| {
        Failure::bad_usage(format!(
            "`{text}` is not a status code ({error}): give the code each branch received, as in \
             `sipcode best 486 603 404`"
        ))
    })
}
