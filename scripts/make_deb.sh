#!/usr/bin/env bash
# Build dist/ttdesk_VERSION_amd64.deb from the PyInstaller bundle (dist/ttdesk, `make bundle`).
#
# Installs to /opt/ttdesk with /usr/bin/ttdesk and /usr/bin/ttdesk-cli, a desktop entry and an
# icon. `Depends:` is worked out from the bundle itself: every shared library its ELF files
# load from the system (ldd) is mapped to the Debian package that ships it (dpkg -S), so the
# list is what the bundle really needs on a bare system, plus libc6 (>= the glibc it was built
# against). The font package is only recommended: the bundle carries its own copy.
set -euo pipefail

cd "$(dirname "$0")/.."
BUNDLE=dist/ttdesk
[[ -x $BUNDLE/ttdesk && -x $BUNDLE/ttdesk-cli ]] || {
    echo "make_deb: $BUNDLE missing or incomplete; run make bundle first" >&2
    exit 1
}
PYTHON=${PYTHON:-.venv/bin/python}
VERSION=$("$PYTHON" -c 'import ttdesk; print(ttdesk.__version__)')
ARCH=$(dpkg --print-architecture)
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/ttdesk-deb.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
OUT=dist/ttdesk_${VERSION}_${ARCH}.deb

# ---- the files --------------------------------------------------------------------------------
mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
    "$STAGE/usr/share/doc/ttdesk" "$STAGE/DEBIAN"
cp -a "$BUNDLE" "$STAGE/opt/ttdesk"
ln -s /opt/ttdesk/ttdesk "$STAGE/usr/bin/ttdesk"
ln -s /opt/ttdesk/ttdesk-cli "$STAGE/usr/bin/ttdesk-cli"
"$PYTHON" scripts/make_icons.py "$STAGE/tmp-icons" 2>/dev/null
mv "$STAGE/tmp-icons/ttdesk.png" "$STAGE/usr/share/icons/hicolor/256x256/apps/ttdesk.png"
rm -rf "$STAGE/tmp-icons"
cp resources/icons/ttdesk.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/ttdesk.svg"
cat >"$STAGE/usr/share/applications/ttdesk.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=TT Desk
Name[zh_CN]=TT Desk 科技成果转化管理
GenericName=Technology transfer case management
GenericName[zh_CN]=科技成果转化管理
Comment=Cases of a university technology-transfer office, from disclosure to income
Comment[zh_CN]=高校技术转移中心的科技成果案件管理：从披露到收益分配
Exec=/opt/ttdesk/ttdesk %f
Icon=ttdesk
Terminal=false
Categories=Office;
StartupWMClass=ttdesk
EOF
cat >"$STAGE/usr/share/doc/ttdesk/copyright" <<EOF
TT Desk ${VERSION}
The bundled font WenQuanYi Micro Hei: see /opt/ttdesk/_internal/resources/fonts/.
EOF

# ---- Depends from the bundle's own ELF files --------------------------------------------------
depends=$(
    find "$STAGE/opt/ttdesk" -type f \( -name '*.so*' -o -perm -u+x \) -print0 |
    xargs -0 file --no-pad | awk -F': ' '/ELF/ {print $1}' |
    while read -r elf; do ldd "$elf" 2>/dev/null; done |
    awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u |
    grep -v "^$STAGE" |
    while read -r lib; do
        real=$(readlink -f "$lib")
        dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "${lib#/usr}" 2>/dev/null || true
    done | cut -d: -f1 | sort -u | grep -v '^libc6$' | paste -sd, | sed 's/,/, /g'
)
# Libraries this build machine lacks itself (ldd: "not found") cannot be looked up with dpkg;
# the ones Qt's optional plugins need are named here, and any other stops the build.
declare -A ABSENT_HERE=(
    [libwayland-cursor.so.0]=libwayland-cursor0
    [libwayland-egl.so.1]=libwayland-egl1
)
absent=$(
    find "$STAGE/opt/ttdesk" -type f -name '*.so*' -print0 |
    xargs -0 -n 50 ldd 2>/dev/null | awk '$2 == "=>" && $3 == "not" {print $1}' | sort -u
)
for soname in $absent; do
    package=${ABSENT_HERE[$soname]:-}
    if [[ -z $package ]]; then
        echo "make_deb: the bundle needs $soname, which neither this machine nor the" \
            "ABSENT_HERE table knows; install it here or name its package there" >&2
        exit 1
    fi
    depends="${depends:+$depends, }$package"
done
glibc=$(ldd --version | awk 'NR==1 {print $NF}')
DEPENDS="libc6 (>= ${glibc})${depends:+, $depends}"
SIZE=$(du -sk "$STAGE/opt" | cut -f1)
cat >"$STAGE/DEBIAN/control" <<EOF
Package: ttdesk
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: TT Desk developers <ttdesk@localhost>
Installed-Size: ${SIZE}
Depends: ${DEPENDS}
Recommends: fonts-wqy-microhei
Section: misc
Priority: optional
Description: TT Desk - case management for a university technology-transfer office
 Tracks every job-related scientific and technological achievement of a university from
 disclosure through rights assignment, valuation, licensing, transfer or equity investment
 into the spin-off company, with the money that flows back and its distribution, and
 produces the PDF filings of separate asset management. Chinese first, English second.
EOF
dpkg-deb --root-owner-group -Zzstd --build "$STAGE" "$OUT" >/dev/null
echo "make_deb: $OUT ($(du -h "$OUT" | cut -f1)), Depends: $DEPENDS" >&2
