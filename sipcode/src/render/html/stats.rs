//! `sipcode stats --html FILE`: the summary of a trace as one self-contained
//! page, with the same head, style sheet and CSP as the reference. Every
//! value from the capture (methods, phrases, file names, times) goes in
//! through [`Html::text`] or [`Html::attr`]; the chart is inline SVG whose
//! only run-time parts are numbers and escaped text.
//!
//! Each code links to its row in the reference page, `sip-codes.html#486`,
//! by a relative link: `sipcode html > sip-codes.html` beside the report
//! makes the links work from `file://` with no network.

use super::markup::Html;
use super::{head, style};
use crate::render::words;
use crate::report::{FailureReport, StatsReport};

/// Where the reference page is expected, relative to the report.
pub const REFERENCE: &str = "sip-codes.html";

/// Colours of the chart's bars: green for answered, red for failed, grey else.
const GREEN: &str = "#2e7d32";
const RED: &str = "#c62828";
const GREY: &str = "#757575";

/// The page.
pub fn stats(stats: &StatsReport) -> String {
    let mut html = Html::with_capacity(32 * 1024);
    head(&mut html);
    html.raw("SIP trace summary");
    style(&mut html);
    let capture = &stats.capture;
    html.raw("<header>\n<h1>SIP trace summary</h1>\n<p>").text(format_args!(
        "{} files, {} frames, {} SIP messages, {} frames skipped",
        capture.files, capture.frames, capture.sip_messages, capture.skipped_frames
    ));
    if let (Some(first), Some(last)) = (&capture.first, &capture.last) {
        html.text(format_args!("; captured from {first} to {last}"));
    }
    html.raw(". Codes link to the reference page <a")
        .attr("href", REFERENCE)
        .raw(">")
        .text(REFERENCE)
        .raw("</a> (<code>sipcode html &gt; sip-codes.html</code> beside this file).</p>\n")
        .raw("</header>\n<main>\n");
    chart(&mut html, stats);
    failures(&mut html, &stats.failures);
    methods(&mut html, stats);
    metrics(&mut html, stats);
    unusual(&mut html, stats);
    html.raw("</main>\n</body>\n</html>\n");
    html.finish()
}

/// One horizontal bar chart: a label, a bar and a count per row.
fn bars(html: &mut Html, title: &str, rows: &[(String, Option<u16>, u64, &'static str)]) {
    const ROW: usize = 22;
    const LABEL: f64 = 300.0;
    const WIDTH: f64 = 360.0;
    let max = rows.iter().map(|row| row.2).max().unwrap_or(0).max(1);
    let height = rows.len() * ROW + 4;
    html.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .attr("viewBox", format_args!("0 0 720 {height}"))
        .attr("width", 720)
        .attr("height", height)
        .attr("aria-label", title)
        .raw(">\n");
    for (i, (label, code, count, colour)) in rows.iter().enumerate() {
        let y = i * ROW;
        let width = *count as f64 * WIDTH / max as f64;
        if let Some(code) = code {
            html.raw("<a").attr("href", format_args!("{REFERENCE}#{code}")).raw(">");
        }
        html.raw("<text")
            .attr("x", 0)
            .attr("y", y + 15)
            .attr("fill", "currentColor")
            .attr("font-size", 13)
            .raw(">")
            .text(label)
            .raw("</text>");
        if code.is_some() {
            html.raw("</a>");
        }
        html.raw("<rect")
            .attr("x", LABEL)
            .attr("y", y + 3)
            .attr("width", format_args!("{width:.1}"))
            .attr("height", ROW - 6)
            .attr("fill", colour)
            .raw("></rect><text")
            .attr("x", format_args!("{:.1}", LABEL + width + 6.0))
            .attr("y", y + 15)
            .attr("fill", "currentColor")
            .attr("font-size", 13)
            .raw(">")
            .text(count)
            .raw("</text>\n");
    }
    html.raw("</svg>\n");
}

/// The chart: how the calls ended, then the failures by code.
fn chart(html: &mut Html, stats: &StatsReport) {
    html.raw("<section id=\"chart\">\n<h2>Calls</h2>\n<p>").text(format_args!(
        "{} call{} (INVITE transactions grouped by Call-ID)",
        stats.calls.total,
        if stats.calls.total == 1 { "" } else { "s" }
    ));
    if stats.calls.challenged_and_retried > 0 {
        html.text(format_args!(
            "; {} challenged (401, 407) and sent again with credentials",
            stats.calls.challenged_and_retried
        ));
    }
    html.raw(".</p>\n");
    let outcomes: Vec<_> = words::outcomes(&stats.calls)
        .into_iter()
        .filter(|(.., count)| *count > 0)
        .map(|(token, label, count)| {
            let colour = match token {
                "answered" => GREEN,
                "failed" | "timed_out" => RED,
                _ => GREY,
            };
            (label.to_owned(), None, count, colour)
        })
        .collect();
    bars(html, "How the calls ended", &outcomes);
    if !stats.failures.is_empty() {
        html.raw("<h2>Failures by code</h2>\n");
        let failures: Vec<_> = stats
            .failures
            .iter()
            .map(|failure| (words::failure_code(failure), Some(row_of(failure)), failure.transactions, RED))
            .collect();
        bars(html, "Failure responses by code (transactions)", &failures);
    }
    html.raw("</section>\n");
}

/// The ranked failures.
fn failures(html: &mut Html, failures: &[FailureReport]) {
    html.raw(concat!(
        "<section id=\"failures\">\n<h2>Failures, most frequent first</h2>\n<table>\n<thead><tr>",
        "<th scope=\"col\">Code</th><th scope=\"col\">Calls</th><th scope=\"col\">Transactions</th>",
        "<th scope=\"col\">A UAC will</th><th scope=\"col\">Q.850 causes</th>",
        "<th scope=\"col\">First seen</th><th scope=\"col\">Meaning</th>",
        "</tr></thead>\n<tbody>\n"
    ));
    for failure in failures {
        html.raw("<tr><th scope=\"row\"><a")
            .attr("href", format_args!("{REFERENCE}#{}", row_of(failure)))
            .raw(">")
            .text(words::failure_code(failure))
            .raw("</a></th><td>")
            .text(failure.calls)
            .raw("</td><td>")
            .text(failure.transactions)
            .raw("</td><td>")
            .text(failure.disposition.map_or("", |disposition| disposition.label))
            .raw("</td><td>")
            .text(words::causes(&failure.causes))
            .raw("</td><td>");
        if let Some(example) = &failure.example {
            html.text(words::whereabouts(&example.file, example.frame, example.call_id.as_deref()));
        }
        html.raw("</td><td>").text(failure.meaning.unwrap_or("")).raw("</td></tr>\n");
    }
    html.raw("</tbody>\n</table>\n</section>\n");
}

/// Requests and responses per method, both views.
fn methods(html: &mut Html, stats: &StatsReport) {
    html.raw(concat!(
        "<section id=\"methods\">\n<h2>Requests and responses</h2>\n",
        "<p>As sent (every retransmission counted) / per transaction (RFC 3261 §17: counted once).</p>\n",
        "<table>\n<thead><tr><th scope=\"col\">Method</th><th scope=\"col\">Requests</th>",
        "<th scope=\"col\">Resent</th><th scope=\"col\">No final response</th><th scope=\"col\">Responses</th>",
        "</tr></thead>\n<tbody>\n"
    ));
    for method in &stats.methods {
        html.raw("<tr><th scope=\"row\">")
            .text(&method.method)
            .raw("</th><td>")
            .text(format_args!("{}/{}", method.messages, method.transactions))
            .raw("</td><td>")
            .text(method.retransmissions)
            .raw("</td><td>")
            .text(method.without_final)
            .raw("</td><td>");
        for (i, response) in method.responses.iter().enumerate() {
            if i > 0 {
                html.raw(", ");
            }
            html.raw("<a")
                .attr("href", format_args!("{REFERENCE}#{}", response.code))
                .raw(">")
                .text(response.code)
                .raw("</a> ")
                .text(format_args!("×{}/{}", response.messages, response.transactions));
        }
        html.raw("</td></tr>\n");
    }
    html.raw("</tbody>\n</table>\n</section>\n");
}

/// The RFC 6076 metrics.
fn metrics(html: &mut Html, stats: &StatsReport) {
    html.raw("<section id=\"metrics\">\n<h2>RFC 6076 metrics</h2>\n<table>\n<tbody>\n");
    for (name, label, ratio) in words::ratios(&stats.metrics) {
        html.raw("<tr><th scope=\"row\">")
            .text(name)
            .raw("</th><td>")
            .text(ratio.map_or_else(|| "-".to_owned(), |ratio| ratio.to_string()))
            .raw("</td><td>")
            .text(label)
            .raw("</td></tr>\n");
    }
    for (name, label, delays) in words::delays(&stats.metrics) {
        html.raw("<tr><th scope=\"row\">")
            .text(name)
            .raw("</th><td>")
            .text(delays)
            .raw("</td><td>")
            .text(label)
            .raw("</td></tr>\n");
    }
    html.raw("</tbody>\n</table>\n</section>\n");
}

/// Unusual traffic.
fn unusual(html: &mut Html, stats: &StatsReport) {
    let unusual = &stats.unusual;
    html.raw("<section id=\"unusual\">\n<h2>Unusual traffic</h2>\n<ul>\n");
    for phrase in &unusual.other_phrases {
        html.raw("<li>")
            .text(phrase.code)
            .raw(" sent as <q>")
            .text(&phrase.phrase)
            .raw("</q> ")
            .text(format_args!("×{} (registered: {})", phrase.count, phrase.registered))
            .raw("</li>\n");
    }
    for unknown in &unusual.unknown_codes {
        html.raw("<li>").text(format_args!(
            "{} ×{}: not in the catalogue; a UAC treats it as {}",
            unknown.code, unknown.count, unknown.understood_as
        ));
        html.raw("</li>\n");
    }
    for code in &unusual.out_of_range {
        html.raw("<li>").text(format_args!("{} ×{}: outside 100–699", code.key, code.count)).raw("</li>\n");
    }
    for (count, what) in [
        (unusual.invalid_status_lines, "responses with a status line that cannot be read"),
        (unusual.unparsed, "messages that cannot be split into header fields"),
        (unusual.stray_responses, "responses to no request in the capture"),
    ] {
        html.raw("<li>").text(format_args!("{count} {what}")).raw("</li>\n");
    }
    html.raw("</ul>\n</section>\n");
}

/// The reference page's row for a failure: its own, or, for a code the
/// catalogue does not know, the row of the code a UAC treats it as (499 → 400).
fn row_of(failure: &FailureReport) -> u16 {
    failure.understood_as.unwrap_or(failure.code)
}
