//! What `vejviser serve` keeps between rebuilds, so that an edit costs what it changed
//! rather than what the site holds: every content file's validated entry (shared, never
//! copied) with its diagnostics, by path, with the file's modification time and size, and
//! the loaded themes. A file whose stamp is unchanged is neither read nor validated again.
//!
//! Everything is thrown away when site.yaml, a file under themes/, the date or the build
//! options change: validation depends on the config, and a new theme may change what is
//! valid. The driver runs the build through the same code with an empty cache, so `build`
//! and `serve` validate alike.
//!
//! A file changed shortly before it was read could change again without its stamp changing
//! (timestamps are coarse: a clock tick on Linux, two seconds on FAT). Such a "racy" file is
//! read again on every rebuild and compared by a hash of its text until it is older than
//! that window, as git does with racily clean index entries. Paths the file watcher reports
//! are read again whatever their stamp says.

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::entry::{self, Entry, Section};
use crate::source::{self, Found, SourceFile, Stamp};
use crate::theme::{self, Theme};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;

use crate::stages::Stages;
use std::time::{Duration, SystemTime};

/// How long after its last change a file's stamp is not trusted alone.
const RACY: Duration = Duration::from_secs(2);

/// Validated content and themes, kept between loads of the same site.
#[derive(Default)]
pub struct LoadCache {
    /// What everything here was loaded under (config, date, options, theme files).
    key: Option<u64>,
    files: rustc_hash::FxHashMap<String, Cached>,
    /// Site-relative paths reported changed since the last load.
    changed: HashSet<String>,
    /// The last scan of content/: the files found, what it reported, and every directory
    /// it walked with its stamp (a file added, removed or renamed changes its directory's).
    scan: Option<Scan>,
    /// Themes by (name, language), with what loading them reported.
    themes: HashMap<(String, String), (Option<Theme>, Diagnostics)>,
    stats: CacheStats,
    stages: Stages,
}

/// What the last load did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CacheStats {
    /// Content files found (entries and translations).
    pub files: usize,
    /// Files read from disk.
    pub read: usize,
    /// Files validated (new, or read with a changed text).
    pub validated: usize,
    /// Files whose cached entry was used (not validated again).
    pub reused: usize,
    /// Everything cached was thrown away first.
    pub invalidated: bool,
    /// content/ was walked (a directory changed); otherwise the last list of files stood.
    pub scanned: bool,
}

struct Scan {
    found: Arc<Vec<Found>>,
    diags: Diagnostics,
    dirs: Vec<(std::path::PathBuf, Stamp)>,
}

struct Cached {
    stamp: Stamp,
    /// The hash of its text, kept while the file is racy.
    racy_hash: Option<u64>,
    what: What,
}

enum What {
    Entry {
        entry: Option<Arc<Entry>>,
        /// What validating it reported.
        diags: Diagnostics,
        /// What `national::check_entry` reports, shown when the entry is on the site.
        national: Vec<Diagnostic>,
        /// The slug the file name gives (for duplicate and reference checks).
        slug: String,
    },
    /// Translations are validated against the site on every load (`translation.rs`).
    Translation(SourceFile),
}

/// The content of the site, validated one file at a time, in path order.
pub struct Validated {
    pub entries: Vec<Arc<Entry>>,
    /// Files that exist but failed validation, by (section, slug).
    pub invalid: HashSet<(Section, String)>,
    /// Translations (`x.en.md`), read but not validated.
    pub translations: Vec<SourceFile>,
    /// National-wording warnings by entry path (only entries that have some).
    national: HashMap<String, Vec<Diagnostic>>,
}

impl Validated {
    /// The national-wording warnings of the entry at `path`.
    pub fn national(&self, path: &str) -> &[Diagnostic] {
        self.national.get(path).map_or(&[], Vec::as_slice)
    }
}

/// What a file's check found.
enum Outcome {
    /// The cached entry stands: unchanged stamp, not racy.
    Unchanged,
    /// Read again (racy, reported changed, or a new stamp) and the text is the same.
    Same {
        stamp: Stamp,
        racy_hash: Option<u64>,
    },
    /// New or changed: read and validated.
    Fresh(Cached),
    Unreadable(Diagnostic),
}

fn text_hash(text: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    text.hash(&mut h);
    h.finish()
}

fn is_racy(stamp: &Stamp, read_at: SystemTime) -> bool {
    stamp
        .modified
        .is_none_or(|m| !matches!(read_at.duration_since(m), Ok(d) if d >= RACY))
}

/// A stamp of every file under `themes/` (none for a site on the built-in theme).
fn themes_stamp(root: &Path) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    let dir = root.join("themes");
    if dir.is_dir() {
        for e in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            e.path().hash(&mut h);
            if let Ok(m) = e.metadata() {
                (m.len(), m.modified().ok(), m.is_dir()).hash(&mut h);
            }
        }
    }
    h.finish()
}

impl LoadCache {
    pub fn new() -> LoadCache {
        LoadCache::default()
    }

    /// Paths (site-relative, `content/praksis/x.md`) the file watcher reported: they are read
    /// again on the next load whatever their stamp says.
    pub fn mark_changed(&mut self, paths: impl IntoIterator<Item = String>) {
        self.changed.extend(paths);
    }

    /// What the last load did.
    pub fn stats(&self) -> CacheStats {
        self.stats
    }

    /// The stage timings of the last load.
    pub fn stages(&self) -> &Stages {
        &self.stages
    }

    pub(crate) fn stages_mut(&mut self) -> &mut Stages {
        &mut self.stages
    }

    /// What the cache was last loaded under; it changes when everything was thrown away.
    pub fn key(&self) -> Option<u64> {
        self.key
    }

    /// Start a load under `config` and `opts`: everything cached is thrown away when they,
    /// or any file under themes/, changed since the last load.
    pub(crate) fn begin(&mut self, root: &Path, config: &Config, opts_key: impl Hash) {
        let mut h = rustc_hash::FxHasher::default();
        (&config.source_text, config.today, &config.base_url).hash(&mut h);
        opts_key.hash(&mut h);
        themes_stamp(root).hash(&mut h);
        let key = h.finish();
        self.stats = CacheStats::default();
        if self.key != Some(key) {
            self.key = Some(key);
            self.files.clear();
            self.themes.clear();
            self.scan = None;
            self.stats.invalidated = true;
        }
    }

    /// The theme `name` in `language`, loaded once per cache key; its diagnostics are
    /// reported again each time.
    pub(crate) fn theme(
        &mut self,
        root: &Path,
        name: &str,
        language: &str,
        diags: &mut Diagnostics,
    ) -> Option<Theme> {
        let (theme, d) = self
            .themes
            .entry((name.to_string(), language.to_string()))
            .or_insert_with(|| {
                let mut d = Diagnostics::new();
                (theme::load(root, name, language, &mut d), d)
            });
        diags.extend(d.clone());
        theme.clone()
    }

    /// The files of content/ ([`source::scan`]), walked again only when a directory's stamp
    /// changed (or is racy): editing a file in place does not change its directory.
    pub(crate) fn scan(&mut self, root: &Path, diags: &mut Diagnostics) -> Arc<Vec<Found>> {
        if let Some(sc) = &self.scan {
            if (sc.dirs.iter()).all(|(p, s)| source::stamp(p) == Some(*s)) {
                diags.extend(sc.diags.clone());
                self.stats.scanned = false;
                return sc.found.clone();
            }
        }
        let started = SystemTime::now();
        let mut d = Diagnostics::new();
        let (found, dirs) = source::scan(root, &mut d);
        let found = Arc::new(found);
        let dirs: Option<Vec<_>> = (dirs.into_iter())
            .map(|p| source::stamp(&p).map(|s| (p, s)))
            .collect();
        // A directory changed while (or just before) it was walked is walked again.
        self.scan = dirs
            .filter(|dirs| !dirs.is_empty() && dirs.iter().all(|(_, s)| !is_racy(s, started)))
            .map(|dirs| Scan {
                found: found.clone(),
                diags: d.clone(),
                dirs,
            });
        self.stats.scanned = true;
        diags.extend(d);
        found
    }

    /// Read and validate the found files, reusing what is unchanged. Reports, in this order
    /// (as a load without a cache does): files that cannot be read, duplicate slugs, then
    /// each file's validation in path order.
    pub(crate) fn validate(
        &mut self,
        found: &[Found],
        config: &Config,
        diags: &mut Diagnostics,
    ) -> Validated {
        let changed = std::mem::take(&mut self.changed);
        let files = &mut self.files;
        let outcomes: Vec<Outcome> = {
            let files = &*files;
            found
                .par_iter()
                .map(|f| check(f, files.get(&f.relp), changed.contains(&f.relp), config))
                .collect()
        };
        self.stages.lap("check");
        let mut stats = CacheStats {
            files: found.len(),
            invalidated: self.stats.invalidated,
            scanned: self.stats.scanned,
            ..CacheStats::default()
        };
        // Problems reading come first, then duplicate slugs among the files that were read.
        // The map is updated in place: an unchanged file costs nothing here.
        let mut readable: Vec<&Found> = Vec::with_capacity(found.len());
        for (f, outcome) in found.iter().zip(outcomes) {
            match outcome {
                Outcome::Unreadable(d) => {
                    stats.read += 1;
                    diags.push(d);
                    files.remove(&f.relp);
                    continue;
                }
                Outcome::Unchanged => stats.reused += 1,
                Outcome::Same { stamp, racy_hash } => {
                    stats.read += 1;
                    stats.reused += 1;
                    if let Some(c) = files.get_mut(&f.relp) {
                        c.stamp = stamp;
                        c.racy_hash = racy_hash;
                    }
                }
                Outcome::Fresh(c) => {
                    stats.read += 1;
                    if matches!(c.what, What::Entry { .. }) {
                        stats.validated += 1;
                    }
                    files.insert(f.relp.clone(), c);
                }
            }
            readable.push(f);
        }
        // Files deleted since the last load.
        if files.len() > readable.len() {
            let here: HashSet<&str> = readable.iter().map(|f| f.relp.as_str()).collect();
            files.retain(|p, _| here.contains(p.as_str()));
        }
        let cached: Vec<&Cached> = readable.iter().map(|f| &files[&f.relp]).collect();
        source::check_duplicate_slugs(
            (readable.iter().zip(&cached)).filter_map(|(f, c)| match &c.what {
                What::Entry { slug, .. } => Some((f.section, slug.as_str(), f.relp.as_str())),
                What::Translation(_) => None,
            }),
            diags,
        );
        let mut out = Validated {
            entries: Vec::with_capacity(readable.len()),
            invalid: HashSet::new(),
            translations: Vec::new(),
            national: HashMap::new(),
        };
        for (f, c) in readable.iter().zip(cached) {
            match &c.what {
                What::Translation(sf) => out.translations.push(sf.clone()),
                What::Entry {
                    entry,
                    diags: d,
                    national,
                    slug,
                } => {
                    if !d.is_empty() {
                        diags.extend(d.clone());
                    }
                    match entry {
                        Some(e) => {
                            out.entries.push(e.clone());
                            if !national.is_empty() {
                                out.national.insert(e.path.clone(), national.clone());
                            }
                        }
                        None => {
                            out.invalid.insert((f.section, slug.clone()));
                        }
                    }
                }
            }
        }
        self.stats = stats;
        self.stages.lap("assemble");
        out
    }
}

/// Decide from a file's stamp whether its cached entry stands; otherwise read it, and
/// validate it when its text is new.
fn check(f: &Found, cached: Option<&Cached>, reported: bool, config: &Config) -> Outcome {
    if let Some(c) = cached.filter(|c| !reported && c.racy_hash.is_none()) {
        if source::stamp(&f.path) == Some(c.stamp) {
            return Outcome::Unchanged;
        }
    }
    let read_at = SystemTime::now();
    let (sf, stamp) = match source::read(f) {
        Ok(r) => r,
        Err(d) => return Outcome::Unreadable(d),
    };
    let racy = is_racy(&stamp, read_at);
    // A hash only where it will be compared: the file is racy now, or it was.
    let hash = (racy || cached.is_some_and(|c| c.racy_hash.is_some())).then(|| text_hash(&sf.text));
    if let (Some(c), Some(h)) = (cached, hash) {
        if c.racy_hash == Some(h) {
            return Outcome::Same {
                stamp,
                racy_hash: racy.then_some(h),
            };
        }
    }
    let racy_hash = if racy { hash } else { None };
    let what = if sf.lang.is_some() {
        What::Translation(sf)
    } else {
        let mut d = Diagnostics::new();
        let entry = entry::validate(&sf, config, &mut d).map(Arc::new);
        let national =
            (entry.as_ref()).map_or_else(Vec::new, |e| crate::national::check_entry(e, config));
        What::Entry {
            entry,
            diags: d,
            national,
            slug: crate::slug::slugify(&sf.stem),
        }
    };
    Outcome::Fresh(Cached {
        stamp,
        racy_hash,
        what,
    })
}
