//! The date engine: arbitrary UTF-8 text and an anchor derived from the input. `dates::find` and
//! `dates::parse_dateline` must never panic, every span they report must lie on char boundaries
//! inside the text, and every day resolved against an anchor (its year not written) must be
//! within ±200 years of it.
#![no_main]

use chrono::{Datelike, NaiveDate};
use communique::dates::{find, parse_dateline};
use libfuzzer_sys::fuzz_target;

/// The anchor: none, a plausible publication day, or any day a four-digit year can name.
fn anchor(head: [u8; 4]) -> Option<NaiveDate> {
    let n = u32::from_le_bytes(head);
    let base = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
    match n % 4 {
        0 => None,
        // 1900-01-01 .. about 2119: where real publication dates live.
        1 | 2 => NaiveDate::from_ymd_opt(1900, 1, 1)?
            .checked_add_days(chrono::Days::new(u64::from(n / 4 % 80_000))),
        // Year 1 .. 9999: what a four-digit year in a text (front matter, date lines) can name.
        _ => base.checked_add_days(chrono::Days::new(u64::from(n / 4 % 3_652_059))),
    }
}

fn check_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let anchor = anchor([data[0], data[1], data[2], data[3]]);
    let Ok(text) = std::str::from_utf8(&data[4..]) else {
        return;
    };
    for t in find(text, anchor) {
        check_span(text, t.start, t.end, t.rule);
        assert_eq!(
            &text[t.start..t.end],
            t.text,
            "{}: text differs from span",
            t.rule
        );
        match (t.day, anchor) {
            // A year the text writes is taken as written (the recogniser reads 1000-2999).
            (Some(day), _) if t.explicit_year => assert!(
                (1000..=2999).contains(&day.year()),
                "{}: {:?} resolved to {day}",
                t.rule,
                t.text
            ),
            // A day the anchor completes stays near it.
            (Some(day), Some(a)) => assert!(
                (day.year() - a.year()).abs() <= 200,
                "{}: {:?} resolved to {day}, over 200 years from the anchor {a}",
                t.rule,
                t.text
            ),
            _ => {}
        }
    }
    if let Some(d) = parse_dateline(text) {
        check_span(text, d.span.0, d.span.1, "dateline");
        for (s, e) in [d.place_span, d.date_span].into_iter().flatten() {
            check_span(text, s, e, "dateline part");
        }
    }
});
