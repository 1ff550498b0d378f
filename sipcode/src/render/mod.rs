//! The renderers: each turns reports into one format and knows nothing else
//! ([`text`], [`json`], [`html`]). The sentences that text and HTML both
//! show are written once, in [`words`].

pub mod html;
pub mod json;
pub mod text;
pub mod words;
