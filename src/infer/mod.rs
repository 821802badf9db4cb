//! Inference: a cleaned [`Doc`] in, an [`Article`] of facts with evidence out.
//!
//! Pure functions over the text, the knowledge base and the configuration: no I/O, no clock
//! (today's date is passed in), no state between articles — so articles are inferred in
//! parallel and tested one text at a time. Each fact is an [`Inferred`] carrying its evidence.

mod dates;
mod fact;
mod names;
mod people;
mod source;
mod title;
mod topics;

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::clean::{BlockKind, Doc, Format};
use crate::dates::{Today, TodayRange};
use crate::knowledge::Knowledge;

pub use dates::{DateFacts, infer_dates};
pub use fact::{Evidence, Inferred, Span, shorten};
pub use people::{PeopleFacts, PersonRef, Quote, infer_people, quote_spans};
pub use source::{OutletRef, SourceFacts, host_of, infer_source};
pub use title::{is_all_caps, title_case};
pub use topics::{TopicMatcher, TopicRef, sentences};

/// What inference needs besides the text: built once per build, shared by all articles.
#[derive(Debug)]
pub struct InferContext<'a> {
    /// The knowledge base (built-in plus the site's additions).
    pub kb: &'a Knowledge,
    /// The site's topics, compiled.
    pub topics: &'a TopicMatcher,
    /// The years the collection covers, when the config says.
    pub period: Option<(i32, i32)>,
    /// Today: no text is published after it. Inference reads it only through a
    /// [`Today`] of its own, which records the days on which the article holds.
    pub today: NaiveDate,
}

/// A run of body text: plain, or a quotation with its index in [`Article::quotes`]. It names
/// its bytes in the block's text rather than copying them, so a body is held once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// Where the run starts in [`BodyBlock::text`] (bytes).
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The quote this run is, if it is one.
    pub quote: Option<usize>,
}

/// A block of the article body as pages show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodyBlock {
    /// heading, paragraph, quote or item.
    pub kind: BlockKind,
    /// The cleaned text.
    pub text: String,
    /// The text split into plain runs and quotations.
    pub segments: Vec<Segment>,
}

impl BodyBlock {
    /// The words of one of this block's segments.
    pub fn segment_text(&self, s: &Segment) -> &str {
        self.text.get(s.start..s.end).unwrap_or("")
    }
}

/// An article's body. Only its own page and the search index read it, so between inference and
/// those it can be held encoded ([`Body::compact`]): a third of an article's memory, and a
/// rebuild decodes the bodies of the pages it renders rather than of every article.
///
/// Formats for people (JSON) see the blocks; compact formats (the inference cache) see the
/// encoded bytes, which a cached article keeps as they are until a page asks for its blocks.
#[derive(Debug, Clone)]
pub struct Body(BodyForm);

#[derive(Debug, Clone)]
enum BodyForm {
    Blocks(Vec<BodyBlock>),
    /// The blocks as postcard bytes.
    Encoded(Box<[u8]>),
}

impl Body {
    /// A body of these blocks.
    pub fn new(blocks: Vec<BodyBlock>) -> Body {
        Body(BodyForm::Blocks(blocks))
    }

    /// The blocks, decoded if the body is held encoded (an undecodable body reads as empty:
    /// only this program encodes it).
    pub fn blocks(&self) -> Cow<'_, [BodyBlock]> {
        match &self.0 {
            BodyForm::Blocks(blocks) => Cow::Borrowed(blocks),
            BodyForm::Encoded(bytes) => Cow::Owned(postcard::from_bytes(bytes).unwrap_or_default()),
        }
    }

    /// Holds the body encoded from now on.
    pub fn compact(&mut self) {
        if let BodyForm::Blocks(blocks) = &self.0 {
            if let Ok(bytes) = postcard::to_allocvec(blocks) {
                self.0 = BodyForm::Encoded(bytes.into_boxed_slice());
            }
        }
    }

    /// The encoded blocks.
    fn encoded(&self) -> Cow<'_, [u8]> {
        match &self.0 {
            BodyForm::Blocks(blocks) => {
                Cow::Owned(postcard::to_allocvec(blocks).unwrap_or_default())
            }
            BodyForm::Encoded(bytes) => Cow::Borrowed(bytes),
        }
    }
}

impl Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            self.blocks().serialize(s)
        } else {
            s.serialize_bytes(&self.encoded())
        }
    }
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Body, D::Error> {
        if d.is_human_readable() {
            Vec::<BodyBlock>::deserialize(d).map(Body::new)
        } else {
            d.deserialize_bytes(EncodedBody)
        }
    }
}

/// Reads an encoded body's bytes without decoding them.
struct EncodedBody;

impl serde::de::Visitor<'_> for EncodedBody {
    type Value = Body;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an encoded article body")
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Body, E> {
        Ok(Body(BodyForm::Encoded(bytes.into())))
    }
}

/// Everything inferred about one article.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    /// The file stem: stable id.
    pub id: String,
    /// The path under the content folder.
    pub path: String,
    /// Text or Markdown.
    pub format: Format,
    /// The headline.
    pub title: Inferred<String>,
    /// The day the text was published.
    pub published: Inferred<NaiveDate>,
    /// The day the main statement was made: what the timeline orders by.
    pub stated: Inferred<NaiveDate>,
    /// Who published this copy.
    pub outlet: Inferred<OutletRef>,
    /// Whose copy it is.
    pub agency: Inferred<OutletRef>,
    /// The link to the original.
    pub url: Inferred<String>,
    /// The dateline's place.
    pub dateline: Inferred<String>,
    /// Who made statements.
    pub speakers: Inferred<Vec<PersonRef>>,
    /// Known people named without speaking.
    pub mentioned: Vec<PersonRef>,
    /// Quotations with their speakers.
    pub quotes: Vec<Quote>,
    /// Subject themes.
    pub topics: Inferred<Vec<TopicRef>>,
    /// The lead sentence, for summaries and metadata.
    pub summary: String,
    /// The body as pages show it (title, outlet lines and credits removed).
    pub body: Body,
    /// Markdown articles: the CommonMark body (rendered by the theme's page).
    pub markdown: Option<String>,
    /// Drafts are built only on request.
    pub draft: bool,
    /// The URL slug the author chose (front matter `slug`), used instead of the title's.
    pub slug: Option<String>,
    /// Problems found in the text.
    pub warnings: Vec<String>,
    /// The days the build's `today` may be for this article to infer exactly as it did (see
    /// [`crate::dates::today`]): a year-less date resolved against today holds only until the
    /// same day comes round again; a text that never asked holds on every day. The inference
    /// cache infers an article again only on a day outside it.
    pub today_range: TodayRange,
}

/// Infers every fact of one article.
pub fn infer(doc: &Doc, cx: &InferContext) -> Article {
    let kb = cx.kb;
    let front = &doc.front;
    let source = infer_source(doc, kb);

    // The title: the author's, a heading, or derived from the lead (after speakers are known).
    let heading = title_from_front(doc)
        .or_else(|| title::title_from_heading(doc, &source.name_blocks).map(|(t, i)| (t, Some(i))));
    let title_block = heading.as_ref().and_then(|(_, i)| *i);
    // What stands above the headline is the page's furniture, not the story.
    // A note on the text in brackets ("(Spanish transcript – translation)") is no story either.
    let first_body = title_block.map_or(0, |t| t + 1);
    let first_body = first_body
        + doc.blocks[first_body.min(doc.blocks.len())..]
            .iter()
            .take_while(|b| title::furniture_reason(&b.text) == Some("note in brackets"))
            .count();
    let body_indices: Vec<usize> = (first_body..doc.blocks.len())
        .filter(|i| !source.name_blocks.contains(i))
        .collect();
    let people = infer_people(doc, kb, &body_indices);
    let lead = lead_paragraph(doc, &body_indices);
    let summary = lead
        .map(|i| shorten(strip_dateline(&doc.blocks[i].text), 300))
        .unwrap_or_default();

    let page_title = page_headline(doc).filter(|_| doc.front.title.is_none());
    let title = match heading {
        Some((title, _)) => page_title.unwrap_or_else(|| title::without_site_name(title, kb)),
        None => match lead {
            Some(i) => {
                let surname = people
                    .speakers
                    .get()
                    .and_then(|s| s.first())
                    .map(|p| surname_of(kb, p));
                title::title_from_lead(
                    strip_dateline(&doc.blocks[i].text),
                    doc.blocks[i].span,
                    doc,
                    surname.as_deref(),
                )
            }
            None => Inferred::known(
                doc.id.clone(),
                0.1,
                vec![Evidence::note(
                    "title.file-name",
                    "the text has no heading and no lead: the file name stands in",
                )],
            ),
        },
    };

    let opening = dates::Opening {
        title: title_block.map(|i| doc.blocks[i].span),
        body_from: title_block.map_or(0, |i| doc.blocks[i].span.end),
    };
    let today = Today::new(cx.today);
    let dates = dates::infer_dates_in(doc, kb, cx.period, &today, opening);
    let mut speakers = headline_speaker_first(kb, people.speakers, title.get());
    if !speakers.is_known()
        && let Some(&day) = dates.stated.get().or(dates.published.get())
    {
        let spans: Vec<Span> = title_block
            .into_iter()
            .chain(lead)
            .map(|i| doc.blocks[i].span)
            .collect();
        if let Some(holder) = people::office_holder(doc, kb, &spans, day) {
            speakers = holder;
        }
    }

    // Topics over title and body sentences.
    let mut spans = Vec::new();
    if let Some(i) = title_block {
        spans.push(doc.blocks[i].span);
    }
    for &i in &body_indices {
        spans.extend(sentences(&doc.text, doc.blocks[i].span));
    }
    let topics = match &front.topics {
        Some(names) => Inferred::given(
            names
                .iter()
                .map(|n| {
                    cx.topics
                        .topics()
                        .find(|t| t.name.eq_ignore_ascii_case(n) || t.slug == *n)
                        .cloned()
                        .unwrap_or_else(|| TopicRef {
                            slug: crate::slug::slugify(n),
                            name: n.clone(),
                        })
                })
                .collect(),
            "topics",
        ),
        None => cx.topics.classify(&doc.text, &spans),
    };

    let body = body_blocks(doc, &body_indices, &people.quotes, source.credit_cut);
    let markdown = (doc.format == Format::Markdown).then(|| doc.text.clone());

    let given_or = |given: &Option<String>, key: &str, inferred: Inferred<OutletRef>| match given {
        Some(name) => Inferred::given(OutletRef::named(kb, name), key),
        None => inferred,
    };
    Article {
        id: doc.id.clone(),
        path: doc.path.to_string_lossy().replace('\\', "/"),
        format: doc.format,
        title,
        published: match front.date {
            Some(d) => Inferred::given(d, "date"),
            None => dates.published,
        },
        stated: match front
            .stated
            .or(front.date.filter(|_| !dates.stated.is_known()))
        {
            Some(d) => Inferred::given(
                d,
                if front.stated.is_some() {
                    "stated"
                } else {
                    "date"
                },
            ),
            None => dates.stated,
        },
        outlet: given_or(&front.outlet, "outlet", source.outlet),
        agency: given_or(&front.agency, "agency", source.agency),
        url: match &front.url {
            Some(u) => Inferred::given(u.clone(), "url"),
            None => source.url,
        },
        dateline: match &front.dateline {
            Some(d) => Inferred::given(d.clone(), "dateline"),
            None => dates.dateline,
        },
        speakers: match &front.speakers {
            Some(names) => Inferred::given(
                names.iter().map(|n| PersonRef::named(kb, n)).collect(),
                "speakers",
            ),
            None => speakers,
        },
        mentioned: people.mentioned,
        quotes: people.quotes,
        topics,
        summary,
        body: Body::new(body),
        markdown,
        draft: front.draft,
        slug: front.slug.clone(),
        warnings: doc.warnings.clone(),
        today_range: today.range(),
    }
}

/// A saved page's headline as its markup gives it (JSON-LD, `og:title`, `<h1>`, `<title>`).
fn page_headline(doc: &Doc) -> Option<Inferred<String>> {
    let headlines = &doc.page.as_deref()?.headlines;
    // A word or three that no other carrier repeats is a section's or the site's label
    // ("Pressemitteilungen", "Son"), not the story's headline.
    let confirmed = |h: &crate::clean::MetaValue| {
        h.value.split_whitespace().count() > 3
            || headlines.iter().any(|o| {
                !std::ptr::eq(o, h) && o.value.to_lowercase().contains(&h.value.to_lowercase())
            })
    };
    let h = headlines
        .iter()
        .find(|h| confirmed(h))
        .or(headlines.first())?;
    let confidence = match &*h.from {
        "<title>" => 0.75,
        "<h1>" => 0.85,
        _ => 0.95,
    };
    Some(Inferred::known(
        h.value.clone(),
        confidence,
        vec![Evidence::quoting(
            "title.page",
            &h.value,
            format!("the page's {} gives the headline", h.from),
        )],
    ))
}

fn title_from_front(doc: &Doc) -> Option<(Inferred<String>, Option<usize>)> {
    let title = doc.front.title.as_ref()?;
    // A Markdown body often repeats the title as its first heading: do not show it twice.
    let repeated = doc
        .blocks
        .first()
        .filter(|b| b.kind == BlockKind::Heading && b.text.eq_ignore_ascii_case(title))
        .map(|_| 0);
    Some((Inferred::given(title.clone(), "title"), repeated))
}

/// The main speaker is the one whose statement the headline is about: a speaker the headline
/// names (in full or by surname) goes first.
fn headline_speaker_first(
    kb: &Knowledge,
    mut speakers: Inferred<Vec<PersonRef>>,
    title: Option<&String>,
) -> Inferred<Vec<PersonRef>> {
    let (Some(title), Some(list)) = (title, speakers.value.as_mut()) else {
        return speakers;
    };
    let named = |p: &PersonRef| {
        let surname = surname_of(kb, p);
        title.contains(p.name.as_str())
            || surname.len() >= 3
                && title
                    .match_indices(surname.as_str())
                    .any(|(at, _)| crate::knowledge::word_bounded(title, at, at + surname.len()))
    };
    if let Some(i) = list.iter().position(named).filter(|&i| i > 0) {
        let person = list.remove(i);
        speakers.evidence.insert(
            0,
            Evidence::note(
                "speaker.headline",
                format!("the headline names {}: the main speaker", person.name),
            ),
        );
        list.insert(0, person);
    }
    speakers
}

fn surname_of(kb: &Knowledge, person: &PersonRef) -> String {
    kb.person_by_id(&person.id)
        .map(|p| kb.people[p].surname.clone())
        .unwrap_or_else(|| {
            person
                .name
                .rsplit(' ')
                .next()
                .unwrap_or(&person.name)
                .to_string()
        })
}

/// The lead: the first paragraph that opens with a dateline, else the first that does not open
/// with a quotation. Paragraphs of page furniture ("Note: where available, the PDF icon…", a
/// caption's remnant, a presenter's bio glued to its photo's alt text) are no lead.
fn lead_paragraph(doc: &Doc, body: &[usize]) -> Option<usize> {
    let furniture = |text: &str| match title::furniture_reason(text) {
        None | Some("speaker label") => false,
        // Notice words ("privacy", "download") also occur in a story's sentences, which end
        // with a full stop.
        Some("notice") => !text.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}']),
        Some(_) => true,
    };
    // Read lazily: the lead is nearly always among the first paragraphs.
    // A bulleted word or two ("• yesterday", "• Nuclear") is a tag or a feed's stamp.
    let tag = |text: &str| crate::clean::is_list_item(text) && text.split_whitespace().count() <= 3;
    let paragraphs = || {
        body.iter().copied().filter(|&i| {
            let text = &doc.blocks[i].text;
            doc.blocks[i].kind == BlockKind::Paragraph && !furniture(text) && !tag(text)
        })
    };
    paragraphs()
        .take(3)
        .find(|&i| strip_dateline(&doc.blocks[i].text).len() < doc.blocks[i].text.len())
        .or_else(|| paragraphs().find(|&i| !doc.blocks[i].text.starts_with(['"', '\u{201c}'])))
        .or_else(|| paragraphs().next())
}

/// The paragraph without its dateline ("MOSCOW, January 14. /TASS/. ", "NAGOYA - ").
pub fn strip_dateline(p: &str) -> &str {
    const SEPARATORS: &[&str] = &[
        "/. ",
        ") -- ",
        ") - ",
        ") \u{2014} ",
        " -- ",
        " - ",
        "- ",
        " \u{2014} ",
        " \u{2013} ",
        " ~ ",
        "/ ",
    ];
    let reach = crate::knowledge::floor_char(p, 90);
    let mut best: Option<(usize, usize)> = None;
    for sep in SEPARATORS {
        if let Some(i) = p[..reach].find(sep) {
            if best.is_none_or(|(b, _)| i < b) {
                best = Some((i, sep.len()));
            }
        }
    }
    let Some((at, len)) = best else { return p };
    let prefix = &p[..at];
    let words = prefix.split_whitespace().count();
    let starts_upper = prefix.chars().next().is_some_and(char::is_uppercase);
    let first_word = prefix.split([' ', ',']).next().unwrap_or("");
    let place_like = first_word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        || words <= 2
        || prefix.contains('/');
    if starts_upper && words <= 8 && place_like && !prefix.contains('"') {
        p[at + len..].trim_start()
    } else {
        p
    }
}

/// The body as shown: blocks minus title and outlet lines, the closing credit cut, each block
/// split into plain runs and quotations.
fn body_blocks(
    doc: &Doc,
    body: &[usize],
    quotes: &[Quote],
    credit_cut: Option<(usize, usize)>,
) -> Vec<BodyBlock> {
    body.iter()
        // A block that is all credit ("AFP" on its own line) is no part of the story.
        .filter(|&&i| credit_cut != Some((i, 0)))
        .map(|&i| {
            let block = &doc.blocks[i];
            let mut text = block.text.clone();
            if let Some((ci, keep)) = credit_cut {
                if ci == i {
                    text.truncate(keep);
                }
            }
            let mut segments = Vec::new();
            let mut rest_start = 0;
            for (qi, q) in quotes.iter().enumerate().filter(|(_, q)| q.block == i) {
                let needle: String = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(at) = text[rest_start..].find(&needle) {
                    // The quotation marks belong to the quotation.
                    let mut at = rest_start + at;
                    let mut end = at + needle.len();
                    if let Some(c) = text[rest_start..at]
                        .chars()
                        .next_back()
                        .filter(|c| is_quote_mark(*c))
                    {
                        at -= c.len_utf8();
                    }
                    if let Some(c) = text[end..].chars().next().filter(|c| is_quote_mark(*c)) {
                        end += c.len_utf8();
                    }
                    if at > rest_start {
                        segments.push(Segment {
                            start: rest_start,
                            end: at,
                            quote: None,
                        });
                    }
                    segments.push(Segment {
                        start: at,
                        end,
                        quote: Some(qi),
                    });
                    rest_start = end;
                }
            }
            if rest_start < text.len() {
                segments.push(Segment {
                    start: rest_start,
                    end: text.len(),
                    quote: None,
                });
            }
            BodyBlock {
                kind: block.kind,
                text,
                segments,
            }
        })
        .collect()
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks() -> Vec<BodyBlock> {
        let text = "The minister said talks \u{201c}would go on\u{201d} next month.".to_string();
        let open = text.find('\u{201c}').unwrap();
        let close = text.find('\u{201d}').unwrap() + '\u{201d}'.len_utf8();
        vec![
            BodyBlock {
                kind: BlockKind::Paragraph,
                segments: vec![
                    Segment {
                        start: 0,
                        end: open,
                        quote: None,
                    },
                    Segment {
                        start: open,
                        end: close,
                        quote: Some(0),
                    },
                    Segment {
                        start: close,
                        end: text.len(),
                        quote: None,
                    },
                ],
                text,
            },
            BodyBlock {
                kind: BlockKind::Heading,
                text: "Next steps".into(),
                segments: Vec::new(),
            },
        ]
    }

    #[test]
    fn a_compacted_body_reads_and_encodes_as_it_was() {
        let plain = Body::new(blocks());
        let mut compact = plain.clone();
        compact.compact();
        assert!(matches!(compact.0, BodyForm::Encoded(_)));
        assert_eq!(&*compact.blocks(), &blocks()[..]);
        // The cache's bytes, and so an article's hash, do not depend on the form held.
        assert_eq!(
            postcard::to_allocvec(&plain).unwrap(),
            postcard::to_allocvec(&compact).unwrap()
        );
        // People's formats see the blocks.
        assert_eq!(
            serde_json::to_value(&compact).unwrap(),
            serde_json::to_value(blocks()).unwrap()
        );
    }

    #[test]
    fn a_cached_body_stays_encoded_until_read() {
        let bytes = postcard::to_allocvec(&Body::new(blocks())).unwrap();
        let body: Body = postcard::from_bytes(&bytes).unwrap();
        assert!(matches!(body.0, BodyForm::Encoded(_)));
        assert_eq!(&*body.blocks(), &blocks()[..]);
        let json = serde_json::to_string(&body).unwrap();
        let back: Body = serde_json::from_str(&json).unwrap();
        assert_eq!(&*back.blocks(), &blocks()[..]);
    }

    fn infer_on(text: &str, today: &str) -> Article {
        let topics = TopicMatcher::new(&[]);
        let cx = InferContext {
            kb: Knowledge::builtin(),
            topics: &topics,
            period: None,
            today: today.parse().unwrap(),
        };
        infer(&crate::clean::clean_str("wire.txt", text), &cx)
    }

    #[test]
    fn a_year_less_dateline_holds_until_its_day_comes_round_and_a_full_date_ever_after() {
        // 27 June was a Monday in 2011, 2016 and 2022: the year is the latest not after today.
        let yearless = "Talks to resume\n\nTOKYO, June 27 (Kyodo) -- The foreign minister said on Monday that talks would resume next month.\n";
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let a = infer_on(yearless, "2022-06-01");
        assert_eq!(a.published.value, Some(day("2016-06-27")));
        // It depended on today: it holds until the day before 27 June 2022 comes round.
        assert_eq!(a.today_range.to, Some(day("2022-06-26")));
        assert!(a.today_range.contains(day("2022-06-01")));
        // Within the range the same article; the day after it, another year.
        let last = infer_on(yearless, "2022-06-26");
        assert_eq!(
            serde_json::to_string(&last).unwrap(),
            serde_json::to_string(&a).unwrap()
        );
        let after = infer_on(yearless, "2022-06-27");
        assert_eq!(after.published.value, Some(day("2022-06-27")));

        // The same text dated in full holds on every day from its date on.
        let dated = yearless.replace("June 27", "June 27, 2016");
        let b = infer_on(&dated, "2022-06-01");
        assert_eq!(b.published.value, Some(day("2016-06-27")));
        assert_eq!(b.today_range.to, None, "{:?}", b.today_range);
        assert!(b.today_range.contains(day("2016-06-27")));
        assert!(b.today_range.contains(day("2099-12-31")));
    }

    #[test]
    fn a_mastheads_line_is_no_headline() {
        let a = infer_on(
            "Ministry of Foreign Affairs and International Cooperation of the Harbour Republic\n\n\
             04/18/2024 | Press release\n\nMinister Lestari meets her counterpart on the sidelines of the summit\n\nThe \
             Harbour Republic's Minister of Foreign Affairs and International Cooperation, Ana \
             Lestari, today met her counterpart on the sidelines of the summit in the capital.\n",
            "2025-06-01",
        );
        assert_eq!(
            a.outlet.evidence.first().map(|e| e.rule.as_ref()),
            Some("source.masthead")
        );
        assert_eq!(
            a.title.value.as_deref(),
            Some("Minister Lestari meets her counterpart on the sidelines of the summit")
        );
    }

    #[test]
    fn the_speaker_the_headline_names_is_the_main_speaker() {
        let topics = TopicMatcher::new(&[]);
        let cx = InferContext {
            kb: Knowledge::builtin(),
            topics: &topics,
            period: None,
            today: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
        };
        let doc = crate::clean::clean_str(
            "h.txt",
            "Okafor rejects border claims\n\nGhana's Foreign Minister Kofi Mensah said on Monday that the border had been crossed. Nigeria's Foreign Minister Adaeze Okafor dismissed the claim.\n\nThere was no crossing, Okafor told reporters.\n",
        );
        let a = infer(&doc, &cx);
        let names: Vec<&str> = a
            .speakers
            .value
            .iter()
            .flatten()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["Adaeze Okafor", "Kofi Mensah"]);
        assert_eq!(a.speakers.evidence[0].rule, "speaker.headline");
    }

    #[test]
    fn an_office_named_with_its_country_and_no_name_is_its_holder_on_the_day() {
        let speaker = |lead: &str| {
            let a = infer_on(
                &format!("Envoys gather for regional talks\n\nBEIJING, Oct. 15, 2019 -- {lead}\n"),
                "2025-06-01",
            );
            let rule = a.speakers.evidence.first().map(|e| e.rule.to_string());
            let names: Vec<String> = a
                .speakers
                .value
                .into_iter()
                .flatten()
                .map(|p| p.name)
                .collect();
            (names, rule)
        };
        let (names, rule) = speaker(
            "The Chinese Foreign Minister presided over a meeting of regional envoys on Tuesday.",
        );
        assert_eq!(names, ["Wang Yi"]);
        assert_eq!(rule.as_deref(), Some("speaker.office-holder"));
        // The country after the office.
        let (names, _) = speaker(
            "The Minister of Foreign Affairs of China presided over a meeting of regional envoys on Tuesday.",
        );
        assert_eq!(names, ["Wang Yi"]);
        // An office late in the sentence is not its subject; an office without its country is
        // anyone's.
        for lead in [
            "Envoys from ten countries of the region met with the Chinese Foreign Minister on Tuesday.",
            "The Foreign Minister presided over a meeting of regional envoys on Tuesday.",
        ] {
            let (names, _) = speaker(lead);
            assert!(names.is_empty(), "{lead}: {names:?}");
        }
    }

    #[test]
    fn a_note_in_brackets_over_the_text_is_neither_headline_nor_lead() {
        let a = infer_on(
            "(Unofficial translation from the Spanish original)\n\nThe foreign minister said on Monday that the talks with the neighbours on the border would resume next month in the capital.\n",
            "2025-06-01",
        );
        let title = a.title.value.unwrap();
        assert!(!title.contains("translation"), "{title}");
        assert!(
            a.summary.starts_with("The foreign minister"),
            "{}",
            a.summary
        );
    }

    #[test]
    fn a_pages_notes_and_a_presenters_bio_are_no_lead() {
        let story = "The foreign minister said on Monday that the border talks would resume in the spring, after a pause of two years.";
        for furniture in [
            "Note: where available, the PDF icon below is provided to view the complete and fully formatted document",
            "Ann LeeAnn Lee presents The Morning on Harbour Radio, Monday to Friday from 7am",
            "- Harbour Radio International, 1920",
            // A feed's stamp or a tag, bulleted.
            "  \u{2022} yesterday",
            "  \u{2022} Nuclear",
        ] {
            let a = infer_on(&format!("{furniture}\n\n{story}\n"), "2025-06-01");
            let title = a.title.value.unwrap();
            assert!(
                title.starts_with("The foreign minister"),
                "{furniture}: {title}"
            );
            assert!(a.summary.starts_with("The foreign minister"), "{furniture}");
        }
        // A story's sentence that holds a notice's word is still the lead.
        let lead = "Officials said on Monday that the two ministers spoke about privacy rules for travellers and the data the airlines share.";
        let a = infer_on(&format!("{lead}\n\n{story}\n"), "2025-06-01");
        assert!(a.summary.starts_with("Officials said"), "{}", a.summary);
    }
}
