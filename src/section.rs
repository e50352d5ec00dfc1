//! The sections of a site (`content/<section>/`): a leaf module, so loading files and
//! validating entries can both name them without depending on each other.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Praksis,
    Partnere,
    Kvalitetsstandard,
    Viden,
    Plakater,
    /// Advice ("Sådan gør du") shown on the audience help page named in `audience`. It has
    /// no page of its own: `content/hjaelp/udsat.md` is read on `/hjaelp/udsat/`.
    Hjaelp,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Praksis,
        Section::Partnere,
        Section::Kvalitetsstandard,
        Section::Viden,
        Section::Plakater,
        Section::Hjaelp,
    ];
    pub fn from_dir(s: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|x| x.dir() == s)
    }
    pub fn dir(self) -> &'static str {
        match self {
            Section::Praksis => "praksis",
            Section::Partnere => "partnere",
            Section::Kvalitetsstandard => "kvalitetsstandard",
            Section::Viden => "viden",
            Section::Plakater => "plakater",
            Section::Hjaelp => "hjaelp",
        }
    }
    /// Whether entries of the section get a page of their own.
    pub fn has_pages(self) -> bool {
        !matches!(self, Section::Hjaelp)
    }
    pub fn requires_source(self) -> bool {
        !matches!(self, Section::Plakater)
    }
}
