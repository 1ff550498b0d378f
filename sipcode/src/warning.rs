//! Warning and Reason header fields: `sipcode warning 307` shows a warn-code,
//! and [`header_notes`] gives `explain` its notes under the `Warning:` and
//! `Reason:` lines of a log.

use serde_json::{Value, json};
use sip_codes::{Protocol, Reason, ReasonCause, WarnCode, WarnEntry, Warning};

use crate::json::reference_json;
use crate::output::{BOLD, DIM, Failure, Output, RED, YELLOW};

/// `sipcode warning 307`, `sipcode warning SipsRequired`, `sipcode warning "insufficient bandwidth"`.
pub fn warning(output: &mut Output, query: &str) -> Result<(), Failure> {
    let code = find(query)?;
    if output.json {
        output.write_json(&warn_code_json(code))?;
        return Ok(());
    }
    let range = code.range();
    let codes = range.codes();
    let range_row = format!("{} to {}: {range}", codes.start(), codes.end());
    match code.entry() {
        Some(entry) => {
            writeln!(output.out, "{}", output.paint(BOLD, code))?;
            let url = output.paint(DIM, entry.reference.url());
            let rows = [
                ("range", range_row),
                ("meaning", entry.meaning.to_owned()),
                ("defined", format!("{} {url}", entry.reference)),
                ("name", format!("{} (WarnCode::{})", entry.name, entry.constant)),
            ];
            for (label, value) in rows {
                writeln!(output.out, "  {label:<8} {value}")?;
            }
        }
        None => {
            writeln!(
                output.out,
                "{}",
                output.paint(BOLD, format_args!("{} (not registered)", code.as_u16()))
            )?;
            writeln!(output.out, "  {:<8} {range_row}", "range")?;
            writeln!(
                output.out,
                "  {:<8} an extension warn-code: the IANA registry has no meaning for it (RFC 3261 §27.2)",
                "meaning"
            )?;
        }
    }
    Ok(())
}

/// The warn-code of `query`: three digits, or a name, constant or warn-text in any case.
fn find(query: &str) -> Result<WarnCode, Failure> {
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
        return query.parse::<WarnCode>().map_err(|error| Failure::nothing_matched(error.to_string()));
    }
    let found = sip_codes::WARN_CODES
        .iter()
        .find(|entry| entry.name.eq_ignore_ascii_case(query) || entry.constant.eq_ignore_ascii_case(query));
    match found.or_else(|| WarnEntry::by_text(query)) {
        Some(entry) => Ok(entry.warn_code()),
        None => Err(Failure::nothing_matched(format!(
            "no warn-code is named \"{query}\"; give three digits from 300 to 399, such as 307, or a \
             name such as SipsRequired"
        ))),
    }
}

fn warn_code_json(code: WarnCode) -> Value {
    let range = code.range();
    json!({
        "code": code.as_u16(),
        "registered": code.entry().is_some(),
        "range": { "first": range.codes().start(), "last": range.codes().end(), "description": range.description() },
        "text": code.text(),
        "name": code.entry().map(|entry| entry.name),
        "constant": code.entry().map(|entry| entry.constant),
        "meaning": code.entry().map(|entry| entry.meaning),
        "reference": code.entry().map(|entry| reference_json(entry.reference)),
    })
}

/// The header field that `line` starts (after white space), if it is
/// `Warning` or `Reason`: its name as written and its value.
pub fn header_field(line: &str) -> Option<(&str, &str)> {
    let trimmed = line.trim_start();
    let (name, value) = trimmed.split_once(':')?;
    let name = name.trim_end();
    (name.eq_ignore_ascii_case("Warning") || name.eq_ignore_ascii_case("Reason")).then_some((name, value))
}

/// `explain`'s notes under a `Warning:` or `Reason:` line, one a value, and
/// the JSON finding of each.
pub fn header_notes(output: &Output, name: &str, value: &str) -> Vec<(String, Value)> {
    let value = value.trim_end_matches(['\r', '\n']);
    if name.eq_ignore_ascii_case("Warning") {
        Warning::parse_all(value)
            .map(|parsed| match parsed {
                Ok(warning) => (warning_note(output, &warning), warning_json(&warning)),
                Err(error) => invalid(output, "Warning", &error.to_string()),
            })
            .collect()
    } else {
        Reason::parse_all(value)
            .map(|parsed| match parsed {
                Ok(reason) => (reason_note(output, &reason), reason_json(&reason)),
                Err(error) => invalid(output, "Reason", &error.to_string()),
            })
            .collect()
    }
}

fn invalid(output: &Output, header: &str, error: &str) -> (String, Value) {
    let flag = output.paint(RED, format_args!("! not a valid {header} value:"));
    (format!("  {flag} {error}"), json!({ "header": header, "valid": false, "error": error }))
}

fn warning_note(output: &Output, warning: &Warning) -> String {
    let code = warning.code();
    match code.entry() {
        Some(entry) => {
            let title = output.paint(BOLD, code);
            let reference = output.paint(DIM, format_args!("[{}]", entry.reference));
            format!("  -> warning {title} from {}: {} {reference}", warning.agent(), entry.meaning)
        }
        None => {
            let flag = output.paint(YELLOW, "! unregistered warn-code:");
            format!(
                "  {flag} {} from {}, in the range of {}: \"{}\"",
                code.as_u16(),
                warning.agent(),
                code.range(),
                warning.text()
            )
        }
    }
}

fn warning_json(warning: &Warning) -> Value {
    json!({
        "header": "Warning",
        "valid": true,
        "code": warn_code_json(warning.code()),
        "agent": warning.agent().to_string(),
        "text": warning.text().to_string(),
    })
}

fn reason_note(output: &Output, reason: &Reason) -> String {
    let what = match reason.cause() {
        ReasonCause::Sip(code) => match code.entry() {
            Some(entry) => format!("SIP {} {}: {}", entry.code, entry.phrase, entry.meaning),
            None => {
                format!("SIP {} (an extension code of class {}xx)", code.as_u16(), code.class().first_digit())
            }
        },
        ReasonCause::Q850(cause) => {
            let text = cause.text().unwrap_or("a value ITU-T Q.850 does not define");
            let location = reason.location().map(|location| format!(", at {}", location.meaning()));
            format!(
                "Q.850 cause {} {text} ({}){}",
                cause.as_u8(),
                cause.class(),
                location.unwrap_or_default()
            )
        }
        ReasonCause::Other(number) => match reason.protocol() {
            Protocol::Registered(protocol) => {
                format!(
                    "{} cause {number}: {} ({})",
                    protocol.token(),
                    protocol.cause_meaning(),
                    protocol.reference()
                )
            }
            Protocol::Unregistered(token) => {
                let flag = output.paint(YELLOW, "not in the IANA Reason Protocols registry");
                format!("{token} cause {number} ({flag})")
            }
        },
    };
    let text = reason.text().map(|text| format!(", text \"{text}\"")).unwrap_or_default();
    format!("  -> reason {}{text}", output.paint(BOLD, what))
}

fn reason_json(reason: &Reason) -> Value {
    json!({
        "header": "Reason",
        "valid": true,
        "protocol": reason.protocol().token(),
        "registered": matches!(reason.protocol(), Protocol::Registered(_)),
        "cause": reason.cause().as_u32(),
        "text": reason.text().map(|text| text.to_string()),
        "location": reason.location().map(|location| location.token()),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::{json_of, sipcode};

    #[test]
    fn a_warn_code_shows_its_range_meaning_and_rfc() {
        let (exit, out, _) = sipcode(&["warning", "307"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.starts_with("307 Session description parameter not understood\n"), "{out}");
        assert!(out.contains("\n  range    300 to 329: problems with keywords in the session description\n"));
        assert!(
            out.contains(
                "\n  defined  RFC 3261 §20.43 https://www.rfc-editor.org/rfc/rfc3261#section-20.43\n"
            )
        );
        let (_, by_name, _) = sipcode(&["warning", "sips_required"], "");
        assert!(by_name.starts_with("381 SIPS Required\n"), "{by_name}");
        let (_, extension, _) = sipcode(&["warning", "392"], "");
        assert!(extension.starts_with("392 (not registered)\n"), "{extension}");
        let (exit, _, err) = sipcode(&["warning", "701"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(err.contains("300 to 399"), "{err}");
        let (exit, json) = json_of(&["warning", "380", "--json"], "");
        assert_eq!(exit, SUCCESS);
        assert_eq!(json["text"], "SIPS Not Allowed");
        assert_eq!(json["reference"]["rfc"], 5630);
    }

    #[test]
    fn explain_annotates_reason_and_warning_lines() {
        let trace = "\
SIP/2.0 486 Busy Here\r\n\
Reason: Q.850 ;cause=17 ;text=\"User busy\";location=LN, SIP;cause=600\r\n\
Warning: 307 isi.edu \"Session parameter 'foo' not understood\", 392 10.0.0.1:5060 \"x\"\r\n\
reason: SIP;text=\"no cause\"\r\n";
        let (exit, out, _) = sipcode(&["explain"], trace);
        assert_eq!(exit, SUCCESS, "{out}");
        let notes: Vec<&str> = out.lines().filter(|line| line.starts_with("  ")).collect();
        assert_eq!(
            notes[1],
            "  -> reason Q.850 cause 17 User busy (Normal event), at public network serving the local user, \
             text \"User busy\""
        );
        assert!(notes[2].starts_with("  -> reason SIP 600 Busy Everywhere: "), "{out}");
        assert!(
            notes[3]
                .starts_with("  -> warning 307 Session description parameter not understood from isi.edu: ")
        );
        assert!(notes[4].starts_with("  ! unregistered warn-code: 392 from 10.0.0.1:5060"), "{out}");
        assert!(notes[5].starts_with("  ! not a valid Reason value: "), "{out}");

        let (_, json) = json_of(&["explain", "--json"], trace);
        let findings = json.as_array().unwrap();
        let headers: Vec<&Value> =
            findings.iter().filter(|finding| finding.get("header").is_some()).collect();
        assert_eq!(headers.len(), 5);
        assert_eq!(headers[0]["cause"], 17);
        assert_eq!(headers[0]["location"], "LN");
        assert_eq!(headers[2]["code"]["code"], 307);
        assert_eq!(headers[4]["valid"], false);
        assert_eq!(headers[4]["line"], 4);
    }
}
