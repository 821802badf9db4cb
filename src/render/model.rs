//! The site model: what templates receive. Plain serialisable values, built once from the
//! timeline, so templates never compute anything and rendering never re-reads a text.

use chrono::NaiveDate;
use serde::Serialize;

use crate::infer::{Article, Evidence, Inferred};
use crate::knowledge::Knowledge;
use crate::order::Timeline;

/// Site-wide values every page gets as `site`.
#[derive(Debug, Clone, Serialize)]
pub struct SiteCx {
    /// The site's name.
    pub title: String,
    /// One sentence about it.
    pub description: String,
    /// The configured base URL, with a trailing slash.
    pub base_url: String,
    /// Page language.
    pub language: String,
    /// Article count.
    pub article_count: usize,
    /// Whether the site has a search page (`search = true` in the config).
    pub search: bool,
    /// Years with statements, newest first: `(year, url)` for the year index.
    pub years: Vec<YearLinkCx>,
}

/// A link to one year's page.
#[derive(Debug, Clone, Serialize)]
pub struct YearLinkCx {
    /// The year ("Undated" never appears here).
    pub year: i32,
    /// Root-relative URL.
    pub url: String,
    /// Statements that year.
    pub count: usize,
}

/// The link to a split list's undated articles.
#[derive(Debug, Clone, Serialize)]
pub struct UndatedLinkCx {
    /// Root-relative URL.
    pub url: String,
    /// Articles without a statement date.
    pub count: usize,
}

/// A link to one page of a list part that takes several.
#[derive(Debug, Clone, Serialize)]
pub struct PageLinkCx {
    /// The page number, from 1.
    pub number: usize,
    /// Root-relative URL.
    pub url: String,
    /// Whether this is the page shown.
    pub current: bool,
}

/// A name with a link, for speakers, topics and sources in lists.
#[derive(Debug, Clone, Serialize)]
pub struct LinkCx {
    /// Display name.
    pub name: String,
    /// Root-relative URL.
    pub url: String,
}

/// A date as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct DateCx {
    /// `2019-02-21`, for `<time datetime>`.
    pub iso: String,
    /// `21 February 2019`.
    pub display: String,
    /// `Thursday, 21 February 2019`.
    pub long: String,
    /// Confidence in percent.
    pub confidence: u32,
    /// Below the site's confidence threshold: shown as uncertain.
    pub uncertain: bool,
    /// Not stated in the text but inferred (any rule other than an explicit date).
    pub inferred: bool,
}

/// A quotation with its speaker.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteCx {
    /// The words.
    pub text: String,
    /// Who said them.
    pub speaker: Option<LinkCx>,
    /// The article it is from.
    pub article: Option<LinkCx>,
    /// The statement date of that article.
    pub date: Option<DateCx>,
    /// Attribution confidence in percent.
    pub confidence: u32,
}

/// An article as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct EntryCx {
    /// Slug.
    pub slug: String,
    /// Root-relative URL of its page.
    pub url: String,
    /// Headline.
    pub title: String,
    /// The headline was derived, not found.
    pub title_derived: bool,
    /// Statement date, if known.
    pub stated: Option<DateCx>,
    /// Publication date, if known.
    pub published: Option<DateCx>,
    /// Outlet.
    pub outlet: Option<LinkCx>,
    /// Agency, when it differs from the outlet.
    pub agency: Option<LinkCx>,
    /// Speakers.
    pub speakers: Vec<LinkCx>,
    /// Topics.
    pub topics: Vec<LinkCx>,
    /// The main speaker's first quotation.
    pub key_quote: Option<String>,
    /// The lead sentence.
    pub summary: String,
    /// Dateline place.
    pub dateline: Option<String>,
}

/// One piece of evidence as the "How this was inferred" panel shows it.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceCx {
    /// Rule name.
    pub rule: String,
    /// The words the rule read.
    pub quote: String,
    /// The explanation.
    pub note: String,
}

/// One fact with its confidence and evidence.
#[derive(Debug, Clone, Serialize)]
pub struct FactCx {
    /// Stable key (`stated`, `outlet`…).
    pub key: String,
    /// Label for readers.
    pub label: String,
    /// The value as text, or `None` when unknown.
    pub value: Option<String>,
    /// Confidence in percent.
    pub confidence: u32,
    /// Below the threshold.
    pub uncertain: bool,
    /// Why.
    pub evidence: Vec<EvidenceCx>,
}

/// A run of body text.
#[derive(Debug, Clone, Serialize)]
pub struct SegmentCx {
    /// The words.
    pub text: String,
    /// Whether this run is a quotation.
    pub quote: bool,
    /// Who said it, for quotations.
    pub speaker: Option<String>,
}

/// A block of body text.
#[derive(Debug, Clone, Serialize)]
pub struct BlockCx {
    /// heading, paragraph, quote or item.
    pub kind: String,
    /// The runs of the block.
    pub segments: Vec<SegmentCx>,
    /// Whether the whole block is one quotation.
    pub all_quote: bool,
}

/// Everything an article page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCx {
    /// The list view of the article.
    #[serde(flatten)]
    pub entry: EntryCx,
    /// The source link, http(s) only.
    pub source_url: Option<String>,
    /// People named without speaking.
    pub mentioned: Vec<LinkCx>,
    /// Body blocks (text articles).
    pub blocks: Vec<BlockCx>,
    /// Rendered Markdown (Markdown articles).
    pub body_html: Option<String>,
    /// Quotations with speakers.
    pub quotes: Vec<QuoteCx>,
    /// Every fact with evidence.
    pub facts: Vec<FactCx>,
    /// The facts about dates only (for the "How this date was inferred" panel).
    pub date_facts: Vec<FactCx>,
    /// Previous statement in the timeline.
    pub previous: Option<LinkCx>,
    /// Next statement in the timeline.
    pub next: Option<LinkCx>,
    /// Related articles.
    pub related: Vec<EntryCx>,
    /// Other outlets' reports of the same statement.
    pub same_statement: Vec<EntryCx>,
    /// The source file, relative to content/.
    pub file: String,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month (1–12).
pub fn month_name(month: u32) -> &'static str {
    MONTHS
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("Undated")
}

pub(super) fn date_cx(fact: &Inferred<NaiveDate>, low: f32) -> Option<DateCx> {
    let d = fact.value?;
    let explicit = fact.evidence.iter().all(|e| {
        e.rule.starts_with("date.header")
            || e.rule == "front-matter"
            || e.rule.starts_with("date.explicit")
            || e.rule.starts_with("date.byline")
    });
    Some(DateCx {
        iso: d.format("%Y-%m-%d").to_string(),
        display: format!(
            "{} {} {}",
            d.format("%-d"),
            month_name(chrono::Datelike::month(&d)),
            d.format("%Y")
        ),
        long: format!(
            "{}, {} {} {}",
            d.format("%A"),
            d.format("%-d"),
            month_name(chrono::Datelike::month(&d)),
            d.format("%Y")
        ),
        confidence: percent(fact.confidence),
        uncertain: fact.confidence < low,
        inferred: !explicit,
    })
}

fn percent(c: f32) -> u32 {
    (c.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// Root-relative URL of an article page.
pub fn article_url(slug: &str) -> String {
    format!("articles/{slug}/index.html")
}

/// Root-relative URL of a topic page.
pub fn topic_url(slug: &str) -> String {
    format!("topics/{slug}/index.html")
}

/// Root-relative URL of a speaker page.
pub fn speaker_url(slug: &str) -> String {
    format!("speakers/{slug}/index.html")
}

/// Root-relative URL of a source page.
pub fn source_url(slug: &str) -> String {
    format!("sources/{slug}/index.html")
}

/// Root-relative URL of a year page.
pub fn year_url(year: i32) -> String {
    format!("years/{year}/index.html")
}

/// Builds list entries and article pages from a timeline.
pub struct ModelBuilder<'a> {
    /// The timeline.
    pub timeline: &'a Timeline,
    /// The knowledge base (roles of speakers).
    pub kb: &'a Knowledge,
    /// The confidence below which facts are marked uncertain.
    pub low: f32,
    /// Whether raw HTML in Markdown articles is passed through (`unsafe_html` in the config).
    pub unsafe_html: bool,
}

impl ModelBuilder<'_> {
    /// The list view of article `i`.
    pub fn entry(&self, i: usize) -> EntryCx {
        let a = &self.timeline.articles[i];
        let slug = &self.timeline.slugs[i];
        let outlet = a.outlet.get().map(|o| LinkCx {
            name: o.name.clone(),
            url: source_url(&o.id),
        });
        let agency = a
            .agency
            .get()
            .filter(|g| a.outlet.get().is_none_or(|o| o.id != g.id))
            .map(|o| LinkCx {
                name: o.name.clone(),
                url: source_url(&o.id),
            });
        let speakers: Vec<LinkCx> = a
            .speakers
            .value
            .iter()
            .flatten()
            .map(|p| LinkCx {
                name: p.name.clone(),
                url: speaker_url(&p.id),
            })
            .collect();
        let main = a
            .speakers
            .value
            .as_ref()
            .and_then(|s| s.first())
            .map(|p| p.id.clone());
        let key_quote = a
            .quotes
            .iter()
            .find(|q| main.is_some() && q.speaker.as_ref().map(|s| &s.id) == main.as_ref())
            .or_else(|| a.quotes.first())
            .map(|q| crate::infer::shorten(q.text.trim_end_matches([',', ';', ':', ' ']), 280));
        EntryCx {
            slug: slug.clone(),
            url: article_url(slug),
            title: a.title.value.clone().unwrap_or_else(|| a.id.clone()),
            title_derived: a
                .title
                .evidence
                .iter()
                .any(|e| e.rule == "title.from-lead" || e.rule == "title.file-name"),
            stated: date_cx(&a.stated, self.low),
            published: date_cx(&a.published, self.low),
            outlet,
            agency,
            speakers,
            topics: a
                .topics
                .value
                .iter()
                .flatten()
                .map(|t| LinkCx {
                    name: t.name.clone(),
                    url: topic_url(&t.slug),
                })
                .collect(),
            key_quote,
            summary: a.summary.clone(),
            dateline: a.dateline.value.clone(),
        }
    }

    /// Everything article `i`'s page shows.
    pub fn article(&self, i: usize) -> ArticleCx {
        let a = self.timeline.articles[i].full();
        let a = &*a;
        let link = |j: usize| LinkCx {
            name: self.timeline.articles[j]
                .title
                .value
                .clone()
                .unwrap_or_default(),
            url: article_url(&self.timeline.slugs[j]),
        };
        let quotes: Vec<QuoteCx> = a
            .quotes
            .iter()
            .map(|q| QuoteCx {
                text: q.text.clone(),
                speaker: q.speaker.as_ref().map(|p| LinkCx {
                    name: p.name.clone(),
                    url: speaker_url(&p.id),
                }),
                article: None,
                date: None,
                confidence: percent(q.confidence),
            })
            .collect();
        let blocks = a
            .body
            .blocks()
            .iter()
            .map(|b| {
                let segments: Vec<SegmentCx> = b
                    .segments
                    .iter()
                    .map(|s| SegmentCx {
                        text: b.segment_text(s).to_string(),
                        quote: s.quote.is_some(),
                        speaker: s
                            .quote
                            .and_then(|q| a.quotes[q].speaker.as_ref().map(|p| p.name.clone())),
                    })
                    .collect();
                let all_quote = segments
                    .iter()
                    .filter(|s| !s.text.trim().is_empty())
                    .all(|s| s.quote)
                    && segments.iter().any(|s| s.quote);
                BlockCx {
                    kind: serde_json::to_value(b.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    segments,
                    all_quote,
                }
            })
            .collect();
        let facts = self.facts(a);
        let date_facts = facts
            .iter()
            .filter(|f| f.key == "stated" || f.key == "published")
            .cloned()
            .collect();
        ArticleCx {
            entry: self.entry(i),
            source_url: a
                .url
                .value
                .clone()
                .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
            mentioned: a
                .mentioned
                .iter()
                .map(|p| LinkCx {
                    name: p.name.clone(),
                    url: speaker_url(&p.id),
                })
                .collect(),
            blocks,
            body_html: a
                .markdown
                .as_deref()
                .map(|md| super::markdown_to_html(md, self.unsafe_html)),
            quotes,
            facts,
            date_facts,
            previous: i.checked_sub(1).map(link),
            next: (i + 1 < self.timeline.articles.len()).then(|| link(i + 1)),
            related: self.timeline.related[i]
                .iter()
                .map(|&j| self.entry(j))
                .collect(),
            same_statement: self.timeline.same_statement[i]
                .iter()
                .map(|&j| self.entry(j))
                .collect(),
            file: a.path.clone(),
        }
    }

    fn facts(&self, a: &Article) -> Vec<FactCx> {
        let low = self.low;
        fn cx<T>(
            key: &str,
            label: &str,
            f: &Inferred<T>,
            low: f32,
            show: impl Fn(&T) -> String,
        ) -> FactCx {
            FactCx {
                key: key.into(),
                label: label.into(),
                value: f.value.as_ref().map(show),
                confidence: percent(f.confidence),
                uncertain: f.value.is_some() && f.confidence < low,
                evidence: f.evidence.iter().map(evidence_cx).collect(),
            }
        }
        let day = |d: &NaiveDate| d.format("%Y-%m-%d").to_string();
        vec![
            cx("stated", "Statement date", &a.stated, low, day),
            cx("published", "Publication date", &a.published, low, day),
            cx("title", "Title", &a.title, low, String::clone),
            cx("outlet", "Outlet", &a.outlet, low, |o| o.name.clone()),
            cx("agency", "Agency", &a.agency, low, |o| o.name.clone()),
            cx("url", "Source link", &a.url, low, String::clone),
            cx("dateline", "Dateline", &a.dateline, low, String::clone),
            cx("speakers", "Speakers", &a.speakers, low, |s| {
                s.iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
            cx("topics", "Themes", &a.topics, low, |t| {
                t.iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
        ]
    }
}

fn evidence_cx(e: &Evidence) -> EvidenceCx {
    EvidenceCx {
        rule: e.rule.to_string(),
        quote: e.quote.clone(),
        note: e.note.clone(),
    }
}
