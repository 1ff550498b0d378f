use sip_codes::{StatusCode, sip_status};

fn main() {
    match StatusCode::OK {
        sip_status!(BusyHre) => {}
        _ => {}
    }
}
