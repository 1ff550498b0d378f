//! Header fields: how SIP names them, and the parameters read across the
//! crates that judge messages.

mod name;
mod tag;
mod via;

pub use name::{compact_form, full_name, same_field};
pub use tag::tag;
pub use via::{TopVia, top_via};
