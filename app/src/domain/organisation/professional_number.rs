//! Professional numbers (Québec): a physician's `1-XXXXX`, a resident's `5-XXXXX`, a specialised
//! nurse practitioner's `8-1XXXX`. Typed with or without the dash (spaces ignored), stored as
//! `d-ddddd`, unique within an organisation; optional.
use crate::domain::{DomainError, DomainResult};
use sqlx::{Any, Executor};

const FIELD: &str = "professional_number";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Physician,
    Resident,
    NursePractitioner,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfessionalNumber(String);

impl ProfessionalNumber {
    /// The number as stored (`1-23456`), or a refusal on the `professional_number` field.
    pub fn parse(typed: &str) -> DomainResult<Self> {
        let compact: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        let digits = match compact.split_once('-') {
            Some((first, rest)) if first.len() == 1 => format!("{first}{rest}"),
            Some(_) => String::new(),
            None => compact,
        };
        let shaped = digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit());
        let known_kind = digits.starts_with('1') || digits.starts_with('5') || digits.starts_with("81");
        if !(shaped && known_kind) {
            return Err(DomainError::invalid(FIELD, "error-professional-number-invalid"));
        }
        Ok(Self(format!("{}-{}", &digits[..1], &digits[1..])))
    }

    /// An optional field: empty is none.
    pub fn parse_optional(typed: &str) -> DomainResult<Option<Self>> {
        if typed.trim().is_empty() {
            Ok(None)
        } else {
            Self::parse(typed).map(Some)
        }
    }

    pub fn kind(&self) -> Kind {
        match &self.0[..1] {
            "1" => Kind::Physician,
            "5" => Kind::Resident,
            _ => Kind::NursePractitioner,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Gives (or, with `None`, takes away) a staff member's number in the organisation; refused on the
/// field when another person of the organisation has it.
pub async fn set<'e>(
    exec: impl Executor<'e, Database = Any>,
    organisation_id: i64,
    account_id: i64,
    number: Option<&ProfessionalNumber>,
) -> DomainResult<()> {
    let result =
        match number {
            Some(number) => sqlx::query(
                "INSERT INTO professional_numbers (organisation_id, account_id, number) VALUES ($1, $2, $3)
                 ON CONFLICT (organisation_id, account_id) DO UPDATE SET number = excluded.number",
            )
            .bind(organisation_id)
            .bind(account_id)
            .bind(number.as_str())
            .execute(exec)
            .await,
            None => {
                sqlx::query("DELETE FROM professional_numbers WHERE organisation_id = $1 AND account_id = $2")
                    .bind(organisation_id)
                    .bind(account_id)
                    .execute(exec)
                    .await
            }
        };
    match result {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            Err(DomainError::conflict(Some(FIELD), "error-professional-number-taken"))
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_by_kind_with_or_without_the_dash_and_stored_with_it() {
        for (typed, stored, kind) in [
            ("1-23456", "1-23456", Kind::Physician),
            ("123456", "1-23456", Kind::Physician),
            (" 1 - 23456 ", "1-23456", Kind::Physician),
            ("5-00012", "5-00012", Kind::Resident),
            ("500012", "5-00012", Kind::Resident),
            ("8-12345", "8-12345", Kind::NursePractitioner),
            ("812345", "8-12345", Kind::NursePractitioner),
        ] {
            let number = ProfessionalNumber::parse(typed).unwrap_or_else(|_| panic!("{typed}"));
            assert_eq!((number.as_str(), number.kind()), (stored, kind), "{typed}");
        }
    }

    #[test]
    fn anything_else_is_refused_on_the_field() {
        for typed in [
            "",
            "1-2345",
            "1-234567",
            "2-23456",
            "8-23456",
            "9-12345",
            "12-3456",
            "1-2345a",
            "1–23456",
            "１-23456",
            "1--23456",
            "-123456",
        ] {
            match ProfessionalNumber::parse(typed) {
                Err(DomainError::Invalid { key, field }) => {
                    assert_eq!((key, field), ("error-professional-number-invalid", Some(FIELD)), "{typed}")
                }
                other => panic!("{typed:?} gave {other:?}"),
            }
        }
        assert_eq!(ProfessionalNumber::parse_optional("  ").unwrap(), None);
    }
}
