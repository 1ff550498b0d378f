use core::fmt;

use super::Cause;

/// The class of a Q.850 cause. Q.850 codes it in the cause value itself: the
/// three high bits of the seven-bit value are the class, the four low bits the
/// value within it (classes 000 and 001 are both normal events).
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::q850::{Cause, CauseClass};
///
/// assert_eq!(Cause::USER_BUSY.class(), CauseClass::NormalEvent);
/// assert_eq!(CauseClass::of(34), CauseClass::ResourceUnavailable);
/// assert_eq!(CauseClass::ProtocolError.to_string(), "Protocol error");
/// assert_eq!(CauseClass::ProtocolError.unspecified(), Cause::PROTOCOL_ERROR_UNSPECIFIED);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CauseClass {
    /// 0 to 31 (classes 000 and 001): normal events, such as user busy.
    NormalEvent,
    /// 32 to 47 (class 010): a resource, such as a circuit, is unavailable.
    ResourceUnavailable,
    /// 48 to 63 (class 011): a service or option is not available.
    ServiceOrOptionNotAvailable,
    /// 64 to 79 (class 100): a service or option is not implemented.
    ServiceOrOptionNotImplemented,
    /// 80 to 95 (class 101): an invalid message.
    InvalidMessage,
    /// 96 to 111 (class 110): a protocol error, such as an unknown message.
    ProtocolError,
    /// 112 to 127 (class 111): interworking with another network.
    Interworking,
}

impl CauseClass {
    /// Every class, in order of value.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::q850::CauseClass::ALL.len(), 7);
    /// ```
    pub const ALL: [CauseClass; 7] = [
        CauseClass::NormalEvent,
        CauseClass::ResourceUnavailable,
        CauseClass::ServiceOrOptionNotAvailable,
        CauseClass::ServiceOrOptionNotImplemented,
        CauseClass::InvalidMessage,
        CauseClass::ProtocolError,
        CauseClass::Interworking,
    ];

    /// The class of the cause value `value`, from its bits 7 to 5. Any `u8`
    /// has an answer; only its low seven bits count.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::CauseClass;
    /// assert_eq!(CauseClass::of(31), CauseClass::NormalEvent);
    /// assert_eq!(CauseClass::of(32), CauseClass::ResourceUnavailable);
    /// assert_eq!(CauseClass::of(127), CauseClass::Interworking);
    /// ```
    #[inline]
    pub const fn of(value: u8) -> CauseClass {
        match (value & 0x7f) >> 4 {
            0 | 1 => CauseClass::NormalEvent,
            2 => CauseClass::ResourceUnavailable,
            3 => CauseClass::ServiceOrOptionNotAvailable,
            4 => CauseClass::ServiceOrOptionNotImplemented,
            5 => CauseClass::InvalidMessage,
            6 => CauseClass::ProtocolError,
            _ => CauseClass::Interworking,
        }
    }

    /// The class's catch-all cause, the last value of its range: 31 "Normal,
    /// unspecified", 47, 63, 79, 95, 111 and 127 "Interworking, unspecified".
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::{Cause, CauseClass};
    /// assert_eq!(CauseClass::NormalEvent.unspecified(), Cause::NORMAL_UNSPECIFIED);
    /// assert_eq!(CauseClass::ResourceUnavailable.unspecified().as_u8(), 47);
    /// ```
    #[inline]
    pub const fn unspecified(self) -> Cause {
        Cause::catalogued(match self {
            CauseClass::NormalEvent => 31,
            CauseClass::ResourceUnavailable => 47,
            CauseClass::ServiceOrOptionNotAvailable => 63,
            CauseClass::ServiceOrOptionNotImplemented => 79,
            CauseClass::InvalidMessage => 95,
            CauseClass::ProtocolError => 111,
            CauseClass::Interworking => 127,
        })
    }

    /// The name of the class, as Q.850 heads its part of the cause table.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::CauseClass;
    /// assert_eq!(CauseClass::ServiceOrOptionNotAvailable.name(), "Service or option not available");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            CauseClass::NormalEvent => "Normal event",
            CauseClass::ResourceUnavailable => "Resource unavailable",
            CauseClass::ServiceOrOptionNotAvailable => "Service or option not available",
            CauseClass::ServiceOrOptionNotImplemented => "Service or option not implemented",
            CauseClass::InvalidMessage => "Invalid message",
            CauseClass::ProtocolError => "Protocol error",
            CauseClass::Interworking => "Interworking",
        }
    }
}

impl fmt::Display for CauseClass {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}
