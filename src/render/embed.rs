//! The embeddable "find help" box (`/indlejr/`) and its page for the web team.

use super::*;

/// The sizes of the embeddable box: name (its folder), width and height in CSS pixels.
pub const EMBED_SIZES: [(&str, u32, u32); 3] = [
    ("lille", 300, 340),
    ("mellem", 300, 620),
    ("stor", 600, 560),
];

/// One size of the embeddable box, for the web team's page.
#[derive(Serialize)]
struct EmbedBox {
    size: &'static str,
    label: String,
    snippet: String,
    url: String,
}

impl<'a> Planner<'a> {
    /// The embeddable help box (`/indlejr/<size>/`, template `embed.html`) in each size, the
    /// page for the web team with the snippets (`/indlejr/`), and the Apache header file
    /// with the `frame-ancestors` policy from site.yaml `embed` (docs/embed.md).
    pub(super) fn embed_pages(&self, jobs: &mut Vec<PageJob<'a>>, audience_links: &[TermView]) {
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
}
