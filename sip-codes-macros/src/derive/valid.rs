//! Every rule of `#[derive(SipResponse)]`, checked in one place. Each
//! violation is an error spanned on the token at fault that says how to fix it.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{Error, LitStr, Member, Type};

use super::ast::{Arm, Input};
use super::attr::Attr;
use super::push_error;
use sip_codes_core::__private::{WIRE_CODES, first_control_char};
use sip_codes_core::Entry;
use sip_codes_core::q850::CauseEntry;

use crate::code::cite;

/// What one arm of the generated `match` answers.
pub(crate) enum Response<'a> {
    Code {
        row: &'static Entry,
        span: Span,
        reason: Option<&'a LitStr>,
        q850: Option<(&'static CauseEntry, Span)>,
    },
    /// The field's name, or `0` in a tuple, and its type.
    Transparent { member: Member, ty: &'a Type },
}

/// The input, checked: the path to `sip-codes`, and each arm's response.
pub(crate) struct Checked<'a> {
    pub krate: TokenStream,
    pub arms: Vec<(&'a Arm<'a>, Response<'a>)>,
}

pub(crate) fn check<'a>(input: &'a Input<'a>) -> Result<Checked<'a>, Error> {
    let mut errors: Option<Error> = None;
    let mut push = |error: Error| push_error(&mut errors, error);
    let type_attr = input.attr.as_ref();
    if let Some(attr) = type_attr {
        if input.is_enum
            && let Some(span) = attr.transparent
        {
            push(Error::new(
                span,
                "`transparent` belongs on a variant with one field, whose response it forwards, not on the enum",
            ));
        }
        if let Err(error) = check_attr(attr) {
            push(error);
        }
    }
    let mut arms = Vec::new();
    for arm in &input.arms {
        // A struct's arm is described by the type's attribute.
        let attr = if input.is_enum { arm.attr.as_ref() } else { type_attr };
        if input.is_enum
            && let Some(attr) = attr
        {
            if let Some(path) = &attr.krate {
                push(Error::new_spanned(
                    path,
                    "`crate = …` belongs on the type's #[sip(…)], not on a variant",
                ));
            }
            if let Err(error) = check_attr(attr) {
                push(error);
            }
        }
        match response(input, arm, attr) {
            Ok(response) => arms.push((arm, response)),
            Err(error) => push(error),
        }
    }
    match errors {
        Some(errors) => Err(errors),
        None => Ok(Checked { krate: krate(type_attr), arms }),
    }
}

/// The path to `sip-codes`: `#[sip(crate = path)]`, as serde spells it, for a
/// renamed dependency.
pub(crate) fn krate(type_attr: Option<&Attr>) -> TokenStream {
    match type_attr.and_then(|attr| attr.krate.as_ref()) {
        Some(path) => path.to_token_stream(),
        None => quote!(::sip_codes),
    }
}

/// The rules an attribute obeys wherever it stands.
fn check_attr(attr: &Attr) -> Result<(), Error> {
    if let (Some(span), Some(_)) = (attr.transparent, attr.code) {
        return Err(Error::new(
            span,
            "`transparent` forwards the field's own response, so it takes no code: remove one of them",
        ));
    }
    if let (Some(_), Some(reason)) = (attr.transparent, &attr.reason) {
        return Err(Error::new(
            reason.span(),
            "`transparent` forwards the field's own reason: remove `reason = …`",
        ));
    }
    if let (Some(_), Some((_, span))) = (attr.transparent, attr.q850) {
        return Err(Error::new(
            span,
            "`transparent` forwards the field's own Q.850 cause: remove `q850 = …`",
        ));
    }
    if let Some((row, span)) = attr.code {
        let cite = cite(row);
        if row.code < 200 {
            return Err(Error::new(
                span,
                format!(
                    "{cite} is provisional (1xx) and never ends a transaction: \
                     map the value to a final response, 2xx to 6xx"
                ),
            ));
        }
        if !WIRE_CODES.contains(&row.code) {
            return Err(Error::new(
                span,
                format!(
                    "{cite} is stack-local and never sent on the wire: map the value to a code from 2xx to 6xx"
                ),
            ));
        }
    }
    if let (Some((row, _)), Some((_, span))) = (attr.code, attr.q850)
        && row.code < 300
    {
        return Err(Error::new(
            span,
            format!(
                "`q850 = …` is the cause a call is released with when a response fails it, and {} \
                 does not fail a call: remove it, or map the value to a 3xx to 6xx response (RFC 3398 §8.2.6.1)",
                cite(row)
            ),
        ));
    }
    if let Some(reason) = &attr.reason {
        let text = reason.value();
        if text.is_empty() {
            return Err(Error::new(
                reason.span(),
                "the reason phrase is empty: write one, or remove `reason = …` to send the registered phrase",
            ));
        }
        if let Some((_, bad)) = first_control_char(&text) {
            return Err(Error::new(
                reason.span(),
                format!(
                    "the reason phrase contains the control character {bad:?}; a reason phrase is one line \
                     of text (RFC 3261 §25.1), and CR or LF would end the status line and inject headers: remove it"
                ),
            ));
        }
    }
    Ok(())
}

fn response<'a>(input: &'a Input, arm: &'a Arm<'a>, attr: Option<&'a Attr>) -> Result<Response<'a>, Error> {
    let code = |attr: &'a Attr| {
        attr.code.map(|(row, span)| Response::Code {
            row,
            span,
            reason: attr.reason.as_ref(),
            q850: attr.q850,
        })
    };
    match attr {
        Some(Attr { transparent: Some(span), .. }) => {
            let mut fields = arm.fields.iter();
            match (fields.next(), fields.next()) {
                (Some(field), None) => {
                    let member = match &field.ident {
                        Some(ident) => Member::Named(ident.clone()),
                        None => Member::Unnamed(0.into()),
                    };
                    Ok(Response::Transparent { member, ty: &field.ty })
                }
                _ => Err(Error::new(
                    *span,
                    format!(
                        "`transparent` forwards the response of the only field, and `{}` has {} fields: \
                         give it exactly one field that implements SipResponse, or a code",
                        arm.ident,
                        arm.fields.len()
                    ),
                )),
            }
        }
        Some(attr) => code(attr).ok_or_else(|| {
            Error::new_spanned(
                attr.attribute,
                format!("#[sip(…)] on `{}` gives no code: add one, such as #[sip(500)]", arm.ident),
            )
        }),
        // A variant without an attribute takes the enum's default code.
        None if input.is_enum => input.attr.as_ref().and_then(code).ok_or_else(|| {
            Error::new(
                arm.ident.span(),
                format!(
                    "variant `{}` has no #[sip(…)]: add one, such as #[sip(486)] or #[sip(transparent)], \
                     or give the enum a default, such as #[sip(500)]",
                    arm.ident
                ),
            )
        }),
        None => Err(Error::new(
            input.span(),
            format!(
                "`{}` has no #[sip(…)]: add one, such as #[sip(403)] or #[sip(transparent)]",
                input.ident
            ),
        )),
    }
}
