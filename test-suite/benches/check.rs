//! What checking a response costs beside parsing it, in one run so that the ratios hold on a
//! noisy machine: `cargo bench -p sip-codes-test-suite --bench check`.
//!
//! The input is a typical response: RFC 3665 §3.1 F3, a 200 OK to INVITE with its SDP (ten
//! header fields), and the 486 of §3.9 F6 with a Q.850 Reason added. Three costs each:
//! - `parse_rsip`: rsip's parse of the whole message, what a stack on rsip pays per response;
//! - `split`: our status line and a split of the header fields into `(name, value)` pairs, the
//!   input the check reads;
//! - `check`: the conformance check on those pairs (every rule of the code, Reason parsed).

use std::hint::black_box;

use divan::Bencher;
use sip_codes::StatusLine;
use sip_codes::check::{Response, check};

fn main() {
    divan::main();
}

/// The two responses, with CRLF line ends.
fn responses() -> [String; 2] {
    let messages = sip_codes_testdata::messages("rfc3665-messages.txt");
    let find = |prefix: &str| messages.iter().find(|m| m.source.starts_with(prefix)).unwrap().text.clone();
    let ok = find("RFC 3665 §3.1 F3");
    // The RFC prints its 486s with two spaces after the version, which the grammar does not allow.
    let busy = find("RFC 3665 §3.9 F6").replacen("SIP/2.0  486", "SIP/2.0 486", 1);
    let busy = busy.replacen("\r\n\r\n", "\r\nReason: Q.850;cause=17;text=\"User busy\"\r\n\r\n", 1);
    // The RFC folds long Via lines, which rsip does not read: unfold them (RFC 3261 §7.3.1) so
    // that every parser gets the same message.
    [ok, busy].map(|text| text.replace("\r\n ", " "))
}

/// The status line and the header fields of `text`, unfolded lines left as they are (none here).
fn split(text: &str) -> (StatusLine<'_>, Vec<(&str, &str)>) {
    let head = text.split("\r\n\r\n").next().unwrap_or(text);
    let mut lines = head.split("\r\n");
    let line = StatusLine::parse(lines.next().unwrap_or("")).unwrap();
    let fields = lines.filter_map(|line| line.split_once(':')).map(|(n, v)| (n.trim(), v.trim())).collect();
    (line, fields)
}

#[divan::bench(args = [0, 1])]
fn parse_rsip(bencher: Bencher, which: usize) {
    let text = responses()[which].clone();
    bencher.bench(|| rsip::SipMessage::try_from(black_box(text.as_str())).unwrap());
}

#[divan::bench(args = [0, 1])]
fn split_fields(bencher: Bencher, which: usize) {
    let text = responses()[which].clone();
    bencher.bench(|| split(black_box(&text)).1.len());
}

#[divan::bench(args = [0, 1])]
fn check_fields(bencher: Bencher, which: usize) {
    let text = responses()[which].clone();
    let (line, fields) = split(&text);
    bencher.bench(|| check(&Response::new(line.code(), black_box(&fields)).reason(line.reason())).count());
}
