//! Code generation for `#[derive(SipResponse)]`, from a checked input.

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::{DeriveInput, Fields, Generics};

use super::ast::Input;
use super::attr;
use super::valid::{self, Checked, Response};

/// `impl SipResponse`: one `match` for the status, and one for the reasons
/// of the arms that have their own; nothing allocates.
pub(crate) fn impl_sip_response(input: &Input, checked: &Checked) -> TokenStream {
    let krate = &checked.krate;
    let ident = input.ident;
    let generics = input.generics;
    let type_params: Vec<&Ident> = generics.type_params().map(|param| &param.ident).collect();
    let mut bounds = Vec::new();
    let status_code = quote!(#krate::StatusCode);
    let mut status_arms = Vec::new();
    let mut deprecated = Vec::new();
    let mut reason_arms = Vec::new();
    // The arms whose Q.850 cause is not RFC 3398's mapping of their status:
    // a `q850 = …` of their own, or a transparent field's. Without any, the
    // trait's default stands and nothing is generated.
    let mut cause_arms = Vec::new();
    let mut mapped_causes = false;
    // Whether some arm answers with its code's registered phrase: those share
    // one arm that looks the phrase up (one load), which keeps the expansion,
    // and so the compile time, small.
    let mut registered_reasons = false;
    for (arm, response) in &checked.arms {
        let path = &arm.path;
        match response {
            Response::Code { row, span, reason, q850 } => {
                let constant = Ident::new(row.constant, *span);
                // Every token costs compile time: no braces where the variant has no fields.
                let pattern = match arm.fields {
                    Fields::Unit => path.clone(),
                    _ => quote!(#path { .. }),
                };
                status_arms.push(quote!(#pattern => #status_code::#constant));
                // rustc does not report deprecated items used inside an
                // `#[automatically_derived]` impl; name the constant outside it.
                if row.is_deprecated() {
                    let krate = respan(krate, *span);
                    deprecated.push(quote_spanned!(*span=> let _ = #krate::StatusCode::#constant;));
                }
                match q850 {
                    Some((cause, span)) => {
                        let constant = Ident::new(cause.constant, *span);
                        cause_arms.push(
                            quote!(#pattern => ::core::option::Option::Some(#krate::q850::Cause::#constant)),
                        );
                    }
                    None => mapped_causes = true,
                }
                match reason {
                    Some(reason) => reason_arms.push(quote!(#pattern => #reason)),
                    None => registered_reasons = true,
                }
            }
            Response::Transparent { member, ty } => {
                // A field whose type involves a type parameter needs the bound.
                if mentions_any(ty.to_token_stream(), &type_params) {
                    bounds.push(quote!(#ty: #krate::SipResponse));
                }
                status_arms.push(quote!(#path { #member: ref inner } => #krate::SipResponse::status(inner)));
                reason_arms.push(quote!(#path { #member: ref inner } => #krate::SipResponse::reason(inner)));
                cause_arms
                    .push(quote!(#path { #member: ref inner } => #krate::SipResponse::q850_cause(inner)));
            }
        }
    }
    let registered =
        quote!(#krate::StatusCode::canonical_reason(#krate::SipResponse::status(self)).unwrap_or(""));
    let reason = match (reason_arms.is_empty(), registered_reasons) {
        (true, true) => registered,
        (_, true) => quote!(match *self { #(#reason_arms,)* _ => #registered }),
        (_, false) => quote!(match *self { #(#reason_arms,)* }),
    };
    let q850_cause = (!cause_arms.is_empty()).then(|| {
        let mapped = mapped_causes.then(|| {
            quote!(_ => #krate::StatusCode::to_cause(
                #krate::SipResponse::status(self),
                #krate::q850::Profile::Rfc3398,
            ),)
        });
        quote! {
            fn q850_cause(&self) -> ::core::option::Option<#krate::q850::Cause> {
                match *self {
                    #(#cause_arms,)*
                    #mapped
                }
            }
        }
    });
    let (impl_generics, type_generics, _) = generics.split_for_impl();
    let where_clause = where_clause(generics, &bounds);
    let deprecated = (!deprecated.is_empty()).then(|| quote!(const _: () = { #(#deprecated)* };));
    quote! {
        #deprecated

        #[automatically_derived]
        impl #impl_generics #krate::SipResponse for #ident #type_generics #where_clause {
            fn status(&self) -> #krate::StatusCode {
                match *self {
                    #(#status_arms,)*
                }
            }

            fn reason(&self) -> &str {
                #reason
            }

            #q850_cause
        }
    }
}

/// Stands in for the impl when the input is invalid, so that the user sees
/// the error itself and not also "SipResponse is not implemented" elsewhere.
pub(crate) fn fallback(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let attr = attr::parse(&input.attrs).ok().flatten();
    let krate = valid::krate(attr.as_ref());
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::SipResponse for #ident #type_generics #where_clause {
            fn status(&self) -> #krate::StatusCode {
                ::core::unreachable!()
            }
        }
    }
}

/// `where …` with the declaration's predicates and `bounds`, or nothing.
/// Written out rather than pushed into a copy of the generics, which
/// `parse_quote!` would do by parsing, and which panics on failure.
fn where_clause(generics: &Generics, bounds: &[TokenStream]) -> TokenStream {
    let predicates = generics.where_clause.iter().flat_map(|clause| &clause.predicates);
    if generics.where_clause.is_none() && bounds.is_empty() {
        return TokenStream::new();
    }
    quote!(where #(#predicates,)* #(#bounds,)*)
}

/// Whether `tokens` name one of `params`, at any depth: `(T, u8)` does.
fn mentions_any(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.contains(&&ident),
        TokenTree::Group(group) => mentions_any(group.stream(), params),
        _ => false,
    })
}

fn respan(tokens: &TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut token| {
            token.set_span(span);
            token
        })
        .collect()
}
