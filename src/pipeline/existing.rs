//! Loading the Partner Center customer export(s) given with `--existing`, in whichever form
//! `read::pc` recognises.

use super::console::Console;
use crate::config::Profile;
use crate::error::{Error, Result};
use crate::matching::existing::{PcCustomer, PcIndex};
use crate::model::{Customer, Field, FieldSet, RawRow};
use crate::normalize;
use crate::read::pc::ExportSource;
use crate::read::{self, ColumnMap, ReadOptions};
use rayon::prelude::*;

/// Reads and indexes the exports.
pub fn load(
    files: &[std::path::PathBuf],
    opts: &ReadOptions,
    profile: &Profile,
    console: &Console,
) -> Result<PcIndex> {
    let mut customers = Vec::new();
    let mut sources = Vec::new();
    for file in files {
        if !file.is_file() {
            return Err(Error::input_file(file, "no such file (given with --existing)"));
        }
        // Numbered like the input sources (one per file or sheet), so `pos.source` indexes
        // `sources` even when a workbook has several sheets.
        console.working(&format!("reading the Partner Center export {}", file.display()));
        for src in read::pc::read(file, sources.len() as u32, opts)? {
            let ExportSource { info, kind, rows, known } = src;
            console.done(&format!(
                "read {} Partner Center customers from {}: {}",
                crate::report::numbers::count(rows.len() as u64),
                info.file_label(),
                kind.describe()
            ));
            customers.par_extend(
                rows.into_par_iter().zip(known).map(|(raw, known)| customer(&raw, known, &info.columns)),
            );
            sources.push(info);
        }
    }
    let mut index = PcIndex::new(customers, profile);
    index.sources = sources;
    Ok(index)
}

/// One customer of the export, normalised like an input row.
fn customer(raw: &RawRow, mut known: FieldSet, columns: &ColumnMap) -> PcCustomer {
    let norm = normalize::normalize(raw, columns);
    let mut customer = norm.customer;
    custom_domain_to_website(&mut customer, &mut known);
    let id = customer.get(Field::SourceId).to_string();
    PcCustomer { id, customer, country: norm.country, pos: raw.pos, known }
}

/// A primary domain that is not `*.onmicrosoft.com` (`contoso.com`, which the UI export shows
/// when the customer made its own domain primary) is no prefix: it is the company's own domain,
/// kept as its website, where matching reads it as the company's e-mail domain. The tenant's
/// prefix is then unknown, so it is neither compared nor reported as drift.
fn custom_domain_to_website(c: &mut Customer, known: &mut FieldSet) {
    let domain = c.get(Field::Domain);
    if !domain.contains('.') {
        return;
    }
    if c.get(Field::Website).is_empty() {
        let domain = domain.to_string();
        c.set(Field::Website, &domain);
        known.insert(Field::Website);
    }
    c.set(Field::Domain, "");
    known.remove(Field::Domain);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_primary_domain_is_the_website_not_a_prefix() {
        let cases = [
            // (domain, website before) → (prefix, website)
            (("contoso", ""), ("contoso", "")),
            (("contoso.com", ""), ("", "contoso.com")),
            (("contoso.co.uk", "www.contoso.com"), ("", "www.contoso.com")),
            (("", ""), ("", "")),
        ];
        for ((domain, website), (prefix, site)) in cases {
            let mut c = Customer::from_values(Field::ALL.iter().map(|_| ""));
            c.set(Field::Domain, domain);
            c.set(Field::Website, website);
            let mut known = FieldSet::EMPTY.with(Field::Domain);
            custom_domain_to_website(&mut c, &mut known);
            assert_eq!((c.get(Field::Domain), c.get(Field::Website)), (prefix, site), "{domain}");
            assert_eq!(known.contains(Field::Domain), !prefix.is_empty() || domain.is_empty(), "{domain}");
        }
    }
}
