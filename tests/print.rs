//! Posters and leaflets: PDFs of the right size with the right numbers, embedded fonts,
//! Danish tagged PDF, a QR code that decodes, draft marks only on drafts, and an error for a
//! poster with nothing verified to print. Builds the minimal fixture into a temp dir.

mod common;
use common::copy_dir;

use lopdf::{Document, Object};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-06-01";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal")
}

/// Build the fixture (optionally as drafts) and return the temp dir and output dir.
fn build(drafts: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    let mut o = vejviser::BuildOptions::new(dir.path());
    o.today = vejviser::date::Date::parse(TODAY);
    o.drafts = drafts;
    o.out = dir.path().join("public");
    if let Err(f) = vejviser::build(&o) {
        panic!("fixture did not build: {f:?}");
    }
    let out = dir.path().join("public");
    (dir, out)
}

fn pdf_text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap_or_default()
}

fn media_box(doc: &Document) -> Vec<f64> {
    let (_, page_id) = doc.get_pages().into_iter().next().unwrap();
    let page = doc.get_dictionary(page_id).unwrap();
    page.get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| match o {
            Object::Integer(i) => *i as f64,
            Object::Real(r) => *r as f64,
            _ => f64::NAN,
        })
        .collect()
}

#[test]
fn final_posters_have_the_right_size_numbers_fonts_and_tags() {
    let (_d, out) = build(false);
    for (size, w, h) in [("a4", 595.28, 841.89), ("a3", 841.89, 1190.55)] {
        let path = out.join(format!("plakater/udsat/udsat-{size}.pdf"));
        let doc = Document::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(doc.get_pages().len(), 1, "{size}: one page");
        let mb = media_box(&doc);
        assert!(
            (mb[2] - mb[0] - w).abs() < 0.01 && (mb[3] - mb[1] - h).abs() < 0.01,
            "{size}: MediaBox {mb:?}"
        );
        let text = pdf_text(&doc);
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("Bliver du udsat for vold?"),
            "{size}: headline missing in {flat:?}"
        );
        assert!(
            flat.contains("70 00 00 01"),
            "{size}: verified number missing"
        );
        assert!(
            flat.contains("11 22 33 44"),
            "{size}: municipality number missing"
        );
        assert!(
            !flat.contains("70 00 00 99"),
            "{size}: unverified number printed"
        );
        assert!(
            !flat.contains("UDKAST"),
            "{size}: final poster carries the draft mark"
        );
        // Every font is embedded.
        let mut fonts = 0;
        for obj in doc.objects.values() {
            if let Ok(d) = obj.as_dict() {
                if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"FontDescriptor") {
                    fonts += 1;
                    assert!(
                        d.has(b"FontFile2") || d.has(b"FontFile3") || d.has(b"FontFile"),
                        "{size}: a font is not embedded"
                    );
                }
            }
        }
        assert!(fonts > 0, "{size}: no font descriptors");
        // Tagged, in Danish.
        let catalog = doc.catalog().unwrap();
        let lang = catalog
            .get(b"Lang")
            .and_then(|l| l.as_str().map(|s| s.to_vec()))
            .unwrap();
        assert!(
            String::from_utf8_lossy(&lang).starts_with("da"),
            "{size}: /Lang {lang:?}"
        );
        assert!(catalog.has(b"StructTreeRoot"), "{size}: not tagged");
        let marked = catalog
            .get(b"MarkInfo")
            .and_then(|m| doc.dereference(m).map(|(_, o)| o.clone()))
            .ok()
            .and_then(|m| {
                m.as_dict()
                    .ok()
                    .and_then(|d| d.get(b"Marked").ok().and_then(|b| b.as_bool().ok()))
            });
        assert_eq!(marked, Some(true), "{size}: /MarkInfo /Marked");
    }
}

#[test]
fn the_qr_code_in_the_preview_leads_to_the_posters_page() {
    let (_d, out) = build(false);
    let png = std::fs::read(out.join("plakater/udsat/udsat.png")).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let i = (y * w + x) * channels;
        if channels >= 3 {
            ((buf[i] as u32 + buf[i + 1] as u32 + buf[i + 2] as u32) / 3) as u8
        } else {
            buf[i]
        }
    });
    let grids = img.detect_grids();
    assert!(!grids.is_empty(), "no QR code found in the preview");
    let (_, content) = grids[0].decode().expect("QR code decodes");
    assert_eq!(content, "https://example.org/vold/hjaelp/udsat/");
}

#[test]
fn drafts_print_unverified_numbers_under_a_visible_mark() {
    let (_d, out) = build(true);
    let doc = Document::load(out.join("plakater/udsat/udsat-a4.pdf")).unwrap();
    let flat: String = pdf_text(&doc)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("UDKAST — kontaktoplysninger ikke bekræftet"),
        "{flat:?}"
    );
    assert!(
        flat.contains("70 00 00 99"),
        "the draft shows the unverified number"
    );
    let page = std::fs::read_to_string(out.join("plakater/udsat/index.html")).unwrap();
    assert!(
        page.contains("UDKAST"),
        "the poster page says it is a draft"
    );
}

#[test]
fn a_poster_with_nothing_verified_is_an_error_naming_the_contacts() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    let p = dir.path().join("content/plakater/udsat.md");
    let text = std::fs::read_to_string(&p).unwrap().replace(
        "contacts: [kommune, hjaelpelinjen, ubekraeftet]",
        "contacts: [ubekraeftet]",
    );
    std::fs::write(&p, text).unwrap();
    let mut o = vejviser::BuildOptions::new(dir.path());
    o.today = vejviser::date::Date::parse(TODAY);
    match vejviser::build(&o) {
        Ok(_) => panic!("a poster without verified numbers must not build"),
        Err(vejviser::BuildFailure::Content(d)) => {
            let r = d.render_report();
            assert!(r.contains("content/plakater/udsat.md"), "{r}");
            assert!(r.contains("ubekraeftet"), "{r}");
        }
        Err(e) => panic!("unexpected failure {e:?}"),
    }
}
