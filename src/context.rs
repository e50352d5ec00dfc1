//! View structs handed to templates, kept apart from the model. Everything a template
//! shows is computed here (labels resolved, URLs from `urls.rs`, phone links), so templates
//! never build URLs or look up labels themselves.

use crate::config::{Config, Labels};
use crate::entry::{
    ContactStatus, Entry, EntryKind, OfferStatus, PartnerMeta, PracticeMeta, Section, SourceRef,
    YesNo,
};
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
    /// The source's own date in Danish ("juni 2019"), where the entry gives one.
    pub date: Option<String>,
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
    /// Who stated the details, and when: "Danner, februar 2021".
    pub stated_by: Option<String>,
    /// The source's own date in Danish; `None` when the source gives none.
    pub source_date: Option<String>,
    /// The check date in Danish ("2. december 2026").
    pub checked: Option<String>,
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
    /// On a page in another language: the translation shown, or that there is none.
    pub translation: Option<crate::entry::TranslationNote>,
    pub untranslated: bool,
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
    /// Languages the offer is given in: the theme's name (`lang_<code>`) or the code.
    pub languages: Vec<String>,
    pub contact: Option<ContactView>,
    pub address_confidential: bool,
    /// Practices and partners: `active`, `paused` or `ended`.
    pub status: Option<OfferStatus>,
    /// When it ended or paused, in Danish ("2014").
    pub ended_on: Option<String>,
    pub replaced_by: Option<Link>,
    /// Practices: the booklet's facts (duration, group size, staff, referral, funding).
    pub facts: Vec<FactView>,
}

/// One labelled fact of a practice.
#[derive(Debug, Clone, Serialize)]
pub struct FactView {
    pub key: &'static str,
    pub label: String,
    pub value: String,
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
        date: s
            .date
            .as_deref()
            .and_then(crate::date::PartialDate::parse)
            .map(|d| d.long(&config.language)),
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
        translation: e.translation.clone(),
        untranslated: e.untranslated,
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
        languages: Vec::new(),
        contact: None,
        address_confidential: false,
        status: None,
        ended_on: None,
        replaced_by: None,
        facts: vec![],
    };
    match &e.kind {
        EntryKind::Practice(p) => add_practice(&mut v, c, strings, p),
        EntryKind::Partner(p) => add_partner(&mut v, site, strings, e, p),
        EntryKind::Knowledge(k) => {
            v.violence_forms = violence_form_facets(c, &k.violence_forms);
            v.audiences = audience_facets(c, &k.audiences);
        }
        EntryKind::Standard | EntryKind::Poster(_) | EntryKind::Guidance(_) => {}
    }
    v
}

/// Audience keys as facets linking to their help pages.
fn audience_facets(c: &Config, keys: &[String]) -> Vec<FacetValue> {
    keys.iter()
        .map(|a| {
            let url = urls::link(&c.base_path, &urls::audience_dir(a));
            facet(&c.audiences, a, Some(url))
        })
        .collect()
}

/// Violence-form keys as facets linking to their help pages.
fn violence_form_facets(c: &Config, keys: &[String]) -> Vec<FacetValue> {
    keys.iter()
        .map(|a| {
            let url = urls::link(&c.base_path, &urls::violence_form_dir(a));
            facet(&c.violence_forms, a, Some(url))
        })
        .collect()
}

/// A practice's numbers, places, criteria and facts, each linked to its list page.
fn add_practice(
    v: &mut EntryView,
    c: &Config,
    strings: &std::collections::BTreeMap<String, String>,
    p: &PracticeMeta,
) {
    let bp = &c.base_path;
    let fa = p.focus_area.to_string();
    v.focus_area = Some(facet(
        &c.focus_areas,
        &fa,
        Some(urls::link(bp, &urls::focus_area_dir(&fa))),
    ));
    v.example = p.example;
    v.municipalities = p
        .municipalities
        .iter()
        .map(|m| {
            let key = crate::slug::slugify(m);
            FacetValue {
                url: Some(urls::link(bp, &urls::municipality_dir(&key))),
                key,
                label: m.clone(),
            }
        })
        .collect();
    v.organisations = p.organisations.clone();
    v.criteria = p
        .criteria
        .iter()
        .map(|n| {
            let k = n.to_string();
            let url = urls::link(bp, &urls::criterion_dir(&k));
            facet(&c.criteria, &k, Some(url))
        })
        .collect();
    v.target_groups = p
        .target_groups
        .iter()
        .map(|t| {
            let url = urls::link(bp, &urls::target_group_dir(t));
            facet(&c.target_groups, t, Some(url))
        })
        .collect();
    v.evaluated = Some(p.evaluated);
    v.period = p.period.clone();
    v.status = Some(p.status);
    v.ended_on = p.ended_on.map(|d| d.long(&c.language));
    v.offers = p.offers.iter().map(|o| facet(&c.offers, o, None)).collect();
    v.facts = p
        .facts
        .by_key()
        .into_iter()
        .filter_map(|(key, value)| {
            value.map(|value| FactView {
                key,
                label: strings
                    .get(&format!("fact_{key}"))
                    .cloned()
                    .unwrap_or_else(|| key.to_string()),
                value: value.to_string(),
            })
        })
        .collect();
}

/// A partner's kind, audiences, terms, contact details and what replaced it.
fn add_partner(
    v: &mut EntryView,
    site: &Site,
    strings: &std::collections::BTreeMap<String, String>,
    e: &Entry,
    p: &PartnerMeta,
) {
    let c = &site.config;
    v.languages = p
        .languages
        .iter()
        .map(|l| {
            strings
                .get(&format!("lang_{l}"))
                .cloned()
                .unwrap_or_else(|| l.clone())
        })
        .collect();
    let bp = &c.base_path;
    v.kind = Some(facet(&c.partner_kinds, &p.kind, None));
    v.audiences = audience_facets(c, &p.audiences);
    v.violence_forms = violence_form_facets(c, &p.violence_forms);
    v.offers = p.offers.iter().map(|o| facet(&c.offers, o, None)).collect();
    v.anonymous = Some(p.anonymous);
    v.free = Some(p.free);
    v.coverage = p.coverage.clone();
    v.address_confidential = p.address_confidential;
    v.contact = Some(contact_view(&e.title, p, &c.language));
    v.status = Some(p.status);
    v.ended_on = p.ended_on.map(|d| d.long(&c.language));
    v.replaced_by = p.replaced_by.as_ref().and_then(|slug| {
        site.get(Section::Partnere, slug).map(|r| Link {
            label: r.title.clone(),
            url: urls::link(bp, &urls::entry_dir(Section::Partnere, slug)),
        })
    });
}

/// A partner's contact details with who stated them and when; a confidential address is
/// left out here, so no template can show it.
fn contact_view(entry_title: &str, p: &PartnerMeta, lang: &str) -> ContactView {
    let verified = p.verified.as_ref();
    ContactView {
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
        verified_on: verified.map(|x| x.on.clone()),
        verified_against: verified.map(|x| x.against.clone()),
        stated_by: verified.map(|x| x.stated_by(entry_title, lang)),
        source_date: verified.and_then(|x| x.source_date).map(|d| d.long(lang)),
        checked: verified.map(|x| x.on_date.long(lang)),
    }
}

/// A pinned help line: a partner's current phone numbers with what a caller needs to know
/// before calling (open when, free, anonymous, and who says so).
#[derive(Debug, Clone, Serialize)]
pub struct HelpLineView {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub phones: Vec<PhoneView>,
    pub free: bool,
    pub anonymous: bool,
    pub stated_by: Option<String>,
    /// The information is within `verification_max_age_days`. A line that is not is still
    /// shown (a person in danger is better served by the last known number of a national
    /// hotline than by none), with its age in plain words; posters never print it.
    pub current: bool,
}

/// The help line of partner `slug`: an active offer with checked phone numbers. Unverified
/// and ended offers are never pinned.
pub fn help_line(site: &Site, slug: &str) -> Option<HelpLineView> {
    let e = site.get(Section::Partnere, slug)?;
    let p = e.partner()?;
    let checked = matches!(
        p.contact_status,
        ContactStatus::Verified | ContactStatus::Stale
    );
    if p.status != OfferStatus::Active || !checked || p.contact.phones.is_empty() {
        return None;
    }
    let v = p.verified.as_ref()?;
    Some(HelpLineView {
        slug: slug.to_string(),
        title: e.title.clone(),
        url: urls::link(
            &site.config.base_path,
            &urls::entry_dir(Section::Partnere, slug),
        ),
        phones: p.contact.phones.iter().map(PhoneView::new).collect(),
        free: p.free == YesNo::Yes,
        anonymous: p.anonymous == YesNo::Yes,
        stated_by: Some(v.stated_by(&e.title, &site.config.language)),
        current: p.contact_status == ContactStatus::Verified,
    })
}

/// The pinned lines in the editor's order, current ones first.
pub fn help_lines(site: &Site, slugs: &[String]) -> Vec<HelpLineView> {
    let mut lines: Vec<HelpLineView> = slugs.iter().filter_map(|s| help_line(site, s)).collect();
    lines.sort_by_key(|l| !l.current);
    lines
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
    /// Current national lines shown with 112/114 in the danger box.
    pub danger_lines: Vec<HelpLineView>,
    /// "Er det vold?" when the site has it.
    pub is_it_violence_url: Option<String>,
    /// The build date in Danish, for printouts ("2. december 2026").
    pub build_date: String,
    pub nav: Vec<Link>,
    pub audiences: Vec<FacetValue>,
}

/// The slug of the "Er det vold?" knowledge page, linked from the home and help pages.
pub const IS_IT_VIOLENCE: &str = "er-det-vold";

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
        danger_lines: help_lines(site, &c.danger_lines),
        build_date: c.today.long(&c.language),
        is_it_violence_url: site
            .get(Section::Viden, IS_IT_VIOLENCE)
            .map(|_| urls::link(bp, &urls::entry_dir(Section::Viden, IS_IT_VIOLENCE))),
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
    /// On a page in another language: shown in Danish (`lang="da"`).
    pub untranslated: bool,
    pub section: Section,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub url: String,
    pub focus_area: Option<FacetValue>,
    pub example: Option<u32>,
    pub municipalities: Vec<FacetValue>,
    pub evaluated: Option<bool>,
    /// Keys, for filtering practice lists in the browser.
    pub target_groups: Vec<String>,
    pub offers: Vec<String>,
}

pub fn card_view(v: &EntryView) -> CardView {
    CardView {
        untranslated: v.untranslated,
        section: v.section,
        slug: v.slug.clone(),
        title: v.title.clone(),
        summary: v.summary.clone(),
        url: v.url.clone(),
        focus_area: v.focus_area.clone(),
        example: v.example,
        municipalities: v.municipalities.clone(),
        evaluated: v.evaluated,
        target_groups: if v.section == Section::Praksis {
            v.target_groups.iter().map(|f| f.key.clone()).collect()
        } else {
            Vec::new()
        },
        offers: if v.section == Section::Praksis {
            v.offers.iter().map(|f| f.key.clone()).collect()
        } else {
            Vec::new()
        },
    }
}
