//! The five seed articles must get their publication date, statement date and dateline place
//! from general rules and a small knowledge fixture holding only the facts those rules use
//! (tenures of Lavrov, Kono and Motegi; the G20 meetings in Nagoya and Osaka).

use chrono::NaiveDate;
use communique::clean::clean_str;
use communique::infer::{DateFacts, infer_dates};
use communique::knowledge::Knowledge;

const FIXTURE: &str = r#"
[[country]]
code = "RU"
name = "Russia"
adjectives = ["Russian"]
aliases = ["Moscow"]

[[country]]
code = "JP"
name = "Japan"
adjectives = ["Japanese"]
aliases = ["Tokyo"]

[[office]]
id = "foreign-minister"
phrases = ["foreign minister", "top diplomat"]

[[person]]
id = "sergey-lavrov"
name = "Sergey Lavrov"
variants = ["Sergei Lavrov"]
surname = "Lavrov"
country = "RU"
source = "Wikipedia: Sergey Lavrov"

[[person.office]]
office = "foreign-minister"
country = "RU"
title = "Minister of Foreign Affairs"
start = 2004-03-09

[[person]]
id = "taro-kono"
name = "Taro Kono"
surname = "Kono"
country = "JP"
source = "Wikipedia: Taro Kono"

[[person.office]]
office = "foreign-minister"
country = "JP"
title = "Minister for Foreign Affairs"
start = 2017-08-03
end = 2019-09-11

[[person]]
id = "toshimitsu-motegi"
name = "Toshimitsu Motegi"
surname = "Motegi"
country = "JP"
source = "Wikipedia: Toshimitsu Motegi"

[[person.office]]
office = "foreign-minister"
country = "JP"
title = "Minister for Foreign Affairs"
start = 2019-09-11
end = 2021-11-04

[[series]]
id = "g20-summit"
name = "G20 Leaders' Summit"
kind = "summit"
aliases = ["G20 summit"]

[[series]]
id = "g20-foreign-ministers"
name = "G20 Foreign Ministers' Meeting"
kind = "ministerial"
aliases = ["G20 Foreign Ministers' meeting"]

[[event]]
id = "g20-summit-2019-osaka"
series = "g20-summit"
name = "G20 Leaders' Summit, Osaka 2019"
place = "Osaka"
country = "JP"
start = 2019-06-28
end = 2019-06-29
source = "Wikipedia: 2019 G20 Osaka summit"

[[event]]
id = "g20-foreign-ministers-2019-nagoya"
series = "g20-foreign-ministers"
name = "G20 Foreign Ministers' Meeting, Nagoya 2019"
place = "Nagoya"
country = "JP"
start = 2019-11-22
end = 2019-11-23
source = "Wikipedia: 2019 G20 Osaka summit"
"#;

fn kb() -> Knowledge {
    Knowledge::from_files(&[("fixture.toml", FIXTURE)], None).expect("fixture parses")
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn facts(name: &str, text: &str, kb: &Knowledge) -> DateFacts {
    let doc = clean_str(name, text);
    infer_dates(&doc, kb, None, day("2025-01-01"))
}

fn check(
    name: &str,
    text: &str,
    published: Option<&str>,
    stated: &str,
    place: Option<&str>,
) -> DateFacts {
    let f = facts(name, text, &kb());
    assert_eq!(
        f.published.value,
        published.map(day),
        "{name}: published {:#?}",
        f.published
    );
    assert_eq!(
        f.stated.value,
        Some(day(stated)),
        "{name}: stated {:#?}",
        f.stated
    );
    assert_eq!(
        f.dateline.value.as_deref(),
        place,
        "{name}: dateline {:#?}",
        f.dateline
    );
    f
}

fn rules(f: &communique::infer::Inferred<NaiveDate>) -> Vec<&str> {
    f.evidence.iter().map(|e| e.rule.as_ref()).collect()
}

#[test]
fn seed_000_date_header_and_tuesday() {
    let f = check(
        "000.txt",
        include_str!("../content/000_bb0cd01395c66a6d.txt"),
        Some("2020-09-01"),
        "2020-09-01",
        Some("Moscow"),
    );
    assert_eq!(rules(&f.published), ["date.header"]);
    assert_eq!(rules(&f.stated), ["date.weekday-before-anchor"]);
}

#[test]
fn seed_001_numeric_date_line_and_thursday_before() {
    let f = check(
        "001.txt",
        include_str!("../content/001_2137f8a269427b0b.txt"),
        Some("2019-02-22"),
        "2019-02-21",
        None,
    );
    assert!(f.published.confidence >= 0.9);
    assert!(f.stated.confidence >= 0.8);
}

#[test]
fn seed_002_yearless_dateline_gets_its_year_from_the_text() {
    let f = check(
        "002.txt",
        include_str!("../content/002_4880c129a00f1001.txt"),
        Some("2019-01-14"),
        "2019-01-14",
        Some("Moscow"),
    );
    let r = rules(&f.published);
    for want in [
        "date.dateline",
        "year.weekday",
        "year.past-mention",
        "year.future-mention",
        "year.tenure",
        "year.event",
    ] {
        assert!(r.contains(&want), "missing {want} in {r:?}");
    }
    assert!(
        f.published.evidence.iter().any(|e| e
            .note
            .contains("Taro Kono was Japan's foreign minister from 2017-08-03 to 2019-09-11")),
        "{:#?}",
        f.published.evidence
    );
    assert!(f.published.confidence > 0.8, "{}", f.published.confidence);
}

#[test]
fn seed_002_without_knowledge_still_one_year() {
    let empty = Knowledge::from_files(&[], None).unwrap();
    let f = facts(
        "002.txt",
        include_str!("../content/002_4880c129a00f1001.txt"),
        &empty,
    );
    assert_eq!(
        f.published.value,
        Some(day("2019-01-14")),
        "{:#?}",
        f.published
    );
}

#[test]
fn seed_003_saturday_inside_the_nagoya_meeting() {
    let f = check(
        "003.txt",
        include_str!("../content/003_b7eeda2ccdf38b88.txt"),
        None,
        "2019-11-23",
        Some("Nagoya"),
    );
    let rules = rules(&f.stated);
    assert_eq!(rules[..2], ["date.weekday-in-event", "date.event"]);
    // The office holders the text names agree with the day.
    assert!(
        rules[2..].iter().all(|r| *r == "date.tenure-agrees"),
        "{rules:?}"
    );
    assert!(rules.len() > 2, "tenures checked: {rules:?}");
    assert_eq!(f.published.confidence, 0.0);
}

#[test]
fn seed_003_without_the_meeting_is_unknown() {
    let empty = Knowledge::from_files(&[], None).unwrap();
    let f = facts(
        "003.txt",
        include_str!("../content/003_b7eeda2ccdf38b88.txt"),
        &empty,
    );
    assert_eq!(f.stated.value, None, "{:#?}", f.stated);
}

#[test]
fn seed_004_date_under_title_and_thursday_before() {
    let f = check(
        "004.txt",
        include_str!("../content/004_c55b87f14b48e8b5.txt"),
        Some("2018-03-17"),
        "2018-03-15",
        Some("Moscow"),
    );
    assert_eq!(rules(&f.stated), ["date.weekday-before-anchor"]);
}

#[test]
fn december_dateline_in_a_january_collection_is_last_year() {
    // Today is early January: a year-less "December 30" dateline cannot be this year's.
    let text = "BERLIN, December 30 (Reuters) - The German foreign minister said on Monday that talks would go on.\n";
    let f = infer_dates(&clean_str("x.txt", text), &kb(), None, day("2020-01-05"));
    assert_eq!(
        f.published.value,
        Some(day("2019-12-30")),
        "{:#?}",
        f.published
    );
    assert_eq!(f.dateline.value.as_deref(), Some("Berlin"));
}

#[test]
fn undated_text_is_unknown() {
    let text = "Lavrov said talks with Japan would continue.\n";
    let f = infer_dates(&clean_str("x.txt", text), &kb(), None, day("2020-01-05"));
    assert_eq!(f.published.value, None);
    assert_eq!(f.stated.value, None);
    assert_eq!(f.dateline.value, None);
}

#[test]
fn period_narrows_a_weekday_only_year() {
    // "Wednesday, 5 June" fits 2013, 2019 and 2024; the configured period keeps 2019.
    let text = "TOKYO, June 5 (Kyodo) -- The Japanese foreign minister said on Wednesday he would visit Moscow.\n";
    let f = infer_dates(
        &clean_str("x.txt", text),
        &kb(),
        Some((2017, 2021)),
        day("2025-01-01"),
    );
    assert_eq!(
        f.published.value,
        Some(day("2019-06-05")),
        "{:#?}",
        f.published
    );
    assert_eq!(f.stated.value, Some(day("2019-06-05")));
}
