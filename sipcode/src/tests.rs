//! The tool end to end, through `testing::sipcode`: the behaviour each
//! command had before the reports, kept; and the JSON of each report.

mod usage {
    use crate::output::{BAD_USAGE, SUCCESS};
    use crate::run;
    use crate::testing::sipcode;

    #[test]
    fn bad_usage_exits_2_with_a_message() {
        for args in [
            &[][..],
            &["--class", "4xx", "486"],
            &["--all", "486"],
            &["--class", "teapot"],
            &["--colour"],
            &["search"],
            &["--all", "explain"],
        ] {
            let (exit, out, err) = sipcode(args, "");
            assert_eq!(exit, BAD_USAGE, "{args:?}: {out}{err}");
            assert!(out.is_empty(), "{args:?}");
            assert!(!err.is_empty(), "{args:?}");
        }
        let (exit, out, _) = sipcode(&["--help"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.contains("explain") && out.contains("--json"), "{out}");
    }

    #[test]
    fn colour_only_when_asked() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        run(["sipcode", "486"], &mut &b""[..], &mut out, &mut err, true, false);
        assert!(String::from_utf8(out).unwrap().starts_with("\x1b[1m486 Busy Here\x1b[0m"));
        assert!(!sipcode(&["--all"], "").1.contains('\x1b'));
        assert!(!sipcode(&["explain"], "SIP/2.0 180 Ringing2").1.contains('\x1b'));
    }
}

mod lookup {
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
        // The core's `Class: FromStr`, on the command line and as a query.
        for spelling in ["request-failure", "Request Failure", "REQUEST-FAILURE"] {
            assert_eq!(sipcode(&[spelling], "").1, by_pattern, "{spelling}");
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

mod codes {
    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::{json_lines, json_of, sipcode};

    #[test]
    fn a_code_shows_what_to_do_its_retry_after_and_its_headers() {
        let (exit, out, _) = sipcode(&["486"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.contains("\n  next     fail here: The callee is busy"), "{out}");
        assert!(out.contains(
            "\n  retry    MAY carry Retry-After, saying when the callee may be free (RFC 3261 §21.4.24)"
        ));
        let (_, out, _) = sipcode(&["405"], "");
        assert!(out.contains("\n  retry    no Retry-After"), "{out}");
        assert!(out.contains("\n  headers  MUST carry Allow (RFC 3261 §21.4.6)"), "{out}");
        let (_, out, _) = sipcode(&["407"], "");
        assert!(out.contains("retry with changes: Retry with credentials"), "{out}");
        assert!(out.contains("Reads Proxy-Authenticate. [RFC 3261 §8.1.3.5]"), "{out}");
        let (_, out, _) = sipcode(&["701"], "");
        assert!(out.contains("\n  defined  no RFC\n"), "{out}");
    }

    #[test]
    fn json_carries_the_handling() {
        let (_, lookup) = json_of(&["--json", "423"], "");
        let handling = &lookup["codes"][0]["handling"];
        assert_eq!(handling["disposition"], "retry_with_changes");
        assert_eq!(handling["reads"][0], "Min-Expires");
        assert_eq!(handling["headers"][0]["requirement"], "must");
        assert_eq!(handling["retry_after"], serde_json::Value::Null);
        let (_, lookup) = json_of(&["--json", "503"], "");
        assert_eq!(lookup["codes"][0]["handling"]["retry_after"]["reference"]["section"], "21.5.4");
        assert_eq!(json_of(&["--json", "701"], "").1["codes"][0]["reference"], serde_json::Value::Null);
    }

    #[test]
    fn lookup_and_explain_state_one_rule_for_unknown_codes() {
        for (code, understood) in [
            ("150", "183 Session Progress"),
            ("299", "200 OK"),
            ("431", "400 Bad Request"),
            ("699", "600 Busy Everywhere"),
        ] {
            let note = format!("a UAC treats it as {understood} (RFC 3261 §8.1.3.2)");
            let (exit, _, err) = sipcode(&[code], "");
            assert_eq!(exit, NOTHING_MATCHED);
            assert!(err.contains(&note), "{err}");
            let (_, out, _) = sipcode(&["explain"], &format!("SIP/2.0 {code} Whatever\n"));
            assert!(out.contains(&note), "{out}");
            let (_, found) = json_lines(&format!("SIP/2.0 {code} Whatever\n"));
            assert_eq!(found[0]["understood_as"].to_string(), understood[..3]);
            // N19: the JSON of a lookup says the same as its text, with the handling of the code acted on.
            let (exit, unknown) = json_of(&["--json", code], "");
            assert_eq!((exit, &unknown["type"]), (NOTHING_MATCHED, &serde_json::json!("unknown_code")));
            assert_eq!(unknown["understood_as"]["code"].to_string(), understood[..3]);
            assert!(unknown["understood_as"]["handling"]["disposition"].is_string());
        }
    }
}

mod search {
    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::sipcode;

    #[test]
    fn search_looks_through_phrases_aliases_and_meanings() {
        let (exit, out, _) = sipcode(&["search", "BUSY"], "");
        assert_eq!(exit, SUCCESS);
        let codes: Vec<&str> = out.lines().skip(1).map(|line| &line[..3]).collect();
        assert_eq!(codes, ["486", "600"]);
        // Two words are one phrase to find; 437 mentions it in its meaning only.
        let (_, out, _) = sipcode(&["search", "identity", "header"], "");
        let codes: Vec<&str> = out.lines().skip(1).map(|line| &line[..3]).collect();
        assert_eq!(codes, ["428", "436", "437", "438"]);
        let (exit, _, err) = sipcode(&["search", "bussy"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(err.contains("did you mean \"busy\"?"), "{err}");
    }
}

mod q850 {
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
        assert_eq!((&cause["type"], &cause["value"]), (&json!("cause"), &json!(21)));
        assert_eq!(cause["name"], "CallRejected");
        assert_eq!(
            cause["responses"]["profiles"][0],
            json!({ "profile": "rfc3398", "answer": { "code": 403, "phrase": "Forbidden" }, "listed": true })
        );
        assert_eq!(
            cause["responses"]["notes"],
            json!([{ "type": "at_user", "status": { "code": 603, "phrase": "Decline" } }])
        );
        assert_eq!(cause["responses"]["profiles"][1]["answer"]["code"], 603);
        let (_, lookup) = json_of(&["--json", "480"], "");
        assert_eq!(
            lookup["codes"][0]["q850"]["profiles"][2],
            json!({
                "profile": "asterisk", "answer": { "value": 19, "text": "No answer from user (user alerted)" },
                "listed": true,
            })
        );
        // RFC 3398's notes reach JSON as they reach text: one data model.
        let (_, lookup) = json_of(&["--json", "488"], "");
        assert_eq!(
            lookup["codes"][0]["q850"]["notes"],
            json!([{
                "type": "by_warning", "cause": { "value": 65, "text": "Bearer capability not implemented" },
                "warn_codes": [304, 305],
            }])
        );
        assert_eq!(
            json_of(&["--json", "413"], "").1["codes"][0]["q850"]["notes"],
            json!([{ "type": "retry_first" }])
        );
        assert_eq!(json_of(&["--json", "200"], "").1["codes"][0]["q850"], json!(null));
        let (exit, missing) = json_of(&["--json", "q850", "128"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert_eq!((&missing["type"], &missing["exit"]), (&json!("error"), &json!(1)));
        assert!(missing["message"].as_str().unwrap().contains("1 to 127"), "{missing}");
        let (_, near) = json_of(&["--json", "q850", "UserBusyy"], "");
        assert_eq!(near["suggestion"], json!({ "spelling": "UserBusy", "code": 17 }));
    }
}

mod warning {
    use serde_json::Value;

    use crate::output::{NOTHING_MATCHED, SUCCESS};
    use crate::testing::{json_lines, json_of, sipcode};

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
    fn a_near_miss_names_the_nearest_warn_code() {
        let (exit, _, err) = sipcode(&["warning", "SipsRequird"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert!(
            err.contains("no warn-code is named \"SipsRequird\"; did you mean SipsRequired (381)?"),
            "{err}"
        );
        let (exit, json) = json_of(&["warning", "insuficient bandwidth", "--json"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert_eq!(
            json["suggestion"],
            serde_json::json!({ "spelling": "\"Insufficient bandwidth\"", "code": 370 })
        );
        let (_, _, err) = sipcode(&["warning", "xyzzy"], "");
        assert!(err.contains("give three digits from 300 to 399"), "{err}");
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
        // RFC 3326 §2's grammar lets a value go without its cause: read, and flagged as odd.
        assert_eq!(notes[5], "  -> reason SIP without a cause, text \"no cause\"", "{out}");
        assert!(notes[6].starts_with("     ! odd: the value has no cause: RFC 3326 §2"), "{out}");

        let (_, findings) = json_lines(trace);
        let headers: Vec<&Value> =
            findings.iter().filter(|finding| finding["type"] != "status_line").collect();
        assert_eq!(headers.len(), 5);
        assert_eq!(headers[0]["type"], "reason");
        assert_eq!(headers[0]["cause"]["cause"]["value"], 17);
        // The Q.850 cause is explained in JSON as in text: text, class and location meaning.
        assert_eq!(headers[0]["cause"]["cause"]["text"], "User busy");
        assert_eq!(headers[0]["cause"]["class"], "normal_event");
        assert_eq!(headers[0]["cause"]["location"]["token"], "LN");
        assert_eq!(headers[0]["cause"]["location"]["meaning"], "public network serving the local user");
        assert_eq!(
            (&headers[2]["type"], &headers[2]["code"]["code"]),
            (&Value::from("warning"), &Value::from(307))
        );
        assert_eq!(headers[4]["type"], "reason");
        assert_eq!(headers[4]["cause"]["kind"], "missing");
        assert!(headers[4]["oddities"][0].as_str().unwrap().contains("RFC 3326 §2"), "{}", headers[4]);
        assert_eq!((&headers[4]["line"], &headers[4]["column"]), (&Value::from(4), &Value::from(8)));
    }
}

mod best {
    use serde_json::json;

    use crate::output::{BAD_USAGE, SUCCESS};
    use crate::testing::{json_of, sipcode};

    #[test]
    fn a_6xx_wins_and_says_why() {
        let (exit, out, _) = sipcode(&["best", "486", "603", "404"], "");
        assert_eq!(exit, SUCCESS);
        assert!(out.starts_with("603 Decline  from branch 2 of 3\n"), "{out}");
        assert!(out.contains("a 6xx is chosen whenever there is one (RFC 3261 §16.7 step 6)"), "{out}");
    }

    #[test]
    fn the_rfc_example_and_the_odd_cases() {
        let (_, out, _) = sipcode(&["best", "503", "407", "501", "404"], "");
        assert!(out.starts_with("407 Proxy Authentication Required  from branch 2 of 4"), "{out}");
        let (_, out, _) = sipcode(&["best", "503"], "");
        assert!(out.starts_with("500 Server Internal Error  generated in place of branch 1's 503"), "{out}");
        let (_, out, _) = sipcode(&["best", "401", "407"], "");
        assert!(out.contains("§16.7 step 7"), "{out}");
        // N4: with no branch there is no §16.7 choice to explain: a usage error.
        let (exit, out, err) = sipcode(&["best"], "");
        assert_eq!((exit, out.as_str()), (BAD_USAGE, ""));
        assert!(err.contains("<CODES>"), "{err}");
        let (_, out, _) = sipcode(&["best", "180", "701"], "");
        assert!(out.contains("180, 701 not final"), "{out}");
    }

    #[test]
    fn bad_codes_are_bad_usage() {
        for bad in ["99", "700", "abc"] {
            let (exit, out, err) = sipcode(&["best", "486", bad], "");
            assert_eq!(exit, BAD_USAGE, "{bad}");
            assert!(out.is_empty() && err.contains(&format!("`{bad}` is not a status code")), "{err}");
        }
    }

    #[test]
    fn json_says_the_same() {
        let (exit, best) = json_of(&["best", "--json", "486", "603", "404"], "");
        assert_eq!(exit, SUCCESS);
        // N18: branches count from 1 in JSON as in text ("from branch 2 of 3").
        assert_eq!((best["send"].clone(), best["branch"].clone()), (json!(603), json!(2)));
        assert_eq!(best["selection"]["section"], "16.7 step 6");
        assert_eq!(best["entry"]["handling"]["disposition"], "fail_everywhere");
        assert_eq!(best["received"], json!(null));
        let (_, best) = json_of(&["best", "--json", "503"], "");
        assert_eq!(best["received"], json!({ "code": 503, "phrase": "Service Unavailable" }));
        assert_eq!(best["selection"]["kind"], "service_unavailable");
    }
}

mod json {
    use serde_json::json;
    use sip_codes::CATALOGUE;

    use crate::output::{BAD_USAGE, NOTHING_MATCHED, SUCCESS};
    use crate::testing::{json_lines, json_of};

    #[test]
    fn json_is_valid_for_every_command() {
        let (exit, lookup) = json_of(&["--json", "486"], "");
        assert_eq!(exit, SUCCESS);
        assert_eq!(lookup["type"], "lookup");
        let busy = &lookup["codes"][0];
        assert_eq!(busy["code"], 486);
        assert_eq!(busy["phrase"], "Busy Here");
        assert_eq!(busy["class"], json!({ "digit": 4, "name": "request_failure" }));
        assert_eq!(busy["reference"]["url"], "https://www.rfc-editor.org/rfc/rfc3261#section-21.4.24");
        assert_eq!(busy["aliases"], json!(["Busy"]));
        assert_eq!(
            json_of(&["202", "--json"], "").1["codes"][0]["deprecated"]
                .as_str()
                .map(|s| s.contains("RFC 6665")),
            Some(true)
        );
        assert_eq!(json_of(&["--all", "--json"], "").1["codes"].as_array().unwrap().len(), CATALOGUE.len());
        assert_eq!(json_of(&["--class", "global-failure", "--json"], "").1["codes"][0]["code"], 600);
        assert_eq!(json_of(&["search", "--json", "busy"], "").1["codes"].as_array().unwrap().len(), 2);
        let (exit, missing) = json_of(&["--json", "BusyHre"], "");
        assert_eq!(exit, NOTHING_MATCHED);
        assert_eq!(missing["suggestion"], json!({ "spelling": "BusyHere", "code": 486 }));
        assert_eq!(
            json_of(&["--json", "search", "bussy"], "").1["suggestion"],
            json!({ "spelling": "\"busy\"", "code": null })
        );
        let (exit, usage) = json_of(&["--json", "html"], "");
        assert_eq!((exit, &usage["type"], &usage["exit"]), (BAD_USAGE, &json!("error"), &json!(2)));
        let (_, found) = json_lines("x SIP/2.0 180 Ringing2\n");
        assert_eq!(found[0]["line"], 1);
        assert_eq!(found[0]["column"], 3);
        assert_eq!(found[0]["input"], json!({ "text": "SIP/2.0 180 Ringing2" }));
        assert_eq!(found[0]["flags"], json!([{ "type": "non_standard_reason", "registered": "Ringing" }]));
        let (exit, none) = json_lines("nothing here\n");
        assert_eq!((exit, none.len(), &none[0]["type"]), (NOTHING_MATCHED, 1, &json!("error")));
        assert_eq!(found[0]["entry"]["code"], 180);
    }
}

mod explain {
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

mod captures {
    use crate::output::{BAD_USAGE, IO_ERROR};
    use crate::testing::sipcode;

    /// When no file could be read, `--html` writes no page (a report of
    /// nothing would look like a capture without SIP), and every output
    /// form ends with the same error status and reason.
    #[test]
    fn no_readable_capture_writes_no_report_and_fails_alike() {
        let dir = std::env::temp_dir().join(format!("sipcode-unread-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = dir.join("notes.txt");
        std::fs::write(&text, "not a capture").unwrap();
        let (text, missing) = (text.to_str().unwrap(), dir.join("missing.pcap"));
        let missing = missing.to_str().unwrap();
        let page = dir.join("report.html");
        let page = page.to_str().unwrap();
        for files in [&[missing][..], &[text], &[missing, text]] {
            for extra in [&["--html", page][..], &["--json"], &[]] {
                let args: Vec<&str> = ["stats"].iter().chain(extra).chain(files).copied().collect();
                let (exit, out, err) = sipcode(&args, "");
                assert_eq!(exit, IO_ERROR, "{args:?}: {err}");
                assert!(out.is_empty(), "{args:?}: {out}");
                assert!(err.contains("no capture file could be read"), "{args:?}: {err}");
                assert!(!std::path::Path::new(page).exists(), "{args:?} wrote {page}");
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// `stats --merge` reads summaries: one that is not (a capture, a
    /// `check` summary, a missing file) is an error that names it; with none
    /// read, the exit status of an unreadable capture; with one, its report.
    #[test]
    fn merge_reads_summaries_and_names_what_is_not_one() {
        let dir = std::env::temp_dir().join(format!("sipcode-merge-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let capture = dir.join("trace.pcap");
        std::fs::write(&capture, crate::trace::tests::scenario()).unwrap();
        let capture = capture.to_str().unwrap();
        let (exit, summary, _) = sipcode(&["stats", "--json", capture], "");
        assert_eq!(exit, 0);
        let (exit, check, _) = sipcode(&["check", "--json", capture], "");
        assert_eq!(exit, 0);
        let (good, not_stats) = (dir.join("good.json"), dir.join("check.json"));
        std::fs::write(&good, &summary).unwrap();
        std::fs::write(&not_stats, &check).unwrap();
        let (good, not_stats) = (good.to_str().unwrap(), not_stats.to_str().unwrap());
        let missing = dir.join("missing.json");
        let missing = missing.to_str().unwrap();

        for bad in [capture, not_stats, missing] {
            let (exit, out, err) = sipcode(&["stats", "--merge", bad], "");
            assert_eq!(exit, IO_ERROR, "{bad}: {err}");
            assert!(out.is_empty(), "{bad}: {out}");
            assert!(err.contains(bad) && err.contains("no summary could be read"), "{bad}: {err}");
        }
        let (exit, out, err) = sipcode(&["stats", "--merge", "--json", good, missing], "");
        assert_eq!(exit, 0, "{err}");
        assert!(err.contains(missing), "{err}");
        assert!(out.contains("\"total\": 8") && out.contains(missing), "{out}");
        // Standard input is a summary too.
        let (exit, out, _) = sipcode(&["stats", "--merge", "--json", "-"], &summary);
        assert_eq!((exit, out), (0, summary));
        let (exit, _, _) = sipcode(&["stats", "--merge", "--json-lines", good], "");
        assert_eq!(exit, BAD_USAGE);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

mod progress {
    use std::path::Path;
    use std::time::{Duration, Instant};

    use crate::capture::write::{self, ALICE, BOB, Packet};
    use crate::command::stats::Progress;
    use crate::{ProgressLine, Terminal, run_on};

    #[test]
    fn the_line_shows_bytes_of_the_total_and_a_visible_file_name() {
        let mut out = Vec::new();
        let mut line = ProgressLine {
            stderr: &mut out,
            shown: false,
            started: Instant::now(),
            after: Some(Duration::ZERO),
        };
        line.show(Progress {
            file: Path::new("in\x1b[2J\x07.pcap"),
            read: 1_500_000,
            total: Some(3_000_000),
        });
        // Standard input: no size to compare with.
        line.show(Progress { file: Path::new("-"), read: 2_300_000, total: None });
        line.clear();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out, "\r\x1b[Kin\\x1b[2J\\x07.pcap: 1.5 of 3.0 MB (50%)\r\x1b[K-: 2.3 MB\r\x1b[K");
    }

    #[test]
    fn nothing_shows_before_a_moment_has_passed_or_when_off() {
        for after in [None, Some(Duration::from_secs(3600))] {
            let mut out = Vec::new();
            let mut line = ProgressLine { stderr: &mut out, shown: false, started: Instant::now(), after };
            line.show(Progress { file: Path::new("a.pcap"), read: 1, total: Some(2) });
            line.clear();
            assert!(out.is_empty(), "{after:?}: {}", String::from_utf8_lossy(&out));
        }
    }

    /// `stats` and `check` on a file named with an escape sequence: the
    /// progress line when on (shown at once here), nothing when piped.
    #[test]
    fn stats_and_check_show_progress_on_a_terminal_only() {
        let dir = std::env::temp_dir().join(format!("sipcode-progress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("in\x1b[31m.pcap");
        let busy = b"SIP/2.0 486 Busy Here\r\nCall-ID: a\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        let capture = write::pcap(1, &[Packet::new(write::udp4((BOB, 5060), (ALICE, 5060), busy))]);
        std::fs::write(&file, &capture).unwrap();
        let path = file.to_str().unwrap();
        for command in ["stats", "check"] {
            for progress in [None, Some(Duration::ZERO)] {
                let (mut out, mut err) = (Vec::new(), Vec::new());
                let terminal = Terminal { colour: false, progress };
                let args = ["sipcode", command, path];
                let exit = run_on(args, &mut &b""[..], &mut out, &mut err, terminal);
                assert_eq!(exit, 0, "{command}");
                let err = String::from_utf8(err).unwrap();
                if progress.is_none() {
                    assert_eq!(err, "", "{command}");
                    continue;
                }
                let name = format!("{}/in\\x1b[31m.pcap: ", dir.display());
                let shown = err.strip_prefix("\r\x1b[K").and_then(|line| line.strip_suffix("\r\x1b[K"));
                let shown = shown.unwrap_or_else(|| panic!("{command}: {err:?}"));
                assert!(
                    shown.starts_with(&name) && shown.contains(" of 0.0 MB (") && shown.ends_with("%)"),
                    "{command}: {err:?}"
                );
                assert!(!shown.contains('\x1b'), "{command}: {err:?}");
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
