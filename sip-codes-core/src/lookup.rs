//! Hash indexes over the catalogue's names and phrases, built at compile time
//! from `CATALOGUE`, so that a lookup by name or phrase costs a few loads and
//! one comparison instead of a scan of every row.
//!
//! Each index is an open-addressing table of slots. A slot holds a spelling's
//! row and which of the row's spellings it is, or nothing. Lookups hash the
//! input, then walk the slots from there until they find the spelling or an
//! empty slot. The tables are built in row order, so of two rows with the same
//! spelling ("Not Acceptable": 406 and 606) the lower code is met first.

use crate::{CATALOGUE, Entry};

/// Slots in the phrase index: phrases and aliases, a little over a hundred.
const PHRASE_SLOTS: usize = 512;
/// Slots in the name index: two names a row, about a hundred and fifty.
const NAME_SLOTS: usize = 512;
/// The longest walk from a spelling's hash to its slot that the build accepts.
/// Short walks are what keep lookups fast; a catalogue change that breaks this
/// fails to compile and calls for a bigger table or a better hash.
const MAX_PROBES: usize = 4;

/// Which spelling of a row a slot holds: `0` the phrase (or the CamelCase
/// name), `n` the alias `n - 1` (or, in the name index, `1` the constant).
type Spelling = u8;

/// A slot, or 0 when empty. From the low byte up: the spelling, the row plus
/// one, the spelling's length and eight bits of its hash. A walk rejects most
/// slots on the last two without reading the row.
type Slot = u32;

/// What a slot holds besides the row: its length and hash byte, which a
/// lookup compares first.
const fn tag(len: usize, hash: usize) -> u32 {
    (len as u32) << 16 | ((hash >> 24) as u8 as u32) << 24
}

const TAG_MASK: u32 = 0xFFFF_0000;

/// A hash of `bytes` that ignores ASCII case: it reads them eight at a time
/// with `| 0x20` on every byte, which folds ASCII upper case onto lower case
/// (other bytes change too, but the same way for every input, which is all
/// a hash needs). Spellings that differ in one byte anywhere, such as "Bad
/// Identity Info" and "Bad Identity-Info", get different hashes, so a walk
/// compares the text with one spelling, not with each of its neighbours.
#[inline]
const fn hash(bytes: &[u8]) -> usize {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut state = bytes.len() as u64;
    let (words, _) = bytes.as_chunks::<8>();
    let mut i = 0;
    while i < words.len() {
        state = (state ^ (u64::from_le_bytes(words[i]) | SPACES)).wrapping_mul(MULTIPLIER);
        i += 1;
    }
    let last = last_word(bytes);
    state = (state ^ (last | SPACES)).wrapping_mul(MULTIPLIER);
    (state ^ state >> 32) as usize
}

/// The last eight bytes of `bytes` as a word, which may overlap the whole
/// words before them; for fewer bytes, the first and last four (which may
/// overlap), or the first, middle and last byte: every byte counts, and no
/// byte-by-byte loop runs.
#[inline(always)]
const fn last_word(bytes: &[u8]) -> u64 {
    match (bytes.last_chunk::<8>(), bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(last), _, _) => u64::from_le_bytes(*last),
        (None, Some(first), Some(last)) => {
            (u32::from_le_bytes(*first) as u64) << 32 | u32::from_le_bytes(*last) as u64
        }
        _ => match bytes {
            [] => 0,
            [first, ..] => {
                (*first as u64) << 16 | (bytes[bytes.len() / 2] as u64) << 8 | bytes[bytes.len() - 1] as u64
            }
        },
    }
}

const fn phrase_spelling(entry: &Entry, spelling: Spelling) -> &'static str {
    match spelling {
        0 => entry.phrase,
        n => entry.aliases[n as usize - 1],
    }
}

const fn name_spelling(entry: &Entry, spelling: Spelling) -> &'static str {
    match spelling {
        0 => entry.name,
        _ => entry.constant,
    }
}

/// Puts `(row, spelling)` in the first free slot from `text`'s hash on.
const fn insert<const N: usize>(slots: &mut [Slot; N], text: &str, row: usize, spelling: Spelling) {
    assert!(text.len() <= u8::MAX as usize, "a catalogue spelling is longer than a slot's length byte");
    let hash = hash(text.as_bytes());
    let mut slot = hash % N;
    let mut probes = 0;
    while slots[slot] != 0 {
        slot = (slot + 1) % N;
        probes += 1;
    }
    assert!(probes < MAX_PROBES, "a catalogue spelling is too far from its hash slot: see MAX_PROBES");
    slots[slot] = tag(text.len(), hash) | ((row + 1) << 8 | spelling as usize) as Slot;
}

static PHRASES: [Slot; PHRASE_SLOTS] = {
    let mut slots = [0; PHRASE_SLOTS];
    let mut row = 0;
    while row < CATALOGUE.len() {
        let entry = &CATALOGUE[row];
        assert!(entry.aliases.len() < Spelling::MAX as usize, "too many aliases for a Spelling");
        let mut spelling = 0;
        while spelling <= entry.aliases.len() {
            insert(&mut slots, phrase_spelling(entry, spelling as Spelling), row, spelling as Spelling);
            spelling += 1;
        }
        row += 1;
    }
    slots
};

static NAMES: [Slot; NAME_SLOTS] = {
    let mut slots = [0; NAME_SLOTS];
    assert!(CATALOGUE.len() < u8::MAX as usize, "too many rows for a Slot");
    let mut row = 0;
    while row < CATALOGUE.len() {
        insert(&mut slots, CATALOGUE[row].name, row, 0);
        insert(&mut slots, CATALOGUE[row].constant, row, 1);
        row += 1;
    }
    slots
};

/// Walks `slots` from `text`'s hash to the first row whose spelling (as
/// `spelling_of` reads it) `matches` the text, or to an empty slot.
#[inline]
fn find<const N: usize>(
    slots: &[Slot; N],
    text: &str,
    spelling_of: fn(&Entry, Spelling) -> &'static str,
    matches: fn(&str, &str) -> bool,
) -> Option<&'static Entry> {
    let hash = hash(text.as_bytes());
    // No spelling is longer than 255 bytes: a longer text has no tag to match.
    let wanted = if text.len() <= u8::MAX as usize { tag(text.len(), hash) } else { 0 };
    let mut index = hash % N;
    // Bounded by N so that the walk ends even if every slot were full.
    for _ in 0..N {
        let slot = slots[index];
        if slot == 0 {
            return None;
        }
        if slot & TAG_MASK == wanted {
            let entry = &CATALOGUE[(slot >> 8 & 0xFF) as usize - 1];
            let spelling = spelling_of(entry, slot as Spelling);
            if matches(spelling, text) {
                return Some(entry);
            }
        }
        index = (index + 1) % N;
    }
    None
}

/// The row whose phrase or alias is `text`, ignoring ASCII case.
#[inline]
pub(crate) fn by_phrase(text: &str) -> Option<&'static Entry> {
    find(&PHRASES, text, phrase_spelling, eq_ignore_ascii_case)
}

/// `known.eq_ignore_ascii_case(text)`, eight bytes at a time.
#[inline]
fn eq_ignore_ascii_case(known: &str, text: &str) -> bool {
    same(known.as_bytes(), text.as_bytes(), fold_word)
}

/// `known == text`, eight bytes at a time.
#[inline]
fn eq(known: &str, text: &str) -> bool {
    same(known.as_bytes(), text.as_bytes(), |word| word)
}

/// Whether `known` and `text` are equal once each of their words has gone
/// through `fold`: whole words, then `last_word`. Comparing words, without a
/// call to `memcmp`, is what keeps a hit as cheap as the rest of a lookup;
/// `core`'s byte-wise comparisons cost more than all of it.
#[inline(always)]
fn same(known: &[u8], text: &[u8], fold: impl Fn(u64) -> u64 + Copy) -> bool {
    if known.len() != text.len() {
        return false;
    }
    let word = |bytes: &[u8; 8]| fold(u64::from_le_bytes(*bytes));
    let (known_words, _) = known.as_chunks::<8>();
    let (text_words, _) = text.as_chunks::<8>();
    known_words.iter().zip(text_words).all(|(a, b)| word(a) == word(b))
        && fold(last_word(known)) == fold(last_word(text))
}

/// Eight bytes, as a little-endian word, with their ASCII upper-case letters
/// made lower case.
#[inline(always)]
fn fold_word(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Per byte, with no carry between bytes: the high bit of `at_least_a` is
    // set where the low seven bits are 'A' or more, that of `above_z` where
    // they are above 'Z'. A byte with its own high bit set is not ASCII.
    let low = word & !HIGH;
    let at_least_a = low + ONES * (0x80 - b'A' as u64);
    let above_z = low + ONES * (0x80 - b'Z' as u64 - 1);
    let upper = at_least_a & !above_z & !word & HIGH;
    word | upper >> 2
}

/// The row whose CamelCase or constant name is exactly `text`.
#[inline]
pub(crate) fn by_name(text: &str) -> Option<&'static Entry> {
    find(&NAMES, text, name_spelling, eq)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length from 0 to 19, with every byte changed in turn to each of
    /// a set of bytes around the case boundaries.
    #[test]
    fn word_comparisons_agree_with_core_on_every_length_and_position() {
        let base = "Busy Here, or Not!-7";
        for len in 0..=base.len() {
            let known = &base[..len];
            for position in 0..len {
                for byte in [b'A', b'a', b'Z', b'z', b'@', b'`', b'[', b'{', b' ', b'0', b'~', 0x7F] {
                    let mut text = [0; 20];
                    text[..len].copy_from_slice(known.as_bytes());
                    text[position] = byte;
                    let text = core::str::from_utf8(&text[..len]).unwrap();
                    assert_eq!(
                        eq_ignore_ascii_case(known, text),
                        known.eq_ignore_ascii_case(text),
                        "{known:?} {text:?}"
                    );
                    assert_eq!(eq(known, text), known == text, "{known:?} {text:?}");
                }
            }
            assert!(eq_ignore_ascii_case(known, known) && eq(known, known));
            assert!(len == 0 || !eq(known, &base[..len - 1]));
        }
    }

    #[test]
    fn fold_word_lowers_exactly_the_ascii_capitals_in_every_position() {
        for byte in 0..=u8::MAX {
            for position in 0..8 {
                for filler in [b'A', b'z', b'@', b'[', 0x80, 0xC1, 0xFF] {
                    let mut bytes = [filler; 8];
                    bytes[position] = byte;
                    let expected = bytes.map(|b| b.to_ascii_lowercase());
                    assert_eq!(
                        fold_word(u64::from_le_bytes(bytes)),
                        u64::from_le_bytes(expected),
                        "{bytes:?}"
                    );
                }
            }
        }
    }
}
