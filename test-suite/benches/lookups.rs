//! The cost of `Entry::by_name` and `Entry::by_phrase` for every spelling in
//! the catalogue and for a miss beside each, to find the slowest:
//! `cargo bench --bench lookups`.
//!
//! divan times a handful of chosen inputs (`benches/runtime.rs`); this walks
//! all of them. Each figure is the median of 15 timings of 20,000 lookups of
//! one input, so a busy machine shows as spread, not as a slow row. The plain
//! scan the indexes replaced is timed on the same inputs, for the ratio.

use std::hint::black_box;
use std::time::Instant;

use sip_codes::{CATALOGUE, Entry};

const REPEATS: usize = 15;
const LOOKUPS: u32 = 20_000;

/// Nanoseconds per call of `lookup(text)`: the median of `REPEATS` timings.
fn time(text: &str, lookup: fn(&str) -> Option<&'static Entry>) -> f64 {
    let mut timings: Vec<f64> = (0..REPEATS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..LOOKUPS {
                black_box(lookup(black_box(text)));
            }
            start.elapsed().as_secs_f64() * 1e9 / f64::from(LOOKUPS)
        })
        .collect();
    timings.sort_by(f64::total_cmp);
    timings[REPEATS / 2]
}

fn scan_by_name(name: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|entry| entry.name == name || entry.constant == name)
}

fn scan_by_phrase(phrase: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|entry| entry.matches_phrase(phrase))
}

/// Times every input with both lookups and prints the slowest and the mean.
fn report(
    what: &str,
    inputs: &[String],
    fast: fn(&str) -> Option<&'static Entry>,
    scan: fn(&str) -> Option<&'static Entry>,
) {
    let mut rows: Vec<(f64, f64, &str)> =
        inputs.iter().map(|input| (time(input, fast), time(input, scan), input.as_str())).collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mean = |pick: fn(&(f64, f64, &str)) -> f64| rows.iter().map(pick).sum::<f64>() / rows.len() as f64;
    let (fast_mean, scan_mean) = (mean(|row| row.0), mean(|row| row.1));
    println!("{what}: {} inputs", rows.len());
    println!("  mean      {fast_mean:6.1} ns   scan {scan_mean:6.1} ns   ratio {:.2}", fast_mean / scan_mean);
    for (fast, scan, input) in rows.iter().take(3) {
        println!("  slowest   {fast:6.1} ns   scan {scan:6.1} ns   {input:?}");
    }
}

fn main() {
    // Both names of every row, and a miss beside each: one letter more.
    let names: Vec<String> =
        CATALOGUE.iter().flat_map(|entry| [entry.name, entry.constant]).map(str::to_owned).collect();
    let name_misses: Vec<String> = names.iter().map(|name| format!("{name}s")).collect();
    // Every phrase and alias as an operator might type it, and a miss beside each.
    let phrases: Vec<String> = CATALOGUE
        .iter()
        .flat_map(|entry| std::iter::once(entry.phrase).chain(entry.aliases.iter().copied()))
        .map(str::to_ascii_uppercase)
        .collect();
    let phrase_misses: Vec<String> = phrases.iter().map(|phrase| format!("{phrase}!")).collect();

    println!("medians of {REPEATS} timings of {LOOKUPS} lookups per input");
    report("by_name, every name", &names, Entry::by_name, scan_by_name);
    report("by_name, a miss beside every name", &name_misses, Entry::by_name, scan_by_name);
    report("by_phrase, every phrase and alias", &phrases, Entry::by_phrase, scan_by_phrase);
    report("by_phrase, a miss beside every phrase", &phrase_misses, Entry::by_phrase, scan_by_phrase);
}
