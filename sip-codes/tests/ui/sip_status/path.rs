use sip_codes::{StatusCode, sip_status};

fn main() {
    let _: StatusCode = sip_status!(StatusCode::BUSY_HERE);
}
