//! The nearest spelling: what `sipcode` suggests for a near miss. The rule is
//! behind [`nearest_spelling`] alone, so that the core's suggestion API can
//! replace its body in one place.

use sip_codes::__private::edit_distance;

/// The spelling nearest to `query` among rows' names and texts (a text
/// written quoted), and its row, in rustc's order: a case-insensitive match
/// first, then the smallest edit distance, up to a third of the length; a
/// tie goes to the row that `order` puts first. One rule for response codes,
/// Q.850 causes and the words of the catalogue.
pub fn nearest_spelling<'r, T: 'r>(
    query: &str,
    rows: impl IntoIterator<Item = &'r T>,
    spellings: impl Fn(&'r T) -> (&'r str, &'r str, &'r [&'r str]),
    order: impl Fn(&T) -> u16,
) -> Option<(String, &'r T)> {
    let query = query.to_lowercase();
    let limit = (query.chars().count() / 3).max(1);
    rows.into_iter()
        .flat_map(|row| {
            let (name, text, aliases) = spellings(row);
            let texts = std::iter::once(text).chain(aliases.iter().copied()).filter(|text| !text.is_empty());
            std::iter::once((name.to_owned(), row)).chain(texts.map(move |t| (format!("\"{t}\""), row)))
        })
        .filter(|(spelling, _)| !spelling.is_empty())
        .filter_map(|(spelling, row)| {
            Some((edit_distance(&query, &spelling.trim_matches('"').to_lowercase())?, spelling, row))
        })
        .filter(|(distance, ..)| *distance <= limit)
        .min_by_key(|(distance, _, row)| (*distance, order(row)))
        .map(|(_, spelling, row)| (spelling, row))
}
