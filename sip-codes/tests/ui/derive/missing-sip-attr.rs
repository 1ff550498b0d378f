use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(486)]
    Busy,
    Unknown,
}

#[derive(SipResponse)]
struct Forbidden;

fn main() {}
