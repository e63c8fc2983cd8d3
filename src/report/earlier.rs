//! An earlier run's summary.json, read for `--baseline`: every field the comparison uses is
//! checked for presence and type, so a file that is not a pc-onboard summary (`{}`, counts
//! written as text) is refused naming the field instead of being compared as zeros.

use serde_json::Value;
use std::collections::BTreeMap;

/// What a field must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A string.
    Text,
    /// A whole number ≥ 0.
    Count,
    /// An object whose values are counts.
    Counts,
    /// A list of `{ "code": text, "findings": count }`.
    Rules,
    /// A list of strings.
    Names,
}

/// The fields read, and what each must hold.
const FIELDS: &[(&str, Kind)] = &[
    ("tool", Kind::Text),
    ("command", Kind::Text),
    ("started_at", Kind::Text),
    ("rows_in", Kind::Count),
    ("outcomes", Kind::Counts),
    ("rules", Kind::Rules),
    ("outputs", Kind::Names),
];

/// The parts of an earlier summary that the comparison uses.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EarlierSummary {
    /// "run" or "check".
    pub command: String,
    /// When the run started.
    pub started_at: String,
    /// Data rows read.
    pub rows_in: u64,
    /// Rows per outcome.
    pub outcomes: BTreeMap<String, u64>,
    /// Findings per rule code.
    pub rule_findings: BTreeMap<String, u64>,
    /// The files the run wrote, relative to its folder.
    pub outputs: Vec<String>,
}

impl Kind {
    fn expected(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Count => "a whole number",
            Kind::Counts => "an object of whole numbers",
            Kind::Rules => "a list of {\"code\", \"findings\"} objects",
            Kind::Names => "a list of file names",
        }
    }

    fn holds(self, v: &Value) -> bool {
        let count = |v: &Value| v.as_u64().is_some();
        match self {
            Kind::Text => v.is_string(),
            Kind::Count => count(v),
            Kind::Counts => v.as_object().is_some_and(|m| m.values().all(count)),
            Kind::Rules => {
                v.as_array().is_some_and(|a| a.iter().all(|r| r["code"].is_string() && count(&r["findings"])))
            }
            Kind::Names => v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
        }
    }
}

/// Reads summary.json's text; the error names the field and says what it should hold.
pub fn parse(text: &str) -> Result<EarlierSummary, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("summary.json is not valid JSON: {e}"))?;
    if !v.is_object() {
        return Err("summary.json does not hold a pc-onboard summary (an object)".into());
    }
    for (name, kind) in FIELDS {
        match v.get(name) {
            None => return Err(format!("summary.json has no '{name}' field ({})", kind.expected())),
            Some(x) if !kind.holds(x) => {
                return Err(format!("summary.json field '{name}' is {}, not {}", short(x), kind.expected()))
            }
            Some(_) => {}
        }
    }
    let text = |name: &str| v[name].as_str().unwrap_or_default().to_string();
    if v["tool"] != "pc-onboard" {
        return Err(format!("summary.json field 'tool' is {}, not \"pc-onboard\"", short(&v["tool"])));
    }
    if !matches!(v["command"].as_str(), Some("run" | "check")) {
        return Err(format!(
            "summary.json field 'command' is {}, not \"run\" or \"check\"",
            short(&v["command"])
        ));
    }
    let counts = |m: &Value| -> BTreeMap<String, u64> {
        m.as_object()
            .into_iter()
            .flatten()
            .map(|(k, n)| (k.clone(), n.as_u64().unwrap_or_default()))
            .collect()
    };
    Ok(EarlierSummary {
        command: text("command"),
        started_at: text("started_at"),
        rows_in: v["rows_in"].as_u64().unwrap_or_default(),
        outcomes: counts(&v["outcomes"]),
        rule_findings: v["rules"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                (
                    r["code"].as_str().unwrap_or_default().to_string(),
                    r["findings"].as_u64().unwrap_or_default(),
                )
            })
            .collect(),
        outputs: v["outputs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n.as_str().map(str::to_string))
            .collect(),
    })
}

/// A value as a message shows it: JSON, cut short.
fn short(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"tool": "pc-onboard", "command": "run", "started_at": "2026-11-26T02:00:00+01:00",
        "rows_in": 3, "outcomes": {"clean": 2, "rejected": 1},
        "rules": [{"code": "company.abbreviation_only", "findings": 1, "rows": 1}],
        "outputs": ["clean/customers.csv", "summary.json"]}"#;

    #[test]
    fn a_summary_is_read() {
        let s = parse(GOOD).unwrap();
        assert_eq!((s.command.as_str(), s.rows_in), ("run", 3));
        assert_eq!(s.outcomes["rejected"], 1);
        assert_eq!(s.rule_findings["company.abbreviation_only"], 1);
        assert_eq!(s.outputs.len(), 2);
    }

    #[test]
    fn what_is_not_a_summary_is_refused_naming_the_field() {
        let cases: &[(&str, &str)] = &[
            ("{}", "no 'tool' field"),
            ("[]", "an object"),
            ("not json", "not valid JSON"),
            (r#"{"tool": "other"}"#, "no 'command'"),
        ];
        for (text, needle) in cases {
            let err = parse(text).unwrap_err();
            assert!(err.contains(needle), "{text}: {err}");
        }
        let broken: &[(&str, &str, &str)] = &[
            ("\"rows_in\": 3", "\"rows_in\": \"3\"", "'rows_in' is \"3\", not a whole number"),
            ("\"rows_in\": 3", "\"rows_in\": -3", "'rows_in' is -3"),
            ("\"clean\": 2", "\"clean\": 2.5", "'outcomes' is"),
            ("\"findings\": 1", "\"findings\": null", "'rules' is"),
            ("\"tool\": \"pc-onboard\"", "\"tool\": \"pc\"", "'tool' is \"pc\""),
            ("\"command\": \"run\"", "\"command\": \"walk\"", "'command' is \"walk\""),
            ("\"summary.json\"]", "7]", "'outputs' is"),
        ];
        for (from, to, needle) in broken {
            let text = GOOD.replacen(from, to, 1);
            assert_ne!(text, GOOD, "{from}");
            let err = parse(&text).unwrap_err();
            assert!(err.contains(needle), "{to}: {err}");
        }
    }
}
