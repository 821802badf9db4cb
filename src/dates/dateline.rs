//! Datelines: the place (and often the day and the agency) that opens a news paragraph.
//!
//! Agencies open copy with a dateline: `MOSCOW, January 14. /TASS/.`, `WASHINGTON (Reuters) -`,
//! `TOKYO, April 13 (Kyodo) --`, `NAGOYA -`, `Moscow-`. It tells where the text was filed and,
//! often without a year, on which day: the strongest date evidence an undated copy has. Only the
//! start of a paragraph is read, and the parts must come in dateline order, so that running text
//! ("Japan and South Korea, however, …") is never taken for one.

use serde::Serialize;

use super::recognise::{Form, recognise};
use super::tokens::{Kind, Lex, Token, tokenize};

/// A dateline at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// Bytes of the whole dateline, separator included.
    pub span: (usize, usize),
    /// The place, title-cased: "Moscow", "New York".
    pub place: Option<String>,
    /// Bytes of the place as written.
    pub place_span: Option<(usize, usize)>,
    /// The month, when the dateline gives a day.
    pub month: Option<u32>,
    /// The day of the month.
    pub day: Option<u32>,
    /// The year, when written (rare).
    pub year: Option<i32>,
    /// Bytes of the date as written.
    pub date_span: Option<(usize, usize)>,
    /// The agency mark as written: "/TASS/", "(Reuters)".
    pub mark: Option<String>,
}

/// Reads a dateline at the start of `paragraph`, if there is one.
pub fn parse_dateline(paragraph: &str) -> Option<Dateline> {
    // A dateline is short: look at the first 160 bytes only.
    let mut cut = paragraph.len().min(160);
    while !paragraph.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &paragraph[..cut];
    let t = tokenize(head);
    let s = |i: usize| t.get(i).map_or("", |k: &Token| &head[k.start..k.end]);
    let is_p = |i: usize, c: &str| t.get(i).is_some_and(|k| k.kind == Kind::Punct && s(i) == c);
    // A tilde stands for a dash in some sites' datelines ("Sochi, RUSSIA, 29/11/2014 ~ ").
    // A hyphen joining two words ("Secretary-General") is no separator.
    let joins_words = |i: usize| {
        t.get(i).is_some_and(|d| !d.space_before)
            && t.get(i + 1)
                .is_some_and(|n| !n.space_before && n.kind == Kind::Word)
    };
    let is_dash = |i: usize| {
        (is_p(i, "-") || is_p(i, "–") || is_p(i, "—") || is_p(i, "_") || is_p(i, "~"))
            && !joins_words(i)
    };

    // The place: capitalised words.
    let mut i = 0;
    let mut caps = true;
    let mut words = 0;
    while let Some(k) = t.get(i) {
        if k.kind == Kind::Word
            && k.upper
            && words < 4
            && !matches!(k.lex, Lex::Month { .. } | Lex::Weekday(_))
        {
            let w = s(i);
            let all_caps = w.chars().all(|c| !c.is_lowercase());
            if words > 0 && all_caps != caps {
                break;
            }
            caps = all_caps;
            words += 1;
            i += 1;
            // "ST. PETERSBURG", "WINSTON-SALEM"
            if (is_p(i, ".")
                && t.get(i + 1)
                    .is_some_and(|n| n.kind == Kind::Word && n.upper)
                && s(i - 1).len() <= 3)
                || (is_p(i, "-")
                    && t.get(i).is_some_and(|d| !d.space_before)
                    && t.get(i + 1)
                        .is_some_and(|n| !n.space_before && n.kind == Kind::Word && n.upper))
            {
                i += 1;
            }
            continue;
        }
        break;
    }
    // "Mr. Ahmed Aboul Gheit, Secretary-General …", "Deputy Prime Minister – Minister of …",
    // "CHIEF CABINET SECRETARY SUGA:": a person with a form of address, or an office, opens the
    // paragraph, not a place.
    if words > 0
        && (is_p(1, ".") && ADDRESS_FORMS.iter().any(|f| s(0).eq_ignore_ascii_case(f))
            || (0..i).any(|k| OFFICE_WORDS.iter().any(|f| s(k).eq_ignore_ascii_case(f))))
    {
        return None;
    }
    // No place: only a day with its credit and dash ("May 18. (EUROPA PRESS) –").
    let placeless = words == 0;
    let place_span = (!placeless).then(|| (t[0].start, t[i - 1].end));
    if !placeless && caps && s(0).chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }

    // An optional region after a comma: "NAIROBI, Kenya (AP) _".
    let mut region_end = None;
    if is_p(i, ",")
        && t.get(i + 1).is_some_and(|k| {
            k.kind == Kind::Word && k.upper && !matches!(k.lex, Lex::Month { .. } | Lex::Weekday(_))
        })
    {
        let mut j = i + 1;
        while t.get(j).is_some_and(|k| k.kind == Kind::Word && k.upper) && j < i + 4 {
            j += 1;
        }
        if is_p(j, ".") && s(j - 1).len() <= 5 {
            j += 1; // "Calif."
        }
        region_end = Some(j);
    }

    // An optional date after a comma.
    let mut date = None;
    let mut credit_in_brackets = None;
    let mut date_end = i;
    let try_date = |from: usize| -> Option<(Form, usize, usize)> {
        let hits = recognise(head, &t[..]);
        let h = hits
            .into_iter()
            .find(|h| h.first >= from && h.first <= from + 1)?;
        if h.first != from {
            return None;
        }
        match h.form {
            Form::Date { .. } => Some((h.form, h.first, h.end)),
            _ => None,
        }
    };
    if placeless {
        let (form, f, e) = try_date(0)?;
        date = Some((form, f, e));
        date_end = e;
    } else if is_p(i, ",") {
        if let Some((form, f, e)) = try_date(i + 1) {
            date = Some((form, f, e));
            date_end = e;
        } else if let Some(r) = region_end
            && is_p(r, ",")
            && let Some((form, f, e)) = try_date(r + 1)
        {
            date = Some((form, f, e));
            date_end = e;
        } else if let Some(r) = region_end {
            date_end = r;
        }
    } else if is_p(i, "(")
        && let Some(comma) = (i + 2..t.len().min(i + 7)).find(|&k| is_p(k, ","))
        && (i + 1..comma).all(|k| t[k].kind == Kind::Word && t[k].upper)
        && let Some((form, f, e)) = try_date(comma + 1)
        && is_p(e, ")")
    {
        // "Metro Manila (CNN Philippines, May 31) —": the credit and the day in one pair of
        // brackets.
        date = Some((form, f, e));
        credit_in_brackets = Some(format!("({})", &head[t[i + 1].start..t[comma - 1].end]));
        date_end = e + 1;
    } else if !caps && !is_dash(i) {
        // A title-case place needs its dash right after it ("Moscow-", "Moscow -").
        return None;
    } else if !caps
        && t.get(i + 1)
            .is_some_and(|k| k.kind == Kind::Word && !k.upper)
    {
        // "Al-Maliki – who is visiting New York – said": a name and its aside, not a place;
        // a story opens after its dateline's dash with a capital.
        return None;
    }

    // Optional period, mark, period, separator.
    let mut j = date_end;
    let mut closed = false;
    if is_p(j, ".") {
        j += 1;
        closed = true;
    }
    let mut mark = credit_in_brackets;
    if mark.is_none() && (is_p(j, "/") || is_p(j, "(")) {
        let close = if is_p(j, "/") { "/" } else { ")" };
        let mut k = j + 1;
        while k < t.len() && k < j + 5 && !is_p(k, close) {
            if t[k].kind != Kind::Word && !is_p(k, "-") && !is_p(k, "&") {
                break;
            }
            k += 1;
        }
        if is_p(k, close) && k > j + 1 {
            mark = Some(head[t[j].start..t[k].end].to_string());
            j = k + 1;
            closed = false;
        }
    }
    let mut end = t.get(j.saturating_sub(1)).map_or(0, |k| k.end);
    if is_p(j, ".") {
        end = t[j].end;
        j += 1;
        closed = true;
    }
    if is_dash(j) {
        while is_dash(j) {
            j += 1;
        }
        end = t[j - 1].end;
        closed = true;
    } else if is_p(j, ":") {
        end = t[j].end;
        j += 1;
        closed = true;
    }
    // A credit after the day closes the dateline by itself: "Abu Dhabi, Nov 22 (NationPress)
    // Abdullah bin Zayed…".
    if !(closed || date.is_some() && mark.is_some()) {
        return None;
    }
    // Something must follow, and it must be running text (not an all-caps heading).
    let rest = &paragraph[end..];
    if !rest.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    // An all-caps place with neither date nor mark must end in a dash, not a period: "UN." is no
    // dateline.
    let ends_with_dash = j > 0 && (is_dash(j - 1) || is_p(j - 1, ":"));
    if date.is_none() && mark.is_none() && !ends_with_dash {
        return None;
    }
    if placeless && !(mark.is_some() && j > 0 && is_dash(j - 1)) {
        return None;
    }
    let (month, day, year, date_span) = match date {
        Some((Form::Date { y, m, d }, f, e)) => {
            (Some(m), Some(d), y, Some((t[f].start, t[e - 1].end)))
        }
        _ => (None, None, None, None),
    };
    Some(Dateline {
        span: (t[0].start, end),
        place: place_span.map(|(a, b)| title_case(&head[a..b])),
        place_span,
        month,
        day,
        year,
        date_span,
        mark,
    })
}

/// Forms of address that, with their full stop, open a person's name ("Mr. Aboul Gheit").
const ADDRESS_FORMS: &[&str] = &["mr", "mrs", "ms", "dr", "prof", "amb", "sen", "rep", "gen"];

/// Words an office's name ends with ("Deputy Prime Minister –"): never the end of a place.
const OFFICE_WORDS: &[&str] = &[
    "minister",
    "president",
    "secretary",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chancellor",
    "director",
];

/// "NEW YORK" → "New York", "ST. PETERSBURG" → "St. Petersburg"; title-case words stay.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_letter = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if prev_letter {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_letter = true;
        } else {
            out.push(c);
            prev_letter = c == '\'' || c == '’';
        }
    }
    out
}
