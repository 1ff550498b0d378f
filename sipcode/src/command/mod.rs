//! The commands: each turns a resolved request into a [`Report`] (or a
//! [`Failure`]) and writes nothing. `explain` is a stream, read line by line.
//!
//! [`Report`]: crate::report::Report
//! [`Failure`]: crate::output::Failure

pub mod best;
pub mod explain;
pub mod lookup;
pub mod q850;
pub mod reference;
pub mod search;
pub mod stats;
mod suggest;
pub mod warning;
