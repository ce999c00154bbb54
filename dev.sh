#!/usr/bin/env bash
# MicroShop's one entry point for developers and CI, on Debian 12:
#   ./dev.sh run [APP ARGS...]  install what is missing, build (Release, Ninja), start the app
#   ./dev.sh test               install what is missing, build with warnings as errors, run every
#                               test; the SQLite and GUI ones again at two other instants
#                               (faketime); then all under AddressSanitizer + UBSan
#   ./dev.sh build              install and build only
#   ./dev.sh package            build, then make the .deb and .tar.gz in build/packages
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

# What each package is for: README.md, "Dependencies".
packages=(
    cmake ninja-build g++ pkg-config python3 file dpkg-dev clang-format clang-tidy
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-charts-dev libqt6opengl6-dev libgl-dev
    libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-translations-l10n qt6-qpa-plugins
    postgresql sqlite3 libsqlite3-dev libminizip-dev libxlsxwriter-dev libzint-dev qtkeychain-qt6-dev
    xvfb xauth fonts-noto-cjk fonts-droid-fallback poppler-utils faketime tzdata time
)

install_missing_packages() {
    local missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "dev.sh: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
}

jobs=$(nproc 2>/dev/null || echo 2)

# configure_and_build DIR [CMAKE ARGS...]
configure_and_build() {
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja "$@"
    cmake --build "$dir" --parallel "$jobs"
}

run_tests() {
    local dir=$1
    shift
    ctest --test-dir "$dir" --output-on-failure --parallel "$jobs" --timeout 600 "$@"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
run)
    install_missing_packages
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    exec build/src/app/microshop "$@"
    ;;
build)
    install_missing_packages
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    ;;
test)
    install_missing_packages
    configure_and_build build -DCMAKE_BUILD_TYPE=Release -DMICROSHOP_WERROR=ON
    run_tests build
    # The SQLite and GUI tests again at two other instants, in two other zones, under faketime:
    # the last minutes of a year in China, and late on 29 February (a month's end) in UTC.
    tests/run_at.sh build 2026-12-31T23:55:00+08:00 Asia/Shanghai
    tests/run_at.sh build 2028-02-29T23:50:00Z UTC
    # The same tests under the sanitizers, leak checking included.
    configure_and_build build-sanitize -DCMAKE_BUILD_TYPE=Debug -DMICROSHOP_WERROR=ON \
        -DMICROSHOP_SANITIZE=ON -DMICROSHOP_PACKAGING_TEST=OFF
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        LSAN_OPTIONS=suppressions="$PWD/tests/sanitizer/lsan.supp" run_tests build-sanitize
    ;;
package)
    install_missing_packages
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    (cd build && cpack -G DEB -B packages && cpack -G TGZ -B packages)
    ;;
*)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
