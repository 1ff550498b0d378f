//! `sipcode`: the operator's tool. Looks SIP response codes up, lists them,
//! and explains the status lines of a log or SIP trace.
//!
//! ```sh
//! cargo run --example sipcode -- 486            # or BusyHere, "busy here", declined
//! cargo run --example sipcode -- 4xx            # or --class request-failure, or --all
//! cargo run --example sipcode -- search timer
//! cargo run --example sipcode -- explain < call.log
//! ```
//!
//! `--json` prints JSON instead of text. Exit codes: 0 on success, 1 when
//! nothing matched, 2 for bad usage.

use std::ffi::OsString;
use std::fmt::Display;
use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{Value, json};
use sip_codes::{CATALOGUE, Class, Entry, StatusCode, StatusLine};

const SUCCESS: u8 = 0;
const NOTHING_MATCHED: u8 = 1;
const BAD_USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "sipcode",
    version,
    about = "Look up SIP response codes, list them, and explain the status lines of a log."
)]
struct Cli {
    /// A code (486), a class (4xx), a name (BusyHere) or a reason phrase ("busy here").
    query: Vec<String>,

    /// List the codes of one class.
    #[arg(long, value_parser = parse_class, conflicts_with_all = ["query", "all"])]
    class: Option<Class>,

    /// List every catalogued code.
    #[arg(long, conflicts_with = "query")]
    all: bool,

    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the codes whose phrase, aliases or meaning mention WORD (ignoring case).
    Search {
        #[arg(required = true)]
        word: Vec<String>,
    },
    /// Read a log or SIP trace on stdin and annotate every status line in it.
    Explain,
}

/// `--class`: a class by its name in kebab case (`request-failure`), or as
/// `4xx`; the names are the library's, so nothing is listed twice.
fn parse_class(text: &str) -> Result<Class, String> {
    let kebab = |class: &Class| class.name().replace(' ', "-").to_ascii_lowercase();
    if let Some(class) = Class::ALL.iter().find(|class| kebab(class).eq_ignore_ascii_case(text)) {
        return Ok(*class);
    }
    match class_pattern(text) {
        Ok(Some(class)) => Ok(class),
        _ => {
            let names: Vec<String> = Class::ALL.iter().map(kebab).collect();
            Err(format!("expected 1xx to 7xx or one of {}", names.join(", ")))
        }
    }
}

/// Why a command did not succeed: the exit code and the sentence for stderr.
struct Failure {
    exit: u8,
    message: String,
}

impl Failure {
    fn nothing_matched(message: impl Into<String>) -> Failure {
        Failure { exit: NOTHING_MATCHED, message: message.into() }
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        // `sipcode --all | head` closes the pipe early: the reader has what it wanted.
        if error.kind() == io::ErrorKind::BrokenPipe {
            return Failure { exit: SUCCESS, message: String::new() };
        }
        Failure::nothing_matched(format!("cannot read the input or write the output: {error}"))
    }
}

/// Where a command writes, and how.
struct Output<'a> {
    out: &'a mut dyn Write,
    json: bool,
    colour: bool,
}

impl Output<'_> {
    /// `text` in the ANSI style `sgr`, when colour is on.
    fn paint(&self, sgr: &str, text: impl Display) -> String {
        if self.colour { format!("\x1b[{sgr}m{text}\x1b[0m") } else { text.to_string() }
    }

    fn write_json(&mut self, value: &Value) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *self.out, value)?;
        writeln!(self.out)
    }
}

const BOLD: &str = "1";
const DIM: &str = "2";
const YELLOW: &str = "33";
const RED: &str = "31";

fn main() -> ExitCode {
    // Colour only for a person at a terminal, and never against NO_COLOR.
    let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let exit = run(
        std::env::args_os(),
        &mut io::stdin().lock(),
        &mut io::stdout().lock(),
        &mut io::stderr(),
        colour,
    );
    ExitCode::from(exit)
}

/// The whole tool, with its input and outputs passed in so that tests can drive it.
fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    colour: bool,
) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version are successes that clap reports as errors.
            let text = error.render().to_string();
            let text = text.trim_end();
            if error.exit_code() == 0 {
                let _ = writeln!(stdout, "{text}");
                return SUCCESS;
            }
            let _ = writeln!(stderr, "{text}");
            return BAD_USAGE;
        }
    };
    let mut output = Output { out: stdout, json: cli.json, colour };
    let has_query = cli.class.is_some() || cli.all || !cli.query.is_empty();
    let outcome = match (&cli.command, cli.class, cli.all) {
        (Some(_), ..) if has_query => Err(Failure {
            exit: BAD_USAGE,
            message: "`search` and `explain` take no code, `--class` or `--all`: run them on their own, \
                      as in `sipcode explain < trace.log`"
                .into(),
        }),
        (Some(Command::Search { word }), ..) => search(&mut output, &word.join(" ")),
        (Some(Command::Explain), ..) => explain(&mut output, stdin),
        (None, Some(class), _) => list(&mut output, Some(class)),
        (None, None, true) => list(&mut output, None),
        (None, None, false) if !cli.query.is_empty() => lookup(&mut output, cli.query.join(" ").trim()),
        (None, None, false) => Err(Failure {
            exit: BAD_USAGE,
            message: "give a code, class, name or phrase to look up (`sipcode 486`), or use \
                      `--class`, `--all`, `search WORD` or `explain`; `sipcode --help` shows them all"
                .into(),
        }),
    };
    match outcome {
        Ok(()) => SUCCESS,
        Err(failure) => {
            // A failed query still leaves valid JSON for a script reading stdout.
            if output.json && failure.exit == NOTHING_MATCHED {
                let _ = output.write_json(&json!([]));
            }
            if !failure.message.is_empty() {
                let _ = writeln!(stderr, "sipcode: {}", failure.message);
            }
            failure.exit
        }
    }
}

/// `sipcode 486`, `sipcode BusyHere`, `sipcode "busy here"`, `sipcode 4xx`.
fn lookup(output: &mut Output, query: &str) -> Result<(), Failure> {
    if let Some(class) = class_pattern(query)? {
        return list(output, Some(class));
    }
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
        return lookup_code(output, query);
    }
    // Names in any case, and the phrase or an alias: "Not Acceptable" is
    // both 406 and 606, so every row that answers is shown.
    let found: Vec<&Entry> = CATALOGUE
        .iter()
        .filter(|entry| {
            entry.name.eq_ignore_ascii_case(query)
                || entry.constant.eq_ignore_ascii_case(query)
                || entry.matches_phrase(query)
        })
        .collect();
    if found.is_empty() {
        let hint = match nearest_spelling(query) {
            Some((spelling, entry)) => format!("; did you mean {spelling} ({})?", entry.code),
            None => "; `sipcode search WORD` looks through the meanings".to_owned(),
        };
        return Err(Failure::nothing_matched(format!(
            "no SIP response code is named or phrased \"{query}\"{hint}"
        )));
    }
    show_entries(output, &found)
}

/// `4xx`, in either case: the class of that first digit.
fn class_pattern(query: &str) -> Result<Option<Class>, Failure> {
    let [digit @ b'0'..=b'9', x1, x2] = query.as_bytes() else { return Ok(None) };
    if !x1.eq_ignore_ascii_case(&b'x') || !x2.eq_ignore_ascii_case(&b'x') {
        return Ok(None);
    }
    match Class::from_first_digit(digit - b'0') {
        Some(class) => Ok(Some(class)),
        None => Err(Failure::nothing_matched(format!(
            "{query} is not a class of SIP response codes: RFC 3261 §7.2 defines 1xx to 6xx, \
             and some stacks report 7xx locally; try `sipcode 4xx`"
        ))),
    }
}

/// A code given as digits: its row, or why there is none.
fn lookup_code(output: &mut Output, digits: &str) -> Result<(), Failure> {
    let code: StatusCode = digits.parse().map_err(|error| Failure::nothing_matched(format!("{error}")))?;
    if let Some(entry) = code.entry() {
        return show_entries(output, &[entry]);
    }
    let n = code.as_u16();
    let (below, above) = Entry::neighbours(n);
    let nearest: Vec<String> =
        below.into_iter().chain(above).map(|entry| format!("{} ({})", entry.code, entry.phrase)).collect();
    let class = code.class();
    let fallback = Entry::by_code(u16::from(class.first_digit()) * 100)
        .map_or(String::new(), |entry| format!("{} {}", entry.code, entry.phrase));
    Err(Failure::nothing_matched(format!(
        "{n} is not a registered SIP response code; the nearest are {}. As an extension code of \
         class {}xx {class}, a receiver treats it like {fallback} (RFC 3261 §8.1.3.2)",
        nearest.join(" and "),
        class.first_digit(),
    )))
}

/// The spelling (name, phrase or alias) nearest to `query`, and its row, in
/// rustc's order: a case-insensitive match first, then the smallest edit
/// distance, up to a third of the length.
fn nearest_spelling(query: &str) -> Option<(String, &'static Entry)> {
    let query = query.to_lowercase();
    let limit = (query.chars().count() / 3).max(1);
    CATALOGUE
        .iter()
        .flat_map(|entry| {
            let phrases = std::iter::once(entry.phrase).chain(entry.aliases.iter().copied());
            std::iter::once((entry.name.to_owned(), entry))
                .chain(phrases.map(move |p| (format!("\"{p}\""), entry)))
        })
        .map(|(spelling, entry)| {
            (strsim::levenshtein(&query, &spelling.trim_matches('"').to_lowercase()), spelling, entry)
        })
        .filter(|(distance, ..)| *distance <= limit)
        .min_by_key(|(distance, _, entry)| (*distance, entry.code))
        .map(|(_, spelling, entry)| (spelling, entry))
}

/// `sipcode --class request-failure`, `sipcode 4xx`, `sipcode --all`.
fn list(output: &mut Output, class: Option<Class>) -> Result<(), Failure> {
    let entries: Vec<&Entry> =
        CATALOGUE.iter().filter(|entry| class.is_none_or(|class| entry.class() == class)).collect();
    // Every class has catalogued codes today; the message guards tomorrow's catalogue.
    if entries.is_empty() {
        return Err(Failure::nothing_matched("the catalogue has no code in that class"));
    }
    show_table(output, &entries)
}

/// `sipcode search WORD`.
fn search(output: &mut Output, word: &str) -> Result<(), Failure> {
    let needle = word.to_lowercase();
    let entries: Vec<&Entry> = CATALOGUE
        .iter()
        .filter(|entry| {
            std::iter::once(entry.phrase)
                .chain(entry.aliases.iter().copied())
                .chain([entry.meaning])
                .any(|text| text.to_lowercase().contains(&needle))
        })
        .collect();
    if entries.is_empty() {
        let hint = nearest_word(&needle).map_or(String::new(), |word| format!("; did you mean \"{word}\"?"));
        return Err(Failure::nothing_matched(format!(
            "no code's phrase or meaning mentions \"{word}\"{hint}"
        )));
    }
    show_table(output, &entries)
}

/// The word of the catalogue's phrases and meanings nearest to `needle`.
fn nearest_word(needle: &str) -> Option<String> {
    let limit = (needle.chars().count() / 3).max(1);
    CATALOGUE
        .iter()
        .flat_map(|entry| entry.phrase.split(|c: char| !c.is_alphanumeric()).chain(entry.meaning.split(' ')))
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|word| !word.is_empty())
        .map(|word| (strsim::levenshtein(needle, &word), word))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, word)| word)
}

/// `sipcode explain`: echoes the input, with a note under each status line.
fn explain(output: &mut Output, stdin: &mut dyn BufRead) -> Result<(), Failure> {
    let mut findings = Vec::new();
    let mut count = 0;
    let mut bytes = Vec::new();
    for number in 1.. {
        bytes.clear();
        if stdin.read_until(b'\n', &mut bytes)? == 0 {
            break;
        }
        // Logs are not always UTF-8; a stray byte must not hide the rest.
        let line = String::from_utf8_lossy(&bytes);
        if !output.json {
            output.out.write_all(&bytes)?;
            if !bytes.ends_with(b"\n") {
                writeln!(output.out)?;
            }
        }
        for (column, candidate) in status_lines_in(&line) {
            count += 1;
            let parsed = StatusLine::parse(candidate);
            if output.json {
                findings.push(finding_json(number, column, candidate, &parsed));
            } else {
                annotate(output, &parsed)?;
            }
        }
    }
    if count == 0 {
        return Err(Failure::nothing_matched(
            "found no status line (such as `SIP/2.0 486 Busy Here`) in the input",
        ));
    }
    if output.json {
        output.write_json(&Value::Array(findings))?;
    }
    Ok(())
}

/// Where status lines start in `line`, with the text of each: to the end of
/// the line, or to the closing quote when the log quotes it.
fn status_lines_in(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.match_indices("SIP/").filter_map(move |(at, _)| {
        let rest = &line[at..];
        // A status line has a space and a digit after its version. A request
        // line ends with its version, and a Via header continues it with
        // "/UDP", so neither is taken for one.
        let (version, after) = rest.split_once(' ')?;
        if version[4..].contains('/') || !after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let text = match line[..at].chars().next_back() {
            Some(quote @ ('"' | '\'')) => rest.split(quote).next().unwrap_or(rest),
            _ => rest,
        };
        Some((at, text))
    })
}

/// The note under a status line.
fn annotate(
    output: &mut Output,
    parsed: &Result<StatusLine, sip_codes::InvalidStatusLine>,
) -> io::Result<()> {
    let line = match parsed {
        Ok(line) => line,
        Err(error) => {
            let flag = output.paint(RED, "! not a valid status line:");
            return writeln!(output.out, "  {flag} {error}");
        }
    };
    let code = line.code();
    let class = code.class();
    let Some(entry) = code.entry() else {
        let flag = output.paint(YELLOW, "! unknown code:");
        let fallback = Entry::by_code(u16::from(class.first_digit()) * 100).map_or(String::new(), |entry| {
            format!(", which a receiver treats like {} {}", entry.code, entry.phrase)
        });
        return writeln!(
            output.out,
            "  {flag} {} is not registered; it is an extension code of class {}xx {class}{fallback} \
             (RFC 3261 §8.1.3.2)",
            code.as_u16(),
            class.first_digit(),
        );
    };
    let title = output.paint(BOLD, format_args!("{} {}", entry.code, entry.phrase));
    let reference = output.paint(DIM, format_args!("[{}]", defined_in(entry)));
    writeln!(output.out, "  -> {title} ({}xx {class}): {} {reference}", class.first_digit(), entry.meaning)?;
    if !line.reason().is_empty() && !line.has_catalogued_reason() {
        let flag = output.paint(YELLOW, "! non-standard reason phrase");
        writeln!(
            output.out,
            "     {flag} \"{}\"; the registered phrase is \"{}\"",
            line.reason(),
            entry.phrase
        )?;
    }
    if let Some(why) = entry.deprecated {
        writeln!(output.out, "     {} {why}", output.paint(YELLOW, "! deprecated:"))?;
    }
    Ok(())
}

fn finding_json(
    line: usize,
    column: usize,
    text: &str,
    parsed: &Result<StatusLine, sip_codes::InvalidStatusLine>,
) -> Value {
    let text = text.trim_end_matches(['\r', '\n']);
    match parsed {
        Ok(status) => {
            let entry = status.code().entry();
            let mut flags = Vec::new();
            if entry.is_none() {
                flags.push("unknown code");
            }
            if entry.is_some() && !status.reason().is_empty() && !status.has_catalogued_reason() {
                flags.push("non-standard reason phrase");
            }
            if entry.is_some_and(Entry::is_deprecated) {
                flags.push("deprecated");
            }
            json!({
                "line": line,
                "column": column + 1,
                "text": text,
                "valid": true,
                "code": status.code().as_u16(),
                "reason": status.reason(),
                "catalogued_reason": status.has_catalogued_reason(),
                "flags": flags,
                "entry": entry.map(entry_json),
            })
        }
        Err(error) => json!({
            "line": line,
            "column": column + 1,
            "text": text,
            "valid": false,
            "error": error.to_string(),
        }),
    }
}

fn entry_json(entry: &Entry) -> Value {
    let class = entry.class();
    json!({
        "code": entry.code,
        "phrase": entry.phrase,
        "name": entry.name,
        "constant": entry.constant,
        "class": { "digit": class.first_digit(), "name": class.name() },
        "meaning": entry.meaning,
        "reference": entry.reference.map(|reference| json!({
            "rfc": reference.rfc,
            "section": reference.section,
            "url": reference.url().to_string(),
        })),
        "deprecated": entry.deprecated,
        "non_standard": entry.non_standard,
        "aliases": entry.aliases,
    })
}

/// The RFC section that defines an entry, or "no RFC" for one that none defines (701).
fn defined_in(entry: &Entry) -> String {
    entry.reference.map_or_else(|| "no RFC".to_owned(), |reference| reference.to_string())
}

/// Everything known about each entry, one block each.
fn show_entries(output: &mut Output, entries: &[&Entry]) -> Result<(), Failure> {
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
        let url = entry.reference.map_or(String::new(), |reference| output.paint(DIM, reference.url()));
        let rows = [
            ("class", format!("{}xx {class}", class.first_digit())),
            ("meaning", entry.meaning.to_owned()),
            ("defined", format!("{} {url}", defined_in(entry))),
            ("name", format!("{} (StatusCode::{})", entry.name, entry.constant)),
            ("aliases", if aliases.is_empty() { "none".to_owned() } else { aliases.join(", ") }),
            ("flags", if flags.is_empty() { "none".to_owned() } else { flags.join("\n           ") }),
        ];
        writeln!(output.out, "{}", output.paint(BOLD, format_args!("{} {}", entry.code, entry.phrase)))?;
        for (label, value) in rows {
            writeln!(output.out, "  {label:<8} {value}")?;
        }
    }
    Ok(())
}

/// One aligned row per entry: code, phrase, name, RFC section, flags.
fn show_table(output: &mut Output, entries: &[&Entry]) -> Result<(), Failure> {
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
                defined_in(entry),
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

// The workspace's access to `../shared`, for the test over real status lines.
#[cfg(test)]
#[path = "../tests/common/mod.rs"]
mod common;

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the tool without colour: (exit code, stdout, stderr).
    fn sipcode(args: &[&str], stdin: &str) -> (u8, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = std::iter::once("sipcode").chain(args.iter().copied());
        let exit = run(args, &mut stdin.as_bytes(), &mut out, &mut err, false);
        (exit, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
    }

    fn json_of(args: &[&str], stdin: &str) -> (u8, Value) {
        let (exit, out, err) = sipcode(args, stdin);
        let value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}{err}"));
        (exit, value)
    }

    #[test]
    fn lookup_by_code_name_phrase_and_alias_shows_everything() {
        for query in
            [&["486"][..], &["BusyHere"], &["BUSY_HERE"], &["busyhere"], &["busy here"], &["Busy", "Here"]]
        {
            let (exit, out, err) = sipcode(query, "");
            assert_eq!((exit, err.as_str()), (SUCCESS, ""), "{query:?}");
            assert!(out.starts_with("486 Busy Here\n"), "{query:?}: {out}");
            for part in [
                "4xx Request Failure",
                Entry::by_code(486).unwrap().meaning,
                "RFC 3261 §21.4.24 https://www.rfc-editor.org/rfc/rfc3261#section-21.4.24",
                "BusyHere (StatusCode::BUSY_HERE)",
                "aliases  \"Busy\"",
                "flags    none",
            ] {
                assert!(out.contains(part), "{query:?}: {part:?} missing from\n{out}");
            }
        }
        let (exit, out, _) = sipcode(&["declined"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.starts_with("603 Decline\n"), "{out}");
    }

    #[test]
    fn lookup_shows_flags_and_every_row_of_a_shared_phrase() {
        let (_, out, _) = sipcode(&["202"], "");
        assert!(out.contains("flags    deprecated: RFC 6665 deprecates 202 Accepted"), "{out}");
        let (_, out, _) = sipcode(&["701"], "");
        assert!(out.contains("flags    non-standard: Not in the IANA registry"), "{out}");
        let (exit, out, _) = sipcode(&["not acceptable"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.starts_with("406 Not Acceptable\n") && out.contains("\n606 Not Acceptable\n"), "{out}");
    }

    #[test]
    fn near_misses_get_a_suggestion_and_exit_1() {
        for (query, suggestion) in [
            ("BusyHre", "did you mean BusyHere (486)?"),
            ("busy hre", "did you mean \"Busy Here\" (486)?"),
            ("Declinde", "did you mean Decline (603)?"),
            ("Ringin", "did you mean Ringing (180)?"),
        ] {
            let (exit, out, err) = sipcode(&[query], "");
            assert_eq!(exit, NOTHING_MATCHED, "{query}");
            assert!(out.is_empty());
            assert!(err.contains(suggestion), "{query}: {err}");
        }
        let (exit, _, err) = sipcode(&["teapot"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(
            err.contains("no SIP response code is named or phrased \"teapot\"") && err.contains("search"),
            "{err}"
        );
    }

    #[test]
    fn unknown_and_invalid_codes_exit_1_with_the_rule() {
        let (exit, _, err) = sipcode(&["499"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(
            err.contains("the nearest are 494 (Security Agreement Required) and 500 (Server Internal Error)"),
            "{err}"
        );
        assert!(err.contains("treats it like 400 Bad Request (RFC 3261 §8.1.3.2)"), "{err}");
        for (query, rule) in
            [("99", "exactly three ASCII digits"), ("099", "100 to 699"), ("4294967301", "three")]
        {
            let (exit, _, err) = sipcode(&[query], "");
            assert_eq!(exit, NOTHING_MATCHED, "{query}");
            assert!(err.contains(rule), "{query}: {err}");
        }
        let (exit, _, err) = sipcode(&["9xx"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(err.contains("9xx is not a class"), "{err}");
    }

    #[test]
    fn classes_and_all_are_aligned_tables() {
        let (exit, by_pattern, _) = sipcode(&["4xx"], "");
        assert_eq!(exit, SUCCESS);
        for spelling in ["request-failure", "4xx", "4XX"] {
            assert_eq!(sipcode(&["--class", spelling], "").1, by_pattern, "{spelling}");
        }
        let lines: Vec<&str> = by_pattern.lines().collect();
        let request_failures = CATALOGUE.iter().filter(|e| e.class() == Class::RequestFailure).count();
        assert_eq!(lines.len(), 1 + request_failures);
        assert!(lines[0].starts_with("code  phrase"));
        // Aligned: every column starts where the header's does.
        let phrase_at = lines[0].find("phrase").unwrap();
        let name_at = lines[0].find("name").unwrap();
        for line in &lines[1..] {
            assert!(line.starts_with('4'), "{line}");
            assert_eq!(line.chars().nth(phrase_at - 1), Some(' '));
            assert_ne!(line.chars().nth(phrase_at), Some(' '), "{line}");
            assert_ne!(line.chars().nth(name_at), Some(' '), "{line}");
        }
        let (exit, all, _) = sipcode(&["--all"], "");
        assert_eq!(exit, SUCCESS);
        assert_eq!(all.lines().count(), 1 + CATALOGUE.len());
        assert!(all.lines().any(|line| line.starts_with("202 ") && line.ends_with("deprecated")));
        assert!(all.lines().any(|line| line.starts_with("701 ") && line.ends_with("non-standard")));
    }

    #[test]
    fn search_looks_through_phrases_aliases_and_meanings() {
        let (exit, out, _) = sipcode(&["search", "BUSY"], "");
        assert_eq!(exit, SUCCESS);
        let codes: Vec<&str> = out.lines().skip(1).map(|line| &line[..3]).collect();
        assert_eq!(codes, ["486", "600"]);
        // Two words are one phrase to find; 437 mentions it in its meaning only.
        let (_, out, _) = sipcode(&["search", "identity", "header"], "");
        let codes: Vec<&str> = out.lines().skip(1).map(|line| &line[..3]).collect();
        assert_eq!(codes, ["428", "436", "437", "438"]);
        let (exit, _, err) = sipcode(&["search", "bussy"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(err.contains("did you mean \"busy\"?"), "{err}");
    }

    #[test]
    fn explain_annotates_status_lines_anywhere_in_a_line() {
        let log = "\
12:00:01 recv 10.0.0.2:5060 \"SIP/2.0 180 Ringing2\" from bob\n\
INVITE sip:bob@example.com SIP/2.0\r\n\
Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776\r\n\
SIP/2.0 486 Busy Here\r\n\
SIP/2.0 479 Regretfully\n\
SIP/2.0 202 Accepted\n\
SIP/2.0 4294967301 better not break the receiver";
        let (exit, out, err) = sipcode(&["explain"], log);
        assert_eq!((exit, err.as_str()), (SUCCESS, ""));
        // The meanings come from the catalogue, the one place they are written.
        let meaning = |code| Entry::by_code(code).unwrap().meaning;
        let expected = [
            "12:00:01 recv 10.0.0.2:5060 \"SIP/2.0 180 Ringing2\" from bob".to_string(),
            format!("  -> 180 Ringing (1xx Provisional): {} [RFC 3261 §21.1.2]", meaning(180)),
            "     ! non-standard reason phrase \"Ringing2\"; the registered phrase is \"Ringing\"".to_string(),
            "INVITE sip:bob@example.com SIP/2.0".to_string(),
            "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776".to_string(),
            "SIP/2.0 486 Busy Here".to_string(),
            format!("  -> 486 Busy Here (4xx Request Failure): {} [RFC 3261 §21.4.24]", meaning(486)),
            "SIP/2.0 479 Regretfully".to_string(),
            "  ! unknown code: 479 is not registered; it is an extension code of class 4xx Request Failure, which a receiver treats like 400 Bad Request (RFC 3261 §8.1.3.2)".to_string(),
            "SIP/2.0 202 Accepted".to_string(),
            format!("  -> 202 Accepted (2xx Success): {} [RFC 6665 §8.3.1]", meaning(202)),
        ];
        let lines: Vec<&str> = out.lines().map(|line| line.trim_end_matches('\r')).collect();
        assert_eq!(&lines[..expected.len()], expected);
        assert!(lines[expected.len()].starts_with("     ! deprecated: RFC 6665"), "{out}");
        assert!(
            lines.last().unwrap().starts_with("  ! not a valid status line: the status code at byte 8"),
            "{out}"
        );

        let (exit, _, err) =
            sipcode(&["explain"], "INVITE sip:bob@example.com SIP/2.0\nVia: SIP/2.0/TCP 10.0.0.1\n");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(err.contains("found no status line"), "{err}");
    }

    #[test]
    fn explain_reads_every_real_world_status_line() {
        let lines = common::status_lines();
        let input = lines.join("\n");
        let (exit, findings) = json_of(&["explain", "--json"], &input);
        assert_eq!(exit, SUCCESS);
        let findings = findings.as_array().unwrap();
        assert_eq!(findings.len(), lines.len(), "one finding per line");
        for (finding, line) in findings.iter().zip(&lines) {
            assert_eq!(finding["text"], line.as_str());
            assert_eq!(finding["valid"], StatusLine::parse(line).is_ok(), "{line}");
        }
        let (exit, out, _) = sipcode(&["explain"], &input);
        assert_eq!(exit, SUCCESS);
        // "Ok" is "OK" in another case: not flagged. A phrase of another code is.
        assert!(!out.contains("phrase \"Ok\""), "{out}");
        assert!(out.contains("! non-standard reason phrase \"Service Unavailable\"; the registered phrase is \"Server Internal Error\""));
    }

    #[test]
    fn json_is_valid_for_every_command() {
        let (exit, entries) = json_of(&["--json", "486"], "");
        assert_eq!(exit, SUCCESS);
        let busy = &entries[0];
        assert_eq!(busy["code"], 486);
        assert_eq!(busy["phrase"], "Busy Here");
        assert_eq!(busy["class"]["name"], "Request Failure");
        assert_eq!(busy["reference"]["url"], "https://www.rfc-editor.org/rfc/rfc3261#section-21.4.24");
        assert_eq!(busy["aliases"], json!(["Busy"]));
        assert_eq!(
            json_of(&["202", "--json"], "").1[0]["deprecated"].as_str().map(|s| s.contains("RFC 6665")),
            Some(true)
        );
        assert_eq!(json_of(&["--all", "--json"], "").1.as_array().unwrap().len(), CATALOGUE.len());
        assert_eq!(json_of(&["--class", "global-failure", "--json"], "").1[0]["code"], 600);
        assert_eq!(json_of(&["search", "--json", "busy"], "").1.as_array().unwrap().len(), 2);
        let (exit, missing) = json_of(&["--json", "BusyHre"], "");
        assert_eq!((exit, missing), (NOTHING_MATCHED, json!([])));
        let (_, found) = json_of(&["--json", "explain"], "x SIP/2.0 180 Ringing2\n");
        assert_eq!(found[0]["line"], 1);
        assert_eq!(found[0]["column"], 3);
        assert_eq!(found[0]["flags"], json!(["non-standard reason phrase"]));
        assert_eq!(found[0]["entry"]["code"], 180);
    }

    #[test]
    fn bad_usage_exits_2_with_a_message() {
        for args in [
            &[][..],
            &["--class", "4xx", "486"],
            &["--all", "486"],
            &["--class", "teapot"],
            &["--colour"],
            &["search"],
            &["--all", "explain"],
        ] {
            let (exit, out, err) = sipcode(args, "");
            assert_eq!(exit, BAD_USAGE, "{args:?}: {out}{err}");
            assert!(out.is_empty(), "{args:?}");
            assert!(!err.is_empty(), "{args:?}");
        }
        let (exit, out, _) = sipcode(&["--help"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.contains("explain") && out.contains("--json"), "{out}");
    }

    #[test]
    fn colour_only_when_asked() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        run(["sipcode", "486"], &mut &b""[..], &mut out, &mut err, true);
        assert!(String::from_utf8(out).unwrap().starts_with("\x1b[1m486 Busy Here\x1b[0m"));
        assert!(!sipcode(&["--all"], "").1.contains('\x1b'));
        assert!(!sipcode(&["explain"], "SIP/2.0 180 Ringing2").1.contains('\x1b'));
    }
}
