//! [`Inferred`]: a fact read from a text together with how sure we are and why.
//!
//! Every fact communique shows was inferred by a rule from some span of a text, or was given by
//! the author (front matter), or could not be known. Readers see the evidence next to the fact,
//! so a wrong inference can be traced to the rule and the words that misled it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A byte range in a [`crate::clean::Doc`]'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// Why a fact has its value: the rule that fired, where, and in words a reader follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Stable rule name, such as `date.weekday-before-anchor`.
    pub rule: Cow<'static, str>,
    /// Where in the text the rule looked, when it looked at text.
    pub span: Option<Span>,
    /// The words at `span` (shortened), so readers need not look them up.
    pub quote: String,
    /// The explanation, one sentence.
    pub note: String,
}

impl Evidence {
    /// Evidence from a span of text.
    pub fn at(
        rule: impl Into<Cow<'static, str>>,
        text: &str,
        span: Span,
        note: impl Into<String>,
    ) -> Evidence {
        Evidence {
            rule: rule.into(),
            span: Some(span),
            quote: shorten(text.get(span.start..span.end).unwrap_or(""), 160),
            note: note.into(),
        }
    }

    /// Evidence from a value the text's markup carries rather than its words (a saved page's
    /// JSON-LD, `<meta>` or canonical link): the value is quoted, no span points at it.
    pub fn quoting(
        rule: impl Into<Cow<'static, str>>,
        value: &str,
        note: impl Into<String>,
    ) -> Evidence {
        Evidence {
            rule: rule.into(),
            span: None,
            quote: shorten(value, 160),
            note: note.into(),
        }
    }

    /// Evidence that does not point at text (knowledge, defaults, the author's front matter).
    pub fn note(rule: impl Into<Cow<'static, str>>, note: impl Into<String>) -> Evidence {
        Evidence {
            rule: rule.into(),
            span: None,
            quote: String::new(),
            note: note.into(),
        }
    }
}

/// A fact: its value or an explicit unknown, a confidence in [0, 1], and the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inferred<T> {
    /// The value, or `None` when it cannot be known from the text.
    pub value: Option<T>,
    /// How sure the rules are: 1.0 for author-given facts, low for guesses.
    pub confidence: f32,
    /// Why: the rules that fired, in the order they were applied.
    pub evidence: Vec<Evidence>,
}

impl<T> Default for Inferred<T> {
    fn default() -> Self {
        Inferred {
            value: None,
            confidence: 0.0,
            evidence: Vec::new(),
        }
    }
}

impl<T> Inferred<T> {
    /// Whether a piece of the evidence comes from `rule`: a fact is judged by the rule that
    /// gave it (tests ask that a rule did, or did not, fire).
    pub fn rests_on(&self, rule: &str) -> bool {
        self.evidence.iter().any(|e| e.rule == rule)
    }

    /// A known value.
    pub fn known(value: T, confidence: f32, evidence: Vec<Evidence>) -> Inferred<T> {
        Inferred {
            value: Some(value),
            confidence,
            evidence,
        }
    }

    /// An explicit unknown, saying why.
    pub fn unknown(evidence: Vec<Evidence>) -> Inferred<T> {
        Inferred {
            value: None,
            confidence: 0.0,
            evidence,
        }
    }

    /// A value the author gave in front matter: certain.
    pub fn given(value: T, key: &str) -> Inferred<T> {
        Inferred::known(
            value,
            1.0,
            vec![Evidence::note(
                "front-matter",
                format!("given by the author as `{key}` in the front matter"),
            )],
        )
    }

    /// This fact, or an explicit unknown saying why when no rule found a value.
    pub fn or_unknown(self, rule: &'static str, note: &'static str) -> Inferred<T> {
        if self.is_known() {
            self
        } else {
            Inferred::unknown(vec![Evidence::note(rule, note)])
        }
    }

    /// Whether a value is known.
    pub fn is_known(&self) -> bool {
        self.value.is_some()
    }

    /// The value, if known.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// The same fact with its value transformed.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Inferred<U> {
        Inferred {
            value: self.value.map(f),
            confidence: self.confidence,
            evidence: self.evidence,
        }
    }
}

/// `s` cut to at most `max` bytes on a char boundary, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…", s[..cut].trim_end())
}
