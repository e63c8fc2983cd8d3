//! The legal form a company name carries, as a set of kinds, and whether it names a holding.
//!
//! The same company written two ways keeps a kind in common (`Ltd`/`Limited`,
//! `Inc.`/`Incorporated`, `LLC`/`ООО`, `Pty Ltd`/`Pty. Limited`); two forms with no kind in common
//! (`GmbH`/`AG`, `Inc.`/`Corp.`, `PLC`/`Limited`) are two legal entities, and so are a holding and
//! its operating company (`Contoso Holding Ltd` / `Contoso Ltd`). Such a pair can be one customer
//! written carelessly, so it is not ruled out: it is never matched on its own weight, only sent
//! to review unless a prefix or company e-mail domain says one organisation (see `score`). A
//! name with no legal form, or one that drops it, says nothing.

use super::similarity::name_words;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Legal-form words by kind: the words of one group are one form written another way.
#[rustfmt::skip]
const KINDS: &[&[&str]] = &[
    // `Pty`, `Pte` and `Pvt` are written with `Ltd` or alone for it: one kind.
    &["ltd", "limited", "pty", "proprietary", "pte", "pvt", "private"], &["inc", "incorporated"],
    &["corp", "corporation"], &["co", "company"], &["llc", "ooo"], &["llp"], &["lp"], &["plc"],
    &["gmbh"], &["ag", "aktiengesellschaft"], &["kg"], &["ohg"], &["ug"],
    &["se"], &["sa"], &["sas"], &["sarl"], &["srl"], &["spa"], &["bv"], &["nv"], &["oao"],
    &["zao"], &["pao", "pjsc"], &["ao", "jsc"], &["kft"], &["zrt"], &["nyrt"], &["bt"],
    &["sp", "zoo", "spolka"], &["as"], &["asa"], &["ab", "aktiebolag"], &["oy"], &["oyj"], &["aps"],
    &["lda", "ltda", "limitada"], &["sl"], &["sdn", "bhd"], &["wll"], &["tov"], &["cjsc"],
    &["ojsc"], &["eireli"], &["epp"], &["sro"], &["doo"], &["ad"], &["ood"], &["kk"], &["cv"],
    &["eurl"], &["dac"], &["sti"], &["mmc"], &["mchj"], &["too"], &["tbk"], &["kgaa"], &["sapi"],
    &["sab"], &["snc"],
];

/// Each legal-form word's kind (its group's place in [`KINDS`]; the first group wins), hashed:
/// every word of every name is looked up.
static KIND_OF: LazyLock<FxHashMap<&'static str, usize>> = LazyLock::new(|| {
    let mut kinds = FxHashMap::default();
    for (k, group) in KINDS.iter().enumerate() {
        for &w in *group {
            kinds.entry(w).or_insert(k);
        }
    }
    kinds
});

/// Words that name a holding company.
const HOLDING: &[&str] = &["holding", "holdings", "hldg", "holdco"];

/// A name's legal form: the kinds of its legal-form words (one bit each) and whether it says
/// `Holding`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LegalForm {
    kinds: u128,
    holding: bool,
}

impl LegalForm {
    /// The legal form of a company name as written.
    pub fn of(name: &str) -> LegalForm {
        LegalForm::of_words(&name_words(name))
    }

    /// The legal form of a name's words as [`name_words`] gives them.
    pub fn of_words(words: &[String]) -> LegalForm {
        let mut kinds = 0u128;
        let mut holding = false;
        // `Public Limited Company` is `PLC` written out, not a limited company.
        let plc = words.windows(3).any(|w| w[0] == "public" && w[1] == "limited" && w[2] == "company");
        for w in words {
            if let Some(&k) = KIND_OF.get(w.as_str()) {
                kinds |= 1 << k;
            }
            holding |= HOLDING.contains(&w.as_str());
        }
        if plc {
            kinds = (kinds & !(1 << kind_of("ltd")) & !(1 << kind_of("co"))) | (1 << kind_of("plc"));
        }
        LegalForm { kinds, holding }
    }

    /// Whether the two names say two legal entities: both carry a legal form and no kind is
    /// shared, or one says `Holding` and the other does not.
    pub fn differs(self, other: LegalForm) -> bool {
        let forms = self.kinds != 0 && other.kinds != 0 && self.kinds & other.kinds == 0;
        forms || self.holding != other.holding
    }
}

fn kind_of(word: &str) -> usize {
    KINDS.iter().position(|g| g.contains(&word)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_written_two_ways_agree_and_two_forms_differ() {
        let cases = [
            // (a, b, two entities)
            ("Contoso Ltd", "Contoso Limited", false),
            ("Contoso Pty Ltd", "Contoso Pty. Limited", false),
            ("Contoso Pty Ltd", "Contoso Ltd", false),
            ("Contoso Pty", "Contoso Limited", false),
            ("Contoso Pvt Ltd", "Contoso Private Limited", false),
            ("Contoso Pty Ltd", "Contoso Inc", true),
            ("Contoso Inc.", "Contoso Incorporated", false),
            ("Contoso LLC", "Contoso L.L.C.", false),
            ("Contoso OOO", "Contoso LLC", false),
            ("Contoso PLC", "Contoso Public Limited Company", false),
            ("Contoso GmbH", "Contoso G.m.b.H.", false),
            ("Contoso Sp. z o.o.", "Contoso Spółka z o.o.", false),
            ("Contoso s.r.o.", "Contoso spol. s r.o.", false),
            ("Contoso GmbH & Co. KG", "Contoso GmbH", false),
            ("Contoso", "Contoso AG", false),
            ("Contoso Ltd", "Contoso", false),
            ("Contoso GmbH", "Contoso AG", true),
            ("Contoso Inc.", "Contoso Corp.", true),
            ("Contoso PLC", "Contoso Limited", true),
            ("Contoso EURL", "Contoso SAS", true),
            ("Contoso SAS", "Contoso SARL", true),
            ("Contoso Holding Pty Ltd", "Contoso Pty Ltd", true),
            ("Contoso Holdings", "Contoso", true),
            ("Contoso Holding AG", "Contoso Holding AG", false),
        ];
        for (a, b, two) in cases {
            assert_eq!(LegalForm::of(a).differs(LegalForm::of(b)), two, "{a} / {b}");
            assert_eq!(LegalForm::of(b).differs(LegalForm::of(a)), two, "{b} / {a}");
        }
    }

    #[test]
    fn every_kind_has_a_bit() {
        assert!(KINDS.len() <= 128);
    }
}
