//! Partners as HSDS 3.0 services in the compiled (nested) JSON form: one document per
//! service, and the paginated lists `services.json`, `organizations.json`,
//! `taxonomies.json` and `taxonomy_terms.json` in the shape of the HSDS API responses.
//! docs/open-data.md has the field mapping.

use super::ids::uuid;
use super::terms::VOCABULARIES;
use super::Export;
use crate::entry::{ContactStatus, Entry, OfferStatus, PartnerMeta, YesNo};
use crate::freshness::is_around_the_clock;
use crate::section::Section;
use serde_json::{json, Map, Value};

/// The service fields that the list form (`service_list.json`) has: no nested arrays.
const LIST_FIELDS: &[&str] = &[
    "id",
    "organization_id",
    "name",
    "description",
    "url",
    "email",
    "status",
    "fees_description",
    "assured_date",
    "alert",
    "organization",
];

/// The HSDS status of an offer.
pub fn status(s: OfferStatus) -> &'static str {
    match s {
        OfferStatus::Active => "active",
        OfferStatus::Paused => "temporarily closed",
        OfferStatus::Ended => "defunct",
    }
}

/// Whether an offer's contact details go into the open data: current, and the offer not
/// ended. Everything else is left out (see `alert`).
pub fn contact_exported(p: &PartnerMeta) -> bool {
    p.contact_status == ContactStatus::Verified && p.status != OfferStatus::Ended
}

pub fn service_id(x: &Export, e: &Entry) -> String {
    uuid(x.base_url(), "service", &e.slug)
}

/// The organization of a partner: the municipality for its own offers (`kind: kommune`),
/// else one organization per partner, named as the entry.
pub fn organization(x: &Export, e: &Entry, p: &PartnerMeta) -> Value {
    if p.kind == crate::model::MUNICIPALITY_CONTACT {
        let m = &x.config().municipality;
        let mut o = json!({
            "id": uuid(x.base_url(), "organization", crate::model::MUNICIPALITY_CONTACT),
            "name": m.name,
            "description": x.s("data_municipality_description"),
        });
        if let Some(w) = &m.website {
            o["website"] = json!(w);
        }
        return o;
    }
    let mut o = json!({
        "id": uuid(x.base_url(), "organization", &e.slug),
        "name": e.title,
        "description": e.summary,
    });
    if contact_exported(p) {
        if let Some(w) = &p.contact.website {
            o["website"] = json!(w);
        }
    }
    o
}

/// The full, nested HSDS service document of partner `e`.
pub fn service(x: &Export, e: &Entry, p: &PartnerMeta) -> Value {
    let id = service_id(x, e);
    let org = organization(x, e, p);
    let mut s = json!({
        "id": id,
        "organization_id": org["id"],
        "name": e.title,
        "description": e.summary,
        "status": status(p.status),
    });
    let exported = contact_exported(p);
    if exported {
        if let Some(w) = &p.contact.website {
            s["url"] = json!(w);
        }
        if let Some(m) = &p.contact.email {
            s["email"] = json!(m);
        }
    } else if !p.contact.is_empty() && p.status != OfferStatus::Ended {
        s["alert"] = json!(x
            .s("data_alert_not_current")
            .replace("{days}", &x.config().verification_max_age_days.to_string()));
    }
    match p.free {
        YesNo::Yes => s["fees_description"] = json!(x.s("data_fees_free")),
        YesNo::No => s["fees_description"] = json!(x.s("data_fees_not_free")),
        YesNo::Unknown => {}
    }
    if let Some(v) = &p.verified {
        s["assured_date"] = json!(v.information_date.to_string());
    }
    s["phones"] = json!(if exported { phones(x, &id, p) } else { vec![] });
    s["schedules"] = json!(if exported {
        schedules(x, &id, p)
    } else {
        vec![]
    });
    s["service_areas"] = json!(service_areas(x, &id, p));
    s["languages"] = json!(p
        .languages
        .iter()
        .map(|code| {
            json!({
                "id": uuid(x.base_url(), "language", &format!("{id}/{code}")),
                "service_id": id,
                "code": code,
            })
        })
        .collect::<Vec<_>>());
    let attributes: Vec<Value> = VOCABULARIES
        .iter()
        .flat_map(|v| {
            let keys = match v.key {
                "audiences" => &p.audiences,
                "violence_forms" => &p.violence_forms,
                _ => &p.offers,
            };
            keys.iter()
                .map(|k| v.attribute(x, &id, k))
                .collect::<Vec<_>>()
        })
        .collect();
    s["attributes"] = json!(attributes);
    s["organization"] = org;
    s
}

fn phones(x: &Export, service_id: &str, p: &PartnerMeta) -> Vec<Value> {
    p.contact
        .phones
        .iter()
        .map(|ph| {
            let mut v = json!({
                "id": uuid(x.base_url(), "phone", &format!("{service_id}/{}", ph.number)),
                "service_id": service_id,
                "number": ph.number,
            });
            if let Some(l) = &ph.label {
                v["description"] = json!(l);
            }
            v
        })
        .collect()
}

/// One schedule per phone with opening hours. The hours are free text; only a line open
/// around the clock also gets the structured form (every day, 00:00–23:59).
fn schedules(x: &Export, service_id: &str, p: &PartnerMeta) -> Vec<Value> {
    p.contact
        .phones
        .iter()
        .filter_map(|ph| {
            let hours = ph.hours.as_ref()?;
            let description = match &ph.label {
                Some(l) => format!("{l} ({}): {hours}", ph.number),
                None => format!("{}: {hours}", ph.number),
            };
            let mut v = json!({
                "id": uuid(x.base_url(), "schedule", &format!("{service_id}/{}", ph.number)),
                "service_id": service_id,
                "description": description,
            });
            if is_around_the_clock(hours) {
                v["freq"] = json!("WEEKLY");
                v["byday"] = json!("MO,TU,WE,TH,FR,SA,SU");
                v["opens_at"] = json!("00:00");
                v["closes_at"] = json!("23:59");
            }
            Some(v)
        })
        .collect()
}

fn service_areas(x: &Export, service_id: &str, p: &PartnerMeta) -> Vec<Value> {
    let Some(coverage) = &p.coverage else {
        return vec![];
    };
    let name = if coverage == "national" {
        x.s("data_coverage_national").to_string()
    } else {
        coverage.clone()
    };
    vec![json!({
        "id": uuid(x.base_url(), "service_area", service_id),
        "service_id": service_id,
        "name": name,
    })]
}

/// The list form of a service document: its one-to-one fields.
pub fn list_item(full: &Value) -> Value {
    let mut m = Map::new();
    for k in LIST_FIELDS {
        if let Some(v) = full.get(*k) {
            m.insert((*k).to_string(), v.clone());
        }
    }
    Value::Object(m)
}

/// An HSDS API page holding all of `contents`.
pub fn page(contents: Vec<Value>) -> Value {
    let n = contents.len();
    json!({
        "total_items": n,
        "total_pages": 1,
        "page_number": 1,
        "size": n,
        "first_page": true,
        "last_page": true,
        "empty": n == 0,
        "contents": contents,
    })
}

/// Every file of the HSDS export, relative to the output root.
pub fn files(x: &Export) -> Vec<(String, Value)> {
    let partners: Vec<(&Entry, &PartnerMeta)> = x
        .site()
        .section(Section::Partnere)
        .filter_map(|e| e.partner().map(|p| (e, p)))
        .collect();
    let mut out = Vec::new();
    let mut list = Vec::new();
    let mut orgs: Vec<Value> = Vec::new();
    for (e, p) in &partners {
        let doc = service(x, e, p);
        list.push(list_item(&doc));
        if !orgs.iter().any(|o| o["id"] == doc["organization"]["id"]) {
            orgs.push(doc["organization"].clone());
        }
        out.push((service_path(x, e), doc));
    }
    out.push((format!("{DIR}services.json"), page(list)));
    out.push((format!("{DIR}organizations.json"), page(orgs)));
    out.push((
        format!("{DIR}taxonomies.json"),
        page(VOCABULARIES.iter().map(|v| v.taxonomy(x)).collect()),
    ));
    out.push((
        format!("{DIR}taxonomy_terms.json"),
        page(VOCABULARIES.iter().flat_map(|v| v.terms(x)).collect()),
    ));
    out
}

pub const DIR: &str = "data/hsds/";

pub fn service_path(x: &Export, e: &Entry) -> String {
    format!("{DIR}services/{}.json", service_id(x, e))
}
