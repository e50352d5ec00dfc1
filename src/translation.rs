//! Translations: `content/<section>/<slug>.<lang>.md` beside its Danish source. A
//! translation carries only words (title, summary, body) and where it stands: which version
//! of the Danish text it translates (`source_hash`) and whether a native speaker reviewed
//! it. Facts (numbers, hours, addresses, URLs, criteria) stay in the Danish entry and are
//! never typed again, so a translation cannot carry a wrong number: a phone number in a
//! translation that its source does not have is an error.
//!
//! Input: translation `SourceFile`s and the validated `Site`. Output: `Translation`s, and a
//! localized copy of the site per language for the render stage.

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::entry::{Entry, Section, TranslationNote};
use crate::frontmatter;
use crate::model::Site;
use crate::source::SourceFile;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Clone)]
pub struct Translation {
    pub lang: String,
    pub section: Section,
    pub slug: String,
    pub path: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub body_line: usize,
    /// A poster's headline in this language (posters only; required there).
    pub headline: Option<String>,
    /// File lines of the front-matter keys (`title`, `headline`, …), for diagnostics.
    pub key_lines: frontmatter::KeyLines,
    pub note: TranslationNote,
}

impl Translation {
    /// The file line of a front-matter key of the translation.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.key_lines.line_of(key)
    }
}

/// The translations of a site, by (language, section, slug).
pub type Translations = BTreeMap<(String, Section, String), Translation>;

/// A translation's front matter: words and where they stand, no facts.
struct RawTranslation {
    title: String,
    summary: String,
    headline: Option<String>,
    source_hash: String,
    reviewed_by_native_speaker: bool,
}

/// The version of a Danish entry a translation says it translates: the first 12 hex digits
/// of a SHA-256 of its title, summary and body (and a poster's headline).
pub fn source_hash(e: &Entry) -> String {
    let mut h = Sha256::new();
    for part in [&e.title, &e.summary, &e.body] {
        h.update(part.trim().as_bytes());
        h.update(b"\n\x1f\n");
    }
    if let Some(p) = e.poster() {
        h.update(p.headline.trim().as_bytes());
        h.update(b"\n\x1f\n");
    }
    h.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Validate the translation files against the site: language listed in site.yaml, source
/// present, only translation keys, no number the source lacks, and whether it is behind.
pub fn validate(files: &[SourceFile], site: &Site, diags: &mut Diagnostics) -> Translations {
    let c = &site.config;
    let mut out = Translations::new();
    for f in files {
        let Some(lang) = f.lang.as_deref() else {
            continue;
        };
        if let Some(t) = validate_one(f, lang, site, c, diags) {
            out.insert((t.lang.clone(), t.section, t.slug.clone()), t);
        }
    }
    out
}

fn validate_one(
    f: &SourceFile,
    lang: &str,
    site: &Site,
    c: &Config,
    diags: &mut Diagnostics,
) -> Option<Translation> {
    if lang == c.language || !c.languages.iter().any(|l| l == lang) {
        diags.push(
            Diagnostic::error(
                "translation-language",
                &f.path,
                format!("sproget `{lang}` står ikke under languages i site.yaml"),
            )
            .at(1, None)
            .hint(format!(
                "tilføj `{lang}` til languages i site.yaml (fx languages: [{}, {lang}]), eller omdøb filen",
                c.language
            )),
        );
        return None;
    }
    let Some(source) = site.get(f.section, &f.stem) else {
        diags.push(
            Diagnostic::error(
                "translation-source",
                &f.path,
                format!(
                    "der er ingen dansk side content/{}/{}.md at oversætte",
                    f.section.dir(),
                    f.stem
                ),
            )
            .at(1, None)
            .hint("en oversættelse ligger ved siden af sin danske side og har samme navn plus sproget, fx udsat.en.md ved udsat.md"),
        );
        return None;
    };
    let fm = match frontmatter::parse(&f.text) {
        Ok(fm) => fm,
        Err(p) => {
            diags.push(
                Diagnostic::error(p.code, &f.path, p.message)
                    .at(p.line, p.column)
                    .hint(p.hint),
            );
            return None;
        }
    };
    let raw = read_fields(f, &fm, source.poster().is_some(), diags)?;
    check_numbers(f, &fm, source, c, diags);
    let current = source_hash(source);
    let behind = raw.source_hash.trim() != current;
    if behind {
        diags.push(
            Diagnostic::warning(
                "translation-behind",
                &f.path,
                format!(
                    "oversættelsen er ældre end den danske side content/{}/{}.md (source_hash {}, den danske side er nu {current})",
                    f.section.dir(),
                    f.stem,
                    raw.source_hash.trim()
                ),
            )
            .at_line(fm.keys.iter().find(|(k, _, _)| k == "source_hash").map(|k| k.2))
            .hint(format!(
                "opdatér oversættelsen efter den danske tekst, og skriv derefter source_hash: \"{current}\""
            )),
        );
    }
    Some(Translation {
        lang: lang.to_string(),
        section: f.section,
        slug: f.stem.clone(),
        path: f.path.clone(),
        title: raw.title,
        summary: raw.summary,
        body: fm.body.to_string(),
        body_line: fm.body_first_line,
        headline: raw.headline,
        key_lines: frontmatter::KeyLines::of(&fm),
        note: TranslationNote {
            lang: lang.to_string(),
            behind,
            reviewed: raw.reviewed_by_native_speaker,
        },
    })
}

/// Read the translation's keys; every other key is an error (facts stay in the source).
/// A poster's translation also has its `headline` (words; the contacts, QR code and sizes
/// stay in the Danish poster).
fn read_fields(
    f: &SourceFile,
    fm: &frontmatter::FrontMatter,
    poster: bool,
    diags: &mut Diagnostics,
) -> Option<RawTranslation> {
    const TEXT_HINT: &str = "skriv den oversatte tekst i anførselstegn";
    let mut fields = fm.fields();
    // (line, message, hint) of each problem.
    let mut problems: Vec<(usize, String, &str)> = Vec::new();
    let mut text = |fields: &mut frontmatter::Fields, key: &'static str| -> String {
        match fields.get::<String>(key, "en tekst") {
            Ok(Some(v)) if !v.trim().is_empty() => v,
            Ok(_) => {
                problems.push((
                    fields.line(key),
                    format!("oversættelsen mangler `{key}`"),
                    TEXT_HINT,
                ));
                String::new()
            }
            Err(p) => {
                problems.push((p.line, p.message, TEXT_HINT));
                String::new()
            }
        }
    };
    let title = text(&mut fields, "title");
    let summary = text(&mut fields, "summary");
    let headline = poster.then(|| text(&mut fields, "headline"));
    let source_hash = fields
        .get::<String>("source_hash", "en tekst")
        .ok()
        .flatten()
        .unwrap_or_default();
    let reviewed = fields
        .get::<bool>("reviewed_by_native_speaker", "true eller false")
        .ok()
        .flatten();
    let reviewed_by = fields
        .get::<String>("reviewed_by", "en tekst")
        .ok()
        .flatten();
    let _ = fields.get::<String>("reviewed_on", "en dato");
    if reviewed.is_none() {
        problems.push((
            fm.open_line,
            "oversættelsen mangler `reviewed_by_native_speaker`".into(),
            "skriv reviewed_by_native_speaker: false, indtil en person med sproget som modersmål har læst den (så true, med reviewed_by og reviewed_on)",
        ));
    }
    if reviewed == Some(true) && reviewed_by.is_none() {
        problems.push((
            fields.line("reviewed_by_native_speaker"),
            "reviewed_by_native_speaker er true, men reviewed_by mangler".into(),
            "skriv, hvem der har læst oversættelsen (reviewed_by) og hvornår (reviewed_on)",
        ));
    }
    let own_keys = if poster {
        "title, summary, headline, source_hash og reviewed_by_native_speaker"
    } else {
        "title, summary, source_hash og reviewed_by_native_speaker"
    };
    for (key, line) in fields.unknown_keys() {
        problems.push((
            line,
            format!("`{key}` hører til den danske side: en oversættelse har kun {own_keys} (og reviewed_by, reviewed_on)"),
            "fakta (telefonnumre, åbningstider, adresser, links) står kun i den danske side og vises derfra; fjern linjen",
        ));
    }
    let ok = problems.is_empty();
    for (line, msg, hint) in problems {
        diags.push(
            Diagnostic::error("translation-field", &f.path, msg)
                .at(line, None)
                .hint(hint),
        );
    }
    ok.then_some(RawTranslation {
        title,
        summary,
        headline,
        source_hash,
        reviewed_by_native_speaker: reviewed.unwrap_or(false),
    })
}

/// Runs of 3 to 8 digits (spaces allowed between groups), as phone numbers are written.
fn numbers_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut pending_space = false;
    for ch in text.chars().chain(std::iter::once('\n')) {
        if ch.is_ascii_digit() {
            // "70 20 30 40": digit groups separated by single spaces are one number.
            cur.push(ch);
            pending_space = false;
        } else if ch == ' ' && !cur.is_empty() && !pending_space {
            pending_space = true;
        } else {
            if (3..=8).contains(&cur.len()) {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
            pending_space = false;
        }
    }
    out
}

/// Every number in the translation's words must be in its Danish source (or be one of the
/// site's emergency numbers): a translator cannot introduce or mistype one.
fn check_numbers(
    f: &SourceFile,
    fm: &frontmatter::FrontMatter,
    source: &Entry,
    c: &Config,
    diags: &mut Diagnostics,
) {
    let headline = source.poster().map_or("", |p| p.headline.as_str());
    let mut known: HashSet<String> = numbers_in(&format!(
        "{}\n{}\n{}\n{headline}",
        source.title, source.summary, source.body
    ))
    .into_iter()
    .collect();
    if let Some(p) = source.partner() {
        known.extend(p.contact.phones.iter().map(|ph| digits(&ph.number)));
    }
    known.extend(c.emergency.iter().map(|e| digits(&e.number)));
    let mut source_text = format!("{}\n{}\n{headline}", source.summary, source.body);
    if let Some(w) = source.partner().and_then(|p| p.contact.website.as_deref()) {
        source_text.push_str(w);
    }
    // The words: title and summary lines, and the body. source_hash and reviewed_on hold
    // digits that are not numbers a reader sees.
    let words = |line_no: usize, line: &str| {
        line_no >= fm.body_first_line
            || ["title:", "summary:", "headline:"]
                .iter()
                .any(|k| line.starts_with(k))
    };
    for (i, line) in f.text.lines().enumerate() {
        if !words(i + 1, line) {
            continue;
        }
        for url in urls_in(line) {
            if !source_text.contains(url) {
                diags.push(
                    Diagnostic::error(
                        "translation-link",
                        &f.path,
                        format!("oversættelsen linker til {url}, som den danske side ikke linker til"),
                    )
                    .at(i + 1, None)
                    .hint("brug de samme links som den danske side; et nyt link skal først ind i den danske side"),
                );
            }
        }
        for n in numbers_in(line) {
            if !known.contains(&n) {
                diags.push(
                    Diagnostic::error(
                        "translation-number",
                        &f.path,
                        format!("oversættelsen har tallet {n}, som ikke står i den danske side"),
                    )
                    .at(i + 1, None)
                    .hint("skriv tal, telefonnumre og datoer præcis som på den danske side; et nyt nummer skal først ind i den danske side (med verified)"),
                );
            }
        }
    }
}

/// Web addresses in a line of Markdown (up to a closing parenthesis, space or quote).
fn urls_in(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("http") {
        let tail = &rest[i..];
        if tail.starts_with("https://") || tail.starts_with("http://") {
            let end = tail
                .find(|c: char| c == ')' || c == '>' || c == '"' || c.is_whitespace())
                .unwrap_or(tail.len());
            out.push(&tail[..end]);
            rest = &tail[end..];
        } else {
            rest = &tail[4..];
        }
    }
    out
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The site as language `lang` shows it: translated entries get their title, summary, body
/// and a note; the rest stay Danish (the render stage marks them `lang="da"`).
/// The site's own words that are settings, not UI strings (title, description, the quick
/// exit's and the emergency numbers' labels), come from the language's strings where it
/// has them (`site_title`, `site_description`, `quick_exit_label`,
/// `emergency_label_<number>`, `emergency_note_<number>`).
pub fn localize(
    site: &Site,
    lang: &str,
    translations: &Translations,
    strings: &BTreeMap<String, String>,
) -> Site {
    let mut config = site.config.clone();
    config.language = lang.to_string();
    let s = |k: &str| strings.get(k).cloned();
    if let Some(t) = s("site_title") {
        config.title = t;
    }
    if let Some(t) = s("site_description") {
        config.description = t;
    }
    if let Some(t) = s("quick_exit_label") {
        config.quick_exit.label = t;
    }
    // Labels of the audiences (the help pages' headings): `label_audiences_<key>`.
    for (key, label) in &mut config.audiences.0 {
        if let Some(t) = s(&format!("label_audiences_{key}")) {
            *label = t;
        }
    }
    for e in &mut config.emergency {
        if let Some(t) = s(&format!("emergency_label_{}", e.number)) {
            e.label = t;
        }
        if let Some(t) = s(&format!("emergency_note_{}", e.number)) {
            e.note = Some(t);
        }
    }
    // Hours are Danish free text; "Døgnåben" and its kind say the same in every language.
    // Other hours stay as the Danish source writes them.
    let open = s("open_day_and_night");
    let localize_hours = |phones: &mut [crate::config::Phone]| {
        for ph in phones {
            if let (Some(h), Some(o)) = (&ph.hours, &open) {
                if crate::freshness::is_around_the_clock(h) {
                    ph.hours = Some(o.clone());
                }
            }
        }
    };
    localize_hours(&mut config.municipality.phones);
    let mut entries = site.entries.clone();
    for e in &mut entries {
        // Every entry changes here (translated or marked untranslated): a copy each.
        let e = std::sync::Arc::make_mut(e);
        if let Some(p) = e.partner_mut() {
            localize_hours(&mut p.contact.phones);
        }
        match translations.get(&(lang.to_string(), e.section, e.slug.clone())) {
            Some(t) => {
                e.title = t.title.clone();
                e.summary = t.summary.clone();
                e.body = t.body.clone();
                e.body_line = t.body_line;
                e.translation = Some(t.note.clone());
                if let (crate::entry::EntryKind::Poster(p), Some(h)) = (&mut e.kind, &t.headline) {
                    p.headline = h.clone();
                }
            }
            None => e.untranslated = true,
        }
        // A card-only translation (no body): the page itself stays Danish.
        if e.body.trim().is_empty() && e.translation.is_some() {
            if let Some(src) = site.get(e.section, &e.slug) {
                e.body = src.body.clone();
                e.body_line = src.body_line;
            }
        }
    }
    site.with_entries(config, entries)
}

/// The pages language `lang` has (output directories, as the planner names them): the home
/// page, the help pages, the search page and the 404 page, which every language has, and
/// the pages of the entries it translates.
pub fn pages_of(site: &Site, lang: &str, translations: &Translations) -> HashSet<String> {
    // Every language has its own search (its translated pages first, then the Danish).
    let mut pages: HashSet<String> = ["", "404.html", "hjaelp/", &crate::urls::search_dir()]
        .into_iter()
        .map(String::from)
        .collect();
    for key in site.config.audiences.keys() {
        pages.insert(format!("hjaelp/{key}/"));
    }
    // A translation without a body translates the entry's card (title and summary) only:
    // its page stays Danish.
    for ((l, section, slug), t) in translations {
        if l == lang && section.has_pages() && !t.body.trim().is_empty() {
            pages.insert(crate::urls::entry_dir(*section, slug));
        }
    }
    pages.extend(poster_files_of(site, lang, translations));
    pages
}

/// The files a language's translated posters have (each size's PDF and the preview), and
/// the gallery `plakater/` when it has at least one: print writes them under `/<lang>/`.
pub fn poster_files_of(site: &Site, lang: &str, translations: &Translations) -> Vec<String> {
    let mut files = Vec::new();
    for ((l, _, slug), _) in translations
        .iter()
        .filter(|(k, _)| k.1 == Section::Plakater)
    {
        let Some(meta) = site.get(Section::Plakater, slug).and_then(|e| e.poster()) else {
            continue;
        };
        if l != lang {
            continue;
        }
        files.extend(
            meta.sizes
                .iter()
                .map(|s| crate::urls::poster_pdf(slug, s.name())),
        );
        files.push(crate::urls::poster_preview(slug));
    }
    if !files.is_empty() {
        files.push(crate::urls::posters_dir());
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_with_their_spaces() {
        assert_eq!(
            numbers_in("Ring 1888 eller 70 20 30 40, ikke 12."),
            vec!["1888", "70203040"]
        );
        assert!(numbers_in("uden tal").is_empty());
    }
}
