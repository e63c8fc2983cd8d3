//! rust_xlsxwriter panics when a write to its temporary sheet files fails (a full disk: it
//! `expect`s every XML write in constant-memory mode). The workbook writer runs inside
//! [`contain`], which turns such a panic into an output error, so a full disk ends the run with
//! a message and exit code 4 rather than a crash. While a containment is active its panics are
//! not printed by the default hook; panics anywhere else still are.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};

/// Containments in progress (the workbook's sheets are filled on several threads).
static ACTIVE: AtomicUsize = AtomicUsize::new(0);
/// The message of the first contained panic.
static MESSAGE: Mutex<Option<String>> = Mutex::new(None);

fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if ACTIVE.load(Ordering::SeqCst) == 0 {
                return previous(info);
            }
            let text = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "the workbook writer stopped".to_string());
            if let Ok(mut m) = MESSAGE.lock() {
                m.get_or_insert(text);
            }
        }));
    });
}

/// Runs `f`; a panic inside it becomes `Err` with the panic's message.
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    ACTIVE.fetch_add(1, Ordering::SeqCst);
    let result = catch_unwind(AssertUnwindSafe(f));
    ACTIVE.fetch_sub(1, Ordering::SeqCst);
    result.map_err(|_| {
        MESSAGE
            .lock()
            .ok()
            .and_then(|mut m| m.take())
            .unwrap_or_else(|| "the workbook writer stopped".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_becomes_an_error() {
        assert_eq!(contain(|| 7), Ok(7));
        let err = contain(|| -> u8 { panic!("Couldn't write to xml file: disk full") }).unwrap_err();
        assert!(err.contains("disk full"), "{err}");
    }
}
