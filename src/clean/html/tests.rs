use super::*;

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en\"><head>{head}</head><body>{body}</body></html>")
}

const STORY: &str = "<article><h1>Ministers agree to resume border talks</h1>\
    <p>GENEVA, May 3 -- The foreign ministers of the two countries agreed on Tuesday to resume \
    talks on the disputed border, a spokeswoman for the ministry said after the meeting.</p>\
    <p>\"We have chosen dialogue over confrontation,\" Foreign Minister Ana Ruiz told reporters \
    in Geneva, adding that the first round would be held before the end of the month.</p>\
    <p>The talks had been suspended for two years after a series of incidents along the \
    frontier, and officials on both sides had warned that the dispute could escalate.</p></article>";

#[test]
fn json_ld_article_gives_headline_dates_publisher_and_address() {
    let html = page(
        r#"<title>Ministers agree | Daily Ledger</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Ministers agree to resume border talks","datePublished":"2022-05-03T18:40:00+02:00",
        "dateModified":"2022-05-05T09:00:00+02:00","publisher":{"@type":"Organization","name":"Daily Ledger"},
        "author":[{"@type":"Person","name":"Jo Park"}],"url":"https://ledger.example/world/talks-123",
        "inLanguage":"en-GB"}</script>"#,
        STORY,
    );
    let p = read_page(html.as_bytes());
    assert_eq!(
        p.meta.headlines[0].value,
        "Ministers agree to resume border talks"
    );
    assert_eq!(p.meta.headlines[0].from, "JSON-LD headline");
    let first = &p.meta.dates[0];
    assert_eq!(
        (first.day, first.modified, first.from.as_ref()),
        (
            NaiveDate::from_ymd_opt(2022, 5, 3).unwrap(),
            false,
            "JSON-LD datePublished"
        )
    );
    assert!(p.meta.dates.iter().any(|d| d.modified));
    assert_eq!(p.meta.publishers[0].value, "Daily Ledger");
    assert_eq!(p.meta.authors[0].value, "Jo Park");
    assert_eq!(
        p.meta.urls[0].value,
        "https://ledger.example/world/talks-123"
    );
    // The page's own lang attribute comes first; JSON-LD's is the fallback.
    assert_eq!(p.meta.lang.as_ref().unwrap().value, "en");
    assert!(
        p.text
            .starts_with("Ministers agree to resume border talks\n\n")
    );
    assert!(
        p.text
            .contains("We have chosen dialogue over confrontation")
    );
}

#[test]
fn json_ld_graph_and_type_lists_are_followed() {
    let html = page(
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Harbour Times","datePublished":"2001-01-01"},
        {"@type":"BreadcrumbList","itemListElement":[]},
        {"@type":["ReportageNewsArticle"],"headline":"Port reopens","datePublished":"2021-07-09"}]}
        </script>"#,
        STORY,
    );
    let p = read_page(html.as_bytes());
    assert_eq!(p.meta.headlines[0].value, "Port reopens");
    assert_eq!(
        p.meta.dates[0].day,
        NaiveDate::from_ymd_opt(2021, 7, 9).unwrap()
    );
    // The WebSite object's date is not the story's.
    assert!(
        !p.meta
            .dates
            .iter()
            .any(|d| d.day.to_string().starts_with("2001"))
    );
}

#[test]
fn broken_json_ld_is_passed_over_and_opengraph_read() {
    let html = page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script>
        <meta property="og:title" content="Ministers agree to resume border talks &amp; trade">
        <meta property="og:site_name" content="The Ledger">
        <meta property="og:url" content="https://ledger.example/a/1">
        <meta property="article:published_time" content="2022-05-03T10:00:00Z">
        <meta property="article:modified_time" content="2022-06-01T10:00:00Z">"#,
        STORY,
    );
    let p = read_page(html.as_bytes());
    assert_eq!(
        p.meta.headlines[0].value,
        "Ministers agree to resume border talks & trade"
    );
    assert_eq!(p.meta.publishers[0].value, "The Ledger");
    assert_eq!(p.meta.urls[0].value, "https://ledger.example/a/1");
    let published: Vec<_> = p.meta.dates.iter().filter(|d| !d.modified).collect();
    assert_eq!(published.len(), 1);
    assert_eq!(
        published[0].day,
        NaiveDate::from_ymd_opt(2022, 5, 3).unwrap()
    );
}

#[test]
fn canonical_link_comes_before_og_url_and_only_http_addresses_count() {
    let html = page(
        r#"<meta property="og:url" content="https://m.ledger.example/a/1">
        <link rel="canonical" href="https://ledger.example/a/1">
        <link rel="alternate" href="https://ledger.example/amp/a/1">"#,
        STORY,
    );
    let p = read_page(html.as_bytes());
    let urls: Vec<&str> = p.meta.urls.iter().map(|u| u.value.as_str()).collect();
    assert_eq!(
        urls,
        ["https://ledger.example/a/1", "https://m.ledger.example/a/1"]
    );
    let html = page(
        r#"<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="/a/1">"#,
        STORY,
    );
    assert!(read_page(html.as_bytes()).meta.urls.is_empty());
}

#[test]
fn time_elements_in_related_lists_and_comments_are_not_the_story_s() {
    let body = format!(
        r#"<header class="site-header"><time datetime="2024-06-18">Tuesday, June 18, 2024</time></header>
        {STORY}
        <aside class="related"><time datetime="2021-01-02">2 Jan</time></aside>
        <section id="comments"><time datetime="2022-05-04T08:00">4 May</time></section>"#
    );
    let p = read_page(page("", &body).as_bytes());
    assert!(p.meta.dates.is_empty(), "{:?}", p.meta.dates);

    let body = format!(
        r#"<article><header><time datetime="2022-05-03T11:00:00+02:00">3 May 2022</time></header></article>
        {STORY}"#
    );
    let p = read_page(page("", &body).as_bytes());
    assert_eq!(
        p.meta.dates[0].day,
        NaiveDate::from_ymd_opt(2022, 5, 3).unwrap()
    );
}

#[test]
fn a_date_element_gives_the_day_when_the_markup_has_none() {
    let body = format!(
        r#"<div class="page-top">Today: 18 June 2024</div>
        <div class="post-meta"><span class="posted-on">Posted on 3 May 2022 by Jo Park</span></div>{STORY}"#
    );
    let p = read_page(page("", &body).as_bytes());
    assert_eq!(
        p.meta.dates[0].day,
        NaiveDate::from_ymd_opt(2022, 5, 3).unwrap()
    );
    assert!(!p.meta.dates[0].modified);
}

#[test]
fn machine_dates_in_their_usual_forms_are_read() {
    let day = NaiveDate::from_ymd_opt(2019, 2, 22);
    for raw in [
        "2019-02-22",
        "2019-02-22T09:30:00+09:00",
        "2019/02/22 09:30",
        "20190222",
        "Fri, 22 Feb 2019 09:30:00 +0900",
        "February 22, 2019",
    ] {
        assert_eq!(parse_meta_date(raw), day, "{raw}");
    }
    for raw in ["", "2019", "tomorrow", "99999999", "2019-13-40"] {
        assert_eq!(parse_meta_date(raw), None, "{raw}");
    }
}

#[test]
fn the_declared_charset_decides_over_detection() {
    let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Caf\xe9 talks</title></head><body>".to_vec();
    bytes.extend_from_slice(STORY.as_bytes());
    bytes.extend_from_slice(
        b"<p>\x93We agree,\x94 the minister said in Valpara\xedso.</p></body></html>",
    );
    let p = read_page(&bytes);
    assert!(
        p.meta.encoding.contains("windows-1252"),
        "{}",
        p.meta.encoding
    );
    assert!(p.meta.headlines.iter().any(|h| h.value == "Café talks"));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);

    // No declaration and not UTF-8: detected.
    let mut bytes = b"<html><head><title>Acuerdo en Valpara\xedso</title></head><body>".to_vec();
    bytes.extend_from_slice(STORY.as_bytes());
    bytes.extend_from_slice(b"</body></html>");
    let p = read_page(&bytes);
    assert!(
        p.meta.encoding.starts_with("detected"),
        "{}",
        p.meta.encoding
    );
    assert!(
        p.meta
            .headlines
            .iter()
            .any(|h| h.value.contains("Valparaíso"))
    );
}

#[test]
fn scripts_styles_and_handlers_never_reach_the_text() {
    let body = format!(
        r#"<script>document.write("<h1>Injected headline</h1>")</script>
        <style>.x{{color:red}}</style>
        <iframe src="https://evil.example/"></iframe>
        <form action="https://evil.example/"><input name="q" value="search here"></form>
        {STORY}
        <img src="https://tracker.example/pixel.gif" onerror="alert(1)">"#
    );
    let p = read_page(page("<title>Talks</title>", &body).as_bytes());
    for bad in [
        "document.write",
        "Injected",
        "color:red",
        "alert(",
        "<",
        "evil.example",
    ] {
        assert!(!p.text.contains(bad), "{bad:?} leaked into {:?}", p.text);
    }
}

#[test]
fn a_page_without_a_story_says_so() {
    for html in [
        "<html></html>",
        "<html><head><meta http-equiv=\"refresh\" content=\"0; url=https://ledger.example/a\"></head></html>",
        "<frameset><frame src=\"a.html\"><frame src=\"b.html\"></frameset>",
    ] {
        let p = read_page(html.as_bytes());
        assert!(
            p.warnings.iter().any(|w| w.contains("no story found")),
            "{html}: {:?}",
            p.warnings
        );
    }
}

#[test]
fn site_names_are_cut_from_title_tags() {
    let publishers = vec![MetaValue {
        from: "x".into(),
        value: "Daily Ledger".into(),
    }];
    assert_eq!(
        strip_site_name(
            "Ministers agree to resume talks - Daily Ledger",
            &publishers
        ),
        "Ministers agree to resume talks"
    );
    assert_eq!(
        strip_site_name("Ministers agree to resume talks | Ledger", &[]),
        "Ministers agree to resume talks"
    );
    // A dash inside a headline is not a site name.
    assert_eq!(
        strip_site_name("Talks resume - but doubts remain over the deal", &[]),
        "Talks resume - but doubts remain over the deal"
    );
}
