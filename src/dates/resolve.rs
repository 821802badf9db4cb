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

use super::holiday::Holiday;
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
    // A preposition right before the expression: "since" settles it; "until Tuesday" and "by
    // Jan. 14" look ahead unless the clause is in the past ("had not called him a suspect until
    // Thursday", "by Monday, officials had hardened their stand"). "Through" marks an end
    // that lies ahead only after a verb that sets one ("extended loans through January"), not
    // in "has fallen this year through Oct. 19".
    let mut deadline = false;
    let mut through = false;
    if first > 0 {
        let p = &toks[first - 1];
        let w = &text[p.start..p.end];
        if ["until", "till", "by"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
        {
            deadline = true;
        }
        through = w.eq_ignore_ascii_case("through");
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
        if quote_mark(text, toks, i) || (first - i > 1 && opens_clause(text, toks, i)) {
            break;
        }
    }
    // Rightwards to the sentence end, a quotation's edge, or a clause that "that" opens.
    let mut j = end;
    while j < toks.len() && j - end < REACH {
        if ends_sentence(text, toks, j) || quote_mark(text, toks, j) || opens_clause(text, toks, j)
        {
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
    // "extended its deadline until Tuesday", "postponed the vote by a week": a past verb that
    // sets a deadline points ahead.
    let sets_deadline = (deadline || through)
        && toks[first.saturating_sub(REACH)..first].iter().any(|t| {
            let w = &text[t.start..t.end];
            DEADLINE_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v))
        });
    match best {
        Some((_, Tense::Past)) if !sets_deadline => Tense::Past,
        _ if deadline || sets_deadline => Tense::Future,
        Some((_, t)) => t,
        None => Tense::Unknown,
    }
}

/// Past verbs that set a deadline or move a date: what follows "until", "by" or "through" lies
/// ahead.
const DEADLINE_VERBS: &[&str] = &[
    "extended",
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
    "suspended",
    "gave",
    "granted",
    "set",
    "pushed",
    "moved",
];

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
                            | "vs"
                            | "Sgt"
                            | "Capt"
                            | "Adm"
                            | "Rev"
                            | "Ave"
                    )
                    || US_STATES.contains(&p)
                {
                    return false;
                }
            }
            true
        }
        _ => false,
    }
}

/// Whether token `i` is "that", which opens a clause with its own tense ("warned on Monday that
/// they would", "an order that he stay until March 6").
fn opens_clause(text: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    text[t.start..t.end].eq_ignore_ascii_case("that")
}

/// Whether token `i` is a quotation mark (`"`, `“`, `”`, or either half of ``` `` ``` and `''`):
/// the tense of the words quoted and of the verb that reports them are not one.
fn quote_mark(text: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if t.kind != Kind::Punct {
        return false;
    }
    match &text[t.start..t.end] {
        "\"" | "“" | "”" | "`" => true,
        "'" => {
            let pair = |k: usize| {
                toks.get(k)
                    .is_some_and(|o| o.kind == Kind::Punct && &text[o.start..o.end] == "'")
            };
            (pair(i + 1) && !toks[i + 1].space_before) || (i > 0 && pair(i - 1) && !t.space_before)
        }
        _ => false,
    }
}

/// US states as news agencies abbreviate them after a place ("Birmingham, Ala., killed"): their
/// full stop ends no sentence.
const US_STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Whether the sentence around tokens `first..end` gives results: an amount of money or a share
/// price ("$3 million", "40 cents a share"), or speaks of a quarter.
pub fn gives_figures(text: &str, toks: &[Token], first: usize, end: usize) -> bool {
    const REACH: usize = 40;
    let figure = |i: usize| {
        let t = &toks[i];
        let s = &text[t.start..t.end];
        match t.kind {
            Kind::Punct => matches!(s, "$" | "£" | "€" | "#"),
            Kind::Word => {
                t.lex == Lex::Unit(Unit::Quarter)
                    || s.len() <= 8
                        && matches!(
                            s.to_ascii_lowercase().as_str(),
                            "cents" | "million" | "billion" | "pence"
                        )
            }
            Kind::Num => false,
        }
    };
    let mut i = first;
    while i > 0 && first - i < REACH {
        i -= 1;
        if ends_sentence(text, toks, i) {
            break;
        }
        if figure(i) {
            return true;
        }
    }
    let mut j = end;
    while j < toks.len() && j - end < REACH {
        if ends_sentence(text, toks, j) {
            break;
        }
        if figure(j) {
            return true;
        }
        j += 1;
    }
    false
}

/// Whether the word before token `i` makes it a participle or infinitive rather than a past
/// tense: "to be held", "will be paid", "could have signed", "the planned talks".
fn after_auxiliary(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).map(|k| &toks[k]) else {
        return false;
    };
    let w = &text[p.start..p.end];
    w.len() <= 6
        && matches!(
            w.to_ascii_lowercase().as_str(),
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
            // "is set on Monday" is scheduled; "a record set on Aug. 6" is past.
            let set_on = lower == "set"
                && n == "on"
                && i > 0
                && matches!(
                    text[toks[i - 1].start..toks[i - 1].end]
                        .to_ascii_lowercase()
                        .as_str(),
                    "is" | "are" | "was" | "were" | "be" | "been"
                );
            (n == "to" || n == "for" || set_on).then_some(Tense::Future)
        }
        "would" | "upcoming" | "forthcoming" | "payable" => Some(Tense::Future),
        // "is to resume": scheduled. Otherwise the present ("when the case is heard in May")
        // leans neither way, unless the verb it carries does ("is expected to").
        "is" | "are" if next(1).eq_ignore_ascii_case("to") => Some(Tense::Future),
        "is" | "are" if i + 1 < toks.len() && cue(text, toks, i + 1).is_none() => {
            Some(Tense::Unknown)
        }
        // "effective Feb. 1": a date something takes effect, not "an effective ban".
        "effective" => toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.lex, Lex::Month { .. } | Lex::Weekday(_)))
            .then_some(Tense::Future),
        "said" | "told" | "was" | "were" | "had" | "did" | "came" | "went" | "took" | "gave"
        | "began" | "spoke" | "wrote" | "knew" | "saw" | "fell" | "rose" | "became" | "won"
        | "ran" => Some(Tense::Past),
        // Also participles: "will be paid", "is to be held", "would have met".
        "met" | "made" | "held" | "left" | "sent" | "brought" | "thought" | "found" | "got"
        | "lost" | "paid" | "sold" | "bought" | "led" | "struck" | "hit" | "shot" | "killed" => {
            (!after_auxiliary(text, toks, i)).then_some(Tense::Past)
        }
        _ => {
            // Not adjectives ("unspecified", "undisclosed") nor participles with their agent
            // ("markets untouched by", "a plan backed by"), whose tense is a verb's before.
            if lower.len() >= 5
                && lower.ends_with("ed")
                && !t.upper
                && !lower.starts_with("un")
                && !next(1).eq_ignore_ascii_case("by")
                && !after_auxiliary(text, toks, i)
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

/// What the text said before an expression, and around it, that its value may depend on.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The last day the text mentioned.
    pub day: Option<NaiveDate>,
    /// The first day of the last date the text wrote (a day, a month or a year).
    pub dated: Option<NaiveDate>,
    /// The quarter the text reports on (results copy), when it named one.
    pub quarter: Option<(i32, u32)>,
    /// Whether the text is results copy and the expression's sentence gives figures: then "a
    /// year ago" means the reported quarter a year before.
    pub results: bool,
}

/// The value of `form` given the anchor, what the text said before it, and the clause's tense.
pub fn resolve(
    form: &Form,
    anchor: Option<NaiveDate>,
    ctx: &Context,
    tense: Tense,
) -> Option<Value> {
    let Some(a) = anchor else {
        return unanchored(form);
    };
    // The quarter results copy reports on: the one it named, else the one before the anchor's.
    let reported = ctx.quarter.unwrap_or_else(|| {
        let q0 = a.year() * 4 + (a.month() as i32 - 1) / 3 - 1;
        (q0.div_euclid(4), q0.rem_euclid(4) as u32 + 1)
    });
    let v = match *form {
        Form::Ago(Unit::Year, -1) if ctx.results => Value::Quarter(reported.0 - 1, reported.1),
        Form::Results { y, dy, q } => {
            let (ry, rq) = match (y, q) {
                (Some(y), Some(q)) => (y, q),
                (Some(y), None) => (y, reported.1),
                (None, Some(q)) => (period_year(a, q, 3, Tense::Past), q),
                (None, None) => reported,
            };
            Value::Quarter(ry + dy, rq)
        }
        // "that year" with no date before it names none.
        Form::RefUnit(u, 0) => unit_value(ctx.dated?, u, 0)?,
        Form::RefUnit(u, n) => unit_value(ctx.dated.unwrap_or(a), u, n)?,
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
        Form::MonthOfYear { m, dy } => Value::Month(a.year() + dy, m),
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
        // The latest such decade begun by the anchor's year: "the twenties" is the 1920s
        // until 2020.
        Form::DecadeWord(t) => {
            let d = a.year().div_euclid(10);
            let back = (d.rem_euclid(10) - t).rem_euclid(10);
            Value::Decade(d - back)
        }
        Form::WeekOf { y, m, d } => {
            let day = resolve(&Form::Date { y, m, d }, anchor, ctx, tense)?.day()?;
            let w = day.iso_week();
            Value::Week(w.year(), w.week())
        }
        Form::Century(c) => Value::Century(c),
        // A quarter the text named before ("its fiscal first quarter") is the one reported.
        Form::QuarterEnded { .. } if ctx.quarter.is_some() => {
            Value::Quarter(reported.0, reported.1)
        }
        Form::QuarterEnded { y, m, d } => {
            let end = resolve(&Form::Date { y, m, d }, anchor, ctx, tense)?.day()?;
            // The middle month of the three: the one before the last, or two before when the
            // period ends early in a month.
            let middle = shift_months(end, if end.day() >= 15 { -1 } else { -2 })?;
            Value::Quarter(middle.year(), (middle.month() - 1) / 3 + 1)
        }
        Form::Quarter { y, q } => {
            Value::Quarter(y.unwrap_or_else(|| period_year(a, q, 3, tense)), q)
        }
        Form::Half { y, h } => Value::Half(y.unwrap_or_else(|| period_year(a, h, 6, tense)), h),
        Form::Season { y: Some(y), s, .. } => Value::Season(y, s),
        Form::Season { y: None, s, rel } => {
            // Seasons in calendar order with winter last: winter starts in December and belongs
            // to the year it starts in, so in January the current season is last year's winter.
            let cur = season_year(a);
            let k = |s: Season| match s {
                Season::Spring => 0,
                Season::Summer => 1,
                Season::Fall => 2,
                Season::Winter => 3,
            };
            let now = cur * 4 + k(Season::of_month(a.month()));
            let at = |y: i32| y * 4 + k(s);
            let years = cur - 2..=cur + 2;
            // Nearest instance; a tie goes to the later one.
            let nearest = || years.clone().min_by_key(|&y| ((at(y) - now).abs(), -at(y)));
            let y = match (rel, tense) {
                (Some(-1), _) => years.clone().rev().find(|&y| at(y) < now),
                (Some(1), _) => years.clone().find(|&y| at(y) > now),
                (Some(_), _) => nearest(),
                (None, Tense::Past) => years.clone().rev().find(|&y| at(y) <= now),
                (None, Tense::Future) => years.clone().find(|&y| at(y) >= now),
                (None, _) => nearest(),
            }
            .unwrap_or(cur);
            Value::Season(y, s)
        }
        Form::Holiday { h, y, rel } => holiday_value(h, holiday_day(a, h, y, rel, tense)?),
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
        Form::YearEnd if tense == Tense::Past && a.month() < 12 => Value::Year(a.year() - 1),
        Form::YearEnd => Value::Year(a.year()),
        Form::DayOffset(n) => Value::Day(shift_days(a, n)?),
        Form::RefDay(0) => Value::Day(ctx.day?),
        Form::RefDay(n) => Value::Day(shift_days(ctx.day.unwrap_or(a), n)?),
        Form::RefWeekday(wd, dir) => {
            let rel = if dir < 0 { Rel::Last } else { Rel::Next };
            Value::Day(weekday(ctx.day.unwrap_or(a), wd, rel, tense))
        }
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
        Form::Holiday { h, y: Some(y), .. } => holiday_value(h, h.day(y)?),
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

/// The year of a quarter or half without one: the anchor's, moved by tense. A quarter that has
/// just ended is still spoken of in the future ("expects to report third-quarter profit" in
/// October), so the future moves a quarter to next year only when it ended longer ago.
fn period_year(a: NaiveDate, n: u32, months: u32, tense: Tense) -> i32 {
    let cur = (a.month() - 1) / months + 1;
    if months == 3 && n % 4 + 1 == cur {
        // The quarter before the anchor's: fourth quarter in January is last year's.
        return if cur == 1 { a.year() - 1 } else { a.year() };
    }
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

/// The day of a holiday: in the year written; strictly before or after the anchor for "last"
/// and "next"; else in the year the tense calls for, as a day without a year.
fn holiday_day(
    a: NaiveDate,
    h: Holiday,
    y: Option<i32>,
    rel: Option<i32>,
    tense: Tense,
) -> Option<NaiveDate> {
    if let Some(y) = y {
        return h.day(y);
    }
    let this = h.day(a.year())?;
    match rel {
        Some(-1) if this < a => Some(this),
        Some(-1) => h.day(a.year() - 1),
        Some(1) if this > a => Some(this),
        Some(1) => h.day(a.year() + 1),
        Some(_) => Some(this),
        None => h.day(year_for(a, this.month(), this.day(), tense)),
    }
}

/// Easter week is a week; every other holiday a day.
fn holiday_value(h: Holiday, d: NaiveDate) -> Value {
    if h == Holiday::EasterWeek {
        let w = d.iso_week();
        Value::Week(w.year(), w.week())
    } else {
        Value::Day(d)
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
