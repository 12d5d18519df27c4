#!/usr/bin/env bash
# Start-up and footprint of meedoen against a minimal ratatui app, measured in one run on
# one machine so the two are comparable: time to first frame in a pseudo-terminal
# (median of 20 starts), peak memory, CPU while idle, and the release binary's size.
# Needs only cargo and Linux's /proc; run from anywhere in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

RUNS=${RUNS:-20}
IDLE=${IDLE:-3}

echo "==== Building release (meedoen, examples minimal and first_frame) ===="
cargo build --release --locked --bin meedoen --example minimal --example first_frame

bin=$PWD/target/release/meedoen
minimal=$PWD/target/release/examples/minimal
harness=$PWD/target/release/examples/first_frame

echo "==== Measuring ($RUNS starts each, ${IDLE}s idle) ===="
# Absolute paths: the harness runs each program in a private HOME as its working folder.
# The TUI starts with no subcommand and shows its start screen. The two programs take
# turns in batches of 5, so a colleague's build on this machine slows both alike; idle
# CPU is measured on the first start of each.
get() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
measure() { # expect program idle runs
    "$harness" --runs "$4" --idle "$3" --expect "$1" -- "$2"
}
times_m="" times_b="" rss_m=0 rss_b=0 cpu_m="" cpu_b=""
done_runs=0
while [ "$done_runs" -lt "$RUNS" ]; do
    n=$((RUNS - done_runs < 5 ? RUNS - done_runs : 5))
    idle=0
    [ "$done_runs" -eq 0 ] && idle=$IDLE
    m=$(measure "Nieuw gesprek" "$bin" "$idle" "$n")
    b=$(measure "meedoen minimaal" "$minimal" "$idle" "$n")
    times_m="$times_m,$(get "$m" times_ms)"
    times_b="$times_b,$(get "$b" times_ms)"
    rss_m=$(( $(get "$m" peak_rss_kb) > rss_m ? $(get "$m" peak_rss_kb) : rss_m ))
    rss_b=$(( $(get "$b" peak_rss_kb) > rss_b ? $(get "$b" peak_rss_kb) : rss_b ))
    [ -z "$cpu_m" ] && cpu_m=$(get "$m" idle_cpu_ms) && cpu_b=$(get "$b" idle_cpu_ms)
    done_runs=$((done_runs + n))
done

# Median, fastest and slowest of a comma-separated list.
stats() { tr ',' '\n' <<<"${1#,}" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    print m, v[1], v[NR] }'; }
read -r mm lm xm <<<"$(stats "$times_m")"
read -r mb lb xb <<<"$(stats "$times_b")"

size_m=$(stat -c %s "$bin")
size_b=$(stat -c %s "$minimal")

awk -v mm="$mm" -v mb="$mb" -v lm="$lm" -v lb="$lb" -v xm="$xm" -v xb="$xb" \
    -v rm="$rss_m" -v rb="$rss_b" -v cm="$cpu_m" -v cb="$cpu_b" \
    -v sm="$size_m" -v sb="$size_b" -v idle="$IDLE" -v runs="$RUNS" 'BEGIN {
    ok = 1
    printf "\n%-32s %12s %12s %8s   %s\n", "", "meedoen", "minimal", "ratio", "target"
    printf "%-32s %12.2f %12.2f %8.2f   %s\n", "first frame, median of " runs " (ms)", mm, mb, mm / mb, "<= 1.5x minimal"
    printf "%-32s %12.2f %12.2f\n", "first frame, fastest (ms)", lm, lb
    printf "%-32s %12.2f %12.2f\n", "first frame, slowest (ms)", xm, xb
    printf "%-32s %12.1f %12.1f %8.2f   %s\n", "peak memory (MB)", rm / 1024, rb / 1024, rm / rb, "<= 20 MB"
    printf "%-32s %12d %12d %8s   %s\n", "CPU while idle " idle "s (ms)", cm, cb, "", "0"
    printf "%-32s %12.2f %12.2f %8.2f   %s\n", "binary size (MB)", sm / 1048576, sb / 1048576, sm / sb, "<= 10 MB"
    print ""
    if (mm > 1.5 * mb) { print "MISSED: first frame is more than 1.5x the minimal app"; ok = 0 }
    if (rm > 20 * 1024) { print "MISSED: peak memory above 20 MB"; ok = 0 }
    if (cm > 0) { print "MISSED: CPU used while idle"; ok = 0 }
    if (sm > 10 * 1048576) { print "MISSED: binary larger than 10 MB"; ok = 0 }
    if (ok) print "All targets met."
}'

# The executable the laptops run, when CI (or a developer) has built it.
exe=target/x86_64-pc-windows-gnu/release/meedoen.exe
if [ -f "$exe" ]; then
    awk -v s="$(stat -c %s "$exe")" 'BEGIN { printf "Windows executable: %.2f MB\n", s / 1048576 }'
fi
