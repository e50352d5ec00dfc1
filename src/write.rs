//! Write: the only module that touches the output directory. Files are written into a fresh
//! staging directory next to the output; only when every file is written is the staging
//! directory swapped in. A failed build leaves the previous output exactly as it was, and a
//! successful one leaves no stale files.

use crate::render::OutputFile;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

fn err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |error| WriteError {
        path: path.to_path_buf(),
        error,
    }
}

/// Write `files` as the complete new content of `out`.
pub fn write_site(out: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(err(&parent))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(err(&staging))?;
    }
    let result = write_all(&staging, files).and_then(|_| swap_in(&staging, out, &parent, &name));
    if result.is_err() && staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(staging: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    std::fs::create_dir_all(staging).map_err(err(staging))?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| staging.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(err(d))?;
    }
    use rayon::prelude::*;
    files.par_iter().try_for_each(|f| {
        let p = staging.join(&f.path);
        std::fs::write(&p, &f.bytes).map_err(err(&p))
    })
}

fn swap_in(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), WriteError> {
    if out.exists() {
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(err(&old))?;
        }
        std::fs::rename(out, &old).map_err(err(out))?;
        if let Err(e) = std::fs::rename(staging, out) {
            // Put the previous build back before reporting.
            let _ = std::fs::rename(&old, out);
            return Err(WriteError {
                path: out.to_path_buf(),
                error: e,
            });
        }
        remove_tree(&old).map_err(err(&old))?;
    } else {
        std::fs::rename(staging, out).map_err(err(out))?;
    }
    Ok(())
}

/// Remove a previous build. Large sites hold thousands of page folders; removing them is
/// most of the write stage, so the second-level folders go in parallel.
fn remove_tree(root: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let mut second: Vec<PathBuf> = Vec::new();
    for e in std::fs::read_dir(root)? {
        let e = e?;
        if e.file_type()?.is_dir() {
            for f in std::fs::read_dir(e.path())? {
                let f = f?;
                if f.file_type()?.is_dir() {
                    second.push(f.path());
                }
            }
        }
    }
    second.par_iter().try_for_each(std::fs::remove_dir_all)?;
    std::fs::remove_dir_all(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(p: &str, s: &str) -> OutputFile {
        OutputFile {
            path: p.into(),
            bytes: s.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_output_and_removes_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a/index.html", "1"), file("old.html", "x")]).unwrap();
        write_site(&out, &[file("a/index.html", "2")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "2"
        );
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[test]
    fn failed_write_keeps_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("index.html", "good")]).unwrap();
        // A file and a directory with the same path cannot both be written.
        let r = write_site(&out, &[file("x", "file"), file("x/index.html", "dir")]);
        assert!(r.is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "good"
        );
    }
}
