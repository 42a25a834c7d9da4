#!/usr/bin/env bash
# Make this checkout runnable on a fresh Debian 12 machine; safe to run any number of times.
#
#   1. installs the Debian packages TT Desk needs (Qt offscreen/xcb libraries, the CJK font,
#      poppler-utils, PostgreSQL for the server-mode tests, binutils for PyInstaller) — apt is
#      skipped entirely when everything is present;
#   2. creates .venv with python3 (>= 3.11) when missing;
#   3. runs `pip install -e '.[EXTRAS]'` only when pyproject.toml is newer than the stamp file;
#   4. compiles the Qt translations (resources/i18n/*.ts -> *.qm) when a .qm is missing or
#      older than its .ts (scripts/i18n.sh; the .qm files are generated, not committed).
#
# Environment: EXTRAS (default "dev"; `make bundle` uses "dev,build"), PYTHON (default python3),
# TTDESK_SKIP_APT=1 to skip the apt step (e.g. a machine without Debian).
set -euo pipefail

cd "$(dirname "$0")/.."
EXTRAS="${EXTRAS:-dev}"
PYTHON="${PYTHON:-python3}"
VENV=.venv

PACKAGES=(
    libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
    fonts-wqy-microhei poppler-utils postgresql binutils zbar-tools
    xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-shape0 libxcb-xkb1 x11-utils
)

log() { printf 'bootstrap: %s\n' "$*" >&2; }

python_ok() {
    command -v "$PYTHON" >/dev/null 2>&1 &&
        "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

python_has_venv() {
    # Debian's python3 has `venv` but no `ensurepip` until python3-venv is installed.
    "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1
}

missing_packages() {
    local pkg status
    for pkg in "$@"; do
        status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
        [[ "$status" == installed ]] || printf '%s\n' "$pkg"
    done
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        # Without a terminal (CI) sudo must not wait for a password prompt nobody answers.
        if [[ -t 0 ]]; then sudo "$@"; else sudo -n "$@"; fi
    else
        log "need root to run: $*  (no sudo found; run it as root, then re-run)"
        return 1
    fi
}

install_debian_packages() {
    local wanted=("${PACKAGES[@]}")
    if ! python_ok; then
        wanted+=(python3 python3-venv)
    elif ! python_has_venv; then
        wanted+=(python3-venv)
    fi
    if [[ "${TTDESK_SKIP_APT:-0}" == 1 ]] || ! command -v dpkg-query >/dev/null 2>&1; then
        log "skipping Debian packages (no dpkg or TTDESK_SKIP_APT=1)"
        return 0
    fi
    local missing
    mapfile -t missing < <(missing_packages "${wanted[@]}")
    if [[ ${#missing[@]} -eq 0 ]]; then
        return 0
    fi
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
}

create_venv() {
    if [[ -x "$VENV/bin/python" ]]; then
        return 0
    fi
    python_ok || { log "python3 >= 3.11 is required (found: $("$PYTHON" -V 2>&1))"; exit 1; }
    log "creating $VENV with $("$PYTHON" -V 2>&1)"
    "$PYTHON" -m venv "$VENV"
}

install_python_packages() {
    local stamp="$VENV/.bootstrap-${EXTRAS//,/-}.stamp"
    if [[ -f "$stamp" && ! pyproject.toml -nt "$stamp" ]]; then
        return 0
    fi
    log "pip install -e '.[$EXTRAS]'"
    # Debian 12's venv pip (23.0) handles editable pyproject installs; upgrading it is not needed
    # and would reach the network for nothing. Already-installed pins are left as they are.
    "$VENV/bin/python" -m pip install -q -e ".[$EXTRAS]"
    touch "$stamp"
}

compile_translations() {
    local ts
    for ts in resources/i18n/*.ts; do
        [[ -e "$ts" ]] || continue
        if [[ ! -f "${ts%.ts}.qm" || "$ts" -nt "${ts%.ts}.qm" ]]; then
            bash scripts/i18n.sh
            return 0
        fi
    done
}

install_debian_packages
create_venv
install_python_packages
compile_translations
