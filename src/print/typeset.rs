//! One poster in one paper size: Typst compile, tagged PDF/UA-1, optional PNG preview.

use super::data::PosterData;
use super::world::{PosterWorld, PrintKit};
use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst_layout::PagedDocument;

/// Width of the PNG preview in pixels.
pub const PREVIEW_WIDTH_PX: f64 = 640.0;

pub struct Typeset {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub png: Option<Vec<u8>>,
}

/// Compile `d` on `paper` (`a4`, `a3`, `a5`); with `preview`, also render page 1 as PNG.
pub fn typeset(
    kit: &PrintKit,
    d: &PosterData,
    logo: Option<&crate::logo::Logo>,
    paper: &str,
    preview: bool,
    today: (i32, u8, u8),
) -> Result<Typeset, String> {
    let mut json = d.json.clone();
    json["paper"] = paper.to_ascii_lowercase().into();
    if let Some(l) = logo {
        json["logo"] = l.print_path.into();
    }
    let mut files = vec![("/data.json", serde_json::to_vec(&json).expect("json"))];
    if let Some(qr) = &d.qr_svg {
        files.push(("/qr.svg", qr.clone().into_bytes()));
    }
    if let Some(l) = logo {
        files.push((l.print_path, l.bytes.clone()));
    }
    let world = PosterWorld::new(kit, d.template, files, today)?;
    let (doc, pdf) = tagged_pdf(&world, format!("vejviser-{}-{paper}", d.slug))?;
    let png = if preview {
        let page = doc.pages().first().ok_or("the poster has no page")?;
        let width_pt = page.frame.width().to_pt();
        let pixmap = typst_render::render(
            page,
            &typst_render::RenderOptions {
                pixel_per_pt: typst::utils::Scalar::new(PREVIEW_WIDTH_PX / width_pt),
                render_bleed: false,
            },
        );
        Some(pixmap.encode_png().map_err(|e| e.to_string())?)
    } else {
        None
    };
    Ok(Typeset {
        pdf,
        pages: doc.pages().len(),
        png,
    })
}

/// Compile `world` and export it as a tagged PDF/UA-1 with the document identifier
/// `ident`: the posters and the practices booklet. `Err` with Typst's messages, each at
/// its template line.
pub fn tagged_pdf(world: &PosterWorld, ident: String) -> Result<(PagedDocument, Vec<u8>), String> {
    let messages = |errs: &[SourceDiagnostic]| {
        errs.iter()
            .map(|e| match world.locate(e.span) {
                Some(at) => format!("{at}: {}", e.message),
                None => e.message.to_string(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let doc = typst::compile::<PagedDocument>(world)
        .output
        .map_err(|errs| messages(&errs))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident),
        standards: typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
            .map_err(|e| e.message().to_string())?,
        tagged: true,
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&doc, &options).map_err(|errs| messages(&errs))?;
    Ok((doc, pdf))
}
