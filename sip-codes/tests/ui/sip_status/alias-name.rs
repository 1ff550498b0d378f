use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(Declined);
    let _ = sip_status!(InternalServerError);
}
