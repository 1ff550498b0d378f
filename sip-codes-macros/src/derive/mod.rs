//! `#[derive(SipResponse)]`: parse the input (`ast`, `attr`), check every rule
//! (`valid`), generate the impl (`expand`).

mod ast;
mod attr;
mod expand;
mod valid;

use proc_macro2::TokenStream;
use syn::{DeriveInput, Error};

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
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

/// Adds `error` to the errors found so far: every rule is checked, and all
/// the violations are reported at once.
fn push_error(errors: &mut Option<Error>, error: Error) {
    match errors {
        Some(all) => all.combine(error),
        None => *errors = Some(error),
    }
}
