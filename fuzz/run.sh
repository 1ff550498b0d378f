#!/usr/bin/env bash
# Runs every fuzz target in turn: SECONDS_PER_TARGET each (default 600).
#   fuzz/run.sh            # needs cargo-fuzz: cargo install cargo-fuzz
# cargo-fuzz passes nightly-only flags to rustc; RUSTC_BOOTSTRAP lets the
# stable toolchain accept them. The committed seeds are in seeds/<target>/
# (the real status lines among them); what the fuzzer finds goes to
# corpus/<target>/ and crashes to artifacts/<target>/, both ignored by git.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${SECONDS_PER_TARGET:-600}
export RUSTC_BOOTSTRAP=1
# A race of thread exit that LeakSanitizer takes for a leak: see lsan.supp.
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
for target in $(cargo fuzz list); do
    echo "=== $target: $seconds s"
    mkdir -p "corpus/$target"
    cargo fuzz run -O "$target" "corpus/$target" "seeds/$target" -- -max_total_time="$seconds" -print_final_stats=1 2>&1 |
        grep -E '^(stat::|Done|INFO: seed corpus|==[0-9]+== ERROR|SUMMARY)' || true
    echo "corpus: $(ls "corpus/$target" | wc -l) inputs"
done
