//! Guessing a text file's encoding and delimiter from its first bytes.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// A text encoding as detected, with how it was told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detected {
    /// The encoding.
    pub encoding: &'static Encoding,
    /// Whether the file starts with a byte-order mark (skipped when reading).
    pub bom: bool,
}

impl Detected {
    /// A human label for reports: "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "windows-1252".
    pub fn label(&self) -> String {
        let name = self.encoding.name();
        if self.bom {
            format!("{name} with BOM")
        } else {
            name.to_string()
        }
    }
}

/// Detects the encoding from a sample of the file's first bytes.
///
/// Order: a BOM decides; then UTF-16 without BOM is told by its NUL bytes; then valid UTF-8
/// (ignoring a character cut at the sample's end); anything else is Windows-1252, the encoding
/// Excel uses for "CSV" on Western Windows systems.
pub fn encoding(sample: &[u8], complete: bool) -> Detected {
    if let Some((enc, _)) = Encoding::for_bom(sample) {
        return Detected { encoding: enc, bom: true };
    }
    if let Some(enc) = utf16_without_bom(sample) {
        return Detected { encoding: enc, bom: false };
    }
    let enc = match std::str::from_utf8(sample) {
        Ok(_) => UTF_8,
        // A multi-byte character cut by the end of the sample is not an error.
        Err(e) if e.error_len().is_none() && !complete => UTF_8,
        Err(_) => WINDOWS_1252,
    };
    Detected { encoding: enc, bom: false }
}

fn utf16_without_bom(sample: &[u8]) -> Option<&'static Encoding> {
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let even_nuls = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nuls = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // Mostly-ASCII text in UTF-16 has a NUL in every other byte.
    if odd_nuls * 10 >= pairs * 6 && even_nuls * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nuls * 10 >= pairs * 6 && odd_nuls * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Candidate delimiters, in order of preference on a tie.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Picks the delimiter that splits the sample's first lines most consistently.
///
/// For each candidate, counts its occurrences outside quotes on each of the first lines; the
/// winner is the one whose count is the same (and non-zero) on most lines, then the most frequent.
pub fn delimiter(text: &str, default: u8) -> u8 {
    let lines = split_lines(text, 30);
    if lines.is_empty() {
        return default;
    }
    let mut best = (default, 0usize, 0usize);
    for &d in &DELIMITERS {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let first = counts[0];
        if first == 0 {
            continue;
        }
        let consistent = counts.iter().filter(|&&c| c == first).count();
        let total: usize = counts.iter().sum();
        if (consistent, total) > (best.1, best.2) {
            best = (d, consistent, total);
        }
    }
    best.0
}

/// Splits into logical lines (newlines inside quotes do not split), at most `max`.
fn split_lines(text: &str, max: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut in_quotes = false;
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                let line = text[start..i].trim_end_matches('\r');
                if !line.trim().is_empty() {
                    lines.push(line);
                }
                start = i + 1;
                if lines.len() >= max {
                    return lines;
                }
            }
            _ => {}
        }
    }
    // The last line may be cut by the end of the sample; use it only if it is the only one.
    if lines.is_empty() && start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut in_quotes = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == d && !in_quotes {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        let utf16le: Vec<u8> = "Name,City\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let utf16be: Vec<u8> = "Name,City\r\n".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let cases: &[(&[u8], &str, bool)] = &[
            (b"\xEF\xBB\xBFName,City\r\n", "UTF-8", true),
            (b"Name,City\r\nM\xC3\xBCller,Berlin\r\n", "UTF-8", false),
            (b"Name,City\r\nM\xFCller,Berlin\r\n", "windows-1252", false),
            (b"\xFF\xFEN\x00a\x00", "UTF-16LE", true),
            (&utf16le, "UTF-16LE", false),
            (&utf16be, "UTF-16BE", false),
            (b"plain ascii", "UTF-8", false),
        ];
        for (bytes, name, bom) in cases {
            let d = encoding(bytes, true);
            assert_eq!((d.encoding.name(), d.bom), (*name, *bom), "{bytes:?}");
        }
    }

    #[test]
    fn a_character_cut_by_the_sample_end_is_still_utf8() {
        let bytes = b"Name\nM\xC3";
        assert_eq!(encoding(bytes, false).encoding, UTF_8);
        assert_eq!(encoding(bytes, true).encoding, WINDOWS_1252);
    }

    #[test]
    fn delimiters_are_sniffed() {
        let cases: &[(&str, u8)] = &[
            ("a,b,c\n1,2,3\n", b','),
            ("a;b;c\n1;2,5;3\n", b';'),
            ("a\tb\tc\n1\t2\t3\n", b'\t'),
            ("a|b|c\n1|2|3\n", b'|'),
            ("\"x,y\";b\n\"1,2\";3\n", b';'),
            ("name\nfoo\n", b','),
            ("", b','),
        ];
        for (text, want) in cases {
            assert_eq!(delimiter(text, b','), *want, "{text:?}");
        }
    }
}
