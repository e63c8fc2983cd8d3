//! The command line (clap derive), and its translation into a [`Config`] (`into_config`), so
//! that nothing past this module sees clap types.

use crate::config::{self, Config, Profile, WriteMode};
use crate::error::{Error, Result};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// The exit codes, as `--help` shows them (the README lists the same).
pub const EXIT_CODES: &str = "Exit codes: 0 the run completed (rejected rows are data, not failure); \
1 --fail-over was exceeded; 2 usage or configuration error; 3 an input could not be read; \
4 the outputs could not be written (disk full, no permission, another run on the same --out): \
the output folder keeps its previous set.";

/// Make a CSP partner's legacy customer lists ready for Microsoft Partner Center.
///
/// pc-onboard reads customer lists (CSV, TSV, Excel, OpenDocument), validates every row against
/// Partner Center's rules, finds duplicates and customers already in Partner Center, and writes
/// clean import files plus rejection reports that say what is wrong and how to fix it.
///
/// Start with:  pc-onboard run samples/legacy --existing samples/partner_center_export.csv --config samples/partner.toml
#[derive(Debug, Parser)]
#[command(name = "pc-onboard", version, about, long_about, max_term_width = 100, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub common: Common,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Common {
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print more detail (repeat for even more).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// Never show progress bars (they are shown only when stderr is a terminal anyway).
    #[arg(long, global = true)]
    pub no_progress: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate, match and route every row, and write every output into --out.
    ///
    /// Every input row ends up in exactly one outcome: duplicate, existing, rejected, education
    /// or clean. The files written are listed in docs/outputs.md; summary.json proves rows in = rows out.
    #[command(after_help = EXIT_CODES)]
    Run(RunArgs),
    /// Run the same checks but write only summary.json (for schedulers); like `run`, it
    /// replaces the folder's previous set as a whole.
    #[command(after_help = EXIT_CODES)]
    Check(RunArgs),
    /// Print the rule catalogue: code, severity, field, message and fix.
    Rules(RulesArgs),
    /// Show how each column of an input maps to a canonical field, and write a mapping file.
    Mapping(MappingArgs),
    /// Write a deterministic synthetic legacy list for demos, tests and benchmarks.
    ///
    /// The list has 23 CRM-style columns, companies from 50 countries (all 24
    /// registration-ID countries) in several scripts, faults of every rule family at known
    /// rates, duplicates (about 5% of rows) with realistic variations, look-alike companies and
    /// education institutions. --existing-out adds a Partner Center export in which about 6% of
    /// the listed customers already exist; --truth-out says, per row, what was planted. The same
    /// --seed and --rows give byte-identical files.
    Generate(GenerateArgs),
    /// Create the clean customers in Partner Center, then confirm their agreements.
    ///
    /// Reads OUT_DIR/clean/ (written by `run`): line N of customers.jsonl is sent as
    /// POST /v1/customers, then line N of agreements.jsonl (unless null) as
    /// POST /v1/customers/{id}/agreements. Without --yes it is a dry run: it prints every request
    /// it would send and sends nothing.
    ///
    /// Every event goes to OUT_DIR/push/journal.csv as it happens; running the same command again
    /// skips what is done and resends what is in doubt with the same MS-RequestId, so a customer
    /// is never created twice. OUT_DIR/push/results.csv maps every clean line to its customer ID
    /// or its error; errors.csv lists the lines to fix, with Partner Center's code, the rule it
    /// matches and the fix.
    ///
    /// Credentials come from the environment (PC_ONBOARD_APP_ID, PC_ONBOARD_TENANT,
    /// PC_ONBOARD_APP_SECRET, PC_ONBOARD_REFRESH_TOKEN) or the secrets file the profile names,
    /// never from the command line. Exit codes: 0 every line done, 1 some refused or still to
    /// send, 2 usage or credentials missing, 3 the clean folder or journal unreadable, 5 Partner
    /// Center or the token endpoint refused or could not be reached (rerun to resume).
    Push(PushArgs),
    /// Download the current Partner Center customers as JSON lines for `run --existing`.
    ///
    /// Pages through GET /v1/customers and writes one Customer resource per line; with
    /// --billing-profiles each carries its billingProfile (one more request per customer, within
    /// the same 500-a-minute pace). The file appears only when complete. Credentials as for push.
    /// Exit codes: 0 done, 1 some billing profiles missing, 2 usage, 5 refused or unreachable.
    Pull(PullArgs),
}

/// Options of `run` and `check`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Input files or folders (a folder means every .csv, .tsv, .txt, .xlsx, .xlsm, .xlsb, .xls
    /// and .ods file inside it, in name order).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Partner Center's customers; rows that are one of them are routed to relationship requests
    /// instead of being created. Repeatable. Read without a mapping file, told by their content:
    /// the UI export (Customers → Export customers, CSV), PowerShell's `Get-PartnerCustomer |
    /// Export-Csv`, the REST API's Customer resources as JSON (a GET /v1/customers page, an array
    /// or JSON lines, with billing profiles where present), or any CSV/XLSX with a company-name and
    /// a domain column (and customer ID, country, address, registration ID, e-mail where present).
    /// What each brings: docs/existing-customers.md.
    #[arg(short, long, value_name = "FILE")]
    pub existing: Vec<PathBuf>,
    /// The partner profile (TOML): partner type, own e-mail domains, severity overrides. Values
    /// it leaves out keep their defaults (see docs/configuration.md).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// A column-mapping file (TOML) written by `pc-onboard mapping` and edited; it overrides the
    /// built-in column aliases.
    #[arg(short, long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// The output folder; created if missing. The run writes its whole set beside it and swaps
    /// it in when complete, so the folder always holds one complete set (the previous one until
    /// then); files in it that pc-onboard did not write are kept.
    #[arg(short, long, value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,
    /// Worker threads for validation (default: one per core). Outputs are identical whatever
    /// the number.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Exit with code 1 when more than PCT percent of the rows are rejected.
    #[arg(long, value_name = "PCT")]
    pub fail_over: Option<f64>,
    /// Check agreement dates against this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<chrono::NaiveDate>,
    /// Compare with an earlier run's output folder: new and fixed findings, changed counts and
    /// new and fixed drift from Partner Center go into summary.json, report.xlsx and
    /// report.html. It may be the --out folder itself; it is read before anything is written.
    #[arg(long, value_name = "DIR")]
    pub baseline: Option<PathBuf>,
    /// Mask e-mail local parts, phone digits (all but the country code and the last 2) and
    /// registration IDs (all but the last 3) in the reports for people (report.xlsx,
    /// report.html, rejections/, duplicates.csv, relationship_requests.csv), for reports sent
    /// outside the partner. The clean files, summary.json and Parquet stay exact.
    #[arg(long)]
    pub redact: bool,
    /// Also write, for each value of COLUMN (a reseller, an owner, a region), a folder under
    /// partners/ with that value's own report.html, report.xlsx and rejected_rows.csv holding only
    /// its rows, and partners/index.csv and index.html listing them. COLUMN is a header of the
    /// input ("Reseller Tenant ID") or a canonical field name (associated_partner_id). `run` only.
    /// See docs/partners.md.
    #[arg(long, value_name = "COLUMN")]
    pub report_per: Option<String>,
    /// Write only these kinds of output, comma-separated: csv (clean rows, education,
    /// relationship requests, duplicates, review, findings, rejected rows), json (the request
    /// bodies in clean/), xlsx (report.xlsx), html (report.html), reconciliation. Default: all.
    /// summary.json is always written. A nightly data-quality run needs `--outputs csv`, which
    /// skips the reports for people and the request bodies, about half the write time
    /// (docs/nightly-runs.md).
    #[arg(long, value_name = "KINDS", value_delimiter = ',', value_parser = config::OutputKind::parse)]
    pub outputs: Vec<config::OutputKind>,
    /// Also write customers.parquet (the clean rows) and findings.parquet, for data lakes.
    /// Needs a build with the `parquet` feature (cargo build --release --features parquet).
    #[arg(long)]
    pub parquet: bool,
}

/// Options of `push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// The output folder of `pc-onboard run` (its clean/ holds what to send; push/ is written
    /// next to it).
    #[arg(value_name = "OUT_DIR")]
    pub out_dir: PathBuf,
    /// Send for real. Without it, push only prints what it would send.
    #[arg(long)]
    pub yes: bool,
    /// Also send again the requests Partner Center refused in an earlier run (after fixing
    /// permissions, say); by default a refused request stays refused until its row changes.
    #[arg(long)]
    pub retry_failed: bool,
    /// The partner profile (TOML) with the [partner_center] settings (API and token URLs,
    /// tenant, app ID, secrets file, pace).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Options of `pull`.
#[derive(Debug, Args)]
pub struct PullArgs {
    /// The file to write (JSON lines of Customer resources; give it to `run --existing`).
    #[arg(short, long, value_name = "FILE")]
    pub out: PathBuf,
    /// Fetch each customer's billing profile (address, contact) into its line.
    #[arg(long)]
    pub billing_profiles: bool,
    /// The partner profile (TOML) with the [partner_center] settings.
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

impl PushArgs {
    /// Resolves the options of `push` into a [`Config`].
    pub fn into_config(self, common: &Common) -> Result<Config> {
        let mut cfg = api_config(self.config.as_deref(), common)?;
        cfg.out_dir = self.out_dir;
        cfg.api.send = self.yes;
        cfg.api.retry_failed = self.retry_failed;
        Ok(cfg)
    }
}

impl PullArgs {
    /// Resolves the options of `pull` into a [`Config`].
    pub fn into_config(self, common: &Common) -> Result<Config> {
        let mut cfg = api_config(self.config.as_deref(), common)?;
        cfg.api.pull_out = self.out;
        cfg.api.billing_profiles = self.billing_profiles;
        Ok(cfg)
    }
}

/// The configuration `push` and `pull` share: the profile and the console options.
fn api_config(profile: Option<&std::path::Path>, common: &Common) -> Result<Config> {
    let mut cfg = Config::new(Vec::new());
    if let Some(path) = profile {
        cfg.profile = Profile::load(path)?;
    }
    cfg.progress = !common.no_progress && !common.quiet;
    cfg.quiet = common.quiet;
    cfg.verbose = common.verbose;
    Ok(cfg)
}

/// Options of `rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print JSON instead of a table.
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print a Markdown table (the one in docs/rules.md).
    #[arg(long)]
    pub markdown: bool,
    /// Show severities as the profile sets them.
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Options of `mapping`.
#[derive(Debug, Args)]
pub struct MappingArgs {
    /// The input file to inspect.
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// Where to write the mapping file.
    #[arg(short, long, value_name = "FILE", default_value = "mapping.toml")]
    pub out: PathBuf,
    /// Start from an existing mapping file instead of the built-in aliases.
    #[arg(short, long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Overwrite --out when it exists (it is refused otherwise: it may hold your edits).
    #[arg(long)]
    pub force: bool,
}

/// Options of `generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Data rows to write (the header comes on top).
    #[arg(long, value_name = "N")]
    pub rows: u64,
    /// The seed: the same seed and row count give byte-identical files.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// The legacy list to write: CSV, or a workbook when the name ends in .xlsx.
    #[arg(short, long, value_name = "FILE")]
    pub out: PathBuf,
    /// Also write a Partner Center customer export (for `run --existing`), CSV or .xlsx.
    #[arg(long, value_name = "FILE")]
    pub existing_out: Option<PathBuf>,
    /// About how many customers the export holds (default: a tenth of --rows, at least 10).
    #[arg(long, value_name = "N", requires = "existing_out")]
    pub existing_rows: Option<u64>,
    /// Also write the truth (CSV): per row its entity, the row it duplicates, its Partner
    /// Center customer ID, its planted fault and variations.
    #[arg(long, value_name = "FILE")]
    pub truth_out: Option<PathBuf>,
}

impl GenerateArgs {
    /// The generator's options.
    pub fn into_options(self) -> crate::generate::Options {
        crate::generate::Options {
            rows: self.rows,
            seed: self.seed,
            out: self.out,
            existing_out: self.existing_out,
            existing_rows: self.existing_rows,
            truth_out: self.truth_out,
        }
    }
}

impl RunArgs {
    /// Resolves the options of `run`/`check` into a [`Config`].
    pub fn into_config(self, common: &Common, write: WriteMode) -> Result<Config> {
        let profile = match &self.config {
            Some(path) => Profile::load(path)?,
            None => Profile::default_profile(),
        };
        if self.parquet && !cfg!(feature = "parquet") {
            return Err(Error::Usage(
                "--parquet: this build has no Parquet support; build with `cargo build --release --features parquet`"
                    .into(),
            ));
        }
        if write == WriteMode::SummaryOnly && !self.outputs.is_empty() {
            return Err(Error::Usage(
                "--outputs: `check` writes only summary.json; choose outputs with `run`".into(),
            ));
        }
        if let Some(column) = &self.report_per {
            if write == WriteMode::SummaryOnly {
                return Err(Error::Usage(
                    "--report-per: `check` writes only summary.json; per-partner reports need `run`".into(),
                ));
            }
            if column.trim().is_empty() {
                return Err(Error::Usage(
                    "--report-per: give the header of the column to split the list by".into(),
                ));
            }
        }
        let fail_over = self.fail_over.or(profile.fail_over);
        if let Some(pct) = fail_over {
            config::check_percent(pct).map_err(Error::Usage)?;
        }
        let mut cfg = Config::new(self.inputs);
        cfg.existing = self.existing;
        cfg.out_dir = self.out;
        cfg.jobs = self.jobs.map(usize::from);
        cfg.mapping = self.mapping;
        cfg.profile = profile;
        cfg.write = write;
        cfg.fail_over = fail_over;
        if let Some(today) = self.today {
            cfg.today = today;
        }
        cfg.baseline = self.baseline;
        cfg.redact = self.redact;
        cfg.parquet = self.parquet;
        cfg.outputs = config::Outputs::only(self.outputs);
        cfg.report_per = self.report_per;
        cfg.progress = !common.no_progress && !common.quiet;
        cfg.quiet = common.quiet;
        cfg.verbose = common.verbose;
        Ok(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_flag_has_help() {
        for sub in Cli::command().get_subcommands() {
            for arg in sub.get_arguments() {
                assert!(arg.get_help().is_some(), "{} --{} has no help", sub.get_name(), arg.get_id());
            }
        }
    }
}
