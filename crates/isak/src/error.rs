//! Why a whole file could not be read. Problems inside a readable workbook are diagnostics
//! instead (see `diagnostics`), so one bad cell never stops the rest.

use thiserror::Error;

use crate::limits::{grouped, megabytes, Limit};

#[derive(Debug, Error)]
pub enum FileError {
    #[error("the file could not be opened: {0}")]
    Unreadable(#[from] std::io::Error),
    #[error("not a workbook (xls, xlsx, xlsm or ods)")]
    NotAWorkbook,
    #[error("the workbook is damaged or incomplete ({0})")]
    Corrupt(String),
    #[error("the workbook is password-protected (encrypted)")]
    Encrypted,
    #[error("the workbook is empty: no sheet holds a value")]
    Empty,
    #[error("no classification sheet: no sheet is called Klassning and none holds a table headed Informationsmängd, Konfidentialitet, Riktighet, Tillgänglighet")]
    NoClassificationSheet,
    /// `sheet` names the sheet, or for the container limits the zip entry, when one is at fault.
    #[error("{}", too_large(*limit, *found, *max, sheet.as_deref(), false))]
    TooLarge { limit: Limit, found: u64, max: u64, sheet: Option<String> },
}

infoklass_core::string_codes! {
    /// Why a whole file could not be read (an import failure is `IMPORT_` and this code).
    FileErrorCode {
        FileUnreadable = "FILE_UNREADABLE",
        NotAWorkbook = "NOT_A_WORKBOOK",
        Corrupt = "CORRUPT",
        Encrypted = "ENCRYPTED",
        Empty = "EMPTY",
        NoClassificationSheet = "NO_CLASSIFICATION_SHEET",
        TooLarge = "TOO_LARGE",
    }
}

impl FileError {
    /// A stable, machine-readable code; the UI picks its text by it.
    pub fn code(&self) -> FileErrorCode {
        match self {
            FileError::Unreadable(_) => FileErrorCode::FileUnreadable,
            FileError::NotAWorkbook => FileErrorCode::NotAWorkbook,
            FileError::Corrupt(_) => FileErrorCode::Corrupt,
            FileError::Encrypted => FileErrorCode::Encrypted,
            FileError::Empty => FileErrorCode::Empty,
            FileError::NoClassificationSheet => FileErrorCode::NoClassificationSheet,
            FileError::TooLarge { .. } => FileErrorCode::TooLarge,
        }
    }

    /// The reason in Swedish; the caller puts the file name in front.
    pub fn message_sv(&self) -> String {
        match self {
            FileError::Unreadable(e) => format!("Filen kunde inte öppnas ({e})."),
            FileError::NotAWorkbook => "Filen är ingen arbetsbok (xls, xlsx, xlsm eller ods).".into(),
            FileError::Corrupt(detail) => {
                format!("Arbetsboken är skadad eller ofullständig och kan inte läsas (tekniskt: {detail}).")
            }
            FileError::Encrypted => {
                "Arbetsboken är lösenordsskyddad (krypterad). Ta bort lösenordet i Excel och importera igen.".into()
            }
            FileError::Empty => "Arbetsboken är tom: inget blad innehåller något värde.".into(),
            FileError::NoClassificationSheet => "Bladet Klassning saknas: inget blad heter Klassning och inget \
                innehåller en tabell med rubrikerna Informationsmängd, Konfidentialitet, Riktighet och Tillgänglighet."
                .into(),
            FileError::TooLarge { limit, found, max, sheet } => too_large(*limit, *found, *max, sheet.as_deref(), true),
        }
    }

    pub fn message_en(&self) -> String {
        let mut s = self.to_string();
        if let Some(first) = s.get(..1) {
            s = first.to_uppercase() + &s[1..];
        }
        s + "."
    }
}

fn too_large(limit: Limit, found: u64, max: u64, sheet: Option<&str>, sv: bool) -> String {
    let sheet = sheet.unwrap_or("?");
    match (limit, sv) {
        (Limit::FileBytes, true) => {
            format!("Filen är för stor: {} (högst {} läses).", megabytes(found, true), megabytes(max, true))
        }
        (Limit::FileBytes, false) => {
            format!("the file is too large: {} (at most {} are read)", megabytes(found, false), megabytes(max, false))
        }
        (Limit::UncompressedBytes, true) => format!(
            "Arbetsboken packas upp till {} (högst {} läses); den kan vara en dekomprimeringsbomb och har inte packats upp.",
            megabytes(found, true),
            megabytes(max, true)
        ),
        (Limit::UncompressedBytes, false) => format!(
            "the workbook unpacks to {} (at most {} are read); it may be a decompression bomb and was not unpacked",
            megabytes(found, false),
            megabytes(max, false)
        ),
        (Limit::RowsPerSheet, true) => {
            format!("Bladet «{sheet}» har minst {} rader (högst {} läses).", grouped(found), grouped(max))
        }
        (Limit::RowsPerSheet, false) => {
            format!("the sheet \"{sheet}\" has at least {found} rows (at most {max} are read)")
        }
        (Limit::Cells, true) => {
            format!("Arbetsboken har fler än {} ifyllda celler, vilket är gränsen.", grouped(max))
        }
        (Limit::Cells, false) => format!("the workbook has more than {max} filled cells, which is the limit"),
        (Limit::CellChars, true) => format!("En cell har {} tecken (högst {} läses).", grouped(found), grouped(max)),
        (Limit::CellChars, false) => format!("a cell has {found} characters (at most {max} are read)"),
        (Limit::ZipEntries, true) => {
            format!("Arbetsboken består av {} delar (högst {} läses); den har inte packats upp.", grouped(found), grouped(max))
        }
        (Limit::ZipEntries, false) => format!("the workbook consists of {found} parts (at most {max} are read); it was not unpacked"),
        (Limit::PartBytes, true) => format!(
            "Delen «{sheet}» av arbetsboken packas upp till {} (högst {} läses); den har inte packats upp.",
            megabytes(found, true),
            megabytes(max, true)
        ),
        (Limit::PartBytes, false) => format!(
            "the part \"{sheet}\" of the workbook unpacks to {} (at most {} are read); it was not unpacked",
            megabytes(found, false),
            megabytes(max, false)
        ),
        (Limit::CompressionRatio, true) => format!(
            "Delen «{sheet}» av arbetsboken är komprimerad {}:1 (högst {}:1); den kan vara en dekomprimeringsbomb och har inte packats upp.",
            grouped(found),
            grouped(max)
        ),
        (Limit::CompressionRatio, false) => format!(
            "the part \"{sheet}\" of the workbook is compressed {found}:1 (at most {max}:1); it may be a decompression bomb and was not unpacked"
        ),
        (Limit::SharedStrings, true) => {
            format!("Arbetsboken anger {} delade texter (högst {} läses); den har inte lästs.", grouped(found), grouped(max))
        }
        (Limit::SharedStrings, false) => {
            format!("the workbook declares {found} shared strings (at most {max} are read); it was not read")
        }
        (Limit::Styles, true) => {
            format!("Arbetsboken har {} cellformat (högst {} läses); den har inte lästs.", grouped(found), grouped(max))
        }
        (Limit::Styles, false) => format!("the workbook has {found} cell formats (at most {max} are read); it was not read"),
        (Limit::DenseCells, true) => format!(
            "Bladet «{sheet}» spänner över {} celler (högst {} läses); det har inte lästs.",
            grouped(found),
            grouped(max)
        ),
        (Limit::DenseCells, false) => {
            format!("the sheet \"{sheet}\" spans {found} cells (at most {max} are read); it was not read")
        }
        (Limit::TextRun, true) => format!(
            "Delen «{sheet}» av arbetsboken har {} text i ett stycke (högst {} läses); den har inte lästs.",
            megabytes(found, true),
            megabytes(max, true)
        ),
        (Limit::TextRun, false) => format!(
            "the part \"{sheet}\" of the workbook holds {} of text in one piece (at most {} are read); it was not read",
            megabytes(found, false),
            megabytes(max, false)
        ),
        (Limit::TextBytes, true) => format!(
            "Arbetsbokens celler rymmer minst {} text (högst {} läses); den har inte lästs.",
            megabytes(found, true),
            megabytes(max, true)
        ),
        (Limit::TextBytes, false) => format!(
            "the cells of the workbook hold at least {} of text (at most {} are read); it was not read",
            megabytes(found, false),
            megabytes(max, false)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_reason() {
        let e = FileError::TooLarge {
            limit: Limit::RowsPerSheet,
            found: 150_001,
            max: 100_000,
            sheet: Some("Klassning".into()),
        };
        assert_eq!(e.code(), "TOO_LARGE");
        assert_eq!(e.message_sv(), "Bladet «Klassning» har minst 150\u{202f}001 rader (högst 100\u{202f}000 läses).");
        assert_eq!(e.message_en(), "The sheet \"Klassning\" has at least 150001 rows (at most 100000 are read).");
        assert_eq!(FileError::Encrypted.message_en(), "The workbook is password-protected (encrypted).");
    }
}
