#!/usr/bin/env bash
# Copy WenQuanYi Micro Hei from the Debian package into resources/fonts/ for bundling, with its
# licence text (Apache-2.0 or GPL-3+ with font-embedding exception). The copy is not committed
# (*.ttc is gitignored); build.spec ships resources/ inside the bundle.
set -euo pipefail

cd "$(dirname "$0")/.."
PACKAGE=fonts-wqy-microhei
SOURCE=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
LICENCE=/usr/share/doc/$PACKAGE/copyright
TARGET=resources/fonts

if [[ ! -f "$SOURCE" ]]; then
    echo "fetch_font: $SOURCE missing; install the Debian package $PACKAGE" \
        "(scripts/bootstrap.sh does)" >&2
    exit 1
fi
mkdir -p "$TARGET"
if ! cmp -s "$SOURCE" "$TARGET/wqy-microhei.ttc"; then
    cp "$SOURCE" "$TARGET/wqy-microhei.ttc"
fi
if [[ -f "$LICENCE" ]]; then
    cp "$LICENCE" "$TARGET/wqy-microhei.copyright.txt"
fi
echo "fetch_font: $TARGET/wqy-microhei.ttc ready" >&2
