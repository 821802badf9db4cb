//! The date a page shows its reader beside the headline.
//!
//! Metadata can be stale (a CMS keeps the day a draft was created) or in another time zone
//! (`2023-11-09T01:09:55Z` for a story the site dates 8 November). What a careful reader takes
//! as the page's date is the one printed by the headline or the byline, in the page's own
//! language: "19. Oktober 2019", "23 mai 2019", "April 19, 2019", "21.01.2022". This module
//! finds that date in the visible text around the headline element; inference weighs it
//! against the markup's dates.

use std::sync::LazyLock;

use chrono::NaiveDate;
use dom_query::NodeRef;
use regex::Regex;

/// Month names and their usual abbreviations in the languages of European and American news
/// sites (English, German, French, Spanish, Italian, Dutch, Portuguese; Turkish, the
/// Scandinavian languages and Indonesian by their full names), lower case, with and without
/// accents.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "januar", "jänner", "jänn", "jän", "janvier", "janv", "enero", "ene",
        "gennaio", "gen", "januari", "janeiro", "ocak",
    ],
    &[
        "february",
        "feb",
        "febr",
        "februar",
        "feber",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "februari",
        "fevereiro",
        "fev",
        "şubat",
        "subat",
    ],
    &[
        "march", "mar", "märz", "maerz", "mrz", "mars", "marzo", "maart", "mrt", "março", "marco",
        "mart", "maret",
    ],
    &[
        "april", "apr", "avril", "avr", "abril", "abr", "aprile", "nisan",
    ],
    &[
        "may", "mai", "mayo", "maggio", "mag", "mei", "maio", "maj", "mayıs", "mayis",
    ],
    &[
        "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "haziran",
    ],
    &[
        "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "temmuz",
    ],
    &[
        "august", "aug", "août", "aout", "agosto", "ago", "augustus", "agustus", "ağustos",
        "agustos",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
        "eylül",
        "eylul",
    ],
    &[
        "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
        "out", "ekim",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "kasım",
        "kasim",
    ],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "desember",
        "aralık",
        "aralik",
    ],
];

/// The month a (lower-case) name or abbreviation stands for, 1–12.
fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u32 + 1)
}

/// Every month name, longest first, as one regex alternation (leftmost-first matching then
/// takes "marzo" before "mar").
fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().flat_map(|m| m.iter().copied()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names.join("|")
}

/// "19. Oktober 2019", "23 mai 2019", "7 de mayo de 2020", "1er juin 2020", "5th May, 2021".
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b([0-9]{{1,2}})(?:\.|er|º|°|st|nd|rd|th)?\s*(?:de\s+|of\s+)?({})\b\.?,?\s*(?:de\s+)?((?:19|20)[0-9]{{2}})\b",
        month_alternation()
    ))
    .expect("static regex")
});

/// "April 19, 2019", "Mai 05, 2019", "Apr 04 2013", "Feb. 18th, 2009".
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({})\b\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)[0-9]{{2}})\b",
        month_alternation()
    ))
    .expect("static regex")
});

/// "21.01.2022", "28.09.19", "09/05/2019", "5-11-2021".
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([0-9]{1,2})([./-])([0-9]{1,2})([./-])((?:19|20)?[0-9]{2})\b")
        .expect("static regex")
});

/// "2012-06-04", "2012/06/04".
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)[0-9]{2})([-/])([0-9]{1,2})([-/])([0-9]{1,2})\b")
        .expect("static regex")
});

/// Words that, just before a date, say it dates an update: the story may be older.
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "update",
    "aktualisiert",
    "aktualisierung",
    "geändert",
    "stand",
    "mis à jour",
    "mise à jour",
    "actualizado",
    "actualización",
    "aggiornato",
    "bijgewerkt",
    "atualizado",
    "modified",
    "edited",
];

/// Words that, just before a date, say it dates the first publication.
const PUBLISHED_WORDS: &[&str] = &[
    "publiziert",
    "published",
    "posted",
    "veröffentlicht",
    "erschienen",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
];

/// A full date found in visible text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisibleDate {
    /// The day written.
    pub day: NaiveDate,
    /// Byte range of the date in the text searched.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Whether a word just before it ("Updated", "Aktualisiert", "Stand:") marks an update.
    pub updated: bool,
    /// Whether a word just before it ("Published", "Veröffentlicht am") marks the first
    /// publication.
    pub published: bool,
    /// For a numeric date both of whose first numbers could be the month (`08/11/2023`), the
    /// day in the other order.
    pub other_reading: Option<NaiveDate>,
}

/// Every full date (day, month and year) written in `text`, in order. Numeric dates with
/// slashes or hyphens are read day first when `day_first` (any page not in US English) unless
/// the numbers allow only one reading; dotted ones are day first everywhere. A two-digit year
/// is read only in a dotted date with two-digit day and month ("28.09.19"), so version numbers
/// ("2.7.13") are not dates.
pub fn visible_dates(text: &str, day_first: bool) -> Vec<VisibleDate> {
    let mut found: Vec<VisibleDate> = Vec::new();
    let mut push = |start: usize, end: usize, day: Option<NaiveDate>, other: Option<NaiveDate>| {
        let Some(day) = day.filter(|d| (1995..=2100).contains(&chrono::Datelike::year(d))) else {
            return;
        };
        if found.iter().any(|f| f.start < end && start < f.end) {
            return;
        }
        // The few words before the date: "Updated:", "Stand:", "mis à jour le".
        let mut from = start.saturating_sub(24);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let window = text[from..start].to_lowercase();
        let updated = has_word(&window, UPDATE_WORDS);
        let published = !updated && has_word(&window, PUBLISHED_WORDS);
        found.push(VisibleDate {
            day,
            start,
            end,
            updated,
            published,
            other_reading: other.filter(|o| Some(*o) != Some(day)),
        });
    };
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let day = c[1].parse().ok();
        let month = month_number(&c[2]);
        let year = c[3].parse().ok();
        push(whole.start(), whole.end(), ymd(year, month, day), None);
    }
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let month = month_number(&c[1]);
        let day = c[2].parse().ok();
        let year = c[3].parse().ok();
        push(whole.start(), whole.end(), ymd(year, month, day), None);
    }
    for c in YEAR_FIRST.captures_iter(text) {
        let whole = c.get(0).expect("match");
        if c[2] != c[4] || glued(text, whole.start(), whole.end()) {
            continue;
        }
        push(
            whole.start(),
            whole.end(),
            ymd(c[1].parse().ok(), c[3].parse().ok(), c[5].parse().ok()),
            None,
        );
    }
    for c in NUMERIC.captures_iter(text) {
        let whole = c.get(0).expect("match");
        if c[2] != c[4] || glued(text, whole.start(), whole.end()) {
            continue;
        }
        let (Ok(a), Ok(b)) = (c[1].parse::<u32>(), c[3].parse::<u32>()) else {
            continue;
        };
        let dotted = &c[2] == ".";
        let year = match c[5].len() {
            4 => c[5].parse::<i32>().ok(),
            // "28.09.19": only dotted, with two-digit day and month.
            2 if dotted && c[1].len() == 2 && c[3].len() == 2 => {
                c[5].parse::<i32>().ok().map(|y| 2000 + y)
            }
            _ => None,
        };
        let (d, m) = if a > 12 || dotted || (b <= 12 && day_first) {
            (a, b)
        } else {
            (b, a)
        };
        let other = (a <= 12 && b <= 12)
            .then(|| ymd(year, Some(d), Some(m)))
            .flatten();
        push(
            whole.start(),
            whole.end(),
            ymd(year, Some(m), Some(d)),
            other,
        );
    }
    found.sort_by_key(|f| f.start);
    found
}

/// Whether one of `words` starts a word of `window` ("Stand:" but not "einverstanden").
fn has_word(window: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        window.match_indices(w).any(|(i, _)| {
            !window[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
    })
}

fn ymd(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

/// Whether a numeric match is part of a longer run of numbers ("1.2.3.2019", "2019-05-06-7"),
/// a version, an IP address or a reference rather than a date.
fn glued(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let joined = |i: usize| matches!(b.get(i), Some(b'.' | b'/' | b'-'));
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (start >= 2 && joined(start - 1) && digit(start - 2)) || (joined(end) && digit(end + 1))
}

/// The date shown by a headline, with what was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The day.
    pub day: NaiveDate,
    /// The date as written, with a few words around it for the evidence.
    pub raw: String,
    /// Whether the page marks it as an update.
    pub updated: bool,
    /// Whether the page marks it as the publication's ("Published", "Erschienen am").
    pub published: bool,
    /// The day in the other order, for an ambiguous numeric date.
    pub other_reading: Option<NaiveDate>,
}

/// How much visible text after and before the headline is searched for its date: bylines and
/// date lines sit within a few lines of the headline; further on, dates are the story's own.
const AFTER_BUDGET: usize = 500;
const BEFORE_BUDGET: usize = 250;
/// How many levels above the headline the search may climb (the headline's wrapper, the
/// article header, the article).
const MAX_LEVELS: usize = 4;

/// The date printed nearest the headline element: one labelled as the publication's, else the
/// first within the text that follows it, else the nearest within the text just before it (a
/// date line above the headline). Text in
/// scripts, styles, forms and in containers of other articles, comments or navigation is not
/// read.
pub fn shown_date(anchor: &NodeRef, day_first: bool) -> Option<Shown> {
    let after = gather(anchor, AFTER_BUDGET, false);
    let before = gather(anchor, BEFORE_BUDGET, true);
    let (after_dates, before_dates) = (after.dates(day_first), before.dates(day_first));
    // A date the page labels as its publication's ("Published", "Veröffentlicht am") on
    // either side, else the first after the headline, else the nearest before it.
    if let Some(d) = after_dates.iter().find(|d| d.published) {
        return Some(shown(&after.text, d));
    }
    if let Some(d) = before_dates.iter().rev().find(|d| d.published) {
        return Some(shown(&before.text, d));
    }
    if let Some(d) = after_dates.first() {
        return Some(shown(&after.text, d));
    }
    before_dates.last().map(|d| shown(&before.text, d))
}

/// Visible text gathered beside the headline, and where in it runs of prose lie.
struct Gathered {
    text: String,
    /// Byte ranges of text nodes long enough to be sentences of the story, not a date line.
    prose: Vec<(usize, usize)>,
}

impl Gathered {
    /// The dates written in date lines and bylines: a date inside a sentence ("talks
    /// resumed on 28.01.2022") is the story's, not the page's.
    fn dates(&self, day_first: bool) -> Vec<VisibleDate> {
        visible_dates(&self.text, day_first)
            .into_iter()
            .filter(|d| !self.prose.iter().any(|&(s, e)| s <= d.start && d.end <= e))
            .collect()
    }
}

/// A text node this long is a sentence or more of prose.
const PROSE_LEN: usize = 140;

fn shown(text: &str, d: &VisibleDate) -> Shown {
    let mut from = d.start.saturating_sub(30);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let raw = text[from..d.end].trim().to_string();
    Shown {
        day: d.day,
        raw,
        updated: d.updated,
        published: d.published,
        other_reading: d.other_reading,
    }
}

/// The visible text next to `anchor`, up to `budget` bytes: its following siblings, then its
/// parent's, and so on up `MAX_LEVELS` levels (`backwards`: the preceding ones, nearest first,
/// returned in reading order).
fn gather(anchor: &NodeRef, budget: usize, backwards: bool) -> Gathered {
    let mut parts: Vec<Gathered> = Vec::new();
    let mut len = 0;
    let mut cur = *anchor;
    for _ in 0..MAX_LEVELS {
        let mut sib = if backwards {
            cur.prev_sibling()
        } else {
            cur.next_sibling()
        };
        while let Some(s) = sib {
            if len >= budget {
                break;
            }
            let mut piece = Gathered {
                text: String::new(),
                prose: Vec::new(),
            };
            visible_text(&s, &mut piece, budget - len.min(budget));
            if !piece.text.trim().is_empty() {
                len += piece.text.len();
                parts.push(piece);
            }
            sib = if backwards {
                s.prev_sibling()
            } else {
                s.next_sibling()
            };
        }
        if len >= budget {
            break;
        }
        let Some(parent) = cur.parent() else { break };
        if parent
            .node_name()
            .is_some_and(|n| &*n == "body" || &*n == "html")
        {
            break;
        }
        cur = parent;
    }
    if backwards {
        parts.reverse();
    }
    let mut all = Gathered {
        text: String::new(),
        prose: Vec::new(),
    };
    for p in parts {
        let at = all.text.len();
        all.text.push_str(&p.text);
        all.text.push(' ');
        all.prose
            .extend(p.prose.iter().map(|&(s, e)| (s + at, e + at)));
    }
    all
}

/// Appends the visible text of `node` to `out`, at most about `budget` bytes.
fn visible_text(node: &NodeRef, out: &mut Gathered, budget: usize) {
    if out.text.len() >= budget {
        return;
    }
    if node.is_text() {
        let t = node.text();
        let t = t.trim();
        if !t.is_empty() {
            let start = out.text.len();
            out.text.push_str(t);
            if t.len() >= PROSE_LEN {
                out.prose.push((start, out.text.len()));
            }
            out.text.push(' ');
        }
        return;
    }
    if !node.is_element() {
        return;
    }
    if let Some(name) = node.node_name()
        && matches!(
            &*name,
            "script"
                | "style"
                | "noscript"
                | "template"
                | "svg"
                | "iframe"
                | "select"
                | "form"
                | "button"
                | "nav"
                | "aside"
                | "footer"
        )
    {
        return;
    }
    let marks = format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase();
    if super::is_other_mark(&marks) {
        return;
    }
    for child in node.children_it(false) {
        visible_text(&child, out, budget);
        if out.text.len() >= budget {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str, day_first: bool) -> Vec<String> {
        visible_dates(text, day_first)
            .into_iter()
            .map(|d| d.day.to_string())
            .collect()
    }

    #[test]
    fn reads_dates_in_words_of_several_languages() {
        assert_eq!(
            days("Von Anna Berg, 19. Oktober 2019", true),
            ["2019-10-19"]
        );
        assert_eq!(days("publié le 23 mai 2019 à 10h", true), ["2019-05-23"]);
        assert_eq!(days("Madrid, 7 de mayo de 2020", true), ["2020-05-07"]);
        assert_eq!(days("Le 1er juin 2020", true), ["2020-06-01"]);
        assert_eq!(days("Roma, 3 ottobre 2018", true), ["2018-10-03"]);
        assert_eq!(days("Den Haag, 12 maart 2021", true), ["2021-03-12"]);
        assert_eq!(days("April 19, 2019 at 5:00 pm", false), ["2019-04-19"]);
        assert_eq!(days("Posted Feb. 18th, 2009", false), ["2009-02-18"]);
        assert_eq!(days("Mai 05, 2019", true), ["2019-05-05"]);
        assert_eq!(
            days("Okt. 4, 2020 und 1. Jänner 2021", true),
            ["2020-10-04", "2021-01-01"]
        );
    }

    #[test]
    fn reads_numeric_dates_in_the_pages_order() {
        assert_eq!(days("21.01.2022 | 15:33 Uhr", true), ["2022-01-21"]);
        assert_eq!(days("28.09.19", true), ["2019-09-28"]);
        assert_eq!(days("09/05/2019", true), ["2019-05-09"]);
        assert_eq!(days("09/05/2019", false), ["2019-09-05"]);
        assert_eq!(days("09/25/2019", true), ["2019-09-25"]);
        assert_eq!(days("2012-06-04 08:10", true), ["2012-06-04"]);
    }

    #[test]
    fn leaves_numbers_that_are_not_dates() {
        // Versions, references, scores, impossible days, years out of range.
        assert!(days("Python 2.7.13 is out; see 1.2.3.2019", true).is_empty());
        assert!(days("Results 31.02.2020 and 12.13.2020", true).is_empty());
        assert!(days("8.5.12", true).is_empty());
        assert!(days("May 5, 1850", false).is_empty());
        assert!(days("on 5 March", false).is_empty());
    }

    #[test]
    fn marks_dates_of_updates() {
        let d = visible_dates("Stand: 07.11.2023, 07:30 Uhr", true);
        assert!(d[0].updated);
        let d = visible_dates("Updated: March 3, 2021", false);
        assert!(d[0].updated);
        let d = visible_dates("By Jane Roe, March 3, 2021", false);
        assert!(!d[0].updated);
        let d = visible_dates("Sind Sie einverstanden? 24. April 2020", true);
        assert!(!d[0].updated);
        let d = visible_dates("Veröffentlicht am 10. Februar 2019", true);
        assert!(d[0].published);
    }

    #[test]
    fn finds_the_date_next_to_the_headline() {
        let doc = dom_query::Document::from(
            r#"<html><body>
            <header class="site-header"><span>Dienstag, 18. Juni 2024</span></header>
            <aside class="related"><h2>Älter</h2><p>3. März 2019</p></aside>
            <article><div class="head"><h1>Minister trifft Amtskollegen</h1>
            <script>var d = "01.01.2001";</script>
            <p class="byline">Von Anna Berg | 21.01.2022</p></div>
            <p>Am 19. Januar 2022 sagte der Minister ...</p></article></body></html>"#,
        );
        let h1 = doc.select("h1").nodes()[0];
        let s = shown_date(&h1, true).expect("a date");
        assert_eq!(s.day.to_string(), "2022-01-21");
        assert!(s.raw.contains("21.01.2022"));
    }

    #[test]
    fn a_date_labelled_as_the_publication_s_wins_on_either_side() {
        let doc = dom_query::Document::from(
            r#"<html><body><main><p class="meta">Publiziert am 13. Januar 2014 von Anna</p>
            <h1>Gespräche in Berlin</h1><p class="teaser">Generalstreik – 12. Mai 2012</p>
            <p>Text über die Gespräche.</p></main></body></html>"#,
        );
        let h1 = doc.select("h1").nodes()[0];
        assert_eq!(
            shown_date(&h1, true).map(|s| s.day.to_string()),
            Some("2014-01-13".to_string())
        );
    }

    #[test]
    fn takes_a_date_line_above_the_headline_when_none_follows() {
        let doc = dom_query::Document::from(
            r#"<html><body><main><p class="kicker">Politik · 5. November 2021</p>
            <h1>Gespräche in Berlin</h1><p>Kein Datum hier, nur Text über die Gespräche, die
            lange dauerten.</p></main></body></html>"#,
        );
        let h1 = doc.select("h1").nodes()[0];
        assert_eq!(
            shown_date(&h1, true).map(|s| s.day.to_string()),
            Some("2021-11-05".to_string())
        );
    }
}
