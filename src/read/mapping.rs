//! Mapping files (TOML): which input column feeds which canonical field, overriding the
//! built-in aliases. `pc-onboard mapping` writes one to edit.

use crate::error::{Error, Result};
use crate::model::Field;
use crate::read::headers::ColumnUse;
use crate::read::SourceInfo;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    columns: BTreeMap<String, String>,
}

/// Reads a mapping file into header → field (None: ignore the column).
pub fn load(path: &Path) -> Result<HashMap<String, Option<Field>>> {
    let cfg_err = |message: String| Error::Config { path: path.to_owned(), message };
    let text =
        std::fs::read_to_string(path).map_err(|e| cfg_err(format!("cannot read the mapping file: {e}")))?;
    let file: MappingFile =
        toml::from_str(&text).map_err(|e| cfg_err(e.to_string().trim_end().to_string()))?;
    let mut out = HashMap::new();
    for (header, field) in file.columns {
        let f = match field.trim() {
            "" | "ignore" => None,
            name => Some(Field::from_name(name).ok_or_else(|| {
                cfg_err(format!(
                    "column '{header}' is mapped to '{name}', which is not a field; use one of: {}",
                    Field::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ")
                ))
            })?),
        };
        out.insert(header.trim().to_string(), f);
    }
    Ok(out)
}

/// The mapping entries that name a column no source has (a typo, or a column renamed since the
/// file was written), sorted. An entry matches a header as [`super::ColumnMap::build`] looks
/// it up: the header's trimmed text or its folded form.
pub fn unused(overrides: &HashMap<String, Option<Field>>, sources: &[SourceInfo]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    for h in sources.iter().flat_map(|s| &s.columns.headers) {
        seen.insert(h.trim().to_string());
        seen.insert(super::headers::fold(h));
    }
    let mut out: Vec<String> = overrides.keys().filter(|k| !seen.contains(*k)).cloned().collect();
    out.sort();
    out
}

/// A mapping file for the given sources, listing every column (unmapped ones as "").
pub fn render(sources: &[SourceInfo]) -> String {
    let mut s = String::from(
        "# pc-onboard column mapping. Edit the right-hand side, then run with --mapping FILE.\n\
         # A column mapped to \"\" is not read (it is still carried through to rejected_rows.csv).\n\
         # Fields: ",
    );
    s.push_str(&Field::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().join(", "));
    s.push_str("\n\n[columns]\n");
    let mut seen = std::collections::HashSet::new();
    for src in sources {
        let label = match &src.sheet {
            Some(sheet) => format!("{} [{}]", src.file_label(), sheet),
            None => src.file_label().into_owned(),
        };
        s.push_str(&format!("# {label}\n"));
        for (i, h) in src.columns.headers.iter().enumerate() {
            if !seen.insert(h.clone()) {
                continue;
            }
            let value = match &src.columns.uses[i] {
                ColumnUse::Field(f) => f.name(),
                _ => "",
            };
            s.push_str(&format!("{} = \"{value}\"\n", toml_key(h)));
        }
    }
    s
}

fn toml_key(h: &str) -> String {
    let escaped = h.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_file_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.toml");
        std::fs::write(&p, "[columns]\n\"Kunde\" = \"company_name\"\n\"Owner\" = \"\"\n").unwrap();
        let m = load(&p).unwrap();
        assert_eq!(m.get("Kunde"), Some(&Some(Field::CompanyName)));
        assert_eq!(m.get("Owner"), Some(&None));
        let src = crate::read::read_text_bytes(
            Path::new("in.csv"),
            b"Kunde,Owner,Country\nContoso GmbH,x,DE\n".to_vec(),
            &crate::read::ReadOptions {
                overrides: m.clone(),
                max_field_bytes: 1 << 20,
                ..Default::default()
            },
        )
        .unwrap()
        .0;
        assert!(unused(&m, std::slice::from_ref(&src)).is_empty());
        let mut typo = m.clone();
        typo.insert("Kudne".to_string(), Some(Field::CompanyName));
        assert_eq!(unused(&typo, &[src]), ["Kudne"]);
        std::fs::write(&p, "[columns]\n\"Kunde\" = \"firma\"\n").unwrap();
        let err = load(&p).unwrap_err().to_string();
        assert!(err.contains("'firma'") && err.contains("company_name"), "{err}");
    }
}
