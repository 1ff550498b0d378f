//! Run-time cost of the Q.850 mappings: `cargo bench --bench q850`.
//!
//! The floor is the least a mapping can cost: a static array indexed by the
//! value, which is what a C stack's `switch` compiles to at best.

use std::hint::black_box;

use divan::Bencher;
use sip_codes::StatusCode;
use sip_codes::q850::{Cause, Profile};

fn main() {
    divan::main();
}

const PROFILES: [Profile; 3] = Profile::ALL;

/// Every cause value, 1 to 127: one iteration maps them all.
fn causes() -> Vec<Cause> {
    (1..=Cause::MAX).map(|value| Cause::from_u8(value).unwrap()).collect()
}

/// Every wire code, 100 to 699: one iteration maps them all.
fn statuses() -> Vec<StatusCode> {
    (100..=699).map(|code| StatusCode::from_u16(code).unwrap()).collect()
}

/// The floor of the cause direction: RFC 3398's answers, precomputed.
static CAUSE_FLOOR: [u16; 128] = {
    let mut table = [0; 128];
    let mut value = 1;
    while value < 128 {
        if let Ok(cause) = Cause::from_u8(value as u8)
            && let Some(status) = cause.to_status(Profile::Rfc3398, None)
        {
            table[value] = status.as_u16();
        }
        value += 1;
    }
    table
};

/// The floor of the status direction: RFC 3398's answers, precomputed.
static STATUS_FLOOR: [u8; 700] = {
    let mut table = [0; 700];
    let mut code = 100;
    while code < 700 {
        if let Ok(status) = StatusCode::from_u16(code as u16)
            && let Some(cause) = status.to_cause(Profile::Rfc3398)
        {
            table[code] = cause.as_u8();
        }
        code += 1;
    }
    table
};

mod cause_to_status {
    use super::*;

    #[divan::bench(args = PROFILES)]
    fn sip_codes(bencher: Bencher, profile: Profile) {
        let causes = causes();
        bencher.bench_local(|| {
            for &cause in black_box(&causes) {
                black_box(cause.to_status(profile, None));
            }
        });
    }

    #[divan::bench]
    fn floor(bencher: Bencher) {
        let causes = causes();
        bencher.bench_local(|| {
            for &cause in black_box(&causes) {
                black_box(CAUSE_FLOOR[cause.as_u8() as usize]);
            }
        });
    }
}

mod status_to_cause {
    use super::*;

    #[divan::bench(args = PROFILES)]
    fn sip_codes(bencher: Bencher, profile: Profile) {
        let statuses = statuses();
        bencher.bench_local(|| {
            for &status in black_box(&statuses) {
                black_box(status.to_cause(profile));
            }
        });
    }

    #[divan::bench]
    fn floor(bencher: Bencher) {
        let statuses = statuses();
        bencher.bench_local(|| {
            for &status in black_box(&statuses) {
                black_box(STATUS_FLOOR[status.as_u16() as usize]);
            }
        });
    }
}
