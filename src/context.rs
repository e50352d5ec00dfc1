//! View structs handed to templates, kept apart from the model. Everything a template
//! shows is computed here (labels resolved, URLs from `urls.rs`, phone links), so templates
//! never build URLs or look up labels themselves.

use crate::config::{Config, Labels};
use crate::entry::{ContactStatus, Entry, EntryKind, Section, SourceRef, YesNo};
use crate::model::Site;
use crate::urls;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhoneView {
    pub number: String,
    /// `tel:` href with digits only.
    pub href: String,
    pub label: Option<String>,
    pub hours: Option<String>,
}

impl PhoneView {
    pub fn new(p: &crate::config::Phone) -> Self {
        PhoneView {
            number: p.number.clone(),
            href: tel_href(&p.number),
            label: p.label.clone(),
            hours: p.hours.clone(),
        }
    }
}

pub fn tel_href(number: &str) -> String {
    let digits: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub document: String,
    pub title: String,
    pub url: Option<String>,
    pub pages: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub phones: Vec<PhoneView>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub chat: Option<String>,
    /// verified / stale / unverified / none
    pub status: ContactStatus,
    pub verified_on: Option<String>,
    pub verified_against: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FacetValue {
    pub key: String,
    pub label: String,
    pub url: Option<String>,
}

/// Everything a template may show about an entry.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    pub section: Section,
    pub section_label: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub url: String,
    pub section_url: String,
    pub source: Option<SourceView>,
    // Practices
    pub focus_area: Option<FacetValue>,
    pub example: Option<u32>,
    pub municipalities: Vec<FacetValue>,
    pub organisations: Vec<String>,
    pub criteria: Vec<FacetValue>,
    pub target_groups: Vec<FacetValue>,
    pub evaluated: Option<bool>,
    pub period: Option<String>,
    // Partners
    pub kind: Option<FacetValue>,
    pub audiences: Vec<FacetValue>,
    pub violence_forms: Vec<FacetValue>,
    pub offers: Vec<FacetValue>,
    pub anonymous: Option<YesNo>,
    pub free: Option<YesNo>,
    pub coverage: Option<String>,
    pub contact: Option<ContactView>,
    pub address_confidential: bool,
}

pub fn section_label(
    config: &Config,
    strings: &std::collections::BTreeMap<String, String>,
    s: Section,
) -> String {
    let _ = config;
    strings
        .get(&format!("section_{}", s.dir()))
        .cloned()
        .unwrap_or_else(|| s.dir().to_string())
}

fn facet(labels: &Labels, key: &str, url: Option<String>) -> FacetValue {
    FacetValue {
        key: key.to_string(),
        label: labels.get(key).unwrap_or(key).to_string(),
        url,
    }
}

pub fn source_view(config: &Config, s: &SourceRef) -> SourceView {
    let is_url = s.document.starts_with("https://") || s.document.starts_with("http://");
    SourceView {
        document: s.document.clone(),
        title: config
            .sources
            .get(&s.document)
            .map(str::to_string)
            .unwrap_or_else(|| s.document.clone()),
        url: is_url.then(|| s.document.clone()),
        pages: s.pages.clone(),
        note: s.note.clone(),
    }
}

pub fn entry_view(
    site: &Site,
    strings: &std::collections::BTreeMap<String, String>,
    e: &Entry,
) -> EntryView {
    let c = &site.config;
    let bp = &c.base_path;
    let mut v = EntryView {
        section: e.section,
        section_label: section_label(c, strings, e.section),
        slug: e.slug.clone(),
        title: e.title.clone(),
        summary: e.summary.clone(),
        url: urls::link(bp, &urls::entry_dir(e.section, &e.slug)),
        section_url: urls::link(bp, &urls::section_dir(e.section)),
        source: e.source.as_ref().map(|s| source_view(c, s)),
        focus_area: None,
        example: None,
        municipalities: vec![],
        organisations: vec![],
        criteria: vec![],
        target_groups: vec![],
        evaluated: None,
        period: None,
        kind: None,
        audiences: vec![],
        violence_forms: vec![],
        offers: vec![],
        anonymous: None,
        free: None,
        coverage: None,
        contact: None,
        address_confidential: false,
    };
    match &e.kind {
        EntryKind::Practice(p) => {
            let fa = p.focus_area.to_string();
            v.focus_area = Some(facet(
                &c.focus_areas,
                &fa,
                Some(urls::link(bp, &urls::focus_area_dir(&fa))),
            ));
            v.example = Some(p.example);
            v.municipalities = p
                .municipalities
                .iter()
                .map(|m| FacetValue {
                    key: crate::slug::slugify(m),
                    label: m.clone(),
                    url: Some(urls::link(
                        bp,
                        &urls::municipality_dir(&crate::slug::slugify(m)),
                    )),
                })
                .collect();
            v.organisations = p.organisations.clone();
            v.criteria = p
                .criteria
                .iter()
                .map(|n| {
                    let k = n.to_string();
                    facet(
                        &c.criteria,
                        &k,
                        Some(urls::link(bp, &urls::criterion_dir(&k))),
                    )
                })
                .collect();
            v.target_groups = p
                .target_groups
                .iter()
                .map(|t| {
                    facet(
                        &c.target_groups,
                        t,
                        Some(urls::link(bp, &urls::target_group_dir(t))),
                    )
                })
                .collect();
            v.evaluated = Some(p.evaluated);
            v.period = p.period.clone();
        }
        EntryKind::Partner(p) => {
            v.kind = Some(facet(&c.partner_kinds, &p.kind, None));
            v.audiences = p
                .audiences
                .iter()
                .map(|a| {
                    facet(
                        &c.audiences,
                        a,
                        Some(urls::link(bp, &urls::audience_dir(a))),
                    )
                })
                .collect();
            v.violence_forms = p
                .violence_forms
                .iter()
                .map(|a| {
                    facet(
                        &c.violence_forms,
                        a,
                        Some(urls::link(bp, &urls::violence_form_dir(a))),
                    )
                })
                .collect();
            v.offers = p.offers.iter().map(|o| facet(&c.offers, o, None)).collect();
            v.anonymous = Some(p.anonymous);
            v.free = Some(p.free);
            v.coverage = p.coverage.clone();
            v.address_confidential = p.address_confidential;
            v.contact = Some(ContactView {
                phones: p.contact.phones.iter().map(PhoneView::new).collect(),
                website: p.contact.website.clone(),
                email: p.contact.email.clone(),
                address: if p.address_confidential {
                    None
                } else {
                    p.contact.address.clone()
                },
                chat: p.contact.chat.clone(),
                status: p.contact_status,
                verified_on: p.verified.as_ref().map(|x| x.on.clone()),
                verified_against: p.verified.as_ref().map(|x| x.against.clone()),
            });
        }
        EntryKind::Knowledge(k) => {
            v.violence_forms = k
                .violence_forms
                .iter()
                .map(|a| {
                    facet(
                        &c.violence_forms,
                        a,
                        Some(urls::link(bp, &urls::violence_form_dir(a))),
                    )
                })
                .collect();
            v.audiences = k
                .audiences
                .iter()
                .map(|a| {
                    facet(
                        &c.audiences,
                        a,
                        Some(urls::link(bp, &urls::audience_dir(a))),
                    )
                })
                .collect();
        }
        EntryKind::Standard | EntryKind::Poster(_) => {}
    }
    v
}

/// Site-wide values every template gets as `site`.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub language: String,
    pub base_url: String,
    pub base_path: String,
    pub home_url: String,
    pub municipality_name: String,
    pub municipality_phones: Vec<PhoneView>,
    pub municipality_website: Option<String>,
    pub municipality_verified: bool,
    pub municipality_verified_on: Option<String>,
    pub accessibility_statement: String,
    pub quick_exit_url: String,
    pub quick_exit_label: String,
    pub safety_url: String,
    pub search_url: String,
    pub help_url: String,
    pub forms_url: String,
    pub emergency: Vec<PhoneView>,
    pub nav: Vec<Link>,
    pub audiences: Vec<FacetValue>,
}

pub fn site_view(site: &Site, strings: &std::collections::BTreeMap<String, String>) -> SiteView {
    let c = &site.config;
    let bp = &c.base_path;
    let s = |k: &str| strings.get(k).cloned().unwrap_or_else(|| k.to_string());
    let mut nav = vec![Link {
        label: s("nav_help"),
        url: urls::link(bp, &urls::help_dir()),
    }];
    for sec in [
        Section::Praksis,
        Section::Partnere,
        Section::Viden,
        Section::Kvalitetsstandard,
        Section::Plakater,
    ] {
        if site.section(sec).next().is_some() {
            nav.push(Link {
                label: section_label(c, strings, sec),
                url: urls::link(bp, &urls::section_dir(sec)),
            });
        }
    }
    nav.push(Link {
        label: s("nav_search"),
        url: urls::link(bp, &urls::search_dir()),
    });
    let safety = if site.get(Section::Viden, "skjul-dine-spor").is_some() {
        urls::link(bp, &urls::entry_dir(Section::Viden, "skjul-dine-spor"))
    } else {
        urls::link(bp, &urls::help_dir())
    };
    SiteView {
        title: c.title.clone(),
        description: c.description.clone(),
        language: c.language.clone(),
        base_url: c.base_url.clone(),
        base_path: c.base_path.clone(),
        home_url: urls::link(bp, ""),
        municipality_name: c.municipality.name.clone(),
        municipality_phones: c.municipality.phones.iter().map(PhoneView::new).collect(),
        municipality_website: c.municipality.website.clone(),
        municipality_verified: c.municipality_verified,
        municipality_verified_on: c.municipality_verified_on.clone(),
        accessibility_statement: c.municipality.accessibility_statement.clone(),
        quick_exit_url: c.quick_exit.url.clone(),
        quick_exit_label: c.quick_exit.label.clone(),
        safety_url: safety,
        search_url: urls::link(bp, &urls::search_dir()),
        help_url: urls::link(bp, &urls::help_dir()),
        forms_url: urls::link(bp, &urls::violence_forms_dir()),
        emergency: c
            .emergency
            .iter()
            .map(|e| PhoneView {
                number: e.number.clone(),
                href: tel_href(&e.number),
                label: Some(e.label.clone()),
                hours: e.note.clone(),
            })
            .collect(),
        nav,
        audiences: c
            .audiences
            .keys()
            .map(|a| {
                facet(
                    &c.audiences,
                    a,
                    Some(urls::link(bp, &urls::audience_dir(a))),
                )
            })
            .collect(),
    }
}

/// The little a list needs to show an entry as a card. List pages at 10,000 entries hold
/// tens of thousands of items, so they get this instead of the full `EntryView`.
#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    pub section: Section,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub url: String,
    pub focus_area: Option<FacetValue>,
    pub example: Option<u32>,
    pub municipalities: Vec<FacetValue>,
    pub evaluated: Option<bool>,
}

pub fn card_view(v: &EntryView) -> CardView {
    CardView {
        section: v.section,
        slug: v.slug.clone(),
        title: v.title.clone(),
        summary: v.summary.clone(),
        url: v.url.clone(),
        focus_area: v.focus_area.clone(),
        example: v.example,
        municipalities: v.municipalities.clone(),
        evaluated: v.evaluated,
    }
}
