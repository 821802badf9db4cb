//! The headline: the author's, a heading line of the text (all-caps ones title-cased), or one
//! derived from the lead when the text has none.

use crate::clean::{BlockKind, Doc};

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

/// Picks the title from the blocks before the first paragraph, skipping `skip` (blocks already
/// taken as something else, such as the outlet's name line). Returns the title and the index of
/// the block it came from.
pub fn title_from_heading(doc: &Doc, skip: &[usize]) -> Option<(Inferred<String>, usize)> {
    for (i, block) in doc.blocks.iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        if block.kind != BlockKind::Heading {
            return None;
        }
        let text = block.text.trim();
        if text.split_whitespace().count() < 2 {
            continue;
        }
        let span = block.span;
        return Some(if is_all_caps(text) {
            (
                Inferred::known(
                    title_case(text),
                    0.9,
                    vec![Evidence::at(
                        "title.all-caps-heading",
                        &doc.text,
                        span,
                        "the first heading, written in capitals, title-cased",
                    )],
                ),
                i,
            )
        } else {
            (
                Inferred::known(
                    text.to_string(),
                    0.95,
                    vec![Evidence::at(
                        "title.heading",
                        &doc.text,
                        span,
                        "the first heading line of the text",
                    )],
                ),
                i,
            )
        });
    }
    None
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
}
