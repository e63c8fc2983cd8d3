//! The generator's truth file, read back: for each row its company, first row, Partner Center
//! customer, planted fault, look-alike source, and the corruption kinds it carries.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// One CSV record by column name.
pub type Rec = HashMap<String, String>;

/// Reads a CSV file (BOM tolerated) into records.
pub fn read(path: &Path) -> anyhow::Result<Vec<Rec>> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let h: Vec<String> =
        rdr.headers()?.iter().map(|s| s.trim_start_matches('\u{feff}').to_string()).collect();
    let mut out = Vec::new();
    for r in rdr.records() {
        let r = r.map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        out.push(h.iter().cloned().zip(r.iter().map(str::to_string)).collect());
    }
    Ok(out)
}

/// One row of the truth file.
pub struct Row {
    /// The row number as `run` reports it.
    pub row: String,
    /// The company.
    pub entity: String,
    /// Partner Center customer ID ("" for none).
    pub pc: String,
    /// Planted fault family ("" for none).
    pub fault: String,
    /// How the existing customer is linked ("" for none).
    pub existing_rule: String,
    /// The company whose name it copies ("" for none).
    pub lookalike_of: String,
    /// `branch` or `sibling` for a look-alike.
    pub lookalike_kind: String,
    /// Corruption kinds (the label before `:`) and typo styles (`typo style: ocr`).
    pub kinds: BTreeSet<String>,
}

/// The whole truth, in row order.
pub struct Truth {
    /// Every row.
    pub rows: Vec<Row>,
    /// Index of a row number.
    pub index: HashMap<String, usize>,
}

impl Truth {
    /// Reads the truth file.
    pub fn read(path: &Path) -> anyhow::Result<Truth> {
        let get = |r: &Rec, k: &str| r.get(k).cloned().unwrap_or_default();
        let rows: Vec<Row> = read(path)?
            .iter()
            .map(|r| Row {
                row: get(r, "row"),
                entity: get(r, "entity"),
                pc: get(r, "pc_customer_id"),
                fault: get(r, "fault_family"),
                existing_rule: get(r, "existing_rule"),
                lookalike_of: get(r, "lookalike_of"),
                lookalike_kind: get(r, "lookalike_kind"),
                kinds: kinds(&get(r, "variations")),
            })
            .collect();
        let index = rows.iter().enumerate().map(|(i, r)| (r.row.clone(), i)).collect();
        Ok(Truth { rows, index })
    }

    /// Row indexes grouped by company, in row order.
    pub fn companies(&self) -> Vec<Vec<usize>> {
        let mut by: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, r) in self.rows.iter().enumerate() {
            by.entry(&r.entity).or_default().push(i);
        }
        let mut out: Vec<Vec<usize>> = by.into_values().collect();
        out.sort();
        out
    }

    /// What separates two rows of different companies: a branch or sibling look-alike of the
    /// other, or nothing planted.
    pub fn false_pair_class(&self, a: usize, b: usize) -> String {
        let (x, y) = (&self.rows[a], &self.rows[b]);
        let related = (!x.lookalike_of.is_empty()
            && (x.lookalike_of == y.entity || x.lookalike_of == y.lookalike_of))
            || (!y.lookalike_of.is_empty() && y.lookalike_of == x.entity);
        match (related, x.lookalike_kind.as_str(), y.lookalike_kind.as_str()) {
            (true, "", k) | (true, k, _) => format!("look-alike ({k})"),
            _ => "different companies, nothing planted".to_string(),
        }
    }
}

/// The kinds of a `variations` cell: `typo_street:ocr;no_email` gives `typo_street`,
/// `no_email` and `typo style: ocr`.
pub fn kinds(cell: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for label in cell.split(';').filter(|l| !l.is_empty()) {
        let (kind, detail) = label.split_once(':').unwrap_or((label, ""));
        out.insert(kind.to_string());
        if kind.starts_with("typo_") && !detail.is_empty() {
            out.insert(format!("typo style: {detail}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_become_kinds() {
        let k = super::kinds("typo_street:ocr;no_email;split_word:city");
        let want = ["no_email", "split_word", "typo style: ocr", "typo_street"];
        assert_eq!(k.iter().map(String::as_str).collect::<Vec<_>>(), want);
        assert!(super::kinds("").is_empty());
    }
}
