//! The RFC 6076 metrics: each code set against the RFC's lists, each rule of
//! the accumulator with a case, and merging as addition over any split.
#![cfg(feature = "semantics")]

use core::time::Duration;

use proptest::prelude::*;
use sip_codes_core::metrics::{Metrics, Outcome, RegistrationAttempt, SessionAttempt, SessionEffect};
use sip_codes_core::{CATALOGUE, StatusCode};

fn code(n: u16) -> StatusCode {
    StatusCode::from_u16(n).unwrap()
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Every valid code whose effect is `effect`.
fn codes_with(effect: SessionEffect) -> Vec<u16> {
    (100..=699)
        .filter(|&n| StatusCode::from_u16(n).ok().and_then(SessionEffect::of) == Some(effect))
        .collect()
}

#[test]
fn the_code_sets_are_the_rfcs_lists() {
    // §4.6 and §4.7 name 200; §4.7 adds 480, 486, 600, 603; §4.8 lists 408, 500, 503, 504;
    // §4.2 and §4.3.2 call 401, 402 and 407 non-failure challenges.
    assert_eq!(codes_with(SessionEffect::Established), [200]);
    assert_eq!(codes_with(SessionEffect::UserDetermined), [480, 486, 600, 603]);
    assert_eq!(codes_with(SessionEffect::Ineffective), [408, 500, 503, 504]);
    assert_eq!(codes_with(SessionEffect::Challenged), [401, 402, 407]);
    assert_eq!(codes_with(SessionEffect::Redirected), (300..=399).collect::<Vec<_>>());
    for n in 100..=199 {
        assert_eq!(StatusCode::from_u16(n).ok().and_then(SessionEffect::of), None, "{n} is not final");
    }
    // Failure is every 4xx but the challenges, every 5xx and every 6xx (and a stack's 7xx,
    // which is no success either).
    for entry in CATALOGUE {
        let effect = SessionEffect::of(entry.status());
        let failure = entry.code >= 400 && ![401, 402, 407].contains(&entry.code);
        assert_eq!(effect.is_some_and(SessionEffect::is_failure), failure, "{}", entry.code);
    }
}

#[test]
fn redirects_leave_the_establishment_ratios_and_the_callees_failures_count_as_effective() {
    let mut metrics = Metrics::new();
    for n in [200, 302, 486, 603, 404, 503] {
        metrics.add_session(&SessionAttempt::new(Outcome::Final(code(n))));
    }
    let ser = metrics.ser().unwrap();
    assert_eq!((ser.numerator, ser.denominator), (1, 5));
    let seer = metrics.seer().unwrap();
    assert_eq!((seer.numerator, seer.denominator), (3, 5));
    let isa = metrics.isa().unwrap();
    assert_eq!((isa.numerator, isa.denominator), (1, 6)); // the 503; the 302 still counts as a request
}

#[test]
fn a_timeout_is_ineffective_and_an_unobserved_attempt_enters_no_ratio() {
    let mut metrics = Metrics::new();
    metrics.add_session(&SessionAttempt::new(Outcome::TimedOut));
    metrics.add_session(&SessionAttempt::new(Outcome::Unobserved));
    assert_eq!(metrics.isa().unwrap().to_string(), "1/1 (100.0%)");
    assert_eq!(metrics.session_attempts(), 1);
    assert_eq!(metrics.unobserved_sessions(), 1);

    let mut only_unobserved = Metrics::new();
    only_unobserved.add_session(&SessionAttempt::new(Outcome::Unobserved));
    only_unobserved.add_registration(&RegistrationAttempt::new(Outcome::Unobserved));
    // RFC 6076 §4: a ratio over 0 is undefined.
    assert_eq!((only_unobserved.ser(), only_unobserved.isa(), only_unobserved.ira()), (None, None, None));
    assert_eq!(only_unobserved.unobserved_registrations(), 1);
}

#[test]
fn completion_needs_an_answered_bye_and_an_unseen_end_is_left_out() {
    let answered = SessionAttempt::new(Outcome::Final(code(200))).answered_at(ms(1_000));
    let mut metrics = Metrics::new();
    metrics.add_session(&answered.bye(ms(61_000), Outcome::Final(code(200)), Some(ms(61_020))));
    metrics.add_session(&answered.bye(ms(31_000), Outcome::Final(code(481)), Some(ms(31_005))));
    metrics.add_session(&answered.bye(ms(11_000), Outcome::TimedOut, Some(ms(43_000))));
    metrics.add_session(&answered); // still up when the observation ended
    metrics.add_session(&SessionAttempt::new(Outcome::Final(code(486))));
    let scr = metrics.scr().unwrap();
    // The 200 and the 481 answered the BYE; the timeout did not; the open call is left out.
    assert_eq!((scr.numerator, scr.denominator), (2, 4));
    assert_eq!(metrics.sdd_answered().count(), 1);
    assert_eq!(metrics.sdd_answered().mean(), Some(ms(20)));
    assert_eq!(metrics.sdd_failed().mean(), Some(ms(5)), "§4.4: failed disconnects apart");
    assert_eq!(metrics.sdt_completed().count(), 2);
    assert_eq!(metrics.sdt_completed().min(), Some(ms(30_000)));
    assert_eq!(metrics.sdt_completed().max(), Some(ms(60_000)));
    assert_eq!(metrics.sdt_failed().mean(), Some(ms(42_000)), "§4.5.2: up to Timer F");
}

#[test]
fn setup_delays_keep_success_and_failure_apart() {
    let mut metrics = Metrics::new();
    let timed = |outcome, status| SessionAttempt::new(outcome).sent_at(ms(100)).status_at(ms(status));
    metrics.add_session(&timed(Outcome::Final(code(200)), 300));
    metrics.add_session(&timed(Outcome::Final(code(404)), 150));
    metrics.add_session(&timed(Outcome::Final(code(407)), 110)); // a challenge is no failure
    metrics.add_session(&timed(Outcome::Final(code(200)), 50)); // a clock stepped back: no delay
    assert_eq!(metrics.srd_answered().count(), 1);
    assert_eq!(metrics.srd_answered().mean(), Some(ms(200)));
    assert_eq!(metrics.srd_failed().count(), 1);
    assert_eq!(metrics.srd_failed().mean(), Some(ms(50)));
}

#[test]
fn registrations_fail_on_failures_and_timeouts_but_not_on_challenges() {
    let mut metrics = Metrics::new();
    for n in [200, 401, 407, 402, 403, 503, 603] {
        metrics.add_registration(&RegistrationAttempt::new(Outcome::Final(code(n))).timed(ms(0), ms(40)));
    }
    metrics.add_registration(&RegistrationAttempt::new(Outcome::TimedOut));
    let ira = metrics.ira().unwrap();
    assert_eq!((ira.numerator, ira.denominator), (4, 8));
    // §4.1: RRD of the successful registration only.
    assert_eq!(metrics.rrd().count(), 1);
    assert_eq!(metrics.rrd().mean(), Some(ms(40)));
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::TimedOut),
        Just(Outcome::Unobserved),
        prop::sample::select(CATALOGUE.iter().map(|entry| entry.status()).collect::<Vec<_>>())
            .prop_map(Outcome::Final),
    ]
}

fn session() -> impl Strategy<Value = SessionAttempt> {
    (outcome(), any::<[u32; 4]>(), outcome(), any::<bool>()).prop_map(|(setup, times, bye, ended)| {
        let [sent, status, answered, hung_up] = times.map(|t| ms(u64::from(t)));
        let attempt = SessionAttempt::new(setup).sent_at(sent).status_at(status).answered_at(answered);
        if ended { attempt.bye(hung_up, bye, Some(hung_up + ms(7))) } else { attempt }
    })
}

proptest! {
    #[test]
    fn merging_is_counting_everything_at_once(
        sessions in prop::collection::vec(session(), 0..40),
        registrations in prop::collection::vec((outcome(), any::<u32>()), 0..20),
        split in any::<prop::sample::Index>(),
    ) {
        let registrations: Vec<RegistrationAttempt> = registrations
            .into_iter()
            .map(|(outcome, t)| RegistrationAttempt::new(outcome).timed(ms(0), ms(u64::from(t))))
            .collect();
        let count = |sessions: &[SessionAttempt], registrations: &[RegistrationAttempt]| {
            let mut metrics = Metrics::new();
            sessions.iter().for_each(|attempt| metrics.add_session(attempt));
            registrations.iter().for_each(|attempt| metrics.add_registration(attempt));
            metrics
        };
        let whole = count(&sessions, &registrations);
        let (s1, s2) = sessions.split_at(split.index(sessions.len() + 1).min(sessions.len()));
        let (r1, r2) = registrations.split_at(registrations.len() / 2);
        prop_assert_eq!(count(s1, r1) + count(s2, r2), whole);
        prop_assert_eq!(count(s2, r2) + count(s1, r1), whole);
        prop_assert_eq!(whole + Metrics::new(), whole);
        // Every ratio stays a ratio.
        for ratio in [whole.ser(), whole.seer(), whole.isa(), whole.scr(), whole.ira()].into_iter().flatten() {
            prop_assert!(ratio.numerator <= ratio.denominator);
        }
    }
}
