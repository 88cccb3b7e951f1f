//! Dates as Excel serials (1900 system) or text, always returned as `yyyy-mm-dd`.

use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::Value;

/// Largest serial Excel accepts (9999-12-31).
const MAX_SERIAL: f64 = 2_958_465.0;

/// The date a cell holds; `Err(())` when it holds something that is not a readable date.
#[allow(clippy::result_unit_err)]
pub fn iso_date(v: &Value) -> Result<String, ()> {
    match v {
        Value::Date(s) | Value::Text(s) => from_text(s).ok_or(()),
        Value::Number(f) => from_serial(*f).or_else(|| from_digits(&super::grid::number_text(*f))).ok_or(()),
        Value::Bool(_) | Value::Error(_) => Err(()),
    }
}

/// The date in a cell, or `None` with a warning naming the unreadable text.
pub fn read_or_report(v: &Value, sheet: &str, cell: (u32, u32), diags: &mut Diagnostics) -> Option<String> {
    if let Ok(date) = iso_date(v) {
        return Some(date);
    }
    let raw = v.text();
    diags.at(
        Severity::Warning,
        "DATE_UNREADABLE",
        sheet,
        cell,
        format!("\"{raw}\" är inget datum (ÅÅÅÅ-MM-DD, D/M/ÅÅÅÅ eller ett Excel-datum); fältet lämnas tomt"),
        format!("\"{raw}\" is not a date (YYYY-MM-DD, D/M/YYYY or an Excel date); the field stays empty"),
    );
    diags.left_empty(sheet, cell);
    None
}

/// Excel serial → date. Serials below 61 count from 1899-12-31 because Excel keeps the
/// non-existent 1900-02-29 as serial 60.
pub fn from_serial(serial: f64) -> Option<String> {
    if !(1.0..=MAX_SERIAL).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let since_1970 = match days {
        60 => return None,
        d if d > 60 => d - 25_569,
        d => d - 25_568,
    };
    let (y, m, d) = civil_from_days(since_1970);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Shift to 0000-03-01 so a leap day ends each 4/100/400-year cycle.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `yyyy-mm-dd`, `yyyy/mm/dd`, `d/m/yyyy`, `d.m.yyyy`, `yyyymmdd`, optionally followed by a
/// time (`hh:mm`, `hh:mm:ss`, after a space or `T`).
pub fn from_text(text: &str) -> Option<String> {
    let text = text.trim();
    let (date, time) = match text.find([' ', 'T']) {
        Some(i) => (&text[..i], text[i + 1..].trim()),
        None => (text, ""),
    };
    if !time.is_empty() && !is_time(time) {
        return None;
    }
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        return from_digits(date);
    }
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let num = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 {
        (num(c)?, num(b)?, num(a)?)
    } else {
        return None;
    };
    valid(y, m, d)
}

fn from_digits(s: &str) -> Option<String> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    valid(s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..].parse().ok()?)
}

fn is_time(s: &str) -> bool {
    let s = s.trim_end_matches('Z');
    let s = s.split('.').next().unwrap_or("");
    let parts: Vec<&str> = s.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=9999).contains(&y) && (1..=days_in_month).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials() {
        assert_eq!(from_serial(1.0).as_deref(), Some("1900-01-01"));
        assert_eq!(from_serial(59.0).as_deref(), Some("1900-02-28"));
        assert_eq!(from_serial(61.0).as_deref(), Some("1900-03-01"));
        assert_eq!(from_serial(43536.0).as_deref(), Some("2019-03-12"));
        assert_eq!(from_serial(43536.75).as_deref(), Some("2019-03-12"));
        assert_eq!(from_serial(45351.0).as_deref(), Some("2024-02-29"));
        assert_eq!(from_serial(MAX_SERIAL).as_deref(), Some("9999-12-31"));
        assert_eq!(from_serial(0.0), None);
        assert_eq!(from_serial(1e12), None);
    }

    #[test]
    fn texts() {
        assert_eq!(from_text("2019-03-12").as_deref(), Some("2019-03-12"));
        assert_eq!(from_text(" 2019-03-12 14:30 ").as_deref(), Some("2019-03-12"));
        assert_eq!(from_text("2019-03-12T14:30:00").as_deref(), Some("2019-03-12"));
        assert_eq!(from_text("12/3/2019").as_deref(), Some("2019-03-12"));
        assert_eq!(from_text("1.10.2020").as_deref(), Some("2020-10-01"));
        assert_eq!(from_text("20190312").as_deref(), Some("2019-03-12"));
        assert_eq!(from_text("2019-02-30"), None);
        assert_eq!(from_text("snart"), None);
        assert_eq!(from_text("2019-03-12 ungefär"), None);
        assert_eq!(iso_date(&Value::Number(20190312.0)), Ok("2019-03-12".to_string()));
    }
}
