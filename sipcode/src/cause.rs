//! Q.850 causes: `sipcode q850 17` (or `cause`) shows a cause and the response
//! each profile answers it with; `sipcode 486` shows, through [`status_causes`],
//! the cause each profile releases a call with, and where they disagree.

use serde_json::{Value, json};
use sip_codes::StatusCode;
use sip_codes::q850::{CAUSES, Cause, CauseEntry, Profile};

use crate::output::{BOLD, Failure, Output, YELLOW};

/// `sipcode q850 17`, `sipcode q850 UserBusy`, `sipcode cause "user busy"`.
pub fn cause(output: &mut Output, query: &str) -> Result<(), Failure> {
    let cause = find(query)?;
    if output.json {
        output.write_json(&cause_json(cause))?;
        return Ok(());
    }
    let entry = cause.entry();
    let title = match entry {
        Some(entry) => format!("{} {}", cause.as_u8(), entry.text),
        None => format!("{} (a value ITU-T Q.850 does not define)", cause.as_u8()),
    };
    writeln!(output.out, "{}", output.paint(BOLD, title))?;
    let mut rows = vec![("class", cause.class().to_string())];
    if let Some(entry) = entry {
        let aliases: Vec<String> = entry.aliases.iter().map(|alias| format!("\"{alias}\"")).collect();
        rows.push(("name", format!("{} (Cause::{})", entry.name, entry.constant)));
        rows.push(("aliases", if aliases.is_empty() { "none".to_owned() } else { aliases.join(", ") }));
    }
    rows.push(("response", responses(output, cause)));
    for (label, value) in rows {
        writeln!(output.out, "  {label:<8} {value}")?;
    }
    Ok(())
}

/// The cause of `query`: a number from 1 to 127, or a name, constant, Q.850
/// name or alias in any case.
fn find(query: &str) -> Result<Cause, Failure> {
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
        return query.parse::<Cause>().map_err(|error| Failure::nothing_matched(error.to_string()));
    }
    let found = CAUSES.iter().find(|entry| {
        entry.name.eq_ignore_ascii_case(query)
            || entry.constant.eq_ignore_ascii_case(query)
            || entry.matches_text(query)
    });
    if let Some(entry) = found {
        return Ok(entry.cause());
    }
    let hint = match nearest(query) {
        Some((spelling, entry)) => format!("; did you mean {spelling} ({})?", entry.value),
        None => "; give a value from 1 to 127, such as 17, or a name such as UserBusy".to_owned(),
    };
    Err(Failure::nothing_matched(format!("no Q.850 cause is named \"{query}\"{hint}")))
}

/// The name or Q.850 name nearest to `query`, within a third of its length.
fn nearest(query: &str) -> Option<(String, &'static CauseEntry)> {
    crate::search::nearest_spelling(query, CAUSES, |e| (e.name, e.text, e.aliases), |e| u16::from(e.value))
}

/// `486 Busy Here (all profiles)`, or the answers grouped by profile when
/// they differ, with RFC 3398's footnotes on lines of their own.
fn responses(output: &Output, cause: Cause) -> String {
    let answers = Profile::ALL.map(|profile| {
        let mapping = cause.status_mapping(profile);
        let status = mapping.status.map_or("none".to_owned(), |status| status.to_string());
        (profile, status, mapping.listed)
    });
    let mut text = group(output, &answers);
    for note in cause_footnotes(cause) {
        text += &format!("\n           RFC 3398: {note}");
    }
    text
}

/// RFC 3398's footnotes (§7.2.4.1) to the response it gives `cause`, one
/// sentence each; `sipcode q850` and the web page both show them.
pub fn cause_footnotes(cause: Cause) -> Vec<String> {
    let rfc = cause.status_mapping(Profile::Rfc3398);
    let mut notes = Vec::new();
    if let Some(status) = rfc.at_user {
        notes.push(format!("{status} when the cause location is the user"));
    }
    if let Some(status) = rfc.with_new_number {
        notes.push(format!("{status} when the diagnostic carries the new number"));
    }
    if rfc.status.is_none() && rfc.listed {
        notes.push("no response; the call is cleared by BYE or CANCEL".to_owned());
    }
    notes
}

/// The answers of the profiles: one with "(all profiles)" when they agree,
/// otherwise each answer with the profiles that give it, in yellow.
/// A profile that does not list the value answers with its default.
fn group(output: &Output, answers: &[(Profile, String, bool); 3]) -> String {
    let describe = |profile: Profile, listed: bool| {
        if listed { profile.name().to_owned() } else { format!("{} by default", profile.name()) }
    };
    if answers.iter().all(|(_, answer, _)| *answer == answers[0].1) {
        let unlisted: Vec<String> = answers
            .iter()
            .filter(|(.., listed)| !listed)
            .map(|(profile, ..)| describe(*profile, false))
            .collect();
        return match unlisted.as_slice() {
            [] => format!("{} (all profiles)", answers[0].1),
            _ => format!("{} (all profiles; {})", answers[0].1, unlisted.join(", ")),
        };
    }
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for (profile, answer, listed) in answers {
        match groups.iter_mut().find(|(known, _)| known == answer) {
            Some((_, profiles)) => profiles.push(describe(*profile, *listed)),
            None => groups.push((answer.clone(), vec![describe(*profile, *listed)])),
        }
    }
    let text: Vec<String> =
        groups.into_iter().map(|(answer, profiles)| format!("{answer} ({})", profiles.join(", "))).collect();
    output.paint(YELLOW, text.join("; "))
}

/// The `q850` row of `sipcode 486`: the cause each profile releases the call
/// with, with RFC 3398's footnotes; `None` for a code that releases nothing.
pub fn status_causes(output: &Output, status: StatusCode) -> Option<String> {
    if !status.is_final() || status.is_success() {
        return None;
    }
    let answers = Profile::ALL.map(|profile| {
        let mapping = status.cause_mapping(profile);
        let cause = mapping.cause.map_or("none".to_owned(), |cause| cause.to_string());
        (profile, cause, mapping.listed)
    });
    let mut text = group(output, &answers);
    for note in status_footnotes(status) {
        text += &format!("\n           RFC 3398: {note}");
    }
    Some(text)
}

/// RFC 3398's footnotes (§8.2.6.1) to the cause it gives `status`, one
/// sentence each; `sipcode 486` and the web page both show them.
pub fn status_footnotes(status: StatusCode) -> Vec<String> {
    let rfc = status.cause_mapping(Profile::Rfc3398);
    let mut notes = Vec::new();
    if rfc.by_warning {
        notes.push(format!(
            "{} when the Warning is 304 or 305 (an unavailable bearer capability)",
            Cause::BEARER_CAPABILITY_NOT_IMPLEMENTED
        ));
    }
    if rfc.retry_first {
        notes.push("remedy the request and re-originate before releasing the call".to_owned());
    }
    if rfc.unless_authenticated {
        notes.push("only when the gateway cannot authenticate itself".to_owned());
    }
    notes
}

/// The `q850` member of a code's JSON: each profile's cause.
pub fn status_causes_json(status: StatusCode) -> Value {
    let profiles: Vec<Value> = Profile::ALL
        .iter()
        .map(|&profile| {
            let mapping = status.cause_mapping(profile);
            json!({
                "profile": profile.name(),
                "cause": mapping.cause.map(u8::from),
                "text": mapping.cause.and_then(Cause::text),
                "listed": mapping.listed,
            })
        })
        .collect();
    Value::Array(profiles)
}

fn cause_json(cause: Cause) -> Value {
    let entry = cause.entry();
    let responses: Vec<Value> = Profile::ALL
        .iter()
        .map(|&profile| {
            let mapping = cause.status_mapping(profile);
            json!({
                "profile": profile.name(),
                "status": mapping.status.map(u16::from),
                "phrase": mapping.status.and_then(StatusCode::canonical_reason),
                "listed": mapping.listed,
                "at_user": mapping.at_user.map(u16::from),
                "with_new_number": mapping.with_new_number.map(u16::from),
            })
        })
        .collect();
    json!({
        "value": cause.as_u8(),
        "text": entry.map(|entry| entry.text),
        "name": entry.map(|entry| entry.name),
        "constant": entry.map(|entry| entry.constant),
        "class": cause.class().name(),
        "aliases": entry.map_or(&[][..], |entry| entry.aliases),
        "responses": responses,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::{json_of, sipcode};

    #[test]
    fn a_cause_by_value_name_or_text_shows_each_profiles_response() {
        for query in
            [&["q850", "17"][..], &["cause", "UserBusy"], &["q850", "USER_BUSY"], &["cause", "user", "busy"]]
        {
            let (exit, out, err) = sipcode(query, "");
            assert_eq!((exit, err.as_str()), (SUCCESS, ""), "{query:?}");
            assert!(out.starts_with("17 User busy\n"), "{query:?}: {out}");
            assert!(out.contains("  class    Normal event\n"), "{out}");
            assert!(out.contains("  name     UserBusy (Cause::USER_BUSY)\n"), "{out}");
            assert!(out.contains("  response 486 Busy Here (all profiles)\n"), "{out}");
        }
        let (_, out, _) = sipcode(&["q850", "21"], "");
        assert!(out.contains("403 Forbidden (RFC 3398, Asterisk); 603 Decline (FreeSWITCH)"), "{out}");
        assert!(out.contains("RFC 3398: 603 Decline when the cause location is the user"), "{out}");
        let (_, out, _) = sipcode(&["q850", "22"], "");
        assert!(out.contains("RFC 3398: 301 Moved Permanently when the diagnostic carries the new number"));
        let (_, out, _) = sipcode(&["q850", "16"], "");
        assert!(
            out.contains("none (RFC 3398); 480 Temporarily Unavailable (FreeSWITCH by default); 603 Decline (Asterisk by default)"),
            "{out}"
        );
        assert!(out.contains("cleared by BYE or CANCEL"), "{out}");
        // Another table's alias, and a value Q.850 does not define.
        let (_, out, _) = sipcode(&["cause", "normal", "circuit", "congestion"], "");
        assert!(out.starts_with("34 No circuit/channel available\n"), "{out}");
        let (exit, out, _) = sipcode(&["q850", "52"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.starts_with("52 (a value ITU-T Q.850 does not define)\n"), "{out}");
        assert!(out.contains("403 Forbidden (FreeSWITCH)"), "{out}");
    }

    #[test]
    fn bad_causes_exit_1_with_the_rule_or_a_suggestion() {
        for (query, message) in [
            ("0", "cause values run from 1 to 127"),
            ("128", "cause values run from 1 to 127"),
            ("300", "300 is not a Q.850 cause value"),
            ("0017", "one to three decimal digits"),
            ("UserBusyy", "did you mean UserBusy (17)?"),
            ("teapot", "give a value from 1 to 127"),
        ] {
            let (exit, out, err) = sipcode(&["q850", query], "");
            assert_eq!(exit, NOTHING_MATCHED, "{query}");
            assert!(out.is_empty(), "{query}");
            assert!(err.contains(message), "{query}: {err}");
        }
    }

    #[test]
    fn a_code_shows_each_profiles_cause_and_where_they_disagree() {
        let (_, out, _) = sipcode(&["486"], "");
        assert!(out.contains("  q850     17 User busy (all profiles)\n"), "{out}");
        let (_, out, _) = sipcode(&["480"], "");
        assert!(
            out.contains(
                "  q850     18 No user responding (RFC 3398, FreeSWITCH); 19 No answer from user (user alerted) (Asterisk)"
            ),
            "{out}"
        );
        let (_, out, _) = sipcode(&["488"], "");
        assert!(out.contains("65 Bearer capability not implemented when the Warning is 304 or 305"), "{out}");
        let (_, out, _) = sipcode(&["413"], "");
        assert!(out.contains("re-originate"), "{out}");
        let (_, out, _) = sipcode(&["487"], "");
        assert!(out.contains("none (RFC 3398)"), "{out}");
        // Provisional and successful responses release nothing.
        assert!(!sipcode(&["180"], "").1.contains("q850"));
        assert!(!sipcode(&["200"], "").1.contains("q850"));
    }

    #[test]
    fn json_for_causes_and_codes() {
        let (exit, cause) = json_of(&["--json", "q850", "21"], "");
        assert_eq!(exit, SUCCESS);
        assert_eq!(cause["value"], 21);
        assert_eq!(cause["name"], "CallRejected");
        assert_eq!(
            cause["responses"][0],
            json!({
                "profile": "RFC 3398", "status": 403, "phrase": "Forbidden", "listed": true,
                "at_user": 603, "with_new_number": null,
            })
        );
        assert_eq!(cause["responses"][1]["status"], 603);
        let (_, entries) = json_of(&["--json", "480"], "");
        assert_eq!(
            entries[0]["q850"][2],
            json!({
                "profile": "Asterisk", "cause": 19, "text": "No answer from user (user alerted)", "listed": true,
            })
        );
        let (exit, missing) = json_of(&["--json", "q850", "128"], "");
        assert_eq!((exit, missing), (NOTHING_MATCHED, json!([])));
    }
}
