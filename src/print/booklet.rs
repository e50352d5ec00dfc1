//! The 22 practices as one booklet, `/praksis/samlet.pdf`: cover, table of contents with
//! page numbers, the criteria matrix, a section per focus area with each practice's facts
//! box, text and source, and the edition date. Template `print/booklet.typ`; tagged
//! PDF/UA-1 in Danish with the theme's fonts embedded, like the posters. Regenerated on
//! every build from the entries.

use super::world::{PosterWorld, PrintKit};
use crate::entry::{Entry, OfferStatus, PracticeMeta, Section};
use crate::model::Site;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Where the booklet is written.
pub const PATH: &str = "praksis/samlet.pdf";
pub const TEMPLATE: &str = "booklet.typ";

/// Up to this many practices the build makes the booklet and its print page: a booklet is
/// for reading at a meeting, and a site with thousands of practices (the 10,000-entry
/// benchmark) would spend seconds on a PDF of thousands of pages no one prints.
pub const MAX_PRACTICES: usize = 100;

/// Whether the site gets a booklet: it has practices, and not more than [`MAX_PRACTICES`].
pub fn wanted(site: &Site) -> bool {
    let n = site.section(Section::Praksis).count();
    n > 0 && n <= MAX_PRACTICES
}

/// The body as blocks Typst can set: `h` (a `##` heading), `p` and `ul` (`items`), inline marks
/// dropped (a link keeps its text).
pub fn blocks(body: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut text = String::new();
    for ev in Parser::new(body) {
        match ev {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::Item) => {
                // An item's text is its own; a paragraph inside an item continues it.
                if !text.trim().is_empty() {
                    out.push(json!({"kind": "li", "text": text.trim()}));
                }
                text.clear();
            }
            Event::End(end) => {
                let kind = match end {
                    TagEnd::Heading(HeadingLevel::H1 | HeadingLevel::H2) => "h",
                    TagEnd::Heading(_) => "h3",
                    TagEnd::Paragraph => "p",
                    TagEnd::Item => "li",
                    _ => continue,
                };
                if !text.trim().is_empty() {
                    out.push(json!({"kind": kind, "text": text.trim()}));
                }
                text.clear();
            }
            _ => {}
        }
    }
    group_items(out)
}

/// Consecutive `li` blocks as one `ul` block with `items`, so a list is one list.
fn group_items(blocks: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for b in blocks {
        if b["kind"] == "li" {
            if let Some(last) = out.last_mut().filter(|l| l["kind"] == "ul") {
                if let Some(items) = last["items"].as_array_mut() {
                    items.push(b["text"].clone());
                }
                continue;
            }
            out.push(json!({"kind": "ul", "items": [b["text"]]}));
        } else {
            out.push(b);
        }
    }
    out
}

fn practice_json(site: &Site, s: &dyn Fn(&str) -> String, e: &Entry, p: &PracticeMeta) -> Value {
    let c = &site.config;
    let label = |l: &crate::config::Labels, k: &str| l.get(k).unwrap_or(k).to_string();
    let mut facts: Vec<Value> = Vec::new();
    let mut fact = |k: &str, v: String| {
        if !v.is_empty() {
            facts.push(json!({"label": s(k), "value": v}));
        }
    };
    fact("municipalities", p.municipalities.join(", "));
    fact("organisations", p.organisations.join(", "));
    fact(
        "target_groups",
        p.target_groups
            .iter()
            .map(|g| label(&c.target_groups, g))
            .collect::<Vec<_>>()
            .join(", "),
    );
    fact("period", p.period.clone().unwrap_or_default());
    for (k, v) in p.facts.by_key() {
        fact(&format!("fact_{k}"), v.unwrap_or_default().to_string());
    }
    fact(
        "criteria",
        p.criteria
            .iter()
            .map(|n| format!("{n}. {}", label(&c.criteria, &n.to_string())))
            .collect::<Vec<_>>()
            .join("; "),
    );
    fact("evaluated", s(if p.evaluated { "yes" } else { "no" }));
    match p.status {
        OfferStatus::Active => {}
        OfferStatus::Paused => fact("csv_status", s("status_paused")),
        OfferStatus::Ended => fact(
            "csv_status",
            match p.ended_on {
                Some(d) => format!("{} ({})", s("status_ended"), d.danish()),
                None => s("status_ended"),
            },
        ),
    }
    let source = e.source.as_ref().map(|src| {
        let v = crate::context::source_view(c, src);
        let mut t = v.title;
        if let Some(pg) = v.pages {
            t.push_str(&format!(", {} {pg}", s("pages")));
        }
        t
    });
    json!({
        "slug": e.slug,
        "title": e.title,
        "summary": e.summary,
        "example": p.example,
        "criteria": p.criteria,
        "facts": facts,
        "blocks": blocks(&e.body),
        "source": source.unwrap_or_default(),
    })
}

/// The template's data: strings, criteria, focus areas with their practices.
pub fn data(site: &Site, strings: &BTreeMap<String, String>) -> Value {
    let c = &site.config;
    let s = |k: &str| strings.get(k).cloned().unwrap_or_else(|| k.to_string());
    let practices: Vec<(&Entry, &PracticeMeta)> = site
        .section(Section::Praksis)
        .filter_map(|e| e.practice().map(|p| (e, p)))
        .collect();
    let areas: Vec<Value> = c
        .focus_areas
        .0
        .iter()
        .map(|(n, label)| {
            let mut ps: Vec<&(&Entry, &PracticeMeta)> = practices
                .iter()
                .filter(|(_, p)| p.focus_area.to_string() == *n)
                .collect();
            ps.sort_by_key(|(_, p)| (p.example.is_none(), p.example));
            json!({
                "number": n,
                "label": label,
                "practices": ps.iter().map(|(e, p)| practice_json(site, &s, e, p)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let (y, m, d) = c.today.civil();
    json!({
        "title": s("booklet_title"),
        "subtitle": s("booklet_subtitle"),
        "municipality": c.municipality.name,
        "site": c.base_url,
        "edition": format!("{} {}", s("booklet_edition"), c.today.danish()),
        "edition_short": format!("{d:02}.{m:02}.{y}"),
        "count": practices.len(),
        "criteria": c.criteria.0.iter().map(|(n, l)| json!({"number": n, "label": l})).collect::<Vec<_>>(),
        "areas": areas,
        "t": {
            "toc": s("booklet_toc"),
            "matrix": s("booklet_matrix"),
            "matrix_intro": s("booklet_matrix_intro"),
            "practice": s("booklet_practice_column"),
            "facts": s("booklet_facts"),
            "source": s("source"),
            "focus_area": s("focus_area"),
            "example": s("example"),
            "page": s("page"),
            "yes_mark": s("booklet_yes_mark"),
        },
    })
}

/// Typeset the booklet; `Err` with the Typst messages.
pub fn typeset(kit: &PrintKit, data: &Value, today: (i32, u8, u8)) -> Result<Vec<u8>, String> {
    let files = vec![("/data.json", serde_json::to_vec(data).unwrap_or_default())];
    let world = PosterWorld::new(kit, TEMPLATE, files, today)?;
    super::typeset::tagged_pdf(&world, "vejviser-praksis-samlet".into()).map(|(_, pdf)| pdf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_headings_paragraphs_and_items() {
        let b = blocks("## Indhold\n\nEn [side](/x/) med **fed**.\n\n- et\n- to\n");
        let kinds: Vec<&str> = b.iter().map(|x| x["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["h", "p", "ul"]);
        assert_eq!(b[2]["items"], serde_json::json!(["et", "to"]));
        assert_eq!(b[1]["text"], "En side med fed.");
    }
}
