//! `sipcode search WORD`: the codes whose phrase, aliases or meaning mention a word.

use sip_codes::CATALOGUE;
use sip_codes::suggest::nearest;

use crate::output::Failure;
use crate::report::{CodeReport, Report, Suggestion};

/// `sipcode search WORD`.
pub fn search(word: &str) -> Result<Report, Failure> {
    let needle = word.to_lowercase();
    let codes: Vec<CodeReport> = CATALOGUE
        .iter()
        .filter(|entry| {
            std::iter::once(entry.phrase)
                .chain(entry.aliases.iter().copied())
                .chain([entry.meaning])
                .any(|text| text.to_lowercase().contains(&needle))
        })
        .map(CodeReport::of)
        .collect();
    if codes.is_empty() {
        let nearest = nearest_word(&needle);
        let hint = nearest.as_ref().map_or(String::new(), |word| format!("; did you mean \"{word}\"?"));
        return Err(Failure {
            suggestion: nearest.map(|word| Suggestion { spelling: format!("\"{word}\""), code: None }),
            ..Failure::nothing_matched(format!("no code's phrase or meaning mentions \"{word}\"{hint}"))
        });
    }
    Ok(Report::List { codes })
}

/// The word of the catalogue's phrases and meanings nearest to `needle`;
/// a tie goes to the word first in alphabetical order.
fn nearest_word(needle: &str) -> Option<String> {
    let mut words: Vec<String> = CATALOGUE
        .iter()
        .flat_map(|entry| entry.phrase.split(|c: char| !c.is_alphanumeric()).chain(entry.meaning.split(' ')))
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|word| !word.is_empty())
        .collect();
    words.sort();
    words.dedup();
    nearest(needle, words.iter().map(|word| (word.as_str(), ()))).map(|(word, ())| word.to_owned())
}
