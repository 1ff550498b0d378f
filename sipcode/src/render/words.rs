//! The sentences that text and HTML both show, written once.

use std::fmt::{self, Display};

use crate::report::{Answer, CauseRef, Note, ProfileAnswer, ReferenceReport, StatusRef};

/// `RFC 3261 §21.4.24`.
pub struct Rfc<'a>(pub &'a ReferenceReport);

impl Display for Rfc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RFC {} §{}", self.0.rfc, self.0.section)
    }
}

/// The RFC section that defines a code, or "no RFC" for a code none defines (701).
pub fn defined_in(reference: Option<&ReferenceReport>) -> String {
    reference.map_or_else(|| "no RFC".to_owned(), |reference| Rfc(reference).to_string())
}

impl Display for CauseRef {
    /// `17 User busy`, or `52` for a value Q.850 does not define.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text {
            Some(text) => write!(f, "{} {text}", self.value),
            None => write!(f, "{}", self.value),
        }
    }
}

impl Display for StatusRef {
    /// `486 Busy Here`, or `431` for an uncatalogued code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.phrase {
            Some(phrase) => write!(f, "{} {phrase}", self.code),
            None => write!(f, "{}", self.code),
        }
    }
}

impl Display for Note {
    /// One of RFC 3398's notes, as a sentence without its "RFC 3398: ".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::ByWarning { cause, warn_codes: [a, b] } => {
                write!(f, "{cause} when the Warning is {a} or {b} (an unavailable bearer capability)")
            }
            Note::RetryFirst => f.write_str("remedy the request and re-originate before releasing the call"),
            Note::UnlessAuthenticated => f.write_str("only when the gateway cannot authenticate itself"),
            Note::AtUser { status } => write!(f, "{status} when the cause location is the user"),
            Note::WithNewNumber { status } => {
                write!(f, "{status} when the diagnostic carries the new number")
            }
            Note::ClearedByByeOrCancel => f.write_str("no response; the call is cleared by BYE or CANCEL"),
        }
    }
}

/// A profile as the list of who answers shows it: `FreeSWITCH by default`
/// when its table does not list the value.
fn describe<T>(profile: &ProfileAnswer<T>) -> String {
    if profile.listed {
        profile.profile.label.to_owned()
    } else {
        format!("{} by default", profile.profile.label)
    }
}

/// Who gives `group`'s answer, among `all`: "all profiles" (with those that
/// answer by default) when they agree, otherwise the profiles that give it.
pub fn who<T>(group: &Answer<'_, T>, all: &[ProfileAnswer<T>]) -> String {
    if group.profiles.len() < all.len() {
        return group.profiles.iter().map(|profile| describe(profile)).collect::<Vec<_>>().join(", ");
    }
    let unlisted: Vec<String> = all.iter().filter(|profile| !profile.listed).map(describe).collect();
    match unlisted.as_slice() {
        [] => "all profiles".to_owned(),
        _ => format!("all profiles; {}", unlisted.join(", ")),
    }
}
