//! Posters and leaflets: PDFs of the right size with the right numbers, embedded fonts,
//! Danish tagged PDF, a QR code that decodes, draft marks only on drafts (on every page),
//! a leaflet grouped by audience, the gallery, and errors for a poster with nothing
//! verified to print or a broken template. Builds the minimal fixture, plus a stale partner
//! and a leaflet, into a temp dir.

use crate::common::copy_dir;

use lopdf::{Document, Object};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-06-01";
const VERIFIED: &str = "70 00 00 01";
const MUNICIPALITY: &str = "11 22 33 44";
const UNVERIFIED: &str = "70 00 00 99";
const STALE: &str = "70 00 00 77";
const A4: (f64, f64) = (595.28, 841.89);
const A3: (f64, f64) = (841.89, 1190.55);
const A5: (f64, f64) = (419.53, 595.28);

const STALE_PARTNER: &str = r#"---
title: "Forældet Rådgivning"
summary: "Et tilbud, hvis oplysninger er for gamle."
source:
  document: "test.txt"
kind: ngo
audiences: [udsat]
offers: [raadgivning]
contact:
  phones:
    - number: "70 00 00 77"
      label: "Rådgivning"
verified:
  on: 2024-01-01
  against: "https://example.org/gammel"
---

Forældet Rådgivning hjælper.
"#;

/// A leaflet (`plakater/folder.md`) with `body`.
pub fn leaflet(body: &str) -> String {
    format!(
        r#"---
title: "Folder: hvor kan du henvende dig"
summary: "Til at dele ud."
layout: leaflet
audience: borgere
sizes: [A5, A4]
headline: "Hjælp mod vold — hvor kan du henvende dig"
qr: "/hjaelp/"
---

{body}
"#
    )
}

/// The minimal fixture plus a stale partner on the poster and a leaflet.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
        dir.path(),
    );
    let content = dir.path().join("content");
    std::fs::write(content.join("partnere/foraeldet.md"), STALE_PARTNER).unwrap();
    std::fs::write(
        content.join("plakater/folder.md"),
        leaflet("Du er **ikke** alene. Se [hjælpelinjen](/partnere/hjaelpelinjen/)."),
    )
    .unwrap();
    edit(
        &content.join("plakater/udsat.md"),
        "contacts: [kommune, hjaelpelinjen, ubekraeftet]",
        "contacts: [kommune, hjaelpelinjen, ubekraeftet, foraeldet]",
    );
    dir
}

pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

fn options(root: &Path, drafts: bool) -> vejviser::BuildOptions {
    let mut o = vejviser::BuildOptions::new(root);
    o.today = vejviser::date::Date::parse(TODAY);
    o.drafts = drafts;
    o.out = root.join("public");
    o
}

/// Build the fixture (optionally as drafts); returns the temp dir, the output dir and the
/// build report.
fn build(drafts: bool) -> (tempfile::TempDir, PathBuf, vejviser::BuildReport) {
    let dir = fixture();
    let report = match vejviser::build(&options(dir.path(), drafts)) {
        Ok(r) => r,
        Err(f) => panic!("fixture did not build: {f:?}"),
    };
    let out = dir.path().join("public");
    (dir, out, report)
}

/// The build's errors, rendered as editors see them.
fn build_errors(root: &Path) -> String {
    match vejviser::build(&options(root, false)) {
        Ok(_) => panic!("the build should have failed"),
        Err(vejviser::BuildFailure::Content(d)) => d.render_report(),
        Err(e) => panic!("unexpected failure {e:?}"),
    }
}

pub(crate) fn load(path: &Path) -> Document {
    Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Text of each page, whitespace collapsed.
fn page_texts(doc: &Document) -> Vec<String> {
    doc.get_pages()
        .keys()
        .map(|&n| {
            doc.extract_text(&[n])
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

pub(crate) fn text(doc: &Document) -> String {
    page_texts(doc).join(" ")
}

fn number(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => f64::NAN,
    }
}

/// Width and height of every page's MediaBox.
fn page_sizes(doc: &Document) -> Vec<(f64, f64)> {
    doc.get_pages()
        .values()
        .map(|&id| {
            let mb: Vec<f64> = doc
                .get_dictionary(id)
                .unwrap()
                .get(b"MediaBox")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(number)
                .collect();
            (mb[2] - mb[0], mb[3] - mb[1])
        })
        .collect()
}

fn assert_size(doc: &Document, (w, h): (f64, f64), what: &str) {
    for (pw, ph) in page_sizes(doc) {
        assert!(
            (pw - w).abs() < 0.01 && (ph - h).abs() < 0.01,
            "{what}: page is {pw} × {ph} pt, expected {w} × {h}"
        );
    }
}

/// The largest font size set anywhere in the PDF's content streams.
fn largest_font_size(doc: &Document) -> f64 {
    let mut max = 0.0f64;
    for obj in doc.objects.values() {
        let Object::Stream(s) = obj else { continue };
        let Ok(bytes) = s.decompressed_content() else {
            continue;
        };
        let Ok(content) = lopdf::content::Content::decode(&bytes) else {
            continue;
        };
        for op in content.operations.iter().filter(|op| op.operator == "Tf") {
            if let Some(size) = op.operands.get(1) {
                max = max.max(number(size));
            }
        }
    }
    max
}

pub fn assert_fonts_embedded(doc: &Document, what: &str) {
    let mut fonts = 0;
    for obj in doc.objects.values() {
        if let Ok(d) = obj.as_dict() {
            if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"FontDescriptor") {
                fonts += 1;
                assert!(
                    d.has(b"FontFile2") || d.has(b"FontFile3") || d.has(b"FontFile"),
                    "{what}: a font is not embedded"
                );
            }
        }
    }
    assert!(fonts > 0, "{what}: no font descriptors");
}

/// The catalog's `/Lang` is `lang` (or a region of it, `da-DK`), and the PDF is tagged
/// (structure tree, `/MarkInfo /Marked`).
pub fn assert_tagged(doc: &Document, lang: &str, what: &str) {
    let catalog = doc.catalog().unwrap();
    let found = catalog
        .get(b"Lang")
        .and_then(|l| l.as_str().map(|s| String::from_utf8_lossy(s).to_string()))
        .unwrap_or_else(|_| panic!("{what}: no /Lang"));
    assert!(
        found == lang || found.starts_with(&format!("{lang}-")),
        "{what}: /Lang {found:?}, not {lang}"
    );
    assert!(catalog.has(b"StructTreeRoot"), "{what}: not tagged");
    let marked = catalog
        .get(b"MarkInfo")
        .and_then(|m| doc.dereference(m).map(|(_, o)| o.clone()))
        .ok()
        .and_then(|m| {
            m.as_dict()
                .ok()
                .and_then(|d| d.get(b"Marked").ok().and_then(|b| b.as_bool().ok()))
        });
    assert_eq!(marked, Some(true), "{what}: /MarkInfo /Marked");
}

pub fn assert_tagged_danish(doc: &Document, what: &str) {
    assert_tagged(doc, "da", what);
    // A document title, shown instead of the file name (PDF/UA).
    let info_title = doc
        .trailer
        .get(b"Info")
        .and_then(|i| doc.dereference(i).map(|(_, o)| o.clone()))
        .ok()
        .and_then(|i| i.as_dict().ok().and_then(|d| d.get(b"Title").ok().cloned()));
    assert!(info_title.is_some(), "{what}: no document title");
}

#[test]
fn final_posters_have_the_right_size_numbers_fonts_and_tags() {
    let (_d, out, _) = build(false);
    for (size, dims, tabs) in [("a4", A4, 8), ("a3", A3, 10)] {
        let what = format!("udsat-{size}.pdf");
        let doc = load(&out.join(format!("plakater/udsat/udsat-{size}.pdf")));
        assert_eq!(doc.get_pages().len(), 1, "{what}: one page");
        assert_size(&doc, dims, &what);
        let flat = text(&doc);
        assert!(
            flat.contains("Bliver du udsat for vold?"),
            "{what}: headline missing in {flat:?}"
        );
        assert!(flat.contains(VERIFIED), "{what}: verified number missing");
        assert!(
            flat.contains(MUNICIPALITY),
            "{what}: municipality number missing"
        );
        assert!(
            !flat.contains(UNVERIFIED),
            "{what}: unverified number printed"
        );
        assert!(!flat.contains(STALE), "{what}: stale number printed");
        assert!(
            !flat.contains("UDKAST") && !flat.contains("ikke bekræftet"),
            "{what}: final poster carries the draft mark"
        );
        // The first printed number is on every tear-off tab as well.
        assert_eq!(
            flat.matches(MUNICIPALITY).count(),
            1 + tabs,
            "{what}: tear-off tabs in {flat:?}"
        );
        assert_fonts_embedded(&doc, &what);
        assert_tagged_danish(&doc, &what);
    }
}

#[test]
fn the_headline_is_readable_from_two_metres() {
    let (_d, out, _) = build(false);
    let a3 = largest_font_size(&load(&out.join("plakater/udsat/udsat-a3.pdf")));
    let a4 = largest_font_size(&load(&out.join("plakater/udsat/udsat-a4.pdf")));
    assert!(a3 >= 60.0, "A3 headline {a3} pt");
    assert!(a4 >= 42.0 && a4 < a3, "A4 headline {a4} pt (A3 {a3} pt)");
}

#[test]
fn the_leaflet_lists_verified_partners_by_audience() {
    let (_d, out, _) = build(false);
    for (size, dims) in [("a5", A5), ("a4", A4)] {
        let what = format!("folder-{size}.pdf");
        let doc = load(&out.join(format!("plakater/folder/folder-{size}.pdf")));
        let pages = doc.get_pages().len();
        assert!((1..=2).contains(&pages), "{what}: {pages} pages");
        assert_size(&doc, dims, &what);
        let flat = text(&doc);
        for want in [
            "Hjælp mod vold — hvor kan du henvende dig",
            "Du er ikke alene.",
            "UDSAT FOR VOLD",
            "Hjælpelinjen",
            VERIFIED,
            MUNICIPALITY,
        ] {
            assert!(flat.contains(want), "{what}: {want:?} missing in {flat:?}");
        }
        for unwanted in [UNVERIFIED, STALE, "**", "](/"] {
            assert!(!flat.contains(unwanted), "{what}: {unwanted:?} printed");
        }
        // The municipality comes first, then the audience groups.
        assert!(
            flat.find(MUNICIPALITY) < flat.find("UDSAT FOR VOLD"),
            "{flat}"
        );
        assert_fonts_embedded(&doc, &what);
        assert_tagged_danish(&doc, &what);
    }
}

#[test]
fn the_qr_code_in_the_preview_leads_to_the_posters_page() {
    let (_d, out, _) = build(false);
    let codes = qr_codes(&out.join("plakater/udsat/udsat.png"));
    assert_eq!(codes, ["https://www.testrup.dk/vold/hjaelp/udsat/"]);
}

/// The decoded QR codes in a PNG preview.
pub(crate) fn qr_codes(path: &Path) -> Vec<String> {
    let png = std::fs::read(path).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    assert!((560..=720).contains(&w), "preview is {w} px wide");
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let i = (y * w + x) * channels;
        if channels >= 3 {
            ((buf[i] as u32 + buf[i + 1] as u32 + buf[i + 2] as u32) / 3) as u8
        } else {
            buf[i]
        }
    });
    img.detect_grids()
        .iter()
        .map(|g| g.decode().expect("QR code decodes").1)
        .collect()
}

#[test]
fn drafts_print_unverified_numbers_under_a_visible_mark_on_every_page() {
    let (_d, out, _) = build(true);
    for (pdf, pages_at_least) in [
        ("udsat/udsat-a4.pdf", 1),
        ("udsat/udsat-a3.pdf", 1),
        ("folder/folder-a5.pdf", 1),
        ("folder/folder-a4.pdf", 1),
    ] {
        let doc = load(&out.join("plakater").join(pdf));
        let pages = page_texts(&doc);
        assert!(pages.len() >= pages_at_least);
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.contains("UDKAST — kontaktoplysninger ikke bekræftet"),
                "{pdf} page {}: no draft mark in {page:?}",
                i + 1
            );
        }
        let flat = pages.join(" ");
        for n in [UNVERIFIED, STALE, VERIFIED] {
            assert!(flat.contains(n), "{pdf}: the draft shows {n}");
        }
        assert!(
            flat.contains("ikke bekræftet"),
            "{pdf}: unverified numbers are marked"
        );
    }
    let page = std::fs::read_to_string(out.join("plakater/udsat/index.html")).unwrap();
    assert!(
        page.contains("UDKAST"),
        "the poster page says it is a draft"
    );
}

#[test]
fn the_gallery_shows_previews_sizes_and_file_sizes() {
    let (_d, out, _) = build(false);
    let html = std::fs::read_to_string(out.join("plakater/index.html")).unwrap();
    for slug in ["udsat", "folder"] {
        let img = format!("<img src=\"/vold/plakater/{slug}/{slug}.png\" alt=\"");
        assert!(
            html.contains(&img),
            "no preview with alt text for {slug} in {html}"
        );
        assert!(out.join(format!("plakater/{slug}/{slug}.png")).exists());
    }
    for (slug, size) in [
        ("udsat", "a4"),
        ("udsat", "a3"),
        ("folder", "a5"),
        ("folder", "a4"),
    ] {
        let path = format!("plakater/{slug}/{slug}-{size}.pdf");
        let bytes = std::fs::metadata(out.join(&path)).unwrap().len();
        let pages = load(&out.join(&path)).get_pages().len();
        let label = format!(
            "{}, PDF, {pages} {}, {} kB",
            size.to_uppercase(),
            if pages == 1 { "side" } else { "sider" },
            bytes.div_ceil(1000)
        );
        assert!(html.contains(&format!("/vold/{path}")), "{path} not linked");
        assert!(html.contains(&label), "{label:?} missing in {html}");
    }
    assert!(!html.contains("alt=\"\""), "a preview without alt text");
}

#[test]
fn a_poster_with_nothing_current_prints_only_the_emergency_numbers_with_warnings() {
    let dir = fixture();
    edit(
        &dir.path().join("content/plakater/udsat.md"),
        "contacts: [kommune, hjaelpelinjen, ubekraeftet, foraeldet]",
        "contacts: [ubekraeftet, foraeldet]",
    );
    let report = match vejviser::build(&options(dir.path(), false)) {
        Ok(r) => r.diagnostics.render_report(),
        Err(f) => panic!("a site whose numbers aged out still builds: {f:?}"),
    };
    assert!(report.contains("content/plakater/udsat.md:7: advarsel[poster-no-verified-number]: plakaten »Plakat: udsat for vold« har intet aktuelt telefonnummer og trykkes kun med nødnumrene (112)\n  = hjælp: find nye kilder til kontaktoplysningerne for ubekraeftet, foraeldet og opdatér verified"), "{report}");
    assert!(report.contains("content/plakater/udsat.md:7: advarsel[poster-contact-dropped]: plakaten »Plakat: udsat for vold« trykkes uden `foraeldet`: oplysningerne er fra "), "{report}");
    assert!(report.contains("content/plakater/udsat.md:7: advarsel[poster-contact-dropped]: plakaten »Plakat: udsat for vold« trykkes uden `ubekraeftet`: telefonnummeret er ikke bekræftet"), "{report}");
    let doc = load(&dir.path().join("public/plakater/udsat/udsat-a4.pdf"));
    let flat = text(&doc);
    assert!(
        flat.contains("112"),
        "the emergency number is printed: {flat:?}"
    );
    assert!(
        !flat.contains(STALE) && !flat.contains(UNVERIFIED),
        "{flat:?}"
    );
    // Under --strict the warnings fail the build.
    let mut strict = options(dir.path(), false);
    strict.strict = true;
    strict.out = dir.path().join("strict-out");
    assert!(vejviser::build(&strict).is_err(), "--strict fails");
    assert!(
        !dir.path().join("strict-out").exists(),
        "nothing written under --strict"
    );
}

#[test]
fn a_broken_template_override_is_an_error_naming_the_template_line() {
    let dir = fixture();
    let theme = dir.path().join("themes/default/print");
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::write(
        theme.join("poster.typ"),
        "#import \"common.typ\": *\n#show: setup\n\n#heading(level: 1, data.no_such_field)\n",
    )
    .unwrap();
    let r = build_errors(dir.path());
    assert!(r.contains("content/plakater/udsat.md"), "{r}");
    assert!(r.contains("print/poster.typ:4"), "{r}");
    assert_eq!(
        r.matches("kunne ikke sættes i A4, A3").count(),
        1,
        "once: {r}"
    );
}

#[test]
fn text_the_font_cannot_print_is_an_error_naming_the_characters() {
    let dir = fixture();
    edit(
        &dir.path().join("content/plakater/udsat.md"),
        "headline: \"Bliver du udsat for vold?\"",
        "headline: \"Bliver du udsat for vold? 暴力\"",
    );
    let r = build_errors(dir.path());
    assert!(r.contains("content/plakater/udsat.md:6: fejl"), "{r}");
    assert!(r.contains("»力« »暴«"), "{r}");
    assert!(!r.contains("PDF/UA"), "one clear error, not Typst's: {r}");
}

#[test]
fn a_placeholder_base_url_gives_posters_no_qr_code_and_a_warning() {
    let dir = fixture();
    edit(
        &dir.path().join("site.yaml"),
        "base_url: \"https://www.testrup.dk/vold\"",
        "base_url: \"https://example.org\"",
    );
    let report = match vejviser::build(&options(dir.path(), false)) {
        Ok(r) => r.diagnostics.render_report(),
        Err(f) => panic!("the site still builds: {f:?}"),
    };
    assert!(report.contains("site.yaml:3: advarsel[placeholder-base-url]: base_url er stadig eksempeladressen `https://example.org`: plakaterne trykkes uden QR-kode, og links i sitemap.xml peger forkert\n  = hjælp: skriv sitets rigtige adresse i site.yaml under base_url"), "{report}");
    for pdf in [
        "udsat/udsat-a4.pdf",
        "udsat/udsat-a3.pdf",
        "folder/folder-a5.pdf",
    ] {
        let path = dir.path().join("public/plakater").join(pdf);
        let flat = text(&load(&path));
        assert!(
            !flat.contains("example.org"),
            "{pdf} points at the placeholder: {flat:?}"
        );
        assert!(flat.contains(VERIFIED), "{pdf} still prints its numbers");
    }
    let codes = qr_codes(&dir.path().join("public/plakater/udsat/udsat.png"));
    assert!(codes.is_empty(), "no QR code on the poster: {codes:?}");
    let mut strict = options(dir.path(), false);
    strict.strict = true;
    assert!(vejviser::build(&strict).is_err(), "--strict refuses it");
}

#[test]
fn every_poster_and_leaflet_names_the_publishing_municipality() {
    let (_d, out, _) = build(false);
    for pdf in [
        "udsat/udsat-a4.pdf",
        "udsat/udsat-a3.pdf",
        "folder/folder-a5.pdf",
        "folder/folder-a4.pdf",
    ] {
        let flat = text(&load(&out.join("plakater").join(pdf)));
        assert!(
            flat.contains("Testrup Kommune") && flat.contains("Udgave 01.06.2026"),
            "{pdf} does not say whose it is: {flat:?}"
        );
    }
}
