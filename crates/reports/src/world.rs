//! The Typst world of one report: the template's files, the data as a virtual `/data.json`,
//! the embedded fonts plus any in the template's `fonts/` folder, and a fixed date.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::template::TemplateFiles;

/// The path under which a template reads its data: `json("/data.json")`.
pub const DATA_PATH: &str = "/data.json";

/// The fonts compiled into the binary (Libertinus Serif, New Computer Modern, DejaVu Sans
/// Mono: all cover Swedish), parsed once.
static EMBEDDED: LazyLock<Vec<Font>> =
    LazyLock::new(|| typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect());

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

pub struct ReportWorld {
    files: TemplateFiles,
    main: FileId,
    data: Bytes,
    fonts: Vec<Font>,
    book: LazyHash<FontBook>,
    today: Datetime,
}

impl ReportWorld {
    pub fn new(files: TemplateFiles, main_file: &str, data: Vec<u8>, today: Datetime) -> Self {
        let mut fonts = files.fonts();
        fonts.extend(EMBEDDED.iter().cloned());
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Self { main: file_id(&format!("/{main_file}")), files, data: Bytes::new(data), fonts, book, today }
    }

    pub fn file_name(id: FileId) -> String {
        id.get().vpath().get_without_slash().to_string()
    }
}

pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a valid template path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let rooted = id.get();
        if let VirtualRoot::Package(spec) = rooted.root() {
            // Reports are made offline: nothing is ever downloaded.
            return Err(FileError::Package(PackageError::Other(Some(
                format!(
                    "packages such as {spec} are not available in reports; copy what you need into the template folder"
                )
                .into(),
            ))));
        }
        let path = rooted.vpath().get_with_slash();
        if path == DATA_PATH {
            return Ok(self.data.clone());
        }
        self.files.read(rooted.vpath().get_without_slash())
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
