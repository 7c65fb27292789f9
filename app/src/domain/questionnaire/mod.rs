//! Questionnaires (issue #30): each organisation's library of versioned definitions, the scored
//! instruments shipped ready (PHQ-9, GAD-7, ESAS-r), sending one to a patient, filling it section
//! by section (the patient, or a caregiver whose grant covers questionnaires), and the care
//! team's review with the score computed on the server.
pub mod alert;
pub mod answer;
pub mod builder;
pub mod definition;
pub mod fhir;
pub mod filling;
pub mod library;
pub mod reminder;
pub mod review;
pub mod scoring;
pub mod sending;
pub mod team_export;

use crate::domain::DomainError;

/// A refusal about one item of a questionnaire (or of a definition), named by its link id: the
/// page ties the message to that item.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub key: &'static str,
    pub item: Option<String>,
    pub args: Vec<(&'static str, String)>,
}

impl Refusal {
    pub fn new(key: &'static str) -> Self {
        Self { key, item: None, args: Vec::new() }
    }

    pub fn about(mut self, link_id: &str) -> Self {
        self.item = Some(link_id.to_string());
        self
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

/// What filling or sending can answer: a refusal about an item, or any other domain error.
#[derive(Debug)]
pub enum FormError {
    Refused(Refusal),
    Domain(DomainError),
}

impl From<DomainError> for FormError {
    fn from(e: DomainError) -> Self {
        Self::Domain(e)
    }
}

impl From<sqlx::Error> for FormError {
    fn from(e: sqlx::Error) -> Self {
        Self::Domain(e.into())
    }
}

impl From<Refusal> for FormError {
    fn from(r: Refusal) -> Self {
        Self::Refused(r)
    }
}

/// Who may read a questionnaire sent to a patient, each narrowed to what they may see: anything
/// else is "not found".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The patient: what was sent to them, in every organisation.
    Patient { account_id: i64 },
    /// A caregiver whose grant (checked by the caller) covers questionnaires.
    Caregiver { account_id: i64, patient_id: i64, patient_account_id: Option<i64> },
    /// A member of a care team following the patient, in the organisation they work in.
    Team(TeamMember),
}

/// A staff member holding the Questionnaires service in the organisation they work in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TeamMember {
    pub account_id: i64,
    pub organisation_id: i64,
}

impl TeamMember {
    /// Whether `patient_id` is a patient of this organisation followed by one of the member's teams.
    pub async fn follows(
        &self,
        db: &crate::domain::store::Db,
        patient_id: i64,
    ) -> crate::domain::DomainResult<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT p.id FROM patients p WHERE p.id = $1 AND p.organisation_id = $2
               AND EXISTS (SELECT 1 FROM patient_teams pt JOIN care_team_members m ON m.team_id = pt.team_id
                           WHERE pt.patient_id = p.id AND m.account_id = $3)",
        )
        .bind(patient_id)
        .bind(self.organisation_id)
        .bind(self.account_id)
        .fetch_optional(db)
        .await?;
        Ok(found.is_some())
    }
}

impl Reader {
    pub fn account_id(self) -> i64 {
        match self {
            Self::Patient { account_id } | Self::Caregiver { account_id, .. } => account_id,
            Self::Team(member) => member.account_id,
        }
    }

    /// The requests (`r`) this reader may see.
    fn visible(self) -> crate::domain::sql::Conditions {
        let mut query = crate::domain::sql::Conditions::default();
        match self {
            Self::Patient { account_id } => {
                query.and("r.patient_id IN (SELECT id FROM patients WHERE account_id = {})", account_id)
            }
            Self::Caregiver { patient_id, .. } => query.and("r.patient_id = {}", patient_id),
            Self::Team(member) => {
                query.and("r.organisation_id = {}", member.organisation_id);
                // Asked of each row rather than as a list of the member's patients: the team's
                // review list then walks its index in order and stops at its page (a list would
                // drive the search by patient and sort every waiting submission).
                query.and(
                    "EXISTS (SELECT 1 FROM patient_teams pt JOIN care_team_members m ON m.team_id = pt.team_id
                       WHERE pt.patient_id = r.patient_id AND m.account_id = {})",
                    member.account_id,
                );
            }
        }
        query
    }

    /// The request's context: a caregiver's actions are recorded for the patient too.
    fn ctx(self, ctx: &crate::domain::Ctx) -> crate::domain::Ctx {
        match self {
            Self::Caregiver { patient_account_id, .. } => ctx.for_patient(patient_account_id),
            _ => ctx.clone(),
        }
    }
}
