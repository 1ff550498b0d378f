use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip]
    Bare,
    #[sip()]
    Empty,
    #[sip(486,, reason = "x")]
    DoubleComma,
    #[sip(486, 487)]
    TwoCodes,
    #[sip(transparent, transparent)]
    TwiceTransparent(u8),
}

fn main() {}
