//! Mistakes that used to be published without a word (issue: any municipality in a day).
//! Each is now an error or a warning naming the file and line; these tests assert the full
//! message an editor sees.

use crate::helpers::{assert_has, edit, options, report, site_with, TODAY};
use std::process::Command;

#[test]
fn leftover_placeholders_in_a_published_entry_are_errors() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/plakater/udsat.md",
        "headline: \"Bliver du udsat for vold?\"",
        "headline: \"<Få, store ord>\"",
    );
    let r = report(dir.path());
    assert_has(&r, "content/plakater/udsat.md:6: fejl[placeholder]: `<Få, store ord>` er en skabelontekst fra `vejviser new`, der ikke er udfyldt\n  = hjælp: skriv den rigtige tekst i stedet, eller sæt `draft: true`, så siden ikke udgives");
    // As a draft it is fine.
    edit(
        dir.path(),
        "content/plakater/udsat.md",
        "tear_off: true",
        "tear_off: true\ndraft: true",
    );
    assert!(!report(dir.path()).contains("skabelontekst"));
}

#[test]
fn a_poster_qr_path_that_is_no_page_is_an_error() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/plakater/udsat.md",
        "qr: \"/hjaelp/udsat/\"",
        "qr: \"/hjaelp/udsatt/\"",
    );
    assert_has(&report(dir.path()), "content/plakater/udsat.md:8: fejl[poster-qr]: qr: `/hjaelp/udsatt/` er ikke en side på sitet, så QR-koden ville føre ingen steder hen\n  = hjælp: mente du `/hjaelp/udsat/`?");
}

#[test]
fn relative_markdown_links_are_errors_with_the_site_path() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "Hjælpelinjen rådgiver.",
        "Hjælpelinjen rådgiver. Se [temadage](../praksis/temadage/).",
    );
    assert_has(&report(dir.path()), "content/partnere/hjaelpelinjen.md:24: fejl[relative-link]: linket `../praksis/temadage/` er relativt og peger forkert fra nogle sider\n  = hjælp: skriv stien fra sitets rod, fx `/praksis/temadage/`");
}

#[test]
fn a_site_yaml_phone_that_is_not_danish_is_an_error() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "site.yaml",
        "\"11 22 33 44\"",
        "\"89 15 XX XX\"",
    );
    assert_has(&report(dir.path()), "site.yaml:8: fejl[config-phone]: municipality.phones: `89 15 XX XX` er ikke et dansk telefonnummer\n  = hjælp: skriv 8 cifre, fx \"89 15 15 15\", eller et kort nummer som 112 eller 1888");
}

#[test]
fn a_page_directly_in_content_is_a_warning() {
    let dir = site_with(None);
    std::fs::write(
        dir.path().join("content/om.md"),
        "---\ntitle: \"Om\"\nsummary: \"x\"\n---\n",
    )
    .unwrap();
    assert_has(&report(dir.path()), "content/om.md: advarsel[outside-section]: filen ligger ikke i en sektion og bliver ikke bygget\n  = hjælp: flyt den ind i en af sektionerne: content/praksis/, content/partnere/, content/kvalitetsstandard/, content/viden/, content/plakater/ eller content/hjaelp/ (fx content/viden/om.md)");
}

#[test]
fn a_bad_email_and_an_empty_name_are_errors() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "  website: \"https://example.org/hjaelp\"",
        "  website: \"https://example.org/hjaelp\"\n  email: \"kontakt(at)hjaelp.dk\"",
    );
    assert_has(&report(dir.path()), "content/partnere/hjaelpelinjen.md:19: fejl[bad-email]: contact.email `kontakt(at)hjaelp.dk` er ikke en e-mailadresse\n  = hjælp: skriv adressen sådan: navn@organisation.dk");
    edit(
        dir.path(),
        "site.yaml",
        "name: \"Testrup Kommune\"",
        "name: \"\"",
    );
    assert_has(&report(dir.path()), "site.yaml:6: fejl[config-empty]: municipality.name er tom\n  = hjælp: skriv kommunens navn, fx \"Randers Kommune\"");
}

#[test]
fn a_partner_file_in_praksis_says_where_it_belongs() {
    let dir = site_with(None);
    std::fs::copy(
        dir.path().join("content/partnere/hjaelpelinjen.md"),
        dir.path().join("content/praksis/hjaelpelinje.md"),
    )
    .unwrap();
    assert_has(&report(dir.path()), "content/praksis/hjaelpelinje.md:1: fejl[wrong-section]: filen ligner en side til partnere/ (den har felter som `kind`, `audiences`, `violence_forms`), men ligger i praksis/\n  = hjælp: flyt filen til content/partnere/hjaelpelinje.md");
}

fn vejviser(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vejviser"))
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_unreadable_vejviser_today_is_an_error() {
    let dir = site_with(None);
    let root = dir.path().to_str().unwrap();
    let (code, err) = vejviser(
        &["check", "--root", root],
        &[("VEJVISER_TODAY", "2.12.2026")],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("fejl: VEJVISER_TODAY `2.12.2026` er ikke en dato: skriv ÅÅÅÅ-MM-DD, fx 2026-12-02, eller fjern variablen"), "{err}");
    let (code, _) = vejviser(
        &["check", "--root", root, "--today", TODAY],
        &[("VEJVISER_TODAY", "2.12.2026")],
    );
    assert_eq!(code, Some(0), "--today wins over the variable");
}

#[test]
fn an_unknown_search_section_is_an_error_listing_the_sections() {
    let dir = site_with(None);
    let root = dir.path().to_str().unwrap();
    let (code, err) = vejviser(
        &[
            "search",
            "vold",
            "--root",
            root,
            "--today",
            TODAY,
            "--section",
            "partner",
        ],
        &[],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("fejl: --section `partner` findes ikke; vælg en af: praksis, partnere, kvalitetsstandard, viden, plakater, hjaelp"), "{err}");
}

#[test]
fn a_busy_port_gets_a_danish_message_with_the_fix() {
    let dir = site_with(None);
    let root = dir.path().to_str().unwrap();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let (code, err) = vejviser(
        &["serve", "--root", root, "--today", TODAY, "--port", &port],
        &[],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(&format!("fejl: port {port} er allerede i brug (kører vejviser serve eller en anden server allerede?)\n  = hjælp: vælg en anden port, fx `vejviser serve --port")), "{err}");
}

#[test]
fn a_draft_is_not_a_missing_page_links_to_it_become_text_with_a_warning() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "coverage: \"national\"",
        "coverage: \"national\"\ndraft: true",
    );
    let mut o = options(dir.path());
    o.out = dir.path().join("out");
    let built = vejviser::build(&o).expect("a link to a draft does not fail the build");
    let r = built.diagnostics.render_report();
    assert_has(&r, "content/praksis/temadage.md:15: advarsel[draft-reference]: partners: partneren `hjaelpelinjen` er en kladde (draft: true) og vises ikke\n  = hjælp: fjern `draft: true` i content/partnere/hjaelpelinjen.md for at udgive den, eller byg med --drafts");
    assert_has(&r, "content/praksis/temadage.md:20: advarsel[draft-link]: linket `/partnere/hjaelpelinjen/` peger på en kladde (draft: true) og vises som almindelig tekst\n  = hjælp: fjern `draft: true` i content/partnere/hjaelpelinjen.md for at udgive siden, eller byg med --drafts");
    assert!(!r.contains("findes ikke"), "no 'missing page' errors: {r}");
    let practice = std::fs::read_to_string(o.out.join("praksis/temadage/index.html")).unwrap();
    assert!(
        !practice.contains("/partnere/hjaelpelinjen/"),
        "no link to the draft"
    );
    // With --drafts it is a page and a link again.
    o.drafts = true;
    o.out = dir.path().join("out-drafts");
    vejviser::build(&o).expect("builds with drafts");
    let practice = std::fs::read_to_string(o.out.join("praksis/temadage/index.html")).unwrap();
    assert!(practice.contains("/partnere/hjaelpelinjen/"));
}

#[test]
fn a_failed_check_does_not_talk_about_public() {
    let dir = site_with(Some("unknown-key"));
    let root = dir.path().to_str().unwrap();
    let (code, err) = vejviser(&["check", "--root", root, "--today", TODAY], &[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.trim_end()
            .ends_with("Ret fejlene ovenfor, og kør vejviser check igen."),
        "{err}"
    );
    assert!(!err.contains("public/"), "{err}");
}

#[test]
fn a_new_audience_without_its_text_is_an_error_naming_the_key() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "site.yaml",
        "audiences:\n",
        "audiences:\n  ung: \"Ung\"\n",
    );
    let r = report(dir.path());
    assert_has(&r, "site.yaml:30: fejl[theme-string]: målgruppen `ung` har ingen indledning: teksten `audience_ung_intro` mangler i temaets strings/da.yaml\n  = hjælp: tilføj `audience_ung_intro: \"…\"` (en eller to sætninger til hjælpesiden) i themes/default/strings/da.yaml");
}

#[test]
fn a_template_naming_a_missing_string_is_an_error() {
    let dir = site_with(None);
    let tpl = dir.path().join("themes/default/templates");
    std::fs::create_dir_all(&tpl).unwrap();
    let page = vejviser::theme::load(
        dir.path(),
        "default",
        "da",
        &mut vejviser::diag::Diagnostics::new(),
    )
    .unwrap()
    .text("templates/page.html")
    .unwrap()
    .replace(
        "{% block content %}",
        "{% block content %}<p>{{ t.intet_saadant }}</p>",
    );
    std::fs::write(tpl.join("page.html"), page).unwrap();
    let r = report(dir.path());
    assert_has(&r, "fejl[theme-string]: skabelonen bruger teksten `t.intet_saadant`, som ikke findes i strings/da.yaml\n  = hjælp: tilføj `intet_saadant: \"…\"` i temaets strings/da.yaml");
    assert_has(&r, "themes/default/templates/page.html:");
}

#[test]
fn check_prints_diagnostics_as_json_for_tools() {
    let dir = site_with(Some("unknown-key"));
    let root = dir.path().to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vejviser"))
        .args([
            "check", "--root", root, "--today", TODAY, "--format", "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let unknown = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-key")
        .expect("the unknown key");
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["path"], "content/praksis/temadage.md");
    assert_eq!(unknown["line"], 10);
    assert_eq!(unknown["message"], "ukendt felt `municipalites`");
    assert_eq!(unknown["hint"], "mente du `municipalities`?");
}

#[test]
fn an_embed_origin_with_a_path_is_an_error() {
    let dir = site_with(None);
    let yaml = dir.path().join("site.yaml");
    let mut text = std::fs::read_to_string(&yaml).unwrap();
    text.push_str("embed:\n  allowed_origins: [\"https://www.kommune.dk/vold\"]\n");
    std::fs::write(&yaml, text).unwrap();
    let r = report(dir.path());
    assert_has(&r, "site.yaml:42: fejl[config-embed-origin]: embed.allowed_origins: `https://www.kommune.dk/vold` er ikke en oprindelse (origin)\n  = hjælp: skriv kun protokol og domæne uden sti og uden / til sidst, fx `https://www.kommune.dk`");
}

#[test]
fn a_language_that_is_not_a_code_is_an_error() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "coverage: \"national\"\n",
        "coverage: \"national\"\nlanguages: [dansk]\n",
    );
    let r = report(dir.path());
    assert_has(&r, "content/partnere/hjaelpelinjen.md:13: fejl[language-code]: languages: `dansk` er ikke en sprogkode\n  = hjælp: skriv sprogkoder efter ISO 639-1 med to små bogstaver, fx `da`, `en` eller `ar`");
}
