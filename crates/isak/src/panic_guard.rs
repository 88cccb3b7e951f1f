//! calamine panics on some damaged files (an xls sheet whose declared offset lies past the end
//! of its stream indexes out of bounds). A damaged file must be an error for that file, not a
//! crash of the import, so every read that goes through calamine runs inside this guard.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `read`; a panic inside it becomes `Err(damaged(reason))`. Nothing `read` touched is used
/// after a panic except through the error, so unwinding past it is safe.
pub fn read_without_panic<T, E>(read: impl FnOnce() -> Result<T, E>, damaged: impl FnOnce(String) -> E) -> Result<T, E> {
    match catch_unwind(AssertUnwindSafe(read)) {
        Ok(result) => result,
        Err(payload) => {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the reader stopped".into());
            Err(damaged(reason))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_error_and_a_result_passes_through() {
        let caught: Result<(), String> = read_without_panic(|| panic!("index 9 out of range"), |r| format!("damaged: {r}"));
        assert_eq!(caught, Err("damaged: index 9 out of range".to_string()));
        assert_eq!(read_without_panic(|| Ok::<_, String>(7), |r| r), Ok(7));
        assert_eq!(read_without_panic(|| Err::<u8, _>("bad".to_string()), |r| r), Err("bad".to_string()));
    }
}
