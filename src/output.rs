//! What a build produces, and where it goes: `OutputFile` and the `Sink`s that receive
//! files as they are rendered. A leaf module, so render, print, search and write can all
//! use it without depending on each other.

use std::sync::Mutex;

/// A file of the built site, relative to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where the files of a build go as they are produced. Called from many threads at once.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile);
}

/// Keeps every file in memory: the preview server, `check` and tests.
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<Vec<OutputFile>>,
}

impl MemorySink {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for MemorySink {
    fn put(&self, file: OutputFile) {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(file);
    }
}

/// Throws every file away: `check` renders everything to find every problem, and keeps
/// nothing.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _file: OutputFile) {}
}
