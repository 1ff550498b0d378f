use super::{Cause, CauseClass};

/// One row of [`CAUSES`]: a cause value that ITU-T Q.850 defines.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::q850::{CauseClass, CauseEntry};
///
/// let entry = CauseEntry::by_value(34).unwrap();
/// assert_eq!(entry.text, "No circuit/channel available");
/// assert_eq!(entry.name, "NoCircuitChannelAvailable");
/// assert_eq!(entry.constant, "NO_CIRCUIT_CHANNEL_AVAILABLE");
/// assert_eq!(entry.class(), CauseClass::ResourceUnavailable);
/// assert!(entry.aliases.contains(&"Normal circuit congestion")); // Asterisk's name
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CauseEntry {
    /// The cause value, 1 to 127.
    pub value: u8,
    /// The name Q.850 gives the cause, such as `"User busy"`.
    pub text: &'static str,
    /// The CamelCase name that `q850!` and `#[sip(…, q850 = …)]` accept.
    pub name: &'static str,
    /// The name of the associated constant of [`Cause`].
    pub constant: &'static str,
    /// Other spellings met in deployed tables (Wireshark, Asterisk, FreeSWITCH).
    pub aliases: &'static [&'static str],
}

impl CauseEntry {
    /// The cause of this row.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::{Cause, CauseEntry};
    /// assert_eq!(CauseEntry::by_value(17).unwrap().cause(), Cause::USER_BUSY);
    /// ```
    #[inline]
    pub const fn cause(&self) -> Cause {
        Cause::catalogued(self.value)
    }

    /// The class of the cause.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::{CauseClass, CauseEntry};
    /// assert_eq!(CauseEntry::by_value(102).unwrap().class(), CauseClass::ProtocolError);
    /// ```
    #[inline]
    pub const fn class(&self) -> CauseClass {
        CauseClass::of(self.value)
    }

    /// The row of `value`, in constant time; `None` for a value Q.850 does
    /// not define.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::CauseEntry;
    /// assert_eq!(CauseEntry::by_value(16).unwrap().text, "Normal call clearing");
    /// assert!(CauseEntry::by_value(0).is_none());
    /// assert!(CauseEntry::by_value(54).is_none()); // not Q.850: see the catalogue's rule
    /// assert!(CauseEntry::by_value(255).is_none());
    /// ```
    #[inline]
    pub const fn by_value(value: u8) -> Option<&'static CauseEntry> {
        crate::slots::row(CAUSES, SLOTS, value as usize)
    }

    /// The row whose CamelCase name (`UserBusy`) or constant name
    /// (`USER_BUSY`) is exactly `name`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::CauseEntry;
    /// assert_eq!(CauseEntry::by_name("UserBusy").unwrap().value, 17);
    /// assert_eq!(CauseEntry::by_name("NORMAL_UNSPECIFIED").unwrap().value, 31);
    /// assert!(CauseEntry::by_name("userbusy").is_none());
    /// ```
    pub fn by_name(name: &str) -> Option<&'static CauseEntry> {
        CAUSES.iter().find(|entry| entry.name == name || entry.constant == name)
    }

    /// The row whose Q.850 name or one of whose aliases equals `text`,
    /// ignoring ASCII case: what a Reason header's `text` may say.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::CauseEntry;
    /// assert_eq!(CauseEntry::by_text("user busy").unwrap().value, 17);
    /// assert_eq!(CauseEntry::by_text("Normal unspecified").unwrap().value, 31);
    /// assert!(CauseEntry::by_text("busy").is_none());
    /// ```
    pub fn by_text(text: &str) -> Option<&'static CauseEntry> {
        CAUSES.iter().find(|entry| entry.matches_text(text))
    }

    /// The causes Q.850 defines just below and just above `value`: the
    /// nearest alternatives to a value it leaves undefined.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::CauseEntry;
    ///
    /// let (below, above) = CauseEntry::neighbours(54);
    /// assert_eq!((below.unwrap().value, above.unwrap().value), (53, 55));
    /// let (below, above) = CauseEntry::neighbours(1);
    /// assert_eq!((below.map(|entry| entry.value), above.unwrap().value), (None, 2));
    /// ```
    pub fn neighbours(value: u16) -> (Option<&'static CauseEntry>, Option<&'static CauseEntry>) {
        crate::rules::neighbours(CAUSES, |entry| entry.value.into(), 1..=Cause::MAX.into(), value)
    }

    /// Whether `text` is this row's Q.850 name or one of its aliases,
    /// ignoring ASCII case.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::q850::CauseEntry;
    /// let congestion = CauseEntry::by_value(34).unwrap();
    /// assert!(congestion.matches_text("NO CIRCUIT/CHANNEL AVAILABLE"));
    /// assert!(congestion.matches_text("normal circuit congestion"));
    /// assert!(!congestion.matches_text("congestion"));
    /// ```
    pub fn matches_text(&self, text: &str) -> bool {
        crate::rules::spells(self.text, self.aliases, text)
    }
}

/// One line listing a row's aliases, for the docs of its constant.
macro_rules! cause_aliases_doc {
    () => {
        ""
    };
    ($first:literal $(, $rest:literal)*) => {
        concat!("Also spelled: “", $first, "”" $(, ", “", $rest, "”")*, ".")
    };
}

// Expands the rows into the constants of `Cause` and the `CAUSES` table, so
// the docs of each constant come from its row.
macro_rules! expand_causes {
    ($($value:literal $constant:ident $name:ident $text:literal [$($alias:literal),* $(,)?])*) => {
        impl Cause {
            $(
                #[doc = concat!("Cause ", $value, ", “", $text, "” (ITU-T Q.850).")]
                #[doc = ""]
                #[doc = cause_aliases_doc!($($alias),*)]
                #[doc = ""]
                #[doc = "```"]
                #[doc = "# extern crate sip_codes_core as sip_codes;"]
                #[doc = concat!("let cause = sip_codes::q850::Cause::", stringify!($constant), ";")]
                #[doc = concat!("assert_eq!(cause.as_u8(), ", $value, ");")]
                #[doc = concat!("assert_eq!(cause.text(), Some(\"", $text, "\"));")]
                #[doc = "```"]
                pub const $constant: Cause = Cause::catalogued($value);
            )*
        }

        /// Every cause value ITU-T Q.850 defines, sorted by value.
        ///
        /// ```
        /// # extern crate sip_codes_core as sip_codes;
        /// use sip_codes::q850::CAUSES;
        ///
        /// assert_eq!(CAUSES.len(), 71);
        /// assert!(CAUSES.windows(2).all(|pair| pair[0].value < pair[1].value));
        /// assert_eq!(CAUSES.iter().find(|entry| entry.value == 17).unwrap().text, "User busy");
        /// ```
        pub const CAUSES: &[CauseEntry] = &[$(
            CauseEntry {
                value: $value,
                text: $text,
                name: stringify!($name),
                constant: stringify!($constant),
                aliases: &[$($alias),*],
            },
        )*];
    };
}

q850_causes!(expand_causes);

/// The index from value to row, built at compile time: `SLOTS[value]` is the
/// row's position plus one, or 0 when Q.850 does not define `value`.
const SLOTS: &[u8; 128] = &crate::slots::index!(CAUSES, |row| row.value, 128, "the Q.850 causes");
