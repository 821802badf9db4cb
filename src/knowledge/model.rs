//! The records of the knowledge base, as they are written in `knowledge/*.toml` and in the
//! `[knowledge]` table of `config.toml`.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

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
    /// First day in office.
    #[serde(deserialize_with = "de_date")]
    pub start: NaiveDate,
    /// Last day in office; `None` while in office.
    #[serde(default, deserialize_with = "de_opt_date")]
    pub end: Option<NaiveDate>,
    /// Held alongside other holders of the same office (China's several foreign-ministry
    /// spokespeople). Validation lets two tenures of one office overlap only when both say so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concurrent: bool,
}

impl Tenure {
    /// Whether the tenure covers `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|end| day <= end)
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
    /// agency | newspaper | broadcaster | ministry | aggregator | magazine | online.
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
