#!/usr/bin/env bash
# Build the one-folder desktop bundle (dist/ttdesk/) with PyInstaller and prove it works:
# the frozen app's --self-test (database + migrations, rules, CJK font, Qt offscreen) must pass.
set -euo pipefail

cd "$(dirname "$0")/.."
EXTRAS=dev,build bash scripts/bootstrap.sh
bash scripts/fetch_font.sh
bash scripts/i18n.sh  # resources/i18n/*.ts -> *.qm (the English interface)
started=$SECONDS
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
echo "bundle: built dist/ttdesk in $((SECONDS - started)) s, $(du -sh dist/ttdesk | cut -f1)" >&2
QT_QPA_PLATFORM=offscreen dist/ttdesk/ttdesk --self-test
