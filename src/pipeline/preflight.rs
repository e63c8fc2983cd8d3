//! What a run checks and reads before its first output: every option (dates, thresholds,
//! paths), the mapping file, the baseline (which may be the output folder itself), which files
//! to read, and that no input is a file the run would replace. Only then does it take the
//! output folder's lock and open a staging folder beside it; nothing is written before.

use super::console::Console;
use crate::config::{Config, WriteMode};
use crate::error::{Error, Result};
use crate::read::{self, ReadOptions};
use crate::reconcile;
use crate::report::baseline::Baseline;
use crate::write::lock::{self, Lock, Taken};
use crate::write::output_set::{self, FoundSet};
use crate::write::staging::{Staging, Target};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A run ready to work: its staging folder open, its inputs known.
pub struct Prepared {
    /// Where the outputs are written until the swap.
    pub staging: Staging,
    /// The earlier run to compare with.
    pub baseline: Option<Baseline>,
    /// The earlier run's drift, when it wrote one.
    pub drift_baseline: Option<reconcile::baseline::Baseline>,
    /// How to read the inputs.
    pub opts: ReadOptions,
    /// The files to read, in order.
    pub files: Vec<PathBuf>,
    /// Warnings for summary.json (also said on stderr).
    pub warnings: Vec<String>,
}

/// Checks everything, then takes the output folder.
pub fn prepare(cfg: &Config, console: &Console) -> Result<Prepared> {
    cfg.check()?;
    let target = Target::resolve(&cfg.out_dir)?;
    for export in &cfg.existing {
        match std::fs::metadata(export) {
            Ok(m) if m.is_dir() => {
                return Err(Error::input_file(export, "is a folder, not a file (given with --existing)"))
            }
            Ok(_) => {}
            Err(_) => return Err(Error::input_file(export, "no such file (given with --existing)")),
        }
    }
    let overrides = match &cfg.mapping {
        Some(p) => read::mapping::load(p)?,
        None => Default::default(),
    };
    // Read before anything is written: the baseline may be the output folder itself. Drift is
    // compared only where the earlier run wrote it (a `check` folder has none).
    let baseline = cfg.baseline.as_deref().map(Baseline::load).transpose()?;
    let drift_baseline = baseline
        .as_ref()
        .filter(|b| b.lists(reconcile::baseline::DRIFT_FILE))
        .map(|b| reconcile::baseline::load(b.folder()))
        .transpose()?;
    // Each folder's summary.json is read once, however many files the folder holds.
    let sets: RefCell<HashMap<PathBuf, Option<FoundSet>>> = RefCell::default();
    let is_output = |p: &Path| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dir = p.parent().unwrap_or(Path::new("")).to_path_buf();
        let mut sets = sets.borrow_mut();
        let set = sets.entry(dir).or_insert_with_key(|d| FoundSet::in_folder(d));
        set.as_ref().is_some_and(|set| set.contains(&name)) || output_set::in_partners_of_a_set(p)
    };
    let found = read::discover(&cfg.inputs, &cfg.existing, &is_output)?;
    refuse_overlap(found.files.iter().chain(&cfg.existing), &target.out)?;
    if cfg.report_per.is_some() && output_set::foreign_partners(&target.out) {
        return Err(Error::Usage(format!(
            "--report-per writes {}, which holds files no pc-onboard run wrote; move them out, or give \
             another --out",
            target.out.join(output_set::PARTNERS_DIR).display()
        )));
    }
    let mut warnings = Vec::new();
    for (dir, names) in &found.skipped {
        let w = format!(
            "{}: not reading {} ({}): the output set of an earlier pc-onboard run is never read as input",
            dir.display(),
            if names.len() == 1 { "1 file" } else { "its files" },
            names.join(", ")
        );
        console.warn(&w);
        warnings.push(w);
    }
    let opts = ReadOptions {
        overrides,
        sheets: cfg.profile.sheets.clone(),
        max_field_bytes: cfg.profile.max_field_bytes,
        max_sheet_cells: cfg.profile.max_sheet_cells,
    };

    // Everything is checked: take the folder.
    if let Some(parent) = target.out.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|source| Error::Output { path: parent.to_owned(), source })?;
    }
    let lock = match Lock::take(&target.lock, &target.out, &lock::holder(&describe(cfg)))? {
        Taken::Free(lock) => lock,
        Taken::Stale(lock, was) => {
            console.note(&format!(
                "{}: an earlier run ({was}) ended without releasing the output folder; taking it over",
                target.out.display()
            ));
            lock
        }
    };
    let subfolders = match cfg.write {
        // Only the subfolders of the kinds chosen (`--outputs`): no empty folder is left.
        WriteMode::All => output_set::subfolders_of(|rel| cfg.outputs.writes(rel)),
        WriteMode::SummaryOnly => Vec::new(),
    };
    let (staging, notes) = Staging::begin(target, lock, &subfolders)?;
    for n in notes {
        console.note(&n);
    }
    Ok(Prepared { staging, baseline, drift_baseline, opts, files: found.files, warnings })
}

/// Refuses an input that the run would replace: a file of the output set in the output folder.
fn refuse_overlap<'a>(inputs: impl Iterator<Item = &'a PathBuf>, out: &Path) -> Result<()> {
    let found = FoundSet::in_folder(out);
    for input in inputs {
        let Ok(abs) = std::fs::canonicalize(input) else { continue };
        let Ok(rel) = abs.strip_prefix(out) else { continue };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if output_set::is_ours(&rel, found.as_ref()) {
            return Err(Error::Usage(format!(
                "{}: this input is {rel} of the output folder {}, which this run replaces; copy it \
                 out of the folder first, or give another --out",
                input.display(),
                out.display()
            )));
        }
    }
    Ok(())
}

/// The run as the lock file names it.
fn describe(cfg: &Config) -> String {
    let command = if cfg.write == WriteMode::All { "run" } else { "check" };
    let inputs: Vec<String> = cfg.inputs.iter().map(|p| p.display().to_string()).collect();
    format!("{command} {} --out {}", inputs.join(" "), cfg.out_dir.display())
}
