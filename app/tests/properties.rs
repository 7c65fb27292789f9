//! Properties of every parser and normaliser of what people type: they never panic, whatever
//! the input; what they accept comes back in one canonical form that they accept again unchanged
//! (round trip); and the forms people really write are accepted.
#![cfg(feature = "ssr")]
use app::domain::identity::account::Email;
use app::domain::identity::credential::{check_new_password, PasswordProblem};
use app::domain::onboarding::invitation::InvitationCode;
use app::domain::{identity::recovery_code, patient, patient::profile};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn nothing_typed_makes_a_parser_panic(raw in "\\PC{0,300}") {
        let _ = Email::parse(&raw);
        let _ = InvitationCode::parse(&raw);
        let _ = profile::phone(&raw);
        let _ = profile::postal_code_of(&raw);
        let _ = recovery_code::normalise(&raw);
        let _ = check_new_password(&raw, &raw, &[&raw]);
        let _ = patient::check(&raw, &raw, &raw, &raw, today());
    }

    #[test]
    fn an_invitation_code_is_read_however_it_is_typed(
        letter in "[a-zA-Z]", digits in "[0-9]{6}", sep in "(-| |  |)", pad in " {0,3}"
    ) {
        let typed = format!("{pad}{letter}{sep}{digits}{pad}");
        let code = InvitationCode::parse(&typed).unwrap();
        prop_assert_eq!(code.as_str(), format!("{}-{digits}", letter.to_ascii_uppercase()));
        prop_assert_eq!(InvitationCode::parse(code.as_str()).unwrap(), code.clone());
    }

    #[test]
    fn a_wrong_length_invitation_code_is_refused(letter in "[A-Z]", digits in "[0-9]{0,5}|[0-9]{7,10}") {
        let typed = format!("{letter}-{digits}");
        prop_assert!(InvitationCode::parse(&typed).is_err());
    }

    #[test]
    fn an_email_keeps_its_letters_and_is_keyed_without_case(
        // What mail servers take: dots only between characters of the local part, a domain label
        // that neither starts nor ends with a hyphen (the mailer's parser refuses the rest).
        local in "[a-zA-Z0-9_%+'-]{1,20}(\\.[a-zA-Z0-9_%+'-]{1,19})?",
        domain in "[a-zA-Z0-9]([a-zA-Z0-9-]{0,28}[a-zA-Z0-9])?",
        tld in "[a-zA-Z]{2,6}"
    ) {
        let typed = format!("  {local}@{domain}.{tld} ");
        let email = Email::parse(&typed).unwrap();
        prop_assert_eq!(email.as_str(), typed.trim());
        prop_assert_eq!(email.key(), typed.trim().to_lowercase());
        prop_assert_eq!(Email::parse(email.as_str()).unwrap(), email.clone());
    }

    #[test]
    fn a_phone_number_is_written_one_way_whatever_the_punctuation(
        area in "[2-9][0-9]{2}", exchange in "[2-9][0-9]{2}", line in "[0-9]{4}",
        style in 0usize..5, extension in proptest::option::of("[0-9]{1,6}")
    ) {
        let number = match style {
            0 => format!("{area}{exchange}{line}"),
            1 => format!("({area}) {exchange}-{line}"),
            2 => format!("+1 {area} {exchange} {line}"),
            3 => format!("1-{area}-{exchange}-{line}"),
            _ => format!("{area}.{exchange}.{line}"),
        };
        let typed = match &extension {
            Some(ext) => format!("{number} poste {ext}"),
            None => number,
        };
        let written = profile::phone(&typed).unwrap();
        let canonical = format!("{area}-{exchange}-{line}");
        match &extension {
            Some(ext) => prop_assert_eq!(&written, &format!("{canonical} x{ext}")),
            None => prop_assert_eq!(&written, &canonical),
        }
        prop_assert_eq!(profile::phone(&written).unwrap(), written);
    }

    #[test]
    fn a_postal_code_is_written_a1a_1a1(
        first in "[ABCEGHJ-NPRSTVXY]", a in "[0-9]", b in "[ABCEGHJ-NPRSTV-Z]", c in "[0-9]",
        d in "[ABCEGHJ-NPRSTV-Z]", e in "[0-9]", lower in any::<bool>(), sep in "( |-|)"
    ) {
        let code = format!("{first}{a}{b}{sep}{c}{d}{e}");
        let typed = if lower { code.to_lowercase() } else { code };
        let written = profile::postal_code_of(&typed).unwrap();
        prop_assert_eq!(&written, &format!("{first}{a}{b} {c}{d}{e}"));
        prop_assert_eq!(profile::postal_code_of(&written).unwrap(), written);
    }

    #[test]
    fn a_password_is_counted_in_characters_after_nfc(base in "[a-zàéèêëîïôöùûüç]{1,60}") {
        // "é" typed as e + combining accent is one character, like the precomposed "é".
        let decomposed: String = base.nfd().collect();
        let composed: String = base.nfc().collect();
        let length = composed.chars().count();
        let answer = check_new_password(&decomposed, &composed, &[]);
        match answer {
            Ok(stored) => {
                prop_assert!((12..=128).contains(&length));
                prop_assert_eq!(stored, composed, "stored in NFC");
            }
            Err(PasswordProblem::TooShort) => prop_assert!(length < 12),
            Err(PasswordProblem::Common) => prop_assert!(length >= 12),
            Err(other) => prop_assert!(false, "{other:?} for {base:?}"),
        }
    }

    #[test]
    fn names_with_accents_apostrophes_and_hyphens_are_accepted(
        given in "[A-ZÉÈÀÇ][a-zéèêëàâîïôöùûüç]{1,15}([-' ][A-ZÉ][a-zé]{1,10})?",
        family in "(O'|D'|Mc)?[A-ZÉ][a-zéèêç]{1,15}(-[A-ZÉ][a-zé]{1,10})?"
    ) {
        prop_assert!(patient::check(&given, &family, "1990-02-28", "", today()).is_ok());
    }

    #[test]
    fn every_real_past_date_of_birth_from_1900_is_accepted(days in 0i64..46_000) {
        let date = today() - chrono::Duration::days(days);
        let accepted = patient::check("Léa", "Tremblay", &date.format("%Y-%m-%d").to_string(), "", today());
        prop_assert_eq!(accepted.is_ok(), date >= chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap());
    }
}
