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
    let Ok(w) = std::str::from_utf8(&buf[..b.len()]) else {
        return Lex::Other;
    };
    use super::Season as S;
    let month = |month, abbrev| Lex::Month { month, abbrev };
    match w {
        "january" => month(1, false),
        "february" => month(2, false),
        "march" => month(3, false),
        "april" => month(4, false),
        "may" => month(5, false),
        "june" => month(6, false),
        "july" => month(7, false),
        "august" => month(8, false),
        "september" => month(9, false),
        "october" => month(10, false),
        "november" => month(11, false),
        "december" => month(12, false),
        "jan" => month(1, true),
        "feb" => month(2, true),
        "mar" => month(3, true),
        "apr" => month(4, true),
        "jun" => month(6, true),
        "jul" => month(7, true),
        "aug" => month(8, true),
        "sep" | "sept" => month(9, true),
        "oct" => month(10, true),
        "nov" => month(11, true),
        "dec" => month(12, true),
        "monday" => Lex::Weekday(1),
        "tuesday" => Lex::Weekday(2),
        "wednesday" => Lex::Weekday(3),
        "thursday" => Lex::Weekday(4),
        "friday" => Lex::Weekday(5),
        "saturday" => Lex::Weekday(6),
        "sunday" => Lex::Weekday(7),
        "day" | "days" => Lex::Unit(Unit::Day),
        "week" | "weeks" => Lex::Unit(Unit::Week),
        "weekend" | "weekends" => Lex::Unit(Unit::Weekend),
        "fortnight" => Lex::Unit(Unit::Fortnight),
        "month" | "months" => Lex::Unit(Unit::Month),
        "quarter" | "quarters" => Lex::Unit(Unit::Quarter),
        "year" | "years" => Lex::Unit(Unit::Year),
        "decade" | "decades" => Lex::Unit(Unit::Decade),
        "century" | "centuries" => Lex::Unit(Unit::Century),
        "spring" => Lex::Season(S::Spring),
        "summer" => Lex::Season(S::Summer),
        "fall" | "autumn" => Lex::Season(S::Fall),
        "winter" => Lex::Season(S::Winter),
        "a" | "an" | "one" => Lex::NumWord(1),
        "two" => Lex::NumWord(2),
        "three" => Lex::NumWord(3),
        "four" => Lex::NumWord(4),
        "five" => Lex::NumWord(5),
        "six" => Lex::NumWord(6),
        "seven" => Lex::NumWord(7),
        "eight" => Lex::NumWord(8),
        "nine" => Lex::NumWord(9),
        "ten" => Lex::NumWord(10),
        "eleven" => Lex::NumWord(11),
        "twelve" => Lex::NumWord(12),
        "fifteen" => Lex::NumWord(15),
        "twenty" => Lex::NumWord(20),
        "thirty" => Lex::NumWord(30),
        "first" => Lex::Ordinal(1),
        "second" => Lex::Ordinal(2),
        "third" => Lex::Ordinal(3),
        "fourth" => Lex::Ordinal(4),
        "today" => Lex::W(W::Today),
        "yesterday" => Lex::W(W::Yesterday),
        "tomorrow" => Lex::W(W::Tomorrow),
        "tonight" => Lex::W(W::Tonight),
        "now" => Lex::W(W::Now),
        "currently" => Lex::W(W::Currently),
        "last" => Lex::W(W::Last),
        "next" => Lex::W(W::Next),
        "this" => Lex::W(W::This),
        "past" => Lex::W(W::Past),
        "coming" => Lex::W(W::Coming),
        "previous" => Lex::W(W::Previous),
        "following" => Lex::W(W::Following),
        "latest" => Lex::W(W::Latest),
        "current" => Lex::W(W::Current),
        "early" => Lex::W(W::Early),
        "mid" => Lex::W(W::Mid),
        "late" => Lex::W(W::Late),
        "earlier" => Lex::W(W::Earlier),
        "later" => Lex::W(W::Later),
        "ago" => Lex::W(W::Ago),
        "before" => Lex::W(W::Before),
        "after" => Lex::W(W::After),
        "the" => Lex::W(W::The),
        "of" => Lex::W(W::Of),
        "in" => Lex::W(W::In),
        "on" => Lex::W(W::On),
        "and" => Lex::W(W::And),
        "to" | "till" => Lex::W(W::To),
        "from" => Lex::W(W::From),
        "through" | "thru" => Lex::W(W::Through),
        "until" | "til" => Lex::W(W::Until),
        "fiscal" => Lex::W(W::Fiscal),
        "recently" => Lex::W(W::Recently),
        "recent" => Lex::W(W::Recent),
        "future" => Lex::W(W::Future),
        "juche" => Lex::W(W::Juche),
        "soon" => Lex::W(W::Soon),
        "morning" => Lex::W(W::Morning),
        "afternoon" => Lex::W(W::Afternoon),
        "evening" => Lex::W(W::Evening),
        "night" => Lex::W(W::Night),
        "end" => Lex::W(W::End),
        "beginning" => Lex::W(W::Beginning),
        "start" => Lex::W(W::Start),
        "middle" => Lex::W(W::Middle),
        "half" => Lex::W(W::Half),
        "upcoming" | "forthcoming" => Lex::W(W::Upcoming),
        "few" => Lex::W(W::Few),
        "several" => Lex::W(W::Several),
        "these" => Lex::W(W::These),
        "near" => Lex::W(W::Near),
        "since" => Lex::W(W::Since),
        "by" => Lex::W(W::By),
        "during" => Lex::W(W::During),
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
