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

use core::fmt;

use crate::{CATALOGUE, Class, Entry, Reference, StatusCode};

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
    /// §21.5.1 for 500).
    RetryLater,
    /// Send the same request to the next server for the same destination
    /// (RFC 3263 §4.3): 503, and 408, which is also what a timeout becomes
    /// (RFC 3261 §8.1.3.1).
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

/// How strongly an RFC asks for a header field: its RFC 2119 keyword.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Requirement;
/// assert!(Requirement::Must > Requirement::Should);
/// assert_eq!(Requirement::May.to_string(), "MAY");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Requirement {
    /// The response may carry it.
    May,
    /// The response should carry it.
    Should,
    /// The response must carry it.
    Must,
}

impl Requirement {
    /// The keyword as the RFCs write it: `"MUST"`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::Requirement::Should.keyword(), "SHOULD");
    /// ```
    pub const fn keyword(self) -> &'static str {
        match self {
            Requirement::May => "MAY",
            Requirement::Should => "SHOULD",
            Requirement::Must => "MUST",
        }
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.keyword())
    }
}

/// A header field that a response with a given code must, should or may
/// carry, with the section that says so.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Requirement, StatusCode};
///
/// let rule = &StatusCode::METHOD_NOT_ALLOWED.header_rules()[0];
/// assert_eq!((rule.header, rule.requirement), ("Allow", Requirement::Must));
/// assert_eq!(rule.reference.to_string(), "RFC 3261 §21.4.6");
/// assert_eq!(rule.to_string(), "MUST carry Allow (RFC 3261 §21.4.6)");
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct HeaderRule {
    /// The header field's name, as the RFC spells it.
    pub header: &'static str,
    /// MUST, SHOULD or MAY.
    pub requirement: Requirement,
    /// When the rule applies, if not always: "in answer to INVITE".
    pub condition: Option<&'static str>,
    /// The section that states the rule.
    pub reference: Reference,
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
    /// The header fields a response with this code must, should or may carry.
    /// Retry-After is among them where the RFCs allow it. Only rules whose
    /// RFC text was read are here; a code with none may still have some.
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
        let index = code as usize;
        if index >= SLOTS.len() {
            return None;
        }
        match SLOTS[index] {
            0 => None,
            slot => Some(&HANDLING[slot as usize - 1]),
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
            // The compile-time check below gives every catalogued code a row.
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
    /// provisional one as 183 Session Progress. The one exception is 202: RFC
    /// 6665 §8.3.1 no longer gives it a meaning of its own and has a
    /// subscriber treat it as 200 (§4.1.2.1), so a received 202 is understood
    /// as 200. Stack-local 7xx codes are catalogued, so they stay themselves.
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

    /// The header fields a response with this code must, should or may carry.
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
}

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

// Expands the rows into `HANDLING`. A row reads:
//
//     code Disposition (rfc "section") "what to do, in our words"
//         reads ["Header", …]
//         headers [Requirement "Header" (when "condition")? (rfc "section"), …]
macro_rules! handling_table {
    ($(
        $code:literal $disposition:ident ($rfc:literal $section:literal) $action:literal
            reads [$($read:literal),* $(,)?]
            headers [$(
                $requirement:ident $header:literal $(when $condition:literal)? ($hrfc:literal $hsection:literal)
            ),* $(,)?]
    )*) => {
        /// What a stack does with each catalogued code, in the order of
        /// [`CATALOGUE`]: one [`Handling`] per row.
        ///
        /// ```
        /// # extern crate sip_codes_core as sip_codes;
        /// use sip_codes::{CATALOGUE, HANDLING};
        /// assert!(HANDLING.iter().zip(CATALOGUE).all(|(handling, entry)| handling.code == entry.code));
        /// ```
        pub const HANDLING: &[Handling] = &[$(
            Handling {
                code: $code,
                disposition: Disposition::$disposition,
                action: $action,
                reads: &[$($read),*],
                reference: Reference { rfc: $rfc, section: $section },
                headers: &[$(
                    HeaderRule {
                        header: $header,
                        requirement: Requirement::$requirement,
                        condition: optional_condition!($($condition)?),
                        reference: Reference { rfc: $hrfc, section: $hsection },
                    }
                ),*],
            },
        )*];
    };
}

macro_rules! optional_condition {
    () => {
        None
    };
    ($condition:literal) => {
        Some($condition)
    };
}

handling_table! {
    // 1xx (RFC 3261 §21.1): not final; a UAC waits.
    100 Wait (3261 "21.1.1") "Wait for the final response; the next hop has the request, and an INVITE is no longer retransmitted."
        reads []
        headers [Must "Timestamp" when "if the request carried one: copied, with any delay added" (3261 "8.2.6.1")]
    180 Wait (3261 "21.1.2") "Wait for the final response; the UAC may play ringback."
        reads [] headers []
    181 Wait (3261 "21.1.3") "Wait for the final response from the new destinations."
        reads [] headers []
    182 Wait (3261 "21.1.4") "Wait: the call is queued, and further 182s may report its progress."
        reads [] headers []
    183 Wait (3261 "21.1.5") "Wait for the final response; a session description in it may start early media."
        reads [] headers []
    199 Wait (6228 "11.1") "Wait: one early dialog has ended, and others may still lead to a final response."
        reads [] headers []
    // 2xx (RFC 3261 §21.2).
    200 Success (3261 "21.2.1") "Done: the request succeeded."
        reads []
        headers [
            Must "Contact" when "in answer to INVITE, which creates a dialog" (3261 "12.1.1"),
            Must "Record-Route" when "in answer to INVITE, copied from the request if it had any" (3261 "12.1.1"),
            Must "Contact" when "in answer to REGISTER, one per current binding, each with expires" (3261 "10.3"),
            Should "Allow" when "in answer to OPTIONS, from a UAS" (3261 "11.2"),
            Should "Accept" when "in answer to OPTIONS" (3261 "11.2"),
            Should "Accept-Encoding" when "in answer to OPTIONS" (3261 "11.2"),
            Should "Accept-Language" when "in answer to OPTIONS" (3261 "11.2"),
            Should "Supported" when "in answer to OPTIONS" (3261 "11.2"),
        ]
    202 Success (6665 "8.3.1") "Done: handle it exactly as a 200."
        reads [] headers []
    204 Success (5839 "7.1") "Done: the subscription is in place, and no NOTIFY follows because the state is unchanged."
        reads [] headers []
    // 3xx (RFC 3261 §8.1.3.4): recurse on Contact.
    300 Recurse (3261 "8.1.3.4") "Send the request to the Contact addresses, or let the user choose one."
        reads ["Contact"]
        headers [Should "Contact" when "listing the choices" (3261 "21.3.1")]
    301 Recurse (3261 "21.3.2") "Send the request to the Contact address, and replace the stored address with it."
        reads ["Contact"]
        headers [Should "Contact" when "the new address, which the client should retry at" (3261 "21.3.2")]
    302 Recurse (3261 "21.3.3") "Send the request to the Contact address; without an expiry, use it for this request only and do not cache it."
        reads ["Contact", "Expires"]
        headers [
            Should "Contact" when "the temporary address, which the client should retry at" (3261 "21.3.3"),
            May "Expires" when "bounding how long the Contact may be cached, unless its expires parameter does" (3261 "21.3.3"),
        ]
    305 Recurse (3261 "21.3.4") "Send this one request again through the proxy named in Contact."
        reads ["Contact"]
        headers [Must "Contact" when "the URI of the proxy, through which the request must go" (3261 "21.3.4")]
    380 FailHere (3261 "21.3.5") "No automatic retry: the body describes alternative services."
        reads [] headers []
    // 4xx (RFC 3261 §21.4): not to be repeated here unchanged.
    400 FailHere (3261 "21.4.1") "Fix the syntax the reason phrase names; do not resend the request unchanged."
        reads [] headers []
    401 RetryWithChanges (3261 "8.1.3.5") "Retry with credentials that answer the challenge (RFC 3261 §22.2)."
        reads ["WWW-Authenticate"]
        headers [Must "WWW-Authenticate" (3261 "22.2")]
    402 FailHere (3261 "21.4.3") "Reserved: treat as another 4xx failure."
        reads [] headers []
    403 FailHere (3261 "21.4.4") "Do not repeat the request: authorisation will not help."
        reads [] headers []
    404 FailHere (3261 "21.4.5") "The user does not exist here; try other destinations only."
        reads []
        headers [May "Retry-After" when "saying when the called party expects to be available" (3261 "20.33")]
    405 FailHere (3261 "21.4.6") "The method is not allowed for this address; Allow lists those that are."
        reads ["Allow"]
        headers [Must "Allow" (3261 "21.4.6")]
    406 FailHere (3261 "21.4.7") "The resource cannot produce anything the request's Accept header fields allow."
        reads [] headers []
    407 RetryWithChanges (3261 "8.1.3.5") "Retry with credentials for the proxy that answer its challenge (RFC 3261 §22.3)."
        reads ["Proxy-Authenticate"]
        headers [Must "Proxy-Authenticate" (3261 "22.3")]
    408 TryAnotherServer (3263 "4.3") "Try the next server; a timeout counts as 408, and the same request may also be repeated unchanged later."
        reads [] headers []
    410 FailHere (3261 "21.4.10") "The resource is gone for good; do not retry here."
        reads [] headers []
    412 RetryWithChanges (3903 "11.2.1") "The event state to refresh or modify is gone: publish it afresh, without SIP-If-Match."
        reads [] headers []
    413 RetryWithChanges (3261 "8.1.3.5") "Retry with a smaller body, or none; if the condition is temporary, after Retry-After."
        reads ["Retry-After"]
        headers [Should "Retry-After" when "if the condition is temporary" (3261 "21.4.11")]
    414 FailHere (3261 "21.4.12") "The Request-URI is too long for this server."
        reads [] headers []
    415 RetryWithChanges (3261 "8.1.3.5") "Retry with only the body types, encodings and languages the response lists."
        reads ["Accept", "Accept-Encoding", "Accept-Language"]
        headers [
            Must "Accept" when "if a body's type was not understood" (3261 "8.2.3"),
            Must "Accept-Encoding" when "if a content encoding was not understood" (3261 "8.2.3"),
            Must "Accept-Language" when "if a body's language was not understood" (3261 "8.2.3"),
        ]
    416 RetryWithChanges (3261 "8.1.3.5") "Retry with a SIP URI as the Request-URI."
        reads [] headers []
    417 RetryWithChanges (4412 "4.6.2") "Retry with Resource-Priority values the server understands, or without requiring them."
        reads [] headers []
    420 RetryWithChanges (3261 "8.1.3.5") "Retry without the option tags listed in Unsupported."
        reads ["Unsupported"]
        headers [Must "Unsupported" (3261 "21.4.15")]
    421 RetryWithChanges (3261 "21.4.16") "Retry with the extensions listed in Require, if the client supports them."
        reads ["Require"]
        headers [Must "Require" (3261 "21.4.16")]
    422 RetryWithChanges (4028 "6") "Retry with a Session-Expires at least the response's Min-SE."
        reads ["Min-SE"]
        headers [Must "Min-SE" (4028 "6")]
    423 RetryWithChanges (3261 "10.2.8") "Retry with an expiry at least the response's Min-Expires."
        reads ["Min-Expires"]
        headers [Must "Min-Expires" when "in answer to REGISTER; extensions that refresh other state say their own" (3261 "10.3")]
    424 FailHere (6442 "4.3") "The location information is unusable; the request fails as sent."
        reads [] headers []
    425 FailHere (8876 "5.1") "The alert message is unusable; the request fails as sent."
        reads [] headers []
    428 RetryWithChanges (8224 "6.2.2") "Retry with an Identity header field, added by an authentication service."
        reads [] headers []
    429 RetryWithChanges (3892 "5") "Retry with a valid Referred-By token obtained from the referrer."
        reads [] headers []
    430 TryAnotherServer (5626 "11.5") "A proxy tries another flow to the same instance; a user agent treats it as 400."
        reads [] headers []
    433 FailHere (5079 "5") "Anonymous requests are refused here."
        reads [] headers []
    436 FailHere (8224 "6.2.2") "The verifier could not get the credentials of any Identity header field."
        reads [] headers []
    437 FailHere (8224 "6.2.2") "The verifier does not accept the credential that signed the Identity header field."
        reads [] headers []
    438 FailHere (8224 "6.2.2") "The Identity header field's signature does not verify."
        reads [] headers []
    439 FailHere (5626 "11.6") "The first hop cannot support outbound for this registration."
        reads [] headers []
    440 FailHere (5393 "5.3.3") "The request could not be forked further; some destinations were not tried."
        reads [] headers []
    469 RetryWithChanges (6086 "4.2.2") "Send INFO only for the Info Packages listed in Recv-Info."
        reads ["Recv-Info"]
        headers [Must "Recv-Info" when "listing the packages the UA will receive, possibly none" (6086 "4.2.2")]
    470 RetryWithChanges (5360 "5.9.2") "Get the consent of the recipients in Permission-Missing, then retry."
        reads ["Permission-Missing"]
        headers [Should "Permission-Missing" when "naming the URIs without consent" (5360 "5.9.2")]
    480 FailHere (3261 "21.4.18") "The callee is unavailable here now; try other destinations, or again after Retry-After."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when the callee expects to be available" (3261 "21.4.18")]
    481 FailHere (3261 "21.4.19") "The dialog or transaction is gone; a UAC ends the dialog (RFC 3261 §12.2.1.2)."
        reads [] headers []
    482 FailHere (3261 "21.4.20") "The request looped or arrived twice; the other copy is being handled."
        reads [] headers []
    483 FailHere (3261 "21.4.21") "Max-Forwards ran out before the request arrived."
        reads [] headers []
    484 RetryWithChanges (3261 "21.4.22") "Retry with more digits: overlap dialling."
        reads [] headers []
    485 FailHere (3261 "21.4.23") "Ask the user to choose among the Contact addresses, if the response lists any."
        reads ["Contact"]
        headers [May "Contact" when "listing unambiguous addresses" (3261 "21.4.23")]
    486 FailHere (3261 "21.4.24") "The callee is busy at this end system; try other destinations such as voicemail, or again after Retry-After."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when the callee may be free" (3261 "21.4.24")]
    487 FailHere (3261 "21.4.25") "The request was cancelled or ended, as asked; nothing more to do."
        reads [] headers []
    488 FailHere (3261 "21.4.26") "The session description is not acceptable here; another destination, or another offer, may work."
        reads [] headers []
    489 FailHere (6665 "8.3.2") "The event package is not supported here."
        reads [] headers []
    491 RetryLater (3261 "14.1") "Retry after a random delay: 2.1 to 4 s if this side chose the Call-ID, otherwise up to 2 s."
        reads [] headers []
    493 FailHere (3261 "21.4.28") "The encrypted body cannot be read here; a body in the response may carry the key to use."
        reads [] headers []
    // Security-Server is not encoded as a header rule: RFC 3329's text was not
    // at hand to verify its MUST (see tests/handling.rs, NOT_ENCODED).
    494 RetryWithChanges (3329 "2.3.1") "Agree on a security mechanism with the server, then retry over it."
        reads [] headers []
    // 5xx (RFC 3261 §21.5).
    500 RetryLater (3261 "21.5.1") "The client may retry after some seconds, or after Retry-After."
        reads ["Retry-After"]
        headers [
            May "Retry-After" when "if the condition is temporary" (3261 "21.5.1"),
            Must "Retry-After" when "answering an INVITE that arrived while an earlier one on the dialog was pending, 0 to 10 s" (3261 "14.2"),
        ]
    501 FailHere (3261 "21.5.2") "The server does not support what the request needs, such as its method."
        reads [] headers []
    502 FailHere (3261 "21.5.3") "A downstream server answered the gateway or proxy with an invalid response."
        reads [] headers []
    503 TryAnotherServer (3261 "21.5.4") "Try an alternate server, and send this one nothing until Retry-After ends; without Retry-After, act as on 500."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when to try this server again" (3261 "21.5.4")]
    504 FailHere (3261 "21.5.5") "An external server did not answer this server in time."
        reads [] headers []
    505 FailHere (3261 "21.5.6") "The server does not support the request's SIP version."
        reads [] headers []
    513 FailHere (3261 "21.5.7") "The message is too long for the server."
        reads [] headers []
    555 FailHere (8599 "8.1") "The proxy does not offer the push notification service the REGISTER asked for."
        reads [] headers []
    580 FailHere (3312 "8") "The session's preconditions cannot be met."
        reads [] headers []
    // 6xx (RFC 3261 §21.6): no other destination will do.
    600 FailEverywhere (3261 "21.6.1") "Stop: the callee is busy everywhere; call again after Retry-After, if given."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when the callee may be free" (3261 "21.6.1")]
    603 FailEverywhere (3261 "21.6.2") "Stop: the callee declined; call again after Retry-After, if given."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when the callee may be reachable" (3261 "21.6.2")]
    604 FailEverywhere (3261 "21.6.3") "Stop: the user exists nowhere."
        reads [] headers []
    606 FailEverywhere (3261 "21.6.4") "Stop, or offer another session description: the callee cannot support this one anywhere."
        reads []
        headers [May "Warning" when "giving the reasons the session cannot be supported" (3261 "21.6.4")]
    607 FailEverywhere (8197 "4") "Stop: the called party marked the call as unwanted."
        reads [] headers []
    608 FailEverywhere (8688 "3") "Stop: an intermediary rejected the call; Call-Info may say how to contest it."
        reads [] headers []
    // 7xx: stack-local, never on the wire.
    701 StackLocal (3261 "7.2") "Nothing in SIP: a stack's own report, outside the six response classes."
        reads [] headers []
}

/// The index from code to row, built at compile time and checked against the
/// catalogue: the same codes, in the same order. A catalogue row without a
/// handling row, or a handling row for a code not catalogued, fails the build.
const SLOTS: &[u8; 1000] = &{
    assert!(HANDLING.len() == CATALOGUE.len(), "every catalogued code has exactly one handling row");
    let mut slots = [0; 1000];
    let mut i = 0;
    while i < HANDLING.len() {
        let code = HANDLING[i].code;
        assert!(code == CATALOGUE[i].code, "handling rows follow the catalogue, code for code");
        slots[code as usize] = i as u8 + 1;
        i += 1;
    }
    slots
};
