use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(486, q850)]
    Busy,
    #[sip(503, q850 =)]
    Congested,
}

fn main() {}
