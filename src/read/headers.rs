//! Column headers: folding, alias lookup, header-row detection and the column map.

use crate::model::Field;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Folds a header for comparison: lower case, letters and digits only.
pub fn fold(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Prefixes CRM exports put before field names ("Billing City", "Primary Contact Email").
const PREFIXES: &[&str] = &[
    "billing",
    "mailing",
    "primary",
    "main",
    "customer",
    "company",
    "account",
    "address1",
    "contact",
    "registered",
    "legal",
    "business",
    "organization",
    "organisation",
    "shipping",
];

fn alias_index() -> &'static HashMap<&'static str, Field> {
    static INDEX: OnceLock<HashMap<&'static str, Field>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = HashMap::new();
        for f in Field::ALL {
            for a in f.aliases() {
                m.entry(*a).or_insert(*f);
            }
        }
        m
    })
}

/// How well a header names a field: exact alias, or alias after stripping CRM prefixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// The folded header is an alias.
    Exact,
    /// The folded header is an alias once prefixes such as "Billing" are removed.
    Prefixed,
}

/// The canonical field a header names, if any.
pub fn field_for_header(header: &str) -> Option<(Field, MatchKind)> {
    let folded = fold(header);
    if folded.is_empty() {
        return None;
    }
    let index = alias_index();
    if let Some(f) = index.get(folded.as_str()) {
        return Some((*f, MatchKind::Exact));
    }
    let mut rest = folded.as_str();
    loop {
        let stripped = PREFIXES.iter().find_map(|p| rest.strip_prefix(p));
        match stripped {
            Some(r) if !r.is_empty() => {
                rest = r;
                if let Some(f) = index.get(rest) {
                    return Some((*f, MatchKind::Prefixed));
                }
            }
            _ => return None,
        }
    }
}

/// What one input column is used for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnUse {
    /// Feeds a canonical field.
    Field(Field),
    /// Not a canonical field; carried through to the fix-and-resubmit file.
    Unknown,
    /// Would name a field that an earlier column already feeds.
    Shadowed(Field),
}

/// How a source's columns map to canonical fields.
#[derive(Clone, Debug)]
pub struct ColumnMap {
    /// The header text of each column.
    pub headers: Vec<String>,
    /// What each column is used for, by column index.
    pub uses: Vec<ColumnUse>,
    /// The column feeding each field, indexed by `Field::index()`.
    pub by_field: Vec<Option<usize>>,
}

impl ColumnMap {
    /// Maps headers by alias, with `overrides` (header text → field, or None to ignore) first.
    pub fn build(headers: &[String], overrides: &HashMap<String, Option<Field>>) -> ColumnMap {
        let mut candidates: Vec<(usize, Field, u8)> = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            let over = overrides.get(h.trim()).or_else(|| overrides.get(&fold(h)));
            let hit = match over {
                Some(Some(f)) => Some((*f, 0)),
                Some(None) => None,
                None => field_for_header(h).map(|(f, k)| (f, if k == MatchKind::Exact { 1 } else { 2 })),
            };
            if let Some((f, rank)) = hit {
                candidates.push((i, f, rank));
            }
        }
        let mut by_field = vec![None; Field::COUNT];
        let mut uses = vec![ColumnUse::Unknown; headers.len()];
        // Better matches first (override, exact, prefixed), then leftmost column.
        let mut order = candidates.clone();
        order.sort_by_key(|&(i, _, rank)| (rank, i));
        for (i, f, _) in order {
            if by_field[f.index()].is_none() {
                by_field[f.index()] = Some(i);
                uses[i] = ColumnUse::Field(f);
            } else {
                uses[i] = ColumnUse::Shadowed(f);
            }
        }
        ColumnMap { headers: headers.to_vec(), uses, by_field }
    }

    /// The column feeding `field`, if any.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.by_field[field.index()]
    }

    /// Canonical fields that no column feeds.
    pub fn missing_fields(&self) -> Vec<Field> {
        Field::ALL.iter().copied().filter(|f| self.column(*f).is_none()).collect()
    }
}

/// How many distinct canonical fields a row's cells name (used to find the header row).
pub fn header_score(cells: &[String]) -> usize {
    let mut seen = [false; Field::COUNT];
    let mut n = 0;
    for c in cells {
        if c.len() > 80 {
            continue;
        }
        if let Some((f, _)) = field_for_header(c) {
            if !seen[f.index()] {
                seen[f.index()] = true;
                n += 1;
            }
        }
    }
    n
}

/// Index of the header row among the first rows: the first that names at least two fields
/// (or, failing that, the first that names one).
pub fn detect_header(rows: &[Vec<String>]) -> Option<usize> {
    rows.iter().position(|r| header_score(r) >= 2).or_else(|| rows.iter().position(|r| header_score(r) >= 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_from_common_crm_exports_map() {
        let cases: &[(&str, Option<Field>)] = &[
            ("Company", Some(Field::CompanyName)),
            ("Company Name", Some(Field::CompanyName)),
            ("Legal Name", Some(Field::CompanyName)),
            ("Organisation", Some(Field::CompanyName)),
            ("Account Name", Some(Field::CompanyName)),
            ("Zip", Some(Field::PostalCode)),
            ("Postcode", Some(Field::PostalCode)),
            ("Postal Code", Some(Field::PostalCode)),
            ("Billing Zip/Postal Code", Some(Field::PostalCode)),
            ("Address 1: ZIP/Postal Code", Some(Field::PostalCode)),
            ("Tax ID", Some(Field::RegistrationId)),
            ("VAT", Some(Field::RegistrationId)),
            ("INN", Some(Field::RegistrationId)),
            ("Registration Number", Some(Field::RegistrationId)),
            ("Billing Street", Some(Field::AddressLine1)),
            ("Address 1: Street 1", Some(Field::AddressLine1)),
            ("Billing State/Province", Some(Field::State)),
            ("State/Region", Some(Field::State)),
            ("Country/Region", Some(Field::Country)),
            ("Primary Contact Email", Some(Field::ContactEmail)),
            ("E-mail", Some(Field::ContactEmail)),
            ("Main Phone", Some(Field::ContactPhone)),
            ("Record ID", Some(Field::SourceId)),
            ("Company Domain Name", Some(Field::Website)),
            ("Account Owner", None),
            ("Lifecycle Stage", None),
            ("", None),
        ];
        for (h, want) in cases {
            assert_eq!(field_for_header(h).map(|x| x.0), *want, "header {h:?}");
        }
    }

    #[test]
    fn every_field_name_is_its_own_header() {
        for f in Field::ALL {
            assert_eq!(field_for_header(f.name()).map(|x| x.0), Some(*f), "{}", f.name());
        }
    }

    #[test]
    fn first_column_wins_and_exact_beats_prefixed() {
        let headers: Vec<String> =
            ["Shipping City", "City", "Email", "E-mail"].iter().map(|s| s.to_string()).collect();
        let map = ColumnMap::build(&headers, &HashMap::new());
        assert_eq!(map.column(Field::City), Some(1));
        assert_eq!(map.uses[0], ColumnUse::Shadowed(Field::City));
        assert_eq!(map.column(Field::ContactEmail), Some(2));
        assert_eq!(map.uses[3], ColumnUse::Shadowed(Field::ContactEmail));
    }

    #[test]
    fn overrides_win_and_can_ignore() {
        let headers: Vec<String> = ["Kunde", "Name"].iter().map(|s| s.to_string()).collect();
        let mut ov = HashMap::new();
        ov.insert("Kunde".to_string(), Some(Field::CompanyName));
        ov.insert("Name".to_string(), None);
        let map = ColumnMap::build(&headers, &ov);
        assert_eq!(map.column(Field::CompanyName), Some(0));
        assert_eq!(map.uses[1], ColumnUse::Unknown);
    }

    #[test]
    fn header_row_is_found_below_a_title() {
        let rows = vec![
            vec!["Accounts export".to_string()],
            vec![],
            vec!["Account Name".into(), "City".into(), "Country".into()],
        ];
        assert_eq!(detect_header(&rows), Some(2));
    }
}
