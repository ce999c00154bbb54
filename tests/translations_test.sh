#!/usr/bin/env bash
# Fails when a user-visible string has no Chinese translation: runs lupdate over the sources into a
# copy of translations/microshop_zh_CN.ts and counts what is new or unfinished.
set -euo pipefail
source_dir=${1:?source directory}
lupdate=${2:?path to lupdate}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$source_dir/translations/microshop_zh_CN.ts" "$work/check.ts"
(cd "$source_dir" && "$lupdate" -locations none -no-obsolete src ui -ts "$work/check.ts") \
    > "$work/lupdate.log" 2>&1
unfinished=$(grep -c 'type="unfinished"' "$work/check.ts" || true)
if [ "$unfinished" != 0 ]; then
    echo "translations_test: FAIL: $unfinished string(s) have no zh_CN translation:" >&2
    grep -B3 'type="unfinished"' "$work/check.ts" | grep '<source>' | head -20 >&2
    echo "Run 'cmake --build build --target update_translations' and translate them." >&2
    exit 1
fi
messages=$(grep -c '<message' "$work/check.ts")
echo "translations_test: all $messages strings translated"
