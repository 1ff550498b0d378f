use sip_codes::SipResponse;

#[derive(SipResponse)]
#[sip(404)]
struct Inner;

#[derive(SipResponse)]
enum CallError {
    #[sip(transparent, 500)]
    WithCode(Inner),
    #[sip(transparent, reason = "Routing")]
    WithReason(Inner),
}

#[derive(SipResponse)]
#[sip(transparent)]
enum OnTheEnum {
    #[sip(404)]
    A,
}

fn main() {}
