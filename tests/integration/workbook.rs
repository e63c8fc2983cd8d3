//! Reading report.xlsx back: its sheets through calamine, and what calamine does not expose
//! (cell styles, notes, formulas as written) from the XML inside the zip.

use calamine::{open_workbook_auto, Data, Reader};
use regex::Regex;
use std::io::Read;
use std::path::Path;

/// One sheet's cells as text, header row first.
pub type Grid = Vec<Vec<String>>;

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        other => other.to_string(),
    }
}

/// Every sheet, in workbook order.
pub fn sheets(path: &Path) -> Vec<(String, Grid)> {
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let grid = range.rows().map(|r| r.iter().map(text).collect()).collect();
            (n, grid)
        })
        .collect()
}

/// The sheet's formulas that are not empty (calamine reads them as written in the file).
pub fn formulas(path: &Path) -> Vec<String> {
    let mut wb = open_workbook_auto(path).unwrap();
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .flat_map(|n| {
            let r = wb.worksheet_formula(&n).unwrap();
            r.used_cells().map(|(row, col, f)| format!("{n}!{row}:{col} {f}")).collect::<Vec<_>>()
        })
        .filter(|f| !f.ends_with(' '))
        .collect()
}

/// A part of the zip, as text.
pub fn part(path: &Path, name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut f = zip.by_name(name).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    Some(s)
}

/// Every part's name.
pub fn part_names(path: &Path) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    zip.file_names().map(|n| n.expect("a part name").into_owned()).collect()
}

fn capture(re: &str, hay: &str) -> Option<String> {
    Regex::new(re).unwrap().captures(hay).map(|c| c[1].to_string())
}

/// The worksheet part of a sheet (`xl/worksheets/sheetN.xml`).
pub fn sheet_part(path: &Path, sheet: &str) -> String {
    let wb = part(path, "xl/workbook.xml").unwrap();
    let rid =
        capture(&format!(r#"<sheet name="{}" sheetId="\d+" r:id="(rId\d+)""#, regex::escape(sheet)), &wb)
            .unwrap_or_else(|| panic!("no sheet {sheet}"));
    let rels = part(path, "xl/_rels/workbook.xml.rels").unwrap();
    let target = capture(&format!(r#"Id="{rid}" Type="[^"]+" Target="([^"]+)""#), &rels).unwrap();
    format!("xl/{target}")
}

/// The fill colour (ARGB) of a cell, or None when it has no fill.
pub fn cell_fill(path: &Path, sheet: &str, cell: &str) -> Option<String> {
    let xml = part(path, &sheet_part(path, sheet)).unwrap();
    let style: usize = capture(&format!(r#"<c r="{cell}" s="(\d+)""#), &xml)?.parse().unwrap();
    let styles = part(path, "xl/styles.xml").unwrap();
    let xfs = capture(r"(?s)<cellXfs[^>]*>(.*?)</cellXfs>", &styles).unwrap();
    let xf = Regex::new(r"<xf [^>]*>").unwrap().find_iter(&xfs).nth(style).unwrap().as_str().to_string();
    let fill: usize = capture(r#"fillId="(\d+)""#, &xf)?.parse().unwrap();
    let fills = capture(r"(?s)<fills[^>]*>(.*?)</fills>", &styles).unwrap();
    let f = Regex::new(r"(?s)<fill>.*?</fill>")
        .unwrap()
        .find_iter(&fills)
        .nth(fill)
        .unwrap()
        .as_str()
        .to_string();
    capture(r#"fgColor rgb="([0-9A-F]+)""#, &f)
}

/// The notes of a sheet: (cell, text).
pub fn notes(path: &Path, sheet: &str) -> Vec<(String, String)> {
    let sheet_xml = sheet_part(path, sheet);
    let rels_name = sheet_xml.replace("worksheets/", "worksheets/_rels/") + ".rels";
    let Some(rels) = part(path, &rels_name) else { return Vec::new() };
    let Some(target) = capture(r#"Target="\.\./(comments\d+\.xml)""#, &rels) else { return Vec::new() };
    let xml = part(path, &format!("xl/{target}")).unwrap();
    let re = Regex::new(r#"(?s)<comment ref="([A-Z]+\d+)"[^>]*>(.*?)</comment>"#).unwrap();
    let t = Regex::new(r"(?s)<t[^>]*>(.*?)</t>").unwrap();
    re.captures_iter(&xml)
        .map(|c| {
            let text: String = t.captures_iter(&c[2]).map(|x| x[1].to_string()).collect();
            (c[1].to_string(), text)
        })
        .collect()
}

/// The A1 name of a 0-based cell.
pub fn a1(row: usize, col: usize) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        let r = (c - 1) % 26;
        letters.insert(0, (b'A' + r as u8) as char);
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}
