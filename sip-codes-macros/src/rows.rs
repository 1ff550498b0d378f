//! The catalogue as the macros see it: the rows they validate against, built
//! by the compiler from the same file as the runtime crate's table, so nothing
//! is parsed or built when a macro runs.

/// What the macros need to know about a catalogued code.
pub(crate) struct Row {
    pub code: u16,
    pub name: &'static str,
    pub constant: &'static str,
    pub phrase: &'static str,
    pub aliases: &'static [&'static str],
    pub deprecated: bool,
}

macro_rules! present {
    () => {
        false
    };
    ($note:literal) => {
        true
    };
}

macro_rules! expand_rows {
    ($(
        $code:literal $constant:ident $name:ident $phrase:literal {
            meaning: $meaning:literal,
            rfc: $rfc:literal, section: $section:literal,
            $(deprecated: $deprecated:literal,)?
            $(non_standard: $non_standard:literal,)?
            aliases: [$($alias:literal),* $(,)?],
        }
    )*) => {
        pub(crate) static ROWS: &[Row] = &[$(
            Row {
                code: $code,
                name: stringify!($name),
                constant: stringify!($constant),
                phrase: $phrase,
                aliases: &[$($alias),*],
                deprecated: present!($($deprecated)?),
            },
        )*];
    };
}

catalogue!(expand_rows);

impl Row {
    pub(crate) fn by_code(code: u16) -> Option<&'static Row> {
        ROWS.binary_search_by_key(&code, |row| row.code).ok().map(|index| &ROWS[index])
    }

    /// `486 (Busy Here)`, as messages cite a row.
    pub(crate) fn cite(&self) -> String {
        format!("{} ({})", self.code, self.phrase)
    }
}
