//! The installed binary, end to end, over the real-world status lines of
//! `sip-codes-testdata/data/status-lines.tsv`: stdin, stdout and the exit code as an
//! operator's shell sees them.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use sip_codes::StatusLine;

/// Runs the built `sipcode` with `args`, writing `stdin` to it.
fn sipcode(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sipcode"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sipcode binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// `explain --json`'s output: one JSON object a line.
fn json_lines(stdout: &[u8]) -> Vec<Value> {
    let text = std::str::from_utf8(stdout).unwrap();
    text.lines().map(|line| serde_json::from_str(line).unwrap()).collect()
}

#[test]
fn explain_reads_every_real_world_status_line() {
    let lines = sip_codes_testdata::status_lines();
    let input = lines.join("\n");
    let run = sipcode(&["explain", "--json"], &input);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let findings = json_lines(&run.stdout);
    assert_eq!(findings.len(), lines.len(), "one finding per line");
    for (finding, line) in findings.iter().zip(&lines) {
        assert_eq!(finding["input"]["text"], *line);
        assert_eq!(finding["type"] != "invalid", StatusLine::parse(line).is_ok(), "{line}");
    }
    let run = sipcode(&["explain"], &input);
    assert_eq!(run.status.code(), Some(0));
    let out = String::from_utf8(run.stdout).unwrap();
    // Piped, not a terminal: no colour.
    assert!(!out.contains('\x1b'));
    // "Ok" is "OK" in another case: not flagged. A phrase of another code is.
    assert!(!out.contains("phrase \"Ok\""), "{out}");
    assert!(out.contains(
        "! non-standard reason phrase \"Service Unavailable\"; the registered phrase is \"Server Internal Error\""
    ));
}

#[test]
fn exit_codes_reach_the_shell() {
    let found = sipcode(&["486"], "");
    assert_eq!(found.status.code(), Some(0));
    assert!(String::from_utf8(found.stdout).unwrap().starts_with("486 Busy Here\n"));
    let missing = sipcode(&["BusyHre"], "");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8(missing.stderr).unwrap().contains("did you mean BusyHere (486)?"));
    assert_eq!(sipcode(&[], "").status.code(), Some(2));
}

#[test]
fn explain_annotates_every_real_world_reason_and_warning_value() {
    for (file, header) in [("reason-values.tsv", "Reason"), ("warning-values.tsv", "Warning")] {
        // A folded value is unfolded onto one line, as a log prints it.
        let values: Vec<String> = sip_codes_testdata::header_values(file)
            .into_iter()
            .map(|(value, _)| value.replace("\r\n", " "))
            .collect();
        let input: String = values.iter().map(|value| format!("{header}: {value}\n")).collect();
        let run = sipcode(&["explain", "--json"], &input);
        assert_eq!(run.status.code(), Some(0), "{file}");
        let findings = json_lines(&run.stdout);
        for (number, value) in values.iter().enumerate() {
            let of_line: Vec<&Value> = findings.iter().filter(|f| f["line"] == number + 1).collect();
            let expected: Vec<bool> = match header {
                "Reason" => sip_codes::Reason::parse_all(value).map(|r| r.is_ok()).collect(),
                _ => sip_codes::Warning::parse_all(value).map(|w| w.is_ok()).collect(),
            };
            let valid: Vec<bool> = of_line.iter().map(|f| f["type"] != "invalid").collect();
            assert_eq!(valid, expected, "{header}: {value}");
        }
    }
}
