use sip_codes::SipResponse;

#[derive(SipResponse)]
#[sip(486, reason = "")]
struct Busy;

fn main() {}
