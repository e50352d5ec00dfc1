//! Print: posters and leaflets as PDF (Typst as a library, fonts from the theme) and a PNG
//! preview of each, filled from the model. The template is `themes/default/print/poster.typ`.
//!
//! Safety of facts: a final poster prints only contact numbers verified within
//! `verification_max_age_days`; `--drafts` prints the others too, under a large
//! "UDKAST — kontaktoplysninger ikke bekræftet" mark on every page. A final poster left
//! without any verified number is an error naming the contacts to verify.

mod data;
mod world;

use crate::diag::{Diagnostic, Diagnostics};
use crate::entry::Section;
use crate::render::OutputFile;
use crate::{urls, BuildOptions, LoadedSite};
use rayon::prelude::*;
use std::collections::BTreeMap;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use world::{PosterWorld, PrintKit};

pub const TEMPLATE: &str = "print/poster.typ";
pub const DRAFT_MARK: &str = "UDKAST — kontaktoplysninger ikke bekræftet";

/// What print produced for one poster, for the poster page and the gallery.
#[derive(Debug, Clone, Default)]
pub struct PosterFiles {
    /// (paper size, PDF site path, bytes)
    pub pdfs: Vec<(String, String, usize)>,
    pub preview: Option<String>,
    pub draft: bool,
}

pub struct PrintOutput {
    pub files: Vec<OutputFile>,
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
    let Some(template) = loaded.theme.text(TEMPLATE) else {
        diags.push(crate::internal(TEMPLATE, "temaet mangler plakatskabelonen"));
        return out;
    };
    let kit = PrintKit::new(
        loaded
            .theme
            .under("print/fonts/")
            .filter(|f| f.path.ends_with(".ttf") || f.path.ends_with(".otf"))
            .map(|f| f.bytes.clone()),
    );
    if !kit.has_fonts() {
        diags.push(crate::internal(
            "print/fonts/",
            "temaet har ingen skrifttyper til plakaterne (print/fonts/*.ttf)",
        ));
        return out;
    }
    let today = opts.today.unwrap_or_else(crate::date::Date::today).civil();
    let today = (today.0 as i32, today.1 as u8, today.2 as u8);
    // One job per poster and paper size, compiled in parallel.
    let mut jobs = Vec::new();
    for e in &posters {
        let meta = e.poster().expect("poster entry");
        let d = data::poster_data(&loaded.site, e, meta, opts.drafts);
        if d.printed_numbers == 0 && !opts.drafts {
            let line = e.line_of("contacts").or(Some(1));
            diags.push(
                Diagnostic::error(
                    "poster-no-verified-number",
                    &e.path,
                    format!(
                        "plakaten »{}« har intet bekræftet telefonnummer at trykke",
                        e.title
                    ),
                )
                .at_line(line)
                .hint(format!(
                    "bekræft kontaktoplysningerne for {} (verified.on/against), eller byg med --drafts for et udkast",
                    d.unverified_contacts.join(", ")
                )),
            );
            continue;
        }
        for (i, size) in meta.sizes.iter().enumerate() {
            jobs.push((e, d.clone(), size.name().to_string(), i == 0));
        }
    }
    let results: Vec<_> = jobs
        .par_iter()
        .map(|(e, d, size, preview)| {
            let r = compile(&kit, template, d, size, *preview, today);
            (e, size, r)
        })
        .collect();
    for (e, size, r) in results {
        let entry = out.posters.entry(e.slug.clone()).or_default();
        entry.draft = opts.drafts;
        match r {
            Ok((pdf, png)) => {
                let path = urls::poster_pdf(&e.slug, size);
                entry.pdfs.push((size.clone(), path.clone(), pdf.len()));
                out.files.push(OutputFile { path, bytes: pdf });
                if let Some(png) = png {
                    let path = urls::poster_preview(&e.slug);
                    entry.preview = Some(path.clone());
                    out.files.push(OutputFile { path, bytes: png });
                }
            }
            Err(msg) => diags.push(
                Diagnostic::error(
                    "poster-render",
                    &e.path,
                    format!("plakaten kunne ikke sættes i {size}: {msg}"),
                )
                .hint(format!("ret skabelonen {TEMPLATE} i temaet")),
            ),
        }
    }
    out
}

/// Compile one poster in one size: the PDF (tagged, PDF/UA-1) and optionally a PNG preview.
fn compile(
    kit: &PrintKit,
    template: &str,
    d: &data::PosterData,
    size: &str,
    preview: bool,
    today: (i32, u8, u8),
) -> Result<(Vec<u8>, Option<Vec<u8>>), String> {
    let mut json = d.json.clone();
    json["paper"] = size.to_ascii_lowercase().into();
    let mut files = vec![("/data.json", serde_json::to_vec(&json).expect("json"))];
    if let Some(qr) = &d.qr_svg {
        files.push(("/qr.svg", qr.clone().into_bytes()));
    }
    let world = PosterWorld::new(kit, template, files, today);
    let doc = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errs| {
            errs.iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        })?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(format!("vejviser-{}-{size}", d.slug)),
        standards: typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
            .map_err(|e| e.message().to_string())?,
        tagged: true,
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&doc, &options).map_err(|errs| {
        errs.iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let png = if preview {
        let page = doc.pages().first().ok_or("no page")?;
        let width_pt = page.frame.width().to_pt();
        let pixmap = typst_render::render(
            page,
            &typst_render::RenderOptions {
                pixel_per_pt: typst::utils::Scalar::new(640.0 / width_pt),
                render_bleed: false,
            },
        );
        Some(pixmap.encode_png().map_err(|e| e.to_string())?)
    } else {
        None
    };
    Ok((pdf, png))
}
