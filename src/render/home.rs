//! The home page, the search page and the 404 page.

use super::*;

impl<'a> Planner<'a> {
    /// The home page, the search page and the 404 page.
    pub(super) fn home_pages(&self, jobs: &mut Vec<PageJob<'a>>, audience_links: Vec<TermView>) {
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
                ("at_least", "search_at_least"),
                ("filters", "search_filters"),
                ("more", "search_more"),
                ("fallback", "search_fallback_results"),
                ("fallback_none", "search_fallback_none"),
            ]
            .into_iter()
            .map(|(k, v)| (k, s(v)))
            .collect();
            ctx.insert("search_strings", search_strings);
            ctx.insert(
                "search_index",
                urls::link(bp, crate::search::export::INDEX_FILE),
            );
            // In another language the search page searches that language first, then
            // offers the Danish results (most of the site is Danish only).
            let langs = &self.opts.languages;
            if langs.all.first().is_some_and(|l| l.code != langs.current) {
                ctx.insert(
                    "search_fallback_index",
                    urls::link(&langs.root_base_path, crate::search::export::INDEX_FILE),
                );
            }
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
