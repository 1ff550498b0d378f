use sip_codes::SipResponse;

#[derive(SipResponse)]
#[sip(486, crate)]
struct NoPath;

#[derive(SipResponse)]
#[sip(486, reason)]
struct NoReason;

fn main() {}
