#!/usr/bin/env bash
# Benchmark pc-onboard against what a user would otherwise run, and against the bytes it must
# read and write (SPEC §8, issue 17). One run prints, side by side:
#
#   1. A Faker-written CRM list (scripts/speed_yardstick/faker_list.py, 200,000 rows, 18 locales,
#      about 60% rejected like real CRM data): `pc-onboard run` with every output, `run --outputs
#      csv` (a nightly data-quality run) and the Python pipeline a user would otherwise write
#      (scripts/speed_yardstick/python_pipeline.py, 2 processes, doing less), and their ratio
#      (pc-onboard's runs: the mean of one before the Python pipeline and one after it).
#   2. `pc-onboard check` on 1,000,000 generated rows (with a 100,000-customer export): rows/s,
#      and `--jobs 1` against `--jobs 2` (two rounds of each, in the order 2, 1, 1, 2).
#   3. `pc-onboard run` on the same 1M rows: wall time, stages, peak memory.
#   4. A bare csv-crate read-and-write of each list (examples/csv_baseline.rs).
#
#   scripts/bench.sh                   all of the above
#   scripts/bench.sh --rows 1000000    the generated list's size (default 1,000,000)
#   scripts/bench.sh --faker-rows N    the Faker list's size (default 200,000)
#   scripts/bench.sh --no-python       skip the Python pipeline (no venv is made)
#   scripts/bench.sh --10m             also `run` on 10M generated rows (per-row cost vs 1M)
#   scripts/bench.sh --keep            keep the generated files (printed at the end)
#
# Environment: CARGO_TARGET_DIR (default /work/target-release), PROFILE (cargo profile, default
# release), BENCH_DIR (where files go; default a temporary folder removed at the end),
# YARDSTICK_VENV (the Python venv, default /tmp/pc-onboard-yardstick-venv; made by
# scripts/speed_yardstick/setup.sh from PyPI on first use). Results are appended to
# bench/speed.csv with the CPU seconds each run used (user + system) and the share of the
# machine's core time a virtual machine's host took meanwhile (steal, from /proc/stat; blank
# where there is none): on a shared host the wall seconds move with the neighbours, the CPU
# seconds much less. Targets: run >= 10x the Python pipeline; check >= 150,000 rows/s at 1M;
# --jobs 2 >= 1.8x --jobs 1; peak <= 1024 MB at 1M.
set -euo pipefail

rows=1000000
faker_rows=200000
python=1
ten_m=0
keep=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rows) shift; rows=$1 ;;
        --faker-rows) shift; faker_rows=$1 ;;
        --no-python) python=0 ;;
        --10m) ten_m=1 ;;
        --keep) keep=1 ;;
        -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
        *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

root=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-release}
if [[ ! -x /usr/bin/time ]]; then
    echo "bench: /usr/bin/time (GNU time) is needed for peak memory; install it: apt-get install time" >&2
    exit 2
fi
command -v python3 > /dev/null || { echo "bench: python3 is needed (summary.json, the Faker list)" >&2; exit 2; }

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
today=$(date -u +%Y-%m-%d)
results="$root/bench/speed.csv"
mkdir -p "$root/bench"
header="date,commit,what,rows,seconds,rows_per_sec,peak_mb,cpu_seconds,steal_pct"
if [[ ! -f "$results" ]]; then
    echo "$header" > "$results"
elif [[ "$(head -1 "$results")" != "$header" ]]; then
    # Results from before the CPU columns: the same rows, the new columns blank.
    python3 -c '
import sys
p, header = sys.argv[1], sys.argv[2]
old = open(p).read().splitlines()
want = header.count(",")
rows = [l + "," * (want - l.count(",")) for l in old[1:]]
open(p, "w").write("\n".join([header] + rows) + "\n")' "$results" "$header"
fi

# Wall seconds from /usr/bin/time's "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:12.34".
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
cpu_secs() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"; }
calc() { python3 -c "print($1)"; }
# The machine's steal and total jiffies so far (the "cpu" line of /proc/stat), or nothing. The
# total is user to steal: the guest columns after it are already counted in user and nice.
jiffies() { [[ -r /proc/stat ]] && awk '/^cpu / { t = 0; for (i = 2; i <= 9; i++) t += $i; print $9, t }' /proc/stat; }

# Runs a command under /usr/bin/time -v; sets $secs, $peak, $cpu and $steal (percent of the
# machine's core time the host took while it ran; blank without /proc/stat). $1 names it.
measure() {
    local name=$1 before after
    shift
    before=$(jiffies || true)
    /usr/bin/time -v "$@" > "$work/$name.out" 2> "$work/$name.time" || {
        cat "$work/$name.out" "$work/$name.time" >&2
        echo "bench: $name failed" >&2
        exit 1
    }
    after=$(jiffies || true)
    secs=$(wall "$work/$name.time")
    peak=$(peak_mb "$work/$name.time")
    cpu=$(cpu_secs "$work/$name.time")
    steal=""
    if [[ -n "$before" && -n "$after" ]]; then
        steal=$(python3 -c '
import sys
s0, t0, s1, t1 = map(int, sys.argv[1:5])
print("%.0f" % (100 * (s1 - s0) / max(1, t1 - t0)))' $before $after)
    fi
}

# "cpu 21.4 s, host took 12%": what a measurement's wall seconds should be read with.
used() { printf 'cpu %5.1f s%s' "$cpu" "${steal:+, host took $steal%}"; }

# Stage seconds from a summary.json: read+validate, match, domains+route, write.
stages() {
    python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["timings"]
print("read+validate %.2f, match %.2f, domains+route %.2f, write %.2f" % (t["read_validate"], t["match"], t["domains_route"], t["write"]))' "$1"
}

# The bare read-and-write of a file with the csv crate: seconds.
bare() {
    local s
    s=$("$baseline" "$1" "$work/copy.csv" | python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')
    rm -f "$work/copy.csv"
    echo "$s"
}

record() { echo "$today,$commit,$1,$2,$3,$(calc "round($2 / $3)"),$4,$cpu,$steal" >> "$results"; }

lines=()
say() { lines+=("$1"); echo "$1" >&2; }

# 1. The Faker-written list: pc-onboard against the Python pipeline.
yard="$root/scripts/speed_yardstick"
faker="$work/faker_$faker_rows.csv"
if [[ $python -eq 1 ]]; then
    py=$(bash "$yard/setup.sh")
    echo "bench: writing the Faker list ($faker_rows rows)" >&2
    "$py" "$yard/faker_list.py" --rows "$faker_rows" --seed 1 --out "$faker" > /dev/null
    cat "$faker" > /dev/null
    # pc-onboard runs once before the Python pipeline and once after it, and the two are
    # averaged: the host's speed drifts over the minute Python takes (by a third and more here),
    # and a single run on one side would charge that drift to one of them.
    measure faker_run "$bin" run "$faker" --out "$work/faker_out" --no-progress -q
    run_a=$secs run_peak=$peak run_used_a=$(used)
    record run_faker "$faker_rows" "$run_a" "$run_peak"
    measure faker_nightly "$bin" run "$faker" --out "$work/faker_nightly" --outputs csv --no-progress -q
    nightly_a=$secs nightly_peak=$peak
    record run_faker_outputs_csv "$faker_rows" "$nightly_a" "$nightly_peak"
    measure py_pipeline "$py" "$yard/python_pipeline.py" "$faker" --out "$work/py_out" --procs 2
    py_secs=$secs py_peak=$peak py_used=$(used)
    record python_pipeline "$faker_rows" "$py_secs" "$py_peak"
    measure faker_run_b "$bin" run "$faker" --out "$work/faker_out_b" --no-progress -q
    run_b=$secs run_used_b=$(used)
    record run_faker "$faker_rows" "$run_b" "$peak"
    measure faker_nightly_b "$bin" run "$faker" --out "$work/faker_nightly_b" --outputs csv --no-progress -q
    nightly_b=$secs
    record run_faker_outputs_csv "$faker_rows" "$nightly_b" "$peak"
    run_secs=$(calc "($run_a + $run_b) / 2")
    nightly_secs=$(calc "($nightly_a + $nightly_b) / 2")
    rejected=$(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
print("%.0f%%" % (100 * s["outcomes"]["rejected"] / max(1, s["rows_in"])))' "$work/faker_out/summary.json")
    faker_stages=$(stages "$work/faker_out/summary.json")
    faker_bare=$(bare "$faker")
    say ""
    say "Faker list, $faker_rows rows ($(du -m "$faker" | cut -f1) MB, $rejected rejected by pc-onboard):"
    say "$(printf '  Python pipeline (2 processes, clean file + findings) %7.2f s  peak %5s MB  %s' "$py_secs" "$py_peak" "$py_used")"
    say "$(printf '  pc-onboard run, every output                         %7.2f s  peak %5s MB  %5.1fx the Python way (target >= 10)' "$run_secs" "$run_peak" "$(calc "$py_secs / $run_secs")")"
    say "$(printf '    the mean of a run before Python, %.2f s (%s), and one after, %.2f s (%s)' "$run_a" "$run_used_a" "$run_b" "$run_used_b")"
    say "    stages of the first: $faker_stages"
    say "$(printf '  pc-onboard run --outputs csv (nightly)               %7.2f s  peak %5s MB  %5.1fx the Python way (%.2f s before, %.2f s after)' "$nightly_secs" "$nightly_peak" "$(calc "$py_secs / $nightly_secs")" "$nightly_a" "$nightly_b")"
    say "$(printf '  bare csv read-and-write                              %7.2f s' "$faker_bare")"
fi

# 2 and 3. Generated rows: check, check --jobs 1, run.
list="$work/list_$rows.csv"
pc="$work/pc_$rows.csv"
existing=$(( rows >= 1000000 ? 100000 : (rows >= 100 ? rows / 10 : 10) ))
echo "bench: generating $rows rows" >&2
"$bin" generate --rows "$rows" --seed 1 --out "$list" --existing-out "$pc" --existing-rows "$existing" -q
cat "$list" "$pc" > /dev/null
measure check2 "$bin" check "$list" --existing "$pc" --out "$work/check2" --no-progress -q --jobs 2
check2=$secs check2_peak=$peak check2_used=$(used)
record check_jobs2 "$rows" "$check2" "$check2_peak"
check_stages=$(stages "$work/check2/summary.json")
measure check1 "$bin" check "$list" --existing "$pc" --out "$work/check1" --no-progress -q --jobs 1
check1=$secs check1_used=$(used)
record check_jobs1 "$rows" "$check1" "$peak"
# The --jobs ratio from two rounds in the order 2, 1, 1, 2: a host that speeds up or slows down
# over the minutes (as shared hosts do, by 30% and more here) moves both sums alike, where a
# single pair of runs would charge the drift to the code.
measure check1b "$bin" check "$list" --existing "$pc" --out "$work/check1" --no-progress -q --jobs 1
check1b=$secs
record check_jobs1 "$rows" "$check1b" "$peak"
measure check2b "$bin" check "$list" --existing "$pc" --out "$work/check2b" --no-progress -q --jobs 2
check2b=$secs
record check_jobs2 "$rows" "$check2b" "$peak"
jobs_ratio=$(calc "($check1 + $check1b) / ($check2 + $check2b)")
measure run_gen "$bin" run "$list" --existing "$pc" --out "$work/run_out" --no-progress -q
run_gen=$secs run_gen_peak=$peak run_gen_used=$(used)
record run_generated "$rows" "$run_gen" "$run_gen_peak"
run_stages=$(stages "$work/run_out/summary.json")
gen_bare=$(bare "$list")
say ""
say "Generated list, $rows rows with a $existing-customer export ($(du -m "$list" | cut -f1) MB):"
say "$(printf '  check --jobs 2   %7.2f s  %8.0f rows/s (target >= 150,000)  peak %5s MB  %s' "$check2" "$(calc "$rows / $check2")" "$check2_peak" "$check2_used")"
say "    stages: $check_stages"
say "$(printf '  check --jobs 1   %7.2f s  %s' "$check1" "$check1_used")"
say "$(printf '  --jobs 2 is %.2fx --jobs 1 (target >= 1.8), from rounds in the order 2, 1, 1, 2: --jobs 2 %.2f + %.2f s, --jobs 1 %.2f + %.2f s' "$jobs_ratio" "$check2" "$check2b" "$check1" "$check1b")"
say "$(printf '  run              %7.2f s  %8.0f rows/s  peak %5s MB (target <= 1024)  %s' "$run_gen" "$(calc "$rows / $run_gen")" "$run_gen_peak" "$run_gen_used")"
say "    stages: $run_stages"
say "$(printf '  bare csv read-and-write %.2f s' "$gen_bare")"

if [[ $ten_m -eq 1 ]]; then
    big="$work/list_10m.csv"
    "$bin" generate --rows 10000000 --seed 1 --out "$big" --existing-out "$work/pc_10m.csv" --existing-rows 1000000 -q
    measure run_10m "$bin" run "$big" --existing "$work/pc_10m.csv" --out "$work/run_10m" --no-progress -q
    record run_generated 10000000 "$secs" "$peak"
    say "$(printf '  run at 10M       %7.2f s  peak %5s MB  per-row cost %.2fx the 1M run  %s' "$secs" "$peak" "$(calc "($secs / 10000000) / ($run_gen / $rows)")" "$(used)")"
fi

say ""
say "$today, commit $commit, profile $profile, $(nproc) cores; appended to bench/speed.csv"
[[ $keep -eq 1 ]] && echo "bench: files kept in $work" >&2
exit 0
