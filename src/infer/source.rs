//! Who published this copy (the outlet) and whose copy it is (the agency), and the source URL.
//!
//! Rules, in order of strength: the author's front matter; a line at the top naming a known
//! outlet ("The Daily Manila Shimbun"); an agency's mark in the lead's dateline ("/TASS/.",
//! "(Reuters)") — wire copy as the agency itself publishes it; a credit line or closing credit
//! naming an agency; a source link on an agency's host. A republished text that names its
//! publisher nowhere keeps an explicit unknown outlet.

use serde::{Deserialize, Serialize};

use crate::clean::{BlockKind, Doc, MetaKind, url_in};
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

    // A line at the top that is only an outlet's name.
    for (i, block) in doc.blocks.iter().enumerate() {
        if block.kind != BlockKind::Heading {
            break;
        }
        if let Some(id) = kb.outlet_by_name(&block.text) {
            facts.name_blocks.push(i);
            if !facts.outlet.is_known() {
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
        let found = kb.outlet_by_name(&strip_date_part(&meta.text)).or_else(|| {
            kb.find_outlet_names(&meta.text)
                .first()
                .map(|&(id, _, _)| id)
        });
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
        }
    }

    // A closing credit: the last block ends with an outlet's name after its last sentence.
    if let Some((index, block)) = doc
        .blocks
        .iter()
        .enumerate()
        .rev()
        .find(|(_, b)| b.kind == BlockKind::Paragraph)
    {
        if let Some((id, keep, span)) = closing_credit(kb, &block.text, doc, block.span) {
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
            if !facts.agency.is_known() && outlet.is_agency() {
                facts.agency = Inferred::known(OutletRef::from_kb(kb, id), 0.8, vec![evidence]);
            } else if facts.agency.get().is_some_and(|a| a.id == outlet.id) {
                facts.agency.evidence.push(evidence);
                facts.agency.confidence = (facts.agency.confidence + 0.05).min(0.98);
            }
        }
        break;
    }

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
    let (mark, c) = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '"' | '\u{201d}'))?;
    // The mark may be longer than one byte ('”' is three).
    let sentence_end = mark + c.len_utf8();
    let tail = trimmed[sentence_end..].trim();
    if tail.is_empty() || tail.split_whitespace().count() > 4 {
        return None;
    }
    let id = kb.outlet_by_name(tail)?;
    let raw = doc.slice(span);
    let at = raw.rfind(tail)?;
    Some((
        id,
        sentence_end,
        Span::new(span.start + at, span.start + at + tail.len()),
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
