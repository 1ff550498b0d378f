//! The browser of the tests: ChromeDriver with one headless Chromium session, spoken to over
//! the W3C WebDriver HTTP API on a plain `TcpStream` with `serde_json`, so no client crate is
//! needed. Shared by the test of the reference page (`main.rs`) and of the stats report
//! (`report.rs`).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long the driver may take to start, or to answer one command.
const PATIENCE: Duration = Duration::from_secs(30);

/// The flags that let Chromium run here: as root, without a GPU, and without reaching for the
/// network at start (a closed network refuses those connections, noisily).
const CHROMIUM_FLAGS: [&str; 11] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1200,900",
];

/// Chromium's and ChromeDriver's versions, or `None`, saying that `what` was not tested, when
/// either is not installed (`.ci/run` installs both).
pub(crate) fn installed(what: &str) -> Option<(String, String)> {
    let versions = version_of("chromium").and_then(|chromium| Some((chromium, version_of("chromedriver")?)));
    if versions.is_none() {
        println!(
            "SKIPPED: chromium or chromedriver is not installed, so {what} was not tested in a browser; \
             install Debian's chromium and chromium-driver (`apt-get install -y chromium chromium-driver`) \
             to run this test"
        );
    }
    versions
}

/// The first line that `program --version` prints, or `None` if it is not installed.
fn version_of(program: &str) -> Option<String> {
    let output = Command::new(program).arg("--version").stderr(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    Some(text.lines().next().unwrap_or(program).trim().to_owned())
}

/// A ChromeDriver with one Chromium session, both ended on drop.
pub(crate) struct Browser {
    driver: Child,
    address: SocketAddr,
    session: String,
}

impl Browser {
    pub(crate) fn start() -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port on loopback is needed for chromedriver")
            .port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut browser =
            Browser { driver, address: SocketAddr::from(([127, 0, 0, 1], port)), session: String::new() };
        let deadline = Instant::now() + PATIENCE;
        loop {
            let status =
                TcpStream::connect(browser.address).ok().map(|_| browser.http("GET", "/status", None));
            if status.is_some_and(|(_, status)| status["value"]["ready"] == true) {
                break;
            }
            assert!(Instant::now() < deadline, "chromedriver was not ready within {PATIENCE:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": CHROMIUM_FLAGS },
            "goog:loggingPrefs": { "browser": "ALL" },
        }}});
        let (status, created) = browser.http("POST", "/session", Some(&capabilities));
        assert_eq!(status, 200, "chromedriver could not start chromium: {created}");
        browser.session = created["value"]["sessionId"].as_str().expect("a session id").to_owned();
        browser
    }

    /// One request to the driver, over its own connection: (HTTP status, JSON body).
    fn http(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let body = body.map_or(String::new(), Value::to_string);
        let mut stream = TcpStream::connect(self.address).expect("chromedriver accepts a connection");
        stream.set_read_timeout(Some(PATIENCE)).expect("a read timeout can be set");
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json; charset=utf-8\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.address,
            body.len()
        )
        .expect("the request is sent");
        // ChromeDriver keeps the connection open after its answer: read the head, then as many
        // bytes as it announces.
        let mut response = Vec::new();
        let mut buffer = [0; 64 * 1024];
        let split = loop {
            if let Some(split) = response.windows(4).position(|w| w == b"\r\n\r\n") {
                break split;
            }
            let read = stream.read(&mut buffer).expect("chromedriver answers");
            assert!(read > 0, "chromedriver closed the connection without an answer");
            response.extend_from_slice(&buffer[..read]);
        };
        let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
        let status = head.split(' ').nth(1).and_then(|code| code.parse().ok()).expect("an HTTP status");
        let length: usize = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length:"))
            .and_then(|length| length.trim().parse().ok())
            .expect("chromedriver announces the length of its answer");
        let mut content = response.split_off(split + 4);
        while content.len() < length {
            let read = stream.read(&mut buffer).expect("chromedriver answers");
            assert!(read > 0, "chromedriver closed the connection in the middle of an answer");
            content.extend_from_slice(&buffer[..read]);
        }
        let value = serde_json::from_slice(&content).unwrap_or_else(|error| {
            panic!("{method} {path}: {error}: {}", String::from_utf8_lossy(&content))
        });
        (status, value)
    }

    /// A WebDriver command of this session; its `value`, or a panic with the driver's message.
    pub(crate) fn command(&self, method: &str, command: &str, body: Option<&Value>) -> Value {
        let path = format!("/session/{}/{command}", self.session);
        let (status, mut answer) = self.http(method, &path, body);
        assert_eq!(
            status,
            200,
            "{method} {command} {}: {answer}",
            body.map_or(String::new(), Value::to_string)
        );
        answer["value"].take()
    }

    pub(crate) fn post(&self, command: &str, body: Value) -> Value {
        self.command("POST", command, Some(&body))
    }

    /// Runs `script` in the page and returns its value.
    pub(crate) fn script(&self, script: &str) -> Value {
        self.post("execute/sync", json!({ "script": script, "args": [] }))
    }

    /// The id of the element `css` selects.
    pub(crate) fn element(&self, css: &str) -> String {
        let found = self.post("element", json!({ "using": "css selector", "value": css }));
        found[ELEMENT].as_str().unwrap_or_else(|| panic!("no element {css}: {found}")).to_owned()
    }

    /// Presses `keys`, one after another, wherever the focus is.
    pub(crate) fn press(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|key| {
                [json!({ "type": "keyDown", "value": key }), json!({ "type": "keyUp", "value": key })]
            })
            .collect();
        self.post("actions", json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }));
    }

    pub(crate) fn type_into(&self, element: &str, keys: &str) {
        self.post(&format!("element/{element}/value"), json!({ "text": keys }));
    }

    /// A Chrome DevTools command, through the driver.
    pub(crate) fn cdp(&self, command: &str, params: Value) -> Value {
        self.post("goog/cdp/execute", json!({ "cmd": command, "params": params }))
    }

    /// From the next page loaded on: records every Content-Security-Policy violation, which
    /// [`Browser::csp_violations`] reads. The listener is added by DevTools before the page's
    /// own scripts, and the page's CSP does not apply to it.
    pub(crate) fn watch_csp(&self) {
        let source = "window.__cspViolations = [];\
                      document.addEventListener('securitypolicyviolation', event => window.__cspViolations\
                        .push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline')\
                              + ' at ' + event.sourceFile + ':' + event.lineNumber));";
        self.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source }));
    }

    /// The CSP violations of the page since it loaded (see [`Browser::watch_csp`]).
    pub(crate) fn csp_violations(&self) -> Vec<String> {
        let found = self.script("return window.__cspViolations");
        serde_json::from_value(found.clone())
            .unwrap_or_else(|_| panic!("CSP violations not watched: {found}"))
    }

    pub(crate) fn screenshot(&self, path: &Path) {
        let png = self.command("GET", "screenshot", None);
        let png = base64(png.as_str().expect("a screenshot in base64"));
        assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
        std::fs::write(path, png).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    }

    /// The messages of the browser's log at level error (console.error, uncaught exceptions,
    /// refused requests) since the last call.
    pub(crate) fn console_errors(&self) -> Vec<String> {
        let entries = self.post("se/log", json!({ "type": "browser" }));
        let entries = entries.as_array().expect("log entries");
        entries
            .iter()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].to_string())
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.http("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The key under which WebDriver names an element.
pub(crate) const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Decodes standard base64 (the encoding of WebDriver's screenshots).
fn base64(text: &str) -> Vec<u8> {
    let value = |byte: u8| match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {:?}", byte as char),
    };
    let digits: Vec<u8> =
        text.bytes().filter(|&b| b != b'=' && !b.is_ascii_whitespace()).map(value).collect();
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let bits =
            chunk.iter().enumerate().fold(0u32, |bits, (i, &digit)| bits | u32::from(digit) << (18 - 6 * i));
        bytes.extend_from_slice(&bits.to_be_bytes()[1..chunk.len()]);
    }
    bytes
}

#[test]
fn base64_decodes_what_browsers_send() {
    assert_eq!(base64("iVBORw0KGgo="), b"\x89PNG\r\n\x1a\n");
    assert_eq!(base64("TWFu"), b"Man");
    assert_eq!(base64("TWE="), b"Ma");
    assert_eq!(base64("TQ=="), b"M");
    assert_eq!(base64(""), b"");
}
