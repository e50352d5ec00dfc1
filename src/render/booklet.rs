//! The print page of every practice (`/praksis/samlet/`), beside the booklet PDF.

use super::*;

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
    example: Option<u32>,
    content: String,
}

impl<'a> Planner<'a> {
    /// The print page of every practice (`/praksis/samlet/`), beside the booklet PDF that
    /// print/booklet.rs makes from the same entries.
    pub(super) fn booklet_page(&self, jobs: &mut Vec<PageJob<'a>>) {
        let c = &self.site.config;
        if !crate::print::booklet::wanted(self.site) {
            return;
        }
        let areas: Vec<BookletArea> = c
            .focus_areas
            .0
            .iter()
            .map(|(n, label)| {
                let mut ps: Vec<(&Entry, Option<u32>)> = self
                    .site
                    .section(Section::Praksis)
                    .filter_map(|e| e.practice().map(|p| (e, p)))
                    .filter(|(_, p)| p.focus_area.to_string() == *n)
                    .map(|(e, p)| (e, p.example))
                    .collect();
                // Numbered examples in booklet order, then the practices without a number.
                ps.sort_by_key(|(_, x)| (x.is_none(), *x));
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
}
