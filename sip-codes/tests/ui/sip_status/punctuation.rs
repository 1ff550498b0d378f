use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(+);
    let _ = sip_status!(#);
}
