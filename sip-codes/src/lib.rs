//! SIP response codes, complete and checked.
//!
//! `sip-codes` knows every response code of the IANA SIP registry (RFC 3261
//! and the RFCs that extend it) and the stack-local codes operators meet in
//! logs. Each one is a [`StatusCode`] constant with its registered reason
//! phrase, and a row of the [`CATALOGUE`] with a one-line meaning, the defining
//! RFC section, its [`Class`] and its flags.
//!
//! ```
//! use sip_codes::{Class, StatusCode};
//!
//! let busy = StatusCode::BUSY_HERE;
//! assert_eq!(busy.as_u16(), 486);
//! assert_eq!(busy.to_string(), "486 Busy Here");
//! assert_eq!(busy.class(), Class::RequestFailure);
//!
//! // Any three-digit code from 100 to 699 is legal SIP, registered or not.
//! let extension: StatusCode = "499".parse()?;
//! assert_eq!(extension.canonical_reason(), None);
//!
//! // Look a code up the way an operator would.
//! let decline = sip_codes::Entry::by_phrase("declined").unwrap();
//! assert_eq!(decline.code, 603);
//! assert_eq!(decline.phrase, "Decline");
//! # Ok::<(), sip_codes::InvalidStatusCode>(())
//! ```
//!
//! What a stack does with a code is data too, each rule cited to its RFC
//! section: the code a UAC acts on ([`StatusCode::as_understood`]), what to do
//! next ([`Disposition`]), the header fields a response carries and whether it
//! may carry Retry-After ([`HANDLING`]), and the response a forking proxy sends
//! upstream ([`best_response`]).
//!
//! ```
//! use sip_codes::{Disposition, StatusCode, best_response};
//!
//! let code = |n: u16| StatusCode::from_u16(n).unwrap();
//! assert_eq!(code(431).as_understood(), StatusCode::BAD_REQUEST);
//! assert_eq!(code(503).disposition(), Disposition::TryAnotherServer);
//! assert_eq!(best_response([486, 603, 404].map(code)).send, StatusCode::DECLINE);
//! ```
//!
//! With the `macros` feature (on by default), `sip_status!` checks a code at
//! compile time, `q850!` a Q.850 cause, and `#[derive(SipResponse)]` maps an
//! error enum to responses and to the causes they release a call with.
//!
//! [`q850`](mod@q850) has the ITU-T Q.850 causes that SIP-to-PSTN gateways translate,
//! and the mappings between causes and responses: RFC 3398's, and the
//! FreeSWITCH and Asterisk profiles.
//!
//! ```
//! use sip_codes::StatusCode;
//! use sip_codes::q850::{Cause, Location, Profile};
//!
//! assert_eq!(StatusCode::BUSY_HERE.to_cause(Profile::Rfc3398), Some(Cause::USER_BUSY));
//! assert_eq!(Cause::CALL_REJECTED.to_status(Profile::Rfc3398, Some(Location::USER)), Some(StatusCode::DECLINE));
//! ```
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `std` | yes | nothing the API needs: without it the crate is `no_std` and needs no allocator |
//! | `macros` | yes | `sip_status!`, `q850!` and `#[derive(SipResponse)]`; turns on `semantics` |
//! | `semantics` | yes | what a stack does with a code: `as_understood`, handling, `best_response`, the Q.850 mappings and `SipResponse::q850_cause` |
//! | `headers` | yes | the values of the `Reason` and `Warning` header fields, parsed and formatted ([`reason`], [`warning`]); the warn-code and Reason Protocols catalogues are always built |
//! | `serde` | no | `StatusCode` as a number, validated like [`StatusCode::from_u16`] |
//! | `rsip` | no | `From<StatusCode>` for `rsip::StatusCode` (0.4), `TryFrom` back (`examples/rsip.rs`) |
//! | `rsipstack` | no | the same for `rsipstack::sip::StatusCode` (0.7) (`examples/rsipstack.rs`) |
//! | `ezk` | no | the same for `ezk_sip_types::StatusCode` (0.6) (`examples/ezk.rs`) |
//!
//! The conversions go through the number: a stack's own reason text is not
//! read, and a number [`StatusCode::from_u16`] refuses is its
//! [`InvalidStatusCode`]. rsip 0.4 numbers its `Accepted` variant 201, so it
//! converts to 201, not to 202 Accepted. With the derive, an application's
//! error becomes the stack's status in one step:
//! `rsip::StatusCode::from(error.status())`.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod response;

// The catalogues, `StatusCode` and `StatusLine` live in `sip-codes-core`,
// which has no dependencies and builds while the macros' dependencies do;
// users see them here.
pub use response::SipResponse;
pub use sip_codes_core::{
    CATALOGUE, CatalogueRow, Class, Entry, InvalidClass, InvalidStatusCode, InvalidStatusLine, Reference,
    Spelling, StatusCode, StatusLine, header, q850, reason, suggest, warning,
};
// The other codes of a response: the `Warning` header field's warn-codes and
// the `Reason` header field's protocols, catalogues like the status codes.
pub use sip_codes_core::{InvalidWarnCode, ReasonProtocol, WARN_CODES, WarnCode, WarnEntry, WarnRange};
// What a stack does with a code, and the RFC 6076 metrics (feature `semantics`);
// a response judged by the rules of its code (features `semantics` and `headers`).
#[cfg(all(feature = "semantics", feature = "headers"))]
pub use sip_codes_core::check;
#[cfg(feature = "semantics")]
pub use sip_codes_core::metrics;
#[cfg(feature = "semantics")]
pub use sip_codes_core::{
    BestResponse, Codes, Context, Disposition, Facts, HANDLING, Handling, HeaderRule, HeaderRules, Method,
    Methods, Requirement, SHARED_RULES, Selection, SharedRule, best_response,
};
// The values of the `Warning` and `Reason` header fields (feature `headers`);
// the rest is in the `warning` and `reason` modules.
#[cfg(feature = "headers")]
pub use sip_codes_core::{
    InvalidReason, InvalidWarning, QuotedText, Reason, ReasonCause, Reasons, WarnAgent, Warning, Warnings,
};

#[cfg(feature = "macros")]
pub use sip_codes_macros::SipResponse;

// `sip_status!` is a `macro_rules!` front for the proc macro. It passes
// `$crate`, so the expansion names this crate under whatever name the user
// gave it in Cargo.toml. Catalogued codes and names written plainly (`486`,
// `BusyHere`) expand right here, generated from the catalogue rows: a proc
// macro call costs about 10 µs of compile time, a matched rule much less.
// Everything else (phrases, suffixes, forwarded fragments, mistakes) goes to
// the proc macro, which validates it and explains any error. Phrases are not
// matched here because one ("Not Acceptable") belongs to two codes.
#[cfg(feature = "macros")]
macro_rules! define_sip_status {
    // Only the code and the two names are needed: the rest of each row stays
    // an unread token tree.
    ($d:tt $($code:literal $constant:ident $name:ident $phrase:literal $row:tt)*) => {
        /// A [`StatusCode`] from a catalogued code, name or phrase, checked at compile time.
        ///
        /// The argument is one of:
        /// - the code as a plain decimal integer literal: `sip_status!(486)` or `sip_status!(486u16)`;
        /// - the CamelCase name of the catalogue row: `sip_status!(BusyHere)`;
        /// - the registered reason phrase, exactly: `sip_status!("Busy Here")`.
        ///
        /// It expands to the associated constant (`StatusCode::BUSY_HERE`), so it works
        /// in expressions, `const` and `static` items, and `match` patterns.
        ///
        /// ```
        /// use sip_codes::{StatusCode, sip_status};
        ///
        /// const BUSY: StatusCode = sip_status!(BusyHere);
        /// assert_eq!(sip_status!(486), BUSY);
        /// assert_eq!(sip_status!("Busy Here"), StatusCode::BUSY_HERE);
        ///
        /// let verdict = match StatusCode::from_u16(603)? {
        ///     sip_status!(BusyHere) | sip_status!(600) => "busy",
        ///     sip_status!(Decline) => "declined",
        ///     _ => "other",
        /// };
        /// assert_eq!(verdict, "declined");
        /// # Ok::<(), sip_codes::InvalidStatusCode>(())
        /// ```
        ///
        /// Anything else is a compile error that points at the offending token and
        /// says how to fix it: an unregistered code (`499`: use
        /// [`StatusCode::from_u16`] for extension codes), a code out of range, a
        /// literal that is not plain decimal (`0x1E6`, `486u8`, `4_86`), a misspelled
        /// name (`BusyHre`: did you mean `BusyHere`?), an alias (`Declined`), a
        /// SCREAMING constant name (`BUSY_HERE`: one spelling per code keeps code
        /// searchable, and the constant is already `StatusCode::BUSY_HERE`), a path, or
        /// more than one token.
        ///
        /// ```compile_fail
        /// let _ = sip_codes::sip_status!(499);
        /// ```
        ///
        /// A deprecated code such as 202 compiles, with the constant's deprecation warning.
        #[macro_export]
        macro_rules! sip_status {
            $(
                ($code) => { $d crate::StatusCode::$constant };
                ($name) => { $d crate::StatusCode::$constant };
            )*
            ($d($d input:tt)*) => {
                $d crate::__private::sip_status!($d crate; $d($d input)*)
            };
        }

        // The generated rules and the proc macro must agree on every row.
        #[cfg(test)]
        #[test]
        #[allow(deprecated)]
        fn sip_status_rules_agree_with_the_proc_macro() {
            $(
                let by_rule = [sip_status!($code), sip_status!($name)];
                let by_proc_macro = [
                    crate::__private::sip_status!(crate; $code),
                    crate::__private::sip_status!(crate; $name),
                ];
                assert_eq!(by_rule, by_proc_macro);
                assert_eq!(by_rule, [StatusCode::$constant; 2]);
                assert_eq!(by_rule[0].as_u16(), $code);
            )*
        }
    };
}

#[cfg(feature = "macros")]
sip_codes_core::catalogue!(define_sip_status $);

// `q850!` is the same kind of front for the Q.850 causes: plain values and
// names expand here, generated from the cause rows; the rest goes to the proc
// macro, which shares `sip_status!`'s resolver and its kinds of messages.
#[cfg(feature = "macros")]
macro_rules! define_q850 {
    ($d:tt $($value:literal $constant:ident $name:ident $text:literal $aliases:tt)*) => {
        /// A Q.850 [`Cause`](q850::Cause) from a value, name or text that ITU-T Q.850
        /// defines, checked at compile time.
        ///
        /// The argument is one of:
        /// - the cause value as a plain decimal integer literal: `q850!(17)` or `q850!(17u8)`;
        /// - the CamelCase name of the catalogue row: `q850!(UserBusy)`;
        /// - the Q.850 name, exactly: `q850!("User busy")`.
        ///
        /// It expands to the associated constant (`Cause::USER_BUSY`), so it works in
        /// expressions, `const` and `static` items, and `match` patterns.
        ///
        /// ```
        /// use sip_codes::q850;
        /// use sip_codes::q850::Cause;
        ///
        /// const BUSY: Cause = q850!(UserBusy);
        /// assert_eq!(q850!(17), BUSY);
        /// assert_eq!(q850!("User busy"), Cause::USER_BUSY);
        ///
        /// let retry = match Cause::from_u8(34)? {
        ///     q850!(NoCircuitChannelAvailable) | q850!(TemporaryFailure) => true,
        ///     _ => false,
        /// };
        /// assert!(retry);
        /// # Ok::<(), sip_codes::q850::InvalidCause>(())
        /// ```
        ///
        /// Anything else is a compile error that points at the offending token and
        /// says how to fix it: a value Q.850 does not define (`52`: use
        /// [`Cause::from_u8`](q850::Cause::from_u8) for other tables' values), 0 or a value
        /// above 127, a literal that is not plain decimal (`0x11`, `17u16`, `0_17`), a
        /// misspelled name (`UserBusyy`: did you mean `UserBusy`?), another table's
        /// spelling (`NormalCircuitCongestion`), a SCREAMING constant name (`USER_BUSY`), a
        /// path, or more than one token.
        ///
        /// ```compile_fail
        /// let _ = sip_codes::q850!(128);
        /// ```
        #[macro_export]
        macro_rules! q850 {
            $(
                ($value) => { $d crate::q850::Cause::$constant };
                ($name) => { $d crate::q850::Cause::$constant };
            )*
            ($d($d input:tt)*) => {
                $d crate::__private::q850!($d crate; $d($d input)*)
            };
        }

        // The generated rules and the proc macro must agree on every row.
        #[cfg(test)]
        #[test]
        fn q850_rules_agree_with_the_proc_macro() {
            $(
                let by_rule = [q850!($value), q850!($name), q850!($text)];
                let by_proc_macro = [
                    crate::__private::q850!(crate; $value),
                    crate::__private::q850!(crate; $name),
                ];
                assert_eq!(by_rule[..2], by_proc_macro);
                assert_eq!(by_rule, [q850::Cause::$constant; 3]);
                assert_eq!(by_rule[0].as_u8(), $value);
            )*
        }
    };
}

#[cfg(feature = "macros")]
sip_codes_core::q850_causes!(define_q850 $);

// Not public API: what the macros' expansions reach for. Versioned by the
// crate version, like every other item, and hidden from the docs.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "macros")]
    pub use sip_codes_macros::{q850, sip_status};

    pub use sip_codes_core::__private::follows_name_rule;
    // sipcode's capture reader finds header lines with the core's search.
    pub use sip_codes_core::__private::find_byte;
}
