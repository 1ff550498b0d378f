//! Compile-time rejections: one file per rule under `tests/ui/`, each with the
//! exact compiler output it must produce beside it (`.stderr`). Regenerate
//! after an intended change with `TRYBUILD=overwrite cargo test -p sip-codes --test ui`.
//!
//! trybuild builds the cases with the features of the run, and rsipstack then
//! needs a platform backend that only an application chooses: the cases name
//! no stack, so they run without the interop features (`.ci/run` tests those
//! apart).
#![cfg(not(any(feature = "rsip", feature = "rsipstack", feature = "ezk")))]

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/sip_status/*.rs");
    cases.compile_fail("tests/ui/derive/*.rs");
    cases.compile_fail("tests/ui/q850/*.rs");
}
