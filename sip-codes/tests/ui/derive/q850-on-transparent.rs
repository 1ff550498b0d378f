use sip_codes::SipResponse;

#[derive(SipResponse)]
#[sip(486)]
struct Busy;

#[derive(SipResponse)]
enum CallError {
    #[sip(transparent, q850 = UserBusy)]
    Busy(Busy),
}

fn main() {}
