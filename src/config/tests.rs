//! Tests of the partner profile: defaults, overrides and the errors a bad file gets.

use super::*;

#[test]
fn built_in_profile_loads() {
    let p = Profile::default_profile();
    assert_eq!(p.partner_type, PartnerType::DirectBill);
    assert_eq!(p.severity(RuleId::AgreementMissing), Severity::Warning);
}

#[test]
fn overrides_apply_and_unknown_codes_fail() {
    let base = Profile::default_profile();
    let p = Profile::from_toml(
        "[agreement]\nmissing_is_error = true\n[severity]\n\"company.acronym\" = \"off\"\n",
        Path::new("x.toml"),
        Some(base.clone()),
    )
    .unwrap();
    assert_eq!(p.severity(RuleId::AgreementMissing), Severity::Error);
    assert_eq!(p.severity(RuleId::CompanyAcronym), Severity::Off);
    let err =
        Profile::from_toml("[severity]\n\"no.such\" = \"error\"\n", Path::new("x.toml"), Some(base.clone()))
            .unwrap_err();
    assert!(err.to_string().contains("no.such"), "{err}");
    let err = Profile::from_toml("[partnr]\n", Path::new("x.toml"), Some(base.clone())).unwrap_err();
    assert!(err.to_string().contains("x.toml"), "{err}");
    let err =
        Profile::from_toml("[input]\nmax_field_bytes = 100\n", Path::new("x.toml"), Some(base)).unwrap_err();
    assert!(err.to_string().contains("max_field_bytes is 100"), "{err}");
}

#[test]
fn options_are_checked_before_the_run() {
    let mut cfg = Config::new(vec![PathBuf::from("in.csv")]);
    assert!(cfg.check().is_ok());
    for (date, ok) in [((1899, 12, 31), false), ((1900, 1, 1), true), ((2026, 11, 26), true)] {
        cfg.today = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
        assert_eq!(cfg.check().is_ok(), ok, "{date:?}");
    }
    cfg.fail_over = Some(101.0);
    assert!(cfg.check().unwrap_err().to_string().contains("101"));
}

#[test]
fn request_body_settings() {
    let base = Profile::default_profile();
    assert_eq!(base.agreement_template_id, "117a77b0-9360-443b-8795-c6dedc750cf9");
    assert!(base.cultures.is_empty() && base.associated_partner_id.is_none());
    let load = |t: &str| Profile::from_toml(t, Path::new("x.toml"), Some(base.clone()));
    let p = load(
        "[partner]\ntype = \"indirect-provider\"\nassociated_partner_id = \"{484E548C-F5F3-4528-93A9-C16C6373CB59}\"\n\
         [culture]\npreferred = [\"en-US\"]\n",
    )
    .unwrap();
    assert_eq!(p.associated_partner_id.as_deref(), Some("484e548c-f5f3-4528-93a9-c16c6373cb59"));
    assert_eq!(p.cultures, ["en-US"]);
    for (bad, says) in [
        ("[partner]\ntype = \"indirect-provider\"\nassociated_partner_id = \"1234567\"\n", "not a tenant ID"),
        (
            "[partner]\nassociated_partner_id = \"484e548c-f5f3-4528-93a9-c16c6373cb59\"\n",
            "indirect providers",
        ),
        ("[agreement]\ntemplate_id = \"MCA\"\n", "template_id"),
        ("[culture]\npreferred = [\"english\"]\n", "english"),
    ] {
        let err = load(bad).unwrap_err().to_string();
        assert!(err.contains(says) && err.contains("x.toml"), "{err}");
    }
}
