//! Reports as text for people: labelled blocks, aligned tables, colour when
//! asked. Strings from the input reach the terminal through [`Visible`], so
//! a log cannot send escape sequences to it.

use std::fmt::{self, Display};
use std::io::{self, Write};

use crate::render::words::{self, Rfc, defined_in, who};
use crate::report::{
    Answers, BestReport, CaptureSummary, CauseReport, CheckReport, CodeReport, Data, Explained, Finding,
    Flag, ReasonCauseReport, Report, StatsReport, UnknownCode, WarnCodeReport,
};

/// ANSI styles (SGR parameters).
const BOLD: &str = "1";
const DIM: &str = "2";
const YELLOW: &str = "33";
const RED: &str = "31";

/// The text renderer: where it writes, and whether in colour.
pub struct Text<'a> {
    pub out: &'a mut dyn Write,
    pub colour: bool,
}

impl Text<'_> {
    /// `text` in the ANSI style `sgr`, when colour is on.
    fn paint(&self, sgr: &str, text: impl Display) -> String {
        if self.colour { format!("\x1b[{sgr}m{text}\x1b[0m") } else { text.to_string() }
    }

    /// A report, on stdout. A failure writes nothing here: see [`message`].
    pub fn report(&mut self, report: &Report) -> io::Result<()> {
        match report {
            Report::Lookup { codes } => self.codes(codes),
            Report::List { codes } => self.table(codes),
            Report::Cause(cause) => self.cause(cause),
            Report::WarnCode(code) => self.warn_code(code),
            Report::Best(best) => self.best(best),
            Report::Stats(stats) => self.stats(stats),
            Report::Check(check) => self.check(check),
            Report::UnknownCode(_) | Report::Error(_) | Report::Tables(_) => Ok(()),
        }
    }

    /// Everything known about each code, one block each.
    fn codes(&mut self, codes: &[CodeReport]) -> io::Result<()> {
        for (i, code) in codes.iter().enumerate() {
            if i > 0 {
                writeln!(self.out)?;
            }
            let mut flags: Vec<String> = Vec::new();
            if let Some(why) = code.deprecated {
                flags.push(self.paint(YELLOW, format_args!("deprecated: {why}")));
            }
            if let Some(note) = code.non_standard {
                flags.push(self.paint(YELLOW, format_args!("non-standard: {note}")));
            }
            let aliases: Vec<String> = code.aliases.iter().map(|alias| format!("\"{alias}\"")).collect();
            let url =
                code.reference.as_ref().map_or(String::new(), |reference| self.paint(DIM, &reference.url));
            let handling = &code.handling;
            let mut next = format!("{}: {}", handling.disposition.label, handling.action);
            if !handling.reads.is_empty() {
                next += &format!(" Reads {}.", handling.reads.join(", "));
            }
            next += &format!(" {}", self.paint(DIM, format_args!("[{}]", Rfc(&handling.reference))));
            let rule = |rule: &crate::report::HeaderRuleReport| {
                let condition = rule.condition.map(|condition| format!(", {condition}")).unwrap_or_default();
                // A condition no message shows: advice, not something a capture can prove.
                let judged = if rule.judged { " [a judgement]" } else { "" };
                format!(
                    "{} carry {}{condition}{judged} ({})",
                    rule.requirement.label,
                    rule.header,
                    Rfc(&rule.reference)
                )
            };
            let retry = match &handling.retry_after {
                Some(retry) => rule(retry),
                None => "no Retry-After: RFC 3261 §20.33 and the code's section give it none".to_owned(),
            };
            // Retry-After has its own line.
            let headers: Vec<String> = handling
                .headers
                .iter()
                .filter(|rule| !rule.header.eq_ignore_ascii_case("Retry-After"))
                .map(rule)
                .collect();
            let headers =
                if headers.is_empty() { "none of its own".to_owned() } else { headers.join("\n           ") };
            // The rules of a set of codes it belongs to; those of (nearly) every response are
            // left to `--json` and the page, since they would repeat under every code.
            let shared: Vec<String> = handling
                .shared
                .iter()
                .filter(|shared| !shared.listed_once)
                .map(|shared| format!("{}: {}", shared.codes, rule(&shared.rule)))
                .collect();
            let shared = (!shared.is_empty()).then(|| ("shared", shared.join("\n           ")));
            let q850 = code.q850.as_ref().map(|causes| self.answers(causes));
            let rows = [
                ("class", format!("{}xx {}", code.class.digit, code.class.name.label)),
                ("meaning", code.meaning.to_owned()),
                ("defined", format!("{} {url}", defined_in(code.reference.as_ref())).trim_end().to_owned()),
                ("next", next),
                ("retry", retry),
                ("headers", headers),
                ("name", format!("{} (StatusCode::{})", code.name, code.constant)),
                ("aliases", if aliases.is_empty() { "none".to_owned() } else { aliases.join(", ") }),
                ("flags", if flags.is_empty() { "none".to_owned() } else { flags.join("\n           ") }),
            ];
            writeln!(self.out, "{}", self.paint(BOLD, format_args!("{} {}", code.code, code.phrase)))?;
            // The shared rules right under the code's own.
            let (first, last) = rows.split_at(6);
            let rows = first.iter().cloned().chain(shared).chain(last.iter().cloned());
            for (label, value) in rows.chain(q850.map(|causes| ("q850", causes))) {
                writeln!(self.out, "  {label:<8} {value}")?;
            }
        }
        Ok(())
    }

    /// The profiles' answers: one with "(all profiles)" when they agree,
    /// otherwise each answer with the profiles that give it, in yellow; then
    /// RFC 3398's notes, a line each.
    fn answers<T: PartialEq + Display>(&self, answers: &Answers<T>) -> String {
        let groups = answers.by_answer();
        let shown: Vec<String> = groups
            .iter()
            .map(|group| {
                let answer = group.answer.as_ref().map_or("none".to_owned(), ToString::to_string);
                format!("{answer} ({})", who(group, &answers.profiles))
            })
            .collect();
        let mut text = if groups.len() == 1 { shown.join("") } else { self.paint(YELLOW, shown.join("; ")) };
        for note in &answers.notes {
            text += &format!("\n           RFC 3398: {note}");
        }
        text
    }

    /// One aligned row per code: code, phrase, name, RFC section, flags.
    fn table(&mut self, codes: &[CodeReport]) -> io::Result<()> {
        let rows: Vec<[String; 5]> = codes
            .iter()
            .map(|code| {
                let flags = [
                    code.deprecated.is_some().then_some("deprecated"),
                    code.non_standard.is_some().then_some("non-standard"),
                ];
                [
                    code.code.to_string(),
                    code.phrase.to_owned(),
                    code.name.to_owned(),
                    defined_in(code.reference.as_ref()),
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
        writeln!(self.out, "{}", self.paint(BOLD, format_row(&header)))?;
        for row in &rows {
            writeln!(self.out, "{}", format_row(row))?;
        }
        Ok(())
    }

    /// A Q.850 cause and each profile's response.
    fn cause(&mut self, cause: &CauseReport) -> io::Result<()> {
        let title = match cause.text {
            Some(text) => format!("{} {text}", cause.value),
            None => format!("{} (a value ITU-T Q.850 does not define)", cause.value),
        };
        writeln!(self.out, "{}", self.paint(BOLD, title))?;
        let mut rows = vec![("class", cause.class.label.to_owned())];
        if let (Some(name), Some(constant)) = (cause.name, cause.constant) {
            let aliases: Vec<String> = cause.aliases.iter().map(|alias| format!("\"{alias}\"")).collect();
            rows.push(("name", format!("{name} (Cause::{constant})")));
            rows.push(("aliases", if aliases.is_empty() { "none".to_owned() } else { aliases.join(", ") }));
        }
        rows.push(("response", self.answers(&cause.responses)));
        for (label, value) in rows {
            writeln!(self.out, "  {label:<8} {value}")?;
        }
        Ok(())
    }

    /// A warn-code: its range, and its meaning when registered.
    fn warn_code(&mut self, code: &WarnCodeReport) -> io::Result<()> {
        // The lookup command only reports codes 300 to 399, which all have a range.
        let range_row = code.range.as_ref().map_or_else(
            || "outside 300 to 399: not a SIP warn-code (RFC 3261 §20.43)".to_owned(),
            |range| format!("{} to {}: {}", range.first, range.last, range.description),
        );
        match (code.text, code.meaning, &code.reference, code.name, code.constant) {
            (Some(text), Some(meaning), Some(reference), Some(name), Some(constant)) => {
                writeln!(self.out, "{}", self.paint(BOLD, format_args!("{} {text}", code.code)))?;
                let url = self.paint(DIM, &reference.url);
                let rows = [
                    ("range", range_row),
                    ("meaning", meaning.to_owned()),
                    ("defined", format!("{} {url}", Rfc(reference))),
                    ("name", format!("{name} (WarnCode::{constant})")),
                ];
                for (label, value) in rows {
                    writeln!(self.out, "  {label:<8} {value}")?;
                }
            }
            _ => {
                writeln!(self.out, "{}", self.paint(BOLD, format_args!("{} (not registered)", code.code)))?;
                writeln!(self.out, "  {:<8} {range_row}", "range")?;
                writeln!(
                    self.out,
                    "  {:<8} an extension warn-code: the IANA registry has no meaning for it (RFC 3261 §27.2)",
                    "meaning"
                )?;
            }
        }
        Ok(())
    }

    /// What a received value holds that the grammar allows but the RFCs do
    /// not define: one flagged line each.
    fn oddities(&mut self, oddities: &[String]) -> io::Result<()> {
        for oddity in oddities {
            writeln!(self.out, "     {} {}", self.paint(YELLOW, "! odd:"), Visible(oddity))?;
        }
        Ok(())
    }

    /// What a forking proxy sends, where from, and why.
    fn best(&mut self, best: &BestReport) -> io::Result<()> {
        let title = match &best.entry {
            Some(entry) => self.paint(BOLD, format_args!("{} {}", entry.code, entry.phrase)),
            None => self.paint(BOLD, best.send),
        };
        let from = match (best.branch, best.received) {
            (Some(branch), Some(received)) => format!("generated in place of branch {branch}'s {received}"),
            (Some(branch), None) => format!("from branch {branch} of {}", best.branches.len()),
            (None, _) => "generated by the proxy".to_owned(),
        };
        writeln!(self.out, "{title}  {from}")?;
        let selection = &best.selection;
        writeln!(
            self.out,
            "  {:<8} {} (RFC {} §{})",
            "why", selection.rule, selection.rfc, selection.section
        )?;
        if best.aggregate_challenges {
            writeln!(
                self.out,
                "  {:<8} add the WWW-Authenticate and Proxy-Authenticate values of every other 401 and 407 \
                 branch {}",
                "also",
                self.paint(DIM, "[RFC 3261 §16.7 step 7]"),
            )?;
        }
        if !best.skipped.is_empty() {
            let skipped: Vec<String> = best.skipped.iter().map(ToString::to_string).collect();
            writeln!(
                self.out,
                "  {:<8} {} not final (provisional or stack-local), so not a branch's answer",
                "skipped",
                skipped.join(", "),
            )?;
        }
        Ok(())
    }

    /// A line of `explain`'s input, echoed, then a note under it for each finding.
    pub fn explained(&mut self, line: &Explained) -> io::Result<()> {
        let bytes = line.bytes.strip_suffix(b"\n").unwrap_or(&line.bytes);
        let (body, ending) = match bytes.strip_suffix(b"\r") {
            Some(body) => (body, "\r\n"),
            None => (bytes, "\n"),
        };
        for chunk in body.utf8_chunks() {
            write!(self.out, "{}", Visible(chunk.valid()))?;
            for byte in chunk.invalid() {
                write!(self.out, "\\x{byte:02x}")?;
            }
        }
        self.out.write_all(ending.as_bytes())?;
        for finding in &line.findings {
            self.finding(finding)?;
        }
        Ok(())
    }

    /// The note under a finding.
    fn finding(&mut self, finding: &Finding) -> io::Result<()> {
        match finding {
            Finding::Invalid { what, error, .. } => {
                let flag = match what.token {
                    "status_line" => self.paint(RED, "! not a valid status line:"),
                    _ => self.paint(RED, format_args!("! not a valid {} value:", what.label)),
                };
                writeln!(self.out, "  {flag} {}", Visible(error))
            }
            Finding::StatusLine { code, reason, class, flags, entry, .. } => {
                let Some(entry) = entry else {
                    let understood = flags.iter().find_map(|flag| match flag {
                        Flag::UnknownCode { understood_as } => Some(understood_as),
                        _ => None,
                    });
                    let flag = self.paint(YELLOW, "! unknown code:");
                    write!(
                        self.out,
                        "  {flag} {code} is not registered; it is an extension code of class {}xx {}",
                        class.digit, class.name.label
                    )?;
                    return match understood {
                        Some(understood) => {
                            writeln!(self.out, ", and a UAC treats it as {understood} (RFC 3261 §8.1.3.2)")
                        }
                        None => writeln!(self.out),
                    };
                };
                let title = self.paint(BOLD, format_args!("{} {}", entry.code, entry.phrase));
                let reference = self.paint(DIM, format_args!("[{}]", defined_in(entry.reference.as_ref())));
                writeln!(
                    self.out,
                    "  -> {title} ({}xx {}): {} {reference}",
                    class.digit, class.name.label, entry.meaning
                )?;
                for flag in flags {
                    match flag {
                        Flag::NonStandardReason { registered } => {
                            let flag = self.paint(YELLOW, "! non-standard reason phrase");
                            writeln!(
                                self.out,
                                "     {flag} \"{}\"; the registered phrase is \"{registered}\"",
                                Visible(reason)
                            )?;
                        }
                        Flag::Deprecated { why } => {
                            writeln!(self.out, "     {} {why}", self.paint(YELLOW, "! deprecated:"))?;
                        }
                        Flag::UnknownCode { .. } => {}
                    }
                }
                Ok(())
            }
            Finding::Warning { code, agent, text, oddities, .. } => {
                match (code.text, code.meaning, &code.reference, &code.range) {
                    (Some(warn_text), Some(meaning), Some(reference), _) => {
                        let title = self.paint(BOLD, format_args!("{} {warn_text}", code.code));
                        let reference = self.paint(DIM, format_args!("[{}]", Rfc(reference)));
                        writeln!(
                            self.out,
                            "  -> warning {title} from {}: {meaning} {reference}",
                            Visible(agent)
                        )?;
                    }
                    (_, _, _, Some(range)) => {
                        let flag = self.paint(YELLOW, "! unregistered warn-code:");
                        writeln!(
                            self.out,
                            "  {flag} {} from {}, in the range of {}: \"{}\"",
                            code.code,
                            Visible(agent),
                            range.description,
                            Visible(text)
                        )?;
                    }
                    (_, _, _, None) => {
                        let flag = self.paint(YELLOW, "! not a SIP warn-code:");
                        writeln!(
                            self.out,
                            "  {flag} {} from {}: \"{}\"",
                            code.code,
                            Visible(agent),
                            Visible(text)
                        )?;
                    }
                }
                self.oddities(oddities)
            }
            Finding::Reason { protocol, cause, text, oddities, .. } => {
                let what = match cause {
                    ReasonCauseReport::Sip { code, phrase: Some(phrase), meaning: Some(meaning), .. } => {
                        format!("SIP {code} {phrase}: {meaning}")
                    }
                    ReasonCauseReport::Sip { code, class_digit, .. } => {
                        format!("SIP {code} (an extension code of class {class_digit}xx)")
                    }
                    ReasonCauseReport::Q850 { cause, class, location } => {
                        let text = cause.text.unwrap_or("a value ITU-T Q.850 does not define");
                        let location = location
                            .as_ref()
                            .map(|location| format!(", at {}", location.meaning))
                            .unwrap_or_default();
                        format!("Q.850 cause {} {text} ({}){location}", cause.value, class.label)
                    }
                    ReasonCauseReport::Other { value, meaning: Some(meaning), reference } => {
                        format!(
                            "{} cause {value}: {meaning} ({})",
                            Visible(protocol),
                            reference.unwrap_or_default()
                        )
                    }
                    ReasonCauseReport::Other { value, meaning: None, .. } => {
                        let flag = self.paint(YELLOW, "not in the IANA Reason Protocols registry");
                        format!("{} cause {value} ({flag})", Visible(protocol))
                    }
                    ReasonCauseReport::Missing => format!("{} without a cause", Visible(protocol)),
                };
                let text =
                    text.as_ref().map(|text| format!(", text \"{}\"", Visible(text))).unwrap_or_default();
                writeln!(self.out, "  -> reason {}{text}", self.paint(BOLD, what))?;
                self.oddities(oddities)
            }
        }
    }
}

impl Text<'_> {
    /// Rows aligned under a bold header, two spaces between columns; the
    /// columns in `right` aligned right (numbers).
    fn aligned(&mut self, header: &[&str], rows: &[Vec<String>], right: &[usize]) -> io::Result<()> {
        let mut widths = vec![0; header.len()];
        let header: Vec<String> = header.iter().map(|cell| (*cell).to_owned()).collect();
        for row in std::iter::once(&header).chain(rows) {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let format_row = |row: &[String]| {
            let cells: Vec<String> =
                row.iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (cell, &width))| {
                        if right.contains(&i) { format!("{cell:>width$}") } else { format!("{cell:<width$}") }
                    })
                    .collect();
            format!("  {}", cells.join("  ").trim_end())
        };
        writeln!(self.out, "{}", self.paint(BOLD, format_row(&header)))?;
        for row in rows {
            writeln!(self.out, "{}", format_row(row))?;
        }
        Ok(())
    }

    /// One line of what was read: files, frames, messages, the time span.
    fn capture(&mut self, capture: &CaptureSummary) -> io::Result<()> {
        let span = match (&capture.first, &capture.last) {
            (Some(first), Some(last)) => format!(", {first} to {last}"),
            _ => String::new(),
        };
        writeln!(
            self.out,
            "{} file{}, {} frames ({} bytes), {} SIP messages, {} frames skipped{span}",
            capture.files,
            if capture.files == 1 { "" } else { "s" },
            capture.frames,
            capture.bytes,
            capture.sip_messages,
            capture.skipped_frames,
        )
    }

    /// `sipcode stats`: calls, failures, methods, metrics, unusual traffic.
    fn stats(&mut self, stats: &StatsReport) -> io::Result<()> {
        self.capture(&stats.capture)?;
        let calls = &stats.calls;
        writeln!(self.out)?;
        writeln!(self.out, "{}", self.paint(BOLD, format_args!("Calls: {}", calls.total)))?;
        for (_, label, count) in words::outcomes(calls).into_iter().filter(|(.., count)| *count > 0) {
            writeln!(self.out, "  {count:>8}  {:>6}  {label}", words::share(count, calls.total))?;
        }
        if calls.challenged_and_retried > 0 {
            writeln!(
                self.out,
                "  {:>8}          of them challenged (401, 407) and sent again with credentials",
                calls.challenged_and_retried
            )?;
        }
        writeln!(self.out)?;
        if stats.failures.is_empty() {
            writeln!(self.out, "{}", self.paint(BOLD, "No failure responses"))?;
        } else {
            writeln!(self.out, "{}", self.paint(BOLD, "Failures, most frequent first"))?;
            let rows: Vec<Vec<String>> = stats
                .failures
                .iter()
                .map(|failure| {
                    vec![
                        words::failure_code(failure),
                        failure.calls.to_string(),
                        failure.transactions.to_string(),
                        failure.disposition.map_or("", |disposition| disposition.label).to_owned(),
                        words::causes(&failure.causes),
                    ]
                })
                .collect();
            self.aligned(&["code", "calls", "transactions", "a UAC will", "Q.850 causes"], &rows, &[1, 2])?;
            for failure in &stats.failures {
                if let Some(meaning) = failure.meaning {
                    writeln!(self.out, "  {}", self.paint(DIM, format_args!("{}: {meaning}", failure.code)))?;
                }
            }
            // One response of each code to look up in the capture.
            for failure in &stats.failures {
                if let Some(example) = &failure.example {
                    let whereabouts =
                        words::whereabouts(&example.file, example.frame, example.call_id.as_deref());
                    writeln!(
                        self.out,
                        "  {}",
                        self.paint(DIM, format_args!("{} e.g. {whereabouts}", failure.code))
                    )?;
                }
            }
        }
        writeln!(self.out)?;
        writeln!(
            self.out,
            "{}",
            self.paint(BOLD, "Requests and responses: as sent / per transaction (retransmissions once)")
        )?;
        let rows: Vec<Vec<String>> = stats
            .methods
            .iter()
            .map(|method| {
                let responses: Vec<String> = method
                    .responses
                    .iter()
                    .map(|r| {
                        if r.messages == r.transactions {
                            format!("{} ×{}", r.code, r.messages)
                        } else {
                            format!("{} ×{}/{}", r.code, r.messages, r.transactions)
                        }
                    })
                    .collect();
                vec![
                    Visible(&method.method).to_string(),
                    format!("{}/{}", method.messages, method.transactions),
                    method.retransmissions.to_string(),
                    method.without_final.to_string(),
                    responses.join(", "),
                ]
            })
            .collect();
        self.aligned(&["method", "requests", "resent", "no final", "responses"], &rows, &[1, 2, 3])?;
        writeln!(self.out)?;
        writeln!(self.out, "{}", self.paint(BOLD, "RFC 6076 metrics"))?;
        for (name, label, ratio) in words::ratios(&stats.metrics) {
            let value = ratio.map_or_else(|| "-".to_owned(), |ratio| ratio.to_string());
            writeln!(self.out, "  {name:<4}  {value:<22}  {}", self.paint(DIM, label))?;
        }
        for (name, label, delays) in words::delays(&stats.metrics).into_iter().filter(|(.., d)| d.count > 0) {
            writeln!(self.out, "  {name:<4}  {delays}  {}", self.paint(DIM, label))?;
        }
        let metrics = &stats.metrics;
        if metrics.unobserved_sessions + metrics.unobserved_registrations > 0 {
            writeln!(
                self.out,
                "  {}",
                self.paint(
                    DIM,
                    format_args!(
                        "left out: {} INVITE and {} REGISTER attempts whose outcome the capture does not hold",
                        metrics.unobserved_sessions, metrics.unobserved_registrations
                    )
                )
            )?;
        }
        self.unusual(stats)
    }

    /// What a well-behaved peer would not send.
    fn unusual(&mut self, stats: &StatsReport) -> io::Result<()> {
        let unusual = &stats.unusual;
        let mut lines = Vec::new();
        for phrase in &unusual.other_phrases {
            lines.push(format!(
                "{} sent as \"{}\" ×{} (registered: {})",
                phrase.code,
                Visible(&phrase.phrase),
                phrase.count,
                phrase.registered
            ));
        }
        if unusual.other_phrases_more > 0 {
            lines.push(format!("{} more responses with other phrases", unusual.other_phrases_more));
        }
        for unknown in &unusual.unknown_codes {
            lines.push(format!(
                "{} ×{}: not in the catalogue; a UAC treats it as {} (RFC 3261 §8.1.3.2)",
                unknown.code, unknown.count, unknown.understood_as
            ));
        }
        for code in &unusual.out_of_range {
            lines.push(format!("{} ×{}: outside 100–699, which no RFC defines", code.key, code.count));
        }
        for (count, what) in [
            (unusual.invalid_status_lines, "responses with a status line that cannot be read"),
            (unusual.unparsed, "messages that cannot be split into header fields"),
            (unusual.without_transaction, "requests without Via branch or Call-ID"),
            (unusual.stray_responses, "responses to no request in the capture"),
            (unusual.other_methods, "requests of methods past the 64 counted"),
        ] {
            if count > 0 {
                lines.push(format!("{count} {what}"));
            }
        }
        if lines.is_empty() {
            return Ok(());
        }
        writeln!(self.out)?;
        writeln!(self.out, "{}", self.paint(BOLD, "Unusual traffic"))?;
        for line in lines {
            writeln!(self.out, "  {line}")?;
        }
        Ok(())
    }

    /// `sipcode check`: the rules broken, the weightiest first, one example each.
    fn check(&mut self, check: &CheckReport) -> io::Result<()> {
        self.capture(&check.capture)?;
        writeln!(
            self.out,
            "{} responses judged, {} with findings, {} rules broken",
            check.responses,
            check.with_findings,
            check.rules.len()
        )?;
        for rule in &check.rules {
            writeln!(self.out)?;
            let level = match rule.level {
                "MUST" | "MUST NOT" | "grammar" => self.paint(RED, rule.level),
                "note" => self.paint(DIM, rule.level),
                _ => self.paint(YELLOW, rule.level),
            };
            let header = rule.header.map(|header| format!(" {header}")).unwrap_or_default();
            writeln!(
                self.out,
                "{level} ×{}  {} {}{header} ({})",
                rule.count, rule.code, rule.kind, rule.reference
            )?;
            let example = &rule.example;
            writeln!(self.out, "  e.g. {}", Visible(&example.message))?;
            let whereabouts = words::whereabouts(&example.file, example.frame, example.call_id.as_deref());
            writeln!(self.out, "  {}", self.paint(DIM, whereabouts))?;
        }
        Ok(())
    }
}

/// The sentence stderr shows for a report that fails: `None` for a success.
pub fn message(report: &Report) -> Option<String> {
    match report {
        Report::Error(error) => Some(error.message.clone()).filter(|message| !message.is_empty()),
        Report::UnknownCode(unknown) => Some(unknown_code(unknown)),
        _ => None,
    }
}

/// `431 is not a registered SIP response code; the nearest are …`.
fn unknown_code(unknown: &UnknownCode) -> String {
    let nearest: Vec<String> = unknown
        .nearest
        .iter()
        .map(|neighbour| format!("{} ({})", neighbour.code, neighbour.phrase))
        .collect();
    let understood = &unknown.understood_as;
    format!(
        "{} is not a registered SIP response code; the nearest are {}. It is an extension code of class {}xx {}, \
         and a UAC treats it as {} {} (RFC 3261 §8.1.3.2)",
        unknown.code,
        nearest.join(" and "),
        unknown.class.digit,
        unknown.class.name.label,
        understood.code,
        understood.phrase,
    )
}

/// Text from the input, with its control characters made visible (`\x1b`,
/// `\u{9b}`), so that a log cannot move the cursor or recolour the terminal.
/// Tabs pass.
pub struct Visible<'a>(pub &'a str);

impl Display for Visible<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(|c: char| c.is_control() && c != '\t') {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            match u8::try_from(c) {
                Ok(byte) if byte.is_ascii() => write!(f, "\\x{byte:02x}")?,
                _ => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

impl Display for Data {
    /// The input as text, its invalid bytes as U+FFFD.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Data::Text(text) => f.write_str(text),
            Data::Bytes(bytes) => f.write_str(&String::from_utf8_lossy(bytes)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Visible;

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(Visible("\x1b[31mred\x1b[0m").to_string(), "\\x1b[31mred\\x1b[0m");
        assert_eq!(Visible("a\tb\rc\u{9b}2J\u{7f}").to_string(), "a\tb\\x0dc\\u{9b}2J\\x7f");
        assert_eq!(Visible("Busy Here — §21").to_string(), "Busy Here — §21");
    }
}
