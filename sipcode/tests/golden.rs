//! Golden files: the text and JSON of a few commands, exactly, so that the
//! formats cannot drift unnoticed. `BLESS=1 cargo test -p sipcode --test golden`
//! rewrites them; review the diff before committing it.
//!
//! Each case runs the built binary. `NAME.txt` holds its text output (and,
//! after a `--- stderr` line, what it says on stderr), `NAME.json` its JSON.

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The explain sample: a status line with an odd phrase, an unknown code, a
/// Reason and a Warning, a non-UTF-8 byte and an escape sequence.
const TRACE: &[u8] = b"12:00:01 recv \"SIP/2.0 180 Ringing2\"\n\
SIP/2.0 479 Regretfully\r\n\
Reason: Q.850;cause=17;text=\"User busy\";location=LN\r\n\
Warning: 370 10.0.0.1:5060 \"Insufficient bandwidth\"\r\n\
SIP/2.0 486 Busy \xff\x1b[2J Here\n";

/// (file name, arguments, stdin, exit code).
const CASES: &[(&str, &[&str], &[u8], i32)] = &[
    ("486", &["486"], b"", 0),
    ("488", &["488"], b"", 0),
    ("408", &["408"], b"", 0),
    ("431", &["431"], b"", 1),
    ("q850-21", &["q850", "21"], b"", 0),
    ("warning-370", &["warning", "370"], b"", 0),
    ("best", &["best", "503", "407", "501", "404"], b"", 0),
    ("explain", &["explain"], TRACE, 0),
    ("busyhre", &["BusyHre"], b"", 1),
    // The crafted capture of src/trace/tests.rs: every call outcome.
    ("stats", &["stats", "tests/golden/trace.pcap"], b"", 0),
    ("check", &["check", "tests/golden/trace.pcap"], b"", 0),
];

/// Runs sipcode: (exit code, stdout, stderr).
fn sipcode(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_sipcode"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sipcode runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let output = child.wait_with_output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("sipcode writes UTF-8");
    (output.status.code().unwrap(), text(output.stdout), text(output.stderr))
}

#[test]
fn text_and_json_match_the_golden_files() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut stale = Vec::new();
    for (name, args, stdin, exit) in CASES {
        let (code, out, err) = sipcode(args, stdin);
        assert_eq!(code, *exit, "{args:?}: {err}");
        let text = if err.is_empty() { out } else { format!("{out}--- stderr\n{err}") };
        let json_args: Vec<&str> = args.iter().copied().chain(["--json"]).collect();
        let (code, json, _) = sipcode(&json_args, stdin);
        assert_eq!(code, *exit, "{json_args:?}");
        for line in json.lines().filter(|_| *name == "explain") {
            serde_json::from_str::<serde_json::Value>(line).expect("each line of explain --json is JSON");
        }
        if *name != "explain" {
            serde_json::from_str::<serde_json::Value>(&json).expect("one JSON document");
        }
        for (file, actual) in [(format!("{name}.txt"), text), (format!("{name}.json"), json)] {
            let path = dir.join(&file);
            if std::fs::read_to_string(&path).ok().as_deref() == Some(actual.as_str()) {
                continue;
            }
            if std::env::var_os("BLESS").is_some() {
                std::fs::write(&path, actual).unwrap();
            } else {
                stale.push(file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} differ from the output: if the change is meant, run \
         `BLESS=1 cargo test -p sipcode --test golden` and commit the files"
    );
}

#[test]
fn io_errors_exit_2() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        println!("SKIPPED: no /dev/full here");
        return;
    }
    for args in [&["--json", "486"][..], &["486"], &["html"]] {
        let status = Command::new(env!("CARGO_BIN_EXE_sipcode"))
            .args(args)
            .stdout(std::fs::File::create(full).unwrap())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
}
