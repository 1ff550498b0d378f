//! `sipcode check`'s model: every response of a trace judged by
//! `sip_codes::check`, the findings grouped by rule.
//!
//! A capture does not say whether a proxy or the UAS made a response, nor
//! whether it travelled reliably: those facts stay unknown, so the rules
//! that depend on them are not checked (the library checks a rule with a
//! fact only when the fact is given). The method comes from CSeq.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;

use sip_codes::StatusCode;
use sip_codes::check::{Level, Response, check};

use super::{Model, Observer, Staged};
use crate::capture::{Handler, Message, SipMessage, StartLine, Stats};
use crate::report::{CaptureSummary, CheckFinding, CheckReport, RuleReport};

/// A rule: kind, level, code, header field, and the section it rests on
/// (Supported in a 200 is asked for by §13.3.1.4 for INVITE and §11.2 for OPTIONS).
type Rule = (&'static str, &'static str, u16, Option<&'static str>, (u16, &'static str));

/// The findings of a trace as it is read.
pub struct Checker<'s> {
    files: Vec<String>,
    responses: u64,
    with_findings: u64,
    /// Rule → (count, reference, level (weightiest first), the first finding).
    rules: HashMap<Rule, (u64, String, Reverse<Level>, CheckFinding)>,
    sink: Option<&'s mut dyn FnMut(&CheckFinding)>,
}

impl<'s> Checker<'s> {
    /// No response yet; `sink` is handed every finding.
    pub fn new(sink: Option<&'s mut dyn FnMut(&CheckFinding)>) -> Checker<'s> {
        Checker { files: Vec::new(), responses: 0, with_findings: 0, rules: HashMap::new(), sink }
    }

    /// Counts one judged message and its findings, in capture order.
    fn count(&mut self, judged: Judged) {
        let Some(response) = judged.response else { return };
        self.responses += 1;
        self.with_findings += u64::from(!response.findings.is_empty());
        for seen in response.findings {
            let record = CheckFinding {
                kind: "finding",
                file: self.files.get(judged.file).cloned().unwrap_or_default(),
                frame: judged.frame,
                call_id: response.call_id.clone(),
                code: response.code,
                finding: seen.rule.0,
                level: seen.rule.1,
                header: seen.rule.3,
                message: seen.message,
            };
            if let Some(sink) = self.sink.as_mut() {
                sink(&record);
            }
            self.rules
                .entry(seen.rule)
                .or_insert_with(|| (0, seen.reference, Reverse(seen.level), record))
                .0 += 1;
        }
    }

    /// The report: rules by weight, then by count.
    pub fn finish(self, capture: CaptureSummary) -> CheckReport {
        let mut rules: Vec<(Reverse<Level>, RuleReport)> = self
            .rules
            .into_iter()
            .map(|((kind, level, code, header, _), (count, reference, weight, example))| {
                (weight, RuleReport { kind, level, code, header, reference, count, example })
            })
            .collect();
        rules.sort_by(|(wa, a), (wb, b)| {
            let key = |weight: &Reverse<Level>, rule: &RuleReport| {
                (*weight, Reverse(rule.count), rule.code, rule.kind, rule.header, rule.reference.clone())
            };
            key(wa, a).cmp(&key(wb, b))
        });
        CheckReport {
            capture,
            responses: self.responses,
            with_findings: self.with_findings,
            rules: rules.into_iter().map(|(_, rule)| rule).collect(),
        }
    }
}

/// What the check reads from one message alone: made on any thread by
/// [`judge`], counted in capture order.
pub struct Judged {
    file: usize,
    frame: u64,
    /// `None` unless a response with a code in 100–699 or a catalogued one.
    response: Option<JudgedResponse>,
}

struct JudgedResponse {
    code: u16,
    /// The first 256 characters.
    call_id: Option<String>,
    findings: Vec<Seen>,
}

/// One finding, as the report keeps it.
struct Seen {
    rule: Rule,
    reference: String,
    level: Level,
    /// Its one line.
    message: String,
}

/// Judges one message, if it is a response with a code in 100–699 or a catalogued one.
fn judge(message: &SipMessage<'_>) -> Judged {
    Judged { file: message.file, frame: message.frame, response: judge_response(message.bytes) }
}

fn judge_response(bytes: &[u8]) -> Option<JudgedResponse> {
    let parsed = Message::parse(bytes).ok()?;
    let StartLine::Response { status: Ok(status), .. } = parsed.start_line() else { return None };
    let code: StatusCode = status.code();
    let owned: Vec<(&str, Cow<'_, str>)> = parsed.headers().collect();
    let headers: Vec<(&str, &str)> = owned.iter().map(|(name, value)| (*name, value.as_ref())).collect();
    let call_id = headers
        .iter()
        .find(|(name, _)| sip_codes::header::same_field(name, "Call-ID"))
        .map(|(_, value)| super::kept_call_id(value));
    let response = Response::new(code, &headers).reason(status.reason());
    let findings = check(&response)
        .map(|finding| {
            let (level, reference) = (finding.level(), finding.reference());
            Seen {
                rule: (
                    finding.kind(),
                    level.keyword(),
                    code.as_u16(),
                    finding.header(),
                    (reference.rfc, reference.section),
                ),
                reference: reference.to_string(),
                level,
                message: finding.to_string(),
            }
        })
        .collect();
    Some(JudgedResponse { code: code.as_u16(), call_id, findings })
}

impl Handler for Checker<'_> {
    fn message(&mut self, message: &SipMessage<'_>) {
        self.count(judge(message));
    }
}

/// The check's [`Observer`]: it needs nothing but the message.
#[derive(Clone, Copy)]
pub struct CheckObserver;

impl Observer for CheckObserver {
    type Observation = Judged;

    fn observe(&self, message: &SipMessage<'_>) -> Judged {
        judge(message)
    }
}

impl Staged for Checker<'_> {
    type Observer = CheckObserver;

    fn observer(&self) -> CheckObserver {
        CheckObserver
    }

    fn apply(&mut self, judged: Judged) {
        self.count(judged);
    }
}

impl Model for Checker<'_> {
    fn file(&mut self, name: String) {
        self.files.push(name);
    }
}

/// What the reader read, for a report that counts no call.
pub fn capture_summary(stats: &Stats, errors: Vec<String>) -> CaptureSummary {
    CaptureSummary {
        files: stats.files,
        frames: stats.frames,
        bytes: stats.bytes,
        sip_messages: stats.sip_udp + stats.sip_tcp,
        skipped_frames: stats.truncated
            + stats.malformed
            + stats.unsupported_link
            + stats.sctp
            + stats.tcp_segments_skipped
            + stats.fragments_dropped,
        first: None,
        last: None,
        errors,
    }
}
