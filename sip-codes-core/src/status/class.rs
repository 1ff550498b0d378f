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

/// A class as an operator writes it: `4xx` (either case), or its name in
/// kebab case (`request-failure`) or as [`Display`](fmt::Display) writes it
/// (`Request Failure`), in any ASCII case.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Class;
///
/// assert_eq!("4xx".parse(), Ok(Class::RequestFailure));
/// assert_eq!("6XX".parse(), Ok(Class::GlobalFailure));
/// assert_eq!("request-failure".parse(), Ok(Class::RequestFailure));
/// assert_eq!("Stack Local".parse(), Ok(Class::StackLocal));
/// assert_eq!(
///     "8xx".parse::<Class>().unwrap_err().to_string(),
///     "8xx is not a class of SIP response codes: RFC 3261 §7.2 defines 1xx to 6xx, and some \
///      stacks report 7xx locally; try 4xx"
/// );
/// assert!("4x".parse::<Class>().is_err());
/// ```
impl core::str::FromStr for Class {
    type Err = InvalidClass;

    fn from_str(text: &str) -> Result<Class, InvalidClass> {
        if let [digit @ b'0'..=b'9', x1, x2] = text.as_bytes()
            && x1.eq_ignore_ascii_case(&b'x')
            && x2.eq_ignore_ascii_case(&b'x')
        {
            return Class::from_first_digit(digit - b'0').ok_or(InvalidClass { digit: Some(digit - b'0') });
        }
        let spells = |class: &&Class| {
            let name = class.name().as_bytes();
            name.len() == text.len()
                && name
                    .iter()
                    .zip(text.as_bytes())
                    .all(|(n, t)| n.eq_ignore_ascii_case(t) || (*n == b' ' && *t == b'-'))
        };
        Class::ALL.iter().find(spells).copied().ok_or(InvalidClass { digit: None })
    }
}

/// The error of parsing a [`Class`]: a digit with no class (`8xx`), or a
/// text that is no class at all.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// let error = "failure".parse::<sip_codes::Class>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "expected a class from 1xx to 7xx, or one of provisional, success, redirection, \
///      request-failure, server-failure, global-failure, stack-local"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidClass {
    /// The first digit of `Nxx`, when the text had that shape.
    digit: Option<u8>,
}

impl InvalidClass {
    /// The digit of a text shaped `Nxx` whose `N` starts no class (`8` for
    /// `8xx`), or `None` for a text of any other shape: what tells a class
    /// written wrong from a text that was never meant as one.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Class;
    ///
    /// assert_eq!("9XX".parse::<Class>().unwrap_err().digit(), Some(9));
    /// assert_eq!("BusyHere".parse::<Class>().unwrap_err().digit(), None);
    /// ```
    pub const fn digit(&self) -> Option<u8> {
        self.digit
    }
}

impl fmt::Display for InvalidClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(digit) = self.digit {
            return write!(
                f,
                "{digit}xx is not a class of SIP response codes: RFC 3261 §7.2 defines 1xx to 6xx, \
                 and some stacks report 7xx locally; try 4xx"
            );
        }
        f.write_str("expected a class from 1xx to 7xx, or one of ")?;
        for (i, class) in Class::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            for c in class.name().chars() {
                let c = if c == ' ' { '-' } else { c.to_ascii_lowercase() };
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}

impl core::error::Error for InvalidClass {}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::format;
    use std::string::ToString;

    use super::Class;

    /// Every class parses back from its name and from `Nxx`; every other
    /// digit is refused as no class.
    #[test]
    fn every_class_parses_from_what_names_it() {
        for class in Class::ALL {
            let name = class.to_string();
            for text in [name.clone(), name.to_ascii_uppercase(), name.replace(' ', "-").to_ascii_lowercase()]
            {
                assert_eq!(text.parse(), Ok(class), "{text}");
            }
            assert_eq!(format!("{}xx", class.first_digit()).parse(), Ok(class));
            assert_eq!(format!("{}XX", class.first_digit()).parse(), Ok(class));
        }
        for digit in [0, 8, 9] {
            let error = format!("{digit}xx").parse::<Class>().unwrap_err();
            assert!(error.to_string().starts_with(&format!("{digit}xx is not a class")), "{error}");
        }
        for text in ["", "4", "4x", "4xxx", "x4x", "request_failure", "requestfailure", " success"] {
            assert!(text.parse::<Class>().is_err(), "{text:?}");
        }
    }
}
