//! Reports as JSON: one pretty document per invocation, or, for `explain`,
//! one compact object per line (JSON Lines), flushed as each is found.

use std::io::{self, Write};

use serde::Serialize;

/// `value`, pretty-printed, on lines of its own: one document.
pub fn document(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// `value` on one line, flushed, so that `tail -f log | sipcode explain --json` answers at once.
pub fn line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)?;
    out.flush()
}

/// `value` on one line, not flushed: a record of `stats --json-lines` or
/// `check --json-lines`, written as fast as the capture is read.
pub fn record(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}
