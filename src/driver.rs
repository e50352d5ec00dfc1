//! The build driver: load → validate → model → render (pages, search index, posters) →
//! write, with the diagnostics of every stage collected, and the `check` that does the same
//! without writing. The commands in main.rs call these.

use crate::diag::{self, internal, Diagnostics};
use crate::incremental::LoadCache;
use crate::loaded::LoadedSite;
use crate::options::BuildOptions;
use crate::stages::Stages;
use crate::{config, date, links, model, output, print, render, search, write};
use rayon::prelude::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// Timings of each stage, for `--verbose` and benchmarks.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub load: Duration,
    pub render: Duration,
    /// Search index build and export (part of `render`).
    pub search: Duration,
    /// Posters, leaflets and the practices booklet (part of `render`).
    pub print: Duration,
    /// The open data under /data/ (part of `render`).
    pub data: Duration,
    /// The search phase stage by stage (source language index, its export, writing, the
    /// other languages), printed with `VEJVISER_PROFILE=1`.
    pub search_stages: Stages,
    /// The render phase stage by stage (posters, Markdown, pages, other languages, search,
    /// open data), printed with `VEJVISER_PROFILE=1`.
    pub render_stages: Stages,
    pub write: Duration,
}

#[derive(Debug)]
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    pub pages: usize,
    pub files: usize,
    pub timings: Timings,
    /// "Til redaktøren": what the editor still has to fill in (`report::editor_todo`).
    pub editor_todo: Vec<String>,
}

/// Why a build did not produce output.
#[derive(Debug)]
pub enum BuildFailure {
    /// Content or configuration problems (exit code 1).
    Content(Diagnostics),
    /// I/O or internal failure (exit code 2).
    Internal(String, Diagnostics),
}

/// Load → validate → model. `None` (with errors in `diags`) when the site cannot be built.
pub fn load_site(opts: &BuildOptions, diags: &mut Diagnostics) -> Option<LoadedSite> {
    load_site_incremental(opts, &mut LoadCache::new(), diags)
}

/// [`load_site`], reusing what `cache` holds from an earlier load of the same site: files
/// whose modification time and size are unchanged are neither read nor validated again
/// (`serve` keeps one cache per session). With an empty cache this is exactly `load_site`.
pub fn load_site_incremental(
    opts: &BuildOptions,
    cache: &mut LoadCache,
    diags: &mut Diagnostics,
) -> Option<LoadedSite> {
    *cache.stages_mut() = Stages::start();
    let today = opts.today.unwrap_or_else(date::Date::today);
    let mut config = config::load(&opts.root, today, diags)?;
    if let Some(url) = &opts.base_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            diags.push(
                diag::Diagnostic::error(
                    "config-base-url",
                    "--base-url",
                    format!("`{url}` er ikke en webadresse"),
                )
                .hint("skriv den fulde adresse, fx `--base-url https://www.kommune.dk/vold`"),
            );
            return None;
        }
        let url = url.trim_end_matches('/').to_string();
        config.base_path = url
            .splitn(4, '/')
            .nth(3)
            .map(|p| format!("/{}", p.trim_end_matches('/')))
            .unwrap_or_default();
        config.base_url = url;
    }
    if config::is_placeholder_url(&config.base_url) {
        diags.push(config::placeholder_base_url(&config));
    }
    cache.begin(&opts.root, &config, opts.drafts);
    cache.stages_mut().lap("config");
    let theme = cache.theme(&opts.root, &config.theme, &config.language, diags);
    if let Some(t) = &theme {
        // Help pages take their lead from `audience_<key>_intro`: an audience added in
        // site.yaml needs its text too, or its page would show the key.
        for key in config.audiences.keys() {
            let name = format!("audience_{key}_intro");
            if !t.strings.contains_key(&name) {
                diags.push(
                    diag::Diagnostic::error(
                        "theme-string",
                        config::CONFIG_FILE,
                        format!("målgruppen `{key}` har ingen indledning: teksten `{name}` mangler i temaets strings/{}.yaml", config.language),
                    )
                    .at_line(
                        config
                            .source_text
                            .lines()
                            .position(|l| l.trim_start().starts_with(&format!("{key}:")))
                            .map(|i| i + 1),
                    )
                    .hint(format!("tilføj `{name}: \"…\"` (en eller to sætninger til hjælpesiden) i themes/{}/strings/{}.yaml", config.theme, config.language)),
                );
            }
        }
    }
    cache.stages_mut().lap("theme");
    let found = cache.scan(&opts.root, diags);
    cache.stages_mut().lap("scan");
    // Translations (`x.en.md`) are read here and validated after the model: they need their
    // Danish source. Entries are validated one file at a time, in parallel.
    let validated = cache.validate(&found, &config, diags);
    cache.stages_mut().lap("read+validate");
    // Files that exist but failed validation: references to them are not reported as
    // missing, so the editor sees every real problem in one pass without false alarms.
    let site = model::build(
        config,
        validated.entries.clone(),
        opts.drafts,
        &validated.invalid,
        diags,
    );
    cache.stages_mut().lap("model");
    // National wording, for the entries on the site, in site order.
    for e in &site.entries {
        for d in validated.national(&e.path) {
            diags.push(d.clone());
        }
    }
    let theme = theme?;
    if diags.has_errors() {
        return None;
    }
    let logo = crate::logo::load(&opts.root, &site.config, diags);
    let translations = crate::translation::validate(&validated.translations, &site, diags);
    let language_themes = site.config.languages[1..]
        .iter()
        .filter_map(|l| {
            cache
                .theme(&opts.root, &site.config.theme, l, diags)
                .map(|t| (l.clone(), t))
        })
        .collect();
    cache.stages_mut().lap("translations");
    if diags.has_errors() {
        return None;
    }
    Some(LoadedSite {
        site,
        theme,
        logo,
        translations,
        language_themes,
    })
}

/// Everything `build` produces, in memory: no filesystem writes. Sorted by path.
pub fn render_site(
    loaded: &LoadedSite,
    opts: &BuildOptions,
    diags: &mut Diagnostics,
) -> Option<Vec<output::OutputFile>> {
    let sink = output::MemorySink::default();
    render_site_into(loaded, opts, diags, &mut Timings::default(), &sink)?;
    Some(sink.into_files())
}

/// Render every file of the site into `sink` as it is produced, recording how long search
/// and print took. `None` when there were errors: whatever reached the sink must then be
/// thrown away (a [`write::Staging`] does that when dropped).
pub fn render_site_into(
    loaded: &LoadedSite,
    opts: &BuildOptions,
    diags: &mut Diagnostics,
    timings: &mut Timings,
    sink: &dyn output::Sink,
) -> Option<()> {
    let mut phase = Stages::start();
    let tera = render::build_tera(&loaded.theme, diags)?;
    // Posters first: their pages and the gallery show the files' sizes.
    let t = Instant::now();
    // The booklet of the practices is typeset beside the posters.
    let mut booklet_diags = Diagnostics::new();
    let (printed, booklet) = rayon::join(
        || print::render_posters(loaded, opts, diags),
        || print::render_booklet(loaded, &mut booklet_diags),
    );
    diags.extend(booklet_diags);
    if let Some(f) = booklet {
        sink.put(f);
    }
    timings.print = t.elapsed();
    phase.lap("tryk");
    let mut posters_by_language = printed.translated;
    posters_by_language.insert(loaded.site.config.language.clone(), printed.posters.clone());
    let ropts = render::RenderOptions {
        live_reload: opts.live_reload,
        extra_paths: Vec::new(),
        posters: printed.posters,
        posters_by_language,
        languages: crate::languages::languages(loaded),
    };
    for f in printed.files {
        sink.put(f);
    }
    // Markdown once, for the pages and for the search index (which needs only the text).
    // Both stages are parallel inside; running them side by side measured slower on 2 cores.
    let prepared = render::prepare(&loaded.site, &loaded.theme, None);
    phase.lap("markdown");
    let mut page_diags = Diagnostics::new();
    let mut search_diags = Diagnostics::new();
    {
        let jobs = render::plan(&loaded.site, &loaded.theme, &prepared, &ropts);
        links::check(&loaded.site, &prepared, &jobs, &ropts, &mut page_diags);
        render::execute(
            &loaded.site,
            &loaded.theme,
            &tera,
            jobs,
            sink,
            &mut page_diags,
            &ropts.languages,
        );
    }
    phase.lap("sider");
    crate::languages::render_other_languages(loaded, &ropts, sink, &mut page_diags);
    phase.lap("andre sprogs sider");
    // The pages are done with the Markdown: its text moves into the index, uncopied.
    let texts: Vec<String> = prepared.into_texts();
    let t = Instant::now();
    let mut stages = Stages::start();
    let search_files = search::SearchIndex::build(
        loaded,
        texts,
        &opts.root,
        search::Texts::Drop,
        &mut search_diags,
    )
    .and_then(|idx| {
        stages.extend(&idx.stages);
        let corpus = search::docs::Corpus::of(loaded);
        let files = search::export::export(idx, corpus, "", opts.search_shape, &mut stages);
        exported(files, &mut search_diags)
    });
    put_in_parallel(search_files, sink);
    stages.lap("skriv");
    // Each other language's own index, under `<lang>/soeg/`.
    for mut lc in crate::languages::search_corpora(loaded, &ropts.languages) {
        let docs = std::mem::take(&mut lc.docs);
        let files = search::SearchIndex::build_for_language(
            docs,
            &lc.code,
            &opts.root,
            search::Texts::Drop,
            &mut search_diags,
        )
        .and_then(|idx| {
            let prefix = format!("{}/", lc.code);
            exported(
                search::export::export(
                    idx,
                    lc.corpus(),
                    &prefix,
                    opts.search_shape,
                    &mut Stages::start(),
                ),
                &mut search_diags,
            )
        });
        put_in_parallel(files, sink);
    }
    stages.lap("andre sprog");
    timings.search = t.elapsed();
    timings.search_stages = stages;
    phase.lap("søgning");
    diags.extend(page_diags);
    diags.extend(search_diags);
    if diags.has_errors() {
        return None;
    }
    let t = Instant::now();
    for f in crate::opendata::export(loaded) {
        sink.put(f);
    }
    timings.data = t.elapsed();
    phase.lap("åbne data");
    timings.render_stages = phase;
    for f in loaded.theme.under("static/") {
        let logical = f.path.trim_start_matches("static/");
        if let Some(hashed) = loaded.theme.assets.get(logical) {
            sink.put(output::OutputFile {
                path: hashed.clone(),
                bytes: f.bytes.clone(),
            });
        }
    }
    Some(())
}

/// An exported index's files into `sink`: tens of thousands of small files at scale
/// (vocabulary blocks, postings, one per document), so written in parallel.
fn put_in_parallel(files: Option<Vec<output::OutputFile>>, sink: &dyn output::Sink) {
    files
        .unwrap_or_default()
        .into_par_iter()
        .for_each(|f| sink.put(f));
}

/// The files of an exported index, or the error as a diagnostic.
fn exported(
    files: tantivy::Result<Vec<output::OutputFile>>,
    diags: &mut Diagnostics,
) -> Option<Vec<output::OutputFile>> {
    match files {
        Ok(f) => Some(f),
        Err(e) => {
            diags.push(internal(
                "søgeindeks",
                format!("søgeindekset kunne ikke eksporteres: {e}"),
            ));
            None
        }
    }
}

/// The search index of one of the site's languages (`None`: the source language), for
/// `vejviser search --lang`. `None` with no error when the site has no such language.
pub fn search_index_in(
    loaded: &LoadedSite,
    opts: &BuildOptions,
    lang: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<search::SearchIndex> {
    let Some(code) = lang.filter(|c| *c != loaded.site.config.language) else {
        return search_index(loaded, opts, diags);
    };
    // Only that language is localized and prepared.
    let mut langs = crate::languages::languages(loaded);
    langs.all.retain(|l| l.pages.is_none() || l.code == code);
    let lc = crate::languages::search_corpora(loaded, &langs).pop()?;
    search::SearchIndex::build_for_language(lc.docs, code, &opts.root, search::Texts::Keep, diags)
}

/// The search index of a loaded site, for `vejviser search` (no pages rendered).
pub fn search_index(
    loaded: &LoadedSite,
    opts: &BuildOptions,
    diags: &mut Diagnostics,
) -> Option<search::SearchIndex> {
    let prepared = render::prepare(&loaded.site, &loaded.theme, None);
    let texts: Vec<String> = prepared.into_texts();
    search::SearchIndex::build(loaded, texts, &opts.root, search::Texts::Keep, diags)
}

/// Validate everything `build` validates, write nothing.
pub fn check(opts: &BuildOptions) -> Result<Diagnostics, BuildFailure> {
    let mut diags = Diagnostics::new();
    let loaded = load_site(opts, &mut diags);
    if let Some(l) = loaded {
        render_site_into(
            &l,
            opts,
            &mut diags,
            &mut Timings::default(),
            &output::Discard,
        );
    }
    finish(diags, opts.strict)
}

fn finish(mut diags: Diagnostics, strict: bool) -> Result<Diagnostics, BuildFailure> {
    if strict {
        diags.make_strict();
    }
    // An internal failure (the search engine, the print engine, a theme without print fonts)
    // is not the editor's content: exit code 2, as documented.
    let internal = diags
        .iter()
        .find(|d| d.code == "internal" && d.severity == diag::Severity::Error)
        .map(|d| d.message.clone());
    match internal {
        Some(msg) => Err(BuildFailure::Internal(msg, diags)),
        None if diags.has_errors() => Err(BuildFailure::Content(diags)),
        None => Ok(diags),
    }
}

/// The whole build: the output directory is replaced only when everything succeeded.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let mut diags = Diagnostics::new();
    let mut timings = Timings::default();
    let t = Instant::now();
    let loaded = load_site(opts, &mut diags);
    timings.load = t.elapsed();
    let Some(loaded) = loaded else {
        return Err(BuildFailure::Content(
            finish(diags, opts.strict)
                .err()
                .map(|f| match f {
                    BuildFailure::Content(d) | BuildFailure::Internal(_, d) => d,
                })
                .unwrap_or_default(),
        ));
    };
    let out = opts.out_dir();
    let staging = match write::Staging::create(&out) {
        Ok(s) => s,
        Err(e) => {
            return Err(BuildFailure::Internal(
                format!("kunne ikke skrive output: {e}"),
                diags,
            ))
        }
    };
    let editor_todo = crate::report::editor_todo(&loaded.site);
    let t = Instant::now();
    let rendered = render_site_into(&loaded, opts, &mut diags, &mut timings, &staging);
    timings.render = t.elapsed();
    // On errors the staging directory is dropped here, and the output stays as it was.
    let diags = finish(diags, opts.strict)?;
    debug_assert!(rendered.is_some(), "no errors means output");
    let (files, pages) = staging.counts();
    let t = Instant::now();
    if let Err(e) = staging.commit() {
        return Err(BuildFailure::Internal(
            format!("kunne ikke skrive output: {e}"),
            diags,
        ));
    }
    timings.write = t.elapsed();
    Ok(BuildReport {
        diagnostics: diags,
        pages,
        files,
        timings,
        editor_todo,
    })
}

/// Site-relative display of a path for messages.
pub fn display(root: &Path, p: &Path) -> String {
    diag::display_path(p.strip_prefix(root).unwrap_or(p))
}

#[cfg(test)]
mod finish_tests {
    use super::*;
    use crate::diag::Diagnostic;

    #[test]
    fn internal_failures_are_not_content_errors() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::warning(
            "stale-contact",
            "content/x.md",
            "gammel",
        ));
        d.push(internal("search", "søgeindekset kunne ikke bygges"));
        match finish(d, false) {
            Err(BuildFailure::Internal(msg, _)) => {
                assert_eq!(msg, "søgeindekset kunne ikke bygges")
            }
            other => panic!("{other:?}"),
        }
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(
            "unknown-key",
            "content/x.md",
            "ukendt felt",
        ));
        assert!(matches!(finish(d, false), Err(BuildFailure::Content(_))));
    }
}
