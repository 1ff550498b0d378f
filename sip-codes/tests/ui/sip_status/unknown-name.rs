use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(BusyHre);
    let _ = sip_status!(ServerTimeout);
    let _ = sip_status!(Teapot);
}
