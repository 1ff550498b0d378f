//! The pages of `sipcode html` and `sipcode stats --html` (`report.rs`) in a real browser:
//! headless Chromium (Debian's `chromium`), driven by ChromeDriver (Debian's `chromium-driver`)
//! through the W3C WebDriver HTTP API (`driver.rs`).
//!
//! It types into the search box, presses the class buttons, follows the `#486` deep link, checks
//! the phone, dark and print layouts and the contrast of the text, and fails on any console error
//! or any request the page makes. The test skips, saying so, when chromium or chromedriver is not
//! installed (`.ci/run` installs both).
//!
//! Screenshots of the page at desktop and phone widths, and in dark mode, go to `target/tmp/`.
//! `SIPCODE_README_SCREENSHOT=1 cargo test -p sipcode --test browser` also rewrites the README's
//! `docs/sipcode-html.png`.

mod driver;
mod report;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::json;
use sip_codes::{CATALOGUE, Disposition};

use driver::Browser;

/// Lists the ids of the rows of the codes table that are displayed.
const SHOWN_ROWS: &str = "return Array.from(document.querySelectorAll('#codes-table tbody tr'))\
                          .filter(row => row.getClientRects().length > 0).map(row => row.id);";

#[test]
fn the_page_searches_filters_and_links_in_chromium() {
    let Some(chromium) = driver::installed("the page of `sipcode html`") else { return };
    let started = Instant::now();
    let dir = tmp_dir("sipcode-html");
    let url = format!("file://{}", reference_page(&dir).display());

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

/// `target/tmp/NAME`, created.
fn tmp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    dir
}

/// Runs the built `sipcode` with `args`, asserting that it succeeds: its stdout.
fn sipcode(args: &[&str]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_sipcode")).args(args).output().expect("sipcode runs");
    assert!(output.status.success(), "sipcode {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

/// Writes `sipcode html` to `dir/sip-codes.html`: its path.
fn reference_page(dir: &Path) -> PathBuf {
    let page = dir.join("sip-codes.html");
    std::fs::write(&page, sipcode(&["html"])).expect("the page can be written");
    page
}

/// What only the reference page's test asks of the browser.
impl Browser {
    fn shown_rows(&self) -> Vec<String> {
        serde_json::from_value(self.script(SHOWN_ROWS)).expect("a list of ids")
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
}

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

#[test]
fn contrast_is_the_wcag_ratio() {
    assert!((contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") - 21.0).abs() < 1e-9);
    assert!((contrast("rgb(119, 119, 119)", "rgb(255, 255, 255)") - 4.48).abs() < 0.01);
    assert_eq!(contrast("rgba(10, 20, 30, 1)", "rgb(10, 20, 30)"), 1.0);
}
