#!/bin/bash
# Whole-process figures: each command run as a leader runs it, on the
# generator's files (target/bench-data/yN.db, made by `cargo bench --bench
# tui` or `giaoban demo --years N`), with the release build.
#
#   cargo build --release && bash benches/process.sh 1 10 100
#
# Per command: mean and p99 wall time over RUNS runs after 3 warm-ups
# (bash's EPOCHREALTIME around the process; starting a process alone
# costs ~2.5 ms here), and peak memory (GNU time's %M, when installed).
# Search: each of the 100 queries of benches/queries.txt once per run,
# p50 and p99 over all. Prints Markdown rows for docs/BENCHMARKS.md.
set -u
cd "$(dirname "$0")/.." || exit 1
BIN=${BIN:-target/release/giaoban}
RUNS=${RUNS:-20}
export GIAOBAN_TODAY=2026-11-23 NO_COLOR=1
mapfile -t QUERIES < <(grep -v '^#' benches/queries.txt)

# Wall times in ms of running "$@" n times, one per line.
times() {
    local n=$1
    shift
    for ((i = 0; i < n; i++)); do
        local t0=$EPOCHREALTIME
        "$@" >/dev/null 2>&1
        local t1=$EPOCHREALTIME
        echo "$t0 $t1" | awk '{printf "%.3f\n", ($2 - $1) * 1000}'
    done
}

# "mean ± σ | p99" of times on stdin.
summary() {
    sort -n | awk '{a[NR] = $1; s += $1; q += $1 * $1}
        END {m = s / NR; v = q / NR - m * m; if (v < 0) v = 0; i = int(NR * 0.99 + 0.5); if (i < 1) i = 1; if (i > NR) i = NR;
             printf "%.1f ms ± %.1f | %.1f ms", m, sqrt(v), a[i]}'
}

peak() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f MB", $1 / 1024}'
    else
        echo "—"
    fi
}

echo "| history | command | mean ± σ | p99 | peak RSS |"
echo "|---|---|---|---|---|"
for years in "$@"; do
    db=target/bench-data/y$years.db
    [ -f "$db" ] || { echo "no $db: make it with $BIN --db $db --today 2026-11-23 demo --years $years" >&2; exit 1; }
    for cmd in "status" "status --json" "tasks --org HND" "tasks --overdue" "pending" "agenda --next"; do
        read -ra args <<<"$cmd"
        times 3 "$BIN" --db "$db" "${args[@]}" >/dev/null
        echo "| $years | \`giaoban $cmd\` | $(times "$RUNS" "$BIN" --db "$db" "${args[@]}" | summary) | $(peak "$BIN" --db "$db" "${args[@]}") |"
    done
    for q in "${QUERIES[@]:0:3}"; do times 1 "$BIN" --db "$db" search "$q" >/dev/null; done
    all=$(for ((r = 0; r < RUNS / 4 + 1; r++)); do for q in "${QUERIES[@]}"; do times 1 "$BIN" --db "$db" search "$q"; done; done)
    p50=$(echo "$all" | sort -n | awk '{a[NR] = $1} END {printf "%.1f ms", a[int(NR / 2 + 0.5)]}')
    p99=$(echo "$all" | sort -n | awk '{a[NR] = $1} END {i = int(NR * 0.99 + 0.5); printf "%.1f ms", a[i]}')
    worst=$(for q in "${QUERIES[@]}"; do peak "$BIN" --db "$db" search "$q" | tr -d ' MB'; echo; done | sort -n | tail -1)
    echo "| $years | \`giaoban search\`, 100 queries (p50 \| p99) | $p50 | $p99 | ${worst} MB |"
done
