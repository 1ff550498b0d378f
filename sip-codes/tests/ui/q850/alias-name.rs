use sip_codes::q850;

fn main() {
    let _ = q850!(NormalCircuitCongestion);
    let _ = q850!(AnsweredElsewhere);
}
