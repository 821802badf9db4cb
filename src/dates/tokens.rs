//! One pass over the text: tokens with byte offsets, each word classified once.
//!
//! Recognition never looks at the text again except through these tokens, so the cost of
//! finding dates is one scan plus constant work per token. Words are classified into a small
//! lexicon ([`Lex`]) here, without allocating, so patterns compare enums rather than strings.

/// What kind of characters a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and nothing else).
    Word,
    /// ASCII digits.
    Num,
    /// Any other single non-space character.
    Punct,
}

/// A unit of time as a word names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// day, days
    Day,
    /// week, weeks
    Week,
    /// weekend
    Weekend,
    /// fortnight
    Fortnight,
    /// month, months
    Month,
    /// quarter, quarters
    Quarter,
    /// year, years
    Year,
    /// decade, decades
    Decade,
    /// century, centuries
    Century,
}

/// Function words and time words that patterns look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum W {
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Last,
    Next,
    This,
    Past,
    Coming,
    Previous,
    Following,
    Latest,
    Current,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
    Ago,
    Before,
    After,
    The,
    Of,
    In,
    On,
    And,
    To,
    From,
    Through,
    Until,
    Fiscal,
    Recently,
    Recent,
    Future,
    /// North Korea's calendar: "Juche 111" is 2022.
    Juche,
    Soon,
    Morning,
    Afternoon,
    Evening,
    Night,
    End,
    Beginning,
    Start,
    Middle,
    Half,
    Upcoming,
    Few,
    Several,
    These,
    Near,
    Since,
    By,
    During,
}

/// The lexical class of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// Not a word any pattern uses.
    Other,
    /// A month (1-12); `abbrev` for "Jan", "Sept" and the like.
    Month {
        /// 1 = January.
        month: u32,
        /// Written short.
        abbrev: bool,
    },
    /// A weekday, 1 = Monday … 7 = Sunday.
    Weekday(u32),
    /// A unit of time.
    Unit(Unit),
    /// A season.
    Season(super::Season),
    /// A number written as a word ("two", "a").
    NumWord(u32),
    /// An ordinal written as a word ("third").
    Ordinal(u32),
    /// A function or time word.
    W(W),
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its characters' kind.
    pub kind: Kind,
    /// The word's class (`Other` for numbers and punctuation).
    pub lex: Lex,
    /// The number's value (for `Num`, saturating), else 0.
    pub num: u32,
    /// Whether whitespace separates it from the token before.
    pub space_before: bool,
    /// Whether a line break separates it from the token before.
    pub newline_before: bool,
    /// Whether it starts with an upper-case letter.
    pub upper: bool,
}

impl Token {
    /// Number of bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether it has no bytes (never, for real tokens).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Splits `text` into tokens in one pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    let mut space = true;
    let mut newline = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            if b == b'\n' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            kind = Kind::Num;
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && char_at(text, i).is_alphabetic()) {
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 {
                    let ch = char_at(text, i);
                    if ch.is_alphabetic() {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // "Bhuvan KrishnaJul 08, 2024": a byline's name glued to the month after it. Looked
            // for only before a space and a number, where a date may go on.
            if bytes.get(i) == Some(&b' ')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                && let Some(k) = glued_month(&bytes[start..i])
            {
                i = start + k;
            }
            kind = Kind::Word;
        } else {
            let ch = char_at(text, i);
            if ch.is_whitespace() {
                space = true;
                i += ch.len_utf8();
                continue;
            }
            i += ch.len_utf8();
            kind = Kind::Punct;
        }
        let slice = &text[start..i];
        let (lex, num) = match kind {
            Kind::Word => (classify(slice), 0),
            Kind::Num => (
                Lex::Other,
                slice.bytes().fold(0u32, |n, d| {
                    n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
                }),
            ),
            Kind::Punct => (Lex::Other, 0),
        };
        out.push(Token {
            start,
            end: i,
            kind,
            lex,
            num,
            space_before: space,
            newline_before: newline,
            upper: slice.as_bytes()[0].is_ascii_uppercase(),
        });
        space = false;
        newline = false;
    }
    out
}

/// Where a month's name glued to the word before it begins ("KrishnaJul" → 7): a small
/// letter then a capital opening a month's name that ends the word.
fn glued_month(word: &[u8]) -> Option<usize> {
    let k = (1..word.len().saturating_sub(2))
        .rev()
        .find(|&k| word[k].is_ascii_uppercase() && word[k - 1].is_ascii_lowercase())?;
    let tail = std::str::from_utf8(&word[k..]).ok()?;
    matches!(classify(tail), Lex::Month { .. }).then_some(k)
}

/// The tokens `tokenize(&text[start..end])` gives, taken from `toks`, the tokens of the whole
/// `text`, without reading the text again: offsets made relative to `start`, and the first
/// token marked as after a space and a line break, as a text's first token is. `None` where a
/// token of the whole text runs over either end (the part must then be tokenized itself).
/// Elsewhere the tokens are the same: a token ends where its kind of characters ends, and the
/// flags of every token but the first are read from the characters before it, inside the part.
pub fn within(toks: &[Token], start: usize, end: usize) -> Option<Vec<Token>> {
    let first = toks.partition_point(|t| t.end <= start);
    if toks.get(first).is_some_and(|t| t.start < start) {
        return None;
    }
    let last = toks.partition_point(|t| t.start < end);
    if last > 0 && toks[last - 1].end > end {
        return None;
    }
    let mut out: Vec<Token> = toks[first..last.max(first)]
        .iter()
        .map(|t| Token {
            start: t.start - start,
            end: t.end - start,
            ..*t
        })
        .collect();
    if let Some(t) = out.first_mut() {
        t.space_before = true;
        t.newline_before = true;
    }
    Some(out)
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// Classifies one word, ignoring ASCII case, without allocating.
pub fn classify(word: &str) -> Lex {
    let b = word.as_bytes();
    if b.len() > 12 || b.is_empty() {
        return Lex::Other;
    }
    let mut buf = [0u8; 12];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    // Matched as bytes: every keyword is ASCII, and a word with other letters is none.
    let w = &buf[..b.len()];
    use super::Season as S;
    let month = |month, abbrev| Lex::Month { month, abbrev };
    match w {
        b"january" => month(1, false),
        b"february" => month(2, false),
        b"march" => month(3, false),
        b"april" => month(4, false),
        b"may" => month(5, false),
        b"june" => month(6, false),
        b"july" => month(7, false),
        b"august" => month(8, false),
        b"september" => month(9, false),
        b"october" => month(10, false),
        b"november" => month(11, false),
        b"december" => month(12, false),
        b"jan" => month(1, true),
        b"feb" => month(2, true),
        b"mar" => month(3, true),
        b"apr" => month(4, true),
        b"jun" => month(6, true),
        b"jul" => month(7, true),
        b"aug" => month(8, true),
        b"sep" | b"sept" => month(9, true),
        b"oct" => month(10, true),
        b"nov" => month(11, true),
        b"dec" => month(12, true),
        b"monday" => Lex::Weekday(1),
        b"tuesday" => Lex::Weekday(2),
        b"wednesday" => Lex::Weekday(3),
        b"thursday" => Lex::Weekday(4),
        b"friday" => Lex::Weekday(5),
        b"saturday" => Lex::Weekday(6),
        b"sunday" => Lex::Weekday(7),
        b"day" | b"days" => Lex::Unit(Unit::Day),
        b"week" | b"weeks" => Lex::Unit(Unit::Week),
        b"weekend" | b"weekends" => Lex::Unit(Unit::Weekend),
        b"fortnight" => Lex::Unit(Unit::Fortnight),
        b"month" | b"months" => Lex::Unit(Unit::Month),
        b"quarter" | b"quarters" => Lex::Unit(Unit::Quarter),
        b"year" | b"years" => Lex::Unit(Unit::Year),
        b"decade" | b"decades" => Lex::Unit(Unit::Decade),
        b"century" | b"centuries" => Lex::Unit(Unit::Century),
        b"spring" => Lex::Season(S::Spring),
        b"summer" => Lex::Season(S::Summer),
        b"fall" | b"autumn" => Lex::Season(S::Fall),
        b"winter" => Lex::Season(S::Winter),
        b"a" | b"an" | b"one" => Lex::NumWord(1),
        b"two" => Lex::NumWord(2),
        b"three" => Lex::NumWord(3),
        b"four" => Lex::NumWord(4),
        b"five" => Lex::NumWord(5),
        b"six" => Lex::NumWord(6),
        b"seven" => Lex::NumWord(7),
        b"eight" => Lex::NumWord(8),
        b"nine" => Lex::NumWord(9),
        b"ten" => Lex::NumWord(10),
        b"eleven" => Lex::NumWord(11),
        b"twelve" => Lex::NumWord(12),
        b"fifteen" => Lex::NumWord(15),
        b"twenty" => Lex::NumWord(20),
        b"thirty" => Lex::NumWord(30),
        b"first" => Lex::Ordinal(1),
        b"second" => Lex::Ordinal(2),
        b"third" => Lex::Ordinal(3),
        b"fourth" => Lex::Ordinal(4),
        b"today" => Lex::W(W::Today),
        b"yesterday" => Lex::W(W::Yesterday),
        b"tomorrow" => Lex::W(W::Tomorrow),
        b"tonight" => Lex::W(W::Tonight),
        b"now" => Lex::W(W::Now),
        b"currently" => Lex::W(W::Currently),
        b"last" => Lex::W(W::Last),
        b"next" => Lex::W(W::Next),
        b"this" => Lex::W(W::This),
        b"past" => Lex::W(W::Past),
        b"coming" => Lex::W(W::Coming),
        b"previous" => Lex::W(W::Previous),
        b"following" => Lex::W(W::Following),
        b"latest" => Lex::W(W::Latest),
        b"current" => Lex::W(W::Current),
        b"early" => Lex::W(W::Early),
        b"mid" => Lex::W(W::Mid),
        b"late" => Lex::W(W::Late),
        b"earlier" => Lex::W(W::Earlier),
        b"later" => Lex::W(W::Later),
        b"ago" => Lex::W(W::Ago),
        b"before" => Lex::W(W::Before),
        b"after" => Lex::W(W::After),
        b"the" => Lex::W(W::The),
        b"of" => Lex::W(W::Of),
        b"in" => Lex::W(W::In),
        b"on" => Lex::W(W::On),
        b"and" => Lex::W(W::And),
        b"to" | b"till" => Lex::W(W::To),
        b"from" => Lex::W(W::From),
        b"through" | b"thru" => Lex::W(W::Through),
        b"until" | b"til" => Lex::W(W::Until),
        b"fiscal" => Lex::W(W::Fiscal),
        b"recently" => Lex::W(W::Recently),
        b"recent" => Lex::W(W::Recent),
        b"future" => Lex::W(W::Future),
        b"juche" => Lex::W(W::Juche),
        b"soon" => Lex::W(W::Soon),
        b"morning" => Lex::W(W::Morning),
        b"afternoon" => Lex::W(W::Afternoon),
        b"evening" => Lex::W(W::Evening),
        b"night" => Lex::W(W::Night),
        b"end" => Lex::W(W::End),
        b"beginning" => Lex::W(W::Beginning),
        b"start" => Lex::W(W::Start),
        b"middle" => Lex::W(W::Middle),
        b"half" => Lex::W(W::Half),
        b"upcoming" | b"forthcoming" => Lex::W(W::Upcoming),
        b"few" => Lex::W(W::Few),
        b"several" => Lex::W(W::Several),
        b"these" => Lex::W(W::These),
        b"near" => Lex::W(W::Near),
        b"since" => Lex::W(W::Since),
        b"by" => Lex::W(W::By),
        b"during" => Lex::W(W::During),
        _ => Lex::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_spacing() {
        let text = "On 22.02.2019, Lavrov—said\nMonday";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "On", "22", ".", "02", ".", "2019", ",", "Lavrov", "—", "said", "Monday"
            ]
        );
        assert!(!toks[2].space_before);
        assert!(toks[1].space_before);
        assert!(toks[10].newline_before);
        assert_eq!(toks[1].num, 22);
        assert_eq!(toks[10].lex, Lex::Weekday(1));
        assert_eq!(toks[0].lex, Lex::W(W::On));
    }

    #[test]
    fn a_part_takes_the_tokens_of_the_whole() {
        let text =
            "MOSCOW, Jan. 14\n\nLavrov  said on 22.02.2019:\u{a0}talks—resume.\nÜber 3rd\n\nEnd";
        let toks = tokenize(text);
        let same = |a: &[Token], b: &[Token]| {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| {
                    (x.start, x.end, x.kind, x.lex, x.num, x.upper)
                        == (y.start, y.end, y.kind, y.lex, y.num, y.upper)
                        && (x.space_before, x.newline_before) == (y.space_before, y.newline_before)
                })
        };
        for start in 0..=text.len() {
            for end in start..=text.len() {
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                let fresh = tokenize(&text[start..end]);
                match within(&toks, start, end) {
                    Some(part) => assert!(same(&part, &fresh), "{start}..{end}"),
                    // Only where a token runs over an end.
                    None => assert!(
                        toks.iter().any(|t| (t.start < start && start < t.end)
                            || (t.start < end && end < t.end)),
                        "{start}..{end}"
                    ),
                }
            }
        }
    }

    #[test]
    fn a_month_glued_to_a_bylines_name_is_a_word_of_its_own() {
        let text = "Anna KrishnaJul 08, 2024 | McMay said";
        let words: Vec<&str> = tokenize(text)
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(words, ["Anna", "Krishna", "Jul", "McMay", "said"]);
        // Glued, but with no number after it: one word ("McMay said", "the MarchMay plan").
        assert!(
            tokenize("the MarchMay plan")
                .iter()
                .any(|t| t.end - t.start == 8)
        );
    }

    #[test]
    fn classifies_months_ignoring_case() {
        assert_eq!(
            classify("SEPT"),
            Lex::Month {
                month: 9,
                abbrev: true
            }
        );
        assert_eq!(
            classify("january"),
            Lex::Month {
                month: 1,
                abbrev: false
            }
        );
        assert_eq!(classify("Wednesday"), Lex::Weekday(3));
        assert_eq!(classify("Lavrov"), Lex::Other);
        assert_eq!(classify("Überraschung"), Lex::Other);
    }
}
