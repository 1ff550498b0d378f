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

use super::Model;
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

    /// Judges one message, if it is a response with a code in 100–699 or a catalogued one.
    fn judge(&mut self, message: &SipMessage<'_>) {
        let Ok(parsed) = Message::parse(message.bytes) else { return };
        let StartLine::Response { status: Ok(status), .. } = parsed.start_line() else { return };
        let code: StatusCode = status.code();
        self.responses += 1;
        let owned: Vec<(&str, Cow<'_, str>)> = parsed.headers().collect();
        let headers: Vec<(&str, &str)> = owned.iter().map(|(name, value)| (*name, value.as_ref())).collect();
        let call_id = headers
            .iter()
            .find(|(name, _)| sip_codes::header::same_field(name, "Call-ID"))
            .map(|(_, value)| value.chars().take(256).collect::<String>());
        let response = Response::new(code, &headers).reason(status.reason());
        let mut any = false;
        for finding in check(&response) {
            any = true;
            let level = finding.level();
            let record = CheckFinding {
                kind: "finding",
                file: self.files.get(message.file).cloned().unwrap_or_default(),
                frame: message.frame,
                call_id: call_id.clone(),
                code: code.as_u16(),
                finding: finding.kind(),
                level: level.keyword(),
                header: finding.header(),
                message: finding.to_string(),
            };
            if let Some(sink) = self.sink.as_mut() {
                sink(&record);
            }
            let reference = finding.reference();
            let rule = (
                finding.kind(),
                level.keyword(),
                code.as_u16(),
                finding.header(),
                (reference.rfc, reference.section),
            );
            self.rules
                .entry(rule)
                .or_insert_with(|| (0, finding.reference().to_string(), Reverse(level), record))
                .0 += 1;
        }
        self.with_findings += u64::from(any);
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

impl Handler for Checker<'_> {
    fn message(&mut self, message: &SipMessage<'_>) {
        self.judge(message);
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
