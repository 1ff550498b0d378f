//! `#[derive(SipResponse)]`.

use proc_macro2::TokenStream;

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    syn::Error::new(proc_macro2::Span::call_site(), "not yet")
        .to_compile_error()
        .into_iter()
        .chain(input.into_iter().take(0))
        .collect()
}
