//! `plakater`: a poster or leaflet to print, with the partners whose numbers it carries.

use super::keys::{key, POSTER};
use super::reader::EntryReader;
use super::{EntryKind, PaperSize, PosterAudience, PosterLayout, PosterMeta};

pub(super) fn poster(r: &mut EntryReader) -> Option<EntryKind> {
    let layout = r
        .read::<PosterLayout>(key!(POSTER, "layout"))
        .unwrap_or(PosterLayout::Poster);
    let audience = r.read::<PosterAudience>(key!(POSTER, "audience"));
    let sizes = r.read::<Vec<PaperSize>>(key!(POSTER, "sizes"));
    let headline = r.read::<String>(key!(POSTER, "headline"));
    let contacts = r
        .read::<Vec<String>>(key!(POSTER, "contacts"))
        .unwrap_or_default();
    let qr = r.read::<String>(key!(POSTER, "qr"));
    let tear_off = r.read::<bool>(key!(POSTER, "tear_off")).unwrap_or(false);
    if sizes.as_ref().is_some_and(Vec::is_empty) {
        r.error(
            "empty-field",
            r.line("sizes"),
            "sizes er tom",
            "fx sizes: [A4, A3]",
        );
    }
    if let Some(q) = &qr {
        if !q.starts_with('/') {
            r.error(
                "bad-url",
                r.line("qr"),
                format!("qr `{q}` skal være en sti på sitet"),
                "begynd med /, fx \"/hjaelp/\"",
            );
        }
    }
    let mut sizes = sizes?;
    sizes.sort();
    sizes.dedup();
    Some(EntryKind::Poster(PosterMeta {
        layout,
        audience: audience?,
        sizes,
        headline: headline?,
        contacts,
        qr,
        tear_off,
    }))
}
