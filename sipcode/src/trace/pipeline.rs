//! A model on several threads: the capture is read on the caller's thread,
//! its messages observed (what each says alone: the parsing, most of the
//! work) on worker threads, and the observations applied to the model on
//! the caller's thread in capture order. The report is the one the model
//! makes on one thread (a test holds them together for the trace model and
//! for the check).
//!
//! Messages go in batches, batch `n` to worker `n % workers`, and come back
//! from the workers in the same turn: the order is kept without sorting.
//! At most two batches per worker are in flight, and their buffers are
//! reused: memory stays bounded whatever the capture's size. The workers
//! start with the first full batch; a trace shorter than one batch is
//! observed on the caller's thread.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::Scope;

use super::Model;
use crate::capture::{Handler, SipMessage};

/// What a model reads from a message alone, on any thread.
pub trait Observer: Clone + Send + 'static {
    /// What it reads.
    type Observation: Send + 'static;
    /// Reads one message.
    fn observe(&self, message: &SipMessage<'_>) -> Self::Observation;
}

/// A model whose reading of a message is an [`Observer`]'s, then its own
/// [`Staged::apply`] in capture order; reading a message on one thread is
/// `apply(observer().observe(message))`.
pub trait Staged: Model {
    /// Its observer.
    type Observer: Observer;
    /// An observer for worker threads.
    fn observer(&self) -> Self::Observer;
    /// Applies one observation, in capture order.
    fn apply(&mut self, observation: <Self::Observer as Observer>::Observation);
}

/// Messages per batch: enough that a batch outweighs its trip between threads.
const BATCH_MESSAGES: usize = 512;

/// Batches in flight per worker.
const IN_FLIGHT: usize = 2;

/// Copies of a batch's messages: the reader's buffers are reused as soon as
/// a message is handed over, so the bytes travel with their batch.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    /// Each message as the reader gave it, its bytes left out: they end at
    /// `.1` in `bytes`, where the next one begins.
    messages: Vec<(SipMessage<'static>, usize)>,
}

impl Batch {
    fn observe<O: Observer>(&self, observer: &O, into: &mut Vec<O::Observation>) {
        let mut start = 0;
        for &(message, end) in &self.messages {
            let bytes = self.bytes.get(start..end).unwrap_or_default();
            into.push(observer.observe(&SipMessage { bytes, ..message }));
            start = end;
        }
    }
}

/// A worker's answer: the observations of a batch, and the batch to reuse.
type Observed<O> = (Vec<<O as Observer>::Observation>, Batch);

/// The reader's [`Model`] that hands messages to workers and applies what
/// they observed to the model.
pub struct Pipeline<'m, 'scope, 'env, M: Staged> {
    model: &'m mut M,
    scope: &'scope Scope<'scope, 'env>,
    /// Workers to start with the first full batch.
    workers: usize,
    batch: Batch,
    spare: Vec<Batch>,
    to_workers: Vec<SyncSender<Batch>>,
    from_workers: Vec<Receiver<Observed<M::Observer>>>,
    sent: usize,
    applied: usize,
}

impl<'m, 'scope, 'env, M: Staged> Pipeline<'m, 'scope, 'env, M> {
    /// A pipeline that starts `workers` threads (at least one) in `scope`
    /// once a first batch is full: a trace of fewer messages is observed on
    /// this thread, starting no thread.
    pub fn start(scope: &'scope Scope<'scope, 'env>, model: &'m mut M, workers: usize) -> Self {
        Pipeline {
            model,
            scope,
            workers: workers.max(1),
            batch: Batch::default(),
            spare: Vec::new(),
            to_workers: Vec::new(),
            from_workers: Vec::new(),
            sent: 0,
            applied: 0,
        }
    }

    fn start_workers(&mut self) {
        for _ in 0..self.workers {
            let (to_worker, batches) = sync_channel::<Batch>(IN_FLIGHT);
            let (results, from_worker) = sync_channel::<Observed<M::Observer>>(IN_FLIGHT);
            let observer = self.model.observer();
            self.scope.spawn(move || {
                for batch in batches {
                    let mut observations = Vec::with_capacity(batch.messages.len());
                    batch.observe(&observer, &mut observations);
                    if results.send((observations, batch)).is_err() {
                        break;
                    }
                }
            });
            self.to_workers.push(to_worker);
            self.from_workers.push(from_worker);
        }
    }

    /// Sends the batch being filled to its worker, first applying the
    /// oldest batch in flight if the workers have as many as they hold.
    fn dispatch(&mut self) {
        if self.batch.messages.is_empty() {
            return;
        }
        if self.to_workers.is_empty() {
            self.start_workers();
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
            self.model.apply(observation);
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
        batch.observe(&self.model.observer(), &mut observations);
        for observation in observations {
            self.model.apply(observation);
        }
    }

    /// Applies everything read so far; the workers end when the pipeline is dropped.
    pub fn flush(&mut self) {
        if self.to_workers.is_empty() {
            // Not one batch was full: no thread was worth starting.
            let batch = std::mem::take(&mut self.batch);
            self.observe_here(batch);
            return;
        }
        self.dispatch();
        while self.applied < self.sent {
            self.apply_next();
        }
    }
}

impl<M: Staged> Handler for Pipeline<'_, '_, '_, M> {
    fn message(&mut self, message: &SipMessage<'_>) {
        self.batch.bytes.extend_from_slice(message.bytes);
        let header = SipMessage { bytes: &[], ..*message };
        self.batch.messages.push((header, self.batch.bytes.len()));
        if self.batch.messages.len() >= BATCH_MESSAGES {
            self.dispatch();
        }
    }
}

impl<M: Staged> Model for Pipeline<'_, '_, '_, M> {
    fn file(&mut self, name: String) {
        // Names are read when observations are applied, after their file began.
        self.model.file(name);
    }
}
