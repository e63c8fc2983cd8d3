//! Normalisation of raw registration IDs: Unicode digit, dash and dot
//! variants, separators, case, and common per-country prefixes.

/// Compact form: trim, map Unicode dashes/dots/Arabic-Indic digits to ASCII,
/// remove spaces, dots, dashes, slashes and underscores, upper-case.
///
/// If `country` is given, an optional leading prefix that is common for that
/// country is also removed (`PL`, `HU`, `UNP`/`УНП`, `INN`/`ИНН`, …), and for
/// Belarus Cyrillic look-alike letters become Latin. A prefix is removed only
/// where it cannot be part of the ID itself: never for Venezuela (J/G/V…),
/// India (PAN letters), Iraq or Myanmar; for Brazil only when 11 or 14
/// digits follow, for Belarus when anything follows (`U`/`У` never start a
/// UNP), and for the other countries only when what follows is all digits.
pub fn compact(raw: &str, country: Option<&str>) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.trim().chars() {
        let c = normalise_char(c);
        if c.is_whitespace() || matches!(c, '.' | '-' | '/' | '_' | '\u{200B}' | '\u{FEFF}') {
            continue;
        }
        out.extend(c.to_uppercase());
    }
    match country {
        Some("BY") => super::az_by::unp_latinise(&strip_prefix(&out, "BY")),
        Some(cc) => strip_prefix(&out, cc),
        None => out,
    }
}

/// Map one character to its ASCII equivalent where it is a digit, dash or
/// dot variant; anything else is returned unchanged.
fn normalise_char(c: char) -> char {
    let digit = |zero: u32| char::from_digit(u32::from(c) - zero, 10).unwrap_or(c);
    match c {
        // Arabic-Indic, Extended Arabic-Indic (Persian/Urdu), Myanmar and
        // fullwidth digits.
        '\u{0660}'..='\u{0669}' => digit(0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(0x06F0),
        '\u{1040}'..='\u{1049}' => digit(0x1040),
        '\u{FF10}'..='\u{FF19}' => digit(0xFF10),
        // Hyphens and dashes: U+2010–2015, minus sign, small and fullwidth
        // hyphen-minus, soft hyphen.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{00AD}' => '-',
        // Middle dot, one-dot leader, fullwidth and ideographic full stops,
        // Arabic full stop.
        '\u{00B7}' | '\u{2024}' | '\u{FF0E}' | '\u{3002}' | '\u{06D4}' => '.',
        // Fullwidth solidus, division slash.
        '\u{FF0F}' | '\u{2215}' => '/',
        _ => c,
    }
}

/// Prefixes people commonly write in front of the ID, per country. Longer
/// prefixes come first so `ОГРНИП` wins over `ОГРН`.
fn prefixes(country: &str) -> &'static [&'static str] {
    match country {
        "AM" => &["AM"],
        "AZ" => &["VÖEN", "VOEN", "AZ"],
        "BY" => &["УНП", "UNP"],
        "BR" => &["CNPJ", "BR"],
        "HU" => &["HU"],
        "KZ" => &["БСН", "БИН", "BIN", "KZ"],
        "KG" => &["ИНН", "INN", "KG"],
        "MD" => &["IDNO", "MD"],
        "PL" => &["REGON", "NIP", "KRS", "PL"],
        "RU" => &["ОГРНИП", "OGRNIP", "ОГРН", "OGRN", "ИНН", "INN", "RU"],
        "SA" => &["SA"],
        "ZA" => &["ZA"],
        "SS" => &["SS"],
        "TJ" => &["ИНН", "INN", "TJ"],
        "TH" => &["TH"],
        "TR" => &["VKN", "TR"],
        "UA" => &["ЄДРПОУ", "ЕДРПОУ", "EDRPOU", "UA"],
        "AE" => &["TRN", "AE"],
        "UZ" => &["ИНН", "INN", "STIR", "UZ"],
        "VN" => &["MST", "VN"],
        // VE (type letter), IN (PAN letters), IQ and MM (free-form): none.
        _ => &[],
    }
}

/// Remove the first matching prefix of `country` (and a `:` or `№` after it)
/// if what remains is a plausible ID for that country.
fn strip_prefix(s: &str, country: &str) -> String {
    for prefix in prefixes(country) {
        let Some(rest) = s.strip_prefix(prefix) else {
            continue;
        };
        let rest = rest.trim_start_matches([':', '№', '#']);
        let plausible = match country {
            // A Belarusian UNP may start with letters, but never with U or У.
            "BY" => !rest.is_empty(),
            // An alphanumeric CNPJ could start with "BR"; only strip when the
            // remainder is already a full CPF/CNPJ length of digits.
            "BR" => matches!(rest.len(), 11 | 14) && rest.bytes().all(|b| b.is_ascii_digit()),
            // Ukrainian passport numbers have letters; those never follow a
            // prefix, so requiring digits keeps them intact.
            _ => !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()),
        };
        if plausible {
            return rest.to_string();
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_general() {
        let cases = [
            ("  16.727.230/0001-97 ", None, "16727230000197"),
            ("12_34 56\u{00A0}78", None, "12345678"),
            ("0314409058\u{2013}002", None, "0314409058002"),
            ("01\u{00B7}00\u{FF0E}112\u{2212}437", None, "0100112437"),
            ("١٠٠٣٨٤٥٨٠٥٠٠٠٠٣", None, "100384580500003"),
            ("۱۲۳", None, "123"),
            ("j-00004793-6", None, "J000047936"),
            ("aacr", None, "AACR"),
            ("унп 100325912", None, "УНП100325912"),
        ];
        for (raw, cc, want) in cases {
            assert_eq!(compact(raw, cc), want, "{raw:?}");
        }
    }

    #[test]
    fn compact_country_prefixes() {
        let cases = [
            ("PL 856-734-62-15", "PL", "8567346215"),
            ("NIP: 856-734-62-15", "PL", "8567346215"),
            ("HU12892312", "HU", "12892312"),
            ("hu-12892312", "HU", "12892312"),
            ("УНП 100325912", "BY", "100325912"),
            ("UNP100325912", "BY", "100325912"),
            // Cyrillic look-alikes become Latin for Belarus.
            ("МА1953684", "BY", "MA1953684"),
            ("ИНН 7707083893", "RU", "7707083893"),
            ("ОГРНИП 304500116000157", "RU", "304500116000157"),
            ("ОГРН 1027700132195", "RU", "1027700132195"),
            ("RU7707083893", "RU", "7707083893"),
            ("BR16727230000197", "BR", "16727230000197"),
            ("TRN 100-3845-8050-0003", "AE", "100384580500003"),
            ("VN0100233488", "VN", "0100233488"),
            // Never strip letters that belong to the ID.
            ("V-11470283-4", "VE", "V114702834"),
            ("INAPA1234A", "IN", "INAPA1234A"),
            ("BRC12345ABCD", "BR", "BRC12345ABCD"),
            ("PLX", "PL", "PLX"),
            ("IQ12345", "IQ", "IQ12345"),
            ("ab123456", "UA", "AB123456"),
        ];
        for (raw, cc, want) in cases {
            assert_eq!(compact(raw, Some(cc)), want, "{raw:?} {cc}");
        }
    }
}
