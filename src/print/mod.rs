//! Print: posters and leaflets as PDF (Typst as a library, fonts from the theme) and a PNG
//! preview of each, filled from the model. Templates: `themes/default/print/poster.typ`
//! and `leaflet.typ` (sharing `common.typ`); fonts: `print/fonts/`.
//!
//! Safety of facts: a final poster prints only contact numbers verified within
//! `verification_max_age_days`; `--drafts` prints the others too, under a large
//! "UDKAST — kontaktoplysninger ikke bekræftet" mark on every page. A final poster left
//! without any verified number is an error naming the contacts to verify.
//!
//! Modules: `data` (model → template data), `world` (the Typst world over theme files),
//! `typeset` (one poster in one size → PDF and preview).

pub mod booklet;
pub mod data;
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
    /// By poster slug.
    pub posters: BTreeMap<String, PosterFiles>,
}

/// Every poster PDF and preview of the site, in memory.
pub fn render_posters(
    loaded: &LoadedSite,
    opts: &BuildOptions,
    diags: &mut Diagnostics,
) -> PrintOutput {
    let mut out = PrintOutput {
        files: Vec::new(),
        posters: BTreeMap::new(),
    };
    let posters: Vec<_> = loaded.site.section(Section::Plakater).collect();
    if posters.is_empty() {
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

    // One job per poster and paper size, compiled in parallel.
    let mut jobs = Vec::new();
    for (e, meta) in posters.iter().filter_map(|e| e.poster().map(|m| (e, m))) {
        let d = data::poster_data(&loaded.site, &loaded.theme.strings, e, meta, opts.drafts);
        if !opts.drafts {
            warn_of_missing_numbers(&loaded.site, e, meta, &d, diags);
        }
        if let Some(glyphs) = missing_glyphs(&kit, e, meta, &d) {
            diags.push(glyphs);
            continue;
        }
        let files = out.posters.entry(e.slug.clone()).or_default();
        files.numbers = d.numbers.clone();
        files.qr_svg = d.qr_svg.as_deref().map(inline_svg);
        for (i, size) in meta.sizes.iter().enumerate() {
            jobs.push((*e, d.clone(), size.name(), i == 0));
        }
    }
    let results: Vec<_> = jobs
        .par_iter()
        .map(|(e, d, size, preview)| {
            let r = typeset::typeset(&kit, d, loaded.logo.as_ref(), size, *preview, today);
            (*e, *size, d.template, r)
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

/// PDF/UA forbids text the fonts cannot show: the error naming which characters, and where.
fn missing_glyphs(
    kit: &PrintKit,
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
    let line = if has(&meta.headline) {
        e.line_of("headline")
    } else if has(&e.body) {
        Some(e.body_line)
    } else {
        e.line_of("contacts")
    };
    let chars: Vec<String> = missing.iter().map(|c| format!("»{c}«")).collect();
    Some(
        Diagnostic::error(
            "poster-missing-glyph",
            &e.path,
            format!(
                "plakatskriften har ikke tegnene {}, så plakaten kan ikke trykkes",
                chars.join(" ")
            ),
        )
        .at_line(line)
        .hint("skriv teksten med andre tegn, eller læg en skrifttype med tegnene i temaets print/fonts/"),
    )
}

/// One typeset poster size: the entry, the size, the print template and the PDF or error.
type Typeset<'e> = (
    &'e crate::entry::Entry,
    &'static str,
    &'static str,
    Result<typeset::Typeset, String>,
);

/// File the typeset PDFs and previews, and report failures. The same template error in
/// every size is reported once, naming the sizes.
fn collect_typeset(
    out: &mut PrintOutput,
    results: Vec<Typeset>,
    drafts: bool,
    diags: &mut Diagnostics,
) {
    let mut failures: Vec<(&str, &str, &str, String, Vec<&str>)> = Vec::new();
    for (e, size, template, r) in results {
        let entry = out.posters.entry(e.slug.clone()).or_default();
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
                out.files.push(OutputFile { path, bytes: t.pdf });
                if let Some(png) = t.png {
                    let path = urls::poster_preview(&e.slug);
                    entry.preview = Some(path.clone());
                    out.files.push(OutputFile { path, bytes: png });
                }
            }
            Err(msg) => match failures.iter_mut().find(|f| f.0 == e.path && f.3 == msg) {
                Some(f) => f.4.push(size),
                None => failures.push((&e.path, &e.title, template, msg, vec![size])),
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
