"""Errors raise StancediffError with the CLI's messages; Lexicon load, check, examples."""

import warnings

import pytest

import stancediff
from conftest import GENEVA, US_IRAN, assert_same_table, cli, cli_error, cli_table

BAD_TOML = 'name = "x"\n[[parties]]\nid = 3\n'


def test_bad_lexicon_raises_with_the_cli_message(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_TOML)
    msg = cli_error("analyze", GENEVA, "--out", tmp_path / "o", "--lexicon", bad)
    assert "TOML error at line 3" in msg
    with pytest.raises(stancediff.StancediffError) as e:
        stancediff.analyze(GENEVA, lexicon=bad)
    assert str(e.value) == msg
    with pytest.raises(stancediff.StancediffError) as e:
        stancediff.Lexicon(bad)
    assert str(e.value) == cli_error("lexicon", "check", bad)


def test_missing_lexicon_file(tmp_path):
    nope = tmp_path / "nope.toml"
    with pytest.raises(stancediff.StancediffError) as e:
        stancediff.Lexicon(nope)
    assert str(e.value) == cli_error("lexicon", "check", nope)
    assert str(e.value) in cli_error("analyze", GENEVA, "--out", tmp_path / "o", "--lexicon", nope)


def test_bad_path_is_an_errors_row_as_in_the_cli(tmp_path):
    out = tmp_path / "o"
    # The CLI refuses a missing input before writing anything (issue #13);
    # the library reports it as an errors row, as a mixed batch needs.
    p = cli("analyze", "/nonexistent/articles", "--out", out, "--quiet", check=False)
    assert p.returncode == 1
    assert "/nonexistent/articles does not exist" in p.stderr
    assert not out.exists()
    with pytest.warns(UserWarning, match="no such file or folder"):
        t = stancediff.analyze(["/nonexistent/articles"])
    assert len(t["errors"]) == 1
    assert any("/nonexistent/articles" in str(f) for f in t["errors"]["file"])
    with pytest.raises(stancediff.StancediffError, match="/nonexistent/articles \\(read\\): no such file or folder"):
        stancediff.analyze(["/nonexistent/articles"], errors="raise")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stancediff.analyze(["/nonexistent/articles"], errors="ignore")


def test_unwritable_output_folder(tmp_path):
    f = tmp_path / "a-file"
    f.write_text("x")
    msg = cli_error("analyze", GENEVA, "--out", f / "sub", "--quiet")
    with pytest.raises(stancediff.StancediffError) as e:
        stancediff.analyze(GENEVA, out=f / "sub")
    assert str(e.value) == msg


def test_bad_stances_for_compare(tmp_path):
    f = tmp_path / "stances.csv"
    f.write_text("statement_id,doc_id\nx,y\n")
    msg = cli_error("compare", f, "--out", tmp_path / "o", "--quiet")
    with pytest.raises(stancediff.StancediffError) as e:
        stancediff.compare(f)
    assert str(e.value) == msg
    with pytest.raises(stancediff.StancediffError, match="is this a stances.csv written by stancediff analyze"):
        stancediff.compare(cli_table(f))


def test_bad_option():
    with pytest.raises(stancediff.StancediffError, match="period"):
        stancediff.analyze(GENEVA, period="fortnight")


def test_lexicon_check_and_examples(tmp_path):
    lex = stancediff.Lexicon()
    default_toml = tmp_path / "default.toml"
    default_toml.write_text(stancediff.Lexicon.default_toml())
    assert default_toml.read_text() == cli("lexicon", "show").stdout
    printed = cli("lexicon", "check", default_toml).stdout.strip()
    assert lex.check() == printed.replace(str(default_toml), "<default lexicon>")
    assert stancediff.Lexicon(default_toml).check() == printed
    ex = lex.examples()
    assert len(ex) >= 10 and all(e["passed"] for e in ex)
    assert [p["id"] for p in lex.parties][:2] and any(i["id"] == "ceasefire" for i in lex.issues)


def test_failing_examples_raise_the_cli_report(tmp_path):
    lex = stancediff.Lexicon().extend(
        '[[examples]]\ntext = "Moscow continues to insist that Ukraine hand over the Donbas region."\n'
        'party = "russia"\nstances = ["territory=-2"]\n'
    )
    f = tmp_path / "ext.toml"
    f.write_text(lex.toml)
    p = cli("lexicon", "check", f, check=False)
    assert p.returncode == 1
    with pytest.raises(stancediff.StancediffError) as e:
        lex.check()
    assert str(e.value).rstrip("\n") == p.stderr.rstrip("\n")
    assert not all(x["passed"] for x in lex.examples())


def test_lexicon_from_path_is_used(tmp_path):
    us = stancediff.Lexicon(US_IRAN / "lexicon.toml")
    assert "iran" in [p["id"] for p in us.parties]
    t = stancediff.extract("Iran will never give up enrichment, Araghchi said.", lexicon=us)
    assert (t["statements"].party == "iran").all()
