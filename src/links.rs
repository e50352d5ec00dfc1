//! Validate the links of the rendered site: every internal link and poster QR path must
//! lead to a page or a generated file; links to drafts, relative links and removed unsafe
//! HTML are reported. A step of its own, after planning: the preview server plans a page
//! per request and must not re-check every link each time.

use crate::diag::{Diagnostic, Diagnostics};
use crate::entry::Entry;
use crate::entry::Section;
use crate::markdown::Rendered;
use crate::model::{LeftOut, Site};
use crate::render::{PageJob, Prepared, RenderOptions};
use crate::urls;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Each entry's link diagnostics from the last check, by entry path: `serve` checks again
/// only the entries whose Markdown changed, while the site's pages and left-out pages stay
/// the same (any change there checks every entry again).
#[derive(Default)]
pub struct LinkCache {
    /// A hash of the pages and left-out pages the entries were checked against.
    context: u64,
    by_path: rustc_hash::FxHashMap<String, CheckedEntry>,
}

struct CheckedEntry {
    entry: Arc<Entry>,
    rendered: Arc<Rendered>,
    diags: Vec<Diagnostic>,
}

impl LinkCache {
    pub fn new() -> Self {
        LinkCache::default()
    }
}

/// Check the links of the planned site: `jobs` are its pages, `opts.extra_paths` other
/// generated files (poster PDFs), `prepared.rendered` every entry's Markdown, in entry
/// order.
pub fn check(
    site: &Site,
    prepared: &Prepared,
    jobs: &[PageJob],
    opts: &RenderOptions,
    diags: &mut Diagnostics,
) {
    check_cached(site, prepared, jobs, opts, None, diags)
}

/// [`check`], reusing the diagnostics of entries that `cache` saw unchanged.
pub fn check_cached(
    site: &Site,
    prepared: &Prepared,
    jobs: &[PageJob],
    opts: &RenderOptions,
    cache: Option<&mut LinkCache>,
    diags: &mut Diagnostics,
) {
    let rendered: &[Arc<Rendered>] = &prepared.rendered;
    let mut pdfs: Vec<String> = Vec::new();
    for p in site.section(Section::Plakater) {
        if let Some(meta) = p.poster() {
            for sz in &meta.sizes {
                pdfs.push(urls::poster_pdf(&p.slug, sz.name()));
            }
        }
    }
    // Borrowed, not copied: at 10,000 entries the preview server checks on every edit.
    let known: HashSet<&str> = (jobs.iter().map(|j| j.out()))
        .chain(opts.extra_paths.iter().map(String::as_str))
        .chain(pdfs.iter().map(String::as_str))
        .collect();
    for p in site.section(Section::Plakater) {
        if let Some(q) = p.poster().and_then(|m| m.qr.as_ref()) {
            if !urls::dir_of_site_path(q).is_some_and(|d| known.contains(d.as_str())) {
                diags.push(
                    Diagnostic::error(
                        "poster-qr",
                        &p.path,
                        format!("qr: `{q}` er ikke en side på sitet, så QR-koden ville føre ingen steder hen"),
                    )
                    .at_line(p.line_of("qr"))
                    .hint(closest_page(q, &known)),
                );
            }
        }
    }
    let Some(cache) = cache else {
        for (e, r) in site.entries.iter().zip(rendered.iter()) {
            entry_links(site, e, r, &known, diags);
        }
        return;
    };
    let context = {
        let mut h = rustc_hash::FxHasher::default();
        for j in jobs {
            j.out().hash(&mut h);
        }
        (&opts.extra_paths, &pdfs).hash(&mut h);
        let mut drafts: Vec<&String> = site.draft_dirs.iter().collect();
        drafts.sort();
        let mut other: Vec<(&String, &Vec<String>)> = site.other_municipality.iter().collect();
        other.sort();
        (drafts, other).hash(&mut h);
        h.finish()
    };
    if cache.context != context {
        cache.context = context;
        cache.by_path.clear();
    }
    for (e, r) in site.entries.iter().zip(rendered.iter()) {
        match cache.by_path.get_mut(&e.path) {
            Some(c) if Arc::ptr_eq(&c.entry, e) && Arc::ptr_eq(&c.rendered, r) => {
                for d in &c.diags {
                    diags.push(d.clone());
                }
            }
            slot => {
                let mut d = Diagnostics::new();
                entry_links(site, e, r, &known, &mut d);
                let checked = CheckedEntry {
                    entry: e.clone(),
                    rendered: r.clone(),
                    diags: d.iter().cloned().collect(),
                };
                diags.extend(d);
                match slot {
                    Some(c) => *c = checked,
                    None => {
                        cache.by_path.insert(e.path.clone(), checked);
                    }
                }
            }
        }
    }
    // Entries deleted since.
    if cache.by_path.len() > site.entries.len() {
        let here: HashSet<&str> = site.entries.iter().map(|e| e.path.as_str()).collect();
        cache.by_path.retain(|p, _| here.contains(p.as_str()));
    }
}

/// The links of one entry's Markdown against the site's pages (`known`).
fn entry_links(
    site: &Site,
    e: &Entry,
    r: &Rendered,
    known: &HashSet<&str>,
    diags: &mut Diagnostics,
) {
    for l in &r.links {
        let dir = urls::dir_of_site_path(&l.target);
        if let Some((d, why)) = dir.as_ref().and_then(|d| Some((d, site.left_out(d)?))) {
            diags.push(left_out_link(why, &e.path, &l.target, d).at(l.line, None));
            continue;
        }
        let ok = dir.is_some_and(|d| known.contains(d.as_str()));
        if !ok {
            diags.push(
                Diagnostic::error(
                    "broken-link",
                    &e.path,
                    format!("linket `{}` peger på en side, der ikke findes", l.target),
                )
                .at(l.line, None)
                .hint(closest_page(&l.target, known)),
            );
        }
    }
    for l in &r.relative_links {
        let guess = format!(
            "/{}",
            l.target
                .trim_start_matches("./")
                .trim_start_matches("../")
                .trim_start_matches("../")
                .trim_end_matches(".md")
        );
        diags.push(
            Diagnostic::error(
                "relative-link",
                &e.path,
                format!(
                    "linket `{}` er relativt og peger forkert fra nogle sider",
                    l.target
                ),
            )
            .at(l.line, None)
            .hint(format!(
                "skriv stien fra sitets rod, fx `{}`",
                if guess.ends_with('/') {
                    guess
                } else {
                    format!("{guess}/")
                }
            )),
        );
    }
    if r.removed_unsafe {
        diags.push(
            Diagnostic::warning("unsafe-html", &e.path, "teksten indeholder HTML, der kan køre kode (script, onclick, javascript: …); det er fjernet")
                .at(e.body_line, None)
                .hint("skriv teksten i almindelig Markdown; indsat indhold fra Word kan have skjult kode med"),
        );
    }
}

/// A did-you-mean hint for a link target that is not a page.
fn closest_page(target: &str, known: &HashSet<&str>) -> String {
    let want = urls::dir_of_site_path(target).unwrap_or_default();
    let mut all: Vec<&str> = known.iter().copied().collect();
    all.sort();
    match crate::diag::closest(&want, all) {
        Some(k) => format!("mente du `/{k}`?"),
        None => "skriv stien som /sektion/slug/, fx /partnere/dialog-mod-vold/".into(),
    }
}

/// A link to a page that exists but is left out of this site: shown as plain text, with a
/// warning that says why.
fn left_out_link(why: LeftOut, path: &str, target: &str, dir: &str) -> Diagnostic {
    match why {
        LeftOut::Draft => Diagnostic::warning(
            "draft-link",
            path,
            format!("linket `{target}` peger på en kladde (draft: true) og vises som almindelig tekst"),
        )
        .hint(format!(
            "fjern `draft: true` i content/{}.md for at udgive siden, eller byg med --drafts",
            dir.trim_end_matches('/')
        )),
        LeftOut::Municipality(owners) => Diagnostic::warning(
            "other-municipality-link",
            path,
            format!(
                "linket `{target}` peger på en side, der hører til {}, og vises som almindelig tekst",
                owners.join(" og ")
            ),
        )
        .hint("fjern linket, eller flyt sætningen til et lokalt afsnit (`local:`) for den kommune"),
    }
}
