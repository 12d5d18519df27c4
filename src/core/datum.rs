//! Dates as people in a Dutch office write and read them: parsing what a consultant types
//! (23-11-2026, 23/11/26, 2026-11-23) and formatting for screens, plans and the line mode.
//! One place, so the TUI, the line mode and the CLI accept and print the same dates.

use chrono::{Datelike, NaiveDate};

/// Formats a date the Dutch way: 23-11-2026.
pub fn format(d: NaiveDate) -> String {
    d.format("%-d-%-m-%Y").to_string()
}

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date in words, as a screen reader should say it: "10 december 2026". Digits with
/// dashes are read as a subtraction by some speech synthesisers.
pub fn in_words(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MAANDEN[d.month0() as usize], d.year())
}

/// Parses the date notations people type: 23-11-2026, 23/11/2026, 23.11.2026, 23-11-26,
/// 2026-11-23. Years outside 1900–2200 are taken as typing errors.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let nums: Vec<i32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else {
        let y = if parts[2].len() <= 2 {
            2000 + nums[2]
        } else {
            nums[2]
        };
        (y, nums[1], nums[0])
    };
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn common_dutch_notations_parse() {
        assert_eq!(parse("23-11-2026"), Some(d(2026, 11, 23)));
        assert_eq!(parse(" 1/2/26 "), Some(d(2026, 2, 1)));
        assert_eq!(parse("1.2.2026"), Some(d(2026, 2, 1)));
        assert_eq!(parse("2026-11-23"), Some(d(2026, 11, 23)));
        assert_eq!(parse("31-2-2026"), None);
        assert_eq!(parse("8"), None);
        assert_eq!(parse("1-1-1800"), None);
        assert_eq!(parse("1--2026"), None);
    }

    #[test]
    fn formats_round_trip_and_read_in_words() {
        let day = d(2026, 12, 10);
        assert_eq!(format(day), "10-12-2026");
        assert_eq!(parse(&format(day)), Some(day));
        assert_eq!(in_words(day), "10 december 2026");
        assert_eq!(in_words(d(2027, 1, 1)), "1 januari 2027");
    }
}
