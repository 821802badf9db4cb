//! The built-in knowledge base: it parses, it is consistent, and lookups find what texts name.

use chrono::NaiveDate;
use communique::knowledge::{Knowledge, builtin_files, validate};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn built_in_data_parses_and_is_consistent() {
    let kb = Knowledge::from_files(builtin_files(), None).expect("knowledge files parse");
    let problems = validate(&kb);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_base_meets_its_coverage() {
    let kb = Knowledge::builtin();
    assert!(kb.outlets.len() >= 60, "{} outlets", kb.outlets.len());
    assert!(kb.people.len() >= 300, "{} people", kb.people.len());
    assert!(kb.events.len() >= 200, "{} events", kb.events.len());
}

#[test]
fn every_person_is_found_by_each_of_their_names_in_running_text() {
    let kb = Knowledge::builtin();
    for (i, person) in kb.people.iter().enumerate() {
        for name in std::iter::once(&person.name).chain(&person.variants) {
            let text = format!("On Monday, {name} said talks would go on.");
            let found = kb.find_people(&text);
            assert!(
                found.iter().any(|m| m.person == i),
                "{} not found by {name:?}: {found:?}",
                person.id
            );
        }
    }
}

#[test]
fn every_event_is_found_by_its_series_and_place() {
    let kb = Knowledge::builtin();
    for (i, event) in kb.events.iter().enumerate() {
        let series = kb.series.iter().find(|s| s.id == event.series).unwrap();
        if event.place == "virtual" {
            continue;
        }
        let text = format!("He spoke at the {} in {}.", series.aliases[0], event.place);
        let found = kb.find_events(&text);
        assert!(
            found.iter().any(|m| m.candidates.contains(&i)),
            "{} not found by {text:?}",
            event.id
        );
    }
}

#[test]
fn who_held_an_office_on_a_day() {
    let kb = Knowledge::builtin();
    let names = |ids: Vec<usize>| {
        ids.into_iter()
            .map(|i| kb.people[i].name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(kb.holders("foreign-minister", "JP", day("2019-11-23"))),
        vec!["Toshimitsu Motegi"]
    );
    assert_eq!(
        names(kb.holders("foreign-minister", "JP", day("2019-01-14"))),
        vec!["Taro Kono"]
    );
    assert_eq!(
        names(kb.holders("foreign-minister", "RU", day("2020-09-01"))),
        vec!["Sergey Lavrov"]
    );
    assert_eq!(
        names(kb.holders("head-of-government", "JP", day("2018-03-17"))),
        vec!["Shinzo Abe"]
    );
}

#[test]
fn name_variants_and_surnames_resolve_to_one_person() {
    let kb = Knowledge::builtin();
    let lavrov = kb.person_by_name("Sergey Lavrov").unwrap();
    assert_eq!(kb.person_by_name("Sergei Lavrov"), Some(lavrov));
    let text =
        "Russian Foreign Minister Sergei Lavrov met reporters. Lavrov said the talks went well.";
    let found = kb.find_people(text);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|m| m.person == lavrov));
    assert!(found[1].surname_only);
    let role = found[0].role.as_ref().unwrap();
    assert_eq!(kb.offices[role.office].id, "foreign-minister");
    assert_eq!(kb.countries[role.country.unwrap()].code, "RU");
}

#[test]
fn a_middle_initial_the_base_leaves_out_still_names_the_person() {
    let kb = Knowledge::builtin();
    let lavrov = kb.person_by_name("Sergey Lavrov").unwrap();
    for text in [
        "Foreign Minister Sergey V Lavrov met reporters on Monday.",
        "Foreign Minister Sergey V. Lavrov met reporters on Monday.",
        "Foreign Minister Sergey VV Lavrov met reporters on Monday.",
    ] {
        let found = kb.find_people(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].person, lavrov);
        assert!(!found[0].surname_only);
        let span = &text[found[0].start..found[0].end];
        assert!(
            span.starts_with("Sergey ") && span.ends_with(" Lavrov"),
            "{span}"
        );
    }
    // Another given name, or a word that is no initial, names no one.
    for text in [
        "Foreign Minister Ivan V Lavrov met reporters on Monday.",
        "Foreign Minister Sergey Van Lavrov met reporters on Monday.",
    ] {
        assert!(kb.find_people(text).is_empty(), "{text}");
    }
}

#[test]
fn a_surname_alone_is_not_resolved_without_a_full_mention() {
    let kb = Knowledge::builtin();
    assert!(
        kb.find_people("Lavrov said the talks went well.")
            .is_empty()
    );
}

#[test]
fn outlets_by_mark_host_and_name() {
    let kb = Knowledge::builtin();
    let marks = kb.find_outlet_marks("MOSCOW, January 14. /TASS/. Russia calls for");
    assert_eq!(kb.outlets[marks[0].0].name, "TASS");
    assert_eq!(
        kb.outlets[kb.outlet_by_host("tass.com").unwrap()].name,
        "TASS"
    );
    assert_eq!(
        kb.outlets[kb.outlet_by_host("www.tass.com").unwrap()].name,
        "TASS"
    );
    assert_eq!(
        kb.outlets[kb.outlet_by_name("Russian News Agency").unwrap()].name,
        "TASS"
    );
    assert_eq!(
        kb.outlets[kb.outlet_by_name("Jiji Press").unwrap()].name,
        "Jiji Press"
    );
}

#[test]
fn official_sites_are_found_by_their_hosts_and_their_subdomains() {
    let kb = Knowledge::builtin();
    let by_host = |h: &str| kb.outlet_by_host(h).map(|id| kb.outlets[id].id.as_str());
    // A ministry's host covers its embassies' subdomains.
    assert_eq!(by_host("sofia.mfa.gov.az"), Some("mfa-az"));
    assert_eq!(by_host("www.mfa.gov.kg"), Some("mfa-kg"));
    assert_eq!(by_host("us.china-embassy.gov.cn"), Some("mfa-china"));
    assert_eq!(by_host("washington.diplo.de"), Some("auswaertiges-amt"));
    assert_eq!(by_host("www.us.emb-japan.go.jp"), Some("mofa-japan"));
    // The most specific host wins.
    assert_eq!(by_host("news.un.org"), Some("un-news"));
    assert_eq!(by_host("press.un.org"), Some("united-nations"));
    assert_eq!(by_host("www.un.org"), Some("united-nations"));
    // A host a whole government shares names no one office.
    for shared in [
        "www.gov.uk",
        "www.gov.kz",
        "www.gov.br",
        "ec.gov.pl",
        "www.admin.ch",
        "europa.eu",
    ] {
        assert_eq!(by_host(shared), None, "{shared}");
    }
    let kind = |name: &str| {
        kb.outlet_by_name(name)
            .map(|id| kb.outlets[id].kind.as_str())
    };
    assert_eq!(kind("Kazakh Foreign Ministry"), Some("ministry"));
    assert_eq!(kind("MFA of Kazakhstan"), Some("ministry"));
    assert_eq!(kind("African Union Commission"), Some("institution"));
    // A phrase that names many ministries names none.
    assert_eq!(kind("Foreign Ministry"), None);
    assert_eq!(
        kind("Ministry of Foreign Affairs and International Cooperation"),
        None
    );
}

#[test]
fn an_outlets_kind_must_be_one_the_base_knows() {
    let outlet = |kind: &str| {
        format!(
            "[[outlet]]\nid = \"test-body\"\nname = \"Test Body\"\nkind = \"{kind}\"\ncountry = \"INT\"\nsource = \"me\"\n"
        )
    };
    assert!(problems_with(&outlet("institution")).is_empty());
    let problems = problems_with(&outlet("institute"));
    assert!(
        problems.iter().any(|p| p.contains("unknown kind")),
        "{problems:?}"
    );
}

#[test]
fn events_are_narrowed_by_the_place_named() {
    let kb = Knowledge::builtin();
    let found = kb.find_events("the results of a G20 Foreign Ministers' meeting in Nagoya, Japan");
    assert_eq!(found.len(), 1);
    assert!(found[0].place_matched);
    assert_eq!(found[0].candidates.len(), 1);
    let event = &kb.events[found[0].candidates[0]];
    assert_eq!(
        (event.start, event.end),
        (day("2019-11-22"), Some(day("2019-11-23")))
    );
}

#[test]
fn config_additions_replace_built_in_entries_by_id() {
    let extra: communique::knowledge::KnowledgeFile = toml::from_str(
        "[[outlet]]\nid = \"tass\"\nname = \"TASS (custom)\"\nkind = \"agency\"\ncountry = \"RU\"\nsource = \"me\"\n",
    )
    .unwrap();
    let kb = Knowledge::from_files(builtin_files(), Some(&extra)).unwrap();
    assert_eq!(kb.outlets.iter().filter(|o| o.id == "tass").count(), 1);
    assert_eq!(
        kb.outlets[kb.outlet_by_id("tass").unwrap()].name,
        "TASS (custom)"
    );
}

/// The built-in files plus `people` (TOML `[[person]]` entries), validated.
fn problems_with(people: &str) -> Vec<String> {
    let extra: communique::knowledge::KnowledgeFile = toml::from_str(people).unwrap();
    let kb = Knowledge::from_files(builtin_files(), Some(&extra)).unwrap();
    validate(&kb)
}

fn spokesperson(
    id: &str,
    country: &str,
    start: &str,
    end: Option<&str>,
    concurrent: bool,
) -> String {
    let end = end.map_or(String::new(), |e| format!("end = {e}\n"));
    format!(
        "[[person]]\nid = \"{id}\"\nname = \"Test {id}\"\nsurname = \"{id}\"\ncountry = \"{country}\"\n\
         source = \"test\"\n\n[[person.office]]\noffice = \"foreign-ministry-spokesperson\"\n\
         country = \"{country}\"\ntitle = \"Spokesperson\"\nstart = {start}\n{end}\
         concurrent = {concurrent}\n\n"
    )
}

#[test]
fn a_single_holder_spokesperson_office_rejects_overlaps() {
    // Russia's office has one holder: a second spokesperson over Zakharova's tenure is an error.
    let problems = problems_with(&spokesperson(
        "zz-one",
        "RU",
        "2020-01-01",
        Some("2020-06-30"),
        false,
    ));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("foreign-ministry-spokesperson of RU") && p.contains("zz-one")),
        "{problems:?}"
    );
    // Marking only the newcomer concurrent is not enough: both tenures must say so.
    let problems = problems_with(&spokesperson(
        "zz-one",
        "RU",
        "2020-01-01",
        Some("2020-06-30"),
        true,
    ));
    assert!(
        problems.iter().any(|p| p.contains("zz-one")),
        "{problems:?}"
    );
}

#[test]
fn concurrent_tenures_may_overlap_and_others_are_still_checked() {
    // China's spokespeople serve at once: a concurrent newcomer is fine.
    let problems = problems_with(&spokesperson("zz-two", "CN", "2021-01-01", None, true));
    assert!(problems.is_empty(), "{problems:?}");
    // One not marked concurrent is reported against every holder it overlaps, even holders that
    // are not its neighbours in start order.
    let problems = problems_with(&spokesperson(
        "zz-three",
        "CN",
        "2021-01-01",
        Some("2021-02-01"),
        false,
    ));
    for holder in ["hua-chunying", "wang-wenbin", "zhao-lijian"] {
        assert!(
            problems
                .iter()
                .any(|p| p.contains(holder) && p.contains("zz-three")),
            "{holder}: {problems:?}"
        );
    }
    // A hand-over day may be shared between single holders (Nesterenko from 2008-05-22; the
    // weeks before him after Kamynin, removed in April 2008, are a gap in the data).
    let problems = problems_with(&spokesperson(
        "zz-four",
        "RU",
        "2008-05-01",
        Some("2008-05-22"),
        false,
    ));
    assert!(problems.is_empty(), "{problems:?}");
}
