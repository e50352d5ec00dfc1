//! Load: walks `content/` for the Markdown files of each known section ([`scan`]) and reads
//! them as `SourceFile`s (site-relative path + text, [`read`]); `incremental.rs` decides
//! which to read. Unreadable, non-UTF-8 and misplaced files are diagnostics. No parsing
//! happens here.

use crate::diag::{display_path, Diagnostic, Diagnostics};
use crate::section::Section;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, Clone)]
pub struct SourceFile {
    pub section: Section,
    /// Site-relative path, `/`-separated (`content/praksis/x.md`).
    pub path: String,
    pub stem: String,
    /// The language of a translation (`udsat.en.md` → `en`, stem `udsat`); `None` for an
    /// entry in the site's own language.
    pub lang: Option<String>,
    pub text: String,
}

pub const CONTENT_DIR: &str = "content";

/// A file of a section that [`scan`] found and [`read`] reads.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    /// Site-relative path, `/`-separated (`content/praksis/x.md`).
    pub relp: String,
    pub section: Section,
    /// The stem without a language (`udsat` for `udsat.en.md`).
    pub stem: String,
    pub lang: Option<String>,
}

/// What a file's metadata says about its content without reading it: `serve` reads a file
/// again only when this changed (`incremental.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub modified: Option<SystemTime>,
    pub len: u64,
}

impl Stamp {
    fn of(m: &std::fs::Metadata) -> Stamp {
        Stamp {
            modified: m.modified().ok(),
            len: m.len(),
        }
    }
}

/// The stamp of the file at `path` now (`None` when it cannot be read).
pub fn stamp(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path).ok().map(|m| Stamp::of(&m))
}

/// Every `content/<section>/*.md` under `root`, sorted by path, without reading them (files
/// that are not built are reported here), and every directory it walked (content/ and each
/// one below it): what the list of files depends on.
pub fn scan(root: &Path, diags: &mut Diagnostics) -> (Vec<Found>, Vec<PathBuf>) {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        diags.push(
            Diagnostic::error("no-content", CONTENT_DIR, "mappen content/ findes ikke")
                .hint("opret content/ med undermapperne praksis, partnere, kvalitetsstandard, viden og plakater"),
        );
        return (Vec::new(), Vec::new());
    }
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut dirs: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() => paths.push(e.into_path()),
            Ok(e) if e.file_type().is_dir() => dirs.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let p = e
                    .path()
                    .map(|p| rel(root, p))
                    .unwrap_or_else(|| CONTENT_DIR.into());
                diags.push(Diagnostic::error(
                    "unreadable",
                    p,
                    format!("kan ikke læse: {e}"),
                ));
            }
        }
    }
    let mut wanted = Vec::with_capacity(paths.len());
    for path in paths {
        let relp = rel(root, &path);
        let parts: Vec<&str> = relp.split('/').collect();
        let name = parts.last().copied().unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        // content/<file> at the top level: data files such as synonymer.yaml belong there,
        // but a page there would silently never be built.
        if parts.len() == 2 {
            if name.ends_with(".md") {
                diags.push(
                    Diagnostic::warning(
                        "outside-section",
                        &relp,
                        "filen ligger ikke i en sektion og bliver ikke bygget",
                    )
                    .hint(format!(
                        "flyt den ind i en af sektionerne: content/praksis/, content/partnere/, content/kvalitetsstandard/, content/viden/, content/plakater/ eller content/hjaelp/ (fx content/viden/{name})"
                    )),
                );
            }
            continue;
        }
        let Some(section) = Section::from_dir(parts[1]) else {
            diags.push(
                Diagnostic::warning(
                    "unknown-section",
                    &relp,
                    format!(
                        "mappen `{}` er ikke en kendt sektion og bliver ikke bygget",
                        parts[1]
                    ),
                )
                .hint("sektionerne er praksis, partnere, kvalitetsstandard, viden, plakater og hjaelp"),
            );
            continue;
        };
        if parts.len() > 3 {
            diags.push(
                Diagnostic::warning(
                    "nested-file",
                    &relp,
                    "filer i undermapper af en sektion bliver ikke bygget",
                )
                .hint(format!("flyt filen direkte ind i content/{}/", parts[1])),
            );
            continue;
        }
        let Some(stem) = name.strip_suffix(".md") else {
            diags.push(
                Diagnostic::warning("not-markdown", &relp, "kun .md-filer bliver bygget")
                    .hint("giv filen endelsen .md, eller flyt den ud af content/"),
            );
            continue;
        };
        let (stem, lang) = split_language(stem.to_string());
        wanted.push(Found {
            path,
            relp,
            section,
            stem,
            lang,
        });
    }
    (wanted, dirs)
}

/// Read a found file, with its stamp as it was when opened.
pub fn read(f: &Found) -> Result<(SourceFile, Stamp), Diagnostic> {
    let relp = &f.relp;
    let unreadable = |e: std::io::Error| {
        Diagnostic::error("unreadable", relp, format!("kan ikke læse filen: {e}"))
    };
    let (bytes, stamp) = (|| {
        use std::io::Read;
        let mut file = std::fs::File::open(&f.path)?;
        let meta = file.metadata()?;
        let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
        file.read_to_end(&mut bytes)?;
        Ok((bytes, Stamp::of(&meta)))
    })()
    .map_err(unreadable)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((
            SourceFile {
                section: f.section,
                path: f.relp.clone(),
                stem: f.stem.clone(),
                lang: f.lang.clone(),
                text,
            },
            stamp,
        )),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let col = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
            Err(
                Diagnostic::error("not-utf8", relp, "filen er ikke gemt som UTF-8")
                    .at(line, Some(col))
                    .hint("gem filen igen med tegnsættet UTF-8 (i mange programmer: \"Gem som\" → Kodning: UTF-8)"),
            )
        }
    }
}

fn rel(root: &Path, p: &Path) -> String {
    display_path(p.strip_prefix(root).unwrap_or(p))
}

/// Two files in a section whose names fold to the same slug (`Danner.md` and `danner.md`,
/// `mødrehjælpen.md` and `moedrehjaelpen.md`) would get the same address.
/// `files` are (section, slug of the stem, path).
pub fn check_duplicate_slugs<'a>(
    files: impl IntoIterator<Item = (Section, &'a str, &'a str)>,
    diags: &mut Diagnostics,
) {
    let mut seen: rustc_hash::FxHashMap<(Section, &str), &str> = Default::default();
    for (section, slug, path) in files {
        if let Some(first) = seen.insert((section, slug), path) {
            diags.push(
                Diagnostic::error("duplicate-slug", path, format!("får samme adresse (slug `{slug}`) som {first}"))
                    .at(1, None)
                    .hint("to sider i samme sektion kan ikke have samme slug: slet eller omdøb den ene fil"),
            );
        }
    }
}

/// `udsat.en` → (`udsat`, `en`): a translation names its language with two lower-case
/// letters before `.md`. Any other stem is an entry's.
fn split_language(stem: String) -> (String, Option<String>) {
    match stem.rsplit_once('.') {
        Some((base, lang))
            if lang.len() == 2
                && lang.bytes().all(|b| b.is_ascii_lowercase())
                && !base.is_empty() =>
        {
            (base.to_string(), Some(lang.to_string()))
        }
        _ => (stem, None),
    }
}
