//! The date engine: temporal expressions in news copy, resolved against an anchor date.
//!
//! A timeline is only as good as its dates, and news copy rarely writes them in full: "said on
//! Thursday", "MOSCOW, January 14. /TASS/.", "in June", "last year". This module finds such
//! expressions and resolves them the way rule-based temporal taggers (HeidelTime, SUTime) do,
//! giving TIMEX3 values. It is pure: text and an anchor in, values out; no I/O, no clock, no
//! knowledge base (inference brings that in, see `crate::infer`).
//!
//! The work is one tokenizer pass ([`tokens`]) and pattern matching over the tokens
//! ([`recognise`]), then resolution of each match against the anchor and its clause's tense
//! ([`resolve`]). Around that: datelines ([`dateline`]), the year of a date written without one
//! ([`year`]), holidays' days ([`holiday`]), and the time of a text's main statement
//! ([`statement`]).
//!
//! ```
//! use chrono::NaiveDate;
//! let anchor = NaiveDate::from_ymd_opt(2019, 2, 22);
//! let found = communique::dates::find("Lavrov said on Thursday that talks will resume in March.", anchor);
//! assert_eq!(found[0].value, "2019-02-21");
//! assert_eq!(found[1].value, "2019-03");
//! ```

pub mod dateline;
pub mod holiday;
pub mod recognise;
pub mod resolve;
pub mod statement;
pub mod timex;
pub mod today;
pub mod tokens;
pub mod year;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use dateline::{Dateline, parse_dateline, title_case};
pub use resolve::Tense;
pub use statement::{LeadStatement, lead_statement};
pub use timex::{Season, Value};
pub use today::{Today, TodayRange};
pub use year::{YearChoice, YearConstraint, YearTest, choose_year};

use recognise::Form;

/// A temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timex {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The words, as written.
    pub text: String,
    /// The TIMEX3 value (`2019-02-21`, `2019-02`, `2019-W08`, `XXXX-01-14`, `PRESENT_REF`).
    pub value: String,
    /// The day, when the expression resolves to exactly one.
    pub day: Option<NaiveDate>,
    /// The structured value, when it could be resolved.
    #[serde(skip)]
    pub resolved: Option<Value>,
    /// The recognition rule that fired (`weekday`, `day-month-year`, `iso-date`, …).
    pub rule: &'static str,
    /// Whether its clause speaks of the future ("will", "is expected to", "set for").
    pub future: bool,
    /// Whether its clause speaks of the past ("said", "was", "-ed").
    pub past: bool,
    /// Whether the text writes its year (so the anchor did not supply it).
    pub explicit_year: bool,
    /// Whether it names a weekday (alone or with a date): its number, 1 = Monday.
    pub weekday: Option<u32>,
}

/// Every temporal expression in `text`, in order, resolved against `anchor` (the publication
/// date, when known). Without an anchor, relative expressions keep their open parts
/// (`XXXX-01-14`, `XXXX-WXX-1`), and those that cannot be written at all are left out.
pub fn find(text: &str, anchor: Option<NaiveDate>) -> Vec<Timex> {
    find_ordered(text, anchor, None)
}

/// The day written beside a weekday ("on Thursday (August 10)", "Thursday, August 10"), when
/// it falls on that weekday, before `anchor` and at most two months before it: `t` is a
/// resolved weekday in `text`, `timexes` what [`find`] found there. Copy names the weekday
/// for a reader of the day and the date for a reader of any later day; the date is the day.
pub fn day_beside_weekday<'a>(
    text: &str,
    timexes: &'a [Timex],
    t: &Timex,
    anchor: NaiveDate,
) -> Option<&'a Timex> {
    use chrono::Datelike;
    let wd = t.day.filter(|_| t.rule == "weekday")?.weekday();
    timexes.iter().find(|d| {
        d.start >= t.end
            && d.start - t.end <= 3
            && text[t.end..d.start]
                .chars()
                .all(|c| matches!(c, ' ' | ',' | '('))
            && matches!(d.rule, "day-month" | "month-day")
            && d.day
                .is_some_and(|x| x.weekday() == wd && x <= anchor && (anchor - x).num_days() <= 62)
    })
}

/// As [`find`], reading numeric dates the text's own dates leave ambiguous ("01/12/2021")
/// day-first when `day_first` is `Some(true)`: the convention of the country the text is from.
pub fn find_ordered(text: &str, anchor: Option<NaiveDate>, day_first: Option<bool>) -> Vec<Timex> {
    find_in_tokens(text, &tokens::tokenize(text), anchor, day_first)
}

/// As [`find_ordered`], with the text's tokens already read (`tokens::tokenize(text)`, or
/// [`tokens::within`] the tokens of a text holding it).
pub fn find_in_tokens(
    text: &str,
    toks: &[tokens::Token],
    anchor: Option<NaiveDate>,
    day_first: Option<bool>,
) -> Vec<Timex> {
    let hits = recognise::recognise_ordered(text, toks, day_first);
    let mut out = Vec::with_capacity(hits.len());
    let mut ctx = resolve::Context::default();
    // Results copy speaks of quarters; in its sentences with figures "a year ago" compares
    // quarters ("net of $2 million, up from $1 million a year earlier"), and "year-earlier
    // results" always do. "Last year" there is
    // as often the whole year, and stays one.
    let results_copy = toks
        .iter()
        .any(|t| t.lex == tokens::Lex::Unit(tokens::Unit::Quarter));
    for hit in hits {
        let tense = resolve::tense_around(text, toks, hit.first, hit.end);
        ctx.results = results_copy
            && hit.form == Form::Ago(tokens::Unit::Year, -1)
            && (hit.rule == "year-earlier"
                || resolve::gives_figures(text, toks, hit.first, hit.end));
        let Some(mut value) = resolve::resolve(&hit.form, anchor, &ctx, tense) else {
            continue;
        };
        let weekday = match hit.form {
            Form::Weekday { wd, .. } | Form::RefWeekday(wd, _) => Some(wd),
            _ => toks[hit.first..hit.end].iter().find_map(|t| match t.lex {
                tokens::Lex::Weekday(w) => Some(w),
                _ => None,
            }),
        };
        // "Wednesday, July 19" resolved to a year whose July 19 is no Wednesday: the year
        // beside it where the day and its weekday agree (at most one does), since the
        // weekday is the text's own word and the year only the anchor's guess.
        if let (Form::Date { y: None, m, d }, Some(wd), Value::Day(day)) =
            (&hit.form, weekday, &value)
            && day.weekday().number_from_monday() != wd
            && let Some(fit) = [day.year() - 1, day.year() + 1].into_iter().find_map(|y| {
                NaiveDate::from_ymd_opt(y, *m, *d)
                    .filter(|c| c.weekday().number_from_monday() == wd)
            })
        {
            value = Value::Day(fit);
        }
        if let (Value::Day(d), Some((h, m))) = (&value, hit.clock) {
            value = Value::DayTime(*d, h, m);
        }
        let start = toks[hit.first].start;
        let end = toks[hit.end - 1].end;
        let day = value.day();
        let explicit_year = matches!(
            hit.form,
            Form::Date { y: Some(_), .. }
                | Form::Month { y: Some(_), .. }
                | Form::Year(_)
                | Form::Decade(_)
                | Form::Century(_)
                | Form::Quarter { y: Some(_), .. }
                | Form::Half { y: Some(_), .. }
                | Form::Season { y: Some(_), .. }
                | Form::Holiday { y: Some(_), .. }
        );
        if let (Some(d), true) = (
            day,
            matches!(
                hit.form,
                Form::Date { .. }
                    | Form::Weekday { .. }
                    | Form::DayOffset(_)
                    | Form::RefWeekday(..)
                    | Form::Holiday { .. }
            ),
        ) {
            ctx.day = Some(d);
        }
        if matches!(
            hit.form,
            Form::Date { .. } | Form::Month { .. } | Form::MonthOfYear { .. } | Form::Year(_)
        ) && let Some((first_day, _)) = value.bounds()
        {
            ctx.dated = Some(first_day);
        }
        if let (Value::Quarter(y, q), Some(a)) = (&value, anchor)
            && matches!(
                hit.form,
                Form::Quarter { .. }
                    | Form::QuarterEnded { .. }
                    | Form::Results {
                        q: Some(_),
                        dy: 0,
                        ..
                    }
            )
            && (a.year() - 1..=a.year()).contains(y)
        {
            ctx.quarter = Some((*y, *q));
        }
        out.push(Timex {
            start,
            end,
            text: text[start..end].to_string(),
            value: value.to_string(),
            day,
            resolved: Some(value),
            rule: hit.rule,
            future: tense == Tense::Future,
            past: tense == Tense::Past,
            explicit_year,
            weekday,
        });
    }
    out
}

#[cfg(test)]
mod cases;
#[cfg(test)]
mod tests;
