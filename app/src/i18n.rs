//! Languages of Portail. French is the default. The interface translates through leptos-fluent;
//! the server (emails) through the same `locales/` files with `text`/`text_with`.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// Texts the server writes itself (emails), from the same `locales/` files as the pages.
#[cfg(feature = "ssr")]
mod mail_texts {
    use super::Lang;
    use fluent_templates::fluent_bundle::FluentValue;
    use fluent_templates::{LanguageIdentifier, Loader};
    use std::borrow::Cow;
    use std::collections::HashMap;

    fluent_templates::static_loader! {
        static LOCALES = {
            locales: "../locales",
            fallback_language: "fr",
            customise: |bundle| bundle.set_use_isolating(false),
        };
    }

    fn id(lang: Lang) -> LanguageIdentifier {
        lang.code().parse().expect("valid language identifier")
    }

    pub fn text(lang: Lang, key: &str) -> String {
        LOCALES.lookup(&id(lang), key)
    }

    pub fn text_with(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Owned(k.to_string()), FluentValue::from(v.to_string()))).collect();
        LOCALES.lookup_with_args(&id(lang), key, &args)
    }
}

#[cfg(feature = "ssr")]
pub use mail_texts::{text, text_with};

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
    fn server_text_is_translated_and_french_by_default() {
        assert_eq!(text(Lang::Fr, "portal-name"), "Portail usager");
        assert_eq!(text(Lang::En, "portal-name"), "Patient Portal");
        assert_eq!(Lang::from_code("de"), Lang::Fr);
    }
}
