#!/usr/bin/env bash
# The benchmarks of quality.md (not part of the test suite; see bench/README.md):
# B1 (bench/b1_demo.py) builds the 100k demo database and keeps it; then every other
# bench/b<N>_*.py runs with that database's path as its first argument. Each script prints its
# figures, targets, floors and ratios; a missed target makes the run fail at the end. B5/B6 write
# filings into the archive, so they get a copy of the database.
#   BENCH_DB=path   where the 100k database is kept (default bench/out/b100k.db, gitignored)
#   BENCH_CASES=N   size of the demo database (default 100000)
#   BENCH_SKIP_B1=1 reuse an existing BENCH_DB instead of rebuilding it
set -euo pipefail

cd "$(dirname "$0")/.."
DB="${BENCH_DB:-bench/out/b100k.db}"
CASES="${BENCH_CASES:-100000}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
mkdir -p "$(dirname "$DB")"

failed=()
run() {
    echo "::: $*"
    .venv/bin/python "$@" || failed+=("$1")
}

if [[ "${BENCH_SKIP_B1:-0}" != 1 || ! -f "$DB" ]]; then
    run bench/b1_demo.py --cases "$CASES" --keep "$DB"
fi
shopt -s nullglob
for script in bench/b[0-9]*.py; do
    [[ "$script" == bench/b1_* ]] && continue
    if [[ "$script" == bench/b5_* || "$script" == bench/b6_* ]]; then
        # these file PDFs into the archive: give them a copy, keep the shared database pristine
        cp "$DB" "${DB%.db}-filings.db"
        run "$script" "${DB%.db}-filings.db"
    else
        run "$script" "$DB"
    fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "::: missed a target: ${failed[*]}" >&2
    exit 1
fi
