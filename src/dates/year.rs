//! The year of a date written without one, from every constraint the text gives.
//!
//! Agency copy often dates itself only by a dateline such as "MOSCOW, January 14". An analyst
//! completes the year from what the text says: the weekday it names for that day ("on Monday"),
//! the years it mentions as past ("In September 2018, Abe said") or future ("is expected in June
//! 2019"), the tenures of the office holders it names, and the meetings it mentions. Each such
//! fact is a [`YearConstraint`]; [`choose_year`] keeps the years that satisfy the most and is
//! as confident as the number of years left allows. The constraints from the knowledge base
//! (tenures, events) are built by `crate::infer`; this module knows only dates.

use chrono::{Datelike, NaiveDate};

use super::Timex;
use super::timex::Value;
use super::today::Today;

/// What a constraint requires of the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearTest {
    /// The date is on or after this day.
    OnOrAfter(NaiveDate),
    /// The date is on or before this day.
    OnOrBefore(NaiveDate),
    /// The date lies in this range (inclusive).
    Within(NaiveDate, NaiveDate),
    /// The date lies in one of these ranges (a person's several tenures).
    AnyOf(Vec<(NaiveDate, NaiveDate)>),
    /// The date falls on this weekday (1 = Monday).
    Weekday(u32),
    /// The date falls the day after this weekday: a dateline of Tuesday over "said on
    /// Monday", next-day wire copy.
    DayAfterWeekday(u32),
}

/// One fact the text gives about its date, with the words that give it.
#[derive(Debug, Clone, PartialEq)]
pub struct YearConstraint {
    /// Rule name: `year.weekday`, `year.weekday-eve`, `year.past-mention`, `year.future-mention`, `year.tenure`,
    /// `year.career`, `year.event`, `year.latest-mention`.
    pub rule: &'static str,
    /// Bytes of the words that give it, in the text the caller searched.
    pub span: Option<(usize, usize)>,
    /// The fact in a sentence a reader accepts.
    pub note: String,
    /// What it requires.
    pub test: YearTest,
}

impl YearConstraint {
    /// How much it counts against the others: a prior ("news speaks mostly of the latest year
    /// it names") counts half of a fact the text states about the day itself (its weekday, a
    /// tenure, a meeting), so it decides between years those facts leave equal but never
    /// outvotes one of them.
    pub fn weight(&self) -> u32 {
        if matches!(
            self.rule,
            "year.latest-mention" | "year.career" | "year.event-weekday" | "year.weekday-eve"
        ) {
            1
        } else {
            2
        }
    }

    /// Whether `date` satisfies it.
    pub fn holds(&self, date: NaiveDate) -> bool {
        match self.test {
            YearTest::OnOrAfter(d) => date >= d,
            YearTest::OnOrBefore(d) => date <= d,
            YearTest::Within(a, b) => a <= date && date <= b,
            YearTest::AnyOf(ref ranges) => ranges.iter().any(|&(a, b)| a <= date && date <= b),
            YearTest::Weekday(w) => date.weekday().number_from_monday() == w,
            YearTest::DayAfterWeekday(w) => date.weekday().number_from_monday() == w % 7 + 1,
        }
    }
}

/// The outcome of [`choose_year`].
#[derive(Debug, Clone, PartialEq)]
pub struct YearChoice {
    /// The chosen year, or `None` when nothing in the text bears on it.
    pub year: Option<i32>,
    /// Every year that scored best (the chosen one is the latest of them).
    pub candidates: Vec<i32>,
    /// How sure: high when one year satisfies every constraint, falling as years remain.
    pub confidence: f32,
    /// Indexes of the constraints the chosen year satisfies.
    pub satisfied: Vec<usize>,
    /// Indexes of the constraints it violates.
    pub violated: Vec<usize>,
}

/// How many years back from `today` a text may be when no period is configured.
pub const DEFAULT_SPAN: i32 = 40;

/// Chooses the year of `month`/`day` whose satisfied constraints weigh the most
/// ([`YearConstraint::weight`]). Years run over
/// `period` (first and last year, from config) or the [`DEFAULT_SPAN`] years up to `today`; the
/// date may not lie after `today`. Ties go to the year nearest the latest one the page names
/// (`year.latest-mention`), else to the latest year, with confidence divided among them.
pub fn choose_year(
    month: u32,
    day: u32,
    constraints: &[YearConstraint],
    period: Option<(i32, i32)>,
    today: &Today,
) -> YearChoice {
    // A period is not cut at today's year: the first of its days after today ends the
    // search, so the choice depends on today's year only when the span is counted from it.
    let (lo, hi) = period.unwrap_or_else(|| {
        let year = today.year();
        (year - DEFAULT_SPAN, year)
    });
    let mut best = 0u32;
    let mut candidates = Vec::new();
    for y in lo..=hi {
        let Some(date) = NaiveDate::from_ymd_opt(y, month, day) else {
            continue;
        };
        if !today.admits(date) {
            // So is every later year's.
            break;
        }
        let score: u32 = constraints
            .iter()
            .filter(|c| c.holds(date))
            .map(YearConstraint::weight)
            .sum();
        if score > best {
            best = score;
            candidates.clear();
        }
        if score == best {
            candidates.push(y);
        }
    }
    // Among years that fit equally, the one nearest the latest year the page names (news
    // speaks mostly of its recent past), a tie going to the later, when one lies within two
    // years of it; else the latest (a year named long before every candidate is history).
    let named = constraints.iter().find_map(|c| match c.test {
        YearTest::Within(first, last)
            if c.rule == "year.latest-mention" && first.year() == last.year() =>
        {
            Some(first.year())
        }
        _ => None,
    });
    let pick = named
        .and_then(|n| {
            candidates
                .iter()
                .copied()
                .filter(|y| (y - n).abs() <= 2)
                .min_by_key(|&y| ((y - n).abs(), -y))
        })
        .or(candidates.last().copied());
    let Some(year) = pick else {
        return YearChoice {
            year: None,
            candidates,
            confidence: 0.0,
            satisfied: Vec::new(),
            violated: Vec::new(),
        };
    };
    // With no constraint satisfied, a year is only a guess unless the period leaves one.
    if best == 0 && candidates.len() > 1 {
        return YearChoice {
            year: None,
            candidates,
            confidence: 0.0,
            satisfied: Vec::new(),
            violated: (0..constraints.len()).collect(),
        };
    }
    let date = NaiveDate::from_ymd_opt(year, month, day).expect("candidate dates exist");
    let (satisfied, violated): (Vec<usize>, Vec<usize>) =
        (0..constraints.len()).partition(|&i| constraints[i].holds(date));
    let total: u32 = constraints.iter().map(YearConstraint::weight).sum();
    let share = if total == 0 {
        1.0
    } else {
        best as f32 / total as f32
    };
    let confidence = 0.9 * share.sqrt() / candidates.len() as f32;
    YearChoice {
        year: Some(year),
        candidates,
        confidence,
        satisfied,
        violated,
    }
}

/// The year of `month`/`day` that puts it on or before `anchor` and nearest to it: the year of
/// a dateline when the publication date is known ("December 30" in a text of 2 January 2020 is
/// 2019).
pub fn year_on_or_before(anchor: NaiveDate, month: u32, day: u32) -> i32 {
    let y = anchor.year();
    match NaiveDate::from_ymd_opt(y, month, day).or_else(|| NaiveDate::from_ymd_opt(y, month, 28)) {
        Some(d) if d > anchor => y - 1,
        _ => y,
    }
}

/// Constraints from dated mentions with a written year: a mention in a past-tense clause puts
/// the text after the period's start, one in a future-tense clause puts it before the period's
/// end. `text` is what the timexes index (for the notes).
pub fn mention_constraints(timexes: &[Timex]) -> Vec<YearConstraint> {
    let mut out = Vec::new();
    for t in timexes {
        if !t.explicit_year || !(t.past || t.future) {
            continue;
        }
        let Some((first, last)) = t.resolved.as_ref().and_then(Value::bounds) else {
            continue;
        };
        if t.past {
            out.push(YearConstraint {
                rule: "year.past-mention",
                span: Some((t.start, t.end)),
                note: format!(
                    "\"{}\" is told as past, so the text was written on or after {first}",
                    t.text
                ),
                test: YearTest::OnOrAfter(first),
            });
        } else {
            out.push(YearConstraint {
                rule: "year.future-mention",
                span: Some((t.start, t.end)),
                note: format!(
                    "\"{}\" is told as still to come, so the text was written on or before {last}",
                    t.text
                ),
                test: YearTest::OnOrBefore(last),
            });
        }
    }
    out
}
