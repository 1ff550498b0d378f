//! Trait impls for other crates' types, one file per crate and feature: the
//! orphan rule puts them beside [`StatusCode`](crate::StatusCode). Each
//! conversion goes through the number, so every source of a number meets the
//! one rule of [`StatusCode::from_u16`](crate::StatusCode::from_u16).

#[cfg(feature = "ezk")]
mod ezk;
#[cfg(feature = "rsip")]
mod rsip;
#[cfg(feature = "rsipstack")]
mod rsipstack;
#[cfg(feature = "serde")]
mod serde;
