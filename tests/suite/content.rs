//! The default content (content/ + site.yaml at the repository root) against the source
//! documents' facts. These tests fail when the content drifts: a practice lost or added, a
//! focus area miscounted, a criteria list emptied, a phone number without a verification.

use std::path::Path;
use vejviser::entry::{ContactStatus, Section};
use vejviser::{BuildOptions, LoadedSite};

fn default_site() -> LoadedSite {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut opts = BuildOptions::new(root);
    // Measure verification ages against a fixed date so the test does not rot by itself.
    opts.today = vejviser::date::Date::parse(crate::common::DEFAULT_SITE_TODAY);
    let mut diags = vejviser::diag::Diagnostics::new();
    match vejviser::load_site(&opts, &mut diags) {
        Some(s) => s,
        None => panic!(
            "the default content does not validate:\n{}",
            diags.render_report()
        ),
    }
}

#[test]
fn default_site_builds_without_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut opts = BuildOptions::new(root);
    opts.out = dir.path().join("public");
    opts.today = vejviser::date::Date::parse(crate::common::DEFAULT_SITE_TODAY);
    if let Err(f) = vejviser::build(&opts) {
        let d = match f {
            vejviser::BuildFailure::Content(d) | vejviser::BuildFailure::Internal(_, d) => d,
        };
        panic!("default site fails to build:\n{}", d.render_report());
    }
}

#[test]
fn exactly_22_practices_in_focus_areas_4_4_7_4_3() {
    let s = default_site();
    let practices: Vec<_> = s.site.section(Section::Praksis).collect();
    assert_eq!(practices.len(), 22, "the booklet has 22 examples");
    let mut per_area = [0usize; 5];
    for e in &practices {
        let p = e.practice().unwrap();
        assert!(
            (1..=5).contains(&p.focus_area),
            "{}: focus_area {}",
            e.path,
            p.focus_area
        );
        per_area[p.focus_area as usize - 1] += 1;
    }
    assert_eq!(per_area, [4, 4, 7, 4, 3], "examples per focus area");
    // Examples are numbered 1..n within each focus area.
    for fa in 1..=5u32 {
        let mut ex: Vec<u32> = practices
            .iter()
            .filter_map(|e| e.practice())
            .filter(|p| p.focus_area == fa)
            .map(|p| {
                p.example
                    .expect("every default practice is from the booklet")
            })
            .collect();
        ex.sort();
        let expected: Vec<u32> = (1..=ex.len() as u32).collect();
        assert_eq!(ex, expected, "example numbers in focus area {fa}");
    }
}

#[test]
fn every_criteria_list_is_non_empty_and_within_1_to_6() {
    let s = default_site();
    for e in s.site.section(Section::Praksis) {
        let p = e.practice().unwrap();
        assert!(!p.criteria.is_empty(), "{} has no criteria", e.path);
        assert!(
            p.criteria.iter().all(|c| (1..=6).contains(c)),
            "{}: {:?}",
            e.path,
            p.criteria
        );
    }
}

#[test]
fn every_entry_but_posters_names_its_source() {
    let s = default_site();
    for e in &s.site.entries {
        if e.section == Section::Plakater {
            continue;
        }
        let src = e
            .source
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no source", e.path));
        assert!(
            !src.document.trim().is_empty(),
            "{} has an empty source",
            e.path
        );
    }
}

#[test]
fn practices_cite_the_booklet_with_pages() {
    let s = default_site();
    for e in s.site.section(Section::Praksis) {
        let src = e.source.as_ref().unwrap();
        assert_eq!(src.document, "001_9d617f8347943508.txt", "{}", e.path);
        assert!(src.pages.is_some(), "{} gives no booklet page", e.path);
    }
}

#[test]
fn every_contact_detail_has_a_verification_or_is_shown_as_unverified() {
    let s = default_site();
    for e in s.site.section(Section::Partnere) {
        let p = e.partner().unwrap();
        if !p.contact.is_empty() {
            assert!(
                p.verified.is_some(),
                "{} has contact details but no `verified` block",
                e.path
            );
            // Checked against a named page: current, or stale only because that page is
            // old, which its `source_date` says (the age of a fact is the age of its source).
            let v = p.verified.as_ref().unwrap();
            match p.contact_status {
                ContactStatus::Verified => {}
                ContactStatus::Stale => assert!(
                    v.source_date.is_some_and(|d| d.first_day() < v.on_date),
                    "{} is stale although its source is not older than the check",
                    e.path
                ),
                other => panic!("{}: {other:?}", e.path),
            }
        }
        if p.address_confidential {
            assert!(
                p.contact.address.is_none(),
                "{} has a secret address but gives one",
                e.path
            );
        }
    }
}

/// No phone-number-like digit run anywhere in content/ outside a partner's `contact` block
/// that is verified: numbers in running text would escape the verification rule.
#[test]
fn no_phone_number_in_content_without_verification() {
    let s = default_site();
    let verified: Vec<String> = s
        .site
        .section(Section::Partnere)
        .filter_map(|e| e.partner())
        .filter(|p| p.verified.is_some())
        .flat_map(|p| p.contact.phones.iter().map(|ph| digits(&ph.number)))
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for f in walkdir::WalkDir::new(&root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
    {
        let text = std::fs::read_to_string(f.path()).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            // Seed file names (001_9d617f8347943508.txt) and web addresses hold long digit
            // runs; they are not numbers.
            let cleaned: String = line
                .split_whitespace()
                .filter(|w| !w.contains(".txt") && !w.contains("://"))
                .collect::<Vec<_>>()
                .join(" ");
            for cand in phone_like(&cleaned) {
                assert!(
                    verified.contains(&cand),
                    "{}:{}: `{}` looks like a phone number that no verified contact block holds",
                    f.path().display(),
                    n + 1,
                    cand
                );
            }
        }
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

/// Danish 8-digit numbers written as "12 34 56 78", "1234 5678" or "12345678".
fn phone_like(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
            let mut j = i;
            let mut d = String::new();
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || (chars[j] == ' ' && j + 1 < chars.len() && chars[j + 1].is_ascii_digit()))
            {
                if chars[j].is_ascii_digit() {
                    d.push(chars[j]);
                }
                j += 1;
            }
            if d.len() == 8 && (j == chars.len() || !chars[j].is_ascii_alphanumeric()) {
                out.push(d);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn phone_like_finds_danish_numbers_only() {
    assert_eq!(phone_like("Ring 33 66 33 66 nu"), vec!["33663366"]);
    assert_eq!(phone_like("ring 7020 3082"), vec!["70203082"]);
    assert!(phone_like("i 2019 og 2020 var 80 kommuner").is_empty());
}

/// Build the default site into a temp dir on `today`; returns the dir and the report.
fn build_default(today: &str) -> (tempfile::TempDir, vejviser::BuildReport) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut opts = BuildOptions::new(root);
    opts.out = dir.path().join("public");
    opts.today = vejviser::date::Date::parse(today);
    match vejviser::build(&opts) {
        Ok(r) => (dir, r),
        Err(f) => panic!("default site fails to build on {today}: {f:?}"),
    }
}

fn html_files(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn no_ended_offer_is_listed_as_help() {
    let s = default_site();
    let ended: Vec<String> = s
        .site
        .section(Section::Partnere)
        .filter(|e| e.partner().unwrap().status == vejviser::entry::OfferStatus::Ended)
        .map(|e| format!("/partnere/{}/", e.slug))
        .collect();
    assert!(
        !ended.is_empty(),
        "the default content has an ended offer (the Interventionscenter), so this test bites"
    );
    let (dir, _) = build_default(crate::common::DEFAULT_SITE_TODAY);
    let public = dir.path().join("public");
    let help: Vec<_> = html_files(&public)
        .into_iter()
        .filter(|(p, _)| p.starts_with("hjaelp/"))
        .collect();
    assert!(help.len() >= 5, "help pages built: {}", help.len());
    for (page, html) in &help {
        for url in &ended {
            assert!(
                !html.contains(&format!("href=\"{url}\"")),
                "{page} lists the ended offer {url}"
            );
        }
    }
    // Its own page says it has ended.
    let own =
        std::fs::read_to_string(public.join("partnere/interventionscenteret/index.html")).unwrap();
    assert!(own.contains("Afsluttet"), "the ended offer's page says so");
}

#[test]
fn public_pages_show_no_seed_file_names_or_editor_instructions() {
    let (dir, _) = build_default(crate::common::DEFAULT_SITE_TODAY);
    let seed_name = |t: &str| {
        // Seed files are named NNN_<16 hex digits>.txt.
        t.as_bytes().windows(21).any(|w| {
            w[..3].iter().all(u8::is_ascii_digit)
                && w[3] == b'_'
                && w[4..20]
                    .iter()
                    .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
                && w[20] == b'.'
        })
    };
    let mut problems = Vec::new();
    for (page, html) in html_files(&dir.path().join("public")) {
        if seed_name(&html) {
            problems.push(format!("{page}: a seed file name"));
        }
        for phrase in [
            "hæftet 001",
            "(000)",
            "(001)",
            "(002)",
            "(003)",
            "(004)",
            "Bruger en anden kommune dette site",
            "skal den erstatte",
        ] {
            if html.contains(phrase) {
                problems.push(format!("{page}: »{phrase}«"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The phone numbers a poster would print, with the entry each comes from.
fn printed_numbers(s: &LoadedSite, poster: &str) -> Vec<(String, String)> {
    let e = s
        .site
        .get(Section::Plakater, poster)
        .expect("poster exists");
    let d = vejviser::print::data::poster_data(
        &vejviser::print::data::Edition::source(&s.site, &s.theme.strings),
        e,
        e.poster().unwrap(),
        false,
    );
    let mut out = Vec::new();
    for c in d.json["contacts"].as_array().unwrap() {
        out.push((
            c["name"].as_str().unwrap().to_string(),
            c["number"].as_str().unwrap().to_string(),
        ));
    }
    for g in d.json["groups"].as_array().unwrap() {
        for c in g["contacts"].as_array().unwrap() {
            out.push((
                c["name"].as_str().unwrap().to_string(),
                c["number"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

#[test]
fn the_victims_poster_prints_only_current_numbers() {
    let s = default_site();
    let max = s.site.config.verification_max_age_days;
    let today = s.site.config.today;
    for (name, number) in printed_numbers(&s, "udsat-for-vold") {
        let partner = s
            .site
            .section(Section::Partnere)
            .find(|e| e.title == name)
            .and_then(|e| e.partner());
        let info = match partner {
            Some(p) => p.verified.as_ref().map(|v| v.information_date),
            // The municipality's line: its verification in site.yaml must be current.
            None => {
                assert!(s.site.config.municipality_verified, "{name} {number}");
                continue;
            }
        };
        let info = info.unwrap_or_else(|| panic!("{name} {number} printed without a verification"));
        assert!(
            info.days_until(today) <= max,
            "{name} {number}: information from {info} is older than {max} days"
        );
    }
}

#[test]
fn two_years_ahead_the_site_builds_and_posters_keep_only_the_emergency_numbers() {
    let later = vejviser::date::Date::parse(crate::common::DEFAULT_SITE_TODAY)
        .unwrap()
        .add_days(2 * 365)
        .to_string();
    let (_dir, report) = build_default(&later);
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"stale-contact"), "{codes:?}");
    assert!(codes.contains(&"poster-no-verified-number"), "{codes:?}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut opts = BuildOptions::new(root);
    opts.today = vejviser::date::Date::parse(&later);
    let mut diags = vejviser::diag::Diagnostics::new();
    let s = vejviser::load_site(&opts, &mut diags).expect("loads two years ahead");
    for poster in s.site.section(Section::Plakater) {
        let printed = printed_numbers(&s, &poster.slug);
        assert!(
            printed.is_empty(),
            "{}: prints aged numbers {printed:?}",
            poster.slug
        );
        let d = vejviser::print::data::poster_data(
            &vejviser::print::data::Edition::source(&s.site, &s.theme.strings),
            poster,
            poster.poster().unwrap(),
            false,
        );
        let emergency: Vec<&str> = d.json["emergency"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["number"].as_str().unwrap())
            .collect();
        assert_eq!(emergency, ["112", "114"], "{}", poster.slug);
    }
}
