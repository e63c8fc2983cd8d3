//! The run's configuration: command-line options merged with the TOML partner profile.
//!
//! It knows nothing of clap: `cli` turns the command line into a [`Config`], which the rest of
//! the code reads.

pub mod api;
mod outputs;

pub use outputs::{OutputKind, Outputs};

use crate::error::{Error, Result};
use crate::model::catalogue::{RuleId, Severity, RULES};
use api::{ApiRun, ApiSettings};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The partner profile that ships with the tool; a `--config` file overrides any part of it.
pub const DEFAULT_PROFILE: &str = include_str!("../default_profile.toml");

/// Which kind of CSP partner runs the tool (it decides who can create customers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartnerType {
    /// Bills customers directly; can create customers.
    DirectBill,
    /// Indirect provider; can create customers for its resellers.
    IndirectProvider,
    /// Indirect reseller; cannot create customers, only request relationships.
    IndirectReseller,
}

/// The partner profile as written in TOML.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    #[serde(default)]
    partner: PartnerSection,
    #[serde(default)]
    agreement: AgreementSection,
    #[serde(default)]
    culture: CultureSection,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
    #[serde(default)]
    matching: MatchingSection,
    #[serde(default)]
    address: AddressSection,
    #[serde(default)]
    input: InputSection,
    #[serde(default)]
    run: RunSection,
    #[serde(default)]
    report: ReportSection,
    #[serde(default)]
    partner_center: api::Section,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnerSection {
    #[serde(rename = "type")]
    kind: Option<PartnerType>,
    email_domains: Option<Vec<String>>,
    associated_partner_id: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgreementSection {
    missing_is_error: Option<bool>,
    template_id: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CultureSection {
    preferred: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MatchingSection {
    /// Replaced by `match_threshold`; named here only to say so.
    name_threshold: Option<f64>,
    match_threshold: Option<f64>,
    review_threshold: Option<f64>,
    max_block_size: Option<usize>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AddressSection {
    state_required: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct InputSection {
    sheets: Option<Vec<String>>,
    max_field_bytes: Option<usize>,
    max_sheet_cells: Option<u64>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RunSection {
    fail_over: Option<f64>,
    gdap_default: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportSection {
    html_max_rows: Option<usize>,
    xlsx_max_rows: Option<usize>,
}

/// The partner profile, resolved: every value set.
#[derive(Clone, Debug)]
pub struct Profile {
    /// The partner's kind.
    pub partner_type: PartnerType,
    /// The partner's own e-mail domains (lower case); customer e-mails must not use them.
    pub email_domains: Vec<String>,
    /// An indirect provider's reseller for every row without one (its tenant ID, canonical).
    pub associated_partner_id: Option<String>,
    /// Whether a missing MCA attestation is an error (otherwise a warning).
    pub agreement_missing_is_error: bool,
    /// The Microsoft Customer Agreement's `templateId` for `clean/agreements.jsonl`.
    pub agreement_template_id: String,
    /// Cultures to use where Partner Center supports them for the country, in order.
    pub cultures: Vec<String>,
    /// The severity of each rule, indexed by `RuleId as usize`.
    pub severities: Vec<Severity>,
    /// Match probability (0..1) at or above which two records are the same customer.
    pub match_threshold: f64,
    /// Match probability at or above which a pair below `match_threshold` is listed for review.
    pub review_threshold: f64,
    /// Blocks larger than this are capped (and reported) during duplicate matching.
    pub max_block_size: usize,
    /// Countries (alpha-2) where a missing state is an error.
    pub state_required: Vec<String>,
    /// Only these sheets of a workbook are read (all sheets with a header when empty).
    pub sheets: Vec<String>,
    /// Largest field accepted, in bytes; a larger one makes the row `row.malformed`.
    pub max_field_bytes: usize,
    /// Largest sheet accepted, in declared cells; a larger one is an input error.
    pub max_sheet_cells: u64,
    /// Default `--fail-over` percentage, if any.
    pub fail_over: Option<f64>,
    /// `enableGDAPByDefault` when a row does not say.
    pub gdap_default: bool,
    /// Rejected rows embedded in report.html at most (the page says so when there are more).
    pub html_max_rows: usize,
    /// Data rows per sheet of report.xlsx at most (the sheet says so when there are more).
    pub xlsx_max_rows: usize,
    /// `push` and `pull`: the API, the token endpoint, the app, the pace.
    pub partner_center: ApiSettings,
}

impl Profile {
    /// The embedded default profile.
    pub fn default_profile() -> Profile {
        Profile::from_toml(DEFAULT_PROFILE, Path::new("<built-in profile>"), None)
            .expect("the built-in profile is valid")
    }

    /// Reads a profile file; values it leaves out come from the built-in profile.
    pub fn load(path: &Path) -> Result<Profile> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Config {
            path: path.to_owned(),
            message: format!("cannot read the configuration file: {e}"),
        })?;
        let base = Profile::default_profile();
        Profile::from_toml(&text, path, Some(base))
    }

    fn from_toml(text: &str, path: &Path, base: Option<Profile>) -> Result<Profile> {
        let file: ProfileFile = toml::from_str(text).map_err(|e| Error::Config {
            path: path.to_owned(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let cfg_err = |message: String| Error::Config { path: path.to_owned(), message };
        let base = base.unwrap_or_else(|| Profile {
            partner_type: PartnerType::DirectBill,
            email_domains: Vec::new(),
            associated_partner_id: None,
            agreement_missing_is_error: false,
            agreement_template_id: String::new(),
            cultures: Vec::new(),
            severities: RULES.iter().map(|r| r.severity).collect(),
            match_threshold: 0.9,
            review_threshold: 0.5,
            max_block_size: 50,
            state_required: Vec::new(),
            sheets: Vec::new(),
            max_field_bytes: 1 << 20,
            max_sheet_cells: 50_000_000,
            fail_over: None,
            gdap_default: true,
            html_max_rows: 10_000,
            xlsx_max_rows: 10_000,
            partner_center: ApiSettings::public_cloud(),
        });
        let mut p = Profile {
            partner_type: file.partner.kind.unwrap_or(base.partner_type),
            email_domains: file
                .partner
                .email_domains
                .map(|d| d.iter().map(|s| s.trim().trim_start_matches('@').to_lowercase()).collect())
                .unwrap_or(base.email_domains),
            associated_partner_id: match file.partner.associated_partner_id {
                Some(id) => Some(crate::normalize::tenant_id::tenant_id(&id).ok_or_else(|| {
                    cfg_err(format!("[partner] associated_partner_id '{id}' is not a tenant ID (a GUID)"))
                })?),
                None => base.associated_partner_id,
            },
            agreement_missing_is_error: file
                .agreement
                .missing_is_error
                .unwrap_or(base.agreement_missing_is_error),
            agreement_template_id: match file.agreement.template_id {
                Some(id) => crate::normalize::tenant_id::tenant_id(&id)
                    .ok_or_else(|| cfg_err(format!("[agreement] template_id '{id}' is not a GUID")))?,
                None => base.agreement_template_id,
            },
            cultures: file.culture.preferred.unwrap_or(base.cultures),
            severities: base.severities,
            match_threshold: file.matching.match_threshold.unwrap_or(base.match_threshold),
            review_threshold: file.matching.review_threshold.unwrap_or(base.review_threshold),
            max_block_size: file.matching.max_block_size.unwrap_or(base.max_block_size),
            state_required: file
                .address
                .state_required
                .map(|v| v.iter().map(|c| c.trim().to_ascii_uppercase()).collect())
                .unwrap_or(base.state_required),
            sheets: file.input.sheets.unwrap_or(base.sheets),
            max_field_bytes: file.input.max_field_bytes.unwrap_or(base.max_field_bytes),
            max_sheet_cells: file.input.max_sheet_cells.unwrap_or(base.max_sheet_cells),
            fail_over: file.run.fail_over.or(base.fail_over),
            gdap_default: file.run.gdap_default.unwrap_or(base.gdap_default),
            html_max_rows: file.report.html_max_rows.unwrap_or(base.html_max_rows),
            xlsx_max_rows: file.report.xlsx_max_rows.unwrap_or(base.xlsx_max_rows),
            partner_center: ApiSettings::apply(base.partner_center, file.partner_center, path)
                .map_err(cfg_err)?,
        };
        if p.agreement_missing_is_error {
            p.severities[RuleId::AgreementMissing as usize] = Severity::Error;
        }
        for (code, sev) in &file.severity {
            let id = RuleId::from_code(code).ok_or_else(|| {
                cfg_err(format!("[severity] names unknown rule '{code}'; `pc-onboard rules` lists the codes"))
            })?;
            p.severities[id as usize] = *sev;
        }
        if file.matching.name_threshold.is_some() {
            return Err(cfg_err(
                "[matching] name_threshold is no longer used: matching now gives each pair a match \
                 probability; set match_threshold (default 0.9) instead"
                    .into(),
            ));
        }
        for (key, v) in [("match_threshold", p.match_threshold), ("review_threshold", p.review_threshold)] {
            if !(v > 0.0 && v <= 1.0) {
                return Err(cfg_err(format!("[matching] {key} must be a probability above 0 and at most 1")));
            }
        }
        if p.review_threshold > p.match_threshold {
            return Err(cfg_err("[matching] review_threshold must not be above match_threshold".into()));
        }
        if p.associated_partner_id.is_some() && p.partner_type != PartnerType::IndirectProvider {
            return Err(cfg_err(
                "[partner] associated_partner_id is for indirect providers: set type = \"indirect-provider\""
                    .into(),
            ));
        }
        if let Some(bad) = p.cultures.iter().find(|c| !is_culture_tag(c)) {
            return Err(cfg_err(format!("[culture] preferred: '{bad}' is not a culture such as \"en-US\"")));
        }
        if let Some(pct) = p.fail_over {
            check_percent(pct).map_err(cfg_err)?;
        }
        if p.max_field_bytes < MIN_FIELD_BYTES {
            return Err(cfg_err(format!(
                "[input] max_field_bytes is {}, below the least the readers accept ({MIN_FIELD_BYTES}); \
                 give {MIN_FIELD_BYTES} or more",
                p.max_field_bytes
            )));
        }
        Ok(p)
    }

    /// The configured severity of a rule.
    pub fn severity(&self, rule: RuleId) -> Severity {
        self.severities[rule as usize]
    }
}

/// A culture tag as Partner Center writes them: `en-US`, `az-Latn-AZ`.
fn is_culture_tag(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 2
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_alphabetic()))
}

/// The smallest `input.max_field_bytes`: a header cell or an ordinary address must fit.
pub const MIN_FIELD_BYTES: usize = 1024;

/// The dates `--today` may name: report.xlsx cannot hold a date before 1900 (Excel's epoch).
pub const TODAY_RANGE: std::ops::RangeInclusive<i32> = 1900..=9999;

/// Checks a `--fail-over` percentage.
pub fn check_percent(pct: f64) -> std::result::Result<(), String> {
    if (0.0..=100.0).contains(&pct) {
        Ok(())
    } else {
        Err(format!("fail-over must be a percentage between 0 and 100, not {pct}"))
    }
}

/// What a run writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteMode {
    /// Every output of SPEC §7.
    All,
    /// Only `summary.json` (the `check` command).
    SummaryOnly,
}

/// Everything a run needs to know, resolved from the command line and the profile.
#[derive(Clone, Debug)]
pub struct Config {
    /// Input files and folders, as given.
    pub inputs: Vec<PathBuf>,
    /// Partner Center customer exports.
    pub existing: Vec<PathBuf>,
    /// The output folder.
    pub out_dir: PathBuf,
    /// Worker threads (None: one per core).
    pub jobs: Option<usize>,
    /// A column-mapping file that overrides the built-in aliases.
    pub mapping: Option<PathBuf>,
    /// The partner profile.
    pub profile: Profile,
    /// What to write.
    pub write: WriteMode,
    /// Share of rejected rows (percent) above which the run exits with code 1.
    pub fail_over: Option<f64>,
    /// The date agreement dates are checked against.
    pub today: NaiveDate,
    /// Show progress bars (only honoured when stderr is a terminal).
    pub progress: bool,
    /// Print nothing but errors.
    pub quiet: bool,
    /// More detail on stderr.
    pub verbose: u8,
    /// An earlier run's output folder to compare with (`--baseline`): new and fixed findings,
    /// changed counts, new and fixed drift.
    pub baseline: Option<PathBuf>,
    /// Mask e-mail local parts, phone digits and registration IDs in the human-facing reports.
    pub redact: bool,
    /// Also write customers.parquet and findings.parquet.
    pub parquet: bool,
    /// `--outputs`: the kinds of output `run` writes (summary.json always).
    pub outputs: Outputs,
    /// `--report-per`: the column (header text or canonical field name) whose values split the
    /// list into per-partner reports under `partners/`.
    pub report_per: Option<String>,
    /// `push` and `pull`: what to send or fetch (`out_dir` is push's folder).
    pub api: ApiRun,
}

impl Config {
    /// Checks the options that nothing else checks before the run starts writing, so that a
    /// wrong one is refused before any work (library callers build a `Config` by hand).
    pub fn check(&self) -> Result<()> {
        use chrono::Datelike;
        if !TODAY_RANGE.contains(&self.today.year()) {
            return Err(Error::Usage(format!(
                "--today {}: give a date from {}-01-01 to {}-12-31 (report.xlsx cannot hold earlier dates)",
                self.today,
                TODAY_RANGE.start(),
                TODAY_RANGE.end()
            )));
        }
        if let Some(pct) = self.fail_over {
            check_percent(pct).map_err(Error::Usage)?;
        }
        if self.inputs.is_empty() {
            return Err(Error::Usage("no input given; name the files or folders to read".into()));
        }
        Ok(())
    }

    /// A configuration with defaults for everything but the inputs (used by tests and tools).
    pub fn new(inputs: Vec<PathBuf>) -> Config {
        Config {
            inputs,
            existing: Vec::new(),
            out_dir: PathBuf::from("reports"),
            jobs: None,
            mapping: None,
            profile: Profile::default_profile(),
            write: WriteMode::All,
            fail_over: None,
            today: chrono::Local::now().date_naive(),
            progress: false,
            quiet: true,
            verbose: 0,
            baseline: None,
            redact: false,
            parquet: false,
            outputs: Outputs::default(),
            report_per: None,
            api: ApiRun::default(),
        }
    }
}

#[cfg(test)]
mod tests;
