#!/bin/bash
HERE="$(cd "$(dirname "$0")" && pwd)"
# Wall time over the 800 htmldate pages, single-threaded, 3 rounds (round-robin over extractors).
BIN="$HERE/target/release/extract-cmp"
PAGES="$HERE/../htmldate/pages"
OUT="$HERE/results"/speed.tsv
mkdir -p "$HERE/results"; : > $OUT
for round in 1 2 3; do
  for e in none parse everything dom_smoothie readability llm_readability readable_readability libreadability legible readabilityrs trafilatura trafilatura_fallback rs_trafilatura; do
    echo -e "round=$round\t$(timeout 900 $BIN speed $e $PAGES)" >> $OUT
  done
done
echo done >> $OUT
