//! Holidays news copy dates things by: "found on Thanksgiving Day", "talks resume after
//! Christmas", "Easter week". Each is a rule giving its day in a year.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A holiday with a date rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// 1 January.
    NewYearsDay,
    /// 31 December.
    NewYearsEve,
    /// 14 February.
    ValentinesDay,
    /// The Friday before Easter.
    GoodFriday,
    /// Easter Sunday (Gregorian).
    Easter,
    /// The ISO week holding Easter Sunday.
    EasterWeek,
    /// 11 November ("Veterans Day", "Armistice Day").
    ArmisticeDay,
    /// The US election day: the Tuesday after the first Monday of November.
    ElectionDay,
    /// The US Thanksgiving: the fourth Thursday of November.
    Thanksgiving,
    /// 24 December.
    ChristmasEve,
    /// 25 December.
    Christmas,
    /// 26 December.
    BoxingDay,
}

impl Holiday {
    /// Its day in `year` (for Easter week, Easter Sunday).
    pub fn day(self, year: i32) -> Option<NaiveDate> {
        let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
        match self {
            Holiday::NewYearsDay => ymd(1, 1),
            Holiday::NewYearsEve => ymd(12, 31),
            Holiday::ValentinesDay => ymd(2, 14),
            Holiday::GoodFriday => easter(year)?.checked_sub_days(Days::new(2)),
            Holiday::Easter | Holiday::EasterWeek => easter(year),
            Holiday::ArmisticeDay => ymd(11, 11),
            Holiday::ElectionDay => {
                let monday = NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Mon, 1)?;
                monday.succ_opt()
            }
            Holiday::Thanksgiving => {
                NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4)
            }
            Holiday::ChristmasEve => ymd(12, 24),
            Holiday::Christmas => ymd(12, 25),
            Holiday::BoxingDay => ymd(12, 26),
        }
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).filter(|d| d.year() == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn moving_holidays() {
        assert_eq!(easter(2000), Some(d(2000, 4, 23)));
        assert_eq!(easter(2019), Some(d(2019, 4, 21)));
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(Holiday::GoodFriday.day(2019), Some(d(2019, 4, 19)));
        assert_eq!(Holiday::Thanksgiving.day(1999), Some(d(1999, 11, 25)));
        assert_eq!(Holiday::Thanksgiving.day(2018), Some(d(2018, 11, 22)));
        // The Tuesday after the first Monday: never 1 November.
        assert_eq!(Holiday::ElectionDay.day(1998), Some(d(1998, 11, 3)));
        assert_eq!(Holiday::ElectionDay.day(2016), Some(d(2016, 11, 8)));
        assert_eq!(Holiday::ElectionDay.day(2022), Some(d(2022, 11, 8)));
    }
}
