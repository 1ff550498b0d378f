use sip_codes::SipResponse;

#[derive(SipResponse)]
#[sip(404)]
struct Inner;

#[derive(SipResponse)]
enum CallError {
    #[sip(transparent)]
    Two(Inner, Inner),
    #[sip(transparent)]
    None,
    #[sip(transparent)]
    Named { a: Inner, b: Inner },
}

fn main() {}
