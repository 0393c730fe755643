"""extract() equals `stancediff explain --text`, and a file's rows in a CLI run."""

import threading
import time

import pandas as pd
import pytest

import stancediff
from conftest import GENEVA, assert_same_table, cli, cli_table

TEXTS = [
    "Moscow rejected any ceasefire, Peskov said.",
    '"We will never give up the Donbas," Zelensky told reporters on Monday. Russia continues to insist that Ukraine hand over the Donbas region.',
    "The weather was fine.",
    "Kremlin spokesman Dmitry Peskov said Russia was open to talks but would not accept a freeze of the front line, and that a deal on the Zaporizhzhia plant was possible.",
]


def rust_debug(s: str) -> str:
    """A string as Rust's `{:?}` writes it (for the characters these texts use)."""
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def explain_from_rows(t) -> str:
    """What `explain --text` prints, rebuilt from extract()'s rows."""
    lines = []
    st, sa = t["statements"], t["stances"]
    if len(st) == 0:
        lines.append("no statement found: no speech cue with a speaker, and no attributed quotation")
    for s in st.itertuples():
        speaker = s.speaker or "no named speaker"
        lines.append(f"{s.kind} statement by {speaker} ({s.party}), cue {rust_debug(s.cue)}: {rust_debug(s.text)}")
        mine = sa[sa.statement_id == s.statement_id]
        if len(mine) == 0:
            lines.append("  no stance")
        for r in mine.itertuples():
            lines.append(f"  issue {r.issue} = {r.stance:+d}  cues: {r.cues}")
    return "".join(l + "\n" for l in lines)


@pytest.mark.parametrize("text", TEXTS)
def test_extract_equals_explain_text(text):
    printed = cli("explain", "--text", text).stdout
    assert stancediff.explain(text=text) == printed
    # The rows carry what explain prints except its frame lines, which are
    # read back from the cues column (Rust's stances::frames).
    without_frames = "".join(l for l in printed.splitlines(keepends=True) if not l.startswith("    frame: "))
    assert explain_from_rows(stancediff.extract(text)) == without_frames


def test_extract_of_a_file_equals_its_rows_in_a_cli_run(geneva_cli):
    man = pd.read_csv(GENEVA / "manifest.csv", dtype=str, keep_default_na=False)
    st_cli = cli_table(geneva_cli / "statements.csv")
    sa_cli = cli_table(geneva_cli / "stances.csv")
    lex = stancediff.Lexicon()
    for m in man.itertuples():
        text = (GENEVA / m.file).read_text(encoding="utf-8")
        t = stancediff.extract(text, published=m.published, url=m.url, outlet=m.outlet, title=m.title, name=m.file, lexicon=lex)
        assert_same_table("statements", t["statements"], st_cli[st_cli.file == m.file].reset_index(drop=True))
        assert_same_table("stances", t["stances"], sa_cli[sa_cli.file == m.file].reset_index(drop=True))
        assert t["documents"].published.iloc[0] == pd.Timestamp(m.published)


def test_extract_many_and_threads():
    texts = TEXTS * 3
    one = stancediff.extract_many({"text": texts, "file": [f"a{i}" for i in range(len(texts))]})
    two = stancediff.extract_many(pd.DataFrame({"text": texts, "file": [f"a{i}" for i in range(len(texts))]}), threads=2)
    for name in ("documents", "statements", "stances"):
        pd.testing.assert_frame_equal(one[name], two[name])
    assert len(one["documents"]) == len(texts)


def test_the_gil_is_released_and_a_lexicon_is_shared():
    """Python threads run while Rust works, and threads share one compiled lexicon."""
    lex = stancediff.Lexicon()
    text = (GENEVA / sorted(p.name for p in GENEVA.glob("*.txt"))[0]).read_text()
    cols = {"text": [text + f"\n\nCopy {i}." for i in range(600)]}
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    th = threading.Thread(target=tick)
    th.start()
    time.sleep(0.05)
    t0 = time.perf_counter()
    stancediff.extract_many(cols, lexicon=lex)
    t1 = time.perf_counter()
    stop.set()
    th.join()
    during = [t for t in ticks if t0 < t < t1]
    assert t1 - t0 > 0.05, "the batch was too small to tell"
    # With the GIL held for the whole call the other thread could not tick at all.
    assert len(during) >= 10, (len(during), t1 - t0)

    results = [None] * 4

    def work(i):
        results[i] = stancediff.extract(TEXTS[1], lexicon=lex)["stances"]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results[1:]:
        pd.testing.assert_frame_equal(r, results[0])
