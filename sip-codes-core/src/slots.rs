//! The one index from a number to its row, built at compile time: the
//! status catalogue, the Q.850 causes, the warn-codes and the two Q.850
//! mapping tables each keep a dense array of slots, where `slots[key]` is the
//! row's position plus one, or 0 for a number without a row. One load and one
//! comparison per lookup, in `const fn`s, with no hashing.
//!
//! [`index!`](crate::slots::index) builds the array and checks, at compile
//! time, what keeps it sound: every key fits, the rows are sorted by key and
//! unique, and a position fits in the `u8` of a slot. [`row`] reads it.

/// `[u8; $len]` where the slot of each row's key (`$key`, an expression in
/// `$row`) holds the row's position plus one. A broken assumption fails the
/// build, with `$what` naming the table.
///
/// A macro rather than a `const fn`: a `const fn` cannot take the key
/// function as a closure, and each table has its own row type.
macro_rules! index {
    ($rows:expr, |$row:ident| $key:expr, $len:expr, $what:literal) => {{
        let rows = $rows;
        assert!(rows.len() < u8::MAX as usize, concat!($what, ": a slot stores a position in a u8"));
        let mut slots = [0u8; $len];
        let mut previous = 0usize;
        let mut i = 0;
        while i < rows.len() {
            let $row = &rows[i];
            let key = $key as usize;
            assert!(key < $len, concat!($what, ": a key is outside the index"));
            assert!(i == 0 || previous < key, concat!($what, ": rows are sorted by key and unique"));
            slots[key] = i as u8 + 1;
            previous = key;
            i += 1;
        }
        slots
    }};
}
pub(crate) use index;

/// The row of `rows` at `key`'s slot, or `None` when `key` has no row or is
/// beyond the index.
#[inline]
pub(crate) const fn row<T>(rows: &'static [T], slots: &[u8], key: usize) -> Option<&'static T> {
    match position(slots, key) {
        Some(position) => Some(&rows[position]),
        None => None,
    }
}

/// The position of `key`'s row, or `None` when `key` has no row or is beyond
/// the index: for a table kept in the same order as the indexed one.
#[inline]
pub(crate) const fn position(slots: &[u8], key: usize) -> Option<usize> {
    if key >= slots.len() {
        return None;
    }
    match slots[key] {
        0 => None,
        slot => Some(slot as usize - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::row;

    const ROWS: &[(u16, &str)] = &[(3, "three"), (5, "five"), (9, "nine")];
    const SLOTS: [u8; 10] = index!(ROWS, |r| r.0, 10, "test rows");

    #[test]
    fn every_key_finds_its_row_and_no_other() {
        for key in 0..20 {
            let expected = ROWS.iter().find(|r| usize::from(r.0) == key);
            assert_eq!(row(ROWS, &SLOTS, key), expected, "{key}");
        }
    }
}
