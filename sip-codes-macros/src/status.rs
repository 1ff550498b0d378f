//! `sip_status!` and `q850!`: the catalogued constant for a value written as
//! a number, a name or a text.

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{quote, quote_spanned};

use sip_codes_core::CatalogueRow;

use crate::code::{self, Catalogue, Causes, StatusCodes};

/// Expands `$crate; input`, as the `sip_status!` wrapper of `sip-codes`
/// passes it, into `$crate::StatusCode::CONSTANT`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    expand_in::<StatusCodes>(input, quote!(StatusCode))
}

/// Expands `$crate; input`, as the `q850!` wrapper of `sip-codes` passes it,
/// into `$crate::q850::Cause::CONSTANT`.
pub(crate) fn expand_q850(input: TokenStream) -> TokenStream {
    expand_in::<Causes>(input, quote!(q850::Cause))
}

fn expand_in<C: Catalogue>(input: TokenStream, ty: TokenStream) -> TokenStream {
    let mut tokens = input.into_iter();
    // The wrapper's own tokens: the path to `sip-codes`, whatever the user
    // renamed it to, then `;`.
    let krate: TokenStream = tokens
        .by_ref()
        .take_while(|token| !matches!(token, TokenTree::Punct(p) if p.as_char() == ';'))
        .collect();
    match code::resolve::<C>(tokens.collect()) {
        Ok((row, span)) => {
            // The constant carries the user's span, so a `#[deprecated]`
            // constant warns at the user's token.
            let constant = Ident::new(row.constant(), span);
            quote_spanned!(span=> #krate::#ty::#constant)
        }
        Err(error) => error.to_compile_error(),
    }
}
