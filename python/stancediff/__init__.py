"""stancediff: who said what in a negotiation, and how each side's position moved.

The Rust pipeline of the ``stancediff`` command line, as pandas DataFrames::

    import stancediff
    t = stancediff.analyze(["corpora/geneva-2026"])
    t["stances"].groupby(["party", "issue"]).stance.mean()

Every table has the rows and columns of the CSV file the CLI writes (see
CODEBOOK.md), typed: dates are ``datetime64`` (``NaT`` when unknown), counts
and stances are integers, positions and gaps are floats, everything else is
text (an empty cell is ``""``). The Rust side produces the very CSV bytes the
CLI writes and this module parses them with explicit dtypes, so a DataFrame
holds the CLI's cells by construction.

The GIL is released while Rust works; a :class:`Lexicon` is compiled once and
shared by every call that gets it (and by threads). Errors raise
:class:`StancediffError` with the CLI's message.
"""

from __future__ import annotations

import io
import os
import warnings
from typing import Dict, Iterable, Mapping, Optional, Sequence, Union

from . import _native
from ._native import DEFAULT_MIN_SHIFT, Lexicon, StancediffError

__all__ = [
    "analyze",
    "extract",
    "compare",
    "explain",
    "read_articles",
    "Lexicon",
    "StancediffError",
    "SCHEMAS",
    "TABLES",
    "parse_table",
    "DEFAULT_MIN_SHIFT",
]

__version__ = _native.__version__

PathLike = Union[str, "os.PathLike[str]"]
LexiconLike = Union[None, Lexicon, PathLike]

#: The tables of a run, in the order the CLI documents them.
TABLES = ("documents", "statements", "stances", "positions", "shifts", "gaps", "errors")

#: Column types of every table (CODEBOOK.md): "str", "int", "float" or "date".
#: Columns a later version adds that are not listed here are read as text.
SCHEMAS: Dict[str, Dict[str, str]] = {
    "documents": {
        "doc_id": "str",
        "file": "str",
        "outlet": "str",
        "url": "str",
        "title": "str",
        "published": "date",
        "date_source": "str",
        "statements": "int",
        "warnings": "str",
        "record": "int",
        "title_source": "str",
        "bytes": "int",
    },
    "statements": {
        "statement_id": "str",
        "doc_id": "str",
        "file": "str",
        "published": "date",
        "said_on": "date",
        "speaker": "str",
        "party": "str",
        "kind": "str",
        "cue": "str",
        "text": "str",
        "char_start": "int",
        "char_end": "int",
        "outlet": "str",
    },
    "stances": {
        "statement_id": "str",
        "doc_id": "str",
        "file": "str",
        "date": "date",
        "party": "str",
        "speaker": "str",
        "issue": "str",
        "stance": "int",
        "cues": "str",
        "evidence": "str",
        "kind": "str",
        "text": "str",
        "numbers": "str",
        "outlet": "str",
    },
    "positions": {
        "party": "str",
        "issue": "str",
        "date": "date",
        "stance": "float",
        "statements": "int",
        "documents": "int",
        "evidence_statement_id": "str",
        "evidence_speaker": "str",
        "evidence_text": "str",
    },
    "shifts": {
        "party": "str",
        "issue": "str",
        "from_date": "date",
        "to_date": "date",
        "from_stance": "float",
        "to_stance": "float",
        "delta": "float",
        "from_statement_id": "str",
        "to_statement_id": "str",
        "from_text": "str",
        "to_text": "str",
    },
    "gaps": {
        "issue": "str",
        "date": "date",
        "party_a": "str",
        "party_b": "str",
        "stance_a": "float",
        "stance_b": "float",
        "gap": "float",
        "previous_date": "date",
        "previous_gap": "float",
        "trend": "str",
    },
    "errors": {"file": "str", "stage": "str", "message": "str"},
}


def parse_table(name: str, data: Union[bytes, str, PathLike]):
    """Parse one table (CSV bytes, or a path to a CSV the CLI wrote) into a typed DataFrame."""
    import pandas as pd

    if isinstance(data, (bytes, bytearray)):
        src = io.BytesIO(data)
    else:
        src = os.fspath(data)
    # Everything is read as text first (no NA guessing: an empty cell stays
    # ""), then the known columns are converted with their declared type.
    df = pd.read_csv(src, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    schema = SCHEMAS.get(name, {})
    for col, kind in schema.items():
        if col not in df.columns:
            continue
        s = df[col]
        if kind == "int":
            df[col] = s.astype("int64")
        elif kind == "float":
            df[col] = pd.to_numeric(s.where(s != "", None), errors="raise").astype("float64")
        elif kind == "date":
            df[col] = pd.to_datetime(s.where(s != "", None), format="%Y-%m-%d", errors="raise")
    return df


def _frames(raw: Mapping[str, object], names: Iterable[str]):
    return {n: parse_table(n, raw[n]) for n in names if n in raw}


_LEXICONS: Dict[tuple, Lexicon] = {}


def _lexicon(lexicon: LexiconLike) -> Optional[Lexicon]:
    """A Lexicon object, a path (compiled once per path and modification time), or None."""
    if lexicon is None or isinstance(lexicon, Lexicon):
        return lexicon
    path = os.fspath(lexicon)
    try:
        key = (os.path.abspath(path), os.stat(path).st_mtime_ns)
    except OSError:
        return Lexicon(path)  # raises with the CLI's message
    if key not in _LEXICONS:
        _LEXICONS[key] = Lexicon(path)
    return _LEXICONS[key]


def _paths(paths) -> list:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return [os.fspath(p) for p in paths]


class Tables(dict):
    """The tables of a run (a dict of DataFrames) with the run's ``summary``."""

    summary: dict = {}

    def __repr__(self) -> str:  # pragma: no cover - cosmetic
        sizes = ", ".join(f"{k}: {len(v)} rows" for k, v in self.items())
        return f"<stancediff tables {sizes}>"


def analyze(
    paths: Union[PathLike, Sequence[PathLike]],
    lexicon: LexiconLike = None,
    *,
    manifest: Optional[PathLike] = None,
    boilerplate: Sequence[PathLike] = (),
    threads: Optional[int] = None,
    period: str = "day",
    min_shift: float = DEFAULT_MIN_SHIFT,
    out: Optional[PathLike] = None,
    errors: str = "warn",
) -> Tables:
    """Run the whole pipeline, as ``stancediff analyze PATHS --out DIR`` does.

    Returns a dict of DataFrames: documents, statements, stances, positions,
    shifts, gaps and errors (``.summary`` has the run's counts). The options
    are the CLI's: ``manifest``, ``boilerplate`` (extra rule files),
    ``threads``, ``period`` ("day", "week" or "month"), ``min_shift``.
    With ``out`` the output folder is written too, charts and report
    included, exactly as the CLI writes it.

    Inputs that cannot be used are rows of the ``errors`` table, as in the
    CLI (which exits with status 3); ``errors="warn"`` (default) also warns,
    ``"raise"`` raises StancediffError with their messages, ``"ignore"``
    does neither. A bad lexicon, manifest or output folder always raises.
    """
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError('errors must be "warn", "raise" or "ignore"')
    raw = _native.analyze(
        _paths(paths),
        lexicon=_lexicon(lexicon),
        manifest=None if manifest is None else os.fspath(manifest),
        boilerplate=[os.fspath(b) for b in boilerplate],
        threads=threads,
        period=period,
        min_shift=float(min_shift),
        out=None if out is None else os.fspath(out),
    )
    t = Tables(_frames(raw, TABLES))
    t.summary = dict(raw["summary"])
    _input_errors(t["errors"], errors)
    return t


def _input_errors(df, mode: str) -> None:
    if len(df) == 0 or mode == "ignore":
        return
    lines = [f"{r.file} ({r.stage}): {r.message}" for r in df.itertuples()]
    msg = f"{len(df)} input(s) could not be used:\n  " + "\n  ".join(lines)
    if mode == "raise":
        raise StancediffError(msg)
    warnings.warn(msg, stacklevel=3)


def extract(
    text: str,
    published=None,
    url: Optional[str] = None,
    outlet: Optional[str] = None,
    lexicon: LexiconLike = None,
    *,
    title: Optional[str] = None,
    name: str = "text",
    html: bool = False,
) -> Tables:
    """One article's statements and stances (and its documents row).

    ``published`` is an ISO date (a ``datetime.date``/``Timestamp`` is fine);
    without it the date is looked for in the text, as for a file. ``name``
    is the article's ``file`` in the rows; ``html=True`` reads ``text`` as
    an HTML page. The rows are those the CLI writes for a ``.txt`` file with
    this text (``stancediff explain --text`` shows the same statements).
    """
    t = extract_many(
        {
            "text": [text],
            "published": [_date_text(published)],
            "url": [url],
            "outlet": [outlet],
            "title": [title],
            "file": [name],
            "format": ["html" if html else "text"],
        },
        lexicon=lexicon,
    )
    _input_errors(t["errors"], "raise")
    return t


def extract_many(columns: Mapping[str, Sequence], lexicon: LexiconLike = None, threads: int = 1) -> Tables:
    """Many articles given as columns (a dict of lists or a DataFrame):
    ``text`` and optionally ``published``, ``url``, ``outlet``, ``title``,
    ``file`` (the name in the rows; default ``row-N``), ``record``, ``format``
    ("text" or "html"). Returns documents, statements, stances and errors."""
    cols = _columns(columns)
    raw = _native.extract_batch(cols, lexicon=_lexicon(lexicon), threads=int(threads))
    t = Tables(_frames(raw, ("documents", "statements", "stances", "errors")))
    t.summary = {"statement_counts": raw["statement_counts"], "stance_counts": raw["stance_counts"]}
    return t


def _date_text(v) -> Optional[str]:
    if v is None:
        return None
    try:
        import pandas as pd

        if v is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    if hasattr(v, "strftime"):
        return v.strftime("%Y-%m-%d")
    return str(v)


def _columns(columns) -> dict:
    """A dict of plain Python lists (str or None; record as int) from a dict or DataFrame."""
    names = ("text", "published", "url", "outlet", "title", "file", "format", "record")
    out = {}
    for n in names:
        if n not in columns:
            continue
        vals = list(columns[n])
        if n == "record":
            out[n] = [None if _missing(v) else int(v) for v in vals]
        elif n == "published":
            out[n] = [None if _missing(v) else _date_text(v) for v in vals]
        else:
            out[n] = [None if _missing(v) else str(v) for v in vals]
    if "text" not in out:
        raise StancediffError('no column "text"')
    return out


def _missing(v) -> bool:
    if v is None:
        return True
    try:
        return v != v  # NaN, NaT
    except Exception:  # pragma: no cover
        return False


def compare(
    stances,
    lexicon: LexiconLike = None,
    *,
    period: str = "day",
    min_shift: float = DEFAULT_MIN_SHIFT,
    out: Optional[PathLike] = None,
) -> Tables:
    """Positions, shifts and gaps from stance rows, as ``stancediff compare`` does.

    ``stances`` is a DataFrame with the columns of stances.csv (from
    :func:`analyze`, :func:`extract`, a Spark job, or ``pd.concat`` of
    shards), or one or more paths to stances.csv files or run folders. The
    rows of one document need not be together: they are grouped by
    ``doc_id`` (in order of first appearance) before the CLI's comparison runs.
    With ``out``, charts and the report are written there too.
    """
    lex = _lexicon(lexicon)
    out = None if out is None else os.fspath(out)
    if isinstance(stances, (str, os.PathLike)) or (
        isinstance(stances, (list, tuple)) and all(isinstance(s, (str, os.PathLike)) for s in stances)
    ):
        raw = _native.compare_files(_paths(stances), lexicon=lex, period=period, min_shift=float(min_shift), out=out)
    else:
        raw = _native.compare_csv(_stances_csv(stances), lexicon=lex, period=period, min_shift=float(min_shift), out=out)
    t = Tables(_frames(raw, ("positions", "shifts", "gaps")))
    t.summary = dict(raw["summary"])
    return t


def _stances_csv(df) -> bytes:
    """A stances DataFrame as the CSV the CLI writes (dates ISO, empty for unknown)."""
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        df = pd.DataFrame(df)
    df = df.copy()
    if "doc_id" in df.columns and len(df):
        codes, _ = pd.factorize(df["doc_id"])
        df = df.iloc[codes.argsort(kind="stable")]
    for col in df.columns:
        s = df[col]
        if pd.api.types.is_datetime64_any_dtype(s):
            df[col] = s.dt.strftime("%Y-%m-%d").where(s.notna(), "")
        elif s.dtype == object or pd.api.types.is_string_dtype(s):
            df[col] = s.map(lambda v: "" if _missing(v) else (v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else str(v)))
    if "stance" in df.columns:
        df["stance"] = df["stance"].astype("int64")
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def explain(
    text: Optional[str] = None,
    statement_id: Optional[str] = None,
    out: Optional[PathLike] = None,
    lexicon: LexiconLike = None,
) -> str:
    """What ``stancediff explain`` prints: for a text (``--text``), or for a
    statement id of a run written to ``out``."""
    return _native.explain(
        text=text,
        statement_id=statement_id,
        out=None if out is None else os.fspath(out),
        lexicon=_lexicon(lexicon),
    )


def read_articles(paths: Union[PathLike, Sequence[PathLike]], manifest: Optional[PathLike] = None):
    """The articles under ``paths`` as the CLI reads them (a manifest applied to
    whole files), as a DataFrame with file, record, format, text, published,
    url, outlet, title — e.g. to build a Spark DataFrame of a local corpus.
    Inputs that cannot be read are listed in ``.attrs["errors"]`` (dicts
    with file, stage, message)."""
    import pandas as pd

    raw = _native.read_articles(_paths(paths), manifest=None if manifest is None else os.fspath(manifest))
    errs = raw.pop("errors")
    df = pd.DataFrame(raw)
    df["record"] = df["record"].astype("int64")
    df.attrs["errors"] = [
        {"file": f, "stage": s, "message": m} for f, s, m in zip(errs["file"], errs["stage"], errs["message"])
    ]
    return df
