//! Ordering: the inferred articles become a timeline — sorted, slugged, grouped by topic,
//! speaker and source, with related articles.
//!
//! Everything here is linear or n·log n in the number of articles: groups come from one pass,
//! related articles from inverted indexes with a bounded window, so a 100,000-article archive
//! orders as fast as a small one per article.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::cache::Held;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::infer::{Article, TopicMatcher};
use crate::slug::{cut_at_word, slugify, title_prefixes};

/// A page that lists articles: a topic, a speaker, or a source.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// URL slug.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// One line about it (topic description, outlet kind…).
    pub description: String,
    /// Articles, as indexes into [`Timeline::articles`], in timeline order.
    pub articles: Vec<usize>,
}

/// The ordered site content.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// Articles sorted by statement date (undated last), then publication date, then title;
    /// whole or as outlines, as the build holds them.
    pub articles: Vec<Held>,
    /// Each article's unique URL slug.
    pub slugs: Vec<String>,
    /// Topics with their articles (every configured topic, even an empty one).
    pub topics: Vec<Group>,
    /// Speakers with their articles.
    pub speakers: Vec<Group>,
    /// Outlets and agencies with their articles.
    pub sources: Vec<Group>,
    /// For each article, up to five related articles.
    pub related: Vec<Vec<usize>>,
    /// For each article, the other reports of the same statement (same day, same speakers,
    /// same opening quotation or headline), in timeline order.
    pub same_statement: Vec<Vec<usize>>,
}

/// How many related articles a page lists.
pub const RELATED: usize = 5;
/// How far along one topic's or speaker's list related candidates are looked for.
const RELATED_WINDOW: usize = 40;

/// The sort key: statement date (undated last), publication date, title, id.
fn sort_key(a: &Article) -> (bool, Option<NaiveDate>, Option<NaiveDate>, String, String) {
    (
        a.stated.value.is_none(),
        a.stated.value,
        a.published.value,
        a.title.value.clone().unwrap_or_default().to_lowercase(),
        a.id.clone(),
    )
}

/// Orders articles into a timeline. Returns warnings for slug collisions.
pub fn order(
    mut articles: Vec<Held>,
    config: &Config,
    topics: &TopicMatcher,
) -> (Timeline, Vec<Diagnostic>) {
    articles.sort_by_cached_key(|a| sort_key(a));
    // Slugs, reports of one statement and the groups (then related articles) each read the
    // sorted articles alone: they run side by side.
    let ((slugs, warnings), (same_statement, (topic_groups, speakers, sources, related))) =
        rayon::join(
            || assign_slugs(&articles),
            || {
                rayon::join(
                    || cluster_reports(&articles),
                    || {
                        let (topics, speakers, sources) = groups(&articles, config, topics);
                        let related = related_articles(articles.len(), &topics, &speakers);
                        (topics, speakers, sources, related)
                    },
                )
            },
        );
    let mut speakers: Vec<Group> = speakers.into_values().collect();
    speakers.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.name.cmp(&b.name))
    });
    let mut sources: Vec<Group> = sources.into_values().collect();
    sources.sort_by_key(|g| g.name.to_lowercase());
    (
        Timeline {
            articles,
            slugs,
            topics: topic_groups,
            speakers,
            sources,
            related,
            same_statement,
        },
        warnings,
    )
}

/// Articles by topic (every configured topic first, in config order, even an empty one),
/// by speaker and by source (an outlet and its agency once), each list in timeline order.
fn groups(
    articles: &[Held],
    config: &Config,
    topics: &TopicMatcher,
) -> (Vec<Group>, BTreeMap<String, Group>, BTreeMap<String, Group>) {
    let topic_groups = topics
        .topics()
        .map(|t| Group {
            slug: t.slug.clone(),
            name: t.name.clone(),
            description: config
                .topics
                .iter()
                .find(|c| c.name == t.name)
                .map(|c| c.description.clone())
                .unwrap_or_default(),
            articles: Vec::new(),
        })
        .collect::<Vec<_>>();
    let mut topic_at: HashMap<String, usize> = topic_groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.slug.clone(), i))
        .collect();
    let mut topic_groups = topic_groups;
    let mut speakers: BTreeMap<String, Group> = BTreeMap::new();
    let mut sources: BTreeMap<String, Group> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        for t in a.topics.value.iter().flatten() {
            let at = *topic_at.entry(t.slug.clone()).or_insert_with(|| {
                topic_groups.push(Group {
                    slug: t.slug.clone(),
                    name: t.name.clone(),
                    description: String::new(),
                    articles: Vec::new(),
                });
                topic_groups.len() - 1
            });
            topic_groups[at].articles.push(i);
        }
        for s in a.speakers.value.iter().flatten() {
            speakers
                .entry(s.id.clone())
                .or_insert_with(|| Group {
                    slug: s.id.clone(),
                    name: s.name.clone(),
                    description: String::new(),
                    articles: Vec::new(),
                })
                .articles
                .push(i);
        }
        let mut named = Vec::new();
        for o in [a.outlet.get(), a.agency.get()].into_iter().flatten() {
            if named.contains(&o.id) {
                continue;
            }
            named.push(o.id.clone());
            sources
                .entry(o.id.clone())
                .or_insert_with(|| Group {
                    slug: o.id.clone(),
                    name: o.name.clone(),
                    description: o.kind.clone(),
                    articles: Vec::new(),
                })
                .articles
                .push(i);
        }
    }
    (topic_groups, speakers, sources)
}

/// Unique slugs from titles. An article takes the shortest of its title's word prefixes that
/// is free (`slug::title_prefixes`: six words at first), in id order, so two titles that start
/// alike both stay readable. When its whole title's slug is taken too (the same title twice),
/// the article whose id sorts first keeps it and each other one is told apart by the start of
/// its own file name (`talks-resume-kyodo`), the whole file name if that is taken as well, so
/// an edit, a new article or a removed one changes the slugs of two or three articles —
/// never of every later copy of a common title, as counting copies would. A front-matter
/// `slug` is taken whole.
fn assign_slugs(articles: &[Held]) -> (Vec<String>, Vec<Diagnostic>) {
    /// How much of a file name tells copies of a title apart, when that is enough.
    const OWN_BYTES: usize = 12;
    let mut by_id: Vec<usize> = (0..articles.len()).collect();
    by_id.sort_by(|&a, &b| {
        articles[a]
            .id
            .cmp(&articles[b].id)
            .then(articles[a].path.cmp(&articles[b].path))
    });
    let mut taken: HashMap<String, String> = HashMap::new();
    let mut slugs = vec![String::new(); articles.len()];
    let mut warnings = Vec::new();
    // Slugifying is most of the work and needs no other article: done in parallel.
    let mut bases: Vec<String> = articles
        .par_iter()
        .map(|a| {
            slugify(
                a.slug
                    .as_deref()
                    .or(a.title.value.as_deref())
                    .unwrap_or(&a.id),
            )
        })
        .collect();
    for i in by_id {
        let a = &articles[i];
        let base = std::mem::take(&mut bases[i]);
        let prefixes = if a.slug.is_some() {
            vec![base.as_str()]
        } else {
            title_prefixes(&base)
        };
        let free = prefixes.iter().find(|p| !taken.contains_key(**p));
        let slug = match free {
            Some(p) => p.to_string(),
            None => {
                let short = prefixes[0];
                let own = slugify(&a.id);
                let mut slug = format!("{short}-{}", cut_at_word(&own, OWN_BYTES));
                if taken.contains_key(&slug) {
                    slug = format!("{short}-{own}");
                }
                // The same title and file name in two folders: numbered, rare enough to count.
                let mut n = 2;
                while taken.contains_key(&slug) {
                    slug = format!("{short}-{own}-{n}");
                    n += 1;
                }
                warnings.push(Diagnostic::warning(
                    &a.path,
                    format!(
                        "its title makes the same URL as {} (/articles/{base}/): it is published at /articles/{slug}/; give one of them a distinct title (front matter `slug`)",
                        taken[&base]
                    ),
                ));
                slug
            }
        };
        taken.insert(slug.clone(), a.path.clone());
        slugs[i] = slug;
    }
    (slugs, warnings)
}

/// Related articles: those sharing speakers (weight 2) and topics (weight 1), looked for among
/// the nearest articles in time on each shared list, so the cost stays linear.
fn related_articles(
    count: usize,
    topics: &[Group],
    speakers: &BTreeMap<String, Group>,
) -> Vec<Vec<usize>> {
    // Position of each article within each list it belongs to.
    let mut memberships: Vec<Vec<(&[usize], usize, u32)>> = vec![Vec::new(); count];
    for (group, weight) in topics
        .iter()
        .map(|g| (g, 1))
        .chain(speakers.values().map(|g| (g, 2)))
    {
        for (pos, &a) in group.articles.iter().enumerate() {
            memberships[a].push((&group.articles, pos, weight));
        }
    }
    memberships
        .par_iter()
        .enumerate()
        .map_init(Vec::new, |seen: &mut Vec<(usize, u32)>, (me, lists)| {
            // Every neighbour with its weight, then summed per neighbour: a sort of a few
            // hundred pairs beats hashing each of them.
            seen.clear();
            for &(list, pos, weight) in lists {
                let lo = pos.saturating_sub(RELATED_WINDOW / 2);
                let hi = (pos + RELATED_WINDOW / 2 + 1).min(list.len());
                seen.extend(
                    list[lo..hi]
                        .iter()
                        .filter(|&&other| other != me)
                        .map(|&other| (other, weight)),
                );
            }
            seen.sort_unstable_by_key(|&(other, _)| other);
            let mut ranked: Vec<(usize, u32)> = Vec::with_capacity(seen.len());
            for &(other, weight) in seen.iter() {
                match ranked.last_mut() {
                    Some(last) if last.0 == other => last.1 += weight,
                    _ => ranked.push((other, weight)),
                }
            }
            ranked.sort_unstable_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(me.abs_diff(a.0).cmp(&me.abs_diff(b.0)))
                    .then(a.0.cmp(&b.0))
            });
            // Collected afresh, not in place: a vector collected from `ranked.into_iter()`
            // would keep `ranked`'s whole allocation (kilobytes per article at 100,000).
            ranked.iter().take(RELATED).map(|&(i, _)| i).collect()
        })
        .collect()
}

/// Groups reports of one statement: the same statement day, the same speakers, and the same
/// first quotation (or, without quotations, the same headline words). One pass with a hash map.
fn cluster_reports(articles: &[Held]) -> Vec<Vec<usize>> {
    type Key = (NaiveDate, Vec<String>, String);
    // Each article's key on its own, in parallel; then one pass groups equal keys.
    let keys: Vec<Option<Key>> = articles.par_iter().map(|a| statement_key(a)).collect();
    let mut groups: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, key) in keys.into_iter().enumerate() {
        if let Some(key) = key {
            groups.entry(key).or_default().push(i);
        }
    }
    let mut out = vec![Vec::new(); articles.len()];
    for members in groups.into_values().filter(|m| m.len() > 1) {
        for &i in &members {
            out[i] = members.iter().copied().filter(|&j| j != i).collect();
        }
    }
    out
}

/// What reports of one statement share: the statement day, the speakers, and the first
/// quotation's (or the headline's) first eight words; `None` if the article lacks one.
fn statement_key(a: &Article) -> Option<(NaiveDate, Vec<String>, String)> {
    let (Some(day), Some(speakers)) = (a.stated.value, a.speakers.value.as_ref()) else {
        return None;
    };
    let mut ids: Vec<String> = speakers.iter().map(|p| p.id.clone()).collect();
    ids.sort();
    let basis = a
        .quotes
        .first()
        .map(|q| q.text.as_str())
        .or(a.title.value.as_deref())
        .unwrap_or("");
    let words: Vec<String> = basis
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect();
    if words.len() < 4 {
        return None;
    }
    Some((day, ids, words.join(" ")))
}

/// Articles grouped by the year and month of their statement date; undated ones in a last
/// group with `year: None`.
#[derive(Debug, Clone, Serialize)]
pub struct YearGroup {
    /// The year, or `None` for undated articles.
    pub year: Option<i32>,
    /// Months in timeline order.
    pub months: Vec<MonthGroup>,
}

/// One month of a year.
#[derive(Debug, Clone, Serialize)]
pub struct MonthGroup {
    /// 1–12, or 0 for undated.
    pub month: u32,
    /// Articles in timeline order.
    pub articles: Vec<usize>,
}

/// Groups `indexes` (in timeline order) by statement year and month.
pub fn by_year_month(articles: &[Held], indexes: &[usize]) -> Vec<YearGroup> {
    let mut years: Vec<YearGroup> = Vec::new();
    for &i in indexes {
        let (year, month) = match articles[i].stated.value {
            Some(d) => (Some(d.year()), d.month()),
            None => (None, 0),
        };
        if years.last().is_none_or(|y| y.year != year) {
            years.push(YearGroup {
                year,
                months: Vec::new(),
            });
        }
        let y = years.last_mut().expect("just ensured");
        if y.months.last().is_none_or(|m| m.month != month) {
            y.months.push(MonthGroup {
                month,
                articles: Vec::new(),
            });
        }
        y.months.last_mut().expect("just ensured").articles.push(i);
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::infer::{InferContext, infer};
    use crate::knowledge::Knowledge;

    fn article(id: &str, title: &str) -> Held {
        let text = format!(
            "{title}\n\nTOKYO, May 4, 2018 (Kyodo) -- The foreign minister said on Friday that talks would continue.\n"
        );
        let doc = crate::clean::clean(format!("{id}.txt").into(), text.as_bytes());
        let topics = TopicMatcher::new(&[]);
        let cx = InferContext {
            kb: Knowledge::builtin(),
            topics: &topics,
            period: None,
            today: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
        };
        Held::whole(infer(&doc, &cx), 0)
    }

    fn group(slug: &str, articles: Vec<usize>) -> Group {
        Group {
            slug: slug.into(),
            name: slug.into(),
            description: String::new(),
            articles,
        }
    }

    #[test]
    fn related_articles_weigh_shared_speakers_over_shared_topics_then_nearness() {
        // 0..60 share a topic; 10, 30 and 50 also share a speaker.
        let topics = vec![group("trade", (0..60).collect())];
        let speakers: BTreeMap<String, Group> =
            [("lavrov".to_string(), group("lavrov", vec![10, 30, 50]))].into();
        let related = related_articles(60, &topics, &speakers);
        // The speaker's other articles first (3 points each, the nearer first), then the
        // topic's nearest neighbours (1 point), never the article itself.
        assert_eq!(related[30], [10, 50, 29, 31, 28]);
        assert_eq!(related[10], [30, 50, 9, 11, 8]);
        // Beyond the window along the topic's list, nothing is looked for: 0 is 59's
        // topic-mate, but 59 is 59 places away.
        assert!(!related[59].contains(&0));
        assert_eq!(related[59], [58, 57, 56, 55, 54]);
        // An article alone in its lists has none.
        let lone = related_articles(
            2,
            &[group("a", vec![0]), group("b", vec![1])],
            &BTreeMap::new(),
        );
        assert_eq!(lone, [Vec::<usize>::new(), Vec::new()]);
    }

    #[test]
    fn related_lists_hold_only_what_they_show() {
        // Every article of a long timeline keeps its related list for the whole build: each
        // must hold its five, not the memory of the hundreds of candidates scored.
        let topics: Vec<Group> = (0..6)
            .map(|t| group(&format!("t{t}"), (0..400).collect()))
            .collect();
        let related = related_articles(400, &topics, &BTreeMap::new());
        for list in &related {
            assert_eq!(list.len(), RELATED);
            assert!(list.capacity() <= RELATED, "capacity {}", list.capacity());
        }
    }

    #[test]
    fn colliding_titles_are_told_apart_by_file_name() {
        // The first in id order keeps the plain slug; the others add their own file name. A
        // title that makes another copy's slug is told apart in turn; the same title and
        // file name twice (two folders) are numbered.
        let articles = vec![
            article("kyodo-0222", "Talks resume"),
            article("ap-0221", "Talks resume"),
            article("notes", "Talks resume kyodo 0222"),
            article("xinhua-0222", "Talks resume"),
            article("xinhua-0222", "Talks resume"),
        ];
        let (slugs, warnings) = assign_slugs(&articles);
        assert_eq!(
            slugs,
            [
                "talks-resume-kyodo-0222",
                "talks-resume",
                "talks-resume-kyodo-0222-notes",
                "talks-resume-xinhua-0222",
                "talks-resume-xinhua-0222-2"
            ]
        );
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(warnings.iter().any(|w| {
            w.message
                .contains("/articles/talks-resume-kyodo-0222-notes/")
        }));
    }

    #[test]
    fn titles_that_start_alike_take_a_word_more_not_a_file_name() {
        let articles = vec![
            article(
                "a",
                "Argentine President urges progress on the peace treaty",
            ),
            article(
                "b",
                "Argentine President urges progress on the nuclear programme",
            ),
            article("c", "Argentine President urges progress"),
            article("d", "Talks on trade continue in Tokyo as planned"),
            article(
                "e000069_763c15cadd431d61",
                "Talks on trade continue in Tokyo",
            ),
        ];
        let (slugs, warnings) = assign_slugs(&articles);
        assert_eq!(
            slugs,
            [
                "argentine-president-urges-progress",
                "argentine-president-urges-progress-on-the-nuclear",
                "argentine-president-urges-progress-c",
                "talks-on-trade-continue-in-tokyo",
                "talks-on-trade-continue-in-tokyo-e000069",
            ]
        );
        // Only the copies of a whole title are warned about.
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn a_new_copy_of_a_common_title_leaves_the_other_slugs_as_they_were() {
        let titles = |ids: &[&str]| -> Vec<Held> {
            ids.iter()
                .map(|id| article(id, "Daily press briefing"))
                .collect()
        };
        let (before, _) = assign_slugs(&titles(&["b1", "b2", "b3", "b4"]));
        let (after, _) = assign_slugs(&titles(&["b1", "a0", "b2", "b3", "b4"]));
        // The new first copy takes the plain slug; b1 is told apart now; b2–b4 are unmoved.
        assert_eq!(after[0], "daily-press-briefing-b1");
        assert_eq!(after[1], "daily-press-briefing");
        assert_eq!(after[2..], before[1..]);
    }
}
