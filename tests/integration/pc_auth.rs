//! Credentials for `push` and `pull`: never in any output, stderr or error; from the
//! environment or a private secrets file; refused credentials and missing ones say what to do.

use crate::common::Work;
use crate::fake_pc::{Behaviour, FakePc, ACCESS, APP_ID, REFRESH, SECRET, TENANT};
use crate::push::{clean_out, command, pc};
use std::path::Path;

/// Every file under `dir`, read as bytes.
fn all_files(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all_files(&path, out);
        } else {
            out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn secrets_never_appear_in_any_output_or_on_stderr() {
    let w = Work::new();
    clean_out(&w, Some(5));
    let fake = FakePc::start(Behaviour::default());
    w.write("pc.toml", fake.profile(""));
    let mut seen: Vec<(String, Vec<u8>)> = Vec::new();
    for args in [
        &["push", "out", "--config", "pc.toml", "-v"][..],
        &["push", "out", "--yes", "--config", "pc.toml", "-vv"],
        &["pull", "--out", "pulled.jsonl", "--billing-profiles", "--config", "pc.toml"],
    ] {
        let out = pc(&w, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        seen.push((format!("stdout of {args:?}"), out.stdout));
        seen.push((format!("stderr of {args:?}"), out.stderr));
    }
    // Refused credentials: the error names the problem, not the value sent.
    let wrong = "wrong-secret-4Kq~";
    let out = command(&w, &["push", "out", "--yes", "--config", "pc.toml"], wrong).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("AADSTS7000215") && stderr.contains("refused the credentials"), "{stderr}");
    assert!(!stderr.contains(wrong));
    seen.push(("stderr of the refused run".into(), out.stderr));
    all_files(w.dir.path(), &mut seen);
    assert!(seen.iter().any(|(name, _)| name.ends_with("journal.csv")), "the journal was written");
    for (name, bytes) in &seen {
        for secret in [SECRET, REFRESH, ACCESS, wrong] {
            assert!(!contains(bytes, secret), "{name} holds a secret");
        }
    }
    assert!(fake.state().token_requests >= 3);
}

#[test]
fn secrets_come_from_a_private_file_or_are_named_when_missing() {
    let w = Work::new();
    clean_out(&w, Some(2));
    let fake = FakePc::start(Behaviour::default());
    let secrets = w.write(
        "pc.secrets",
        format!("# pc-onboard\nPC_ONBOARD_APP_ID={APP_ID}\nPC_ONBOARD_TENANT={TENANT}\nexport PC_ONBOARD_APP_SECRET=\"{SECRET}\"\nPC_ONBOARD_REFRESH_TOKEN={REFRESH}\n"),
    );
    w.write("pc.toml", fake.profile("secrets_file = \"pc.secrets\""));
    let bare = |args: &[&str]| {
        let mut c = command(&w, args, "");
        for v in
            ["PC_ONBOARD_APP_ID", "PC_ONBOARD_TENANT", "PC_ONBOARD_APP_SECRET", "PC_ONBOARD_REFRESH_TOKEN"]
        {
            c.env_remove(v);
        }
        c.output().unwrap()
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&secrets, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = bare(&["push", "out", "--yes", "--config", "pc.toml"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("chmod 600"), "{stderr}");
        std::fs::set_permissions(&secrets, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let out = bare(&["push", "out", "--yes", "--config", "pc.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(fake.state().customers.len(), 2);

    w.write("plain.toml", fake.profile(""));
    let out = bare(&["push", "out", "--yes", "--config", "plain.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("PC_ONBOARD_APP_ID"), "the missing variable is named: {stderr}");
}

#[test]
fn settings_that_cannot_work_are_refused_before_anything_is_sent() {
    let w = Work::new();
    clean_out(&w, Some(3));
    let fake = FakePc::start(Behaviour::default());
    let cases = [
        (fake.profile("auth = \"app\""), "cannot confirm agreements"),
        (
            "[partner_center]\napi_url = \"http://api.partnercenter.microsoft.com\"\n".to_string(),
            "unencrypted",
        ),
        (fake.profile("requests_per_minute = 600"), "between 1 and 500"),
    ];
    for (profile, says) in cases {
        w.write("pc.toml", &profile);
        let out = pc(&w, &["push", "out", "--yes", "--config", "pc.toml"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{profile}: {stderr}");
        assert!(stderr.contains(says), "{stderr}");
    }
    let st = fake.state();
    assert_eq!(st.api_requests + st.token_requests, 0);
    drop(st);
    let out = pc(&w, &["push", "missing-folder"]);
    assert_eq!(out.status.code(), Some(3), "an unreadable clean folder is an input error");
}
