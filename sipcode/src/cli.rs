//! The command line: what `sipcode` accepts, as clap reads it. Types only.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use sip_codes::Class;

#[derive(Parser, Debug)]
#[command(
    name = "sipcode",
    version,
    about = "Look up SIP response codes, list them, and explain the status lines of a log."
)]
pub struct Cli {
    /// A code (486), a class (4xx), a name (BusyHere) or a reason phrase ("busy here").
    pub query: Vec<String>,

    /// List the codes of one class: 4xx, or its name (request-failure).
    #[arg(long, conflicts_with_all = ["query", "all"])]
    pub class: Option<Class>,

    /// List every catalogued code.
    #[arg(long, conflicts_with = "query")]
    pub all: bool,

    /// Print JSON instead of text (JSON Lines for `explain`).
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; each is carried out by the module of the same name in `command/`.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the codes whose phrase, aliases or meaning mention WORD (ignoring case).
    Search {
        #[arg(required = true)]
        word: Vec<String>,
    },
    /// Read a log or SIP trace on stdin and annotate every status line in it.
    Explain,
    /// The response a forking proxy sends upstream, from the codes its branches received
    /// (RFC 3261 §16.7): `sipcode best 486 603 404` gives 603.
    Best {
        /// The code each branch received, in the order received.
        #[arg(required = true)]
        codes: Vec<String>,
    },
    /// Show a Q.850 cause (17, UserBusy, "user busy") and the response each profile maps it to.
    #[command(visible_alias = "cause")]
    Q850 {
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// Show a warn-code of the Warning header field (307, SipsRequired, "insufficient bandwidth").
    Warning {
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// Write the reference as one self-contained web page: `sipcode html > sip-codes.html`.
    Html,
    /// Summarise packet captures (pcap, pcapng, gzip; several files are one trace, `-` is stdin):
    /// calls and how they ended, failures ranked, responses per method, RFC 6076 metrics.
    Stats {
        /// The capture files, in the order they were recorded.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per call, as each ends, instead of the summary.
        #[arg(long, conflicts_with_all = ["json", "html"])]
        json_lines: bool,
        /// Also write the summary as a self-contained web page to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// The files are summaries written by `sipcode stats --json`, one per
        /// capture: add them up into one.
        #[arg(long, conflicts_with = "json_lines")]
        merge: bool,
    },
    /// Judge every response of packet captures by the rules of its code; findings grouped by rule.
    Check {
        /// The capture files, in the order they were recorded.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per finding instead of the summary.
        #[arg(long, conflicts_with = "json")]
        json_lines: bool,
    },
}
