#!/usr/bin/env bash
# Checks that the C++ lines a change touches are formatted as .clang-format says (what CI runs).
# Only the changed lines: the tree predates the style file and reformatting it whole would touch
# some 11,000 lines (docs/decisions/0011-format-changed-lines.md).
#
#   packaging/check-format.sh            lines changed by the last commit (HEAD~1..working tree;
#                                         for a merge commit: everything the merge brought in)
#   packaging/check-format.sh main       lines changed since main (a branch before review)
#   MS_FORMAT_BASE=<commit> packaging/check-format.sh   the same, for CI systems
#
# To fix what it reports: git diff -U0 BASE -- '*.cpp' '*.h' | clang-format-diff -p1 -i
# Needs git and clang-format (Debian's clang-format package, see packaging/install-deps.sh); no
# network.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${1:-${MS_FORMAT_BASE:-}}
diff_tool=$(command -v clang-format-diff || command -v clang-format-diff-14 || true)
if [ -z "$diff_tool" ]; then
  echo "check-format: clang-format-diff not found; install Debian's clang-format package" \
       "(packaging/install-deps.sh does)" >&2
  exit 2
fi
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check-format: skipped, $PWD is not a git checkout (nothing to compare with)"
  exit 0
fi
if [ -z "$base" ]; then
  if ! git rev-parse --verify -q HEAD~1 >/dev/null; then
    echo "check-format: skipped, HEAD has no parent commit here (a shallow clone? fetch with" \
         "--depth 2 or more, or set MS_FORMAT_BASE)"
    exit 0
  fi
  base=HEAD~1
fi
if ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
  echo "check-format: '$base' is not a commit here; give a branch, tag or hash to compare with" >&2
  exit 2
fi

changes=$(git diff -U0 -M --no-color --no-ext-diff "$base" -- '*.cpp' '*.h') # -M: a renamed file is not new
if [ -z "$changes" ]; then
  echo "check-format: no C++ lines changed since $base"
  exit 0
fi
fixes=$(printf '%s\n' "$changes" | "$diff_tool" -p1 -style=file)
if [ -n "$fixes" ]; then
  printf '%s\n' "$fixes"
  echo "check-format: the lines above, changed since $base, are not formatted as .clang-format" \
       "says. Fix them with:" >&2
  echo "  git diff -U0 $base -- '*.cpp' '*.h' | $(basename "$diff_tool") -p1 -i" >&2
  exit 1
fi
echo "check-format: the C++ lines changed since $base are formatted"
