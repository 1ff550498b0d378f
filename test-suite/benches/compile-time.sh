#!/usr/bin/env bash
# Compile-time cost of sip-codes, where users live and in an empty crate, in one run.
#
#   RUNS=7 test-suite/benches/compile-time.sh     # RUNS=7 by default
#   BEFORE=<commit> test-suite/benches/compile-time.sh
#                                      # also sip-codes at <commit>, in the same runs
#
# Uses cargo and coreutils only. Each scenario is a tiny generated crate under
# target/compile-time/, built in its own target directory. Dependencies come
# from the local registry cache (run `cargo fetch` once on a fresh machine).
#
# Clean builds: each run builds every scenario once, from nothing, in a
# rotated order, so that load from other processes on the machine falls on all
# scenarios alike; every figure is a median over the runs. Marginal costs are
# the median over runs of (scenario - base) within each run.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/target/compile-time"
runs=${RUNS:-7}
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

# clean_once NAME: "wall cpu", the seconds a build from nothing takes, on
# the clock and in CPU time (user + system, every process of the build). CPU
# time hardly moves when other processes share the machine; wall time does.
clean_once() {
    rm -rf "$work/$1/target"
    local TIMEFORMAT='%R %U %S'
    if ! { time (cd "$work/$1" && cargo build --quiet --offline 2>"$work/$1/build.err"); } 2>"$work/time"; then
        cat "$work/$1/build.err" >&2
        return 1
    fi
    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time"
}

# rebuild_pair A B: median times to rebuild each crate alone after its
# source changes, A and B in turn. A rebuild takes a tenth of a second, so it
# is repeated 4x as often as a clean build.
rebuild_pair() {
    local a=() b=()
    (cd "$work/$1" && cargo build --quiet --offline)
    (cd "$work/$2" && cargo build --quiet --offline)
    for _ in $(seq $((runs * 4))); do
        a+=("$(rebuild_once "$1")")
        b+=("$(rebuild_once "$2")")
    done
    printf '%s %s\n' "$(printf '%s\n' "${a[@]}" | median)" "$(printf '%s\n' "${b[@]}" | median)"
}

rebuild_once() {
    touch "$work/$1/src/lib.rs"
    local start; start=$(now)
    (cd "$work/$1" && cargo build --quiet --offline)
    elapsed "$start"
}

sip="sip-codes = { path = \"$root/sip-codes\" }"
sip_runtime="sip-codes = { path = \"$root/sip-codes\", default-features = false }"

# Where users live: an application that already derives with clap and serde
# (both on syn 3), then the same with sip-codes (one derive, one sip_status!),
# or with what a user would pick instead: http's constants and thiserror.
base_deps='clap = { version = "4.6", features = ["derive"] }
serde = { version = "1", features = ["derive"] }'
base_body='
#[derive(clap::Parser)]
pub struct Args { #[arg(long, default_value_t = 5060)] pub port: u16, #[arg(long)] pub domain: String }
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Config { pub domain: String, pub ports: Vec<u16> }'
new_crate base "$base_deps" "$base_body"
new_crate base-sip-codes "$base_deps
$sip" "$base_body
use sip_codes::{SipResponse, StatusCode, sip_status};
pub const BUSY: StatusCode = sip_status!(BusyHere);
#[derive(SipResponse)]
pub enum Error { #[sip(404)] NotFound, #[sip(transparent)] Other(Box<dyn SipResponse>) }"
new_crate base-http-thiserror "$base_deps
http = \"1\"
thiserror = \"2\"" "$base_body
pub const NOT_FOUND: http::StatusCode = http::StatusCode::NOT_FOUND;
#[derive(Debug, thiserror::Error)]
pub enum Error { #[error(\"not found\")] NotFound, #[error(transparent)] Other(Box<dyn std::error::Error>) }"

# sip-codes at another commit, for a before-and-after in the same runs.
before=${BEFORE:-}
if [[ -n $before ]]; then
    mkdir -p "$work/before"
    git -C "$root" archive "$before" | tar -x -C "$work/before"
    before_sip="sip-codes = { path = \"$work/before/sip-codes\" }"
    new_crate base-sip-codes-before "$base_deps
$before_sip" "$(cat "$work/base-sip-codes/src/lib.rs")"
fi

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

clean=(base base-sip-codes base-http-thiserror tiny-sip-codes tiny-thiserror tiny-sip-codes-runtime tiny-http)
if [[ -n $before ]]; then
    new_crate tiny-sip-codes-before "$before_sip" "$(cat "$work/tiny-sip-codes/src/lib.rs")"
    clean+=(base-sip-codes-before tiny-sip-codes-before)
fi
samples="$work/clean-builds.txt"
: >"$samples"
for run in $(seq "$runs"); do
    for i in "${!clean[@]}"; do
        name=${clean[$(((i + run) % ${#clean[@]}))]}
        times=$(clean_once "$name")
        printf '%s %s %s\n' "$run" "$name" "$times" >>"$samples"
    done
done
# Columns of $samples: run, scenario, wall seconds, CPU seconds.
column=3
# median_of NAME: the median clean build of NAME (wall, or CPU with column=4).
median_of() { awk -v name="$1" -v c="$column" '$2 == name { print $c }' "$samples" | median; }
# marginal NAME: the median over runs of NAME minus the base of the same run.
marginal() {
    awk -v name="$1" -v c="$column" '$2 == "base" { base[$1] = $c } $2 == name { time[$1] = $c }
        END { for (run in time) printf "%.3f\n", time[run] - base[run] }' "$samples" | median
}

echo "rustc: $(rustc --version)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); runs: $runs; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
report "measure" "sip-codes (s)" "peer (s)" "ratio" "target"
report "---" "---" "---" "---" "---"
for column in 3 4; do
    clock=$([[ $column == 3 ]] && echo wall || echo CPU)
    sip_added=$(marginal base-sip-codes)
    peer_added=$(marginal base-http-thiserror)
    report "clean build of an app with clap + serde, $clock: added by sip-codes vs by http + thiserror" \
        "$sip_added" "$peer_added" "$(ratio "$sip_added" "$peer_added")" "<= 1"
    report "clean build of an empty crate, $clock: default features (macros) vs thiserror" \
        "$(median_of tiny-sip-codes)" "$(median_of tiny-thiserror)" \
        "$(ratio "$(median_of tiny-sip-codes)" "$(median_of tiny-thiserror)")" "<= 1"
    report "clean build of an empty crate, $clock: runtime only (no default features) vs http" \
        "$(median_of tiny-sip-codes-runtime)" "$(median_of tiny-http)" \
        "$(ratio "$(median_of tiny-sip-codes-runtime)" "$(median_of tiny-http)")" "<= 1"
done
read -r calls hand <<<"$(rebuild_pair thousand-macro thousand-hand)"
report "rebuild, 1,000 sip_status! vs hand-written constants" "$calls" "$hand" "$(ratio "$calls" "$hand")" "<= 1.15"
per_call=$(awk -v a="$calls" -v b="$hand" 'BEGIN { printf "%.0f\n", (a - b) * 1000 }')
read -r derive hand <<<"$(rebuild_pair derive-enums hand-enums)"
report "rebuild, 20 x 50-variant derives vs hand-written impls" "$derive" "$hand" "$(ratio "$derive" "$hand")" "<= 1.2"
echo
for column in 3 4; do
    clock=$([[ $column == 3 ]] && echo wall || echo CPU)
    echo "$clock, medians: base app $(median_of base) s; base + sip-codes $(median_of base-sip-codes) s;" \
        "base + http + thiserror $(median_of base-http-thiserror) s"
    if [[ -n $before ]]; then
        before_added=$(marginal base-sip-codes-before)
        peer_added=$(marginal base-http-thiserror)
        echo "$clock, sip-codes at $before in the same runs: added to the app $before_added s" \
            "($(ratio "$before_added" "$peer_added") of http + thiserror's);" \
            "empty crate $(median_of tiny-sip-codes-before) s" \
            "($(ratio "$(median_of tiny-sip-codes-before)" "$(median_of tiny-thiserror)") of thiserror's)"
    fi
done
echo "every clean build, one line each (run, scenario, wall and CPU seconds): $samples"
echo "one sip_status! call costs about $per_call µs (the difference of the medians over 1,000 calls)"
