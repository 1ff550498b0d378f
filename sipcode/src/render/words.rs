//! The sentences that text and HTML both show, written once.

use std::fmt::{self, Display};

use super::text::Visible;

use crate::report::{
    Answer, CallSummary, CauseCount, CauseRef, DelayReport, FailureReport, MetricsReport, Note,
    ProfileAnswer, RatioReport, ReferenceReport, StatusRef,
};

/// `RFC 3261 §21.4.24`.
pub struct Rfc<'a>(pub &'a ReferenceReport);

impl Display for Rfc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RFC {} §{}", self.0.rfc, self.0.section)
    }
}

/// The RFC section that defines a code, or "no RFC" for a code none defines (701).
pub fn defined_in(reference: Option<&ReferenceReport>) -> String {
    reference.map_or_else(|| "no RFC".to_owned(), |reference| Rfc(reference).to_string())
}

impl Display for CauseRef {
    /// `17 User busy`, or `52` for a value Q.850 does not define.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text {
            Some(text) => write!(f, "{} {text}", self.value),
            None => write!(f, "{}", self.value),
        }
    }
}

impl Display for StatusRef {
    /// `486 Busy Here`, or `431` for an uncatalogued code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.phrase {
            Some(phrase) => write!(f, "{} {phrase}", self.code),
            None => write!(f, "{}", self.code),
        }
    }
}

impl Display for Note {
    /// One of RFC 3398's notes, as a sentence without its "RFC 3398: ".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::ByWarning { cause, warn_codes: [a, b] } => {
                write!(f, "{cause} when the Warning is {a} or {b} (an unavailable bearer capability)")
            }
            Note::RetryFirst => f.write_str("remedy the request and re-originate before releasing the call"),
            Note::UnlessAuthenticated => f.write_str("only when the gateway cannot authenticate itself"),
            Note::AtUser { status } => write!(f, "{status} when the cause location is the user"),
            Note::WithNewNumber { status } => {
                write!(f, "{status} when the diagnostic carries the new number")
            }
            Note::ClearedByByeOrCancel => f.write_str("no response; the call is cleared by BYE or CANCEL"),
        }
    }
}

/// A profile as the list of who answers shows it: `FreeSWITCH by default`
/// when its table does not list the value.
fn describe<T>(profile: &ProfileAnswer<T>) -> String {
    if profile.listed {
        profile.profile.label.to_owned()
    } else {
        format!("{} by default", profile.profile.label)
    }
}

/// Who gives `group`'s answer, among `all`: "all profiles" (with those that
/// answer by default) when they agree, otherwise the profiles that give it.
pub fn who<T>(group: &Answer<'_, T>, all: &[ProfileAnswer<T>]) -> String {
    if group.profiles.len() < all.len() {
        return group.profiles.iter().map(|profile| describe(profile)).collect::<Vec<_>>().join(", ");
    }
    let unlisted: Vec<String> = all.iter().filter(|profile| !profile.listed).map(describe).collect();
    match unlisted.as_slice() {
        [] => "all profiles".to_owned(),
        _ => format!("all profiles; {}", unlisted.join(", ")),
    }
}

/// The five ratios of RFC 6076: (short name, what it is, the ratio).
pub fn ratios(metrics: &MetricsReport) -> [(&'static str, &'static str, Option<RatioReport>); 5] {
    [
        ("SER", "session establishment ratio (§4.6)", metrics.ser),
        ("SEER", "session establishment effectiveness ratio (§4.7)", metrics.seer),
        ("ISA", "ineffective session attempts (§4.8)", metrics.isa),
        ("SCR", "session completion ratio (§4.9)", metrics.scr),
        ("IRA", "ineffective registration attempts (§4.2)", metrics.ira),
    ]
}

/// The delays of RFC 6076: (short name, what it is, the delays).
pub fn delays(metrics: &MetricsReport) -> [(&'static str, &'static str, DelayReport); 6] {
    [
        ("RRD", "registration request delay (§4.1)", metrics.rrd),
        ("SRD", "session request delay, answered (§4.3.1)", metrics.srd_answered),
        ("SRD", "session request delay, failed (§4.3.2)", metrics.srd_failed),
        ("SDD", "session disconnect delay, BYE answered (§4.4)", metrics.sdd_answered),
        ("SDD", "session disconnect delay, BYE failed (§4.4)", metrics.sdd_failed),
        ("SDT", "session duration, completed sessions (§4.5.1)", metrics.sdt_completed),
    ]
}

/// How the calls ended: (token, label, count), in the order shown.
pub fn outcomes(calls: &CallSummary) -> [(&'static str, &'static str, u64); 7] {
    [
        ("answered", "answered", calls.answered),
        ("failed", "failed", calls.failed),
        ("cancelled", "cancelled (487 after CANCEL)", calls.cancelled),
        ("challenged", "challenged, never retried", calls.challenged),
        ("redirected", "redirected (3xx)", calls.redirected),
        ("timed_out", "no final response, timed out", calls.timed_out),
        ("unobserved", "no final response before the capture ended", calls.unobserved),
    ]
}

impl Display for RatioReport {
    /// `303/500 (60.6%)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} ({:.1}%)", self.numerator, self.denominator, self.percent)
    }
}

impl Display for DelayReport {
    /// `mean 120.0 ms, min 80.0, max 300.0 (12 measured)`, or `none measured`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.mean_ms, self.min_ms, self.max_ms) {
            (Some(mean), Some(min), Some(max)) => {
                write!(f, "mean {mean:.1} ms, min {min:.1}, max {max:.1} ({} measured)", self.count)
            }
            _ => f.write_str("none measured"),
        }
    }
}

/// `17 User busy ×79, 34 ×2`: the Q.850 causes a failure carried.
pub fn causes(causes: &[CauseCount]) -> String {
    let causes: Vec<String> = causes
        .iter()
        .map(|cause| match cause.text {
            Some(text) => format!("{} {text} ×{}", cause.cause, cause.count),
            None => format!("{} ×{}", cause.cause, cause.count),
        })
        .collect();
    causes.join(", ")
}

/// Where a message of the capture is: `trace.pcap frame 10, Call-ID abc`,
/// the file name and Call-ID with control characters made visible.
pub fn whereabouts(file: &str, frame: u64, call_id: Option<&str>) -> String {
    let call_id = call_id.map(|id| format!(", Call-ID {}", Visible(id))).unwrap_or_default();
    format!("{} frame {frame}{call_id}", Visible(file))
}

/// `486 Busy Here`, or `499 (unknown: a UAC treats it as 400)`.
pub fn failure_code(failure: &FailureReport) -> String {
    match (failure.phrase, failure.understood_as) {
        (Some(phrase), _) => format!("{} {phrase}", failure.code),
        (None, Some(understood)) => format!("{} (unknown: a UAC treats it as {understood})", failure.code),
        (None, None) => format!("{} (outside 100–699)", failure.code),
    }
}

/// What a percentage of a whole is, to one decimal: `60.6%`.
pub fn share(part: u64, whole: u64) -> String {
    if whole == 0 { "-".to_owned() } else { format!("{:.1}%", part as f64 * 100.0 / whole as f64) }
}
