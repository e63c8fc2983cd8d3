//! A set of canonical fields, as one bit per field: which fields a record's source carries.

use super::Field;

// One bit per field must fit.
const _: () = assert!(Field::COUNT <= 32);

/// A set of fields (copied freely: one word).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(u32);

impl FieldSet {
    /// The empty set.
    pub const EMPTY: FieldSet = FieldSet(0);

    /// Whether `f` is in the set.
    pub fn contains(self, f: Field) -> bool {
        self.0 & (1 << f.index()) != 0
    }

    /// Adds `f`.
    pub fn insert(&mut self, f: Field) {
        self.0 |= 1 << f.index();
    }

    /// Removes `f`.
    pub fn remove(&mut self, f: Field) {
        self.0 &= !(1 << f.index());
    }

    /// The set with `f` added.
    pub fn with(mut self, f: Field) -> FieldSet {
        self.insert(f);
        self
    }
}

impl FromIterator<Field> for FieldSet {
    fn from_iter<I: IntoIterator<Item = Field>>(iter: I) -> FieldSet {
        let mut s = FieldSet::EMPTY;
        for f in iter {
            s.insert(f);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_go_in_and_out() {
        let mut s: FieldSet = [Field::SourceId, Field::Website].into_iter().collect();
        assert!(s.contains(Field::SourceId) && s.contains(Field::Website));
        assert!(!s.contains(Field::Country));
        s.remove(Field::Website);
        assert!(!s.contains(Field::Website));
        assert!(FieldSet::EMPTY.with(Field::Country).contains(Field::Country));
    }
}
