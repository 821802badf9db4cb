//! Machine-readable output: Atom feeds (site and per topic), sitemap, robots.txt, and JSON
//! exports (every inferred fact; TimelineJS's format for embedding).

use std::fmt::Write as _;
use std::path::Path;

use rayon::prelude::*;

use super::model::{ModelBuilder, SiteCx, article_url};
use crate::clean::Format;
use crate::diagnostics::Diagnostic;
use crate::infer::{Article, Evidence, Inferred, OutletRef, PersonRef, Quote, TopicRef};
use crate::order::Timeline;
use crate::reuse::{ExportIndex, Previous};
use serde::Serialize;

/// Entries in each Atom feed.
const FEED_ENTRIES: usize = 50;

/// Writes the non-HTML files, the sitemap listing `page_urls` (canonical paths under the
/// base URL); returns (files, bytes).
pub(super) fn write_feeds(
    timeline: &Timeline,
    builder: &ModelBuilder,
    site: &SiteCx,
    page_urls: &[String],
    exports: &Exports,
    out: &Path,
) -> Result<(usize, u64, Vec<ExportIndex>), Diagnostic> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let base = &site.base_url;
    let pretty = |url: &str| format!("{base}{}", url.trim_end_matches("index.html"));

    // Newest statements first in feeds, whatever the timeline order.
    let mut newest: Vec<usize> = (0..timeline.articles.len())
        .filter(|&i| timeline.articles[i].stated.is_known())
        .collect();
    newest.reverse();
    files.push((
        "atom.xml".into(),
        atom(timeline, builder, site, &site.title, "atom.xml", &newest).into_bytes(),
    ));
    for topic in &timeline.topics {
        let mut items: Vec<usize> = topic
            .articles
            .iter()
            .copied()
            .filter(|&i| timeline.articles[i].stated.is_known())
            .collect();
        items.reverse();
        let path = format!("topics/{}/atom.xml", topic.slug);
        let title = format!("{} — {}", site.title, topic.name);
        files.push((
            path.clone(),
            atom(timeline, builder, site, &title, &path, &items).into_bytes(),
        ));
    }

    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for u in page_urls {
        let _ = writeln!(
            sitemap,
            "  <url><loc>{}</loc></url>",
            xml(&format!("{base}{u}"))
        );
    }
    sitemap.push_str("</urlset>\n");
    files.push(("sitemap.xml".into(), sitemap.into_bytes()));
    files.push((
        "robots.txt".into(),
        format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n").into_bytes(),
    ));

    let articles = write_articles_json(timeline, &pretty, exports, out)?;
    let events = write_timeline_json(timeline, builder, site, &pretty, exports, out)?;
    let (mut count, mut bytes) = (2, articles.size + events.size);

    count += files.len();
    for (rel, data) in files {
        let dest = out.join(&rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::error(&rel, format!("cannot create folder: {e}")))?;
        }
        bytes += data.len() as u64;
        std::fs::write(&dest, data)
            .map_err(|e| Diagnostic::error(&rel, format!("cannot write: {e}")))?;
    }
    Ok((count, bytes, vec![articles, events]))
}

/// What the streamed exports are written with besides the timeline: each article's identity
/// (see `PageCx::id`: equal identities make equal lines) and the previous build's output.
pub(super) struct Exports<'a> {
    /// Article `i`'s identity.
    pub identity: &'a (dyn Fn(usize) -> u64 + Sync),
    /// The previous output, whose lines for unchanged articles are copied.
    pub previous: Option<&'a Previous>,
    /// Whether `articles.json` gives the words of every fact's evidence (`export_evidence`).
    pub evidence: bool,
    /// Whether `articles.json` gives the quotations (`export_quotes`).
    pub quotes: bool,
    /// Whether the exports give the text that repeats the article (`export_text`): the
    /// summary in `articles.json`, each event's quotation in `timeline.json`.
    pub text: bool,
}

/// Items per slice of `articles.json` and `timeline.json` held in memory at once.
const EXPORT_SLICE: usize = 2048;

/// Writes `articles.json`, every fact of every article: a head naming the fields, then one
/// article per line as an array of them (compact, yet easy to read line by line and to diff;
/// no key is repeated on every line). Returns the bytes written.
fn write_articles_json(
    timeline: &Timeline,
    pretty: &(dyn Fn(&str) -> String + Sync),
    exports: &Exports,
    out: &Path,
) -> Result<ExportIndex, Diagnostic> {
    let head = format!(
        "{{\"fields\":{},\"fact\":[\"value\",\"confidence\",\"{}\"],\"outlet\":[\"id\",\"name\",\"kind\"],\"person\":[\"id\",\"name\"],\"topic\":[\"slug\",\"name\"],\"url\":{},\"articles\":[\n",
        serde_json::to_string(&fields(exports)).unwrap_or_default(),
        if exports.evidence {
            "evidence"
        } else {
            "rules"
        },
        serde_json::to_string(&pretty(&article_url("{slug}"))).unwrap_or_default(),
    );
    write_json_lines(
        out,
        "articles.json",
        &head,
        "\n]}\n",
        timeline.articles.len(),
        exports,
        |i| {
            let article = timeline.articles[i].full();
            let row = Row {
                article: &article,
                slug: &timeline.slugs[i],
                exports,
            };
            serde_json::to_string(&row).ok()
        },
    )
}

/// Writes `timeline.json` for TimelineJS
/// (<https://timeline.knightlab.com/docs/json-format.html>): one event per dated statement,
/// one per line. Returns the bytes written.
fn write_timeline_json(
    timeline: &Timeline,
    builder: &ModelBuilder,
    site: &SiteCx,
    pretty: &(dyn Fn(&str) -> String + Sync),
    exports: &Exports,
    out: &Path,
) -> Result<ExportIndex, Diagnostic> {
    let title = TimelineText {
        headline: site.title.clone(),
        text: Some(site.description.clone()),
    };
    let head = format!(
        "{{\"title\":{{\"text\":{}}},\"events\":[\n",
        serde_json::to_string(&title).unwrap_or_default()
    );
    write_json_lines(
        out,
        "timeline.json",
        &head,
        "\n]}\n",
        timeline.articles.len(),
        exports,
        |i| {
            let d = timeline.articles[i].stated.value?;
            let e = builder.entry(i);
            let speakers = e
                .speakers
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            // The main quotation, or the lead sentence when there is none (`export_text`):
            // the event's card links to the article page, which has both.
            let text = exports.text.then(|| match &e.key_quote {
                Some(q) => format!("<blockquote>{}</blockquote>", xml(q)),
                None => format!("<p>{}</p>", xml(&e.summary)),
            });
            let event = TimelineEvent {
                start_date: TimelineDate {
                    year: chrono::Datelike::year(&d),
                    month: chrono::Datelike::month(&d),
                    day: chrono::Datelike::day(&d),
                    display_date: e.stated.as_ref().map(|s| s.display.clone()),
                },
                text: TimelineText {
                    headline: format!("<a href=\"{}\">{}</a>", xml(&pretty(&e.url)), xml(&e.title)),
                    text,
                },
                group: e.topics.first().map(|t| t.name.clone()).unwrap_or(speakers),
                unique_id: e.slug,
            };
            serde_json::to_string(&event).ok()
        },
    )
}

/// A TimelineJS event.
#[derive(Serialize)]
struct TimelineEvent {
    start_date: TimelineDate,
    text: TimelineText,
    group: String,
    unique_id: String,
}

/// A TimelineJS date.
#[derive(Serialize)]
struct TimelineDate {
    year: i32,
    month: u32,
    day: u32,
    display_date: Option<String>,
}

/// A TimelineJS text: headline and HTML (an event's only with `export_text`).
#[derive(Serialize)]
struct TimelineText {
    headline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

/// Writes `rel`: `head`, then the items `item` gives for `0..n` (`None` leaves one out), one
/// per line and comma-separated, then `tail`. Slices of items are serialised in parallel and
/// written one after another, so the file never sits whole in memory. An item whose identity
/// had a line in the previous build's copy of the file is copied from there instead (runs of
/// such lines in one copy), so a rebuild after one edit serialises one item. Returns where
/// each line went, for the next build.
fn write_json_lines(
    out: &Path,
    rel: &str,
    head: &str,
    tail: &str,
    n: usize,
    exports: &Exports,
    item: impl Fn(usize) -> Option<String> + Sync,
) -> Result<ExportIndex, Diagnostic> {
    use std::io::{Read as _, Seek as _, Write as _};
    /// A line to write: copied from the previous file (start, length), or new.
    enum Line {
        Old(u64, u64),
        New(String),
    }
    let failed = |e: std::io::Error| Diagnostic::error(rel, format!("cannot write: {e}"));
    let old = exports.previous.and_then(|p| p.lines(rel));
    let file = std::fs::File::create(out.join(rel)).map_err(failed)?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    w.write_all(head.as_bytes()).map_err(failed)?;
    let mut index = ExportIndex {
        rel: rel.to_string(),
        size: head.len() as u64,
        lines: Vec::with_capacity(n),
        copied: 0,
    };
    // Previous lines not yet copied: a byte range of the old file, separators included.
    let mut run: Option<(u64, u64)> = None;
    let copy_run = |run: &mut Option<(u64, u64)>,
                    w: &mut std::io::BufWriter<std::fs::File>|
     -> std::io::Result<()> {
        let (Some((from, to)), Some(old)) = (run.take(), old.as_ref()) else {
            return Ok(());
        };
        (&old.file).seek(std::io::SeekFrom::Start(from))?;
        let copied = std::io::copy(&mut (&old.file).take(to - from), w)?;
        if copied == to - from {
            Ok(())
        } else {
            Err(std::io::Error::other("the previous copy ended early"))
        }
    };
    for start in (0..n).step_by(EXPORT_SLICE) {
        let end = (start + EXPORT_SLICE).min(n);
        let lines: Vec<(u64, Option<Line>)> = (start..end)
            .into_par_iter()
            .map(|i| {
                let identity = (exports.identity)(i);
                let line = match old.as_ref().and_then(|o| o.at.get(&identity)) {
                    Some(&(from, len)) => Some(Line::Old(from, len)),
                    None => item(i).map(Line::New),
                };
                (identity, line)
            })
            .collect();
        for (identity, line) in lines {
            let Some(line) = line else { continue };
            let first = index.lines.is_empty();
            let separator = if first { 0 } else { 2 };
            let at = index.size + separator;
            let len = match line {
                Line::Old(from, len) => {
                    index.copied += 1;
                    match &mut run {
                        // The line right after the run in the old file, separator between.
                        Some((_, to)) if !first && *to + separator == from => *to = from + len,
                        _ => {
                            copy_run(&mut run, &mut w).map_err(failed)?;
                            if !first {
                                w.write_all(b",\n").map_err(failed)?;
                            }
                            run = Some((from, from + len));
                        }
                    }
                    len
                }
                Line::New(text) => {
                    copy_run(&mut run, &mut w).map_err(failed)?;
                    if !first {
                        w.write_all(b",\n").map_err(failed)?;
                    }
                    w.write_all(text.as_bytes()).map_err(failed)?;
                    text.len() as u64
                }
            };
            index.lines.push((identity, at, len));
            index.size = at + len;
        }
    }
    copy_run(&mut run, &mut w).map_err(failed)?;
    w.write_all(tail.as_bytes()).map_err(failed)?;
    w.flush().map_err(failed)?;
    index.size += tail.len() as u64;
    Ok(index)
}

/// The fields of an `articles.json` row, in order: `summary` only with `export_text`,
/// `quotes` only with `export_quotes`. The last three may be left off a row: `mentioned` and
/// `warnings` when empty, `draft` when false.
fn fields(exports: &Exports) -> Vec<&'static str> {
    let mut fields = vec![
        "id",
        "path",
        "format",
        "slug",
        "title",
        "stated",
        "published",
        "outlet",
        "agency",
        "dateline",
        "speakers",
        "topics",
    ];
    if exports.text {
        fields.push("summary");
    }
    if exports.quotes {
        fields.push("quotes");
    }
    fields.extend(["mentioned", "warnings", "draft"]);
    fields
}

/// An article as a line of `articles.json`: every fact, no body, as an array in the order of
/// [`fields`] (the page's URL is the head's `url` with the slug in it). A fact is
/// `[value, confidence, rules]`, and an outlet, person or topic an array of its id and name
/// (and kind), not an object: keys repeated on every line were half of the file.
struct Row<'a> {
    article: &'a Article,
    slug: &'a str,
    exports: &'a Exports<'a>,
}

impl Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq as _;
        let evidence = self.exports.evidence;
        // Destructured so that a new field of `Article` is not forgotten.
        let Article {
            id,
            path,
            format,
            title,
            published,
            stated,
            outlet,
            agency,
            url: _,
            dateline,
            speakers,
            mentioned,
            quotes,
            topics,
            summary,
            body: _,
            markdown: _,
            draft,
            slug: _,
            warnings,
            today_range: _,
        } = self.article;
        let mut row = s.serialize_seq(None)?;
        row.serialize_element(id)?;
        row.serialize_element(path)?;
        row.serialize_element::<Format>(format)?;
        row.serialize_element(self.slug)?;
        row.serialize_element(&Fact {
            fact: title,
            evidence,
        })?;
        row.serialize_element(&Fact {
            fact: stated,
            evidence,
        })?;
        row.serialize_element(&Fact {
            fact: published,
            evidence,
        })?;
        row.serialize_element(&Fact {
            fact: outlet,
            evidence,
        })?;
        row.serialize_element(&Fact {
            fact: agency,
            evidence,
        })?;
        row.serialize_element(&Fact {
            fact: dateline,
            evidence,
        })?;
        row.serialize_element(&Fact {
            fact: speakers,
            evidence,
        })?;
        row.serialize_element(&Fact {
            fact: topics,
            evidence,
        })?;
        if self.exports.text {
            row.serialize_element(summary)?;
        }
        if self.exports.quotes {
            row.serialize_element(&Quotes { quotes, evidence })?;
        }
        // The optional tail, as far as its last field that is not empty.
        let tail = if *draft {
            3
        } else if !warnings.is_empty() {
            2
        } else {
            usize::from(!mentioned.is_empty())
        };
        if tail >= 1 {
            row.serialize_element(&Cell(mentioned))?;
        }
        if tail >= 2 {
            row.serialize_element(warnings)?;
        }
        if tail >= 3 {
            row.serialize_element(draft)?;
        }
        row.end()
    }
}

/// A fact as `articles.json` gives it: `[value, confidence, evidence]` whole
/// (`export_evidence = true`), or `[value, confidence to two places, rules]`, the names of
/// the rules that gave it, without the words, notes and places the article page shows.
struct Fact<'a, T> {
    fact: &'a Inferred<T>,
    evidence: bool,
}

impl<T: Written> Serialize for Fact<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let value = self.fact.value.as_ref().map(Cell);
        if self.evidence {
            (value, self.fact.confidence, &self.fact.evidence).serialize(s)
        } else {
            (
                value,
                two_places(self.fact.confidence),
                Rules(&self.fact.evidence),
            )
                .serialize(s)
        }
    }
}

/// How a value is written in `articles.json`: a reference to an outlet, a person or a topic
/// as an array (`["kyodo", "Kyodo News", "agency"]`), anything else as itself.
trait Written {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
}

/// A value written as [`Written`] says.
struct Cell<'a, T: ?Sized>(&'a T);

impl<T: Written + ?Sized> Serialize for Cell<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.write(s)
    }
}

impl Written for String {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize(s)
    }
}

impl Written for chrono::NaiveDate {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize(s)
    }
}

impl Written for OutletRef {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.id, &self.name, &self.kind).serialize(s)
    }
}

impl Written for PersonRef {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.id, &self.name).serialize(s)
    }
}

impl Written for TopicRef {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.slug, &self.name).serialize(s)
    }
}

impl<T: Written> Written for Vec<T> {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().write(s)
    }
}

impl<T: Written> Written for [T] {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Cell))
    }
}

/// A confidence to two places, as written in the export without the evidence (0.81, not
/// 0.80526316).
fn two_places(confidence: f32) -> f32 {
    (confidence * 100.0).round() / 100.0
}

/// Evidence as its rule names only: `["date.header", …]`.
struct Rules<'a>(&'a [Evidence]);

impl Serialize for Rules<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|e| &e.rule))
    }
}

/// Quotations as `articles.json` gives them: whole, or their words, speaker, confidence and
/// rule names (no places in a text the export does not hold).
struct Quotes<'a> {
    quotes: &'a [Quote],
    evidence: bool,
}

impl Serialize for Quotes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq as _, SerializeStruct as _};
        if self.evidence {
            return self.quotes.serialize(s);
        }
        struct Brief<'a>(&'a Quote);
        impl Serialize for Brief<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let q = self.0;
                let mut m = s.serialize_struct("Quote", 4)?;
                m.serialize_field("text", &q.text)?;
                m.serialize_field("speaker", &q.speaker)?;
                m.serialize_field("confidence", &two_places(q.confidence))?;
                m.serialize_field("rules", &Rules(&q.evidence))?;
                m.end()
            }
        }
        let mut seq = s.serialize_seq(Some(self.quotes.len()))?;
        for q in self.quotes {
            seq.serialize_element(&Brief(q))?;
        }
        seq.end()
    }
}

fn atom(
    timeline: &Timeline,
    builder: &ModelBuilder,
    site: &SiteCx,
    title: &str,
    path: &str,
    items: &[usize],
) -> String {
    let base = &site.base_url;
    let updated = items
        .iter()
        .filter_map(|&i| timeline.articles[i].stated.value)
        .max()
        .map_or_else(
            || "1970-01-01T00:00:00Z".to_string(),
            |d| format!("{d}T00:00:00Z"),
        );
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<subtitle>{}</subtitle>\n<link rel=\"self\" href=\"{}\"/>\n<link rel=\"alternate\" href=\"{}\"/>\n<id>{}</id>\n<updated>{}</updated>\n<author><name>{}</name></author>\n<generator>communique</generator>\n",
        xml(&site.language),
        xml(title),
        xml(&site.description),
        xml(&format!("{base}{path}")),
        xml(base),
        xml(&format!("{base}{path}")),
        updated,
        xml(&site.title),
    );
    for &i in items.iter().take(FEED_ENTRIES) {
        let e = builder.entry(i);
        let Some(d) = timeline.articles[i].stated.value else {
            continue;
        };
        let url = format!("{base}articles/{}/", e.slug);
        let mut summary = e.summary.clone();
        if let Some(q) = &e.key_quote {
            summary = format!("{summary} “{q}”");
        }
        let _ = write!(
            out,
            "<entry>\n<title>{}</title>\n<link rel=\"alternate\" href=\"{}\"/>\n<id>{}</id>\n<updated>{d}T00:00:00Z</updated>\n<published>{}T00:00:00Z</published>\n",
            xml(&e.title),
            xml(&url),
            xml(&url),
            timeline.articles[i].published.value.unwrap_or(d),
        );
        for s in &e.speakers {
            let _ = writeln!(out, "<author><name>{}</name></author>", xml(&s.name));
        }
        for t in &e.topics {
            let _ = writeln!(out, "<category term=\"{}\"/>", xml(&t.name));
        }
        let _ = write!(out, "<summary>{}</summary>\n</entry>\n", xml(&summary));
    }
    out.push_str("</feed>\n");
    out
}

/// Escapes text for XML.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
