"""Shared fixtures: the repository, the CLI binary, and CLI runs to compare with."""

import math
import os
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import stancediff

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
GENEVA = CORPORA / "geneva-2026"
US_IRAN = CORPORA / "us-iran-2025"


def cli_binary() -> Path:
    b = Path(os.environ.get("STANCEDIFF_BIN", ROOT / "target" / "release" / "stancediff"))
    if not b.exists():
        pytest.fail(f"the CLI binary {b} is missing: run `cargo build --release` (python/run-tests.sh does)")
    return b


def cli(*args, check=True):
    """Run the CLI; returns the CompletedProcess (exit 3 = some inputs unusable, still a result)."""
    p = subprocess.run([str(cli_binary()), *map(str, args)], capture_output=True, text=True)
    if check and p.returncode not in (0, 3):
        raise AssertionError(f"stancediff {args} failed ({p.returncode}): {p.stderr}")
    return p


def cli_error(*args) -> str:
    """The CLI's error message for a failing command, without the `stancediff: error: ` prefix."""
    p = cli(*args, check=False)
    assert p.returncode == 1, (p.returncode, p.stderr)
    msg = p.stderr.strip()
    for prefix in ("stancediff: error: ", "stancediff: "):
        if msg.startswith(prefix):
            return msg[len(prefix):]
    return msg


def cli_table(path: Path) -> pd.DataFrame:
    """A CSV the CLI wrote, every cell as the text in the file."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)


def cell_text(v, kind: str) -> str:
    """A typed DataFrame cell written back as the CLI writes it."""
    if kind == "date":
        return "" if pd.isna(v) else pd.Timestamp(v).strftime("%Y-%m-%d")
    if kind == "int":
        return str(int(v))
    if kind == "float":
        return "" if (v is None or (isinstance(v, float) and math.isnan(v))) else repr(float(v))
    return v


def assert_same_table(name: str, ours: pd.DataFrame, cli_df: pd.DataFrame, sort_by=None, columns=None):
    """Cell for cell: same columns (in order), same number of rows, and every
    cell of ours, written as the CLI writes it, equal to the CLI's text
    (floats compared as numbers, since 2 and 2.0 are the same value)."""
    schema = stancediff.SCHEMAS[name]
    if columns is None:
        assert list(ours.columns) == list(cli_df.columns), f"{name}: columns differ"
        columns = list(cli_df.columns)
    assert len(ours) == len(cli_df), f"{name}: {len(ours)} rows, the CLI has {len(cli_df)}"
    if sort_by:
        ours = ours.sort_values(sort_by, kind="stable").reset_index(drop=True)
        cli_df = cli_df.sort_values(sort_by, kind="stable").reset_index(drop=True)
    for col in columns:
        kind = schema.get(col, "str")
        for i, (a, b) in enumerate(zip(ours[col].tolist(), cli_df[col].tolist())):
            if kind == "float":
                ok = (b == "" and cell_text(a, kind) == "") or (b != "" and float(b) == float(a))
            else:
                ok = cell_text(a, kind) == b
            assert ok, f"{name} row {i} column {col}: ours {a!r}, CLI {b!r}"


@pytest.fixture(scope="session")
def geneva_cli(tmp_path_factory):
    """The CLI's own run over corpora/geneva-2026 (made fresh: the committed report may lag)."""
    out = tmp_path_factory.mktemp("cli-geneva")
    cli("analyze", GENEVA, "--out", out, "--quiet")
    return out


@pytest.fixture(scope="session")
def geneva():
    return stancediff.analyze([GENEVA])
