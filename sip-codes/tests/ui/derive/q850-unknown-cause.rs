use sip_codes::SipResponse;

#[derive(SipResponse)]
enum GatewayError {
    #[sip(503, q850 = 52)]
    Barred,
    #[sip(486, q850 = UserBusyy)]
    Busy,
    #[sip(503, q850 = NormalCircuitCongestion)]
    Congested,
    #[sip(500, q850 = 128)]
    Huge,
}

fn main() {}
