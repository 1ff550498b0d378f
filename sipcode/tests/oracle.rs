//! The tshark oracle: `sipcode stats --json`'s messages as sent, per code and
//! per method, equal Wireshark's "SIP Statistics" (`tshark -q -z sip,stat`)
//! on the project's own captures: `test-suite/tests/captures/record.sh`
//! records sipp placing calls against the UAS example over loopback, once
//! clean and once with `sipp -lost 2` so that both sides retransmit.
//!
//! Needs root (to capture on `lo`), tcpdump, sipp and tshark; without them
//! the test says why on stdout and passes. CALLS (default 500) sets the size.
//!
//! Where tshark and sipcode differ, by design, and what the test does about it:
//! - tshark prints its own phrase for a code ("503 Service Unavailable" for a
//!   sent "503 Overloaded, retry later"): the phrase is not compared, the code is;
//! - tshark counts packets, so a retransmission counts again: so do sipcode's
//!   messages as sent (its transactions count it once, and are not compared);
//! - tshark's table of codes lacks 199, 425 and 555 (and every extension
//!   code): it counts them under its class's x99 line ("499 Client Error -
//!   Others"), so sipcode's codes that tshark does not list are summed into
//!   their x99 before comparing;
//! - tshark has no line for 7xx (nor 8xx, 9xx): those are left out of the
//!   comparison, though tshark counts them in its total;
//! - the total of messages equals tshark's "Number of SIP messages".
//!
//! The crafted capture of the golden files (a 499, a 701, a 503 with a
//! phrase of its own, retransmissions) is compared too: it needs tshark only.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the test cannot run here, if it cannot.
fn missing_tools() -> Option<String> {
    if let Some(why) = missing_tshark() {
        return Some(why);
    }
    let uid = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Some("not root: tcpdump cannot capture on lo".into());
    }
    for tool in ["tcpdump", "sipp"] {
        let found = Command::new("sh").args(["-c", &format!("command -v {tool}")]).output();
        if !found.is_ok_and(|out| out.status.success()) {
            return Some(format!("{tool} is not installed"));
        }
    }
    None
}

fn missing_tshark() -> Option<String> {
    let found = Command::new("sh").args(["-c", "command -v tshark"]).output();
    (!found.is_ok_and(|out| out.status.success())).then(|| "tshark is not installed".to_owned())
}

/// Compares the counts of one capture, tshark's gaps explained above.
fn compare(pcap: &Path) {
    let name = pcap.display();
    let (their_codes, their_methods, their_total) = tshark(pcap);
    let (our_codes, our_methods, our_total) = sipcode(pcap);
    assert!(our_total > 0, "{name}: no SIP message read");
    assert_eq!(our_total, their_total, "{name}: messages in all");
    assert_eq!(our_methods, their_methods, "{name}: requests per method");
    // sipcode's counts as tshark shows them: codes it does not list under
    // their x99, 7xx to 9xx left out.
    let mut as_tshark: BTreeMap<u16, u64> = BTreeMap::new();
    for (&code, &count) in &our_codes {
        let shown = match code {
            700.. => continue,
            _ if their_codes.contains_key(&code) => code,
            _ => code / 100 * 100 + 99,
        };
        *as_tshark.entry(shown).or_default() += count;
    }
    assert_eq!(as_tshark, their_codes, "{name}: responses per code");
    println!("{name}: {our_total} messages, per code {our_codes:?}, per method {our_methods:?}: as tshark");
}

#[test]
fn the_crafted_capture_counts_as_tshark_does() {
    if let Some(why) = missing_tshark() {
        println!("SKIPPED: {why}");
        return;
    }
    compare(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/trace.pcap"));
}

/// tshark's counts: (per code, per method, messages in all).
fn tshark(pcap: &Path) -> (BTreeMap<u16, u64>, BTreeMap<String, u64>, u64) {
    let out = Command::new("tshark").args(["-q", "-z", "sip,stat", "-r"]).arg(pcap).output().unwrap();
    assert!(out.status.success(), "tshark: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let (mut codes, mut methods, mut total) = (BTreeMap::new(), BTreeMap::new(), 0);
    for line in text.lines() {
        let line = line.trim();
        if let Some(n) = line.strip_prefix("Number of SIP messages:") {
            total = n.trim().parse().unwrap();
        }
        let Some((name, count)) = line.rsplit_once(':') else { continue };
        let Some(count) = count.trim().strip_suffix(" Packets") else { continue };
        let count: u64 = count.trim().parse().unwrap();
        match name.trim().strip_prefix("SIP ") {
            // `SIP 486 Busy Here`: tshark's phrase, not the wire's.
            Some(status) => {
                codes.insert(status[..3].parse().unwrap(), count);
            }
            None => {
                methods.insert(name.trim().to_owned(), count);
            }
        }
    }
    (codes, methods, total)
}

/// sipcode's messages as sent: (per code, per method, messages in all).
fn sipcode(pcap: &Path) -> (BTreeMap<u16, u64>, BTreeMap<String, u64>, u64) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_sipcode")).args(["stats", "--json"]).arg(pcap).output().unwrap();
    assert!(out.status.success(), "sipcode: {}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let messages = &json["messages"];
    let pairs = |key: &str| {
        messages[key].as_array().unwrap().iter().map(|c| (c["key"].clone(), c["count"].as_u64().unwrap()))
    };
    let codes = pairs("by_code").map(|(k, n)| (k.as_u64().unwrap() as u16, n)).collect();
    let methods = pairs("by_method").map(|(k, n)| (k.as_str().unwrap().to_owned(), n)).collect();
    let total = messages["requests"].as_u64().unwrap() + messages["responses"].as_u64().unwrap();
    (codes, methods, total)
}

#[test]
fn messages_as_sent_equal_tshark_wherever_tshark_is_right() {
    if let Some(why) = missing_tools() {
        println!("SKIPPED: {why}");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out: PathBuf = std::env::temp_dir().join(format!("sipcode-oracle-{}", std::process::id()));
    let calls = std::env::var("CALLS").unwrap_or_else(|_| "500".into());
    let status = Command::new(root.join("test-suite/tests/captures/record.sh"))
        .arg(&out)
        .env("CALLS", &calls)
        .status()
        .expect("record.sh runs");
    assert!(status.success(), "record.sh failed: see {}", out.display());
    for name in ["calls.pcap", "lossy.pcap"] {
        compare(&out.join(name));
    }
    std::fs::remove_dir_all(&out).ok();
}
