//! `sipcode`: the operator's tool; see the library's documentation for the commands.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::io::{self, IsTerminal};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Colour only for a person at a terminal, and never against NO_COLOR.
    let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let exit = sipcode::run(
        std::env::args_os(),
        &mut io::stdin().lock(),
        &mut io::stdout().lock(),
        &mut io::stderr(),
        colour,
        io::stderr().is_terminal(),
    );
    ExitCode::from(exit)
}
