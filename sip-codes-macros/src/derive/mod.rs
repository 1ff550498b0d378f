//! `#[derive(SipResponse)]`: parse the input (`ast`, `attr`), check every rule
//! (`valid`), generate the impl (`expand`).

mod ast;
mod attr;
mod expand;
mod valid;

use crate::syntax::DeriveInput;
use proc_macro2::TokenStream;

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let input = match DeriveInput::parse(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let expanded = ast::Input::new(&input)
        .and_then(|ast| valid::check(&ast).map(|checked| expand::impl_sip_response(&ast, &checked)));
    match expanded {
        Ok(tokens) => tokens,
        Err(error) => {
            let mut tokens = error.to_compile_error();
            tokens.extend(expand::fallback(&input));
            tokens
        }
    }
}
