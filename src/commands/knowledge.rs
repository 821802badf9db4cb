//! `communique knowledge`: what the knowledge base holds, and queries against it, so users can
//! check it and see what to add.

use std::io::Write;

use chrono::NaiveDate;

use crate::knowledge::{Coverage, Knowledge};

/// Runs a query; returns false when it found nothing or was malformed.
pub fn run(query: &[String], out: &mut dyn Write) -> anyhow::Result<bool> {
    let kb = Knowledge::builtin();
    match query.first().map(String::as_str) {
        None => {
            writeln!(out, "The built-in knowledge base holds:")?;
            for (kind, n) in kb.counts() {
                writeln!(out, "  {n:>6} {kind}")?;
            }
            let verified = kb.people.iter().filter(|p| p.verified).count()
                + kb.events.iter().filter(|e| e.verified).count()
                + kb.outlets.iter().filter(|o| o.verified).count();
            writeln!(
                out,
                "  {verified:>6} entries checked against their source when written"
            )?;
            writeln!(
                out,
                "Queries: who OFFICE COUNTRY DATE · person NAME · events PHRASE · outlet NAME"
            )?;
            Ok(true)
        }
        Some("who") if query.len() == 4 => {
            let offices: Vec<String> = kb
                .offices_for_words(&query[1])
                .into_iter()
                .map(|o| kb.offices[o].id.clone())
                .collect();
            let offices = if offices.is_empty() {
                vec![query[1].clone()]
            } else {
                offices
            };
            let country = kb
                .country_by_word(&query[2])
                .map(|c| kb.countries[c].code.clone())
                .unwrap_or_else(|| query[2].to_uppercase());
            let day = NaiveDate::parse_from_str(&query[3], "%Y-%m-%d")
                .map_err(|_| anyhow::anyhow!("{:?} is not a date like 2019-11-23", query[3]))?;
            let mut any = false;
            for office in &offices {
                any |= holders_of(kb, office, &country, day, out)?;
            }
            if !any {
                let known: Vec<&str> = kb.offices.iter().map(|o| o.id.as_str()).collect();
                writeln!(
                    out,
                    "Nobody known held {} of {country} on {day}. Offices the base knows: {}.",
                    offices.join(" or "),
                    known.join(", ")
                )?;
            }
            Ok(any)
        }
        Some("person") if query.len() >= 2 => {
            let name = query[1..].join(" ");
            let Some(p) = kb.person_by_name(&name) else {
                writeln!(out, "No person known as {name:?}.")?;
                return Ok(false);
            };
            let person = &kb.people[p];
            writeln!(
                out,
                "{} ({}), also {:?}  [source: {}]",
                person.name, person.country, person.variants, person.source
            )?;
            for t in &person.offices {
                let end = t.end.map_or("present".to_string(), |d| d.phrase());
                writeln!(
                    out,
                    "  {} ({}) {} to {}",
                    t.title,
                    t.country,
                    t.start.phrase(),
                    end
                )?;
            }
            Ok(true)
        }
        Some("events") if query.len() >= 2 => {
            let phrase = query[1..].join(" ");
            let found = kb.events_matching(&phrase);
            for &e in &found {
                let event = &kb.events[e];
                let end = event.end.map_or(String::new(), |d| format!(" to {d}"));
                writeln!(
                    out,
                    "{} — {}, {}{}  [source: {}]",
                    event.name, event.place, event.start, end, event.source
                )?;
            }
            if found.is_empty() {
                writeln!(out, "No meeting matches {phrase:?}.")?;
            }
            Ok(!found.is_empty())
        }
        Some("outlet") if query.len() >= 2 => {
            let name = query[1..].join(" ");
            let Some(o) = kb
                .outlet_by_name(&name)
                .or_else(|| kb.outlet_by_host(&name))
            else {
                writeln!(out, "No outlet known as {name:?}.")?;
                return Ok(false);
            };
            let outlet = &kb.outlets[o];
            writeln!(
                out,
                "{} — {} ({}); aliases {:?}; hosts {:?}; marks {:?}  [source: {}]",
                outlet.name,
                outlet.kind,
                outlet.country,
                outlet.aliases,
                outlet.hosts,
                outlet.dateline_marks,
                outlet.source
            )?;
            Ok(true)
        }
        Some(other) => {
            writeln!(
                out,
                "Unknown or incomplete query {other:?}: use who OFFICE COUNTRY DATE, person NAME, events PHRASE or outlet NAME."
            )?;
            Ok(false)
        }
    }
}

/// Prints who held `office` of `country` on `day`; false when nobody known did.
fn holders_of(
    kb: &Knowledge,
    office: &str,
    country: &str,
    day: NaiveDate,
    out: &mut dyn Write,
) -> anyhow::Result<bool> {
    let certain = kb.holders(office, country, day);
    let possible = kb.possible_holders(office, country, day);
    if certain.is_empty() && possible.is_empty() {
        return Ok(false);
    }
    for p in certain.into_iter().chain(possible) {
        let person = &kb.people[p];
        for (t, coverage) in kb
            .offices_on(p, day)
            .into_iter()
            .filter(|(t, _)| t.office == office && t.country == country)
        {
            let end = t.end.map_or("present".to_string(), |d| d.phrase());
            let hedge = if coverage == Coverage::Possible {
                "  (possibly: a boundary is not known to the day)"
            } else {
                ""
            };
            writeln!(
                out,
                "{} — {} ({}), {} to {}{hedge}  [source: {}]",
                person.name,
                t.title,
                t.country,
                t.start.phrase(),
                end,
                person.source
            )?;
        }
    }
    Ok(true)
}
