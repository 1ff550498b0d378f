//! The rules the three crates share about the catalogues' spellings: which
//! codes travel on the wire, how a name is made from a phrase, how a phrase
//! is matched, which rows neighbour a number. `sip-codes` and
//! `sip-codes-macros` reach the first three through `__private`, and the
//! neighbours through `Entry::neighbours` and `CauseEntry::neighbours`.

/// The codes that may travel on the wire: RFC 3261 §7.2 defines six classes,
/// 1xx to 6xx, and lets any three-digit code in them be used as an extension.
pub const WIRE_CODES: core::ops::RangeInclusive<u16> = 100..=699;

/// Does `name` follow the naming rule for `phrase`?
///
/// The rule: split the phrase at every character that is not an ASCII letter
/// or digit, drop the empty pieces, and write each piece with its first letter
/// upper case and the rest lower case (acronyms are words: "Request-URI" gives
/// `RequestUri`). The SCREAMING constant is the same pieces upper case, joined by
/// `_`. Comparing instead of building keeps this free of allocation, so both the
/// `no_std` runtime crate and the proc-macro crate can share it.
pub fn follows_name_rule(phrase: &str, name: &str, screaming: bool) -> bool {
    let expected = phrase
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .enumerate()
        .flat_map(|(i, word)| {
            let separator = (screaming && i > 0).then_some('_');
            let letters = word.chars().enumerate().map(move |(j, c)| {
                if screaming || j == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }
            });
            separator.into_iter().chain(letters)
        });
    expected.eq(name.chars())
}

/// Whether `text` spells a row whose registered phrase and aliases are given:
/// phrase lookups ignore ASCII case, nothing else.
pub fn spells(phrase: &str, aliases: &[&str], text: &str) -> bool {
    phrase.eq_ignore_ascii_case(text) || aliases.iter().any(|alias| alias.eq_ignore_ascii_case(text))
}

/// The rows just below and just above `number` among those whose number
/// lies in `range`, from rows sorted by number: what a message about an
/// uncatalogued number cites. The status catalogue passes [`WIRE_CODES`], so
/// that the stack-local 701 is no wire code's neighbour; the Q.850 causes
/// pass 1 to 127.
pub fn neighbours<T>(
    rows: &[T],
    number_of: impl Fn(&T) -> u16,
    range: core::ops::RangeInclusive<u16>,
    number: u16,
) -> (Option<&T>, Option<&T>) {
    let in_range = |row: &&T| range.contains(&number_of(row));
    let below = rows.iter().rev().filter(in_range).find(|row| number_of(row) < number);
    let above = rows.iter().filter(in_range).find(|row| number_of(row) > number);
    (below, above)
}
