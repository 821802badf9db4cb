//! Today as inference reads it: the latest day a text can be dated, which also remembers what
//! it was asked.
//!
//! Inference reads the day only to bound dates ("no text is published after today", "a
//! year-less date lies in the forty years up to today"). Most texts never ask, or ask about
//! days long past, so what they infer to is the same on any later day. [`Today`] answers
//! each question and narrows the [`TodayRange`] of days that would have answered every
//! question the same way; since inference depends on the day only through these answers, an
//! inference holds — byte for byte — on every day of that range. The inference cache keeps the
//! range with each article and infers again only when the build's day falls outside it.

use std::cell::Cell;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The days `today` may be for an inference to come out as it did: every day from `from` to
/// `to`, both included; a missing bound is no bound.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TodayRange {
    /// The first such day, if any day before is different.
    pub from: Option<NaiveDate>,
    /// The last such day, if any day after is different.
    pub to: Option<NaiveDate>,
}

impl TodayRange {
    /// Every day: an inference that never read today.
    pub const ALWAYS: TodayRange = TodayRange {
        from: None,
        to: None,
    };

    /// Whether `day` is in the range.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    /// The days in both ranges.
    pub fn intersect(self, other: TodayRange) -> TodayRange {
        TodayRange {
            from: self.from.max(other.from),
            to: match (self.to, other.to) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }
}

/// Today's date for one inference. Its day can be read only through questions that narrow
/// [`Today::range`], so no read of the day goes unrecorded. One per article: not shared
/// between threads.
#[derive(Debug)]
pub struct Today {
    day: NaiveDate,
    range: Cell<TodayRange>,
}

impl Today {
    /// Today is `day`; nothing asked yet.
    pub fn new(day: NaiveDate) -> Today {
        Today {
            day,
            range: Cell::new(TodayRange::ALWAYS),
        }
    }

    /// Whether `day` is not after today (a text may be dated on it). The answer stays the same
    /// from `day` on when yes, up to the day before it when no.
    pub fn admits(&self, day: NaiveDate) -> bool {
        let yes = day <= self.day;
        let holds = if yes {
            TodayRange {
                from: Some(day),
                to: None,
            }
        } else {
            // `day` is after today, so it has a day before it.
            TodayRange {
                from: None,
                to: day.pred_opt(),
            }
        };
        self.narrow(holds);
        yes
    }

    /// Today's year: the same from its first day to its last.
    pub fn year(&self) -> i32 {
        let year = self.day.year();
        self.narrow(TodayRange {
            from: NaiveDate::from_ymd_opt(year, 1, 1),
            to: NaiveDate::from_ymd_opt(year, 12, 31),
        });
        year
    }

    /// The days on which every question asked so far has the same answer.
    pub fn range(&self) -> TodayRange {
        self.range.get()
    }

    fn narrow(&self, holds: TodayRange) {
        self.range.set(self.range.get().intersect(holds));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn each_answer_narrows_the_range_to_the_days_that_answer_alike() {
        let today = Today::new(day("2025-06-01"));
        assert_eq!(today.range(), TodayRange::ALWAYS);
        assert!(today.admits(day("2024-03-10")));
        assert!(today.admits(day("2025-06-01")));
        assert!(!today.admits(day("2025-06-27")));
        assert!(!today.admits(day("2026-01-01")));
        let range = today.range();
        assert_eq!(range.from, Some(day("2025-06-01")));
        assert_eq!(range.to, Some(day("2025-06-26")));
        // Every day of the range answers every question the same way; the days beside it do
        // not.
        for (d, inside) in [
            ("2025-05-31", false),
            ("2025-06-01", true),
            ("2025-06-26", true),
            ("2025-06-27", false),
        ] {
            assert_eq!(range.contains(day(d)), inside, "{d}");
            let other = Today::new(day(d));
            let same = other.admits(day("2024-03-10"))
                && other.admits(day("2025-06-01"))
                && !other.admits(day("2025-06-27"))
                && !other.admits(day("2026-01-01"));
            assert_eq!(same, inside, "{d}");
        }
    }

    #[test]
    fn the_year_holds_for_its_days() {
        let today = Today::new(day("2025-06-01"));
        assert_eq!(today.year(), 2025);
        assert!(today.range().contains(day("2025-01-01")));
        assert!(today.range().contains(day("2025-12-31")));
        assert!(!today.range().contains(day("2024-12-31")));
        assert!(!today.range().contains(day("2026-01-01")));
    }
}
