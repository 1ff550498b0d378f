//! What a SIP element does with each response code: its [`Disposition`], the
//! header fields the next step reads, and the header fields a response with
//! the code carries. One row per catalogued code, checked at compile time to
//! line up with the catalogue.
//!
//! The rows are a table of their own rather than more fields in the catalogue
//! rows: the catalogue says what a code *is* (the registry and its defining
//! section), this table says what a stack *does* with it, with citations of
//! other sections (RFC 3261 §8.1.3.5, §20.33, RFC 3263 §4.3). Kept apart, each
//! table reads at a glance, and the catalogue rows that `sip_status!` and the
//! macros crate expand stay as they were.
//!
//! A header rule's context (in answer to which methods, under which facts) is
//! data, [`Context`], beside the words for people; rules that several codes
//! share ("every 2xx to SUBSCRIBE", "any response but 422") are in
//! [`SHARED_RULES`], keyed by [`Codes`]. [`StatusCode::header_rules_for`]
//! answers which rules bind a response, given the method of its request.
//! The rows are in `rows.rs`.

use core::fmt;

use crate::{Class, Entry, Reference, StatusCode};

mod context;
mod rows;

pub use context::{Codes, Context, Facts, Method, Methods};
pub use rows::{HANDLING, SHARED_RULES};

/// What a client does next with a response: the decision a UAC or a proxy's
/// router makes, in a few variants to `match` on.
///
/// Each catalogued code has one, in its [`Handling`]; a code that is not
/// catalogued has the disposition of the code it is
/// [understood as](StatusCode::as_understood).
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Disposition, StatusCode};
///
/// let next = |code: u16| StatusCode::from_u16(code).unwrap().disposition();
/// assert_eq!(next(180), Disposition::Wait);
/// assert_eq!(next(302), Disposition::Recurse);
/// assert_eq!(next(407), Disposition::RetryWithChanges);
/// assert_eq!(next(491), Disposition::RetryLater);
/// assert_eq!(next(503), Disposition::TryAnotherServer);
/// assert_eq!(next(486), Disposition::FailHere);
/// assert_eq!(next(603), Disposition::FailEverywhere);
/// assert_eq!(next(499), Disposition::FailHere); // understood as 400
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Disposition {
    /// 1xx: the request is in progress; wait for a final response
    /// (RFC 3261 §21.1).
    Wait,
    /// 2xx: the request succeeded (RFC 3261 §21.2).
    Success,
    /// Send the request again to the addresses in Contact (RFC 3261 §8.1.3.4).
    Recurse,
    /// Send the request again, changed as the response asks (credentials, a
    /// smaller body, another option tag…): RFC 3261 §8.1.3.5 and the code's
    /// own section. [`Handling::reads`] names the header fields to read.
    RetryWithChanges,
    /// Send the same request again after a delay (RFC 3261 §14.1 for 491;
    /// §21.5.1 for 500; §21.4.9 for a received 408, which may be repeated
    /// unchanged later, and which ends the dialog if it answered a request
    /// inside one, §12.2.1.2).
    RetryLater,
    /// Send the same request to another target for the same destination:
    /// after a 503, the next server of RFC 3263 §4.3 (RFC 3261 §21.5.4);
    /// after a 430, for a proxy, another flow to the same user agent
    /// instance (RFC 5626 §7).
    ///
    /// RFC 3263 §4.3 also fails over when the transaction ends with no
    /// response at all (timer B or F) or on a transport error. A stack
    /// reports those as 408 and 503 (RFC 3261 §8.1.3.1), but a *received*
    /// 408 is not one of them: its disposition is [`RetryLater`], so a stack
    /// that made the 408 itself from a timeout fails over on its own
    /// knowledge, not on this table.
    ///
    /// [`RetryLater`]: Disposition::RetryLater
    TryAnotherServer,
    /// The request failed at this destination. Do not repeat it here
    /// unchanged (RFC 3261 §21.4), but another destination may still succeed:
    /// the other branches of a fork, voicemail, a later call (Retry-After).
    /// 480 and 486 are here: the user "could also be available elsewhere"
    /// (§21.4.18, §21.4.24).
    FailHere,
    /// 6xx: the request fails at every destination: stop, and a proxy cancels
    /// its other branches (RFC 3261 §21.6, §16.7 step 5).
    FailEverywhere,
    /// 7xx: a stack-local code, never a response on the wire; nothing in SIP
    /// says what to do with it.
    StackLocal,
}

impl Disposition {
    /// A short name for displays: `"retry with changes"`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Disposition;
    /// assert_eq!(Disposition::TryAnotherServer.name(), "try another server");
    /// assert_eq!(Disposition::FailEverywhere.to_string(), "fail everywhere");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Disposition::Wait => "wait",
            Disposition::Success => "success",
            Disposition::Recurse => "recurse",
            Disposition::RetryWithChanges => "retry with changes",
            Disposition::RetryLater => "retry later",
            Disposition::TryAnotherServer => "try another server",
            Disposition::FailHere => "fail here",
            Disposition::FailEverywhere => "fail everywhere",
            Disposition::StackLocal => "stack-local",
        }
    }
}

impl fmt::Display for Disposition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// How strongly an RFC asks for a header field, or against it: its RFC 2119
/// keyword.
///
/// The variants are ordered from "must be absent" to "must be present".
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Requirement;
/// assert!(Requirement::Must > Requirement::Should);
/// assert!(Requirement::MustNot < Requirement::May);
/// assert_eq!(Requirement::May.to_string(), "MAY");
/// assert_eq!(Requirement::MustNot.to_string(), "MUST NOT");
/// assert!(Requirement::ShouldNot.forbids() && !Requirement::May.forbids());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Requirement {
    /// The response must not carry it.
    MustNot,
    /// The response should not carry it.
    ShouldNot,
    /// The response may carry it.
    May,
    /// The response should carry it.
    Should,
    /// The response must carry it.
    Must,
}

impl Requirement {
    /// The keyword as the RFCs write it: `"MUST"`, `"MUST NOT"`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::Requirement::Should.keyword(), "SHOULD");
    /// ```
    pub const fn keyword(self) -> &'static str {
        match self {
            Requirement::MustNot => "MUST NOT",
            Requirement::ShouldNot => "SHOULD NOT",
            Requirement::May => "MAY",
            Requirement::Should => "SHOULD",
            Requirement::Must => "MUST",
        }
    }

    /// Whether the rule is against the header field (`MUST NOT`, `SHOULD NOT`).
    pub const fn forbids(self) -> bool {
        matches!(self, Requirement::MustNot | Requirement::ShouldNot)
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.keyword())
    }
}

/// A header field that a response with a given code must, should or may
/// carry, or must not carry, with the section that says so.
///
/// [`condition`](HeaderRule::condition) says when, in words;
/// [`context`](HeaderRule::context) says the same as data a program can test.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Context, Requirement, StatusCode};
///
/// let rule = &StatusCode::METHOD_NOT_ALLOWED.header_rules()[0];
/// assert_eq!((rule.header, rule.requirement), ("Allow", Requirement::Must));
/// assert_eq!(rule.context, Context::ALWAYS);
/// assert_eq!(rule.reference.to_string(), "RFC 3261 §21.4.6");
/// assert_eq!(rule.to_string(), "MUST carry Allow (RFC 3261 §21.4.6)");
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct HeaderRule {
    /// The header field's name, as the RFC spells it.
    pub header: &'static str,
    /// MUST, SHOULD, MAY, SHOULD NOT or MUST NOT.
    pub requirement: Requirement,
    /// When the rule applies, if not always, in words: "in answer to INVITE".
    pub condition: Option<&'static str>,
    /// When the rule applies, as data: the methods and the facts.
    pub context: Context,
    /// The section that states the rule.
    pub reference: Reference,
}

impl HeaderRule {
    /// Whether the rule binds a response to a request with `method`, when
    /// `facts` are known to hold (see [`Context::holds`]).
    pub const fn applies(&self, method: Method, facts: Facts) -> bool {
        self.context.holds(method, facts)
    }
}

/// `MUST carry Allow (RFC 3261 §21.4.6)`, with `, when …` for a conditional rule.
impl fmt::Display for HeaderRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} carry {}", self.requirement, self.header)?;
        if let Some(condition) = self.condition {
            write!(f, ", {condition}")?;
        }
        write!(f, " ({})", self.reference)
    }
}

/// A header rule that binds every code of a set: "every 2xx in answer to
/// SUBSCRIBE", "every response but 422". A row of [`SHARED_RULES`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Codes, Requirement, SHARED_RULES};
///
/// let min_se = SHARED_RULES.iter().find(|shared| shared.rule.header == "Min-SE").unwrap();
/// assert_eq!(min_se.codes, Codes::AllBut(422));
/// assert_eq!(min_se.rule.requirement, Requirement::MustNot);
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct SharedRule {
    /// The codes it binds.
    pub codes: Codes,
    /// The rule.
    pub rule: HeaderRule,
}

/// What a stack does with one catalogued code: a row of [`HANDLING`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Disposition, StatusCode};
///
/// let handling = StatusCode::UNAUTHORIZED.handling();
/// assert_eq!(handling.disposition, Disposition::RetryWithChanges);
/// assert_eq!(handling.reads, ["WWW-Authenticate"]);
/// assert_eq!(handling.reference.to_string(), "RFC 3261 §8.1.3.5");
/// assert!(handling.action.contains("credentials"));
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Handling {
    /// The code.
    pub code: u16,
    /// What a client does next.
    pub disposition: Disposition,
    /// The next step in one line of our own.
    pub action: &'static str,
    /// The response's header fields that the next step reads: the challenge
    /// of a 401, the Contact of a 3xx, the Min-SE of a 422.
    pub reads: &'static [&'static str],
    /// The section that says what to do.
    pub reference: Reference,
    /// The header fields a response with this code must, should or may
    /// carry, or must not carry, in each context. Retry-After is among them
    /// where the RFCs allow it. Rules shared with other codes are in
    /// [`SHARED_RULES`]; [`StatusCode::all_header_rules`] gives both. Only
    /// rules whose RFC text was read are here.
    pub headers: &'static [HeaderRule],
}

impl Handling {
    /// The rule for Retry-After, if the code's RFC text allows one
    /// (RFC 3261 §20.33 and the codes' own sections).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Requirement, StatusCode};
    ///
    /// let busy = StatusCode::BUSY_HERE.handling().retry_after().unwrap();
    /// assert_eq!(busy.requirement, Requirement::May);
    /// assert!(StatusCode::NOT_FOUND.handling().retry_after().is_some());
    /// assert!(StatusCode::FORBIDDEN.handling().retry_after().is_none());
    /// ```
    pub const fn retry_after(&self) -> Option<&'static HeaderRule> {
        let headers: &'static [HeaderRule] = self.headers;
        let mut i = 0;
        while i < headers.len() {
            if same_bytes(headers[i].header.as_bytes(), b"Retry-After") {
                return Some(&headers[i]);
            }
            i += 1;
        }
        None
    }

    /// The row of `code`, if it is catalogued, in constant time.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Disposition, Handling};
    /// assert_eq!(Handling::by_code(305).unwrap().reads, ["Contact"]);
    /// assert!(Handling::by_code(499).is_none());
    /// ```
    pub const fn by_code(code: u16) -> Option<&'static Handling> {
        // `rows.rs` proves at compile time that HANDLING[i] is CATALOGUE[i].
        match Entry::position(code) {
            Some(position) => Some(&HANDLING[position]),
            None => None,
        }
    }
}

impl Entry {
    /// What a stack does with this code: its [`Handling`].
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Disposition, Entry};
    /// let entry = Entry::by_code(423).unwrap();
    /// assert_eq!(entry.handling().disposition, Disposition::RetryWithChanges);
    /// assert_eq!(entry.handling().reads, ["Min-Expires"]);
    /// ```
    pub const fn handling(&self) -> &'static Handling {
        match Handling::by_code(self.code) {
            Some(handling) => handling,
            // The compile-time check in rows.rs gives every catalogued code a row.
            None => panic!("every catalogued code has a handling row"),
        }
    }
}

impl StatusCode {
    /// The code a UAC acts on when it receives this one (RFC 3261 §8.1.3.2).
    ///
    /// "Recognised" means catalogued here: a code this crate knows is
    /// understood as itself, and any other is understood by its class, a final
    /// code as the x00 code of its class (431 → 400, 699 → 600) and a
    /// provisional one as 183 Session Progress. The one exception is 202:
    /// RFC 6665 §8.3.1 has a received 202 handled exactly as a 200 (for
    /// SUBSCRIBE and NOTIFY; RFC 7647 §5 says the same for REFER), and no
    /// other RFC gives a receiver anything different to do, so a received
    /// 202 is understood as 200. Its [`handling`](StatusCode::handling) stays
    /// 202's own row all the same, whose action says where a 202 is still
    /// sent (a MESSAGE relay, RFC 3428 §7; a pending third-party REGISTER,
    /// RFC 5360 §5.10). Stack-local 7xx codes are catalogued, so they stay
    /// themselves.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    ///
    /// let understood = |code: u16| StatusCode::from_u16(code).unwrap().as_understood().as_u16();
    /// assert_eq!(understood(431), 400);
    /// assert_eq!(understood(699), 600);
    /// assert_eq!(understood(199), 199); // catalogued: itself
    /// assert_eq!(understood(150), 183);
    /// assert_eq!(understood(299), 200);
    /// assert_eq!(understood(202), 200);
    /// assert_eq!(understood(486), 486);
    /// ```
    pub const fn as_understood(self) -> StatusCode {
        let code = self.as_u16();
        if code == 202 {
            return StatusCode::catalogued(200);
        }
        if Entry::by_code(code).is_some() {
            return self;
        }
        match self.class() {
            Class::Provisional => StatusCode::catalogued(183),
            // Every x00 code of the wire classes is catalogued.
            class => StatusCode::catalogued(class.first_digit() as u16 * 100),
        }
    }

    /// Whether a UAC recognises this code, that is whether it is catalogued
    /// (see [`StatusCode::as_understood`]).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// assert!(StatusCode::BUSY_HERE.is_recognised());
    /// assert!(!StatusCode::from_u16(431).unwrap().is_recognised());
    /// ```
    pub const fn is_recognised(self) -> bool {
        Entry::by_code(self.as_u16()).is_some()
    }

    /// What a stack does with this code: its own [`Handling`] if it is
    /// catalogued, otherwise that of the code it is
    /// [understood as](StatusCode::as_understood), so every code has one.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    ///
    /// assert_eq!(StatusCode::DECLINE.handling().code, 603);
    /// assert_eq!(StatusCode::from_u16(599).unwrap().handling().code, 500);
    /// ```
    pub const fn handling(self) -> &'static Handling {
        match Handling::by_code(self.as_u16()) {
            Some(handling) => handling,
            None => match self.as_understood().entry() {
                Some(entry) => entry.handling(),
                None => panic!("a code is always understood as a catalogued one"),
            },
        }
    }

    /// What a client does next with this code (see [`Disposition`]).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Disposition, StatusCode};
    /// assert_eq!(StatusCode::REQUEST_PENDING.disposition(), Disposition::RetryLater);
    /// ```
    pub const fn disposition(self) -> Disposition {
        self.handling().disposition
    }

    /// Whether a response with this code may carry Retry-After
    /// (RFC 3261 §20.33 and the codes' own sections).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// assert!(StatusCode::SERVICE_UNAVAILABLE.allows_retry_after());
    /// assert!(!StatusCode::NOT_IMPLEMENTED.allows_retry_after());
    /// ```
    pub const fn allows_retry_after(self) -> bool {
        self.handling().retry_after().is_some()
    }

    /// The header fields a response with this code must, should or may carry,
    /// or must not carry: the rules of its own row (or of the code it is
    /// [understood as](StatusCode::as_understood)), in every context. Rules
    /// shared with other codes are not here: see
    /// [`all_header_rules`](StatusCode::all_header_rules).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// let headers: Vec<_> = StatusCode::UNSUPPORTED_MEDIA_TYPE.header_rules().iter().map(|rule| rule.header).collect();
    /// assert_eq!(headers, ["Accept", "Accept-Encoding", "Accept-Language"]);
    /// ```
    pub const fn header_rules(self) -> &'static [HeaderRule] {
        self.handling().headers
    }

    /// Every header rule of this code in any context: those of its row
    /// ([`header_rules`](StatusCode::header_rules)), then the
    /// [`SHARED_RULES`] whose codes include it.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// let headers: Vec<_> = StatusCode::OK.all_header_rules().map(|rule| rule.header).collect();
    /// assert!(headers.contains(&"SIP-ETag")); // its row: in answer to PUBLISH
    /// assert!(headers.contains(&"Min-SE")); // shared: MUST NOT but in 422
    /// ```
    pub const fn all_header_rules(self) -> HeaderRules {
        HeaderRules { code: self, filter: None, row: self.header_rules(), next: 0 }
    }

    /// The header rules that bind a response with this code to a request
    /// with `method`, when `facts` are known to hold: the rules of
    /// [`all_header_rules`](StatusCode::all_header_rules) whose
    /// [`Context`] holds. A rule that needs a fact not in `facts` is left
    /// out; a rule with [`Context::judged`] also depends on something no
    /// message shows, which its words say.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Facts, Method, Requirement, StatusCode};
    ///
    /// let rules = |code: StatusCode, method, facts| -> Vec<String> {
    ///     code.header_rules_for(method, facts).map(|rule| format!("{} {}", rule.requirement, rule.header)).collect()
    /// };
    /// let ok_publish = rules(StatusCode::OK, Method::Publish, Facts::NONE);
    /// assert!(ok_publish.contains(&"MUST SIP-ETag".into()));
    /// assert!(ok_publish.contains(&"MUST NOT Record-Route".into()));
    /// assert!(!rules(StatusCode::OK, Method::Invite, Facts::NONE).contains(&"MUST SIP-ETag".into()));
    /// // A 180 opening an early dialog, sent reliably.
    /// let ringing = rules(StatusCode::RINGING, Method::Invite, Facts::EARLY_DIALOG.with(Facts::RELIABLE));
    /// for rule in ["MUST Contact", "MUST RSeq", "MUST Require"] {
    ///     assert!(ringing.contains(&rule.into()), "{rule}");
    /// }
    /// ```
    pub const fn header_rules_for(self, method: Method, facts: Facts) -> HeaderRules {
        HeaderRules { code: self, filter: Some((method, facts)), row: self.header_rules(), next: 0 }
    }
}

/// The header rules of one code, its row's then the shared ones: the
/// iterator of [`StatusCode::all_header_rules`] and
/// [`StatusCode::header_rules_for`]. No allocation.
#[derive(Clone, Debug)]
pub struct HeaderRules {
    code: StatusCode,
    filter: Option<(Method, Facts)>,
    row: &'static [HeaderRule],
    /// The position in the row, then past it in [`SHARED_RULES`].
    next: usize,
}

impl Iterator for HeaderRules {
    type Item = &'static HeaderRule;

    fn next(&mut self) -> Option<&'static HeaderRule> {
        loop {
            let at = self.next;
            let rule = if at < self.row.len() {
                &self.row[at]
            } else {
                let shared = SHARED_RULES.get(at - self.row.len())?;
                if !shared.codes.contains(self.code) {
                    self.next += 1;
                    continue;
                }
                &shared.rule
            };
            self.next += 1;
            match self.filter {
                Some((method, facts)) if !rule.applies(method, facts) => continue,
                _ => return Some(rule),
            }
        }
    }
}

impl core::iter::FusedIterator for HeaderRules {}

/// `a == b`, in `const`: the rows spell header names exactly as the RFCs do.
const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
