use sip_codes::SipResponse;

#[derive(SipResponse)]
enum CallError {
    #[sip(486, reason = "Busy\r\nX-Injected: yes")]
    Injected,
    #[sip(486, reason = "Busy\u{7}")]
    Bell,
}

fn main() {}
