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
    /// How many bytes of vocabulary separators a search index.json may carry itself before
    /// they go to group files (`None`: search::export::INLINE_SEPARATOR_BYTES). Tests set
    /// 0 to exercise the group files on a small site.
    pub search_inline_separators: Option<usize>,
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
            search_inline_separators: None,
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
