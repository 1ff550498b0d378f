//! The response a forking proxy sends upstream: RFC 3261 §16.7 steps 5 to 7.

use core::fmt;

use crate::{Class, Disposition, StatusCode};

/// Why [`best_response`] chose what it chose: the rule of RFC 3261 §16.7
/// that decided.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Selection, best_response};
/// let best = best_response([486, 603, 404].map(|code| sip_codes::StatusCode::from_u16(code).unwrap()));
/// assert_eq!(best.selection, Selection::GlobalFailure);
/// assert_eq!(best.selection.section(), "16.7 step 6");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A 2xx: the proxy forwarded it the moment it arrived, and it is the
    /// answer upstream (step 5). The first 2xx is reported; for an INVITE
    /// every 2xx is forwarded.
    Success,
    /// A 6xx: the proxy must choose from the 6xx class when it has one
    /// (step 6), and cancels the other branches (step 5).
    GlobalFailure,
    /// A 4xx that lets the client resubmit: the proxy should prefer those
    /// within the 4xx class (step 6). Step 6 names 401, 407, 415, 420 and
    /// 484 as examples ("such as"); every 4xx whose disposition is
    /// [`RetryWithChanges`](crate::Disposition::RetryWithChanges) counts,
    /// and a challenge (401, 407) comes first.
    Resubmission,
    /// The first response of the lowest class received (step 6).
    LowestClass,
    /// The lowest class held only 503s: a 503 means the proxy itself can
    /// serve nothing, so it sends 500 instead (step 6).
    ServiceUnavailable,
    /// No branch gave a final response: the proxy sends 408 (step 6).
    ///
    /// This is not the case of a request with no branch at all: when the
    /// target set is empty, RFC 3261 §16.5 has the proxy answer with an
    /// error, 480 by preference, and it never reaches step 6.
    NoFinalResponse,
}

impl Selection {
    /// The step of RFC 3261 §16.7 that makes this choice.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::Selection::Success.section(), "16.7 step 5");
    /// ```
    pub const fn section(self) -> &'static str {
        match self {
            Selection::Success => "16.7 step 5",
            _ => "16.7 step 6",
        }
    }

    /// The rule, in one line.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::Selection::NoFinalResponse.rule().contains("408"));
    /// ```
    pub const fn rule(self) -> &'static str {
        match self {
            Selection::Success => "a 2xx is forwarded as soon as it arrives",
            Selection::GlobalFailure => "a 6xx is chosen whenever there is one",
            Selection::Resubmission => {
                "within 4xx, a response that lets the client retry with changes is preferred (a challenge first: our order)"
            }
            Selection::LowestClass => "the first response of the lowest class received is chosen",
            Selection::ServiceUnavailable => "a 503 is not forwarded upstream: the proxy sends 500 instead",
            Selection::NoFinalResponse => "with no final response at all, the proxy sends 408",
        }
    }
}

/// `a 6xx is chosen whenever there is one (RFC 3261 §16.7 step 6)`.
impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (RFC 3261 §{})", self.rule(), self.section())
    }
}

/// The outcome of [`best_response`]: what the proxy sends upstream, from
/// which branch, and why.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Selection, StatusCode, best_response};
///
/// // RFC 3261 §16.7's own example: 503, 407, 501 and 404 give the 407.
/// let codes = [503, 407, 501, 404].map(|code| StatusCode::from_u16(code).unwrap());
/// let best = best_response(codes);
/// assert_eq!(best.send, StatusCode::PROXY_AUTHENTICATION_REQUIRED);
/// assert_eq!((best.branch, best.received), (Some(1), Some(best.send)));
/// assert_eq!(best.selection, Selection::Resubmission);
/// assert!(!best.aggregate_challenges); // the only challenge
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct BestResponse {
    /// The status the proxy sends upstream.
    pub send: StatusCode,
    /// The position, in the order given, of the branch whose response was
    /// chosen; `None` when no branch gave a final response (408).
    pub branch: Option<usize>,
    /// The code that branch received; it differs from `send` when a 503 is
    /// sent on as 500.
    pub received: Option<StatusCode>,
    /// The rule that decided.
    pub selection: Selection,
    /// Whether the proxy must add the WWW-Authenticate and
    /// Proxy-Authenticate values of every other 401 and 407 branch to the
    /// chosen one (step 7): the choice is a 401 or 407 and there are others.
    pub aggregate_challenges: bool,
}

/// The response a stateful forking proxy sends upstream once every branch
/// has ended, from the codes its branches received, in the order received
/// (RFC 3261 §16.7 steps 5 to 7).
///
/// - A 2xx was forwarded the moment it arrived (step 5), so if there is one,
///   the first is the answer, [`Selection::Success`].
/// - Otherwise a 6xx if there is one; otherwise the lowest class received
///   (step 6). Within the class the proxy may pick any response; this
///   function picks the first received, except that:
///   - within 4xx it prefers a response the client can retry with changes
///     (step 6 names 401, 407, 415, 420 and 484 "such as": every 4xx whose
///     disposition is [`RetryWithChanges`](crate::Disposition::RetryWithChanges)),
///     a 401 or 407 first of all (its response will carry every branch's
///     challenges, step 7); and it ranks last the two that tell the client
///     nothing to act on: 408 (a timeout, often the proxy's own) and 430 (a
///     failed flow, which RFC 5626 §11.5 says endpoints should never see);
///   - within 5xx it prefers a code other than 503. If only 503s are left,
///     the proxy sends 500.
/// - No final response at all (an empty list, or only 1xx) gives 408.
/// - Provisional codes and stack-local 7xx codes are not final responses
///   and are skipped; a code that is not catalogued counts by its class, as
///   the code it is [understood as](StatusCode::as_understood).
/// - If the choice is a 401 or 407 and another branch also received one, the
///   proxy must aggregate their challenges (step 7).
///
/// What to pass for events that are not responses: a branch whose timer C
/// fired without a provisional response counts as a 408 (RFC 3261 §16.8),
/// and a branch that hit a transport error as a 503 (§16.9). Because 408
/// ranks last in 4xx, a response received on another branch that the client
/// can act on wins over such a timeout.
///
/// An empty list means "no branch answered finally", and gives 408. A proxy
/// whose target set is empty has no branches at all and answers 480 instead
/// (RFC 3261 §16.5); that case is not this function's.
///
/// Allocation-free, one pass, and never panics.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Selection, StatusCode, best_response};
/// let codes = |list: &[u16]| list.iter().map(|&code| StatusCode::from_u16(code).unwrap()).collect::<Vec<_>>();
///
/// let best = best_response(codes(&[486, 603, 404]));
/// assert_eq!((best.send.as_u16(), best.branch), (603, Some(1)));
///
/// let best = best_response(codes(&[480, 302, 486]));
/// assert_eq!(best.send, StatusCode::MOVED_TEMPORARILY); // the lowest class
///
/// let best = best_response(codes(&[503]));
/// assert_eq!((best.send.as_u16(), best.selection), (500, Selection::ServiceUnavailable));
///
/// let best = best_response(codes(&[401, 407]));
/// assert!(best.aggregate_challenges);
///
/// // 422 names the Min-SE to retry with; 404 names nothing.
/// assert_eq!(best_response(codes(&[404, 422])).send.as_u16(), 422);
/// // A branch's timeout does not hide a busy callee, nor a failed flow a 404.
/// assert_eq!(best_response(codes(&[408, 486])).send, StatusCode::BUSY_HERE);
/// assert_eq!(best_response(codes(&[430, 404])).send, StatusCode::NOT_FOUND);
///
/// let best = best_response(codes(&[180, 701]));
/// assert_eq!((best.send.as_u16(), best.branch), (408, None));
/// assert_eq!(best_response([]).selection, Selection::NoFinalResponse);
/// ```
pub fn best_response(codes: impl IntoIterator<Item = StatusCode>) -> BestResponse {
    // The candidate so far: (branch, code, rank); a lower rank is better.
    let mut best: Option<(usize, StatusCode, u16)> = None;
    let mut challenges = 0usize;
    for (branch, code) in codes.into_iter().enumerate() {
        if is_challenge(code) {
            challenges += 1;
        }
        let Some(rank) = rank(code) else { continue };
        // Strictly better only: among equals the first received stays.
        if best.is_none_or(|(_, _, best_rank)| rank < best_rank) {
            best = Some((branch, code, rank));
        }
    }
    let Some((branch, received, _)) = best else {
        return BestResponse {
            send: StatusCode::catalogued(408),
            branch: None,
            received: None,
            selection: Selection::NoFinalResponse,
            aggregate_challenges: false,
        };
    };
    let selection = match received.class() {
        Class::Success => Selection::Success,
        Class::GlobalFailure => Selection::GlobalFailure,
        _ if received.as_u16() == 503 => Selection::ServiceUnavailable,
        _ if helps_resubmission(received) => Selection::Resubmission,
        _ => Selection::LowestClass,
    };
    let send = match selection {
        Selection::ServiceUnavailable => StatusCode::catalogued(500),
        _ => received,
    };
    BestResponse {
        send,
        branch: Some(branch),
        received: Some(received),
        selection,
        aggregate_challenges: is_challenge(received) && challenges > 1,
    }
}

/// The order of preference of a final code, lower first; `None` for a code
/// that is not a final response (1xx, 7xx).
///
/// The class decides (2xx, then 6xx, then 3xx, 4xx, 5xx). Within 4xx the
/// challenges (401, 407) come first: step 7 makes a chosen challenge carry
/// every branch's challenges, so the client can answer them all at once.
/// Then the other codes a client can retry with changes, then the rest, and
/// last 408 and 430, which leave the client nothing to act on. Within 5xx,
/// 503 comes last.
const fn rank(code: StatusCode) -> Option<u16> {
    let within = match code.class() {
        Class::Success => 0,
        Class::GlobalFailure => 1,
        Class::Redirection => 2,
        Class::RequestFailure if is_challenge(code) => 3,
        Class::RequestFailure if helps_resubmission(code) => 4,
        Class::RequestFailure if leaves_nothing_to_act_on(code) => 6,
        Class::RequestFailure => 5,
        Class::ServerFailure if code.as_u16() != 503 => 7,
        Class::ServerFailure => 8,
        Class::Provisional | Class::StackLocal => return None,
    };
    Some(within)
}

/// The 4xx codes "that provide information affecting resubmission of this
/// request" (step 6): those a client retries with changes.
const fn helps_resubmission(code: StatusCode) -> bool {
    matches!(code.class(), Class::RequestFailure)
        && matches!(code.disposition(), Disposition::RetryWithChanges)
}

/// 408, a timeout (a branch's own, RFC 3261 §16.8, or a server's), and 430,
/// a failed flow meant for the proxy, not the endpoint (RFC 5626 §11.5).
const fn leaves_nothing_to_act_on(code: StatusCode) -> bool {
    matches!(code.as_u16(), 408 | 430)
}

/// 401 and 407, whose challenges step 7 aggregates.
const fn is_challenge(code: StatusCode) -> bool {
    matches!(code.as_u16(), 401 | 407)
}
