//! Parsing `#[sip(…)]`: a code and keys, separated by commas.
//!
//! `parse_nested_meta` cannot read a leading number (`#[sip(486, …)]`), so the
//! attribute is split at its top-level commas by hand and each piece is read
//! on its own: the code by the same resolver as `sip_status!`.

use crate::syntax::{Attribute, Error, LitStr, is_path};
use proc_macro2::{Span, TokenStream, TokenTree};

use crate::code::{self, Causes, StatusCodes};
use sip_codes_core::Entry;
use sip_codes_core::q850::CauseEntry;

/// One `#[sip(…)]` attribute, with the span of each part for messages.
pub(crate) struct Attr<'a> {
    /// The whole attribute, to point errors at.
    pub attribute: &'a Attribute,
    pub code: Option<(&'static Entry, Span)>,
    pub transparent: Option<Span>,
    pub reason: Option<LitStr>,
    /// `q850 = UserBusy`: the cause, resolved like `q850!`'s argument.
    pub q850: Option<(&'static CauseEntry, Span)>,
    /// The path of `crate = path`.
    pub krate: Option<TokenStream>,
}

/// The `#[sip]` attribute among `attrs`, if there is one; a second one is an error.
pub(crate) fn parse(attrs: &[Attribute]) -> Result<Option<Attr<'_>>, Error> {
    let mut sip = attrs.iter().filter(|attr| attr.is("sip"));
    let Some(first) = sip.next() else { return Ok(None) };
    if let Some(second) = sip.next() {
        return Err(Error::new_spanned(
            second,
            "a second #[sip] attribute: give each item one, with everything in it, \
             such as #[sip(503, reason = \"Overloaded\")]",
        ));
    }
    parse_one(first).map(Some)
}

fn parse_one(attr: &Attribute) -> Result<Attr<'_>, Error> {
    let Some(list) = attr.list() else {
        return Err(Error::new_spanned(attr, "#[sip] needs a code, such as #[sip(486)] or #[sip(BusyHere)]"));
    };
    if list.is_empty() {
        return Err(Error::new_spanned(attr, "#[sip()] is empty: give a code, such as #[sip(486)]"));
    }
    let mut parsed =
        Attr { attribute: attr, code: None, transparent: None, reason: None, q850: None, krate: None };
    for piece in split_at_commas(list) {
        if piece.is_empty() {
            return Err(Error::new_spanned(attr, "#[sip(…)] has an empty argument: remove the extra comma"));
        }
        let mut tokens = piece.clone().into_iter();
        let (first, second) = (tokens.next(), tokens.next());
        match (&first, &second) {
            (Some(TokenTree::Ident(key)), Some(TokenTree::Punct(eq))) if eq.as_char() == '=' => {
                let value: TokenStream = tokens.collect();
                match key.to_string().as_str() {
                    "reason" if parsed.reason.is_none() => {
                        let message = "`reason` takes a string literal, such as reason = \"Overloaded\"";
                        parsed.reason =
                            Some(LitStr::parse(&value).ok_or_else(|| spanned(&value, key, message))?);
                    }
                    "crate" if parsed.krate.is_none() => {
                        let message = "`crate` takes the path of sip-codes, such as crate = my_sip_codes";
                        if !is_path(&value) {
                            return Err(spanned(&value, key, message));
                        }
                        parsed.krate = Some(value);
                    }
                    "q850" if parsed.q850.is_none() => {
                        if value.is_empty() {
                            let message = "`q850` takes a Q.850 cause, such as q850 = UserBusy or q850 = 17";
                            return Err(Error::new(key.span(), message));
                        }
                        parsed.q850 = Some(code::resolve::<Causes>(value)?);
                    }
                    "reason" | "crate" | "q850" => {
                        return Err(Error::new(key.span(), format!("`{key}` is given twice: keep one")));
                    }
                    _ => {
                        return Err(Error::new(
                            key.span(),
                            format!(
                                "unknown key `{key}` in #[sip(…)]: the keys are `reason`, `q850` and `crate`"
                            ),
                        ));
                    }
                }
            }
            (Some(TokenTree::Ident(key)), None) if key == "reason" || key == "crate" || key == "q850" => {
                let example = match key.to_string().as_str() {
                    "reason" => "reason = \"Overloaded\"",
                    "q850" => "q850 = UserBusy",
                    _ => "crate = my_sip_codes",
                };
                return Err(Error::new(key.span(), format!("`{key}` needs a value, such as {example}")));
            }
            (Some(TokenTree::Ident(word)), None) if word == "transparent" => {
                if parsed.transparent.replace(word.span()).is_some() {
                    return Err(Error::new(word.span(), "`transparent` is given twice: keep one"));
                }
            }
            _ if parsed.code.is_some() => {
                return Err(Error::new_spanned(piece, "a second code: #[sip(…)] takes one code"));
            }
            _ => parsed.code = Some(code::resolve::<StatusCodes>(piece)?),
        }
    }
    Ok(parsed)
}

fn split_at_commas(tokens: TokenStream) -> Vec<TokenStream> {
    let mut pieces = Vec::new();
    let mut current = TokenStream::new();
    for token in tokens {
        match &token {
            TokenTree::Punct(comma) if comma.as_char() == ',' => pieces.push(std::mem::take(&mut current)),
            _ => current.extend([token]),
        }
    }
    // A trailing comma leaves nothing after it.
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// An error on `value`, or on its `key` when the value is missing.
fn spanned(value: &TokenStream, key: &proc_macro2::Ident, message: &str) -> Error {
    if value.is_empty() { Error::new(key.span(), message) } else { Error::new_spanned(value, message) }
}
