"""analyze() equals the CLI's CSVs cell for cell, typed."""

import numpy as np
import pandas as pd
import pytest

import stancediff
from conftest import GENEVA, CORPORA, assert_same_table, cli, cli_table


@pytest.mark.parametrize("table", stancediff.TABLES)
def test_analyze_equals_cli_csv(geneva, geneva_cli, table):
    assert_same_table(table, geneva[table], cli_table(geneva_cli / f"{table}.csv"))


def test_tables_are_typed(geneva):
    st = geneva["statements"]
    assert np.issubdtype(st["published"].dtype, np.datetime64)
    assert np.issubdtype(st["said_on"].dtype, np.datetime64)
    assert st["char_start"].dtype == np.int64
    sa = geneva["stances"]
    assert sa["stance"].dtype == np.int64 and sa["stance"].between(-2, 2).all()
    assert np.issubdtype(sa["date"].dtype, np.datetime64)
    pos = geneva["positions"]
    assert pos["stance"].dtype == np.float64
    assert np.issubdtype(pos["date"].dtype, np.datetime64)
    assert geneva["gaps"]["gap"].dtype == np.float64
    assert geneva["shifts"]["delta"].dtype == np.float64
    assert geneva["documents"]["bytes"].dtype == np.int64
    assert len(geneva["statements"]) > 20 and len(geneva["stances"]) > 10


def test_summary(geneva):
    s = geneva.summary
    assert s["documents"] == len(geneva["documents"])
    assert s["statements"] == len(geneva["statements"])
    assert s["stances"] == len(geneva["stances"])


def test_options_match_cli(tmp_path):
    """period, min_shift and threads mean what the CLI's flags mean."""
    out = tmp_path / "cli"
    cli("analyze", GENEVA, "--out", out, "--quiet", "--period", "week", "--min-shift", "0.25", "--threads", "1")
    ours = stancediff.analyze(GENEVA, period="week", min_shift=0.25, threads=2)
    for t in ("positions", "shifts", "gaps", "stances"):
        assert_same_table(t, ours[t], cli_table(out / f"{t}.csv"))


def test_out_writes_the_cli_folder(tmp_path, geneva_cli):
    out = tmp_path / "run"
    t = stancediff.analyze([GENEVA], out=out)
    for name in stancediff.TABLES:
        assert (out / f"{name}.csv").read_bytes() == (geneva_cli / f"{name}.csv").read_bytes()
    assert (out / "report.html").exists() and (out / "charts").is_dir()
    assert len(t["statements"]) == len(cli_table(geneva_cli / "statements.csv"))


def test_several_corpora_with_a_lexicon(tmp_path):
    us = CORPORA / "us-iran-2025"
    out = tmp_path / "cli"
    cli("analyze", us, CORPORA / "blind-2026", "--out", out, "--quiet", "--lexicon", us / "lexicon.toml")
    ours = stancediff.analyze([us, CORPORA / "blind-2026"], lexicon=us / "lexicon.toml")
    for t in stancediff.TABLES:
        assert_same_table(t, ours[t], cli_table(out / f"{t}.csv"))
