//! `--report-per COLUMN`: which column of each source holds a row's partner. COLUMN is a
//! canonical field name (`associated_partner_id`: the column feeding that field, whatever its
//! header) or a header as written (then, failing that, ignoring case, then ignoring case and
//! punctuation). Aliases are not applied: `Region` names a Region column, never the State field
//! it would feed. A COLUMN that no source has is a usage error listing the columns there are.

use crate::error::{Error, Result};
use crate::model::Field;
use crate::model::Row;
use crate::read::headers::fold;
use crate::read::{ColumnMap, SourceInfo};

/// Where each source keeps the column the list is split by.
#[derive(Clone, Debug)]
pub struct Column {
    /// COLUMN as given.
    pub spec: String,
    /// Per source (by index): the column, if the source has it.
    at: Vec<Option<usize>>,
}

impl Column {
    /// Finds COLUMN in every source; returns it with a warning per source that lacks it (its
    /// rows go to the folder for rows without a value).
    pub fn resolve(spec: &str, sources: &[SourceInfo]) -> Result<(Column, Vec<String>)> {
        let at: Vec<Option<usize>> = sources.iter().map(|s| find(spec, &s.columns)).collect();
        if !sources.is_empty() && at.iter().all(Option::is_none) {
            let mut names: Vec<&str> = Vec::new();
            for h in sources.iter().flat_map(|s| &s.columns.headers) {
                let h = h.trim();
                if !h.is_empty() && !names.contains(&h) {
                    names.push(h);
                }
            }
            return Err(Error::Usage(format!(
                "--report-per '{spec}': no input has this column. The inputs' columns are: {}. Give one \
                 of them as written, or a canonical field name such as associated_partner_id",
                names.join(", ")
            )));
        }
        let warnings = sources
            .iter()
            .zip(&at)
            .filter(|(_, c)| c.is_none())
            .map(|(s, _)| {
                let sheet = s.sheet.as_deref().map(|x| format!(" [{x}]")).unwrap_or_default();
                format!(
                    "{}{sheet}: has no column '{spec}' (--report-per): its {} rows go to partners/{}, the \
                     rows without a value",
                    s.file_label(),
                    s.rows,
                    super::folders::NO_VALUE
                )
            })
            .collect();
        Ok((Column { spec: spec.trim().to_string(), at }, warnings))
    }

    /// The row's value in the column, trimmed ("" when its source has no such column).
    pub fn value<'r>(&self, row: &'r Row) -> &'r str {
        let at = self.at.get(row.raw.pos.source as usize).copied().flatten();
        at.and_then(|c| row.raw.cells.get(c)).unwrap_or("").trim()
    }
}

/// The column of one source that `spec` names.
fn find(spec: &str, cols: &ColumnMap) -> Option<usize> {
    let want = spec.trim();
    if let Some(c) = Field::from_name(&want.to_ascii_lowercase()).and_then(|f| cols.column(f)) {
        return Some(c);
    }
    let lower = want.to_lowercase();
    let folded = fold(want);
    let headers = &cols.headers;
    headers
        .iter()
        .position(|h| h.trim() == want)
        .or_else(|| headers.iter().position(|h| h.trim().to_lowercase() == lower))
        .or_else(|| (!folded.is_empty()).then(|| headers.iter().position(|h| fold(h) == folded)).flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(headers: &[&str]) -> SourceInfo {
        SourceInfo { rows: 7, ..SourceInfo::test_csv("list.csv", headers) }
    }

    /// Each case: (COLUMN, the headers, the column found).
    #[test]
    fn a_column_is_found_by_field_name_or_header() {
        let cases: &[(&str, &[&str], Option<usize>)] = &[
            ("Reseller", &["Company", "Reseller"], Some(1)),
            ("reseller", &["Company", "Reseller"], Some(1)),
            (" Account Owner ", &["Company", "Account Owner"], Some(1)),
            ("account_owner", &["Company", "Account Owner"], Some(1)),
            // The field name finds the column feeding the field, whatever its header.
            ("associated_partner_id", &["Company", "Tier 2 Partner ID"], Some(1)),
            ("country", &["Company", "Country/Region"], Some(1)),
            // An exact header wins over a looser one.
            ("REGION", &["region", "REGION"], Some(1)),
            // No aliases: Region is not the State field.
            ("Region", &["Company", "State"], None),
            ("Owner", &["Company", "Account Owner"], None),
            ("", &["Company"], None),
        ];
        for (spec, headers, want) in cases {
            assert_eq!(find(spec, &source(headers).columns), *want, "{spec:?} in {headers:?}");
        }
    }

    #[test]
    fn a_missing_column_names_the_columns_there_are() {
        let sources = [source(&["Company", "Reseller"]), source(&["Company", "Owner"])];
        let err = Column::resolve("Partner", &sources).unwrap_err();
        assert_eq!(err.exit_code(), crate::error::exit::USAGE);
        let text = err.to_string();
        assert!(text.contains("'Partner'") && text.contains("Company, Reseller, Owner."), "{text}");
        let (col, warnings) = Column::resolve("Reseller", &sources).unwrap();
        assert_eq!(col.at, [Some(1), None]);
        assert_eq!(warnings.len(), 1, "the source without the column is named");
        assert!(warnings[0].contains("its 7 rows go to partners/_no-value"), "{}", warnings[0]);
    }
}
