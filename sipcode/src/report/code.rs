//! A catalogue row as every format shows it: what the code is, what a stack
//! does with it, and the Q.850 cause each profile releases a call with.

use serde::Serialize;
use sip_codes::q850::Profile;
use sip_codes::{
    Class, Codes, Disposition, Entry, Handling, HeaderRule, Reference, Requirement, SHARED_RULES, StatusCode,
};

use super::Named;
use super::q850::{Answers, CauseRef, Note};

/// One catalogued response code.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct CodeReport {
    /// 486.
    pub code: u16,
    /// "Busy Here".
    pub phrase: &'static str,
    /// "BusyHere".
    pub name: &'static str,
    /// "BUSY_HERE".
    pub constant: &'static str,
    /// Its class.
    pub class: ClassReport,
    /// What it means, in the crate's words.
    pub meaning: &'static str,
    /// The RFC section that defines it; `None` for a code none defines (701).
    pub reference: Option<ReferenceReport>,
    /// Why it is deprecated, if it is.
    pub deprecated: Option<&'static str>,
    /// Where a non-standard code comes from, if it is one.
    pub non_standard: Option<&'static str>,
    /// Other phrases stacks send for it.
    pub aliases: &'static [&'static str],
    /// What a stack does when it receives it.
    pub handling: HandlingReport,
    /// The cause each profile releases an ISUP call with; `None` for a code
    /// that releases none (provisional and successful responses).
    pub q850: Option<Answers<CauseRef>>,
}

impl CodeReport {
    /// The report of a catalogue row.
    pub fn of(entry: &'static Entry) -> CodeReport {
        CodeReport {
            code: entry.code,
            phrase: entry.phrase,
            name: entry.name,
            constant: entry.constant,
            class: ClassReport::of(entry.class()),
            meaning: entry.meaning,
            reference: entry.reference.map(ReferenceReport::of),
            deprecated: entry.deprecated,
            non_standard: entry.non_standard,
            aliases: entry.aliases,
            handling: HandlingReport::of(entry.handling()),
            q850: causes_of(entry.status()),
        }
    }
}

/// The cause each profile gives `status`, with RFC 3398's notes (§8.2.6.1).
fn causes_of(status: StatusCode) -> Option<Answers<CauseRef>> {
    // RFC 3398 §8.2.6.1: only a final response that is not a success releases the call.
    if !status.is_final() || status.is_success() {
        return None;
    }
    let answers = Profile::ALL.map(|profile| {
        let mapping = status.cause_mapping(profile);
        (profile, mapping.cause.map(CauseRef::of), mapping.listed)
    });
    let rfc = status.cause_mapping(Profile::Rfc3398);
    let mut notes = Vec::new();
    if rfc.by_warning {
        notes.push(Note::ByWarning {
            cause: CauseRef::of(sip_codes::q850::Cause::BEARER_CAPABILITY_NOT_IMPLEMENTED),
            warn_codes: [304, 305],
        });
    }
    if rfc.retry_first {
        notes.push(Note::RetryFirst);
    }
    if rfc.unless_authenticated {
        notes.push(Note::UnlessAuthenticated);
    }
    Some(Answers::new(answers, notes))
}

/// A class of response codes: `{"digit":4,"name":"request_failure"}`.
#[derive(Serialize, Debug, Clone, Copy, PartialEq)]
pub struct ClassReport {
    /// The first digit.
    pub digit: u8,
    /// The class.
    pub name: Named,
}

impl ClassReport {
    /// The report of a class.
    pub fn of(class: Class) -> ClassReport {
        let token = match class {
            Class::Provisional => "provisional",
            Class::Success => "success",
            Class::Redirection => "redirection",
            Class::RequestFailure => "request_failure",
            Class::ServerFailure => "server_failure",
            Class::GlobalFailure => "global_failure",
            Class::StackLocal => "stack_local",
        };
        ClassReport { digit: class.first_digit(), name: Named { token, label: class.name() } }
    }
}

/// A section of an RFC, with its address.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ReferenceReport {
    /// 3261.
    pub rfc: u16,
    /// "21.4.24".
    pub section: &'static str,
    /// The section on rfc-editor.org.
    pub url: String,
}

impl ReferenceReport {
    /// The report of a reference.
    pub fn of(reference: Reference) -> ReferenceReport {
        ReferenceReport { rfc: reference.rfc, section: reference.section, url: reference.url().to_string() }
    }
}

/// What a stack does with a code: disposition, Retry-After and header rules.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct HandlingReport {
    /// What comes next: `"retry_with_changes"`.
    pub disposition: Named,
    /// The action, as a sentence.
    pub action: &'static str,
    /// The header fields the client reads to act.
    pub reads: &'static [&'static str],
    /// Where the rule is written.
    pub reference: ReferenceReport,
    /// The Retry-After rule, if the code has one.
    pub retry_after: Option<HeaderRuleReport>,
    /// Every header field rule of the code's own, Retry-After included.
    pub headers: Vec<HeaderRuleReport>,
    /// The rules it shares with a set of codes ("every 2xx", "every response
    /// but 422"), each with the set.
    pub shared: Vec<SharedRuleReport>,
}

/// A rule that binds a set of codes, this one among them.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct SharedRuleReport {
    /// The set, in words: "every 2xx", "101 to 198", "every response".
    pub codes: String,
    /// Whether the set is every response, or every response but one: such a
    /// rule is listed once rather than under every code.
    pub listed_once: bool,
    /// The rule.
    pub rule: HeaderRuleReport,
}

impl HandlingReport {
    /// The report of a code's handling.
    pub fn of(handling: &Handling) -> HandlingReport {
        let token = match handling.disposition {
            Disposition::Wait => "wait",
            Disposition::Success => "success",
            Disposition::Recurse => "recurse",
            Disposition::RetryWithChanges => "retry_with_changes",
            Disposition::RetryLater => "retry_later",
            Disposition::TryAnotherServer => "try_another_server",
            Disposition::FailHere => "fail_here",
            Disposition::FailEverywhere => "fail_everywhere",
            Disposition::StackLocal => "stack_local",
        };
        HandlingReport {
            disposition: Named { token, label: handling.disposition.name() },
            action: handling.action,
            reads: handling.reads,
            reference: ReferenceReport::of(handling.reference),
            retry_after: handling.retry_after().map(HeaderRuleReport::of),
            headers: handling.headers.iter().map(HeaderRuleReport::of).collect(),
            shared: SHARED_RULES
                .iter()
                .filter(|shared| {
                    StatusCode::from_u16(handling.code).is_ok_and(|code| shared.codes.contains(code))
                })
                .map(|shared| SharedRuleReport {
                    codes: shared.codes.to_string(),
                    listed_once: matches!(shared.codes, Codes::All | Codes::AllBut(_)),
                    rule: HeaderRuleReport::of(&shared.rule),
                })
                .collect(),
        }
    }
}

/// A header field a response must, should or may carry.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct HeaderRuleReport {
    /// "Retry-After".
    pub header: &'static str,
    /// `"must"`, `"should"`, `"may"`, `"should_not"` or `"must_not"`.
    pub requirement: Named,
    /// When the rule applies, if not always, in words.
    pub condition: Option<&'static str>,
    /// The methods whose responses it binds (`["INVITE"]`); empty for any.
    pub methods: Vec<&'static str>,
    /// What must hold besides: `"early_dialog"`, `"reliable"`, `"from_proxy"`…
    pub facts: Vec<&'static str>,
    /// Whether its condition needs judgement no message shows ("if the
    /// condition is temporary"): advice to a checker, not a fault.
    pub judged: bool,
    /// Where the rule is written.
    pub reference: ReferenceReport,
}

impl HeaderRuleReport {
    /// The report of a header rule.
    pub fn of(rule: &HeaderRule) -> HeaderRuleReport {
        let token = match rule.requirement {
            Requirement::Must => "must",
            Requirement::Should => "should",
            Requirement::May => "may",
            Requirement::ShouldNot => "should_not",
            Requirement::MustNot => "must_not",
        };
        let methods = rule.context.methods;
        HeaderRuleReport {
            header: rule.header,
            requirement: Named { token, label: rule.requirement.keyword() },
            condition: rule.condition,
            methods: if methods.is_any() {
                Vec::new()
            } else {
                methods.iter().map(|method| method.name()).collect()
            },
            facts: rule.context.facts.tokens().collect(),
            judged: rule.context.judged,
            reference: ReferenceReport::of(rule.reference),
        }
    }
}

/// A well-formed code the catalogue does not have (`sipcode 431`): its class,
/// its registered neighbours, and the code a UAC treats it as (RFC 3261 §8.1.3.2).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct UnknownCode {
    /// 431.
    pub code: u16,
    /// Its class, from its first digit.
    pub class: ClassReport,
    /// The registered codes just below and above it.
    pub nearest: Vec<StatusRefOf>,
    /// The x00 code of its class, which a UAC acts on instead, in full.
    pub understood_as: CodeReport,
}

/// A registered code named by its neighbour: `{"code":430,"phrase":"Flow Failed"}`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct StatusRefOf {
    /// 430.
    pub code: u16,
    /// "Flow Failed".
    pub phrase: &'static str,
}

impl UnknownCode {
    /// The report of an uncatalogued code; `None` for a catalogued one.
    pub fn of(code: StatusCode) -> Option<UnknownCode> {
        if code.entry().is_some() {
            return None;
        }
        let (below, above) = Entry::neighbours(code.as_u16());
        let understood = code.as_understood().entry()?;
        Some(UnknownCode {
            code: code.as_u16(),
            class: ClassReport::of(code.class()),
            nearest: below
                .into_iter()
                .chain(above)
                .map(|entry| StatusRefOf { code: entry.code, phrase: entry.phrase })
                .collect(),
            understood_as: CodeReport::of(understood),
        })
    }
}
