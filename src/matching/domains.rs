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
use std::collections::hash_map::Entry;
// Looked up once or twice per row and never iterated: a fast hash, not std's SipHash (a fifth
// of this pass at 1M rows).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// What the domain rules need of one row, taken from the rows in parallel and read in place:
/// the serial pass in source order then only looks prefixes up (decoding a million rows on one
/// core was most of this stage, and it had the machine's other cores waiting; decoding them on
/// every core was still most of it).
enum Seen {
    /// A malformed row: the domain rules do not apply.
    Skip,
    /// No prefix: the suggestion's base, made unique in source order later.
    Unnamed(String),
    /// A prefix asked for.
    Asked {
        prefix: Box<str>,
        source: u32,
        row_no: u64,
        /// The Partner Center customer holding the prefix, and what that means for the row.
        held: Option<(usize, Held)>,
    },
}

/// The batch-wide domain rules: what they add to rows (findings, suggested prefixes), by row.
/// Rows that hold an existing customer's prefix under its name are linked to it in `matches`.
pub fn apply(
    rows: &RowStore,
    matches: &mut Matches,
    pc: &PcIndex,
    sources: &[SourceInfo],
) -> Vec<(usize, Patch)> {
    let existing = &matches.existing;
    let seen: Vec<Seen> = rows.par_map(|i, row| {
        if row.malformed {
            return Seen::Skip;
        }
        let prefix = row.value(Field::Domain);
        if prefix.is_empty() {
            let base = domain::suggest(row.value(Field::CompanyName), row.value(Field::Website))
                .unwrap_or_else(|| format!("customer{}", row.row));
            return Seen::Unnamed(base);
        }
        let held = pc.domain_owner(prefix).map(|owner| {
            let matched = existing[i].as_ref().map(|m| m.pc);
            let owner_name = pc.customers[owner].customer.get(Field::CompanyName);
            (owner, held(matched, owner, row.value(Field::CompanyName), owner_name))
        });
        Seen::Asked { prefix: prefix.into(), source: row.source, row_no: row.row, held }
    });
    // The first row asking for each prefix: (index, source, row number).
    let mut first_user: HashMap<&str, (usize, u32, u64)> = HashMap::default();
    let mut patches: Vec<(usize, Patch)> = Vec::new();
    // Rows without a prefix, with their suggestion's base.
    let mut unnamed: Vec<(usize, &str)> = Vec::new();
    // Rows linked to a Partner Center customer by their prefix and name.
    let mut linked: Vec<usize> = Vec::new();
    for (i, s) in seen.iter().enumerate() {
        let (prefix, source, row_no, held) = match s {
            Seen::Skip => continue,
            Seen::Unnamed(base) => {
                unnamed.push((i, base));
                continue;
            }
            Seen::Asked { prefix, source, row_no, held } => (&**prefix, *source, *row_no, *held),
        };
        let mut found = Vec::new();
        match held {
            None | Some((_, Held::Same)) => {}
            Some((owner, Held::Link(score))) => {
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
            Some((owner, Held::Taken)) => {
                let c = &pc.customers[owner];
                found.push(Finding::new(RuleId::DomainTaken, prefix).with_detail(format!(
                    "{prefix}.onmicrosoft.com belongs to '{}' ({})",
                    c.customer.get(Field::CompanyName),
                    c.id
                )))
            }
        }
        match first_user.entry(prefix) {
            Entry::Vacant(e) => {
                e.insert((i, source, row_no));
            }
            Entry::Occupied(e) => {
                let &(first, first_source, first_row) = e.get();
                let same_cluster =
                    matches.cluster[i].is_some() && matches.cluster[i] == matches.cluster[first];
                if !same_cluster {
                    let src = &sources[first_source as usize];
                    let label = match &src.sheet {
                        Some(sheet) => format!("row {first_row} of {} [{sheet}]", src.file_label()),
                        None => format!("row {first_row} of {}", src.file_label()),
                    };
                    found.push(
                        Finding::new(RuleId::DomainDuplicate, prefix)
                            .with_detail(format!("also asked for by {label}")),
                    );
                }
            }
        }
        if !found.is_empty() {
            patches.push((i, Patch { findings: found, domain: None }));
        }
    }
    // A suggestion avoids every prefix Partner Center holds, every prefix the batch asks for
    // (before or after the row) and the suggestions made before it.
    let mut used: HashSet<String> =
        pc.customers.iter().map(|c| c.customer.get(Field::Domain).to_string()).collect();
    let mut suggested = Vec::with_capacity(unnamed.len());
    for (i, base) in unnamed {
        let prefix = unique(base, |p| used.contains(p) || first_user.contains_key(p));
        used.insert(prefix.clone());
        suggested.push((i, prefix));
    }
    // Only choosing the prefixes needs source order; their findings are made on every core.
    patches.par_extend(suggested.into_par_iter().map(|(i, prefix)| {
        let finding = Finding::new(RuleId::DomainSuggested, "").with_detail(format!("suggested '{prefix}'"));
        (i, Patch { findings: vec![finding], domain: Some(prefix) })
    }));
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
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2u64..)
        .map(|n| {
            let suffix = n.to_string();
            let keep = MAX_PREFIX.saturating_sub(suffix.len()).min(base.len());
            format!("{}{suffix}", &base[..keep])
        })
        .find(|p| !taken(p))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row named `name`, asking for `prefix` (blank: none), at row number `n` of source 0.
    fn row(n: u64, name: &str, prefix: &str) -> crate::model::Row {
        use crate::model::{Customer, RawRow, Row, RowPos};
        let mut customer = Customer::from_values(Field::ALL.iter().map(|_| ""));
        customer.set(Field::CompanyName, name);
        customer.set(Field::Domain, prefix);
        Row {
            raw: RawRow { pos: RowPos { source: 0, row: n }, cells: Default::default(), malformed: None },
            customer,
            country: Some("AU"),
            findings: Vec::new(),
            education: false,
        }
    }

    #[test]
    fn prefixes_are_judged_in_source_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = RowStore::new(dir.path()).unwrap();
        // Two chunks, so that the rules meet rows across a chunk's end.
        store.push(&[row(2, "Contoso", ""), row(3, "Contoso Pty", "contoso")]).unwrap();
        store
            .push(&[
                row(4, "Contoso Group", "contoso"),
                row(5, "Contoso", ""),
                row(6, "Fabrikam", "fabrikam"),
            ])
            .unwrap();
        let n = store.len();
        let mut matches = Matches {
            duplicate: vec![None; n],
            cluster: vec![None; n],
            existing: vec![None; n],
            ..Default::default()
        };
        let pc = PcIndex::new(Vec::new(), &crate::config::Profile::default_profile());
        let sources = [SourceInfo::test_csv("list.csv", &[])];
        let mut patches = apply(&store, &mut matches, &pc, &sources);
        patches.sort_by_key(|(i, _)| *i);
        // (row, rules, prefix given, details)
        type Made = (usize, Vec<RuleId>, Option<String>, Vec<Option<String>>);
        let got: Vec<Made> = patches
            .into_iter()
            .map(|(i, p)| {
                let rules = p.findings.iter().map(|f| f.rule).collect();
                let details = p.findings.into_iter().map(|f| f.detail).collect();
                (i, rules, p.domain, details)
            })
            .collect();
        let suggested = |p: &str| vec![Some(format!("suggested '{p}'"))];
        assert_eq!(
            got,
            [
                // A suggestion avoids the prefix a later row asks for, and the one before it.
                (0, vec![RuleId::DomainSuggested], Some("contoso2".to_string()), suggested("contoso2")),
                (
                    2,
                    vec![RuleId::DomainDuplicate],
                    None,
                    vec![Some("also asked for by row 3 of list.csv".into())]
                ),
                (3, vec![RuleId::DomainSuggested], Some("contoso3".to_string()), suggested("contoso3")),
            ]
        );
        // Duplicates of one customer asking for its prefix are one request, not two.
        matches.cluster[1] = Some(1);
        matches.cluster[2] = Some(1);
        let rules: Vec<(usize, RuleId)> = apply(&store, &mut matches, &pc, &sources)
            .into_iter()
            .flat_map(|(i, p)| p.findings.into_iter().map(move |f| (i, f.rule)))
            .collect();
        assert!(!rules.iter().any(|(_, r)| *r == RuleId::DomainDuplicate), "{rules:?}");
    }

    #[test]
    fn suggestions_are_made_unique() {
        let used: HashSet<String> = ["contoso", "contoso2"].iter().map(|s| s.to_string()).collect();
        let taken = |p: &str| used.contains(p);
        assert_eq!(unique("fabrikam", taken), "fabrikam");
        assert_eq!(unique("contoso", taken), "contoso3");
        let long = "a".repeat(27);
        let used: HashSet<String> = [long.clone()].into_iter().collect();
        assert_eq!(unique(&long, |p| used.contains(p)), format!("{}2", "a".repeat(26)));
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
