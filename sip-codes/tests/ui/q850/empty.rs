use sip_codes::q850;

fn main() {
    let _ = q850!();
}
