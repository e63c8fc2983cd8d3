//! Education institutions: told by the segment column, or by words in the name in many
//! languages (University, Universität, Escola, Школа, 大学, …). They go to the education flow,
//! where a free mailbox is an error.

use crate::model::{Customer, Field};
use crate::normalize::text::fold_words;

/// Words (folded: lower case, no accents) that make a name an education institution.
const NAME_WORDS: &[&str] = &[
    "university",
    "universitat",
    "universite",
    "universidad",
    "universidade",
    "universita",
    "universiteit",
    "universitet",
    "uniwersytet",
    "universitatea",
    "univerzita",
    "egyetem",
    "universiti",
    "universitas",
    "universitesi",
    "college",
    "school",
    "schule",
    "gymnasium",
    "ecole",
    "escuela",
    "escola",
    "scuola",
    "school",
    "skola",
    "szkola",
    "iskola",
    "okul",
    "okulu",
    "academy",
    "akademie",
    "academie",
    "academia",
    "akademia",
    "polytechnic",
    "politecnico",
    "polytechnique",
    "hochschule",
    "fachhochschule",
    "lycee",
    "liceo",
    "lyceum",
    "kindergarten",
    "колледж",
    "школа",
    "гимназия",
    "лицей",
    "университет",
    "академия",
    "институт",
    "училище",
    "университеті",
    "мектеп",
    "університет",
    "школи",
    "гімназія",
    "ліцей",
    "жоо",
    "جامعة",
    "مدرسة",
    "كلية",
    "مدارس",
    "dai hoc",
    "truong",
];

/// Phrases (folded) that make a name an education institution.
const NAME_PHRASES: &[&str] =
    &["institute of technology", "community college", "high school", "primary school"];

/// Characters sequences in scripts without spaces between words.
const NAME_FRAGMENTS: &[&str] = &[
    "大学",
    "大學",
    "学院",
    "學院",
    "学校",
    "學校",
    "高校",
    "中学",
    "小学",
    "มหาวิทยาลัย",
    "โรงเรียน",
    "วิทยาลัย",
    "विश्वविद्यालय",
    "विद्यालय",
    "महाविद्यालय",
    "대학교",
    "학교",
];

/// Whether the record is an education institution.
pub fn is_education(c: &Customer) -> bool {
    match c.get(Field::Segment) {
        "education" => return true,
        "commercial" | "government" | "nonprofit" => return false,
        _ => {}
    }
    name_is_education(c.get(Field::CompanyName))
}

/// Whether a company name names an education institution.
pub fn name_is_education(name: &str) -> bool {
    // The fragments are all in scripts beyond ASCII: an ASCII name (most) holds none of them,
    // and seventeen substring searches a row were most of this function's cost.
    if !name.is_ascii() && NAME_FRAGMENTS.iter().any(|f| name.contains(f)) {
        return true;
    }
    let (words, phrases) = &*LOOKUP;
    let folded = fold_words(name);
    if folded.split(' ').any(|w| words.contains(w)) {
        return true;
    }
    let padded = format!(" {folded} ");
    phrases.iter().any(|p| padded.contains(p.as_str()))
}

/// The name words as a set (a fast hash: each word of every row's name is looked up), and
/// every entry of more than one word as ` phrase ` (built once: this runs for every row).
static LOOKUP: std::sync::LazyLock<(rustc_hash::FxHashSet<&'static str>, Vec<String>)> =
    std::sync::LazyLock::new(|| {
        let (single, multi): (Vec<&str>, Vec<&str>) =
            NAME_WORDS.iter().chain(NAME_PHRASES).partition(|w| !w.contains(' '));
        (single.into_iter().collect(), multi.into_iter().map(|p| format!(" {p} ")).collect())
    });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn education_names() {
        let cases = [
            ("University of Oxford", true),
            ("Technische Universität München", true),
            ("Université Paris-Saclay", true),
            ("Universidad de Chile", true),
            ("Escola Secundária de Lisboa", true),
            ("Школа №57", true),
            ("Massachusetts Institute of Technology", true),
            ("Eton College", true),
            ("東京大学", true),
            ("Trường Đại học Bách khoa Hà Nội", true),
            ("Contoso Ltd", false),
            ("Collegeville Pharma", false),
            ("Schooner Bay Holdings", false),
            ("Institute of Directors", false),
        ];
        for (name, want) in cases {
            assert_eq!(name_is_education(name), want, "{name:?}");
        }
    }

    #[test]
    fn fragments_are_beyond_ascii() {
        // What lets an ASCII name skip the fragments.
        assert!(NAME_FRAGMENTS.iter().all(|f| !f.is_ascii()));
    }

    #[test]
    fn segment_overrides_the_name() {
        let mut values = vec![String::new(); Field::COUNT];
        values[Field::CompanyName.index()] = "Academy Sports Inc".into();
        values[Field::Segment.index()] = "commercial".into();
        assert!(!is_education(&Customer::from_values(&values)));
        values[Field::Segment.index()] = "education".into();
        values[Field::CompanyName.index()] = "Contoso Learning".into();
        assert!(is_education(&Customer::from_values(&values)));
    }
}
