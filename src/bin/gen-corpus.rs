//! `gen-corpus N DIR [--seed S]`: writes N synthetic raw news articles about diplomatic
//! statements into DIR, for benchmarks.
//!
//! The texts imitate agency copy as users paste it — a headline, page cruft (navigation, "A A A",
//! photo credits, separators, share footers), datelines with and without years, explicit date
//! lines in several formats, 6–15 paragraphs (3–5 KB) with quoted statements by real office
//! holders of the built-in knowledge base, topic phrases, a repeated paragraph now and then, and
//! republished copies of one statement by several outlets. Every sentence comes from the
//! templates and word lists below; no real article is copied.
//!
//! Output is a pure function of (N, seed): article `i` is generated from its own random stream,
//! so corpora of different sizes share their first articles.

use communique::render::model::month_name;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use communique::knowledge::{Knowledge, Person, Tenure};
use rayon::prelude::*;

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() - 1)]
    }
}

const TOPICS: &[&str] = &[
    "a peace treaty",
    "the peace treaty",
    "the Kuril Islands",
    "the southern Kuril Islands",
    "sanctions",
    "new sanctions",
    "missile defense",
    "the missile defense system",
    "economic cooperation",
    "joint economic activity",
    "the alliance with the United States",
    "fisheries",
    "energy projects",
    "visa-free exchanges",
    "the territorial dispute",
    "the Northern Territories",
    "arms control",
    "the nuclear programme",
    "maritime security",
    "trade",
];

const VERBS: &[&str] = &[
    "said",
    "stressed",
    "noted",
    "told reporters",
    "stated",
    "emphasized",
    "added",
    "pointed out",
    "underlined",
    "warned",
];

const DAYPARTS: &[&str] = &[
    "at a news conference",
    "after talks with his counterpart",
    "in an interview",
    "during a briefing",
    "at a joint press conference",
    "in a statement",
    "speaking to journalists",
    "at a meeting with students",
];

const QUOTE_OPENERS: &[&str] = &[
    "We are ready to continue the dialogue on",
    "Our position on",
    "There can be no progress without trust on",
    "We have agreed to intensify consultations on",
    "It is important to move forward step by step on",
    "Nobody should doubt our commitment to",
    "We do not accept attempts to link",
    "The two sides exchanged views on",
    "We expect our partners to respect the agreements on",
    "Any decision on",
];

const QUOTE_CLOSERS: &[&str] = &[
    "and we will keep working in this direction",
    "is well known and has not changed",
    "should be based on international law",
    "requires patience from both sides",
    "will be discussed at the next round of talks",
    "cannot be solved overnight",
    "must take into account the interests of our citizens",
    "depends on the political will of our partners",
];

const FILLERS: &[&str] = &[
    "The talks lasted more than three hours and covered a wide range of bilateral issues.",
    "Both sides agreed to hold the next round of consultations at the level of deputy ministers.",
    "Officials said the agenda also included regional security and humanitarian exchanges.",
    "Observers noted that the tone of the meeting was more constructive than in previous years.",
    "The ministry later published a summary of the conversation on its website.",
    "Experts say the negotiations have stalled for decades over the status of the islands.",
    "The statement came ahead of a planned visit by a government delegation next month.",
    "The two countries have yet to sign a document formally ending the hostilities of the war.",
    "Business groups welcomed the decision, saying it would help companies plan investments.",
    "Opposition lawmakers criticised the government for making concessions too early.",
    "The issue is expected to be raised again at the summit scheduled for later this year.",
    "A working group on the matter has met several times since the previous agreement.",
];

const CONNECTORS: &[&str] = &[
    "According to the minister,",
    "At the same time,",
    "In addition,",
    "Meanwhile,",
    "He also said that",
    "Earlier,",
    "Separately,",
];

const NAV: &[&str] = &[
    "Home",
    "All news",
    "News",
    "Menu",
    "Search",
    "Skip to main content",
    "Latest news",
];
const SEPARATORS: &[&str] = &["---", "-", "* * *", "___", "***"];
const FOOTERS: &[&str] = &[
    "Share this article",
    "Share on Facebook",
    "Tweet",
    "Print",
    "Copy link",
    "Read also",
    "Related news",
];
const PHOTOGRAPHERS: &[&str] = &[
    "Ivan Petrov",
    "Kenji Sato",
    "Anna Berg",
    "Li Wen",
    "Maria Costa",
    "John Miller",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A dateline style: place, and how the outlet writes the rest.
#[derive(Clone, Copy)]
enum Dateline {
    /// "MOSCOW, January 14. /TASS/. "
    Tass,
    /// "TOKYO, April 13 (Kyodo) -- "
    Kyodo,
    /// "BEIJING, May 3 (Xinhua) -- "
    Xinhua,
    /// "WASHINGTON (Reuters) - "
    Reuters,
    /// "NAGOYA - "
    Bare,
    /// No dateline.
    None,
}

struct Speaker<'a> {
    person: &'a Person,
    tenure: &'a Tenure,
    role: String,
}

/// What the knowledge base offers the generator.
struct World<'a> {
    kb: &'a Knowledge,
    /// Office holders with a tenure in 2000–2024 and a role phrase.
    speakers: Vec<(usize, usize)>,
}

impl<'a> World<'a> {
    fn new(kb: &'a Knowledge) -> World<'a> {
        let from = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
        let until = NaiveDate::from_ymd_opt(2024, 12, 31).expect("date");
        let mut speakers = Vec::new();
        for (p, person) in kb.people.iter().enumerate() {
            for (t, tenure) in person.offices.iter().enumerate() {
                // Only tenures with days certainly in office (a range may leave none).
                let certain = tenure.start.latest() <= until
                    && tenure
                        .end
                        .is_none_or(|e| e.earliest() >= tenure.start.latest());
                if tenure.end.is_none_or(|e| e.earliest() > from)
                    && certain
                    && role_word(&tenure.office).is_some()
                {
                    speakers.push((p, t));
                }
            }
        }
        World { kb, speakers }
    }

    fn speaker(&self, rng: &mut Rng) -> Speaker<'a> {
        let (p, t) = rng.pick(&self.speakers);
        let person = &self.kb.people[p];
        let tenure = &person.offices[t];
        let adjective = self
            .kb
            .countries
            .iter()
            .find(|c| c.code == tenure.country)
            .and_then(|c| c.adjectives.first().cloned().or(Some(c.name.clone())))
            .unwrap_or_default();
        let role = format!(
            "{adjective} {}",
            role_word(&tenure.office).unwrap_or("official")
        );
        Speaker {
            person,
            tenure,
            role: role.trim().to_string(),
        }
    }
}

fn role_word(office: &str) -> Option<&'static str> {
    Some(match office {
        "head-of-state" => "President",
        "head-of-government" => "Prime Minister",
        "foreign-minister" => "Foreign Minister",
        "foreign-ministry-spokesperson" => "Foreign Ministry spokesperson",
        "defense-minister" => "Defense Minister",
        _ => return None,
    })
}

/// A day certainly within the tenure (between its latest possible start and earliest possible
/// end), between 2000 and 2024.
fn day_in(rng: &mut Rng, tenure: &Tenure) -> NaiveDate {
    let lo = tenure
        .start
        .latest()
        .max(NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"));
    let hi = tenure
        .end
        .map_or(NaiveDate::from_ymd_opt(2024, 12, 31).expect("date"), |e| {
            e.earliest()
        })
        .min(NaiveDate::from_ymd_opt(2024, 12, 31).expect("date"));
    let days = (hi - lo).num_days().max(0) as usize;
    lo + Duration::days(rng.range(0, days) as i64)
}

fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS[w.num_days_from_monday() as usize]
}

fn sentence_quote(rng: &mut Rng, topic: &str) -> String {
    format!(
        "{} {topic} {}",
        rng.pick(QUOTE_OPENERS),
        rng.pick(QUOTE_CLOSERS)
    )
}

/// The statement shared by all copies of one story: who, when, what.
struct Story<'a> {
    speaker: Speaker<'a>,
    other: Speaker<'a>,
    stated: NaiveDate,
    topics: Vec<&'static str>,
    paragraphs: Vec<String>,
    headline: String,
}

fn story<'a>(world: &World<'a>, seed: u64, id: u64) -> Story<'a> {
    let mut rng = Rng::new(seed, id.wrapping_mul(2) + 1);
    let speaker = world.speaker(&mut rng);
    let other = world.speaker(&mut rng);
    let stated = day_in(&mut rng, speaker.tenure);
    let topics: Vec<&'static str> = (0..rng.range(1, 3)).map(|_| rng.pick(TOPICS)).collect();
    let name = &speaker.person.name;
    let surname = &speaker.person.surname;
    let day = weekday_name(stated.weekday());
    let count = rng.range(6, 15);
    let target = rng.range(3000, 5000);
    let per = target / count;
    let mut paragraphs = Vec::with_capacity(count);
    // The lead: who said what, when.
    paragraphs.push(format!(
        "{} {name} {} on {day} that {} {}, {}.",
        speaker.role,
        rng.pick(VERBS),
        topics[0],
        rng.pick(QUOTE_CLOSERS),
        rng.pick(DAYPARTS)
    ));
    while paragraphs.len() < count {
        let topic = rng.pick(&topics);
        let mut p = String::new();
        match rng.range(0, 5) {
            0 => {
                let _ = write!(
                    p,
                    "\"{}. {},\" {surname} {}.",
                    sentence_quote(&mut rng, topic),
                    {
                        let t = rng.pick(TOPICS);
                        sentence_quote(&mut rng, t)
                    },
                    rng.pick(VERBS)
                );
            }
            1 => {
                let _ = write!(
                    p,
                    "{} {} {}, \"{}.\"",
                    rng.pick(CONNECTORS),
                    surname,
                    rng.pick(VERBS),
                    sentence_quote(&mut rng, topic)
                );
            }
            2 => {
                let _ = write!(
                    p,
                    "{} {} {} that {topic} {}.",
                    other.role,
                    other.person.name,
                    rng.pick(VERBS),
                    rng.pick(QUOTE_CLOSERS)
                );
            }
            3 => {
                let _ = write!(
                    p,
                    "In {} {}, {} said that {topic} {}.",
                    month_name(rng.range(0, 11) as u32 + 1),
                    stated.year() - rng.range(1, 4) as i32,
                    speaker.person.surname,
                    rng.pick(QUOTE_CLOSERS)
                );
            }
            _ => {}
        }
        while p.len() < per {
            if !p.is_empty() {
                p.push(' ');
            }
            p.push_str(rng.pick(FILLERS));
        }
        paragraphs.push(p);
    }
    // A paragraph printed twice, as pages sometimes do.
    if rng.chance(0.12) && paragraphs.len() > 3 {
        let i = rng.range(1, paragraphs.len() - 2);
        let again = paragraphs[i].clone();
        paragraphs.insert(rng.range(i + 1, paragraphs.len()), again);
    }
    let headline = match rng.range(0, 3) {
        0 => format!("{surname} says {} {}", topics[0], rng.pick(QUOTE_CLOSERS)),
        1 => format!("{} urges progress on {}", speaker.role, topics[0]),
        2 => format!(
            "{} and {} discuss {}",
            speaker.person.surname, other.person.surname, topics[0]
        ),
        _ => format!("Talks on {} continue", topics[0]),
    };
    Story {
        speaker,
        other,
        stated,
        topics,
        paragraphs,
        headline,
    }
}

fn cap_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn date_line(rng: &mut Rng, d: NaiveDate) -> String {
    let m = month_name(d.month());
    match rng.range(0, 4) {
        0 => format!("{:02}.{:02}.{}", d.day(), d.month(), d.year()),
        1 => format!("{m} {}, {}", d.day(), d.year()),
        2 => format!("{} {m} {}", d.day(), d.year()),
        3 => format!(
            "Published: {} {:02}:{:02}",
            d.format("%Y-%m-%d"),
            rng.range(6, 22),
            rng.range(0, 59)
        ),
        _ => format!(
            "{}, {m} {}, {}",
            weekday_name(d.weekday()),
            d.day(),
            d.year()
        ),
    }
}

/// One copy of a story as an outlet published it and a user pasted it.
fn article(world: &World, seed: u64, i: u64, story_id: u64) -> String {
    let s = story(world, seed, story_id);
    let mut rng = Rng::new(seed, i.wrapping_mul(2));
    let published = s.stated + Duration::days(rng.range(0, 1) as i64);
    let place = s
        .speaker
        .tenure
        .country
        .as_str()
        .chars()
        .next()
        .map(|_| {
            rng.pick(&[
                "MOSCOW",
                "TOKYO",
                "BEIJING",
                "WASHINGTON",
                "NAGOYA",
                "SEOUL",
                "BRUSSELS",
            ])
        })
        .unwrap_or("GENEVA");
    let dateline = rng.pick(&[
        Dateline::Tass,
        Dateline::Kyodo,
        Dateline::Xinhua,
        Dateline::Reuters,
        Dateline::Bare,
        Dateline::None,
    ]);
    let m = month_name(published.month());
    let prefix = match dateline {
        Dateline::Tass => format!("{place}, {m} {}. /TASS/. ", published.day()),
        Dateline::Kyodo => format!("{place}, {m} {} (Kyodo) -- ", published.day()),
        Dateline::Xinhua => format!("{place}, {m} {} (Xinhua) -- ", published.day()),
        Dateline::Reuters => format!("{place} (Reuters) - "),
        Dateline::Bare => format!("{place} - "),
        Dateline::None => String::new(),
    };
    let mut out = String::with_capacity(6000);
    for _ in 0..rng.range(0, 2) {
        out.push_str(rng.pick(NAV));
        out.push_str("\n\n");
    }
    let mut headline = s.headline.clone();
    if i != story_id {
        // A republished copy rewrites the headline.
        headline = format!("{}: {}", s.speaker.person.surname, cap_first(s.topics[0]));
    }
    match rng.range(0, 5) {
        0 => {
            let _ = write!(out, "## **{}**\n\n", headline.to_uppercase());
        }
        1 => {
            let _ = write!(out, "{}\n\n", headline.to_uppercase());
        }
        _ => {
            let _ = write!(out, "{}\n\n", cap_first(&headline));
        }
    }
    if rng.chance(0.3) {
        out.push_str(rng.pick(SEPARATORS));
        out.push_str("\n\n");
    }
    if rng.chance(0.4) {
        out.push_str("A A A\n\n");
    }
    match rng.range(0, 4) {
        0 => {
            let _ = write!(out, "{}\n\n", date_line(&mut rng, published));
        }
        1 => {
            let _ = write!(
                out,
                " date {} {}",
                published.format("%Y-%m-%d"),
                if rng.chance(0.5) { "" } else { "\n\n" }
            );
        }
        _ => {}
    }
    if rng.chance(0.3) {
        let _ = write!(
            out,
            "{} {}\n\u{a9} {}/{}\n\n",
            s.speaker.role,
            s.speaker.person.name,
            rng.pick(PHOTOGRAPHERS),
            rng.pick(&["TASS", "Kyodo", "Xinhua", "Reuters", "AFP"])
        );
    }
    for (k, p) in s.paragraphs.iter().enumerate() {
        if k == 0 {
            out.push_str(&prefix);
            if i != story_id {
                // Outlets reword the lead a little.
                out.push_str("According to officials, ");
            }
        }
        out.push_str(p);
        out.push_str("\n\n");
    }
    if rng.chance(0.4) {
        out.push_str(rng.pick(SEPARATORS));
        out.push_str("\n\n");
    }
    for _ in 0..rng.range(0, 2) {
        out.push_str(rng.pick(FOOTERS));
        out.push('\n');
    }
    if rng.chance(0.2) {
        out.push_str("Tags:\nKaynak/Source:\n");
    }
    let _ = s.other.person;
    out
}

fn usage() -> ! {
    eprintln!("usage: gen-corpus N DIR [--seed S]");
    std::process::exit(2)
}

/// Writes `n` articles into `dir` (created if needed); returns the bytes written.
fn generate(n: u64, dir: &Path, seed: u64) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let kb = Knowledge::builtin();
    let world = World::new(kb);
    (0..n)
        .into_par_iter()
        .map(|i| {
            let mut rng = Rng::new(seed ^ 0x5eed, i);
            // About one text in ten is another outlet's copy of a recent story.
            let story_id = if i > 10 && rng.chance(0.1) {
                i - rng.range(1, 10) as u64
            } else {
                i
            };
            let text = article(&world, seed, i, story_id);
            let path = dir.join(format!("{i:06}_{:016x}.txt", rng.next()));
            std::fs::write(&path, &text)?;
            Ok(text.len() as u64)
        })
        .sum()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut seed = 1u64;
    while let Some(a) = args.next() {
        if a == "--seed" {
            seed = args
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| usage());
        } else if a == "-h" || a == "--help" {
            usage();
        } else {
            positional.push(a);
        }
    }
    let [n, dir] = &positional[..] else { usage() };
    let n: u64 = n.parse().unwrap_or_else(|_| usage());
    let dir = PathBuf::from(dir);
    match generate(n, &dir, seed) {
        Ok(bytes) => eprintln!(
            "wrote {n} articles ({} MB) to {}",
            bytes / 1_000_000,
            dir.display()
        ),
        Err(e) => {
            eprintln!("gen-corpus: {e}");
            std::process::exit(1);
        }
    }
}
