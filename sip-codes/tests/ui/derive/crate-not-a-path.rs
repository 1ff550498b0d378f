use sip_codes::SipResponse;

#[derive(SipResponse)]
#[sip(486, crate = "sip_codes")]
struct Busy;

fn main() {}
