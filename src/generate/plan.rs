//! The planner: the only sequential part of generation. It decides, row by row, whether the
//! row starts a new entity or repeats an earlier one (duplicates are scheduled ahead, at near
//! and far distances), which entities are existing Partner Center customers, look-alikes or
//! education institutions, and when a Partner Center-only customer goes into the export. It
//! holds only the scheduled duplicates and a few recent entities, never the rows.

use super::data::data;
use super::entity::{EntityRef, ExistingMode, NameSource};
use super::rates;
use super::rng::{Purpose, Rand};
use crate::rules::registration_id;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Entity ids of Partner Center-only customers start here (input entities count from 0).
pub const PC_ONLY_BASE: u64 = 1 << 40;

/// What a written row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The entity's first row.
    First,
    /// A later row of the same entity.
    Duplicate {
        /// Data index of the entity's first row.
        first: u64,
    },
}

/// One row to build.
#[derive(Clone, Copy, Debug)]
pub struct RowPlan {
    /// Data row index (0-based).
    pub index: u64,
    /// The entity.
    pub entity: EntityRef,
    /// First row or duplicate.
    pub role: Role,
    /// A recent other entity that asks for a domain prefix (for `domain.duplicate`).
    pub other: Option<EntityRef>,
    /// A Partner Center-only customer already in the export (for `domain.taken`).
    pub taken: Option<EntityRef>,
}

/// One thing to build, in output order.
#[derive(Clone, Copy, Debug)]
pub enum Item {
    /// A row of the legacy list.
    Row(RowPlan),
    /// A Partner Center customer that is not in the list.
    PcOnly(EntityRef),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Scheduled {
    row: u64,
    seq: u64,
    first: u64,
}

/// The sequential planner.
pub struct Planner {
    seed: u64,
    rows: u64,
    with_existing: bool,
    next_row: u64,
    next_entity: u64,
    counters: Vec<u64>,
    scheduled: BinaryHeap<Reverse<(Scheduled, EntityKey)>>,
    recent: Vec<VecDeque<EntityRef>>,
    recent_domain: VecDeque<EntityRef>,
    recent_pc: VecDeque<EntityRef>,
    pc_only_total: u64,
    pc_emitted: u64,
    /// Input entities planted as existing customers so far.
    pub planted_existing: u64,
    existing_rows: u64,
    seq: u64,
}

/// An [`EntityRef`] ordered only by id, so it can ride along in the heap.
#[derive(Clone, Copy, Debug)]
struct EntityKey(EntityRef);

impl PartialEq for EntityKey {
    fn eq(&self, o: &Self) -> bool {
        self.0.id == o.0.id
    }
}
impl Eq for EntityKey {}
impl PartialOrd for EntityKey {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for EntityKey {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.0.id.cmp(&o.0.id)
    }
}

const RECENT: usize = 64;

impl Planner {
    /// A planner for `rows` rows and, if `existing_rows` is given, a Partner Center export of
    /// about that many customers.
    pub fn new(seed: u64, rows: u64, existing_rows: Option<u64>) -> Planner {
        let n = data().countries.len();
        let expected_planted = (rows as f64 * (1.0 - rates::DUPLICATE_ROW_SHARE) * rates::EXISTING) as u64;
        let existing_rows = existing_rows.unwrap_or(0);
        Planner {
            seed,
            rows,
            with_existing: existing_rows > 0,
            next_row: 0,
            next_entity: 0,
            counters: vec![0; n],
            scheduled: BinaryHeap::new(),
            recent: vec![VecDeque::new(); n],
            recent_domain: VecDeque::new(),
            recent_pc: VecDeque::new(),
            pc_only_total: existing_rows.saturating_sub(expected_planted),
            pc_emitted: 0,
            planted_existing: 0,
            existing_rows,
            seq: 0,
        }
    }

    /// Input entities started so far.
    pub fn entities(&self) -> u64 {
        self.next_entity
    }

    /// Partner Center-only customers emitted so far.
    pub fn pc_only(&self) -> u64 {
        self.pc_emitted
    }

    /// Plans up to `max` more items; false when everything has been planned.
    pub fn next_chunk(&mut self, max: usize, out: &mut Vec<Item>) -> bool {
        out.clear();
        while out.len() < max {
            if self.next_row < self.rows {
                let row = self.plan_row();
                out.push(Item::Row(row));
                // Partner Center-only customers are spread evenly through the export.
                while self.with_existing && self.pc_emitted * self.rows < self.pc_only_total * self.next_row {
                    out.push(Item::PcOnly(self.pc_only_entity()));
                }
            } else if self.with_existing && self.pc_emitted + self.planted_existing < self.existing_rows {
                out.push(Item::PcOnly(self.pc_only_entity()));
            } else {
                return false;
            }
        }
        true
    }

    fn plan_row(&mut self) -> RowPlan {
        let index = self.next_row;
        self.next_row += 1;
        let mut rng = Rand::new(self.seed, Purpose::Plan, index | (1 << 63));
        let other = pick(&self.recent_domain, &mut rng);
        let taken = pick(&self.recent_pc, &mut rng);
        if let Some(Reverse((s, EntityKey(e)))) = self.scheduled.peek().copied() {
            if s.row <= index {
                self.scheduled.pop();
                return RowPlan { index, entity: e, role: Role::Duplicate { first: s.first }, other, taken };
            }
        }
        let entity = self.new_entity(index);
        RowPlan { index, entity, role: Role::First, other: other.filter(|o| o.id != entity.id), taken }
    }

    fn new_entity(&mut self, index: u64) -> EntityRef {
        let id = self.next_entity;
        self.next_entity += 1;
        let mut rng = Rand::new(self.seed, Purpose::Plan, id);
        let ci = rng.weighted(&data().weights);
        let c = &data().countries[ci];
        let k = self.counters[ci];
        self.counters[ci] += 1;
        let lookalike = if c.cities.len() > 1 && rng.chance(rates::LOOKALIKE) {
            take(&mut self.recent[ci], &mut rng)
        } else if c.native.is_none() && rng.chance(rates::SIBLING) {
            // Siblings only where names have one script, so the sibling's name is simply the
            // original's with another legal form; universities have no siblings.
            take(&mut self.recent[ci], &mut rng)
                .filter(|s| !s.education)
                .map(|s| NameSource { sibling: true, ..s })
        } else {
            None
        };
        let education = lookalike.map_or_else(|| rng.chance(rates::EDUCATION), |s| s.education);
        let existing = (self.with_existing && rng.chance(rates::EXISTING)).then(|| {
            let reg = if registration_id::is_required(&c.code) { 3.0 } else { 0.0 };
            [
                ExistingMode::RegistrationId,
                ExistingMode::Domain,
                ExistingMode::EmailDomain,
                ExistingMode::NameCity,
            ][rng.weighted(&[reg, 3.0, 2.0, 2.0])]
        });
        self.planted_existing += u64::from(existing.is_some());
        let domain = existing == Some(ExistingMode::Domain) || rng.chance(rates::ASKS_FOR_DOMAIN);
        let e = EntityRef { id, country: ci as u16, k, education, existing, lookalike, domain };
        // Duplicates: near (the same export batch), far (another export), or anywhere.
        let copies =
            if rng.chance(rates::HAS_DUPLICATES) { [1, 1, 1, 1, 1, 1, 2, 2, 2, 3][rng.index(10)] } else { 0 };
        for _ in 0..copies {
            let left = self.rows - index - 1;
            let distance = match rng.weighted(&[4.0, 4.0, 2.0]) {
                0 => rng.range(1, 50),
                1 => rng.range(50, 20_000.min(self.rows / 4).max(50)),
                _ => rng.range(1, left.max(1)),
            };
            if index + distance < self.rows {
                self.seq += 1;
                let s = Scheduled { row: index + distance, seq: self.seq, first: index };
                self.scheduled.push(Reverse((s, EntityKey(e))));
            }
        }
        if lookalike.is_none() {
            push(&mut self.recent[ci], e);
        }
        if domain {
            push(&mut self.recent_domain, e);
        }
        e
    }

    fn pc_only_entity(&mut self) -> EntityRef {
        let j = self.pc_emitted;
        self.pc_emitted += 1;
        let id = PC_ONLY_BASE + j;
        let mut rng = Rand::new(self.seed, Purpose::Plan, id);
        let ci = rng.weighted(&data().weights);
        let k = self.counters[ci];
        self.counters[ci] += 1;
        // Traps: a customer with the name of a listed company, in another city.
        let lookalike = (data().countries[ci].cities.len() > 1 && rng.chance(rates::PC_LOOKALIKE))
            .then(|| take(&mut self.recent[ci], &mut rng))
            .flatten();
        let e = EntityRef {
            id,
            country: ci as u16,
            k,
            education: lookalike.is_some_and(|s| s.education),
            existing: None,
            lookalike,
            domain: true,
        };
        push(&mut self.recent_pc, e);
        e
    }
}

fn pick(q: &VecDeque<EntityRef>, rng: &mut Rand) -> Option<EntityRef> {
    (!q.is_empty()).then(|| q[rng.index(q.len())])
}

/// Takes a random recent entity out of the queue, as the name source of one look-alike: a
/// name is copied once, so two copies never land in the same city.
fn take(q: &mut VecDeque<EntityRef>, rng: &mut Rand) -> Option<NameSource> {
    if q.is_empty() {
        return None;
    }
    let t = q.remove(rng.index(q.len()))?;
    Some(NameSource { id: t.id, k: t.k, education: t.education, sibling: false })
}

fn push(q: &mut VecDeque<EntityRef>, e: EntityRef) {
    if q.len() == RECENT {
        q.pop_front();
    }
    q.push_back(e);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(rows: u64, existing: Option<u64>) -> (Vec<Item>, Planner) {
        let mut p = Planner::new(11, rows, existing);
        let mut all = Vec::new();
        let mut chunk = Vec::new();
        loop {
            let more = p.next_chunk(100, &mut chunk);
            all.extend_from_slice(&chunk);
            if !more {
                break;
            }
        }
        (all, p)
    }

    #[test]
    fn rows_are_exact_and_duplicates_point_back() {
        let (items, p) = plan(5000, Some(800));
        let rows: Vec<&RowPlan> = items
            .iter()
            .filter_map(|i| match i {
                Item::Row(r) => Some(r),
                Item::PcOnly(_) => None,
            })
            .collect();
        assert_eq!(rows.len(), 5000);
        assert!(rows.iter().enumerate().all(|(i, r)| r.index == i as u64));
        let mut first_of = std::collections::HashMap::new();
        let mut dups = 0;
        for r in &rows {
            match r.role {
                Role::First => assert!(first_of.insert(r.entity.id, r.index).is_none()),
                Role::Duplicate { first } => {
                    dups += 1;
                    assert_eq!(first_of.get(&r.entity.id), Some(&first), "the first row came earlier");
                }
            }
        }
        assert!((150..400).contains(&dups), "about 5% duplicates, got {dups}");
        let pc = items.len() - rows.len() + p.planted_existing as usize;
        // Planted existing customers are drawn (6% of about 4,750 entities, sd ≈ 16) and the
        // export is sized on their expected count, so its size is 800 give or take a few sd.
        assert!((750..=850).contains(&pc), "the export has about 800 customers, got {pc}");
    }

    #[test]
    fn no_export_no_existing_customers() {
        let (items, _) = plan(2000, None);
        assert!(items.iter().all(|i| matches!(i, Item::Row(r) if r.entity.existing.is_none())));
    }
}
