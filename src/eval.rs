//! Evaluation: a run scored against hand-made gold annotations.
//!
//! In: a gold folder (`quotes.csv`: file,quote_prefix,speaker,party,kind;
//! `stances.csv`: file,party,issue,stance,evidence_prefix) and a run folder
//! (`statements.csv`, `stances.csv`). Out: [`Scores`]: precision, recall and
//! F1 for statements, speaker/party/kind accuracy over matched statements,
//! and stance coverage, sign and exact accuracy, mean absolute error and
//! spurious stances.
//!
//! A gold statement matches a run statement of the same file when the run's
//! text starts with the gold prefix (quotation marks and case aside); for
//! indirect and reported speech, whose boundaries are a judgment call, it is
//! enough that one contains the start of the other.

use crate::lexicon::Lexicon;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Debug, Deserialize)]
struct GoldQuote {
    file: String,
    quote_prefix: String,
    speaker: String,
    party: String,
    kind: String,
}

#[derive(Debug, Deserialize)]
struct GoldStance {
    file: String,
    party: String,
    issue: String,
    stance: i8,
    evidence_prefix: String,
}

#[derive(Debug, Deserialize, Clone)]
struct RunStatement {
    file: String,
    speaker: String,
    party: String,
    kind: String,
    text: String,
    #[serde(default)]
    char_start: usize,
    #[serde(default)]
    char_end: usize,
}

#[derive(Debug, Deserialize, Clone)]
struct RunStance {
    file: String,
    party: String,
    issue: String,
    stance: i8,
    #[serde(default)]
    text: String,
    evidence: String,
    #[serde(default)]
    date: String,
}

#[derive(Debug, Deserialize)]
struct RunDocument {
    file: String,
    #[serde(default)]
    published: String,
}

/// The timeline scored: gold stances grouped by party, issue and month (the
/// document's publication month) against the run's stances grouped the same
/// way (by the month each was said), and gold month-to-month moves of at
/// least 0.5 against the run's move between the same months.
#[derive(Debug, Default, Clone)]
pub struct Timeline {
    pub positions_gold: usize,
    pub positions_covered: usize,
    pub positions_sign_correct: usize,
    pub moves_gold: usize,
    pub moves_right_direction: usize,
}

type Months = BTreeMap<(String, String), BTreeMap<String, (f64, usize)>>;

fn month(date: &str) -> Option<String> {
    (date.len() >= 7 && date.as_bytes()[4] == b'-').then(|| date[..7].to_string())
}

fn means(m: &BTreeMap<String, (f64, usize)>) -> Vec<(String, f64)> {
    m.iter()
        .map(|(k, (s, n))| (k.clone(), s / *n as f64))
        .collect()
}

fn timeline(
    gold: &[GoldStance],
    run: &[&RunStance],
    published: &BTreeMap<String, String>,
) -> Timeline {
    let mut g: Months = BTreeMap::new();
    for x in gold {
        let Some(m) = published.get(&x.file).and_then(|d| month(d)) else {
            continue;
        };
        let e = g
            .entry((x.party.clone(), x.issue.clone()))
            .or_default()
            .entry(m)
            .or_default();
        e.0 += x.stance as f64;
        e.1 += 1;
    }
    let mut r: Months = BTreeMap::new();
    for x in run {
        let Some(m) = month(&x.date) else { continue };
        let e = r
            .entry((x.party.clone(), x.issue.clone()))
            .or_default()
            .entry(m)
            .or_default();
        e.0 += x.stance as f64;
        e.1 += 1;
    }
    let mut t = Timeline::default();
    for (key, months) in &g {
        let gm = means(months);
        let rm: BTreeMap<String, f64> = r
            .get(key)
            .map(|m| means(m).into_iter().collect())
            .unwrap_or_default();
        for (m, v) in &gm {
            t.positions_gold += 1;
            if let Some(rv) = rm.get(m) {
                t.positions_covered += 1;
                t.positions_sign_correct +=
                    (rv.signum() == v.signum() || (rv.abs() < 0.5 && v.abs() < 0.5)) as usize;
            }
        }
        for w in gm.windows(2) {
            let delta = w[1].1 - w[0].1;
            if delta.abs() < 0.5 {
                continue;
            }
            t.moves_gold += 1;
            if let (Some(a), Some(b)) = (rm.get(&w[0].0), rm.get(&w[1].0))
                && (b - a).signum() == delta.signum()
                && (b - a).abs() > 1e-9
            {
                t.moves_right_direction += 1;
            }
        }
    }
    t
}

/// Precision, recall and F1 of one matching.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Prf {
    pub gold: usize,
    pub found: usize,
    pub matched: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Default, Clone)]
pub struct Scores {
    /// Direct and partial quotations.
    pub quotations: Prf,
    /// Every statement, all kinds.
    pub statements: Prf,
    pub speaker_correct: usize,
    pub party_correct: usize,
    pub kind_correct: usize,
    pub stance_gold: usize,
    pub stance_covered: usize,
    pub sign_correct: usize,
    pub exact_correct: usize,
    pub abs_error_sum: f64,
    pub stance_run_triples: usize,
    pub stance_spurious: usize,
    /// Run triples of the sides only (party `other` left out: the
    /// annotation guide has annotators skip speakers of no side), and how
    /// many of them the gold lacks.
    pub stance_side_triples: usize,
    pub stance_side_spurious: usize,
    /// Gold statements no run statement matched: (file, prefix).
    pub missed: Vec<(String, String)>,
    /// Run statements that matched no gold: (file, text).
    pub extra: Vec<(String, String)>,
    /// Matched statements with another speaker or party: (file, prefix, gold, run).
    pub speaker_errors: Vec<(String, String, String, String)>,
    /// Positions and moves over time.
    pub timeline: Timeline,
    /// Gold stances scored differently: (file, party, issue, gold, run).
    pub stance_errors: Vec<(String, String, String, i8, Option<i8>)>,
}

/// Lowercase, straight quotes, single spaces, no surrounding punctuation.
fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' | '«' | '»' | '„' => '"',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'')
        .to_string()
}

fn first_words(s: &str, n: usize) -> String {
    s.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

fn matches(gold_prefix: &str, gold_kind: &str, run_text: &str) -> bool {
    let (g, r) = (norm(gold_prefix), norm(run_text));
    if g.is_empty() || r.is_empty() {
        return false;
    }
    if r.starts_with(&g) || (g.starts_with(&r) && r.split_whitespace().count() >= 1) {
        return true;
    }
    if matches!(gold_kind, "indirect" | "reported") {
        let rf = first_words(&r, 4);
        let gf = first_words(&g, 5);
        return r.contains(&g)
            || (rf.split_whitespace().count() >= 3 && g.contains(&rf))
            || (gf.split_whitespace().count() >= 3 && r.contains(&gf));
    }
    false
}

/// A party or issue id read from `path` (data row `i`, 0-based) must be a valid id.
fn check_id(path: &Path, i: usize, kind: &str, id: &str) -> Result<()> {
    crate::ids::check(kind, id)
        .map_err(|e| anyhow::anyhow!("{} row {}: {e}", path.display(), i + 2))
}

fn read_csv<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>> {
    let file = crate::corpus::open_regular(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let mut rdr = csv::Reader::from_reader(file);
    rdr.deserialize()
        .collect::<Result<Vec<T>, _>>()
        .with_context(|| format!("cannot parse {}", path.display()))
}

/// A name without middle initials ("Alexus G. Grynkewich" = "Alexus Grynkewich").
fn name_key(name: &str) -> String {
    let n = norm(name);
    n.split_whitespace()
        .filter(|w| !(w.len() == 2 && w.ends_with('.')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Is `name` the side itself ("Moscow", "the Kremlin", "Russia"), or no name?
fn side_name(lex: &Lexicon, name: &str, party: &str) -> bool {
    let n = name.trim();
    if n.is_empty() {
        return true;
    }
    let hits = lex.scan(n);
    hits.len() == 1
        && hits[0].start == 0
        && hits[0].end == n.len()
        && lex
            .term(&hits[0])
            .meanings
            .iter()
            .any(|m| matches!(m, crate::lexicon::Meaning::Party(p) if lex.party_id(*p) == party))
}

/// Speakers agree when their names do, when both name one lexicon person,
/// or when both are the side as a whole
/// (annotators write "Moscow" or leave it empty; the tool may do either).
fn same_speaker(lex: &Lexicon, gold: &str, run: &str, gold_party: &str, run_party: &str) -> bool {
    let actor = |n: &str| lex.actor_by_alias(n.trim());
    name_key(gold) == name_key(run)
        // "Sergey Ryabkov" in the article is the lexicon's "Sergei Ryabkov".
        || actor(gold).is_some_and(|a| actor(run) == Some(a))
        || (gold_party == run_party
            && side_name(lex, gold, gold_party)
            && side_name(lex, run, run_party))
}

/// Score the run in `run_dir` against the gold in `gold_dir`.
pub fn evaluate(gold_dir: &Path, run_dir: &Path, lex: &Lexicon) -> Result<Scores> {
    let gold: Vec<GoldQuote> = read_csv(&gold_dir.join("quotes.csv"))?;
    let run: Vec<RunStatement> = crate::output::read_restored(&run_dir.join("statements.csv"))?;
    // Ids from files are checked before they are used (party may be empty in gold).
    for (i, g) in gold.iter().enumerate() {
        if !g.party.is_empty() {
            check_id(&gold_dir.join("quotes.csv"), i, "party", &g.party)?;
        }
    }
    for (i, r) in run.iter().enumerate() {
        check_id(&run_dir.join("statements.csv"), i, "party", &r.party)?;
    }
    let files: BTreeSet<&str> = gold.iter().map(|g| g.file.as_str()).collect();
    let mut s = Scores::default();
    let run_in: Vec<&RunStatement> = run
        .iter()
        .filter(|r| files.contains(r.file.as_str()))
        .collect();
    let mut used = vec![false; run_in.len()];
    let is_quote = |k: &str| k == "direct" || k == "partial";
    // A statement of several speakers ("“…,” Rubio and Umerov said") is one
    // row per speaker in the run and one row in the gold: count words said
    // once, by their place in the file.
    let place = |r: &RunStatement| (r.file.clone(), r.char_start, r.char_end);
    let distinct = |quotes_only: bool| {
        run_in
            .iter()
            .filter(|r| !quotes_only || is_quote(&r.kind))
            .map(|r| place(r))
            .collect::<BTreeSet<_>>()
            .len()
    };
    s.statements.gold = gold.len();
    s.statements.found = distinct(false);
    s.quotations.gold = gold.iter().filter(|g| is_quote(&g.kind)).count();
    s.quotations.found = distinct(true);
    // Quotations first (strict prefix), then reported speech (looser), so a
    // loose match never takes a quotation's row; within each, first pairs
    // whose speakers agree, so two gold rows with the same prefix ("1000 for
    // 1000") go to the right run rows.
    let mut order: Vec<&GoldQuote> = gold.iter().collect();
    order.sort_by_key(|g| !is_quote(&g.kind));
    let mut done = vec![false; order.len()];
    // A quotation goes to a run quotation first: a reported statement whose
    // words start with the same quoted words ("commitment to “ensuring
    // that …”") must not take its row from the quotation itself.
    let passes = [(true, true), (false, true), (true, false), (false, false)];
    for (speaker_must_agree, kind_must_agree) in passes {
        for (gi, g) in order.iter().enumerate() {
            if done[gi] {
                continue;
            }
            let hit = run_in.iter().enumerate().find(|(i, r)| {
                !used[*i]
                    && r.file == g.file
                    && matches(&g.quote_prefix, &g.kind, &r.text)
                    && (!kind_must_agree || is_quote(&g.kind) == is_quote(&r.kind))
                    && (!speaker_must_agree
                        || same_speaker(lex, &g.speaker, &r.speaker, &g.party, &r.party))
            });
            if let Some((i, r)) = hit {
                // Its co-speakers' rows are the same words, not extra ones.
                for (j, o) in run_in.iter().enumerate() {
                    if place(o) == place(r) {
                        used[j] = true;
                    }
                }
                used[i] = true;
                done[gi] = true;
                s.statements.matched += 1;
                if is_quote(&g.kind) && is_quote(&r.kind) {
                    s.quotations.matched += 1;
                }
                let speaker_ok = same_speaker(lex, &g.speaker, &r.speaker, &g.party, &r.party);
                s.speaker_correct += speaker_ok as usize;
                if !speaker_ok || g.party != r.party {
                    s.speaker_errors.push((
                        g.file.clone(),
                        g.quote_prefix.chars().take(50).collect(),
                        format!("{} ({})", g.speaker, g.party),
                        format!("{} ({})", r.speaker, r.party),
                    ));
                }
                s.party_correct += (g.party == r.party) as usize;
                s.kind_correct += (g.kind == r.kind) as usize;
            }
        }
    }
    for (gi, g) in order.iter().enumerate() {
        if !done[gi] {
            s.missed.push((g.file.clone(), g.quote_prefix.clone()));
        }
    }
    let mut listed = BTreeSet::new();
    for (i, r) in run_in.iter().enumerate() {
        if !used[i] && listed.insert(place(r)) {
            s.extra
                .push((r.file.clone(), r.text.chars().take(90).collect()));
        }
    }

    let gold_st: Vec<GoldStance> = read_csv(&gold_dir.join("stances.csv"))?;
    let run_st: Vec<RunStance> = crate::output::read_restored(&run_dir.join("stances.csv"))?;
    for (i, g) in gold_st.iter().enumerate() {
        check_id(&gold_dir.join("stances.csv"), i, "party", &g.party)?;
        check_id(&gold_dir.join("stances.csv"), i, "issue", &g.issue)?;
    }
    for (i, r) in run_st.iter().enumerate() {
        check_id(&run_dir.join("stances.csv"), i, "party", &r.party)?;
        check_id(&run_dir.join("stances.csv"), i, "issue", &r.issue)?;
    }
    let mut by_triple: BTreeMap<(&str, &str, &str), Vec<&RunStance>> = BTreeMap::new();
    for r in run_st.iter().filter(|r| files.contains(r.file.as_str())) {
        by_triple
            .entry((r.file.as_str(), r.party.as_str(), r.issue.as_str()))
            .or_default()
            .push(r);
    }
    s.stance_gold = gold_st.len();
    let mut gold_triples = BTreeSet::new();
    for g in &gold_st {
        gold_triples.insert((g.file.as_str(), g.party.as_str(), g.issue.as_str()));
        let Some(rows) = by_triple.get(&(g.file.as_str(), g.party.as_str(), g.issue.as_str()))
        else {
            s.stance_errors.push((
                g.file.clone(),
                g.party.clone(),
                g.issue.clone(),
                g.stance,
                None,
            ));
            continue;
        };
        s.stance_covered += 1;
        // The run's stance from the same statement if we can find it, else the mean.
        let own = rows.iter().find(|r| {
            matches(&g.evidence_prefix, "indirect", &r.text)
                || norm(&r.evidence).contains(&norm(&g.evidence_prefix))
        });
        let value = match own {
            Some(r) => r.stance,
            None => {
                let mean = rows.iter().map(|r| r.stance as f64).sum::<f64>() / rows.len() as f64;
                mean.round() as i8
            }
        };
        s.sign_correct += (value.signum() == g.stance.signum()) as usize;
        s.exact_correct += (value == g.stance) as usize;
        s.abs_error_sum += (value - g.stance).abs() as f64;
        if value != g.stance {
            s.stance_errors.push((
                g.file.clone(),
                g.party.clone(),
                g.issue.clone(),
                g.stance,
                Some(value),
            ));
        }
    }
    let docs: Vec<RunDocument> = read_csv(&run_dir.join("documents.csv"))?;
    let published: BTreeMap<String, String> =
        docs.into_iter().map(|d| (d.file, d.published)).collect();
    let run_in_gold: Vec<&RunStance> = run_st
        .iter()
        .filter(|r| files.contains(r.file.as_str()))
        .collect();
    s.timeline = timeline(&gold_st, &run_in_gold, &published);
    s.stance_run_triples = by_triple.len();
    s.stance_spurious = by_triple
        .keys()
        .filter(|k| !gold_triples.contains(*k))
        .count();
    let sides = || {
        by_triple
            .keys()
            .filter(|k| k.1 != crate::lexicon::OTHER_PARTY)
    };
    s.stance_side_triples = sides().count();
    s.stance_side_spurious = sides().filter(|k| !gold_triples.contains(*k)).count();
    Ok(s)
}

/// One `metric,value` row of `eval.csv`.
#[derive(Debug, Serialize)]
pub struct MetricRow {
    pub metric: String,
    pub value: String,
}

impl Scores {
    pub fn metrics(&self) -> Vec<(String, String)> {
        let f = |x: f64| format!("{x:.3}");
        let m = self.statements.matched;
        let mut v = vec![
            ("quotations_gold".into(), self.quotations.gold.to_string()),
            ("quotations_found".into(), self.quotations.found.to_string()),
            (
                "quotations_matched".into(),
                self.quotations.matched.to_string(),
            ),
            (
                "quotations_precision".into(),
                f(self.quotations.precision()),
            ),
            ("quotations_recall".into(), f(self.quotations.recall())),
            ("quotations_f1".into(), f(self.quotations.f1())),
            ("statements_gold".into(), self.statements.gold.to_string()),
            ("statements_found".into(), self.statements.found.to_string()),
            ("statements_matched".into(), m.to_string()),
            (
                "statements_precision".into(),
                f(self.statements.precision()),
            ),
            ("statements_recall".into(), f(self.statements.recall())),
            ("statements_f1".into(), f(self.statements.f1())),
            ("speaker_accuracy".into(), f(ratio(self.speaker_correct, m))),
            ("party_accuracy".into(), f(ratio(self.party_correct, m))),
            ("kind_accuracy".into(), f(ratio(self.kind_correct, m))),
            ("stances_gold".into(), self.stance_gold.to_string()),
            (
                "stance_coverage".into(),
                f(ratio(self.stance_covered, self.stance_gold)),
            ),
            (
                "stance_sign_accuracy".into(),
                f(ratio(self.sign_correct, self.stance_covered)),
            ),
            (
                "stance_exact_accuracy".into(),
                f(ratio(self.exact_correct, self.stance_covered)),
            ),
            (
                "stance_mean_abs_error".into(),
                f(if self.stance_covered == 0 {
                    0.0
                } else {
                    self.abs_error_sum / self.stance_covered as f64
                }),
            ),
            (
                "stance_run_triples".into(),
                self.stance_run_triples.to_string(),
            ),
            ("stance_spurious".into(), self.stance_spurious.to_string()),
        ];
        v.push((
            "stance_spurious_share".into(),
            f(ratio(self.stance_spurious, self.stance_run_triples)),
        ));
        v.push((
            "stance_side_spurious_share".into(),
            f(ratio(self.stance_side_spurious, self.stance_side_triples)),
        ));
        let t = &self.timeline;
        v.push((
            "timeline_positions_gold".into(),
            t.positions_gold.to_string(),
        ));
        v.push((
            "timeline_position_coverage".into(),
            f(ratio(t.positions_covered, t.positions_gold)),
        ));
        v.push((
            "timeline_position_sign".into(),
            f(ratio(t.positions_sign_correct, t.positions_gold)),
        ));
        v.push(("timeline_moves_gold".into(), t.moves_gold.to_string()));
        v.push((
            "timeline_moves_right_direction".into(),
            f(ratio(t.moves_right_direction, t.moves_gold)),
        ));
        v
    }

    /// The scores as a plain-text table, then what was missed.
    pub fn table(&self) -> String {
        let mut out = String::new();
        for (k, v) in self.metrics() {
            out.push_str(&format!("{k:<28} {v:>8}\n"));
        }
        if !self.missed.is_empty() {
            out.push_str("\nmissed statements (gold, no match):\n");
            for (f, p) in &self.missed {
                out.push_str(&format!("  {f}: {p}\n"));
            }
        }
        if !self.extra.is_empty() {
            out.push_str("\nextra statements (run, not in gold):\n");
            for (f, t) in &self.extra {
                out.push_str(&format!("  {f}: {t}\n"));
            }
        }
        if !self.speaker_errors.is_empty() {
            out.push_str("\nspeakers that differ from gold (file: prefix | gold | run):\n");
            for (f, p, g, r) in &self.speaker_errors {
                out.push_str(&format!("  {f}: {p} | {g} | {r}\n"));
            }
        }
        if !self.stance_errors.is_empty() {
            out.push_str("\nstances that differ from gold (file party issue gold run):\n");
            for (f, p, i, g, r) in &self.stance_errors {
                let r = r.map_or("none".to_string(), |r| r.to_string());
                out.push_str(&format!("  {f} {p} {i} {g} {r}\n"));
            }
        }
        out
    }

    pub fn rows(&self) -> Vec<MetricRow> {
        self.metrics()
            .into_iter()
            .map(|(metric, value)| MetricRow { metric, value })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_rules() {
        assert!(matches("neo-Nazi", "partial", "neo-Nazi."));
        assert!(matches(
            "They’re big talks. It’s going",
            "direct",
            "They're big talks. It's going to be very easy,"
        ));
        assert!(!matches(
            "They’re big talks",
            "direct",
            "It’s going to be very easy"
        ));
        assert!(matches(
            "the move as a sign that Moscow was not ready",
            "reported",
            "Moscow was not ready to compromise"
        ));
    }

    #[test]
    fn prf_arithmetic() {
        let p = Prf {
            gold: 10,
            found: 8,
            matched: 6,
        };
        assert!((p.precision() - 0.75).abs() < 1e-9);
        assert!((p.recall() - 0.6).abs() < 1e-9);
        assert!((p.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-9);
    }
}
