use sip_codes::{SipResponse, StatusCode};

// One error at the code; no "SipResponse is not implemented" below it.
#[derive(SipResponse)]
#[sip(499)]
struct Odd;

fn main() {
    let _: StatusCode = Odd.status();
}
