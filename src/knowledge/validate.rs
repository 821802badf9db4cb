//! Consistency checks over knowledge data, run by the test suite on the built-in files and by
//! `communique check` on a site's additions.

use std::collections::HashMap;

use super::Knowledge;

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
            if tenure.end.is_some_and(|end| end < tenure.start) {
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
        holders.sort_by_key(|&(p, t)| kb.people[p].offices[t].start);
        for (i, &a) in holders.iter().enumerate() {
            for &b in &holders[i + 1..] {
                if a.0 == b.0 {
                    continue; // one person's consecutive terms
                }
                let first = &kb.people[a.0].offices[a.1];
                let second = &kb.people[b.0].offices[b.1];
                let overlaps = first.end.is_none_or(|end| end > second.start);
                if overlaps && !(first.concurrent && second.concurrent) {
                    problems.push(format!(
                        "{office} of {country}: {} ({}–{}) overlaps {} (from {}); a hand-over day \
                         may be shared, and tenures of an office with several holders at once are \
                         marked `concurrent = true`",
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

    // Events.
    for series in &kb.series {
        if !SERIES_KINDS.contains(&series.kind.as_str()) {
            problems.push(format!(
                "series {}: unknown kind {:?}",
                series.id, series.kind
            ));
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
        let keys = std::iter::once(&outlet.name)
            .chain(&outlet.aliases)
            .map(|n| format!("name {}", n.to_lowercase()))
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
