//! Where a command writes, how (text or JSON, colour or not), and how it fails.

use std::fmt::Display;
use std::io::{self, Write};

use serde_json::Value;

/// Exit code: the command did what was asked.
pub const SUCCESS: u8 = 0;
/// Exit code: the query was well formed, but nothing matched it.
pub const NOTHING_MATCHED: u8 = 1;
/// Exit code: the arguments make no sense together.
pub const BAD_USAGE: u8 = 2;

/// ANSI styles (SGR parameters) for [`Output::paint`].
pub const BOLD: &str = "1";
pub const DIM: &str = "2";
pub const YELLOW: &str = "33";
pub const RED: &str = "31";

/// Why a command did not succeed: the exit code and the sentence for stderr.
pub struct Failure {
    pub exit: u8,
    pub message: String,
}

impl Failure {
    pub fn nothing_matched(message: impl Into<String>) -> Failure {
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
pub struct Output<'a> {
    pub out: &'a mut dyn Write,
    pub json: bool,
    pub colour: bool,
}

impl Output<'_> {
    /// `text` in the ANSI style `sgr`, when colour is on.
    pub fn paint(&self, sgr: &str, text: impl Display) -> String {
        if self.colour { format!("\x1b[{sgr}m{text}\x1b[0m") } else { text.to_string() }
    }

    /// `value`, pretty-printed, on a line of its own.
    pub fn write_json(&mut self, value: &Value) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *self.out, value)?;
        writeln!(self.out)
    }
}
