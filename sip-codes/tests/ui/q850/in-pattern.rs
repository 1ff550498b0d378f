use sip_codes::q850;

fn main() {
    let cause = sip_codes::q850::Cause::USER_BUSY;
    match cause {
        q850!(0) => {}
        _ => {}
    }
}
