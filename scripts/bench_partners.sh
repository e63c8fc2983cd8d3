#!/usr/bin/env bash
# Benchmark reports for partners (issue 19): the same generated list run without and with
# `--report-per Reseller`, the list's rows spread over N resellers (a Reseller column is added to
# the generated list, row i going to reseller i mod N). Prints wall seconds, peak memory and the
# stage timings of summary.json for both runs; the cost of the partners' reports is the difference,
# and summary.json's timings.partners.
#
#   scripts/bench_partners.sh                      1M rows over 2,000 resellers
#   scripts/bench_partners.sh --rows 100000 --partners 500
#
# Environment: CARGO_TARGET_DIR (default /work/target-release), PROFILE (default release;
# `profiling` is release without LTO), BENCH_DIR (where the files go; default a temporary folder,
# removed at the end unless --keep), JOBS (--jobs for run).
set -euo pipefail

rows=1000000
partners=2000
keep=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rows) shift; rows=$1 ;;
        --partners) shift; partners=$1 ;;
        --keep) keep=1 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "bench_partners: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

root=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-release}
[[ -x /usr/bin/time ]] || { echo "bench_partners: /usr/bin/time (GNU time) is needed for peak memory" >&2; exit 2; }
command -v python3 > /dev/null || { echo "bench_partners: python3 is needed" >&2; exit 2; }

profile=${PROFILE:-release}
echo "bench_partners: building the $profile binary in $CARGO_TARGET_DIR" >&2
(cd "$root" && cargo build --profile "$profile" --quiet --bin pc-onboard)
bin="$CARGO_TARGET_DIR/$profile/pc-onboard"

work=${BENCH_DIR:-$(mktemp -d -t pc-onboard-bench-partners.XXXXXX)}
mkdir -p "$work"
cleanup() { if [[ $keep -eq 0 && -z "${BENCH_DIR:-}" ]]; then rm -rf "$work"; fi; }
trap cleanup EXIT
jobs_arg=()
[[ -n "${JOBS:-}" ]] && jobs_arg=(--jobs "$JOBS")

list="$work/list_${rows}.csv"
if [[ ! -f "$list" ]]; then
    "$bin" generate --rows "$rows" --seed 1 --out "$work/plain.csv" -q
    # Records, not lines: a quoted value may hold a line break.
    python3 - "$work/plain.csv" "$list" "$partners" << 'EOF'
import csv, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, newline="", encoding="utf-8") as f, open(dst, "w", newline="", encoding="utf-8") as g:
    r, w = csv.reader(f), csv.writer(g)
    w.writerow(next(r) + ["Reseller"])
    for i, rec in enumerate(r):
        w.writerow(rec + [f"Reseller {i % n:04d} Ltd"])
EOF
    rm -f "$work/plain.csv"
fi
cat "$list" > /dev/null

wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

printf '\n%-12s %8s %8s %8s %8s %8s %8s %8s %7s\n' run seconds peak_MB read+val match dom+route write partners files >&2
for mode in whole per-partner; do
    out="$work/out_$mode"
    extra=()
    [[ $mode == per-partner ]] && extra=(--report-per Reseller)
    /usr/bin/time -v "$bin" run "$list" --out "$out" --no-progress -q "${jobs_arg[@]}" "${extra[@]}" 2> "$work/time_$mode.txt" \
        || { cat "$work/time_$mode.txt" >&2; exit 1; }
    read -r t_read t_match t_dom t_write t_part files < <(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
t = s["timings"]
print(t["read_validate"], t["match"], t["domains_route"], t["write"], t.get("partners") or 0, len(s["outputs"]))' "$out/summary.json")
    printf '%-12s %8.2f %8s %8.2f %8.2f %8.2f %8.2f %8.2f %7s\n' "$mode" "$(wall "$work/time_$mode.txt")" \
        "$(peak_mb "$work/time_$mode.txt")" "$t_read" "$t_match" "$t_dom" "$t_write" "$t_part" "$files" >&2
done
echo "bench_partners: $rows rows over $partners resellers; the partners' reports should cost at most the whole list's write once more (issue 19)" >&2
[[ $keep -eq 1 ]] && echo "bench_partners: files kept in $work" >&2
exit 0
