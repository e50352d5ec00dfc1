//! Spreadsheets for staff: `data/praksis.csv` and `data/partnere.csv`, one row per entry
//! with the facts columns. UTF-8 with a byte-order mark and `;` between fields, as a Danish
//! Excel expects (æøå then open correctly), CRLF line ends, RFC 4180 quoting. Headers are UI
//! strings (`csv_*` in the theme). Contact columns follow the HSDS rule: filled only while
//! the details are current and the offer has not ended; an address is never written.

use super::practices::facts;
use super::{contact_exported, Export};
use crate::entry::{Entry, OfferStatus, PartnerMeta, PracticeMeta, Section, YesNo};
use crate::urls;

pub const PRACTICES: &str = "data/praksis.csv";
pub const PARTNERS: &str = "data/partnere.csv";

fn field(s: &str) -> String {
    if s.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The file: BOM, header, rows.
fn table(header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let line: Vec<String> = row.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn labels(l: &crate::config::Labels, keys: &[String]) -> String {
    keys.iter()
        .map(|k| l.get(k).unwrap_or(k))
        .collect::<Vec<_>>()
        .join(", ")
}

fn yes_no(x: &Export, v: YesNo) -> String {
    x.s(match v {
        YesNo::Yes => "yes",
        YesNo::No => "no",
        YesNo::Unknown => "unknown",
    })
    .to_string()
}

fn status(x: &Export, s: OfferStatus) -> String {
    x.s(match s {
        OfferStatus::Active => "csv_status_active",
        OfferStatus::Paused => "csv_status_paused",
        OfferStatus::Ended => "csv_status_ended",
    })
    .to_string()
}

fn page(x: &Export, e: &Entry) -> String {
    urls::absolute(x.base_url(), &urls::entry_dir(e.section, &e.slug))
}

const PRACTICE_HEADER: &[&str] = &[
    "csv_title",
    "csv_summary",
    "facet_focus_area",
    "csv_example",
    "facet_municipality",
    "csv_organisations",
    "facet_criterion",
    "facet_target_group",
    "facet_offer",
    "facet_evaluated",
    "csv_period",
    "csv_status",
    "csv_ended_on",
    "fact_duration",
    "fact_group_size",
    "fact_staff",
    "fact_referral",
    "fact_funding",
    "section_partnere",
    "source",
    "csv_source_pages",
    "csv_source_date",
    "csv_page",
];

fn practice_row(x: &Export, e: &Entry, p: &PracticeMeta) -> Vec<String> {
    let c = x.config();
    let fact = |k: &str| {
        facts(p)
            .into_iter()
            .find(|(fk, _)| *fk == k)
            .map(|(_, v)| v.to_string())
            .unwrap_or_default()
    };
    let src = e.source.as_ref();
    vec![
        e.title.clone(),
        e.summary.clone(),
        format!(
            "{} {}",
            p.focus_area,
            c.focus_areas
                .get(&p.focus_area.to_string())
                .unwrap_or_default()
        ),
        p.example.map(|x| x.to_string()).unwrap_or_default(),
        p.municipalities.join(", "),
        p.organisations.join(", "),
        p.criteria
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        labels(&c.target_groups, &p.target_groups),
        labels(&c.offers, &p.offers),
        x.s(if p.evaluated { "yes" } else { "no" }).to_string(),
        p.period.clone().unwrap_or_default(),
        status(x, p.status),
        p.ended_on.map(|d| d.to_string()).unwrap_or_default(),
        fact("duration"),
        fact("group_size"),
        fact("staff"),
        fact("referral"),
        fact("funding"),
        p.partners
            .iter()
            .filter_map(|s| x.site().get(Section::Partnere, s))
            .map(|pe| pe.title.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        src.map(|s| crate::context::source_view(c, s).title)
            .unwrap_or_default(),
        src.and_then(|s| s.pages.clone()).unwrap_or_default(),
        src.and_then(|s| s.date.clone()).unwrap_or_default(),
        page(x, e),
    ]
}

const PARTNER_HEADER: &[&str] = &[
    "csv_title",
    "csv_summary",
    "facet_kind",
    "facet_audience",
    "facet_violence_form",
    "facet_offer",
    "facet_anonymous",
    "facet_free",
    "csv_coverage",
    "csv_phones",
    "csv_website",
    "csv_email",
    "csv_chat",
    "csv_contact_status",
    "csv_information_date",
    "csv_verified_on",
    "csv_verified_against",
    "csv_status",
    "csv_ended_on",
    "csv_page",
];

fn partner_row(x: &Export, e: &Entry, p: &PartnerMeta) -> Vec<String> {
    let c = x.config();
    let current = contact_exported(p);
    let when = |v: &Option<String>| {
        if current {
            v.clone().unwrap_or_default()
        } else {
            String::new()
        }
    };
    let phones = if current {
        p.contact
            .phones
            .iter()
            .map(|ph| match &ph.hours {
                Some(h) => format!("{} ({h})", ph.number),
                None => ph.number.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        String::new()
    };
    let v = p.verified.as_ref();
    vec![
        e.title.clone(),
        e.summary.clone(),
        c.partner_kinds.get(&p.kind).unwrap_or(&p.kind).to_string(),
        labels(&c.audiences, &p.audiences),
        labels(&c.violence_forms, &p.violence_forms),
        labels(&c.offers, &p.offers),
        yes_no(x, p.anonymous),
        yes_no(x, p.free),
        match p.coverage.as_deref() {
            Some("national") => x.s("data_coverage_national").to_string(),
            other => other.unwrap_or_default().to_string(),
        },
        phones,
        when(&p.contact.website),
        when(&p.contact.email),
        when(&p.contact.chat),
        x.s(&format!("csv_contact_{:?}", p.contact_status).to_lowercase())
            .to_string(),
        v.map(|v| v.information_date.to_string())
            .unwrap_or_default(),
        v.map(|v| v.on.clone()).unwrap_or_default(),
        v.map(|v| v.against.clone()).unwrap_or_default(),
        status(x, p.status),
        p.ended_on.map(|d| d.to_string()).unwrap_or_default(),
        page(x, e),
    ]
}

/// Both files: `(path, bytes)`.
pub fn files(x: &Export) -> Vec<(String, Vec<u8>)> {
    let header = |keys: &[&str]| keys.iter().map(|k| x.s(k).to_string()).collect::<Vec<_>>();
    let practices: Vec<Vec<String>> = x
        .site()
        .section(Section::Praksis)
        .filter_map(|e| e.practice().map(|p| practice_row(x, e, p)))
        .collect();
    let partners: Vec<Vec<String>> = x
        .site()
        .section(Section::Partnere)
        .filter_map(|e| e.partner().map(|p| partner_row(x, e, p)))
        .collect();
    vec![
        (
            PRACTICES.to_string(),
            table(&header(PRACTICE_HEADER), &practices),
        ),
        (
            PARTNERS.to_string(),
            table(&header(PARTNER_HEADER), &partners),
        ),
    ]
}
