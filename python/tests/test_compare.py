"""compare() is the CLI's compare, over a DataFrame of any order or over files."""

import pandas as pd

import stancediff
from conftest import GENEVA, assert_same_table, cli, cli_table


def test_compare_dataframe_equals_cli_compare(geneva, geneva_cli, tmp_path):
    out = tmp_path / "cmp"
    cli("compare", geneva_cli / "stances.csv", "--out", out, "--quiet")
    ours = stancediff.compare(geneva["stances"])
    for t in ("positions", "shifts", "gaps"):
        assert_same_table(t, ours[t], cli_table(out / f"{t}.csv"))
        # and the same as the analyze run's own
        assert_same_table(t, ours[t], cli_table(geneva_cli / f"{t}.csv"))


def test_compare_any_row_order_and_shards(geneva, geneva_cli):
    st = geneva["stances"]
    shuffled = st.sample(frac=1.0, random_state=7)
    halves = [shuffled.iloc[: len(st) // 2], shuffled.iloc[len(st) // 2 :]]
    ours = stancediff.compare(pd.concat(halves))
    for t in ("positions", "shifts", "gaps"):
        assert_same_table(t, ours[t], cli_table(geneva_cli / f"{t}.csv"))


def test_compare_files_and_period(geneva_cli, tmp_path):
    out = tmp_path / "cmp"
    cli("compare", geneva_cli, "--out", out, "--quiet", "--period", "month")
    ours = stancediff.compare([geneva_cli], period="month")
    for t in ("positions", "shifts", "gaps"):
        assert_same_table(t, ours[t], cli_table(out / f"{t}.csv"))
