#!/usr/bin/env bash
# Prove the .deb on a bare Debian 12: install it with apt into a minimal root (debootstrap,
# no recommends, no fonts), then
#   1. every ELF file under /opt/ttdesk finds its libraries (ldd: nothing "not found");
#   2. `ttdesk-cli self-test` passes offscreen (database, rules, font, Qt painting a Chinese
#      glyph that is not the missing-glyph box);
#   3. a real window under Xvfb with a demo database: the window appears and a screenshot is
#      written to dist/smoke_bare.png;
#   4. an error shown before the database opens (a schema newer than the app) appears as a
#      dialog, screenshot dist/smoke_bare_error.png (its Chinese drawn with the bundled font).
# Usage: scripts/smoke_bare.sh [PATH.deb]   (default: the newest dist/ttdesk_*.deb)
# The minimal root is made once and cached as a tarball in $TTDESK_SMOKE_CACHE
# (default /var/cache/ttdesk-smoke). Needs root (chroot, mounts).
set -euo pipefail

cd "$(dirname "$0")/.."
DEB=${1:-$(ls -t dist/ttdesk_*.deb 2>/dev/null | head -n 1)}
[[ -n $DEB && -f $DEB ]] || { echo "smoke_bare: no .deb; run make deb" >&2; exit 1; }
CACHE=${TTDESK_SMOKE_CACHE:-/var/cache/ttdesk-smoke}
MIRROR=${TTDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
ROOT_TAR=$CACHE/$SUITE-minbase.tar
SHOT=${SMOKE_SHOT:-dist/smoke_bare.png}

log() { printf 'smoke_bare: %s\n' "$*" >&2; }
[[ $(id -u) -eq 0 ]] || { log "needs root (debootstrap, chroot)"; exit 1; }
command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap; }

if [[ ! -f $ROOT_TAR ]]; then
    log "creating a minimal $SUITE root (once; cached in $CACHE)"
    mkdir -p "$CACHE"
    fresh=$(mktemp -d "${TMPDIR:-/tmp}/ttdesk-bare.XXXXXX")
    debootstrap --variant=minbase "$SUITE" "$fresh" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 ||
        { tail -20 "$CACHE/debootstrap.log" >&2; exit 1; }
    tar -C "$fresh" -cf "$ROOT_TAR.partial" .
    mv "$ROOT_TAR.partial" "$ROOT_TAR"
    rm -rf "$fresh"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ttdesk-smoke.XXXXXX")
ROOT=$WORK/root
cleanup() {
    for m in dev/pts dev proc sys; do umount -l "$ROOT/$m" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$ROOT"
tar -C "$ROOT" -xf "$ROOT_TAR"
mount -t proc proc "$ROOT/proc"
mount --rbind /sys "$ROOT/sys"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
cp "$DEB" "$ROOT/tmp/ttdesk.deb"
in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

log "installing $(basename "$DEB") with apt (no recommends)"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    /tmp/ttdesk.deb >"$WORK/apt.log" 2>&1 || { tail -30 "$WORK/apt.log" >&2; exit 1; }

log "1. libraries"
missing=$(in_root sh -c 'find /opt/ttdesk -type f -name "*.so*" -o -type f -perm -u+x -name "ttdesk*" |
    while read -r f; do ldd "$f" 2>/dev/null | sed -n "s|^\s*\(\S*\) => not found|$f: \1|p"; done')
if [[ -n $missing ]]; then
    log "libraries missing on a bare system (add their packages to Depends):"
    echo "$missing" >&2
    exit 1
fi

log "2. self-test (offscreen)"
in_root env QT_QPA_PLATFORM=offscreen HOME=/root ttdesk-cli self-test

log "3. a real window under Xvfb"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    xvfb xauth x11-utils x11-apps netpbm >"$WORK/apt-x.log" 2>&1 ||
    { tail -30 "$WORK/apt-x.log" >&2; exit 1; }
in_root ttdesk-cli --db /root/demo.db demo --cases 40 --seed 3 >/dev/null
in_root sh -c '
    Xvfb :77 -screen 0 1280x800x24 -nolisten tcp >/tmp/xvfb.log 2>&1 &
    xvfb=$!
    sleep 1
    DISPLAY=:77 HOME=/root ttdesk --db /root/demo.db >/tmp/app.log 2>&1 &
    app=$!
    for _ in $(seq 1 60); do
        DISPLAY=:77 xwininfo -root -tree 2>/dev/null | grep -q "TT Desk" && break
        sleep 0.5
    done
    sleep 3
    ok=0
    DISPLAY=:77 xwininfo -root -tree | grep -q "TT Desk" && ok=1
    DISPLAY=:77 xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > /tmp/smoke.png
    kill $app $xvfb 2>/dev/null
    wait 2>/dev/null
    if [ $ok != 1 ]; then echo "no TT Desk window appeared" >&2; cat /tmp/app.log >&2; exit 1; fi
'
mkdir -p "$(dirname "$SHOT")"
cp "$ROOT/tmp/smoke.png" "$SHOT"

log "4. an error before the database opens (schema too new) shows Chinese too"
cp "$ROOT/root/demo.db" "$WORK/future.db"
python3 - "$WORK/future.db" <<'PY'
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as conn:
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
PY
cp "$WORK/future.db" "$ROOT/root/future.db"
in_root sh -c '
    Xvfb :78 -screen 0 800x600x24 -nolisten tcp >/tmp/xvfb2.log 2>&1 &
    xvfb=$!
    sleep 1
    DISPLAY=:78 HOME=/root ttdesk --db /root/future.db >/tmp/app2.log 2>&1 &
    app=$!
    for _ in $(seq 1 60); do
        DISPLAY=:78 xwininfo -root -tree 2>/dev/null | grep -q "Error" && break
        sleep 0.5
    done
    sleep 1
    ok=0
    DISPLAY=:78 xwininfo -root -tree | grep -q "Error" && ok=1
    DISPLAY=:78 xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > /tmp/error.png
    kill $app $xvfb 2>/dev/null
    wait 2>/dev/null
    if [ $ok != 1 ]; then echo "no error dialog appeared" >&2; cat /tmp/app2.log >&2; exit 1; fi
'
cp "$ROOT/tmp/error.png" "${SHOT%.png}_error.png"
log "passed; screenshots $SHOT and ${SHOT%.png}_error.png"
