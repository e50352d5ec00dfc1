//! A Typst world over in-memory files: the theme's `print/` files (templates, shared
//! Typst modules, images), the poster's data as JSON, its QR code, and the theme's fonts.
//! No system fonts, no packages, no disk.

use std::collections::HashMap;
use std::ops::Range;
use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{DiagSpan, FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

/// Fonts, library and the theme's print files, shared by every poster of a build.
pub struct PrintKit {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Theme files under `print/`, at `/<path below print/>`.
    files: HashMap<FileId, Bytes>,
}

impl PrintKit {
    /// `print_files`: (path below `print/`, bytes). Font files become fonts, the others
    /// files the templates can read or import.
    pub fn new<'a>(print_files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> PrintKit {
        let mut fonts = Vec::new();
        let mut files = HashMap::new();
        for (path, bytes) in print_files {
            let lower = path.to_ascii_lowercase();
            if lower.ends_with(".ttf") || lower.ends_with(".otf") {
                fonts.extend(Font::iter(Bytes::new(bytes.to_vec())));
            } else if let Some(id) = file_id(&format!("/{path}")) {
                files.insert(id, Bytes::new(bytes.to_vec()));
            }
        }
        PrintKit {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            files,
        }
    }

    pub fn has_fonts(&self) -> bool {
        !self.fonts.is_empty()
    }

    /// Characters of `text` that no font of the theme has (they would print as empty boxes).
    pub fn missing_chars(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = text
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .filter(|&c| {
                !self
                    .fonts
                    .iter()
                    .any(|f| f.info().coverage.contains(c as u32))
            })
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }
}

pub fn file_id(path: &str) -> Option<FileId> {
    Some(FileId::new(RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).ok()?,
    )))
}

/// One compilation: the main template (a theme file) plus the poster's own files.
pub struct PosterWorld<'a> {
    kit: &'a PrintKit,
    main: FileId,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl<'a> PosterWorld<'a> {
    /// `main`: the template's path below `print/` (`poster.typ`); `files`: (absolute
    /// virtual path, bytes), e.g. `/data.json`.
    pub fn new(
        kit: &'a PrintKit,
        main: &str,
        files: Vec<(&str, Vec<u8>)>,
        today: (i32, u8, u8),
    ) -> Result<Self, String> {
        let main = file_id(&format!("/{main}")).ok_or_else(|| format!("bad path {main}"))?;
        if !kit.files.contains_key(&main) {
            return Err(format!("the theme has no print/{}", path_of(main)));
        }
        Ok(PosterWorld {
            kit,
            main,
            files: files
                .into_iter()
                .filter_map(|(p, b)| Some((file_id(p)?, Bytes::new(b))))
                .collect(),
            today: Datetime::from_ymd(today.0, today.1, today.2)
                .ok_or_else(|| format!("bad date {today:?}"))?,
        })
    }

    /// `print/<file>:<line>` of a span in a template, for error messages.
    pub fn locate(&self, span: DiagSpan) -> Option<String> {
        let id = span.id()?;
        let source = self.source(id).ok()?;
        let range: Range<usize> = self.range(span)?;
        let line = source.lines().byte_to_line(range.start)? + 1;
        Some(format!("print/{}:{line}", path_of(id)))
    }
}

fn path_of(id: FileId) -> String {
    id.get().vpath().get_without_slash().to_string()
}

impl World for PosterWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.kit.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.kit.book
    }
    fn main(&self) -> FileId {
        self.main
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        let b = self.file(id)?;
        let text = std::str::from_utf8(b.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if matches!(id.get().root(), VirtualRoot::Package(_)) {
            return Err(FileError::Package(PackageError::Other(Some(
                "packages are not available to poster templates".into(),
            ))));
        }
        self.files
            .get(&id)
            .or_else(|| self.kit.files.get(&id))
            .cloned()
            .ok_or_else(|| FileError::NotFound(path_of(id).into()))
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.kit.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
