//! One partner's reports. Its rows are read back from the partner spill into a row store of its
//! own, with everything the writers read about them (outcomes, duplicates, existing customers,
//! counts, changes) cut down to those rows, so that the whole list's writers of report.xlsx,
//! report.html and rejected_rows.csv write them as they write the whole list: the same sheets,
//! the same redaction, nothing of anyone else's.
//!
//! What is cut: the sources list only the files the partner's rows come from, with its row
//! counts (no notes, no blank rows: those are about the whole file); a duplicate whose
//! survivor is another partner's row shows no survivor (see `duplicates::line`).

use super::{Split, DIR};
use crate::error::{Error, Result};
use crate::matching::Matches;
use crate::model::Row;
use crate::read::SourceInfo;
use crate::report::baseline::ChangeParts;
use crate::report::partners::PartnerLine;
use crate::report::stats::{Counts, Stats};
use crate::report::Insights;
use crate::store::RowStore;
use crate::write::{html, rejections, xlsx, RunData};
use std::collections::HashMap;
use std::path::Path;

/// A survivor that is another partner's row: outside the partner's rows, so never shown.
const ELSEWHERE: usize = usize::MAX;
/// Rows handed to the partner's store at a time.
const CHUNK: usize = 8192;

/// The files of a partner's folder.
pub const FILES: [&str; 3] = ["report.html", "report.xlsx", "rejected_rows.csv"];

/// Writes partner `p`'s folder under `root`; returns its index line.
pub fn write(whole: &RunData, split: &Split, p: usize, root: &Path) -> Result<PartnerLine> {
    let partner = &split.partners[p];
    let dir = root.join(&partner.folder);
    std::fs::create_dir(&dir).map_err(|source| Error::Output { path: dir.clone(), source })?;
    // The partner's sources, in the list's order, counting only its rows.
    let mut local_source: HashMap<u32, u32> = HashMap::new();
    let mut sources: Vec<SourceInfo> = Vec::with_capacity(partner.source_rows.len());
    for (&s, &n) in &partner.source_rows {
        let mut info = whole.sources[s as usize].clone();
        info.rows = n;
        info.blank_rows = 0;
        info.notes.clear();
        local_source.insert(s, sources.len() as u32);
        sources.push(info);
    }
    let profile = &whole.cfg.profile;
    let mut store = RowStore::new(&dir)?;
    let mut outcomes = Vec::with_capacity(partner.rows as usize);
    let mut matches = Matches::default();
    let mut counts = Counts::default();
    let mut parts = ChangeParts::default();
    let mut survivors = Vec::new();
    let mut chunk: Vec<Row> = Vec::with_capacity(CHUNK.min(partner.rows as usize));
    split.buckets.read(p, |i, mut row| {
        let local = outcomes.len();
        let outcome = whole.outcomes[i];
        counts.add(&row, outcome, profile);
        if let Some(cs) = &split.changes {
            for j in cs.new_on(i) {
                parts.new.push((local as u32, j));
                if let Some(f) = row.findings.get(j as usize) {
                    *parts.new_rules.entry(f.rule.code()).or_default() += 1;
                }
            }
        }
        outcomes.push(outcome);
        matches.duplicate.push(whole.matches.duplicate[i].as_ref().map(|d| {
            let mut d = d.clone();
            d.survivor = match split.partner_of[d.survivor] as usize == p {
                true => split.local_of[d.survivor] as usize,
                false => ELSEWHERE,
            };
            if d.survivor != ELSEWHERE {
                survivors.push(d.survivor);
            }
            d
        }));
        matches.cluster.push(whole.matches.cluster[i]);
        matches.existing.push(whole.matches.existing[i].clone());
        row.raw.pos.source = local_source[&row.raw.pos.source];
        chunk.push(row);
        if chunk.len() == CHUNK {
            store.push(&chunk)?;
            chunk.clear();
        }
        Ok(())
    })?;
    store.push(&chunk)?;
    drop(chunk);
    store.pin(survivors);
    if let Some(cs) = &split.changes {
        parts.fixed = split.fixed[p].clone();
        parts.fixed.sort_unstable();
        for &k in &parts.fixed {
            *parts.fixed_rules.entry(cs.fixed_rule(k).to_string()).or_default() += 1;
        }
    }
    // Counted by the whole list's source numbers (the rows' own, before renumbering), so the
    // files are labelled as in the whole list's reports.
    let stats = Stats::of_counts(whole.sources, counts, profile);
    let changes = split.changes.as_ref().map(|cs| {
        let earlier = split.earlier.as_ref().map(|e| e.of(&partner.folder));
        cs.changes().part(parts, &stats, earlier)
    });
    let insights = Insights { stats, changes, partners: None, partner: Some(partner.name.clone()) };
    let data = RunData {
        sources: &sources,
        rows: &store,
        outcomes: &outcomes,
        matches: &matches,
        pc: whole.pc,
        cfg: whole.cfg,
        insights: &insights,
    };
    // `--outputs`: a partner's folder holds the kinds the whole list has.
    let chosen = &whole.cfg.outputs;
    if chosen.writes("report.xlsx") {
        xlsx::write(&data, &dir.join("report.xlsx"))?;
    }
    if chosen.writes("report.html") {
        html::write(&data, &dir.join("report.html"))?;
    }
    if chosen.writes("rejected_rows.csv") {
        rejections::write_rejected_rows(&data, &dir.join("rejected_rows.csv"))?;
    }
    // Every pass over the partner's rows is done: one that could not be read back fails the run.
    store.check()?;
    Ok(PartnerLine::new(&partner.name, &partner.folder, &insights.stats, insights.changes.as_ref()))
}

/// The files of a partner's folder, relative to the output folder.
pub fn files(folder: &str) -> impl Iterator<Item = String> + '_ {
    FILES.iter().map(move |f| format!("{DIR}/{folder}/{f}"))
}
