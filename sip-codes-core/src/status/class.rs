use core::fmt;

/// The class of a response, given by the first digit of its code (RFC 3261 §7.2).
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Class, StatusCode};
///
/// assert_eq!(StatusCode::RINGING.class(), Class::Provisional);
/// assert_eq!(StatusCode::DECLINE.class(), Class::GlobalFailure);
/// assert_eq!(Class::RequestFailure.to_string(), "Request Failure");
/// assert_eq!(Class::from_first_digit(5), Some(Class::ServerFailure));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// 1xx: the request was received and is being processed; not final.
    Provisional,
    /// 2xx: the request succeeded.
    Success,
    /// 3xx: the request should be tried elsewhere.
    Redirection,
    /// 4xx: the request is at fault for this server; another may succeed.
    RequestFailure,
    /// 5xx: the server failed to fulfil an apparently valid request.
    ServerFailure,
    /// 6xx: the request cannot succeed at any server.
    GlobalFailure,
    /// 7xx: codes some stacks use internally; never sent on the wire.
    StackLocal,
}

impl Class {
    /// Every class, in order of its first digit.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::Class::ALL.len(), 7);
    /// ```
    pub const ALL: [Class; 7] = [
        Class::Provisional,
        Class::Success,
        Class::Redirection,
        Class::RequestFailure,
        Class::ServerFailure,
        Class::GlobalFailure,
        Class::StackLocal,
    ];

    /// The class of codes starting with `digit`, if there is one.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Class;
    /// assert_eq!(Class::from_first_digit(7), Some(Class::StackLocal));
    /// assert_eq!(Class::from_first_digit(9), None);
    /// ```
    #[inline]
    pub const fn from_first_digit(digit: u8) -> Option<Class> {
        match digit {
            1 => Some(Class::Provisional),
            2 => Some(Class::Success),
            3 => Some(Class::Redirection),
            4 => Some(Class::RequestFailure),
            5 => Some(Class::ServerFailure),
            6 => Some(Class::GlobalFailure),
            7 => Some(Class::StackLocal),
            _ => None,
        }
    }

    /// The first digit of the codes in this class.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::Class::RequestFailure.first_digit(), 4);
    /// ```
    #[inline]
    pub const fn first_digit(self) -> u8 {
        self as u8 + 1
    }

    /// Whether a response of this class ends its transaction (2xx to 6xx).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Class;
    /// assert!(Class::Success.is_final());
    /// assert!(!Class::Provisional.is_final());
    /// assert!(!Class::StackLocal.is_final());
    /// ```
    #[inline]
    pub const fn is_final(self) -> bool {
        !matches!(self, Class::Provisional | Class::StackLocal)
    }

    /// The name of the class, as in RFC 3261 §21.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::Class::GlobalFailure.name(), "Global Failure");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Class::Provisional => "Provisional",
            Class::Success => "Success",
            Class::Redirection => "Redirection",
            Class::RequestFailure => "Request Failure",
            Class::ServerFailure => "Server Failure",
            Class::GlobalFailure => "Global Failure",
            Class::StackLocal => "Stack Local",
        }
    }
}

impl fmt::Display for Class {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
