//! Diagnostics: every problem an editor can fix is a `Diagnostic` value with a site-relative
//! path, an optional line and column, a message and a hint. Stages push them into a
//! `Diagnostics` collector; `lib.rs` stops between stages when there are errors.
//!
//! Messages are written for municipal editors, in Danish; codes stay in English so they are
//! stable for tools and tests.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `unknown-key`.
    pub code: &'static str,
    /// Site-relative path with `/` separators (`content/praksis/x.md`).
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: display_path(path.as_ref()),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(code: &'static str, path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, path, message)
        }
    }

    pub fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    pub fn at_line(self, line: Option<usize>) -> Self {
        match line {
            Some(l) => self.at(l, None),
            None => self,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    fn sort_key(&self) -> (&str, usize, usize, Severity, &str) {
        (
            &self.path,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
            &self.message,
        )
    }
}

/// Paths in diagnostics always use `/`, whatever the platform, so output is stable.
pub fn display_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        let sev = match self.severity {
            Severity::Error => "fejl",
            Severity::Warning => "advarsel",
        };
        // The code in brackets, as rustc does (`fejl[unknown-key]`): what to search the
        // docs, tests and `check --format json` for.
        write!(f, ": {sev}[{}]: {}", self.code, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hjælp: {hint}")?;
        }
        Ok(())
    }
}

/// Collects diagnostics within a stage.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    /// Sorted by path, line, column: the order an editor works through a list.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut v = self.items.clone();
        v.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        v.dedup();
        v
    }
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
    /// Promote warnings to errors (`--strict`).
    pub fn make_strict(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }
    /// The whole report as editors see it: every problem, then a count.
    pub fn render_report(&self) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            out.push_str(&d.to_string());
            out.push('\n');
        }
        let (e, w) = (self.error_count(), self.warning_count());
        if e + w > 0 {
            out.push_str(&format!(
                "{e} {} og {w} {}\n",
                "fejl",
                if w == 1 { "advarsel" } else { "advarsler" }
            ));
        }
        out
    }
}

/// A site-relative path from an absolute one under `root`.
pub fn relative_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The closest known name to `unknown`, for "did you mean" hints.
pub fn closest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(unknown, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// A diagnostic for failures that are not the editor's fault (exit code 2).
pub fn internal(path: &str, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::error("internal", path, msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_editor_clickable_form_with_hint() {
        let d = Diagnostic::error(
            "unknown-key",
            "content/praksis/x.md",
            "ukendt nøgle `titel`",
        )
        .at(4, Some(1))
        .hint("mente du `title`?");
        assert_eq!(
            d.to_string(),
            "content/praksis/x.md:4:1: fejl[unknown-key]: ukendt nøgle `titel`\n  = hjælp: mente du `title`?"
        );
    }

    #[test]
    fn sorts_by_path_then_line() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::error("a", "b.md", "x").at(3, None));
        ds.push(Diagnostic::warning("a", "a.md", "y").at(9, None));
        ds.push(Diagnostic::error("a", "b.md", "z").at(1, None));
        let s: Vec<_> = ds.sorted().into_iter().map(|d| d.message).collect();
        assert_eq!(s, vec!["y", "z", "x"]);
        assert!(ds.render_report().ends_with("2 fejl og 1 advarsel\n"));
    }

    #[test]
    fn strict_turns_warnings_into_errors() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::warning("w", "a.md", "w"));
        assert!(!ds.has_errors());
        ds.make_strict();
        assert!(ds.has_errors());
    }

    #[test]
    fn suggests_closest_key() {
        assert_eq!(closest("titel", ["title", "summary"]), Some("title"));
        assert_eq!(closest("zzzzzz", ["title", "summary"]), None);
    }
}
