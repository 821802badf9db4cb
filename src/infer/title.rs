//! The headline: the author's, a heading line of the text (all-caps ones title-cased), or one
//! derived from the lead when the text has none.

use crate::clean::{BlockKind, Doc, MetaKind};

use super::{Evidence, Inferred, Span};

/// Small words kept lower-case inside a title-cased headline (AP and Chicago style).
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "onto", "or", "over", "per", "the", "to", "upon", "via", "vs", "with",
];

/// Abbreviations kept in capitals when an all-caps headline is title-cased.
const ACRONYMS: &[&str] = &[
    "US", "USA", "UK", "UN", "EU", "NATO", "G7", "G8", "G20", "BRICS", "SCO", "APEC", "ASEAN",
    "OSCE", "OPEC", "IAEA", "WHO", "WTO", "IMF", "INF", "START", "DPRK", "PRC", "ROK", "USSR",
    "CIS", "CSTO", "AUKUS", "QUAD", "MFA", "TASS", "RIA", "AFP", "AP", "BBC", "CNN", "NHK", "LDP",
    "GDP", "LNG", "COVID-19", "II", "III", "IV",
];

/// How many blocks at the top of a text may hold the headline: page furniture rarely runs
/// longer before the story.
const OPENING_BLOCKS: usize = 24;

/// Picks the headline among the blocks before the story's first paragraph, skipping `skip`
/// (blocks already taken as something else, such as the outlet's name line). Returns the title
/// and the index of the block it came from.
///
/// Pages pasted from a browser put their furniture before the headline: language switchers,
/// breadcrumbs, section labels, notices, tag lists, the site's name. Each candidate line is
/// refused when it has the shape of furniture ([`furniture_reason`]) and otherwise scored the
/// way a reader spots a headline: it shares words with the story below it, it is followed by
/// the story's date, it reads as a clause (a few function words) of headline length, and it
/// stands near the top.
/// A headline copied from a page's title keeps the site's name after a separator
/// ("Lamamra Welcomes Positive Indicators … - Algeria latest news", "… | Harbour Times"):
/// the name is cut when the knowledge base knows the outlet or the words call it news.
pub fn without_site_name(
    mut title: Inferred<String>,
    kb: &crate::knowledge::Knowledge,
) -> Inferred<String> {
    let Some(text) = title.value.as_deref() else {
        return title;
    };
    // A site: an outlet the base knows, alone or opening the part ("X English Archive
    // 2005-2017"; not a ministry or a body, which says who spoke), or words that call it news.
    let publisher = |o: crate::knowledge::OutletId| {
        !matches!(kb.outlets[o].kind.as_str(), "ministry" | "institution")
    };
    let opens_with_site =
        |site: &str| super::source::known_outlet_prefix(kb, site).is_some_and(publisher);
    let is_site = |site: &str| {
        kb.outlet_by_name(site).is_some_and(publisher)
            || opens_with_site(site)
            || site
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("news"))
    };
    // A browser's title, several parts behind bars ("… | Germany| News and in-depth reporting
    // from Berlin and beyond | DW | 25.03.2014"): the headline is the first part when the site
    // names itself in a later one.
    let parts: Vec<&str> = text.split('|').map(str::trim).collect();
    if parts.len() >= 3
        && parts[0].split_whitespace().count() >= 4
        && parts[1..].iter().any(|p| is_site(p))
    {
        let note = format!(
            "the site's name and sections after the headline are cut: \"{}\"",
            parts[1..].join(" | ")
        );
        title.value = Some(parts[0].to_string());
        title.evidence.push(Evidence::note("title.site-name", note));
        return title;
    }
    // A dash of another length sets off who said it ("… — Wisma Putra"), not the site.
    // A hyphen glued to the last word sets off a known outlet only ("… to U.S.-Xinhua").
    let glued = text
        .rfind('-')
        .filter(|&at| {
            let site = &text[at + 1..];
            !text[..at].ends_with(char::is_whitespace)
                && site.starts_with(char::is_uppercase)
                && kb.outlet_by_name(site).is_some_and(publisher)
        })
        .map(|at| (at, "-"));
    let Some((at, sep)) = [" | ", " - "]
        .iter()
        .filter_map(|sep| text.rfind(sep).map(|at| (at, *sep)))
        .chain(glued)
        .max_by_key(|&(at, _)| at)
    else {
        return title;
    };
    let (head, site) = (&text[..at], text[at + sep.len()..].trim());
    let site_words = site.split_whitespace().count();
    // A known outlet's name may open a longer part ("X English Archive 2005 -2017").
    let site_part =
        (1..=5).contains(&site_words) && is_site(site) || site_words <= 8 && opens_with_site(site);
    if !site_part || head.split_whitespace().count() < 4 {
        return title;
    }
    let note = format!("the site's name after the headline is cut: \"{site}\"");
    title.value = Some(head.trim_end().to_string());
    title.evidence.push(Evidence::note("title.site-name", note));
    title
}

pub fn title_from_heading(doc: &Doc, skip: &[usize]) -> Option<(Inferred<String>, usize)> {
    let story = story_start(doc);
    let story_words = story_vocabulary(doc, story);
    let end = story.unwrap_or(doc.blocks.len()).min(OPENING_BLOCKS);
    let texts: Vec<&str> = doc.blocks[..end].iter().map(|b| b.text.trim()).collect();
    let mut best: Option<(f32, usize, String)> = None;
    for (i, block) in doc.blocks[..end].iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        // A bullet before a headline is the list's, not the headline's ("• PRESS RELEASE: …").
        let raw = texts[i]
            .trim_start_matches(['\u{2022}', '*', '\u{b7}'])
            .trim_start();
        let text = strip_breadcrumb_words(raw);
        if block.kind == BlockKind::Paragraph
            && (ends_sentence_strictly(text) || has_inner_sentence_end(text) || words(text) > 30)
        {
            continue;
        }
        if furniture_reason(raw).is_some()
            || text.len() != raw.len() && furniture_reason(text).is_some()
        {
            continue;
        }
        // "BEIJING, April 24 (APP):Eight ministers met…": a dateline with its day or credit
        // opens the story's first paragraph, hard-wrapped or not; no headline starts so.
        if crate::dates::parse_dateline(text).is_some_and(|d| d.day.is_some() || d.mark.is_some()) {
            continue;
        }
        // "Says that peace and stability … was crucial": a standfirst whose subject is the
        // headline's speaker above it; no headline opens with its verb.
        if text
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "Says" | "Said" | "Adds" | "Added"))
        {
            continue;
        }
        // "Spokesperson and Deputy Minister Noh Kwang-il": a title and a name, the line that
        // says who speaks, not what.
        // "Mr Tom Baker (Portville North) (Lab)": a member's seat and party after the name.
        if is_title_and_name(text) || is_member_line(text) {
            continue;
        }
        // "Wang Yi n Mike Pompeo", "Amal Rashed and Kofi Mensah": a photo's caption naming the
        // people the story names, not what they did.
        if names_people_only(text, &doc.text[block.span.end..]) {
            continue;
        }
        // "Label Headline" followed by the bare headline: the label was glued on.
        if texts[i + 1..]
            .iter()
            .any(|later| later.len() + 3 < text.len() && text.ends_with(later) && words(later) >= 3)
        {
            continue;
        }
        // "Headline Standfirst" where the bare headline stands on a line of its own: the
        // standfirst was glued on; so was a date after a comma ("Statement from the Embassy,
        // December 29, 2017" under "Statement from the Embassy").
        if texts.iter().enumerate().any(|(j, other)| {
            j != i
                && other.len() + 3 < text.len()
                && words(other) >= 4
                && text.starts_with(other)
                && (text[other.len()..].starts_with(' ')
                    || text[other.len()..]
                        .strip_prefix(", ")
                        .is_some_and(has_full_date))
        }) {
            continue;
        }
        let n = words(text);
        let mut score = match n {
            0..=1 => continue,
            2 => -1.5,
            3 => 0.5,
            4..=30 => 2.0,
            _ => -1.0,
        };
        let shared = shared_words(text, &story_words);
        if is_tag_list(text, shared) {
            continue;
        }
        score += 1.5 * shared.min(3) as f32;
        if n >= 3 && has_function_word(text) {
            score += 0.5;
        }
        // The headline-then-date pattern, or a headline carrying its own day ("Briefing on
        // 29 December 2023").
        if date_follows(doc, i, end) || has_full_date(text) {
            score += 2.0;
        }
        // A headline is a short line of its own; a long unpunctuated paragraph under it is a
        // standfirst.
        // A headline over its deck ("Kazakhstan FM comments on X", then "According to the
        // minister, …", then the story) is as near the story as the deck is.
        // A deck is written as a sentence: words in lower case that are no function words,
        // where a body's or an office's name ("Ministry of Foreign Affairs and International
        // Cooperation") capitalises every one.
        let deck = |j: usize| {
            doc.blocks[j].kind == BlockKind::Heading
                && (4..=30).contains(&words(texts[j]))
                && furniture_reason(texts[j]).is_none()
                && texts[j]
                    .split_whitespace()
                    .filter(|w| {
                        w.starts_with(char::is_lowercase) && !is_function_word(&w.to_lowercase())
                    })
                    .count()
                    >= 2
        };
        if block.kind == BlockKind::Paragraph {
            score -= 1.0;
        } else if story == Some(i + 1) || story == Some(i + 2) && deck(i + 1) {
            score += 1.5;
        }
        score -= 0.15 * i as f32;
        if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            best = Some((score, i, text.to_string()));
        }
    }
    let (score, i, text) = best?;
    // A lone short label with nothing tying it to the story is not a headline.
    if score < 1.0 {
        return None;
    }
    let span = doc.blocks[i].span;
    Some(if is_all_caps(&text) {
        (
            Inferred::known(
                title_case(&text),
                0.85,
                vec![Evidence::at(
                    "title.all-caps-heading",
                    &doc.text,
                    span,
                    "a heading above the story, written in capitals, title-cased",
                )],
            ),
            i,
        )
    } else {
        let (rule, note) = if i == 0 {
            ("title.heading", "the first heading line of the text")
        } else {
            (
                "title.past-furniture",
                "the heading above the story, past the page's furniture",
            )
        };
        (
            Inferred::known(
                text,
                if i == 0 { 0.95 } else { 0.85 },
                vec![Evidence::at(rule, &doc.text, span, note)],
            ),
            i,
        )
    })
}

/// The first block of running text: a paragraph of some length that ends a sentence. Headings
/// are looked for only above it.
fn story_start(doc: &Doc) -> Option<usize> {
    // A site's tagline or notice is a sentence too ("Get the latest news from around the
    // world, live coverage…."), but no story's.
    doc.blocks.iter().position(|b| {
        b.kind == BlockKind::Paragraph
            && words(&b.text) >= 10
            && (ends_sentence_strictly(&b.text) || has_inner_sentence_end(&b.text))
            // A photo's caption over the headline ("X (left), Minister of …, speaking at
            // the meeting. With her is Y (right) …") is no story either, nor the same words
            // twice over ("Showing posts with label X. Show all posts Showing posts …").
            && !matches!(
                furniture_reason(&b.text),
                Some("notice" | "photo caption" | "repeated caption")
            )
    })
}

/// Whether a sentence ends inside the text ("… next month. He said …"): running text, not a
/// headline. Initials and abbreviations ("U.S. envoy", "Mr. Li") do not count.
fn has_inner_sentence_end(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices(". ").any(|(i, _)| {
        let before = text[..i].rsplit(' ').next().unwrap_or("");
        let next_upper = text[i + 2..].chars().next().is_some_and(char::is_uppercase);
        let abbreviation = before.len() <= 3 || before.contains('.');
        next_upper && !abbreviation && i > 0 && bytes[i - 1].is_ascii_lowercase()
    })
}

/// The content words of the story's opening (its first three paragraphs), as stems.
fn story_vocabulary(doc: &Doc, story: Option<usize>) -> Vec<u128> {
    let Some(start) = story else {
        return Vec::new();
    };
    let mut out: Vec<u128> = doc.blocks[start..]
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .take(3)
        .flat_map(|b| content_stems(&b.text))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Keys of the lower-cased five-letter stems of the words that carry content
/// ("Indonesian" and "Indonesia" share "indon"); keys rather than strings because this
/// runs over the story's opening for every article.
fn content_stems(text: &str) -> impl Iterator<Item = u128> + '_ {
    alphanumeric_runs(text)
        .filter(|w| w.chars().nth(2).is_some())
        .filter(|w| {
            w.len() > 7 || {
                let mut buf = [0u8; 8];
                let lower = lower_ascii(w, &mut buf);
                !lower.is_some_and(is_function_word)
            }
        })
        .map(stem_key)
}

/// The runs of letters and digits in `text`: the words `split(|c| !c.is_alphanumeric())`
/// gives, without its empty pieces. ASCII is read byte by byte, other characters decoded.
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // The length of the character at `i` when it is a letter or a digit.
    let alphanumeric_at = move |i: usize| match bytes[i] {
        b if b < 0x80 => b.is_ascii_alphanumeric().then_some(1),
        _ => text[i..]
            .chars()
            .next()
            .filter(|c| c.is_alphanumeric())
            .map(char::len_utf8),
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            if i >= bytes.len() {
                return None;
            }
            if alphanumeric_at(i).is_some() {
                break;
            }
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        let start = i;
        while i < bytes.len()
            && let Some(len) = alphanumeric_at(i)
        {
            i += len;
        }
        Some(&text[start..i])
    })
}

/// The word in ASCII lower case, when it is short and ASCII enough to fit the buffer.
fn lower_ascii<'b>(w: &str, buf: &'b mut [u8; 8]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (o, b) in buf.iter_mut().zip(w.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).ok()
}

/// A key for the first five lower-cased characters of a word: the characters themselves, 21
/// bits each (the widest a `char` needs), after a leading 1 and before an end mark no `char`
/// has, so that two words share a key exactly when they share those characters.
fn stem_key(w: &str) -> u128 {
    const END: u128 = 0x1F_FFFF;
    let mut key = 1u128;
    let mut n = 0;
    // ASCII lower-cased in place; other characters by their (possibly longer) lower case.
    'chars: for c in w.chars() {
        let mut lower = [c.to_ascii_lowercase(), '\0', '\0'];
        let lower = if c.is_ascii() {
            &lower[..1]
        } else {
            let mut k = 0;
            for l in c.to_lowercase() {
                lower[k] = l;
                k += 1;
            }
            &lower[..k]
        };
        for &l in lower {
            if n == 5 {
                break 'chars;
            }
            key = (key << 21) | u128::from(u32::from(l));
            n += 1;
        }
    }
    if n < 5 {
        key = (key << 21) | END;
    }
    key
}

fn shared_words(text: &str, story: &[u128]) -> usize {
    let mut stems: Vec<u128> = content_stems(text).collect();
    stems.sort_unstable();
    stems.dedup();
    stems
        .iter()
        .filter(|s| story.binary_search(s).is_ok())
        .count()
}

/// Words that make a line a clause rather than a label or a list of tags.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "at", "by", "from", "as",
    "over", "after", "amid", "is", "are", "was", "be", "will", "not", "its", "his", "her", "their",
    "into", "about", "against", "says", "said", "that", "this", "has", "have", "who", "than",
    "but", "or", "more", "new", "our", "we", "you", "your", "all",
];

/// Whether a lower-case word is one of [`FUNCTION_WORDS`]: asked of every word of a story's
/// opening, so a set rather than a scan of the list.
pub(super) fn is_function_word(w: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());
    SET.contains(w)
}

fn has_function_word(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| is_function_word(&w.to_lowercase()))
}

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether the text ends a sentence with a full stop (a headline may end in "?" or "!").
fn ends_sentence_strictly(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', '»']);
    t.ends_with(['.', '…']) && !t.ends_with("..")
}

/// Whether a date line or a byline with a date comes right after block `i` (before the next
/// block): the headline-then-date pattern of news pages.
fn date_follows(doc: &Doc, i: usize, end: usize) -> bool {
    let from = doc.blocks[i].span.end;
    // Short lines may stand between: a speaker's name, a place ("Sean McCormack, Spokesman",
    // "Washington, DC").
    let mut next = i + 1;
    while next < end.min(i + 3) && words(&doc.blocks[next].text) <= 4 {
        next += 1;
    }
    let to = doc
        .blocks
        .get(next)
        .filter(|_| next <= end)
        .map_or(doc.text.len(), |b| b.span.start);
    doc.meta.iter().any(|m| {
        matches!(m.kind, MetaKind::DateLine | MetaKind::Byline)
            && m.span.start >= from
            && m.span.start <= to
    }) || doc.blocks[i + 1..next.min(doc.blocks.len() - 1) + 1]
        .iter()
        .any(|b| {
            words(&b.text) <= 8
                && crate::dates::find(&b.text, None)
                    .iter()
                    .any(|t| t.explicit_year && t.day.is_some())
        })
}

/// Many capitalised words, no function word, and a word said twice or little in common with
/// the story: the tags or sections of a page ("Bilateral Defence Featured News News Politics").
/// A title-cased headline has the same look but speaks of the story.
fn is_tag_list(text: &str, shared: usize) -> bool {
    let ws: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    if ws.len() < 7 || has_function_word(text) {
        return false;
    }
    let mut sorted = ws.clone();
    sorted.sort_unstable();
    let repeated = sorted.windows(2).any(|w| w[0] == w[1]);
    repeated || shared < 2
}

/// Whether a line is only a title followed by a person's name.
fn is_title_and_name(text: &str) -> bool {
    let t = text.trim();
    let names = super::names::find_names(t);
    names.iter().any(|n| {
        let Some(before) = t.strip_suffix(n.name.as_str()) else {
            return false;
        };
        before.split_whitespace().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "and" | "of" | "for" | "the")
            })
            // "Secretary X And Foreign Minister Y": two people on the line are a joint
            // appearance's headline, not one speaker's label.
            && !names
                .iter()
                .any(|m| m.name != n.name && before.contains(m.name.as_str()))
    })
}

/// Whether the line is only names joined by "and", "n", "&" or commas, two or more of them of
/// two to four capitalised words each, every one of them written again in `below` (and the
/// line itself not: a headline a page repeats is still a headline).
fn names_people_only(text: &str, below: &str) -> bool {
    let mut parts = 0;
    for part in text
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" n "))
    {
        let part = part.trim();
        let n = part.split_whitespace().count();
        let capitalised = part
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
        if !(2..=4).contains(&n) || !capitalised || !below.contains(part) {
            return false;
        }
        parts += 1;
    }
    parts >= 2 && !below.contains(text)
}

/// "Mr Tom Baker (Portville North) (Lab)", "Senator Jane Doe (Harbour)": a record's line
/// naming a member by form of address and name, with seat or party in brackets.
fn is_member_line(text: &str) -> bool {
    let mut t = text.trim_end();
    let mut groups = 0;
    while let Some(inner) = t.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
    {
        t = inner[..open].trim_end();
        groups += 1;
    }
    let mut words = t.split_whitespace();
    // A form of address the name rules know ("Mr", "Dr", "Sir"), or a member's own.
    let honorific = words.next().is_some_and(|w| {
        super::names::is_honorific(w) || matches!(w, "Miss" | "Baroness" | "Senator")
    });
    let names: Vec<&str> = words.collect();
    groups > 0
        && honorific
        && (1..=4).contains(&names.len())
        && names.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Whether `text` writes a day with its year.
fn has_full_date(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        && crate::dates::find(text, None)
            .iter()
            .any(|t| t.explicit_year && t.day.is_some())
}

/// Navigation words a breadcrumb glued to the headline starts with ("Home News World …").
const CRUMB_WORDS: &[&str] = &[
    "home",
    "news",
    "world",
    "global",
    "local",
    "national",
    "international",
    "politics",
    "business",
    "opinion",
    "latest",
    "region",
    "regions",
    "asia",
    "europe",
    "africa",
    "americas",
    "diplomacy",
    "featured",
];

/// "Home News Global News Canada's minister travels" → "Canada's minister travels": a
/// breadcrumb that lost its separators when copied.
fn strip_breadcrumb_words(text: &str) -> &str {
    let mut rest = text;
    if !rest.starts_with("Home ") {
        return text;
    }
    loop {
        let Some((word, after)) = rest.split_once(' ') else {
            return text;
        };
        if CRUMB_WORDS.contains(&word.to_lowercase().as_str()) {
            rest = after.trim_start();
        } else {
            break;
        }
    }
    let starts_word = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '"' | '\'' | '\u{2018}' | '\u{201c}'));
    if words(rest) >= 3 && starts_word {
        rest
    } else {
        text
    }
}

/// Words that qualify an office in a title ("foreign minister", "deputy chief").
const OFFICE_MODIFIERS: &[&str] = &[
    "foreign",
    "prime",
    "vice",
    "deputy",
    "chief",
    "senior",
    "special",
    "permanent",
    "state",
    "former",
    "acting",
    "interior",
    "defence",
    "defense",
    "affairs",
    "cabinet",
    "assistant",
];

/// Why a line at the top of a page is furniture, not a headline; `None` when it may be one.
/// Shapes, not sites: a breadcrumb, a list of languages or tags, a notice, a caption or credit,
/// a reading, a line in another script.
pub fn furniture_reason(text: &str) -> Option<&'static str> {
    let t = text.trim();
    let lower = t.to_lowercase();
    // A wire's slug headline ("IAEA / Iran Grossi Visit Presser"): one slash between a
    // topic and a headline's words is no path; a dateline's credit ("Bishkek, June 9. /
    // Kabar /.") and a list of topics are no headline.
    let slug = t.matches(" / ").count() == 1
        && (5..=12).contains(&words(t))
        && !t.contains(['.', ',', '(', ')']);
    if [" > ", " › ", " » ", " / ", " | ", "\u{a0}>", " >\u{a0}"]
        .iter()
        .any(|sep| t.contains(sep) && !(slug && *sep == " / "))
        && !t.contains(": ")
    {
        return Some("breadcrumb or menu");
    }
    // "(Limited Text - Extracts only)", "(Spanish transcript – translation)": a note on the
    // text, in brackets, not a headline and not its lead.
    if t.starts_with('(') && t.ends_with(')') && t[1..].find(')') == Some(t.len() - 2) {
        return Some("note in brackets");
    }
    // A transcript's speaker label: "MR. SMITH: Good afternoon", "Q:". A questioner's
    // ("JOURNALIST: The institute has found that…") opens a turn however it ends.
    if let Some((label, speech)) = t.split_once(':')
        && label.chars().any(char::is_uppercase)
        && !label.chars().any(char::is_lowercase)
        && label.len() <= 40
        && (has_inner_sentence_end(speech)
            || ends_sentence_strictly(speech)
            || super::names::is_question_label(label.trim()) && words(speech) >= 5)
    {
        return Some("speaker label");
    }
    // A name and a title: "Jane Porter, Spokesperson", "Willard Cheng, ABS-CBN News", "Ana
    // Lestari, Minister of Foreign Affairs and Cooperation, Harbour Republic".
    if let Some((name, title)) = t.split_once(", ") {
        let name_words: Vec<&str> = name.split_whitespace().collect();
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let office = title
            .split_whitespace()
            .next()
            .is_some_and(|w| capitalised(&w) && w.split('-').any(super::people::is_person_title));
        // A photo's file name may run into the caption ("ANA LESTARI2 Ana Lestari, Minister
        // of …"): with an office after it, a longer run of capitals is still a name.
        let most = if office { 6 } else { 4 };
        if (2..=most).contains(&name_words.len())
            && name_words.iter().all(capitalised)
            && (words(title) <= 4
                && title.split_whitespace().all(|w| capitalised(&w))
                && !has_function_word(t)
                || office && words(title) <= 12 && !ends_sentence_strictly(t))
        {
            return Some("name and title");
        }
    }
    // A title and a name: "Iraq's foreign minister, Mohamed Al al-Hakim", "Harbour's Minister
    // of Foreign Affairs, Ana Lestari – MINISTRY OF FOREIGN AFFAIRS". The title's words are
    // an office's, its country's and function words: no verb, so no headline.
    if let Some((title, name)) = t.split_once(", ") {
        let name = name
            .split([' ', '\u{a0}'])
            .take_while(|w| !matches!(*w, "-" | "\u{2013}" | "\u{2014}" | "|"))
            .collect::<Vec<_>>();
        let name_ok = (2..=4).contains(&name.len())
            && name.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    || ["al-", "el-", "bin", "de", "van", "von", "da"]
                        .iter()
                        .any(|p| w.starts_with(p))
            })
            && name.iter().any(|w| w.starts_with(char::is_uppercase));
        let title_words: Vec<&str> = title.split_whitespace().collect();
        let office_word = |w: &str| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.split('-').any(super::people::is_person_title)
                || OFFICE_MODIFIERS.contains(&w.to_lowercase().as_str())
        };
        let title_ok = (2..=8).contains(&title_words.len())
            && title_words.last().is_some_and(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                w.split('-').any(super::people::is_person_title) || w.eq_ignore_ascii_case("affairs")
            })
            // The first word may be the country's ("Indonesian", "US").
            && title_words.iter().enumerate().all(|(i, w)| {
                office_word(w)
                    || is_function_word(&w.to_lowercase())
                    || w.ends_with("'s")
                    || w.ends_with("\u{2019}s")
                    || i == 0 && w.starts_with(char::is_uppercase)
            });
        if name_ok && title_ok {
            return Some("title and name");
        }
    }
    // "Office of the Press Secretary", "Office of the Spokesperson": the office that issues a
    // release, over its headline. Capitalised words closing on a person's title, no verb.
    if let Some(rest) = t.strip_prefix("Office of the ") {
        let ws: Vec<&str> = rest.split_whitespace().collect();
        if (1..=4).contains(&ws.len())
            && ws.iter().all(|w| w.starts_with(char::is_uppercase))
            && ws
                .last()
                .is_some_and(|w| w.split('-').any(super::people::is_person_title))
        {
            return Some("issuing office");
        }
    }
    // "The Hon Richard Marles MP": a name alone, in its forms of address.
    {
        let all: Vec<&str> = t.split_whitespace().collect();
        let forms = all
            .iter()
            .take_while(|w| w.eq_ignore_ascii_case("the") || super::names::is_honorific(w))
            .count();
        let addressed = forms > 0;
        let mut ws = &all[forms..];
        while let [rest @ .., last] = ws
            && super::names::is_post_nominal(last)
        {
            ws = rest;
        }
        if addressed
            && (2..=4).contains(&ws.len())
            && ws.len() < words(t)
            && ws.iter().all(|w| {
                w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
            })
        {
            return Some("name alone");
        }
    }
    // The same words twice over: an image's alternative text before its caption ("US
    // Ambassador Jane Doe US Ambassador Jane Doe HNN-Photo").
    {
        let ws: Vec<&str> = t.split_whitespace().collect();
        if (3..=ws.len() / 2).any(|k| ws[..k] == ws[k..2 * k]) {
            return Some("repeated caption");
        }
    }
    // A logo's alt text: "Logo of the 2025 Presidency", "Logo de Confidencial", "Gazette Logo".
    if lower.starts_with("logo of ") || lower.starts_with("logo de ") || lower.ends_with(" logo") {
        return Some("logo");
    }
    // A photo's caption placing its people: "Ana Lestari (left), Minister of Foreign
    // Affairs, speaking at the meeting", "The ministers (2nd R) pose".
    const PLACES: &[&str] = &[
        "(left)", "(right)", "(center)", "(centre)", "(l)", "(r)", "(c)", "(2nd l)", "(2nd r)",
        "(front)",
    ];
    if lower.contains('(') && PLACES.iter().any(|p| lower.contains(p)) {
        return Some("photo caption");
    }
    // An image's alternative text: "News banner image Desktop".
    if lower.contains("banner image") {
        return Some("image");
    }
    // A photo's caption with its credit after a slash: "The spokesperson speaks at a press
    // conference, December 29, 2025. /Foreign Ministry".
    if let Some((caption, credit)) = t.rsplit_once('/')
        && caption.trim_end().ends_with(['.', '!', '?'])
        && credit.trim().starts_with(char::is_uppercase)
        && words(credit) <= 5
        && words(caption) >= 4
    {
        return Some("photo caption");
    }
    // A breadcrumb's "you are here", in the languages of the sites that translate their
    // stories into English but not their furniture.
    const YOU_ARE_HERE: &[&str] = &[
        "you are here",
        "skip to",
        "usted está en",
        "está en:",
        "estás en",
        "você está em",
        "vous êtes ici",
        "vous êtes dans",
        "sie sind hier",
        "sei qui",
        "ti trovi in",
    ];
    if YOU_ARE_HERE.iter().any(|p| lower.starts_with(p)) {
        return Some("navigation");
    }
    // A section's label in the site's own language, above a story translated into English.
    const SECTIONS: &[&str] = &[
        "sala de prensa",
        "noticias",
        "comunicados",
        "comunicados de prensa",
        "prensa",
        "actualidad",
        "actualités",
        "communiqués",
        "communiqués de presse",
        "salle de presse",
        "nachrichten",
        "aktuelles",
        "pressemitteilungen",
        "notícias",
        "imprensa",
        "sala de imprensa",
        "notizie",
        "comunicati stampa",
        "novosti",
        "haberler",
        "berita",
    ];
    if SECTIONS.contains(&lower.trim_end_matches([':', '.']).trim()) {
        return Some("section label");
    }
    if institution_only(t) {
        return Some("institution's name");
    }
    const NOTICES: &[&str] = &[
        "cookie",
        "javascript",
        "your browser",
        "donation",
        "subscribe",
        "newsletter",
        "sign in",
        "log in",
        "paywall",
        "terms of use",
        "terms of service",
        "privacy",
        "click here",
        "download",
        "icon",
        "advertis",
        "official website of",
        "official site of",
        "all rights reserved",
        "copyright",
        "please share",
        "follow us",
        "view settings",
        "font size",
        "page language",
        "check against delivery",
        "provisional translation",
        "celebrating",
        "breaking news",
        "headline news",
        "courtesy of",
        "learn more",
        "sign up",
        "read more",
        // A site's tagline: "Get the latest news from around the world…".
        "get the latest",
        "stay up to date",
        "stay informed",
    ];
    static NOTICE_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new(NOTICES).expect("notices are plain strings")
        });
    if NOTICE_WORDS.is_match(&lower) {
        return Some("notice");
    }
    // A caption's remnant: "- Sputnik International, 1920".
    if t.starts_with(['-', '\u{2013}', '\u{2014}'])
        && t.rsplit(", ")
            .next()
            .is_some_and(|n| n.trim().chars().all(|c| c.is_ascii_digit()))
    {
        return Some("caption remnant");
    }
    if lower.starts_with("note:")
        || lower.starts_with("tag:")
        || lower.starts_with("tags:")
        || lower.starts_with("photo")
        || lower.contains("| photo")
        || lower.contains("picture via")
        || lower.contains("photo:")
    {
        return Some("caption or label");
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let latin = t
        .chars()
        .filter(|c| c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(c)))
        .count();
    if letters == 0 || latin * 2 < letters {
        return Some("not in English script");
    }
    // A line that names several scripts' languages, or repeats one word ("Print PRINT").
    if latin < letters && words(t) >= 3 {
        return Some("language list");
    }
    if crate::clean::glued_repeats(t).next().is_some() {
        return Some("glued repeat");
    }
    // Compared word by word, so that a line stops being read at its first other word.
    let mut ws = t.split_whitespace().map(str::to_lowercase);
    if let (Some(first), Some(second)) = (ws.next(), ws.next())
        && second == first
        && ws.all(|w| w == first)
    {
        return Some("repeated word");
    }
    // A reading: "13.3 C", "ID :".
    if t.ends_with(':') || letters * 2 < t.chars().filter(|c| !c.is_whitespace()).count() {
        return Some("label or reading");
    }
    None
}

/// "Ministry of Foreign Affairs", "Department of Foreign Affairs Press Service": a page's
/// masthead naming the institution, with at most the office that speaks for it; no story's
/// headline is an institution's name alone.
fn institution_only(t: &str) -> bool {
    const OPENERS: &[&str] = &[
        "Ministry of ",
        "Department of ",
        "Embassy of ",
        "Consulate General of ",
        "Permanent Mission of ",
        "High Commission of ",
    ];
    const OFFICES: &[&str] = &[
        "press service",
        "press office",
        "press centre",
        "press center",
        "information department",
        "press and information department",
    ];
    let Some(opener) = OPENERS.iter().find(|o| t.starts_with(*o)) else {
        return false;
    };
    // The office's words closing the line, in any case; compared on bytes, as the words are
    // ASCII, so that the cut is on `t`'s own boundaries.
    let body = OFFICES
        .iter()
        .find_map(|o| {
            let cut = t.len().checked_sub(o.len())?;
            (t.is_char_boundary(cut) && t[cut..].eq_ignore_ascii_case(o))
                .then(|| t[..cut].trim_end())
        })
        .unwrap_or(t);
    // "Ministry of Press Service": nothing is left after the opener once the office goes.
    let rest = body.get(opener.len()..).unwrap_or("");
    let ws: Vec<&str> = rest.split_whitespace().collect();
    // "Ministry of Foreign Affairs Statement" is what the ministry said: a headline.
    const SAYINGS: &[&str] = &[
        "statement",
        "release",
        "remarks",
        "briefing",
        "communique",
        "communiqué",
        "announcement",
        "comment",
        "comments",
        "declaration",
        "note",
    ];
    (1..=7).contains(&ws.len())
        && !ws
            .iter()
            .any(|w| SAYINGS.contains(&w.to_lowercase().trim_end_matches([',', ':'])))
        && ws.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(*w, "of" | "the" | "and" | "for" | "in" | "to")
        })
        && !t.ends_with(['.', '?', '!'])
}

/// A headline derived from the lead sentence: "Russia wants X, Lavrov said on Tuesday" becomes
/// "Russia wants X, Lavrov says".
pub fn title_from_lead(
    lead: &str,
    span: Span,
    doc: &Doc,
    speaker_surname: Option<&str>,
) -> Inferred<String> {
    let sentence = first_sentence(lead);
    let (claim, attributed) = split_attribution(sentence);
    let reported = speaker_surname.and_then(|s| reported_speech(sentence, s));
    let mut headline = match (&reported, attributed) {
        (Some(rest), false) => format!(
            "{} says {}",
            speaker_surname.unwrap_or_default(),
            shorten_words(rest.trim_end_matches([',', '.', ';']), 12)
        ),
        _ => shorten_words(claim.trim().trim_end_matches([',', '.', ';']), 14),
    };
    if attributed && reported.is_none() {
        if let Some(surname) = speaker_surname {
            headline.push_str(&format!(", {surname} says"));
        }
    }
    let headline = capitalise_first(&headline);
    Inferred::known(
        headline,
        0.5,
        vec![Evidence::at(
            "title.from-lead",
            &doc.text,
            span,
            "the text has no headline: derived from the lead sentence",
        )],
    )
}

/// "Prime Minister Fumio Kishida said Thursday he will attend X" → "he will attend X" when the
/// subject names the speaker: what they said, for a "Kishida says …" headline.
fn reported_speech<'a>(sentence: &'a str, surname: &str) -> Option<&'a str> {
    const TIME_WORDS: &[&str] = &[
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "that",
    ];
    let verb = [" said ", " says ", " stated ", " told reporters "]
        .iter()
        .filter_map(|v| sentence.find(v).map(|i| (i, v.len())))
        .min()?;
    let subject = &sentence[..verb.0];
    if !subject.contains(surname) || subject.contains(',') || subject.split_whitespace().count() > 8
    {
        return None;
    }
    let mut rest = &sentence[verb.0 + verb.1..];
    loop {
        let word = rest.split_whitespace().next().unwrap_or("");
        if TIME_WORDS.contains(&word.to_ascii_lowercase().trim_end_matches(',')) {
            rest = rest[rest.find(word).map_or(0, |i| i + word.len())..].trim_start();
        } else {
            break;
        }
    }
    (rest.split_whitespace().count() >= 3).then_some(rest)
}

fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut quote_open = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quote_open = !quote_open,
            b'.' | b'!' | b'?' if !quote_open => {
                let next = bytes.get(i + 1).copied();
                let prev_word = text[..i].rsplit(' ').next().unwrap_or("");
                let abbreviation = prev_word.len() <= 2
                    && prev_word.chars().next().is_some_and(char::is_uppercase)
                    || prev_word.contains('.');
                if (next.is_none() || next == Some(b' ')) && !abbreviation {
                    return &text[..=i];
                }
            }
            _ => {}
        }
    }
    text
}

/// Splits "claim, Someone said ..." into the claim and whether an attribution followed.
fn split_attribution(sentence: &str) -> (&str, bool) {
    const VERBS: &[&str] = &[
        " said",
        " says",
        " stated",
        " told",
        " noted",
        " stressed",
        " announced",
        " declared",
        " warned",
        " added",
        " emphasized",
        " emphasised",
    ];
    if let Some(comma) = sentence.rfind(", ") {
        let tail = &sentence[comma..];
        if VERBS.iter().any(|v| tail.contains(v)) {
            return (&sentence[..comma], true);
        }
    }
    (sentence, false)
}

fn shorten_words(text: &str, max_words: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= max_words + 4 {
        return words.join(" ");
    }
    format!("{}…", words[..max_words].join(" "))
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether the letters of `s` are all capitals (and there are several).
pub fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// Title case for a headline written in capitals: small words lower-case except first and last,
/// acronyms kept, each part of a hyphenated word capitalised, nothing after an apostrophe.
pub fn title_case(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    let mut out = Vec::with_capacity(words.len());
    let mut after_colon = false;
    for (i, word) in words.iter().enumerate() {
        let parts: Vec<String> = word
            .split('-')
            .map(|part| case_part(part, i == 0 || i == last || after_colon, word.contains('-')))
            .collect();
        out.push(parts.join("-"));
        after_colon = word.ends_with(':');
    }
    out.join(" ")
}

fn case_part(part: &str, edge: bool, hyphenated: bool) -> String {
    let core: String = part.chars().filter(|c| c.is_alphanumeric()).collect();
    if ACRONYMS.contains(&core.as_str()) && !(core == "US" && part.contains('\'')) {
        return part.to_string();
    }
    let lower = part.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if !edge && !hyphenated && SMALL_WORDS.contains(&bare) {
        return lower;
    }
    let mut out = String::with_capacity(part.len());
    let mut capitalised = false;
    let mut after_apostrophe = false;
    for c in lower.chars() {
        if !capitalised && c.is_alphabetic() && !after_apostrophe {
            out.extend(c.to_uppercase());
            capitalised = true;
        } else {
            out.push(c);
        }
        after_apostrophe = c == '\'' || c == '\u{2019}';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_str;

    #[test]
    fn alphanumeric_runs_are_the_words_between_other_characters() {
        for text in [
            "",
            "--",
            "Indonesia's talks, 2024!",
            "caf\u{e9}\u{2014}na\u{ef}ve \u{201c}x\u{201d}",
        ] {
            let split: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(
                alphanumeric_runs(text).collect::<Vec<_>>(),
                split,
                "{text:?}"
            );
        }
    }

    #[test]
    fn words_share_a_stem_key_when_their_first_five_letters_agree() {
        assert_eq!(stem_key("Indonesian"), stem_key("INDONESIA"));
        assert_ne!(stem_key("Indo"), stem_key("Indon"));
        assert_ne!(stem_key("talks"), stem_key("talk"));
        assert_eq!(stem_key("Élysée"), stem_key("élysées"));
        assert_ne!(stem_key("ab"), stem_key("abc"));
        // "\u{130}" lower-cases to two characters: "i" and a combining dot.
        assert_eq!(stem_key("\u{130}stanbul"), stem_key("i\u{307}stan"));
    }

    #[test]
    fn all_caps_headlines_are_title_cased() {
        assert_eq!(
            title_case("CHINA'S PRO-EU STANCE IS AN OBSTACLE TO TALKS WITH THE US, SAYS WANG"),
            "China's Pro-EU Stance Is an Obstacle to Talks with the US, Says Wang"
        );
        assert_eq!(
            title_case("G20 MINISTERS MEET IN NAGOYA"),
            "G20 Ministers Meet in Nagoya"
        );
        assert_eq!(title_case("WHAT IS AT STAKE IN"), "What Is at Stake In");
        assert_eq!(title_case("NATO: A NEW ERA"), "NATO: A New Era");
    }

    #[test]
    fn a_headline_with_its_standfirst_glued_on_yields_to_the_bare_headline() {
        let text = "Minister says signing the peace treaty is important\n\nMinister says signing the peace treaty is important The country considers it important to sign a peace treaty with the neighbour through negotiations\nForeign policy\nJuly 5, 2024 17:48\nMinister says signing the peace treaty is important\n\nThe country considers it important to sign a peace treaty with the neighbour through negotiations, the minister said on Friday.\n";
        let (title, _) = title_from_heading(&clean_str("t.txt", text), &[]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("Minister says signing the peace treaty is important")
        );
        // The same heading again with its date after a comma.
        let text = "Statement from the Embassy of Harbour\n\nStatement from the Embassy of Harbour, December 29, 2017\n\nThe country's leaders have made repeated public statements this week that the initiative will not damage its relations.\n";
        let (title, _) = title_from_heading(&clean_str("t.txt", text), &[]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("Statement from the Embassy of Harbour")
        );
    }

    #[test]
    fn a_questioners_turn_is_no_headline_however_it_ends() {
        assert_eq!(
            furniture_reason(
                "JOURNALIST: The institute has found that your country is still by far the largest donor but your contribution has…"
            ),
            Some("speaker label")
        );
        // A headline with a capitalised label before its colon stays one.
        assert_eq!(
            furniture_reason("NATO: Allies agree on a new plan for the eastern flank"),
            None
        );
    }

    #[test]
    fn a_wire_slug_with_one_slash_is_a_headline_a_path_is_not() {
        assert_eq!(furniture_reason("IAEA / Iran Grossi Visit Presser"), None);
        for line in [
            "Home / News / Asia",
            "World / Asia",
            "Bishkek, June 9, 2023. / Kabar /. At the initiative of the side",
            "No Date for Return to Six Party Talks / Preparations On-going New York Channel Nuclear Tests Sanctions",
        ] {
            assert_eq!(furniture_reason(line), Some("breadcrumb or menu"), "{line}");
        }
    }

    #[test]
    fn section_labels_mastheads_and_taglines_are_furniture() {
        for line in [
            "Sala de Prensa",
            "Actualités",
            "Ministry of Foreign Affairs",
            "Ministry of Foreign Affairs Press service",
            "Department of Foreign Affairs and Trade",
            "Get the latest news from around the world, live coverage and analysis",
        ] {
            assert!(furniture_reason(line).is_some(), "{line}");
        }
        // Headlines that name an institution say something of it.
        for line in [
            "Ministry of Foreign Affairs summons the ambassador",
            "Ministry of Foreign Affairs Statement on the Ceasefire in Gaza",
            "Ministry of Foreign Affairs Statement",
            "Press room reopens after the summit",
            // The office's words are all there is after the opener.
            "Ministry of Press Service",
        ] {
            assert_eq!(furniture_reason(line), None, "{line}");
        }
    }

    #[test]
    fn a_standfirst_opening_with_its_verb_is_no_headline() {
        let doc = clean_str(
            "t.txt",
            "Ties with neighbours to be improved: Okafor\n\nSays that peace and stability in the region was crucial for the country\n\n\nCorrespondent August 25, 2018\n\nCAPITAL CITY: The new government would focus on ties with its neighbours, the foreign minister told reporters on Friday.\n",
        );
        let (title, _) = title_from_heading(&doc, &[]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("Ties with neighbours to be improved: Okafor")
        );
    }

    #[test]
    fn a_sites_name_after_the_headline_is_cut() {
        let kb = crate::knowledge::Knowledge::builtin();
        let cut = |t: &str| {
            without_site_name(Inferred::known(t.to_string(), 0.95, Vec::new()), kb)
                .value
                .unwrap()
        };
        assert_eq!(
            cut("Minister Welcomes Positive Signs in Talks - Harbour latest news"),
            "Minister Welcomes Positive Signs in Talks"
        );
        assert_eq!(
            cut("Minister welcomes positive signs in talks | Reuters"),
            "Minister welcomes positive signs in talks"
        );
        // A browser's title: the headline, sections, a tagline, the site, a date.
        assert_eq!(
            cut(
                "Minister: 'Politics is our priority' | World| News and analysis from the capital | Harbour Wire | 25.03.2014"
            ),
            "Minister: 'Politics is our priority'"
        );
        assert_eq!(
            cut("Minister: 'Politics is our priority' | Europe | Reuters"),
            "Minister: 'Politics is our priority'"
        );
        // A known outlet opening the part names the site, whatever follows it.
        assert_eq!(
            cut("Minister welcomes positive signs in talks | REUTERS English Archive 2005 -2017"),
            "Minister welcomes positive signs in talks"
        );
        // Bars that part a headline's own pieces, no site among them, stay.
        let kept = "Talks resume | Ministers meet | Border reopens";
        assert_eq!(cut(kept), kept);
        // Who said it, set off by a long dash; a ministry after a hyphen; words that are no
        // site's name.
        for kept in [
            "Country must be cautious of its associations \u{2014} Wisma Putra",
            "Country must be cautious of its associations - Wisma Putra",
            "Talks on the border resume - minister",
            // A hyphen glued to a word joins it unless a known outlet follows.
            "Envoy backs stability in Sino-US ties as talks resume",
            "Envoy backs stability in ties with Harbour-Lakeside",
        ] {
            assert_eq!(cut(kept), kept);
        }
        // An agency's name glued to the last word by a hyphen.
        assert_eq!(
            cut("Stability is a shared interest: Harbour ambassador to U.S.-Xinhua"),
            "Stability is a shared interest: Harbour ambassador to U.S."
        );
    }

    #[test]
    fn a_photo_caption_over_the_headline_is_no_story() {
        let doc = clean_str(
            "t.txt",
            "Ana Lestari (left), Minister of Foreign Affairs, speaking at the meeting. With her is Jan Berg (right), Minister of Foreign Affairs of Portville. Picture: JOHN DOE\n\nHarbour opposed to acts that violate sovereignty - Lestari\n\nThe Minister of Foreign Affairs, Ana Lestari, has affirmed that Harbour is opposed to any act that violates the sovereignty of a member state.\n",
        );
        let (title, _) = title_from_heading(&doc, &[]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("Harbour opposed to acts that violate sovereignty - Lestari")
        );
        // A blog's label notice, printed twice on one line, over the headline.
        let doc = clean_str(
            "t.txt",
            "Showing posts with label foreign affairs. Show all posts Showing posts with label foreign affairs. Show all posts\n\nPresident urges the UN to help curb the plunder of resources\n\nThe president urged the United Nations to become more proactive in fighting the plunder of resources, his spokesman said on Thursday.\n",
        );
        let (title, _) = title_from_heading(&doc, &[]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("President urges the UN to help curb the plunder of resources")
        );
    }

    #[test]
    fn a_heading_line_is_the_title() {
        let doc = clean_str(
            "t.txt",
            "Home\n\nTalks on fisheries resume in Tokyo\n\nTOKYO - Talks resumed on Monday.\n",
        );
        let (title, index) = title_from_heading(&doc, &[]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("Talks on fisheries resume in Tokyo")
        );
        assert_eq!(index, 0);
        assert_eq!(title.evidence[0].rule, "title.heading");
    }

    #[test]
    fn a_headline_over_its_deck_is_the_title() {
        let text = "Harbour FM comments on senator's statement\n\nAccording to the minister, the neighbour has no claims to the northern islands\n\nForeign Minister Ana Lestari said that the neighbour has no claims to the northern islands. Her comments followed the statement of a senator of the neighbouring country.\n";
        let (title, _) = title_from_heading(&clean_str("t.txt", text), &[]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("Harbour FM comments on senator's statement")
        );
        // A body's name over the headline is no headline with its deck.
        let text = "Ministry of Foreign Affairs and International Cooperation\n\nMinister briefs ambassadors on the security operation in the capital\n\nThe minister of foreign affairs on Friday held a briefing for the ambassadors on the security operation in the capital.\n";
        let (title, _) = title_from_heading(&clean_str("t.txt", text), &[]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("Minister briefs ambassadors on the security operation in the capital")
        );
    }

    #[test]
    fn a_sites_tagline_does_not_start_the_story() {
        let doc = clean_str(
            "t.txt",
            "World\n\nGet the latest news from around the world, live coverage, features and analysis.\n\n'Useless': Envoy Blasts Neighbour for Sanction Push Against the Capital\n\nThe relations between the two countries have worsened over the past months, the envoy said.\n",
        );
        let (title, _) = title_from_heading(&doc, &[]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("'Useless': Envoy Blasts Neighbour for Sanction Push Against the Capital")
        );
    }

    #[test]
    fn a_hard_wrapped_dateline_line_is_no_title() {
        // Copy wrapped at a fixed width: the dateline's line stands alone, without its full
        // stop, where a headline would.
        let doc = clean_str(
            "t.txt",
            "RIGA, April 24 (HPA):Eight foreign ministers from member states of the council\n\n(BSC) met on Tuesday to discuss closer ties.\n",
        );
        assert!(title_from_heading(&doc, &[]).is_none());
        // Without the dateline, the same line would be a headline.
        let doc = clean_str(
            "t.txt",
            "Eight foreign ministers from member states of the council meet\n\nThe ministers met on Tuesday to discuss closer ties.\n",
        );
        assert!(title_from_heading(&doc, &[]).is_some());
    }

    #[test]
    fn skipped_blocks_are_not_titles() {
        let doc = clean_str(
            "t.txt",
            "The Daily Planet\n\nSummit ends without a joint statement\n\nBody text goes here.\n",
        );
        let (title, index) = title_from_heading(&doc, &[0]).unwrap();
        assert_eq!(
            title.value.as_deref(),
            Some("Summit ends without a joint statement")
        );
        assert_eq!(index, 1);
    }

    #[test]
    fn no_heading_before_the_body_means_no_heading_title() {
        let doc = clean_str(
            "t.txt",
            "BERLIN, March 3 (dpa) - Germany said on Monday it would send envoys.\n\nSubhead\n",
        );
        assert!(title_from_heading(&doc, &[]).is_none());
    }

    #[test]
    fn lead_headlines_drop_the_attribution() {
        let doc = clean_str("t.txt", "x");
        let t = title_from_lead(
            "China is ready to resume talks with Japan on maritime issues, Chinese Foreign Minister Wang Yi said on Friday.",
            Span::new(0, 1),
            &doc,
            Some("Wang"),
        );
        assert_eq!(
            t.value.as_deref(),
            Some("China is ready to resume talks with Japan on maritime issues, Wang says")
        );
        assert!(t.confidence < 0.6);
    }

    #[test]
    fn a_lead_of_reported_speech_becomes_says() {
        let doc = clean_str("t.txt", "x");
        let t = title_from_lead(
            "Japanese Prime Minister Fumio Kishida said Thursday he will attend the summit in Hiroshima.",
            Span::new(0, 1),
            &doc,
            Some("Kishida"),
        );
        assert_eq!(
            t.value.as_deref(),
            Some("Kishida says he will attend the summit in Hiroshima")
        );
    }

    #[test]
    fn long_leads_are_shortened() {
        let doc = clean_str("t.txt", "x");
        let lead = "The ministers of the two countries agreed to continue consultations on a wide range of issues including trade fisheries culture tourism and energy in the coming months.";
        let t = title_from_lead(lead, Span::new(0, 1), &doc, None);
        assert!(t.value.unwrap().ends_with('…'));
    }

    fn headline(text: &str) -> Option<String> {
        let doc = clean_str("t.txt", text);
        title_from_heading(&doc, &[]).and_then(|(t, _)| t.value)
    }

    #[test]
    fn the_headline_is_found_past_the_pages_furniture() {
        // A language switcher, a breadcrumb and a section label above a ministry's headline.
        let page = "English Français Русский 中文 العربية\n\nHome > Newsroom > Statements\n\nPress Releases\n\nMinister Okafor holds talks with Chilean counterpart on fisheries\n\n2022-03-09 18:20\n\nOn 8 March, Foreign Minister Adaeze Okafor held talks with Chilean Foreign Minister Ramon Ibarra on fisheries cooperation and port access.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Minister Okafor holds talks with Chilean counterpart on fisheries")
        );
        // A notice, a tag list and a reading of the weather before a newspaper's headline.
        let page = "Support independent journalism: subscribe to our newsletter\n\n18.5 C\n\nDiplomacy World News News Politics Pacific Featured Region\n\nPacific ministers to meet in Apia over ocean treaty\n\nForeign ministers from across the Pacific will meet in Apia next week to agree a common position on the ocean treaty, officials said.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Pacific ministers to meet in Apia over ocean treaty")
        );
    }

    #[test]
    fn a_breadcrumb_glued_to_the_headline_is_cut_and_a_label_glued_to_it_is_passed_over() {
        let page = "Home News World Kenya recalls envoy after border clash\n\nKenya has recalled its envoy to the neighbouring state after a clash at the border crossing, the foreign ministry said on Sunday.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Kenya recalls envoy after border clash")
        );
        let page = "\u{2022} PRESS RELEASE : Envoys agree to extend the grain corridor\n\nThe envoys agreed on Friday to extend the grain corridor for another season, the ministry said in a statement.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("PRESS RELEASE : Envoys agree to extend the grain corridor")
        );
        let page = "Statements Norway welcomes the ceasefire agreement\n\nNorway welcomes the ceasefire agreement\n\nThe Ministry of Foreign Affairs welcomes the ceasefire agreed by the parties on Friday and calls on all sides to honour it.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Norway welcomes the ceasefire agreement")
        );
    }

    #[test]
    fn a_transcripts_speaker_line_and_a_standfirst_are_not_headlines() {
        let page = "Daily Press Briefing\n\nJane Porter, Spokesperson\nWashington, DC\nMarch 3, 2011\n\nMS. PORTER: Good afternoon, everyone. I have two announcements today before your questions.\n";
        assert_eq!(headline(page).as_deref(), Some("Daily Press Briefing"));
        let page = "Press Briefings\n\nSpokesperson's Press Briefing (May 2, 2016)\n\nPress Briefing\nSpokesperson and Deputy Minister for Public Relations Han Jae-won\n\nGood afternoon. Let me start today's briefing with two announcements on the talks.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Spokesperson's Press Briefing (May 2, 2016)")
        );
        // Two people on the line: a joint appearance's headline, not a speaker's label.
        let page = "Secretary Jane Doe And Harbour Foreign Minister Ana Lestari\n\nMODERATOR: Ladies and gentlemen, the joint press statement will now start.\n\nFOREIGN MINISTER LESTARI: Colleagues from the media, welcome. We value the visit.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Secretary Jane Doe And Harbour Foreign Minister Ana Lestari")
        );
        // A parliament's record: a member's line with seat and party, a note in brackets.
        let page = "Oral Answers to Questions\n\n(Limited Text - Extracts only)\n\nMr Tom Baker (Portville North) (Lab)\n\n1. What recent assessment he has made of the situation in the region.\n\nThe Secretary of State (Mr Amal Rashed)\n\nWe remain deeply concerned by the situation in the region, and we continue to work with our partners.\n";
        assert_eq!(headline(page).as_deref(), Some("Oral Answers to Questions"));
        // A photo's caption of the two names the story opens with is no headline.
        let page = "Envoy meets foreign minister, calling for closer cooperation\n\nAmal Rashed n Kofi Mensah\n\nPORTVILLE, Oct. 8 (Harbour Wire) -- Foreign Minister Amal Rashed on Monday met visiting envoy Kofi Mensah, calling for closer cooperation.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Envoy meets foreign minister, calling for closer cooperation")
        );
        // The same names with a verb between them are a headline.
        let page = "Amal Rashed Meets Kofi Mensah\n\nPORTVILLE, Oct. 8 (Harbour Wire) -- Foreign Minister Amal Rashed on Monday met visiting envoy Kofi Mensah, calling for closer cooperation.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Amal Rashed Meets Kofi Mensah")
        );
        // A line with letters of two bytes that ends with no name is read without a fault
        // (the name's length once cut it inside a letter).
        let line = "GdP-Vize Klemmer: Mangelnde Wertschätzung für die Beschäftigten des öD";
        assert!(!is_title_and_name(line));
        let page = "Envoys agree to meet again in Geneva\n\nThe talks, the first in two years, ended without a joint text but with a date for the next round\n\nGENEVA, May 2 (Reuters) - Envoys from the two countries agreed on Thursday to meet again in Geneva next month, a spokesman said.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Envoys agree to meet again in Geneva")
        );
    }

    #[test]
    fn a_headline_with_its_briefings_date_is_a_headline_not_a_byline() {
        let page = "Home > Spokesperson's Remarks\nForeign Ministry Spokesperson Li Ming's Press Conference on 14 March 2006\n2006-03-15 00:00\n\nLi Ming: Good afternoon, ladies and gentlemen. I have one announcement to make.\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("Foreign Ministry Spokesperson Li Ming's Press Conference on 14 March 2006")
        );
    }

    #[test]
    fn furniture_shapes() {
        for line in [
            "Home > News",
            "You are here: Top Stories",
            "Usted está en:  Portada",
            "Vous êtes ici : Accueil",
            "Skip to content Skip to sidebar",
            "Print PRINT",
            "바로가기 메뉴",
            "ID :",
            "13.3 C",
            "Note: Where available, the PDF icon below gives the full document",
            "Official website of the Ministry",
            "Jane Porter, Spokesperson",
            "- Harbour Radio International, 1920",
            "Courtesy of the Foreign Ministry",
            "Ana Lestari, Minister of Foreign Affairs and Cooperation, Harbour Republic",
            "The spokesperson speaks at a press conference, December 29, 2025. /Foreign Ministry",
            "Logo of the Harbour Republic's 2025 Presidency",
            "Ana Lestari (left), Minister of Foreign Affairs, speaking at the meeting",
            "The two ministers (2nd R) pose before the talks",
            "News banner image Desktop news banner image Mobile",
            "Harbour's foreign minister, Amal al-Rashed",
            "Harbour's Minister of Foreign Affairs, Ana Lestari \u{2013} MINISTRY OF FOREIGN AFFAIRS",
            "ANA LESTARI2 Ana Maria Lestari, Minister of Foreign Affairs and Regional Integration",
            "The Hon Richard Kawage MP",
            "US Ambassador to Harbour Jane Doe US Ambassador to Harbour Jane Doe HNN-Photo",
            "Office of the Press Secretary",
            "Office of the Spokesperson",
        ] {
            assert!(furniture_reason(line).is_some(), "{line}");
        }
        for line in [
            "Amal Rashed, minister who led the talks, resigns",
            "Left parties (and the right) reject the border deal",
            "Talks on the border resume: ministers",
            "NATO: Remarks by the High Representative upon arrival",
            "Saidov, Blinken hold talks",
            "Foreign Ministry Spokesman Kong Quan's Press Conference",
            "Kenya slams minister, Amal Rashed",
            "The Hon Richard Kawage MP to visit the islands",
            "Talks, talks and more talks, says minister",
            "Office of the President Rejects Report",
            "Office of the Spokesperson Opens in Harbour City",
        ] {
            assert_eq!(furniture_reason(line), None, "{line}");
        }
    }
}
