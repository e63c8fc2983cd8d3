#!/usr/bin/env bash
# Benchmark pc-onboard on generated lists (SPEC §8) and print, per size: rows per second of the
# full `run`, wall time per stage (from summary.json), peak memory (/usr/bin/time -v), and the
# ratio to a bare read-and-write of the same file with the csv crate (examples/csv_baseline.rs),
# measured in the same script. Results are appended to bench/results.csv.
#
#   scripts/bench.sh                 100k and 1M rows (the 1M run with a 100k-customer export)
#   scripts/bench.sh --10m           also 10M rows
#   scripts/bench.sh --sizes "20000" only these sizes
#   scripts/bench.sh --no-xlsx       skip the 200k-row workbook check
#
# Environment: CARGO_TARGET_DIR (default /work/target-release), PROFILE (cargo profile, default
# release; `profiling` is release without LTO: minutes quicker to rebuild), BENCH_DIR (where the
# generated files go; default a temporary folder, removed at the end unless --keep), JOBS
# (--jobs for run).
# SPEC §8 targets: >= 250,000 rows/s, peak memory <= 1 GiB, within 4x of the bare read-and-write.
set -euo pipefail

sizes=(100000 1000000)
keep=0
xlsx=1
details=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --10m) sizes+=(10000000) ;;
        --sizes) shift; read -r -a sizes <<< "$1" ;;
        --keep) keep=1 ;;
        --no-xlsx) xlsx=0 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

root=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-release}
if [[ ! -x /usr/bin/time ]]; then
    echo "bench: /usr/bin/time (GNU time) is needed for peak memory; install it: sudo apt-get install time" >&2
    exit 2
fi
command -v python3 > /dev/null || { echo "bench: python3 is needed to read summary.json" >&2; exit 2; }

profile=${PROFILE:-release}
echo "bench: building $profile binaries in $CARGO_TARGET_DIR" >&2
(cd "$root" && cargo build --profile "$profile" --quiet --bin pc-onboard --example csv_baseline)
bin="$CARGO_TARGET_DIR/$profile/pc-onboard"
baseline="$CARGO_TARGET_DIR/$profile/examples/csv_baseline"

work=${BENCH_DIR:-$(mktemp -d -t pc-onboard-bench.XXXXXX)}
mkdir -p "$work"
cleanup() { if [[ $keep -eq 0 && -z "${BENCH_DIR:-}" ]]; then rm -rf "$work"; fi; }
trap cleanup EXIT

commit=$(cd "$root" && git rev-parse --short HEAD 2> /dev/null || echo unknown)
if [[ -n "$(cd "$root" && git status --porcelain --untracked-files=no 2> /dev/null)" ]]; then
    commit="$commit-dirty"
fi
results="$root/bench/results.csv"
mkdir -p "$root/bench"
[[ -f "$results" ]] || echo "date,commit,rows,seconds,rows_per_sec,peak_mb,baseline_seconds,ratio" > "$results"
jobs_arg=()
[[ -n "${JOBS:-}" ]] && jobs_arg=(--jobs "$JOBS")

# Wall seconds from /usr/bin/time's "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:12.34".
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

printf '\n%-9s %9s %12s %8s %9s %9s %8s %8s %8s %8s %9s %7s\n' rows seconds rows/s peak_MB baseline_s ratio existing read+val match dom+route write gen_s >&2
for n in "${sizes[@]}"; do
    existing=$(( n >= 1000000 ? 100000 : (n >= 100 ? n / 10 : 10) ))
    list="$work/list_$n.csv"
    pc="$work/pc_$n.csv"
    out="$work/out_$n"
    gen_start=$(date +%s.%N)
    "$bin" generate --rows "$n" --seed 1 --out "$list" --existing-out "$pc" --existing-rows "$existing" -q
    gen_s=$(python3 -c "print($(date +%s.%N) - $gen_start)")
    # Warm the page cache the same way for both measurements.
    cat "$list" "$pc" > /dev/null
    /usr/bin/time -v "$bin" run "$list" --existing "$pc" --out "$out" --no-progress -q "${jobs_arg[@]}" 2> "$work/time_$n.txt" \
        || { cat "$work/time_$n.txt" >&2; exit 1; }
    secs=$(wall "$work/time_$n.txt")
    peak=$(peak_mb "$work/time_$n.txt")
    base_secs=$("$baseline" "$list" "$work/copy_$n.csv" | python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')
    rm -f "$work/copy_$n.csv"
    read -r t_exist t_read t_match t_dom t_write pairs mem < <(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
t = s["timings"]
m = t.get("peak_memory_mb") or {}
mem = "/".join(str(m.get(k, "?")) for k in ("existing", "read_validate", "match", "write"))
print(t["existing"], t["read_validate"], t["match"], t["domains_route"], t["write"], s["matching"]["candidate_pairs"], mem)' "$out/summary.json")
    rps=$(python3 -c "print(round($n / $secs))")
    ratio=$(python3 -c "print(round($secs / $base_secs, 2))")
    printf '%-9s %9.2f %12s %8s %9.2f %9s %8.2f %8.2f %8.2f %8.2f %9.2f %7.2f\n' "$n" "$secs" "$rps" "$peak" "$base_secs" "$ratio" \
        "$t_exist" "$t_read" "$t_match" "$t_dom" "$t_write" "$gen_s" >&2
    details+=("$(printf '%-9s candidate pairs %s; peak MB after existing/read+validate/match/write: %s' "$n" "$pairs" "$mem")")
    echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$commit,$n,$secs,$rps,$peak,$base_secs,$ratio" >> "$results"
done
printf '%s\n' "${details[@]}" >&2

# A workbook at scale (issue 6): a 200k-row XLSX list read and validated (`check` writes only
# summary.json), with its peak memory.
if [[ $xlsx -eq 1 ]]; then
    book="$work/list_200k.xlsx"
    "$bin" generate --rows 200000 --seed 2 --out "$book" -q
    /usr/bin/time -v "$bin" check "$book" --out "$work/out_xlsx" --no-progress -q "${jobs_arg[@]}" 2> "$work/time_xlsx.txt" \
        || { cat "$work/time_xlsx.txt" >&2; exit 1; }
    printf 'xlsx      200,000-row workbook (%s MB): check %.2f s, peak %s MB\n' \
        "$(du -m "$book" | cut -f1)" "$(wall "$work/time_xlsx.txt")" "$(peak_mb "$work/time_xlsx.txt")" >&2
fi
echo >&2
echo "bench: targets (SPEC §8): >= 250000 rows/s, peak <= 1024 MB, ratio <= 4; results appended to bench/results.csv" >&2
[[ $keep -eq 1 ]] && echo "bench: files kept in $work" >&2
exit 0
