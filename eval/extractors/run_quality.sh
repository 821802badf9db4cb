#!/bin/bash
HERE="$(cd "$(dirname "$0")" && pwd)"
# Runs every extractor over trafilatura's evaluation pages; 2 at a time (timing is not used here).
# usage: run_quality.sh  (expects "$HERE/data"/tests and "$HERE/data"/ufiles.txt)
cd "$HERE/data"/tests
BIN="$HERE/target/release/extract-cmp"
for e in everything dom_smoothie readability llm_readability readable_readability libreadability legible readabilityrs trafilatura trafilatura_fallback rs_trafilatura; do
  echo "timeout 1800 $BIN quality $e . ../ufiles.txt > ../out/$e.jsonl 2> ../out/$e.err; echo \$? > ../out/$e.rc"
done | xargs -P 2 -I{} bash -c "{}"
