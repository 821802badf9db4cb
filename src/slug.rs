//! URL slugs: ASCII, lower-case, hyphenated, safe as one path segment.

/// The slug of `text`: letters and digits transliterated to ASCII where simple, everything else
/// a hyphen, at most 80 bytes, never empty, never `.` or `..`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut hyphen = false;
    for c in text.chars() {
        let mapped: Option<&str> =
            match c {
                'a'..='z' | '0'..='9' => None,
                'A'..='Z' => None,
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
                | 'Ā' => Some("a"),
                'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => Some("c"),
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => Some("e"),
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => {
                    Some("i")
                }
                'ñ' | 'Ñ' | 'ń' => Some("n"),
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
                | 'Ō' => Some("o"),
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => Some("u"),
                'ş' | 'Ş' | 'š' | 'Š' | 'ś' => Some("s"),
                'ğ' | 'Ğ' => Some("g"),
                'ž' | 'Ž' | 'ź' | 'ż' => Some("z"),
                'ß' => Some("ss"),
                '\'' | '\u{2019}' => Some(""),
                _ => Some("-"),
            };
        match mapped {
            None => {
                out.push(c.to_ascii_lowercase());
                hyphen = false;
            }
            Some("-") => {
                if !hyphen && !out.is_empty() {
                    out.push('-');
                    hyphen = true;
                }
            }
            Some(s) => {
                out.push_str(s);
                hyphen = false;
            }
        }
        if out.len() >= 120 {
            break;
        }
    }
    if out.len() >= 80 {
        // Cut at a word boundary rather than mid-word; without one in the second half, at 80
        // bytes (`out` is ASCII, so any byte is a char boundary).
        let cut = out[..80].rfind('-').filter(|&c| c >= 40).unwrap_or(80);
        out.truncate(cut);
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "untitled".to_string()
    } else {
        trimmed.to_string()
    }
}

/// How many words of its title an article's URL keeps at first: each slug is written about
/// nineteen times across a site (lists, related articles, sitemap, exports, search), so a
/// title's every word in it costs more than the words add (`docs/decisions/0007-…`).
const URL_WORDS: usize = 6;
/// The most bytes those first words may take.
const URL_BYTES: usize = 50;

/// Words a URL should not end in: the phrase reads as cut off ("…-progress-on-the").
const TRAILING: [&str; 14] = [
    "a", "an", "the", "of", "on", "in", "to", "for", "with", "and", "or", "at", "by", "from",
];

/// The slugs an article may take from its title's slug `full`, shortest first: the first six
/// words (at most 50 bytes), then one word more at a time up to the whole of `full`. None but
/// `full` itself ends in a function word, so each reads as a phrase; the first one free is the
/// article's, so two titles that start alike stay readable and distinct.
pub fn title_prefixes(full: &str) -> Vec<&str> {
    // Where each k-word prefix ends: before the k-th hyphen, or at the end.
    let ends: Vec<usize> = full
        .match_indices('-')
        .map(|(i, _)| i)
        .chain([full.len()])
        .collect();
    let phrase = |k: usize| {
        let p = &full[..ends[k - 1]];
        let last = p.rsplit('-').next().unwrap_or(p);
        k == ends.len() || !TRAILING.contains(&last)
    };
    let first = (1..=ends.len().min(URL_WORDS))
        .rev()
        .find(|&k| ends[k - 1] <= URL_BYTES && phrase(k))
        .or_else(|| (1..=ends.len()).find(|&k| phrase(k)))
        .unwrap_or(ends.len());
    (first..=ends.len())
        .filter(|&k| k == first || phrase(k))
        .map(|k| &full[..ends[k - 1]])
        .collect()
}

/// `slug` cut to at most `max` bytes at a hyphen, or at `max` when the first word is longer.
pub fn cut_at_word(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    // Slugs are ASCII, so any byte is a char boundary.
    match slug[..=max].rfind('-') {
        Some(cut) if cut > 0 => &slug[..cut],
        _ => &slug[..max],
    }
}

#[cfg(test)]
mod tests {
    use super::{cut_at_word, slugify, title_prefixes};

    #[test]
    fn urls_keep_six_words_then_as_many_more_as_tell_titles_apart() {
        assert_eq!(
            title_prefixes("argentine-president-urges-progress-on-joint-economic-activity"),
            [
                "argentine-president-urges-progress-on-joint",
                "argentine-president-urges-progress-on-joint-economic",
                "argentine-president-urges-progress-on-joint-economic-activity",
            ]
        );
        // Never ending in a function word, except the whole title.
        assert_eq!(
            title_prefixes("abbas-says-the-alliance-with-the-united-states-is-firm"),
            [
                "abbas-says-the-alliance",
                "abbas-says-the-alliance-with-the-united",
                "abbas-says-the-alliance-with-the-united-states",
                "abbas-says-the-alliance-with-the-united-states-is",
                "abbas-says-the-alliance-with-the-united-states-is-firm",
            ]
        );
        assert_eq!(title_prefixes("talks-resume"), ["talks-resume"]);
        assert_eq!(title_prefixes("notes-on-the"), ["notes-on-the"]);
        // Six long words are cut to fit 50 bytes.
        let long = "internationalisation-considerations-notwithstanding-extraordinarily-long";
        assert_eq!(
            title_prefixes(long)[0],
            "internationalisation-considerations"
        );
        let one = "a".repeat(70);
        assert_eq!(title_prefixes(&one), [one.as_str()]);
    }

    #[test]
    fn cuts_fall_on_hyphens() {
        assert_eq!(cut_at_word("000069-763c15cadd431d61", 12), "000069");
        assert_eq!(cut_at_word("kyodo-0222", 12), "kyodo-0222");
        assert_eq!(cut_at_word("2019-02-21-lavrov", 12), "2019-02-21");
        assert_eq!(cut_at_word("lavrovstatementtass", 12), "lavrovstatem");
    }

    #[test]
    fn slugs_are_ascii_lower_hyphenated() {
        assert_eq!(slugify("Peace treaty"), "peace-treaty");
        assert_eq!(slugify("US-Japan alliance"), "us-japan-alliance");
        assert_eq!(slugify("Japan's Pro-US Stance"), "japans-pro-us-stance");
        assert_eq!(slugify("Tarō Kōno"), "taro-kono");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("..."), "untitled");
        assert_eq!(slugify("Лавров"), "untitled");
    }

    #[test]
    fn slugs_are_bounded() {
        assert!(slugify(&"word ".repeat(100)).len() <= 80);
    }

    /// Regression (proptest): a title with no hyphen in the slug's second half (one long word,
    /// "JanuaryJanuary…") gave a slug of up to 120 bytes, though slugs promise at most 80.
    #[test]
    fn slug_of_one_long_word_is_bounded() {
        let s = slugify(&"January".repeat(12));
        assert_eq!(s, "january".repeat(12)[..80]);
        assert_eq!(slugify(&format!("a {}", "b".repeat(200))).len(), 80);
    }
}
