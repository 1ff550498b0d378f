//! End to end on loopback: `examples/uas.rs` answers sipp, the reference SIP test tool, with the
//! exact status line of every case in `tests/sipp/`, and survives garbage sent over a plain
//! `UdpSocket`.
//!
//! The sipp test skips, saying so, only when `sipp` is not installed (Debian's `sip-tester`
//! package provides it; `.ci/run` installs it). The other tests need nothing but std.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Each sipp run must end within this, and the UAS must answer a request within it.
const PATIENCE: Duration = Duration::from_secs(8);

/// The sipp scenarios, each with the status line it insists on.
const CASES: [(&str, &str); 7] = [
    ("invite_486.xml", "SIP/2.0 486 Busy Here"),
    ("invite_603.xml", "SIP/2.0 603 Decline"),
    ("invite_404.xml", "SIP/2.0 404 Not Found"),
    ("invite_503.xml", "SIP/2.0 503 Overloaded, retry later"),
    ("invite_200_bye.xml", "SIP/2.0 200 OK, then SIP/2.0 200 OK to the BYE"),
    ("options_200.xml", "SIP/2.0 200 OK with Allow"),
    ("bye_481.xml", "SIP/2.0 481 Call/Transaction Does Not Exist"),
];

#[test]
fn sipp_gets_the_exact_status_line_of_every_case() {
    let version = match Command::new("sipp").arg("-v").output() {
        // `sipp -v` prints its version on the first line that is not empty, then its licence.
        Ok(output) => String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or("sipp of an unknown version")
            .trim_end_matches('.')
            .to_owned(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            println!(
                "SKIPPED: sipp is not installed, so the UAS example was not tested against it; \
                 install Debian's sip-tester package (`apt-get install -y sip-tester`) to run this test"
            );
            return;
        }
        Err(error) => panic!("sipp is installed but could not be started: {error}"),
    };
    let started = Instant::now();
    let uas = Uas::start("sipp", 100);
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sipp");
    let mut failures = Vec::new();
    for (scenario, expected) in CASES {
        let options = ["-m", "1", "-timeout", "6s"];
        let Sipp { mut child, output, errors } =
            Sipp::start(&scenarios.join(scenario), &options, &uas, scenario);
        match wait(&mut child, PATIENCE) {
            Some(0) => {}
            code => failures.push(format!(
                "{scenario} (expects {expected}) failed: sipp {}; its errors:\n{}\nits report:\n{}",
                code.map_or("was killed after 8 s".to_owned(), |code| format!("exited with {code}")),
                std::fs::read_to_string(&errors).unwrap_or_default(),
                tail(&std::fs::read_to_string(&output).unwrap_or_default(), 25),
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} sipp cases failed against {version}:\n{}\nthe UAS log:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n"),
        uas.log()
    );
    println!("{} sipp cases passed with {version} in {:?}", CASES.len(), started.elapsed());
}

/// The load the UAS must hold: calls a second, and how many.
const LOAD: (u32, u32) = (1_000, 3_000);

/// sipp places 3,000 calls at 1,000 a second while it loses 2% of the messages it sends and
/// receives, so that both sides retransmit. Each call dials the next user of
/// `tests/sipp/load_mix.csv`: the answered ones are acknowledged and hung up, the refused ones
/// acknowledged. Every call must succeed: a retransmitted INVITE must get its first answer again
/// (not become a new call), a BYE must find its dialog, and no datagram may be lost to a full socket
/// buffer. sipp matches each response to its transaction and fails a call on any response it did
/// not ask for; the UAS must have answered each request once, with the code its user calls for.
#[test]
fn sipp_at_a_thousand_calls_a_second_with_loss_gets_only_what_it_asked_for() {
    if Command::new("sipp").arg("-v").output().is_err() {
        println!(
            "SKIPPED: sipp is not installed (`apt-get install -y sip-tester`), so the load was not placed"
        );
        return;
    }
    let (rate, calls) = LOAD;
    let uas = Uas::start("load", calls);
    let sipp_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sipp");
    let users = std::fs::read_to_string(sipp_dir.join("load_mix.csv")).unwrap();
    let users: Vec<&str> = users.lines().skip(1).map(|line| line.trim_end_matches(';')).collect();
    let (calls_text, rate_text) = (calls.to_string(), rate.to_string());
    let injection = sipp_dir.join("load_mix.csv");
    let injection = injection.to_str().expect("the workspace path is UTF-8");
    let options = ["-m", &calls_text, "-r", &rate_text, "-lost", "2", "-timeout", "50s", "-inf", injection];
    let Sipp { mut child, output, errors } =
        Sipp::start(&sipp_dir.join("load_mix.xml"), &options, &uas, "load");
    let status = wait(&mut child, Duration::from_secs(55));
    let log = uas.log();
    assert!(
        status == Some(0),
        "sipp {} at {rate} calls/s with 2% loss; its errors:\n{}\nits report:\n{}\nthe UAS log's last lines:\n{}",
        status.map_or("was killed after 55 s".to_owned(), |code| format!("exited with {code}")),
        tail(&std::fs::read_to_string(&errors).unwrap_or_default(), 20),
        tail(&std::fs::read_to_string(&output).unwrap_or_default(), 25),
        tail(&log, 20),
    );
    // What each user's INVITE gets (the table of examples/uas.rs); an answered call adds the BYE's 200.
    let mut expected = std::collections::BTreeMap::<&str, usize>::new();
    for call in 0..calls as usize {
        let (line, answered) = match users[call % users.len()] {
            "alice" | "bob" => ("SIP/2.0 200 OK", true),
            "busy" => ("SIP/2.0 486 Busy Here", false),
            "decline" => ("SIP/2.0 603 Decline", false),
            "overloaded" => ("SIP/2.0 503 Overloaded, retry later", false),
            _ => ("SIP/2.0 404 Not Found", false),
        };
        *expected.entry(line).or_default() += 1 + usize::from(answered);
    }
    let mut answered = std::collections::BTreeMap::<&str, usize>::new();
    for line in log.lines().filter_map(|line| line.split_once(" -> ").map(|(_, line)| line)) {
        *answered.entry(line).or_default() += 1;
    }
    // Retransmissions are answered from memory and logged apart, so each request counts once here.
    assert_eq!(answered, expected, "each INVITE and BYE answered once, with its user's code");
}

#[test]
fn garbage_gets_400_or_nothing_and_the_uas_lives_on() {
    let uas = Uas::start("garbage", 100);
    let client = Client::new(&uas);

    // Nothing a response could be matched to (RFC 3261 §17.1.3): each is dropped without a word.
    let huge_garbage = vec![b'A'; 65_000];
    let mut huge_newlines = b"INVITE sip:busy@127.0.0.1 SIP/2.0\r\n".to_vec();
    huge_newlines.resize(65_000, b'\n');
    let dropped: [&[u8]; 8] = [
        b"",
        b"\r\n\r\n",
        b"\x00\xff\xfe\x80 INVITE \xc3\x28 SIP/2.0\r\nVia: \xff\r\n\r\n",
        "INVITE sip:busy@127.0.0.1 SIP/2.0\r\n\r\n".as_bytes(),
        b"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKx\r\nCSeq: 1 INVITE\r\n\r\n",
        "\u{20ac}\u{20ac}\r\nVia: SIP/2.0/UDP 127.0.0.1\r\nCSeq: 1 INVITE\r\n\r\n".as_bytes(),
        &huge_garbage,
        &huge_newlines,
    ];
    for datagram in dropped {
        client.send(datagram);
    }

    // Responses come in the order of the requests, so the first one must answer the first of these.
    let cases = [
        (
            request("INVITE sip:busy@127.0.0.1 SIP/2.0", "no-call-id", &["CSeq: 1 INVITE"], false),
            "SIP/2.0 400 Missing Call-ID Header",
        ),
        (
            request("OPTIONS sip:127.0.0.1 SIP/2.0", "mismatch", &["CSeq: 1 INVITE"], true),
            "SIP/2.0 400 CSeq Method Does Not Match Request",
        ),
        (
            request("OPTIONS sip:127.0.0.1 SIP/2.0", "cseq", &["CSeq: one OPTIONS"], true),
            "SIP/2.0 400 Malformed CSeq Header",
        ),
        (
            request(
                "OPTIONS sip:127.0.0.1 SIP/2.0",
                "short",
                &["CSeq: 1 OPTIONS", "Content-Length: 10"],
                true,
            ),
            "SIP/2.0 400 Body Shorter Than Content-Length",
        ),
        (
            request("OPTIONS sip:127.0.0.1 SIP/2.0", "no-colon", &["CSeq: 1 OPTIONS", "Subject"], true),
            "SIP/2.0 400 Malformed Header Line",
        ),
        (
            request("OPTIONS sip:127.0.0.1 SIP/2.0", "twice", &["CSeq: 1 OPTIONS", "i: again"], true),
            "SIP/2.0 400 Duplicate Header Field",
        ),
        (
            request("OPTIONS sip:127.0.0.1 SIP/3.0", "version", &["CSeq: 1 OPTIONS"], true),
            "SIP/2.0 505 Version Not Supported",
        ),
        (
            request("OPTIONS tel:+15550100 SIP/2.0", "tel", &["CSeq: 1 OPTIONS"], true),
            "SIP/2.0 416 Unsupported URI Scheme",
        ),
        // Method names are case-sensitive (§7.1): `invite` is no INVITE.
        (
            request("invite sip:busy@127.0.0.1 SIP/2.0", "lowercase", &["CSeq: 1 invite"], true),
            "SIP/2.0 501 Not Implemented",
        ),
    ];
    for (datagram, expected) in &cases {
        client.send(datagram.as_bytes());
        let response = client.receive(&uas);
        assert_eq!(status_line(&response), *expected, "the request:\n{datagram}\nthe response:\n{response}");
        // A final response to INVITE, a 400 too, comes again until its ACK (§17.2.1): acknowledge
        // it, so that no retransmission slips in before the next response.
        if datagram.starts_with("INVITE") {
            client.send(ack(datagram, &response).as_bytes());
        }
    }

    // §8.2.1: a method the UAS knows but does not handle gets 405, with the methods it handles.
    client
        .send(request("REGISTER sip:127.0.0.1 SIP/2.0", "register", &["CSeq: 1 REGISTER"], true).as_bytes());
    let response = client.receive(&uas);
    assert_eq!(status_line(&response), "SIP/2.0 405 Method Not Allowed", "{response}");
    assert!(response.contains("\r\nAllow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n"), "{response}");

    // After all that, a valid OPTIONS, in compact forms, LF line endings and a folded line, with
    // two Via header fields and a 60 kB header field, still gets its 200 OK.
    let subject = "s".repeat(60_000);
    let options = format!(
        "OPTIONS sip:127.0.0.1 SIP/2.0\n\
         v: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK-alive\n\
         VIA:   SIP/2.0/UDP proxy.example.com;branch=z9hG4bK-proxy\n\
         f: <sip:test@127.0.0.1>;tag=alive\n\
         t: <sip:127.0.0.1>\n\
         i: alive\n\
         cseq: 7\n  OPTIONS\n\
         Subject: {subject}\n\
         l: 0\n\n",
        port = client.port(),
    );
    client.send(options.as_bytes());
    let response = client.receive(&uas);
    assert_eq!(status_line(&response), "SIP/2.0 200 OK", "{response}");
    let expected_head = format!(
        "\r\nVia: SIP/2.0/UDP 127.0.0.1:{};branch=z9hG4bK-alive\r\n\
         Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bK-proxy\r\n\
         From: <sip:test@127.0.0.1>;tag=alive\r\nTo: <sip:127.0.0.1>;tag=",
        client.port()
    );
    assert!(response.contains(&expected_head), "{response}");
    assert!(response.contains("\r\nCall-ID: alive\r\nCSeq: 7 OPTIONS\r\n"), "{response}");
    assert!(response.ends_with("\r\nContent-Length: 0\r\n\r\n"), "{response}");
}

#[test]
fn retransmissions_ack_and_cancel_follow_their_transaction() {
    let uas = Uas::start("transactions", 100);
    let client = Client::new(&uas);

    // A retransmitted INVITE gets the very same response, To tag included (§17.2.1).
    let invite = request("INVITE sip:busy@127.0.0.1 SIP/2.0", "retransmitted", &["CSeq: 1 INVITE"], true);
    client.send(invite.as_bytes());
    let first = client.receive(&uas);
    client.send(invite.as_bytes());
    let again = client.receive(&uas);
    assert_eq!(status_line(&first), "SIP/2.0 486 Busy Here", "{first}");
    assert_eq!(first, again);

    // Without its ACK, the 486 comes again after T1 = 500 ms (§17.2.1, Timer G).
    let retransmitted = client.receive(&uas);
    assert_eq!(first, retransmitted);
    client.send(ack(&invite, &first).as_bytes());

    // The INVITE was answered at once, so its CANCEL changes nothing and gets 200 (§9.2).
    let cancel = invite.replace("INVITE sip:", "CANCEL sip:").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL");
    client.send(cancel.as_bytes());
    assert_eq!(status_line(&client.receive(&uas)), "SIP/2.0 200 OK");
    // A CANCEL that matches no INVITE gets 481.
    let stray = cancel.replace("branch=z9hG4bK-retransmitted", "branch=z9hG4bK-stray");
    client.send(stray.as_bytes());
    assert_eq!(status_line(&client.receive(&uas)), "SIP/2.0 481 Call/Transaction Does Not Exist");

    // After the ACK, nothing more comes for the INVITE: the next response is the OPTIONS's.
    // Had the ACK not matched, the second retransmission would come 1.5 s after the INVITE.
    std::thread::sleep(Duration::from_millis(1_100));
    client.send(
        request("OPTIONS sip:busy@127.0.0.1 SIP/2.0", "after-ack", &["CSeq: 1 OPTIONS"], true).as_bytes(),
    );
    let options = client.receive(&uas);
    // An OPTIONS gets the code an INVITE would have got (§11.2).
    assert_eq!(status_line(&options), "SIP/2.0 486 Busy Here", "{options}");
    assert!(options.contains("Call-ID: after-ack\r\n"), "{options}");
}

/// The UAS example, running on an ephemeral loopback port until dropped.
struct Uas {
    child: Child,
    address: SocketAddr,
    log: PathBuf,
    /// Kept open: the UAS must never meet a closed stdout.
    _stdout: BufReader<ChildStdout>,
}

impl Uas {
    fn start(name: &str, max_calls: u32) -> Uas {
        let log = scratch(&format!("uas-{name}.log"));
        let mut child = Command::new(uas_binary())
            .args(["--port", "0", "--lifetime-secs", "60", "--max-calls", &max_calls.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(&log).expect("the UAS log file can be created"))
            .spawn()
            .expect("the uas example starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        // The UAS prints its address as soon as it is bound; if it dies instead, this reads EOF.
        let _ = stdout.read_line(&mut line);
        let Some(address) = line.trim().strip_prefix("listening on ").and_then(|text| text.parse().ok())
        else {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the UAS should print `listening on <address>` first, but printed {line:?}; its log:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        };
        Uas { child, address, log, _stdout: stdout }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Uas {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A sipp run against the UAS, with its report and its errors in files.
struct Sipp {
    child: Child,
    output: PathBuf,
    errors: PathBuf,
}

impl Sipp {
    /// Starts sipp with `scenario` and `options` (`-m`, `-r`, `-timeout`…) against `uas`; `name`
    /// names its files.
    fn start(scenario: &Path, options: &[&str], uas: &Uas, name: &str) -> Sipp {
        let output = scratch(&format!("{name}.out"));
        let errors = scratch(&format!("{name}.errors"));
        // sipp binds 5060 unless told otherwise, even with `-p 0`: give it a port that is free.
        let local_port = UdpSocket::bind("127.0.0.1:0")
            .and_then(|socket| socket.local_addr())
            .expect("a free UDP port on loopback is needed for sipp")
            .port();
        let child = Command::new("sipp")
            .arg("-sf")
            .arg(scenario)
            .args(options)
            .args(["-timeout_error", "-nostdin", "-i", "127.0.0.1"])
            .args(["-p", &local_port.to_string(), "-trace_err", "-error_file"])
            .arg(&errors)
            .arg(uas.address.to_string())
            .stdin(Stdio::null())
            .stdout(File::create(&output).expect("the sipp output file can be created"))
            .stderr(Stdio::null())
            .spawn()
            .expect("sipp starts");
        Sipp { child, output, errors }
    }
}

/// A UAC of the simplest kind: one UDP socket on loopback.
struct Client {
    socket: UdpSocket,
    uas: SocketAddr,
}

impl Client {
    fn new(uas: &Uas) -> Client {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("a UDP socket binds to loopback");
        socket.set_read_timeout(Some(PATIENCE)).expect("a read timeout can be set");
        Client { socket, uas: uas.address }
    }

    fn port(&self) -> u16 {
        self.socket.local_addr().map(|address| address.port()).unwrap_or_default()
    }

    fn send(&self, datagram: &[u8]) {
        self.socket.send_to(datagram, self.uas).expect("a datagram can be sent to the UAS");
    }

    fn receive(&self, uas: &Uas) -> String {
        let mut buffer = vec![0; 65_535];
        match self.socket.recv_from(&mut buffer) {
            Ok((len, _)) => String::from_utf8_lossy(&buffer[..len]).into_owned(),
            Err(error) => panic!(
                "the UAS should have answered within {PATIENCE:?}, but did not ({error}); its log:\n{}",
                uas.log()
            ),
        }
    }
}

/// A request with Via, From, CSeq (among `headers`) and, when `with_call_id`, Call-ID `id`.
fn request(start_line: &str, id: &str, headers: &[&str], with_call_id: bool) -> String {
    let mut text = format!(
        "{start_line}\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-{id}\r\n\
         From: <sip:test@127.0.0.1>;tag={id}\r\nTo: <sip:127.0.0.1>\r\nMax-Forwards: 70\r\n"
    );
    if with_call_id {
        text.push_str(&format!("Call-ID: {id}\r\n"));
    }
    for header in headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    text
}

/// The ACK of a non-2xx final response: the INVITE's Via, From, Call-ID and CSeq number, and the
/// response's To (RFC 3261 §17.1.1.3).
fn ack(invite: &str, response: &str) -> String {
    let to = response.lines().find(|line| line.starts_with("To: ")).unwrap_or("To: <sip:127.0.0.1>");
    let mut lines = invite.lines();
    let start = lines.next().unwrap_or_default().replacen("INVITE", "ACK", 1);
    let mut text = format!("{start}\r\n");
    for line in lines.take_while(|line| !line.is_empty()) {
        let line = match line {
            _ if line.starts_with("To: ") => to,
            _ if line.starts_with("CSeq: ") => "CSeq: 1 ACK",
            _ => line,
        };
        text.push_str(line);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    text
}

fn status_line(response: &str) -> &str {
    response.split("\r\n").next().unwrap_or_default()
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// A file for logs in this test's scratch directory, unique per test process.
fn scratch(name: &str) -> PathBuf {
    let directory = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("uas_sipp-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("the scratch directory can be created");
    directory.join(name)
}

/// Waits for `child` at most `patience`, then kills it; its exit code, or `None` if killed.
fn wait(child: &mut Child, patience: Duration) -> Option<i32> {
    let deadline = Instant::now() + patience;
    while Instant::now() < deadline {
        match child.try_wait() {
            Ok(Some(status)) => return status.code(),
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// The example binary, built with this test's profile into this test's target directory.
///
/// `cargo test` builds the examples before it runs the integration tests, but
/// `cargo test --test uas_sipp` builds only this test, and a binary left by an earlier build may be
/// stale: asking cargo costs a fraction of a second when the example is fresh.
fn uas_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        // This test runs as <target>/<profile>/deps/uas_sipp-<hash>.
        let test = std::env::current_exe().expect("the test knows its own path");
        let profile_dir =
            test.parent().and_then(Path::parent).expect("the test runs from <target>/<profile>/deps");
        let target_dir = profile_dir.parent().expect("the profile directory is inside the target directory");
        let profile = profile_dir.file_name().and_then(|name| name.to_str()).unwrap_or("debug");
        let mut build = Command::new(env!("CARGO"));
        build
            .args(["build", "--quiet", "--example", "uas", "--manifest-path"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .arg("--target-dir")
            .arg(target_dir);
        // The `test` and `bench` profiles build into `debug` and `release`.
        match profile {
            "debug" => {}
            "release" => {
                build.arg("--release");
            }
            other => {
                build.args(["--profile", other]);
            }
        }
        let status = build.status().expect("cargo starts");
        assert!(status.success(), "cargo could not build the uas example ({status}); see its output above");
        profile_dir.join("examples").join(format!("uas{}", std::env::consts::EXE_SUFFIX))
    })
}
