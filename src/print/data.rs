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
    let mut unverified = Vec::new();
    let keep = |l: &Line, who: &str, unverified: &mut Vec<String>| {
        if !l.verified && !unverified.iter().any(|u| u == who) {
            unverified.push(who.to_string());
        }
        l.verified || drafts
    };
    let mut printed = 0;
    let mut numbers: Vec<super::PrintedNumber> = c
        .emergency
        .iter()
        .map(|e| super::PrintedNumber {
            name: e.label.clone(),
            number: e.number.clone(),
            hours: String::new(),
        })
        .collect();
    let mut contacts = Vec::new();
    let mut groups = Vec::new();
    match meta.layout {
        PosterLayout::Poster => {
            for slug in &meta.contacts {
                for l in lines_of(site, slug) {
                    if keep(&l, slug, &mut unverified) {
                        numbers.push(printed_number(&l));
                        contacts.push(l);
                    }
                }
            }
            printed = contacts.len();
        }
        PosterLayout::Leaflet => {
            // The municipality first, then every partner with a printable number, grouped
            // by who it is for, in the order of `audiences` in site.yaml.
            let mut muni = Vec::new();
            for l in lines_of(site, MUNICIPALITY_CONTACT) {
                if keep(&l, MUNICIPALITY_CONTACT, &mut unverified) {
                    numbers.push(printed_number(&l));
                    muni.push(line_json(&l));
                    printed += 1;
                }
            }
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
                        if keep(&l, &p.slug, &mut unverified) {
                            numbers.push(printed_number(&l));
                            l.audience = String::new();
                            lines.push(line_json(&l));
                            printed += 1;
                        }
                    }
                }
                if !lines.is_empty() {
                    groups.push(json!({"key": aud, "label": label, "contacts": lines}));
                }
            }
        }
    }
    // Tear-off tabs carry the first number that may be printed.
    let tear_off = if meta.tear_off {
        contacts
            .first()
            .map(|l| json!({"number": l.number, "name": l.name}))
    } else {
        None
    };
    // Never a QR code to a placeholder address: a poster on a wall would send people to a
    // stranger's site (the build warns about base_url).
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
        printed_numbers: printed,
        numbers,
        unverified_contacts: unverified,
    }
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
