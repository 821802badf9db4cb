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
        "02/22/2019 09:30:00",
        "22/02/2019",
    ] {
        assert_eq!(parse_meta_date(raw), day, "{raw}");
    }
    // Slashed with both numbers up to 12: software's US default, month first, where the
    // prose of a page is read day first.
    assert_eq!(
        parse_meta_date("11/01/2023 12:43:42"),
        NaiveDate::from_ymd_opt(2023, 11, 1)
    );
    assert_eq!(
        parse_meta_date("01/11/2023"),
        NaiveDate::from_ymd_opt(2023, 1, 11)
    );
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

fn de_page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"de\"><head>{head}</head><body>{body}</body></html>")
}

const DE_STORY: &str = "<p>Die Außenminister beider Länder haben sich am Dienstag in Genf auf \
    neue Gespräche über die umstrittene Grenze verständigt, sagte eine Sprecherin des \
    Ministeriums nach dem Treffen vor Journalisten.</p><p>Die Gespräche waren vor zwei Jahren \
    nach mehreren Zwischenfällen an der Grenze ausgesetzt worden, und beide Seiten hatten vor \
    einer Eskalation des Streits gewarnt.</p>";

#[test]
fn the_date_printed_by_the_headline_is_read_in_the_page_s_language() {
    let html = de_page(
        r#"<title>Minister einigen sich auf Gespräche | Tageblatt</title>"#,
        &format!(
            r#"<header class="site-header">Dienstag, 18. Juni 2024</header>
            <article><h1>Minister einigen sich auf Gespräche</h1>
            <div class="byline">Von Anna Berg · 19. Oktober 2019, 14:05 Uhr</div>{DE_STORY}
            </article>"#
        ),
    );
    let p = read_page(html.as_bytes());
    let shown = p.meta.shown.expect("a printed date");
    assert_eq!(shown.day, NaiveDate::from_ymd_opt(2019, 10, 19).unwrap());
    assert!(!shown.modified);
}

#[test]
fn a_printed_date_marked_as_an_update_is_an_update() {
    let html = de_page(
        "",
        &format!(
            r#"<article><h1>Minister einigen sich auf Gespräche</h1>
            <p class="meta">Stand: 07.11.2023, 07:30 Uhr</p>{DE_STORY}</article>"#
        ),
    );
    let shown = read_page(html.as_bytes())
        .meta
        .shown
        .expect("a printed date");
    assert!(shown.modified);
}

#[test]
fn an_ambiguous_printed_date_is_read_in_the_order_the_markup_confirms() {
    // An English page of a day-first country: 08/11/2023 is 8 November, as the markup says.
    let html = page(
        r#"<meta property="article:published_time" content="2023-11-08T20:26:28+00:00">"#,
        &format!(
            r#"<article><h1>Ministers agree to resume border talks</h1>
            <p class="when">08/11/2023</p>{}</article>"#,
            &STORY[9..]
        ),
    );
    let shown = read_page(html.as_bytes())
        .meta
        .shown
        .expect("a printed date");
    assert_eq!(shown.day, NaiveDate::from_ymd_opt(2023, 11, 8).unwrap());
}

#[test]
fn dates_inside_the_story_s_sentences_are_not_the_page_s() {
    let html = de_page(
        "",
        r#"<article><h1>Minister einigen sich auf Gespräche</h1>
        <p>Laut der am 28.01.2022 veröffentlichten Mitteilung haben sich die Außenminister beider
        Länder am Dienstag in Genf auf neue Gespräche über die umstrittene Grenze verständigt.</p>
        <p>Die Gespräche waren vor zwei Jahren nach mehreren Zwischenfällen an der Grenze
        ausgesetzt worden, und beide Seiten hatten vor einer Eskalation gewarnt.</p></article>"#,
    );
    assert_eq!(read_page(html.as_bytes()).meta.shown, None);
}

#[test]
fn microdata_and_hatom_stamps_are_read_from_any_element() {
    let html = page(
        "",
        &format!(
            r#"<article><span itemprop="datePublished" content="2021-03-04">4 March</span>
            <abbr class="updated" title="2021-03-09T10:00:00+01:00">later</abbr>{}</article>"#,
            &STORY[9..]
        ),
    );
    let p = read_page(html.as_bytes());
    let published: Vec<_> = p.meta.dates.iter().filter(|d| !d.modified).collect();
    assert_eq!(
        published[0].day,
        NaiveDate::from_ymd_opt(2021, 3, 4).unwrap()
    );
    assert!(published[0].from.contains("microdata"));
    let blog = page(
        "",
        &format!(
            r#"<div class="post"><abbr class="published" title="2016-12-23T08:49:00-08:00">Friday</abbr>{}</div>"#,
            &STORY[9..]
        ),
    );
    let p = read_page(blog.as_bytes());
    assert_eq!(
        p.meta.dates[0].day,
        NaiveDate::from_ymd_opt(2016, 12, 23).unwrap()
    );
}

#[test]
fn json_ld_that_is_not_json_still_gives_its_dates() {
    let html = page(
        r#"<script type="application/ld+json">[{"@type": "NewsArticle",
        "headline": "Ministers agree", "datePublished": "2022-02-02T11:14:00+01:00",
        "dateModified": "2022-02-02T12:20:00+01:00",}]</script>"#,
        STORY,
    );
    let p = read_page(html.as_bytes());
    let published: Vec<_> = p.meta.dates.iter().filter(|d| !d.modified).collect();
    assert_eq!(published.len(), 1);
    assert_eq!(
        published[0].day,
        NaiveDate::from_ymd_opt(2022, 2, 2).unwrap()
    );
    assert!(p.meta.dates.iter().any(|d| d.modified));
}

#[test]
fn a_time_in_the_story_s_own_footer_counts_but_not_in_the_page_s() {
    let in_story = page(
        "",
        &format!(
            r#"<div class="article">{}<div class="footer"><time datetime="2020-01-27">27.01.2020</time></div></div>"#,
            &STORY[9..STORY.len() - 10]
        ),
    );
    let p = read_page(in_story.as_bytes());
    assert_eq!(
        p.meta.dates[0].day,
        NaiveDate::from_ymd_opt(2020, 1, 27).unwrap()
    );
    let in_chrome = page(
        "",
        &format!(
            r#"{STORY}<footer class="site-footer"><time datetime="2024-06-18">today</time></footer>"#
        ),
    );
    let p = read_page(in_chrome.as_bytes());
    assert!(
        p.meta
            .dates
            .iter()
            .all(|d| d.day.to_string() != "2024-06-18")
    );
}

#[test]
fn the_headline_element_is_found_behind_menus_and_typographic_quotes() {
    let menu: String = (0..60).map(|i| format!("<h2>Rubrique {i}</h2>")).collect();
    let html = format!(
        r#"<!DOCTYPE html><html lang="fr"><head>
        <meta property="og:title" content="« Les privatisations sont au profit d'intérêts privés »">
        </head><body><h1 class="logo">Le Site</h1><nav>{menu}</nav>
        <p>Mis à jour le 2 janvier 2024</p>
        <h1>«&nbsp;Les privatisations sont au profit d&#8217;intérêts privés&nbsp;»</h1>
        <div class="publication">jeudi 13 juin 2019, par la rédaction</div>
        <p>Le gouvernement a annoncé mardi la privatisation de plusieurs entreprises publiques,
        ce que les syndicats ont aussitôt dénoncé lors d'une conférence de presse à Paris.</p>
        <p>Les représentants des salariés ont promis de nouvelles mobilisations dans les semaines
        à venir, a déclaré leur porte-parole devant les journalistes.</p></body></html>"#
    );
    let shown = read_page(html.as_bytes())
        .meta
        .shown
        .expect("a printed date");
    assert_eq!(shown.day, NaiveDate::from_ymd_opt(2019, 6, 13).unwrap());
}
