use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(0x1E6);
    let _ = sip_status!(0o746);
    let _ = sip_status!(0b111100110);
}
