use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(499);
    let _ = sip_status!(609);
}
