//! `praksis`: a good practice, by focus area; one from the booklet also has its example
//! number there.

use super::keys::{key, PRACTICE};
use super::reader::EntryReader;
use super::{offer_status, EntryKind, PracticeFacts, PracticeMeta};
use crate::slug;

pub(super) fn practice(r: &mut EntryReader) -> Option<EntryKind> {
    let focus_area = r.read::<u32>(key!(PRACTICE, "focus_area"));
    let example = r.read::<u32>(key!(PRACTICE, "example"));
    let municipalities = r
        .read::<Vec<String>>(key!(PRACTICE, "municipalities"))
        .unwrap_or_default();
    let organisations = r
        .read::<Vec<String>>(key!(PRACTICE, "organisations"))
        .unwrap_or_default();
    let criteria = r.read::<Vec<u32>>(key!(PRACTICE, "criteria"));
    let target_groups = r.read_labels(key!(PRACTICE, "target_groups"));
    let evaluated = r.read::<bool>(key!(PRACTICE, "evaluated"));
    let period = r.read::<String>(key!(PRACTICE, "period"));
    let partners = r
        .read::<Vec<String>>(key!(PRACTICE, "partners"))
        .unwrap_or_default();
    let (status, ended_on) = offer_status(r);
    let facts = facts(r);
    let offers = r.read_labels(key!(PRACTICE, "offers"));

    check_numbers(r, focus_area, example);
    let criteria = criteria.map(|c| check_criteria(r, c));
    for p in &partners {
        if !slug::is_valid_slug(p) {
            r.error(
                "bad-slug",
                r.line("partners"),
                format!("partners: `{p}` er ikke en slug"),
                format!("skriv `{}`", slug::slugify(p)),
            );
        }
    }
    Some(EntryKind::Practice(Box::new(PracticeMeta {
        focus_area: focus_area?,
        example,
        municipalities,
        organisations,
        criteria: criteria?,
        target_groups,
        evaluated: evaluated?,
        period,
        partners,
        status,
        ended_on,
        facts,
        offers,
    })))
}

/// The facts the booklet gives, each only where it gives it: an empty one is an error
/// rather than a blank line in the facts box.
fn facts(r: &mut EntryReader) -> PracticeFacts {
    const EMPTY: &str = "skriv hæftets ord, eller fjern linjen";
    PracticeFacts {
        duration: r.read_text(key!(PRACTICE, "duration"), EMPTY),
        group_size: r.read_text(key!(PRACTICE, "group_size"), EMPTY),
        staff: r.read_text(key!(PRACTICE, "staff"), EMPTY),
        referral: r.read_text(key!(PRACTICE, "referral"), EMPTY),
        funding: r.read_text(key!(PRACTICE, "funding"), EMPTY),
    }
}

/// The focus area is one of site.yaml's, and examples count from 1.
fn check_numbers(r: &mut EntryReader, focus_area: Option<u32>, example: Option<u32>) {
    if let Some(fa) = focus_area {
        if !r.config.focus_areas.contains(&fa.to_string()) {
            let areas = r.config.focus_areas.keys().collect::<Vec<_>>().join(", ");
            r.error(
                "unknown-value",
                r.line("focus_area"),
                format!("focus_area: {fa} er ikke et fokusområde"),
                format!("fokusområderne er {areas}"),
            );
        }
    }
    if example == Some(0) {
        r.error(
            "unknown-value",
            r.line("example"),
            "example skal være 1 eller mere",
            "eksemplerne nummereres fra 1 inden for hvert fokusområde",
        );
    }
}

/// The criteria, sorted and without repeats, after checking that there is at least one and
/// that each is a quality criterion of site.yaml.
fn check_criteria(r: &mut EntryReader, mut criteria: Vec<u32>) -> Vec<u32> {
    if criteria.is_empty() {
        r.error(
            "empty-field",
            r.line("criteria"),
            "criteria er tom",
            "angiv de kvalitetskriterier, hæftet nævner for eksemplet",
        );
    }
    for n in &criteria {
        if !r.config.criteria.contains(&n.to_string()) {
            let known = r.config.criteria.keys().collect::<Vec<_>>().join(", ");
            r.error(
                "unknown-value",
                r.line("criteria"),
                format!("criteria: {n} er ikke et kvalitetskriterium ({known})"),
                "brug numrene på kvalitetskriterierne i site.yaml",
            );
        }
    }
    criteria.sort_unstable();
    criteria.dedup();
    criteria
}
