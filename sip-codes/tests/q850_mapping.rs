//! The cause ↔ response mappings of every profile, for every cause (1 to 127)
//! and every status code (100 to 699 and the catalogued stack-local codes),
//! against the tables of `sip-codes-testdata/data/q850-mapping.tsv` as an oracle.

use std::collections::{BTreeMap, BTreeSet};

use sip_codes::q850::{Cause, CauseClass, Location, Profile};
use sip_codes::{CATALOGUE, StatusCode, WarnCode};

/// One row of the TSV: direction, from, to, source, note.
struct Row {
    direction: String,
    from: String,
    to: String,
    source: String,
    note: String,
}

fn rows() -> Vec<Row> {
    let text = sip_codes_testdata::Q850_MAPPING;
    text.lines()
        .skip(1)
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            Row {
                direction: columns[0].to_owned(),
                from: columns[1].to_owned(),
                to: columns[2].to_owned(),
                source: columns[3].to_owned(),
                note: columns.get(4).copied().unwrap_or("").to_owned(),
            }
        })
        .collect()
}

fn profile_of(source: &str) -> Profile {
    if source.starts_with("RFC 3398") {
        Profile::Rfc3398
    } else if source.starts_with("FreeSWITCH") {
        Profile::FreeSwitch
    } else if source.starts_with("Asterisk") {
        Profile::Asterisk
    } else {
        panic!("unknown source {source}")
    }
}

/// The rows of one direction and profile.
fn table<'a>(rows: &'a [Row], direction: &str, profile: Profile) -> Vec<&'a Row> {
    rows.iter().filter(|row| row.direction == direction && profile_of(&row.source) == profile).collect()
}

/// A cause cell of the TSV: `-` is none, `31|65` is 31 (65 by Warning), and
/// FreeSWITCH's own causes (`FS 487 ORIGINATOR_CANCEL`) are reported as 16
/// when FreeSWITCH gives a Q.850 value (`switch_channel_cause_q850`).
fn cause_cell(to: &str) -> Option<u8> {
    match to {
        "-" => None,
        "31|65" => Some(31),
        fs if fs.starts_with("FS ") => Some(16),
        number => Some(number.parse().unwrap()),
    }
}

#[test]
fn every_cause_in_every_profile_answers_as_the_tables_say() {
    let rows = rows();
    let mut checked = 0;
    for profile in Profile::ALL {
        let table = table(&rows, "q850->sip", profile);
        let mut listed: BTreeMap<u8, Vec<&Row>> = BTreeMap::new();
        let mut default = None;
        for row in &table {
            match row.from.parse::<u8>() {
                Ok(cause) => listed.entry(cause).or_default().push(row),
                Err(_) => {
                    assert!(row.from.starts_with("other"), "{}", row.from);
                    default = Some(row.to.parse::<u16>().unwrap());
                }
            }
        }
        for value in 1..=Cause::MAX {
            let cause = Cause::from_u8(value).unwrap();
            let mapping = cause.status_mapping(profile);
            let context = format!("{profile}, cause {value}");
            match listed.get(&value).map(Vec::as_slice) {
                Some([row]) => {
                    let expected = (row.to != "-").then(|| row.to.parse::<u16>().unwrap());
                    assert_eq!(mapping.status.map(u16::from), expected, "{context}");
                    assert!(mapping.listed, "{context}");
                    // RFC 3398's footnote: 603 when the location is the user.
                    let at_user = row.note.contains("603").then_some(603);
                    assert_eq!(mapping.at_user.map(u16::from), at_user, "{context}");
                    assert_eq!(mapping.with_new_number, None, "{context}");
                }
                // Cause 22: two RFC rows, without and with a diagnostic.
                Some([without, with]) => {
                    assert!(without.note.contains("w/o diagnostic") && with.note.contains("w/ diagnostic"));
                    assert_eq!(mapping.status.map(u16::from), Some(without.to.parse().unwrap()), "{context}");
                    assert_eq!(mapping.with_new_number.map(u16::from), Some(with.to.parse().unwrap()));
                }
                Some(_) => panic!("{context}: too many rows"),
                None => {
                    assert!(!mapping.listed, "{context} is not in the table");
                    assert_eq!(mapping.status, Some(profile.default_status(cause.class())), "{context}");
                    assert_eq!((mapping.at_user, mapping.with_new_number), (None, None), "{context}");
                    if let Some(default) = default {
                        assert_eq!(mapping.status.map(u16::from), Some(default), "{context}");
                    }
                }
            }
            // The location matters only where a footnote says so.
            for location in (0..16).map(|value| Location::from_u8(value).unwrap()) {
                let expected = match mapping.at_user {
                    Some(at_user) if location == Location::USER => Some(at_user),
                    _ => mapping.status,
                };
                assert_eq!(cause.to_status(profile, Some(location)), expected, "{context}, {location}");
            }
            assert_eq!(cause.to_status(profile, None), mapping.status, "{context}");
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * 127);
}

#[test]
fn the_stacks_defaults_are_the_ones_their_tables_name() {
    let rows = rows();
    for (profile, status) in [(Profile::FreeSwitch, 480), (Profile::Asterisk, 603)] {
        let other = table(&rows, "q850->sip", profile).into_iter().find(|row| row.from.starts_with("other"));
        let other = other.unwrap();
        assert_eq!(other.to, status.to_string());
        // The causes the TSV names as falling to the default do.
        let named = other.from.trim_start_matches("other (incl. ").trim_end_matches(')');
        for value in named.split(", ") {
            let cause = Cause::from_u8(value.parse().unwrap()).unwrap();
            assert!(!cause.status_mapping(profile).listed, "{profile}: {cause}");
            assert_eq!(cause.to_status(profile, None).map(u16::from), Some(status), "{profile}: {cause}");
        }
    }
}

#[test]
fn the_rfc_default_answers_a_class_as_the_rfc_answers_its_unspecified_cause() {
    // The rule for causes RFC 3398 does not list: as the class's catch-all.
    for class in CauseClass::ALL {
        let unspecified = class.unspecified().status_mapping(Profile::Rfc3398);
        if unspecified.listed {
            assert_eq!(unspecified.status, Some(Profile::Rfc3398.default_status(class)), "{class}");
        }
    }
    // 63 and 95 are the two the RFC does not list.
    let unlisted: Vec<u8> = CauseClass::ALL
        .iter()
        .map(|class| class.unspecified())
        .filter(|cause| !cause.status_mapping(Profile::Rfc3398).listed)
        .map(u8::from)
        .collect();
    assert_eq!(unlisted, [63, 95]);
}

/// Every code a `StatusCode` can hold.
fn every_status() -> Vec<StatusCode> {
    let mut codes: BTreeSet<u16> = (100..=699).collect();
    codes.extend(CATALOGUE.iter().map(|entry| entry.code));
    codes.into_iter().map(|code| StatusCode::from_u16(code).unwrap()).collect()
}

/// The cause the TSV's `other` rows give `code`, in `profile`.
fn other(table: &[&Row], code: u16) -> Option<u8> {
    // Provisional and stack-local codes release nothing in any profile.
    if !(200..700).contains(&code) {
        return None;
    }
    let class = format!("other {}xx", code / 100);
    let row =
        table.iter().find(|row| row.from == class).or_else(|| table.iter().find(|row| row.from == "other"));
    match row {
        Some(row) => cause_cell(&row.to),
        // RFC 3398 §8.2.6.1: any rejection not listed is 31; a 2xx is no rejection.
        None => (code >= 300).then_some(31),
    }
}

#[test]
fn every_status_in_every_profile_maps_to_the_cause_the_tables_say() {
    let rows = rows();
    let mut checked = 0;
    for profile in Profile::ALL {
        let table = table(&rows, "sip->q850", profile);
        let listed: BTreeMap<u16, &Row> =
            table.iter().filter_map(|row| Some((row.from.parse().ok()?, *row))).collect();
        for status in every_status() {
            let code = status.as_u16();
            let mapping = status.cause_mapping(profile);
            let context = format!("{profile}, {code}");
            let rfc = profile == Profile::Rfc3398;
            match listed.get(&code) {
                Some(row) => {
                    assert!(mapping.listed, "{context}");
                    assert_eq!(mapping.cause.map(u8::from), cause_cell(&row.to), "{context}");
                    assert_eq!(mapping.retry_first, rfc && row.note.contains("(+)"), "{context}");
                    assert_eq!(mapping.unless_authenticated, rfc && row.note.starts_with("(*)"), "{context}");
                    assert_eq!(mapping.by_warning, rfc && row.to == "31|65", "{context}");
                }
                None => {
                    assert!(!mapping.listed, "{context}");
                    assert_eq!(mapping.cause.map(u8::from), other(&table, code), "{context}");
                    assert_eq!(mapping.cause, profile.default_cause(status), "{context}");
                    assert!(!mapping.retry_first && !mapping.unless_authenticated && !mapping.by_warning);
                }
            }
            assert_eq!(mapping.at_user, rfc && status.is_global_failure(), "{context}");
            assert_eq!(status.to_cause(profile), mapping.cause, "{context}");
            // The Warning changes only RFC 3398's 488 and 606, and only 304 and 305.
            for warn_code in (300..=399).map(|code| WarnCode::from_u16(code).unwrap()) {
                let expected = if mapping.by_warning && matches!(warn_code.as_u16(), 304 | 305) {
                    Some(Cause::BEARER_CAPABILITY_NOT_IMPLEMENTED)
                } else {
                    mapping.cause
                };
                assert_eq!(
                    status.to_cause_with_warning(profile, warn_code),
                    expected,
                    "{context}, {warn_code}"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * (600 + 1));
}

#[test]
fn the_rfc_505_row_is_keyed_on_505() {
    // RFC 3398 §8.2.6.1 prints it as "504 Version Not Supported"; 504 keeps its own row.
    let rows = rows();
    let rfc = table(&rows, "sip->q850", Profile::Rfc3398);
    let row = rfc.iter().find(|row| row.from == "505").unwrap();
    assert!(row.note.contains("504 Version Not Supported"));
    assert_eq!(
        StatusCode::VERSION_NOT_SUPPORTED.to_cause(Profile::Rfc3398),
        Some(Cause::INTERWORKING_UNSPECIFIED)
    );
    assert!(StatusCode::VERSION_NOT_SUPPORTED.cause_mapping(Profile::Rfc3398).retry_first);
    assert_eq!(StatusCode::SERVER_TIME_OUT.to_cause(Profile::Rfc3398), Some(Cause::RECOVERY_ON_TIMER_EXPIRY));
}

#[test]
fn the_profiles_differ_where_the_issue_reports_say() {
    // FreeSWITCH #732: cause 47 gives 480, not the RFC's 503.
    assert_eq!(
        Cause::RESOURCE_UNAVAILABLE_UNSPECIFIED.to_status(Profile::FreeSwitch, None),
        Some(StatusCode::TEMPORARILY_UNAVAILABLE)
    );
    assert_eq!(
        Cause::RESOURCE_UNAVAILABLE_UNSPECIFIED.to_status(Profile::Rfc3398, None),
        Some(StatusCode::SERVICE_UNAVAILABLE)
    );
    // Twinkle #102: 603 → 21 → 403 at the far end, unless the location is the user.
    let cause = StatusCode::DECLINE.to_cause(Profile::Rfc3398).unwrap();
    assert_eq!(cause.to_status(Profile::Rfc3398, None), Some(StatusCode::FORBIDDEN));
    assert_eq!(cause.to_status(Profile::Rfc3398, Some(Location::USER)), Some(StatusCode::DECLINE));
    // The number of places where the stacks part from the RFC, both directions.
    let mut differences = 0;
    for profile in [Profile::FreeSwitch, Profile::Asterisk] {
        for value in 1..=Cause::MAX {
            let cause = Cause::from_u8(value).unwrap();
            let (ours, rfc) = (cause.status_mapping(profile), cause.status_mapping(Profile::Rfc3398));
            if (ours.listed || rfc.listed) && ours.status != rfc.status {
                differences += 1;
            }
        }
        for status in every_status() {
            let (ours, rfc) = (status.cause_mapping(profile), status.cause_mapping(Profile::Rfc3398));
            if (ours.listed || rfc.listed) && ours.cause != rfc.cause {
                differences += 1;
            }
        }
    }
    assert!(differences >= 30, "{differences}");
}
