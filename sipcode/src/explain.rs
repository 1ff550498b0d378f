//! `sipcode explain`: a log or SIP trace on stdin, echoed with a note under
//! every status line in it, and under each value of its `Reason` and
//! `Warning` header fields.

use std::io::{self, BufRead};

use serde_json::Value;
use sip_codes::{InvalidStatusLine, StatusLine};

use crate::display::{defined_in, understood_note};
use crate::json::finding_json;
use crate::output::{BOLD, DIM, Failure, Output, RED, YELLOW};
use crate::warning::{header_field, header_notes};

/// `sipcode explain`: echoes the input, with a note under each status line.
pub fn explain(output: &mut Output, stdin: &mut dyn BufRead) -> Result<(), Failure> {
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
        if let Some((name, value)) = header_field(&line) {
            for (note, mut finding) in header_notes(output, name, value) {
                count += 1;
                if output.json {
                    finding["line"] = number.into();
                    findings.push(finding);
                } else {
                    writeln!(output.out, "{note}")?;
                }
            }
        }
    }
    if count == 0 {
        return Err(Failure::nothing_matched(
            "found no status line (such as `SIP/2.0 486 Busy Here`) and no Reason or Warning header \
             field in the input",
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
fn annotate(output: &mut Output, parsed: &Result<StatusLine, InvalidStatusLine>) -> io::Result<()> {
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
        return writeln!(
            output.out,
            "  {flag} {} is not registered; it is an extension code of class {}xx {class}, and {}",
            code.as_u16(),
            class.first_digit(),
            understood_note(code),
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

#[cfg(test)]
mod tests {
    use sip_codes::Entry;

    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::sipcode;

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
            "  ! unknown code: 479 is not registered; it is an extension code of class 4xx Request Failure, and a UAC treats it as 400 Bad Request (RFC 3261 §8.1.3.2)".to_string(),
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
}
