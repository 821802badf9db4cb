//! Line rules: which lines of a pasted page are cruft, and which cruft carries a fact.
//!
//! Each rule looks at one trimmed line (and, for captions and footers, its neighbours) and is
//! general: it names a kind of page furniture, never a particular site's text.

use std::sync::LazyLock;

use regex::Regex;

use super::MetaKind;

/// What a line is, before lines are grouped into blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineClass {
    /// Empty or white space only.
    Blank,
    /// Body text.
    Body,
    /// Removed, by the named rule.
    Cruft(&'static str),
    /// Removed from the body, kept as a fact.
    Meta(MetaKind),
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

/// An English month's name or abbreviation, in any case.
static ENGLISH_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?i:{MONTH})$")).expect("valid month pattern"));

fn date_pattern() -> String {
    let weekday = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?";
    let time = r"(?:(?:\s*[,|T-]\s*|\s+)\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC|MSK|JST|EST|EDT|CET|[+-]\d{2}:?\d{2}))?)?";
    format!(
        r"{weekday}(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}/\d{{1,2}}/\d{{1,2}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:,\s*|\s+)\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{{4}}){time}"
    )
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        // The label may be in the site's language ("Fecha:", "التاريخ:"); a dotted date may
        // close with its own full stop ("Tuesday, 06.03.2018.").
        r"(?i:^(?:(?:date|dated|published|posted|updated|last updated|first published|fecha|data|datum|tarih|tanggal|дата|التاريخ)\s*:?\s*)?)(?:{})\.?\s*$",
        date_pattern()
    ))
    .expect("valid date line pattern")
});

/// A blog's post line: "Posted on Apr 9, 2017 in News | 0 comments", "Published on 3 May 2021
/// by Staff".
static POSTED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:posted|published)\s+on\s+(?:{})\s+(?i:in|by|\|)\s.{{0,60}}$",
        date_pattern()
    ))
    .expect("valid posted line pattern")
});

/// A date header that runs into the text on the same line (" date 2020-09-01 Text…").
static DATE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?i:date|dated|published|posted|updated)\s*:?\s*(?:{})\s+",
        date_pattern()
    ))
    .expect("valid date header pattern")
});

static ANY_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&date_pattern()).expect("valid date pattern"));

static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:source|link|url|original|read more)\s*:\s*)?[<(\[]?(https?://[^\s<>()\[\]]+)[>)\]]?$")
        .expect("valid url pattern")
});

/// A line naming whose copy the text is: "Source: Xinhua", "Sources: Beta, Tanjug",
/// "Courtesy: The Star", "Via: Anadolu Agency". A link after the label is a URL line instead.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?i:source|sources|news source|courtesy|via|credit|agency)\s*:\s*(\p{Lu}[^:/]{1,50})",
        // "Read more: balkan insight": a site's name as the site styles it.
        r"|(?i:read more)\s*:\s*(\p{L}[^:/]{1,50})",
        // The phrases a repost or a wire-based story closes with: "Read more at Balkan
        // Insight", "Based on materials from TASS", "With inputs from PTI", "This article
        // first appeared in The Diplomat", "Republished with permission from Kyiv Post".
        r"|(?:(?i:read (?:more|the (?:full|original) (?:story|article)) (?:at|on|from|in))",
        r"|(?i:(?:based on|with|using) (?:the )?materials (?:from|of|by)|with inputs? from)",
        r"|(?i:(?:this (?:article|story|piece|report|content|post) (?:was )?)?(?:originally|first) (?:published|appeared|ran) (?:in|on|at|by))",
        r"|(?i:(?:republished|reprinted) (?:from|with (?:the )?permission (?:from|of))))",
        r"\s+(\p{Lu}[^:/]{1,50}))$"
    ))
    .expect("valid credit line pattern")
});

/// The name a credit line gives ("Source: Xinhua" → "Xinhua", "With inputs from PTI" →
/// "PTI"), without a closing period or arrows; `None` when the line is no credit line.
pub fn credit_name(line: &str) -> Option<&str> {
    let t = line.trim();
    let c = CREDIT_LINE.captures(t)?;
    let name = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str();
    Some(name.trim_end_matches(['.', '>', '»', ' ']).trim())
}

/// "Photographer/AGENCY" at the end of a caption or credit line.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^(?:©|\(c\)|(?i:photo(?:graph)?s?\s*(?:by|:)|image\s*(?:by|:|credit)|credit\s*:|pictured\s*:))|\p{L}{2}/\s?(?:[\p{Lu}][\p{L}.-]*)(?:\s+(?:via|and)\s+\S+|\s+[\p{Lu}][\p{L}.-]*){0,3}\s*$|[.!?]\s+\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ for (?:The )?\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){0,3}\s*$)")
        .expect("valid credit pattern")
});

/// Page navigation and widgets that copy along with an article.
const NAVIGATION: &[&str] = &[
    "all news",
    "home",
    "news",
    "back",
    "menu",
    "search",
    "share",
    // "Share" where a site translates its stories but not its buttons.
    "comparte",
    "compartir",
    "compartilhe",
    "compartilhar",
    "partager",
    "partagez",
    "teilen",
    "condividi",
    "поделиться",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "print this",
    "print version",
    "read more",
    "read also",
    "see also",
    "related",
    "related news",
    "related articles",
    "more news",
    "latest news",
    "top stories",
    "most read",
    "advertisement",
    "subscribe",
    "follow us",
    "comments",
    "show comments",
    "no comments",
    "post a comment",
    "leave a comment",
    "leave a reply",
    "newer post",
    "older post",
    "subscribe to: post comments (atom)",
    "note: only a member of this blog may post a comment",
    "close",
    "copy link",
    "listen",
    "text size",
    "font size",
    "skip to content",
    "skip to main content",
    "check against delivery",
    "as delivered",
    "(as delivered)",
    "provisional translation",
    "[provisional translation]",
];

/// Initials and wire sign-offs that close agency copy: "(esn)", "(ends)", "/js", "ENDS".
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\((?:[a-z]{2,4}(?:/[a-z]{2,4})*|ends?|END|ENDS)\)|/?(?:ENDS?|ends)/?|-+\s*(?:ends?|END)\s*-+|#{3}|/[a-z]{2,4}(?:/[a-z]{2,4})*)$")
        .expect("valid sign-off pattern")
});

/// An image's placeholder or label standing for it in the copied text ("news image",
/// "news-picture", "Facebook photo", "Photo"): at most two words, the last naming a picture.
fn is_image_label(lower: &str) -> bool {
    let mut words = lower.split([' ', '-']).filter(|w| !w.is_empty());
    let last = words.next_back();
    words.count() <= 1
        && last.is_some_and(|w| {
            matches!(
                w,
                "image" | "images" | "photo" | "photos" | "picture" | "pictures" | "thumbnail"
            )
        })
}

/// A row of the buttons a page offers around its story ("PDF Print Email", "Share Tweet
/// WhatsApp"): every word one of them.
fn is_share_widget(lower: &str) -> bool {
    const BUTTONS: &[&str] = &[
        "pdf", "print", "email", "e-mail", "mail", "share", "tweet", "facebook", "twitter", "x",
        "whatsapp", "telegram", "linkedin", "reddit", "copy", "link", "save", "rss", "download",
    ];
    let mut n = 0;
    lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            n += 1;
            BUTTONS.contains(&w)
        })
        && n >= 2
}

/// A breadcrumb: the site's path to the page, segments joined by arrows ("Home > News >
/// Africa", "Home » Activities of the Embassy"). Two arrows, or one after "Home"; each
/// segment short and no sentence.
fn is_breadcrumb(t: &str) -> bool {
    const ARROWS: &[char] = &['>', '\u{bb}', '\u{203a}'];
    if !t.contains(ARROWS) {
        return false;
    }
    // "denies »diplomatic tension» with Peru": guillemets as quotation marks, each glued to
    // a word on one side only; a breadcrumb's arrows stand free or glued on both sides.
    let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let quoting = t.char_indices().any(|(i, c)| {
        ARROWS.contains(&c)
            && spaced(t[..i].chars().next_back()) != spaced(t[i + c.len_utf8()..].chars().next())
    });
    if quoting {
        return false;
    }
    let segments: Vec<&str> = t.split(ARROWS).map(str::trim).collect();
    let from_home = segments
        .first()
        .is_some_and(|s| s.eq_ignore_ascii_case("home") || s.eq_ignore_ascii_case("homepage"));
    (segments.len() >= 3 || segments.len() == 2 && from_home)
        && segments
            .iter()
            .all(|s| !s.is_empty() && s.split_whitespace().count() <= 8 && !s.ends_with('.'))
}

/// A link back to where the reader came from: "Return to Transcripts main page", "Back to
/// top", "Go back to the news list".
fn is_return_link(lower: &str) -> bool {
    let Some(rest) = ["return to ", "back to ", "go back to "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    else {
        return false;
    };
    let last = rest.split_whitespace().next_back().unwrap_or("");
    rest.split_whitespace().count() <= 5
        && [
            "page",
            "top",
            "home",
            "homepage",
            "list",
            "index",
            "menu",
            "transcripts",
            "articles",
            "news",
            "results",
        ]
        .contains(&last)
}

/// A date's label standing with no date ("Published on" over "Last updated on"): the page's
/// script fills in the date, and a copy keeps only the label.
const DATE_LABELS: &[&str] = &[
    "published on",
    "published",
    "last updated on",
    "last updated",
    "updated on",
    "posted on",
    "date published",
];

/// Words of an institution's name that publishes its own statements ("Embassy of India in
/// Tokyo", "Delegation of the European Union to Japan", "Department of Foreign Affairs").
pub(crate) const INSTITUTION_WORDS: &[&str] = &[
    "Embassy",
    "Delegation",
    "Permanent Mission",
    "Mission",
    "Consulate",
    "Consulate General",
    "High Commission",
    "Ministry",
    "Office",
    "Department",
];

/// "From Department of Foreign Affairs", "From: Prime Minister's Office": which body a
/// government page is from, under its headline. The body's name and where it starts in `t`
/// (a trimmed line). The cleaner removes the line; the source rules read the publisher from
/// it. A person's name is a byline ("From: Ada Okafor, Abuja"), not this.
pub fn from_line_body(t: &str) -> Option<(usize, &str)> {
    let rest = t
        .strip_prefix("From: ")
        .or_else(|| t.strip_prefix("From "))?;
    let offset = t.len() - rest.trim_start().len();
    body_name(rest.trim()).map(|(o, body)| (offset + o, body))
}

/// A body's name standing alone ("Department of Foreign Affairs", "the Office of the
/// Spokesperson"): capitalised, short, no sentence, holding an institution's word. The name
/// without its "the", and where it starts in `s`.
pub fn body_name(s: &str) -> Option<(usize, &str)> {
    let (offset, body) = match s.strip_prefix("the ") {
        Some(rest) => (4, rest),
        None => (0, s),
    };
    let holds = |w: &str| {
        body.match_indices(w)
            .any(|(at, _)| crate::knowledge::word_bounded(body, at, at + w.len()))
    };
    (body.starts_with(char::is_uppercase)
        && body.split_whitespace().count() <= 12
        && !body.ends_with('.')
        && INSTITUTION_WORDS.iter().any(|w| holds(w)))
    .then_some((offset, body))
}

/// A feed's relative time standing alone ("4 days ago", "• 2 hours ago", "just now"): the
/// age of a link on the day the page was saved, never the story's date.
fn is_relative_time(lower: &str) -> bool {
    let t = lower.trim_start_matches(['\u{2022}', '-', '*', ' ', '\u{b7}']);
    if t == "just now" {
        return true;
    }
    let mut words = t.split_whitespace();
    let (Some(n), Some(unit), Some("ago"), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    (n.bytes().all(|b| b.is_ascii_digit()) || matches!(n, "a" | "an" | "one"))
        && matches!(
            unit.trim_end_matches('s'),
            "second" | "sec" | "minute" | "min" | "hour" | "hr" | "day" | "week" | "month" | "year"
        )
}

/// A line of a page's script or settings that leaked into its text ("enablePagination:
/// false", "maxItemsPerPage: 10"): a camel-cased key and a bare value.
fn is_settings_line(t: &str) -> bool {
    let Some((key, value)) = t.split_once(':') else {
        return false;
    };
    let value = value.trim();
    key.len() >= 4
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && key.as_bytes()[0].is_ascii_lowercase()
        && key.bytes().any(|b| b.is_ascii_uppercase())
        && !value.is_empty()
        && !value.contains(char::is_whitespace)
}

/// The page script's statements that open a line, as a copy keeps them when an ad slot's code
/// sits before the headline ("(adsbygoogle = window.adsbygoogle || []).push({}); Minister
/// welcomes …"): their byte length with the space after them. A statement is code when it
/// ends with ";", calls or assigns, and names a page object, a `.push(` or a `function`; prose
/// with a semicolon does not.
pub(super) fn script_statements_len(line: &str) -> Option<usize> {
    let mut end = 0;
    while let Some(semi) = line[end..].find(';') {
        let stmt = &line[end..end + semi];
        let code = stmt.len() <= 200
            && (stmt.contains('(') && stmt.contains(')') || stmt.contains(" = "))
            && ["window.", "document.", ".push(", "function"]
                .iter()
                .any(|w| stmt.contains(w));
        if !code {
            break;
        }
        end += semi + 1;
        // The braces that close a function's body, and the space after.
        end += line[end..].len()
            - line[end..]
                .trim_start_matches(|c: char| c == '}' || c.is_whitespace())
                .len();
    }
    (end > 0).then_some(end)
}

/// A date line in the site's language: a date with its month in words, after at most two words
/// (a weekday, a label) and before nothing but an hour ("fredag 5. mai 2023", "Güncelleme
/// Tarihi: 11 Ocak 2014, 22:00", "16 de enero 2022"). A headline carrying its day ("Press
/// Briefing (April 14, 2015)") is none.
fn is_date_line_in_words(t: &str) -> bool {
    super::date_in_words(t).is_some_and(|(_, start, end)| {
        let before = t[..start].split_whitespace().count();
        let hour = |w: &str| {
            let w = w.trim_matches(|c: char| c == ',' || c == '|' || c == '-');
            w.is_empty()
                || w.chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == 'h')
                || matches!(
                    w.to_ascii_lowercase().as_str(),
                    "am" | "pm" | "a.m." | "p.m."
                )
        };
        // English dates are the English patterns' (`DATE_LINE`): a line in capitals, "1 JUNE
        // 2021" under a signature, stays the text's.
        let english = t[start..end]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| ENGLISH_MONTH.is_match(w));
        before <= 2 && !english && t[end..].split_whitespace().all(hour)
    })
}

/// Classifies one trimmed line in isolation. Neighbour rules (captions, footers) run after.
pub(super) fn classify(line: &str) -> LineClass {
    let t = line.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return LineClass::Blank;
    }
    if t.chars().all(|c| !c.is_alphanumeric()) {
        return LineClass::Cruft("separator");
    }
    if is_font_widget(t) {
        return LineClass::Cruft("font-size-widget");
    }
    let lower = t
        .trim_end_matches([':', '.', '»', '›', '>', '!'])
        .trim()
        .to_lowercase();
    if NAVIGATION.contains(&lower.as_str()) {
        return LineClass::Cruft("navigation");
    }
    if is_share_widget(&lower) {
        return LineClass::Cruft("share-widget");
    }
    if is_image_label(&lower) {
        return LineClass::Cruft("image-label");
    }
    if is_breadcrumb(t) {
        return LineClass::Cruft("breadcrumb");
    }
    if is_settings_line(t) || script_statements_len(t) == Some(t.len()) {
        return LineClass::Cruft("page-settings");
    }
    if is_relative_time(&lower) {
        return LineClass::Cruft("relative-time");
    }
    if is_return_link(&lower) {
        return LineClass::Cruft("navigation");
    }
    if DATE_LABELS.contains(&lower.as_str()) {
        return LineClass::Cruft("empty-date-label");
    }
    if from_line_body(t).is_some() {
        return LineClass::Cruft("publisher-line");
    }
    if URL_LINE.is_match(t) {
        return LineClass::Meta(MetaKind::Url);
    }
    if t.len() <= 80 && (DATE_LINE.is_match(t) || is_date_line_in_words(t))
        || t.len() <= 120 && POSTED_LINE.is_match(t)
    {
        return LineClass::Meta(MetaKind::DateLine);
    }
    // "Source: https://www.example.org": the credit given as the original's address.
    if let Some((label, rest)) = t.split_once(':')
        && label.len() <= 12
        && matches!(
            label.trim().to_lowercase().as_str(),
            "source" | "sources" | "news source" | "courtesy" | "via"
        )
        && url_in(rest.trim_start_matches(|c: char| !c.is_ascii_alphanumeric())).is_some()
    {
        return LineClass::Meta(MetaKind::Credit);
    }
    // A labelled credit is no sentence; a phrase credit may close with a period.
    if t.len() <= 60
        && CREDIT_LINE
            .captures(t)
            .is_some_and(|c| c.get(3).is_some() || !ends_sentence(t))
    {
        return LineClass::Meta(MetaKind::Credit);
    }
    if t.len() <= 60 && is_staff_byline(t) {
        return LineClass::Meta(MetaKind::Byline);
    }
    if t.len() <= 160 && PHOTO_CREDIT.is_match(t) && !ends_sentence(t) {
        return LineClass::Cruft("photo-credit");
    }
    // A short byline may close with a full stop ("By Harbour Herald reporter.").
    let short_with_stop = || t.ends_with('.') && t.split_whitespace().count() <= 6;
    if t.len() <= 120 && (!ends_sentence(t) || short_with_stop()) && is_byline(t) {
        return LineClass::Meta(MetaKind::Byline);
    }
    if SIGN_OFF.is_match(t) {
        return LineClass::Cruft("sign-off");
    }
    LineClass::Body
}

/// A date header at the start of a line that goes on with text: its byte length, if any.
pub(super) fn date_header_len(line: &str) -> Option<usize> {
    DATE_HEADER.find(line).map(|m| m.end())
}

/// A headline run into its story's dateline on one line, as copied from a page: "No evidence
/// of arms, minister says Herat, Afghanistan (AFP) Oct 19, 2007 The minister said…". Returns
/// the headline's length. The dateline must carry a credit in parentheses followed by a month
/// or a dash, and the headline must read as one (four words or more, no sentence end, not
/// ending on a small word), so a sentence naming a place and an acronym is never cut.
pub(super) fn glued_headline_len(line: &str) -> Option<usize> {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(\S.{18,180}?)\s+\p{Lu}[\p{L}.'’-]+(?:,?\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*\(\p{Lu}[\p{L}/-]{1,15}\)\s*(?:[-–—]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?\s+\d)",
        )
        .expect("valid glued headline pattern")
    });
    // Most lines hold no credit in parentheses: skip the pattern for them.
    if !line.contains('(') {
        return None;
    }
    let head = GLUED.captures(line)?.get(1)?;
    let text = head.as_str();
    let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    (text.split_whitespace().count() >= 4
        && !text.ends_with(['.', '!', '?', ','])
        && !text.contains(". ")
        && !JOINING_WORDS.contains(&last.as_str()))
    .then(|| head.end())
}

/// Words a line that goes on cannot end with: a headline does not close on one, and a line
/// that breaks off after one continues on the next.
pub(super) const JOINING_WORDS: &[&str] = &[
    "the", "of", "and", "to", "for", "in", "on", "at", "with", "by", "a", "an", "from", "near",
];

/// The URL in a URL line.
pub fn url_in(line: &str) -> Option<&str> {
    URL_LINE
        .captures(line.trim())
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// "A A A", "A+ A-", "AAA": the font-size buttons of a news page, alone or glued to the
/// page's other furniture ("ACCESSIBILITY A A A A The United Nations in…"): no sentence has
/// three single "A"s in a row.
fn is_font_widget(t: &str) -> bool {
    let mut run = 0;
    for w in t.split_whitespace() {
        run = if matches!(w, "A" | "A+" | "A-" | "A\u{2212}") {
            run + 1
        } else {
            0
        };
        if run == 3 {
            return true;
        }
    }
    is_font_buttons(t)
}

/// A line that is only font-size buttons: "A", "A+ A-", "AAA".
fn is_font_buttons(t: &str) -> bool {
    let mut squeezed = t.chars().filter(|c| !c.is_whitespace());
    let mut len = 0;
    let mut has_a = false;
    for c in squeezed.by_ref() {
        if !matches!(c, 'A' | 'a' | '+' | '-' | '−') {
            return false;
        }
        len += c.len_utf8();
        has_a |= c == 'A';
        if len > 8 {
            return false;
        }
    }
    has_a
}

/// A short credit line with a date ("Russian News Agency (22 February 2019)") or a byline
/// ("By Jane Doe").
/// "• BNS/TBT Staff", "Gazette staff", "AFP Staff Writer": whose staff wrote the story, a
/// byline rather than a photo credit's "Photographer/AGENCY".
fn is_staff_byline(t: &str) -> bool {
    let t = super::list_item_text(t);
    let Some(who) = [
        "Staff",
        "staff",
        "Staff Writer",
        "Staff Reporter",
        "staff reporter",
    ]
    .iter()
    .find_map(|s| t.strip_suffix(s))
    .and_then(|who| who.strip_suffix(' ')) else {
        return false;
    };
    let names: Vec<&str> = who.split(['/', ' ']).filter(|w| !w.is_empty()).collect();
    (1..=4).contains(&names.len())
        && names
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || is_joiner(w))
}

fn is_byline(t: &str) -> bool {
    // "By : Jane Doe | Saturday, …", "By: Jane Doe": a colon after the word.
    let by = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("by "))
        .or_else(|| t.strip_prefix("By:"))
        .map(|rest| rest.trim_start().trim_start_matches(':').trim_start());
    if let Some(rest) = by {
        let names = |s: &str| {
            let words: Vec<&str> = s.split_whitespace().collect();
            (1..=8).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || is_joiner(w))
        };
        // "By JT - Jan 26,2024 - Last updated at Jan 26,2024": the names, then the dates.
        // "By Jane Doe | Saturday, February 04 2023 - 15:03": the first separator after the
        // names, whichever it is.
        let dated = [" - ", " | ", " \u{2013} "]
            .iter()
            .filter_map(|sep| rest.split_once(sep))
            .any(|(who, when)| names(who) && ANY_DATE.is_match(when));
        // "By Jane Doe November 9, 2019 General", "by November 9, 2019 Politics": a blog's
        // byline, the author (or no one), the day and the post's category.
        let inline_date = || {
            ANY_DATE.find(rest).is_some_and(|m| {
                let around = format!("{} {}", &rest[..m.start()], &rest[m.end()..]);
                around.trim().is_empty() || names(&around)
            })
        };
        // "By Harbour Herald reporter.", "By Jane Doe, staff correspondent": the names, then
        // what the writer is to the paper.
        let staff = || {
            let rest = rest.trim_end_matches('.');
            [
                " staff reporter",
                " staff writer",
                " staff correspondent",
                " reporter",
                " correspondent",
                " staff",
            ]
            .iter()
            .find_map(|w| rest.strip_suffix(w))
            .is_some_and(|who| names(who.trim_end_matches([',', ' '])))
        };
        return names(rest.trim_end_matches('.')) || dated || inline_date() || staff();
    }
    let Some(m) = ANY_DATE.find(t) else {
        return false;
    };
    // The date is most of the line's substance, not a date inside a sentence or a headline
    // ("Spokesperson's Press Conference on 14 September 2004").
    let rest = format!("{}{}", &t[..m.start()], &t[m.end()..]);
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    // Or names the kind of event a briefing's headline dates ("Press Briefing (May 2, 2016)").
    const EVENTS: &[&str] = &[
        "briefing",
        "conference",
        "statement",
        "statements",
        "remarks",
        "meeting",
        "interview",
        "talks",
        "transcript",
        "survey",
        "summit",
        "speech",
        "roundtable",
        "availability",
        "gaggle",
        "doorstop",
        "readout",
    ];
    let byline_mark = words.iter().any(|w| matches!(*w, "|" | "By" | "by"));
    let headline_like = !byline_mark
        && (words.len() >= 5
            && words
                .iter()
                .any(|w| matches!(*w, "on" | "of" | "to" | "in" | "for" | "with" | "at"))
            || words.len() >= 2
                && words.iter().any(|w| {
                    EVENTS.contains(
                        &w.trim_matches(|c: char| !c.is_alphabetic())
                            .to_lowercase()
                            .as_str(),
                    )
                }));
    // "Thursday 14 July 2022 | Written by RNZ | Published in Regional, Solomon Islands": a
    // byline's parts, set off by bars, run longer.
    let barred = words.contains(&"|");
    words.len() <= if barred { 14 } else { 8 } && !headline_like
}

fn is_joiner(w: &str) -> bool {
    matches!(
        w,
        "and" | "in" | "of" | "|" | "," | "-" | "de" | "van" | "von" | "da"
    )
}

/// Whether a line ends like a sentence (so it is running text, not a label or a heading).
pub(super) fn ends_sentence(t: &str) -> bool {
    let mut t = t.trim_end();
    // "... in a separate report. (Yonhap News)": a credit after the last sentence.
    if let Some(inner) = t.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && inner.len() - open <= 40
        && inner[..open]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\u{201d}'])
    {
        t = inner[..open].trim_end();
    }
    let t = t.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', '»', '*', '_']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Whether `t` looks like a label closing a page ("Kaynak/Source:", "Tags:", "Source:").
pub(super) fn is_footer_label(t: &str) -> bool {
    let t = t.trim();
    t.len() <= 40 && t.ends_with(':') && t.split_whitespace().count() <= 3
}

/// Whether a line could be a photo caption: short, no sentence end, no dateline.
pub(super) fn could_be_caption(t: &str) -> bool {
    let t = t.trim();
    t.len() <= 90 && !ends_sentence(t) && t.split_whitespace().count() <= 14
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(s: &str) -> LineClass {
        classify(s)
    }

    #[test]
    fn an_images_placeholder_is_cruft_and_a_line_about_a_photo_is_not() {
        for line in [
            "news image",
            "news-picture",
            "Facebook photo",
            "Photo",
            "Images",
        ] {
            assert_eq!(class(line), LineClass::Cruft("image-label"), "{line}");
        }
        for line in [
            "Minister unveils photo exhibition",
            "Photo exhibition",
            "The minister looked at the image.",
        ] {
            assert_ne!(class(line), LineClass::Cruft("image-label"), "{line}");
        }
    }

    #[test]
    fn a_date_line_in_the_sites_language_is_a_date_line() {
        for line in [
            "fredag 5. mai 2023",
            "G\u{fc}ncelleme Tarihi: 11 Ocak 2014, 22:00",
            "16 de enero 2022",
            "21 Ekim 2023 |",
        ] {
            assert_eq!(class(line), LineClass::Meta(MetaKind::DateLine), "{line}");
        }
        assert_eq!(
            class("Posted on Apr 9, 2017 in News | 0 comments"),
            LineClass::Meta(MetaKind::DateLine)
        );
        // A headline carrying its day, a sentence, and English in capitals (read by the
        // English patterns, or kept as text under a signature) are not.
        for line in [
            "Spokesperson's Press Briefing (April 14, 2015)",
            "Le ministre a parl\u{e9} le 5 mai 2023 devant la presse",
            "1 JUNE 2021",
        ] {
            assert_ne!(class(line), LineClass::Meta(MetaKind::DateLine), "{line}");
        }
    }

    #[test]
    fn a_page_scripts_statements_are_cut() {
        let glued = "(adsbygoogle = window.adsbygoogle || []).push({}); Minister Welcomes Talks";
        let len = script_statements_len(glued).unwrap();
        assert_eq!(&glued[len..], "Minister Welcomes Talks");
        assert_eq!(
            class(
                "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}"
            ),
            LineClass::Cruft("page-settings")
        );
        // Prose with a semicolon, and a call that names no page object, are text.
        assert_eq!(
            script_statements_len("The talks (held in the capital) went well; both sides said so."),
            None
        );
        assert_eq!(
            class(
                "The minister said the talks (held in the capital) went well; both sides agreed."
            ),
            LineClass::Body
        );
    }

    #[test]
    fn credit_lines_are_kept_as_facts() {
        assert_eq!(class("Source: Xinhua"), LineClass::Meta(MetaKind::Credit));
        assert_eq!(
            class("Source: https://www.harbourwire.example/news"),
            LineClass::Meta(MetaKind::Url)
        );
        // A non-breaking space read as another script's letter: no link line, but a credit.
        assert_eq!(
            class("Source:\u{392} https://www.harbourwire.example"),
            LineClass::Meta(MetaKind::Credit)
        );
        assert_eq!(
            class("Sources: Beta, Tanjug"),
            LineClass::Meta(MetaKind::Credit)
        );
        assert_eq!(
            class("Courtesy: The Star"),
            LineClass::Meta(MetaKind::Credit)
        );
        // The phrases a repost or a wire-based story closes with.
        for (line, name) in [
            ("Read more: harbour ledger", "harbour ledger"),
            ("Read more at The Lakeside Gazette", "The Lakeside Gazette"),
            ("Based on materials from Inland Wire", "Inland Wire"),
            ("With inputs from PTI", "PTI"),
            (
                "This article first appeared in The Meridian.",
                "The Meridian",
            ),
            ("Originally published by Coastal Monitor", "Coastal Monitor"),
            (
                "This content originally appeared on Harbour Guardian.",
                "Harbour Guardian",
            ),
            ("This post first appeared on Isle Review", "Isle Review"),
            (
                "Republished with permission from Harbour Times",
                "Harbour Times",
            ),
        ] {
            assert_eq!(class(line), LineClass::Meta(MetaKind::Credit), "{line}");
            assert_eq!(credit_name(line), Some(name), "{line}");
        }
        // A link to more reading on a subject, and a sentence, are not credits.
        for line in [
            "Read more about the talks",
            "Read more on relations between the two countries",
            "With materials from the summit, the delegation left on Friday.",
            "The report was first published in March",
        ] {
            assert_ne!(class(line), LineClass::Meta(MetaKind::Credit), "{line}");
        }
        // A link is a URL line; a sentence is body text.
        assert_eq!(
            class("Source: https://example.org/a"),
            LineClass::Meta(MetaKind::Url)
        );
        assert_eq!(
            class("Source: officials say the talks will resume."),
            LineClass::Body
        );
    }

    #[test]
    fn links_back_empty_date_labels_and_publisher_lines_are_furniture() {
        for line in [
            "Return to Transcripts main page",
            "Back to top",
            "Go back to the news list",
        ] {
            assert_eq!(class(line), LineClass::Cruft("navigation"), "{line}");
        }
        for line in ["Published on", "Last updated on", "Posted on:"] {
            assert_eq!(class(line), LineClass::Cruft("empty-date-label"), "{line}");
        }
        for line in [
            "From Department of Foreign Affairs",
            "From: Foreign, Commonwealth & Development Office",
            "From the Office of the Spokesperson",
        ] {
            assert_eq!(class(line), LineClass::Cruft("publisher-line"), "{line}");
        }
        // A headline about going back, a date with its label, a reporter's line, a sentence.
        for line in [
            "Back to the table: envoys resume border talks",
            "Return to the ceasefire lines within a week",
            "Return to the blacklist",
            "Back to the hilltop",
            "From: Ada Okafor, Abuja",
            "From Monday, the Ministry will issue visas online.",
        ] {
            assert_eq!(class(line), LineClass::Body, "{line}");
        }
        assert_ne!(
            class("Published on 14 October 2024"),
            LineClass::Cruft("empty-date-label")
        );
    }

    #[test]
    fn a_staff_byline_is_a_byline_not_a_photo_credit() {
        for line in ["• BNS/TBT Staff", "Gazette staff", "AFP Staff Writer"] {
            assert_eq!(class(line), LineClass::Meta(MetaKind::Byline), "{line}");
        }
        // A photographer and agency stay a photo credit; a sentence about staff is text.
        assert_eq!(class("Jane Doe/AFP"), LineClass::Cruft("photo-credit"));
        // A place abbreviated with a slash ends no credit.
        assert_ne!(
            class("Gulf crisis: French foreign minister to visit Qatar, S/Arabia"),
            LineClass::Cruft("photo-credit")
        );
        assert_eq!(class("The embassy cut its staff"), LineClass::Body);
    }

    #[test]
    fn a_credit_after_the_last_sentence_still_ends_it() {
        assert!(ends_sentence(
            "KCNA said in a separate report. (Yonhap News)"
        ));
        assert!(ends_sentence("\"We agree,\" she said. (Kyodo)"));
        assert!(!ends_sentence("Talks on the border (Update 2)"));
    }

    #[test]
    fn furniture_is_cruft() {
        assert_eq!(class("All news"), LineClass::Cruft("navigation"));
        assert_eq!(class("Comparte :"), LineClass::Cruft("navigation"));
        assert_eq!(class("Partager"), LineClass::Cruft("navigation"));
        assert_eq!(class("Share this article:"), LineClass::Cruft("navigation"));
        assert_eq!(
            class("Check against delivery!"),
            LineClass::Cruft("navigation")
        );
        assert_eq!(class("(As delivered)"), LineClass::Cruft("navigation"));
        assert_eq!(class("A"), LineClass::Cruft("font-size-widget"));
        assert_eq!(class("A A A"), LineClass::Cruft("font-size-widget"));
        assert_eq!(class("A+ A-"), LineClass::Cruft("font-size-widget"));
        assert_eq!(
            class("Thursday 14 July 2022 | Written by Staff | Published in Regional, Pacific"),
            LineClass::Meta(MetaKind::Byline)
        );
        // A long headline with "by" and a date stays one.
        assert_ne!(
            class(
                "Transcript of Weekly Media Briefing by the Official Spokesperson (April 06, 2023)"
            ),
            LineClass::Meta(MetaKind::Byline)
        );
        assert_eq!(
            class("ACCESSIBILITY AT THE OFFICE A A A A The Organisation in the Heart of Europe"),
            LineClass::Cruft("font-size-widget")
        );
        // Two single letters are a sentence's ("Plan A: a route to peace").
        assert_ne!(
            class("Between plan A and plan B, a route to peace was found by the ministers."),
            LineClass::Cruft("font-size-widget")
        );
        assert_eq!(class("---"), LineClass::Cruft("separator"));
        assert_eq!(class("* * *"), LineClass::Cruft("separator"));
        assert_eq!(class("###"), LineClass::Cruft("separator"));
        assert_eq!(class("-"), LineClass::Cruft("separator"));
        assert_eq!(class("\u{a0}"), LineClass::Blank);
    }

    #[test]
    fn photo_credits_are_cruft() {
        assert_eq!(
            class("© Ivan Petrov/RIA Novosti"),
            LineClass::Cruft("photo-credit")
        );
        assert_eq!(class("Photo: Kyodo"), LineClass::Cruft("photo-credit"));
        assert_eq!(
            class("Chinese Foreign Minister Wang Yi  Li Xueren/Xinhua"),
            LineClass::Cruft("photo-credit")
        );
        assert_eq!(
            class("The minister at the meeting. Jane Doe for The Harbour Times"),
            LineClass::Cruft("photo-credit")
        );
        assert_eq!(
            class("The minister in Dubai. Image Credit: Omar Ali/ Gulf News"),
            LineClass::Cruft("photo-credit")
        );
        // A headline in title case with "for" is no credit.
        assert_eq!(class("Minister Calls for Peace Talks"), LineClass::Body);
        // A sentence mentioning a slash is not a credit.
        assert_eq!(
            class("The talks were held on a 50/50 basis, he said."),
            LineClass::Body
        );
    }

    #[test]
    fn a_row_of_share_buttons_is_cruft_and_a_sentence_with_their_words_is_not() {
        for line in [
            "PDF Print Email",
            "Share | Tweet | WhatsApp",
            "Print  E-mail",
        ] {
            assert_eq!(class(line), LineClass::Cruft("share-widget"), "{line}");
        }
        for line in [
            "Print",
            "Email the ministry to share your views",
            "Copy link to the statement",
        ] {
            assert_ne!(class(line), LineClass::Cruft("share-widget"), "{line}");
        }
    }

    #[test]
    fn breadcrumbs_settings_and_feed_ages_are_cruft() {
        for (line, rule) in [
            (
                "Home > Information of the Embassy > Activities",
                "breadcrumb",
            ),
            ("News \u{bb} Africa \u{bb} East Africa", "breadcrumb"),
            ("Home \u{203a} Press Releases", "breadcrumb"),
            ("Home\u{bb}News\u{bb}Africa", "breadcrumb"),
            ("enablePagination: false", "page-settings"),
            ("maxItemsPerPage: 10", "page-settings"),
            ("\u{2022} 4 days ago", "relative-time"),
            ("2 hours ago", "relative-time"),
        ] {
            assert_eq!(class(line), LineClass::Cruft(rule), "{line}");
        }
        // A sentence with an arrow, a label with spaces in its value, and a sentence about
        // years ago are text.
        for line in [
            "Exports rose > 5% in the year to March, the ministry said.",
            "Note: the talks resume on Monday",
            "Two years ago the talks failed.",
            // Guillemets as quotation marks, in a headline.
            "Minister denies \u{bb}diplomatic tension\u{bb} with Harbour and Portville",
        ] {
            assert!(
                !matches!(class(line), LineClass::Cruft(_)),
                "{line}: {:?}",
                class(line)
            );
        }
    }

    #[test]
    fn date_lines_and_bylines_are_meta() {
        for line in [
            "22.02.2019",
            "March 17, 2018",
            "17 March 2018",
            "Published: 2019-11-23 14:05",
            "Tuesday, September 1, 2020",
            "Updated 3 Dec 2019, 10:42 GMT",
            "Jan 26,2024",
            "Tuesday, 06.03.2018.",
            "Fecha: 2023/05/18",
            "\u{627}\u{644}\u{62a}\u{627}\u{631}\u{64a}\u{62e}: 2023/05/18",
        ] {
            assert_eq!(class(line), LineClass::Meta(MetaKind::DateLine), "{line}");
        }
        // A sentence that only ends with a date is no date line.
        assert_ne!(
            class("The talks ended on 06.03.2018."),
            LineClass::Meta(MetaKind::DateLine)
        );
        // A headline dating the kind of event it names is no date line or byline either.
        for line in [
            "Chairman Jane Doe Press Roundtable Portville, January 25, 2011",
            "Doorstop, Portville, 5 May 2023",
        ] {
            assert!(
                !matches!(class(line), LineClass::Meta(_)),
                "{line}: {:?}",
                class(line)
            );
        }
        assert_eq!(
            class("Xinhua News Agency (5 May 2021)"),
            LineClass::Meta(MetaKind::Byline)
        );
        assert_eq!(
            class("By Anna Smith and Li Wei"),
            LineClass::Meta(MetaKind::Byline)
        );
        assert_eq!(
            class("By HT - Mar 3,2022 - Last updated at Mar 3,2022"),
            LineClass::Meta(MetaKind::Byline)
        );
        assert_eq!(
            class("By Anna Smith | 12 May 2021 10:04 GMT"),
            LineClass::Meta(MetaKind::Byline)
        );
        // A colon after the word, and a clock after a dash past the bar.
        for line in [
            "By : Anna Smith | Saturday, February 04 2023 - 15:03 WIB",
            "By: Anna Smith - 12 May 2021",
        ] {
            assert_eq!(class(line), LineClass::Meta(MetaKind::Byline), "{line}");
        }
        // A blog's byline: the author (or no one), the day, the post's category.
        for line in [
            "By Anna Smith November 9, 2019 General",
            "by November 9, 2019 Politics",
        ] {
            assert_eq!(class(line), LineClass::Meta(MetaKind::Byline), "{line}");
        }
        assert_eq!(
            class("By November 9, 2019 the talks had stalled over the border"),
            LineClass::Body
        );
        // The writer's post after the names, and a closing full stop.
        for line in [
            "By Harbour Herald reporter.",
            "By Jane Doe, staff correspondent",
            "By Jane Doe.",
        ] {
            assert_eq!(class(line), LineClass::Meta(MetaKind::Byline), "{line}");
        }
        assert_eq!(class("By then the reporter had left."), LineClass::Body);
        // A dash that does not lead to a date is no byline's.
        assert_eq!(
            class("By all accounts - the talks went well and more are due"),
            LineClass::Body
        );
        assert_eq!(
            class(
                "The minister arrived in Tokyo on 17 March 2018 for two days of talks with officials from the trade ministry."
            ),
            LineClass::Body
        );
    }

    #[test]
    fn url_lines_are_meta() {
        assert_eq!(
            class("<https://example.org/news/1>"),
            LineClass::Meta(MetaKind::Url)
        );
        assert_eq!(
            class("Source: http://example.com/a?b=1"),
            LineClass::Meta(MetaKind::Url)
        );
        assert_eq!(
            url_in("<https://example.org/news/1>"),
            Some("https://example.org/news/1")
        );
        assert_eq!(class("javascript:alert(1)"), LineClass::Body);
    }

    #[test]
    fn sign_offs_are_cruft() {
        for line in ["(esn)", "(ends)", "ENDS", "(js/ab)", "-- END --"] {
            assert_eq!(class(line), LineClass::Cruft("sign-off"), "{line}");
        }
        assert_eq!(class("(Reporting by Jane Doe)"), LineClass::Body);
    }

    #[test]
    fn date_headers_running_into_text_are_found() {
        assert_eq!(date_header_len(" date 2021-05-04 Officials said"), Some(17));
        assert_eq!(date_header_len("Dated: March 3, 2020 The talks"), Some(21));
        assert_eq!(date_header_len("A date was set for the talks"), None);
    }

    #[test]
    fn labels_and_captions() {
        assert!(is_footer_label("Kaynak/Source:"));
        assert!(is_footer_label("Tags:"));
        assert!(!is_footer_label(
            "He said: \"We will not accept it, and we will respond.\""
        ));
        assert!(could_be_caption("Russian President Vladimir Putin"));
        assert!(!could_be_caption("Putin arrived in Beijing on Tuesday."));
    }
}
