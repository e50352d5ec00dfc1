//! Triage for help pages: which offers a frightened reader sees first, and which go to the
//! end. A help page is not a catalogue: the first thing under the heading must be a line
//! someone can call now, so offers with current contact details are ranked, and offers
//! without them are gathered in one plainly labelled list at the end. Ended offers are
//! never help.

use crate::config::Config;
use crate::entry::{ContactStatus, Entry, OfferStatus, PartnerMeta};
use crate::freshness::is_around_the_clock;

/// Where an offer goes on a help page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Among the ranked offers with current contact details.
    Ranked,
    /// In the closing list: no current contact details, or paused.
    Other,
    /// Not on help pages at all.
    Hidden,
}

pub fn placement(p: &PartnerMeta) -> Placement {
    match p.status {
        OfferStatus::Ended => Placement::Hidden,
        OfferStatus::Paused => Placement::Other,
        OfferStatus::Active if p.contact_status == ContactStatus::Verified => Placement::Ranked,
        OfferStatus::Active => Placement::Other,
    }
}

/// Whether the offer is the site's municipality's own, national, or of unknown reach (as
/// opposed to another municipality's or a single hospital's local offer).
pub fn serves_this_municipality(p: &PartnerMeta, c: &Config) -> bool {
    if p.kind == "kommune" {
        return true;
    }
    let Some(cov) = p.coverage.as_deref() else {
        return true;
    };
    let cov = cov.to_lowercase();
    let names = [
        Some(&c.municipality.name),
        c.municipality.short_name.as_ref(),
    ];
    cov == "national"
        || cov.contains("hele landet")
        || names
            .into_iter()
            .flatten()
            .any(|n| !n.is_empty() && cov.contains(&n.to_lowercase()))
}

/// Sort key of a ranked offer: a current phone first, open around the clock before limited
/// hours, this municipality's and national offers before others', then the editor's weight.
pub fn rank_key(e: &Entry, p: &PartnerMeta, c: &Config) -> (bool, bool, bool, i64, String) {
    let has_phone = !p.contact.phones.is_empty();
    let around_the_clock = p
        .contact
        .phones
        .iter()
        .any(|ph| ph.hours.as_deref().is_some_and(is_around_the_clock));
    (
        !has_phone,
        !around_the_clock,
        !serves_this_municipality(p, c),
        e.weight,
        e.title.to_lowercase(),
    )
}

/// Split `partners` (already filtered to one audience or form of violence) into the ranked
/// offers and the closing list, leaving out `pinned` slugs shown above the list.
pub fn triage<'e>(
    partners: impl IntoIterator<Item = &'e Entry>,
    c: &Config,
    pinned: &[String],
) -> (Vec<&'e Entry>, Vec<&'e Entry>) {
    let mut ranked = Vec::new();
    let mut other = Vec::new();
    for e in partners {
        let Some(p) = e.partner() else { continue };
        if pinned.iter().any(|s| s == &e.slug) {
            continue;
        }
        match placement(p) {
            Placement::Ranked => ranked.push((rank_key(e, p, c), e)),
            Placement::Other => other.push((e.title.to_lowercase(), e)),
            Placement::Hidden => {}
        }
    }
    ranked.sort_by(|a, b| a.0.cmp(&b.0));
    other.sort_by(|a, b| a.0.cmp(&b.0));
    (
        ranked.into_iter().map(|(_, e)| e).collect(),
        other.into_iter().map(|(_, e)| e).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Phone;
    use crate::date::Date;
    use crate::entry::{Contact, EntryKind, Section, YesNo};

    fn config() -> Config {
        let mut d = crate::diag::Diagnostics::new();
        crate::config::parse(
            crate::config::TEST_CONFIG,
            Date::parse("2026-06-01").unwrap(),
            &mut d,
        )
        .expect("test config")
    }

    fn partner(
        slug: &str,
        kind: &str,
        coverage: Option<&str>,
        hours: Option<&str>,
        status: OfferStatus,
        contact_status: ContactStatus,
    ) -> Entry {
        let phones = hours
            .map(|h| {
                vec![Phone {
                    number: "70 20 30 40".into(),
                    label: None,
                    hours: (!h.is_empty()).then(|| h.to_string()),
                }]
            })
            .unwrap_or_default();
        Entry {
            section: Section::Partnere,
            slug: slug.into(),
            path: format!("content/partnere/{slug}.md"),
            title: slug.into(),
            summary: String::new(),
            source: None,
            weight: 0,
            draft: false,
            body: String::new(),
            body_line: 1,
            key_lines: Default::default(),
            local_to: vec![],
            local: vec![],
            translation: None,
            untranslated: false,
            kind: EntryKind::Partner(Box::new(PartnerMeta {
                kind: kind.into(),
                audiences: vec!["udsat".into()],
                violence_forms: vec![],
                offers: vec![],
                anonymous: YesNo::Unknown,
                free: YesNo::Unknown,
                coverage: coverage.map(str::to_string),
                languages: vec![],
                contact: Contact {
                    phones,
                    website: Some("https://example.org/".into()),
                    ..Contact::default()
                },
                verified: None,
                address_confidential: false,
                contact_status,
                status,
                ended_on: None,
                replaced_by: None,
            })),
        }
    }

    #[test]
    fn current_lines_rank_first_and_ended_offers_never_show() {
        use ContactStatus::{Stale, Unverified, Verified};
        use OfferStatus::{Active, Ended, Paused};
        let c = config();
        let entries = [
            partner(
                "a-web-only",
                "ngo",
                Some("national"),
                None,
                Active,
                Verified,
            ),
            partner(
                "b-office-hours",
                "ngo",
                Some("national"),
                Some("Hverdage 9-15"),
                Active,
                Verified,
            ),
            partner(
                "c-other-town",
                "ngo",
                Some("Aarhus Kommune"),
                Some("Døgnåben"),
                Active,
                Verified,
            ),
            partner(
                "d-around-the-clock",
                "ngo",
                Some("national"),
                Some("Hele døgnet"),
                Active,
                Verified,
            ),
            partner(
                "e-own-municipality",
                "kommune",
                None,
                Some(""),
                Active,
                Verified,
            ),
            partner(
                "f-stale",
                "ngo",
                Some("national"),
                Some("Døgnåben"),
                Active,
                Stale,
            ),
            partner("g-unverified", "ngo", None, Some(""), Active, Unverified),
            partner(
                "h-ended",
                "ngo",
                Some("national"),
                Some("Døgnåben"),
                Ended,
                Verified,
            ),
            partner(
                "i-paused",
                "ngo",
                Some("national"),
                Some("Døgnåben"),
                Paused,
                Verified,
            ),
            partner(
                "j-pinned",
                "ngo",
                Some("national"),
                Some("Døgnåben"),
                Active,
                Verified,
            ),
        ];
        let (ranked, other) = triage(entries.iter(), &c, &["j-pinned".to_string()]);
        let slugs = |v: &[&Entry]| v.iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
        assert_eq!(
            slugs(&ranked),
            [
                // A phone open around the clock, serving here.
                "d-around-the-clock",
                // Around the clock, but another municipality's.
                "c-other-town",
                // Limited hours, own municipality, then national (by weight, then title).
                "b-office-hours",
                "e-own-municipality",
                // No phone at all.
                "a-web-only",
            ]
        );
        assert_eq!(slugs(&other), ["f-stale", "g-unverified", "i-paused"]);
    }

    #[test]
    fn offers_of_the_site_municipality_and_national_ones_serve_here() {
        let c = config();
        let p = |kind: &str, cov: Option<&str>| match partner(
            "x",
            kind,
            cov,
            None,
            OfferStatus::Active,
            ContactStatus::Verified,
        )
        .kind
        {
            EntryKind::Partner(p) => *p,
            _ => unreachable!(),
        };
        assert!(serves_this_municipality(&p("ngo", Some("national")), &c));
        assert!(serves_this_municipality(&p("ngo", Some("Hele landet")), &c));
        assert!(serves_this_municipality(
            &p("ngo", Some("Testrup Kommune og omegn")),
            &c
        ));
        assert!(serves_this_municipality(&p("kommune", Some("Aarhus")), &c));
        assert!(serves_this_municipality(&p("ngo", None), &c));
        assert!(!serves_this_municipality(
            &p("ngo", Some("Amager og Hvidovre Hospital")),
            &c
        ));
    }
}
