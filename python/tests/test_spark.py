"""A local[2] Spark job over the bundled corpora gives the CLI's rows."""

import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

import stancediff
from conftest import CORPORA, US_IRAN, assert_same_table, cli, cli_table

pyspark = pytest.importorskip("pyspark")


def java_major() -> int:
    java = shutil.which("java")
    if not java:
        return 0
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    v = out.split('"')[1] if '"' in out else "0"
    return int(v.split(".")[0])


@pytest.fixture(scope="module")
def spark():
    if java_major() < 17:
        pytest.fail("PySpark 4 needs Java 17 or later on the PATH (java -version)")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    s = (
        SparkSession.builder.master("local[2]")
        .appName("stancediff-tests")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield s
    s.stop()


def articles_df(spark, paths, partitions=4):
    a = stancediff.read_articles(paths).rename(columns={"file": "id"})
    return spark.createDataFrame(a).repartition(partitions)


def run_both(spark, tmp_path, paths, lexicon=None):
    out = tmp_path / "cli"
    extra = ["--lexicon", lexicon] if lexicon else []
    cli("analyze", *paths, "--out", out, "--quiet", *extra)
    import stancediff.spark as sds

    res = sds.analyze(articles_df(spark, paths), lexicon=lexicon)
    return out, res


def check_rows(out, res, lexicon=None):
    st = res.statements.toPandas()
    sa = res.stances.toPandas()
    assert_same_table("statements", st, cli_table(out / "statements.csv"), sort_by=["statement_id"])
    assert_same_table("stances", sa, cli_table(out / "stances.csv"), sort_by=["statement_id", "issue"])
    docs = res.documents.toPandas()
    same = ["doc_id", "file", "outlet", "url", "title", "published", "statements", "record"]
    assert_same_table("documents", docs, cli_table(out / "documents.csv"), sort_by=["file", "record"], columns=same)
    import stancediff.spark as sds

    cmp = sds.compare(res.stances, lexicon)
    for t in ("positions", "shifts", "gaps"):
        assert_same_table(t, cmp[t], cli_table(out / f"{t}.csv"))
    return st, sa


def test_spark_over_all_bundled_corpora_equals_the_cli(spark, tmp_path):
    out, res = run_both(spark, tmp_path, [CORPORA])
    st, sa = check_rows(out, res)
    assert len(st) > 500 and len(sa) > 100
    assert res.errors.count() == 0
    # Spark typed the columns as the CSVs' types.
    types = dict(res.stances.dtypes)
    assert types["stance"] == "bigint" and types["date"] == "date"


def test_spark_with_a_lexicon_and_manifest(spark, tmp_path):
    out, res = run_both(spark, tmp_path, [US_IRAN], lexicon=US_IRAN / "lexicon.toml")
    check_rows(out, res, US_IRAN / "lexicon.toml")


def test_spark_duplicates_count_once_and_errors(spark, tmp_path):
    import stancediff.spark as sds

    text = (CORPORA / "geneva-2026" / sorted(p.name for p in (CORPORA / "geneva-2026").glob("*.txt"))[0]).read_text()
    pdf = pd.DataFrame(
        {
            "id": ["b.txt", "a.txt", "c.txt"],
            "text": [text, text, "   "],
            "published": [pd.Timestamp("2026-02-18"), pd.Timestamp("2026-02-17"), None],
        }
    )
    d = tmp_path / "dup"
    d.mkdir()
    (d / "a.txt").write_text(text)
    (d / "b.txt").write_text(text)
    (d / "manifest.csv").write_text("file,url,outlet,published,title\na.txt,,,2026-02-17,\nb.txt,,,2026-02-18,\n")
    out = tmp_path / "cli"
    cli("analyze", d, "--out", out, "--quiet")
    res = sds.analyze(spark.createDataFrame(pdf))
    assert_same_table("statements", res.statements.toPandas(), cli_table(out / "statements.csv"), sort_by=["statement_id"])
    docs = res.documents.toPandas().sort_values("file").reset_index(drop=True)
    cli_docs = cli_table(out / "documents.csv")
    assert_same_table("documents", docs, cli_docs, sort_by=["file"], columns=["doc_id", "file", "statements", "warnings", "published"])
    err = res.errors.toPandas()
    assert list(err.file) == ["c.txt"] and list(err.message) == ["empty text"]
