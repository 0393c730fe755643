//! Lexicons that build on others: `extends = "default" | "english" | "<path>"`.
//!
//! In: a lexicon file's TOML text (and where it lives). Out: one
//! [`LexiconFile`] with its parent chain merged in. The merge rules (also in
//! LEXICON.md):
//!
//! - `[[parties]]` and `[[issues]]` are merged by `id`, `[[actors]]` by
//!   `name`, `[[sources]]` and `[[roles]]` by `phrase`: an entry with a known
//!   key is merged into the parent's entry (its lists appended, its scalars
//!   overriding), a new key is a new entry, after the parent's.
//! - Every other list (`media`, `[[examples]]`, the lists of `[speech]`,
//!   `[stance]`, `[text]` and `[evaluation]`) is appended to the parent's.
//!   A cue list the parent does not give is the English base's, so a child's
//!   `reject = ["cannot allow"]` adds one cue; `"..."` is not needed.
//! - Scalars (`name`, `description`, a party's `label`, `[speech] inventory`)
//!   are overridden.
//! - A relative path is resolved against the folder of the file that names
//!   it; a cycle (a file that extends itself, directly or not) is an error,
//!   and so is a chain deeper than [`MAX_DEPTH`].
//!
//! Nothing can be removed by a child: to drop a party, copy the parent.

use super::{DEFAULT_LEXICON, LexiconError, LexiconFile, line_col};
use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// The longest chain of `extends` followed.
pub const MAX_DEPTH: usize = 16;

const DEFAULT_NAME: &str = "<default lexicon>";

/// Load a lexicon file and everything it extends.
pub fn load_path(path: &Path) -> Result<LexiconFile, LexiconError> {
    let name = path.display().to_string();
    let text = read(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    load(&text, &name, dir, vec![canonical(path)])
}

/// The text a run records as its lexicon: the file itself when it extends
/// nothing, else the whole chain merged into one self-contained lexicon
/// (no `extends`), so the run's copy still loads, and its hash still
/// changes, when a parent file moves or changes.
pub fn self_contained_text(path: &Path) -> Result<String, LexiconError> {
    let text = read(path)?;
    let name = path.display().to_string();
    let table = toml::from_str::<Table>(&text).map_err(|e| toml_error(&text, &name, &e))?;
    let Some(ext) = table
        .get("extends")
        .and_then(|v| v.as_str())
        .map(str::to_string)
    else {
        return Ok(text);
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let merged = resolve(table, &name, dir, &mut vec![canonical(path)])?;
    let body = toml::to_string(&merged).map_err(|e| LexiconError::Invalid {
        path: name.clone(),
        problems: vec![format!("cannot write the merged lexicon: {e}")],
    })?;
    Ok(format!(
        "# {name} with what it extends ({ext:?}) merged in, as this run used it.\n{body}"
    ))
}

/// Load lexicon text named `name`; a relative `extends` path is resolved
/// against `dir`.
pub fn load_text(text: &str, name: &str, dir: &Path) -> Result<LexiconFile, LexiconError> {
    load(text, name, dir, Vec::new())
}

fn load(
    text: &str,
    name: &str,
    dir: &Path,
    mut stack: Vec<PathBuf>,
) -> Result<LexiconFile, LexiconError> {
    // Parse as the file format first: unknown fields and wrong types are
    // reported with line, column and a suggestion.
    let file: LexiconFile = toml::from_str(text).map_err(|e| toml_error(text, name, &e))?;
    if file.extends.is_none() {
        return Ok(file);
    }
    let table = toml::from_str::<Table>(text).map_err(|e| toml_error(text, name, &e))?;
    to_file(resolve(table, name, dir, &mut stack)?, name)
}

/// A lexicon file larger than this is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Read a lexicon file: a regular file (a FIFO or device would block or
/// never end) of at most [`MAX_FILE_BYTES`].
fn read(path: &Path) -> Result<String, LexiconError> {
    let io = |error| LexiconError::Io {
        path: path.display().to_string(),
        error,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(io(std::io::Error::other(
            "not a regular file (give a .toml file)",
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(io(std::io::Error::other(format!(
            "{} bytes: a lexicon is at most {} MB",
            meta.len(),
            MAX_FILE_BYTES >> 20
        ))));
    }
    std::fs::read_to_string(path).map_err(io)
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Parse as the file format first (unknown fields and wrong types are
/// reported with line, column and a suggestion), then as a table to merge.
fn parse_checked(text: &str, name: &str) -> Result<Table, LexiconError> {
    toml::from_str::<LexiconFile>(text).map_err(|e| toml_error(text, name, &e))?;
    toml::from_str::<Table>(text).map_err(|e| toml_error(text, name, &e))
}

pub(super) fn toml_error(text: &str, name: &str, e: &toml::de::Error) -> LexiconError {
    let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((0, 0));
    LexiconError::Toml {
        path: name.to_string(),
        line,
        column,
        message: with_suggestion(e.message()),
    }
}

/// serde's "unknown field `aliasses`, expected one of `id`, `aliases`, ..."
/// with the closest known field added: "did you mean `aliases`?".
pub fn with_suggestion(message: &str) -> String {
    let msg = message.trim_end().to_string();
    let Some(rest) = msg.strip_prefix("unknown field `") else {
        return msg;
    };
    let Some((field, tail)) = rest.split_once('`') else {
        return msg;
    };
    let known: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
    let hint = super::suggest(field, known.iter().copied());
    if hint.is_empty() {
        format!("{msg} (LEXICON.md lists every field)")
    } else {
        format!("{msg}{hint}")
    }
}

fn to_file(table: Table, name: &str) -> Result<LexiconFile, LexiconError> {
    let mut table = table;
    table.remove("extends");
    Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| LexiconError::Invalid {
            path: name.to_string(),
            problems: vec![format!("after merging what it extends: {}", e.message())],
        })
}

/// Merge the parent chain of `table` into it.
fn resolve(
    mut table: Table,
    name: &str,
    dir: &Path,
    stack: &mut Vec<PathBuf>,
) -> Result<Table, LexiconError> {
    let Some(ext) = table.remove("extends") else {
        return Ok(table);
    };
    let ext = ext.as_str().unwrap_or("").trim().to_string();
    let invalid = |msg: String| LexiconError::Invalid {
        path: name.to_string(),
        problems: vec![msg],
    };
    if stack.len() >= MAX_DEPTH {
        return Err(invalid(format!(
            "extends {ext:?}: more than {MAX_DEPTH} lexicons in the chain (is there a cycle?)"
        )));
    }
    let parent = match ext.as_str() {
        "" => {
            return Err(invalid(
                "extends is empty: give \"default\", \"english\" or a path".into(),
            ));
        }
        "english" => Table::new(),
        "default" => {
            let key = PathBuf::from(DEFAULT_NAME);
            if stack.contains(&key) {
                return Err(invalid("extends \"default\": a cycle".into()));
            }
            stack.push(key);
            let t = resolve(
                parse_checked(DEFAULT_LEXICON, DEFAULT_NAME)?,
                DEFAULT_NAME,
                dir,
                stack,
            )?;
            stack.pop();
            t
        }
        rel => {
            let path = dir.join(rel);
            let key = canonical(&path);
            if stack.contains(&key) {
                let chain: Vec<String> = stack
                    .iter()
                    .chain(std::iter::once(&key))
                    .map(|p| p.display().to_string())
                    .collect();
                return Err(invalid(format!(
                    "extends {rel:?} makes a cycle: {}",
                    chain.join(" -> ")
                )));
            }
            let pname = path.display().to_string();
            let text = read(&path).map_err(|e| {
                invalid(format!(
                    "extends {rel:?}: {e} (a relative path is resolved against {})",
                    dir.display()
                ))
            })?;
            stack.push(key);
            let pdir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
            let t = resolve(parse_checked(&text, &pname)?, &pname, &pdir, stack)?;
            stack.pop();
            t
        }
    };
    Ok(merge(parent, table))
}

/// The key an array-of-tables entry is merged by.
fn entry_key(section: &str) -> Option<&'static str> {
    match section {
        "parties" | "issues" => Some("id"),
        "actors" => Some("name"),
        "sources" | "roles" => Some("phrase"),
        _ => None,
    }
}

/// `child` merged into `parent` (see the module documentation).
pub fn merge(mut parent: Table, child: Table) -> Table {
    for (k, cv) in child {
        if k == "extends" {
            continue;
        }
        let merged = match (parent.remove(&k), cv) {
            (Some(Value::Array(pa)), Value::Array(ca)) => match entry_key(&k) {
                Some(key) => Value::Array(merge_keyed(pa, ca, key)),
                None => Value::Array(append(pa, ca)),
            },
            (Some(Value::Table(pt)), Value::Table(ct))
                if matches!(k.as_str(), "speech" | "stance" | "text" | "evaluation") =>
            {
                Value::Table(merge_cues(pt, ct))
            }
            (None, Value::Table(ct))
                if matches!(k.as_str(), "speech" | "stance" | "text" | "evaluation") =>
            {
                Value::Table(merge_cues(Table::new(), ct))
            }
            (_, cv) => cv,
        };
        parent.insert(k, merged);
    }
    parent
}

/// Cue lists: the parent's list (the English base when it gives none) plus
/// the child's.
fn merge_cues(mut parent: Table, child: Table) -> Table {
    for (k, cv) in child {
        let merged = match (parent.remove(&k), cv) {
            (p, Value::Array(ca)) if p.as_ref().is_none_or(|v| v.is_array()) => {
                let pa = match p {
                    Some(Value::Array(pa)) => pa,
                    _ => vec![Value::String("...".into())],
                };
                let ca = ca
                    .into_iter()
                    .filter(|v| v.as_str() != Some("..."))
                    .collect();
                Value::Array(append(pa, ca))
            }
            (_, cv) => cv,
        };
        parent.insert(k, merged);
    }
    parent
}

/// Parent's items, then the child's that are not already there.
fn append(mut parent: Vec<Value>, child: Vec<Value>) -> Vec<Value> {
    for v in child {
        if v.is_table() || !parent.contains(&v) {
            parent.push(v);
        }
    }
    parent
}

fn merge_keyed(mut parent: Vec<Value>, child: Vec<Value>, key: &str) -> Vec<Value> {
    for cv in child {
        let ckey = cv.get(key).and_then(|v| v.as_str()).map(str::to_string);
        let pos = ckey.as_deref().and_then(|ck| {
            parent
                .iter()
                .position(|p| p.get(key).and_then(|v| v.as_str()) == Some(ck))
        });
        match (pos, cv) {
            (Some(i), Value::Table(ct)) => {
                if let Value::Table(pt) = &mut parent[i] {
                    let pt = std::mem::take(pt);
                    parent[i] = Value::Table(merge_entry(pt, ct));
                }
            }
            (_, cv) => parent.push(cv),
        }
    }
    parent
}

/// One entry merged into the parent's: lists appended, scalars overridden.
fn merge_entry(mut parent: Table, child: Table) -> Table {
    for (k, cv) in child {
        let merged = match (parent.remove(&k), cv) {
            (Some(Value::Array(pa)), Value::Array(ca)) => Value::Array(append(pa, ca)),
            (_, cv) => cv,
        };
        parent.insert(k, merged);
    }
    parent
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Table {
        toml::from_str(s).unwrap()
    }

    #[test]
    fn tables_merge_by_id_lists_append_scalars_override() {
        let parent = t(r#"
name = "p"
media = ["A"]
[[parties]]
id = "x"
label = "X"
aliases = ["Ex"]
[text]
not_names = ["...", "Foo"]
"#);
        let child = t(r#"
extends = "english"
name = "c"
media = ["B", "A"]
[[parties]]
id = "x"
label = "X2"
aliases = ["Xland"]
[[parties]]
id = "y"
[text]
not_names = ["Bar"]
venues = ["hall"]
"#);
        let m = merge(parent, child);
        assert_eq!(m["name"].as_str(), Some("c"));
        assert!(!m.contains_key("extends"));
        assert_eq!(m["media"].as_array().unwrap().len(), 2);
        let parties = m["parties"].as_array().unwrap();
        assert_eq!(parties.len(), 2);
        assert_eq!(parties[0]["label"].as_str(), Some("X2"));
        assert_eq!(parties[0]["aliases"].as_array().unwrap().len(), 2);
        let nn: Vec<&str> = m["text"]["not_names"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(nn, ["...", "Foo", "Bar"]);
        let venues: Vec<&str> = m["text"]["venues"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(
            venues,
            ["...", "hall"],
            "a new list adds to the English base"
        );
    }

    #[test]
    fn unknown_fields_get_a_suggestion() {
        let m = with_suggestion(
            "unknown field `aliasses`, expected one of `id`, `label`, `aliases`, `adjectives`",
        );
        assert!(m.contains("did you mean \"aliases\"?"), "{m}");
        let m = with_suggestion("unknown field `zzzzzzzz`, expected `id`");
        assert!(m.contains("LEXICON.md"), "{m}");
    }
}
