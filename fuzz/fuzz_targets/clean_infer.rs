//! Cleaning + inference of one text, as a `.txt` file and as a `.md` file (front matter +
//! Markdown): arbitrary bytes must never panic, and every span the pipeline reports must lie on
//! char boundaries inside `doc.text`.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use communique::clean::{Doc, clean};
use communique::infer::{Article, Evidence, InferContext, Inferred, Span, TopicMatcher, infer};
use communique::knowledge::Knowledge;
use libfuzzer_sys::fuzz_target;

fn topics() -> &'static TopicMatcher {
    static TOPICS: OnceLock<TopicMatcher> = OnceLock::new();
    TOPICS.get_or_init(|| TopicMatcher::new(&communique::config::default_topics()))
}

fn check_span(doc: &Doc, span: Span, what: &str) {
    let t = &doc.text;
    assert!(
        span.start <= span.end && span.end <= t.len(),
        "{what}: span {span:?} outside text of {} bytes",
        t.len()
    );
    assert!(
        t.is_char_boundary(span.start) && t.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
}

fn check_evidence(doc: &Doc, evidence: &[Evidence], what: &str) {
    for e in evidence {
        if let Some(span) = e.span {
            check_span(doc, span, &format!("{what} evidence {}", e.rule));
        }
    }
}

fn check_inferred<T>(doc: &Doc, fact: &Inferred<T>, what: &str) {
    check_evidence(doc, &fact.evidence, what);
}

fn check(doc: &Doc, article: &Article) {
    for b in &doc.blocks {
        check_span(doc, b.span, "block");
    }
    for m in &doc.meta {
        check_span(doc, m.span, "meta line");
    }
    for r in &doc.removed {
        check_span(doc, r.span, r.rule);
    }
    check_inferred(doc, &article.title, "title");
    check_inferred(doc, &article.published, "published");
    check_inferred(doc, &article.stated, "stated");
    check_inferred(doc, &article.outlet, "outlet");
    check_inferred(doc, &article.agency, "agency");
    check_inferred(doc, &article.url, "url");
    check_inferred(doc, &article.dateline, "dateline");
    check_inferred(doc, &article.speakers, "speakers");
    check_inferred(doc, &article.topics, "topics");
    for q in &article.quotes {
        check_span(doc, q.span, "quote");
        check_evidence(doc, &q.evidence, "quote");
    }
}

fuzz_target!(|bytes: &[u8]| {
    let cx = InferContext {
        kb: Knowledge::builtin(),
        topics: topics(),
        period: None,
        today: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
    };
    for name in ["f.txt", "f.md"] {
        let doc = clean(PathBuf::from(name), bytes);
        let article = infer(&doc, &cx);
        check(&doc, &article);
    }
});
