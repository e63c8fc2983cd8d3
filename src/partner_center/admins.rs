//! `push/customer_admins.csv`: the admin user name and first password Partner Center returns,
//! once, when it creates a customer (`create-a-customer.md`: "a user name and password to sign
//! in as an admin for the customer"). They are the customer's, not the partner's, and cannot
//! be fetched again, so each is appended and synced as it arrives, to a file only its owner
//! may read (0600), and never printed or journaled.

use crate::error::{Error, Result};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// The file being appended to.
pub struct Writer {
    path: PathBuf,
    wtr: csv::Writer<File>,
}

/// The `userCredentials` of a create-customer answer, if any.
pub fn credentials(answer: &serde_json::Value) -> Option<(String, String)> {
    let c = answer.get("userCredentials")?;
    let user = c.get("userName")?.as_str()?.to_string();
    let password = c.get("password").and_then(|p| p.as_str()).unwrap_or("").to_string();
    Some((user, password))
}

impl Writer {
    /// Opens (creating with its header and mode 0600) the file.
    pub fn open(path: &Path) -> Result<Writer> {
        let io = |source| Error::Output { path: path.to_owned(), source };
        let mut opts = OpenOptions::new();
        opts.append(true).create(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let file = opts.open(path).map_err(io)?;
        let empty = file.metadata().map_err(io)?.len() == 0;
        let mut wtr = csv::WriterBuilder::new().has_headers(false).from_writer(file);
        if empty {
            wtr.write_record(["line", "customer_id", "domain", "user_name", "password"])
                .map_err(|e| Error::Output { path: path.to_owned(), source: e.into() })?;
        }
        Ok(Writer { path: path.to_owned(), wtr })
    }

    /// Appends one customer's admin credentials and syncs.
    pub fn write(
        &mut self,
        line: u64,
        customer_id: &str,
        domain: &str,
        user: &str,
        password: &str,
    ) -> Result<()> {
        let io = |source| Error::Output { path: self.path.clone(), source };
        self.wtr
            .write_record([line.to_string().as_str(), customer_id, domain, user, password])
            .map_err(|e| io(e.into()))?;
        self.wtr.flush().map_err(io)?;
        self.wtr.get_ref().sync_data().map_err(io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_appended_to_a_private_file() {
        let answer = serde_json::json!({"id": "c-1", "userCredentials": {"userName": "admin", "password": "=;;n.=s9Z"}});
        let (user, password) = credentials(&answer).unwrap();
        assert!(credentials(&serde_json::json!({"id": "c-1"})).is_none());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("customer_admins.csv");
        Writer::open(&path).unwrap().write(1, "c-1", "contoso.onmicrosoft.com", &user, &password).unwrap();
        Writer::open(&path).unwrap().write(2, "c-2", "fabrikam.onmicrosoft.com", "admin", "x").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().collect::<Vec<_>>()[1], "1,c-1,contoso.onmicrosoft.com,admin,=;;n.=s9Z");
        assert_eq!(text.lines().count(), 3, "one header");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }
}
