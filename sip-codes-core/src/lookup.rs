//! Hash indexes over the catalogue's names and phrases, built at compile time
//! from `CATALOGUE`, so that a lookup by name or phrase costs a hash, a load
//! or two and one comparison instead of a scan of every row.
//!
//! A text is read as 64-bit words: its whole eight-byte chunks, then its last
//! word (see `last_word`). The phrase index folds ASCII case in every word
//! first, so that "BUSY HERE" and "Busy Here" have the same words; the name
//! index keeps them as they are. At compile time each index stores the words
//! of every spelling, already folded, and an open-addressing table of slots
//! keyed by the hash of those words. A lookup reads and folds the text's
//! words once, hashes them, and walks the slots from there to the spelling
//! whose words are equal, or to an empty slot.
//!
//! The tables are built in row order, so of two rows with the same spelling
//! ("Not Acceptable": 406 and 606) the lower code is met first.

use crate::{CATALOGUE, Entry};

/// The longest walk from a spelling's hash to its slot that the build accepts.
/// Short walks keep lookups fast; a catalogue change that breaks this fails to
/// compile and calls for a bigger table or a better hash.
const MAX_PROBES: usize = 4;

/// Slots per index: at most a third are used.
const SLOTS: usize = 512;

/// The first slot to try for `hash`: its top bits, the best mixed.
const fn home(hash: u64) -> usize {
    (hash >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The words of a text of `len` bytes: its whole chunks, then its last word.
const fn word_count(len: usize) -> usize {
    len / 8 + 1
}

/// The last eight bytes of `bytes` as a word, which may overlap the whole
/// words before them; for fewer bytes, the first and last four (which may
/// overlap), or the first, middle and last byte. Together with the whole
/// words it covers every byte, and no byte-by-byte loop runs.
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

/// The word `i` of `bytes`, case-folded if `FOLD`.
#[inline(always)]
const fn word<const FOLD: bool>(bytes: &[u8], i: usize) -> u64 {
    let (chunks, _) = bytes.as_chunks::<8>();
    let word = if i < chunks.len() { u64::from_le_bytes(chunks[i]) } else { last_word(bytes) };
    if FOLD { fold_word(word) } else { word }
}

/// Eight bytes, as a little-endian word, with their ASCII upper-case letters
/// made lower case.
#[inline(always)]
const fn fold_word(word: u64) -> u64 {
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

/// A hash of a text's words and length.
#[inline(always)]
const fn hash(words: &[u64], len: usize) -> u64 {
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut state = len as u64;
    let mut i = 0;
    while i < words.len() {
        state = (state ^ words[i]).wrapping_mul(MULTIPLIER);
        i += 1;
    }
    // A last mix, so that the top bits (the slot) depend on every bit.
    (state ^ state >> 32).wrapping_mul(MULTIPLIER)
}

/// A spelling of a row: `0` the phrase (or the CamelCase name), `n` the
/// alias `n - 1` (or, in the name index, `1` the constant).
const fn spelling(entry: &Entry, phrases: bool, n: usize) -> Option<&'static str> {
    match (phrases, n) {
        (true, 0) => Some(entry.phrase),
        (true, n) if n <= entry.aliases.len() => Some(entry.aliases[n - 1]),
        (false, 0) => Some(entry.name),
        (false, 1) => Some(entry.constant),
        _ => None,
    }
}

/// An index: the words of every spelling, and the slots. A slot is 0 when
/// empty; otherwise, from the low bits up: 32 bits of the spelling's hash,
/// its length (8 bits), its row plus one (8 bits) and where its words start
/// in `words` (16 bits). A walk rejects most slots on the hash and length.
struct Index<const WORDS: usize> {
    words: [u64; WORDS],
    slots: [u64; SLOTS],
    /// The longest spelling: a longer text is a miss without a hash.
    longest: usize,
}

/// How many words the index of phrases (`true`) or names holds.
const fn total_words(phrases: bool) -> usize {
    let (mut total, mut row) = (0, 0);
    while row < CATALOGUE.len() {
        let mut n = 0;
        while let Some(text) = spelling(&CATALOGUE[row], phrases, n) {
            total += word_count(text.len());
            n += 1;
        }
        row += 1;
    }
    total
}

/// Builds the index of phrases (`FOLD`, case folded) or of names.
const fn build<const FOLD: bool, const WORDS: usize>() -> Index<WORDS> {
    let mut index = Index { words: [0; WORDS], slots: [0; SLOTS], longest: 0 };
    let (mut used, mut row) = (0, 0);
    while row < CATALOGUE.len() {
        let mut n = 0;
        while let Some(text) = spelling(&CATALOGUE[row], FOLD, n) {
            let bytes = text.as_bytes();
            assert!(
                bytes.len() <= u8::MAX as usize,
                "a catalogue spelling is longer than a slot's length byte"
            );
            let count = word_count(bytes.len());
            let mut i = 0;
            while i < count {
                index.words[used + i] = word::<FOLD>(bytes, i);
                i += 1;
            }
            let hash = hash(index.words.split_at(used).1.split_at(count).0, bytes.len());
            let slot = (hash as u32 as u64)
                | (bytes.len() as u64) << 32
                | ((row + 1) as u64) << 40
                | (used as u64) << 48;
            let mut at = home(hash);
            let mut probes = 0;
            while index.slots[at] != 0 {
                at = (at + 1) % SLOTS;
                probes += 1;
            }
            assert!(
                probes < MAX_PROBES,
                "a catalogue spelling is too far from its hash slot: see MAX_PROBES"
            );
            index.slots[at] = slot;
            if bytes.len() > index.longest {
                index.longest = bytes.len();
            }
            used += count;
            n += 1;
        }
        row += 1;
    }
    assert!(used == WORDS && used <= u16::MAX as usize && CATALOGUE.len() < u8::MAX as usize);
    index
}

/// The most words a text can have and still be a spelling: the longest
/// spelling of all is well under 64 bytes (the build checks it).
const MAX_WORDS: usize = 8;

static PHRASES: Index<{ total_words(true) }> = build::<true, { total_words(true) }>();
static NAMES: Index<{ total_words(false) }> = build::<false, { total_words(false) }>();

const _: () = assert!(word_count(PHRASES.longest) <= MAX_WORDS && word_count(NAMES.longest) <= MAX_WORDS);

impl<const WORDS: usize> Index<WORDS> {
    /// The first row, in row order, with a spelling whose words are `text`'s.
    #[inline(always)]
    fn find<const FOLD: bool>(&self, text: &str) -> Option<&'static Entry> {
        let bytes = text.as_bytes();
        if bytes.len() > self.longest {
            return None;
        }
        let count = word_count(bytes.len());
        let mut words = [0; MAX_WORDS];
        for (i, word) in words.iter_mut().enumerate().take(count) {
            *word = self::word::<FOLD>(bytes, i);
        }
        let words = &words[..count];
        let hash = hash(words, bytes.len());
        let key = hash as u32 as u64 | (bytes.len() as u64) << 32;
        let mut at = home(hash);
        // Bounded so that the walk ends even if every slot were full.
        for _ in 0..SLOTS {
            let slot = self.slots[at];
            if slot == 0 {
                return None;
            }
            if slot & 0xFF_FFFF_FFFF == key {
                let start = (slot >> 48) as usize;
                let stored = self.words.get(start..start + count)?;
                if stored.iter().zip(words).all(|(a, b)| a == b) {
                    return CATALOGUE.get((slot >> 40 & 0xFF) as usize - 1);
                }
            }
            at = (at + 1) % SLOTS;
        }
        None
    }
}

/// The row whose phrase or alias is `text`, ignoring ASCII case.
#[inline]
pub(crate) fn by_phrase(text: &str) -> Option<&'static Entry> {
    PHRASES.find::<true>(text)
}

/// The row whose CamelCase or constant name is exactly `text`.
#[inline]
pub(crate) fn by_name(text: &str) -> Option<&'static Entry> {
    NAMES.find::<false>(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `known` and `text` have the same words, folded if `FOLD`.
    fn same_words<const FOLD: bool>(known: &str, text: &str) -> bool {
        let count = word_count(known.len());
        known.len() == text.len()
            && (0..count).all(|i| word::<FOLD>(known.as_bytes(), i) == word::<FOLD>(text.as_bytes(), i))
    }

    /// Every length from 0 to 19, with every byte changed in turn to each of
    /// a set of bytes around the case boundaries: equal words are equal text.
    #[test]
    fn words_are_equal_exactly_when_the_texts_are() {
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
                        same_words::<true>(known, text),
                        known.eq_ignore_ascii_case(text),
                        "{known:?} {text:?}"
                    );
                    assert_eq!(same_words::<false>(known, text), known == text, "{known:?} {text:?}");
                }
            }
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
