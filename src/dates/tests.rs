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
