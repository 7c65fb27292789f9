//! Languages of Portail. French is the default. The interface translates through leptos-fluent;
//! the server (emails) through the same `locales/` files with `text`/`text_with`.
use serde::{Deserialize, Serialize};

/// Posted and sent as its code (`fr`, `en`), like the forms' `<select>` values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

/// Unknown codes read back as French, like `from_code`.
impl From<String> for Lang {
    fn from(code: String) -> Self {
        Self::from_code(&code)
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Unknown codes fall back to French.
    pub fn from_code(code: &str) -> Self {
        Self::parse(code).unwrap_or_default()
    }

    /// The name of the language written in itself, as shown on the toggle.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// The `Set-Cookie` value that remembers this interface language for a year.
    pub fn cookie(self) -> String {
        format!("lang={}; Path=/; Max-Age=31536000; SameSite=Lax", self.code())
    }

    pub fn other(self) -> Self {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }
}

/// Dates and times as people read them: "29 février 1988", "27 novembre 2026 à 14 h 30" /
/// "February 29, 1988", "November 27, 2026, 2:30 PM". The words and their order come from the
/// locale files (`month-N`, `date-long`, `date-time-long`); `text` looks a key up with its
/// arguments (the page's translator, or the server's `text_with`). ISO stays for exports only.
pub mod calendar {
    use super::Lang;
    use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

    pub type Text<'a> = &'a dyn Fn(&str, &[(&str, &str)]) -> String;

    pub fn long_date(lang: Lang, date: NaiveDate, text: Text) -> String {
        // French writes the first of the month as an ordinal: "1er mars".
        let day = match (lang, date.day()) {
            (Lang::Fr, 1) => "1er".to_string(),
            (_, day) => day.to_string(),
        };
        let month = text(&format!("month-{}", date.month()), &[]);
        text("date-long", &[("day", &day), ("month", &month), ("year", &date.year().to_string())])
    }

    pub fn long_date_time(lang: Lang, at: NaiveDateTime, text: Text) -> String {
        let date = long_date(lang, at.date(), text);
        let clock = clock(at.time(), text);
        let mut args: Vec<(&str, &str)> = vec![("date", &date)];
        args.extend(clock.iter().map(|(k, v)| (*k, v.as_str())));
        text("date-time-long", &args)
    }

    /// A time's placeables for the locale files: `hour` (0–23), `hour12`, `minute` (two digits)
    /// and `period` (AM/PM), each message taking those its language writes.
    pub fn clock(time: NaiveTime, text: Text) -> [(&'static str, String); 4] {
        let hour12 = match time.hour() % 12 {
            0 => 12,
            hour => hour,
        };
        [
            ("hour", time.hour().to_string()),
            ("hour12", hour12.to_string()),
            ("minute", format!("{:02}", time.minute())),
            ("period", text(if time.hour() < 12 { "time-am" } else { "time-pm" }, &[])),
        ]
    }
}

/// The words of both languages, on the server: pages rendered there and the emails it writes.
#[cfg(feature = "ssr")]
mod server_words {
    use super::Lang;
    use fluent_templates::fluent_bundle::FluentValue;
    use fluent_templates::{LanguageIdentifier, Loader};
    use std::borrow::Cow;
    use std::collections::HashMap;

    fluent_templates::static_loader! {
        pub static TRANSLATIONS = {
            locales: "../locales",
            fallback_language: "fr",
            customise: |bundle| bundle.set_use_isolating(false),
        };
    }

    fn id(lang: Lang) -> LanguageIdentifier {
        lang.code().parse().expect("valid language identifier")
    }

    pub fn text(lang: Lang, key: &str) -> String {
        TRANSLATIONS.lookup(&id(lang), key)
    }

    pub fn text_with(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Owned(k.to_string()), FluentValue::from(v.to_string()))).collect();
        TRANSLATIONS.lookup_with_args(&id(lang), key, &args)
    }

    /// A language's locale file as the browser fetches it (`/locales/fr.<hash>.ftl`).
    pub fn locale_source(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => include_str!("../../locales/fr/main.ftl"),
            Lang::En => include_str!("../../locales/en/main.ftl"),
        }
    }

    /// `/locales/fr.<hash>.ftl`: named by its content, so a browser keeps it until the words change.
    pub fn locale_href(lang: Lang) -> &'static str {
        use sha2::{Digest, Sha256};
        use std::sync::OnceLock;
        static HREFS: [OnceLock<String>; 2] = [OnceLock::new(), OnceLock::new()];
        HREFS[lang as usize].get_or_init(|| {
            let digest = Sha256::digest(locale_source(lang).as_bytes());
            // 22 characters, like the names cargo-leptos gives the bundle (server's `named_by_content`).
            let hash: String = digest[..11].iter().map(|b| format!("{b:02x}")).collect();
            format!("/locales/{}.{hash}.ftl", lang.code())
        })
    }
}

/// The words of the page's language, in the browser. They are not compiled into the bundle
/// (both languages were a tenth of it, and a page needs one): the page names its language's
/// file in `<link rel="preload" id="locale">`, fetched while the bundle loads, and `load` reads
/// it before hydration starts, so the first render speaks the same words as the server's.
#[cfg(feature = "hydrate")]
pub mod browser_words {
    use fluent_templates::fluent_bundle::FluentResource;
    use fluent_templates::{loader, LanguageIdentifier, StaticLoader};
    use leptos::wasm_bindgen::JsCast;
    use std::collections::HashMap;
    use std::sync::{LazyLock, OnceLock};

    static FETCHED: OnceLock<(LanguageIdentifier, String)> = OnceLock::new();

    pub static TRANSLATIONS: LazyLock<StaticLoader> = LazyLock::new(|| {
        let (lang, source) =
            FETCHED.get().cloned().unwrap_or_else(|| ("fr".parse().expect("fr"), String::new()));
        // A file that does not parse whole still gives the messages it could read.
        let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _)| partial);
        let resources: &'static HashMap<LanguageIdentifier, Vec<FluentResource>> =
            Box::leak(Box::new(HashMap::from([(lang.clone(), vec![resource])])));
        let bundles = Box::leak(Box::new(loader::build_bundles(resources, None, |bundle| {
            bundle.set_use_isolating(false)
        })));
        let fallbacks = Box::leak(Box::new(loader::build_fallbacks(std::slice::from_ref(&lang))));
        StaticLoader::new(bundles, fallbacks, lang)
    });

    /// Fetches the words the page names. `false` when they could not be read (a release
    /// replaced them since the page was drawn: the caller loads the page again).
    pub async fn load() -> bool {
        let Some(document) = leptos::web_sys::window().and_then(|w| w.document()) else { return false };
        let Some(link) = document.get_element_by_id("locale") else { return false };
        let (Some(href), Some(lang)) = (link.get_attribute("href"), link.get_attribute("hreflang")) else {
            return false;
        };
        let Ok(lang) = lang.parse::<LanguageIdentifier>() else { return false };
        match fetch_text(&href).await {
            Some(source) => FETCHED.set((lang, source)).is_ok(),
            None => false,
        }
    }

    async fn fetch_text(href: &str) -> Option<String> {
        use wasm_bindgen_futures::JsFuture;
        let window = leptos::web_sys::window()?;
        let response = JsFuture::from(window.fetch_with_str(href)).await.ok()?;
        let response: leptos::web_sys::Response = response.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?).await.ok()?.as_string()
    }
}

#[cfg(feature = "hydrate")]
pub use browser_words::TRANSLATIONS;
#[cfg(feature = "ssr")]
pub use server_words::{locale_href, locale_source, TRANSLATIONS};
#[cfg(feature = "ssr")]
pub use server_words::{text, text_with};

/// A date as `lang` writes it, for texts the server writes (emails, messages with a date).
#[cfg(feature = "ssr")]
pub fn long_date(lang: Lang, date: chrono::NaiveDate) -> String {
    calendar::long_date(lang, date, &|key, args| text_with(lang, key, args))
}

#[cfg(feature = "ssr")]
pub fn long_date_time(lang: Lang, at: chrono::NaiveDateTime) -> String {
    calendar::long_date_time(lang, at, &|key, args| text_with(lang, key, args))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn both_locales_have_the_same_keys() {
        let keys = |lang: &str| -> std::collections::BTreeSet<String> {
            let path = format!("{}/../locales/{lang}/main.ftl", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(path)
                .unwrap()
                .lines()
                .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
                .filter(|k| !k.is_empty() && !k.starts_with('#') && !k.starts_with(' ') && !k.contains(' '))
                .collect()
        };
        let (fr, en) = (keys("fr"), keys("en"));
        assert!(fr.len() > 20);
        assert_eq!(fr.symmetric_difference(&en).collect::<Vec<_>>(), Vec::<&String>::new());
    }

    #[test]
    fn dates_read_as_people_write_them_in_each_language() {
        let date = chrono::NaiveDate::from_ymd_opt(1988, 2, 29).unwrap();
        assert_eq!(long_date(Lang::Fr, date), "29 février 1988");
        assert_eq!(long_date(Lang::En, date), "February 29, 1988");
        let first = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(long_date(Lang::Fr, first), "1er mars 2026");
        assert_eq!(long_date(Lang::En, first), "March 1, 2026");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(14, 30, 0).unwrap();
        assert_eq!(long_date_time(Lang::Fr, at), "27 novembre 2026 à 14 h 30");
        assert_eq!(long_date_time(Lang::En, at), "November 27, 2026, 2:30 PM");
        let midnight = at.date().and_hms_opt(0, 5, 0).unwrap();
        assert_eq!(long_date_time(Lang::Fr, midnight), "27 novembre 2026 à 0 h 05");
        assert_eq!(long_date_time(Lang::En, midnight), "November 27, 2026, 12:05 AM");
        let noon = at.date().and_hms_opt(12, 0, 0).unwrap();
        assert_eq!(long_date_time(Lang::En, noon), "November 27, 2026, 12:00 PM");
    }

    #[test]
    fn server_text_is_translated_and_french_by_default() {
        assert_eq!(text(Lang::Fr, "portal-name"), "Portail usager");
        assert_eq!(text(Lang::En, "portal-name"), "Patient Portal");
        assert_eq!(Lang::from_code("de"), Lang::Fr);
    }
}
