//! The counts a summary is made of, and summaries added up.
//!
//! A [`Tally`] is what the trace model has counted once the trace is read:
//! [`Tally::report`] ranks and words it as a [`StatsReport`]. `sipcode stats
//! --merge` reads the summaries `sipcode stats --json` wrote, one per
//! capture file, back into one tally ([`merge`]), so that a directory of
//! captures summarised in parallel ends as one report made by the same code.
//!
//! What adds up exactly: every count, the ratios of RFC 6076 (numerators and
//! denominators add), the smallest and largest delays. A delay's mean is the
//! means weighted by their counts, each known to the microsecond, so the
//! merged mean is within a microsecond of the one a single run would give.
//! What a merge cannot know: a call whose messages are in two files is two
//! partial calls, one per file (give such files to one `sipcode stats`).

use std::collections::BTreeMap;

use serde::Deserialize;
use sip_codes::StatusCode;

use super::{FailureCounts, MethodCounts, failure};
use crate::capture::Timestamp;
use crate::report::{
    CallSummary, CaptureSummary, Count, DelayReport, FailureExample, MAX_METHODS, MAX_PHRASES, MessageCounts,
    MethodReport, MetricsReport, PhraseCount, RatioReport, ResponseCount, StatsReport, UnknownCodeCount,
    Unusual,
};

/// What a summary is made of; see the module's documentation.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) capture: CaptureSummary,
    pub(super) requests: u64,
    pub(super) responses: u64,
    pub(super) by_code: BTreeMap<u16, u64>,
    pub(super) methods: Vec<MethodCounts>,
    pub(super) calls: CallSummary,
    pub(super) failures: BTreeMap<u16, FailureCounts>,
    /// The files the failures' examples name, by index.
    pub(super) files: Vec<String>,
    pub(super) metrics: MetricsReport,
    /// Its counters; the lists are made from the three maps below.
    pub(super) unusual: Unusual,
    pub(super) phrases: BTreeMap<(u16, String), (u64, &'static str)>,
    pub(super) unknown: BTreeMap<u16, u64>,
    pub(super) out_of_range: BTreeMap<u16, u64>,
}

impl Tally {
    /// The counts ranked and worded: the report of `sipcode stats`.
    pub(super) fn report(self) -> StatsReport {
        let mut by_method: Vec<Count<String>> =
            self.methods.iter().map(|m| Count { key: m.name.clone(), count: m.messages }).collect();
        by_method.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        let messages = MessageCounts {
            requests: self.requests,
            responses: self.responses,
            by_method,
            by_code: self.by_code.iter().map(|(&key, &count)| Count { key, count }).collect(),
        };
        let mut methods: Vec<MethodReport> = self
            .methods
            .into_iter()
            .map(|m| MethodReport {
                method: m.name,
                messages: m.messages,
                transactions: m.transactions,
                retransmissions: m.retransmissions,
                without_final: m.without_final,
                responses: m
                    .responses
                    .into_iter()
                    .map(|(code, (messages, transactions))| ResponseCount { code, messages, transactions })
                    .collect(),
            })
            .collect();
        methods.sort_by(|a, b| b.transactions.cmp(&a.transactions).then_with(|| a.method.cmp(&b.method)));
        let files = self.files;
        let mut failures: Vec<_> =
            self.failures.into_iter().map(|(code, counts)| failure(code, counts, &files)).collect();
        failures.sort_by(|a, b| {
            (b.calls, b.transactions).cmp(&(a.calls, a.transactions)).then_with(|| a.code.cmp(&b.code))
        });
        let mut unusual = self.unusual;
        unusual.other_phrases = self
            .phrases
            .into_iter()
            .map(|((code, phrase), (count, registered))| PhraseCount { code, phrase, registered, count })
            .collect();
        unusual.other_phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.count));
        unusual.unknown_codes = self
            .unknown
            .into_iter()
            .map(|(code, count)| UnknownCodeCount {
                code,
                understood_as: StatusCode::from_u16(code).map_or(code, |code| code.as_understood().as_u16()),
                count,
            })
            .collect();
        unusual.out_of_range =
            self.out_of_range.into_iter().map(|(key, count)| Count { key, count }).collect();
        StatsReport {
            capture: self.capture,
            messages,
            methods,
            calls: self.calls,
            failures,
            metrics: self.metrics,
            unusual,
        }
    }

    /// Adds one summary of `sipcode stats --json`.
    fn add(&mut self, summary: Summary) {
        let Summary { kind: StatsKind::Stats, capture, messages, methods, calls, failures, metrics, unusual } =
            summary;
        self.add_capture(capture);
        self.requests += messages.requests;
        self.responses += messages.responses;
        for count in messages.by_code {
            *self.by_code.entry(count.key).or_default() += count.count;
        }
        for method in methods {
            self.add_method(method);
        }
        self.add_calls(&calls);
        for failure in failures {
            let counts = self.failures.entry(failure.code).or_default();
            counts.transactions += failure.transactions;
            counts.calls += failure.calls;
            for cause in failure.causes {
                *counts.causes.entry(cause.cause).or_default() += cause.count;
            }
            if counts.example.is_none()
                && let Some(example) = failure.example
            {
                let file = match self.files.iter().position(|file| *file == example.file) {
                    Some(known) => known,
                    None => {
                        self.files.push(example.file);
                        self.files.len() - 1
                    }
                };
                counts.example = Some((example.call_id, file, example.frame));
            }
        }
        self.metrics = add_metrics(&self.metrics, &metrics);
        self.add_unusual(unusual);
    }

    fn add_capture(&mut self, capture: CaptureSummary) {
        let ours = &mut self.capture;
        ours.files += capture.files;
        ours.frames += capture.frames;
        ours.bytes += capture.bytes;
        ours.sip_messages += capture.sip_messages;
        ours.skipped_frames += capture.skipped_frames;
        ours.first = pick_time(ours.first.take(), capture.first, std::cmp::min);
        ours.last = pick_time(ours.last.take(), capture.last, std::cmp::max);
        ours.errors.extend(capture.errors);
    }

    fn add_method(&mut self, method: MethodReport) {
        let at = match self.methods.iter().position(|counts| counts.name == method.method) {
            Some(at) => at,
            None if self.methods.len() < MAX_METHODS => {
                self.methods.push(MethodCounts { name: method.method, ..MethodCounts::default() });
                self.methods.len() - 1
            }
            None => {
                self.unusual.other_methods += method.messages;
                return;
            }
        };
        let counts = &mut self.methods[at];
        counts.messages += method.messages;
        counts.transactions += method.transactions;
        counts.retransmissions += method.retransmissions;
        counts.without_final += method.without_final;
        for response in method.responses {
            let (messages, transactions) = counts.responses.entry(response.code).or_default();
            *messages += response.messages;
            *transactions += response.transactions;
        }
    }

    fn add_calls(&mut self, other: &CallSummary) {
        let CallSummary {
            total,
            answered,
            failed,
            challenged,
            challenged_and_retried,
            cancelled,
            redirected,
            timed_out,
            unobserved,
        } = other;
        let ours = &mut self.calls;
        ours.total += total;
        ours.answered += answered;
        ours.failed += failed;
        ours.challenged += challenged;
        ours.challenged_and_retried += challenged_and_retried;
        ours.cancelled += cancelled;
        ours.redirected += redirected;
        ours.timed_out += timed_out;
        ours.unobserved += unobserved;
    }

    fn add_unusual(&mut self, other: UnusualSummary) {
        let ours = &mut self.unusual;
        ours.other_phrases_more += other.other_phrases_more;
        ours.invalid_status_lines += other.invalid_status_lines;
        ours.unparsed += other.unparsed;
        ours.without_transaction += other.without_transaction;
        ours.stray_responses += other.stray_responses;
        ours.other_methods += other.other_methods;
        for phrase in other.other_phrases {
            // The registered phrase is the catalogue's, not the file's word for it.
            match StatusCode::from_u16(phrase.code).ok().and_then(StatusCode::entry) {
                Some(entry) => {
                    let more = &mut self.unusual.other_phrases_more;
                    count_phrase(
                        &mut self.phrases,
                        more,
                        (phrase.code, phrase.phrase),
                        entry.phrase,
                        phrase.count,
                    );
                }
                None => *self.unknown.entry(phrase.code).or_default() += phrase.count,
            }
        }
        for unknown in other.unknown_codes {
            *self.unknown.entry(unknown.code).or_default() += unknown.count;
        }
        for count in other.out_of_range {
            *self.out_of_range.entry(count.key).or_default() += count.count;
        }
    }
}

/// Phrases of a code's own, per (code, phrase) with the registered phrase:
/// `count` more of `key`, at most [`MAX_PHRASES`] kept, the rest in `more`.
pub(super) fn count_phrase(
    phrases: &mut BTreeMap<(u16, String), (u64, &'static str)>,
    more: &mut u64,
    key: (u16, String),
    registered: &'static str,
    count: u64,
) {
    if let Some((counted, _)) = phrases.get_mut(&key) {
        *counted += count;
    } else if phrases.len() < MAX_PHRASES {
        phrases.insert(key, (count, registered));
    } else {
        *more += count;
    }
}

/// The earlier (`min`) or later (`max`) of two capture times as written
/// (`secs.nanos`); a time that does not read as one is kept only alone.
fn pick_time(
    a: Option<String>,
    b: Option<String>,
    pick: fn(Timestamp, Timestamp) -> Timestamp,
) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => match (a.parse::<Timestamp>().ok(), b.parse::<Timestamp>().ok()) {
            (Some(ta), Some(tb)) => Some(if pick(ta, tb) == ta { a } else { b }),
            (Some(_), None) => Some(a),
            _ => Some(b),
        },
        (a, b) => a.or(b),
    }
}

/// Two sets of RFC 6076 metrics added up.
fn add_metrics(a: &MetricsReport, b: &MetricsReport) -> MetricsReport {
    MetricsReport {
        ser: add_ratio(a.ser, b.ser),
        seer: add_ratio(a.seer, b.seer),
        isa: add_ratio(a.isa, b.isa),
        scr: add_ratio(a.scr, b.scr),
        ira: add_ratio(a.ira, b.ira),
        rrd: add_delays(&a.rrd, &b.rrd),
        srd_answered: add_delays(&a.srd_answered, &b.srd_answered),
        srd_failed: add_delays(&a.srd_failed, &b.srd_failed),
        sdd_answered: add_delays(&a.sdd_answered, &b.sdd_answered),
        sdd_failed: add_delays(&a.sdd_failed, &b.sdd_failed),
        sdt_completed: add_delays(&a.sdt_completed, &b.sdt_completed),
        unobserved_sessions: a.unobserved_sessions + b.unobserved_sessions,
        unobserved_registrations: a.unobserved_registrations + b.unobserved_registrations,
    }
}

fn add_ratio(a: Option<RatioReport>, b: Option<RatioReport>) -> Option<RatioReport> {
    let (numerator, denominator) = match (a, b) {
        (None, None) => return None,
        (a, b) => {
            let part = |r: Option<RatioReport>| r.map_or((0, 0), |r| (r.numerator, r.denominator));
            let ((na, da), (nb, db)) = (part(a), part(b));
            (na + nb, da + db)
        }
    };
    super::ratio_report((denominator > 0).then_some(sip_codes::metrics::Ratio { numerator, denominator }))
}

fn add_delays(a: &DelayReport, b: &DelayReport) -> DelayReport {
    let count = a.count + b.count;
    let pick = |x: Option<f64>, y: Option<f64>, f: fn(f64, f64) -> f64| match (x, y) {
        (Some(x), Some(y)) => Some(f(x, y)),
        (x, y) => x.or(y),
    };
    let weighted = |d: &DelayReport| d.mean_ms.map_or(0.0, |mean| mean * d.count as f64);
    let mean_ms = (count > 0).then(|| super::round_ms((weighted(a) + weighted(b)) / count as f64));
    DelayReport {
        count,
        mean_ms,
        min_ms: pick(a.min_ms, b.min_ms, f64::min),
        max_ms: pick(a.max_ms, b.max_ms, f64::max),
    }
}

/// A summary as `sipcode stats --json` writes it: the counts, not the words
/// (phrases, meanings, dispositions are the catalogue's, looked up again).
#[derive(Deserialize)]
pub struct Summary {
    #[serde(rename = "type")]
    kind: StatsKind,
    capture: CaptureSummary,
    messages: MessageCounts,
    methods: Vec<MethodReport>,
    calls: CallSummary,
    failures: Vec<FailureSummary>,
    metrics: MetricsReport,
    unusual: UnusualSummary,
}

/// The `type` of a stats summary: no other document is read as one.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum StatsKind {
    Stats,
}

#[derive(Deserialize)]
struct FailureSummary {
    code: u16,
    transactions: u64,
    calls: u64,
    causes: Vec<CauseSummary>,
    example: Option<FailureExample>,
}

#[derive(Deserialize)]
struct CauseSummary {
    cause: u8,
    count: u64,
}

#[derive(Deserialize)]
struct UnusualSummary {
    other_phrases: Vec<PhraseSummary>,
    other_phrases_more: u64,
    unknown_codes: Vec<UnknownCodeCount>,
    out_of_range: Vec<Count<u16>>,
    invalid_status_lines: u64,
    unparsed: u64,
    without_transaction: u64,
    stray_responses: u64,
    other_methods: u64,
}

#[derive(Deserialize)]
struct PhraseSummary {
    code: u16,
    phrase: String,
    count: u64,
}

/// Summaries added up into one report, in the order given (the first
/// example of a failure code is kept).
pub fn merge(summaries: impl IntoIterator<Item = Summary>) -> StatsReport {
    let mut tally = Tally::default();
    for summary in summaries {
        tally.add(summary);
    }
    tally.report()
}
