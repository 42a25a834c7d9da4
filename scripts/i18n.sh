#!/usr/bin/env bash
# Qt translations of the desktop UI.
#
#   scripts/i18n.sh            compile resources/i18n/*.ts -> resources/i18n/*.qm (build step)
#   scripts/i18n.sh --update   first refresh resources/i18n/ttdesk_en.ts from the sources
#                              (pyside6-lupdate over ttdesk/ui: new strings are added
#                              unfinished, vanished ones dropped; no source line numbers,
#                              so the committed .ts changes only when the texts do), then compile
#
# The .ts file (Chinese source -> English) is committed and maintained by hand or in Qt
# Linguist (`.venv/bin/pyside6-linguist resources/i18n/ttdesk_en.ts`); the .qm files are
# generated and not committed. ttdesk.ui.app.i18n loads them via ttdesk.paths.resource_path,
# and build.spec ships resources/ (so the compiled .qm) inside the bundle.
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=.venv/bin
TS_DIR=resources/i18n

if [[ "${1:-}" == "--update" ]]; then
    mapfile -t sources < <(find ttdesk/ui -name '*.py' -not -path '*/__pycache__/*' | sort)
    "$BIN/pyside6-lupdate" -no-obsolete -locations none -source-language zh_CN -target-language en \
        "${sources[@]}" -ts "$TS_DIR/ttdesk_en.ts"
fi

for ts in "$TS_DIR"/*.ts; do
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
echo "i18n: compiled $(ls "$TS_DIR"/*.qm | wc -l) translation file(s) in $TS_DIR" >&2
