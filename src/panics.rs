//! Catching a panic and saying where it happened.
//!
//! A bug on one odd input must not end a corpus run, and `explain --text` or
//! `lexicon check` must report it rather than exit with status 101. The
//! location (`file:line:column`) is not in a panic's payload, so a panic hook,
//! installed once, records it for the thread; while [`catch`] runs on that
//! thread the default message is not printed (the caller reports it), and
//! elsewhere the previous hook runs as before.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CATCHING: Cell<usize> = const { Cell::new(0) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let location = info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_else(|| "unknown location".into());
            LAST.with(|l| *l.borrow_mut() = Some(location));
            if CATCHING.with(|c| c.get()) == 0 {
                previous(info);
            }
        }));
    });
}

/// A caught panic: its message (first line) and where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caught {
    pub message: String,
    pub location: String,
}

impl std::fmt::Display for Caught {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (at {})", self.message, self.location)
    }
}

/// Run `f`; a panic inside it becomes `Err` with its message and location.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Caught> {
    install_hook();
    CATCHING.with(|c| c.set(c.get() + 1));
    LAST.with(|l| *l.borrow_mut() = None);
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get() - 1));
    r.map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic with a non-text payload".into());
        Caught {
            message: msg.lines().next().unwrap_or("").to_string(),
            location: LAST
                .with(|l| l.borrow_mut().take())
                .unwrap_or_else(|| "unknown location".into()),
        }
    })
}

/// Unit tests only: make a chosen stage panic at a chosen byte, to test the
/// per-sentence and per-statement catches without a real bug. Not compiled
/// into the library or the binary.
#[cfg(test)]
pub(crate) mod test_hook {
    use std::cell::RefCell;

    thread_local! {
        static AT: RefCell<Option<(&'static str, usize)>> = const { RefCell::new(None) };
    }

    /// Panic in `stage` ("sentence", "attribution", "stance") at the
    /// sentence starting at byte `at`, on this thread, until [`clear`].
    pub(crate) fn set(stage: &'static str, at: usize) {
        AT.with(|a| *a.borrow_mut() = Some((stage, at)));
    }

    pub(crate) fn clear() {
        AT.with(|a| *a.borrow_mut() = None);
    }

    /// The panic's location is the caller's, as a real bug's would be.
    #[track_caller]
    pub(crate) fn maybe_panic(stage: &str, at: usize) {
        if AT.with(|a| *a.borrow() == Some((stage, at))) {
            panic!("test panic in {stage} at byte {at}; on purpose");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_with_its_location() {
        let e = catch(|| {
            let v: Vec<u8> = Vec::new();
            v[usize::from(v.is_empty())]
        })
        .unwrap_err();
        assert!(e.message.contains("index out of bounds"), "{e}");
        assert!(e.location.starts_with("src/panics.rs:"), "{e}");
        assert_eq!(catch(|| 7).unwrap(), 7);
    }
}
