//! A typed view of the derive's input: the type, and one arm per variant (or
//! one for a struct), each with its parsed `#[sip]` attribute.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Attribute, Data, DeriveInput, Error, Fields, Generics, Ident};

use super::attr::{self, Attr};
use super::push_error;

pub(crate) struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    /// The attribute on the type: the default code of an enum, the code of a
    /// struct, and the `crate` path.
    pub attr: Option<Attr<'a>>,
    pub arms: Vec<Arm<'a>>,
    pub is_enum: bool,
}

/// A variant, or the struct itself.
pub(crate) struct Arm<'a> {
    /// `Self::Variant`, or `Self` for a struct.
    pub path: TokenStream,
    pub ident: &'a Ident,
    pub fields: &'a Fields,
    pub attr: Option<Attr<'a>>,
}

impl<'a> Input<'a> {
    pub(crate) fn new(input: &'a DeriveInput) -> Result<Self, Error> {
        // Every attribute is parsed, and all their errors are reported at once.
        let mut errors: Option<Error> = None;
        let mut parse = |attrs: &'a [Attribute]| {
            attr::parse(attrs).unwrap_or_else(|error| {
                push_error(&mut errors, error);
                None
            })
        };
        let attr = parse(&input.attrs);
        let (arms, is_enum) = match &input.data {
            Data::Enum(data) => {
                let arms = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let ident = &variant.ident;
                        let attr = parse(&variant.attrs);
                        Arm { path: quote!(Self::#ident), ident, fields: &variant.fields, attr }
                    })
                    .collect();
                (arms, true)
            }
            // A struct's attribute is both its arm's and the type's.
            Data::Struct(data) => (
                vec![Arm { path: quote!(Self), ident: &input.ident, fields: &data.fields, attr: None }],
                false,
            ),
            Data::Union(data) => {
                return Err(Error::new(
                    data.union_token.span,
                    "SipResponse cannot be derived for a union: derive it for an enum or a struct, \
                     or implement the trait by hand",
                ));
            }
        };
        match errors {
            Some(errors) => Err(errors),
            None => Ok(Input { ident: &input.ident, generics: &input.generics, attr, arms, is_enum }),
        }
    }

    /// Where the type was written, for errors about the type as a whole.
    pub(crate) fn span(&self) -> Span {
        self.ident.span()
    }
}
