use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(4_86);
    let _ = sip_status!(0486);
}
