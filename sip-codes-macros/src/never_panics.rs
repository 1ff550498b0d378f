//! The macros never panic: malformed input of every kind yields one spanned
//! `compile_error!`, or the constant where the input is a valid form.

use proc_macro2::TokenStream;
use quote::quote;

fn status(input: TokenStream) -> String {
    crate::status::expand(quote!(::sip_codes; #input)).to_string()
}

fn cause(input: TokenStream) -> String {
    crate::status::expand_q850(quote!(::sip_codes; #input)).to_string()
}

fn derive(input: TokenStream) -> String {
    crate::derive::expand(input).to_string()
}

fn errors(expanded: &str) -> usize {
    expanded.matches("compile_error").count()
}

#[test]
fn valid_forms_expand_to_the_constant() {
    for input in [quote!(486), quote!(486u16), quote!(BusyHere), quote!(r#BusyHere), quote!("Busy Here")] {
        assert_eq!(status(input.clone()), ":: sip_codes :: StatusCode :: BUSY_HERE", "{input}");
    }
    // A `$code:expr` fragment arrives wrapped in an invisible group.
    let wrapped = proc_macro2::Group::new(proc_macro2::Delimiter::None, quote!(603));
    assert_eq!(status(quote!(#wrapped)), ":: sip_codes :: StatusCode :: DECLINE");
}

#[test]
fn q850_forms_expand_to_the_constant_and_the_rest_to_one_error() {
    for input in [quote!(17), quote!(17u8), quote!(UserBusy), quote!(r#UserBusy), quote!("User busy")] {
        assert_eq!(cause(input.clone()), ":: sip_codes :: q850 :: Cause :: USER_BUSY", "{input}");
    }
    let inputs = [
        quote!(),
        quote!(0),
        quote!(128),
        quote!(300),
        quote!(65536),
        quote!(52),
        quote!(-17),
        quote!(17u16),
        quote!(0x11),
        quote!(0_17),
        quote!(17.0),
        quote!(USER_BUSY),
        quote!(NormalCircuitCongestion),
        quote!(UserBusyy),
        quote!(Zzzzzzzzzzzzzzzz),
        quote!("user busy"),
        quote!("nothing like it"),
        quote!(User busy),
        quote!(Cause::USER_BUSY),
        quote!(17; 18),
        quote!((17)),
        quote!(#),
    ];
    for input in inputs {
        let expanded = cause(input.clone());
        assert_eq!(errors(&expanded), 1, "{input} expanded to {expanded}");
    }
}

#[test]
fn malformed_input_gives_exactly_one_error() {
    let huge_phrase = "x".repeat(100_000);
    let huge_ident = proc_macro2::Ident::new(&"B".repeat(10_000), proc_macro2::Span::call_site());
    let inputs = [
        quote!(),
        quote!(;),
        quote!(;;),
        quote!((486)),
        quote!((BusyHere)),
        quote!([[[]]]),
        quote!({}),
        quote!(99999999999999999999999),
        quote!(99999999999999999999999999999999999999999999999999u16),
        quote!(0),
        quote!(-486),
        quote!(--486),
        quote!(-),
        quote!(4_86),
        quote!(486_),
        quote!(0486),
        quote!(0x1E6),
        quote!(486u8),
        quote!(486.),
        quote!(1e3),
        quote!(Büsy),
        quote!(忙),
        quote!(r#Decline2),
        quote!(r#BUSY_HERE),
        quote!(#huge_ident),
        quote!(#huge_phrase),
        quote!(""),
        quote!("\0\r\n"),
        quote!(b"486"),
        quote!(c"486"),
        quote!("Busy Here"suffix),
        quote!(486suffix),
        quote!('a'),
        quote!('a 'b),
        quote!(true),
        quote!(_),
        quote!(/// Busy Here
        ),
        quote!(
            #[doc = "486"]
            486
        ),
        quote!(sip_status!(486)),
        quote!(StatusCode::BUSY_HERE),
        quote!(::sip_codes::StatusCode::BUSY_HERE),
        quote!(486; 487),
        quote!(Busy Here),
        quote!(Not Acceptable),
        quote!("Not Acceptable"),
    ];
    for input in inputs {
        let expanded = status(input.clone());
        assert_eq!(errors(&expanded), 1, "{input} expanded to {expanded}");
    }
}

#[test]
fn malformed_derive_input_gives_errors_and_a_fallback() {
    let inputs = [
        quote!(),
        quote!(struct),
        quote!(
            enum E {
                A,
            }
        ),
        quote!(
            #[sip]
            struct S;
        ),
        quote!(
            #[sip = 486]
            struct S;
        ),
        quote!(
            #[sip((486))]
            struct S;
        ),
        quote!(
            #[sip(= 5)]
            struct S;
        ),
        quote!(
            #[sip(reason)]
            struct S;
        ),
        quote!(
            #[sip(reason =)]
            struct S;
        ),
        quote!(
            #[sip(486, reason = b"x")]
            struct S;
        ),
        quote!(
            #[sip(486, crate =)]
            struct S;
        ),
        quote!(
            #[sip(486, crate = 5)]
            struct S;
        ),
        quote!(
            #[sip(486, crate = a::b<T>)]
            struct S;
        ),
        quote!(
            #[sip(486, reason = "x"suffix)]
            struct S;
        ),
        quote!(
            #[sip(486, reason = "x" "y")]
            struct S;
        ),
        quote!(
            #[sip(486 = 1)]
            struct S;
        ),
        quote!(
            #[sip(crate)]
            struct S;
        ),
        quote!(
            #[sip(transparent = 1)]
            struct S(u8);
        ),
        quote!(
            #[sip(transparent, transparent)]
            struct S(u8);
        ),
        quote!(
            #[sip(486, 486)]
            struct S;
        ),
        quote!(
            #[sip(486,,)]
            struct S;
        ),
        quote!(
            #[sip(,)]
            struct S;
        ),
        quote!(
            #[sip(99999999999999999999999)]
            struct S;
        ),
        quote!(
            #[sip(r#BusyHere, reason = "\r")]
            struct S;
        ),
        quote!(
            enum E {
                #[sip(486)]
                #[sip(486)]
                A,
                #[sip()]
                B,
                C,
            }
        ),
        quote!(union U { a: u8 }),
        quote!(
            #[sip(486, q850)]
            struct S;
        ),
        quote!(
            #[sip(486, q850 =)]
            struct S;
        ),
        quote!(
            #[sip(486, q850 = 0)]
            struct S;
        ),
        quote!(
            #[sip(486, q850 = UserBusy, q850 = 17)]
            struct S;
        ),
        quote!(
            #[sip(200, q850 = UserBusy)]
            struct S;
        ),
        quote!(
            #[sip(transparent, q850 = UserBusy)]
            struct S(u8);
        ),
    ];
    for input in inputs {
        let expanded = derive(input.clone());
        assert!(errors(&expanded) >= 1, "{input} expanded to {expanded}");
    }
}

#[test]
fn valid_derive_input_expands_to_an_impl() {
    let expanded = derive(quote! {
        #[sip(500)]
        enum E<'a, T> { #[sip(BusyHere)] A, #[sip(transparent)] B(T), C(&'a str) }
    });
    assert_eq!(errors(&expanded), 0, "{expanded}");
    assert!(expanded.contains("SipResponse for E"), "{expanded}");
}
