//! One fixture folder per bad input (tests/fixtures/invalid/<case>, laid over the minimal
//! site); each test asserts the exact diagnostic: file, line, message.

use crate::helpers::{assert_has, build_errors};

#[test]
fn invalid_yaml_points_at_the_file_line() {
    let r = build_errors("invalid-yaml");
    // The unclosed quote opens on line 3, column 10; the parser only notices at the end.
    assert_has(&r, "content/praksis/temadage.md:3:10: fejl[invalid-yaml]: ugyldig YAML: teksten slutter for tidligt i en tekst i anførselstegn\n  = hjælp: et anførselstegn bliver ikke lukket");
}

#[test]
fn missing_front_matter() {
    let r = build_errors("missing-front-matter");
    assert_has(&r, "content/praksis/temadage.md:1:1: fejl[no-front-matter]: filen mangler front matter\n  = hjælp: begynd filen med en linje `---`");
}

#[test]
fn missing_required_field() {
    let r = build_errors("missing-field");
    assert_has(&r, "content/praksis/temadage.md:1: fejl[missing-field]: feltet `summary` mangler\n  = hjælp: tilføj `summary: \"…\"` i front matter");
}

#[test]
fn unknown_key_with_did_you_mean() {
    let r = build_errors("unknown-key");
    assert_has(&r, "content/praksis/temadage.md:10: fejl[unknown-key]: ukendt felt `municipalites`\n  = hjælp: mente du `municipalities`?");
}

#[test]
fn wrong_type() {
    let r = build_errors("wrong-type");
    assert_has(
        &r,
        "content/praksis/temadage.md:9: fejl[wrong-type]: `evaluated` skal være true eller false",
    );
}

#[test]
fn unknown_taxonomy_values_are_all_reported() {
    let r = build_errors("unknown-taxonomy");
    assert_has(
        &r,
        "content/praksis/temadage.md:8: fejl[unknown-value]: criteria: 7 er ikke et kvalitetskriterium (1, 2, 3)",
    );
    assert_has(&r, "content/praksis/temadage.md:9: fejl[unknown-value]: `target_groups`: `medarbejder` er ikke en kendt værdi\n  = hjælp: mente du `medarbejdere`?");
}

#[test]
fn unknown_partner_slug() {
    let r = build_errors("unknown-partner");
    assert_has(&r, "content/praksis/temadage.md:10: fejl[unknown-partner]: partners: partneren `hjaelpelinje` findes ikke\n  = hjælp: mente du `hjaelpelinjen`?");
}

#[test]
fn duplicate_slug() {
    let r = build_errors("duplicate-slug");
    assert_has(
        &r,
        "fejl[duplicate-slug]: får samme adresse (slug `hjaelpelinjen`) som content/partnere/",
    );
    assert_has(&r, "content/partnere/Hjaelpelinjen.md:1: fejl[bad-slug]: filnavnet `Hjaelpelinjen.md` er ikke en gyldig slug\n  = hjælp: omdøb filen til `hjaelpelinjen.md`");
}

#[test]
fn broken_internal_link_has_its_line() {
    let r = build_errors("broken-link");
    assert_has(&r, "content/viden/voldsformer.md:10: fejl[broken-link]: linket `/praksis/temadag/` peger på en side, der ikke findes\n  = hjælp: mente du `/praksis/temadage/`?");
    assert!(!r.contains("/partnere/hjaelpelinjen/` peger"), "{r}");
}

#[test]
fn non_utf8_file() {
    let r = build_errors("non-utf8");
    assert_has(
        &r,
        "content/viden/latin.md:8:2: fejl[not-utf8]: filen er ikke gemt som UTF-8",
    );
}

#[test]
fn empty_file() {
    let r = build_errors("empty-file");
    assert_has(&r, "content/viden/tom.md:1: fejl[empty-file]: filen er tom");
}

#[test]
fn template_syntax_error_names_template_and_line() {
    let r = build_errors("template-syntax");
    assert_has(&r, "themes/default/templates/practice.html:5:");
    assert_has(&r, "fejl[template-syntax]: skabelonfejl:");
}

#[test]
fn confidential_address_is_refused() {
    let r = build_errors("confidential-address");
    assert_has(&r, "content/partnere/ubekraeftet.md:10: fejl[confidential-address]: adressen er hemmelig (address_confidential: true), men der står alligevel en adresse");
}

#[test]
fn yaml_lines_count_leading_blank_lines() {
    let r = build_errors("leading-blank-lines");
    assert_has(
        &r,
        "content/praksis/temadage.md:12: fejl[wrong-type]: `weight` skal være et heltal",
    );
}

#[test]
fn all_problems_are_reported_together_sorted_with_a_count() {
    let dir = crate::helpers::site_with(Some("unknown-partner"));
    crate::helpers::copy_dir(
        &crate::helpers::fixtures().join("invalid/broken-link"),
        dir.path(),
    );
    crate::helpers::copy_dir(
        &crate::helpers::fixtures().join("invalid/empty-file"),
        dir.path(),
    );
    let r = match vejviser::build(&crate::helpers::options(dir.path())) {
        Err(vejviser::BuildFailure::Content(d)) => d.render_report(),
        _ => panic!("should fail"),
    };
    // Validation errors (empty file) and model errors (unknown partner) in one report;
    // link errors come from a later stage, which does not run on half-valid data.
    let a = r.find("content/praksis/temadage.md").expect(&r);
    let b = r.find("content/viden/tom.md").expect(&r);
    assert!(a < b, "sorted by path:\n{r}");
    assert!(r.trim_end().ends_with("2 fejl og 1 advarsel"), "{r}");
}

#[test]
fn unsafe_html_never_reaches_the_output() {
    let dir = crate::helpers::site_with(Some("unsafe-html"));
    let mut o = crate::helpers::options(dir.path());
    o.out = dir.path().join("out");
    let report = vejviser::build(&o).expect("builds with a warning");
    let text = report.diagnostics.render_report();
    assert!(
        text.contains(
            "content/viden/voldsformer.md:7: advarsel[unsafe-html]: teksten indeholder HTML, der kan køre kode"
        ),
        "{text}"
    );
    let html = std::fs::read_to_string(o.out.join("viden/voldsformer/index.html")).unwrap();
    assert!(html.contains("Klik her"));
    let body = &html[html.find("<main").unwrap()..];
    assert!(!body.contains("onclick"), "{body}");
    assert!(!body.contains("alert"), "{body}");
    assert!(!body.contains("javascript:"), "{body}");
}

/// The build report of a site that must fail.
fn errors_of(dir: &std::path::Path) -> String {
    match vejviser::build(&crate::helpers::options(dir)) {
        Err(vejviser::BuildFailure::Content(d)) => d.render_report(),
        Ok(r) => panic!("should fail:\n{}", r.diagnostics.render_report()),
        Err(vejviser::BuildFailure::Internal(m, d)) => panic!("{m}\n{}", d.render_report()),
    }
}

/// `content/praksis/<slug>.md` as the minimal fixture's practice with `source.document`
/// and `example` replaced (`None`: no `example` line).
fn write_practice(dir: &std::path::Path, slug: &str, document: &str, example: Option<u32>) {
    let text = std::fs::read_to_string(dir.join("content/praksis/temadage.md")).unwrap();
    let line = example
        .map(|n| format!("example: {n}\n"))
        .unwrap_or_default();
    let text = text
        .replacen(
            "document: \"test.txt\"",
            &format!("document: \"{document}\""),
            1,
        )
        .replacen("example: 1\n", &line, 1)
        .replacen("Temadage om vold", &format!("Praksis {slug}"), 1);
    std::fs::write(dir.join(format!("content/praksis/{slug}.md")), text).unwrap();
}

const BOOKLET: &str = "001_9d617f8347943508.txt";

#[test]
fn a_practice_from_the_booklet_needs_its_example_number() {
    let dir = crate::helpers::site_with(None);
    write_practice(dir.path(), "temadage", BOOKLET, None);
    let r = errors_of(dir.path());
    assert_has(&r, "content/praksis/temadage.md:1: fejl[missing-field]: feltet `example` mangler: praksis fra hæftet har hæftets eksempelnummer\n  = hjælp: tilføj fx `example: 2` (eksemplets nummer i fokusområdet i hæftet), eller angiv den rigtige kilde i source.document");
    assert!(r.trim_end().ends_with("1 fejl og 1 advarsel"), "{r}");
}

#[test]
fn example_numbers_are_unique_only_among_practices_that_have_one() {
    let dir = crate::helpers::site_with(None);
    // Two practices of focus area 1 from another source without a number, and two from
    // the booklet: the numbered ones clash, the unnumbered ones never do.
    write_practice(dir.path(), "uden-nummer-a", "test.txt", None);
    write_practice(dir.path(), "uden-nummer-b", "test.txt", None);
    write_practice(dir.path(), "temadage", BOOKLET, Some(1));
    write_practice(dir.path(), "temadage-igen", BOOKLET, Some(1));
    let r = errors_of(dir.path());
    assert_has(&r, "content/praksis/temadage.md:9: fejl[duplicate-example]: fokusområde 1 eksempel 1 er allerede brugt i content/praksis/temadage-igen.md\n  = hjælp: hvert eksempel har sit eget nummer inden for fokusområdet");
    assert!(r.trim_end().ends_with("1 fejl og 1 advarsel"), "{r}");
}
