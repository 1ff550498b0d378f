//! The page of `sipcode html` in a real browser: headless Chromium (Debian's `chromium`),
//! driven by ChromeDriver (Debian's `chromium-driver`) through the W3C WebDriver HTTP API,
//! spoken over a plain `TcpStream` with `serde_json`, so no client crate is needed.
//!
//! It types into the search box, presses the class buttons, follows the `#486` deep link, checks
//! the phone, dark and print layouts and the contrast of the text, and fails on any console error
//! or any request the page makes. The test skips, saying so, when chromium or chromedriver is not
//! installed (`.ci/run` installs both).
//!
//! Screenshots of the page at desktop and phone widths, and in dark mode, go to `target/tmp/`.
//! `SIPCODE_README_SCREENSHOT=1 cargo test -p sipcode --test browser` also rewrites the README's
//! `docs/sipcode-html.png`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sip_codes::{CATALOGUE, Disposition};

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

/// Lists the ids of the rows of the codes table that are displayed.
const SHOWN_ROWS: &str = "return Array.from(document.querySelectorAll('#codes-table tbody tr'))\
                          .filter(row => row.getClientRects().length > 0).map(row => row.id);";

#[test]
fn the_page_searches_filters_and_links_in_chromium() {
    let Some(chromium) =
        version_of("chromium").and_then(|chromium| Some((chromium, version_of("chromedriver")?)))
    else {
        println!(
            "SKIPPED: chromium or chromedriver is not installed, so the page of `sipcode html` was not \
             tested in a browser; install Debian's chromium and chromium-driver \
             (`apt-get install -y chromium chromium-driver`) to run this test"
        );
        return;
    };
    let started = Instant::now();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sipcode-html");
    std::fs::create_dir_all(&dir).expect("target/tmp/sipcode-html can be created");
    let page = dir.join("sip-codes.html");
    let html = Command::new(env!("CARGO_BIN_EXE_sipcode")).arg("html").output().expect("sipcode runs");
    assert!(html.status.success(), "sipcode html failed: {}", String::from_utf8_lossy(&html.stderr));
    std::fs::write(&page, &html.stdout).expect("the page can be written");
    let url = format!("file://{}", page.display());

    let browser = Browser::start();
    browser.post("url", json!({ "url": url }));
    let all: Vec<String> = CATALOGUE.iter().map(|entry| entry.code.to_string()).collect();
    assert_eq!(browser.shown_rows(), all, "every code shows before any search");
    let count = browser.script("return document.getElementById('count').textContent");
    assert_eq!(count, format!("Showing all {} codes.", CATALOGUE.len()));

    // Typing filters as the user types: real key presses, which fire the input events.
    let search = browser.element("#search");
    browser.type_into(&search, "busy");
    assert_eq!(browser.shown_rows(), ["486", "600"], "\"busy\" shows 486 and 600 and hides 404");
    browser.type_into(&search, "\u{E00C}"); // Escape clears the search.
    assert_eq!(browser.shown_rows(), all, "Escape clears the search");
    browser.type_into(&search, "declined");
    assert_eq!(browser.shown_rows(), ["603"]);
    // Words of what a stack does: the codes a client retries later.
    browser.type_into(&search, "\u{E00C}retry later");
    let later: Vec<String> = CATALOGUE
        .iter()
        .filter(|entry| entry.handling().disposition == Disposition::RetryLater)
        .map(|entry| entry.code.to_string())
        .collect();
    assert_eq!(browser.shown_rows(), later);
    browser.type_into(&search, "\u{E00C}48");
    assert_eq!(browser.shown_rows(), ["480", "481", "482", "483", "484", "485", "486", "487", "488", "489"]);
    browser.type_into(&search, "\u{E00C}");

    // The keyboard alone: "/" jumps to the search box, Tab reaches the class buttons, Space
    // presses one.
    browser.script("document.activeElement.blur(); return null");
    browser.press("/busy");
    assert_eq!(browser.script("return document.activeElement.id"), "search");
    assert_eq!(browser.shown_rows(), ["486", "600"]);
    browser.press("\u{E00C}\u{E004}\u{E004}\u{E004}\u{E004}\u{E004}\u{E004}\u{E004} "); // Esc, Tab ×7, Space
    assert_eq!(browser.script("return document.activeElement.dataset.class"), "6");
    let pressed =
        "return Array.from(document.querySelectorAll('[aria-pressed=true]')).map(b => b.dataset.class)";
    assert_eq!(browser.script(pressed), json!(["6"]));
    browser.post(&format!("element/{}/click", browser.element("button[data-class='']")), json!({}));
    assert_eq!(browser.shown_rows(), all);

    // A class button shows its class, with the search if there is one; All shows everything again.
    let global = browser.element("button[data-class='6']");
    browser.post(&format!("element/{global}/click"), json!({}));
    let six: Vec<String> =
        CATALOGUE.iter().filter(|e| e.code / 100 == 6).map(|e| e.code.to_string()).collect();
    assert_eq!(browser.shown_rows(), six);
    let pressed =
        "return Array.from(document.querySelectorAll('[aria-pressed=true]')).map(b => b.dataset.class)";
    assert_eq!(browser.script(pressed), json!(["6"]), "the button pressed, and no other, says so");
    browser.type_into(&search, "busy");
    assert_eq!(browser.shown_rows(), ["600"]);
    browser.type_into(&search, "\u{E00C}");
    let successes = browser.element("button[data-class='2']");
    browser.post(&format!("element/{successes}/click"), json!({}));
    assert!(!browser.shown_rows().contains(&"486".to_owned()));

    // The deep link, followed while a filter hides its row: the filter is cleared and the row
    // lands in view, below the sticky controls.
    browser.post("url", json!({ "url": format!("{url}#486") }));
    assert_eq!(browser.shown_rows(), all, "following #486 clears the filter that hid it");
    browser.assert_in_view("486");
    // And opened afresh, as from a link in a mail.
    browser.post("url", json!({ "url": "about:blank" }));
    browser.post("url", json!({ "url": format!("{url}#603") }));
    browser.assert_in_view("603");
    assert!(browser.script("return window.scrollY").as_f64().unwrap() > 0.0);
    browser.post("url", json!({ "url": url }));

    // Print shows the whole table, whatever the screen's filter.
    browser.type_into(&browser.element("#search"), "busy");
    browser.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    assert_eq!(browser.shown_rows(), all, "the print style shows every row");
    browser.cdp("Emulation.setEmulatedMedia", json!({ "media": "" }));
    assert_eq!(browser.shown_rows(), ["486", "600"]);
    browser.type_into(&browser.element("#search"), "\u{E00C}");

    // Text contrast, light and dark (WCAG 2 AA: 4.5:1).
    browser.assert_contrast("light");
    browser.screenshot(&dir.join("sipcode-html-desktop.png"));
    browser.post("url", json!({ "url": format!("{url}#q850-21") }));
    browser.screenshot(&dir.join("sipcode-html-causes.png"));
    browser.post("url", json!({ "url": url }));
    browser.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    );
    let background = browser.script("return getComputedStyle(document.body).backgroundColor");
    assert_eq!(background, "rgb(18, 18, 18)", "dark mode follows prefers-color-scheme");
    browser.assert_contrast("dark");
    browser.screenshot(&dir.join("sipcode-html-dark.png"));
    browser.cdp("Emulation.setEmulatedMedia", json!({ "features": [] }));

    // A phone: nothing wider than the screen, and the deep link still lands in view.
    browser.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true }),
    );
    browser.post("url", json!({ "url": format!("{url}#486") }));
    // A phone widens its layout to the widest element: name the elements past the screen's edge.
    let too_wide = browser.script(
        "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 391)\
         .filter(e => !e.closest('.classes')).slice(0, 5).map(e => e.tagName + '.' + e.className + ': '\
         + e.textContent.slice(0, 60));",
    );
    assert_eq!(too_wide, json!([]), "elements wider than a phone");
    assert_eq!(browser.script("return window.innerWidth"), 390);
    browser.assert_in_view("486");
    browser.screenshot(&dir.join("sipcode-html-phone.png"));
    browser.cdp("Emulation.clearDeviceMetricsOverride", json!({}));

    // Nothing went wrong on the way, and the page asked the network for nothing. The log is
    // read twice, around an error of our own, to show that errors do reach it.
    assert_eq!(browser.console_errors(), Vec::<String>::new(), "the page logged errors");
    browser.script("console.error('the test\\'s own error'); return null");
    let errors = browser.console_errors();
    assert!(errors.len() == 1 && errors[0].contains("the test's own error"), "{errors:?}");
    assert_eq!(browser.script("return performance.getEntriesByType('resource').length"), 0);

    if std::env::var_os("SIPCODE_README_SCREENSHOT").is_some() {
        browser.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 1100, "height": 680, "deviceScaleFactor": 1, "mobile": false }),
        );
        browser.post("url", json!({ "url": url }));
        browser.type_into(&browser.element("#search"), "busy");
        let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/sipcode-html.png");
        browser.screenshot(&readme);
        println!("wrote {}", readme.display());
    }
    println!(
        "{} with {}: the page worked in {:.1} s; screenshots in {}",
        chromium.0,
        chromium.1,
        started.elapsed().as_secs_f64(),
        dir.display()
    );
}

/// The first line that `program --version` prints, or `None` if it is not installed.
fn version_of(program: &str) -> Option<String> {
    let output = Command::new(program).arg("--version").stderr(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    Some(text.lines().next().unwrap_or(program).trim().to_owned())
}

/// A ChromeDriver with one Chromium session, both ended on drop.
struct Browser {
    driver: Child,
    address: SocketAddr,
    session: String,
}

impl Browser {
    fn start() -> Browser {
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
    fn command(&self, method: &str, command: &str, body: Option<&Value>) -> Value {
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

    fn post(&self, command: &str, body: Value) -> Value {
        self.command("POST", command, Some(&body))
    }

    /// Runs `script` in the page and returns its value.
    fn script(&self, script: &str) -> Value {
        self.post("execute/sync", json!({ "script": script, "args": [] }))
    }

    /// The id of the element `css` selects.
    fn element(&self, css: &str) -> String {
        let found = self.post("element", json!({ "using": "css selector", "value": css }));
        found[ELEMENT].as_str().unwrap_or_else(|| panic!("no element {css}: {found}")).to_owned()
    }

    /// Presses `keys`, one after another, wherever the focus is.
    fn press(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|key| {
                [json!({ "type": "keyDown", "value": key }), json!({ "type": "keyUp", "value": key })]
            })
            .collect();
        self.post("actions", json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }));
    }

    fn type_into(&self, element: &str, keys: &str) {
        self.post(&format!("element/{element}/value"), json!({ "text": keys }));
    }

    fn shown_rows(&self) -> Vec<String> {
        serde_json::from_value(self.script(SHOWN_ROWS)).expect("a list of ids")
    }

    /// A Chrome DevTools command, through the driver.
    fn cdp(&self, command: &str, params: Value) {
        self.post("goog/cdp/execute", json!({ "cmd": command, "params": params }));
    }

    /// Asserts that the row of `code` is displayed, marked as the target, and at the top of the
    /// viewport, just below the sticky controls.
    fn assert_in_view(&self, code: &str) {
        let script = "const row = document.getElementById(arguments[0]).getBoundingClientRect();\
                      const controls = document.getElementById('controls').getBoundingClientRect();\
                      return [row.top, row.bottom, controls.bottom, window.innerHeight,\
                              document.getElementById(arguments[0]).matches(':target')];";
        let args = [json!(code)];
        let found = self.post("execute/sync", json!({ "script": script, "args": args }));
        let number = |i: usize| found[i].as_f64().unwrap_or(f64::NAN);
        let (top, controls, height) = (number(0), number(2), number(3));
        // The row starts just below the controls (a tall card on a phone may end below the fold).
        assert!(
            top >= controls - 1.0 && top <= controls + 40.0 && top < height && found[4] == true,
            "#{code} is not in view just below the controls: {found}"
        );
    }

    /// Asserts that the main kinds of text on the page stand out from their background by at
    /// least 4.5:1 (WCAG 2, level AA).
    fn assert_contrast(&self, scheme: &str) {
        let script = "const background = element => { for (let e = element; e; e = e.parentElement) {\
                        const colour = getComputedStyle(e).backgroundColor;\
                        if (colour !== 'rgba(0, 0, 0, 0)') return colour; } return 'rgb(255, 255, 255)'; };\
                      return arguments[0].flatMap(selector => Array.from(document.querySelectorAll(selector))\
                        .slice(0, 1).map(e => [selector, getComputedStyle(e).color, background(e)]));";
        let selectors = [
            "h1",
            "header p",
            "header a",
            ".hint",
            ".count",
            "label",
            "#search",
            "button[aria-pressed='true']",
            "button[aria-pressed='false']",
            "thead th",
            "tbody th a",
            ".phrase",
            ".name",
            ".meaning",
            ".aliases",
            ".badge",
            ".c1 .class",
            ".c2 .class",
            ".c3 .class",
            ".c4 .class",
            ".c5 .class",
            ".c6 .class",
            ".c7 .class",
            ".ref a",
            ".who",
            ".note",
        ];
        let found = self.post("execute/sync", json!({ "script": script, "args": [selectors] }));
        let found: Vec<(String, String, String)> = serde_json::from_value(found).expect("colours");
        assert_eq!(found.len(), selectors.len(), "every selector finds an element: {found:?}");
        for (selector, colour, background) in found {
            let ratio = contrast(&colour, &background);
            assert!(ratio >= 4.5, "{scheme}: {selector} is {colour} on {background}, contrast {ratio:.2}:1");
        }
    }

    fn screenshot(&self, path: &Path) {
        let png = self.command("GET", "screenshot", None);
        let png = base64(png.as_str().expect("a screenshot in base64"));
        assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
        std::fs::write(path, png).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    }

    /// The messages of the browser's log at level error (console.error, uncaught exceptions,
    /// refused requests) since the last call.
    fn console_errors(&self) -> Vec<String> {
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
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The WCAG 2 contrast ratio of two CSS colours given as `rgb(r, g, b)`.
fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |colour: &str| -> f64 {
        let channels: Vec<f64> = colour
            .trim_start_matches("rgba(")
            .trim_start_matches("rgb(")
            .trim_end_matches(')')
            .split(',')
            .take(3)
            .map(|channel| {
                channel.trim().parse::<f64>().unwrap_or_else(|_| panic!("a colour: {colour}")) / 255.0
            })
            .map(|c| if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) })
            .collect();
        0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    };
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

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

#[test]
fn contrast_is_the_wcag_ratio() {
    assert!((contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") - 21.0).abs() < 1e-9);
    assert!((contrast("rgb(119, 119, 119)", "rgb(255, 255, 255)") - 4.48).abs() < 0.01);
    assert_eq!(contrast("rgba(10, 20, 30, 1)", "rgb(10, 20, 30)"), 1.0);
}
