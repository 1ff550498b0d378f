use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(486 487);
    let _ = sip_status!(486, 487);
    let _ = sip_status!(Busy Here);
}
