use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(b"486");
    let _ = sip_status!('4');
    let _ = sip_status!(c"486");
}
