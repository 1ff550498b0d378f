//! A value written in a macro call, resolved to its catalogue row: a status
//! code (`486`, `BusyHere`, `"Busy Here"`) or a Q.850 cause (`17`,
//! `UserBusy`, `"User busy"`). `sip_status!`, `q850!` and
//! `#[derive(SipResponse)]` all call [`resolve`], so they accept the same
//! forms and reject the rest with the same messages, in the words of each
//! catalogue ([`Catalogue`]).
//!
//! Every error is spanned on the offending token and names the rule and the fix.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::{Error, Lit, LitInt, LitStr};

use sip_codes_core::__private::{WIRE_CODES, follows_name_rule, spells};
use sip_codes_core::q850::{Cause, CauseEntry};
use sip_codes_core::suggest::nearest;
use sip_codes_core::{CATALOGUE, CatalogueRow, Entry};

/// A catalogue the macros resolve against, and the words its messages use.
pub(crate) trait Catalogue {
    /// The core's row type, whose `ROWS` are the catalogue.
    type Row: CatalogueRow;
    /// The accepted forms, with examples.
    const FORMS: &'static str;
    /// "code" or "cause", as in "write the code in decimal".
    const NOUN: &'static str;
    /// "one code, name or phrase".
    const ONE: &'static str;
    /// "phrase", what a quoted text is called.
    const TEXT_WORD: &'static str;
    /// "a SIP response code", as in "a SIP response code is an integer".
    const A_NUMBER: &'static str;
    /// The integer type, the only suffix a literal may carry.
    const SUFFIX: &'static str;
    /// "SIP response codes are positive, from 100 to 699".
    const POSITIVE: &'static str;
    /// A row's example: number and name.
    const EXAMPLE: (u16, &'static str);
    /// "the name of a catalogued SIP response code".
    const NAME_OF: &'static str;
    /// How names are made, with an example.
    const NAMES_ARE: &'static str;
    /// "a registered reason phrase".
    const A_TEXT: &'static str;
    /// How to write a text, with an example.
    const TEXT_HINT: &'static str;
    /// Why `number`, a literal that parsed, is no value at all, if it is not.
    fn out_of_range(number: u16) -> Option<String>;
    /// The message for a number in range that no row has; `nearest` cites
    /// the neighbouring rows.
    fn not_catalogued(number: u16, nearest: &str) -> String;
    /// The rows just below and above `number`.
    fn neighbours(number: u16) -> (Option<&'static Self::Row>, Option<&'static Self::Row>);
}

/// The status codes of `sip-codes-core`'s `CATALOGUE`.
pub(crate) struct StatusCodes;

impl Catalogue for StatusCodes {
    type Row = Entry;
    const FORMS: &'static str =
        "a catalogued code (486), its name (BusyHere) or its registered phrase (\"Busy Here\")";
    const NOUN: &'static str = "code";
    const ONE: &'static str = "one code, name or phrase";
    const TEXT_WORD: &'static str = "phrase";
    const A_NUMBER: &'static str = "a SIP response code";
    const SUFFIX: &'static str = "u16";
    const POSITIVE: &'static str = "SIP response codes are positive, from 100 to 699";
    const EXAMPLE: (u16, &'static str) = (486, "BusyHere");
    const NAME_OF: &'static str = "the name of a catalogued SIP response code";
    const NAMES_ARE: &'static str = "names are the registered phrases in CamelCase, such as `BusyHere` (486)";
    const A_TEXT: &'static str = "a registered reason phrase";
    const TEXT_HINT: &'static str = "write a phrase exactly as registered, such as \"Busy Here\"";

    fn out_of_range(code: u16) -> Option<String> {
        (Entry::by_code(code).is_none() && !WIRE_CODES.contains(&code)).then(|| {
            let local: Vec<String> =
                CATALOGUE.iter().filter(|row| !WIRE_CODES.contains(&row.code)).map(cite).collect();
            format!(
                "SIP response codes run from {} to {} (RFC 3261 §7.2), besides the catalogued stack-local {}",
                WIRE_CODES.start(),
                WIRE_CODES.end(),
                local.join(", ")
            )
        })
    }

    fn not_catalogued(code: u16, nearest: &str) -> String {
        format!(
            "{code} is not a registered SIP response code; {nearest}. \
             For an unregistered extension code, use `StatusCode::from_u16({code})` at run time"
        )
    }

    fn neighbours(code: u16) -> (Option<&'static Entry>, Option<&'static Entry>) {
        Entry::neighbours(code)
    }
}

/// The Q.850 causes of `sip-codes-core`'s `q850::CAUSES`.
pub(crate) struct Causes;

impl Catalogue for Causes {
    type Row = CauseEntry;
    const FORMS: &'static str =
        "a Q.850 cause value (17), its name (UserBusy) or its Q.850 name (\"User busy\")";
    const NOUN: &'static str = "cause";
    const ONE: &'static str = "one cause value, name or Q.850 name";
    const TEXT_WORD: &'static str = "Q.850 name";
    const A_NUMBER: &'static str = "a Q.850 cause value";
    const SUFFIX: &'static str = "u8";
    const POSITIVE: &'static str = "Q.850 cause values are positive, from 1 to 127";
    const EXAMPLE: (u16, &'static str) = (17, "UserBusy");
    const NAME_OF: &'static str = "the name of a Q.850 cause";
    const NAMES_ARE: &'static str =
        "names are the Q.850 names in CamelCase without their bracketed asides, such as `UserBusy` (17)";
    const A_TEXT: &'static str = "the Q.850 name of a cause";
    const TEXT_HINT: &'static str = "write the name exactly as Q.850 does, such as \"User busy\"";

    fn out_of_range(value: u16) -> Option<String> {
        (value == 0 || value > u16::from(Cause::MAX))
            .then(|| format!("Q.850 cause values run from 1 to {} (a seven-bit field)", Cause::MAX))
    }

    fn not_catalogued(value: u16, nearest: &str) -> String {
        format!(
            "{value} is not a cause value that ITU-T Q.850 defines; {nearest}. \
             For a value of another table (national, ANSI or older Q.931), use `Cause::from_u8({value})` at run time"
        )
    }

    fn neighbours(value: u16) -> (Option<&'static CauseEntry>, Option<&'static CauseEntry>) {
        CauseEntry::neighbours(value)
    }
}

/// `486 (Busy Here)` or `17 (User busy)`, as messages cite a row.
pub(crate) fn cite(row: &impl CatalogueRow) -> String {
    format!("{} ({})", row.number(), row.text())
}

/// The row of `C` written as `tokens`, with the span of the token that named it.
pub(crate) fn resolve<C: Catalogue>(tokens: TokenStream) -> Result<(&'static C::Row, Span), Error> {
    let forms = C::FORMS;
    let mut tokens = tokens.into_iter();
    let Some(first) = tokens.next() else {
        return Err(Error::new(Span::call_site(), format!("expected {forms}, found nothing")));
    };
    let rest: TokenStream = tokens.collect();
    match (&first, rest.is_empty()) {
        // What a `macro_rules!` caller passes as `$code:expr` arrives wrapped
        // in an invisible group: look inside.
        (TokenTree::Group(group), true) if group.delimiter() == Delimiter::None => {
            resolve::<C>(group.stream())
        }
        (TokenTree::Group(group), true) => Err(Error::new(
            group.span(),
            format!("expected {forms}, found a group: remove the brackets around it"),
        )),
        (TokenTree::Punct(minus), false) if minus.as_char() == '-' => {
            Err(Error::new(minus.span(), format!("{}: remove the minus sign", C::POSITIVE)))
        }
        (TokenTree::Ident(_), false) if rest.to_string().starts_with(':') => Err(Error::new_spanned(
            quote::quote!(#first #rest),
            format!(
                "expected {forms}, found a path: write the constant's name alone, \
                 such as `{}`, or use the path without the macro",
                C::EXAMPLE.1
            ),
        )),
        // `Busy Here`: a phrase without its quotes.
        (TokenTree::Ident(_), false)
            if rest.clone().into_iter().all(|t| matches!(t, TokenTree::Ident(_))) =>
        {
            Err(Error::new_spanned(
                quote::quote!(#first #rest),
                format!(
                    "expected {}: quote a {} (\"{first} {rest}\") or write a name in one word",
                    C::ONE,
                    C::TEXT_WORD
                ),
            ))
        }
        (_, false) => {
            Err(Error::new_spanned(rest, format!("expected {}; remove what follows `{first}`", C::ONE)))
        }
        (TokenTree::Ident(ident), true) => {
            // `r#UserBusy` names what `UserBusy` does.
            by_name::<C>(&syn::ext::IdentExt::unraw(ident).to_string(), ident.span())
        }
        // syn tells the kinds of literal apart as rustc does (`486.` and
        // `1e3` are floats); an unrecognised literal is `Verbatim`, not a panic.
        (TokenTree::Literal(literal), true) => match Lit::new(literal.clone()) {
            Lit::Int(int) => by_number::<C>(&int),
            // A suffix on a string (`"Busy Here"x`) makes it another literal.
            Lit::Str(text) if text.suffix().is_empty() => by_text::<C>(&text),
            Lit::Float(float) => Err(Error::new(
                float.span(),
                format!(
                    "{} is an integer: write it without a fraction or exponent, such as {}",
                    C::A_NUMBER,
                    C::EXAMPLE.0
                ),
            )),
            other => {
                Err(Error::new(other.span(), format!("expected {forms}, found another kind of literal")))
            }
        },
        (TokenTree::Punct(punct), true) => {
            Err(Error::new(punct.span(), format!("expected {forms}, found `{punct}`")))
        }
    }
}

fn by_number<C: Catalogue>(int: &LitInt) -> Result<(&'static C::Row, Span), Error> {
    // `base10_parse` would read `0x1E6`, `486u8` and `4_8_6` all as 486: the
    // base, the suffix and the digits are checked on the literal as written.
    let span = int.span();
    let text = int.token().to_string();
    let suffix = int.suffix();
    let (noun, example) = (C::NOUN, C::EXAMPLE.0);
    if text.starts_with("0x") || text.starts_with("0o") || text.starts_with("0b") {
        return Err(Error::new(
            span,
            format!(
                "write the {noun} in decimal, such as {example}; `{text}` is not a plain decimal integer"
            ),
        ));
    }
    if !(suffix.is_empty() || suffix == C::SUFFIX) {
        return Err(Error::new(
            span,
            format!("{} is a {1}: drop the suffix `{suffix}` or write `{1}`", C::A_NUMBER, C::SUFFIX),
        ));
    }
    let digits = &text[..text.len() - suffix.len()];
    if digits.contains('_') || (digits.len() > 1 && digits.starts_with('0')) {
        let plain: String = digits.chars().filter(|c| *c != '_').collect();
        let plain = plain.trim_start_matches('0');
        return Err(Error::new(
            span,
            format!(
                "write the {noun} as plain decimal digits, such as {}",
                if plain.is_empty() { "0" } else { plain }
            ),
        ));
    }
    // Decimal digits without underscores, so the only failure is overflow.
    let Ok(number) = digits.parse::<u16>() else {
        let rule = C::out_of_range(u16::MAX).unwrap_or_default();
        return Err(Error::new(span, format!("{digits} is out of range: {rule}")));
    };
    if let Some(row) = C::Row::ROWS.iter().find(|row| row.number() == number) {
        return Ok((row, span));
    }
    if let Some(rule) = C::out_of_range(number) {
        return Err(Error::new(span, format!("{number} is out of range: {rule}")));
    }
    let nearest = match C::neighbours(number) {
        (Some(below), Some(above)) => format!("the nearest are {} and {}", cite(below), cite(above)),
        (Some(only), None) | (None, Some(only)) => format!("the nearest is {}", cite(only)),
        (None, None) => String::from("the catalogue is empty"),
    };
    Err(Error::new(span, C::not_catalogued(number, &nearest)))
}

fn by_name<C: Catalogue>(name: &str, span: Span) -> Result<(&'static C::Row, Span), Error> {
    if let Some(row) = C::Row::ROWS.iter().find(|row| row.name() == name) {
        return Ok((row, span));
    }
    // One spelling per value keeps call sites searchable; the constant itself
    // needs no macro.
    if let Some(row) = C::Row::ROWS.iter().find(|row| row.constant() == name) {
        return Err(Error::new(
            span,
            format!(
                "`{name}` is the constant's name; the macros take the CamelCase name: write `{}` ({})",
                row.name(),
                row.number()
            ),
        ));
    }
    if let Some(row) = C::Row::ROWS
        .iter()
        .find(|row| row.aliases().iter().any(|alias| follows_name_rule(alias, name, false)))
    {
        return Err(Error::new(
            span,
            format!(
                "`{name}` is another spelling of {}: {}'s name is `{}`",
                cite(row),
                row.number(),
                row.name()
            ),
        ));
    }
    let hint = match closest::<C>(name, |row| row.name()) {
        Some(row) => format!("did you mean `{}` ({})?", row.name(), row.number()),
        None => String::from(C::NAMES_ARE),
    };
    Err(Error::new(span, format!("`{name}` is not {}; {hint}", C::NAME_OF)))
}

fn by_text<C: Catalogue>(literal: &LitStr) -> Result<(&'static C::Row, Span), Error> {
    let span = literal.span();
    let text = literal.value();
    let rows: Vec<&C::Row> = C::Row::ROWS.iter().filter(|row| row.text() == text).collect();
    match rows.as_slice() {
        [row] => return Ok((row, span)),
        [] => {}
        several => {
            let names: Vec<String> =
                several.iter().map(|row| format!("`{}` ({})", row.name(), row.number())).collect();
            return Err(Error::new(
                span,
                format!(
                    "\"{text}\" is the phrase of more than one {}; write a name: {}",
                    C::NOUN,
                    names.join(" or ")
                ),
            ));
        }
    }
    let spelled = |row: &&C::Row| spells(row.text(), row.aliases(), &text);
    let hint = match C::Row::ROWS.iter().find(spelled).or_else(|| closest::<C>(&text, |row| row.text())) {
        Some(row) => format!("did you mean \"{}\" ({})?", row.text(), row.number()),
        None => String::from(C::TEXT_HINT),
    };
    Err(Error::new(span, format!("\"{text}\" is not {}; {hint}", C::A_TEXT)))
}

/// The row whose `key` is nearest to `typed`, by the core's one rule for
/// suggestions ([`nearest`]: rustc's).
fn closest<C: Catalogue>(typed: &str, key: fn(&C::Row) -> &str) -> Option<&'static C::Row> {
    nearest(typed, C::Row::ROWS.iter().map(|row| (key(row), row))).map(|(_, row)| row)
}
