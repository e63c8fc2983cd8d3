//! The benchmark's yardstick (SPEC §8): a bare read-and-write of a CSV file with the csv crate,
//! one reused `StringRecord` (so UTF-8 is checked, as any tool reading text must), written back
//! through a buffered csv writer. Prints rows and seconds as one JSON line.
//!
//! ```sh
//! cargo run --release --example csv_baseline -- list.csv /tmp/copy.csv
//! ```

use std::io::BufWriter;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: csv_baseline INPUT.csv OUTPUT.csv");
    };
    let started = Instant::now();
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_path(&input)?;
    let mut wtr =
        csv::Writer::from_writer(BufWriter::with_capacity(1 << 16, std::fs::File::create(&output)?));
    wtr.write_record(rdr.headers()?)?;
    let mut rec = csv::StringRecord::new();
    let mut rows = 0u64;
    while rdr.read_record(&mut rec)? {
        wtr.write_record(&rec)?;
        rows += 1;
    }
    wtr.flush()?;
    let seconds = started.elapsed().as_secs_f64();
    println!("{{\"rows\": {rows}, \"seconds\": {seconds:.3}}}");
    Ok(())
}
