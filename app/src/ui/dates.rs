//! Dates and times on pages, in long form in the language on screen ("29 février 1988",
//! "November 27, 2026, 2:30 PM"). Reads the language, so a closure calling these follows a switch.
use crate::i18n::calendar;
use crate::ui::layout::{current_lang, tr_with};
use chrono::{NaiveDate, NaiveDateTime};

pub fn long_date(date: NaiveDate) -> String {
    calendar::long_date(current_lang(), date, &tr_with)
}

pub fn long_date_time(at: NaiveDateTime) -> String {
    calendar::long_date_time(current_lang(), at, &tr_with)
}
