//! The text display of catalogue rows: one block per code, or an aligned table.

use sip_codes::{Entry, Handling, StatusCode};

use crate::json::entry_json;
use crate::output::{BOLD, DIM, Failure, Output, YELLOW};

/// The RFC section that defines an entry, or "no RFC" for a code none defines (701).
pub fn defined_in(entry: &Entry) -> String {
    entry.reference.map_or_else(|| "no RFC".to_owned(), |reference| reference.to_string())
}

/// What a UAC that does not know `code` acts on instead: the one rule that
/// both the lookup of an unknown code and `explain` state (RFC 3261 §8.1.3.2).
pub fn understood_note(code: StatusCode) -> String {
    let understood = code.as_understood();
    let phrase = understood.canonical_reason().unwrap_or_default();
    format!("a UAC treats it as {} {phrase} (RFC 3261 §8.1.3.2)", understood.as_u16())
}

/// The lines of a code's handling: what to do next, Retry-After, header fields.
fn handling_rows(output: &Output, handling: &Handling) -> [(&'static str, String); 3] {
    let mut next = format!("{}: {}", handling.disposition, handling.action);
    if !handling.reads.is_empty() {
        next += &format!(" Reads {}.", handling.reads.join(", "));
    }
    next += &format!(" {}", output.paint(DIM, format_args!("[{}]", handling.reference)));
    let retry = match handling.retry_after() {
        Some(rule) => format!("{rule}"),
        None => "no Retry-After: RFC 3261 §20.33 and the code's section give it none".to_owned(),
    };
    // Retry-After has its own line.
    let headers: Vec<String> = handling
        .headers
        .iter()
        .filter(|rule| !rule.header.eq_ignore_ascii_case("Retry-After"))
        .map(ToString::to_string)
        .collect();
    let headers =
        if headers.is_empty() { "none of its own".to_owned() } else { headers.join("\n           ") };
    [("next", next), ("retry", retry), ("headers", headers)]
}

/// Everything known about each entry, one block each.
pub fn show_entries(output: &mut Output, entries: &[&Entry]) -> Result<(), Failure> {
    if output.json {
        output.write_json(&entries.iter().map(|entry| entry_json(entry)).collect())?;
        return Ok(());
    }
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            writeln!(output.out)?;
        }
        let class = entry.class();
        let mut flags: Vec<String> = Vec::new();
        if let Some(why) = entry.deprecated {
            flags.push(output.paint(YELLOW, format_args!("deprecated: {why}")));
        }
        if let Some(note) = entry.non_standard {
            flags.push(output.paint(YELLOW, format_args!("non-standard: {note}")));
        }
        let aliases: Vec<String> = entry.aliases.iter().map(|alias| format!("\"{alias}\"")).collect();
        let url = entry.reference.map_or(String::new(), |reference| output.paint(DIM, reference.url()));
        let [next, retry, headers] = handling_rows(output, entry.handling());
        let q850 = crate::cause::status_causes(output, entry.status());
        let rows = [
            ("class", format!("{}xx {class}", class.first_digit())),
            ("meaning", entry.meaning.to_owned()),
            ("defined", format!("{} {url}", defined_in(entry)).trim_end().to_owned()),
            next,
            retry,
            headers,
            ("name", format!("{} (StatusCode::{})", entry.name, entry.constant)),
            ("aliases", if aliases.is_empty() { "none".to_owned() } else { aliases.join(", ") }),
            ("flags", if flags.is_empty() { "none".to_owned() } else { flags.join("\n           ") }),
        ];
        writeln!(output.out, "{}", output.paint(BOLD, format_args!("{} {}", entry.code, entry.phrase)))?;
        for (label, value) in rows.into_iter().chain(q850.map(|causes| ("q850", causes))) {
            writeln!(output.out, "  {label:<8} {value}")?;
        }
    }
    Ok(())
}

/// One aligned row per entry: code, phrase, name, RFC section, flags.
pub fn show_table(output: &mut Output, entries: &[&Entry]) -> Result<(), Failure> {
    if output.json {
        output.write_json(&entries.iter().map(|entry| entry_json(entry)).collect())?;
        return Ok(());
    }
    let rows: Vec<[String; 5]> = entries
        .iter()
        .map(|entry| {
            let flags = [
                entry.is_deprecated().then_some("deprecated"),
                entry.is_non_standard().then_some("non-standard"),
            ];
            [
                entry.code.to_string(),
                entry.phrase.to_owned(),
                entry.name.to_owned(),
                defined_in(entry),
                flags.into_iter().flatten().collect::<Vec<_>>().join(", "),
            ]
        })
        .collect();
    let header = ["code", "phrase", "name", "defined in", "flags"].map(str::to_owned);
    let mut widths = [0; 5];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let format_row = |row: &[String; 5]| {
        let cells: Vec<String> =
            row.iter().zip(widths).map(|(cell, width)| format!("{cell:<width$}")).collect();
        cells.join("  ").trim_end().to_owned()
    };
    writeln!(output.out, "{}", output.paint(BOLD, format_row(&header)))?;
    for row in &rows {
        writeln!(output.out, "{}", format_row(row))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::{json_of, sipcode};

    #[test]
    fn a_code_shows_what_to_do_its_retry_after_and_its_headers() {
        let (exit, out, _) = sipcode(&["486"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.contains("\n  next     fail here: The callee is busy"), "{out}");
        assert!(out.contains(
            "\n  retry    MAY carry Retry-After, saying when the callee may be free (RFC 3261 §21.4.24)"
        ));
        let (_, out, _) = sipcode(&["405"], "");
        assert!(out.contains("\n  retry    no Retry-After"), "{out}");
        assert!(out.contains("\n  headers  MUST carry Allow (RFC 3261 §21.4.6)"), "{out}");
        let (_, out, _) = sipcode(&["407"], "");
        assert!(out.contains("retry with changes: Retry with credentials"), "{out}");
        assert!(out.contains("Reads Proxy-Authenticate. [RFC 3261 §8.1.3.5]"), "{out}");
        let (_, out, _) = sipcode(&["701"], "");
        assert!(out.contains("\n  defined  no RFC\n"), "{out}");
    }

    #[test]
    fn json_carries_the_handling() {
        let (_, entries) = json_of(&["--json", "423"], "");
        let handling = &entries[0]["handling"];
        assert_eq!(handling["disposition"], "retry with changes");
        assert_eq!(handling["reads"][0], "Min-Expires");
        assert_eq!(handling["headers"][0]["requirement"], "MUST");
        assert_eq!(handling["retry_after"], serde_json::Value::Null);
        let (_, entries) = json_of(&["--json", "503"], "");
        assert_eq!(entries[0]["handling"]["retry_after"]["reference"]["section"], "21.5.4");
        assert_eq!(json_of(&["--json", "701"], "").1[0]["reference"], serde_json::Value::Null);
    }

    #[test]
    fn lookup_and_explain_state_one_rule_for_unknown_codes() {
        for (code, understood) in [
            ("150", "183 Session Progress"),
            ("299", "200 OK"),
            ("431", "400 Bad Request"),
            ("699", "600 Busy Everywhere"),
        ] {
            let note = format!("a UAC treats it as {understood} (RFC 3261 §8.1.3.2)");
            let (exit, _, err) = sipcode(&[code], "");
            assert_eq!(exit, NOTHING_MATCHED);
            assert!(err.contains(&note), "{err}");
            let (_, out, _) = sipcode(&["explain"], &format!("SIP/2.0 {code} Whatever\n"));
            assert!(out.contains(&note), "{out}");
            let (_, found) = json_of(&["explain", "--json"], &format!("SIP/2.0 {code} Whatever\n"));
            assert_eq!(found[0]["understood_as"].to_string(), understood[..3]);
        }
    }
}
