//! The counts of [`Stats`] taken one row at a time, for reports on a part of the list (one
//! partner's rows). The whole list is counted in [`Stats::build`] (written for polars, which
//! a partner's few hundred rows could not afford two thousand times; both are plain maps now).
//! Both give the same [`Stats`] for the same rows (tested below), so a partner's report reads
//! like the whole list's.

use super::stats::{OutcomeCounts, RuleCount, SeverityCount, Stats};
use crate::config::Profile;
use crate::model::Outcome;
use crate::model::Row;
use crate::rules::{self, catalogue::RuleId};
use std::collections::BTreeMap;

/// Counts being taken.
#[derive(Debug, Default)]
pub struct Tally {
    outcomes: BTreeMap<Outcome, u64>,
    countries: BTreeMap<String, BTreeMap<Outcome, u64>>,
    files: BTreeMap<String, BTreeMap<Outcome, u64>>,
    /// Per rule: findings, rows, and rows where it is an error.
    rules: BTreeMap<RuleId, (u64, u64, u64)>,
    /// Per severity as written ("error", "warning", "off"): findings and rows.
    severities: BTreeMap<&'static str, (u64, u64)>,
}

impl Tally {
    /// Counts one row with its outcome; `file` is its source's label.
    pub fn add(&mut self, row: &Row, outcome: Outcome, file: &str, profile: &Profile) {
        *self.outcomes.entry(outcome).or_default() += 1;
        let country = row.country.unwrap_or("unknown");
        *self.countries.entry(country.to_string()).or_default().entry(outcome).or_default() += 1;
        *self.files.entry(file.to_string()).or_default().entry(outcome).or_default() += 1;
        // A row counts once per rule and per severity, however many findings it has of each.
        let mut seen_rules: Vec<RuleId> = Vec::with_capacity(row.findings.len());
        let mut seen_errors: Vec<RuleId> = Vec::new();
        let mut seen_sev: Vec<&str> = Vec::with_capacity(2);
        for f in &row.findings {
            let r = self.rules.entry(f.rule).or_default();
            r.0 += 1;
            if !seen_rules.contains(&f.rule) {
                seen_rules.push(f.rule);
                r.1 += 1;
            }
            let sev = rules::severity(f, profile).as_str();
            if sev == "error" && !seen_errors.contains(&f.rule) {
                seen_errors.push(f.rule);
                r.2 += 1;
            }
            let s = self.severities.entry(sev).or_default();
            s.0 += 1;
            if !seen_sev.contains(&sev) {
                seen_sev.push(sev);
                s.1 += 1;
            }
        }
    }

    /// The counts, as [`Stats::build`] gives them.
    pub fn finish(self, profile: &Profile) -> Stats {
        let named = |m: BTreeMap<Outcome, u64>| -> OutcomeCounts {
            m.into_iter().map(|(o, n)| (o.as_str(), n)).collect()
        };
        let mut outcomes: OutcomeCounts = Outcome::ALL.iter().map(|o| (o.as_str(), 0)).collect();
        outcomes.extend(named(self.outcomes));
        let mut rules: Vec<RuleCount> = self
            .rules
            .into_iter()
            .map(|(id, (findings, rows, error_rows))| {
                let rule = id.rule();
                RuleCount {
                    code: rule.code,
                    severity: profile.severity(id).as_str(),
                    field: rule.field,
                    findings,
                    rows,
                    error_rows,
                }
            })
            .collect();
        rules.sort_by_key(|r| r.code);
        // As Stats names them: "error", and anything else as "warning", in the order of the
        // severity's own name (so a later group takes the name's place, as there).
        let mut severities = BTreeMap::new();
        for (sev, (findings, rows)) in self.severities {
            let name = if sev == "error" { "error" } else { "warning" };
            severities.insert(name, SeverityCount { findings, rows });
        }
        Stats {
            outcomes,
            countries: self.countries.into_iter().map(|(k, m)| (k, named(m))).collect(),
            files: self.files.into_iter().map(|(k, m)| (k, named(m))).collect(),
            rules,
            severities,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, Field, Finding, RawRow, RowPos};
    use crate::read::SourceInfo;
    use crate::rules::catalogue::Severity;

    fn source(file: &str) -> SourceInfo {
        SourceInfo::test_csv(file, &[])
    }

    fn row(source: u32, country: Option<&'static str>, findings: Vec<Finding>) -> Row {
        Row {
            raw: RawRow { pos: RowPos { source, row: 2 }, cells: Default::default(), malformed: None },
            customer: Customer::from_values(Field::ALL.iter().map(|_| "")),
            country,
            findings,
            education: false,
        }
    }

    /// Each table row: (source, country, findings, outcome); the tally of any part of the
    /// table equals what Stats::build counts for the same rows.
    #[test]
    fn the_tally_equals_the_polars_counts() {
        use Outcome::*;
        let f = |r: RuleId| Finding::new(r, "x");
        let table: Vec<(u32, Option<&'static str>, Vec<Finding>, Outcome)> = vec![
            (0, Some("DE"), vec![], Clean),
            (0, Some("DE"), vec![f(RuleId::CompanyTestName)], Rejected),
            (1, None, vec![f(RuleId::CompanyTestName), f(RuleId::EmailSyntax)], Rejected),
            (1, Some("FR"), vec![f(RuleId::DomainSuggested), f(RuleId::DomainSuggested)], Clean),
            (1, Some("FR"), vec![], Duplicate),
            // A severity the row's context raises: counted as an error for this row only.
            (0, Some("AT"), vec![f(RuleId::DomainSuggested).with_severity(Severity::Error)], Rejected),
            (0, Some("AT"), vec![], Existing),
            (1, Some("DE"), vec![f(RuleId::EmailSyntax)], Education),
        ];
        let sources = [source("a.csv"), source("b.csv")];
        let profile = Profile::default_profile();
        let parts: [&[usize]; 4] = [&[0, 1, 2, 3, 4, 5, 6, 7], &[1, 3], &[4], &[]];
        for part in parts {
            let rows: Vec<Row> =
                part.iter().map(|&i| row(table[i].0, table[i].1, table[i].2.clone())).collect();
            let outcomes: Vec<Outcome> = part.iter().map(|&i| table[i].3).collect();
            let want = Stats::build(&sources, &rows, &outcomes, &profile);
            let mut tally = Tally::default();
            for (r, o) in rows.iter().zip(&outcomes) {
                tally.add(r, *o, &sources[r.raw.pos.source as usize].file_label(), &profile);
            }
            assert_eq!(tally.finish(&profile), want, "rows {part:?}");
        }
    }
}
