//! `best_response` against RFC 3261 §16.7's text: its own examples, every
//! ordering of small sets, and generated sets, all compared with a model
//! written straight from the steps.

use proptest::prelude::*;
use sip_codes::{Class, Disposition, Selection, StatusCode, best_response};

fn codes(list: &[u16]) -> Vec<StatusCode> {
    list.iter().map(|&code| StatusCode::from_u16(code).unwrap()).collect()
}

/// What §16.7 steps 5 to 7 say, one rule after the other: (the code sent,
/// the branch it came from, the rule, whether challenges are aggregated).
fn model(received: &[StatusCode]) -> (u16, Option<usize>, Selection, bool) {
    let finals: Vec<(usize, StatusCode)> =
        received.iter().copied().enumerate().filter(|(_, code)| code.is_final()).collect();
    let first = |keep: &dyn Fn(StatusCode) -> bool| finals.iter().copied().find(|(_, code)| keep(*code));
    let challenges = received.iter().filter(|code| [401, 407].contains(&code.as_u16())).count();
    let chosen = |(branch, code): (usize, StatusCode), selection| {
        let send = if selection == Selection::ServiceUnavailable { 500 } else { code.as_u16() };
        let aggregate = [401, 407].contains(&code.as_u16()) && challenges > 1;
        (send, Some(branch), selection, aggregate)
    };
    // Step 5: a 2xx went upstream at once.
    if let Some(success) = first(&|code| code.is_success()) {
        return chosen(success, Selection::Success);
    }
    // Step 6: no final response, 408; a 6xx if any; else the lowest class.
    let Some(lowest) = finals.iter().map(|(_, code)| code.class()).min() else {
        return (408, None, Selection::NoFinalResponse, false);
    };
    if let Some(global) = first(&|code| code.is_global_failure()) {
        return chosen(global, Selection::GlobalFailure);
    }
    // Within 4xx, the codes that help resubmission ("such as 401, 407, 415,
    // 420, and 484": every code a client retries with changes), challenges
    // first (ours: a chosen challenge carries all of them, step 7); then any
    // but 408 and 430, which leave the client nothing to act on (ours).
    if lowest == Class::RequestFailure {
        let four = |keep: &dyn Fn(StatusCode) -> bool| first(&|code| code.is_request_failure() && keep(code));
        let challenge = four(&|code| [401, 407].contains(&code.as_u16()));
        let other = four(&|code| code.disposition() == Disposition::RetryWithChanges);
        if let Some(preferred) = challenge.or(other) {
            return chosen(preferred, Selection::Resubmission);
        }
        let informative = four(&|code| ![408, 430].contains(&code.as_u16()));
        return chosen(informative.or(four(&|_| true)).unwrap(), Selection::LowestClass);
    }
    if lowest == Class::ServerFailure {
        return match first(&|code| code.is_server_failure() && code != 503) {
            Some(other) => chosen(other, Selection::LowestClass),
            None => chosen(first(&|code| code == 503).unwrap(), Selection::ServiceUnavailable),
        };
    }
    chosen(first(&|code| code.class() == lowest).unwrap(), Selection::LowestClass)
}

fn check(received: &[StatusCode]) {
    let best = best_response(received.iter().copied());
    let expected = model(received);
    assert_eq!(
        (best.send.as_u16(), best.branch, best.selection, best.aggregate_challenges),
        expected,
        "{received:?}"
    );
    assert_eq!(best.received, best.branch.map(|branch| received[branch]), "{received:?}");
}

/// Every ordering of `items`, by Heap's algorithm.
fn for_each_ordering(items: &mut [StatusCode], visit: &mut dyn FnMut(&[StatusCode])) {
    fn heap(k: usize, items: &mut [StatusCode], visit: &mut dyn FnMut(&[StatusCode])) {
        if k <= 1 {
            return visit(items);
        }
        for i in 0..k {
            heap(k - 1, items, visit);
            items.swap(if k.is_multiple_of(2) { i } else { 0 }, k - 1);
        }
    }
    heap(items.len(), items, visit);
}

#[test]
fn the_examples_of_the_rfc() {
    // §16.7 step 6: "503, 407, 501, and 404 ... may choose to forward the 407".
    let best = best_response(codes(&[503, 407, 501, 404]));
    assert_eq!((best.send.as_u16(), best.branch, best.selection), (407, Some(1), Selection::Resubmission));
    // "If the only response that was received is a 503, the proxy SHOULD
    // generate a 500".
    let best = best_response(codes(&[503]));
    assert_eq!((best.send.as_u16(), best.received.map(u16::from)), (500, Some(503)));
    // "If there are no final responses in the context, the proxy MUST send a 408".
    assert_eq!(best_response([]).send, StatusCode::REQUEST_TIMEOUT);
    assert_eq!(best_response(codes(&[100, 180, 183])).send, StatusCode::REQUEST_TIMEOUT);
    // "It MUST choose from the 6xx class responses if any exist".
    assert_eq!(best_response(codes(&[486, 603, 404])).send, StatusCode::DECLINE);
    assert_eq!(best_response(codes(&[302, 600])).send, StatusCode::BUSY_EVERYWHERE);
    // Step 5: a 2xx is forwarded at once, even after a 6xx.
    let best = best_response(codes(&[603, 200]));
    assert_eq!((best.send.as_u16(), best.selection), (200, Selection::Success));
    // Step 7: a 401 and a 407 are combined.
    let best = best_response(codes(&[486, 407, 401]));
    assert_eq!((best.send.as_u16(), best.aggregate_challenges), (407, true));
    // Stack-local 7xx codes are no response from a branch.
    assert_eq!(best_response(codes(&[701])).selection, Selection::NoFinalResponse);
}

#[test]
fn within_4xx_what_the_client_can_act_on_wins() {
    // Step 6's list is "such as": every 4xx a client retries with changes
    // beats one it cannot act on, in either order.
    for helpful in [412, 413, 416, 417, 421, 422, 423, 428, 429, 438, 439, 469, 470, 494] {
        for set in [[404, helpful], [helpful, 404]] {
            let best = best_response(codes(&set));
            assert_eq!((best.send.as_u16(), best.selection), (helpful, Selection::Resubmission), "{set:?}");
        }
    }
    // A challenge comes before the other resubmission codes.
    assert_eq!(best_response(codes(&[422, 415, 407])).send, StatusCode::PROXY_AUTHENTICATION_REQUIRED);
    // A timeout (RFC 3261 §16.8 makes timer C a 408) and a failed flow
    // (RFC 5626 §11.5: not for endpoints) lose to any other 4xx.
    for quiet in [408, 430] {
        for set in [[quiet, 486], [486, quiet]] {
            assert_eq!(best_response(codes(&set)).send, StatusCode::BUSY_HERE, "{set:?}");
        }
        assert_eq!(best_response(codes(&[quiet])).send.as_u16(), quiet);
    }
    // A received 408 still beats nothing: §16.7's 408 for no final response.
    assert_eq!(best_response(codes(&[408])).branch, Some(0));
}

#[test]
fn every_ordering_of_small_sets() {
    let sets: &[&[u16]] = &[
        &[503, 407, 501, 404],
        &[486, 603, 404, 180],
        &[401, 407, 415, 486],
        &[503, 503, 500, 502],
        &[302, 480, 200, 603],
        &[431, 499, 484, 599],
        &[408, 430, 486, 422],
        &[430, 404, 438, 408],
        &[100, 183, 701, 503],
        &[380, 300, 420, 606, 599],
    ];
    for set in sets {
        let mut items = codes(set);
        let first = best_response(items.iter().copied());
        for_each_ordering(&mut items, &mut |ordering| {
            check(ordering);
            // Whatever the order, the same rule decides, the same class is
            // sent, and the challenges are aggregated or not alike.
            let best = best_response(ordering.iter().copied());
            assert_eq!(best.selection, first.selection, "{ordering:?}");
            assert_eq!(best.send.class(), first.send.class(), "{ordering:?}");
            assert_eq!(best.aggregate_challenges, first.aggregate_challenges, "{ordering:?}");
        });
    }
}

/// A code a branch might report: registered, extension, provisional or stack-local.
fn branch_code() -> impl Strategy<Value = StatusCode> {
    prop_oneof![
        (0..sip_codes::CATALOGUE.len()).prop_map(|index| sip_codes::CATALOGUE[index].status()),
        (100u16..700).prop_map(|code| StatusCode::from_u16(code).unwrap()),
        prop::sample::select(vec![401u16, 407, 503, 200, 603])
            .prop_map(|code| StatusCode::from_u16(code).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_sets_follow_the_model(received in prop::collection::vec(branch_code(), 0..9)) {
        check(&received);
    }

    #[test]
    fn the_order_changes_at_most_which_branch(
        (received, shuffled) in prop::collection::vec(branch_code(), 0..9)
            .prop_flat_map(|received| (Just(received.clone()), Just(received).prop_shuffle()))
    ) {
        let (a, b) = (best_response(received), best_response(shuffled));
        prop_assert_eq!(a.selection, b.selection);
        prop_assert_eq!(a.send.class(), b.send.class());
        prop_assert_eq!(a.aggregate_challenges, b.aggregate_challenges);
    }
}
