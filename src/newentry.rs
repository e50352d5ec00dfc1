//! `vejviser new <section> "<title>"`: writes a new entry from the theme's archetype for the
//! section (`themes/default/archetypes/<section>.md`), with the title filled in and the
//! other fields as placeholders. Never overwrites.

use crate::entry::Section;
use crate::slug::slugify;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum NewError {
    UnknownSection(String),
    EmptyTitle,
    Exists(PathBuf),
    NoArchetype(String),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for NewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NewError::UnknownSection(s) => write!(
                f,
                "`{s}` er ikke en sektion; vælg praksis, partnere, kvalitetsstandard, viden eller plakater"
            ),
            NewError::EmptyTitle => write!(f, "titlen er tom; skriv fx vejviser new viden \"Digital vold\""),
            NewError::Exists(p) => write!(f, "{} findes allerede; vælg en anden titel eller ret den eksisterende fil", p.display()),
            NewError::NoArchetype(s) => write!(f, "temaet har ingen skabelon archetypes/{s}.md"),
            NewError::Io(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

/// Create the entry; returns its path relative to `root`.
pub fn new_entry(
    root: &Path,
    theme: &crate::theme::Theme,
    section: &str,
    title: &str,
) -> Result<PathBuf, NewError> {
    let sec =
        Section::from_dir(section).ok_or_else(|| NewError::UnknownSection(section.to_string()))?;
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(NewError::EmptyTitle);
    }
    let rel = PathBuf::from("content")
        .join(sec.dir())
        .join(format!("{slug}.md"));
    let path = root.join(&rel);
    let archetype = theme
        .text(&format!("archetypes/{}.md", sec.dir()))
        .ok_or_else(|| NewError::NoArchetype(sec.dir().to_string()))?;
    let escaped = title.replace('\\', "\\\\").replace('"', "\\\"");
    let text = archetype
        .replace("{{ title }}", &escaped)
        .replace("{{ today }}", &crate::date::Date::today().to_string());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| NewError::Io(dir.to_path_buf(), e))?;
    }
    // create_new: refuse to overwrite, even if the file appears between check and write.
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                NewError::Exists(rel.clone())
            } else {
                NewError::Io(path.clone(), e)
            }
        })?;
    f.write_all(text.as_bytes())
        .map_err(|e| NewError::Io(path.clone(), e))?;
    Ok(rel)
}
