//! The good practices as their own JSON file, `data/praksis.json`. They are examples of
//! how municipalities work (most from a 2019 booklet, some ended), not services a citizen
//! can contact, so they are not HSDS services; docs/open-data.md says why they are not HSDS
//! programs either.

use super::hsds;
use super::Export;
use crate::entry::{Entry, PracticeMeta, Section};
use crate::urls;
use rayon::prelude::*;
use serde_json::{json, Value};

pub const FILE: &str = "data/praksis.json";

/// `(number, label)` pairs as objects.
fn numbered(labels: &crate::config::Labels, ns: &[u32]) -> Vec<Value> {
    ns.iter()
        .map(|n| json!({"number": n, "label": labels.get(&n.to_string()).unwrap_or_default()}))
        .collect()
}

fn keyed(labels: &crate::config::Labels, keys: &[String]) -> Vec<Value> {
    keys.iter()
        .map(|k| json!({"key": k, "label": labels.get(k).unwrap_or(k)}))
        .collect()
}

/// The facts the source gives, by key (`duration`, …), only those it gives.
pub fn facts(p: &PracticeMeta) -> Vec<(&'static str, &str)> {
    p.facts
        .by_key()
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}

pub fn practice(x: &Export, e: &Entry, p: &PracticeMeta) -> Value {
    let c = x.config();
    let partners: Vec<Value> = p
        .partners
        .iter()
        .filter_map(|slug| x.site().get(Section::Partnere, slug))
        .map(|pe| {
            json!({
                "slug": pe.slug,
                "name": pe.title,
                "hsds_service_id": hsds::service_id(x, pe),
            })
        })
        .collect();
    let source = e.source.as_ref().map(|s| {
        let v = crate::context::source_view(c, s);
        json!({"title": v.title, "url": v.url, "pages": v.pages, "date": s.date})
    });
    let facts: serde_json::Map<String, Value> = facts(p)
        .into_iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect();
    json!({
        "slug": e.slug,
        "url": urls::absolute(x.base_url(), &urls::entry_dir(e.section, &e.slug)),
        "title": e.title,
        "summary": e.summary,
        "focus_area": numbered(&c.focus_areas, &[p.focus_area])[0],
        "example": p.example,
        "municipalities": p.municipalities,
        "organisations": p.organisations,
        "criteria": numbered(&c.criteria, &p.criteria),
        "target_groups": keyed(&c.target_groups, &p.target_groups),
        "offers": keyed(&c.offers, &p.offers),
        "evaluated": p.evaluated,
        "period": p.period,
        "status": p.status,
        "ended_on": p.ended_on.map(|d| d.to_string()),
        "facts": facts,
        "partners": partners,
        "source": source,
    })
}

pub fn file(x: &Export) -> Vec<u8> {
    let entries: Vec<(&Entry, &PracticeMeta)> = x
        .site()
        .section(Section::Praksis)
        .filter_map(|e| e.practice().map(|p| (e, p)))
        .collect();
    // Each practice is written out as soon as it is made: the whole file as one JSON tree
    // took about five times its size in memory (75 MB at 10,000 practices).
    let practices: Vec<Vec<u8>> = entries
        .par_iter()
        .map(|(e, p)| serde_json::to_vec(&practice(x, e, p)).unwrap_or_default())
        .collect();
    // The keys in the order serde_json writes a map: sorted.
    let mut out = Vec::with_capacity(practices.iter().map(|p| p.len() + 1).sum::<usize>() + 64);
    out.extend_from_slice(format!("{{\"count\":{},\"practices\":[", practices.len()).as_bytes());
    for (i, p) in practices.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(p);
    }
    out.extend_from_slice(b"],\"title\":");
    out.extend_from_slice(&serde_json::to_vec(x.s("section_praksis")).unwrap_or_default());
    out.extend_from_slice(b"}\n");
    out
}
