//! The text display of catalogue rows: one block per code, or an aligned table.

use sip_codes::Entry;

use crate::json::entry_json;
use crate::output::{BOLD, DIM, Failure, Output, YELLOW};

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
        let url = output.paint(DIM, entry.reference.url());
        let q850 = crate::cause::status_causes(output, entry.status());
        let rows = [
            ("class", format!("{}xx {class}", class.first_digit())),
            ("meaning", entry.meaning.to_owned()),
            ("defined", format!("{} {url}", entry.reference)),
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
                entry.reference.to_string(),
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
