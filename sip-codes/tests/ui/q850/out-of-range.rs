use sip_codes::q850;

fn main() {
    let _ = q850!(0);
    let _ = q850!(128);
    let _ = q850!(300);
    let _ = q850!(99999);
}
