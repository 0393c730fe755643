"""Throughput: the CLI, stancediff.analyze and a local-mode Spark job on one corpus.

    python/.venv/bin/python python/bench/throughput.py [MB] [--master local[2]]

Builds a JSONL corpus of about MB megabytes (default 40) from the bundled
articles (each copy with its numbers changed, so no two are the same text),
then times, on the same file:
  - the CLI: `stancediff analyze corpus.jsonl --out DIR --quiet` (report included),
  - `stancediff.analyze("corpus.jsonl")` (no charts),
  - Spark: read the JSONL, the map step (`stancediff.spark.analyze`),
    statements and stances written as Parquet, then positions by `compare`
    on the collected stances. Session start-up is reported apart.
Prints articles/s and MB/s (MB of article text) for each.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_corpus(path: Path, mb: float):
    seeds = sorted(p for p in (ROOT / "corpora").rglob("*.txt") if "gold" not in p.parts)
    texts = [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in seeds]
    target = int(mb * 1_000_000)
    n = size = 0
    with path.open("w", encoding="utf-8") as f:
        while size < target:
            name, text = texts[n % len(texts)]
            text = f"{text}\n\nCopy {n}: officials met for {n % 24} hours on day {n}.\n"
            m = re.match(r"(\d{4}-\d{2}-\d{2})", name)
            rec = {"id": f"{n:07}-{name}", "text": text, "published": m.group(1) if m else ""}
            f.write(json.dumps(rec) + "\n")
            size += len(text.encode("utf-8"))
            n += 1
    return n, size


def line(what, seconds, n, size):
    print(f"{what:<44} {seconds:7.2f}s  {n / seconds:9.0f} articles/s  {size / 1e6 / seconds:7.2f} MB/s")


def main():
    args = sys.argv[1:]
    master = "local[2]"
    if "--master" in args:
        i = args.index("--master")
        master = args[i + 1]
        del args[i : i + 2]
    mb = float(args[0]) if args else 40.0
    tmp = Path(tempfile.mkdtemp(prefix="stancediff-bench-"))
    corpus = tmp / "corpus.jsonl"
    n, size = build_corpus(corpus, mb)
    print(f"corpus: {n} articles, {size / 1e6:.1f} MB of text, {corpus.stat().st_size / 1e6:.1f} MB of JSONL")

    cli = os.environ.get("STANCEDIFF_BIN", str(ROOT / "target" / "release" / "stancediff"))
    t = time.perf_counter()
    subprocess.run([cli, "analyze", str(corpus), "--out", str(tmp / "cli"), "--quiet"], check=True)
    line("CLI analyze (2 threads, with report)", time.perf_counter() - t, n, size)

    import stancediff

    t = time.perf_counter()
    r = stancediff.analyze(corpus)
    line("stancediff.analyze (pandas tables)", time.perf_counter() - t, n, size)
    n_st = len(r["statements"])

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    import stancediff.spark as sds

    t = time.perf_counter()
    spark = (
        SparkSession.builder.master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark session start ({master}): {time.perf_counter() - t:.1f}s")
    # The schema is inferred once (a real job states it), and a first full
    # map step warms the Python workers and the JVM's JIT before timing.
    t = time.perf_counter()
    schema = spark.read.json(str(corpus)).schema
    print(f"JSON schema inference: {time.perf_counter() - t:.1f}s")
    t = time.perf_counter()
    warm = sds.analyze(spark.read.schema(schema).json(str(corpus)), dedupe=False, persist=False)
    warm.per_article.write.format("noop").mode("overwrite").save()
    print(f"warm-up map step (Python workers start, JIT): {time.perf_counter() - t:.1f}s")
    for dedupe in (False, True):
        out = tmp / f"spark-{dedupe}"
        t = time.perf_counter()
        articles = spark.read.schema(schema).json(str(corpus))
        res = sds.analyze(articles, dedupe=dedupe)
        res.statements.write.parquet(str(out / "statements"))
        res.stances.write.parquet(str(out / "stances"))
        t_map = time.perf_counter() - t
        got = spark.read.parquet(str(out / "statements")).count()
        assert got == n_st, (got, n_st)
        t2 = time.perf_counter()
        cmp = sds.compare(spark.read.parquet(str(out / "stances")))
        t_cmp = time.perf_counter() - t2
        res.per_article.unpersist()
        line(f"Spark map + Parquet (dedupe={dedupe})", t_map, n, size)
        print(f"    then compare on collected stances: {t_cmp:.2f}s ({len(cmp['positions'])} positions)")
    spark.stop()


if __name__ == "__main__":
    main()
