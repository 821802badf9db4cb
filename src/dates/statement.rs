//! The main statement of a text and the time expression that dates it.
//!
//! A news report on a statement names its time in the lead: "Lavrov said on Monday", "stated
//! on Thursday during his speech", "expressed concerns on Thursday that …". The first sentence
//! with a reporting verb is the main statement; the time expression in that sentence nearest to
//! the verb is its time. Resolving it (against the publication date, or an event's days) is the
//! caller's job.

use chrono::NaiveDate;

use super::tokens::{Kind, tokenize};
use super::{Timex, find};

/// The main statement found in a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadStatement {
    /// Bytes of the reporting verb ("said", "called for", "expressed concerns").
    pub verb: (usize, usize),
    /// Bytes of its sentence.
    pub sentence: (usize, usize),
    /// The time expression dating it, when the sentence has one.
    pub timex: Option<Timex>,
}

/// Reporting verbs: one word, or a word and the word that must follow it.
const VERBS: &[(&str, &str)] = &[
    ("said", ""),
    ("says", ""),
    ("stated", ""),
    ("states", ""),
    ("told", ""),
    ("tells", ""),
    ("noted", ""),
    ("notes", ""),
    ("stressed", ""),
    ("stresses", ""),
    ("added", ""),
    ("announced", ""),
    ("declared", ""),
    ("warned", ""),
    ("urged", ""),
    ("insisted", ""),
    ("emphasized", ""),
    ("emphasised", ""),
    ("remarked", ""),
    ("claimed", ""),
    ("argued", ""),
    ("explained", ""),
    ("confirmed", ""),
    ("reiterated", ""),
    ("underlined", ""),
    ("commented", ""),
    ("asserted", ""),
    ("accused", ""),
    ("criticized", ""),
    ("criticised", ""),
    ("promised", ""),
    ("vowed", ""),
    ("pledged", ""),
    ("proposed", ""),
    ("suggested", ""),
    ("denied", ""),
    ("rejected", ""),
    ("welcomed", ""),
    ("condemned", ""),
    ("pointed", "out"),
    ("called", "for"),
    ("called", "on"),
    ("calls", "for"),
    ("calls", "on"),
    ("expressed", ""),
    ("expresses", ""),
    ("voiced", ""),
    ("according", "to"),
];

/// Words before a past participle that make it passive ("should be noted", "was told").
const PASSIVE_AUXILIARIES: &[&str] = &["be", "been", "being", "is", "was", "were", "are"];

/// The first attributed statement in `paragraph` and its time expression, resolved against
/// `anchor` (values keep their open parts without one).
pub fn lead_statement(paragraph: &str, anchor: Option<NaiveDate>) -> Option<LeadStatement> {
    let toks = tokenize(paragraph);
    let word = |i: usize| toks.get(i).map_or("", |t| &paragraph[t.start..t.end]);
    let mut verb = None;
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word || t.upper {
            continue;
        }
        let w = word(i);
        // "It should be noted that …", "he was told": a passive names no one saying it.
        if i > 0 && PASSIVE_AUXILIARIES.contains(&word(i - 1)) {
            continue;
        }
        if let Some(&(_, next)) = VERBS
            .iter()
            .find(|(v, next)| *v == w && (next.is_empty() || word(i + 1) == *next))
        {
            let end = if next.is_empty() {
                t.end
            } else {
                toks[i + 1].end
            };
            verb = Some((i, (t.start, end)));
            break;
        }
    }
    let (vi, verb) = verb?;
    // The sentence around the verb.
    let mut first = vi;
    while first > 0 && !super::resolve::ends_sentence(paragraph, &toks, first - 1) {
        first -= 1;
    }
    let mut last = vi;
    while last + 1 < toks.len() && !super::resolve::ends_sentence(paragraph, &toks, last) {
        last += 1;
    }
    let sentence = (toks[first].start, toks[last].end);
    let timexes = find(paragraph, anchor);
    // "expressed concern over actions which were in violation of the order of … on December
    // 1": a day after a relative pronoun that follows the verb dates the clause it opens.
    let relative = toks[vi + 1..=last]
        .iter()
        .find(|t| {
            t.kind == Kind::Word
                && matches!(
                    &paragraph[t.start..t.end],
                    "which" | "who" | "whom" | "whose"
                )
        })
        .map_or(usize::MAX, |t| t.start);
    let nearest = |timexes: &[Timex]| {
        timexes
            .iter()
            .filter(|t| t.start >= sentence.0 && t.end <= sentence.1)
            .filter(|t| t.start < relative)
            .filter(|t| is_day_kind(t.rule))
            .min_by_key(|t| {
                if t.start >= verb.1 {
                    t.start - verb.1
                } else {
                    verb.0 - t.end
                }
            })
            .map(|t| (t.start, t.end))
    };
    // Without an anchor "today" and "yesterday" resolve to nothing and are not found; they
    // still date the statement ("visited on Monday, the minister said today"), so when an
    // expression was chosen, the nearest is chosen again among those found against a stand-in
    // day, and is none of the weekday's when it is one of them.
    let mut chosen = nearest(&timexes);
    if anchor.is_none() && chosen.is_some() {
        chosen = nearest(&find(paragraph, NaiveDate::from_ymd_opt(2000, 1, 1)));
    }
    let timex = chosen
        .and_then(|(s, e)| timexes.iter().find(|t| t.start == s && t.end == e))
        // "said on Thursday (August 10)": the day written beside the weekday.
        .map(|t| {
            anchor
                .and_then(|a| super::day_beside_weekday(paragraph, &timexes, t, a))
                .unwrap_or(t)
                .clone()
        });
    Some(LeadStatement {
        verb,
        sentence,
        timex,
    })
}

/// Whether an expression of this rule names one day (the kind a statement is dated by).
fn is_day_kind(rule: &str) -> bool {
    matches!(
        rule,
        "weekday"
            | "last-weekday"
            | "this-weekday"
            | "deictic"
            | "day-month"
            | "day-month-year"
            | "month-day"
            | "month-day-year"
            | "numeric-dmy"
            | "numeric-mdy"
            | "iso-date"
            | "juche-date"
            | "day-before"
            | "day-after"
            | "ago"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_day_in_a_relative_clause_after_the_verb_dates_no_statement() {
        let st = lead_statement(
            "The minister expressed concern over the actions of the last day, which were in direct violation of the court's order of December 1, 2023.",
            Some(day("2023-12-06")),
        )
        .unwrap();
        assert!(st.timex.is_none(), "{:?}", st.timex);
        // Before the clause, the day is the statement's.
        let st = lead_statement(
            "The minister on Tuesday expressed concern over the actions, which were in direct violation of the court's order.",
            Some(day("2023-12-06")),
        )
        .unwrap();
        assert_eq!(st.timex.map(|t| t.text), Some("Tuesday".to_string()));
    }

    #[test]
    fn today_beside_the_verb_dates_the_statement_even_without_an_anchor() {
        // The weekday names the visit, not the statement: "today" is nearer the verb.
        let st = lead_statement(
            "Security was kept tight during the envoy's visit here on Monday for safety reasons, the deputy minister said today.",
            None,
        )
        .unwrap();
        assert!(st.timex.is_none(), "{:?}", st.timex);
        // With only the weekday in the sentence, the weekday dates it.
        let st = lead_statement(
            "The deputy minister said on Monday that the envoy's visit had gone well.",
            None,
        )
        .unwrap();
        assert_eq!(st.timex.unwrap().rule, "weekday");
        // With an anchor, "today" is found and resolved as before.
        let st = lead_statement(
            "Security was kept tight during the envoy's visit here on Monday, the deputy minister said today.",
            Some(day("2020-09-10")),
        )
        .unwrap();
        assert_eq!(st.timex.unwrap().day, Some(day("2020-09-10")));
    }

    #[test]
    fn a_day_written_beside_the_weekday_dates_the_statement() {
        let anchor = Some(day("2022-03-15"));
        let st = lead_statement(
            "The minister said on Thursday (February 24) that the envoys would return.",
            anchor,
        )
        .unwrap();
        assert_eq!(st.timex.unwrap().day, Some(day("2022-02-24")));
        // A day beside that is not that weekday leaves the weekday's own day.
        let st = lead_statement(
            "The minister said on Thursday (February 25) that the envoys would return.",
            anchor,
        )
        .unwrap();
        assert_eq!(st.timex.unwrap().day, Some(day("2022-03-10")));
    }
}
