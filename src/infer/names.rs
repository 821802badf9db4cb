//! People the knowledge base does not hold, found the way a reader finds them: a name after
//! a title ("Foreign Minister Adaeze Okafor", "Spokesperson Hua Chunying"), a name before an
//! apposition ("Mark Regev, spokesman for the prime minister"), a transcript's speaker label
//! ("Mao Ning:", "MR. PORTER:"), and afterwards their surname or given name alone ("Okafor
//! said").
//!
//! The knowledge base enriches, it does not gate: a text about officials it has never heard of
//! still has speakers. Names found here are given as the text writes them, without titles and
//! honorifics.

use crate::knowledge::is_middle_initial;
use crate::slug::slugify;

/// A person named in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextName {
    /// The name as the text writes it, titles and honorifics removed ("Adaeze Okafor").
    pub name: String,
    /// Its words, each of which may stand alone for the person later ("Okafor", "Hua").
    pub parts: Vec<String>,
    /// The title words the text gave the person, lower-cased ("foreign minister").
    pub title: String,
    /// Where the name was first found (bytes into the text searched).
    pub start: usize,
    /// How many paragraphs open with this person's label (transcripts).
    pub labels: usize,
}

impl TextName {
    /// A name the text gives without a title or a label (a signature, a headline's author, a
    /// surname used alone elsewhere), first found at `start`.
    pub fn untitled(parts: Vec<String>, start: usize) -> TextName {
        TextName {
            name: parts.join(" "),
            parts,
            title: String::new(),
            start,
            labels: 0,
        }
    }

    /// A stable id for the person (the name's slug).
    pub fn id(&self) -> String {
        slugify(&self.name)
    }
}

/// Words that end a title standing before a name.
const TITLE_WORDS: &[&str] = &[
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "secretary",
    "president",
    "premier",
    "chancellor",
    "ambassador",
    "envoy",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "commissioner",
    "representative",
    "counsellor",
    "counselor",
    "councilor",
    "councillor",
    "affairs",
    "state",
    "general",
    // "Minister of People's Power", "Minister of Popular Power for Foreign Affairs".
    "power",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "king",
    "queen",
    "emir",
    "sultan",
    "leader",
    "chief",
    "official",
    "diplomat",
    "deputy",
    "head",
    "adviser",
    "advisor",
    "vice-president",
    "vice",
];

/// Labels that mark a transcript's questions.
const QUESTION_LABELS: &[&str] = &[
    "q",
    "question",
    "questions",
    "journalist",
    "reporter",
    "interviewer",
    "media",
];

/// Whether a paragraph opens with a transcript's speaker label in capitals or a questioner's
/// ("REPORTER: Yesterday, the minister …", "CHIEF CABINET SECRETARY SUGA: Firstly, when …
/// yesterday", "Q:"): the days a question or an answer mentions are of the events they speak
/// of, and the statement is the answer given that day.
pub fn opens_with_speaker_label(paragraph: &str) -> bool {
    paragraph.split_once(':').is_some_and(|(label, _)| {
        let label = label.trim();
        label.len() <= 50
            && (one_of(&QUESTION_LABEL_SET, label)
                || label.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !label.chars().any(char::is_lowercase))
    })
}

/// "Elmar Mammadov: Ladies and gentlemen! As you know, yesterday…": a transcript's turn
/// labelled by a name in mixed case, two to four capitalised words none of them an office's,
/// then the words spoken.
pub fn opens_with_name_label(text: &str) -> bool {
    let Some((label, speech)) = text.split_once(": ") else {
        return false;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
                && !super::people::is_person_title(w)
        })
        && speech.split_whitespace().nth(5).is_some()
}

/// Whether `label` is a questioner's ("JOURNALIST", "Q"), in any letter case.
pub fn is_question_label(label: &str) -> bool {
    one_of(&QUESTION_LABEL_SET, label)
}

/// Whether `word` is a questioner's label or a page field's ("REPORTER", "DATE"), never a
/// place or a person.
pub fn is_role_label(word: &str) -> bool {
    one_of(&QUESTION_LABEL_SET, word) || one_of(&PAGE_LABEL_SET, word)
}

/// Labels of a page's fields and of voices that are not a person's name ("DATE:", "TITLE:",
/// "ANSWER:").
const PAGE_LABELS: &[&str] = &[
    "a",
    "answer",
    "date",
    "title",
    "source",
    "note",
    "subject",
    "time",
    "place",
    "location",
    "update",
    "editor",
    "transcript",
    "host",
    "moderator",
    "participant",
    "audience",
    "speaker",
    "chair",
    "voice",
    "unidentified",
    "operator",
    "caller",
    "announcer",
    "ends",
    "end",
];

/// Letters written after a name for a seat or an honour, in capitals as written.
const POST_NOMINALS: &[&str] = &[
    "MP", "QC", "KC", "SC", "OBE", "MBE", "CBE", "KBE", "DBE", "CMG", "KCMG", "GCMG", "MLA", "MPP",
    "MSP", "MHA", "TD", "JP", "PC",
];

/// Honorifics and forms of address dropped from a name.
const HONORIFICS: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "h.e.",
    "h.e",
    "he",
    "shri",
    "shrimati",
    "sushri",
    "smt",
    "sheikh",
    "sheikha",
    "prince",
    "princess",
    "datuk",
    "dato",
    "dato'",
    "seri",
    "tan",
    "sri",
    "tun",
    "u",
    "daw",
    "sir",
    "dame",
    "lord",
    "madam",
    "excellency",
    "his",
    "her",
    "hon",
    "hon.",
    "honourable",
    "honorable",
    // "The Most Honourable", "The Right Honourable", "Rt Hon".
    "most",
    "right",
    "rt",
    "rt.",
    "amb.",
    "gen.",
    "lt.",
    "col.",
    "commodore",
    "admiral",
    "colonel",
    "captain",
    "major",
    "lieutenant",
    "brigadier",
    "marshal",
];

/// Lower-case particles inside names ("Faisal bin Farhan", "Ahmed Aboul Gheit", "van der").
const PARTICLES: &[&str] = &[
    "bin", "binti", "ibn", "al", "el", "de", "da", "do", "dos", "van", "von", "der", "den", "la",
    "le", "di", "du", "ould", "bou", "abu",
];

/// Capitalised words that are not names (sentence openers, places of titles, months…).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "on",
    "in",
    "at",
    "he",
    "she",
    "it",
    "they",
    "we",
    "this",
    "that",
    "his",
    "her",
    "and",
    "of",
    "for",
    "to",
    "with",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "ministry",
    "foreign",
    "affairs",
    "minister",
    "government",
    "republic",
    "state",
    "united",
    "nations",
    "council",
    "office",
    "department",
    "kingdom",
    "federation",
    "union",
    "european",
    "prime",
    "deputy",
    "international",
    "national",
    "general",
    "assembly",
    "security",
    "committee",
    "said",
    "says",
    // What a heading calls the text after the speaker's name ("Prince X Statement at…").
    "statement",
    "remarks",
    "speech",
    "briefing",
    "interview",
    // Sentence openers.
    "while",
    "so",
    "now",
    "is",
    "but",
    "as",
    "if",
    "when",
    "after",
    "before",
    "since",
    "although",
    "though",
    "yet",
    "meanwhile",
    "however",
    "still",
    "then",
    "thus",
    "here",
    "there",
    "today",
    "yesterday",
    // Verbs a headline in title case capitalises after a name ("Envoy Ismail Ahmed Briefs
    // the Council", "Minister Stresses Desire for Talks").
    "briefs",
    "stresses",
    "urges",
    "calls",
    "meets",
    "holds",
    "slams",
    "rejects",
    "welcomes",
    "condemns",
    "warns",
    "visits",
    "denies",
    "reiterates",
    "discusses",
    "receives",
    "highlights",
    "expresses",
    "underlines",
    "reaffirms",
    "announces",
    "addresses",
    "attends",
    "hails",
    "praises",
    "accuses",
    "vows",
    "issue",
    "issues",
    // Newsroom jobs, not names ("Deputy Editorial Page Editor").
    "editor",
    "editorial",
    "also",
    "news",
    "agency",
    "press",
    "conference",
    "briefing",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "secretary",
    "president",
    "ambassador",
    "embassy",
    "q",
    "a",
    // Portfolios and regions that end a title ("Deputy Minister for Public Relations").
    "relations",
    "policy",
    "cooperation",
    "development",
    "information",
    "trade",
    "economy",
    "economic",
    "defence",
    "defense",
    "interior",
    "justice",
    "finance",
    "culture",
    "education",
    "health",
    "public",
    "planning",
    "communications",
    "media",
    "protocol",
    "consular",
    "political",
    "multilateral",
    "bilateral",
    "asia",
    "africa",
    "america",
    "americas",
    "europe",
    "pacific",
    "middle",
    "east",
    "west",
    "north",
    "south",
    "gulf",
    "african",
    "arab",
    "asian",
    "expatriates",
    "emigrants",
    "diaspora",
    "integration",
    "commerce",
    "industry",
    // Bodies, not people ("Australian Labor Party", "National Liberation Movement").
    "party",
    "parliament",
    "senate",
    "congress",
    "army",
    "forces",
    "organization",
    "organisation",
    "association",
    "commission",
    "movement",
    "alliance",
    "coalition",
    "institute",
    "university",
    // A salutation: "Your Excellency, Secretary Pompeo,".
    "your",
    // Offices in the plural name a group, not a person ("Assistant Ministers").
    "ministers",
    "secretaries",
    "ambassadors",
    "envoys",
    "leaders",
    "officials",
    "delegates",
];

fn is_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && w.chars().any(char::is_alphabetic)
}

fn clean_word(w: &str) -> &str {
    // Most words start and end with an ASCII letter or digit, where both trims stop at once:
    // skip them (they read every character as a `char`, and this runs for every word).
    let bare = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let w = if bare(w.as_bytes().first()) && bare(w.as_bytes().last()) {
        w
    } else {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '.')
            .trim_end_matches(['.', '\''])
    };
    let w = w.strip_suffix("'s").unwrap_or(w);
    w.strip_suffix("\u{2019}s").unwrap_or(w)
}

/// A word list as a set of lower-case ASCII words, built once. The sets are probed for nearly
/// every word of every text, so a word is looked up as one number: its bytes, lower-cased,
/// with its length in the last byte (every member has fifteen bytes at most), hashed with
/// FxHash (SipHash's resistance to chosen keys buys nothing for fixed lists of our own
/// words); a word of a length no member has is refused before that.
struct WordSet {
    words: rustc_hash::FxHashSet<u128>,
    shortest: usize,
    longest: usize,
}

impl WordSet {
    fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words: words
                .iter()
                .map(|w| word_key(w.as_bytes()).expect("set words are short"))
                .collect(),
            shortest: words.iter().map(|w| w.len()).min().unwrap_or(0),
            longest: words.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }
}

/// A word of at most fifteen bytes as one number: its bytes in ASCII lower case, and its
/// length in the last byte. Two words have the same key exactly when they are equal in any
/// ASCII letter case.
#[inline]
fn word_key(w: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..w.len())
        .filter(|b| b.len() < 16)?
        .copy_from_slice(w);
    let x = u128::from_le_bytes(buf);
    // All sixteen bytes lower-cased at once: a byte below 0x80 from 'A' to 'Z' gains 0x20.
    // A byte's low seven bits plus 0x3F reach 0x80 from 'A', plus 0x25 from '[', with no
    // carry into the next byte.
    const LOW: u128 = u128::MAX / 0xFF; // 0x0101…01
    const HIGH: u128 = LOW * 0x80;
    let seven = x & !HIGH;
    let from_a = seven + LOW * 0x3F;
    let past_z = seven + LOW * 0x25;
    let upper = from_a & !past_z & !x & HIGH;
    let lower = x | (upper >> 2);
    Some(lower | ((w.len() as u128) << 120))
}

type Lazy = std::sync::LazyLock<WordSet>;

static TITLE_SET: Lazy = Lazy::new(|| WordSet::new(TITLE_WORDS));
static HONORIFIC_SET: Lazy = Lazy::new(|| WordSet::new(HONORIFICS));
static NOT_NAME_SET: Lazy = Lazy::new(|| WordSet::new(NOT_NAMES));
static PARTICLE_SET: Lazy = Lazy::new(|| WordSet::new(PARTICLES));
static QUESTION_LABEL_SET: Lazy = Lazy::new(|| WordSet::new(QUESTION_LABELS));
static PAGE_LABEL_SET: Lazy = Lazy::new(|| WordSet::new(PAGE_LABELS));

/// Whether `w` is in `set` (lower-case words), in any letter case, without allocating. Words
/// in other scripts are in no set (a byte outside ASCII equals no member's).
fn one_of(set: &WordSet, w: &str) -> bool {
    let bytes = w.as_bytes();
    if bytes.is_empty() || bytes.len() < set.shortest || bytes.len() > set.longest {
        return false;
    }
    word_key(bytes).is_some_and(|key| set.words.contains(&key))
}

/// Letters after a name for a seat or an honour ("MP", "KC").
pub(super) fn is_post_nominal(w: &str) -> bool {
    POST_NOMINALS.contains(&w.trim_end_matches([',', '.']))
}

/// A form of address, with or without its full stop ("Mr", "MR.", "Dr").
pub(super) fn is_honorific(w: &str) -> bool {
    if one_of(&HONORIFIC_SET, w) {
        return true;
    }
    let mut buf = [0u8; 24];
    let n = w.len();
    if n == 0 || n >= buf.len() {
        return false;
    }
    buf[..n].copy_from_slice(w.as_bytes());
    buf[n] = b'.';
    std::str::from_utf8(&buf[..=n]).is_ok_and(|dotted| one_of(&HONORIFIC_SET, dotted))
}

/// A word written as names are: in mixed case ("NATO", "OAS" are not), or an initial ("M.").
fn written_as_name(p: &str) -> bool {
    p.chars().any(char::is_lowercase) || is_initial(p)
}

/// An initial: a capital and a full stop ("M.").
fn is_initial(p: &str) -> bool {
    p.len() == 2 && p.ends_with('.') && p.starts_with(|c: char| c.is_uppercase())
}

/// "M.Zakharova" as its initial ("M.") and its surname ("Zakharova"), two slices of `w`.
fn split_glued_initial(w: &str) -> Option<(&str, &str)> {
    let mut cs = w.char_indices();
    let (_, first) = cs.next()?;
    let (_, dot) = cs.next()?;
    let (at, next) = cs.next()?;
    let surname = &w[at..];
    (first.is_uppercase()
        && dot == '.'
        && next.is_uppercase()
        && surname.chars().count() >= 3
        && surname
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '-'))
    .then(|| (&w[..at], surname))
}

/// Reads a name starting at word `i` of `words`: two to four capitalised words, with particles
/// between them. Returns the name's words (slices of `words`, so that the many tries that
/// find no name allocate nothing) and the index after it.
fn read_name<'a>(words: &[&'a str], mut i: usize) -> Option<(Vec<&'a str>, usize)> {
    // Honorifics before the name.
    while i < words.len() && one_of(&HONORIFIC_SET, clean_word(words[i])) {
        i += 1;
    }
    let mut parts: Vec<&str> = Vec::new();
    while i < words.len() && parts.len() < 5 {
        let raw = words[i];
        let w = clean_word(raw);
        if w.is_empty() {
            break;
        }
        let particle = is_particle(w);
        // A middle initial between given name and surname ("Carla N Barnett", "Retno LP
        // Marsudi", "Ivan K. Petrov"): passed over, as the names the base and readers use
        // leave it out.
        if !parts.is_empty()
            && is_middle_initial(raw)
            && words
                .get(i + 1)
                .map(|n| clean_word(n))
                .is_some_and(|n| is_capitalised(n) && !one_of(&NOT_NAME_SET, n))
        {
            i += 1;
            continue;
        }
        if parts.is_empty()
            && let Some((initial, surname)) = split_glued_initial(w)
        {
            // "M.Zakharova", "G.Zandanshatar": an initial glued to the surname.
            parts.push(initial);
            parts.push(surname);
        } else if is_capitalised(w) && !one_of(&NOT_NAME_SET, w) || particle && !parts.is_empty() {
            parts.push(w);
        } else {
            break;
        }
        i += 1;
        // A name ends at punctuation: "Wang Yi, who…", "Kono's".
        if raw.ends_with([',', ';', ':', ')', '.', '"', '\u{201d}']) && !raw.ends_with("r.")
            || raw.ends_with("'s")
            || raw.ends_with("\u{2019}s")
        {
            break;
        }
    }
    while parts.last().is_some_and(|p| one_of(&PARTICLE_SET, p)) {
        parts.pop();
    }
    // "Hon. Peter O'Neill MP", "Jane Doe KC": letters after a name are an office or an
    // honour, no part of it.
    while parts.len() > 2 && parts.last().is_some_and(|p| is_post_nominal(p)) {
        parts.pop();
    }
    // "Opposition Leader Peter Dutton": more than three capitalised words run a title into the
    // name; the name is the last two. Four names and no title are one person's ("José Antonio
    // García Belaunde"), as is a name with particles ("Salem Abdullah Al-Jaber Al-Sabah").
    let capitalised = parts.iter().filter(|p| is_capitalised(p)).count();
    if capitalised > 3
        && !parts.iter().any(|p| is_particle(p))
        && (capitalised > 4
            || parts[..parts.len() - 2]
                .iter()
                .any(|p| one_of(&TITLE_SET, p)))
    {
        parts.drain(..parts.len() - 2);
    }
    // Every part of a name has two letters at least ("Before I" is no name), but for an
    // initial glued to its surname.
    let whole = parts.iter().enumerate().all(|(k, p)| {
        p.chars().filter(|c| c.is_alphabetic()).count() >= 2
            || k == 0 && parts.len() == 2 && is_initial(p)
    });
    (whole && parts.len() >= 2 && parts.len() <= 5).then_some((parts, i))
}

/// A particle of a name: "bin", "van", or a word opening with "al-" or "el-" ("Al-Sabah").
fn is_particle(w: &str) -> bool {
    one_of(&PARTICLE_SET, w)
        || w.get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("al-") || p.eq_ignore_ascii_case("el-"))
}

/// The name that follows a run of titles at the start of `s` ("High Representative Josep
/// Borrell, at…", "Ambassador Barbara Woodward"): its words and its byte offset in `s`.
pub fn name_after_titles(s: &str) -> Option<(Vec<String>, usize)> {
    let spans = word_spans(s);
    let words: Vec<&str> = spans.iter().map(|(_, w)| *w).collect();
    for start in 0..words.len().min(5) {
        let titles_before = words[..start].iter().all(|w| {
            let w = clean_word(w);
            // "Chargé d'Affaires": an elided particle before a capital.
            let elided = ["d'", "d\u{2019}"]
                .iter()
                .any(|d| w.strip_prefix(d).is_some_and(is_capitalised));
            is_capitalised(w) || elided || matches!(w, "of" | "for" | "the" | "and")
        });
        if !titles_before {
            return None;
        }
        if let Some((parts, _)) = read_name(&words, start)
            && parts.iter().all(|p| written_as_name(p))
            && !parts.iter().any(|p| one_of(&TITLE_SET, p))
        {
            let at = spans[start].0 + s[spans[start].0..].find(parts[0]).unwrap_or(0);
            return Some((owned(&parts), at));
        }
    }
    None
}

/// The whole name a short form stands for: copy names a prince or a sheikh by form of address
/// and given name ("Prince Faisal said") once it has given the whole name ("Prince Faisal bin
/// Farhan bin Abdullah on Saturday affirmed"). The first place in `text` where `short` opens a
/// longer name that begins with its given names: that name's words and byte offset.
pub fn fuller_form(text: &str, short: &str) -> Option<(Vec<String>, usize)> {
    let given: Vec<&str> = short
        .split_whitespace()
        .skip_while(|w| is_honorific(w))
        .collect();
    if given.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(k) = text[from..].find(short) {
        let at = from + k;
        from = at + short.len();
        let word_start = !text[..at].ends_with(char::is_alphanumeric);
        if !word_start || !text[from..].starts_with(' ') {
            continue;
        }
        // Only the line the short form stands on: a name never runs over a line break.
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        if let Some((parts, offset)) = name_after_titles(&text[at..line_end])
            && parts.len() > given.len()
            && parts.iter().zip(&given).all(|(p, g)| p == g)
        {
            return Some((parts, at + offset));
        }
    }
    None
}

/// Whether a label's two parts are an office and then a name ("DEPUTY PRIME MINISTER,
/// RICHARD MARLES"), not a name and then its office ("Mao Ning, Spokesperson").
fn office_then_name(office: &str, name: &str) -> bool {
    let titled = |s: &str| {
        s.split_whitespace()
            .any(|w| one_of(&TITLE_SET, clean_word(w)))
    };
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| title_case_word(clean_word(w)))
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    titled(office)
        && !titled(name)
        && read_name(&words, 0).is_some_and(|(parts, end)| end == words.len() && parts.len() >= 2)
}

/// Finds the people `text` names with a title, an apposition or a speaker label.
pub fn find_names(text: &str) -> Vec<TextName> {
    let mut out: Vec<TextName> = Vec::new();
    let mut add = |parts: Vec<String>, title: String, start: usize, label: bool| {
        let name = parts.join(" ");
        if let Some(found) = out.iter_mut().find(|n| {
            n.name == name || n.parts.last() == parts.last() && parts.len() < n.parts.len()
        }) {
            if label {
                found.labels += 1;
            }
            if found.title.is_empty() {
                found.title = title;
            }
            return;
        }
        out.push(TextName {
            parts: parts.clone(),
            name,
            title,
            start,
            labels: usize::from(label),
        });
    };

    // A transcript: questions labelled as such ("Q:", "QUESTION:", "JOURNALIST:").
    let transcript = lines(text).any(|(_, l)| {
        l.split_once(':')
            .is_some_and(|(label, _)| one_of(&QUESTION_LABEL_SET, label.trim()))
    });
    for (line_start, line) in lines(text) {
        // A transcript's speaker label opening a paragraph: "Mao Ning:", "MR. PORTER:",
        // "Shri Arindam Bagchi, Official Spokesperson:".
        // In a transcript with questions, a label in capitals may open a short turn ("ANNALENA
        // BAERBOCK: Good afternoon, everybody.").
        if let Some((label, rest)) = line.split_once(':')
            && (rest.split_whitespace().count() >= 4
                || transcript
                    && rest.split_whitespace().count() >= 2
                    && label.chars().filter(|c| c.is_alphabetic()).count() >= 4
                    && !label.chars().any(char::is_lowercase))
            && label.len() <= 60
            && !label.contains(['"', '\u{201c}'])
            // "Retno Marsudi (Photo: AFP), Jakarta: …": a colon inside brackets ends no label.
            && label.matches('(').count() <= label.matches(')').count()
        {
            let (who, title) = match label.split_once(',') {
                // "DEPUTY PRIME MINISTER, RICHARD MARLES:": the office first, then the name.
                Some((office, name)) if office_then_name(office, name) => (name, office),
                Some(split) => split,
                None => (label, ""),
            };
            let ws: Vec<String> = who
                .split_whitespace()
                .map(|w| title_case_word(clean_word(w)))
                .filter(|w| !w.is_empty())
                .collect();
            // Titles and forms of address before the name: "CHIEF CABINET SECRETARY SUGA".
            let skip = ws
                .iter()
                .take_while(|w| {
                    one_of(&TITLE_SET, w)
                        || is_honorific(w)
                        || one_of(&NOT_NAME_SET, w)
                        || w.eq_ignore_ascii_case("cabinet")
                        || w.eq_ignore_ascii_case("press")
                })
                .count();
            let name_words: Vec<&str> = ws[skip..].iter().map(String::as_str).collect();
            // "Press Secretary KOBAYASHI:": the title before the name is the label's title.
            let before = ws[..skip].join(" ");
            let title =
                if title.trim().is_empty() && ws[..skip].iter().any(|w| one_of(&TITLE_SET, w)) {
                    before.as_str()
                } else {
                    title
                };
            // "PRIME MINISTER OF SAMOA:": the words after "of" say what the office is of; the
            // label names an office, not a person.
            let office_of = skip > 0
                && ["of", "for", "to"]
                    .iter()
                    .any(|p| ws[skip - 1].eq_ignore_ascii_case(p));
            if office_of {
                continue;
            }
            if let Some((parts, end)) = read_name(&name_words, 0)
                && end == name_words.len()
            {
                add(owned(&parts), title.trim().to_lowercase(), line_start, true);
            } else if let [initial, surname] = name_words.as_slice()
                && initial.len() == 1
                && initial.bytes().all(|b| b.is_ascii_uppercase())
                && who.contains(&format!("{initial}."))
                && is_capitalised(surname)
                && !one_of(&NOT_NAME_SET, surname)
            {
                // "N. KOTZIAS:": an initial and a surname, matched to the known person of that
                // surname whose given name has that initial.
                add(
                    vec![format!("{initial}."), (*surname).to_string()],
                    title.trim().to_lowercase(),
                    line_start,
                    true,
                );
            } else if name_words.len() == 1
                && skip > 0
                && is_capitalised(name_words[0])
                && ws[..skip]
                    .iter()
                    .any(|w| is_honorific(w) || one_of(&TITLE_SET, w))
            {
                // "MR. MCCORMACK:": a surname alone, matched to a full name found elsewhere.
                add(
                    vec![name_words[0].to_string()],
                    title.trim().to_lowercase(),
                    line_start,
                    true,
                );
            } else if transcript
                && skip == 0
                && name_words.len() == 1
                && who.trim().len() >= 3
                && who.trim().chars().all(|c| c.is_uppercase() || c == '-')
                && !one_of(&QUESTION_LABEL_SET, who.trim())
                && !one_of(&PAGE_LABEL_SET, who.trim())
            {
                // "DOWNER:" between "QUESTION:" labels: a surname in capitals answering.
                add(
                    vec![name_words[0].to_string()],
                    String::new(),
                    line_start,
                    true,
                );
            }
        }
    }

    // Titles before names, and names before appositions, in running text.
    let words: Vec<(usize, &str)> = word_spans(text);
    let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    // Each word without its surrounding punctuation and possessive, cleaned once.
    let cleaned: Vec<&str> = plain.iter().map(|w| clean_word(w)).collect();
    // Whether each word is capitalised, asked of most words several times.
    let caps: Vec<bool> = plain.iter().map(|w| is_capitalised(w)).collect();
    let mut i = 0;
    while i < plain.len() {
        let w = cleaned[i];
        if one_of(&TITLE_SET, w) && !plain[i].ends_with([',', '.', ';', ':']) {
            // "Secretary of State", "Minister of Foreign Affairs": the title runs on.
            let mut j = i + 1;
            loop {
                // "of Foreign Affairs", "for Public Relations", "in the Presidency".
                let the = usize::from(plain.get(j + 1) == Some(&"the"));
                if !(j + 1 + the < plain.len()
                    && matches!(plain[j], "of" | "for" | "in" | "at" | "to")
                    && caps[j + 1 + the])
                {
                    break;
                }
                j += 2 + the;
                while j < plain.len()
                    && caps[j]
                    && (one_of(&TITLE_SET, cleaned[j]) || one_of(&NOT_NAME_SET, cleaned[j]))
                {
                    j += 1;
                }
            }
            // A title ends its line ("Department of Foreign Affairs" over a section label):
            // the words under it are no name it gives.
            let same_line = j > 0
                && j < plain.len()
                && !text[words[j - 1].0 + plain[j - 1].len()..words[j].0].contains('\n');
            if same_line
                && let Some((parts, end)) = read_name(&plain, j)
                && parts.iter().all(|p| written_as_name(p))
            {
                let title_from = plain[..i]
                    .iter()
                    .rev()
                    .take_while(|w| is_capitalised(w) || **w == "and")
                    .count();
                let title = plain[i - title_from..j].join(" ").to_lowercase();
                add(owned(&parts), title, words[i].0, false);
                i = end;
                continue;
            }
        }
        // "Peruvian Foreign Minister, José Antonio García Belaunde, said today": a title, then
        // the name set off by commas.
        if one_of(&TITLE_SET, w)
            && plain[i].ends_with(',')
            && caps.get(i + 1).copied().unwrap_or(false)
            && let Some((parts, end)) = read_name(&plain, i + 1)
            && plain[end - 1].ends_with(',')
            && parts.iter().all(|p| written_as_name(p))
            && !parts.iter().any(|p| one_of(&TITLE_SET, p))
        {
            let title_from = plain[..i]
                .iter()
                .rev()
                .take_while(|w| is_capitalised(w) || **w == "and")
                .count();
            let title = plain[i - title_from..=i].join(" ");
            let title = title.trim_end_matches(',').to_lowercase();
            add(owned(&parts), title, words[i].0, false);
            i = end;
            continue;
        }
        // "Mark Regev, spokesman for the prime minister": a name, a comma, a title.
        let comma_near = || {
            plain[i..plain.len().min(i + 5)]
                .iter()
                .any(|w| w.ends_with(','))
        };
        if !caps[i] || !comma_near() {
            i += 1;
            continue;
        }
        let line_start = i == 0
            || text[..words[i].0]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n');
        if caps[i]
            && (line_start || !caps[i - 1] || plain[i - 1].ends_with(['.', ',']))
            && let Some((parts, end)) = read_name(&plain, i)
            && end < plain.len()
            && plain[end - 1].ends_with(',')
        {
            let after: Vec<String> = cleaned[end..plain.len().min(end + 6)]
                .iter()
                .map(|w| w.to_lowercase())
                .collect();
            if let Some(k) = after
                .iter()
                .position(|w| w.split('-').any(|part| TITLE_WORDS.contains(&part)))
            {
                let title = after[..=k].join(" ");
                add(owned(&parts), title, words[i].0, false);
                i = end;
                continue;
            }
        }
        i += 1;
    }

    // A full name whose last word the text uses alone elsewhere ("Thandeka Mavundla has
    // announced … Mavundla said"): a reader knows that is a person, title or not.
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    // Each cleaned word's key, so that the searches for a word elsewhere in the text compare
    // numbers and look at the words only where the keys agree.
    let keys: Vec<u64> = cleaned.iter().map(|w| caseless_key(w)).collect();
    let mut recurring: Vec<(Vec<String>, usize)> = Vec::new();
    let mut i = 0;
    while i < plain.len() {
        let starts_run = || {
            i == 0
                || !caps[i - 1]
                || plain[i - 1].ends_with(['.', ',', ';', ':'])
                || one_of(&NOT_NAME_SET, cleaned[i - 1])
        };
        if !caps[i] || !starts_run() {
            i += 1;
            continue;
        }
        let Some((parts, end)) = read_name(&plain, i) else {
            i += 1;
            continue;
        };
        let (first, second) = (parts[0], parts[1]);
        let (last, before_last) = (parts[parts.len() - 1], parts[parts.len() - 2]);
        let (first_key, last_key) = (caseless_key(first), caseless_key(last));
        let elsewhere = |k: &usize| *k < i || *k >= end;
        // Names are written in mixed case ("NATO", "OAS" are not) and on one line.
        let plausible = last.chars().count() >= 3
            && parts
                .iter()
                .all(|p| written_as_name(p) || one_of(&PARTICLE_SET, p))
            && !text[words[i].0..words[end - 1].0].contains('\n');
        // A first word the text also uses alone ("Taliban", "Osaka") or writes in lower case
        // (a sentence's opener: "While", "Now") is not a given name.
        let first_elsewhere = || {
            (0..plain.len()).any(|k| {
                keys[k] == first_key
                    && elsewhere(&k)
                    && same(cleaned[k], first)
                    && (cleaned[k].starts_with(char::is_lowercase)
                        || !cleaned.get(k + 1).is_some_and(|n| same(n, second)))
            })
        };
        let surname_alone = || {
            (0..plain.len()).any(|k| {
                keys[k] == last_key
                    && elsewhere(&k)
                    && same(cleaned[k], last)
                    && is_capitalised(cleaned[k])
                    && (k == 0 || !same(cleaned[k - 1], before_last))
            })
        };
        if plausible && surname_alone() && !first_elsewhere() {
            recurring.push((owned(&parts), words[i].0));
        }
        i = end;
    }
    for (parts, start) in recurring {
        let last = &parts[parts.len() - 1];
        let known = out
            .iter()
            .any(|n| n.parts.last().is_some_and(|p| same(p, last)));
        if !known {
            out.push(TextName::untitled(parts, start));
        }
    }
    merge_surnames(out)
}

/// A surname found alone ("MR. PORTER:") is the person whose full name the text gives
/// elsewhere ("Jane Porter, Spokesperson"); so is a given name alone ("Minister Retno:"),
/// where copy names a person by it ("Retno Marsudi"), when one full name only begins with it.
fn merge_surnames(mut names: Vec<TextName>) -> Vec<TextName> {
    let mut i = 0;
    while i < names.len() {
        // The full name this one word ends (the first such), else the only one it begins.
        let is_part = |n: &TextName, at: fn(&[String]) -> Option<&String>| {
            n.parts.len() >= 2
                && at(&n.parts).is_some_and(|p| p.eq_ignore_ascii_case(&names[i].parts[0]))
        };
        if names[i].parts.len() == 1
            && let Some(full) = names
                .iter()
                .position(|n| is_part(n, |p| p.last()))
                .or_else(|| {
                    let mut begun = (0..names.len()).filter(|&k| is_part(&names[k], |p| p.first()));
                    match (begun.next(), begun.next()) {
                        (Some(only), None) => Some(only),
                        _ => None,
                    }
                })
        {
            let alone = names.remove(i);
            let full = if full > i { full - 1 } else { full };
            names[full].labels += alone.labels;
            names[full].start = names[full].start.min(alone.start);
            if names[full].title.is_empty() {
                names[full].title = alone.title;
            }
            continue;
        }
        i += 1;
    }
    names.sort_by_key(|n| n.start);
    names
}

/// A name's words as owned strings, for the names kept.
fn owned(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| p.to_string()).collect()
}

/// A key equal for words equal in any ASCII letter case (as `eq_ignore_ascii_case` compares
/// them): their length and their first seven bytes with the ASCII case bit set. Words with
/// different keys differ; words with the same key may still differ.
fn caseless_key(w: &str) -> u64 {
    let b = w.as_bytes();
    let head = b[..b.len().min(7)]
        .iter()
        .fold(0u64, |k, &c| (k << 8) | u64::from(c | 0x20));
    ((b.len() as u64) << 56) ^ head
}

/// A word in capitals written as names are ("HUSSEIN" → "Hussein"); others as they are.
pub fn title_case_word(w: &str) -> String {
    if w.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && w.len() > 1
    {
        let lower = w.to_lowercase();
        let mut cs = lower.chars();
        let mut out: String = cs
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        let mut after_break = false;
        for c in cs {
            if after_break {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            after_break = c == '-' || c == '\'';
        }
        out
    } else {
        w.to_string()
    }
}

/// Each line with its byte offset.
pub(super) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |l| {
        let start = at;
        at += l.len();
        (start, l.trim_end_matches('\n'))
    })
}

/// Each whitespace-separated word with its byte offset.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(text.len() / 5);
    out.extend(crate::clean::words_at(text));
    out
}

/// The person a short run of words ending a subject names: a full name, or one part of it
/// ("Okafor", "Hua", "Minister Okafor"). Returns the index into `names`.
pub fn name_at_end(head: &str, names: &[TextName]) -> Option<usize> {
    // No name to match (as in many texts): nothing to read.
    if names.is_empty() {
        return None;
    }
    // The words are slices of `head` (an initial glued to its surname as two).
    let ws: Vec<&str> = head.split_whitespace().rev().take(5).collect();
    let mut words: Vec<&str> = Vec::with_capacity(ws.len() + 1);
    for w in ws.iter().rev().map(|w| clean_word(w)) {
        match split_glued_initial(w) {
            Some((initial, surname)) => words.extend([initial, surname]),
            None => words.push(w),
        }
    }
    let ws = words;
    let last = *ws.last()?;
    if !is_capitalised(last) {
        return None;
    }
    // The longest match first: a full name, then its last part, then any part.
    names
        .iter()
        .position(|n| {
            n.parts.len() <= ws.len() && same_words(&ws[ws.len() - n.parts.len()..], &n.parts)
        })
        .or_else(|| {
            names.iter().position(|n| {
                n.parts.len() >= 2 && n.parts.last().is_some_and(|p| p.eq_ignore_ascii_case(last))
            })
        })
        .or_else(|| {
            names
                .iter()
                .position(|n| n.parts.first().is_some_and(|p| p == last))
        })
}

/// Whether the words read are a name's parts, word for word.
fn same_words(words: &[&str], parts: &[String]) -> bool {
    words.len() == parts.len() && words.iter().zip(parts).all(|(w, p)| *w == p)
}

/// The person a run of words starting a subject names (`"…," said Okafor`).
pub fn name_at_start(tail: &str, names: &[TextName]) -> Option<usize> {
    // No name to match (as in many texts): nothing to read.
    if names.is_empty() {
        return None;
    }
    let ws: Vec<&str> = tail.split_whitespace().take(6).map(clean_word).collect();
    for start in 0..ws.len().min(4) {
        if !is_capitalised(ws[start]) {
            if ws[start].chars().next().is_some_and(char::is_lowercase)
                && !matches!(ws[start], "the" | "foreign" | "minister" | "spokesperson")
            {
                break;
            }
            continue;
        }
        let rest = &ws[start..];
        if let Some(i) = names.iter().position(|n| {
            rest.len() >= n.parts.len() && same_words(&rest[..n.parts.len()], &n.parts)
                || n.parts
                    .last()
                    .zip(rest.first())
                    .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
        }) {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find_names(text).into_iter().map(|n| n.name).collect()
    }

    #[test]
    fn a_given_name_alone_is_the_full_name_it_begins() {
        // Copy that names a person by the given name ("Minister Amina") means the one
        // full name that begins with it.
        assert_eq!(
            names(
                "Minister Amina: Country backs the talks\n\nForeign Minister Amina Rahmawati stressed that the government backs the talks.\n"
            ),
            vec!["Amina Rahmawati"]
        );
        // Two full names begin with it: it stays alone.
        let found = names(
            "Minister Amina: Country backs the talks\n\nForeign Minister Amina Rahmawati and Trade Minister Amina Suryani met the envoys.\n",
        );
        assert!(found.contains(&"Amina".to_string()), "{found:?}");
    }

    #[test]
    fn names_after_titles() {
        assert_eq!(
            names("Nigeria's Foreign Minister Adaeze Okafor held talks on Monday."),
            ["Adaeze Okafor"]
        );
        assert_eq!(
            names("The Minister of Foreign Affairs Prince Faisal bin Farhan arrived in Cairo."),
            ["Faisal bin Farhan"]
        );
        assert_eq!(
            names("Deputy Prime Minister and Foreign Minister Pham Van Tuan met the envoy."),
            ["Pham Van Tuan"]
        );
        assert_eq!(
            names("Spokesperson Dr. Aisha Karimova told reporters on Friday."),
            ["Aisha Karimova"]
        );
    }

    #[test]
    fn four_names_without_a_title_are_one_persons() {
        assert_eq!(
            names(
                "Foreign Minister Luis Alberto Moreno Quiroga said on Monday that talks would resume."
            ),
            ["Luis Alberto Moreno Quiroga"]
        );
        // A title word inside the run is the title's, not the name's.
        assert_eq!(
            names("Opposition Leader Peter Dalton said the visit was overdue."),
            ["Peter Dalton"]
        );
        assert_eq!(
            names(
                "Greetings from the Most Honourable Andrew Holmes, Prime Minister, to the envoys."
            ),
            ["Andrew Holmes"]
        );
    }

    #[test]
    fn a_name_set_off_by_commas_after_its_title() {
        assert_eq!(
            names(
                "The country will remain calm, the Foreign Affairs Minister, José Antonio Reyes Belmonte, said today."
            ),
            ["José Antonio Reyes Belmonte"]
        );
        // A comma after the title and none after the words: no apposition.
        assert!(names("They met the Minister, Trade Fair organisers said.").is_empty());
    }

    #[test]
    fn bodies_and_salutations_are_no_names() {
        let found =
            names("Senator (SA, Australian Labor Party, Minister for Foreign Affairs) answered.");
        assert!(found.iter().all(|n| !n.contains("Party")), "{found:?}");
        let found = names("Honorable Ministers & Assistant Ministers,\nDistinguished guests,\n");
        assert!(found.is_empty(), "{found:?}");
        assert!(
            names("Your Excellency, Secretary Pompeo, colleagues from the media,")
                .iter()
                .all(|n| n != "Your Excellency")
        );
    }

    #[test]
    fn letters_after_a_name_and_an_unstopped_excellency_are_no_part_of_it() {
        assert_eq!(
            names("Hon. Peter Kawage MP, Prime Minister, said the talks were useful."),
            ["Peter Kawage"]
        );
        assert_eq!(
            names("Attorney General Jane Ashdown KC said the ruling would be appealed."),
            ["Jane Ashdown"]
        );
        assert_eq!(
            names("Foreign Minister H.E Tevita Lavemaau said the talks were useful."),
            ["Tevita Lavemaau"]
        );
        // Capitals that are a name's own part stay.
        assert_eq!(
            names("Chairman Kim Jong Un said the talks were useful."),
            ["Kim Jong Un"]
        );
    }

    #[test]
    fn a_middle_initial_is_passed_over() {
        assert_eq!(
            names("Foreign Minister Retna LP Marsudo stressed that the talks would go on."),
            ["Retna Marsudo"]
        );
        assert_eq!(
            names("Remarks by Dr Carla N Barnetto, Secretary-General, at the meeting."),
            ["Carla Barnetto"]
        );
        assert_eq!(
            names("Secretary of State Anton K. Blinkov said on Monday that talks went well."),
            ["Anton Blinkov"]
        );
        assert!(is_middle_initial("N") && is_middle_initial("L.P.") && is_middle_initial("K."));
        assert!(
            !is_middle_initial("Li") && !is_middle_initial("USAF") && !is_middle_initial("L.P")
        );
    }

    #[test]
    fn a_title_runs_on_through_to_the_place_it_is_to() {
        assert_eq!(
            names("\"We will not yield,\" US Ambassador to the UN Laura Whitcombe said on Friday."),
            ["Laura Whitcombe"]
        );
        assert_eq!(
            names("The High Commissioner to Bangladesh Arvind Mehra met the secretary."),
            ["Arvind Mehra"]
        );
    }

    #[test]
    fn what_a_heading_calls_the_text_is_no_part_of_the_name() {
        assert_eq!(
            names(
                "Minister of Foreign Affairs Prince Rashid Al-Mansour Statement\nat Joint Press Conference"
            ),
            ["Rashid Al-Mansour"]
        );
        assert_eq!(
            names("Foreign Minister Adaeze Okafor Remarks at the Opening Session"),
            ["Adaeze Okafor"]
        );
    }

    #[test]
    fn names_before_appositions_and_in_labels() {
        assert_eq!(
            names("Tomas Lindqvist, spokesman for the foreign ministry, said the talks went well."),
            ["Tomas Lindqvist"]
        );
        let t = "Lin Hao: Good afternoon. I have one announcement.\n\nXinhua: A question on trade.\n\nLin Hao: We have noted the reports.\n";
        let found = find_names(t);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "Lin Hao");
        assert_eq!(found[0].labels, 2);
        let t = "MS. PORTER: Good afternoon, everyone.\n\nQUESTION: On the talks?\n\nMS. PORTER: We expect them to continue.\n";
        let found = find_names(t);
        assert_eq!(
            found.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(),
            ["Porter"]
        );
        // A colon inside brackets ends no label; an honorific before the name is no part of it.
        let t = "Minister Retno Sari (Photo: Harbour Press), Jakarta: Prior to the forum, the minister will meet her counterpart.\n";
        assert!(
            find_names(t).iter().all(|n| n.labels == 0),
            "{:?}",
            find_names(t)
        );
        let t = "External Affairs Minister (Shrimati Meera Rao): Namaskar friends, and welcome to this briefing.\n";
        assert_eq!(names(t), ["Meera Rao"]);
        // A label naming an office of a country is no person's label.
        let t = "PRIME MINISTER: Thank you for hosting us so well this week.\n\nPRIME MINISTER OF TUVALU: We are grateful for your support.\n\nMINISTER FOR FOREIGN AFFAIRS: The talks went very well indeed.\n";
        assert!(find_names(t).is_empty(), "{:?}", find_names(t));
        // With a name after the office, the label is that person's.
        let t = "PRIME MINISTER KAUSEA NATANO: We are grateful for your support.\n";
        assert_eq!(names(t), ["Kausea Natano"]);
        // The office, a comma, then the name: the label is still that person's, with that title.
        let t = "DEPUTY PRIME MINISTER, TOMAS LINDQVIST: It is wonderful to be here today.\n";
        let found = find_names(t);
        assert_eq!(names(t), ["Tomas Lindqvist"]);
        assert_eq!(found[0].labels, 1);
        assert_eq!(found[0].title, "deputy prime minister");
    }

    #[test]
    fn a_title_ending_its_line_gives_no_name_to_the_next() {
        let t = "Department of Foreign Affairs\n\nRegional Cooperation\n\nThe minister spoke.\n";
        assert!(names(t).is_empty(), "{:?}", names(t));
        assert_eq!(
            names("The Minister for Foreign Affairs Tomas Lindqvist spoke.\n"),
            ["Tomas Lindqvist"]
        );
    }

    #[test]
    fn a_full_name_whose_surname_recurs_alone_is_a_person() {
        // No title, no apposition: the surname standing alone later makes it a name.
        let t = "Cabinet member Thandeka Mavundla has announced the recall of envoys.\n\nMavundla said the step was needed.\n";
        assert!(
            names(t).contains(&"Thandeka Mavundla".to_string()),
            "{:?}",
            names(t)
        );
        // A surname that never recurs alone gives no name from this rule.
        assert!(names("Leaders met Thandeka Mavundla in the capital on Monday.\n").is_empty());
        // A first word the text also uses alone names a place or a group, not a given name.
        let t = "The delegation landed in Osaka on Monday. In Osaka Karimov met the mayor.\n\nKarimov said the visit went well.\n";
        assert!(
            !names(t).iter().any(|n| n.contains("Osaka")),
            "{:?}",
            names(t)
        );
        // A name stands on one line: a headline's last words and the next line's first are
        // two things.
        let t = "Minister Holds Firm On Island Talks\n\nRussia calls for talks. Officials in Russia agreed.\n";
        assert!(names(t).is_empty(), "{:?}", names(t));
        // Acronyms and sentence openers are not names.
        let t = "While Karimov spoke, the OAS listened. The OAS Karimov team left.\n\nKarimov said so.\n";
        assert!(names(t).is_empty(), "{:?}", names(t));
    }

    #[test]
    fn a_name_ends_at_a_closing_quotation_mark() {
        let t = "\u{201c}We will defend the sovereignty of Cubans,\u{201d} Ramirez said.\n\nRamirez added that talks would go on. Ana Ramirez is the minister.\n";
        let found = names(t);
        assert!(!found.iter().any(|n| n.contains("Cubans")), "{found:?}");
    }

    #[test]
    fn an_initial_glued_to_a_surname() {
        assert_eq!(
            names("Foreign Ministry Spokesperson K.Volkova replied to a question."),
            ["K. Volkova"]
        );
        assert_eq!(
            split_glued_initial("G.Zandanshatar"),
            Some(("G.", "Zandanshatar"))
        );
        assert_eq!(split_glued_initial("U.S."), None);
        assert_eq!(split_glued_initial("A.B.C"), None);
    }

    #[test]
    fn a_title_of_the_peoples_power_ends_before_the_name() {
        assert_eq!(
            names(
                "On Tuesday, Minister of People\u{2019}s Power Marta Quintero rejected the statement."
            ),
            ["Marta Quintero"]
        );
        // "Power" as a surname is still a name's.
        assert_eq!(
            names("Ambassador Anne Power told the council on Friday that aid must flow."),
            ["Anne Power"]
        );
    }

    #[test]
    fn a_title_running_on_with_in_the() {
        assert_eq!(
            names("Minister in the Presidency Thandeka Mavundla has announced the recall."),
            ["Thandeka Mavundla"]
        );
        // An acronym after a title is an organisation, not a name.
        assert!(
            names("The Secretary General of the Organization of American States OAS spoke.")
                .is_empty()
        );
    }

    #[test]
    fn a_surname_in_capitals_answering_questions_is_a_label() {
        let t = "TITLE: Doorstop interview at the ministry on the visit\n\nQUESTION: What do you hope the visit will achieve?\n\nHALVORSEN: We are still working on the details of that visit.\n\nQUESTION: And if it goes ahead?\n\nMR HALVORSEN: Then we take the relationship steadily forward again.\n";
        let found = find_names(t);
        assert_eq!(
            found
                .iter()
                .map(|n| (n.name.as_str(), n.labels))
                .collect::<Vec<_>>(),
            [("Halvorsen", 2)]
        );
        // Without questions it is no transcript: a word in capitals is a field or a shout.
        let t = "WARNING: The border crossing will stay closed until further notice.\n\nOFFICIALS: No comment was given on the closure.\n";
        assert!(find_names(t).is_empty(), "{:?}", find_names(t));
    }

    #[test]
    fn word_sets_match_in_any_ascii_letter_case() {
        assert!(one_of(&TITLE_SET, "Minister"));
        assert!(one_of(&TITLE_SET, "VICE-PRESIDENT"));
        assert!(!one_of(&TITLE_SET, "Ministers"));
        assert!(!one_of(&TITLE_SET, "Minist"));
        assert!(one_of(&HONORIFIC_SET, "Mr."));
        assert!(!one_of(&NOT_NAME_SET, "Th\u{e9}"));
        assert_eq!(word_key(b"sixteen-letters!"), None);
        // Every byte lower-cased as make_ascii_lowercase does, in every position.
        for b in 0..=255u8 {
            for at in [0, 7, 14] {
                let mut w = *b"abcdefghijklmno";
                w[at] = b;
                let mut expected = [0u8; 16];
                expected[..15].copy_from_slice(&w);
                expected.make_ascii_lowercase();
                expected[15] = 15;
                assert_eq!(
                    word_key(&w),
                    Some(u128::from_le_bytes(expected)),
                    "{b:#x} at {at}"
                );
            }
        }
        assert_ne!(word_key(b"ab"), word_key(b"ab\0"));
    }

    #[test]
    fn words_equal_in_any_letter_case_share_a_key() {
        assert_eq!(caseless_key("Okafor"), caseless_key("OKAFOR"));
        assert_eq!(
            caseless_key("Mavundla-Ngcobo"),
            caseless_key("mavundla-ngcobo")
        );
        assert_eq!(caseless_key("Ávila"), caseless_key("ÁVILA"));
        assert_ne!(caseless_key("Okafor"), caseless_key("Okafo"));
        assert_ne!(caseless_key("Lin"), caseless_key("Lim"));
    }

    #[test]
    fn a_part_of_a_name_finds_the_person() {
        let found =
            find_names("Foreign Minister Adaeze Okafor arrived. Spokesperson Lin Hao spoke.");
        assert_eq!(
            name_at_end("the talks were useful, Okafor", &found),
            Some(0)
        );
        assert_eq!(name_at_end("Lin", &found), Some(1));
        assert_eq!(name_at_start("Okafor on Tuesday", &found), Some(0));
        assert_eq!(name_at_end("the minister", &found), None);
    }

    #[test]
    fn a_form_of_address_and_a_given_name_stand_for_the_whole_name() {
        let text = "RIYADH, March 3 (SPA) -- Foreign Minister Prince Khalid bin Nasser bin Saud \
                    on Monday met envoys. Prince Khalid said the kingdom sought calm.";
        let (parts, at) = fuller_form(text, "Prince Khalid").unwrap();
        assert_eq!(parts, ["Khalid", "bin", "Nasser", "bin", "Saud"]);
        assert!(text[at..].starts_with("Khalid bin Nasser"));
        // A hyphenated family name and a lone honorific kept apart from the given name.
        let text = "Kuwait's minister Sheikh Hamad Nasser Al-Rashid attended a reception.\n\
                    In a speech, Sheikh Hamad expressed thanks.";
        assert_eq!(
            fuller_form(text, "Sheikh Hamad").unwrap().0,
            ["Hamad", "Nasser", "Al-Rashid"]
        );
        // The short form only ever stands alone, or its fuller form is another given name's.
        assert_eq!(
            fuller_form(
                "Prince Khalid met envoys. Prince Khalid said so.",
                "Prince Khalid"
            ),
            None
        );
        assert_eq!(
            fuller_form(
                "Prince Khalida Saud came. Prince Khalid said so.",
                "Prince Khalid"
            ),
            None
        );
        // A name never runs over a line break.
        assert_eq!(
            fuller_form(
                "Sheikh Hamad\nNasser Ahmed wrote. Sheikh Hamad said.",
                "Sheikh Hamad"
            ),
            None
        );
    }
}
