use sip_codes::q850;

fn main() {
    let _ = q850!(1_7);
    let _ = q850!(017);
}
