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
    opts.today = vejviser::date::Date::parse("2026-11-22");
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
    opts.today = vejviser::date::Date::parse("2026-11-22");
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
            .map(|p| p.example)
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
            assert_eq!(p.contact_status, ContactStatus::Verified, "{}", e.path);
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
            // Seed file names (001_9d617f8347943508.txt) hold long digit runs; they are not numbers.
            let cleaned: String = line
                .split_whitespace()
                .filter(|w| !w.contains(".txt"))
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
