use sip_codes::SipResponse;

#[derive(SipResponse)]
#[sip(701)]
struct HungUp;

fn main() {}
