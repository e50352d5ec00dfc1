//! Render: `&Site` + `Theme` → `Vec<OutputFile>`, plus the plain text of every entry for
//! the search index. Markdown is rendered once per entry (in parallel); internal links are
//! checked against the set of pages the site will have. A template error names the
//! template, its line where Tera gives one, and the page being rendered.

use crate::context::{
    self, card_view, entry_view, site_view, CardView, EntryView, FacetValue, Link, SiteView,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::entry::{Entry, EntryKind, Section};
use crate::markdown;
use crate::model::Site;
use crate::theme::Theme;
use crate::urls;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

mod booklet;
mod embed;
mod entries;
mod help;
mod home;
mod practices;
mod sections;
mod tera_danish;

pub use crate::output::OutputFile;
pub use embed::EMBED_SIZES;

#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Inject the live-reload script (serve only).
    pub live_reload: bool,
    /// Extra output paths that exist (e.g. poster PDFs), for link checking.
    pub extra_paths: Vec<String>,
    /// What print produced per poster slug (files and sizes) in the language being
    /// planned, for poster pages and gallery.
    pub posters: BTreeMap<String, crate::print::PosterFiles>,
    /// Every language's posters, by language code and slug, for the links from a poster to
    /// its PDFs in the other languages.
    pub posters_by_language: BTreeMap<String, BTreeMap<String, crate::print::PosterFiles>>,
    /// The site's languages, for the language switch and `hreflang` alternates.
    pub languages: Languages,
}

/// The languages a site is published in, and which one the planned pages are in.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    /// The source language first; empty for a site in one language.
    pub all: Vec<LanguageInfo>,
    /// The language of the pages being planned.
    pub current: String,
    /// The site's root base path and URL: a language's pages live under `<root>/<code>/`.
    pub root_base_path: String,
    pub root_base_url: String,
}

#[derive(Debug, Clone)]
pub struct LanguageInfo {
    pub code: String,
    /// The language's name in itself ("English", "العربية", "Dansk").
    pub name: String,
    /// The output directories this language has; `None` for the source language (all).
    pub pages: Option<HashSet<String>>,
}

impl LanguageInfo {
    pub fn has(&self, dir: &str) -> bool {
        self.pages.as_ref().is_none_or(|p| p.contains(dir))
    }
    /// The path prefix of its pages: `` for the source language, `/en` for English.
    pub fn prefix(&self) -> String {
        match self.pages {
            None => String::new(),
            Some(_) => format!("/{}", self.code),
        }
    }
}

/// A link to the same page in another language.
#[derive(Debug, Clone, Serialize)]
struct Alternate {
    lang: String,
    name: String,
    url: String,
    absolute: String,
    current: bool,
}

impl Languages {
    fn alternates(&self, dir: &str) -> Vec<Alternate> {
        let alts: Vec<Alternate> = self
            .all
            .iter()
            .filter(|l| l.has(dir))
            .map(|l| Alternate {
                lang: l.code.clone(),
                name: l.name.clone(),
                url: urls::link(&format!("{}{}", self.root_base_path, l.prefix()), dir),
                absolute: urls::absolute(&format!("{}{}", self.root_base_url, l.prefix()), dir),
                current: l.code == self.current,
            })
            .collect();
        if alts.len() > 1 {
            alts
        } else {
            Vec::new()
        }
    }
}

/// A poster's preview and downloads, for templates.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PosterView {
    pub preview: Option<String>,
    pub files: Vec<Link>,
    pub draft: bool,
    /// What the poster prints, for the page's own printout.
    pub numbers: Vec<crate::print::PrintedNumber>,
    pub qr_svg: Option<String>,
    /// The poster's PDFs in the site's other languages that have it.
    pub languages: Vec<PosterLanguage>,
}

/// A poster's PDFs in another language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PosterLanguage {
    pub lang: String,
    /// The language's name in itself.
    pub name: String,
    pub files: Vec<Link>,
}

/// The download links of a poster's PDFs under `bp`; `pages`: the words for one page and
/// for several (`side`, `sider`).
fn pdf_links(bp: &str, f: &crate::print::PosterFiles, pages: &(String, String)) -> Vec<Link> {
    f.pdfs
        .iter()
        .map(|pdf| Link {
            label: format!(
                "{}, PDF, {} {}, {} kB",
                pdf.size,
                pdf.pages,
                if pdf.pages == 1 { &pages.0 } else { &pages.1 },
                pdf.bytes.div_ceil(1000)
            ),
            url: urls::link(bp, &pdf.path),
        })
        .collect()
}

/// A poster's view; `languages`: its PDFs in the other languages.
fn poster_view(
    bp: &str,
    files: Option<&crate::print::PosterFiles>,
    pages: &(String, String),
    languages: Vec<PosterLanguage>,
) -> PosterView {
    let Some(f) = files else {
        return PosterView {
            preview: None,
            files: Vec::new(),
            draft: false,
            numbers: Vec::new(),
            qr_svg: None,
            languages,
        };
    };
    PosterView {
        preview: f.preview.as_ref().map(|p| urls::link(bp, p)),
        files: pdf_links(bp, f, pages),
        draft: f.draft,
        numbers: f.numbers.clone(),
        qr_svg: f.qr_svg.clone(),
        languages,
    }
}

impl PageJob<'_> {
    /// Output directory (`praksis/x/`) or file (`404.html`) of the page.
    pub fn out(&self) -> &str {
        &self.out
    }
}

pub struct PageJob<'a> {
    /// Output directory (`praksis/x/`) or file (`404.html`).
    out: String,
    template: &'static str,
    ctx: Ctx<'a>,
    /// The entry being rendered, for diagnostics.
    source: Option<String>,
}

/// What every page's context holds.
struct Shared<'a> {
    site: &'a SiteView,
    strings: &'a BTreeMap<String, String>,
    assets: &'a BTreeMap<String, String>,
    base_path: &'a str,
    base_url: &'a str,
    live_reload: bool,
    per_page: usize,
    languages: &'a Languages,
}

impl<'a> Shared<'a> {
    fn ctx(&self, title: &str, dir: &str) -> Ctx<'a> {
        let mut ctx = Ctx::new();
        ctx.insert_ref("site", self.site);
        ctx.insert_ref("assets", self.assets);
        ctx.insert("page_title", title.to_string());
        ctx.insert("page_url", urls::link(self.base_path, dir));
        ctx.insert("canonical", urls::absolute(self.base_url, dir));
        ctx.insert("live_reload", self.live_reload);
        let alternates = self.languages.alternates(dir);
        if !alternates.is_empty() {
            ctx.insert("alternates", alternates);
        }
        ctx
    }
}

type Value<'a> = Box<dyn erased_serde::Serialize + Send + Sync + 'a>;

/// A template context whose values are serialised only when its page is rendered. Building
/// all contexts up front costs seconds and gigabytes at 10,000 entries (every list page
/// would hold a serialised copy of its items); this keeps references and cheap clones, and
/// each page's context lives only while that page renders.
struct Ctx<'a> {
    values: Vec<(&'static str, Value<'a>)>,
}

impl<'a> Ctx<'a> {
    fn new() -> Self {
        Ctx {
            values: Vec::with_capacity(12),
        }
    }
    /// Keep a reference to data that outlives the render (views, site, strings).
    fn insert_ref<T: Serialize + Sync + ?Sized>(&mut self, key: &'static str, value: &'a T) {
        self.values.push((key, Box::new(value)));
    }
    /// Keep an owned value (small things, or vectors of references).
    fn insert<T: Serialize + Send + Sync + 'a>(&mut self, key: &'static str, value: T) {
        self.values.push((key, Box::new(value)));
    }
    fn to_tera(&self) -> tera::Context {
        let mut ctx = tera::Context::new();
        for (k, v) in &self.values {
            ctx.insert(*k, &**v);
        }
        ctx
    }
}

pub fn build_tera(theme: &Theme, diags: &mut Diagnostics) -> Option<tera::Tera> {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html"]);
    // Tera's default also escapes `/`, which turns every URL into `&#x2F;` soup: valid, but
    // heavier pages and unreadable source. Escaping & < > " ' is what HTML needs.
    tera.set_escape_fn(crate::html::escape);
    let mut templates = Vec::new();
    for f in theme.under("templates/") {
        let name = f.path.trim_start_matches("templates/").to_string();
        let text = match String::from_utf8(f.bytes.clone()) {
            Ok(t) => t,
            Err(_) => {
                diags.push(Diagnostic::error(
                    "template-utf8",
                    &f.origin,
                    "skabelonen er ikke UTF-8",
                ));
                continue;
            }
        };
        templates.push((name, text, f.origin.clone()));
    }
    if let Err(e) =
        tera.add_raw_templates(templates.iter().map(|(n, t, _)| (n.as_str(), t.as_str())))
    {
        let (msg, line, col) = tera_error_detail(&e);
        // Tera names the failing template as `Failed to parse 'name'`.
        let origin = e
            .to_string()
            .split("'")
            .nth(1)
            .and_then(|name| templates.iter().find(|(n, _, _)| n == name))
            .map(|(_, _, o)| o.clone())
            .unwrap_or_else(|| "templates".to_string());
        let mut d = Diagnostic::error("template-syntax", origin, format!("skabelonfejl: {msg}"))
            .hint("ret syntaksen i skabelonen (Tera-syntaks: {{ … }} og {% … %})");
        if let Some(l) = line {
            d = d.at(l, col);
        }
        diags.push(d);
        return None;
    }
    Some(tera)
}

/// The message chain of a Tera error in Danish, and a line/column if it names one
/// (` --> 3:5`).
fn tera_error_detail(e: &tera::Error) -> (String, Option<usize>, Option<usize>) {
    let mut parts = vec![e.to_string()];
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        parts.push(s.to_string());
        src = s.source();
    }
    let all = parts.join(": ");
    let mut line = None;
    let mut col = None;
    if let Some(i) = all.find("--> ") {
        let rest = &all[i + 4..];
        let mut it = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        line = it.next().and_then(|s| s.parse().ok());
        col = it.next().and_then(|s| s.parse().ok());
    }
    let danish: Vec<String> = parts.iter().filter_map(|p| tera_danish::part(p)).collect();
    let msg = if danish.is_empty() {
        "Tera kunne ikke bruge skabelonen".to_string()
    } else {
        danish.join(": ")
    };
    (msg, line, col)
}

#[derive(Serialize, Clone)]
struct TermView {
    key: String,
    label: String,
    url: String,
    count: usize,
}

/// Links between the pages of a long list (`dir`, `dir/side/2/`, …).
#[derive(Serialize, Clone)]
struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: PagerLinks,
}

/// A link to every page of the list, made when the page is rendered: a list of n pages
/// would otherwise plan n² links.
#[derive(Clone)]
struct PagerLinks {
    base_path: String,
    dir: String,
    current: usize,
    total: usize,
}

impl Serialize for PagerLinks {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.total))?;
        for m in 1..=self.total {
            seq.serialize_element(&PagerLink {
                number: m,
                url: urls::link(&self.base_path, &urls::page_dir(&self.dir, m)),
                current: m == self.current,
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct PagerLink {
    number: usize,
    url: String,
    current: bool,
}

/// Split a list into pages of `per_page`: (output dir, page items, pager). A list that fits
/// on one page gets no pager, so small sites look exactly as before.
fn paginate<T: Clone>(
    items: &[T],
    dir: &str,
    per_page: usize,
    bp: &str,
) -> Vec<(String, Vec<T>, Option<Pager>)> {
    let per_page = per_page.max(1);
    let total = items.len().div_ceil(per_page).max(1);
    if total == 1 {
        return vec![(dir.to_string(), items.to_vec(), None)];
    }
    let link = |n: usize| urls::link(bp, &urls::page_dir(dir, n));
    (1..=total)
        .map(|n| {
            let chunk = items[(n - 1) * per_page..(n * per_page).min(items.len())].to_vec();
            let pager = Pager {
                current: n,
                total,
                prev: (n > 1).then(|| link(n - 1)),
                next: (n < total).then(|| link(n + 1)),
                pages: PagerLinks {
                    base_path: bp.to_string(),
                    dir: dir.to_string(),
                    current: n,
                    total,
                },
            };
            (urls::page_dir(dir, n), chunk, Some(pager))
        })
        .collect()
}

fn page_title(title: &str, pager: Option<&Pager>, page_word: &str) -> String {
    match pager {
        Some(p) if p.current > 1 => format!("{title} ({page_word} {} / {})", p.current, p.total),
        _ => title.to_string(),
    }
}

#[derive(Serialize, Clone)]
struct MatrixRow<'a> {
    entry: &'a CardView,
    cells: Vec<bool>,
}

/// What rendering needs besides the model: every entry's Markdown rendered once, and the
/// views templates get. Owns its data, so a preview server can keep it between requests;
/// each entry's parts are shared, so the next rebuild reuses those of unchanged entries.
pub struct Prepared {
    pub rendered: Vec<Arc<markdown::Rendered>>,
    views: Vec<Arc<EntryView>>,
    cards: Vec<Arc<CardView>>,
    sv: SiteView,
    asset_urls: BTreeMap<String, String>,
}

impl Prepared {
    /// Every entry's plain text, in entry order, for the search index (moved out where
    /// nothing else holds it, as in a build).
    pub fn into_texts(self) -> Vec<String> {
        (self.rendered.into_iter())
            .map(|r| Arc::try_unwrap(r).map_or_else(|r| r.text.clone(), |r| r.text))
            .collect()
    }
}

/// An entry's prepared parts, as the last rebuild made them.
struct PreparedEntry {
    /// The entry they were made from: the same `Arc` means the same entry (the load cache
    /// hands out the same one while its file is unchanged, and the cache keeps it alive).
    entry: Arc<Entry>,
    /// The entry a partner's `replaced_by` names: its title is in the view.
    replaced_by: Option<Arc<Entry>>,
    /// What the Markdown was rendered under: base path and hidden drafts.
    markdown_key: u64,
    rendered: Arc<markdown::Rendered>,
    view: Arc<EntryView>,
    card: Arc<CardView>,
}

/// Every entry's rendered Markdown and views by entry path; lets `serve` prepare only the
/// entries that changed.
#[derive(Default)]
pub struct PrepareCache {
    by_path: rustc_hash::FxHashMap<String, PreparedEntry>,
}

impl PrepareCache {
    pub fn new() -> Self {
        PrepareCache::default()
    }
}

/// An entry's Markdown: its body, then its paragraph for this site's municipality
/// (`local:`) under a heading, if it has one. Rendered as one, so its links are checked and
/// its words searched like the body's, with the lines of the front matter they stand on.
fn render_entry_markdown(
    site: &Site,
    local_heading: &str,
    e: &Entry,
    hidden: &HashSet<String>,
) -> markdown::Rendered {
    let bp = site.config.base_path.as_str();
    let mut r = markdown::render_hiding(&e.body, e.body_line, bp, hidden);
    let here = site.config.municipality_short();
    let ours = e
        .local
        .iter()
        .find(|l| crate::locality::same_municipality(&l.municipality, here));
    if let Some(l) = ours {
        let heading = local_heading.replace("{name}", &site.config.municipality.name);
        // Two lines (heading, blank) before the text, so its lines stay the file's.
        let text = format!("## {heading}\n\n{}", l.text);
        let local = markdown::render_hiding(&text, l.line.saturating_sub(2), bp, hidden);
        r.html.push_str(&local.html);
        r.text.push('\n');
        r.text.push_str(&local.text);
        r.links.extend(local.links);
        r.relative_links.extend(local.relative_links);
        r.removed_unsafe |= local.removed_unsafe;
    }
    r
}

/// A hash of what every entry's Markdown depends on besides the entry: the base path and
/// the set of hidden drafts (when it changes, links in every body may change).
fn markdown_key(site: &Site) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut dirs: Vec<&String> = site.draft_dirs.iter().collect();
    dirs.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&site.config.base_path, dirs).hash(&mut h);
    h.finish()
}

/// The entry a partner's `replaced_by` names, whose title its view shows.
fn replaced_by<'s>(site: &'s Site, e: &Entry) -> Option<&'s Arc<Entry>> {
    let slug = e.partner()?.replaced_by.as_ref()?;
    let i = site.index_of(Section::Partnere, slug)?;
    Some(&site.entries[i])
}

fn same_entry(a: Option<&Arc<Entry>>, b: Option<&Arc<Entry>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// Render every entry's Markdown and make its views. With a cache (`serve`), an entry that is
/// the same `Arc` as last time keeps its parts; only changed entries are rendered.
pub fn prepare(site: &Site, theme: &Theme, cache: Option<&mut PrepareCache>) -> Prepared {
    let c = &site.config;
    let bp = c.base_path.as_str();
    let strings = &theme.strings;
    let hidden = &site.draft_dirs;
    let local_heading = strings.get("local_heading").map_or("", String::as_str);
    let make = |e: &Arc<Entry>| {
        let rendered = Arc::new(render_entry_markdown(site, local_heading, e, hidden));
        let view = entry_view(site, strings, e);
        let card = Arc::new(card_view(&view));
        (rendered, Arc::new(view), card)
    };
    let parts: Vec<(Arc<markdown::Rendered>, Arc<EntryView>, Arc<CardView>)> = match cache {
        // 1. Markdown and views, in parallel, in entry order.
        None => site.entries.par_iter().map(make).collect(),
        Some(cache) => {
            let key = markdown_key(site);
            // (parts, whether they were made now)
            let made: Vec<_> = site
                .entries
                .par_iter()
                .map(|e| {
                    let replaced = replaced_by(site, e);
                    match cache.by_path.get(&e.path) {
                        Some(p) if Arc::ptr_eq(&p.entry, e) && p.markdown_key == key => {
                            if same_entry(p.replaced_by.as_ref(), replaced) {
                                ((p.rendered.clone(), p.view.clone(), p.card.clone()), false)
                            } else {
                                let v = entry_view(site, strings, e);
                                let card = Arc::new(card_view(&v));
                                ((p.rendered.clone(), Arc::new(v), card), true)
                            }
                        }
                        _ => (make(e), true),
                    }
                })
                .collect();
            // The cache is updated in place: an unchanged entry costs nothing here.
            for (e, ((rendered, view, card), fresh)) in site.entries.iter().zip(&made) {
                if *fresh {
                    cache.by_path.insert(
                        e.path.clone(),
                        PreparedEntry {
                            entry: e.clone(),
                            replaced_by: replaced_by(site, e).cloned(),
                            markdown_key: key,
                            rendered: rendered.clone(),
                            view: view.clone(),
                            card: card.clone(),
                        },
                    );
                }
            }
            if cache.by_path.len() > site.entries.len() {
                let here: HashSet<&str> = site.entries.iter().map(|e| e.path.as_str()).collect();
                cache.by_path.retain(|p, _| here.contains(p.as_str()));
            }
            made.into_iter().map(|(p, _)| p).collect()
        }
    };
    let mut rendered = Vec::with_capacity(parts.len());
    let mut views = Vec::with_capacity(parts.len());
    let mut cards = Vec::with_capacity(parts.len());
    for (r, v, card) in parts {
        rendered.push(r);
        views.push(v);
        cards.push(card);
    }
    // 2. What every page shows.
    let sv: SiteView = site_view(site, strings);
    let asset_urls: BTreeMap<String, String> = theme
        .assets
        .iter()
        .map(|(k, v)| (k.clone(), urls::link(bp, v)))
        .collect();

    Prepared {
        rendered,
        views,
        cards,
        sv,
        asset_urls,
    }
}

/// Every page the site will have, each with its (lazy) context, by page family.
pub fn plan<'a>(
    site: &'a Site,
    theme: &'a Theme,
    prepared: &'a Prepared,
    opts: &'a RenderOptions,
) -> Vec<PageJob<'a>> {
    let planner = Planner::new(site, theme, prepared, opts);
    // The families side by side (at 10,000 entries planning is tens of milliseconds, which
    // `serve` pays per edit); the jobs keep their order.
    let family = |f: &(dyn Fn(&mut Vec<PageJob<'a>>) + Sync)| {
        let mut jobs = Vec::new();
        f(&mut jobs);
        jobs
    };
    let (mut jobs, (lists, rest)) = rayon::join(
        || family(&|j| planner.entry_pages(j)),
        || {
            rayon::join(
                || family(&|j| planner.section_lists(j)),
                || {
                    family(&|j| {
                        planner.practice_pages(j);
                        planner.compare_page(j);
                        planner.booklet_page(j);
                        let audience_links = planner.help_pages(j);
                        planner.embed_pages(j, &audience_links);
                        planner.home_pages(j, audience_links);
                    })
                },
            )
        },
    );
    jobs.extend(lists);
    jobs.extend(rest);
    jobs
}

/// The own pages of entries `which` (indices into `site.entries`), planned as [`plan`] plans
/// them.
pub fn plan_entry_pages<'a>(
    site: &'a Site,
    theme: &'a Theme,
    prepared: &'a Prepared,
    opts: &'a RenderOptions,
    which: &[usize],
) -> Vec<PageJob<'a>> {
    let planner = Planner::new(site, theme, prepared, opts);
    (which.iter())
        .filter_map(|&i| planner.entry_page(i, &site.entries[i]))
        .collect()
}

/// At most this many entries are re-planned on their own before `serve` plans everything.
const MAX_CHANGED_PAGES: usize = 64;

/// Whether the pages planned from `old` still hold for `new`, except the own pages of the
/// entries returned (indices): `serve` then plans only those. That is so when the same
/// entries are in the same order and the changed ones differ only in their Markdown: every
/// other page shows an entry through its card, its view or its front matter, which must
/// serialize the same, as must what every page shows. Advice (shown on help pages), posters
/// and practices while the booklet is built are re-planned in full. The caller makes sure
/// the config, theme and languages are the same. `None`: plan everything.
pub fn changed_entry_pages(old: (&Site, &Prepared), new: (&Site, &Prepared)) -> Option<Vec<usize>> {
    let ((os, op), (ns, np)) = (old, new);
    if os.entries.len() != ns.entries.len()
        || os.draft_dirs != ns.draft_dirs
        || os.other_municipality != ns.other_municipality
        || op.asset_urls != np.asset_urls
    {
        return None;
    }
    let json = |v: &dyn erased_serde::Serialize| serde_json::to_string(v).ok();
    let mut changed = Vec::new();
    for (i, (a, b)) in os.entries.iter().zip(&ns.entries).enumerate() {
        if Arc::ptr_eq(a, b) {
            continue;
        }
        let own_page_only = a.path == b.path
            && matches!(
                b.section,
                Section::Praksis | Section::Partnere | Section::Viden | Section::Kvalitetsstandard
            )
            && !(b.section == Section::Praksis && crate::print::booklet::wanted(ns))
            && json(&**a) == json(&**b)
            && json(&*op.views[i]) == json(&*np.views[i])
            && json(&*op.cards[i]) == json(&*np.cards[i]);
        if !own_page_only || changed.len() == MAX_CHANGED_PAGES {
            return None;
        }
        changed.push(i);
    }
    (json(&op.sv) == json(&np.sv)).then_some(changed)
}

/// What every page family needs: the model, the prepared views and the shared context.
struct Planner<'a> {
    site: &'a Site,
    bp: &'a str,
    strings: &'a BTreeMap<String, String>,
    rendered: &'a [Arc<markdown::Rendered>],
    views: &'a [Arc<EntryView>],
    cards: &'a [Arc<CardView>],
    opts: &'a RenderOptions,
    /// Entries are unique by (section, slug) once the model is built.
    idx_of: HashMap<(Section, &'a str), usize>,
    shared: Shared<'a>,
    poster_pages: (String, String),
}

impl<'a> Planner<'a> {
    fn new(
        site: &'a Site,
        theme: &'a Theme,
        prepared: &'a Prepared,
        opts: &'a RenderOptions,
    ) -> Self {
        let c = &site.config;
        let strings = &theme.strings;
        let s = |k: &str| strings.get(k).cloned().unwrap_or_else(|| k.to_string());
        Planner {
            site,
            bp: c.base_path.as_str(),
            strings,
            rendered: &prepared.rendered,
            views: &prepared.views,
            cards: &prepared.cards,
            opts,
            idx_of: site
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| ((e.section, e.slug.as_str()), i))
                .collect(),
            shared: Shared {
                site: &prepared.sv,
                strings,
                assets: &prepared.asset_urls,
                base_path: c.base_path.as_str(),
                base_url: &c.base_url,
                live_reload: opts.live_reload,
                per_page: c.paginate,
                languages: &opts.languages,
            },
            poster_pages: (s("poster_pages_one"), s("poster_pages_many")),
        }
    }
    /// A poster's view in the language being planned, with its PDFs in the others.
    fn poster_view_of(&self, slug: &str) -> PosterView {
        let langs = &self.opts.languages;
        // A poster shown in Danish in another language (not translated) has its Danish
        // PDFs as its own downloads already.
        let own = |code: &str| {
            self.opts
                .posters_by_language
                .get(code)
                .is_some_and(|m| m.contains_key(slug))
        };
        let translated_here = own(&langs.current);
        let others = langs
            .all
            .iter()
            .filter(|l| l.code != langs.current)
            .filter(|l| translated_here || l.pages.is_some())
            .filter_map(|l| {
                let f = self.opts.posters_by_language.get(&l.code)?.get(slug)?;
                let bp = format!("{}{}", langs.root_base_path, l.prefix());
                Some(PosterLanguage {
                    lang: l.code.clone(),
                    name: l.name.clone(),
                    files: pdf_links(&bp, f, &self.poster_pages),
                })
            })
            .collect();
        poster_view(
            self.bp,
            self.opts.posters.get(slug),
            &self.poster_pages,
            others,
        )
    }
    fn view_of(&self, e: &'a Entry) -> &'a EntryView {
        &self.views[self.idx_of[&(e.section, e.slug.as_str())]]
    }
    fn card_of(&self, e: &'a Entry) -> &'a CardView {
        &self.cards[self.idx_of[&(e.section, e.slug.as_str())]]
    }
    fn s(&self, k: &str) -> String {
        self.strings
            .get(k)
            .cloned()
            .unwrap_or_else(|| k.to_string())
    }
    /// The overviews of the practices: by focus area, by municipality, the criteria matrix.
    fn practice_overviews(&self) -> [Link; 3] {
        let link = |key: &str, dir: String| Link {
            label: self.s(key),
            url: urls::link(self.bp, &dir),
        };
        [
            link("browse_focus_areas", urls::focus_areas_dir()),
            link("browse_municipalities", urls::municipalities_dir()),
            link("browse_criteria", urls::criteria_matrix_dir()),
        ]
    }
}

fn output_path(out: &str) -> String {
    if out.is_empty() {
        "index.html".to_string()
    } else if out.ends_with('/') {
        format!("{out}index.html")
    } else {
        out.to_string()
    }
}

fn render_job(job: &PageJob, tera: &tera::Tera, theme: &Theme) -> Result<OutputFile, Diagnostic> {
    let mut ctx = job.ctx.to_tera();
    ctx.insert("t", theme.strings_for(job.template));
    tera.render(job.template, &ctx)
        .map(|html| OutputFile {
            path: output_path(&job.out),
            bytes: html.into_bytes(),
        })
        .map_err(|e| {
            let (msg, line, _) = tera_error_detail(&e);
            let origin = theme
                .file(&format!("templates/{}", job.template))
                .map(|f| f.origin.clone())
                .unwrap_or_else(|| job.template.to_string());
            let page = job
                .source
                .clone()
                .unwrap_or_else(|| format!("/{}", job.out));
            Diagnostic::error(
                "template-render",
                origin,
                format!("kunne ikke bygge siden {page}: {msg}"),
            )
            .at_line(line)
            .hint("tjek variablerne i skabelonen; se docs/themes.md for, hvad hver skabelon får")
        })
}

/// The planned pages with an index by output path, so the preview server can keep the plan
/// between requests and find a page without a search.
#[derive(yoke::Yokeable)]
pub struct Plan<'a> {
    jobs: Vec<PageJob<'a>>,
    by_path: HashMap<String, usize>,
}

impl<'a> Plan<'a> {
    pub fn new(jobs: Vec<PageJob<'a>>) -> Self {
        let mut by_path = HashMap::with_capacity(jobs.len());
        for (i, j) in jobs.iter().enumerate() {
            by_path.entry(output_path(&j.out)).or_insert(i);
        }
        Plan { jobs, by_path }
    }

    pub fn jobs(&self) -> &[PageJob<'a>] {
        &self.jobs
    }

    /// Render the one page written at `path` (`praksis/x/index.html`).
    pub fn render_page(
        &self,
        tera: &tera::Tera,
        theme: &Theme,
        path: &str,
    ) -> Option<Result<OutputFile, Diagnostic>> {
        let job = &self.jobs[*self.by_path.get(path)?];
        Some(render_job(job, tera, theme))
    }
}

/// Render every planned page in parallel, plus sitemap.xml and robots.txt, into `sink` as
/// each page is done (a page's HTML lives only until it is written).
/// One `<url>` of sitemap.xml, with the same page in the site's other languages.
#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    alternates: Vec<Alternate>,
}

pub fn execute(
    site: &Site,
    theme: &Theme,
    tera: &tera::Tera,
    jobs: Vec<PageJob>,
    sink: &dyn crate::output::Sink,
    diags: &mut Diagnostics,
    languages: &Languages,
) {
    let c = &site.config;
    let sv = site_view(site, &theme.strings);
    // Every page in every language, each with its alternates.
    let mut page_urls: Vec<SitemapUrl> = Vec::new();
    // The embeddable boxes are parts of other sites' pages, not pages of their own.
    let in_sitemap = |j: &&PageJob| {
        j.out != "404.html" && j.template != "embed.html" && !j.out.ends_with(".htaccess")
    };
    for j in jobs.iter().filter(in_sitemap) {
        let alternates = languages.alternates(&j.out);
        for a in alternates.iter().filter(|a| !a.current) {
            page_urls.push(SitemapUrl {
                loc: a.absolute.clone(),
                alternates: alternates.clone(),
            });
        }
        page_urls.push(SitemapUrl {
            loc: urls::absolute(&c.base_url, &j.out),
            alternates,
        });
    }
    page_urls.sort_by(|a, b| a.loc.cmp(&b.loc));
    render_pages(theme, tera, jobs, sink, diags);
    // sitemap.xml and robots.txt from the same page list.
    let mut ctx = tera::Context::new();
    ctx.insert("has_alternates", &!languages.all.is_empty());
    ctx.insert("urls", &page_urls);
    ctx.insert("site", &sv);
    ctx.insert("sitemap_url", &urls::absolute(&c.base_url, "sitemap.xml"));
    for (tpl, out) in [("sitemap.xml", "sitemap.xml"), ("robots.txt", "robots.txt")] {
        match tera.render(tpl, &ctx) {
            Ok(s) => sink.put(OutputFile {
                path: out.into(),
                bytes: s.into_bytes(),
            }),
            Err(e) => {
                let (msg, line, _) = tera_error_detail(&e);
                diags.push(
                    Diagnostic::error("template-render", format!("templates/{tpl}"), msg)
                        .at_line(line),
                );
            }
        }
    }
}

/// Render planned pages into `sink` (a language's pages have no sitemap of their own).
pub fn render_pages(
    theme: &Theme,
    tera: &tera::Tera,
    jobs: Vec<PageJob>,
    sink: &dyn crate::output::Sink,
    diags: &mut Diagnostics,
) {
    // Errors are collected in job order, so the report is deterministic.
    let errors: Vec<Diagnostic> = jobs
        .into_par_iter()
        .filter_map(|job| match render_job(&job, tera, theme) {
            Ok(f) => {
                sink.put(f);
                None
            }
            Err(d) => Some(d),
        })
        .collect();
    for d in errors {
        diags.push(d);
    }
}
