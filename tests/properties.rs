//! Properties over arbitrary input (part of "bad input never breaks the site or the reader"):
//! cleaning and inference never panic and every span they report lies on char boundaries inside
//! the text; days the date engine completes from an anchor stay near it; slugs are safe path
//! segments. The fuzz targets in `fuzz/` check the same invariants for longer; set
//! `PROPTEST_CASES` (default 256) for a longer run here.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use communique::clean::{Doc, clean};
use communique::infer::{Article, Evidence, InferContext, Span, TopicMatcher, infer};
use communique::knowledge::Knowledge;
use proptest::prelude::*;

fn topics() -> &'static TopicMatcher {
    static TOPICS: OnceLock<TopicMatcher> = OnceLock::new();
    TOPICS.get_or_init(|| TopicMatcher::new(&communique::config::default_topics()))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

/// Words and marks news copy is made of, to be mixed at random.
const TOKENS: &[&str] = &[
    "January",
    "February",
    "March",
    "May",
    "June",
    "September",
    "December",
    "Dec.",
    "Sept",
    "Monday",
    "Thursday",
    "Sunday",
    "said on Monday",
    "said on Thursday that",
    "will meet on",
    "is expected to",
    "last",
    "next",
    "this",
    "week",
    "month",
    "year",
    "years ago",
    "days ago",
    "later",
    "earlier this",
    "yesterday",
    "today",
    "tomorrow",
    "in the spring",
    "the 1990s",
    "the 21st century",
    "Q3",
    "MOSCOW, January 14. /TASS/.",
    "WASHINGTON (Reuters) -",
    "TOKYO, April 13 (Kyodo) --",
    "NAGOYA -",
    "Moscow-",
    "Russian Foreign Minister Sergey Lavrov",
    "Putin",
    "told reporters",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{ab}",
    "\u{bb}",
    "'",
    ",",
    ".",
    "-",
    "\u{2014}",
    "/",
    "(",
    ")",
    ":",
    "\n",
    "\n\n",
    "\r\n",
    "+++\n",
    "title = \"x\"\n",
    "date = 2019-02-22\n",
    "# ",
    "> ",
    "- ",
    "http://example.com/news/1",
    "22.02.2019",
    "2019-02-22",
    "02/22/19",
    "All news",
    "A A A",
    "\u{a0}",
    "\u{200b}",
    "\u{202e}",
    "\u{301}",
    "\u{1f600}",
    "\u{0}",
    "\u{7}",
    "Лавров заявил",
];

/// A news-like text: tokens, numbers and stray characters joined by spaces (or nothing).
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(TOKENS).prop_map(str::to_string),
        2 => "[0-9]{1,5}",
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Za-z]{1,12}",
    ];
    prop::collection::vec((piece, prop::bool::weighted(0.8)), 0..80).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// A very long line: one short piece repeated.
fn long_line() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            prop::sample::select(TOKENS).prop_map(str::to_string),
            "[a-z0-9 ,.]{1,8}"
        ],
        1usize..3000,
    )
        .prop_map(|(p, n)| p.repeat(n))
}

/// Any text: arbitrary strings (unicode and control characters), news-like mixtures, long lines.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsy(), long_line()]
}

fn check_span(doc: &Doc, span: Span, what: &str) -> Result<(), TestCaseError> {
    let t = &doc.text;
    prop_assert!(
        span.start <= span.end && span.end <= t.len(),
        "{}: {:?} outside a text of {} bytes",
        what,
        span,
        t.len()
    );
    prop_assert!(
        t.is_char_boundary(span.start) && t.is_char_boundary(span.end),
        "{}: {:?} not on char boundaries",
        what,
        span
    );
    Ok(())
}

fn check_evidence(doc: &Doc, evidence: &[Evidence], what: &str) -> Result<(), TestCaseError> {
    for e in evidence {
        if let Some(span) = e.span {
            check_span(doc, span, &format!("{what} ({})", e.rule))?;
        }
    }
    Ok(())
}

fn check_doc(doc: &Doc, a: &Article) -> Result<(), TestCaseError> {
    for b in &doc.blocks {
        check_span(doc, b.span, "block")?;
    }
    for m in &doc.meta {
        check_span(doc, m.span, "meta line")?;
    }
    for r in &doc.removed {
        check_span(doc, r.span, r.rule)?;
    }
    check_evidence(doc, &a.title.evidence, "title")?;
    check_evidence(doc, &a.published.evidence, "published")?;
    check_evidence(doc, &a.stated.evidence, "stated")?;
    check_evidence(doc, &a.outlet.evidence, "outlet")?;
    check_evidence(doc, &a.agency.evidence, "agency")?;
    check_evidence(doc, &a.url.evidence, "url")?;
    check_evidence(doc, &a.dateline.evidence, "dateline")?;
    check_evidence(doc, &a.speakers.evidence, "speakers")?;
    check_evidence(doc, &a.topics.evidence, "topics")?;
    for q in &a.quotes {
        check_span(doc, q.span, "quote")?;
        check_evidence(doc, &q.evidence, "quote")?;
    }
    Ok(())
}

fn clean_and_infer(bytes: &[u8]) -> Result<(), TestCaseError> {
    let cx = InferContext {
        kb: Knowledge::builtin(),
        topics: topics(),
        period: None,
        today: today(),
    };
    for name in ["f.txt", "f.md"] {
        let doc = clean(PathBuf::from(name), bytes);
        let article = infer(&doc, &cx);
        check_doc(&doc, &article)?;
    }
    Ok(())
}

/// A wire whose dateline may leave out its year, with a weekday, a year the text mentions and
/// a date header at random: what decides whether today bounds its dates.
fn wire() -> impl Strategy<Value = String> {
    let month = prop::sample::select(&["January", "February", "June", "December"][..]);
    let weekday = prop::sample::select(&["Monday", "Thursday", "Sunday", "yesterday"][..]);
    (
        month,
        1u32..=29,
        prop::option::of(1995i32..2035),
        weekday,
        prop::option::of(1995i32..2035),
        prop::option::of((1u32..=28, 1995i32..2035)),
    )
        .prop_map(|(month, day, year, weekday, mention, header)| {
            let year = year.map_or(String::new(), |y| format!(", {y}"));
            let header = header.map_or(String::new(), |(d, y)| format!("{d} {month} {y}\n\n"));
            let mention = mention.map_or(String::new(), |y| format!(" It last met in {y}."));
            format!(
                "Minister urges talks\n\n{header}TOKYO, {month} {day}{year} (Kyodo) -- The foreign minister said {weekday} that talks would resume.{mention}\n"
            )
        })
}

/// Today as a day between 1990 and 2040.
fn a_day() -> impl Strategy<Value = NaiveDate> {
    (0u64..18_262).prop_map(|d| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(d))
}

fn infer_on(text: &str, today: NaiveDate) -> Article {
    let cx = InferContext {
        kb: Knowledge::builtin(),
        topics: topics(),
        period: None,
        today,
    };
    infer(&clean(PathBuf::from("f.txt"), text.as_bytes()), &cx)
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// An article inferred on one day infers to the same bytes on every day of its
    /// `today_range` — checked at both ends of the range and a day within it — which is what
    /// lets the inference cache keep it across days.
    #[test]
    fn an_article_infers_the_same_on_every_day_of_its_today_range(
        text in prop_oneof![wire(), newsy()],
        today in a_day(),
        offset in 0u64..4000,
    ) {
        let a = infer_on(&text, today);
        let json = serde_json::to_string(&a).unwrap();
        let range = a.today_range;
        prop_assert!(range.contains(today), "{:?} lacks {}", range, today);
        let within = range.to.map_or(today + chrono::Days::new(offset), |to| {
            let len = (to - today).num_days() as u64;
            today + chrono::Days::new(offset % (len + 1))
        });
        for day in [range.from, range.to, Some(within)].into_iter().flatten() {
            let again = serde_json::to_string(&infer_on(&text, day)).unwrap();
            prop_assert_eq!(&again, &json, "inferred on {} (range {:?} from {})", day, range, today);
        }
    }

    /// Cleaning and inference never panic on any text, and their spans are sound.
    #[test]
    fn clean_infer_never_panics_and_spans_are_sound(text in text()) {
        clean_and_infer(text.as_bytes())?;
    }

    /// The same for raw bytes (broken UTF-8, UTF-16 marks, NULs).
    #[test]
    fn clean_infer_accepts_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        clean_and_infer(&bytes)?;
    }

    /// Every day the date engine completes from an anchor lies within ±200 years of it; a day
    /// whose year the text writes keeps a year the recogniser reads (1000-2999); spans are sound.
    #[test]
    fn resolved_days_stay_near_the_anchor(
        text in text(),
        days in 0u64..3_652_059,
        plausible in any::<bool>(),
    ) {
        let anchor = if plausible {
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days % 80_000)
        } else {
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Days::new(days)
        };
        for t in communique::dates::find(&text, Some(anchor)) {
            prop_assert!(t.start <= t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            if let Some(day) = t.day {
                if t.explicit_year {
                    prop_assert!((1000..=2999).contains(&day.year()), "{:?} -> {}", t.text, day);
                } else {
                    prop_assert!(
                        (day.year() - anchor.year()).abs() <= 200,
                        "{:?} ({}) -> {} from the anchor {}", t.text, t.rule, day, anchor
                    );
                }
            }
        }
        if let Some(d) = communique::dates::parse_dateline(&text) {
            for (s, e) in [Some(d.span), d.place_span, d.date_span].into_iter().flatten() {
                prop_assert!(s <= e && e <= text.len());
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            }
        }
    }

    /// Slugs are non-empty ASCII lower-case path segments (letters, digits, hyphens), never
    /// containing "..", at most 80 bytes.
    #[test]
    fn slugs_are_safe(text in text()) {
        let s = communique::slug::slugify(&text);
        prop_assert!(!s.is_empty());
        prop_assert!(
            s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{:?}", s
        );
        prop_assert!(!s.contains(".."));
        prop_assert!(s.len() <= 80, "{} bytes: {:?}", s.len(), s);
    }
}
