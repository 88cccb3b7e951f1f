//! Caps on what one input may hold. Every text must fit an xlsx cell, or the object could
//! never be exported as a workbook again; files and lists are capped so one file cannot make
//! a command run for minutes or use gigabytes.

use crate::classification::ClassificationContent;
use crate::codes::ErrorCode;
use crate::object::ObjectMeta;
use crate::risk::Risk;

/// What one xlsx cell holds, counted as Excel counts: UTF-16 code units.
pub const MAX_CELL_CHARS: usize = 32_767;
/// An object's name also goes into a title cell and a file name.
pub const MAX_NAME_CHARS: usize = 500;
/// An object, risk, threat or information-type file (TOML or JSON).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Information sets in one classification.
pub const MAX_SETS: usize = 10_000;
/// Risks in one analysis.
pub const MAX_RISKS: usize = 10_000;
/// Entries (threats, origins, information types) in one list file.
pub const MAX_LIST_ENTRIES: usize = 10_000;

/// An input over one of the caps, with the cap it broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LimitError {
    TextTooLong { field: String, chars: usize, max: usize },
    TooManyItems { what: &'static str, count: usize, max: usize },
    FileTooLarge { bytes: u64, max: u64 },
}

impl LimitError {
    /// The stable code the UI and the CLI show.
    pub fn code(&self) -> ErrorCode {
        match self {
            LimitError::TextTooLong { .. } => ErrorCode::TextTooLong,
            LimitError::TooManyItems { .. } => ErrorCode::TooManyItems,
            LimitError::FileTooLarge { .. } => ErrorCode::FileTooLarge,
        }
    }
}

impl std::fmt::Display for LimitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LimitError::TextTooLong { field, chars, max } => {
                write!(f, "{field} has {chars} characters; at most {max} fit (an xlsx cell holds {MAX_CELL_CHARS})")
            }
            LimitError::TooManyItems { what, count, max } => write!(f, "{count} {what}; at most {max} are allowed"),
            LimitError::FileTooLarge { bytes, max } => write!(f, "the file is {bytes} bytes; at most {max} are read"),
        }
    }
}

impl std::error::Error for LimitError {}

/// The length Excel counts (UTF-16 code units); a 4-byte character counts twice.
pub fn cell_chars(text: &str) -> usize {
    text.encode_utf16().count()
}

/// `text` may hold at most `max` characters; `field` names it in the error.
pub fn check_text(field: impl FnOnce() -> String, text: &str, max: usize) -> Result<(), LimitError> {
    if text.len() <= max {
        // Never more UTF-16 units than bytes: the common case needs no counting.
        return Ok(());
    }
    let chars = cell_chars(text);
    if chars > max {
        return Err(LimitError::TextTooLong { field: field(), chars, max });
    }
    Ok(())
}

/// At most `max` of `what`.
pub fn check_count(what: &'static str, count: usize, max: usize) -> Result<(), LimitError> {
    if count > max {
        return Err(LimitError::TooManyItems { what, count, max });
    }
    Ok(())
}

/// A file of `bytes` may be read.
pub fn check_file_size(bytes: u64) -> Result<(), LimitError> {
    if bytes > MAX_FILE_BYTES {
        return Err(LimitError::FileTooLarge { bytes, max: MAX_FILE_BYTES });
    }
    Ok(())
}

/// Every fact of an object fits its cell; lists are joined with "; " in the workbook.
pub fn check_meta(m: &ObjectMeta) -> Result<(), LimitError> {
    check_text(|| "the object's name".into(), &m.name, MAX_NAME_CHARS)?;
    let texts = [
        ("description", &m.description),
        ("unit", &m.unit),
        ("information_owner", &m.information_owner),
        ("system_owner", &m.system_owner),
        ("system_administrator", &m.system_administrator),
        ("supplier", &m.supplier),
    ];
    for (field, text) in texts {
        check_text(|| format!("the object's {field}"), text, MAX_CELL_CHARS)?;
    }
    for (field, list) in [("participants", &m.participants), ("tags", &m.tags)] {
        check_text(|| format!("the object's {field}"), &list.join("; "), MAX_CELL_CHARS)?;
    }
    Ok(())
}

/// The number of sets, and every set's, uplift's and lagrum decision's texts.
pub fn check_content(c: &ClassificationContent) -> Result<(), LimitError> {
    check_count("information sets", c.sets.len(), MAX_SETS)?;
    for (i, s) in c.sets.iter().enumerate() {
        let at = || format!("information set {} ({})", i + 1, s.name.chars().take(40).collect::<String>());
        check_text(|| format!("{}: name", at()), &s.name, MAX_CELL_CHARS)?;
        check_text(|| format!("{}: description", at()), &s.description, MAX_CELL_CHARS)?;
        for (a, m) in s.motivations.iter() {
            check_text(|| format!("{}: motivation {}", at(), a.code()), m, MAX_CELL_CHARS)?;
        }
    }
    for (a, u) in c.uplifts.iter() {
        if let Some(u) = u {
            check_text(|| format!("the uplift of {}: motivation", a.code()), &u.motivation, MAX_CELL_CHARS)?;
        }
    }
    for d in &c.lagrum {
        check_text(|| format!("the decision on {}: reason", d.lagrum), &d.reason, MAX_CELL_CHARS)?;
    }
    Ok(())
}

/// Every text of a risk fits its cell.
pub fn check_risk(r: &Risk) -> Result<(), LimitError> {
    let texts = [
        ("cause", &r.cause),
        ("event", &r.event),
        ("consequence_text", &r.consequence_text),
        ("existing_controls", &r.existing_controls),
        ("consequence_motivation", &r.consequence_motivation),
        ("treatment_motivation", &r.treatment_motivation),
    ];
    for (field, text) in texts {
        check_text(|| format!("the risk's {field}"), text, MAX_CELL_CHARS)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classification::InformationSet;

    #[test]
    fn texts_are_counted_as_excel_counts() {
        assert_eq!(cell_chars("åäö"), 3);
        assert_eq!(cell_chars("𝐀"), 2, "outside the BMP: two UTF-16 units");
        let fits = "å".repeat(MAX_CELL_CHARS);
        assert!(check_text(|| "x".into(), &fits, MAX_CELL_CHARS).is_ok(), "two bytes each, still one character");
        let over = "𝐀".repeat(MAX_CELL_CHARS / 2 + 1);
        let e = check_text(|| "the name".into(), &over, MAX_CELL_CHARS).unwrap_err();
        assert_eq!(e.code(), "TEXT_TOO_LONG");
        assert!(e.to_string().starts_with("the name has 32768 characters; at most 32767"), "{e}");
    }

    #[test]
    fn content_names_the_field_and_the_cap() {
        let mut c = ClassificationContent {
            sets: vec![InformationSet { name: "Fakturor".into(), ..Default::default() }],
            ..Default::default()
        };
        c.sets[0].motivations.r = "x".repeat(MAX_CELL_CHARS + 1);
        let e = check_content(&c).unwrap_err().to_string();
        assert!(e.contains("information set 1 (Fakturor): motivation R has 32768 characters"), "{e}");
        c.sets = vec![InformationSet::default(); MAX_SETS + 1];
        assert_eq!(
            check_content(&c).unwrap_err(),
            LimitError::TooManyItems { what: "information sets", count: MAX_SETS + 1, max: MAX_SETS }
        );
        let long_name = ObjectMeta { name: "n".repeat(MAX_NAME_CHARS + 1), ..Default::default() };
        assert_eq!(check_meta(&long_name).unwrap_err().code(), "TEXT_TOO_LONG");
    }

    #[test]
    fn files_over_the_cap_are_refused() {
        assert!(check_file_size(MAX_FILE_BYTES).is_ok());
        assert_eq!(check_file_size(MAX_FILE_BYTES + 1).unwrap_err().code(), "FILE_TOO_LARGE");
    }
}
