//! A response checked against the rules of its code: what a stack tests its
//! own responses with, and what judges a peer's.
//!
//! [`check`] reads a response as borrowed parts (its code, its reason phrase,
//! its header fields as `(name, value)` pairs) and yields a [`Finding`] for
//! each rule it breaks, without allocating:
//!
//! - a header field that a `MUST` or `SHOULD` rule of the code asks for and
//!   the response lacks, or one that a `MUST NOT` or `SHOULD NOT` rule
//!   forbids and it carries, in the contexts the rules give as data: the
//!   method of the request (read from CSeq), and the facts the caller knows
//!   ([`Facts`]; an early dialog is seen in the response itself);
//! - a Retry-After on a code that RFC 3261 §20.33 and the code's own section
//!   do not give one (a note);
//! - a `Reason` or `Warning` value that breaks its grammar; one that keeps
//!   it but holds what its protocol does not define (a note: a `Reason`
//!   without a cause, a `SIP` cause that is no status code, a warn-code
//!   that is not 3xx; see [`ReasonOddity`] and [`WarningOddity`]); and a
//!   Q.850 cause in `Reason` that no profile relates to the code (a note);
//! - a reason phrase other than the registered one (a note: RFC 3261 §7.2
//!   lets an implementation choose other text).
//!
//! Header field names compare as SIP compares them: without regard to case,
//! a compact form standing for its full name ([`crate::header`]).
//!
//! ```
//! # extern crate sip_codes_core as sip_codes;
//! use sip_codes::StatusCode;
//! use sip_codes::check::{Level, Response, check};
//!
//! let headers = [
//!     ("Via", "SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds"),
//!     ("f", "<sip:alice@example.com>;tag=1928301774"),
//!     ("t", "<sip:bob@example.com>;tag=a6c85cf"),
//!     ("i", "a84b4c76e66710@pc33.example.com"),
//!     ("CSeq", "314159 INVITE"),
//! ];
//! let response = Response::new(StatusCode::METHOD_NOT_ALLOWED, &headers).reason("Not Allowed");
//! let findings: Vec<_> = check(&response).collect();
//! assert_eq!(findings.len(), 2);
//! assert_eq!(findings[0].level(), Level::Note);
//! assert_eq!(findings[1].level(), Level::Must);
//! assert_eq!(
//!     findings[1].to_string(),
//!     "MUST: 405 without Allow (RFC 3261 §21.4.6)"
//! );
//! ```

use core::fmt;

use crate::header::same_field;
use crate::q850::{Cause, Location, Profile};
use crate::reason::{ReasonOddities, ReasonOddity};
use crate::warning::WarningOddity;
use crate::{
    Facts, HeaderRule, HeaderRules, InvalidReason, InvalidWarning, Method, Reason, ReasonCause, Reasons,
    Reference, Requirement, StatusCode, WarnCode, Warning, Warnings,
};

/// A response, as borrowed parts.
///
/// `headers` is any slice of `(name, value)` pairs, in the order of the
/// message: `("Contact", "<sip:…>")`, `("m", "<sip:…>")`. A header field
/// written as a comma-separated list may come as one pair or several.
#[derive(Clone, Copy, Debug)]
pub struct Response<'a> {
    code: StatusCode,
    reason: Option<&'a str>,
    headers: &'a [(&'a str, &'a str)],
    facts: Facts,
}

impl<'a> Response<'a> {
    /// A response with `code` and `headers`; no reason phrase is compared,
    /// and no fact is known beyond what the response shows.
    pub const fn new(code: StatusCode, headers: &'a [(&'a str, &'a str)]) -> Response<'a> {
        Response { code, reason: None, headers, facts: Facts::NONE }
    }

    /// The reason phrase as sent, compared with the registered one.
    pub const fn reason(mut self, reason: &'a str) -> Response<'a> {
        self.reason = Some(reason);
        self
    }

    /// What the caller knows besides the message: that a proxy made it,
    /// that it was sent reliably, that the request had Record-Route. Rules
    /// that depend on a fact are checked only when the fact is given.
    pub const fn facts(mut self, facts: Facts) -> Response<'a> {
        self.facts = facts;
        self
    }

    /// The method of the request, from CSeq (`"1 INVITE"`): `None` when
    /// CSeq is missing, malformed, or names an extension method.
    pub fn method(&self) -> Option<Method> {
        let cseq = self.value("CSeq")?;
        let mut words = cseq.split_ascii_whitespace();
        let number = words.next()?;
        if !number.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        let method = Method::from_name(words.next()?)?;
        words.next().is_none().then_some(method)
    }

    /// The first value of the header field `name`.
    fn value(&self, name: &str) -> Option<&'a str> {
        self.headers.iter().find(|(field, _)| same_field(field, name)).map(|(_, value)| *value)
    }

    /// The facts that hold: the caller's, and an early dialog when the
    /// response shows one (a 101–199 with a To tag in answer to INVITE,
    /// RFC 3261 §12.1).
    fn known_facts(&self, method: Option<Method>) -> Facts {
        let provisional = (101..=199).contains(&self.code.as_u16());
        let tagged = self.value("To").and_then(crate::header::tag).is_some();
        if provisional && tagged && method == Some(Method::Invite) {
            self.facts | Facts::EARLY_DIALOG
        } else {
            self.facts
        }
    }
}

/// How much a finding weighs: the keyword of the rule it breaks, a broken
/// grammar, or a note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Worth knowing, against no rule: a non-registered reason phrase, a
    /// Retry-After where none is given, an unrelated Q.850 cause.
    Note,
    /// A `SHOULD NOT` rule broken.
    ShouldNot,
    /// A `SHOULD` rule broken.
    Should,
    /// A value that its header field's grammar does not allow.
    Grammar,
    /// A `MUST NOT` rule broken.
    MustNot,
    /// A `MUST` rule broken.
    Must,
}

impl Level {
    /// `"MUST"`, `"MUST NOT"`, `"SHOULD"`, `"SHOULD NOT"`, `"grammar"`, `"note"`.
    pub const fn keyword(self) -> &'static str {
        match self {
            Level::Must => "MUST",
            Level::MustNot => "MUST NOT",
            Level::Should => "SHOULD",
            Level::ShouldNot => "SHOULD NOT",
            Level::Grammar => "grammar",
            Level::Note => "note",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.keyword())
    }
}

/// What a response breaks, with the parts of the response involved.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Finding<'a> {
    /// A header field a `MUST` or `SHOULD` rule asks for is missing.
    Missing {
        /// The code.
        code: StatusCode,
        /// The rule.
        rule: &'static HeaderRule,
    },
    /// A header field a `MUST NOT` or `SHOULD NOT` rule forbids is there.
    Forbidden {
        /// The code.
        code: StatusCode,
        /// The rule.
        rule: &'static HeaderRule,
        /// The value it has.
        value: &'a str,
    },
    /// A Retry-After on a code that is given none (RFC 3261 §20.33).
    RetryAfterNotApplied {
        /// The code.
        code: StatusCode,
        /// The value sent.
        value: &'a str,
    },
    /// A `Reason` value its grammar (RFC 3326 §2) does not allow.
    InvalidReason {
        /// The header field value.
        value: &'a str,
        /// Why.
        error: InvalidReason,
    },
    /// A `Warning` value its grammar (RFC 3261 §20.43) does not allow.
    InvalidWarning {
        /// The header field value.
        value: &'a str,
        /// Why.
        error: InvalidWarning,
    },
    /// A `Reason` value that its grammar allows but that holds what its
    /// protocol does not define.
    OddReason {
        /// The header field value.
        value: &'a str,
        /// What is odd.
        oddity: ReasonOddity,
    },
    /// A `Warning` value that its grammar allows but whose warn-code SIP
    /// does not define.
    OddWarning {
        /// The header field value.
        value: &'a str,
        /// What is odd.
        oddity: WarningOddity,
    },
    /// A Q.850 cause in `Reason` that no profile maps the code to, nor maps
    /// to the code.
    UnrelatedCause {
        /// The code.
        code: StatusCode,
        /// The cause.
        cause: Cause,
    },
    /// A reason phrase other than the registered one.
    OtherPhrase {
        /// The code.
        code: StatusCode,
        /// The phrase sent.
        sent: &'a str,
        /// The registered phrase.
        registered: &'static str,
    },
}

impl Finding<'_> {
    /// How much the finding weighs. A rule whose condition no message shows
    /// ([`Context::judged`](crate::Context::judged): "if the condition is
    /// temporary", "every current binding") gives a note: the response may
    /// keep it for a reason only its sender knows.
    pub const fn level(&self) -> Level {
        match self {
            Finding::Missing { rule, .. } | Finding::Forbidden { rule, .. } if rule.context.judged => {
                Level::Note
            }
            Finding::Missing { rule, .. } | Finding::Forbidden { rule, .. } => match rule.requirement {
                Requirement::Must => Level::Must,
                Requirement::Should => Level::Should,
                Requirement::MustNot => Level::MustNot,
                Requirement::ShouldNot => Level::ShouldNot,
                Requirement::May => Level::Note,
            },
            Finding::InvalidReason { .. } | Finding::InvalidWarning { .. } => Level::Grammar,
            Finding::RetryAfterNotApplied { .. }
            | Finding::OddReason { .. }
            | Finding::OddWarning { .. }
            | Finding::UnrelatedCause { .. }
            | Finding::OtherPhrase { .. } => Level::Note,
        }
    }

    /// The header field involved, if one is.
    pub const fn header(&self) -> Option<&'static str> {
        match self {
            Finding::Missing { rule, .. } | Finding::Forbidden { rule, .. } => Some(rule.header),
            Finding::RetryAfterNotApplied { .. } => Some("Retry-After"),
            Finding::InvalidReason { .. } | Finding::OddReason { .. } | Finding::UnrelatedCause { .. } => {
                Some("Reason")
            }
            Finding::InvalidWarning { .. } | Finding::OddWarning { .. } => Some("Warning"),
            Finding::OtherPhrase { .. } => None,
        }
    }

    /// The section whose rule the finding rests on.
    pub const fn reference(&self) -> Reference {
        match self {
            Finding::Missing { rule, .. } | Finding::Forbidden { rule, .. } => rule.reference,
            Finding::RetryAfterNotApplied { .. } => Reference { rfc: 3261, section: "20.33" },
            Finding::InvalidReason { .. } => Reference { rfc: 3326, section: "2" },
            Finding::InvalidWarning { .. } => Reference { rfc: 3261, section: "20.43" },
            Finding::OddReason { oddity, .. } => oddity.reference(),
            Finding::OddWarning { oddity, .. } => oddity.reference(),
            Finding::UnrelatedCause { .. } => Reference { rfc: 3398, section: "8.2.6.1" },
            Finding::OtherPhrase { .. } => Reference { rfc: 3261, section: "7.2" },
        }
    }

    /// A stable token naming the kind of finding: `"missing"`,
    /// `"forbidden"`, `"retry_after_not_applied"`, `"invalid_reason"`,
    /// `"invalid_warning"`, `"odd_reason"`, `"odd_warning"`,
    /// `"unrelated_cause"`, `"other_phrase"`.
    pub const fn kind(&self) -> &'static str {
        match self {
            Finding::Missing { .. } => "missing",
            Finding::Forbidden { .. } => "forbidden",
            Finding::RetryAfterNotApplied { .. } => "retry_after_not_applied",
            Finding::InvalidReason { .. } => "invalid_reason",
            Finding::InvalidWarning { .. } => "invalid_warning",
            Finding::OddReason { .. } => "odd_reason",
            Finding::OddWarning { .. } => "odd_warning",
            Finding::UnrelatedCause { .. } => "unrelated_cause",
            Finding::OtherPhrase { .. } => "other_phrase",
        }
    }
}

/// One line an operator reads: `MUST: 405 without Allow (RFC 3261
/// §21.4.6)`. Text taken from the response is quoted with its control
/// characters escaped, so that a hostile value cannot drive a terminal.
impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.level())?;
        if let Finding::Missing { rule, .. } | Finding::Forbidden { rule, .. } = self
            && rule.context.judged
        {
            write!(f, " ({} if its condition holds)", rule.requirement)?;
        }
        f.write_str(": ")?;
        match self {
            Finding::Missing { code, rule } => {
                write!(f, "{} without {}", code.as_u16(), rule.header)?;
                if let Some(condition) = rule.condition {
                    write!(f, " ({condition})")?;
                }
            }
            Finding::Forbidden { code, rule, value } => {
                write!(f, "{} with {} {}", code.as_u16(), rule.header, Quoted(value))?;
                if let Some(condition) = rule.condition {
                    write!(f, " ({condition})")?;
                }
            }
            Finding::RetryAfterNotApplied { code, value } => write!(
                f,
                "{} with Retry-After {}, which neither RFC 3261 §20.33 nor the code's section gives it",
                code.as_u16(),
                Quoted(value)
            )?,
            Finding::InvalidReason { value, error } => write!(f, "Reason {}: {error}", Quoted(value))?,
            Finding::InvalidWarning { value, error } => write!(f, "Warning {}: {error}", Quoted(value))?,
            Finding::OddReason { value, oddity } => write!(f, "Reason {}: {oddity}", Quoted(value))?,
            Finding::OddWarning { value, oddity } => write!(f, "Warning {}: {oddity}", Quoted(value))?,
            Finding::UnrelatedCause { code, cause } => write!(
                f,
                "{} with Q.850 cause {}: no profile (RFC 3398, FreeSWITCH, Asterisk) relates the two",
                code.as_u16(),
                cause.as_u8()
            )?,
            Finding::OtherPhrase { code, sent, registered } => write!(
                f,
                "{} sent as {}, registered as \"{registered}\"; any phrase may stand",
                code.as_u16(),
                Quoted(sent)
            )?,
        }
        write!(f, " ({})", self.reference())
    }
}

/// Text from the wire, in double quotes, with control characters, quotes
/// and backslashes escaped.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            if c.is_control() || c == '"' || c == '\\' {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        f.write_str("\"")
    }
}

/// The findings of a response, in order: the reason phrase, the header
/// rules, Retry-After, then each `Reason` and `Warning` value. See the
/// [module](self).
pub fn check<'a>(response: &Response<'a>) -> Findings<'a> {
    let method = response.method();
    let facts = response.known_facts(method);
    Findings {
        response: *response,
        stage: Stage::Phrase,
        rules: response.code.all_header_rules(),
        method,
        facts,
        next_header: 0,
        values: Values::None,
        odd: None,
        unrelated: None,
    }
}

/// The iterator [`check`] returns.
#[derive(Clone, Debug)]
pub struct Findings<'a> {
    response: Response<'a>,
    stage: Stage,
    rules: HeaderRules,
    method: Option<Method>,
    facts: Facts,
    /// The index of the next header field whose values are read.
    next_header: usize,
    /// The values of the header field being read.
    values: Values<'a>,
    /// The oddities of the `Reason` value just read, not yet yielded, with
    /// its header field value.
    odd: Option<(&'a str, ReasonOddities)>,
    /// Its unrelated Q.850 cause, yielded after its oddities.
    unrelated: Option<Finding<'a>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Phrase,
    Rules,
    RetryAfter,
    Values,
    Done,
}

#[derive(Clone, Debug)]
enum Values<'a> {
    None,
    Reasons(&'a str, Reasons<'a>),
    Warnings(&'a str, Warnings<'a>),
}

impl<'a> Findings<'a> {
    /// The next broken header rule, if any.
    fn next_rule(&mut self) -> Option<Finding<'a>> {
        let code = self.response.code;
        for rule in self.rules.by_ref() {
            // With the method unknown, only the rules of every method apply.
            let applies = match self.method {
                Some(method) => rule.applies(method, self.facts),
                None => rule.context.methods.is_any() && self.facts.contains(rule.context.facts),
            };
            if !applies || rule.requirement == Requirement::May {
                continue;
            }
            let present = self.response.value(rule.header);
            match (rule.requirement.forbids(), present) {
                (false, None) => return Some(Finding::Missing { code, rule }),
                (true, Some(value)) => return Some(Finding::Forbidden { code, rule, value }),
                _ => {}
            }
        }
        None
    }

    /// The next finding among the `Reason` and `Warning` values.
    fn next_value(&mut self) -> Option<Finding<'a>> {
        loop {
            if let Some((value, oddities)) = &mut self.odd {
                match oddities.next() {
                    Some(oddity) => return Some(Finding::OddReason { value, oddity }),
                    None => self.odd = None,
                }
            }
            if let Some(finding) = self.unrelated.take() {
                return Some(finding);
            }
            match &mut self.values {
                Values::Reasons(value, reasons) => match reasons.next() {
                    Some(Ok(reason)) => {
                        self.odd = Some((value, reason.oddities()));
                        self.unrelated = unrelated(self.response.code, &reason);
                        continue;
                    }
                    Some(Err(error)) => return Some(Finding::InvalidReason { value, error }),
                    None => self.values = Values::None,
                },
                Values::Warnings(value, warnings) => match warnings.next() {
                    Some(Ok(warning)) => match warning.oddity() {
                        Some(oddity) => return Some(Finding::OddWarning { value, oddity }),
                        None => continue,
                    },
                    Some(Err(error)) => return Some(Finding::InvalidWarning { value, error }),
                    None => self.values = Values::None,
                },
                Values::None => {
                    let (name, value) = *self.response.headers.get(self.next_header)?;
                    self.next_header += 1;
                    if same_field(name, "Reason") {
                        self.values = Values::Reasons(value, Reason::parse_all(value));
                    } else if same_field(name, "Warning") {
                        self.values = Values::Warnings(value, Warning::parse_all(value));
                    }
                }
            }
        }
    }
}

/// A Q.850 cause that no profile relates to a failure code (RFC 6432 lets
/// any response but 100 carry one; the mappings of RFC 3398 and the stacks
/// cover 3xx to 6xx, so only those are compared).
fn unrelated(code: StatusCode, reason: &Reason<'_>) -> Option<Finding<'static>> {
    let ReasonCause::Q850(cause) = reason.cause() else { return None };
    if code.as_u16() < 300 || code.as_u16() > 699 {
        return None;
    }
    let related = Profile::ALL.iter().any(|&profile| {
        code.to_cause(profile) == Some(cause)
            || cause.to_status(profile, None) == Some(code)
            || cause.to_status(profile, Some(Location::USER)) == Some(code)
            // RFC 3398's footnote: 488 and 606 give 65 when the Warning is 304 or 305.
            || code.to_cause_with_warning(profile, WarnCode::MEDIA_TYPE_NOT_AVAILABLE) == Some(cause)
    });
    (!related).then_some(Finding::UnrelatedCause { code, cause })
}

impl<'a> Iterator for Findings<'a> {
    type Item = Finding<'a>;

    fn next(&mut self) -> Option<Finding<'a>> {
        loop {
            match self.stage {
                Stage::Phrase => {
                    self.stage = Stage::Rules;
                    let code = self.response.code;
                    if let (Some(sent), Some(registered)) = (self.response.reason, code.canonical_reason())
                        && sent != registered
                    {
                        return Some(Finding::OtherPhrase { code, sent, registered });
                    }
                }
                Stage::Rules => match self.next_rule() {
                    Some(finding) => return Some(finding),
                    None => self.stage = Stage::RetryAfter,
                },
                Stage::RetryAfter => {
                    self.stage = Stage::Values;
                    let code = self.response.code;
                    if let Some(value) = self.response.value("Retry-After")
                        && !code.allows_retry_after()
                    {
                        return Some(Finding::RetryAfterNotApplied { code, value });
                    }
                }
                Stage::Values => match self.next_value() {
                    Some(finding) => return Some(finding),
                    None => self.stage = Stage::Done,
                },
                Stage::Done => return None,
            }
        }
    }
}
