//! One abstraction for the rows of the catalogues ([`Entry`], [`CauseEntry`],
//! [`WarnEntry`]): their number and spellings, and the two things an operator
//! or a macro asks of them, "which row do I mean?" ([`CatalogueRow::find`])
//! and "did you mean …?" ([`CatalogueRow::nearest`]).

use core::fmt;

use crate::q850::{CAUSES, CauseEntry};
use crate::rules::spells;
use crate::suggest;
use crate::{CATALOGUE, Entry, WARN_CODES, WarnEntry};

/// A row of one of the catalogues: a status code, a Q.850 cause or a
/// warn-code, with the ways to spell it.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::q850::CauseEntry;
/// use sip_codes::{CatalogueRow, Entry, Spelling};
///
/// let busy = Entry::by_code(486).unwrap();
/// assert_eq!((busy.number(), busy.name(), busy.text()), (486, "BusyHere", "Busy Here"));
/// assert_eq!(CauseEntry::nearest("UserBussy").map(|(s, row)| (s, row.number())), Some((Spelling::Name("UserBusy"), 17)));
/// ```
pub trait CatalogueRow: Sized + Sync + 'static {
    /// Every row of the catalogue, sorted by number.
    const ROWS: &'static [Self];

    /// The number: a status code, a cause value or a warn-code.
    fn number(&self) -> u16;

    /// The CamelCase name (`BusyHere`), what the macros take.
    fn name(&self) -> &'static str;

    /// The name of the associated constant (`BUSY_HERE`).
    fn constant(&self) -> &'static str;

    /// The registered text: a reason phrase, a cause's Q.850 name, a warn-text.
    fn text(&self) -> &'static str;

    /// Other spellings of the text that operators meet.
    fn aliases(&self) -> &'static [&'static str];

    /// Whether the row is what an operator means by `query`: its number in
    /// decimal, or its name, constant, text or an alias in any ASCII case.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{CatalogueRow, Entry};
    ///
    /// let decline = Entry::by_code(603).unwrap();
    /// for query in ["603", "Decline", "DECLINE", "decline", "Declined"] {
    ///     assert!(decline.answers(query), "{query}");
    /// }
    /// assert!(!decline.answers("60 3"));
    /// ```
    fn answers(&self, query: &str) -> bool {
        if !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit()) {
            // Digits past u32 name no row; leading zeros are still the number.
            return query.parse::<u32>().is_ok_and(|number| number == u32::from(self.number()));
        }
        self.name().eq_ignore_ascii_case(query)
            || self.constant().eq_ignore_ascii_case(query)
            || spells(self.text(), self.aliases(), query)
    }

    /// Every row that [`answers`](CatalogueRow::answers) `query`, in order
    /// of number: one row, or none, except for a text that two rows share
    /// ("Not Acceptable" is 406 and 606).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{CatalogueRow, Entry};
    ///
    /// let codes: Vec<u16> = <Entry as CatalogueRow>::find("not acceptable").map(|e| e.code).collect();
    /// assert_eq!(codes, [406, 606]);
    /// ```
    fn find(query: &str) -> impl Iterator<Item = &'static Self> {
        Self::ROWS.iter().filter(move |row| row.answers(query))
    }

    /// The spelling nearest to `query` among the rows' names, texts and
    /// aliases, by [`suggest::nearest`]'s rule, and its row: what "did you
    /// mean …?" names when nothing [`answers`](CatalogueRow::answers).
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::{CatalogueRow, Entry, Spelling};
    ///
    /// let (spelling, entry) = Entry::nearest("Busy Hre").unwrap();
    /// assert_eq!((spelling, entry.code), (Spelling::Text("Busy Here"), 486));
    /// assert_eq!(spelling.to_string(), "\"Busy Here\"");
    /// assert_eq!(Entry::nearest("BusyHree").unwrap().0.to_string(), "BusyHere");
    /// assert!(Entry::nearest("xyzzy").is_none());
    /// ```
    fn nearest(query: &str) -> Option<(Spelling, &'static Self)> {
        let spellings = Self::ROWS.iter().flat_map(|row| {
            let texts = core::iter::once(row.text()).chain(row.aliases().iter().copied());
            core::iter::once((row.name(), (Spelling::Name(row.name()), row)))
                .chain(texts.map(move |text| (text, (Spelling::Text(text), row))))
        });
        suggest::nearest(query, spellings).map(|(_, found)| found)
    }
}

/// How a suggestion spells a row: by its name, or by a text (the registered
/// one or an alias). [`Display`](fmt::Display) writes a text in quotes, as a
/// message cites it: `BusyHere`, `"Busy Here"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Spelling {
    /// The CamelCase name (`BusyHere`).
    Name(&'static str),
    /// The registered text or an alias (`Busy Here`).
    Text(&'static str),
}

impl Spelling {
    /// The spelling, without quotes.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// assert_eq!(sip_codes::Spelling::Text("Busy Here").as_str(), "Busy Here");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Spelling::Name(text) | Spelling::Text(text) => text,
        }
    }
}

impl fmt::Display for Spelling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Spelling::Name(name) => f.write_str(name),
            Spelling::Text(text) => write!(f, "\"{text}\""),
        }
    }
}

/// The trait for each catalogue's row, and its `find` as an inherent method
/// too (`Entry::find`, `CauseEntry::find`, `WarnEntry::find`), callable
/// without importing the trait.
macro_rules! catalogue_rows {
    ($(
        $row:ident in $rows:ident ($path:literal): number $number:ident, text $text:ident,
        aliases $aliases:expr, example $example:literal;
    )*) => {$(
        impl CatalogueRow for $row {
            const ROWS: &'static [$row] = $rows;
            fn number(&self) -> u16 {
                self.$number.into()
            }
            fn name(&self) -> &'static str {
                self.name
            }
            fn constant(&self) -> &'static str {
                self.constant
            }
            fn text(&self) -> &'static str {
                self.$text
            }
            fn aliases(&self) -> &'static [&'static str] {
                let aliases: fn(&$row) -> &'static [&'static str] = $aliases;
                aliases(self)
            }
        }

        impl $row {
            /// Every row that is what an operator means by `query`: its number
            /// in decimal, or its name, constant, text or an alias in any ASCII
            /// case (see [`CatalogueRow::answers`]). When none is,
            /// [`CatalogueRow::nearest`] says what was meant.
            ///
            /// ```
            /// # extern crate sip_codes_core as sip_codes;
            #[doc = concat!("use sip_codes::", $path, ";")]
            #[doc = concat!("let found: Vec<u16> = ", stringify!($row), "::find(\"", $example, "\").map(|row| row.", stringify!($number), ".into()).collect();")]
            /// assert_eq!(found.len(), 1);
            /// ```
            pub fn find(query: &str) -> impl Iterator<Item = &'static $row> {
                <$row as CatalogueRow>::find(query)
            }
        }
    )*};
}

catalogue_rows! {
    Entry in CATALOGUE ("Entry"): number code, text phrase,
        aliases |row| row.aliases, example "busy here";
    CauseEntry in CAUSES ("q850::CauseEntry"): number value, text text,
        aliases |row| row.aliases, example "USER_BUSY";
    // The registry gives each warn-code one text.
    WarnEntry in WARN_CODES ("WarnEntry"): number code, text text,
        aliases |_| &[], example "incompatiblemediaformat";
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::ToString;
    use std::vec::Vec;

    use super::*;

    /// Every spelling of every row finds that row, in any case, and its
    /// number finds it alone.
    fn every_spelling_finds_its_row<R: CatalogueRow + PartialEq + core::fmt::Debug>() {
        for row in R::ROWS {
            let spellings = [row.name(), row.text()].into_iter().chain(row.aliases().iter().copied());
            for spelling in spellings.chain([row.constant()]) {
                for query in
                    [spelling.to_string(), spelling.to_ascii_lowercase(), spelling.to_ascii_uppercase()]
                {
                    assert!(R::find(&query).any(|found| found == row), "{query}");
                }
            }
            // A spelling is its own nearest, or another row's that is spelled
            // the same ("Not Acceptable", 406 and 606).
            let spellings = [row.name(), row.text()].into_iter().chain(row.aliases().iter().copied());
            for spelling in spellings {
                let (nearest, found) = R::nearest(&spelling.to_ascii_uppercase()).unwrap();
                assert!(
                    nearest.as_str().eq_ignore_ascii_case(spelling) && found.answers(spelling),
                    "{spelling}"
                );
            }
            let by_number: Vec<&R> = R::find(&row.number().to_string()).collect();
            assert_eq!(by_number, [row]);
        }
        assert_eq!(R::find("").count(), 0);
        assert_eq!(R::find("99999999999999999999").count(), 0);
    }

    #[test]
    fn every_catalogue_finds_every_spelling() {
        every_spelling_finds_its_row::<Entry>();
        every_spelling_finds_its_row::<CauseEntry>();
        every_spelling_finds_its_row::<WarnEntry>();
    }
}
