//! The real executable: exit codes and what it writes.

use crate::helpers::{site_with, TODAY};
use std::process::Command;

fn vejviser(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vejviser"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn exit_codes_ok_content_error_and_strict() {
    let dir = site_with(None);
    let root = dir.path().to_str().unwrap();
    let ok = vejviser(&["build", "--root", root, "--today", TODAY]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    // The minimal site has an unverified contact: a warning, an error under --strict.
    let strict = vejviser(&["check", "--root", root, "--today", TODAY, "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&strict.stderr)
        .contains("fejl[unverified-contact]: kontaktoplysningerne er ikke bekræftet"));
    let bad = site_with(Some("unknown-key"));
    let out = vejviser(&[
        "build",
        "--root",
        bad.path().to_str().unwrap(),
        "--today",
        TODAY,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "content/praksis/temadage.md:10: fejl[unknown-key]: ukendt felt `municipalites`"
        ),
        "{stderr}"
    );
    assert!(
        !bad.path().join("public").exists(),
        "a failed build writes nothing"
    );
}

#[test]
fn check_writes_nothing() {
    let dir = site_with(None);
    let out = vejviser(&[
        "check",
        "--root",
        dir.path().to_str().unwrap(),
        "--today",
        TODAY,
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!dir.path().join("public").exists());
}

#[test]
fn io_failure_is_exit_code_2() {
    let dir = site_with(None);
    // The output's parent is a file: the build cannot write.
    std::fs::write(dir.path().join("blocker"), "x").unwrap();
    let out = vejviser(&[
        "build",
        "--root",
        dir.path().to_str().unwrap(),
        "--today",
        TODAY,
        "--out",
        "blocker/public",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn new_writes_an_entry_that_checks_and_refuses_to_overwrite() {
    let dir = site_with(None);
    let root = dir.path().to_str().unwrap();
    let out = vejviser(&["new", "viden", "Digital vold på nettet", "--root", root]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir.path().join("content/viden/digital-vold-paa-nettet.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("title: \"Digital vold på nettet\""));
    assert!(text.contains("draft: true"));
    // A draft is left out of the build, so the site still checks.
    let check = vejviser(&["check", "--root", root, "--today", TODAY]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let again = vejviser(&["new", "viden", "Digital vold på nettet", "--root", root]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("findes allerede"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "not overwritten"
    );
}

#[test]
fn contacts_report_lists_unverified_first() {
    let dir = site_with(None);
    let out = vejviser(&[
        "contacts",
        "--root",
        dir.path().to_str().unwrap(),
        "--today",
        TODAY,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let unverified = text.find("content/partnere/ubekraeftet.md").expect(&text);
    let verified = text.find("content/partnere/hjaelpelinjen.md").expect(&text);
    assert!(unverified < verified, "{text}");
    // Verified 2026-03-01 against an undated page, checked against 2026-06-01 with 365 days
    // allowed: 273 days left.
    assert!(
        text.contains("bekræftet 2026-03-01, kildens dato ukendt (forældes om 273 dage)"),
        "{text}"
    );
    assert!(
        text.contains("1 bekræftede, 0 forældede, 1 ikke bekræftede"),
        "{text}"
    );
}
