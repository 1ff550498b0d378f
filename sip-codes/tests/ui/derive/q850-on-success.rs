use sip_codes::SipResponse;

#[derive(SipResponse)]
enum Outcome {
    #[sip(200, q850 = NormalCallClearing)]
    Done,
    #[sip(486, q850 = UserBusy)]
    Busy,
}

fn main() {}
