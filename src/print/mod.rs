//! Print: posters and leaflets as PDF (Typst as a library, fonts from the theme) and a PNG
//! preview of each, filled from the model. Templates: `themes/default/print/poster.typ`
//! and `leaflet.typ` (sharing `common.typ`); fonts: `print/fonts/`.
//!
//! Safety of facts: a final poster prints only contact numbers verified within
//! `verification_max_age_days`; `--drafts` prints the others too, under a large
//! "UDKAST — kontaktoplysninger ikke bekræftet" mark on every page. A final poster left
//! without any verified number is an error naming the contacts to verify.
//!
//! Languages: every poster is printed in the source language, and each poster translation
//! (`udsat-for-vold.en.md`) in its language under `/<lang>/plakater/…`, with that language's
//! UI strings and direction; names, numbers and hours come from the Danish entries.
//!
//! Modules: `data` (model → template data), `editions` (the languages posters are printed
//! in), `world` (the Typst world over theme files), `typeset` (one poster in one size → PDF
//! and preview).

pub mod booklet;
pub mod data;
mod editions;
mod typeset;
mod world;

use crate::diag::{Diagnostic, Diagnostics};
use crate::entry::Section;
use crate::loaded::LoadedSite;
use crate::options::BuildOptions;
use crate::output::OutputFile;
use crate::urls;
use rayon::prelude::*;
use std::collections::BTreeMap;
use world::PrintKit;

/// Theme directory of the print templates and fonts.
pub const PRINT_DIR: &str = "print/";

/// One PDF of a poster.
#[derive(Debug, Clone)]
pub struct PosterPdf {
    /// Paper size as written in front matter (`A4`).
    pub size: String,
    /// Site path (`plakater/<slug>/<slug>-a4.pdf`).
    pub path: String,
    pub bytes: usize,
    pub pages: usize,
}

/// What print produced for one poster, for the poster page and the gallery.
#[derive(Debug, Clone, Default)]
pub struct PosterFiles {
    /// In the order of the poster's `sizes`.
    pub pdfs: Vec<PosterPdf>,
    pub preview: Option<String>,
    pub draft: bool,
    /// The numbers the poster prints (emergency numbers first), for its page's printout.
    pub numbers: Vec<PrintedNumber>,
    /// The poster's QR code as inline SVG, for its page's printout.
    pub qr_svg: Option<String>,
}

/// One number as a poster prints it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PrintedNumber {
    pub name: String,
    pub number: String,
    pub hours: String,
}

pub struct PrintOutput {
    pub files: Vec<OutputFile>,
    /// The source language's posters, by slug.
    pub posters: BTreeMap<String, PosterFiles>,
    /// The translated posters, by language code and slug. Their paths are within the
    /// language (`plakater/…`); the files themselves are written under `<lang>/`.
    pub translated: BTreeMap<String, BTreeMap<String, PosterFiles>>,
}

impl PrintOutput {
    /// The files of poster `slug` in language `lang` (`None`: the source language).
    fn poster_mut(&mut self, lang: Option<&str>, slug: &str) -> &mut PosterFiles {
        let map = match lang {
            None => &mut self.posters,
            Some(l) => self.translated.entry(l.to_string()).or_default(),
        };
        map.entry(slug.to_string()).or_default()
    }
}

/// One poster in one language and paper size, to typeset.
struct Job<'a> {
    /// `None` for the source language.
    lang: Option<&'a str>,
    entry: &'a crate::entry::Entry,
    /// The file of the poster's words: the entry's, or its translation's.
    file: &'a str,
    data: data::PosterData,
    size: &'static str,
    preview: bool,
}

/// Every poster PDF and preview of the site, in memory: each poster in the source
/// language, and each poster translation in its language (`editions`).
pub fn render_posters(
    loaded: &LoadedSite,
    opts: &BuildOptions,
    diags: &mut Diagnostics,
) -> PrintOutput {
    let mut out = PrintOutput {
        files: Vec::new(),
        posters: BTreeMap::new(),
        translated: BTreeMap::new(),
    };
    if loaded.site.section(Section::Plakater).next().is_none() {
        return out;
    }
    let kit = PrintKit::new(loaded.theme.under(PRINT_DIR).map(|f| {
        (
            f.path.strip_prefix(PRINT_DIR).unwrap_or(&f.path),
            f.bytes.as_slice(),
        )
    }));
    if !kit.has_fonts() {
        diags.push(crate::diag::internal(
            "print/fonts/",
            "temaet har ingen skrifttyper til plakaterne (print/fonts/*.ttf)",
        ));
        return out;
    }
    let today = loaded.site.config.today.civil();
    let today = (today.0 as i32, today.1 as u8, today.2 as u8);

    // One job per poster, language and paper size, compiled in parallel.
    let others = editions::other_languages(loaded);
    let mut jobs = Vec::new();
    for ed in editions::all(loaded, &others) {
        let lang = ed.pages.is_some().then_some(ed.lang);
        for (e, meta) in ed
            .site
            .section(Section::Plakater)
            .filter_map(|e| e.poster().map(|m| (e, m)))
        {
            // In another language, the posters it translates.
            let translation = lang.and_then(|l| {
                loaded
                    .translations
                    .get(&(l.to_string(), Section::Plakater, e.slug.clone()))
            });
            if lang.is_some() && translation.is_none() {
                continue;
            }
            let d = data::poster_data(&ed, e, meta, opts.drafts);
            // The same contacts drop in every language: the source language warns once.
            if lang.is_none() && !opts.drafts {
                warn_of_missing_numbers(&loaded.site, e, meta, &d, diags);
            }
            if let Some(glyphs) = missing_glyphs(&kit, translation, e, meta, &d) {
                diags.push(glyphs);
                continue;
            }
            let file = translation.map_or(e.path.as_str(), |t| t.path.as_str());
            let files = out.poster_mut(lang, &e.slug);
            files.numbers = d.numbers.clone();
            files.qr_svg = d.qr_svg.as_deref().map(inline_svg);
            for (i, size) in meta.sizes.iter().enumerate() {
                jobs.push(Job {
                    lang,
                    entry: e,
                    file,
                    data: d.clone(),
                    size: size.name(),
                    preview: i == 0,
                });
            }
        }
    }
    let results: Vec<_> = jobs
        .par_iter()
        .map(|j| {
            let r = typeset::typeset(
                &kit,
                &j.data,
                loaded.logo.as_ref(),
                j.size,
                j.preview,
                today,
            );
            (j, r)
        })
        .collect();
    collect_typeset(&mut out, results, opts.drafts, diags);
    out
}

/// An SVG to inline in a page: without its XML declaration.
fn inline_svg(svg: &str) -> String {
    match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg.to_string(),
    }
}

/// Warn about numbers a poster leaves off because they are not current, and loudest about a
/// poster left with only the emergency numbers.
fn warn_of_missing_numbers(
    site: &crate::model::Site,
    e: &crate::entry::Entry,
    meta: &crate::entry::PosterMeta,
    d: &data::PosterData,
    diags: &mut Diagnostics,
) {
    if meta.layout == crate::entry::PosterLayout::Poster {
        for who in &d.unverified_contacts {
            diags.push(dropped_contact(site, e, who));
        }
    }
    if d.printed_numbers != 0 {
        return;
    }
    // Still print: 112 and 114 (site.yaml `emergency`) never age, and a poster with them is
    // better than none on the wall. Loud, and an error under --strict.
    let emergency: Vec<&str> = site
        .config
        .emergency
        .iter()
        .map(|n| n.number.as_str())
        .collect();
    let hint = if d.unverified_contacts.is_empty() {
        "tilføj partnere med telefonnumre under `contacts`".to_string()
    } else {
        format!(
            "find nye kilder til kontaktoplysningerne for {} og opdatér verified",
            d.unverified_contacts.join(", ")
        )
    };
    diags.push(
        Diagnostic::warning(
            "poster-no-verified-number",
            &e.path,
            format!(
                "plakaten »{}« har intet aktuelt telefonnummer og trykkes kun med nødnumrene ({})",
                e.title,
                emergency.join(", ")
            ),
        )
        .at_line(e.line_of("contacts").or(Some(1)))
        .hint(hint),
    );
}

/// PDF/UA forbids text the fonts cannot show: the error naming which characters, and where
/// (in a translated poster: the translation's file and line for its words).
fn missing_glyphs(
    kit: &PrintKit,
    translation: Option<&crate::translation::Translation>,
    e: &crate::entry::Entry,
    meta: &crate::entry::PosterMeta,
    d: &data::PosterData,
) -> Option<Diagnostic> {
    let mut text = String::new();
    data::all_text(&d.json, &mut text);
    let missing = kit.missing_chars(&text);
    if missing.is_empty() {
        return None;
    }
    let has = |s: &str| s.chars().any(|c| missing.contains(&c));
    // The words are the translation's, if any; names and numbers are the Danish poster's.
    let (path, line) = match translation {
        Some(t) if has(&meta.headline) => (&t.path, t.line_of("headline")),
        Some(t) if has(&e.title) => (&t.path, t.line_of("title")),
        Some(t) if has(&e.body) => (&t.path, Some(t.body_line)),
        _ if has(&meta.headline) => (&e.path, e.line_of("headline")),
        _ if has(&e.title) => (&e.path, e.line_of("title")),
        _ if has(&e.body) => (&e.path, Some(e.body_line)),
        _ => (&e.path, e.line_of("contacts")),
    };
    let chars: Vec<String> = missing.iter().map(|c| format!("»{c}«")).collect();
    Some(
        Diagnostic::error(
            "poster-missing-glyph",
            path,
            format!(
                "plakatskriften har ikke tegnene {}, så plakaten kan ikke trykkes",
                chars.join(" ")
            ),
        )
        .at_line(line)
        .hint("skriv teksten med andre tegn, eller læg en skrifttype med tegnene i temaets print/fonts/"),
    )
}

/// One typeset poster size: its job and the PDF or error.
type Typeset<'j, 'e> = (&'j Job<'e>, Result<typeset::Typeset, String>);

/// File the typeset PDFs and previews (another language's under `<lang>/`), and report
/// failures. The same template error in every size is reported once, naming the sizes.
fn collect_typeset(
    out: &mut PrintOutput,
    results: Vec<Typeset>,
    drafts: bool,
    diags: &mut Diagnostics,
) {
    let mut failures: Vec<(&str, &str, &str, String, Vec<&str>)> = Vec::new();
    for (job, r) in results {
        let (lang, e, file, size) = (job.lang, job.entry, job.file, job.size);
        let prefix = lang.map(|l| format!("{l}/")).unwrap_or_default();
        let entry = out.poster_mut(lang, &e.slug);
        entry.draft = drafts;
        match r {
            Ok(t) => {
                let path = urls::poster_pdf(&e.slug, size);
                entry.pdfs.push(PosterPdf {
                    size: size.to_string(),
                    path: path.clone(),
                    bytes: t.pdf.len(),
                    pages: t.pages,
                });
                let preview = t.png.map(|png| {
                    let path = urls::poster_preview(&e.slug);
                    entry.preview = Some(path.clone());
                    (path, png)
                });
                out.files.push(OutputFile {
                    path: format!("{prefix}{path}"),
                    bytes: t.pdf,
                });
                if let Some((path, png)) = preview {
                    out.files.push(OutputFile {
                        path: format!("{prefix}{path}"),
                        bytes: png,
                    });
                }
            }
            Err(msg) => match failures.iter_mut().find(|f| f.0 == file && f.3 == msg) {
                Some(f) => f.4.push(size),
                None => failures.push((file, &e.title, job.data.template, msg, vec![size])),
            },
        }
    }
    for (path, title, template, msg, sizes) in failures {
        diags.push(
            Diagnostic::error(
                "poster-render",
                path,
                format!(
                    "plakaten »{title}« kunne ikke sættes i {}: {msg}",
                    sizes.join(", ")
                ),
            )
            .hint(format!(
                "ret skabelonen {PRINT_DIR}{template} i temaet (eller fjern din egen udgave af den)"
            )),
        );
    }
}

/// The booklet of the practices (`/praksis/samlet.pdf`); `None` without practices or with
/// more than `booklet::MAX_PRACTICES`, or
/// with an error in `diags` when it cannot be typeset.
pub fn render_booklet(loaded: &LoadedSite, diags: &mut Diagnostics) -> Option<OutputFile> {
    let site = &loaded.site;
    if !booklet::wanted(site) {
        return None;
    }
    let kit = PrintKit::new(loaded.theme.under(PRINT_DIR).map(|f| {
        (
            f.path.strip_prefix(PRINT_DIR).unwrap_or(&f.path),
            f.bytes.as_slice(),
        )
    }));
    if !kit.has_fonts() {
        return None; // render_posters reports the missing fonts.
    }
    let data = booklet::data(site, &loaded.theme.strings);
    let mut text = String::new();
    data::all_text(&data, &mut text);
    let missing = kit.missing_chars(&text);
    if !missing.is_empty() {
        let chars: Vec<String> = missing.iter().map(|c| format!("»{c}«")).collect();
        diags.push(
            Diagnostic::error(
                "booklet-missing-glyph",
                "content/praksis",
                format!(
                    "skriften til hæftet med de gode eksempler har ikke tegnene {}",
                    chars.join(" ")
                ),
            )
            .hint("skriv teksten med andre tegn, eller læg en skrifttype med tegnene i temaets print/fonts/"),
        );
        return None;
    }
    let (y, m, d) = site.config.today.civil();
    match booklet::typeset(&kit, &data, (y as i32, m as u8, d as u8)) {
        Ok(pdf) => Some(OutputFile {
            path: booklet::PATH.to_string(),
            bytes: pdf,
        }),
        Err(msg) => {
            diags.push(
                Diagnostic::error(
                    "booklet-render",
                    format!("{PRINT_DIR}{}", booklet::TEMPLATE),
                    format!("hæftet med de gode eksempler kunne ikke sættes: {msg}"),
                )
                .hint(format!(
                    "ret skabelonen {PRINT_DIR}{} i temaet (eller fjern din egen udgave af den)",
                    booklet::TEMPLATE
                )),
            );
            None
        }
    }
}

/// The warning for a poster contact whose number is left off, saying why.
fn dropped_contact(
    site: &crate::model::Site,
    poster: &crate::entry::Entry,
    who: &str,
) -> Diagnostic {
    let c = &site.config;
    let why = if who == crate::model::MUNICIPALITY_CONTACT {
        "kommunens nummer i site.yaml er ikke bekræftet inden for fristen".to_string()
    } else {
        match site
            .get(Section::Partnere, who)
            .and_then(|e| e.partner())
            .map(|p| (p.contact_status, p.verified.as_ref()))
        {
            Some((crate::entry::ContactStatus::Stale, Some(v))) => format!(
                "oplysningerne er fra {} og dermed ældre end {} dage",
                v.information_date.danish(),
                c.verification_max_age_days
            ),
            Some((crate::entry::ContactStatus::None, _)) => {
                "partneren har intet telefonnummer".into()
            }
            _ => "telefonnummeret er ikke bekræftet".into(),
        }
    };
    let hint = if who == crate::model::MUNICIPALITY_CONTACT {
        "tjek kommunens nummer mod en ny kilde og opdatér municipality.verified i site.yaml, eller fjern `kommune` fra contacts".to_string()
    } else {
        format!("tjek kontaktoplysningerne i content/partnere/{who}.md mod en ny kilde, eller fjern `{who}` fra contacts")
    };
    Diagnostic::warning(
        "poster-contact-dropped",
        &poster.path,
        format!("plakaten »{}« trykkes uden `{who}`: {why}", poster.title),
    )
    .at_line(poster.line_of("contacts"))
    .hint(hint)
}
