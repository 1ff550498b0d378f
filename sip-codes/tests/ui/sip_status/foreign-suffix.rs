use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(486u8);
    let _ = sip_status!(486i32);
    let _ = sip_status!(486usize);
}
