//! What to build and how: the options every command passes to the driver. A leaf module.

use std::path::PathBuf;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site directory (holds site.yaml, content/, themes/).
    pub root: PathBuf,
    /// Output directory; relative paths are taken from `root`.
    pub out: PathBuf,
    pub drafts: bool,
    pub base_url: Option<String>,
    pub strict: bool,
    /// The date verification ages are measured against (default: today).
    pub today: Option<crate::date::Date>,
    pub live_reload: bool,
    /// How the search export is cut (defaults for every site; tests change them to reach
    /// the large-site layout with a small fixture).
    pub search_shape: SearchShape,
}

/// How the search export is cut (docs/search.md, "The static index"; the figures behind the
/// defaults are in docs/benchmarks.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchShape {
    /// index.json carries every vocabulary block's separator while the dictionaries'
    /// separators (surface, reversed, typo) take at most this many bytes; past that, one
    /// per group of blocks.
    pub inline_separator_bytes: usize,
    /// A term found in at least this many documents, and in at least one in
    /// `bundle_one_in` of them, gets a file of its head's titles, addresses and summaries
    /// (`r<term>`), so that a first page of a common word costs a few files instead of one
    /// per result.
    pub bundle_min_documents: usize,
    pub bundle_one_in: usize,
}

impl SearchShape {
    /// The documents a term must be found in for a file of its head's rows, in an index of
    /// `documents`.
    pub fn bundle_threshold(&self, documents: usize) -> usize {
        (self.bundle_min_documents)
            .max(documents / self.bundle_one_in.max(1))
            .max(1)
    }
}

impl Default for SearchShape {
    fn default() -> Self {
        SearchShape {
            // 10,000 realistic entries: 53 KB of separators (20 KB gzip).
            inline_separator_bytes: 64 * 1024,
            // 10,000 realistic entries: terms in 500 or more documents, 795 of 39,783; the 10
            // benchmark queries' first pages then take 87 files instead of 180 (all terms in
            // 100 or more: 3,823 files, 78).
            bundle_min_documents: 20,
            bundle_one_in: 20,
        }
    }
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: PathBuf::from("public"),
            drafts: false,
            base_url: None,
            strict: false,
            today: None,
            live_reload: false,
            search_shape: SearchShape::default(),
        }
    }
    pub fn out_dir(&self) -> PathBuf {
        if self.out.is_absolute() {
            self.out.clone()
        } else {
            self.root.join(&self.out)
        }
    }
}
