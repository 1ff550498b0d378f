//! `sipcode`: the operator's tool. Looks SIP response codes up, lists them,
//! and explains the status lines of a log or SIP trace.
//!
//! ```sh
//! sipcode 486            # or BusyHere, "busy here", declined
//! sipcode 4xx            # or --class request-failure, or --all
//! sipcode search timer
//! sipcode q850 17        # or cause UserBusy: a Q.850 cause and its responses
//! sipcode warning 307    # a warn-code of the Warning header field
//! sipcode explain < call.log  # status lines, Reason and Warning header fields
//! sipcode best 486 603 404   # what a forking proxy sends upstream
//! sipcode html > sip-codes.html   # the reference as one web page
//! ```
//!
//! `--json` prints one JSON document instead of text (for `explain`, one
//! object a line). Exit codes: 0 on success, 1 when nothing matched, 2 for
//! bad usage or when the input or output fails.
//!
//! [`run`] parses the arguments (`cli`), hands the request to a command
//! (`command/`), which returns a report (`report/`), and renders it
//! (`render/`: text, JSON or HTML); `output` says how it ends. A command
//! never writes and a renderer never decides, so the formats cannot drift.
//! This library is the binary's; it has no API beyond [`run`].
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The capture reader, ahead of the commands that read packet captures; public
// (hidden) for the fuzz target and the benchmark, which drive it directly.
#[doc(hidden)]
pub mod capture;
mod cli;
mod command;
mod output;
mod render;
mod report;
mod trace;

use std::ffi::OsString;
use std::io::{self, BufRead, Write};

use clap::Parser;

use cli::{Cli, Command};
use command::explain::Explain;
use output::{BAD_USAGE, Failure, SUCCESS, exit_of, is_broken_pipe};
use render::text::Text;
use report::Report;

/// The whole tool, with its input and outputs passed in so that tests can
/// drive it: returns the exit code. `colour` paints the text on stdout;
/// `progress` shows how far `stats` and `check` have read on stderr (for a
/// person at a terminal: nothing when stderr is piped).
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    colour: bool,
    progress: bool,
) -> u8 {
    let progress = progress.then_some(PROGRESS_AFTER);
    run_on(args, stdin, stdout, stderr, Terminal { colour, progress })
}

/// [`run`] for a terminal described in full (tests choose when progress shows).
fn run_on(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    terminal: Terminal,
) -> u8 {
    let Terminal { colour, .. } = terminal;
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
    // `args_conflicts_with_subcommands` would refuse the global `--json` before
    // a subcommand too, so the rule is checked here.
    if cli.command.is_some() && (cli.class.is_some() || cli.all || !cli.query.is_empty()) {
        let failure = Failure::bad_usage(
            "`search`, `q850`, `warning`, `explain`, `best` and `html` take no code, `--class` or `--all` \
             before them: run them on their own, as in `sipcode explain < trace.log` or `sipcode best 486 603`",
        );
        return finish(&failure.report(), stdout, stderr, cli.json, colour);
    }
    if let Some(Command::Explain) = cli.command {
        return explain(stdin, stdout, stderr, cli.json, colour);
    }
    if let Some(command @ (Command::Stats { .. } | Command::Check { .. })) = cli.command {
        return captures(command, cli.json, stdin, stdout, stderr, terminal);
    }
    let json = cli.json;
    let report = execute(cli).unwrap_or_else(Failure::report);
    finish(&report, stdout, stderr, json, colour)
}

/// The command of `cli`, carried out: its report.
fn execute(cli: Cli) -> Result<Report, Failure> {
    let query = cli.query.join(" ");
    match (cli.command, cli.class, cli.all) {
        (Some(Command::Search { word }), ..) => command::search::search(&word.join(" ")),
        (Some(Command::Best { codes }), ..) => command::best::best(&codes),
        (Some(Command::Q850 { query }), ..) => command::q850::q850(query.join(" ").trim()),
        (Some(Command::Warning { query }), ..) => command::warning::warning(query.join(" ").trim()),
        (Some(Command::Html), ..) if cli.json => Err(Failure::bad_usage(
            "`html` writes a web page, not JSON: run `sipcode html > sip-codes.html` without --json",
        )),
        (Some(Command::Html), ..) => Ok(command::reference::reference()),
        (None, Some(class), _) => command::lookup::list(Some(class)),
        (None, None, true) => command::lookup::list(None),
        (None, None, false) if !query.trim().is_empty() => command::lookup::lookup(query.trim()),
        (Some(Command::Explain | Command::Stats { .. } | Command::Check { .. }) | None, ..) => {
            Err(Failure::bad_usage(
                "give a code, class, name or phrase to look up (`sipcode 486`), or use `--class`, `--all`, \
             `search WORD` or `explain`; `sipcode --help` shows them all",
            ))
        }
    }
}

/// Writes `report` and says on stderr why it failed, if it did: the exit code.
fn finish(report: &Report, stdout: &mut dyn Write, stderr: &mut dyn Write, json: bool, colour: bool) -> u8 {
    let written = match report {
        Report::Tables(reference) => stdout.write_all(render::html::reference(reference).as_bytes()),
        _ if json => render::json::document(stdout, report),
        _ => Text { out: stdout, colour }.report(report),
    };
    if let Err(error) = written.and_then(|()| stdout.flush()) {
        return write_failed(error, stderr);
    }
    if let Some(message) = render::text::message(report) {
        let _ = writeln!(stderr, "sipcode: {message}");
    }
    exit_of(report)
}

/// The exit code when stdout or stdin failed, with the reason on stderr.
fn write_failed(error: io::Error, stderr: &mut dyn Write) -> u8 {
    // `sipcode --all | head` closes the pipe early: the reader has what it wanted.
    if is_broken_pipe(&error) {
        return SUCCESS;
    }
    let failure = Failure::from(error);
    let _ = writeln!(stderr, "sipcode: {}", failure.message);
    failure.exit
}

/// What stdout and stderr are for a person: colour on stdout; progress on
/// stderr once the reading has taken this long (`None`: never, as when piped).
#[derive(Clone, Copy)]
struct Terminal {
    colour: bool,
    progress: Option<std::time::Duration>,
}

/// How long reading goes on before progress is shown: a moment, so that
/// small files show nothing.
const PROGRESS_AFTER: std::time::Duration = std::time::Duration::from_millis(500);

/// Progress on stderr, once a file has taken more than a moment; the line
/// is cleared when the reading ends.
struct ProgressLine<'a> {
    stderr: &'a mut dyn Write,
    shown: bool,
    started: std::time::Instant,
    /// After how long it shows; `None`: never.
    after: Option<std::time::Duration>,
}

impl ProgressLine<'_> {
    fn show(&mut self, progress: command::stats::Progress<'_>) {
        if self.after.is_none_or(|after| self.started.elapsed() < after) {
            return;
        }
        self.shown = true;
        let mb = |bytes: u64| bytes as f64 / 1e6;
        let name = render::text::Visible(&progress.file.to_string_lossy()).to_string();
        let _ = match progress.total {
            Some(total) if total > 0 => write!(
                self.stderr,
                "\r\x1b[K{name}: {:.1} of {:.1} MB ({:.0}%)",
                mb(progress.read),
                mb(total),
                progress.read as f64 * 100.0 / total as f64
            ),
            _ => write!(self.stderr, "\r\x1b[K{name}: {:.1} MB", mb(progress.read)),
        };
        let _ = self.stderr.flush();
    }

    fn clear(&mut self) {
        if self.shown {
            let _ = write!(self.stderr, "\r\x1b[K");
        }
    }
}

/// `sipcode stats` and `sipcode check`: captures read as one trace.
fn captures(
    command: Command,
    json: bool,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    terminal: Terminal,
) -> u8 {
    let mut line = ProgressLine {
        stderr: &mut *stderr,
        shown: false,
        started: std::time::Instant::now(),
        after: terminal.progress,
    };
    let mut progress = |progress: command::stats::Progress<'_>| line.show(progress);
    let mut out = io::BufWriter::new(&mut *stdout);
    let mut streamed: io::Result<()> = Ok(());
    let (report, lines, html, files, unread) = match command {
        Command::Stats { files, html, merge: true, .. } => {
            let (report, unread) = command::stats::merge(&files, stdin);
            (Report::Stats(Box::new(report)), false, html, files.len(), Some(unread))
        }
        Command::Stats { files, json_lines, html, merge: false } => {
            let mut sink = |call: &report::CallReport| {
                if streamed.is_ok() {
                    streamed = render::json::record(&mut out, call);
                }
            };
            let sink = json_lines.then_some(&mut sink as &mut dyn FnMut(&report::CallReport));
            let report = command::stats::stats(&files, stdin, &mut progress, sink);
            (Report::Stats(Box::new(report)), json_lines, html, files.len(), None)
        }
        Command::Check { files, json_lines } => {
            let mut sink = |finding: &report::CheckFinding| {
                if streamed.is_ok() {
                    streamed = render::json::record(&mut out, finding);
                }
            };
            let sink = json_lines.then_some(&mut sink as &mut dyn FnMut(&report::CheckFinding));
            let report = command::stats::check(&files, stdin, &mut progress, sink);
            (Report::Check(report), json_lines, None, files.len(), None)
        }
        _ => return BAD_USAGE,
    };
    line.clear();
    let streamed = streamed.and_then(|()| out.flush());
    drop(out);
    if let Err(error) = streamed {
        return write_failed(error, stderr);
    }
    let capture = match &report {
        Report::Stats(stats) => &stats.capture,
        Report::Check(check) => &check.capture,
        _ => return BAD_USAGE,
    };
    for error in &capture.errors {
        let _ = writeln!(stderr, "sipcode: {}", render::text::Visible(error));
    }
    // Merged summaries carry their captures' errors: only the summaries
    // themselves count as files read or not.
    let failure = if unread.unwrap_or(capture.errors.len()) == files {
        let what = if unread.is_some() { "summary" } else { "capture file" };
        Some(Failure {
            exit: output::IO_ERROR,
            message: format!("no {what} could be read"),
            suggestion: None,
        })
    } else if capture.sip_messages == 0 {
        Some(Failure::nothing_matched("found no SIP message in the capture"))
    } else {
        None
    };
    // Nothing was read: no summary of nothing (no page either), only why.
    let unread = failure.as_ref().is_some_and(|failure| failure.exit == output::IO_ERROR);
    if let Some(path) = html
        && !unread
        && let Report::Stats(stats) = &report
        && let Err(error) = std::fs::write(&path, render::html::stats(stats))
    {
        let _ = writeln!(
            stderr,
            "sipcode: cannot write {}: {error}",
            render::text::Visible(&path.to_string_lossy())
        );
        return output::IO_ERROR;
    }
    if lines || unread {
        if let Some(failure) = failure {
            let _ = writeln!(stderr, "sipcode: {}", failure.message);
            return failure.exit;
        }
        return SUCCESS;
    }
    let exit = finish(&report, stdout, stderr, json, terminal.colour);
    if let Some(failure) = failure {
        let _ = writeln!(stderr, "sipcode: {}", failure.message);
        return failure.exit;
    }
    exit
}

/// `sipcode explain`: each line echoed with notes under it, or with
/// `--json` each finding as a line of JSON, as the input arrives.
fn explain(
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    json: bool,
    colour: bool,
) -> u8 {
    let mut count = 0;
    let mut streamed = || -> io::Result<()> {
        let mut text = Text { out: &mut *stdout, colour };
        for line in Explain::new(stdin) {
            let line = line?;
            count += line.findings.len();
            if json {
                for finding in &line.findings {
                    render::json::line(text.out, finding)?;
                }
            } else {
                text.explained(&line)?;
            }
        }
        text.out.flush()
    };
    let failure = match streamed() {
        Ok(()) if count > 0 => return SUCCESS,
        Ok(()) => Failure::nothing_matched(
            "found no status line (such as `SIP/2.0 486 Busy Here`) and no Reason or Warning header field in \
             the input",
        ),
        Err(error) if is_broken_pipe(&error) => return SUCCESS,
        Err(error) => Failure::from(error),
    };
    let exit = failure.exit;
    let report = failure.report();
    if json && render::json::line(stdout, &report).is_err() {
        // stdout is what failed: stderr still says why.
    }
    if let Some(message) = render::text::message(&report) {
        let _ = writeln!(stderr, "sipcode: {message}");
    }
    exit
}

/// For the fuzz target (`fuzz/fuzz_targets/html_report.rs`): not an API.
#[doc(hidden)]
pub mod fuzzing {
    use crate::command::explain::Explain;

    /// `explain` over `input`, its findings as a web page, and how many `<`
    /// the page's own markup wrote: the page must hold no other.
    pub fn explain_html(input: &[u8]) -> (String, usize) {
        let findings: Vec<_> =
            Explain::new(&mut &input[..]).flat_map(|line| line.map(|line| line.findings)).flatten().collect();
        let html = crate::render::html::findings(&findings);
        let tags = html.raw_tags();
        (html.finish(), tags)
    }
}

/// What every module's tests use to drive the tool.
#[cfg(test)]
mod testing {
    use serde_json::Value;

    /// Runs the tool without colour: (exit code, stdout, stderr).
    pub fn sipcode(args: &[&str], stdin: &str) -> (u8, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = std::iter::once("sipcode").chain(args.iter().copied());
        let exit = super::run(args, &mut stdin.as_bytes(), &mut out, &mut err, false, false);
        (exit, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
    }

    /// Runs the tool and reads its stdout as JSON: (exit code, value).
    pub fn json_of(args: &[&str], stdin: &str) -> (u8, Value) {
        let (exit, out, err) = sipcode(args, stdin);
        let value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}{err}"));
        (exit, value)
    }

    /// Runs `explain --json` and reads its lines: (exit code, one value a line).
    pub fn json_lines(stdin: &str) -> (u8, Vec<Value>) {
        let (exit, out, err) = sipcode(&["explain", "--json"], stdin);
        let values = out
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}{err}")))
            .collect();
        (exit, values)
    }
}

#[cfg(test)]
mod tests;
