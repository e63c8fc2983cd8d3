//! Text cells held compactly: one allocation for the text and one for where each cell ends,
//! both exactly sized, so a million rows held between validation and writing cost little more
//! than their text.

use csv::StringRecord;

/// A row of text cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cells {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl Cells {
    /// Cells from values, in order.
    pub fn from_values<I, S>(values: I) -> Cells
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Cells::gather(String::new(), values.into_iter())
    }

    /// Cells from values at hand, the text allocated once at its size (every row's customer
    /// values are built this way: grown value by value, the text was reallocated five or six
    /// times a row).
    pub fn from_slice<S: AsRef<str>>(values: &[S]) -> Cells {
        let text = String::with_capacity(values.iter().map(|v| v.as_ref().len()).sum());
        Cells::gather(text, values.iter())
    }

    fn gather<S: AsRef<str>>(mut text: String, values: impl Iterator<Item = S>) -> Cells {
        let mut ends = Vec::with_capacity(values.size_hint().0);
        for v in values {
            text.push_str(v.as_ref());
            // Cells are capped far below 4 GiB (`input.max_field_bytes`); saturate regardless.
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        Cells { text: text.into_boxed_str(), ends: ends.into_boxed_slice() }
    }

    /// Cells from their text and where each ends, or None when an end is out of order, past
    /// the text or not on a character boundary (bytes read back from disk that went bad).
    pub fn try_from_parts(text: Box<str>, ends: Box<[u32]>) -> Option<Cells> {
        Cells::ends_fit(&text, ends.iter().copied()).then_some(Cells { text, ends })
    }

    /// Whether `ends` can be the ends of cells of `text`: in order, within it, each on a
    /// character boundary.
    pub fn ends_fit(text: &str, ends: impl Iterator<Item = u32>) -> bool {
        let mut start = 0usize;
        for e in ends {
            let e = e as usize;
            if e < start || !text.is_char_boundary(e) {
                return false;
            }
            start = e;
        }
        true
    }

    /// Where each cell ends in [`Cells::as_str`].
    pub fn ends(&self) -> &[u32] {
        &self.ends
    }

    /// The cell at `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }

    /// The number of cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no cells.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cells in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(""))
    }

    /// Every cell's text, concatenated.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Puts `value` in cell `i` (which must exist), shifting the cells after it.
    pub fn replace(&mut self, i: usize, value: &str) {
        let end = self.ends[i] as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let mut text = String::with_capacity(self.text.len() - (end - start) + value.len());
        text.push_str(&self.text[..start]);
        text.push_str(value);
        text.push_str(&self.text[end..]);
        let shift = value.len() as i64 - (end - start) as i64;
        for e in &mut self.ends[i..] {
            *e = u32::try_from(*e as i64 + shift).unwrap_or(u32::MAX);
        }
        self.text = text.into_boxed_str();
    }
}

impl From<&StringRecord> for Cells {
    fn from(rec: &StringRecord) -> Cells {
        // A record already holds its fields as one text with their bounds.
        let ends = (0..rec.len()).map(|i| rec.range(i).map_or(0, |r| r.end as u32)).collect();
        Cells { text: rec.as_slice().into(), ends }
    }
}

impl From<StringRecord> for Cells {
    fn from(rec: StringRecord) -> Cells {
        Cells::from(&rec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_back_as_written() {
        let values = ["Contoso", "", "Straße 5", "東京", ""];
        let c = Cells::from_values(values);
        assert_eq!(c, Cells::from_slice(&values));
        assert_eq!(c.len(), 5);
        assert_eq!(c.iter().collect::<Vec<_>>(), values);
        assert_eq!(c.get(2), Some("Straße 5"));
        assert_eq!(c.get(5), None);
        assert_eq!(c.as_str(), "ContosoStraße 5東京");
        let rec = StringRecord::from(vec!["a", "b"]);
        assert_eq!(Cells::from(&rec).iter().collect::<Vec<_>>(), ["a", "b"]);
        assert!(Cells::default().is_empty());
        let mut r = Cells::from_values(values);
        for (i, v) in [(0, "X"), (2, ""), (3, "大阪府"), (4, "end")] {
            r.replace(i, v);
        }
        assert_eq!(r, Cells::from_values(["X", "", "", "大阪府", "end"]));
    }
}
