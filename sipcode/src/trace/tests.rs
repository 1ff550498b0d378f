//! The trace model on crafted captures: each call outcome, retransmissions,
//! a challenge and its retry, a cancel, no final response, unusual traffic,
//! and hostile text through every field into text, JSON and HTML.

use std::path::Path;

use serde_json::Value;

use crate::capture::write::{self, ALICE, BOB, Packet};
use crate::report::{CallReport, StatsReport};

/// A millisecond in the capture's microseconds.
const MS: u64 = 1000;
const T0: u64 = 1_700_000_000_000_000;

/// A request from Alice: `branch` names its transaction, `call` its Call-ID.
fn request(method: &str, branch: &str, call: &str, cseq: u32, extra: &str) -> Vec<u8> {
    format!(
        "{method} sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK{branch}\r\n\
         From: <sip:alice@example.com>;tag=a\r\nTo: <sip:bob@example.com>\r\nCall-ID: {call}\r\n\
         CSeq: {cseq} {method}\r\n{extra}Content-Length: 0\r\n\r\n"
    )
    .into_bytes()
}

/// A response from Bob to the request of `branch` and `method`.
fn response(status: &str, branch: &str, call: &str, cseq: u32, method: &str, extra: &str) -> Vec<u8> {
    format!(
        "SIP/2.0 {status}\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK{branch}\r\n\
         From: <sip:alice@example.com>;tag=a\r\nTo: <sip:bob@example.com>;tag=b\r\nCall-ID: {call}\r\n\
         CSeq: {cseq} {method}\r\n{extra}Content-Length: 0\r\n\r\n"
    )
    .into_bytes()
}

/// Frames at the given milliseconds, Alice's requests and Bob's responses over UDP.
fn capture(messages: Vec<(u64, Vec<u8>)>) -> Vec<u8> {
    let packets: Vec<Packet> = messages
        .into_iter()
        .map(|(ms, sip)| {
            let (src, dst) = if sip.starts_with(b"SIP/2.0") { (BOB, ALICE) } else { (ALICE, BOB) };
            Packet::new(write::udp4((src, 5060), (dst, 5060), &sip)).at(T0 + ms * MS)
        })
        .collect();
    write::pcap(1, &packets)
}

/// Every outcome once, with retransmissions and unusual responses: the
/// golden files' capture too (`tests/golden/trace.pcap`).
pub fn scenario() -> Vec<u8> {
    let q850 = |cause| format!("Reason: Q.850;cause={cause}\r\n");
    capture(vec![
        // a: answered, hung up.
        (0, request("INVITE", "a1", "a", 1, "")),
        (1, response("100 Trying", "a1", "a", 1, "INVITE", "")),
        (50, response("180 Ringing", "a1", "a", 1, "INVITE", "")),
        (900, response("200 OK", "a1", "a", 1, "INVITE", "")),
        (901, request("ACK", "a2", "a", 1, "")),
        (5_000, request("BYE", "a3", "a", 2, "")),
        (5_020, response("200 OK", "a3", "a", 2, "BYE", "")),
        // b: busy, the INVITE and the 486 each sent twice.
        (100, request("INVITE", "b1", "b", 1, "")),
        (600, request("INVITE", "b1", "b", 1, "")),
        (700, response("486 Busy Here", "b1", "b", 1, "INVITE", &q850(17))),
        (1_200, response("486 Busy Here", "b1", "b", 1, "INVITE", &q850(17))),
        (1_201, request("ACK", "b1", "b", 1, "")),
        // c: challenged, sent again with credentials, answered; no BYE seen.
        (200, request("INVITE", "c1", "c", 1, "")),
        (210, response("407 Proxy Authentication Required", "c1", "c", 1, "INVITE", "")),
        (211, request("ACK", "c1", "c", 1, "")),
        (220, request("INVITE", "c2", "c", 2, "Proxy-Authorization: Digest x\r\n")),
        (300, response("180 Ringing", "c2", "c", 2, "INVITE", "")),
        (400, response("200 OK", "c2", "c", 2, "INVITE", "")),
        // d: cancelled.
        (300, request("INVITE", "d1", "d", 1, "")),
        (350, response("180 Ringing", "d1", "d", 1, "INVITE", "")),
        (2_000, request("CANCEL", "d1", "d", 1, "")),
        (2_010, response("200 OK", "d1", "d", 1, "CANCEL", "")),
        (2_020, response("487 Request Terminated", "d1", "d", 1, "INVITE", "")),
        // e: refused with a phrase of the stack's own, then one with an unknown code.
        (400, request("INVITE", "e1", "e", 1, "")),
        (450, response("503 Overloaded, retry later", "e1", "e", 1, "INVITE", &q850(41))),
        (500, request("INVITE", "f1", "f", 1, "")),
        (550, response("499 Odd", "f1", "f", 1, "INVITE", "")),
        // g: a 7xx on the wire.
        (600, request("OPTIONS", "g1", "g", 1, "")),
        (650, response("701 Local", "g1", "g", 1, "OPTIONS", "")),
        // A catalogued code that tshark's table lacks (it counts it under 499).
        (660, request("OPTIONS", "g2", "g", 2, "")),
        (670, response("425 Bad Alert Message", "g2", "g", 2, "OPTIONS", "")),
        // h: registered after a 401.
        (700, request("REGISTER", "h1", "h", 1, "")),
        (710, response("401 Unauthorized", "h1", "h", 1, "REGISTER", "")),
        (720, request("REGISTER", "h2", "h", 2, "Authorization: Digest x\r\n")),
        (730, response("200 OK", "h2", "h", 2, "REGISTER", "")),
        // i: no final response ever; the capture goes on 40 s: timed out.
        (800, request("INVITE", "i1", "i", 1, "")),
        (801, response("100 Trying", "i1", "i", 1, "INVITE", "")),
        // j: no final response, and the capture ends 5 s later.
        (35_000, request("INVITE", "j1", "j", 1, "")),
        (40_000, request("OPTIONS", "k1", "k", 1, "")),
        (40_001, response("200 OK", "k1", "k", 1, "OPTIONS", "")),
    ])
}

/// `stats` over `capture` from stdin: the summary and each call.
fn stats(capture: &[u8]) -> (StatsReport, Vec<CallReport>) {
    let mut calls = Vec::new();
    let mut sink = |call: &CallReport| calls.push(call.clone());
    let mut trace = super::Trace::new(Some(&mut sink));
    let mut reader = crate::capture::Reader::new(crate::capture::Limits::default());
    super::Model::file(&mut trace, "-".into());
    reader.read(capture, &mut trace).unwrap();
    let stats = reader.finish(&mut trace);
    let report = trace.finish(&stats, Vec::new());
    (report, calls)
}

fn count<K: PartialEq>(counts: &[crate::report::Count<K>], key: K) -> u64 {
    counts.iter().find(|count| count.key == key).map_or(0, |count| count.count)
}

#[test]
fn every_call_outcome_is_recognised() {
    let (report, calls) = stats(&scenario());
    let outcome = |id: &str| {
        let call = calls.iter().find(|call| call.call_id == id).unwrap_or_else(|| panic!("call {id}"));
        (call.outcome.token, call.code)
    };
    assert_eq!(outcome("a"), ("answered", Some(200)));
    assert_eq!(outcome("b"), ("failed", Some(486)));
    assert_eq!(outcome("c"), ("answered", Some(200)));
    assert_eq!(outcome("d"), ("cancelled", Some(487)));
    assert_eq!(outcome("e"), ("failed", Some(503)));
    assert_eq!(outcome("f"), ("failed", Some(499)));
    assert_eq!(outcome("i"), ("timed_out", None));
    assert_eq!(outcome("j"), ("unobserved", None));
    assert_eq!(calls.len(), 8, "OPTIONS and REGISTER make no call");
    let c = calls.iter().find(|call| call.call_id == "c").unwrap();
    assert_eq!((c.invites, c.challenges), (2, 1));
    // SRD runs from the first INVITE, past the challenge, to the 180: 100 ms.
    assert_eq!(c.setup_ms, Some(100.0));
    let a = calls.iter().find(|call| call.call_id == "a").unwrap();
    assert_eq!((a.setup_ms, a.duration_ms), (Some(50.0), Some(4100.0)));
    assert_eq!(calls.iter().find(|call| call.call_id == "b").unwrap().causes, [17]);
    let summary = &report.calls;
    assert_eq!(
        (
            summary.total,
            summary.answered,
            summary.failed,
            summary.cancelled,
            summary.timed_out,
            summary.unobserved
        ),
        (8, 2, 3, 1, 1, 1)
    );
    assert_eq!(summary.challenged_and_retried, 1);
}

#[test]
fn retransmissions_are_counted_as_sent_and_once_per_transaction() {
    let (report, _) = stats(&scenario());
    let invite = report.methods.iter().find(|method| method.method == "INVITE").unwrap();
    // a b b c c d e f i j: ten sent, nine transactions (b's INVITE resent).
    assert_eq!((invite.messages, invite.transactions, invite.retransmissions), (10, 9, 1));
    let busy = invite.responses.iter().find(|response| response.code == 486).unwrap();
    assert_eq!((busy.messages, busy.transactions), (2, 1));
    // i and j never got a final response.
    assert_eq!(invite.without_final, 2);
    assert_eq!(count(&report.messages.by_method, "INVITE".to_owned()), 10);
    assert_eq!(count(&report.messages.by_code, 486), 2);
    assert_eq!(count(&report.messages.by_code, 200), 6);
    let ack = report.methods.iter().find(|method| method.method == "ACK").unwrap();
    assert_eq!(ack.without_final, 0, "ACK gets no response");
}

#[test]
fn failures_are_ranked_with_their_meaning_and_causes() {
    let (report, _) = stats(&scenario());
    let codes: Vec<u16> = report.failures.iter().map(|failure| failure.code).collect();
    // Calls first: 486, 487, 499, 503 each ended a call; 401, 407, 425, 701 none.
    assert_eq!(codes, [486, 487, 499, 503, 401, 407, 425, 701]);
    let busy = &report.failures[0];
    assert_eq!((busy.calls, busy.transactions, busy.phrase), (1, 1, Some("Busy Here")));
    assert_eq!((busy.causes[0].cause, busy.causes[0].count, busy.causes[0].text), (17, 1, Some("User busy")));
    assert!(busy.meaning.is_some() && busy.disposition.is_some());
    let unknown = report.failures.iter().find(|failure| failure.code == 499).unwrap();
    assert_eq!((unknown.phrase, unknown.understood_as), (None, Some(400)));
    // One response of each code to look up: the first that ended a
    // transaction with it (b's first 486 is frame 10, its resending not).
    let example = |code: u16| {
        let failure = report.failures.iter().find(|failure| failure.code == code).unwrap();
        let example = failure.example.clone().unwrap_or_else(|| panic!("{code} has an example"));
        (example.call_id.unwrap(), example.file, example.frame)
    };
    assert_eq!(example(486), ("b".to_owned(), "-".to_owned(), 10));
    assert_eq!(example(407), ("c".to_owned(), "-".to_owned(), 14));
    assert_eq!(example(401), ("h".to_owned(), "-".to_owned(), 33));
    assert!(report.failures.iter().all(|failure| failure.example.is_some()));
}

/// A Call-ID is kept to its first 256 characters in the failure's example too.
#[test]
fn a_failure_example_keeps_the_first_256_characters_of_the_call_id() {
    let long = "é".repeat(300);
    let (report, _) = stats(&capture(vec![
        (0, request("INVITE", "l1", &long, 1, "")),
        (1, response("480 Temporarily Unavailable", "l1", &long, 1, "INVITE", "")),
    ]));
    let example = report.failures[0].example.clone().unwrap();
    assert_eq!(example.call_id, Some("é".repeat(256)));
    assert_eq!((example.file.as_str(), example.frame), ("-", 2));
}

#[test]
fn unusual_traffic_is_counted() {
    let (report, _) = stats(&scenario());
    let unusual = &report.unusual;
    assert_eq!(unusual.other_phrases.len(), 1);
    assert_eq!(
        (unusual.other_phrases[0].code, unusual.other_phrases[0].phrase.as_str()),
        (503, "Overloaded, retry later")
    );
    assert_eq!(unusual.unknown_codes.len(), 1);
    assert_eq!((unusual.unknown_codes[0].code, unusual.unknown_codes[0].understood_as), (499, 400));
    assert_eq!(unusual.out_of_range.len(), 1);
    assert_eq!(unusual.out_of_range[0].key, 701);
    assert_eq!(unusual.stray_responses, 0);
}

#[test]
fn the_metrics_fold_a_challenge_into_one_attempt() {
    let (report, _) = stats(&scenario());
    let metrics = &report.metrics;
    // Attempts that ended: a b c d e f i (j unobserved); established a, c.
    let ser = metrics.ser.unwrap();
    assert_eq!((ser.numerator, ser.denominator), (2, 7));
    // ISA: 503 and the timeout.
    let isa = metrics.isa.unwrap();
    assert_eq!((isa.numerator, isa.denominator), (2, 7));
    assert_eq!(metrics.unobserved_sessions, 1);
    // One REGISTER attempt across its 401, successful: IRA 0/1, RRD 30 ms.
    let ira = metrics.ira.unwrap();
    assert_eq!((ira.numerator, ira.denominator), (0, 1));
    assert_eq!(metrics.rrd.mean_ms, Some(30.0));
    assert_eq!(metrics.sdd_answered.mean_ms, Some(20.0));
}

#[test]
fn memory_follows_open_calls_not_the_file() {
    // 2,000 calls a second apart, each answered and hung up: the model folds
    // each call and transaction 32 s after its last message, so about 33
    // calls and 66 transactions are open at once, however long the file.
    let mut messages = Vec::new();
    for i in 0..2_000u64 {
        let (id, at) = (format!("m{i}"), i * 1000);
        messages.push((at, request("INVITE", &format!("{i}x"), &id, 1, "")));
        messages.push((at + 10, response("200 OK", &format!("{i}x"), &id, 1, "INVITE", "")));
        messages.push((at + 20, request("BYE", &format!("{i}y"), &id, 2, "")));
        messages.push((at + 30, response("200 OK", &format!("{i}y"), &id, 2, "BYE", "")));
    }
    let capture = capture(messages);
    let mut trace = super::Trace::new(None);
    let mut reader = crate::capture::Reader::new(crate::capture::Limits::default());
    use super::Model;
    trace.file("-".into());
    let mut most = 0;
    struct Watch<'a, 's>(&'a mut super::Trace<'s>, &'a mut usize);
    impl crate::capture::Handler for Watch<'_, '_> {
        fn message(&mut self, message: &crate::capture::SipMessage<'_>) {
            crate::capture::Handler::message(self.0, message);
            *self.1 = (*self.1).max(self.0.calls.len() + self.0.transactions.len());
        }
    }
    reader.read(&capture[..], &mut Watch(&mut trace, &mut most)).unwrap();
    let stats = reader.finish(&mut trace);
    assert!(most < 120, "{most} open at once");
    let report = trace.finish(&stats, Vec::new());
    assert_eq!((report.calls.total, report.calls.answered), (2_000, 2_000));
    assert_eq!(report.metrics.scr.unwrap().numerator, 2_000);
}

/// Simple packet blocks (pcapng) carry no time: one with no packet before
/// it in its file has no known time, which neither starts the trace nor
/// makes a delay; one after a timed packet has that packet's time.
#[test]
fn a_message_without_a_time_starts_no_trace_and_makes_no_delay() {
    let udp = |sip: &[u8]| {
        let (src, dst) = if sip.starts_with(b"SIP/2.0") { (BOB, ALICE) } else { (ALICE, BOB) };
        write::udp4((src, 5060), (dst, 5060), sip)
    };
    let mut file = write::pcapng(&[1], &[]);
    write::simple_packet(&mut file, &udp(&request("INVITE", "s1", "s", 1, "")));
    let timed = |ms: u64, sip: Vec<u8>| (0, Packet::new(udp(&sip)).at(T0 + ms * MS));
    let rest = write::pcapng(
        &[],
        &[
            timed(10, response("180 Ringing", "s1", "s", 1, "INVITE", "")),
            timed(20, response("200 OK", "s1", "s", 1, "INVITE", "")),
        ],
    );
    // The second file's blocks, after its section and interface headers
    // (the interface is the first file's: one section, one interface).
    file.extend_from_slice(&rest[28..]);
    write::simple_packet(&mut file, &udp(&request("BYE", "s2", "s", 2, "")));
    write::simple_packet(&mut file, &udp(&response("200 OK", "s2", "s", 2, "BYE", "")));
    let (report, calls) = stats(&file);
    assert_eq!(report.capture.first.as_deref(), Some("1700000000.010000000"));
    assert_eq!(report.capture.last.as_deref(), Some("1700000000.020000000"));
    assert_eq!(calls.len(), 1);
    let call = &calls[0];
    assert_eq!((call.outcome.token, call.code), ("answered", Some(200)));
    // No setup delay from an unknown time; the BYE took the 200's time.
    assert_eq!((call.setup_ms, call.duration_ms), (None, Some(0.0)));
    assert_eq!(report.metrics.srd_answered.mean_ms, None);
}

/// Hostile text in every field a capture gives: method, phrase, Call-ID,
/// Reason, and the file name.
#[test]
fn hostile_text_reaches_no_terminal_or_page_raw() {
    let evil = "<script>alert(1)</script>\x1b[2J\x1b]0;x\x07";
    let capture = capture(vec![
        (0, request("INVITE", "h1", evil, 1, &format!("X-Evil: {evil}\r\n"))),
        (
            1,
            response(
                "486 <script>alert(1)</script>",
                "h1",
                evil,
                1,
                "INVITE",
                "Reason: Q.850;cause=17;text=\"<b>\"\r\n",
            ),
        ),
        (2, request("<script>", "h2", evil, 2, "")),
        (3, response("200 <img src=x onerror=alert(1)>", "h2", evil, 2, "<script>", "")),
    ]);
    let dir = std::env::temp_dir().join(format!("sipcode-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("<script>\x1b[31m.pcap");
    std::fs::write(&file, &capture).unwrap();
    let path = file.to_str().unwrap();
    let html = dir.join("report.html");
    let run = |args: &[&str]| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = std::iter::once("sipcode").chain(args.iter().copied());
        let exit = crate::run(args, &mut &b""[..], &mut out, &mut err, false, false);
        (exit, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
    };
    let html_path = html.to_str().unwrap();
    for args in [
        &["stats", path][..],
        &["stats", path, "--html", html_path],
        &["stats", "--json-lines", path],
        &["check", path],
        &["check", "--json-lines", path],
        &["stats", path, "--json"],
        &["check", path, "--json"],
    ] {
        let (exit, out, err) = run(args);
        assert_eq!(exit, 0, "{args:?}: {err}");
        for text in [&out, &err] {
            assert!(!text.contains(['\x1b', '\x07']), "{args:?} wrote a control character: {text}");
        }
        if args.contains(&"--json") || args.contains(&"--json-lines") {
            // JSON carries the text as sent, escaped by JSON's own rules.
            for line in out.lines().filter(|_| args.contains(&"--json-lines")) {
                serde_json::from_str::<Value>(line).unwrap();
            }
            assert!(out.contains("<script>"), "{args:?}: {out}");
            // The Call-ID and the file name, which every output names (the
            // summary of `stats` in its failures' examples).
            assert!(out.contains("\\u001b"), "{args:?}: {out}");
        }
    }
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("<b>"), "{page}");
    assert!(page.contains("&lt;script&gt;") && page.contains("&lt;img src=x"));
    // The failure's example names the file and Call-ID: escaped, their
    // control characters made visible.
    assert!(
        page.contains(
            "&lt;script&gt;\\x1b[31m.pcap frame 2, Call-ID &lt;script&gt;alert(1)&lt;/script&gt;\\x1b[2J"
        ),
        "{page}"
    );
    assert!(!page.contains(['\x1b', '\x07']), "{page}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The golden files' capture is the scenario: `BLESS=1` rewrites it.
#[test]
fn the_golden_capture_is_the_scenario() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/trace.pcap");
    let scenario = scenario();
    if std::fs::read(&path).ok().as_deref() != Some(&scenario[..]) {
        assert!(
            std::env::var_os("BLESS").is_some(),
            "tests/golden/trace.pcap is stale: run `BLESS=1 cargo test -p sipcode golden_capture`"
        );
        std::fs::write(&path, &scenario).unwrap();
    }
}

/// What the pipeline reports equals what one thread does, with every
/// batch boundary and worker count the test's sizes reach: the scenario,
/// then 1,500 more calls with retransmissions and failures, as one trace.
#[test]
fn the_pipeline_reports_what_one_thread_does() {
    let mut messages = Vec::new();
    for i in 0..1_500u64 {
        let (id, at) = (format!("p{i}"), 60_000 + i * 7);
        let branch = format!("p{i}");
        messages.push((at, request("INVITE", &branch, &id, 1, "")));
        if i % 3 == 0 {
            messages.push((at + 1, request("INVITE", &branch, &id, 1, "")));
        }
        let (status, extra) = match i % 4 {
            0 => ("486 Busy Here", "Reason: Q.850;cause=17\r\n"),
            1 => ("503 Overloaded, retry later", ""),
            _ => ("200 OK", ""),
        };
        messages.push((at + 2, response(status, &branch, &id, 1, "INVITE", extra)));
        messages.push((at + 3, request("ACK", &branch, &id, 1, "")));
    }
    let files = [scenario(), capture(messages)];
    let read = |model: &mut dyn FnMut(&mut crate::capture::Reader, &[u8])| {
        let mut reader = crate::capture::Reader::new(crate::capture::Limits::default());
        for file in &files {
            model(&mut reader, file);
        }
        reader
    };
    let json = |report: &StatsReport| serde_json::to_string(report).unwrap();

    let mut trace = super::Trace::new(None);
    let reader = read(&mut |reader, file| {
        super::Model::file(&mut trace, "f".into());
        reader.read(file, &mut trace).unwrap();
    });
    let stats = reader.finish(&mut trace);
    let one = json(&trace.finish(&stats, Vec::new()));
    assert!(one.contains("\"total\":1508"), "every call read: {one}");

    for workers in [1, 2, 3] {
        let mut trace = super::Trace::new(None);
        let stats = std::thread::scope(|scope| {
            let mut pipeline = super::Pipeline::start(scope, &mut trace, workers);
            let reader = read(&mut |reader, file| {
                super::Model::file(&mut pipeline, "f".into());
                reader.read(file, &mut pipeline).unwrap();
            });
            let stats = reader.finish(&mut pipeline);
            pipeline.flush();
            stats
        });
        assert_eq!(json(&trace.finish(&stats, Vec::new())), one, "{workers} workers");
    }

    // Shorter than a batch: observed on this thread, no worker started.
    let alone = |pipeline: bool| {
        let mut trace = super::Trace::new(None);
        let mut reader = crate::capture::Reader::new(crate::capture::Limits::default());
        let stats = if pipeline {
            std::thread::scope(|scope| {
                let mut pipeline = super::Pipeline::start(scope, &mut trace, 2);
                reader.read(&files[0][..], &mut pipeline).unwrap();
                let stats = reader.finish(&mut pipeline);
                pipeline.flush();
                stats
            })
        } else {
            reader.read(&files[0][..], &mut trace).unwrap();
            reader.finish(&mut trace)
        };
        json(&trace.finish(&stats, Vec::new()))
    };
    assert_eq!(alone(true), alone(false));
}

/// 700 then 800 complete calls (answered, busy with a cause, refused with a
/// phrase of the stack's own), as two captures one after the other; `extra`
/// messages at the end of the first.
fn two_halves(extra: Vec<(u64, Vec<u8>)>) -> [Vec<u8>; 2] {
    let calls = |range: std::ops::Range<u64>, extra: Vec<(u64, Vec<u8>)>| {
        let mut messages = Vec::new();
        for i in range {
            let (id, at) = (format!("h{i}"), i * 25);
            let branch = format!("h{i}");
            messages.push((at, request("INVITE", &branch, &id, 1, "")));
            let (status, extra) = match i % 5 {
                0 => ("486 Busy Here", "Reason: Q.850;cause=17\r\n"),
                1 => ("503 Overloaded, retry later", ""),
                _ => ("200 OK", ""),
            };
            messages.push((at + 2, response(status, &branch, &id, 1, "INVITE", extra)));
            messages.push((at + 3, request("ACK", &branch, &id, 1, "")));
            if i % 5 > 1 {
                messages.push((at + 7, request("BYE", &format!("{branch}b"), &id, 2, "")));
                messages.push((at + 9, response("200 OK", &format!("{branch}b"), &id, 2, "BYE", "")));
            }
        }
        messages.extend(extra);
        capture(messages)
    };
    [calls(0..700, extra), calls(700..1_500, Vec::new())]
}

/// The summary of `sipcode stats --json` for these files, as one trace.
fn summary_json(files: &[(&str, &[u8])]) -> String {
    let mut trace = super::Trace::new(None);
    let mut reader = crate::capture::Reader::new(crate::capture::Limits::default());
    for (name, bytes) in files {
        super::Model::file(&mut trace, (*name).to_owned());
        reader.read(*bytes, &mut trace).unwrap();
    }
    let stats = reader.finish(&mut trace);
    let report = trace.finish(&stats, Vec::new());
    serde_json::to_string(&crate::report::Report::Stats(Box::new(report))).unwrap()
}

fn merged(summaries: &[&str]) -> String {
    let read = summaries.iter().map(|text| serde_json::from_str::<super::Summary>(text).unwrap());
    serde_json::to_string(&crate::report::Report::Stats(Box::new(super::merge(read)))).unwrap()
}

/// Summaries of captures that share no call add up to the summary of the
/// captures read as one trace, to the byte; one summary merged is itself.
#[test]
fn summaries_of_files_merge_into_the_summary_of_the_trace() {
    let [first, second] = two_halves(Vec::new());
    let one = summary_json(&[("a.pcap", &first)]);
    let two = summary_json(&[("b.pcap", &second)]);
    let both = summary_json(&[("a.pcap", &first), ("b.pcap", &second)]);
    assert!(both.contains("\"total\":1500"), "{both}");
    assert_eq!(merged(&[&both]), both, "one summary merged is itself");
    assert_eq!(merged(&[&one, &two]), both);
    // The scenario's own summary (every outcome, unusual codes and phrases,
    // delays with means to the microsecond) merged alone is itself too.
    let scenario = summary_json(&[("trace.pcap", &scenario())]);
    assert_eq!(merged(&[&scenario]), scenario);
}

/// What a merge cannot know, it does not make up: an unanswered INVITE in
/// the first file (17.5 s long) is unobserved there, though the second file
/// goes on past 32 s after it, long enough for one run to call it timed out.
#[test]
fn a_merge_keeps_what_each_file_could_tell() {
    let [first, second] = two_halves(vec![(1, request("INVITE", "open", "open", 1, ""))]);
    let merged = merged(&[&summary_json(&[("a", &first)]), &summary_json(&[("b", &second)])]);
    let both = summary_json(&[("a", &first), ("b", &second)]);
    let value = |text: &str| serde_json::from_str::<Value>(text).unwrap();
    assert_eq!(value(&merged)["calls"]["unobserved"], 1);
    assert_eq!(value(&both)["calls"]["timed_out"], 1);
    assert_eq!(value(&merged)["calls"]["total"], value(&both)["calls"]["total"]);
}

/// `check` over these files as one trace, on `workers` threads (none: on
/// this one): its report and its findings as streamed, as JSON.
fn check_run(files: &[Vec<u8>], workers: usize) -> (String, Vec<String>) {
    let mut findings = Vec::new();
    let mut sink =
        |finding: &crate::report::CheckFinding| findings.push(serde_json::to_string(finding).unwrap());
    let mut checker = super::Checker::new(Some(&mut sink));
    let mut reader = crate::capture::Reader::new(crate::capture::Limits::default());
    let stats = if workers == 0 {
        for (i, file) in files.iter().enumerate() {
            super::Model::file(&mut checker, format!("f{i}"));
            reader.read(&file[..], &mut checker).unwrap();
        }
        reader.finish(&mut checker)
    } else {
        std::thread::scope(|scope| {
            let mut pipeline = super::Pipeline::start(scope, &mut checker, workers);
            for (i, file) in files.iter().enumerate() {
                super::Model::file(&mut pipeline, format!("f{i}"));
                reader.read(&file[..], &mut pipeline).unwrap();
            }
            let stats = reader.finish(&mut pipeline);
            pipeline.flush();
            stats
        })
    };
    let report = checker.finish(super::capture_summary(&stats, Vec::new()));
    (serde_json::to_string(&report).unwrap(), findings)
}

/// The check on several threads reports, and streams, what it does on one:
/// the scenario and 1,500 calls whose 200s lack Allow and Supported.
#[test]
fn the_check_on_the_pipeline_judges_what_one_thread_does() {
    let [first, second] = two_halves(Vec::new());
    let files = [scenario(), first, second];
    let (one, streamed) = check_run(&files, 0);
    assert!(streamed.len() > 1_000, "{} findings", streamed.len());
    for workers in [1, 2, 3] {
        let (many, many_streamed) = check_run(&files, workers);
        assert_eq!(many, one, "{workers} workers");
        assert_eq!(many_streamed, streamed, "{workers} workers");
    }
}
