//! The data a poster template receives: headline, text, the contacts that may be printed,
//! emergency numbers, the QR code. Built from the model, never from rendered HTML.

use crate::entry::{ContactStatus, Entry, PosterLayout, PosterMeta, Section};
use crate::model::{Site, MUNICIPALITY_CONTACT};
use crate::urls;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};

/// The language a poster is printed in, and where its words and facts come from.
pub struct Edition<'a> {
    /// The source (Danish) site: the contacts' names, numbers and hours come from its
    /// entries in every language.
    pub source: &'a Site,
    /// The site in the poster's language (`source` itself for Danish): the emergency
    /// numbers' labels, the audiences, the translated poster entries.
    pub site: &'a Site,
    /// The language's UI strings (the words a poster prints besides its content).
    pub strings: &'a BTreeMap<String, String>,
    /// The language's code (`da`, `en`, `ar`).
    pub lang: &'a str,
    /// `ltr` or `rtl` (the strings' `text_direction`).
    pub dir: &'a str,
    /// For another language than the source: the pages it has (`hjaelp/udsat/`), so the QR
    /// code leads to the page in the poster's language where there is one.
    pub pages: Option<&'a HashSet<String>>,
}

impl<'a> Edition<'a> {
    /// The source language's edition: every poster as written.
    pub fn source(site: &'a Site, strings: &'a BTreeMap<String, String>) -> Self {
        Edition {
            source: site,
            site,
            strings,
            lang: &site.config.language,
            dir: direction(strings),
            pages: None,
        }
    }
    fn ui(&self, k: &str) -> String {
        self.strings
            .get(k)
            .cloned()
            .unwrap_or_else(|| k.to_string())
    }
    fn translated(&self) -> bool {
        self.pages.is_some()
    }
}

#[derive(Debug, Clone)]
pub struct PosterData {
    /// The poster's slug, with the language in another language (`udsat-for-vold-en`): the
    /// PDF's document identifier.
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

/// `ltr` or `rtl`, from a language's strings (`text_direction`).
pub fn direction(strings: &BTreeMap<String, String>) -> &'static str {
    match strings.get("text_direction").map(String::as_str) {
        Some("rtl") => "rtl",
        _ => "ltr",
    }
}

struct Line {
    name: String,
    audience: String,
    number: String,
    label: String,
    hours: String,
    /// The language of `hours` when it is not the poster's: a Danish text a translated
    /// poster prints as it is (tagged as Danish).
    hours_lang: String,
    verified: bool,
}

fn line_json(l: &Line) -> Value {
    json!({
        "name": l.name,
        "for": l.audience,
        "number": l.number,
        "label": l.label,
        "hours": l.hours,
        "hours_lang": l.hours_lang,
        "verified": l.verified,
    })
}

/// A phone's label and hours as a poster in `ed`'s language prints them. Both are Danish
/// free text in the source. A translated poster leaves the label out (the contact's name
/// and audience stand) and says "open day and night" in its own words where the Danish hours
/// do; other hours are printed in Danish, tagged as Danish, rather than re-typed.
fn label_and_hours(
    ed: &Edition,
    label: Option<&String>,
    hours: Option<&String>,
) -> (String, String, String) {
    let label = label.cloned().unwrap_or_default();
    let hours = hours.cloned().unwrap_or_default();
    if !ed.translated() {
        return (label, hours, String::new());
    }
    if hours.is_empty() {
        (String::new(), hours, String::new())
    } else if crate::freshness::is_around_the_clock(&hours) {
        (String::new(), ed.ui("open_day_and_night"), String::new())
    } else {
        (String::new(), hours, ed.source.config.language.clone())
    }
}

/// Every phone line of a contact slug, with whether it may go on a final poster.
fn lines_of(ed: &Edition, slug: &str) -> Vec<Line> {
    let c = &ed.site.config;
    if slug == MUNICIPALITY_CONTACT {
        return c
            .municipality
            .phones
            .iter()
            .map(|p| {
                let (label, hours, hours_lang) =
                    label_and_hours(ed, p.label.as_ref(), p.hours.as_ref());
                Line {
                    name: c.municipality.name.clone(),
                    audience: String::new(),
                    number: p.number.clone(),
                    label,
                    hours,
                    hours_lang,
                    verified: c.municipality_verified,
                }
            })
            .collect();
    }
    // Names, numbers and hours from the Danish entry, in every language.
    let Some(e) = ed.source.get(Section::Partnere, slug) else {
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
        .map(|ph| {
            let (label, hours, hours_lang) =
                label_and_hours(ed, ph.label.as_ref(), ph.hours.as_ref());
            Line {
                name: e.title.clone(),
                audience: audience.clone(),
                number: ph.number.clone(),
                label,
                hours,
                hours_lang,
                verified: p.contact_status == ContactStatus::Verified,
            }
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

/// `e` and `meta`: the poster in `ed`'s language (its translated words in place).
pub fn poster_data(ed: &Edition, e: &Entry, meta: &PosterMeta, drafts: bool) -> PosterData {
    let c = &ed.site.config;
    let ui = |k: &str| ed.ui(k);
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
        PosterLayout::Poster => (poster_contacts(ed, meta, &mut chosen), Vec::new()),
        PosterLayout::Leaflet => (Vec::new(), leaflet_groups(ed, &mut chosen)),
    };
    // Tear-off tabs carry the first number that may be printed.
    let tear_off = if meta.tear_off {
        contacts
            .first()
            .map(|l| json!({"number": l.number, "name": l.name}))
    } else {
        None
    };
    let (qr_url, qr_svg) = qr_code(ed, meta);
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
        "lang": ed.lang,
        // Danish posters have always been set for Denmark (`da-DK`).
        "region": (ed.lang == "da").then_some("dk"),
        "dir": ed.dir,
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
        "draft_watermark": ui("poster_draft_watermark"),
        "unverified_note": ui("poster_unverified"),
        "municipality": c.municipality.name,
        "edition": edition,
        "has_qr": qr_svg.is_some(),
        "qr_alt": format!("{} {}", ui("poster_qr_to"), qr_url.clone().unwrap_or_default()),
        "qr_text": qr_url.clone().unwrap_or_default(),
        "paper": "a4",
    });
    PosterData {
        slug: if ed.translated() {
            format!("{}-{}", e.slug, ed.lang)
        } else {
            e.slug.clone()
        },
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
fn poster_contacts(ed: &Edition, meta: &PosterMeta, chosen: &mut Chosen) -> Vec<Line> {
    let mut contacts = Vec::new();
    for slug in &meta.contacts {
        for l in lines_of(ed, slug) {
            if chosen.keep(&l, slug) {
                contacts.push(l);
            }
        }
    }
    contacts
}

/// A leaflet's groups: the municipality first, then every partner with a printable number,
/// grouped by who it is for, in the order of `audiences` in site.yaml.
fn leaflet_groups(ed: &Edition, chosen: &mut Chosen) -> Vec<serde_json::Value> {
    let c = &ed.site.config;
    let mut groups = Vec::new();
    let muni: Vec<_> = lines_of(ed, MUNICIPALITY_CONTACT)
        .into_iter()
        .filter(|l| chosen.keep(l, MUNICIPALITY_CONTACT))
        .map(|l| line_json(&l))
        .collect();
    if !muni.is_empty() {
        groups.push(json!({"label": c.municipality.name, "contacts": muni}));
    }
    for (aud, label) in &c.audiences.0 {
        let mut lines = Vec::new();
        for p in ed.source.section(Section::Partnere) {
            let Some(pm) = p.partner() else { continue };
            if !pm.audiences.iter().any(|a| a == aud) {
                continue;
            }
            for mut l in lines_of(ed, &p.slug) {
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
/// wall would send people to a stranger's site (the build warns about base_url). A poster
/// in another language leads to that language's page (`/en/hjaelp/udsat/`) where the
/// language has it, else to the Danish page.
fn qr_code(ed: &Edition, meta: &PosterMeta) -> (Option<String>, Option<String>) {
    let base = &ed.site.config.base_url;
    let qr_url = meta
        .qr
        .as_ref()
        .filter(|_| !crate::config::is_placeholder_url(base))
        .map(|q| {
            let dir = urls::dir_of_site_path(q).unwrap_or_default();
            match ed.pages {
                Some(pages) if pages.contains(&dir) => {
                    urls::absolute(&format!("{base}/{}", ed.lang), q)
                }
                _ => urls::absolute(base, q),
            }
        });
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
