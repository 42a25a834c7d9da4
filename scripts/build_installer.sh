#!/usr/bin/env bash
# Compile the Windows installer (installer/windows/ttdesk.nsi) with NSIS's makensis.
#
#   scripts/build_installer.sh DIST_DIR      the real thing: DIST_DIR holds ttdesk.exe and
#                                            ttdesk-cli.exe (the Windows workflow does this)
#   scripts/build_installer.sh --check       on Linux: compile the script around a stand-in
#                                            folder, proving it is valid (CI runs this)
# Output: dist/TTDesk-VERSION-setup.exe (or dist/TTDesk-check-setup.exe for --check).
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
[[ -x $PYTHON ]] || PYTHON=python
command -v makensis >/dev/null || {
    if command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
        apt-get install -y -qq nsis >/dev/null
    else
        echo "build_installer: makensis (NSIS 3) is needed" >&2
        exit 1
    fi
}
VERSION=$("$PYTHON" -c 'import ttdesk; print(ttdesk.__version__)')
mkdir -p dist build/icons
"$PYTHON" scripts/make_icons.py build/icons 2>/dev/null

if [[ ${1:-} == --check ]]; then
    DIST=$(mktemp -d "${TMPDIR:-/tmp}/ttdesk-nsis.XXXXXX")
    trap 'rm -rf "$DIST"' EXIT
    mkdir -p "$DIST/_internal"
    printf 'stand-in\n' >"$DIST/ttdesk.exe"
    printf 'stand-in\n' >"$DIST/ttdesk-cli.exe"
    printf 'stand-in\n' >"$DIST/_internal/base_library.zip"
    OUT=dist/TTDesk-check-setup.exe
else
    DIST=${1:?usage: build_installer.sh DIST_DIR | --check}
    OUT=dist/TTDesk-${VERSION}-setup.exe
fi
makensis -V2 -DVERSION="$VERSION" -DDIST="$DIST" -DICON="$PWD/build/icons/ttdesk.ico" \
    -DOUTFILE="$PWD/$OUT" installer/windows/ttdesk.nsi
file "$OUT" | grep -q "PE32" || { echo "build_installer: $OUT is not a Windows program" >&2; exit 1; }
echo "build_installer: $OUT ($(du -h "$OUT" | cut -f1))" >&2
