#!/usr/bin/env bash
# Seed corpus for the per_document target from the bundled corpora: each
# article as .txt (selector byte 0), and HTML pages (1), JSONL files (2) and
# CSV tables (3) made from a few of them; then a few hand-made seeds.
# Needs python3 (as the Python tests do).
set -euo pipefail
cd "$(dirname "$0")"
dir=corpus/per_document
mkdir -p "$dir"
i=0
for f in ../corpora/*/*.txt; do
  { printf '\x00'; head -c 20000 "$f"; } > "$dir/txt-$i"; i=$((i+1))
done
# The corpora hold .txt articles only: make HTML pages, JSONL files and CSV
# tables from a few of them (title, date and outlet in each format's own
# places), plus any real .html/.jsonl/.csv inputs a corpus may gain later.
python3 - "$dir" ../corpora <<'PY'
import csv, glob, html, io, json, os, sys
out, corpora = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(corpora, "*", "*.txt")))
# Every fourth article, from every corpus, at most 24 per format.
picked = files[::4][:24]
def parts(path):
    text = open(path, encoding="utf-8", errors="replace").read()[:20000]
    name = os.path.basename(path)
    date = name[:10] if name[:4].isdigit() else ""
    lines = [l for l in text.splitlines() if l.strip()]
    title = lines[0][:200] if lines else name
    outlet = os.path.basename(os.path.dirname(path))
    return text, name, date, title, outlet
for n, path in enumerate(picked):
    text, name, date, title, outlet = parts(path)
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n\n") if p.strip())
    page = (f"<!doctype html><html><head><meta charset=utf-8><title>{html.escape(title)}</title>"
            f"<meta property=\"og:site_name\" content=\"{html.escape(outlet)}\">"
            f"<meta property=\"article:published_time\" content=\"{date}\"></head>"
            f"<body><nav><a href=/>Home</a></nav><article><h1>{html.escape(title)}</h1>\n{paras}</article>"
            f"<footer>Subscribe to our newsletter</footer></body></html>\n")
    with open(os.path.join(out, f"html-corpus-{n}"), "wb") as f:
        f.write(b"\x01" + page.encode())
# JSONL: three articles a file, one of them with other field names.
for n in range(0, len(picked), 3):
    buf = io.StringIO()
    for k, path in enumerate(picked[n:n + 3]):
        text, name, date, title, outlet = parts(path)
        rec = ({"text": text, "title": title, "published": date, "outlet": outlet, "url": f"https://example.org/{name}"}
               if k != 1 else {"content": text, "headline": title, "date": date, "source": outlet})
        buf.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(out, f"jsonl-corpus-{n // 3}"), "wb") as f:
        f.write(b"\x02" + buf.getvalue().encode())
# CSV: two articles a table.
for n in range(0, len(picked), 2):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["title", "published", "outlet", "url", "text"])
    for path in picked[n:n + 2]:
        text, name, date, title, outlet = parts(path)
        w.writerow([title, date, outlet, f"https://example.org/{name}", text])
    with open(os.path.join(out, f"csv-corpus-{n // 2}"), "wb") as f:
        f.write(b"\x03" + buf.getvalue().encode())
PY
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
echo "$(ls "$dir" | wc -l) seeds in fuzz/$dir ($(ls "$dir" | grep -c '^html') HTML, $(ls "$dir" | grep -c '^jsonl') JSONL, $(ls "$dir" | grep -c '^csv') CSV)"
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
