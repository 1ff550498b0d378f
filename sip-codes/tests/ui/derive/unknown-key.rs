use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(486, reasn = "Busy")]
    Busy,
    #[sip(486, reason = "a", reason = "b")]
    Twice,
}

fn main() {}
