//! Languages: the default site in Danish, English and Arabic (site.yaml `languages`), and
//! translations that say when they are behind their Danish source and cannot carry facts.

use crate::common::{http_get, serve_in_background, wait_for};
use crate::helpers::{assert_has, edit, options, report, site_with};
use std::path::Path;

/// Internal links (`href="/…"`) of a page that lead to no file in `public`.
fn dead_links(public: &Path, html: &str) -> Vec<String> {
    html.match_indices("href=\"/")
        .map(|(i, _)| {
            let rest = &html[i + 6..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .filter(|href| {
            let path = href
                .split(['#', '?'])
                .next()
                .unwrap()
                .trim_start_matches('/');
            let p = public.join(path);
            !(p.is_file() || p.join("index.html").is_file())
        })
        .collect()
}

/// Danish phone numbers in a text (8 digits, written in pairs, fours or run together),
/// digits only.
fn phone_numbers(text: &str) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let (mut digits, mut j) = (String::new(), i);
        while j < chars.len() && digits.len() < 8 {
            if chars[j].is_ascii_digit() {
                digits.push(chars[j]);
            } else if !(chars[j] == ' ' && chars.get(j + 1).is_some_and(char::is_ascii_digit)) {
                break;
            }
            j += 1;
        }
        if digits.len() == 8 && !chars.get(j).is_some_and(char::is_ascii_digit) {
            out.insert(digits);
        }
        i = j.max(i + 1);
    }
    out
}

#[test]
fn the_default_site_has_its_citizen_pages_in_english_and_arabic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut o = vejviser::BuildOptions::new(root);
    o.out = dir.path().join("public");
    o.today = vejviser::date::Date::parse(crate::common::DEFAULT_SITE_TODAY);
    if let Err(f) = vejviser::build(&o) {
        panic!("{f:?}");
    }
    let public = dir.path().join("public");
    let audiences = ["udsat", "udoever", "paaroerende", "boern-unge", "fagperson"];
    for (lang, dir_attr) in [("en", "ltr"), ("ar", "rtl")] {
        let mut pages = vec![format!("{lang}/index.html"), format!("{lang}/404.html")];
        pages.extend(
            audiences
                .iter()
                .map(|a| format!("{lang}/hjaelp/{a}/index.html")),
        );
        for p in &pages {
            let html = std::fs::read_to_string(public.join(p))
                .unwrap_or_else(|e| panic!("{p} is missing: {e}"));
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir_attr}\">")),
                "{p}: lang/dir"
            );
            let dead = dead_links(&public, &html);
            assert!(dead.is_empty(), "{p} links to missing pages: {dead:?}");
            // Every phone number on the page is one the Danish page has.
            let danish = std::fs::read_to_string(public.join(&p[lang.len() + 1..])).unwrap();
            let known = phone_numbers(&danish);
            for n in phone_numbers(&html) {
                assert!(
                    known.contains(&n),
                    "{p} has the number {n}, its Danish page not"
                );
            }
            if !p.ends_with("404.html") {
                for alt in ["da", "en", "ar"] {
                    assert!(
                        html.contains(&format!("<link rel=\"alternate\" hreflang=\"{alt}\"")),
                        "{p}: no hreflang {alt}"
                    );
                }
                assert!(
                    html.contains("<nav class=\"languages\""),
                    "{p}: no language switch"
                );
            }
        }
        // The translated advice shows, marked as not reviewed by a native speaker.
        let help = std::fs::read_to_string(public.join(format!("{lang}/hjaelp/udsat/index.html")))
            .unwrap();
        let unreviewed = match lang {
            "en" => "This translation has not been checked by a native speaker.",
            _ => "لم يراجع هذه الترجمة شخص لغته الأم العربية.",
        };
        assert!(help.contains(unreviewed), "{lang}: no review note");
        // Pages only in Danish are linked in Danish, marked lang="da" where shown.
        assert!(
            help.contains("href=\"/praksis/\""),
            "{lang}: practices link to Danish"
        );
    }
    // Dates and around-the-clock hours speak the page's language; Danish-only sections
    // are named as such.
    let en = std::fs::read_to_string(public.join("en/index.html")).unwrap();
    assert!(en.contains("2 December 2026") && !en.contains("december 2026"));
    assert!(en.contains("Open day and night") && !en.contains("Døgnåben"));
    assert!(en.contains("are only in Danish"));
    let ar = std::fs::read_to_string(public.join("ar/index.html")).unwrap();
    assert!(ar.contains("2 ديسمبر 2026") && ar.contains("مفتوح ليلاً ونهاراً، "));
    let da = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(da.contains("2. december 2026") && da.contains("Døgnåben, gratis"));
    // Each language searches its own pages, then offers the Danish results.
    for lang in ["en", "ar"] {
        let search =
            std::fs::read_to_string(public.join(format!("{lang}/soeg/index.html"))).unwrap();
        assert!(search.contains(&format!("data-index=\"/{lang}/soeg/index.json\"")));
        assert!(search.contains("data-fallback-index=\"/soeg/index.json\""));
        let index: serde_json::Value = serde_json::from_slice(
            &std::fs::read(public.join(format!("{lang}/soeg/index.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(index["lang"], lang);
    }
    // The Danish pages name their translations, and the sitemap lists them as alternates.
    let da = std::fs::read_to_string(public.join("hjaelp/udsat/index.html")).unwrap();
    assert!(da.contains("<a href=\"/en/hjaelp/udsat/\" hreflang=\"en\" lang=\"en\">English</a>"));
    assert!(da.contains("<a href=\"/ar/hjaelp/udsat/\" hreflang=\"ar\" lang=\"ar\">العربية</a>"));
    let practice = std::fs::read_to_string(public.join("praksis/index.html")).unwrap();
    assert!(
        !practice.contains("hreflang"),
        "a page only in Danish has no language switch"
    );
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/ar/hjaelp/udsat/</loc>"));
    assert!(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/hjaelp/udsat/\"/>"));
}

/// The minimal fixture in Danish and English, with an English translation of a partner.
fn site_with_translation() -> tempfile::TempDir {
    let dir = site_with(None);
    edit(
        dir.path(),
        "site.yaml",
        "base_url:",
        "languages: [da, en]\nbase_url:",
    );
    std::fs::write(
        dir.path().join("content/partnere/hjaelpelinjen.en.md"),
        "---\ntitle: \"The Help Line\"\nsummary: \"Advice for everyone.\"\nsource_hash: \"\"\nreviewed_by_native_speaker: false\n---\n\nThe help line gives advice. Call 70 00 00 01.\n",
    )
    .unwrap();
    let mut o = options(dir.path());
    o.out = dir.path().join("out");
    let mut diags = vejviser::diag::Diagnostics::new();
    let loaded = vejviser::load_site(&o, &mut diags).unwrap();
    let hash = vejviser::translation::source_hash(
        loaded
            .site
            .get(vejviser::entry::Section::Partnere, "hjaelpelinjen")
            .unwrap(),
    );
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.en.md",
        "source_hash: \"\"",
        &format!("source_hash: \"{hash}\""),
    );
    dir
}

#[test]
fn a_translation_behind_its_danish_source_is_a_warning_and_says_so_to_readers() {
    let dir = site_with_translation();
    let r = report(dir.path());
    assert!(!r.contains("translation-behind"), "{r}");
    let page = dir.path().join("out/en/partnere/hjaelpelinjen/index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<h1") && html.contains("The Help Line"));
    assert!(!html.contains("This translation is older than the Danish page."));
    // The Danish source changes: the translation is behind until it is updated.
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "Hjælpelinjen rådgiver.",
        "Hjælpelinjen rådgiver alle, også pårørende.",
    );
    let r = report(dir.path());
    assert_has(&r, "content/partnere/hjaelpelinjen.en.md:4: advarsel[translation-behind]: oversættelsen er ældre end den danske side content/partnere/hjaelpelinjen.md");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("This translation is older than the Danish page."),
        "{html}"
    );
}

#[test]
fn a_translation_cannot_carry_a_number_or_a_fact_its_source_lacks() {
    let dir = site_with_translation();
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.en.md",
        "Call 70 00 00 01.",
        "Call 70 00 00 02.",
    );
    assert_has(&report(dir.path()), "content/partnere/hjaelpelinjen.en.md:8: fejl[translation-number]: oversættelsen har tallet 70000002, som ikke står i den danske side\n  = hjælp: skriv tal, telefonnumre og datoer præcis som på den danske side; et nyt nummer skal først ind i den danske side (med verified)");
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.en.md",
        "Call 70 00 00 02.",
        "Call 70 00 00 01.",
    );
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.en.md",
        "reviewed_by_native_speaker: false",
        "reviewed_by_native_speaker: false\ncontact:\n  website: \"https://example.org/other\"",
    );
    assert_has(&report(dir.path()), "content/partnere/hjaelpelinjen.en.md:6: fejl[translation-field]: `contact` hører til den danske side");
}

#[test]
fn a_translation_without_a_source_or_in_an_unlisted_language_is_an_error() {
    let dir = site_with_translation();
    std::fs::write(
        dir.path().join("content/partnere/findes-ikke.en.md"),
        "---\ntitle: \"x\"\nsummary: \"y\"\nsource_hash: \"\"\nreviewed_by_native_speaker: false\n---\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("content/partnere/hjaelpelinjen.de.md"),
        "---\ntitle: \"x\"\nsummary: \"y\"\nsource_hash: \"\"\nreviewed_by_native_speaker: false\n---\n",
    )
    .unwrap();
    let r = report(dir.path());
    assert_has(&r, "content/partnere/findes-ikke.en.md:1: fejl[translation-source]: der er ingen dansk side content/partnere/findes-ikke.md at oversætte");
    assert_has(&r, "content/partnere/hjaelpelinjen.de.md:1: fejl[translation-language]: sproget `de` står ikke under languages i site.yaml\n  = hjælp: tilføj `de` til languages i site.yaml (fx languages: [da, de]), eller omdøb filen");
}

#[test]
fn serve_previews_every_language() {
    let dir = site_with_translation();
    let port = serve_in_background(dir.path());
    let english = wait_for(port, "/en/partnere/hjaelpelinjen/", 200, "");
    assert!(english.contains("The Help Line") && english.contains("<html lang=\"en\""));
    let search = http_get(port, "/en/soeg/").unwrap();
    assert_eq!(search.0, 200, "the English search page");
    assert!(search.1.contains("data-index=\"/en/soeg/index.json\""));
    // The Danish page, from the fast path, names its translation as the build does.
    let (status, danish) = http_get(port, "/partnere/hjaelpelinjen/").unwrap();
    assert_eq!(status, 200);
    assert!(
        danish.contains("hreflang=\"en\""),
        "serve's Danish page has no language switch"
    );
}

#[test]
fn a_translated_page_shows_exactly_the_numbers_of_its_danish_page() {
    let dir = site_with_translation();
    let r = report(dir.path());
    assert!(!r.contains("fejl["), "{r}");
    let out = dir.path().join("out");
    let english =
        std::fs::read_to_string(out.join("en/partnere/hjaelpelinjen/index.html")).unwrap();
    let danish = std::fs::read_to_string(out.join("partnere/hjaelpelinjen/index.html")).unwrap();
    let numbers = phone_numbers(&english);
    assert!(
        numbers.contains("70000001"),
        "the English page shows the help line's number: {numbers:?}"
    );
    assert_eq!(numbers, phone_numbers(&danish));
}
