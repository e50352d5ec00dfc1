//! Helpers shared by the integration-test modules.

use std::path::Path;

/// Copy a directory tree (a fixture or the default content) into a temp dir.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// The build date of every test that builds the default content. Fixed, so no test rots
/// when contacts age out; `default_site_two_years_ahead` covers what happens then.
pub const DEFAULT_SITE_TODAY: &str = "2026-12-02";
