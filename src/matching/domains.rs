//! The batch-wide domain rules: a prefix used twice in the batch (`domain.duplicate`), taken by
//! another Partner Center customer (`domain.taken`), or suggested where none was given
//! (`domain.suggested`). Rows are visited in source order, so results do not depend on threads.

use super::existing::PcIndex;
use super::Matches;
use crate::model::{Field, Finding};
use crate::pipeline::store::{Patch, RowStore};
use crate::read::SourceInfo;
use crate::rules::catalogue::RuleId;
use crate::rules::domain::{self, MAX_PREFIX};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// The batch-wide domain rules: what they add to rows (findings, suggested prefixes), by row.
pub fn apply(
    rows: &RowStore,
    matches: &Matches,
    pc: &PcIndex,
    sources: &[SourceInfo],
) -> Vec<(usize, Patch)> {
    let mut used: HashSet<String> =
        pc.customers.iter().map(|c| c.customer.get(Field::Domain).to_string()).collect();
    // The first row asking for each prefix: (index, source, row number).
    let mut first_user: HashMap<String, (usize, u32, u64)> = HashMap::new();
    let mut patches: Vec<(usize, Patch)> = Vec::new();
    // Rows without a prefix: (index, company name, website, row number), for suggestions.
    let mut unnamed: Vec<(usize, String, String, u64)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.is_malformed() {
            continue;
        }
        let prefix = row.customer.get(Field::Domain).to_string();
        if prefix.is_empty() {
            let c = &row.customer;
            unnamed.push((
                i,
                c.get(Field::CompanyName).into(),
                c.get(Field::Website).into(),
                row.raw.pos.row,
            ));
            continue;
        }
        let mut found = Vec::new();
        used.insert(prefix.clone());
        let raw = prefix.clone();
        if let Some(owner) = pc.domain_owner(&prefix) {
            let same = matches.existing[i].as_ref().is_some_and(|m| m.pc == owner);
            if !same {
                let c = &pc.customers[owner];
                found.push(Finding::new(RuleId::DomainTaken, raw.clone()).with_detail(format!(
                    "{prefix}.onmicrosoft.com belongs to '{}' ({})",
                    c.customer.get(Field::CompanyName),
                    c.id
                )));
            }
        }
        match first_user.get(&prefix) {
            None => {
                first_user.insert(prefix, (i, row.raw.pos.source, row.raw.pos.row));
            }
            Some(&(first, source, row_no)) => {
                let same_cluster =
                    matches.cluster[i].is_some() && matches.cluster[i] == matches.cluster[first];
                if !same_cluster {
                    let src = &sources[source as usize];
                    let label = match &src.sheet {
                        Some(sheet) => format!("row {row_no} of {} [{sheet}]", src.file_label()),
                        None => format!("row {row_no} of {}", src.file_label()),
                    };
                    found.push(
                        Finding::new(RuleId::DomainDuplicate, raw)
                            .with_detail(format!("also asked for by {label}")),
                    );
                }
            }
        }
        if !found.is_empty() {
            patches.push((i, Patch { findings: found, domain: None }));
        }
    }
    // Suggestions are made in parallel; only making them unique must follow source order.
    let bases: Vec<String> = unnamed
        .par_iter()
        .map(|(_, name, website, row_no)| {
            domain::suggest(name, website).unwrap_or_else(|| format!("customer{row_no}"))
        })
        .collect();
    for ((i, ..), base) in unnamed.into_iter().zip(bases) {
        let prefix = unique(&base, &used);
        used.insert(prefix.clone());
        let finding = Finding::new(RuleId::DomainSuggested, "").with_detail(format!("suggested '{prefix}'"));
        patches.push((i, Patch { findings: vec![finding], domain: Some(prefix) }));
    }
    patches
}

/// `base`, or `base2`, `base3`, … (cut to fit 27 characters) if taken.
fn unique(base: &str, used: &HashSet<String>) -> String {
    if !used.contains(base) {
        return base.to_string();
    }
    (2u64..)
        .map(|n| {
            let suffix = n.to_string();
            let keep = MAX_PREFIX.saturating_sub(suffix.len()).min(base.len());
            format!("{}{suffix}", &base[..keep])
        })
        .find(|p| !used.contains(p))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_made_unique() {
        let used: HashSet<String> = ["contoso", "contoso2"].iter().map(|s| s.to_string()).collect();
        assert_eq!(unique("fabrikam", &used), "fabrikam");
        assert_eq!(unique("contoso", &used), "contoso3");
        let long = "a".repeat(27);
        let used: HashSet<String> = [long.clone()].into_iter().collect();
        assert_eq!(unique(&long, &used), format!("{}2", "a".repeat(26)));
    }
}
