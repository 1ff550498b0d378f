//! `sipcode html`: the operators' reference as one self-contained web page.
//!
//! The page is written from the library's tables and nothing else, so it
//! cannot drift from the crate. It needs no server and no network: the style
//! sheet and the script are inline (`html/page.css`, `html/page.js`), and its
//! Content-Security-Policy forbids every fetch. Every piece of text from the
//! tables goes through [`Text`], which escapes it, so none of it is ever read
//! as markup; the script only toggles classes and reads attributes, and never
//! writes markup either.

use std::fmt::{self, Display, Write};

use sip_codes::q850::{CAUSES, Profile};
use sip_codes::{CATALOGUE, Class, Entry, Handling, HeaderRule, Reference, StatusCode, WARN_CODES};

use crate::cause::{cause_footnotes, status_footnotes};
use crate::output::{BAD_USAGE, Failure, Output};

/// The page's style sheet: light and dark colours, the phone layout, print.
const STYLE: &str = include_str!("html/page.css");
/// The page's script: the search box, the class buttons and deep links.
const SCRIPT: &str = include_str!("html/page.js");

/// `sipcode html`: the page, on stdout.
pub fn html(output: &mut Output) -> Result<(), Failure> {
    if output.json {
        return Err(Failure {
            exit: BAD_USAGE,
            message: "`html` writes a web page, not JSON: run `sipcode html > sip-codes.html` without --json"
                .into(),
        });
    }
    output.out.write_all(page().as_bytes())?;
    output.out.flush()?;
    Ok(())
}

/// The whole page.
pub fn page() -> String {
    let mut html = String::with_capacity(192 * 1024);
    // Writing into a String cannot fail: its `fmt::Write` never returns an error.
    let _ = write_page(&mut html);
    html
}

/// Text for the page, escaped as it is written: safe in element content and
/// in a quoted attribute value alike.
pub struct Text<'a>(pub &'a str);

impl Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}

/// What the search box looks through for a code, in lower case: the code, its
/// names, phrase, aliases, meaning, class and RFC, what a stack does with it
/// ("retry later") and its flags. The script matches each word typed against
/// this (a number against the code's digits). The Q.850 causes are left out,
/// so that "busy" finds the codes that mean busy, not those a profile maps to
/// cause 17 User busy.
pub fn search_text(entry: &Entry) -> String {
    let class = entry.class();
    let mut text = format!(
        "{} {} {} {} {} {}xx {} {}",
        entry.code,
        entry.name,
        entry.constant,
        entry.phrase,
        entry.aliases.join(" "),
        class.first_digit(),
        class.name(),
        entry.meaning,
    );
    if let Some(reference) = entry.reference {
        let _ = write!(text, " {reference}");
    }
    let _ = write!(text, " {}", entry.handling().disposition);
    if entry.is_deprecated() {
        text.push_str(" deprecated");
    }
    if entry.is_non_standard() {
        text.push_str(" non-standard");
    }
    text.to_lowercase()
}

fn write_page(page: &mut String) -> fmt::Result {
    let version = env!("CARGO_PKG_VERSION");
    write!(
        page,
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="sipcode {version}">
<title>SIP response codes: the operators' reference</title>
<link rel="icon" href="data:,">
<style>
{STYLE}</style>
</head>
<body>
<a class="skip" href="#codes-table">Skip to the codes</a>
<header>
<h1>SIP response codes</h1>
<p>Every SIP response code that <a href="https://crates.io/crates/sip-codes">sip-codes</a> {version} knows, {count} in all:
what it means, the section of the RFC that defines it, what a stack does when it receives it,
and the Q.850 cause a gateway releases the call with; then the Warning codes and the Q.850 causes.
Written by <code>sipcode html</code> from the crate's own tables; it works offline.</p>
<nav aria-label="Sections"><a href="#codes">Response codes</a> <a href="#warnings">Warning codes</a> <a href="#causes">Q.850 causes</a></nav>
</header>
<main>
"##,
        count = CATALOGUE.len(),
    )?;
    write_codes(page)?;
    write_warnings(page)?;
    write_causes(page)?;
    write!(
        page,
        r##"</main>
<script>
{SCRIPT}</script>
</body>
</html>
"##
    )
}

/// The section of response codes: the controls, then one row per code.
fn write_codes(page: &mut String) -> fmt::Result {
    page.push_str(
        r##"<section id="codes" aria-labelledby="codes-title">
<h2 id="codes-title">Response codes</h2>
<div class="controls" id="controls" hidden>
<div class="search">
<label for="search">Search</label>
<input id="search" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-hint count" placeholder="486, busy, 4xx, declined…">
<span id="search-hint" class="hint">A code or its first digits, a class such as 4xx, or words of a name, phrase or meaning. Press / to search, Esc to clear.</span>
</div>
<div class="classes" role="group" aria-label="Show a class">
"##,
    );
    page.push_str(r##"<button type="button" data-class="" aria-pressed="true">All</button>"##);
    for class in Class::ALL {
        let count = CATALOGUE.iter().filter(|entry| entry.class() == class).count();
        let digit = class.first_digit();
        write!(
            page,
            "\n<button type=\"button\" data-class=\"{digit}\" aria-pressed=\"false\" title=\"{count} codes\">\
             {digit}xx<span class=\"long\"> {}</span></button>",
            Text(class.name())
        )?;
    }
    page.push_str(
        r##"
</div>
<p id="count" class="count" aria-live="polite"></p>
</div>
<table id="codes-table" class="cards">
<caption class="visually-hidden">SIP response codes, one a row</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Response</th><th scope="col">What a stack does</th><th scope="col">Q.850 cause</th></tr></thead>
<tbody>
"##,
    );
    for entry in CATALOGUE {
        write_code_row(page, entry)?;
    }
    page.push_str(
        "</tbody>\n</table>\n<p id=\"none\" class=\"none\" hidden>No code matches. \
         Clear the search or choose All.</p>\n</section>\n",
    );
    Ok(())
}

/// One code: `<tr id="486">`, the target of the page's deep link `#486`.
fn write_code_row(page: &mut String, entry: &Entry) -> fmt::Result {
    let code = entry.code;
    let class = entry.class();
    let digit = class.first_digit();
    write!(
        page,
        "<tr id=\"{code}\" class=\"c{digit}\" data-class=\"{digit}\" data-search=\"{search}\">\n\
         <th scope=\"row\"><a href=\"#{code}\" title=\"Link to {code}\">{code}</a></th>\n\
         <td><strong class=\"phrase\">{phrase}</strong> <code class=\"name\">{name}</code>\n\
         <p class=\"meaning\">{meaning}</p>",
        search = Text(&search_text(entry)),
        phrase = Text(entry.phrase),
        name = Text(entry.name),
        meaning = Text(entry.meaning),
    )?;
    write_aliases(page, entry.aliases)?;
    if let Some(why) = entry.deprecated {
        write!(page, "\n<p class=\"flag\"><span class=\"badge\">Deprecated</span> {}</p>", Text(why))?;
    }
    if let Some(source) = entry.non_standard {
        write!(page, "\n<p class=\"flag\"><span class=\"badge\">Not registered</span> {}</p>", Text(source))?;
    }
    write!(page, "\n<p class=\"ref\"><span class=\"class\">{digit}xx {}</span> ", Text(class.name()))?;
    match entry.reference {
        Some(reference) => write!(page, "Defined in {}</p>", Link(reference))?,
        None => page.push_str("No RFC defines it.</p>"),
    }
    page.push_str("</td>\n<td data-label=\"What a stack does\">");
    write_handling(page, entry.handling())?;
    page.push_str("</td>\n<td data-label=\"Q.850 cause\">");
    write_status_causes(page, entry.status())?;
    page.push_str("</td>\n</tr>\n");
    Ok(())
}

/// Other spellings of a phrase or a cause's name, if there are any.
fn write_aliases(page: &mut String, aliases: &[&str]) -> fmt::Result {
    if aliases.is_empty() {
        return Ok(());
    }
    page.push_str("\n<p class=\"aliases\">Also written ");
    for (i, alias) in aliases.iter().enumerate() {
        let separator = if i == 0 { "" } else { ", " };
        write!(page, "{separator}<q>{}</q>", Text(alias))?;
    }
    page.push_str("</p>");
    Ok(())
}

/// What a client does next with a code, the header fields it reads, and the
/// header fields the response must, should or may carry, Retry-After first.
fn write_handling(page: &mut String, handling: &Handling) -> fmt::Result {
    write!(
        page,
        "<p class=\"next\"><strong class=\"disposition\">{}</strong> {}",
        Text(&capitalised(handling.disposition.name())),
        Text(handling.action)
    )?;
    if !handling.reads.is_empty() {
        page.push_str(" Reads ");
        for (i, header) in handling.reads.iter().enumerate() {
            let separator = if i == 0 { "" } else { ", " };
            write!(page, "{separator}<code>{}</code>", Text(header))?;
        }
        page.push('.');
    }
    write!(page, " <span class=\"ref\">{}</span></p>", Link(handling.reference))?;
    if handling.headers.is_empty() {
        return Ok(());
    }
    let retry_after = |rule: &&HeaderRule| rule.header.eq_ignore_ascii_case("Retry-After");
    let rules = handling
        .headers
        .iter()
        .filter(retry_after)
        .chain(handling.headers.iter().filter(|r| !retry_after(r)));
    page.push_str("<ul class=\"headers\">");
    for rule in rules {
        write!(
            page,
            "<li><strong class=\"keyword\">{}</strong> carry <code>{}</code>",
            rule.requirement.keyword(),
            Text(rule.header)
        )?;
        if let Some(condition) = rule.condition {
            write!(page, ", {}", Text(condition))?;
        }
        write!(page, " <span class=\"ref\">{}</span></li>", Link(rule.reference))?;
    }
    page.push_str("</ul>");
    Ok(())
}

/// `"retry later"` as `"Retry later"`.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
}

/// A link to an RFC section, its text the section's name: `RFC 3261 §21.4.24`.
struct Link(Reference);

impl Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<a href=\"{}\">{}</a>", Text(&self.0.url().to_string()), Text(&self.0.to_string()))
    }
}

/// The cause each profile releases the ISUP call with when `status` ends an
/// INVITE, grouped by answer, with RFC 3398's footnotes.
fn write_status_causes(page: &mut String, status: StatusCode) -> fmt::Result {
    // As RFC 3398 §8.2.6.1 reads: only a final response that is not a
    // success releases the call (sipcode's own lookup shows the same).
    if !status.is_final() || status.is_success() {
        return page.write_str("<span class=\"muted\">Releases no call.</span>");
    }
    let answers = Profile::ALL.map(|profile| {
        let mapping = status.cause_mapping(profile);
        (profile, mapping.cause, mapping.listed)
    });
    write_answers(page, &answers, |page, cause| match cause {
        Some(cause) if cause.entry().is_some() => {
            write!(page, "<a href=\"#q850-{}\">{}</a>", cause.as_u8(), Text(&cause.to_string()))
        }
        Some(cause) => write!(page, "{}", Text(&cause.to_string())),
        None => page.write_str("none"),
    })?;
    write_footnotes(page, &status_footnotes(status))
}

/// The answers of the profiles, one item per distinct answer with the
/// profiles that give it ("all profiles" when they agree); a profile whose
/// table does not list the value answers "by default".
fn write_answers<T: PartialEq + Copy>(
    page: &mut String,
    answers: &[(Profile, T, bool); 3],
    mut write_answer: impl FnMut(&mut String, T) -> fmt::Result,
) -> fmt::Result {
    let describe = |(profile, _, listed): &(Profile, T, bool)| {
        if *listed { profile.name().to_owned() } else { format!("{} by default", profile.name()) }
    };
    let mut groups: Vec<(T, Vec<String>)> = Vec::new();
    for answer in answers {
        match groups.iter_mut().find(|(known, _)| *known == answer.1) {
            Some((_, profiles)) => profiles.push(describe(answer)),
            None => groups.push((answer.1, vec![describe(answer)])),
        }
    }
    page.push_str("<ul class=\"answers\">");
    for (answer, profiles) in groups {
        page.push_str("<li>");
        write_answer(page, answer)?;
        let who = if profiles.len() == answers.len() {
            let unlisted: Vec<String> = answers.iter().filter(|a| !a.2).map(describe).collect();
            match unlisted.as_slice() {
                [] => "all profiles".to_owned(),
                _ => format!("all profiles; {}", unlisted.join(", ")),
            }
        } else {
            profiles.join(", ")
        };
        write!(page, " <span class=\"who\">({})</span></li>", Text(&who))?;
    }
    page.push_str("</ul>");
    Ok(())
}

fn write_footnotes(page: &mut String, notes: &[String]) -> fmt::Result {
    for note in notes {
        write!(page, "<p class=\"note\">RFC 3398: {}</p>", Text(note))?;
    }
    Ok(())
}

/// The section of warn-codes: every registered code of the Warning header
/// field, with the range of RFC 3261 §20.43 it falls in.
fn write_warnings(page: &mut String) -> fmt::Result {
    page.push_str(
        "<section id=\"warnings\" aria-labelledby=\"warnings-title\">\n\
         <h2 id=\"warnings-title\">Warning codes</h2>\n\
         <p>The warn-codes of the Warning header field, which says more about a response than its \
         status code: most often why a session description was refused (RFC 3261 §20.43).</p>\n\
         <table id=\"warnings-table\" class=\"cards\">\n\
         <caption class=\"visually-hidden\">Warning codes, one a row</caption>\n\
         <thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Warning</th><th scope=\"col\">Range</th></tr></thead>\n\
         <tbody>\n",
    );
    for entry in WARN_CODES {
        let code = entry.code;
        let range = entry.warn_code().range();
        let codes = range.codes();
        write!(
            page,
            "<tr id=\"warn-{code}\">\n<th scope=\"row\"><a href=\"#warn-{code}\" title=\"Link to warn-code {code}\">{code}</a></th>\n\
             <td><strong>{text}</strong> <code class=\"name\">{name}</code>\n<p class=\"meaning\">{meaning}</p>\n\
             <p class=\"ref\">Defined in {link}</p></td>\n\
             <td data-label=\"Range\">{start} to {end}: {description}</td>\n</tr>\n",
            text = Text(entry.text),
            name = Text(entry.name),
            meaning = Text(entry.meaning),
            link = Link(entry.reference),
            start = codes.start(),
            end = codes.end(),
            description = Text(range.description()),
        )?;
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
    Ok(())
}

/// The section of Q.850 causes: each cause Q.850 defines, with the response
/// each profile answers an INVITE with when the call is released with it.
fn write_causes(page: &mut String) -> fmt::Result {
    page.push_str(
        "<section id=\"causes\" aria-labelledby=\"causes-title\">\n\
         <h2 id=\"causes-title\">Q.850 causes</h2>\n\
         <p>The release causes of ISDN and ISUP (ITU-T Q.850), and the response a gateway sends when \
         the call is released with each. The profiles' tables: ",
    );
    for (i, profile) in Profile::ALL.into_iter().enumerate() {
        let separator = if i == 0 { "" } else { "; " };
        write!(
            page,
            "{separator}{}, from {} (and back, from {})",
            Text(profile.name()),
            Text(profile.cause_to_status_source()),
            Text(profile.status_to_cause_source())
        )?;
    }
    page.push_str(
        ".</p>\n<table id=\"causes-table\" class=\"cards\">\n\
         <caption class=\"visually-hidden\">Q.850 causes, one a row</caption>\n\
         <thead><tr><th scope=\"col\">Cause</th><th scope=\"col\">Name</th><th scope=\"col\">Class</th>\
         <th scope=\"col\">Response</th></tr></thead>\n<tbody>\n",
    );
    for entry in CAUSES {
        let value = entry.value;
        write!(
            page,
            "<tr id=\"q850-{value}\">\n<th scope=\"row\"><a href=\"#q850-{value}\" title=\"Link to cause {value}\">{value}</a></th>\n\
             <td><strong>{text}</strong> <code class=\"name\">{name}</code>",
            text = Text(entry.text),
            name = Text(entry.name),
        )?;
        write_aliases(page, entry.aliases)?;
        write!(
            page,
            "</td>\n<td data-label=\"Class\">{}</td>\n<td data-label=\"Response\">",
            Text(entry.class().name())
        )?;
        let cause = entry.cause();
        let answers = Profile::ALL.map(|profile| {
            let mapping = cause.status_mapping(profile);
            (profile, mapping.status, mapping.listed)
        });
        write_answers(page, &answers, |page, status| match status {
            Some(status) if status.entry().is_some() => {
                write!(page, "<a href=\"#{}\">{}</a>", status.as_u16(), Text(&status.to_string()))
            }
            Some(status) => write!(page, "{}", Text(&status.to_string())),
            None => page.write_str("no response"),
        })?;
        write_footnotes(page, &cause_footnotes(cause))?;
        page.push_str("</td>\n</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::output::{BAD_USAGE, SUCCESS};
    use crate::testing::sipcode;

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
    fn escape_leaves_no_markup() {
        assert_eq!(
            Text(r#"<script>alert("x") & 'y'</script>"#).to_string(),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(Text("&amp;").to_string(), "&amp;amp;");
        assert_eq!(Text("Busy Here — §21.4.24").to_string(), "Busy Here — §21.4.24");
        assert_eq!(Text("").to_string(), "");
        // Every character that could open markup or end an attribute is replaced, wherever it is.
        for special in ['&', '<', '>', '"', '\''] {
            for text in [format!("{special}"), format!("a{special}b{special}"), format!("{special}{special}")]
            {
                let escaped = Text(&text).to_string();
                assert!(!escaped.contains(['<', '>', '"', '\'']), "{text:?} gave {escaped:?}");
                assert_eq!(escaped.matches('&').count(), text.matches(special).count(), "{text:?}");
            }
        }
    }

    #[test]
    fn every_text_of_the_catalogue_is_escaped_once() {
        let html = page();
        for entry in CATALOGUE {
            let texts =
                [entry.phrase, entry.name, entry.meaning].into_iter().chain(entry.aliases.iter().copied());
            for text in texts.chain(entry.deprecated).chain(entry.non_standard) {
                let escaped = Text(text).to_string();
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
            let text = Text(entry.text).to_string();
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
                format!("{}</strong> {}", capitalised(handling.disposition.name()), Text(handling.action));
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
    fn every_warn_code_has_a_row() {
        let html = page();
        let rows: Vec<&str> =
            html.split("<tr id=\"warn-").skip(1).map(|row| &row[..row.find('"').unwrap()]).collect();
        let codes: Vec<String> = WARN_CODES.iter().map(|entry| entry.code.to_string()).collect();
        assert_eq!(rows, codes);
        for entry in WARN_CODES {
            let row = row(&html, &format!("warn-{}", entry.code));
            assert!(
                row.contains(&Text(entry.text).to_string()) && row.contains(&Text(entry.meaning).to_string())
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
                .filter(|entry| search_text(entry).contains(word))
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
        assert!(out.is_empty() && err.contains("without --json"), "{err}");
        let (exit, _, _) = sipcode(&["html", "486"], "");
        assert_eq!(exit, BAD_USAGE);
    }
}
