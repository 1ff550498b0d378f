#!/usr/bin/env bash
# Compile-time cost of sip-codes, against thiserror and http, in one run.
#
#   benches/compile-time.sh            # RUNS=3 by default; RUNS=5 for steadier medians
#
# Uses cargo and coreutils only. Each scenario is a tiny generated crate under
# target/compile-time/, built in its own target directory; every figure is the
# median wall time of RUNS builds, in seconds. Dependencies come from the local
# registry cache (run `cargo fetch` once on a fresh machine).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/target/compile-time"
runs=${RUNS:-3}
rm -rf "$work"
mkdir -p "$work"

# The catalogue's rows, read from the one file that defines them:
# "code CONSTANT CamelName" for the codes an application answers with
# (final and registered: not 1xx, not the deprecated 202, not stack-local 7xx).
rows=$(grep -E '^ +[2-6][0-9]{2} [A-Z_]+ [A-Za-z]+ "' "$root/sip-codes-core/src/status/rows.rs" |
    awk '$1 != 202 { print $1, $2, $3 }')
row_count=$(wc -l <<<"$rows")

# new_crate NAME DEPENDENCIES BODY
new_crate() {
    mkdir -p "$work/$1/src"
    cat >"$work/$1/Cargo.toml" <<TOML
[package]
name = "$1"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
$2
TOML
    printf '%s\n' "$3" >"$work/$1/src/lib.rs"
}

now() { date +%s.%N; }
elapsed() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.3f\n", end - start }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# clean_pair A B: median times of a build from nothing (dependencies included)
# of A and of B, alternating A and B so that both see the same machine load.
clean_pair() {
    local a=() b=()
    for _ in $(seq "$runs"); do
        a+=("$(clean_once "$1")")
        b+=("$(clean_once "$2")")
    done
    printf '%s %s\n' "$(printf '%s\n' "${a[@]}" | median)" "$(printf '%s\n' "${b[@]}" | median)"
}

clean_once() {
    rm -rf "$work/$1/target"
    local start; start=$(now)
    (cd "$work/$1" && cargo build --quiet --offline)
    elapsed "$start"
}

# rebuild NAME: median time to rebuild the crate alone after its source
# changes. A rebuild takes a tenth of a second, so it is repeated 4x as often.
rebuild() {
    (cd "$work/$1" && cargo build --quiet --offline)
    for _ in $(seq $((runs * 4))); do
        touch "$work/$1/src/lib.rs"
        local start; start=$(now)
        (cd "$work/$1" && cargo build --quiet --offline)
        elapsed "$start"
    done | median
}

sip="sip-codes = { path = \"$root/sip-codes\" }"
sip_runtime="sip-codes = { path = \"$root/sip-codes\", default-features = false }"

new_crate tiny-sip-codes "$sip" '
use sip_codes::{SipResponse, StatusCode, sip_status};
pub const BUSY: StatusCode = sip_status!(BusyHere);
#[derive(SipResponse)]
pub enum Error { #[sip(404)] NotFound, #[sip(transparent)] Other(Box<dyn SipResponse>) }'
new_crate tiny-sip-codes-runtime "$sip_runtime" '
pub fn busy() -> Option<sip_codes::StatusCode> { sip_codes::StatusCode::from_u16(486).ok() }'
new_crate tiny-thiserror 'thiserror = "2"' '
#[derive(Debug, thiserror::Error)]
pub enum Error { #[error("not found")] NotFound, #[error(transparent)] Other(Box<dyn std::error::Error>) }'
new_crate tiny-http 'http = "1"' '
pub fn busy() -> Option<http::StatusCode> { http::StatusCode::from_u16(486).ok() }'

# 1,000 constants, through the macro and written by hand.
macro_calls=$(awk '{ print "pub const C" NR ": StatusCode = sip_status!(" $3 ");" }' <<<"$rows")
hand_consts=$(awk '{ print "pub const C" NR ": StatusCode = StatusCode::" $2 ";" }' <<<"$rows")
repeat() { for i in $(seq "$1"); do sed "s/pub const C\([0-9]*\)/pub const C${i}_\1/" <<<"$2"; done; }
copies=$(( (1000 + row_count - 1) / row_count ))
new_crate thousand-macro "$sip" "use sip_codes::{StatusCode, sip_status};
$(repeat "$copies" "$macro_calls" | head -n 1000)"
new_crate thousand-hand "$sip" "use sip_codes::StatusCode;
$(repeat "$copies" "$hand_consts" | head -n 1000)"

# 20 enums of 50 variants, derived and written by hand.
derived="use sip_codes::SipResponse;"
hand="use sip_codes::{SipResponse, StatusCode};"
for e in $(seq 20); do
    variants=$(head -n 50 <<<"$(repeat 2 "$rows")" | awk '{ print "    #[sip(" $1 ")] V" NR "," }')
    derived+=$'\n'"#[derive(SipResponse)] pub enum E$e {"$'\n'"$variants"$'\n'"}"
    plain=$(head -n 50 <<<"$(repeat 2 "$rows")" | awk '{ print "    V" NR "," }')
    status=$(head -n 50 <<<"$(repeat 2 "$rows")" | awk '{ print "            Self::V" NR " => StatusCode::" $2 "," }')
    reason=$(head -n 50 <<<"$(repeat 2 "$rows")" |
        awk '{ print "            Self::V" NR " => StatusCode::" $2 ".canonical_reason().unwrap_or(\"\")," }')
    hand+=$'\n'"pub enum E$e {"$'\n'"$plain"$'\n'"}
impl SipResponse for E$e {
    fn status(&self) -> StatusCode {
        match self {
$status
        }
    }
    fn reason(&self) -> &str {
        match self {
$reason
        }
    }
}"
done
new_crate derive-enums "$sip" "$derived"
new_crate hand-enums "$sip" "$hand"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'; }
report() { printf '| %s | %s | %s | %s | %s |\n' "$@"; }

echo "rustc: $(rustc --version)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); runs per figure: $runs; machine: $(nproc) cores"
echo
report "measure" "sip-codes (s)" "peer (s)" "ratio" "target"
report "---" "---" "---" "---" "---"
read -r runtime http <<<"$(clean_pair tiny-sip-codes-runtime tiny-http)"
report "clean build, runtime only (no default features) vs http" "$runtime" "$http" "$(ratio "$runtime" "$http")" "<= 1"
read -r macros thiserror <<<"$(clean_pair tiny-sip-codes tiny-thiserror)"
report "clean build, default features (macros) vs thiserror" "$macros" "$thiserror" "$(ratio "$macros" "$thiserror")" "<= 0.9"
hand=$(rebuild thousand-hand)
calls=$(rebuild thousand-macro)
report "rebuild, 1,000 sip_status! vs hand-written constants" "$calls" "$hand" "$(ratio "$calls" "$hand")" "<= 1.15"
per_call=$(awk -v a="$calls" -v b="$hand" 'BEGIN { printf "%.0f\n", (a - b) * 1000 }')
hand=$(rebuild hand-enums)
derive=$(rebuild derive-enums)
report "rebuild, 20 x 50-variant derives vs hand-written impls" "$derive" "$hand" "$(ratio "$derive" "$hand")" "<= 1.2"
echo
echo "one sip_status! call costs about $per_call µs (the difference of the medians over 1,000 calls)"
