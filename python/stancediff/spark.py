"""stancediff on Spark: statements and stances of a news archive, in parallel.

Install with ``pip install 'stancediff[spark]'`` (PySpark 4 needs Java 17 or
later on the driver and the executors). ::

    from pyspark.sql import SparkSession
    import stancediff, stancediff.spark as sds

    spark = SparkSession.builder.getOrCreate()
    articles = spark.read.parquet("s3a://bucket/news/2026/")   # text, published, url, outlet, title, id
    res = sds.analyze(articles)                                # lexicon compiled once per partition
    res.statements.write.parquet("s3a://bucket/out/statements")
    res.stances.write.parquet("s3a://bucket/out/stances")
    report = sds.compare(res.stances, out="report/")           # positions, shifts, gaps (+ charts, report)

:func:`analyze` runs one ``mapInArrow`` step: each Arrow batch of articles
goes to Rust (GIL released) and comes back as one row per article with its
documents, statements, stances and errors rows, which are then exploded into
four DataFrames with the columns (and types) of the CLI's CSV files.
"""

from __future__ import annotations

import hashlib
import io
from typing import NamedTuple, Optional

import stancediff
from stancediff import SCHEMAS, _native

__all__ = ["analyze", "compare", "SparkTables", "spark_schema", "ARTICLE_COLUMNS"]

#: The article columns the map step reads (all but ``text`` optional).
ARTICLE_COLUMNS = ("text", "published", "url", "outlet", "title", "id", "record", "format")

_SPARK_TYPES = {"str": "string", "int": "bigint", "float": "double", "date": "date"}
_OUT_TABLES = ("documents", "statements", "stances", "errors")


def spark_schema(table: str) -> str:
    """The Spark DDL of one table's row struct, e.g. ``statement_id string, ...``."""
    return ", ".join(f"`{c}` {_SPARK_TYPES[k]}" for c, k in SCHEMAS[table].items())


def _arrow_types():
    import pyarrow as pa

    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}


class SparkTables(NamedTuple):
    """The DataFrames of a Spark run. ``per_article`` is the map step's output
    (one row per article, persisted when asked): ``unpersist()`` it when done."""

    documents: object
    statements: object
    stances: object
    errors: object
    per_article: object


# Compiled lexicons of this Python worker, by a hash of their TOML: Spark
# reuses Python workers across tasks, so a lexicon is compiled once per
# worker process (at most once per partition).
_WORKER_LEXICONS: dict = {}


def _worker_lexicon(toml: Optional[str], name: str):
    if toml is None:
        return None  # the embedded default, compiled once per process in Rust
    key = hashlib.sha256(toml.encode("utf-8")).hexdigest()
    lex = _WORKER_LEXICONS.get(key)
    if lex is None:
        lex = stancediff.Lexicon.from_toml(toml, name)
        _WORKER_LEXICONS[key] = lex
    return lex


def _parse_arrow(table: str, data: bytes):
    """CSV bytes (header first) as an Arrow table with the table's declared types."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    types = _arrow_types()
    schema = SCHEMAS[table]
    t = pacsv.read_csv(
        io.BytesIO(data),
        read_options=pacsv.ReadOptions(block_size=1 << 26),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={c: types[k] for c, k in schema.items()},
            strings_can_be_null=False,
            null_values=[""],
            quoted_strings_can_be_null=False,
        ),
    )
    cols = []
    for c, k in schema.items():
        if c in t.column_names:
            cols.append(t.column(c).combine_chunks() if t.num_rows else pa.array([], type=types[k]))
        else:
            cols.append(pa.nulls(t.num_rows, type=types[k]))
    return pa.StructArray.from_arrays(cols, names=list(schema))


def _lists(struct_array, counts):
    """One list of rows per article, from all rows and each article's row count."""
    import numpy as np
    import pyarrow as pa

    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum(np.asarray(counts, dtype=np.int64))
    return pa.ListArray.from_arrays(pa.array(offsets.astype(np.int32), type=pa.int32()), struct_array)


def _mapper(toml: Optional[str], name: str, threads: int):
    def run(batches):
        import pyarrow as pa

        lex = _worker_lexicon(toml, name)
        for rb in batches:
            cols = {c: rb.column(c).to_pylist() for c in rb.schema.names}
            raw = _native.extract_batch(cols, lexicon=lex, threads=threads)
            n_st = raw["statement_counts"]
            n_sa = raw["stance_counts"]
            docs = _parse_arrow("documents", raw["documents"])
            errs = _parse_arrow("errors", raw["errors"])
            # Each article has either its documents row or its errors row.
            ok = raw["document_counts"]
            arrays = [
                _lists(docs, ok),
                _lists(_parse_arrow("statements", raw["statements"]), n_st),
                _lists(_parse_arrow("stances", raw["stances"]), n_sa),
                _lists(errs, [1 - x for x in ok]),
            ]
            yield pa.RecordBatch.from_arrays(arrays, names=list(_OUT_TABLES))

    return run


def _prepare(articles, id_col: str, record_col: str):
    """The article columns the Rust side reads, as strings (dates as ISO)."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    fields = {f.name: f.dataType for f in articles.schema.fields}
    if "text" not in fields:
        raise stancediff.StancediffError('the articles DataFrame has no column "text"')
    cols = [F.col("text").cast("string").alias("text")]
    for c in ("published", "url", "outlet", "title", "format"):
        if c not in fields:
            continue
        if c == "published" and isinstance(fields[c], (T.DateType, T.TimestampType, T.TimestampNTZType)):
            cols.append(F.date_format(F.col(c), "yyyy-MM-dd").alias(c))
        else:
            cols.append(F.col(c).cast("string").alias(c))
    if id_col in fields:
        cols.append(F.col(id_col).cast("string").alias("file"))
    else:
        cols.append(F.concat(F.lit("row-"), F.monotonically_increasing_id().cast("string")).alias("file"))
    if record_col in fields:
        cols.append(F.coalesce(F.col(record_col).cast("long"), F.lit(0)).alias("record"))
    else:
        cols.append(F.lit(0).cast("long").alias("record"))
    return articles.select(*cols)


def analyze(
    articles,
    lexicon=None,
    *,
    id_col: str = "id",
    record_col: str = "record",
    dedupe: bool = True,
    threads: int = 1,
    persist: bool = True,
) -> SparkTables:
    """Statements and stances of a Spark DataFrame of articles.

    ``articles`` has a ``text`` column and optionally ``published`` (ISO
    string, date or timestamp), ``url``, ``outlet``, ``title``, an id
    (``id_col``, written as the rows' ``file``), a record number
    (``record_col``) and ``format`` ("text" or "html"). ``lexicon`` is a
    :class:`stancediff.Lexicon`, a path on the driver, or None for the
    default; its TOML is shipped with the task, so executors need no shared
    file system, and it is compiled once per worker process.

    Returns DataFrames ``documents``, ``statements``, ``stances``, ``errors``
    with the columns and types of the CLI's CSVs. With ``dedupe`` (as the
    CLI does) an article whose text is the same as another's (same
    ``doc_id``) keeps its documents row, with statements 0 and the CLI's
    warning, but its statements and stances are dropped; the copy kept is
    the one with the smallest (id, record), the CLI's first in file order.
    ``threads`` > 1 also parallelises inside a task (for executors with
    more cores than tasks). With ``persist`` the map step's output is
    persisted, so the four DataFrames do not run it four times.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    if lexicon is None:
        toml, name = None, "<default lexicon>"
    else:
        lex = stancediff._lexicon(lexicon)
        toml, name = lex.toml, lex.source
    schema = ", ".join(f"`{t}` array<struct<{spark_schema(t)}>>" for t in _OUT_TABLES)
    prepared = _prepare(articles, id_col, record_col)
    per = prepared.mapInArrow(_mapper(toml, name, int(threads)), schema)
    if persist and not dedupe:
        # The map step runs once; everything below reads its persisted rows.
        per = per.persist()
    mapped = per
    if dedupe:
        # Which articles repeat an earlier one's text: a window over the
        # small keys only (doc_id, id, record), never over the rows, then a
        # join (broadcast when, as usual, duplicates are few) to mark them.
        doc = F.get(F.col("documents"), 0)
        keyed = per.withColumn("_row", F.monotonically_increasing_id())
        if persist:
            keyed = keyed.persist()
            mapped = keyed
        keys = keyed.where(F.size("documents") > 0).select(
            doc["doc_id"].alias("_doc"), doc["file"].alias("_file"), doc["record"].alias("_record"), "_row"
        )
        w = Window.partitionBy("_doc").orderBy("_file", "_record", "_row")
        dups = (
            keys.withColumn("_rank", F.row_number().over(w))
            .where(F.col("_rank") > 1)
            .select("_row", F.lit(True).alias("_dup"))
        )
        marked_rows = keyed.join(dups, on="_row", how="left")
        dup = F.coalesce(F.col("_dup"), F.lit(False))
        marked = F.transform(
            "documents",
            lambda d: d.withField("statements", F.lit(0).cast("long")).withField(
                "warnings",
                F.when(d["warnings"] == "", warning_for(d)).otherwise(F.concat(d["warnings"], F.lit("; "), warning_for(d))),
            ),
        )
        empty_st = F.expr("filter(statements, x -> false)")
        empty_sa = F.expr("filter(stances, x -> false)")
        per = marked_rows.select(
            F.when(dup, marked).otherwise(F.col("documents")).alias("documents"),
            F.when(dup, empty_st).otherwise(F.col("statements")).alias("statements"),
            F.when(dup, empty_sa).otherwise(F.col("stances")).alias("stances"),
            F.col("errors"),
        )

    def rows(t):
        return per.select(F.explode(t).alias("r")).select("r.*")

    return SparkTables(rows("documents"), rows("statements"), rows("stances"), rows("errors"), mapped)


def warning_for(d):
    from pyspark.sql import functions as F

    return F.concat(
        F.lit("duplicate of an earlier document with the same text ("),
        d["doc_id"],
        F.lit("): statements not counted again"),
    )


def compare(stances, lexicon=None, *, period: str = "day", min_shift: float = stancediff.DEFAULT_MIN_SHIFT, out=None):
    """Positions, shifts and gaps (pandas DataFrames) from a Spark stances
    DataFrame: the rows are collected to the driver and compared in Rust,
    exactly as ``stancediff compare`` does (``out`` writes charts and the
    report too). Stance rows are small (a few hundred bytes each): tens of
    millions fit on one driver; for more, compare shards written as
    stances.csv/Parquet by time period."""
    pdf = stances.toPandas()
    return stancediff.compare(pdf, lexicon, period=period, min_shift=min_shift, out=out)
