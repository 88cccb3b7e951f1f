//! Reads one legacy ISAK workbook (xls, xlsx, xlsm, ods) into plain data plus diagnostics.
//!
//! Pure: no database and nothing written. Content is found by the text of sheet names,
//! labels and headers, never by fixed addresses. Formulas are never evaluated (cached
//! values only); a file that cannot be read at all is a [`FileError`], a problem inside a
//! readable file is a [`Diagnostic`] and the rest is still read.

mod classification;
mod container;
mod dates;
mod diagnostics;
mod error;
mod facts;
mod grid;
pub mod guard;
mod leftovers;
mod levels;
mod limits;
mod load;
mod model;
mod requirements;
mod risks;
mod sheets;
mod table;
mod text_cells;

use std::path::Path;

use sha2::{Digest, Sha256};

#[cfg(feature = "sample")]
pub mod sample;

pub use container::Format;
pub use diagnostics::{Diagnostic, Severity};
pub use error::{FileError, FileErrorCode};
pub use limits::{Limit, Limits};
pub use model::{ImportProfile, Leftover, LegacyRequirement, ObjectFacts, ParsedWorkbook, RiskRow, SetRow};

use diagnostics::Diagnostics;

/// Reads a workbook file. Its size is checked before it is read into memory.
pub fn read_file(path: &Path, profile: &ImportProfile, limits: &Limits) -> Result<ParsedWorkbook, FileError> {
    let bytes = guard::read_path(path, limits)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    read_bytes(&name, &bytes, profile, limits)
}

/// Reads a workbook held in memory; `file_name` is only recorded (the format is taken from
/// the bytes, so an `.xlsm` or a misnamed file reads the same).
pub fn read_bytes(
    file_name: &str,
    bytes: &[u8],
    profile: &ImportProfile,
    limits: &Limits,
) -> Result<ParsedWorkbook, FileError> {
    read_checked(file_name, &guard::Checked::new(bytes, limits)?, profile)
}

/// Reads a workbook that passed the guard's checks already (see [`guard::Checked`]).
pub fn read_checked(
    file_name: &str,
    checked: &guard::Checked,
    profile: &ImportProfile,
) -> Result<ParsedWorkbook, FileError> {
    let (bytes, format, limits) = (checked.bytes(), checked.format(), checked.limits());
    let mut diags = Diagnostics::default();
    let book = guard::calm(|| load::load(bytes, format, limits, &mut diags))?;
    let sheets = &book.sheets;
    if sheets.iter().all(grid::Sheet::is_empty) {
        return Err(FileError::Empty);
    }
    let roles = sheets::locate(sheets, &mut diags);
    let Some(ci) = roles.classification else { return Err(FileError::NoClassificationSheet) };

    let mut words = Vec::new();
    let (object, sets) = classification::read(&sheets[ci], profile, &mut diags, &mut words);
    let classification_sheet = sheets[ci].name.clone();
    let risks = match roles.risks {
        Some(i) => risks::read(&sheets[i], profile, &mut diags, &mut words),
        None => {
            let (sv, en) = (
                "arbetsboken har inget blad Riskanalys; inga risker lästes",
                "the workbook has no Riskanalys sheet; no risks were read",
            );
            diags.file(Severity::Info, "NO_RISK_SHEET", sv.into(), en.into());
            Vec::new()
        }
    };
    let legacy_requirements = match roles.requirements {
        Some(i) => requirements::read(&sheets[i], &mut diags),
        None => {
            let (sv, en) = (
                "arbetsboken har inget blad Krav; inga krav lästes",
                "the workbook has no Krav sheet; no requirements were read",
            );
            diags.file(Severity::Info, "NO_REQUIREMENT_SHEET", sv.into(), en.into());
            Vec::new()
        }
    };
    let unrecognised = leftovers::collect(sheets, &roles, &mut diags);
    diags.summarise_left_empty();
    words.sort();
    Ok(ParsedWorkbook {
        file_name: file_name.to_string(),
        sha256: hex(&Sha256::digest(bytes)),
        format: format.name().to_string(),
        object,
        classification_sheet,
        sets,
        risks,
        legacy_requirements,
        unrecognised,
        diagnostics: diags.list,
        unknown_words: words,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
