//! Q.850 causes and the profiles' mappings: the answers of the three
//! profiles, the one rule that groups them, and RFC 3398's notes.

use serde::Serialize;
use sip_codes::StatusCode;
use sip_codes::q850::{Cause, CauseClass, Profile};

use super::Named;

/// A cause named in a mapping: `{"value":17,"text":"User busy"}`.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct CauseRef {
    /// 1 to 127.
    pub value: u8,
    /// Its Q.850 name; `None` for a value Q.850 does not define.
    pub text: Option<&'static str>,
}

impl CauseRef {
    /// The reference to a cause.
    pub fn of(cause: Cause) -> CauseRef {
        CauseRef { value: cause.as_u8(), text: cause.text() }
    }
}

/// A response named in a mapping: `{"code":486,"phrase":"Busy Here"}`.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusRef {
    /// 100 to 699.
    pub code: u16,
    /// Its phrase; `None` for an uncatalogued code.
    pub phrase: Option<&'static str>,
}

impl StatusRef {
    /// The reference to a response code.
    pub fn of(status: StatusCode) -> StatusRef {
        StatusRef { code: status.as_u16(), phrase: status.canonical_reason() }
    }
}

/// What each profile answers, and RFC 3398's notes to its answer.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Answers<T> {
    /// One per profile, in the order of `Profile::ALL`.
    pub profiles: Vec<ProfileAnswer<T>>,
    /// RFC 3398's notes to its own answer.
    pub notes: Vec<Note>,
}

/// One profile's answer: `None` when it answers nothing (no response, no cause).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ProfileAnswer<T> {
    /// `"rfc3398"`, `"freeswitch"` or `"asterisk"`.
    pub profile: Named,
    /// The answer.
    pub answer: Option<T>,
    /// Whether the profile's table lists the value; if not, this is its default.
    pub listed: bool,
}

/// One distinct answer and the profiles that give it: what text and HTML show.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer<'a, T> {
    /// The answer.
    pub answer: &'a Option<T>,
    /// The profiles that give it, in order.
    pub profiles: Vec<&'a ProfileAnswer<T>>,
}

impl<T: PartialEq> Answers<T> {
    /// The answers of the three profiles, with notes.
    pub fn new(answers: [(Profile, Option<T>, bool); 3], notes: Vec<Note>) -> Answers<T> {
        let profiles = answers
            .into_iter()
            .map(|(profile, answer, listed)| ProfileAnswer { profile: profile_name(profile), answer, listed })
            .collect();
        Answers { profiles, notes }
    }

    /// The one grouping rule: each distinct answer once, in the order the
    /// profiles first give it, with the profiles that give it.
    pub fn by_answer(&self) -> Vec<Answer<'_, T>> {
        let mut groups: Vec<Answer<'_, T>> = Vec::new();
        for profile in &self.profiles {
            match groups.iter_mut().find(|group| *group.answer == profile.answer) {
                Some(group) => group.profiles.push(profile),
                None => groups.push(Answer { answer: &profile.answer, profiles: vec![profile] }),
            }
        }
        groups
    }
}

/// A profile's token and name.
pub fn profile_name(profile: Profile) -> Named {
    let token = match profile {
        Profile::Rfc3398 => "rfc3398",
        Profile::FreeSwitch => "freeswitch",
        Profile::Asterisk => "asterisk",
    };
    Named { token, label: profile.name() }
}

/// A note of RFC 3398 to the answer it gives (§7.2.4.1 for causes, §8.2.6.1
/// for responses).
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Note {
    /// The cause is `cause` when the response carries a Warning with one of `warn_codes`.
    ByWarning {
        /// 65 Bearer capability not implemented.
        cause: CauseRef,
        /// 304 and 305: an unavailable bearer capability.
        warn_codes: [u16; 2],
    },
    /// Remedy the request and re-originate it before releasing the call.
    RetryFirst,
    /// Only when the gateway cannot authenticate itself.
    UnlessAuthenticated,
    /// The response is `status` when the cause location is the user.
    AtUser {
        /// The response.
        status: StatusRef,
    },
    /// The response is `status` when the diagnostic carries the new number.
    WithNewNumber {
        /// The response.
        status: StatusRef,
    },
    /// No response: the call is cleared by BYE or CANCEL.
    ClearedByByeOrCancel,
}

/// `sipcode q850 17`: a cause and the response each profile answers it with.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct CauseReport {
    /// 1 to 127.
    pub value: u8,
    /// Its Q.850 name; `None` for a value Q.850 does not define.
    pub text: Option<&'static str>,
    /// "UserBusy".
    pub name: Option<&'static str>,
    /// "USER_BUSY".
    pub constant: Option<&'static str>,
    /// Its class, from the value.
    pub class: Named,
    /// Other names stacks use for it.
    pub aliases: &'static [&'static str],
    /// The response each profile answers an INVITE with.
    pub responses: Answers<StatusRef>,
}

impl CauseReport {
    /// The report of a cause.
    pub fn of(cause: Cause) -> CauseReport {
        let entry = cause.entry();
        let answers = Profile::ALL.map(|profile| {
            let mapping = cause.status_mapping(profile);
            (profile, mapping.status.map(StatusRef::of), mapping.listed)
        });
        let rfc = cause.status_mapping(Profile::Rfc3398);
        let mut notes = Vec::new();
        if let Some(status) = rfc.at_user {
            notes.push(Note::AtUser { status: StatusRef::of(status) });
        }
        if let Some(status) = rfc.with_new_number {
            notes.push(Note::WithNewNumber { status: StatusRef::of(status) });
        }
        if rfc.status.is_none() && rfc.listed {
            notes.push(Note::ClearedByByeOrCancel);
        }
        CauseReport {
            value: cause.as_u8(),
            text: entry.map(|entry| entry.text),
            name: entry.map(|entry| entry.name),
            constant: entry.map(|entry| entry.constant),
            class: cause_class(cause.class()),
            aliases: entry.map_or(&[][..], |entry| entry.aliases),
            responses: Answers::new(answers, notes),
        }
    }
}

/// A cause class's token and name.
pub fn cause_class(class: CauseClass) -> Named {
    let token = match class {
        CauseClass::NormalEvent => "normal_event",
        CauseClass::ResourceUnavailable => "resource_unavailable",
        CauseClass::ServiceOrOptionNotAvailable => "service_or_option_not_available",
        CauseClass::ServiceOrOptionNotImplemented => "service_or_option_not_implemented",
        CauseClass::InvalidMessage => "invalid_message",
        CauseClass::ProtocolError => "protocol_error",
        CauseClass::Interworking => "interworking",
    };
    Named { token, label: class.name() }
}
