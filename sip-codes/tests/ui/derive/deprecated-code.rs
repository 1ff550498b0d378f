#![deny(deprecated)]

use sip_codes::SipResponse;

#[derive(SipResponse)]
#[sip(Accepted)]
struct Queued;

fn main() {}
