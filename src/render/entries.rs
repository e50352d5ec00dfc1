//! Every entry's own page.

use super::*;

impl<'a> Planner<'a> {
    /// Every entry's own page.
    pub(super) fn entry_pages(&self, jobs: &mut Vec<PageJob<'a>>) {
        for (i, e) in self.site.entries.iter().enumerate() {
            jobs.extend(self.entry_page(i, e));
        }
    }

    /// The page of entry `i` (`e`), if it has one.
    pub(super) fn entry_page(&self, i: usize, e: &'a Entry) -> Option<PageJob<'a>> {
        let site = self.site;
        let bp = self.bp;
        let rendered = self.rendered;
        let views = self.views;
        let cards = self.cards;
        let idx_of = &self.idx_of;
        let card_of = |e: &'a Entry| -> &'a CardView { self.card_of(e) };
        let base_ctx = |title: &str, dir: &str| self.shared.ctx(title, dir);
        if !e.section.has_pages() {
            return None;
        }
        let dir = urls::entry_dir(e.section, &e.slug);
        let mut ctx = base_ctx(&e.title, &dir);
        ctx.insert_ref("entry", &*views[i]);
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
                            .map(|i| &*cards[*i])
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
            EntryKind::Guidance(_) => return None,
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
                let view = self.poster_view_of(&e.slug);
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
        Some(PageJob {
            out: dir,
            template,
            ctx,
            source: Some(e.path.clone()),
        })
    }
}
