//! The static search index: written at build time from the timeline already in memory, read by
//! the theme's `static/search.js` in the reader's browser. No server, no HTML re-parsing.
//!
//! The index is sharded so that a search loads only what its words need, whatever the size of
//! the site (a single index file would make a 100 000-article site unusable on a phone):
//!
//! - `search/meta.json` — small and loaded first: the format version, the document count, the
//!   tokeniser's settings (`prefix`, `split`, `stop`), the shards that exist (so the browser
//!   never asks for a missing one), the chunk size, and the facets (topics,
//!   speakers, sources: `[slug, name, count]`).
//! - `search/t/<key>.json` — term shards: `{ "term": "postings" }`, every term whose first two
//!   characters are `key` (three for the few prefixes listed in `split`, whose two-character
//!   shard would be too large). A term's postings are its documents, ascending, each with a
//!   weight: the term's count in the body plus [`TITLE_BOOST`] for each occurrence in the
//!   title. Each document is written as its gap from the one before (the first as itself,
//!   [`gaps`]), and the postings as a string of base-32 numbers ([`encode_postings`]): a common
//!   term's posting is then mostly one character, where `[gap, weight]` numbers took four.
//! - `search/f/<kind>/<slug>.json` — facet lists: the documents of a topic, speaker or source,
//!   ascending and written as gaps too, loaded only when a reader filters by it.
//! - `search/d/<n>.json` — document chunks of [`CHUNK`] documents, loaded only for the results
//!   shown: `[title, slug, date iso, date shown, excerpt, outlet, [topic], [speaker], [source]]`
//!   with facets as indexes into `meta.json`'s lists; the page is `articles/<slug>/index.html`.
//!
//! Documents are numbered in timeline order (oldest statement first), which is also the order of
//! equally ranked results. Building is one pass over the text (linear in corpus size); shard keys
//! are computed by [`shard_key`], mirrored exactly by the JavaScript.
//!
//! A rebuild after a few edits patches the previous index instead ([`IndexState`], kept with the
//! page manifest): only the shards holding the edited documents' old or new terms and the
//! chunks holding their records are rewritten, every other file is linked, and the result is the
//! index a whole build would write, byte for byte.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;
use std::path::Path;

use rayon::prelude::*;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::model::ModelBuilder;
use crate::diagnostics::Diagnostic;
use crate::order::Timeline;

/// The index format; `search.js` refuses an index of another version.
pub const VERSION: u32 = 3;
/// Documents per chunk file.
pub const CHUNK: usize = 500;
/// The characters that name a term shard.
pub const PREFIX: usize = 2;
/// A two-character shard with more postings than this is split by three characters.
pub const SPLIT_POSTINGS: usize = 40_000;
/// Weight of one occurrence of a term in the title, against 1 in the body.
pub const TITLE_BOOST: u32 = 10;
/// Words too common to index (the browser drops them from queries too).
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "in",
    "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will",
    "with",
];

/// Splits text into index terms: lower-cased runs of letters and digits, at least two
/// characters, stop words removed. `search.js` tokenises queries the same way.
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    terms_in(text).map(Cow::into_owned)
}

/// [`terms`], borrowing the words that are already lower case (most of a text).
fn terms_in(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
        .filter(|w| !is_stop_word(w))
}

/// Whether `w` is one of [`STOP_WORDS`] (none longer than five bytes). Length and first
/// byte rule out nearly every word before any string comparison.
fn is_stop_word(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() <= 5
        && STOP_WORDS
            .iter()
            .any(|s| s.len() == b.len() && s.as_bytes()[0] == b[0] && s.as_bytes() == b)
}

/// The file name of the shard holding terms that start with `prefix`: ASCII letters and digits
/// as they are, anything else as its code point in hex between underscores (`л` is `_43b_`), so names are safe on any host.
pub fn shard_key(prefix: &str) -> String {
    let mut key = String::new();
    for c in prefix.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            key.push(c);
        } else {
            key.push_str(&format!("_{:x}_", c as u32));
        }
    }
    key
}

fn prefix_of(term: &str, n: usize) -> &str {
    match term.char_indices().nth(n) {
        Some((i, _)) => &term[..i],
        None => term,
    }
}

/// term -> postings (doc, weight), docs ascending.
type Postings = HashMap<String, Vec<(u32, u32)>, BuildHasherDefault<seahash::SeaHasher>>;

/// Documents per parallel run of [`write_index`].
const RUN: usize = 256;
/// Runs read in parallel before their postings are merged.
const BATCH: usize = 16;

/// Document `doc`'s distinct terms with their weights, sorted by term, and its list entry.
fn weighted_terms<'a>(
    a: &'a crate::infer::Article,
    body: &'a [crate::infer::BodyBlock],
    e: &'a super::model::EntryCx,
) -> Vec<(Cow<'a, str>, u32)> {
    // The document's words with their weights, sorted to count each term once.
    let mut words: Vec<(Cow<'_, str>, u32)> = Vec::with_capacity(1024);
    let mut add = |text, weight| words.extend(terms_in(text).map(|t| (t, weight)));
    add(&e.title, TITLE_BOOST);
    for b in body {
        add(&b.text, 1);
    }
    if body.is_empty() {
        add(&a.summary, 1);
    }
    for l in e.speakers.iter().chain(&e.topics) {
        add(&l.name, 1);
    }
    for l in e.outlet.iter().chain(&e.agency) {
        add(&l.name, 1);
    }
    if let Some(d) = &e.dateline {
        add(d, 1);
    }
    words.sort_unstable_by(|x, y| x.0.cmp(&y.0));
    let mut merged: Vec<(Cow<'a, str>, u32)> = Vec::with_capacity(words.len());
    for (term, weight) in words {
        match merged.last_mut() {
            Some(last) if last.0 == term => last.1 += weight,
            _ => merged.push((term, weight)),
        }
    }
    merged
}

/// Document `doc`'s search record: `[title, slug, date iso, date shown, excerpt, outlet,
/// [topic], [speaker], [source]]`, facets as indexes into `ix`.
fn record(e: &super::model::EntryCx, ix: &[HashMap<String, usize>; 3]) -> Value {
    let ids = |links: &[super::model::LinkCx], ix: &HashMap<String, usize>, dir: &str| {
        links
            .iter()
            .filter_map(|l| {
                let slug = l.url.strip_prefix(dir)?.strip_suffix("/index.html")?;
                ix.get(slug).copied()
            })
            .collect::<Vec<_>>()
    };
    let sources: Vec<_> = e.outlet.iter().chain(&e.agency).cloned().collect();
    json!([
        e.title,
        e.slug,
        e.stated.as_ref().map_or("", |d| d.iso.as_str()),
        e.stated.as_ref().map_or("", |d| d.display.as_str()),
        e.key_quote.as_deref().unwrap_or(&e.summary),
        e.outlet
            .as_ref()
            .or(e.agency.as_ref())
            .map_or("", |o| o.name.as_str()),
        ids(&e.topics, &ix[0], "topics/"),
        ids(&e.speakers, &ix[1], "speakers/"),
        ids(&sources, &ix[2], "sources/"),
    ])
}

/// Adds document `doc`'s terms to `postings` and returns its search record and the first
/// [`PREFIX`] + 1 characters of its terms, space-separated (which shards it is in, whatever
/// the split).
fn index_document(
    timeline: &Timeline,
    builder: &ModelBuilder,
    doc: usize,
    ix: &[HashMap<String, usize>; 3],
    postings: &mut Postings,
) -> (String, String) {
    let a = timeline.articles[doc].full();
    let e = builder.entry(doc);
    let body = a.body.blocks();
    let terms = weighted_terms(&a, &body, &e);
    // Terms are sorted, so their prefixes come sorted too: equal ones are neighbours.
    let mut prefixes = String::new();
    let mut last = "";
    for (term, weight) in &terms {
        let term: &str = term;
        match postings.get_mut(term) {
            Some(list) => list.push((doc as u32, *weight)),
            None => {
                postings.insert(term.to_string(), vec![(doc as u32, *weight)]);
            }
        }
        let p = prefix_of(term, PREFIX + 1);
        if p != last {
            if !prefixes.is_empty() {
                prefixes.push(' ');
            }
            prefixes.push_str(p);
            last = p;
        }
    }
    // The record as JSON: a fifth of its size as a `Value`, and it is only ever written.
    let record = serde_json::to_string(&record(&e, ix)).unwrap_or_default();
    (record, prefixes)
}

/// What an index was built from, kept with the page manifest so that the next build can
/// rewrite only the files its edits touch ([`write_index`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexState {
    /// Each document's identity (its article's; see `PageCx::id`), in document order.
    pub docs: Vec<u64>,
    /// A hash of the facet lists' slugs, in order: the records' facet numbers point into them.
    pub facets: u64,
    /// Postings per two-character prefix (they decide which shards are split).
    pub counts: BTreeMap<String, usize>,
    /// Each document's shard keys, space-separated.
    pub shards_of: Vec<String>,
    /// Every shard key.
    pub shards: Vec<String>,
}

/// A term shard: term → flat postings `[doc, weight, doc, weight, …]`, documents ascending.
type ShardTerms = BTreeMap<String, Vec<u32>>;

/// Ascending document numbers as written: each one's gap from the one before, the first as
/// itself. `stride` is 2 for postings (`[doc, weight, …]`: weights stay as they are), 1 for a
/// list of documents.
fn gaps(docs: &[u32], stride: usize) -> Vec<u32> {
    let mut out = docs.to_vec();
    let mut previous = 0;
    for d in out.iter_mut().step_by(stride) {
        let doc = *d;
        *d = doc - previous;
        previous = doc;
    }
    out
}

/// The inverse of [`gaps`], in place.
fn undo_gaps(written: &mut [u32], stride: usize) {
    let mut previous = 0;
    for d in written.iter_mut().step_by(stride) {
        *d += previous;
        previous = *d;
    }
}

/// A term shard's file: each term's postings as [`encode_postings`] writes them.
fn shard_file(terms: &ShardTerms) -> Vec<u8> {
    let written: BTreeMap<&str, String> = terms
        .iter()
        .map(|(term, flat)| (term.as_str(), encode_postings(flat)))
        .collect();
    serde_json::to_vec(&written).unwrap_or_default()
}

/// The characters postings are written in: the first 32 end a number (its last five bits),
/// the other 32 carry five bits of it before its end. None needs escaping in JSON; `search.js`
/// holds the same list.
const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Flat postings `[doc, weight, …]` as written in a shard: for each document, its gap from the
/// one before ([`gaps`]) doubled, plus one when its weight is not 1, then that weight; each
/// number in [`DIGITS`], highest five bits first. Most postings of a large site are a gap of
/// one or two with weight 1: one character.
fn encode_postings(flat: &[u32]) -> String {
    fn push(out: &mut String, n: u64) {
        let mut groups = [0u8; 13];
        let mut len = 0;
        let mut rest = n;
        loop {
            groups[len] = (rest & 31) as u8;
            len += 1;
            rest >>= 5;
            if rest == 0 {
                break;
            }
        }
        for &g in groups[1..len].iter().rev() {
            out.push(DIGITS[32 + g as usize] as char);
        }
        out.push(DIGITS[groups[0] as usize] as char);
    }
    let mut out = String::with_capacity(flat.len());
    for pair in gaps(flat, 2).chunks_exact(2) {
        let (gap, weight) = (u64::from(pair[0]), pair[1]);
        push(&mut out, gap * 2 + u64::from(weight != 1));
        if weight != 1 {
            push(&mut out, u64::from(weight));
        }
    }
    out
}

/// The inverse of [`encode_postings`]; `None` for a string it cannot have written.
fn decode_postings(written: &str) -> Option<Vec<u32>> {
    let mut numbers = Vec::with_capacity(written.len());
    let (mut n, mut open): (u64, bool) = (0, false);
    for b in written.bytes() {
        let digit = DIGITS.iter().position(|&d| d == b)? as u64;
        n = n.checked_mul(32)? + (digit & 31);
        open = digit >= 32;
        if !open {
            numbers.push(n);
            n = 0;
        }
    }
    if open {
        return None;
    }
    let mut flat = Vec::with_capacity(numbers.len() * 2);
    let mut numbers = numbers.into_iter();
    while let Some(x) = numbers.next() {
        let weight = if x % 2 == 1 { numbers.next()? } else { 1 };
        flat.push(u32::try_from(x / 2).ok()?);
        flat.push(u32::try_from(weight).ok()?);
    }
    undo_gaps(&mut flat, 2);
    Some(flat)
}

/// At most this many changed documents are patched into the previous index; more rebuild it.
const PATCH_LIMIT: usize = 64;

/// The prefixes with too many postings for one shard.
fn split_of(counts: &BTreeMap<String, usize>) -> Vec<String> {
    counts
        .iter()
        .filter(|(_, c)| **c > SPLIT_POSTINGS)
        .map(|(p, _)| p.clone())
        .collect()
}

/// The shard key of `term`: its first [`PREFIX`] characters, one more in a split prefix.
fn key_of(term: &str, split: &[String]) -> String {
    let p2 = prefix_of(term, PREFIX);
    if split.iter().any(|s| s == p2) && term.chars().count() > PREFIX {
        shard_key(prefix_of(term, PREFIX + 1))
    } else {
        shard_key(p2)
    }
}

/// The shard keys of a document whose terms begin with `prefixes` (see [`index_document`]).
fn keys_of(prefixes: &str, split: &[String]) -> String {
    let mut keys: Vec<String> = prefixes
        .split(' ')
        .filter(|p| !p.is_empty())
        .map(|p| key_of(p, split))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.join(" ")
}

/// The previous build's index: where its files are and what it was built from.
pub struct PreviousIndex<'a> {
    /// The previous output folder.
    pub dir: &'a Path,
    /// Its index's state.
    pub state: &'a IndexState,
}

/// The index as written: (files, bytes), its state for the next build, and whether it was
/// patched from the previous one rather than built whole.
pub type Written = (usize, u64, IndexState, bool);

/// Writes the index under `out/search/`. When only a few documents changed since `previous`
/// (the same documents in the same order otherwise, the same facets and shard split), their
/// shards and chunks are patched and every other file is linked from the previous output; the
/// files are byte for byte those a whole build writes.
pub fn write_index(
    timeline: &Timeline,
    builder: &ModelBuilder,
    identity: &(dyn Fn(usize) -> u64 + Sync),
    previous: Option<PreviousIndex>,
    out: &Path,
) -> Result<Written, Diagnostic> {
    let n = timeline.articles.len();
    let facet_index = |groups: &[crate::order::Group]| -> HashMap<String, usize> {
        groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.slug.clone(), i))
            .collect()
    };
    let ix = [
        facet_index(&timeline.topics),
        facet_index(&timeline.speakers),
        facet_index(&timeline.sources),
    ];
    let facets = {
        let slugs: Vec<&[u8]> = [&timeline.topics, &timeline.speakers, &timeline.sources]
            .iter()
            .flat_map(|groups| {
                groups
                    .iter()
                    .map(|g| g.slug.as_bytes())
                    .chain([&b"\xff"[..]])
            })
            .collect();
        crate::cache::hash_parts(&slugs)
    };
    let docs: Vec<u64> = (0..n).into_par_iter().map(identity).collect();
    if let Some(previous) = previous {
        if let Some(patched) = patch(timeline, builder, &ix, &docs, facets, &previous, out) {
            return patched;
        }
    }

    // Documents are read in parallel by runs of consecutive ones; each run's postings list its
    // documents in ascending order, so appending the runs in order keeps every list sorted. A
    // batch of runs is merged before the next is read, so only a batch is held twice.
    let mut postings = Postings::default();
    let mut records: Vec<String> = Vec::with_capacity(n);
    let mut prefixes: Vec<String> = Vec::with_capacity(n);
    let all: Vec<usize> = (0..n).collect();
    for batch in all.chunks(RUN * BATCH) {
        let runs: Vec<(Postings, Vec<(String, String)>)> = batch
            .par_chunks(RUN)
            .map(|docs| {
                let mut postings = Postings::default();
                let values = docs
                    .iter()
                    .map(|&doc| index_document(timeline, builder, doc, &ix, &mut postings))
                    .collect();
                (postings, values)
            })
            .collect();
        for (run, values) in runs {
            for (term, list) in run {
                match postings.get_mut(&term) {
                    Some(all) => all.extend(list),
                    None => {
                        postings.insert(term, list);
                    }
                }
            }
            for (record, p) in values {
                records.push(record);
                prefixes.push(p);
            }
        }
    }

    // Group terms into shards; split the crowded ones by one more character.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (term, list) in &postings {
        *counts
            .entry(prefix_of(term, PREFIX).to_string())
            .or_default() += list.len();
    }
    let split = split_of(&counts);
    let mut shards: BTreeMap<String, ShardTerms> = BTreeMap::new();
    for (term, list) in postings {
        let key = key_of(&term, &split);
        let flat = list.into_iter().flat_map(|(d, w)| [d, w]).collect();
        shards.entry(key).or_default().insert(term, flat);
    }
    let shards_of: Vec<String> = prefixes.par_iter().map(|p| keys_of(p, &split)).collect();

    let mut files: Vec<(String, Vec<u8>)> = vec![meta(timeline, &split, shards.keys())];
    files.extend(facet_files(timeline));
    let (mut count, mut bytes) = write_files(out, &files, &[], None)?;
    let keys: Vec<String> = shards.keys().cloned().collect();
    // Each shard and chunk is serialised and written on its own, and a shard's postings are
    // freed as it is written: the index never sits whole in memory.
    let written = shards
        .into_par_iter()
        .map(|(key, terms)| {
            let body = shard_file(&terms);
            drop(terms);
            write_file(out, &format!("search/t/{key}.json"), &body)
        })
        .chain(records.par_chunks(CHUNK).enumerate().map(|(i, chunk)| {
            let body = format!("[{}]", chunk.join(","));
            write_file(out, &format!("search/d/{i}.json"), body.as_bytes())
        }))
        .collect::<Result<Vec<u64>, Diagnostic>>()?;
    count += written.len();
    bytes += written.iter().sum::<u64>();
    let state = IndexState {
        docs,
        facets,
        counts,
        shards_of,
        shards: keys,
    };
    Ok((count, bytes, state, false))
}

/// `search/meta.json`.
fn meta<'k>(
    timeline: &Timeline,
    split: &[String],
    shards: impl Iterator<Item = &'k String>,
) -> (String, Vec<u8>) {
    let facets = |groups: &[crate::order::Group]| -> Vec<Value> {
        groups
            .iter()
            .map(|g| json!([g.slug, g.name, g.articles.len()]))
            .collect()
    };
    let meta = json!({
        "version": VERSION,
        "count": timeline.articles.len(),
        "chunk": CHUNK,
        "prefix": PREFIX,
        "split": split,
        "shards": shards.collect::<Vec<_>>(),
        "stop": STOP_WORDS,
        "title_boost": TITLE_BOOST,
        "topics": facets(&timeline.topics),
        "speakers": facets(&timeline.speakers),
        "sources": facets(&timeline.sources),
    });
    ("search/meta.json".into(), meta.to_string().into_bytes())
}

/// `search/f/<kind>/<slug>.json`: each facet's documents, sorted.
fn facet_files(timeline: &Timeline) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for (kind, groups) in [
        ("topic", &timeline.topics),
        ("speaker", &timeline.speakers),
        ("source", &timeline.sources),
    ] {
        for g in groups {
            let mut list: Vec<u32> = g.articles.iter().map(|&d| d as u32).collect();
            list.sort_unstable();
            let body = serde_json::to_vec(&gaps(&list, 1)).unwrap_or_default();
            files.push((format!("search/f/{kind}/{}.json", g.slug), body));
        }
    }
    files
}

/// The path of `rel` under `out`, its folder created.
fn folder_for(out: &Path, rel: &str) -> Result<std::path::PathBuf, Diagnostic> {
    let dest = out.join(rel);
    if let Some(parent) = dest.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::error(rel, format!("cannot create folder: {e}")))?;
    }
    Ok(dest)
}

/// Writes `data` to `rel` under `out`, creating its folder. Returns the bytes written.
fn write_file(out: &Path, rel: &str, data: &[u8]) -> Result<u64, Diagnostic> {
    let dest = folder_for(out, rel)?;
    std::fs::write(&dest, data)
        .map_err(|e| Diagnostic::error(rel, format!("cannot write: {e}")))?;
    Ok(data.len() as u64)
}

/// Writes `files` under `out`, and links `linked` from the previous output `from` (copies them
/// where a link cannot be made). Returns (files, bytes).
fn write_files(
    out: &Path,
    files: &[(String, Vec<u8>)],
    linked: &[String],
    from: Option<&Path>,
) -> Result<(usize, u64), Diagnostic> {
    let mut bytes = 0;
    for (rel, data) in files {
        bytes += write_file(out, rel, data)?;
    }
    if let Some(from) = from {
        for rel in linked {
            let dest = folder_for(out, rel)?;
            let source = from.join(rel);
            let size = std::fs::hard_link(&source, &dest)
                .and_then(|()| std::fs::metadata(&dest).map(|m| m.len()))
                .or_else(|_| std::fs::copy(&source, &dest))
                .map_err(|e| {
                    Diagnostic::error(rel, format!("cannot copy from the last build: {e}"))
                })?;
            bytes += size;
        }
    }
    Ok((files.len() + linked.len(), bytes))
}

/// Patches the previous index for the documents whose identity changed; `None` when the
/// index must be built whole (other documents, another order, other facets, too many edits, a
/// shard split that changes, a previous file missing or unreadable).
fn patch(
    timeline: &Timeline,
    builder: &ModelBuilder,
    ix: &[HashMap<String, usize>; 3],
    docs: &[u64],
    facets: u64,
    previous: &PreviousIndex,
    out: &Path,
) -> Option<Result<Written, Diagnostic>> {
    let old = previous.state;
    if old.docs.len() != docs.len() || old.facets != facets || old.shards_of.len() != docs.len() {
        return None;
    }
    let changed: Vec<usize> = (0..docs.len())
        .filter(|&d| old.docs[d] != docs[d])
        .collect();
    if changed.len() > PATCH_LIMIT {
        return None;
    }
    let split = split_of(&old.counts);
    // The changed documents as they are now: terms (owned), records, shard keys.
    let entries: Vec<super::model::EntryCx> = changed.iter().map(|&d| builder.entry(d)).collect();
    let articles: Vec<_> = changed
        .iter()
        .map(|&d| timeline.articles[d].full())
        .collect();
    let bodies: Vec<_> = articles.iter().map(|a| a.body.blocks()).collect();
    let fresh: Vec<Vec<(Cow<'_, str>, u32)>> = articles
        .iter()
        .enumerate()
        .map(|(k, a)| weighted_terms(a, &bodies[k], &entries[k]))
        .collect();
    // Each fresh term's shard, computed once.
    let fresh_keys: Vec<Vec<String>> = fresh
        .iter()
        .map(|terms| terms.iter().map(|(t, _)| key_of(t, &split)).collect())
        .collect();
    let mut touched: BTreeMap<String, ()> = BTreeMap::new();
    for (k, &d) in changed.iter().enumerate() {
        for key in old.shards_of[d].split(' ').filter(|k| !k.is_empty()) {
            touched.insert(key.to_string(), ());
        }
        for key in &fresh_keys[k] {
            touched.insert(key.clone(), ());
        }
    }

    // Each touched shard: the changed documents' postings taken out, their new ones put in.
    let is_changed = |doc: u32| changed.binary_search(&(doc as usize)).is_ok();
    let mut counts = old.counts.clone();
    // Each touched shard's terms; `None` for a shard left empty.
    let mut rewritten: Vec<(String, Option<ShardTerms>)> = Vec::new();
    for key in touched.keys() {
        let mut terms: ShardTerms = if old.shards.binary_search(key).is_ok() {
            let text = std::fs::read(previous.dir.join(format!("search/t/{key}.json"))).ok()?;
            let written: BTreeMap<String, String> = serde_json::from_slice(&text).ok()?;
            written
                .into_iter()
                .map(|(term, postings)| Some((term, decode_postings(&postings)?)))
                .collect::<Option<ShardTerms>>()?
        } else {
            BTreeMap::new()
        };
        for (term, flat) in terms.iter_mut() {
            let before = flat.len();
            let kept: Vec<u32> = flat
                .chunks_exact(2)
                .filter(|pair| !is_changed(pair[0]))
                .flatten()
                .copied()
                .collect();
            if kept.len() != before {
                let count = counts.get_mut(prefix_of(term, PREFIX))?;
                *count = count.checked_sub((before - kept.len()) / 2)?;
                *flat = kept;
            }
        }
        terms.retain(|_, flat| !flat.is_empty());
        for (k, &d) in changed.iter().enumerate() {
            for ((term, weight), term_key) in fresh[k].iter().zip(&fresh_keys[k]) {
                if term_key != key {
                    continue;
                }
                let flat = terms.entry(term.to_string()).or_default();
                let at = flat
                    .chunks_exact(2)
                    .take_while(|pair| pair[0] < d as u32)
                    .count()
                    * 2;
                flat.splice(at..at, [d as u32, *weight]);
                *counts
                    .entry(prefix_of(term, PREFIX).to_string())
                    .or_default() += 1;
            }
        }
        rewritten.push((key.clone(), (!terms.is_empty()).then_some(terms)));
    }
    counts.retain(|_, c| *c > 0);
    // A prefix crossing the split limit regroups its terms: build the index whole.
    if split_of(&counts) != split {
        return None;
    }

    let mut shards: Vec<String> = old.shards.clone();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (key, terms) in &rewritten {
        match terms {
            Some(terms) => {
                if let Err(at) = shards.binary_search(key) {
                    shards.insert(at, key.clone());
                }
                files.push((format!("search/t/{key}.json"), shard_file(terms)));
            }
            None => shards.retain(|s| s != key),
        }
    }
    let mut linked: Vec<String> = shards
        .iter()
        .filter(|key| !touched.contains_key(*key))
        .map(|key| format!("search/t/{key}.json"))
        .collect();
    // Chunks: those holding a changed document are patched, the others linked.
    let chunks = docs.len().div_ceil(CHUNK);
    for chunk in 0..chunks {
        let rel = format!("search/d/{chunk}.json");
        let mine: Vec<usize> = (0..changed.len())
            .filter(|&k| changed[k] / CHUNK == chunk)
            .collect();
        if mine.is_empty() {
            linked.push(rel);
            continue;
        }
        let text = std::fs::read(previous.dir.join(&rel)).ok()?;
        let mut records: Vec<Value> = serde_json::from_slice(&text).ok()?;
        for k in mine {
            *records.get_mut(changed[k] % CHUNK)? = record(&entries[k], ix);
        }
        files.push((rel, serde_json::to_vec(&records).unwrap_or_default()));
    }
    files.push(meta(timeline, &split, shards.iter()));
    files.extend(facet_files(timeline));

    let mut shards_of = old.shards_of.clone();
    for (k, &d) in changed.iter().enumerate() {
        let mut keys: Vec<String> = fresh_keys[k].clone();
        keys.sort_unstable();
        keys.dedup();
        shards_of[d] = keys.join(" ");
    }
    let state = IndexState {
        docs: docs.to_vec(),
        facets,
        counts,
        shards_of,
        shards,
    };
    Some(
        write_files(out, &files, &linked, Some(previous.dir))
            .map(|(count, bytes)| (count, bytes, state, true)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_and_short_so_the_quick_check_holds() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| w.len() <= 5));
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(!is_stop_word("there") && !is_stop_word("withdraw"));
    }

    #[test]
    fn terms_are_lowercased_words_without_stop_words_or_single_letters() {
        let t: Vec<String> = terms("Lavrov's talks in Nagoya, G20 — the 2019 meeting").collect();
        assert_eq!(t, ["lavrov", "talks", "nagoya", "g20", "2019", "meeting"]);
    }

    #[test]
    fn shard_keys_are_safe_file_names() {
        assert_eq!(shard_key("na"), "na");
        assert_eq!(shard_key("лa"), "_43b_a");
        assert_eq!(prefix_of("nagoya", 2), "na");
        assert_eq!(prefix_of("n", 2), "n");
    }

    #[test]
    fn documents_are_written_as_gaps_and_read_back() {
        let postings = [3, 7, 5, 1, 40, 12];
        assert_eq!(gaps(&postings, 2), [3, 7, 2, 1, 35, 12]);
        let mut written = gaps(&postings, 2);
        undo_gaps(&mut written, 2);
        assert_eq!(written, postings);
        assert_eq!(gaps(&[0, 4, 9], 1), [0, 4, 5]);
    }

    #[test]
    fn postings_are_written_as_base_32_numbers_and_read_back() {
        // Gap 3 weight 7: 7 then 7; gap 2 weight 1: 4; gap 35 weight 12: 71 (two digits), 12.
        let postings = [3, 7, 5, 1, 40, 12];
        assert_eq!(encode_postings(&postings), "774y7c");
        assert_eq!(decode_postings("774y7c").unwrap(), postings);
        let large = [0, 1, 1, 0, 99_999_999, u32::MAX];
        assert_eq!(decode_postings(&encode_postings(&large)).unwrap(), large);
        assert!(decode_postings("7Y").is_none(), "a number cut off");
        assert!(decode_postings("w").is_none(), "a number cut off");
        assert!(decode_postings("7\"").is_none(), "a character not written");
    }
}
