//! What pages say in the language on screen: messages (`tr`, `tr_with`), dates and times in long
//! form ("29 février 1988", "November 27, 2026, 2:30 PM") and opening hours. Each reads the
//! language, so a closure calling these follows a switch.
use crate::hours::{self, OpenDay};
use crate::i18n::{calendar, Lang};
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::{expect_context, Get};

/// The language the interface shows now.
pub fn current_lang() -> Lang {
    Lang::from_code(expect_context::<leptos_fluent::I18n>().language.get().id)
}

/// A message in the language on screen.
pub fn tr(key: &str) -> String {
    expect_context::<leptos_fluent::I18n>().tr(key)
}

/// A message in the language on screen, its placeables filled with `args`.
pub fn tr_with(key: &str, args: &[(&str, &str)]) -> String {
    let i18n = expect_context::<leptos_fluent::I18n>();
    if args.is_empty() {
        return i18n.tr(key);
    }
    let args = args
        .iter()
        .map(|(k, v)| {
            (
                std::borrow::Cow::Owned(k.to_string()),
                fluent_templates::fluent_bundle::FluentValue::from(v.to_string()),
            )
        })
        .collect();
    i18n.tr_with_args(key, &args)
}

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

/// `tel:` for a stored number (`514-555-0123`, `514-555-0123 x200`): the extension is dialled
/// after a pause.
pub fn tel_link(phone: &str) -> String {
    let (number, extension) = phone.split_once(" x").unwrap_or((phone, ""));
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let pause = if extension.is_empty() { String::new() } else { format!(",{extension}") };
    format!("tel:+1{digits}{pause}")
}
