use sip_codes::q850;

fn main() {
    let _ = q850!("user busy");
    let _ = q850!("Normal circuit congestion");
    let _ = q850!("Nothing of the kind");
}
