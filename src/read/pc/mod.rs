//! Partner Center customer exports for `--existing`, in the forms partners have, told apart by
//! their content (no mapping file): the UI export (Customers → Export customers), PowerShell's
//! `Get-PartnerCustomer | Export-Csv`, the REST API's Customer resources as JSON, and any richer
//! CSV or workbook. Each source is read whole, with what each customer's record carries.

mod columns;
mod json;
mod resource;

use super::{ReadOptions, SourceInfo};
use crate::error::{Error, Position, Result};
use crate::model::{Cells, Field, FieldSet, RawRow, RowPos};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// Which kind of export a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Partner Center's Customers → Export customers: `Microsoft ID, Company name, Primary domain
    /// name, Relationship, Tags` (UTF-8 with BOM).
    UiExport,
    /// `Get-PartnerCustomer | Export-Csv` (the PartnerCenter PowerShell module's PSCustomer).
    PowerShell,
    /// Customer resources of the REST API, as JSON.
    RestJson,
    /// Any other table, its columns mapped by the usual aliases.
    Table,
}

impl Kind {
    /// The name written to summary.json.
    pub fn name(self) -> &'static str {
        match self {
            Kind::UiExport => "ui_export",
            Kind::PowerShell => "powershell_csv",
            Kind::RestJson => "rest_json",
            Kind::Table => "table",
        }
    }

    /// How it is said to the user.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::UiExport => "the Partner Center customer export (Customers → Export customers)",
            Kind::PowerShell => "PowerShell's Get-PartnerCustomer | Export-Csv",
            Kind::RestJson => "Partner Center Customer resources (JSON)",
            Kind::Table => "a customer table",
        }
    }
}

/// One source of an export (a file, or a sheet of a workbook), read whole.
pub struct ExportSource {
    /// The source; `format` is the kind's name.
    pub info: SourceInfo,
    /// Which kind of export it is.
    pub kind: Kind,
    /// The customers as read.
    pub rows: Vec<RawRow>,
    /// The fields each customer's record carries, by row (a column the source lacks, or a
    /// billing profile an answer did not include, is not known: never drift, never evidence).
    pub known: Vec<FieldSet>,
}

/// Headers of the two CSV files Partner Center's own tools write that the usual aliases do not
/// read as they should. The others already map: `Company name`, `Primary domain name`; and
/// PowerShell's PSCustomer properties (Partner-Center-PowerShell,
/// `src/PowerShell/Models/Customers/PSCustomer.cs`) `CustomerId`, `Domain`, `Name`. Only exact
/// headers are named, so a richer table's columns map as they always did.
const TOOL_HEADERS: &[(&str, Option<Field>)] = &[
    ("Microsoft ID", Some(Field::SourceId)),
    ("Relationship", None),
    ("Tags", None),
    ("RelationshipToPartner", None),
    ("AllowDelegatedAccess", None),
    ("AssociatedPartnerId", None),
    ("BillingProfile", None),
    ("CommerceId", None),
];

/// The header overrides for export tables.
fn tool_overrides() -> HashMap<String, Option<Field>> {
    TOOL_HEADERS.iter().map(|(header, field)| ((*header).to_string(), *field)).collect()
}

/// The kind of a table, from its headers.
fn kind_of(headers: &[String]) -> Kind {
    let has = |name: &str| headers.iter().any(|h| h.trim().eq_ignore_ascii_case(name));
    if has("Microsoft ID") && has("Primary domain name") {
        Kind::UiExport
    } else if has("CustomerId") && has("Domain") && has("Name") && has("RelationshipToPartner") {
        Kind::PowerShell
    } else {
        Kind::Table
    }
}

/// Whether a file holds JSON: by its ending, or (any text file) by its first character.
fn is_json(path: &Path) -> Result<bool> {
    let ext = super::extension(path);
    if matches!(ext.as_str(), "json" | "jsonl" | "ndjson") {
        return Ok(true);
    }
    if super::SHEET_EXTENSIONS.contains(&ext.as_str()) {
        return Ok(false);
    }
    let mut head = Vec::with_capacity(512);
    let file = std::fs::File::open(path)
        .map_err(|e| Error::input_file(path, format!("cannot read the file: {e}")))?;
    file.take(512)
        .read_to_end(&mut head)
        .map_err(|e| Error::input_file(path, format!("cannot read the file: {e}")))?;
    Ok(starts_like_json(&head))
}

/// A text whose first character (after a byte-order mark and white space) opens an object or an
/// array; no customer table starts so.
fn starts_like_json(head: &[u8]) -> bool {
    let (text, _) = match encoding_rs::Encoding::for_bom(head) {
        Some((enc, _)) => enc.decode_with_bom_removal(head),
        None => (String::from_utf8_lossy(head), false),
    };
    matches!(text.trim_start().chars().next(), Some('{' | '['))
}

/// Reads an export file: one source per CSV or JSON file, one per sheet of a workbook.
/// `first_index` numbers the first source.
pub fn read(path: &Path, first_index: u32, opts: &ReadOptions) -> Result<Vec<ExportSource>> {
    if is_json(path)? {
        return Ok(vec![read_json(path, first_index, opts)?]);
    }
    let opts = ReadOptions { overrides: tool_overrides(), sheets: Vec::new(), ..opts.clone() };
    let mut out = Vec::new();
    for mut src in super::open(path, first_index, &opts)? {
        let mut rows = Vec::new();
        while src.next_chunk(8192, &mut rows)? {}
        let mut info = src.info().clone();
        let kind = kind_of(&info.columns.headers);
        if kind == Kind::Table && info.columns.column(Field::Domain).is_none() {
            return Err(Error::input(
                Position {
                    file: path.to_owned(),
                    sheet: info.sheet.clone(),
                    row: Some(info.header_row),
                    column: None,
                },
                "the Partner Center export has no domain column (expected e.g. 'Primary Domain Name' or \
                 'Domain'); export the customer list from Partner Center (Customers → Export customers), \
                 or give the REST API's customers as JSON",
            ));
        }
        let known: FieldSet =
            Field::ALL.iter().copied().filter(|f| info.columns.column(*f).is_some()).collect();
        if kind == Kind::PowerShell {
            info.notes.extend(ascii_note(&rows, &info));
        }
        info.notes.push(format!("read as {}", kind.describe()));
        info.format = kind.name().to_string();
        let known = vec![known; rows.len()];
        out.push(ExportSource { info, kind, rows, known });
    }
    Ok(out)
}

/// Windows PowerShell 5.1's Export-Csv writes ASCII unless told otherwise: every other letter
/// becomes `?`. Names with `?` are then compared as written; the user should know why.
fn ascii_note(rows: &[RawRow], info: &SourceInfo) -> Option<String> {
    let col = info.columns.column(Field::CompanyName)?;
    let n = rows.iter().filter(|r| r.cells.get(col).is_some_and(|c| c.contains('?'))).count();
    (n > 0).then(|| {
        format!(
            "{n} company name(s) hold '?': Windows PowerShell's Export-Csv writes ASCII by default and \
             puts '?' for every other letter. Export again with `Export-Csv -Encoding UTF8` for exact names"
        )
    })
}

/// Reads a JSON file of Customer resources as one source.
fn read_json(path: &Path, source: u32, opts: &ReadOptions) -> Result<ExportSource> {
    Ok(json_source(path, json::read(path)?, source, opts))
}

/// Reads Customer resources from memory, for fuzzing and tools: the source, or the input error.
pub fn read_json_bytes(name: &Path, bytes: &[u8], opts: &ReadOptions) -> Result<ExportSource> {
    Ok(json_source(name, json::read_from(name, bytes)?, 0, opts))
}

/// The source made of the customers read from a JSON file, with the line each starts on.
fn json_source(
    path: &Path,
    customers: Vec<(u64, resource::Customer)>,
    source: u32,
    opts: &ReadOptions,
) -> ExportSource {
    // Only the columns some customer carries, so that a list page (no billing profiles) has no
    // address columns at all.
    let columns: Vec<&columns::Column> =
        columns::COLUMNS.iter().filter(|c| customers.iter().any(|(_, x)| (c.value)(x).is_some())).collect();
    let headers: Vec<String> = columns.iter().map(|c| c.header.to_string()).collect();
    let overrides: HashMap<String, Option<Field>> =
        columns.iter().map(|c| (c.header.to_string(), Some(c.field))).collect();
    let max = opts.max_field_bytes.max(1024);
    let mut rows = Vec::with_capacity(customers.len());
    let mut known = Vec::with_capacity(customers.len());
    let mut with_billing = 0;
    for (line, c) in &customers {
        let cells = Cells::from_values(
            columns.iter().map(|col| super::cut((col.value)(c).unwrap_or("").trim(), max)),
        );
        rows.push(RawRow { pos: RowPos { source, row: *line }, cells, malformed: None });
        known.push(c.known());
        with_billing += usize::from(c.billing_profile.is_some());
    }
    let kind = Kind::RestJson;
    let info = SourceInfo {
        file: path.to_owned(),
        sheet: None,
        format: kind.name().to_string(),
        encoding: None,
        delimiter: None,
        header_row: 0,
        columns: super::ColumnMap::build(&headers, &overrides),
        rows: rows.len() as u64,
        blank_rows: 0,
        notes: vec![format!(
            "read as {}: {} customers, {with_billing} with a billing profile; rows are the lines where \
             each customer's object starts",
            kind.describe(),
            rows.len()
        )],
    };
    ExportSource { info, kind, rows, known }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(s: &str) -> Vec<String> {
        s.split(',').map(str::to_string).collect()
    }

    #[test]
    fn kinds_are_told_by_headers() {
        let cases = [
            ("Microsoft ID,Company name,Primary domain name,Relationship,Tags", Kind::UiExport),
            (
                "AllowDelegatedAccess,AssociatedPartnerId,BillingProfile,CommerceId,CustomerId,Domain,Name,RelationshipToPartner",
                Kind::PowerShell,
            ),
            ("Customer ID,Company Name,Primary Domain Name,Country/Region", Kind::Table),
            ("Name,Domain", Kind::Table),
        ];
        for (h, want) in cases {
            assert_eq!(kind_of(&headers(h)), want, "{h}");
        }
    }

    #[test]
    fn the_tools_columns_map_to_their_fields() {
        let cases: &[(&str, &[Option<Field>])] = &[
            (
                "Microsoft ID,Company name,Primary domain name,Relationship,Tags",
                &[Some(Field::SourceId), Some(Field::CompanyName), Some(Field::Domain), None, None],
            ),
            (
                "AllowDelegatedAccess,AssociatedPartnerId,BillingProfile,CommerceId,CustomerId,Domain,Name,RelationshipToPartner",
                &[None, None, None, None, Some(Field::SourceId), Some(Field::Domain), Some(Field::CompanyName), None],
            ),
        ];
        for (h, want) in cases {
            let map = super::super::ColumnMap::build(&headers(h), &tool_overrides());
            let got: Vec<Option<Field>> = (0..want.len())
                .map(|i| match map.uses[i] {
                    super::super::headers::ColumnUse::Field(f) => Some(f),
                    _ => None,
                })
                .collect();
            assert_eq!(got, *want, "{h}");
        }
    }

    #[test]
    fn json_is_told_by_its_first_character() {
        let cases: &[(&[u8], bool)] = &[
            (b"  \n{\"items\": []}", true),
            (b"[{\"id\": \"x\"}]", true),
            (b"\xEF\xBB\xBF{\"id\": 1}", true),
            (b"\xFF\xFE{\x00\"\x00", true),
            (b"\xEF\xBB\xBFMicrosoft ID,Company name", false),
            (b"#TYPE Microsoft.Store.PartnerCenter.PowerShell.Models.Customers.PSCustomer", false),
            (b"", false),
        ];
        for (head, want) in cases {
            assert_eq!(starts_like_json(head), *want, "{:?}", String::from_utf8_lossy(head));
        }
    }
}
