use core::fmt;

use crate::{Class, StatusCode};

/// One row of the [`CATALOGUE`]: everything known about a response code.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Class, Entry};
///
/// let entry = Entry::by_code(486).unwrap();
/// assert_eq!(entry.phrase, "Busy Here");
/// assert_eq!(entry.name, "BusyHere");
/// assert_eq!(entry.constant, "BUSY_HERE");
/// assert_eq!(entry.class(), Class::RequestFailure);
/// assert_eq!(entry.reference.unwrap().to_string(), "RFC 3261 §21.4.24");
/// assert!(!entry.is_deprecated() && !entry.is_non_standard());
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Entry {
    /// The three-digit code.
    pub code: u16,
    /// The reason phrase exactly as registered.
    pub phrase: &'static str,
    /// The CamelCase name that `sip_status!` and `#[sip(…)]` accept.
    pub name: &'static str,
    /// The name of the associated constant of [`StatusCode`].
    pub constant: &'static str,
    /// What the code means, in one line.
    pub meaning: &'static str,
    /// The RFC and section that define the code, or `None` for a code that no
    /// RFC defines (701), whose [`non_standard`](Entry::non_standard) names its source.
    pub reference: Option<Reference>,
    /// Why the code is deprecated, if the IANA registry deprecates it.
    pub deprecated: Option<&'static str>,
    /// Where the code comes from, if it is not in the IANA registry.
    pub non_standard: Option<&'static str>,
    /// Other spellings of the phrase: older RFCs' names, common misspellings.
    pub aliases: &'static [&'static str],
}

/// A section of an RFC.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// let reference = sip_codes::Entry::by_code(603).unwrap().reference.unwrap();
/// assert_eq!(reference.rfc, 3261);
/// assert_eq!(reference.section, "21.6.2");
/// assert_eq!(
///     reference.url().to_string(),
///     "https://www.rfc-editor.org/rfc/rfc3261#section-21.6.2"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reference {
    /// The RFC number.
    pub rfc: u16,
    /// The section number within the RFC, such as `"21.4.24"`.
    pub section: &'static str,
}

impl Reference {
    /// The section's address at the RFC Editor, for display.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// let busy = sip_codes::Entry::by_code(486).unwrap();
    /// let url = busy.reference.unwrap().url().to_string();
    /// assert_eq!(url, "https://www.rfc-editor.org/rfc/rfc3261#section-21.4.24");
    /// ```
    pub fn url(self) -> impl fmt::Display {
        struct Url(Reference);
        impl fmt::Display for Url {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let Reference { rfc, section } = self.0;
                write!(f, "https://www.rfc-editor.org/rfc/rfc{rfc}#section-{section}")
            }
        }
        Url(self)
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RFC {} §{}", self.rfc, self.section)
    }
}

impl Entry {
    /// The status code of this row.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Entry, StatusCode};
    /// assert_eq!(Entry::by_name("Decline").unwrap().status(), StatusCode::DECLINE);
    /// ```
    #[inline]
    pub const fn status(&self) -> StatusCode {
        StatusCode::catalogued(self.code)
    }

    /// The class of the code.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{Class, Entry};
    /// assert_eq!(Entry::by_code(701).unwrap().class(), Class::StackLocal);
    /// ```
    #[inline]
    pub const fn class(&self) -> Class {
        self.status().class()
    }

    /// Whether the IANA registry deprecates the code.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::Entry::by_code(202).unwrap().is_deprecated());
    /// ```
    pub const fn is_deprecated(&self) -> bool {
        self.deprecated.is_some()
    }

    /// Whether the code is outside the IANA registry.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert!(sip_codes::Entry::by_code(701).unwrap().is_non_standard());
    /// ```
    pub const fn is_non_standard(&self) -> bool {
        self.non_standard.is_some()
    }

    /// The row of `code`, in constant time.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Entry;
    /// assert_eq!(Entry::by_code(180).unwrap().phrase, "Ringing");
    /// assert!(Entry::by_code(499).is_none());
    /// assert!(Entry::by_code(u16::MAX).is_none());
    /// ```
    #[inline]
    pub const fn by_code(code: u16) -> Option<&'static Entry> {
        crate::slots::row(CATALOGUE, SLOTS, code as usize)
    }

    /// The position of `code`'s row in [`CATALOGUE`], if it is catalogued:
    /// tables kept in the catalogue's order (the handling rows) index by it.
    #[cfg(feature = "semantics")]
    #[inline]
    pub(crate) const fn position(code: u16) -> Option<usize> {
        crate::slots::position(SLOTS, code as usize)
    }

    /// The row whose CamelCase name (`BusyHere`) or constant name (`BUSY_HERE`)
    /// is exactly `name`.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Entry;
    /// assert_eq!(Entry::by_name("BusyHere").unwrap().code, 486);
    /// assert_eq!(Entry::by_name("NOT_ACCEPTABLE_ANYWHERE").unwrap().code, 606);
    /// assert!(Entry::by_name("busyhere").is_none());
    /// ```
    pub fn by_name(name: &str) -> Option<&'static Entry> {
        super::lookup::by_name(name)
    }

    /// The row whose registered phrase or one of whose aliases equals `phrase`,
    /// ignoring ASCII case.
    ///
    /// 406 and 606 share the phrase "Not Acceptable"; the lookup returns the
    /// lower code, 406. Use [`Entry::by_name`] with `NotAcceptableAnywhere` for 606.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Entry;
    /// assert_eq!(Entry::by_phrase("busy here").unwrap().code, 486);
    /// assert_eq!(Entry::by_phrase("DECLINED").unwrap().code, 603);
    /// assert_eq!(Entry::by_phrase("Not Acceptable").unwrap().code, 406);
    /// assert!(Entry::by_phrase("Busy  Here").is_none());
    /// ```
    pub fn by_phrase(phrase: &str) -> Option<&'static Entry> {
        super::lookup::by_phrase(phrase)
    }

    /// Whether `phrase` is this row's registered phrase or one of its aliases,
    /// ignoring ASCII case.
    ///
    /// Unlike [`Entry::by_phrase`], it asks about one row, so 606 answers to
    /// "Not Acceptable" as well as 406 does.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Entry;
    /// let decline = Entry::by_code(603).unwrap();
    /// assert!(decline.matches_phrase("Decline") && decline.matches_phrase("DECLINED"));
    /// assert!(!decline.matches_phrase("Rejected"));
    /// assert!(Entry::by_code(606).unwrap().matches_phrase("not acceptable"));
    /// ```
    pub fn matches_phrase(&self, phrase: &str) -> bool {
        crate::rules::spells(self.phrase, self.aliases, phrase)
    }

    /// The registered codes of the six wire classes just below and just above
    /// `code`: the nearest alternatives to an unregistered code.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Entry;
    ///
    /// let (below, above) = Entry::neighbours(499);
    /// assert_eq!((below.unwrap().code, above.unwrap().code), (494, 500));
    /// let (below, above) = Entry::neighbours(650);
    /// assert_eq!((below.unwrap().code, above.map(|entry| entry.code)), (608, None));
    /// ```
    pub fn neighbours(code: u16) -> (Option<&'static Entry>, Option<&'static Entry>) {
        crate::rules::neighbours(CATALOGUE, |entry| entry.code, crate::rules::WIRE_CODES, code)
    }
}

macro_rules! optional {
    () => {
        None
    };
    ($value:expr) => {
        Some($value)
    };
}

/// One line listing a row's aliases, for the docs of its constant.
macro_rules! aliases_doc {
    () => {
        ""
    };
    ($first:literal $(, $rest:literal)*) => {
        concat!("Aliases: “", $first, "”" $(, ", “", $rest, "”")*, ".")
    };
}

// Expands the catalogue rows into the associated constants of `StatusCode`
// and the `CATALOGUE` table, so the docs of each constant come from its row.
macro_rules! expand_catalogue {
    ($(
        $code:literal $constant:ident $name:ident $phrase:literal {
            meaning: $meaning:literal,
            $(rfc: $rfc:literal, section: $section:literal,)?
            $(deprecated: $deprecated:literal,)?
            $(non_standard: $non_standard:literal,)?
            aliases: [$($alias:literal),* $(,)?],
        }
    )*) => {
        impl StatusCode {
            $(
                #[doc = concat!("`", $code, " ", $phrase, "`: ", $meaning)]
                #[doc = ""]
                $(#[doc = concat!(
                    "Defined by [RFC ", $rfc, " §", $section,
                    "](https://www.rfc-editor.org/rfc/rfc", $rfc, "#section-", $section, ")."
                )])?
                $(#[doc = ""] #[doc = concat!("**Not registered.** ", $non_standard)])?
                #[doc = ""]
                #[doc = aliases_doc!($($alias),*)]
                #[doc = ""]
                #[doc = "```"]
                #[doc = "# extern crate sip_codes_core as sip_codes;"]
                #[doc = concat!("let code = sip_codes::StatusCode::", stringify!($constant), ";")]
                #[doc = concat!("assert_eq!(code.as_u16(), ", $code, ");")]
                #[doc = concat!("assert_eq!(code.canonical_reason(), Some(\"", $phrase, "\"));")]
                #[doc = "```"]
                $(#[deprecated(note = $deprecated)])?
                pub const $constant: StatusCode = StatusCode::catalogued($code);
            )*
        }

        /// Every catalogued response code, sorted by code.
        ///
        /// ```
        /// # extern crate sip_codes_core as sip_codes;
        /// use sip_codes::CATALOGUE;
        ///
        /// assert!(CATALOGUE.windows(2).all(|pair| pair[0].code < pair[1].code));
        /// let busy = CATALOGUE.iter().find(|entry| entry.code == 486).unwrap();
        /// assert_eq!(busy.phrase, "Busy Here");
        /// ```
        pub const CATALOGUE: &[Entry] = &[$(
            Entry {
                code: $code,
                phrase: $phrase,
                name: stringify!($name),
                constant: stringify!($constant),
                meaning: $meaning,
                reference: optional!($(Reference { rfc: $rfc, section: $section })?),
                deprecated: optional!($($deprecated)?),
                non_standard: optional!($($non_standard)?),
                aliases: &[$($alias),*],
            },
        )*];

        /// `"486 Busy Here"` for each row, in the order of `CATALOGUE`: what
        /// `Display` writes, in one piece.
        const STATUS_TEXTS: &[&str] = &[$(concat!($code, " ", $phrase)),*];
    };
}

catalogue!(expand_catalogue);

/// One past the highest catalogued code: the size of the code index.
const INDEX_LEN: usize = 1000;

/// The index from code to row, built at compile time: `SLOTS[code]` is the
/// row's position plus one, or 0 when `code` is not catalogued. It makes
/// every lookup by code a bounds check and two loads.
const SLOTS: &[u8; INDEX_LEN] =
    &crate::slots::index!(CATALOGUE, |row| row.code, INDEX_LEN, "the status catalogue");

/// The registered phrase of every code: a copy of the rows' phrases made at
/// compile time so that `canonical_reason`, the hottest lookup, is a single
/// load, as cheap as a hand-written table.
const PHRASES: &[Option<&str>; INDEX_LEN] = &{
    let mut phrases = [None; INDEX_LEN];
    let mut i = 0;
    while i < CATALOGUE.len() {
        phrases[CATALOGUE[i].code as usize] = Some(CATALOGUE[i].phrase);
        i += 1;
    }
    phrases
};

/// The registered phrase of `code`, in constant time.
#[inline]
pub(crate) const fn phrase_of(code: u16) -> Option<&'static str> {
    let index = code as usize;
    if index >= PHRASES.len() {
        return None;
    }
    PHRASES[index]
}

/// `"486 Busy Here"` for a catalogued `code`, in constant time.
#[inline]
pub(crate) const fn status_text_of(code: u16) -> Option<&'static str> {
    match crate::slots::row(STATUS_TEXTS, SLOTS, code as usize) {
        Some(text) => Some(*text),
        None => None,
    }
}
