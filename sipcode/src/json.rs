//! `--json`: the catalogue's rows and `explain`'s findings as JSON values.

use serde_json::{Value, json};
use sip_codes::{Entry, Handling, HeaderRule, InvalidStatusLine, Reference, StatusLine};

pub fn finding_json(
    line: usize,
    column: usize,
    text: &str,
    parsed: &Result<StatusLine, InvalidStatusLine>,
) -> Value {
    let text = text.trim_end_matches(['\r', '\n']);
    match parsed {
        Ok(status) => {
            let entry = status.code().entry();
            let mut flags = Vec::new();
            if entry.is_none() {
                flags.push("unknown code");
            }
            if entry.is_some() && !status.reason().is_empty() && !status.has_catalogued_reason() {
                flags.push("non-standard reason phrase");
            }
            if entry.is_some_and(Entry::is_deprecated) {
                flags.push("deprecated");
            }
            json!({
                "line": line,
                "column": column + 1,
                "text": text,
                "valid": true,
                "code": status.code().as_u16(),
                "reason": status.reason(),
                "catalogued_reason": status.has_catalogued_reason(),
                // RFC 3261 §8.1.3.2: what a UAC acts on; the code itself when catalogued.
                "understood_as": status.code().as_understood().as_u16(),
                "flags": flags,
                "entry": entry.map(entry_json),
            })
        }
        Err(error) => json!({
            "line": line,
            "column": column + 1,
            "text": text,
            "valid": false,
            "error": error.to_string(),
        }),
    }
}

pub fn entry_json(entry: &Entry) -> Value {
    let class = entry.class();
    json!({
        "code": entry.code,
        "phrase": entry.phrase,
        "name": entry.name,
        "constant": entry.constant,
        "class": { "digit": class.first_digit(), "name": class.name() },
        "meaning": entry.meaning,
        "reference": entry.reference.map(reference_json),
        "deprecated": entry.deprecated,
        "non_standard": entry.non_standard,
        "aliases": entry.aliases,
        "handling": handling_json(entry.handling()),
        "q850": crate::cause::status_causes_json(entry.status()),
    })
}

/// What a stack does with a code: disposition, Retry-After and header rules.
pub fn handling_json(handling: &Handling) -> Value {
    json!({
        "disposition": handling.disposition.name(),
        "action": handling.action,
        "reads": handling.reads,
        "reference": reference_json(handling.reference),
        "retry_after": handling.retry_after().map(header_rule_json),
        "headers": handling.headers.iter().map(header_rule_json).collect::<Vec<_>>(),
    })
}

fn header_rule_json(rule: &HeaderRule) -> Value {
    json!({
        "header": rule.header,
        "requirement": rule.requirement.keyword(),
        "condition": rule.condition,
        "reference": reference_json(rule.reference),
    })
}

pub fn reference_json(reference: Reference) -> Value {
    json!({
        "rfc": reference.rfc,
        "section": reference.section,
        "url": reference.url().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use sip_codes::CATALOGUE;

    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::json_of;

    #[test]
    fn json_is_valid_for_every_command() {
        let (exit, entries) = json_of(&["--json", "486"], "");
        assert_eq!(exit, SUCCESS);
        let busy = &entries[0];
        assert_eq!(busy["code"], 486);
        assert_eq!(busy["phrase"], "Busy Here");
        assert_eq!(busy["class"]["name"], "Request Failure");
        assert_eq!(busy["reference"]["url"], "https://www.rfc-editor.org/rfc/rfc3261#section-21.4.24");
        assert_eq!(busy["aliases"], json!(["Busy"]));
        assert_eq!(
            json_of(&["202", "--json"], "").1[0]["deprecated"].as_str().map(|s| s.contains("RFC 6665")),
            Some(true)
        );
        assert_eq!(json_of(&["--all", "--json"], "").1.as_array().unwrap().len(), CATALOGUE.len());
        assert_eq!(json_of(&["--class", "global-failure", "--json"], "").1[0]["code"], 600);
        assert_eq!(json_of(&["search", "--json", "busy"], "").1.as_array().unwrap().len(), 2);
        let (exit, missing) = json_of(&["--json", "BusyHre"], "");
        assert_eq!((exit, missing), (NOTHING_MATCHED, json!([])));
        let (_, found) = json_of(&["--json", "explain"], "x SIP/2.0 180 Ringing2\n");
        assert_eq!(found[0]["line"], 1);
        assert_eq!(found[0]["column"], 3);
        assert_eq!(found[0]["flags"], json!(["non-standard reason phrase"]));
        assert_eq!(found[0]["entry"]["code"], 180);
    }
}
