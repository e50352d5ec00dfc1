//! The practices by focus area, municipality, target group and criterion, the criteria
//! matrix, and the comparison page.

use super::*;
use crate::entry::PracticeMeta;

/// `n.to_string() == k`, without making the string: the practice pages compare every
/// practice's numbers with every key (at 10,000 practices, hundreds of thousands of times).
fn decimal_is(n: u32, k: &str) -> bool {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    let mut m = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    &buf[i..] == k.as_bytes()
}

/// A practice with its card, as the practice pages list it.
type Practice<'a> = (&'a PracticeMeta, &'a CardView);

/// One term of a taxonomy (a focus area, a municipality, …) and the practices it lists.
struct Term<'a> {
    key: String,
    label: String,
    /// Output directory of the term's page.
    dir: String,
    items: Vec<&'a CardView>,
}

/// A taxonomy's index page and where it sits.
struct Index {
    dir: String,
    title: String,
    intro: String,
}

/// A taxonomy: its index (the terms that list any practice, with counts) and each term's
/// page, paginated.
fn taxonomy<'a>(
    shared: &Shared<'a>,
    index: Index,
    terms: Vec<Term<'a>>,
    jobs: &mut Vec<PageJob<'a>>,
) {
    let bp = shared.base_path;
    let page_word = shared.strings.get("page").cloned().unwrap_or_default();
    let term_views: Vec<TermView> = terms
        .iter()
        .filter(|t| !t.items.is_empty())
        .map(|t| TermView {
            key: t.key.clone(),
            label: t.label.clone(),
            url: urls::link(bp, &t.dir),
            count: t.items.len(),
        })
        .collect();
    let mut ctx = shared.ctx(&index.title, &index.dir);
    ctx.insert("terms", term_views);
    ctx.insert("intro", index.intro);
    jobs.push(PageJob {
        out: index.dir.clone(),
        template: "taxonomy_list.html",
        ctx,
        source: None,
    });
    for term in terms.into_iter().filter(|t| !t.items.is_empty()) {
        for (dir, items, pager) in paginate(&term.items, &term.dir, shared.per_page, bp) {
            let title = page_title(&term.label, pager.as_ref(), &page_word);
            let mut ctx = shared.ctx(&title, &dir);
            ctx.insert("items", items);
            ctx.insert("pager", pager);
            ctx.insert(
                "parent",
                Link {
                    label: index.title.clone(),
                    url: urls::link(bp, &index.dir),
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

impl<'a> Planner<'a> {
    /// The practices by focus area, municipality, target group and quality criterion, and
    /// the criteria matrix.
    pub(super) fn practice_pages(&self, jobs: &mut Vec<PageJob<'a>>) {
        let practices: Vec<Practice<'a>> = self
            .site
            .section(Section::Praksis)
            .filter_map(|e| e.practice().map(|p| (p, self.card_of(e))))
            .collect();
        self.focus_area_pages(&practices, jobs);
        self.municipality_pages(&practices, jobs);
        self.target_group_pages(&practices, jobs);
        self.criterion_pages(&practices, jobs);
        self.criteria_matrix(&practices, jobs);
    }

    fn index(&self, dir: String, title_key: &str, intro_key: &str) -> Index {
        Index {
            dir,
            title: self.s(title_key),
            intro: self.s(intro_key),
        }
    }

    fn focus_area_pages(&self, practices: &[Practice<'a>], jobs: &mut Vec<PageJob<'a>>) {
        let terms = (self.site.config.focus_areas.0.iter())
            .map(|(k, l)| Term {
                key: k.clone(),
                label: format!("{} {k}: {l}", self.s("focus_area")),
                dir: urls::focus_area_dir(k),
                items: practices
                    .iter()
                    .filter(|(p, _)| decimal_is(p.focus_area, k))
                    .map(|(_, v)| *v)
                    .collect(),
            })
            .collect();
        let index = self.index(
            urls::focus_areas_dir(),
            "browse_focus_areas",
            "focus_areas_intro",
        );
        taxonomy(&self.shared, index, terms, jobs);
    }

    /// Municipalities are named by the practices themselves, so their keys are slugs of
    /// the names (in slug order).
    fn municipality_pages(&self, practices: &[Practice<'a>], jobs: &mut Vec<PageJob<'a>>) {
        let mut munis: BTreeMap<String, (String, Vec<&CardView>)> = BTreeMap::new();
        // A few hundred names among thousands of practices: each slugified once.
        let mut slugs: HashMap<&str, String> = HashMap::new();
        for (p, v) in practices {
            for m in &p.municipalities {
                let slug = slugs
                    .entry(m.as_str())
                    .or_insert_with(|| crate::slug::slugify(m));
                munis
                    .entry(slug.clone())
                    .or_insert_with(|| (m.clone(), Vec::new()))
                    .1
                    .push(*v);
            }
        }
        let terms = munis
            .into_iter()
            .map(|(k, (label, items))| Term {
                dir: urls::municipality_dir(&k),
                key: k,
                label,
                items,
            })
            .collect();
        let index = self.index(
            urls::municipalities_dir(),
            "browse_municipalities",
            "municipalities_intro",
        );
        taxonomy(&self.shared, index, terms, jobs);
    }

    fn target_group_pages(&self, practices: &[Practice<'a>], jobs: &mut Vec<PageJob<'a>>) {
        let terms = (self.site.config.target_groups.0.iter())
            .map(|(k, l)| Term {
                key: k.clone(),
                label: l.clone(),
                dir: urls::target_group_dir(k),
                items: practices
                    .iter()
                    .filter(|(p, _)| p.target_groups.contains(k))
                    .map(|(_, v)| *v)
                    .collect(),
            })
            .collect();
        let index = self.index(
            urls::target_groups_dir(),
            "browse_target_groups",
            "target_groups_intro",
        );
        taxonomy(&self.shared, index, terms, jobs);
    }

    /// Each quality criterion's page, with its definition; the matrix is their index.
    fn criterion_pages(&self, practices: &[Practice<'a>], jobs: &mut Vec<PageJob<'a>>) {
        let c = &self.site.config;
        let bp = self.bp;
        let definition_url = self
            .site
            .get(Section::Viden, "kvalitetskriterier")
            .map(|_| urls::link(bp, &urls::entry_dir(Section::Viden, "kvalitetskriterier")));
        for (k, l) in &c.criteria.0 {
            let items: Vec<&CardView> = practices
                .iter()
                .filter(|(p, _)| p.criteria.iter().any(|n| decimal_is(*n, k)))
                .map(|(_, v)| *v)
                .collect();
            if items.is_empty() {
                continue;
            }
            let label = format!("{} {k}: {l}", self.s("criterion"));
            for (dir, items, pager) in paginate(&items, &urls::criterion_dir(k), c.paginate, bp) {
                let title = page_title(&label, pager.as_ref(), &self.s("page"));
                let mut ctx = self.shared.ctx(&title, &dir);
                ctx.insert("items", items);
                ctx.insert("pager", pager);
                ctx.insert(
                    "definition",
                    c.criteria_descriptions.get(k).map(str::to_string),
                );
                ctx.insert("definition_url", definition_url.clone());
                ctx.insert(
                    "parent",
                    Link {
                        label: self.s("browse_criteria"),
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
    }

    /// Which practice meets which criterion, with totals per criterion.
    fn criteria_matrix(&self, practices: &[Practice<'a>], jobs: &mut Vec<PageJob<'a>>) {
        let c = &self.site.config;
        let bp = self.bp;
        let criteria: Vec<FacetValue> = (c.criteria.0.iter())
            .map(|(k, l)| FacetValue {
                key: k.clone(),
                label: l.clone(),
                url: Some(urls::link(bp, &urls::criterion_dir(k))),
            })
            .collect();
        let rows: Vec<MatrixRow> = practices
            .iter()
            .map(|(p, v)| MatrixRow {
                entry: v,
                cells: c
                    .criteria
                    .keys()
                    .map(|k| p.criteria.iter().any(|n| decimal_is(*n, k)))
                    .collect(),
            })
            .collect();
        let totals: Vec<usize> = (0..criteria.len())
            .map(|i| rows.iter().filter(|r| r.cells[i]).count())
            .collect();
        let evaluated_total = practices.iter().filter(|(p, _)| p.evaluated).count();
        for (dir, rows, pager) in paginate(&rows, &urls::criteria_matrix_dir(), c.paginate, bp) {
            let title = page_title(&self.s("browse_criteria"), pager.as_ref(), &self.s("page"));
            let mut ctx = self.shared.ctx(&title, &dir);
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

    /// The side-by-side comparison of chosen practices (filled in the browser from their
    /// pages).
    pub(super) fn compare_page(&self, jobs: &mut Vec<PageJob<'a>>) {
        if self.site.section(Section::Praksis).next().is_none() {
            return;
        }
        let dir = urls::compare_dir();
        let mut ctx = self.shared.ctx(&self.s("compare_title"), &dir);
        ctx.insert(
            "section_url",
            urls::link(self.bp, &urls::section_dir(Section::Praksis)),
        );
        jobs.push(PageJob {
            out: dir,
            template: "compare.html",
            ctx,
            source: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::decimal_is;

    #[test]
    fn decimal_is_to_string_equality() {
        for n in [0u32, 1, 7, 10, 42, 100, 4_294_967_295] {
            for k in [
                "0",
                "1",
                "01",
                "7",
                "10",
                "42",
                "+42",
                "100",
                "4294967295",
                "",
                " 1",
            ] {
                assert_eq!(decimal_is(n, k), n.to_string() == k, "{n} {k:?}");
            }
        }
    }
}
