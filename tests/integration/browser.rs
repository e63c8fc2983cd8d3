//! report.html in a real browser: headless Chromium loads the page from disk, runs its script
//! and shows the totals and the first page of rejected rows. Skipped (with a notice) where no
//! Chromium is installed, except under `CI=true`, where it fails: CI installs it.

use crate::common::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser", "google-chrome"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

/// How long Chromium may take before the test gives up on it (it is killed, not left running).
const DEADLINE: Duration = Duration::from_secs(90);

/// Runs headless Chromium on a page with `extra` arguments; returns stdout.
fn headless(browser: &Path, profile: &Path, page: &Path, extra: &[&str]) -> String {
    let url = format!("file://{}", page.display());
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(&url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Read both pipes on threads so that neither can fill up while we wait.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            pipe.read_to_string(&mut s).map(|_| s).unwrap_or_default()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "chromium failed: {}", stderr.join().unwrap());
    stdout.join().unwrap()
}

/// The rendered page shows the totals and a first page of rejected rows (so its script ran
/// without error), values from the input appear as text, and a screenshot is taken.
#[test]
fn the_page_renders_in_a_browser() {
    let Some(browser) = chromium() else {
        // CI installs Chromium: there a missing browser is a broken setup, not a reason to pass.
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but chromium is not installed: install it (the browser test of report.html \
             cannot run)"
        );
        eprintln!("note: chromium is not installed; skipping the browser test of report.html");
        return;
    };
    let w = Work::new();
    // The script and the formula rows are rejected (a placeholder contact), so they are on the
    // first page of the table.
    let rows = [
        de_row("Contoso GmbH", "contoso"),
        de_row("\"<script>alert(1)</script>\"", "scriptco").replace(",Anna,", ",Admin,"),
        de_row("\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "formulaco").replace(",Anna,", ",Admin,"),
    ];
    let more: Vec<String> = (0..40).map(|i| de_row(&format!("Test {i}"), &format!("test{i}"))).collect();
    w.write("in.csv", format!("{HEADER}\n{}\n{}\n", rows.join("\n"), more.join("\n")));
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    let page = w.path("out/report.html");
    let dom = headless(&browser, &w.path("profile"), &page, &["--dump-dom"]);

    assert!(dom.contains("<div class=\"n\">43</div><div class=\"l\">rows</div>"), "totals: {dom}");
    let body =
        dom.split("<tbody id=\"pc-rows\">").nth(1).expect("the rows table").split("</tbody>").next().unwrap();
    assert_eq!(body.matches("<tr>").count(), 25, "the first page of 25 rows is rendered");
    assert!(dom.contains("Rows 1–25 of 42"), "the pager says where we are");
    // The script element of the input became text: escaped in the DOM, never a live element.
    assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{body}");
    assert_eq!(dom.matches("<script").count(), 2, "no script element was injected");
    assert!(body.contains("'=HYPERLINK("), "the formula is shown guarded");
    assert!(!dom.contains("id=\"pc-table\" hidden"), "the table was revealed by the script");

    let shot = w.path("report.png");
    headless(
        &browser,
        &w.path("profile"),
        &page,
        &[&format!("--screenshot={}", shot.display()), "--window-size=1280,1600"],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{} bytes", png.len());
}

/// A partner's report.html (`--report-per`) renders like the whole list's, with its own rows
/// only, and the partners' index page renders with a link per partner.
#[test]
fn a_partners_page_renders_in_a_browser() {
    let Some(browser) = chromium() else {
        eprintln!("note: chromium is not installed; skipping the browser test of the partners' pages");
        return;
    };
    let w = Work::new();
    let mut lines = vec![format!("{HEADER},Reseller")];
    for i in 0..30 {
        let (reseller, name) = if i % 3 == 0 { ("Alpha IT", "Alphaco") } else { ("Beta Systems", "Betaco") };
        lines.push(
            format!("{},{reseller}", de_row(&format!("{name} {i}"), &format!("co{i}")))
                .replace(",Anna,", ",Admin,"),
        );
    }
    w.write("in.csv", lines.join("\n") + "\n");
    w.run_ok(&["run", "in.csv", "--out", "out", "-q", "--report-per", "Reseller"]);
    let dom = headless(
        &browser,
        &w.path("profile"),
        &w.path("out/partners/beta-systems/report.html"),
        &["--dump-dom"],
    );
    assert!(dom.contains("<div class=\"n\">20</div><div class=\"l\">rows</div>"), "totals: {dom}");
    let body =
        dom.split("<tbody id=\"pc-rows\">").nth(1).expect("the rows table").split("</tbody>").next().unwrap();
    assert_eq!(body.matches("<tr>").count(), 20, "Beta's 20 rejected rows, on one page");
    assert!(body.contains("Betaco 1") && !dom.contains("Alphaco"), "only Beta's rows: {body}");
    assert!(!dom.contains("id=\"pc-table\" hidden"), "the table was revealed by the script");
    let index = headless(&browser, &w.path("profile"), &w.path("out/partners/index.html"), &["--dump-dom"]);
    for folder in ["alpha-it", "beta-systems"] {
        assert!(index.contains(&format!("href=\"{folder}/report.html\"")), "{index}");
    }
}
