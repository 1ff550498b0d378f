//! Run-time cost of sip-codes against its peers, in one run, so that the
//! ratios hold on a noisy machine: `cargo bench --bench runtime`.
//!
//! The floor is the least any implementation can do: a static table of
//! phrases indexed by code.

use std::fmt::Write;
use std::hint::black_box;

use divan::Bencher;
use sip_codes::{CATALOGUE, Entry, StatusCode, StatusLine};

fn main() {
    divan::main();
}

/// Every catalogued code, the input of the per-code benchmarks.
fn codes() -> Vec<u16> {
    CATALOGUE.iter().map(|entry| entry.code).collect()
}

/// Times `per_code` over every catalogued code: one iteration is one pass.
fn bench_codes<T>(bencher: Bencher, per_code: impl Fn(u16) -> T) {
    let codes = codes();
    bencher.bench_local(|| {
        for &code in black_box(&codes) {
            black_box(per_code(code));
        }
    });
}

/// The floor: `[&str; 700]` indexed by code, "" where there is no phrase.
static FLOOR: [&str; 700] = {
    let mut table = [""; 700];
    let mut i = 0;
    while i < CATALOGUE.len() {
        let entry = &CATALOGUE[i];
        if (entry.code as usize) < table.len() {
            table[entry.code as usize] = entry.phrase;
        }
        i += 1;
    }
    table
};

mod from_u16_and_reason {
    use super::*;

    #[divan::bench]
    fn sip_codes(bencher: Bencher) {
        bench_codes(bencher, |code| StatusCode::from_u16(code).ok().and_then(StatusCode::canonical_reason));
    }

    #[divan::bench]
    fn http(bencher: Bencher) {
        bench_codes(bencher, |code| http::StatusCode::from_u16(code).ok().and_then(|s| s.canonical_reason()));
    }

    #[divan::bench]
    fn floor(bencher: Bencher) {
        bench_codes(bencher, |code| FLOOR.get(code as usize).copied());
    }
}

mod parse {
    use super::*;

    #[divan::bench]
    fn sip_codes_from_str() -> Option<StatusCode> {
        black_box("486").parse().ok()
    }

    #[divan::bench]
    fn http_from_bytes() -> Option<http::StatusCode> {
        http::StatusCode::from_bytes(black_box(b"486")).ok()
    }

    /// Three digits to a number, then the table.
    #[divan::bench]
    fn floor() -> Option<&'static str> {
        floor_parse(black_box(b"486"))
    }

    fn floor_parse(text: &[u8; 3]) -> Option<&'static str> {
        match *text {
            [a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] => {
                let code = (a - b'0') as usize * 100 + (b - b'0') as usize * 10 + (c - b'0') as usize;
                FLOOR.get(code).copied()
            }
            _ => None,
        }
    }

    /// Every catalogued code as text.
    fn texts() -> Vec<[u8; 3]> {
        codes().into_iter().map(|code| <[u8; 3]>::try_from(code.to_string().as_bytes()).unwrap()).collect()
    }

    /// As many three-byte texts that are not codes: a letter in each place in turn.
    fn misses() -> Vec<[u8; 3]> {
        texts()
            .into_iter()
            .enumerate()
            .map(|(i, mut text)| {
                text[i % 3] = b'x';
                text
            })
            .collect()
    }

    /// One iteration parses every text of `texts`.
    fn bench_texts<T>(bencher: Bencher, texts: Vec<[u8; 3]>, parse: impl Fn(&[u8; 3]) -> T) {
        bencher.counter(texts.len()).bench_local(|| {
            for text in black_box(&texts) {
                black_box(parse(text));
            }
        });
    }

    #[divan::bench]
    fn sip_codes_from_bytes_every_code(bencher: Bencher) {
        bench_texts(bencher, texts(), |text| StatusCode::from_bytes(text).ok());
    }

    #[divan::bench]
    fn http_from_bytes_every_code(bencher: Bencher) {
        bench_texts(bencher, texts(), |text| http::StatusCode::from_bytes(text).ok());
    }

    #[divan::bench]
    fn floor_every_code(bencher: Bencher) {
        bench_texts(bencher, texts(), floor_parse);
    }

    #[divan::bench]
    fn sip_codes_from_bytes_misses(bencher: Bencher) {
        bench_texts(bencher, misses(), |text| StatusCode::from_bytes(text).ok());
    }

    #[divan::bench]
    fn http_from_bytes_misses(bencher: Bencher) {
        bench_texts(bencher, misses(), |text| http::StatusCode::from_bytes(text).ok());
    }
}

mod display {
    use super::*;

    fn bench_display<T: std::fmt::Display>(bencher: Bencher, statuses: Vec<T>) {
        let mut buffer = String::with_capacity(64);
        bencher.bench_local(|| {
            for status in black_box(&statuses) {
                buffer.clear();
                write!(buffer, "{status}").unwrap();
                black_box(&buffer);
            }
        });
    }

    #[divan::bench]
    fn sip_codes(bencher: Bencher) {
        bench_display(bencher, CATALOGUE.iter().map(Entry::status).collect());
    }

    #[divan::bench]
    fn http(bencher: Bencher) {
        bench_display(
            bencher,
            codes().into_iter().filter_map(|c| http::StatusCode::from_u16(c).ok()).collect(),
        );
    }

    #[divan::bench]
    fn rsip(bencher: Bencher) {
        bench_display(bencher, codes().into_iter().map(rsip::StatusCode::from).collect());
    }
}

mod rsip_from_u16 {
    use super::*;

    #[divan::bench]
    fn rsip(bencher: Bencher) {
        bench_codes(bencher, rsip::StatusCode::from);
    }
}

mod lookup {
    use super::*;

    /// The spellings an operator types, from the start to the end of the
    /// table, the longest, and misses: a near miss, nothing, and a long line.
    const NAMES: [&str; 7] = [
        "Trying",
        "BusyHere",
        "NotAcceptableAnywhere",
        "PartyHangsUp",
        "CALL_OR_TRANSACTION_DOES_NOT_EXIST",
        "BusyHre",
        "",
    ];
    const PHRASES: [&str; 8] = [
        "trying",
        "BUSY HERE",
        "declined",
        "party hangs up",
        "call leg/transaction does not exist",
        "busy hare",
        "",
        "SIP/2.0 486 Busy Here, and a reason phrase far longer than any registered one",
    ];

    #[divan::bench(args = NAMES)]
    fn by_name(name: &str) -> Option<&'static Entry> {
        Entry::by_name(black_box(name))
    }

    #[divan::bench(args = PHRASES)]
    fn by_phrase(phrase: &str) -> Option<&'static Entry> {
        Entry::by_phrase(black_box(phrase))
    }

    /// Both names of every row, then as many misses: one iteration is the lot.
    fn every_name() -> Vec<String> {
        let names = CATALOGUE.iter().flat_map(|entry| [entry.name, entry.constant]).map(str::to_owned);
        let misses = names.clone().map(|name| format!("{name}s"));
        names.chain(misses).collect()
    }

    /// Every phrase and alias in upper case, then as many misses.
    fn every_phrase() -> Vec<String> {
        let spellings = CATALOGUE
            .iter()
            .flat_map(|entry| std::iter::once(entry.phrase).chain(entry.aliases.iter().copied()));
        let upper = spellings.map(str::to_ascii_uppercase);
        let misses = upper.clone().map(|phrase| format!("{phrase}!"));
        upper.chain(misses).collect()
    }

    #[divan::bench]
    fn by_name_every_row_and_miss(bencher: Bencher) {
        let names = every_name();
        bencher.counter(names.len()).bench_local(|| {
            for name in black_box(&names) {
                black_box(Entry::by_name(name));
            }
        });
    }

    /// The plain scan the index replaced, over the same input.
    #[divan::bench]
    fn by_name_scan_every_row_and_miss(bencher: Bencher) {
        let names = every_name();
        bencher.counter(names.len()).bench_local(|| {
            for name in black_box(&names) {
                black_box(CATALOGUE.iter().find(|entry| entry.name == name || entry.constant == name));
            }
        });
    }

    #[divan::bench]
    fn by_phrase_every_row_and_miss(bencher: Bencher) {
        let phrases = every_phrase();
        bencher.counter(phrases.len()).bench_local(|| {
            for phrase in black_box(&phrases) {
                black_box(Entry::by_phrase(phrase));
            }
        });
    }

    #[divan::bench]
    fn by_phrase_scan_every_row_and_miss(bencher: Bencher) {
        let phrases = every_phrase();
        bencher.counter(phrases.len()).bench_local(|| {
            for phrase in black_box(&phrases) {
                black_box(CATALOGUE.iter().find(|entry| entry.matches_phrase(phrase)));
            }
        });
    }

    #[divan::bench]
    fn by_code() -> Option<&'static Entry> {
        Entry::by_code(black_box(486))
    }
}

mod status_line {
    use super::*;

    #[divan::bench]
    fn sip_codes_parse(bencher: Bencher) {
        let lines = ["SIP/2.0 486 Busy Here", "SIP/2.0 180 Ringing", "SIP/2.0 603 Declined\r\n"];
        bencher.bench_local(|| {
            for line in black_box(lines) {
                black_box(StatusLine::parse(line).ok());
            }
        });
    }
}
