//! `config.toml`: the site's settings, its topics, and its additions to the knowledge base.
//!
//! Every field has a default, so an empty file (or none) builds a working site. Doc comments on
//! the fields are the user reference; `communique init` writes a commented copy.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::knowledge::KnowledgeFile;

/// The site configuration.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The site's name, shown in every page header and feed.
    pub title: String,
    /// One sentence about the site, for the home page and metadata.
    pub description: String,
    /// Where the site will be served, e.g. `https://example.org/timeline/`. Links are written
    /// relative to each page, so the output also works from disk or any other path.
    pub base_url: String,
    /// The visual theme, or an ordered list of themes (earlier ones win).
    pub theme: ThemeChoice,
    /// The output folder, relative to the site root.
    pub output_dir: String,
    /// Minify the HTML: `true` strips the templates' indentation, line breaks and comments once,
    /// when the theme loads, and each page loses the attribute quotes it does not need
    /// (`render/tighten.rs`), so pages cost almost nothing more to minify; `"full"` also passes every
    /// page through minify-html (a few percent smaller, at about twice the build time); `false`
    /// leaves the templates as written.
    pub minify: Minify,
    /// Build the static search index and the search page. Off, a build skips its cost and the
    /// themes leave out the search form.
    pub search: bool,
    /// Give every fact's evidence in `articles.json` (the words each rule read, its note and
    /// where in the text): about 2 KB more per article. Off, the export keeps each fact's
    /// value, confidence (to two places) and rule names (`rules`); the evidence
    /// itself is on every article page, so a large site need not publish it twice.
    pub export_evidence: bool,
    /// Give every quotation's words, speaker and confidence in `articles.json`: about 1 KB more
    /// per article, since the words repeat the text that every article page shows. Off, the
    /// export leaves out `quotes`.
    pub export_quotes: bool,
    /// Give text that repeats the article in the exports: each article's lead sentence
    /// (`summary`) in `articles.json`, and each event's main quotation (or lead) as its `text`
    /// in `timeline.json`: about 0.4 KB more per article. Off, `articles.json` has no `summary`
    /// and TimelineJS events are their date and headline, linking to the page that shows both.
    pub export_text: bool,
    /// Pass raw HTML in Markdown articles through to the pages. Off by default: raw HTML is
    /// shown as text, so no article can put a script on the site.
    pub unsafe_html: bool,
    /// Timeline order: `oldest-first` or `newest-first`.
    pub order: String,
    /// Language of the pages (`lang` attribute).
    pub language: String,
    /// Inference settings.
    pub inference: InferenceConfig,
    /// Subject themes ("topics"): name, slug and the phrases that signal them.
    pub topics: Vec<TopicConfig>,
    /// Additions to the built-in knowledge base (same schema as `knowledge/*.toml`).
    pub knowledge: KnowledgeFile,
}

/// How the HTML output is minified (`minify = true | false | "full"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Minify {
    /// Pages as the templates write them.
    Off,
    /// The templates minified once as they load (`true`).
    Templates,
    /// The templates minified, and every page passed through minify-html too (`"full"`).
    Full,
}

impl Minify {
    /// Whether the theme's templates are minified as they load.
    pub fn templates(self) -> bool {
        self != Minify::Off
    }
}

impl Serialize for Minify {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Minify::Off => s.serialize_bool(false),
            Minify::Templates => s.serialize_bool(true),
            Minify::Full => s.serialize_str("full"),
        }
    }
}

impl<'de> Deserialize<'de> for Minify {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Minify;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("true, false or \"full\"")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Minify, E> {
                Ok(if v { Minify::Templates } else { Minify::Off })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Minify, E> {
                match v {
                    "full" => Ok(Minify::Full),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A theme name or an ordered list of them.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum ThemeChoice {
    /// One theme.
    One(String),
    /// Several, earlier ones overriding later ones.
    Many(Vec<String>),
}

impl ThemeChoice {
    /// The themes in lookup order.
    pub fn names(&self) -> Vec<String> {
        match self {
            ThemeChoice::One(name) => vec![name.clone()],
            ThemeChoice::Many(names) => names.clone(),
        }
    }
}

/// How inference reads the texts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct InferenceConfig {
    /// The years the collection covers, `[first, last]`: narrows year inference.
    pub period: Option<[i32; 2]>,
    /// Facts below this confidence are marked as uncertain on pages and reported by `check`.
    pub low_confidence: f32,
}

impl Default for InferenceConfig {
    fn default() -> Self {
        InferenceConfig {
            period: None,
            low_confidence: 0.6,
        }
    }
}

/// One subject theme.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TopicConfig {
    /// Display name ("Peace treaty").
    pub name: String,
    /// URL slug; derived from the name when omitted.
    #[serde(default)]
    pub slug: Option<String>,
    /// One line about the topic, shown on its page.
    #[serde(default)]
    pub description: String,
    /// Phrases that signal the topic (case-insensitive, whole words).
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Groups of words that signal the topic when one word of every group stands in the same
    /// sentence (`[["alliance"], ["US", "United States"]]`).
    #[serde(default)]
    pub together: Vec<Vec<String>>,
    /// Sentences that must signal the topic before an article is filed under it.
    #[serde(default = "one")]
    pub min_hits: usize,
}

fn one() -> usize {
    1
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "communique".into(),
            description: "A timeline of diplomatic statements".into(),
            base_url: "/".into(),
            theme: ThemeChoice::One("default".into()),
            output_dir: "public".into(),
            minify: Minify::Templates,
            search: true,
            export_evidence: false,
            export_quotes: false,
            export_text: false,
            unsafe_html: false,
            order: "oldest-first".into(),
            language: "en".into(),
            inference: InferenceConfig::default(),
            topics: default_topics(),
            knowledge: KnowledgeFile::default(),
        }
    }
}

/// A config problem, with the file, line and a suggested fix.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    /// The message, already naming file and line.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads `config.toml` at `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(ConfigError {
                message: format!("{}: cannot read: {e}", path.display()),
            }),
        }
    }

    /// Parses config text; `name` is used in messages.
    pub fn parse(text: &str, name: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let mut message = match line {
                Some(line) => format!("{name}:{line}: {}", e.message()),
                None => format!("{name}: {}", e.message()),
            };
            if let Some(hint) = suggestion(e.message()) {
                message.push_str(&format!(" (did you mean `{hint}`?)"));
            }
            ConfigError { message }
        })?;
        if config.topics.is_empty() {
            config.topics = default_topics();
        }
        if config.order != "oldest-first" && config.order != "newest-first" {
            return Err(ConfigError {
                message: format!(
                    "{name}: order = {:?} is not known: use \"oldest-first\" or \"newest-first\"",
                    config.order
                ),
            });
        }
        Ok(config)
    }

    /// Whether the timeline shows the newest statements first.
    pub fn newest_first(&self) -> bool {
        self.order == "newest-first"
    }
}

/// For toml's "unknown field `x`, expected one of `a`, `b`" messages: the nearest valid key.
fn suggestion(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    expected
        .into_iter()
        .map(|k| (edit_distance(unknown, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k.to_string())
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn topic(name: &str, description: &str, phrases: &[&str], together: &[&[&str]]) -> TopicConfig {
    TopicConfig {
        name: name.into(),
        slug: None,
        description: description.into(),
        phrases: phrases.iter().map(|s| s.to_string()).collect(),
        together: together
            .iter()
            .map(|g| g.iter().map(|s| s.to_string()).collect())
            .collect(),
        min_hits: 1,
    }
}

const US: &[&str] = &[
    "US",
    "U.S.",
    "United States",
    "American",
    "America",
    "Washington",
];

/// The topics a site gets when its config names none: the recurring subjects of statements on
/// Russia–Japan–US relations, where communique started.
pub fn default_topics() -> Vec<TopicConfig> {
    vec![
        topic(
            "US-Japan alliance",
            "Japan's alliance and defense cooperation with the United States.",
            &[
                "US-Japan alliance",
                "Japan-US alliance",
                "U.S.-Japan alliance",
                "Japan-U.S. alliance",
                "Japanese-American military alliance",
                "pro-American stance",
                "pro-US stance",
                "Japan-US defense cooperation",
                "Japan-U.S. security treaty",
            ],
            &[
                &[
                    "alliance",
                    "alliances",
                    "defense cooperation",
                    "military commitments",
                ],
                US,
                &["Japan", "Japanese", "Tokyo"],
            ],
        ),
        topic(
            "Kuril Islands",
            "The disputed islands Russia calls the Southern Kurils and Japan the Northern Territories.",
            &[
                "Kuril Islands",
                "Kurile Islands",
                "Kurils",
                "Southern Kurils",
                "Northern Territories",
                "four islands",
                "territorial dispute",
                "disputed islands",
                "Iturup",
                "Kunashir",
                "Shikotan",
                "Habomai",
            ],
            &[&["islands"], &["Kuril", "Japan", "Russia"]],
        ),
        topic(
            "Peace treaty",
            "A peace treaty formally ending the Second World War between Russia and Japan.",
            &["peace treaty"],
            &[],
        ),
        topic(
            "Economic cooperation",
            "Trade, investment and joint economic projects.",
            &[
                "economic cooperation",
                "joint economic activity",
                "joint economic activities",
                "economic ties",
                "trade and economic",
                "investment",
                "joint projects",
                "economic activity",
            ],
            &[],
        ),
        topic(
            "Sanctions",
            "Sanctions and restrictive measures.",
            &[
                "sanctions",
                "sanctioned",
                "restrictive measures",
                "export controls",
            ],
            &[],
        ),
        topic(
            "Missile defense",
            "Missile defense systems and intermediate-range missiles.",
            &[
                "missile defense",
                "missile defence",
                "Aegis Ashore",
                "THAAD",
                "INF Treaty",
                "intermediate-range",
                "ballistic missile",
                "missile shield",
            ],
            &[
                &["missile", "missiles"],
                &["deploy", "deployment", "defense", "defence"],
            ],
        ),
        topic(
            "Security dialogue",
            "Consultations, concerns and cooperation on security.",
            &[
                "security dialogue",
                "2+2",
                "security cooperation",
                "security councils",
                "security-related concerns",
                "issues of security",
                "security issues",
            ],
            &[
                &["security"],
                &[
                    "dialogue",
                    "consultations",
                    "transparency",
                    "concerns",
                    "talks",
                ],
            ],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_gives_defaults() {
        let c = Config::parse("", "config.toml").unwrap();
        assert_eq!(c.output_dir, "public");
        assert_eq!(c.topics.len(), 7);
        assert_eq!(c.minify, Minify::Templates);
    }

    #[test]
    fn minify_takes_a_flag_or_full_and_names_the_choices_otherwise() {
        let parse = |v: &str| Config::parse(&format!("minify = {v}\n"), "config.toml");
        assert_eq!(parse("false").unwrap().minify, Minify::Off);
        assert_eq!(parse("true").unwrap().minify, Minify::Templates);
        assert_eq!(parse("\"full\"").unwrap().minify, Minify::Full);
        let err = parse("\"fast\"").unwrap_err();
        assert!(err.message.starts_with("config.toml:1:"), "{}", err.message);
        assert!(err.message.contains("\"full\""), "{}", err.message);
    }

    #[test]
    fn unknown_key_names_line_and_suggests() {
        let err = Config::parse("title = \"x\"\nbase_ulr = \"/\"\n", "config.toml").unwrap_err();
        assert!(err.message.starts_with("config.toml:2:"), "{}", err.message);
        assert!(
            err.message.contains("did you mean `base_url`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn theme_list_is_accepted() {
        let c = Config::parse("theme = [\"mine\", \"default\"]", "c").unwrap();
        assert_eq!(c.theme.names(), vec!["mine", "default"]);
    }

    #[test]
    fn bad_order_is_explained() {
        let err = Config::parse("order = \"backwards\"", "c").unwrap_err();
        assert!(err.message.contains("newest-first"));
    }

    #[test]
    fn knowledge_additions_parse() {
        let c = Config::parse(
            "[[knowledge.people]]\nid = \"jane-roe\"\nname = \"Jane Roe\"\nsurname = \"Roe\"\ncountry = \"US\"\nsource = \"press release\"\n",
            "c",
        )
        .unwrap();
        assert_eq!(c.knowledge.people[0].name, "Jane Roe");
    }

    #[test]
    fn knowledge_additions_take_month_and_year_boundaries() {
        let person = "[[knowledge.people]]\nid = \"jane-roe\"\nname = \"Jane Roe\"\nsurname = \"Roe\"\n\
                      country = \"US\"\nsource = \"press release\"\n[[knowledge.people.office]]\n\
                      office = \"foreign-ministry-spokesperson\"\ncountry = \"US\"\n\
                      title = \"Spokesperson\"\nstart = \"2017-01\"\nend = \"2019\"\n";
        let c = Config::parse(person, "c").unwrap();
        let t = &c.knowledge.people[0].offices[0];
        assert_eq!(
            (t.start.long(), t.end.unwrap().long()),
            ("January 2017".into(), "2019".into())
        );
        let err = Config::parse(&person.replace("\"2019\"", "\"19\""), "c").unwrap_err();
        assert!(
            err.message.contains("a year like \"2005\""),
            "{}",
            err.message
        );
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("base_ulr", "base_url"), 2);
        assert_eq!(edit_distance("theme", "theme"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
