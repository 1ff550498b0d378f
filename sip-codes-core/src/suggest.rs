//! "Did you mean …?": the one rule for the nearest spelling, shared by the
//! macros' compile errors and `sipcode`'s messages, so that they agree on
//! what is near.

/// The candidate nearest to `typed`, as a "did you mean …?" names it.
///
/// `candidates` are `(spelling, value)` pairs, in the order that breaks
/// ties (a catalogue's rows by number). The rule is rustc's for suggestions:
///
/// 1. a spelling equal to `typed` ignoring ASCII case wins outright;
/// 2. otherwise the spelling at the smallest edit distance (Levenshtein, in
///    characters, ignoring ASCII case) wins, if that distance is at most a
///    third of the length of `typed` (at least 1);
/// 3. a tie goes to the first candidate.
///
/// It allocates nothing, so the macros, `sipcode` and a `no_std` caller share
/// it. Spellings of more than 64 characters are never near.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::suggest::nearest;
///
/// let names = [("BusyHere", 486), ("BusyEverywhere", 600), ("Decline", 603)];
/// assert_eq!(nearest("BusyHre", names), Some(("BusyHere", 486)));
/// assert_eq!(nearest("busy_here", names), Some(("BusyHere", 486)));
/// assert_eq!(nearest("DECLINE", names), Some(("Decline", 603)));
/// assert_eq!(nearest("Ringing", names), None);
/// ```
pub fn nearest<'c, T>(
    typed: &str,
    candidates: impl IntoIterator<Item = (&'c str, T)>,
) -> Option<(&'c str, T)> {
    let length = typed.chars().count();
    let limit = length.max(3) / 3;
    let mut best: Option<(usize, &'c str, T)> = None;
    for (spelling, value) in candidates {
        if spelling.eq_ignore_ascii_case(typed) {
            return Some((spelling, value));
        }
        // The distance is at least the difference in length: skip the
        // quadratic comparison where that alone rules a candidate out.
        if spelling.chars().count().abs_diff(length) > limit {
            continue;
        }
        let Some(distance) = levenshtein(typed, spelling, |a, b| a.eq_ignore_ascii_case(&b)) else {
            continue;
        };
        if distance <= limit && best.as_ref().is_none_or(|(best, ..)| distance < *best) {
            best = Some((distance, spelling, value));
        }
    }
    best.map(|(_, spelling, value)| (spelling, value))
}

/// The Levenshtein distance between `a` and `b`, in characters, or `None`
/// when the shorter of the two has more than 64 characters: suggestions for
/// a mistyped name or phrase compare short words, and a fixed row of 65
/// counts keeps this free of allocation. It takes the place of the `strsim`
/// crate, whose build cost more than this function is worth.
pub fn edit_distance(a: &str, b: &str) -> Option<usize> {
    levenshtein(a, b, |a, b| a == b)
}

/// The distance, with `same` deciding when two characters match.
fn levenshtein(a: &str, b: &str, same: impl Fn(char, char) -> bool) -> Option<usize> {
    let (a, b) = if a.chars().count() <= b.chars().count() { (a, b) } else { (b, a) };
    let mut row = [0usize; 65];
    let columns = a.chars().count();
    if columns >= row.len() {
        return None;
    }
    // row[j] holds the distance between the first j characters of `a` and
    // the characters of `b` read so far.
    for (j, cell) in row.iter_mut().enumerate().take(columns + 1) {
        *cell = j;
    }
    for (i, b_char) in b.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, a_char) in a.chars().enumerate() {
            let substitution = diagonal + usize::from(!same(a_char, b_char));
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    Some(row[columns])
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::String;
    use std::vec::Vec;

    use std::format;

    use super::{edit_distance, nearest};

    /// The textbook table, kept whole: what `edit_distance` must equal.
    fn levenshtein(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut table = std::vec![std::vec![0; b.len() + 1]; a.len() + 1];
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                table[i][j] = match (i, j) {
                    (0, j) => j,
                    (i, 0) => i,
                    (i, j) => (table[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]))
                        .min(table[i - 1][j] + 1)
                        .min(table[i][j - 1] + 1),
                };
            }
        }
        table[a.len()][b.len()]
    }

    /// Every pair of strings of up to four characters over a three-letter
    /// alphabet, one of them not ASCII.
    #[test]
    fn edit_distance_is_levenshtein_on_every_short_pair() {
        let mut words = std::vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                words.iter().flat_map(|w| ['a', 'b', 'é'].map(|c| std::format!("{w}{c}"))).collect();
            words.extend(longer);
        }
        words.sort();
        words.dedup();
        for a in &words {
            for b in &words {
                assert_eq!(edit_distance(a, b), Some(levenshtein(a, b)), "{a:?} {b:?}");
            }
        }
        let long = "x".repeat(64);
        assert_eq!(edit_distance(&long, "BusyHere"), Some(levenshtein(&long, "BusyHere")));
        assert_eq!(edit_distance(&"x".repeat(65), &"y".repeat(70)), None);
    }

    /// The rule's limit, on every length up to 12: a third of the length, at
    /// least 1; a case-insensitive match first; ties to the first candidate.
    #[test]
    fn nearest_keeps_to_a_third_of_the_length() {
        for length in 1..=12 {
            let typed = "a".repeat(length);
            let limit = length.max(3) / 3;
            for distance in 0..=limit + 1 {
                let candidate = format!("{}{}", "a".repeat(length), "b".repeat(distance));
                let found = nearest(&typed, [(candidate.as_str(), ())]).is_some();
                assert_eq!(found, distance <= limit, "{typed:?} {candidate:?}");
            }
        }
        assert_eq!(nearest("abcd", [("abce", 1), ("ABCD", 2)]), Some(("ABCD", 2)));
        assert_eq!(nearest("abcd", [("abce", 1), ("abcf", 2)]), Some(("abce", 1)));
        assert_eq!(nearest("abcd", [("ABCE", 1), ("abc", 2)]), Some(("ABCE", 1)));
    }
}
