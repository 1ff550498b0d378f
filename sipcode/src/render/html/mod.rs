//! Reports as web pages: the operators' reference (`sipcode html`) and the
//! findings of `explain`, each one self-contained page.
//!
//! The pages need no server and no network: the style sheet and the script
//! are inline (`page.css`, `page.js`), and the Content-Security-Policy
//! forbids every fetch and allows those two only, by their SHA-256 hashes
//! ([`STYLE_SHA256`], [`SCRIPT_SHA256`]): not `'unsafe-inline'`, so markup
//! injected by an escaping bug could not run a script. Every string goes
//! through [`markup::Html`], which escapes it; the script only toggles
//! classes and reads attributes, and never writes markup either.

pub mod markup;
mod stats;

use std::fmt::Display;

use markup::Html;
pub use stats::stats;

use crate::render::words::{Rfc, defined_in, who};
use crate::report::{
    Answers, CauseReport, CodeReport, Finding, Flag, HandlingReport, ReasonCauseReport, TablesReport,
    WarnCodeReport,
};

/// The pages' style sheet: light and dark colours, the phone layout, print.
const STYLE: &str = include_str!("page.css");
/// The reference's script: the search box, the class buttons and deep links.
const SCRIPT: &str = include_str!("page.js");
/// The CSP source of [`STYLE`]; a test recomputes it (`BLESS=1` rewrites it).
const STYLE_SHA256: &str = "sha256-Y1pgbbiPJGmvYoJsctNj3NZsufSVS9hZAK6WaMm6VJc=";
/// The CSP source of [`SCRIPT`]; a test recomputes it (`BLESS=1` rewrites it).
const SCRIPT_SHA256: &str = "sha256-rInjAzjUUsZujxExJHvVxjnhMEpvA2VlhkiVWUWiiI0=";

/// The head of a page, up to its title.
fn head(html: &mut Html) {
    html.raw(concat!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '"
    ))
    .text(STYLE_SHA256)
    .raw("'; script-src '")
    .text(SCRIPT_SHA256)
    .raw("'; img-src data:; base-uri 'none'; form-action 'none'\"");
    html.raw(">\n<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\"")
        .attr("content", format_args!("sipcode {}", env!("CARGO_PKG_VERSION")))
        .raw(">\n<title>");
}

/// The end of the head, after the title: the icon and the style sheet.
fn style(html: &mut Html) {
    html.raw("</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>")
        .raw(STYLE)
        .raw("</style>\n</head>\n<body>\n");
}

/// `sipcode html`: the whole reference.
pub fn reference(reference: &TablesReport) -> String {
    let mut html = Html::with_capacity(192 * 1024);
    head(&mut html);
    html.raw("SIP response codes: the operators' reference");
    style(&mut html);
    html.raw(concat!(
        "<a class=\"skip\" href=\"#codes-table\">Skip to the codes</a>\n<header>\n<h1>SIP response codes</h1>\n",
        "<p>Every SIP response code that <a href=\"https://crates.io/crates/sip-codes\">sip-codes</a> "
    ))
    .text(env!("CARGO_PKG_VERSION"))
    .raw(" knows, ")
    .text(reference.codes.len())
    .raw(concat!(
        " in all:\nwhat it means, the section of the RFC that defines it, what a stack does when it receives it,\n",
        "and the Q.850 cause a gateway releases the call with; then the Warning codes and the Q.850 causes.\n",
        "Written by <code>sipcode html</code> from the crate's own tables; it works offline.</p>\n",
        "<nav aria-label=\"Sections\"><a href=\"#codes\">Response codes</a> <a href=\"#warnings\">Warning codes</a> ",
        "<a href=\"#causes\">Q.850 causes</a></nav>\n</header>\n<main>\n"
    ));
    codes(&mut html, &reference.codes);
    warn_codes(&mut html, &reference.warn_codes);
    causes(&mut html, &reference.causes);
    html.raw("</main>\n<script>").raw(SCRIPT).raw("</script>\n</body>\n</html>\n");
    html.finish()
}

/// What the search box looks through for a code, in lower case: the code, its
/// names, phrase, aliases, meaning, class and RFC, what a stack does with it
/// ("retry later") and its flags. The script matches each word typed against
/// this (a number against the code's digits). The Q.850 causes are left out,
/// so that "busy" finds the codes that mean busy, not those a profile maps to
/// cause 17 User busy.
pub fn search_text(code: &CodeReport) -> String {
    let mut text = format!(
        "{} {} {} {} {} {}xx {} {}",
        code.code,
        code.name,
        code.constant,
        code.phrase,
        code.aliases.join(" "),
        code.class.digit,
        code.class.name.label,
        code.meaning,
    );
    if let Some(reference) = &code.reference {
        text += &format!(" {}", Rfc(reference));
    }
    text += &format!(" {}", code.handling.disposition.label);
    if code.deprecated.is_some() {
        text.push_str(" deprecated");
    }
    if code.non_standard.is_some() {
        text.push_str(" non-standard");
    }
    text.to_lowercase()
}

/// The section of response codes: the controls, then one row per code.
fn codes(html: &mut Html, codes: &[CodeReport]) {
    html.raw(concat!(
        "<section id=\"codes\" aria-labelledby=\"codes-title\">\n<h2 id=\"codes-title\">Response codes</h2>\n",
        "<div class=\"controls\" id=\"controls\" hidden>\n<div class=\"search\">\n<label for=\"search\">Search</label>\n",
        "<input id=\"search\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" ",
        "aria-describedby=\"search-hint count\" placeholder=\"486, busy, 4xx, declined…\">\n",
        "<span id=\"search-hint\" class=\"hint\">A code or its first digits, a class such as 4xx, or words of a name, ",
        "phrase or meaning. Press / to search, Esc to clear.</span>\n</div>\n",
        "<div class=\"classes\" role=\"group\" aria-label=\"Show a class\">\n",
        "<button type=\"button\" data-class=\"\" aria-pressed=\"true\">All</button>"
    ));
    let mut classes: Vec<_> = codes.iter().map(|code| code.class).collect();
    classes.dedup_by_key(|class| class.digit);
    for class in classes {
        let count = codes.iter().filter(|code| code.class.digit == class.digit).count();
        html.raw("\n<button type=\"button\"")
            .attr("data-class", class.digit)
            .raw(" aria-pressed=\"false\"")
            .attr("title", format_args!("{count} codes"))
            .raw(">")
            .text(format_args!("{}xx", class.digit))
            .raw("<span class=\"long\"> ")
            .text(class.name.label)
            .raw("</span></button>");
    }
    html.raw(concat!(
        "\n</div>\n<p id=\"count\" class=\"count\" aria-live=\"polite\"></p>\n</div>\n",
        "<table id=\"codes-table\" class=\"cards\">\n",
        "<caption class=\"visually-hidden\">SIP response codes, one a row</caption>\n",
        "<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Response</th>",
        "<th scope=\"col\">What a stack does</th><th scope=\"col\">Q.850 cause</th></tr></thead>\n<tbody>\n"
    ));
    for code in codes {
        code_row(html, code);
    }
    html.raw(concat!(
        "</tbody>\n</table>\n<p id=\"none\" class=\"none\" hidden>No code matches. ",
        "Clear the search or choose All.</p>\n"
    ));
    every_response(html, codes);
    html.raw("</section>\n");
}

/// One code: `<tr id="486">`, the target of the page's deep link `#486`.
fn code_row(html: &mut Html, code: &CodeReport) {
    let digit = code.class.digit;
    html.raw("<tr")
        .attr("id", code.code)
        .attr("class", format_args!("c{digit}"))
        .attr("data-class", digit)
        .attr("data-search", search_text(code))
        .raw(">\n<th scope=\"row\"><a")
        .attr("href", format_args!("#{}", code.code))
        .attr("title", format_args!("Link to {}", code.code))
        .raw(">")
        .text(code.code)
        .raw("</a></th>\n<td><strong class=\"phrase\">")
        .text(code.phrase)
        .raw("</strong> <code class=\"name\">")
        .text(code.name)
        .raw("</code>\n<p class=\"meaning\">")
        .text(code.meaning)
        .raw("</p>");
    aliases(html, code.aliases);
    if let Some(why) = code.deprecated {
        html.raw("\n<p class=\"flag\"><span class=\"badge\">Deprecated</span> ").text(why).raw("</p>");
    }
    if let Some(source) = code.non_standard {
        html.raw("\n<p class=\"flag\"><span class=\"badge\">Not registered</span> ").text(source).raw("</p>");
    }
    html.raw("\n<p class=\"ref\"><span class=\"class\">")
        .text(format_args!("{digit}xx {}", code.class.name.label))
        .raw("</span> ");
    match &code.reference {
        Some(reference) => {
            html.raw("Defined in ");
            link(html, reference);
            html.raw("</p>");
        }
        None => {
            html.raw("No RFC defines it.</p>");
        }
    }
    html.raw("</td>\n<td data-label=\"What a stack does\">");
    handling(html, &code.handling);
    html.raw("</td>\n<td data-label=\"Q.850 cause\">");
    match &code.q850 {
        // As RFC 3398 §8.2.6.1 reads: only a final response that is not a
        // success releases the call (sipcode's own lookup shows the same).
        None => {
            html.raw("<span class=\"muted\">Releases no call.</span>");
        }
        Some(causes) => answers(html, causes, "none", |html, cause| {
            if cause.text.is_some() {
                html.raw("<a")
                    .attr("href", format_args!("#q850-{}", cause.value))
                    .raw(">")
                    .text(cause)
                    .raw("</a>");
            } else {
                html.text(cause);
            }
        }),
    }
    html.raw("</td>\n</tr>\n");
}

/// Other spellings of a phrase or a cause's name, if there are any.
fn aliases(html: &mut Html, aliases: &[&str]) {
    if aliases.is_empty() {
        return;
    }
    html.raw("\n<p class=\"aliases\">Also written ");
    for (i, alias) in aliases.iter().enumerate() {
        html.raw(if i == 0 { "<q>" } else { ", <q>" }).text(alias).raw("</q>");
    }
    html.raw("</p>");
}

/// A link to an RFC section, its text the section's name: `RFC 3261 §21.4.24`.
fn link(html: &mut Html, reference: &crate::report::ReferenceReport) {
    html.raw("<a").attr("href", &reference.url).raw(">").text(Rfc(reference)).raw("</a>");
}

/// What a client does next with a code, the header fields it reads, and the
/// header fields the response must, should or may carry, Retry-After first.
fn handling(html: &mut Html, handling: &HandlingReport) {
    html.raw("<p class=\"next\"><strong class=\"disposition\">")
        .text(capitalised(handling.disposition.label))
        .raw("</strong> ")
        .text(handling.action);
    if !handling.reads.is_empty() {
        html.raw(" Reads ");
        for (i, header) in handling.reads.iter().enumerate() {
            html.raw(if i == 0 { "<code>" } else { ", <code>" }).text(header).raw("</code>");
        }
        html.raw(".");
    }
    html.raw(" <span class=\"ref\">");
    link(html, &handling.reference);
    html.raw("</span></p>");
    let retry_after =
        |rule: &&crate::report::HeaderRuleReport| rule.header.eq_ignore_ascii_case("Retry-After");
    let own = handling
        .headers
        .iter()
        .filter(retry_after)
        .chain(handling.headers.iter().filter(|r| !retry_after(r)));
    let own = own.map(|rule| (None, rule));
    // The rules of (nearly) every response are listed once, under the table.
    let shared = handling.shared.iter().filter(|shared| !shared.listed_once);
    let rules: Vec<_> = own.chain(shared.map(|shared| (Some(shared.codes.as_str()), &shared.rule))).collect();
    if rules.is_empty() {
        return;
    }
    html.raw("<ul class=\"headers\">");
    for (codes, rule) in rules {
        html.raw("<li>");
        if let Some(codes) = codes {
            html.text(capitalised(codes)).raw(": ");
        }
        header_rule(html, rule);
        html.raw("</li>");
    }
    html.raw("</ul>");
}

/// `<strong>MUST</strong> carry <code>Allow</code>, condition (reference)`.
fn header_rule(html: &mut Html, rule: &crate::report::HeaderRuleReport) {
    html.raw("<strong class=\"keyword\">")
        .text(rule.requirement.label)
        .raw("</strong> carry <code>")
        .text(rule.header)
        .raw("</code>");
    if let Some(condition) = rule.condition {
        html.raw(", ").text(condition);
    }
    if rule.judged {
        html.raw(" <span class=\"judged\">(a judgement)</span>");
    }
    html.raw(" <span class=\"ref\">");
    link(html, &rule.reference);
    html.raw("</span>");
}

/// The rules of every response (or of every response but one), once, under the table of codes.
fn every_response(html: &mut Html, codes: &[CodeReport]) {
    let Some(code) = codes.first() else { return };
    html.raw("<div class=\"every-response\">\n<h3>Every response</h3>\n<ul class=\"headers\">");
    for shared in code.handling.shared.iter().filter(|shared| shared.listed_once) {
        html.raw("<li>").text(capitalised(&shared.codes)).raw(": ");
        header_rule(html, &shared.rule);
        html.raw("</li>");
    }
    html.raw("</ul>\n</div>\n");
}

/// `"retry later"` as `"Retry later"`.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
}

/// The answers of the profiles, one item per distinct answer with the
/// profiles that give it, then RFC 3398's notes.
fn answers<T: PartialEq>(
    html: &mut Html,
    answers: &Answers<T>,
    nothing: &'static str,
    mut write_answer: impl FnMut(&mut Html, &T),
) {
    html.raw("<ul class=\"answers\">");
    for group in answers.by_answer() {
        html.raw("<li>");
        match group.answer {
            Some(answer) => write_answer(html, answer),
            None => {
                html.raw(nothing);
            }
        }
        html.raw(" <span class=\"who\">(").text(who(&group, &answers.profiles)).raw(")</span></li>");
    }
    html.raw("</ul>");
    for note in &answers.notes {
        html.raw("<p class=\"note\">RFC 3398: ").text(note).raw("</p>");
    }
}

/// The section of warn-codes: every registered code of the Warning header
/// field, with the range of RFC 3261 §20.43 it falls in.
fn warn_codes(html: &mut Html, codes: &[WarnCodeReport]) {
    html.raw(concat!(
        "<section id=\"warnings\" aria-labelledby=\"warnings-title\">\n",
        "<h2 id=\"warnings-title\">Warning codes</h2>\n",
        "<p>The warn-codes of the Warning header field, which says more about a response than its ",
        "status code: most often why a session description was refused (RFC 3261 §20.43).</p>\n",
        "<table id=\"warnings-table\" class=\"cards\">\n",
        "<caption class=\"visually-hidden\">Warning codes, one a row</caption>\n",
        "<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Warning</th><th scope=\"col\">Range</th></tr></thead>\n",
        "<tbody>\n"
    ));
    for code in codes {
        let n = code.code;
        html.raw("<tr")
            .attr("id", format_args!("warn-{n}"))
            .raw(">\n<th scope=\"row\"><a")
            .attr("href", format_args!("#warn-{n}"))
            .attr("title", format_args!("Link to warn-code {n}"))
            .raw(">")
            .text(n)
            .raw("</a></th>\n<td><strong>")
            .text(code.text.unwrap_or_default())
            .raw("</strong> <code class=\"name\">")
            .text(code.name.unwrap_or_default())
            .raw("</code>\n<p class=\"meaning\">")
            .text(code.meaning.unwrap_or_default())
            .raw("</p>\n<p class=\"ref\">Defined in ");
        if let Some(reference) = &code.reference {
            link(html, reference);
        }
        html.raw("</p></td>\n<td data-label=\"Range\">");
        if let Some(range) = &code.range {
            html.text(format_args!("{} to {}: {}", range.first, range.last, range.description));
        }
        html.raw("</td>\n</tr>\n");
    }
    html.raw("</tbody>\n</table>\n</section>\n");
}

/// The section of Q.850 causes: each cause Q.850 defines, with the response
/// each profile answers an INVITE with when the call is released with it.
fn causes(html: &mut Html, causes: &[CauseReport]) {
    html.raw(concat!(
        "<section id=\"causes\" aria-labelledby=\"causes-title\">\n<h2 id=\"causes-title\">Q.850 causes</h2>\n",
        "<p>The release causes of ISDN and ISUP (ITU-T Q.850), and the response a gateway sends when ",
        "the call is released with each. The profiles' tables: "
    ));
    for (i, profile) in sip_codes::q850::Profile::ALL.into_iter().enumerate() {
        html.raw(if i == 0 { "" } else { "; " }).text(format_args!(
            "{}, from {} (and back, from {})",
            profile.name(),
            profile.cause_to_status_source(),
            profile.status_to_cause_source()
        ));
    }
    html.raw(concat!(
        ".</p>\n<table id=\"causes-table\" class=\"cards\">\n",
        "<caption class=\"visually-hidden\">Q.850 causes, one a row</caption>\n",
        "<thead><tr><th scope=\"col\">Cause</th><th scope=\"col\">Name</th><th scope=\"col\">Class</th>",
        "<th scope=\"col\">Response</th></tr></thead>\n<tbody>\n"
    ));
    for cause in causes {
        let value = cause.value;
        html.raw("<tr")
            .attr("id", format_args!("q850-{value}"))
            .raw(">\n<th scope=\"row\"><a")
            .attr("href", format_args!("#q850-{value}"))
            .attr("title", format_args!("Link to cause {value}"))
            .raw(">")
            .text(value)
            .raw("</a></th>\n<td><strong>")
            .text(cause.text.unwrap_or_default())
            .raw("</strong> <code class=\"name\">")
            .text(cause.name.unwrap_or_default())
            .raw("</code>");
        aliases(html, cause.aliases);
        html.raw("</td>\n<td data-label=\"Class\">")
            .text(cause.class.label)
            .raw("</td>\n<td data-label=\"Response\">");
        answers(html, &cause.responses, "no response", |html, status| {
            if status.phrase.is_some() {
                html.raw("<a")
                    .attr("href", format_args!("#{}", status.code))
                    .raw(">")
                    .text(status)
                    .raw("</a>");
            } else {
                html.text(status);
            }
        });
        html.raw("</td>\n</tr>\n");
    }
    html.raw("</tbody>\n</table>\n</section>\n");
}

/// The findings of `explain` as a page: one item per finding, each with the
/// text it was read from. Everything in it may come from a hostile capture.
pub fn findings(findings: &[Finding]) -> Html {
    let mut html = Html::with_capacity(4096);
    head(&mut html);
    html.raw("What sipcode explain found");
    style(&mut html);
    html.raw("<main>\n<section id=\"findings\">\n<h2>Findings</h2>\n<ol class=\"findings\">\n");
    for finding in findings {
        finding_item(&mut html, finding);
    }
    html.raw("</ol>\n</section>\n</main>\n</body>\n</html>\n");
    html
}

/// One finding: where, the input, and what it means.
fn finding_item(html: &mut Html, finding: &Finding) {
    let (Finding::StatusLine { line, column, input, .. }
    | Finding::Reason { line, column, input, .. }
    | Finding::Warning { line, column, input, .. }
    | Finding::Invalid { line, column, input, .. }) = finding;
    html.raw("<li")
        .attr("data-line", line)
        .raw("><span class=\"where\">")
        .text(format_args!("line {line}, column {column}"))
        .raw("</span> <code class=\"input\">")
        .text(input)
        .raw("</code>\n<p>");
    match finding {
        Finding::Invalid { what, error, .. } => {
            html.raw("<span class=\"badge\">Not valid</span> ").text(what.label).raw(": ").text(error);
        }
        Finding::StatusLine { code, reason, class, flags, entry, .. } => {
            html.raw("<strong>")
                .text(code)
                .raw("</strong> ")
                .text(reason)
                .raw(" (")
                .text(format_args!("{}xx {}", class.digit, class.name.label));
            html.raw(")");
            if let Some(entry) = entry {
                html.raw(": ")
                    .text(entry.meaning)
                    .raw(" <span class=\"ref\">")
                    .text(defined_in(entry.reference.as_ref()));
                html.raw("</span>");
            }
            for flag in flags {
                html.raw("</p>\n<p class=\"flag\"><span class=\"badge\">");
                match flag {
                    Flag::UnknownCode { understood_as } => {
                        html.raw("Unknown code</span> a UAC treats it as ").text(understood_as);
                    }
                    Flag::NonStandardReason { registered } => {
                        html.raw("Non-standard phrase</span> the registered phrase is ").text(registered);
                    }
                    Flag::Deprecated { why } => {
                        html.raw("Deprecated</span> ").text(why);
                    }
                }
            }
        }
        Finding::Warning { code, agent, text, oddities, .. } => {
            html.raw("Warning <strong>").text(code.code).raw("</strong> from ").text(agent).raw(": ");
            quoted(html, text);
            if let Some(meaning) = code.meaning {
                html.raw(" ").text(meaning);
            }
            odd(html, oddities);
        }
        Finding::Reason { protocol, cause, text, oddities, .. } => {
            html.raw("Reason <strong>").text(protocol).raw("</strong> ");
            match cause {
                ReasonCauseReport::Sip { code, phrase, meaning, .. } => {
                    html.text(code)
                        .raw(" ")
                        .text(phrase.unwrap_or_default())
                        .raw(" ")
                        .text(meaning.unwrap_or_default());
                }
                ReasonCauseReport::Q850 { cause, class, location } => {
                    html.text(cause).raw(" (").text(class.label).raw(")");
                    if let Some(location) = location {
                        html.raw(", at ").text(location.meaning);
                    }
                }
                ReasonCauseReport::Other { value, meaning, .. } => {
                    html.text(value).raw(" ").text(meaning.unwrap_or_default());
                }
                ReasonCauseReport::Missing => {
                    html.raw("without a cause");
                }
            }
            if let Some(text) = text {
                html.raw(", text ");
                quoted(html, text);
            }
            odd(html, oddities);
        }
    }
    html.raw("</p></li>\n");
}

/// What a received value holds that the grammar allows but the RFCs do not define.
fn odd(html: &mut Html, oddities: &[String]) {
    for oddity in oddities {
        html.raw("</p>\n<p class=\"flag\"><span class=\"badge\">Odd</span> ").text(oddity);
    }
}

/// Text from the input in quotation marks.
fn quoted(html: &mut Html, text: impl Display) {
    html.raw("<q>").text(text).raw("</q>");
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use proptest::prelude::*;
    use sha2::{Digest, Sha256};
    use sip_codes::q850::CAUSES;
    use sip_codes::{CATALOGUE, WARN_CODES};

    use super::*;
    use crate::command::explain::findings as findings_of;
    use crate::output::{BAD_USAGE, SUCCESS};
    use crate::report::{Data, Named, Report};
    use crate::testing::sipcode;

    /// The reference page.
    fn page() -> String {
        let Report::Tables(tables) = crate::command::reference::reference() else { unreachable!() };
        reference(&tables)
    }

    /// `text`, as the page writes it.
    fn escaped(text: &str) -> String {
        let mut html = Html::default();
        html.text(text);
        html.finish()
    }

    /// The values of every `name="…"` attribute in `html`, in order.
    fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
        let needle = format!(" {name}=\"");
        html.match_indices(&needle)
            .map(|(at, _)| {
                let value = &html[at + needle.len()..];
                &value[..value.find('"').unwrap()]
            })
            .collect()
    }

    #[test]
    fn every_text_of_the_catalogue_is_escaped_once() {
        let html = page();
        for entry in CATALOGUE {
            let texts =
                [entry.phrase, entry.name, entry.meaning].into_iter().chain(entry.aliases.iter().copied());
            for text in texts.chain(entry.deprecated).chain(entry.non_standard) {
                let escaped = escaped(text);
                assert!(
                    html.contains(&escaped),
                    "{}: {text:?} is not on the page as {escaped:?}",
                    entry.code
                );
            }
        }
        // The catalogue's own text holds apostrophes and quotes: none may reach the page raw
        // inside an attribute, where it would end the value.
        for search in attributes(&html, "data-search") {
            assert!(!search.contains(['<', '>', '\'']), "{search}");
        }
    }

    #[test]
    fn every_code_has_a_row_with_its_anchor() {
        let html = page();
        let table = &html[html.find("<table id=\"codes-table\"").unwrap()..];
        let table = &table[..table.find("</table>").unwrap()];
        let rows: Vec<&str> =
            table.split("<tr id=\"").skip(1).map(|row| &row[..row.find('"').unwrap()]).collect();
        let codes: Vec<String> = CATALOGUE.iter().map(|entry| entry.code.to_string()).collect();
        assert_eq!(rows, codes);
        for entry in CATALOGUE {
            let code = entry.code;
            assert!(
                html.contains(&format!("<a href=\"#{code}\" title=\"Link to {code}\">{code}</a>")),
                "{code}"
            );
            let defined = match entry.reference {
                Some(reference) => format!("Defined in <a href=\"{}\">{reference}</a></p>", reference.url()),
                None => "No RFC defines it.</p>".to_owned(),
            };
            assert!(row(&html, &code.to_string()).contains(&defined), "{code}");
        }
    }

    /// The markup of the row whose id is `id`.
    fn row<'a>(html: &'a str, id: &str) -> &'a str {
        let start = html.find(&format!("<tr id=\"{id}\"")).unwrap_or_else(|| panic!("no row {id}"));
        &html[start..start + html[start..].find("</tr>").unwrap()]
    }

    #[test]
    fn every_cause_has_a_row_and_the_tables_link_to_each_other() {
        let html = page();
        let rows: Vec<&str> =
            html.split("<tr id=\"q850-").skip(1).map(|row| &row[..row.find('"').unwrap()]).collect();
        let values: Vec<String> = CAUSES.iter().map(|entry| entry.value.to_string()).collect();
        assert_eq!(rows, values);
        for entry in CAUSES {
            let text = escaped(entry.text).to_string();
            assert!(row(&html, &format!("q850-{}", entry.value)).contains(&text), "{}", entry.value);
        }
        // Every profile agrees on 486 and on cause 17.
        assert!(
            row(&html, "486")
                .contains(r##"<a href="#q850-17">17 User busy</a> <span class="who">(all profiles)</span>"##)
        );
        assert!(
            row(&html, "q850-17")
                .contains(r##"<a href="#486">486 Busy Here</a> <span class="who">(all profiles)</span>"##)
        );
        // Where they differ, each answer names its profiles; RFC 3398's footnotes follow.
        let not_acceptable = row(&html, "488");
        assert!(
            not_acceptable.contains(
                r##"<a href="#q850-31">31 Normal, unspecified</a> <span class="who">(RFC 3398)</span>"##
            ),
            "{not_acceptable}"
        );
        assert!(
            not_acceptable
                .contains("RFC 3398: 65 Bearer capability not implemented when the Warning is 304 or 305")
        );
        assert!(row(&html, "q850-16").contains("no response <span class=\"who\">(RFC 3398)</span>"));
        assert!(
            row(&html, "q850-16").contains("RFC 3398: no response; the call is cleared by BYE or CANCEL")
        );
        for code in ["100", "183", "200", "202"] {
            assert!(row(&html, code).contains("Releases no call."), "{code}");
        }
    }

    #[test]
    fn every_code_says_what_a_stack_does_with_it() {
        let html = page();
        for entry in CATALOGUE {
            let handling = entry.handling();
            let row = row(&html, &entry.code.to_string());
            let next =
                format!("{}</strong> {}", capitalised(handling.disposition.name()), escaped(handling.action));
            assert!(row.contains(&next), "{}: {next}", entry.code);
            for rule in handling.headers {
                let carry =
                    format!("{}</strong> carry <code>{}</code>", rule.requirement.keyword(), rule.header);
                assert!(row.contains(&carry), "{}: {carry}", entry.code);
            }
        }
        let unavailable = row(&html, "503");
        assert!(unavailable.contains("Try another server</strong>"), "{unavailable}");
        // Retry-After comes first among the header fields.
        let headers = &unavailable[unavailable.find("<ul class=\"headers\">").unwrap()..];
        assert!(headers.starts_with("<ul class=\"headers\"><li><strong class=\"keyword\">MAY</strong> carry <code>Retry-After</code>"), "{headers}");
        assert!(row(&html, "405").contains("MUST</strong> carry <code>Allow</code>"));
        assert!(row(&html, "401").contains("Reads <code>WWW-Authenticate</code>."));
        assert!(row(&html, "701").contains("No RFC defines it."));
    }

    #[test]
    fn every_shared_rule_is_shown_under_its_codes_or_once_under_the_table() {
        let html = page();
        let once = &html[html.find("<div class=\"every-response\">").unwrap()..];
        let once = &once[..once.find("</div>").unwrap()];
        for shared in sip_codes::SHARED_RULES {
            let carry = format!(
                "{}</strong> carry <code>{}</code>",
                shared.rule.requirement.keyword(),
                shared.rule.header
            );
            let listed_once = matches!(shared.codes, sip_codes::Codes::All | sip_codes::Codes::AllBut(_));
            for entry in CATALOGUE.iter().filter(|entry| shared.codes.contains(entry.status())) {
                let row = row(&html, &entry.code.to_string());
                let in_row = format!(
                    "{}: <strong class=\"keyword\">{carry}",
                    escaped(&capitalised(&shared.codes.to_string()))
                );
                assert_eq!(row.contains(&in_row), !listed_once, "{}: {in_row}", entry.code);
            }
            if listed_once {
                assert!(once.contains(&carry), "{carry} under the table");
            }
        }
    }

    #[test]
    fn every_warn_code_has_a_row() {
        let html = page();
        let rows: Vec<&str> =
            html.split("<tr id=\"warn-").skip(1).map(|row| &row[..row.find('"').unwrap()]).collect();
        let codes: Vec<String> = WARN_CODES.iter().map(|entry| entry.code.to_string()).collect();
        assert_eq!(rows, codes);
        for entry in WARN_CODES {
            let row = row(&html, &format!("warn-{}", entry.code));
            assert!(
                row.contains(&escaped(entry.text).to_string())
                    && row.contains(&escaped(entry.meaning).to_string())
            );
            assert!(row.contains(&format!("<a href=\"{}\">{}</a>", entry.reference.url(), entry.reference)));
        }
        assert!(row(&html, "warn-370").contains("370 to 379: quantitative QoS parameters"));
    }

    #[test]
    fn anchors_are_unique_and_every_link_inside_the_page_lands() {
        let html = page();
        let ids = attributes(&html, "id");
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "an id is used twice");
        for href in attributes(&html, "href") {
            if let Some(id) = href.strip_prefix('#') {
                assert!(unique.contains(id), "#{id} leads nowhere");
            } else {
                assert!(href.starts_with("https://") || href.starts_with("data:"), "{href}");
            }
        }
        // Every control is labelled, and the page asks for nothing from the network.
        assert!(html.contains(r#"<label for="search">"#) && unique.contains("search"));
        assert!(!html.contains(" src=") && !html.contains("<link rel=\"stylesheet\""));
        assert!(!STYLE.contains("url(") && !STYLE.contains("@import"));
        assert!(
            !SCRIPT.contains("innerHTML") && !SCRIPT.contains("fetch(") && !SCRIPT.contains("XMLHttpRequest")
        );
    }

    #[test]
    fn searching_busy_and_declined_finds_the_codes_operators_expect() {
        let found = |word: &str| -> Vec<u16> {
            CATALOGUE
                .iter()
                .filter(|entry| search_text(&CodeReport::of(entry)).contains(word))
                .map(|entry| entry.code)
                .collect()
        };
        assert_eq!(found("busy"), [486, 600]);
        assert_eq!(found("declined"), [603]);
    }

    #[test]
    fn the_page_is_small_enough_to_mail() {
        let html = page();
        assert!(html.len() < 200 * 1024, "{} bytes", html.len());
        assert!(html.starts_with("<!doctype html>") && html.ends_with("</html>\n"));
    }

    #[test]
    fn the_command_writes_the_page() {
        let (exit, out, err) = sipcode(&["html"], "");
        assert_eq!((exit, err.as_str()), (SUCCESS, ""));
        assert_eq!(out, page());
        let (exit, out, err) = sipcode(&["html", "--json"], "");
        assert_eq!(exit, BAD_USAGE);
        assert!(out.starts_with("{") && err.contains("without --json"), "{err}");
        let (exit, _, _) = sipcode(&["html", "486"], "");
        assert_eq!(exit, BAD_USAGE);
    }

    /// The CSP source of `content`: `sha256-` and its digest in base64.
    fn csp_hash(content: &str) -> String {
        format!("sha256-{}", crate::report::base64(&Sha256::digest(content.as_bytes())))
    }

    #[test]
    fn the_csp_allows_exactly_the_inline_style_and_script() {
        let (style, script) = (csp_hash(STYLE), csp_hash(SCRIPT));
        if (STYLE_SHA256, SCRIPT_SHA256) != (style.as_str(), script.as_str()) {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render/html/mod.rs");
            assert!(
                std::env::var_os("BLESS").is_some(),
                "page.css or page.js changed: run `BLESS=1 cargo test -p sipcode csp` to rewrite their hashes"
            );
            let source = std::fs::read_to_string(&path).unwrap();
            let source = source
                .replace(
                    &format!("STYLE_SHA256: &str = \"{STYLE_SHA256}\""),
                    &format!("STYLE_SHA256: &str = \"{style}\""),
                )
                .replace(
                    &format!("SCRIPT_SHA256: &str = \"{SCRIPT_SHA256}\""),
                    &format!("SCRIPT_SHA256: &str = \"{script}\""),
                );
            std::fs::write(&path, source).unwrap();
        }
        let html = page();
        assert!(
            html.contains(&format!("<style>{STYLE}</style>"))
                && html.contains(&format!("<script>{SCRIPT}</script>"))
        );
        assert!(!html.contains("unsafe-inline"));
        // The page has no inline handler and no style attribute, which the CSP would block.
        assert!(!html.contains(" style=") && !html.contains(" onclick=") && !html.contains(" onload="));
    }

    /// Strings an attacker would put in a capture.
    fn hostile() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<script>alert(1)</script>".to_owned()),
            Just("\"><img src=x onerror=alert(1)>".to_owned()),
            Just("</style><script>x</script>".to_owned()),
            Just("' onmouseover='x".to_owned()),
            Just("&amp;&lt;&#39;".to_owned()),
            Just("\u{1b}[31m\u{0}\u{7f}\u{9b}".to_owned()),
            any::<String>(),
        ]
    }

    /// One finding of each kind, every string field of it `s`.
    fn every_finding(s: &str) -> Vec<Finding> {
        let [status, warning, reason, invalid] = [
            "SIP/2.0 486 Busy Here",
            "Warning: 399 a \"b\"",
            "Reason: Q.850;cause=17;location=LN",
            "SIP/2.0 99 x",
        ]
        .map(|line| findings_of(1, line.as_bytes()).remove(0));
        let input = Data::Text(s.to_owned());
        let mut all = Vec::new();
        if let Finding::StatusLine {
            line,
            column,
            code,
            catalogued_reason,
            class,
            understood_as,
            flags,
            entry,
            ..
        } = status
        {
            all.push(Finding::StatusLine {
                line,
                column,
                input: input.clone(),
                code,
                reason: s.to_owned(),
                catalogued_reason,
                class,
                understood_as,
                flags,
                entry,
            });
        }
        if let Finding::Warning { line, column, code, .. } = warning {
            all.push(Finding::Warning {
                line,
                column,
                input: input.clone(),
                code,
                agent: s.to_owned(),
                text: s.to_owned(),
                oddities: vec![s.to_owned()],
            });
        }
        if let Finding::Reason { line, column, registered, cause, .. } = reason {
            all.push(Finding::Reason {
                line,
                column,
                input: input.clone(),
                protocol: s.to_owned(),
                registered,
                cause,
                text: Some(s.to_owned()),
                oddities: vec![s.to_owned()],
            });
        }
        if let Finding::Invalid { line, column, what, .. } = invalid {
            all.push(Finding::Invalid { line, column, input: input.clone(), what, error: s.to_owned() });
        }
        all.push(Finding::Invalid {
            line: 1,
            column: 1,
            input: Data::Bytes(s.as_bytes().to_vec()),
            what: Named { token: "reason", label: "Reason" },
            error: s.to_owned(),
        });
        assert_eq!(all.len(), 5);
        all
    }

    proptest! {
        #[test]
        fn hostile_strings_add_no_element(s in hostile()) {
            let benign = findings(&every_finding("x"));
            let tags = benign.raw_tags();
            let benign = benign.finish();
            let page = findings(&every_finding(&s)).finish();
            // Every `<` on the page is the markup's own, as many as with harmless text.
            prop_assert_eq!(page.matches('<').count(), benign.matches('<').count());
            prop_assert_eq!(page.matches('<').count(), tags);
            prop_assert_eq!(page.matches('>').count(), benign.matches('>').count());
            prop_assert_eq!(page.matches('"').count(), benign.matches('"').count());
        }
    }
}
