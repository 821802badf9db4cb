//! The first or last day of a tenure, known only as precisely as the sources give it.
//!
//! A press secretary's appointment is often reported only as "in January 2017" or "in 2005".
//! Writing a made-up day would turn a guess into a fact, so a [`Boundary`] keeps the span of
//! days it can be — one day, every day of a month, or every day of a year — and the precision
//! it was written with. Lookups then say "certainly" only where every possible day agrees.
//!
//! In the data files a boundary is a TOML date (`2013-06-28`), or a string naming a month
//! (`"2017-01"`) or a year (`"2005"`).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How precisely a source fixes a [`Boundary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// The day is known.
    Day,
    /// Only the month is known.
    Month,
    /// Only the year is known.
    Year,
}

/// A tenure's first or last day: the earliest and latest day it can be, and how it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Boundary {
    earliest: NaiveDate,
    latest: NaiveDate,
    precision: Precision,
}

/// Why a boundary could not be read: names the text and the forms that are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundaryError(String);

impl fmt::Display for BoundaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "expected a day like 2013-06-28, a month like \"2017-01\" or a year like \"2005\", \
             found {:?}",
            self.0
        )
    }
}

impl std::error::Error for BoundaryError {}

impl Boundary {
    /// A boundary known to the day.
    pub fn day(day: NaiveDate) -> Boundary {
        Boundary {
            earliest: day,
            latest: day,
            precision: Precision::Day,
        }
    }

    /// A boundary known only to the month; `None` for a month that does not exist.
    pub fn month(year: i32, month: u32) -> Option<Boundary> {
        let earliest = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(Boundary {
            earliest,
            latest: next.pred_opt()?,
            precision: Precision::Month,
        })
    }

    /// A boundary known only to the year; `None` outside the calendar chrono knows.
    pub fn year(year: i32) -> Option<Boundary> {
        Some(Boundary {
            earliest: NaiveDate::from_ymd_opt(year, 1, 1)?,
            latest: NaiveDate::from_ymd_opt(year, 12, 31)?,
            precision: Precision::Year,
        })
    }

    /// The first day the boundary can be.
    pub fn earliest(&self) -> NaiveDate {
        self.earliest
    }

    /// The last day the boundary can be.
    pub fn latest(&self) -> NaiveDate {
        self.latest
    }

    /// How precisely the boundary was written.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The day, when the boundary is known to the day.
    pub fn exact(&self) -> Option<NaiveDate> {
        (self.precision == Precision::Day).then_some(self.earliest)
    }

    /// Whether `day` may be the boundary.
    pub fn may_be(&self, day: NaiveDate) -> bool {
        self.earliest <= day && day <= self.latest
    }

    /// The boundary for evidence and terminal output: a known day as ISO (`2013-06-28`), a
    /// month or year in words (`January 2017`, `2005`), so nobody reads a guessed day into it.
    pub fn phrase(&self) -> String {
        match self.precision {
            Precision::Day => self.earliest.to_string(),
            _ => self.long(),
        }
    }

    /// The boundary for readers of the site: `28 June 2013`, `January 2017`, `2005`.
    pub fn long(&self) -> String {
        match self.precision {
            Precision::Day => self.earliest.format("%-d %B %Y").to_string(),
            Precision::Month => self.earliest.format("%B %Y").to_string(),
            Precision::Year => self.earliest.year().to_string(),
        }
    }
}

/// The form a data author writes: `2013-06-28`, `2017-01` or `2005`.
impl fmt::Display for Boundary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.earliest.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{}", self.earliest.format("%Y-%m")),
            Precision::Year => write!(f, "{:04}", self.earliest.year()),
        }
    }
}

impl FromStr for Boundary {
    type Err = BoundaryError;

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (four-digit years, two-digit months and days).
    fn from_str(text: &str) -> Result<Boundary, BoundaryError> {
        let bad = || BoundaryError(text.to_string());
        let parts: Vec<&str> = text.trim().split('-').collect();
        let widths: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        if !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let number = |i: usize| parts[i].parse::<u32>().map_err(|_| bad());
        let year = || i32::try_from(number(0)?).map_err(|_| bad());
        match widths.as_slice() {
            [4] => Boundary::year(year()?).ok_or_else(bad),
            [4, 2] => Boundary::month(year()?, number(1)?).ok_or_else(bad),
            [4, 2, 2] => NaiveDate::from_ymd_opt(year()?, number(1)?, number(2)?)
                .map(Boundary::day)
                .ok_or_else(bad),
            _ => Err(bad()),
        }
    }
}

impl Serialize for Boundary {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Boundary {
    /// A TOML date (`2013-06-28`, unquoted), a string (`"2017-01"`, `"2005"`, `"2013-06-28"`)
    /// or a bare year (`2005`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Boundary, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Toml(toml::value::Datetime),
            Text(String),
            Year(i64),
        }
        let text = match Raw::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "expected a day like 2013-06-28, a month like \"2017-01\" or a year like \"2005\"",
            )
        })? {
            Raw::Toml(dt) => dt.to_string(),
            Raw::Text(s) => s,
            Raw::Year(y) => y.to_string(),
        };
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_day_is_one_day() {
        let b: Boundary = "2013-06-28".parse().unwrap();
        assert_eq!(b.earliest(), day("2013-06-28"));
        assert_eq!(b.latest(), day("2013-06-28"));
        assert_eq!(b.exact(), Some(day("2013-06-28")));
        assert_eq!(b.to_string(), "2013-06-28");
        assert_eq!(b.phrase(), "2013-06-28");
        assert_eq!(b.long(), "28 June 2013");
    }

    #[test]
    fn a_month_spans_its_days() {
        let b: Boundary = "2017-01".parse().unwrap();
        assert_eq!(
            (b.earliest(), b.latest()),
            (day("2017-01-01"), day("2017-01-31"))
        );
        assert_eq!(b.precision(), Precision::Month);
        assert_eq!(b.exact(), None);
        assert_eq!(b.to_string(), "2017-01");
        assert_eq!(b.phrase(), "January 2017");
        assert_eq!(b.long(), "January 2017");
        let feb: Boundary = "2020-02".parse().unwrap();
        assert_eq!(feb.latest(), day("2020-02-29"));
        let dec: Boundary = "2005-12".parse().unwrap();
        assert_eq!(dec.latest(), day("2005-12-31"));
    }

    #[test]
    fn a_year_spans_its_days() {
        let b: Boundary = "2005".parse().unwrap();
        assert_eq!(
            (b.earliest(), b.latest()),
            (day("2005-01-01"), day("2005-12-31"))
        );
        assert_eq!(b.precision(), Precision::Year);
        assert_eq!(b.to_string(), "2005");
        assert_eq!(b.phrase(), "2005");
        assert!(b.may_be(day("2005-07-14")));
        assert!(!b.may_be(day("2006-01-01")));
    }

    #[test]
    fn bad_text_names_the_forms_expected() {
        for bad in [
            "",
            "2017-1",
            "17-01",
            "2017-13",
            "2017-02-30",
            "2017/01",
            "January 2017",
            "2017-01-",
            "+2017",
            "2017-01-01T00:00:00",
        ] {
            let err = bad.parse::<Boundary>().unwrap_err().to_string();
            assert!(
                err.contains("2013-06-28")
                    && err.contains("\"2017-01\"")
                    && err.contains("\"2005\""),
                "{bad:?}: {err}"
            );
            assert!(err.contains(&format!("{bad:?}")), "{err}");
        }
    }

    #[test]
    fn toml_takes_dates_and_strings() {
        #[derive(Deserialize)]
        struct Row {
            a: Boundary,
            b: Boundary,
            c: Boundary,
            d: Boundary,
        }
        let row: Row =
            toml::from_str("a = 2013-06-28\nb = \"2017-01\"\nc = 2005\nd = \"2013-06-28\"")
                .unwrap();
        assert_eq!(row.a, row.d);
        assert_eq!(row.a.exact(), Some(day("2013-06-28")));
        assert_eq!(row.b.precision(), Precision::Month);
        assert_eq!(row.c.precision(), Precision::Year);
        let err = toml::from_str::<Row>(
            "a = \"June 2013\"\nb = \"2017-01\"\nc = \"2005\"\nd = 2013-06-28",
        )
        .err()
        .unwrap()
        .to_string();
        assert!(err.contains("a month like \"2017-01\""), "{err}");
        assert!(err.contains("\"June 2013\""), "{err}");
    }

    #[test]
    fn serialises_as_written() {
        let b: Boundary = "2017-01".parse().unwrap();
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"2017-01\"");
    }
}
