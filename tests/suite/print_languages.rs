//! Posters in the site's other languages: the minimal fixture with languages [da, en, ar],
//! fresh contacts (the date fixed), and an English and an Arabic translation of its poster
//! and of a leaflet. The PDFs under /en/ and /ar/ are tagged, embed their fonts, carry
//! `/Lang` of their language, print the translated headline and the Danish entry's numbers
//! in Western digits and in order, and their QR code leads to the language's page.

use crate::common::copy_dir;
use crate::print::{assert_fonts_embedded, assert_tagged, edit, leaflet, load, qr_codes, text};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-06-01";
const BASE_URL: &str = "https://www.testrup.dk/vold";
/// The municipality's number (site.yaml): its digit groups differ, so a reversed order shows.
const MUNICIPALITY: &str = "11 22 33 44";
const REVERSED: &str = "44 33 22 11";
const HELPLINE: &str = "70 00 00 01";

/// (file, headline) of each translation; the body is one sentence.
const TRANSLATIONS: &[(&str, &str, &str)] = &[
    (
        "plakater/udsat.en.md",
        "Are you experiencing violence?",
        "You are not alone.",
    ),
    ("plakater/udsat.ar.md", "هل تتعرض للعنف؟", "أنت لست وحدك."),
    (
        "plakater/folder.en.md",
        "Help against violence — where you can turn",
        "You are not alone.",
    ),
    (
        "plakater/folder.ar.md",
        "المساعدة ضد العنف — أين يمكنك التوجه",
        "أنت لست وحدك.",
    ),
];

fn translation(headline: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"{headline}\"\nsummary: \"{body}\"\nheadline: \"{headline}\"\nsource_hash: \"\"\nreviewed_by_native_speaker: false\n---\n\n{body}\n"
    )
}

/// The minimal fixture in Danish, English and Arabic, with a leaflet and the translations.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
        dir.path(),
    );
    let site = dir.path().join("site.yaml");
    let yaml = std::fs::read_to_string(&site).unwrap();
    std::fs::write(
        &site,
        format!("language: da\nlanguages: [da, en, ar]\n{yaml}"),
    )
    .unwrap();
    let content = dir.path().join("content");
    std::fs::write(
        content.join("plakater/folder.md"),
        leaflet("Du er ikke alene."),
    )
    .unwrap();
    for (file, headline, body) in TRANSLATIONS {
        std::fs::write(content.join(file), translation(headline, body)).unwrap();
    }
    dir
}

fn options(root: &Path) -> vejviser::BuildOptions {
    let mut o = vejviser::BuildOptions::new(root);
    o.today = vejviser::date::Date::parse(TODAY);
    o.out = root.join("public");
    o
}

fn build() -> (tempfile::TempDir, PathBuf) {
    let dir = fixture();
    if let Err(f) = vejviser::build(&options(dir.path())) {
        panic!("the fixture did not build: {f:?}");
    }
    let out = dir.path().join("public");
    (dir, out)
}

/// Whether `flat` has every word of `words`, each as written or (for right-to-left text,
/// which a PDF holds in visual order, line by line) with its letters reversed.
fn has_words(flat: &str, words: &str) -> bool {
    words
        .split_whitespace()
        .all(|w| flat.contains(w) || flat.contains(&w.chars().rev().collect::<String>()))
}

#[test]
fn english_and_arabic_posters_are_tagged_in_their_language_with_the_danish_numbers() {
    let (_d, out) = build();
    for (lang, poster_headline, leaflet_headline) in [
        ("en", TRANSLATIONS[0].1, TRANSLATIONS[2].1),
        ("ar", TRANSLATIONS[1].1, TRANSLATIONS[3].1),
    ] {
        for (pdf, headline) in [
            ("udsat/udsat-a4.pdf", poster_headline),
            ("udsat/udsat-a3.pdf", poster_headline),
            ("folder/folder-a5.pdf", leaflet_headline),
            ("folder/folder-a4.pdf", leaflet_headline),
        ] {
            let what = format!("{lang}/plakater/{pdf}");
            let doc = load(&out.join(&what));
            assert_tagged(&doc, lang, &what);
            assert_fonts_embedded(&doc, &what);
            let flat = text(&doc);
            assert!(
                has_words(&flat, headline),
                "{what}: no {headline:?} in {flat:?}"
            );
            assert!(
                flat.contains(MUNICIPALITY),
                "{what}: no {MUNICIPALITY} in {flat:?}"
            );
            assert!(!flat.contains(REVERSED), "{what}: the number is reversed");
            assert!(flat.contains(HELPLINE), "{what}: no {HELPLINE} in {flat:?}");
            assert!(
                !flat.contains("Bliver du udsat") && !flat.contains("Hjælp mod vold"),
                "{what}: Danish headline in {flat:?}"
            );
        }
    }
}

#[test]
fn the_english_poster_says_open_day_and_night_in_english() {
    let (_d, out) = build();
    let flat = text(&load(&out.join("en/plakater/udsat/udsat-a4.pdf")));
    assert!(flat.contains("Open day and night"), "{flat:?}");
    assert!(!flat.contains("Hele døgnet"), "{flat:?}");
    assert!(flat.contains("Edition 01.06.2026"), "{flat:?}");
}

#[test]
fn the_qr_code_of_a_translated_poster_leads_to_the_page_in_its_language() {
    let (_d, out) = build();
    for lang in ["en", "ar"] {
        assert_eq!(
            qr_codes(&out.join(format!("{lang}/plakater/udsat/udsat.png"))),
            [format!("{BASE_URL}/{lang}/hjaelp/udsat/")],
            "{lang} poster"
        );
        assert_eq!(
            qr_codes(&out.join(format!("{lang}/plakater/folder/folder.png"))),
            [format!("{BASE_URL}/{lang}/hjaelp/")],
            "{lang} leaflet"
        );
    }
    // The Danish poster still leads to the Danish page.
    assert_eq!(
        qr_codes(&out.join("plakater/udsat/udsat.png")),
        [format!("{BASE_URL}/hjaelp/udsat/")]
    );
}

#[test]
fn a_qr_code_to_a_page_the_language_lacks_leads_to_the_danish_page() {
    let dir = fixture();
    edit(
        &dir.path().join("content/plakater/udsat.md"),
        "qr: \"/hjaelp/udsat/\"",
        "qr: \"/praksis/\"",
    );
    if let Err(f) = vejviser::build(&options(dir.path())) {
        panic!("{f:?}");
    }
    assert_eq!(
        qr_codes(&dir.path().join("public/en/plakater/udsat/udsat.png")),
        [format!("{BASE_URL}/praksis/")]
    );
}

#[test]
fn an_arabic_poster_with_a_character_no_font_has_names_the_translation_line() {
    let dir = fixture();
    edit(
        &dir.path().join("content/plakater/udsat.ar.md"),
        "headline: \"هل تتعرض للعنف؟\"",
        "headline: \"هل تتعرض للعنف؟ 暴\"",
    );
    let report = match vejviser::build(&options(dir.path())) {
        Ok(_) => panic!("the build should fail"),
        Err(vejviser::BuildFailure::Content(d)) => d.render_report(),
        Err(f) => panic!("{f:?}"),
    };
    assert!(
        report.contains("content/plakater/udsat.ar.md:4: fejl[poster-missing-glyph]: plakatskriften har ikke tegnene »暴«, så plakaten kan ikke trykkes"),
        "{report}"
    );
}

/// The `href` and `src` values of a page that lead to a PDF or a PNG.
fn print_links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let url = &rest[..rest.find('"').unwrap()];
            if url.ends_with(".pdf") || url.ends_with(".png") {
                out.push(url.to_string());
            }
        }
    }
    out
}

#[test]
fn poster_pages_and_galleries_link_the_pdfs_of_every_language() {
    let (_d, out) = build();
    let page = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    // The Danish poster page offers the English and Arabic PDFs, each language named in itself.
    let danish = page("plakater/udsat/index.html");
    for (lang, name) in [("en", "English"), ("ar", "العربية")] {
        assert!(
            danish.contains(&format!("<bdi lang=\"{lang}\">{name}</bdi>")),
            "{lang} not named in {danish}"
        );
        assert!(
            danish.contains(&format!(
                "href=\"/vold/{lang}/plakater/udsat/udsat-a4.pdf\" hreflang=\"{lang}\""
            )),
            "no {lang} PDF in {danish}"
        );
    }
    // The English poster page and gallery use the English PDFs and preview.
    let english = page("en/plakater/udsat/index.html");
    assert!(english.contains("href=\"/vold/en/plakater/udsat/udsat-a4.pdf\" download>"));
    assert!(english.contains("src=\"/vold/en/plakater/udsat/udsat.png\""));
    // The Arabic poster page is right to left, its numbers left to right.
    let arabic = page("ar/plakater/udsat/index.html");
    assert!(
        arabic.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{arabic}"
    );
    assert!(
        arabic.contains(&format!("<strong dir=\"ltr\">{MUNICIPALITY}</strong>")),
        "{arabic}"
    );
    let gallery = page("en/plakater/index.html");
    assert!(gallery.contains("src=\"/vold/en/plakater/folder/folder.png\""));
    // Every linked file exists.
    for p in [
        "plakater/index.html",
        "plakater/udsat/index.html",
        "en/plakater/index.html",
        "en/plakater/udsat/index.html",
        "ar/plakater/index.html",
        "ar/plakater/folder/index.html",
    ] {
        let html = page(p);
        let links = print_links(&html);
        assert!(!links.is_empty(), "{p} links no PDF");
        for url in links {
            let file = out.join(url.trim_start_matches("/vold/"));
            assert!(file.is_file(), "{p} links {url}, which is missing");
        }
    }
}

/// The build's rendered diagnostics, whether it failed or not.
fn report(root: &Path) -> String {
    match vejviser::build(&options(root)) {
        Ok(r) => r.diagnostics.render_report(),
        Err(vejviser::BuildFailure::Content(d)) => d.render_report(),
        Err(f) => panic!("{f:?}"),
    }
}

#[test]
fn a_poster_translation_has_its_headline_and_no_facts() {
    let dir = fixture();
    let en = dir.path().join("content/plakater/udsat.en.md");
    edit(
        &en,
        "headline: \"Are you experiencing violence?\"\n",
        "contacts: [kommune]\n",
    );
    let r = report(dir.path());
    assert!(
        r.contains("content/plakater/udsat.en.md:1: fejl[translation-field]: oversættelsen mangler `headline`"),
        "{r}"
    );
    assert!(r.contains("content/plakater/udsat.en.md:4: fejl[translation-field]: `contacts` hører til den danske side: en oversættelse har kun title, summary, headline, source_hash og reviewed_by_native_speaker"), "{r}");
    // A number in the headline that the Danish poster does not have.
    let dir = fixture();
    let ar = dir.path().join("content/plakater/udsat.ar.md");
    edit(
        &ar,
        "headline: \"هل تتعرض للعنف؟\"",
        "headline: \"اتصل 70 99 99 99\"",
    );
    let r = report(dir.path());
    assert!(r.contains("content/plakater/udsat.ar.md:4: fejl[translation-number]: oversættelsen har tallet 70999999"), "{r}");
}

#[test]
fn a_changed_danish_headline_puts_the_translations_behind() {
    let hash_of = |r: &str| {
        let at = r
            .find("content/plakater/udsat.en.md:5: advarsel[translation-behind]")
            .unwrap_or_else(|| panic!("{r}"));
        let line = &r[at..];
        let i = line.find("den danske side er nu ").unwrap() + "den danske side er nu ".len();
        line[i..i + 12].to_string()
    };
    let dir = fixture();
    let before = hash_of(&report(dir.path()));
    edit(
        &dir.path().join("content/plakater/udsat.md"),
        "headline: \"Bliver du udsat for vold?\"",
        "headline: \"Er du udsat for vold?\"",
    );
    assert_ne!(hash_of(&report(dir.path())), before);
}
