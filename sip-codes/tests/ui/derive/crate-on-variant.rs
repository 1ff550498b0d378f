use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(486, crate = sip_codes)]
    Busy,
}

fn main() {}
