//! The macros refuse misuse with a message at the offending token (trybuild), and accept
//! what they document.

#[test]
fn misuse_is_refused_with_a_clear_message() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
