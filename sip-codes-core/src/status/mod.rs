//! The response-code domain: the catalogue rows (`rows.rs`), [`StatusCode`],
//! its [`Class`], the catalogue's [`Entry`] and the lookups by code, name and
//! phrase, and the [`StatusLine`] that carries a code on the wire. What a
//! stack does with a code (the `semantics` layer) is in `handling` and
//! `forking`, beside this folder.

#[macro_use]
mod rows;
mod class;
mod code;
mod entry;
mod error;
mod line;
mod lookup;

pub use class::{Class, InvalidClass};
pub use code::StatusCode;
pub use entry::{CATALOGUE, Entry, Reference};
pub use error::InvalidStatusCode;
pub use line::{InvalidStatusLine, StatusLine};
