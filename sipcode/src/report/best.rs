//! What a forking proxy sends upstream (RFC 3261 §16.7).

use serde::Serialize;
use sip_codes::{BestResponse, Selection, StatusCode};

use super::Named;
use super::code::CodeReport;
use super::q850::StatusRef;

/// `sipcode best 486 603 404`: the response to send, where it came from, and why.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct BestReport {
    /// The code to send upstream.
    pub send: u16,
    /// The branch whose response is forwarded, counted from 1 as the text
    /// says ("from branch 2 of 3"); `None` when the proxy generates it.
    pub branch: Option<usize>,
    /// That branch's code, when the proxy sends another in its place (503 → 500).
    pub received: Option<StatusRef>,
    /// The rule of §16.7 that chose it.
    pub selection: SelectionReport,
    /// Whether to add every other 401 and 407 branch's challenges (§16.7 step 7).
    pub aggregate_challenges: bool,
    /// The branches' codes, in the order received.
    pub branches: Vec<u16>,
    /// The branches' codes that are not final, so not an answer.
    pub skipped: Vec<u16>,
    /// The row of the code to send, if catalogued.
    pub entry: Option<CodeReport>,
}

/// A rule of RFC 3261 §16.7.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct SelectionReport {
    /// `"global_failure"`.
    pub kind: Named,
    /// The rule, as a sentence.
    pub rule: &'static str,
    /// Always 3261.
    pub rfc: u16,
    /// "16.7 step 6".
    pub section: &'static str,
}

impl BestReport {
    /// The report of `best_response` over `branches`.
    pub fn of(best: &BestResponse, branches: &[StatusCode]) -> BestReport {
        let token = match best.selection {
            Selection::Success => "success",
            Selection::GlobalFailure => "global_failure",
            Selection::Resubmission => "resubmission",
            Selection::LowestClass => "lowest_class",
            Selection::ServiceUnavailable => "service_unavailable",
            Selection::NoFinalResponse => "no_final_response",
        };
        BestReport {
            send: best.send.as_u16(),
            branch: best.branch.map(|branch| branch + 1),
            received: best.received.filter(|received| *received != best.send).map(StatusRef::of),
            selection: SelectionReport {
                kind: Named { token, label: token },
                rule: best.selection.rule(),
                rfc: 3261,
                section: best.selection.section(),
            },
            aggregate_challenges: best.aggregate_challenges,
            branches: branches.iter().map(|code| code.as_u16()).collect(),
            skipped: branches.iter().filter(|code| !code.is_final()).map(|code| code.as_u16()).collect(),
            entry: best.send.entry().map(CodeReport::of),
        }
    }
}
