//! The editor's contact report: every partner's contact details with their verification
//! status, oldest first, so an editor knows what to re-check before it goes stale (and before
//! a poster silently drops a number).

use crate::entry::{ContactStatus, Section};
use crate::freshness::expires_on;
use crate::model::Site;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ContactRow {
    pub path: String,
    pub title: String,
    pub status: ContactStatus,
    pub verified_on: Option<String>,
    pub verified_against: Option<String>,
    /// The date the checked source states (`YYYY-MM`…), `None` when it states none.
    pub source_date: Option<String>,
    /// The older of the check and the source date: what freshness counts from.
    pub information_date: Option<String>,
    /// The last day the details count as current.
    pub expires_on: Option<String>,
    /// Days until the information is older than `verification_max_age_days` (negative: overdue).
    pub days_left: Option<i64>,
    pub phones: Vec<String>,
}

pub fn contact_report(site: &Site) -> Vec<ContactRow> {
    let today = site.config.today;
    let max = site.config.verification_max_age_days;
    let mut rows: Vec<ContactRow> = site
        .section(Section::Partnere)
        .filter_map(|e| {
            let p = e.partner()?;
            let info = p.verified.as_ref().map(|v| v.information_date);
            Some(ContactRow {
                path: e.path.clone(),
                title: e.title.clone(),
                status: p.contact_status,
                verified_on: p.verified.as_ref().map(|v| v.on.clone()),
                verified_against: p.verified.as_ref().map(|v| v.against.clone()),
                source_date: p
                    .verified
                    .as_ref()
                    .and_then(|v| v.source_date)
                    .map(|d| d.to_string()),
                information_date: info.map(|d| d.to_string()),
                expires_on: info.map(|d| expires_on(d, max).to_string()),
                days_left: info.map(|d| max - d.days_until(today)),
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

fn source_age(r: &ContactRow) -> String {
    match &r.source_date {
        Some(d) => format!("kilden er fra {d}"),
        None => "kildens dato ukendt".into(),
    }
}

/// How far ahead `vejviser contacts` warns about details about to age out.
pub const EXPIRY_WARNING_DAYS: i64 = 60;

/// Rows whose details are current today but expire within [`EXPIRY_WARNING_DAYS`].
pub fn expiring_soon(rows: &[ContactRow]) -> Vec<&ContactRow> {
    rows.iter()
        .filter(|r| {
            r.status == ContactStatus::Verified
                && r.days_left.is_some_and(|d| d <= EXPIRY_WARNING_DAYS)
        })
        .collect()
}

/// The report as a plain Danish table for the terminal.
pub fn render_text(rows: &[ContactRow]) -> String {
    let mut out = String::new();
    let soon = expiring_soon(rows);
    if !soon.is_empty() {
        out.push_str(&format!(
            "Forældes inden for {EXPIRY_WARNING_DAYS} dage (tjek dem nu):\n"
        ));
        for r in &soon {
            out.push_str(&format!(
                "  {}  {}  [forældes {}]\n",
                r.path,
                r.title,
                r.expires_on.as_deref().unwrap_or("")
            ));
        }
        out.push('\n');
    }
    for r in rows {
        let status = match r.status {
            ContactStatus::Verified => match r.days_left {
                Some(d) => format!(
                    "bekræftet {}, {} (forældes om {d} dage)",
                    r.verified_on.as_deref().unwrap_or(""),
                    source_age(r)
                ),
                None => "bekræftet".into(),
            },
            ContactStatus::Stale => format!(
                "FORÆLDET: tjekket {}, {}",
                r.verified_on.as_deref().unwrap_or(""),
                source_age(r)
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

/// "Til redaktøren": what the editor still has to fill in before the site is ready, in the
/// order it matters to a citizen. Empty when nothing is missing. `vejviser build` prints it
/// after the diagnostics, and `vejviser contacts` before its table.
pub fn editor_todo(site: &Site) -> Vec<String> {
    let c = &site.config;
    let m = &c.municipality;
    let mut todo = Vec::new();
    if m.phones.is_empty() {
        todo.push(format!(
            "Skriv {}s hovednummer i site.yaml (municipality.phones), og hvor og hvornår du tjekkede det (municipality.verified). Indtil da trykkes plakaterne uden kommunens nummer.",
            m.name
        ));
    } else if !c.municipality_verified {
        todo.push(
            "Tjek kommunens hovednummer mod kommunens egen side, og opdatér municipality.verified i site.yaml."
                .to_string(),
        );
    }
    let local_offers = site
        .section(Section::Partnere)
        .filter(|e| !e.local_to.is_empty())
        .count();
    if local_offers == 0 {
        todo.push(format!(
            "Tilføj kommunens egne tilbud (krisecenter, rådgivning …): `vejviser new partnere \"…\"`, og skriv `municipality: {}` i filen.",
            c.municipality_short()
        ));
    }
    if crate::config::is_placeholder_url(&c.base_url) {
        todo.push("Skriv sitets rigtige adresse i site.yaml (base_url). Indtil da har plakaterne ingen QR-kode.".to_string());
    }
    if m.website.as_deref().is_none_or(|w| w.trim().is_empty()) {
        todo.push("Skriv kommunens hjemmeside i site.yaml (municipality.website).".to_string());
    }
    if m.accessibility_statement.trim().is_empty() {
        todo.push("Skriv adressen på kommunens tilgængelighedserklæring i site.yaml (municipality.accessibility_statement).".to_string());
    }
    let rows = contact_report(site);
    let old = rows
        .iter()
        .filter(|r| matches!(r.status, ContactStatus::Stale | ContactStatus::Unverified))
        .count();
    if old > 0 {
        todo.push(format!(
            "{old} tilbud har kontaktoplysninger, der er for gamle eller ikke tjekket. Kør `vejviser contacts` for at se hvilke."
        ));
    }
    todo
}

/// The to-do list as text for the terminal; empty when there is nothing to do.
pub fn render_todo(todo: &[String]) -> String {
    if todo.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nTil redaktøren (det mangler, før sitet er klar):\n");
    for t in todo {
        out.push_str(&format!("  - {t}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(path: &str, status: ContactStatus, days_left: Option<i64>) -> ContactRow {
        ContactRow {
            path: path.into(),
            title: path.into(),
            status,
            verified_on: Some("2026-01-10".into()),
            verified_against: Some("https://example.org/".into()),
            source_date: None,
            information_date: Some("2026-01-10".into()),
            expires_on: Some("2027-01-10".into()),
            days_left,
            phones: vec![],
        }
    }

    #[test]
    fn lists_what_ages_out_within_60_days() {
        let rows = [
            row("a", ContactStatus::Verified, Some(60)),
            row("b", ContactStatus::Verified, Some(61)),
            row("c", ContactStatus::Stale, Some(-3)),
            row("d", ContactStatus::Verified, Some(0)),
        ];
        let soon: Vec<&str> = expiring_soon(&rows)
            .iter()
            .map(|r| r.path.as_str())
            .collect();
        assert_eq!(soon, ["a", "d"]);
        let text = render_text(&rows);
        assert!(
            text.starts_with(
                "Forældes inden for 60 dage (tjek dem nu):\n  a  a  [forældes 2027-01-10]\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("c  c  [FORÆLDET: tjekket 2026-01-10, kildens dato ukendt]"),
            "{text}"
        );
    }
}
