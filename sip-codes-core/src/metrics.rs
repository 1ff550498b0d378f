//! The end-to-end SIP performance metrics of RFC 6076, from observed outcomes.
//!
//! A [`Metrics`] accumulator takes one [`SessionAttempt`] per INVITE attempt
//! and one [`RegistrationAttempt`] per REGISTER attempt, and gives the five
//! ratios (SER, SEER, ISA, SCR, IRA) and the delays (RRD, SRD, SDD, SDT). It
//! allocates nothing and holds only counters, so two accumulators add up:
//! summaries of many files, threads or machines merge with `+`.
//!
//! # What one attempt is
//!
//! RFC 6076 counts *requests* in its formulas, but its flows count an
//! INVITE challenged with 401 or 407 and sent again with credentials as one
//! attempt: the ISA example of §4.8 and the SCR example of §4.9 both begin
//! with a 407 and its re-sent INVITE, and end with one ineffective or one
//! completed session; §4.1 measures RRD across the 401 of a registration,
//! and §5.3 says the metrics include the time authentication takes. So a
//! caller folds an INVITE and the INVITEs it resends after a challenge (same
//! Call-ID) into one [`SessionAttempt`], whose outcome is the last final
//! response, and does the same for REGISTER. Retransmissions are never new
//! attempts (§4, §4.2: same transaction). Counting a challenged INVITE twice
//! would put a 407 in every denominator and lower every ratio for a reason
//! that is no failure (§4.2 and §4.3.2 call 401, 402 and 407 "non-failure
//! challenge" responses).
//!
//! # What an attempt without a final response is
//!
//! [`Outcome::TimedOut`]: the client transaction's timer ran out (Timer B for
//! INVITE, Timer F for REGISTER, RFC 3261 §17.1.1.2 and §17.1.2.2). A UAC
//! treats that as a 408 (RFC 3261 §8.1.3.1), which is an ineffective session
//! attempt (RFC 6076 §4.8), and §4.2 counts a Timer F expiry as an
//! ineffective registration. [`Outcome::Unobserved`]: the observation (a
//! capture, a test run) ended before a final response or the timer. Nothing
//! is known of it, so it enters no ratio and is only counted
//! ([`Metrics::unobserved_sessions`]): a capture cut while calls ring does not
//! make them failures.
//!
//! ```
//! # extern crate sip_codes_core as sip_codes;
//! use core::time::Duration;
//! use sip_codes::StatusCode;
//! use sip_codes::metrics::{Metrics, Outcome, SessionAttempt};
//!
//! let ms = Duration::from_millis;
//! let mut day = Metrics::new();
//! // Answered after a 180 at 120 ms; hung up 60 s later, the BYE answered in 15 ms.
//! let call = SessionAttempt::new(Outcome::Final(StatusCode::OK))
//!     .sent_at(ms(0))
//!     .status_at(ms(120))
//!     .answered_at(ms(900))
//!     .bye(ms(60_900), Outcome::Final(StatusCode::OK), Some(ms(60_915)));
//! day.add_session(&call);
//! day.add_session(&SessionAttempt::new(Outcome::Final(StatusCode::BUSY_HERE)));
//! day.add_session(&SessionAttempt::new(Outcome::Final(StatusCode::SERVICE_UNAVAILABLE)));
//!
//! let mut night = Metrics::new();
//! night.add_session(&SessionAttempt::new(Outcome::TimedOut));
//! let total = day + night;
//!
//! assert_eq!(total.ser().unwrap().to_string(), "1/4 (25.0%)");
//! assert_eq!(total.seer().unwrap().to_string(), "2/4 (50.0%)"); // 486 is the callee's doing
//! assert_eq!(total.isa().unwrap().to_string(), "2/4 (50.0%)"); // 503 and the timeout
//! assert_eq!(total.srd_answered().mean(), Some(ms(120)));
//! assert_eq!(total.sdt_completed().mean(), Some(ms(60_000)));
//! ```

use core::fmt;
use core::ops::{Add, AddAssign};
use core::time::Duration;

use crate::{Class, StatusCode};

/// What RFC 6076 makes of the final response to an INVITE attempt.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
/// use sip_codes::metrics::SessionEffect;
/// assert_eq!(SessionEffect::of(StatusCode::BUSY_HERE), Some(SessionEffect::UserDetermined));
/// assert_eq!(SessionEffect::of(StatusCode::RINGING), None); // not final
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SessionEffect {
    /// 200: a session established, in the numerators of SER and SEER
    /// (RFC 6076 §4.6, §4.7).
    Established,
    /// A 3xx: taken out of the denominators of SER and SEER (§4.6, §4.7);
    /// the attempt that follows the redirect is counted instead.
    Redirected,
    /// 480, 486, 600 or 603: the called user's doing, so effective for SEER
    /// though not established (§4.7).
    UserDetermined,
    /// 408, 500, 503 or 504: an ineffective session attempt (§4.8).
    Ineffective,
    /// 401, 402 or 407: the "non-failure challenge" responses (§4.2,
    /// §4.3.2). An attempt that ends on one counts as a request with no
    /// other effect; it is no failure for the failed-setup SRD.
    Challenged,
    /// Any other 4xx, 5xx or 6xx: a failure response (§4.3.2); also a
    /// stack's own 7xx, which no RFC defines and which is no success.
    Failed,
    /// A 2xx other than 200: §4.6 and §4.7 name 200 alone, so it is counted
    /// as a request and in no numerator.
    OtherSuccess,
}

impl SessionEffect {
    /// The effect of `code` as the final response to an INVITE attempt, or
    /// `None` for a provisional response.
    pub const fn of(code: StatusCode) -> Option<SessionEffect> {
        Some(match code.as_u16() {
            200 => SessionEffect::Established,
            480 | 486 | 600 | 603 => SessionEffect::UserDetermined,
            408 | 500 | 503 | 504 => SessionEffect::Ineffective,
            401 | 402 | 407 => SessionEffect::Challenged,
            _ => match code.class() {
                Class::Provisional => return None,
                Class::Success => SessionEffect::OtherSuccess,
                Class::Redirection => SessionEffect::Redirected,
                _ => SessionEffect::Failed,
            },
        })
    }

    /// Whether the response is a failure for RFC 6076: a 4xx other than
    /// 401, 402 and 407, a 5xx or a 6xx (§4.2, §4.3.2). The same rule makes
    /// a final response to REGISTER an ineffective registration attempt.
    pub const fn is_failure(self) -> bool {
        matches!(self, SessionEffect::UserDetermined | SessionEffect::Ineffective | SessionEffect::Failed)
    }
}

/// How a transaction ended, as far as the observation saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The final response (the last one, for an attempt resent after a
    /// challenge).
    Final(StatusCode),
    /// No final response, and the client transaction's timer ran out (Timer
    /// B or F): counted as RFC 3261 §8.1.3.1's 408.
    TimedOut,
    /// The observation ended first: the attempt enters no ratio.
    Unobserved,
}

impl Outcome {
    /// The effect on the session metrics: a timeout is an ineffective
    /// attempt (§4.8), an unobserved one has none.
    const fn effect(self) -> Option<SessionEffect> {
        match self {
            Outcome::Final(code) => SessionEffect::of(code),
            Outcome::TimedOut => Some(SessionEffect::Ineffective),
            Outcome::Unobserved => None,
        }
    }
}

/// One INVITE attempt: the INVITE (and the INVITEs it resends after a
/// challenge), its outcome, and, when the session was established, how it
/// ended. Times are from any one clock (a capture's timestamps); each delay
/// needs both of its ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionAttempt {
    outcome: Outcome,
    sent: Option<Duration>,
    status: Option<Duration>,
    answered: Option<Duration>,
    bye: Option<(Duration, Outcome, Option<Duration>)>,
}

impl SessionAttempt {
    /// An attempt that ended with `outcome`, with no times known.
    pub const fn new(outcome: Outcome) -> SessionAttempt {
        SessionAttempt { outcome, sent: None, status: None, answered: None, bye: None }
    }

    /// When the first INVITE was sent: t1 of SRD (RFC 6076 §4.3; a
    /// retransmission does not move it, §4).
    pub const fn sent_at(mut self, at: Duration) -> SessionAttempt {
        self.sent = Some(at);
        self
    }

    /// When the first response that tells the caller something arrived: a
    /// provisional other than 100, or the final response if none came
    /// first: t4 of SRD (§4.3.1, §4.3.2).
    pub const fn status_at(mut self, at: Duration) -> SessionAttempt {
        self.status = Some(at);
        self
    }

    /// When the 200 arrived: t1 of SDT (§4.5).
    pub const fn answered_at(mut self, at: Duration) -> SessionAttempt {
        self.answered = Some(at);
        self
    }

    /// How the established session ended: the BYE sent at `sent`, its
    /// outcome, and when that outcome was seen (the response, or Timer F's
    /// expiry).
    pub const fn bye(mut self, sent: Duration, outcome: Outcome, at: Option<Duration>) -> SessionAttempt {
        self.bye = Some((sent, outcome, at));
        self
    }
}

/// One REGISTER attempt: the REGISTER (and those it resends after a
/// challenge) and its outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegistrationAttempt {
    outcome: Outcome,
    sent: Option<Duration>,
    ended: Option<Duration>,
}

impl RegistrationAttempt {
    /// An attempt that ended with `outcome`, with no times known.
    pub const fn new(outcome: Outcome) -> RegistrationAttempt {
        RegistrationAttempt { outcome, sent: None, ended: None }
    }

    /// When the first REGISTER was sent and when its final response came:
    /// the two ends of RRD (RFC 6076 §4.1).
    pub const fn timed(mut self, sent: Duration, final_response: Duration) -> RegistrationAttempt {
        self.sent = Some(sent);
        self.ended = Some(final_response);
        self
    }
}

/// A ratio of RFC 6076: what the numerator counts over what the denominator
/// counts. Displays as `1/4 (25.0%)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    /// The attempts the metric counts.
    pub numerator: u64,
    /// The attempts it counts them among (never 0: the metric is undefined
    /// then, RFC 6076 §4).
    pub denominator: u64,
}

impl Ratio {
    const fn of(numerator: u64, denominator: u64) -> Option<Ratio> {
        if denominator == 0 { None } else { Some(Ratio { numerator, denominator }) }
    }

    /// The ratio as a percentage, as RFC 6076 reports it.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::metrics::Ratio { numerator: 1, denominator: 8 }.percent(), 12.5);
    /// ```
    pub fn percent(self) -> f64 {
        self.numerator as f64 * 100.0 / self.denominator as f64
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} ({:.1}%)", self.numerator, self.denominator, self.percent())
    }
}

/// The delays of one kind: how many, their sum, the shortest and the
/// longest. Mergeable like [`Metrics`]; the mean is the sum over the count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Delays {
    count: u64,
    total: Duration,
    min: Option<Duration>,
    max: Option<Duration>,
}

impl Delays {
    /// Records the delay from `start` to `end`; an `end` before `start` (a
    /// clock stepped back) is not a delay and is left out.
    fn record(&mut self, start: Option<Duration>, end: Option<Duration>) {
        let (Some(start), Some(end)) = (start, end) else { return };
        let Some(delay) = end.checked_sub(start) else { return };
        *self += Delays { count: 1, total: delay, min: Some(delay), max: Some(delay) };
    }

    /// How many delays were measured.
    pub const fn count(&self) -> u64 {
        self.count
    }

    /// Their mean, if any was measured.
    pub fn mean(&self) -> Option<Duration> {
        if self.count == 0 {
            return None;
        }
        // Whole nanoseconds over a count: exact enough for milliseconds.
        let nanos = self.total.as_nanos() / u128::from(self.count);
        Some(Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX)))
    }

    /// The shortest.
    pub const fn min(&self) -> Option<Duration> {
        self.min
    }

    /// The longest.
    pub const fn max(&self) -> Option<Duration> {
        self.max
    }
}

impl AddAssign for Delays {
    fn add_assign(&mut self, other: Delays) {
        self.count = self.count.saturating_add(other.count);
        self.total = self.total.saturating_add(other.total);
        self.min = match (self.min, other.min) {
            (Some(a), Some(b)) => Some(if a <= b { a } else { b }),
            (a, b) => a.or(b),
        };
        self.max = match (self.max, other.max) {
            (Some(a), Some(b)) => Some(if a >= b { a } else { b }),
            (a, b) => a.or(b),
        };
    }
}

/// The RFC 6076 metrics of a set of attempts; see the [module](self) for what
/// one attempt is. `a + b` gives the metrics of both sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Metrics {
    sessions: u64,
    redirected: u64,
    established: u64,
    user_determined: u64,
    ineffective: u64,
    completed: u64,
    ends_unobserved: u64,
    unobserved_sessions: u64,
    registrations: u64,
    ineffective_registrations: u64,
    unobserved_registrations: u64,
    rrd: Delays,
    srd_answered: Delays,
    srd_failed: Delays,
    sdd_answered: Delays,
    sdd_failed: Delays,
    sdt_completed: Delays,
    sdt_failed: Delays,
}

impl Metrics {
    /// No attempt yet.
    pub const fn new() -> Metrics {
        const NONE: Delays = Delays { count: 0, total: Duration::ZERO, min: None, max: None };
        Metrics {
            sessions: 0,
            redirected: 0,
            established: 0,
            user_determined: 0,
            ineffective: 0,
            completed: 0,
            ends_unobserved: 0,
            unobserved_sessions: 0,
            registrations: 0,
            ineffective_registrations: 0,
            unobserved_registrations: 0,
            rrd: NONE,
            srd_answered: NONE,
            srd_failed: NONE,
            sdd_answered: NONE,
            sdd_failed: NONE,
            sdt_completed: NONE,
            sdt_failed: NONE,
        }
    }

    /// Counts one INVITE attempt.
    pub fn add_session(&mut self, attempt: &SessionAttempt) {
        let Some(effect) = attempt.outcome.effect() else {
            self.unobserved_sessions += 1;
            return;
        };
        self.sessions += 1;
        match effect {
            SessionEffect::Established => self.established += 1,
            SessionEffect::Redirected => self.redirected += 1,
            SessionEffect::UserDetermined => self.user_determined += 1,
            SessionEffect::Ineffective => self.ineffective += 1,
            SessionEffect::Challenged | SessionEffect::Failed | SessionEffect::OtherSuccess => {}
        }
        if effect == SessionEffect::Established {
            self.srd_answered.record(attempt.sent, attempt.status);
        } else if effect.is_failure() && attempt.outcome != Outcome::TimedOut {
            self.srd_failed.record(attempt.sent, attempt.status);
        }
        if effect != SessionEffect::Established {
            return;
        }
        // §4.9: a session completes unless it fails for lack of a response,
        // which is the BYE's Timer F (§4.5.2).
        match attempt.bye {
            None | Some((_, Outcome::Unobserved, _)) => self.ends_unobserved += 1,
            // §4.4: a BYE that times out is left out of SDD; §4.5.2 measures
            // SDT up to the expiry.
            Some((_, Outcome::TimedOut, at)) => self.sdt_failed.record(attempt.answered, at),
            Some((sent, Outcome::Final(code), at)) => {
                self.completed += 1;
                // §4.5.1: from the 200 to the BYE.
                self.sdt_completed.record(attempt.answered, Some(sent));
                // §4.4: successful and failed disconnects are kept apart.
                if code.is_success() {
                    self.sdd_answered.record(Some(sent), at);
                } else {
                    self.sdd_failed.record(Some(sent), at);
                }
            }
        }
    }

    /// Counts one REGISTER attempt.
    pub fn add_registration(&mut self, attempt: &RegistrationAttempt) {
        let failed = match attempt.outcome {
            Outcome::Unobserved => {
                self.unobserved_registrations += 1;
                return;
            }
            // §4.2: Timer F's expiry is an ineffective registration.
            Outcome::TimedOut => true,
            Outcome::Final(code) => {
                if code.is_success() {
                    // §4.1: RRD for successful registrations only.
                    self.rrd.record(attempt.sent, attempt.ended);
                }
                matches!(SessionEffect::of(code), Some(effect) if effect.is_failure())
            }
        };
        self.registrations += 1;
        self.ineffective_registrations += u64::from(failed);
    }

    /// Session Establishment Ratio (RFC 6076 §4.6): attempts answered with
    /// 200, over the attempts that ended less those redirected.
    pub const fn ser(&self) -> Option<Ratio> {
        Ratio::of(self.established, self.sessions - self.redirected)
    }

    /// Session Establishment Effectiveness Ratio (§4.7): attempts answered
    /// with 200, 480, 486, 600 or 603, over the same denominator as SER.
    pub const fn seer(&self) -> Option<Ratio> {
        Ratio::of(self.established + self.user_determined, self.sessions - self.redirected)
    }

    /// Ineffective Session Attempts (§4.8): attempts ending in 408, 500, 503,
    /// 504 or a timeout, over all attempts that ended.
    pub const fn isa(&self) -> Option<Ratio> {
        Ratio::of(self.ineffective, self.sessions)
    }

    /// Session Completion Ratio (§4.9): established sessions whose BYE got a
    /// response, over all attempts that ended. An established session whose
    /// end the observation did not see is left out of both.
    pub const fn scr(&self) -> Option<Ratio> {
        Ratio::of(self.completed, self.sessions - self.ends_unobserved)
    }

    /// Ineffective Registration Attempts (§4.2): REGISTER attempts ending in
    /// a failure response (4xx but 401, 402 and 407; 5xx; 6xx) or a timeout,
    /// over all that ended.
    pub const fn ira(&self) -> Option<Ratio> {
        Ratio::of(self.ineffective_registrations, self.registrations)
    }

    /// Registration Request Delay (§4.1), successful registrations only.
    pub const fn rrd(&self) -> &Delays {
        &self.rrd
    }

    /// Session Request Delay of established sessions (§4.3.1).
    pub const fn srd_answered(&self) -> &Delays {
        &self.srd_answered
    }

    /// Session Request Delay of failed setups (§4.3.2), kept apart from the
    /// established ones as §4.3 requires.
    pub const fn srd_failed(&self) -> &Delays {
        &self.srd_failed
    }

    /// Session Disconnect Delay of BYEs answered with a 2xx (§4.4).
    pub const fn sdd_answered(&self) -> &Delays {
        &self.sdd_answered
    }

    /// Session Disconnect Delay of BYEs answered with a failure, kept apart
    /// as §4.4 requires.
    pub const fn sdd_failed(&self) -> &Delays {
        &self.sdd_failed
    }

    /// Session Duration Time of completed sessions, from the 200 to the BYE
    /// (§4.5.1).
    pub const fn sdt_completed(&self) -> &Delays {
        &self.sdt_completed
    }

    /// Session Duration Time of sessions whose BYE timed out, from the 200
    /// to Timer F's expiry (§4.5.2).
    pub const fn sdt_failed(&self) -> &Delays {
        &self.sdt_failed
    }

    /// INVITE attempts whose outcome the observation did not see.
    pub const fn unobserved_sessions(&self) -> u64 {
        self.unobserved_sessions
    }

    /// REGISTER attempts whose outcome the observation did not see.
    pub const fn unobserved_registrations(&self) -> u64 {
        self.unobserved_registrations
    }

    /// INVITE attempts that ended (the ISA and SCR denominators).
    pub const fn session_attempts(&self) -> u64 {
        self.sessions
    }

    /// REGISTER attempts that ended (the IRA denominator).
    pub const fn registration_attempts(&self) -> u64 {
        self.registrations
    }
}

impl AddAssign for Metrics {
    fn add_assign(&mut self, other: Metrics) {
        // Every field, by name, so that a new counter cannot be forgotten.
        let Metrics {
            sessions,
            redirected,
            established,
            user_determined,
            ineffective,
            completed,
            ends_unobserved,
            unobserved_sessions,
            registrations,
            ineffective_registrations,
            unobserved_registrations,
            rrd,
            srd_answered,
            srd_failed,
            sdd_answered,
            sdd_failed,
            sdt_completed,
            sdt_failed,
        } = other;
        self.sessions += sessions;
        self.redirected += redirected;
        self.established += established;
        self.user_determined += user_determined;
        self.ineffective += ineffective;
        self.completed += completed;
        self.ends_unobserved += ends_unobserved;
        self.unobserved_sessions += unobserved_sessions;
        self.registrations += registrations;
        self.ineffective_registrations += ineffective_registrations;
        self.unobserved_registrations += unobserved_registrations;
        self.rrd += rrd;
        self.srd_answered += srd_answered;
        self.srd_failed += srd_failed;
        self.sdd_answered += sdd_answered;
        self.sdd_failed += sdd_failed;
        self.sdt_completed += sdt_completed;
        self.sdt_failed += sdt_failed;
    }
}

impl Add for Metrics {
    type Output = Metrics;

    fn add(mut self, other: Metrics) -> Metrics {
        self += other;
        self
    }
}
