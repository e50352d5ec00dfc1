//! The searchable documents: one per entry, its text fields and facets, taken from the
//! model and the rendered body text.

use super::analyze::{words, Analysis};
use crate::entry::{EntryKind, YesNo};
use crate::loaded::LoadedSite;
use crate::model::Site;
use crate::urls;
use std::collections::BTreeMap;

/// What the documents are made of: the site (Danish, or localized into another language)
/// and the UI strings of its language.
#[derive(Clone, Copy)]
pub struct Corpus<'a> {
    pub site: &'a Site,
    pub strings: &'a BTreeMap<String, String>,
}

impl<'a> Corpus<'a> {
    /// The source-language site.
    pub fn of(loaded: &'a LoadedSite) -> Corpus<'a> {
        Corpus {
            site: &loaded.site,
            strings: &loaded.theme.strings,
        }
    }
}

#[derive(Debug, Clone)]
pub struct SearchDoc {
    /// Section directory (`praksis`).
    pub section: String,
    pub section_label: String,
    pub slug: String,
    pub title: String,
    /// Site path with the base path (`/praksis/x/`).
    pub url: String,
    pub summary: String,
    /// Municipalities, organisations and partner names.
    pub names: String,
    /// Labels of the entry's facet values (focus area, audiences, offers …).
    pub labels: String,
    /// Rendered body as plain text.
    pub body: String,
    /// `(key, value)` facets, e.g. `("focus_area", "3")`.
    pub facets: Vec<(String, String)>,
}

impl SearchDoc {
    /// Free the texts that only the engine needs (and `vejviser search`'s snippets): the
    /// body, names and labels. Title, address, summary and facets stay for the export.
    pub fn drop_texts(&mut self) {
        self.body = String::new();
        self.names = String::new();
        self.labels = String::new();
    }
    /// Text of each field, in the order of [`super::FIELDS`].
    pub fn field_texts(&self) -> [&str; 5] {
        [
            &self.title,
            &self.names,
            &self.summary,
            &self.labels,
            &self.body,
        ]
    }
}

/// Facet keys, in display order. Their labels are the theme's `facet_<key>` strings.
pub const FACET_KEYS: &[&str] = &[
    "section",
    "focus_area",
    "municipality",
    "criterion",
    "target_group",
    "audience",
    "violence_form",
    "offer",
    "kind",
    "anonymous",
    "free",
    "evaluated",
];

/// `(key, label)` of every facet, for the browser client.
pub fn facet_keys(corpus: Corpus) -> Vec<(&'static str, String)> {
    FACET_KEYS
        .iter()
        .map(|k| (*k, ui(corpus, &format!("facet_{k}"))))
        .collect()
}

/// A UI string of the theme (the theme load checks that every one used here exists).
fn ui(corpus: Corpus, key: &str) -> String {
    corpus
        .strings
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

fn yes_no(v: &YesNo) -> &'static str {
    match v {
        YesNo::Yes => "yes",
        YesNo::No => "no",
        YesNo::Unknown => "unknown",
    }
}

/// The label of a facet value, for display and for the `labels` field.
pub fn facet_label(corpus: Corpus, key: &str, value: &str) -> String {
    let c = &corpus.site.config;
    let from = |l: &crate::config::Labels| l.get(value).unwrap_or(value).to_string();
    match key {
        "section" => ui(corpus, &format!("section_{value}")),
        "focus_area" => from(&c.focus_areas),
        "criterion" => from(&c.criteria),
        "target_group" => from(&c.target_groups),
        "audience" => from(&c.audiences),
        "violence_form" => from(&c.violence_forms),
        "offer" => from(&c.offers),
        "kind" => from(&c.partner_kinds),
        "evaluated" => ui(corpus, "evaluated"),
        // The theme's yes/no/unknown ("Ja", "Nej", "Ikke oplyst").
        "anonymous" | "free" => ui(
            corpus,
            if matches!(value, "yes" | "no") {
                value
            } else {
                "unknown"
            },
        ),
        _ => value.to_string(),
    }
}

/// One document per entry (advice blocks are part of their help page's document), plus
/// one per audience help page.
pub fn collect(corpus: Corpus, texts: Vec<String>) -> Vec<SearchDoc> {
    let mut texts: Vec<Option<String>> = texts.into_iter().map(Some).collect();
    let site = corpus.site;
    let bp = &site.config.base_path;
    let mut out = Vec::new();
    for (i, e) in site.entries.iter().enumerate() {
        let mut facets: Vec<(String, String)> = vec![("section".into(), e.section.dir().into())];
        let mut names: Vec<String> = Vec::new();
        let push = |facets: &mut Vec<(String, String)>, k: &str, v: String| {
            facets.push((k.to_string(), v));
        };
        match &e.kind {
            // Advice is searched as part of its help page.
            EntryKind::Guidance(_) => continue,
            // A poster is found by its headline and text ("ring 1888"), so staff can find
            // the material to print.
            EntryKind::Poster(p) => names.push(p.headline.clone()),
            EntryKind::Practice(p) => {
                push(&mut facets, "focus_area", p.focus_area.to_string());
                for m in &p.municipalities {
                    push(&mut facets, "municipality", m.clone());
                    names.push(m.clone());
                }
                for c in &p.criteria {
                    push(&mut facets, "criterion", c.to_string());
                }
                for t in &p.target_groups {
                    push(&mut facets, "target_group", t.clone());
                }
                for o in &p.offers {
                    push(&mut facets, "offer", o.clone());
                }
                if p.evaluated {
                    push(&mut facets, "evaluated", "yes".into());
                }
                names.extend(p.organisations.iter().cloned());
                for slug in &p.partners {
                    if let Some(pe) = site.get(crate::entry::Section::Partnere, slug) {
                        names.push(pe.title.clone());
                    }
                }
            }
            EntryKind::Partner(p) => {
                for a in &p.audiences {
                    push(&mut facets, "audience", a.clone());
                }
                for v in &p.violence_forms {
                    push(&mut facets, "violence_form", v.clone());
                }
                for o in &p.offers {
                    push(&mut facets, "offer", o.clone());
                }
                push(&mut facets, "kind", p.kind.clone());
                push(&mut facets, "anonymous", yes_no(&p.anonymous).into());
                push(&mut facets, "free", yes_no(&p.free).into());
                names.extend(p.coverage.iter().cloned());
                // A number is searched as it is written ("33 33 00 47") and as it is
                // typed into a phone ("33330047"); "1888" finds the hotline.
                for ph in &p.contact.phones {
                    names.push(ph.number.clone());
                    let joined: String = ph.number.chars().filter(|c| !c.is_whitespace()).collect();
                    if joined != ph.number {
                        names.push(joined);
                    }
                }
            }
            EntryKind::Knowledge(k) => {
                for a in &k.audiences {
                    push(&mut facets, "audience", a.clone());
                }
                for v in &k.violence_forms {
                    push(&mut facets, "violence_form", v.clone());
                }
            }
            EntryKind::Standard => {}
        }
        let labels: Vec<String> = facets
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "anonymous" | "free" | "municipality"))
            .map(|(k, v)| facet_label(corpus, k, v))
            .collect();
        out.push(SearchDoc {
            section: e.section.dir().to_string(),
            section_label: facet_label(corpus, "section", e.section.dir()),
            slug: e.slug.clone(),
            title: e.title.clone(),
            url: urls::link(bp, &urls::entry_dir(e.section, &e.slug)),
            summary: e.summary.clone(),
            names: names.join(". "),
            labels: labels.join(". "),
            body: texts.get_mut(i).and_then(Option::take).unwrap_or_default(),
            facets,
        });
    }
    out.extend(help_pages(corpus, &mut texts));
    out
}

/// One document per audience help page: its label and intro, the advice shown on it, and
/// the names of the offers it lists, so "bekymret for min søster" finds the page for
/// relatives and "1888" still finds the hotline's own page first.
fn help_pages(corpus: Corpus, texts: &mut [Option<String>]) -> Vec<SearchDoc> {
    let site = corpus.site;
    let c = &site.config;
    let strings = corpus.strings;
    let mut out = Vec::new();
    for (key, label) in &c.audiences.0 {
        let mut body = Vec::new();
        let mut titles = Vec::new();
        for (i, e) in site.advice_for(key) {
            titles.push(e.title.clone());
            body.extend(texts.get_mut(i).and_then(Option::take));
        }
        let names: Vec<String> = site
            .section(crate::entry::Section::Partnere)
            .filter(|e| {
                e.partner().is_some_and(|p| {
                    p.audiences.contains(key) && p.status != crate::entry::OfferStatus::Ended
                })
            })
            .map(|e| e.title.clone())
            .collect();
        let intro = strings
            .get(&format!("audience_{key}_intro"))
            .cloned()
            .unwrap_or_default();
        out.push(SearchDoc {
            section: HELP_SECTION.to_string(),
            section_label: facet_label(corpus, "section", HELP_SECTION),
            slug: key.clone(),
            title: label.clone(),
            url: urls::link(&c.base_path, &urls::audience_dir(key)),
            summary: intro,
            names: names.join(". "),
            labels: titles.join(". "),
            body: body.join("\n"),
            facets: vec![
                ("section".into(), HELP_SECTION.into()),
                ("audience".into(), key.clone()),
            ],
        });
    }
    out
}

/// The section key of help pages in the search index.
const HELP_SECTION: &str = "hjaelp";

/// A short passage of the document around the first query word it holds, with the words
/// marked `<mark>…</mark>` (HTML-escaped otherwise). The summary when the body has none.
pub fn snippet(d: &SearchDoc, matched: &[&str], analysis: Analysis) -> String {
    const WIDTH: usize = 180;
    let hit = |w: &str| matched.contains(&analysis.fold(&w.to_lowercase()).as_str());
    let body_hit = words(&d.body).any(|w| hit(&w));
    let flat;
    let source = if words(&d.summary).any(|w| hit(&w)) || !body_hit {
        d.summary.as_str()
    } else {
        flat = d.body.split_whitespace().collect::<Vec<_>>().join(" ");
        flat.as_str()
    };
    // Find the byte offset of the first matching word.
    let mut first = None;
    let mut pos = 0;
    for part in source.split(|c: char| !c.is_alphanumeric()) {
        if !part.is_empty() && hit(part) {
            first = Some(pos);
            break;
        }
        pos += part.len()
            + source[pos + part.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
    }
    let start = match first {
        Some(p) if p > WIDTH / 3 => {
            let mut s = p - WIDTH / 3;
            while !source.is_char_boundary(s) {
                s += 1;
            }
            source[s..p].find(' ').map_or(s, |i| s + i + 1)
        }
        _ => 0,
    };
    let mut end = (start + WIDTH).min(source.len());
    while !source.is_char_boundary(end) {
        end += 1;
    }
    let end = if end < source.len() {
        source[start..end].rfind(' ').map_or(end, |i| start + i)
    } else {
        end
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    mark_words(&source[start..end], &hit, &mut out);
    if end < source.len() {
        out.push('…');
    }
    out
}

fn mark_words(text: &str, hit: &dyn Fn(&str) -> bool, out: &mut String) {
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if hit(word) {
            out.push_str("<mark>");
            crate::html::escape_into(word, out);
            out.push_str("</mark>");
        } else {
            crate::html::escape_into(word, out);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, out);
            crate::html::escape_into(&c.to_string(), out);
        }
    }
    flush(&mut word, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_matched_words_and_escapes() {
        let d = SearchDoc {
            section: "viden".into(),
            section_label: "Viden".into(),
            slug: "x".into(),
            title: "X".into(),
            url: "/viden/x/".into(),
            summary: "Om <vold> & rådgivning.".into(),
            names: String::new(),
            labels: String::new(),
            body: String::new(),
            facets: vec![],
        };
        let s = snippet(&d, &["raadgivning"], Analysis::Danish);
        assert_eq!(s, "Om &lt;vold&gt; &amp; <mark>rådgivning</mark>.");
    }
}
