//! Saved web pages: the pages in `tests/fixtures/html/`, written for these tests in the shapes
//! of agency wires, ministry transcripts and newspaper pages (full JSON-LD, OpenGraph only, no
//! metadata, misleading header, related-article and copyright dates, declared and undeclared
//! legacy encodings), are read as a careful reader would (`expected.toml`).

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use communique::clean::{self, Format};
use communique::infer::{Article, infer};
use communique::site::{BuildOptions, Site};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    stated: Option<String>,
    #[serde(default)]
    speakers: Vec<String>,
    #[serde(default)]
    expect: Option<String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html")
}

fn expected() -> Vec<(String, Expected)> {
    let text = std::fs::read_to_string(fixtures().join("expected.toml")).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    table
        .into_iter()
        .map(|(k, v)| (k, v.try_into().unwrap()))
        .collect()
}

/// The same page as a user copying it from the browser would paste it: the visible text of
/// its body, scripts and styles left out.
fn as_plain_text(file: &str) -> String {
    let bytes = std::fs::read(fixtures().join(file)).unwrap();
    let html = clean::decode(&bytes).text;
    let doc = dom_query::Document::from(html.as_str());
    doc.select("script, style, noscript").remove();
    doc.select("body").formatted_text().to_string()
}

fn read_text(file: &str, text: &str) -> Article {
    infer_doc(&clean::clean_str(&format!("{file}.txt"), text))
}

fn read(file: &str) -> Article {
    let bytes = std::fs::read(fixtures().join(file)).unwrap();
    let doc = clean::clean(PathBuf::from(file), &bytes);
    assert_eq!(doc.format, Format::Html);
    infer_doc(&doc)
}

/// Inference as a build does it: built-in knowledge base, default configuration.
fn infer_doc(doc: &clean::Doc) -> Article {
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let root = tempfile::tempdir().unwrap();
    let site = Site::load(&BuildOptions {
        today,
        ..BuildOptions::new(root.path())
    })
    .unwrap();
    infer(doc, &site.infer_context(today))
}

/// Two outlet names for the same outlet: the knowledge base's aliases, or the same words.
fn same_outlet(want: &str, have: &str) -> bool {
    let kb = communique::knowledge::Knowledge::builtin();
    match (kb.outlet_by_name(want), kb.outlet_by_name(have)) {
        (Some(a), Some(b)) => a == b,
        // "Ministry of External Affairs" and "Ministry of External Affairs of India".
        _ => fold(want).contains(&fold(have)) || fold(have).contains(&fold(want)),
    }
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every page's facts against the reader's, field by field; all misses reported at once.
fn misses(field: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (file, want) in expected() {
        if want.expect.is_some() {
            continue;
        }
        let a = read(&file);
        let (want, have) = match field {
            "title" => (
                want.title.as_deref().map(fold),
                a.title.get().map(|t| fold(t)),
            ),
            "outlet" => {
                let have = a.outlet.get().map(|o| o.name.clone());
                let want = want.outlet.clone();
                match (&want, &have) {
                    (Some(w), Some(h)) if same_outlet(w, h) => (None, None),
                    _ => (want, have),
                }
            }
            "url" => (want.url.clone(), a.url.get().cloned()),
            "published" => (
                want.published.clone(),
                a.published.get().map(|d| d.to_string()),
            ),
            "stated" => (want.stated.clone(), a.stated.get().map(|d| d.to_string())),
            "speaker" => (
                want.speakers.first().map(|s| fold(s)),
                a.speakers
                    .get()
                    .and_then(|s| s.first())
                    .map(|p| fold(&p.name)),
            ),
            _ => unreachable!(),
        };
        if let Some(want) = want
            && Some(&want) != have.as_ref()
        {
            out.push(format!("{file}: want {want:?}, have {have:?}"));
        }
    }
    out
}

#[test]
fn headline_comes_from_the_page_markup() {
    let m = misses("title");
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn outlet_comes_from_the_page_markup() {
    let m = misses("outlet");
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn url_comes_from_the_page_markup() {
    let m = misses("url");
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn publication_date_is_the_story_s_not_a_header_related_or_copyright_date() {
    let m = misses("published");
    assert!(m.is_empty(), "{m:#?}");
}

/// Facts that come from reading the story (the statement's day, who spoke) are right for at
/// least every page whose copied text gets them right, and for most pages.
fn as_good_as_plain_text(field: &str) -> (usize, usize, Vec<String>) {
    let mut html_right = 0;
    let mut text_right = 0;
    let mut worse = Vec::new();
    for (file, want) in expected() {
        if want.expect.is_some() {
            continue;
        }
        let html = read(&file);
        let text = read_text(&file, &as_plain_text(&file));
        let right = |a: &Article| match field {
            "stated" => want
                .stated
                .as_ref()
                .is_some_and(|w| a.stated.get().is_some_and(|d| d.to_string() == *w)),
            _ => want.speakers.first().is_some_and(|w| {
                a.speakers
                    .get()
                    .and_then(|s| s.first())
                    .is_some_and(|p| fold(&p.name) == fold(w))
            }),
        };
        let (h, t) = (right(&html), right(&text));
        html_right += usize::from(h);
        text_right += usize::from(t);
        if t && !h {
            worse.push(file);
        }
    }
    (html_right, text_right, worse)
}

#[test]
fn statement_date_is_as_good_as_from_the_copied_text() {
    let (html, text, worse) = as_good_as_plain_text("stated");
    assert!(worse.is_empty(), "worse than plain text on {worse:?}");
    assert!(
        html >= 10,
        "only {html} of 14 statement dates right ({text} from text)"
    );
}

#[test]
fn main_speaker_is_as_good_as_from_the_copied_text() {
    let (html, text, worse) = as_good_as_plain_text("speaker");
    assert!(worse.is_empty(), "worse than plain text on {worse:?}");
    assert!(
        html >= 9,
        "only {html} of 14 main speakers right ({text} from text)"
    );
}

/// Saved pages in a site's content: hostile ones (scripts, handlers, frames, forms, remote
/// images, malformed markup, a frameset, a redirect, an empty page, a 5 MB page) never break
/// the build, never bring their markup into the site, and each page with no story is named in
/// a warning; a PDF beside them is named too, on every build.
#[test]
fn hostile_saved_pages_build_safely_and_every_skip_is_told() {
    let site = common::TestSite::empty();
    let hostile = fixtures().join("hostile");
    for name in [
        "scripts.html",
        "malformed.html",
        "frameset.html",
        "meta_refresh.html",
        "empty.html",
    ] {
        let bytes = std::fs::read(hostile.join(name)).unwrap();
        std::fs::write(site.root().join("content").join(name), bytes).unwrap();
    }
    // A 5 MB page: a real story buried in thousands of link lists.
    let mut huge = String::from(
        "<html><head><title>Envoys meet in Oslo | Harbour Times</title></head><body><article>\
         <h1>Envoys meet in Oslo</h1><p>OSLO, March 3 -- Envoys from both sides met in Oslo on \
         Tuesday, a foreign ministry spokesman said, adding that a second round was planned for \
         the spring and that both delegations had agreed on an agenda.</p></article>",
    );
    while huge.len() < 5 * 1024 * 1024 {
        huge.push_str("<ul class=\"nav\"><li><a href=\"/a\">Section</a></li><li><a href=\"/b\">Other section</a></li></ul>\n");
    }
    huge.push_str("</body></html>");
    site.write("content/huge.htm", &huge);
    std::fs::write(
        site.root().join("content/report.pdf"),
        b"%PDF-1.4 not an article",
    )
    .unwrap();

    let report = site.build();
    assert!(report.ok, "{:?}", report.diagnostics);
    let told = |file: &str, words: &str| {
        report.diagnostics.iter().any(|d| {
            let s = d.to_string();
            s.contains(file) && s.contains(words)
        })
    };
    for skipped in ["frameset.html", "meta_refresh.html", "empty.html"] {
        assert!(
            told(skipped, "skipped"),
            "{skipped}: {:?}",
            report.diagnostics
        );
    }
    assert!(told("report.pdf", "PDF"), "{:?}", report.diagnostics);
    assert_eq!(
        report.articles, 3,
        "scripts, malformed and huge are articles"
    );
    assert_eq!(report.skipped, 4, "three pages without a story and the PDF");

    // Nothing of the saved pages' markup reaches any published file.
    for entry in walkdir::WalkDir::new(site.public()) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).to_string();
        // The theme's own search form and scripts are the site's; these are the pages'.
        for bad in [
            "evil",
            "onerror",
            "javascript:",
            "<iframe",
            "tracker",
            "payload",
            "data:text/html",
        ] {
            assert!(
                !text.contains(bad),
                "{bad:?} reached {}",
                entry.path().display()
            );
        }
    }

    // An unchanged site is up to date, and still names the file it does not read.
    let again = site.build();
    assert!(again.up_to_date);
    assert!(
        again
            .diagnostics
            .iter()
            .any(|d| d.to_string().contains("report.pdf")),
        "{:?}",
        again.diagnostics
    );
    assert_eq!(again.skipped, 4);
}

/// The publication day inferred for a page given as markup, with the rule that decided it.
fn published_of(html: &str) -> (String, String) {
    let doc = clean::clean(PathBuf::from("page.html"), html.as_bytes());
    let a = infer_doc(&doc);
    (
        a.published.get().map(|d| d.to_string()).unwrap_or_default(),
        a.published
            .evidence
            .first()
            .map(|e| e.rule.to_string())
            .unwrap_or_default(),
    )
}

fn page_with(head: &str, between: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en-GB"><head>{head}</head><body><article>
        <h1>Ministers agree to resume border talks</h1>{between}
        <p>GENEVA -- The foreign ministers of the two countries agreed on Tuesday to resume talks
        on the disputed border, a spokeswoman for the ministry said after the meeting.</p>
        <p>"We have chosen dialogue over confrontation," Foreign Minister Ana Ruiz told
        reporters in Geneva, adding that the first round would be held within weeks.</p>
        <p>The talks had been suspended for two years after a series of incidents along the
        frontier, and officials on both sides had warned the dispute could escalate.</p>
        </article></body></html>"#
    )
}

#[test]
fn the_printed_date_settles_between_the_markup_s_dates() {
    // A stale datePublished (the CMS's draft) and the day the page prints, which another
    // tag confirms.
    let html = page_with(
        r#"<meta itemprop="datePublished" content="2021-12-14T15:41:07+01:00">
        <meta name="DC.date.issued" content="2022-02-04T15:33:00+01:00">"#,
        r#"<p class="meta">04.02.2022 | 15:33</p>"#,
    );
    assert_eq!(
        published_of(&html),
        ("2022-02-04".into(), "date.page-shown".into())
    );
    // Nothing printed: the most trusted carrier.
    let html = page_with(
        r#"<meta itemprop="datePublished" content="2021-12-14T15:41:07+01:00">
        <meta name="DC.date.issued" content="2022-02-04T15:33:00+01:00">"#,
        "",
    );
    assert_eq!(
        published_of(&html),
        ("2021-12-14".into(), "date.page-published".into())
    );
}

#[test]
fn a_utc_time_gives_way_to_the_publisher_s_calendar_day() {
    // 01:09 UTC on the 9th is the evening of the 8th where the page was published.
    let twin = page_with(
        r#"<meta property="article:published_time" content="2023-11-09T01:09:55Z">
        <meta name="parsely-pub-date" content="2023-11-08 18:09:55">"#,
        "",
    );
    assert_eq!(published_of(&twin).0, "2023-11-08");
    let printed = page_with(
        r#"<meta property="article:published_time" content="2023-11-09T01:09:55Z">"#,
        r#"<p class="byline">By Jo Park, November 8, 2023</p>"#,
    );
    assert_eq!(
        published_of(&printed),
        ("2023-11-08".into(), "date.page-shown".into())
    );
    // 13:10 UTC is the same day in every time zone: a printed day before it is not this
    // page's (and a time a day apart in a local zone is another date altogether).
    let noon = page_with(
        r#"<meta property="article:published_time" content="2023-11-06T13:10:22Z">"#,
        r#"<p class="byline">By Jo Park, November 5, 2023</p>"#,
    );
    assert_eq!(published_of(&noon).0, "2023-11-06");
}

#[test]
fn a_printed_update_does_not_move_the_publication_day() {
    let html = page_with(
        r#"<meta property="article:published_time" content="2023-11-06T18:19:00+01:00">
        <meta property="article:modified_time" content="2023-11-07T07:30:00+01:00">"#,
        r#"<p class="meta">Updated: 07/11/2023, 07:30</p>"#,
    );
    assert_eq!(
        published_of(&html),
        ("2023-11-06".into(), "date.page-published".into())
    );
}

#[test]
fn a_printed_date_dates_a_page_whose_markup_has_none() {
    let html = page_with("", r#"<p><span>Posted on</span> <b>12 March 2024</b></p>"#);
    assert_eq!(
        published_of(&html),
        ("2024-03-12".into(), "date.page-shown".into())
    );
}

/// A page whose story block has no `<h1>` of its own: its headline is `headline` inside
/// `around`, and the page also carries the headline elsewhere (`elsewhere`).
fn page_styled(head: &str, around: &str, elsewhere: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head>{head}</head><body>
        <div class="share-box">{elsewhere}</div>
        <div class="sidebar"><div class="sidebar-header">{around}</div></div>
        <div class="story"><p>NAIROBI -- The foreign ministers of the region agreed on Friday to
        open a joint commission on the river dispute, a statement from the host ministry said
        after the closing session.</p>
        <p>"This is the start of a long road," Foreign Minister Musalia Mudavadi told reporters,
        adding that the commission would meet before the end of the year.</p></div>
        </body></html>"#
    )
}

#[test]
fn a_date_beside_an_element_styled_as_the_headline_dates_the_page() {
    let head = r#"<meta property="og:title" content="Ministers open a commission on the river">"#;
    // The headline is a paragraph styled as one, inside a sidebar, with the date under it.
    let html = page_styled(
        head,
        r#"<p class="h1">Ministers open a commission on the river</p>
        <p class="time"><time datetime="2022-01-28">28 January 2022</time></p>"#,
        "",
    );
    assert_eq!(
        published_of(&html),
        ("2022-01-28".into(), "date.page-shown".into())
    );
    // A share box repeats the headline first; the copy beside the date still dates it.
    let html = page_styled(
        head,
        r#"<div class="article-title">Ministers open a commission on the river</div>
        <span class="when">2022-01-28 09:12</span>"#,
        r#"<div class="share-title">Ministers open a commission on the river</div>"#,
    );
    assert_eq!(published_of(&html).0, "2022-01-28");
    // A class that merely contains "title" is no headline unless its words are the page's.
    let html = page_styled(
        head,
        r#"<div class="card-title">Five things to know about the dispute</div>
        <span class="when">2021-06-03</span>"#,
        "",
    );
    assert_ne!(published_of(&html).0, "2021-06-03");
}

#[test]
fn a_list_repeating_the_headline_lends_it_no_date() {
    // The story's `<h1>` has no date beside it; a list of posts further down repeats the
    // headline in an `<h2>` beside another post's date.
    let story = "<p>GENEVA -- The foreign ministers of the two countries agreed to resume talks on \
        the disputed border, a spokeswoman for the ministry said after the meeting ended.</p>";
    let html = format!(
        r#"<!DOCTYPE html><html lang="en"><head>
        <meta property="og:title" content="Ministers agree to resume border talks"></head><body>
        <article><h1>Ministers agree to resume border talks</h1>{}</article>
        <div class="posts"><h2 class="entry-title">Ministers agree to resume border talks</h2>
        <p class="line">Harbour strike ends 18 January 2019</p></div>
        </body></html>"#,
        story.repeat(4)
    );
    let doc = clean::clean(PathBuf::from("page.html"), html.as_bytes());
    let page = doc.page.expect("a saved page");
    assert_eq!(page.shown, None);
}

#[test]
fn a_how_to_page_s_json_ld_dates_it() {
    let html = page_with(
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"HowTo",
        "name":"How to apply for a visa","datePublished":"2022-01-10T22:06:08:684Z"}</script>"#,
        "",
    );
    assert_eq!(
        published_of(&html),
        ("2022-01-10".into(), "date.page-published".into())
    );
}

/// The headline a page gives, through inference.
fn headline_of(html: &str) -> String {
    let doc = clean::clean(PathBuf::from("page.html"), html.as_bytes());
    infer_doc(&doc).title.get().cloned().unwrap_or_default()
}

#[test]
fn a_section_label_in_the_markup_is_not_the_headline() {
    let html = page_with(
        r#"<title>Ledger: Ministers agree to resume border talks</title>
        <meta property="og:title" content="Press Releases">"#,
        "",
    );
    assert_eq!(headline_of(&html), "Ministers agree to resume border talks");
    // A short headline that another carrier repeats is the headline.
    let html = String::from(
        r#"<!DOCTYPE html><html lang="en"><head><title>Talks collapse | The Ledger</title>
        <meta property="og:title" content="Talks collapse"></head><body><article>
        <h1>Talks collapse</h1><p>GENEVA -- The talks on the disputed border collapsed on
        Tuesday after the two delegations failed to agree on an agenda, officials said.</p>
        <p>"We have done what we could," Foreign Minister Ana Ruiz told reporters in Geneva
        after the last session ended without a statement.</p></article></body></html>"#,
    );
    assert_eq!(headline_of(&html), "Talks collapse");
}
