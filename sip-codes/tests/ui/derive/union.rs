use sip_codes::SipResponse;

#[derive(SipResponse)]
union Bits {
    a: u32,
    b: f32,
}

fn main() {}
