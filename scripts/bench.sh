#!/usr/bin/env bash
# The benchmarks of quality.md (not part of the test suite): builds the 100k demo database once
# (B1: `ttdesk-cli demo --cases 100000`, timed), then runs every bench/b<N>_*.py with that
# database's path as its first argument. Each script prints its figures, floors and ratios.
#   BENCH_DB=path   database to use/create (default bench/out/b100k.db, gitignored)
#   BENCH_CASES=N   size of the demo database (default 100000)
set -euo pipefail

cd "$(dirname "$0")/.."
DB="${BENCH_DB:-bench/out/b100k.db}"
CASES="${BENCH_CASES:-100000}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

if [[ ! -f "$DB" ]]; then
    mkdir -p "$(dirname "$DB")"
    echo "::: B1 build the ${CASES}-case demo database $DB (target ≤ 90 s, ≤ 250 MB)"
    started=$EPOCHREALTIME
    .venv/bin/ttdesk-cli --db "$DB" demo --cases "$CASES" --seed 1
    awk -v a="$started" -v b="$EPOCHREALTIME" -v mb="$(du -m "$DB" | cut -f1)" \
        'BEGIN { printf "B1: %.1f s, %d MB\n", b - a, mb }'
fi
shopt -s nullglob
failed=()
for script in bench/b[0-9]*.py; do
    echo "::: $script"
    .venv/bin/python "$script" "$DB" || failed+=("$script")
done
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "::: missed a target: ${failed[*]}" >&2
    exit 1
fi
