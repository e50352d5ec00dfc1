//! Good sites: what gets built, determinism, and output safety.

use crate::helpers::{hidden_entries, options, site_with, tree};

#[test]
fn minimal_site_builds_every_page_kind() {
    let dir = site_with(None);
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    let report = vejviser::build(&o).expect("minimal site builds");
    for page in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "praksis/index.html",
        "praksis/temadage/index.html",
        "partnere/hjaelpelinjen/index.html",
        "viden/voldsformer/index.html",
        "kvalitetsstandard/om/index.html",
        "plakater/udsat/index.html",
        "praksis/fokusomraade/1/index.html",
        "praksis/kommune/koege/index.html",
        "praksis/kommune/stevns/index.html",
        "praksis/kriterium/3/index.html",
        "praksis/kriterium/index.html",
        "praksis/maalgruppe/medarbejdere/index.html",
        "hjaelp/index.html",
        "hjaelp/udsat/index.html",
        "hjaelp/voldsform/psykisk/index.html",
        "soeg/index.html",
    ] {
        assert!(o.out.join(page).is_file(), "missing {page}");
    }
    // No page for a taxonomy value nothing uses.
    assert!(!o.out.join("praksis/kriterium/2/index.html").exists());
    assert!(report.pages > 20);
    // The unverified partner is reported as a warning naming the entry.
    let warnings = report.diagnostics.render_report();
    assert!(
        warnings.contains(
            "content/partnere/ubekraeftet.md:9: advarsel[unverified-contact]: kontaktoplysningerne er ikke bekræftet"
        ),
        "{warnings}"
    );
}

#[test]
fn pages_link_with_base_path_and_mark_unverified_contacts() {
    let dir = site_with(None);
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).unwrap();
    let practice = std::fs::read_to_string(o.out.join("praksis/temadage/index.html")).unwrap();
    assert!(
        practice.contains("href=\"/vold/partnere/hjaelpelinjen/\""),
        "body link gets base path"
    );
    assert!(
        practice.contains("Koordineret indsats"),
        "criteria labels are generated from `criteria`"
    );
    let help = std::fs::read_to_string(o.out.join("hjaelp/udsat/index.html")).unwrap();
    assert!(help.contains("href=\"tel:70000001\""), "tap-to-call link");
    assert!(help.contains("Ubekræftet Center"));
    // Offers without verified details are gathered at the end under a plain label, after
    // every offer with current details.
    let unverified_at = help.find("Ubekræftet Center").unwrap();
    let label_at = help
        .find("Her har vi ikke bekræftede kontaktoplysninger")
        .expect("the closing list is labelled");
    assert!(
        label_at < unverified_at,
        "unverified offer listed under the label"
    );
    assert!(
        help.find("Hjælpelinjen").unwrap() < label_at,
        "current offers come first"
    );
    let partner = std::fs::read_to_string(o.out.join("partnere/ubekraeftet/index.html")).unwrap();
    assert!(
        partner.contains("Kontaktoplysningerne er ikke bekræftet"),
        "unverified contact is visibly marked on its page"
    );
    let sitemap = std::fs::read_to_string(o.out.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://www.testrup.dk/vold/praksis/temadage/</loc>"),
        "{sitemap}"
    );
}

#[test]
fn static_files_get_content_hashed_names() {
    let dir = site_with(None);
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).unwrap();
    let names: Vec<String> = std::fs::read_dir(o.out.join("static"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    let css = names
        .iter()
        .find(|n| n.starts_with("style.") && n.ends_with(".css"))
        .expect("hashed css");
    assert_eq!(css.len(), "style.12345678.css".len(), "{css}");
    let home = std::fs::read_to_string(o.out.join("index.html")).unwrap();
    assert!(
        home.contains(&format!("/vold/static/{css}")),
        "pages link the hashed name"
    );
}

#[test]
fn building_twice_gives_identical_bytes() {
    let dir = site_with(None);
    let mut a = options(dir.path());
    a.out = dir.path().join("a");
    let mut b = options(dir.path());
    b.out = dir.path().join("b");
    vejviser::build(&a).unwrap();
    vejviser::build(&b).unwrap();
    let (ta, tb) = (tree(&a.out), tree(&b.out));
    assert!(ta.len() > 20);
    assert_eq!(ta.len(), tb.len());
    for ((pa, ba), (pb, bb)) in ta.iter().zip(tb.iter()) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs between builds");
    }
}

#[test]
fn failed_build_keeps_previous_output_and_success_removes_stale_files() {
    let dir = site_with(None);
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).unwrap();
    let before = tree(&o.out);
    // Break the site: the previous output must stay exactly as it was.
    std::fs::write(dir.path().join("content/viden/tom.md"), "").unwrap();
    assert!(vejviser::build(&o).is_err());
    assert_eq!(tree(&o.out), before, "a failed build changed public/");
    // Fix it and remove a page: the stale page must disappear.
    std::fs::remove_file(dir.path().join("content/viden/tom.md")).unwrap();
    std::fs::remove_file(dir.path().join("content/kvalitetsstandard/om.md")).unwrap();
    vejviser::build(&o).unwrap();
    assert!(!o.out.join("kvalitetsstandard/om/index.html").exists());
    let leftovers = hidden_entries(dir.path());
    assert!(
        leftovers.is_empty(),
        "staging dirs left behind: {leftovers:?}"
    );
}

#[test]
fn site_without_themes_folder_uses_embedded_theme_and_single_files_override() {
    let dir = site_with(None);
    assert!(!dir.path().join("themes").exists());
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).unwrap();
    let tpl = dir.path().join("themes/default/templates/404.html");
    std::fs::create_dir_all(tpl.parent().unwrap()).unwrap();
    std::fs::write(
        &tpl,
        "{% extends \"base.html\" %}{% block content %}<h1>Egen 404</h1>{% endblock content %}",
    )
    .unwrap();
    vejviser::build(&o).unwrap();
    let page = std::fs::read_to_string(o.out.join("404.html")).unwrap();
    assert!(page.contains("<h1>Egen 404</h1>"));
    let home = std::fs::read_to_string(o.out.join("index.html")).unwrap();
    assert!(
        home.contains("Forlad siden"),
        "other templates still come from the embedded theme"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let dir = site_with(None);
    let p = dir.path().join("content/viden/kladde.md");
    std::fs::write(&p, "---\ntitle: \"Kladde\"\nsummary: \"x\"\nsource:\n  document: \"t\"\ndraft: true\n---\n\nTekst.\n").unwrap();
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).unwrap();
    assert!(!o.out.join("viden/kladde/index.html").exists());
    o.drafts = true;
    vejviser::build(&o).unwrap();
    assert!(o.out.join("viden/kladde/index.html").exists());
}

#[test]
fn diagnostics_report_snapshot() {
    let dir = site_with(Some("unknown-taxonomy"));
    crate::helpers::copy_dir(
        &crate::helpers::fixtures().join("invalid/unknown-key"),
        dir.path(),
    );
    crate::helpers::copy_dir(
        &crate::helpers::fixtures().join("invalid/empty-file"),
        dir.path(),
    );
    let r = match vejviser::build(&options(dir.path())) {
        Err(vejviser::BuildFailure::Content(d)) => d.render_report(),
        _ => panic!("should fail"),
    };
    insta::assert_snapshot!(r);
}

#[test]
fn long_lists_are_paginated() {
    let dir = site_with(None);
    let yaml = std::fs::read_to_string(dir.path().join("site.yaml")).unwrap();
    std::fs::write(dir.path().join("site.yaml"), format!("paginate: 1\n{yaml}")).unwrap();
    let second = std::fs::read_to_string(dir.path().join("content/praksis/temadage.md"))
        .unwrap()
        .replace("example: 1", "example: 2")
        .replace("Temadage om vold", "Anden praksis");
    std::fs::write(dir.path().join("content/praksis/anden.md"), second).unwrap();
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).unwrap();
    let p1 = std::fs::read_to_string(o.out.join("praksis/index.html")).unwrap();
    let p2 = std::fs::read_to_string(o.out.join("praksis/side/2/index.html")).unwrap();
    assert!(
        p1.contains("Anden praksis") != p2.contains("Anden praksis"),
        "each practice on exactly one page"
    );
    assert!(
        p1.contains("href=\"/vold/praksis/side/2/\""),
        "page 1 links to page 2"
    );
    assert!(p2.contains("rel=\"prev\""));
    assert!(
        o.out.join("praksis/kriterium/side/2/index.html").exists(),
        "the matrix is paginated too"
    );
    assert!(o
        .out
        .join("praksis/fokusomraade/1/side/2/index.html")
        .exists());
}

/// The `<main>` of a built page, for snapshots (the head and footer carry hashed asset
/// names and are tested elsewhere).
fn main_of(out: &std::path::Path, page: &str) -> String {
    let html = std::fs::read_to_string(out.join(page)).unwrap();
    let start = html.find("<main").expect("a <main> element");
    let end = html.find("</main>").expect("</main>") + "</main>".len();
    html[start..end].to_string()
}

#[test]
fn rendered_pages_snapshot() {
    let dir = site_with(None);
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).unwrap();
    insta::assert_snapshot!(
        "practice_page",
        main_of(&o.out, "praksis/temadage/index.html")
    );
    insta::assert_snapshot!(
        "partner_page",
        main_of(&o.out, "partnere/hjaelpelinjen/index.html")
    );
    insta::assert_snapshot!(
        "help_page_udsat",
        main_of(&o.out, "hjaelp/udsat/index.html")
    );
    insta::assert_snapshot!("poster_page", main_of(&o.out, "plakater/udsat/index.html"));
}

/// The minimal site with `tests/fixtures/full` laid over it: entries using every field.
fn full_site() -> tempfile::TempDir {
    let dir = site_with(None);
    crate::helpers::copy_dir(&crate::helpers::fixtures().join("full"), dir.path());
    dir
}

#[test]
fn full_site_renders_every_field() {
    let dir = full_site();
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).expect("full fixture builds");
    let read = |p: &str| std::fs::read_to_string(o.out.join(p)).unwrap();
    let partner = read("partnere/fuld-raadgivning/index.html");
    for want in [
        "tel:70000002",
        "Alle dage 8-20",
        "mailto:kontakt@example.org",
        "Testvej 1, 9999 Testrup",
        "https://example.org/chat",
        "https://example.org/fuld",
    ] {
        assert!(partner.contains(want), "partner page lacks {want}");
    }
    let practice = read("praksis/fuldt-eksempel/index.html");
    for want in [
        "2011–2014",
        "/vold/praksis/kommune/aebeltoft/",
        "Krisecenter Syd",
        "/vold/partnere/fuld-raadgivning/",
        "/vold/praksis/kriterium/3/",
    ] {
        assert!(practice.contains(want), "practice page lacks {want}");
    }
    let knowledge = read("viden/relateret/index.html");
    assert!(knowledge.contains("/vold/partnere/fuld-raadgivning/"));
    assert!(
        !o.out.join("praksis/kladde/index.html").exists(),
        "drafts stay out without --drafts"
    );
    let pdf = std::fs::metadata(o.out.join("plakater/folder/folder-a5.pdf")).unwrap();
    assert!(pdf.len() > 1000, "the A5 leaflet is written");
    o.drafts = true;
    vejviser::build(&o).expect("full fixture builds with drafts");
    assert!(o.out.join("praksis/kladde/index.html").exists());
}

/// Pages are streamed into the staging directory while they render: a build that fails
/// after some pages were written (a template error on one page, or warnings under
/// `--strict`) must still leave the previous output exactly as it was, with no staging
/// directory left behind.
#[test]
fn failure_after_pages_were_written_keeps_previous_output() {
    let dir = site_with(None);
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).unwrap();
    let before = tree(&o.out);
    let dot_dirs = || hidden_entries(dir.path());

    // Warnings only: a strict build renders everything, then refuses it.
    o.strict = true;
    assert!(vejviser::build(&o).is_err(), "the fixture has a warning");
    assert_eq!(tree(&o.out), before, "a strict failure changed public/");
    assert!(dot_dirs().is_empty(), "left behind: {:?}", dot_dirs());
    o.strict = false;

    // A template that fails on practice pages only: the other pages render and are written.
    let tpl = dir.path().join("themes/default/templates/practice.html");
    std::fs::create_dir_all(tpl.parent().unwrap()).unwrap();
    std::fs::write(&tpl, "{{ no_such_variable.field }}").unwrap();
    let err = vejviser::build(&o).expect_err("template error");
    let report = match err {
        vejviser::BuildFailure::Content(d) => d.render_report(),
        vejviser::BuildFailure::Internal(m, _) => panic!("internal: {m}"),
    };
    assert!(report.contains("practice.html"), "{report}");
    assert_eq!(tree(&o.out), before, "a render failure changed public/");
    assert!(dot_dirs().is_empty(), "left behind: {:?}", dot_dirs());
}

/// A practice from another source than the booklet (a region's own) has no example number:
/// it builds, and neither its page nor its card shows "Eksempel".
#[test]
fn practice_without_example_number_builds_without_one() {
    let dir = site_with(None);
    crate::helpers::edit(
        dir.path(),
        "content/praksis/temadage.md",
        "example: 1\n",
        "",
    );
    let mut o = options(dir.path());
    o.out = dir.path().join("public");
    vejviser::build(&o).expect("a practice needs no example number outside the booklet");
    let page = main_of(&o.out, "praksis/temadage/index.html");
    assert!(page.contains("Temadage om vold"), "{page}");
    assert!(!page.contains("Eksempel"), "{page}");
    let list = main_of(&o.out, "praksis/index.html");
    assert!(list.contains("Temadage om vold"), "{list}");
    assert!(!list.contains("Eksempel"), "{list}");
}
