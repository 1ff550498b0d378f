//! The trace model on several threads: the capture is read on the caller's
//! thread, its messages observed ([`observe`], the parsing, most of the
//! work) on worker threads, and the observations applied to the [`Trace`]
//! on the caller's thread in capture order. The report is the one the
//! model makes on one thread (a test holds them together).
//!
//! Messages go in batches, batch `n` to worker `n % workers`, and come back
//! from the workers in the same turn: the order is kept without sorting.
//! At most two batches per worker are in flight, and their buffers are
//! reused: memory stays bounded whatever the capture's size.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::Scope;

use super::{Model, Observation, Trace, observe};
use crate::capture::{Handler, SipMessage, Timestamp, Transport};

/// Messages per batch: enough that a batch outweighs its trip between threads.
const BATCH_MESSAGES: usize = 512;

/// Batches in flight per worker.
const IN_FLIGHT: usize = 2;

/// Copies of a batch's messages: the reader's buffers are reused as soon as
/// a message is handed over, so the bytes travel with their batch.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    /// (file, frame, time, end of the message in `bytes`).
    messages: Vec<(usize, u64, Timestamp, usize)>,
}

impl Batch {
    fn observe(&self, keys: &foldhash::quality::RandomState, into: &mut Vec<Observation>) {
        let unspecified = std::net::SocketAddr::from(([0, 0, 0, 0], 0));
        let mut start = 0;
        for &(file, frame, time, end) in &self.messages {
            let message = SipMessage {
                file,
                frame,
                time,
                src: unspecified,
                dst: unspecified,
                transport: Transport::Udp,
                bytes: self.bytes.get(start..end).unwrap_or_default(),
            };
            into.push(observe(keys, &message));
            start = end;
        }
    }
}

/// A worker's answer: the observations of a batch, and the batch to reuse.
type Observed = (Vec<Observation>, Batch);

/// The reader's [`Model`] that hands messages to workers and applies what
/// they observed to the trace.
pub struct Pipeline<'t, 's> {
    trace: &'t mut Trace<'s>,
    batch: Batch,
    spare: Vec<Batch>,
    to_workers: Vec<SyncSender<Batch>>,
    from_workers: Vec<Receiver<Observed>>,
    sent: usize,
    applied: usize,
}

impl<'t, 's> Pipeline<'t, 's> {
    /// Starts `workers` threads (at least one) in `scope`.
    pub fn start<'scope>(scope: &'scope Scope<'scope, '_>, trace: &'t mut Trace<'s>, workers: usize) -> Self {
        let keys = trace.keys().clone();
        let (mut to_workers, mut from_workers) = (Vec::new(), Vec::new());
        for _ in 0..workers.max(1) {
            let (to_worker, batches) = sync_channel::<Batch>(IN_FLIGHT);
            let (results, from_worker) = sync_channel::<Observed>(IN_FLIGHT);
            let keys = keys.clone();
            scope.spawn(move || {
                for batch in batches {
                    let mut observations = Vec::with_capacity(batch.messages.len());
                    batch.observe(&keys, &mut observations);
                    if results.send((observations, batch)).is_err() {
                        break;
                    }
                }
            });
            to_workers.push(to_worker);
            from_workers.push(from_worker);
        }
        Pipeline {
            trace,
            batch: Batch::default(),
            spare: Vec::new(),
            to_workers,
            from_workers,
            sent: 0,
            applied: 0,
        }
    }

    /// Sends the batch being filled to its worker, first applying the
    /// oldest batch in flight if the workers have as many as they hold.
    fn dispatch(&mut self) {
        if self.batch.messages.is_empty() {
            return;
        }
        let workers = self.to_workers.len();
        if self.sent - self.applied >= workers * IN_FLIGHT {
            self.apply_next();
        }
        let next = self.spare.pop().unwrap_or_default();
        let batch = std::mem::replace(&mut self.batch, next);
        match self.to_workers[self.sent % workers].send(batch) {
            Ok(()) => self.sent += 1,
            // The worker is gone (it can only have panicked): observe here.
            Err(returned) => self.observe_here(returned.0),
        }
    }

    /// Applies the oldest batch in flight.
    fn apply_next(&mut self) {
        let workers = self.from_workers.len();
        let Ok((observations, mut batch)) = self.from_workers[self.applied % workers].recv() else {
            // A worker that is gone took its batch with it; nothing to apply.
            self.applied += 1;
            return;
        };
        self.applied += 1;
        for observation in observations {
            self.trace.apply(observation);
        }
        batch.bytes.clear();
        batch.messages.clear();
        self.spare.push(batch);
    }

    fn observe_here(&mut self, batch: Batch) {
        // Batches still in flight come first.
        while self.applied < self.sent {
            self.apply_next();
        }
        let mut observations = Vec::new();
        batch.observe(self.trace.keys(), &mut observations);
        for observation in observations {
            self.trace.apply(observation);
        }
    }

    /// Applies everything read so far; the workers end when the pipeline is dropped.
    pub fn flush(&mut self) {
        self.dispatch();
        while self.applied < self.sent {
            self.apply_next();
        }
    }
}

impl Handler for Pipeline<'_, '_> {
    fn message(&mut self, message: &SipMessage<'_>) {
        self.batch.bytes.extend_from_slice(message.bytes);
        self.batch.messages.push((message.file, message.frame, message.time, self.batch.bytes.len()));
        if self.batch.messages.len() >= BATCH_MESSAGES {
            self.dispatch();
        }
    }
}

impl Model for Pipeline<'_, '_> {
    fn file(&mut self, name: String) {
        // Names are read when calls are folded, after their file began.
        self.trace.file(name);
    }
}
