//! Inputs that once broke cleaning or inference, found by the proptest properties
//! (`tests/properties.rs`) and the fuzz targets (`fuzz/`). One test per bug, named after it.

use std::path::PathBuf;

use chrono::NaiveDate;
use communique::clean::{Doc, clean};
use communique::infer::{Article, InferContext, TopicMatcher, infer};
use communique::knowledge::Knowledge;

/// Cleans and infers `bytes` as `name`, checking that every span lies on char boundaries.
fn run(name: &str, bytes: &[u8]) -> (Doc, Article) {
    let topics = TopicMatcher::new(&communique::config::default_topics());
    let cx = InferContext {
        kb: Knowledge::builtin(),
        topics: &topics,
        period: None,
        today: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
    };
    let doc = clean(PathBuf::from(name), bytes);
    let article = infer(&doc, &cx);
    let ok = |s: communique::infer::Span| {
        s.start <= s.end
            && s.end <= doc.text.len()
            && doc.text.is_char_boundary(s.start)
            && doc.text.is_char_boundary(s.end)
    };
    assert!(doc.blocks.iter().all(|b| ok(b.span)), "block spans");
    let evidence = [
        &article.title.evidence,
        &article.published.evidence,
        &article.stated.evidence,
        &article.outlet.evidence,
        &article.agency.evidence,
        &article.url.evidence,
        &article.dateline.evidence,
        &article.speakers.evidence,
        &article.topics.evidence,
    ];
    for e in evidence.into_iter().flatten() {
        assert!(e.span.is_none_or(ok), "{} span {:?}", e.rule, e.span);
    }
    (doc, article)
}

/// The closing-credit rule took the sentence mark before a credit to be one byte long and sliced
/// inside a closing curly quote (three bytes): a text that was only "”" panicked.
#[test]
fn closing_credit_after_curly_quote() {
    run("f.txt", "\u{201d}".as_bytes());
    run("f.md", "\u{201d}".as_bytes());
    let (_, a) = run(
        "f.txt",
        "Talks resume\n\nThe foreign minister told reporters in Tokyo on Tuesday that the talks \
         would continue next month. He said: \u{201c}We will talk again.\u{201d} Kyodo\n"
            .as_bytes(),
    );
    assert_eq!(
        a.agency.value.as_ref().map(|o| o.name.as_str()),
        Some("Kyodo News")
    );
    let last = &a.body.blocks().last().unwrap().text.clone();
    assert!(last.ends_with('\u{201d}'), "{last:?}");
}

/// Numeric dates took any four-digit year: "22.02.0129" became 22 February 129 (and
/// "22.02.9999" a day in 9999), where every other rule reads years 1000-2999. Found by the
/// `dates` fuzz target.
#[test]
fn numeric_date_with_year_out_of_range() {
    let anchor = NaiveDate::from_ymd_opt(2019, 3, 1);
    for text in ["22.02.0129", "22.02.9999", "02/22/0001"] {
        let found = communique::dates::find(text, anchor);
        assert!(found.iter().all(|t| t.day.is_none()), "{text}: {found:?}");
    }
    assert_eq!(
        communique::dates::find("22.02.2019", anchor)[0].value,
        "2019-02-22"
    );
}
