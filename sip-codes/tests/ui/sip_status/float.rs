use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(486.0);
    let _ = sip_status!(4.86e2);
}
