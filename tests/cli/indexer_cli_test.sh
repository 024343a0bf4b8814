#!/bin/sh
# The lupe-indexer command line contract: usage errors exit 64, help exits 0,
# `analyze` prints the analysis of its arguments or of standard input.
# Usage: indexer_cli_test.sh PATH/TO/lupe-indexer
set -u
indexer=$1
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_status() {  # expected-status description command...
  expected=$1
  description=$2
  shift 2
  "$@" >/dev/null 2>&1
  status=$?
  [ "$status" -eq "$expected" ] || fail "$description: exit $status, expected $expected"
}

expect_status 0 "--help" "$indexer" --help
expect_status 64 "no command" "$indexer"
expect_status 64 "unknown command" "$indexer" frobnicate
expect_status 64 "unknown option" "$indexer" --no-such-option analyze x

"$indexer" --help | grep -q "analyze" || fail "--help does not mention analyze"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Text" > "$work/doc.txt"
expect_status 64 "add without --index" "$indexer" add "$work/doc.txt"
expect_status 64 "add without paths" "$indexer" --index "$work/index" add
expect_status 66 "add of paths that do not exist" "$indexer" --index "$work/index" add "$work/nope"
expect_status 73 "add into an index that cannot be created" \
  "$indexer" --index "$work/doc.txt/index" add "$work/doc.txt"
expect_status 78 "add with a config file that does not exist" \
  "$indexer" --config "$work/nope.ini" --index "$work/index" add "$work/doc.txt"
sed 's/^shard_commit_mb = .*/shard_commit_mb = -1/' "$(dirname "$0")/../../config/lupe.ini" \
  >"$work/bad.ini"
expect_status 78 "add with a negative shard_commit_mb" \
  "$indexer" --config "$work/bad.ini" --index "$work/index" add "$work/doc.txt"
"$indexer" --config "$work/bad.ini" --index "$work/index" add "$work/doc.txt" 2>&1 |
  grep -q "shard_commit_mb" || fail "negative shard_commit_mb: message does not name the key"
expect_status 0 "add of one file" "$indexer" --index "$work/index" add "$work/doc.txt"
expect_status 64 "stats with arguments" "$indexer" --index "$work/index" stats extra
"$indexer" 2>&1 >/dev/null | grep -q "no command" || fail "no command: message missing"

output=$("$indexer" analyze "Die Smart-City-Strategie")
echo "$output" | grep -q "smartcitystrategie Zsmartcitystrategi" || fail "analyze: joined term missing"
echo "$output" | grep -q "^analyzer: lupe-de/" || fail "analyze: fingerprint missing"

output=$(printf 'B\303\274rger*innen' | "$indexer" analyze)
echo "$output" | grep -q "buergerinnen" || fail "analyze from stdin: gender form missing"

[ "$failures" -eq 0 ] && echo "all lupe-indexer CLI checks passed"
exit "$failures"
