use sip_codes::{StatusCode, sip_status};

const CODE: StatusCode = sip_status!(499);

fn main() {
    let _ = CODE;
}
