use sip_codes::q850;

fn main() {
    let _ = q850!(UserBusyy);
    let _ = q850!(Frobnicated);
}
