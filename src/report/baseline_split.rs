//! The changes since the baseline, split by partner (`--report-per`): a new finding belongs to
//! the partner of its row; a fixed finding to the partner of the row of this run that has the
//! same identity (file name, sheet, source ID or row number) as the baseline's row. A fixed
//! finding whose row is no longer in the list belongs to no partner: it shows in the whole-list
//! reports only. A partner's part of the changes is then made of its new and fixed findings
//! ([`ChangeParts`]): its findings per rule before are this run's less its new findings plus
//! its fixed ones.

use super::{place_key, row_ref, Changes, CountChange, CountChanges, RowRef};
use crate::model::Field;
use crate::model::Row;
use crate::read::SourceInfo;
use crate::report::stats::{OutcomeCounts, Stats};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// A row's identity across runs: (place, row).
type RowKey = (u32, RowRef);

/// Attributes the changes to rows while the rows pass by.
#[derive(Debug)]
pub struct ChangeSplit<'a> {
    ch: &'a Changes,
    /// The baseline's place of each source of this run.
    places: Vec<Option<u32>>,
    /// The fixed findings not yet attributed, by their row's identity.
    fixed_by_row: HashMap<RowKey, Vec<u32>>,
}

impl<'a> ChangeSplit<'a> {
    /// Ready to attribute the changes to this run's rows.
    pub fn new(ch: &'a Changes, sources: &[SourceInfo]) -> ChangeSplit<'a> {
        let b = &ch.baseline;
        let entries = b.findings.as_deref().unwrap_or(&[]);
        let mut fixed_by_row: HashMap<RowKey, Vec<u32>> = HashMap::new();
        for &k in &ch.fixed {
            let e = &entries[k as usize];
            fixed_by_row.entry((e.place, row_ref(e.row, &e.source_id))).or_default().push(k);
        }
        let places = sources
            .iter()
            .map(|s| b.places.get(&place_key(&s.file_label(), s.sheet.as_deref().unwrap_or(""))))
            .collect();
        ChangeSplit { ch, places, fixed_by_row }
    }

    /// The baseline's fixed findings on this row, each handed out once (a second row with the
    /// same identity gets none).
    pub fn take_fixed(&mut self, row: &Row) -> Vec<u32> {
        if self.fixed_by_row.is_empty() {
            return Vec::new();
        }
        let Some(place) = self.places.get(row.raw.pos.source as usize).copied().flatten() else {
            return Vec::new();
        };
        let key = (place, row_ref(row.raw.pos.row, row.customer.get(Field::SourceId)));
        self.fixed_by_row.remove(&key).unwrap_or_default()
    }

    /// The new findings of row `i` of this run, as indexes into its findings.
    pub fn new_on(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let i = i as u32;
        let from = self.ch.new.partition_point(|(r, _)| *r < i);
        self.ch.new[from..].iter().take_while(move |(r, _)| *r == i).map(|(_, j)| *j)
    }

    /// The rule code of a fixed finding.
    pub fn fixed_rule(&self, k: u32) -> &str {
        let b = &self.ch.baseline;
        let entries = b.findings.as_deref().unwrap_or(&[]);
        entries.get(k as usize).map_or("", |e| b.rules.names[e.rule as usize].as_str())
    }

    /// The whole list's changes.
    pub fn changes(&self) -> &'a Changes {
        self.ch
    }
}

/// What a partner's part of the changes is made of: its new findings as (row of the partner's
/// reports, finding), the baseline's fixed findings on its rows, and the rule of each.
#[derive(Debug, Default)]
pub struct ChangeParts {
    /// (row index in the partner's rows, finding index in the row).
    pub new: Vec<(u32, u32)>,
    /// Rule code of each new finding, counted.
    pub new_rules: BTreeMap<&'static str, u64>,
    /// Indexes of the baseline's fixed findings.
    pub fixed: Vec<u32>,
    /// Rule code of each fixed finding, counted.
    pub fixed_rules: BTreeMap<String, u64>,
}

impl Changes {
    /// A partner's part of the changes: `stats` are its counts, `earlier` its rows and outcomes
    /// in the baseline when known (otherwise only findings are compared).
    pub fn part(&self, parts: ChangeParts, stats: &Stats, earlier: Option<(u64, OutcomeCounts)>) -> Changes {
        let counts_compared = earlier.is_some();
        let (rows_before, outcomes_before) =
            earlier.unwrap_or_else(|| (stats.total_rows(), stats.outcomes.clone()));
        let outcomes = stats
            .outcomes
            .iter()
            .map(|(o, n)| {
                (o.to_string(), CountChange::new(outcomes_before.get(*o).copied().unwrap_or(0), *n))
            })
            .collect();
        let mut rules = BTreeMap::new();
        if self.findings_compared() {
            let after: BTreeMap<&str, u64> = stats.rules.iter().map(|r| (r.code, r.findings)).collect();
            let codes: BTreeSet<&str> = after
                .keys()
                .copied()
                .chain(parts.new_rules.keys().copied())
                .chain(parts.fixed_rules.keys().map(String::as_str))
                .collect();
            for code in codes {
                let now = after.get(code).copied().unwrap_or(0);
                let new = parts.new_rules.get(code).copied().unwrap_or(0);
                let fixed = parts.fixed_rules.get(code).copied().unwrap_or(0);
                let before = (now + fixed).saturating_sub(new);
                if before != now {
                    rules.insert(code.to_string(), CountChange::new(before, now));
                }
            }
        }
        Changes {
            baseline: Arc::clone(&self.baseline),
            new: parts.new,
            fixed: parts.fixed,
            counts: CountChanges {
                rows_in: CountChange::new(rows_before, stats.total_rows()),
                outcomes,
                rules,
            },
            counts_compared,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, Finding, RawRow, RowPos};
    use crate::report::stats::Stats;
    use crate::rules::catalogue::RuleId;

    fn source(file: &str) -> SourceInfo {
        SourceInfo::test_csv(file, &[])
    }

    fn row(n: u64, id: &str, rules: &[RuleId]) -> Row {
        let mut customer = Customer::from_values(Field::ALL.iter().map(|_| ""));
        customer.set(Field::SourceId, id);
        Row {
            raw: RawRow { pos: RowPos { source: 0, row: n }, cells: Default::default(), malformed: None },
            customer,
            country: None,
            findings: rules.iter().map(|r| Finding::new(*r, "x")).collect(),
            education: false,
        }
    }

    #[test]
    fn new_findings_go_with_their_row_and_fixed_ones_with_the_same_row_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("summary.json"),
            r#"{"tool": "pc-onboard", "command": "run", "started_at": "x", "rows_in": 2, "outcomes": {},
               "rules": [], "outputs": ["rejections/findings.csv"]}"#,
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("rejections")).unwrap();
        std::fs::write(
            dir.path().join("rejections/findings.csv"),
            "source_file,source_sheet,source_row,source_id,rule,severity\n\
             in/list.csv,,2,A1,company.test_name,error\n\
             in/list.csv,,3,,email.syntax,error\n\
             in/list.csv,,9,,email.syntax,error\n",
        )
        .unwrap();
        let baseline = crate::report::baseline::Baseline::load(dir.path()).unwrap();
        let sources = [source("list.csv")];
        // Row A1 moved down a line and kept nothing; row 3 is fixed and gets a new finding; row 9 is gone.
        let rows = [row(3, "A1", &[]), row(3, "", &[RuleId::CompanyTestName]), row(3, "", &[])];
        let ch = baseline.compare(&sources, &rows, &Stats::default());
        assert_eq!((ch.new_count(), ch.fixed_count()), (1, 3));
        let mut split = ChangeSplit::new(&ch, &sources);
        assert_eq!(split.take_fixed(&rows[0]), [0], "found by its source ID");
        let on_row_3 = split.take_fixed(&rows[1]);
        assert_eq!(on_row_3, [1], "found by its row number");
        assert_eq!(split.fixed_rule(on_row_3[0]), "email.syntax");
        assert!(split.take_fixed(&rows[2]).is_empty(), "handed out once");
        assert_eq!(split.new_on(1).collect::<Vec<_>>(), [0]);
        assert_eq!(split.new_on(0).count() + split.new_on(2).count(), 0);
    }
}
