//! The batch-wide domain rules: a prefix used twice in the batch (`domain.duplicate`), taken by
//! another Partner Center customer (`domain.taken`), or suggested where none was given
//! (`domain.suggested`). A prefix held by a Partner Center customer whose name agrees is not
//! taken: the row is that customer (an existing match by `domain`). Rows are visited in source
//! order, so results do not depend on threads.

use super::existing::{ExistingMatch, PcIndex};
use super::same_name::same_name;
use super::Matches;
use crate::model::catalogue::RuleId;
use crate::model::{Field, Finding};
use crate::read::SourceInfo;
use crate::rules::domain::{self, MAX_PREFIX};
use crate::store::{Patch, RowStore};
use rayon::prelude::*;
// Looked up once or twice per row and never iterated: a fast hash, not std's SipHash (a fifth
// of this pass at 1M rows).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The batch-wide domain rules: what they add to rows (findings, suggested prefixes), by row.
/// Rows that hold an existing customer's prefix under its name are linked to it in `matches`.
pub fn apply(
    rows: &RowStore,
    matches: &mut Matches,
    pc: &PcIndex,
    sources: &[SourceInfo],
) -> Vec<(usize, Patch)> {
    let mut used: HashSet<String> =
        pc.customers.iter().map(|c| c.customer.get(Field::Domain).to_string()).collect();
    // The first row asking for each prefix: (index, source, row number).
    let mut first_user: HashMap<String, (usize, u32, u64)> = HashMap::default();
    let mut patches: Vec<(usize, Patch)> = Vec::new();
    // Rows without a prefix: (index, company name, website, row number), for suggestions.
    let mut unnamed: Vec<(usize, String, String, u64)> = Vec::new();
    // Rows linked to a Partner Center customer by their prefix and name.
    let mut linked: Vec<usize> = Vec::new();
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
            let c = &pc.customers[owner];
            let matched = matches.existing[i].as_ref().map(|m| m.pc);
            match held(
                matched,
                owner,
                row.customer.get(Field::CompanyName),
                c.customer.get(Field::CompanyName),
            ) {
                Held::Same => {}
                Held::Link(score) => {
                    // The prefix names one tenant and the names agree: as sure as a link gets.
                    matches.existing[i] = Some(Box::new(ExistingMatch {
                        pc: owner,
                        rule: "domain",
                        score,
                        probability: 1.0,
                        fields: vec!["company_name", "domain"],
                    }));
                    linked.push(i);
                }
                Held::Taken => {
                    found.push(Finding::new(RuleId::DomainTaken, raw.clone()).with_detail(format!(
                        "{prefix}.onmicrosoft.com belongs to '{}' ({})",
                        c.customer.get(Field::CompanyName),
                        c.id
                    )))
                }
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
    link_survivors(matches, &linked, pc, &mut patches);
    patches
}

/// What a prefix held by Partner Center customer `owner` means for a row.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Held {
    /// The row was already matched to the owner.
    Same,
    /// The row is the owner: the names agree (how alike, 0 to 1).
    Link(f64),
    /// Another company holds the prefix (`domain.taken`).
    Taken,
}

/// Decides [`Held`] for a row matched to `matched` (if any), named `name`, asking for a prefix
/// that `owner`, named `owner_name`, holds. A row that matching tied to another customer keeps
/// that match (its evidence decided it), and the prefix is then taken.
fn held(matched: Option<usize>, owner: usize, name: &str, owner_name: &str) -> Held {
    match matched {
        Some(m) if m == owner => Held::Same,
        Some(_) => Held::Taken,
        None => same_name(name, owner_name).map_or(Held::Taken, Held::Link),
    }
}

/// A duplicate linked by its prefix makes its cluster's survivor, the row that would otherwise
/// be created, that customer too (rule `linked`), unless matching tied the survivor to one
/// already. A `domain.taken` the survivor got for the same customer's prefix no longer holds.
fn link_survivors(matches: &mut Matches, linked: &[usize], pc: &PcIndex, patches: &mut [(usize, Patch)]) {
    for &i in linked {
        let Some(survivor) = matches.duplicate[i].as_ref().map(|d| d.survivor) else { continue };
        let Some(m) = matches.existing[i].as_deref().cloned() else { continue };
        if matches.existing[survivor].is_some() {
            continue;
        }
        for (_, p) in patches.iter_mut().filter(|(k, _)| *k == survivor) {
            p.findings
                .retain(|f| !(f.rule == RuleId::DomainTaken && pc.domain_owner(&f.value) == Some(m.pc)));
        }
        matches.existing[survivor] = Some(Box::new(ExistingMatch { rule: "linked", ..m }));
    }
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

    #[test]
    fn a_held_prefix_is_the_owner_only_under_its_name() {
        let cases = [
            // (matched to, name, owner's name) → held
            (Some(7), "Fabrikam Logistics Ltd", "Fabrikam Ltd", Held::Same),
            (None, "Fabrikam Limited", "Fabrikam Ltd", Held::Link(1.0)),
            (None, "NOWAK LOGISTYKA SP Z O O", "Nowak Logistyka Sp. z o.o.", Held::Link(1.0)),
            (None, "Fabrikam Logistics Ltd", "Fabrikam Ltd", Held::Taken),
            (None, "Nova Polska Sp. z o.o.", "Nova Scotia Seafoods Inc.", Held::Taken),
            (Some(3), "Fabrikam Ltd", "Fabrikam Ltd", Held::Taken),
        ];
        for (matched, name, owner_name, want) in cases {
            assert_eq!(held(matched, 7, name, owner_name), want, "{name} / {owner_name}");
        }
    }
}
