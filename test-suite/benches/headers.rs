//! Run-time cost of the `Warning` and `Reason` parsers and formatters beside
//! the peers that parse the same values, in one run so that the ratios hold
//! on a noisy machine: `cargo bench --bench headers`.
//!
//! The inputs are real values from `sip-codes-testdata/data/` (sofia-sip, jsip and
//! belle-sip fixtures). Each iteration parses every input of its set.

use std::fmt::Write;
use std::hint::black_box;
use std::str::FromStr;

use divan::Bencher;
use rsip::headers::{ToTypedHeader, UntypedHeader};
use sip_codes::{Reason, Warning};

fn main() {
    divan::main();
}

/// Single Warning values of three shapes: host, host:port, IPv4:port with a long text.
const WARNINGS: [&str; 3] = [
    "307 isi.edu \"Session parameter 'foo' not understood\"",
    "399 presence.bar:5060 \"Unimplemented filter\"",
    "392 192.168.89.71:5060 \"Noisy feedback tells: pid=936 req_src_ip=192.168.89.20 in_uri=sip:xxx@yyyy.org:5061 out_uri=sip:xxx@yyyy.org:5061 via_cnt==1\"",
];

/// A Warning header field value with three values.
const WARNING_LIST: &str =
    "312 ii.edu \"Soda\",  351 i.edu \"Inetwork address 'E.164'\" , 323 ii.edu \"Sodwea\"";

/// Single Reason values: Q.850 and SIP, with and without white space.
const REASONS: [&str; 3] = [
    "Q.850;cause=16;text=\"Terminated\"",
    "SIP;cause=600;text=\"Busy Everywhere\"",
    "SIP ;cause=580 ;text=\"Precondition Failure\"",
];

/// Times `parse` over every input: one iteration is one pass. Every input
/// must parse, so that no parser is timed on its error path.
fn bench_inputs<T>(bencher: Bencher, inputs: &[&'static str], parse: impl Fn(&'static str) -> Option<T>) {
    for &input in inputs {
        assert!(parse(input).is_some(), "{input:?} does not parse");
    }
    bencher.bench_local(|| {
        for &input in black_box(inputs) {
            black_box(parse(input));
        }
    });
}

mod warning_parse {
    use super::*;

    #[divan::bench]
    fn sip_codes(bencher: Bencher) {
        bench_inputs(bencher, &WARNINGS, |value| Warning::parse(value).ok());
    }

    /// rsip's typed Warning, from its untyped header (which owns a String).
    #[divan::bench]
    fn rsip(bencher: Bencher) {
        bench_inputs(bencher, &WARNINGS, |value| rsip::headers::Warning::new(value).typed().ok());
    }

    #[divan::bench]
    fn rvoip(bencher: Bencher) {
        bench_inputs(bencher, &WARNINGS, |value| rvoip_sip_core::types::Warning::from_str(value).ok());
    }
}

mod warning_list {
    use super::*;

    /// The three values, each checked, without collecting them.
    #[divan::bench]
    fn sip_codes(bencher: Bencher) {
        assert_eq!(Warning::parse_all(WARNING_LIST).filter(Result::is_ok).count(), 3);
        bencher.bench_local(|| Warning::parse_all(black_box(WARNING_LIST)).filter(Result::is_ok).count());
    }

    #[divan::bench]
    fn rvoip(bencher: Bencher) {
        let parse = |value| rvoip_sip_core::types::warning::WarningHeader::from_str(value);
        assert_eq!(parse(WARNING_LIST).map(|header| header.warnings.len()).ok(), Some(3));
        bencher.bench_local(|| parse(black_box(WARNING_LIST)).map(|header| header.warnings.len()).ok());
    }
}

mod reason_parse {
    use super::*;

    #[divan::bench]
    fn sip_codes(bencher: Bencher) {
        bench_inputs(bencher, &REASONS, |value| Reason::parse(value).ok());
    }

    #[divan::bench]
    fn rvoip(bencher: Bencher) {
        bench_inputs(bencher, &REASONS, |value| rvoip_sip_core::types::Reason::from_str(value).ok());
    }
}

mod reason_display {
    use super::*;

    fn bench_display<T: std::fmt::Display>(bencher: Bencher, values: Vec<T>) {
        let mut buffer = String::with_capacity(128);
        bencher.bench_local(|| {
            for value in black_box(&values) {
                buffer.clear();
                write!(buffer, "{value}").unwrap();
                black_box(&buffer);
            }
        });
    }

    #[divan::bench]
    fn sip_codes(bencher: Bencher) {
        bench_display(bencher, REASONS.iter().map(|value| Reason::parse(value).unwrap()).collect());
    }

    #[divan::bench]
    fn rvoip(bencher: Bencher) {
        let values = REASONS.iter().map(|value| rvoip_sip_core::types::Reason::from_str(value).unwrap());
        bench_display(bencher, values.collect());
    }
}

mod warning_display {
    use super::*;

    #[divan::bench]
    fn sip_codes(bencher: Bencher) {
        reason_display_like(bencher, WARNINGS.iter().map(|value| Warning::parse(value).unwrap()).collect());
    }

    #[divan::bench]
    fn rsip(bencher: Bencher) {
        let values = WARNINGS.iter().map(|value| rsip::headers::Warning::new(*value).typed().unwrap());
        reason_display_like(bencher, values.collect());
    }

    #[divan::bench]
    fn rvoip(bencher: Bencher) {
        let values = WARNINGS.iter().map(|value| rvoip_sip_core::types::Warning::from_str(value).unwrap());
        reason_display_like(bencher, values.collect());
    }

    fn reason_display_like<T: std::fmt::Display>(bencher: Bencher, values: Vec<T>) {
        let mut buffer = String::with_capacity(256);
        bencher.bench_local(|| {
            for value in black_box(&values) {
                buffer.clear();
                write!(buffer, "{value}").unwrap();
                black_box(&buffer);
            }
        });
    }
}
