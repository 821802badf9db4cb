//! Who speaks and who is only mentioned, and which quote is whose.
//!
//! A speaker is the subject of a verb of saying: "Lavrov said", "said Russian Foreign Minister
//! Sergey Lavrov", "according to Kono", "the Russian foreign minister stressed" (a role resolved
//! to the person the text gives that role), "he added" (the last speaker). A statement reported
//! from another time ("In September 2018, Abe said …") makes its subject mentioned, not a
//! speaker of this article. Quotes go to the speaker of the nearest verb of saying in their
//! paragraph, or continue the previous paragraph's speaker.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

use crate::clean::{Block, BlockKind, Doc};
use crate::knowledge::{Knowledge, PersonId, PersonMention, is_middle_initial, word_bounded};
use crate::slug::slugify;

use super::names::{TextName, fuller_form, name_at_end, name_at_start};
use super::{Evidence, Inferred, Span};

/// A person as articles refer to them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct PersonRef {
    /// Slug, stable across builds (the knowledge id when known).
    pub id: String,
    /// Canonical display name.
    pub name: String,
}

impl PersonRef {
    fn from_kb(kb: &Knowledge, p: PersonId) -> PersonRef {
        PersonRef {
            id: kb.people[p].id.clone(),
            name: kb.people[p].name.clone(),
        }
    }

    /// A person named by the author: the knowledge base's entry when it knows the name.
    pub fn named(kb: &Knowledge, name: &str) -> PersonRef {
        match kb.person_by_name(name) {
            Some(p) => PersonRef::from_kb(kb, p),
            None => PersonRef {
                id: slugify(name),
                name: name.to_string(),
            },
        }
    }
}

/// A quoted passage and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The words inside the quotation marks.
    pub text: String,
    /// Who said it, when the text says.
    pub speaker: Option<PersonRef>,
    /// Where the quote stands in the text.
    pub span: Span,
    /// Index of the body block it stands in.
    pub block: usize,
    /// How sure the attribution is.
    pub confidence: f32,
    /// Why it is attributed so.
    pub evidence: Vec<Evidence>,
}

/// What the people rules found.
#[derive(Debug, Clone, Default)]
pub struct PeopleFacts {
    /// Who made statements, in order of first statement.
    pub speakers: Inferred<Vec<PersonRef>>,
    /// Known people named but not speaking, in order of first mention.
    pub mentioned: Vec<PersonRef>,
    /// Quotes in reading order.
    pub quotes: Vec<Quote>,
    /// Every mention of a known person in the body (for date inference: roles bound years).
    pub mentions: Vec<PersonMention>,
}

/// Verbs of saying, in the forms news copy uses.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "read the following statement",
    "read a statement",
    "read out a statement",
    "says",
    "say",
    "stated",
    "states",
    "told",
    "tells",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "added",
    "adds",
    "emphasized",
    "emphasised",
    "emphasizes",
    "underlined",
    "underscored",
    "pointed out",
    "points out",
    "explained",
    "declared",
    "announced",
    "warned",
    "warns",
    "urged",
    "urges",
    "called for",
    "calls for",
    "called on",
    "expressed",
    "recalled",
    "concluded",
    "continued",
    "insisted",
    "argued",
    "confirmed",
    "replied",
    "remarked",
    "commented",
    "wrote",
    "asserted",
    "reiterated",
    "acknowledged",
    "admitted",
    "suggested",
    "complained",
    "claimed",
    "observed",
    "highlighted",
    "vowed",
    "pledged",
    "proposed",
    "affirmed",
    "reaffirmed",
    "disclosed",
    "revealed",
    "assured",
    "responded",
    "answered",
    "cautioned",
    "denied",
    "condemned",
    "denounced",
    "criticized",
    "criticised",
    "slammed",
    "lamented",
    "welcomed",
    "indicated",
    "mentioned",
    "informed",
    "briefed",
    "spoke",
    "talked",
    "voiced",
    "shed light",
    "accused",
    "rejected",
    "dismissed",
    "defended",
    "hailed",
    "praised",
    "demanded",
    // "described the attacks as worrying", "termed the move illegal": a judgement in words.
    "described",
    "termed",
    "branded",
];

/// Words that may stand between a subject and its verb of saying ("Lavrov also said").
const BETWEEN: &[&str] = &[
    "also",
    "further",
    "then",
    "later",
    "again",
    "earlier",
    "has",
    "had",
    "once",
    "reportedly",
    "previously",
    "separately",
];

/// `head` without the day it ends with, as copy puts it between subject and verb ("X on
/// Wednesday stated", "X late on Friday night said", "X yesterday said").
fn without_time_of_day(head: &str) -> &str {
    // A weekday written out ("Wednesday"; chrono reads its short forms too, not written so).
    let is_day = |w: &str| {
        matches!(w, "yesterday" | "today" | "tonight")
            || w.len() >= 6 && w.parse::<chrono::Weekday>().is_ok()
    };
    let last_word = |s: &str| {
        let at = s.rfind(' ').map_or(0, |i| i + 1);
        (at, s[at..].to_ascii_lowercase())
    };
    let mut rest = head;
    let (at, w) = last_word(rest);
    if matches!(w.as_str(), "morning" | "afternoon" | "evening" | "night") {
        rest = rest[..at].trim_end();
    }
    let (at, w) = last_word(rest);
    if !is_day(&w) || at == 0 {
        return head;
    }
    rest = rest[..at].trim_end();
    for lead in [&["on"][..], &["late", "early", "earlier", "later"]] {
        let (at, w) = last_word(rest);
        if at > 0 && lead.contains(&w.as_str()) {
            rest = rest[..at].trim_end();
        }
    }
    rest
}

/// Nouns that stand for the last-named official ("the minister said").
const GENERIC_ROLES: &[&str] = &[
    "minister",
    "diplomat",
    "official",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "president",
    "premier",
    "envoy",
    "ambassador",
    "leader",
    "chancellor",
    "secretary",
];

/// Title words before an unknown name that mark a person ("spokeswoman Maria Zakharova").
const PERSON_TITLES: &[&str] = &[
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "president",
    "premier",
    "secretary",
    "chancellor",
    "official",
    "adviser",
    "advisor",
    "aide",
    "senator",
    "governor",
    "mayor",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "deputy",
    "representative",
    "diplomat",
    "counterpart",
    "commissioner",
    "general",
    "admiral",
    "king",
    "queen",
    "prince",
    "emperor",
    "leader",
    "head",
    "chief",
    "lawmaker",
    "analyst",
    "expert",
    "professor",
];

/// Whether `word`, in any letter case, is one of `PERSON_TITLES`.
pub(super) fn is_person_title(word: &str) -> bool {
    PERSON_TITLES.contains(&word.to_ascii_lowercase().as_str())
}

struct Attribution {
    speaker: Option<PersonRef>,
    person: Option<PersonId>,
    verb_span: Span,
    historical: bool,
    rule: &'static str,
    note: String,
}

/// Finds speakers, mentioned people and quotes in the body blocks listed in `body`.
pub fn infer_people(doc: &Doc, kb: &Knowledge, body: &[usize]) -> PeopleFacts {
    let text = &doc.text;
    let all_mentions = kb.find_people(text);
    let in_body = |start: usize| {
        body.iter()
            .any(|&i| doc.blocks[i].span.start <= start && start < doc.blocks[i].span.end)
    };
    let mentions: Vec<PersonMention> = all_mentions
        .into_iter()
        .filter(|m| in_body(m.start))
        .collect();

    // People the knowledge base does not hold, as the text names them: in running text and
    // plain headings, not in title-cased headings (every word capitalised, so no word tells a
    // name) or removed furniture.
    let names = trusted_names(doc, super::names::find_names(&names_text(doc)))
        .into_iter()
        .map(|n| without_leading_country(kb, text, n))
        .filter(|n| !names_a_place(kb, n))
        .collect::<Vec<_>>();

    let mut speakers: Vec<(PersonRef, Vec<Evidence>)> = Vec::new();
    let mut quotes = Vec::new();
    let mut last_speaker: Option<(PersonRef, Option<PersonId>)> = None;
    for &bi in body {
        let block = &doc.blocks[bi];
        if block.kind == BlockKind::Heading {
            continue;
        }
        let raw = doc.slice(block.span);
        let base = block.span.start;
        let quoted = quote_spans(raw);
        let attributions = attributions(doc, kb, block, &mentions, &names, &quoted, &last_speaker);
        for a in &attributions {
            if let (Some(speaker), false) = (&a.speaker, a.historical) {
                let ev = Evidence::at(a.rule, text, a.verb_span, a.note.clone());
                match speakers.iter_mut().find(|(s, _)| s.id == speaker.id) {
                    Some((_, evidence)) => {
                        if evidence.len() < 3 {
                            evidence.push(ev);
                        }
                    }
                    None => speakers.push((speaker.clone(), vec![ev])),
                }
            }
        }
        for &(qs, qe) in &quoted {
            let words = raw[qs..qe].split_whitespace().count();
            if words < 4 {
                continue;
            }
            let span = Span::new(base + qs, base + qe);
            // The nearest attribution in the paragraph; else the previous speaker continues.
            let nearest = attributions
                .iter()
                .filter(|a| a.speaker.is_some())
                .min_by_key(|a| distance(a.verb_span, span));
            let (speaker, confidence, evidence) = match nearest {
                Some(a) => (
                    a.speaker.clone(),
                    if a.rule == "speaker.pronoun" {
                        0.75
                    } else {
                        0.9
                    },
                    vec![Evidence::at(
                        a.rule,
                        text,
                        a.verb_span,
                        format!("quote attributed: {}", a.note),
                    )],
                ),
                None => match &last_speaker {
                    Some((s, _)) if qs <= 2 => (
                        Some(s.clone()),
                        0.6,
                        vec![Evidence::note(
                            "quote.continues",
                            format!("a paragraph of quotation continuing {}'s words", s.name),
                        )],
                    ),
                    _ => (
                        None,
                        0.0,
                        vec![Evidence::note(
                            "quote.unattributed",
                            "no speaker named near the quote",
                        )],
                    ),
                },
            };
            quotes.push(Quote {
                text: raw[qs..qe].trim().to_string(),
                speaker,
                span,
                block: bi,
                confidence,
                evidence,
            });
        }
        if let Some(a) = attributions.iter().rev().find(|a| a.speaker.is_some()) {
            last_speaker = a.speaker.clone().map(|s| (s, a.person));
        }
    }

    // A transcript: the person whose label opens the most paragraphs speaks first. A single
    // label needs a title or a name the base knows ("NED PRICE: This intent …"), and not to
    // be the headline's ("Minister Retno: Country backs talks" names its subject before a
    // colon, as headlines do).
    let in_heading = |at: usize| {
        doc.blocks
            .iter()
            .any(|b| b.kind == BlockKind::Heading && b.span.start <= at && at < b.span.end)
    };
    // "Palestine's FM: the US became a party…" printed twice over the story: a headline's
    // subject, however often the page repeats it, opens no turn of a transcript.
    let turns = |n: &super::names::TextName| {
        let line = &doc.text[n.start..];
        let label = line[..line.find(['\n', ':']).unwrap_or(line.len())].trim_end();
        let headings = || doc.blocks.iter().filter(|b| b.kind == BlockKind::Heading);
        // A headline's repeat may have been joined to the caption under it.
        let in_headings = doc
            .blocks
            .iter()
            .filter(|b| headings().any(|h| b.text.starts_with(&h.text)))
            .filter(|b| {
                b.text
                    .strip_prefix(label)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .count();
        n.labels.saturating_sub(in_headings.saturating_sub(1))
    };
    if let Some(n) = names
        .iter()
        .filter(|n| {
            n.labels >= 2 && turns(n) >= 2
                || n.labels == 1
                    && !in_heading(n.start)
                    && (!n.title.is_empty() || kb.person_by_name(&n.name).is_some())
        })
        .filter(|n| kb.outlet_by_name(&n.name).is_none())
        // "KIM LEE, HARBOUR TV ANCHOR (voice-over):": the broadcaster's own people ask and
        // introduce; the statement is their guests'.
        .filter(|n| {
            !n.title
                .split([' ', ',', '('])
                .any(|w| JOURNALIST_TITLES.contains(&w))
        })
        // "KUWAIT CITY: The foreign minister…": a lone label naming a country's place is a
        // dateline.
        .filter(|n| n.labels >= 2 || !n.parts.iter().any(|p| kb.country_by_word(p).is_some()))
        .max_by_key(|n| (n.labels, std::cmp::Reverse(n.start)))
    {
        let person = text_person(kb, n);
        let person = if kb.person_by_id(&person.id).is_none() {
            label_in_full(doc, &names, n).map_or(person, |full| text_person(kb, &full))
        } else {
            person
        };
        let ev = Evidence::note(
            "speaker.transcript-label",
            format!(
                "{} paragraph(s) of the transcript open with {}'s label",
                n.labels, n.name
            ),
        );
        speakers.retain(|(s, _)| s.id != person.id);
        speakers.insert(0, (person, vec![ev]));
    }
    // A parliament's record: a line naming each speaker over what they said.
    if !speakers
        .first()
        .is_some_and(|(_, e)| e.iter().any(|e| e.rule == "speaker.transcript-label"))
        && let Some((p, turns, words)) = record_speaker(doc, kb, body)
    {
        let person = PersonRef::from_kb(kb, p);
        let ev = Evidence::note(
            "speaker.record-line",
            format!(
                "{turns} speech(es) of {words} words in all stand under lines naming {} with a \
                 seat, a party or an office in brackets",
                person.name
            ),
        );
        speakers.retain(|(s, _)| s.id != person.id);
        speakers.insert(0, (person, vec![ev]));
    }
    // "Statement by Ambassador X", "A Conversation with X": the headline says whose words
    // the text is, whoever else it quotes.
    if let Some((person, span, words)) = headline_author(doc, kb, body) {
        let ev = Evidence::at(
            "speaker.headline-author",
            text,
            span,
            format!(
                "the headline presents the text as {}'s {words}",
                person.name
            ),
        );
        speakers.retain(|(s, _)| s.id != person.id);
        speakers.insert(0, (person, vec![ev]));
    }
    // A statement signed at its foot: the signer speaks.
    if speakers.is_empty()
        && let Some((person, span)) = signer(doc, kb, body)
    {
        let ev = Evidence::at(
            "speaker.signature",
            text,
            span,
            format!(
                "the statement is signed by {}, with a place or date under the name",
                person.name
            ),
        );
        speakers.push((person, vec![ev]));
    }
    // No verb of saying has a subject: the person the opening is about (the one who "held
    // talks", "attended", "hosted") is the article's main actor.
    if speakers.is_empty()
        && let Some((person, span)) = lead_actor(doc, body, &mentions, &names, kb)
    {
        let ev = Evidence::at(
            "speaker.lead-actor",
            text,
            span,
            format!(
                "no statement is attributed; {} is the first person the opening names",
                person.name
            ),
        );
        speakers.push((person, vec![ev]));
    }

    let mut mentioned: Vec<PersonRef> = Vec::new();
    for m in &mentions {
        let person = PersonRef::from_kb(kb, m.person);
        if !speakers.iter().any(|(s, _)| s.id == person.id) && !mentioned.contains(&person) {
            mentioned.push(person);
        }
    }
    let speakers = if speakers.is_empty() {
        Inferred::unknown(vec![Evidence::note(
            "speaker.none",
            "no sentence attributes a statement to a named person",
        )])
    } else {
        let confidence = 0.9;
        let evidence = speakers
            .iter()
            .flat_map(|(_, e)| e.iter().take(1).cloned())
            .collect();
        Inferred::known(
            speakers.into_iter().map(|(s, _)| s).collect(),
            confidence,
            evidence,
        )
    };
    PeopleFacts {
        speakers,
        mentioned,
        quotes,
        mentions,
    }
}

fn distance(a: Span, b: Span) -> usize {
    b.start
        .saturating_sub(a.end)
        .max(a.start.saturating_sub(b.end))
}

/// Byte ranges (relative to `raw`) of the words inside quotation marks, marks excluded.
pub fn quote_spans(raw: &str) -> Vec<(usize, usize)> {
    let bytes = raw.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Read byte by byte: every mark is '"' or starts with the UTF-8 lead byte 0xE2 (curly
    // quotes) or 0xC2 (guillemets), and no byte inside another character is either.
    let mut i = 0;
    while let Some(skip) = bytes[i..]
        .iter()
        .position(|&b| matches!(b, b'"' | 0xE2 | 0xC2))
    {
        i += skip;
        let c = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'"', ..) => '"',
            (0xE2, Some(0x80), Some(0x9C)) => '\u{201c}',
            (0xE2, Some(0x80), Some(0x9D)) => '\u{201d}',
            (0xC2, Some(0xAB), _) => '\u{ab}',
            (0xC2, Some(0xBB), _) => '\u{bb}',
            _ => {
                i += 1;
                continue;
            }
        };
        match (open, c) {
            (None, '"' | '\u{201c}' | '\u{ab}') => open = Some((i + c.len_utf8(), c)),
            (Some((start, o)), '"' | '\u{201d}' | '\u{bb}')
                if (o == '"' && c == '"')
                    || (o == '\u{201c}' && c == '\u{201d}')
                    || (o == '\u{ab}' && c == '\u{bb}') =>
            {
                out.push((start, i));
                open = None;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    // An unclosed quote at the end of a paragraph runs to its end (it continues in the next).
    if let Some((start, _)) = open {
        if raw.len() > start {
            out.push((start, raw.len()));
        }
    }
    out
}

fn inside(quoted: &[(usize, usize)], at: usize) -> bool {
    quoted.iter().any(|&(s, e)| s <= at && at < e)
}

/// Every verb of saying in the block (outside quotes) with its subject.
fn attributions(
    doc: &Doc,
    kb: &Knowledge,
    block: &Block,
    mentions: &[PersonMention],
    names: &[TextName],
    quoted: &[(usize, usize)],
    last: &Option<(PersonRef, Option<PersonId>)>,
) -> Vec<Attribution> {
    let raw = doc.slice(block.span);
    let base = block.span.start;
    let mut out = Vec::new();
    let mut previous = last.clone();
    for (vs, ve) in verb_positions(raw) {
        if inside(quoted, vs) {
            continue;
        }
        let verb_span = Span::new(base + vs, base + ve);
        // "…, said Foreign Minister X": only an intransitive verb of saying puts its subject
        // after it; after "informed", "told" or "welcomed" stands the one spoken to.
        let found = subject_before(kb, raw, base, vs, mentions, names, &previous)
            .or_else(|| {
                (inverts(&raw[vs..ve]) && opens_clause(&raw[..vs], &raw[vs..ve]))
                    .then(|| subject_after(kb, raw, base, (vs, ve), mentions, names))
                    .flatten()
            })
            .map(|f| match f.2 {
                "speaker.unknown-name" => {
                    whole_name(doc, kb, mentions, names, &f.0.name).unwrap_or(f)
                }
                _ => f,
            });
        if let Some((speaker, person, rule, note)) = found {
            // Read only for a verb with a subject: most verbs have none.
            let historical = historical_sentence(raw, vs) || earlier_after_verb(&raw[ve..]);
            previous = Some((speaker.clone(), person));
            out.push(Attribution {
                speaker: Some(speaker),
                person,
                verb_span,
                historical,
                rule,
                note,
            });
        }
    }
    out
}

/// The person a short form of a name stands for ("Prince Faisal said", "Sheikh Salem
/// expressed", "Ambassador Donovan said", "Mr Bainimarama confirmed"), where the text gave the
/// whole name: the known person whose mention opens with it, else the whole name as the text
/// writes it.
fn whole_name(
    doc: &Doc,
    kb: &Knowledge,
    mentions: &[PersonMention],
    names: &[TextName],
    short: &str,
) -> Option<Found> {
    let (parts, at) =
        fuller_form(&doc.text, short).or_else(|| fuller_by_surname(&doc.text, names, short))?;
    let whole = TextName::untitled(parts, at);
    let note = |name: &str| format!("\"{short}\" stands for {name}, named in full before");
    if let Some(m) = mentions.iter().find(|m| m.start <= at && at < m.end) {
        let (person, id, _, _) = found_person(kb, m, "speaker.short-form");
        let note = note(&person.name);
        return Some((person, id, "speaker.short-form", note));
    }
    let person = text_person(kb, &whole);
    let note = note(&whole.name);
    Some((
        person,
        kb.person_by_name(&whole.name),
        "speaker.short-form",
        note,
    ))
}

/// The whole name a titled surname stands for ("Ambassador Donovan", "Mr Bainimarama"): a
/// name the text gave with a title or an apposition that ends with the surname, else the first
/// place the text writes one to three given names right before it ("Frank Bainimarama with
/// John Key"), on one line. Its words and byte offset.
fn fuller_by_surname(text: &str, names: &[TextName], short: &str) -> Option<(Vec<String>, usize)> {
    let words: Vec<&str> = short.split_whitespace().collect();
    let (surname, titles) = words.split_last()?;
    if titles.is_empty()
        || !titles
            .iter()
            .all(|w| is_person_title(w) || super::names::is_honorific(w))
    {
        return None;
    }
    if let Some(n) = names
        .iter()
        .find(|n| n.parts.len() >= 2 && n.parts.last().is_some_and(|p| p == surname))
    {
        // A middle initial is passed over, as when a name is read ("Joseph R. Donovan").
        let parts = n
            .parts
            .iter()
            .filter(|p| !is_middle_initial(p))
            .cloned()
            .collect();
        return Some((parts, n.start));
    }
    let mut from = 0;
    while let Some(k) = text[from..].find(surname) {
        let at = from + k;
        from = at + surname.len();
        if text[from..].starts_with(char::is_alphanumeric) || !text[..at].ends_with(' ') {
            continue;
        }
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let (mut start, mut run) = name_run_before(&text[line_start..at - 1], 3, |w| {
            is_middle_initial(w) || name_word(w)
        });
        // A name opens with a given name, not an initial.
        while let Some(w) = run.first().filter(|w| is_middle_initial(w)) {
            start += w.len() + 1;
            run.remove(0);
        }
        if run.is_empty() {
            continue;
        }
        let mut parts: Vec<String> = run
            .into_iter()
            .filter(|w| !is_middle_initial(w))
            .map(str::to_string)
            .collect();
        parts.push(surname.to_string());
        return Some((parts, line_start + start));
    }
    None
}

/// The words right before the end of `before` that `word` accepts, at most `max`, in the
/// text's order, with the byte offset of the first in `before` (its length when none is).
fn name_run_before(before: &str, max: usize, word: impl Fn(&str) -> bool) -> (usize, Vec<&str>) {
    // Each piece `rsplit` yields ends one byte (the space) before the previous one starts.
    let (mut end, mut first, mut run) = (before.len(), before.len(), Vec::new());
    for w in before.rsplit(' ').take(max) {
        if !word(w) {
            break;
        }
        first = end - w.len();
        run.push(w);
        if first == 0 {
            break;
        }
        end = first - 1;
    }
    run.reverse();
    (first, run)
}

/// A word written as a given name or surname is: capitalised, the rest lower case, and no
/// title, form of address, institution's word, small word or sentence adverb ("Yesterday").
fn name_word(w: &str) -> bool {
    let mut cs = w.chars();
    if !(cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_lowercase() || c == '-')) {
        return false;
    }
    let lower = w.to_lowercase();
    !is_person_title(w)
        && !super::names::is_honorific(w)
        && !NOT_PERSONAL.contains(&lower.as_str())
        && !super::title::is_function_word(&lower)
        && !SENTENCE_ADVERBS.contains(&lower.as_str())
}

/// Capitalised words that open a sentence before a surname ("Yesterday Lomani met…") and
/// are no given names.
const SENTENCE_ADVERBS: &[&str] = &[
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "then",
    "now",
    "here",
    "there",
    "also",
    "separately",
    "likewise",
    "instead",
    "when",
    "while",
    "if",
    "since",
    "because",
    "although",
    "last",
    "next",
    "both",
];

/// Whether a verb whose subject may follow it stands where an inverted attribution does: after
/// the quotation or clause it attributes ("…," said the minister; "…, concluded Ms Okafor"),
/// or "according to" anywhere. "We have just concluded the Forum" has its subject before.
fn opens_clause(head: &str, verb: &str) -> bool {
    if verb.eq_ignore_ascii_case("according to") {
        return true;
    }
    let head = head.trim_end();
    head.is_empty()
        || head.ends_with([
            ',', '"', '\u{201d}', '\u{2019}', '\'', '\u{2014}', '\u{2013}', '-', ':', '\n',
        ])
}

/// Title words of a broadcast's or a briefing's journalists (labels' titles are lower-cased).
const JOURNALIST_TITLES: &[&str] = &[
    "anchor",
    "correspondent",
    "host",
    "reporter",
    "moderator",
    "presenter",
    "interviewer",
    "journalist",
];

/// Every verb of saying and "according to", matched in one pass, in any letter case.
static VERBS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(SPEECH_VERBS.iter().chain(&["according to"]))
        .expect("verbs are plain strings")
});

/// Verbs of saying whose subject may follow them ("…, said the minister", "according to
/// the envoy"); the others take an object there ("informed the ambassador").
const INVERTING: &[&str] = &[
    "said",
    "says",
    "stated",
    "noted",
    "stressed",
    "added",
    "adds",
    "emphasized",
    "emphasised",
    "underlined",
    "underscored",
    "pointed out",
    "explained",
    "declared",
    "insisted",
    "argued",
    "concluded",
    "continued",
    "replied",
    "remarked",
    "commented",
    "wrote",
    "asserted",
    "observed",
    "acknowledged",
    "admitted",
    "recalled",
    "reiterated",
    "cautioned",
    "affirmed",
    "suggested",
    "claimed",
    "lamented",
    "according to",
];

/// Whether a matched verb of saying may have its subject after it.
fn inverts(verb: &str) -> bool {
    INVERTING.iter().any(|v| v.eq_ignore_ascii_case(verb))
}

/// Byte ranges of verbs of saying in `text`, as whole words; "according to" too. A verb
/// written with a capital and small letters ("Member States", "Said Djinnit") is part of a
/// name, but for "According to" opening a sentence.
fn verb_positions(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = VERBS
        .find_overlapping_iter(text)
        .map(|m| (m.start(), m.end()))
        .filter(|&(s, e)| word_bounded(text, s, e))
        .filter(|&(s, e)| {
            let b = text.as_bytes();
            !(b[s].is_ascii_uppercase()
                && b.get(s + 1).is_some_and(u8::is_ascii_lowercase)
                && !text[s..e].eq_ignore_ascii_case("according to"))
        })
        // After a possessive the word is an adjective: "Modi's proposed visit".
        .filter(|&(s, _)| {
            let head = &text[..s];
            !(head.ends_with("'s ") || head.ends_with("\u{2019}s "))
        })
        .collect();
    out.sort_unstable();
    out
}

/// A sentence that opens with a time in another year reports an earlier (or later) statement.
fn historical_sentence(raw: &str, at: usize) -> bool {
    let start = sentence_start(&raw[..at]);
    let opening = first_chars(&raw[start..at], 40);
    let opens = |p: &str| {
        opening
            .as_bytes()
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
    };
    let opens_with_time = opens("in ")
        || opens("back in ")
        || opens("last year")
        || opens("earlier this year")
        || opens("on ");
    opens_with_time
        && opening
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
        || EARLIER_OPENERS.iter().any(|p| opens(p))
}

/// Openings that put a sentence's statement before the story's own day ("Earlier this week,
/// the president said …"): background, not this article's statement. "Earlier on Monday" and
/// "earlier today" are the story's own day and are not here.
const EARLIER_OPENERS: &[&str] = &[
    "last year",
    "last month",
    "last week",
    "earlier this year",
    "earlier this month",
    "earlier this week",
    "previously",
    "in the past",
];

/// Where the last sentence of `head` begins: after the last full stop, question or exclamation
/// mark followed by a space, with any closing quotation marks between ("… in Sudan.” Earlier
/// this week, …").
fn sentence_start(head: &str) -> usize {
    let mut i = head.len();
    while let Some(space) = head[..i].rfind(' ') {
        let before = head[..space].trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')']);
        if before.ends_with(['.', '?', '!']) {
            return space + 1;
        }
        i = space;
    }
    0
}

/// The first `n` characters of `s` (all of it when shorter).
fn first_chars(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)]
}

/// "said last week", "told reporters earlier this month": the verb reports an earlier
/// statement, not this article's.
fn earlier_after_verb(after: &str) -> bool {
    // The openings of a background sentence, and "… ago".
    const AGO: &[&str] = &["days ago", "weeks ago", "months ago", "years ago"];
    let earlier = || EARLIER_OPENERS.iter().chain(AGO);
    let window = first_chars(after, 40);
    if !window.is_ascii() {
        let window = window.to_lowercase();
        let clause = window.split([',', '.', ';', '"']).next().unwrap_or("");
        return earlier().any(|e| clause.contains(e));
    }
    // ASCII, as nearly always: lower-cased on the stack and searched as bytes (the window is
    // too short for a substring searcher to pay for setting itself up).
    let mut buf = [0u8; 40];
    let lower = &mut buf[..window.len()];
    lower.copy_from_slice(window.as_bytes());
    lower.make_ascii_lowercase();
    let clause_end = lower
        .iter()
        .position(|b| matches!(b, b',' | b'.' | b';' | b'"'))
        .unwrap_or(lower.len());
    let clause = &lower[..clause_end];
    // The first byte is compared before the rest: a slice comparison per window costs a call.
    earlier().any(|e| {
        let e = e.as_bytes();
        clause.windows(e.len()).any(|w| w[0] == e[0] && w == e)
    })
}

type Found = (PersonRef, Option<PersonId>, &'static str, String);

/// The subject standing before a verb: a name, a role, or a pronoun.
fn subject_before(
    kb: &Knowledge,
    raw: &str,
    base: usize,
    verb: usize,
    mentions: &[PersonMention],
    names: &[TextName],
    previous: &Option<(PersonRef, Option<PersonId>)>,
) -> Option<Found> {
    let head = without_time_of_day(raw[..verb].trim_end());
    // Skip adverbs and auxiliaries between subject and verb.
    let mut end = head.len();
    for _ in 0..2 {
        let word_start = head[..end].rfind(' ').map_or(0, |i| i + 1);
        let word = &head[word_start..end];
        if BETWEEN.contains(&word.to_ascii_lowercase().as_str()) {
            end = head[..word_start].trim_end().len();
        } else {
            break;
        }
    }
    let head = &head[..end];
    // "X, the minister's title," before the verb: the apposition closes with a comma.
    let subject_end = base + head.len();
    if let Some(m) = mentions.iter().find(|m| m.end == subject_end) {
        // "Nasser Bourita and Jean-Yves Le Drian denied": two known people share the verb;
        // the first named leads (the other speaks in the sentences that follow).
        let before = head[..m.start - base].trim_end();
        if let Some(pair_end) = before.strip_suffix(" and").map(|b| base + b.len())
            && let Some(first) = mentions.iter().find(|p| p.end == pair_end)
        {
            return Some(found_person(kb, first, "speaker.subject"));
        }
        return Some(found_person(kb, m, "speaker.subject"));
    }
    if let Some(inner) = head.strip_suffix(',') {
        if let Some(comma) = inner.rfind(", ") {
            let name_end = base + comma;
            if let Some(m) = mentions.iter().find(|m| m.end == name_end) {
                return Some(found_person(kb, m, "speaker.subject-apposition"));
            }
            // "the president of the European Council, António Costa, said": the name is
            // the apposition, between the commas.
            let (name_start, name_end) = (base + comma + 2, base + inner.len());
            if let Some(m) = mentions
                .iter()
                .find(|m| m.start == name_start && m.end == name_end)
            {
                return Some(found_person(kb, m, "speaker.subject-apposition"));
            }
            // "Ana Kovac, for the Refugee Agency (UNHCR), said", "Ana Kovac, a spokeswoman
            // for the agency, said": a name the knowledge base does not hold, before an
            // apposition that says whom the person speaks for.
            let apposition = &inner[comma + 2..];
            let before = &inner[..comma];
            // Not after "according to" (its subject follows it), nor before a list of
            // people ("minister X and minister Y, according to…").
            let according = raw[verb..]
                .get(..9)
                .is_some_and(|v| v.eq_ignore_ascii_case("according"));
            let names_people = mentions
                .iter()
                .any(|m| m.start >= name_start && m.end <= name_end)
                || names.iter().any(|n| apposition.contains(n.name.as_str()));
            let titled = apposition.split_whitespace().take(4).any(is_person_title);
            let speaks_for =
                !according && !names_people && (apposition.starts_with("for ") || titled);
            if speaks_for {
                if let Some(i) = name_at_end(last_clause(before), names) {
                    return Some(text_found(kb, &names[i], "speaker.subject-apposition"));
                }
                // "Deputy Prime Minister, Foreign Minister X, said": titles, not a name.
                let has_title = |n: &String| n.split_whitespace().any(is_person_title);
                if let Some(found) = unknown_person(before).filter(|n| !has_title(n)).and_then(
                    |name| {
                        unknown_found(
                            kb,
                            name,
                            "is the subject of a verb of saying, before whom the person speaks for",
                        )
                    },
                ) {
                    return Some(found);
                }
            }
        }
    }
    let last_word_start = head.rfind([' ', '\n']).map_or(0, |i| i + 1);
    let last_word = head[last_word_start..].to_ascii_lowercase();
    if matches!(last_word.as_str(), "he" | "she") {
        let (speaker, person) = previous.clone()?;
        let note = format!(
            "\"{}\" refers to {}, the last speaker",
            &head[last_word_start..],
            speaker.name
        );
        return Some((speaker, person, "speaker.pronoun", note));
    }
    if let Some(found) = role_subject(kb, head, mentions, names, previous) {
        return Some(found);
    }
    // The subject ends with a name the text gave with a title ("Okafor said").
    let clause = last_clause(head);
    if let Some(i) = name_at_end(clause, names) {
        // "ministers Mumbengegwi and Malloch-Brown welcomed": the first of two named leads.
        let first = clause.rsplit_once(" and ").and_then(|(before, after)| {
            (after.split_whitespace().count() <= 4)
                .then(|| name_at_end(before, names))
                .flatten()
                .filter(|&j| j != i)
        });
        return Some(text_found(
            kb,
            &names[first.unwrap_or(i)],
            "speaker.text-name",
        ));
    }
    // A title and a known surname: "FM Bourita said", "Spokesperson Baghaei said".
    if let Some(found) = titled_surname(kb, head) {
        return Some(found);
    }
    // A surname alone that only one known person bears ("Araghchi said"), where the text
    // never gave a full name ending with it: that person.
    if let Some(found) = lone_known_surname(kb, clause) {
        return Some(found);
    }
    // A country is no person ("North Korea said"); a given name that is also a country's
    // opens a person's name ("Chad Miller said").
    unknown_found(
        kb,
        unknown_person(head)?,
        "is the subject of a verb of saying",
    )
}

/// A person the knowledge base does not hold, named `name` by the text: no country or place
/// (a given name that is also a country's opens a person's name, "Chad Miller"). `how` says
/// where the name stands.
fn unknown_found(kb: &Knowledge, name: String, how: &str) -> Option<Found> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if kb.country_by_word(&name).is_some() || has_place_word(kb, &words) {
        return None;
    }
    // "The President expressed…": an office with its article names no one.
    if words
        .iter()
        .all(|w| w.eq_ignore_ascii_case("the") || is_person_title(w))
    {
        return None;
    }
    let note = format!("{name} {how} (not in the knowledge base)");
    let person = PersonRef {
        id: slugify(&name),
        name,
    };
    Some((person, None, "speaker.unknown-name", note))
}

/// What follows the last comma, semicolon or closing quotation mark of `head` (all of it
/// when there is none). Read backwards byte by byte: the closing curly quotation mark is the
/// only one outside ASCII, and it is the bytes E2 80 9D.
fn last_clause(head: &str) -> &str {
    let bytes = head.as_bytes();
    match bytes
        .iter()
        .rposition(|&b| matches!(b, b',' | b';' | b'"' | 0x9D))
    {
        None => head,
        Some(i) if bytes[i] != 0x9D || bytes[..i].ends_with(&[0xE2, 0x80]) => &head[i + 1..],
        // 0x9D inside another character: read character by character.
        Some(_) => head
            .rsplit([',', ';', '"', '\u{201d}'])
            .next()
            .unwrap_or(head),
    }
}

/// The subject after an inverted verb: `"…," said Lavrov`, `according to Kono`.
fn subject_after(
    kb: &Knowledge,
    raw: &str,
    base: usize,
    (verb_start, verb_end): (usize, usize),
    mentions: &[PersonMention],
    names: &[TextName],
) -> Option<Found> {
    let tail = &raw[verb_end..];
    let limit = tail
        .find(['.', ';', '"', '\u{201c}', '\n'])
        .unwrap_or(tail.len())
        .min(90);
    let window = &tail[..crate::knowledge::floor_char(tail, limit)];
    mentions
        .iter()
        .filter(|m| m.start >= base + verb_end && m.start <= base + verb_end + limit)
        .find(|m| {
            let between = &raw[verb_end..m.start - base];
            !between.contains(',') || m.role.is_some()
        })
        .map(|m| found_person(kb, m, "speaker.after-verb"))
        .or_else(|| {
            name_at_start(window, names).map(|i| text_found(kb, &names[i], "speaker.after-verb"))
        })
        .or_else(|| {
            // `"…”, said Marko Jovanovski.`: a bare name closing the attribution of a quotation
            // or clause.
            // A verb of one word: "according to" has its own rules.
            let head = raw[..verb_start].trim_end();
            if raw[verb_start..verb_end].contains(' ')
                || !head.ends_with([',', '"', '\u{201d}', '\u{bb}'])
            {
                return None;
            }
            unknown_found(
                kb,
                unknown_person_after(window)?,
                "follows the verb of saying",
            )
        })
}

/// A bare name of two or three capitalised words opening `tail` and closing its clause
/// (`said Marko Jovanovski.`, `said Ana Kovac, who…`), with nothing capitalised after it: a
/// name the text gives no title and the knowledge base does not hold.
fn unknown_person_after(tail: &str) -> Option<String> {
    let words: Vec<&str> = tail.split_whitespace().take(4).collect();
    for take in [3usize, 2] {
        let Some(name) = words.get(..take) else {
            continue;
        };
        let last = name[take - 1];
        let bare = last.trim_end_matches(['.', ',', ';']);
        let closes = bare.len() < last.len()
            || words
                .get(take)
                .is_none_or(|w| w.starts_with(char::is_lowercase));
        let name_like = name.iter().enumerate().all(|(k, w)| {
            let w = if k == take - 1 { bare } else { *w };
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.clone().any(char::is_lowercase)
                && cs.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && !NOT_PERSONAL.contains(&w.to_ascii_lowercase().as_str())
                && !is_person_title(w)
        });
        if closes && name_like {
            let mut parts: Vec<&str> = name[..take - 1].to_vec();
            parts.push(bare);
            return Some(parts.join(" "));
        }
    }
    None
}

/// The doc's text with removed furniture and meta lines blanked out
/// (spaces of the same byte length, so offsets stay those of the text).
fn names_text(doc: &Doc) -> String {
    let mut bytes = doc.text.clone().into_bytes();
    let mut blank = |span: Span| {
        if let Some(range) = bytes.get_mut(span.start..span.end) {
            range.fill(b' ');
        }
    };
    for r in &doc.removed {
        blank(r.span);
    }
    for m in &doc.meta {
        blank(m.span);
    }
    String::from_utf8(bytes).unwrap_or_else(|_| doc.text.clone())
}

/// Names the text confirms. In a title-cased heading every word is capitalised, so a title
/// may run into a verb ("Spokesman Denounces U.S."): a name found only there counts when it
/// ends where names end (a possessive, a comma, a colon, a parenthesis).
fn trusted_names(doc: &Doc, names: Vec<TextName>) -> Vec<TextName> {
    let headings: Vec<Span> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && is_title_cased(&b.text))
        .map(|b| b.span)
        .collect();
    // Without such a heading every name stands: the text need not be searched.
    if headings.is_empty() {
        return names;
    }
    names
        .into_iter()
        .filter(|n| {
            // Transcript labels confirm the name ("FOREIGN MINISTER MARSUDI:" under a headline
            // naming "Foreign Minister Retno Marsudi").
            if n.labels > 0 {
                return true;
            }
            let mut written = false;
            for (at, _) in doc.text.match_indices(n.name.as_str()) {
                written = true;
                let in_heading = headings.iter().any(|h| h.start <= at && at < h.end);
                let after = doc.text[at + n.name.len()..]
                    .trim_start_matches(' ')
                    .chars()
                    .next();
                if !in_heading
                    || after.is_none_or(|c| matches!(c, '\'' | '\u{2019}' | '(' | ',' | ':'))
                {
                    return true;
                }
            }
            // A name written otherwise in the text (a label's capitals) stands as found.
            !written
        })
        .collect()
}

/// "the Vanuatu Prime Minister Vanuatu Joe Natuman", "Ambassador to the United States Xie
/// Feng": a country's name, or the last word of one, read into the front of a name of three
/// words after a title is the post's, not the person's. The rest stands as the name when it
/// holds no place's word; a given name that is also a country's ("Jordan Lee") is left, and
/// a name without a title keeps its place word (and is dropped as a place's words).
fn without_leading_country(kb: &Knowledge, text: &str, mut n: TextName) -> TextName {
    if n.title.is_empty() || n.parts.len() < 3 || n.labels > 0 || kb.is_given_name(&n.parts[0]) {
        return n;
    }
    let rest: Vec<&str> = n.parts[1..].iter().map(String::as_str).collect();
    if has_place_word(kb, &rest) {
        return n;
    }
    let first = n.parts[0].as_str();
    // The words before the name, for a country's name it ends ("the United States").
    let before = text
        .get(n.start..)
        .and_then(|t| t.find(n.name.as_str()))
        .and_then(|at| text.get(..n.start + at))
        .unwrap_or("");
    let prev: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    // Only where the title stands right before the name ("Minister Vanuatu …").
    let title_last = n.title.split_whitespace().last().unwrap_or("");
    if !prev
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case(title_last))
    {
        return n;
    }
    let ends_country = |k: usize| {
        let mut words: Vec<&str> = prev[..k].iter().rev().copied().collect();
        words.push(first);
        kb.country_by_word(&words.join(" ")).is_some()
    };
    if kb.country_by_word(first).is_none() && !(1..=prev.len()).any(ends_country) {
        return n;
    }
    n.parts.remove(0);
    n.name = n.parts.join(" ");
    n
}

/// "MR. McCLELLAN:" over a transcript headed "Press Gaggle by Scott McClellan": a surname
/// label the base does not know, in full where the page writes the surname in lower case
/// (not as the label's capitals) with given names before it, as [`fuller_by_surname`] reads
/// "Mr McClellan".
fn label_in_full(doc: &Doc, names: &[TextName], n: &TextName) -> Option<TextName> {
    let [label] = n.parts.as_slice() else {
        return None;
    };
    let text = &doc.text;
    let lower = text.to_ascii_lowercase();
    let key = label.to_ascii_lowercase();
    lower
        .match_indices(key.as_str())
        .map(|(at, _)| &text[at..at + key.len()])
        .filter(|written| written.chars().any(char::is_lowercase))
        .find_map(|written| fuller_by_surname(text, names, &format!("Mr {written}")))
        .map(|(parts, at)| {
            let mut full = TextName::untitled(parts, at);
            full.title.clone_from(&n.title);
            full.labels = n.labels;
            full
        })
}

/// A name found without a title or label that holds a country's name or adjective
/// ("Island Talks Russia", "Pyongyang Kim"): words of a place, not a person's.
fn names_a_place(kb: &Knowledge, n: &TextName) -> bool {
    // A country's whole name is never a person's, whatever title a misread apposition gave
    // it ("the Minister of Foreign Affairs of Saudi Arabia, Dr. …").
    if n.labels == 0 && kb.country_by_word(&n.name).is_some() {
        return true;
    }
    let parts: Vec<&str> = n.parts.iter().map(String::as_str).collect();
    n.title.is_empty() && n.labels == 0 && has_place_word(kb, &parts)
}

/// Whether a name's words hold a country's word, other than a given name opening a name of two
/// or more words ("Chad Miller", "Santiago Peña").
fn has_place_word(kb: &Knowledge, words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        kb.country_by_word(w).is_some()
            && !(i == 0
                && words.len() >= 2
                && kb.is_given_name(w)
                && words[1..].iter().all(|r| kb.country_by_word(r).is_none()))
    })
}

/// Most words of three or more capitalised: a headline in title case.
fn is_title_cased(t: &str) -> bool {
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && capitalised * 10 >= words.len() * 7
}

/// A person the text names: the knowledge base's entry when it knows the name.
fn text_person(kb: &Knowledge, n: &TextName) -> PersonRef {
    // A transcript's label names the speaker by surname ("MR PRICE:", "CHIEF CABINET
    // SECRETARY SUGA:"): the known person it fits.
    let by_surname = || {
        (n.labels > 0 && !n.name.contains(' '))
            .then(|| kb.person_by_surname(&n.name, &n.title))
            .flatten()
    };
    // "M. Zakharova": the known person of that surname whose given name has that initial.
    let by_initial = || {
        let [initial, surname] = n.parts.as_slice() else {
            return None;
        };
        let letter = initial
            .strip_suffix('.')
            .filter(|l| l.chars().count() == 1)?;
        let mut fitting = kb
            .people_by_surname(surname)
            .iter()
            .copied()
            .filter(|&p| kb.people[p].name.starts_with(letter));
        match (fitting.next(), fitting.next()) {
            (Some(p), None) => Some(p),
            _ => kb
                .person_by_surname(surname, &n.title)
                .filter(|&p| kb.people[p].name.starts_with(letter)),
        }
    };
    // "Faisal bin Farhan bin Abdullah": a patronymic chain the base keeps shorter ("Faisal
    // bin Farhan"); each "bin X" dropped from the end is still the same person.
    let by_shorter_chain = || {
        let mut parts: &[String] = &n.parts;
        while let [rest @ .., link, _] = parts
            && rest.len() >= 2
            && matches!(link.as_str(), "bin" | "ibn" | "bint" | "binti")
        {
            parts = rest;
            if let Some(p) = kb.person_by_name(&parts.join(" ")) {
                return Some(p);
            }
        }
        None
    };
    // "Senator Johnson Smith": a surname of several words, which only one known person bears,
    // is that person (a one-word surname alone is too common to tell).
    let by_compound_surname = || match kb.people_by_surname(&n.name) {
        [p] if n.parts.len() >= 2 => Some(*p),
        _ => None,
    };
    match kb
        .person_by_name(&n.name)
        .or_else(by_shorter_chain)
        .or_else(by_compound_surname)
        .or_else(by_surname)
        .or_else(by_initial)
        .or_else(|| kb.person_by_spelling(&n.name))
        .or_else(|| kb.person_by_misspelling(&n.name))
    {
        Some(p) => PersonRef::from_kb(kb, p),
        None => PersonRef {
            id: n.id(),
            name: n.name.clone(),
        },
    }
}

fn text_found(kb: &Knowledge, n: &TextName, rule: &'static str) -> Found {
    let person = text_person(kb, n);
    let id = kb.person_by_name(&n.name);
    let note = format!(
        "{} is the subject of a verb of saying (named in the text{})",
        person.name,
        if n.title.is_empty() {
            String::new()
        } else {
            format!(" as {}", n.title)
        }
    );
    (person, id, rule, note)
}

/// The person who signs a statement: a line that is only a name (titles and honorifics
/// aside, often in capitals), followed within two short lines by a date ("YB DATO' SERI
/// AMINAH HASSAN / PUTRAJAYA / 1 JUNE 2021").
fn signer(doc: &Doc, kb: &Knowledge, body: &[usize]) -> Option<(PersonRef, Span)> {
    let short = |b: &Block| b.text.split_whitespace().count() <= 8 && !b.text.ends_with('.');
    for (k, &bi) in body.iter().enumerate().skip(1) {
        let b = &doc.blocks[bi];
        if !short(b)
            || b.text
                .chars()
                .any(|c| matches!(c, '"' | '\u{201c}' | ',' | ';'))
        {
            continue;
        }
        let titled: String = b
            .text
            .split_whitespace()
            .map(super::names::title_case_word)
            .collect::<Vec<_>>()
            .join(" ");
        let Some((parts, _)) = super::names::name_after_titles(&titled) else {
            continue;
        };
        // The name is the whole line, titles before it aside, and a date follows.
        if !titled.trim_end().ends_with(parts.last()?.as_str()) {
            continue;
        }
        let dated = body[k + 1..]
            .iter()
            .take(2)
            .map(|&j| &doc.blocks[j])
            .take_while(|n| short(n))
            .any(|n| {
                crate::dates::find(&n.text, None)
                    .iter()
                    .any(|t| t.explicit_year && t.day.is_some())
            });
        if !dated {
            continue;
        }
        let n = TextName::untitled(parts, b.span.start);
        return Some((text_person(kb, &n), b.span));
    }
    None
}

/// Words that open a headline naming whose statement the text is, with the word that joins
/// the name ("Statement by", "Interview with").
const AUTHORED: &[&str] = &[
    "statement by",
    "remarks by",
    "speech by",
    "address by",
    "intervention by",
    "briefing by",
    "press conference by",
    "press conference of",
    "message from",
    "message by",
    "op-ed by",
    "article by",
    "interview with",
    "conversation with",
    "statement of",
    "remarks of",
    "delivered by",
];

/// The person a headline before the story presents as the author of its words: "Statement by
/// Ambassador X, UK Permanent Representative", "Press remarks by High Representative X".
fn headline_author(doc: &Doc, kb: &Knowledge, body: &[usize]) -> Option<(PersonRef, Span, String)> {
    // Headings and short lines up to the first body paragraph of a long sentence or more.
    let first_para = body
        .iter()
        .map(|&i| &doc.blocks[i])
        .find(|b| b.kind == BlockKind::Paragraph && b.text.split_whitespace().count() >= 25)
        .map_or(usize::MAX, |b| b.span.start);
    let lines = doc
        .blocks
        .iter()
        .filter(|b| b.span.start <= first_para && b.text.split_whitespace().count() <= 60)
        .take(6);
    for b in lines {
        let raw = doc.slice(b.span);
        let lower = raw.to_ascii_lowercase();
        for (kw, at, end) in authored_phrases(&lower) {
            // The phrase opens the line or follows a colon ("Council: Press remarks by").
            // At most two capitalised words before it: "Press remarks by", "A Conversation
            // with", "Joint Statement by".
            let before = raw[..at].rsplit(':').next().unwrap_or("").trim();
            let opens = before.split_whitespace().count() <= 2
                && !before.contains(['.', ',', '"'])
                && before
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if !opens {
                continue;
            }
            let rest = &raw[end..];
            let Some((parts, off)) = super::names::name_after_titles(rest) else {
                // "Remarks by President von der Leyen at…": a title and a known surname.
                if let Some((person, span)) = headline_titled_surname(kb, rest) {
                    let start = b.span.start + end;
                    let span = Span::new(start + span.start, start + span.end);
                    return Some((person, span, authored_noun(kw)));
                }
                continue;
            };
            // "Briefing by Indian External Affairs Minister": an office, not a name (a
            // surname may still be a country's word: "Courtney Austrian").
            if parts
                .first()
                .is_some_and(|p| kb.country_by_word(p).is_some())
            {
                continue;
            }
            let n = TextName::untitled(parts, b.span.start);
            let start = b.span.start + end + off;
            let span = Span::new(start, start + n.name.len().min(b.span.end - start));
            return Some((text_person(kb, &n), span, authored_noun(kw)));
        }
        if let Some((parts, at, noun)) = possessive_author(raw) {
            let n = TextName::untitled(parts, b.span.start + at);
            let span = Span::new(b.span.start + at, b.span.start + at + n.name.len());
            return Some((text_person(kb, &n), span, noun.to_string()));
        }
        if b.kind == BlockKind::Heading
            && let Some((person, span)) = speaks_author(kb, raw)
        {
            let span = Span::new(b.span.start + span.start, b.span.start + span.end);
            return Some((person, span, "words".to_string()));
        }
    }
    None
}

/// "Post-Summit Briefing: Von Der Leyen Speaks": a headline closing on a known person (by
/// title and surname or in full) and "Speaks" gives the text as that person's words. The span
/// is within `line`.
fn speaks_author(kb: &Knowledge, line: &str) -> Option<(PersonRef, Span)> {
    let t = line.trim_end();
    let head = t
        .strip_suffix(" Speaks")
        .or_else(|| t.strip_suffix(" speaks"))?;
    let at = head
        .rfind([':', '|', '\u{2013}', '\u{2014}'])
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let part = &head[at..];
    let lead = part.len() - part.trim_start().len();
    let name = part.trim();
    if !(1..=5).contains(&name.split_whitespace().count()) {
        return None;
    }
    let span = Span::new(at + lead, at + lead + name.len());
    if let Some(id) = kb
        .person_by_name(name)
        .or_else(|| kb.person_by_surname(name, ""))
    {
        return Some((PersonRef::from_kb(kb, id), span));
    }
    headline_titled_surname(kb, name).map(|(person, _)| (person, span))
}

/// "… Minister for Foreign Affairs Dr. Vivian Balakrishnan’s Radio Interview on …": a
/// headline giving the text as a named person's words with a possessive. The name (two to
/// four capitalised words before the "'s", titles and forms of address left out), its byte
/// offset in `line`, and the kind of words.
fn possessive_author(line: &str) -> Option<(Vec<String>, usize, &'static str)> {
    // The kind of words, within two words after the possessive ("Radio Interview").
    const NOUNS: &[&str] = &[
        "interview",
        "remarks",
        "speech",
        "statement",
        "address",
        "briefing",
    ];
    // "Nikos Kotzias' statement": a name ending in s takes the apostrophe alone, and its s
    // stays with the name.
    for (mark, kept) in [("\u{2019}s ", 0), ("'s ", 0), ("s\u{2019} ", 1), ("s' ", 1)] {
        let Some(at) = line.find(mark).map(|at| at + kept) else {
            continue;
        };
        let after = line[at + mark.len() - kept..].to_lowercase();
        let Some(noun) = after.split_whitespace().take(2).find_map(|w| {
            NOUNS
                .iter()
                .find(|n| **n == w.trim_matches(|c: char| !c.is_alphabetic()))
        }) else {
            continue;
        };
        let (start, run) = name_run_before(&line[..at], 4, name_word);
        if run.len() < 2 {
            continue;
        }
        return Some((run.into_iter().map(str::to_string).collect(), start, noun));
    }
    None
}

/// The `AUTHORED` phrases a heading holds (`lower`: lower-cased), each with where it starts
/// and ends. The words may be apart by any white space: a heading broken over lines ("Press
/// conference\n\nby the Secretary General") reads as one.
pub(super) fn authored_phrases(lower: &str) -> Vec<(&'static str, usize, usize)> {
    AUTHORED
        .iter()
        .filter_map(|kw| {
            let (first, rest) = kw.split_once(' ').unwrap_or((kw, ""));
            lower.match_indices(first).find_map(|(at, _)| {
                let mut end = at + first.len();
                for word in rest.split(' ').filter(|w| !w.is_empty()) {
                    let gap = lower[end..].len() - lower[end..].trim_start().len();
                    if gap == 0 || !lower[end + gap..].starts_with(word) {
                        return None;
                    }
                    end += gap + word.len();
                }
                Some((*kw, at, end))
            })
        })
        .collect()
}

/// What an `AUTHORED` phrase calls the text, without its joining word: "statement", "press
/// conference".
fn authored_noun(phrase: &str) -> String {
    let noun = phrase.rsplit_once(' ').map_or(phrase, |(noun, _)| noun);
    match noun {
        "interview" | "conversation" => format!("{noun} (the person interviewed)"),
        "delivered" => "words as delivered".to_string(),
        _ => noun.to_string(),
    }
}

/// The known person a headline names by title and surname after an `AUTHORED` phrase
/// ("President von der Leyen at the summit"): the capitalised run and its particles, read as
/// `titled_surname` reads a subject. The span is within `rest`.
fn headline_titled_surname(kb: &Knowledge, rest: &str) -> Option<(PersonRef, Span)> {
    let lead = rest.len() - rest.trim_start().len();
    // The run ends after its last capitalised word: "at the" after a name are no particles.
    let (mut at, mut end) = (lead, lead);
    for w in rest[lead..].split_inclusive(' ') {
        let word = w.trim_end();
        // "to", "at", "for" after a name lead to what follows ("Minister Cannon to
        // Diplomatic Forum"), never into a name.
        let particle = word.len() <= 3
            && word.starts_with(char::is_lowercase)
            && (word == "of" || !super::title::is_function_word(word));
        if !(word.starts_with(char::is_uppercase) || particle) {
            break;
        }
        at += w.len();
        if !particle {
            end = at;
        }
        if word.ends_with([',', ':', ';']) {
            break;
        }
    }
    let run = rest[lead..end].trim_end();
    let (person, id, ..) = titled_surname(kb, run.trim_end_matches([',', ':', ';']))?;
    id?;
    Some((person, Span::new(lead, lead + run.len())))
}

/// The first person the story's opening names: in the first body paragraph, a known person
/// or a name the text gives with a title.
fn lead_actor(
    doc: &Doc,
    body: &[usize],
    mentions: &[PersonMention],
    names: &[TextName],
    kb: &Knowledge,
) -> Option<(PersonRef, Span)> {
    let lead = body.iter().map(|&i| &doc.blocks[i]).find(|b| {
        b.kind == BlockKind::Paragraph
            && !crate::clean::is_list_item(&b.text)
            && b.text.split_whitespace().count() >= 8
    })?;
    let known = mentions
        .iter()
        .find(|m| m.start >= lead.span.start && m.start < lead.span.end)
        .map(|m| {
            (
                m.start,
                PersonRef::from_kb(kb, m.person),
                Span::new(m.start, m.end),
            )
        });
    // A name with its title in the lead, or above it (the headline: "Press conference by the
    // Secretary General Jens Stoltenberg").
    let text = names
        .iter()
        .filter(|n| n.parts.len() >= 2 && !n.title.is_empty() && n.start < lead.span.end)
        .filter_map(|n| {
            let at = doc.text[n.start..].find(&n.name)? + n.start;
            Some((at, text_person(kb, n), Span::new(at, at + n.name.len())))
        })
        .min_by_key(|(at, _, _)| *at);
    match (known, text) {
        (Some(k), Some(t)) => Some(if k.0 <= t.0 { (k.1, k.2) } else { (t.1, t.2) }),
        (Some(k), None) => Some((k.1, k.2)),
        (None, Some(t)) => Some((t.1, t.2)),
        (None, None) => None,
    }
}

fn found_person(kb: &Knowledge, m: &PersonMention, rule: &'static str) -> Found {
    let person = PersonRef::from_kb(kb, m.person);
    let note = format!("{} is the subject of a verb of saying", person.name);
    (person, Some(m.person), rule, note)
}

/// "the Russian foreign minister", "Russia's top diplomat", "the minister": the person the text
/// gives that role, or the last speaker for a bare generic noun.
fn role_subject(
    kb: &Knowledge,
    head: &str,
    mentions: &[PersonMention],
    names: &[TextName],
    previous: &Option<(PersonRef, Option<PersonId>)>,
) -> Option<Found> {
    let words: Vec<&str> = head.split_whitespace().rev().take(5).collect();
    let words: Vec<&str> = words.into_iter().rev().collect();
    for take in (1..=words.len().min(4)).rev() {
        let Some(office) = kb.office_by_words(&words[words.len() - take..]) else {
            continue;
        };
        let phrase = words[words.len() - take..].join(" ");
        let before = &words[..words.len() - take];
        // The last word, or a longer phrase naming another country ("Papua New Guinea").
        let mut country = before.last().and_then(|w| kb.country_by_word(w));
        for n in 2..=before.len().min(3) {
            if let Some(c) = kb.country_by_word(&before[before.len() - n..].join(" "))
                && country != Some(c)
            {
                country = Some(c);
            }
        }
        let holder = mentions.iter().find(|m| {
            m.role
                .as_ref()
                .is_some_and(|r| r.office == office && (country.is_none() || r.country == country))
        });
        // A president who also heads the government (the United States') is never "the
        // prime minister".
        let lower = phrase.to_ascii_lowercase();
        let premier_style =
            lower.ends_with("prime minister") || lower == "premier" || lower == "pm";
        let holder = holder.map(|m| m.person).or_else(|| {
            let office_id = &kb.offices[office].id;
            mentions.iter().map(|m| m.person).find(|&p| {
                let offices = &kb.people[p].offices;
                offices.iter().any(|t| {
                    &t.office == office_id
                        && country.is_none_or(|c| kb.countries[c].code == t.country)
                        && !(premier_style
                            && offices
                                .iter()
                                .any(|h| h.office == "head-of-state" && h.country == t.country))
                })
            })
        });
        if let Some(p) = holder {
            let person = PersonRef::from_kb(kb, p);
            let note = format!(
                "\"{phrase}\" is {}, whom the text gives that office",
                person.name
            );
            return Some((person, Some(p), "speaker.role", note));
        }
    }
    let last = words.last()?.to_ascii_lowercase();
    let determiner = words.len() >= 2 && {
        let before = words[words.len() - 2].to_ascii_lowercase();
        before == "the"
            || kb.country_by_word(words[words.len() - 2]).is_some()
            || before.ends_with("'s")
    };
    if GENERIC_ROLES.contains(&last.as_str()) && determiner {
        // Before anyone has spoken: the person the text gave that title.
        if previous.is_none()
            && let Some(n) = names.iter().find(|n| n.title.contains(last.as_str()))
        {
            let (person, id, _, _) = text_found(kb, n, "speaker.role");
            let note = format!(
                "\"the {last}\" is {}, whom the text gives that title",
                person.name
            );
            return Some((person, id, "speaker.role", note));
        }
        let (speaker, person) = previous.clone()?;
        let note = format!(
            "\"the {last}\" refers to {}, the last speaker",
            speaker.name
        );
        return Some((speaker, person, "speaker.role", note));
    }
    None
}

/// "The Secretary of State for Foreign Affairs (Mr Jeremy Hunt)", "Jane Doe (Portville, Labour
/// Party, Minister for Foreign Affairs)": a parliament's record names each speaker on a line of
/// their own, a seat, a party or an office in brackets, over what they said. The known person
/// whose lines stand over the most words of speech, with their count of speeches and words;
/// at least [`RECORD_WORDS`] words.
fn record_speaker(doc: &Doc, kb: &Knowledge, body: &[usize]) -> Option<(PersonId, usize, usize)> {
    /// Fewer words under a named line are a question or an interjection, not a statement.
    const RECORD_WORDS: usize = 30;
    /// A speaker's line is short: a name, an office, a seat and a party.
    const LINE_WORDS: usize = 30;
    let mut spoken: Vec<(PersonId, usize, usize)> = Vec::new();
    let mut current: Option<usize> = None;
    for &i in body {
        let b = &doc.blocks[i];
        // A line of its own, or joined to the page's links after it ("… (Lab) - Hansard -
        // Excerpts"): no sentence.
        let line = b.kind == BlockKind::Heading
            || b.kind == BlockKind::Paragraph
                && !b
                    .text
                    .trim_end()
                    .ends_with(['.', '?', '!', ':', '"', '\u{201d}']);
        if line && b.text.contains('(') && b.text.split_whitespace().nth(LINE_WORDS).is_none() {
            let people = kb.find_people(&b.text);
            // "X (Seat) (Party)", or the name itself in brackets after the office: "… (Mr X)".
            let bracketed = people.iter().any(|m| {
                let t = &b.text;
                let within = t[..m.start]
                    .rfind('(')
                    .is_some_and(|o| !t[o..m.start].contains(')'))
                    && t[m.end..].contains(')');
                t[m.end..].trim_start().starts_with('(') || within
            });
            match people.first() {
                Some(m) if bracketed && people.iter().all(|o| o.person == m.person) => {
                    let at = match spoken.iter().position(|(p, _, _)| *p == m.person) {
                        Some(at) => at,
                        None => {
                            spoken.push((m.person, 0, 0));
                            spoken.len() - 1
                        }
                    };
                    spoken[at].1 += 1;
                    current = Some(at);
                }
                _ => current = None,
            }
            continue;
        }
        // Words are counted only under a speaker's line: most texts have none.
        if let Some(at) = current
            && matches!(b.kind, BlockKind::Paragraph | BlockKind::Item)
        {
            spoken[at].2 += b.text.split_whitespace().count();
        }
    }
    spoken
        .into_iter()
        .filter(|&(_, _, words)| words >= RECORD_WORDS)
        .max_by_key(|&(_, _, words)| words)
}

/// "Chinese Foreign Minister … presided over the meeting", "Ireland's Minister for Foreign
/// Affairs said…": when no sentence attributes a statement to a named person, an office named
/// with its country near the start of the headline or the lead is the speaker's, and the one
/// person the base knows held it on the statement's day is the speaker, as a reader who knows
/// who held the office would say. Nothing when the base knows several holders or none.
pub fn office_holder(
    doc: &Doc,
    kb: &Knowledge,
    spans: &[Span],
    day: chrono::NaiveDate,
) -> Option<Inferred<Vec<PersonRef>>> {
    /// How far into its line the office may stand and still be the subject: after a
    /// dateline ("BEIJING, Oct. 15, 2019 --") or a date, not the object of a verb late in the
    /// sentence.
    const SUBJECT_WORDS: usize = 8;
    for &span in spans {
        let text = doc.slice(span);
        for role in kb.roles_in(text) {
            if text[..role.start].split_whitespace().count() > SUBJECT_WORDS {
                break;
            }
            let Some(country) = role.country else {
                continue;
            };
            let office = &kb.offices[role.office].id;
            let code = &kb.countries[country].code;
            let [holder] = kb.holders(office, code, day)[..] else {
                continue;
            };
            let person = PersonRef::from_kb(kb, holder);
            let words = &text[role.start..role.end];
            let note = format!(
                "no one is named as saying it; \"{words}\" was {} on {day}, the one holder the \
                 base knows",
                person.name
            );
            let at = Span::new(span.start + role.start, span.start + role.end);
            return Some(Inferred::known(
                vec![person],
                0.5,
                vec![Evidence::at("speaker.office-holder", &doc.text, at, note)],
            ));
        }
    }
    None
}

/// The known person a title and a surname name ("FM Bourita", "Foreign Ministry Spokesperson
/// Baghaei"): the one of that surname whose offices the title fits.
fn titled_surname(kb: &Knowledge, head: &str) -> Option<Found> {
    let words: Vec<&str> = head.split_whitespace().rev().take(6).collect();
    let last = words.first()?.trim_end_matches([',', ':']);
    if !last.starts_with(char::is_uppercase) || last.chars().count() < 3 {
        return None;
    }
    // A surname of one word, or one with lower-case particles before it that the base writes
    // so ("President von der Leyen", "Envoy de Mistura").
    let k = (1..=3.min(words.len())).rev().find(|&k| {
        let lead = &words[1..k];
        lead.iter().all(|w| w.starts_with(char::is_lowercase))
            && (k == 1 || words[k - 1].len() <= 3)
            && !kb
                .people_by_surname(&surname_of(&words[..k], last))
                .is_empty()
    })?;
    let surname = &surname_of(&words[..k], last);
    let titles = &words[k..words.len().min(k + 3)];
    // The longest run of title words before it that names an office.
    for take in (1..=titles.len()).rev() {
        let title: Vec<&str> = titles[..take].iter().rev().copied().collect();
        let title = title.join(" ");
        if title.contains(['.', ',', ';', '"']) || kb.offices_for_words(&title).is_empty() {
            continue;
        }
        if let Some(p) = kb.person_by_surname(surname, &title) {
            let person = PersonRef::from_kb(kb, p);
            let note = format!(
                "\"{title} {surname}\" is {}, the known {surname} who held that office",
                person.name
            );
            return Some((person, Some(p), "speaker.titled-surname", note));
        }
    }
    None
}

/// The surname written by `words` (last word first, as `titled_surname` reads them), with
/// `last` for the last word stripped of its punctuation.
fn surname_of(words: &[&str], last: &str) -> String {
    let mut parts: Vec<&str> = words[1..].iter().rev().copied().collect();
    parts.push(last);
    parts.join(" ")
}

/// The subject is one capitalised word, the surname of exactly one person the knowledge base
/// holds ("Araghchi said"): copy names a well-known official by surname once the story has
/// said who they are, and a paste often begins past that. A surname two known people share
/// ("Kim", "Wang") names no one here.
fn lone_known_surname(kb: &Knowledge, clause: &str) -> Option<Found> {
    let clause = clause.trim();
    let word = clause.rsplit(' ').next()?;
    // One word, or one after a small word opening its clause ("and Araghchi said"); not
    // after a title or a given name ("Prince Faisal said").
    let before = clause[..clause.len() - word.len()].trim();
    // More than one word before it (the clause may run long: count no further than two).
    if before.split_whitespace().nth(1).is_some()
        || before.starts_with(char::is_uppercase)
        || word.chars().count() < 4
    {
        return None;
    }
    if !word.starts_with(char::is_uppercase) || word.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    let [p] = kb.people_by_surname(word) else {
        return None;
    };
    if kb.country_by_word(word).is_some() {
        return None;
    }
    let person = PersonRef::from_kb(kb, *p);
    let note = format!(
        "\"{word}\" is {}, the one known person of that surname",
        person.name
    );
    Some((person, Some(*p), "speaker.known-surname", note))
}

/// A capitalised name of two or three words right before the verb, introduced by a title word
/// ("spokeswoman Maria Zakharova said").
fn unknown_person(head: &str) -> Option<String> {
    // The last five words are all the rules look at (a name of three, the word before it).
    let mut words: Vec<&str> = head.split_whitespace().rev().take(5).collect();
    words.reverse();
    for take in [3usize, 2] {
        if words.len() <= take {
            continue;
        }
        let name = &words[words.len() - take..];
        let title = words[words.len() - take - 1].to_ascii_lowercase();
        let capitalised = name.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        });
        // "Secretary-General Patricia Scotland said": a hyphenated title's part counts.
        let titled = title.trim_end_matches(',').split('-').any(is_person_title);
        if capitalised && titled {
            return Some(name.join(" "));
        }
    }
    // A bare name opening its clause: "…, Ramin Mehmanparast said", "Amina Diallo told",
    // "“… of government,” Kwame Adeyemi told".
    for take in [3usize, 2] {
        if words.len() < take {
            continue;
        }
        let name = &words[words.len() - take..];
        let opens_clause = words.len() == take
            || words[words.len() - take - 1].ends_with([',', ';', ':', '"', '\u{201d}', '\u{bb}'])
            || matches!(
                words[words.len() - take - 1].to_ascii_lowercase().as_str(),
                "and" | "but" | "while" | "as" | "when"
            );
        let name_like = name.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.clone().any(char::is_lowercase)
                && cs.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && !NOT_PERSONAL.contains(&w.to_ascii_lowercase().as_str())
        });
        if opens_clause && name_like {
            return Some(name.join(" "));
        }
    }
    None
}

/// Capitalised words that name institutions, places and days, not people ("The White House
/// said", "Foreign Ministry said").
const NOT_PERSONAL: &[&str] = &[
    "the",
    "white",
    "house",
    "ministry",
    "foreign",
    // "Minister of Foreign Affairs Nikos Dendias' statement": the office's last word.
    "affairs",
    "relations",
    "office",
    "council",
    "department",
    "government",
    "kremlin",
    "agency",
    "news",
    "state",
    "states",
    "united",
    "nations",
    "embassy",
    "press",
    "service",
    "committee",
    "union",
    "european",
    "commission",
    "republic",
    "minister",
    "president",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "officials",
    "sources",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "in",
    "on",
    "it",
    "he",
    "she",
    "they",
    "we",
    "this",
    "that",
    "beijing",
    "moscow",
    "tokyo",
    "washington",
    "party",
    "army",
    "police",
    "court",
    "parliament",
    "senate",
    "assembly",
    "cabinet",
    "secretariat",
    "organization",
    "organisation",
    "times",
    "post",
    "daily",
    "reuters",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_str;
    use crate::knowledge::KnowledgeFile;

    fn kb() -> Knowledge {
        let toml = r#"
[[office]]
id = "foreign-minister"
phrases = ["foreign minister", "top diplomat"]
[[office]]
id = "head-of-government"
phrases = ["prime minister"]
[[country]]
code = "CN"
name = "China"
adjectives = ["Chinese"]
[[country]]
code = "JP"
name = "Japan"
adjectives = ["Japanese"]
[[person]]
id = "wang-yi"
name = "Wang Yi"
surname = "Wang"
country = "CN"
source = "test"
[[person.office]]
office = "foreign-minister"
country = "CN"
title = "Foreign Minister"
start = 2013-03-16
[[person]]
id = "yoko-kamikawa"
name = "Yoko Kamikawa"
surname = "Kamikawa"
country = "JP"
source = "test"
[[person.office]]
office = "foreign-minister"
country = "JP"
title = "Minister for Foreign Affairs"
start = 2023-09-13
end = 2024-10-01
[[person]]
id = "fumio-kishida"
name = "Fumio Kishida"
surname = "Kishida"
country = "JP"
source = "test"
"#;
        let file: KnowledgeFile = toml::from_str(toml).unwrap();
        Knowledge::new(file)
    }

    fn run(text: &str) -> PeopleFacts {
        let kb = kb();
        let doc = clean_str("p.txt", text);
        let body: Vec<usize> = (0..doc.blocks.len()).collect();
        infer_people(&doc, &kb, &body)
    }

    /// The people rules over `text` with the built-in knowledge base.
    fn run_builtin(text: &str) -> PeopleFacts {
        let doc = clean_str("p.txt", text);
        let body: Vec<usize> = (0..doc.blocks.len()).collect();
        infer_people(&doc, Knowledge::builtin(), &body)
    }

    fn ids(v: &[PersonRef]) -> Vec<&str> {
        v.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn subjects_of_saying_are_speakers_others_are_mentioned() {
        let f = run(
            "BEIJING, May 3 - Chinese Foreign Minister Wang Yi said on Tuesday that talks with Japan would continue. He met Japanese Foreign Minister Yoko Kamikawa after Prime Minister Fumio Kishida arrived.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["wang-yi"]);
        assert_eq!(ids(&f.mentioned), vec!["yoko-kamikawa", "fumio-kishida"]);
    }

    #[test]
    fn a_surname_alone_is_carried_back_to_the_full_name() {
        let f = run(
            "The Spokesperson of the Ministry of Foreign Affairs, Obinna Chukwuemeka, in a statement issued on Sunday described the video as misleading.\n\nChukwuemeka stressed that those behind the attack had been arrested.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["obinna-chukwuemeka"]);
        // The inverted form too.
        let f = run(
            "Thandeka Mavundla met envoys on Tuesday.\n\n\"The government has decided to recall its diplomats,\" said Mavundla.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["thandeka-mavundla"]);
    }

    #[test]
    fn a_surname_only_one_known_person_bears_names_that_person() {
        let f = run_builtin(
            "The foreign minister appeared on state television on Thursday evening.\n\nReferring to the agreement signed last week, Araghchi said the details were not yet clear.\n",
        );
        assert_eq!(f.speakers.get().unwrap()[0].name, "Seyed Abbas Araghchi");
        assert_eq!(f.speakers.evidence[0].rule, "speaker.known-surname");
        // After a title or a given name, the word is no lone surname.
        let f = run_builtin(
            "The minister spoke to reporters.\n\nPrince Faisal said any talks would be futile.\n",
        );
        let first = f
            .speakers
            .get()
            .and_then(|s| s.first())
            .map(|p| p.id.clone());
        assert_ne!(first.as_deref(), Some("mohammad-faisal"));
        // A surname the text gave in full is the text's person, not the known one.
        let f = run_builtin(
            "The spokesman, Daniel Araghchi, spoke on Thursday.\n\nAraghchi said the details were not yet clear.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["daniel-araghchi"]);
    }

    #[test]
    fn a_headline_naming_whose_statement_the_text_is() {
        let f = run(
            "Statement by Ambassador Edmund Harcourt, UK Deputy Permanent Representative to the UN, at the Security Council briefing on Yemen\n\nThank you, President. As the Special Envoy Lina Oduya said last week, the humanitarian situation remains grave.\n\nWe call on all parties to engage with the talks.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap())[0], "edmund-harcourt");
        assert_eq!(f.speakers.evidence[0].rule, "speaker.headline-author");
        let f = run(
            "Foreign Affairs Council: Press remarks by High Representative Mateo Ferrand upon arrival\n\nGood morning. Today we will discuss the situation in the region with ministers.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["mateo-ferrand"]);
        // A statement by someone that a longer headline reports is not the text's own.
        let f = run(
            "Minister Wang Yi rejects the statement by opposition leader Tomas Baker\n\nChinese Foreign Minister Wang Yi said on Monday that the claims were false.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["wang-yi"]);
    }

    #[test]
    fn an_initial_glued_to_a_surname_finds_the_known_person() {
        let f = run(
            "Japanese Foreign Minister Y.Kamikawa said on Monday that the talks would go on.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["yoko-kamikawa"]);
        // Another initial is another person: not the known one.
        let f = run(
            "Japanese Foreign Minister T.Kamikawa said on Monday that the talks would go on.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["t-kamikawa"]);
    }

    #[test]
    fn a_signed_statement_is_the_signers() {
        let f = run(
            "MINISTRY WILL SUMMON THE AMBASSADOR\n\nThe Ministry of Foreign Affairs refers to the intrusion of aircraft into national airspace on Monday.\n\nIn addition, I will relay our serious concern to my counterpart.\n\nDATO' SERI AMINAH HASSAN\n\nPUTRAJAYA\n\n1 JUNE 2021\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["aminah-hassan"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.signature");
        // A name line with no date under it is no signature.
        let f = run(
            "The Ministry of Foreign Affairs refers to the intrusion of aircraft into national airspace on Monday.\n\nAMINAH HASSAN\n\nRelated articles\n",
        );
        assert!(f.speakers.get().is_none());
    }

    #[test]
    fn more_verbs_of_saying() {
        for verb in [
            "affirmed",
            "disclosed",
            "cautioned",
            "lamented",
            "reaffirmed",
        ] {
            let f = run(&format!(
                "Chinese Foreign Minister Wang Yi {verb} on Tuesday that the talks would go on.\n"
            ));
            assert_eq!(ids(f.speakers.get().unwrap()), vec!["wang-yi"], "{verb}");
            assert_eq!(f.speakers.evidence[0].rule, "speaker.subject", "{verb}");
        }
    }

    #[test]
    fn verbs_of_a_stance_taken_in_words() {
        // The spokesperson's accusation is a statement; the lead names the spokesperson only
        // there.
        for (verb, object) in [
            ("accused", "Washington of adopting policies rooted in force"),
            ("rejected", "the claims as baseless"),
            ("dismissed", "the report as fabricated"),
            (
                "defended",
                "the security agreement as a matter of internal security",
            ),
            ("hailed", "the agreement as historic"),
            ("praised", "the mediators for their patience"),
            ("demanded", "an apology from the embassy"),
            ("described", "the attacks as worrying"),
            ("termed", "the decision illegal"),
            ("branded", "the sanctions a violation of international law"),
        ] {
            let f = run(&format!(
                "Foreign Ministry spokesperson Amal Rashed {verb} {object}.\n\nThe remarks came a day after the vote.\n"
            ));
            assert_eq!(speaker_names(&f), ["Amal Rashed"], "{verb}");
            assert_eq!(f.speakers.evidence[0].rule, "speaker.text-name", "{verb}");
        }
    }

    #[test]
    fn inverted_and_according_to_attributions() {
        let f = run(
            "\"We hope for calm in the region,\" said Yoko Kamikawa.\n\nThe visit will go ahead, according to Wang.\n\nWang Yi was also in town.\n",
        );
        assert_eq!(
            ids(f.speakers.get().unwrap()),
            vec!["yoko-kamikawa", "wang-yi"]
        );
        assert_eq!(f.quotes.len(), 1);
        assert_eq!(f.quotes[0].speaker.as_ref().unwrap().id, "yoko-kamikawa");
    }

    #[test]
    fn roles_and_pronouns_resolve_to_people() {
        let f = run(
            "Chinese Foreign Minister Wang Yi met reporters.\n\n\"Our position on the islands has not changed at all,\" the Chinese foreign minister said.\n\n\"We will keep talking to everyone in the region,\" he added.\n",
        );
        assert_eq!(f.quotes.len(), 2);
        for q in &f.quotes {
            assert_eq!(q.speaker.as_ref().unwrap().id, "wang-yi", "{q:?}");
        }
        assert_eq!(f.quotes[0].evidence[0].rule, "speaker.role");
        assert_eq!(f.quotes[1].evidence[0].rule, "speaker.pronoun");
    }

    #[test]
    fn statements_from_another_year_do_not_make_speakers() {
        let f = run(
            "Wang Yi said on Monday that ties were improving.\n\nIn March 2021, Prime Minister Fumio Kishida said he wanted a summit.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["wang-yi"]);
        assert_eq!(ids(&f.mentioned), vec!["fumio-kishida"]);
    }

    #[test]
    fn statements_from_last_week_do_not_make_speakers() {
        let f = run(
            "Wang Yi said on Wednesday the talks would resume.\n\nYoko Kamikawa said last week that Tokyo was ready.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["wang-yi"]);
        assert_eq!(ids(&f.mentioned), vec!["yoko-kamikawa"]);
    }

    #[test]
    fn an_open_apposition_is_not_a_subject() {
        // "Kishida, the top diplomat noted": the diplomat speaks, not Kishida.
        let f = run(
            "Chinese Foreign Minister Wang Yi spoke. Speaking about Prime Minister Fumio Kishida, China's top diplomat noted that relations were good.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["wang-yi"]);
    }

    #[test]
    fn unknown_officials_with_a_title_are_speakers() {
        let f = run(
            "Foreign ministry spokeswoman Hua Chunying told reporters the visit was private.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["hua-chunying"]);
    }

    #[test]
    fn a_headline_giving_a_persons_words_with_a_possessive_names_the_author() {
        let f = run(
            "Edited Transcript of Minister for Foreign Affairs Dr. Tomas Lindqvist\u{2019}s Radio \
             Interview on Harbour FM, 8 November 2019\n\nAnna Berg (Harbour FM): Good morning and \
             welcome to the programme this morning.\n\nMinister: Thank you, it is a pleasure to \
             be here with you.\n\nAnna Berg: Let us start with trade and the talks.\n",
        );
        assert_eq!(speaker_names(&f)[0], "Tomas Lindqvist", "{:#?}", f.speakers);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.headline-author");
        // A name ending in s takes the apostrophe alone, straight or curly.
        for mark in ["'", "\u{2019}"] {
            let f = run(&format!(
                "Minister of Foreign Affairs Andreas Kyrgias{mark} statement to journalists after the talks\n\nThe talks went on through the day, and more are planned for next week on the island.\n"
            ));
            assert_eq!(speaker_names(&f)[0], "Andreas Kyrgias", "{:#?}", f.speakers);
            assert_eq!(f.speakers.evidence[0].rule, "speaker.headline-author");
        }
        // A country's or a body's statement names no person.
        for headline in [
            "Harbour Republic's Statement on the Border",
            "The European Union's Statement at the Council",
        ] {
            let f = run(&format!(
                "{headline}\n\nThe ministry said on Monday that the border would stay open.\n"
            ));
            assert!(
                !f.speakers
                    .evidence
                    .iter()
                    .any(|e| e.rule == "speaker.headline-author"),
                "{headline}: {:?}",
                f.speakers
            );
        }
    }

    #[test]
    fn a_titled_surname_stands_for_the_whole_name_the_text_gave() {
        // Given in the headline with a middle initial, then as "Ambassador" and the surname
        // (the text-name rule reads this one too; the titled surname must not change it).
        let f = run(
            "US Ambassador Joseph R. Donovan Meets Minister of Foreign Affairs\n\nJAKARTA, \
             April 13 -- The envoy met the minister on Friday.\n\nAfter the meeting, \
             Ambassador Donovan said the talks went well.\n",
        );
        assert_eq!(speaker_names(&f), ["Joseph Donovan"], "{:#?}", f.speakers);
        // Given bare, in a caption under the byline, then with an honorific.
        let f = run(
            "Talks end with positive outcomes\n\nAuthor\nBarry Soper,\nPublish Date\nSat, 22 \
             Oct 2016, 4:04PM\nTevita Lomani with his counterpart this morning.\n\nMr \
             Lomani's been in the country for several days.\n\nMr Lomani confirmed today \
             that the travel ban has been lifted.\n",
        );
        assert_eq!(speaker_names(&f), ["Tevita Lomani"], "{:#?}", f.speakers);
        // A capitalised word opening the sentence is no given name; nor is a title.
        let f = run(
            "Talks end with positive outcomes\n\nYesterday Lomani met his counterpart, and \
             President Lomani spoke.\n\nMr Lomani confirmed today that the travel ban had \
             been lifted.\n",
        );
        assert_eq!(speaker_names(&f), ["Mr Lomani"], "{:#?}", f.speakers);
    }

    #[test]
    fn a_princes_title_and_given_name_stand_for_his_whole_name() {
        // Known: the short form is the known person the whole name's mention found.
        let f = run_builtin(
            "RIYADH, March 3 (SPA) -- Foreign Minister Prince Faisal bin Farhan bin Abdullah \
             on Monday received envoys.\n\nAfterwards, Prince Faisal said the kingdom sought calm.\n",
        );
        assert_eq!(f.speakers.get().unwrap()[0].name, "Faisal bin Farhan");
        // With no title before the whole name, the short form alone leads back to it.
        let f = run_builtin(
            "RIYADH, March 3 (SPA) -- Saudi Arabia's Prince Faisal bin Farhan bin Abdullah \
             on Monday received envoys.\n\nAfterwards, Prince Faisal said the kingdom sought calm.\n",
        );
        assert_eq!(f.speakers.get().unwrap()[0].name, "Faisal bin Farhan");
        assert_eq!(f.speakers.evidence[0].rule, "speaker.short-form");
        // Unknown: the whole name as the text writes it, particles and all.
        let f = run(
            "DOHA, May 2 -- The minister Sheikh Hamad Abdullah Al-Nasser Al-Rashid attended \
             a reception.\n\nIn a speech, Sheikh Hamad expressed thanks for the ties.\n",
        );
        assert_eq!(
            f.speakers.get().unwrap()[0].name,
            "Hamad Abdullah Al-Nasser Al-Rashid"
        );
    }

    #[test]
    fn a_surname_of_several_words_with_a_title_is_the_one_known_bearer() {
        let f = run_builtin(
            "The ministry is in contact with its missions in the region.\n\nSenator Johnson Smith said on Tuesday that communication with the islands was difficult.\n",
        );
        assert_eq!(f.speakers.get().unwrap()[0].name, "Kamina Johnson Smith");
        // A given name and a surname the base does not hold stay as the text writes them.
        let f = run_builtin(
            "The ministry is in contact with its missions.\n\nSenator Adaeze Smith said on Tuesday that communication was difficult.\n",
        );
        assert_eq!(f.speakers.get().unwrap()[0].name, "Adaeze Smith");
    }

    #[test]
    fn only_a_verb_after_its_clause_takes_its_subject_after_it() {
        let f = run("\"The border will stay open,\" concluded Foreign Minister Adaeze Okafor.\n");
        assert_eq!(speaker_names(&f), ["Adaeze Okafor"]);
        // "We … concluded the Forum": the subject stands before the verb.
        let f = run(
            "Foreign Minister Adaeze Okafor arrived on Monday.\n\nWe have just concluded the Okafor visit and the communique is agreed.\n",
        );
        assert!(
            !f.speakers.rests_on("speaker.after-verb"),
            "{:?}",
            f.speakers
        );
        // After a possessive, a verb of saying is an adjective: "Okafor's proposed visit".
        let f = run(
            "Foreign Minister Kofi Mensah said on Monday that the talks covered Foreign Minister Adaeze Okafor's proposed visit to the capital.\n",
        );
        assert_eq!(speaker_names(&f), ["Kofi Mensah"]);
    }

    #[test]
    fn continuation_paragraphs_keep_the_speaker() {
        let f = run(
            "\"The first part of the answer is simple and clear,\" Wang Yi said.\n\n\"And the second part of it is just as simple.\"\n",
        );
        assert_eq!(f.quotes.len(), 2);
        assert_eq!(f.quotes[1].speaker.as_ref().unwrap().id, "wang-yi");
        assert_eq!(f.quotes[1].evidence[0].rule, "quote.continues");
    }

    #[test]
    fn no_speaker_is_an_explicit_unknown() {
        let f = run("The ministry published a statement on its website.\n");
        assert!(!f.speakers.is_known());
        assert_eq!(f.speakers.evidence[0].rule, "speaker.none");
    }

    #[test]
    fn the_last_clause_follows_the_last_comma_semicolon_or_closing_quote() {
        assert_eq!(
            last_clause("In Abuja, Foreign Minister Okafor"),
            " Foreign Minister Okafor"
        );
        assert_eq!(last_clause("\u{201c}No\u{201d} Okafor"), " Okafor");
        assert_eq!(last_clause("talks; \"yes,\" Okafor"), " Okafor");
        assert_eq!(last_clause("Minister Okafor"), "Minister Okafor");
        // A character whose UTF-8 ends in 0x9D ("\u{15d}") is no quotation mark.
        assert_eq!(last_clause("a, Ba\u{15d}ar Okafor"), " Ba\u{15d}ar Okafor");
    }

    #[test]
    fn earlier_statements_are_told_by_the_words_after_the_verb() {
        assert!(earlier_after_verb(" last week that talks would resume."));
        assert!(earlier_after_verb(" EARLIER THIS MONTH, in a letter"));
        assert!(!earlier_after_verb(" on Monday, last week's talks aside"));
        assert!(earlier_after_verb(" \u{e0} la presse days ago"));
        assert!(historical_sentence("In 2019 the minister said", 21));
        assert!(historical_sentence("Talks failed. Last year he said", 27));
        assert!(!historical_sentence("In Moscow the minister said", 23));
        let background = "The two met on Friday. Earlier this week, the president said";
        assert!(historical_sentence(background, background.len() - 4));
        let same_day = "The two met on Friday. Earlier on Friday, the president said";
        assert!(!historical_sentence(same_day, same_day.len() - 4));
        let quoted = "“We will act.” Earlier this month, the president said";
        assert!(historical_sentence(quoted, quoted.len() - 4));
        let previously = "Previously, the spokesman said";
        assert!(historical_sentence(previously, previously.len() - 4));
        assert_eq!(first_chars("caf\u{e9}s", 4), "caf\u{e9}");
    }

    #[test]
    fn quote_spans_pair_straight_and_curly_marks() {
        assert_eq!(
            quote_spans("a \"b c\" d \u{201c}e\u{201d}"),
            vec![(3, 6), (13, 14)]
        );
        assert_eq!(quote_spans("\"open to the end"), vec![(1, 16)]);
        assert_eq!(
            quote_spans("\u{ab}Non\u{bb}, dit-il, \u{201c}caf\u{e9}\u{201d} \u{2018}x\u{2019}"),
            vec![(2, 5), (20, 25)]
        );
    }

    fn speaker_names(f: &PeopleFacts) -> Vec<String> {
        f.speakers
            .value
            .iter()
            .flatten()
            .map(|p| p.name.clone())
            .collect()
    }

    #[test]
    fn officials_the_base_does_not_hold_speak_by_title_surname_and_clause() {
        // The full name once, with its title, as the subject of "held talks"; the statement
        // carried by the surname.
        let f = run(
            "ABUJA, March 3 - Nigeria's Foreign Minister Adaeze Okafor held talks with her Ghanaian counterpart on Monday.\n\nThe talks were frank, Okafor told reporters after the meeting.\n",
        );
        assert_eq!(speaker_names(&f), ["Adaeze Okafor"]);
        // A bare name opening its clause is a person; an institution is not.
        let f = run(
            "Iran will not return to the table under pressure, Ramin Tabrizi said on Tuesday.\n\nThe White House said it had seen the remarks.\n",
        );
        assert_eq!(speaker_names(&f), ["Ramin Tabrizi"]);
        // After the quotation it attributes, closed by its comma and mark.
        let f = run(
            "Leaders condemned the wave of coups on Sunday. \u{201c}Every leader condemned the pattern of unconstitutional changes,\u{201d} Kwame Adeyemi told a press conference.\n",
        );
        assert_eq!(speaker_names(&f), ["Kwame Adeyemi"]);
        // "The spokeswoman said" before anyone has spoken: the person the text gave that title.
        let f = run(
            "Spokeswoman Amina Diallo briefed reporters in Dakar.\n\nThe spokeswoman said the border would reopen.\n",
        );
        assert_eq!(speaker_names(&f), ["Amina Diallo"]);
    }

    #[test]
    fn another_transliteration_of_a_known_name_is_that_person() {
        let f = run_builtin(
            "Palestinian Foreign Minister Riad al-Maleki condemned the raid on Monday.\n\nMaleki told reporters the raid was a violation of international law.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["riyad-al-maliki"]);
    }

    #[test]
    fn the_day_between_subject_and_verb_is_passed_over() {
        // A lead that names no one, then the spokesperson with the day before the verb.
        for day in [
            "on Wednesday",
            "late on Friday night",
            "yesterday",
            "on Monday morning",
        ] {
            let f = run(&format!(
                "BANGKOK, April 24 \u{2013} The ministry says the situation at the border has improved.\n\nSpokesperson of the Ministry of Foreign Affairs Kanya Srisuk {day} stated that the situation remained uncertain.\n"
            ));
            assert_eq!(speaker_names(&f), ["Kanya Srisuk"], "{day}");
            assert_eq!(f.speakers.evidence[0].rule, "speaker.text-name", "{day}");
        }
        // A day that is the object's, not the subject's, leaves the subject as it was.
        assert_eq!(without_time_of_day("the talks on Wednesday"), "the talks");
        assert_eq!(without_time_of_day("Wednesday"), "Wednesday");
        assert_eq!(without_time_of_day("the minister"), "the minister");
    }

    #[test]
    fn a_known_name_misspelt_by_one_letter_is_that_person() {
        // A swap of two letters, a letter typed for another, a lost letter.
        for (text, want) in [
            (
                "Turkish Foreign Minister Melvut Cavusoglu said on Monday that the talks had been useful.\n",
                "mevlut-cavusoglu",
            ),
            (
                "German Foreign Minister Heiko Mass said on Monday that the talks had been useful.\n",
                "heiko-maas",
            ),
            (
                "South Korean Foreign Minister Yun Byun-se said on Monday that the talks had been useful.\n",
                "yun-byung-se",
            ),
        ] {
            let f = run_builtin(text);
            assert_eq!(ids(f.speakers.get().unwrap()), vec![want], "{text}");
        }
        // Two slips from a known name is someone else.
        let f = run_builtin(
            "Foreign Minister Heiko Muss said on Monday that the talks had been useful.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["heiko-muss"]);
    }

    #[test]
    fn a_title_and_a_known_surname_are_that_person() {
        let run = run_builtin;
        let f = run(
            "Speaking after the talks with his counterpart, MFA Bourita said that relations rest on a solid partnership.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["nasser-bourita"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.titled-surname");
        // A surname the base does not hold for that office is not guessed.
        let f = run("After the talks, FM Quenneville said that relations were strong.\n");
        assert!(
            !f.speakers.rests_on("speaker.titled-surname"),
            "{:?}",
            f.speakers
        );
    }

    #[test]
    fn a_title_and_a_known_surname_with_particles_are_that_person() {
        let run = run_builtin;
        // The surname the base writes with lower-case particles; the title a shortening of
        // the office's ("Commission President" for "President of the European Commission").
        let f = run(
            "BRUSSELS, Oct 3 - Commission President von der Leyen told reporters on Thursday that the bloc would keep its tariffs in place until the talks ended.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["ursula-von-der-leyen"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.titled-surname");
        // A title that none of that person's offices bears names no one.
        let f = run(
            "BRUSSELS, Oct 3 - Ambassador von der Leyen told reporters on Thursday that the talks would go on.\n",
        );
        assert!(
            !f.speakers.rests_on("speaker.titled-surname"),
            "{:?}",
            f.speakers
        );
        // A headline presents the text as hers by title and surname.
        let f = run(
            "Opening remarks by President von der Leyen at the press conference following the summit\n\nLet me start by thanking the Presidency for a year of work on the files that matter most to our citizens.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["ursula-von-der-leyen"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.headline-author");
    }

    #[test]
    fn an_office_with_its_article_is_no_unknown_person() {
        let f = run(
            "Readout of the call with the prime minister-designate\n\nPresident Wellerby called Dr. Amal Rashed today to congratulate her on her appointment as the Prime Minister-designate.  The President expressed his support for the formation of a new government.\n",
        );
        assert!(
            !speaker_names(&f)
                .iter()
                .any(|n| n.eq_ignore_ascii_case("the president")),
            "{:?}",
            speaker_names(&f)
        );
        // A name the base does not hold still is one.
        let f = run(
            "Call with the prime minister-designate\n\nThe leader called the prime minister-designate today.  The President said he supported the formation of a new government, Tomas Wellerby said.\n",
        );
        assert_eq!(speaker_names(&f), ["Tomas Wellerby"]);
    }

    #[test]
    fn a_parliaments_record_names_its_speaker_on_a_line_over_the_speech() {
        let record = |answer: &str| {
            run_builtin(&format!(
                "Oral Answers to Questions\n\nForeign Office\n\nMr Tom Baker (Portville North) (Lab)\n\n1. What recent assessment he has made of the situation in the region.\n\nThe Secretary of State for Foreign Affairs (Mr Jeremy Hunt) - Hansard - Excerpts\n\n{answer}\n\nMr Baker\n\nWill the Secretary of State meet me to discuss it?\n"
            ))
        };
        let f = record(
            "We remain deeply concerned by the situation in the region, and we continue to work with our partners in the Security Council to bring about a lasting settlement that protects civilians and restores order.",
        );
        assert_eq!(speaker_names(&f), ["Jeremy Hunt"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.record-line");
        // A short reply under the line is no statement to name its speaker by.
        let f = record("I would be delighted to meet him.");
        assert!(
            !f.speakers.rests_on("speaker.record-line"),
            "{:?}",
            f.speakers
        );
    }

    #[test]
    fn a_record_line_glued_to_its_photos_alt_text_still_names_the_speaker() {
        let f = run_builtin(
            "Written answers\n\nDepartment of Foreign Affairs\n\nPhoto of Tom BakerTom Baker (Portville North, Labour)\n\nQuestion 12: To ask the Minister for Foreign Affairs if he will report on his recent visit.\n\nPhoto of Simon CoveneySimon Coveney (Cork South Central, Fine Gael)\n\nI completed a very constructive visit to the region last week, my second as Minister, and met the leaders of the three countries I visited to discuss the peace process.\n",
        );
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Simon Coveney"),
            "{:?}",
            f.speakers.evidence
        );
        assert_eq!(f.speakers.evidence[0].rule, "speaker.record-line");
    }

    #[test]
    fn a_bare_name_after_an_inverted_verb_is_the_speaker() {
        // The European order, the quotation mark before the comma.
        let f = run(
            "President visits neighbour\n\nOn his first visit as president, the leader did not hide his disappointment.\n\n\u{201c}We spent years trying to convince our friends. This region must not be forgotten\u{201d}, said Marko Jovanovski.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["marko-jovanovski"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.unknown-name");
        // The name may run on into a lower-case clause.
        let f = run(
            "Talks resume\n\n\"The corridor must stay open,\" said Ana Kovac on Monday, adding that aid was waiting at the border.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["ana-kovac"]);
        // An institution, a lower-case subject, or a name cut by a line end is no person.
        for text in [
            "Talks resume\n\n\"The corridor must stay open,\" said Foreign Ministry officials.\n",
            "Talks resume\n\n\"The corridor must stay open,\" said the spokesman for the agency.\n",
            "More news\n\nAid is blind to race, says Anwar\nMelaka shop fined for hoarding vegetables\n",
        ] {
            let f = run(text);
            assert!(
                !f.speakers.rests_on("speaker.unknown-name"),
                "{text}: {:?}",
                f.speakers
            );
        }
    }

    #[test]
    fn a_name_before_an_apposition_saying_whom_the_person_speaks_for_is_the_speaker() {
        // A briefing note's "X, for the agency, said"; a statement read out.
        for text in [
            "Briefing\n\n20 July 2018\n\nAna Kovac, for the Refugee Agency (UNHCR), said the agency urged all parties to provide safe passage to civilians.\n",
            "Briefing\n\n20 July 2018\n\nAna Kovac, for the Refugee Agency (UNHCR), read the following statement:\n\n\u{201c}The agency urges all parties to provide safe passage to civilians.\u{201d}\n",
        ] {
            let f = run(text);
            assert_eq!(ids(f.speakers.get().unwrap()), vec!["ana-kovac"], "{text}");
        }
        // Titles before the apposition are no name; nor is a list of people before
        // "according to".
        let f = run(
            "Talks\n\nDeputy Prime Minister, Foreign and Expatriates Minister Tarek Haddad, said that interference hinders a solution.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["tarek-haddad"]);
        let f = run(
            "Delegation\n\nThe delegation includes education minister Yusuf Hamdani, trade minister Bima Santoso and fisheries minister Sarwo Kusuma, according to an embassy official.\n",
        );
        assert!(
            !f.speakers.rests_on("speaker.unknown-name")
                && !f.speakers.rests_on("speaker.subject-apposition"),
            "{:?}",
            f.speakers
        );
    }

    #[test]
    fn a_single_label_naming_a_known_person_opens_a_transcript() {
        let text = "State defends delisting of the rebels\n\nThe department is defending its delisting of the rebels as a terrorist group. (Feb. 8)\n\nVideo Transcript\n\nNED PRICE: This intent to revoke that designation has nothing to do with our view of the rebels and their conduct, including attacks against civilians.\n\nOur planned action is due to the humanitarian consequences of this last-minute designation.\n";
        let f = run_builtin(text);
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Ned Price")
        );
        // A name the base does not hold, labelled once and with no title, is not enough.
        let f = run_builtin(&text.replace("NED PRICE", "TOM WELLERBY"));
        assert!(speaker_names(&f).is_empty(), "{:?}", speaker_names(&f));
    }

    #[test]
    fn transcript_labels_confirm_a_name_a_title_cased_headline_gives() {
        let f = run_builtin(
            "Joint Press Availability With Indonesian Foreign Minister Retno Marsudi\n\nMODERATOR:  Ladies and gentlemen, the joint press availability will now start.\n\nFOREIGN MINISTER MARSUDI:  Excellency, colleagues from the media, ladies and gentlemen, welcome to Jakarta.\n\nSECRETARY BROOKS:  Thank you very much.\n\nFOREIGN MINISTER MARSUDI:  It is always an honor to have you back in our country after your last visit.\n",
        );
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Retno Marsudi")
        );
        assert_eq!(f.speakers.evidence[0].rule, "speaker.transcript-label");
    }

    #[test]
    fn a_surname_label_is_the_whole_name_the_page_writes_it_in() {
        let body = "MR. HALVORSEN: Good afternoon, everybody. The President spoke this morning with the Prime Minister.\n\nQ: Did they discuss the ceasefire?\n\nMR. HALVORSEN: They did, and they agreed to talk again next week.\n";
        let f = run_builtin(&format!(
            "For Immediate Release\n\nPress Gaggle by Tomas Halvorsen\nAboard the Aircraft\n\n{body}"
        ));
        assert_eq!(speaker_names(&f), ["Tomas Halvorsen"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.transcript-label");
        // Without the whole name on the page, the label stands as written.
        let f = run_builtin(&format!("For Immediate Release\n\nPress Gaggle\n\n{body}"));
        assert_eq!(speaker_names(&f), ["Halvorsen"]);
    }

    #[test]
    fn a_headline_closing_on_a_known_person_and_speaks_gives_their_words() {
        let body = "\n\nLet me start with a word on the presidency as it draws to a close. It was challenging, but you delivered on many files.\n";
        let f = run_builtin(&format!(
            "Leaders' Post-Summit Briefing: Von Der Leyen Speaks{body}"
        ));
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Ursula von der Leyen"),
            "{:?}",
            f.speakers.evidence
        );
        assert_eq!(f.speakers.evidence[0].rule, "speaker.headline-author");
        // A name the base does not know, or a place, is no one's words.
        for headline in [
            "Leaders' Post-Summit Briefing: Harbour Speaks",
            "Post-Summit Briefing: Tendai Moyo Speaks",
        ] {
            let f = run_builtin(&format!("{headline}{body}"));
            assert!(
                !f.speakers.rests_on("speaker.headline-author"),
                "{headline}: {:?}",
                f.speakers.evidence
            );
        }
    }

    #[test]
    fn a_headlines_titled_surname_ends_before_the_words_after_it() {
        let f = run_builtin(
            "Address by Minister Joly to Portville Chamber of Commerce\n\nCheck Against Delivery\n\nI am honoured to be with you today in Portville, and to speak about the partnership between our two countries and what it has achieved over the past year.\n",
        );
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Mélanie Joly"),
            "{:?}",
            f.speakers.evidence
        );
        assert_eq!(f.speakers.evidence[0].rule, "speaker.headline-author");
    }

    #[test]
    fn a_headline_printed_twice_is_no_transcripts_two_turns() {
        let text = "Harbour\u{2019}s FM: talks with the neighbours became frank and useful at last\n\nVisits: 430\nHarbour\u{2019}s FM: talks with the neighbours became frank and useful at last\nHarbour\u{2019}s Foreign Minister Tendai Moyo\nPortville-Staff Reporter\n\nHarbour\u{2019}s Foreign Minister Tendai Moyo stressed on Saturday that the talks had been frank.\n";
        // The headline's repeat runs into the photo's caption under it.
        let f = run(text);
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Tendai Moyo"),
            "{:?}",
            f.speakers.evidence
        );
        assert!(!f.speakers.rests_on("speaker.transcript-label"));
    }

    #[test]
    fn a_short_turn_under_a_known_persons_label_counts_in_a_transcript() {
        let text = "Europe's place in the world\n\nINTERVIEWER: Good afternoon everyone, and welcome to this discussion on the continent and its neighbours.\n\nSERGEY LAVROV: Good afternoon, everybody.\n";
        let f = run_builtin(text);
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Sergey Lavrov")
        );
        assert_eq!(f.speakers.evidence[0].rule, "speaker.transcript-label");
        // Without a questioner's label the text is no transcript: a short line is no turn.
        let f = run_builtin(&text.replace("INTERVIEWER", "Welcome"));
        assert!(!f.speakers.rests_on("speaker.transcript-label"));
    }

    #[test]
    fn a_transcript_label_of_an_initial_and_a_surname_is_the_known_person_it_fits() {
        let text = "Remarks to the press after the ministerial meeting\n\nS. LAVROV: Good afternoon. We have had a long and useful day of talks here.\n\nQUESTION: Will there be another round soon?\n\nS. LAVROV: We are ready to meet again whenever our partners are ready too.\n";
        let f = run_builtin(text);
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Sergey Lavrov")
        );
        assert_eq!(f.speakers.evidence[0].rule, "speaker.transcript-label");
        // An initial that fits no known bearer of the surname names someone unknown.
        let f = run_builtin(&text.replace("S. LAVROV", "Q. LAVROV"));
        assert_ne!(
            speaker_names(&f).first().map(String::as_str),
            Some("Sergey Lavrov")
        );
        // Without the initial's full stop, two capitals are no initial and a name.
        let f = run_builtin(&text.replace("S. LAVROV", "S LAVROV"));
        assert!(!f.speakers.rests_on("speaker.transcript-label"));
    }

    #[test]
    fn of_two_people_sharing_a_verb_the_first_named_leads() {
        let f = run(
            "Ministers meet\n\nWang Yi and Yoko Kamikawa said on Saturday that they knew nothing of any new proposal.\n\nKamikawa added that the talks had been frank.\n",
        );
        assert_eq!(
            ids(f.speakers.get().unwrap()),
            vec!["wang-yi", "yoko-kamikawa"]
        );
        // Two names the base does not hold, titled once each.
        let f = run(
            "Ministers meet\n\nForeign Minister Tendai Moyo held talks with Junior Minister Alan Pryce-Jones in the capital.\n\nMinisters Moyo and Pryce-Jones welcomed the engagement between their countries after a long stand-off.\n",
        );
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Tendai Moyo")
        );
        // One person before the verb is that person, whatever stands before "and".
        let f = run(
            "Ministers meet\n\nTrade and Yoko Kamikawa said on Saturday that the talks had been frank.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["yoko-kamikawa"]);
    }

    #[test]
    fn a_hyphenated_title_before_a_name_makes_it_a_speaker() {
        let f = run(
            "Statement on the decision\n\nCommonwealth Secretary-General Ana Torres said:\n\n\u{201c}I have received news that the government has today decided to leave the association.\u{201d}\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["ana-torres"]);
    }

    #[test]
    fn words_as_delivered_by_a_titled_envoy_are_that_envoy_s() {
        let f = run(
            "Statement on the Report of the Chair\n\nAs delivered by Charg\u{e9} d\u{2019}Affaires Miriam Holloway\nto the Permanent Council, Vienna\nJune 8, 2023\n\nAs we have said before, the decision to wage a war of aggression against a neighbour is a step without precedent in the history of this organisation.\n",
        );
        assert_eq!(ids(f.speakers.get().unwrap()), vec!["miriam-holloway"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.headline-author");
        // A surname that is also a country's adjective.
        let f = run_builtin(
            "Statement on the Report of the Chair\n\nAs delivered by Ambassador Charlotte French\nto the Permanent Council, Vienna\nJune 8, 2023\n\nAs we have said before, the decision to wage a war of aggression against a neighbour is a step without precedent in the history of this organisation.\n",
        );
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Charlotte French")
        );
    }

    #[test]
    fn a_transcript_label_s_surname_is_the_known_person_its_title_fits() {
        let run = run_builtin;
        let f = run(
            "Press Conference by the Chief Cabinet Secretary\n\nCHIEF CABINET SECRETARY SUGA: Firstly, I have one announcement to make regarding the visit.\n\nREPORTER: Can you confirm the date of the visit?\n\nCHIEF CABINET SECRETARY SUGA: I have nothing more to add to what the Prime Minister stated.\n",
        );
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Yoshihide Suga")
        );
        // A surname no known person bears stays as the text writes it.
        let f = run(
            "Briefing\n\nMR HALVORSEN: Good afternoon. I have one announcement to make today.\n\nQUESTION: Can you confirm the date of the visit?\n\nMR HALVORSEN: We will release information in due course.\n",
        );
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Halvorsen")
        );
    }

    #[test]
    fn a_title_case_headline_s_verb_is_not_part_of_the_name() {
        let f = run(
            "Special Envoy Amadou Keita Briefs the Security Council\n\nSpecial Envoy Amadou Keita Briefs the Security Council on the talks in Geneva, which he said had made progress.\n",
        );
        assert!(
            speaker_names(&f).iter().all(|n| !n.contains("Briefs")),
            "{:?}",
            speaker_names(&f)
        );
    }

    #[test]
    fn a_transcripts_labels_name_its_main_speaker() {
        let f = run(
            "Spokesperson Lin Hao's Regular Press Conference\n\nLin Hao: Good afternoon. I have one announcement to make today.\n\nXinhua: The minister said talks would go on. Can you confirm that?\n\nLin Hao: We have noted the reports and will release information in due course.\n",
        );
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Lin Hao")
        );
        let e = &f.speakers.evidence[0];
        assert_eq!(e.rule, "speaker.transcript-label");
    }

    #[test]
    fn a_broadcasts_anchor_is_no_transcript_speaker() {
        let f = run(
            "Harbour TV Newsroom\n\nADA OKAFOR, HARBOUR TV ANCHOR (voice-over): Welcome. Ahead this hour, the president's visit to the capital.\n\nFOREIGN MINISTER LIN HAO: We have agreed to resume the border talks next month.\n",
        );
        assert_ne!(
            speaker_names(&f).first().map(String::as_str),
            Some("Ada Okafor"),
            "{:?}",
            f.speakers
        );
    }

    #[test]
    fn a_headline_naming_its_subject_before_a_colon_is_no_transcript_label() {
        let f = run(
            "Minister Tomas Lind: Country Backs the Talks\n\nOslo - Foreign Minister Anna Berg said on Tuesday that the country backs the talks, and Tomas Lind agreed.\n",
        );
        assert_eq!(
            speaker_names(&f).first().map(String::as_str),
            Some("Anna Berg"),
            "{:?}",
            f.speakers
        );
    }

    #[test]
    fn with_no_statement_the_person_the_opening_is_about_leads() {
        let f = run(
            "Deputy Foreign Minister Tomas Lindqvist attended the regional meeting in Riga and held talks with the hosts on energy and transport links.\n",
        );
        assert_eq!(speaker_names(&f), ["Tomas Lindqvist"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.lead-actor");
        // A text that names nobody still has no speaker.
        let f = run(
            "The talks ended without an agreement after two days of meetings in the capital.\n",
        );
        assert!(!f.speakers.is_known());
    }

    #[test]
    fn a_president_heading_the_government_is_not_the_prime_minister() {
        let f = run_builtin(
            "The Prime Minister spoke to President-elect Donald Trump this afternoon from Downing Street.\n",
        );
        // The one spoken to may still lead as the only person named, but not as the PM.
        assert!(!f.speakers.rests_on("speaker.role"), "{:?}", f.speakers);
    }

    #[test]
    fn a_name_set_off_by_commas_before_the_verb_speaks() {
        // Known to the base, and named only by the text.
        let f = run_builtin(
            "In his speech, the president of the European Council, António Costa, said that the treaty reaffirms the belief in fair trade.\n",
        );
        assert_eq!(speaker_names(&f), ["António Costa"]);
        let f = run(
            "Spokesman Tomas Lindqvist opened the weekly briefing at noon.\n\nAsked about the talks, the ministry's spokesman, Tomas Lindqvist, said that they would resume.\n",
        );
        assert_eq!(speaker_names(&f), ["Tomas Lindqvist"]);
    }

    #[test]
    fn the_one_informed_or_told_is_no_speaker() {
        // After "informed" stands the one spoken to; after "said", the speaker.
        let f = run(
            "President Maris Ozols of Latvia informed Ambassador Tomas Lindqvist of the resumed dialogue.\n\nThe talks will resume next week, said Deputy Minister Anna Berzina.\n",
        );
        assert_eq!(speaker_names(&f), ["Anna Berzina"]);
        // A capitalised verb is part of a name: "Member States" says nothing.
        let f = run(
            "Associate Member States Deputy Premier Tomas Lindqvist attended the meeting of the council in the capital.\n",
        );
        assert!(
            !f.speakers.rests_on("speaker.after-verb"),
            "{:?}",
            f.speakers
        );
    }

    #[test]
    fn a_lone_label_naming_a_place_is_a_dateline() {
        let kb = Knowledge::builtin();
        let doc = clean_str(
            "p.txt",
            "TOKYO CITY, Oct 26: The foreign minister attended a reception at the embassy on Tuesday and spoke of the ties.\n",
        );
        let body: Vec<usize> = (0..doc.blocks.len()).collect();
        let f = infer_people(&doc, kb, &body);
        assert!(
            !f.speakers.rests_on("speaker.transcript-label"),
            "{:?}",
            f.speakers
        );
        // "Briefing by Indian External Affairs Minister": an office, no author's name.
        let doc = clean_str(
            "p.txt",
            "Briefing by Indian External Affairs Minister on One Year in Government\n\nThe minister spoke to reporters about the year in office and the plans for the next.\n",
        );
        let body: Vec<usize> = (1..doc.blocks.len()).collect();
        let f = infer_people(&doc, kb, &body);
        assert!(
            !f.speakers.rests_on("speaker.headline-author"),
            "{:?}",
            f.speakers
        );
    }

    #[test]
    fn background_statements_and_key_points_leave_the_lead_actor_leading() {
        // The page's key points come before the story; a statement "earlier this week" is
        // background. The call's host is the article's main actor.
        let f = run(concat!(
            "- Ministers review the crisis and the ceasefire talks in detail.\n\n",
            "Foreign Minister Tomas Lindqvist held a phone call with his Latvian counterpart on Friday to discuss the crisis.\n\n",
            "The two sides reviewed efforts to secure a ceasefire.\n\n",
            "Earlier this week, President Maris Ozols said that he had begun an initiative of his own.\n",
        ));
        assert_eq!(speaker_names(&f), ["Tomas Lindqvist"]);
        assert_eq!(f.speakers.evidence[0].rule, "speaker.lead-actor");
        // Said on the story's own day, the same words make the president the speaker.
        let f = run(concat!(
            "Foreign Minister Tomas Lindqvist held a phone call with his Latvian counterpart on Friday to discuss the crisis.\n\n",
            "Later on Friday, President Maris Ozols said that he had begun an initiative of his own.\n",
        ));
        assert_eq!(speaker_names(&f), ["Maris Ozols"]);
    }

    #[test]
    fn officials_of_newly_listed_states_speak_with_their_role() {
        let kb = Knowledge::builtin();
        let code = |w: &str| kb.country_by_word(w).map(|c| kb.countries[c].code.as_str());
        assert_eq!(code("Samoan"), Some("WS"));
        assert_eq!(code("Nuku\u{2019}alofa"), Some("TO"));
        assert_eq!(code("Burkinab\u{e8}"), Some("BF"));
        assert_eq!(code("Nigerien"), Some("NE"));
        assert_eq!(code("Nigerian"), Some("NG"));
        let f = run_builtin(
            "APIA, May 3 (Reuters) - Samoan Prime Minister Tala Ofa said on Tuesday that the Pacific leaders would meet again next year.\n",
        );
        assert_eq!(speaker_names(&f), ["Tala Ofa"]);
        assert!(
            f.speakers.evidence[0]
                .note
                .contains("samoan prime minister"),
            "{:?}",
            f.speakers.evidence
        );
        // "Guinea" closes "Papua New Guinea": the longer name gives the country.
        let toml = r#"
[[office]]
id = "head-of-government"
phrases = ["prime minister"]
[[country]]
code = "GN"
name = "Guinea"
adjectives = ["Guinean"]
[[country]]
code = "PG"
name = "Papua New Guinea"
adjectives = ["Papua New Guinean"]
[[person]]
id = "kila-avea"
name = "Kila Avea"
surname = "Avea"
country = "PG"
source = "test"
[[person.office]]
office = "head-of-government"
country = "PG"
title = "Prime Minister"
start = 2019-05-30
"#;
        let kb = Knowledge::new(toml::from_str(toml).unwrap());
        let doc = clean_str(
            "p.txt",
            "PORT MORESBY, May 3 - Papua New Guinea Prime Minister Kila Avea said the talks had gone well.\n",
        );
        let body: Vec<usize> = (0..doc.blocks.len()).collect();
        let f = infer_people(&doc, &kb, &body);
        let role = f.mentions[0].role.as_ref().expect("a role");
        assert_eq!(
            role.country.map(|c| kb.countries[c].code.as_str()),
            Some("PG")
        );
    }

    #[test]
    fn a_country_that_is_also_a_given_name_opens_a_persons_name() {
        let kb = Knowledge::builtin();
        // "Chad" names the country, but "Chad Miller" is a person.
        assert!(kb.country_by_word("Chad").is_some());
        let f = run_builtin(
            "The ceasefire must hold, Chad Miller said on Tuesday after the meeting in N'Djamena.\n",
        );
        assert_eq!(speaker_names(&f), ["Chad Miller"]);
        // The country alone, or a name it closes, is still no person.
        let f = run_builtin("The border will stay closed, Chad said on Tuesday.\n");
        assert!(!f.speakers.is_known(), "{:?}", f.speakers.value);
        // Capitals left out as common words or given names name no country.
        for w in ["Male", "male", "Victoria", "Trinidad", "San Jose"] {
            assert!(kb.country_by_word(w).is_none(), "{w}");
        }
        let f = run_builtin(
            "The talks were useful, Victoria Nuland said on Tuesday after meeting officials in Mahe.\n",
        );
        assert_eq!(speaker_names(&f), ["Victoria Nuland"]);
    }

    #[test]
    fn a_country_read_into_the_front_of_a_titled_name_is_the_posts() {
        // The country's name, or the last word of one, between the title and the name.
        for (text, want) in [
            (
                "WASHINGTON, June 7 -- Freedonian Ambassador to the United States Anka Movar said here Wednesday that trade would recover.\n",
                "Anka Movar",
            ),
            (
                "At the summit on 26 June, the Vanuatu Prime Minister Vanuatu Lemi Tavoa said the group would admit no new members.\n",
                "Lemi Tavoa",
            ),
        ] {
            assert_eq!(speaker_names(&run_builtin(text)), [want], "{text}");
        }
        // A given name that is also a country's opens the name it is in.
        let f = run_builtin(
            "The ceasefire must hold, Foreign Minister Chad Anka Miller said on Tuesday.\n",
        );
        assert_eq!(speaker_names(&f), ["Chad Anka Miller"]);
    }

    #[test]
    fn countries_and_title_cased_headlines_are_not_people() {
        let doc = clean_str(
            "p.txt",
            "Spokesman Denounces Envoy Remarks\n\nThe talks will not resume, North Korea said on Thursday.\n",
        );
        let body: Vec<usize> = (0..doc.blocks.len()).collect();
        let f = infer_people(&doc, Knowledge::builtin(), &body);
        assert!(
            !f.speakers.is_known(),
            "{:?} {:?}",
            f.speakers.value,
            f.speakers.evidence
        );
        // A title-cased headline names nobody; the story's title and name do.
        let f = run(
            "Minister Okafor Holds Talks In Accra\n\nForeign Minister Adaeze Okafor held talks with her counterpart in Accra on Monday.\n",
        );
        assert_eq!(speaker_names(&f), ["Adaeze Okafor"]);
        // An apposition misread around a country's name gives it no person's title.
        let doc = clean_str(
            "p.txt",
            "Ministers meet in New York\n\nThe session included speeches by the Minister of \
             Foreign Affairs of Saudi Arabia, Dr. Amal Rashed, and the chair of the council.\n\n\
             The Secretary-General thanked the Kingdom of Saudi Arabia according to the \
             directions of its leaders.\n",
        );
        let body: Vec<usize> = (0..doc.blocks.len()).collect();
        let f = infer_people(&doc, Knowledge::builtin(), &body);
        assert!(
            !speaker_names(&f).contains(&"Saudi Arabia".to_string()),
            "{:?}",
            f.speakers
        );
    }
}
