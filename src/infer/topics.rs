//! Subject themes ("topics"): which of the configured topics an article is about.
//!
//! A topic is signalled by a sentence that contains one of its phrases, or one word of each of
//! its `together` groups. An article is filed under a topic when enough sentences signal it.
//! All phrases of all topics are matched in one Aho-Corasick pass over the text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use crate::config::TopicConfig;
use crate::knowledge::word_bounded;
use crate::slug::slugify;

use super::{Evidence, Inferred, Span};

/// A topic as articles refer to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct TopicRef {
    /// URL slug.
    pub slug: String,
    /// Display name.
    pub name: String,
}

/// What a pattern signals: topic `topic`'s phrase, or a word of its group `group`.
#[derive(Debug, Clone, Copy)]
enum Signal {
    Phrase(usize),
    Group(usize, usize),
}

/// The configured topics compiled for matching; built once per build.
#[derive(Debug)]
pub struct TopicMatcher {
    topics: Vec<(TopicRef, usize, usize)>,
    automaton: AhoCorasick,
    signals: Vec<Vec<Signal>>,
}

impl TopicMatcher {
    /// Compiles the topics of a config.
    pub fn new(topics: &[TopicConfig]) -> TopicMatcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut signals: Vec<Vec<Signal>> = Vec::new();
        let mut add = |pattern: &str, signal: Signal| {
            let key = pattern.to_lowercase();
            match patterns.iter().position(|p| *p == key) {
                Some(i) => signals[i].push(signal),
                None => {
                    patterns.push(key);
                    signals.push(vec![signal]);
                }
            }
        };
        for (t, topic) in topics.iter().enumerate() {
            for phrase in &topic.phrases {
                add(phrase, Signal::Phrase(t));
            }
            for (g, group) in topic.together.iter().enumerate() {
                for word in group {
                    add(word, Signal::Group(t, g));
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("topic phrases are plain strings");
        TopicMatcher {
            topics: topics
                .iter()
                .map(|t| {
                    let slug = slugify(t.slug.as_deref().unwrap_or(&t.name));
                    (
                        TopicRef {
                            slug,
                            name: t.name.clone(),
                        },
                        t.together.len(),
                        t.min_hits.max(1),
                    )
                })
                .collect(),
            automaton,
            signals,
        }
    }

    /// The topics, in configuration order.
    pub fn topics(&self) -> impl Iterator<Item = &TopicRef> {
        self.topics.iter().map(|(t, _, _)| t)
    }

    /// Files the text under topics. `sentences` are byte spans of the body's sentences in
    /// `text`.
    pub fn classify(&self, text: &str, sentences: &[Span]) -> Inferred<Vec<TopicRef>> {
        let n = self.topics.len();
        let mut hits: Vec<Vec<Span>> = vec![Vec::new(); n];
        let mut groups_seen: Vec<u64> = vec![0; n];
        let mut phrase_seen: Vec<bool> = vec![false; n];
        for sentence in sentences {
            let s = &text[sentence.start..sentence.end];
            groups_seen.iter_mut().for_each(|g| *g = 0);
            phrase_seen.iter_mut().for_each(|p| *p = false);
            for m in self.automaton.find_iter(s) {
                if !word_bounded(s, m.start(), m.end()) {
                    continue;
                }
                for signal in &self.signals[m.pattern().as_usize()] {
                    match *signal {
                        Signal::Phrase(t) => phrase_seen[t] = true,
                        Signal::Group(t, g) if g < 64 => groups_seen[t] |= 1 << g,
                        Signal::Group(..) => {}
                    }
                }
            }
            for t in 0..n {
                let groups = self.topics[t].1;
                let all_groups =
                    groups > 0 && groups_seen[t].count_ones() as usize == groups.min(64);
                if phrase_seen[t] || all_groups {
                    hits[t].push(*sentence);
                }
            }
        }
        let mut chosen = Vec::new();
        let mut evidence = Vec::new();
        let mut weakest: f32 = 1.0;
        for (t, spans) in hits.iter().enumerate() {
            let (topic, _, min_hits) = &self.topics[t];
            if spans.len() >= *min_hits {
                chosen.push(topic.clone());
                let confidence = (0.5 + 0.15 * spans.len() as f32).min(0.95);
                weakest = weakest.min(confidence);
                evidence.push(Evidence::at(
                    "topic.signal",
                    text,
                    spans[0],
                    format!("{}: {} sentence(s) signal it", topic.name, spans.len()),
                ));
            }
        }
        if chosen.is_empty() {
            return Inferred::unknown(vec![Evidence::note(
                "topic.none",
                "no configured topic is signalled",
            )]);
        }
        Inferred::known(chosen, weakest, evidence)
    }
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "St", "No", "vs",
    "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Jr", "Sr",
];

/// Sentence spans of `text[span]`: ends at `.`, `!` or `?` followed by white space, outside
/// abbreviations like "U.S." and initials.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.start..span.end];
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'.' | b'!' | b'?') {
            continue;
        }
        let next_space = bytes
            .get(i + 1)
            .is_none_or(|c| c.is_ascii_whitespace() || *c == b'"');
        let word_start = s[..i].rfind([' ', '\n']).map_or(0, |w| w + 1);
        let word = &s[word_start..i];
        let initial = word.len() <= 1 || word.contains('.') || ABBREVIATIONS.contains(&word);
        if next_space && !initial {
            out.push(Span::new(span.start + start, span.start + i + 1));
            start = i + 1;
        }
    }
    if start < s.len() && !s[start..].trim().is_empty() {
        out.push(Span::new(span.start + start, span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_topics;

    fn classify(text: &str) -> Vec<String> {
        let m = TopicMatcher::new(&default_topics());
        let spans = sentences(text, Span::new(0, text.len()));
        m.classify(text, &spans)
            .value
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.slug)
            .collect()
    }

    #[test]
    fn phrases_file_articles() {
        assert_eq!(
            classify("Tokyo wants a peace treaty with Moscow."),
            vec!["peace-treaty"]
        );
        assert_eq!(
            classify("The EU extended sanctions. Both sides discussed the Kuril Islands."),
            vec!["kuril-islands", "sanctions"]
        );
    }

    #[test]
    fn words_together_in_one_sentence_signal_a_topic() {
        assert_eq!(
            classify("Japan's alliance with the United States worries Moscow."),
            vec!["us-japan-alliance"]
        );
        // The same words in different sentences do not.
        assert!(
            classify("Japan held talks. The alliance with the United States was not discussed.")
                .is_empty()
        );
    }

    #[test]
    fn matching_is_by_whole_words() {
        assert!(classify("The sanctionsbusting network was exposed.").is_empty());
    }

    #[test]
    fn min_hits_is_respected() {
        let mut topics = default_topics();
        topics[4].min_hits = 2;
        let m = TopicMatcher::new(&topics);
        let text = "New sanctions were announced.";
        assert!(
            !m.classify(text, &sentences(text, Span::new(0, text.len())))
                .is_known()
        );
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let text = "The U.S. said no. Mr. Abe agreed! Done";
        let spans = sentences(text, Span::new(0, text.len()));
        let parts: Vec<&str> = spans.iter().map(|s| text[s.start..s.end].trim()).collect();
        assert_eq!(parts, vec!["The U.S. said no.", "Mr. Abe agreed!", "Done"]);
    }
}
