//! pc-onboard's verdict on each phone of a list, for `scripts/phone_reference/compare.py` to
//! set beside Python `phonenumbers` (the port of Google's libphonenumber that tracks it most
//! closely). Reads `country<TAB>phone` lines on stdin (the country as written: a code or a
//! name), writes `country code<TAB>phone<TAB>verdict<TAB>E.164`, the verdict one of `valid`,
//! `other_country`, `invalid`, `empty`, and `no_country` when the country is not recognised.
//! Run: `cargo run --release --example phone_reference < pairs.tsv`.

use pc_onboard::normalize::country;
use pc_onboard::normalize::phone::{check_e164, PhoneCheck};
use std::io::{BufRead, BufWriter, Write};

fn main() -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let Some((written, phone)) = line.split_once('\t') else { continue };
        let Some((cc, _)) = country::resolve(written) else {
            writeln!(out, "\t{phone}\tno_country\t")?;
            continue;
        };
        let (check, e164) = check_e164(phone, Some(cc));
        let verdict = match check {
            PhoneCheck::Valid => "valid",
            PhoneCheck::OtherCountry => "other_country",
            PhoneCheck::Invalid => "invalid",
            PhoneCheck::Empty => "empty",
        };
        writeln!(out, "{cc}\t{phone}\t{verdict}\t{}", e164.unwrap_or_default())?;
    }
    out.flush()
}
