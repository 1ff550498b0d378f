//! Header fields: how SIP names them.

mod name;

pub use name::{compact_form, full_name, same_field};
