//! A code, name or phrase written in a macro call, resolved to its catalogue
//! row. `sip_status!` and `#[derive(SipResponse)]` both call [`resolve`], so
//! they accept the same forms and reject the rest with the same messages.
//!
//! Every error is spanned on the offending token and names the rule and the fix.

use crate::syntax::{Error, Lit, LitInt, LitStr};
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

use sip_codes_core::__private::{WIRE_CODES, follows_name_rule, neighbours, spells};
use sip_codes_core::{CATALOGUE, Entry};

/// `486 (Busy Here)`, as messages cite a row.
pub(crate) fn cite(row: &Entry) -> String {
    format!("{} ({})", row.code, row.phrase)
}

const FORMS: &str = "a catalogued code (486), its name (BusyHere) or its registered phrase (\"Busy Here\")";

/// The row written as `tokens`, with the span of the token that named it.
pub(crate) fn resolve(tokens: TokenStream) -> Result<(&'static Entry, Span), Error> {
    let mut tokens = tokens.into_iter();
    let Some(first) = tokens.next() else {
        return Err(Error::new(Span::call_site(), format!("expected {FORMS}, found nothing")));
    };
    let rest: TokenStream = tokens.collect();
    match (&first, rest.is_empty()) {
        // What a `macro_rules!` caller passes as `$code:expr` arrives wrapped
        // in an invisible group: look inside.
        (TokenTree::Group(group), true) if group.delimiter() == Delimiter::None => resolve(group.stream()),
        (TokenTree::Group(group), true) => Err(Error::new(
            group.span(),
            format!("expected {FORMS}, found a group: remove the brackets around it"),
        )),
        (TokenTree::Punct(minus), false) if minus.as_char() == '-' => Err(Error::new(
            minus.span(),
            "SIP response codes are positive, from 100 to 699: remove the minus sign",
        )),
        (TokenTree::Ident(_), false) if rest.to_string().starts_with(':') => Err(Error::new_spanned(
            quote::quote!(#first #rest),
            format!(
                "expected {FORMS}, found a path: write the constant's name alone, \
                 such as `BusyHere`, or use the path without the macro"
            ),
        )),
        // `Busy Here`: a phrase without its quotes.
        (TokenTree::Ident(_), false)
            if rest.clone().into_iter().all(|t| matches!(t, TokenTree::Ident(_))) =>
        {
            Err(Error::new_spanned(
                quote::quote!(#first #rest),
                format!(
                    "expected one code, name or phrase: quote a phrase (\"{first} {rest}\") or write a name in one word"
                ),
            ))
        }
        (_, false) => Err(Error::new_spanned(
            rest,
            format!("expected one code, name or phrase; remove what follows `{first}`"),
        )),
        (TokenTree::Ident(ident), true) => {
            {
                // `r#BusyHere` names what `BusyHere` does.
                let name = ident.to_string();
                by_name(name.strip_prefix("r#").unwrap_or(&name), ident.span())
            }
        }
        (TokenTree::Literal(literal), true) => match Lit::new(literal.clone()) {
            Lit::Int(int) => by_number(&int),
            Lit::Str(text) => by_phrase(&text),
            Lit::Float(span) => Err(Error::new(
                span,
                "a SIP response code is an integer: write it without a fraction or exponent, such as 486",
            )),
            Lit::Other(span) => {
                Err(Error::new(span, format!("expected {FORMS}, found another kind of literal")))
            }
        },
        (TokenTree::Punct(punct), true) => {
            Err(Error::new(punct.span(), format!("expected {FORMS}, found `{punct}`")))
        }
    }
}

fn by_number(int: &LitInt) -> Result<(&'static Entry, Span), Error> {
    let span = int.span();
    let text = int.token().to_string();
    let suffix = int.suffix();
    if text.starts_with("0x") || text.starts_with("0o") || text.starts_with("0b") {
        return Err(Error::new(
            span,
            format!("write the code in decimal, such as 486; `{text}` is not a plain decimal integer"),
        ));
    }
    if !matches!(suffix, "" | "u16") {
        return Err(Error::new(
            span,
            format!("a SIP response code is a u16: drop the suffix `{suffix}` or write `u16`"),
        ));
    }
    let digits = &text[..text.len() - suffix.len()];
    if digits.contains('_') || (digits.len() > 1 && digits.starts_with('0')) {
        let plain: String = digits.chars().filter(|c| *c != '_').collect();
        return Err(Error::new(
            span,
            format!("write the code as plain decimal digits, such as {}", plain.trim_start_matches('0')),
        ));
    }
    // Decimal digits without underscores, so the only failure is overflow.
    let Ok(code) = digits.parse::<u16>() else {
        return Err(Error::new(span, format!("{digits} is out of range: {}", range_rule())));
    };
    if let Some(row) = Entry::by_code(code) {
        return Ok((row, span));
    }
    if !WIRE_CODES.contains(&code) {
        return Err(Error::new(span, format!("{code} is out of range: {}", range_rule())));
    }
    let (below, above) = neighbours(CATALOGUE, |row| row.code, code);
    let nearest = match (below, above) {
        (Some(below), Some(above)) => format!("the nearest are {} and {}", cite(below), cite(above)),
        (Some(only), None) | (None, Some(only)) => format!("the nearest is {}", cite(only)),
        (None, None) => String::from("the catalogue is empty"),
    };
    Err(Error::new(
        span,
        format!(
            "{code} is not a registered SIP response code; {nearest}. \
             For an unregistered extension code, use `StatusCode::from_u16({code})` at run time"
        ),
    ))
}

fn range_rule() -> String {
    let local: Vec<String> =
        CATALOGUE.iter().filter(|row| !WIRE_CODES.contains(&row.code)).map(cite).collect();
    format!(
        "SIP response codes run from {} to {} (RFC 3261 §7.2), besides the catalogued stack-local {}",
        WIRE_CODES.start(),
        WIRE_CODES.end(),
        local.join(", ")
    )
}

fn by_name(name: &str, span: Span) -> Result<(&'static Entry, Span), Error> {
    if let Some(row) = CATALOGUE.iter().find(|row| row.name == name) {
        return Ok((row, span));
    }
    // One spelling per code keeps call sites searchable; the constant itself
    // needs no macro.
    if let Some(row) = CATALOGUE.iter().find(|row| row.constant == name) {
        return Err(Error::new(
            span,
            format!(
                "`{name}` is the constant's name; the macros take the CamelCase name: write `{}` ({})",
                row.name, row.code
            ),
        ));
    }
    if let Some(row) =
        CATALOGUE.iter().find(|row| row.aliases.iter().any(|alias| follows_name_rule(alias, name, false)))
    {
        return Err(Error::new(
            span,
            format!("`{name}` is another spelling of {}: {}'s name is `{}`", cite(row), row.code, row.name),
        ));
    }
    let hint = match closest(name, |row| row.name) {
        Some(row) => format!("did you mean `{}` ({})?", row.name, row.code),
        None => String::from("names are the registered phrases in CamelCase, such as `BusyHere` (486)"),
    };
    Err(Error::new(span, format!("`{name}` is not the name of a catalogued SIP response code; {hint}")))
}

fn by_phrase(text: &LitStr) -> Result<(&'static Entry, Span), Error> {
    let span = text.span();
    let phrase = text.value();
    let rows: Vec<&Entry> = CATALOGUE.iter().filter(|row| row.phrase == phrase).collect();
    match rows.as_slice() {
        [row] => return Ok((row, span)),
        [] => {}
        several => {
            let names: Vec<String> =
                several.iter().map(|row| format!("`{}` ({})", row.name, row.code)).collect();
            return Err(Error::new(
                span,
                format!(
                    "\"{phrase}\" is the phrase of more than one code; write a name: {}",
                    names.join(" or ")
                ),
            ));
        }
    }
    let spelled = |row: &&Entry| spells(row.phrase, row.aliases, &phrase);
    let hint = match CATALOGUE.iter().find(spelled).or_else(|| closest(&phrase, |row| row.phrase)) {
        Some(row) => format!("did you mean \"{}\" ({})?", row.phrase, row.code),
        None => String::from("write a phrase exactly as registered, such as \"Busy Here\""),
    };
    Err(Error::new(span, format!("\"{phrase}\" is not a registered reason phrase; {hint}")))
}

/// The row whose `key` is closest to `typed`, by rustc's rule for suggestions:
/// equal ignoring case, or else within an edit distance of a third of the length.
fn closest(typed: &str, key: fn(&Entry) -> &str) -> Option<&'static Entry> {
    if let Some(row) = CATALOGUE.iter().find(|row| key(row).eq_ignore_ascii_case(typed)) {
        return Some(row);
    }
    let length = typed.chars().count();
    let limit = length.max(3) / 3;
    CATALOGUE
        .iter()
        // The distance is at least the difference in length: skip the
        // quadratic comparison where that alone rules a row out.
        .filter(|row| key(row).chars().count().abs_diff(length) <= limit)
        .map(|row| (strsim::levenshtein(typed, key(row)), row))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, row)| row)
}
