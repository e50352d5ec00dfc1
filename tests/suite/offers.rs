//! Offer status and the age of contact details on the minimal site (build date 2026-06-01):
//! ended offers never listed as help, information dated by its source, the help page's
//! pinned line, and the messages an editor gets.

use crate::helpers::{edit, options, site_with};
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    std::fs::write(root.join(rel), text).unwrap();
}

const ENDED: &str = r#"---
title: "Gammelt projekt"
summary: "Et forsøg, der kørte 2012–2014."
source:
  document: "test.txt"
kind: ngo
audiences: [udsat]
violence_forms: [fysisk]
status: ended
ended_on: "2014"
replaced_by: hjaelpelinjen
---

Projektet er slut.
"#;

fn build(root: &Path) -> (String, std::path::PathBuf) {
    let mut o = options(root);
    o.out = root.join("out");
    match vejviser::build(&o) {
        Ok(r) => (r.diagnostics.render_report(), o.out),
        Err(f) => panic!("should build: {f:?}"),
    }
}

fn build_errors(root: &Path) -> String {
    match vejviser::build(&options(root)) {
        Err(vejviser::BuildFailure::Content(d)) => d.render_report(),
        other => panic!("should fail: {other:?}"),
    }
}

#[test]
fn an_ended_offer_is_not_help_and_its_page_says_so() {
    let dir = site_with(None);
    write(dir.path(), "content/partnere/gammelt-projekt.md", ENDED);
    let (_, out) = build(dir.path());
    let help = std::fs::read_to_string(out.join("hjaelp/udsat/index.html")).unwrap();
    assert!(!help.contains("/partnere/gammelt-projekt/"), "{help}");
    let form = std::fs::read_to_string(out.join("hjaelp/voldsform/fysisk/index.html")).unwrap();
    assert!(!form.contains("/partnere/gammelt-projekt/"), "{form}");
    let own = std::fs::read_to_string(out.join("partnere/gammelt-projekt/index.html")).unwrap();
    assert!(own.contains("Afsluttet (2014)"), "{own}");
    assert!(
        own.contains(
            "I stedet kan du bruge <a href=\"/vold/partnere/hjaelpelinjen/\">Hjælpelinjen</a>"
        ),
        "{own}"
    );
}

#[test]
fn an_active_offer_whose_text_says_it_ended_gets_a_warning() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "Hjælpelinjen rådgiver.",
        "Tilbuddet findes ikke længere.",
    );
    let (report, _) = build(dir.path());
    assert!(report.contains("content/partnere/hjaelpelinjen.md:1: advarsel[ended-in-text]: teksten siger »findes ikke længere«, men tilbuddet står som aktivt\n  = hjælp: er tilbuddet slut, så skriv status: ended og ended_on: \"ÅÅÅÅ\"; så vises det aldrig som hjælp"), "{report}");
}

#[test]
fn ended_on_needs_an_ended_status_and_dates_must_parse() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "coverage: \"national\"",
        "coverage: \"national\"\nended_on: \"2014\"",
    );
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "  against: \"https://example.org/hjaelp\"",
        "  against: \"https://example.org/hjaelp\"\n  source_date: \"marts 2021\"",
    );
    let r = build_errors(dir.path());
    assert!(r.contains("content/partnere/hjaelpelinjen.md:13: fejl[ended-but-active]: ended_on er udfyldt, men status er ikke ended eller paused\n  = hjælp: skriv status: ended (eller fjern ended_on, hvis tilbuddet stadig findes)"), "{r}");
    assert!(r.contains("content/partnere/hjaelpelinjen.md:23: fejl[bad-date]: verified.source_date `marts 2021` er ikke en dato\n  = hjælp: skriv sidens egen dato som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD i anførselstegn, eller unknown"), "{r}");
}

#[test]
fn contact_details_are_as_old_as_their_source() {
    let dir = site_with(None);
    // Checked a month before the build date, against a page from March 2024.
    edit(
        dir.path(),
        "content/partnere/hjaelpelinjen.md",
        "  against: \"https://example.org/hjaelp\"",
        "  against: \"https://example.org/hjaelp\"\n  source_date: \"2024-03\"\n  publisher: \"Hjælpelinjens forening\"",
    );
    let (report, out) = build(dir.path());
    assert!(report.contains("content/partnere/hjaelpelinjen.md:19: advarsel[stale-contact]: kontaktoplysningerne er for gamle: kilden er fra marts 2024, mere end 365 dage før byggedatoen"), "{report}");
    let page = std::fs::read_to_string(out.join("partnere/hjaelpelinjen/index.html")).unwrap();
    assert!(
        page.contains("Oplyst af Hjælpelinjens forening, marts 2024."),
        "{page}"
    );
    assert!(
        page.contains("Oplysningerne er mere end et år gamle."),
        "{page}"
    );
    // Not printed on the poster any more; the poster names what it left out.
    assert!(report.contains("content/plakater/udsat.md:7: advarsel[poster-contact-dropped]: plakaten »Plakat: udsat for vold« trykkes uden `hjaelpelinjen`: oplysningerne er fra 1. marts 2024 og dermed ældre end 365 dage"), "{report}");
}

#[test]
fn a_current_pinned_line_is_the_first_number_on_its_help_page() {
    let dir = site_with(None);
    edit(
        dir.path(),
        "site.yaml",
        "focus_areas:",
        "help_lines:\n  udsat: [hjaelpelinjen]\nfocus_areas:",
    );
    let (_, out) = build(dir.path());
    let help = std::fs::read_to_string(out.join("hjaelp/udsat/index.html")).unwrap();
    let main = &help[help.find("<main").unwrap()..];
    let first_tel = main.find("href=\"tel:").unwrap();
    assert_eq!(
        &main[first_tel..first_tel + 19],
        "href=\"tel:70000001\"",
        "the pinned line comes before 112"
    );
    assert!(main.contains("Oplyst af Hjælpelinjen."), "{main}");
    // A pinned slug that does not exist is an error in site.yaml.
    edit(
        dir.path(),
        "site.yaml",
        "udsat: [hjaelpelinjen]",
        "udsat: [hjaelpelinje]",
    );
    let r = build_errors(dir.path());
    assert!(r.contains("fejl[unknown-partner]: help_lines: partneren `hjaelpelinje` findes ikke\n  = hjælp: mente du `hjaelpelinjen`?"), "{r}");
}
