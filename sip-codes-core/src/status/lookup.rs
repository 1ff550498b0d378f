//! Hash indexes over the catalogue's names and phrases, built at compile time
//! from `CATALOGUE`, so that a lookup by name or phrase costs a hash, a load
//! or two and one comparison instead of a scan of every row.
//!
//! A text is read as 64-bit words: its whole eight-byte chunks, then its last
//! word (see `last_word`). At compile time each index stores the words of
//! every spelling, with a mask of where its ASCII letters are, and an
//! open-addressing table of slots keyed by the hash of those words. A lookup
//! reads the text's words once, hashes them, and walks the slots from there
//! to the spelling whose words match, or to an empty slot.
//!
//! The phrase index ignores ASCII case without folding anything at run time:
//! its hash reads every byte with `| 0x20`, which puts a letter's two cases
//! together, and a word matches when it differs from the spelling's only by
//! 0x20 in the places of letters (`matches`). The name index hashes and
//! compares the words as they are.
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

/// The word `i` of `bytes`.
#[inline(always)]
const fn word(bytes: &[u8], i: usize) -> u64 {
    let (chunks, _) = bytes.as_chunks::<8>();
    if i < chunks.len() { u64::from_le_bytes(chunks[i]) } else { last_word(bytes) }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;
/// 0x20 in every byte: the bit that tells an ASCII letter's cases apart.
const CASE: u64 = ONES * 0x20;

/// What the hash of the phrase index reads of a word: every byte with its
/// case bit set, so that both cases of a letter read the same. Other bytes
/// change too (`-` and CR read the same), which only costs a comparison.
#[inline(always)]
const fn key_word<const FOLD: bool>(word: u64) -> u64 {
    if FOLD { word | CASE } else { word }
}

/// 0x20 in the places of `word`'s ASCII letters, of either case.
const fn letters(word: u64) -> u64 {
    // Per byte, with no carry between bytes: the high bit of `at_least_a` is
    // set where the lower-cased low seven bits are 'a' or more, that of
    // `above_z` where they are above 'z'. A byte with its own high bit set
    // is not ASCII.
    let low = (word | CASE) & !HIGH;
    let at_least_a = low + ONES * (0x80 - b'a' as u64);
    let above_z = low + ONES * (0x80 - b'z' as u64 - 1);
    (at_least_a & !above_z & !word & HIGH) >> 2
}

/// Whether a text's `word` spells a stored word whose letters are at
/// `letters`: equal, but for the case bit of letters.
#[inline(always)]
fn matches(stored: u64, letters: u64, word: u64) -> bool {
    (stored ^ word) & !letters == 0
}

/// The hash of a text's words and length, in three steps so that a lookup
/// can feed it words straight from the text: `hash_start`, `hash_word` for
/// each word, `hash_finish`. The words are combined by rotations and
/// exclusive-or, which do not wait on one another, and only the result goes
/// through the multiplications that mix it.
const fn hash_start(len: usize) -> u64 {
    len as u64
}

/// Adds the key of word `i` (see `key_word`) to the hash.
#[inline(always)]
const fn hash_word(state: u64, i: usize, key: u64) -> u64 {
    state ^ key.rotate_left(i as u32 * 23)
}

#[inline(always)]
const fn hash_finish(state: u64) -> u64 {
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;
    let state = state.wrapping_mul(MULTIPLIER);
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

/// An index: the words of every spelling with where their letters are, and
/// the slots. A slot is 0 when
/// empty; otherwise, from the low bits up: 32 bits of the spelling's hash,
/// its length (8 bits), its row plus one (8 bits) and where its words start
/// in `words` (16 bits). A walk rejects most slots on the hash and length.
struct Index<const WORDS: usize> {
    words: [u64; WORDS],
    /// For each word, where its letters are (`letters`); 0 in the name
    /// index, whose comparisons heed case.
    letters: [u64; WORDS],
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
    let mut index = Index { words: [0; WORDS], letters: [0; WORDS], slots: [0; SLOTS], longest: 0 };
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
            let mut state = hash_start(bytes.len());
            let mut i = 0;
            while i < count {
                let word = word(bytes, i);
                index.words[used + i] = word;
                index.letters[used + i] = if FOLD { letters(word) } else { 0 };
                state = hash_word(state, i, key_word::<FOLD>(word));
                i += 1;
            }
            let hash = hash_finish(state);
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

static PHRASES: Index<{ total_words(true) }> = build::<true, { total_words(true) }>();
static NAMES: Index<{ total_words(false) }> = build::<false, { total_words(false) }>();

impl<const WORDS: usize> Index<WORDS> {
    /// The first row, in row order, with a spelling whose words are `text`'s.
    #[inline(always)]
    fn find<const FOLD: bool>(&self, text: &str) -> Option<&'static Entry> {
        let bytes = text.as_bytes();
        if bytes.len() > self.longest {
            return None;
        }
        // The words that `word` reads, straight from the text: no copy.
        let (chunks, _) = bytes.as_chunks::<8>();
        let last = last_word(bytes);
        let mut state = hash_start(bytes.len());
        for (i, chunk) in chunks.iter().enumerate() {
            state = hash_word(state, i, key_word::<FOLD>(u64::from_le_bytes(*chunk)));
        }
        let hash = hash_finish(hash_word(state, chunks.len(), key_word::<FOLD>(last)));
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
                let (stored, letters) = (self.words.get(start..)?, self.letters.get(start..)?);
                let (stored, letters) = (stored.get(..=chunks.len())?, letters.get(..=chunks.len())?);
                // Every word, without stopping early: a mismatch is rare here,
                // since the hash and length already agree.
                let mut same = matches(stored[chunks.len()], letters[chunks.len()], last);
                for ((chunk, stored), letters) in chunks.iter().zip(stored).zip(letters) {
                    same &= matches(*stored, *letters, u64::from_le_bytes(*chunk));
                }
                if same {
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

    /// Whether `text`'s words match `known`'s, as the phrase index (`FOLD`)
    /// or the name index compares them.
    fn same_words<const FOLD: bool>(known: &str, text: &str) -> bool {
        let count = word_count(known.len());
        known.len() == text.len()
            && (0..count).all(|i| {
                let stored = word(known.as_bytes(), i);
                let letters = if FOLD { letters(stored) } else { 0 };
                matches(stored, letters, word(text.as_bytes(), i))
            })
    }

    /// Every length from 0 to 19, with every byte changed in turn to each of
    /// a set of bytes around the case boundaries: the words match exactly
    /// when the texts are equal, ignoring ASCII case or not.
    #[test]
    fn words_match_exactly_when_the_texts_are_equal() {
        let base = "Busy Here, or Not!-7";
        for len in 0..=base.len() {
            let known = &base[..len];
            for position in 0..len {
                for byte in
                    [b'A', b'a', b'Z', b'z', b'@', b'`', b'[', b'{', b' ', b'0', b'~', b'\r', b'-', 0x7F]
                {
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
    fn letters_marks_exactly_the_ascii_letters_in_every_position() {
        for byte in 0..=u8::MAX {
            for position in 0..8 {
                for filler in [b'A', b'z', b'@', b'[', 0x80, 0xC1, 0xFF] {
                    let mut bytes = [filler; 8];
                    bytes[position] = byte;
                    let expected = bytes.map(|b| if b.is_ascii_alphabetic() { 0x20 } else { 0 });
                    assert_eq!(letters(u64::from_le_bytes(bytes)), u64::from_le_bytes(expected), "{bytes:?}");
                }
            }
        }
    }
}
