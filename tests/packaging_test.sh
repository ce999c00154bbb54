#!/usr/bin/env bash
# Makes the .deb and the .tar.gz from a built tree (cpack) and checks what a user gets: both
# programs, the charts module, the desktop entry, the AppStream metainfo and the icons, and a
# .deb that depends on the Qt SQL drivers that dpkg-shlibdeps cannot see; the packaged app loads
# the packaged charts module.
set -euo pipefail
build=${1:?build directory}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
fail() { echo "packaging_test: FAIL: $*" >&2; failures=$((failures + 1)); }

(cd "$build" && cpack --config CPackConfig.cmake -G DEB -B "$out" > "$out/deb.log" 2>&1) \
    || { cat "$out/deb.log" >&2; fail "cpack -G DEB failed"; exit 1; }
(cd "$build" && cpack --config CPackConfig.cmake -G TGZ -B "$out" > "$out/tgz.log" 2>&1) \
    || { cat "$out/tgz.log" >&2; fail "cpack -G TGZ failed"; exit 1; }

deb=$(ls "$out"/*.deb 2>/dev/null | head -n 1)
tgz=$(ls "$out"/*.tar.gz 2>/dev/null | head -n 1)
[ -n "$deb" ] || { fail "no .deb was made"; exit 1; }
[ -n "$tgz" ] || { fail "no .tar.gz was made"; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6sql6-sqlite libqt6sql6-psql libqt6widgets6 libqt6sql6 fonts-droid-fallback \
               libzint2 libxlsxwriter4 libminizip1 libqt6charts6; do
    grep -q "$package" <<< "$depends" || fail ".deb does not depend on $package (Depends: $depends)"
done
contents=$(dpkg-deb -c "$deb")
for file in ./usr/bin/microshop ./usr/bin/microshop-cli ./usr/lib/microshop/libmicroshop_charts.so \
            ./usr/share/applications/io.microshop.MicroShop.desktop \
            ./usr/share/metainfo/io.microshop.MicroShop.metainfo.xml \
            ./usr/share/icons/hicolor/256x256/apps/io.microshop.MicroShop.png \
            ./usr/share/icons/hicolor/scalable/apps/io.microshop.MicroShop.svg; do
    grep -q " $file\$" <<< "$contents" || fail ".deb lacks $file"
done
archive=$(tar -tzf "$tgz")
for file in bin/microshop bin/microshop-cli lib/microshop/libmicroshop_charts.so \
            share/applications/io.microshop.MicroShop.desktop; do
    grep -q "/$file\$" <<< "$archive" || fail ".tar.gz lacks $file"
done
# The packaged command line works on its own.
mkdir "$out/root"
dpkg-deb -x "$deb" "$out/root"
version=$("$out/root/usr/bin/microshop-cli" --version)
[ "$version" = "microshop-cli $(dpkg-deb -f "$deb" Version)" ] || fail "packaged CLI says '$version'"
# The packaged app draws its charts with the packaged module (not the build tree's).
charts=$(QT_QPA_PLATFORM=offscreen MICROSHOP_BENCH=charts MICROSHOP_NO_DAILY_BACKUP=1 \
         XDG_CONFIG_HOME="$out/config" timeout 60 \
         "$out/root/usr/bin/microshop" --db "$out/shop.db" 2>/dev/null) || true
[ "$charts" = "charts $out/root/usr/lib/microshop/libmicroshop_charts.so" ] \
    || fail "the packaged app did not load the packaged charts module: '$charts'"

if [ "$failures" -gt 0 ]; then
    exit 1
fi
echo "packaging_test: all checks passed ($(basename "$deb"): $(du -k "$deb" | cut -f1) KiB; Depends: $depends)"
