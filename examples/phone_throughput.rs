//! Phone validation throughput (parse + validate + E.164), on 1 and 2 threads, through the same
//! function the pipeline uses. Run: `cargo run --release --example phone_throughput [N]`.

use pc_onboard::normalize::phone::check_e164;
use rayon::prelude::*;
use rlibphonenumber::{PhoneNumberFormat, PHONE_NUMBER_UTIL};
use std::time::Instant;

const REGIONS: &[&str] = &[
    "US", "GB", "DE", "FR", "RU", "BR", "IN", "PL", "TR", "UA", "KZ", "AE", "SA", "ZA", "VN", "TH", "JP",
    "CN", "AU", "CA", "MX", "IT", "ES", "NL",
];

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(200_000);
    // Realistic inputs: each region's example number in national format with varied digits;
    // every fifth one garbled so invalid numbers are in the mix too.
    let mut inputs: Vec<(String, &str)> = Vec::with_capacity(n);
    for i in 0..n {
        let cc = REGIONS[i % REGIONS.len()];
        let region = rlibphonenumber::Region::from_code(cc).unwrap();
        let ex = PHONE_NUMBER_UTIL.get_example_number(region).unwrap();
        let mut s = PHONE_NUMBER_UTIL.format(&ex, PhoneNumberFormat::National).into_owned();
        let last = (i / REGIONS.len()) % 100;
        s.truncate(s.len().saturating_sub(2));
        s.push_str(&format!("{last:02}"));
        if i % 5 == 4 {
            s.truncate(s.len() / 2);
        }
        inputs.push((s, cc));
    }
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let start = Instant::now();
        let valid = pool.install(|| {
            inputs
                .par_iter()
                .with_min_len(1024)
                .filter(|(raw, cc)| check_e164(raw, Some(cc)).1.is_some())
                .count()
        });
        let secs = start.elapsed().as_secs_f64();
        println!(
            "threads={threads} numbers={n} valid={valid} seconds={secs:.3} numbers_per_sec={:.0} us_per_number={:.2}",
            n as f64 / secs,
            secs * 1e6 / n as f64
        );
    }
}
