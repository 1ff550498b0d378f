//! Parsing `#[sip(…)]`: a code and keys, separated by commas.
//!
//! `parse_nested_meta` cannot read a leading number (`#[sip(486, …)]`), so the
//! attribute's arguments have a `Parse` impl of their own ([`Args`]): each
//! argument is a key with a value, a bare word, or the code, whose tokens go
//! to the same resolver as `sip_status!`'s.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Error, Ident, LitStr, Meta, Path, Token};

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
    pub krate: Option<Path>,
}

/// The `#[sip]` attribute among `attrs`, if there is one; a second one is an error.
pub(crate) fn parse(attrs: &[Attribute]) -> Result<Option<Attr<'_>>, Error> {
    let mut sip = attrs.iter().filter(|attr| attr.path().is_ident("sip"));
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

/// The arguments of `#[sip(…)]`, in the order written.
struct Args(Vec<Arg>);

/// One argument of `#[sip(…)]`: the tokens up to the next comma at the top level.
enum Arg {
    /// `key = value`; the value is read by the key's own rule.
    Key { key: Ident, value: TokenStream },
    /// A word alone: `transparent`, or a key without its value.
    Word(Ident),
    /// Anything else is the code: `486`, `BusyHere`, `"Busy Here"`.
    Code(TokenStream),
    /// Nothing between two commas.
    Empty,
}

const WORDS: [&str; 4] = ["transparent", "reason", "crate", "q850"];

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut args = Vec::new();
        while !input.is_empty() {
            args.push(input.parse()?);
            // A trailing comma leaves nothing after it.
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(Args(args))
    }
}

impl Parse for Arg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Token![,]) {
            return Ok(Arg::Empty);
        }
        // `crate` is a keyword: `parse_any` reads it as a word too.
        if input.peek(Ident::peek_any) && input.peek2(Token![=]) {
            let key = input.call(Ident::parse_any)?;
            input.parse::<Token![=]>()?;
            return Ok(Arg::Key { key, value: up_to_comma(input)? });
        }
        let fork = input.fork();
        if let Ok(word) = fork.call(Ident::parse_any)
            && (fork.is_empty() || fork.peek(Token![,]))
            && WORDS.iter().any(|known| word == known)
        {
            return Ok(Arg::Word(input.call(Ident::parse_any)?));
        }
        Ok(Arg::Code(up_to_comma(input)?))
    }
}

/// The tokens before the next top-level comma, or the end.
fn up_to_comma(input: ParseStream) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(tokens)
}

fn parse_one(attr: &Attribute) -> Result<Attr<'_>, Error> {
    let Meta::List(list) = &attr.meta else {
        return Err(Error::new_spanned(attr, "#[sip] needs a code, such as #[sip(486)] or #[sip(BusyHere)]"));
    };
    if list.tokens.is_empty() {
        return Err(Error::new_spanned(attr, "#[sip()] is empty: give a code, such as #[sip(486)]"));
    }
    let Args(args) = list.parse_args()?;
    let mut parsed =
        Attr { attribute: attr, code: None, transparent: None, reason: None, q850: None, krate: None };
    for arg in args {
        match arg {
            Arg::Empty => {
                return Err(Error::new_spanned(
                    attr,
                    "#[sip(…)] has an empty argument: remove the extra comma",
                ));
            }
            Arg::Key { key, value } => match key.to_string().as_str() {
                "reason" if parsed.reason.is_none() => {
                    let message = "`reason` takes a string literal, such as reason = \"Overloaded\"";
                    let reason = syn::parse2::<LitStr>(value.clone())
                        .ok()
                        .filter(|reason| reason.suffix().is_empty())
                        .ok_or_else(|| spanned(&value, &key, message))?;
                    parsed.reason = Some(reason);
                }
                "crate" if parsed.krate.is_none() => {
                    let message = "`crate` takes the path of sip-codes, such as crate = my_sip_codes";
                    let path = syn::parse::Parser::parse2(Path::parse_mod_style, value.clone())
                        .map_err(|_| spanned(&value, &key, message))?;
                    parsed.krate = Some(path);
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
            },
            Arg::Word(word) if word == "transparent" => {
                if parsed.transparent.replace(word.span()).is_some() {
                    return Err(Error::new(word.span(), "`transparent` is given twice: keep one"));
                }
            }
            Arg::Word(key) => {
                let example = match key.to_string().as_str() {
                    "reason" => "reason = \"Overloaded\"",
                    "q850" => "q850 = UserBusy",
                    _ => "crate = my_sip_codes",
                };
                return Err(Error::new(key.span(), format!("`{key}` needs a value, such as {example}")));
            }
            Arg::Code(tokens) if parsed.code.is_some() => {
                return Err(Error::new_spanned(tokens, "a second code: #[sip(…)] takes one code"));
            }
            Arg::Code(tokens) => parsed.code = Some(code::resolve::<StatusCodes>(tokens)?),
        }
    }
    Ok(parsed)
}

/// An error on `value`, or on its `key` when the value is missing.
fn spanned(value: &TokenStream, key: &Ident, message: &str) -> Error {
    if value.is_empty() { Error::new(key.span(), message) } else { Error::new_spanned(value, message) }
}
