//! The dates of an article: when it was published, when its main statement was made, and the
//! place of its dateline — each with the evidence a reader can check.
//!
//! This is the glue between the pure date engine ([`crate::dates`]) and the knowledge base:
//! the engine finds and resolves expressions; this module decides which of them date the text,
//! and brings in what the knowledge base knows (tenures of the office holders a text names, the
//! days of the meetings it mentions) when the text does not give its year.
//!
//! The order of evidence, strongest first:
//! - publication: a date header or byline with a full date; else the dateline's day with its
//!   year written or inferred ([`crate::dates::year`]); else an explicit unknown;
//! - statement: the time expression of the first attributed statement in the lead, resolved
//!   against the publication date; else the publication date itself (less sure); else, with no
//!   publication date, the day of the named weekday inside the meeting the text places the
//!   statement at; else unknown.

use chrono::{Datelike, Days, NaiveDate};

use crate::clean::{BlockKind, Doc, MetaDate, MetaKind};
use crate::dates::resolve::tense_at;
use crate::dates::year::{YearConstraint, YearTest, choose_year, mention_constraints};
use crate::dates::{Dateline, Tense, Today, Value, find, lead_statement, parse_dateline};
use crate::infer::{Evidence, Inferred, Span};
use crate::knowledge::{Coverage, Knowledge, PersonId, Tenure};

/// The dates of a whole text, found on first use.
struct AllDates<'a> {
    text: &'a str,
    /// Where the text is placed and whether that country writes numeric dates day-first.
    convention: Option<(bool, String)>,
    /// The whole text's tokens, read once for its dates and its paragraphs' (`find_part`).
    tokens: std::cell::OnceCell<Vec<crate::dates::tokens::Token>>,
    found: std::cell::OnceCell<Vec<crate::dates::Timex>>,
}

impl AllDates<'_> {
    fn tokens(&self) -> &[crate::dates::tokens::Token] {
        self.tokens
            .get_or_init(|| crate::dates::tokens::tokenize(self.text))
    }

    fn get(&self) -> &[crate::dates::Timex] {
        self.found.get_or_init(|| {
            crate::dates::find_in_tokens(
                self.text,
                self.tokens(),
                None,
                self.convention.as_ref().map(|c| c.0),
            )
        })
    }

    /// `find(part, None)` for `part`, the text's slice from `start`: from the whole text's
    /// tokens (the same, `tokens::within`) instead of reading the part again.
    fn find_part(&self, start: usize, part: &str) -> Vec<crate::dates::Timex> {
        match crate::dates::tokens::within(self.tokens(), start, start + part.len()) {
            Some(toks) => crate::dates::find_in_tokens(part, &toks, None, None),
            None => find(part, None),
        }
    }

    /// "01/12/2021 could be 1 December 2021 or 12 January 2021": how an ambiguous numeric
    /// date was read, and why, for the evidence of a fact taken from it.
    fn order_note(&self, t: &crate::dates::Timex) -> Option<Evidence> {
        let day = t.day?;
        let numbers: Vec<u32> = t
            .text
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        let [a, b, _] = numbers[..] else {
            return None;
        };
        if !t.rule.starts_with("numeric") || a > 12 || b > 12 || a == b {
            return None;
        }
        let other = NaiveDate::from_ymd_opt(day.year(), day.day(), day.month())?;
        let order = if t.rule == "numeric-dmy" {
            "day-first"
        } else {
            "month-first"
        };
        let why = match &self.convention {
            Some((day_first, country)) if *day_first == (t.rule == "numeric-dmy") => {
                format!(
                    "as {country}, where the text is placed, writes dates, unless the text's own dates say otherwise"
                )
            }
            _ => "as the text's other dates are written, or as its separator is usually read"
                .to_string(),
        };
        Some(Evidence::at(
            "date.numeric-order",
            self.text,
            Span::new(t.start, t.end),
            format!(
                "{} could be {} or {}: read {order}, {why}",
                t.text,
                day.format("%-d %B %Y"),
                other.format("%-d %B %Y")
            ),
        ))
    }

    /// The dates within `span`: read from the span alone, unless it writes a numeric date,
    /// whose order the whole page decides.
    fn within(&self, span: Span) -> Vec<crate::dates::Timex> {
        let local = find(&self.text[span.start..span.end], None);
        if local.iter().any(|t| t.rule.starts_with("numeric")) {
            return self
                .get()
                .iter()
                .filter(|t| t.start >= span.start && t.end <= span.end)
                .cloned()
                .collect();
        }
        local
            .into_iter()
            .map(|mut t| {
                t.start += span.start;
                t.end += span.start;
                t
            })
            .collect()
    }
}

/// Dates before this year are not a news page's own (a Hijri "6/03/1443", a treaty's year).
const EARLIEST_YEAR: i32 = 1900;

/// The dates inferred for one article.
#[derive(Debug, Clone, PartialEq)]
pub struct DateFacts {
    /// The day the text was published.
    pub published: Inferred<NaiveDate>,
    /// The day the main statement was made.
    pub stated: Inferred<NaiveDate>,
    /// The dateline's place, title-cased ("Moscow").
    pub dateline: Inferred<String>,
}

/// A paragraph as the engine reads it: its words as they stand in the doc's text, and where.
struct Para<'a> {
    start: usize,
    text: &'a str,
}

/// Where the story starts in a text: its headline block, whose date (a briefing's day) dates
/// the statement, and the first byte of the body (what stands above the headline is the page's
/// furniture: its dates are the page's, not the story's).
#[derive(Debug, Clone, Copy, Default)]
pub struct Opening {
    /// The headline's span, when the text has a headline line.
    pub title: Option<Span>,
    /// Where the body starts.
    pub body_from: usize,
}

impl Opening {
    /// The opening as the headline rules find it.
    pub fn of(doc: &Doc) -> Opening {
        match super::title::title_from_heading(doc, &[]) {
            Some((_, i)) => Opening {
                title: Some(doc.blocks[i].span),
                body_from: doc.blocks[i].span.end,
            },
            None => Opening::default(),
        }
    }
}

/// Infers the publication date, statement date and dateline place of `doc`. `period` is the
/// first and last year the collection covers (from config), `today` the latest possible day.
pub fn infer_dates(
    doc: &Doc,
    kb: &Knowledge,
    period: Option<(i32, i32)>,
    today: NaiveDate,
) -> DateFacts {
    infer_dates_in(doc, kb, period, &Today::new(today), Opening::of(doc))
}

/// [`infer_dates`] with the opening already found; `today` records what the dates asked of
/// it ([`Today::range`]).
pub fn infer_dates_in(
    doc: &Doc,
    kb: &Knowledge,
    period: Option<(i32, i32)>,
    today: &Today,
    opening: Opening,
) -> DateFacts {
    let paras = paragraphs(doc, opening.body_from);
    // Every date of the whole text, read with the whole text's conventions (the order of
    // numeric dates is decided by the page's other dates): read only when a rule needs it.
    // The dateline: the first of the opening paragraphs that starts with one.
    // The bulleted key points some pages put before the story do not count.
    let dateline = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| !crate::clean::is_list_item(p.text))
        .take(4)
        .find_map(|(i, p)| {
            parse_dateline(p.text)
                // "AFP: My question is …", "REPORTER: Yesterday, …": an outlet or a role
                // opening a paragraph is a questioner's label in a transcript, not a place;
                // nor is a publication's name.
                .filter(|d| {
                    d.place.as_deref().is_none_or(|w| {
                        (kb.outlet_by_name(w).is_none() || kb.country_by_word(w).is_some())
                            && !super::names::is_role_label(w)
                            // "Ammon News - AMMONNEWS - Minister …": a publication, not a place.
                            && !w
                                .split_whitespace()
                                .any(|x| matches!(x, "News" | "Agency"))
                    })
                })
                .map(|d| (i, d))
        });
    let all = AllDates {
        text: &doc.text,
        convention: numeric_convention(doc, kb, dateline.as_ref().map(|(_, d)| d)),
        tokens: std::cell::OnceCell::new(),
        found: std::cell::OnceCell::new(),
    };
    let dateline_fact = match &dateline {
        Some((i, d)) if d.place.is_some() => {
            let (s, e) = d.place_span.unwrap_or(d.span);
            let span = Span::new(paras[*i].start + s, paras[*i].start + e);
            Inferred::known(
                d.place.clone().unwrap_or_default(),
                0.9,
                vec![Evidence::at(
                    "date.dateline-place",
                    &doc.text,
                    Span::new(paras[*i].start + d.span.0, paras[*i].start + d.span.1),
                    format!(
                        "the paragraph opens with a dateline naming {}",
                        doc.slice(span)
                    ),
                )],
            )
        }
        _ => Inferred::unknown(vec![Evidence::note(
            "date.no-dateline",
            "no opening paragraph starts with a dateline",
        )]),
    };

    // The author's date (front matter) is the publication date and anchors the statement.
    let published = match doc.front.date {
        Some(day) => Inferred::given(day, "date"),
        None => page_publication(doc, today).unwrap_or_else(|| {
            let from_text = publication(
                doc,
                kb,
                &paras,
                &all,
                dateline.as_ref(),
                opening,
                period,
                today,
            );
            if from_text.is_known() {
                from_text
            } else {
                page_update(doc, today).unwrap_or(from_text)
            }
        }),
    };
    let stated = statement(
        doc,
        kb,
        &paras,
        dateline.as_ref().map(|(i, _)| *i),
        &published,
        opening,
        today,
    );
    // Nothing dates the page: the day the lead gives its event ("On 20 August, the foreign
    // minister held talks"), with the year the people and meetings it names allow.
    let stated = if stated.is_known() || published.is_known() {
        stated
    } else {
        lead_day(
            doc,
            kb,
            &paras,
            dateline.as_ref().map(|(i, _)| *i),
            &all,
            period,
            today,
        )
        .unwrap_or(stated)
    };
    DateFacts {
        published,
        stated,
        dateline: dateline_fact,
    }
}

/// Where the text is placed, as its dateline or a "Riga, 01/12/2021" line at its top names the
/// place, and whether that country writes numeric dates day-first (all but the United States
/// and the Philippines among the countries the knowledge base holds).
fn numeric_convention(
    doc: &Doc,
    kb: &Knowledge,
    dateline: Option<&Dateline>,
) -> Option<(bool, String)> {
    let line_place = || {
        doc.text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(8)
            .find_map(|l| {
                let (place, rest) = l.split_once(", ")?;
                (rest.starts_with(|c: char| c.is_ascii_digit())
                    && place.len() <= 30
                    && place.starts_with(char::is_uppercase))
                .then(|| place.to_string())
            })
    };
    let place = dateline.and_then(|d| d.place.clone()).or_else(line_place)?;
    let country = &kb.countries[kb.country_by_word(&place)?];
    let day_first = !matches!(country.code.as_str(), "US" | "PH");
    Some((day_first, country.name.clone()))
}

/// The body paragraphs (not headings), as raw slices of the doc's text.
fn paragraphs(doc: &Doc, body_from: usize) -> Vec<Para<'_>> {
    let mut out: Vec<Para> = doc
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading && b.span.start >= body_from)
        .map(|b| Para {
            start: b.span.start,
            text: doc.slice(b.span),
        })
        .collect();
    if out.is_empty() {
        // No blocks (a doc built by hand): every non-empty line is a paragraph.
        let mut at = 0;
        for line in doc.text.split_inclusive('\n') {
            if !line.trim().is_empty() {
                out.push(Para {
                    start: at,
                    text: line.trim_end_matches('\n'),
                });
            }
            at += line.len();
        }
    }
    out
}

fn confidence_of(rule: &str) -> f32 {
    match rule {
        "iso-date" | "day-month-year" | "month-day-year" | "numeric-dmy" | "numeric-mdy" => 0.95,
        "deictic" => 0.9,
        "weekday" | "last-weekday" | "this-weekday" => 0.85,
        _ => 0.75,
    }
}

fn rule_note(rule: &str) -> &'static str {
    match rule {
        "weekday" => "date.weekday-before-anchor",
        "last-weekday" => "date.last-weekday",
        "this-weekday" => "date.this-weekday",
        "deictic" => "date.deictic",
        "day-before" | "day-after" => "date.relative-day",
        "ago" => "date.ago",
        _ => "date.explicit",
    }
}

#[allow(clippy::too_many_arguments)]
fn publication(
    doc: &Doc,
    kb: &Knowledge,
    paras: &[Para],
    all: &AllDates,
    dateline: Option<&(usize, Dateline)>,
    opening: Opening,
    period: Option<(i32, i32)>,
    today: &Today,
) -> Inferred<NaiveDate> {
    // 1. A date header or byline with a full date. A page may carry several: the day it was
    // viewed ("Today's Paper | …", a clock above the masthead), the story's own, an update.
    // The story's is labelled as published or stands by the headline; a page clock is
    // labelled "today" or stands above everything else.
    #[allow(clippy::type_complexity)]
    let mut candidates: Vec<(i32, NaiveDate, Span, &'static str, bool, Option<Evidence>)> =
        Vec::new();
    for (order, m) in doc.meta.iter().enumerate() {
        let rule = match m.kind {
            MetaKind::DateLine => "date.header",
            MetaKind::Byline => "date.byline",
            _ => continue,
        };
        let found = all.within(m.span);
        let full: Vec<&crate::dates::Timex> = found
            .iter()
            .filter(|t| {
                t.explicit_year
                    && t.day
                        .is_some_and(|d| today.admits(d) && d.year() >= EARLIEST_YEAR)
            })
            .collect();
        let line = doc.slice(m.span).to_lowercase();
        // Of several dates on one line ("24/05/2024Published On: 23/05/2024", where a link to
        // the next post runs into the page's own), the one labelled as published.
        let labelled = |t: &crate::dates::Timex| {
            let end = t.start.clamp(m.span.start, m.span.end);
            let from =
                crate::knowledge::floor_char(&doc.text, end.saturating_sub(20).max(m.span.start));
            let before = doc.text[from..end].to_lowercase();
            ["published", "posted on", "posted:", "date:"]
                .iter()
                .any(|w| before.contains(w))
        };
        let labelled_at = full.iter().position(|t| labelled(t));
        // The line's date: an English one the date engine read, else one in the site's language
        // ("fredag 5. mai 2023"), weighed the same way.
        let (day, span, order_note) = match full.get(labelled_at.unwrap_or(0)) {
            Some(t) => (
                t.day.expect("filtered above"),
                Span::new(t.start, t.end),
                all.order_note(t),
            ),
            None => match crate::clean::date_in_words(doc.slice(m.span))
                .filter(|(day, ..)| m.kind == MetaKind::DateLine && today.admits(*day))
            {
                Some((day, s, e)) => (day, Span::new(m.span.start + s, m.span.start + e), None),
                None => continue,
            },
        };
        let mut score = -(order as i32);
        if labelled_at.is_some() {
            score += 10;
        }
        if line.contains("today") {
            score -= 20;
        }
        if [
            "published",
            "posted",
            "dated",
            "date:",
            "date ",
            "created",
            "first published",
        ]
        .iter()
        .any(|w| line.starts_with(w))
        {
            score += 10;
        }
        // By the headline: the story's own, above a list of other stories' dates placed
        // before it ("More Top Stories", each headline with its day), even where those are
        // labelled ("Published on 04/11/2016" under a gallery's link).
        if opening
            .title
            .is_some_and(|t| m.span.start >= t.start && m.span.start <= opening.body_from + 400)
        {
            score += 25;
        }
        // A story's stamp gives its hour ("Saturday, 19 September 2020 10:22 PM"); a page's
        // clock above it ("Sunday, 20 September 2020") gives only the day it was viewed.
        if has_clock_time(&line) {
            score += 3;
        }
        let updated = line.contains("updated") || line.contains("modified");
        if updated {
            score -= 8;
        }
        candidates.push((score, day, span, rule, updated, order_note));
    }
    if let Some((_, day, span, rule, updated, order)) = candidates.iter().max_by_key(|c| c.0) {
        let (day, span, rule, updated) = (*day, *span, *rule, *updated);
        let what = if rule == "date.header" {
            "a date line"
        } else {
            "a byline"
        };
        let mut evidence = vec![Evidence::at(
            rule,
            &doc.text,
            span,
            format!("the text carries {what} with the full date {day}"),
        )];
        evidence.extend(order.clone());
        for &(_, other, ospan, ..) in candidates.iter().filter(|c| c.1 != day) {
            evidence.push(Evidence::at(
                "date.header-passed-over",
                &doc.text,
                ospan,
                format!(
                    "{other} is another date at the top of the page: passed over for the one labelled or placed as the story's"
                ),
            ));
        }
        let confidence = if updated { 0.8 } else { 0.95 };
        return Inferred::known(day, confidence, evidence);
    }

    // 1a. The page's link carries its day: "/2023/05/31/", "t20230531_", "-20190222".
    if let Some((day, span)) = url_date(doc, today) {
        return Inferred::known(
            day,
            0.85,
            vec![Evidence::at(
                "date.url-path",
                &doc.text,
                span,
                format!("the page's link carries the day {day} in its path"),
            )],
        );
    }

    // 1b. No date line: a full date in the page's opening (a standfirst, the headline's day,
    // a caption), when the text has no dateline of its own.
    if dateline.is_none_or(|(_, d)| d.day.is_none())
        && let Some(t) = opening_date(doc, all.get(), opening, today)
    {
        let day = t.day.expect("opening dates are days");
        // "The minister yesterday October 11, 2017 granted audiences": the page is of the
        // day after the date it calls yesterday, the day before one it calls tomorrow.
        let (day, note) = match called_relative(&doc.text[..t.start]) {
            Some((w, days)) => (
                day + chrono::Duration::days(days),
                format!(
                    "no date line: the first full date in the opening of the page, which it calls \"{w}\": the page is of the day {}",
                    if days > 0 { "after" } else { "before" }
                ),
            ),
            None => (
                day,
                "no date line: the first full date in the opening of the page".to_string(),
            ),
        };
        return Inferred::known(
            day,
            0.6,
            vec![Evidence::at(
                "date.opening",
                &doc.text,
                Span::new(t.start, t.end),
                note,
            )],
        );
    }

    // 2. The dateline's day, with its year written or inferred.
    let Some((pi, d)) = dateline else {
        return Inferred::unknown(vec![Evidence::note(
            "date.no-publication-date",
            "the text carries no date header, byline date or dated dateline",
        )]);
    };
    let para = &paras[*pi];
    let (Some(month), Some(day)) = (d.month, d.day) else {
        return Inferred::unknown(vec![Evidence::note(
            "date.no-publication-date",
            "the text carries no date header or byline date, and its dateline gives no day",
        )]);
    };
    let dspan = d.date_span.unwrap_or(d.span);
    let date_span = Span::new(para.start + dspan.0, para.start + dspan.1);
    if let Some(y) = d.year
        && let Some(date) = NaiveDate::from_ymd_opt(y, month, day).filter(|&x| today.admits(x))
    {
        return Inferred::known(
            date,
            0.9,
            vec![Evidence::at(
                "date.dateline",
                &doc.text,
                date_span,
                format!("the dateline gives the full date {date}"),
            )],
        );
    }

    let (constraints, choice) = year_of_day(
        kb,
        paras,
        *pi,
        Some(d),
        all,
        (month, day),
        Vec::new(),
        period,
        today,
    );
    let mut evidence = vec![Evidence::at(
        "date.dateline",
        &doc.text,
        date_span,
        format!(
            "the dateline gives the day ({}) but not the year",
            doc.slice(date_span)
        ),
    )];
    let Some(year) = choice.year else {
        evidence.push(Evidence::note(
            "year.unknown",
            "nothing in the text narrows the year of the dateline's day",
        ));
        return Inferred::unknown(evidence);
    };
    for &i in &choice.satisfied {
        let (c, span) = &constraints[i];
        evidence.push(constraint_evidence(doc, c, *span));
    }
    for &i in &choice.violated {
        let (c, span) = &constraints[i];
        let mut e = constraint_evidence(doc, c, *span);
        e.note = format!("{} (not satisfied by {year}: outvoted)", e.note);
        evidence.push(e);
    }
    let note = if choice.candidates.len() == 1 {
        format!("{year} is the only year that fits these constraints")
    } else {
        let how = if choice.candidates.last() == Some(&year) {
            "the latest is taken"
        } else {
            "the one nearest the latest year the page names is taken"
        };
        format!(
            "{} years fit equally well ({}); {how}",
            choice.candidates.len(),
            choice
                .candidates
                .iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    evidence.push(Evidence::note("year.choice", note));
    let date = NaiveDate::from_ymd_opt(year, month, day).expect("chosen years make valid dates");
    Inferred::known(date, choice.confidence, evidence)
}

/// Every constraint the text gives on the year of a year-less day written in paragraph `pi`
/// (a dateline's, or the lead's), and the year they choose.
#[allow(clippy::too_many_arguments)]
fn year_of_day(
    kb: &Knowledge,
    paras: &[Para],
    pi: usize,
    dateline: Option<&Dateline>,
    all: &AllDates,
    (month, day): (u32, u32),
    extra: Vec<(YearConstraint, Option<Span>)>,
    period: Option<(i32, i32)>,
    today: &Today,
) -> (
    Vec<(YearConstraint, Option<Span>)>,
    crate::dates::year::YearChoice,
) {
    let mut constraints = year_constraints(kb, paras, pi, dateline, all);
    constraints.extend(text_year_constraints(all.get(), month, day));
    constraints.extend(extra);
    let choice = choose_year(
        month,
        day,
        &constraints
            .iter()
            .map(|(c, _)| c.clone())
            .collect::<Vec<_>>(),
        period,
        today,
    );
    (constraints, choice)
}

fn constraint_evidence(doc: &Doc, c: &YearConstraint, span: Option<Span>) -> Evidence {
    match span {
        Some(s) => Evidence::at(c.rule, &doc.text, s, c.note.clone()),
        None => Evidence::note(c.rule, c.note.clone()),
    }
}

/// What the whole page says of the year of a year-less day: the same day written in full
/// elsewhere (a caption's "June 27, 2024" for a dateline's "June 27"), and the latest year the
/// page names at all — news speaks mostly of its own year, so among years that fit equally,
/// that one is the most probable.
fn text_year_constraints(
    all: &[crate::dates::Timex],
    month: u32,
    day: u32,
) -> Vec<(YearConstraint, Option<Span>)> {
    let mut out = Vec::new();
    if let Some(t) = all
        .iter()
        .find(|t| t.explicit_year && t.day.is_some_and(|d| d.month() == month && d.day() == day))
    {
        let d = t.day.expect("filtered above");
        out.push((
            YearConstraint {
                rule: "year.same-day",
                span: Some((t.start, t.end)),
                note: format!("the page writes the same day in full: \"{}\"", t.text),
                test: YearTest::Within(d, d),
            },
            Some(Span::new(t.start, t.end)),
        ));
    }
    let latest = all
        .iter()
        .filter(|t| t.explicit_year)
        .filter_map(|t| t.resolved.as_ref().and_then(Value::bounds))
        .map(|(first, _)| first.year())
        .filter(|&y| y >= EARLIEST_YEAR)
        .max();
    if let Some(y) = latest
        && let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(y, 1, 1),
            NaiveDate::from_ymd_opt(y, 12, 31),
        )
    {
        let t = all
            .iter()
            .find(|t| {
                t.explicit_year
                    && t.resolved
                        .as_ref()
                        .and_then(Value::bounds)
                        .is_some_and(|(f, _)| f.year() == y)
            })
            .expect("the year came from one of them");
        out.push((
            YearConstraint {
                rule: "year.latest-mention",
                span: Some((t.start, t.end)),
                note: format!("{y} is the latest year the page names (\"{}\")", t.text),
                test: YearTest::Within(first, last),
            },
            Some(Span::new(t.start, t.end)),
        ));
    }
    out
}

/// Every constraint the text gives on the year of its dateline, with spans in the doc's text.
fn year_constraints(
    kb: &Knowledge,
    paras: &[Para],
    dateline_para: usize,
    d: Option<&Dateline>,
    all: &AllDates,
) -> Vec<(YearConstraint, Option<Span>)> {
    let mut out: Vec<(YearConstraint, Option<Span>)> = Vec::new();
    let lead = &paras[dateline_para];

    // The weekday the lead names for the day: "MOSCOW, January 14 … said on Monday", or in
    // copy translated from Spanish or Portuguese, "stated this Wednesday". When the lead dates
    // no statement at all, the weekday of what happened ("BEIJING, Oct. 8 -- … on Monday met
    // with …"): wire copy most often reports the dateline's own day, so this is a prior that
    // decides only between years the facts leave equal.
    if let Some(d) = d {
        let rest = &lead.text[d.span.1..];
        let weekday = match lead_statement(rest, None).and_then(|st| st.timex) {
            Some(t) => matches!(t.rule, "weekday" | "this-weekday").then(|| {
                let note = format!(
                    "the lead dates its statement \"{}\", the day of the dateline",
                    t.text
                );
                (t, "year.weekday", note)
            }),
            None => find(rest, None)
                .into_iter()
                .find(|t| t.rule == "weekday" && !t.future)
                .map(|t| {
                    let note = format!(
                        "the lead dates what happened \"{}\", most often the dateline's own day",
                        t.text
                    );
                    (t, "year.event-weekday", note)
                }),
        };
        if let Some((t, rule, note)) = weekday
            && let Some(Value::Weekday(wd)) = t.resolved
        {
            let off = lead.start + d.span.1;
            let span = Some(Span::new(off + t.start, off + t.end));
            // Next to the dateline's own day, the day before is the statement's most common
            // day ("KATHMANDU, Aug 20 … on Monday": a Tuesday dateline): a prior that breaks
            // ties the facts leave, never outvoting the same day.
            if rule == "year.weekday" {
                out.push((
                    YearConstraint {
                        rule: "year.weekday-eve",
                        span: Some((t.start, t.end)),
                        note: format!(
                            "the lead dates its statement \"{}\", else most often the dateline's eve",
                            t.text
                        ),
                        test: YearTest::DayAfterWeekday(wd),
                    },
                    span,
                ));
            }
            out.push((
                YearConstraint {
                    rule,
                    span: Some((t.start, t.end)),
                    note,
                    test: YearTest::Weekday(wd),
                },
                span,
            ));
        }
    }

    // Years told as past or future.
    for p in paras {
        for c in mention_constraints(&all.find_part(p.start, p.text)) {
            let span = c.span.map(|(s, e)| Span::new(p.start + s, p.start + e));
            out.push((c, span));
        }
    }

    // Tenures of the office holders the text names in office. The people each paragraph
    // names are found once, for this rule and the next.
    let people: Vec<Vec<crate::knowledge::PersonMention>> =
        paras.iter().map(|p| kb.find_people(p.text)).collect();
    let mut seen_people = Vec::new();
    for (p, mentions) in paras.iter().zip(&people) {
        for m in mentions {
            if seen_people.contains(&m.person) {
                continue;
            }
            let Some((role, tenures)) = named_tenures(kb, p.text, m) else {
                continue;
            };
            let office = &kb.offices[role.office].id;
            let person = &kb.people[m.person];
            seen_people.push(m.person);
            let country_name = kb
                .country_by_code(&tenures[0].country)
                .map_or(tenures[0].country.clone(), |c| kb.countries[c].name.clone());
            let office_words = office.replace('-', " ");
            let ranges = tenure_ranges(tenures.iter().copied());
            let spans: Vec<String> = tenures.iter().map(|t| t.span_phrase()).collect();
            let verb = if tenures.iter().any(|t| t.end.is_none()) && tenures.len() == 1 {
                "has been"
            } else {
                "was"
            };
            let note = format!(
                "{} {verb} {country_name}'s {office_words} {}",
                person.name,
                spans.join(" and ")
            );
            let start = role.start.min(m.start);
            let end = role.end.max(m.end);
            let test = if ranges.len() == 1 {
                YearTest::Within(ranges[0].0, ranges[0].1)
            } else {
                YearTest::AnyOf(ranges)
            };
            out.push((
                YearConstraint {
                    rule: "year.tenure",
                    span: Some((start, end)),
                    note,
                    test,
                },
                Some(Span::new(p.start + start, p.start + end)),
            ));
        }
    }

    // The first known official the text names without an office ("Jorge Arreaza rejected
    // …"): news speaks of officials mostly while they serve, so the years of their offices
    // are a prior (`YearConstraint::weight`), not a fact; a former holder is passed over.
    // A person the text once calls former, acting or elect is out of the base's years for it.
    let outside_office: Vec<PersonId> = paras
        .iter()
        .zip(&people)
        .flat_map(|(p, mentions)| mentions.iter().map(move |m| (p, m)))
        .filter(|(p, m)| named_as_former(p.text, m))
        .map(|(_, m)| m.person)
        .collect();
    if let Some((p, m)) = paras
        .iter()
        .zip(&people)
        .flat_map(|(p, mentions)| mentions.iter().map(move |m| (p, m)))
        .find(|(p, m)| {
            m.role.is_none()
                && !m.surname_only
                && p.text[m.start..m.end].contains(' ')
                && !seen_people.contains(&m.person)
                && !outside_office.contains(&m.person)
        })
    {
        let person = &kb.people[m.person];
        let ranges = tenure_ranges(person.offices.iter());
        if !ranges.is_empty() {
            let spans: Vec<String> = person.offices.iter().map(|t| t.span_phrase()).collect();
            out.push((
                YearConstraint {
                    rule: "year.career",
                    span: Some((m.start, m.end)),
                    note: format!(
                        "{} held office {}; the text names them without a title",
                        person.name,
                        spans.join(" and ")
                    ),
                    test: YearTest::AnyOf(ranges),
                },
                Some(Span::new(p.start + m.start, p.start + m.end)),
            ));
        }
    }

    // Meetings the text names: told as past, future, or near.
    let mut seen_events = Vec::new();
    let mut seen_numbers = Vec::new();
    for p in paras {
        for m in kb.find_events(p.text) {
            // "the 15th BRICS summit": the number gives the meeting's year, listed or not.
            if m.candidates.len() != 1
                && let Some(numbering) = &kb.series[m.series].numbered
                && let Some(n) = ordinal_before(&p.text[..m.start])
                && let Some(year) = numbering.year_of(n)
                && !seen_numbers.contains(&(m.series, n))
                && let (Some(first), Some(last)) = (
                    NaiveDate::from_ymd_opt(year, 1, 1),
                    NaiveDate::from_ymd_opt(year, 12, 31),
                )
            {
                seen_numbers.push((m.series, n));
                // The lead that dates the story names the meeting: its day is of the
                // meeting's year. Elsewhere copy names a meeting by its number within a year
                // of it, before or after as its tense says.
                let year_span = Days::new(365);
                let (test, how) = if p.start == lead.start {
                    (
                        YearTest::Within(first, last),
                        "in the lead, so the lead's day is of that year",
                    )
                } else {
                    match tense_at(p.text, m.start, m.end) {
                        Tense::Future => (
                            YearTest::Within(first - year_span, last),
                            "as still to come, so the text is from within a year before it",
                        ),
                        Tense::Past => (
                            YearTest::Within(first, last + year_span),
                            "as past, so the text is from within a year after it",
                        ),
                        Tense::Unknown => (
                            YearTest::Within(first - year_span, last + year_span),
                            "without tense, so the text is from within a year of it",
                        ),
                    }
                };
                let name = &kb.series[m.series].name;
                let phrase_start = p.text[..m.start]
                    .rfind(|c: char| c.is_ascii_digit())
                    .map_or(m.start, |d| {
                        p.text[..=d]
                            .rfind(|c: char| !c.is_ascii_digit())
                            .map_or(0, |i| i + 1)
                    });
                out.push((
                    YearConstraint {
                        rule: "year.event-number",
                        span: Some((phrase_start, m.end)),
                        note: format!(
                            "meeting {n} of the {name} was held in {year}; the text speaks of it {how}"
                        ),
                        test,
                    },
                    Some(Span::new(p.start + phrase_start, p.start + m.end)),
                ));
                continue;
            }
            if m.candidates.len() != 1 || seen_events.contains(&m.candidates[0]) {
                continue;
            }
            let e = &kb.events[m.candidates[0]];
            seen_events.push(m.candidates[0]);
            let days = if e.last_day() == e.start {
                format!("on {}", e.start)
            } else {
                format!("from {} to {}", e.start, e.last_day())
            };
            // The lead that dates the story names this meeting, as with a numbered one: its
            // day is of the meeting's year ("On 13 July, the ministers held talks at the 56th
            // ASEAN Foreign Ministers' Meeting").
            let (test, how) = match tense_at(p.text, m.start, m.end) {
                _ if p.start == lead.start => (
                    YearTest::Within(
                        NaiveDate::from_ymd_opt(e.start.year(), 1, 1).unwrap_or(e.start),
                        NaiveDate::from_ymd_opt(e.last_day().year(), 12, 31)
                            .unwrap_or(e.last_day()),
                    ),
                    "in the lead, so the lead's day is of its year",
                ),
                Tense::Future => (
                    YearTest::OnOrBefore(e.last_day()),
                    "as still to come, so the text is from before it",
                ),
                Tense::Past => (
                    YearTest::OnOrAfter(e.start),
                    "as past, so the text is from after it began",
                ),
                Tense::Unknown => (
                    YearTest::Within(e.start - Days::new(365), e.last_day() + Days::new(365)),
                    "without tense, so the text is from within a year of it",
                ),
            };
            out.push((
                YearConstraint {
                    rule: "year.event",
                    span: Some((m.start, m.end)),
                    note: format!(
                        "the {} took place {days}; the text speaks of it {how}",
                        e.name
                    ),
                    test,
                },
                Some(Span::new(p.start + m.start, p.start + m.end)),
            ));
        }
    }
    // A prior breaks ties between years the facts leave; with no fact at all it would date
    // the text by itself.
    if !out.iter().any(|(c, _)| c.weight() > 1) {
        out.retain(|(c, _)| c.rule != "year.event-weekday");
    }
    out
}

/// "yesterday" or "tomorrow" (or "yesterday Tuesday,", "tomorrow, Thursday,", "Yesterday (")
/// right before a date the text ends at: the word, and the days from that date to the text's
/// own (1 after a yesterday, -1 before a tomorrow).
fn called_relative(before: &str) -> Option<(&str, i64)> {
    let t = before.trim_end_matches([' ', ',', '(']);
    // A weekday may stand between the word and the date.
    let t = match t.rsplit_once(' ') {
        Some((head, last)) if last.len() > 5 && last.parse::<chrono::Weekday>().is_ok() => {
            head.trim_end_matches([' ', ','])
        }
        _ => t,
    };
    let word = t.rsplit(|c: char| !c.is_alphabetic()).next()?;
    if word.eq_ignore_ascii_case("yesterday") {
        Some((word, 1))
    } else if word.eq_ignore_ascii_case("tomorrow") {
        Some((word, -1))
    } else {
        None
    }
}

/// The number of the meeting a series' name follows: "the 19th" in "the 19th National
/// Congress", "78th session of the" in "78th session of the UN General Assembly", "47th
/// regular" in "47th regular Meeting of …".
fn ordinal_before(head: &str) -> Option<u32> {
    let mut h = head.trim_end();
    for filler in [
        "of the", "of", "session", "meeting", "regular", "ordinary", "annual",
    ] {
        let cut = h.len().saturating_sub(filler.len());
        if h.is_char_boundary(cut)
            && h[cut..].eq_ignore_ascii_case(filler)
            && h[..cut].ends_with(' ')
        {
            h = h[..cut].trim_end();
        }
    }
    let word_start = h.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + 1);
    let word = &h[word_start..];
    let digits = word.trim_end_matches(char::is_alphabetic);
    let suffix = &word[digits.len()..];
    if digits.is_empty() || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|&n| (1..=500).contains(&n))
}

/// The earliest day a page's metadata may give: before it, a date is a placeholder.
const EARLIEST_PAGE_DAY: NaiveDate = NaiveDate::from_ymd_opt(1994, 1, 1).expect("a real day");

fn plausible_page_day(day: NaiveDate, today: &Today) -> bool {
    EARLIEST_PAGE_DAY <= day && today.admits(day)
}

/// A saved page's publication day from its markup (JSON-LD, `<meta>`, `<time>`) and the date
/// it prints beside its headline, then from the path of its canonical address. The most
/// trusted carrier wins unless the page's printed date says otherwise: a reader takes the
/// day the page shows, so a printed date that the markup also gives (as an issue or update
/// day), or that lies a day from the markup's (another time zone), is preferred. The others,
/// and every update date, go into the evidence with the reason they lost.
fn page_publication(doc: &Doc, today: &Today) -> Option<Inferred<NaiveDate>> {
    let page = doc.page.as_deref()?;
    let shown = page
        .shown
        .as_ref()
        .filter(|s| !s.modified && plausible_page_day(s.day, today));
    let Some(best) = page
        .dates
        .iter()
        .find(|d| !d.modified && plausible_page_day(d.day, today))
    else {
        if let Some(s) = shown {
            return Some(Inferred::known(
                s.day,
                0.8,
                vec![Evidence::quoting(
                    "date.page-shown",
                    &s.raw,
                    format!(
                        "the page prints {} beside its headline and its markup gives no publication date",
                        s.day
                    ),
                )],
            ));
        }
        // No dated markup: the page's address may carry the day.
        let url = page.urls.first()?;
        let (day, _, _) = path_date(&url.value, today)?;
        return Some(Inferred::known(
            day,
            0.85,
            vec![Evidence::quoting(
                "date.page-url",
                &url.value,
                format!(
                    "the page's address ({}) carries the day {day} in its path",
                    url.from
                ),
            )],
        ));
    };
    let shown = shown.filter(|s| s.day != best.day);
    let confirmed = shown.and_then(|s| page.dates.iter().find(|d| d.day == s.day));
    let (day, mut evidence, confidence) = match shown {
        Some(s) if let Some(confirms) = confirmed => (
            s.day,
            vec![Evidence::quoting(
                "date.page-shown",
                &s.raw,
                format!(
                    "the page prints {} beside its headline, and its {} gives the same day",
                    s.day, confirms.from
                ),
            )],
            0.85,
        ),
        Some(s) if zone_apart(&best.raw, (s.day - best.day).num_days()) => (
            s.day,
            vec![Evidence::quoting(
                "date.page-shown",
                &s.raw,
                format!(
                    "the page prints {} beside its headline; its {} gives a time a day apart, \
                     in another time zone than the publisher's",
                    s.day, best.from
                ),
            )],
            0.8,
        ),
        // A bare day in the markup (no time: often typed by hand, or another date of the
        // page's) or a date read from visible text is weaker than the date printed by the
        // headline; so is any date against one the page labels as its publication's.
        Some(s) if !has_time(&best.raw) || best.weight < 70 || s.weight > 80 => (
            s.day,
            vec![Evidence::quoting(
                "date.page-shown",
                &s.raw,
                format!(
                    "the page prints {} beside its headline; its {} gives {}, {}",
                    s.day,
                    best.from,
                    best.raw,
                    if s.weight > 80 {
                        "but the page labels the printed date as the publication's"
                    } else if !has_time(&best.raw) {
                        "a day without a time, weaker than the printed date"
                    } else {
                        "read from less trusted markup than the printed date"
                    }
                ),
            )],
            0.75,
        ),
        _ => {
            let (day, from) = match local_twin(best, &page.dates) {
                Some(twin) => (twin.day, twin.from.as_ref()),
                None => (best.day, best.from.as_ref()),
            };
            let note = if day == best.day {
                format!(
                    "the page's {} gives the publication day {}",
                    best.from, best.day
                )
            } else {
                format!(
                    "the page's {} gives the publication time in UTC; {from} gives the same \
                     moment in the publisher's time zone, on {day}",
                    best.from
                )
            };
            (
                day,
                vec![Evidence::quoting("date.page-published", &best.raw, note)],
                (f32::from(best.weight) / 100.0).clamp(0.4, 0.97),
            )
        }
    };
    let passed = page.dates.iter().chain(page.shown.as_ref());
    for other in passed.filter(|d| d.day != day) {
        let why = if !plausible_page_day(other.day, today) {
            "not a plausible publication day (before the web's news pages, or after today)"
                .to_string()
        } else if other.modified {
            "the day of an update, not of the first publication".to_string()
        } else if day != best.day {
            "the page prints another day beside its headline".to_string()
        } else {
            format!("{} is trusted more", best.from)
        };
        evidence.push(Evidence::quoting(
            "date.page-passed-over",
            &other.raw,
            format!("{} gives {}: passed over, {why}", other.from, other.day),
        ));
    }
    Some(Inferred::known(day, confidence, evidence))
}

/// Whether a machine-readable date carries a time of day (`2023-11-09T01:09:55`): a bare
/// day is more often typed by hand, or another date of the page's.
fn has_time(raw: &str) -> bool {
    raw.len() > 10 && raw.contains(':')
}

/// Whether a UTC timestamp (`2023-11-09T01:09:55Z`) falls on the publisher's calendar day
/// `days` away (−1 or +1) in some time zone (UTC−12 to UTC+14): 01:09 UTC is still the day
/// before in the Americas, 23:01 UTC already the next day in Europe.
fn zone_apart(raw: &str, days: i64) -> bool {
    if !in_utc(raw) {
        return false;
    }
    let Some(hour) = raw
        .find('T')
        .and_then(|i| raw.get(i + 1..i + 3))
        .and_then(|h| h.parse::<u32>().ok())
    else {
        return false;
    };
    match days {
        -1 => hour < 12,
        1 => hour >= 10,
        _ => false,
    }
}

/// Whether a timestamp is in UTC (`Z`, `+00:00`, `GMT`) rather than a local time.
fn in_utc(raw: &str) -> bool {
    let r = raw.trim();
    r.ends_with('Z') || r.ends_with("+00:00") || r.ends_with("+0000") || r.ends_with("GMT")
}

/// Another publication carrier giving the same moment as a UTC timestamp, in a local time a
/// day apart (`2023-11-09T01:09:55Z` and `2023-11-08 18:09:55`): the publisher's calendar day.
/// The same minutes and seconds make it the same moment, not another date.
fn local_twin<'a>(best: &MetaDate, dates: &'a [MetaDate]) -> Option<&'a MetaDate> {
    if !in_utc(&best.raw) {
        return None;
    }
    // ":MM:SS" after the hour of the time.
    let t = best.raw.find(['T', ' ']).map(|i| &best.raw[i + 1..])?;
    let want = t
        .get(2..8)
        .filter(|mmss| mmss.starts_with(':') && mmss.as_bytes()[3] == b':')?;
    dates.iter().find(|d| {
        !d.modified
            && !in_utc(&d.raw)
            && (d.day - best.day).num_days().abs() == 1
            && d.raw.contains(want)
    })
}

/// A page whose markup or printed date gives only an update day, and whose text gives no
/// date: the update day, with low confidence.
fn page_update(doc: &Doc, today: &Today) -> Option<Inferred<NaiveDate>> {
    let page = doc.page.as_deref()?;
    // The markup's update dates by trust, then one the page prints beside its headline.
    let d = page
        .dates
        .iter()
        .chain(page.shown.as_ref())
        .find(|d| d.modified && plausible_page_day(d.day, today))?;
    Some(Inferred::known(
        d.day,
        0.5,
        vec![Evidence::quoting(
            "date.page-updated",
            &d.raw,
            format!(
                "only the page's {} dates it, and it dates an update: the story may be older",
                d.from
            ),
        )],
    ))
}

/// A day written in a URL line's path: `/2023/05/31/`, `/2023-05-31-`, `t20230531_`.
fn url_date(doc: &Doc, today: &Today) -> Option<(NaiveDate, Span)> {
    for m in doc.meta.iter().filter(|m| m.kind == MetaKind::Url) {
        let line = doc.slice(m.span);
        let Some(url) = crate::clean::url_in(line) else {
            continue;
        };
        let offset = line.find(url).unwrap_or(0);
        if let Some((day, s, e)) = path_date(url, today) {
            let start = m.span.start + offset + s;
            let end = m.span.start + offset + e;
            return Some((day, Span::new(start, end.min(m.span.end))));
        }
    }
    None
}

/// The day in a URL's path, with the byte range of its digits in `url`.
pub fn path_date(url: &str, today: &Today) -> Option<(NaiveDate, usize, usize)> {
    static PATH_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:^|[^\d])((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:$|[/_.-])",
        )
        .expect("valid path date pattern")
    });
    static LOOSE_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/")
            .expect("valid loose path date pattern")
    });
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path_start = url[path_start..]
        .find('/')
        .map_or(url.len(), |i| path_start + i);
    let path = &url[path_start..];
    for re in [&*PATH_DATE, &*LOOSE_DATE] {
        for c in re.captures_iter(path) {
            let n = |i: usize| c.get(i).and_then(|g| g.as_str().parse::<u32>().ok());
            let (Some(y), Some(mo), Some(d)) = (n(1), n(2), n(3)) else {
                continue;
            };
            if let Some(day) = NaiveDate::from_ymd_opt(y as i32, mo, d).filter(|&x| today.admits(x))
            {
                let g = c.get(1).expect("matched");
                let whole = c.get(0).expect("matched");
                return Some((day, path_start + g.start(), path_start + whole.end()));
            }
        }
    }
    None
}

/// The first full date (day, month and year) in the opening of the page: the headline, the
/// lines around it and the first paragraphs — not the page's foot, where related stories and
/// copyright years stand.
fn opening_date<'a>(
    doc: &Doc,
    all: &'a [crate::dates::Timex],
    opening: Opening,
    today: &Today,
) -> Option<&'a crate::dates::Timex> {
    let reach = opening.body_from.max(opening.title.map_or(0, |t| t.end)) + 1200;
    // A photo's caption dates the picture, not the page.
    // Read on the text's own line: a repeated caption is no block of its own.
    let in_caption = |at: usize| {
        let line_start = doc.text[..at].rfind('\n').map_or(0, |i| i + 1);
        crate::clean::is_photo_caption(&doc.text[line_start..at])
    };
    // A date a quotation gives is of what the speaker speaks of ("the order issued on
    // December 1, 2023"); a page prints its own outside quotation marks.
    let in_quote = |at: usize| {
        doc.blocks
            .iter()
            .find(|b| b.span.start <= at && at < b.span.end)
            .is_some_and(|b| {
                let offset = at - b.span.start;
                crate::infer::quote_spans(doc.slice(b.span))
                    .iter()
                    .any(|&(s, e)| s <= offset && offset < e)
            })
    };
    // The caption and the quotation are read only for a full date; today is asked only of a
    // date outside them (what it is asked is kept with the article: `Today`).
    all.iter().find(|t| {
        t.start < reach.min(doc.text.len())
            && t.explicit_year
            // A date the text calls tomorrow is the day after its own.
            && (!t.future || called_relative(&doc.text[..t.start]).is_some_and(|(_, d)| d < 0))
            && t.day.is_some()
            && !in_caption(t.start)
            && !in_quote(t.start)
            && t.day
                .is_some_and(|d| today.admits(d) && d.year() >= EARLIEST_YEAR)
            && t.rule != "range-start"
    })
}

/// The paragraph that leads: the dateline's, else the first that does not open with a quote.
/// The statement's day from a year-less day in the lead ("On the afternoon of 13 April",
/// "On 20 August"), its year inferred as a year-less dateline's is: the office holders the
/// text names, past and future mentions, the same day written in full, the latest year the
/// page names. Only when the page gives no date at all.
fn lead_day(
    doc: &Doc,
    kb: &Knowledge,
    paras: &[Para],
    dateline_para: Option<usize>,
    all: &AllDates,
    period: Option<(i32, i32)>,
    today: &Today,
) -> Option<Inferred<NaiveDate>> {
    let lead = lead_index(paras, dateline_para)?;
    let (pi, timexes, k) = opening_window(paras, lead).find_map(|i| {
        let timexes = find(paras[i].text, None);
        let k = timexes
            .iter()
            .position(|t| !t.explicit_year && matches!(t.resolved, Some(Value::MonthDay(..))))?;
        Some((i, timexes, k))
    })?;
    let t = &timexes[k];
    let Some(Value::MonthDay(month, day)) = t.resolved else {
        return None;
    };
    // The weekday written with the day: "Saturday, June 7", "on Saturday (June 7)".
    let named_weekday = weekday_beside(paras[pi].text, &timexes, t);
    let extra = named_weekday
        .map(|(wd, ws, we)| {
            (
                YearConstraint {
                    rule: "year.weekday",
                    span: Some((ws, we)),
                    note: format!(
                        "the lead names the day's weekday, \"{}\"",
                        &paras[pi].text[ws..we]
                    ),
                    test: YearTest::Weekday(wd),
                },
                Some(Span::new(paras[pi].start + ws, paras[pi].start + we)),
            )
        })
        .into_iter()
        .collect();
    let (constraints, choice) =
        year_of_day(kb, paras, pi, None, all, (month, day), extra, period, today);
    if constraints.is_empty() {
        return None;
    }
    // Without a page date to anchor it, only a year the text pins down, or the latest its
    // weekday fits (one year in five or six; news is mostly of recent years), at the low
    // confidence the rivals leave, named in the evidence. "The latest of every year a tenure
    // spans" would be a guess.
    // A prior the weekday outvotes ("2000" named as the year of an old accord) does not
    // unpin it; a fact it outvotes (a tenure) does.
    let violates_a_fact = choice
        .violated
        .iter()
        .any(|&i| constraints[i].0.weight() > 1);
    let pinned = choice.candidates.len() == 1 || named_weekday.is_some() && !violates_a_fact;
    let year = choice.year.filter(|_| pinned)?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let span = Span::new(paras[pi].start + t.start, paras[pi].start + t.end);
    let mut evidence = vec![Evidence::at(
        "date.lead-day",
        &doc.text,
        span,
        format!(
            "the page gives no date; the lead's event is dated \"{}\" without a year",
            t.text
        ),
    )];
    for &i in &choice.satisfied {
        let (c, span) = &constraints[i];
        evidence.push(constraint_evidence(doc, c, *span));
    }
    let note = if choice.candidates.len() == 1 {
        format!("{year} is the only year that fits these constraints")
    } else {
        let others: Vec<String> = choice
            .candidates
            .iter()
            .filter(|&&y| y != year)
            .map(|y| y.to_string())
            .collect();
        let how = if choice.candidates.last() == Some(&year) {
            "the latest year that fits"
        } else {
            "the year that fits nearest the latest one the page names"
        };
        format!("{year} is {how}; {} fit as well", others.join(" and "))
    };
    evidence.push(Evidence::note("year.choice", note));
    Some(Inferred::known(date, choice.confidence * 0.8, evidence))
}

/// The weekday written with a day: in the same expression ("Saturday, June 7") or right
/// beside it ("Saturday (June 7)", "7 June, Saturday"), among the paragraph's `timexes`: its
/// number (1 = Monday) and its bytes in `text`.
fn weekday_beside(
    text: &str,
    timexes: &[crate::dates::Timex],
    day: &crate::dates::Timex,
) -> Option<(u32, usize, usize)> {
    if let Some(wd) = day.weekday {
        return Some((wd, day.start, day.end));
    }
    timexes.iter().find_map(|w| {
        let Some(Value::Weekday(wd)) = w.resolved else {
            return None;
        };
        let between = if w.end <= day.start {
            &text[w.end..day.start]
        } else if day.end <= w.start {
            &text[day.end..w.start]
        } else {
            return None;
        };
        (between.len() <= 3 && between.chars().all(|c| matches!(c, ' ' | ',' | '(' | ')')))
            .then_some((wd, w.start, w.end))
    })
}

/// Whether paragraph `i` is a transcript's turn, opened by its speaker's label ("MODERATOR:");
/// "ISLAMABAD: …" opens with a dateline instead.
fn is_labelled_turn(paras: &[Para], i: usize, dateline_para: Option<usize>) -> bool {
    Some(i) != dateline_para
        && (super::names::opens_with_speaker_label(paras[i].text)
            || super::names::opens_with_name_label(paras[i].text))
}

/// Whether a line gives an hour and minutes ("10:22", "14h25").
fn has_clock_time(line: &str) -> bool {
    let b = line.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        matches!(b[i], b':' | b'h')
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b.get(i + 3).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// How many paragraphs past the opening a dated statement is looked for when the lead's has no
/// day.
const LATER_STATEMENT_PARAS: usize = 4;

fn lead_index(paras: &[Para], dateline_para: Option<usize>) -> Option<usize> {
    let quoted = |p: &Para| p.text.trim_start().starts_with(['"', '\u{201c}', '«']);
    dateline_para
        // A few words are a widget or a label left on the page, not the lead.
        .or_else(|| {
            let first = paras.iter().position(|p| !quoted(p) && is_prose(p.text))?;
            Some(repeated_teaser(paras, first).unwrap_or(first))
        })
        .or_else(|| paras.iter().position(|p| !quoted(p)))
        .or(if paras.is_empty() { None } else { Some(0) })
}

/// The story's own lead when the paragraph at `first` is its teaser: the page's summary of
/// the story, cut after some words, above other headlines, and the story then opening with
/// the same words a few paragraphs on. The story's paragraphs carry what the teaser cut off.
fn repeated_teaser(paras: &[Para], first: usize) -> Option<usize> {
    const SAME: usize = 60;
    let head = paras[first].text.trim();
    let head = &head[..crate::knowledge::floor_char(head, SAME.min(head.len()))];
    if head.len() < SAME {
        return None;
    }
    (first + 1..paras.len())
        .take(10)
        .find(|&i| paras[i].text.trim_start().starts_with(head))
}

/// A paragraph of running prose: eight words or more. A byline or a widget's label
/// ("Article written by", "Reading time : 1 min.") is not.
fn is_prose(text: &str) -> bool {
    text.split_whitespace().nth(7).is_some()
}

/// The lead and the paragraph of prose after it: where the opening's statement is dated.
/// Furniture between them (a byline, "Reading time : 1 min.") is passed over.
fn opening_window(paras: &[Para], lead: usize) -> impl Iterator<Item = usize> + use<> {
    let next = (lead + 1..paras.len())
        .take(4)
        .find(|&i| is_prose(paras[i].text))
        .or((lead + 1 < paras.len()).then_some(lead + 1));
    std::iter::once(lead).chain(next)
}

fn statement(
    doc: &Doc,
    kb: &Knowledge,
    paras: &[Para],
    dateline_para: Option<usize>,
    published: &Inferred<NaiveDate>,
    opening: Opening,
    today: &Today,
) -> Inferred<NaiveDate> {
    let anchor = published.value;
    let lead = lead_index(paras, dateline_para);
    // The first attributed statement in the lead (or the paragraph after it).
    let found = lead
        .into_iter()
        .flat_map(|i| opening_window(paras, i))
        .filter(|&i| !is_labelled_turn(paras, i, dateline_para))
        .find_map(|i| {
            let p = &paras[i];
            let skip = if Some(i) == dateline_para {
                parse_dateline(p.text).map_or(0, |d| d.span.1)
            } else {
                0
            };
            lead_statement(&p.text[skip..], anchor).map(|s| (p.start + skip, s))
        });

    if let Some((off, st)) = &found
        && let Some(t) = &st.timex
    {
        let span = Span::new(off + t.start, off + t.end);
        let verb = Span::new(off + st.verb.0, off + st.verb.1);
        if let (Some(day), Some(anchor)) = (t.day, anchor)
            && today.admits(day)
            && day <= anchor
        {
            let how = match t.rule {
                "weekday" => format!(
                    "the latest {} on or before the publication date {anchor}",
                    weekday_name(day)
                ),
                "last-weekday" => format!(
                    "the {} before the publication date {anchor}",
                    weekday_name(day)
                ),
                _ => format!("resolved against the publication date {anchor}"),
            };
            return Inferred::known(
                day,
                confidence_of(t.rule) * (published.confidence / 0.95).min(1.0),
                vec![Evidence::at(
                    rule_note(t.rule),
                    &doc.text,
                    span,
                    format!(
                        "the lead's statement (\"{}\") is dated \"{}\": {day}, {how}",
                        doc.slice(verb),
                        t.text
                    ),
                )],
            );
        }
        // "on Wednesday, July 19" after a publication day that was only the opening's first
        // full date (a letter "dated July 14, 2023" the story cites): a day whose weekday the
        // text confirms outweighs that guess, so the statement keeps its own day.
        if let (Some(day), Some(anchor), Some(wd)) = (t.day, anchor, t.weekday)
            && day > anchor
            && day.weekday().number_from_monday() == wd
            && today.admits(day)
            && published
                .evidence
                .first()
                .is_some_and(|e| e.rule == "date.opening")
        {
            return Inferred::known(
                day,
                0.6,
                vec![Evidence::at(
                    "date.explicit-weekday",
                    &doc.text,
                    span,
                    format!(
                        "the lead's statement (\"{}\") is dated \"{}\": {day}, its weekday as written; later than {anchor}, the opening's first full date, which is no page date",
                        doc.slice(verb),
                        t.text
                    ),
                )],
            );
        }
        if let Some(day) = t.day.filter(|_| t.explicit_year && anchor.is_none())
            && today.admits(day)
        {
            return Inferred::known(
                day,
                0.9,
                vec![Evidence::at(
                    "date.explicit",
                    &doc.text,
                    span,
                    format!("the lead's statement is dated {day}"),
                )],
            );
        }
        if anchor.is_none()
            && let Some(Value::Weekday(wd)) = t.resolved
            && let Some(fact) = weekday_in_event(doc, kb, paras, lead.unwrap_or(0), wd, span, today)
        {
            return fact;
        }
    }

    // The headline's own day: "Regular Press Conference on May 31, 2023", "Briefing (April 14,
    // 2015)" — what the page reports happened that day.
    if let Some(title) = opening.title
        && let Some(t) = find(doc.slice(title), anchor)
            .into_iter()
            .find(|t| t.explicit_year && t.day.is_some_and(|d| today.admits(d)))
    {
        let day = t.day.expect("filtered above");
        if anchor.is_none_or(|a| day <= a && (a - day).num_days() <= 31) {
            return Inferred::known(
                day,
                0.85,
                vec![Evidence::at(
                    "date.headline",
                    &doc.text,
                    Span::new(title.start + t.start, title.start + t.end),
                    format!("the headline dates what it reports: {day}"),
                )],
            );
        }
    }

    // No page date and no dated statement, but the opening's weekday ("on Saturday, held
    // talks") at a meeting the text names: that meeting's day.
    if anchor.is_none()
        && let Some(l) = lead
    {
        for i in opening_window(paras, l) {
            let p = &paras[i];
            if is_labelled_turn(paras, i, dateline_para) {
                continue;
            }
            let weekday = find(p.text, None)
                .into_iter()
                .find_map(|t| match t.resolved {
                    Some(Value::Weekday(wd)) if t.rule == "weekday" && !t.future => {
                        Some((wd, Span::new(p.start + t.start, p.start + t.end)))
                    }
                    _ => None,
                });
            if let Some((wd, span)) = weekday
                && let Some(fact) = weekday_in_event(doc, kb, paras, l, wd, span, today)
            {
                return fact;
            }
        }
    }

    // No verb of saying dates the lead: the first day the opening names for what happened
    // ("held talks on Monday", "began talks here on Thursday", "made the remarks … on
    // Wednesday"), resolved against the publication date.
    if let Some(anchor) = anchor {
        for i in lead.into_iter().flat_map(|l| opening_window(paras, l)) {
            let p = &paras[i];
            // A transcript's question or answer speaks of other days' events.
            if is_labelled_turn(paras, i, dateline_para) {
                continue;
            }
            // The dateline's own day is the publication's, not the event's.
            let skip = if Some(i) == dateline_para {
                parse_dateline(p.text).map_or(0, |d| d.span.1)
            } else {
                0
            };
            let timexes = find(p.text, Some(anchor));
            let found = timexes.iter().find(|t| {
                t.start >= skip
                    && !t.future
                    && matches!(
                        t.rule,
                        "weekday"
                            | "last-weekday"
                            | "deictic"
                            | "day-before"
                            | "day-month"
                            | "month-day"
                    )
                    && t.day
                        .is_some_and(|d| d <= anchor && (anchor - d).num_days() <= 7)
            });
            if let Some(t) = found {
                // "on Thursday (August 10)": the day written beside the weekday.
                let t = crate::dates::day_beside_weekday(p.text, &timexes, t, anchor).unwrap_or(t);
                let day = t.day.expect("filtered above");
                return Inferred::known(
                    day,
                    0.7 * (published.confidence / 0.95).min(1.0),
                    vec![Evidence::at(
                        "date.lead-event",
                        &doc.text,
                        Span::new(p.start + t.start, p.start + t.end),
                        format!(
                            "no verb of saying is dated; the opening dates what happened \"{}\": {day}, against the publication date {anchor}",
                            t.text
                        ),
                    )],
                );
            }
        }
    }

    // The lead's statement carries no day ("X says that …"), but the story goes on to date
    // what was said ("…, Jeremic said in Cacak late on Wednesday."): the first dated statement
    // a little further into the story.
    if let Some(anchor) = anchor
        && let Some(lead) = lead
    {
        let from = opening_window(paras, lead).last().map_or(lead, |l| l + 1);
        for i in (from..paras.len()).take(LATER_STATEMENT_PARAS) {
            let p = &paras[i];
            if is_labelled_turn(paras, i, dateline_para) {
                continue;
            }
            let Some(st) = lead_statement(p.text, Some(anchor)) else {
                continue;
            };
            let Some(t) = st.timex.filter(|t| {
                !t.future
                    && matches!(t.rule, "weekday" | "last-weekday" | "deictic")
                    && t.day
                        .is_some_and(|d| d <= anchor && (anchor - d).num_days() <= 7)
            }) else {
                continue;
            };
            let day = t.day.expect("filtered above");
            return Inferred::known(
                day,
                0.6 * (published.confidence / 0.95).min(1.0),
                vec![Evidence::at(
                    "date.later-statement",
                    &doc.text,
                    Span::new(p.start + t.start, p.start + t.end),
                    format!(
                        "the lead dates no statement; the story's first dated one (\"{}\") is dated \"{}\": {day}, against the publication date {anchor}",
                        &p.text[st.verb.0..st.verb.1],
                        t.text
                    ),
                )],
            );
        }
    }

    match anchor {
        Some(day) => {
            let mut evidence = vec![Evidence::note(
                "date.fallback-published",
                "the lead dates no statement, so the publication date stands for it",
            )];
            evidence.extend(published.evidence.iter().take(1).cloned());
            Inferred::known(day, 0.5, evidence)
        }
        None => Inferred::unknown(vec![Evidence::note(
            "date.no-statement-date",
            "neither the lead nor a publication date dates the statement",
        )]),
    }
}

/// Whether the sentence up to byte `at` of `text` puts what is named there still to come
/// ("he planned to convene a meeting at …", "ahead of …"). What follows the name is not asked:
/// "at the meeting in Nagoya, Lavrov said the United States plans to deploy …" speaks of
/// other plans.
fn speaks_of_the_future(text: &str, at: usize) -> bool {
    let from = text[..at].rfind(". ").map_or(0, |i| i + 2);
    let before = text[from..at].to_lowercase();
    [
        "will ",
        "planned to",
        "plans to",
        "next ",
        "upcoming",
        "to be held",
        "ahead of",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// The one day with weekday `wd` inside a meeting the opening paragraphs name.
fn weekday_in_event(
    doc: &Doc,
    kb: &Knowledge,
    paras: &[Para],
    lead: usize,
    wd: u32,
    span: Span,
    today: &Today,
) -> Option<Inferred<NaiveDate>> {
    let mut days: Vec<(NaiveDate, usize, Span)> = Vec::new();
    // A series named without its year ("the Munich Security Conference") has an instance a
    // year; the officials the text names, in office together only one of those years, pick it.
    let mut by_tenure = false;
    for p in paras.iter().skip(lead).take(4) {
        for m in kb.find_events(p.text) {
            // "He planned to convene a meeting at the General Assembly this month": a meeting
            // still to come is not where the statement was made.
            if speaks_of_the_future(p.text, m.start) {
                continue;
            }
            by_tenure |= m.candidates.len() > 3;
            for &e in &m.candidates {
                let ev = &kb.events[e];
                let mut d = ev.start;
                while d <= ev.last_day() && today.admits(d) {
                    if d.weekday().number_from_monday() == wd && !days.iter().any(|x| x.0 == d) {
                        days.push((d, e, Span::new(p.start + m.start, p.start + m.end)));
                    }
                    d = d.succ_opt()?;
                }
            }
        }
    }
    if by_tenure && days.len() > 1 {
        days.retain(|&(d, ..)| {
            let checks = tenure_checks(doc, kb, d);
            checks.conflicts.is_empty() && checks.agreeing.len() >= 2
        });
    }
    if days.len() != 1 {
        return None;
    }
    let (day, e, espan) = days[0];
    let ev = &kb.events[e];
    let checks = tenure_checks(doc, kb, day);
    let confidence = if checks.conflicts.is_empty() {
        0.75 + 0.05 * checks.agreeing.len().min(2) as f32
    } else {
        0.4
    };
    let mut fact = Inferred::known(
        day,
        confidence,
        vec![
            Evidence::at(
                "date.weekday-in-event",
                &doc.text,
                span,
                format!(
                    "the statement is dated \"{}\" and the text places it at a meeting",
                    doc.slice(span)
                ),
            ),
            Evidence::at(
                "date.event",
                &doc.text,
                espan,
                format!(
                    "the {} ran from {} to {}; its only {} was {day}",
                    ev.name,
                    ev.start,
                    ev.last_day(),
                    weekday_name(day)
                ),
            ),
        ],
    );
    fact.evidence.extend(checks.agreeing);
    fact.evidence.extend(checks.undecided);
    fact.evidence.extend(checks.conflicts);
    Some(fact)
}

/// The tenures of the office a text gives a person at mention `m` ("Japanese Foreign Minister
/// Taro Kono"): none for a former holder ("former foreign minister") or an office the person
/// never held.
fn named_tenures<'k, 'm>(
    kb: &'k Knowledge,
    text: &str,
    m: &'m crate::knowledge::PersonMention,
) -> Option<(&'m crate::knowledge::RoleMention, Vec<&'k Tenure>)> {
    let role = m.role.as_ref()?;
    let before =
        &text[crate::knowledge::floor_char(text, role.start.saturating_sub(10))..role.start];
    if before.contains("former") || before.contains("ex-") {
        return None;
    }
    // An acting or interim holder is not the holder the base lists: their time in office lies
    // outside the tenure. The qualifier stands among the capitalised words of the title before
    // the office's phrase ("Acting Japanese Foreign Ministry Press Secretary"). (A designate
    // needs no rule: "Minister-designate X" does not tie the name to the office at all.)
    const ACTING: &[&str] = &["acting", "interim", "caretaker"];
    let acting = text[..role.start]
        .split_whitespace()
        .rev()
        .take(5)
        .take_while(|w| {
            w.starts_with(char::is_uppercase) && !w.ends_with([',', '.', ';', ':'])
                || ACTING.contains(&w.to_ascii_lowercase().as_str())
        })
        .any(|w| ACTING.contains(&w.to_ascii_lowercase().as_str()));
    if acting {
        return None;
    }
    let office = &kb.offices[role.office].id;
    let country = role.country.map(|c| kb.countries[c].code.as_str());
    let tenures: Vec<_> = kb.people[m.person]
        .offices
        .iter()
        .filter(|t| &t.office == office && country.is_none_or(|c| c == t.country))
        .collect();
    (!tenures.is_empty()).then_some((role, tenures))
}

/// The days each tenure may cover, a tenure still held running on without end. The loose
/// span: a boundary known only to the month or year, or only between two days, must not
/// exclude a true year.
fn tenure_ranges<'a>(tenures: impl Iterator<Item = &'a Tenure>) -> Vec<(NaiveDate, NaiveDate)> {
    let far = NaiveDate::from_ymd_opt(9999, 12, 31).expect("valid");
    tenures
        .map(|t| {
            let (start, end) = t.loose_span();
            (start, end.unwrap_or(far))
        })
        .collect()
}

/// Whether the words just before a person's name put them outside the office the base dates:
/// a past holder ("former", "ex-", "the late"), or one not yet or not fully in it ("acting",
/// "interim", "President-elect").
fn named_as_former(text: &str, m: &crate::knowledge::PersonMention) -> bool {
    let before = &text[crate::knowledge::floor_char(text, m.start.saturating_sub(30))..m.start];
    let before = before.to_ascii_lowercase();
    // Not in the office the base dates either: before it ("Acting Foreign Minister",
    // "President-elect", "Minister-designate") or standing in for someone ("interim").
    const OUTSIDE: &[&str] = &[
        "former",
        "ex-",
        "late ",
        "acting ",
        "interim ",
        "caretaker ",
        "-elect",
        "designate",
    ];
    OUTSIDE.iter().any(|w| before.contains(w))
}

/// Office holders the text names with their office ("Japanese Foreign Minister Toshimitsu
/// Motegi"), checked against `day`.
struct TenureChecks {
    /// Tenures that certainly include the day.
    agreeing: Vec<Evidence>,
    /// Tenures whose boundary, known only to the month or year or between two days, may or may
    /// not include it: shown, but neither for nor against the day.
    undecided: Vec<Evidence>,
    /// Tenures that cannot include it, however their boundaries resolve.
    conflicts: Vec<Evidence>,
}

fn tenure_checks(doc: &Doc, kb: &Knowledge, day: NaiveDate) -> TenureChecks {
    let mut checks = TenureChecks {
        agreeing: Vec::new(),
        undecided: Vec::new(),
        conflicts: Vec::new(),
    };
    let mut seen = Vec::new();
    for m in kb.find_people(&doc.text) {
        if seen.contains(&m.person) {
            continue;
        }
        let Some((role, tenures)) = named_tenures(kb, &doc.text, &m) else {
            continue;
        };
        let person = &kb.people[m.person];
        let office = &kb.offices[role.office].id;
        seen.push(m.person);
        let span = Span::new(role.start.min(m.start), role.end.max(m.end));
        let words = office.replace('-', " ");
        let until = |t: &Tenure| t.end.map_or_else(|| "today".to_string(), |e| e.phrase());
        if let Some(t) = tenures
            .iter()
            .find(|t| t.coverage(day) == Coverage::Certain)
        {
            checks.agreeing.push(Evidence::at(
                "date.tenure-agrees",
                &doc.text,
                span,
                format!(
                    "{} was {words} from {} to {}, which includes {day}",
                    person.name,
                    t.start.phrase(),
                    until(t)
                ),
            ));
        } else if let Some(t) = tenures
            .iter()
            .find(|t| t.coverage(day) == Coverage::Possible)
        {
            checks.undecided.push(Evidence::at(
                "date.tenure-uncertain",
                &doc.text,
                span,
                format!(
                    "{} was {words} from {} to {}; the sources do not fix that to the day, so \
                     whether it includes {day} cannot be said",
                    person.name,
                    t.start.phrase(),
                    until(t)
                ),
            ));
        } else {
            checks.conflicts.push(Evidence::at(
                "date.tenure-conflicts",
                &doc.text,
                span,
                format!(
                    "the text calls {} {words}, which {day} does not fit",
                    person.name
                ),
            ));
        }
    }
    checks
}

fn weekday_name(d: NaiveDate) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][d.weekday().num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_str;

    /// Made-up press secretaries: one whose tenure the sources give only to the month, one
    /// whose boundaries they fix only between two days.
    const FIXTURE: &str = r#"
[[country]]
code = "JP"
name = "Japan"
adjectives = ["Japanese"]
aliases = ["Tokyo"]

[[office]]
id = "foreign-ministry-spokesperson"
phrases = ["foreign ministry spokesperson", "press secretary"]

[[person]]
id = "kenji-arakawa"
name = "Kenji Arakawa"
surname = "Arakawa"
country = "JP"
source = "test"

[[person.office]]
office = "foreign-ministry-spokesperson"
country = "JP"
title = "Press Secretary, Ministry of Foreign Affairs"
start = "2004-07"
end = "2005-07"

[[person]]
id = "taro-minami"
name = "Taro Minami"
surname = "Minami"
country = "JP"
source = "test"

[[person.office]]
office = "foreign-ministry-spokesperson"
country = "JP"
title = "Press Secretary, Ministry of Foreign Affairs"
start = { earliest = 2000-09-19, latest = 2001-02-02 }
end = { earliest = 2002-01-08, latest = 2002-08-31 }
"#;

    fn dates(text: &str) -> DateFacts {
        let kb = Knowledge::from_files(&[("fixture.toml", FIXTURE)], None).unwrap();
        let doc = clean_str("wire.txt", text);
        infer_dates(
            &doc,
            &kb,
            None,
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        )
    }

    #[test]
    fn an_official_named_without_a_title_leans_the_year_to_their_time_in_office() {
        // July 15 fell on a Friday in 2005, 2011, 2016 and 2022; the spokesperson served
        // in 2004-2005.
        let f = dates(
            "Talks to go on\n\nOn Friday, July 15, Kenji Arakawa told reporters that the talks on the fisheries accord would go on.\n",
        );
        assert_eq!(f.stated.value, Some(day("2005-07-15")));
        assert!(rules(&f.stated).contains(&"year.career"));
        // A former holder is no sign of the year.
        let f = dates(
            "Talks to go on\n\nOn Friday, July 15, former spokesman Kenji Arakawa told reporters that the talks on the fisheries accord would go on.\n",
        );
        assert_eq!(f.stated.value, Some(day("2022-07-15")));
    }

    #[test]
    fn key_points_bulleted_before_the_story_do_not_hide_its_dateline() {
        let f = dates(
            "What the ministers discussed\n\nKey Takeaways\n\n- A ceasefire is needed.\n\n\
             - Access for civilians is critical.\n\n- Relations are strained.\n\n\
             - Diplomacy matters.\n\nPort Harbour, Nov 22 (HNA) - The foreign minister said \
             on Friday that the call with his counterpart had gone well.\n",
        );
        assert_eq!(f.dateline.get().map(String::as_str), Some("Port Harbour"));
        assert_eq!(f.published.value, NaiveDate::from_ymd_opt(2024, 11, 22));
    }

    #[test]
    fn a_translated_this_weekday_in_the_lead_bounds_the_datelines_year() {
        // 13 November was a Wednesday in 2024 (and 2019, 2013…): the latest before today.
        let f = dates(
            "Lima, Nov 13 (XNA).- The foreign minister stated this Wednesday in an appearance \
             in Congress that relations with the neighbouring country must be kept.\n",
        );
        assert_eq!(
            f.published.value,
            NaiveDate::from_ymd_opt(2024, 11, 13),
            "{:#?}",
            f.published
        );
        assert!(
            f.published
                .evidence
                .iter()
                .any(|e| e.rule == "year.weekday")
        );
        // Without the weekday nothing narrows the year.
        let f = dates(
            "Lima, Nov 13 (XNA).- The foreign minister stated in an appearance in Congress \
             that relations with the neighbouring country must be kept.\n",
        );
        assert!(!f.published.is_known(), "{:#?}", f.published);
    }

    #[test]
    fn an_ambiguous_numeric_date_is_read_as_the_places_country_writes_dates() {
        let at = |place: &str| {
            let text = format!(
                "Remarks on arrival at the ministerial meeting\n\n{place}, 01/12/2021 - 13:04\n\nGood morning. I am happy to be here for the session on the region's security.\n"
            );
            let doc = clean_str("wire.txt", &text);
            let day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            infer_dates(&doc, Knowledge::builtin(), None, day).published
        };
        let riga = at("Riga");
        assert_eq!(riga.value, NaiveDate::from_ymd_opt(2021, 12, 1));
        let note = riga
            .evidence
            .iter()
            .find(|e| e.rule == "date.numeric-order")
            .expect("the order is evidence");
        assert!(note.note.contains("12 January 2021"), "{}", note.note);
        assert!(note.note.contains("Latvia"), "{}", note.note);
        // Month-first where the place writes dates so.
        assert_eq!(at("Washington").value, NaiveDate::from_ymd_opt(2021, 1, 12));
        // Where nothing places the text, day first, as most of the world writes dates.
        assert_eq!(
            at("Harbourtown").value,
            NaiveDate::from_ymd_opt(2021, 12, 1)
        );
        // The text's own dates decide before the place: "13/11/2021" is day-first anywhere,
        // "11/13/2021" month-first.
        let text = "Remarks\n\nRiga, 01/12/2021 - 13:04\n\nGood morning. The talks of 11/13/2021 were useful.\n";
        let doc = clean_str("wire.txt", text);
        let f = infer_dates(
            &doc,
            Knowledge::builtin(),
            None,
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        );
        assert_eq!(f.published.value, NaiveDate::from_ymd_opt(2021, 1, 12));
    }

    /// The note of the tenure evidence for the publication date.
    fn tenure_note(f: &DateFacts) -> String {
        f.published
            .evidence
            .iter()
            .find(|e| e.rule == "year.tenure")
            .expect("the tenure is evidence")
            .note
            .clone()
    }

    #[test]
    fn a_page_dated_only_by_a_printed_update_takes_that_day_with_low_confidence() {
        let kb = Knowledge::from_files(&[("fixture.toml", FIXTURE)], None).unwrap();
        let mut doc = clean_str(
            "page.html",
            "Ministers open a commission on the river\n\nThe foreign ministers of the region \
             agreed to open a joint commission on the river dispute, a statement said.",
        );
        let printed = |modified| crate::clean::MetaDate {
            from: "the date printed beside the headline".into(),
            raw: "Stand: 26.02.2020".into(),
            day: NaiveDate::from_ymd_opt(2020, 2, 26).unwrap(),
            weight: 75,
            modified,
        };
        let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        doc.page = Some(Box::new(crate::clean::PageMeta {
            shown: Some(printed(true)),
            ..Default::default()
        }));
        let f = infer_dates(&doc, &kb, None, today);
        assert_eq!(
            f.published.get(),
            NaiveDate::from_ymd_opt(2020, 2, 26).as_ref()
        );
        assert_eq!(f.published.evidence[0].rule, "date.page-updated");
        assert!(f.published.confidence <= 0.5);
        // Printed as the publication's, it is the page's date with more trust.
        doc.page = Some(Box::new(crate::clean::PageMeta {
            shown: Some(printed(false)),
            ..Default::default()
        }));
        let f = infer_dates(&doc, &kb, None, today);
        assert_eq!(f.published.evidence[0].rule, "date.page-shown");
        assert!(f.published.confidence > 0.5);
    }

    #[test]
    fn a_teaser_over_other_headlines_is_not_the_lead() {
        // An undated page: its teaser, cut after a word, then other stories' headlines, then
        // the story opening with the teaser's words. The story's next paragraph dates the
        // statement; the minister's tenure and the weekday give its year.
        let text = |story_first: bool| {
            let teaser = "The Minister of Foreign Affairs, Shirley Ayorkor Botchwey, has said \
                          the country is calling for peace in the region.";
            let others = "Photos: the current state of the river amid the fight against mining\n\n\
                          Walkouts do not stop the business of parliament, says the Speaker";
            let story = format!(
                "{teaser}\n\nAddressing a press conference in the capital on Sunday February \
                 27, she said the country had called for peace."
            );
            if story_first {
                format!("Ghana calls for peace\n\n{story}\n\n{others}\n")
            } else {
                format!("Ghana calls for peace\n\n{teaser} Addressing\n\n{others}\n\n{story}\n")
            }
        };
        for story_first in [true, false] {
            let doc = clean_str("page.txt", &text(story_first));
            let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let f = infer_dates(&doc, Knowledge::builtin(), None, today);
            assert_eq!(f.stated.value, NaiveDate::from_ymd_opt(2022, 2, 27));
        }
    }

    #[test]
    fn an_undated_page_s_lead_day_takes_the_year_the_text_pins_down() {
        // A transcript page with no date line: the lead's "13 April" and the year the page
        // names for an announced visit.
        let f = dates(
            "Home > News\n\nSpokesperson's Regular Press Conference\n\n\
             On the afternoon of 13 April, the spokesperson held the regular press conference \
             at the ministry.\n\nSpokesperson: Good afternoon. First, a few announcements.\n\n\
             At the invitation of the premier, the prime minister will pay an official visit \
             between April 19 and 25, 2004.\n",
        );
        assert!(!f.published.is_known());
        assert_eq!(f.stated.value, NaiveDate::from_ymd_opt(2004, 4, 13));
        assert_eq!(f.stated.evidence[0].rule, "date.lead-day");
        // Nothing narrows the year: no guess.
        let f = dates(
            "Talks held\n\nOn the afternoon of 13 April, the spokesperson held the regular \
             press conference at the ministry.\n",
        );
        assert!(!f.stated.is_known());
    }

    #[test]
    fn a_numbered_meeting_gives_its_year_to_the_leads_day() {
        // The 56th meeting of a yearly series anchored at the 56th in 2023.
        let dates = |text: &str| {
            let doc = clean_str("wire.txt", text);
            let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            infer_dates(&doc, Knowledge::builtin(), None, today)
        };
        let f = dates(
            "Ministers meet in Jakarta\n\nOn 13 July, the ministers held talks at the 56th \
             ASEAN Foreign Ministers' Meeting in Jakarta.\n",
        );
        assert_eq!(
            f.stated.value,
            NaiveDate::from_ymd_opt(2023, 7, 13),
            "{:?}",
            f.stated
        );
        // The base lists that meeting itself: its days give the year.
        assert!(
            f.stated.evidence.iter().any(|e| e.rule == "year.event"),
            "{:?}",
            f.stated.evidence
        );
        // A meeting the base does not list (the 59th, due in 2026) is dated by its number.
        let doc = clean_str(
            "wire.txt",
            "Ministers meet\n\nOn 13 July, the ministers held talks at the 59th ASEAN \
             Foreign Ministers' Meeting.\n",
        );
        let today = NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
        let f = infer_dates(&doc, Knowledge::builtin(), None, today);
        assert_eq!(f.stated.value, NaiveDate::from_ymd_opt(2026, 7, 13));
        assert!(
            f.stated
                .evidence
                .iter()
                .any(|e| e.rule == "year.event-number"),
            "{:?}",
            f.stated.evidence
        );
        // A party congress held every five years: the 19th in 2017.
        let f = dates(
            "Envoy gives interview\n\nOn 16 November, the ambassador spoke of the influence \
             of the 19th National Congress of the CPC on relations.\n",
        );
        assert_eq!(
            f.stated.value,
            NaiveDate::from_ymd_opt(2017, 11, 16),
            "{:?}",
            f.stated
        );
    }

    #[test]
    fn ordinals_before_a_series_name_are_read_past_its_fillers() {
        assert_eq!(ordinal_before("at the 78th session of the "), Some(78));
        assert_eq!(ordinal_before("the 47th Regular Meeting of "), Some(47));
        assert_eq!(
            ordinal_before("the 38th Ordinary Session of the "),
            Some(38)
        );
        assert_eq!(ordinal_before("ahead of the "), None);
        assert_eq!(ordinal_before("in 2023 the "), None);
    }

    #[test]
    fn the_leads_day_is_read_past_a_standfirst_and_a_bylines_widgets() {
        // The standfirst reads as a lead; the story's own first paragraph comes after a
        // byline and a reading-time widget, and it dates the statement.
        let f = dates(
            "Regional body condemns wave of coups\n\nThe organisation recalled that countries \
             which faced coups have been suspended by its council.\n\nArticle written by\n\n\
             Reading time : 1 min.\n\nLeaders meeting at the regional summit condemned the \
             recent wave of coups, said Saturday, June 7, the commissioner for political \
             affairs.\n",
        );
        assert_eq!(
            f.stated.value,
            NaiveDate::from_ymd_opt(2014, 6, 7),
            "{:#?}",
            f.stated
        );
    }

    #[test]
    fn a_weekday_beside_the_leads_day_chooses_the_latest_year_it_fits() {
        // 7 June fell on a Saturday in 2014, 2008 and 2003 (and in 2025, after the tests'
        // today): the latest is taken, the others are named.
        let f = dates(
            "Minister issues statement on border\n\nBANGKOK: The deputy prime minister on \
             Saturday (June 7) issued a statement on the tensions at the border.\n",
        );
        assert_eq!(
            f.stated.value,
            NaiveDate::from_ymd_opt(2014, 6, 7),
            "{:#?}",
            f.stated
        );
        assert!(f.stated.confidence < 0.5);
        let choice = f.stated.evidence.iter().find(|e| e.rule == "year.choice");
        assert!(
            choice.is_some_and(|e| e.note.contains("2008")),
            "{:#?}",
            f.stated
        );
        // Written as one expression, the weekday bounds the year the same way.
        let f = dates(
            "Minister issues statement on border\n\nBANGKOK: The deputy prime minister on \
             Saturday, June 7 issued a statement on the tensions at the border.\n",
        );
        assert_eq!(f.stated.value, NaiveDate::from_ymd_opt(2014, 6, 7));
        // Years that fit the weekday but break another of the text's constraints (the only
        // year it names, 2030, is still to come) leave it undated.
        let f = dates(
            "Minister issues statement on border\n\nBANGKOK: The deputy prime minister on \
             Saturday (June 7) issued a statement on the border ahead of elections due in \
             2030.\n",
        );
        assert!(!f.stated.is_known(), "{:#?}", f.stated);
        // A year named for an old accord is no rival to the weekday: 7 June 2000 was a
        // Wednesday, and the text does not say the statement is of that year.
        let f = dates(
            "Minister issues statement on border\n\nBANGKOK: The deputy prime minister on \
             Saturday (June 7) issued a statement on the tensions at the border.\n\n\
             Talks should go on under the 2000 memorandum agreed by both sides, he said.\n",
        );
        assert_eq!(
            f.stated.value,
            NaiveDate::from_ymd_opt(2014, 6, 7),
            "{:#?}",
            f.stated
        );
    }

    #[test]
    fn a_month_precision_tenure_bounds_the_year_without_excluding_its_month() {
        // 14 July fell on a Thursday in 2005 (and 2011, 2016, 2022): within the tenure only in
        // its last, uncertain month, which a made-up end day (the 1st) would have ruled out.
        let f = dates(
            "TOKYO, July 14 (Kyodo) -- Japanese Foreign Ministry Press Secretary Kenji Arakawa \
             said on Thursday that Tokyo would send an envoy to the region next week.\n\n\
             Arakawa told reporters the envoy would meet officials of both sides.\n",
        );
        assert_eq!(
            f.published.value,
            NaiveDate::from_ymd_opt(2005, 7, 14),
            "{:#?}",
            f.published
        );
        let note = tenure_note(&f);
        assert!(
            note.contains(
                "Kenji Arakawa was Japan's foreign ministry spokesperson from July 2004 to July 2005"
            ),
            "{note}"
        );
    }

    #[test]
    fn an_acting_or_interim_holder_is_outside_the_tenure() {
        // The same text bounds its year by the tenure only when the title is the holder's own.
        let text = |title: &str| {
            format!(
                "TOKYO, July 14 (Kyodo) -- {title} Kenji Arakawa said on Thursday that Tokyo \
                 would send an envoy to the region next week.\n"
            )
        };
        for title in [
            "Japanese Foreign Ministry Press Secretary",
            // The acting one is someone else.
            "The acting envoy met Japanese Foreign Ministry Press Secretary",
        ] {
            let f = dates(&text(title));
            assert!(
                f.published.evidence.iter().any(|e| e.rule == "year.tenure"),
                "{title}"
            );
        }
        for title in [
            "Acting Japanese Foreign Ministry Press Secretary",
            "Japanese interim Foreign Ministry Press Secretary",
        ] {
            let f = dates(&text(title));
            assert!(
                !f.published.rests_on("year.tenure"),
                "{title}: {:#?}",
                f.published
            );
        }
    }

    #[test]
    fn a_tenure_bounded_between_days_bounds_the_year() {
        // 6 November fell on a Tuesday in 2001 (and 2007, 2012, 2018); 2000 and 2002 have it on
        // a Monday and a Wednesday, so only 2001 lies within the possible span.
        let f = dates(
            "TOKYO, Nov. 6 (Kyodo) -- Japanese Foreign Ministry Press Secretary Taro Minami \
             said on Tuesday that Tokyo would host a meeting of regional envoys this month.\n\n\
             Minami told reporters the date had not been fixed.\n",
        );
        assert_eq!(
            f.published.value,
            NaiveDate::from_ymd_opt(2001, 11, 6),
            "{:#?}",
            f.published
        );
        let note = tenure_note(&f);
        assert!(
            note.contains(
                "Taro Minami was Japan's foreign ministry spokesperson from a day between 19 \
                 September 2000 and 2 February 2001 to a day between 8 January 2002 and 31 August \
                 2002"
            ),
            "{note}"
        );
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn rules(f: &Inferred<NaiveDate>) -> Vec<&str> {
        f.evidence.iter().map(|e| e.rule.as_ref()).collect()
    }

    #[test]
    fn a_list_of_other_stories_dates_yields_to_the_date_by_the_headline() {
        // Other headlines, each with its day, before the story; the story's byline by its
        // headline, its parts set off by bars.
        let f = dates(
            "More Top Stories\n\nBigger and busier year ahead: PM\n31 December 2022\n\nDouble gold for darts team\n21 January 2023\n\nCases stable, says health office\n10 January 2023\n\nPopulation policy endorsed\n10 January 2023\n\nPM vows to change law\n23 January 2023\n\nIsland leader seeks understanding over security deal\n\nThursday 14 July 2022 | Written by Staff | Published in Regional, Pacific\n\nThe prime minister has asked the region's other nations to trust his country's reasons for agreeing to a security pact with a distant power.\n",
        );
        assert_eq!(f.published.value, Some(day("2022-07-14")));
        assert!(rules(&f.published).contains(&"date.header-passed-over"));
    }

    #[test]
    fn a_page_clock_is_passed_over_for_the_storys_own_date() {
        // The day the page was viewed stands above the masthead; the story's date by its
        // headline.
        let f = dates(
            "Today's Paper | November 12, 2024\n\nTHE COASTAL HERALD\n\nEnvoy says border talks will resume\n\nPublished March 4, 2019\n\nThe envoy told reporters the border talks would resume after the holidays, and that both sides had agreed on an agenda.\n",
        );
        assert_eq!(f.published.value, Some(day("2019-03-04")));
        assert!(rules(&f.published).contains(&"date.header-passed-over"));
        // An update's date yields to the first publication's.
        let f = dates(
            "Ministers meet on grain corridor\n\nMarch 21, 2023 4:27pm\n\nUpdated: March 22, 2023 8:33am\n\nThe ministers met in the capital and agreed to extend the corridor for another season, officials said.\n",
        );
        assert_eq!(f.published.value, Some(day("2023-03-21")));
        // Links to the posts before and after run into the page's own labelled date.
        let f = dates(
            "Minister's Statement On His Visit To The Islands-(11-03-2022)\n11/03/2022Regional Trade Forum Opens\n16/03/2022Published On: 14/03/2022\nThe minister told Parliament that the visit had opened new markets for the country's farmers.\n",
        );
        assert_eq!(f.published.value, Some(day("2022-03-14")));
    }

    #[test]
    fn a_photos_caption_and_a_cited_documents_date_are_no_page_date() {
        // The caption dates the picture; the letter's date is the only full date left, and
        // the lead's own weekday and day come after it.
        let f = dates(
            "Minister rejects reports on protests\n\nA photo of the foreign minister speaking during a ministerial meeting on April 19, 2023.\n\nThe foreign minister criticised foreign envoys on Wednesday, July 19 for what he termed false reporting.\n\nHe took issue with a letter dated July 14, 2023, that put the toll at 23.\n",
        );
        assert_ne!(f.published.value, Some(day("2023-04-19")));
        assert_eq!(f.stated.value, Some(day("2023-07-19")));
        assert_eq!(rules(&f.stated), ["date.explicit-weekday"]);
        // A page date the page gives as its own is no guess: a later lead day yields to it.
        let f = dates(
            "Minister rejects reports on protests\n\nJuly 14, 2023\n\nThe foreign minister criticised foreign envoys on Wednesday, July 19 for what he termed false reporting.\n",
        );
        assert_eq!(f.published.value, Some(day("2023-07-14")));
        assert_ne!(f.stated.value, Some(day("2023-07-19")));
    }

    #[test]
    fn an_official_once_called_acting_gives_no_career_years() {
        let text = "Talks in Tashkent\n\nOn March 1, Acting Foreign Minister Bakhtiyor Saidov hosted the visiting minister in Tashkent.\n\nBakhtiyor Saidov said the talks were useful.\n";
        let doc = clean_str("wire.txt", text);
        let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let f = infer_dates(&doc, Knowledge::builtin(), None, today);
        assert!(!f.stated.rests_on("year.career"), "{:?}", f.stated.evidence);
        // Named without "acting", the same official's years lean the choice.
        let text = "Talks in Tashkent\n\nOn March 1, Bakhtiyor Saidov hosted the visiting minister in Tashkent.\n";
        let doc = clean_str("wire.txt", text);
        let f = infer_dates(&doc, Knowledge::builtin(), None, today);
        assert!(
            f.stated.evidence.iter().any(|e| e.rule == "year.career"),
            "{:?}",
            f.stated.evidence
        );
    }

    #[test]
    fn the_leads_event_weekday_leans_a_datelines_year_to_its_own_day() {
        let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let published = |text: &str| {
            let f = infer_dates(
                &clean_str("wire.txt", text),
                Knowledge::builtin(),
                None,
                today,
            );
            (f.published.value, f.published.evidence)
        };
        // The Secretary's tenure leaves 2018, 2019 and 2020; only in 2018 was October 8 a
        // Monday.
        let (value, evidence) = published(
            "Ministers meet in the capital\n\nPORTVILLE, Oct. 8 (Harbour Wire) -- The foreign minister on Monday met with visiting U.S. Secretary of State Mike Pompeo, calling for closer cooperation.\n",
        );
        assert_eq!(value, Some(day("2018-10-08")), "{evidence:?}");
        assert!(evidence.iter().any(|e| e.rule == "year.event-weekday"));
        // Alone, with no fact on the year, the prior dates nothing.
        let (value, evidence) = published(
            "Ministers meet in the capital\n\nPORTVILLE, Oct. 8 (Harbour Wire) -- The foreign minister on Monday met with the visiting envoy, calling for closer cooperation.\n",
        );
        assert!(
            !evidence.iter().any(|e| e.rule == "year.event-weekday"),
            "{value:?} {evidence:?}"
        );
    }

    #[test]
    fn a_statement_weekday_leans_a_datelines_year_to_the_day_after_it() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let f = infer_dates(
            &clean_str(
                "wire.txt",
                "India and Harbour to expand trade\n\nNEW DELHI, March 12 (Harbour Wire): External Affairs Minister S. Jaishankar on Monday said India would expand trade with its neighbours, according to an official statement.\n",
            ),
            Knowledge::builtin(),
            None,
            today,
        );
        // His tenure leaves 2020 to 2026, and March 12 was a Monday in none of them; in 2024
        // it was the Tuesday after one.
        assert_eq!(
            f.published.value,
            Some(day("2024-03-12")),
            "{:?}",
            f.published.evidence
        );
        assert_eq!(f.stated.value, Some(day("2024-03-11")));
        assert!(f.published.rests_on("year.weekday-eve"));
        // The dateline's own day still outweighs its eve: March 12 was a Wednesday only in
        // 2025, and the day after one in 2020 and 2026 (the latest of which a prior as strong
        // as the fact would take).
        let f = infer_dates(
            &clean_str(
                "wire.txt",
                "India and Harbour to expand trade\n\nNEW DELHI, March 12 (Harbour Wire): External Affairs Minister S. Jaishankar on Wednesday said India would expand trade with its neighbours.\n",
            ),
            Knowledge::builtin(),
            None,
            today,
        );
        assert_eq!(f.published.value, Some(day("2025-03-12")));
    }

    #[test]
    fn an_opening_date_called_yesterday_dates_the_page_a_day_later() {
        let f = dates(
            "Harbour and Portville discuss ties\n\nThe foreign minister yesterday October 11, 2017 received the outgoing ambassador of Portville\n\nThe minister said relations between the two countries had never been better.\n",
        );
        assert_eq!(
            f.published.value,
            Some(day("2017-10-12")),
            "{:?}",
            f.published.evidence
        );
        assert_eq!(rules(&f.published), ["date.opening"]);
        // With the weekday between: "yesterday Wednesday, October 11, 2017".
        let f = dates(
            "Harbour and Portville discuss ties\n\nThe foreign minister yesterday Wednesday, October 11, 2017 received the outgoing ambassador of Portville\n\nThe minister said relations between the two countries had never been better.\n",
        );
        assert_eq!(f.published.value, Some(day("2017-10-12")));
        // Without the word, the date is the page's own.
        let f = dates(
            "Harbour and Portville discuss ties\n\nThe foreign minister on October 11, 2017 received the outgoing ambassador of Portville\n\nThe minister said relations between the two countries had never been better.\n",
        );
        assert_eq!(f.published.value, Some(day("2017-10-11")));
    }

    #[test]
    fn an_opening_date_called_tomorrow_dates_the_page_a_day_earlier() {
        for when in [
            "tomorrow, Thursday, September 16, 2021",
            "tomorrow, September 16, 2021",
        ] {
            let f = dates(&format!(
                "Minister briefs media ahead of summit\n\nThe foreign minister has said the government will host an extraordinary summit of regional leaders.\n\nAccording to her, the summit will take place {when}, at the conference centre in the capital.\n"
            ));
            assert_eq!(
                f.published.value,
                Some(day("2021-09-15")),
                "{when}: {:?}",
                f.published.evidence
            );
            assert_eq!(rules(&f.published), ["date.opening"]);
        }
        // A future date the text does not call tomorrow dates no page.
        let f = dates(
            "Minister briefs media ahead of summit\n\nThe foreign minister has said the government will host an extraordinary summit of regional leaders.\n\nAccording to her, the summit will take place on September 16, 2021, at the conference centre in the capital.\n",
        );
        assert_eq!(f.published.value, None);
    }

    #[test]
    fn a_date_inside_a_quotation_is_no_page_date() {
        let f = dates(
            "Harbour will not yield its territory\n\nThe government on Friday expressed concern over the law adopted by its neighbour.\n\n\u{201c}It is also a violation of the order issued by the court on December 1, 2023, and of the declaration agreed since,\u{201d} the ministry said.\n",
        );
        assert_ne!(f.published.value, Some(day("2023-12-01")));
        assert_ne!(f.stated.value, Some(day("2023-12-01")));
        // Outside the quotation, the same opening's date is the page's.
        let f = dates(
            "Harbour will not yield its territory\n\nThe government on Friday expressed concern over the law adopted by its neighbour.\n\nPosted on December 1, 2023, the ministry's statement cites the order of the court.\n",
        );
        assert_eq!(f.published.value, Some(day("2023-12-01")));
    }

    #[test]
    fn a_transcripts_questions_and_answers_date_no_statement() {
        // "Yesterday" in the question and in the answer is the visit's day; the answer is
        // given on the day of the press conference.
        let f = dates(
            "Press Conference by the Chief Cabinet Secretary\n\nDecember 20, 2017\n\nREPORTER: Yesterday, the foreign minister of the neighbouring country asked the prime minister to attend the ceremony. What is the government's view?\n\nCHIEF CABINET SECRETARY TANAKA: When the minister called on the prime minister yesterday, she expressed the hope that he would attend.\n",
        );
        assert_eq!(f.published.value, Some(day("2017-12-20")));
        assert_eq!(f.stated.value, Some(day("2017-12-20")));
        // A lead that is no transcript keeps its dated verb.
        let f = dates(
            "Minister invites premier\n\nDecember 20, 2017\n\nThe foreign minister of the neighbouring country said yesterday that she hoped the prime minister would attend the ceremony.\n",
        );
        assert_eq!(f.stated.value, Some(day("2017-12-19")));
        // A turn labelled by a name in mixed case is a transcript's too.
        let f = dates(
            "Joint Press Conference of the Two Foreign Ministers\n\nDecember 20, 2017\n\nAmal Rashed: Ladies and gentlemen! As you know, yesterday the foreign minister of the neighbouring country arrived here on an official visit.\n",
        );
        assert_eq!(f.stated.value, Some(day("2017-12-20")), "{:?}", f.stated);
    }

    #[test]
    fn a_briefings_headline_dates_its_statement() {
        let f = dates(
            "Spokesperson's Regular Press Conference on September 14, 2004\n\n2004-09-15 00:00\n\nLi: Good afternoon. I have two announcements to make before your questions.\n",
        );
        assert_eq!(f.published.value, Some(day("2004-09-15")));
        assert_eq!(f.stated.value, Some(day("2004-09-14")));
        assert_eq!(rules(&f.stated), ["date.headline"]);
    }

    #[test]
    fn the_openings_event_dates_the_statement_when_no_verb_of_saying_is_dated() {
        // "held talks on Monday" in a text of Wednesday 16 March 2022.
        let f = dates(
            "Ministers hold phone talks\n\nMarch 16, 2022\n\nThe foreign minister on Monday held a phone conversation with her Indonesian counterpart. The two sides agreed to keep in touch, according to the ministry.\n",
        );
        assert_eq!(f.stated.value, Some(day("2022-03-14")));
        assert_eq!(rules(&f.stated), ["date.lead-event"]);
        // A dateline's own day is passed over for the event's ("on Monday" in a wire of
        // Tuesday 15 March 2022); a widget's words above it are no lead.
        let f = dates(
            "Ministers hold phone talks\n\nfontLarger fontSmaller\n\nLIMA, March 15, 2022 (Wire) -- The foreign minister on Monday held a phone conversation with her counterpart. Both agreed to keep in touch, according to the ministry.\n",
        );
        assert_eq!(f.stated.value, Some(day("2022-03-14")));
        // "on Thursday (February 24)" in a page of Tuesday 15 March 2022: the day written
        // beside the weekday, weeks back, when the weekday agrees; else the weekday's.
        for (beside, want) in [("February 24", "2022-02-24"), ("February 25", "2022-03-10")] {
            let f = dates(&format!(
                "Minister comments on envoys\n\nMarch 15, 2022\n\nThe minister made the comment to reporters after a meeting at the academy in the capital on Thursday ({beside}) afternoon.\n"
            ));
            assert_eq!(f.stated.value, Some(day(want)), "{beside}");
        }
        // A day from further down the story does not.
        let f = dates(
            "Ministry denies report on embassies\n\nMarch 16, 2022\n\nThe ministry denied a report about its embassies abroad, a newspaper reported.\n\nAll embassies work under ambassadors, a spokesman said.\n\nIt should be noted that a lawmaker made the claim yesterday in a newspaper interview.\n",
        );
        assert_eq!(f.stated.value, Some(day("2022-03-16")));
    }

    #[test]
    fn a_page_without_a_date_line_is_dated_by_its_openings_first_full_date() {
        let f = dates(
            "Foreign minister visits Lima\n\nThe foreign minister, who arrived in Lima on 7 June 2021 for a three-day visit, met his Peruvian counterpart to discuss trade.\n",
        );
        assert_eq!(f.published.value, Some(day("2021-06-07")));
        assert_eq!(rules(&f.published), ["date.opening"]);
        // Years a news page cannot be from are not its date (a Hijri calendar's).
        let f = dates(
            "Statement of the council\n\n6/03/1443\n\nThe council met and issued a statement.\n",
        );
        assert_eq!(f.published.value, None);
    }

    #[test]
    fn a_datelines_year_comes_from_the_same_day_written_elsewhere_or_the_latest_year_named() {
        // A caption above the headline gives the day in full.
        let f = dates(
            "The minister speaks in parliament in the capital on June 27, 2023. - Picture by staff\n\nMinister urges caution in foreign relations\n\nCAPITAL CITY, June 27 - The country must be careful in its relations with other nations, the minister told parliament today.\n",
        );
        assert_eq!(f.published.value, Some(day("2023-06-27")));
        assert!(rules(&f.published).contains(&"year.same-day"));
        // Nothing but the years the text names: the latest of them.
        let f = dates(
            "Talks on the sidelines\n\nMUNICH, Feb 15 (Wire) - The minister held talks with his counterparts on the sidelines of the Security Conference 2020, which opened on Friday with 500 leaders.\n",
        );
        assert_eq!(f.published.value, Some(day("2020-02-15")));
        assert!(rules(&f.published).contains(&"year.latest-mention"));
    }

    #[test]
    fn a_links_path_dates_the_page() {
        let f = dates(
            "Talks resume\n\nThe talks resumed on Monday, officials said.\n\nhttps://example.org/world/2021/05/03/talks-resume\n",
        );
        assert_eq!(f.published.value, Some(day("2021-05-03")));
        assert_eq!(rules(&f.published), ["date.url-path"]);
        assert_eq!(f.stated.value, Some(day("2021-05-03")));
        let f = dates(
            "Talks resume\n\nThe talks resumed, officials said.\n\nhttp://example.gov/eng/xw/202305/t20230531_11086783.html\n",
        );
        assert_eq!(f.published.value, Some(day("2023-05-31")));
        // Numbers that are no date (an article id) date nothing.
        let f = dates(
            "Talks resume\n\nThe talks resumed, officials said.\n\nhttps://example.org/a/20231399/\n",
        );
        assert_eq!(f.published.value, None);
    }

    #[test]
    fn a_dateline_with_a_colon_is_no_speaker_label() {
        // A standfirst, a byline and a caption, then "ISLAMABAD:": the lead's statement is
        // dated even though its dateline looks like a transcript's label.
        let f = dates(
            "Ties with neighbours come first: minister\n\nSays that calm on the western border matters most to the country\n\nCorrespondent August 25, 2018\nThe minister. PHOTO:FILE\n\nISLAMABAD: The new government would focus on ties with its neighbours, the foreign minister told reporters on Friday.\n\n\u{201c}Peace is our priority,\u{201d} he said.\n",
        );
        assert_eq!(f.stated.value, Some(day("2018-08-24")), "{:?}", f.stated);
    }

    #[test]
    fn a_name_and_its_aside_between_dashes_are_no_dateline() {
        let f = dates(
            "Minister says envoys sent messages\n\nMay 11, 2019\n\nThe foreign minister yesterday revealed that envoys had sent messages, a local paper reported.\n\nAl-Hakim \u{2013} who is visiting New York for a meeting of the council \u{2013} said that the offer would be refused.\n",
        );
        assert!(!f.dateline.is_known(), "{:?}", f.dateline);
        assert_eq!(f.stated.value, Some(day("2019-05-10")), "{:?}", f.stated);
        // A publication's name before its dashes is no place either.
        let f = dates(
            "Harbour News - HARBOURNEWS - The foreign minister on Saturday held talks with his counterparts.\n",
        );
        assert!(!f.dateline.is_known(), "{:?}", f.dateline);
    }

    #[test]
    fn an_outlet_opening_a_transcripts_paragraph_is_no_dateline() {
        let kb = Knowledge::from_files(
            &[(
                "fixture.toml",
                "[[outlet]]\nid = \"harbour-wire\"\nname = \"Harbour Wire\"\nkind = \"agency\"\ncountry = \"\"\naliases = [\"HWA\"]\nhosts = []\ndateline_marks = []\nsource = \"test\"\n",
            )],
            None,
        )
        .unwrap();
        let doc = clean_str(
            "briefing.txt",
            "Spokesperson's Regular Press Conference on June 24, 2024\n\nDaily Courier: How do you view the visit?\n\nSpokesperson: The visit will deepen our partnership.\n\nHWA: My question is about the sea. Several incidents happened yesterday. What is your comment?\n\nSpokesperson: We have stated our position.\n",
        );
        let f = infer_dates(&doc, &kb, None, day("2025-01-01"));
        assert!(!f.dateline.is_known(), "{:?}", f.dateline);
        // The questioner's "yesterday" dates nothing: the briefing is the headline's day.
        assert_eq!(f.stated.value, Some(day("2024-06-24")), "{:?}", f.stated);
    }

    #[test]
    fn a_questioners_label_opening_a_transcript_is_no_dateline() {
        let f = dates(
            "Press Conference by the Press Secretary\n\nDecember 20, 2017 (AM)\n\nREPORTER: Yesterday, the visiting minister invited the Prime Minister to the games. How will the Government respond?\n\nPRESS SECRETARY ARAKAWA: Firstly, when the minister paid a call yesterday, the Prime Minister expressed his thanks.\n",
        );
        assert!(!f.dateline.is_known(), "{:?}", f.dateline);
        assert_eq!(f.stated.value, Some(day("2017-12-20")), "{:?}", f.stated);
    }

    #[test]
    fn a_later_dated_statement_dates_a_lead_that_gives_no_day() {
        let f = dates(
            "Minister rules out talks before the vote\n\n18 Nov 2010 / 12:03\n\nThe foreign minister says that the province is not ready for a dialogue before the elections.\n\nExplaining that the capital was ready for talks, the minister underscored that its stance is clear.\n\n\u{201c}We shall never recognise the declaration,\u{201d} the minister said in the central town late on Wednesday.\n",
        );
        assert_eq!(f.stated.value, Some(day("2010-11-17")), "{:?}", f.stated);
        assert!(rules(&f.stated).contains(&"date.later-statement"));
        // A passive "it should be noted that yesterday …" is no one's statement.
        let f = dates(
            "Spokesman denies report on embassies\n\n13 August 2013 13:43\n\nThe spokesman has denied a report about embassies working without ambassadors, a newspaper reported.\n\n\u{201c}All our embassies work under ambassadors,\u{201d} he said.\n\nIt should be noted that yesterday another newspaper quoted a lawmaker as saying that some embassies had none.\n",
        );
        assert_eq!(f.stated.value, Some(day("2013-08-13")), "{:?}", f.stated);
        assert!(rules(&f.stated).contains(&"date.fallback-published"));
    }

    #[test]
    fn a_date_line_in_the_sites_language_dates_the_page() {
        let f = dates(
            "fredag 5. mai 2023\n\nMinister visits the capital\n\nThe foreign minister said on Thursday that the talks had gone well.\n",
        );
        assert_eq!(
            f.published.value,
            Some(day("2023-05-05")),
            "{:?}",
            f.published
        );
        assert_eq!(f.stated.value, Some(day("2023-05-04")), "{:?}", f.stated);
    }

    #[test]
    fn a_stamp_with_its_hour_outranks_a_page_clock_above_it() {
        let f = dates(
            "Sunday, 20 September 2020\nSaturday, 19 September 2020 10:22 PM\n\nMinister warns of rising attacks\n\nThe foreign minister said that attacks were rising in some areas.\n",
        );
        assert_eq!(
            f.published.value,
            Some(day("2020-09-19")),
            "{:?}",
            f.published
        );
    }

    #[test]
    fn a_stamp_under_the_headline_outranks_a_labelled_date_among_the_furniture() {
        // A gallery's "Published on" above the story, then the story's own stamp; the
        // page's dates are month first, as the gallery's 11/19/2015 shows.
        let f = dates(
            "ADVERTISING\n\nLatest Photo Galleries\n\nCity in Change City in Change\n\nPublished on 04/11/2016\n\nSigns of Tension Signs of Tension\n\nPublished on 11/19/2015\n\nADVERTISING\n\nForeign Minister Supports Dialogue in the Neighbouring Country\n\n03/04/2014 - 14h25\n\nThe foreign minister supports the opening of talks with the opposition, he told the paper in an interview.\n",
        );
        assert_eq!(
            f.published.value,
            Some(day("2014-03-04")),
            "{:?}",
            f.published
        );
    }

    #[test]
    fn the_officials_in_office_together_pick_the_year_of_a_yearly_meeting() {
        let kb = Knowledge::from_files(&[("fixture.toml", &harbour_forum())], None).unwrap();
        let text = "The foreign minister on Saturday held talks with his counterparts on ties and the crisis in the region.\n\nHe and Lakeland Foreign Minister, Anna Berg, discussed efforts to break the deadlock, he said.\n\nDuring his meeting with the Hillland Foreign Minister, Tomas Lind, he shed light on the burden of the refugees.\n\nThe minister, who is taking part in the Harbour Forum, also met the Secretary-General.\n";
        let f = infer_dates(&clean_str("t.txt", text), &kb, None, day("2025-01-01"));
        // Both in office only at the 2017 forum, whose Saturday was 18 February.
        assert_eq!(f.stated.value, Some(day("2017-02-18")), "{:?}", f.stated);
        assert!(rules(&f.stated).contains(&"date.weekday-in-event"));
        // A forum still to come is not where the talks were held.
        let later = text.replace("is taking part in", "will take part in");
        let f = infer_dates(&clean_str("t.txt", &later), &kb, None, day("2025-01-01"));
        assert_eq!(f.stated.value, None, "{:?}", f.stated);
        // One official alone leaves several years: no day.
        let alone = text.replace("Hillland Foreign Minister, Tomas Lind,", "other minister");
        let f = infer_dates(&clean_str("t.txt", &alone), &kb, None, day("2025-01-01"));
        assert_eq!(f.stated.value, None, "{:?}", f.stated);
    }

    #[test]
    fn the_built_in_base_dates_a_weekday_at_a_named_summit() {
        // The base's NATO summits: Vilnius ran 11-12 July 2023, a Tuesday and a Wednesday.
        let text = "Leaders back membership path\n\nThe alliance's secretary-general said on Tuesday at the NATO summit in Vilnius that the allies had agreed on the path to membership.\n";
        let today = day("2026-01-01");
        let f = infer_dates(&clean_str("t.txt", text), Knowledge::builtin(), None, today);
        assert_eq!(f.stated.value, Some(day("2023-07-11")), "{:?}", f.stated);
        assert!(rules(&f.stated).contains(&"date.weekday-in-event"));
    }

    /// A yearly forum and two foreign ministers whose tenures overlap only in 2017.
    fn harbour_forum() -> String {
        let mut toml = String::from(
            r#"
[[country]]
code = "LK"
name = "Lakeland"
adjectives = ["Lakeland"]
aliases = []

[[country]]
code = "HL"
name = "Hillland"
adjectives = ["Hillland"]
aliases = []

[[office]]
id = "foreign-minister"
phrases = ["foreign minister"]

[[person]]
id = "anna-berg"
name = "Anna Berg"
surname = "Berg"
country = "LK"
source = "test"

[[person.office]]
office = "foreign-minister"
country = "LK"
title = "Foreign Minister"
start = 2016-03-01
end = 2017-05-17

[[person]]
id = "tomas-lind"
name = "Tomas Lind"
surname = "Lind"
country = "HL"
source = "test"

[[person.office]]
office = "foreign-minister"
country = "HL"
title = "Foreign Minister"
start = 2017-01-10

[[series]]
id = "harbour-forum"
name = "Harbour Forum"
kind = "conference"
aliases = ["Harbour Forum"]
"#,
        );
        // One forum a year, 2015 to 2019, over three days in February.
        for (year, first) in [(2015, 6), (2016, 12), (2017, 17), (2018, 16), (2019, 15)] {
            toml.push_str(&format!(
                "[[event]]\nid = \"harbour-forum-{year}\"\nseries = \"harbour-forum\"\nname = \"Harbour Forum {year}\"\nplace = \"Port Harbour\"\ncountry = \"LK\"\nstart = {year}-02-{first:02}\nend = {year}-02-{:02}\nsource = \"test\"\n\n",
                first + 2
            ));
        }
        toml
    }
}
