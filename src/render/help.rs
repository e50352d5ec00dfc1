//! The help pages: per audience and per form of violence, and their index.

use super::*;

/// A block of advice on a help page.
#[derive(Serialize)]
struct GuidanceView<'a> {
    /// On a page in another language: the translation shown, or Danish (`untranslated`).
    translation: Option<&'a crate::entry::TranslationNote>,
    untranslated: bool,
    title: &'a str,
    html: &'a str,
    /// The closing "Kilder" section, shown folded so advice stays short on a phone.
    sources: &'a str,
}

/// The sources heading as the content's own language writes it, for advice shown
/// untranslated on a page in another language.
const SOURCE_LANGUAGE_SOURCES: &str = "Kilder";

/// Split rendered advice at its closing `### Kilder` heading (`### Sources` in English:
/// the UI string `sources` of the page's language, or the Danish one in untranslated
/// advice): (advice, the list after it).
fn split_sources<'h>(html: &'h str, heading: &str) -> (&'h str, &'h str) {
    let found = [heading, SOURCE_LANGUAGE_SOURCES]
        .into_iter()
        .find_map(|h| {
            let end_tag = format!(">{h}</h3>");
            html.rfind(&end_tag).map(|end| (end, end_tag.len()))
        });
    let Some((end, tag_len)) = found else {
        return (html, "");
    };
    match html[..end].rfind("<h3") {
        Some(start) => (&html[..start], &html[end + tag_len..]),
        None => (html, ""),
    }
}

/// One help page: whose it is, what it shows first, and which partners and knowledge
/// pages belong on it.
struct HelpPage<'p> {
    key: &'p str,
    label: &'p str,
    /// The audience whose advice the page shows; pages per form of violence have none.
    advice_for: Option<&'p str>,
    dir: String,
    intro: String,
    /// Partner slugs pinned at the top (site.yaml `help_lines`).
    pinned: &'p [String],
    wanted: &'p dyn Fn(&crate::entry::PartnerMeta) -> bool,
    knows: &'p dyn Fn(&crate::entry::KnowledgeMeta) -> bool,
}

impl<'a> Planner<'a> {
    /// The help pages: per audience and per form of violence, and their index. Returns the
    /// audience links for the home and search pages.
    pub(super) fn help_pages(&self, jobs: &mut Vec<PageJob<'a>>) -> Vec<TermView> {
        let c = &self.site.config;
        let no_pins: Vec<String> = Vec::new();
        let mut audience_links = Vec::new();
        for (k, l) in &c.audiences.0 {
            let page = HelpPage {
                key: k,
                label: l,
                advice_for: Some(k),
                dir: urls::audience_dir(k),
                intro: self.s(&format!("audience_{k}_intro")),
                pinned: c.help_lines.get(k).unwrap_or(&no_pins),
                wanted: &|p| p.audiences.contains(k),
                knows: &|m| m.audiences.contains(k),
            };
            audience_links.push(self.help_page(page, jobs));
        }
        let mut form_links = Vec::new();
        for (k, l) in &c.violence_forms.0 {
            let page = HelpPage {
                key: k,
                label: l,
                advice_for: None,
                dir: urls::violence_form_dir(k),
                intro: self.s("violence_form_intro"),
                pinned: &no_pins,
                wanted: &|p| p.violence_forms.contains(k),
                knows: &|m| m.violence_forms.contains(k),
            };
            form_links.push(self.help_page(page, jobs));
        }
        self.help_indexes(&audience_links, form_links, jobs);
        audience_links
    }

    /// A help page, triaged (see triage.rs): its partners ranked, the rest after them, the
    /// pinned lines, the advice and the knowledge pages. Returns its link with the number
    /// of offers it shows.
    fn help_page(&self, page: HelpPage, jobs: &mut Vec<PageJob<'a>>) -> TermView {
        let site = self.site;
        let candidates = site
            .section(Section::Partnere)
            .filter(|e| e.partner().is_some_and(page.wanted));
        let (ranked, other) = crate::triage::triage(candidates, &site.config, page.pinned);
        let ranked: Vec<&EntryView> = ranked.into_iter().map(|e| self.view_of(e)).collect();
        let other: Vec<&EntryView> = other.into_iter().map(|e| self.view_of(e)).collect();
        let lines = context::help_lines(site, page.pinned);
        let count = ranked.len() + other.len() + lines.len();
        let knowledge: Vec<&CardView> = site
            .section(Section::Viden)
            .filter(|e| e.slug != context::IS_IT_VIOLENCE && e.knowledge().is_some_and(page.knows))
            .map(|e| self.card_of(e))
            .collect();
        let sources_heading = self.s("sources");
        let guidance: Vec<GuidanceView> = page
            .advice_for
            .into_iter()
            .flat_map(|a| site.advice_for(a))
            .map(|(i, e)| {
                let (html, sources) = split_sources(&self.rendered[i].html, &sources_heading);
                GuidanceView {
                    translation: e.translation.as_ref(),
                    untranslated: e.untranslated,
                    title: &e.title,
                    html,
                    sources,
                }
            })
            .collect();
        let mut ctx = self.shared.ctx(page.label, &page.dir);
        ctx.insert(
            "audience",
            FacetValue {
                key: page.key.to_string(),
                label: page.label.to_string(),
                url: None,
            },
        );
        ctx.insert("guidance", guidance);
        ctx.insert("intro", page.intro);
        ctx.insert("pinned_slugs", page.pinned.to_vec());
        ctx.insert("help_lines", lines);
        ctx.insert("items", ranked);
        ctx.insert("other_items", other);
        ctx.insert("knowledge", knowledge);
        ctx.insert(
            "forms_url",
            urls::link(self.bp, &urls::violence_forms_dir()),
        );
        let link = TermView {
            key: page.key.to_string(),
            label: page.label.to_string(),
            url: urls::link(self.bp, &page.dir),
            count,
        };
        jobs.push(PageJob {
            out: page.dir,
            template: "audience.html",
            ctx,
            source: None,
        });
        link
    }

    /// The list of violence forms and the help index (audiences and forms).
    fn help_indexes(
        &self,
        audience_links: &[TermView],
        form_links: Vec<TermView>,
        jobs: &mut Vec<PageJob<'a>>,
    ) {
        let dir = urls::violence_forms_dir();
        let mut ctx = self.shared.ctx(&self.s("violence_forms_title"), &dir);
        ctx.insert("terms", form_links.clone());
        ctx.insert("intro", self.s("violence_forms_intro"));
        jobs.push(PageJob {
            out: dir,
            template: "taxonomy_list.html",
            ctx,
            source: None,
        });
        let dir = urls::help_dir();
        let mut ctx = self.shared.ctx(&self.s("help_title"), &dir);
        ctx.insert("audiences", audience_links.to_vec());
        ctx.insert("forms", form_links);
        jobs.push(PageJob {
            out: dir,
            template: "help.html",
            ctx,
            source: None,
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn advice_sources_are_split_off_at_the_closing_kilder_heading() {
        let html = "<p>Ring.</p>\n<h3 id=\"kilder\">Kilder</h3>\n<ul><li>A</li></ul>\n";
        assert_eq!(
            super::split_sources(html, "Kilder"),
            ("<p>Ring.</p>\n", "\n<ul><li>A</li></ul>\n")
        );
        assert_eq!(super::split_sources("<p>x</p>", "Kilder"), ("<p>x</p>", ""));
    }
}
