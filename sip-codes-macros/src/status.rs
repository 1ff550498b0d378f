//! `sip_status!`: the catalogued constant for a code, name or phrase.

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::quote_spanned;

use crate::code;

/// Expands `$crate; input`, as the `sip_status!` wrapper of `sip-codes`
/// passes it, into `$crate::StatusCode::CONSTANT`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let mut tokens = input.into_iter();
    // The wrapper's own tokens: the path to `sip-codes`, whatever the user
    // renamed it to, then `;`.
    let krate: TokenStream = tokens
        .by_ref()
        .take_while(|token| !matches!(token, TokenTree::Punct(p) if p.as_char() == ';'))
        .collect();
    match code::resolve(tokens.collect()) {
        Ok((row, span)) => {
            // The constant carries the user's span, so a `#[deprecated]`
            // constant warns at the user's token.
            let constant = Ident::new(row.constant, span);
            quote_spanned!(span=> #krate::StatusCode::#constant)
        }
        Err(error) => error.to_compile_error(),
    }
}
