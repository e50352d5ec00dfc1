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
        self.long("da")
    }

    /// Long form in a page's language: "22. november 2026", "22 November 2026",
    /// "22 نوفمبر 2026" (Western digits, as on Danish phones and letters).
    pub fn long(self, lang: &str) -> String {
        let (y, m, d) = self.civil();
        let month = months(lang)[(m - 1) as usize];
        match lang {
            "da" => format!("{d}. {month} {y}"),
            _ => format!("{d} {month} {y}"),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// A date as precise as its source states it: a year (`2014`), a month (`2021-02`) or a day
/// (`2021-02-08`). Sources often give only a month or a year; ages are counted from the first
/// day of the period, so a partial date never makes a fact look younger than it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i64,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn parse(s: &str) -> Option<PartialDate> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let year = match parts.first() {
            Some(y) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => y.parse().ok()?,
            _ => return None,
        };
        let two = |p: &str| -> Option<u32> {
            (p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        match parts.len() {
            1 => Some(PartialDate {
                year,
                month: None,
                day: None,
            }),
            2 => {
                let m = two(parts[1]).filter(|m| (1..=12).contains(m))?;
                Some(PartialDate {
                    year,
                    month: Some(m),
                    day: None,
                })
            }
            3 => {
                let d = Date::parse(s)?;
                let (_, m, day) = d.civil();
                Some(PartialDate {
                    year,
                    month: Some(m),
                    day: Some(day),
                })
            }
            _ => None,
        }
    }

    /// The first day of the period: the date ages are counted from.
    pub fn first_day(self) -> Date {
        Date {
            days: days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)),
        }
    }

    /// Danish, as precise as the date is: "2014", "februar 2021", "8. februar 2021".
    pub fn danish(self) -> String {
        self.long("da")
    }

    /// As precise as the date is, in a page's language ("February 2021").
    pub fn long(self, lang: &str) -> String {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day().long(lang),
            (Some(m), None) => format!("{} {}", months(lang)[(m - 1) as usize], self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Month names of a language; Danish for a language without its own here.
fn months(lang: &str) -> &'static [&'static str; 12] {
    match lang {
        "en" => &MONTHS_EN,
        "ar" => &MONTHS_AR,
        _ => &MONTHS,
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The Gregorian month names used in Egypt and the Gulf, the most widely read.
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

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
    fn partial_dates_parse_print_and_count_from_their_first_day() {
        let y = PartialDate::parse("2014").unwrap();
        assert_eq!((y.to_string(), y.danish()), ("2014".into(), "2014".into()));
        assert_eq!(y.first_day().to_string(), "2014-01-01");
        let m = PartialDate::parse("2021-02").unwrap();
        assert_eq!(m.danish(), "februar 2021");
        assert_eq!(m.first_day().to_string(), "2021-02-01");
        let d = PartialDate::parse("2026-02-26").unwrap();
        assert_eq!(d.danish(), "26. februar 2026");
        assert_eq!(d.long("en"), "26 February 2026");
        assert_eq!(d.long("ar"), "26 فبراير 2026");
        assert_eq!(m.long("en"), "February 2021");
        assert_eq!(d.to_string(), "2026-02-26");
        for bad in [
            "21-02",
            "2021-2",
            "2021-13",
            "2021-02-30",
            "februar 2021",
            "",
            "2021-02-01-01",
        ] {
            assert!(PartialDate::parse(bad).is_none(), "{bad}");
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
