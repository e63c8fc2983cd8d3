//! Escaping for report.html: text in HTML, and JSON inside a `<script>` element.

use std::borrow::Cow;

/// Escapes text for an HTML element or a quoted attribute.
pub fn html(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Serialises `value` as JSON that can sit inside `<script type="application/json">`: `<`,
/// `>` and `&` only ever occur inside JSON strings, where `\u003c` means the same, so no
/// `</script>` or `<!--` can end the element early. U+2028/U+2029 are escaped for old parsers.
pub fn json_for_script(value: &serde_json::Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len() + 64);
    // Copied a stretch at a time: the characters to escape are three ASCII bytes and two
    // that begin with 0xE2 (a byte that only ever begins a character), so every cut falls
    // between characters.
    let bytes = json.as_bytes();
    let mut from = 0;
    for (at, &b) in bytes.iter().enumerate() {
        let escaped = match b {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            0xE2 => match bytes.get(at + 1..at + 3) {
                Some([0x80, 0xA8]) => "\\u2028",
                Some([0x80, 0xA9]) => "\\u2029",
                _ => continue,
            },
            _ => continue,
        };
        out.push_str(&json[from..at]);
        out.push_str(escaped);
        from = at + if b == 0xE2 { 3 } else { 1 };
    }
    out.push_str(&json[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_special_characters_are_escaped() {
        let cases = [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("a & b", "a &amp; b"),
            ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"),
            ("Contoso GmbH", "Contoso GmbH"),
        ];
        for (s, want) in cases {
            assert_eq!(html(s), want, "{s:?}");
        }
    }

    #[test]
    fn json_cannot_close_its_script_element() {
        let v = serde_json::json!([
            "</script><script>alert(1)</script>",
            "<!-- x -->",
            "a&b",
            "\u{2028}",
            "line\u{2029}break, 5 € — ‘quoted’ ⁂ 株式会社"
        ]);
        let out = json_for_script(&v);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'), "{out}");
        assert!(!out.contains(['\u{2028}', '\u{2029}']), "{out}");
        assert!(out.contains("5 € — ‘quoted’ ⁂ 株式会社"), "other characters are kept as they are: {out}");
        assert!(out.contains("line\\u2029break"), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, v, "the escaped JSON still means the same");
    }
}
