//! Lookup structures over the knowledge records, built once per [`Knowledge`].

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use serde::Serialize;

use super::{CountryId, EventId, Knowledge, KnowledgeFile, OfficeId, OutletId, PersonId, SeriesId};

/// A person named in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonMention {
    /// Who.
    pub person: PersonId,
    /// Byte offsets of the name in the text.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Whether only the surname stands here (resolved through a full mention elsewhere).
    pub surname_only: bool,
    /// The office the text gives the person at this mention ("Japanese Foreign Minister").
    pub role: Option<RoleMention>,
}

/// An office named next to a person ("Russian Foreign Minister Sergey Lavrov", "Kono, Japan's
/// foreign minister").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleMention {
    /// The office kind.
    pub office: OfficeId,
    /// The country named with it, if any.
    pub country: Option<CountryId>,
    /// Byte offsets of the role words in the text.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// A meeting series named in a text and the events it can be.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventMention {
    /// The series.
    pub series: SeriesId,
    /// Byte offsets of the phrase.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Events of the series it can be; narrowed to those whose place the sentence names when
    /// it names one.
    pub candidates: Vec<EventId>,
    /// Whether a place named nearby narrowed the candidates.
    pub place_matched: bool,
}

#[derive(Debug, Default, Clone)]
struct NamePattern {
    full: Vec<PersonId>,
    surname: Vec<PersonId>,
}

#[derive(Debug)]
pub(super) struct Index {
    /// Every spelling of every person's name, searched anchored where one may start
    /// (`person_starts`): [`Index::person_matches`].
    person_ac: AhoCorasick,
    person_starts: Starts,
    /// The spellings, for the test that holds `person_matches` to an unanchored search.
    #[cfg(test)]
    person_spellings: Vec<String>,
    person_patterns: Vec<NamePattern>,
    person_names: FxHashMap<String, PersonId>,
    /// People by surname in ASCII lower case (how transcripts and titles name them), in
    /// record order.
    person_surnames: FxHashMap<String, Vec<PersonId>>,
    /// People by id (the first record of an id).
    person_ids: FxHashMap<String, PersonId>,
    /// Names by their consonant skeleton (`skeleton`), `None` where two people share one.
    person_skeletons: FxHashMap<String, Option<PersonId>>,
    /// Names and variants for finding a misspelt one.
    person_typos: super::typo::TypoIndex,
    office_phrases: FxHashMap<String, OfficeId>,
    /// The last word of every key of `office_phrases`.
    office_last_words: FxHashSet<String>,
    /// Office phrases, longest first, for role detection.
    office_list: Vec<(String, OfficeId)>,
    country_words: FxHashMap<String, CountryId>,
    /// Country words that are also given names (`Country::given_names`), as written.
    given_names: FxHashSet<String>,
    series_ac: AhoCorasick,
    series_patterns: Vec<SeriesOrEvent>,
    events_by_series: FxHashMap<SeriesId, Vec<EventId>>,
    outlet_names: FxHashMap<String, OutletId>,
    outlet_hosts: FxHashMap<String, OutletId>,
    mark_ac: AhoCorasick,
    mark_ids: Vec<OutletId>,
    outlet_name_ac: AhoCorasick,
    outlet_name_ids: Vec<OutletId>,
}

#[derive(Debug, Clone, Copy)]
enum SeriesOrEvent {
    Series(SeriesId),
    Event(SeriesId, EventId),
}

/// The forms a phrase may take in copy: as written, with typographic apostrophes, in capitals.
fn spellings(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    if s.contains('\'') {
        out.push(s.replace('\'', "\u{2019}"));
    }
    // Copy capitalises a name's particles as it capitalises the rest ("Faisal Bin Farhan",
    // "Von der Leyen" opening a sentence).
    // Most names have no particle: only those that do are rewritten.
    let several = s.contains(' ');
    if several
        && s.split(' ')
            .any(|w| w.chars().count() <= 3 && w.starts_with(|c: char| c.is_lowercase()))
    {
        let titled: Vec<String> = out.iter().map(|x| capitalise_particles(x)).collect();
        out.extend(titled);
    }
    // And lowers the particles the base capitalises ("Jean-Yves le Drian").
    if several && s.split(' ').any(|w| PARTICLES.contains(&w)) {
        let lowered: Vec<String> = out.iter().map(|x| lower_particles(x)).collect();
        out.extend(lowered);
    }
    let upper: Vec<String> = out.iter().map(|x| x.to_uppercase()).collect();
    out.extend(upper);
    // A handful of forms: a linear check is cheaper than hashing them.
    let mut kept: Vec<String> = Vec::with_capacity(out.len());
    for x in out {
        if !kept.contains(&x) {
            kept.push(x);
        }
    }
    kept
}

/// `name` with each lower-case word of three letters or fewer (a particle: "bin", "al",
/// "von", "der", "da") capitalised.
fn capitalise_particles(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) if c.is_lowercase() && w.chars().count() <= 3 => {
                    c.to_uppercase().chain(cs).collect()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Particles a name may write capitalised or not.
const PARTICLES: &[&str] = &[
    "Al", "Bin", "Da", "De", "Del", "Der", "Di", "Dos", "Du", "El", "La", "Le", "Van", "Von",
];

/// `name` with each capitalised particle ("Le", "Van", "Al", "Bin") in lower case.
fn lower_particles(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            if PARTICLES.contains(&w) {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a match of some pattern may start: at a byte pair some pattern opens with (or a byte
/// a one-byte pattern is).
#[derive(Debug)]
struct Starts {
    /// Per byte: no pattern opens with it (0), some do (1), it is a pattern of its own (2).
    firsts: [u8; 256],
    /// Bit `b % 64` of word `a * 4 + b / 64`: some pattern opens with the bytes `a`, `b`.
    pairs: Box<[u64; 1024]>,
}

impl Starts {
    fn new(patterns: &[String]) -> Starts {
        let mut starts = Starts {
            firsts: [0; 256],
            pairs: Box::new([0; 1024]),
        };
        for p in patterns {
            let b = p.as_bytes();
            let a = usize::from(b[0]);
            match b.get(1) {
                Some(&next) => {
                    starts.firsts[a] = starts.firsts[a].max(1);
                    let i = a * 256 + usize::from(next);
                    starts.pairs[i / 64] |= 1 << (i % 64);
                }
                None => starts.firsts[a] = 2,
            }
        }
        starts
    }

    /// The first byte from `at` on where some pattern may match, or the text's length.
    #[inline]
    fn next(&self, bytes: &[u8], mut at: usize) -> usize {
        loop {
            // Most bytes open no pattern: passed over in a tight loop.
            match bytes[at.min(bytes.len())..]
                .iter()
                .position(|&b| self.firsts[usize::from(b)] != 0)
            {
                Some(skip) => at += skip,
                None => return bytes.len(),
            }
            let a = usize::from(bytes[at]);
            if self.firsts[a] == 2 {
                return at;
            }
            if let Some(&next) = bytes.get(at + 1) {
                let i = a * 256 + usize::from(next);
                if self.pairs[i / 64] & (1 << (i % 64)) != 0 {
                    return at;
                }
            }
            at += 1;
        }
    }
}

fn ac(patterns: &[String], case_insensitive: bool) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(case_insensitive)
        .build(patterns)
        .expect("knowledge patterns are plain strings")
}

/// A phrase as the lookup tables key it: trimmed of surrounding punctuation (but brackets and
/// slashes), typographic apostrophes as plain ones, single spaces, lower case. Built in one
/// buffer: lookups on the per-article path normalise every phrase they try.
pub(super) fn norm(s: &str) -> String {
    if s.is_ascii() {
        return norm_ascii(s.as_bytes());
    }
    let trimmed = s
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '(' && c != ')' && c != '/');
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.contains('\u{2019}') {
            out.extend(word.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }));
        } else {
            out.push_str(word);
        }
    }
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        // Unicode lower case is contextual (a word-final sigma): lower the whole phrase at once.
        out.to_lowercase()
    }
}

/// [`norm`] of an ASCII phrase, byte by byte: the same trims, spaces and lower case.
fn norm_ascii(s: &[u8]) -> String {
    // `char::is_whitespace` in ASCII: tab to carriage return (vertical tab too), space.
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let punct = |b: u8| b.is_ascii_punctuation() && !matches!(b, b'(' | b')' | b'/');
    let (mut lo, mut hi) = (0, s.len());
    while lo < hi && space(s[lo]) {
        lo += 1;
    }
    while hi > lo && space(s[hi - 1]) {
        hi -= 1;
    }
    while lo < hi && punct(s[lo]) {
        lo += 1;
    }
    while hi > lo && punct(s[hi - 1]) {
        hi -= 1;
    }
    let mut out = Vec::with_capacity(hi - lo);
    let mut gap = false;
    for &b in &s[lo..hi] {
        if space(b) {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(b' ');
        }
        gap = false;
        out.push(b.to_ascii_lowercase());
    }
    String::from_utf8(out).expect("ASCII in, ASCII out")
}

/// [`norm_ascii`] in place: the normalised phrase is the first bytes of `s` (it is never
/// longer); returns its length.
fn norm_ascii_in_place(s: &mut [u8]) -> usize {
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let punct = |b: u8| b.is_ascii_punctuation() && !matches!(b, b'(' | b')' | b'/');
    let (mut lo, mut hi) = (0, s.len());
    while lo < hi && space(s[lo]) {
        lo += 1;
    }
    while hi > lo && space(s[hi - 1]) {
        hi -= 1;
    }
    while lo < hi && punct(s[lo]) {
        lo += 1;
    }
    while hi > lo && punct(s[hi - 1]) {
        hi -= 1;
    }
    let mut out = 0;
    let mut gap = false;
    for i in lo..hi {
        let b = s[i];
        if space(b) {
            gap = true;
            continue;
        }
        if gap && out > 0 {
            s[out] = b' ';
            out += 1;
        }
        gap = false;
        s[out] = b.to_ascii_lowercase();
        out += 1;
    }
    out
}

/// A name's consonant skeleton, the same for the transliterations English copy uses of one
/// name ("Riad al-Maleki" and "Riyad al-Maliki", "Ahmad Abul Gheit" and "Ahmed Aboul Gheit",
/// "Bahram Qasemi" and "Bahram Ghasemi"): lower case, accents and the article "al-"/"el-"
/// dropped, "gh" as "q", vowels (and "y") after a word's first letter dropped, a first vowel as
/// "a", doubled letters once. `None` for names too short to tell people apart (fewer than two
/// words or five consonants).
pub(crate) fn skeleton(name: &str) -> Option<String> {
    let mut words = Vec::new();
    let mut consonants = 0;
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        let w: String = w.chars().filter_map(fold_letter).collect();
        if w.is_empty() || w == "al" || w == "el" {
            continue;
        }
        let w = w.replace("gh", "q");
        let mut out = String::new();
        for (i, c) in w.chars().enumerate() {
            let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
            let c = if i == 0 && vowel { 'a' } else { c };
            if i > 0 && vowel || out.ends_with(c) {
                continue;
            }
            if !vowel {
                consonants += 1;
            }
            out.push(c);
        }
        words.push(out);
    }
    (words.len() >= 2 && consonants >= 5).then(|| words.join(" "))
}

/// A letter of a name as a lower-case ASCII letter, accents dropped ("Ç" is "c"); `None` for
/// anything else. Copy writes the same name with and without its accents.
pub(super) fn fold_letter(c: char) -> Option<char> {
    let c = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ı' | 'İ' | 'Í' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ü' => 'u',
        'ç' | 'Ç' | 'č' | 'Č' | 'ć' => 'c',
        'ş' | 'Ş' | 'š' | 'Š' | 'ś' => 's',
        'ğ' => 'g',
        'ñ' => 'n',
        'ž' | 'Ž' | 'ź' | 'ż' => 'z',
        c => c,
    };
    c.is_ascii_alphabetic().then(|| c.to_ascii_lowercase())
}

/// A middle name abbreviated: "N", "K.", "LP", "L.P." — one to three capitals, each perhaps
/// with its period. Names the base and readers use leave it out ("Retno LP Marsudi").
pub(crate) fn is_middle_initial(raw: &str) -> bool {
    let letters = raw.chars().filter(|c| *c != '.').count();
    (1..=3).contains(&letters)
        && raw.chars().all(|c| c == '.' || c.is_ascii_uppercase())
        && (letters == 1 || raw.len() == letters || raw.matches('.').count() == letters)
}

/// Whether `text[start..end]` stands as whole words.
pub(crate) fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

impl Index {
    pub(super) fn build(all: &KnowledgeFile) -> Index {
        // People.
        let mut by_pattern: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut person_patterns: Vec<NamePattern> = Vec::new();
        let mut person_names = FxHashMap::default();
        let mut person_skeletons: FxHashMap<String, Option<PersonId>> = FxHashMap::default();
        let mut add = |pattern: String, person: PersonId, surname: bool| {
            let i = *by_pattern.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                person_patterns.push(NamePattern::default());
                person_patterns.len() - 1
            });
            let slot = if surname {
                &mut person_patterns[i].surname
            } else {
                &mut person_patterns[i].full
            };
            if !slot.contains(&person) {
                slot.push(person);
            }
        };
        let mut person_surnames: FxHashMap<String, Vec<PersonId>> = FxHashMap::default();
        let mut person_ids = FxHashMap::default();
        for (id, person) in all.people.iter().enumerate() {
            person_surnames
                .entry(person.surname.to_ascii_lowercase())
                .or_default()
                .push(id);
            person_ids.entry(person.id.clone()).or_insert(id);
            for name in std::iter::once(&person.name).chain(&person.variants) {
                person_names.entry(norm(name)).or_insert(id);
                if let Some(key) = skeleton(name) {
                    person_skeletons
                        .entry(key)
                        .and_modify(|p| {
                            if *p != Some(id) {
                                *p = None;
                            }
                        })
                        .or_insert(Some(id));
                }
                for form in spellings(name) {
                    add(form, id, false);
                }
            }
            if !person.surname.is_empty() {
                for form in spellings(&person.surname) {
                    add(form, id, true);
                }
            }
        }
        // Searched anchored, at the few bytes a name may start at (`person_matches`).
        assert!(patterns.iter().all(|p| !p.is_empty()), "an empty name");
        let person_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .expect("knowledge patterns are plain strings");
        let person_starts = Starts::new(&patterns);

        // Offices and countries.
        let mut office_phrases = FxHashMap::default();
        let mut office_list = Vec::new();
        for (id, office) in all.offices.iter().enumerate() {
            for phrase in &office.phrases {
                office_phrases.insert(norm(phrase), id);
                office_list.push((phrase.to_lowercase(), id));
            }
        }
        office_list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut country_words = FxHashMap::default();
        for (id, country) in all.countries.iter().enumerate() {
            let words = std::iter::once(&country.name)
                .chain(&country.adjectives)
                .chain(&country.aliases);
            for word in words {
                country_words.entry(word.clone()).or_insert(id);
                if word.chars().count() > 3 {
                    country_words.entry(word.to_lowercase()).or_insert(id);
                }
            }
        }
        let given_names = all
            .countries
            .iter()
            .flat_map(|c| c.given_names.iter().cloned())
            .collect();

        // Events.
        let series_ids: HashMap<&str, SeriesId> = all
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut series_pats = Vec::new();
        let mut series_patterns = Vec::new();
        let mut seen = HashMap::new();
        for (id, series) in all.series.iter().enumerate() {
            for alias in &series.aliases {
                for form in spellings(alias) {
                    if seen.insert(form.to_lowercase(), ()).is_none() {
                        series_pats.push(form);
                        series_patterns.push(SeriesOrEvent::Series(id));
                    }
                }
            }
        }
        let mut events_by_series: FxHashMap<SeriesId, Vec<EventId>> = FxHashMap::default();
        for (id, event) in all.events.iter().enumerate() {
            let Some(&series) = series_ids.get(event.series.as_str()) else {
                continue;
            };
            events_by_series.entry(series).or_default().push(id);
            for variant in &event.variants {
                for form in spellings(variant) {
                    if seen.insert(form.to_lowercase(), ()).is_none() {
                        series_pats.push(form);
                        series_patterns.push(SeriesOrEvent::Event(series, id));
                    }
                }
            }
        }
        let series_ac = ac(&series_pats, true);

        // Outlets.
        let mut outlet_names = FxHashMap::default();
        let mut outlet_hosts = FxHashMap::default();
        let mut marks = Vec::new();
        let mut mark_ids = Vec::new();
        let mut names = Vec::new();
        let mut name_ids = Vec::new();
        for (id, outlet) in all.outlets.iter().enumerate() {
            for name in std::iter::once(&outlet.name).chain(&outlet.aliases) {
                outlet_names.entry(norm(name)).or_insert(id);
                if let Some(bare) = name.strip_prefix("The ") {
                    outlet_names.entry(norm(bare)).or_insert(id);
                }
                for form in spellings(name) {
                    names.push(form);
                    name_ids.push(id);
                }
            }
            for host in &outlet.hosts {
                outlet_hosts
                    .entry(host.trim_start_matches("www.").to_lowercase())
                    .or_insert(id);
            }
            for mark in &outlet.dateline_marks {
                marks.push(mark.clone());
                mark_ids.push(id);
            }
        }

        Index {
            person_ac,
            person_starts,
            #[cfg(test)]
            person_spellings: patterns,
            person_patterns,
            person_names,
            person_surnames,
            person_ids,
            person_skeletons,
            person_typos: super::typo::TypoIndex::build(all.people.iter().enumerate().flat_map(
                |(id, p)| {
                    std::iter::once(&p.name)
                        .chain(&p.variants)
                        .map(move |n| (n.as_str(), id))
                },
            )),
            office_last_words: office_phrases
                .keys()
                .map(|k| k.rsplit(' ').next().unwrap_or_default().to_string())
                .collect(),
            office_phrases,
            office_list,
            country_words,
            given_names,
            series_ac,
            series_patterns,
            events_by_series,
            outlet_names,
            outlet_hosts,
            mark_ac: ac(&marks, false),
            mark_ids,
            outlet_name_ac: ac(&names, false),
            outlet_name_ids: name_ids,
        }
    }

    pub(super) fn person_by_name(&self, name: &str) -> Option<PersonId> {
        self.person_names.get(&norm(name)).copied()
    }

    /// Everyone whose surname is `surname`, ignoring ASCII case, in record order.
    pub(super) fn people_by_surname(&self, surname: &str) -> &[PersonId] {
        // Keys are ASCII lower case: a surname with a capital is looked up lowered.
        let found = if surname.bytes().any(|b| b.is_ascii_uppercase()) {
            self.person_surnames.get(&surname.to_ascii_lowercase())
        } else {
            self.person_surnames.get(surname)
        };
        found.map_or(&[], Vec::as_slice)
    }

    pub(super) fn person_by_id(&self, id: &str) -> Option<PersonId> {
        self.person_ids.get(id).copied()
    }

    pub(super) fn person_by_skeleton(&self, name: &str) -> Option<PersonId> {
        self.person_skeletons
            .get(&skeleton(name)?)
            .copied()
            .flatten()
    }

    pub(super) fn person_by_typo(&self, name: &str) -> Option<PersonId> {
        self.person_typos.person(name)
    }

    pub(super) fn office_by_phrase(&self, phrase: &str) -> Option<OfficeId> {
        self.office_phrases.get(&norm(phrase)).copied()
    }

    /// [`Self::office_by_phrase`] of the words joined by spaces; a short ASCII phrase is joined
    /// and normalised on the stack, without allocating.
    pub(super) fn office_by_words(&self, words: &[&str]) -> Option<OfficeId> {
        let mut buf = [0u8; 96];
        let mut len = 0;
        // Words that are not empty and hold no white space: the normalised phrase then ends
        // with the last word, trimmed of punctuation (at both ends when it is the only word).
        let mut plain = true;
        for (i, w) in words.iter().enumerate() {
            let gap = usize::from(i > 0);
            if len + gap + w.len() > buf.len() || !w.is_ascii() {
                return self.office_by_phrase(&words.join(" "));
            }
            plain &= !w.is_empty() && !w.bytes().any(|b| matches!(b, b'\t'..=b'\r' | b' '));
            if gap == 1 {
                buf[len] = b' ';
            }
            buf[len + gap..len + gap + w.len()].copy_from_slice(w.as_bytes());
            len += gap + w.len();
        }
        if plain && let Some(last) = words.last() {
            let punct = |b: &u8| b.is_ascii_punctuation() && !matches!(b, b'(' | b')' | b'/');
            let mut w = last.as_bytes();
            while let [rest @ .., b] = w
                && punct(b)
            {
                w = rest;
            }
            if words.len() == 1 {
                while let [b, rest @ ..] = w
                    && punct(b)
                {
                    w = rest;
                }
            }
            let mut lower = [0u8; 32];
            if !w.is_empty() && w.len() <= lower.len() {
                let lower = &mut lower[..w.len()];
                lower.copy_from_slice(w);
                lower.make_ascii_lowercase();
                let lower = std::str::from_utf8(lower).expect("ASCII in, ASCII out");
                if !self.office_last_words.contains(lower) {
                    return None;
                }
            }
        }
        let n = norm_ascii_in_place(&mut buf[..len]);
        let key = std::str::from_utf8(&buf[..n]).expect("ASCII in, ASCII out");
        self.office_phrases.get(key).copied()
    }

    pub(super) fn country_by_word(&self, word: &str) -> Option<CountryId> {
        let word = word.trim();
        let bare = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .unwrap_or(word);
        self.country_words
            .get(bare)
            .or_else(|| {
                (bare.chars().count() > 3)
                    .then(|| self.country_words.get(&bare.to_lowercase()))
                    .flatten()
            })
            .copied()
    }

    pub(super) fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word.trim())
    }

    pub(super) fn find_people(&self, kb: &Knowledge, text: &str) -> Vec<PersonMention> {
        let mut full = Vec::new();
        let mut surnames = Vec::new();
        for m in self.person_matches(text) {
            if !word_bounded(text, m.start(), m.end()) {
                continue;
            }
            let pattern = &self.person_patterns[m.pattern().as_usize()];
            if let [person] = pattern.full[..] {
                full.push((person, m.start(), m.end()));
            } else if let Some((start, person)) = self.with_middle_initial(text, m.start(), m.end())
            {
                full.push((person, start, m.end()));
            } else if !pattern.surname.is_empty() {
                surnames.push((pattern.surname.clone(), m.start(), m.end()));
            }
        }
        let mut out: Vec<PersonMention> = full
            .iter()
            .map(|&(person, start, end)| PersonMention {
                person,
                start,
                end,
                surname_only: false,
                role: self.role_around(kb, text, start, end),
            })
            .collect();
        for (candidates, start, end) in surnames {
            let named: Vec<PersonId> = candidates
                .into_iter()
                .filter(|c| full.iter().any(|(p, _, _)| p == c))
                .collect();
            if let [person] = named[..] {
                out.push(PersonMention {
                    person,
                    start,
                    end,
                    surname_only: true,
                    role: self.role_around(kb, text, start, end),
                });
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }

    /// A known name written with a middle initial the base leaves out ("Retno LP Marsudi",
    /// "Carla N. Barnett" for Retno Marsudi, Carla Barnett): the surname at `start..end`, the
    /// initials before it, the given name before them. Where the given name starts, and who.
    fn with_middle_initial(
        &self,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<(usize, PersonId)> {
        let head = text[..start].strip_suffix(' ')?;
        let (rest, initials) = head.rsplit_once(' ')?;
        if !is_middle_initial(initials) {
            return None;
        }
        let given_start = rest.rfind([' ', '\n']).map_or(0, |i| i + 1);
        let given = &rest[given_start..];
        if !given.starts_with(char::is_uppercase) || given.chars().count() < 2 {
            return None;
        }
        let name = format!("{given} {}", &text[start..end]);
        self.person_by_name(&name).map(|p| (given_start, p))
    }

    /// The matches `person_ac.find_iter(text)` would give (leftmost-longest, not overlapping)
    /// if it were built for unanchored searches: the leftmost match is the longest match
    /// anchored at the first byte where there is one, and a match can only be anchored where
    /// a pattern's first two bytes stand (`person_starts`). The unanchored automaton walks
    /// every byte of the text; this tries the three or four in a hundred where a name may
    /// start.
    fn person_matches<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = aho_corasick::Match> + 't {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            loop {
                let start = self.person_starts.next(bytes, at);
                if start >= bytes.len() {
                    return None;
                }
                at = start + 1;
                let input = Input::new(text).range(start..).anchored(Anchored::Yes);
                if let Some(m) = self.person_ac.find(input) {
                    // Patterns are not empty: the next search starts after this match.
                    at = m.end();
                    return Some(m);
                }
            }
        })
    }

    /// The office given to the name at `start..end`: a title just before it ("Russian Foreign
    /// Minister Sergey Lavrov") or an apposition just after it ("Kono, Japan's foreign minister").
    fn role_around(
        &self,
        kb: &Knowledge,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<RoleMention> {
        self.role_before(kb, text, start)
            .or_else(|| self.role_after(kb, text, end))
    }

    fn role_before(&self, kb: &Knowledge, text: &str, start: usize) -> Option<RoleMention> {
        let head = text[..start].trim_end_matches([' ', '\u{a0}']);
        if head.len() == start {
            // The name must follow its title, separated by a space.
            return None;
        }
        // Or set off by a comma: "French Foreign Minister, Jean-Marc Ayrault, discussed…".
        let head = head.strip_suffix(',').unwrap_or(head);
        let window_start = floor_char(head, head.len().saturating_sub(80));
        let window = &head[window_start..];
        let lower = window.to_ascii_lowercase();
        for (phrase, office) in &self.office_list {
            if !lower.ends_with(phrase.as_str()) {
                continue;
            }
            let rel = lower.len() - phrase.len();
            let phrase_start = window_start + rel;
            if !word_bounded(text, phrase_start, window_start + window.len()) {
                continue;
            }
            let before = text[..phrase_start].trim_end();
            let country = country_of_last_words(kb, before);
            let (country, role_start) = match country {
                Some((c, at)) => (Some(c), at),
                None => (None, phrase_start),
            };
            return Some(RoleMention {
                office: *office,
                country,
                start: role_start,
                end: window_start + window.len(),
            });
        }
        None
    }

    /// Every office named in `text` with its country before it ("the Chinese Foreign
    /// Minister", "Ireland's Minister for Foreign Affairs") or after it ("Minister of Foreign
    /// Affairs of Chile"), name or no name, in order. Mentions without a country are left out:
    /// an office alone ("the minister") is anyone's.
    pub(super) fn roles_in(&self, kb: &Knowledge, text: &str) -> Vec<RoleMention> {
        let lower = text.to_ascii_lowercase();
        let mut found: Vec<RoleMention> = Vec::new();
        // Longest phrases first: "foreign ministry spokesperson" before "spokesperson".
        for (phrase, office) in &self.office_list {
            for (at, _) in lower.match_indices(phrase.as_str()) {
                let end = at + phrase.len();
                if !word_bounded(text, at, end) || found.iter().any(|r| r.start < end && at < r.end)
                {
                    continue;
                }
                let before = text[..at].trim_end();
                let before = before
                    .strip_suffix("'s")
                    .or_else(|| before.strip_suffix("\u{2019}s"))
                    .unwrap_or(before);
                let mut start = at;
                let country = country_of_last_words(kb, before).map(|(c, from)| {
                    start = from;
                    c
                });
                let country = country.or_else(|| {
                    let rest = text[end..].strip_prefix(" of ")?;
                    let rest = rest.strip_prefix("the ").unwrap_or(rest);
                    let words: Vec<&str> = rest
                        .split_whitespace()
                        .take(3)
                        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
                        .collect();
                    (1..=words.len())
                        .rev()
                        .find_map(|n| kb.country_by_word(&words[..n].join(" ")))
                });
                if let Some(country) = country {
                    found.push(RoleMention {
                        office: *office,
                        country: Some(country),
                        start,
                        end,
                    });
                }
            }
        }
        found.sort_by_key(|r| r.start);
        found
    }

    fn role_after(&self, kb: &Knowledge, text: &str, end: usize) -> Option<RoleMention> {
        let rest = text[end..].strip_prefix(", ")?;
        let rest_start = end + 2;
        let line_end = rest
            .find(['\n', ',', ';', '.'])
            .unwrap_or(rest.len())
            .min(90);
        let clause = &rest[..floor_char(rest, line_end)];
        let mut words: Vec<&str> = clause.split(' ').collect();
        let mut country = None;
        let mut skip = 0;
        // "the", a country adjective or possessive, then the office phrase.
        while let Some(w) = words.first() {
            if w.eq_ignore_ascii_case("the") {
                skip += w.len() + 1;
                words.remove(0);
            } else if let Some(c) = kb.country_by_word(w) {
                country = Some(c);
                skip += w.len() + 1;
                words.remove(0);
            } else {
                break;
            }
        }
        let phrase_text = &clause[skip.min(clause.len())..];
        let lower = phrase_text.to_ascii_lowercase();
        for (phrase, office) in &self.office_list {
            let after = phrase_text
                .get(phrase.len()..)
                .and_then(|r| r.chars().next());
            let closes = after.is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '\n'));
            if lower.starts_with(phrase.as_str())
                && word_bounded(phrase_text, 0, phrase.len())
                && closes
            {
                return Some(RoleMention {
                    office: *office,
                    country,
                    start: rest_start,
                    end: rest_start + skip + phrase.len(),
                });
            }
        }
        None
    }

    pub(super) fn find_events(&self, kb: &Knowledge, text: &str) -> Vec<EventMention> {
        let mut out = Vec::new();
        for m in self.series_ac.find_iter(text) {
            if !word_bounded(text, m.start(), m.end()) {
                continue;
            }
            let (series, all): (SeriesId, Vec<EventId>) =
                match self.series_patterns[m.pattern().as_usize()] {
                    SeriesOrEvent::Series(s) => (
                        s,
                        self.events_by_series.get(&s).cloned().unwrap_or_default(),
                    ),
                    // A variant naming its year is one event; one naming a place is narrowed
                    // by place like a series name (several meetings share a city).
                    SeriesOrEvent::Event(s, e) if !names_year(&text[m.start()..m.end()]) => (
                        s,
                        self.events_by_series
                            .get(&s)
                            .cloned()
                            .unwrap_or_else(|| vec![e]),
                    ),
                    SeriesOrEvent::Event(s, e) => (s, vec![e]),
                };
            let window = sentence_around(text, m.start(), m.end());
            let placed: Vec<EventId> = all
                .iter()
                .copied()
                .filter(|&e| contains_word(window, &kb.events[e].place))
                .collect();
            let place_matched = !placed.is_empty();
            out.push(EventMention {
                series,
                start: m.start(),
                end: m.end(),
                candidates: if place_matched { placed } else { all },
                place_matched,
            });
        }
        out
    }

    pub(super) fn outlet_by_name(&self, name: &str) -> Option<OutletId> {
        self.outlet_names.get(&norm(name)).copied()
    }

    pub(super) fn outlet_by_host(&self, host: &str) -> Option<OutletId> {
        let mut host = host.trim().trim_start_matches("www.").to_ascii_lowercase();
        loop {
            if let Some(&id) = self.outlet_hosts.get(&host) {
                return Some(id);
            }
            match host.split_once('.') {
                Some((_, rest)) if rest.contains('.') => host = rest.to_string(),
                _ => return None,
            }
        }
    }

    pub(super) fn find_outlet_marks(&self, text: &str) -> Vec<(OutletId, usize, usize)> {
        self.mark_ac
            .find_iter(text)
            .map(|m| (self.mark_ids[m.pattern().as_usize()], m.start(), m.end()))
            .collect()
    }

    pub(super) fn find_outlet_names(&self, text: &str) -> Vec<(OutletId, usize, usize)> {
        self.outlet_name_ac
            .find_iter(text)
            .filter(|m| word_bounded(text, m.start(), m.end()))
            .map(|m| {
                (
                    self.outlet_name_ids[m.pattern().as_usize()],
                    m.start(),
                    m.end(),
                )
            })
            .collect()
    }
}

/// Whether a phrase contains a four-digit year.
fn names_year(phrase: &str) -> bool {
    phrase
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
}

/// The largest char boundary at or below `i`.
pub(crate) fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The last one, two and three words of `s` (longest last), each with its byte offset.
/// The country the last words of `s` name, and where those words start: the last word
/// ("Russian"), or a longer phrase where it names another country ("Papua New Guinea", not
/// "Guinea"; "South Sudan", not "Sudan").
fn country_of_last_words(kb: &Knowledge, s: &str) -> Option<(CountryId, usize)> {
    let mut found: Option<(CountryId, usize)> = None;
    for (w, at) in last_words(s) {
        if let Some(c) = kb.country_by_word(w)
            && found.is_none_or(|(f, _)| f != c)
        {
            found = Some((c, at));
        }
    }
    found
}

fn last_words(s: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut cut = s.len();
    for _ in 0..3 {
        let Some(space) = s[..cut].rfind([' ', '\n', '\u{a0}', '(']) else {
            let w = &s[..cut];
            if !w.is_empty() {
                out.push((&s[0..], 0));
            }
            break;
        };
        let w_start = space + s[space..].chars().next().map_or(1, char::len_utf8);
        out.push((&s[w_start..], w_start));
        if s[..space].ends_with(['\n', '.', ',', ';']) {
            break;
        }
        cut = space;
    }
    // Single word first: "Russian" before "the Russian".
    out
}

/// The sentence-ish window (bounded by line ends and 240 bytes each way) around a match.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let lo = floor_char(text, start.saturating_sub(240));
    let hi = floor_char(text, (end + 240).min(text.len()));
    let lo = text[lo..start].rfind('\n').map_or(lo, |i| lo + i + 1);
    let hi = text[end..hi].find('\n').map_or(hi, |i| end + i);
    &text[lo..hi]
}

/// Whether `word` stands in `hay` as whole words, ignoring ASCII case.
pub(crate) fn contains_word(hay: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let lower = hay.to_ascii_lowercase();
    let needle = word.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&needle) {
        let at = from + i;
        if word_bounded(&lower, at, at + needle.len()) {
            return true;
        }
        from = at + needle.len();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{AhoCorasickBuilder, MatchKind};

    #[test]
    fn office_by_words_matches_office_by_phrase() {
        let kb = crate::knowledge::Knowledge::builtin();
        for phrase in [
            "Foreign Minister",
            "the foreign minister,",
            "\"Prime Minister",
            "-- premier",
            "PM.",
            "Secretary-General",
            "top diplomat:",
            "minister",
            "...",
            "Ministre des Affaires étrangères",
        ] {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            for take in 1..=words.len() {
                let words = &words[words.len() - take..];
                assert_eq!(
                    kb.index.office_by_words(words),
                    kb.index.office_by_phrase(&words.join(" ")),
                    "{words:?}"
                );
            }
        }
    }

    #[test]
    fn norm_ascii_in_place_matches_norm() {
        use super::{norm, norm_ascii_in_place};
        for s in [
            "",
            " ",
            "Foreign Minister",
            "  the  Prime\tMinister. ",
            "\"President",
            "(acting) PM,",
            "Secretary-General's",
            "...",
            "a / b",
            "U.S. Secretary of State:",
        ] {
            let mut buf = s.as_bytes().to_vec();
            let n = norm_ascii_in_place(&mut buf);
            assert_eq!(std::str::from_utf8(&buf[..n]).unwrap(), norm(s), "{s:?}");
        }
    }

    #[test]
    fn names_are_matched_where_an_unanchored_search_matches_them() {
        let kb = crate::knowledge::Knowledge::builtin();
        let index = &kb.index;
        let unanchored = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&index.person_spellings)
            .unwrap();
        let mut texts: Vec<String> = std::fs::read_dir("content")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        // Names glued to each other and to words, at the ends, in capitals, in other scripts.
        let names: Vec<&String> = index.person_spellings.iter().step_by(7).collect();
        for pair in names.windows(2) {
            texts.push(format!("{}{} x{}, {}", pair[0], pair[1], pair[0], pair[1]));
            let head: String = pair[1].chars().take(3).collect();
            texts.push(format!("«{}»{head}", pair[0]));
        }
        texts.push(String::from("A"));
        assert!(texts.len() > 1000);
        for text in &texts {
            let matches = |it: &mut dyn Iterator<Item = aho_corasick::Match>| {
                it.map(|m| (m.start(), m.end(), m.pattern()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                matches(&mut index.person_matches(text)),
                matches(&mut unanchored.find_iter(text)),
                "{text:?}"
            );
        }
    }

    use super::{norm, skeleton};

    #[test]
    fn norm_reads_ascii_phrases_byte_by_byte_as_it_reads_others() {
        for s in [
            "",
            " ",
            "Foreign  Minister",
            "  \"Foreign Minister,\" ",
            "...Deputy\tPrime\x0bMinister!!",
            "(Acting) President/",
            "Minister's",
            ".,;",
            "a . b",
        ] {
            let mut general = String::new();
            let trimmed = s.trim().trim_matches(|c: char| {
                c.is_ascii_punctuation() && c != '(' && c != ')' && c != '/'
            });
            for w in trimmed.split_whitespace() {
                if !general.is_empty() {
                    general.push(' ');
                }
                general.push_str(w);
            }
            assert_eq!(norm(s), general.to_lowercase(), "{s:?}");
        }
        assert_eq!(norm(" Minister\u{2019}s "), "minister's");
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        let same = |a: &str, b: &str| skeleton(a).is_some() && skeleton(a) == skeleton(b);
        assert!(same("Riad al-Maleki", "Riyad al-Maliki"));
        assert!(same("Ahmad Abul Gheit", "Ahmed Aboul Gheit"));
        assert!(same("Bahram Qasemi", "Bahram Ghasemi"));
        assert!(same("Rangeen Dadfar Spanta", "Rangin Dadfar Spanta"));
        assert!(same("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"));
        // Other consonants are other names; short names say too little.
        assert!(!same("Bahram Qasemi", "Bahram Hashemi"));
        assert_eq!(skeleton("Li Bo"), None);
        assert_eq!(skeleton("Lavrov"), None);
    }
}

#[cfg(test)]
mod particle_tests {
    use super::{capitalise_particles, lower_particles};

    #[test]
    fn a_known_name_with_capitalised_particles_is_a_full_mention() {
        assert_eq!(
            capitalise_particles("Faisal bin Farhan Al Saud"),
            "Faisal Bin Farhan Al Saud"
        );
        // Only short lower-case words: a name's other words stay as written.
        assert_eq!(
            capitalise_particles("Ursula von der Leyen"),
            "Ursula Von Der Leyen"
        );
        assert_eq!(capitalise_particles("Mao Ning"), "Mao Ning");
        // And the other way: the particles the base capitalises, lowered as copy may.
        assert_eq!(lower_particles("Jean-Yves Le Drian"), "Jean-Yves le Drian");
        assert_eq!(lower_particles("Le Luong Minh"), "le Luong Minh");
        assert_eq!(lower_particles("Lee Hsien Loong"), "Lee Hsien Loong");
        let kb = crate::knowledge::Knowledge::builtin();
        let lowered = kb.find_people("Nasser Bourita and Jean-Yves le Drian met the press.");
        assert!(
            lowered
                .iter()
                .any(|m| kb.people[m.person].name == "Jean-Yves Le Drian" && !m.surname_only),
            "{lowered:?}"
        );
        let text = "Saudi Foreign Minister Prince Faisal Bin Farhan Al Saud spoke to reporters.";
        let found = kb.find_people(text);
        assert!(
            found
                .iter()
                .any(|m| kb.people[m.person].id == "faisal-bin-farhan" && !m.surname_only),
            "{found:?}"
        );
    }
}
