//! The trace model: the SIP messages of a capture, read as transactions and
//! calls, counted, and summed up as a [`StatsReport`].
//!
//! - Messages as sent: every request per method and every response per code,
//!   retransmissions included.
//! - Transactions (RFC 3261 §17): a request is known by its top Via's branch
//!   and sent-by and its method (§17.2.3; ACK and CANCEL each have their
//!   own), a response by its top Via and the method of its CSeq (§17.1.3).
//!   A request met again while its transaction is open is a retransmission;
//!   a response of a code (and To tag) the transaction already had is one too.
//!   A transaction lives 64*T1 = 32 s of capture time past its last message
//!   (the longest of Timers B, F, H and J with T1 at 500 ms), then is folded
//!   into counters: memory follows the open transactions, not the file size.
//! - Calls: INVITE transactions grouped by Call-ID. An INVITE sent again after
//!   a 401 or 407 with the same Call-ID is the same attempt (the rule of
//!   `sip_codes::metrics`). An unanswered call is folded 32 s after its last
//!   message; an answered one once its BYE is answered (or times out), or when
//!   the capture ends.
//! - RFC 6076 metrics with [`Metrics`], delays from the capture's times.

mod check;
mod open;
mod pipeline;
mod tally;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::BTreeMap;
use std::collections::hash_map::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::time::Duration;

use sip_codes::header::{TopVia, top_via};
use sip_codes::metrics::{Metrics, Outcome, RegistrationAttempt, SessionAttempt};
use sip_codes::{Reason, ReasonCause, StatusCode};

use crate::capture::{Handler, Message, SipMessage, StartLine, Stats, Timestamp, TraceFields, scan};
use crate::report::{
    CallReport, CallSummary, CauseCount, DelayReport, FailureExample, FailureReport, HandlingReport,
    MAX_METHODS, MetricsReport, Named, RatioReport, StatsReport, Unusual,
};

pub use check::{Checker, capture_summary};
pub use pipeline::{Observer, Pipeline, Staged};
pub use tally::{Summary, merge};

/// 64*T1 with T1 = 500 ms (RFC 3261 §17.1.1.2): how long a transaction
/// lives, and how long the capture must go on past a request for its missing
/// final response to count as a timeout (`sip_codes::metrics`).
pub const LIFETIME: Duration = Duration::from_secs(32);

/// Whether what was last seen at `time` has lived past [`LIFETIME`] at
/// capture time `now`. A time not known is never due: what has no other
/// waits for the end of the capture (or for a message with a time).
fn is_due(now: Timestamp, time: Timestamp) -> bool {
    time.is_known() && now.since(time).is_some_and(|age| age >= LIFETIME)
}

/// How a call ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallOutcome {
    /// A 2xx.
    Answered,
    /// A failure response.
    Failed,
    /// A 401 or 407, not followed by another INVITE.
    Challenged,
    /// A 487 after a CANCEL.
    Cancelled,
    /// A 3xx.
    Redirected,
    /// No final response, the capture going on 32 s past the INVITE.
    TimedOut,
    /// No final response before the capture ended.
    Unobserved,
}

impl CallOutcome {
    /// The token and label of the outcome.
    pub fn named(self) -> Named {
        let (token, label) = match self {
            CallOutcome::Answered => ("answered", "answered"),
            CallOutcome::Failed => ("failed", "failed"),
            CallOutcome::Challenged => ("challenged", "challenged, not retried"),
            CallOutcome::Cancelled => ("cancelled", "cancelled"),
            CallOutcome::Redirected => ("redirected", "redirected"),
            CallOutcome::TimedOut => ("timed_out", "no final response (timed out)"),
            CallOutcome::Unobserved => ("unobserved", "no final response before the capture ended"),
        };
        Named { token, label }
    }
}

/// A method, by its index in the trace's table of methods.
type MethodId = u8;

/// The methods the model follows further than counting, known by name once
/// when the method is first met rather than compared by name per message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Kind {
    Invite,
    Bye,
    Cancel,
    Register,
    Ack,
    #[default]
    Other,
}

impl Kind {
    fn of(method: &str) -> Kind {
        match method {
            "INVITE" => Kind::Invite,
            "BYE" => Kind::Bye,
            "CANCEL" => Kind::Cancel,
            "REGISTER" => Kind::Register,
            "ACK" => Kind::Ack,
            _ => Kind::Other,
        }
    }
}

/// The maps of open transactions and calls. Their keys are already hashes
/// (of `Trace::keys`, seeded per run), so the map's own hash need not resist
/// collisions: foldhash's fast one is several times cheaper than SipHash.
type Map<V> = HashMap<u64, V, foldhash::fast::RandomState>;

/// One transaction while it is open.
#[derive(Debug)]
struct Transaction {
    method: MethodId,
    /// The Call-ID's hash, for INVITE, BYE, CANCEL and REGISTER.
    call: u64,
    first: Timestamp,
    last: Timestamp,
    /// The responses it had, each counted once.
    responses: Responses,
    final_code: Option<u16>,
    /// For REGISTER: when the attempt began (earlier than `first` after a challenge).
    attempt_start: Timestamp,
}

/// The distinct responses of a transaction: (code, To tag's hash, 32 bits
/// of it), held in place rather than in a `Vec` of its own (an allocation
/// per transaction). A transaction has few: a fork's provisional and final
/// responses each carry their own tag.
#[derive(Debug, Default)]
struct Responses {
    seen: [(u16, u32); Responses::MAX],
    len: u8,
}

impl Responses {
    /// Past this many, further responses of one transaction are neither
    /// new nor retransmissions: they are counted as messages only.
    const MAX: usize = 6;

    /// Adds a response; `false` if it was seen before or there is no room.
    fn insert(&mut self, code: u16, tag: u64) -> bool {
        let tag = tag as u32;
        let seen = &self.seen[..usize::from(self.len)];
        if seen.contains(&(code, tag)) || seen.len() >= Self::MAX {
            return false;
        }
        self.seen[seen.len()] = (code, tag);
        self.len += 1;
        true
    }
}

/// One call while it is open.
#[derive(Debug)]
struct Call {
    /// Its place in the order calls began, for `finish`.
    seq: u64,
    call_id: String,
    file: usize,
    frame: u64,
    first: Timestamp,
    last: Timestamp,
    last_invite: Timestamp,
    invites: u32,
    challenges: u32,
    /// The last INVITE transaction ended on a challenge: the next INVITE retries it.
    awaiting_retry: bool,
    /// An INVITE came after a challenge.
    retried: bool,
    cancel: bool,
    /// The first provisional other than 100, or final other than a challenge.
    status: Option<Timestamp>,
    answered: Option<(u16, Timestamp)>,
    last_final: Option<u16>,
    causes: Vec<u8>,
    bye_sent: Option<Timestamp>,
    bye_final: Option<(u16, Timestamp)>,
}

/// Per-method counters.
#[derive(Debug, Default)]
struct MethodCounts {
    name: String,
    kind: Kind,
    messages: u64,
    transactions: u64,
    retransmissions: u64,
    without_final: u64,
    /// code → (messages, transactions).
    responses: BTreeMap<u16, (u64, u64)>,
}

/// Per failure code: transactions, calls, Q.850 causes.
#[derive(Debug, Default)]
struct FailureCounts {
    transactions: u64,
    calls: u64,
    causes: BTreeMap<u8, u64>,
    /// The first response that ended a transaction with the code: its
    /// Call-ID (first 256 characters), file and frame, for the operator to look up.
    example: Option<(Option<String>, usize, u64)>,
}

/// The header fields a message is followed by, read in one pass.
#[derive(Default)]
struct Fields<'a> {
    via: Option<std::borrow::Cow<'a, str>>,
    call_id: Option<std::borrow::Cow<'a, str>>,
    cseq: Option<std::borrow::Cow<'a, str>>,
    to: Option<std::borrow::Cow<'a, str>>,
    causes: Vec<u8>,
}

impl<'a> Fields<'a> {
    fn of(message: &Message<'a>, want_causes: bool) -> Fields<'a> {
        use sip_codes::header::full_name;
        let mut fields = Fields::default();
        for (name, value) in message.headers() {
            // The name read once, compact form unfolded; its length picks
            // the one name it may be, so that each field costs one comparison.
            let name = full_name(name).unwrap_or(name);
            let slot = match name.len() {
                3 if name.eq_ignore_ascii_case("Via") => &mut fields.via,
                7 if name.eq_ignore_ascii_case("Call-ID") => &mut fields.call_id,
                4 if name.eq_ignore_ascii_case("CSeq") => &mut fields.cseq,
                2 if name.eq_ignore_ascii_case("To") => &mut fields.to,
                6 if want_causes && name.eq_ignore_ascii_case("Reason") => {
                    fields.reason(&value);
                    continue;
                }
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        fields
    }

    /// The fields [`scan`] found, as [`Fields::of`] reads them.
    fn scanned(scanned: TraceFields<'a>, want_causes: bool) -> Fields<'a> {
        use std::borrow::Cow::Borrowed;
        let mut fields = Fields {
            via: scanned.via.map(Borrowed),
            call_id: scanned.call_id.map(Borrowed),
            cseq: scanned.cseq.map(Borrowed),
            to: scanned.to.map(Borrowed),
            causes: Vec::new(),
        };
        if want_causes {
            for value in scanned.reasons {
                fields.reason(value);
            }
        }
        fields
    }

    /// Keeps the Q.850 causes of a `Reason` value, up to 8 in all.
    fn reason(&mut self, value: &str) {
        for reason in Reason::parse_all(value).flatten() {
            if let ReasonCause::Q850(cause) = reason.cause()
                && self.causes.len() < 8
            {
                self.causes.push(cause.as_u8());
            }
        }
    }

    /// The method named by CSeq (`"1 INVITE"`).
    fn cseq_method(&self) -> Option<&str> {
        let mut words = self.cseq.as_deref()?.split_ascii_whitespace();
        words.next()?;
        words.next()
    }
}

/// A method name as a message gives it, held in place up to 22 bytes: an
/// [`Observation`] crosses threads, the message's bytes do not.
#[derive(Clone, Debug)]
enum Name {
    Short(u8, [u8; 22]),
    Long(Box<str>),
}

impl Name {
    fn new(name: &str) -> Name {
        let mut bytes = [0; 22];
        match (bytes.get_mut(..name.len()), u8::try_from(name.len())) {
            (Some(room), Ok(len)) => {
                room.copy_from_slice(name.as_bytes());
                Name::Short(len, bytes)
            }
            _ => Name::Long(name.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // A prefix of a `str` cut at its end: always UTF-8.
            Name::Short(len, bytes) => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            Name::Long(name) => name,
        }
    }
}

/// What the trace model takes from one message, read from the message
/// alone: made on any thread by [`observe`], applied in capture order by
/// [`Trace::apply`].
#[derive(Debug)]
pub struct Observation {
    file: usize,
    frame: u64,
    time: Timestamp,
    seen: Seen,
}

#[derive(Debug)]
enum Seen {
    /// Not a message [`Message::parse`] reads.
    Unparsed,
    /// A status line without a status code.
    InvalidStatusLine,
    Request {
        method: Name,
        /// (transaction, call): the hashes of the top Via's branch, sent-by
        /// and the method, and of the Call-ID; `None` without them.
        keys: Option<(u64, u64)>,
        /// An INVITE's Call-ID (its first 256 characters), for the call's record.
        call_id: Option<Box<str>>,
    },
    Response {
        code: u16,
        status: Status,
        /// The method of CSeq.
        method: Option<Name>,
        /// The transaction: the top Via's branch and sent-by and CSeq's method, hashed.
        key: Option<u64>,
        /// The To tag, hashed.
        tag: u64,
        /// The Q.850 causes of its `Reason` fields (3xx to 6xx), up to 8.
        causes: Vec<u8>,
        /// For a failure, the Call-ID (first 256 characters), as its example.
        call_id: Option<Box<str>>,
    },
}

/// What a response's status line is, beyond its code.
#[derive(Debug)]
enum Status {
    /// A code the catalogue knows, with its phrase or none.
    Registered,
    /// A code in range the catalogue does not know.
    Unknown,
    /// A known code with a phrase of its own (first 80 characters), and the registered one.
    Phrase(String, &'static str),
    /// A code outside 100–699.
    OutOfRange,
}

/// Hashes the parts of a key with the trace's seeded hasher.
fn hash(keys: &foldhash::quality::RandomState, parts: &[&str]) -> u64 {
    let mut hasher = keys.build_hasher();
    for part in parts {
        part.hash(&mut hasher);
    }
    hasher.finish()
}

/// Reads what the trace model needs from one message, `keys` being the
/// trace's hasher ([`Trace::keys`]). Pure: any thread may call it.
pub fn observe(keys: &foldhash::quality::RandomState, message: &SipMessage<'_>) -> Observation {
    let seen = seen(keys, message.bytes);
    Observation { file: message.file, frame: message.frame, time: message.time, seen }
}

fn seen(keys: &foldhash::quality::RandomState, bytes: &[u8]) -> Seen {
    // The one pass of `scan` reads most messages; the general reading
    // the rest (folded fields, errors), with the same result.
    let (start, scanned, parsed) = match scan(bytes) {
        Some((start, scanned)) => (start, Some(scanned), None),
        None => {
            let Ok(parsed) = Message::parse(bytes) else { return Seen::Unparsed };
            (parsed.start_line().clone(), None, Some(parsed))
        }
    };
    let fields = |want_causes| match (scanned, &parsed) {
        (Some(scanned), _) => Fields::scanned(scanned, want_causes),
        (None, Some(parsed)) => Fields::of(parsed, want_causes),
        (None, None) => Fields::default(),
    };
    match start {
        StartLine::Request { method, .. } => {
            let fields = fields(false);
            let keys = match (fields.via.as_deref().and_then(top_via), fields.call_id.as_deref()) {
                (Some(TopVia { branch, sent_by }), Some(call_id)) => {
                    Some((hash(keys, &[branch, sent_by, method]), hash(keys, &[call_id])))
                }
                _ => None,
            };
            let call_id = match (Kind::of(method), keys, fields.call_id.as_deref()) {
                (Kind::Invite, Some(_), Some(id)) => Some(kept_call_id(id).into_boxed_str()),
                _ => None,
            };
            Seen::Request { method: Name::new(method), keys, call_id }
        }
        StartLine::Response { status, .. } => {
            let (code, status) = match status {
                Ok(status) => (status.code().as_u16(), phrase(&status)),
                Err(error) => match error.code() {
                    Some(code) => (code, Status::OutOfRange),
                    None => return Seen::InvalidStatusLine,
                },
            };
            let fields = fields(code >= 300);
            let method = fields.cseq_method();
            let key = match (method, fields.via.as_deref().and_then(top_via)) {
                (Some(method), Some(TopVia { branch, sent_by })) => {
                    Some(hash(keys, &[branch, sent_by, method]))
                }
                _ => None,
            };
            let tag = hash(keys, &[sip_codes::header::tag(fields.to.as_deref().unwrap_or("")).unwrap_or("")]);
            let call_id =
                fields.call_id.as_deref().filter(|_| code >= 300).map(|id| kept_call_id(id).into_boxed_str());
            Seen::Response {
                code,
                status,
                method: method.map(Name::new),
                key,
                tag,
                causes: fields.causes,
                call_id,
            }
        }
    }
}

/// An unregistered phrase or an unknown code.
fn phrase(status: &sip_codes::StatusLine<'_>) -> Status {
    match status.code().entry() {
        None => Status::Unknown,
        Some(entry) if !status.reason().is_empty() && !status.has_catalogued_reason() => {
            Status::Phrase(first_chars(status.reason(), 80), entry.phrase)
        }
        Some(_) => Status::Registered,
    }
}

/// How much of a Call-ID a record keeps: enough for any real one, bounded
/// for a hostile one.
const CALL_ID_CHARS: usize = 256;

/// A Call-ID as a record keeps it: its first [`CALL_ID_CHARS`] characters.
fn kept_call_id(text: &str) -> String {
    first_chars(text, CALL_ID_CHARS)
}

/// The first `count` characters of `text`, copied.
fn first_chars(text: &str, count: usize) -> String {
    // A text of no more bytes than `count` has no more characters.
    if text.len() <= count { text.to_owned() } else { text.chars().take(count).collect() }
}

/// A capture time as a duration since the epoch: the clock of the metrics.
fn at(time: Timestamp) -> Option<Duration> {
    if !time.is_known() {
        return None;
    }
    Some(Duration::new(u64::try_from(time.secs()).ok()?, time.subsec_nanos()))
}

/// Milliseconds from `from` to `to`, to the microsecond.
fn millis(from: Timestamp, to: Timestamp) -> Option<f64> {
    if !from.is_known() || !to.is_known() {
        return None; // no delay from or to a message of no known time
    }
    to.since(from).map(|delay| (delay.as_secs_f64() * 1e6).round() / 1e3)
}

/// The outcome the metrics make of a code: a code outside 100–699 that the
/// catalogue does not know is no `StatusCode`, and RFC 6076 has nothing to
/// say of it.
fn final_outcome(code: u16) -> Outcome {
    StatusCode::from_u16(code).map_or(Outcome::Unobserved, Outcome::Final)
}

/// A model of a trace: the messages of its files, each file named first.
pub trait Model: Handler {
    /// Names the next file of the trace, as given on the command line.
    fn file(&mut self, name: String);
}

impl Handler for Trace<'_> {
    fn message(&mut self, message: &SipMessage<'_>) {
        self.apply(observe(&self.keys, message));
    }
}

/// The trace model's [`Observer`]: the hasher of its keys, seeded per run.
#[derive(Clone)]
pub struct TraceObserver(foldhash::quality::RandomState);

impl Observer for TraceObserver {
    type Observation = Observation;

    fn observe(&self, message: &SipMessage<'_>) -> Observation {
        observe(&self.0, message)
    }
}

impl Staged for Trace<'_> {
    type Observer = TraceObserver;

    fn observer(&self) -> TraceObserver {
        TraceObserver(self.keys.clone())
    }

    fn apply(&mut self, observation: Observation) {
        Trace::apply(self, observation);
    }
}

/// Where and when a message was captured.
#[derive(Clone, Copy, Debug)]
struct Whereabouts {
    file: usize,
    frame: u64,
    time: Timestamp,
}

/// What a response adds to its transaction.
struct Response {
    code: u16,
    key: Option<u64>,
    tag: u64,
    causes: Vec<u8>,
    call_id: Option<Box<str>>,
}

impl Model for Trace<'_> {
    fn file(&mut self, name: String) {
        self.files.push(name);
    }
}

/// The trace as it is read: give it every message, then [`Trace::finish`].
pub struct Trace<'s> {
    /// Hashes the keys of transactions and calls (Via branch, sent-by and
    /// method; Call-ID; To tag): foldhash's quality hasher, seeded at random
    /// per run so that a capture cannot choose keys that collide.
    keys: foldhash::quality::RandomState,
    /// Names of the files, for the calls' records.
    files: Vec<String>,
    /// The latest capture time seen: "now" for the timers.
    now: Option<Timestamp>,
    first: Option<Timestamp>,
    methods: Vec<MethodCounts>,
    transactions: open::Open<Transaction>,
    calls: open::Open<Call>,
    calls_begun: u64,
    /// REGISTER attempts challenged and not yet sent again: Call-ID → (start, challenge code, when).
    challenged_registrations: Map<(Timestamp, u16, Timestamp)>,
    /// When the challenged registrations were last looked over.
    swept: Option<Timestamp>,
    requests: u64,
    responses: u64,
    by_code: BTreeMap<u16, u64>,
    failures: BTreeMap<u16, FailureCounts>,
    calls_summary: CallSummary,
    metrics: Metrics,
    unusual: Unusual,
    phrases: BTreeMap<(u16, String), (u64, &'static str)>,
    unknown: BTreeMap<u16, u64>,
    out_of_range: BTreeMap<u16, u64>,
    /// Where each folded call goes, for `--json-lines`.
    sink: Option<&'s mut dyn FnMut(&CallReport)>,
}

impl<'s> Trace<'s> {
    /// An empty trace; `sink` is handed each call as it is folded.
    pub fn new(sink: Option<&'s mut dyn FnMut(&CallReport)>) -> Trace<'s> {
        Trace {
            keys: foldhash::quality::RandomState::default(),
            files: Vec::new(),
            now: None,
            first: None,
            methods: Vec::new(),
            transactions: open::Open::default(),
            calls: open::Open::default(),
            calls_begun: 0,
            challenged_registrations: Map::default(),
            swept: None,
            requests: 0,
            responses: 0,
            by_code: BTreeMap::new(),
            failures: BTreeMap::new(),
            calls_summary: CallSummary::default(),
            metrics: Metrics::new(),
            unusual: Unusual::default(),
            phrases: BTreeMap::new(),
            unknown: BTreeMap::new(),
            out_of_range: BTreeMap::new(),
            sink,
        }
    }

    /// The index of `method`, added if new and there is room; `None` past [`MAX_METHODS`].
    fn method(&mut self, method: &str) -> Option<MethodId> {
        if let Some(at) = self.methods.iter().position(|counts| counts.name == method) {
            return MethodId::try_from(at).ok();
        }
        if self.methods.len() >= MAX_METHODS {
            return None;
        }
        self.methods.push(MethodCounts {
            name: method.to_owned(),
            kind: Kind::of(method),
            ..MethodCounts::default()
        });
        MethodId::try_from(self.methods.len() - 1).ok()
    }

    fn is(&self, method: MethodId, kind: Kind) -> bool {
        self.methods.get(usize::from(method)).is_some_and(|counts| counts.kind == kind)
    }

    /// Applies what was observed of one message, in capture order.
    pub fn apply(&mut self, observation: Observation) {
        let Observation { file, frame, time, seen } = observation;
        // A message of no known time neither starts the trace nor moves its clock.
        if time.is_known() {
            self.first = Some(self.first.map_or(time, |first| first.min(time)));
            if self.now.is_none_or(|now| time > now) {
                self.now = Some(time);
                self.expire(time);
            }
        }
        let whereabouts = Whereabouts { file, frame, time };
        match seen {
            Seen::Unparsed => self.unusual.unparsed += 1,
            Seen::InvalidStatusLine => self.unusual.invalid_status_lines += 1,
            Seen::Request { method, keys, call_id } => {
                self.requests += 1;
                self.request(whereabouts, method.as_str(), keys, call_id);
            }
            Seen::Response { code, status, method, key, tag, causes, call_id } => {
                self.responses += 1;
                *self.by_code.entry(code).or_default() += 1;
                self.phrase(code, status);
                let response = Response { code, key, tag, causes, call_id };
                self.response(whereabouts, method.as_ref().map(Name::as_str), response);
            }
        }
    }

    /// Counts an unregistered phrase, an unknown code or one out of range.
    fn phrase(&mut self, code: u16, status: Status) {
        match status {
            Status::Registered => {}
            Status::Unknown => *self.unknown.entry(code).or_default() += 1,
            Status::OutOfRange => *self.out_of_range.entry(code).or_default() += 1,
            Status::Phrase(phrase, registered) => {
                let more = &mut self.unusual.other_phrases_more;
                tally::count_phrase(&mut self.phrases, more, (code, phrase), registered, 1);
            }
        }
    }

    fn request(
        &mut self,
        whereabouts: Whereabouts,
        method_name: &str,
        keys: Option<(u64, u64)>,
        call_id: Option<Box<str>>,
    ) {
        let Some(method) = self.method(method_name) else {
            self.unusual.other_methods += 1;
            return;
        };
        let time = whereabouts.time;
        let kind = self.methods[usize::from(method)].kind;
        self.methods[usize::from(method)].messages += 1;
        let Some((key, call)) = keys else {
            self.unusual.without_transaction += 1;
            return;
        };
        let challenged = &mut self.challenged_registrations;
        let made = self.transactions.get_or_insert_with(key, time, || {
            let attempt_start = if kind == Kind::Register {
                challenged.remove(&call).map_or(time, |(start, ..)| start)
            } else {
                time
            };
            Transaction {
                method,
                call,
                first: time,
                last: time,
                responses: Responses::default(),
                final_code: None,
                attempt_start,
            }
        });
        match made {
            Some((_, true)) => {}
            Some((open, false)) => {
                open.last = time;
                self.methods[usize::from(method)].retransmissions += 1;
                return;
            }
            None => return,
        }
        self.methods[usize::from(method)].transactions += 1;
        match kind {
            Kind::Invite => {
                let seq = self.calls_begun;
                let made = self.calls.get_or_insert_with(call, time, || Call {
                    seq,
                    call_id: call_id.map(String::from).unwrap_or_default(),
                    file: whereabouts.file,
                    frame: whereabouts.frame,
                    first: time,
                    last: time,
                    last_invite: time,
                    invites: 1,
                    challenges: 0,
                    awaiting_retry: false,
                    retried: false,
                    cancel: false,
                    status: None,
                    answered: None,
                    last_final: None,
                    causes: Vec::new(),
                    bye_sent: None,
                    bye_final: None,
                });
                match made {
                    Some((_, true)) => self.calls_begun += 1,
                    Some((open, false)) => {
                        open.last = time;
                        // A re-INVITE in an answered call does not change its outcome.
                        if open.answered.is_none() {
                            open.retried |= open.awaiting_retry;
                            open.invites += 1;
                            open.last_invite = time;
                            open.awaiting_retry = false;
                        }
                    }
                    None => {}
                }
            }
            Kind::Cancel | Kind::Bye => {
                if let Some(open) = self.calls.get_mut(call) {
                    open.last = time;
                    if kind == Kind::Cancel {
                        open.cancel = true;
                    } else if open.bye_sent.is_none() {
                        open.bye_sent = Some(time);
                    }
                }
            }
            _ => {}
        }
    }

    fn response(&mut self, whereabouts: Whereabouts, method_name: Option<&str>, response: Response) {
        let Response { code, key, tag, causes, call_id } = response;
        let time = whereabouts.time;
        let method = method_name.and_then(|name| self.method(name));
        if let Some(method) = method {
            self.methods[usize::from(method)].responses.entry(code).or_default().0 += 1;
        }
        let (Some(method), Some(key)) = (method, key) else {
            self.unusual.stray_responses += 1;
            return;
        };
        let kind = self.methods[usize::from(method)].kind;
        let Some(transaction) = self.transactions.get_mut(key) else {
            self.unusual.stray_responses += 1;
            return;
        };
        transaction.last = time;
        if !transaction.responses.insert(code, tag) {
            return;
        }
        let first_final = code >= 200 && transaction.final_code.is_none();
        if first_final {
            transaction.final_code = Some(code);
        }
        let (call, attempt_start) = (transaction.call, transaction.attempt_start);
        if let Some(counts) = self.methods[usize::from(method)].responses.get_mut(&code) {
            counts.1 += 1;
        }
        if first_final && code >= 300 {
            let failure = self.failures.entry(code).or_default();
            failure.transactions += 1;
            for &cause in &causes {
                *failure.causes.entry(cause).or_default() += 1;
            }
            if failure.example.is_none() {
                failure.example = Some((call_id.map(String::from), whereabouts.file, whereabouts.frame));
            }
        }
        match kind {
            Kind::Invite => {
                let Some(open) = self.calls.get_mut(call) else { return };
                open.last = time;
                if open.answered.is_some() {
                    return;
                }
                let challenge = matches!(code, 401 | 407);
                if (101..=199).contains(&code) || (code >= 200 && !challenge) {
                    open.status.get_or_insert(time);
                }
                if !first_final {
                    return;
                }
                if (200..300).contains(&code) {
                    open.answered = Some((code, time));
                } else if challenge {
                    open.challenges += 1;
                    open.awaiting_retry = true;
                }
                open.last_final = Some(code);
                open.causes = causes;
            }
            Kind::Bye => {
                if let Some(open) = self.calls.get_mut(call)
                    && first_final
                    && open.bye_final.is_none()
                {
                    open.bye_final = Some((code, time));
                    open.last = time;
                }
            }
            Kind::Register if first_final => {
                if matches!(code, 401 | 407) {
                    self.challenged_registrations.insert(call, (attempt_start, code, time));
                } else {
                    let mut attempt = RegistrationAttempt::new(final_outcome(code));
                    if let (Some(sent), Some(ended)) = (at(attempt_start), at(time)) {
                        attempt = attempt.timed(sent, ended);
                    }
                    self.metrics.add_registration(&attempt);
                }
            }
            _ => {}
        }
    }

    /// Folds what has lived past [`LIFETIME`] at capture time `now`.
    fn expire(&mut self, now: Timestamp) {
        let due = |time: Timestamp| is_due(now, time);
        while let Some(transaction) =
            self.transactions.next_due(now, |transaction| transaction.last, |_| false)
        {
            self.close(transaction, true);
        }
        // An answered call lasts until its BYE is answered (or times out):
        // till then it comes round again 32 s later.
        let in_progress = |call: &Call| {
            call.answered.is_some() && call.bye_final.is_none() && call.bye_sent.is_none_or(|sent| !due(sent))
        };
        while let Some(call) = self.calls.next_due(now, |call| call.last, in_progress) {
            self.fold(call, Some(now));
        }
        // Challenged registrations wait for their retry; looked over once a second of capture time.
        if self.swept.is_some_and(|swept| now.since(swept).is_none_or(|age| age < Duration::from_secs(1))) {
            return;
        }
        self.swept = Some(now);
        let stale: Vec<u64> = self
            .challenged_registrations
            .iter()
            .filter(|(_, (.., when))| due(*when))
            .map(|(key, _)| *key)
            .collect();
        for key in stale {
            if let Some((start, code, when)) = self.challenged_registrations.remove(&key) {
                self.register_challenged(start, code, when);
            }
        }
    }

    fn register_challenged(&mut self, start: Timestamp, code: u16, when: Timestamp) {
        let mut attempt = RegistrationAttempt::new(final_outcome(code));
        if let (Some(sent), Some(ended)) = (at(start), at(when)) {
            attempt = attempt.timed(sent, ended);
        }
        self.metrics.add_registration(&attempt);
    }

    /// A transaction ends: `timed_out` when the capture went on 32 s past it.
    fn close(&mut self, transaction: Transaction, timed_out: bool) {
        // ACK gets no response (RFC 3261 §17.1.1.3): nothing is missing.
        if transaction.final_code.is_some() || self.is(transaction.method, Kind::Ack) {
            return;
        }
        self.methods[usize::from(transaction.method)].without_final += 1;
        if self.is(transaction.method, Kind::Register) {
            let outcome = if timed_out { Outcome::TimedOut } else { Outcome::Unobserved };
            self.metrics.add_registration(&RegistrationAttempt::new(outcome));
        }
    }

    /// A call ends: counted, measured, handed to the sink. `now` is the
    /// capture time it is folded at (the end of the capture at the end).
    fn fold(&mut self, call: Call, now: Option<Timestamp>) {
        let went_on = |since: Timestamp| {
            since.is_known() && now.and_then(|now| now.since(since)).is_some_and(|age| age >= LIFETIME)
        };
        let summary = &mut self.calls_summary;
        summary.total += 1;
        summary.challenged_and_retried += u64::from(call.retried);
        let (outcome, code, metrics_outcome) = match (call.answered, call.last_final) {
            (Some((code, _)), _) => (CallOutcome::Answered, Some(code), final_outcome(code)),
            (None, Some(code)) if call.awaiting_retry => {
                (CallOutcome::Challenged, Some(code), final_outcome(code))
            }
            (None, Some(487)) if call.cancel => (CallOutcome::Cancelled, Some(487), final_outcome(487)),
            (None, Some(code)) if (300..400).contains(&code) => {
                (CallOutcome::Redirected, Some(code), final_outcome(code))
            }
            (None, Some(code)) => (CallOutcome::Failed, Some(code), final_outcome(code)),
            (None, None) if went_on(call.last_invite) => (CallOutcome::TimedOut, None, Outcome::TimedOut),
            (None, None) => (CallOutcome::Unobserved, None, Outcome::Unobserved),
        };
        match outcome {
            CallOutcome::Answered => summary.answered += 1,
            CallOutcome::Failed => summary.failed += 1,
            CallOutcome::Challenged => summary.challenged += 1,
            CallOutcome::Cancelled => summary.cancelled += 1,
            CallOutcome::Redirected => summary.redirected += 1,
            CallOutcome::TimedOut => summary.timed_out += 1,
            CallOutcome::Unobserved => summary.unobserved += 1,
        }
        if let Some(code) = code.filter(|&code| code >= 300) {
            self.failures.entry(code).or_default().calls += 1;
        }
        let mut attempt = SessionAttempt::new(metrics_outcome);
        if let Some(sent) = at(call.first) {
            attempt = attempt.sent_at(sent);
        }
        if let Some(status) = call.status.and_then(at) {
            attempt = attempt.status_at(status);
        }
        if let Some((_, answered)) = call.answered {
            if let Some(answered) = at(answered) {
                attempt = attempt.answered_at(answered);
            }
            if let Some(sent) = call.bye_sent {
                let (bye_outcome, bye_at) = match call.bye_final {
                    Some((code, time)) => (final_outcome(code), at(time)),
                    None if went_on(sent) => (Outcome::TimedOut, at(sent).map(|sent| sent + LIFETIME)),
                    None => (Outcome::Unobserved, None),
                };
                if let Some(sent_at) = at(sent) {
                    attempt = attempt.bye(sent_at, bye_outcome, bye_at);
                }
            }
        }
        self.metrics.add_session(&attempt);
        if let Some(sink) = self.sink.as_mut() {
            let record = CallReport {
                kind: "call",
                call_id: call.call_id,
                file: self.files.get(call.file).cloned().unwrap_or_default(),
                frame: call.frame,
                start: call.first.to_string(),
                outcome: outcome.named(),
                code,
                invites: call.invites,
                challenges: call.challenges,
                cancel: call.cancel,
                setup_ms: call.status.and_then(|status| millis(call.first, status)),
                duration_ms: call
                    .answered
                    .and_then(|(_, answered)| call.bye_sent.and_then(|bye| millis(answered, bye))),
                causes: call.causes,
            };
            sink(&record);
        }
    }

    /// Ends the trace: what is still open is folded as the capture ended.
    pub fn finish(mut self, stats: &Stats, errors: Vec<String>) -> StatsReport {
        let now = self.now;
        let open: Vec<Transaction> = self.transactions.drain().collect();
        for transaction in open {
            let went_on = transaction.first.is_known()
                && now.and_then(|now| now.since(transaction.first)).is_some_and(|age| age >= LIFETIME);
            self.close(transaction, went_on);
        }
        for (start, code, when) in std::mem::take(&mut self.challenged_registrations).into_values() {
            self.register_challenged(start, code, when);
        }
        // In the order the calls began, so that `--json-lines` keeps the
        // order of the capture.
        let mut calls: Vec<Call> = self.calls.drain().collect();
        calls.sort_unstable_by_key(|call| call.seq);
        for call in calls {
            self.fold(call, now);
        }
        self.report(stats, errors)
    }

    fn report(self, stats: &Stats, errors: Vec<String>) -> StatsReport {
        let mut capture = check::capture_summary(stats, errors);
        capture.first = self.first.map(|time| time.to_string());
        capture.last = self.now.map(|time| time.to_string());
        tally::Tally {
            capture,
            requests: self.requests,
            responses: self.responses,
            by_code: self.by_code,
            methods: self.methods,
            calls: self.calls_summary,
            failures: self.failures,
            files: self.files,
            metrics: metrics(&self.metrics),
            unusual: self.unusual,
            phrases: self.phrases,
            unknown: self.unknown,
            out_of_range: self.out_of_range,
        }
        .report()
    }
}

fn failure(code: u16, counts: FailureCounts, files: &[String]) -> FailureReport {
    let status = StatusCode::from_u16(code).ok();
    let entry = status.and_then(StatusCode::entry);
    let understood = status.filter(|_| entry.is_none()).map(StatusCode::as_understood);
    let disposition_of = entry.or_else(|| understood.and_then(StatusCode::entry));
    let mut causes: Vec<CauseCount> = counts
        .causes
        .into_iter()
        .map(|(cause, count)| CauseCount {
            cause,
            text: sip_codes::q850::Cause::from_u8(cause).ok().and_then(sip_codes::q850::Cause::text),
            count,
        })
        .collect();
    causes.sort_by_key(|cause| std::cmp::Reverse(cause.count));
    FailureReport {
        code,
        phrase: entry.map(|entry| entry.phrase),
        transactions: counts.transactions,
        calls: counts.calls,
        disposition: disposition_of.map(|entry| HandlingReport::of(entry.handling()).disposition),
        meaning: entry.map(|entry| entry.meaning),
        understood_as: understood.map(StatusCode::as_u16),
        causes,
        example: counts.example.map(|(call_id, file, frame)| FailureExample {
            call_id,
            file: files.get(file).cloned().unwrap_or_default(),
            frame,
        }),
    }
}

/// A ratio of RFC 6076 as reported: its percentage to a tenth.
fn ratio_report(ratio: Option<sip_codes::metrics::Ratio>) -> Option<RatioReport> {
    ratio.map(|ratio| RatioReport {
        numerator: ratio.numerator,
        denominator: ratio.denominator,
        percent: (ratio.percent() * 10.0).round() / 10.0,
    })
}

/// Milliseconds as reported: to the microsecond.
fn round_ms(ms: f64) -> f64 {
    (ms * 1e3).round() / 1e3
}

fn metrics(metrics: &Metrics) -> MetricsReport {
    let ratio = ratio_report;
    let ms = |delay: Option<Duration>| delay.map(|delay| round_ms(delay.as_secs_f64() * 1e3));
    let delays = |delays: &sip_codes::metrics::Delays| DelayReport {
        count: delays.count(),
        mean_ms: ms(delays.mean()),
        min_ms: ms(delays.min()),
        max_ms: ms(delays.max()),
    };
    MetricsReport {
        ser: ratio(metrics.ser()),
        seer: ratio(metrics.seer()),
        isa: ratio(metrics.isa()),
        scr: ratio(metrics.scr()),
        ira: ratio(metrics.ira()),
        rrd: delays(metrics.rrd()),
        srd_answered: delays(metrics.srd_answered()),
        srd_failed: delays(metrics.srd_failed()),
        sdd_answered: delays(metrics.sdd_answered()),
        sdd_failed: delays(metrics.sdd_failed()),
        sdt_completed: delays(metrics.sdt_completed()),
        unobserved_sessions: metrics.unobserved_sessions(),
        unobserved_registrations: metrics.unobserved_registrations(),
    }
}
