#![deny(deprecated)]

use sip_codes::sip_status;

fn main() {
    let _ = sip_status!(202);
    let _ = sip_status!(Accepted);
}
