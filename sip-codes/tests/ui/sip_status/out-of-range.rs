use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(0);
    let _ = sip_status!(99);
    let _ = sip_status!(700);
    let _ = sip_status!(1000);
    let _ = sip_status!(65536);
    let _ = sip_status!(99999999999999999999999);
}
