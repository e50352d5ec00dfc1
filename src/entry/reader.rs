//! `EntryReader`: reads one file's front matter through the key tables and collects its
//! problems with their lines, so every problem in a file is reported, not only the first.

use super::keys::{Key, Need};
use crate::config::{Config, Labels};
use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::frontmatter::{Fields, FrontMatter};
use crate::section::Section;
use serde::de::DeserializeOwned;

pub(super) struct EntryReader<'r, 'f, 'a> {
    pub path: &'r str,
    pub section: Section,
    pub config: &'r Config,
    pub fm: &'f FrontMatter<'a>,
    pub fields: Fields<'f, 'a>,
    diags: &'r mut Diagnostics,
    /// Whether an error was reported: the file then yields no entry.
    pub failed: bool,
    /// Whether the entry's `source.document` is the booklet: then `Need::Booklet` keys are
    /// required. Set after the common keys are read.
    pub from_booklet: bool,
}

impl<'r, 'f, 'a> EntryReader<'r, 'f, 'a> {
    pub fn new(
        path: &'r str,
        section: Section,
        config: &'r Config,
        fm: &'f FrontMatter<'a>,
        diags: &'r mut Diagnostics,
    ) -> Self {
        EntryReader {
            path,
            section,
            config,
            fm,
            fields: fm.fields(),
            diags,
            failed: false,
            from_booklet: false,
        }
    }

    pub fn error(
        &mut self,
        code: &'static str,
        line: usize,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.failed = true;
        self.diags.push(
            Diagnostic::error(code, self.path, msg)
                .at(line, None)
                .hint(hint),
        );
    }

    pub fn warn(
        &mut self,
        code: &'static str,
        line: usize,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags.push(
            Diagnostic::warning(code, self.path, msg)
                .at(line, None)
                .hint(hint),
        );
    }

    /// The opening `---`: where problems of the whole block (a missing key) point.
    pub fn open(&self) -> usize {
        self.fm.open_line
    }

    /// The line of `key`, or the opening `---` when it is absent.
    pub fn line(&self, key: &str) -> usize {
        self.fields.line(key)
    }

    /// The line of `parent.child`, or of `parent` when the child cannot be found.
    pub fn nested_line(&self, parent: &str, child: &str) -> usize {
        self.fm
            .nested_line(parent, child)
            .unwrap_or(self.line(parent))
    }

    /// Read a key as `T`. A value of the wrong type, and a required key that is missing or
    /// empty, are reported; each gives `None`.
    pub fn read<T: DeserializeOwned>(&mut self, key: &'static Key) -> Option<T> {
        match self.fields.get::<T>(key.name, key.expected) {
            Ok(Some(v)) => Some(v),
            Ok(None) => {
                self.check_present(key);
                None
            }
            Err(p) => {
                self.error("wrong-type", p.line, p.message, key.hint);
                None
            }
        }
    }

    /// Read a text key; an empty text is reported with `empty_hint` and gives `None`.
    pub fn read_text(&mut self, key: &'static Key, empty_hint: &str) -> Option<String> {
        let text = self.read::<String>(key)?;
        if text.trim().is_empty() {
            self.error(
                "empty-field",
                self.line(key.name),
                format!("feltet `{}` er tomt", key.name),
                empty_hint,
            );
            return None;
        }
        Some(text)
    }

    /// Read a list whose values must be keys of the key's site.yaml list.
    pub fn read_labels(&mut self, key: &'static Key) -> Vec<String> {
        let values = self.read::<Vec<String>>(key).unwrap_or_default();
        self.check_labels(key, &values);
        values
    }

    /// Read one value that must be a key of the key's site.yaml list.
    pub fn read_label(&mut self, key: &'static Key) -> Option<String> {
        let value = self.read::<String>(key)?;
        self.check_labels(key, std::slice::from_ref(&value));
        Some(value)
    }

    fn check_labels(&mut self, key: &Key, values: &[String]) {
        let Some(list) = key.labels else { return };
        let labels = list.of(self.config);
        for v in values {
            if labels.contains(v) {
                continue;
            }
            let hint = match closest(v, labels.keys()) {
                Some(k) => format!(
                    "mente du `{k}`? Gyldige værdier står under `{}` i site.yaml",
                    list.name()
                ),
                None => format!("gyldige værdier: {}", joined_keys(labels)),
            };
            self.error(
                "unknown-value",
                self.line(key.name),
                format!("`{}`: `{v}` er ikke en kendt værdi", key.name),
                hint,
            );
        }
    }

    /// A required key that gave no value: missing (at the opening `---`), or written
    /// without a value (`kind:`), which would otherwise drop the file without a word.
    fn check_present(&mut self, key: &Key) {
        let required = match key.need {
            Need::Optional => false,
            Need::Required => true,
            Need::Source => self.section.requires_source(),
            Need::Booklet => self.from_booklet,
        };
        if !required {
            return;
        }
        if self.fields.has(key.name) {
            self.error(
                "empty-field",
                self.line(key.name),
                format!("feltet `{}` er tomt", key.name),
                key.hint,
            );
            return;
        }
        let code = match key.need {
            Need::Source => "missing-source",
            _ => "missing-field",
        };
        let message = match key.why {
            Some(why) => format!("feltet `{}` mangler: {why}", key.name),
            None => format!("feltet `{}` mangler", key.name),
        };
        let hint = match (key.missing_hint, key.labels) {
            (Some(h), _) => h.to_string(),
            (None, Some(list)) => format!("vælg en af: {}", joined_keys(list.of(self.config))),
            (None, None) => format!(
                "{} skal have `{}` (se docs/front-matter.md)",
                super::keys::entry_noun(self.section),
                key.name
            ),
        };
        self.error(code, self.open(), message, hint);
    }
}

fn joined_keys(labels: &Labels) -> String {
    labels.keys().collect::<Vec<_>>().join(", ")
}
