use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(reason = "Busy")]
    NoCode,
}

fn main() {}
