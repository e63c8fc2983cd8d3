//! Primary-contact name rules (Partner Center, 2024): required, not one character (names in
//! Chinese characters exempt), at most 40 characters, not a placeholder, not without letters.

use super::RowCtx;
use crate::model::catalogue::RuleId;
use crate::model::{Field, Finding};
use crate::normalize::text::fold_words;

/// Names that are placeholders rather than a person's name.
const PLACEHOLDERS: &[&str] = &[
    "test",
    "testing",
    "tester",
    "admin",
    "administrator",
    "nobody",
    "none",
    "null",
    "unknown",
    "user",
    "demo",
    "sample",
    "dummy",
    "xxx",
    "xx",
    "asdf",
    "na",
    "n a",
    "tbd",
    "noname",
    "no name",
    "firstname",
    "first name",
    "lastname",
    "last name",
    "name",
    "contact",
    "customer",
    "support",
    "info",
    "sales",
    "billing",
    "accounts",
    "it",
    "helpdesk",
    "service",
    "office",
    "placeholder",
    "example",
    "fake",
    "root",
    "sysadmin",
    "owner",
    "manager",
    "undefined",
];

/// The rules of one name field.
struct NameRules {
    field: Field,
    missing: RuleId,
    one_char: RuleId,
    too_long: RuleId,
    placeholder: RuleId,
    no_letters: RuleId,
}

const FIRST: NameRules = NameRules {
    field: Field::ContactFirstName,
    missing: RuleId::ContactFirstNameMissing,
    one_char: RuleId::ContactFirstNameOneChar,
    too_long: RuleId::ContactFirstNameTooLong,
    placeholder: RuleId::ContactFirstNamePlaceholder,
    no_letters: RuleId::ContactFirstNameNoLetters,
};

const LAST: NameRules = NameRules {
    field: Field::ContactLastName,
    missing: RuleId::ContactLastNameMissing,
    one_char: RuleId::ContactLastNameOneChar,
    too_long: RuleId::ContactLastNameTooLong,
    placeholder: RuleId::ContactLastNamePlaceholder,
    no_letters: RuleId::ContactLastNameNoLetters,
};

/// What is wrong with a name, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// Empty.
    Missing,
    /// A single letter (an initial).
    OneChar,
    /// Over 40 characters.
    TooLong,
    /// `test`, `admin` and the like.
    Placeholder,
    /// Digits, symbols or emoji only.
    NoLetters,
}

/// Runs the rules for the contact's first and last name.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    for rules in [&FIRST, &LAST] {
        if let Some(problem) = judge(ctx.value(rules.field)) {
            let rule = match problem {
                NameProblem::Missing => rules.missing,
                NameProblem::OneChar => rules.one_char,
                NameProblem::TooLong => rules.too_long,
                NameProblem::Placeholder => rules.placeholder,
                NameProblem::NoLetters => rules.no_letters,
            };
            out.push(Finding::new(rule, ctx.raw(rules.field)));
        }
    }
}

/// Judges one cleaned name.
pub fn judge(name: &str) -> Option<NameProblem> {
    if name.is_empty() {
        return Some(NameProblem::Missing);
    }
    let letters: Vec<char> = name.chars().filter(|c| crate::normalize::text::is_alphabetic(*c)).collect();
    if letters.is_empty() {
        return Some(NameProblem::NoLetters);
    }
    if letters.len() == 1 && !is_han(letters[0]) {
        return Some(NameProblem::OneChar);
    }
    if name.chars().count() > 40 {
        return Some(NameProblem::TooLong);
    }
    if PLACEHOLDERS.contains(&fold_words(name).as_str()) {
        return Some(NameProblem::Placeholder);
    }
    None
}

/// A CJK ideograph: one-character Chinese names are real names.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use NameProblem::*;

    #[test]
    fn names_are_judged() {
        let cases: &[(&str, Option<NameProblem>)] = &[
            ("Anna", None),
            ("Jean-Luc", None),
            ("O'Neil", None),
            ("Åsa", None),
            ("Александр", None),
            ("محمد", None),
            ("伟", None),
            ("王", None),
            ("Li", None),
            ("", Some(Missing)),
            ("X", Some(OneChar)),
            ("J.", Some(OneChar)),
            ("12345", Some(NoLetters)),
            ("😀😀", Some(NoLetters)),
            ("---", Some(NoLetters)),
            ("test", Some(Placeholder)),
            ("Admin", Some(Placeholder)),
            ("NOBODY", Some(Placeholder)),
            ("N/A", Some(Placeholder)),
            ("Bartholomew-Alexander Montgomery-Smithsonian", Some(TooLong)),
        ];
        for (name, want) in cases {
            assert_eq!(judge(name), *want, "{name:?}");
        }
    }
}
