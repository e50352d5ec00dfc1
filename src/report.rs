//! The editor's contact report: every partner's contact details with their verification
//! status, oldest first, so an editor knows what to re-check before it goes stale (and before
//! a poster silently drops a number).

use crate::date::Date;
use crate::entry::{ContactStatus, Section};
use crate::model::Site;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ContactRow {
    pub path: String,
    pub title: String,
    pub status: ContactStatus,
    pub verified_on: Option<String>,
    pub verified_against: Option<String>,
    /// Days until the verification is older than `verification_max_age_days` (negative: overdue).
    pub days_left: Option<i64>,
    pub phones: Vec<String>,
}

pub fn contact_report(site: &Site) -> Vec<ContactRow> {
    let today = site.config.today.unwrap_or_else(Date::today);
    let max = site.config.verification_max_age_days;
    let mut rows: Vec<ContactRow> = site
        .section(Section::Partnere)
        .filter_map(|e| {
            let p = e.partner()?;
            let on = p.verified.as_ref().and_then(|v| Date::parse(&v.on));
            Some(ContactRow {
                path: e.path.clone(),
                title: e.title.clone(),
                status: p.contact_status,
                verified_on: p.verified.as_ref().map(|v| v.on.clone()),
                verified_against: p.verified.as_ref().map(|v| v.against.clone()),
                days_left: on.map(|d| max - d.days_until(today)),
                phones: p
                    .contact
                    .phones
                    .iter()
                    .map(|ph| ph.number.clone())
                    .collect(),
            })
        })
        .collect();
    let rank = |s: ContactStatus| match s {
        ContactStatus::Unverified => 0,
        ContactStatus::Stale => 1,
        ContactStatus::Verified => 2,
        ContactStatus::None => 3,
    };
    rows.sort_by(|a, b| {
        (rank(a.status), a.days_left.unwrap_or(i64::MIN), &a.path).cmp(&(
            rank(b.status),
            b.days_left.unwrap_or(i64::MIN),
            &b.path,
        ))
    });
    rows
}

/// The report as a plain Danish table for the terminal.
pub fn render_text(rows: &[ContactRow]) -> String {
    let mut out = String::new();
    for r in rows {
        let status = match r.status {
            ContactStatus::Verified => match r.days_left {
                Some(d) => format!(
                    "bekræftet {} (forældes om {d} dage)",
                    r.verified_on.as_deref().unwrap_or("")
                ),
                None => "bekræftet".into(),
            },
            ContactStatus::Stale => format!(
                "FORÆLDET: sidst tjekket {}",
                r.verified_on.as_deref().unwrap_or("")
            ),
            ContactStatus::Unverified => "IKKE BEKRÆFTET".into(),
            ContactStatus::None => "ingen kontaktoplysninger".into(),
        };
        out.push_str(&format!("{}  {}  [{}]\n", r.path, r.title, status));
        if let Some(a) = &r.verified_against {
            out.push_str(&format!("    kilde: {a}\n"));
        }
    }
    let (ok, stale, unv) = rows.iter().fold((0, 0, 0), |(a, b, c), r| match r.status {
        ContactStatus::Verified => (a + 1, b, c),
        ContactStatus::Stale => (a, b + 1, c),
        ContactStatus::Unverified => (a, b, c + 1),
        ContactStatus::None => (a, b, c),
    });
    out.push_str(&format!(
        "{ok} bekræftede, {stale} forældede, {unv} ikke bekræftede, {} uden kontaktoplysninger\n",
        rows.len() - ok - stale - unv
    ));
    out
}
