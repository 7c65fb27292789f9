//! Opening hours (the support desk's, on the Contact page): the days of the week a service is
//! open, from when to when, as a form types them ("7:00", "7 h 30", "19h") and as people read them
//! ("Du lundi au vendredi, de 7 h à 18 h" / "Monday to Friday, 7 AM to 6 PM").
use crate::i18n::calendar::{self, Text};
use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

/// The weekdays' codes, Monday first: a form's fields are `{code}_opens` / `{code}_closes`, and
/// the locale files name each day `weekday-{code}`.
pub const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Each weekday's two form fields (`{weekday}_opens`, `{weekday}_closes`), Monday first: the
/// names a refusal points at.
pub const FIELDS: [[&str; 2]; 7] = [
    ["monday_opens", "monday_closes"],
    ["tuesday_opens", "tuesday_closes"],
    ["wednesday_opens", "wednesday_closes"],
    ["thursday_opens", "thursday_closes"],
    ["friday_opens", "friday_closes"],
    ["saturday_opens", "saturday_closes"],
    ["sunday_opens", "sunday_closes"],
];

/// One open day: `weekday` 1 (Monday) to 7 (Sunday), in the organisation's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenDay {
    pub weekday: u8,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

/// A time of day as people type it: `7:00`, `07:00`, `7h`, `7 h 30`, `19`, or a browser's
/// `07:00:00`. `None` when it is no time of day.
pub fn parse_time(raw: &str) -> Option<NaiveTime> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let compact = compact.replace('h', ":");
    let mut parts = compact.split(':');
    let hour: u32 = parts.next().filter(|h| (1..=2).contains(&h.len()))?.parse().ok()?;
    let minute: u32 = match parts.next() {
        None | Some("") => 0,
        Some(m) if m.len() == 2 => m.parse().ok()?,
        Some(_) => return None,
    };
    match parts.next() {
        None => {}
        Some(s) if s.len() == 2 && s.chars().all(|c| c.is_ascii_digit()) => {}
        Some(_) => return None,
    }
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// A time as its form field shows it (`07:30`, what `<input type="time">` expects).
pub fn field_value(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// The open days in words, one line per run of consecutive days with the same hours.
pub fn in_words(days: &[OpenDay], text: Text) -> Vec<String> {
    let mut sorted = days.to_vec();
    sorted.sort_by_key(|d| d.weekday);
    let mut runs: Vec<(OpenDay, OpenDay)> = Vec::new();
    for day in sorted {
        match runs.last_mut() {
            Some((_, last))
                if last.weekday + 1 == day.weekday
                    && (last.opens, last.closes) == (day.opens, day.closes) =>
            {
                *last = day
            }
            _ => runs.push((day, day)),
        }
    }
    let day_name = |d: &OpenDay| text(&format!("weekday-{}", WEEKDAYS[usize::from(d.weekday - 1)]), &[]);
    runs.into_iter()
        .map(|(first, last)| {
            let (opens, closes) = (time_in_words(first.opens, text), time_in_words(first.closes, text));
            if first.weekday == last.weekday {
                text("hours-one-day", &[("day", &day_name(&first)), ("opens", &opens), ("closes", &closes)])
            } else {
                text(
                    "hours-days",
                    &[
                        ("first", &day_name(&first)),
                        ("last", &day_name(&last)),
                        ("opens", &opens),
                        ("closes", &closes),
                    ],
                )
            }
        })
        .collect()
}

/// "7 h", "7 h 30" / "7 AM", "7:30 AM".
fn time_in_words(time: NaiveTime, text: Text) -> String {
    let key = if time.minute() == 0 { "time-on-the-hour" } else { "time-short" };
    let clock = calendar::clock(time, text);
    let args: Vec<(&str, &str)> = clock.iter().map(|(k, v)| (*k, v.as_str())).collect();
    text(key, &args)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn each_weekday_has_its_two_fields() {
        for (day, [opens, closes]) in WEEKDAYS.iter().zip(FIELDS) {
            assert_eq!((opens, closes), (format!("{day}_opens").as_str(), format!("{day}_closes").as_str()));
        }
    }

    #[test]
    fn times_are_read_as_people_type_them() {
        for (typed, expected) in [
            ("7:00", Some(at(7, 0))),
            ("07:30", Some(at(7, 30))),
            ("7h", Some(at(7, 0))),
            ("7 h 30", Some(at(7, 30))),
            ("19", Some(at(19, 0))),
            ("18:00:00", Some(at(18, 0))),
            ("0:00", Some(at(0, 0))),
            ("24:00", None),
            ("7:5", None),
            ("7:60", None),
            ("midi", None),
            ("", None),
            ("7:00:00:00", None),
            ("-1", None),
        ] {
            assert_eq!(parse_time(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn consecutive_days_with_the_same_hours_are_said_once() {
        let day = |weekday, opens, closes| OpenDay { weekday, opens, closes };
        let week = [
            day(6, at(9, 0), at(12, 0)),
            day(1, at(7, 0), at(18, 0)),
            day(2, at(7, 0), at(18, 0)),
            day(3, at(7, 0), at(18, 0)),
            day(4, at(7, 0), at(18, 0)),
            day(5, at(7, 0), at(18, 0)),
            day(7, at(13, 30), at(16, 45)),
        ];
        let said = |lang| in_words(&week, &|key, args| crate::i18n::text_with(lang, key, args));
        assert_eq!(
            said(Lang::Fr),
            [
                "Du lundi au vendredi, de 7 h à 18 h",
                "Le samedi, de 9 h à 12 h",
                "Le dimanche, de 13 h 30 à 16 h 45"
            ]
        );
        assert_eq!(
            said(Lang::En),
            ["Monday to Friday, 7 AM to 6 PM", "Saturday, 9 AM to 12 PM", "Sunday, 1:30 PM to 4:45 PM"]
        );
        // Same hours, but not consecutive: Monday and Wednesday are said apart.
        let split = [day(1, at(8, 0), at(12, 0)), day(3, at(8, 0), at(12, 0))];
        assert_eq!(in_words(&split, &|k, a| crate::i18n::text_with(Lang::En, k, a)).len(), 2);
    }
}
