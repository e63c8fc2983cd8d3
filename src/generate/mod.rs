//! `pc-onboard generate`: a deterministic synthetic legacy customer list with realistic faults,
//! duplicates, look-alikes and education institutions, an optional Partner Center export with
//! planted existing customers, and an optional truth file that says what was planted where.
//!
//! Generation streams: a sequential planner ([`plan`]) decides what each row is; rows are
//! built in parallel, chunk by chunk, from the seed alone ([`entity`], [`variation`],
//! [`faults`], [`partner_center`]); one writer per file writes them in order ([`sink`]). Memory
//! stays flat whatever the row count. The same seed and row count give byte-identical files,
//! whatever the number of threads.

pub mod address;
pub mod data;
pub mod entity;
pub mod faults;
pub mod ids;
pub mod lookalike;
pub mod name_formats;
pub mod names;
pub mod partner_center;
pub mod phone;
pub mod plan;
pub mod rates;
mod render;
pub mod rng;
pub mod row;
pub mod sink;
#[cfg(test)]
mod tests;
pub mod translit;
pub mod variation;

use crate::error::Result;
use entity::Entity;
use plan::{Item, Planner, Role, RowPlan};
use rayon::prelude::*;
use rng::{Purpose, Rand};
use sink::Encoded;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Items planned and built at a time.
const CHUNK: usize = 16_384;

/// The truth file's header.
pub const TRUTH_HEADER: [&str; 11] = [
    "row",
    "entity",
    "duplicate_of",
    "pc_customer_id",
    "fault_family",
    "fault",
    "existing_rule",
    "variations",
    "lookalike_of",
    "sheet",
    "lookalike_kind",
];

/// What to generate.
#[derive(Clone, Debug)]
pub struct Options {
    /// Data rows of the legacy list.
    pub rows: u64,
    /// The seed.
    pub seed: u64,
    /// The legacy list (`.csv`, or `.xlsx` for a workbook).
    pub out: PathBuf,
    /// The Partner Center export, if wanted.
    pub existing_out: Option<PathBuf>,
    /// Customers in the export (about; default a tenth of the rows, at least 10).
    pub existing_rows: Option<u64>,
    /// The truth file, if wanted (CSV).
    pub truth_out: Option<PathBuf>,
}

/// What was generated.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Data rows written.
    pub rows: u64,
    /// Distinct customers (entities) among them.
    pub entities: u64,
    /// Rows that repeat an earlier customer.
    pub duplicates: u64,
    /// Rows of customers planted in the Partner Center export.
    pub existing_rows: u64,
    /// Customers planted as existing.
    pub existing_customers: u64,
    /// Customers in the export.
    pub export_rows: u64,
    /// Rows of look-alike companies.
    pub lookalikes: u64,
    /// Rows of education institutions.
    pub education: u64,
    /// Planted faults per family.
    pub faults: BTreeMap<&'static str, u64>,
    /// Wall time in seconds.
    pub seconds: f64,
}

struct Setup {
    seed: u64,
    state_required: Vec<String>,
    sheet: Option<&'static str>,
    /// Which outputs are workbooks (cells) rather than CSV (encoded on the worker threads):
    /// list, export, truth.
    cells: [bool; 3],
}

/// A built row, each output already encoded for its file.
struct BuiltRow {
    values: Encoded,
    truth: Encoded,
    pc: Option<Encoded>,
    fault: Option<&'static str>,
}

enum Built {
    Row(Box<BuiltRow>),
    Pc(Encoded),
}

/// Writes the files; see the module documentation.
pub fn generate(opts: &Options) -> Result<Report> {
    let started = std::time::Instant::now();
    let xlsx = sink::is_xlsx(&opts.out);
    let setup = Setup {
        seed: opts.seed,
        state_required: crate::config::Profile::default_profile().state_required,
        sheet: xlsx.then_some("Accounts"),
        cells: [
            xlsx,
            opts.existing_out.as_deref().is_some_and(sink::is_xlsx),
            opts.truth_out.as_deref().is_some_and(sink::is_xlsx),
        ],
    };
    let existing_rows =
        opts.existing_out.as_ref().map(|_| opts.existing_rows.unwrap_or((opts.rows / 10).max(10)));
    let mut w = Writers {
        out: sink::open(&opts.out, &row::HEADER, "Accounts")?,
        pc: opts
            .existing_out
            .as_ref()
            .map(|p| sink::open(p, &partner_center::HEADER, "Customers"))
            .transpose()?,
        truth: opts.truth_out.as_ref().map(|p| sink::open(p, &TRUTH_HEADER, "Truth")).transpose()?,
        report: Report::default(),
    };
    let mut planner = Planner::new(opts.seed, opts.rows, existing_rows);
    // Plan and build a chunk (in parallel) while the writer thread writes the previous one.
    let (tx, rx) = std::sync::mpsc::sync_channel::<(Vec<Item>, Vec<Built>)>(1);
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<Writers> {
            for (items, built) in rx {
                w.chunk(&items, built)?;
            }
            Ok(w)
        });
        loop {
            let mut items = Vec::with_capacity(CHUNK + 64);
            let more = planner.next_chunk(CHUNK, &mut items);
            let built: Vec<Built> = items.par_iter().map(|it| build(&setup, it)).collect();
            // A failed send means the writer stopped on an error, which join returns.
            if tx.send((items, built)).is_err() || !more {
                break;
            }
        }
        drop(tx);
        writer.join().expect("the writer thread does not panic")
    })?;
    let mut report = written.finish()?;
    report.entities = planner.entities();
    report.existing_customers = planner.planted_existing;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The output files, written in order by one thread.
struct Writers {
    out: Box<dyn sink::Sink + Send>,
    pc: Option<Box<dyn sink::Sink + Send>>,
    truth: Option<Box<dyn sink::Sink + Send>>,
    report: Report,
}

impl Writers {
    fn chunk(&mut self, items: &[Item], built: Vec<Built>) -> Result<()> {
        for (item, b) in items.iter().zip(built) {
            match b {
                Built::Row(b) => {
                    self.out.write(&b.values)?;
                    count(&mut self.report, item, b.fault);
                    if let (Some(sink), Some(rec)) = (self.pc.as_mut(), &b.pc) {
                        sink.write(rec)?;
                        self.report.export_rows += 1;
                    }
                    if let Some(sink) = self.truth.as_mut() {
                        sink.write(&b.truth)?;
                    }
                }
                Built::Pc(rec) => {
                    if let Some(sink) = self.pc.as_mut() {
                        sink.write(&rec)?;
                        self.report.export_rows += 1;
                    }
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Report> {
        self.out.finish()?;
        if let Some(s) = self.pc {
            s.finish()?;
        }
        if let Some(s) = self.truth {
            s.finish()?;
        }
        Ok(self.report)
    }
}

fn count(report: &mut Report, item: &Item, fault: Option<&'static str>) {
    let Item::Row(r) = item else { return };
    report.rows += 1;
    report.duplicates += u64::from(matches!(r.role, Role::Duplicate { .. }));
    report.existing_rows += u64::from(r.entity.existing.is_some());
    report.lookalikes += u64::from(r.entity.lookalike.is_some());
    report.education += u64::from(r.entity.education);
    if let Some(code) = fault {
        *report.faults.entry(family(code)).or_default() += 1;
    }
}

/// A rule code's family: its first part (`registration_id.checksum` → `registration_id`).
pub fn family(code: &'static str) -> &'static str {
    code.split('.').next().unwrap_or(code)
}

fn row_label(setup: &Setup, index: u64) -> (String, String) {
    match setup.sheet {
        Some(base) => {
            let (sheet, row) = sink::sheet_position(base, index);
            (row.to_string(), sheet)
        }
        None => ((index + 2).to_string(), String::new()),
    }
}

fn build(setup: &Setup, item: &Item) -> Built {
    match item {
        Item::PcOnly(r) => Built::Pc(Encoded::new(
            &partner_center::pc_only(setup.seed, &Entity::build(setup.seed, *r)),
            setup.cells[1],
        )),
        Item::Row(plan) => build_row(setup, plan),
    }
}

fn build_row(setup: &Setup, plan: &RowPlan) -> Built {
    let seed = setup.seed;
    let e = Entity::build(seed, plan.entity);
    let mut rng = Rand::new(seed, Purpose::Row, plan.index);
    let mut values = e.values(&mut rng);
    // Existing customers' list rows are varied too (half of them), so that links to the
    // export are measured on corrupted rows as duplicates are.
    let varied = match plan.role {
        Role::Duplicate { .. } => true,
        Role::First => e.r.existing.is_some() && rng.chance(rates::EXISTING_VARIED),
    };
    let variations = if varied { variation::apply(&e, &mut values, &mut rng) } else { Vec::new() };
    let ctx = faults::Ctx {
        e: &e,
        state_required: setup.state_required.contains(&e.country.code),
        seed,
        other: plan.other,
        taken: plan.taken,
    };
    let fault = faults::plant(&ctx, &mut values, &mut rng);
    let pc = match (plan.role, e.r.existing) {
        (Role::First, Some(_)) => Some(partner_center::existing(seed, &e)),
        _ => None,
    };
    let (row, sheet) = row_label(setup, plan.index);
    let duplicate_of = match plan.role {
        Role::Duplicate { first } => {
            let (r, s) = row_label(setup, first);
            if s == sheet {
                r
            } else {
                format!("{s}!{r}")
            }
        }
        Role::First => String::new(),
    };
    let truth = [
        row,
        e.r.id.to_string(),
        duplicate_of,
        e.pc_id.clone().unwrap_or_default(),
        fault.map(family).unwrap_or_default().to_string(),
        fault.unwrap_or_default().to_string(),
        e.r.existing.map(|m| m.as_str()).unwrap_or_default().to_string(),
        variations.join(";"),
        e.r.lookalike.map(|s| s.id.to_string()).unwrap_or_default(),
        sheet,
        lookalike::kind(seed, &e.r).to_string(),
    ];
    Built::Row(Box::new(BuiltRow {
        values: Encoded::new(&values.0, setup.cells[0]),
        truth: Encoded::new(&truth, setup.cells[2]),
        pc: pc.map(|p| Encoded::new(&p, setup.cells[1])),
        fault,
    }))
}
