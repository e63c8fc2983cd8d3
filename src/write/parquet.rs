//! `--parquet`: `customers.parquet` (the clean rows: source columns and canonical fields, as in
//! clean/customers.csv) and `findings.parquet` (every finding, as in findings.csv), for data
//! lakes. Machine outputs: values exact, never masked. Every column is a string but
//! `source_row` (an unsigned integer).

use super::{clean, rejections, AtomicFile, RunData};
use crate::error::{Error, Result};
use crate::model::{Field, Outcome};
use crate::rules;
use polars::prelude::*;
use std::path::Path;

fn frame(
    headers: &[&str],
    columns: Vec<Vec<String>>,
    rows: usize,
    source_row: Vec<u64>,
) -> PolarsResult<DataFrame> {
    let cols = headers
        .iter()
        .zip(columns)
        .map(|(h, values)| {
            if *h == "source_row" {
                Column::new((*h).into(), &source_row)
            } else {
                Column::new((*h).into(), values)
            }
        })
        .collect();
    DataFrame::new(rows, cols)
}

fn save(mut df: DataFrame, path: &Path) -> Result<()> {
    let err = |e: PolarsError| Error::Output {
        path: path.to_owned(),
        source: std::io::Error::other(e.to_string()),
    };
    let mut file = AtomicFile::create(path)?;
    ParquetWriter::new(&mut file).finish(&mut df).map_err(err)?;
    file.commit()
}

/// Writes the clean rows.
pub fn write_customers(data: &RunData, path: &Path) -> Result<()> {
    let header = clean::header();
    let mut columns: Vec<Vec<String>> = vec![Vec::new(); header.len()];
    let mut source_row = Vec::new();
    let mut n = 0;
    for i in data.with_outcome(Outcome::Clean) {
        for (c, v) in clean::line(data, i).into_iter().enumerate() {
            columns[c].push(v);
        }
        source_row.push(data.rows[i].raw.pos.row);
        n += 1;
    }
    let df = frame(&header, columns, n, source_row)
        .map_err(|e| Error::Output { path: path.to_owned(), source: std::io::Error::other(e.to_string()) })?;
    save(df, path)
}

/// Writes every finding.
pub fn write_findings(data: &RunData, path: &Path) -> Result<()> {
    let header = rejections::FINDINGS_HEADER;
    let mut columns: Vec<Vec<String>> = vec![Vec::new(); header.len()];
    let mut source_row = Vec::new();
    for row in data.rows.iter() {
        let src = data.source_cells_of(&row);
        for f in &row.findings {
            let rule = f.rule.rule();
            let line = [
                src[0].clone(),
                src[1].clone(),
                src[2].clone(),
                row.customer.get(Field::SourceId).to_string(),
                rule.code.to_string(),
                rules::severity(f, &data.cfg.profile).as_str().to_string(),
                rule.field.to_string(),
                f.value.clone(),
                rejections::message(f.borrowed()),
                rule.fix.to_string(),
            ];
            for (c, v) in line.into_iter().enumerate() {
                columns[c].push(v);
            }
            source_row.push(row.raw.pos.row);
        }
    }
    let n = source_row.len();
    let df = frame(&header, columns, n, source_row)
        .map_err(|e| Error::Output { path: path.to_owned(), source: std::io::Error::other(e.to_string()) })?;
    save(df, path)
}
