//! The knowledge base: who held which office when, which meetings happened where and when, and
//! who publishes what.
//!
//! Inference reads texts against these facts the way an analyst does: "Japanese Foreign Minister
//! Taro Kono" bounds a text's year by Kono's tenure, "/TASS/." in a dateline names the agency.
//! The data lives in `knowledge/*.toml`, compiled into the binary (see `build.rs`), and users
//! extend it from `config.toml`. [`Knowledge`] indexes everything once, so that every lookup on
//! the per-article path is a hash probe or one Aho-Corasick pass over the text.

mod boundary;
mod index;
mod model;
mod typo;
mod validate;

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

pub use boundary::{Boundary, BoundaryError, Precision};
pub use index::{EventMention, PersonMention, RoleMention};
pub(crate) use index::{floor_char, is_middle_initial, word_bounded};
pub(crate) use model::toml_date_text;
pub use model::{
    Country, Coverage, Event, KnowledgeFile, OfficeKind, Outlet, Person, Series, Tenure,
};
pub use validate::validate;

mod data {
    include!(concat!(env!("OUT_DIR"), "/knowledge_files.rs"));
}

/// Index of a person in [`Knowledge::people`].
pub type PersonId = usize;
/// Index of an event in [`Knowledge::events`].
pub type EventId = usize;
/// Index of a series in [`Knowledge::series`].
pub type SeriesId = usize;
/// Index of an outlet in [`Knowledge::outlets`].
pub type OutletId = usize;
/// Index of a country in [`Knowledge::countries`].
pub type CountryId = usize;
/// Index of an office kind in [`Knowledge::offices`].
pub type OfficeId = usize;

/// Everything communique knows about the world, indexed for the lookups inference makes.
#[derive(Debug)]
pub struct Knowledge {
    /// Countries and bodies.
    pub countries: Vec<Country>,
    /// Office kinds.
    pub offices: Vec<OfficeKind>,
    /// People.
    pub people: Vec<Person>,
    /// Meeting series.
    pub series: Vec<Series>,
    /// Meetings.
    pub events: Vec<Event>,
    /// Outlets and agencies.
    pub outlets: Vec<Outlet>,
    index: index::Index,
}

/// A problem in knowledge data: which file, which entry, what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeError {
    /// The file (or `config.toml`).
    pub file: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl std::fmt::Display for KnowledgeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for KnowledgeError {}

static BUILTIN: OnceLock<Knowledge> = OnceLock::new();

/// The built-in knowledge files, as (path under `knowledge/`, contents).
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    data::FILES
}

impl Knowledge {
    /// The built-in knowledge base, parsed and indexed once per process.
    pub fn builtin() -> &'static Knowledge {
        BUILTIN.get_or_init(|| {
            Knowledge::from_files(builtin_files(), None)
                .expect("built-in knowledge is validated by tests")
        })
    }

    /// Starts parsing the built-in base on a thread of its own, unless it is ready or under
    /// way: it takes about 0.2 s, which a build spends meanwhile finding and reading its
    /// articles, and a build that finds nothing to infer never waits for it.
    pub fn prepare_builtin() {
        static STARTED: std::sync::Once = std::sync::Once::new();
        if BUILTIN.get().is_none() {
            STARTED.call_once(|| {
                std::thread::spawn(|| {
                    Knowledge::builtin();
                });
            });
        }
    }

    /// Parses knowledge files and merges `additions` (from `config.toml`) over them: an added
    /// entry replaces a built-in one with the same id.
    pub fn from_files(
        files: &[(&str, &str)],
        additions: Option<&KnowledgeFile>,
    ) -> Result<Knowledge, KnowledgeError> {
        let mut all = KnowledgeFile::default();
        for (name, text) in files {
            let file: KnowledgeFile = toml::from_str(text).map_err(|e| KnowledgeError {
                file: format!("knowledge/{name}"),
                message: e.to_string(),
            })?;
            merge_people(&mut all, file.people);
            merge(
                &mut all,
                KnowledgeFile {
                    people: Vec::new(),
                    ..file
                },
            );
        }
        if let Some(extra) = additions {
            merge(&mut all, extra.clone());
        }
        Ok(Knowledge::new(all))
    }

    /// Indexes a merged set of records.
    pub fn new(mut all: KnowledgeFile) -> Knowledge {
        model::cap_open_ends(&mut all.people);
        let index = index::Index::build(&all);
        Knowledge {
            countries: all.countries,
            offices: all.offices,
            people: all.people,
            series: all.series,
            events: all.events,
            outlets: all.outlets,
            index,
        }
    }

    /// The person a full name or variant names ("Sergei Lavrov"), ignoring case.
    pub fn person_by_name(&self, name: &str) -> Option<PersonId> {
        self.index.person_by_name(name)
    }

    /// The one known person whose name, or a variant of it, the text spells another way
    /// ("Riad al-Maleki" for Riyad al-Maliki): names of the same consonants, vowels aside.
    /// Copy transliterates Arabic, Persian and Slavic names freely; variants list only some.
    pub fn person_by_spelling(&self, name: &str) -> Option<PersonId> {
        self.index.person_by_skeleton(name)
    }

    /// The one known person whose name, or a variant of it, the text misspells by a single
    /// letter ("Heiko Mass", "Melvut Cavusoglu") or by its spaces ("Pham Binhminh").
    pub fn person_by_misspelling(&self, name: &str) -> Option<PersonId> {
        self.index.person_by_typo(name)
    }

    /// The one known person of this surname whom a title the text gives fits ("CHIEF CABINET
    /// SECRETARY SUGA:" in a transcript), or the only known person of the surname when no
    /// title is given. A transcript's labels name people by surname alone.
    pub fn person_by_surname(&self, surname: &str, title: &str) -> Option<PersonId> {
        let candidates = self.people_by_surname(surname);
        if candidates.is_empty() {
            return None;
        }
        if title.trim().is_empty() {
            return (candidates.len() == 1).then(|| candidates[0]);
        }
        let offices: Vec<&str> = self
            .offices_for_words(title)
            .into_iter()
            .map(|o| self.offices[o].id.as_str())
            .collect();
        let fitting: Vec<PersonId> = candidates
            .iter()
            .copied()
            .filter(|&p| {
                self.people[p].offices.iter().any(|t| {
                    offices.contains(&t.office.as_str())
                        || t.title.eq_ignore_ascii_case(title)
                        || words_of_title(title, &t.title)
                })
            })
            .collect();
        (fitting.len() == 1).then(|| fitting[0])
    }

    /// Everyone whose surname is `surname` (ignoring ASCII case), in record order: a hash
    /// probe, not a scan of the few thousand people.
    pub fn people_by_surname(&self, surname: &str) -> &[PersonId] {
        self.index.people_by_surname(surname)
    }

    /// The person with this id.
    pub fn person_by_id(&self, id: &str) -> Option<PersonId> {
        self.index.person_by_id(id)
    }

    /// Every person named in `text`: full names and variants, and surnames alone when the text
    /// names exactly one known person of that surname in full. Sorted by position.
    pub fn find_people(&self, text: &str) -> Vec<PersonMention> {
        self.index.find_people(self, text)
    }

    /// Every office named in `text` with its country, name or no name ("the Chinese Foreign
    /// Minister"): who spoke when a text gives the office and not the person.
    pub fn roles_in(&self, text: &str) -> Vec<RoleMention> {
        self.index.roles_in(self, text)
    }

    /// The people who certainly held `office` of `country` on `day` (several only for offices
    /// such as spokespeople).
    pub fn holders(&self, office: &str, country: &str, day: NaiveDate) -> Vec<PersonId> {
        self.holders_with(office, country, day, |c| c == Coverage::Certain)
    }

    /// The people who may have held `office` of `country` on `day` but whose tenure's boundary
    /// is known only to the month or year or between two days, so that it cannot be said.
    pub fn possible_holders(&self, office: &str, country: &str, day: NaiveDate) -> Vec<PersonId> {
        self.holders_with(office, country, day, |c| c == Coverage::Possible)
    }

    fn holders_with(
        &self,
        office: &str,
        country: &str,
        day: NaiveDate,
        keep: impl Fn(Coverage) -> bool,
    ) -> Vec<PersonId> {
        self.people
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                // The person's best coverage: one certain tenure outweighs a possible one.
                let best = p
                    .offices
                    .iter()
                    .filter(|t| t.office == office && t.country == country)
                    .map(|t| t.coverage(day))
                    .min_by_key(|c| match c {
                        Coverage::Certain => 0,
                        Coverage::Possible => 1,
                        Coverage::Outside => 2,
                    });
                best.is_some_and(&keep)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The tenures `person` may have been serving on `day`, each with how sure that is.
    pub fn offices_on(&self, person: PersonId, day: NaiveDate) -> Vec<(&Tenure, Coverage)> {
        self.people[person]
            .offices
            .iter()
            .map(|t| (t, t.coverage(day)))
            .filter(|(_, c)| *c != Coverage::Outside)
            .collect()
    }

    /// The office kind named by a phrase ("Foreign Minister", "top diplomat").
    pub fn office_by_phrase(&self, phrase: &str) -> Option<OfficeId> {
        self.index.office_by_phrase(phrase)
    }

    /// [`Self::office_by_phrase`] of words joined by single spaces, without allocating for a
    /// short ASCII phrase.
    pub fn office_by_words(&self, words: &[&str]) -> Option<OfficeId> {
        self.index.office_by_words(words)
    }

    /// The office kinds people may mean by a loose phrase, for queries typed by users:
    /// the exact phrase first, then common abbreviations ("FM", "PM", "SG"), then every office
    /// one of whose phrases contains all the words ("spokeswoman" is the foreign ministry
    /// spokesperson's office, "foreign" several offices).
    pub fn offices_for_words(&self, phrase: &str) -> Vec<OfficeId> {
        if let Some(o) = self.office_by_phrase(phrase) {
            return vec![o];
        }
        let lower = phrase.trim().to_lowercase();
        let expanded = match lower.trim_end_matches('.') {
            "fm" | "fmin" | "mfa" => "foreign minister",
            "pm" => "prime minister",
            "sg" | "unsg" => "secretary-general",
            "dm" | "defmin" => "defense minister",
            "spox" | "spokesperson" | "spokeswoman" | "spokesman" | "spokesperson of the mfa" => {
                "foreign ministry spokesperson"
            }
            _ => "",
        };
        if let Some(o) = self.office_by_phrase(expanded) {
            return vec![o];
        }
        let words: Vec<&str> = lower.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        for (id, office) in self.offices.iter().enumerate() {
            let fits = office.phrases.iter().any(|p| {
                let have: Vec<&str> = p.split_whitespace().collect();
                words.iter().all(|w| have.contains(w))
            });
            if fits {
                found.push(id);
            }
        }
        found
    }

    /// The country an adjective, name or alias names ("Japanese", "Japan", "Tokyo").
    pub fn country_by_word(&self, word: &str) -> Option<CountryId> {
        self.index.country_by_word(word)
    }

    /// Whether a country word is also a common given name ("Chad", "Santiago"): a name of two
    /// or more words it opens may be a person's ("Chad Miller").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.index.is_given_name(word)
    }

    /// The country with this code.
    pub fn country_by_code(&self, code: &str) -> Option<CountryId> {
        self.countries.iter().position(|c| c.code == code)
    }

    /// Every meeting series named in `text`, each with the events of that series it can still
    /// be (narrowed by a place the same sentence names). Sorted by position.
    pub fn find_events(&self, text: &str) -> Vec<EventMention> {
        self.index.find_events(self, text)
    }

    /// Events whose series alias, name or variant contains `phrase` (for `communique knowledge`).
    pub fn events_matching(&self, phrase: &str) -> Vec<EventId> {
        let needle = phrase.to_lowercase();
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                let series = self.series.iter().find(|s| s.id == e.series);
                e.name.to_lowercase().contains(&needle)
                    || e.place.to_lowercase().contains(&needle)
                    || e.variants
                        .iter()
                        .any(|v| v.to_lowercase().contains(&needle))
                    || series.is_some_and(|s| {
                        s.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
                    })
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The outlet a name or alias names, as a whole line would ("Jiji Press", "Russian News
    /// Agency"); case and surrounding punctuation are ignored.
    pub fn outlet_by_name(&self, name: &str) -> Option<OutletId> {
        self.index.outlet_by_name(name)
    }

    /// The outlet behind a URL host (`www.` and subdomains are stripped as needed).
    pub fn outlet_by_host(&self, host: &str) -> Option<OutletId> {
        self.index.outlet_by_host(host)
    }

    /// Dateline and credit marks (`/TASS/`, `(Reuters)`) found in `text`, by position.
    pub fn find_outlet_marks(&self, text: &str) -> Vec<(OutletId, usize, usize)> {
        self.index.find_outlet_marks(text)
    }

    /// Outlet names and aliases found in running `text` (case-sensitive, whole words).
    pub fn find_outlet_names(&self, text: &str) -> Vec<(OutletId, usize, usize)> {
        self.index.find_outlet_names(text)
    }

    /// The outlet with this id.
    pub fn outlet_by_id(&self, id: &str) -> Option<OutletId> {
        self.outlets.iter().position(|o| o.id == id)
    }

    /// How many records of each kind the base holds.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        let tenures = self.people.iter().map(|p| p.offices.len()).sum();
        vec![
            ("countries", self.countries.len()),
            ("offices", self.offices.len()),
            ("people", self.people.len()),
            ("tenures", tenures),
            ("series", self.series.len()),
            ("events", self.events.len()),
            ("outlets", self.outlets.len()),
        ]
    }
}

/// Built-in files may each hold part of one person's record (a foreign minister who later led
/// a UN body): entries with the same id are joined, offices and variants together.
fn merge_people(all: &mut KnowledgeFile, people: Vec<Person>) {
    for person in people {
        match all.people.iter_mut().find(|p| p.id == person.id) {
            Some(existing) => {
                for variant in person.variants {
                    if !existing.variants.contains(&variant) && variant != existing.name {
                        existing.variants.push(variant);
                    }
                }
                existing.offices.extend(person.offices);
                existing.verified &= person.verified;
            }
            None => all.people.push(person),
        }
    }
}

/// Appends `extra` to `all`; an entry whose id is already present replaces the earlier one.
fn merge(all: &mut KnowledgeFile, extra: KnowledgeFile) {
    fn merge_by<T>(into: &mut Vec<T>, extra: Vec<T>, key: impl Fn(&T) -> &str) {
        let mut at: HashMap<String, usize> = into
            .iter()
            .enumerate()
            .map(|(i, x)| (key(x).to_string(), i))
            .collect();
        for item in extra {
            match at.get(key(&item)) {
                Some(&i) => into[i] = item,
                None => {
                    at.insert(key(&item).to_string(), into.len());
                    into.push(item);
                }
            }
        }
    }
    merge_by(&mut all.countries, extra.countries, |c| &c.code);
    merge_by(&mut all.offices, extra.offices, |o| &o.id);
    merge_by(&mut all.people, extra.people, |p| &p.id);
    merge_by(&mut all.series, extra.series, |s| &s.id);
    merge_by(&mut all.events, extra.events, |e| &e.id);
    merge_by(&mut all.outlets, extra.outlets, |o| &o.id);
}

/// Whether every word of a title as copy writes it stands in an office's full title, in any
/// order ("Commission President" in "President of the European Commission", "Foreign
/// Minister" in "Minister of Foreign Affairs"): copy shortens titles that way.
fn words_of_title(written: &str, full: &str) -> bool {
    let full: Vec<String> = full
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let mut words = written.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| full.contains(&w.to_lowercase()))
}

#[cfg(test)]
mod title_tests {
    use super::words_of_title;

    #[test]
    fn a_shortened_title_is_one_whose_words_the_office_title_holds() {
        assert!(words_of_title(
            "Commission President",
            "President of the European Commission"
        ));
        assert!(words_of_title(
            "Foreign Minister",
            "Minister of Foreign Affairs"
        ));
        assert!(!words_of_title(
            "Defence Minister",
            "Minister of Foreign Affairs"
        ));
        // Whole words only, and something to compare.
        assert!(!words_of_title("Pres", "President of the Council"));
        assert!(!words_of_title("", "President of the Council"));
    }
}
