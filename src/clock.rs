//! Time, read once at the edge: the creation time of a report is now, unless `SOURCE_DATE_EPOCH` fixes it
//! (reproducible output for tests and archives). Also the small calendar arithmetic this needs, so that no
//! date library is pulled in for formatting one timestamp.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since 1970-01-01 UTC: `SOURCE_DATE_EPOCH` when set to an integer, else the system clock.
pub fn now_epoch(source_date_epoch: Option<&str>) -> i64 {
    source_date_epoch.and_then(|value| value.trim().parse::<i64>().ok()).unwrap_or_else(|| {
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
    })
}

/// `2026-11-22T10:00:00Z`.
pub fn rfc3339(epoch: i64) -> String {
    let (days, seconds) = (epoch.div_euclid(86_400), epoch.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", seconds / 3600, seconds % 3600 / 60, seconds % 60)
}

/// `2026-11-22`.
pub fn date(epoch: i64) -> String {
    rfc3339(epoch)[..10].to_string()
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
pub fn is_valid_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i64>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_000_000), "2026-11-18T11:06:40Z");
        assert_eq!(date(-86_400), "1969-12-31");
    }

    #[test]
    fn reads_source_date_epoch_when_it_is_an_integer() {
        assert_eq!(now_epoch(Some("1795000000")), 1_795_000_000);
        assert!(now_epoch(Some("soon")) > 1_700_000_000);
    }

    #[test]
    fn accepts_real_dates_only() {
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("2026-13-01"));
        assert!(!is_valid_date("26-11-22"));
        assert!(!is_valid_date("2026-11-22T10:00"));
    }
}
