//! `--parquet`: customers.parquet and findings.parquet hold what the CSV files hold. Built only
//! with the `parquet` feature; without it the flag is a usage error that says how to get it.

use crate::common::*;

/// The Parquet files read back with the rows and columns of their CSV counterparts.
#[cfg(feature = "parquet")]
#[test]
fn parquet_files_hold_the_clean_rows_and_every_finding() {
    use polars::prelude::*;
    let w = Work::new();
    run_samples(&w, "out", &["--parquet"]);
    let out = w.path("out");
    for (parquet, csv) in
        [("customers.parquet", "clean/customers.csv"), ("findings.parquet", "rejections/findings.csv")]
    {
        let df = ParquetReader::new(std::fs::File::open(out.join(parquet)).unwrap()).finish().unwrap();
        let rows = read_csv(&out.join(csv));
        assert_eq!(df.height(), rows.len(), "{parquet}");
        let header: Vec<String> = csv::Reader::from_path(out.join(csv))
            .unwrap()
            .headers()
            .unwrap()
            .iter()
            .map(String::from)
            .collect();
        let names: Vec<String> = df.get_column_names().iter().map(|n| n.to_string()).collect();
        assert_eq!(names, header, "{parquet} has the columns of {csv}");
        assert_eq!(df.column("source_row").unwrap().dtype(), &DataType::UInt64);
    }
    let outputs = summary(&out)["outputs"].to_string();
    assert!(outputs.contains("customers.parquet") && outputs.contains("findings.parquet"), "{outputs}");
}

/// Without the feature, --parquet says how to build with it.
#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_needs_the_feature() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    let out = w.run(&["run", "in.csv", "--parquet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--features parquet"));
}
