//! Table-driven cases for the date engine by form and trap (its first suite), in the style of
//! real news copy.
//! Anchors used most: Friday 2019-02-22 (`FRI`), Monday 2019-01-14 (`MON`), Saturday
//! 2018-03-17 (`SAT`), Tuesday 2020-09-01 (`TUE`). Every failing case prints its text and
//! everything the engine found in it.

use chrono::NaiveDate;

use super::year::{YearConstraint, YearTest, choose_year, year_on_or_before};
use super::{find, parse_dateline};

const FRI: &str = "2019-02-22";
const MON: &str = "2019-01-14";
const SAT: &str = "2018-03-17";
const TUE: &str = "2020-09-01";
const NONE: &str = "";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (anchor, text, expression as written, TIMEX3 value)
type Case = (&'static str, &'static str, &'static str, &'static str);

fn run(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(anchor, text, expr, want) in cases {
        let anchor = (!anchor.is_empty()).then(|| day(anchor));
        let found = find(text, anchor);
        let got = found.iter().find(|t| t.text == expr);
        match got {
            Some(t) if t.value == want => {}
            _ => failures.push(format!(
                "text: {text:?}\n  anchor {anchor:?}: want {expr:?} = {want}, found {:?}",
                found
                    .iter()
                    .map(|t| format!("{:?}={} [{}]", t.text, t.value, t.rule))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Texts in which nothing may be found.
fn run_none(texts: &[&str]) {
    let mut failures = Vec::new();
    for text in texts {
        let found = find(text, Some(day(FRI)));
        if !found.is_empty() {
            failures.push(format!(
                "text: {text:?}\n  found {:?}",
                found
                    .iter()
                    .map(|t| format!("{:?}={} [{}]", t.text, t.value, t.rule))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn explicit_dates() {
    run(&[
        (
            NONE,
            "The statement was published on 2019-02-21 by the ministry.",
            "2019-02-21",
            "2019-02-21",
        ),
        (
            NONE,
            " date 2020-09-01 \"We want dialogue,\" he noted.",
            "2020-09-01",
            "2020-09-01",
        ),
        (
            NONE,
            "Updated 2018-03-17T09:15:00Z",
            "2018-03-17",
            "2018-03-17",
        ),
        (
            NONE,
            "Figures for 2019-02 were released.",
            "2019-02",
            "2019-02",
        ),
        (NONE, "22.02.2019", "22.02.2019", "2019-02-22"),
        // Year first, with a slash or a full stop.
        (NONE, "Date: 2019/02/22", "2019/02/22", "2019-02-22"),
        (NONE, "Posted 2019.02.22 10:05", "2019.02.22", "2019-02-22"),
        // A dotted date closed by a full stop, with a time on the next line.
        (
            NONE,
            "Tuesday, 22.02.2019.\n\n11:57",
            "22.02.2019",
            "2019-02-22",
        ),
        (
            NONE,
            "Published 01.09.2020, 14:05",
            "01.09.2020",
            "2020-09-01",
        ),
        (
            NONE,
            "The deal, signed on 22/02/2019, took effect.",
            "22/02/2019",
            "2019-02-22",
        ),
        (
            NONE,
            "The deal, signed on 02/22/2019, took effect.",
            "02/22/2019",
            "2019-02-22",
        ),
        (
            NONE,
            "Filed 13/03/2018 and amended 03/04/2018.",
            "03/04/2018",
            "2018-04-03",
        ),
        (
            NONE,
            "Filed 03/13/2018 and amended 03/04/2018.",
            "03/04/2018",
            "2018-03-04",
        ),
        (
            NONE,
            "On 22 February 2019 he spoke. Posted 03/04/2019.",
            "03/04/2019",
            "2019-04-03",
        ),
        (
            NONE,
            "On February 22, 2019 he spoke. Posted 03/04/2019.",
            "03/04/2019",
            "2019-03-04",
        ),
        (
            NONE,
            "Released 11/02/89 by the company.",
            "11/02/89",
            // Nothing in the text orders it: day first, as most of the world writes dates.
            "1989-02-11",
        ),
        (
            NONE,
            "Released 11/02/89 by the company, which had filed on 10/30/89.",
            "11/02/89",
            // The text's own unambiguous date is month-first: so is this one.
            "1989-11-02",
        ),
        (NONE, "Issued 05.03.18 in Moscow.", "05.03.18", "2018-03-05"),
        (
            NONE,
            "Russian News Agency (22 February 2019)",
            "22 February 2019",
            "2019-02-22",
        ),
        (NONE, "March 17, 2018", "March 17, 2018", "2018-03-17"),
        (
            NONE,
            "The treaty was signed on February 22, 2019, in Moscow.",
            "February 22, 2019",
            "2019-02-22",
        ),
        (
            NONE,
            "It happened on 1st March 2018.",
            "1st March 2018",
            "2018-03-01",
        ),
        (
            NONE,
            "It happened on the 3rd of March 2018.",
            "3rd of March 2018",
            "2018-03-03",
        ),
        (
            NONE,
            "Talks on Sept. 11, 2001 were cancelled.",
            "Sept. 11, 2001",
            "2001-09-11",
        ),
        (
            NONE,
            "Talks on Aug 7 1998 were cancelled.",
            "Aug 7 1998",
            "1998-08-07",
        ),
        (
            NONE,
            "He visited on Tuesday, 22 February 2011.",
            "Tuesday, 22 February 2011",
            "2011-02-22",
        ),
        (
            NONE,
            "The editorial of Monday, Oct. 26, 1998: the murder",
            "Monday, Oct. 26, 1998",
            "1998-10-26",
        ),
        (
            NONE,
            "In 29 February 2020 the leap day came.",
            "29 February 2020",
            "2020-02-29",
        ),
        (
            NONE,
            "Elections in March 2018 returned him.",
            "March 2018",
            "2018-03",
        ),
        (
            NONE,
            "Elections in March, 2018 returned him.",
            "March, 2018",
            "2018-03",
        ),
        (NONE, "NATO was founded in 1949.", "1949", "1949"),
        (
            NONE,
            "In fiscal 1989, the company earned more.",
            "fiscal 1989",
            "1989",
        ),
        (
            NONE,
            "Ties froze in the 1990s and thawed later.",
            "the 1990s",
            "199X",
        ),
        (
            NONE,
            "Ties froze in the mid-1990s.",
            "the mid-1990s",
            "199X",
        ),
        (NONE, "Ties froze in mid-1990s Russia.", "mid-1990s", "199X"),
        (NONE, "music of the '60s", "the '60s", "196X"),
        (NONE, "wars of the 20th century", "the 20th century", "19XX"),
        (NONE, "Plans for 2019-2020 were agreed.", "2019", "2019"),
        (NONE, "Plans for 2019-2020 were agreed.", "2020", "2020"),
        (NONE, "Revenue in Q3 2019 rose.", "Q3 2019", "2019-Q3"),
        (
            NONE,
            "Revenue in the third quarter of 2019 rose.",
            "the third quarter of 2019",
            "2019-Q3",
        ),
        (
            NONE,
            "Revenue in the first half of 2019 rose.",
            "the first half of 2019",
            "2019-H1",
        ),
        (
            NONE,
            "Talks resumed in spring 2019.",
            "spring 2019",
            "2019-SP",
        ),
        (
            NONE,
            "Talks resumed in the summer of 2018.",
            "the summer of 2018",
            "2018-SU",
        ),
        (NONE, "Talks resumed in early 2019.", "early 2019", "2019"),
        (NONE, "by the end of 2019", "the end of 2019", "2019"),
        (
            NONE,
            "Talks resumed in mid-March 2019.",
            "mid-March 2019",
            "2019-03",
        ),
    ]);
    // Year first with a slash is a day only when whole; a run of numbers is a version.
    for text in [
        "The 2019/20 season ended.",
        "Install version 2023.05.18.2 of the app.",
    ] {
        let found = find(text, Some(day(FRI)));
        assert!(
            found.iter().all(|t| t.value.len() < 10),
            "{text}: {:?}",
            found.iter().map(|t| &t.value).collect::<Vec<_>>()
        );
    }
}

#[test]
fn dates_without_anchor_keep_open_parts() {
    run(&[
        (
            NONE,
            "Lavrov said on Saturday that talks would continue.",
            "Saturday",
            "XXXX-WXX-6",
        ),
        (
            NONE,
            "MOSCOW, January 14. /TASS/.",
            "January 14",
            "XXXX-01-14",
        ),
        (NONE, "the visit in December", "December", "XXXX-12"),
        (NONE, "They met on Feb. 22.", "Feb. 22", "XXXX-02-22"),
        (NONE, "He said it now.", "now", "PRESENT_REF"),
        (NONE, "It was recently agreed.", "recently", "PAST_REF"),
        (NONE, "in the future", "the future", "FUTURE_REF"),
    ]);
}

#[test]
fn month_and_day_without_year() {
    run(&[
        (FRI, "The talks on Feb. 22 ended.", "Feb. 22", "2019-02-22"),
        (
            FRI,
            "The minister arrived on February 20.",
            "February 20",
            "2019-02-20",
        ),
        (
            FRI,
            "The minister will arrive on March 5.",
            "March 5",
            "2019-03-05",
        ),
        (FRI, "The rights expire March 21.", "March 21", "2019-03-21"),
        (
            FRI,
            "He said the deal was signed on December 20.",
            "December 20",
            "2018-12-20",
        ),
        (
            FRI,
            "The deal, signed December 20, took effect.",
            "December 20",
            "2018-12-20",
        ),
        (
            FRI,
            "Talks will resume on January 10.",
            "January 10",
            "2020-01-10",
        ),
        (
            FRI,
            "The summit is set for June 28.",
            "June 28",
            "2019-06-28",
        ),
        (
            FRI,
            "He returned to Moscow on 18 February.",
            "18 February",
            "2019-02-18",
        ),
        (
            FRI,
            "The report, due 4 March, was delayed.",
            "4 March",
            "2019-03-04",
        ),
        (
            MON,
            "The protests began on December 30.",
            "December 30",
            "2018-12-30",
        ),
        (
            MON,
            "He was elected on 28 December.",
            "28 December",
            "2018-12-28",
        ),
        (
            MON,
            "The talks will be held on January 22.",
            "January 22",
            "2019-01-22",
        ),
        (MON, "The hearing is on Jan. 22.", "Jan. 22", "2019-01-22"),
        (
            SAT,
            "The minister met his counterpart on March 15.",
            "March 15",
            "2018-03-15",
        ),
        (
            SAT,
            "The meeting is expected on April 2.",
            "April 2",
            "2018-04-02",
        ),
        (
            SAT,
            "Lavrov is to visit Tokyo on March 21.",
            "March 21",
            "2018-03-21",
        ),
        (
            TUE,
            "The speech on September 1 was broadcast.",
            "September 1",
            "2020-09-01",
        ),
        (
            TUE,
            "Abe announced on August 28 that he would resign.",
            "August 28",
            "2020-08-28",
        ),
        (
            TUE,
            "The vote is scheduled for September 14.",
            "September 14",
            "2020-09-14",
        ),
        (
            TUE,
            "Lavrov, speaking Tuesday, 1 September, said",
            "Tuesday, 1 September",
            "2020-09-01",
        ),
    ]);
}

#[test]
fn date_ranges() {
    run(&[
        (
            NONE,
            "The meeting in Nagoya on 22-23 November 2019 closed.",
            "22",
            "2019-11-22",
        ),
        (
            NONE,
            "The meeting in Nagoya on 22-23 November 2019 closed.",
            "23 November 2019",
            "2019-11-23",
        ),
        (
            NONE,
            "The summit on 28 and 29 June 2019 in Osaka.",
            "28",
            "2019-06-28",
        ),
        (
            NONE,
            "The summit on 28 and 29 June 2019 in Osaka.",
            "29 June 2019",
            "2019-06-29",
        ),
        (
            FRI,
            "The exercise runs from March 3 to 5.",
            "March 3",
            "2019-03-03",
        ),
        (
            FRI,
            "The exercise runs from March 3 to 5.",
            "5",
            "2019-03-05",
        ),
        (FRI, "The exercise runs March 3-5.", "5", "2019-03-05"),
        (
            NONE,
            "The forum, held June 6-8, 2019, opened.",
            "June 6",
            "2019-06-06",
        ),
        (
            NONE,
            "The forum, held June 6-8, 2019, opened.",
            "8, 2019",
            "2019-06-08",
        ),
        (
            FRI,
            "The talks lasted from February 18 to February 20.",
            "February 18",
            "2019-02-18",
        ),
        (
            FRI,
            "The talks lasted from February 18 to February 20.",
            "February 20",
            "2019-02-20",
        ),
    ]);
}

#[test]
fn weekdays() {
    run(&[
        // The anchor's own weekday is the anchor day.
        (
            FRI,
            "Lavrov said on Friday that Japan must accept the results of the war.",
            "Friday",
            "2019-02-22",
        ),
        (
            MON,
            "Lavrov said on Monday, opening talks with Taro Kono.",
            "Monday",
            "2019-01-14",
        ),
        (
            TUE,
            "Lavrov said in a speech before students of MGIMO University on Tuesday.",
            "Tuesday",
            "2020-09-01",
        ),
        // The latest such day before.
        (
            FRI,
            "Lavrov stated on Thursday during his speech.",
            "Thursday",
            "2019-02-21",
        ),
        (
            FRI,
            "Lavrov met Kono on Monday in Moscow.",
            "Monday",
            "2019-02-18",
        ),
        (
            FRI,
            "The ministry said Saturday that the talks failed.",
            "Saturday",
            "2019-02-16",
        ),
        (
            FRI,
            "On Sunday, thousands rallied in the capital.",
            "Sunday",
            "2019-02-17",
        ),
        (
            SAT,
            "Lavrov expressed concerns on Thursday that missile defense is an obstacle.",
            "Thursday",
            "2018-03-15",
        ),
        (
            SAT,
            "The ministry said Friday it would respond.",
            "Friday",
            "2018-03-16",
        ),
        (
            TUE,
            "Abe announced his resignation on Friday.",
            "Friday",
            "2020-08-28",
        ),
        (
            MON,
            "The envoy arrived Wednesday night.",
            "Wednesday night",
            "2019-01-09",
        ),
        (
            MON,
            "Kono said Sunday morning that talks would be frank.",
            "Sunday morning",
            "2019-01-13",
        ),
        // Future clauses point ahead.
        (
            SAT,
            "a meeting with his Japanese counterpart, Taro Kono, set for Wednesday in Tokyo.",
            "Wednesday",
            "2018-03-21",
        ),
        (
            FRI,
            "The ministers will meet on Monday.",
            "Monday",
            "2019-02-25",
        ),
        (
            FRI,
            "Putin is expected to visit on Tuesday.",
            "Tuesday",
            "2019-02-26",
        ),
        (
            FRI,
            "Abe plans to fly to Moscow on Thursday.",
            "Thursday",
            "2019-02-28",
        ),
        (
            FRI,
            "The vote is scheduled for Wednesday.",
            "Wednesday",
            "2019-02-27",
        ),
        (
            FRI,
            "Talks are due to resume on Friday.",
            "Friday",
            "2019-03-01",
        ),
        (
            FRI,
            "The delegation is going to leave on Sunday.",
            "Sunday",
            "2019-02-24",
        ),
        (
            FRI,
            "The INS extended its deadline until Tuesday.",
            "Tuesday",
            "2019-02-26",
        ),
        (
            MON,
            "The two ministers will hold a press conference on Monday.",
            "Monday",
            "2019-01-21",
        ),
        // "last" and "next" move strictly.
        (
            FRI,
            "Last Friday, the ministers met.",
            "Last Friday",
            "2019-02-15",
        ),
        (
            FRI,
            "He met the ambassador last Thursday.",
            "last Thursday",
            "2019-02-21",
        ),
        (
            FRI,
            "They will meet next Friday.",
            "next Friday",
            "2019-03-01",
        ),
        (FRI, "They meet next Monday.", "next Monday", "2019-02-25"),
        (
            FRI,
            "They will meet this Sunday.",
            "this Sunday",
            "2019-02-24",
        ),
        (FRI, "He spoke this Monday.", "this Monday", "2019-02-18"),
        (MON, "He arrived last Monday.", "last Monday", "2019-01-07"),
        (
            MON,
            "He will arrive next Monday.",
            "next Monday",
            "2019-01-21",
        ),
        (
            FRI,
            "Talks continued early Friday.",
            "early Friday",
            "2019-02-22",
        ),
        // "next to" is not a time.
        (
            FRI,
            "The blasts next to the embassy on Friday killed dozens.",
            "Friday",
            "2019-02-22",
        ),
    ]);
}

#[test]
fn tense_cues_stay_in_their_clause() {
    run(&[
        // A quotation's tense is not its reporting verb's.
        (
            FRI,
            "\"The delegation will fly out to Geneva early on Thursday,\" a spokesman said.",
            "Thursday",
            "2019-02-28",
        ),
        (
            FRI,
            "``The delegation will fly out to Geneva early on Thursday,'' a spokesman said.",
            "Thursday",
            "2019-02-28",
        ),
        // "that" opens a clause of its own, on either side.
        (
            FRI,
            "Officials warned U.S. diplomats Wednesday that talks would end.",
            "Wednesday",
            "2019-02-20",
        ),
        (
            MON,
            "A judge rejected an order that the envoy remain in the country until March 6.",
            "March 6",
            "2019-03-06",
        ),
        // Adjectives in "un-…ed" and participles with their agent are no past tense.
        (
            "2019-10-25",
            "The dividend would be paid on a still unspecified date in January.",
            "January",
            "2020-01",
        ),
        (
            "2019-02-13",
            "The airline will add flights to India by August, seeking markets spared by the slump.",
            "August",
            "2019-08",
        ),
        // The present leans neither way; "is to" schedules.
        (
            FRI,
            "The family had vowed to fight on when the appeal is heard in May.",
            "May",
            "2019-05",
        ),
        (
            FRI,
            "Shares halted in London are to resume trading on Tuesday.",
            "Tuesday",
            "2019-02-26",
        ),
        // "set on" schedules only after a form of "be".
        (
            "2019-02-06",
            "The index closed near its record high set on Aug. 6.",
            "Aug. 6",
            "2018-08-06",
        ),
        (
            "2019-02-06",
            "The ceremony is set on Aug. 6 in Vienna.",
            "Aug. 6",
            "2019-08-06",
        ),
        // Abbreviations of states and "vs." end no sentence.
        (
            "2019-10-25",
            "In January, days after a ruling in Smith vs. Jones in Birmingham, Ala., a bomb killed a guard.",
            "January",
            "2019-01",
        ),
        // "through" after a verb that sets an end looks ahead; otherwise it is an end point.
        (
            "2019-10-30",
            "The bank extended the loans through January.",
            "January",
            "2020-01",
        ),
        (
            FRI,
            "The fund has gained 4% this year through Feb. 15, a tracker says.",
            "Feb. 15",
            "2019-02-15",
        ),
    ]);
}

#[test]
fn days_and_units_the_text_named_before() {
    run(&[
        (
            FRI,
            "Protesters marched on Feb. 14. Police detained 40 people that day.",
            "that day",
            "2019-02-14",
        ),
        (
            FRI,
            "The envoy arrived in Kabul on Tuesday. Earlier that day, a bomb exploded nearby.",
            "Earlier that day",
            "2019-02-19",
        ),
        (
            FRI,
            "The treaty was signed in March 2014 and ratified later that year.",
            "later that year",
            "2014",
        ),
        (
            FRI,
            "He joined the ministry in 1998 and was posted to Bonn the same year.",
            "the same year",
            "1998",
        ),
        (
            FRI,
            "Talks stalled on Jan. 9, and that same week the envoy resigned.",
            "that same week",
            "2019-W02",
        ),
        // A weekday before or after the last day named, not the anchor.
        (
            FRI,
            "Shares fell 3% on Feb. 12 from the previous Friday.",
            "the previous Friday",
            "2019-02-08",
        ),
        (
            FRI,
            "The truce began on Feb. 1 and collapsed the following Monday.",
            "the following Monday",
            "2019-02-04",
        ),
    ]);
    // Nothing named before: "that year" names no year.
    run_none(&[
        "Officials said that year had been the hardest.",
        "He said that day-long talks were useful.",
        "It was the same week-long drill as before.",
    ]);
}

#[test]
fn holidays() {
    run(&[
        (
            FRI,
            "The boy was rescued at sea on Thanksgiving Day.",
            "Thanksgiving Day",
            "2018-11-22",
        ),
        (
            FRI,
            "Talks will resume after Christmas.",
            "Christmas",
            "2019-12-25",
        ),
        (
            FRI,
            "The truce collapsed over Christmas 2017.",
            "Christmas 2017",
            "2017-12-25",
        ),
        // Easter 2018 fell on 1 April.
        (
            FRI,
            "Pilgrims gathered last Easter.",
            "last Easter",
            "2018-04-01",
        ),
        (
            FRI,
            "Marches are planned for Good Friday.",
            "Good Friday",
            "2019-04-19",
        ),
        (
            "2000-04-17",
            "Crowds prayed as Easter week began.",
            "Easter week",
            "2000-W16",
        ),
        (
            FRI,
            "The law took effect on New Year's Day.",
            "New Year's Day",
            "2019-01-01",
        ),
        (
            FRI,
            "Fireworks lit the sky on New Year's Eve.",
            "New Year's Eve",
            "2018-12-31",
        ),
        // The Tuesday after the first Monday of November.
        (
            "2018-10-26",
            "Campaigning will go on until Election Day.",
            "Election Day",
            "2018-11-06",
        ),
    ]);
    run_none(&[
        "Christmas sales rose 4% on the year.",
        "He wished the troops a merry Christmas.",
        "The Good Friday Agreement ended decades of violence.",
        "The navy patrols near Christmas Island.",
        "The New Year's honours list was published.",
    ]);
}

#[test]
fn year_ends_and_the_years_of_results_copy() {
    run(&[
        (
            FRI,
            "The company expects to close the deal by year-end.",
            "year-end",
            "2019",
        ),
        // "since" looks back to the last year end.
        (
            FRI,
            "The index has risen 8% since year end.",
            "year end",
            "2018",
        ),
        (
            FRI,
            "New rules should be in place by year's end.",
            "year's end",
            "2019",
        ),
        (
            FRI,
            "Sales for the full year rose 4%.",
            "the full year",
            "2019",
        ),
        (FRI, "For the year, volume was flat.", "the year", "2019"),
        (
            FRI,
            "The charge will hurt earnings for the fiscal year.",
            "the fiscal year",
            "2019",
        ),
        (
            FRI,
            "It expects higher sales in the current fiscal year.",
            "the current fiscal year",
            "2019",
        ),
        (
            FRI,
            "It plans to cut jobs next fiscal year.",
            "next fiscal year",
            "2020",
        ),
        // The quarter before the anchor's, when the text names none.
        (
            FRI,
            "Revenue rose 5% in the latest period.",
            "the latest period",
            "2018-Q4",
        ),
        (
            FRI,
            "Growth slowed in the first nine months of the year.",
            "the year",
            "2019",
        ),
    ]);
    run_none(&[
        "Year-end bonuses were cut at the bank.",
        "He recalled the year before the war.",
        "Time named her its Person of the Year.",
        "The year-end figures disappointed investors.",
        "It was the year of the dragon in China.",
    ]);
}

#[test]
fn clock_times_before_a_day() {
    run(&[
        // "until" before the clock time still looks ahead.
        (
            FRI,
            "Negotiators have until 9 a.m. Tuesday to sign the deal.",
            "9 a.m. Tuesday",
            "2019-02-26T09:00",
        ),
        (
            FRI,
            "The convoy will leave at 4:30 p.m. GMT tomorrow.",
            "4:30 p.m. GMT tomorrow",
            "2019-02-23T16:30",
        ),
        (
            FRI,
            "The blast struck at 10 am Monday.",
            "10 am Monday",
            "2019-02-18T10:00",
        ),
        (
            FRI,
            "The ceasefire took effect at 12 a.m. Sunday.",
            "12 a.m. Sunday",
            "2019-02-17T00:00",
        ),
    ]);
    run_none(&["The session opened at 9 a.m. and closed at 5 p.m. sharp."]);
}

#[test]
fn periods_weeks_decades_and_prefixed_years() {
    run(&[
        // Results copy: the same period a year before the quarter reported (2018-Q4 here).
        (
            FRI,
            "Net income was $4 million, against $3 million for the quarter a year ago.",
            "the quarter a year ago",
            "2017-Q4",
        ),
        (
            FRI,
            "Profit rose from $2 million in the corresponding period last year.",
            "the corresponding period last year",
            "2017-Q4",
        ),
        // A month of the year before, this one or the next.
        (
            FRI,
            "Talks collapsed in July last year.",
            "July last year",
            "2018-07",
        ),
        (
            FRI,
            "Elections are due in March of next year.",
            "March of next year",
            "2020-03",
        ),
        (
            FRI,
            "He will visit Tokyo in May this year.",
            "May this year",
            "2019-05",
        ),
        // The quarter ended on a day: most of its three months, unless the text named one.
        (
            FRI,
            "In the quarter ended July 31, sales rose 4%.",
            "the quarter",
            "2018-Q2",
        ),
        (
            FRI,
            "Profit in the quarter ended Dec. 31 rose 5%.",
            "the quarter",
            "2018-Q4",
        ),
        (
            "2019-10-25",
            "Its fiscal first quarter ended Sept. 29. Sales in the quarter ended Sept. 29 rose 9%.",
            "the quarter",
            "2019-Q1",
        ),
        (
            FRI,
            "Earnings will suffer in the last half of 2019.",
            "the last half of 2019",
            "2019-H2",
        ),
        (
            FRI,
            "A hearing is set for the week of March 11.",
            "the week of March 11",
            "2019-W11",
        ),
        (
            FRI,
            "The party's fortunes collapsed in the nineties.",
            "the nineties",
            "199X",
        ),
        // The latest such decade begun by the anchor's year.
        (
            "2025-05-01",
            "Rents have doubled since the twenties began.",
            "the twenties",
            "202X",
        ),
        (
            FRI,
            "Post-war rules shaped post-1959 politics on the island.",
            "post-1959",
            "1959",
        ),
        (
            FRI,
            "The envoy landed on Feb. 12 and met the king the next morning.",
            "the next morning",
            "2019-02-13",
        ),
    ]);
}

#[test]
fn vague_spans_titles_and_days_in_apposition() {
    run(&[
        (
            FRI,
            "Prices are expected to rise in coming months.",
            "coming months",
            "FUTURE_REF",
        ),
        (
            FRI,
            "Margins shrank over the past several quarters.",
            "the past several quarters",
            "PAST_REF",
        ),
        (
            FRI,
            "Officials will meet again in the next few days.",
            "the next few days",
            "FUTURE_REF",
        ),
        (
            FRI,
            "Rates will stay low in the near term.",
            "the near term",
            "FUTURE_REF",
        ),
        (
            FRI,
            "In the short term, exports will suffer.",
            "the short term",
            "FUTURE_REF",
        ),
        (
            FRI,
            "The vote was postponed to a later date.",
            "a later date",
            "FUTURE_REF",
        ),
        // "the day before" the event named after it, set off after a date: that date.
        (
            FRI,
            "He was last seen on Feb. 3, the day before police issued a warrant.",
            "the day",
            "2019-02-03",
        ),
        // Without the apposition it still counts from the last day named.
        (
            FRI,
            "Police raided the house on Feb. 3 after a tip the day before.",
            "the day before",
            "2019-02-02",
        ),
    ]);
    run_none(&[
        "The short-term outlook is weak.",
        "He served out the long term of his predecessor.",
        "Baker said on ABC's \"This Week\" program that talks would go on.",
    ]);
}

#[test]
fn deictic_and_relative() {
    run(&[
        (
            FRI,
            "Today, the first in a series of meetings is taking place.",
            "Today",
            "2019-02-22",
        ),
        (
            FRI,
            "The minister said today that talks will go on.",
            "today",
            "2019-02-22",
        ),
        (
            FRI,
            "The ministry said yesterday that it regretted the move.",
            "yesterday",
            "2019-02-21",
        ),
        (
            FRI,
            "The delegation leaves tomorrow.",
            "tomorrow",
            "2019-02-23",
        ),
        (
            FRI,
            "The vote took place late yesterday.",
            "late yesterday",
            "2019-02-21",
        ),
        (
            FRI,
            "He spoke yesterday morning.",
            "yesterday morning",
            "2019-02-21",
        ),
        (FRI, "He will speak tonight.", "tonight", "2019-02-22"),
        (
            FRI,
            "The accord was signed the day before yesterday.",
            "the day before yesterday",
            "2019-02-20",
        ),
        (
            FRI,
            "Kono arrived on Monday. The day before, he had met Abe.",
            "The day before",
            "2019-02-17",
        ),
        (
            FRI,
            "Kono arrived on February 18. The next day he met Lavrov.",
            "The next day",
            "2019-02-19",
        ),
        (
            FRI,
            "Kono arrived on February 18. The following day he met Lavrov.",
            "The following day",
            "2019-02-19",
        ),
        (
            FRI,
            "Kono arrived on February 18 and left the day after.",
            "the day after",
            "2019-02-19",
        ),
        (
            FRI,
            "The talks were held two days ago.",
            "two days ago",
            "2019-02-20",
        ),
        (
            FRI,
            "The talks were held 3 days ago.",
            "3 days ago",
            "2019-02-19",
        ),
        (FRI, "He resigned a week ago.", "a week ago", "2019-W07"),
        (
            FRI,
            "He resigned two weeks ago.",
            "two weeks ago",
            "2019-W06",
        ),
        (FRI, "He resigned a month ago.", "a month ago", "2019-01"),
        (
            FRI,
            "He resigned six months ago.",
            "six months ago",
            "2018-08",
        ),
        (FRI, "He resigned a year ago.", "a year ago", "2018"),
        (FRI, "He resigned two years ago.", "two years ago", "2017"),
        (FRI, "He resigned a decade ago.", "a decade ago", "200X"),
        (
            FRI,
            "Sales rose from a year earlier.",
            "a year earlier",
            "2018",
        ),
        (
            FRI,
            "Sales rose from year-earlier levels.",
            "year-earlier",
            "2018",
        ),
        (
            FRI,
            "Talks stalled several years ago.",
            "several years ago",
            "PAST_REF",
        ),
        (
            FRI,
            "Talks stalled a few days ago.",
            "a few days ago",
            "PAST_REF",
        ),
        (FRI, "The ministers met last week.", "last week", "2019-W07"),
        (
            FRI,
            "The ministers meet next week.",
            "next week",
            "2019-W09",
        ),
        (
            FRI,
            "The ministers meet this week.",
            "this week",
            "2019-W08",
        ),
        (
            FRI,
            "The ministers met earlier this week.",
            "earlier this week",
            "2019-W08",
        ),
        (
            FRI,
            "The ministers met last month.",
            "last month",
            "2019-01",
        ),
        (
            FRI,
            "The ministers meet next month.",
            "next month",
            "2019-03",
        ),
        (
            FRI,
            "The ministers met earlier this month.",
            "earlier this month",
            "2019-02",
        ),
        (
            FRI,
            "The ministers will meet later this month.",
            "later this month",
            "2019-02",
        ),
        (FRI, "Trade fell last year.", "last year", "2018"),
        (FRI, "Trade will grow next year.", "next year", "2020"),
        (FRI, "Trade grew this year.", "this year", "2019"),
        (
            FRI,
            "A summit is planned later this year.",
            "later this year",
            "2019",
        ),
        (
            FRI,
            "Trade fell earlier in the year.",
            "earlier in the year",
            "2019",
        ),
        (
            FRI,
            "A deal is possible early next year.",
            "early next year",
            "2020",
        ),
        (FRI, "Trade fell late last year.", "late last year", "2018"),
        (
            FRI,
            "Sales fell in the latest quarter.",
            "the latest quarter",
            "2018-Q4",
        ),
        (FRI, "Sales fell last quarter.", "last quarter", "2018-Q4"),
        (
            FRI,
            "Sales will rise next quarter.",
            "next quarter",
            "2019-Q2",
        ),
        (FRI, "Sales rose this quarter.", "this quarter", "2019-Q1"),
        (MON, "Trade fell last month.", "last month", "2018-12"),
        (MON, "The ministers met last week.", "last week", "2019-W02"),
        (MON, "Trade fell last year.", "last year", "2018"),
        (
            SAT,
            "The ministers met over the weekend.",
            "the weekend",
            "2018-W11-WE",
        ),
        (
            MON,
            "The ministers met over the weekend.",
            "the weekend",
            "2019-W02-WE",
        ),
        (
            FRI,
            "The ministers will meet over the weekend.",
            "the weekend",
            "2019-W08-WE",
        ),
        (
            FRI,
            "The ministers meet next weekend.",
            "next weekend",
            "2019-W09-WE",
        ),
        (
            FRI,
            "This decade has been turbulent.",
            "This decade",
            "201X",
        ),
        (
            FRI,
            "the turmoil of the last decade",
            "the last decade",
            "200X",
        ),
    ]);
}

#[test]
fn months_without_year_and_tense() {
    run(&[
        (
            MON,
            "Putin is expected to visit Japan in June.",
            "June",
            "2019-06",
        ),
        (
            MON,
            "The foreign minister noted the visit to Russia in December.",
            "December",
            "2018-12",
        ),
        (
            MON,
            "Kono said talks were held in December.",
            "December",
            "2018-12",
        ),
        (
            MON,
            "Kono will visit Moscow in December.",
            "December",
            "2019-12",
        ),
        (
            MON,
            "Protests erupted in November and continued.",
            "November",
            "2018-11",
        ),
        (
            FRI,
            "The summit will take place in June.",
            "June",
            "2019-06",
        ),
        (
            FRI,
            "The sides agreed in January to speed up talks.",
            "January",
            "2019-01",
        ),
        (
            FRI,
            "Talks are set to resume in January.",
            "January",
            "2020-01",
        ),
        (FRI, "Talks resumed in October.", "October", "2018-10"),
        (FRI, "Exports rose in February.", "February", "2019-02"),
        (FRI, "The accord expires in March.", "March", "2019-03"),
        (TUE, "Abe resigned in August.", "August", "2020-08"),
        (
            TUE,
            "The election is due in September.",
            "September",
            "2020-09",
        ),
        (
            TUE,
            "The election was held in January.",
            "January",
            "2020-01",
        ),
        (TUE, "He will go to Japan in January.", "January", "2021-01"),
        (
            SAT,
            "Lavrov visited Tokyo in November.",
            "November",
            "2017-11",
        ),
        (
            SAT,
            "Lavrov visits Tokyo in November.",
            "November",
            "2017-11",
        ),
        (
            FRI,
            "Elections are due in mid-March.",
            "mid-March",
            "2019-03",
        ),
        (
            FRI,
            "Talks began in early February.",
            "early February",
            "2019-02",
        ),
        (
            FRI,
            "Talks began in late December.",
            "late December",
            "2018-12",
        ),
        (
            FRI,
            "The summit will open at the end of June.",
            "the end of June",
            "2019-06",
        ),
        (FRI, "Talks are planned for May.", "May", "2019-05"),
        (FRI, "He said talks may resume.", "", ""),
        (FRI, "Talks began last March.", "last March", "2018-03"),
        // "last" and "next" with a month name: the nearest such month strictly before or after.
        (FRI, "Talks begin next March.", "next March", "2019-03"),
        (FRI, "Talks began last January.", "last January", "2019-01"),
        (
            FRI,
            "Talks began last December.",
            "last December",
            "2018-12",
        ),
        (FRI, "Talks begin next January.", "next January", "2020-01"),
        (FRI, "Talks begin this April.", "this April", "2019-04"),
    ]
    .into_iter()
    .filter(|c| !c.2.is_empty())
    .collect::<Vec<_>>());
}

#[test]
fn quarters_seasons_and_vague_references() {
    run(&[
        (FRI, "Sales in Q3 rose.", "Q3", "2018-Q3"),
        (FRI, "Sales will rise in Q3.", "Q3", "2019-Q3"),
        (
            FRI,
            "Third-quarter profit fell.",
            "Third-quarter",
            "2018-Q3",
        ),
        (
            FRI,
            "Profit fell in the fourth quarter.",
            "the fourth quarter",
            "2018-Q4",
        ),
        (
            FRI,
            "Profit rose in the first quarter.",
            "the first quarter",
            "2019-Q1",
        ),
        (FRI, "Profit fell in the quarter.", "the quarter", "2018-Q4"),
        (
            FRI,
            "The treaty could be signed this spring.",
            "this spring",
            "2019-SP",
        ),
        (
            FRI,
            "The treaty was signed last summer.",
            "last summer",
            "2018-SU",
        ),
        (
            FRI,
            "The treaty will be signed next fall.",
            "next fall",
            "2019-FA",
        ),
        (
            FRI,
            "The treaty was signed last fall.",
            "last fall",
            "2018-FA",
        ),
        (
            FRI,
            "The treaty could be signed in the summer.",
            "the summer",
            "2019-SU",
        ),
        (
            FRI,
            "The treaty will be signed in autumn.",
            "autumn",
            "2019-FA",
        ),
        (FRI, "The treaty was signed in autumn.", "autumn", "2018-FA"),
        (
            FRI,
            "The treaty was signed this winter.",
            "this winter",
            "2018-WI",
        ),
        (FRI, "The two sides are now closer.", "now", "PRESENT_REF"),
        (
            FRI,
            "They are currently negotiating.",
            "currently",
            "PRESENT_REF",
        ),
        (
            FRI,
            "These days, ties are warm.",
            "These days",
            "PRESENT_REF",
        ),
        (FRI, "Ties recently improved.", "recently", "PAST_REF"),
        (
            FRI,
            "Ties improved in recent years.",
            "recent years",
            "PAST_REF",
        ),
        (FRI, "Ties improved in the past.", "the past", "PAST_REF"),
        (
            FRI,
            "Ties will improve in the future.",
            "the future",
            "FUTURE_REF",
        ),
        (
            FRI,
            "Ties will improve in the near future.",
            "the near future",
            "FUTURE_REF",
        ),
        (FRI, "Ties will improve in future.", "future", "FUTURE_REF"),
        (
            FRI,
            "Ties will improve in the coming months.",
            "the coming months",
            "FUTURE_REF",
        ),
    ]);
}

#[test]
fn datelines_with_dates_resolve_against_the_anchor() {
    run(&[
        (
            MON,
            "MOSCOW, January 14. /TASS/. Russia calls for more efforts.",
            "January 14",
            "2019-01-14",
        ),
        (
            TUE,
            "MOSCOW, September 1. /TASS/. Russia wants to understand Japan.",
            "September 1",
            "2020-09-01",
        ),
        (
            NONE,
            "TOKYO, April 13 (Kyodo) -- Japan said.",
            "April 13",
            "XXXX-04-13",
        ),
    ]);
}

#[test]
fn not_dates() {
    run_none(&[
        "He said talks may resume soon enough.",
        "The 2+2 format brings together ministers.",
        "Some 2000 people attended the rally.",
        "The army has 1500 tanks and 3,200 guns.",
        "Version 1.2.3 of the agreement text was leaked.",
        "The ratio was 3/4 of the total.",
        "Prices rose 2.5% in the period.",
        "Mr. March said the Association of European Businesses met.",
        "A spring in his step, he said the talks were over.",
        "He called for a fall in tariffs.",
        "Room 1215 was booked.",
        "Lavrov said Japan is a close neighbour.",
        "The resolution 425 of the U.N. was cited.",
        "the future of the alliance is at stake",
        "It cost $1999 in total.",
        "Article 9 of the constitution bans war.",
        "He has two weeks of holiday left.",
    ]);
}

#[test]
fn offsets_are_bytes_of_the_expression() {
    let text = "Russia’s minister said on Friday — “no deal” — after 22.02.2019.";
    let found = find(text, Some(day(FRI)));
    assert_eq!(found.len(), 2, "{found:?}");
    for t in &found {
        assert_eq!(&text[t.start..t.end], t.text);
    }
    assert_eq!(found[0].rule, "weekday");
    assert_eq!(found[1].rule, "numeric-dmy");
}

#[test]
fn future_flag_and_explicit_year() {
    let found = find(
        "Abe said in September 2018 he planned to hold a meeting in June 2019.",
        None,
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].past && !found[0].future && found[0].explicit_year);
    assert!(found[1].future && found[1].explicit_year);
    let found = find("Lavrov said on Monday.", Some(day(MON)));
    assert!(!found[0].explicit_year);
    assert_eq!(found[0].weekday, Some(1));
}

#[test]
fn datelines() {
    // (paragraph, place, month, day, year, mark)
    type D = (
        &'static str,
        Option<&'static str>,
        Option<u32>,
        Option<u32>,
        Option<i32>,
        Option<&'static str>,
    );
    let cases: &[D] = &[
        (
            "MOSCOW, January 14. /TASS/. Russia calls for more efforts",
            Some("Moscow"),
            Some(1),
            Some(14),
            None,
            Some("/TASS/"),
        ),
        (
            "MOSCOW, September 1. /TASS/. Russia wants to understand",
            Some("Moscow"),
            Some(9),
            Some(1),
            None,
            Some("/TASS/"),
        ),
        (
            "May 18. (HARBOUR PRESS) \u{2013} The president called this Friday for talks",
            None,
            Some(5),
            Some(18),
            None,
            Some("(HARBOUR PRESS)"),
        ),
        (
            "Port Harbour, Nov 22 (HarbourPress) Tom Lee, the foreign minister, held a call",
            Some("Port Harbour"),
            Some(11),
            Some(22),
            None,
            Some("(HarbourPress)"),
        ),
        (
            "Portville, RUSSIA, 29/11/2014 ~ The deputy prime minister said that talks go on",
            Some("Portville"),
            Some(11),
            Some(29),
            Some(2014),
            None,
        ),
        (
            "NAGOYA - Tokyo has promised to address Russia's concerns",
            Some("Nagoya"),
            None,
            None,
            None,
            None,
        ),
        (
            "WASHINGTON (Reuters) - The United States said on Monday",
            Some("Washington"),
            None,
            None,
            None,
            Some("(Reuters)"),
        ),
        (
            "Moscow- Russian Foreign Minister Sergei Lavrov expressed concerns",
            Some("Moscow"),
            None,
            None,
            None,
            None,
        ),
        (
            "TOKYO, April 13 (Kyodo) -- Japan and Russia agreed",
            Some("Tokyo"),
            Some(4),
            Some(13),
            None,
            Some("(Kyodo)"),
        ),
        (
            "NEW YORK, Sept. 25 (AP) _ The U.N. General Assembly opened",
            Some("New York"),
            Some(9),
            Some(25),
            None,
            Some("(AP)"),
        ),
        (
            "NAIROBI, Kenya (AP) _ Suspected bombs exploded outside",
            Some("Nairobi"),
            None,
            None,
            None,
            Some("(AP)"),
        ),
        (
            "ST. PETERSBURG, June 6 - Putin met investors",
            Some("St. Petersburg"),
            Some(6),
            Some(6),
            None,
            None,
        ),
        (
            "BEIJING, Nov 23, 2019 (Xinhua) -- China said",
            Some("Beijing"),
            Some(11),
            Some(23),
            Some(2019),
            Some("(Xinhua)"),
        ),
        (
            "LONDON — Britain said on Tuesday it would expel diplomats",
            Some("London"),
            None,
            None,
            None,
            None,
        ),
        (
            "BERLIN, 14 January (dpa) - Germany said",
            Some("Berlin"),
            Some(1),
            Some(14),
            None,
            Some("(dpa)"),
        ),
        (
            "Tokyo - The government said on Friday",
            Some("Tokyo"),
            None,
            None,
            None,
            None,
        ),
        (
            "SEOUL: South Korea said it would respond",
            Some("Seoul"),
            None,
            None,
            None,
            None,
        ),
        // The credit and the day in one pair of brackets.
        (
            "Port Harbour (Harbour Daily, May 31) \u{2014} Officials insist the country has protested",
            Some("Port Harbour"),
            Some(5),
            Some(31),
            None,
            Some("(Harbour Daily)"),
        ),
    ];
    let mut failures = Vec::new();
    for &(p, place, month, dd, year, mark) in cases {
        match parse_dateline(p) {
            Some(d)
                if d.place.as_deref() == place
                    && d.month == month
                    && d.day == dd
                    && d.year == year
                    && d.mark.as_deref() == mark
                    && p[d.span.1..]
                        .trim_start()
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase) => {}
            other => failures.push(format!("text: {p:?}\n  got {other:?}")),
        }
    }
    let not: &[&str] = &[
        "Japan and South Korea, however, have told Moscow they were not aware",
        "Russia calls for increased efforts to bring ties with Japan to new level",
        "Japan-US defense cooperation is directly affecting Russia's national security",
        "\"We want to understand Japan's vision,\" Lavrov said.",
        "Lavrov Says Japan Promised Russia to Address Concerns Over Its Military Alliance With US",
        "JAPAN'S PRO-US STANCE STANDS IN THE WAY",
        "UN Secretary-General Antonio Guterres said on Monday",
        "The Russian top diplomat says that Japan's leadership should abide",
        "US-Japan talks - the view from Moscow",
        "During a press conference to sum up the results of a G20 meeting",
        // A credit without a day does not close a dateline by itself.
        "Port Harbour (Reuters) Tom Lee the foreign minister held a call",
        // Without a place, a day needs its credit and its dash.
        "May 18 \u{2013} The president called this Friday for talks",
        "May 18 (HARBOUR PRESS) The president called this Friday for talks",
        // A person with a form of address, an office, or a hyphen inside a word.
        "Mr. Tomas Lindqvist, Secretary-General of the League, has condemned the march",
        "Deputy Prime Minister \u{2013} Minister of Foreign Affairs Tomas Lindqvist received the envoy",
        "Latvia, Estonia Secretary-General of the council and the director attended",
        // A transcript's label naming the speaker's office.
        "CHIEF CABINET SECRETARY TANAKA: Firstly, when the minister paid a call yesterday",
        // A name and its aside between dashes: the word after the dash is no sentence's first.
        "Al-Hakim \u{2013} who is visiting New York \u{2013} said the offer would be refused",
    ];
    for p in not {
        if let Some(d) = parse_dateline(p) {
            failures.push(format!("text: {p:?}\n  wrongly read as {d:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn c(rule: &'static str, test: YearTest) -> YearConstraint {
    YearConstraint {
        rule,
        span: None,
        note: String::new(),
        test,
    }
}

#[test]
fn years_that_fit_equally_go_to_the_one_nearest_the_latest_year_named() {
    let today = &crate::dates::Today::new(day("2026-12-04"));
    // In office since January 2025: 2025 and 2026 fit; the page names 2023 as past.
    let since = c("year.tenure", YearTest::OnOrAfter(day("2025-01-21")));
    let named = c(
        "year.latest-mention",
        YearTest::Within(day("2023-01-01"), day("2023-12-31")),
    );
    let near = choose_year(11, 22, &[since.clone(), named], None, today);
    assert_eq!(near.candidates, [2025, 2026]);
    assert_eq!(near.year, Some(2025));
    // A year named long before every candidate is history: the latest is taken.
    let old = c(
        "year.latest-mention",
        YearTest::Within(day("2000-01-01"), day("2000-12-31")),
    );
    let latest = choose_year(11, 22, &[since, old], None, today);
    assert_eq!(latest.year, Some(2026));
}

#[test]
fn year_choice_from_constraints() {
    let today = &crate::dates::Today::new(day("2025-01-01"));
    // Monday 14 January: 2002, 2008, 2013, 2019, 2030 …
    let monday = c("year.weekday", YearTest::Weekday(1));
    let after = c("year.past-mention", YearTest::OnOrAfter(day("2018-09-01")));
    let before = c(
        "year.future-mention",
        YearTest::OnOrBefore(day("2019-06-30")),
    );
    let kono = c(
        "year.tenure",
        YearTest::Within(day("2017-08-03"), day("2019-09-11")),
    );

    let only_weekday = choose_year(1, 14, std::slice::from_ref(&monday), None, today);
    assert_eq!(only_weekday.year, Some(2019));
    assert!(only_weekday.candidates.len() >= 4, "{only_weekday:?}");
    assert!(only_weekday.confidence < 0.3);

    let all = choose_year(
        1,
        14,
        &[monday.clone(), after.clone(), before.clone(), kono.clone()],
        None,
        today,
    );
    assert_eq!(all.year, Some(2019));
    assert_eq!(all.candidates, [2019]);
    assert_eq!(all.satisfied.len(), 4);
    assert!(all.confidence > 0.85);

    // Tenure alone leaves two years; the weekday picks one.
    let two = choose_year(1, 14, std::slice::from_ref(&kono), None, today);
    assert_eq!(two.candidates, [2018, 2019]);
    let one = choose_year(1, 14, &[kono.clone(), monday.clone()], None, today);
    assert_eq!(one.candidates, [2019]);

    // A contradiction is outvoted, not fatal.
    let wrong = c(
        "year.future-mention",
        YearTest::OnOrBefore(day("2010-01-01")),
    );
    let outvoted = choose_year(
        1,
        14,
        &[monday.clone(), after, before, kono, wrong],
        None,
        today,
    );
    assert_eq!(outvoted.year, Some(2019));
    assert_eq!(outvoted.violated.len(), 1);

    // Nothing known: no year.
    let none = choose_year(1, 14, &[], None, today);
    assert_eq!(none.year, None);
    // A one-year period is enough by itself.
    let period = choose_year(1, 14, &[], Some((2019, 2019)), today);
    assert_eq!(period.year, Some(2019));
    // Never after today.
    let future = choose_year(
        1,
        14,
        std::slice::from_ref(&monday),
        Some((2019, 2035)),
        today,
    );
    assert_eq!(future.year, Some(2019));
    // 29 February only in leap years.
    let leap = choose_year(
        2,
        29,
        &[c(
            "year.tenure",
            YearTest::Within(day("2019-01-01"), day("2021-12-31")),
        )],
        None,
        today,
    );
    assert_eq!(leap.year, Some(2020));
    // Several tenures.
    let abe = c(
        "year.tenure",
        YearTest::AnyOf(vec![
            (day("2006-09-26"), day("2007-09-26")),
            (day("2012-12-26"), day("2020-09-16")),
        ]),
    );
    let r = choose_year(1, 14, &[abe, monday.clone()], None, today);
    assert_eq!(r.candidates, [2013, 2019]);

    // The latest year a page names is a prior: it decides between years the weekday leaves
    // equal, but a weekday it contradicts outvotes it.
    let named = |y: &str| {
        c(
            "year.latest-mention",
            YearTest::Within(day(&format!("{y}-01-01")), day(&format!("{y}-12-31"))),
        )
    };
    let prior = choose_year(1, 14, &[monday.clone(), named("2013")], None, today);
    assert_eq!(prior.candidates, [2013]);
    // 14 January 2015 was a Wednesday: the weekday wins, the prior is the one outvoted, and
    // of the Mondays left the one nearest 2015 is taken.
    let old_accord = choose_year(1, 14, &[monday.clone(), named("2015")], None, today);
    assert_eq!(old_accord.year, Some(2013));
    assert_eq!(old_accord.candidates, [1985, 1991, 2002, 2008, 2013, 2019]);
    assert_eq!(old_accord.violated, [1]);
    // Against a tenure, the prior alone does not tie.
    let tenure = c(
        "year.tenure",
        YearTest::Within(day("2016-01-01"), day("2016-12-31")),
    );
    let r = choose_year(1, 14, &[tenure, named("2015")], None, today);
    assert_eq!(r.candidates, [2016]);
}

#[test]
fn dateline_year_from_a_known_anchor() {
    assert_eq!(year_on_or_before(day("2020-01-02"), 12, 30), 2019);
    assert_eq!(year_on_or_before(day("2020-01-02"), 1, 2), 2020);
    assert_eq!(year_on_or_before(day("2020-01-02"), 1, 1), 2020);
    assert_eq!(year_on_or_before(day("2019-12-31"), 12, 30), 2019);
    assert_eq!(year_on_or_before(day("2021-03-01"), 2, 29), 2021);
}

#[test]
fn weekday_statistics_rule() {
    use super::recognise::Rel;
    use super::resolve::{Tense, weekday};
    let a = day(FRI);
    // Every bare weekday in a past clause is within the six days up to the anchor.
    for wd in 1..=7 {
        let d = weekday(a, wd, Rel::Bare, Tense::Past);
        assert!(d <= a && (a - d).num_days() < 7, "{wd}: {d}");
        let f = weekday(a, wd, Rel::Bare, Tense::Future);
        assert!(f > a && (f - a).num_days() <= 7, "{wd}: {f}");
        let l = weekday(a, wd, Rel::Last, Tense::Unknown);
        assert!(l < a && (a - l).num_days() <= 7, "{wd}: {l}");
        let n = weekday(a, wd, Rel::Next, Tense::Unknown);
        assert!(n > a && (n - a).num_days() <= 7, "{wd}: {n}");
    }
}

#[test]
fn north_koreas_calendar_counts_years_from_1912() {
    let found = find(
        "The ministry released the statement on Oct. 6. -0-\n\nwww.agency.kp (Juche111.10.6.)",
        None,
    );
    let juche = found
        .iter()
        .find(|t| t.rule == "juche-date")
        .expect("a Juche date");
    assert_eq!(juche.value, "2022-10-06");
    assert_eq!(juche.text, "Juche111.10.6");
    let found = find("in the year Juche 100 the calendar was a century old", None);
    assert!(
        found
            .iter()
            .any(|t| t.rule == "juche-year" && t.value == "2011"),
        "{found:?}"
    );
    // A month that no calendar has is no date; the year still stands.
    let found = find("(Juche 95.13.40)", None);
    assert!(found.iter().all(|t| t.rule != "juche-date"), "{found:?}");
    // "Juche" alone, or before a number too long to be its year, dates nothing.
    for text in ["the Juche idea", "Juche 20220 tons"] {
        assert!(find(text, None).is_empty(), "{text}");
    }
}
