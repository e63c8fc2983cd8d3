//! Customer resources as JSON: a `GET /v1/customers` page (`{"totalCount": …, "items": […]}`),
//! an array of Customers, one Customer (`GET /v1/customers/{id}`), or JSON lines; pages,
//! arrays and customers may follow one another in one file (several pages saved together).
//!
//! The file is parsed as it is read (serde_json over a buffered reader); each customer keeps the
//! line its object starts on, which reports show as its row.

use super::resource::Customer;
use crate::error::{Error, Position, Result};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;
use std::io::{BufReader, Read};
use std::path::Path;
use std::rc::Rc;

/// Where the parser is: bytes and line breaks it has consumed.
#[derive(Default)]
struct Progress {
    bytes: Cell<u64>,
    newlines: Cell<u64>,
}

/// Counts what the JSON parser reads (it reads one byte at a time from a buffer, so the count
/// is exactly where it is).
struct Counting<R> {
    inner: R,
    at: Rc<Progress>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.at.bytes.set(self.at.bytes.get() + n as u64);
        // Mostly one byte at a time: a plain loop costs less than setting up a search.
        let newlines = buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        self.at.newlines.set(self.at.newlines.get() + newlines);
        Ok(n)
    }
}

/// Reads every customer of a JSON file, with the line its object starts on.
pub fn read(path: &Path) -> Result<Vec<(u64, Customer)>> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::input_file(path, format!("cannot read the file: {e}")))?;
    read_from(path, file)
}

/// Reads every customer from `file`, named `path` in messages.
pub fn read_from(path: &Path, file: impl Read) -> Result<Vec<(u64, Customer)>> {
    // A UTF-8 byte-order mark is skipped; UTF-16 (what Windows PowerShell's Out-File writes)
    // is turned into UTF-8 first, so byte positions are then positions in that UTF-8 text.
    let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new().strip_bom(true).build(file);
    let at = Rc::new(Progress::default());
    let reader = Counting { inner: BufReader::new(decoded), at: Rc::clone(&at) };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut out = Vec::new();
    loop {
        // Whitespace up to the end is fine; anything else starts the next value.
        if de.end().is_ok() {
            break;
        }
        let seed = Object { at: &at, out: &mut out, top: true };
        if let Err(e) = seed.deserialize(&mut de) {
            return Err(json_error(path, &e, at.bytes.get()));
        }
    }
    if out.is_empty() {
        return Err(Error::input_file(
            path,
            "the JSON file holds no customer; expected Partner Center Customer resources (a GET \
             /v1/customers page, an array of customers, or one customer per line)",
        ));
    }
    Ok(out)
}

/// The input error for a JSON error: where (line, column, byte) and what.
fn json_error(path: &Path, e: &serde_json::Error, bytes: u64) -> Error {
    let what = e.to_string();
    // serde_json appends " at line L column C"; the position is said once, below.
    let what = what.rsplit_once(" at line ").map_or(what.as_str(), |(w, _)| w);
    let hint = match e.classify() {
        serde_json::error::Category::Eof => "; the file ends too early: was it cut off?",
        serde_json::error::Category::Data if what.starts_with("invalid type") => {
            "; if PowerShell's ConvertTo-Json wrote the file, give it -Depth 5 (by default it \
             writes nested objects such as defaultAddress as text)"
        }
        _ => "",
    };
    // The position is in the message as a line (not a row): JSON has no rows.
    Error::input(
        Position { file: path.to_owned(), ..Position::default() },
        format!(
            "not a readable Partner Center JSON file at line {}, column {} (byte {}): {what}{hint}",
            e.line(),
            e.column(),
            bytes,
        ),
    )
}

/// A JSON value at the top of the file or in an `items` array: an object (a page or a
/// customer) or an array of them.
struct Object<'a> {
    at: &'a Progress,
    out: &'a mut Vec<(u64, Customer)>,
    /// At the top of the file, where an array of customers may stand.
    top: bool,
}

impl<'de> DeserializeSeed<'de> for Object<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Object<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "a Partner Center Customer object, a page of them ({\"items\": [...]}) or an array of them",
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        if !self.top {
            return Err(serde::de::Error::custom("an array inside an array; expected Customer objects"));
        }
        while seq.next_element_seed(Object { at: self.at, out: &mut *self.out, top: false })?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        // The parser has just read this object's `{`.
        let line = self.at.newlines.get() + 1;
        let mut c = Customer::default();
        let mut page = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "items" | "Items" => {
                    page = true;
                    map.next_value_seed(Items { at: self.at, out: &mut *self.out })?;
                }
                "id" | "Id" => c.id = map.next_value()?,
                "companyProfile" | "CompanyProfile" => c.company_profile = map.next_value()?,
                "billingProfile" | "BillingProfile" => c.billing_profile = map.next_value()?,
                "customDomains" | "CustomDomains" => c.custom_domains = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if c.is_customer() {
            self.out.push((line, c));
        } else if !page {
            return Err(serde::de::Error::custom(format!(
                "the object starting on line {line} is neither a Customer (no id or companyProfile) \
                 nor a page of customers (no items): was an error answer saved instead of the customers?"
            )));
        }
        Ok(())
    }
}

/// A page's `items`: Customer objects.
struct Items<'a> {
    at: &'a Progress,
    out: &'a mut Vec<(u64, Customer)>,
}

impl<'de> DeserializeSeed<'de> for Items<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        // Any, not seq: `"items": null` is an empty page.
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of Customer objects")
    }

    fn visit_unit<E>(self) -> std::result::Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while seq.next_element_seed(Object { at: self.at, out: &mut *self.out, top: false })?.is_some() {}
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customers(text: &str) -> Result<Vec<u64>> {
        read_from(Path::new("t.json"), text.as_bytes()).map(|v| v.into_iter().map(|(line, _)| line).collect())
    }

    #[test]
    fn every_shape_gives_its_customers_and_their_lines() {
        let cases: &[(&str, &[u64])] = &[
            ("{\"id\": \"a\"}", &[1]),
            ("\n\n[{\"id\": \"a\"},\n {\"id\": \"b\"}]", &[3, 4]),
            ("{\"id\": \"a\"}\n{\"id\": \"b\"}\n\n", &[1, 2]),
            ("{\"links\": {\"self\": {}}, \"items\": [\n{\"id\": \"a\"}], \"totalCount\": 1}", &[2]),
            ("{\"items\": null, \"id\": \"p\"}", &[1]),
            ("\u{FEFF}{\"Id\": \"a\", \"CompanyProfile\": {\"CompanyName\": \"X\"}}", &[1]),
        ];
        for (text, lines) in cases {
            assert_eq!(customers(text).expect(text), *lines, "{text:?}");
        }
    }

    #[test]
    fn hostile_json_is_an_error_never_a_panic() {
        let deep = "[".repeat(10_000);
        for text in [
            deep.as_str(),
            "[[{\"id\": \"a\"}]]",
            "{\"id\": 5}",
            "{\"companyProfile\": []}",
            "\"just a string\"",
            "{\"id\": \"a\"} trailing",
            "{\"id\": \"\\ud800\"}",
            "",
        ] {
            assert!(customers(text).is_err(), "{text:.40}");
        }
    }
}
