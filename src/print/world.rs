//! A Typst world over in-memory files: the template from the theme, the poster's data as
//! JSON, its QR code, and the theme's fonts. No system fonts, no packages, no disk.

use std::collections::HashMap;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Fonts and library, shared by every poster of a build.
pub struct PrintKit {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl PrintKit {
    pub fn new(font_files: impl IntoIterator<Item = Vec<u8>>) -> PrintKit {
        let fonts: Vec<Font> = font_files
            .into_iter()
            .flat_map(|b| Font::iter(Bytes::new(b)))
            .collect();
        PrintKit {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }
    pub fn has_fonts(&self) -> bool {
        !self.fonts.is_empty()
    }
}

pub fn file_id(path: &str) -> FileId {
    FileId::new(RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("static virtual path"),
    ))
}

/// One compilation: `main` plus named files.
pub struct PosterWorld<'a> {
    kit: &'a PrintKit,
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl<'a> PosterWorld<'a> {
    pub fn new(
        kit: &'a PrintKit,
        template: &str,
        files: Vec<(&str, Vec<u8>)>,
        today: (i32, u8, u8),
    ) -> Self {
        PosterWorld {
            kit,
            main: Source::new(file_id("/main.typ"), template.to_string()),
            files: files
                .into_iter()
                .map(|(p, b)| (file_id(p), Bytes::new(b)))
                .collect(),
            today: Datetime::from_ymd(today.0, today.1, today.2).expect("valid date"),
        }
    }
}

impl World for PosterWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.kit.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.kit.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let b = self.file(id)?;
        let text = std::str::from_utf8(b.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_without_slash().into()))
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.kit.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
