//! Property tests: whatever the input, rows in = rows out, and the thread count changes nothing.

use crate::common::*;
use pc_onboard::config::Config;
use proptest::prelude::*;

/// Cell values that stress quoting, encodings, formulas and the rules.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Contoso GmbH".to_string()),
        Just("=1+1".to_string()),
        Just("a,b;c|d\te".to_string()),
        Just("line\nbreak".to_string()),
        Just("\"quoted\"".to_string()),
        Just("DE".to_string()),
        Just("Deutschland".to_string()),
        Just("anna@contoso.de".to_string()),
        Just("+49 30 901820".to_string()),
        Just("7707083893".to_string()),
        Just("ООО Ромашка".to_string()),
        Just("東京大学".to_string()),
        Just("😀".to_string()),
        "[a-zA-Z0-9 @.\\-]{0,12}",
        any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ]
}

fn write_input(dir: &std::path::Path, rows: &[Vec<String>]) -> std::path::PathBuf {
    let path = dir.join("in.csv");
    let mut wtr = csv::Writer::from_path(&path).unwrap();
    wtr.write_record(HEADER.split(',')).unwrap();
    for r in rows {
        wtr.write_record(r).unwrap();
    }
    wtr.flush().unwrap();
    path
}

fn run_lib(input: &std::path::Path, out: &std::path::Path, jobs: usize) -> serde_json::Value {
    let mut cfg = Config::new(vec![input.to_path_buf()]);
    cfg.out_dir = out.to_path_buf();
    cfg.jobs = Some(jobs);
    cfg.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let report = pc_onboard::run(&cfg).expect("the run completes");
    serde_json::to_value(&report.summary).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn rows_in_equal_rows_out_whatever_the_threads(rows in prop::collection::vec(prop::collection::vec(cell(), 14), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let input = write_input(dir.path(), &rows);
        let one = run_lib(&input, &dir.path().join("one"), 1);
        let two = run_lib(&input, &dir.path().join("two"), 2);
        let blank = one["inputs"][0]["blank_rows_skipped"].as_u64().unwrap();
        prop_assert_eq!(one["rows_in"].as_u64().unwrap() + blank, rows.len() as u64);
        prop_assert_eq!(&one["rows_in"], &one["rows_out"]);
        prop_assert_eq!(&one["outcomes"], &two["outcomes"]);
        for f in ["clean/customers.csv", "rejections/findings.csv", "rejections/rejected_rows.csv", "duplicates.csv", "clean/customers.jsonl"] {
            let a = std::fs::read(dir.path().join("one").join(f)).unwrap();
            let b = std::fs::read(dir.path().join("two").join(f)).unwrap();
            prop_assert!(a == b, "{} differs", f);
        }
    }

    #[test]
    fn cleaning_text_is_idempotent(s in any::<String>()) {
        let once = pc_onboard::normalize::text::clean(&s).into_owned();
        let twice = pc_onboard::normalize::text::clean(&once).into_owned();
        // The formula-guard apostrophe is removed once; a value that starts with it again after
        // cleaning ("''=x") loses one more, which is the only change allowed.
        if !once.starts_with('\'') {
            prop_assert_eq!(once, twice);
        }
    }
}

/// Any bytes at all, as a CSV or as a workbook: the run completes with every row accounted for,
/// or stops with an input error, and never panics.
fn survives(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    std::fs::write(&input, bytes).unwrap();
    let mut cfg = Config::new(vec![input]);
    cfg.out_dir = dir.path().join("out");
    cfg.jobs = Some(1);
    match std::panic::catch_unwind(|| pc_onboard::run(&cfg)) {
        Err(_) => Err(TestCaseError::fail(format!("panic on {name} {:?}", String::from_utf8_lossy(bytes)))),
        Ok(Ok(report)) => {
            prop_assert_eq!(report.summary.rows_in, report.summary.rows_out);
            Ok(())
        }
        Ok(Err(e)) => {
            prop_assert_eq!(e.exit_code(), 3, "{}", e);
            Ok(())
        }
    }
}

/// Bytes shaped like a CSV with a header, then noise: quotes, delimiters, newlines, high bytes.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let noise = prop::collection::vec(
        prop_oneof![
            Just(b'"'),
            Just(b','),
            Just(b';'),
            Just(b'\n'),
            Just(b'\r'),
            Just(0u8),
            Just(0xFFu8),
            Just(0xC3u8),
            Just(b'='),
            any::<u8>(),
            b'a'..=b'z',
        ],
        0..400,
    );
    noise.prop_map(|n| {
        let mut v = format!("{HEADER}\n").into_bytes();
        v.extend(n);
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_csv_bytes_are_survived(bytes in csvish()) {
        survives("in.csv", &bytes)?;
    }

    #[test]
    fn any_bytes_as_a_workbook_are_survived(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        survives("in.xlsx", &bytes)?;
    }

    #[test]
    fn any_raw_bytes_as_text_are_survived(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        survives("in.txt", &bytes)?;
    }
}

/// Distinct customers, some broken: (name, row) pairs whose names are unique.
fn distinct_rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    let variant = prop_oneof![
        Just(("", "")),
        Just(("Test", "")),
        Just(("", "not-an-email")),
        Just(("LLC", "")),
        Just(("", "x@gmail.com")),
    ];
    prop::collection::vec(variant, 1..25).prop_map(|vs| {
        vs.iter()
            .enumerate()
            .map(|(i, (name, email))| {
                let words = [
                    "Alpha", "Borealis", "Cygnus", "Draco", "Eridanus", "Fornax", "Grus", "Hydra", "Indus",
                    "Lyra",
                ];
                let company = if name.is_empty() {
                    format!("{} {} Werke GmbH", words[i % 10], words[(i / 10) % 10])
                } else {
                    name.to_string()
                };
                let mut cells: Vec<String> =
                    de_row(&company, &format!("firma{i}x")).split(',').map(str::to_string).collect();
                cells[3] = format!("Street {i}");
                cells[8] = if email.is_empty() { format!("info@firma{i}x.de") } else { email.to_string() };
                cells[1] = format!("Hauptstraße {}", i + 1);
                cells[4] = format!("{:05}", 10115 + i * 7);
                cells[9] = String::new();
                cells
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Where a row stands in the file does not change what happens to it.
    #[test]
    fn outcomes_do_not_depend_on_row_order(rows in distinct_rows(), seed in any::<u64>()) {
        let dir = tempfile::tempdir().unwrap();
        let a = write_input(dir.path(), &rows);
        run_lib(&a, &dir.path().join("a"), 2);
        let mut shuffled = rows.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        let sub = dir.path().join("b");
        std::fs::create_dir_all(&sub).unwrap();
        let b = write_input(&sub, &shuffled);
        run_lib(&b, &dir.path().join("b_out"), 2);
        let by_content = |out: &std::path::Path, input: &[Vec<String>]| {
            let outcomes = outcomes(out);
            let mut m = std::collections::BTreeMap::new();
            for ((_, _, row), o) in outcomes {
                let i: usize = row.parse::<usize>().unwrap() - 2;
                m.insert(input[i].join("|"), o);
            }
            m
        };
        prop_assert_eq!(by_content(&dir.path().join("a"), &rows), by_content(&dir.path().join("b_out"), &shuffled));
    }
}
