use sip_codes::sip_status;

fn main() {
    let _ = sip_status!((486));
    let _ = sip_status!([BusyHere]);
}
