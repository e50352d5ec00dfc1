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

pub use crate::output::OutputFile;

#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Inject the live-reload script (serve only).
    pub live_reload: bool,
    /// Extra output paths that exist (e.g. poster PDFs), for link checking.
    pub extra_paths: Vec<String>,
    /// What print produced per poster slug (files and sizes), for poster pages and gallery.
    pub posters: BTreeMap<String, crate::print::PosterFiles>,
}

/// The choices of the practice list's filters: only values some listed practice has.
#[derive(Serialize)]
struct PracticeFilters {
    focus_areas: Vec<FacetValue>,
    target_groups: Vec<FacetValue>,
    municipalities: Vec<FacetValue>,
    offers: Vec<FacetValue>,
}

fn practice_filters(site: &Site, items: &[&CardView]) -> PracticeFilters {
    let c = &site.config;
    let used = |labels: &crate::config::Labels, keys: &dyn Fn(&CardView) -> Vec<String>| {
        let present: HashSet<String> = items.iter().flat_map(|i| keys(i)).collect();
        labels
            .0
            .iter()
            .filter(|(k, _)| present.contains(k))
            .map(|(k, l)| FacetValue {
                key: k.clone(),
                label: l.clone(),
                url: None,
            })
            .collect::<Vec<_>>()
    };
    let mut municipalities: Vec<FacetValue> = items
        .iter()
        .flat_map(|i| i.municipalities.iter().cloned())
        .collect();
    municipalities.sort_by(|a, b| a.label.cmp(&b.label));
    municipalities.dedup_by(|a, b| a.key == b.key);
    PracticeFilters {
        focus_areas: used(&c.focus_areas, &|i| {
            i.focus_area.iter().map(|f| f.key.clone()).collect()
        }),
        target_groups: used(&c.target_groups, &|i| i.target_groups.clone()),
        municipalities,
        offers: used(&c.offers, &|i| i.offers.clone()),
    }
}

/// A block of advice on a help page.
#[derive(Serialize)]
struct GuidanceView<'a> {
    title: &'a str,
    html: &'a str,
    /// The closing "Kilder" section, shown folded so advice stays short on a phone.
    sources: &'a str,
}

/// Split rendered advice at its closing `### Kilder` heading: (advice, the list after it).
fn split_sources(html: &str) -> (&str, &str) {
    const END: &str = ">Kilder</h3>";
    let Some(end) = html.rfind(END) else {
        return (html, "");
    };
    match html[..end].rfind("<h3") {
        Some(start) => (&html[..start], &html[end + END.len()..]),
        None => (html, ""),
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
}

/// `pages`: the words for one page and for several (`side`, `sider`).
fn poster_view(
    bp: &str,
    files: Option<&crate::print::PosterFiles>,
    pages: &(String, String),
) -> PosterView {
    let Some(f) = files else {
        return PosterView {
            preview: None,
            files: Vec::new(),
            draft: false,
            numbers: Vec::new(),
            qr_svg: None,
        };
    };
    PosterView {
        preview: f.preview.as_ref().map(|p| urls::link(bp, p)),
        files: f
            .pdfs
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
            .collect(),
        draft: f.draft,
        numbers: f.numbers.clone(),
        qr_svg: f.qr_svg.clone(),
    }
}

impl PageJob<'_> {
    /// Output directory (`praksis/x/`) or file (`404.html`) of the page.
    pub fn out(&self) -> &str {
        &self.out
    }
}

/// The sizes of the embeddable box: name (its folder), width and height in CSS pixels.
pub const EMBED_SIZES: [(&str, u32, u32); 3] = [
    ("lille", 300, 340),
    ("mellem", 300, 620),
    ("stor", 600, 560),
];

/// A focus area of the print page of all practices.
#[derive(Serialize)]
struct BookletArea<'a> {
    number: String,
    label: String,
    practices: Vec<BookletPractice<'a>>,
}

#[derive(Serialize)]
struct BookletPractice<'a> {
    entry: &'a EntryView,
    example: u32,
    content: String,
}

/// One size of the embeddable box, for the web team's page.
#[derive(Serialize)]
struct EmbedBox {
    size: &'static str,
    label: String,
    snippet: String,
    url: String,
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
        let origin = msg
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

/// The full message chain of a Tera error, and a line/column if it names one (` --> 3:5`).
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
    let msg = all.split_whitespace().collect::<Vec<_>>().join(" ");
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
    pages: Vec<PagerLink>,
}

#[derive(Serialize, Clone)]
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
                pages: (1..=total)
                    .map(|m| PagerLink {
                        number: m,
                        url: link(m),
                        current: m == n,
                    })
                    .collect(),
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
/// views templates get. Owns its data, so a preview server can keep it between requests.
pub struct Prepared {
    pub rendered: Vec<markdown::Rendered>,
    views: Vec<EntryView>,
    cards: Vec<CardView>,
    sv: SiteView,
    asset_urls: BTreeMap<String, String>,
}

/// Rendered Markdown by entry path, with a hash of what it was rendered from; lets `serve`
/// re-render only the entries that changed.
pub type MarkdownCache = HashMap<String, (u64, markdown::Rendered)>;

fn markdown_key(e: &Entry, base_path: &str, drafts: u64) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&e.body, e.body_line, base_path, drafts).hash(&mut h);
    h.finish()
}

/// A hash of the set of hidden drafts: when it changes, links in every body may change.
fn drafts_key(site: &Site) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut dirs: Vec<&String> = site.draft_dirs.iter().collect();
    dirs.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    dirs.hash(&mut h);
    h.finish()
}

pub fn prepare(site: &Site, theme: &Theme, cache: Option<&mut MarkdownCache>) -> Prepared {
    let c = &site.config;
    let bp = c.base_path.as_str();
    let strings = &theme.strings;
    // 1. Markdown, in parallel, in entry order (from the cache where unchanged).
    let hidden = &site.draft_dirs;
    let drafts = drafts_key(site);
    let rendered: Vec<markdown::Rendered> = match cache {
        None => site
            .entries
            .par_iter()
            .map(|e| markdown::render_hiding(&e.body, e.body_line, bp, hidden))
            .collect(),
        Some(cache) => {
            let out: Vec<(u64, markdown::Rendered)> = site
                .entries
                .par_iter()
                .map(|e| {
                    let key = markdown_key(e, bp, drafts);
                    match cache.get(&e.path) {
                        Some((k, r)) if *k == key => (key, r.clone()),
                        _ => (
                            key,
                            markdown::render_hiding(&e.body, e.body_line, bp, hidden),
                        ),
                    }
                })
                .collect();
            cache.clear();
            for (e, (k, r)) in site.entries.iter().zip(&out) {
                cache.insert(e.path.clone(), (*k, r.clone()));
            }
            out.into_iter().map(|(_, r)| r).collect()
        }
    };
    // 2. Views.
    let views: Vec<EntryView> = site
        .entries
        .iter()
        .map(|e| entry_view(site, strings, e))
        .collect();
    let cards: Vec<CardView> = views.iter().map(card_view).collect();
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
    let mut jobs = Vec::new();
    planner.entry_pages(&mut jobs);
    planner.section_lists(&mut jobs);
    planner.practice_pages(&mut jobs);
    planner.compare_page(&mut jobs);
    planner.booklet_page(&mut jobs);
    let audience_links = planner.help_pages(&mut jobs);
    planner.embed_pages(&mut jobs, &audience_links);
    planner.home_pages(&mut jobs, audience_links);
    jobs
}

/// What every page family needs: the model, the prepared views and the shared context.
struct Planner<'a> {
    site: &'a Site,
    bp: &'a str,
    strings: &'a BTreeMap<String, String>,
    rendered: &'a [markdown::Rendered],
    views: &'a [EntryView],
    cards: &'a [CardView],
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
            },
            poster_pages: (s("poster_pages_one"), s("poster_pages_many")),
        }
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

    /// Every entry's own page.
    fn entry_pages(&self, jobs: &mut Vec<PageJob<'a>>) {
        let site = self.site;
        let bp = self.bp;
        let rendered = self.rendered;
        let views = self.views;
        let cards = self.cards;
        let opts = self.opts;
        let idx_of = &self.idx_of;
        let card_of = |e: &'a Entry| -> &'a CardView { self.card_of(e) };
        let base_ctx = |title: &str, dir: &str| self.shared.ctx(title, dir);
        let poster_pages = &self.poster_pages;
        // Entry pages.
        for (i, e) in site.entries.iter().enumerate() {
            if !e.section.has_pages() {
                continue;
            }
            let dir = urls::entry_dir(e.section, &e.slug);
            let mut ctx = base_ctx(&e.title, &dir);
            ctx.insert_ref("entry", &views[i]);
            ctx.insert_ref("content", rendered[i].html.as_str());
            ctx.insert_ref("description", e.summary.as_str());
            let template = match &e.kind {
                EntryKind::Practice(p) => {
                    let partners: Vec<&CardView> = p
                        .partners
                        .iter()
                        .filter_map(|sl| {
                            idx_of
                                .get(&(Section::Partnere, sl.as_str()))
                                .map(|i| &cards[*i])
                        })
                        .collect();
                    ctx.insert("partners", partners);
                    "practice.html"
                }
                EntryKind::Partner(p) => {
                    let country = self.s("jsonld_country");
                    let ld = crate::jsonld::partner(&site.config, e, p, &country);
                    ctx.insert("jsonld", ld.as_ref().map(crate::jsonld::to_script_text));
                    let used_by: Vec<&CardView> = site
                        .section(Section::Praksis)
                        .filter(|x| x.practice().is_some_and(|p| p.partners.contains(&e.slug)))
                        .map(card_of)
                        .collect();
                    ctx.insert("practices", used_by);
                    "partner.html"
                }
                // Advice has no page of its own (skipped above); it is read on its help page.
                EntryKind::Guidance(_) => continue,
                EntryKind::Knowledge(_) | EntryKind::Standard => {
                    let related: Vec<&CardView> = e
                        .knowledge()
                        .map(|k| {
                            k.related
                                .iter()
                                .filter_map(|r| site.get_ref(r))
                                .map(card_of)
                                .collect()
                        })
                        .unwrap_or_default();
                    ctx.insert("related", related);
                    let siblings: Vec<&CardView> = site.section(e.section).map(card_of).collect();
                    ctx.insert("siblings", siblings);
                    "page.html"
                }
                EntryKind::Poster(p) => {
                    ctx.insert_ref("poster", p);
                    let view = poster_view(bp, opts.posters.get(&e.slug), poster_pages);
                    let files: Vec<Link> = if view.files.is_empty() {
                        p.sizes
                            .iter()
                            .map(|sz| Link {
                                label: sz.name().to_string(),
                                url: urls::link(bp, &urls::poster_pdf(&e.slug, sz.name())),
                            })
                            .collect()
                    } else {
                        view.files.clone()
                    };
                    ctx.insert("pdfs", files);
                    ctx.insert("print", view);
                    "poster.html"
                }
            };
            jobs.push(PageJob {
                out: dir,
                template,
                ctx,
                source: Some(e.path.clone()),
            });
        }
    }

    /// The list page of every section (paginated; the practices grouped by focus area).
    fn section_lists(&self, jobs: &mut Vec<PageJob<'a>>) {
        let site = self.site;
        let c = &self.site.config;
        let bp = self.bp;
        let strings = self.strings;
        let opts = self.opts;
        let view_of = |e: &'a Entry| -> &'a EntryView { self.view_of(e) };
        let card_of = |e: &'a Entry| -> &'a CardView { self.card_of(e) };
        let base_ctx = |title: &str, dir: &str| self.shared.ctx(title, dir);
        let s = |k: &str| self.s(k);
        let poster_pages = &self.poster_pages;
        // Section lists.
        for sec in Section::ALL {
            let items: Vec<&CardView> = site.section(sec).map(card_of).collect();
            if items.is_empty() || !sec.has_pages() {
                continue;
            }
            let label = context::section_label(c, strings, sec);
            let pages = if sec == Section::Partnere {
                vec![(urls::section_dir(sec), items.clone(), None)]
            } else {
                paginate(&items, &urls::section_dir(sec), c.paginate, bp)
            };
            for (dir, items, pager) in pages {
                let title = page_title(&label, pager.as_ref(), &s("page"));
                let mut ctx = base_ctx(&title, &dir);
                ctx.insert("section", sec);
                ctx.insert("pager", pager);
                if sec == Section::Partnere {
                    // Partner lists show contact details: they need the full view (and are short).
                    let full: Vec<&EntryView> = site.section(sec).map(view_of).collect();
                    ctx.insert("items", full);
                } else {
                    if sec == Section::Plakater {
                        let gallery: BTreeMap<&str, PosterView> = items
                            .iter()
                            .map(|i| {
                                let pv = poster_view(bp, opts.posters.get(&i.slug), poster_pages);
                                (i.slug.as_str(), pv)
                            })
                            .collect();
                        ctx.insert("posters", gallery);
                    }
                    ctx.insert("items", items.clone());
                }
                ctx.insert("intro", s(&format!("section_{}_intro", sec.dir())));
                if sec == Section::Praksis {
                    let groups: Vec<(FacetValue, Vec<&CardView>)> = c
                        .focus_areas
                        .keys()
                        .map(|fa| {
                            let v: Vec<&CardView> = items
                                .iter()
                                .copied()
                                .filter(|x| x.focus_area.as_ref().is_some_and(|f| f.key == fa))
                                .collect();
                            (
                                FacetValue {
                                    key: fa.to_string(),
                                    label: c.focus_areas.get(fa).unwrap_or(fa).to_string(),
                                    url: Some(urls::link(bp, &urls::focus_area_dir(fa))),
                                },
                                v,
                            )
                        })
                        .filter(|(_, v)| !v.is_empty())
                        .collect();
                    ctx.insert("groups", groups);
                    ctx.insert("filters", practice_filters(site, &items));
                    ctx.insert("compare_url", urls::link(bp, &urls::compare_dir()));
                    let mut browse = self.practice_overviews().to_vec();
                    browse.push(Link {
                        label: s("browse_target_groups"),
                        url: urls::link(bp, &urls::target_groups_dir()),
                    });
                    if crate::print::booklet::wanted(site) {
                        browse.push(Link {
                            label: s("booklet_browse"),
                            url: urls::link(bp, &urls::booklet_dir()),
                        });
                    }
                    ctx.insert("browse", browse);
                }
                jobs.push(PageJob {
                    out: dir,
                    // The poster list is a gallery of previews and downloads.
                    template: if sec == Section::Plakater {
                        "posters.html"
                    } else {
                        "section.html"
                    },
                    ctx,
                    source: None,
                });
            }
        }
    }

    /// The practices by focus area, municipality, target group and quality criterion, and the criteria matrix.
    fn practice_pages(&self, jobs: &mut Vec<PageJob<'a>>) {
        let site = self.site;
        let c = &self.site.config;
        let bp = self.bp;
        let card_of = |e: &'a Entry| -> &'a CardView { self.card_of(e) };
        let base_ctx = |title: &str, dir: &str| self.shared.ctx(title, dir);
        let s = |k: &str| self.s(k);
        // Practice taxonomies.
        let practices: Vec<(&Entry, &crate::entry::PracticeMeta, &CardView)> = site
            .section(Section::Praksis)
            .filter_map(|e| e.practice().map(|p| (e, p, card_of(e))))
            .collect();
        #[allow(clippy::type_complexity)]
        fn taxonomy<'a>(
            shared: &Shared<'a>,
            index_dir: String,
            index_title: String,
            intro: String,
            terms: Vec<(String, String, String, Vec<&'a CardView>)>,
            jobs: &mut Vec<PageJob<'a>>,
        ) {
            let bp = shared.base_path;
            let per_page = shared.per_page;
            let page_word = shared.strings.get("page").cloned().unwrap_or_default();
            let term_views: Vec<TermView> = terms
                .iter()
                .filter(|t| !t.3.is_empty())
                .map(|(k, l, d, v)| TermView {
                    key: k.clone(),
                    label: l.clone(),
                    url: urls::link(bp, d),
                    count: v.len(),
                })
                .collect();
            let mut ctx = shared.ctx(&index_title, &index_dir);
            ctx.insert("terms", term_views);
            ctx.insert("intro", intro);
            jobs.push(PageJob {
                out: index_dir.clone(),
                template: "taxonomy_list.html",
                ctx,
                source: None,
            });
            for (_k, label, dir, items) in terms {
                if items.is_empty() {
                    continue;
                }
                for (dir, items, pager) in paginate(&items, &dir, per_page, bp) {
                    let title = page_title(&label, pager.as_ref(), &page_word);
                    let mut ctx = shared.ctx(&title, &dir);
                    ctx.insert("items", items);
                    ctx.insert("pager", pager);
                    ctx.insert(
                        "parent",
                        Link {
                            label: index_title.clone(),
                            url: urls::link(bp, &index_dir),
                        },
                    );
                    jobs.push(PageJob {
                        out: dir,
                        template: "taxonomy_term.html",
                        ctx,
                        source: None,
                    });
                }
            }
        }
        let fa_terms = c
            .focus_areas
            .0
            .iter()
            .map(|(k, l)| {
                let v = practices
                    .iter()
                    .filter(|(_, p, _)| p.focus_area.to_string() == *k)
                    .map(|(_, _, v)| *v)
                    .collect();
                (
                    k.clone(),
                    format!("{} {k}: {l}", s("focus_area")),
                    urls::focus_area_dir(k),
                    v,
                )
            })
            .collect();
        taxonomy(
            &self.shared,
            urls::focus_areas_dir(),
            s("browse_focus_areas"),
            s("focus_areas_intro"),
            fa_terms,
            jobs,
        );
        let mut munis: BTreeMap<String, (String, Vec<&CardView>)> = BTreeMap::new();
        for (_, p, v) in &practices {
            for m in &p.municipalities {
                munis
                    .entry(crate::slug::slugify(m))
                    .or_insert_with(|| (m.clone(), Vec::new()))
                    .1
                    .push(*v);
            }
        }
        let muni_terms = munis
            .into_iter()
            .map(|(k, (label, v))| (k.clone(), label, urls::municipality_dir(&k), v))
            .collect();
        taxonomy(
            &self.shared,
            urls::municipalities_dir(),
            s("browse_municipalities"),
            s("municipalities_intro"),
            muni_terms,
            jobs,
        );
        let tg_terms = c
            .target_groups
            .0
            .iter()
            .map(|(k, l)| {
                let v = practices
                    .iter()
                    .filter(|(_, p, _)| p.target_groups.contains(k))
                    .map(|(_, _, v)| *v)
                    .collect();
                (k.clone(), l.clone(), urls::target_group_dir(k), v)
            })
            .collect();
        taxonomy(
            &self.shared,
            urls::target_groups_dir(),
            s("browse_target_groups"),
            s("target_groups_intro"),
            tg_terms,
            jobs,
        );
        // Criteria: each criterion's page, and the matrix as the index.
        for (k, l) in &c.criteria.0 {
            let items: Vec<&CardView> = practices
                .iter()
                .filter(|(_, p, _)| p.criteria.iter().any(|n| n.to_string() == *k))
                .map(|(_, _, v)| *v)
                .collect();
            if items.is_empty() {
                continue;
            }
            let label = format!("{} {k}: {l}", s("criterion"));
            for (dir, items, pager) in paginate(&items, &urls::criterion_dir(k), c.paginate, bp) {
                let mut ctx = base_ctx(&page_title(&label, pager.as_ref(), &s("page")), &dir);
                ctx.insert("items", items);
                ctx.insert("pager", pager);
                ctx.insert(
                    "definition",
                    c.criteria_descriptions.get(k).map(str::to_string),
                );
                ctx.insert(
                    "definition_url",
                    site.get(Section::Viden, "kvalitetskriterier").map(|_| {
                        urls::link(bp, &urls::entry_dir(Section::Viden, "kvalitetskriterier"))
                    }),
                );
                ctx.insert(
                    "parent",
                    Link {
                        label: s("browse_criteria"),
                        url: urls::link(bp, &urls::criteria_matrix_dir()),
                    },
                );
                jobs.push(PageJob {
                    out: dir,
                    template: "taxonomy_term.html",
                    ctx,
                    source: None,
                });
            }
        }
        {
            let criteria: Vec<FacetValue> = c
                .criteria
                .0
                .iter()
                .map(|(k, l)| FacetValue {
                    key: k.clone(),
                    label: l.clone(),
                    url: Some(urls::link(bp, &urls::criterion_dir(k))),
                })
                .collect();
            let rows: Vec<MatrixRow> = practices
                .iter()
                .map(|(_, p, v)| MatrixRow {
                    entry: v,
                    cells: c
                        .criteria
                        .keys()
                        .map(|k| p.criteria.iter().any(|n| n.to_string() == k))
                        .collect(),
                })
                .collect();
            let totals: Vec<usize> = (0..criteria.len())
                .map(|i| rows.iter().filter(|r| r.cells[i]).count())
                .collect();
            let evaluated_total = practices.iter().filter(|(_, p, _)| p.evaluated).count();
            for (dir, rows, pager) in paginate(&rows, &urls::criteria_matrix_dir(), c.paginate, bp)
            {
                let mut ctx = base_ctx(
                    &page_title(&s("browse_criteria"), pager.as_ref(), &s("page")),
                    &dir,
                );
                ctx.insert("criteria", criteria.clone());
                ctx.insert("rows", rows);
                ctx.insert("totals", totals.clone());
                ctx.insert("evaluated_total", evaluated_total);
                ctx.insert("pager", pager);
                jobs.push(PageJob {
                    out: dir,
                    template: "matrix.html",
                    ctx,
                    source: None,
                });
            }
        }
    }

    /// The comparison of chosen practices.
    fn compare_page(&self, jobs: &mut Vec<PageJob<'a>>) {
        let site = self.site;
        let bp = self.bp;
        let base_ctx = |title: &str, dir: &str| self.shared.ctx(title, dir);
        let s = |k: &str| self.s(k);
        // Side-by-side comparison of chosen practices (filled in the browser from their pages).
        if site.section(Section::Praksis).next().is_some() {
            let dir = urls::compare_dir();
            let mut ctx = base_ctx(&s("compare_title"), &dir);
            ctx.insert(
                "section_url",
                urls::link(bp, &urls::section_dir(Section::Praksis)),
            );
            jobs.push(PageJob {
                out: dir,
                template: "compare.html",
                ctx,
                source: None,
            });
        }
    }

    /// The help pages: per audience and per form of violence, and their index. Returns the audience links for the home and search pages.
    fn help_pages(&self, jobs: &mut Vec<PageJob<'a>>) -> Vec<TermView> {
        let site = self.site;
        let c = &self.site.config;
        let bp = self.bp;
        let rendered = self.rendered;
        let view_of = |e: &'a Entry| -> &'a EntryView { self.view_of(e) };
        let card_of = |e: &'a Entry| -> &'a CardView { self.card_of(e) };
        let base_ctx = |title: &str, dir: &str| self.shared.ctx(title, dir);
        let s = |k: &str| self.s(k);
        // Help pages: per audience and per form of violence, triaged (see triage.rs).
        let help_page = |key: &str,
                         advice_for: Option<&str>,
                         label: &str,
                         dir: String,
                         intro: String,
                         pinned: &[String],
                         wanted: &dyn Fn(&crate::entry::PartnerMeta) -> bool,
                         knows: &dyn Fn(&crate::entry::KnowledgeMeta) -> bool|
         -> (PageJob, usize) {
            let candidates = site
                .section(Section::Partnere)
                .filter(|e| e.partner().is_some_and(wanted));
            let (ranked, other) = crate::triage::triage(candidates, c, pinned);
            let ranked: Vec<&EntryView> = ranked.into_iter().map(view_of).collect();
            let other: Vec<&EntryView> = other.into_iter().map(view_of).collect();
            let lines = context::help_lines(site, pinned);
            let count = ranked.len() + other.len() + lines.len();
            let knowledge: Vec<&CardView> = site
                .section(Section::Viden)
                .filter(|e| e.slug != context::IS_IT_VIOLENCE && e.knowledge().is_some_and(knows))
                .map(card_of)
                .collect();
            // Advice belongs to audience pages; pages per form of violence have none.
            let guidance: Vec<GuidanceView> = advice_for
                .into_iter()
                .flat_map(|a| site.advice_for(a))
                .map(|(i, e)| {
                    let (html, sources) = split_sources(&rendered[i].html);
                    GuidanceView {
                        title: &e.title,
                        html,
                        sources,
                    }
                })
                .collect();
            let mut ctx = base_ctx(label, &dir);
            ctx.insert(
                "audience",
                FacetValue {
                    key: key.to_string(),
                    label: label.to_string(),
                    url: None,
                },
            );
            ctx.insert("guidance", guidance);
            ctx.insert("intro", intro);
            ctx.insert("pinned_slugs", pinned.to_vec());
            ctx.insert("help_lines", lines);
            ctx.insert("items", ranked);
            ctx.insert("other_items", other);
            ctx.insert("knowledge", knowledge);
            ctx.insert("forms_url", urls::link(bp, &urls::violence_forms_dir()));
            let job = PageJob {
                out: dir,
                template: "audience.html",
                ctx,
                source: None,
            };
            (job, count)
        };
        let no_pins: Vec<String> = Vec::new();
        let mut audience_links = Vec::new();
        for (k, l) in &c.audiences.0 {
            let dir = urls::audience_dir(k);
            let url = urls::link(bp, &dir);
            let pinned = c.help_lines.get(k).unwrap_or(&no_pins);
            let (job, count) = help_page(
                k,
                Some(k),
                l,
                dir,
                s(&format!("audience_{k}_intro")),
                pinned,
                &|p| p.audiences.contains(k),
                &|m| m.audiences.contains(k),
            );
            jobs.push(job);
            audience_links.push(TermView {
                key: k.clone(),
                label: l.clone(),
                url,
                count,
            });
        }
        let mut form_links = Vec::new();
        for (k, l) in &c.violence_forms.0 {
            let dir = urls::violence_form_dir(k);
            let url = urls::link(bp, &dir);
            let (job, count) = help_page(
                k,
                None,
                l,
                dir,
                s("violence_form_intro"),
                &no_pins,
                &|p| p.violence_forms.contains(k),
                &|m| m.violence_forms.contains(k),
            );
            jobs.push(job);
            form_links.push(TermView {
                key: k.clone(),
                label: l.clone(),
                url,
                count,
            });
        }
        {
            let dir = urls::violence_forms_dir();
            let mut ctx = base_ctx(&s("violence_forms_title"), &dir);
            ctx.insert("terms", form_links.clone());
            ctx.insert("intro", s("violence_forms_intro"));
            jobs.push(PageJob {
                out: dir,
                template: "taxonomy_list.html",
                ctx,
                source: None,
            });
            let dir = urls::help_dir();
            let mut ctx = base_ctx(&s("help_title"), &dir);
            ctx.insert("audiences", audience_links.clone());
            ctx.insert("forms", form_links.clone());
            jobs.push(PageJob {
                out: dir,
                template: "help.html",
                ctx,
                source: None,
            });
        }
        audience_links
    }

    /// The home page, the search page and the 404 page.
    /// The print page of every practice (`/praksis/samlet/`), beside the booklet PDF that
    /// print/booklet.rs makes from the same entries.
    fn booklet_page(&self, jobs: &mut Vec<PageJob<'a>>) {
        let c = &self.site.config;
        if !crate::print::booklet::wanted(self.site) {
            return;
        }
        let areas: Vec<BookletArea> = c
            .focus_areas
            .0
            .iter()
            .map(|(n, label)| {
                let mut ps: Vec<(&Entry, u32)> = self
                    .site
                    .section(Section::Praksis)
                    .filter_map(|e| e.practice().map(|p| (e, p)))
                    .filter(|(_, p)| p.focus_area.to_string() == *n)
                    .map(|(e, p)| (e, p.example))
                    .collect();
                ps.sort_by_key(|(_, x)| *x);
                let practices = ps
                    .into_iter()
                    .map(|(e, example)| {
                        let i = self.idx_of[&(e.section, e.slug.as_str())];
                        BookletPractice {
                            entry: &self.views[i],
                            example,
                            // The page's outline: h1, focus area h2, practice h3, its own
                            // sections (## in the entry) h4.
                            // Heading ids repeat between practices: prefix them.
                            content: self.rendered[i]
                                .html
                                .replace("<h2", "<h4")
                                .replace("</h2>", "</h4>")
                                .replace(" id=\"", &format!(" id=\"{}-", e.slug))
                                .replace("href=\"#", &format!("href=\"#{}-", e.slug)),
                        }
                    })
                    .collect();
                BookletArea {
                    number: n.clone(),
                    label: label.clone(),
                    practices,
                }
            })
            .collect();
        let dir = urls::booklet_dir();
        let mut ctx = self.shared.ctx(&self.s("booklet_title"), &dir);
        ctx.insert("areas", areas);
        ctx.insert("pdf", urls::link(self.bp, crate::print::booklet::PATH));
        ctx.insert(
            "section_url",
            urls::link(self.bp, &urls::section_dir(Section::Praksis)),
        );
        ctx.insert("edition", c.today.danish());
        jobs.push(PageJob {
            out: dir,
            template: "booklet.html",
            ctx,
            source: None,
        });
    }

    /// The embeddable help box (`/indlejr/<size>/`, template `embed.html`) in each size, the
    /// page for the web team with the snippets (`/indlejr/`), and the Apache header file
    /// with the `frame-ancestors` policy from site.yaml `embed` (docs/embed.md).
    fn embed_pages(&self, jobs: &mut Vec<PageJob<'a>>, audience_links: &[TermView]) {
        let c = &self.site.config;
        let s = |k: &str| self.s(k);
        // Every pinned line once, in site.yaml order: the national lines of all help pages.
        let mut slugs: Vec<String> = Vec::new();
        for slug in c.help_lines.values().flatten() {
            if !slugs.contains(slug) {
                slugs.push(slug.clone());
            }
        }
        let lines = crate::context::help_lines(self.site, &slugs);
        let mut boxes = Vec::new();
        for (size, width, height) in EMBED_SIZES {
            let dir = urls::embed_dir(size);
            let mut ctx = self.shared.ctx(&s("embed_title"), &dir);
            ctx.insert("size", size);
            if size != "lille" {
                ctx.insert("lines", lines.clone());
            }
            if size == "stor" {
                ctx.insert("audiences", audience_links.to_vec());
            }
            let url = urls::absolute(&c.base_url, &dir);
            boxes.push(EmbedBox {
                size,
                label: s(&format!("embed_size_{size}")),
                snippet: format!(
                    "<iframe src=\"{url}\" title=\"{}\" width=\"{width}\" height=\"{height}\" style=\"border:0;max-width:100%\" loading=\"lazy\" referrerpolicy=\"no-referrer\" sandbox=\"allow-top-navigation-by-user-activation\"></iframe>",
                    crate::html::escape(&s("embed_frame_title"))
                ),
                url: urls::link(self.bp, &dir),
            });
            jobs.push(PageJob {
                out: dir,
                template: "embed.html",
                ctx,
                source: None,
            });
        }
        let dir = urls::embed_dir("");
        let mut ctx = self.shared.ctx(&s("embed_page_title"), &dir);
        ctx.insert("boxes", boxes);
        ctx.insert_ref("origins", &c.embed.allowed_origins);
        ctx.insert("frame_ancestors", c.embed.frame_ancestors());
        jobs.push(PageJob {
            out: dir.clone(),
            template: "embed_index.html",
            ctx,
            source: None,
        });
        let mut ctx = Ctx::new();
        ctx.insert("frame_ancestors", c.embed.frame_ancestors());
        jobs.push(PageJob {
            out: format!("{dir}.htaccess"),
            template: "embed.htaccess",
            ctx,
            source: None,
        });
    }

    fn home_pages(&self, jobs: &mut Vec<PageJob<'a>>, audience_links: Vec<TermView>) {
        let site = self.site;
        let c = &self.site.config;
        let bp = self.bp;
        let base_ctx = |title: &str, dir: &str| self.shared.ctx(title, dir);
        let s = |k: &str| self.s(k);
        // Home, search, 404.
        {
            let mut ctx = base_ctx(&c.title, "");
            ctx.insert("audiences", audience_links.clone());
            ctx.insert_ref("description", c.description.as_str());
            let ld = crate::jsonld::municipality(c, &s("jsonld_country"));
            ctx.insert("jsonld", crate::jsonld::to_script_text(&ld));
            let counts: BTreeMap<&str, usize> = Section::ALL
                .iter()
                .map(|s| (s.dir(), site.section(*s).count()))
                .collect();
            ctx.insert("counts", counts);
            jobs.push(PageJob {
                out: String::new(),
                template: "index.html",
                ctx,
                source: None,
            });
            let dir = urls::search_dir();
            let mut ctx = base_ctx(&s("search_title"), &dir);
            ctx.insert("audiences", audience_links.clone());
            let mut browse = vec![
                Link {
                    label: s("nav_help"),
                    url: urls::link(bp, &urls::help_dir()),
                },
                Link {
                    label: s("section_praksis"),
                    url: urls::link(bp, &urls::section_dir(Section::Praksis)),
                },
                Link {
                    label: s("section_partnere"),
                    url: urls::link(bp, &urls::section_dir(Section::Partnere)),
                },
                Link {
                    label: s("section_viden"),
                    url: urls::link(bp, &urls::section_dir(Section::Viden)),
                },
                Link {
                    label: s("violence_forms_title"),
                    url: urls::link(bp, &urls::violence_forms_dir()),
                },
            ];
            browse.splice(
                browse.len() - 1..browse.len() - 1,
                self.practice_overviews(),
            );
            ctx.insert("browse", browse);
            let search_strings: BTreeMap<&str, String> = [
                ("label", "search_label"),
                ("hint", "search_hint"),
                ("none", "search_none"),
                ("one", "search_one"),
                ("many", "search_many"),
                ("filters", "search_filters"),
                ("more", "search_more"),
            ]
            .into_iter()
            .map(|(k, v)| (k, s(v)))
            .collect();
            ctx.insert("search_strings", search_strings);
            ctx.insert(
                "search_index",
                urls::link(bp, crate::search::export::INDEX_FILE),
            );
            jobs.push(PageJob {
                out: dir,
                template: "search.html",
                ctx,
                source: None,
            });
            let mut ctx = base_ctx(&s("not_found_title"), "404.html");
            ctx.insert("audiences", audience_links.clone());
            jobs.push(PageJob {
                out: "404.html".into(),
                template: "404.html",
                ctx,
                source: None,
            });
        }
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

/// Render the one page written at `path` (`praksis/x/index.html`), for the preview server.
pub fn render_page(
    jobs: &[PageJob],
    tera: &tera::Tera,
    theme: &Theme,
    path: &str,
) -> Option<Result<OutputFile, Diagnostic>> {
    jobs.iter()
        .find(|j| output_path(&j.out) == path)
        .map(|j| render_job(j, tera, theme))
}

/// Render every planned page in parallel, plus sitemap.xml and robots.txt, into `sink` as
/// each page is done (a page's HTML lives only until it is written).
pub fn execute(
    site: &Site,
    theme: &Theme,
    tera: &tera::Tera,
    jobs: Vec<PageJob>,
    sink: &dyn crate::output::Sink,
    diags: &mut Diagnostics,
) {
    let c = &site.config;
    let sv = site_view(site, &theme.strings);
    let mut page_urls: Vec<String> = jobs
        .iter()
        .filter(|j| {
            j.out != "404.html" && j.template != "embed.html" && !j.out.ends_with(".htaccess")
        })
        .map(|j| urls::absolute(&c.base_url, &j.out))
        .collect();
    page_urls.sort();
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
    // sitemap.xml and robots.txt from the same page list.
    let mut ctx = tera::Context::new();
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

#[cfg(test)]
mod tests {
    #[test]
    fn advice_sources_are_split_off_at_the_closing_kilder_heading() {
        let html = "<p>Ring.</p>\n<h3 id=\"kilder\">Kilder</h3>\n<ul><li>A</li></ul>\n";
        assert_eq!(
            super::split_sources(html),
            ("<p>Ring.</p>\n", "\n<ul><li>A</li></ul>\n")
        );
        assert_eq!(super::split_sources("<p>x</p>"), ("<p>x</p>", ""));
    }
}
