//! IPv4 and IPv6 fragments put back together (RFC 791 §3.2, RFC 8200 §4.5),
//! with etherparse's `IpDefragBuf` placing each fragment. Its pool
//! (`IpDefragPool`) says it is not safe against memory exhaustion, so the
//! pool is ours: a bounded number of datagrams, each given up after a time
//! or too many fragments.

use std::collections::HashMap;
use std::net::IpAddr;

use etherparse::IpNumber;
use etherparse::defrag::{IpDefragBuf, IpDefragError, IpFragRange};

use super::{Limits, Stats, Timestamp};

/// What tells one datagram's fragments from another's: RFC 791's
/// (source, destination, protocol, identification) and RFC 8200's
/// (source, destination, identification).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    pub(crate) src: IpAddr,
    pub(crate) dst: IpAddr,
    pub(crate) id: u32,
    pub(crate) protocol: u8,
}

/// One fragment, as the IP header places it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fragment<'a> {
    /// Byte offset in the datagram's payload.
    pub(crate) offset: etherparse::IpFragOffset,
    pub(crate) more: bool,
    pub(crate) payload: &'a [u8],
    pub(crate) protocol: IpNumber,
}

#[derive(Debug)]
struct Datagram {
    buf: IpDefragBuf,
    first: Timestamp,
    fragments: usize,
}

/// The datagrams in reassembly, and spare buffers for the next ones.
#[derive(Debug, Default)]
pub(crate) struct Defragmenter {
    open: HashMap<Key, Datagram>,
    spare: Vec<(Vec<u8>, Vec<IpFragRange>)>,
}

/// Spare buffers kept for reuse, at most.
const SPARE: usize = 16;

impl Defragmenter {
    /// Adds a fragment. A whole datagram comes back (its payload, as the
    /// protocol after IP reads it); give its buffer back with [`Defragmenter::give_back`].
    pub(crate) fn add(
        &mut self,
        key: Key,
        fragment: Fragment<'_>,
        time: Timestamp,
        limits: &Limits,
        stats: &mut Stats,
    ) -> Result<Option<Vec<u8>>, &'static str> {
        stats.fragments += 1;
        let timeout = std::time::Duration::from_secs(limits.fragment_secs.into());
        // An identification reused after the timeout starts a new datagram.
        if self
            .open
            .get(&key)
            .is_some_and(|datagram| time.since(datagram.first).is_some_and(|age| age > timeout))
        {
            stats.fragments_dropped += self.remove(&key) as u64;
        }
        if !self.open.contains_key(&key) {
            self.make_room(time, limits, stats);
            let (data, sections) = self.spare.pop().unwrap_or_default();
            let buf = IpDefragBuf::new(fragment.protocol, data, sections);
            self.open.insert(key, Datagram { buf, first: time, fragments: 0 });
        }
        let Some(datagram) = self.open.get_mut(&key) else { return Err("no room") };
        datagram.fragments += 1;
        if datagram.fragments > limits.max_fragments {
            let dropped = self.remove(&key);
            stats.fragments_dropped += dropped as u64;
            return Err("the datagram has too many fragments");
        }
        if let Err(error) = datagram.buf.add(fragment.offset, fragment.more, fragment.payload) {
            // The datagram may still complete: only this fragment is dropped.
            datagram.fragments -= 1;
            stats.fragments_dropped += 1;
            return Err(match error {
                IpDefragError::UnalignedFragmentPayloadLen { .. } => "its length is not a multiple of 8",
                IpDefragError::SegmentTooBig { .. } => "it ends past 65,535 bytes",
                IpDefragError::ConflictingEnd { .. } => "it conflicts with the datagram's end",
                IpDefragError::AllocationFailure { .. } => "no memory",
            });
        }
        if !datagram.buf.is_complete() {
            return Ok(None);
        }
        let Some(datagram) = self.open.remove(&key) else { return Ok(None) };
        let (data, sections) = datagram.buf.take_bufs();
        self.keep_spare(Vec::new(), sections);
        stats.reassembled += 1;
        Ok(Some(data))
    }

    /// Returns a reassembled datagram's buffer for reuse.
    pub(crate) fn give_back(&mut self, data: Vec<u8>) {
        self.keep_spare(data, Vec::new());
    }

    fn keep_spare(&mut self, data: Vec<u8>, sections: Vec<IpFragRange>) {
        if self.spare.len() < SPARE {
            self.spare.push((data, sections));
        }
    }

    /// Removes a datagram; the number of fragments it held.
    fn remove(&mut self, key: &Key) -> usize {
        let Some(datagram) = self.open.remove(key) else { return 0 };
        let fragments = datagram.fragments;
        let (data, sections) = datagram.buf.take_bufs();
        self.keep_spare(data, sections);
        fragments
    }

    /// Before a new datagram: drop those older than the timeout and, if the
    /// pool is still full, the oldest.
    fn make_room(&mut self, now: Timestamp, limits: &Limits, stats: &mut Stats) {
        if self.open.len() < limits.max_fragmented {
            return;
        }
        let timeout = std::time::Duration::from_secs(limits.fragment_secs.into());
        let expired: Vec<Key> = self
            .open
            .iter()
            .filter(|(_, datagram)| now.since(datagram.first).is_some_and(|age| age > timeout))
            .map(|(key, _)| *key)
            .collect();
        for key in &expired {
            stats.fragments_dropped += self.remove(key) as u64;
        }
        while self.open.len() >= limits.max_fragmented.max(1) {
            let Some(oldest) =
                self.open.iter().min_by_key(|(_, datagram)| datagram.first).map(|(key, _)| *key)
            else {
                break;
            };
            stats.fragments_dropped += self.remove(&oldest) as u64;
        }
    }

    /// Datagrams in reassembly.
    #[cfg(test)]
    pub(crate) fn open_datagrams(&self) -> usize {
        self.open.len()
    }

    /// At the end of the trace: the fragments of datagrams never completed.
    pub(crate) fn finish(&mut self, stats: &mut Stats) {
        stats.fragments_dropped += self.open.values().map(|datagram| datagram.fragments as u64).sum::<u64>();
        self.open.clear();
    }
}
