//! "Did you mean …?" when no row answers a query: the core's rule
//! ([`CatalogueRow::nearest`]), worded once for codes, causes and warn-codes.

use sip_codes::CatalogueRow;

use crate::output::Failure;
use crate::report::Suggestion;

/// The first row of `R` that answers `query` (what an operator typed), or
/// [`no_row`]'s failure.
pub fn first_row<R: CatalogueRow>(
    query: &str,
    nothing: String,
    otherwise: &str,
) -> Result<&'static R, Failure> {
    R::find(query).next().ok_or_else(|| no_row::<R>(query, nothing, otherwise))
}

/// The failure for `query`, which no row of `R` answers: `nothing`, then the
/// nearest spelling and its number as "did you mean …?", or `otherwise`
/// when nothing is near.
pub fn no_row<R: CatalogueRow>(query: &str, nothing: String, otherwise: &str) -> Failure {
    let nearest = R::nearest(query);
    let hint = match nearest {
        Some((spelling, row)) => format!("; did you mean {spelling} ({})?", row.number()),
        None => format!("; {otherwise}"),
    };
    Failure {
        suggestion: nearest
            .map(|(spelling, row)| Suggestion { spelling: spelling.to_string(), code: Some(row.number()) }),
        ..Failure::nothing_matched(format!("{nothing}{hint}"))
    }
}
