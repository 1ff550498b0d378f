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

use std::time::Duration;

use super::{LIFETIME, Map, is_due};
use crate::capture::Timestamp;

/// How long a record due soon holds up the ones queued behind it: a bound
/// on how much longer they are kept.
const WAIT_AT_FRONT: Duration = Duration::from_secs(1);

/// One open record, with the time it was queued from.
#[derive(Debug)]
struct Slot<T> {
    key: u64,
    queued: Timestamp,
    value: T,
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

    /// Takes the front record out.
    fn pop_front(&mut self) -> Option<Slot<T>> {
        let slot = self.ring.pop_front()?;
        self.index.remove(&slot.key);
        self.front += 1;
        Some(slot)
    }

    /// Takes out the next record whose `last` message has lived past
    /// [`LIFETIME`] at capture time `now`, unless `keep` holds it open a
    /// lifetime more; `None` when the front is not due.
    ///
    /// A record queued with no known time is queued again from `now`, so
    /// that it does not hold up the ring. One due within [`WAIT_AT_FRONT`] is
    /// waited for, the ones behind it with it (most are: their last message
    /// came soon after their first); one due later goes round, queued from
    /// its last message, and stops the walk when it comes round again.
    pub(super) fn next_due(
        &mut self,
        now: Timestamp,
        last: impl Fn(&T) -> Timestamp,
        keep: impl Fn(&T) -> bool,
    ) -> Option<T> {
        loop {
            let slot = self.ring.front()?;
            if !slot.queued.is_known() {
                self.requeue_front(now);
                continue;
            }
            if !is_due(now, slot.queued) {
                return None;
            }
            let last = last(&slot.value);
            if !is_due(now, last) {
                if last.is_known() && now.since(last).is_some_and(|age| age + WAIT_AT_FRONT >= LIFETIME) {
                    return None;
                }
                self.requeue_front(if last.is_known() { last } else { now });
                continue;
            }
            if keep(&slot.value) {
                self.requeue_front(now);
                continue;
            }
            return self.pop_front().map(|slot| slot.value);
        }
    }

    /// Moves the front record to the back, queued again at `queued`.
    fn requeue_front(&mut self, queued: Timestamp) {
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
        assert_eq!(open.ring.front().map(|slot| slot.key), Some(1));
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

    #[test]
    fn the_next_due_waits_for_the_front_or_sends_it_round() {
        // Milliseconds from a known time (the epoch is no capture time).
        let t = |millis: i64| Timestamp::new(1_000 + millis / 1000, (millis % 1000 * 1_000_000) as u32);
        // (key, last message), queued at 0 s, 1 s and 2 s.
        let mut open: Open<(u64, i64)> = Open::default();
        for (key, queued, last) in [(1, 0, 500), (2, 1_000, 20_000), (3, 2_000, 2_000)] {
            open.get_or_insert_with(key, t(queued), || (key, last)).unwrap();
        }
        let last = |record: &(u64, i64)| t(record.1);
        // At 32.2 s the front is queued long enough, but its last message
        // (0.5 s) is due only at 32.5 s: within a second, it is waited for.
        assert_eq!(open.next_due(t(32_200), last, |_| false), None);
        assert_eq!(open.ring.front().map(|slot| slot.key), Some(1));
        // At 33.5 s: key 1 is due; key 2's last message (20 s) is due at
        // 52 s, so it goes round; key 3 is due; key 2 then stops the walk.
        assert_eq!(open.next_due(t(33_500), last, |_| false), Some((1, 500)));
        assert_eq!(open.next_due(t(34_500), last, |_| false), Some((3, 2_000)));
        assert_eq!(open.next_due(t(34_500), last, |_| false), None);
        // Kept open a lifetime more, then let go.
        assert_eq!(open.next_due(t(52_000), last, |_| true), None);
        assert_eq!(open.next_due(t(84_000), last, |_| false), Some((2, 20_000)));
        assert_eq!(open.len(), 0);
    }
}
