#!/usr/bin/env bash
# Seed corpus for the per_document target from the bundled corpora: each
# article as .txt (selector byte 0) and a few HTML, JSONL and CSV files.
set -euo pipefail
cd "$(dirname "$0")"
dir=corpus/per_document
mkdir -p "$dir"
i=0
for f in ../corpora/*/*.txt; do
  { printf '\x00'; head -c 20000 "$f"; } > "$dir/txt-$i"; i=$((i+1))
done
for f in $(find ../corpora -name '*.html' -o -name '*.htm' | head -20); do
  { printf '\x01'; head -c 40000 "$f"; } > "$dir/html-$i"; i=$((i+1))
done
for f in $(find ../corpora -name '*.jsonl' | head -5); do
  { printf '\x02'; head -c 40000 "$f"; } > "$dir/jsonl-$i"; i=$((i+1))
done
for f in $(find ../corpora -name '*.csv' -not -name manifest.csv -not -path '*/gold/*' | head -5); do
  { printf '\x03'; head -c 40000 "$f"; } > "$dir/csv-$i"; i=$((i+1))
done
printf '\x01<html><head><meta property="og:url" content="javascript:x"><title>&lt;t</title></head><body><article><p>"We reject any ceasefire," Peskov said.</p></article></body></html>' > "$dir/html-min"
printf '\x02{"text":"\\"We reject any ceasefire,\\" Peskov said.","title":"t"}\n{bad\n' > "$dir/jsonl-min"
printf '\x03title,text\na,"""We reject any ceasefire,"" Peskov said."\nb,"open\n' > "$dir/csv-min"
echo "$(ls "$dir" | wc -l) seeds in fuzz/$dir"
# The lexicon target: the bundled lexicons, the English base and a few small ones.
ldir=corpus/lexicon
mkdir -p "$ldir"
cp ../lexicon/russia-ukraine.toml "$ldir/default.toml"
cp ../lexicon/english.toml "$ldir/english.toml"
j=0
for f in ../corpora/*/lexicon.toml; do cp "$f" "$ldir/corpus-$j.toml"; j=$((j+1)); done
printf 'extends = "default"\n[[parties]]\nid = "turkey"\naliases = ["Ankara"]\n' > "$ldir/extends.toml"
printf '[[parties]]\nid = "a"\n[[parties]]\nid = "b"\n[[parties]]\nid = "ab"\nmembers = ["a", "b"]\n[[issues]]\nid = "t"\nproposition = "p"\nkeywords = ["k"]\n' > "$ldir/joint.toml"
echo "$(ls "$ldir" | wc -l) seeds in fuzz/$ldir"
