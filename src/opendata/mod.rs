//! Open data: the directory as files for other systems, under `/data/`. Partners as an
//! Open Referral HSDS 3.0 export (`hsds`), the practices as their own JSON (`practices`),
//! the staff spreadsheets (`csv`), and a `datapackage.json` (`package`) that lists them with licence and publisher.
//! Only verified, current contact details go out, and never a confidential address (the
//! model holds none: validation refuses one). docs/open-data.md is the reference.

mod csv;
mod hsds;
mod ids;
mod package;
mod practices;
mod terms;

pub use hsds::{contact_exported, status as hsds_status};
pub use ids::uuid;

use crate::config::Config;
use crate::loaded::LoadedSite;
use crate::model::Site;
use crate::output::OutputFile;

/// What the exporters read: the site and the theme's strings.
pub struct Export<'a> {
    loaded: &'a LoadedSite,
}

impl<'a> Export<'a> {
    pub fn new(loaded: &'a LoadedSite) -> Self {
        Export { loaded }
    }
    pub fn site(&self) -> &'a Site {
        &self.loaded.site
    }
    pub fn config(&self) -> &'a Config {
        &self.loaded.site.config
    }
    pub fn base_url(&self) -> &'a str {
        &self.loaded.site.config.base_url
    }
    /// A UI string (listed in `theme::CODE_STRINGS`, so it exists).
    pub fn s(&self, key: &str) -> &'a str {
        self.loaded
            .theme
            .strings
            .get(key)
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// Every file under `data/`, with `data/datapackage.json` describing the others.
pub fn export(loaded: &LoadedSite) -> Vec<OutputFile> {
    let x = Export::new(loaded);
    let mut files: Vec<OutputFile> = hsds::files(&x)
        .into_iter()
        .map(|(path, v)| OutputFile {
            path,
            bytes: to_json(&v),
        })
        .collect();
    files.push(OutputFile {
        path: practices::FILE.to_string(),
        bytes: practices::file(&x),
    });
    files.extend(
        csv::files(&x)
            .into_iter()
            .map(|(path, bytes)| OutputFile { path, bytes }),
    );
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    files.push(OutputFile {
        path: package::FILE.to_string(),
        bytes: to_json(&package::datapackage(&x, &paths)),
    });
    files
}

/// Compact JSON (the files are for programs; `jq .` shows them indented), newline ended.
fn to_json(v: &serde_json::Value) -> Vec<u8> {
    let mut b = serde_json::to_vec(v).unwrap_or_default();
    b.push(b'\n');
    b
}
