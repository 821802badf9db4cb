//! Saved web pages: bytes of an `.html` file in, the story as plain text and the page's
//! metadata out.
//!
//! A saved page carries facts that copied text loses: the publication date in machine-readable
//! form, the canonical address, the publisher's name, the headline as the site set it. This
//! module reads them ([`PageMeta`]), each with where it was found, and leaves the choice between
//! them to inference, which shows it as evidence. The story itself is found by
//! [`dom_smoothie`] (a port of Firefox's Reader View, see `docs/decisions/`) and handed on as
//! plain text, so a page goes through the same cleaning and inference as a `.txt` article and
//! nothing of its markup, scripts or styles can reach the site.

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use dom_query::{Document, NodeRef};
use encoding_rs::Encoding;
use regex::bytes::Regex;
use serde::Serialize;
use serde_json::Value;

use super::blocks::squeeze as collapse;
use super::decode::{Decoded, decode, decode_as};

/// A fact read from the page's markup, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaValue {
    /// What carried it, as written in the page: `JSON-LD headline`, `<meta property="og:title">`.
    pub from: Cow<'static, str>,
    /// The value, whitespace collapsed.
    pub value: String,
}

/// A date read from the page's markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaDate {
    /// What carried it (`JSON-LD datePublished`, `<time datetime>`…).
    pub from: Cow<'static, str>,
    /// The value as written (`2024-03-12T14:32:00+08:00`).
    pub raw: String,
    /// The day, as the page wrote it (its own time zone: the publisher's calendar day).
    pub day: NaiveDate,
    /// How far the carrier is trusted to give the story's own publication date, 0–100.
    pub weight: u8,
    /// Whether it dates an update, not the first publication.
    pub modified: bool,
}

/// What a saved page says about itself, in order of trust within each field.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PageMeta {
    /// Headlines: JSON-LD, OpenGraph, the story's `<h1>`, `<title>`.
    pub headlines: Vec<MetaValue>,
    /// Publication and update dates, most trusted first.
    pub dates: Vec<MetaDate>,
    /// The date the page prints beside its headline or byline, as a reader sees it
    /// (`modified` when the page marks it as an update).
    pub shown: Option<MetaDate>,
    /// The publisher: JSON-LD `publisher`, `og:site_name`, `application-name`.
    pub publishers: Vec<MetaValue>,
    /// Authors: JSON-LD `author`, `<meta name="author">`.
    pub authors: Vec<MetaValue>,
    /// The page's own address: `<link rel="canonical">`, `og:url`, JSON-LD `url` (absolute
    /// http(s) only).
    pub urls: Vec<MetaValue>,
    /// The page's language: `<html lang>`, JSON-LD `inLanguage`, `og:locale`.
    pub lang: Option<MetaValue>,
    /// The character encoding the bytes were read in, and how it was decided.
    pub encoding: String,
    /// Whether a `<meta http-equiv="refresh">` sends the browser to another address.
    pub redirect: bool,
}

/// A page read: the story as text (headline first) and the metadata.
#[derive(Debug, Clone)]
pub struct Page {
    /// Headline, byline and the story's paragraphs, separated by blank lines.
    pub text: String,
    /// What the markup says.
    pub meta: PageMeta,
    /// Problems (encoding, a page with no story), one sentence each.
    pub warnings: Vec<String>,
}

/// Pages larger than this are cut before parsing: a story never needs more, and a huge page
/// must not stall the build.
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

/// Reads a saved page.
pub fn read_page(bytes: &[u8]) -> Page {
    let (
        Decoded {
            text, mut warnings, ..
        },
        encoding,
    ) = decode_page(bytes);
    let html = if text.len() > MAX_PAGE_BYTES {
        let mut cut = MAX_PAGE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        warnings.push(format!(
            "the page is larger than {} MB: only its first {} MB were read",
            MAX_PAGE_BYTES / (1024 * 1024),
            MAX_PAGE_BYTES / (1024 * 1024)
        ));
        &text[..cut]
    } else {
        &text[..]
    };
    let document = Document::from(html);
    let mut meta = read_meta(&document);
    meta.encoding = encoding;
    let story = extract_story(document)
        // A page that only sends the browser elsewhere ("If you are not redirected…").
        .filter(|s| !meta.redirect || s.text.len() > 400);
    let mut out = String::new();
    // The headline as the site set it opens the text, as it opens a copied article; a page
    // with no story gives no text at all (and is skipped, with the reason).
    if story.is_some()
        && let Some(h) = meta.headlines.first()
    {
        out.push_str(&h.value);
        out.push_str("\n\n");
    }
    match story {
        Some(story) => {
            if let Some(byline) = story.byline.filter(|b| b.len() < 200) {
                out.push_str(&byline);
                out.push_str("\n\n");
            }
            out.push_str(&story.text);
        }
        None => warnings.push(
            "no story found in the page (only navigation or scripts): is it the saved article, \
             or a redirect or frameset around it?"
                .to_string(),
        ),
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    Page {
        text: out,
        meta,
        warnings,
    }
}

/// The page's bytes as text: a byte-order mark, then the page's own `<meta charset>` or
/// `http-equiv` declaration, then detection (as a `.txt` file).
fn decode_page(bytes: &[u8]) -> (Decoded, String) {
    if Encoding::for_bom(bytes).is_some() {
        return (decode(bytes), "byte-order mark".to_string());
    }
    if let Some(enc) = declared_charset(bytes) {
        return (
            decode_as(bytes, enc),
            format!("{} (declared by the page)", enc.name()),
        );
    }
    let decoded = decode(bytes);
    let how = if decoded.detected {
        "detected (the page declares none)"
    } else {
        "UTF-8"
    };
    (decoded, how.to_string())
}

/// The encoding a page declares in its first kilobytes, as browsers read it.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"#)
            .expect("static regex")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let label = CHARSET.captures(head)?.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    // A page saved as UTF-16 cannot say so in ASCII; a declaration of it is a leftover.
    (enc.output_encoding() == enc).then_some(enc)
}

/// The main story, as found by the readability algorithm.
struct Story {
    text: String,
    byline: Option<String>,
}

fn extract_story(document: Document) -> Option<Story> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        // The metadata is read here, with evidence; the extractor need not read it again.
        disable_json_ld: true,
        ..Default::default()
    };
    // No page address: it only makes the extracted HTML's links absolute, and only the text
    // is kept.
    let mut reader = dom_smoothie::Readability::with_document(document, None, Some(cfg)).ok()?;
    let article = reader.parse().ok()?;
    let text = tidy_text(&article.text_content);
    if text.trim().is_empty() {
        return None;
    }
    Some(Story {
        text,
        byline: article
            .byline
            .map(|b| collapse(&b))
            .filter(|b| !b.is_empty()),
    })
}

/// Paragraphs separated by one blank line, no runs of spaces, no lines of only spaces.
fn tidy_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = collapse(line);
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&line);
    }
    out
}

/// The elements the metadata is read from, gathered in one walk over the tree: a selector
/// per carrier walked the whole tree once each, which cost as much as parsing the page.
#[derive(Default)]
struct Carriers<'a> {
    html: Option<NodeRef<'a>>,
    title: Option<NodeRef<'a>>,
    /// Every `<h1>` (at most [`MAX_HEADINGS`]): one of them is usually the story's headline.
    h1s: Vec<NodeRef<'a>>,
    /// The first `<h2>`/`<h3>`s (at most [`MAX_HEADINGS`]), for pages whose headline is one.
    subheads: Vec<NodeRef<'a>>,
    /// Minor headings and other elements whose class names a headline (`<p class="h1">`,
    /// `<div class="article-title">`; at most [`MAX_HEADINGS`]), for pages that style
    /// another element as their headline.
    titled: Vec<NodeRef<'a>>,
    metas: Vec<NodeRef<'a>>,
    links: Vec<NodeRef<'a>>,
    json_ld: Vec<NodeRef<'a>>,
    times: Vec<NodeRef<'a>>,
    /// Elements whose class, id or itemprop says "date" (at most [`MAX_DATED`]).
    dated: Vec<NodeRef<'a>>,
    /// Elements other than `<meta>` and `<time>` that carry a machine-readable date: microdata
    /// (`itemprop="datePublished"`) and hAtom (`<abbr class="published" title="…">`).
    stamped: Vec<NodeRef<'a>>,
    /// Elements whose class or id says "logo" (at most [`MAX_LOGOS`]).
    logos: Vec<NodeRef<'a>>,
}

const MAX_DATED: usize = 400;
const MAX_HEADINGS: usize = 40;
const MAX_STAMPED: usize = 40;
const MAX_LOGOS: usize = 12;

fn carriers(doc: &Document) -> Carriers<'_> {
    let mut c = Carriers::default();
    for node in doc.root().descendants_it() {
        let Some(name) = node.node_name() else {
            continue;
        };
        match &*name {
            "html" if c.html.is_none() => c.html = Some(node),
            "title" if c.title.is_none() && node.parent().is_some_and(|p| p.has_name("head")) => {
                c.title = Some(node)
            }
            "h1" | "h2" | "h3" => {
                // Kept apart: menus can hold many `<h2>`s before the story's `<h1>`.
                let list = if &*name == "h1" {
                    &mut c.h1s
                } else {
                    &mut c.subheads
                };
                if list.len() < MAX_HEADINGS {
                    list.push(node);
                }
            }
            "meta" => c.metas.push(node),
            "link" if node.has_attr("rel") && node.has_attr("href") => c.links.push(node),
            "script"
                if node
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                c.json_ld.push(node)
            }
            "time" if node.has_attr("datetime") => c.times.push(node),
            _ => {}
        }
        let class = node.attr("class").unwrap_or_default();
        let id = node.attr("id").unwrap_or_default();
        if c.titled.len() < MAX_HEADINGS
            && (matches!(&*name, "h4" | "h5" | "h6")
                || (matches!(&*name, "div" | "p" | "span" | "strong" | "b" | "header")
                    && marked_as_headline(&class)))
        {
            c.titled.push(node);
        }
        if c.stamped.len() < MAX_STAMPED
            && &*name != "meta"
            && &*name != "time"
            && (node.attr("itemprop").is_some_and(|p| p.starts_with("date"))
                || (node.has_attr("title")
                    && class
                        .split_whitespace()
                        .any(|c| c == "published" || c == "updated")))
        {
            c.stamped.push(node);
        }
        if c.dated.len() < MAX_DATED
            && marked_as_date(&class, &id, node.attr("itemprop").as_deref())
        {
            c.dated.push(node);
        }
        if c.logos.len() < MAX_LOGOS && marked_as_logo(&class, &id) {
            c.logos.push(node);
        }
    }
    c
}

/// A class naming a headline: `h1`, `headline`, `article-title`, `h-title` (not a subtitle).
fn marked_as_headline(class: &str) -> bool {
    class.split_whitespace().any(|c| {
        let c = c.to_ascii_lowercase();
        c == "h1"
            || c.contains("headline")
            || (c.contains("title") && !c.contains("subtitle") && !c.contains("sub-title"))
    })
}

/// A class, id or itemprop naming a date, a time, a byline or the post's details
/// ("post-date", "entry-meta", "Datum", "fecha").
fn marked_as_date(class: &str, id: &str, itemprop: Option<&str>) -> bool {
    const CLASS: &[&str] = &[
        "date", "Date", "time", "publish", "posted", "byline", "meta", "datum", "Datum", "fecha",
        "info",
    ];
    CLASS.iter().any(|m| class.contains(m))
        || id.contains("date")
        || id.contains("time")
        || itemprop.is_some_and(|p| p.contains("date"))
}

/// A class or id naming the site's logo or title.
fn marked_as_logo(class: &str, id: &str) -> bool {
    const CLASS: &[&str] = &[
        "logo",
        "site-title",
        "site-name",
        "masthead__title",
        "brand",
    ];
    CLASS.iter().any(|m| class.contains(m)) || id.contains("logo")
}

/// Reads every metadata carrier of the page.
fn read_meta(doc: &Document) -> PageMeta {
    let c = carriers(doc);
    let mut meta = PageMeta::default();
    if let Some(lang) = c.html.and_then(|h| h.attr("lang")) {
        let lang = lang.trim().to_string();
        if !lang.is_empty() {
            meta.lang = Some(MetaValue {
                from: "<html lang>".into(),
                value: lang,
            });
        }
    }
    for node in &c.json_ld {
        read_json_ld(&node.text(), &mut meta);
    }
    read_meta_tags(&c.metas, &c.links, &mut meta);
    read_time_elements(&c.times, &mut meta);
    read_stamped_elements(&c.stamped, &mut meta);
    let title = c.title.map(|t| collapse(&t.text()));
    let day_first = day_first_page(title.as_deref(), &meta);
    if !meta.dates.iter().any(|d| !d.modified) {
        read_dated_elements(&c.dated, &mut meta, day_first);
    }
    if let Some(h1) = c.h1s.first() {
        push_text(&mut meta.headlines, "<h1>", &h1.text());
    }
    if let Some(title) = title {
        if let Some(site) = title_site_name(&title) {
            push_text(&mut meta.publishers, "<title> after the headline", site);
        }
        push_text(&mut meta.headlines, "<title>", &title);
    }
    if let Some(name) = logo_name(&c.logos) {
        push_text(&mut meta.publishers, "the site's logo", &name);
    }
    meta.headlines = meta
        .headlines
        .into_iter()
        .map(|mut h| {
            // "Headline | Section | Site": the site, then a short section label.
            loop {
                let cut = strip_site_name(&h.value, &meta.publishers);
                if cut == h.value {
                    break;
                }
                h.value = cut;
            }
            h
        })
        .collect();
    meta.dates.sort_by_key(|d| std::cmp::Reverse(d.weight));
    if let Some(s) = headline_elements(&c.h1s, &c.subheads, &c.titled, &meta.headlines)
        .iter()
        .find_map(|anchor| shown::shown_date(anchor, day_first))
    {
        // "08/11/2023" read in the order the markup's own dates confirm.
        let day = s
            .other_reading
            .filter(|o| {
                meta.dates.iter().any(|d| d.day == *o) && !meta.dates.iter().any(|d| d.day == s.day)
            })
            .unwrap_or(s.day);
        meta.shown = Some(MetaDate {
            from: if s.published {
                "the date printed beside the headline as the publication's".into()
            } else {
                "the date printed beside the headline".into()
            },
            raw: s.raw,
            day,
            weight: if s.published { 85 } else { 75 },
            modified: s.updated,
        });
    }
    meta
}

/// The elements that may carry the story's headline, most likely first: the headings (and
/// elements styled as one) whose words are a headline the markup gives (JSON-LD, OpenGraph,
/// `<title>`) — the same words before a part of them — else the first `<h1>` outside lists
/// of other articles and page chrome. A page can repeat its headline (a share box, a sticky
/// bar), and only one copy stands beside the date.
fn headline_elements<'a>(
    h1s: &[NodeRef<'a>],
    subheads: &[NodeRef<'a>],
    titled: &[NodeRef<'a>],
    headlines: &[MetaValue],
) -> Vec<NodeRef<'a>> {
    // Letters and digits only: quotes, dashes and no-break spaces differ between carriers.
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    // The first `<h1>` is itself among the headlines: it must not confirm itself.
    let wanted: Vec<String> = headlines
        .iter()
        .filter(|h| h.from != "<h1>")
        .map(|h| norm(&h.value))
        .filter(|h| h.len() >= 6)
        .collect();
    let candidates: Vec<(NodeRef<'a>, String)> = h1s
        .iter()
        .chain(subheads)
        .chain(titled)
        .map(|h| (*h, norm(&h.text())))
        .filter(|(_, text)| text.len() >= 6)
        .collect();
    let exact = candidates.iter().filter(|(_, text)| wanted.contains(text));
    // A part of a headline ("Talks end" in "Talks end | World"), or a heading holding one.
    let partial = candidates.iter().find(|(_, text)| {
        !wanted.contains(text)
            && wanted
                .iter()
                .any(|w| (text.len() >= 12 && w.contains(text)) || text.contains(w.as_str()))
    });
    let mut found: Vec<NodeRef<'a>> = Vec::new();
    for (h, _) in exact.chain(partial) {
        // A second heading with the headline's words is usually a list of posts; an element
        // around or inside one already taken adds nothing.
        let repeat = !found.is_empty()
            && (h
                .node_name()
                .is_some_and(|n| matches!(&*n, "h1" | "h2" | "h3"))
                || found.iter().any(|f| nested(f, h)));
        if !repeat && found.len() < MAX_ANCHORS {
            found.push(*h);
        }
    }
    if found.is_empty()
        && let Some(h1) = h1s
            .iter()
            .find(|h| !h.text().trim().is_empty() && !elsewhere(&context_marks(h)[1..]))
    {
        found.push(*h1);
    }
    found
}

/// Whether one element holds the other.
fn nested(a: &NodeRef, b: &NodeRef) -> bool {
    a.ancestors(None).iter().any(|x| x.id == b.id) || b.ancestors(None).iter().any(|x| x.id == a.id)
}

/// Copies of the headline tried for a printed date.
const MAX_ANCHORS: usize = 4;

fn push_text(list: &mut Vec<MetaValue>, from: impl Into<Cow<'static, str>>, value: &str) {
    let value = collapse(value);
    if !value.is_empty() && value.len() < 600 && !list.iter().any(|v| v.value == value) {
        list.push(MetaValue {
            from: from.into(),
            value,
        });
    }
}

fn push_url(list: &mut Vec<MetaValue>, from: impl Into<Cow<'static, str>>, value: &str) {
    let value = value.trim();
    let lower = value.to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && !value.contains(char::is_whitespace)
        && value.len() < 2000
        && !list.iter().any(|v| v.value == value)
    {
        list.push(MetaValue {
            from: from.into(),
            value: value.to_string(),
        });
    }
}

fn push_date(
    meta: &mut PageMeta,
    from: impl Into<Cow<'static, str>>,
    raw: &str,
    weight: u8,
    modified: bool,
) {
    if let Some(day) = parse_meta_date(raw) {
        push_day(meta, from, raw, day, weight, modified);
    }
}

/// Adds a date unless the same carrier already gave the same day.
fn push_day(
    meta: &mut PageMeta,
    from: impl Into<Cow<'static, str>>,
    raw: &str,
    day: NaiveDate,
    weight: u8,
    modified: bool,
) {
    let from = from.into();
    if meta
        .dates
        .iter()
        .any(|d| d.from == from && d.day == day && d.modified == modified)
    {
        return;
    }
    meta.dates.push(MetaDate {
        from,
        raw: collapse(raw).chars().take(60).collect(),
        day,
        weight,
        modified,
    });
}

/// Whether the page writes numeric dates day first: any language but US English
/// (`<html lang>`), or, undeclared, a headline in a language other than English.
fn day_first_page(title: Option<&str>, meta: &PageMeta) -> bool {
    if let Some(lang) = &meta.lang {
        let l = lang.value.to_ascii_lowercase();
        return !(l == "en-us" || l == "en_us" || l == "en");
    }
    const OTHER: &[&str] = &[
        "de", "la", "el", "los", "las", "del", "und", "der", "die", "das", "le", "les", "du",
        "des", "et", "il", "di", "della", "het", "een", "och", "para", "por", "con",
    ];
    title.is_some_and(|t| {
        t.to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .any(|w| OTHER.contains(&w))
    })
}

/// A date as a page shows it, in words of several languages or in numbers: an ambiguous
/// numeric one (`09/05/2019`) is read in the order the page writes dates; dotted ones
/// (`09.05.2019`) are day first everywhere.
fn parse_visible_date(text: &str, day_first: bool) -> Option<NaiveDate> {
    shown::visible_dates(text, day_first)
        .first()
        .map(|d| d.day)
        .or_else(|| parse_meta_date(text))
}

/// JSON-LD that is not valid JSON (a trailing comma, a comment, an unescaped quote: common in
/// hand-made templates): its `datePublished` and `dateModified` are still the page's own
/// statements, read by their keys, with less trust than a parsed article object's.
fn read_broken_json_ld(text: &str, meta: &mut PageMeta) {
    static DATE_KEY: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#""(datePublished|dateModified)"\s*:\s*"([^"]{8,40})""#)
            .expect("static regex")
    });
    if !text.contains("Article") && !text.contains("BlogPosting") {
        return;
    }
    for c in DATE_KEY.captures_iter(text) {
        let modified = &c[1] == "dateModified";
        let (from, weight) = if modified {
            ("JSON-LD dateModified (not valid JSON)", 40)
        } else {
            ("JSON-LD datePublished (not valid JSON)", 90)
        };
        push_date(meta, from, &c[2], weight, modified);
    }
}

/// JSON-LD types that describe the page's main work (not the site, a breadcrumb or a
/// video), the story's own first.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "SocialMediaPosting",
    // Pages whose main work is not an article still date it the same way.
    "HowTo",
    "Recipe",
    "Review",
    "WebPage",
];

fn read_json_ld(text: &str, meta: &mut PageMeta) {
    let text = text
        .trim()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>")
        .trim();
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        read_broken_json_ld(text, meta);
        return;
    };
    let mut items = Vec::new();
    collect_ld_items(&value, &mut items, 0);
    let mut named = std::collections::HashMap::new();
    collect_ld_names(&value, &mut named, 0);
    // The story's own object first; a WebPage only when no article object is given.
    items.sort_by_key(|(rank, _)| *rank);
    for (rank, item) in items {
        let page_only = rank == ARTICLE_TYPES.len() - 1;
        let (headline_from, published_from, modified_from, weight) = if page_only {
            (
                "JSON-LD WebPage name",
                "JSON-LD WebPage datePublished",
                "JSON-LD WebPage dateModified",
                80,
            )
        } else {
            (
                "JSON-LD headline",
                "JSON-LD datePublished",
                "JSON-LD dateModified",
                97,
            )
        };
        if let Some(h) = str_of(item.get("headline")).or_else(|| str_of(item.get("name"))) {
            push_text(&mut meta.headlines, headline_from, &h);
        }
        if let Some(d) =
            str_of(item.get("datePublished")).or_else(|| str_of(item.get("dateCreated")))
        {
            push_date(meta, published_from, &d, weight, false);
        }
        if let Some(d) = str_of(item.get("dateModified")) {
            push_date(meta, modified_from, &d, weight / 2, true);
        }
        if let Some(p) = item.get("publisher").and_then(|p| {
            name_of(p)
                .or_else(|| str_of(p.get("@id")).and_then(|id| named.get(id.as_str()).cloned()))
        }) {
            push_text(&mut meta.publishers, "JSON-LD publisher", &p);
        }
        if let Some(a) = item.get("author") {
            let authors: Vec<String> = match a {
                Value::Array(list) => list.iter().filter_map(name_of).collect(),
                other => name_of(other).into_iter().collect(),
            };
            for a in authors {
                push_text(&mut meta.authors, "JSON-LD author", &a);
            }
        }
        if let Some(u) = str_of(item.get("url")).or_else(|| {
            item.get("mainEntityOfPage")
                .and_then(|m| str_of(Some(m)).or_else(|| str_of(m.get("@id"))))
        }) {
            push_url(&mut meta.urls, "JSON-LD url", &u);
        }
        if meta.lang.is_none()
            && let Some(l) = str_of(item.get("inLanguage"))
        {
            meta.lang = Some(MetaValue {
                from: "JSON-LD inLanguage".into(),
                value: l,
            });
        }
    }
}

/// Objects of a JSON-LD value with the rank of their type in [`ARTICLE_TYPES`], following
/// arrays and `@graph`.
fn collect_ld_items<'v>(value: &'v Value, out: &mut Vec<(usize, &'v Value)>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(list) => {
            for v in list {
                collect_ld_items(v, out, depth + 1);
            }
        }
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                collect_ld_items(graph, out, depth + 1);
            }
            let types: Vec<&str> = match map.get("@type") {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if let Some(rank) = types
                .iter()
                .filter_map(|t| {
                    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
                    ARTICLE_TYPES.iter().position(|a| *a == t)
                })
                .min()
            {
                out.push((rank, value));
            }
        }
        _ => {}
    }
}

/// Names of the JSON-LD objects that have an `@id`, so that a reference
/// (`"publisher": {"@id": "…#organization"}`) finds the name given elsewhere in the graph.
fn collect_ld_names(
    value: &Value,
    out: &mut std::collections::HashMap<String, String>,
    depth: usize,
) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(list) => list
            .iter()
            .for_each(|v| collect_ld_names(v, out, depth + 1)),
        Value::Object(map) => {
            if let (Some(Value::String(id)), Some(Value::String(name))) =
                (map.get("@id"), map.get("name"))
            {
                out.insert(id.clone(), ld_string(name));
            }
            if let Some(graph) = map.get("@graph") {
                collect_ld_names(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// A JSON-LD string: the markup around it was decoded by the parser, but sites often leave
/// character references inside (`&amp;`, `&#8217;`).
fn ld_string(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(ld_string(s)),
        Value::Array(list) => list.iter().find_map(|x| str_of(Some(x))),
        _ => None,
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(ld_string(s)),
        Value::Object(map) => str_of(map.get("name")),
        Value::Array(list) => list.iter().find_map(name_of),
        _ => None,
    }
}

/// `<meta>` names, properties and itemprops (lower-cased) that carry the publication day, with
/// their trust.
const META_PUBLISHED: &[(&str, u8)] = &[
    ("article:published_time", 95),
    ("og:published_time", 95),
    ("datepublished", 94),
    ("article.published", 92),
    ("article:published", 92),
    ("parsely-pub-date", 92),
    ("sailthru.date", 90),
    ("publish-date", 92),
    ("publish_date", 92),
    ("publishdate", 92),
    ("publication_date", 92),
    ("pubdate", 92),
    ("date", 90),
    ("dc.date", 90),
    ("dc.date.issued", 91),
    ("dc.date.created", 90),
    ("dcterms.date", 90),
    ("dcterms.issued", 91),
    ("dcterms.created", 90),
    ("citation_publication_date", 90),
    ("citation_date", 88),
    ("originalpublicationdate", 92),
    ("og:pubdate", 92),
    ("pdate", 90),
    ("displaydate", 88),
    ("created", 85),
    ("creation_date", 85),
    ("release_date", 88),
    ("article_date_original", 92),
    ("cxenseparse:recs:publishtime", 90),
    ("date_published", 92),
    ("iso-8601-publish-date", 92),
    ("uploaddate", 80),
];

/// `<meta>` names that carry an update's day: a fallback only.
const META_MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "lastmod",
    "dc.date.modified",
    "dcterms.modified",
];

fn read_meta_tags(metas: &[NodeRef], links: &[NodeRef], meta: &mut PageMeta) {
    for node in metas {
        let Some((attr, key)) = ["property", "name", "itemprop", "http-equiv"]
            .into_iter()
            .find_map(|a| node.attr(a).map(|k| (a, k.trim().to_string())))
        else {
            continue;
        };
        let Some(content) = node.attr("content") else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        // The tag as the page wrote it, for the evidence: `<meta property="og:title">`.
        let from = || format!("<meta {attr}=\"{key}\">");
        let key = key.to_ascii_lowercase();
        if key == "refresh" && content.to_ascii_lowercase().contains("url=") {
            meta.redirect = true;
            continue;
        }
        if let Some((_, weight)) = META_PUBLISHED.iter().find(|(k, _)| *k == key) {
            push_date(meta, from(), content, *weight, false);
            continue;
        }
        if META_MODIFIED.contains(&key.as_str()) {
            push_date(meta, from(), content, 40, true);
            continue;
        }
        match key.as_str() {
            "og:title" | "twitter:title" => push_text(&mut meta.headlines, from(), content),
            "og:site_name" | "application-name" | "dc.publisher" | "dcterms.publisher" => {
                push_text(&mut meta.publishers, from(), content)
            }
            "og:url" => push_url(&mut meta.urls, from(), content),
            "author" | "article:author" | "dc.creator" if !content.starts_with("http") => {
                push_text(&mut meta.authors, from(), content)
            }
            "og:locale" | "content-language" | "dc.language" if meta.lang.is_none() => {
                meta.lang = Some(MetaValue {
                    from: from().into(),
                    value: content.replace('_', "-"),
                });
            }
            _ => {}
        }
    }
    for node in links {
        let rel = node.attr("rel").unwrap_or_default().to_ascii_lowercase();
        if rel.split_whitespace().any(|r| r == "canonical") {
            let href = node.attr("href").unwrap_or_default();
            // The canonical address goes first: the site's own statement of the page's address.
            let mut urls = Vec::new();
            push_url(&mut urls, "<link rel=\"canonical\">", &href);
            urls.append(&mut meta.urls);
            meta.urls = urls;
        }
    }
}

/// `<time datetime>`: marked as the publication (`itemprop="datePublished"`, `pubdate`, a
/// class saying so) it is trusted; the first one inside the story is a fair guess; those in
/// lists of other articles or comments are not read at all.
fn read_time_elements(times: &[NodeRef], meta: &mut PageMeta) {
    let mut first_in_story = true;
    for node in times {
        let Some(raw) = node.attr("datetime") else {
            continue;
        };
        let marks = format!(
            "{} {} {}",
            node.attr("itemprop").unwrap_or_default(),
            node.attr("class").unwrap_or_default(),
            if node.has_attr("pubdate") {
                "pubdate"
            } else {
                ""
            }
        )
        .to_ascii_lowercase();
        let around = context_marks(node);
        if elsewhere(&around) {
            continue;
        }
        if marks.contains("publish") || marks.contains("pubdate") {
            push_date(meta, "<time datetime> marked as published", &raw, 88, false);
        } else if marks.contains("modified") || marks.contains("updated") {
            push_date(meta, "<time datetime> marked as updated", &raw, 35, true);
        } else if first_in_story && around.iter().any(|m| is_story_mark(m)) {
            first_in_story = false;
            push_date(meta, "<time datetime> in the story", &raw, 70, false);
        } else if first_in_story {
            first_in_story = false;
            push_date(meta, "<time datetime>", &raw, 50, false);
        }
    }
}

/// Microdata (`<span itemprop="datePublished" content="…">`, or with a `datetime`, or its
/// text) and hAtom stamps (`<abbr class="published" title="2016-12-23T08:49:00-08:00">`),
/// outside lists of other articles and comments.
fn read_stamped_elements(stamped: &[NodeRef], meta: &mut PageMeta) {
    for node in stamped {
        if elsewhere(&context_marks(node)) {
            continue;
        }
        let prop = node
            .attr("itemprop")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let class = node.attr("class").unwrap_or_default().to_ascii_lowercase();
        let (from, weight, modified): (&'static str, u8, bool) = match &*prop {
            "datepublished" | "datecreated" => ("microdata itemprop=\"datePublished\"", 90, false),
            "datemodified" => ("microdata itemprop=\"dateModified\"", 40, true),
            "" if class.split_whitespace().any(|c| c == "published") => {
                ("hAtom class=\"published\"", 85, false)
            }
            "" => ("hAtom class=\"updated\"", 35, true),
            _ => continue,
        };
        let raw = ["content", "datetime", "title"]
            .into_iter()
            .find_map(|a| node.attr(a).filter(|v| parse_meta_date(v).is_some()))
            .map(|v| v.to_string())
            .unwrap_or_else(|| collapse(&node.text()));
        if raw.len() <= 80 {
            push_date(meta, from, &raw, weight, modified);
        }
    }
}

/// Elements a site marks as dates ("post-date", "entry-meta", "byline", `itemprop`) whose
/// words give a full date: read only when no machine-readable date is given, first in the
/// story before any elsewhere.
fn read_dated_elements(dated: &[NodeRef], meta: &mut PageMeta, day_first: bool) {
    let mut fallback = None;
    for node in dated {
        let text = node.text();
        if text.len() > 300 || text.trim().len() < 6 {
            continue;
        }
        let around = context_marks(node);
        if elsewhere(&around[1.min(around.len())..]) {
            continue;
        }
        let Some(day) = parse_visible_date(&collapse(&text), day_first) else {
            continue;
        };
        let in_story = around.iter().any(|m| is_story_mark(m));
        let marks = around.first().cloned().unwrap_or_default();
        let updated = marks.contains("updat") || marks.contains("modif");
        if in_story && !updated {
            push_day(
                meta,
                "an element marked as a date in the story",
                &text,
                day,
                62,
                false,
            );
            return;
        }
        if fallback.is_none() {
            fallback = Some((text.to_string(), day, updated));
        }
    }
    if let Some((text, day, updated)) = fallback {
        push_day(meta, "an element marked as a date", &text, day, 55, updated);
    }
}

/// Tag names, classes and ids of an element and its ancestors (nearest first), lower-cased.
fn context_marks(node: &NodeRef) -> Vec<String> {
    std::iter::once(*node)
        .chain(node.ancestors(Some(12)))
        .map(|a| {
            format!(
                "{} {} {}",
                a.node_name().map(|n| n.to_string()).unwrap_or_default(),
                a.attr("class").unwrap_or_default(),
                a.attr("id").unwrap_or_default()
            )
            .to_ascii_lowercase()
        })
        .collect()
}

/// Whether an element stands in a container of other articles, comments or page chrome,
/// given its ancestors' marks (nearest first). A `<header>` or `<footer>` inside the story is
/// the story's own; outside it, the page's.
fn elsewhere(around: &[String]) -> bool {
    let story = around.iter().position(|m| is_story_mark(m));
    let other = around.iter().position(|m| is_other_mark(m));
    if let Some(o) = other
        && story.is_none_or(|s| o < s)
    {
        return true;
    }
    story.is_none() && around.iter().any(|m| has_mark(m, CHROME))
}

/// Marks of containers of other articles, comments, navigation and widgets.
const OTHER: &[&str] = &[
    "related",
    "comment",
    "sidebar",
    "aside",
    "recommend",
    "popular",
    "trending",
    "teaser",
    "widget",
    "nav",
    "breadcrumb",
    "more-",
    "most-",
    "newsletter",
];

/// Marks of page chrome: the story's own header or footer when inside the story.
const CHROME: &[&str] = &[
    "header",
    "footer",
    "masthead",
    "topbar",
    "site-header",
    "top-bar",
];

/// Whether an element's marks (tag, class, id) name a container of other articles,
/// comments, navigation or widgets.
fn is_other_mark(m: &str) -> bool {
    has_mark(m, OTHER)
}

/// A mark word starting with an entry, or with it after a hyphen ("site-header").
fn has_mark(m: &str, list: &[&str]) -> bool {
    m.split_whitespace().any(|w| {
        list.iter().any(|e| {
            w.starts_with(e) || w.match_indices('-').any(|(i, _)| w[i + 1..].starts_with(e))
        })
    })
}

fn is_story_mark(m: &str) -> bool {
    m.split_whitespace().any(|w| {
        w == "article"
            || w == "main"
            || w.contains("article")
            || w.contains("story")
            || w.starts_with("post")
            || w.contains("entry")
    })
}

/// The day of a machine-readable date as the page wrote it: ISO 8601 (`2024-03-12`,
/// `2024-03-12T14:32:00+08:00`, `20240312`), slashes, RFC 2822, or words the date engine reads.
pub fn parse_meta_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    let b = raw.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = raw.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    // 2024-03-12, 2024/03/12, 2024.03.12, with or without a time after.
    if b.len() >= 10
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[7] == b[4]
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10))
    {
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    // 20240312 or 20240312T1432.
    if b.len() >= 8
        && (b.len() == 8 || !b[8].is_ascii_digit())
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(4..6), digits(6..8))
        && (1990..=2100).contains(&y)
    {
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(raw) {
        return Some(dt.date_naive());
    }
    // "11/01/2023 12:43:42": a slashed value with both numbers up to 12 is software's, whose
    // default format is the US one, month first (a date in a page's prose is read day first).
    if let Some((a, rest)) = raw.split_once('/')
        && let Some((b, rest)) = rest.split_once('/')
        && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
        && rest.len() >= 4
        && let Some(y) = digits(raw.len() - rest.len()..raw.len() - rest.len() + 4)
        && !rest[4..].starts_with(|c: char| c.is_ascii_digit())
        && a <= 12
        && b <= 12
    {
        return NaiveDate::from_ymd_opt(y as i32, a, b);
    }
    // "March 12, 2024 14:32", "12 March 2024": the date engine, with a written year only.
    crate::dates::find(raw, None)
        .into_iter()
        .find(|t| t.explicit_year && t.day.is_some())
        .and_then(|t| t.day)
}

/// Title separators between a headline and the site's name.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " « ", " » "];

/// The site's name a `<title>` ends with ("Talks end | World | The Daily Herald"): a short,
/// capitalised last part after a separator, behind a headline of several words.
fn title_site_name(title: &str) -> Option<&str> {
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let (head, tail) = title.rsplit_once(sep)?;
        let tail = tail.trim();
        let words = tail.split_whitespace().count();
        let capitalised = tail
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "of" | "the" | "de" | "and" | "du" | "des" | "la" | "el")
            });
        let site_like = capitalised || tail.contains('.');
        (head.split_whitespace().count() >= 3 && (1..=5).contains(&words) && site_like)
            .then_some(tail)
    })
}

/// The name on the site's logo: the text of a logo or site-title element, or its image's
/// `alt` text.
fn logo_name(logos: &[NodeRef]) -> Option<String> {
    for node in logos {
        let around = context_marks(node);
        if elsewhere(&around[1..]) && !around.iter().any(|m| m.contains("header")) {
            continue;
        }
        let text = collapse(&node.text());
        let name = if text.is_empty() {
            let sel = dom_query::Selection::from(*node);
            let img = sel.select("img[alt]");
            img.nodes()
                .first()
                .and_then(|i| i.attr("alt"))
                .map(|a| collapse(&a))
                .unwrap_or_default()
        } else {
            text
        };
        let words = name.split_whitespace().count();
        let lower = name.to_lowercase();
        if (1..=6).contains(&words) && !lower.contains("logo") && !lower.contains("menu") {
            return Some(name);
        }
    }
    None
}

/// A headline without the site's name the `<title>` or `og:title` adds ("Talks end | Daily
/// Herald").
fn strip_site_name(title: &str, publishers: &[MetaValue]) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_l = tail.trim().to_lowercase();
            let named = publishers.iter().any(|p| {
                let p = p.value.to_lowercase();
                p == tail_l || p.contains(&tail_l) || tail_l.contains(&p)
            });
            // Without a known publisher name, a short tail after a bar is still the site.
            let short_site = sep == " | " && tail.split_whitespace().count() <= 4;
            if (named || short_site) && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

pub(super) mod shown;

#[cfg(test)]
mod tests;
