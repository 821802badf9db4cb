#!/bin/bash
HERE="$(cd "$(dirname "$0")" && pwd)"
# Instruction counts (callgrind "Collected") over the first 50 htmldate pages (sorted by name).
# The "none" run (read + decode only) is subtracted in the report.
BIN="$HERE/target/release/extract-cmp"
PAGES="$HERE/../htmldate/pages"
OUT="$HERE/results"/callgrind
mkdir -p $OUT
for e in none parse everything dom_smoothie readability llm_readability readable_readability libreadability legible readabilityrs trafilatura trafilatura_fallback rs_trafilatura; do
  echo "valgrind --tool=callgrind --callgrind-out-file=$OUT/$e.out $BIN speed $e $PAGES 50 > $OUT/$e.stdout 2> $OUT/$e.stderr"
done | xargs -P 2 -I{} bash -c "{}"
grep -H "Collected" $OUT/*.stderr
