//! The list page of every section.

use super::*;

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

impl<'a> Planner<'a> {
    /// The list page of every section (paginated; the practices grouped by focus area).
    pub(super) fn section_lists(&self, jobs: &mut Vec<PageJob<'a>>) {
        let site = self.site;
        let c = &self.site.config;
        let bp = self.bp;
        let strings = self.strings;
        let view_of = |e: &'a Entry| -> &'a EntryView { self.view_of(e) };
        let card_of = |e: &'a Entry| -> &'a CardView { self.card_of(e) };
        let base_ctx = |title: &str, dir: &str| self.shared.ctx(title, dir);
        let s = |k: &str| self.s(k);
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
                            .map(|i| (i.slug.as_str(), self.poster_view_of(&i.slug)))
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
}
