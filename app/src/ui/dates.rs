//! Dates and times on pages, in long form in the language on screen ("29 février 1988",
//! "November 27, 2026, 2:30 PM"), and opening hours. Reads the language, so a closure calling these follows a switch.
use crate::hours::{self, OpenDay};
use crate::i18n::calendar;
use crate::ui::layout::{current_lang, tr_with};
use chrono::{NaiveDate, NaiveDateTime};

pub fn long_date(date: NaiveDate) -> String {
    calendar::long_date(current_lang(), date, &tr_with)
}

pub fn long_date_time(at: NaiveDateTime) -> String {
    calendar::long_date_time(current_lang(), at, &tr_with)
}

/// "Du lundi au vendredi, de 7 h à 18 h", one line per run of days with the same hours.
pub fn opening_hours(days: &[OpenDay]) -> Vec<String> {
    hours::in_words(days, &tr_with)
}

/// A weekday's name as a heading says it ("Lundi", "Monday"); `weekday` 0 is Monday.
pub fn weekday_name(weekday: usize) -> String {
    let name = tr_with(&format!("weekday-{}", hours::WEEKDAYS[weekday]), &[]);
    let mut chars = name.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
