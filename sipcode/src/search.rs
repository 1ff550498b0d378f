//! `sipcode search WORD`: the codes whose phrase, aliases or meaning mention a word.

use sip_codes::__private::edit_distance;
use sip_codes::{CATALOGUE, Entry};

use crate::display::show_table;
use crate::output::{Failure, Output};

/// `sipcode search WORD`.
pub fn search(output: &mut Output, word: &str) -> Result<(), Failure> {
    let needle = word.to_lowercase();
    let entries: Vec<&Entry> = CATALOGUE
        .iter()
        .filter(|entry| {
            std::iter::once(entry.phrase)
                .chain(entry.aliases.iter().copied())
                .chain([entry.meaning])
                .any(|text| text.to_lowercase().contains(&needle))
        })
        .collect();
    if entries.is_empty() {
        let hint = nearest_word(&needle).map_or(String::new(), |word| format!("; did you mean \"{word}\"?"));
        return Err(Failure::nothing_matched(format!(
            "no code's phrase or meaning mentions \"{word}\"{hint}"
        )));
    }
    show_table(output, &entries)
}

/// The word of the catalogue's phrases and meanings nearest to `needle`.
fn nearest_word(needle: &str) -> Option<String> {
    let limit = (needle.chars().count() / 3).max(1);
    CATALOGUE
        .iter()
        .flat_map(|entry| entry.phrase.split(|c: char| !c.is_alphanumeric()).chain(entry.meaning.split(' ')))
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|word| !word.is_empty())
        .filter_map(|word| Some((edit_distance(needle, &word)?, word)))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, word)| word)
}

/// The spelling nearest to `query` among rows' names and texts (a text
/// written quoted), and its row, in rustc's order: a case-insensitive match
/// first, then the smallest edit distance, up to a third of the length; a
/// tie goes to the row that `order` puts first. One rule for response codes
/// and Q.850 causes.
pub fn nearest_spelling<'r, T: 'r>(
    query: &str,
    rows: impl IntoIterator<Item = &'r T>,
    spellings: impl Fn(&T) -> (&'static str, &'static str, &'static [&'static str]),
    order: impl Fn(&T) -> u16,
) -> Option<(String, &'r T)> {
    let query = query.to_lowercase();
    let limit = (query.chars().count() / 3).max(1);
    rows.into_iter()
        .flat_map(|row| {
            let (name, text, aliases) = spellings(row);
            let texts = std::iter::once(text).chain(aliases.iter().copied());
            std::iter::once((name.to_owned(), row)).chain(texts.map(move |t| (format!("\"{t}\""), row)))
        })
        .filter_map(|(spelling, row)| {
            Some((edit_distance(&query, &spelling.trim_matches('"').to_lowercase())?, spelling, row))
        })
        .filter(|(distance, ..)| *distance <= limit)
        .min_by_key(|(distance, _, row)| (*distance, order(row)))
        .map(|(_, spelling, row)| (spelling, row))
}

#[cfg(test)]
mod tests {
    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::sipcode;

    #[test]
    fn search_looks_through_phrases_aliases_and_meanings() {
        let (exit, out, _) = sipcode(&["search", "BUSY"], "");
        assert_eq!(exit, SUCCESS);
        let codes: Vec<&str> = out.lines().skip(1).map(|line| &line[..3]).collect();
        assert_eq!(codes, ["486", "600"]);
        // Two words are one phrase to find; 437 mentions it in its meaning only.
        let (_, out, _) = sipcode(&["search", "identity", "header"], "");
        let codes: Vec<&str> = out.lines().skip(1).map(|line| &line[..3]).collect();
        assert_eq!(codes, ["428", "436", "437", "438"]);
        let (exit, _, err) = sipcode(&["search", "bussy"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(err.contains("did you mean \"busy\"?"), "{err}");
    }
}
