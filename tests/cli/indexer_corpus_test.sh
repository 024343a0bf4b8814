#!/bin/sh
# lupe-indexer over the sample corpus: every document indexes, stats count them, a re-run
# changes nothing, remove works, and an interrupted run (SIGINT or kill -9) leaves an index
# that opens and that the next run completes, written by the single writer or through shards.
# Usage: indexer_corpus_test.sh PATH/TO/lupe-indexer PATH/TO/corpus
set -u
indexer=$1
corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
expected=$(find "$corpus" -type f ! -name '*.meta.xml' | wc -l)

"$indexer" --index "$work/index" add "$corpus" 2>"$work/first.err"
status=$?
[ "$status" -eq 0 ] || { fail "add corpus: exit $status"; cat "$work/first.err" >&2; }
"$indexer" --index "$work/index" stats >"$work/stats.json" || fail "stats: exit $?"
grep -q "\"documents\": $expected" "$work/stats.json" ||
  fail "stats: expected $expected documents: $(head -3 "$work/stats.json")"
grep -q '"value": "Rheinland-Pfalz"' "$work/stats.json" || fail "stats: state facet missing"

"$indexer" --index "$work/index" add "$corpus" 2>"$work/second.err" || fail "re-add: exit $?"
grep -q "done: 0 indexed, $expected unchanged" "$work/second.err" ||
  fail "re-add: not all unchanged: $(tail -1 "$work/second.err")"

"$indexer" --index "$work/index" remove berlin-gemeinsam-digital-2022 2>/dev/null || fail "remove: exit $?"
"$indexer" --index "$work/index" remove no-such-document 2>"$work/remove.err"
[ $? -eq 65 ] || fail "remove unknown id: expected exit 65"
grep -q "no-such-document: no document with this id" "$work/remove.err" || fail "remove: message"
"$indexer" --index "$work/index" stats | grep -q "\"documents\": $((expected - 1))" ||
  fail "remove: document count"

# Interrupted runs: many copies of the corpus (without sidecars, whose ids would clash),
# interrupted early.
for copy in 1 2 3 4 5 6; do
  mkdir -p "$work/many/$copy" && cp -r "$corpus"/. "$work/many/$copy/"
  find "$work/many/$copy" -name '*.meta.xml' -delete
done
# Both ways of writing: the single writer (the shipped config: the copies are under its
# shard_min_mb) and the workers' shards (shard_min_mb = 0: every run into an empty index;
# shard_commit_mb = 1: a shard per MiB, so a run is interrupted between seals, too).
sed -e 's/^shard_min_mb = .*/shard_min_mb = 0/' -e 's/^shard_commit_mb = .*/shard_commit_mb = 1/' \
  "$corpus/../config/lupe.ini" >"$work/sharded.ini"
for mode in single sharded; do
  case $mode in
    single) config=$corpus/../config/lupe.ini ;;
    sharded) config=$work/sharded.ini ;;
  esac
  for signal in INT KILL; do
    rm -rf "$work/index2"
    "$indexer" --config "$config" --index "$work/index2" add "$work/many" 2>/dev/null &
    pid=$!
    # Past start-up (the lock file appears when the index is opened, after the word list is
    # read and the workers forked; on a busy machine that can take over a second), then
    # into the run.
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
      [ -e "$work/index2/lupe.lock" ] && break
      sleep 0.5
    done
    sleep 1
    kill -s "$signal" "$pid" 2>/dev/null
    wait "$pid"
    status=$?
    case "$signal:$status" in
      INT:0 | INT:75 | KILL:0 | KILL:137) ;;
      *) fail "$mode: interrupt with SIG$signal: exit $status" ;;
    esac
    "$indexer" --index "$work/index2" stats >/dev/null 2>&1 ||
      fail "$mode: index after SIG$signal does not open"
    # A worker may still hold nothing: the next run must get the lock and complete the job.
    "$indexer" --config "$config" --index "$work/index2" add "$work/many" 2>"$work/resume.err" ||
      fail "$mode: resume after SIG$signal: exit $?: $(tail -2 "$work/resume.err")"
    "$indexer" --index "$work/index2" stats | grep -q "\"documents\": $((expected * 6))" ||
      fail "$mode: resume after SIG$signal: not every document indexed"
    [ ! -e "$work/index2/shards" ] || fail "$mode: shards left after SIG$signal and a resume"
  done
done

[ "$failures" -eq 0 ] && echo "all corpus indexing checks passed"
exit "$failures"
