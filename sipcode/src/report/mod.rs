//! The data model: what a command found, as plain values. No I/O, no colour,
//! no format: the renderers turn one [`Report`] into text,
//! JSON or HTML, so the three cannot say different things.
//!
//! JSON conventions, which `#[derive(Serialize)]` keeps: fields in the order
//! declared here, enum values as stable snake_case tokens ([`Named`]), a
//! `type` tag on every document and on every `explain` finding.

mod best;
mod code;
mod finding;
mod q850;
mod stats;
mod warning;

use serde::{Serialize, Serializer};

pub use best::BestReport;
pub use code::{ClassReport, CodeReport, HandlingReport, HeaderRuleReport, ReferenceReport, UnknownCode};
#[cfg(test)]
pub use finding::base64;
pub use finding::{Data, Finding, Flag, LocationReport, ReasonCauseReport};
pub use q850::{Answer, Answers, CauseRef, CauseReport, Note, ProfileAnswer, StatusRef, cause_class};
pub use stats::{
    CallReport, CallSummary, CaptureSummary, CauseCount, CheckFinding, CheckReport, Count, DelayReport,
    FailureExample, FailureReport, MAX_METHODS, MAX_PHRASES, MessageCounts, MethodReport, MetricsReport,
    PhraseCount, RatioReport, ResponseCount, RuleReport, StatsReport, UnknownCodeCount, Unusual,
};
pub use warning::WarnCodeReport;

/// What one invocation answers: one JSON document, one text block, one page.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Report {
    /// `sipcode 486`, a name or a phrase: every row that answers, in full.
    Lookup {
        /// The rows, in catalogue order.
        codes: Vec<CodeReport>,
    },
    /// `sipcode 4xx`, `--class`, `--all`, `search`: rows shown as a table.
    List {
        /// The rows, in catalogue order.
        codes: Vec<CodeReport>,
    },
    /// `sipcode 431`: a well-formed code the catalogue does not have (exit 1).
    UnknownCode(UnknownCode),
    /// `sipcode q850 17`.
    Cause(CauseReport),
    /// `sipcode warning 307`.
    WarnCode(WarnCodeReport),
    /// `sipcode best 486 603`.
    Best(BestReport),
    /// `sipcode stats FILE…`: what a capture holds.
    Stats(Box<StatsReport>),
    /// `sipcode check FILE…`: the findings of its responses, by rule.
    Check(CheckReport),
    /// `sipcode html`: every table.
    Tables(TablesReport),
    /// A failure: usage, nothing matched, or the input or output failed.
    Error(ErrorReport),
}

/// One line of `explain`'s input, as read, and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    /// The line's bytes, with its line ending.
    pub bytes: Vec<u8>,
    /// What it holds, in the order written.
    pub findings: Vec<Finding>,
}

/// The whole reference of `sipcode html`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct TablesReport {
    /// Every catalogued response code.
    pub codes: Vec<CodeReport>,
    /// Every registered warn-code.
    pub warn_codes: Vec<WarnCodeReport>,
    /// Every cause Q.850 defines.
    pub causes: Vec<CauseReport>,
}

/// Why a command failed: `{"type":"error","exit":1,"message":…,"suggestion":…}`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ErrorReport {
    /// The exit code: 1 when nothing matched, 2 for bad usage or failed I/O.
    pub exit: u8,
    /// The sentence that stderr shows.
    pub message: String,
    /// The nearest spelling, for a near miss.
    pub suggestion: Option<Suggestion>,
}

/// A spelling that exists, near the one typed: `{"spelling":"BusyHere","code":486}`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// As the operator would type it (a phrase in double quotes).
    pub spelling: String,
    /// The code, cause value or word it stands for (`None` for a word).
    pub code: Option<u16>,
}

/// An enum value: a stable snake_case `token` for JSON (`"retry_with_changes"`)
/// and the library's `label` for people (`"retry with changes"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    /// Serialised; never changes once published.
    pub token: &'static str,
    /// Shown in text and HTML.
    pub label: &'static str,
}

impl Serialize for Named {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.token)
    }
}
