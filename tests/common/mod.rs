//! Access to the shared real-world material beside the workspace (`../shared`).
#![allow(dead_code)] // each test crate uses its own part

use std::path::PathBuf;

/// `../shared/<relative>`, which CI and a developer checkout keep beside the workspace.
pub fn shared(relative: &str) -> PathBuf {
    // The workspace root holds Cargo.lock; a member's tests (sipcode's) start a level below it.
    let package = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = package.ancestors().find(|dir| dir.join("Cargo.lock").exists()).unwrap_or(&package);
    let path = root.join("../shared").join(relative);
    assert!(path.exists(), "{} is missing: clone the project with ../shared beside it", path.display());
    path
}

/// The `(code, phrase)` rows of the operators' manual: the lines
/// `code<TAB>phrase<TAB>meaning` of the files in `../shared/seed/`.
pub fn manual_rows() -> Vec<(u16, String)> {
    let mut rows = Vec::new();
    for file in std::fs::read_dir(shared("seed")).unwrap() {
        let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
        for line in text.lines() {
            let mut columns = line.split('\t');
            if let (Some(code), Some(phrase), Some(_meaning)) =
                (columns.next(), columns.next(), columns.next())
                && let Ok(code) = code.parse::<u16>()
            {
                rows.push((code, phrase.to_owned()));
            }
        }
    }
    rows
}

/// The status lines of `../shared/data/status-lines.tsv`, exactly as sent.
pub fn status_lines() -> Vec<String> {
    let text = std::fs::read_to_string(shared("data/status-lines.tsv")).unwrap();
    text.lines()
        .skip(1) // the header
        .map(|row| row.split('\t').next().unwrap().to_owned())
        .collect()
}

/// The rows of a header-value file of `../shared/data/` (`reason-values.tsv`,
/// `warning-values.tsv`): `(value, notes)`, with the four characters `\r\n`
/// that mark a folded line turned into a real CRLF.
pub fn header_values(file: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(shared(&format!("data/{file}"))).unwrap();
    text.lines()
        .skip(1) // the header
        .map(|row| {
            let columns: Vec<&str> = row.split('\t').collect();
            (
                columns[0].replace("\\r\\n", "\r\n").replace("\\t", "\t"),
                columns.get(3).copied().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// The columns of each row of a reference table of `../shared/data/`, header skipped.
pub fn table(file: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(shared(&format!("data/{file}"))).unwrap();
    text.lines().skip(1).map(|row| row.split('\t').map(str::to_owned).collect()).collect()
}
