#!/usr/bin/env bash
# Records the project's own test captures: sipp places calls against the UAS example on loopback
# while tcpdump writes what crosses it. Two captures, small enough for CI:
#   calls.pcap  CALLS calls at RATE calls/s (tests/sipp/load_mix.xml: 60% answered and hung up,
#               the rest refused with 404, 486, 503 or 603)
#   lossy.pcap  the same with `sipp -lost 2`, so that both sides retransmit
# Usage: test-suite/tests/captures/record.sh OUT_DIR   (needs sipp, tcpdump and the right to capture on lo)
# TIMEOUT (seconds, default 60) bounds each sipp run: raise it for long captures.
set -euo pipefail
out=${1:?usage: record.sh OUT_DIR}
calls=${CALLS:-2000}
rate=${RATE:-1000}
root="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$out"

workspace="$(cd "$root/.." && pwd)"
cargo build -q -p sip-codes-test-suite --example uas --manifest-path "$workspace/Cargo.toml"
uas_bin="${CARGO_TARGET_DIR:-$workspace/target}/debug/examples/uas"

# One capture: the UAS on a free port, tcpdump on it, then sipp with the scenario and options given.
record() {
    local name=$1 scenario=$2; shift 2
    local port sipp_port log="$out/$name.log"
    port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    sipp_port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$uas_bin" --port "$port" --lifetime-secs 120 --max-calls 1000000 > /dev/null 2> "$log" &
    local uas=$!
    tcpdump -i lo -U -w "$out/$name.pcap" "udp and port $port" 2> "$out/$name.tcpdump" &
    local dump=$!
    sleep 1 # tcpdump opens the interface before the first call
    local status=0
    sipp -sf "$scenario" "$@" -i 127.0.0.1 -p "$sipp_port" -nostdin -timeout "${TIMEOUT:-60}s" -timeout_error \
        "127.0.0.1:$port" > "$out/$name.sipp" 2>&1 || status=$?
    sleep 1 # the last retransmissions and answers reach the capture
    kill "$dump" "$uas" 2> /dev/null || true
    wait "$dump" "$uas" 2> /dev/null || true
    echo "$name.pcap: sipp exited with $status; $(grep -Eo '[0-9]+ packets captured' "$out/$name.tcpdump" || echo '? packets')"
    return "$status"
}

scenario="$root/tests/sipp/load_mix.xml"
users="$root/tests/sipp/load_mix.csv"
record calls "$scenario" -inf "$users" -m "$calls" -r "$rate"
record lossy "$scenario" -inf "$users" -m "$calls" -r "$rate" -lost 2
