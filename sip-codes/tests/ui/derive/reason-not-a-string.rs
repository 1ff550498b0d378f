use sip_codes::SipResponse;

#[derive(SipResponse)]
#[sip(486, reason = 486)]
struct Busy;

fn main() {}
