//! The workspace's own package, never published: it owns the integration
//! tests, the trybuild UI tests, the examples and the benchmarks, and runs the
//! README's Rust blocks as doctests so the tour stays true.

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
