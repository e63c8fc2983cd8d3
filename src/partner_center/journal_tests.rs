//! The journal: the last event wins, a line cut by a kill is ignored and ended, damage
//! elsewhere is refused.

use super::*;

fn target() -> Target {
    Target::new("https://api.partnercenter.microsoft.com", "Contoso.onmicrosoft.com")
}

fn entry(line: u64, request: &str) -> Entry {
    Entry {
        line,
        source: ["in.csv".into(), String::new(), (line + 1).to_string(), String::new()],
        step: "customer".into(),
        request_id: request.into(),
        ..Entry::default()
    }
}

#[test]
fn the_last_event_of_each_request_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.csv");
    let mut w = Writer::open(&path, &target()).unwrap();
    w.write(Status::Sending, &entry(1, "r1")).unwrap();
    let created = Entry { http_status: Some(201), customer_id: "c-1".into(), ..entry(1, "r1") };
    w.write(Status::Created, &created).unwrap();
    w.write(Status::Sending, &entry(2, "r2")).unwrap();
    let refused = Entry {
        http_status: Some(400),
        error_code: "600049".into(),
        error_message: "Organization registration id information is missing, \"quoted\"\nand two lines"
            .into(),
        ..entry(2, "r2")
    };
    w.write(Status::Failed, &refused).unwrap();
    w.write(Status::Sending, &entry(3, "r3")).unwrap();
    drop(w);
    let got = load(&path, &target()).unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(got["r1"], Last { status: Status::Created, entry: created });
    assert_eq!(got["r2"], Last { status: Status::Failed, entry: refused });
    assert_eq!(got["r3"].status, Status::Sending, "a request without an answer stays in doubt");
    // Reopening appends under the same header.
    Writer::open(&path, &target()).unwrap().write(Status::GaveUp, &entry(3, "r3")).unwrap();
    assert_eq!(load(&path, &target()).unwrap()["r3"].status, Status::GaveUp);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("at,line,").count(), 1);
}

#[test]
fn a_line_cut_by_a_kill_is_ignored_and_ended() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.csv");
    let mut w = Writer::open(&path, &target()).unwrap();
    let created = Entry { customer_id: "c-1".into(), ..entry(1, "r1") };
    w.write(Status::Created, &created).unwrap();
    drop(w);
    let whole = std::fs::read_to_string(&path).unwrap();
    for cut in
        ["2026-01-01T00:00:00Z,2,in.csv,,3,,customer,r2,crea", "2026-01-01T00:00:00Z,2,in.csv,,3,,custo"]
    {
        std::fs::write(&path, format!("{whole}{cut}")).unwrap();
        let got = load(&path, &target()).unwrap();
        assert_eq!(got.len(), 1, "{cut}");
        assert_eq!(got["r1"].entry.customer_id, "c-1");
        // The next event starts on a line of its own, and the cut line then counts as damage.
        Writer::open(&path, &target()).unwrap().write(Status::Created, &entry(2, "r2")).unwrap();
        let err = load(&path, &target()).unwrap_err().to_string();
        assert!(err.contains("row 3") && err.contains("damaged"), "{err}");
    }
}

#[test]
fn a_foreign_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.csv");
    std::fs::write(&path, "a,b\n1,2\n").unwrap();
    assert!(load(&path, &target()).unwrap_err().to_string().contains("not a push journal"));
    assert!(
        load(&dir.path().join("none.csv"), &target()).unwrap().is_empty(),
        "no journal: nothing done yet"
    );
}

#[test]
fn a_journal_of_another_tenant_or_api_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.csv");
    Writer::open(&path, &target()).unwrap().write(Status::Created, &entry(1, "r1")).unwrap();
    assert_eq!(
        load(&path, &Target::new("https://api.partnercenter.microsoft.com", "contoso.onmicrosoft.com "))
            .unwrap()
            .len(),
        1
    );
    for other in [
        Target::new("https://api.partnercenter.microsoft.com", "contoso-sandbox.onmicrosoft.com"),
        Target::new("https://partner.partnercenterapi.microsoftonline.cn", "contoso.onmicrosoft.com"),
    ] {
        let err = load(&path, &other).unwrap_err().to_string();
        assert!(err.contains("another") && err.contains(&other.tenant), "{err}");
    }
}
