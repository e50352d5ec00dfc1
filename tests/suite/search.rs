//! Search quality on the default content: the relevance suites (tests/search/relevance.txt
//! for Danish, relevance.<lang>.txt for each other language) and parity between
//! `vejviser search [--lang]` (tantivy) and the browser client run in node.

use std::path::PathBuf;
use std::process::Command;
use vejviser::search::{SearchIndex, SearchRequest};
use vejviser::BuildOptions;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn options() -> BuildOptions {
    let mut o = BuildOptions::new(repo());
    o.today = vejviser::date::Date::parse(crate::common::DEFAULT_SITE_TODAY);
    o
}

/// The languages with a relevance suite: `None` is Danish (the source language).
const LANGUAGES: [Option<&str>; 3] = [None, Some("en"), Some("ar")];

fn index_in(lang: Option<&str>) -> SearchIndex {
    let opts = options();
    let mut d = vejviser::diag::Diagnostics::new();
    let loaded = vejviser::load_site(&opts, &mut d)
        .unwrap_or_else(|| panic!("default site does not load:\n{}", d.render_report()));
    vejviser::search_index_in(&loaded, &opts, lang, &mut d)
        .unwrap_or_else(|| panic!("no search index for {lang:?}:\n{}", d.render_report()))
}

struct Case {
    query: String,
    /// Site paths, any of which must be in the top 5; empty: nothing may be found.
    expected: Vec<String>,
}

fn cases_in(lang: Option<&str>) -> Vec<Case> {
    let file = match lang {
        None => "tests/search/relevance.txt".to_string(),
        Some(l) => format!("tests/search/relevance.{l}.txt"),
    };
    let text = std::fs::read_to_string(repo().join(&file)).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split('|').map(str::trim);
            let query = parts.next().unwrap().to_string();
            let exp = parts
                .next()
                .unwrap_or_else(|| panic!("no expectation: {l}"));
            let expected = if exp == "-" {
                Vec::new()
            } else {
                exp.split(',')
                    .map(|e| format!("/{}/", e.trim().trim_matches('/')))
                    .collect()
            };
            Case { query, expected }
        })
        .collect()
}

fn top5(idx: &SearchIndex, q: &str) -> Vec<String> {
    idx.query(&SearchRequest {
        query: q.to_string(),
        limit: 5,
        ..Default::default()
    })
    .unwrap()
    .into_iter()
    .map(|h| h.url)
    .collect()
}

#[test]
fn relevance_suite_finds_the_expected_entries() {
    for lang in LANGUAGES {
        relevance_suite_in(lang);
    }
}

fn relevance_suite_in(lang: Option<&str>) {
    let idx = index_in(lang);
    let cases = cases_in(lang);
    let least = if lang.is_none() { 30 } else { 12 };
    assert!(
        cases.len() >= least,
        "the {lang:?} suite needs at least {least} queries"
    );
    let mut failed = Vec::new();
    for c in &cases {
        let got = top5(&idx, &c.query);
        let ok = if c.expected.is_empty() {
            got.is_empty()
        } else {
            c.expected.iter().any(|e| got.contains(e))
        };
        if !ok {
            failed.push(format!(
                "  {:?}: expected {:?}, got {:?}",
                c.query, c.expected, got
            ));
        }
    }
    let passed = cases.len() - failed.len();
    println!(
        "relevance {lang:?}: {passed}/{} queries passed\n{}",
        cases.len(),
        failed.join("\n")
    );
    assert!(
        failed.is_empty(),
        "every committed relevance query must pass ({lang:?}: {passed}/{}):\n{}",
        cases.len(),
        failed.join("\n")
    );
}

#[test]
fn every_expected_entry_exists() {
    for lang in LANGUAGES {
        let idx = index_in(lang);
        for c in cases_in(lang) {
            for e in &c.expected {
                assert!(
                    idx.docs.iter().any(|d| &d.url == e),
                    "relevance suite {lang:?}: {:?} expects {e}, which is not a document",
                    c.query
                );
            }
        }
    }
}

fn node_ready() -> Result<(), String> {
    Command::new("node")
        .arg("--version")
        .output()
        .map(|_| ())
        .map_err(|e| format!("node not found: {e}"))
}

/// Whether node can run the client; without it the test says so loudly, and fails in CI.
fn node_or_skip() -> bool {
    match node_ready() {
        Ok(()) => true,
        Err(why) if std::env::var_os("CI").is_some() => {
            panic!("parity test cannot run in CI: {why}")
        }
        Err(why) => {
            eprintln!("\n*** SEARCH PARITY TEST NOT RUN: {why} ***\n");
            false
        }
    }
}

/// The browser client's results (tests/js/parity.mjs) for `queries` on the site built in
/// `public`; `dir` holds the query file.
fn client_results(
    dir: &std::path::Path,
    public: &std::path::Path,
    queries: &[String],
) -> serde_json::Value {
    let qfile = dir.join("queries.json");
    std::fs::write(&qfile, serde_json::to_string(queries).unwrap()).unwrap();
    node_json("tests/js/parity.mjs", &[public, &qfile])
}

/// What a node script of the repository (`script`) prints, as JSON; fails on its errors.
fn node_json<T: serde::de::DeserializeOwned>(script: &str, args: &[&std::path::Path]) -> T {
    let out = Command::new("node")
        .arg(repo().join(script))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "node {script} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn browser_client_ranks_like_the_command_line() {
    if !node_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut opts = options();
    opts.out = dir.path().join("public");
    vejviser::build(&opts).expect("default site builds");
    let mut differ = Vec::new();
    for lang in LANGUAGES {
        differ.extend(parity_in(dir.path(), lang));
    }
    assert!(
        differ.is_empty(),
        "the browser client ranks differently from `vejviser search`:\n{}",
        differ.join("\n")
    );
}

/// Queries of one language's suite whose top 5 differ between the CLI and the client.
fn parity_in(dir: &std::path::Path, lang: Option<&str>) -> Vec<String> {
    let queries: Vec<String> = cases_in(lang).into_iter().map(|c| c.query).collect();
    assert!(queries.len() >= 12);
    let public = dir.join("public");
    let js = client_results(
        dir,
        &lang.map_or(public.clone(), |l| public.join(l)),
        &queries,
    );
    let idx = index_in(lang);
    let mut differ = Vec::new();
    for q in &queries {
        let rust = top5(&idx, q);
        let client: Vec<String> = js[q]["urls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u.as_str().unwrap().to_string())
            .collect();
        if js[q]["sameAsAll"] != serde_json::Value::Bool(true) {
            differ.push(format!(
                "  {q:?}: the client's first page differs from its full ranking"
            ));
        }
        if rust != client {
            differ.push(format!(
                "  {lang:?} {q:?}: cli {rust:?}\n  {:>w$}client {client:?}",
                "",
                w = q.len() + 3
            ));
        }
    }
    differ
}

#[test]
fn common_words_show_their_results_from_a_few_files_and_rank_alike() {
    if !node_or_skip() {
        return;
    }
    // A few words of the default site are in the 20 documents that give a term a file of
    // its head's rows; at 5, many are. The client must then show the same results (titles from
    // those files) from fewer files than one per result.
    let dir = tempfile::tempdir().unwrap();
    let mut opts = options();
    opts.out = dir.path().join("public");
    opts.search_shape.bundle_min_documents = 5;
    opts.search_shape.bundle_one_in = usize::MAX;
    vejviser::build(&opts).expect("default site builds");
    let bundles = std::fs::read_dir(dir.path().join("public/soeg"))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_string_lossy();
            name.starts_with('r') && name[1..].starts_with(|c: char| c.is_ascii_digit())
        })
        .count();
    assert!(bundles >= 20, "{bundles} files of head rows");
    let differ = parity_in(dir.path(), None);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    let queries: Vec<String> = ["vold", "krisecenter", "rådgivning"]
        .map(String::from)
        .to_vec();
    let js = client_results(dir.path(), &dir.path().join("public"), &queries);
    for q in &queries {
        let shown = js[q]["urls"].as_array().unwrap().len() as u64;
        let files = js[q]["rowFiles"].as_u64().unwrap();
        assert!(js[q]["bundles"].as_u64().unwrap() >= 1, "{q:?}: {}", js[q]);
        assert!(files < shown, "{q:?}: {files} files for {shown} results");
    }
}

#[test]
fn search_export_is_small_for_the_default_site() {
    let dir = tempfile::tempdir().unwrap();
    let mut opts = options();
    opts.out = dir.path().join("public");
    vejviser::build(&opts).expect("default site builds");
    let soeg = dir.path().join("public/soeg");
    let index = std::fs::metadata(soeg.join("index.json")).unwrap().len();
    // Uncompressed guard rails; the gzip figures are measured by bench/search.sh. Every
    // search downloads index.json: the vocabulary, postings, facets and titles live in
    // files fetched by the queries that need them.
    assert!(index < 20_000, "soeg/index.json is {index} bytes");
    let largest = std::fs::read_dir(&soeg)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name().to_string_lossy().starts_with('v'))
        .map(|e| e.metadata().unwrap().len())
        .max()
        .unwrap();
    assert!(largest < 20_000, "a vocabulary block is {largest} bytes");
}

/// A made-up word per number: four syllables, so every number gives a different word.
fn nonce_word(mut n: usize) -> String {
    const SYLLABLES: [&str; 10] = ["ka", "mo", "ri", "te", "lu", "sa", "ne", "po", "fi", "gu"];
    let mut w = String::new();
    for _ in 0..4 {
        w.push_str(SYLLABLES[n % 10]);
        n /= 10;
    }
    w
}

#[test]
fn a_large_vocabulary_ranks_alike_with_its_separators_inline_or_in_group_files() {
    if !node_or_skip() {
        return;
    }
    // Index.json carries the separators of a vocabulary up to 64 KB of them (10,000
    // realistic entries); past that they go to group files (`v<d>i<g>`) of 32 blocks each.
    // A budget of 0 sends the 6,000 words' separators there.
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    crate::common::copy_dir(&repo().join("tests/fixtures/minimal"), &site);
    // One word in seven is written with "ø" (folded "oe"): typed with "o" it is found by
    // its loose key, whose rows travel in the surface block that key falls in, not the
    // block of the word's own surface.
    let written = |n: usize| {
        let w = nonce_word(n);
        if n.is_multiple_of(7) {
            w.replacen('o', "ø", 1)
        } else {
            w
        }
    };
    for page in 0..60 {
        let words: Vec<String> = (0..100).map(|k| written(page * 100 + k)).collect();
        std::fs::write(
            site.join(format!("content/viden/side-{page:02}.md")),
            format!(
                "---\ntitle: \"Side {page} {}\"\nsummary: \"{}\"\nsource:\n  document: \"test.txt\"\nweight: {page}\n---\n\n{}\n",
                words[0],
                words[1],
                words.join(" ")
            ),
        )
        .unwrap();
    }
    let mut opts = BuildOptions::new(site.clone());
    opts.today = vejviser::date::Date::parse(crate::common::DEFAULT_SITE_TODAY);
    opts.out = dir.path().join("public");
    opts.search_shape.inline_separator_bytes = 0;
    vejviser::build(&opts).expect("the site builds");
    let soeg = dir.path().join("public/soeg");
    let groups = std::fs::read_dir(&soeg)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_string_lossy();
            name.starts_with("vsi") || name.starts_with("vfi")
        })
        .count();
    assert!(groups >= 4, "{groups} group files for 6,000 words");
    let queries: Vec<String> = vec![
        nonce_word(1234),
        nonce_word(4321),
        format!("{} {}", nonce_word(100), nonce_word(101)),
        nonce_word(5555)[..5].to_string(),
        // A typo: one letter changed.
        nonce_word(2468).replacen('a', "e", 1),
        nonce_word(777),
        // "kakamøri" typed without "ø", whole and as a prefix.
        nonce_word(2100),
        nonce_word(2100)[..7].to_string(),
    ];
    assert!(written(2100).contains('ø') && !nonce_word(2100).contains('ø'));
    let js = client_results(dir.path(), &dir.path().join("public"), &queries);
    let mut d = vejviser::diag::Diagnostics::new();
    let loaded = vejviser::load_site(&opts, &mut d).expect("the site loads");
    let idx = vejviser::search_index_in(&loaded, &opts, None, &mut d).expect("an index");
    for q in &queries {
        let rust = top5(&idx, q);
        assert!(!rust.is_empty(), "{q:?} finds nothing");
        let client: Vec<&str> = js[q]["urls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u.as_str().unwrap())
            .collect();
        assert_eq!(client, rust, "{q:?}: client and command line differ");
        assert_eq!(js[q]["sameAsAll"], serde_json::Value::Bool(true), "{q:?}");
    }
    // Within the default budget the same vocabulary's separators are all in index.json:
    // no group file, and the client ranks as before.
    opts.search_shape = Default::default();
    opts.out = dir.path().join("inline");
    vejviser::build(&opts).expect("the site builds");
    let soeg = dir.path().join("inline/soeg");
    for e in std::fs::read_dir(&soeg).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        assert!(
            !(name.starts_with('v') && name[2..].starts_with('i')),
            "{name}: a group file within the inline budget"
        );
    }
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(soeg.join("index.json")).unwrap()).unwrap();
    let inline = index["dictInline"]["s"]
        .as_array()
        .expect("separators inline");
    assert!(inline.len() >= 40, "{} separators", inline.len());
    let js_inline = client_results(dir.path(), &dir.path().join("inline"), &queries);
    for q in &queries {
        assert_eq!(
            js_inline[q]["urls"], js[q]["urls"],
            "{q:?}: inline and group files differ"
        );
    }
}

/// Word pairs for the edit distance test: words over Danish, Arabic and astral letters,
/// each paired with a copy changed by up to three insertions, deletions, substitutions or
/// transpositions (a fixed pseudo-random sequence), and the largest distance asked for.
fn edit_distance_pairs() -> Vec<(String, String, usize)> {
    const LETTERS: [char; 8] = ['a', 'b', 'e', 'æ', 'ø', 'å', 'ب', '𝒜'];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let mut pairs = Vec::new();
    for _ in 0..4000 {
        let a: Vec<char> = (0..next(13)).map(|_| LETTERS[next(8)]).collect();
        let mut b = a.clone();
        for _ in 0..next(4) {
            let at = next(b.len() + 1);
            match next(4) {
                0 => b.insert(at, LETTERS[next(8)]),
                1 if at < b.len() => {
                    b.remove(at);
                }
                2 if at < b.len() => b[at] = LETTERS[next(8)],
                3 if at + 1 < b.len() => b.swap(at, at + 1),
                _ => {}
            }
        }
        let max = next(4);
        pairs.push((a.into_iter().collect(), b.into_iter().collect(), max));
    }
    pairs
}

#[test]
fn browser_edit_distance_equals_the_command_lines() {
    // The client computes only the cells near the diagonal; the CLI the whole table. Typo
    // alternatives (and so rankings) agree only if every distance up to max does.
    if !node_or_skip() {
        return;
    }
    let pairs = edit_distance_pairs();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pairs.json");
    std::fs::write(&file, serde_json::to_string(&pairs).unwrap()).unwrap();
    let browser: Vec<i64> = node_json("tests/js/edit_distance.mjs", &[&file]);
    assert_eq!(browser.len(), pairs.len());
    let mut within = 0;
    for ((a, b, max), got) in pairs.iter().zip(browser) {
        let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let want =
            vejviser::search::analyze::edit_distance(&ac, &bc, *max).map_or(-1, |d| d as i64);
        assert_eq!(got, want, "editDistance({a:?}, {b:?}, {max})");
        within += usize::from(want > 0);
    }
    // Enough pairs at a distance from 1 to max for the comparison to mean something.
    assert!(within > pairs.len() / 5, "only {within} pairs within reach");
}
