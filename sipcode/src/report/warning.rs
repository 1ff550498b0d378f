//! A warn-code of the Warning header field (RFC 3261 §20.43).

use serde::Serialize;
use sip_codes::WarnCode;

use super::code::ReferenceReport;

/// `sipcode warning 307`: a warn-code, registered or not.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct WarnCodeReport {
    /// 300 to 399.
    pub code: u16,
    /// Whether the IANA registry has it.
    pub registered: bool,
    /// The range of RFC 3261 §20.43 it falls in; `None` outside 300 to 399.
    pub range: Option<WarnRangeReport>,
    /// Its registered warn-text.
    pub text: Option<&'static str>,
    /// "SipsRequired".
    pub name: Option<&'static str>,
    /// "SIPS_REQUIRED".
    pub constant: Option<&'static str>,
    /// What it means.
    pub meaning: Option<&'static str>,
    /// The RFC section that defines it.
    pub reference: Option<ReferenceReport>,
}

/// A range of warn-codes: `{"first":300,"last":329,"description":…}`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct WarnRangeReport {
    /// Its first code.
    pub first: u16,
    /// Its last code.
    pub last: u16,
    /// What its codes are about.
    pub description: &'static str,
}

impl WarnCodeReport {
    /// The report of the three digits a received Warning carries: a
    /// [`WarnCode`] when they are 300 to 399, otherwise a bare number that
    /// no range or registry knows.
    pub fn of_number(number: u16) -> WarnCodeReport {
        match WarnCode::from_u16(number) {
            Ok(code) => WarnCodeReport::of(code),
            Err(_) => WarnCodeReport {
                code: number,
                registered: false,
                range: None,
                text: None,
                name: None,
                constant: None,
                meaning: None,
                reference: None,
            },
        }
    }

    /// The report of a warn-code.
    pub fn of(code: WarnCode) -> WarnCodeReport {
        let range = code.range();
        let entry = code.entry();
        WarnCodeReport {
            code: code.as_u16(),
            registered: entry.is_some(),
            range: Some(WarnRangeReport {
                first: *range.codes().start(),
                last: *range.codes().end(),
                description: range.description(),
            }),
            text: code.text(),
            name: entry.map(|entry| entry.name),
            constant: entry.map(|entry| entry.constant),
            meaning: entry.map(|entry| entry.meaning),
            reference: entry.map(|entry| ReferenceReport::of(entry.reference)),
        }
    }
}
