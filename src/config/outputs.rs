//! `--outputs`: which kinds of output a run writes. A nightly data-quality run that only feeds
//! a dashboard or a ticket queue needs the CSVs, not the workbook and the page for people, and
//! skipping those is most of the write stage's time. `summary.json` is always written.

use std::collections::BTreeSet;

/// A kind of output, as `--outputs` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutputKind {
    /// The CSV files: clean rows, education, relationship requests, duplicates, review,
    /// findings and rejected rows (and a partner's rejected_rows.csv and the partners' index).
    Csv,
    /// The request bodies: clean/customers.jsonl and clean/agreements.jsonl.
    Json,
    /// report.xlsx (and each partner's).
    Xlsx,
    /// report.html (and each partner's, and the partners' index page).
    Html,
    /// reconciliation/drift.csv and reconciliation/pc_only.csv.
    Reconciliation,
}

impl OutputKind {
    /// Every kind, in the order the help lists them.
    pub const ALL: [OutputKind; 5] =
        [OutputKind::Csv, OutputKind::Json, OutputKind::Xlsx, OutputKind::Html, OutputKind::Reconciliation];

    /// The name on the command line and in summary.json.
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Csv => "csv",
            OutputKind::Json => "json",
            OutputKind::Xlsx => "xlsx",
            OutputKind::Html => "html",
            OutputKind::Reconciliation => "reconciliation",
        }
    }

    /// Reads a name (case and surrounding spaces ignored); the error lists the names.
    pub fn parse(text: &str) -> Result<OutputKind, String> {
        let t = text.trim().to_ascii_lowercase();
        OutputKind::ALL.into_iter().find(|k| k.name() == t).ok_or_else(|| {
            let names: Vec<&str> = OutputKind::ALL.iter().map(|k| k.name()).collect();
            format!(
                "'{text}' is not a kind of output; use one or more of {} (comma-separated)",
                names.join(", ")
            )
        })
    }

    /// The kind of an output file (relative to the output folder, or a partner's folder), or
    /// None for summary.json and the Parquet files, which other switches decide.
    pub fn of_file(rel: &str) -> Option<OutputKind> {
        if rel.starts_with("reconciliation/") {
            return Some(OutputKind::Reconciliation);
        }
        let ext = rel.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "csv" => Some(OutputKind::Csv),
            "jsonl" => Some(OutputKind::Json),
            "xlsx" => Some(OutputKind::Xlsx),
            "html" => Some(OutputKind::Html),
            _ => None,
        }
    }
}

/// The kinds a run writes (all by default).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outputs(BTreeSet<OutputKind>);

impl Default for Outputs {
    fn default() -> Outputs {
        Outputs(OutputKind::ALL.into_iter().collect())
    }
}

impl Outputs {
    /// Just these kinds (none given: every kind).
    pub fn only(kinds: impl IntoIterator<Item = OutputKind>) -> Outputs {
        let set: BTreeSet<OutputKind> = kinds.into_iter().collect();
        if set.is_empty() {
            Outputs::default()
        } else {
            Outputs(set)
        }
    }

    /// Whether this kind is written.
    pub fn has(&self, kind: OutputKind) -> bool {
        self.0.contains(&kind)
    }

    /// Whether the file `rel` is written (summary.json and the Parquet files always pass: other
    /// switches decide those).
    pub fn writes(&self, rel: &str) -> bool {
        OutputKind::of_file(rel).is_none_or(|k| self.has(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_unknown_names_list_the_kinds() {
        for k in OutputKind::ALL {
            assert_eq!(OutputKind::parse(k.name()), Ok(k));
        }
        assert_eq!(OutputKind::parse(" XLSX "), Ok(OutputKind::Xlsx));
        let err = OutputKind::parse("pdf").unwrap_err();
        assert!(err.contains("'pdf'") && err.contains("csv, json, xlsx, html, reconciliation"), "{err}");
    }

    #[test]
    fn files_have_the_kind_of_their_format() {
        let table = [
            ("clean/customers.csv", Some(OutputKind::Csv)),
            ("clean/customers.jsonl", Some(OutputKind::Json)),
            ("rejections/rejected_rows.csv", Some(OutputKind::Csv)),
            ("reconciliation/drift.csv", Some(OutputKind::Reconciliation)),
            ("report.xlsx", Some(OutputKind::Xlsx)),
            ("partners/acme/report.html", Some(OutputKind::Html)),
            ("summary.json", None),
            ("customers.parquet", None),
        ];
        for (file, kind) in table {
            assert_eq!(OutputKind::of_file(file), kind, "{file}");
        }
    }

    #[test]
    fn a_selection_writes_only_its_kinds_and_always_the_summary() {
        let csv = Outputs::only([OutputKind::Csv]);
        assert!(csv.writes("duplicates.csv") && csv.writes("summary.json"));
        assert!(!csv.writes("report.xlsx") && !csv.writes("reconciliation/pc_only.csv"));
        assert_eq!(Outputs::only([]), Outputs::default(), "none given is every kind");
        assert!(OutputKind::ALL.iter().all(|k| Outputs::default().has(*k)));
    }
}
