//! `--baseline DIR`: what changed since an earlier run, for nightly runs. The earlier run's
//! output folder is read before anything is written (it may be the same folder as `--out`):
//! its `summary.json` for the counts and its `rejections/findings.csv` for the findings.
//!
//! A finding is identified by (source file name, sheet, source ID when the row has one or else
//! the row number, rule): a finding of this run without a match in the baseline is *new*; one
//! of the baseline without a match here is *fixed*. Values and messages are not compared, so a
//! row whose value changed but still breaks the same rule is not reported.

pub use super::changes::{ChangedFinding, Changes, CountChange, CountChanges};
use crate::error::{Error, Result};
use crate::model::Field;
use crate::model::Row;
use crate::normalize::text::strip_formula_guard;
use crate::read::SourceInfo;
use crate::report::stats::Stats;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[path = "baseline_split.rs"]
mod split;
pub use split::{ChangeParts, ChangeSplit};

/// How a finding's row is identified across runs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum RowRef {
    /// By the row's legacy key, which survives rows being inserted above it.
    Id(Box<str>),
    /// By the row number, for rows without a key.
    Row(u64),
}

fn row_ref(row: u64, source_id: &str) -> RowRef {
    if source_id.is_empty() {
        RowRef::Row(row)
    } else {
        RowRef::Id(source_id.into())
    }
}

/// (place, row, rule), with place and rule interned.
type Key = (u32, RowRef, u32);

/// Strings numbered in order of first appearance.
#[derive(Debug, Default)]
pub(super) struct Interner {
    ids: HashMap<String, u32>,
    pub(super) names: Vec<String>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(s.to_string(), id);
        self.names.push(s.to_string());
        id
    }

    fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }
}

/// The place key of a source: its file name (folders may move between runs) and sheet.
fn place_key(file: &str, sheet: &str) -> String {
    let name = Path::new(file).file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    format!("{name}\u{1f}{sheet}")
}

/// One finding of the baseline, as little as identifies and shows it.
#[derive(Debug)]
pub(super) struct Entry {
    /// Index into `labels`: the file and sheet as the baseline wrote them.
    pub(super) label: u32,
    place: u32,
    pub(super) row: u64,
    pub(super) source_id: Box<str>,
    pub(super) rule: u32,
    pub(super) error: bool,
}

/// An earlier run's outputs, loaded.
#[derive(Debug)]
pub struct Baseline {
    pub(super) folder: PathBuf,
    pub(super) started_at: Option<String>,
    rows_in: u64,
    outcomes: BTreeMap<String, u64>,
    rule_findings: BTreeMap<String, u64>,
    /// None when the baseline has no findings to compare (a `check` run writes none).
    pub(super) findings: Option<Vec<Entry>>,
    pub(super) labels: Vec<(String, String)>,
    places: Interner,
    pub(super) rules: Interner,
    /// The files the earlier run wrote.
    outputs: Vec<String>,
}

/// The findings file inside an output folder.
const FINDINGS_FILE: &str = "rejections/findings.csv";

impl Baseline {
    /// Reads an earlier run's output folder; anything missing or unreadable is a usage error
    /// that names the folder, and the field or file at fault.
    pub fn load(folder: &Path) -> Result<Baseline> {
        let err = |what: String| {
            Error::Usage(format!(
                "--baseline {}: {what}; give the output folder (--out) of an earlier pc-onboard run",
                folder.display()
            ))
        };
        match std::fs::metadata(folder) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(err("is a file, not a folder".into())),
            Err(_) => return Err(err("no such folder".into())),
        }
        let summary_path = folder.join("summary.json");
        let text = std::fs::read_to_string(&summary_path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => err("the folder has no summary.json".into()),
            _ => err(format!("cannot read summary.json: {e}")),
        })?;
        let summary = super::earlier::parse(&text).map_err(err)?;
        let mut b = Baseline {
            folder: folder.to_path_buf(),
            started_at: Some(summary.started_at.clone()),
            rows_in: summary.rows_in,
            outcomes: summary.outcomes.clone(),
            rule_findings: summary.rule_findings.clone(),
            findings: None,
            labels: Vec::new(),
            places: Interner::default(),
            rules: Interner::default(),
            outputs: summary.outputs,
        };
        // A `check` run writes only summary.json: then only counts are compared. A run that
        // wrote findings.csv must still have it, or the comparison would call every finding new.
        if b.lists(FINDINGS_FILE) {
            let findings_path = folder.join(FINDINGS_FILE);
            if !findings_path.is_file() {
                return Err(err(format!("its summary lists {FINDINGS_FILE}, which is missing")));
            }
            b.read_findings(&findings_path).map_err(|e| err(format!("{FINDINGS_FILE}: {e}")))?;
        }
        Ok(b)
    }

    /// Whether the earlier run wrote `rel` (its summary lists it).
    pub fn lists(&self, rel: &str) -> bool {
        self.outputs.iter().any(|o| o == rel)
    }

    /// The folder, as given.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn read_findings(&mut self, path: &Path) -> std::result::Result<(), String> {
        let mut rdr = csv::Reader::from_path(path).map_err(|e| e.to_string())?;
        let headers = rdr.headers().map_err(|e| e.to_string())?.clone();
        let column =
            |name: &str| headers.iter().position(|h| h == name).ok_or_else(|| format!("no '{name}' column"));
        let [file, sheet, row, id, rule, sev] =
            ["source_file", "source_sheet", "source_row", "source_id", "rule", "severity"].map(column);
        let (file, sheet, row, id, rule, sev) = (file?, sheet?, row?, id?, rule?, sev?);
        let mut labels: HashMap<(String, String), u32> = HashMap::new();
        let mut entries = Vec::new();
        let mut rec = csv::StringRecord::new();
        while rdr.read_record(&mut rec).map_err(|e| e.to_string())? {
            let get = |i: usize| strip_formula_guard(rec.get(i).unwrap_or(""));
            let (f, s) = (get(file).to_string(), get(sheet).to_string());
            let place = self.places.intern(&place_key(&f, &s));
            let next = labels.len() as u32;
            let label = *labels.entry((f.clone(), s.clone())).or_insert_with(|| {
                self.labels.push((f, s));
                next
            });
            let line = rdr.position().line();
            let row = get(row).parse().map_err(|_| format!("line {line}: source_row is not a number"))?;
            entries.push(Entry {
                label,
                place,
                row,
                source_id: get(id).into(),
                rule: self.rules.intern(get(rule)),
                error: get(sev) == "error",
            });
        }
        self.findings = Some(entries);
        Ok(())
    }

    fn key(&self, e: &Entry) -> Key {
        (e.place, row_ref(e.row, &e.source_id), e.rule)
    }

    /// Compares this run with the baseline.
    pub fn compare<R: std::ops::Deref<Target = Row>>(
        self,
        sources: &[SourceInfo],
        rows: impl IntoIterator<Item = R>,
        stats: &Stats,
    ) -> Changes {
        let counts = self.count_changes(stats);
        let Some(entries) = &self.findings else {
            return Changes {
                baseline: Arc::new(self),
                new: Vec::new(),
                fixed: Vec::new(),
                counts,
                counts_compared: true,
            };
        };
        let old: HashSet<Key> = entries.iter().map(|e| self.key(e)).collect();
        let source_places: Vec<Option<u32>> = sources
            .iter()
            .map(|s| self.places.get(&place_key(&s.file_label(), s.sheet.as_deref().unwrap_or(""))))
            .collect();
        let mut now: HashSet<Key> = HashSet::new();
        let mut new = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            let place = source_places[row.raw.pos.source as usize];
            let rref = row_ref(row.raw.pos.row, row.customer.get(Field::SourceId));
            for (j, f) in row.findings.iter().enumerate() {
                let key = place.zip(self.rules.get(f.rule.code())).map(|(p, r)| (p, rref.clone(), r));
                match key {
                    Some(k) if old.contains(&k) => {
                        now.insert(k);
                    }
                    _ => new.push((i as u32, j as u32)),
                }
            }
        }
        let fixed = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !now.contains(&self.key(e)))
            .map(|(i, _)| i as u32)
            .collect();
        Changes { baseline: Arc::new(self), new, fixed, counts, counts_compared: true }
    }

    fn count_changes(&self, stats: &Stats) -> CountChanges {
        let outcomes = stats
            .outcomes
            .iter()
            .map(|(o, n)| (o.to_string(), CountChange::new(self.outcomes.get(*o).copied().unwrap_or(0), *n)))
            .collect();
        let now: BTreeMap<&str, u64> = stats.rules.iter().map(|r| (r.code, r.findings)).collect();
        let codes: std::collections::BTreeSet<&str> =
            now.keys().copied().chain(self.rule_findings.keys().map(String::as_str)).collect();
        let rules = codes
            .into_iter()
            .map(|c| {
                let before = self.rule_findings.get(c).copied().unwrap_or(0);
                (c.to_string(), CountChange::new(before, now.get(c).copied().unwrap_or(0)))
            })
            .filter(|(_, ch)| ch.change != 0)
            .collect();
        CountChanges { rows_in: CountChange::new(self.rows_in, stats.total_rows()), outcomes, rules }
    }
}
