//! The report of `sipcode stats --html` in Chromium, opened from `file://` beside the reference
//! page: it loads with no console error, no CSP violation and no request; its charts have one
//! bar per outcome and per failure code of the capture; its failures table lists those codes;
//! a code's link opens the reference page at that code's row. A capture whose reason phrase and
//! Call-ID carry `<script>` and `<img onerror>` shows them as text: no element is added and no
//! script runs. Screenshots go to `target/tmp/sipcode-stats/`.

use std::time::Instant;

use etherparse::PacketBuilder;
use serde_json::{Value, json};

use super::{reference_page, sipcode, tmp_dir};
use crate::driver::{self, Browser};

/// The crafted capture the golden files describe.
const TRACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/trace.pcap");

/// Markup that would run a script, set `window.pwned`, if it reached the page as markup.
const PAYLOAD: &str = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

/// The bars of each chart: (label, count, width of the bar), from the page.
const BARS: &str = "return Array.from(document.querySelectorAll('#chart svg')).map(svg => [svg.getAttribute('aria-label'),\
                    Array.from(svg.querySelectorAll('rect')).map(rect => [rect.previousElementSibling.textContent,\
                    Number(rect.nextElementSibling.textContent), rect.width.baseVal.value])]);";

#[test]
fn the_stats_report_charts_and_links_in_chromium() {
    let Some(chromium) = driver::installed("the report of `sipcode stats --html`") else { return };
    let started = Instant::now();
    let dir = tmp_dir("sipcode-stats");
    let reference = reference_page(&dir);
    let report = dir.join("report.html");
    sipcode(&["stats", TRACE, "--html", &report.to_string_lossy()]);
    let summary: Value = serde_json::from_slice(&sipcode(&["stats", "--json", TRACE])).expect("JSON");
    let url = format!("file://{}", report.display());

    let browser = Browser::start();
    browser.watch_csp();
    browser.post("url", json!({ "url": url }));

    // How the calls ended: one bar per outcome that occurred, as the text summary counts them.
    let charts = browser.script(BARS);
    let outcomes = [
        ("answered", 2),
        ("failed", 3),
        ("cancelled (487 after CANCEL)", 1),
        ("no final response, timed out", 1),
        ("no final response before the capture ended", 1),
    ];
    assert_eq!(charts.as_array().map(Vec::len), Some(2), "two charts: {charts}");
    assert_eq!(charts[0][0], "How the calls ended");
    let bars: Vec<(String, u64, f64)> = serde_json::from_value(charts[0][1].clone()).expect("bars");
    let found: Vec<(&str, u64)> = bars.iter().map(|(label, count, _)| (label.as_str(), *count)).collect();
    assert_eq!(found, outcomes, "one bar per outcome seen");
    assert_eq!(outcomes.iter().map(|(_, count)| count).sum::<u64>(), summary["calls"]["total"]);
    // Bars are as long as their counts: the 3 failed calls' bar is the longest, 3 times a 1's.
    assert!(
        (bars[1].2 - 3.0 * bars[2].2).abs() < 0.2 && bars.iter().all(|bar| bar.2 <= bars[1].2),
        "{bars:?}"
    );

    // Failures by code: one bar, one row of the table and one link per code, ranked as in
    // `stats --json`.
    let codes: Vec<String> = summary["failures"]
        .as_array()
        .expect("failures")
        .iter()
        .map(|failure| failure["code"].to_string())
        .collect();
    assert_eq!(codes, ["486", "487", "499", "503", "401", "407", "425", "701"]);
    assert_eq!(charts[1][0], "Failure responses by code (transactions)");
    let bars: Vec<(String, u64, f64)> = serde_json::from_value(charts[1][1].clone()).expect("bars");
    let labelled: Vec<&str> = bars.iter().map(|(label, ..)| &label[..3]).collect();
    assert_eq!(labelled, codes, "one bar per failure code");
    assert!(bars.iter().all(|(_, count, width)| *count == 1 && *width > 0.0), "{bars:?}");
    let links = "return Array.from(document.querySelectorAll(arguments[0])).map(a => a.getAttribute('href'))";
    // 499 has no row in the reference: it links to 400, the code a UAC treats it as.
    let row = |code: &String| if code == "499" { "400".to_owned() } else { code.clone() };
    let to_reference: Vec<String> =
        codes.iter().map(|code| format!("sip-codes.html#{}", row(code))).collect();
    for links_of in ["#chart svg:last-of-type a", "#failures tbody th a"] {
        let found = browser.post("execute/sync", json!({ "script": links, "args": [links_of] }));
        assert_eq!(found, json!(to_reference), "the links of {links_of}");
    }
    let rows = browser.script(
        "return Array.from(document.querySelectorAll('#failures tbody tr')).map(r => r.cells[0].textContent)",
    );
    assert_eq!(rows[0], "486 Busy Here");
    assert_eq!(rows.as_array().map(Vec::len), Some(codes.len()));

    browser.screenshot(&dir.join("sipcode-stats.png"));
    assert_clean(&browser, "the report");

    // A code's link opens the reference page at that code's row.
    browser.post(
        &format!("element/{}/click", browser.element("#failures a[href='sip-codes.html#486']")),
        json!({}),
    );
    assert_eq!(browser.command("GET", "url", None), format!("file://{}#486", reference.display()));
    let target = browser.script("return document.querySelector(':target')?.id ?? null");
    assert_eq!(target, "486", "the row of 486 is the target");
    assert_clean(&browser, "the reference page, opened from the report");

    // A hostile capture: its phrase and Call-ID reach the page as text.
    let hostile = dir.join("hostile.pcap");
    std::fs::write(&hostile, hostile_capture()).expect("the capture can be written");
    let report = dir.join("hostile.html");
    sipcode(&["stats", &hostile.to_string_lossy(), "--html", &report.to_string_lossy()]);
    browser.post("url", json!({ "url": format!("file://{}", report.display()) }));
    let page = browser.script(
        "return [typeof window.pwned, document.querySelectorAll('script, img, [onerror]').length,\
                 Array.from(document.querySelectorAll('#unusual q')).map(q => q.textContent)]",
    );
    assert_eq!(page, json!(["undefined", 0, [PAYLOAD]]), "the phrase is text, and no script ran");
    browser.screenshot(&dir.join("sipcode-stats-hostile.png"));
    assert_clean(&browser, "the report of a hostile capture");

    // The watch sees violations: the payload, added as markup by the test, is refused by the CSP.
    browser
        .script(&format!("document.body.insertAdjacentHTML('beforeend', {}); return null", json!(PAYLOAD)));
    let deadline = Instant::now() + std::time::Duration::from_secs(5);
    while browser.csp_violations().is_empty() && Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let violations = browser.csp_violations();
    assert!(violations.iter().any(|v| v.starts_with("script-src")), "{violations:?}");
    assert_eq!(browser.script("return typeof window.pwned"), "undefined");

    println!(
        "{} with {}: the report worked in {:.1} s; screenshots in {}",
        chromium.0,
        chromium.1,
        started.elapsed().as_secs_f64(),
        dir.display()
    );
}

/// Asserts that the page shown logged no error, broke no CSP rule and requested nothing.
fn assert_clean(browser: &Browser, page: &str) {
    assert_eq!(browser.console_errors(), Vec::<String>::new(), "{page} logged errors");
    assert_eq!(browser.csp_violations(), Vec::<String>::new(), "{page} broke its CSP");
    assert_eq!(
        browser.script("return performance.getEntriesByType('resource').length"),
        0,
        "{page} made requests"
    );
}

/// A classic pcap of one INVITE and a 486 whose reason phrase, and Call-ID, are [`PAYLOAD`].
fn hostile_capture() -> Vec<u8> {
    let invite = format!(
        "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r\n\
         From: <sip:alice@example.com>;tag=a\r\nTo: <sip:bob@example.com>\r\nCall-ID: {PAYLOAD}\r\n\
         CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"
    );
    let busy = format!(
        "SIP/2.0 486 {PAYLOAD}\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r\n\
         From: <sip:alice@example.com>;tag=a\r\nTo: <sip:bob@example.com>;tag=b\r\nCall-ID: {PAYLOAD}\r\n\
         CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"
    );
    // Header: magic, version 2.4, zone, accuracy, snap length, Ethernet.
    let mut pcap = Vec::new();
    for field in [0xa1b2_c3d4u32, 0x0004_0002, 0, 0, 65535, 1] {
        pcap.extend_from_slice(&field.to_le_bytes());
    }
    for (i, (from, to, sip)) in
        [([192, 0, 2, 1], [192, 0, 2, 2], invite), ([192, 0, 2, 2], [192, 0, 2, 1], busy)]
            .into_iter()
            .enumerate()
    {
        let builder = PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2])
            .ipv4(from, to, 64)
            .udp(5060, 5060);
        let mut frame = Vec::new();
        builder.write(&mut frame, sip.as_bytes()).expect("a frame");
        for field in [1_700_000_000, i as u32 * 1000, frame.len() as u32, frame.len() as u32] {
            pcap.extend_from_slice(&field.to_le_bytes());
        }
        pcap.extend_from_slice(&frame);
    }
    pcap
}

#[test]
fn the_hostile_capture_is_read() {
    let dir = tmp_dir("sipcode-stats-capture");
    let path = dir.join("hostile.pcap");
    std::fs::write(&path, hostile_capture()).expect("the capture can be written");
    let summary: Value =
        serde_json::from_slice(&sipcode(&["stats", "--json", &path.to_string_lossy()])).expect("JSON");
    assert_eq!(summary["calls"]["failed"], 1, "{summary}");
    assert_eq!(summary["unusual"]["other_phrases"][0]["phrase"], PAYLOAD, "{summary}");
}
