use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(486, q850 = UserBusy, q850 = 17)]
    Busy,
}

fn main() {}
