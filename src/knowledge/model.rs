//! The records of the knowledge base, as they are written in `knowledge/*.toml` and in the
//! `[knowledge]` table of `config.toml`.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::boundary::Boundary;

/// A country or international body whose officials texts name.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, or "EU"/"UN".
    pub code: String,
    /// English short name.
    pub name: String,
    /// Adjectives copy uses before titles ("Japanese Prime Minister").
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Metonyms for the government ("Tokyo", "the Kremlin").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Those of the words above that are also common given names ("Chad", "Santiago"): they
    /// still name the country, but a name of two or more words they open ("Chad Miller",
    /// "Santiago Peña") may be a person's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub given_names: Vec<String>,
}

/// A kind of office and the phrases that name it.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OfficeKind {
    /// Stable id (`foreign-minister`).
    pub id: String,
    /// Lower-case phrases that name the office in copy.
    pub phrases: Vec<String>,
}

/// One tenure of one office.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Tenure {
    /// An [`OfficeKind`] id.
    pub office: String,
    /// Whose office it is (country code).
    pub country: String,
    /// The title as the office styles itself.
    pub title: String,
    /// First day in office, as precisely as the sources give it.
    pub start: Boundary,
    /// Last day in office, as precisely as the sources give it; `None` while in office. An end
    /// known only to be on or after some day (`{ earliest = … }`) is not "in office": after that
    /// day the holder only possibly still serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Boundary>,
    /// Held alongside other holders of the same office (China's several foreign-ministry
    /// spokespeople). Validation lets two tenures of one office overlap only when both say so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concurrent: bool,
    /// The day by which the next holder of this office had certainly taken it, when the end
    /// is not bounded from above by a source: one holder at a time, so the tenure had ended
    /// by then. Derived when the base is built ([`cap_open_ends`]); bounds lookups only, never
    /// shown as a source's date.
    #[serde(skip)]
    pub ended_by: Option<NaiveDate>,
}

/// Bounds each open-ended tenure of a single-holder office by its successor: an end known only
/// to be "on or after" some day ends, at the latest, on the day the next holder had certainly
/// started. Without it, a 1998 press secretary whose successor no source names would be a
/// possible holder of the post forever.
pub fn cap_open_ends(people: &mut [Person]) {
    // (office, country) → every (latest start, person, tenure) of a single-holder office.
    let mut starts: std::collections::HashMap<(String, String), Vec<NaiveDate>> =
        std::collections::HashMap::new();
    for p in people.iter() {
        for t in p.offices.iter().filter(|t| !t.concurrent) {
            starts
                .entry((t.office.clone(), t.country.clone()))
                .or_default()
                .push(t.start.latest());
        }
    }
    for list in starts.values_mut() {
        list.sort_unstable();
    }
    for p in people.iter_mut() {
        for t in p.offices.iter_mut().filter(|t| !t.concurrent) {
            let Some(end) = t.end.filter(|e| e.latest() == NaiveDate::MAX) else {
                continue;
            };
            let key = (t.office.clone(), t.country.clone());
            // The first holder certainly in office after this one was last seen in it.
            t.ended_by = starts.get(&key).and_then(|list| {
                list.iter()
                    .copied()
                    .find(|&s| s > end.earliest() && s > t.start.latest())
            });
        }
    }
}

/// Whether a tenure covers a day, given that its boundaries may be known only to the month or
/// year, or only between two days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// In office on that day however the uncertain boundaries resolve.
    Certain,
    /// In office on that day for some but not all days the boundaries can be.
    Possible,
    /// Not in office on that day, whatever the boundaries.
    Outside,
}

impl Tenure {
    /// Whether the tenure covers `day`: certainly between the latest possible start and the
    /// earliest possible end, possibly between the earliest start and the latest end (an
    /// unknown side of a range leaves that span open).
    pub fn coverage(&self, day: NaiveDate) -> Coverage {
        if self.start.latest() <= day && self.end.is_none_or(|end| day <= end.earliest()) {
            Coverage::Certain
        } else if self.start.earliest() <= day
            && self.end.is_none_or(|end| day <= end.latest())
            && self.ended_by.is_none_or(|by| day <= by)
        {
            Coverage::Possible
        } else {
            Coverage::Outside
        }
    }

    /// Whether the tenure certainly covers `day` (for asserting that someone held the office).
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.coverage(day) == Coverage::Certain
    }

    /// Whether the tenure may cover `day` (for bounding a date: a true day is never excluded).
    pub fn may_cover(&self, day: NaiveDate) -> bool {
        self.coverage(day) != Coverage::Outside
    }

    /// The widest span of days the tenure can cover: earliest start to latest end (`None`:
    /// still in office; `NaiveDate::MIN`/`MAX` where a range leaves a side unknown).
    pub fn loose_span(&self) -> (NaiveDate, Option<NaiveDate>) {
        let end = self
            .end
            .map(|e| self.ended_by.map_or(e.latest(), |by| by.min(e.latest())));
        (self.start.earliest(), end)
    }

    /// The tenure in words for evidence: "from 2017-08-03 to 2019-09-11", "from August 2002 to
    /// July 2005", "since January 2017", "from a day between 19 September 2000 and 2 February
    /// 2001 to 8 January 2002 or later".
    pub fn span_phrase(&self) -> String {
        match self.end {
            Some(end) => format!("from {} to {}", self.start.phrase(), end.phrase()),
            None => format!("since {}", self.start.phrase()),
        }
    }
}

/// A person texts quote or mention.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id, also the speaker page's slug.
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// Other full-name spellings.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Family name, for surname-only mentions resolved within one text.
    pub surname: String,
    /// Nationality (country code).
    pub country: String,
    /// Where the facts can be checked.
    pub source: String,
    /// Whether the dates were checked against `source` when written.
    #[serde(default)]
    pub verified: bool,
    /// Offices held.
    #[serde(default, rename = "office")]
    pub offices: Vec<Tenure>,
}

/// A recurring kind of meeting ("G20 summit") and the phrases naming it.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// summit | ministerial | visit | forum | assembly | conference.
    pub kind: String,
    /// Phrases that name the series, matched case-insensitively.
    pub aliases: Vec<String>,
    /// How the series numbers its meetings, when it does ("the 15th BRICS summit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbered: Option<Numbering>,
}

/// A series that numbers its meetings: the year of the nth is read from known meetings. A
/// reader who sees "the 19th Party Congress" knows the year without a date.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Numbering {
    /// Known meetings as `[number, year]`, ascending: a break in the rhythm (a year
    /// skipped) starts a new anchor.
    pub anchors: Vec<(u32, i32)>,
    /// Meetings a year (1 for an annual summit, 2 for one held twice a year).
    #[serde(default = "one")]
    pub per_year: u32,
    /// Years from one meeting to the next (5 for a party congress); 1 for yearly ones.
    #[serde(default = "one")]
    pub every: u32,
}

fn one() -> u32 {
    1
}

impl Numbering {
    /// The year of the meeting numbered `n`, counted from the nearest anchor at or below it
    /// (the first anchor for a number before all of them).
    pub fn year_of(&self, n: u32) -> Option<i32> {
        let per_year = i64::from(self.per_year.max(1));
        let &(an, ay) = self
            .anchors
            .iter()
            .rev()
            .find(|(an, _)| *an <= n)
            .or_else(|| self.anchors.first())?;
        let offset = (i64::from(n) - i64::from(an)).div_euclid(per_year) * i64::from(self.every);
        i32::try_from(i64::from(ay) + offset)
            .ok()
            .filter(|y| *y > 0)
    }
}

/// One meeting: an instance of a [`Series`].
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable id.
    pub id: String,
    /// The [`Series`] id.
    pub series: String,
    /// Display name.
    pub name: String,
    /// City as English copy names it ("virtual" for online meetings).
    pub place: String,
    /// Host country code.
    pub country: String,
    /// First day.
    #[serde(deserialize_with = "de_date")]
    pub start: NaiveDate,
    /// Last day (`None`: a one-day event).
    #[serde(default, deserialize_with = "de_opt_date")]
    pub end: Option<NaiveDate>,
    /// Extra phrases naming this instance alone.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Where the facts can be checked.
    pub source: String,
    /// Whether the dates were checked against `source` when written.
    #[serde(default)]
    pub verified: bool,
}

impl Event {
    /// The last day of the event.
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start)
    }
}

/// A news outlet, agency, broadcaster or ministry that publishes texts.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    /// Stable id, also the source page's slug.
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// agency | newspaper | broadcaster | ministry | institution | aggregator | magazine |
    /// online. `ministry` is a government's own office (a foreign ministry, a presidency);
    /// `institution` an international organisation (the UN, NATO, the African Union).
    pub kind: String,
    /// Home country code.
    pub country: String,
    /// Other names a text may use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// URL hosts, without `www.`.
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Marks in datelines and credits (`/TASS/`, `(Reuters)`).
    #[serde(default)]
    pub dateline_marks: Vec<String>,
    /// Where the facts can be checked.
    pub source: String,
    /// Whether the facts were checked against `source` when written.
    #[serde(default)]
    pub verified: bool,
}

impl Outlet {
    /// Whether this outlet is a news agency (its copy is republished by others).
    pub fn is_agency(&self) -> bool {
        self.kind == "agency"
    }

    /// Whether this outlet is an official publisher (a government's office or an international
    /// organisation) rather than a news publication: naming it in a story ("told the United
    /// Nations", a handout photo "/NATO") says nothing of who published the story.
    pub fn is_official(&self) -> bool {
        matches!(self.kind.as_str(), "ministry" | "institution")
    }

    /// Whether a credit or an interview naming this outlet says nothing of the page's
    /// publisher: a wire's photos and stories go to every paper, an official body is no paper.
    pub fn names_no_publisher(&self) -> bool {
        self.is_agency() || self.is_official()
    }
}

/// The contents of one knowledge file, or of `config.toml`'s `[knowledge]` table: every part is
/// optional so that files can hold one kind of record each.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeFile {
    /// Countries.
    #[serde(default, rename = "country", alias = "countries")]
    pub countries: Vec<Country>,
    /// Office kinds.
    #[serde(default, rename = "office", alias = "offices")]
    pub offices: Vec<OfficeKind>,
    /// People.
    #[serde(default, rename = "person", alias = "people")]
    pub people: Vec<Person>,
    /// Meeting series.
    #[serde(default)]
    pub series: Vec<Series>,
    /// Meetings.
    #[serde(default, rename = "event", alias = "events")]
    pub events: Vec<Event>,
    /// Outlets.
    #[serde(default, rename = "outlet", alias = "outlets")]
    pub outlets: Vec<Outlet>,
}

/// TOML writes dates as its own datetime type; this accepts that or an ISO string.
/// A TOML date (TOML's own datetime type, or a string) as text, for the date fields of the
/// knowledge files and of front matter.
pub(crate) fn toml_date_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Toml(toml::value::Datetime),
        Text(String),
    }
    Ok(match Raw::deserialize(d)? {
        Raw::Toml(dt) => dt.to_string(),
        Raw::Text(s) => s,
    })
}

fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = toml_date_text(d)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        serde::de::Error::custom(format!("expected a date like 2019-11-22, found {text:?}"))
    })
}

fn de_opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    de_date(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn tenure(start: &str, end: Option<&str>) -> Tenure {
        Tenure {
            office: "foreign-ministry-spokesperson".into(),
            country: "JP".into(),
            title: "Press Secretary".into(),
            start: start.parse().unwrap(),
            end: end.map(|e| e.parse().unwrap()),
            concurrent: false,
            ended_by: None,
        }
    }

    fn holder(id: &str, offices: Vec<Tenure>) -> Person {
        Person {
            id: id.into(),
            name: id.into(),
            variants: Vec::new(),
            surname: id.into(),
            country: "JP".into(),
            source: String::new(),
            verified: false,
            offices,
        }
    }

    #[test]
    fn an_end_known_only_from_below_ends_by_the_next_holders_certain_start() {
        // A was last seen in office on 1 June 2000; B had certainly started by 1 September.
        let open = |from: &str| Boundary::between(Some(day(from)), None).unwrap();
        let mut a = tenure("1999-01-01", None);
        a.end = Some(open("2000-06-01"));
        let mut b = tenure("2000-06-01", Some("2001-12-31"));
        b.start = Boundary::between(Some(day("2000-06-01")), Some(day("2000-09-01"))).unwrap();
        // C, last seen in 2005, has no successor in the data: it stays open.
        let mut c = tenure("2004-01-01", None);
        c.end = Some(open("2005-01-01"));
        let mut people = vec![
            holder("a", vec![a]),
            holder("b", vec![b]),
            holder("c", vec![c]),
        ];
        cap_open_ends(&mut people);
        let a = &people[0].offices[0];
        assert_eq!(a.ended_by, Some(day("2000-09-01")));
        assert_eq!(a.coverage(day("2000-05-31")), Coverage::Certain);
        assert_eq!(a.coverage(day("2000-08-31")), Coverage::Possible);
        assert_eq!(a.coverage(day("2000-09-02")), Coverage::Outside);
        assert_eq!(a.loose_span().1, Some(day("2000-09-01")));
        // What a source gave is still what is shown.
        assert_eq!(a.end.unwrap().latest(), NaiveDate::MAX);
        let c = &people[2].offices[0];
        assert_eq!(c.ended_by, None);
        assert_eq!(c.coverage(day("2030-01-01")), Coverage::Possible);
    }

    #[test]
    fn exact_boundaries_cover_as_before() {
        let t = tenure("2013-06-28", Some("2015-01-22"));
        assert_eq!(t.coverage(day("2013-06-27")), Coverage::Outside);
        assert_eq!(t.coverage(day("2013-06-28")), Coverage::Certain);
        assert_eq!(t.coverage(day("2015-01-22")), Coverage::Certain);
        assert_eq!(t.coverage(day("2015-01-23")), Coverage::Outside);
        assert!(t.covers(day("2014-01-01")) && t.may_cover(day("2014-01-01")));
    }

    #[test]
    fn a_month_boundary_is_uncertain_only_within_its_month() {
        let t = tenure("2002-08", Some("2005-07"));
        assert_eq!(t.coverage(day("2002-07-31")), Coverage::Outside);
        assert_eq!(t.coverage(day("2002-08-01")), Coverage::Possible);
        assert_eq!(t.coverage(day("2002-08-31")), Coverage::Certain);
        assert_eq!(t.coverage(day("2004-03-01")), Coverage::Certain);
        assert_eq!(t.coverage(day("2005-07-01")), Coverage::Certain);
        assert_eq!(t.coverage(day("2005-07-02")), Coverage::Possible);
        assert_eq!(t.coverage(day("2005-07-31")), Coverage::Possible);
        assert_eq!(t.coverage(day("2005-08-01")), Coverage::Outside);
        assert!(!t.covers(day("2005-07-14")));
        assert!(t.may_cover(day("2005-07-14")));
        assert_eq!(t.loose_span(), (day("2002-08-01"), Some(day("2005-07-31"))));
        assert_eq!(t.span_phrase(), "from August 2002 to July 2005");
    }

    #[test]
    fn a_year_boundary_and_an_open_end() {
        let t = tenure("2005", None);
        assert_eq!(t.coverage(day("2004-12-31")), Coverage::Outside);
        assert_eq!(t.coverage(day("2005-06-01")), Coverage::Possible);
        assert_eq!(t.coverage(day("2005-12-31")), Coverage::Certain);
        assert_eq!(t.coverage(day("2030-01-01")), Coverage::Certain);
        assert_eq!(t.span_phrase(), "since 2005");
        let both = tenure("2005", Some("2006-08-01"));
        assert_eq!(both.span_phrase(), "from 2005 to 2006-08-01");
    }

    #[test]
    fn a_range_start_and_an_end_known_from_one_side() {
        let mut t = tenure("2006", None);
        t.start = toml::from_str::<std::collections::BTreeMap<String, Boundary>>(
            "b = { earliest = 2000-09-19, latest = 2001-02-02 }",
        )
        .unwrap()["b"];
        t.end = Some(Boundary::between(Some(day("2007-03-20")), None).unwrap());
        assert_eq!(t.coverage(day("2000-09-18")), Coverage::Outside);
        assert_eq!(t.coverage(day("2000-09-19")), Coverage::Possible);
        assert_eq!(t.coverage(day("2001-02-01")), Coverage::Possible);
        assert_eq!(t.coverage(day("2001-02-02")), Coverage::Certain);
        assert_eq!(t.coverage(day("2007-03-20")), Coverage::Certain);
        // Still in office on the last day a source saw, never certainly after it.
        assert_eq!(t.coverage(day("2007-03-21")), Coverage::Possible);
        assert_eq!(t.coverage(day("2030-01-01")), Coverage::Possible);
        assert_eq!(t.loose_span(), (day("2000-09-19"), Some(NaiveDate::MAX)));
        assert_eq!(
            t.span_phrase(),
            "from a day between 19 September 2000 and 2 February 2001 to 20 March 2007 or later"
        );
        // A start known only as "by" some day: possibly in office at any time before it.
        t.start = Boundary::between(None, Some(day("1999-02-19"))).unwrap();
        t.end = Some(Boundary::between(Some(day("2000-02-08")), Some(day("2000-09-19"))).unwrap());
        assert_eq!(t.coverage(day("1980-01-01")), Coverage::Possible);
        assert_eq!(t.coverage(day("1999-02-19")), Coverage::Certain);
        assert_eq!(t.coverage(day("2000-02-08")), Coverage::Certain);
        assert_eq!(t.coverage(day("2000-05-01")), Coverage::Possible);
        assert_eq!(t.coverage(day("2000-09-20")), Coverage::Outside);
        assert_eq!(
            t.span_phrase(),
            "from 19 February 1999 or earlier to a day between 8 February 2000 and 19 September \
             2000"
        );
    }

    #[test]
    fn a_tenure_inside_one_month_is_never_certain() {
        let t = tenure("2005-07", Some("2005-07"));
        for d in ["2005-07-01", "2005-07-15", "2005-07-31"] {
            assert_eq!(t.coverage(day(d)), Coverage::Possible, "{d}");
        }
    }

    #[test]
    fn person_files_take_partial_boundaries() {
        let toml = "[[person]]\nid = \"a\"\nname = \"A B\"\nsurname = \"B\"\ncountry = \"JP\"\n\
                    source = \"s\"\n[[person.office]]\noffice = \"x\"\ncountry = \"JP\"\n\
                    title = \"T\"\nstart = \"2002-08\"\nend = 2005-07-31\n";
        let file: KnowledgeFile = toml::from_str(toml).unwrap();
        let t = &file.people[0].offices[0];
        assert_eq!(t.start.to_string(), "2002-08");
        assert_eq!(t.end.unwrap().exact(), Some(day("2005-07-31")));
        let bad = toml.replace("\"2002-08\"", "\"Aug 2002\"");
        let err = toml::from_str::<KnowledgeFile>(&bad)
            .unwrap_err()
            .to_string();
        assert!(err.contains("a month like \"2017-01\""), "{err}");
    }
}
