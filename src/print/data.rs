//! The data a poster template receives: headline, text, the contacts that may be printed,
//! emergency numbers, the QR code. Built from the model, never from rendered HTML.

use crate::entry::{ContactStatus, Entry, PosterLayout, PosterMeta, Section};
use crate::model::{Site, MUNICIPALITY_CONTACT};
use crate::urls;
use serde_json::{json, Value};

#[derive(Debug, Clone)]
pub struct PosterData {
    pub slug: String,
    /// The template below `print/` (`poster.typ` or `leaflet.typ`).
    pub template: &'static str,
    pub json: Value,
    pub qr_svg: Option<String>,
    /// Numbers on the poster (verified ones, plus unverified in a draft).
    pub printed_numbers: usize,
    /// Every number the poster prints, the emergency numbers first: for its page's printout.
    pub numbers: Vec<super::PrintedNumber>,
    /// Contacts whose numbers were left out (or printed only because of --drafts).
    pub unverified_contacts: Vec<String>,
}

struct Line {
    name: String,
    audience: String,
    number: String,
    label: String,
    hours: String,
    verified: bool,
}

fn line_json(l: &Line) -> Value {
    json!({
        "name": l.name,
        "for": l.audience,
        "number": l.number,
        "label": l.label,
        "hours": l.hours,
        "verified": l.verified,
    })
}

/// Every phone line of a contact slug, with whether it may go on a final poster.
fn lines_of(site: &Site, slug: &str) -> Vec<Line> {
    let c = &site.config;
    if slug == MUNICIPALITY_CONTACT {
        return c
            .municipality
            .phones
            .iter()
            .map(|p| Line {
                name: c.municipality.name.clone(),
                audience: String::new(),
                number: p.number.clone(),
                label: p.label.clone().unwrap_or_default(),
                hours: p.hours.clone().unwrap_or_default(),
                verified: c.municipality_verified,
            })
            .collect();
    }
    let Some(e) = site.get(Section::Partnere, slug) else {
        return Vec::new();
    };
    let Some(p) = e.partner() else {
        return Vec::new();
    };
    // An ended or paused offer is never printed as help, not even on a draft.
    if p.status != crate::entry::OfferStatus::Active {
        return Vec::new();
    }
    let audience = p
        .audiences
        .iter()
        .filter_map(|a| c.audiences.get(a))
        .collect::<Vec<_>>()
        .join(" · ");
    p.contact
        .phones
        .iter()
        .map(|ph| Line {
            name: e.title.clone(),
            audience: audience.clone(),
            number: ph.number.clone(),
            label: ph.label.clone().unwrap_or_default(),
            hours: ph.hours.clone().unwrap_or_default(),
            verified: p.contact_status == ContactStatus::Verified,
        })
        .collect()
}

/// The Markdown body as plain paragraphs (link text kept, markup dropped).
pub fn paragraphs(body: &str) -> Vec<String> {
    crate::markdown::render(body, 1, "")
        .text
        .lines()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// `strings`: the theme's UI strings (the draft mark and the other words a poster prints
/// besides its content).
pub fn poster_data(
    site: &Site,
    strings: &std::collections::BTreeMap<String, String>,
    e: &Entry,
    meta: &PosterMeta,
    drafts: bool,
) -> PosterData {
    let c = &site.config;
    let ui = |k: &str| strings.get(k).cloned().unwrap_or_else(|| k.to_string());
    let mut chosen = Chosen {
        drafts,
        numbers: c
            .emergency
            .iter()
            .map(|e| super::PrintedNumber {
                name: e.label.clone(),
                number: e.number.clone(),
                hours: String::new(),
            })
            .collect(),
        printed: 0,
        unverified: Vec::new(),
    };
    let (contacts, groups) = match meta.layout {
        PosterLayout::Poster => (poster_contacts(site, meta, &mut chosen), Vec::new()),
        PosterLayout::Leaflet => (Vec::new(), leaflet_groups(site, &mut chosen)),
    };
    // Tear-off tabs carry the first number that may be printed.
    let tear_off = if meta.tear_off {
        contacts
            .first()
            .map(|l| json!({"number": l.number, "name": l.name}))
    } else {
        None
    };
    let (qr_url, qr_svg) = qr_code(site, meta);
    let title = if drafts {
        format!("{} {}", ui("poster_draft_title"), e.title)
    } else {
        e.title.clone()
    };
    let edition = {
        let (y, m, d) = c.today.civil();
        format!("{} {d:02}.{m:02}.{y}", ui("poster_edition"))
    };
    let json = json!({
        "title": title,
        "headline": meta.headline,
        "paragraphs": paragraphs(&e.body),
        "layout": match meta.layout { PosterLayout::Poster => "poster", PosterLayout::Leaflet => "leaflet" },
        "contacts": contacts.iter().map(line_json).collect::<Vec<_>>(),
        "groups": groups,
        "emergency": c.emergency.iter().map(|e| json!({"number": e.number, "label": e.label})).collect::<Vec<_>>(),
        "tear_off": tear_off,
        "draft": drafts,
        "draft_mark": ui("poster_draft_mark"),
        "unverified_note": ui("poster_unverified"),
        "municipality": c.municipality.name,
        "edition": edition,
        "has_qr": qr_svg.is_some(),
        "qr_alt": format!("{} {}", ui("poster_qr_to"), qr_url.clone().unwrap_or_default()),
        "qr_text": qr_url.clone().unwrap_or_default(),
        "paper": "a4",
    });
    PosterData {
        slug: e.slug.clone(),
        template: match meta.layout {
            PosterLayout::Poster => "poster.typ",
            PosterLayout::Leaflet => "leaflet.typ",
        },
        json,
        qr_svg,
        printed_numbers: chosen.printed,
        numbers: chosen.numbers,
        unverified_contacts: chosen.unverified,
    }
}

/// What a poster prints so far: its numbers (the emergency numbers first), how many lines
/// besides those, and who was left off for want of a current verification.
struct Chosen {
    /// A draft print shows unverified lines too (marked as such by the template).
    drafts: bool,
    numbers: Vec<super::PrintedNumber>,
    printed: usize,
    unverified: Vec<String>,
}

impl Chosen {
    /// Whether to print `l` (of partner `who`); counts it when it is.
    fn keep(&mut self, l: &Line, who: &str) -> bool {
        if !l.verified && !self.unverified.iter().any(|u| u == who) {
            self.unverified.push(who.to_string());
        }
        let keep = l.verified || self.drafts;
        if keep {
            self.numbers.push(printed_number(l));
            self.printed += 1;
        }
        keep
    }
}

/// A poster's lines: those of its `contacts`, in order.
fn poster_contacts(site: &Site, meta: &PosterMeta, chosen: &mut Chosen) -> Vec<Line> {
    let mut contacts = Vec::new();
    for slug in &meta.contacts {
        for l in lines_of(site, slug) {
            if chosen.keep(&l, slug) {
                contacts.push(l);
            }
        }
    }
    contacts
}

/// A leaflet's groups: the municipality first, then every partner with a printable number,
/// grouped by who it is for, in the order of `audiences` in site.yaml.
fn leaflet_groups(site: &Site, chosen: &mut Chosen) -> Vec<serde_json::Value> {
    let c = &site.config;
    let mut groups = Vec::new();
    let muni: Vec<_> = lines_of(site, MUNICIPALITY_CONTACT)
        .into_iter()
        .filter(|l| chosen.keep(l, MUNICIPALITY_CONTACT))
        .map(|l| line_json(&l))
        .collect();
    if !muni.is_empty() {
        groups.push(json!({"label": c.municipality.name, "contacts": muni}));
    }
    for (aud, label) in &c.audiences.0 {
        let mut lines = Vec::new();
        for p in site.section(Section::Partnere) {
            let Some(pm) = p.partner() else { continue };
            if !pm.audiences.iter().any(|a| a == aud) {
                continue;
            }
            for mut l in lines_of(site, &p.slug) {
                if chosen.keep(&l, &p.slug) {
                    l.audience = String::new();
                    lines.push(line_json(&l));
                }
            }
        }
        if !lines.is_empty() {
            groups.push(json!({"key": aud, "label": label, "contacts": lines}));
        }
    }
    groups
}

/// The QR code's address and SVG. Never a QR code to a placeholder address: a poster on a
/// wall would send people to a stranger's site (the build warns about base_url).
fn qr_code(site: &Site, meta: &PosterMeta) -> (Option<String>, Option<String>) {
    let c = &site.config;
    let qr_url = meta
        .qr
        .as_ref()
        .filter(|_| !crate::config::is_placeholder_url(&c.base_url))
        .map(|q| urls::absolute(&c.base_url, q));
    let qr_svg = qr_url.as_ref().and_then(|u| {
        qrcode::QrCode::new(u.as_bytes()).ok().map(|code| {
            code.render::<qrcode::render::svg::Color>()
                .quiet_zone(true)
                .min_dimensions(240, 240)
                .build()
        })
    });
    (qr_url, qr_svg)
}

fn printed_number(l: &Line) -> super::PrintedNumber {
    super::PrintedNumber {
        name: l.name.clone(),
        number: l.number.clone(),
        hours: l.hours.clone(),
    }
}

/// Every string in the data, for the font coverage check.
pub fn all_text(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        Value::Array(a) => a.iter().for_each(|x| all_text(x, out)),
        Value::Object(o) => o.values().for_each(|x| all_text(x, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn paragraphs_are_plain_text_without_markup_or_leading_space() {
        let p = paragraphs(
            "\nDu er **ikke** alene.\nRing i dag.\n\n- Se [Lev Uden Vold](/partnere/lev-uden-vold/)\n",
        );
        assert_eq!(
            p,
            vec!["Du er ikke alene. Ring i dag.", "Se Lev Uden Vold"],
            "{p:?}"
        );
    }
}
