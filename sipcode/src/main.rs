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
//! `--json` prints JSON instead of text. Exit codes: 0 on success, 1 when
//! nothing matched, 2 for bad usage.
//!
//! Each command lives in its own module and writes through [`output::Output`];
//! [`run`] parses the arguments ([`cli`]) and hands each command on. A new
//! subcommand is a variant of [`cli::Command`], a module, and one arm in `run`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod best;
mod capture;
mod cause;
mod cli;
mod display;
mod explain;
mod html;
mod json;
mod lookup;
mod output;
mod search;
mod warning;

use std::ffi::OsString;
use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use output::{BAD_USAGE, Failure, NOTHING_MATCHED, Output, SUCCESS};

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
            message: "`search`, `q850`, `warning`, `explain`, `best` and `html` take no code, `--class` or \
                      `--all` before them: run them on their own, as in `sipcode explain < trace.log` or \
                      `sipcode best 486 603`"
                .into(),
        }),
        (Some(Command::Search { word }), ..) => search::search(&mut output, &word.join(" ")),
        (Some(Command::Explain), ..) => explain::explain(&mut output, stdin),
        (Some(Command::Best { codes }), ..) => best::best(&mut output, codes),
        (Some(Command::Q850 { query }), ..) => cause::cause(&mut output, query.join(" ").trim()),
        (Some(Command::Warning { query }), ..) => warning::warning(&mut output, query.join(" ").trim()),
        (Some(Command::Html), ..) => html::html(&mut output),
        (None, Some(class), _) => lookup::list(&mut output, Some(class)),
        (None, None, true) => lookup::list(&mut output, None),
        (None, None, false) if !cli.query.is_empty() => {
            lookup::lookup(&mut output, cli.query.join(" ").trim())
        }
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
                let _ = output.write_json(&serde_json::json!([]));
            }
            if !failure.message.is_empty() {
                let _ = writeln!(stderr, "sipcode: {}", failure.message);
            }
            failure.exit
        }
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
        let exit = super::run(args, &mut stdin.as_bytes(), &mut out, &mut err, false);
        (exit, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
    }

    /// Runs the tool and reads its stdout as JSON: (exit code, value).
    pub fn json_of(args: &[&str], stdin: &str) -> (u8, Value) {
        let (exit, out, err) = sipcode(args, stdin);
        let value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}{err}"));
        (exit, value)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::sipcode;
    use super::*;

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
