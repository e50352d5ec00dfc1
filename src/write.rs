//! Write: the only module that touches the output directory. A build writes its files into
//! a fresh staging directory next to the output while it renders (pages are streamed, not
//! held: at 10,000 entries holding them cost ~160 MB of peak memory, and on this kind of
//! machine fresh memory is slow); only when every stage succeeded and every file is written
//! is the staging directory swapped in. A failed build leaves the previous output exactly
//! as it was, and a successful one leaves no stale files.

use crate::output::{OutputFile, Sink};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

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

/// A build's private directory beside the output (`.public.new-<pid>`). Files are written
/// as they come; [`Staging::commit`] swaps the directory in. Dropped without a commit (an
/// error anywhere in the build), it removes itself and the output is untouched.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    parent: PathBuf,
    name: String,
    /// The first write error; later files are skipped and `commit` reports it.
    error: Mutex<Option<WriteError>>,
    files: AtomicUsize,
    pages: AtomicUsize,
    committed: bool,
}

impl Staging {
    pub fn create(out: &Path) -> Result<Staging, WriteError> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(err(&parent))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".into());
        let dir = parent.join(format!(".{name}.new-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(err(&dir))?;
        }
        std::fs::create_dir_all(&dir).map_err(err(&dir))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            parent,
            name,
            error: Mutex::new(None),
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Files written so far, and how many of them are HTML pages.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.files.load(Ordering::Relaxed),
            self.pages.load(Ordering::Relaxed),
        )
    }

    fn write(&self, file: &OutputFile) -> Result<(), WriteError> {
        let p = self.dir.join(&file.path);
        match std::fs::write(&p, &file.bytes) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // Most pages are `<dir>/index.html` in a folder of their own.
                if let Some(d) = p.parent() {
                    std::fs::create_dir_all(d).map_err(err(d))?;
                }
                std::fs::write(&p, &file.bytes).map_err(err(&p))
            }
            r => r.map_err(err(&p)),
        }
    }

    /// Swap the staging directory in as the output; the previous output is removed.
    pub fn commit(mut self) -> Result<(), WriteError> {
        if let Some(e) = self.error.lock().unwrap_or_else(|e| e.into_inner()).take() {
            return Err(e);
        }
        swap_in(&self.dir, &self.out, &self.parent, &self.name)?;
        self.committed = true;
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) {
        if self
            .error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
        {
            return;
        }
        match self.write(&file) {
            Ok(()) => {
                self.files.fetch_add(1, Ordering::Relaxed);
                if file.path.ends_with(".html") {
                    self.pages.fetch_add(1, Ordering::Relaxed);
                }
            }
            Err(e) => {
                let mut slot = self.error.lock().unwrap_or_else(|e| e.into_inner());
                slot.get_or_insert(e);
            }
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed && self.dir.exists() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Write `files` as the complete new content of `out`.
pub fn write_site(out: &Path, files: Vec<OutputFile>) -> Result<(), WriteError> {
    use rayon::prelude::*;
    let staging = Staging::create(out)?;
    files.into_par_iter().for_each(|f| staging.put(f));
    staging.commit()
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
        write_site(&out, vec![file("a/index.html", "1"), file("old.html", "x")]).unwrap();
        write_site(&out, vec![file("a/index.html", "2")]).unwrap();
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
        write_site(&out, vec![file("index.html", "good")]).unwrap();
        // A file and a directory with the same path cannot both be written.
        let r = write_site(&out, vec![file("x", "file"), file("x/index.html", "dir")]);
        assert!(r.is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "good"
        );
    }

    #[test]
    fn staging_dropped_without_commit_leaves_output_and_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, vec![file("index.html", "good")]).unwrap();
        {
            let staging = Staging::create(&out).unwrap();
            staging.put(file("index.html", "half"));
            staging.put(file("praksis/x/index.html", "half"));
            assert_eq!(staging.counts(), (2, 2));
            // A later stage failed: the staging directory is dropped, not committed.
        }
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "good"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, vec!["public".to_string()]);
    }

    #[test]
    fn write_error_is_reported_by_commit() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = Staging::create(&out).unwrap();
        staging.put(file("a", "file"));
        staging.put(file("a/index.html", "under a file"));
        let e = staging.commit().unwrap_err();
        assert!(
            e.path.ends_with("a/index.html") || e.path.ends_with("a"),
            "{e}"
        );
        assert!(!out.exists());
    }
}
