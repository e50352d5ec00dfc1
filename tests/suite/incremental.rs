//! `serve` keeps validated entries between rebuilds (`incremental.rs`): what changed is read
//! and validated again, what did not is neither read nor validated, and the result is the
//! same as a load from scratch.

use crate::common::{serve_in_background, wait_for};
use crate::helpers::{options, site_with};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use vejviser::incremental::{CacheStats, LoadCache};
use vejviser::LoadedSite;

/// Set every file and directory under `root` an hour back, as files are that an editor did
/// not just save (one saved within the last two seconds is read again on every load).
fn age(root: &Path) {
    let then = SystemTime::now() - Duration::from_secs(3600);
    for e in walkdir::WalkDir::new(root)
        .contents_first(true)
        .into_iter()
        .flatten()
    {
        let f = if e.file_type().is_file() {
            std::fs::File::options().write(true).open(e.path()).unwrap()
        } else {
            std::fs::File::open(e.path()).unwrap()
        };
        f.set_modified(then).unwrap();
    }
}

fn load(root: &Path, cache: &mut LoadCache) -> (Option<LoadedSite>, String, CacheStats) {
    let mut d = vejviser::diag::Diagnostics::new();
    let loaded = vejviser::load_site_incremental(&options(root), cache, &mut d);
    (loaded, d.render_report(), cache.stats())
}

fn title(l: &LoadedSite, path: &str) -> String {
    let e = l.site.entries.iter().find(|e| e.path == path);
    e.map(|e| e.title.clone()).unwrap_or_default()
}

const ENTRIES: usize = 6;
const PRACTICE: &str = "content/praksis/temadage.md";

#[test]
fn an_unchanged_file_is_neither_read_nor_validated_again() {
    let dir = site_with(None);
    age(dir.path());
    let mut cache = LoadCache::new();
    let (first, _, stats) = load(dir.path(), &mut cache);
    let first = first.expect("the minimal site loads");
    assert_eq!(
        (stats.files, stats.read, stats.validated, stats.invalidated),
        (ENTRIES, ENTRIES, ENTRIES, true)
    );
    let (second, _, stats) = load(dir.path(), &mut cache);
    let second = second.unwrap();
    assert_eq!(
        (stats.read, stats.validated, stats.reused, stats.invalidated),
        (0, 0, ENTRIES, false),
        "a second load with nothing changed reads nothing"
    );
    assert!(
        !stats.scanned,
        "no directory changed: content/ is not walked again"
    );
    // The very same entries, shared, not copies.
    for (a, b) in first.site.entries.iter().zip(&second.site.entries) {
        assert!(
            Arc::ptr_eq(a, b),
            "{} was copied or validated again",
            a.path
        );
    }
}

#[test]
fn an_edited_file_is_picked_up_and_only_it_is_validated() {
    let dir = site_with(None);
    age(dir.path());
    let mut cache = LoadCache::new();
    let (first, _, _) = load(dir.path(), &mut cache);
    let first = first.unwrap();
    crate::helpers::edit(
        dir.path(),
        PRACTICE,
        "Temadage om vold",
        "Temadage om digital vold",
    );
    let (second, _, stats) = load(dir.path(), &mut cache);
    let second = second.unwrap();
    assert_eq!(title(&second, PRACTICE), "Temadage om digital vold");
    assert_eq!((stats.read, stats.validated), (1, 1));
    let kept = (first.site.entries.iter())
        .filter(|a| second.site.entries.iter().any(|b| Arc::ptr_eq(a, b)))
        .count();
    assert_eq!(kept, ENTRIES - 1, "the other entries are shared");
}

#[test]
fn an_edit_that_keeps_size_and_time_is_seen_while_the_file_is_fresh_or_reported() {
    let dir = site_with(None);
    let p = dir.path().join(PRACTICE);
    let mut cache = LoadCache::new();
    // Just copied: every file is "racy" (changed within the last two seconds) and is
    // compared by content on the next load.
    load(dir.path(), &mut cache).0.unwrap();
    let stamp = std::fs::metadata(&p).unwrap().modified().unwrap();
    let set_back = || {
        let f = std::fs::File::options().write(true).open(&p).unwrap();
        f.set_modified(stamp).unwrap();
    };
    crate::helpers::edit(dir.path(), PRACTICE, "Temadage om vold", "Temadage om VOLD");
    set_back();
    let (l, _, stats) = load(dir.path(), &mut cache);
    assert_eq!(title(&l.unwrap(), PRACTICE), "Temadage om VOLD");
    assert_eq!(
        stats.validated, 1,
        "the unchanged racy files were compared, not validated"
    );
    // An old file whose time is set back after an edit (`cp -p`, an archive) is not
    // noticed by its stamp, but the watcher reports it.
    age(dir.path());
    load(dir.path(), &mut cache).0.unwrap();
    let (_, _, stats) = load(dir.path(), &mut cache);
    assert_eq!(stats.read, 0);
    let old = std::fs::metadata(&p).unwrap().modified().unwrap();
    crate::helpers::edit(dir.path(), PRACTICE, "Temadage om VOLD", "Temadage om vold");
    std::fs::File::options()
        .write(true)
        .open(&p)
        .unwrap()
        .set_modified(old)
        .unwrap();
    cache.mark_changed([PRACTICE.to_string()]);
    let (l, _, stats) = load(dir.path(), &mut cache);
    assert_eq!(title(&l.unwrap(), PRACTICE), "Temadage om vold");
    assert_eq!((stats.read, stats.validated), (1, 1));
}

#[test]
fn a_deleted_and_a_new_file_are_handled() {
    let dir = site_with(None);
    age(dir.path());
    let mut cache = LoadCache::new();
    load(dir.path(), &mut cache).0.unwrap();
    let std_dir = dir.path().join("content/kvalitetsstandard");
    let text = std::fs::read_to_string(std_dir.join("om.md")).unwrap();
    std::fs::write(
        std_dir.join("ophold.md"),
        text.replace("Om kvalitetsstandarden", "Ophold"),
    )
    .unwrap();
    let (l, _, stats) = load(dir.path(), &mut cache);
    let l = l.unwrap();
    assert!(stats.scanned, "a new file changes its directory");
    assert_eq!(title(&l, "content/kvalitetsstandard/ophold.md"), "Ophold");
    assert_eq!(
        (stats.files, stats.read, stats.validated),
        (ENTRIES + 1, 1, 1)
    );
    std::fs::remove_file(std_dir.join("ophold.md")).unwrap();
    let (l, _, stats) = load(dir.path(), &mut cache);
    let l = l.unwrap();
    assert!(!(l.site.entries.iter()).any(|e| e.path.ends_with("ophold.md")));
    assert_eq!((stats.files, stats.read, stats.validated), (ENTRIES, 0, 0));
    // A deleted file that others refer to is an error at once, as in a build.
    std::fs::remove_file(dir.path().join("content/partnere/hjaelpelinjen.md")).unwrap();
    let (l, report, _) = load(dir.path(), &mut cache);
    assert!(l.is_none());
    let mut d = vejviser::diag::Diagnostics::new();
    assert!(vejviser::load_site(&options(dir.path()), &mut d).is_none());
    assert_eq!(report, d.render_report());
}

#[test]
fn an_edit_to_site_yaml_revalidates_everything() {
    let dir = site_with(None);
    age(dir.path());
    let mut cache = LoadCache::new();
    let (first, _, _) = load(dir.path(), &mut cache);
    let first = first.unwrap();
    let key = cache.key();
    let yaml = dir.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}\n# en kommentar\n")).unwrap();
    let (second, _, stats) = load(dir.path(), &mut cache);
    let second = second.unwrap();
    assert!(stats.invalidated);
    assert_ne!(cache.key(), key);
    assert_eq!((stats.read, stats.validated), (ENTRIES, ENTRIES));
    assert!(!(first.site.entries.iter()).any(|a| second
        .site
        .entries
        .iter()
        .any(|b| Arc::ptr_eq(a, b))));
    // A file under themes/ does the same.
    let theme = dir.path().join("themes/default/strings");
    std::fs::create_dir_all(&theme).unwrap();
    let (_, _, stats) = load(dir.path(), &mut cache);
    assert_eq!((stats.invalidated, stats.validated), (true, ENTRIES));
    let (_, _, stats) = load(dir.path(), &mut cache);
    assert_eq!((stats.invalidated, stats.validated), (false, 0));
    std::fs::write(theme.join("README.txt"), "noter").unwrap();
    let (_, _, stats) = load(dir.path(), &mut cache);
    assert_eq!((stats.invalidated, stats.validated), (true, ENTRIES));
}

#[test]
fn a_warm_cache_reports_what_a_load_from_scratch_reports() {
    for case in [
        "missing-field",
        "unknown-partner",
        "duplicate-slug",
        "non-utf8",
    ] {
        let dir = site_with(Some(case));
        age(dir.path());
        let mut cache = LoadCache::new();
        let (_, cold, _) = load(dir.path(), &mut cache);
        let (_, warm, stats) = load(dir.path(), &mut cache);
        assert_eq!(stats.validated, 0);
        let mut d = vejviser::diag::Diagnostics::new();
        vejviser::load_site(&options(dir.path()), &mut d);
        assert!(d.has_errors(), "{case} has errors");
        assert_eq!(cold, d.render_report(), "{case}");
        assert_eq!(warm, cold, "{case}: the cached diagnostics are shown again");
    }
}

#[test]
fn serve_shows_an_edit_and_checks_the_whole_site_after_it() {
    let dir = site_with(None);
    age(dir.path());
    let port = serve_in_background(dir.path());
    wait_for(port, "/praksis/temadage/", 200, "Temadage om vold");
    crate::helpers::edit(
        dir.path(),
        PRACTICE,
        "Mere viden.",
        "Mere viden om digital vold.",
    );
    wait_for(
        port,
        "/praksis/temadage/",
        200,
        "Mere viden om digital vold.",
    );
    // The practice links to the help line's page. Removing that page breaks the link in an
    // entry that did not change: the error page says so.
    let partner = dir.path().join("content/partnere/hjaelpelinjen.md");
    let text = std::fs::read_to_string(&partner).unwrap();
    std::fs::remove_file(&partner).unwrap();
    wait_for(port, "/praksis/temadage/", 500, "hjaelpelinjen");
    std::fs::write(&partner, text).unwrap();
    wait_for(
        port,
        "/praksis/temadage/",
        200,
        "Mere viden om digital vold.",
    );
}

#[test]
fn only_an_edit_to_the_markdown_keeps_the_plan_of_every_other_page() {
    use vejviser::render::{changed_entry_pages, prepare, PrepareCache};
    let dir = site_with(None);
    age(dir.path());
    let mut cache = LoadCache::new();
    let mut pc = PrepareCache::new();
    let mut step = |edit: &dyn Fn()| {
        let old = load(dir.path(), &mut cache).0.unwrap();
        let op = prepare(&old.site, &old.theme, Some(&mut pc));
        edit();
        let new = load(dir.path(), &mut cache).0.unwrap();
        let np = prepare(&new.site, &new.theme, Some(&mut pc));
        let changed = changed_entry_pages((&old.site, &op), (&new.site, &np));
        changed.map(|c| {
            c.iter()
                .map(|&i| new.site.entries[i].path.clone())
                .collect::<Vec<_>>()
        })
    };
    let om = "content/kvalitetsstandard/om.md";
    let body = || {
        crate::helpers::edit(
            dir.path(),
            om,
            "beskriver ophold.",
            "beskriver ophold godt.",
        )
    };
    assert_eq!(step(&body), Some(vec![om.to_string()]));
    let title = || crate::helpers::edit(dir.path(), om, "Om kvalitetsstandarden", "Om standarden");
    assert_eq!(step(&title), None, "the title is on other pages too");
    assert_eq!(step(&|| {}), Some(vec![]));
    // A practice's text is in the booklet of a small site.
    let practice = || crate::helpers::edit(dir.path(), PRACTICE, "Mere viden.", "Mere viden nu.");
    assert_eq!(step(&practice), None);
}
