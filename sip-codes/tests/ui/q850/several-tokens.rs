use sip_codes::q850;

fn main() {
    let _ = q850!(User busy);
    let _ = q850!(17 18);
}
