//! Calendar dates (`YYYY-MM-DD`) as days since 1970-01-01, enough for "is this contact
//! detail older than N days". No time zones: a verification date is a calendar day.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i64,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut parts = s.splitn(3, '-');
        let y: i64 = parts.next()?.parse().ok()?;
        let m: u32 = parts.next()?.parse().ok()?;
        let d: u32 = parts.next()?.parse().ok()?;
        if s.len() != 10 || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date {
            days: days_from_civil(y, m, d),
        })
    }

    pub fn from_unix_seconds(secs: i64) -> Date {
        Date {
            days: secs.div_euclid(86_400),
        }
    }

    /// Today by the system clock, unless `VEJVISER_TODAY` (YYYY-MM-DD) or
    /// `SOURCE_DATE_EPOCH` says otherwise (reproducible builds and tests).
    pub fn today() -> Date {
        if let Some(d) = std::env::var("VEJVISER_TODAY")
            .ok()
            .and_then(|s| Date::parse(&s))
        {
            return d;
        }
        if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
        {
            return Date::from_unix_seconds(secs);
        }
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_unix_seconds(secs)
    }

    pub fn days_until(self, later: Date) -> i64 {
        later.days - self.days
    }

    pub fn add_days(self, n: i64) -> Date {
        Date {
            days: self.days + n,
        }
    }

    /// (year, month, day).
    pub fn civil(self) -> (i64, u32, u32) {
        // Howard Hinnant's civil_from_days.
        let z = self.days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    /// Danish long form: "22. november 2026".
    pub fn danish(self) -> String {
        const MONTHS: [&str; 12] = [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ];
        let (y, m, d) = self.civil();
        format!("{d}. {} {y}", MONTHS[(m - 1) as usize])
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_round_trip() {
        for s in ["1970-01-01", "2024-02-29", "2026-11-22", "1999-12-31"] {
            assert_eq!(Date::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "2025-02-29",
            "2026-13-01",
            "2026-1-1",
            "22-11-2026",
            "i går",
        ] {
            assert!(Date::parse(s).is_none(), "{s}");
        }
    }

    #[test]
    fn counts_days_between() {
        let a = Date::parse("2025-11-22").unwrap();
        let b = Date::parse("2026-11-22").unwrap();
        assert_eq!(a.days_until(b), 365);
        assert_eq!(Date::from_unix_seconds(0).to_string(), "1970-01-01");
        assert_eq!(b.danish(), "22. november 2026");
    }
}
