//! The calendar as people type it and as the organisation's clock reads it. Dates are stored as
//! `YYYY-MM-DD` and instants as epoch seconds; pages show them in long form (`i18n::calendar`).
use crate::domain::{store, DomainResult};
use chrono::{NaiveDate, NaiveDateTime};
use sqlx::Row;

/// The time zone an organisation's clock reads in (an IANA name such as `America/Toronto`).
pub async fn organisation_timezone(db: &store::Db, organisation_id: i64) -> DomainResult<String> {
    Ok(sqlx::query("SELECT timezone FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_one(db)
        .await?
        .try_get("timezone")?)
}

/// A date as someone types it: `1988-02-29` (what a date picker sends), or day first as written
/// in Québec and France when the browser has no picker: `29/02/1988`, `29-02-1988`, `29.02.1988`.
pub fn typed_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().or_else(|| {
        let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
        match parts.as_slice() {
            [day, month, year] if year.len() == 4 && day.len() <= 2 && month.len() <= 2 => {
                NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
            }
            _ => None,
        }
    })
}

/// A date read back from the database (always `YYYY-MM-DD`).
pub fn stored_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The platform's time zone: a new organisation's, and a person's whose organisations do not
/// share one.
pub const DEFAULT_TIMEZONE: &str = "America/Montreal";

fn zone(timezone: &str) -> chrono_tz::Tz {
    timezone.parse().unwrap_or(chrono_tz::America::Montreal)
}

/// The wall-clock time in the organisation's time zone at an epoch time.
pub fn local_time(epoch: i64, timezone: &str) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(epoch, 0)
        .unwrap_or_default()
        .with_timezone(&zone(timezone))
        .naive_local()
}

/// The organisation's local date at `now`.
pub fn local_date(now: i64, timezone: &str) -> NaiveDate {
    local_time(now, timezone).date()
}

/// The first instant of `day` in the organisation's time zone, as epoch seconds. Computed on the
/// local calendar, so a day of 23 or 25 hours (DST) still starts at local midnight; were a zone
/// to skip midnight, the instant it would have been.
pub fn day_start(day: NaiveDate, timezone: &str) -> i64 {
    use chrono::TimeZone;
    let tz = zone(timezone);
    let midnight = day.and_hms_opt(0, 0, 0).expect("valid time");
    tz.from_local_datetime(&midnight)
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&midnight))
        .timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_date_is_read_as_a_picker_sends_it_or_as_people_write_it() {
        assert_eq!(typed_date("1988-02-29"), day(1988, 2, 29));
        assert_eq!(typed_date(" 29/02/1988 "), day(1988, 2, 29));
        assert_eq!(typed_date("1/3/2020"), day(2020, 3, 1));
        assert_eq!(typed_date("29-02-1988"), day(1988, 2, 29));
        assert_eq!(typed_date("29.02.1988"), day(1988, 2, 29));
        for wrong in
            ["29/02/1989", "31/04/2020", "02/29/1988", "29/02/88", "", "29 février 1988", "1988/02/29"]
        {
            assert_eq!(typed_date(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn local_time_is_the_organisations_wall_clock() {
        // 2026-11-27 19:30 UTC is 14:30 in Montréal (EST, UTC-5).
        let at = local_time(1_795_807_800, "America/Montreal");
        assert_eq!(at.to_string(), "2026-11-27 14:30:00");
        // 04:30 UTC on the 28th is still the 27th in Montréal.
        assert_eq!(local_date(1_795_840_200, "America/Montreal"), day(2026, 11, 27).unwrap());
    }
}
