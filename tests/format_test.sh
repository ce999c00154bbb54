#!/usr/bin/env bash
# Fails when a C++ file of src/, tests/ or bench/ is not as the checked-in .clang-format writes
# it, and shows where: format_test.sh SOURCE_DIR. Fix with `clang-format -i FILE`.
set -euo pipefail
root=${1:?source folder}
if ! command -v clang-format > /dev/null; then
    echo "format_test: FAIL: clang-format is not installed (./dev.sh test installs it)" >&2
    exit 1
fi
cd "$root"
mapfile -t files < <(find src tests bench -name '*.cpp' -o -name '*.h' | sort)
if ! clang-format --style=file:.clang-format --dry-run --Werror "${files[@]}"; then
    echo "format_test: FAIL: the files above differ from .clang-format" >&2
    exit 1
fi
echo "format_test: ${#files[@]} files as .clang-format writes them"
