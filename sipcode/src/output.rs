//! How an invocation ends: the exit codes, and [`Failure`], what a command
//! returns when it cannot answer.

use std::io;

use crate::report::{ErrorReport, Report, Suggestion};

/// Exit code: the command did what was asked.
pub const SUCCESS: u8 = 0;
/// Exit code: the query was well formed, but nothing matched it.
pub const NOTHING_MATCHED: u8 = 1;
/// Exit code: the arguments make no sense together.
pub const BAD_USAGE: u8 = 2;
/// Exit code: the input could not be read or the output written (as grep and rg).
pub const IO_ERROR: u8 = 2;

/// Why a command did not succeed: the exit code, the sentence for stderr,
/// and the nearest spelling for a near miss.
#[derive(Debug)]
pub struct Failure {
    pub exit: u8,
    pub message: String,
    pub suggestion: Option<Suggestion>,
}

impl Failure {
    pub fn nothing_matched(message: impl Into<String>) -> Failure {
        Failure { exit: NOTHING_MATCHED, message: message.into(), suggestion: None }
    }

    pub fn bad_usage(message: impl Into<String>) -> Failure {
        Failure { exit: BAD_USAGE, message: message.into(), suggestion: None }
    }

    /// The report of the failure: what `--json` prints.
    pub fn report(self) -> Report {
        Report::Error(ErrorReport { exit: self.exit, message: self.message, suggestion: self.suggestion })
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure {
            exit: IO_ERROR,
            message: format!("cannot read the input or write the output: {error}"),
            suggestion: None,
        }
    }
}

/// The exit code a report ends the process with.
pub fn exit_of(report: &Report) -> u8 {
    match report {
        Report::UnknownCode(_) => NOTHING_MATCHED,
        Report::Error(error) => error.exit,
        _ => SUCCESS,
    }
}

/// Whether `error` is the reader closing the pipe early (`sipcode --all | head`):
/// the reader has what it wanted, so that is a success, silently.
pub fn is_broken_pipe(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::BrokenPipe
}
