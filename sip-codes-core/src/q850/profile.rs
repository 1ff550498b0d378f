use core::fmt;

use super::{Cause, CauseClass, Location};
use crate::{Class, StatusCode, WarnCode};

/// Whose table maps causes and responses: the RFC, or a stack a gateway must
/// agree with. The tables differ in about thirty places; see
/// [`Cause::to_status`] and [`StatusCode::to_cause`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
/// use sip_codes::q850::{Cause, Profile};
///
/// // Cause 21, Call rejected: the RFC and Asterisk answer 403, FreeSWITCH 603.
/// let answers = Profile::ALL.map(|profile| Cause::CALL_REJECTED.to_status(profile, None));
/// assert_eq!(answers, [Some(StatusCode::FORBIDDEN), Some(StatusCode::DECLINE), Some(StatusCode::FORBIDDEN)]);
/// assert_eq!(Profile::FreeSwitch.to_string(), "FreeSWITCH");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Profile {
    /// RFC 3398 §7.2.4.1 and §8.2.6.1, the standard, with its footnotes.
    #[default]
    Rfc3398,
    /// FreeSWITCH's mod_sofia (`hangup_cause_to_sip`, `sofia_glue_sip_cause_to_freeswitch`).
    FreeSwitch,
    /// Asterisk's chan_pjsip (`hangup_cause2sip`, `ast_sip_hangup_sip2cause`).
    ///
    /// The tables follow the current releases: cause 23 (redirected to a new
    /// destination) ↔ 302 Moved Temporarily holds since Asterisk 20.19.0,
    /// 22.9.0 and 23.3.0 (commit 5084177cb2). Older releases do not list
    /// them: cause 23 gives their default, 603, and a 302 gives cause 16.
    Asterisk,
}

impl Profile {
    /// Every profile, in the order of the mapping tables' columns.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::q850::Profile::ALL.len(), 3);
    /// ```
    pub const ALL: [Profile; 3] = [Profile::Rfc3398, Profile::FreeSwitch, Profile::Asterisk];

    /// The profile's name: `"RFC 3398"`, `"FreeSWITCH"` or `"Asterisk"`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::q850::Profile::Rfc3398.name(), "RFC 3398");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Profile::Rfc3398 => "RFC 3398",
            Profile::FreeSwitch => "FreeSWITCH",
            Profile::Asterisk => "Asterisk",
        }
    }

    /// Where the profile's cause-to-response table was read.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Profile;
    /// assert_eq!(Profile::Rfc3398.cause_to_status_source(), "RFC 3398 §7.2.4.1");
    /// ```
    pub const fn cause_to_status_source(self) -> &'static str {
        match self {
            Profile::Rfc3398 => "RFC 3398 §7.2.4.1",
            Profile::FreeSwitch => "FreeSWITCH mod_sofia.c hangup_cause_to_sip (commit cc93a683)",
            Profile::Asterisk => "Asterisk chan_pjsip.c hangup_cause2sip (commit f0c1c1a7)",
        }
    }

    /// Where the profile's response-to-cause table was read.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Profile;
    /// assert_eq!(Profile::Rfc3398.status_to_cause_source(), "RFC 3398 §8.2.6.1");
    /// ```
    pub const fn status_to_cause_source(self) -> &'static str {
        match self {
            Profile::Rfc3398 => "RFC 3398 §8.2.6.1",
            Profile::FreeSwitch => {
                "FreeSWITCH sofia_glue.c sofia_glue_sip_cause_to_freeswitch (commit cc93a683)"
            }
            Profile::Asterisk => "Asterisk res_pjsip.c ast_sip_hangup_sip2cause (commit f0c1c1a7)",
        }
    }

    /// The response this profile gives a cause its table does not list.
    ///
    /// - RFC 3398 lists no answer for the other causes. This profile (this
    ///   crate's choice, not the RFC's) answers them as the RFC answers the
    ///   unspecified cause of their class, which Q.850 gives every class as
    ///   its catch-all: 480 for normal events (as 31), 503 for
    ///   resources unavailable (as 47), 501 for services not implemented (as
    ///   79), 500 for protocol errors and interworking (as 111 and 127). The
    ///   RFC lists neither 63 nor 95, so services not available get 503 (the
    ///   service is missing now, as for 58) and invalid messages 500 (a
    ///   signalling fault, as for 111).
    /// - FreeSWITCH: 480 Temporarily Unavailable (`hangup_cause_to_sip`'s default).
    /// - Asterisk: 603 Decline (`hangup_cause2sip` returns 0, which
    ///   `ast_sip_session_terminate` in res_pjsip_session.c sends as 603).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// use sip_codes::q850::{CauseClass, Profile};
    /// assert_eq!(Profile::Rfc3398.default_status(CauseClass::InvalidMessage), StatusCode::SERVER_INTERNAL_ERROR);
    /// assert_eq!(Profile::FreeSwitch.default_status(CauseClass::InvalidMessage), StatusCode::TEMPORARILY_UNAVAILABLE);
    /// assert_eq!(Profile::Asterisk.default_status(CauseClass::NormalEvent), StatusCode::DECLINE);
    /// ```
    pub const fn default_status(self, class: CauseClass) -> StatusCode {
        match self {
            Profile::Rfc3398 => match class {
                CauseClass::NormalEvent => StatusCode::TEMPORARILY_UNAVAILABLE,
                CauseClass::ResourceUnavailable | CauseClass::ServiceOrOptionNotAvailable => {
                    StatusCode::SERVICE_UNAVAILABLE
                }
                CauseClass::ServiceOrOptionNotImplemented => StatusCode::NOT_IMPLEMENTED,
                CauseClass::InvalidMessage | CauseClass::ProtocolError | CauseClass::Interworking => {
                    StatusCode::SERVER_INTERNAL_ERROR
                }
            },
            Profile::FreeSwitch => StatusCode::TEMPORARILY_UNAVAILABLE,
            Profile::Asterisk => StatusCode::DECLINE,
        }
    }

    /// The cause this profile gives a response its table does not list.
    ///
    /// A provisional response (1xx) and a stack-local code (7xx) release
    /// nothing, so they have no cause in any profile. Otherwise:
    /// - RFC 3398 §8.2.6.1: 31 Normal, unspecified, for any rejection its
    ///   table does not list (3xx to 6xx); a 2xx is no rejection and has none.
    /// - FreeSWITCH: 31 Normal, unspecified.
    /// - Asterisk: 127 Interworking for 4xx and 6xx, 34 No circuit/channel
    ///   available for 5xx, 16 Normal call clearing for the rest.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// use sip_codes::q850::{Cause, Profile};
    /// let unlisted = StatusCode::from_u16(599)?;
    /// assert_eq!(Profile::Rfc3398.default_cause(unlisted), Some(Cause::NORMAL_UNSPECIFIED));
    /// assert_eq!(Profile::Asterisk.default_cause(unlisted), Some(Cause::NO_CIRCUIT_CHANNEL_AVAILABLE));
    /// assert_eq!(Profile::FreeSwitch.default_cause(StatusCode::RINGING), None);
    /// # Ok::<(), sip_codes::InvalidStatusCode>(())
    /// ```
    pub const fn default_cause(self, status: StatusCode) -> Option<Cause> {
        let class = status.class();
        if matches!(class, Class::Provisional | Class::StackLocal) {
            return None;
        }
        match (self, class) {
            (Profile::Rfc3398, Class::Success) => None,
            (Profile::Rfc3398 | Profile::FreeSwitch, _) => Some(Cause::NORMAL_UNSPECIFIED),
            (Profile::Asterisk, Class::RequestFailure | Class::GlobalFailure) => {
                Some(Cause::INTERWORKING_UNSPECIFIED)
            }
            (Profile::Asterisk, Class::ServerFailure) => Some(Cause::NO_CIRCUIT_CHANNEL_AVAILABLE),
            (Profile::Asterisk, _) => Some(Cause::NORMAL_CALL_CLEARING),
        }
    }

    const fn column(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// How a profile answers a cause: the response to an INVITE when the PSTN
/// side releases the call with that cause. From [`Cause::status_mapping`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
/// use sip_codes::q850::{Cause, Profile};
///
/// let changed = Cause::NUMBER_CHANGED.status_mapping(Profile::Rfc3398);
/// assert_eq!(changed.status, Some(StatusCode::GONE));
/// assert_eq!(changed.with_new_number, Some(StatusCode::MOVED_PERMANENTLY));
/// assert!(changed.listed);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CauseToStatus {
    /// The response; `None` when the profile answers with no response: RFC
    /// 3398 clears a call released with 16 by BYE or CANCEL.
    pub status: Option<StatusCode>,
    /// Whether the profile's table lists the cause; if not, `status` is the
    /// profile's default ([`Profile::default_status`]).
    pub listed: bool,
    /// The response when the cause location is the user (RFC 3398
    /// §7.2.4.1, footnote (+) to cause 21: a 6xx rather than the 4xx).
    pub at_user: Option<StatusCode>,
    /// The response when the release's diagnostic carries the new number,
    /// which then goes into a Contact (RFC 3398 §7.2.4.1, cause 22 "w/
    /// diagnostic": 301 rather than 410).
    pub with_new_number: Option<StatusCode>,
}

/// How a profile maps a response to the cause it releases the ISUP call
/// with. From [`StatusCode::cause_mapping`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::StatusCode;
/// use sip_codes::q850::{Cause, Profile};
///
/// let too_large = StatusCode::REQUEST_ENTITY_TOO_LARGE.cause_mapping(Profile::Rfc3398);
/// assert_eq!(too_large.cause, Some(Cause::INTERWORKING_UNSPECIFIED));
/// assert!(too_large.retry_first);
/// assert!(!too_large.at_user);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct StatusToCause {
    /// The cause; `None` when the profile maps the response to none (RFC
    /// 3398's 487, provisional responses).
    pub cause: Option<Cause>,
    /// Whether the profile's table lists the code; if not, `cause` is the
    /// profile's default ([`Profile::default_cause`]).
    pub listed: bool,
    /// RFC 3398 §8.2.6.1 footnote (+): a protocol error the gateway SHOULD
    /// first try to remedy, re-originating the session; only if that fails
    /// does it release the ISUP call with `cause`.
    pub retry_first: bool,
    /// RFC 3398 §8.2.6.1 footnote (*) to 401 and 407: a gateway that can
    /// authenticate itself SHOULD do so and go on; only one that cannot sends 21.
    pub unless_authenticated: bool,
    /// RFC 3398 §8.2.6.1, 488 and 606: the Warning header decides; see
    /// [`StatusCode::to_cause_with_warning`].
    pub by_warning: bool,
    /// RFC 3398 §8.2.6.1: the cause location is the user for a 6xx, a
    /// network for a 4xx or 5xx.
    pub at_user: bool,
}

/// A cell of a mapping table.
#[derive(Clone, Copy)]
enum Cell {
    /// Not listed: the profile's default.
    Default,
    /// Listed as mapping to nothing.
    Nothing,
    /// Listed with this value.
    To(u16),
}

/// The footnotes a row may carry (RFC 3398's).
#[derive(Clone, Copy)]
struct Notes {
    at_user: u16,
    new_number: u16,
    retry_first: bool,
    unless_authenticated: bool,
    by_warning: bool,
}

const NO_NOTES: Notes =
    Notes { at_user: 0, new_number: 0, retry_first: false, unless_authenticated: false, by_warning: false };

macro_rules! cell {
    (_) => {
        Cell::Default
    };
    (-) => {
        Cell::Nothing
    };
    ($value:literal) => {
        Cell::To($value)
    };
}

macro_rules! notes {
    () => {
        NO_NOTES
    };
    (clearing) => {
        NO_NOTES
    };
    (at_user $code:literal) => {
        Notes { at_user: $code, ..NO_NOTES }
    };
    (new_number $code:literal) => {
        Notes { new_number: $code, ..NO_NOTES }
    };
    (retry_first) => {
        Notes { retry_first: true, ..NO_NOTES }
    };
    (unless_authenticated) => {
        Notes { unless_authenticated: true, ..NO_NOTES }
    };
    (by_warning) => {
        Notes { by_warning: true, ..NO_NOTES }
    };
}

/// One row of a mapping table.
struct Row {
    key: u16,
    cells: [Cell; 3],
    notes: Notes,
}

macro_rules! rows {
    ($($key:literal $rfc:tt $freeswitch:tt $asterisk:tt $([$($note:tt)*])?;)*) => {
        &[$(Row {
            key: $key,
            cells: [cell!($rfc), cell!($freeswitch), cell!($asterisk)],
            notes: notes!($($($note)*)?),
        }),*]
    };
}

const CAUSE_ROWS: &[Row] = cause_to_status_rows!(rows);
const STATUS_ROWS: &[Row] = status_to_cause_rows!(rows);

/// Checks, at compile time, what keeps a table sound beyond its index: the
/// keys of the cause table are causes and its values status codes; the other
/// way round for the status table.
const fn check(rows: &[Row], keyed_by_cause: bool) {
    let mut i = 0;
    while i < rows.len() {
        assert!(valid(rows[i].key, keyed_by_cause), "a mapping row has an invalid key");
        let mut column = 0;
        while column < 3 {
            if let Cell::To(value) = rows[i].cells[column] {
                assert!(valid(value, !keyed_by_cause), "a mapping cell has an invalid value");
            }
            column += 1;
        }
        let notes = rows[i].notes;
        assert!(notes.at_user == 0 || valid(notes.at_user, false));
        assert!(notes.new_number == 0 || valid(notes.new_number, false));
        i += 1;
    }
}

const _: () = check(CAUSE_ROWS, true);
const _: () = check(STATUS_ROWS, false);

/// A cause (1 to 127), or a status code of the wire (100 to 699; 409 and
/// 411, which only RFC 2543 registered, appear in Asterisk's table).
const fn valid(value: u16, cause: bool) -> bool {
    if cause { value >= 1 && value <= Cause::MAX as u16 } else { value >= 100 && value <= 699 }
}

const CAUSE_SLOTS: [u8; 128] =
    crate::slots::index!(CAUSE_ROWS, |row| row.key, 128, "the cause mapping table");
const STATUS_SLOTS: [u8; 700] =
    crate::slots::index!(STATUS_ROWS, |row| row.key, 700, "the status mapping table");

/// Whether `warning` speaks of a bearer capability: 304 Media type not
/// available or 305 Incompatible media format (see
/// [`StatusCode::to_cause_with_warning`]).
const fn bearer_capability_warning(warning: WarnCode) -> bool {
    let code = warning.as_u16();
    code == WarnCode::MEDIA_TYPE_NOT_AVAILABLE.as_u16()
        || code == WarnCode::INCOMPATIBLE_MEDIA_FORMAT.as_u16()
}

/// The status of a cell or note; 0, an absent note, gives `None`.
const fn status_of(code: u16) -> Option<StatusCode> {
    match StatusCode::from_u16(code) {
        Ok(status) => Some(status),
        Err(_) => None,
    }
}

impl Cause {
    /// How `profile` answers this cause: the response, whether the table
    /// lists the cause, and RFC 3398's alternatives for the user location and
    /// for a new number.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// use sip_codes::q850::{Cause, Profile};
    ///
    /// let clearing = Cause::NORMAL_CALL_CLEARING.status_mapping(Profile::Rfc3398);
    /// assert_eq!((clearing.status, clearing.listed), (None, true));
    /// let clearing = Cause::NORMAL_CALL_CLEARING.status_mapping(Profile::FreeSwitch);
    /// assert_eq!((clearing.status, clearing.listed), (Some(StatusCode::TEMPORARILY_UNAVAILABLE), false));
    /// ```
    pub const fn status_mapping(self, profile: Profile) -> CauseToStatus {
        let default = Some(profile.default_status(self.class()));
        let Some(row) = crate::slots::row(CAUSE_ROWS, &CAUSE_SLOTS, self.as_u8() as usize) else {
            return CauseToStatus { status: default, listed: false, at_user: None, with_new_number: None };
        };
        let (status, listed) = match row.cells[profile.column()] {
            Cell::Default => (default, false),
            Cell::Nothing => (None, true),
            Cell::To(code) => (status_of(code), true),
        };
        // The footnotes are the RFC's, and apply to its column only.
        let rfc = matches!(profile, Profile::Rfc3398);
        CauseToStatus {
            status,
            listed,
            at_user: if rfc { status_of(row.notes.at_user) } else { None },
            with_new_number: if rfc { status_of(row.notes.new_number) } else { None },
        }
    }

    /// The response `profile` answers an INVITE with when the call is
    /// released with this cause at `location` (if known); `None` when it
    /// answers with no response (RFC 3398: cause 16 clears the call by BYE or
    /// CANCEL). Causes the profile does not list get its
    /// [default](Profile::default_status).
    ///
    /// RFC 3398's footnote to 21 applies: when the location is the user, the
    /// answer is 603 Decline rather than 403 Forbidden. For 22 with a new
    /// number in the diagnostic, see [`CauseToStatus::with_new_number`].
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// use sip_codes::q850::{Cause, Location, Profile};
    ///
    /// let rfc = Profile::Rfc3398;
    /// assert_eq!(Cause::USER_BUSY.to_status(rfc, None), Some(StatusCode::BUSY_HERE));
    /// assert_eq!(Cause::CALL_REJECTED.to_status(rfc, None), Some(StatusCode::FORBIDDEN));
    /// assert_eq!(Cause::CALL_REJECTED.to_status(rfc, Some(Location::USER)), Some(StatusCode::DECLINE));
    /// assert_eq!(Cause::NORMAL_CALL_CLEARING.to_status(rfc, None), None);
    /// // FreeSWITCH sends 480 for every cause it does not list, Asterisk 603.
    /// let invalid = Cause::INVALID_MESSAGE_UNSPECIFIED;
    /// assert_eq!(invalid.to_status(Profile::FreeSwitch, None), Some(StatusCode::TEMPORARILY_UNAVAILABLE));
    /// assert_eq!(invalid.to_status(Profile::Asterisk, None), Some(StatusCode::DECLINE));
    /// ```
    #[inline]
    pub const fn to_status(self, profile: Profile, location: Option<Location>) -> Option<StatusCode> {
        if let Some(location) = location
            && location.as_u8() == Location::USER.as_u8()
            && let Some(at_user) = self.status_mapping(profile).at_user
        {
            return Some(at_user);
        }
        STATUS_ANSWERS[self.as_u8() as usize][profile.column()]
    }
}

/// Every cause's response in every profile, computed at compile time from
/// the rows by [`Cause::status_mapping`]: what `to_status` reads.
const STATUS_ANSWERS: [[Option<StatusCode>; 3]; 128] = {
    let mut answers = [[None; 3]; 128];
    let mut value = 1;
    while value < answers.len() {
        let cause = Cause::catalogued(value as u8);
        let mut column = 0;
        while column < 3 {
            answers[value][column] = cause.status_mapping(Profile::ALL[column]).status;
            column += 1;
        }
        value += 1;
    }
    answers
};

/// Every wire code's cause in every profile, computed at compile time from
/// the rows by [`StatusCode::cause_mapping`]: what `to_cause` reads.
const CAUSE_ANSWERS: [[Option<Cause>; 3]; 700] = {
    let mut answers = [[None; 3]; 700];
    let mut code = 100;
    while code < answers.len() {
        if let Ok(status) = StatusCode::from_u16(code as u16) {
            let mut column = 0;
            while column < 3 {
                answers[code][column] = status.cause_mapping(Profile::ALL[column]).cause;
                column += 1;
            }
        }
        code += 1;
    }
    answers
};

impl StatusCode {
    /// How `profile` maps this response to a cause: the cause, whether the
    /// table lists the code, and RFC 3398's footnotes.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// use sip_codes::q850::{Cause, Profile};
    ///
    /// let unauthorized = StatusCode::UNAUTHORIZED.cause_mapping(Profile::Rfc3398);
    /// assert_eq!(unauthorized.cause, Some(Cause::CALL_REJECTED));
    /// assert!(unauthorized.unless_authenticated);
    /// let decline = StatusCode::DECLINE.cause_mapping(Profile::Rfc3398);
    /// assert!(decline.at_user && decline.listed);
    /// ```
    pub const fn cause_mapping(self, profile: Profile) -> StatusToCause {
        let default = profile.default_cause(self);
        let rfc = matches!(profile, Profile::Rfc3398);
        let at_user = rfc && self.is_global_failure();
        let unlisted = StatusToCause {
            cause: default,
            listed: false,
            retry_first: false,
            unless_authenticated: false,
            by_warning: false,
            at_user,
        };
        let Some(row) = crate::slots::row(STATUS_ROWS, &STATUS_SLOTS, self.as_u16() as usize) else {
            return unlisted;
        };
        let (cause, listed) = match row.cells[profile.column()] {
            Cell::Default => (default, false),
            Cell::Nothing => (None, true),
            Cell::To(value) => (Some(Cause::catalogued(value as u8)), true),
        };
        StatusToCause {
            cause,
            listed,
            retry_first: rfc && row.notes.retry_first,
            unless_authenticated: rfc && row.notes.unless_authenticated,
            by_warning: rfc && row.notes.by_warning,
            at_user,
        }
    }

    /// The cause `profile` releases the ISUP call with when this response
    /// ends the INVITE; `None` for no cause (RFC 3398's 487, provisional
    /// responses). Codes the profile does not list get its
    /// [default](Profile::default_cause).
    ///
    /// A Q.850 cause that the response carries itself (a `Reason: Q.850`
    /// header, RFC 6432, or an encapsulated REL, RFC 3398 §8.2.6.1) should
    /// win over this mapping; FreeSWITCH and Asterisk both let it.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::StatusCode;
    /// use sip_codes::q850::{Cause, Profile};
    ///
    /// assert_eq!(StatusCode::BUSY_HERE.to_cause(Profile::Rfc3398), Some(Cause::USER_BUSY));
    /// assert_eq!(StatusCode::REQUEST_TERMINATED.to_cause(Profile::Rfc3398), None);
    /// // The stacks disagree with the RFC on 480:
    /// assert_eq!(StatusCode::TEMPORARILY_UNAVAILABLE.to_cause(Profile::Rfc3398), Some(Cause::NO_USER_RESPONDING));
    /// assert_eq!(StatusCode::TEMPORARILY_UNAVAILABLE.to_cause(Profile::Asterisk), Some(Cause::NO_ANSWER_FROM_USER));
    /// ```
    #[inline]
    pub const fn to_cause(self, profile: Profile) -> Option<Cause> {
        let code = self.as_u16() as usize;
        if code < CAUSE_ANSWERS.len() {
            CAUSE_ANSWERS[code][profile.column()]
        } else {
            // Stack-local 7xx codes.
            self.cause_mapping(profile).cause
        }
    }

    /// Like [`to_cause`](StatusCode::to_cause), for a response that carries a
    /// Warning header with `warning`. RFC 3398 §8.2.6.1 maps 488 and 606 by
    /// their Warning: 31 Normal, unspecified by default, and 65 Bearer
    /// capability not implemented when the warning speaks of an unavailable
    /// bearer capability. The warn-codes that do are 304 "Media type not
    /// available" and 305 "Incompatible media format" (RFC 3261 §20.43): a
    /// media type or format is what an ISDN bearer capability names. Other
    /// codes, and the stacks' profiles, ignore the warning.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{StatusCode, WarnCode};
    /// use sip_codes::q850::{Cause, Profile};
    ///
    /// let here = StatusCode::NOT_ACCEPTABLE_HERE;
    /// let media = WarnCode::MEDIA_TYPE_NOT_AVAILABLE; // 304
    /// assert_eq!(here.to_cause_with_warning(Profile::Rfc3398, media), Some(Cause::BEARER_CAPABILITY_NOT_IMPLEMENTED));
    /// assert_eq!(here.to_cause_with_warning(Profile::Rfc3398, WarnCode::INSUFFICIENT_BANDWIDTH), Some(Cause::NORMAL_UNSPECIFIED));
    /// assert_eq!(here.to_cause_with_warning(Profile::FreeSwitch, media), Some(Cause::INCOMPATIBLE_DESTINATION));
    /// ```
    pub const fn to_cause_with_warning(self, profile: Profile, warning: WarnCode) -> Option<Cause> {
        let mapping = self.cause_mapping(profile);
        if mapping.by_warning && bearer_capability_warning(warning) {
            Some(Cause::BEARER_CAPABILITY_NOT_IMPLEMENTED)
        } else {
            mapping.cause
        }
    }
}
