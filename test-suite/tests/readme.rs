//! The README's catalogue table is generated from `sip_codes::CATALOGUE`.
//! `BLESS=1 cargo test --test readme` rewrites it; otherwise a stale table
//! fails the test.

use std::path::PathBuf;

use sip_codes::{CATALOGUE, Entry};

const START: &str = "<!-- catalogue:start -->";
const END: &str = "<!-- catalogue:end -->";

/// The Markdown table: code, phrase, name, RFC section (linked), flags.
fn catalogue_table() -> String {
    // Markdown would read a `|` inside a cell as the end of the cell.
    let cell = |text: &str| text.replace('|', "\\|");
    let mut table = String::from("| code | phrase | name | defined in | flags |\n|---|---|---|---|---|\n");
    for entry in CATALOGUE {
        let flags: Vec<&str> = [
            entry.is_deprecated().then_some("deprecated"),
            entry.is_non_standard().then_some("non-standard"),
        ]
        .into_iter()
        .flatten()
        .collect();
        // A code that no RFC defines (701) says so in its own cell.
        let defined_in = match entry.reference {
            Some(reference) => format!("[{reference}]({})", reference.url()),
            None => "no RFC (see its docs)".to_owned(),
        };
        table += &format!(
            "| {} | {} | `{}` | {defined_in} | {} |\n",
            entry.code,
            cell(entry.phrase),
            entry.name,
            flags.join(", "),
        );
    }
    table
}

#[test]
fn the_readme_catalogue_table_is_the_catalogue() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (before, rest) =
        readme.split_once(START).expect("README.md lost its `<!-- catalogue:start -->` marker");
    let (current, after) = rest.split_once(END).expect("README.md lost its `<!-- catalogue:end -->` marker");
    let expected = format!("\n{}", catalogue_table());
    if current == expected {
        return;
    }
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, format!("{before}{START}{expected}{END}{after}")).unwrap();
        return;
    }
    panic!(
        "the catalogue table in README.md differs from sip_codes::CATALOGUE: run \
         `BLESS=1 cargo test --test readme` to regenerate it, and commit README.md"
    );
}

#[test]
fn the_table_has_a_row_per_entry_with_its_flags() {
    let table = catalogue_table();
    assert_eq!(table.lines().count(), 2 + CATALOGUE.len());
    let row = |code: u16| {
        let entry = Entry::by_code(code).unwrap();
        table.lines().find(|line| line.starts_with(&format!("| {} |", entry.code))).unwrap().to_owned()
    };
    assert_eq!(
        row(486),
        "| 486 | Busy Here | `BusyHere` | [RFC 3261 §21.4.24](https://www.rfc-editor.org/rfc/rfc3261#section-21.4.24) |  |"
    );
    assert!(row(202).ends_with("| deprecated |"));
    assert!(row(701).ends_with("| non-standard |"));
}
