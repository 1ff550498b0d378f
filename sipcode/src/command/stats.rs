//! `sipcode stats FILE…` and `sipcode check FILE…`: the capture files read
//! as one trace, in order (`-` is stdin), by the capture reader; each SIP
//! message handed to the trace model (`trace/`). What is read is reported
//! through `progress`, which the caller shows or not: the commands write nothing.

use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use crate::capture::{Limits, Reader, Stats};
use crate::report::{CallReport, CheckFinding, CheckReport, StatsReport};
use crate::trace::{Checker, Model, Pipeline, Staged, Summary, Trace, capture_summary};

/// How far the reading is: the file, bytes read, its size (`None` for stdin).
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// The file, as given.
    pub file: &'a Path,
    /// Bytes read from it (compressed bytes for a gzip file).
    pub read: u64,
    /// Its size, when known.
    pub total: Option<u64>,
}

/// How often progress is reported.
const PROGRESS_EVERY: u64 = 8 << 20;

/// A byte source that reports how much of it was read.
struct Counted<'p, R> {
    inner: R,
    file: &'p Path,
    read: u64,
    next: u64,
    total: Option<u64>,
    progress: &'p mut dyn FnMut(Progress<'_>),
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read >= self.next {
            self.next = self.read + PROGRESS_EVERY;
            (self.progress)(Progress { file: self.file, read: self.read, total: self.total });
        }
        Ok(n)
    }
}

/// Reads the files in order into `model`: the reader's counts and the
/// errors that stopped a file (the next file is still read).
fn read(
    paths: &[PathBuf],
    stdin: &mut dyn BufRead,
    progress: &mut dyn FnMut(Progress<'_>),
    model: &mut impl Model,
) -> (Stats, Vec<String>) {
    let mut reader = Reader::new(Limits::default());
    let mut errors = Vec::new();
    for path in paths {
        let name = path.to_string_lossy().into_owned();
        model.file(name.clone());
        let result = if path.as_os_str() == "-" {
            let mut input =
                Counted { inner: &mut *stdin, file: path, read: 0, next: 0, total: None, progress };
            reader.read(&mut input, model)
        } else {
            match std::fs::File::open(path) {
                Ok(opened) => {
                    let total = opened.metadata().ok().map(|meta| meta.len());
                    let mut input = Counted { inner: opened, file: path, read: 0, next: 0, total, progress };
                    reader.read(&mut input, model)
                }
                Err(error) => Err(reader.open_failed(error)),
            }
        };
        if let Err(error) = result {
            errors.push(format!("{name}: {error}"));
        }
    }
    (reader.finish(model), errors)
}

/// [`read`], with the messages parsed on as many threads as the machine runs
/// at once, besides this one, which reads the capture and applies them in order.
fn read_staged(
    paths: &[PathBuf],
    stdin: &mut dyn BufRead,
    progress: &mut dyn FnMut(Progress<'_>),
    model: &mut impl Staged,
) -> (Stats, Vec<String>) {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    if workers < 2 {
        return read(paths, stdin, progress, model);
    }
    std::thread::scope(|scope| {
        let mut pipeline = Pipeline::start(scope, model, workers);
        let read = read(paths, stdin, progress, &mut pipeline);
        pipeline.flush();
        read
    })
}

/// `sipcode stats`: the summary; each call, as it ends, to `calls`.
pub fn stats(
    paths: &[PathBuf],
    stdin: &mut dyn BufRead,
    progress: &mut dyn FnMut(Progress<'_>),
    calls: Option<&mut dyn FnMut(&CallReport)>,
) -> StatsReport {
    let mut trace = Trace::new(calls);
    let (stats, errors) = read_staged(paths, stdin, progress, &mut trace);
    trace.finish(&stats, errors)
}

/// `sipcode check`: the findings by rule; each finding to `findings`.
pub fn check(
    paths: &[PathBuf],
    stdin: &mut dyn BufRead,
    progress: &mut dyn FnMut(Progress<'_>),
    findings: Option<&mut dyn FnMut(&CheckFinding)>,
) -> CheckReport {
    let mut checker = Checker::new(findings);
    let (stats, errors) = read_staged(paths, stdin, progress, &mut checker);
    checker.finish(capture_summary(&stats, errors))
}

/// `sipcode stats --merge`: the summaries `sipcode stats --json` wrote, added
/// up into one (`trace::merge`), and how many of the files could not be read
/// as one (each with why, among the report's errors).
pub fn merge(paths: &[PathBuf], stdin: &mut dyn BufRead) -> (StatsReport, usize) {
    let mut summaries = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let text = if path.as_os_str() == "-" {
            let mut text = String::new();
            stdin.read_to_string(&mut text).map(|_| text)
        } else {
            std::fs::read_to_string(path)
        };
        let summary = text.map_err(|error| error.to_string()).and_then(|text| {
            serde_json::from_str::<Summary>(&text)
                .map_err(|error| format!("not a summary of `sipcode stats --json`: {error}"))
        });
        match summary {
            Ok(summary) => summaries.push(summary),
            Err(why) => errors.push(format!("{}: {why}", path.to_string_lossy())),
        }
    }
    let unread = errors.len();
    let mut report = crate::trace::merge(summaries);
    report.capture.errors.extend(errors);
    (report, unread)
}
