#!/usr/bin/env bash
# Runs a build's SQLite and GUI tests at another instant and in another time zone:
#   tests/run_at.sh BUILD_DIR INSTANT ZONE    e.g. build 2026-12-31T23:55:00+08:00 Asia/Shanghai
# The tests fix the shop's clock to INSTANT and the computer's zone to ZONE (tests/support/
# TestClock.h). Under faketime the computer's own clock says another day of another month and
# year meanwhile (INSTANT less 400 days and 9 hours), so that code reading it instead of the
# shop's Clock fails every time, not at one hour of the day.
set -euo pipefail

build=${1:?build folder}
instant=${2:?an ISO 8601 instant with its offset}
zone=${3:?a time zone such as Asia/Shanghai or UTC}

if ! command -v faketime > /dev/null; then
    echo "run_at.sh: FAIL: faketime is not installed (./dev.sh test installs it)" >&2
    exit 1
fi
seconds=$(date -d "$instant" +%s)
# faketime takes the wall-clock time in the zone of TZ.
wall=$(TZ=$zone date -d "@$((seconds - 400 * 86400 - 9 * 3600))" '+%Y-%m-%d %H:%M:%S')
echo "run_at.sh: the SQLite and GUI tests at $instant in $zone; the computer's clock says $wall"
jobs=$(nproc 2>/dev/null || echo 2)
# Not again: the PostgreSQL ones, and those that do not read the clock.
skipped='_postgresql$|^postgres_|^packaging$|^translations_complete$|^formatting$|^static_analysis$'
# The monotonic clock stays true: timers and timeouts measure real time.
MICROSHOP_TEST_NOW=$instant MICROSHOP_TEST_TZ=$zone TZ=$zone FAKETIME_DONT_FAKE_MONOTONIC=1 \
    faketime -f "@$wall" \
    ctest --test-dir "$build" --output-on-failure --parallel "$jobs" --timeout 600 \
        --exclude-regex "$skipped"
