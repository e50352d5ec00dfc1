//! schema.org JSON-LD for search engines and other readers of the pages: the municipality as
//! a `GovernmentOrganization` on the home page, and each partner as an `Organization` (or a
//! `GovernmentService` for public offers) on its page. Only current facts go in: contact
//! details only while verified and the offer active, and never an address (the site has
//! no public address in its model for a confidential place, and none is exported at all).

use crate::config::{Config, Phone};
use crate::entry::{ContactStatus, Entry, OfferStatus, PartnerMeta};
use crate::freshness::is_around_the_clock;
use crate::urls;
use serde_json::{json, Value};

/// Partner kinds that are public authorities: their offers are `GovernmentService`s.
const PUBLIC_KINDS: &[&str] = &["kommune", "stat", "region", "politi", "hospital"];

/// JSON text safe inside `<script type="application/ld+json">`.
pub fn to_script_text(v: &Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace("</", "<\\/")
        .replace("<!--", "<\\!--")
}

fn contact_point(p: &Phone, area: &Value) -> Value {
    let mut c = json!({
        "@type": "ContactPoint",
        "telephone": p.number,
        "areaServed": area,
    });
    if let Some(l) = &p.label {
        c["contactType"] = json!(l);
    }
    if let Some(h) = &p.hours {
        if is_around_the_clock(h) {
            c["hoursAvailable"] = json!({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
                "opens": "00:00",
                "closes": "23:59",
            });
        }
    }
    c
}

/// `areaServed` from a partner's `coverage`.
fn area(coverage: Option<&str>, national: &str) -> Value {
    match coverage {
        Some("national") | None => json!({"@type": "Country", "name": national}),
        Some(text) => json!({"@type": "AdministrativeArea", "name": text}),
    }
}

/// The municipality, for the home page.
pub fn municipality(c: &Config, country: &str) -> Value {
    let m = &c.municipality;
    let mut o = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": m.name,
        "areaServed": {"@type": "AdministrativeArea", "name": m.name, "containedInPlace": {"@type": "Country", "name": country}},
    });
    if let Some(w) = &m.website {
        o["url"] = json!(w);
    }
    if c.municipality_verified {
        let a = o["areaServed"].clone();
        let points: Vec<Value> = m.phones.iter().map(|p| contact_point(p, &a)).collect();
        if !points.is_empty() {
            o["contactPoint"] = json!(points);
        }
        if let Some(e) = &m.email {
            o["email"] = json!(e);
        }
    }
    o
}

/// A partner, for its page; `None` for an ended offer (its page says it has ended).
pub fn partner(c: &Config, e: &Entry, p: &PartnerMeta, country: &str) -> Option<Value> {
    if p.status == OfferStatus::Ended {
        return None;
    }
    let page = urls::absolute(&c.base_url, &urls::entry_dir(e.section, &e.slug));
    let area = area(p.coverage.as_deref(), country);
    let current = p.contact_status == ContactStatus::Verified && p.status == OfferStatus::Active;
    let points: Vec<Value> = if current {
        p.contact
            .phones
            .iter()
            .map(|ph| {
                let mut cp = contact_point(ph, &area);
                if !p.languages.is_empty() {
                    cp["availableLanguage"] = json!(p.languages);
                }
                cp
            })
            .collect()
    } else {
        vec![]
    };
    let public = PUBLIC_KINDS.contains(&p.kind.as_str());
    let mut o = json!({
        "@context": "https://schema.org",
        "@type": if public { "GovernmentService" } else { "Organization" },
        "@id": format!("{page}#tilbud"),
        "name": e.title,
        "description": e.summary,
        "areaServed": area,
    });
    if current {
        if let Some(w) = &p.contact.website {
            o["url"] = json!(w);
        }
    }
    if public {
        let provider = if p.kind == crate::model::MUNICIPALITY_CONTACT {
            json!({"@type": "GovernmentOrganization", "name": c.municipality.name})
        } else {
            json!({"@type": "GovernmentOrganization", "name": e.title})
        };
        o["provider"] = provider;
        if !points.is_empty() {
            let channels: Vec<Value> = points
                .into_iter()
                .map(|cp| json!({"@type": "ServiceChannel", "servicePhone": cp}))
                .collect();
            o["availableChannel"] = json!(channels);
        }
    } else {
        if !points.is_empty() {
            o["contactPoint"] = json!(points);
        }
        if current {
            if let Some(m) = &p.contact.email {
                o["email"] = json!(m);
            }
        }
    }
    Some(o)
}
