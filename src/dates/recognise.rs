//! Recognition: which token runs are temporal expressions, and what they say before any anchor
//! is applied.
//!
//! Patterns are small functions over the token slice, tried at each position in a fixed order
//! (longest and most specific first); the first that matches consumes its tokens. The result is
//! a [`Hit`]: a token range and a [`Form`], the expression's meaning with its gaps (no year, a
//! weekday without a week) still open. [`super::resolve`] fills the gaps from an anchor.
//!
//! Extents follow TimeML: prepositions ("on", "in") stay outside, modifiers that change the
//! period ("last", "early", "mid-", "the") stay inside.

use super::Season;
use super::holiday::Holiday;
use super::tokens::{Kind, Lex, Token, Unit, W};

/// Which way a weekday points from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// "Friday": decided by tense.
    Bare,
    /// "last Friday": strictly before.
    Last,
    /// "next Friday", "coming Friday": strictly after.
    Next,
    /// "this Friday": in the anchor's week.
    This,
}

/// What an expression says, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Form {
    /// A day of a month, with or without its year.
    Date {
        /// The year, when written.
        y: Option<i32>,
        /// Month 1-12.
        m: u32,
        /// Day 1-31.
        d: u32,
    },
    /// A month named with a direction: "last March" is (3, -1), "this May" (5, 0).
    MonthRel(u32, i32),
    /// A month of a year counted from the anchor's: "July last year" is (7, -1).
    MonthOfYear {
        /// Month 1-12.
        m: u32,
        /// Years from the anchor's.
        dy: i32,
    },
    /// A month, with or without its year.
    Month {
        /// The year, when written.
        y: Option<i32>,
        /// Month 1-12.
        m: u32,
    },
    /// A year as written.
    Year(i32),
    /// A decade: 199 for "the 1990s".
    Decade(i32),
    /// A decade in words, by its tens: 9 for "the nineties".
    DecadeWord(i32),
    /// The week holding a day: "the week of March 6".
    WeekOf {
        /// The year, when written.
        y: Option<i32>,
        /// Month 1-12.
        m: u32,
        /// Day 1-31.
        d: u32,
    },
    /// A century: 19 for "the 20th century".
    Century(i32),
    /// A quarter, with or without its year.
    Quarter {
        /// The year, when written.
        y: Option<i32>,
        /// 1-4.
        q: u32,
    },
    /// "the quarter ended Sept. 30": the quarter the text named before, else the calendar
    /// quarter holding most of the three months that end on that day.
    QuarterEnded {
        /// The year, when written.
        y: Option<i32>,
        /// Month 1-12.
        m: u32,
        /// Day 1-31.
        d: u32,
    },
    /// A half year.
    Half {
        /// The year, when written.
        y: Option<i32>,
        /// 1-2.
        h: u32,
    },
    /// A season: with its year, or relative ("this spring" is `rel: Some(0)`).
    Season {
        /// The year, when written.
        y: Option<i32>,
        /// Which.
        s: Season,
        /// -1 last, 0 this, 1 next; `None` when bare.
        rel: Option<i32>,
    },
    /// A holiday: with its year, or relative ("last Thanksgiving" is `rel: Some(-1)`).
    Holiday {
        /// Which.
        h: Holiday,
        /// The year, when written.
        y: Option<i32>,
        /// -1 last, 0 this, 1 next; `None` when bare.
        rel: Option<i32>,
    },
    /// A weekday (1 = Monday).
    Weekday {
        /// 1-7.
        wd: u32,
        /// Which way from the anchor.
        rel: Rel,
    },
    /// "the weekend": the one nearest the anchor in the clause's tense.
    Weekend,
    /// "year-end": the anchor's year, or in the past tense the year before.
    YearEnd,
    /// A day counted from the anchor: today 0, yesterday -1, tomorrow 1.
    DayOffset(i64),
    /// A calendar unit counted from the anchor's: "last week" is (Week, -1).
    UnitRel(Unit, i32),
    /// A count of units before (negative) or after the anchor: "two days ago" is (Day, -2).
    Ago(Unit, i32),
    /// A day counted from the last day the text mentioned: "the day before" is -1, "that day"
    /// 0.
    RefDay(i64),
    /// A weekday counted from the last day the text mentioned: "the previous Friday" is (5, -1).
    RefWeekday(u32, i32),
    /// A calendar unit counted from the last date the text mentioned: "the following year" is
    /// (Year, 1), "the previous month" (Month, -1), "that year" (Year, 0).
    RefUnit(Unit, i32),
    /// A quarter of results copy: "the 1988 third quarter" (`y`), "the year-ago quarter"
    /// (`dy` -1), "this year's first quarter", "the quarter". Without `q` it is the quarter the
    /// text reports on; without `y` its year is counted from that quarter's (or the named
    /// quarter's) by `dy`.
    Results {
        /// The year, when written.
        y: Option<i32>,
        /// Years from the reported (or named) quarter's year.
        dy: i32,
        /// The quarter, when named.
        q: Option<u32>,
    },
    /// `PRESENT_REF`.
    Present,
    /// `PAST_REF`.
    Past,
    /// `FUTURE_REF`.
    Future,
}

/// A recognised expression: tokens `first..end` and what they say.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The meaning.
    pub form: Form,
    /// The rule that fired.
    pub rule: &'static str,
    /// A clock time written before the day ("9 a.m. Tuesday"): hour 0-23 and minute.
    pub clock: Option<(u32, u32)>,
}

/// Day-month order for ambiguous numeric dates, per separator.
#[derive(Debug, Clone, Copy)]
struct Orders {
    slash_dmy: bool,
    dash_dmy: bool,
}

struct M<'a> {
    text: &'a str,
    t: &'a [Token],
    orders: Orders,
}

/// Finds every temporal expression in the tokens of `text`, in order, without overlaps.
pub fn recognise(text: &str, toks: &[Token]) -> Vec<Hit> {
    recognise_ordered(text, toks, None)
}

/// As [`recognise`], with the order the page's country writes numeric dates in (`Some(true)`
/// for day-first): it decides an ambiguous "01/12/2021" when the text's own dates do not.
pub fn recognise_ordered(text: &str, toks: &[Token], day_first: Option<bool>) -> Vec<Hit> {
    let mut m = M {
        text,
        t: toks,
        orders: Orders {
            slash_dmy: false,
            dash_dmy: true,
        },
    };
    m.orders = m.numeric_orders(day_first);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let before = out.len();
        match m.at(i, &mut out) {
            Some(end) if end > i => i = end,
            _ => {
                out.truncate(before);
                i += 1;
            }
        }
    }
    out
}

impl<'a> M<'a> {
    fn s(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::Other, |t| t.lex)
    }

    fn w(&self, i: usize, w: W) -> bool {
        self.lex(i) == Lex::W(w)
    }

    fn unit(&self, i: usize) -> Option<Unit> {
        match self.lex(i) {
            Lex::Unit(u) => Some(u),
            _ => None,
        }
    }

    fn plural(&self, i: usize) -> bool {
        let s = self.s(i);
        s.ends_with('s') || s.ends_with("ies")
    }

    fn p(&self, i: usize, c: char) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && self.text[t.start..].starts_with(c))
    }

    fn dash(&self, i: usize) -> bool {
        self.p(i, '-') || self.p(i, '–') || self.p(i, '—')
    }

    fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(word)
    }

    /// Whether token `i` is one of `words` (lower case), ignoring ASCII case.
    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let s = self.s(i);
        words.iter().any(|w| s.eq_ignore_ascii_case(w))
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Num).then_some((t.num, t.len()))
    }

    /// A day number 1-31 (with an optional ordinal suffix); returns it and the next index.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let (n, digits) = self.num(i)?;
        if digits > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut j = i + 1;
        if self.tight(j) && self.is_any(j, &["st", "nd", "rd", "th"]) {
            j += 1;
        }
        // Not a time, a decimal, a percentage or a longer number.
        if self.tight(j) && (self.p(j, '%') || self.num(j).is_some()) {
            return None;
        }
        if self.tight(j) && self.p(j, ':') && self.tight(j + 1) && self.num(j + 1).is_some() {
            return None;
        }
        // "28,5" is a decimal; "Mar 28,2017" (the comma's space left out) a day and a year.
        if self.tight(j)
            && (self.p(j, '.') || self.p(j, ','))
            && self.tight(j + 1)
            && self.num(j + 1).is_some()
            && !(self.p(j, ',') && self.glued_year(j + 1).is_some())
        {
            return None;
        }
        Some((n, j))
    }

    /// A four-digit year 1000-2999 standing alone; returns it and the next index.
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let (n, digits) = self.num(i)?;
        if digits != 4 || !(1000..=2999).contains(&n) {
            return None;
        }
        let j = i + 1;
        if self.tight(j) && (self.num(j).is_some() || self.p(j, '%')) {
            return None;
        }
        if self.tight(j)
            && (self.p(j, '.') || self.p(j, ','))
            && self.tight(j + 1)
            && self.num(j + 1).is_some()
        {
            return None;
        }
        if i > 0
            && self.tight(i)
            && (self.p(i - 1, '$') || self.p(i - 1, '.') || self.p(i - 1, ','))
        {
            return None;
        }
        Some((n as i32, j))
    }

    /// A year written straight after a comma ("Mar 28,2017"), which [`Self::year`] refuses as
    /// the tail of a number ("1,2017"): only where a day has just been read.
    fn glued_year(&self, i: usize) -> Option<(i32, usize)> {
        let (n, digits) = self.num(i)?;
        let j = i + 1;
        if digits != 4
            || !(1900..=2100).contains(&n)
            || (self.tight(j) && (self.num(j).is_some() || self.p(j, '%') || self.p(j, ',')))
        {
            return None;
        }
        Some((n as i32, j))
    }

    /// A month name (capitalised; abbreviations with their optional period).
    fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        let t = self.t.get(i)?;
        let Lex::Month { month, abbrev } = t.lex else {
            return None;
        };
        if !t.upper {
            return None;
        }
        let mut j = i + 1;
        if abbrev && self.tight(j) && self.p(j, '.') {
            j += 1;
        }
        Some((month, j, abbrev))
    }

    /// An optional comma then a year.
    fn opt_year(&self, j: usize) -> (Option<i32>, usize) {
        // "October 28, 2021", and "October 28/2021" as some ministries write it.
        let k = if self.p(j, ',') || (self.p(j, '/') && self.tight(j) && self.tight(j + 1)) {
            j + 1
        } else {
            j
        };
        let glued = (k > j && self.tight(k))
            .then(|| self.glued_year(k))
            .flatten();
        match self.year(k).or(glued).or_else(|| self.spelled_year(k)) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        }
    }

    /// A year spoken in words, as transcripts write it: "nineteen ninety-six", "nineteen
    /// eighty", "eighteen twelve"; returns it and the next index.
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        // Tried at every word: compared in place rather than lower-cased into a new string.
        let word = self.s(i);
        let century = if word.eq_ignore_ascii_case("nineteen") {
            1900
        } else if word.eq_ignore_ascii_case("eighteen") {
            1800
        } else {
            return None;
        };
        let tens = match self.lex(i + 1) {
            Lex::NumWord(n @ (10 | 11 | 12 | 15 | 20 | 30)) => n as i32,
            _ => match self.s(i + 1).to_ascii_lowercase().as_str() {
                "forty" => 40,
                "fifty" => 50,
                "sixty" => 60,
                "seventy" => 70,
                "eighty" => 80,
                "ninety" => 90,
                _ => return None,
            },
        };
        let mut e = i + 2;
        let mut ones = 0;
        if tens >= 20 && tens % 10 == 0 {
            let k = if self.dash(e) && self.tight(e) {
                e + 1
            } else {
                e
            };
            if let Lex::NumWord(n @ 1..=9) = self.lex(k)
                && !self.is_any(k, &["a", "an"])
            {
                ones = n as i32;
                e = k + 1;
            }
        }
        Some((century + tens + ones, e))
    }

    fn at(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let t = self.t[i];
        match t.kind {
            Kind::Num => self
                .clock_day(i, out)
                .or_else(|| self.iso(i, out))
                .or_else(|| self.numeric(i, out))
                .or_else(|| self.day_month(i, i, out))
                .or_else(|| self.ago(i, out))
                .or_else(|| self.decade(i, i, out))
                .or_else(|| self.century(i, i, out))
                .or_else(|| self.year_range(i, out))
                .or_else(|| self.year_alone(i, i, out)),
            Kind::Punct => {
                if self.p(i, '\'') || self.p(i, '’') {
                    self.short_decade(i, out)
                } else {
                    None
                }
            }
            Kind::Word => self.word_at(i, out),
        }
    }

    fn word_at(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        match self.lex(i) {
            Lex::Weekday(_) => self
                .weekday_date(i, out)
                .or_else(|| self.weekday(i, i, Rel::Bare, out)),
            Lex::Month { .. } => self.month_first(i, i, out),
            Lex::W(W::Early | W::Mid | W::Late) => {
                let j = if self.tight(i + 1) && self.dash(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                self.modifiable(j, i, out)
            }
            Lex::W(W::The) => self.the(i, out),
            Lex::W(W::Fiscal) => self.year_alone(i + 1, i, out),
            Lex::W(W::Juche) => self.juche(i, out),
            Lex::W(
                W::Last
                | W::Next
                | W::This
                | W::Coming
                | W::Previous
                | W::Following
                | W::Current
                | W::Latest
                | W::Past,
            ) => self.relative(i, i, out),
            Lex::W(W::Earlier | W::Later) => {
                // "earlier that day", "later that year"
                if self.is(i + 1, "that") {
                    return self.anaphoric(i + 2, i, out);
                }
                // "earlier this year", "later this month", "earlier in the week"
                let j = if self.w(i + 1, W::In) && self.w(i + 2, W::The) {
                    i + 3
                } else {
                    i + 1
                };
                if self.w(j, W::This) || j == i + 3 {
                    let k = if j == i + 3 { j } else { j + 1 };
                    let u = self.unit(k)?;
                    if self.plural(k) || u == Unit::Day {
                        return None;
                    }
                    return self.push(out, i, k + 1, Form::UnitRel(u, 0), "earlier-this-unit");
                }
                None
            }
            Lex::W(W::Today) => self.deictic(i, 0, out),
            Lex::W(W::Yesterday) => self.deictic(i, -1, out),
            Lex::W(W::Tomorrow) => self.deictic(i, 1, out),
            Lex::W(W::Tonight) => self.push(out, i, i + 1, Form::DayOffset(0), "deictic"),
            Lex::W(W::Now) => {
                // "three years from now" is a duration's end; skip "from now".
                if i > 0 && self.w(i - 1, W::From) {
                    return None;
                }
                self.push(out, i, i + 1, Form::Present, "present-ref")
            }
            Lex::W(W::Currently) => self.push(out, i, i + 1, Form::Present, "present-ref"),
            Lex::W(W::These) => {
                if self.unit(i + 1) == Some(Unit::Day) && self.plural(i + 1) {
                    return self.push(out, i, i + 2, Form::Present, "present-ref");
                }
                None
            }
            Lex::W(W::Recently) => self.push(out, i, i + 1, Form::Past, "past-ref"),
            Lex::W(W::Recent) => {
                self.unit(i + 1)?;
                if self.plural(i + 1) {
                    return self.push(out, i, i + 2, Form::Past, "past-ref");
                }
                None
            }
            Lex::W(W::Future) => {
                // "in future" (British), not "future relations".
                if i > 0 && self.w(i - 1, W::In) {
                    return self.push(out, i, i + 1, Form::Future, "future-ref");
                }
                None
            }
            Lex::Season(_) => self.season(i, i, None, out),
            Lex::Ordinal(_) => self.quarter(i, i, out),
            // "at a later date", "a future date"
            Lex::NumWord(1)
                if self.is(i, "a")
                    && (self.w(i + 1, W::Later) || self.w(i + 1, W::Future))
                    && self.is(i + 2, "date") =>
            {
                self.push(out, i, i + 3, Form::Future, "future-ref")
            }
            Lex::NumWord(_) => self.ago(i, out),
            Lex::W(W::Several) => {
                if self.unit(i + 1).is_some() && self.plural(i + 1) && self.w(i + 2, W::Ago) {
                    return self.push(out, i, i + 3, Form::Past, "vague-ago");
                }
                None
            }
            Lex::Unit(Unit::Year) => {
                // "year-ago period", "year-earlier third quarter"
                if let Some(e) = self.results(i, i, out) {
                    return Some(e);
                }
                if let Some(e) = self.year_end(i, out) {
                    return Some(e);
                }
                // "year-earlier", "year-ago" results: the year before the anchor's.
                if self.tight(i + 1)
                    && self.dash(i + 1)
                    && self.tight(i + 2)
                    && (self.w(i + 2, W::Earlier) || self.w(i + 2, W::Ago))
                {
                    return self.push(out, i, i + 3, Form::Ago(Unit::Year, -1), "year-earlier");
                }
                None
            }
            _ => {
                // Every rule below opens with one of a few words the lexicon leaves
                // unclassified (`opens_other_rule`): any other word is passed over at once.
                if self.t[i].lex != Lex::Other || !opens_other_rule(self.s(i)) {
                    return None;
                }
                if self.is(i, "Q") && t_upper(self.t, i) {
                    return self.q_quarter(i, out);
                }
                // "post-1959 politics", "pre-2008 levels"
                if (self.is(i, "post") || self.is(i, "pre"))
                    && self.tight(i + 1)
                    && self.dash(i + 1)
                    && self.tight(i + 2)
                {
                    return self.year_alone(i + 2, i, out);
                }
                // "that day", "that same year"
                if self.is(i, "that") {
                    return self.anaphoric(i + 1, i, out);
                }
                if let Some(e) = self.holiday(i, i, None, out) {
                    return Some(e);
                }
                // "nineteen ninety-six"
                let (y, e) = self.spelled_year(i)?;
                self.push(out, i, e, Form::Year(y), "spelled-year")
            }
        }
    }

    fn push(
        &self,
        out: &mut Vec<Hit>,
        first: usize,
        end: usize,
        form: Form,
        rule: &'static str,
    ) -> Option<usize> {
        out.push(Hit {
            first,
            end,
            form,
            rule,
            clock: None,
        });
        Some(end)
    }

    /// `2019-02-22`, `2019-02`; year first with a slash or a full stop, as East Asian and
    /// Arabic sites print a day (`2023/05/18`, `2023.05.18`), only as a whole day.
    fn iso(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (y, digits) = self.num(i)?;
        if digits != 4 || !(1000..=2999).contains(&y) || !self.tight(i + 1) {
            return None;
        }
        let sep = ['-', '/', '.'].into_iter().find(|&c| self.p(i + 1, c))?;
        let (m, md) = self.num(i + 2).filter(|_| self.tight(i + 2))?;
        if md != 2 || !(1..=12).contains(&m) {
            return None;
        }
        if sep != '-' {
            // The whole day, and not a longer run of numbers ("2023.05.18.2" is a version).
            let whole_day = self.tight(i + 3)
                && self.p(i + 3, sep)
                && self.tight(i + 4)
                && !(self.tight(i + 5)
                    && self.p(i + 5, sep)
                    && self.tight(i + 6)
                    && self.num(i + 6).is_some());
            if !whole_day {
                return None;
            }
        }
        if self.tight(i + 3) && self.p(i + 3, sep) && self.tight(i + 4) {
            let (d, dd) = self.num(i + 4)?;
            if dd != 2 || chrono::NaiveDate::from_ymd_opt(y as i32, m, d).is_none() {
                return None;
            }
            return self.push(
                out,
                i,
                i + 5,
                Form::Date {
                    y: Some(y as i32),
                    m,
                    d,
                },
                "iso-date",
            );
        }
        if self.tight(i + 3) && (self.num(i + 3).is_some() || self.p(i + 3, '-')) {
            return None;
        }
        self.push(
            out,
            i,
            i + 3,
            Form::Month {
                y: Some(y as i32),
                m,
            },
            "iso-month",
        )
    }

    /// Three numbers joined by one separator: `22.02.2019`, `02/22/19`.
    fn numeric_parts(&self, i: usize) -> Option<(u32, u32, u32, usize, char, usize)> {
        let (a, ad) = self.num(i)?;
        if ad > 2 {
            return None;
        }
        let sep = ['.', '/', '-'].into_iter().find(|&c| self.p(i + 1, c))?;
        if !(self.tight(i + 1) && self.tight(i + 2) && self.tight(i + 3) && self.tight(i + 4)) {
            return None;
        }
        let (b, bd) = self.num(i + 2)?;
        if bd > 2 || !self.p(i + 3, sep) {
            return None;
        }
        let (c, cd) = self.num(i + 4)?;
        if cd != 2 && cd != 4 {
            return None;
        }
        // Not part of a longer dotted or slashed run (versions, IP addresses, fractions); a
        // full stop closing the date, then a space and a number, ends it ("06.03.2018. 11:57").
        if self.tight(i + 5)
            && (self.p(i + 5, sep) || self.num(i + 5).is_some())
            && self.num(i + 6).is_some()
            && self.tight(i + 6)
        {
            return None;
        }
        if i > 0 && self.tight(i) && (self.p(i - 1, sep) || self.num(i - 1).is_some()) {
            return None;
        }
        Some((a, b, c, cd, sep, i + 5))
    }

    fn numeric(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (a, b, c, cd, sep, end) = self.numeric_parts(i)?;
        // Four-digit years as the other rules read them ("22.02.0129" is no date).
        if cd == 4 && !(1000..=2999).contains(&c) {
            return None;
        }
        let y = if cd == 4 {
            c as i32
        } else if c < 50 {
            2000 + c as i32
        } else {
            1900 + c as i32
        };
        let dmy_default = match sep {
            '.' => true,
            '/' => self.orders.slash_dmy,
            _ => self.orders.dash_dmy,
        };
        let dmy = if a > 12 && b <= 12 {
            true
        } else if b > 12 && a <= 12 {
            false
        } else {
            dmy_default
        };
        let (d, m) = if dmy { (a, b) } else { (b, a) };
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
        let rule = if dmy { "numeric-dmy" } else { "numeric-mdy" };
        self.push(out, i, end, Form::Date { y: Some(y), m, d }, rule)
    }

    /// Decides the order of ambiguous numeric dates from the unambiguous ones in the same text,
    /// then from how the text writes dates in words ("22 February" or "February 22"), then
    /// from the page's country (`day_first`), then by the separator's usual reading.
    fn numeric_orders(&self, day_first: Option<bool>) -> Orders {
        let (mut slash, mut dash) = (0i32, 0i32);
        let mut words = 0i32;
        for (i, t) in self.t.iter().enumerate() {
            // Only numbers open a numeric date, and only month names vote below.
            if t.kind != Kind::Num && !matches!(t.lex, Lex::Month { .. }) {
                continue;
            }
            if let Some((a, b, _, _, sep, _)) = self.numeric_parts(i) {
                let vote = if a > 12 && b <= 12 {
                    1
                } else if b > 12 && a <= 12 {
                    -1
                } else {
                    0
                };
                match sep {
                    '/' => slash += vote,
                    '-' => dash += vote,
                    _ => {}
                }
            }
            if let Lex::Month { .. } = self.lex(i) {
                if i > 0 && self.day(i - 1).is_some() {
                    words += 1;
                } else if self.day(i + 1).is_some()
                    || (self.p(i + 1, '.') && self.day(i + 2).is_some())
                {
                    words -= 1;
                }
            }
        }
        let undecided = |votes: i32, usual: bool| match (votes, words) {
            (0, 0) => day_first.unwrap_or(usual),
            (0, w) => w > 0,
            (v, _) => v > 0,
        };
        // With nothing to go by, a slash is read day first as a dot and a dash are: copy
        // about diplomacy comes from every country, and month-first is the United States' and
        // the Philippines' alone (on the real-copy corpus, two ambiguous dates against one).
        Orders {
            slash_dmy: undecided(slash, true),
            dash_dmy: undecided(dash, true),
        }
    }

    /// `22 February 2019`, `22nd of February`, `22-23 November 2019`, `22 and 23 Nov`.
    fn day_month(&self, i: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (d, j) = self.day(i)?;
        // A range: "22-23 November", "22 and 23 November", "22 to 23 November".
        if (self.dash(j) || self.w(j, W::And) || self.w(j, W::To))
            && let Some((d2, k)) = self.day(j + 1)
            && d2 > d
        {
            {
                let k = if self.w(k, W::Of) { k + 1 } else { k };
                if let Some((m, e, _)) = self.month(k) {
                    let (y, e) = self.opt_year(e);
                    valid(y, m, d)?;
                    valid(y, m, d2)?;
                    out.push(Hit {
                        first,
                        end: j,
                        form: Form::Date { y, m, d },
                        rule: "range-start",
                        clock: None,
                    });
                    let rule = if y.is_some() {
                        "day-month-year"
                    } else {
                        "day-month"
                    };
                    return self.push(out, j + 1, e, Form::Date { y, m, d: d2 }, rule);
                }
            }
        }
        let j = if self.w(j, W::Of) { j + 1 } else { j };
        let (m, e, _) = self.month(j)?;
        let (y, e) = self.opt_year(e);
        valid(y, m, d)?;
        let rule = if y.is_some() {
            "day-month-year"
        } else {
            "day-month"
        };
        self.push(out, first, e, Form::Date { y, m, d }, rule)
    }

    /// `February 22, 2019`, `Feb. 22`, `March 3-5`, `from March 3 to 5`, `March 2019`, `March`.
    fn month_first(&self, i: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (m, j, abbrev) = self.month(i)?;
        // "September, 16, 2021": a comma slipped in after the month, read only with the year
        // ("In September, 16 people were hurt" is no date).
        if self.p(j, ',')
            && let Some((d, k)) = self.day(j + 1)
            && let (Some(y), e) = self.opt_year(k)
            && valid(Some(y), m, d).is_some()
        {
            out.push(Hit {
                first,
                end: e,
                form: Form::Date { y: Some(y), m, d },
                rule: "month-day-year",
                clock: None,
            });
            return Some(e);
        }
        if let Some((d, k)) = self.day(j) {
            // "May 5" is a date, "March 2 percent" is not: the day stands alone.
            let (y, e) = self.opt_year(k);
            valid(y, m, d)?;
            let rule = if y.is_some() {
                "month-day-year"
            } else {
                "month-day"
            };
            out.push(Hit {
                first,
                end: e,
                form: Form::Date { y, m, d },
                rule,
                clock: None,
            });
            // A range on the same month: "March 3-5", "March 3 to 5", "March 3 and 4".
            if y.is_none()
                && (self.dash(k) || self.w(k, W::To) || self.w(k, W::Through) || self.w(k, W::And))
                && let Some((d2, k2)) = self.day(k + 1)
                && d2 > d
                && self.month(k2).is_none()
                && self.unit(k2).is_none()
            {
                let (y2, e2) = self.opt_year(k2);
                valid(y2, m, d2)?;
                if let Some(y2) = y2 {
                    // The year written after the range belongs to both days.
                    if let Some(h) = out.last_mut() {
                        h.form = Form::Date { y: Some(y2), m, d };
                        h.rule = "range-start";
                    }
                }
                let rule = if y2.is_some() {
                    "month-day-year"
                } else {
                    "range-end"
                };
                return self.push(out, k + 1, e2, Form::Date { y: y2, m, d: d2 }, rule);
            }
            return Some(e);
        }
        let (y, e) = self.opt_year(j);
        if let Some(y) = y {
            return self.push(out, first, e, Form::Month { y: Some(y), m }, "month-year");
        }
        // "July last year", "March of this year"
        let k = if self.w(j, W::Of) { j + 1 } else { j };
        let dy = match self.lex(k) {
            Lex::W(W::Last) => Some(-1),
            Lex::W(W::This) => Some(0),
            Lex::W(W::Next) => Some(1),
            _ => None,
        };
        if let Some(dy) = dy
            && self.unit(k + 1) == Some(Unit::Year)
            && !self.plural(k + 1)
            && !(self.tight(k + 2) && (self.p(k + 2, '\'') || self.p(k + 2, '’')))
        {
            return self.push(out, first, k + 2, Form::MonthOfYear { m, dy }, "month-year");
        }
        if abbrev {
            return None;
        }
        // "Mr. March" is a name.
        if first == i
            && i >= 2
            && self.p(i - 1, '.')
            && matches!(
                self.s(i - 2),
                "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Gen" | "Sen"
            )
        {
            return None;
        }
        // "May" alone is a month only after a word that introduces a time.
        if m == 5 && first == i && !(i > 0 && self.is(i - 1, "for")) {
            let prev = i.checked_sub(1).map_or(Lex::Other, |p| self.lex(p));
            if !matches!(
                prev,
                Lex::W(
                    W::In
                        | W::Of
                        | W::Until
                        | W::Through
                        | W::Early
                        | W::Late
                        | W::Mid
                        | W::Last
                        | W::Next
                        | W::This
                        | W::Before
                        | W::After
                        | W::From
                        | W::To
                        | W::Since
                        | W::By
                        | W::During
                )
            ) {
                return None;
            }
        }
        self.push(out, first, j, Form::Month { y: None, m }, "month")
    }

    /// `Tuesday, 22 February`, `Friday, Feb. 22, 2019`.
    fn weekday_date(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let j = if self.p(i + 1, ',') { i + 2 } else { i + 1 };
        let before = out.len();
        let end = match self.lex(j) {
            Lex::Month { .. } => self.month_first(j, i, out),
            _ => {
                if self.num(j).is_some() {
                    self.day_month(j, i, out)
                } else {
                    None
                }
            }
        };
        match end {
            Some(e) if out.len() > before && matches!(out[before].form, Form::Date { .. }) => {
                Some(e)
            }
            _ => {
                out.truncate(before);
                None
            }
        }
    }

    /// `Friday`, `Friday morning`, `last Friday`.
    fn weekday(&self, i: usize, first: usize, rel: Rel, out: &mut Vec<Hit>) -> Option<usize> {
        let Lex::Weekday(wd) = self.lex(i) else {
            return None;
        };
        if !t_upper(self.t, i) {
            return None;
        }
        let mut e = i + 1;
        if matches!(
            self.lex(e),
            Lex::W(W::Morning | W::Afternoon | W::Evening | W::Night)
        ) {
            e += 1;
        }
        let rule = match rel {
            Rel::Bare => "weekday",
            Rel::Last => "last-weekday",
            Rel::Next => "next-weekday",
            Rel::This => "this-weekday",
        };
        self.push(out, first, e, Form::Weekday { wd, rel }, rule)
    }

    /// `9 a.m. Tuesday`, `4 p.m. EDT tomorrow`, `10:30 am Friday`: a day with its clock time.
    fn clock_day(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (h, digits) = self.num(i)?;
        if digits > 2 || !(1..=12).contains(&h) {
            return None;
        }
        let mut k = i + 1;
        let mut min = 0;
        if self.p(k, ':') && self.tight(k) && self.tight(k + 1) {
            let (m, md) = self.num(k + 1)?;
            if md != 2 || m > 59 {
                return None;
            }
            min = m;
            k += 2;
        }
        // "a.m.", "p.m.", "am", "pm"
        let meridiem = self.s(k).to_ascii_lowercase();
        let pm = match meridiem.as_str() {
            "am" | "pm" => {
                k += 1;
                meridiem == "pm"
            }
            "a" | "p" if self.p(k + 1, '.') && self.tight(k + 1) && self.is(k + 2, "m") => {
                let pm = meridiem == "p";
                k += 3;
                if self.p(k, '.') && self.tight(k) {
                    k += 1;
                }
                pm
            }
            _ => return None,
        };
        // A time zone: "EDT", "GMT".
        if self.t.get(k).is_some_and(|t| {
            t.kind == Kind::Word
                && (2..=4).contains(&t.len())
                && self.s(k).bytes().all(|b| b.is_ascii_uppercase())
                && self.s(k).ends_with('T')
        }) {
            k += 1;
        }
        let before = out.len();
        let end = match self.lex(k) {
            Lex::Weekday(_) => self.weekday(k, i, Rel::Bare, out),
            Lex::W(W::Today) => self.deictic(k, 0, out),
            Lex::W(W::Tomorrow) => self.deictic(k, 1, out),
            Lex::W(W::Yesterday) => self.deictic(k, -1, out),
            _ => None,
        };
        let hit = out.get_mut(before)?;
        hit.first = i;
        hit.clock = Some((h % 12 + if pm { 12 } else { 0 }, min));
        end
    }

    /// `today`, `yesterday morning`.
    fn deictic(&self, i: usize, offset: i64, out: &mut Vec<Hit>) -> Option<usize> {
        let mut e = i + 1;
        if matches!(
            self.lex(e),
            Lex::W(W::Morning | W::Afternoon | W::Evening | W::Night)
        ) {
            e += 1;
        }
        self.push(out, i, e, Form::DayOffset(offset), "deictic")
    }

    /// After "early", "mid-", "late": a month, year, decade, season, weekday or relative unit.
    fn modifiable(&self, j: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        match self.lex(j) {
            Lex::Month { .. } => self.month_first(j, first, out),
            Lex::Season(_) => self.season(j, first, None, out),
            Lex::Weekday(_) => self.weekday(j, first, Rel::Bare, out),
            Lex::W(W::Today) => self.deictic(j, 0, out).inspect(|_| {
                out.last_mut().expect("pushed").first = first;
            }),
            Lex::W(W::Yesterday) => self.deictic(j, -1, out).inspect(|_| {
                out.last_mut().expect("pushed").first = first;
            }),
            Lex::W(W::Last | W::Next | W::This) => self.relative(j, first, out),
            Lex::W(W::The) => {
                if let Some(u) = self.unit(j + 1).filter(|_| !self.plural(j + 1)) {
                    if matches!(
                        u,
                        Unit::Week
                            | Unit::Month
                            | Unit::Year
                            | Unit::Quarter
                            | Unit::Decade
                            | Unit::Century
                    ) {
                        return self.push(out, first, j + 2, Form::UnitRel(u, 0), "part-of-unit");
                    }
                    return None;
                }
                if self.num(j + 1).is_some() {
                    self.decade(j + 1, first, out)
                } else {
                    None
                }
            }
            _ => {
                if self.num(j).is_some() {
                    self.decade(j, first, out)
                        .or_else(|| self.year_alone(j, first, out))
                } else {
                    None
                }
            }
        }
    }

    /// `year-end`, `year end`, `year's end` after a preposition ("by year-end", "since year
    /// end"): the end of the anchor's year, or of the one before in the past tense.
    fn year_end(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let end = if self.tight(i + 1) && self.dash(i + 1) && self.tight(i + 2) {
            i + 2
        } else if (self.p(i + 1, '\'') || self.p(i + 1, '’'))
            && self.tight(i + 1)
            && self.is(i + 2, "s")
            && self.tight(i + 2)
        {
            i + 3
        } else {
            i + 1
        };
        if !self.w(end, W::End) || self.plural(i) || i == 0 {
            return None;
        }
        if !matches!(
            self.lex(i - 1),
            Lex::W(
                W::By
                    | W::Since
                    | W::Before
                    | W::After
                    | W::Until
                    | W::Through
                    | W::To
                    | W::From
                    | W::In
                    | W::On
            )
        ) && !self.is(i - 1, "at")
        {
            return None;
        }
        self.push(out, i, end + 1, Form::YearEnd, "year-end")
    }

    /// `the full year`, `the fiscal year`, and "the year" after "for" or "of" ("sales for the
    /// year", "the first nine months of the year"): the anchor's year.
    fn the_year(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let j = i + 1;
        let k = if self.is(j, "full") || self.w(j, W::Fiscal) {
            j + 1
        } else {
            j
        };
        if self.unit(k) != Some(Unit::Year) || self.plural(k) || t_upper(self.t, k) {
            return None;
        }
        // "the year-ago quarter", "the year before", "the year since the war"
        if self.tight(k + 1) && (self.dash(k + 1) || self.p(k + 1, '\'') || self.p(k + 1, '’')) {
            return None;
        }
        if matches!(
            self.lex(k + 1),
            Lex::W(W::Before | W::After | W::Since | W::Ago | W::Earlier | W::Later | W::To)
        ) || self.is(k + 1, "that")
            || self.is(k + 1, "when")
        {
            return None;
        }
        let after_for_of = i > 0 && (self.is(i - 1, "for") || self.w(i - 1, W::Of));
        if k == j && !after_for_of {
            return None;
        }
        self.push(out, i, k + 1, Form::UnitRel(Unit::Year, 0), "the-year")
    }

    /// "a year ago", "a year earlier", "last year" at `k`, closing a period of results copy:
    /// the index after it.
    fn year_back(&self, k: usize) -> Option<usize> {
        if self.lex(k) == Lex::NumWord(1)
            && self.unit(k + 1) == Some(Unit::Year)
            && !self.plural(k + 1)
            && (self.w(k + 2, W::Ago) || self.w(k + 2, W::Earlier))
        {
            return Some(k + 3);
        }
        if self.w(k, W::Last) && self.unit(k + 1) == Some(Unit::Year) && !self.plural(k + 1) {
            return Some(k + 2);
        }
        None
    }

    /// "Oct. 12, the day before the crash": "the day" at `i` (on "the") set off by a comma
    /// after a date, with the event it is counted from after it, is that date.
    fn day_in_apposition(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let after_date = i >= 1
            && self.p(i - 1, ',')
            && out
                .last()
                .is_some_and(|h| h.end + 1 == i && matches!(h.form, Form::Date { .. }));
        let k = i + 3;
        let event = self.t.get(k).is_some_and(|t| t.kind != Kind::Punct)
            && !matches!(
                self.lex(k),
                Lex::W(W::In | W::On | W::And | W::To | W::From | W::Of | W::By | W::During)
            );
        if !(after_date && event) {
            return None;
        }
        self.push(out, i, i + 2, Form::RefDay(0), "day-in-apposition")
    }

    /// "ended Sept. 30" at `k`, after "the quarter": the quarter is the three months up to that
    /// day (the date itself stays an expression of its own).
    fn quarter_ended(&self, k: usize) -> Option<Form> {
        if !(self.is(k, "ended") || self.is(k, "ending")) {
            return None;
        }
        let (m, e, _) = self.month(k + 1)?;
        let (d, e) = self.day(e)?;
        let (y, _) = self.opt_year(e);
        valid(y, m, d)?;
        Some(Form::QuarterEnded { y, m, d })
    }

    /// Whether token `k` is "morning", "afternoon", "evening" or "night".
    fn part_of_day(&self, k: usize) -> bool {
        matches!(
            self.lex(k),
            Lex::W(W::Morning | W::Afternoon | W::Evening | W::Night)
        )
    }

    /// The date after "the week of" at `k`: the week holding it.
    fn week_of(&self, k: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let before = out.len();
        let end = if self.num(k).is_some() {
            self.day_month(k, first, out)
        } else {
            self.month_first(k, first, out)
        };
        let form = match (end, out.get(before).map(|h| h.form.clone())) {
            (Some(_), Some(Form::Date { y, m, d })) if out.len() == before + 1 => {
                Form::WeekOf { y, m, d }
            }
            _ => {
                out.truncate(before);
                return None;
            }
        };
        let hit = &mut out[before];
        hit.form = form;
        hit.rule = "week-of";
        end
    }

    /// Expressions starting with "the".
    fn the(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let j = i + 1;
        if let Some(e) = self.results(j, i, out) {
            return Some(e);
        }
        // "the latest period" of results copy: the quarter reported.
        if self.w(j, W::Latest) && self.is(j + 1, "period") {
            let form = Form::Results {
                y: None,
                dy: 0,
                q: None,
            };
            return self.push(out, i, j + 2, form, "the-quarter");
        }
        // "the year two thousand", "the year two thousand and five"
        if self.unit(j) == Some(Unit::Year)
            && !self.plural(j)
            && self.lex(j + 1) == Lex::NumWord(2)
            && self.is(j + 2, "thousand")
        {
            let mut e = j + 3;
            let mut y = 2000;
            let k = if self.w(e, W::And) { e + 1 } else { e };
            if let Lex::NumWord(n @ 1..=30) = self.lex(k)
                && !self.is_any(k, &["a", "an"])
            {
                y += n as i32;
                e = k + 1;
            }
            return self.push(out, i, e, Form::Year(y), "spelled-year");
        }
        if let Some(e) = self.the_year(i, out) {
            return Some(e);
        }
        // "the same day", "the same year"
        if self.is(j, "same")
            && let Some(e) = self.anaphoric(j, i, out)
        {
            return Some(e);
        }
        // "the comparable period last year", "the same period a year earlier"
        let k = if self.is_any(j, &["comparable", "corresponding", "same"]) {
            j + 1
        } else {
            j
        };
        if self.is(k, "period")
            && let Some(e) = self.year_back(k + 1)
        {
            let form = Form::Results {
                y: None,
                dy: -1,
                q: None,
            };
            return self.push(out, i, e, form, "results-quarter");
        }
        // "the nineties"
        if let Some(d) = decade_word(self.s(j)) {
            return self.push(out, i, j + 1, Form::DecadeWord(d), "decade");
        }
        // "the week of March 6"
        if self.unit(j) == Some(Unit::Week)
            && !self.plural(j)
            && self.w(j + 1, W::Of)
            && let Some(e) = self.week_of(j + 2, i, out)
        {
            return Some(e);
        }
        match self.lex(j) {
            // "the end of 2019", "the beginning of March", "the middle of next year"
            Lex::W(W::End | W::Beginning | W::Start | W::Middle) if self.w(j + 1, W::Of) => {
                self.modifiable(j + 2, i, out)
            }
            // "the past", "the recent past"
            Lex::W(W::Past) => {
                if self.unit(j + 1).is_none()
                    && self.num(j + 1).is_none()
                    && !matches!(
                        self.lex(j + 1),
                        Lex::NumWord(_)
                            | Lex::W(W::Few | W::Several)
                            | Lex::Ordinal(_)
                            | Lex::Weekday(_)
                            | Lex::Month { .. }
                            | Lex::Season(_)
                    )
                {
                    return self.push(out, i, j + 1, Form::Past, "past-ref");
                }
                self.relative(j, i, out)
            }
            Lex::W(W::Future) => {
                if self.w(j + 1, W::Of) {
                    return None;
                }
                self.push(out, i, j + 1, Form::Future, "future-ref")
            }
            // "the near future", "the near term", "the short term", "the long term"
            Lex::W(W::Near)
                if self.w(j + 1, W::Future) || self.is(j + 1, "term") && !self.w(j + 2, W::Of) =>
            {
                self.push(out, i, j + 2, Form::Future, "future-ref")
            }
            Lex::Other
                if (self.is(j, "short") || self.is(j, "long"))
                    && self.is(j + 1, "term")
                    && !self.w(j + 2, W::Of) =>
            {
                self.push(out, i, j + 2, Form::Future, "future-ref")
            }
            Lex::W(W::Coming) if self.unit(j + 1).is_some() && self.plural(j + 1) => {
                self.push(out, i, j + 2, Form::Future, "future-ref")
            }
            Lex::W(W::Recent) if self.unit(j + 1).is_some() && self.plural(j + 1) => {
                self.push(out, i, j + 2, Form::Past, "past-ref")
            }
            Lex::Unit(Unit::Weekend) if !self.plural(j) => {
                self.push(out, i, j + 1, Form::Weekend, "weekend")
            }
            // "the quarter" in results copy is the last quarter reported; "the quarter a year
            // ago" the same quarter a year before.
            Lex::Unit(Unit::Quarter) if !self.plural(j) && !self.w(j + 1, W::Of) => {
                if let Some(form) = self.quarter_ended(j + 1) {
                    return self.push(out, i, j + 1, form, "quarter-ended");
                }
                let (dy, e) = self.year_back(j + 1).map_or((0, j + 1), |e| (-1, e));
                let form = Form::Results {
                    y: None,
                    dy,
                    q: None,
                };
                self.push(out, i, e, form, "the-quarter")
            }
            Lex::Unit(Unit::Day) if !self.plural(j) => {
                // "the day before", "the day after", "the day before yesterday"
                if self.w(j + 1, W::Before) {
                    if self.w(j + 2, W::Yesterday) {
                        return self.push(out, i, j + 3, Form::DayOffset(-2), "deictic");
                    }
                    if let Some(e) = self.day_in_apposition(i, out) {
                        return Some(e);
                    }
                    return self.push(out, i, j + 2, Form::RefDay(-1), "day-before");
                }
                if self.w(j + 1, W::After) {
                    if self.w(j + 2, W::Tomorrow) {
                        return self.push(out, i, j + 3, Form::DayOffset(2), "deictic");
                    }
                    if let Some(e) = self.day_in_apposition(i, out) {
                        return Some(e);
                    }
                    return self.push(out, i, j + 2, Form::RefDay(1), "day-after");
                }
                None
            }
            Lex::W(W::Previous) if self.unit(j + 1) == Some(Unit::Day) && !self.plural(j + 1) => {
                self.push(out, i, j + 2, Form::RefDay(-1), "day-before")
            }
            Lex::W(W::Previous) if self.part_of_day(j + 1) => {
                self.push(out, i, j + 2, Form::RefDay(-1), "day-before")
            }
            Lex::W(W::Next | W::Following)
                if self.unit(j + 1) == Some(Unit::Day) && !self.plural(j + 1)
                    || self.part_of_day(j + 1) =>
            {
                self.push(out, i, j + 2, Form::RefDay(1), "day-after")
            }
            Lex::W(
                W::Last
                | W::Next
                | W::This
                | W::Coming
                | W::Previous
                | W::Following
                | W::Current
                | W::Latest,
            ) => self.relative(j, i, out),
            Lex::Ordinal(_) => self.quarter(j, i, out),
            Lex::Season(_) => self.season(j, i, None, out),
            Lex::W(W::Early | W::Mid | W::Late) => {
                let k = if self.tight(j + 1) && self.dash(j + 1) {
                    j + 2
                } else {
                    j + 1
                };
                if self.num(k).is_some() {
                    self.decade(k, i, out)
                } else {
                    None
                }
            }
            Lex::Other if self.num(j).is_some() => {
                self.decade(j, i, out).or_else(|| self.century(j, i, out))
            }
            _ => None,
        }
    }

    /// `(same) day`, `(same) year`, at `k` after "that" or "the": the day or the unit of the last
    /// date the text mentioned.
    fn anaphoric(&self, k: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let k = if self.is(k, "same") { k + 1 } else { k };
        let u = self.unit(k).filter(|_| !self.plural(k))?;
        let form = match u {
            Unit::Day => Form::RefDay(0),
            Unit::Week | Unit::Month | Unit::Quarter | Unit::Year => Form::RefUnit(u, 0),
            _ => return None,
        };
        // "that day-long meeting", "the same year-ago figures": a modifier, not a time.
        if self.tight(k + 1) && self.dash(k + 1) {
            return None;
        }
        self.push(out, first, k + 1, form, "anaphoric")
    }

    /// `last week`, `next month`, `this year`, `the coming week`, `last Friday`, `this spring`,
    /// `the latest quarter`.
    fn relative(&self, i: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let dir = match self.lex(i) {
            Lex::W(W::Last | W::Previous | W::Past) => -1,
            Lex::W(W::Next | W::Coming | W::Following) => 1,
            Lex::W(W::This | W::Current) => 0,
            Lex::W(W::Latest) => -1,
            _ => return None,
        };
        let past = self.w(i, W::Past);
        let j = i + 1;
        // ABC's "This Week": a quoted title, not a time.
        if first == i
            && i > 0
            && self.t[i].upper
            && t_upper(self.t, j)
            && (self.p(i - 1, '"') || self.p(i - 1, '“'))
        {
            return None;
        }
        match self.lex(j) {
            // "the previous Friday", "the following Monday": from the text's last day.
            Lex::Weekday(wd)
                if first < i
                    && matches!(self.lex(i), Lex::W(W::Following | W::Previous))
                    && t_upper(self.t, j) =>
            {
                self.push(out, first, j + 1, Form::RefWeekday(wd, dir), "ref-weekday")
            }
            Lex::Weekday(_) if !past => {
                let rel = match dir {
                    -1 => Rel::Last,
                    1 => Rel::Next,
                    _ => Rel::This,
                };
                self.weekday(j, first, rel, out)
            }
            Lex::Season(_) => self.season(j, first, Some(dir), out),
            Lex::Month { .. } if !past => {
                let (m, e, abbrev) = self.month(j)?;
                if abbrev {
                    return None;
                }
                self.push(out, first, e, Form::MonthRel(m, dir), "relative-month")
            }
            Lex::Unit(u) if !self.plural(j) => {
                if past {
                    // "the past year" is a duration more often than a date.
                    return None;
                }
                if self.w(i, W::Latest) && u != Unit::Quarter {
                    return None;
                }
                if u == Unit::Day {
                    return None;
                }
                // "this year's third quarter", "last year's quarter"
                if u == Unit::Year
                    && (self.p(j + 1, '\'') || self.p(j + 1, '’'))
                    && self.tight(j + 1)
                    && self.is(j + 2, "s")
                    && self.tight(j + 2)
                {
                    let (q, k) = self.ordinal_quarter(j + 3);
                    if let Some(k) = k {
                        let form = Form::Results {
                            y: None,
                            dy: dir,
                            q,
                        };
                        return self.push(out, first, k, form, "results-quarter");
                    }
                }
                // "the following year", "the previous month": counted from the text's last date.
                if first < i && matches!(self.lex(i), Lex::W(W::Following | W::Previous)) {
                    return self.push(out, first, j + 1, Form::RefUnit(u, dir), "ref-unit");
                }
                self.push(out, first, j + 1, Form::UnitRel(u, dir), "relative-unit")
            }
            // "the coming weeks", "in coming months"
            Lex::Unit(_)
                if matches!(self.lex(i), Lex::W(W::Coming))
                    && (first < i
                        || i > 0 && (self.w(i - 1, W::In) || self.w(i - 1, W::During))) =>
            {
                self.push(out, first, j + 1, Form::Future, "future-ref")
            }
            // "the past several quarters", "the next few days": vaguely before or after.
            Lex::W(W::Few | W::Several)
                if first < i && dir != 0 && self.unit(j + 1).is_some() && self.plural(j + 1) =>
            {
                let form = if dir < 0 { Form::Past } else { Form::Future };
                let rule = if dir < 0 { "past-ref" } else { "future-ref" };
                self.push(out, first, j + 2, form, rule)
            }
            Lex::Ordinal(_) => self.quarter(j, first, out),
            // "the last half of 1989"
            Lex::W(W::Half) if dir == -1 && !past && self.w(j + 1, W::Of) => {
                let (y, e) = self.year(j + 2)?;
                self.push(out, first, e, Form::Half { y: Some(y), h: 2 }, "half")
            }
            // "next fiscal year", "the current fiscal year"
            Lex::W(W::Fiscal)
                if self.unit(j + 1) == Some(Unit::Year)
                    && !self.plural(j + 1)
                    && !self.w(i, W::Latest) =>
            {
                self.push(
                    out,
                    first,
                    j + 2,
                    Form::UnitRel(Unit::Year, dir),
                    "relative-unit",
                )
            }
            _ => self.holiday(j, first, Some(dir), out),
        }
    }

    /// `Christmas`, `Thanksgiving Day`, `New Year's Eve`, `Good Friday`, `Easter week`,
    /// `Christmas 2018`; after "last", "next", "this" when `rel` says so.
    fn holiday(
        &self,
        i: usize,
        first: usize,
        rel: Option<i32>,
        out: &mut Vec<Hit>,
    ) -> Option<usize> {
        if !t_upper(self.t, i) {
            return None;
        }
        let day = |k: usize| self.unit(k) == Some(Unit::Day) && !self.plural(k);
        let named_day = |k: usize| day(k) && t_upper(self.t, k);
        // "New Year's Day", "Valentine's Day": the possessive, then "Day" or "Eve".
        let possessive = |k: usize| {
            (self.p(k, '\'') || self.p(k, '’'))
                && self.tight(k)
                && self.is(k + 1, "s")
                && self.tight(k + 1)
        };
        let (h, e, named) = match self.s(i) {
            "Christmas" if self.is(i + 1, "Eve") => (Holiday::ChristmasEve, i + 2, true),
            "Christmas" if day(i + 1) => (Holiday::Christmas, i + 2, true),
            "Christmas" => (Holiday::Christmas, i + 1, false),
            "Thanksgiving" if day(i + 1) => (Holiday::Thanksgiving, i + 2, true),
            "Thanksgiving" => (Holiday::Thanksgiving, i + 1, false),
            "Easter" if self.lex(i + 1) == Lex::Weekday(7) => (Holiday::Easter, i + 2, true),
            "Easter" if self.unit(i + 1) == Some(Unit::Week) && !self.plural(i + 1) => {
                (Holiday::EasterWeek, i + 2, true)
            }
            "Easter" => (Holiday::Easter, i + 1, false),
            "Good" if self.lex(i + 1) == Lex::Weekday(5) && t_upper(self.t, i + 1) => {
                (Holiday::GoodFriday, i + 2, true)
            }
            "New" if self.unit(i + 1) == Some(Unit::Year) && possessive(i + 2) => {
                if named_day(i + 4) {
                    (Holiday::NewYearsDay, i + 5, true)
                } else if self.is(i + 4, "Eve") {
                    (Holiday::NewYearsEve, i + 5, true)
                } else {
                    return None;
                }
            }
            "Valentine" if possessive(i + 1) && named_day(i + 3) => {
                (Holiday::ValentinesDay, i + 4, true)
            }
            "Election" if named_day(i + 1) => (Holiday::ElectionDay, i + 2, true),
            "Veterans" | "Armistice" if named_day(i + 1) => (Holiday::ArmisticeDay, i + 2, true),
            "Boxing" if named_day(i + 1) => (Holiday::BoxingDay, i + 2, true),
            _ => return None,
        };
        // "the Good Friday Agreement", "Christmas Island": part of a name, skipped whole (its
        // "Friday" is no weekday either).
        if self
            .t
            .get(e)
            .is_some_and(|t| t.kind == Kind::Word && t.upper && t.lex == Lex::Other)
        {
            return Some(e + 1);
        }
        let k = if self.w(e, W::Of) { e + 1 } else { e };
        let (y, end) = match self.year(k) {
            Some((y, end)) => (Some(y), end),
            None => {
                let (y, end) = self.opt_year(e);
                (y, end)
            }
        };
        // "Christmas" alone is also a season and a word of trade ("Christmas sales"): a day only
        // after a word that introduces a time.
        let introduced = named
            || y.is_some()
            || first < i
            || i > 0
                && matches!(
                    self.lex(i - 1),
                    Lex::W(
                        W::On
                            | W::By
                            | W::Before
                            | W::After
                            | W::Until
                            | W::Since
                            | W::Through
                            | W::During
                            | W::To
                            | W::From
                    )
                );
        if !introduced {
            return None;
        }
        self.push(out, first, end, Form::Holiday { h, y, rel }, "holiday")
    }

    /// An optional ordinal ("third", "third-") then "quarter": the ordinal and the index after
    /// "quarter"; without "quarter", `(_, None)`.
    fn ordinal_quarter(&self, k: usize) -> (Option<u32>, Option<usize>) {
        let (q, k) = match self.lex(k) {
            Lex::Ordinal(n) if n <= 4 => {
                let k = if self.tight(k + 1) && self.dash(k + 1) {
                    k + 2
                } else {
                    k + 1
                };
                (Some(n), k)
            }
            _ => (None, k),
        };
        if self.unit(k) == Some(Unit::Quarter) && !self.plural(k) {
            (q, Some(k + 1))
        } else {
            (q, None)
        }
    }

    /// Results copy: `(comparable) year-ago (third) quarter`, `year-earlier period`,
    /// `1988 second quarter`, `1989 period`, starting at `k` (after "the", if any).
    fn results(&self, k: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let k = if self.is_any(k, &["comparable", "corresponding", "same", "prior"]) {
            k + 1
        } else {
            k
        };
        let (y, dy, k) = if let Some((y, e)) = self.year(k) {
            (Some(y), 0, e)
        } else if self.unit(k) == Some(Unit::Year)
            && !self.plural(k)
            && self.tight(k + 1)
            && self.dash(k + 1)
            && self.tight(k + 2)
            && (self.w(k + 2, W::Ago) || self.w(k + 2, W::Earlier))
        {
            (None, -1, k + 3)
        } else {
            return None;
        };
        let (q, end) = self.ordinal_quarter(k);
        let end = match end {
            Some(e) => e,
            None if q.is_none() && self.is(k, "period") => k + 1,
            None => return None,
        };
        self.push(
            out,
            first,
            end,
            Form::Results { y, dy, q },
            "results-quarter",
        )
    }

    /// `Q3`, `Q3 2019`.
    fn q_quarter(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        if !self.tight(i + 1) {
            return None;
        }
        let (q, digits) = self.num(i + 1)?;
        if digits != 1 || !(1..=4).contains(&q) {
            return None;
        }
        let (y, e) = self.opt_year(i + 2);
        self.push(out, i, e, Form::Quarter { y, q }, "quarter")
    }

    /// `the third quarter (of 2019)`, `third-quarter`, `first half`.
    fn quarter(&self, i: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let Lex::Ordinal(n) = self.lex(i) else {
            return None;
        };
        let j = if self.tight(i + 1) && self.dash(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let half = self.w(j, W::Half);
        let quarter = self.unit(j) == Some(Unit::Quarter) && !self.plural(j);
        if !(half && n <= 2 || quarter) {
            return None;
        }
        let mut e = j + 1;
        let mut y = None;
        if self.w(e, W::Of)
            && let Some((yy, k)) = self.year(e + 1)
        {
            y = Some(yy);
            e = k;
        } else if let Some((yy, k)) = self.year(e) {
            y = Some(yy);
            e = k;
        }
        if half {
            self.push(out, first, e, Form::Half { y, h: n }, "half")
        } else {
            self.push(out, first, e, Form::Quarter { y, q: n }, "quarter")
        }
    }

    /// `spring 2019`, `this spring`, `the summer of 2018`, `in winter`.
    fn season(
        &self,
        i: usize,
        first: usize,
        rel: Option<i32>,
        out: &mut Vec<Hit>,
    ) -> Option<usize> {
        let Lex::Season(s) = self.lex(i) else {
            return None;
        };
        let j = if self.w(i + 1, W::Of) { i + 2 } else { i + 1 };
        if let Some((y, e)) = self.year(j).or_else(|| self.spelled_year(j)) {
            return self.push(
                out,
                first,
                e,
                Form::Season { y: Some(y), s, rel },
                "season-year",
            );
        }
        // A bare season needs a determiner before it: "fall" and "spring" are also verbs.
        let introduced = first < i || (i > 0 && self.w(i - 1, W::In));
        if !introduced {
            return None;
        }
        self.push(
            out,
            first,
            i + 1,
            Form::Season { y: None, s, rel },
            "season",
        )
    }

    /// `the 1990s`, `mid-1990s`, `1990s`.
    fn decade(&self, i: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (n, digits) = self.num(i)?;
        if digits != 4 || n % 10 != 0 || !self.tight(i + 1) {
            return None;
        }
        let j = if self.p(i + 1, '\'') || self.p(i + 1, '’') {
            i + 2
        } else {
            i + 1
        };
        if !self.tight(j) || !self.s(j).eq_ignore_ascii_case("s") {
            return None;
        }
        self.push(out, first, j + 1, Form::Decade(n as i32 / 10), "decade")
    }

    /// `'90s`.
    fn short_decade(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (n, digits) = self.num(i + 1).filter(|_| self.tight(i + 1))?;
        if digits != 2
            || n % 10 != 0
            || !self.tight(i + 2)
            || !self.s(i + 2).eq_ignore_ascii_case("s")
        {
            return None;
        }
        let first = if i > 0 && self.w(i - 1, W::The) {
            i - 1
        } else {
            i
        };
        self.push(
            out,
            first,
            i + 3,
            Form::Decade(190 + n as i32 / 10),
            "decade",
        )
    }

    /// `the 20th century`.
    fn century(&self, i: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (n, digits) = self.num(i)?;
        if digits > 2 || !(1..=30).contains(&n) || !self.tight(i + 1) {
            return None;
        }
        if !self.is_any(i + 1, &["st", "nd", "rd", "th"]) {
            return None;
        }
        let j = if self.tight(i + 2) && self.dash(i + 2) {
            i + 3
        } else {
            i + 2
        };
        if self.unit(j) != Some(Unit::Century) || self.plural(j) {
            return None;
        }
        self.push(out, first, j + 1, Form::Century(n as i32 - 1), "century")
    }

    /// `2018-2019`, `2018-19`: two years.
    fn year_range(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (y1, j) = self.year(i)?;
        if !(self.tight(j) && self.dash(j) && self.tight(j + 1)) {
            return None;
        }
        let (n, digits) = self.num(j + 1)?;
        let y2 = match digits {
            4 => n as i32,
            2 => y1 / 100 * 100 + n as i32,
            _ => return None,
        };
        if y2 <= y1 || y2 - y1 > 20 || (self.tight(j + 2) && self.num(j + 2).is_some()) {
            return None;
        }
        out.push(Hit {
            first: i,
            end: j,
            form: Form::Year(y1),
            rule: "year-range",
            clock: None,
        });
        self.push(out, j + 1, j + 2, Form::Year(y2), "year-range")
    }

    /// `2019`, `fiscal 1989`.
    /// `Juche 111`, `Juche111.10.6`: North Korea's calendar counts its years from 1912 (Juche
    /// 1), and its official copy dates itself so ("(Juche111.10.6.)" under a KCNA story).
    fn juche(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (n, digits) = self.num(i + 1)?;
        if !(1..=3).contains(&digits) || n == 0 {
            return None;
        }
        let y = 1911 + n as i32;
        // ".10.6": the month and the day after the year, dotted.
        let dotted = |k: usize| {
            (self.tight(k) && self.p(k, '.') && self.tight(k + 1))
                .then(|| self.num(k + 1))
                .flatten()
        };
        if let (Some((m, _)), Some((d, _))) = (dotted(i + 2), dotted(i + 4))
            && valid(Some(y), m, d).is_some()
        {
            return self.push(out, i, i + 6, Form::Date { y: Some(y), m, d }, "juche-date");
        }
        self.push(out, i, i + 2, Form::Year(y), "juche-year")
    }

    fn year_alone(&self, i: usize, first: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let (y, e) = self.year(i)?;
        let introduced = first < i
            || i > 0
                && matches!(
                    self.lex(i - 1),
                    Lex::W(
                        W::In
                            | W::Of
                            | W::Until
                            | W::Since
                            | W::From
                            | W::Through
                            | W::To
                            | W::Before
                            | W::After
                            | W::Early
                            | W::Late
                            | W::Mid
                            | W::By
                            | W::During
                    )
                );
        if !(1900..=2100).contains(&y) && !introduced {
            return None;
        }
        // "some 2000 people": a count, not a year.
        if first == i
            && i > 0
            && [
                "some",
                "about",
                "nearly",
                "over",
                "around",
                "almost",
                "than",
                "least",
                "approximately",
                "roughly",
            ]
            .iter()
            .any(|w| self.is(i - 1, w))
        {
            return None;
        }
        // "2000 people", "1500 years": a count, not a year.
        if self.unit(e).is_some()
            || self
                .t
                .get(e)
                .is_some_and(|t| t.kind == Kind::Word && !t.upper && !t.space_before)
        {
            return None;
        }
        if self
            .t
            .get(e)
            .is_some_and(|t| t.kind == Kind::Word && !t.upper)
            && self.s(e).ends_with('s')
            && !introduced
            && self.s(e).len() > 3
            && !matches!(
                self.s(e),
                "was"
                    | "has"
                    | "is"
                    | "as"
                    | "saw"
                    | "sees"
                    | "gives"
                    | "brings"
                    | "marks"
                    | "makes"
                    | "remains"
                    | "looks"
                    | "promises"
                    | "comes"
                    | "does"
            )
        {
            return None;
        }
        self.push(out, first, e, Form::Year(y), "year")
    }

    /// `two days ago`, `a year earlier`, `three weeks later`, `year-earlier`, `several years ago`.
    fn ago(&self, i: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let n: Option<i32> = match self.lex(i) {
            Lex::NumWord(n) => Some(n as i32),
            Lex::Other => match self.num(i) {
                Some((n, d)) if d <= 3 => Some(n as i32),
                _ => None,
            },
            _ => None,
        };
        let n = n?;
        let mut j = i + 1;
        // "a few days ago", "a couple of weeks ago"
        let mut vague = false;
        if self.w(j, W::Few) {
            vague = true;
            j += 1;
        }
        if let Some(u) = self.unit(j) {
            // "year-earlier", "year-ago": a year before the anchor.
            let k = j + 1;
            let (dir, e) = if self.w(k, W::Ago)
                || self.w(k, W::Earlier)
                || self.w(k, W::Before)
                    && !self.w(k + 1, W::The)
                    && self.t.get(k + 1).is_none_or(|t| t.kind == Kind::Punct)
            {
                (-1, k + 1)
            } else if self.w(k, W::Later) {
                (1, k + 1)
            } else {
                return None;
            };
            if u == Unit::Weekend {
                return None;
            }
            if vague {
                let form = if dir < 0 { Form::Past } else { Form::Future };
                return self.push(out, i, e, form, "vague-ago");
            }
            return self.push(out, i, e, Form::Ago(u, dir * n), "ago");
        }
        None
    }
}

/// Whether `w` may open one of the rules `M::word_at` tries on an unclassified word: "Q" (a
/// quarter), "post"/"pre" (a year), "that" (an anaphor), a holiday's first word
/// (`M::holiday`), "nineteen"/"eighteen" (`M::spelled_year`). Ignores case, so it admits a
/// superset; whoever adds a rule there adds its first word here.
fn opens_other_rule(w: &str) -> bool {
    let words: &[&str] = match w.len() {
        1 => &["q"],
        3 => &["pre", "new"],
        4 => &["post", "that", "good"],
        6 => &["easter", "boxing"],
        8 => &["nineteen", "eighteen", "election", "veterans"],
        9 => &["christmas", "valentine", "armistice"],
        12 => &["thanksgiving"],
        _ => return false,
    };
    words.iter().any(|c| w.eq_ignore_ascii_case(c))
}

/// The tens of a decade named in words: "twenties" is 2, "nineties" 9.
fn decade_word(w: &str) -> Option<i32> {
    // Tried after every "the": compared in place rather than lower-cased into a new string.
    const DECADES: [(&str, i32); 8] = [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ];
    DECADES
        .iter()
        .find(|(d, _)| w.eq_ignore_ascii_case(d))
        .map(|&(_, n)| n)
}

fn t_upper(t: &[Token], i: usize) -> bool {
    t.get(i).is_some_and(|t| t.upper)
}

fn valid(y: Option<i32>, m: u32, d: u32) -> Option<()> {
    let y = y.unwrap_or(2000); // a leap year: 29 February is valid without a year
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|_| ())
}
