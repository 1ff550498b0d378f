//! The Q.850 cause catalogue and locations, against the sources' tables in
//! `sip-codes-testdata/data/q850-causes.tsv` and `q850-locations.tsv`, and exhaustively
//! over every value.

use std::collections::HashSet;

use sip_codes::__private::follows_name_rule;
use sip_codes::q850::{CAUSES, Cause, CauseClass, CauseEntry, InvalidCause, Location};

/// `(value, name, class, tag)` of each row of `q850-causes.tsv`.
fn tsv_causes() -> Vec<(u8, String, String, String)> {
    let text = sip_codes_testdata::Q850_CAUSES;
    text.lines()
        .skip(1)
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            let tag = columns[3].split(']').next().unwrap().trim_start_matches('[').to_owned();
            (columns[0].parse().unwrap(), columns[1].to_owned(), columns[2].to_owned(), tag)
        })
        .collect()
}

#[test]
fn the_catalogue_is_exactly_the_q850_rows_of_the_sources() {
    let rows = tsv_causes();
    assert_eq!(rows.len(), 86, "the TSV has 86 rows");
    let q850: Vec<_> = rows.iter().filter(|row| row.3 == "Q.850").collect();
    assert_eq!(q850.len(), CAUSES.len());
    for (value, name, class, _) in &q850 {
        let entry = CauseEntry::by_value(*value).unwrap_or_else(|| panic!("Q.850 cause {value} is missing"));
        assert_eq!(entry.text, name, "cause {value}");
        assert!(entry.class().name().eq_ignore_ascii_case(class), "cause {value}: class {class}");
    }
    // The rule: values the sources tag as not Q.850 are valid causes without a row.
    for (value, _, class, tag) in rows.iter().filter(|row| row.3 != "Q.850") {
        assert!(tag.starts_with("not"), "cause {value}: tag {tag}");
        assert!(CauseEntry::by_value(*value).is_none(), "cause {value} is {tag} and has no row");
        let cause = Cause::from_u8(*value).unwrap();
        assert_eq!(cause.text(), None);
        assert!(cause.class().name().eq_ignore_ascii_case(class), "cause {value}: class {class}");
    }
}

#[test]
fn names_follow_the_rule_and_every_spelling_finds_its_own_row() {
    let mut seen = HashSet::new();
    for entry in CAUSES {
        // The Q.850 name without its parenthesised asides, in CamelCase.
        let mut base = String::new();
        let mut depth = 0;
        for c in entry.text.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth == 0 => base.push(c),
                _ => {}
            }
        }
        assert!(follows_name_rule(&base, entry.name, false), "{}: {}", entry.value, entry.name);
        assert!(follows_name_rule(&base, entry.constant, true), "{}: {}", entry.value, entry.constant);
        for spelling in [entry.name, entry.constant] {
            assert!(seen.insert(spelling), "{spelling} names two rows");
            assert_eq!(CauseEntry::by_name(spelling).unwrap().value, entry.value);
        }
        for text in std::iter::once(&entry.text).chain(entry.aliases) {
            assert_eq!(CauseEntry::by_text(text).unwrap().value, entry.value, "{text}");
            assert_eq!(CauseEntry::by_text(&text.to_uppercase()).unwrap().value, entry.value, "{text}");
            // No alias reads as another row's name in the macros.
            for other in CAUSES.iter().filter(|other| other.value != entry.value) {
                assert!(!follows_name_rule(text, other.name, false), "{text} spells {}", other.name);
            }
        }
    }
}

#[test]
fn every_u8_is_a_cause_or_a_typed_error() {
    for value in 0..=u8::MAX {
        match Cause::from_u8(value) {
            Ok(cause) => {
                assert!((1..=127).contains(&value));
                assert_eq!(cause.as_u8(), value);
                assert_eq!(u8::from(cause), value);
                assert_eq!(Cause::try_from(value), Ok(cause));
                assert_eq!(cause.to_string().parse::<u8>().ok(), cause.text().is_none().then_some(value));
                assert_eq!(cause.to_string().split(' ').next().unwrap(), value.to_string());
                assert_eq!(value.to_string().parse::<Cause>(), Ok(cause));
                assert_eq!(format!("{value:03}").parse::<Cause>(), Ok(cause));
                assert_eq!(cause.entry().map(|entry| entry.cause()), cause.text().map(|_| cause));
                // The class is the value's high bits, and its catch-all is in it.
                let unspecified = cause.class().unspecified();
                assert_eq!(unspecified.class(), cause.class());
                assert!(unspecified.as_u8() >= value && unspecified.as_u8() & 0x0f == 0x0f);
            }
            Err(error) => {
                assert!(value == 0 || value >= 128);
                assert_eq!(error.value(), Some(u16::from(value)));
                assert!(error.to_string().starts_with(&format!("{value} is not a Q.850 cause value")));
            }
        }
    }
}

#[test]
fn bad_text_is_a_typed_error() {
    for (text, value) in [
        ("0", Some(0)),
        ("128", Some(128)),
        ("300", Some(300)),
        ("999", Some(999)),
        ("", None),
        ("1000", None),
        ("+17", None),
        ("-1", None),
        ("17 ", None),
        ("1x", None),
        ("busy", None),
        ("١٧", None),
    ] {
        let error: InvalidCause = text.parse::<Cause>().unwrap_err();
        assert_eq!(error.value(), value, "{text:?}");
    }
}

#[test]
fn display_pads_the_whole() {
    assert_eq!(format!("{:<16}|", Cause::USER_BUSY), "17 User busy    |");
    assert_eq!(format!("{:>4}", Cause::from_u8(52).unwrap()), "  52");
    // The longest name fits the formatting buffer.
    let longest = CAUSES.iter().map(|entry| entry.text.len()).max().unwrap();
    assert!(longest + 4 <= 128);
    for entry in CAUSES {
        assert_eq!(entry.cause().to_string(), format!("{} {}", entry.value, entry.text));
    }
}

#[test]
fn classes_partition_the_values() {
    for class in CauseClass::ALL {
        let values: Vec<u8> = (1..=127).filter(|&value| CauseClass::of(value) == class).collect();
        assert_eq!(*values.last().unwrap(), class.unspecified().as_u8());
        assert!(class.unspecified().text().unwrap().contains("unspecified"), "{class}");
    }
}

#[test]
fn locations_match_rfc_8606_and_q850() {
    let text = sip_codes_testdata::Q850_LOCATIONS;
    let rows: Vec<Vec<&str>> = text.lines().skip(1).map(|line| line.split('\t').collect()).collect();
    assert_eq!(rows.len(), 16);
    for row in rows {
        let value: u8 = row[0].parse().unwrap();
        let location = Location::from_u8(value).unwrap();
        assert_eq!(u8::from_str_radix(row[1], 2).unwrap(), value);
        assert_eq!(location.meaning(), row[2], "location {value}");
        assert_eq!(location.token(), row[3], "location {value}");
        assert_eq!(location.is_assigned(), row[4] == "defined", "location {value}");
        assert_eq!(row[3].parse::<Location>(), Ok(location));
        assert_eq!(row[3].to_lowercase().parse::<Location>(), Ok(location));
        assert_eq!(location.to_string(), row[3]);
    }
    for value in 16..=u8::MAX {
        assert_eq!(Location::from_u8(value).unwrap_err().value(), Some(value));
    }
    for token in ["", "LOC-1", "LOC-16", "U ", "user", "LOC6"] {
        assert!(token.parse::<Location>().is_err(), "{token:?}");
    }
}

#[test]
fn from_bytes_follows_the_plain_rule_on_every_short_input() {
    // Every string of up to four bytes over the digits and their neighbours
    // in ASCII, signs, space, NUL, and bytes that are not UTF-8 on their own.
    let alphabet: Vec<u8> = (b'0'..=b'9').chain([b'/', b':', b'+', b'-', b' ', 0, 0x80, 0xff]).collect();
    let mut inputs: Vec<Vec<u8>> = vec![Vec::new()];
    let mut last = inputs.clone();
    for _ in 0..4 {
        last = last
            .iter()
            .flat_map(|input| alphabet.iter().map(move |&byte| [&input[..], &[byte]].concat()))
            .collect();
        inputs.extend(last.iter().cloned());
    }
    assert_eq!(inputs.len(), 1 + 18 + 18 * 18 + 18 * 18 * 18 + 18 * 18 * 18 * 18);
    for input in inputs {
        let digits = (1..=3).contains(&input.len()) && input.iter().all(u8::is_ascii_digit);
        let expected = if digits {
            let value: u16 = std::str::from_utf8(&input).unwrap().parse().unwrap();
            if (1..=127).contains(&value) { Ok(value as u8) } else { Err(Some(value)) }
        } else {
            Err(None)
        };
        let actual = Cause::from_bytes(&input).map(u8::from).map_err(|error| error.value());
        assert_eq!(actual, expected, "{input:?}");
    }
}
