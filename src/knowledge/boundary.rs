//! The first or last day of a tenure, known only as precisely as the sources give it.
//!
//! A press secretary's appointment is often reported only as "in January 2017" or "in 2005".
//! Writing a made-up day would turn a guess into a fact, so a [`Boundary`] keeps the span of
//! days it can be — one day, every day of a month, or every day of a year — and the precision
//! it was written with. Lookups then say "certainly" only where every possible day agrees.
//!
//! Some sources fix a boundary only between two days: a press secretary's "first appearance" at
//! a dated conference, a predecessor still briefing on an earlier one. Such a boundary is a
//! [`Precision::Range`]: the earliest and latest day it can be, both included, either of which
//! may be unknown.
//!
//! In the data files a boundary is a TOML date (`2013-06-28`), a string naming a month
//! (`"2017-01"`) or a year (`"2005"`), or a table of the days it lies between,
//! `{ earliest = 2000-09-19, latest = 2001-02-02 }`, where either key may be left out.

use std::collections::BTreeMap;
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
    /// Only days it lies between are known (both included); one side may be unknown.
    Range,
}

/// A tenure's first or last day: the earliest and latest day it can be, and how it was written.
/// A range with an unknown side keeps `NaiveDate::MIN` or `NaiveDate::MAX` there, so that the
/// comparisons of lookups and validation need no special case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Boundary {
    earliest: NaiveDate,
    latest: NaiveDate,
    precision: Precision,
}

/// The forms a boundary may take, for error messages.
const FORMS: &str = "a day like 2013-06-28, a month like \"2017-01\", a year like \"2005\" or \
                     the days it lies between like { earliest = 2000-09-19, latest = 2001-02-02 } \
                     (either key may be left out)";

/// Why a boundary could not be read: names what was found and the forms that are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundaryError(String);

impl BoundaryError {
    /// Text that is none of the accepted forms.
    fn text(found: &str) -> BoundaryError {
        BoundaryError(format!("expected {FORMS}, found {found:?}"))
    }

    /// A table of days that does not describe a range.
    fn range(problem: &str) -> BoundaryError {
        BoundaryError(format!(
            "a boundary between two days is written {{ earliest = 2000-09-19, latest = \
             2001-02-02 }} (both days included; either key may be left out): {problem}"
        ))
    }
}

impl fmt::Display for BoundaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
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

    /// A boundary known only to lie between `earliest` and `latest`, both included; `None` for
    /// a side no source gives. At least one side must be known, and the earliest must come
    /// before the latest (a single day is written as a day).
    pub fn between(
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
    ) -> Result<Boundary, BoundaryError> {
        match (earliest, latest) {
            (None, None) => Err(BoundaryError::range(
                "neither `earliest` nor `latest` is given",
            )),
            (Some(e), Some(l)) if e >= l => Err(BoundaryError::range(&format!(
                "`earliest` ({e}) must come before `latest` ({l}); a boundary known to one day \
                 is written as that day"
            ))),
            _ => Ok(Boundary {
                earliest: earliest.unwrap_or(NaiveDate::MIN),
                latest: latest.unwrap_or(NaiveDate::MAX),
                precision: Precision::Range,
            }),
        }
    }

    /// The first day the boundary can be (`NaiveDate::MIN` when no source bounds it).
    pub fn earliest(&self) -> NaiveDate {
        self.earliest
    }

    /// The last day the boundary can be (`NaiveDate::MAX` when no source bounds it).
    pub fn latest(&self) -> NaiveDate {
        self.latest
    }

    /// The earliest day a source gives, if any.
    pub fn known_earliest(&self) -> Option<NaiveDate> {
        (self.earliest != NaiveDate::MIN).then_some(self.earliest)
    }

    /// The latest day a source gives, if any.
    pub fn known_latest(&self) -> Option<NaiveDate> {
        (self.latest != NaiveDate::MAX).then_some(self.latest)
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

    /// The boundary for evidence and terminal output, where it follows "from" or "to": a known
    /// day as ISO (`2013-06-28`), anything less in words (`January 2017`, `2005`, `a day between
    /// 19 September 2000 and 2 February 2001`), so nobody reads a guessed day into it.
    pub fn phrase(&self) -> String {
        match (self.precision, self.known_earliest(), self.known_latest()) {
            (Precision::Day, _, _) => self.earliest.to_string(),
            (Precision::Range, Some(_), Some(_)) => format!("a day {}", self.long()),
            _ => self.long(),
        }
    }

    /// The boundary for readers of the site: `28 June 2013`, `January 2017`, `2005`, `between
    /// 19 September 2000 and 2 February 2001`, `20 March 2007 or later`, `2 February 2001 or
    /// earlier`.
    pub fn long(&self) -> String {
        let words = |d: NaiveDate| d.format("%-d %B %Y").to_string();
        match self.precision {
            Precision::Day => words(self.earliest),
            Precision::Month => self.earliest.format("%B %Y").to_string(),
            Precision::Year => self.earliest.year().to_string(),
            Precision::Range => match (self.known_earliest(), self.known_latest()) {
                (Some(e), Some(l)) => format!("between {} and {}", words(e), words(l)),
                (Some(e), None) => format!("{} or later", words(e)),
                (None, Some(l)) => format!("{} or earlier", words(l)),
                (None, None) => unreachable!("a range knows one of its sides"),
            },
        }
    }
}

/// The form a data author writes: `2013-06-28`, `2017-01`, `2005` or
/// `{ earliest = 2000-09-19, latest = 2001-02-02 }`.
impl fmt::Display for Boundary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.earliest.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{}", self.earliest.format("%Y-%m")),
            Precision::Year => write!(f, "{:04}", self.earliest.year()),
            Precision::Range => {
                let sides: Vec<String> = [
                    ("earliest", self.known_earliest()),
                    ("latest", self.known_latest()),
                ]
                .into_iter()
                .filter_map(|(key, day)| day.map(|d| format!("{key} = {}", d.format("%Y-%m-%d"))))
                .collect();
                write!(f, "{{ {} }}", sides.join(", "))
            }
        }
    }
}

impl FromStr for Boundary {
    type Err = BoundaryError;

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (four-digit years, two-digit months and days);
    /// a range is a table, read by the deserialiser.
    fn from_str(text: &str) -> Result<Boundary, BoundaryError> {
        let bad = || BoundaryError::text(text);
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

/// As written: a string for a day, month or year, a table of its known sides for a range (so
/// that it reads back).
impl Serialize for Boundary {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.precision != Precision::Range {
            return s.collect_str(self);
        }
        use serde::ser::SerializeMap;
        let sides = [
            ("earliest", self.known_earliest()),
            ("latest", self.known_latest()),
        ];
        let mut map = s.serialize_map(Some(sides.iter().filter(|(_, d)| d.is_some()).count()))?;
        for (key, day) in sides {
            if let Some(day) = day {
                map.serialize_entry(key, &day.format("%Y-%m-%d").to_string())?;
            }
        }
        map.end()
    }
}

/// A day inside a range table: a TOML date or a string.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawDay {
    Toml(toml::value::Datetime),
    Text(String),
}

/// Reads a range table: only `earliest` and `latest`, each a day.
fn range_from_table(table: BTreeMap<String, RawDay>) -> Result<Boundary, BoundaryError> {
    let mut sides = [None, None];
    for (key, raw) in table {
        let side = match key.as_str() {
            "earliest" => 0,
            "latest" => 1,
            _ => {
                return Err(BoundaryError::range(&format!(
                    "unknown key `{key}` (only `earliest` and `latest`)"
                )));
            }
        };
        let text = match raw {
            RawDay::Toml(dt) => dt.to_string(),
            RawDay::Text(s) => s,
        };
        let day = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10)
            .ok_or_else(|| {
                BoundaryError::range(&format!(
                    "`{key}` must be a day like 2000-09-19, found {text:?}"
                ))
            })?;
        sides[side] = Some(day);
    }
    Boundary::between(sides[0], sides[1])
}

impl<'de> Deserialize<'de> for Boundary {
    /// A TOML date (`2013-06-28`, unquoted), a string (`"2017-01"`, `"2005"`, `"2013-06-28"`),
    /// a bare year (`2005`) or a range table (`{ earliest = 2000-09-19, latest = 2001-02-02 }`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Boundary, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Toml(toml::value::Datetime),
            Text(String),
            Year(i64),
            Table(BTreeMap<String, RawDay>),
        }
        let text = match Raw::deserialize(d)
            .map_err(|_| serde::de::Error::custom(format!("expected {FORMS}")))?
        {
            Raw::Toml(dt) => dt.to_string(),
            Raw::Text(s) => s,
            Raw::Year(y) => y.to_string(),
            Raw::Table(table) => return range_from_table(table).map_err(serde::de::Error::custom),
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
    fn a_range_lies_between_its_days_both_included() {
        #[derive(Deserialize)]
        struct Row {
            b: Boundary,
        }
        let row: Row =
            toml::from_str("b = { earliest = 2000-09-19, latest = 2001-02-02 }").unwrap();
        let b = row.b;
        assert_eq!(b.precision(), Precision::Range);
        assert_eq!(
            (b.earliest(), b.latest()),
            (day("2000-09-19"), day("2001-02-02"))
        );
        assert!(b.may_be(day("2000-09-19")) && b.may_be(day("2001-02-02")));
        assert!(!b.may_be(day("2000-09-18")) && !b.may_be(day("2001-02-03")));
        assert_eq!(b.exact(), None);
        assert_eq!(b.long(), "between 19 September 2000 and 2 February 2001");
        assert_eq!(
            b.phrase(),
            "a day between 19 September 2000 and 2 February 2001"
        );
        assert_eq!(
            b.to_string(),
            "{ earliest = 2000-09-19, latest = 2001-02-02 }"
        );
        // Strings are accepted for the days too (JSON, quoted TOML).
        let quoted: Row =
            toml::from_str("b = { latest = \"2001-02-02\", earliest = \"2000-09-19\" }").unwrap();
        assert_eq!(quoted.b, b);
    }

    #[test]
    fn a_range_may_know_one_side_only() {
        let after = Boundary::between(Some(day("2007-03-20")), None).unwrap();
        assert_eq!(after.earliest(), day("2007-03-20"));
        assert_eq!(after.latest(), NaiveDate::MAX);
        assert_eq!(after.known_latest(), None);
        assert_eq!(after.long(), "20 March 2007 or later");
        assert_eq!(after.phrase(), "20 March 2007 or later");
        assert_eq!(after.to_string(), "{ earliest = 2007-03-20 }");
        let by = Boundary::between(None, Some(day("2001-02-02"))).unwrap();
        assert_eq!(by.earliest(), NaiveDate::MIN);
        assert_eq!(by.known_earliest(), None);
        assert_eq!(by.long(), "2 February 2001 or earlier");
        assert_eq!(by.to_string(), "{ latest = 2001-02-02 }");
        assert!(by.may_be(day("1950-01-01")) && !by.may_be(day("2001-02-03")));
    }

    #[test]
    fn a_bad_range_names_the_form_expected() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Row {
            b: Boundary,
        }
        let cases = [
            (
                "b = { after = 2000-09-19, by = 2001-02-02 }",
                "unknown key `after`",
            ),
            ("b = {}", "neither `earliest` nor `latest`"),
            (
                "b = { earliest = 2001-02-02, latest = 2000-09-19 }",
                "must come before `latest`",
            ),
            (
                "b = { earliest = 2001-02-02, latest = 2001-02-02 }",
                "written as that day",
            ),
            (
                "b = { earliest = \"2001-02\" }",
                "must be a day like 2000-09-19",
            ),
            ("b = { earliest = 2001-02-02T10:00:00 }", "must be a day"),
        ];
        for (text, problem) in cases {
            let err = toml::from_str::<Row>(text).unwrap_err().to_string();
            assert!(err.contains(problem), "{text}: {err}");
            assert!(
                err.contains("{ earliest = 2000-09-19, latest = 2001-02-02 }"),
                "{text}: {err}"
            );
        }
        // A value of no accepted type lists every form.
        let err = toml::from_str::<Row>("b = { earliest = 5 }")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("a month like \"2017-01\"") && err.contains("earliest ="),
            "{err}"
        );
    }

    #[test]
    fn a_range_serialises_as_a_table_that_reads_back() {
        let b = Boundary::between(Some(day("2000-09-19")), Some(day("2001-02-02"))).unwrap();
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, r#"{"earliest":"2000-09-19","latest":"2001-02-02"}"#);
        assert_eq!(serde_json::from_str::<Boundary>(&json).unwrap(), b);
        let open = Boundary::between(Some(day("2007-03-20")), None).unwrap();
        let json = serde_json::to_string(&open).unwrap();
        assert_eq!(json, r#"{"earliest":"2007-03-20"}"#);
        assert_eq!(serde_json::from_str::<Boundary>(&json).unwrap(), open);
    }

    #[test]
    fn serialises_as_written() {
        let b: Boundary = "2017-01".parse().unwrap();
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"2017-01\"");
    }
}
