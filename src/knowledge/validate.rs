//! Consistency checks over knowledge data, run by the test suite on the built-in files and by
//! `communique check` on a site's additions.

use std::collections::HashMap;

use super::{Knowledge, Tenure};

const SERIES_KINDS: &[&str] = &[
    "summit",
    "ministerial",
    "visit",
    "forum",
    "assembly",
    "conference",
];
const OUTLET_KINDS: &[&str] = &[
    "agency",
    "newspaper",
    "broadcaster",
    "ministry",
    "institution",
    "aggregator",
    "magazine",
    "online",
];

/// Every inconsistency in `kb`, one sentence each naming the entry; empty when all is well.
pub fn validate(kb: &Knowledge) -> Vec<String> {
    let mut problems = Vec::new();
    let mut unique = |kind: &str, ids: Vec<&str>| {
        let mut seen = HashMap::new();
        for id in ids {
            if seen.insert(id.to_string(), ()).is_some() {
                problems.push(format!("{kind} id {id:?} is used twice"));
            }
        }
    };
    unique(
        "country",
        kb.countries.iter().map(|c| c.code.as_str()).collect(),
    );
    unique("office", kb.offices.iter().map(|o| o.id.as_str()).collect());
    unique("person", kb.people.iter().map(|p| p.id.as_str()).collect());
    unique("series", kb.series.iter().map(|s| s.id.as_str()).collect());
    unique("event", kb.events.iter().map(|e| e.id.as_str()).collect());
    unique("outlet", kb.outlets.iter().map(|o| o.id.as_str()).collect());

    // A given name marks one of the country's own words.
    for c in &kb.countries {
        for g in &c.given_names {
            if !std::iter::once(&c.name)
                .chain(&c.adjectives)
                .chain(&c.aliases)
                .any(|w| w == g)
            {
                problems.push(format!(
                    "country {}: given name {g:?} is not one of its words",
                    c.code
                ));
            }
        }
    }

    let country_known = |code: &str| kb.countries.iter().any(|c| c.code == code);
    let office_known = |id: &str| kb.offices.iter().any(|o| o.id == id);

    // People: tenures well formed, names resolve to their owner.
    let mut by_office: HashMap<(&str, &str), Vec<(usize, usize)>> = HashMap::new();
    for (pi, person) in kb.people.iter().enumerate() {
        if !country_known(&person.country) {
            problems.push(format!(
                "person {}: unknown country {:?}",
                person.id, person.country
            ));
        }
        for name in std::iter::once(&person.name).chain(&person.variants) {
            match kb.person_by_name(name) {
                Some(found) if found == pi => {}
                Some(found) => problems.push(format!(
                    "person {}: name {name:?} already names {}",
                    person.id, kb.people[found].id
                )),
                None => problems.push(format!(
                    "person {}: name {name:?} is not indexed",
                    person.id
                )),
            }
        }
        for (ti, tenure) in person.offices.iter().enumerate() {
            if !office_known(&tenure.office) {
                problems.push(format!(
                    "person {}: unknown office {:?}",
                    person.id, tenure.office
                ));
            }
            if !country_known(&tenure.country) {
                problems.push(format!(
                    "person {}: unknown office country {:?}",
                    person.id, tenure.country
                ));
            }
            // Only impossible once every day the boundaries can be is considered.
            if tenure
                .end
                .is_some_and(|end| end.latest() < tenure.start.earliest())
            {
                problems.push(format!(
                    "person {}: {} ends before it starts",
                    person.id, tenure.office
                ));
            }
            by_office
                .entry((tenure.office.as_str(), tenure.country.as_str()))
                .or_default()
                .push((pi, ti));
        }
    }
    // One holder at a time, unless both tenures are marked `concurrent`. Every pair is compared:
    // a long concurrent tenure can overlap a later one that its neighbours do not.
    let mut offices: Vec<_> = by_office.into_iter().collect();
    offices.sort();
    for ((office, country), mut holders) in offices {
        holders.sort_by_key(|&(p, t)| kb.people[p].offices[t].start.earliest());
        for (i, &a) in holders.iter().enumerate() {
            for &b in &holders[i + 1..] {
                if a.0 == b.0 {
                    continue; // one person's consecutive terms
                }
                let first = &kb.people[a.0].offices[a.1];
                let second = &kb.people[b.0].offices[b.1];
                if !first.concurrent || !second.concurrent {
                    if let Some(problem) = overlap(first, second) {
                        problems.push(format!(
                            "{office} of {country}: {} ({}–{}) overlaps {} (from {}): {problem}; \
                             a hand-over day may be shared, and tenures of an office with several \
                             holders at once are marked `concurrent = true`",
                            kb.people[a.0].id,
                            first.start,
                            first.end.map_or("".into(), |d| d.to_string()),
                            kb.people[b.0].id,
                            second.start
                        ));
                    }
                }
            }
        }
    }

    // Events.
    for series in &kb.series {
        if !SERIES_KINDS.contains(&series.kind.as_str()) {
            problems.push(format!(
                "series {}: unknown kind {:?}",
                series.id, series.kind
            ));
        }
        if let Some(n) = &series.numbered {
            let ascending = n
                .anchors
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1);
            if n.anchors.is_empty() || !ascending || n.per_year == 0 || n.every == 0 {
                problems.push(format!(
                    "series {}: `numbered` needs anchors as [number, year] in ascending order, and per_year and every of 1 or more",
                    series.id
                ));
            }
        }
    }
    for event in &kb.events {
        if !kb.series.iter().any(|s| s.id == event.series) {
            problems.push(format!(
                "event {}: unknown series {:?}",
                event.id, event.series
            ));
        }
        if event.end.is_some_and(|end| end < event.start) {
            problems.push(format!("event {}: ends before it starts", event.id));
        }
        if !country_known(&event.country) {
            problems.push(format!(
                "event {}: unknown country {:?}",
                event.id, event.country
            ));
        }
    }

    // Outlets: every name, host and mark points to one outlet.
    let mut names: HashMap<String, &str> = HashMap::new();
    for outlet in &kb.outlets {
        if !OUTLET_KINDS.contains(&outlet.kind.as_str()) {
            problems.push(format!(
                "outlet {}: unknown kind {:?}",
                outlet.id, outlet.kind
            ));
        }
        // Names keyed as lookup keys them (`index::norm`, and without a leading "The"): two
        // names that differ only in case, punctuation at their ends or the article would
        // otherwise pass here while lookup silently gave the first.
        let keys = std::iter::once(&outlet.name)
            .chain(&outlet.aliases)
            .flat_map(|n| {
                let bare = n.strip_prefix("The ").map(super::index::norm);
                std::iter::once(super::index::norm(n)).chain(bare)
            })
            .map(|n| format!("name {n}"))
            .chain(
                outlet
                    .hosts
                    .iter()
                    .map(|h| format!("host {}", h.to_lowercase())),
            )
            .chain(outlet.dateline_marks.iter().map(|m| format!("mark {m}")));
        for key in keys {
            if let Some(other) = names.insert(key.clone(), &outlet.id) {
                if other != outlet.id {
                    problems.push(format!(
                        "outlet {}: {key} also belongs to {other}",
                        outlet.id
                    ));
                }
            }
        }
    }
    problems
}

/// Why two tenures of one office cannot follow each other, or `None` when they can: one may end
/// on or before the day the other starts, for some of the days their boundaries can be. Two
/// successive holders whose hand-over is known only to the month ("2005-07" and "2005-07"), or
/// only between days that leave room for it, are consistent; a boundary known to the day is held
/// to that day. Only tenures that overlap however their boundaries resolve are flagged.
fn overlap(a: &Tenure, b: &Tenure) -> Option<&'static str> {
    let before =
        |x: &Tenure, y: &Tenure| x.end.is_some_and(|end| end.earliest() <= y.start.latest());
    if before(a, b) || before(b, a) {
        None
    } else if a.end.is_none() && b.end.is_none() {
        Some("both are still in office")
    } else {
        Some("neither can have ended before the other began")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A boundary as TOML: a range table as given, anything else quoted.
    fn value(boundary: &str) -> String {
        if boundary.starts_with('{') {
            boundary.to_string()
        } else {
            format!("{boundary:?}")
        }
    }

    /// A knowledge base of one office held by `holders` (id, start, end) in turn.
    fn kb(holders: &[(&str, &str, Option<&str>)]) -> Knowledge {
        let mut text = String::from(
            "[[country]]\ncode = \"JP\"\nname = \"Japan\"\n\
             [[office]]\nid = \"foreign-ministry-spokesperson\"\nphrases = [\"press secretary\"]\n",
        );
        for (id, start, end) in holders {
            text.push_str(&format!(
                "[[person]]\nid = \"{id}\"\nname = \"{id} Name\"\nsurname = \"{id}\"\n\
                 country = \"JP\"\nsource = \"test\"\n[[person.office]]\n\
                 office = \"foreign-ministry-spokesperson\"\ncountry = \"JP\"\n\
                 title = \"Press Secretary\"\nstart = {}\n",
                value(start)
            ));
            if let Some(end) = end {
                text.push_str(&format!("end = {}\n", value(end)));
            }
        }
        Knowledge::from_files(&[("test.toml", &text)], None).unwrap()
    }

    #[test]
    fn outlet_names_that_lookup_reads_alike_belong_to_one_outlet() {
        let outlets = |a: &str, b: &str| {
            let text = format!(
                "[[outlet]]\nid = \"a\"\nname = \"{a}\"\nkind = \"newspaper\"\ncountry = \"JP\"\nsource = \"test\"\n\n\
                 [[outlet]]\nid = \"b\"\nname = \"{b}\"\nkind = \"newspaper\"\ncountry = \"JP\"\nsource = \"test\"\n"
            );
            validate(&Knowledge::from_files(&[("test.toml", &text)], None).unwrap())
        };
        for (a, b) in [
            ("The Harbour Times", "Harbour Times"),
            ("Harbour Times.", "harbour times"),
            ("Harbour Times", "Harbour  Times"),
        ] {
            let problems = outlets(a, b);
            assert_eq!(problems.len(), 1, "{a} / {b}: {problems:?}");
            assert!(problems[0].contains("also belongs to a"), "{problems:?}");
        }
        assert_eq!(
            outlets("Harbour Times", "Harbour Post"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_shared_uncertain_month_is_a_hand_over() {
        let kb = kb(&[
            ("a", "2002-08", Some("2005-07")),
            ("b", "2005-07", Some("2006")),
            ("c", "2006-08-01", None),
        ]);
        assert_eq!(validate(&kb), Vec::<String>::new());
    }

    #[test]
    fn an_exact_day_still_holds_its_neighbour_to_it() {
        // b's start is known to the day; a's end month lies wholly after it.
        let kb = kb(&[("a", "2002-08", Some("2005-08")), ("b", "2005-07-15", None)]);
        let problems = validate(&kb);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("a (2002-08–2005-08) overlaps b (from 2005-07-15)"));
    }

    #[test]
    fn exact_days_keep_the_old_rule() {
        let shared = kb(&[
            ("a", "2013-06-28", Some("2015-01-22")),
            ("b", "2015-01-22", None),
        ]);
        assert!(validate(&shared).is_empty());
        let overlapping = kb(&[
            ("a", "2013-06-28", Some("2015-01-23")),
            ("b", "2015-01-22", None),
        ]);
        assert_eq!(validate(&overlapping).len(), 1);
        let both_open = kb(&[("a", "2013", None), ("b", "2015", None)]);
        assert!(validate(&both_open)[0].contains("both are still in office"));
    }

    #[test]
    fn an_end_before_the_start_is_judged_on_every_day_it_can_be() {
        assert!(validate(&kb(&[("a", "2005-07-20", Some("2005-07"))])).is_empty());
        let problems = validate(&kb(&[("a", "2005-07", Some("2005-06"))]));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("ends before it starts"));
    }

    #[test]
    fn ranges_are_flagged_only_when_they_certainly_overlap() {
        // a still in office on 2000-09-19; b first seen in office on 2001-02-02; a's successor b
        // may have started on any day between: consistent.
        let kb1 = kb(&[
            (
                "a",
                "{ latest = 1999-02-19 }",
                Some("{ earliest = 2000-02-08, latest = 2000-09-19 }"),
            ),
            (
                "b",
                "{ earliest = 2000-09-19, latest = 2001-02-02 }",
                Some("{ earliest = 2002-01-08 }"),
            ),
            ("c", "2002-08", Some("2005-07")),
        ]);
        assert_eq!(validate(&kb1), Vec::<String>::new());
        // An end known only as "on or after" a day cannot overlap a later start for certain.
        let open = kb(&[
            ("a", "2006", Some("{ earliest = 2007-03-20 }")),
            ("b", "2010", None),
        ]);
        assert_eq!(validate(&open), Vec::<String>::new());
        // But it certainly overlaps a holder who started before that day.
        let clash = kb(&[
            ("a", "2006", Some("{ earliest = 2007-03-20 }")),
            ("b", "2007-01", None),
        ]);
        let problems = validate(&clash);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("a (2006–{ earliest = 2007-03-20 }) overlaps b (from 2007-01)"),
            "{problems:?}"
        );
        // A range start wholly before a holder's certain end.
        let early = kb(&[
            ("a", "2000", Some("2002-06-30")),
            ("b", "{ earliest = 2001-01-01, latest = 2002-03-01 }", None),
        ]);
        assert_eq!(validate(&early).len(), 1);
        // An end that cannot come before a range start.
        let backwards = kb(&[(
            "a",
            "{ earliest = 2005-01-01, latest = 2005-06-30 }",
            Some("{ latest = 2004-12-31 }"),
        )]);
        assert!(validate(&backwards)[0].contains("ends before it starts"));
    }
}
