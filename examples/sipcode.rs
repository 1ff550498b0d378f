//! The operator's lookup tool (a first version: code lookup only).

fn main() {
    let query = std::env::args().nth(1).unwrap_or_default();
    let entry = query
        .parse::<u16>()
        .ok()
        .and_then(sip_codes::Entry::by_code)
        .or_else(|| sip_codes::Entry::by_name(&query))
        .or_else(|| sip_codes::Entry::by_phrase(&query));
    match entry {
        Some(entry) => println!(
            "{} {} ({})\n{}\n{}",
            entry.code,
            entry.phrase,
            entry.class(),
            entry.meaning,
            entry.reference
        ),
        None => {
            eprintln!("sipcode: nothing matches {query:?}");
            std::process::exit(1);
        }
    }
}
