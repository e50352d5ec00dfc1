//! The site in its other languages (`languages:` in site.yaml). Each language's pages are
//! planned by the same planner from a localized copy of the site (translated entries in
//! place of the Danish ones, that language's UI strings) with the base path `/<lang>`, and
//! only the pages the language has are kept: the home page, the help pages, the 404 page
//! and every translated entry. Links to pages that exist only in Danish are pointed back
//! to the Danish page, and assets are shared.

use crate::diag::Diagnostics;
use crate::loaded::LoadedSite;
use crate::model::Site;
use crate::output::{OutputFile, Sink};
use crate::render::{self, LanguageInfo, Languages, RenderOptions};
use crate::search::docs::{Corpus, SearchDoc};
use crate::theme::Theme;
use crate::translation;
use std::collections::HashSet;

/// The languages of `loaded`, as the render stage names them; `current` is the source
/// language. Empty `all` for a site in one language.
pub fn languages(loaded: &LoadedSite) -> Languages {
    let c = &loaded.site.config;
    let mut all = Vec::new();
    if c.languages.len() > 1 {
        all.push(LanguageInfo {
            code: c.language.clone(),
            name: own_name(&loaded.theme, &c.language),
            pages: None,
        });
        // In site.yaml's order, so the switch lists them as the editor wrote them.
        for code in &c.languages[1..] {
            let Some(theme) = loaded.language_themes.get(code) else {
                continue;
            };
            all.push(LanguageInfo {
                code: code.clone(),
                name: own_name(theme, code),
                pages: Some(translation::pages_of(
                    &loaded.site,
                    code,
                    &loaded.translations,
                )),
            });
        }
    }
    Languages {
        all,
        current: c.language.clone(),
        root_base_path: c.base_path.clone(),
        root_base_url: c.base_url.clone(),
    }
}

fn own_name(theme: &crate::theme::Theme, code: &str) -> String {
    theme
        .strings
        .get("language_name")
        .cloned()
        .unwrap_or_else(|| code.to_string())
}

/// One of the other languages, with the site localized into it.
struct Localized<'a, 'l> {
    info: &'l LanguageInfo,
    theme: &'a Theme,
    /// The output directories the language has.
    pages: &'l HashSet<String>,
    /// Translated entries in place of the Danish ones, base path and URL under `/<lang>`.
    site: Site,
}

/// Every other language of `langs` that has a theme, with the site localized into it.
fn localized<'a, 'l>(
    loaded: &'a LoadedSite,
    langs: &'l Languages,
) -> impl Iterator<Item = Localized<'a, 'l>> {
    langs.all.iter().skip(1).filter_map(move |info| {
        let theme = loaded.language_themes.get(&info.code)?;
        let pages = info.pages.as_ref()?;
        let mut site = translation::localize(
            &loaded.site,
            &info.code,
            &loaded.translations,
            &theme.strings,
        );
        site.config.base_path = format!("{}/{}", langs.root_base_path, info.code);
        site.config.base_url = format!("{}/{}", langs.root_base_url, info.code);
        Some(Localized {
            info,
            theme,
            pages,
            site,
        })
    })
}

/// Plan and render every other language's pages into `sink`, under `<lang>/`.
pub fn render_other_languages(
    loaded: &LoadedSite,
    ropts: &RenderOptions,
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) {
    let langs = &ropts.languages;
    for Localized {
        info,
        theme,
        pages,
        site,
    } in localized(loaded, langs)
    {
        let Some(tera) = render::build_tera(theme, diags) else {
            continue;
        };
        let mut opts = ropts.clone();
        opts.languages.current = info.code.clone();
        // The language's own posters; the others as in Danish (their links lead there).
        if let Some(own) = ropts.posters_by_language.get(&info.code) {
            opts.posters
                .extend(own.iter().map(|(slug, f)| (slug.clone(), f.clone())));
        }
        let prepared = render::prepare(&site, theme, None);
        let jobs: Vec<_> = render::plan(&site, theme, &prepared, &opts)
            .into_iter()
            .filter(|j| pages.contains(j.out()))
            .collect();
        let prefixed = PrefixSink {
            inner: sink,
            code: &info.code,
            root: &langs.root_base_path,
            pages,
        };
        render::render_pages(theme, &tera, jobs, &prefixed, diags);
    }
}

/// What one language's search index is made of.
pub struct LanguageCorpus<'a> {
    pub code: String,
    /// The localized site, holding only the entries translated into the language.
    pub site: Site,
    pub strings: &'a std::collections::BTreeMap<String, String>,
    pub docs: Vec<SearchDoc>,
}

impl LanguageCorpus<'_> {
    pub fn corpus(&self) -> Corpus<'_> {
        Corpus {
            site: &self.site,
            strings: self.strings,
        }
    }
}

/// The search documents of each other language: its translated entries and its help pages
/// (with the advice translated into it). A card-only translation (title and summary) is a
/// document without a body, found in the language and linking to the Danish page.
pub fn search_corpora<'a>(loaded: &'a LoadedSite, langs: &Languages) -> Vec<LanguageCorpus<'a>> {
    let mut out = Vec::new();
    for Localized {
        info,
        theme,
        pages,
        site: localized,
    } in localized(loaded, langs)
    {
        let entries = (localized.entries.iter())
            .filter(|e| e.translation.is_some())
            .map(|e| {
                let mut e = e.clone();
                if !pages.contains(&crate::urls::entry_dir(e.section, &e.slug)) {
                    std::sync::Arc::make_mut(&mut e).body.clear();
                }
                e
            })
            .collect();
        let site = localized.with_entries(localized.config.clone(), entries);
        let prepared = render::prepare(&site, theme, None);
        let texts = prepared.into_texts();
        let corpus = Corpus {
            site: &site,
            strings: &theme.strings,
        };
        let mut docs = crate::search::docs::collect(corpus, texts);
        // A document whose page the language lacks links to the Danish page.
        let own = format!("{}/{}/", langs.root_base_path, info.code);
        for d in &mut docs {
            if let Some(dir) = d.url.strip_prefix(&own) {
                if !pages.contains(dir) {
                    d.url = format!("{}/{dir}", langs.root_base_path);
                }
            }
        }
        out.push(LanguageCorpus {
            code: info.code.clone(),
            site,
            strings: &theme.strings,
            docs,
        });
    }
    out
}

/// Puts a language's pages under `<lang>/` and points its links to pages the language does
/// not have (and to the shared assets) back to the source language's.
struct PrefixSink<'a> {
    inner: &'a dyn Sink,
    code: &'a str,
    root: &'a str,
    pages: &'a HashSet<String>,
}

impl Sink for PrefixSink<'_> {
    fn put(&self, file: OutputFile) {
        let bytes = match String::from_utf8(file.bytes) {
            Ok(html) => relink(&html, self.root, self.code, self.pages).into_bytes(),
            Err(e) => e.into_bytes(),
        };
        self.inner.put(OutputFile {
            path: format!("{}/{}", self.code, file.path),
            bytes,
        });
    }
}

/// Rewrite `"<root>/<code>/<dir>…"` to `"<root>/<dir>…"` where the language has no page
/// `<dir>` (a practice, a stylesheet); files in a page's folder stay (the language's own
/// search index in `soeg/`).
fn relink(html: &str, root: &str, code: &str, pages: &HashSet<String>) -> String {
    let prefix = format!("\"{root}/{code}/");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(&prefix) {
        out.push_str(&rest[..i]);
        let after = &rest[i + prefix.len()..];
        let end = after.find('"').unwrap_or(after.len());
        let target = &after[..end];
        let path = target.split(['#', '?']).next().unwrap_or("");
        // A page, or a file in a page's folder (the language's search index `soeg/…`).
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        if pages.contains(path) || (!dir.is_empty() && pages.contains(dir)) {
            out.push_str(&prefix);
        } else {
            out.push('"');
            out.push_str(root);
            out.push('/');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_pages_the_language_lacks_go_to_the_danish_page() {
        let pages: HashSet<String> = ["", "hjaelp/udsat/"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let html = r#"<a href="/en/hjaelp/udsat/#x">a</a> <a href="/en/praksis/">b</a> <link href="/en/static/style.css"> <a href="/en/">c</a>"#;
        assert_eq!(
            relink(html, "", "en", &pages),
            r#"<a href="/en/hjaelp/udsat/#x">a</a> <a href="/praksis/">b</a> <link href="/static/style.css"> <a href="/en/">c</a>"#
        );
        // A file in a folder the language has is its own; one at its root is not.
        let html = r#"<div data-index="/en/hjaelp/udsat/i.json"> <a href="/en/robots.txt">"#;
        assert_eq!(
            relink(html, "", "en", &pages),
            html.replace("/en/robots", "/robots")
        );
    }
}
