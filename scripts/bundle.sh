#!/usr/bin/env bash
# Build the one-folder desktop bundle (dist/ttdesk/: ttdesk and the console ttdesk-cli) with
# PyInstaller and prove it works: `ttdesk-cli self-test` (database + migrations, rules, CJK
# font, Qt offscreen painting real Chinese glyphs) must pass, and the folder must stay under
# its size budget. The Windows workflow (.github/workflows/windows-installer.yml) does the same
# steps with Windows paths.
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${VENV_BIN:-.venv/bin}
BUDGET_MB=${BUNDLE_BUDGET_MB:-215}
EXTRAS=dev,build bash scripts/bootstrap.sh
bash scripts/fetch_font.sh
bash scripts/i18n.sh  # resources/i18n/*.ts -> *.qm (the English interface)
started=$SECONDS
"$BIN/pyinstaller" --noconfirm --clean --log-level WARN build.spec
# Tidy what PyInstaller leaves: links to libraries build.spec left out, and the debug
# information of a locally built Python (libpython and its extension modules; Debian's are
# stripped already).
find dist/ttdesk -xtype l -delete
if command -v strip >/dev/null; then
    find dist/ttdesk/_internal -maxdepth 1 -name 'libpython3*.so*' -type f \
        -exec strip --strip-debug {} +
    find dist/ttdesk/_internal \( -path '*/python3*/*' -o -path '*/zstandard/*' \) \
        -name '*.so' -type f -exec strip --strip-debug {} +
fi
size_mb=$(du -sm dist/ttdesk | cut -f1)
echo "bundle: built dist/ttdesk in $((SECONDS - started)) s, ${size_mb} MB (budget ${BUDGET_MB} MB)" >&2
QT_QPA_PLATFORM=offscreen dist/ttdesk/ttdesk-cli self-test
if (( size_mb > BUDGET_MB )); then
    echo "bundle: ${size_mb} MB is over the ${BUDGET_MB} MB budget" >&2
    exit 1
fi
