//! Reports for partners (`run --report-per COLUMN`): besides the whole-list outputs, a folder
//! per value of COLUMN under `partners/` with that partner's own `report.html`, `report.xlsx`
//! and `rejected_rows.csv`, and `partners/index.csv` and `index.html` listing every partner.
//!
//! One pass over the stored rows sorts them by partner into a spill file ([`spill`]); each
//! partner's reports are then written from its own rows only ([`view`]), partners in parallel.
//! The files of the thousands of folders are synced to disk together at the end, not one by
//! one, before the output set is swapped in.

mod column;
mod folders;
mod index;
mod spill;
mod view;

pub use column::Column;
pub use folders::NO_VALUE;

use super::RunData;
use crate::error::{Error, Result};
use crate::report::baseline::ChangeSplit;
use crate::report::partners::{EarlierPartners, PartnerIndex, PartnerLine, PartnerName};
use rayon::prelude::*;
use spill::Buckets;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The folder of the partners' reports, relative to the output folder: it belongs to the output
/// set as a whole (a run without `--report-per` removes it).
pub const DIR: &str = "partners";

/// One partner.
struct Partner {
    name: PartnerName,
    folder: String,
    /// Its rows.
    rows: u32,
    /// Its rows per source (by the list's source index).
    source_rows: BTreeMap<u32, u64>,
}

/// What the pass over the stored rows leaves for the partners' reports.
struct Split<'a> {
    partners: Vec<Partner>,
    /// Per row of the list: its partner, and its index among that partner's rows.
    partner_of: Vec<u32>,
    local_of: Vec<u32>,
    buckets: Buckets,
    changes: Option<ChangeSplit<'a>>,
    /// Per partner: the baseline's fixed findings on its rows.
    fixed: Vec<Vec<u32>>,
    /// The baseline's partners, when it was split by the same column.
    earlier: Option<EarlierPartners>,
}

/// What the partners' reports leave for the summary and the whole-list reports.
#[derive(Debug)]
pub struct Written {
    /// Every partner's line, by folder.
    pub index: PartnerIndex,
    /// The files written, relative to the output folder.
    pub files: Vec<String>,
    /// What the user should know (a baseline index that could not be read).
    pub warnings: Vec<String>,
}

/// Writes `partners/` into the staging folder `out`: one pass over the rows, then every
/// partner's folder, then the index.
pub fn write(data: &RunData, column: &Column, out: &Path) -> Result<Written> {
    let root = out.join(DIR);
    std::fs::create_dir_all(&root).map_err(|source| Error::Output { path: root.clone(), source })?;
    let deferred = super::defer_sync_under(&root);
    let mut warnings = Vec::new();
    let split = Split::build(data, column, &root, &mut warnings)?;
    let mut lines: Vec<PartnerLine> = (0..split.partners.len())
        .into_par_iter()
        .map(|p| view::write(data, &split, p, &root))
        .collect::<Result<_>>()?;
    lines.sort_by(|a, b| a.folder.cmp(&b.folder));
    let index = PartnerIndex { column: column.spec.clone(), lines };
    index::write_csv(data, &index, &root.join(index::CSV))?;
    // The index page links each partner's report.html: it comes with the html kind.
    let page = data.cfg.outputs.writes(index::HTML);
    if page {
        index::write_html(data, &index, &root.join(index::HTML))?;
    }
    drop(split);
    drop(deferred);
    sync_tree(&root)?;
    // index.csv is the split's own listing (a later `--baseline` reads it): always written.
    let mut files = vec![format!("{DIR}/{}", index::CSV)];
    if page {
        files.push(format!("{DIR}/{}", index::HTML));
    }
    let chosen = &data.cfg.outputs;
    files.extend(index.lines.iter().flat_map(|l| view::files(&l.folder)).filter(|f| chosen.writes(f)));
    Ok(Written { index, files, warnings })
}

impl<'a> Split<'a> {
    /// The one pass over the stored rows: each row to its partner.
    fn build(
        data: &RunData<'a>,
        column: &Column,
        root: &Path,
        warnings: &mut Vec<String>,
    ) -> Result<Split<'a>> {
        let n = data.rows.len();
        let mut split = Split {
            partners: Vec::new(),
            partner_of: Vec::with_capacity(n),
            local_of: Vec::with_capacity(n),
            buckets: Buckets::new(root, 0)?,
            changes: data.insights.changes.as_ref().map(|ch| ChangeSplit::new(ch, data.sources)),
            fixed: Vec::new(),
            earlier: None,
        };
        // Values as written, then as compared (case and spaces aside), to their partner.
        let mut by_value: HashMap<String, u32> = HashMap::new();
        let mut by_key: HashMap<String, u32> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        for (i, row) in data.rows.iter().enumerate() {
            let value = column.value(&row);
            let p = match by_value.get(value) {
                Some(&p) => p,
                None => {
                    let key = folders::key(value);
                    let p = *by_key.entry(key.clone()).or_insert_with(|| {
                        split.partners.push(Partner {
                            name: PartnerName { column: column.spec.clone(), value: value.to_string() },
                            folder: String::new(),
                            rows: 0,
                            source_rows: BTreeMap::new(),
                        });
                        split.fixed.push(Vec::new());
                        keys.push(key);
                        (split.partners.len() - 1) as u32
                    });
                    by_value.insert(value.to_string(), p);
                    p
                }
            };
            let partner = &mut split.partners[p as usize];
            split.partner_of.push(p);
            split.local_of.push(partner.rows);
            partner.rows += 1;
            *partner.source_rows.entry(row.raw.pos.source).or_default() += 1;
            split.buckets.push(p as usize, i as u32, &row)?;
            if let Some(cs) = &mut split.changes {
                let fixed = cs.take_fixed(&row);
                split.fixed[p as usize].extend(fixed);
            }
        }
        split.buckets.flush()?;
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        for (partner, folder) in split.partners.iter_mut().zip(folders::assign(&keys)) {
            partner.folder = folder;
        }
        if let Some(ch) = &data.insights.changes {
            match EarlierPartners::load(ch.folder(), &column.spec) {
                Ok(earlier) => split.earlier = earlier,
                Err(e) => warnings.push(format!(
                    "--baseline: {e}; the partners' counts before are not compared (their findings are)"
                )),
            }
        }
        Ok(split)
    }
}

/// Syncs the files written under `root` to disk: one `syncfs` where the system has it (Linux),
/// else each file and folder.
fn sync_tree(root: &Path) -> Result<()> {
    let fail = |source| Error::Output { path: root.to_path_buf(), source };
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        let dir = std::fs::File::open(root).map_err(fail)?;
        rustix::fs::syncfs(&dir).map_err(|e| fail(std::io::Error::from_raw_os_error(e.raw_os_error())))
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        fn walk(dir: &Path) -> std::io::Result<()> {
            for entry in std::fs::read_dir(dir)? {
                let path = entry?.path();
                if path.is_dir() {
                    walk(&path)?;
                } else {
                    std::fs::OpenOptions::new().write(true).open(&path)?.sync_all()?;
                }
            }
            #[cfg(unix)]
            std::fs::File::open(dir)?.sync_all()?;
            Ok(())
        }
        walk(root).map_err(fail)
    }
}
