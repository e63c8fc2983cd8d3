//! The generated legacy list's columns: a Salesforce-style account export with contact and
//! agreement columns, every header one the built-in aliases map, plus two columns the tool
//! does not know (carried through to the rejected-rows file).

use std::ops::{Index, IndexMut};

/// One column of the generated list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// `Account ID`
    SourceId,
    /// `Account Name`
    Company,
    /// `Website`
    Website,
    /// `Billing Street`
    Line1,
    /// `Billing Street 2`
    Line2,
    /// `Billing City`
    City,
    /// `Billing State/Province`
    State,
    /// `Billing Zip/Postal Code`
    Postal,
    /// `Billing Country`
    Country,
    /// `Phone`
    Phone,
    /// `Contact First Name`
    First,
    /// `Contact Last Name`
    Last,
    /// `Contact Email`
    Email,
    /// `Tax ID`
    Reg,
    /// `Onmicrosoft Domain`
    Domain,
    /// `Segment`
    Segment,
    /// `MCA Accepted`
    Mca,
    /// `MCA Accepted Date`
    McaDate,
    /// `MCA Signatory First Name`
    SigFirst,
    /// `MCA Signatory Last Name`
    SigLast,
    /// `MCA Signatory Email`
    SigEmail,
    /// `Account Owner` (unknown to the tool)
    Owner,
    /// `Notes`
    Notes,
}

/// The header, in column order.
pub const HEADER: [&str; 23] = [
    "Account ID",
    "Account Name",
    "Website",
    "Billing Street",
    "Billing Street 2",
    "Billing City",
    "Billing State/Province",
    "Billing Zip/Postal Code",
    "Billing Country",
    "Phone",
    "Contact First Name",
    "Contact Last Name",
    "Contact Email",
    "Tax ID",
    "Onmicrosoft Domain",
    "Segment",
    "MCA Accepted",
    "MCA Accepted Date",
    "MCA Signatory First Name",
    "MCA Signatory Last Name",
    "MCA Signatory Email",
    "Account Owner",
    "Notes",
];

/// One row's cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Values(pub [String; 23]);

impl Index<Col> for Values {
    type Output = String;
    fn index(&self, c: Col) -> &String {
        &self.0[c as usize]
    }
}

impl IndexMut<Col> for Values {
    fn index_mut(&mut self, c: Col) -> &mut String {
        &mut self.0[c as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;
    use crate::read::headers::{ColumnMap, ColumnUse};

    #[test]
    fn every_header_maps_to_the_intended_field() {
        let want: [Option<Field>; 23] = [
            Some(Field::SourceId),
            Some(Field::CompanyName),
            Some(Field::Website),
            Some(Field::AddressLine1),
            Some(Field::AddressLine2),
            Some(Field::City),
            Some(Field::State),
            Some(Field::PostalCode),
            Some(Field::Country),
            Some(Field::ContactPhone),
            Some(Field::ContactFirstName),
            Some(Field::ContactLastName),
            Some(Field::ContactEmail),
            Some(Field::RegistrationId),
            Some(Field::Domain),
            Some(Field::Segment),
            Some(Field::McaAccepted),
            Some(Field::McaDate),
            Some(Field::McaSignatoryFirstName),
            Some(Field::McaSignatoryLastName),
            Some(Field::McaSignatoryEmail),
            None,
            Some(Field::Notes),
        ];
        let headers: Vec<String> = HEADER.iter().map(|h| h.to_string()).collect();
        let map = ColumnMap::build(&headers, &Default::default());
        for ((h, used), f) in HEADER.iter().zip(&map.uses).zip(want) {
            let want = f.map_or(ColumnUse::Unknown, ColumnUse::Field);
            assert_eq!(*used, want, "{h}");
        }
        assert_eq!(Col::Notes as usize, 22);
    }
}
