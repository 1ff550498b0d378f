use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(180)]
    Ringing,
    #[sip(Trying)]
    Trying,
}

fn main() {}
