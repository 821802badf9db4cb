//! Resolution: a recognised [`Form`] plus an anchor date and the clause's tense gives a
//! [`Value`].
//!
//! The rules are the ones rule-based taggers such as HeidelTime apply to news: a bare weekday is
//! the latest such day on or before the anchor unless its clause speaks of the future; a month
//! or day without a year takes the anchor's year, moved by one when the tense says the date lies
//! on the other side of the anchor; "last" and "next" move strictly. The tense of a clause is
//! read from the nearest tense cue ("said", "will", "is expected to", "set for", "next") in the
//! same sentence.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::recognise::{Form, Rel};
use super::timex::{Season, Value};
use super::tokens::{Kind, Lex, Token, Unit, W, tokenize};

/// The tense of the clause around an expression, as far as cue words show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// "said", "was", "-ed", "ago".
    Past,
    /// "will", "is expected to", "plans to", "set for", "next".
    Future,
    /// No cue.
    Unknown,
}

/// The tense of the sentence around tokens `first..end`: the cue nearest to them wins, a cue
/// before them winning a tie.
pub fn tense_around(text: &str, toks: &[Token], first: usize, end: usize) -> Tense {
    const REACH: usize = 40;
    // A preposition right before the expression settles it: "until Tuesday", "by Jan. 14".
    if first > 0 {
        let p = &toks[first - 1];
        let w = &text[p.start..p.end];
        if ["until", "till", "by"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
        {
            return Tense::Future;
        }
        if w.eq_ignore_ascii_case("since") {
            return Tense::Past;
        }
    }
    let mut best: Option<(usize, Tense)> = None;
    // Leftwards to the sentence start.
    let mut i = first;
    while i > 0 && first - i < REACH {
        i -= 1;
        if ends_sentence(text, toks, i) {
            break;
        }
        if let Some(t) = cue(text, toks, i) {
            best = Some((first - i, t));
            break;
        }
        if toks[i + 1].newline_before && first - i > 1 && toks[i].kind == Kind::Punct {
            break;
        }
    }
    // Rightwards to the sentence end.
    let mut j = end;
    while j < toks.len() && j - end < REACH {
        if ends_sentence(text, toks, j) {
            break;
        }
        if let Some(t) = cue(text, toks, j) {
            let dist = j + 1 - end;
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, t));
            }
            break;
        }
        j += 1;
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

/// The tense of the sentence around bytes `start..end` of `text` (a phrase that is not itself a
/// time expression, such as a meeting's name).
pub fn tense_at(text: &str, start: usize, end: usize) -> Tense {
    let toks = tokenize(text);
    let first = toks
        .iter()
        .position(|t| t.end > start)
        .unwrap_or(toks.len());
    let last = toks
        .iter()
        .position(|t| t.start >= end)
        .unwrap_or(toks.len());
    if first >= last {
        return Tense::Unknown;
    }
    tense_around(text, &toks, first, last)
}

/// Whether token `i` ends a sentence (a full stop that is not an abbreviation's, `!`, `?`, `;`).
pub fn ends_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if t.kind != Kind::Punct {
        return false;
    }
    let s = &text[t.start..t.end];
    match s {
        "!" | "?" | ";" => true,
        "." => {
            let Some(next) = toks.get(i + 1) else {
                return true;
            };
            if !next.space_before {
                return false;
            }
            if i > 0 {
                let prev = &toks[i - 1];
                let p = &text[prev.start..prev.end];
                // Abbreviations: "Feb.", "U.S.", "Mr.", "St."
                if matches!(prev.lex, Lex::Month { abbrev: true, .. })
                    || (prev.kind == Kind::Word && p.len() == 1)
                    || matches!(
                        p,
                        "Mr" | "Mrs"
                            | "Ms"
                            | "Dr"
                            | "St"
                            | "Gen"
                            | "Sen"
                            | "Rep"
                            | "Gov"
                            | "Lt"
                            | "Col"
                            | "Jr"
                            | "Inc"
                            | "Corp"
                            | "Co"
                            | "Ltd"
                            | "No"
                            | "Prof"
                            | "Sept"
                    )
                {
                    return false;
                }
            }
            true
        }
        _ => false,
    }
}

/// The tense a word signals, if any.
fn cue(text: &str, toks: &[Token], i: usize) -> Option<Tense> {
    let t = &toks[i];
    if t.kind != Kind::Word {
        return None;
    }
    let next = |k: usize| toks.get(i + k).map_or("", |t| &text[t.start..t.end]);
    let w = &text[t.start..t.end];
    if t.lex == Lex::W(W::Next) {
        // "next week", not "next to".
        let temporal = toks.get(i + 1).is_some_and(|n| {
            matches!(
                n.lex,
                Lex::Unit(_) | Lex::Weekday(_) | Lex::Month { .. } | Lex::Season(_)
            )
        });
        return temporal.then_some(Tense::Future);
    }
    if matches!(t.lex, Lex::W(W::Upcoming | W::Coming | W::Soon)) {
        return Some(Tense::Future);
    }
    if t.lex == Lex::W(W::Ago) || t.lex == Lex::W(W::Last) {
        return Some(Tense::Past);
    }
    if w.len() > 12 {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    match lower.as_str() {
        "will" | "shall" | "won" if lower != "won" || next(1) == "'" || next(1) == "’" => {
            Some(Tense::Future)
        }
        "ll" if i > 0 && toks[i - 1].kind == Kind::Punct => Some(Tense::Future),
        "expected" | "expects" | "expect" | "scheduled" | "slated" | "intends" | "intend"
        | "aims" => Some(Tense::Future),
        "plans" | "planned" | "planning" | "plan" | "going" | "due" | "hopes" | "hope" | "set" => {
            let n = next(1).to_ascii_lowercase();
            (n == "to" || n == "for" || (lower == "set" && n == "on")).then_some(Tense::Future)
        }
        "upcoming" | "forthcoming" => Some(Tense::Future),
        "said" | "told" | "was" | "were" | "had" | "did" | "met" | "made" | "came" | "went"
        | "took" | "held" | "gave" | "began" | "left" | "spoke" | "wrote" | "sent" | "brought"
        | "thought" | "knew" | "found" | "got" | "saw" | "lost" | "fell" | "rose" | "paid"
        | "sold" | "bought" | "led" | "struck" | "became" | "won" | "ran" | "hit" | "shot"
        | "killed" => Some(Tense::Past),
        _ => {
            let prev = if i > 0 {
                text[toks[i - 1].start..toks[i - 1].end].to_ascii_lowercase()
            } else {
                String::new()
            };
            if lower.len() >= 5
                && lower.ends_with("ed")
                && !t.upper
                && !matches!(
                    prev.as_str(),
                    "be" | "been"
                        | "being"
                        | "is"
                        | "are"
                        | "to"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                        | "will"
                        | "would"
                        | "get"
                        | "gets"
                        | "the"
                        | "a"
                        | "an"
                )
                && !matches!(
                    lower.as_str(),
                    "indeed"
                        | "speed"
                        | "based"
                        | "united"
                        | "limited"
                        | "related"
                        | "concerned"
                        | "interested"
                        | "need"
                        | "proceed"
                        | "succeed"
                        | "exceed"
                )
            {
                Some(Tense::Past)
            } else {
                None
            }
        }
    }
}

/// The value of `form` given the anchor, the last day the text mentioned before it, and the
/// clause's tense.
pub fn resolve(
    form: &Form,
    anchor: Option<NaiveDate>,
    reference: Option<NaiveDate>,
    tense: Tense,
) -> Option<Value> {
    let Some(a) = anchor else {
        return unanchored(form);
    };
    let v = match *form {
        Form::Date { y: Some(y), m, d } => Value::Day(NaiveDate::from_ymd_opt(y, m, d)?),
        Form::Date { y: None, m, d } => {
            let y = year_for(a, m, d, tense);
            Value::Day(
                NaiveDate::from_ymd_opt(y, m, d)
                    .or_else(|| NaiveDate::from_ymd_opt(y - 1, m, d))?,
            )
        }
        Form::Month { y: Some(y), m } => Value::Month(y, m),
        Form::Month { y: None, m } => Value::Month(month_year(a, m, tense), m),
        Form::MonthRel(m, dir) => {
            let am = a.month();
            let y = match dir {
                -1 if m >= am => a.year() - 1,
                1 if m <= am => a.year() + 1,
                _ => a.year(),
            };
            Value::Month(y, m)
        }
        Form::Year(y) => Value::Year(y),
        Form::Decade(d) => Value::Decade(d),
        Form::Century(c) => Value::Century(c),
        Form::Quarter { y, q } => {
            Value::Quarter(y.unwrap_or_else(|| period_year(a, q, 3, tense)), q)
        }
        Form::Half { y, h } => Value::Half(y.unwrap_or_else(|| period_year(a, h, 6, tense)), h),
        Form::Season { y: Some(y), s, .. } => Value::Season(y, s),
        Form::Season { y: None, s, rel } => {
            // Season instances in order: spring, summer, fall, then the winter starting in
            // December of the same year.
            let order = |s: Season| match s {
                Season::Spring => 0,
                Season::Summer => 1,
                Season::Fall => 2,
                Season::Winter => 3,
            };
            let cur = season_year(a) * 4 + order(Season::of_month(a.month()));
            let at = |y: i32| y * 4 + order(s);
            let y0 = a.year();
            let years = [y0 - 2, y0 - 1, y0, y0 + 1];
            let pick = |f: &dyn Fn(i32) -> bool, latest: bool| {
                let mut ok = years.iter().copied().filter(|&y| f(at(y)));
                if latest { ok.last() } else { ok.next() }
            };
            let y = match (rel, tense) {
                (Some(-1), _) => pick(&|i| i < cur, true),
                (Some(1), _) => pick(&|i| i > cur, false),
                (_, Tense::Past) => pick(&|i| i <= cur, true),
                (_, Tense::Future) => pick(&|i| i >= cur, false),
                _ => years
                    .iter()
                    .copied()
                    .min_by_key(|&y| ((at(y) - cur).abs(), at(y) < cur)),
            }
            .unwrap_or(y0);
            Value::Season(y, s)
        }
        Form::Weekday { wd, rel } => Value::Day(weekday(a, wd, rel, tense)),
        Form::Weekend => {
            let wd = a.weekday().number_from_monday();
            let base = if wd >= 6 {
                a
            } else if tense == Tense::Future {
                a + Days::new(u64::from(6 - wd))
            } else {
                a - Days::new(u64::from(wd + 1))
            };
            let w = base.iso_week();
            Value::Weekend(w.year(), w.week())
        }
        Form::DayOffset(n) => Value::Day(shift_days(a, n)?),
        Form::RefDay(n) => Value::Day(shift_days(reference.unwrap_or(a), n)?),
        Form::UnitRel(u, n) => unit_value(a, u, n)?,
        Form::Ago(u, n) => ago_value(a, u, n)?,
        Form::Present => Value::Present,
        Form::Past => Value::Past,
        Form::Future => Value::Future,
    };
    Some(v)
}

/// What can be said without an anchor.
fn unanchored(form: &Form) -> Option<Value> {
    Some(match *form {
        Form::Date { y: Some(y), m, d } => Value::Day(NaiveDate::from_ymd_opt(y, m, d)?),
        Form::Date { y: None, m, d } => Value::MonthDay(m, d),
        Form::Month { y: Some(y), m } => Value::Month(y, m),
        Form::Month { y: None, m } | Form::MonthRel(m, _) => Value::MonthOnly(m),
        Form::Year(y) => Value::Year(y),
        Form::Decade(d) => Value::Decade(d),
        Form::Century(c) => Value::Century(c),
        Form::Quarter { y: Some(y), q } => Value::Quarter(y, q),
        Form::Half { y: Some(y), h } => Value::Half(y, h),
        Form::Season { y: Some(y), s, .. } => Value::Season(y, s),
        Form::Weekday { wd, .. } => Value::Weekday(wd),
        Form::Present => Value::Present,
        Form::Past => Value::Past,
        Form::Future => Value::Future,
        _ => return None,
    })
}

fn shift_days(a: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        a.checked_add_days(Days::new(n as u64))
    } else {
        a.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn shift_months(a: NaiveDate, n: i32) -> Option<NaiveDate> {
    let first = a.with_day(1)?;
    if n >= 0 {
        first.checked_add_months(Months::new(n as u32))
    } else {
        first.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// The year of a day without one: the anchor's, moved by the tense when the day would otherwise
/// lie on the wrong side of the anchor, or when it lies more than half a year away.
pub fn year_for(a: NaiveDate, m: u32, d: u32, tense: Tense) -> i32 {
    let y = a.year();
    let Some(day) = NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
    else {
        return y;
    };
    let diff = (day - a).num_days();
    match tense {
        // A future clause: the next such day, unless it is only just past.
        Tense::Future if diff < -7 => y + 1,
        // A past clause: the last such day, unless it is only weeks ahead (tense cues err).
        Tense::Past if diff > 45 => y - 1,
        // No cue: the nearest, with news leaning to the past.
        Tense::Unknown | Tense::Past if diff > 150 => y - 1,
        Tense::Unknown if diff < -240 => y + 1,
        _ => y,
    }
}

/// The year of a month without one: the anchor's, or the neighbouring one that the tense or
/// nearness calls for.
pub fn month_year(a: NaiveDate, m: u32, tense: Tense) -> i32 {
    let diff = m as i32 - a.month() as i32; // -11..=11, months ahead within the anchor's year
    let y = a.year();
    match tense {
        Tense::Future if diff < 0 => y + 1,
        Tense::Past if diff > 1 => y - 1,
        Tense::Unknown if diff > 5 => y - 1,
        Tense::Unknown if diff < -8 => y + 1,
        _ => y,
    }
}

/// The year of a quarter or half without one: the anchor's, moved by tense.
fn period_year(a: NaiveDate, n: u32, months: u32, tense: Tense) -> i32 {
    let cur = (a.month() - 1) / months + 1;
    match tense {
        Tense::Future if n < cur => a.year() + 1,
        Tense::Past | Tense::Unknown if n > cur => a.year() - 1,
        _ => a.year(),
    }
}

/// The year the anchor's season started in (winter starts in December).
fn season_year(a: NaiveDate) -> i32 {
    if a.month() <= 2 {
        a.year() - 1
    } else {
        a.year()
    }
}

/// The day a weekday names from the anchor.
pub fn weekday(a: NaiveDate, wd: u32, rel: Rel, tense: Tense) -> NaiveDate {
    let cur = a.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let back = (cur - wd).rem_euclid(7); // 0..6 days back to the latest such day
    let fwd = (wd - cur).rem_euclid(7); // 0..6 days ahead to the next such day
    let offset = match rel {
        Rel::Last => -(if back == 0 { 7 } else { back }),
        Rel::Next => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Rel::This => wd - cur,
        Rel::Bare => {
            if tense == Tense::Future {
                if fwd == 0 { 7 } else { fwd }
            } else {
                -back
            }
        }
    };
    shift_days(a, offset).unwrap_or(a)
}

fn unit_value(a: NaiveDate, u: Unit, n: i32) -> Option<Value> {
    Some(match u {
        Unit::Day => Value::Day(shift_days(a, n as i64)?),
        Unit::Week | Unit::Fortnight => {
            let w = shift_days(a, 7 * n as i64)?.iso_week();
            Value::Week(w.year(), w.week())
        }
        Unit::Weekend => {
            let w = shift_days(a, 7 * n as i64)?.iso_week();
            Value::Weekend(w.year(), w.week())
        }
        Unit::Month => {
            let d = shift_months(a, n)?;
            Value::Month(d.year(), d.month())
        }
        Unit::Quarter => {
            let q0 = a.year() * 4 + (a.month() as i32 - 1) / 3 + n;
            Value::Quarter(q0.div_euclid(4), q0.rem_euclid(4) as u32 + 1)
        }
        Unit::Year => Value::Year(a.year() + n),
        Unit::Decade => Value::Decade(a.year().div_euclid(10) + n),
        Unit::Century => Value::Century(a.year().div_euclid(100) + n),
    })
}

fn ago_value(a: NaiveDate, u: Unit, n: i32) -> Option<Value> {
    Some(match u {
        Unit::Day => Value::Day(shift_days(a, n as i64)?),
        Unit::Week | Unit::Fortnight => {
            let days = if u == Unit::Fortnight { 14 } else { 7 };
            let w = shift_days(a, days * n as i64)?.iso_week();
            Value::Week(w.year(), w.week())
        }
        Unit::Month => {
            let d = shift_months(a, n)?;
            Value::Month(d.year(), d.month())
        }
        Unit::Quarter => unit_value(a, Unit::Quarter, n)?,
        Unit::Year => Value::Year(a.year() + n),
        Unit::Decade => Value::Decade((a.year() + 10 * n).div_euclid(10)),
        Unit::Century => Value::Century((a.year() + 100 * n).div_euclid(100)),
        Unit::Weekend => return None,
    })
}
