//! Who acts, for whom: the door a page is entered through, and the typed ids that name things in
//! addresses and forms. Shared by the browser and the server.
//!
//! - `Door::Patient` — the patient's own space (`/messages`, `/home`);
//! - `Door::Caregiver { grant }` — a caregiver acting for a patient under a grant (`/for/7/…`);
//! - `Door::Staff` — the staff workspace (`/staff/…`) of the organisation the session works in
//!   (the organisation lives in the session, see `api::context::at_work`, not in the address).
//!
//! An id is a positive number: 0, a negative number or anything else is not an id, so a route or
//! a form with a bad one is refused rather than read as "none". An absent id is an `Option`.
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::str::FromStr;

/// A text that is not an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAnId;

impl fmt::Display for NotAnId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an id")
    }
}

impl std::error::Error for NotAnId {}

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            /// The id, if `raw` can be one (positive).
            pub fn new(raw: i64) -> Option<Self> {
                (raw > 0).then_some(Self(raw))
            }

            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl FromStr for $name {
            type Err = NotAnId;

            fn from_str(text: &str) -> Result<Self, NotAnId> {
                text.trim().parse::<i64>().ok().and_then(Self::new).ok_or(NotAnId)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        /// Read as a number or as the text of one (a form field), and refused unless positive.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #[derive(Deserialize)]
                #[serde(untagged)]
                enum Raw {
                    Number(i64),
                    Text(String),
                }
                let id = match Raw::deserialize(deserializer)? {
                    Raw::Number(n) => Self::new(n),
                    Raw::Text(text) => text.parse().ok(),
                };
                id.ok_or_else(|| serde::de::Error::custom(NotAnId))
            }
        }
    )*};
}

ids! {
    /// A caregiver's grant: the right to act for one patient.
    GrantId,
    /// A health organisation.
    OrganisationId,
    /// A patient record (in one organisation).
    PatientId,
    /// A conversation between a patient and a care team.
    ConversationId,
    /// A file sent with a message.
    AttachmentId,
    /// A care team.
    TeamId,
    /// A person's account.
    AccountId,
    /// One of a person's signed-in sessions.
    SessionId,
    /// A request to join an organisation's staff.
    JoinRequestId,
    /// One version of a questionnaire in an organisation's library.
    QuestionnaireId,
    /// A questionnaire sent to a patient (its answers, score and review).
    SentQuestionnaireId,
    /// A questionnaire being written in the builder, before it is published.
    DraftId,
    /// An organisation's request to join the portal.
    OrganisationRequestId,
    /// A list of patients sent as a file to invite them at once.
    PatientImportId,
}

/// The door a page is entered through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Door {
    Patient,
    Caregiver { grant: GrantId },
    Staff,
}

impl Door {
    /// The patient's side: the patient themself, or a caregiver under `grant`.
    pub fn patient_side(grant: Option<GrantId>) -> Self {
        grant.map_or(Self::Patient, |grant| Self::Caregiver { grant })
    }

    /// The grant a caregiver acts under, posted with the patient side's forms.
    pub fn grant(self) -> Option<GrantId> {
        match self {
            Self::Caregiver { grant } => Some(grant),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_a_positive_number_and_nothing_else() {
        assert_eq!("7".parse::<GrantId>().map(GrantId::get), Ok(7));
        assert_eq!(" 42 ".parse::<ConversationId>().map(ConversationId::get), Ok(42));
        for bad in ["", "0", "-3", "abc", "7a", "1.5", "99999999999999999999"] {
            assert_eq!(bad.parse::<GrantId>(), Err(NotAnId), "{bad:?}");
        }
        assert_eq!(GrantId::new(0), None);
    }

    #[test]
    fn an_id_reads_from_a_form_field_or_a_number_and_writes_as_a_number() {
        let id: PatientId = serde_json::from_str("\"12\"").unwrap();
        assert_eq!(id.get(), 12);
        let id: PatientId = serde_json::from_str("12").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "12");
        assert!(serde_json::from_str::<PatientId>("0").is_err());
        assert!(serde_json::from_str::<PatientId>("\"x\"").is_err());
        assert_eq!(id.to_string(), "12");
    }

    #[test]
    fn the_patient_side_is_the_patient_or_a_caregiver_under_a_grant() {
        let grant = GrantId::new(3).unwrap();
        assert_eq!(Door::patient_side(None), Door::Patient);
        assert_eq!(Door::patient_side(Some(grant)), Door::Caregiver { grant });
        assert_eq!(Door::Caregiver { grant }.grant(), Some(grant));
        assert_eq!(Door::Staff.grant(), None);
    }
}
