//! Who published this copy (the outlet) and whose copy it is (the agency), and the source URL.
//!
//! Rules, in order of strength: the author's front matter; a line at the top naming a known
//! outlet ("The Daily Manila Shimbun"); an agency's mark in the lead's dateline ("/TASS/.",
//! "(Reuters)") — wire copy as the agency itself publishes it; a credit line or closing credit
//! naming an agency; a source link on an agency's host. A republished text that names its
//! publisher nowhere keeps an explicit unknown outlet.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::clean::{
    BlockKind, Doc, INSTITUTION_WORDS, MetaKind, body_name, from_line_body, url_in,
};
use crate::knowledge::{Knowledge, OutletId};
use crate::slug::slugify;

use super::{Evidence, Inferred, Span};

/// An outlet or agency as articles refer to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct OutletRef {
    /// Slug, stable across builds (the knowledge id when known).
    pub id: String,
    /// Display name.
    pub name: String,
    /// agency, newspaper, … or "unknown" for names only the author gave.
    pub kind: String,
}

impl OutletRef {
    fn from_kb(kb: &Knowledge, id: OutletId) -> OutletRef {
        let o = &kb.outlets[id];
        OutletRef {
            id: o.id.clone(),
            name: o.name.clone(),
            kind: o.kind.clone(),
        }
    }

    /// An outlet named by the author: the knowledge base's entry when it knows the name.
    pub fn named(kb: &Knowledge, name: &str) -> OutletRef {
        match kb.outlet_by_name(name) {
            Some(id) => OutletRef::from_kb(kb, id),
            None => OutletRef {
                id: slugify(name),
                name: name.to_string(),
                kind: "unknown".into(),
            },
        }
    }
}

/// What the source rules found.
#[derive(Debug, Clone, Default)]
pub struct SourceFacts {
    /// Who published this copy.
    pub outlet: Inferred<OutletRef>,
    /// Whose copy it is.
    pub agency: Inferred<OutletRef>,
    /// The link to the original.
    pub url: Inferred<String>,
    /// Blocks that name the outlet and are not body text.
    pub name_blocks: Vec<usize>,
    /// A closing credit to cut from the last block: (block index, byte length of the text kept).
    pub credit_cut: Option<(usize, usize)>,
}

/// How far into the text a dateline mark may stand and still be the lead's dateline.
const DATELINE_REACH: usize = 120;

/// Reads outlet, agency and URL from `doc`.
pub fn infer_source(doc: &Doc, kb: &Knowledge) -> SourceFacts {
    let mut facts = SourceFacts::default();
    let text = &doc.text;
    if let Some(page) = doc.page.as_deref() {
        page_source(page, kb, &mut facts);
    }

    // A line at the top that is only an outlet's name ("The Harbour Times", "The Harbour
    // Times - News"), or a bulleted byline naming one ("• Kyodo"): an agency's name in a
    // byline credits its copy, a paper's names the page.
    for (i, block) in doc.blocks.iter().enumerate() {
        let bulleted = block.kind == BlockKind::Paragraph
            && crate::clean::is_list_item(&block.text)
            && block.text.split_whitespace().count() <= 5;
        // A cookie notice above the masthead is no story: read on past it.
        if block.kind != BlockKind::Heading && !bulleted {
            if is_notice(&block.text) {
                continue;
            }
            break;
        }
        // A title bar's line is the headline too: it stays one.
        let named = name_line_outlet(kb, &block.text)
            .inspect(|_| facts.name_blocks.push(i))
            .or_else(|| title_bar_outlet(kb, block.text.trim()));
        if let Some(id) = named {
            if bulleted && kb.outlets[id].is_agency() {
                if !facts.agency.is_known() {
                    facts.agency = Inferred::known(
                        OutletRef::from_kb(kb, id),
                        0.85,
                        vec![Evidence::at(
                            "source.credit-line",
                            text,
                            block.span,
                            format!("a byline at the top names {}", kb.outlets[id].name),
                        )],
                    );
                }
            } else if !facts.outlet.is_known() {
                facts.outlet = Inferred::known(
                    OutletRef::from_kb(kb, id),
                    0.9,
                    vec![Evidence::at(
                        "source.name-line",
                        text,
                        block.span,
                        format!("a line at the top names {}", kb.outlets[id].name),
                    )],
                );
            }
        }
    }
    for meta in doc.meta.iter().filter(|m| m.kind == MetaKind::NameLine) {
        if let (false, Some(id)) = (facts.outlet.is_known(), kb.outlet_by_name(&meta.text)) {
            facts.outlet = Inferred::known(
                OutletRef::from_kb(kb, id),
                0.9,
                vec![Evidence::at(
                    "source.name-line",
                    text,
                    meta.span,
                    "a line names the outlet",
                )],
            );
        }
    }

    // An agency mark in the lead's dateline.
    let lead = doc
        .blocks
        .iter()
        .find(|b| {
            b.kind == BlockKind::Paragraph
                && !starts_with_quote(&b.text)
                && has_mark_near_start(kb, &b.text)
        })
        .or_else(|| doc.blocks.iter().find(|b| b.kind == BlockKind::Paragraph));
    if let Some(lead) = lead {
        let lead_text = doc.slice(lead.span);
        if let Some(&(id, s, e)) = kb
            .find_outlet_marks(lead_text)
            .iter()
            .find(|(_, s, _)| *s < DATELINE_REACH)
        {
            let span = Span::new(lead.span.start + s, lead.span.start + e);
            let name = &kb.outlets[id].name;
            let evidence = Evidence::at(
                "source.dateline-mark",
                text,
                span,
                format!("the dateline carries {name}'s mark"),
            );
            facts.agency =
                Inferred::known(OutletRef::from_kb(kb, id), 0.95, vec![evidence.clone()]);
            if !facts.outlet.is_known() {
                facts.outlet = Inferred::known(
                    OutletRef::from_kb(kb, id),
                    0.8,
                    vec![Evidence {
                        note: format!(
                            "wire copy in {name}'s own dateline style, and no other publisher is named"
                        ),
                        ..evidence
                    }],
                );
            }
        }
    }

    // Credit lines and bylines naming an agency.
    for meta in doc
        .meta
        .iter()
        .filter(|m| matches!(m.kind, MetaKind::Byline | MetaKind::Credit))
    {
        if facts.agency.is_known() {
            break;
        }
        // "Source: Xinhua": the name after the label.
        let line = match meta.kind {
            MetaKind::Credit => crate::clean::credit_name(&meta.text).unwrap_or(""),
            _ => meta.text.as_str(),
        };
        // "Source: https://www.rnz.co.nz": the outlet whose site the address is on.
        let linked = || {
            let at = meta.text.find("http")?;
            let url = meta.text[at..].split_whitespace().next()?;
            host_of(url).and_then(|h| kb.outlet_by_host(h))
        };
        let found = kb
            .outlet_by_name(&strip_date_part(line))
            .or_else(|| kb.find_outlet_names(line).first().map(|&(id, _, _)| id))
            .or_else(|| (meta.kind == MetaKind::Credit).then(linked).flatten());
        if let Some(id) = found {
            facts.agency = Inferred::known(
                OutletRef::from_kb(kb, id),
                0.85,
                vec![Evidence::at(
                    "source.credit-line",
                    text,
                    meta.span,
                    format!("a credit line names {}", kb.outlets[id].name),
                )],
            );
        } else if meta.kind == MetaKind::Credit {
            // A name the knowledge base does not hold: the first of several, without what a
            // bracket adds ("X LIVE (A Y Trusted Brand)").
            let first = line.split([',', ';', '/']).next().unwrap_or("").trim();
            let name = match first.strip_suffix(')').and_then(|f| f.rsplit_once(" (")) {
                Some((bare, _)) => bare.trim(),
                None => first,
            };
            if credit_like(name) {
                facts.agency = Inferred::known(
                    named_outlet(kb, name),
                    0.6,
                    vec![Evidence::at(
                        "source.credit-line",
                        text,
                        meta.span,
                        format!("a credit line names {name}"),
                    )],
                );
            }
        }
    }

    // A closing credit: the last paragraph ends with an outlet's name after its last
    // sentence, or a short line after it is that name alone, before the page's tags ("AFP",
    // then "Middle East News", "Iran"); short lines are read as headings.
    let closing = doc
        .blocks
        .iter()
        .enumerate()
        .rev()
        .take(8)
        .map(|(index, b)| (index, b, closing_credit(kb, &b.text, doc, b.span)))
        .find(|(_, b, credit)| {
            credit.is_some() || !is_tag(&b.text) && !is_notice(&b.text) && !is_time_stamp(&b.text)
        });
    if let Some((index, _, Some((id, keep, span)))) = closing {
        facts.credit_cut = Some((index, keep));
        let name = &kb.outlets[id].name;
        let evidence = Evidence::at(
            "source.closing-credit",
            text,
            span,
            format!("the text closes with the credit \"{name}\""),
        );
        if !facts.agency.is_known() {
            facts.agency = Inferred::known(OutletRef::from_kb(kb, id), 0.85, vec![evidence]);
        } else if facts
            .agency
            .get()
            .is_some_and(|a| a.id == kb.outlets[id].id)
        {
            facts.agency.evidence.push(evidence);
            facts.agency.confidence = facts.agency.confidence.max(0.9);
        }
    }

    // The source link.
    for meta in doc.meta.iter().filter(|m| m.kind == MetaKind::Url) {
        let Some(url) = url_in(&meta.text) else {
            continue;
        };
        facts.url = Inferred::known(
            url.to_string(),
            0.95,
            vec![Evidence::at(
                "source.url-line",
                text,
                meta.span,
                "a line of the text is this link",
            )],
        );
        if let Some(id) = host_of(url).and_then(|h| kb.outlet_by_host(h)) {
            let outlet = &kb.outlets[id];
            let evidence = Evidence::at(
                "source.url-host",
                text,
                meta.span,
                format!("the source link is on {}'s site", outlet.name),
            );
            let cited = cites_original(doc, meta.span);
            if !facts.outlet.is_known() && !cited {
                facts.outlet = Inferred::known(
                    OutletRef::from_kb(kb, id),
                    0.85,
                    vec![Evidence {
                        note: format!("the page's link is on {}'s site", outlet.name),
                        ..evidence.clone()
                    }],
                );
            }
            // "Source: <link>": the copy is the linked outlet's, whatever its kind.
            if !facts.agency.is_known() && (outlet.is_agency() || cited) {
                facts.agency = Inferred::known(OutletRef::from_kb(kb, id), 0.8, vec![evidence]);
            } else if facts.agency.get().is_some_and(|a| a.id == outlet.id) {
                facts.agency.evidence.push(evidence);
                facts.agency.confidence = (facts.agency.confidence + 0.05).min(0.98);
            }
        }
        break;
    }

    // Names the knowledge base does not hold: the text still says who published it.
    unknown_sources(doc, kb, &mut facts);
    unknown_agency(doc, kb, &mut facts);

    // The outlet is an agency publishing its own copy: it is the agency too.
    if !facts.agency.is_known() {
        if let Some(outlet) = facts.outlet.get().filter(|o| o.kind == "agency") {
            facts.agency = Inferred::known(
                outlet.clone(),
                facts.outlet.confidence,
                vec![Evidence::note(
                    "source.outlet-is-agency",
                    "the publisher is itself a news agency",
                )],
            );
        }
    }
    facts.outlet = facts.outlet.or_unknown(
        "source.outlet-unknown",
        "no line, dateline or link names who published this copy",
    );
    facts.agency = facts.agency.or_unknown(
        "source.agency-unknown",
        "no dateline mark, credit or agency link in the text",
    );
    facts.url = facts
        .url
        .or_unknown("source.no-url", "the text gives no link");
    facts
}

/// A saved page names its publisher and its own address in its markup: JSON-LD
/// `publisher`, `og:site_name`, `<link rel="canonical">`. A publisher the knowledge base
/// holds, or whose site the address is on, is named as the base names it; another is named as
/// the page writes it.
fn page_source(page: &crate::clean::PageMeta, kb: &Knowledge, facts: &mut SourceFacts) {
    let url = page.urls.first();
    if let Some(u) = url {
        facts.url = Inferred::known(
            u.value.clone(),
            0.95,
            vec![Evidence::quoting(
                "source.page-url",
                &u.value,
                format!("the page's {} gives its address", u.from),
            )],
        );
    }
    let host_outlet = url
        .and_then(|u| host_of(&u.value))
        .and_then(|h| kb.outlet_by_host(h));
    let known = page
        .publishers
        .iter()
        .find_map(|p| kb.outlet_by_name(&p.value).map(|id| (id, p)));
    if let Some((id, p)) = known {
        facts.outlet = Inferred::known(
            OutletRef::from_kb(kb, id),
            0.95,
            vec![Evidence::quoting(
                "source.page-publisher",
                &p.value,
                format!("the page's {} names its publisher", p.from),
            )],
        );
    } else if let (Some(id), Some(u)) = (host_outlet, url) {
        facts.outlet = Inferred::known(
            OutletRef::from_kb(kb, id),
            0.9,
            vec![Evidence::quoting(
                "source.page-url-host",
                &u.value,
                format!("the page's address is on {}'s site", kb.outlets[id].name),
            )],
        );
    } else if let Some(p) = page
        .publishers
        .iter()
        .find(|p| plausible_publisher(&p.value))
    {
        facts.outlet = Inferred::known(
            named_outlet(kb, &p.value),
            0.8,
            vec![Evidence::quoting(
                "source.page-publisher",
                &p.value,
                format!(
                    "the page's {} names its publisher (not in the knowledge base)",
                    p.from
                ),
            )],
        );
    }
}

/// A publisher name rather than a slogan or a sentence.
fn plausible_publisher(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=8).contains(&words) && name.len() <= 80
}

fn starts_with_quote(t: &str) -> bool {
    t.starts_with(['"', '\u{201c}', '\u{ab}'])
}

fn has_mark_near_start(kb: &Knowledge, t: &str) -> bool {
    kb.find_outlet_marks(t)
        .iter()
        .any(|(_, s, _)| *s < DATELINE_REACH)
}

/// "Russian News Agency (22 February 2019)" → "Russian News Agency".
fn strip_date_part(t: &str) -> String {
    let cut = t.find(['(', '|', ',']).unwrap_or(t.len());
    t[..cut].trim().to_string()
}

/// An outlet name closing a paragraph after its last sentence: (outlet, bytes of text to keep,
/// span of the credit in the doc).
fn closing_credit(
    kb: &Knowledge,
    block_text: &str,
    doc: &Doc,
    span: Span,
) -> Option<(OutletId, usize, Span)> {
    let trimmed = block_text.trim_end();
    // The mark may be longer than one byte ('”' is three). A block with none is the credit
    // alone ("AFP" on its own line).
    let sentence_end = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '"' | '\u{201d}'))
        .map_or(0, |(mark, c)| mark + c.len_utf8());
    let tail = trimmed[sentence_end..].trim();
    // "MORE TO COME - FMT": a breaking story's marker before the credit.
    let tail = [
        "MORE TO COME",
        "More to come",
        "MORE TO FOLLOW",
        "More to follow",
    ]
    .iter()
    .find_map(|m| tail.strip_prefix(m))
    .map_or(tail, str::trim_start);
    if tail.is_empty() || tail.split_whitespace().count() > 4 {
        return None;
    }
    let dashed = tail.starts_with(['\u{2014}', '\u{2013}', '-']);
    // "(Kyodo)", "(Yonhap News)", "[Reuters]": the credit in brackets; "— Bernama": after a
    // dash.
    let name = tail
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .or_else(|| tail.strip_prefix('[').and_then(|t| t.strip_suffix(']')))
        .unwrap_or(tail)
        .trim_start_matches(['\u{2014}', '\u{2013}', '-', ' '])
        .trim();
    // "–IANS int/khz/": the desk's slug of initials after the credit.
    let name = match name.rsplit_once(' ') {
        Some((credit, slug)) if is_desk_slug(slug) => credit.trim_end(),
        _ => name,
    };
    let id = kb.outlet_by_name(name)?;
    // A paper's name alone at the foot of the page is its masthead, not a credit; after a
    // dash ("- FMT") it signs the copy.
    if sentence_end == 0 && !dashed && !kb.outlets[id].is_agency() {
        return None;
    }
    let raw = doc.slice(span);
    let at = raw.rfind(name)?;
    Some((
        id,
        sentence_end,
        Span::new(span.start + at, span.start + at + name.len()),
    ))
}

/// A cookie, newsletter or terms notice: a few sentences at most (a story's paragraph is
/// rarely read for it, which costs more than the rest of these checks).
fn is_notice(text: &str) -> bool {
    text.split_whitespace().nth(40).is_none()
        && super::title::furniture_reason(text) == Some("notice")
}

/// A page's tag or section label left after the story: three words at most, no sentence.
/// "int/khz/", "sd/ab": editors' initials in lower case parted by slashes, closing wire copy.
fn is_desk_slug(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('/').split('/').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| (2..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// "13:26 LOCAL TIME 10:26 GMT": the hour a wire moved its copy, under the credit.
fn is_time_stamp(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && words.iter().any(|w| {
            w.split_once(':').is_some_and(|(h, m)| {
                (1..=2).contains(&h.len())
                    && m.len() == 2
                    && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
            })
        })
        && words.iter().all(|w| {
            w.bytes().all(|b| b.is_ascii_digit() || b == b':')
                || ["local", "time", "gmt", "utc", "am", "pm", "hrs", "(gmt)"]
                    .iter()
                    .any(|k| w.eq_ignore_ascii_case(k))
        })
}

fn is_tag(text: &str) -> bool {
    let t = text.trim();
    t.split_whitespace().count() <= 3 && !t.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

/// A credit in parentheses closing the text ("... in a separate report. (Yonhap News)") whose
/// name the knowledge base does not hold: capitalised words or an acronym, not a photo or
/// file note.
fn closing_paren_credit(block_text: &str, doc: &Doc, span: Span) -> Option<(String, Span)> {
    let trimmed = block_text.trim_end();
    let inner = trimmed.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let before = inner[..open].trim_end();
    if !before.ends_with(['.', '!', '?', '"', '\u{201d}']) {
        return None;
    }
    let inner = inner[open + 1..].trim();
    const NOT_CREDITS: &[&str] = &[
        "Photo",
        "File",
        "Video",
        "Image",
        "Graphic",
        "Updated",
        "Reporting",
        "Editing",
        "Translated",
        "Ends",
        "END",
    ];
    if !credit_like(inner) || inner.split(['/', ' ']).any(|w| NOT_CREDITS.contains(&w)) {
        return None;
    }
    let name = inner.split('/').next()?.trim().to_string();
    let raw = doc.slice(span);
    let at = raw.rfind(name.as_str())?;
    Some((
        name.clone(),
        Span::new(span.start + at, span.start + at + name.len()),
    ))
}

/// The host of an http(s) URL.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// Last words of a publication's name ("Selangor Journal", "Gulf News", "Azernews.Az").
const MASTHEAD_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "journal",
    "daily",
    "herald",
    "tribune",
    "agency",
    "gazette",
    "review",
    "standard",
    "express",
    "today",
    "online",
    "press",
    "telegraph",
    "observer",
    "mail",
    "star",
    "guardian",
    "chronicle",
    "monitor",
    "insight",
    "reporter",
    "bulletin",
    "inquirer",
    "dispatch",
    "tv",
    "radio",
    "weekly",
    "sun",
    "mirror",
    "nation",
    "world",
    "globe",
    "voice",
    "network",
    "wire",
    "report",
    "magazine",
    "digest",
    "record",
    "courier",
    "leader",
    "diplomat",
];

/// Words of publications' names that are not news words alone ("Daily Guide Network", "The
/// Lawyer Daily", "Eurasia Review"): read in a glued host name, never taken as a sign of a
/// publication in running text ("the National Assembly").
const NAME_WORDS: &[&str] = &[
    "brief",
    "guide",
    "tracker",
    "recorder",
    "age",
    "business",
    "lawyer",
    "source",
    "focus",
    "eye",
    "watch",
    "hub",
    "portal",
    "update",
    "updates",
    "live",
    "info",
    "pulse",
    "media",
    "examiner",
    "spectator",
    "statesman",
    "pioneer",
    "outlook",
    "frontier",
    "capital",
    "metro",
    "independent",
    "sentinel",
    "vanguard",
    "punch",
    "citizen",
    "mercury",
    "beacon",
    "ledger",
    "insider",
    "analyst",
    "policy",
    "affairs",
    "foreign",
    "new",
    "global",
    "international",
    "national",
    "regional",
    "eurasia",
    "asia",
    "africa",
    "europe",
    "arab",
    "gulf",
    "pacific",
    "caribbean",
    "latin",
    "middle",
    "east",
    "west",
    "north",
    "south",
    "embassy",
    "consulate",
];

/// A name without the article copy puts before it ("told The Anadolu Agency", "follow the
/// Harbour Times"): the base keeps most names without it.
fn without_article(name: &str) -> &str {
    name.strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
}

/// An outlet the knowledge base does not hold, as the text names it.
fn named_outlet(kb: &Knowledge, name: &str) -> OutletRef {
    OutletRef::named(kb, name)
}

/// Who published the copy and whose copy it is, when the knowledge base does not know them:
/// the page's own name at its top (a masthead), its copyright line, the host of its link
/// (named as the text writes it when it can), and a dateline's credit in parentheses.
fn unknown_sources(doc: &Doc, kb: &Knowledge, facts: &mut SourceFacts) {
    let text = &doc.text;
    if !facts.outlet.is_known() {
        if let Some((name, span, rule, note)) = masthead(doc, kb)
            .or_else(|| official_site(doc))
            .or_else(|| release_line(doc, kb))
            .or_else(|| from_line(doc))
            .or_else(|| lead_credit(doc))
            .or_else(|| copyright_name(doc, kb))
            .or_else(|| self_promotion(doc, kb))
            .or_else(|| printed_host(doc, kb))
            .or_else(|| byline_host(doc, kb))
            .or_else(|| byline_outlet(doc, kb))
            .or_else(|| photo_credit_outlet(doc, kb))
            .or_else(|| host_name(doc, kb, facts))
            .or_else(|| author_note(doc, kb))
            .or_else(|| official_headline(doc, kb))
            .or_else(|| interviewing_outlet(doc, kb))
        {
            let confidence = match rule {
                "source.url-host" => 0.4,
                "source.author-note" => 0.5,
                "source.interview" => 0.45,
                "source.official-headline" => 0.5,
                _ => 0.65,
            };
            // The masthead's line is the page's name, no headline.
            if rule == "source.masthead"
                && let Some(i) = doc
                    .blocks
                    .iter()
                    .position(|b| b.span.start <= span.start && span.end <= b.span.end)
            {
                facts.name_blocks.push(i);
            }
            facts.outlet = Inferred::known(
                named_outlet(kb, &name),
                confidence,
                vec![Evidence::at(rule, text, span, note)],
            );
        }
    }
    if !facts.agency.is_known()
        && let Some((credit, span)) = dateline_credit(doc, kb)
    {
        // Several names ("ANI/Sputnik", "UrduPoint News / Sputnik"): one the knowledge base
        // holds, else the first, is whose copy it is; a name with a slash of its own
        // ("RFE/RL") is one name.
        let parts: Vec<&str> = credit.split('/').map(str::trim).collect();
        let name = if kb.outlet_by_name(&credit).is_some() {
            credit.as_str()
        } else {
            parts
                .iter()
                .copied()
                .find(|p| kb.outlet_by_name(p).is_some())
                .unwrap_or(parts[0])
        };
        // Where a part of the credit stands in the text.
        let part_span = |part: &str| {
            doc.text[span.start..span.end]
                .find(part)
                .map(|at| Span::new(span.start + at, span.start + at + part.len()))
        };
        // "UrduPoint News / Sputnik": the publisher's name before the wire's.
        if !facts.outlet.is_known()
            && name != parts[0]
            && credit_like(parts[0])
            && let Some(first_span) = part_span(parts[0])
        {
            let first = parts[0];
            facts.outlet = Inferred::known(
                named_outlet(kb, first),
                0.55,
                vec![Evidence::at(
                    "source.dateline-credit",
                    text,
                    first_span,
                    format!("the dateline credits {first} before the wire {name}"),
                )],
            );
        }
        let span = part_span(name).unwrap_or(span);
        let name = name.to_string();
        let agency = named_outlet(kb, &name);
        facts.agency = Inferred::known(
            agency,
            0.6,
            vec![Evidence::at(
                "source.dateline-credit",
                text,
                span,
                format!("the dateline credits {name}"),
            )],
        );
    }
}

type Found = (String, Span, &'static str, String);

/// The agency whose copy it is, when the knowledge base does not know it: a credit in
/// parentheses closing the text, or a news agency the opening cites by name.
fn unknown_agency(doc: &Doc, kb: &Knowledge, facts: &mut SourceFacts) {
    if facts.agency.is_known() {
        return;
    }
    let last = doc
        .blocks
        .iter()
        .rev()
        .find(|b| b.kind == BlockKind::Paragraph);
    if let Some((name, span)) = last.and_then(|b| closing_paren_credit(&b.text, doc, b.span)) {
        facts.agency = Inferred::known(
            named_outlet(kb, &name),
            0.6,
            vec![Evidence::at(
                "source.closing-credit",
                &doc.text,
                span,
                format!("the text closes with the credit ({name})"),
            )],
        );
        return;
    }
    // A known outlet the opening talks to or relays: its copy.
    type Note = fn(&str) -> String;
    let talked: Note = |name| format!("the speaker talked to {name} in the opening: its copy");
    let relays: Note = |name| format!("the opening gives {name}'s report: its copy");
    let relayed = interviewed_agency(doc, kb)
        .map(|(id, span)| (id, span, 0.55, "source.agency-interview", talked))
        .or_else(|| {
            reporting_outlet(doc, kb)
                .map(|(id, span)| (id, span, 0.5, "source.reported-by", relays))
        });
    if let Some((id, span, confidence, rule, note)) = relayed {
        facts.agency = Inferred::known(
            OutletRef::from_kb(kb, id),
            confidence,
            vec![Evidence::at(
                rule,
                &doc.text,
                span,
                note(&kb.outlets[id].name),
            )],
        );
        return;
    }
    if let Some((name, span)) = cited_agency(doc, kb) {
        facts.agency = Inferred::known(
            named_outlet(kb, &name),
            0.5,
            vec![Evidence::at(
                "source.agency-cited",
                &doc.text,
                span,
                format!("the opening cites {name} as its source"),
            )],
        );
        return;
    }
    if let Some((name, verb, span)) = house_credit(doc, kb) {
        facts.agency = Inferred::known(
            named_outlet(kb, &name),
            0.5,
            vec![Evidence::at(
                "source.house-credit",
                &doc.text,
                span,
                format!(
                    "a sentence of the opening closes with \"{name} {verb}\": a wire's own way of signing its copy"
                ),
            )],
        );
    }
}

/// "…, Kazinform cites the press service of the ministry.", "…, Harbour Daily reports.",
/// "…, Prensa Lagos publishes.": a name after the comma that closes an opening sentence,
/// with a verb of reporting, is the wire or paper whose copy it is (many agencies sign their
/// copy so). A country or a person there is no publisher.
fn house_credit(doc: &Doc, kb: &Knowledge) -> Option<(String, &'static str, Span)> {
    const WORDS: &[&str] = &[" cites", " informs", " publishes", " reports", " writes"];
    static HOUSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",\s+(\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,2})\s+(cites|informs|publishes|reports|writes)\b(?:\s+(?:the\s+)?\p{L}|\s*\.)")
            .expect("static regex")
    });
    doc.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(3)
        .find_map(|b| {
            let raw = doc.slice(b.span);
            if !holds_any(raw, WORDS) {
                return None;
            }
            HOUSE.captures_iter(raw).find_map(|c| {
                let m = c.get(1)?;
                let name = m.as_str();
                let publisher = credit_like(name)
                    && kb.country_by_word(name).is_none()
                    && kb.person_by_name(name).is_none()
                    && kb.find_people(name).is_empty();
                let verb = WORDS
                    .iter()
                    .map(|w| w.trim_start())
                    .find(|w| c.get(2).is_some_and(|v| v.as_str() == *w))?;
                publisher.then(|| {
                    let start = b.span.start + m.start();
                    (name.to_string(), verb, Span::new(start, start + name.len()))
                })
            })
        })
}

/// Whether `text` holds one of `words`, which a regex cannot match without. Regexes with
/// Unicode classes and word boundaries leave the fast engine on text with non-ASCII letters
/// and scan it with the slow one (tens of microseconds a page); most texts hold none of the
/// words, so the regex is not run at all.
fn holds_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// "According to Thai News Agency", "the Jordan News Agency, Petra, reported", "state news
/// agency KCNA said": a news agency named in the first paragraphs, by its short name when
/// the text gives one beside the full name. Only "News Agency", "Press Agency", "News
/// Service" and "Telegraph Agency": other agencies are governments' ("the Energy Agency").
fn cited_agency(doc: &Doc, kb: &Knowledge) -> Option<(String, Span)> {
    static FULL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:News|Press|Telegraph)\s+Agency|(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}News\s+Service)(?:,\s+(\p{Lu}[\p{L}-]{1,12}),|\s+\((\p{Lu}[\p{L}-]{1,12})\))?")
            .expect("static regex")
    });
    static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?:news agency|wire service),?\s+(\p{Lu}{3,6})\b|\b(\p{Lu}[\p{L}-]{2,14})\s+news agency\b",
        )
        .expect("static regex")
    });
    for b in doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(3)
    {
        let raw = doc.slice(b.span);
        // The regexes are not run on a paragraph without their words (see `holds_any`).
        if holds_any(raw, &["Agency", "Service"])
            && let Some(c) = FULL.captures(raw)
        {
            let m = c.get(2).or(c.get(3)).or(c.get(1))?;
            let name = m.as_str().trim();
            // "The Xinhua News Agency": the article is not part of the name.
            let name = name.strip_prefix("The ").unwrap_or(name);
            let start = b.span.start + m.end() - name.len();
            return Some((name.to_string(), Span::new(start, b.span.start + m.end())));
        }
        if holds_any(raw, &["news agency", "wire service"])
            && let Some(m) = ACRONYM
                .captures_iter(raw)
                .filter_map(|c| c.get(1).or(c.get(2)))
                // "The news agency", "Iranian news agency": no agency's name.
                .find(|m| {
                    let w = m.as_str();
                    !NOT_AGENCY_NAMES.contains(&w.to_ascii_lowercase().as_str())
                        && kb.country_by_word(w).is_none()
                })
        {
            return Some((
                m.as_str().to_string(),
                Span::new(b.span.start + m.start(), b.span.start + m.end()),
            ));
        }
    }
    None
}

/// Capitalised words before "news agency" that describe an agency rather than name it.
const NOT_AGENCY_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "another",
    "state",
    "official",
    "semi-official",
    "its",
    "their",
    "his",
    "her",
    "local",
    "national",
    "private",
    "independent",
    "government",
    "leading",
    "major",
    "news",
];

/// A short line at the very top that names a publication: "Selangor Journal", "DAWN.COM".
fn masthead(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    /// How many blocks from the top a masthead may stand.
    const MASTHEAD_BLOCKS: usize = 4;
    for block in doc.blocks.iter().take(MASTHEAD_BLOCKS) {
        if block.kind == BlockKind::Heading
            && let Some(found) =
                institution_masthead(block).or_else(|| byline_publication(&block.text, block.span))
        {
            return Some(found);
        }
        // "Willard Cheng, ABS-CBN News": a byline's last part may be the masthead; "The
        // Harbour Chronicle Logo": a logo's alt text is.
        let t = block.text.trim();
        let logo_first = ["Logo of ", "Logo de ", "Logo: ", "logo of "]
            .iter()
            .find_map(|p| t.strip_prefix(p));
        let logo = t
            .strip_suffix(" Logo")
            .or_else(|| t.strip_suffix(" logo"))
            .or(logo_first);
        // "Logo of Harbour Post newspaper Harbour Post - Minister allays fears": a logo's
        // alt text glued to what follows it still opens with the paper's name.
        if let Some(id) = logo_first.and_then(|rest| known_outlet_prefix(kb, rest)) {
            return Some((
                kb.outlets[id].name.clone(),
                block.span,
                "source.masthead",
                format!("the page's logo names {}", kb.outlets[id].name),
            ));
        }
        let t = logo.unwrap_or(t);
        let t = t.rsplit(", ").next().unwrap_or(t);
        let words: Vec<&str> = t.split_whitespace().collect();
        if block.kind != BlockKind::Heading || words.is_empty() || words.len() > 5 {
            continue;
        }
        if let Some(id) = kb.outlet_by_name(t) {
            return Some((
                kb.outlets[id].name.clone(),
                block.span,
                "source.masthead",
                format!("the page's top line names {}", kb.outlets[id].name),
            ));
        }
        let last = words[words.len() - 1].to_lowercase();
        let domain = [".com", ".az", ".net", ".org", ".ng", ".pk", ".in"]
            .iter()
            .any(|d| last.ends_with(d));
        let capitalised = words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        });
        // A section label ("Breaking News", "World") is made of news words only.
        let section = !domain
            && words.iter().all(|w| {
                let l = w.to_lowercase();
                MASTHEAD_WORDS.contains(&l.as_str())
                    || matches!(
                        l.as_str(),
                        "breaking"
                            | "latest"
                            | "top"
                            | "headline"
                            | "local"
                            | "national"
                            | "international"
                            | "business"
                            | "the"
                            | "of"
                            | "more"
                    )
            });
        // "Harbour Khabar English": a site's English edition names itself so.
        let edition = words.len() >= 2 && last == "english";
        // A logo's alt text names the site whatever its words ("Logo of Harbour Digital").
        if capitalised
            && !section
            && (domain
                || edition
                || logo.is_some() && words.len() >= 2
                || MASTHEAD_WORDS.contains(&last.as_str()))
        {
            // "DAWN.COM", "Azernews.Az": the site's name without its domain.
            let name = if domain && words.len() == 1 {
                site_name(&t.to_lowercase())
            } else {
                t.trim_end_matches(['.', ':']).to_string()
            };
            return Some((
                name.clone(),
                block.span,
                "source.masthead",
                format!("the page's top line is a publication's name: {name}"),
            ));
        }
    }
    // "By Harbour Herald reporter.": a byline the cleaning set apart, above the story.
    let story = doc
        .blocks
        .get(MASTHEAD_BLOCKS)
        .map_or(doc.text.len(), |b| b.span.start);
    doc.meta
        .iter()
        .filter(|m| m.kind == MetaKind::Byline && m.span.start < story)
        .find_map(|m| byline_publication(&m.text, m.span))
}

/// "Official website of the President of Russia", "The official site of the Ministry of
/// Foreign Affairs": the site naming itself in its furniture.
fn official_site(doc: &Doc) -> Option<Found> {
    static OFFICIAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?mi)^[ \t]*(?:the\s+)?official\s+(?:web\s*site|site|portal)\s+of\s+(?:the\s+)?(\p{Lu}[^\n.|]{2,80}?)[ \t.]*$")
            .expect("static regex")
    });
    // "Harbour News Agency website contains only a portion of …": a notice naming its site.
    static SITE_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*((?:\p{Lu}[\p{L}-]*\s+){0,3}(?:News|Agency|Times|Post|Press|Herald|Journal|Gazette|Tribune))(?:'s|’s)?\s+(?:web\s*site|portal)\b")
            .expect("static regex")
    });
    // Each is run only on a text where its middle words stand (a part of its own pattern
    // with the same flags, so every match of the whole holds one): their Unicode classes and
    // word boundary defeat the fast engine on text with non-ASCII letters, and the slow one
    // scans the whole page (see `holds_any`). Pages rarely say either.
    static OFFICIAL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)official\s+(?:web\s*site|site|portal)\s+of\s").expect("static regex")
    });
    static SITE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:News|Agency|Times|Post|Press|Herald|Journal|Gazette|Tribune)(?:'s|’s)?\s+(?:web\s*site|portal)")
            .expect("static regex")
    });
    let text = &doc.text;
    let c = (OFFICIAL_WORDS.is_match(text))
        .then(|| OFFICIAL.captures(text))
        .flatten()
        .or_else(|| {
            SITE_WORDS
                .is_match(text)
                .then(|| SITE_NOTICE.captures(text))
                .flatten()
        })?;
    let m = c.get(1)?;
    let name = m.as_str().trim().to_string();
    let whole = c.get(0)?;
    Some((
        name.clone(),
        Span::new(whole.start(), whole.end()),
        "source.official-site",
        format!("the page calls itself the official website of {name}"),
    ))
}

/// "From Department of Foreign Affairs", "From:" over "Foreign, Commonwealth & Development
/// Office": the line under a government site's headline that says which body published it.
/// Only a body: "From: Ada Okafor, Abuja" is a reporter's byline.
fn from_line(doc: &Doc) -> Option<Found> {
    let mut pending = false;
    for (start, line) in super::names::lines(&doc.text).take(15) {
        let t = line.trim();
        let found = if pending {
            if t.is_empty() {
                continue;
            }
            pending = false;
            body_name(t)
        } else if t == "From:" || t == "From" {
            pending = true;
            continue;
        } else {
            from_line_body(t)
        };
        let Some((offset, body)) = found else {
            continue;
        };
        let from = start + (line.len() - line.trim_start().len()) + offset;
        return Some((
            body.to_string(),
            Span::new(from, from + body.len()),
            "source.from-line",
            format!("the page says it is from {body}"),
        ));
    }
    None
}

/// "Press conference by the NATO Secretary General", "Statement from the OAS General
/// Secretariat": a headline presenting the text as the words of an official body (or of its
/// officials) that the knowledge base holds. Such transcripts are the body's own publications;
/// a paper reprinting one names itself elsewhere, and those rules come first.
fn official_headline(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    for b in doc
        .blocks
        .iter()
        .take(6)
        // Headings and short lines above the story's first sentences.
        .take_while(|b| {
            b.kind != BlockKind::Paragraph
                || b.text.split_whitespace().count() < 15
                || !b.text.trim_end().ends_with(['.', '"', '\u{201d}'])
        })
    {
        let raw = doc.slice(b.span);
        let lower = raw.to_ascii_lowercase();
        // "Statement from" opens a body's words more often than a person's.
        let from = lower
            .find("statement from")
            .map(|at| at + "statement from".len());
        let Some(at) = super::people::authored_phrases(&lower)
            .into_iter()
            .map(|(_, _, end)| end)
            .chain(from)
            .min()
        else {
            continue;
        };
        // The phrase opens the line: it and the words before it are at most four ("Daily
        // Press Briefing by", "Press remarks by").
        if raw[..at].split_whitespace().count() > 4 {
            continue;
        }
        let rest = &raw[at..];
        let Some(&(id, s, e)) = kb
            .find_outlet_names(rest)
            .iter()
            .find(|&&(id, ..)| kb.outlets[id].is_official())
        else {
            continue;
        };
        let name = kb.outlets[id].name.clone();
        let start = b.span.start + at + s;
        return Some((
            name.clone(),
            Span::new(start, b.span.start + at + e),
            "source.official-headline",
            format!(
                "the headline presents the text as the words of {name} or its officials: its own publication"
            ),
        ));
    }
    None
}

/// The known outlet a top line names: the whole line ("Kyodo News"), past a bullet ("•
/// Kyodo"), or before a section label of one or two words ("The Harbour Times - News",
/// "Harbour Times | World").
fn name_line_outlet(kb: &Knowledge, line: &str) -> Option<OutletId> {
    let t = crate::clean::list_item_text(line.trim()).trim();
    kb.outlet_by_name(t).or_else(|| {
        let (name, section) = [" - ", " \u{2013} ", " \u{2014} ", " | "]
            .iter()
            .find_map(|sep| t.split_once(sep))?;
        let words = section.split_whitespace().count();
        let label = (1..=2).contains(&words)
            && section
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "&");
        label.then(|| kb.outlet_by_name(name.trim())).flatten()
    })
}

/// "Palestinians Wish to Reformulate Solutions | Harbour Herald English Archive": a browser's
/// title bar, the page's headline and then its site, whose name is the last part but for
/// words of edition ("English", "Archive", years). Known outlets only, and only after a bar:
/// after a dash the last part may be a place or a person.
fn title_bar_outlet(kb: &Knowledge, line: &str) -> Option<OutletId> {
    let (head, site) = line.rsplit_once(" | ")?;
    if head.split_whitespace().count() < 2 {
        return None;
    }
    let words: Vec<&str> = site.split_whitespace().take(8).collect();
    // After the name, only words that say which edition: "English Archive 2005 -2017".
    let edition = |w: &&&str| {
        w.bytes().all(|b| b.is_ascii_digit() || b == b'-')
            || [
                "english", "archive", "edition", "online", "website", "digital", "epaper",
            ]
            .iter()
            .any(|e| w.eq_ignore_ascii_case(e))
    };
    let name_ends = words.len() - words.iter().rev().take_while(edition).count();
    (name_ends > 0)
        .then(|| kb.outlet_by_name(&words[..name_ends].join(" ")))
        .flatten()
}

/// "told X", "in an interview with X", "in a comment to X": whom the speaker talked to (group
/// 2), and whether the words say it was given to a medium (group 1).
static TOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:told|interview with|speaking to|talking to|(in (?:a |an )?(?:comments?|interview) to))\s+((?:the |The )?(?:\p{Lu}[\p{L}'’.-]*\s+(?:of\s+)?){0,3}\p{Lu}[\p{L}'’.-]*)")
        .expect("static regex")
});

/// "told TASS", "in a comment to Inland Wire": a news agency the speaker talked to in the
/// opening is whose copy the story is (its own reporters write "told TASS", and a repost keeps
/// the words). Known agencies only.
fn interviewed_agency(doc: &Doc, kb: &Knowledge) -> Option<(OutletId, Span)> {
    for (i, b) in doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .enumerate()
    {
        let raw = doc.slice(b.span);
        // Past the opening, only an interview the agency calls its own ("In an exclusive
        // interview with X, the minister said…") tells whose copy it is.
        if i >= 3 && !holds_any(raw, &["exclusive interview"]) {
            continue;
        }
        if !holds_any(
            raw,
            &["told", "interview", "speaking", "talking", "comment"],
        ) {
            continue;
        }
        for c in TOLD.captures_iter(raw) {
            let m = c.get(2)?;
            let name = m.as_str().trim_end_matches(['\'', '’', '.', '-']);
            // "told The Anadolu Agency": an article the agency's own name does not hold.
            let bare = without_article(name);
            if let Some(id) = kb
                .outlet_by_name(name)
                .or_else(|| kb.outlet_by_name(bare))
                .filter(|&id| kb.outlets[id].is_agency())
            {
                let start = b.span.start + m.start();
                return Some((id, Span::new(start, start + name.len())));
            }
        }
    }
    None
}

/// "Sankei reported from Moscow on Saturday that …", "…, according to Kyodo", "as reported by
/// the Japan Times": a known outlet whose report the opening relays is whose copy the story
/// is (a press summary, a repost). Known outlets only: an unknown name before "reported" may
/// be anyone's.
fn reporting_outlet(doc: &Doc, kb: &Knowledge) -> Option<(OutletId, Span)> {
    for b in doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(2)
    {
        let raw = doc.slice(b.span);
        if !holds_any(raw, &["reported", "according to", "reports"]) {
            continue;
        }
        for (id, s, e) in kb.find_outlet_names(raw) {
            let after = raw[e..].trim_start();
            // "Xinhua news agency reported": what the outlet is, between its name and verb.
            let after = after
                .strip_prefix("news agency")
                .map_or(after, str::trim_start);
            let before = raw[..s].trim_end();
            let before = before
                .strip_suffix(" the")
                .or_else(|| before.strip_suffix(" The"))
                .unwrap_or(before);
            let relays = after.starts_with("reported")
                || after.starts_with("reports ")
                || after.starts_with("said in a report")
                || before.ends_with("according to")
                || before.ends_with("reported by");
            if relays && !kb.outlets[id].is_official() {
                return Some((id, Span::new(b.span.start + s, b.span.start + e)));
            }
        }
    }
    None
}

/// "told the Harbour Times", "in an interview with The Lakeside Gazette": a paper that
/// interviewed the speaker, taken as the publisher when nothing else names one (a paper's
/// own reporters write "told the Harbour Times"). Only names of a publication's shape or a
/// known outlet.
fn interviewing_outlet(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    for b in doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(12)
    {
        let raw = doc.slice(b.span);
        for c in TOLD.captures_iter(raw) {
            // "in a comment to X", "in an interview to X": only a medium is given comments
            // to, so a name of any shape that is no country's.
            let given_to = c.get(1).is_some();
            let m = c.get(2)?;
            let name = m
                .as_str()
                .trim_end_matches(['\'', '’', '.', '-'])
                .trim_end_matches("'s")
                .trim_end_matches("’s");
            let bare = without_article(name);
            let known = kb.outlet_by_name(bare).or_else(|| kb.outlet_by_name(name));
            // "the Harbour Times", "the Voice of America": a news word in a name of several.
            // "told The Meridian": an article capitalised inside a sentence is part of a
            // title, and a title after "told" is a publication's (not a place's: "The Hague").
            let shaped = (bare.split_whitespace().count() >= 2
                && has_news_word(bare.split_whitespace()))
                || (given_to && kb.country_by_word(bare).is_none())
                || (name.starts_with("The ")
                    && kb.country_by_word(bare).is_none()
                    && kb.country_by_word(name).is_none());
            // An agency that got the interview is the wire's, not the page's; an official body
            // ("told the United Nations") is no interviewer at all.
            if known.is_some_and(|id| kb.outlets[id].names_no_publisher()) {
                continue;
            }
            if known.is_none() && !shaped {
                continue;
            }
            let name = known.map_or(name.to_string(), |id| kb.outlets[id].name.clone());
            let start = b.span.start + m.start();
            return Some((
                name.clone(),
                Span::new(start, start + m.as_str().len()),
                "source.interview",
                format!("the speaker talked to {name}, and no other publisher is named"),
            ));
        }
    }
    None
}

/// Whether `text` writes a day (with or without its year): "October 9", "7 Aug. 2019".
fn is_day(text: &str) -> bool {
    use crate::dates::Value;
    crate::dates::find(text, None)
        .iter()
        .any(|t| matches!(t.resolved, Some(Value::Day(_) | Value::MonthDay(..))))
}

/// "Delegation of the European Union to Japan", "Embassy of India, Tokyo": an institution
/// publishing its own statements, named on the page's top line.
fn institution_masthead(block: &crate::clean::Block) -> Option<Found> {
    let t = block.text.trim();
    let words = t.split_whitespace().count();
    let opens = INSTITUTION_WORDS.iter().any(|w| {
        t.strip_prefix(w)
            .and_then(|rest| {
                rest.strip_prefix(" of ")
                    .or_else(|| rest.strip_prefix(" to "))
            })
            .is_some_and(|rest| {
                rest.starts_with(|c: char| c.is_uppercase()) || rest.starts_with("the ")
            })
    });
    let name_like = is_name_cased(t);
    (opens && name_like && (3..=12).contains(&words)).then(|| {
        (
            t.to_string(),
            block.span,
            "source.masthead",
            format!("the page's top line names the institution that publishes it: {t}"),
        )
    })
}

/// Every word capitalised but the small ones ("Ministry of Foreign Affairs of the X"): a
/// name, not a sentence.
fn is_name_cased(t: &str) -> bool {
    t.split_whitespace().all(|w| {
        w.starts_with(char::is_uppercase)
            || matches!(w, "of" | "the" | "to" | "in" | "for" | "and" | "on")
    })
}

/// Whether a name of several words holds a word only a publication's name has ("Times",
/// "Gazette", "Voice"): not one that also names a body, a country or a person ("World
/// Assembly", "Nation", "Star").
fn has_news_word<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words.any(|w| {
        let w = w.to_lowercase();
        MASTHEAD_WORDS.contains(&w.as_str())
            && !matches!(
                w.as_str(),
                "world"
                    | "nation"
                    | "today"
                    | "leader"
                    | "press"
                    | "report"
                    | "record"
                    | "star"
                    | "sun"
            )
    })
}

/// A word with its first letter in capitals: "news" → "News".
fn capitalise(word: &str) -> String {
    let mut cs = word.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// "By Harbour News Global": a byline that names a publication, not a person.
fn byline_publication(text: &str, span: Span) -> Option<Found> {
    let t = text.trim().strip_prefix("By ")?;
    // Trailing widget words in lower case ("fav", "share") are not part of the name.
    let words: Vec<&str> = t
        .split_whitespace()
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .collect();
    if !(2..=5).contains(&words.len()) || !has_news_word(words.iter().copied()) {
        return None;
    }
    let name = words.join(" ");
    Some((
        name.clone(),
        span,
        "source.masthead",
        format!("the byline names a publication, not a person: {name}"),
    ))
}

/// "Ammon News - Minister …": a publication's name opening the lead like a dateline.
fn lead_credit(doc: &Doc) -> Option<Found> {
    let lead = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph && b.text.split_whitespace().count() >= 8)?;
    let raw = doc.slice(lead.span);
    let dash = [" - ", " -- ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|d| raw.find(d))
        .min()?;
    // "October 9, The Iran Project – …": the day may stand before the name.
    static LEADING_DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\.?)(?:,?\s+\d{4})?,\s+")
            .expect("static regex")
    });
    let skip = LEADING_DAY
        .find(&raw[..dash])
        .filter(|m| is_day(m.as_str()))
        .map_or(0, |m| m.end());
    let head = raw[skip..dash].trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if (1..=4).contains(&words.len()) && capitalised && MASTHEAD_WORDS.contains(&last.as_str())
        || (skip > 0 && (2..=4).contains(&words.len()) && capitalised && words[0] == "The")
    {
        let span = Span::new(lead.span.start + skip, lead.span.start + dash);
        return Some((
            head.to_string(),
            span,
            "source.lead-credit",
            format!("the lead opens with the publication's name: {head}"),
        ));
    }
    // "Ashgabat, August 7 - Arzuw.news. Turkmen …": a site's name right after the dateline.
    static SITE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*[-–—]+\s*(\p{Lu}[\p{L}\d-]{1,30}\.\p{Ll}{2,6})\.?\s+\p{Lu}")
            .expect("static regex")
    });
    let c = SITE_AFTER
        .captures(&raw[dash..])
        .filter(|_| is_day(&raw[..dash]))?;
    let m = c.get(1)?;
    // "Arzuw.news": a word for a suffix is part of the name ("Arzuw News").
    let name = match m.as_str().rsplit_once('.') {
        Some((head, tld)) if MASTHEAD_WORDS.contains(&tld) => {
            format!("{head} {}", capitalise(tld))
        }
        _ => site_name(&m.as_str().to_lowercase()),
    };
    let start = lead.span.start + dash + m.start();
    Some((
        name.clone(),
        Span::new(start, start + m.as_str().len()),
        "source.lead-credit",
        format!("the dateline credits the site {}", m.as_str()),
    ))
}

/// "Dicky Christanto (The Harbour Post)": a byline that gives the reporter's paper in
/// brackets, or the paper's staff ("Saudi Gazette report", "Harbour Times Web Desk"), on its
/// own line near the top. The paper is a known outlet or has a publication's word ("Post",
/// "Times"); an agency there credits a wire, not the page.
fn byline_outlet(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s*\(([^()]{3,40})\)$")
            .expect("static regex")
    });
    // "Saudi Gazette report", "Harbour Times Web Desk", "Harbour Post / News Desk", "HNN Web
    // Team": the paper's own staff as the byline.
    static STAFF_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4}?)(?:\s+|\s*/\s*)((?i:report|staff report|staff|(?:web|news|online|digital) (?:desk|team)))$",
        )
        .expect("static regex")
    });
    for (start, line) in super::names::lines(&doc.text).take(BYLINE_REACH) {
        let t = line.trim();
        // Most lines end with neither: skip the patterns for them.
        let last = t.rsplit(' ').next().unwrap_or("");
        // "Redazione Adnkronos", "Redacción Harbour Diario": a newsroom's word in the site's
        // own language before its name; whatever the name's kind, the page is that newsroom's.
        if let Some((word, name)) = t.split_once(' ')
            && matches!(
                word,
                "Redazione" | "Redacción" | "Redaccion" | "Rédaction" | "Redação" | "Redaktion"
            )
            && credit_like(name)
        {
            let name = kb
                .outlet_by_name(name)
                .map_or(name.to_string(), |id| kb.outlets[id].name.clone());
            let from = start + (line.len() - line.trim_start().len()) + word.len() + 1;
            return Some((
                name.clone(),
                Span::new(from, from + t.len() - word.len() - 1),
                "source.byline-outlet",
                format!("the byline is the newsroom's: {name}"),
            ));
        }
        let found = if t.ends_with(')') {
            BYLINE.captures(t)
        } else if ["report", "staff", "desk", "team"]
            .iter()
            .any(|w| last.eq_ignore_ascii_case(w))
        {
            STAFF_LINE.captures(t)
        } else {
            None
        };
        let Some(c) = found else {
            continue;
        };
        let Some(m) = c.get(1) else {
            continue;
        };
        // A desk or a team is a newsroom's: the name before it is the paper's, news word or
        // not ("HNN Web Team"). A report may be anyone's ("Human Rights Council report").
        let newsroom = c.get(2).is_some_and(|s| {
            let s = s.as_str().to_ascii_lowercase();
            s.ends_with("desk") || s.ends_with("team")
        });
        let inner = m.as_str().trim();
        let known = kb.outlet_by_name(inner);
        let publication = match known {
            Some(id) => !kb.outlets[id].names_no_publisher(),
            None => credit_like(inner) && (newsroom || has_news_word(inner.split_whitespace())),
        };
        if !publication {
            continue;
        }
        let name = known.map_or(inner.to_string(), |id| kb.outlets[id].name.clone());
        let lead = line.len() - line.trim_start().len();
        let from = start + lead + m.start();
        return Some((
            name.clone(),
            Span::new(from, from + m.as_str().len()),
            "source.byline-outlet",
            format!("the byline gives the reporter's paper: {name}"),
        ));
    }
    None
}

/// How many lines from the top a byline may stand: below the masthead, menus, headline and
/// photo caption that come before it on a news page.
const BYLINE_REACH: usize = 30;

/// "Noah Chartrand is a senior reporter with the Canadian edition of The Harbour Gazette": an
/// author's note naming the paper the author writes for, the page's publisher when nothing
/// else names it (a repost may keep the note, hence the low confidence).
fn author_note(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    const ROLES: &[&str] = &[
        "reporter",
        "correspondent",
        "writer",
        "journalist",
        "editor",
        "columnist",
    ];
    static NOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^is an? (?:[a-z-]+ ){0,3}(?:reporter|correspondent|writer|journalist|editor|columnist) (?:(?:with|for|at) (?:the )?(?:[A-Za-z-]+ ){0,3}(?:edition|bureau|desk|service|team) of|with|for|at) ((?:The )?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,3})")
            .expect("static regex")
    });
    if !holds_any(&doc.text, ROLES) {
        return None;
    }
    // The regex is run only where "is a" stands, on the words after it (see `holds_any`).
    let text = &doc.text;
    let (start, matched) = text.match_indices(" is a").find_map(|(i, _)| {
        let from = i + 1;
        let to = crate::knowledge::floor_char(text, (from + 200).min(text.len()));
        let m = NOTE.captures(&text[from..to])?.get(1)?;
        Some((from + m.start(), m.as_str()))
    })?;
    // The name ends with its sentence ("The Harbour Gazette. Twitter: …").
    let name = matched.split(". ").next().unwrap_or("");
    let name = name.trim_end_matches(['.', '\'', '’']);
    let known = kb.outlet_by_name(name);
    let words = name.split_whitespace().count();
    let publication = match known {
        Some(id) => !kb.outlets[id].names_no_publisher(),
        None => (1..=5).contains(&words) && kb.country_by_word(name).is_none(),
    };
    if !publication {
        return None;
    }
    let span = Span::new(start, start + name.len());
    let name = known.map_or(name.to_string(), |id| kb.outlets[id].name.clone());
    Some((
        name.clone(),
        span,
        "source.author-note",
        format!("the author's note says the author writes for {name}"),
    ))
}

/// "Ruel Pableo for The National", "Image Credit: Ahmed Ramzan/ Gulf News": a photo credit
/// naming the paper its photographer works for (not an agency, whose photos any paper buys).
fn photo_credit_outlet(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    for r in doc.removed.iter().filter(|r| r.rule == "photo-credit") {
        let line = doc.slice(r.span);
        // "Photo: Harbour Radio / Jane Doe": the label before the credit is no part of it.
        let credit = ["Photo:", "Photo by", "Image:", "Picture:", "Photograph:"]
            .iter()
            .find_map(|label| line.trim().strip_prefix(label))
            .unwrap_or(line)
            .trim();
        // "RFE/RL Afghanistan Report": a credit opening with a known publisher's name (not
        // an agency's or an official body's handout) is that publisher's, slash or not.
        if let Some(id) = known_outlet_prefix(kb, credit)
            && !kb.outlets[id].names_no_publisher()
        {
            let name = kb.outlets[id].name.clone();
            return Some((
                name.clone(),
                r.span,
                "source.photo-credit",
                format!("a credit line opens with {name}'s name"),
            ));
        }
        // After the last " for " or "/", whichever is later: a caption can hold "for" too.
        let Some(tail) = [
            line.rfind(" for ").map(|i| i + 5),
            line.rfind('/').map(|i| i + 1),
        ]
        .into_iter()
        .flatten()
        .max()
        .map(|at| &line[at..]) else {
            continue;
        };
        let tail = tail.trim().trim_end_matches('.');
        let words: Vec<&str> = tail.split_whitespace().collect();
        let Some(last) = words.last().map(|w| w.to_lowercase()) else {
            continue;
        };
        let known = kb.outlet_by_name(tail);
        // An agency's photo, or an official body's handout, says nothing of the page's publisher.
        if known.is_some_and(|id| kb.outlets[id].names_no_publisher()) {
            continue;
        }
        if (1..=4).contains(&words.len())
            && (known.is_some() || MASTHEAD_WORDS.contains(&last.as_str()))
        {
            let name = known.map_or(tail.to_string(), |id| kb.outlets[id].name.clone());
            return Some((
                name.clone(),
                r.span,
                "source.photo-credit",
                format!("a photo is credited to {name}'s photographer"),
            ));
        }
    }
    None
}

/// The known outlet whose name opens `name`, the longest first: "Sputnik ScreenshotKim" (a
/// credit glued to a caption) is Sputnik's. Only names of two letters or more count.
pub(super) fn known_outlet_prefix(kb: &Knowledge, name: &str) -> Option<OutletId> {
    let words: Vec<&str> = name.split_whitespace().take(6).collect();
    (1..=words.len()).rev().find_map(|n| {
        let prefix = words[..n].join(" ");
        let prefix = prefix.trim_end_matches(['.', ',', ';', ':']);
        (prefix.len() >= 2)
            .then(|| kb.outlet_by_name(prefix))
            .flatten()
    })
}

/// "© 2023 Gulf News", "Copyright The Jordan Times": the name after a copyright mark.
fn copyright_name(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    let text = &doc.text;
    let marks = text
        .match_indices('\u{a9}')
        .chain(text.match_indices("Copyright"))
        .map(|(at, _)| at);
    // "© Anna Berg/Reuters" under a photo credits its photographer and agency, not the
    // site: the next notice is read.
    marks
        .filter_map(|at| copyright_at(text, kb, at))
        .find(|(name, ..)| !name.contains('/'))
}

/// The name the copyright notice at `at` gives (see `copyright_name`).
fn copyright_at(text: &str, kb: &Knowledge, at: usize) -> Option<Found> {
    let line_end = text[at..].find('\n').map_or(text.len(), |e| at + e);
    let line = &text[at..line_end];
    // "© При использовании материалов ссылка на «Harbour Daily» обязательна", "© … "Harbour
    // Daily"nə istinad olunmalıdır": a notice in the site's language quotes its name.
    if let Some((start, quoted)) = quoted_name(line) {
        let name = known_outlet_prefix(kb, quoted)
            .map_or(quoted.to_string(), |id| kb.outlets[id].name.clone());
        return Some((
            name.clone(),
            Span::new(at + start, at + start + quoted.len()),
            "source.copyright",
            format!("the copyright line names {name}"),
        ));
    }
    let rest = line
        .trim_start_matches('\u{a9}')
        .trim_start_matches("Copyright")
        .trim_start_matches([' ', '\u{a9}'])
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ');
    let mut name: Vec<&str> = Vec::new();
    for w in rest.split_whitespace().take(5) {
        if !(w.chars().next().is_some_and(char::is_uppercase) || w == "of") {
            break;
        }
        name.push(w.trim_end_matches(['.', ',', ';']));
        // "Lakeside Gazette. All rights reserved.": the name ends with its sentence.
        if w.ends_with(['.', ',', ';']) {
            break;
        }
    }
    if name.is_empty() {
        return None;
    }
    let name = name.join(" ").trim_end_matches(['.', ',']).to_string();
    if name.eq_ignore_ascii_case("all") || name.len() < 3 {
        return None;
    }
    let name = known_outlet_prefix(kb, &name).map_or(name, |id| kb.outlets[id].name.clone());
    Some((
        name.clone(),
        Span::new(at, line_end),
        "source.copyright",
        format!("the copyright line names {name}"),
    ))
}

/// The first name in quotation marks on a line ("«Harbour Daily»", "“Harbour Daily”"): one to
/// five words, the first capitalised. Where it starts in `line`, and the name.
fn quoted_name(line: &str) -> Option<(usize, &str)> {
    for (open, close) in [('«', '»'), ('\u{201c}', '\u{201d}'), ('"', '"')] {
        let Some(o) = line.find(open) else { continue };
        let start = o + open.len_utf8();
        let Some(len) = line[start..].find(close) else {
            continue;
        };
        let name = &line[start..start + len];
        let words = name.split_whitespace().count();
        if (1..=5).contains(&words) && name.starts_with(char::is_uppercase) && name.trim() == name {
            return Some((start, name));
        }
    }
    None
}

/// "2017-08-16 18:18 | www.harbour-news.az | 1": a host printed alone in the page's header, a
/// line's segment between bars or a line of its own, is the site's own. Only hosts written
/// with "www." and only in the first lines: a link in the story names another site.
fn printed_host(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    let text = &doc.text;
    if !text.contains("www.") {
        return None;
    }
    let mut at = 0;
    for line in text.split_inclusive('\n').take(8) {
        let mut seg_at = at;
        for seg in line.split_inclusive('|') {
            let host = seg.trim_end_matches('|').trim();
            let lead = seg.len() - seg.trim_start().len();
            let start = seg_at + lead;
            seg_at += seg.len();
            let Some(bare) = host.strip_prefix("www.") else {
                continue;
            };
            if !is_host_name(bare) {
                continue;
            }
            let name = kb
                .outlet_by_host(host)
                .map_or_else(|| site_name(host), |id| kb.outlets[id].name.clone());
            return Some((
                name.clone(),
                Span::new(start, start + host.len()),
                "source.printed-host",
                format!("the page's header prints its own host, {host}: {name}"),
            ));
        }
        at += line.len();
    }
    None
}

/// Whether `s` is written as a host: two labels or more, of ASCII letters, digits and hyphens.
fn is_host_name(s: &str) -> bool {
    s.contains('.')
        && s.split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// "Staff Correspondent Harbour24.com, Dhaka | 2023-09-01 14:42": a site's address written
/// as its name in a byline or date line at the top of the page.
fn byline_host(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    let limit = doc.text.len().min(1500);
    for m in doc
        .meta
        .iter()
        .filter(|m| matches!(m.kind, MetaKind::Byline | MetaKind::DateLine) && m.span.start < limit)
    {
        let line = doc.slice(m.span);
        let mut at = 0;
        for word in line.split_inclusive([' ', '|']) {
            let start = m.span.start + at;
            at += word.len();
            let host = word.trim_end_matches([' ', '|', ',', ';', ')']);
            let is_site = is_host_name(host)
                && host.starts_with(|c: char| c.is_ascii_alphabetic())
                && host.rsplit('.').next().is_some_and(|tld| {
                    matches!(
                        tld.to_ascii_lowercase().as_str(),
                        "com" | "net" | "org" | "info" | "news" | "media" | "tv"
                    )
                });
            if !is_site {
                continue;
            }
            let name = kb
                .outlet_by_host(host)
                .map_or_else(|| site_name(host), |id| kb.outlets[id].name.clone());
            return Some((
                name.clone(),
                Span::new(start, start + host.len()),
                "source.byline-host",
                format!("the byline names the site by its address, {host}: {name}"),
            ));
        }
    }
    None
}

/// "For the latest news follow The Harbour Herald on Google News", "Subscribe to the Lakeside
/// Gazette's newsletter", "Join Harbour Daily on Telegram": a site asks its readers to follow
/// it by its own name.
fn self_promotion(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    // Every match holds one of these words: the regex runs only where one stands.
    const WORDS: &[&str] = &[
        "Follow ",
        "follow ",
        "Subscribe to ",
        "subscribe to ",
        "Join ",
    ];
    static PROMO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            // "Subscribe to Lakeside Daily's 'The Week' our free weekly newsletter": the
            // site's own newsletter, under its name and a few words of description.
            r#"(?:[Ff]ollow|[Ss]ubscribe to|Join)\s+(?:us\s+)?((?:[Tt]he\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3})(?:(?:['’]s)?\s+(?:on|newsletter|channel|WhatsApp|Telegram)\b\s*(Google News|Twitter|X|Facebook|Instagram|Telegram|WhatsApp|LinkedIn|YouTube|Threads)?|['’]s?\s+(?:['‘"“][^'’"”\n]{1,40}['’"”],?\s+)?(?:\p{Ll}+\s+){0,4}newsletter\b)"#,
        )
        .expect("static regex")
    });
    let text = &doc.text;
    if let Some(found) = latest_news_on(doc, kb) {
        return Some(found);
    }
    if !holds_any(text, WORDS) {
        return None;
    }
    for c in PROMO.captures_iter(text) {
        let m = c.get(1)?;
        let whole = c.get(0)?.as_str();
        // "Follow X on …" needs the network named: "follow Lavrov on his visit" is no promotion.
        let on_network = c.get(2).is_some() || !whole.trim_end().ends_with("on");
        let name = m.as_str();
        let bare = without_article(name);
        if !on_network
            || matches!(bare, "Us" | "Our" | "News")
            || kb.country_by_word(bare).is_some()
            || kb.person_by_name(bare).is_some()
        {
            continue;
        }
        let name = kb
            .outlet_by_name(name)
            .or_else(|| kb.outlet_by_name(bare))
            .map_or_else(|| name.to_string(), |id| kb.outlets[id].name.clone());
        return Some((
            name.clone(),
            Span::new(m.start(), m.end()),
            "source.self-promotion",
            format!("the page asks its readers to follow {name}"),
        ));
    }
    None
}

/// "Stay updated with the latest news on The Harbour Herald": the site's own sign-off under
/// the story. Known outlets only: "the latest news on Gaza" names a subject.
fn latest_news_on(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    static LATEST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:[Ll]atest|[Bb]reaking) (?:news|updates|stories) (?:on|from) ((?:[Tt]he )?\p{Lu}[\p{L}.&-]*(?: (?:of |on )?\p{Lu}[\p{L}.&-]*){0,3})")
            .expect("static regex")
    });
    let text = &doc.text;
    if !holds_any(text, &["atest ", "reaking "]) {
        return None;
    }
    LATEST.captures_iter(text).find_map(|c| {
        let m = c.get(1)?;
        // "… on The Harbour Herald. Don't miss …": the name ends with its sentence.
        let said = m.as_str();
        let said = said.split_once(". ").map_or(said, |(name, _)| name);
        let said = said.trim_end_matches('.');
        let id = kb.outlet_by_name(said)?;
        let name = kb.outlets[id].name.clone();
        Some((
            name.clone(),
            Span::new(m.start(), m.start() + said.len()),
            "source.self-promotion",
            format!("the page offers its readers the latest news on {name}"),
        ))
    })
}

/// Whether the link at `span` is labelled as the original's ("Source: <link>", a "Kaynak/Source:"
/// line above it): a republisher citing the wire's page, not the page's own address.
fn cites_original(doc: &Doc, span: Span) -> bool {
    let label = |t: &str| {
        let t = t.trim().to_lowercase();
        [
            "source",
            "original",
            "via",
            "read more",
            "kaynak",
            "fuente",
            "quelle",
        ]
        .iter()
        .any(|w| t.starts_with(w) || t.ends_with(&format!("{w}:")) || t.contains(&format!("/{w}:")))
    };
    let line = doc.slice(span);
    let before = doc.text[..span.start].trim_end();
    let previous = before.rsplit('\n').next().unwrap_or("");
    // A footer label just below the link names it too ("<link>" then "Kaynak/Source:").
    let after = doc.text[span.end..]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && l.chars().any(char::is_alphanumeric))
        .take(2)
        .any(|l| label(l) && l.ends_with(':') && l.split_whitespace().count() <= 3);
    label(line.split("http").next().unwrap_or(""))
        || label(previous) && previous.trim().ends_with(':')
        || after
}

/// The publisher named from its link's host: the words of the text that spell the host's name
/// ("taipeitimes.com" → "Taipei Times"), else the host itself.
fn host_name(doc: &Doc, kb: &Knowledge, facts: &SourceFacts) -> Option<Found> {
    let url = facts.url.get()?;
    let span = facts.url.evidence.first().and_then(|e| e.span)?;
    if cites_original(doc, span) {
        return None;
    }
    let host = host_of(url)?.trim_start_matches("www.");
    let label = host
        .split('.')
        .find(|l| !matches!(*l, "en" | "english" | "m" | "news" | "edition"))?;
    let letters: String = label
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    if letters.len() >= 3 {
        let words: Vec<&str> = doc.text.split_whitespace().collect();
        for i in 0..words.len() {
            let mut acc = String::new();
            for j in i..words.len().min(i + 5) {
                let w = words[j].trim_matches(|c: char| !c.is_alphanumeric());
                if !w.chars().next().is_some_and(char::is_uppercase) {
                    break;
                }
                acc.extend(
                    w.chars()
                        .filter(|c| c.is_alphanumeric())
                        .flat_map(char::to_lowercase),
                );
                if acc == letters {
                    let name: Vec<&str> = words[i..=j]
                        .iter()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                        .collect();
                    let name = name.join(" ");
                    return Some((
                        name.clone(),
                        span,
                        "source.url-host-name",
                        format!("the link is on {host}, the site of {name} as the text writes it"),
                    ));
                }
                if !letters.starts_with(&acc) {
                    break;
                }
            }
        }
    }
    let name = site_name(host);
    let registered: String = registered_label(host)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    if let Some(words) = segment_label(&registered, doc, kb) {
        let name = words.join(" ");
        return Some((
            name.clone(),
            span,
            "source.url-host-words",
            format!("the link is on {host}, read as the words {name}"),
        ));
    }
    Some((
        name.clone(),
        span,
        "source.url-host",
        format!(
            "the link is on {host}, a site the knowledge base does not hold: named {name} after it"
        ),
    ))
}

/// Small words that join the words of a publication's name.
const JOINING_WORDS: &[&str] = &[
    "the", "of", "on", "in", "and", "for", "to", "al", "el", "la", "de",
];

/// A host's glued name read as words ("addisstandard" → "Addis Standard", "egypttoday" →
/// "Egypt Today"): every piece a word the text uses, a word of a publication's name (the
/// news words, the knowledge base's outlets), a country's name, or a joining word; the
/// fewest pieces win. `None` when some letters form no such word.
fn segment_label(label: &str, doc: &Doc, kb: &Knowledge) -> Option<Vec<String>> {
    if !label.is_ascii() || label.len() < 5 || label.len() > 40 {
        return None;
    }
    // The words of publications' names, countries' names and joining words: the only ones a
    // piece of unknown letters may stand beside ("Orinoco Tribune", not "Brecor Der").
    let mut strong: std::collections::HashSet<String> = MASTHEAD_WORDS
        .iter()
        .chain(NAME_WORDS)
        .chain(JOINING_WORDS)
        .chain(&["fm", "tv"])
        .map(|w| w.to_string())
        .collect();
    for c in &kb.countries {
        for w in std::iter::once(&c.name).chain(&c.adjectives) {
            if w.is_ascii() && !w.contains(' ') {
                strong.insert(w.to_ascii_lowercase());
            }
        }
    }
    strong.remove(label);
    let mut vocab = strong.clone();
    let mut add = |text: &str, min: usize| {
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if w.len() >= min && w.is_ascii() {
                vocab.insert(w.to_ascii_lowercase());
            }
        }
    };
    add(&doc.text, 3);
    for o in &kb.outlets {
        add(&o.name, 3);
    }
    for c in &kb.countries {
        add(&c.name, 3);
        c.adjectives.iter().for_each(|a| add(a, 3));
    }
    // The link itself spells the label whole.
    vocab.remove(label);
    // "guyanatimesgy": a country's code closing the label is not part of the name.
    let rest = &label[..label.len() - 2];
    // Known words first (two letters closing them are a country's code, whether or not the
    // base holds the country); a piece of unknown letters only when no such cut exists.
    let mut words = split_label(label, &vocab, false)
        .or_else(|| split_label(rest, &vocab, false))
        .or_else(|| split_label(label, &strong, true))?;
    // "telesurenglish": the edition's language is not part of the name.
    if words.len() > 1 && words.last() == Some(&"english") {
        words.pop();
    }
    if words.len() < 2 {
        return None;
    }
    Some(
        words
            .iter()
            .map(|w| match *w {
                "fm" | "tv" => w.to_ascii_uppercase(),
                _ => capitalise(w),
            })
            .collect(),
    )
}

/// `label` cut into words of `vocab`, the fewest pieces; with `unknown`, one piece may be
/// letters no word of `vocab` spells (three or more: a place or a coined name beside the news
/// words, "orinoco" + "tribune"). `None` when no such cut exists or nothing in it is a known
/// word.
fn split_label<'a>(
    label: &'a str,
    vocab: &std::collections::HashSet<String>,
    unknown: bool,
) -> Option<Vec<&'a str>> {
    let allowed = usize::from(unknown);
    // best[i]: (unknown pieces, unknown letters, pieces) covering label[..i], and where the
    // last piece starts: the fewest letters left unread, then the fewest pieces.
    let n = label.len();
    type Cost = (usize, usize, usize);
    let mut best: Vec<Option<(Cost, usize)>> = vec![None; n + 1];
    best[0] = Some(((0, 0, 0), 0));
    for end in 1..=n {
        for start in 0..end {
            let Some(((unknown, letters, pieces), _)) = best[start] else {
                continue;
            };
            let piece = &label[start..end];
            let known = if piece.bytes().all(|b| b.is_ascii_digit()) {
                // A number opening the name stands as a piece of its own ("24tanzania");
                // one after a word is part of it ("news18").
                start == 0
                    && label
                        .as_bytes()
                        .get(end)
                        .is_none_or(|b| !b.is_ascii_digit())
            } else {
                // Beside unknown letters, a word of two letters is more likely their part
                // ("htsyndicati|on") than a word of its own; "fm" and "tv" excepted.
                let short = piece.len() < 3 && allowed > 0 && !matches!(piece, "fm" | "tv");
                piece.len() >= 2 && !short && vocab.contains(piece)
            };
            let cost = if known {
                (unknown, letters, pieces + 1)
            } else if unknown < allowed
                && piece.len() >= 3
                && piece.bytes().all(|b| b.is_ascii_alphabetic())
            {
                (unknown + 1, letters + piece.len(), pieces + 1)
            } else {
                continue;
            };
            if best[end].is_none_or(|(c, _)| cost < c) {
                best[end] = Some((cost, start));
            }
        }
    }
    let ((unknown, _, pieces), _) = best[n]?;
    if pieces <= unknown {
        return None;
    }
    let mut words = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        words.push(&label[start..end]);
        end = start;
    }
    words.reverse();
    Some(words)
}

/// The name a host's owner registered, capitalised: "www.scoop.co.nz" → "Scoop",
/// "sahara-news.org" → "Sahara-news". Public suffixes (com, co.uk, gov.cn) and language or
/// mobile prefixes are not part of it.
fn site_name(host: &str) -> String {
    let label = registered_label(host);
    if label.is_empty() || label.chars().all(|c| c.is_ascii_digit()) {
        host.to_string()
    } else {
        capitalise(label)
    }
}

/// The label of a host its owner registered: "www.scoop.co.nz" → "scoop".
fn registered_label(host: &str) -> &str {
    let labels: Vec<&str> = host.split('.').collect();
    let mut end = labels.len();
    while end > 1 {
        let l = labels[end - 1];
        let suffix = l.len() == 2
            || matches!(
                l,
                "com"
                    | "org"
                    | "net"
                    | "gov"
                    | "edu"
                    | "ac"
                    | "co"
                    | "info"
                    | "int"
                    | "mil"
                    | "news"
                    | "biz"
            );
        if suffix {
            end -= 1;
        } else {
            break;
        }
    }
    // A blog or page on a publishing platform ("syrianleaks.wordpress.com"): the site is
    // its own subdomain, not the platform.
    const PLATFORMS: &[&str] = &[
        "wordpress",
        "blogspot",
        "substack",
        "medium",
        "tumblr",
        "wixsite",
        "weebly",
        "livejournal",
        "typepad",
        "over-blog",
    ];
    if end >= 2 && PLATFORMS.contains(&labels[end - 1]) && labels[end - 2] != "www" {
        return labels[end - 2];
    }
    labels[end - 1]
}

/// "KUWAIT, Feb 15 (KUNA) --", "TEHRAN, Jan. 4 (MNA) –", "DUSHANBE, 23.07.2018. /NIAT
/// Khovar/.": a credit in the dateline of one of the opening paragraphs.
fn dateline_credit(doc: &Doc, kb: &Knowledge) -> Option<(String, Span)> {
    // A dateline may stand on a line of its own, closed by its dash ("May 18. (EUROPA
    // PRESS) –"). Cleaning joins it to the story's first paragraph in plain text; in
    // Markdown it stays a short block of its own.
    let dateline_alone =
        |b: &crate::clean::Block| b.text.trim_end().ends_with(['-', '\u{2013}', '\u{2014}']);
    doc.blocks
        .iter()
        .filter(|b| {
            b.kind == BlockKind::Paragraph
                && b.text.split_whitespace().count() >= 8
                && !crate::clean::is_list_item(&b.text)
                || dateline_alone(b)
        })
        .take(3)
        .find_map(|b| {
            // "DAMASCUS (Syria)-": a country in brackets places the dateline; it credits no one.
            paren_credit(doc, kb, b)
                .filter(|(name, _)| kb.country_by_word(name).is_none())
                .or_else(|| slash_credit(doc, b))
                .or_else(|| pipe_credit(doc, kb, b))
                .or_else(|| comma_credit(doc, kb, b))
                .or_else(|| parsed_mark_credit(doc, b))
        })
        .or_else(|| dateline_line_credit(doc))
        .or_else(|| place_dash_line(doc, kb))
        .or_else(|| credit_dash_line(doc, kb))
}

/// A line parted at its first spaced hyphen, en dash or em dash, in that order of preference.
fn split_at_dash(raw: &str) -> Option<(&str, &str)> {
    raw.split_once(" - ")
        .or_else(|| raw.split_once(" \u{2013} "))
        .or_else(|| raw.split_once(" \u{2014} "))
}

/// Whether the words name a country or a capital the base knows, as written or in title case
/// ("TOKYO", "JAPAN").
fn is_country_or_capital(kb: &Knowledge, words: &str) -> bool {
    kb.country_by_word(words).is_some()
        || kb
            .country_by_word(&crate::dates::title_case(words))
            .is_some()
}

/// "HPA - 18 May 2017", "Lakeside News Agency – Tripoli" on a line of their own over the story:
/// a wire's credit before its date or its place. The credit must look like a wire's (initials,
/// or a name ending in "Agency" or "Press") so that a headline ("Ukraine - 18 May") is not
/// read so, and the rest must be a date or a place the base knows.
fn credit_dash_line(doc: &Doc, kb: &Knowledge) -> Option<(String, Span)> {
    // Cleaning may take the line for a date line of the page: read the text's own lines.
    super::names::lines(&doc.text)
        .take(12)
        .find_map(|(at, line)| {
            let raw = line.trim();
            if raw.len() > 60 {
                return None;
            }
            let (name, rest) = split_at_dash(raw).or_else(|| raw.split_once(" : "))?;
            let (name, rest) = (name.trim(), rest.trim());
            let letters = name.chars().filter(|c| c.is_alphabetic()).count();
            let initials = (2..=6).contains(&letters)
                && name.chars().all(|c| c.is_uppercase() || c == '-')
                && !is_country_or_capital(kb, name);
            let last = name.rsplit(' ').next().unwrap_or("");
            let wire = name.split_whitespace().count() <= 5
                && name
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
                && ["Agency", "Press", "Presse"].contains(&last);
            if !(initials || wire) {
                return None;
            }
            let place = rest.split_whitespace().count() <= 3 && is_country_or_capital(kb, rest);
            let date = rest.chars().any(|c| c.is_ascii_digit())
                && crate::dates::find(rest, None)
                    .iter()
                    .any(|t| t.explicit_year && t.rule != "year");
            (place || date).then(|| {
                let start = at + line.find(name).unwrap_or(0);
                (name.to_string(), Span::new(start, start + name.len()))
            })
        })
}

/// "Riyadh - Harbour Today" on a line of its own over the story: a dateline whose credit is
/// the publication. The place must be one the base knows (a country or its capital), so that
/// a headline ("Gaza - Live Updates") is not read so.
fn place_dash_line(doc: &Doc, kb: &Knowledge) -> Option<(String, Span)> {
    doc.blocks.iter().take(4).find_map(|b| {
        let raw = doc.slice(b.span).trim_end();
        let (place, name) = split_at_dash(raw)?;
        let (place, name) = (place.trim(), name.trim());
        let known_place = place.split_whitespace().count() <= 3 && is_country_or_capital(kb, place);
        // "Ukraine - Live Updates", "Iran - Press Release": a headline's words, no name.
        const HEADLINE_WORDS: &[&str] = &[
            "live",
            "updates",
            "update",
            "latest",
            "breaking",
            "statement",
            "press",
            "release",
            "video",
            "photos",
            "timeline",
            "explained",
        ];
        let headline = name
            .split_whitespace()
            .any(|w| HEADLINE_WORDS.contains(&w.to_lowercase().as_str()));
        let credit = credit_like(name) && !headline && kb.country_by_word(name).is_none();
        (known_place && credit).then(|| {
            let start = b.span.start + raw.rfind(name).unwrap_or(0);
            (name.to_string(), Span::new(start, start + name.len()))
        })
    })
}

/// "November 28, 2017 - Ottawa, Ontario - Global Affairs Canada": a government release's line
/// of day, place and issuing body, under its headline. The body is the page's publisher: a
/// public body the base holds, or a name of a ministry's, department's or office's shape.
fn release_line(doc: &Doc, kb: &Knowledge) -> Option<Found> {
    // With its year the line is read off as a byline; without, it stays a block.
    let metas = doc
        .meta
        .iter()
        .filter(|m| matches!(m.kind, MetaKind::Byline | MetaKind::DateLine))
        .map(|m| m.span);
    let blocks = doc.blocks.iter().take(6).map(|b| b.span);
    metas.chain(blocks).find_map(|span| {
        let raw = doc.slice(span).trim_end();
        let (day, rest) = split_at_dash(raw)?;
        let (place, name) = split_at_dash(rest)?;
        let (day, place, name) = (day.trim(), place.trim(), name.trim());
        let whole_day = crate::dates::find(day, None).iter().any(|t| {
            t.start == 0
                && t.end == day.len()
                && (t.day.is_some()
                    || matches!(t.resolved, Some(crate::dates::Value::MonthDay(..))))
        });
        let place_like = (1..=4).contains(&place.split_whitespace().count())
            && place
                .split([',', ' '])
                .filter(|w| !w.is_empty())
                .all(|w| w.starts_with(char::is_uppercase));
        let body = kb
            .outlet_by_name(name)
            .is_some_and(|id| kb.outlets[id].is_official())
            || INSTITUTION_WORDS.iter().any(|w| name.contains(w))
                && (2..=10).contains(&name.split_whitespace().count())
                && is_name_cased(name);
        (whole_day && place_like && body).then(|| {
            let start = span.start + raw.rfind(name).unwrap_or(0);
            (
                name.to_string(),
                Span::new(start, start + name.len()),
                "source.release-line",
                format!("the release's line of day and place names who issued it: {name}"),
            )
        })
    })
}

/// "Abu Dhabi, Nov 22 (HarbourPress) Abdullah bin Zayed…": the mark of a dateline that gives a
/// day, though no dash follows it (the dateline parser holds the place, the day and the mark
/// to their order).
fn parsed_mark_credit(doc: &Doc, lead: &crate::clean::Block) -> Option<(String, Span)> {
    let raw = doc.slice(lead.span);
    let d = crate::dates::parse_dateline(raw)?;
    d.day?;
    let mark = d.mark?;
    let inner = mark.trim_matches(['(', ')', '/']).trim();
    if !credit_like(inner) {
        return None;
    }
    let at = raw[..d.span.1].find(inner)?;
    let start = lead.span.start + at;
    Some((inner.to_string(), Span::new(start, start + inner.len())))
}

/// "Jakarta, MINA – The foreign minister…": a dateline whose place, written in title case, is
/// followed after a comma (or a dash: "Algiers - MAP -") by the agency's initials and a dash. Capitals there are a region
/// instead when they name a country the base knows ("Tokyo, JAPAN –"); two letters are a
/// state's ("Washington, DC –").
fn comma_credit(doc: &Doc, kb: &Knowledge, lead: &crate::clean::Block) -> Option<(String, Span)> {
    static COMMA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\p{Lu}\p{Ll}[\p{L}.'-]*\s+){0,2}\p{Lu}\p{Ll}[\p{L}.'-]*,\s+(\p{Lu}{3,8})\s*[-\u{2013}\u{2014}]+\s+\p{Lu}")
            .expect("static regex")
    });
    // "ST. GEORGE'S, Grenada, CMC—The…": after the place and its region, the capitals are the
    // agency's whatever case the place is in. "NUR-SULTAN. HARBOURINFORM – As…": a capitalised
    // place closed by a full stop, then the agency.
    static REGION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{L}.'’-]*,\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?,\s+(\p{Lu}{3,8})\s*[-\u{2013}\u{2014}]+\s*\p{Lu}")
            .expect("static regex")
    });
    static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\p{Lu}[\p{Lu}'’-]+(?:\s+\p{Lu}[\p{Lu}'’-]+)?\.\s+(\p{Lu}{3,12})\s*[-\u{2013}\u{2014}]+\s*\p{Lu}")
            .expect("static regex")
    });
    // "Baku / 24.04.18 / Harbourinform: Baku hopes…": the place, the day in numbers and the
    // agency between slashes.
    static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}\s*/\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*/\s*(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,2})\s*[:\-\u{2013}\u{2014}]")
            .expect("static regex")
    });
    // "Algiers - MAP - French Minister…": the agency's initials between two dashes.
    static DASHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{L}.'’-]*\s+[-\u{2013}\u{2014}]+\s+(\p{Lu}{2,8})\s+[-\u{2013}\u{2014}]+\s*\p{Lu}")
            .expect("static regex")
    });
    let raw = doc.slice(lead.span);
    let reach = crate::knowledge::floor_char(raw, DATELINE_REACH.min(raw.len()));
    let c = COMMA
        .captures(&raw[..reach])
        .or_else(|| REGION.captures(&raw[..reach]))
        .or_else(|| PERIOD.captures(&raw[..reach]))
        .or_else(|| DASHED.captures(&raw[..reach]))
        // Two slashes first: most leads have none, and the pattern costs its compiling.
        .or_else(|| {
            (raw[..reach].matches('/').count() >= 2)
                .then(|| SLASHED.captures(&raw[..reach]))
                .flatten()
        })?;
    let m = c.get(1)?;
    let name = m.as_str();
    if is_country_or_capital(kb, name) {
        return None;
    }
    let start = lead.span.start + m.start();
    Some((name.to_string(), Span::new(start, start + name.len())))
}

/// "Azerbaijan, Baku, Aug. 13 / Trend, N. Umid": a dateline on a line of its own in the
/// opening, with the agency after a slash and its reporter after a comma.
fn dateline_line_credit(doc: &Doc) -> Option<(String, Span)> {
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\p{Lu}[\p{L}.-]*,?\s+){1,4}(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\.?)(?:,?\s+\d{4})?\s*/\s*(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2})\s*(?:/|,\s*(?:\p{Lu}\.\s*)*\p{Lu}\p{L}+)?\s*$")
            .expect("static regex")
    });
    doc.blocks.iter().take(6).find_map(|b| {
        let raw = doc.slice(b.span);
        let c = LINE.captures(raw.trim_end())?;
        let m = c.get(1)?;
        let name = m.as_str().trim_end_matches('.');
        credit_like(name).then(|| {
            let start = b.span.start + m.start();
            (name.to_string(), Span::new(start, start + name.len()))
        })
    })
}

fn credit_like(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split(['/', ' '])
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            // A site may end its name with a number ("Horn24"); a number alone or within
            // a word ("2018", "G20") is no name.
            let digits = w.trim_end_matches(|c: char| c.is_ascii_digit());
            w.chars().next().is_some_and(char::is_uppercase)
                && !digits.chars().any(|c| c.is_ascii_digit())
                && (digits.len() == w.len() || digits.chars().count() >= 4)
        })
}

fn paren_credit(doc: &Doc, kb: &Knowledge, lead: &crate::clean::Block) -> Option<(String, Span)> {
    let raw = doc.slice(lead.span);
    let reach = crate::knowledge::floor_char(raw, DATELINE_REACH.min(raw.len()));
    let mut open = raw[..reach].find('(')?;
    let mut close = open + raw[open..reach].find(')')?;
    // "LA VALLETTA (MALTA) (ITALPRESS/MNA) –": the place's country in brackets, then the
    // credit in brackets of its own; a seat and a party ("Mr X (Ealing) (Lab)") are no
    // dateline's.
    let next = raw[close + 1..reach].trim_start();
    if next.starts_with('(')
        && is_country_or_capital(kb, raw[open + 1..close].trim())
        && let Some(end) = next.find(')')
    {
        open = reach - next.len();
        close = open + end;
    }
    // A dateline is a place and perhaps a day before the credit; a sentence or an office's
    // words before brackets ("The Secretary of State … (Mr X) -") are no dateline.
    if raw[..open].split_whitespace().count() > 8 {
        return None;
    }
    let mut inner = &raw[open + 1..close];
    let after = raw[close + 1..].trim_start();
    let mut dash = after.starts_with(['-', '\u{2013}', '\u{2014}']);
    // "(UrduPoint News / Sputnik - 29th April, 2021)": the date inside is a dateline's too.
    if let Some((credit, date)) = inner.split_once(" - ")
        && date.chars().any(|c| c.is_ascii_digit())
    {
        inner = credit;
        dash = true;
    }
    // "(RIA Novosti's Valery Niyazmatov)": the agency's reporter.
    if let Some((credit, _)) = inner
        .split_once("'s ")
        .or_else(|| inner.split_once("\u{2019}s "))
    {
        inner = credit;
    }
    if !(dash && credit_like(inner)) {
        return None;
    }
    let name = inner.trim().to_string();
    let start = lead.span.start + open + 1 + (raw[open + 1..].find(name.as_str()).unwrap_or(0));
    Some((name.clone(), Span::new(start, start + name.len())))
}

/// "PORTVILLE, RURITANIA | Harbour Wire | The ministers…": a dateline's place, in capitals
/// or known to the base, then the credit between pipes, then the story (a menu's pipes go on).
fn pipe_credit(doc: &Doc, kb: &Knowledge, lead: &crate::clean::Block) -> Option<(String, Span)> {
    let raw = doc.slice(lead.span);
    let reach = crate::knowledge::floor_char(raw, DATELINE_REACH.min(raw.len()));
    let open = raw[..reach].find(" | ")?;
    let place = &raw[..open];
    let words = place.split_whitespace().count();
    let is_place = (1..=4).contains(&words)
        && place
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '-' | '.' | '\''));
    let inner_start = open + 3;
    let close = inner_start + raw[inner_start..reach].find(" |")?;
    let inner = raw[inner_start..close].trim();
    let capitals = place
        .chars()
        .all(|c| !c.is_alphabetic() || c.is_uppercase());
    let known = || {
        place
            .split(',')
            .any(|part| is_country_or_capital(kb, part.trim()))
    };
    let story_follows = !raw[close + 2..reach].contains(" | ");
    (is_place && story_follows && (capitals || known()) && credit_like(inner)).then(|| {
        let start = lead.span.start + inner_start;
        (inner.to_string(), Span::new(start, start + inner.len()))
    })
}

fn slash_credit(doc: &Doc, lead: &crate::clean::Block) -> Option<(String, Span)> {
    let raw = doc.slice(lead.span);
    let reach = crate::knowledge::floor_char(raw, DATELINE_REACH.min(raw.len()));
    // "MOSCOW, March 5 /TASS/", or a place glued to the credit: "Ulaanbaatar/MONTSAME/ On…".
    let spaced = raw[..reach].find(" /").map(|i| i + 1);
    let open = spaced.or_else(|| {
        let i = raw[..reach].find('/')?;
        let head = &raw[..i];
        let words = head.split_whitespace().count();
        ((1..=3).contains(&words)
            && head.chars().next().is_some_and(char::is_uppercase)
            && head
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '-' | '.')))
        .then_some(i)
    })?;
    let close = open + 1 + raw[open + 1..reach].find('/')?;
    let inner = &raw[open + 1..close];
    let capitals = inner.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && inner
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    if !credit_like(inner) || (spaced.is_none() && !capitals) {
        return None;
    }
    let name: String = inner
        .chars()
        .filter(|c| !matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}'))
        .collect();
    let start = lead.span.start + open + 1;
    Some((
        name.trim().to_string(),
        Span::new(start, close + lead.span.start),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_str;

    fn sources(text: &str) -> SourceFacts {
        infer_source(&clean_str("s.txt", text), Knowledge::builtin())
    }

    fn name(f: &Inferred<OutletRef>) -> Option<&str> {
        f.get().map(|o| o.name.as_str())
    }

    #[test]
    fn an_outlet_the_base_does_not_hold_is_named_from_its_masthead_or_copyright() {
        let f = sources(
            "Harbour City Chronicle\n\nEnvoy recalled over fishing dispute\n\nThe government recalled its envoy on Monday after a dispute over fishing rights in the strait, officials said.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour City Chronicle"));
        assert_eq!(f.outlet.evidence[0].rule, "source.masthead");
        assert_eq!(f.outlet.get().unwrap().kind, "unknown");
        // A site's English edition names itself so on its top line.
        let f = sources(
            "Harbour Khabar English\n\nEnvoy recalled over fishing dispute\n\nThe government recalled its envoy on Monday after a dispute over fishing rights in the strait, officials said.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour Khabar English"));
        // A language switch is not a name.
        let f = sources(
            "English\n\nEnvoy recalled over fishing dispute\n\nThe government recalled its envoy on Monday after a dispute over fishing rights in the strait, officials said.\n",
        );
        assert!(!f.outlet.is_known());
        let f = sources(
            "Envoy recalled over fishing dispute\n\nThe government recalled its envoy on Monday after a dispute over fishing rights, officials said.\n\n\u{a9} 2021 Lakeside Gazette. All rights reserved.\n",
        );
        assert_eq!(name(&f.outlet), Some("Lakeside Gazette"));
        // A notice in the site's language quotes the site's name.
        for notice in [
            "\u{a9} При использовании материалов ссылка на «Harbour Daily» обязательна.",
            "\u{a9} İstifadə edilərkən \"Harbour Qəzeti\"nə istinad olunmalıdır.",
        ] {
            let f = sources(&format!(
                "Envoy recalled over fishing dispute\n\nThe government recalled its envoy on Monday after a dispute over fishing rights, officials said.\n\n{notice}\n"
            ));
            let want = if notice.contains("Daily") {
                "Harbour Daily"
            } else {
                "Harbour Qəzeti"
            };
            assert_eq!(name(&f.outlet), Some(want), "{notice}");
        }
    }

    #[test]
    fn credits_a_story_closes_with_name_its_agency() {
        // Known agencies after the phrases of a repost's foot.
        let f = sources(
            "Ministers hold consultations\n\nThe deputy foreign ministers of the two countries held consultations in the capital on Friday.\n\nBased on materials from TASS\n",
        );
        assert_eq!(name(&f.agency), Some("TASS"));
        assert_eq!(f.agency.evidence[0].rule, "source.credit-line");
        // One the base does not hold, written as the site writes it.
        let f = sources(
            "Minister rules out talks\n\nThe foreign minister said on Wednesday that talks could not start before the elections.\n\nRead more: Harbour Ledger\n",
        );
        assert_eq!(name(&f.agency), Some("Harbour Ledger"));
        // A known one as the site styles it.
        let f = sources(
            "Minister rules out talks\n\nThe foreign minister said on Wednesday that talks could not start before the elections.\n\nRead more: balkan insight\n",
        );
        assert_eq!(name(&f.agency), Some("Balkan Insight"));
        // A link to more reading on a subject names nobody.
        let f = sources(
            "Minister rules out talks\n\nThe foreign minister said on Wednesday that talks could not start before the elections.\n\nRead more about the talks\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency);
    }

    #[test]
    fn a_top_line_names_its_outlet_past_a_bullet_or_before_a_section() {
        // A bulleted agency byline credits the agency's copy.
        let f = sources(
            "\u{2022} Kyodo\n\nThe foreign ministers of the two countries agreed Saturday to step up efforts to improve relations.\n",
        );
        assert_eq!(name(&f.agency), Some("Kyodo News"));
        assert_eq!(f.agency.evidence[0].rule, "source.credit-line");
        // A paper's name with its section label.
        let f = sources(
            "The Japan Times - World\n\nMinister visits capital for talks\n\nThe foreign minister visited the capital for talks on Wednesday.\n",
        );
        assert_eq!(name(&f.outlet), Some("The Japan Times"));
        // A name followed by words of a headline is no name line.
        let f = sources(
            "The Japan Times - Minister visits the capital for talks\n\nThe foreign minister visited the capital for talks on Wednesday.\n",
        );
        assert_ne!(
            f.outlet.evidence.first().map(|e| e.rule.as_ref()),
            Some("source.name-line")
        );
        // A staff byline names the wire and the paper: the base's wire is the credit.
        let f = sources(
            "Minister discusses security\n\n\u{2022} 2024-10-15\n\u{2022} BNS/TBT Staff\n\nTALLINN - The foreign minister was in Luxembourg on Monday to attend a meeting of ministers.\n",
        );
        assert_eq!(name(&f.agency), Some("Baltic News Service"));
    }

    #[test]
    fn an_outlet_whose_report_the_opening_relays_is_whose_copy_it_is() {
        for text in [
            "Minister to visit\n\nThe Japan Times reported on Saturday that the foreign minister plans to visit Tokyo within three months.\n",
            "Minister to visit\n\nThe foreign minister plans to visit Tokyo within three months, according to Kyodo.\n",
            "Minister to visit\n\nThe foreign minister plans to visit Tokyo within three months, Kyodo news agency reported.\n",
        ] {
            let f = sources(text);
            assert_eq!(
                f.agency.evidence.first().map(|e| e.rule.as_ref()),
                Some("source.reported-by"),
                "{text}"
            );
        }
        // An outlet the story only mentions is not its source.
        let f = sources(
            "Minister to visit\n\nThe foreign minister criticised The Japan Times on Saturday for its coverage of the talks.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency);
    }

    #[test]
    fn an_agency_the_speaker_talked_to_is_whose_copy_it_is() {
        let f = sources(
            "The ministry's spokesman, Ivan Petrenko, said this in a comment to RBC-Ukraine.\n\nThe ministry accused the other side of delaying the talks.\n",
        );
        assert_eq!(name(&f.agency), Some("RBC-Ukraine"));
        assert_eq!(f.agency.evidence[0].rule, "source.agency-interview");
        // A paper is the interviewer, not a wire; a country is neither.
        let f = sources(
            "The ministry's spokesman said this in a comment to Ukraine on Friday.\n\nThe ministry accused the other side of delaying the talks.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency);
        assert!(!f.outlet.is_known(), "{:?}", f.outlet);
        // Past the opening, an exclusive interview is still the agency's copy; a plain one
        // told of further down is not.
        let story = |words: &str| {
            format!(
                "Relations moving in right direction: minister\n\nThe state minister has said relations with the neighbour are back on track.\n\nThe president was in the country recently for a state dinner.\n\nIt was his first visit in four years.\n\nIn {words} with RBC-Ukraine, the minister said the president chooses who leads foreign missions.\n"
            )
        };
        let f = sources(&story("an exclusive interview"));
        assert_eq!(name(&f.agency), Some("RBC-Ukraine"), "{:?}", f.agency);
        let f = sources(&story("an interview"));
        assert!(!f.agency.is_known(), "{:?}", f.agency);
        // An article before the agency's name is no part of it.
        let f = sources(
            "Minister on the border\n\nThe foreign minister said relations were excellent, he told The Anadolu Agency in the capital.\n",
        );
        assert_eq!(name(&f.agency), Some("Anadolu Agency"), "{:?}", f.agency);
    }

    #[test]
    fn a_wire_signing_its_opening_sentence_is_whose_copy_it_is() {
        let f = sources(
            "Envoy received at the ministry\n\nThe deputy foreign minister received the ambassador of Latvia on Monday, Steppeinform cites the ministry's press service.\n\nThe sides discussed trade.\n",
        );
        assert_eq!(name(&f.agency), Some("Steppeinform"));
        assert_eq!(f.agency.evidence[0].rule, "source.house-credit");
        let f = sources(
            "The foreign minister today rejected the sanctions on his country, Prensa Lagos publishes.\n\nHe spoke on his social media account.\n",
        );
        assert_eq!(name(&f.agency), Some("Prensa Lagos"));
        // A country or a known person after the comma is no publisher.
        let f =
            sources("The talks were constructive, Latvia reports.\n\nThe sides discussed trade.\n");
        assert!(!f.agency.is_known(), "{:?}", f.agency);
        let f = sources(
            "The talks were constructive, Sergey Lavrov writes in an article.\n\nThe sides discussed trade.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency);
    }

    #[test]
    fn a_place_and_a_name_over_the_story_credit_the_name() {
        let f = sources(
            "Riyadh - Harbour Today\n\nThe council concluded on Thursday its meeting ahead of the summit.\n",
        );
        assert_eq!(name(&f.agency), Some("Harbour Today"));
        // A place the base does not know, or a headline with a dash, credits no one.
        let f = sources(
            "Gaza - Live Updates\n\nThe council concluded on Thursday its meeting ahead of the summit.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency);
        let f = sources(
            "Ukraine - Live Updates\n\nThe council concluded on Thursday its meeting ahead of the summit.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency);
    }

    #[test]
    fn a_host_printed_in_the_header_is_the_sites() {
        let f = sources(
            "Embassy to move to the capital\n\n2017-08-16 18:18 | www.harbour-news.az | 1\n\nThe ministry said the embassy would move next year.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour-news"));
        assert_eq!(f.outlet.evidence[0].rule, "source.printed-host");
        // A host inside a sentence of the story names another site.
        let f = sources(
            "Embassy to move to the capital\n\nThe ministry said on www.gov-harbour.az that the embassy would move.\n",
        );
        assert!(!f.outlet.is_known(), "{:?}", f.outlet);
    }

    #[test]
    fn a_government_page_says_which_body_it_is_from() {
        let f = sources(
            "Minister takes part in meeting of EU Foreign Ministers\nFrom Department of Foreign Affairs\nPublished on\nThe Minister will take part in a meeting of EU Foreign Ministers on Monday.\n",
        );
        assert_eq!(name(&f.outlet), Some("Department of Foreign Affairs"));
        assert_eq!(f.outlet.evidence[0].rule, "source.from-line");
        let f = sources(
            "Foreign Secretary call with counterpart\n\nFrom:\nForeign, Commonwealth & Development Office\n\nThe Foreign Secretary spoke to his counterpart on Monday.\n",
        );
        assert_eq!(
            name(&f.outlet),
            Some("Foreign, Commonwealth & Development Office")
        );
        // A reporter's line is no publisher.
        let f = sources(
            "Ministry explains talks\n\nFrom: Ada Okafor, Abuja\n\nThe Ministry of Foreign Affairs has explained the talks it held on Monday.\n",
        );
        assert!(!f.outlet.rests_on("source.from-line"), "{:?}", f.outlet);
    }

    #[test]
    fn a_sites_address_in_its_byline_names_it() {
        let f = sources(
            "Envoys speak too early: minister\n\nStaff Correspondent Harbour24.com, Dhaka | 2023-09-01 14:42:48\n\nThe foreign minister said on Thursday that envoys speak too early.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour24"));
        assert_eq!(f.outlet.evidence[0].rule, "source.byline-host");
        // A byline without an address, and an address in the story, name no site this way.
        let f = sources(
            "Envoys speak too early: minister\n\nBy Ada Okafor | 2023-09-01 14:42:48\n\nThe foreign minister said on Thursday that envoys posted on harbourwatch.org speak too early.\n",
        );
        assert!(!f.outlet.rests_on("source.byline-host"), "{:?}", f.outlet);
    }

    #[test]
    fn a_site_asking_to_be_followed_names_itself() {
        let f = sources(
            "The foreign minister said on Tuesday that talks would resume.\n\nFor latest updates and news follow The Harbour Herald on Google News, Instagram and Facebook.\n",
        );
        assert_eq!(name(&f.outlet), Some("The Harbour Herald"));
        assert_eq!(f.outlet.evidence[0].rule, "source.self-promotion");
        let f = sources(
            "The foreign minister said on Tuesday that talks would resume.\n\nJoin Lakeside Daily's WhatsApp channel for more.\n",
        );
        assert_eq!(name(&f.outlet), Some("Lakeside Daily"));
        // The site's newsletter, under a name of its own and a description.
        let f = sources(
            "The foreign minister said on Tuesday that talks would resume.\n\nAre you getting our free newsletter?\n\nSubscribe to Lakeside Daily’s 'The Roundup' our free weekly newsletter sent every Monday.\n",
        );
        assert_eq!(name(&f.outlet), Some("Lakeside Daily"));
        let f = sources(
            "The foreign minister said on Tuesday that talks would resume.\n\nSubscribe to The Harbour Times' daily newsletter.\n",
        );
        assert_eq!(name(&f.outlet), Some("The Harbour Times"));
        // Following a person, or following talks, names no site.
        let f = sources(
            "The foreign minister said on Tuesday that talks would resume.\n\nReporters follow Minister Okafor on his tour of the region.\n",
        );
        assert!(!f.outlet.is_known(), "{:?}", f.outlet);
    }

    #[test]
    fn a_datelines_credit_names_an_agency_the_base_does_not_hold() {
        let f = sources(
            "PORT LOUIS, March 3 (MBCX) -- The foreign minister said on Tuesday that talks with the neighbours would resume next month.\n",
        );
        assert_eq!(name(&f.agency), Some("MBCX"));
        assert_eq!(f.agency.evidence[0].rule, "source.dateline-credit");
        // The credit between pipes after the place.
        let f = sources(
            "PORTVILLE, RURITANIA | Harbour Wire | The three countries said in a joint statement read on Sunday that they had left the bloc.\n",
        );
        assert_eq!(name(&f.agency), Some("Harbour Wire"));
        // A headline's pipes part no place from a credit.
        let f = sources(
            "The three countries said on Sunday | Harbour Wire | that they had left the bloc for good and would not return to it.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency.get());
        // Nor do a menu's.
        let f = sources(
            "World Video | Defence | Foreign Affairs | Trade | Regional News | Search and more links for the reader to follow\n\nThe minister said on Sunday that the talks would resume.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency.get());
        // The initials after the place's comma, before the dash.
        let f = sources(
            "Envoy upholds support for talks\n\nPort Harbour, HNA – The foreign minister stressed on Tuesday that the country supports the talks.\n",
        );
        assert_eq!(name(&f.agency), Some("HNA"));
        // After a place in capitals and its region; after a place closed by a full stop.
        let f = sources(
            "PORT HARBOUR, Lagosia, HBC\u{2014}The following is the full text of the communique issued on Thursday.\n",
        );
        assert_eq!(name(&f.agency), Some("HBC"));
        let f = sources(
            "PORT-HARBOUR. STEPPEINFORM \u{2013} The deputy foreign minister received the ambassador on Monday.\n",
        );
        assert_eq!(name(&f.agency), Some("STEPPEINFORM"));
        // The initials between two dashes.
        let f = sources(
            "Envoy upholds support for talks\n\nPort Harbour - HNA - The foreign minister said on Thursday in the capital that the question would not harm relations.\n",
        );
        assert_eq!(name(&f.agency), Some("HNA"));
        // A country in capitals there is the dateline's region, not a credit.
        let f = sources(
            "Envoy upholds support for talks\n\nOsaka, JAPAN – The foreign minister stressed on Tuesday that the country supports the talks.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency);
        // A dateline on a line of its own: a date, the credit and the dash.
        let f = sources(
            "Region\n\nPresident calls for dialogue with neighbours\n\nMay 18. (HARBOUR PRESS) –\n\nThe president called this Friday for a dialogue between the bloc and its neighbours.\n",
        );
        assert_eq!(name(&f.agency), Some("HARBOUR PRESS"));
        // In Markdown the dateline's line stays a paragraph of its own, and is still read.
        let f = infer_source(
            &clean_str(
                "s.md",
                "# President calls for dialogue\n\nMay 18. (HARBOUR PRESS) \u{2013}\n\nThe president called this Friday for a dialogue between the bloc and its neighbours.\n",
            ),
            Knowledge::builtin(),
        );
        assert_eq!(name(&f.agency), Some("HARBOUR PRESS"));
        // Key points bulleted above the story, however long, are not its opening.
        let f = sources(
            "What the ministers discussed\n\n- An urgent ceasefire is needed in the civil war now.\n\n- Access for the civilians in the region is critical today.\n\n- Relations between the two countries are strained by the war.\n\nPort Harbour, Nov 22 (HNA) - The foreign minister said on Friday that the call had gone well.\n",
        );
        assert_eq!(name(&f.agency), Some("HNA"));
        // After a place in capitals and its region; after a place closed by a full stop.
        let f = sources(
            "PORT HARBOUR, Lagosia, HBC\u{2014}The following is the full text of the communique issued on Thursday.\n",
        );
        assert_eq!(name(&f.agency), Some("HBC"));
        let f = sources(
            "PORT-HARBOUR. STEPPEINFORM \u{2013} The deputy foreign minister received the ambassador on Monday.\n",
        );
        assert_eq!(name(&f.agency), Some("STEPPEINFORM"));
        // A day's credit closes its dateline without a dash.
        let f = sources(
            "Ministers discuss the ceasefire\n\nPort Harbour, Nov 22 (HarbourPress) Tom Lee, the foreign minister, held a call with his counterpart on the ceasefire.\n",
        );
        assert_eq!(name(&f.agency), Some("HarbourPress"));
        // A parenthesis that is no credit is not taken for one.
        let f = sources(
            "The minister (who arrived on Monday) said the talks went well and would go on.\n",
        );
        assert!(!f.agency.is_known());
    }

    #[test]
    fn a_page_names_its_publisher_in_its_furniture() {
        let f = sources(
            "Envoy recalled\n\nThe government recalled its envoy on Monday after a dispute over fishing rights, officials said.\n\nOfficial website of the President of Freedonia\n",
        );
        assert_eq!(name(&f.outlet), Some("President of Freedonia"));
        assert_eq!(f.outlet.evidence[0].rule, "source.official-site");
        let f = sources(
            "Envoy recalled\n\nThe government recalled its envoy on Monday after a dispute over fishing rights, officials said.\n\nHarbour News Agency website contains only a portion of the stories offered to subscribers.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour News Agency"));
        // An institution on the top line publishes its own statements.
        let f = sources(
            "Delegation of the European Union to Freedonia\n\nRemarks by the Ambassador at the trade fair\n\nThe ambassador said on Monday that the union would keep its market open to the country's exports.\n",
        );
        assert_eq!(
            name(&f.outlet),
            Some("Delegation of the European Union to Freedonia")
        );
        // A sentence that opens like one is not a name.
        let f = sources(
            "Ministry of Finance officials said the budget would pass\n\nThe budget was debated on Monday and officials expect it to pass this week.\n",
        );
        assert!(!f.outlet.is_known());
    }

    #[test]
    fn a_byline_or_an_interview_may_name_the_publisher() {
        let f = sources(
            "Envoy recalled\n\nBy Harbour News Global fav\n\nThe government recalled its envoy on Monday after a dispute over fishing rights, officials said.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour News Global"));
        // A caption holding "for" before the photographer's credit.
        let f = sources(
            "Jo Park, Minister of State for Foreign Affairs Image Credit: Ann Lee/ Harbour News\n\nThe minister said on Wednesday that the country would show restraint after the attacks on shipping.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour News"));
        // A labelled credit opening with a known broadcaster's name and its photographer; a
        // wire's photo names no publisher.
        let f = sources(
            "Minister heads to Europe\n\nPhoto: RNZ / Jane Doe\n\nThe minister will leave on Monday for an eleven-day mission to Europe, her office said.\n",
        );
        assert_eq!(name(&f.outlet), Some("RNZ"), "{:?}", f.outlet);
        let f = sources(
            "Minister heads to Europe\n\nPhoto: AFP / Jane Doe\n\nThe minister will leave on Monday for an eleven-day mission to Europe, her office said.\n",
        );
        assert!(!f.outlet.rests_on("source.photo-credit"), "{:?}", f.outlet);
        // A person's byline names no publisher.
        let f = sources(
            "Envoy recalled\n\nBy Anna Berg\n\nThe government recalled its envoy on Monday after a dispute over fishing rights, officials said.\n",
        );
        assert!(!f.outlet.is_known());
        let f = sources(
            "Envoy recalled\n\nThe foreign minister told the Lakeside Gazette on Monday that the envoy would not return soon.\n",
        );
        assert_eq!(name(&f.outlet), Some("the Lakeside Gazette"));
        assert_eq!(f.outlet.evidence[0].rule, "source.interview");
        assert!(f.outlet.confidence < 0.5);
        // "told the National Assembly": no publication.
        let f = sources(
            "Envoy recalled\n\nThe foreign minister told the National Assembly on Monday that the envoy would not return soon.\n",
        );
        assert!(!f.outlet.is_known());
        // A one-word title behind a capitalised article is a publication's.
        let f = sources(
            "Envoy recalled\n\nThe foreign minister said he had called his counterpart after an interview with The Meridian on Monday.\n",
        );
        assert_eq!(name(&f.outlet), Some("The Meridian"));
        assert_eq!(f.outlet.evidence[0].rule, "source.interview");
        // Lower case, it is no title; a country's name is no publication.
        for text in [
            "Envoy recalled\n\nThe foreign minister told the meridian session on Monday that the envoy would stay.\n",
            "Envoy recalled\n\nThe foreign minister told The Netherlands delegation on Monday that the envoy would stay.\n",
        ] {
            let f = sources(text);
            assert!(!f.outlet.is_known(), "{text}");
        }
    }

    #[test]
    fn a_credit_opening_with_a_known_name_is_that_publishers() {
        // A copyright mark glued to a photo caption.
        let f = sources(
            "Sister warns Seoul\n\nThe vice-director said on Tuesday that the sanctions were useless.\n\n\u{a9} Sputnik ScreenshotJo Park, vice-director of the department\n",
        );
        assert_eq!(name(&f.outlet), Some("Sputnik"));
        assert_eq!(f.outlet.evidence[0].rule, "source.copyright");
        // An unknown name stays as written.
        let f = sources(
            "Sister warns Seoul\n\nThe vice-director said on Tuesday that the sanctions were useless.\n\n\u{a9} Harbour Gazette\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour Gazette"));
        // A photo's "© Photographer/Agency" names no publisher; the site's notice below does.
        let f = sources(
            "Ministers discuss trade\n\nThe foreign minister\n\u{a9} Anna Berg/Reuters\n\nThe foreign minister met his counterpart on Monday to discuss trade and the coming summit.\n\n\u{a9} 2024 Harbour Gazette. All rights reserved.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour Gazette"));
        let f = sources(
            "Ministers discuss trade\n\nThe foreign minister\n\u{a9} Anna Berg/Reuters\n\nThe foreign minister met his counterpart on Monday to discuss trade and the coming summit.\n",
        );
        assert!(
            !f.outlet.rests_on("source.copyright"),
            "{:?}",
            f.outlet.get()
        );
    }

    #[test]
    fn credits_in_dateline_shapes_the_rules_did_not_read() {
        // A place glued to an agency in capitals.
        let f = sources(
            "Minister meets delegation\n\nPortville/HARBOURPRESS/ On November 13, the foreign minister met a delegation from the neighbouring country to discuss trade.\n",
        );
        assert_eq!(name(&f.agency), Some("HARBOURPRESS"));
        // Not a list of countries.
        let f = sources(
            "Talks\n\nFreedonia/Sylvania/Grand Fenwick talks resumed on Monday after a pause of two years, officials said.\n",
        );
        assert!(!f.agency.is_known());
        // A dateline on a line of its own, the agency and its reporter after a slash.
        let f = sources(
            "Spokesman denies report\n\nPortland, Baytown, Aug. 13 / Bayline, N. Umar\n\nThe spokesman denied on Tuesday a report that the embassies had no ambassadors.\n",
        );
        assert_eq!(name(&f.agency), Some("Bayline"));
        // A day, then the publication's name, then the story.
        let f = sources(
            "Spokesman reviews developments\n\nOctober 9, The Harbour Project – The foreign ministry spokesman reviewed the week's developments at his weekly news conference.\n",
        );
        assert_eq!(name(&f.outlet), Some("The Harbour Project"));
        // A site's name right after the dateline.
        let f = sources(
            "Ministers meet\n\nPortville, August 7 - Harbourline.news. The foreign minister held a meeting with a visiting delegation on trade and transit.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbourline News"));
    }

    #[test]
    fn a_glued_host_is_read_as_the_words_of_a_name() {
        // Hosts the knowledge base does not hold (it lists addisstandard.com, thestar.com.my,
        // brecorder.com, news18.com and theage.com.au as those outlets).
        let f = sources(
            "Talks resume\n\nThe talks on the border resumed in Addis Ababa on Monday, officials said.\n\nhttps://archive.addisstandard.net/news/talks-resume\n",
        );
        assert_eq!(name(&f.outlet), Some("Addis Standard"));
        assert_eq!(f.outlet.evidence[0].rule, "source.url-host-words");
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday, officials said.\n\nhttps://www.thestar.net.my/news/talks-resume\n",
        );
        assert_eq!(name(&f.outlet), Some("The Star"));
        // Letters that form no words stay the registered name.
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday, officials said.\n\nhttps://www.brecorder.net/news/talks-resume\n",
        );
        assert_eq!(name(&f.outlet), Some("Brecorder"));
        // A number after a word belongs to it.
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday, officials said.\n\nhttps://www.news18.net/news/talks-resume\n",
        );
        assert_eq!(name(&f.outlet), Some("News18"));
        // Words common in publications' names that the text need not use.
        let f = sources(
            "Talks resume\n\nThe talks in the harbour city resumed on Monday, officials said.\n\nhttps://www.harbourlawyerdaily.com/news/talks-resume\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour Lawyer Daily"));
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday, officials said.\n\nhttps://www.theage.net.au/news/talks-resume\n",
        );
        assert_eq!(name(&f.outlet), Some("The Age"));
        // One coined word or place beside a publication's word; a country's code after.
        for (host, want) in [
            ("www.kelvarotribune.com", "Kelvaro Tribune"),
            ("harbourtimesxy.com", "Harbour Times"),
            ("www.zubaridaily.org", "Zubari Daily"),
            ("www.kelvarofm.com", "Kelvaro FM"),
            // Two words unread: the registered name.
            ("www.zorblaxquonk.com", "Zorblaxquonk"),
        ] {
            let f = sources(&format!(
                "Talks resume\n\nThe talks in the harbour city resumed on Monday, officials said.\n\nhttps://{host}/news/talks-resume\n"
            ));
            assert_eq!(name(&f.outlet), Some(want), "{host}");
        }
    }

    #[test]
    fn a_links_host_names_the_publisher() {
        // The text spells the host's name: the publisher as the text writes it.
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday, the Harbour Times reported.\n\nhttps://www.harbourtimes.example/2021/05/03/talks-resume\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour Times"));
        assert_eq!(f.outlet.evidence[0].rule, "source.url-host-name");
        // Otherwise the site's registered name.
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday.\n\nhttps://news.quillfeather.co.nz/a/1\n",
        );
        assert_eq!(name(&f.outlet), Some("Quillfeather"));
        // On a publishing platform, the blog's own name.
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday.\n\nhttps://quillfeather.wordpress.com/2021/05/03/talks-resume/\n",
        );
        assert_eq!(name(&f.outlet), Some("Quillfeather"));
        // A host the base holds is that outlet.
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday.\n\nhttps://www.taipeitimes.com/News/taiwan/archives/2020/01/01/2003728598\n",
        );
        assert_eq!(name(&f.outlet), Some("Taipei Times"));
    }

    #[test]
    fn a_link_labelled_as_the_source_is_the_originals_not_the_pages() {
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday.\n\nSource:\nhttps://www.taipeitimes.com/News/taiwan/archives/2020/01/01/2003728598\n",
        );
        assert!(!f.outlet.is_known());
        let f = sources(
            "Talks resume\n\nThe talks resumed on Monday.\n\nSource: https://www.harbourtimes.example/a/1\n",
        );
        assert!(!f.outlet.is_known());
    }

    #[test]
    fn a_lead_opening_with_its_papers_name_a_domain_masthead_and_a_photographers_paper() {
        let f = sources(
            "Minister meets envoys\n\nHarbour News - The foreign minister met envoys of the region on Saturday to discuss the ceasefire.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour News"));
        let f = sources(
            "GATEPOST.COM\n\nMinister meets envoys\n\nThe foreign minister met envoys of the region on Saturday to discuss the ceasefire.\n",
        );
        assert_eq!(name(&f.outlet), Some("Gatepost"));
        let f = sources(
            "Minister meets envoys\n\nThe foreign minister at the meeting. Jane Doe for The Harbour Times\n\nThe foreign minister met envoys of the region on Saturday to discuss the ceasefire.\n",
        );
        assert_eq!(name(&f.outlet), Some("The Harbour Times"));
        // An agency's photo says nothing of who published the page.
        let f = sources(
            "Minister meets envoys\n\nThe foreign minister at the meeting. John Roe/Reuters\n\nThe foreign minister met envoys of the region on Saturday to discuss the ceasefire.\n",
        );
        assert!(!f.outlet.is_known());
    }

    #[test]
    fn credits_in_the_openings_datelines_and_section_labels() {
        let f = sources(
            "Ministers talk\n\nThe two foreign ministers did not talk on the phone this week - Okafor\n\nLAGOS. Sept 8 (Harbour-Wire) \u{2013} The telephone conversation between the two ministers did not take place, the ministry said.\n",
        );
        assert_eq!(name(&f.agency), Some("Harbour-Wire"));
        let f = sources(
            "Ministers met\n\nDUSHANBE, 23.07.2018. /NIAT \u{201c}Lakeside\u{201d}/. On July 21 the foreign ministers of the two countries held talks in the capital.\n",
        );
        assert_eq!(name(&f.agency), Some("NIAT Lakeside"));
        // A section label is no masthead.
        let f = sources(
            "Breaking News\n\nMinisters met\n\nThe foreign ministers of the two countries held talks in the capital on Monday.\n",
        );
        assert!(!f.outlet.is_known());
    }
    #[test]
    fn a_source_line_names_the_wire() {
        let f = sources(
            "Ministry disturbed by embassy alert\n\nThe spokesperson of the foreign ministry said late Friday the ministry was disturbed by the security alert issued by the embassy.\n\nSource: Xinhua\n",
        );
        assert_eq!(name(&f.agency), Some("Xinhua News Agency"));
        assert_eq!(f.agency.evidence[0].rule, "source.credit-line");
        let f = sources(
            "Minister rules out seat at the UN\n\nSource: Beta, Tanjug\n\nThe foreign minister said on Monday that a seat at the United Nations for the province was out of the question.\n",
        );
        assert_eq!(name(&f.agency), Some("Beta News Agency"));
        let f = sources(
            "Minister rules out seat at the UN\n\nSource: Lakeside Wire\n\nThe foreign minister said on Monday that a seat at the United Nations for the province was out of the question.\n",
        );
        assert_eq!(name(&f.agency), Some("Lakeside Wire"));
        // What a bracket adds after the name is no part of it.
        let f = sources(
            "Minister rules out seat at the UN\n\nThe foreign minister said on Monday that a seat at the United Nations for the province was out of the question.\n\nSource: Lakeside LIVE (A Harbour Media Trusted Brand)\n",
        );
        assert_eq!(name(&f.agency), Some("Lakeside LIVE"), "{:?}", f.agency);
        // A repost's closing "News source:" line, after an editor's initials in the dateline.
        let f = sources(
            "Country rules out recalling its envoy\n\n(LIP-ir) \u{2014} The country ruled out recalling its ambassador, the foreign minister said today.\n\nHe added that the relationship had never been easy.\n\nNews source: ANDINA\n",
        );
        assert_eq!(name(&f.agency), Some("Andina"));
        // A label with a sentence after it is not a credit.
        let f = sources(
            "Talks resume\n\nSource: officials say the talks will resume.\n\nThe talks resumed on Monday after a pause of two years, officials said.\n",
        );
        assert!(!f.agency.is_known());
    }

    #[test]
    fn a_logo_s_alt_text_at_the_top_names_the_publisher() {
        let f = sources(
            "Harbour Chronicle Logo\n\nLocal News\n\nMinister's remark raises hackles\n\nA remark by the foreign minister during a radio interview raised hackles on Monday.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour Chronicle"));
        assert_eq!(f.outlet.evidence[0].rule, "source.masthead");
        // A logo of something that is no publication names none.
        let f = sources(
            "Ministry Logo\n\nMinister's remark raises hackles\n\nA remark by the foreign minister during a radio interview raised hackles on Monday.\n",
        );
        assert!(!f.outlet.is_known(), "{:?}", f.outlet.get());
        // The logo before the name, and a name with no news word: the alt text says it is
        // the site's.
        for top in [
            "Logo of Harbour Digital",
            "Logo de Harbour Digital",
            "Harbour Digital logo",
        ] {
            let f = sources(&format!(
                "{top}\n\nMinister's remark raises hackles\n\nA remark by the foreign minister during a radio interview raised hackles on Monday.\n"
            ));
            assert_eq!(name(&f.outlet), Some("Harbour Digital"), "{top}");
        }
        // Without the logo, such a line is no masthead.
        let f = sources(
            "Harbour Digital\n\nMinister's remark raises hackles\n\nA remark by the foreign minister during a radio interview raised hackles on Monday.\n",
        );
        assert!(!f.outlet.is_known(), "{:?}", f.outlet.get());
    }

    #[test]
    fn a_byline_naming_the_paper_s_reporter_names_the_paper() {
        let f = sources(
            "By Harbour Herald reporter.\nPortville, 11 November 2014:\nAmbassadors from ten countries met yesterday with the foreign minister, who said the talks had gone well.\nThe minister said the country was ready to talk.\n",
        );
        assert_eq!(
            name(&f.outlet),
            Some("Harbour Herald"),
            "{:?}",
            f.outlet.get()
        );
    }

    #[test]
    fn a_newsroom_byline_in_the_sites_language_names_the_site() {
        let f = sources(
            "Minister comments on the visit\n05 settembre 2024 | 12.33\nRedazione Harbour Notizie\nLETTURA: 1 minuti\n\nThe foreign minister on Wednesday clarified the results of the recent visit and the agreements signed.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour Notizie"), "{:?}", f.outlet);
        assert_eq!(f.outlet.evidence[0].rule, "source.byline-outlet");
    }

    #[test]
    fn a_wire_credit_before_the_desks_slug_signs_the_copy() {
        let f = sources(
            "Agency chief to visit the plant\nThe agency's chief will visit the plant next week, Xinhua reported.\nUkraine and Russia have traded accusations of recent strikes on the facility.\n\u{2013}IANS\nint/khz/\n",
        );
        assert_eq!(
            name(&f.agency),
            Some("Indo-Asian News Service"),
            "{:?}",
            f.agency
        );
        assert_eq!(f.agency.evidence[0].rule, "source.closing-credit");
    }

    #[test]
    fn a_known_wire_after_a_dash_closing_the_text_is_its_credit() {
        let f = sources(
            "Minister to visit\n\nThe visit will be held in full compliance with the health procedures put in place by the authorities of both countries. \u{2014} Bernama\n",
        );
        assert_eq!(name(&f.agency), Some("Bernama"));
        assert_eq!(f.agency.evidence[0].rule, "source.closing-credit");
    }

    #[test]
    fn the_hour_a_wire_moved_its_copy_is_read_past_to_its_credit() {
        let story = "Envoy condemns attack\n\nThe envoy condemned the attack that took place last night, which killed dozens of people.\n\n-- SPA\n\n";
        for stamp in ["13:26 LOCAL TIME 10:26 GMT", "09:05 GMT"] {
            let f = sources(&format!("{story}{stamp}\n"));
            assert_eq!(name(&f.agency), Some("Saudi Press Agency"), "{stamp}");
            assert_eq!(f.agency.evidence[0].rule, "source.closing-credit");
        }
        // A paragraph under the credit is another story's and ends the search.
        let f = sources(&format!(
            "{story}Leaders around the world condemned another attack on Friday at 10:26.\n"
        ));
        assert!(
            !f.agency.rests_on("source.closing-credit"),
            "{:?}",
            f.agency
        );
    }

    #[test]
    fn a_logos_alt_text_glued_to_the_headline_names_the_paper() {
        let f = sources(
            "Skip to content\nLogo of Phnom Penh Post newspaper Phnom Penh Post - Minister allays fears over base\n\nThe foreign minister on Wednesday said the naval base would host no foreign troops.\n",
        );
        assert_eq!(
            name(&f.outlet),
            Some("The Phnom Penh Post"),
            "{:?}",
            f.outlet
        );
        assert_eq!(f.outlet.evidence[0].rule, "source.masthead");
        // Without a known paper's name after it, the logo's line names no one.
        let f = sources(
            "Skip to content\nLogo of Harbour Evening Courier Minister allays fears over base and more\n\nThe foreign minister on Wednesday said the naval base would host no foreign troops.\n",
        );
        assert!(!f.outlet.rests_on("source.masthead"), "{:?}", f.outlet);
    }

    #[test]
    fn a_credit_given_as_an_address_names_the_outlet_whose_site_it_is_on() {
        let f = sources(
            "Envoy confirms leaders attending the summit\n\nLeaders of the island states have confirmed they will attend the summit in November, the foreign minister said.\n\nSource: https://www.rnz.co.nz/international/pacific-news/1234\n\nYou may also like\n",
        );
        assert_eq!(name(&f.agency), Some("RNZ"), "{:?}", f.agency);
        assert_eq!(f.agency.evidence[0].rule, "source.url-host");
        // Its label parted from the link by a stray letter where a space was: a credit line.
        let f = sources(
            "Envoy confirms leaders attending the summit\n\nLeaders of the island states have confirmed they will attend the summit in November, the foreign minister said.\n\nSource:\u{392} https://www.radionz.co.nz\n",
        );
        assert_eq!(name(&f.agency), Some("RNZ"), "{:?}", f.agency);
        assert_eq!(f.agency.evidence[0].rule, "source.credit-line");
        // An address on a site the base does not hold credits no one.
        let f = sources(
            "Envoy confirms leaders attending the summit\n\nLeaders of the island states have confirmed they will attend the summit in November, the foreign minister said.\n\nSource: https://www.harbour-islands.example/news/1234\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency.get());
    }

    #[test]
    fn a_releases_line_of_day_and_place_names_the_body_that_issued_it() {
        let body = "\n\nThe Minister of Foreign Affairs today issued the following statement on the missile launch:\n\n\u{201c}We condemn this reckless act in the strongest terms.\u{201d}\n";
        let f = sources(&format!(
            "Statement on the missile launch\n\nStatements\n\nMarch 4, 2021 - Ottawa, Ontario - Global Affairs Canada{body}"
        ));
        assert_eq!(
            name(&f.outlet),
            Some("Global Affairs Canada"),
            "{:?}",
            f.outlet
        );
        assert_eq!(f.outlet.evidence[0].rule, "source.release-line");
        // A body the base does not hold, of a ministry's shape; the day without its year.
        let f = sources(&format!(
            "Statement on the missile launch\n\nNovember 28 - Portville, Harbour - Ministry of Foreign Affairs of Harbour{body}"
        ));
        assert_eq!(
            name(&f.outlet),
            Some("Ministry of Foreign Affairs of Harbour"),
            "{:?}",
            f.outlet
        );
        // A headline's parts after a day are no issuing body.
        let f = sources(&format!(
            "Statement on the missile launch\n\nMarch 4 - Kyiv - Live updates{body}"
        ));
        assert!(!f.outlet.rests_on("source.release-line"), "{:?}", f.outlet);
    }

    #[test]
    fn a_papers_name_after_a_dash_closing_a_breaking_story_is_its_credit() {
        // A blog's repost of a breaking item: the paper signs it after "MORE TO COME", and
        // the blog's comment box follows.
        let f = sources(
            "KUALA LUMPUR: The foreign ministry will summon the ambassador for an explanation after the incident yesterday.\n\u{201c}We will relay our concern to our counterpart,\u{201d} the minister said in a brief statement.\nMORE TO COME - The Hindu\nNo comments:\nPost a Comment\nNote: Only a member of this blog may post a comment.\n",
        );
        assert_eq!(name(&f.agency), Some("The Hindu"), "{:?}", f.agency);
        assert_eq!(f.agency.evidence[0].rule, "source.closing-credit");
        // Without the dash the name alone is a masthead, as before.
        let f = sources(
            "KUALA LUMPUR: The foreign ministry will summon the ambassador for an explanation after the incident yesterday.\nThe Hindu\nNo comments:\nPost a Comment\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency.get());
    }

    #[test]
    fn a_wire_named_alone_after_the_story_and_before_the_tags_is_its_credit() {
        let story = "Minister says talks will go on\nRegion News\n06-02-2026 | 09:27\nThe \
                     foreign minister on Friday described the talks as positive.\n\"Our \
                     views were shared,\" the minister told state television.\nAFP\n";
        let f = sources(&format!("{story}Region News\nIran\nTalks\n"));
        assert_eq!(name(&f.agency), Some("Agence France-Presse"));
        assert_eq!(f.agency.evidence[0].rule, "source.closing-credit");
        // The line is the credit, not a paragraph of the story.
        assert_eq!(f.credit_cut.map(|(_, keep)| keep), Some(0));
        // A credit in square brackets closing the story, before a newsletter's sign-up.
        let f = sources(
            "Minister urges talks\n\nThe minister said ties were at a crossroads and direct \
             talks could find a solution. [Reuters]\n\nSubscribe to our Newsletters\n\nEnter \
             your information below to receive our weekly newsletters straight to your inbox.\n\n\
             By signing up you are agreeing to our Terms of Service and Privacy Policy.\n",
        );
        assert_eq!(name(&f.agency), Some("Reuters"), "{:?}", f.agency);
        // A paper's name alone at the foot is its masthead, no credit.
        let f = sources(&story.replace("AFP", "The Hindu"));
        assert!(!f.agency.is_known(), "{:?}", f.agency.get());
    }

    #[test]
    fn a_closing_credit_in_parentheses_names_a_wire_the_base_does_not_hold() {
        let f = sources(
            "Envoy recalled\n\nThe government recalled its envoy on Monday after a dispute over fishing rights in the strait, officials said.\n\n\"This is a hostile act,\" the ministry said in a separate statement. (Harbour Wire)\n",
        );
        assert_eq!(name(&f.agency), Some("Harbour Wire"));
        assert_eq!(f.agency.evidence[0].rule, "source.closing-credit");
        // A photo note is not a credit.
        let f = sources(
            "Envoy recalled\n\nThe government recalled its envoy on Monday after a dispute over fishing rights in the strait, officials said. (File Photo)\n",
        );
        assert!(!f.agency.is_known());
    }

    #[test]
    fn an_official_sites_link_names_the_ministry_even_on_an_embassys_subdomain() {
        // An embassy's page: only the link says whose it is.
        let f = sources(
            "Press release on the results of the year\n\nThe foreign policy of the country in 2021 was implemented in accordance with the directions set by the head of state, the embassy said.\n\nhttps://sofia.mfa.gov.az/en/news/no52621-press-release-on-the-results-of-2021\n",
        );
        let outlet = f.outlet.get().unwrap();
        assert_eq!(
            outlet.name,
            "Ministry of Foreign Affairs of the Republic of Azerbaijan"
        );
        assert_eq!(outlet.kind, "ministry");
        assert_eq!(f.outlet.evidence[0].rule, "source.url-host");
        // A ministry is not a wire: it is no agency.
        assert!(!f.agency.is_known());
        // One shared embassy domain names the ministry behind all of them.
        let f = sources(
            "Statement on the anniversary\n\nThe embassy marked the anniversary of diplomatic relations on Monday with a reception for officials.\n\nhttps://ru.usembassy.gov/statement-on-the-anniversary/\n",
        );
        assert_eq!(name(&f.outlet), Some("U.S. Department of State"));
        // The most specific host wins: UN News is not the UN's press releases.
        let f = sources(
            "Security Council extends mission\n\nThe Security Council on Thursday extended the mandate of the mission for another year.\n\nhttps://news.un.org/en/story/2024/05/1150001\n",
        );
        assert_eq!(name(&f.outlet), Some("UN News"));
        let f = sources(
            "Secretary-General condemns attack\n\nThe following statement was issued today by the Spokesman for the Secretary-General.\n\nhttps://press.un.org/en/2024/sgsm22222.doc.htm\n",
        );
        let outlet = f.outlet.get().unwrap();
        assert_eq!(outlet.name, "United Nations");
        assert_eq!(outlet.kind, "institution");
    }

    #[test]
    fn an_institution_or_a_ministry_naming_itself_publishes_its_own_statement() {
        // An international organisation's release under its own name.
        let f = sources(
            "North Atlantic Treaty Organization\n\nStatement by the Secretary General on the attack\n\nThe Secretary General strongly condemned the attack on a convoy on Wednesday and offered his condolences.\n",
        );
        let outlet = f.outlet.get().unwrap();
        assert_eq!(outlet.name, "NATO");
        assert_eq!(outlet.kind, "institution");
        // A ministry's page whose top line is the ministry, in a form copy uses.
        let f = sources(
            "Ministry of Foreign Affairs of the Kyrgyz Republic\n\nStatement on the situation at the border\n\nThe ministry continues to closely monitor the situation and calls on all parties to exercise restraint.\n",
        );
        assert_eq!(
            name(&f.outlet),
            Some("Ministry of Foreign Affairs of the Kyrgyz Republic")
        );
        // A presidency's site naming itself in its footer.
        let f = sources(
            "The head of state held a phone call\n\nThe head of state held a phone call with his counterpart on Tuesday to discuss security guarantees.\n\nOfficial website of the President of Ukraine\n",
        );
        assert_eq!(name(&f.outlet), Some("Office of the President of Ukraine"));
        assert_eq!(f.outlet.get().unwrap().kind, "ministry");
    }

    #[test]
    fn a_headline_presenting_an_official_bodys_words_names_it_the_publisher() {
        for text in [
            "Press conference by the NATO Secretary General ahead of the ministerial meeting\n\n(As delivered)\n\nGood afternoon. Today we will discuss our support for partners in the region and the road ahead.\n",
            "Media Center\n\nStatement from the OAS General Secretariat on the elections\n\nThe General Secretariat follows the electoral process closely and calls for calm and respect for the results.\n",
            // The heading broken over two lines, the name on the second.
            "Press conference\n\nby NATO Secretary General Lars Eriksen ahead of the meetings of Foreign Ministers\n\n(As delivered)\n\nGood morning. Ministers will meet tomorrow to prepare for the summit in July.\n",
            // The United Nations by its spokesperson's office.
            "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\nThe following is a near-verbatim transcript of today's noon briefing by the Spokesman for the Secretary-General.\n",
        ] {
            let f = sources(text);
            let outlet = f.outlet.get().unwrap_or_else(|| panic!("{text}"));
            assert_eq!(outlet.kind, "institution", "{text}");
            assert_eq!(f.outlet.evidence[0].rule, "source.official-headline");
            assert!(f.outlet.confidence <= 0.5);
        }
        // A paper's own name comes first; a body named after the story's start is no headline.
        let f = sources(
            "Harbour Gazette\n\nStatement by the NATO Secretary General on the attack\n\nThe secretary general condemned the attack on Wednesday, his office said.\n",
        );
        assert_eq!(name(&f.outlet), Some("Harbour Gazette"));
        let f = sources(
            "Ministers meet in the capital\n\nThe foreign ministers met on Monday to discuss trade and the coming summit, officials said after the talks ended late in the evening.\n\nStatement by the NATO Secretary General on the attack\n",
        );
        assert!(!f.outlet.is_known(), "{:?}", f.outlet.get());
    }

    #[test]
    fn an_official_body_in_running_text_or_a_handout_is_not_the_publisher() {
        let f = sources(
            "Envoy recalled\n\nThe foreign minister told the United Nations on Monday that the envoy would not return soon.\n",
        );
        assert!(!f.outlet.is_known(), "{:?}", f.outlet.get());
        let f = sources(
            "Minister meets envoys\n\nThe secretary general at the summit. John Roe/NATO\n\nThe foreign minister met envoys of the region on Saturday to discuss the ceasefire.\n",
        );
        assert!(!f.outlet.is_known(), "{:?}", f.outlet.get());
    }

    #[test]
    fn a_title_bar_names_the_site_after_its_last_bar() {
        // The browser's title: the headline, then the site and a few words of edition.
        let f = sources(
            "Envoy: Talks Will Resume in Spring | GULF NEWS English Archive 2005 -2017\n\n\
             Dubai – The envoy said on Monday that talks would resume in the spring.\n",
        );
        assert_eq!(name(&f.outlet), Some("Gulf News"), "{:?}", f.outlet);
        assert_eq!(f.outlet.evidence[0].rule, "source.name-line");
        // A name the base does not hold, a place after a dash, a name followed by more than
        // its edition or an office whose first word is a paper's name none.
        for top in [
            "Envoy: Talks Will Resume in Spring | Harbour Herald",
            "Envoy: Talks Will Resume in Spring - Dubai",
            "Envoy: Talks Will Resume | Gulf News Foreign Desk",
            "Press conference, Dubai | Australian Foreign Minister",
        ] {
            let f = sources(&format!(
                "{top}\n\nDubai – The envoy said on Monday that talks would resume in the spring.\n"
            ));
            assert!(
                !f.outlet.rests_on("source.name-line"),
                "{top}: {:?}",
                f.outlet
            );
        }
    }

    #[test]
    fn latest_news_on_a_known_outlet_names_the_site() {
        let f = sources(
            "The foreign minister said on Tuesday that talks would resume.\n\n\
             Stay updated with the latest news on The Straits Times. Don't miss our daily puzzles.\n",
        );
        assert_eq!(name(&f.outlet), Some("The Straits Times"), "{:?}", f.outlet);
        assert_eq!(f.outlet.evidence[0].rule, "source.self-promotion");
        // The latest news on a subject names no site.
        let f = sources(
            "The foreign minister said on Tuesday that talks would resume.\n\n\
             Read the latest news on Gaza and the West Bank.\n",
        );
        assert!(!f.outlet.is_known(), "{:?}", f.outlet.get());
    }

    #[test]
    fn a_name_line_is_read_past_a_cookie_notice() {
        let f = sources(
            "By continuing to browse our site you agree to our use of cookies and our Privacy \
             Policy.\n\nI agree\n\nAny provocation will be struck back: spokesperson\n\nCGTN\n\n\
             The spokesperson said on Monday that any provocation would be struck back.\n",
        );
        assert_eq!(name(&f.outlet), Some("CGTN"), "{:?}", f.outlet);
        assert_eq!(f.outlet.evidence[0].rule, "source.name-line");
    }

    #[test]
    fn a_papers_staff_as_the_byline_names_the_publisher() {
        for (line, want) in [
            ("Saudi Gazette report", "Saudi Gazette"),
            ("Harbour Times Web Desk", "Harbour Times"),
            ("Lakeside Bulletin / News Desk", "Lakeside Bulletin"),
            ("HNN Web Team", "HNN"),
            ("Kestrel Online Desk", "Kestrel"),
        ] {
            let f = sources(&format!(
                "Minister says progress in talks is not enough\n\nMay 24, 2022\n\n{line}\n\n\
                 DAVOS \u{2014} The foreign minister said on Tuesday that there had been some \
                 progress in the talks.\n"
            ));
            assert_eq!(name(&f.outlet), Some(want), "{line}");
            assert_eq!(f.outlet.evidence[0].rule, "source.byline-outlet");
        }
        // A report of a body that is no publication names none.
        let f = sources(
            "Rights group warns of crackdown\n\nHuman Rights Council report\n\nThe foreign \
             minister said on Tuesday that the report was biased.\n",
        );
        assert!(
            !f.outlet.rests_on("source.byline-outlet"),
            "{:?}",
            f.outlet.get()
        );
    }

    #[test]
    fn a_byline_with_the_paper_in_brackets_names_the_publisher() {
        let f = sources(
            "Minister on peace mission, says country stays neutral\n\nA caption under the photograph of the two ministers at the press conference in the capital on Tuesday, which runs long enough to look like a paragraph of the story itself.\n\nJane Doberman (The Harbour Gazette)\nJakarta\nWed, January 13, 2016\n\nForeign Minister Ana Lestari said on Tuesday that the country would stay neutral in the dispute.\n",
        );
        assert_eq!(name(&f.outlet), Some("The Harbour Gazette"));
        assert_eq!(f.outlet.evidence[0].rule, "source.byline-outlet");
        // A wire in brackets credits the copy, not the page; a name without a publication's
        // word is no paper.
        for text in [
            "Minister on peace mission\n\nJane Doberman (Reuters)\n\nForeign Minister Ana Lestari said on Tuesday that the country would stay neutral.\n",
            "Minister on peace mission\n\nAna Lestari (Foreign Minister)\n\nThe minister said on Tuesday that the country would stay neutral.\n",
        ] {
            let f = sources(text);
            assert!(
                !f.outlet.rests_on("source.byline-outlet"),
                "{text}: {:?}",
                f.outlet.get()
            );
        }
    }

    #[test]
    fn an_author_s_note_names_the_paper_the_author_writes_for() {
        let f = sources(
            "Ambassador summoned over threats to MP\n\nThe government summoned the ambassador on May 4 over the threats, the foreign minister told a committee.\n\nNoah Chartrand\nAuthor\nNoah Chartrand is a senior reporter with the Canadian edition of The Harbour Gazette. Twitter: @NChartrand\n",
        );
        assert_eq!(name(&f.outlet), Some("The Harbour Gazette"));
        assert_eq!(f.outlet.evidence[0].rule, "source.author-note");
        assert_eq!(f.outlet.evidence[0].quote, "The Harbour Gazette");
        // A writer's other roles name no paper.
        let f = sources(
            "Ambassador summoned\n\nThe government summoned the ambassador on May 4, the foreign minister told a committee.\n\nNoah Chartrand is a senior fellow at the Lakeside Institute.\n",
        );
        assert!(!f.outlet.is_known(), "{:?}", f.outlet.get());
    }

    #[test]
    fn the_datelines_of_more_national_agencies() {
        let f = sources(
            "Oman welcomes ceasefire\n\nMuscat, 6 May (ONA) --- A spokesperson at the Foreign Ministry stated that efforts to de-escalate tensions had culminated in a ceasefire agreement.\n",
        );
        assert_eq!(name(&f.agency), Some("Oman News Agency"));
        assert_eq!(f.agency.evidence[0].rule, "source.dateline-mark");
        let f = sources(
            "Vice president praises coalition\n\nRiyadh (Saba)- The vice president has highly appreciated the attitudes of the coalition's countries, he said in an interview on Monday.\n",
        );
        assert_eq!(name(&f.agency), Some("Saba"));
    }

    #[test]
    fn a_news_agency_the_opening_cites_is_the_wire() {
        let f = sources(
            "Ministers meet\n\nAMMAN -- The foreign minister on Monday met his regional counterparts on the sidelines of the summit, the Jordan News Agency, Petra, reported.\n",
        );
        assert_eq!(name(&f.agency), Some("Petra"));
        assert_eq!(f.agency.evidence[0].rule, "source.agency-cited");
        let f = sources(
            "Border update\n\nAccording to Lanna News Agency, the spokesman briefed ambassadors on the border on Tuesday.\n",
        );
        assert_eq!(name(&f.agency), Some("Lanna News Agency"));
        let f = sources(
            "Launch condemned\n\nThe launch was condemned on Friday, state news agency KCTV said in a report on the talks.\n",
        );
        assert_eq!(name(&f.agency), Some("KCTV"));
        // A government's agency is not a news agency.
        let f = sources(
            "Inspectors return\n\nThe International Atomic Energy Agency said on Monday its inspectors would return next week.\n",
        );
        assert!(!f.agency.is_known());
        // A capitalised name before a lower-case "news agency".
        let f = sources(
            "Talks held\n\nThe minister said on Monday the talks had been useful, Kavira news agency reported.\n",
        );
        assert_eq!(name(&f.agency), Some("Kavira"));
        // What describes an agency names none.
        for text in [
            "Talks held\n\nThe minister said on Monday the talks had been useful, the semi-official Iranian news agency reported.\n",
            "Talks held\n\nThe minister spoke on Monday. The news agency said the talks had been useful.\n",
        ] {
            let f = sources(text);
            assert!(!f.agency.is_known(), "{text}: {:?}", f.agency.get());
        }
    }

    #[test]
    fn a_dateline_credit_with_a_date_a_reporter_or_two_names() {
        let f = sources(
            "MOSCOW (Steppe Post / Sputnik - 29th April, 2021) The foreign minister announced the beginning of talks with his counterpart on the border.\n",
        );
        assert_eq!(name(&f.agency), Some("Sputnik"));
        assert_eq!(name(&f.outlet), Some("Steppe Post"));
        let f = sources(
            "TASHKENT, April 17 (Steppe Post's Anna Berg) - The meeting of the two presidents was deep and fruitful, the foreign minister said.\n",
        );
        assert_eq!(name(&f.agency), Some("Steppe Post"));
        // A site whose name ends with a number; a year in brackets is no credit.
        let f = sources(
            "June 21, 2018 (Horn24) \u{2013} The prime minister has on Wednesday denied that the two countries reached any agreement on the ports.\n",
        );
        assert_eq!(name(&f.agency), Some("Horn24"));
        for inner in ["2018", "G20"] {
            let f = sources(&format!(
                "June 21 ({inner}) \u{2013} The prime minister has on Wednesday denied that the two countries reached any agreement on the ports.\n"
            ));
            assert!(!f.agency.is_known(), "{inner}: {:?}", f.agency.get());
        }
    }

    #[test]
    fn a_slashed_dateline_credits_its_agency_and_a_bracketed_country_credits_none() {
        let f = sources(
            "Baku / 24.04.18 / Harbourinform: Baku hopes that sensible forces will come to the leadership, the ministry said.\n",
        );
        assert_eq!(name(&f.agency), Some("Harbourinform"));
        let f = sources(
            "DAMASCUS (Syria)- The minister said Monday that the relations between the two countries are special.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency.get());
        // The credit in brackets of its own after the country's.
        let f = sources(
            "LA VALLETTA (MALTA) (HARBOURPRESS) \u{2013} The president said on Thursday that the attacks on its neighbour were worrying.\n",
        );
        assert_eq!(name(&f.agency), Some("HARBOURPRESS"));
        // A name in brackets after an office's words is no credit.
        let f = sources(
            "Questions to the Minister\n\nAmal Rashed Portrait The Secretary of State for Foreign and Commonwealth Affairs (Mr Amal Rashed)\n- Hansard - - - Excerpts\n\nWe remain deeply concerned by the situation in the region.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency.get());
        // A member's seat and party in brackets are no country and credit.
        let f = sources(
            "Questions to the Minister\n\nMr Tom Baker (Portville North) (Lab) \u{2013} What recent assessment he has made of the security situation in the region.\n",
        );
        assert!(!f.agency.is_known(), "{:?}", f.agency.get());
    }

    #[test]
    fn a_wire_credit_over_the_story_before_its_date_or_place() {
        for (line, want) in [
            ("HPA - 18 May 2017", "HPA"),
            (
                "Lakeside Cloud News Agency \u{2013} Tripoli",
                "Lakeside Cloud News Agency",
            ),
            ("HPA : Monday, 25 April 2016", "HPA"),
        ] {
            let f = sources(&format!(
                "Talks substantial and constructive\n\n{line}\n\nWASHINGTON - The minister of foreign affairs declared on Wednesday that he had constructive discussions with his counterpart.\n"
            ));
            assert_eq!(name(&f.agency), Some(want), "{line}");
            assert_eq!(f.agency.evidence[0].rule, "source.dateline-credit");
        }
        // A headline's words, a country's initials, or a credit before anything but a date
        // or a place are no wire's credit.
        for line in [
            "Ukraine - 18 May 2017",
            "USA - 18 May 2017",
            "HPA - Talks resume",
            "Lakeside Press - Tripoli, Benghazi and the south of the country",
        ] {
            let f = sources(&format!(
                "Talks substantial and constructive\n\n{line}\n\nThe minister of foreign affairs declared on Wednesday that he had constructive discussions with his counterpart.\n"
            ));
            assert!(!f.agency.is_known(), "{line}: {:?}", f.agency.get());
        }
    }
}
