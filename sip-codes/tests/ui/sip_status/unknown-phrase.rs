use sip_codes::sip_status;

fn main() {
    let _ = sip_status!("Busy Hre");
    let _ = sip_status!("busy here");
    let _ = sip_status!("Declined");
    let _ = sip_status!("I am a teapot");
}
