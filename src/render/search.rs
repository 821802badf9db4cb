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
//! - `search/t/<key>.json` — term shards: `{ "term": [doc, weight, doc, weight, …] }`, every
//!   term whose first two characters are `key` (three for the few prefixes listed in `split`,
//!   whose two-character shard would be too large). `weight` is the term's count in the body
//!   plus [`TITLE_BOOST`] for each occurrence in the title.
//! - `search/f/<kind>/<slug>.json` — facet lists: the sorted documents of a topic, speaker or
//!   source, loaded only when a reader filters by it.
//! - `search/d/<n>.json` — document chunks of [`CHUNK`] documents, loaded only for the results
//!   shown: `[title, url, date iso, date shown, excerpt, outlet, [topic], [speaker], [source]]`
//!   with facets as indexes into `meta.json`'s lists.
//!
//! Documents are numbered in timeline order (oldest statement first), which is also the order of
//! equally ranked results. Building is one pass over the text (linear in corpus size); shard keys
//! are computed by [`shard_key`], mirrored exactly by the JavaScript.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;
use std::path::Path;

use rayon::prelude::*;

use serde_json::{Value, json};

use super::model::ModelBuilder;
use crate::diagnostics::Diagnostic;
use crate::order::Timeline;

/// The index format; `search.js` refuses an index of another version.
pub const VERSION: u32 = 1;
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

/// Adds document `doc`'s terms to `postings` and returns its search record.
fn index_document(
    timeline: &Timeline,
    builder: &ModelBuilder,
    doc: usize,
    ix: &[HashMap<String, usize>; 3],
    postings: &mut Postings,
) -> Value {
    let a = &timeline.articles[doc];
    let e = builder.entry(doc);
    // The document's words with their weights, sorted below to count each term once.
    let mut words: Vec<(Cow<'_, str>, u32)> = Vec::with_capacity(1024);
    let mut add = |text, weight| words.extend(terms_in(text).map(|t| (t, weight)));
    add(&e.title, TITLE_BOOST);
    let body = a.body.blocks();
    for b in body.iter() {
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
    let mut i = 0;
    while i < words.len() {
        let mut weight = 0;
        let mut j = i;
        while j < words.len() && words[j].0 == words[i].0 {
            weight += words[j].1;
            j += 1;
        }
        let term: &str = &words[i].0;
        match postings.get_mut(term) {
            Some(list) => list.push((doc as u32, weight)),
            None => {
                postings.insert(term.to_string(), vec![(doc as u32, weight)]);
            }
        }
        i = j;
    }

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
        e.url,
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

/// Writes the index under `out/search/`; returns (files, bytes).
pub fn write_index(
    timeline: &Timeline,
    builder: &ModelBuilder,
    out: &Path,
) -> Result<(usize, u64), Diagnostic> {
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
    // Documents are read in parallel by runs of consecutive ones; each run's postings list its
    // documents in ascending order, so appending the runs in order keeps every list sorted.
    let runs: Vec<(Postings, Vec<Value>)> = (0..n)
        .collect::<Vec<_>>()
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
    let mut postings = Postings::default();
    let mut docs: Vec<Value> = Vec::with_capacity(n);
    for (run, values) in runs {
        for (term, list) in run {
            match postings.get_mut(&term) {
                Some(all) => all.extend(list),
                None => {
                    postings.insert(term, list);
                }
            }
        }
        docs.extend(values);
    }

    // Group terms into shards; split the crowded ones by one more character.
    let mut by_prefix: BTreeMap<String, usize> = BTreeMap::new();
    for (term, list) in &postings {
        *by_prefix
            .entry(prefix_of(term, PREFIX).to_string())
            .or_default() += list.len();
    }
    let split: Vec<String> = by_prefix
        .iter()
        .filter(|(_, c)| **c > SPLIT_POSTINGS)
        .map(|(p, _)| p.clone())
        .collect();
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
    for (term, list) in postings {
        let p2 = prefix_of(&term, PREFIX);
        let key = if split.iter().any(|s| s == p2) && term.chars().count() > PREFIX {
            shard_key(prefix_of(&term, PREFIX + 1))
        } else {
            shard_key(p2)
        };
        let flat = list.into_iter().flat_map(|(d, w)| [d, w]).collect();
        shards.entry(key).or_default().insert(term, flat);
    }

    let facets = |groups: &[crate::order::Group]| -> Vec<Value> {
        groups
            .iter()
            .map(|g| json!([g.slug, g.name, g.articles.len()]))
            .collect()
    };
    let meta = json!({
        "version": VERSION,
        "count": n,
        "chunk": CHUNK,
        "prefix": PREFIX,
        "split": split,
        "shards": shards.keys().collect::<Vec<_>>(),
        "stop": STOP_WORDS,
        "title_boost": TITLE_BOOST,
        "topics": facets(&timeline.topics),
        "speakers": facets(&timeline.speakers),
        "sources": facets(&timeline.sources),
    });

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    files.push(("search/meta.json".into(), meta.to_string().into_bytes()));
    for (key, terms) in &shards {
        let body = serde_json::to_vec(terms).unwrap_or_default();
        files.push((format!("search/t/{key}.json"), body));
    }
    for (i, chunk) in docs.chunks(CHUNK).enumerate() {
        let body = serde_json::to_vec(chunk).unwrap_or_default();
        files.push((format!("search/d/{i}.json"), body));
    }
    for (kind, groups) in [
        ("topic", &timeline.topics),
        ("speaker", &timeline.speakers),
        ("source", &timeline.sources),
    ] {
        for g in groups {
            let mut list = g.articles.clone();
            list.sort_unstable();
            let body = serde_json::to_vec(&list).unwrap_or_default();
            files.push((format!("search/f/{kind}/{}.json", g.slug), body));
        }
    }

    let mut bytes = 0;
    for (rel, data) in &files {
        let dest = out.join(rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::error(rel, format!("cannot create folder: {e}")))?;
        }
        bytes += data.len() as u64;
        std::fs::write(&dest, data)
            .map_err(|e| Diagnostic::error(rel, format!("cannot write: {e}")))?;
    }
    Ok((files.len(), bytes))
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
}
