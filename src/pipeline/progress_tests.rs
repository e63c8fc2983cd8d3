//! The progress lines rendered into an in-memory terminal: what a person sees at each stage.

use super::*;
use indicatif::TermLike;
use std::sync::{Arc, Mutex};

/// A terminal of fixed width with auto-wrap, enough of a VT100 for indicatif's drawing: it
/// fills each line to the width and relies on the wrap to reach the next one.
#[derive(Debug, Clone)]
struct Screen(Arc<Mutex<Grid>>);

#[derive(Debug)]
struct Grid {
    width: usize,
    rows: Vec<Vec<char>>,
    row: usize,
    col: usize,
    /// The last column was written: the next character goes to the next line.
    pending_wrap: bool,
}

impl Screen {
    fn new(width: usize) -> Screen {
        Screen(Arc::new(Mutex::new(Grid { width, rows: Vec::new(), row: 0, col: 0, pending_wrap: false })))
    }

    /// The lines on screen, without trailing blanks.
    fn lines(&self) -> Vec<String> {
        let g = self.0.lock().unwrap();
        let mut out: Vec<String> =
            g.rows.iter().map(|r| r.iter().collect::<String>().trim_end().to_string()).collect();
        while out.last().is_some_and(|l| l.is_empty()) {
            out.pop();
        }
        out
    }

    fn with<R>(&self, f: impl FnOnce(&mut Grid) -> R) -> std::io::Result<R> {
        Ok(f(&mut self.0.lock().unwrap()))
    }
}

impl Grid {
    fn line(&mut self) -> &mut Vec<char> {
        while self.rows.len() <= self.row {
            self.rows.push(vec![' '; self.width]);
        }
        &mut self.rows[self.row]
    }

    fn put(&mut self, c: char) {
        if c == '\r' {
            self.col = 0;
            self.pending_wrap = false;
            return;
        }
        if self.pending_wrap {
            self.row += 1;
            self.col = 0;
            self.pending_wrap = false;
        }
        let col = self.col;
        self.line()[col] = c;
        if self.col + 1 == self.width {
            self.pending_wrap = true;
        } else {
            self.col += 1;
        }
    }
}

impl TermLike for Screen {
    fn width(&self) -> u16 {
        self.0.lock().unwrap().width as u16
    }
    fn height(&self) -> u16 {
        50
    }
    fn move_cursor_up(&self, n: usize) -> std::io::Result<()> {
        // As a terminal: no escape sequence at all for zero lines (console writes none).
        self.with(|g| {
            if n > 0 {
                g.row = g.row.saturating_sub(n);
                g.pending_wrap = false;
            }
        })
    }
    fn move_cursor_down(&self, n: usize) -> std::io::Result<()> {
        self.with(|g| {
            if n > 0 {
                g.row += n;
                g.pending_wrap = false;
            }
        })
    }
    fn move_cursor_right(&self, n: usize) -> std::io::Result<()> {
        self.with(|g| g.col = (g.col + n).min(g.width - 1))
    }
    fn move_cursor_left(&self, n: usize) -> std::io::Result<()> {
        self.with(|g| g.col = g.col.saturating_sub(n))
    }
    fn write_line(&self, s: &str) -> std::io::Result<()> {
        self.with(|g| {
            s.chars().for_each(|c| g.put(c));
            g.line();
            g.row += 1;
            g.col = 0;
            g.pending_wrap = false;
        })
    }
    fn write_str(&self, s: &str) -> std::io::Result<()> {
        self.with(|g| s.chars().for_each(|c| g.put(c)))
    }
    fn clear_line(&self) -> std::io::Result<()> {
        self.with(|g| {
            let w = g.width;
            *g.line() = vec![' '; w];
            g.col = 0;
            g.pending_wrap = false;
        })
    }
    fn flush(&self) -> std::io::Result<()> {
        Ok(())
    }
}

fn live(width: usize) -> (Live, Screen) {
    let screen = Screen::new(width);
    (Live::to(ProgressDrawTarget::term_like(Box::new(screen.clone())), false), screen)
}

/// Strips the stage's time, which depends on the machine: `✓ read a.csv · 0.0s` → `✓ read a.csv`.
fn without_time(line: &str) -> &str {
    match line.rsplit_once(" · ") {
        Some((words, time)) if time.ends_with('s') && time.len() <= 8 => words,
        _ => line,
    }
}

#[test]
fn each_stage_shows_where_it_is_then_leaves_a_finish_line() {
    let (live, screen) = live(120);
    live.begin("reading big.csv", Unit::Bytes, Some(12_000_000));
    live.set_position(4_200_000);
    live.set_message("42,714 rows · 42,714 rows/s".into());
    let now = screen.lines();
    assert_eq!(now.len(), 1, "{now:#?}");
    assert!(now[0].contains("reading big.csv ["), "{now:#?}");
    assert!(now[0].contains("] 4.2 MB of 12.0 MB · 42,714 rows · 42,714 rows/s · ETA "), "{now:#?}");

    live.finish(|_| "read big.csv: 200,000 rows".into());
    live.begin("matching 200,000 rows", Unit::Time, None);
    live.println("note: something worth knowing");
    let now = screen.lines();
    assert_eq!(without_time(&now[0]), "✓ read big.csv: 200,000 rows", "{now:#?}");
    assert_eq!(now[1], "note: something worth knowing", "{now:#?}");
    assert!(now[2].contains("matching 200,000 rows · "), "the spinner line: {now:#?}");

    // A new stage closes the one under way with its own words.
    live.begin("writing outputs", Unit::Outputs, Some(13));
    live.inc(3);
    let now = screen.lines();
    assert_eq!(without_time(&now[2]), "✓ matching 200,000 rows", "{now:#?}");
    assert!(now[3].contains("] 3 of 13 outputs · "), "{now:#?}");

    live.inc(10);
    live.finish(|_| "wrote 13 of 13 outputs".into());
    let done: Vec<String> = screen.lines().iter().map(|l| without_time(l).to_string()).collect();
    assert_eq!(
        done,
        [
            "✓ read big.csv: 200,000 rows",
            "note: something worth knowing",
            "✓ matching 200,000 rows",
            "✓ wrote 13 of 13 outputs"
        ],
        "no bar is left behind"
    );
}

#[test]
fn a_sheet_counts_rows_and_a_stream_counts_what_it_read() {
    let (live, screen) = live(120);
    live.begin("reading book.xlsx [EMEA]", Unit::Rows, Some(75_000));
    live.set_position(1_500);
    let now = screen.lines();
    assert!(now[0].contains("] 1,500 of 75,000 rows · "), "{now:#?}");
    assert!(now[0].contains(" rows/s · ETA "), "{now:#?}");

    live.begin("reading -", Unit::Rows, None);
    live.inc(12_345);
    let now = screen.lines();
    assert!(now[1].contains("reading -: 12,345 rows · "), "{now:#?}");
    assert!(now[1].contains(" rows/s · "), "{now:#?}");
}

#[test]
fn rates_are_whole_numbers_of_rows() {
    let (live, screen) = live(120);
    live.begin("reading -", Unit::Rows, None);
    live.inc(5);
    let line = &screen.lines()[0];
    let rate = line.split(" · ").nth(1).unwrap_or_default();
    assert!(rate.ends_with(" rows/s"), "{line}");
    let digits = rate.trim_end_matches(" rows/s");
    assert!(digits.chars().all(|c| c.is_ascii_digit() || c == ','), "{line}");
}

#[test]
fn eta_scales_the_time_so_far() {
    let table: &[(u64, Option<u64>, f64, &str)] = &[
        (50, Some(100), 2.0, "2.0s"),
        (25, Some(100), 10.0, "30.0s"),
        (0, Some(100), 5.0, "?"),
        (10, None, 5.0, "?"),
        (100, Some(100), 5.0, "0.0s"),
        (1, Some(1_000), 1.0, "16m 39s"),
    ];
    for (done, total, secs, want) in table {
        assert_eq!(eta(*done, *total, *secs), *want, "{done} of {total:?} in {secs}s");
    }
}
