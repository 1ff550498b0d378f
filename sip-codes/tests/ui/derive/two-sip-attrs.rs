use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(486)]
    #[sip(reason = "Busy")]
    Busy,
}

fn main() {}
