//! The small commands: `rules` (the catalogue), `mapping` (how columns map), and what
//! `generate` reports.

use crate::cli::{Common, MappingArgs, RulesArgs};
use crate::config::Profile;
use crate::error::{Error, Result};
use crate::model::catalogue::RULES;
use crate::read::{self, headers::ColumnUse, ReadOptions};
use crate::write::AtomicFile;
use std::io::Write;

/// Prints the rule catalogue as a table, Markdown or JSON.
pub fn rules(args: &RulesArgs) -> Result<()> {
    let profile = match &args.config {
        Some(p) => Profile::load(p)?,
        None => Profile::default_profile(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let res = if args.json {
        let list: Vec<serde_json::Value> = RULES
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code,
                    "severity": profile.severity(r.id).as_str(),
                    "field": r.field,
                    "message": r.message,
                    "fix": r.fix,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &list)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else if args.markdown {
        render_markdown(&profile, &mut out)
    } else {
        render_table(&profile, &mut out)
    };
    match res {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|source| Error::Output { path: "<stdout>".into(), source }),
    }
}

fn render_table(profile: &Profile, out: &mut impl Write) -> std::io::Result<()> {
    let w = RULES.iter().map(|r| r.code.len()).max().unwrap_or(10);
    let fw = RULES.iter().map(|r| r.field.len()).max().unwrap_or(5);
    writeln!(out, "{:<w$}  {:<8}  {:<fw$}  MESSAGE / FIX", "CODE", "SEVERITY", "FIELD")?;
    for r in RULES {
        writeln!(
            out,
            "{:<w$}  {:<8}  {:<fw$}  {}",
            r.code,
            profile.severity(r.id).as_str(),
            r.field,
            r.message
        )?;
        writeln!(out, "{:<w$}  {:<8}  {:<fw$}  fix: {}", "", "", "", r.fix)?;
    }
    Ok(())
}

/// The catalogue as a Markdown table: `docs/rules.md` holds this output, and a test keeps the
/// two in step.
fn render_markdown(profile: &Profile, out: &mut impl Write) -> std::io::Result<()> {
    let cell = |s: &str| s.replace('|', "\\|");
    writeln!(out, "| code | severity | field | message | fix |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for r in RULES {
        writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            r.code,
            profile.severity(r.id).as_str(),
            r.field,
            cell(r.message),
            cell(r.fix)
        )?;
    }
    Ok(())
}

/// Shows how an input's columns map, and writes a mapping file to edit. An existing file is
/// kept unless `--force` says otherwise: it is most likely the user's edited mapping.
pub fn mapping(args: &MappingArgs, common: &Common) -> Result<()> {
    if !args.force && std::fs::symlink_metadata(&args.out).is_ok() {
        return Err(Error::Usage(format!(
            "{} already exists and may hold your edits; pass --force to overwrite it, or write \
             elsewhere with --out FILE",
            args.out.display()
        )));
    }
    let overrides = match &args.mapping {
        Some(p) => read::mapping::load(p)?,
        None => Default::default(),
    };
    let opts = ReadOptions {
        overrides,
        max_field_bytes: 1 << 20,
        max_sheet_cells: 50_000_000,
        ..Default::default()
    };
    let sources = read::open(&args.input, 0, &opts)?;
    let infos: Vec<read::SourceInfo> = sources.iter().map(|s| s.info().clone()).collect();
    if !common.quiet {
        print_stdout(&describe(&infos))?;
    }
    let mut f = AtomicFile::create(&args.out)?;
    f.write_all(read::mapping::render(&infos).as_bytes())
        .map_err(|source| Error::Output { path: args.out.clone(), source })?;
    f.commit()?;
    if !common.quiet {
        crate::say!("wrote {}; edit it and pass it with --mapping", args.out.display());
    }
    Ok(())
}

/// How each column of each source maps, as `mapping` prints it.
fn describe(infos: &[read::SourceInfo]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for info in infos {
        let sheet = info.sheet.as_ref().map(|s| format!(" [{s}]")).unwrap_or_default();
        let _ = writeln!(s, "{}{sheet} (header on row {}):", info.file_label(), info.header_row);
        let w = info.columns.headers.iter().map(|h| h.chars().count()).max().unwrap_or(0);
        for (i, h) in info.columns.headers.iter().enumerate() {
            let target = match &info.columns.uses[i] {
                ColumnUse::Field(f) => f.name().to_string(),
                ColumnUse::Shadowed(f) => format!("(not read: an earlier column feeds {})", f.name()),
                ColumnUse::Unknown => "(carried through)".to_string(),
            };
            let _ = writeln!(s, "  {h:<w$}  ->  {target}");
        }
        let missing: Vec<&str> = info.columns.missing_fields().iter().map(|f| f.name()).collect();
        if !missing.is_empty() {
            let _ = writeln!(s, "  no column for: {}", missing.join(", "));
        }
    }
    s
}

/// Prints to stdout; a reader that went away (`| head`) is not an error.
fn print_stdout(text: &str) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|source| Error::Output { path: "<stdout>".into(), source }),
    }
}

/// Prints what `generate` wrote, on stderr.
pub fn print_generated(r: &crate::generate::Report) {
    let pct = |n: u64| if r.rows == 0 { 0.0 } else { n as f64 * 100.0 / r.rows as f64 };
    crate::say!(
        "pc-onboard: generated {} rows ({} customers) in {:.2}s, {:.0} rows/s",
        r.rows,
        r.entities,
        r.seconds,
        r.rows as f64 / r.seconds.max(1e-9)
    );
    crate::say!(
        "  duplicates: {} rows ({:.1}%); look-alikes: {}; education: {}",
        r.duplicates,
        pct(r.duplicates),
        r.lookalikes,
        r.education
    );
    if r.export_rows > 0 {
        crate::say!(
            "  Partner Center export: {} customers, {} of them planted in the list ({} rows)",
            r.export_rows,
            r.existing_customers,
            r.existing_rows
        );
    }
    let faults: u64 = r.faults.values().sum();
    let detail: Vec<String> = r.faults.iter().map(|(f, n)| format!("{f} {n}")).collect();
    crate::say!("  planted faults: {faults} rows ({:.1}%): {}", pct(faults), detail.join(", "));
}
