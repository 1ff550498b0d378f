//! Looking up one code, name, phrase or class, and listing a class or the
//! whole catalogue; and what to suggest when nothing answers.

use sip_codes::{CATALOGUE, Class, Entry, StatusCode};

use crate::display::{show_entries, show_table, understood_note};
use crate::output::{Failure, Output};

/// `sipcode 486`, `sipcode BusyHere`, `sipcode "busy here"`, `sipcode 4xx`.
pub fn lookup(output: &mut Output, query: &str) -> Result<(), Failure> {
    if let Some(class) = class_pattern(query)? {
        return list(output, Some(class));
    }
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
        return lookup_code(output, query);
    }
    // Names in any case, and the phrase or an alias: "Not Acceptable" is
    // both 406 and 606, so every row that answers is shown.
    let found: Vec<&Entry> = CATALOGUE
        .iter()
        .filter(|entry| {
            entry.name.eq_ignore_ascii_case(query)
                || entry.constant.eq_ignore_ascii_case(query)
                || entry.matches_phrase(query)
        })
        .collect();
    if found.is_empty() {
        let hint = match nearest_spelling(query) {
            Some((spelling, entry)) => format!("; did you mean {spelling} ({})?", entry.code),
            None => "; `sipcode search WORD` looks through the meanings".to_owned(),
        };
        return Err(Failure::nothing_matched(format!(
            "no SIP response code is named or phrased \"{query}\"{hint}"
        )));
    }
    show_entries(output, &found)
}

/// `4xx`, in either case: the class of that first digit.
pub fn class_pattern(query: &str) -> Result<Option<Class>, Failure> {
    let [digit @ b'0'..=b'9', x1, x2] = query.as_bytes() else { return Ok(None) };
    if !x1.eq_ignore_ascii_case(&b'x') || !x2.eq_ignore_ascii_case(&b'x') {
        return Ok(None);
    }
    match Class::from_first_digit(digit - b'0') {
        Some(class) => Ok(Some(class)),
        None => Err(Failure::nothing_matched(format!(
            "{query} is not a class of SIP response codes: RFC 3261 §7.2 defines 1xx to 6xx, \
             and some stacks report 7xx locally; try `sipcode 4xx`"
        ))),
    }
}

/// A code given as digits: its row, or why there is none.
fn lookup_code(output: &mut Output, digits: &str) -> Result<(), Failure> {
    let code: StatusCode = digits.parse().map_err(|error| Failure::nothing_matched(format!("{error}")))?;
    if let Some(entry) = code.entry() {
        return show_entries(output, &[entry]);
    }
    let n = code.as_u16();
    let (below, above) = Entry::neighbours(n);
    let nearest: Vec<String> =
        below.into_iter().chain(above).map(|entry| format!("{} ({})", entry.code, entry.phrase)).collect();
    let class = code.class();
    Err(Failure::nothing_matched(format!(
        "{n} is not a registered SIP response code; the nearest are {}. It is an extension code of \
         class {}xx {class}, and {}",
        nearest.join(" and "),
        class.first_digit(),
        understood_note(code),
    )))
}

/// The spelling (name, phrase or alias) nearest to `query`, and its row.
fn nearest_spelling(query: &str) -> Option<(String, &'static Entry)> {
    crate::search::nearest_spelling(query, CATALOGUE, |e| (e.name, e.phrase, e.aliases), |e| e.code)
}

/// `sipcode --class request-failure`, `sipcode 4xx`, `sipcode --all`.
pub fn list(output: &mut Output, class: Option<Class>) -> Result<(), Failure> {
    let entries: Vec<&Entry> =
        CATALOGUE.iter().filter(|entry| class.is_none_or(|class| entry.class() == class)).collect();
    // Every class has catalogued codes today; the message guards tomorrow's catalogue.
    if entries.is_empty() {
        return Err(Failure::nothing_matched("the catalogue has no code in that class"));
    }
    show_table(output, &entries)
}

#[cfg(test)]
mod tests {
    use sip_codes::{CATALOGUE, Class, Entry};

    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::sipcode;

    #[test]
    fn lookup_by_code_name_phrase_and_alias_shows_everything() {
        for query in
            [&["486"][..], &["BusyHere"], &["BUSY_HERE"], &["busyhere"], &["busy here"], &["Busy", "Here"]]
        {
            let (exit, out, err) = sipcode(query, "");
            assert_eq!((exit, err.as_str()), (SUCCESS, ""), "{query:?}");
            assert!(out.starts_with("486 Busy Here\n"), "{query:?}: {out}");
            for part in [
                "4xx Request Failure",
                Entry::by_code(486).unwrap().meaning,
                "RFC 3261 §21.4.24 https://www.rfc-editor.org/rfc/rfc3261#section-21.4.24",
                "BusyHere (StatusCode::BUSY_HERE)",
                "aliases  \"Busy\"",
                "flags    none",
            ] {
                assert!(out.contains(part), "{query:?}: {part:?} missing from\n{out}");
            }
        }
        let (exit, out, _) = sipcode(&["declined"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.starts_with("603 Decline\n"), "{out}");
    }

    #[test]
    fn lookup_shows_flags_and_every_row_of_a_shared_phrase() {
        let (_, out, _) = sipcode(&["202"], "");
        assert!(out.contains("flags    deprecated: RFC 6665 deprecates 202 Accepted"), "{out}");
        let (_, out, _) = sipcode(&["701"], "");
        assert!(out.contains("flags    non-standard: Not in the IANA registry"), "{out}");
        let (exit, out, _) = sipcode(&["not acceptable"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.starts_with("406 Not Acceptable\n") && out.contains("\n606 Not Acceptable\n"), "{out}");
    }

    #[test]
    fn near_misses_get_a_suggestion_and_exit_1() {
        for (query, suggestion) in [
            ("BusyHre", "did you mean BusyHere (486)?"),
            ("busy hre", "did you mean \"Busy Here\" (486)?"),
            ("Declinde", "did you mean Decline (603)?"),
            ("Ringin", "did you mean Ringing (180)?"),
        ] {
            let (exit, out, err) = sipcode(&[query], "");
            assert_eq!(exit, NOTHING_MATCHED, "{query}");
            assert!(out.is_empty());
            assert!(err.contains(suggestion), "{query}: {err}");
        }
        let (exit, _, err) = sipcode(&["teapot"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(
            err.contains("no SIP response code is named or phrased \"teapot\"") && err.contains("search"),
            "{err}"
        );
    }

    #[test]
    fn unknown_and_invalid_codes_exit_1_with_the_rule() {
        let (exit, _, err) = sipcode(&["499"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(
            err.contains("the nearest are 494 (Security Agreement Required) and 500 (Server Internal Error)"),
            "{err}"
        );
        assert!(err.contains("a UAC treats it as 400 Bad Request (RFC 3261 §8.1.3.2)"), "{err}");
        for (query, rule) in
            [("99", "exactly three ASCII digits"), ("099", "100 to 699"), ("4294967301", "three")]
        {
            let (exit, _, err) = sipcode(&[query], "");
            assert_eq!(exit, NOTHING_MATCHED, "{query}");
            assert!(err.contains(rule), "{query}: {err}");
        }
        let (exit, _, err) = sipcode(&["9xx"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(err.contains("9xx is not a class"), "{err}");
    }

    #[test]
    fn classes_and_all_are_aligned_tables() {
        let (exit, by_pattern, _) = sipcode(&["4xx"], "");
        assert_eq!(exit, SUCCESS);
        for spelling in ["request-failure", "4xx", "4XX"] {
            assert_eq!(sipcode(&["--class", spelling], "").1, by_pattern, "{spelling}");
        }
        let lines: Vec<&str> = by_pattern.lines().collect();
        let request_failures = CATALOGUE.iter().filter(|e| e.class() == Class::RequestFailure).count();
        assert_eq!(lines.len(), 1 + request_failures);
        assert!(lines[0].starts_with("code  phrase"));
        // Aligned: every column starts where the header's does.
        let phrase_at = lines[0].find("phrase").unwrap();
        let name_at = lines[0].find("name").unwrap();
        for line in &lines[1..] {
            assert!(line.starts_with('4'), "{line}");
            assert_eq!(line.chars().nth(phrase_at - 1), Some(' '));
            assert_ne!(line.chars().nth(phrase_at), Some(' '), "{line}");
            assert_ne!(line.chars().nth(name_at), Some(' '), "{line}");
        }
        let (exit, all, _) = sipcode(&["--all"], "");
        assert_eq!(exit, SUCCESS);
        assert_eq!(all.lines().count(), 1 + CATALOGUE.len());
        assert!(all.lines().any(|line| line.starts_with("202 ") && line.ends_with("deprecated")));
        assert!(all.lines().any(|line| line.starts_with("701 ") && line.ends_with("non-standard")));
    }
}
