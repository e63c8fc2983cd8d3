//! Partners and their folders. Values are the same partner when they are equal ignoring case
//! and runs of spaces (`ACME  Corp` is `Acme Corp`); the first spelling in the list names it.
//! A partner's folder is its value made safe for every file system (ASCII letters, digits and
//! `-`, lower case, at most [`MAX_SLUG`] characters, never a Windows device name): `Contoso
//! Ltd.` → `contoso-ltd`. Values whose folders would be the same (`A.B.` and `A B`) each get
//! a short hash of their value appended, so a folder never depends on which values the list
//! holds beside it or in what order. Rows without a value go to [`NO_VALUE`].

use std::collections::{BTreeMap, HashMap};

/// The folder of the rows without a value (no value's folder can start with `_`).
pub const NO_VALUE: &str = "_no-value";
/// The longest folder name made from a value, before a hash.
pub const MAX_SLUG: usize = 40;
/// Names Windows keeps for devices, with any extension.
const DEVICES: &[&str] = &["con", "prn", "aux", "nul"];

/// The key that tells partners apart: lower case, spaces collapsed ("" for no value).
pub fn key(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// A value made safe for a folder name (may be empty, or a device name: see [`assign`]).
pub fn slug(value: &str) -> String {
    let ascii = deunicode::deunicode(value).to_ascii_lowercase();
    let mut out = String::with_capacity(ascii.len().min(MAX_SLUG));
    for c in ascii.chars() {
        if out.len() >= MAX_SLUG {
            break;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn is_device(slug: &str) -> bool {
    DEVICES.contains(&slug)
        || ["com", "lpt"]
            .iter()
            .any(|p| slug.strip_prefix(p).is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit()))
}

fn hashed(slug: &str, key: &str) -> String {
    let hash = blake3::hash(key.as_bytes()).to_hex();
    match slug.is_empty() {
        true => format!("partner-{}", &hash[..8]),
        false => format!("{slug}-{}", &hash[..8]),
    }
}

/// The folder of each partner, by its key ("" is the rows without a value): unique, and the
/// same for a value whatever else the list holds (but for two values whose hashed names clash,
/// which then take `-2`, `-3` in key order).
pub fn assign(keys: &[&str]) -> Vec<String> {
    let slugs: Vec<String> = keys.iter().map(|k| slug(k)).collect();
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for (k, s) in keys.iter().zip(&slugs) {
        if !k.is_empty() {
            *uses.entry(s.as_str()).or_default() += 1;
        }
    }
    let mut folders: Vec<String> = keys
        .iter()
        .zip(&slugs)
        .map(|(k, s)| match () {
            _ if k.is_empty() => NO_VALUE.to_string(),
            _ if s.is_empty() || is_device(s) || uses[s.as_str()] > 1 => hashed(s, k),
            _ => s.clone(),
        })
        .collect();
    // A hashed name may, however unlikely, equal another value's plain one.
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, f) in folders.iter().enumerate() {
        by_name.entry(f.clone()).or_default().push(i);
    }
    for (name, mut holders) in by_name.into_iter().filter(|(_, h)| h.len() > 1) {
        holders.sort_by_key(|&i| keys[i]);
        for (n, &i) in holders.iter().enumerate().skip(1) {
            folders[i] = format!("{name}-{}", n + 1);
        }
    }
    folders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_become_safe_folder_names() {
        let cases = [
            ("Contoso Ltd.", "contoso-ltd"),
            ("  Fabrikam, Inc ", "fabrikam-inc"),
            ("Müller & Söhne GmbH", "muller-sohne-gmbh"),
            ("ООО Ромашка", "ooo-romashka"),
            ("../../etc/passwd", "etc-passwd"),
            ("C:\\Windows\\System32", "c-windows-system32"),
            ("3fa85f64-5717-4562-B3FC-2C963F66AFA6", "3fa85f64-5717-4562-b3fc-2c963f66afa6"),
            ("<script>", "script"),
            ("???", ""),
        ];
        for (value, want) in cases {
            assert_eq!(slug(value), want, "{value:?}");
        }
        let long = slug(&"word ".repeat(30));
        assert!(long.len() <= MAX_SLUG && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn the_same_partner_whatever_its_case_and_spaces() {
        assert_eq!(key("  ACME   Corp "), "acme corp");
        assert_eq!(key("Acme Corp"), "acme corp");
        assert_eq!(key("   "), "");
    }

    #[test]
    fn folders_are_unique_and_do_not_depend_on_their_neighbours() {
        let keys = ["a.b.", "a b", "contoso", "", "con", "???", "lpt1", "com12"];
        let folders = assign(&keys);
        let mut unique = folders.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{folders:?}");
        assert_eq!(folders[2], "contoso");
        assert_eq!(folders[3], NO_VALUE);
        assert_eq!(folders[7], "com12", "not a device name");
        for i in [0, 1, 4, 5, 6] {
            assert!(
                folders[i].len() > 8 && folders[i].as_bytes()[folders[i].len() - 9] == b'-',
                "{}",
                folders[i]
            );
        }
        // The same value keeps its folder when other values come and go.
        assert_eq!(assign(&["a b", "zeta"])[0], "a-b");
        assert_eq!(assign(&["x", "a.b.", "a b"])[2], folders[1]);
        // A hashed name that equals another's plain one is told apart.
        let clash = hashed("a-b", "a b");
        let folders = assign(&["a b", "a.b.", &clash]);
        assert_eq!(folders.iter().filter(|f| f.starts_with(&clash)).count(), 2, "{folders:?}");
        assert_ne!(folders[0], folders[2]);
    }
}
