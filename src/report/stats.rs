//! The run's counts, computed once with polars DataFrames and read by every report: rows per
//! outcome, per country and per source file; findings and rows per rule and per severity.
//!
//! Two frames are built from the run: one line per row (outcome, country, file) and one line
//! per finding (row index, rule code, effective severity). Everything else is a group-by.

use crate::config::Profile;
use crate::model::Outcome;
use crate::model::Row;
use crate::read::SourceInfo;
use crate::rules::{self, catalogue::RuleId};
use polars::prelude::*;
use std::collections::BTreeMap;

/// Rows per outcome name ("duplicate", "existing", …).
pub type OutcomeCounts = BTreeMap<&'static str, u64>;

/// Findings of one rule.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RuleCount {
    /// The rule code.
    pub code: &'static str,
    /// The configured severity.
    pub severity: &'static str,
    /// The field it concerns.
    pub field: &'static str,
    /// Findings.
    pub findings: u64,
    /// Rows with at least one such finding.
    pub rows: u64,
}

/// Findings and rows of one severity (as each finding ended up, context included).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct SeverityCount {
    /// Findings.
    pub findings: u64,
    /// Rows with at least one such finding.
    pub rows: u64,
}

/// Every count the summary, the workbook and the page show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Rows per outcome; every outcome is present, zero or not.
    pub outcomes: OutcomeCounts,
    /// Rows per country (ISO code; "unknown" when unresolved) and outcome.
    pub countries: BTreeMap<String, OutcomeCounts>,
    /// Rows per source file (as written in outputs) and outcome.
    pub files: BTreeMap<String, OutcomeCounts>,
    /// Findings per rule that found something, by code.
    pub rules: Vec<RuleCount>,
    /// Findings per severity ("error", "warning").
    pub severities: BTreeMap<&'static str, SeverityCount>,
}

impl Stats {
    /// Counts a finished run.
    pub fn build<R: std::ops::Deref<Target = Row>>(
        sources: &[SourceInfo],
        rows: impl IntoIterator<Item = R>,
        outcomes: &[Outcome],
        profile: &Profile,
    ) -> Stats {
        // A run always has well-formed frames; a polars error here is a bug, not bad input.
        Stats::try_build(sources, rows, outcomes, profile).expect("the count frames are well-formed")
    }

    fn try_build<R: std::ops::Deref<Target = Row>>(
        sources: &[SourceInfo],
        rows: impl IntoIterator<Item = R>,
        outcomes: &[Outcome],
        profile: &Profile,
    ) -> PolarsResult<Stats> {
        let labels: Vec<String> = sources.iter().map(|s| s.file_label().into_owned()).collect();
        // One pass over the rows (they may be read back from disk).
        let mut countries: Vec<&'static str> = Vec::with_capacity(outcomes.len());
        let mut files: Vec<&str> = Vec::with_capacity(outcomes.len());
        let mut row_idx: Vec<u32> = Vec::new();
        let mut codes: Vec<&str> = Vec::new();
        let mut severities: Vec<&str> = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            countries.push(row.country.unwrap_or("unknown"));
            files.push(labels[row.raw.pos.source as usize].as_str());
            for f in &row.findings {
                row_idx.push(i as u32);
                codes.push(f.rule.code());
                severities.push(rules::severity(f, profile).as_str());
            }
        }
        let row_frame = DataFrame::new(
            outcomes.len(),
            vec![
                Column::new("outcome".into(), outcomes.iter().map(|o| o.as_str()).collect::<Vec<_>>()),
                Column::new("country".into(), countries),
                Column::new("file".into(), files),
            ],
        )?;
        let finding_frame = DataFrame::new(
            row_idx.len(),
            vec![
                Column::new("row".into(), row_idx),
                Column::new("rule".into(), codes),
                Column::new("severity".into(), severities),
            ],
        )?;

        let mut stats =
            Stats { outcomes: Outcome::ALL.iter().map(|o| (o.as_str(), 0)).collect(), ..Stats::default() };
        for (_, outcome, n) in count_by(&row_frame, "outcome", None)? {
            stats.outcomes.insert(outcome_name(&outcome), n);
        }
        for (key, outcome, n) in count_by(&row_frame, "country", Some("outcome"))? {
            stats.countries.entry(key).or_default().insert(outcome_name(&outcome), n);
        }
        for (key, outcome, n) in count_by(&row_frame, "file", Some("outcome"))? {
            stats.files.entry(key).or_default().insert(outcome_name(&outcome), n);
        }
        for (code, findings, rows) in findings_and_rows(&finding_frame, "rule")? {
            let id = RuleId::from_code(&code).expect("codes come from the catalogue");
            let rule = id.rule();
            stats.rules.push(RuleCount {
                code: rule.code,
                severity: profile.severity(id).as_str(),
                field: rule.field,
                findings,
                rows,
            });
        }
        // By code, as summary.json has always listed them.
        stats.rules.sort_by_key(|r| r.code);
        for (sev, findings, rows) in findings_and_rows(&finding_frame, "severity")? {
            let name = if sev == "error" { "error" } else { "warning" };
            stats.severities.insert(name, SeverityCount { findings, rows });
        }
        Ok(stats)
    }

    /// Rows in every outcome together.
    pub fn total_rows(&self) -> u64 {
        self.outcomes.values().sum()
    }

    /// Rows with one outcome.
    pub fn outcome(&self, o: Outcome) -> u64 {
        self.outcomes.get(o.as_str()).copied().unwrap_or(0)
    }

    /// The rules that found most, by rows affected (then by code), errors and warnings alike.
    pub fn top_rules(&self, n: usize) -> Vec<&RuleCount> {
        let mut top: Vec<&RuleCount> = self.rules.iter().collect();
        top.sort_by(|a, b| b.rows.cmp(&a.rows).then(a.code.cmp(b.code)));
        top.truncate(n);
        top
    }
}

fn outcome_name(s: &str) -> &'static str {
    Outcome::ALL.iter().map(|o| o.as_str()).find(|o| *o == s).expect("outcomes come from Outcome::as_str")
}

/// Rows per `key` (and per `by`, when given), sorted by key: (key, by, rows). Without `by`,
/// the key is returned in both places.
fn count_by(df: &DataFrame, key: &str, by: Option<&str>) -> PolarsResult<Vec<(String, String, u64)>> {
    let mut keys = vec![col(key)];
    keys.extend(by.map(col));
    let counted = df
        .clone()
        .lazy()
        .group_by(keys)
        .agg([len().cast(DataType::UInt64).alias("n")])
        .sort_by_exprs([col(key)], SortMultipleOptions::default())
        .collect()?;
    let k = counted.column(key)?.str()?.clone();
    let b = counted.column(by.unwrap_or(key))?.str()?.clone();
    let n = counted.column("n")?.u64()?.clone();
    Ok(k.iter()
        .zip(b.iter())
        .zip(n.iter())
        .map(|((k, b), n)| (k.unwrap_or("").to_string(), b.unwrap_or("").to_string(), n.unwrap_or(0)))
        .collect())
}

/// Findings and distinct rows per `key`, sorted by key: (key, findings, rows).
fn findings_and_rows(df: &DataFrame, key: &str) -> PolarsResult<Vec<(String, u64, u64)>> {
    let counted = df
        .clone()
        .lazy()
        .group_by([col(key)])
        .agg([
            len().cast(DataType::UInt64).alias("findings"),
            col("row").n_unique().cast(DataType::UInt64).alias("rows"),
        ])
        .sort_by_exprs([col(key)], SortMultipleOptions::default())
        .collect()?;
    let k = counted.column(key)?.str()?.clone();
    let f = counted.column("findings")?.u64()?.clone();
    let r = counted.column("rows")?.u64()?.clone();
    Ok(k.iter()
        .zip(f.iter())
        .zip(r.iter())
        .map(|((k, f), r)| (k.unwrap_or("").to_string(), f.unwrap_or(0), r.unwrap_or(0)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, Field, Finding, RawRow, RowPos};
    use crate::read::ColumnMap;
    use std::collections::HashMap;

    fn source(file: &str) -> SourceInfo {
        SourceInfo {
            file: file.into(),
            sheet: None,
            format: "csv".into(),
            encoding: None,
            delimiter: None,
            header_row: 1,
            columns: ColumnMap::build(&[], &HashMap::new()),
            rows: 0,
            blank_rows: 0,
            notes: Vec::new(),
        }
    }

    fn row(source: u32, country: Option<&'static str>, rules: &[RuleId]) -> Row {
        Row {
            raw: RawRow { pos: RowPos { source, row: 2 }, cells: Default::default(), malformed: None },
            customer: Customer::from_values(Field::ALL.iter().map(|_| "")),
            country,
            findings: rules.iter().map(|r| Finding::new(*r, "")).collect(),
            education: false,
        }
    }

    /// Each table row: (source, country, rules found, outcome).
    #[test]
    fn counts_match_the_rows() {
        use Outcome::*;
        let table: &[(u32, Option<&'static str>, &[RuleId], Outcome)] = &[
            (0, Some("DE"), &[], Clean),
            (0, Some("DE"), &[RuleId::CompanyTestName], Rejected),
            (1, None, &[RuleId::CompanyTestName, RuleId::EmailSyntax], Rejected),
            // Two findings of one rule in one row: two findings, one row.
            (1, Some("FR"), &[RuleId::DomainSuggested, RuleId::DomainSuggested], Clean),
            (1, Some("FR"), &[], Duplicate),
        ];
        let sources = [source("a.csv"), source("b.csv")];
        let rows: Vec<Row> = table.iter().map(|(s, c, r, _)| row(*s, *c, r)).collect();
        let outcomes: Vec<Outcome> = table.iter().map(|t| t.3).collect();
        let stats = Stats::build(&sources, &rows, &outcomes, &Profile::default_profile());

        let want: OutcomeCounts =
            [("clean", 2), ("duplicate", 1), ("education", 0), ("existing", 0), ("rejected", 2)].into();
        assert_eq!(stats.outcomes, want);
        assert_eq!(stats.countries["DE"], [("clean", 1), ("rejected", 1)].into());
        assert_eq!(stats.countries["unknown"], [("rejected", 1)].into());
        assert_eq!(stats.files["b.csv"], [("clean", 1), ("duplicate", 1), ("rejected", 1)].into());
        let rules: Vec<(&str, u64, u64)> = stats.rules.iter().map(|r| (r.code, r.findings, r.rows)).collect();
        assert_eq!(rules, [("company.test_name", 2, 2), ("domain.suggested", 2, 1), ("email.syntax", 1, 1)]);
        assert_eq!(stats.severities["error"], SeverityCount { findings: 3, rows: 2 });
        assert_eq!(stats.severities["warning"], SeverityCount { findings: 2, rows: 1 });
        assert_eq!(stats.top_rules(1)[0].code, "company.test_name");
    }

    #[test]
    fn an_empty_run_has_every_outcome_at_zero() {
        let stats = Stats::build(&[], Vec::<&Row>::new(), &[], &Profile::default_profile());
        assert_eq!(stats.total_rows(), 0);
        assert_eq!(stats.outcomes.len(), Outcome::ALL.len());
        assert!(stats.rules.is_empty() && stats.countries.is_empty());
    }
}
