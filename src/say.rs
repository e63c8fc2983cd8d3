//! Lines for people on stderr that never stop a run: a closed or full stderr (`2>&-`,
//! `2>/dev/full`, `2>&1 | head -1`) loses the message, not the outputs. `eprintln!` panics
//! there instead, so nothing in the tool uses it.

use std::io::Write;

/// Writes one line to stderr, ignoring a stderr that cannot take it.
pub fn line(args: std::fmt::Arguments) {
    let _ = writeln!(std::io::stderr().lock(), "{args}");
}

/// `eprintln!` that cannot panic: `say!("wrote {n} files")`.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::say::line(format_args!($($arg)*))
    };
}
