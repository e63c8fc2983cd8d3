//! The formula guard for human-facing outputs: a value that a spreadsheet would run as a
//! formula (leading `= + - @`, tab, CR or LF) gets a leading `'`.

use std::borrow::Cow;

/// Makes a cell value inert in spreadsheets.
pub fn guard(value: &str) -> Cow<'_, str> {
    match value.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\n') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_inert() {
        let cases = [
            ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
            ("+49 30 1234", "'+49 30 1234"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("Contoso", "Contoso"),
            ("", ""),
        ];
        for (v, want) in cases {
            assert_eq!(guard(v), want, "{v:?}");
        }
    }
}
