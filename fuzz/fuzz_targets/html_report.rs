//! The findings page of `explain`: any input, however hostile, is read
//! without a panic, and reaches the page as text only: every `<` on the page
//! is one the page's own markup wrote.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (page, tags) = sipcode::fuzzing::explain_html(data);
    assert_eq!(page.matches('<').count(), tags, "text from the input opened an element");
});
