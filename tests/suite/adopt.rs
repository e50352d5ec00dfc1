//! Any municipality in a day: `vejviser init` for a municipality other than Copenhagen,
//! national and local content kept apart, and the messages that keep them apart.

use crate::helpers::{assert_has, edit, report, site_with};
use std::path::Path;

/// National entries whose subject is in Copenhagen by nature: Danner's crisis centre is
/// there, Mødrehjælpen's offer is in Copenhagen and Aarhus, and the new intervention
/// centre is in Copenhagen's police district. Their pages and summaries may name it.
const ABOUT_COPENHAGEN_BY_NATURE: &[&str] = &["danner", "moedrehjaelpen", "interventionscenteret"];

/// Page text without what cites sources (publishers are named there) or was written by
/// the national entries about Copenhagen by nature, and without the list items (cards)
/// that link to those entries' pages.
fn own_words(html: &str, by_nature: &[String], pages: &[String]) -> String {
    let mut s = String::new();
    let mut rest = html;
    while let Some(a) = rest.find("<li") {
        let Some(len) = rest[a..].find("</li>") else {
            break;
        };
        let item = &rest[a..a + len + 5];
        s.push_str(&rest[..a]);
        if !pages
            .iter()
            .any(|p| item.contains(&format!("href=\"/{p}\"")))
        {
            s.push_str(item);
        }
        rest = &rest[a + len + 5..];
    }
    s.push_str(rest);
    for (open, close) in [
        ("<aside class=\"source\"", "</aside>"),
        ("<p class=\"note\"", "</p>"),
        ("<details class=\"guidance-sources\"", "</details>"),
        ("<option", "</option>"),
    ] {
        while let Some(a) = s.find(open) {
            let b = s[a..].find(close).map_or(s.len(), |b| a + b + close.len());
            s.replace_range(a..b, "");
        }
    }
    for t in by_nature {
        s = s.replace(t.as_str(), "");
    }
    s
}

#[test]
fn init_for_randers_builds_a_site_with_no_other_municipality_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("randers");
    let report = vejviser::init::init_site(&root, "Randers").unwrap();
    // Copenhagen's own entries stay behind; the national ones come along.
    let left: Vec<&str> = report.left_out.iter().map(|(p, _)| p.as_str()).collect();
    for p in [
        "content/partnere/kommune-krisecentre.md",
        "content/partnere/etnisk-konsulentteam.md",
        "content/viden/samarbejdsmodel.md",
        "content/kvalitetsstandard/om-kvalitetsstandarden.md",
    ] {
        assert!(left.contains(&p), "{p} was copied: {left:?}");
        assert!(!root.join(p).exists(), "{p}");
    }
    assert!(root.join("content/partnere/lev-uden-vold.md").exists());
    assert!(root
        .join("content/praksis/barnet-i-centrum-randers.md")
        .exists());
    // No verification the municipality did not make: its own block has no number or date.
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    assert!(yaml.contains("name: \"Randers Kommune\""), "{yaml}");
    assert!(!yaml.contains("33 66 33 66") && !yaml.contains("on: 2026-11-22"));
    // Init never writes over a site.
    assert!(matches!(
        vejviser::init::init_site(&root, "Randers"),
        Err(vejviser::init::InitError::NotEmpty(_))
    ));

    let mut o = vejviser::BuildOptions::new(&root);
    o.today = vejviser::date::Date::parse(crate::common::DEFAULT_SITE_TODAY);
    let built = match vejviser::build(&o) {
        Ok(r) => r,
        Err(f) => panic!("a fresh init must build: {f:?}"),
    };
    // The editor is told what to fill in.
    let todo = built.editor_todo.join("\n");
    for want in [
        "Skriv Randers Kommunes hovednummer i site.yaml",
        "Tilføj kommunens egne tilbud",
        "`municipality: Randers`",
        "base_url",
        "municipality.website",
        "municipality.accessibility_statement",
    ] {
        assert!(todo.contains(want), "to-do lacks {want:?}:\n{todo}");
    }

    // What may name Copenhagen: the practices from Copenhagen (national texts about it by
    // nature) and the national entries above.
    let mut diags = vejviser::diag::Diagnostics::new();
    let loaded = vejviser::load_site(&o, &mut diags).unwrap();
    let mut by_nature: Vec<String> = Vec::new();
    // The municipality page of Copenhagen's practices and the print page of all practices
    // are compilations of those national texts.
    let mut skip_pages: Vec<String> = vec![
        "praksis/kommune/koebenhavn/".into(),
        "praksis/samlet/".into(),
    ];
    for e in &loaded.site.entries {
        let copenhagen_practice = e
            .practice()
            .is_some_and(|p| p.municipalities.iter().any(|m| m == "København"));
        if copenhagen_practice || ABOUT_COPENHAGEN_BY_NATURE.contains(&e.slug.as_str()) {
            by_nature.push(vejviser::html::escape(&e.summary));
            by_nature.push(vejviser::html::escape(&e.title));
            skip_pages.push(format!("{}/{}/", e.section.dir(), e.slug));
        }
    }
    let public = root.join("public");
    let mut offending = Vec::new();
    let mut without_name = Vec::new();
    for f in walkdir::WalkDir::new(&public).into_iter().flatten() {
        let rel = f
            .path()
            .strip_prefix(&public)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if !rel.ends_with(".html") {
            continue;
        }
        let html = std::fs::read_to_string(f.path()).unwrap();
        // The embeddable boxes (/indlejr/) sit inside the municipality's own web pages,
        // which name it; the box itself has no footer.
        if !html.contains("Randers Kommune") && !rel.starts_with("indlejr/") {
            without_name.push(rel.clone());
        }
        if skip_pages.iter().any(|p| rel.starts_with(p.as_str())) {
            continue;
        }
        let words = own_words(&html, &by_nature, &skip_pages);
        if let Some(at) = words.find("København") {
            let from = words[..at]
                .char_indices()
                .rev()
                .nth(80)
                .map_or(0, |(i, _)| i);
            let to = (at + 60).min(words.len());
            let to = (to..words.len())
                .find(|i| words.is_char_boundary(*i))
                .unwrap_or(words.len());
            offending.push(format!("{rel}: …{}…", &words[from..to]));
        }
    }
    assert!(
        offending.is_empty(),
        "{} pages of Randers' site name Copenhagen in their own words:\n{}",
        offending.len(),
        offending.join("\n")
    );
    assert!(
        without_name.is_empty(),
        "pages without the municipality's name: {without_name:?}"
    );
    // Every poster and leaflet names Randers.
    let mut pdfs = 0;
    for f in walkdir::WalkDir::new(public.join("plakater"))
        .into_iter()
        .flatten()
    {
        if f.path().extension().is_some_and(|x| x == "pdf") {
            let flat = crate::print::text(&crate::print::load(f.path()));
            assert!(
                flat.contains("Randers Kommune") && !flat.contains("København"),
                "{}: {flat}",
                f.path().display()
            );
            pdfs += 1;
        }
    }
    assert!(pdfs >= 4, "only {pdfs} PDFs");
}

#[test]
fn a_national_text_that_speaks_as_another_municipality_is_a_warning() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "Hjælpelinjen rådgiver.",
        "Hjælpelinjen rådgiver. Hvidovre Kommune henviser hertil.",
    );
    assert_has(&report(dir.path()), "content/partnere/hjaelpelinjen.md:24: advarsel[national-names-municipality]: siden er landsdækkende, men teksten nævner »Hvidovre Kommune«; på sitet for Testrup Kommune passer det ikke\n  = hjælp: flyt sætningen til et lokalt afsnit i front matter (`local:` med kommunens navn), eller skriv `municipality: …` øverst, hvis hele siden hører til den kommune");
}

#[test]
fn a_local_paragraph_shows_only_on_its_municipalitys_site() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "verified:",
        "local:\n  Testrup: |\n    Testrup Kommune henviser til [temadage](/praksis/temadag/).\n  Hvidovre: |\n    Hvidovre Kommune henviser også.\nverified:",
    );
    // Its links are checked, on the line they stand on.
    assert_has(&report(dir.path()), "content/partnere/hjaelpelinjen.md:21: fejl[broken-link]: linket `/praksis/temadag/` peger på en side, der ikke findes");
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "/praksis/temadag/",
        "/praksis/temadage/",
    );
    let r = report(dir.path());
    assert!(!r.contains("national-names-municipality"), "{r}");
    let page =
        std::fs::read_to_string(dir.path().join("out/partnere/hjaelpelinjen/index.html")).unwrap();
    assert!(
        page.contains("<h2 id=\"i-testrup-kommune\">I Testrup Kommune</h2>"),
        "{page}"
    );
    assert!(page.contains("Testrup Kommune henviser til"));
    assert!(
        !page.contains("Hvidovre"),
        "another municipality's paragraph is shown"
    );
}

#[test]
fn another_municipalitys_local_entry_is_left_out_with_warnings_where_it_is_named() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/ubekraeftet.md",
        "---\n\n",
        "municipality: Hvidovre\n---\n\n",
    );
    edit(
        dir.path(),
        "content/viden/voldsformer.md",
        "Der er mange former.",
        "Der er mange former. Se [linjen](/partnere/ubekraeftet/).",
    );
    edit(
        dir.path(),
        "site.yaml",
        "quick_exit:",
        "help_lines:\n  udsat: [ubekraeftet]\nquick_exit:",
    );
    let r = report(dir.path());
    assert_has(&r, "content/partnere/ubekraeftet.md:");
    assert_has(&r, "advarsel[other-municipality]: siden hører til Hvidovre (municipality:) og kommer ikke med på sitet for Testrup Kommune\n  = hjælp: slet filen, hvis I ikke bruger den, eller skriv `municipality: Testrup`, hvis den også gælder jer");
    assert_has(&r, "content/viden/voldsformer.md:12: advarsel[other-municipality-link]: linket `/partnere/ubekraeftet/` peger på en side, der hører til Hvidovre, og vises som almindelig tekst\n  = hjælp: fjern linket, eller flyt sætningen til et lokalt afsnit (`local:`) for den kommune");
    assert_has(&r, "advarsel[other-municipality-reference]: help_lines: `ubekraeftet` er et lokalt tilbud for Hvidovre og vises ikke som hjælp på sitet for Testrup Kommune\n  = hjælp: fjern `ubekraeftet` fra help_lines, og sæt jeres eget tilbud ind i stedet");
    assert!(!dir.path().join("out/partnere/ubekraeftet").exists());
}

#[test]
fn an_empty_municipality_is_an_error() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/ubekraeftet.md",
        "---\n\n",
        "municipality: []\n---\n\n",
    );
    assert_has(&report(dir.path()), "fejl[empty-field]: feltet `municipality` er tomt\n  = hjælp: skriv kommunens navn, fx municipality: Randers, eller fjern linjen, hvis siden er landsdækkende");
}

/// Image XObjects in a PDF: a PNG logo is one; the QR code and text are not.
fn images(pdf: &Path) -> usize {
    let doc = crate::print::load(pdf);
    doc.objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict
                    .get(b"Subtype")
                    .is_ok_and(|t| t.as_name().is_ok_and(|n| n == b"Image"))
            })
        })
        .count()
}

fn tiny_png() -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, 4, 2);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(&[0x00, 0x66, 0x99].repeat(8)).unwrap();
    drop(w);
    out
}

#[test]
fn the_municipalitys_logo_is_printed_on_its_posters_and_checked() {
    let dir = site_with(None);
    let pdf = dir.path().join("out/plakater/udsat/udsat-a4.pdf");
    report(dir.path());
    assert_eq!(images(&pdf), 0, "no logo configured, no image");

    std::fs::create_dir_all(dir.path().join("filer")).unwrap();
    std::fs::write(dir.path().join("filer/logo.png"), tiny_png()).unwrap();
    edit(
        dir.path(),
        "site.yaml",
        "  accessibility_statement:",
        "  logo: \"filer/logo.png\"\n  accessibility_statement:",
    );
    let r = report(dir.path());
    assert!(!r.contains("config-logo"), "{r}");
    assert_eq!(images(&pdf), 1, "the logo is on the poster");

    edit(dir.path(), "site.yaml", "filer/logo.png", "filer/logo.gif");
    assert_has(&report(dir.path()), "site.yaml:13: fejl[config-logo]: municipality.logo `filer/logo.gif` er hverken en SVG- eller en PNG-fil\n  = hjælp: gem logoet som .svg (bedst: skarpt i alle størrelser) eller .png");
    edit(
        dir.path(),
        "site.yaml",
        "filer/logo.gif",
        "filer/mangler.svg",
    );
    assert_has(&report(dir.path()), "site.yaml:13: fejl[config-logo]: municipality.logo: filen `filer/mangler.svg` findes ikke\n  = hjælp: skriv stien fra mappen med site.yaml, fx logo: \"filer/logo.svg\"");
    std::fs::write(dir.path().join("filer/mangler.svg"), "ikke et billede").unwrap();
    assert_has(&report(dir.path()), "site.yaml:13: fejl[config-logo]: municipality.logo `filer/mangler.svg` er ikke en gyldig svg fil\n  = hjælp: gem logoet igen fra et tegneprogram som SVG eller PNG");
}
