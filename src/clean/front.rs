//! TOML front matter of Markdown articles: facts the author states, which override inference.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

/// What an author may state about an article. Every field is optional; what is given wins over
/// what inference would find.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The headline.
    pub title: Option<String>,
    /// The publication date (`date` as in Zola and Hugo).
    #[serde(default, deserialize_with = "de_opt_date")]
    pub date: Option<NaiveDate>,
    /// The day the main statement was made.
    #[serde(default, deserialize_with = "de_opt_date")]
    pub stated: Option<NaiveDate>,
    /// Who published this copy.
    pub outlet: Option<String>,
    /// Whose copy it is.
    pub agency: Option<String>,
    /// Where the original is.
    pub url: Option<String>,
    /// The dateline place.
    pub dateline: Option<String>,
    /// Who made the statements (canonical names or variants).
    pub speakers: Option<Vec<String>>,
    /// Topic names or slugs.
    pub topics: Option<Vec<String>>,
    /// The URL slug.
    pub slug: Option<String>,
    /// Drafts are built only with `--drafts`.
    #[serde(default)]
    pub draft: bool,
}

fn de_opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    let text = crate::knowledge::toml_date_text(d)?;
    let day = text.get(..10).unwrap_or(&text);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            serde::de::Error::custom(format!("expected a date like 2019-02-22, found {text:?}"))
        })
}

/// Splits `+++`-fenced TOML front matter from the body. Text without front matter is all body.
/// A malformed block is an error naming the line, and the caller keeps the text as body.
pub fn split_front_matter(text: &str) -> Result<(FrontMatter, &str), String> {
    let Some(rest) = text.strip_prefix("+++\n") else {
        return Ok((FrontMatter::default(), text));
    };
    let Some(close) = rest.find("\n+++") else {
        return Err(
            "front matter opened with +++ on line 1 is never closed: add a +++ line after it"
                .into(),
        );
    };
    let toml_text = &rest[..close + 1];
    let after = &rest[close + 4..];
    let body = after.strip_prefix('\n').unwrap_or(after);
    match toml::from_str::<FrontMatter>(toml_text) {
        Ok(front) => Ok((front, body)),
        Err(e) => {
            let line = e
                .span()
                .map(|s| toml_text[..s.start].matches('\n').count() + 2)
                .unwrap_or(1);
            Err(format!(
                "front matter line {line}: {} (the article is built without its front matter)",
                e.message()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_overrides_are_read() {
        let text = "+++\ntitle = \"Talks in Tokyo\"\ndate = 2019-02-22\nspeakers = [\"Taro Kono\"]\n+++\nBody here.\n";
        let (front, body) = split_front_matter(text).unwrap();
        assert_eq!(front.title.as_deref(), Some("Talks in Tokyo"));
        assert_eq!(front.date, NaiveDate::from_ymd_opt(2019, 2, 22));
        assert_eq!(front.speakers.unwrap(), vec!["Taro Kono"]);
        assert_eq!(body, "Body here.\n");
    }

    #[test]
    fn quoted_dates_are_accepted() {
        let (front, _) = split_front_matter("+++\ndate = \"2018-03-17\"\n+++\nx").unwrap();
        assert_eq!(front.date, NaiveDate::from_ymd_opt(2018, 3, 17));
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let (front, body) = split_front_matter("MOSCOW, Jan 14.").unwrap();
        assert_eq!(front, FrontMatter::default());
        assert_eq!(body, "MOSCOW, Jan 14.");
    }

    #[test]
    fn malformed_front_matter_names_the_line() {
        let err = split_front_matter("+++\ntitle = \"ok\"\ndate = = 3\n+++\nbody").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        assert!(split_front_matter("+++\ntitle = \"x\"\nbody").is_err());
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = split_front_matter("+++\ntitel = \"x\"\n+++\n").unwrap_err();
        assert!(err.contains("titel"), "{err}");
    }
}
