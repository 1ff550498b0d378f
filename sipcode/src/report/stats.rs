//! What `sipcode stats` and `sipcode check` found in a trace, as plain data.
//! Every string here but the catalogue's may come from a hostile capture.

use serde::{Deserialize, Serialize};

use super::Named;

/// `sipcode stats`: one summary of the whole trace.
#[derive(Serialize, Debug, Clone, PartialEq, Default)]
pub struct StatsReport {
    /// What the capture reader read and skipped.
    pub capture: CaptureSummary,
    /// Messages as sent: every request and response counted, retransmissions
    /// included (what Wireshark's "SIP Statistics" counts).
    pub messages: MessageCounts,
    /// Per method: requests, transactions (RFC 3261 §17, retransmissions
    /// counted once) and the responses to them per code.
    pub methods: Vec<MethodReport>,
    /// The calls: INVITE transactions grouped by Call-ID.
    pub calls: CallSummary,
    /// Final responses of 300 and above, most frequent first.
    pub failures: Vec<FailureReport>,
    /// The RFC 6076 metrics.
    pub metrics: MetricsReport,
    /// What a well-behaved peer would not send.
    pub unusual: Unusual,
}

/// What the capture reader read and skipped.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CaptureSummary {
    /// Files read.
    pub files: u64,
    /// Frames read.
    pub frames: u64,
    /// Their captured bytes.
    pub bytes: u64,
    /// SIP messages found.
    pub sip_messages: u64,
    /// Frames skipped because they were broken (truncated, malformed) or
    /// carried what is not read (TLS, WebSocket, SCTP, other link layers).
    pub skipped_frames: u64,
    /// The first capture time, `secs.nanos` since the epoch.
    pub first: Option<String>,
    /// The last capture time.
    pub last: Option<String>,
    /// Errors that stopped a file, each with its file name.
    pub errors: Vec<String>,
}

/// Counts of messages as sent.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct MessageCounts {
    /// Requests.
    pub requests: u64,
    /// Responses.
    pub responses: u64,
    /// Requests per method, as written on the wire.
    pub by_method: Vec<Count<String>>,
    /// Responses per code, 7xx to 9xx included.
    pub by_code: Vec<Count<u16>>,
}

/// A key and how often it was seen.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Count<K> {
    /// What was counted.
    pub key: K,
    /// How often.
    pub count: u64,
}

/// One method's requests and their responses.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct MethodReport {
    /// As written on the wire (methods are case-sensitive).
    pub method: String,
    /// Requests as sent.
    pub messages: u64,
    /// Transactions: requests with retransmissions counted once.
    pub transactions: u64,
    /// Requests seen again in a transaction already open.
    pub retransmissions: u64,
    /// Transactions whose final response the capture does not hold.
    pub without_final: u64,
    /// Responses per code: as sent, and once per transaction.
    pub responses: Vec<ResponseCount>,
}

/// Responses of one code to one method.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ResponseCount {
    /// The code.
    pub code: u16,
    /// Responses as sent.
    pub messages: u64,
    /// Transactions that got it (a retransmitted response counted once).
    pub transactions: u64,
}

/// How the calls ended.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct CallSummary {
    /// Calls: distinct Call-IDs of INVITE transactions.
    pub total: u64,
    /// Answered with a 2xx.
    pub answered: u64,
    /// Ended with a failure response other than a challenge or a 487 after CANCEL.
    pub failed: u64,
    /// Ended on 401 or 407, never sent again with credentials.
    pub challenged: u64,
    /// Challenged with 401 or 407, then sent again (whatever came next).
    pub challenged_and_retried: u64,
    /// Cancelled: a 487 after the caller's CANCEL.
    pub cancelled: u64,
    /// Ended with a 3xx.
    pub redirected: u64,
    /// No final response, and the capture went on 64*T1 (32 s) past the INVITE.
    pub timed_out: u64,
    /// No final response before the capture ended.
    pub unobserved: u64,
}

/// One failure code, ranked among the others.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct FailureReport {
    /// The code.
    pub code: u16,
    /// Its registered phrase; `None` for a code the catalogue does not know.
    pub phrase: Option<&'static str>,
    /// Transactions that ended with it, every method.
    pub transactions: u64,
    /// Calls that ended with it.
    pub calls: u64,
    /// What a UAC does next.
    pub disposition: Option<Named>,
    /// What it means.
    pub meaning: Option<&'static str>,
    /// For a code the catalogue does not know: the x00 a UAC treats it as.
    pub understood_as: Option<u16>,
    /// The Q.850 causes its `Reason` header fields carried.
    pub causes: Vec<CauseCount>,
    /// Where to look one up: the first transaction that ended with it.
    pub example: Option<FailureExample>,
}

/// One response of a failure code, to find in the capture.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct FailureExample {
    /// Its Call-ID, the first 256 characters; `None` when it had none.
    pub call_id: Option<String>,
    /// The file, as given on the command line.
    pub file: String,
    /// The frame number of the response in it.
    pub frame: u64,
}

/// A Q.850 cause and how often it came.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct CauseCount {
    /// The cause value.
    pub cause: u8,
    /// Its ITU-T text, when Q.850 defines it.
    pub text: Option<&'static str>,
    /// How often.
    pub count: u64,
}

/// The RFC 6076 metrics.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct MetricsReport {
    /// Session Establishment Ratio (§4.6).
    pub ser: Option<RatioReport>,
    /// Session Establishment Effectiveness Ratio (§4.7).
    pub seer: Option<RatioReport>,
    /// Ineffective Session Attempts (§4.8).
    pub isa: Option<RatioReport>,
    /// Session Completion Ratio (§4.9).
    pub scr: Option<RatioReport>,
    /// Ineffective Registration Attempts (§4.2).
    pub ira: Option<RatioReport>,
    /// Registration Request Delay (§4.1).
    pub rrd: DelayReport,
    /// Session Request Delay, established sessions (§4.3.1).
    pub srd_answered: DelayReport,
    /// Session Request Delay, failed setups (§4.3.2).
    pub srd_failed: DelayReport,
    /// Session Disconnect Delay, BYE answered with a 2xx (§4.4).
    pub sdd_answered: DelayReport,
    /// Session Disconnect Delay, BYE answered with a failure (§4.4).
    pub sdd_failed: DelayReport,
    /// Session Duration Time, completed sessions (§4.5.1).
    pub sdt_completed: DelayReport,
    /// INVITE attempts whose outcome the capture does not hold.
    pub unobserved_sessions: u64,
    /// REGISTER attempts whose outcome the capture does not hold.
    pub unobserved_registrations: u64,
}

/// A ratio of RFC 6076.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct RatioReport {
    /// What is counted.
    pub numerator: u64,
    /// Among what.
    pub denominator: u64,
    /// As a percentage.
    pub percent: f64,
}

/// Delays of one kind, in milliseconds.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Default)]
pub struct DelayReport {
    /// How many were measured.
    pub count: u64,
    /// Their mean.
    pub mean_ms: Option<f64>,
    /// The shortest.
    pub min_ms: Option<f64>,
    /// The longest.
    pub max_ms: Option<f64>,
}

/// Traffic a well-behaved peer would not send, counted.
#[derive(Serialize, Debug, Clone, PartialEq, Default)]
pub struct Unusual {
    /// Reason phrases other than the registered one (or an alias), per code
    /// and phrase; at most [`MAX_PHRASES`] distinct ones, the rest in `other_phrases_more`.
    pub other_phrases: Vec<PhraseCount>,
    /// Responses with a phrase past that bound.
    pub other_phrases_more: u64,
    /// Codes in 100–699 the catalogue does not know.
    pub unknown_codes: Vec<UnknownCodeCount>,
    /// Codes outside 100–699 (7xx, 8xx, 9xx) on the wire.
    pub out_of_range: Vec<Count<u16>>,
    /// Responses whose status line could not be read.
    pub invalid_status_lines: u64,
    /// Messages that could not be split into start line and header fields.
    pub unparsed: u64,
    /// Requests without the Via branch, CSeq or Call-ID a transaction is known by.
    pub without_transaction: u64,
    /// Responses to no request in the capture (sent before it began, or
    /// after their transaction ended).
    pub stray_responses: u64,
    /// Methods past the [`MAX_METHODS`] counted one by one.
    pub other_methods: u64,
}

/// The most distinct (code, phrase) pairs kept.
pub const MAX_PHRASES: usize = 64;
/// The most distinct methods kept.
pub const MAX_METHODS: usize = 64;

/// A code sent with a phrase of its own.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct PhraseCount {
    /// The code.
    pub code: u16,
    /// The phrase as sent (at most 80 characters kept).
    pub phrase: String,
    /// The registered phrase.
    pub registered: &'static str,
    /// How often.
    pub count: u64,
}

/// A code the catalogue does not know.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct UnknownCodeCount {
    /// The code.
    pub code: u16,
    /// The x00 a UAC treats it as (RFC 3261 §8.1.3.2).
    pub understood_as: u16,
    /// How often.
    pub count: u64,
}

/// One call, as `--json-lines` writes it.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct CallReport {
    /// Always `"call"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The Call-ID.
    pub call_id: String,
    /// The file of the first INVITE, as given on the command line.
    pub file: String,
    /// Its frame number.
    pub frame: u64,
    /// Its capture time.
    pub start: String,
    /// How the call ended.
    pub outcome: Named,
    /// The final response that ended it, if one did.
    pub code: Option<u16>,
    /// INVITE transactions (more than one after a challenge).
    pub invites: u32,
    /// Challenges (401, 407) it got.
    pub challenges: u32,
    /// Whether a CANCEL was sent.
    pub cancel: bool,
    /// From the first INVITE to the first response that told the caller
    /// something (RFC 6076 SRD).
    pub setup_ms: Option<f64>,
    /// From the answer to the BYE (RFC 6076 SDT).
    pub duration_ms: Option<f64>,
    /// The Q.850 causes of the final response's `Reason` header fields.
    pub causes: Vec<u8>,
}

/// `sipcode check`: the findings of every response, grouped by rule.
#[derive(Serialize, Debug, Clone, PartialEq, Default)]
pub struct CheckReport {
    /// What the capture reader read and skipped.
    pub capture: CaptureSummary,
    /// Responses judged.
    pub responses: u64,
    /// Responses with at least one finding.
    pub with_findings: u64,
    /// The groups, the weightiest level first, then the most frequent.
    pub rules: Vec<RuleReport>,
}

/// The findings of one rule.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct RuleReport {
    /// The kind: `"missing"`, `"forbidden"`, `"other_phrase"`…
    pub kind: &'static str,
    /// The level: `"MUST"`, `"SHOULD NOT"`, `"grammar"`, `"note"`…
    pub level: &'static str,
    /// The code judged.
    pub code: u16,
    /// The header field involved.
    pub header: Option<&'static str>,
    /// The section the rule rests on: `"RFC 3261 §21.4.6"`.
    pub reference: String,
    /// How many responses broke it.
    pub count: u64,
    /// The first that did.
    pub example: CheckFinding,
}

/// One finding, as `--json-lines` writes it and as a rule's example.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct CheckFinding {
    /// Always `"finding"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The file, as given on the command line.
    pub file: String,
    /// The frame number in it.
    pub frame: u64,
    /// The response's Call-ID.
    pub call_id: Option<String>,
    /// The code.
    pub code: u16,
    /// The kind of finding.
    pub finding: &'static str,
    /// Its level.
    pub level: &'static str,
    /// The header field involved.
    pub header: Option<&'static str>,
    /// The finding in one line, text from the wire quoted with control characters escaped.
    pub message: String,
}
