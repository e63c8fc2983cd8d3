//! Reports for partners (`run --report-per COLUMN`): who a partner's reports are for, each
//! partner's line of the index (`partners/index.csv`, and the whole-list report's chart of the
//! worst partners), and a partner's counts in the baseline, from the baseline's own
//! `partners/index.csv` when it was split by the same column (its part of the changes is in
//! `baseline_split.rs`).

use super::baseline::Changes;
use super::stats::{OutcomeCounts, Stats};
use crate::model::Outcome;
use crate::normalize::text::strip_formula_guard;
use std::collections::HashMap;
use std::path::Path;

/// The index, relative to the output folder.
pub const INDEX_CSV: &str = "partners/index.csv";

/// Which partner a report is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerName {
    /// The column the list was split by, as given on the command line.
    pub column: String,
    /// The value as first written in the list; empty for the rows without one.
    pub value: String,
}

impl PartnerName {
    /// How the reports name the partner.
    pub fn label(&self) -> String {
        match self.value.is_empty() {
            true => format!("rows without a {} value", self.column),
            false => self.value.clone(),
        }
    }
}

/// One partner's line in the index.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerLine {
    /// The partner's value (empty: the rows without one).
    pub value: String,
    /// Its folder under `partners/`.
    pub folder: String,
    /// Its rows.
    pub rows: u64,
    /// Its rows per outcome (all five).
    pub outcomes: OutcomeCounts,
    /// Its rejected rows in percent of its rows, two decimals.
    pub rejected_percent: f64,
    /// Its findings that the baseline did not have (None without a baseline with findings).
    pub new_findings: Option<u64>,
    /// The baseline's findings on its rows that are gone.
    pub fixed_findings: Option<u64>,
}

impl PartnerLine {
    /// A partner's line from its counts and changes.
    pub fn new(name: &PartnerName, folder: &str, stats: &Stats, changes: Option<&Changes>) -> PartnerLine {
        let rows = stats.total_rows();
        let rejected = stats.outcome(Outcome::Rejected);
        let compared = changes.filter(|c| c.findings_compared());
        PartnerLine {
            value: name.value.clone(),
            folder: folder.to_string(),
            rows,
            outcomes: stats.outcomes.clone(),
            rejected_percent: percent(rejected, rows),
            new_findings: compared.map(|c| c.new_count() as u64),
            fixed_findings: compared.map(|c| c.fixed_count() as u64),
        }
    }

    /// Rows with one outcome.
    pub fn outcome(&self, o: Outcome) -> u64 {
        self.outcomes.get(o.as_str()).copied().unwrap_or(0)
    }
}

/// `n` in percent of `total`, two decimals (as summary.json's `rejected_percent`).
pub fn percent(n: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        (n as f64 * 10000.0 / total as f64).round() / 100.0
    }
}

/// Every partner's line, by folder name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PartnerIndex {
    /// The column the list was split by, as given.
    pub column: String,
    /// One line per partner, by folder name.
    pub lines: Vec<PartnerLine>,
}

impl PartnerIndex {
    /// The partners with most rejected rows (then the highest share, then by folder); partners
    /// with none are left out.
    pub fn worst(&self, n: usize) -> Vec<&PartnerLine> {
        let mut worst: Vec<&PartnerLine> =
            self.lines.iter().filter(|l| l.outcome(Outcome::Rejected) > 0).collect();
        worst.sort_by(|a, b| {
            b.outcome(Outcome::Rejected)
                .cmp(&a.outcome(Outcome::Rejected))
                .then(b.rejected_percent.total_cmp(&a.rejected_percent))
                .then(a.folder.cmp(&b.folder))
        });
        worst.truncate(n);
        worst
    }
}

/// The baseline's partners (its `partners/index.csv`): rows and rows per outcome, by folder.
#[derive(Clone, Debug, Default)]
pub struct EarlierPartners {
    by_folder: HashMap<String, (u64, OutcomeCounts)>,
}

impl EarlierPartners {
    /// Reads the index of the baseline folder when its run was split by the same column
    /// (Ok(None) otherwise: then a partner's counts before are not known). A broken index is
    /// an error message for a warning.
    pub fn load(folder: &Path, column: &str) -> Result<Option<EarlierPartners>, String> {
        let summary: serde_json::Value = std::fs::read_to_string(folder.join("summary.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        let Some(earlier) = summary["partners"]["column"].as_str() else { return Ok(None) };
        if !earlier.trim().eq_ignore_ascii_case(column.trim()) {
            return Ok(None);
        }
        let path = folder.join(INDEX_CSV);
        let fail = |e: String| format!("{}: {e}", path.display());
        let mut rdr = csv::Reader::from_path(&path).map_err(|e| fail(e.to_string()))?;
        let headers = rdr.headers().map_err(|e| fail(e.to_string()))?.clone();
        let at = |name: &str| {
            headers.iter().position(|h| h == name).ok_or_else(|| fail(format!("no '{name}' column")))
        };
        let (folder_at, rows_at) = (at("folder")?, at("rows")?);
        let outcome_at: Vec<(Outcome, usize)> =
            Outcome::ALL.iter().map(|o| at(o.as_str()).map(|c| (*o, c))).collect::<Result<_, _>>()?;
        let mut by_folder = HashMap::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| fail(e.to_string()))?;
            let number = |c: usize| {
                rec.get(c).unwrap_or("").parse::<u64>().map_err(|_| {
                    fail(format!(
                        "line {}: '{}' is not a count",
                        rec.position().map_or(0, |p| p.line()),
                        &headers[c]
                    ))
                })
            };
            let outcomes = outcome_at
                .iter()
                .map(|(o, c)| Ok((o.as_str(), number(*c)?)))
                .collect::<Result<_, String>>()?;
            let name = strip_formula_guard(rec.get(folder_at).unwrap_or("")).to_string();
            by_folder.insert(name, (number(rows_at)?, outcomes));
        }
        Ok(Some(EarlierPartners { by_folder }))
    }

    /// A partner's rows and outcomes in the baseline: zero for a partner it did not have.
    pub fn of(&self, folder: &str) -> (u64, OutcomeCounts) {
        self.by_folder
            .get(folder)
            .cloned()
            .unwrap_or_else(|| (0, Outcome::ALL.iter().map(|o| (o.as_str(), 0)).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(folder: &str, rows: u64, rejected: u64) -> PartnerLine {
        let mut outcomes: OutcomeCounts = Outcome::ALL.iter().map(|o| (o.as_str(), 0)).collect();
        outcomes.insert("rejected", rejected);
        outcomes.insert("clean", rows - rejected);
        PartnerLine {
            value: folder.to_uppercase(),
            folder: folder.into(),
            rows,
            outcomes,
            rejected_percent: percent(rejected, rows),
            new_findings: None,
            fixed_findings: None,
        }
    }

    #[test]
    fn the_worst_partners_have_most_rejected_rows() {
        let index = PartnerIndex {
            column: "Reseller".into(),
            lines: vec![
                line("a", 100, 10),
                line("b", 10, 10),
                line("c", 50, 0),
                line("d", 20, 10),
                line("e", 5, 1),
            ],
        };
        let worst: Vec<&str> = index.worst(3).iter().map(|l| l.folder.as_str()).collect();
        // Ten rejected each: the higher share first; a partner with none never shows.
        assert_eq!(worst, ["b", "d", "a"]);
        assert_eq!(index.worst(10).len(), 4);
        assert_eq!(percent(1, 3), 33.33);
        assert_eq!(percent(0, 0), 0.0);
    }

    #[test]
    fn a_partner_is_named_by_its_value_or_its_missing_value() {
        let mut name = PartnerName { column: "Reseller".into(), value: "Fabrikam".into() };
        assert_eq!(name.label(), "Fabrikam");
        name.value.clear();
        assert_eq!(name.label(), "rows without a Reseller value");
    }

    #[test]
    fn the_baselines_index_is_read_when_split_by_the_same_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("partners")).unwrap();
        std::fs::write(dir.path().join("summary.json"), r#"{"partners": {"column": "Reseller"}}"#).unwrap();
        std::fs::write(
            dir.path().join(INDEX_CSV),
            "partner,folder,rows,clean,education,existing,duplicate,rejected\nFabrikam,fabrikam,5,3,0,0,1,1\n",
        )
        .unwrap();
        let earlier = EarlierPartners::load(dir.path(), " reseller").unwrap().unwrap();
        let (rows, outcomes) = earlier.of("fabrikam");
        assert_eq!((rows, outcomes["clean"], outcomes["rejected"]), (5, 3, 1));
        assert_eq!(earlier.of("contoso").0, 0, "a partner the baseline did not have had no rows");
        assert!(EarlierPartners::load(dir.path(), "Region").unwrap().is_none(), "another column");
        std::fs::write(dir.path().join(INDEX_CSV), "partner,folder,rows\nFabrikam,fabrikam,x\n").unwrap();
        let err = EarlierPartners::load(dir.path(), "Reseller").unwrap_err();
        assert!(err.contains("no 'duplicate' column"), "{err}");
    }
}
