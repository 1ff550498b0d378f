//! Records kept while they are open (transactions, calls), in a ring in the
//! order they were queued, with an index from key to place.
//!
//! A hash map of the records themselves, with a heap of expiry times beside
//! it, kept the 200,000 open transactions of 2,000 calls a second in tens of
//! megabytes of buckets reached at random, twice per transaction at least
//! (begun, expired): past the processor's caches, each reach a trip to
//! memory (660 ms of the main thread, measured on 200,000 calls). Here the
//! records sit in the order they began, so that expiring reads the ring's
//! front in order and a response finds its transaction among the recent
//! ones at the back; only the index (16 bytes a record) is reached at random.
//!
//! The price: records leave from the front only. A record not yet due when
//! it reaches the front is waited for if it is due soon (the records behind
//! it wait with it, a second at most), and goes to the back otherwise. What
//! a record's expiry decides is the same either way (it depends on its own
//! times only); only its memory may be held a little longer.

use std::collections::VecDeque;
use std::collections::hash_map::Entry;

use super::Map;
use crate::capture::Timestamp;

/// One open record, with the time it was queued from.
#[derive(Debug)]
pub(super) struct Slot<T> {
    pub(super) key: u64,
    pub(super) queued: Timestamp,
    pub(super) value: T,
}

/// The open records; see the module's documentation.
#[derive(Debug)]
pub(super) struct Open<T> {
    ring: VecDeque<Slot<T>>,
    /// The sequence number of the ring's front: a record's place in the
    /// ring is its sequence number less this.
    front: u64,
    /// Key → sequence number.
    index: Map<u64>,
}

impl<T> Default for Open<T> {
    fn default() -> Self {
        Open { ring: VecDeque::new(), front: 0, index: Map::default() }
    }
}

impl<T> Open<T> {
    /// The record of `key`, if it is open.
    pub(super) fn get_mut(&mut self, key: u64) -> Option<&mut T> {
        let seq = *self.index.get(&key)?;
        let place = usize::try_from(seq.checked_sub(self.front)?).ok()?;
        self.ring.get_mut(place).map(|slot| &mut slot.value)
    }

    /// The record of `key`, or a new one made by `make` and queued at
    /// `queued`; `true` if it is new. `None` only if the index and the ring
    /// disagree, which no input makes them do.
    pub(super) fn get_or_insert_with(
        &mut self,
        key: u64,
        queued: Timestamp,
        make: impl FnOnce() -> T,
    ) -> Option<(&mut T, bool)> {
        match self.index.entry(key) {
            Entry::Occupied(open) => {
                let place = usize::try_from(open.get().checked_sub(self.front)?).ok()?;
                self.ring.get_mut(place).map(|slot| (&mut slot.value, false))
            }
            Entry::Vacant(vacant) => {
                vacant.insert(self.front + self.ring.len() as u64);
                self.ring.push_back(Slot { key, queued, value: make() });
                self.ring.back_mut().map(|slot| (&mut slot.value, true))
            }
        }
    }

    /// The record at the front: the one queued longest ago, unless a
    /// record moved to the back passed it.
    pub(super) fn front(&self) -> Option<&Slot<T>> {
        self.ring.front()
    }

    /// Takes the front record out.
    pub(super) fn pop_front(&mut self) -> Option<Slot<T>> {
        let slot = self.ring.pop_front()?;
        self.index.remove(&slot.key);
        self.front += 1;
        Some(slot)
    }

    /// Moves the front record to the back, queued again at `queued`.
    pub(super) fn requeue_front(&mut self, queued: Timestamp) {
        if let Some(mut slot) = self.ring.pop_front() {
            self.front += 1;
            let back = self.front + self.ring.len() as u64;
            self.index.insert(slot.key, back);
            slot.queued = queued;
            self.ring.push_back(slot);
        }
    }

    /// How many are open.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.ring.len()
    }

    /// Every open record, in the ring's order; the ring is left empty.
    pub(super) fn drain(&mut self) -> impl Iterator<Item = T> + use<T> {
        self.index.clear();
        self.front += self.ring.len() as u64;
        std::mem::take(&mut self.ring).into_iter().map(|slot| slot.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_found_moved_and_expired_in_ring_order() {
        let t = |secs| Timestamp::new(secs, 0);
        let mut open: Open<u32> = Open::default();
        for key in 0..5u64 {
            let (value, new) = open.get_or_insert_with(key, t(key as i64), || key as u32 * 10).unwrap();
            assert!(new);
            assert_eq!(*value, key as u32 * 10);
        }
        let (value, new) = open.get_or_insert_with(3, t(9), || 99).unwrap();
        assert!(!new, "an open key is found, not made again");
        *value += 1;
        assert_eq!(open.get_mut(3).copied(), Some(31));
        open.requeue_front(t(7));
        assert_eq!(open.front().map(|slot| slot.key), Some(1));
        assert_eq!(open.get_mut(0).copied(), Some(0), "a moved record is still found");
        let order: Vec<u64> = std::iter::from_fn(|| open.pop_front().map(|slot| slot.key)).collect();
        assert_eq!(order, [1, 2, 3, 4, 0]);
        assert_eq!(open.get_mut(3), None);
        assert_eq!(open.len(), 0);
        let (_, new) = open.get_or_insert_with(3, t(10), || 5).unwrap();
        assert!(new, "a key expired is new again");
        assert_eq!(open.drain().collect::<Vec<_>>(), [5]);
        assert_eq!(open.get_mut(3), None);
    }
}
