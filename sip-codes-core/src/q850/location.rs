use core::fmt;
use core::str::FromStr;

/// Where in the network a Q.850 cause arose: the four-bit location field of
/// the cause (ITU-T Q.850), which a Reason header carries as `location=`
/// (RFC 8606 §4).
///
/// Every value 0 to 15 is a location; RFC 8606 gives each a token, spare and
/// national values included (`LOC-6`), so any location received can be sent on.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::q850::Location;
///
/// let location: Location = "LN".parse()?;
/// assert_eq!(location, Location::LOCAL_PUBLIC_NETWORK);
/// assert_eq!(location.as_u8(), 2);
/// assert_eq!(location.meaning(), "public network serving the local user");
/// assert_eq!(Location::from_u8(6)?.token(), "LOC-6");
/// assert_eq!(Location::USER.to_string(), "U");
/// # Ok::<(), sip_codes::q850::InvalidLocation>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location(u8);

// One row a location value: value, constant, RFC 8606 token, Q.850 meaning.
// Read from RFC 8606 §4 (isup-location-value) and the Q.850 location table as
// the Wireshark and Kamailio tables copy it (`sip-codes-testdata/data/q850-locations.tsv`).
macro_rules! locations {
    ($($value:literal $($constant:ident)? $token:literal $meaning:literal;)*) => {
        impl Location {
            $($(
                #[doc = concat!("Location ", $value, ", ", $meaning, ": `location=", $token, "`.")]
                #[doc = ""]
                #[doc = "```"]
                #[doc = "# extern crate sip_codes_core as sip_codes;"]
                #[doc = concat!("let location = sip_codes::q850::Location::", stringify!($constant), ";")]
                #[doc = concat!("assert_eq!(location.token(), \"", $token, "\");")]
                #[doc = "```"]
                pub const $constant: Location = Location($value);
            )?)*
        }

        /// RFC 8606's token of each value, indexed by value.
        const TOKENS: [&str; 16] = [$($token),*];
        /// Q.850's meaning of each value, indexed by value.
        const MEANINGS: [&str; 16] = [$($meaning),*];
    };
}

locations! {
    0 USER "U" "user";
    1 LOCAL_PRIVATE_NETWORK "LPN" "private network serving the local user";
    2 LOCAL_PUBLIC_NETWORK "LN" "public network serving the local user";
    3 TRANSIT_NETWORK "TN" "transit network";
    4 REMOTE_PUBLIC_NETWORK "RLN" "public network serving the remote user";
    5 REMOTE_PRIVATE_NETWORK "RPN" "private network serving the remote user";
    6 "LOC-6" "spare";
    7 INTERNATIONAL_NETWORK "INTL" "international network";
    8 "LOC-8" "spare";
    9 "LOC-9" "spare";
    10 BEYOND_INTERWORKING_POINT "BI" "network beyond interworking point";
    11 "LOC-11" "spare";
    12 "LOC-12" "reserved for national use";
    13 "LOC-13" "reserved for national use";
    14 "LOC-14" "reserved for national use";
    15 "LOC-15" "reserved for national use";
}

impl Location {
    /// The location `value`, if it is from 0 to 15 (four bits).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Location;
    /// assert_eq!(Location::from_u8(0)?, Location::USER);
    /// assert!(Location::from_u8(16).is_err());
    /// # Ok::<(), sip_codes::q850::InvalidLocation>(())
    /// ```
    #[inline]
    pub const fn from_u8(value: u8) -> Result<Location, InvalidLocation> {
        if value < 16 { Ok(Location(value)) } else { Err(InvalidLocation { value: Some(value) }) }
    }

    /// The location named by an RFC 8606 token such as `"LN"` or `"LOC-12"`.
    /// ABNF strings ignore case (RFC 5234 §2.3), so `"ln"` is `LN` too.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Location;
    /// assert_eq!(Location::from_token("BI")?, Location::BEYOND_INTERWORKING_POINT);
    /// assert_eq!(Location::from_token("intl")?, Location::INTERNATIONAL_NETWORK);
    /// assert_eq!(Location::from_token("LOC-12")?.as_u8(), 12);
    /// assert!(Location::from_token("LOC-2").is_err()); // 2 has its own token, LN
    /// assert!(Location::from_token("X").is_err());
    /// # Ok::<(), sip_codes::q850::InvalidLocation>(())
    /// ```
    pub fn from_token(token: &str) -> Result<Location, InvalidLocation> {
        match TOKENS.iter().position(|known| known.eq_ignore_ascii_case(token)) {
            Some(value) => Ok(Location(value as u8)),
            None => Err(InvalidLocation { value: None }),
        }
    }

    /// The location as a number, 0 to 15.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::q850::Location::BEYOND_INTERWORKING_POINT.as_u8(), 10);
    /// ```
    #[inline]
    pub const fn as_u8(self) -> u8 {
        self.0
    }

    /// The RFC 8606 token, as written after `location=`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Location;
    /// assert_eq!(Location::REMOTE_PUBLIC_NETWORK.token(), "RLN");
    /// ```
    #[inline]
    pub const fn token(self) -> &'static str {
        TOKENS[self.0 as usize]
    }

    /// What the value means in Q.850, such as `"transit network"`, or
    /// `"spare"` and `"reserved for national use"`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Location;
    /// assert_eq!(Location::TRANSIT_NETWORK.meaning(), "transit network");
    /// ```
    #[inline]
    pub const fn meaning(self) -> &'static str {
        MEANINGS[self.0 as usize]
    }

    /// Whether Q.850 assigns the value (not spare, not national).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Location;
    /// assert!(Location::USER.is_assigned());
    /// assert!(!Location::from_u8(13)?.is_assigned());
    /// # Ok::<(), sip_codes::q850::InvalidLocation>(())
    /// ```
    #[inline]
    pub const fn is_assigned(self) -> bool {
        // RFC 8606 writes the spare and national values `LOC-n`.
        !matches!(TOKENS[self.0 as usize].as_bytes(), [b'L', b'O', b'C', b'-', ..])
    }
}

/// The RFC 8606 token, such as `LN`.
impl fmt::Display for Location {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.token())
    }
}

/// `Location(2 LN)`.
impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Location({} {})", self.0, self.token())
    }
}

/// Parses an RFC 8606 token; see [`Location::from_token`].
impl FromStr for Location {
    type Err = InvalidLocation;

    fn from_str(token: &str) -> Result<Location, InvalidLocation> {
        Location::from_token(token)
    }
}

impl TryFrom<u8> for Location {
    type Error = InvalidLocation;

    #[inline]
    fn try_from(value: u8) -> Result<Location, InvalidLocation> {
        Location::from_u8(value)
    }
}

impl From<Location> for u8 {
    #[inline]
    fn from(location: Location) -> u8 {
        location.as_u8()
    }
}

/// The error of [`Location::from_u8`] and [`Location::from_token`].
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::q850::Location;
/// let err = Location::from_u8(16).unwrap_err();
/// assert_eq!(err.value(), Some(16));
/// assert!(err.to_string().contains("0 to 15"));
/// assert!(Location::from_token("Z").unwrap_err().to_string().contains("LOC-6"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidLocation {
    value: Option<u8>,
}

impl InvalidLocation {
    /// The rejected number, when the input was a number (not a token).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::Location;
    /// assert_eq!(Location::from_token("U2").unwrap_err().value(), None);
    /// ```
    pub const fn value(&self) -> Option<u8> {
        self.value
    }
}

impl fmt::Display for InvalidLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value {
            Some(value) => {
                write!(f, "{value} is not a Q.850 location: locations are four bits, 0 to 15")
            }
            None => {
                f.write_str("not an RFC 8606 location token: write one of ")?;
                for (i, token) in TOKENS.iter().enumerate() {
                    f.write_str(if i == 0 { "" } else { ", " })?;
                    f.write_str(token)?;
                }
                f.write_str(" (RFC 8606 §4)")
            }
        }
    }
}

impl core::error::Error for InvalidLocation {}
