use std::path::{Path, PathBuf};

pub use crate::common::copy_dir;
use vejviser::{BuildFailure, BuildOptions};

pub const TODAY: &str = "2026-06-01";

/// Names starting with `.` directly in `dir`: staging or old-output folders left behind.
pub fn hidden_entries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect()
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A temp copy of the minimal fixture with `tests/fixtures/invalid/<case>` laid over it.
pub fn site_with(case: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("minimal"), dir.path());
    if let Some(c) = case {
        copy_dir(&fixtures().join("invalid").join(c), dir.path());
    }
    dir
}

pub fn options(root: &Path) -> BuildOptions {
    let mut o = BuildOptions::new(root);
    o.today = vejviser::date::Date::parse(TODAY);
    o
}

/// Build and return the error report, panicking if the build unexpectedly succeeded.
pub fn build_errors(case: &str) -> String {
    let dir = site_with(Some(case));
    match vejviser::build(&options(dir.path())) {
        Ok(_) => panic!("case {case}: build succeeded but should have failed"),
        Err(BuildFailure::Content(d)) => d.render_report(),
        Err(BuildFailure::Internal(m, d)) => {
            panic!("case {case}: internal failure {m}\n{}", d.render_report())
        }
    }
}

/// Every file under `dir` with its bytes, sorted.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Replace the first `from` in `root/rel` with `to`; the file must contain `from`.
pub fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let p = root.join(rel);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(p, text.replacen(from, to, 1)).unwrap();
}

/// Assert that a rendered diagnostics report contains `expected`, showing the report if not.
pub fn assert_has(report: &str, expected: &str) {
    assert!(
        report.contains(expected),
        "expected\n  {expected}\nin report:\n{report}"
    );
}

/// Build `root` into `root/out` and return the rendered diagnostics, whether the build
/// failed on content or succeeded with warnings.
pub fn report(root: &Path) -> String {
    let mut o = options(root);
    o.out = root.join("out");
    match vejviser::build(&o) {
        Ok(r) => r.diagnostics.render_report(),
        Err(BuildFailure::Content(d)) => d.render_report(),
        Err(f) => panic!("{f:?}"),
    }
}
