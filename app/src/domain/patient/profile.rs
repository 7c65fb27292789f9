//! What a person may change about themselves: the name they like to be called, phone numbers,
//! postal address and languages. Names and date of birth come from the clinical record and are
//! not here.
use crate::domain::Target;
use crate::domain::{Ctx, DomainError, DomainResult};
use crate::i18n::Lang;
use sqlx::{Any, Executor, Row};

#[derive(Clone, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Profile {
    pub preferred_name: String,
    pub mobile_phone: String,
    pub home_phone: String,
    pub street: String,
    pub city: String,
    pub province: String,
    pub postal_code: String,
    /// Language of emails and notifications.
    pub language: String,
    /// Language of the pages.
    pub interface_language: String,
}

/// The provinces and territories of Canada, by their postal abbreviation.
pub const PROVINCES: [&str; 13] =
    ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"];

/// One change, as a person makes it from their account settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    PreferredName(String),
    Phones { mobile: String, home: String },
    Address { street: String, city: String, province: String, postal_code: String },
    Language(Lang),
    InterfaceLanguage(Lang),
}

impl Change {
    /// Checks and normalises the change (`h2x1y4` → `H2X 1Y4`, `5145550123` → `514-555-0123`).
    pub fn normalised(self) -> DomainResult<Self> {
        Ok(match self {
            Self::PreferredName(name) => {
                let name = line(&name, 60)
                    .ok_or(DomainError::invalid("preferred_name", "error-preferred-name-invalid"))?;
                Self::PreferredName(name)
            }
            Self::Phones { mobile, home } => Self::Phones {
                mobile: phone(&mobile).ok_or(DomainError::invalid("mobile", "error-mobile-invalid"))?,
                home: phone(&home).ok_or(DomainError::invalid("home_phone", "error-home-phone-invalid"))?,
            },
            Self::Address { street, city, province, postal_code } => {
                let (street, city) = (street.trim().to_string(), city.trim().to_string());
                let all_empty = street.is_empty()
                    && city.is_empty()
                    && province.trim().is_empty()
                    && postal_code.trim().is_empty();
                if all_empty {
                    return Ok(Self::Address {
                        street,
                        city,
                        province: String::new(),
                        postal_code: String::new(),
                    });
                }
                if street.is_empty() || street.chars().count() > 200 {
                    return Err(DomainError::invalid("street", "error-street-invalid"));
                }
                if city.is_empty() || city.chars().count() > 100 {
                    return Err(DomainError::invalid("city", "error-city-invalid"));
                }
                let province = province.trim().to_uppercase();
                if !PROVINCES.contains(&province.as_str()) {
                    return Err(DomainError::invalid("province", "error-province-invalid"));
                }
                let postal_code = postal_code_of(&postal_code)
                    .ok_or(DomainError::invalid("postal_code", "error-postal-code-invalid"))?;
                Self::Address { street, city, province, postal_code }
            }
            other => other,
        })
    }

    fn audit_action(&self) -> &'static str {
        match self {
            Self::PreferredName(_) => "profile.preferred_name_changed",
            Self::Phones { .. } => "profile.phones_changed",
            Self::Address { .. } => "profile.address_changed",
            Self::Language(_) => "profile.language_changed",
            Self::InterfaceLanguage(_) => "profile.interface_language_changed",
        }
    }
}

/// A Canadian postal code, `A1A 1A1`: letters D, F, I, O, Q, U never appear, W and Z never first.
pub fn postal_code_of(raw: &str) -> Option<String> {
    let compact: String =
        raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_uppercase();
    let chars: Vec<char> = compact.chars().collect();
    let letter = |c: char| c.is_ascii_uppercase() && !"DFIOQU".contains(c);
    let valid = chars.len() == 6
        && letter(chars[0])
        && !"WZ".contains(chars[0])
        && chars[1].is_ascii_digit()
        && letter(chars[2])
        && chars[3].is_ascii_digit()
        && letter(chars[4])
        && chars[5].is_ascii_digit();
    valid.then(|| format!("{} {}", &compact[..3], &compact[3..]))
}

/// A line typed in a form, trimmed: `None` past `max` characters or with a control character;
/// empty stays empty.
pub fn line(raw: &str, max: usize) -> Option<String> {
    let line = raw.trim();
    (line.chars().count() <= max && !line.chars().any(char::is_control)).then(|| line.to_string())
}

/// The longest name, title or address line an organisation's forms take (the request to join,
/// its details).
pub const LINE_MAX: usize = 200;

/// A line a form needs: trimmed, refused on `field` when empty (`missing`) or over `LINE_MAX`.
pub fn required_line(raw: &str, field: &'static str, missing: &'static str) -> DomainResult<String> {
    match line(raw, LINE_MAX) {
        Some(text) if text.is_empty() => Err(DomainError::invalid(field, missing)),
        Some(text) => Ok(text),
        None => Err(DomainError::invalid(field, "error-line-too-long")),
    }
}

/// A phone number a form needs (see `phone`), refused on `field` when empty or malformed.
pub fn required_phone(raw: &str, field: &'static str) -> DomainResult<String> {
    match phone(raw) {
        Some(phone) if !phone.is_empty() => Ok(phone),
        Some(_) => Err(DomainError::invalid(field, "error-phone-required")),
        None => Err(DomainError::invalid(field, "error-phone-invalid")),
    }
}

/// A North American phone number as `514-555-0123`, with an optional leading 1 or +1 and an
/// extension (`poste 123`, `ext. 123`, `x123`); empty stays empty.
pub fn phone(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(String::new());
    }
    let lowered = raw.to_lowercase();
    let (number, extension) =
        match ["poste", "ext.", "ext", "x"].iter().find_map(|sep| lowered.split_once(sep)) {
            Some((number, extension)) => (number.to_string(), extension.trim().to_string()),
            None => (lowered.clone(), String::new()),
        };
    if !number.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
        || !extension.chars().all(|c| c.is_ascii_digit())
        || extension.len() > 6
    {
        return None;
    }
    let mut digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 11 && digits.starts_with('1') {
        digits.remove(0);
    }
    // Area code and exchange never start with 0 or 1.
    let valid = digits.len() == 10 && !digits.starts_with(['0', '1']) && !digits[3..].starts_with(['0', '1']);
    if !valid {
        return None;
    }
    let formatted = format!("{}-{}-{}", &digits[..3], &digits[3..6], &digits[6..]);
    Some(if extension.is_empty() { formatted } else { format!("{formatted} x{extension}") })
}

pub async fn load<'e>(exec: impl Executor<'e, Database = Any>, account_id: i64) -> DomainResult<Profile> {
    sqlx::query_as(
        "SELECT preferred_name, mobile_phone, home_phone, street, city, province, postal_code, language, interface_language
         FROM accounts WHERE id = $1",
    )
    .bind(account_id)
    .fetch_optional(exec)
    .await?
    .ok_or(DomainError::NotFound)
}

/// The language the pages should be shown in once the person signs in.
pub async fn interface_language<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Lang> {
    let code: String = sqlx::query("SELECT interface_language FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(exec)
        .await?
        .try_get("interface_language")?;
    Ok(Lang::from_code(&code))
}

/// The header's language switch, used by a signed-in person: the interface language setting
/// follows it (recorded like a change made in the settings), so both always agree.
pub async fn follow_language_switch(ctx: &Ctx, account_id: i64, lang: Lang) -> DomainResult<()> {
    if interface_language(&ctx.db, account_id).await? != lang {
        save(ctx, account_id, Change::InterfaceLanguage(lang)).await?;
    }
    Ok(())
}

/// Applies one checked change to `account_id`'s profile and records it (what changed, never the
/// values) under the request's actor: the person, or a caregiver acting for them.
pub async fn save(ctx: &Ctx, account_id: i64, change: Change) -> DomainResult<Change> {
    let db = &ctx.db;
    let change = change.normalised()?;
    let mut tx = db.begin().await?;
    let query = match &change {
        Change::PreferredName(name) => {
            sqlx::query("UPDATE accounts SET preferred_name = $1 WHERE id = $2").bind(name.clone())
        }
        Change::Phones { mobile, home } => {
            sqlx::query("UPDATE accounts SET mobile_phone = $1, home_phone = $2 WHERE id = $3")
                .bind(mobile.clone())
                .bind(home.clone())
        }
        Change::Address { street, city, province, postal_code } => sqlx::query(
            "UPDATE accounts SET street = $1, city = $2, province = $3, postal_code = $4 WHERE id = $5",
        )
        .bind(street.clone())
        .bind(city.clone())
        .bind(province.clone())
        .bind(postal_code.clone()),
        Change::Language(lang) => {
            sqlx::query("UPDATE accounts SET language = $1 WHERE id = $2").bind(lang.code())
        }
        Change::InterfaceLanguage(lang) => {
            sqlx::query("UPDATE accounts SET interface_language = $1 WHERE id = $2").bind(lang.code())
        }
    };
    query.bind(account_id).execute(&mut *tx).await?;
    let acting_for = (ctx.actor != Some(account_id)).then_some(account_id);
    ctx.for_patient(acting_for)
        .audit(&mut *tx, None, change.audit_action(), Target::Account(account_id))
        .await?;
    tx.commit().await?;
    Ok(change)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes_are_validated_and_normalised() {
        assert_eq!(postal_code_of("h2x1y4").as_deref(), Some("H2X 1Y4"));
        assert_eq!(postal_code_of(" H2X 1Y4 ").as_deref(), Some("H2X 1Y4"));
        assert_eq!(postal_code_of("h2x-1y4").as_deref(), Some("H2X 1Y4"));
        for bad in ["", "H2X1Y", "H2X 1Y44", "12345", "D2X 1Y4", "H2X 1O4", "W2X 1Y4", "Z1A 1A1", "HHX 1Y4"] {
            assert_eq!(postal_code_of(bad), None, "{bad} should be refused");
        }
    }

    #[test]
    fn phone_numbers_are_validated_and_normalised() {
        assert_eq!(phone("5145550123").as_deref(), Some("514-555-0123"));
        assert_eq!(phone("(514) 555-0123").as_deref(), Some("514-555-0123"));
        assert_eq!(phone("+1 514 555 0123").as_deref(), Some("514-555-0123"));
        assert_eq!(phone("514 555-0123 poste 42").as_deref(), Some("514-555-0123 x42"));
        assert_eq!(phone("").as_deref(), Some(""));
        for bad in [
            "555-0123",
            "014 555 0123",
            "514 055 0123",
            "514-555-01234",
            "five one four",
            "+33 1 23 45 67 89",
        ] {
            assert_eq!(phone(bad), None, "{bad} should be refused");
        }
    }

    #[test]
    fn an_address_is_whole_or_empty() {
        let address = |street: &str, city: &str, province: &str, postal_code: &str| {
            Change::Address {
                street: street.into(),
                city: city.into(),
                province: province.into(),
                postal_code: postal_code.into(),
            }
            .normalised()
        };
        assert_eq!(
            address(" 123, rue Saint-Denis ", "Montréal", "qc", "h2x1y4").unwrap(),
            Change::Address {
                street: "123, rue Saint-Denis".into(),
                city: "Montréal".into(),
                province: "QC".into(),
                postal_code: "H2X 1Y4".into()
            }
        );
        assert!(address("", "", "", "").is_ok());
        assert!(matches!(
            address("123 rue X", "", "QC", "H2X 1Y4"),
            Err(DomainError::Invalid { key: "error-city-invalid", .. })
        ));
        assert!(matches!(
            address("123 rue X", "Montréal", "XX", "H2X 1Y4"),
            Err(DomainError::Invalid { key: "error-province-invalid", .. })
        ));
        assert!(matches!(
            address("123 rue X", "Montréal", "QC", "12345"),
            Err(DomainError::Invalid { key: "error-postal-code-invalid", .. })
        ));
    }
}
