#!/usr/bin/env bash
# Fails when clang-tidy, with the checked-in .clang-tidy, finds anything in a .cpp file of src/,
# and prints the findings: tidy_test.sh SOURCE_DIR BUILD_DIR. BUILD_DIR holds the
# compile_commands.json CMake exports and, built, the ui_*.h and moc files the sources include.
set -euo pipefail
root=${1:?source folder}
build=$(cd "${2:?build folder}" && pwd)
if ! command -v clang-tidy > /dev/null; then
    echo "tidy_test: FAIL: clang-tidy is not installed (./dev.sh test installs it)" >&2
    exit 1
fi
if [ ! -f "$build/compile_commands.json" ]; then
    echo "tidy_test: FAIL: no $build/compile_commands.json (configure with CMake first)" >&2
    exit 1
fi
cd "$root"
mapfile -t files < <(find src -name '*.cpp' | sort)
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
# One clang-tidy per file, nproc at a time; each file's findings in its own report so that they
# do not interleave. --quiet leaves out the counts of warnings suppressed in Qt's headers.
export build reports
printf '%s\0' "${files[@]}" | xargs -0 -P "$(nproc)" -n 1 bash -c '
    report=$reports/$(printf %s "$0" | tr / _)
    clang-tidy -p "$build" --quiet "$0" > "$report" 2>&1 && rm "$report" || true'
mapfile -t failed < <(find "$reports" -type f | sort)
if [ ${#failed[@]} -gt 0 ]; then
    cat "${failed[@]}"
    echo "tidy_test: FAIL: clang-tidy finds the above in ${#failed[@]} of ${#files[@]} files" >&2
    exit 1
fi
echo "tidy_test: ${#files[@]} files without a clang-tidy finding"
