//! How old a contact detail is, and whether it may still be shown as current.
//!
//! The age of a fact is the age of its source: a number read today on a page from 2021 is
//! as old as 2021. So a contact's information date is the older of the day someone checked
//! it (`verified.on`) and the date the checked page states (`verified.source_date`). A page
//! without a date counts from the check day, and says so to readers. This module is the one
//! place that rule lives; validation, pages, posters and `vejviser contacts` all ask it.

use crate::date::{Date, PartialDate};
use serde::Serialize;

/// Whether a partner's contact details can be trusted on the build date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactStatus {
    /// Information within `verification_max_age_days`.
    Verified,
    /// Checked, but the information is older than allowed.
    Stale,
    /// Contact details without any verification.
    Unverified,
    /// No contact details at all.
    None,
}

/// `verified.source_date` as written: `None` when absent or `unknown`, else the partial date;
/// `Err` with the text when it is neither.
pub fn parse_source_date(raw: Option<&str>) -> Result<Option<PartialDate>, &str> {
    match raw.map(str::trim) {
        None | Some("unknown") => Ok(None),
        Some(text) => PartialDate::parse(text).map(Some).ok_or(text),
    }
}

/// The date a contact's information is from: the older of the check and the source's own
/// date (counted from the first day of a month or year the source gives).
pub fn information_date(checked_on: Date, source_date: Option<PartialDate>) -> Date {
    match source_date {
        Some(s) => s.first_day().min(checked_on),
        None => checked_on,
    }
}

/// The last day the information counts as current.
pub fn expires_on(information_date: Date, max_age_days: i64) -> Date {
    information_date.add_days(max_age_days)
}

/// The contact-status rule. `checked` is `(verified.on, verified.source_date)` where the
/// entry has a verification. A check dated after `today` is not a verification.
pub fn contact_status(
    has_contact: bool,
    checked: Option<(Date, Option<PartialDate>)>,
    today: Date,
    max_age_days: i64,
) -> ContactStatus {
    if !has_contact {
        return ContactStatus::None;
    }
    match checked {
        None => ContactStatus::Unverified,
        Some((on, _)) if on > today => ContactStatus::Unverified,
        Some((on, source)) => {
            if information_date(on, source).days_until(today) > max_age_days {
                ContactStatus::Stale
            } else {
                ContactStatus::Verified
            }
        }
    }
}

/// Whether a phone's opening hours say it is open around the clock ("Døgnåben", "Hele
/// døgnet", "døgnet rundt", "24 timer"). Such lines rank first on help pages.
pub fn is_around_the_clock(hours: &str) -> bool {
    let h = hours.to_lowercase();
    h.contains("døgn") || h.contains("24 timer") || h.contains("24/7") || h.contains("24 t.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }
    fn p(s: &str) -> Option<PartialDate> {
        Some(PartialDate::parse(s).unwrap())
    }

    #[test]
    fn the_older_date_counts() {
        assert_eq!(
            information_date(d("2026-12-02"), p("2021-02")),
            d("2021-02-01")
        );
        assert_eq!(information_date(d("2026-12-02"), None), d("2026-12-02"));
        // A source dated after the check (a typo, or a page updated since) never makes the
        // information younger than the check.
        assert_eq!(
            information_date(d("2026-01-10"), p("2026-06-01")),
            d("2026-01-10")
        );
    }

    #[test]
    fn status_follows_the_information_date_not_the_check() {
        let today = d("2026-12-02");
        // Checked this week against a 2021 page: stale.
        assert_eq!(
            contact_status(true, Some((d("2026-12-01"), p("2021-02"))), today, 365),
            ContactStatus::Stale
        );
        // Checked this week, page undated: current.
        assert_eq!(
            contact_status(true, Some((d("2026-12-01"), None)), today, 365),
            ContactStatus::Verified
        );
        // Exactly at the limit is still current; a day later it is not.
        assert_eq!(
            contact_status(true, Some((d("2025-12-02"), None)), today, 365),
            ContactStatus::Verified
        );
        assert_eq!(
            contact_status(true, Some((d("2025-12-01"), None)), today, 365),
            ContactStatus::Stale
        );
        assert_eq!(
            contact_status(true, None, today, 365),
            ContactStatus::Unverified
        );
        assert_eq!(
            contact_status(true, Some((d("2027-01-01"), None)), today, 365),
            ContactStatus::Unverified
        );
        assert_eq!(contact_status(false, None, today, 365), ContactStatus::None);
    }

    #[test]
    fn expiry_is_max_age_after_the_information_date() {
        assert_eq!(
            expires_on(d("2026-01-01"), 365).to_string(),
            "2027-01-01".to_string()
        );
    }

    #[test]
    fn around_the_clock_hours() {
        for h in [
            "Døgnåben",
            "Hele døgnet",
            "Døgnet rundt",
            "Åben 24 timer i døgnet",
        ] {
            assert!(is_around_the_clock(h), "{h}");
        }
        for h in ["Hverdage 9-15", "Normal kontortid", ""] {
            assert!(!is_around_the_clock(h), "{h}");
        }
    }
}
