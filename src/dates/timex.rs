//! The value of a temporal expression, written the way TimeML's TIMEX3 writes it.
//!
//! Values are kept structured ([`Value`]) so that code can compare and shift them, and printed
//! as TIMEX3 strings (`2019-02-21`, `2019-02`, `2019`, `2019-W08`, `2019-Q3`, `2019-SP`, `199X`,
//! `XXXX-01-14`, `PRESENT_REF`) only at the edge.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A season, as TIMEX3 abbreviates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// `SP`
    Spring,
    /// `SU`
    Summer,
    /// `FA`
    Fall,
    /// `WI`
    Winter,
}

impl Season {
    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The season a month falls in (northern hemisphere, as news copy means it).
    pub fn of_month(month: u32) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }

    /// The month the season starts in (winter: December of its year).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A TIMEX3 value of type DATE.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// One calendar day: `2019-02-21`.
    Day(NaiveDate),
    /// A day and a clock time (hour, minute): `2019-02-21T09:00`.
    DayTime(NaiveDate, u32, u32),
    /// A month: `2019-02`.
    Month(i32, u32),
    /// A year: `2019`.
    Year(i32),
    /// An ISO week: `2019-W08`.
    Week(i32, u32),
    /// The weekend of an ISO week: `2019-W08-WE`.
    Weekend(i32, u32),
    /// A quarter: `2019-Q3`.
    Quarter(i32, u32),
    /// A half year: `2019-H1`.
    Half(i32, u32),
    /// A season: `2019-SP`.
    Season(i32, Season),
    /// A decade, by its first three digits: 199 is `199X`, "the 1990s".
    Decade(i32),
    /// A century, by its first two digits: 19 is `19XX`, "the 20th century".
    Century(i32),
    /// A month and day whose year is unknown: `XXXX-01-14`.
    MonthDay(u32, u32),
    /// A month whose year is unknown: `XXXX-12`.
    MonthOnly(u32),
    /// A weekday whose week is unknown: `XXXX-WXX-1` (1 is Monday).
    Weekday(u32),
    /// The present, vaguely (`now`, `currently`): `PRESENT_REF`.
    Present,
    /// The past, vaguely (`recently`, `the past`): `PAST_REF`.
    Past,
    /// The future, vaguely (`soon`, `the future`): `FUTURE_REF`.
    Future,
}

impl Value {
    /// The single day this value denotes, if it is one day.
    pub fn day(&self) -> Option<NaiveDate> {
        match self {
            Value::Day(d) | Value::DayTime(d, ..) => Some(*d),
            _ => None,
        }
    }

    /// The year this value lies in, when it lies in one year.
    pub fn year(&self) -> Option<i32> {
        match *self {
            Value::Day(d) | Value::DayTime(d, ..) => Some(d.year()),
            Value::Month(y, _)
            | Value::Year(y)
            | Value::Quarter(y, _)
            | Value::Half(y, _)
            | Value::Season(y, _) => Some(y),
            Value::Week(y, w) | Value::Weekend(y, w) => {
                NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Thu).map(|d| d.year())
            }
            _ => None,
        }
    }

    /// The first and last day of the period this value names, when it names a bounded one.
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        let ymd = NaiveDate::from_ymd_opt;
        match *self {
            Value::Day(d) | Value::DayTime(d, ..) => Some((d, d)),
            Value::Month(y, m) => Some((ymd(y, m, 1)?, last_of_month(y, m)?)),
            Value::Year(y) => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
            Value::Week(y, w) | Value::Weekend(y, w) => Some((
                NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?,
                NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sun)?,
            )),
            Value::Quarter(y, q) => Some((ymd(y, q * 3 - 2, 1)?, last_of_month(y, q * 3)?)),
            Value::Half(y, h) => Some((ymd(y, h * 6 - 5, 1)?, last_of_month(y, h * 6)?)),
            Value::Season(y, s) => {
                let first = s.first_month();
                let start = ymd(y, first, 1)?;
                let end = if s == Season::Winter {
                    last_of_month(y + 1, 2)?
                } else {
                    last_of_month(y, first + 2)?
                };
                Some((start, end))
            }
            Value::Decade(d) => Some((ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?)),
            Value::Century(c) => Some((ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?)),
            _ => None,
        }
    }
}

/// The last day of a month.
pub fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Value::DayTime(d, h, m) => write!(
                f,
                "{:04}-{:02}-{:02}T{h:02}:{m:02}",
                d.year(),
                d.month(),
                d.day()
            ),
            Value::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Value::Year(y) => write!(f, "{y:04}"),
            Value::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            Value::Weekend(y, w) => write!(f, "{y:04}-W{w:02}-WE"),
            Value::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Value::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Value::Season(y, s) => write!(f, "{y:04}-{}", s.code()),
            Value::Decade(d) => write!(f, "{d:03}X"),
            Value::Century(c) => write!(f, "{c:02}XX"),
            Value::MonthDay(m, d) => write!(f, "XXXX-{m:02}-{d:02}"),
            Value::MonthOnly(m) => write!(f, "XXXX-{m:02}"),
            Value::Weekday(w) => write!(f, "XXXX-WXX-{w}"),
            Value::Present => f.write_str("PRESENT_REF"),
            Value::Past => f.write_str("PAST_REF"),
            Value::Future => f.write_str("FUTURE_REF"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn prints_timex3() {
        let cases = [
            (Value::Day(d(2019, 2, 21)), "2019-02-21"),
            (Value::DayTime(d(2019, 2, 21), 9, 5), "2019-02-21T09:05"),
            (Value::Month(2019, 2), "2019-02"),
            (Value::Year(2019), "2019"),
            (Value::Week(2019, 8), "2019-W08"),
            (Value::Weekend(2019, 8), "2019-W08-WE"),
            (Value::Quarter(2019, 3), "2019-Q3"),
            (Value::Half(2019, 1), "2019-H1"),
            (Value::Season(2019, Season::Spring), "2019-SP"),
            (Value::Decade(199), "199X"),
            (Value::Century(19), "19XX"),
            (Value::MonthDay(1, 14), "XXXX-01-14"),
            (Value::MonthOnly(12), "XXXX-12"),
            (Value::Weekday(6), "XXXX-WXX-6"),
            (Value::Present, "PRESENT_REF"),
            (Value::Past, "PAST_REF"),
            (Value::Future, "FUTURE_REF"),
        ];
        for (value, want) in cases {
            assert_eq!(value.to_string(), want, "{value:?}");
        }
    }

    #[test]
    fn bounds_of_periods() {
        assert_eq!(
            Value::Quarter(2019, 3).bounds(),
            Some((d(2019, 7, 1), d(2019, 9, 30)))
        );
        assert_eq!(
            Value::Month(2020, 2).bounds(),
            Some((d(2020, 2, 1), d(2020, 2, 29)))
        );
        assert_eq!(
            Value::Season(2019, Season::Winter).bounds(),
            Some((d(2019, 12, 1), d(2020, 2, 29)))
        );
        assert_eq!(
            Value::Week(2019, 8).bounds(),
            Some((d(2019, 2, 18), d(2019, 2, 24)))
        );
        assert_eq!(Value::Present.bounds(), None);
    }
}
