//! Compile-time rejections: one file per rule under `tests/ui/`, each with the
//! exact compiler output it must produce beside it (`.stderr`). Regenerate
//! after an intended change with `TRYBUILD=overwrite cargo test -p sip-codes --test ui`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/sip_status/*.rs");
    cases.compile_fail("tests/ui/derive/*.rs");
    cases.compile_fail("tests/ui/q850/*.rs");
}
