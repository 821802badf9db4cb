//! Table-driven cases for the date engine, in the style of real news copy.
//!
//! Each case is an anchor (the publication date), a text, and every expression the engine must
//! find in it, in order, with its TIMEX3 value. The texts are written for these tests.

use chrono::NaiveDate;

use super::find;

/// Checks that `text`, anchored at `anchor`, yields exactly `want` (words, value), in order.
fn check(anchor: &str, text: &str, want: &[(&str, &str)]) {
    let a = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").expect("anchor");
    let got: Vec<(String, String)> = find(text, Some(a))
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect();
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(w, v)| (w.to_string(), v.to_string()))
        .collect();
    assert_eq!(got, want, "anchor {anchor}: {text}");
}

/// An anchor, a text, and the expressions expected in it.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn table(cases: &[Case]) {
    for (anchor, text, want) in cases {
        check(anchor, text, want);
    }
}

#[test]
fn quarters_just_ended_are_reported_in_the_future_tense() {
    table(&[
        (
            "2011-10-20",
            "The retailer expects to report third-quarter sales below forecasts.",
            &[("third-quarter", "2011-Q3")],
        ),
        (
            "2011-10-20",
            "The carrier will report its second-quarter results late, it said.",
            &[("second-quarter", "2012-Q2")],
        ),
        (
            "2011-02-10",
            "The group will publish fourth-quarter figures next month.",
            &[("fourth-quarter", "2010-Q4"), ("next month", "2011-03")],
        ),
        (
            "2011-05-03",
            "Orders fell in the third quarter of 2010.",
            &[("the third quarter of 2010", "2010-Q3")],
        ),
    ]);
}

#[test]
fn seasons_relative_to_the_anchor() {
    table(&[
        // "this summer" in spring is the coming one, whatever the tense.
        (
            "2012-03-22",
            "Farmers said they feared another drought this summer.",
            &[("this summer", "2012-SU")],
        ),
        // In February, last autumn is the autumn of the year before.
        (
            "2012-02-06",
            "Hiring picked up last fall and has not slowed since.",
            &[("last fall", "2011-FA")],
        ),
        // In January the current winter started the year before.
        (
            "2012-01-15",
            "Heating bills rose sharply this winter.",
            &[("this winter", "2011-WI")],
        ),
        (
            "2012-12-10",
            "Snow closed the pass twice this winter.",
            &[("this winter", "2012-WI")],
        ),
        (
            "2012-03-10",
            "The port froze over last winter and will reopen next summer.",
            &[("last winter", "2011-WI"), ("next summer", "2012-SU")],
        ),
        (
            "2012-01-20",
            "The talks will resume next summer.",
            &[("next summer", "2012-SU")],
        ),
        (
            "2012-10-05",
            "The treaty was signed last spring.",
            &[("last spring", "2012-SP")],
        ),
    ]);
}

#[test]
fn results_copy_compares_quarters() {
    table(&[
        (
            "2011-10-25",
            "Net income rose to $4.2 million, or 12 cents a share, in the third quarter from \
             $3.1 million a year earlier.",
            &[
                ("the third quarter", "2011-Q3"),
                ("a year earlier", "2010-Q3"),
            ],
        ),
        // With no quarter named, the reported one is the quarter before the anchor's.
        (
            "2011-10-25",
            "The year-ago quarter included a $2 million charge for plant closings.",
            &[("The year-ago quarter", "2010-Q3")],
        ),
        (
            "2011-10-25",
            "Revenue fell 4% in the quarter. Year-earlier results were restated.",
            &[("the quarter", "2011-Q3"), ("Year-earlier", "2010-Q3")],
        ),
        (
            "2012-02-08",
            "The bank lost $40 million in the comparable year-ago period, it said of its \
             fourth quarter.",
            &[
                ("the comparable year-ago period", "2010-Q4"),
                ("fourth quarter", "2011-Q4"),
            ],
        ),
        (
            "2011-08-02",
            "Sales for this year's second quarter were $9 million, against $11 million in \
             the 2010 second quarter and $10 million in the 2009 period.",
            &[
                ("this year's second quarter", "2011-Q2"),
                ("the 2010 second quarter", "2010-Q2"),
                ("the 2009 period", "2009-Q2"),
            ],
        ),
        (
            "2011-08-02",
            "Analysts expect growth in next year's first quarter.",
            &[("next year's first quarter", "2012-Q1")],
        ),
        // The same words outside results copy, or without figures, keep their year.
        (
            "2011-05-01",
            "A year ago, the square was empty and the shops were shut.",
            &[("A year ago", "2010")],
        ),
        (
            "2011-10-25",
            "The quarter was a hard one. A year ago, the chief executive resigned.",
            &[("The quarter", "2011-Q3"), ("A year ago", "2010")],
        ),
        // "Last year" is the whole year even among figures.
        (
            "2011-10-25",
            "Third-quarter profit was $5 million, against $6 million last year.",
            &[("Third-quarter", "2011-Q3"), ("last year", "2010")],
        ),
        // A year and a noun that is not a period.
        (
            "2011-10-25",
            "Turnout in the 2010 election was low.",
            &[("2010", "2010")],
        ),
    ]);
}

#[test]
fn following_and_previous_count_from_the_last_date() {
    table(&[
        (
            "2011-06-01",
            "He was promoted on March 3, 2004, and the following year he was posted to Vienna.",
            &[
                ("March 3, 2004", "2004-03-03"),
                ("the following year", "2005"),
            ],
        ),
        (
            "2011-06-01",
            "The board rejected the offer in March. The following month, it put the company \
             up for sale.",
            &[("March", "2011-03"), ("The following month", "2011-04")],
        ),
        (
            "2011-06-01",
            "The embassy reopened in 1998; the previous year it had been shelled.",
            &[("1998", "1998"), ("the previous year", "1997")],
        ),
        // With no date before it, the anchor.
        (
            "2011-06-01",
            "The following week, the ministers are due to meet again.",
            &[("The following week", "2011-W23")],
        ),
        // "last year" and "next month" still count from the anchor.
        (
            "2011-06-01",
            "The embassy reopened in 1998, and last year it was renovated.",
            &[("1998", "1998"), ("last year", "2010")],
        ),
    ]);
}

#[test]
fn deadlines_look_ahead_unless_the_clause_is_past() {
    // 2013-05-09 is a Thursday.
    table(&[
        (
            "2013-05-09",
            "The ceasefire is to hold until Sunday.",
            &[("Sunday", "2013-05-12")],
        ),
        (
            "2013-05-09",
            "Parties must register by Tuesday.",
            &[("Tuesday", "2013-05-14")],
        ),
        (
            "2013-05-09",
            "Until Wednesday, the ministry had refused to comment.",
            &[("Wednesday", "2013-05-08")],
        ),
        (
            "2013-05-09",
            "By Monday, the rebels had withdrawn from the town.",
            &[("Monday", "2013-05-06")],
        ),
        (
            "2013-05-09",
            "It was not until Tuesday that the envoy arrived.",
            &[("Tuesday", "2013-05-07")],
        ),
    ]);
}

#[test]
fn participles_are_not_past_tense() {
    table(&[
        // "will be paid": the day ahead, not last year's.
        (
            "2013-10-24",
            "The dividend will be paid Dec. 12 to holders of record Nov. 20.",
            &[("Dec. 12", "2013-12-12"), ("Nov. 20", "2013-11-20")],
        ),
        (
            "2013-10-24",
            "The vote is to be held Dec. 1, officials said.",
            &[("Dec. 1", "2013-12-01")],
        ),
        // A real past tense still counts.
        (
            "2013-10-24",
            "The talks were held Dec. 20 in Geneva.",
            &[("Dec. 20", "2012-12-20")],
        ),
        // "payable" and "effective" before a date look ahead.
        (
            "2013-10-24",
            "The board declared a dividend payable Dec. 15, and named a new chairman \
             effective Feb. 1.",
            &[("Dec. 15", "2013-12-15"), ("Feb. 1", "2014-02-01")],
        ),
        (
            "2013-10-24",
            "The ban proved effective in March, the report found.",
            &[("March", "2013-03")],
        ),
    ]);
}

#[test]
fn years_spoken_in_words() {
    table(&[
        (
            "2001-03-02",
            "The refinery was built in nineteen eighty-four and closed in nineteen ninety.",
            &[
                ("nineteen eighty-four", "1984"),
                ("nineteen ninety", "1990"),
            ],
        ),
        (
            "2001-03-02",
            "March nineteen ninety-nine. The border closes again.",
            &[("March nineteen ninety-nine", "1999-03")],
        ),
        (
            "2001-03-02",
            "Prices last fell this far in the winter of nineteen ninety-six.",
            &[("the winter of nineteen ninety-six", "1996-WI")],
        ),
        (
            "1998-03-02",
            "Banks are testing their systems for the year two thousand.",
            &[("the year two thousand", "2000")],
        ),
        (
            "2001-03-02",
            "The treaty dates from eighteen fifteen.",
            &[("eighteen fifteen", "1815")],
        ),
        // Counts are not years: "nineteen people", "two thousand troops".
        (
            "2001-03-02",
            "Nineteen people were hurt and two thousand troops were sent.",
            &[],
        ),
        // "a" is not "one": "nineteen ninety a barrel" keeps only the tens.
        (
            "2001-03-02",
            "Crude hit its high in nineteen seventy, a year of shortages.",
            &[("nineteen seventy", "1970")],
        ),
    ]);
}

#[test]
fn percentages_alone_do_not_make_results_copy() {
    table(&[(
        "2012-02-03",
        "Wages were 3.1 percent higher than a year earlier, and growth picked up in the \
         fourth quarter.",
        &[
            ("a year earlier", "2010-Q4"),
            ("the fourth quarter", "2011-Q4"),
        ],
    )]);
    table(&[(
        "2012-02-03",
        "Hiring was strong in the fourth quarter. Wages were 3.1 percent higher than a year \
         earlier.",
        &[
            ("the fourth quarter", "2011-Q4"),
            ("a year earlier", "2011"),
        ],
    )]);
}

#[test]
fn ministries_write_the_year_after_a_slash_or_a_bare_comma() {
    table(&[
        (
            "2021-10-30",
            "Addis Abeba, October 28/2021 - Today at the ministry's briefing",
            &[("October 28/2021", "2021-10-28"), ("Today", "2021-10-30")],
        ),
        (
            "2017-03-30",
            "By JT - Mar 28,2017 - the minister met his counterparts",
            &[("Mar 28,2017", "2017-03-28")],
        ),
        // A fraction after a day is still not a year, nor a date.
        ("2021-10-30", "prices rose by 28/12 on the day", &[]),
        ("2021-10-30", "a share of 28,5 percent", &[]),
        ("2021-10-30", "a budget of 1,2017,000 dollars", &[]),
    ]);
}

#[test]
fn a_weekday_written_beside_a_day_picks_the_year_it_falls_in() {
    table(&[
        // Resolved back from an April anchor, July 19 would be 2022's, a Tuesday: the
        // Wednesday the text names is 2023's.
        (
            "2023-04-19",
            "The minister spoke on Wednesday, July 19 about the reports.",
            &[("Wednesday, July 19", "2023-07-19")],
        ),
        // Where the anchor's year already fits, it stays.
        (
            "2023-08-01",
            "The minister spoke on Wednesday, July 19 about the reports.",
            &[("Wednesday, July 19", "2023-07-19")],
        ),
    ]);
}

#[test]
fn a_comma_slipped_in_after_the_month_still_dates_with_its_year() {
    table(&[
        (
            "2021-09-15",
            "The summit will come off tomorrow, September, 16, 2021, at the hotel.",
            &[
                ("tomorrow", "2021-09-16"),
                ("September, 16, 2021", "2021-09-16"),
            ],
        ),
        // Without a year the number after the comma is a count, not a day.
        (
            "2021-09-15",
            "In September, 16 people were hurt at the border.",
            &[("September", "2021-09")],
        ),
    ]);
}
