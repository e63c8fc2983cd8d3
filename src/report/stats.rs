//! The run's counts, computed once and read by every report: rows per outcome, per country and
//! per source file; findings and rows per rule and per severity.
//!
//! One pass over the rows with ordered maps: the counts are a handful of group-bys, which a
//! DataFrame library did before at the cost of most of a first build (see docs/build-time.md).

use crate::config::Profile;
use crate::model::Outcome;
use crate::model::Row;
use crate::read::SourceInfo;
use crate::rules::{
    self,
    catalogue::{RuleId, Severity},
};
// Counted into per row with a fast hash; read out only into ordered maps, by integer sums.
use rustc_hash::FxHashMap as HashMap;
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
    /// Rows where at least one such finding is an error as it ended up (context included: a
    /// phone is an error only where Partner Center requires one, so this may be below `rows`
    /// even when `severity` is "error").
    pub error_rows: u64,
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

/// The counts of some rows, before they are laid out as [`Stats`]: rows can be counted in
/// pieces, in parallel, and the pieces merged (sums only, so the result is the same).
#[derive(Clone, Debug, Default)]
pub struct Counts {
    outcomes: HashMap<&'static str, u64>,
    // Keyed by borrowed text while counting; owned keys only once per country and file.
    countries: HashMap<&'static str, OutcomeCounts>,
    files: HashMap<usize, OutcomeCounts>,
    /// (findings, rows, rows as an error) per rule; (findings, rows) per severity.
    by_rule: HashMap<RuleId, (u64, u64, u64)>,
    by_severity: HashMap<&'static str, (u64, u64)>,
}

impl Counts {
    /// Counts one row and its outcome.
    pub fn add(&mut self, row: &Row, outcome: Outcome, profile: &Profile) {
        let findings = row.findings.iter().map(|f| (f.rule, f.severity));
        self.add_parts(row.country, row.raw.pos.source, findings, outcome, profile);
    }

    /// Counts one row from what the counts read of it: its country, its source, and each
    /// finding's rule and the severity set on it (a row read in place gives no more).
    pub fn add_parts(
        &mut self,
        country: Option<&'static str>,
        source: u32,
        findings: impl Iterator<Item = (RuleId, Option<Severity>)>,
        outcome: Outcome,
        profile: &Profile,
    ) {
        let o = outcome.as_str();
        *self.outcomes.entry(o).or_insert(0) += 1;
        *self.countries.entry(country.unwrap_or("unknown")).or_default().entry(o).or_insert(0) += 1;
        *self.files.entry(source as usize).or_default().entry(o).or_insert(0) += 1;
        // A row counts once per rule and severity however many findings it has of them.
        let mut rules_seen: Vec<RuleId> = Vec::new();
        let mut errors_seen: Vec<RuleId> = Vec::new();
        let mut severities_seen: Vec<&'static str> = Vec::new();
        for (id, set) in findings {
            let rule = self.by_rule.entry(id).or_default();
            rule.0 += 1;
            if !rules_seen.contains(&id) {
                rules_seen.push(id);
                rule.1 += 1;
            }
            let sev =
                if rules::severity_of(id, set, profile) == Severity::Error { "error" } else { "warning" };
            if sev == "error" && !errors_seen.contains(&id) {
                errors_seen.push(id);
                rule.2 += 1;
            }
            let n = self.by_severity.entry(sev).or_default();
            n.0 += 1;
            if !severities_seen.contains(&sev) {
                severities_seen.push(sev);
                n.1 += 1;
            }
        }
    }

    /// The counts of both pieces.
    pub fn merge(mut self, other: Counts) -> Counts {
        fn add_outcomes(into: &mut OutcomeCounts, from: OutcomeCounts) {
            for (o, n) in from {
                *into.entry(o).or_insert(0) += n;
            }
        }
        for (o, n) in other.outcomes {
            *self.outcomes.entry(o).or_insert(0) += n;
        }
        for (k, v) in other.countries {
            add_outcomes(self.countries.entry(k).or_default(), v);
        }
        for (k, v) in other.files {
            add_outcomes(self.files.entry(k).or_default(), v);
        }
        for (k, (a, b, c)) in other.by_rule {
            let n = self.by_rule.entry(k).or_default();
            *n = (n.0 + a, n.1 + b, n.2 + c);
        }
        for (k, (a, b)) in other.by_severity {
            let n = self.by_severity.entry(k).or_default();
            *n = (n.0 + a, n.1 + b);
        }
        self
    }
}

impl Stats {
    /// Counts a finished run: `rows` and `outcomes` in the same order.
    pub fn build<R: std::ops::Deref<Target = Row>>(
        sources: &[SourceInfo],
        rows: impl IntoIterator<Item = R>,
        outcomes: &[Outcome],
        profile: &Profile,
    ) -> Stats {
        let mut counts = Counts::default();
        // One pass over the rows (they may be read back from disk).
        for (row, outcome) in rows.into_iter().zip(outcomes) {
            counts.add(&row, *outcome, profile);
        }
        Stats::of_counts(sources, counts, profile)
    }

    /// The stats of rows counted into `counts` (see [`Counts`]).
    pub fn of_counts(sources: &[SourceInfo], counts: Counts, profile: &Profile) -> Stats {
        let labels: Vec<String> = sources.iter().map(|s| s.file_label().into_owned()).collect();
        let mut stats =
            Stats { outcomes: Outcome::ALL.iter().map(|o| (o.as_str(), 0)).collect(), ..Stats::default() };
        for (o, n) in counts.outcomes {
            *stats.outcomes.entry(o).or_insert(0) += n;
        }
        stats.countries = counts.countries.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        for (source, by) in counts.files {
            let label = labels.get(source).cloned().unwrap_or_default();
            // Two sheets of one workbook share a label: their counts add up.
            let merged = stats.files.entry(label).or_default();
            for (o, n) in by {
                *merged.entry(o).or_insert(0) += n;
            }
        }
        for (id, (findings, rows, error_rows)) in counts.by_rule {
            let rule = id.rule();
            stats.rules.push(RuleCount {
                code: rule.code,
                severity: profile.severity(id).as_str(),
                field: rule.field,
                findings,
                rows,
                error_rows,
            });
        }
        // By code, as summary.json has always listed them.
        stats.rules.sort_by_key(|r| r.code);
        stats.severities = counts
            .by_severity
            .into_iter()
            .map(|(k, (findings, rows))| (k, SeverityCount { findings, rows }))
            .collect();
        stats
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, Field, Finding, RawRow, RowPos};

    fn source(file: &str) -> SourceInfo {
        SourceInfo::test_csv(file, &[])
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
        let errors: Vec<(&str, u64)> = stats.rules.iter().map(|r| (r.code, r.error_rows)).collect();
        assert_eq!(errors, [("company.test_name", 2), ("domain.suggested", 0), ("email.syntax", 1)]);
        assert_eq!(stats.top_rules(1)[0].code, "company.test_name");
        // Counted in pieces (as the store does, in parallel) and merged: the same stats.
        let profile = Profile::default_profile();
        for split in 0..=rows.len() {
            let piece = |from: usize, to: usize| {
                let mut c = Counts::default();
                for (row, o) in rows[from..to].iter().zip(&outcomes[from..to]) {
                    c.add(row, *o, &profile);
                }
                c
            };
            let merged = piece(split, rows.len()).merge(piece(0, split));
            assert_eq!(Stats::of_counts(&sources, merged, &profile), stats, "split at {split}");
        }
    }

    /// A finding that ended up a warning (a phone outside the countries that require one) is
    /// not counted as an error row of its rule, whatever the rule's configured severity.
    #[test]
    fn error_rows_follow_each_findings_own_severity() {
        use crate::model::catalogue::Severity;
        let mut warned = row(0, Some("US"), &[]);
        warned.findings.push(Finding::new(RuleId::PhoneInvalid, "1").with_severity(Severity::Warning));
        let rows = [warned, row(0, Some("PL"), &[RuleId::PhoneInvalid])];
        let stats = Stats::build(
            &[source("a.csv")],
            &rows,
            &[Outcome::Clean, Outcome::Rejected],
            &Profile::default_profile(),
        );
        let phone = stats.rules.iter().find(|r| r.code == "phone.invalid").unwrap();
        assert_eq!((phone.severity, phone.rows, phone.error_rows), ("error", 2, 1));
    }

    #[test]
    fn an_empty_run_has_every_outcome_at_zero() {
        let stats = Stats::build(&[], Vec::<&Row>::new(), &[], &Profile::default_profile());
        assert_eq!(stats.total_rows(), 0);
        assert_eq!(stats.outcomes.len(), Outcome::ALL.len());
        assert!(stats.rules.is_empty() && stats.countries.is_empty());
    }
}
