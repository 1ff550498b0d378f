use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(499)]
    Odd,
    #[sip(BusyHre)]
    Busy,
    #[sip(Declined)]
    Declined,
    #[sip("busy here")]
    Phrase,
    #[sip(0x1E6)]
    Hex,
}

fn main() {}
