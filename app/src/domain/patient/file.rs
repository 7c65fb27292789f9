//! A patient's file as the care team sees it: who they are and how to reach them, where their
//! account stands, every invitation sent to them, and what was done on the file lately. Only
//! staff of the patient's organisation may read it (the organisation is in every WHERE clause).
use crate::domain::onboarding::invitation::{self, InvitationState};
use crate::domain::Target;
use crate::domain::{store, DomainResult};
use crate::i18n::Lang;

/// Entries of the file's recent activity shown.
pub const RECENT_ACTIVITY: i64 = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatientFile {
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    /// The account's address once there is one, else the address the invitation went to.
    pub email: String,
    pub mobile_phone: String,
    pub home_phone: String,
    /// Street, city, province and postal code; empty when not given.
    pub address: Vec<String>,
    /// Language of communication (emails and notifications).
    pub language: Lang,
    pub account: AccountState,
    /// Newest first.
    pub invitations: Vec<InvitationEntry>,
    /// Newest first, at most `RECENT_ACTIVITY`.
    pub activity: Vec<Activity>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountState {
    /// No account yet (invited or not).
    NoAccount,
    Active,
    /// Too many wrong passwords or codes: no sign-in until then.
    LockedUntil(i64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvitationEntry {
    pub sent_at: i64,
    pub sent_by: Option<String>,
    pub state: InvitationState,
    pub expires_at: i64,
    pub redeemed_at: Option<i64>,
    /// The relay refused its mail for good (no such mailbox): the patient never got the link.
    pub undelivered: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub at: i64,
    pub action: String,
    pub actor: Option<String>,
}

#[derive(sqlx::FromRow)]
struct FileRow {
    given_name: String,
    family_name: String,
    birth_date: String,
    email: String,
    language: String,
    mobile: String,
    account_id: Option<i64>,
    account_email: Option<String>,
    account_language: Option<String>,
    mobile_phone: Option<String>,
    home_phone: Option<String>,
    street: Option<String>,
    city: Option<String>,
    province: Option<String>,
    postal_code: Option<String>,
    locked_until: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct InvitationRow {
    created_at: i64,
    sent_by: Option<String>,
    status: String,
    failed_attempts: i64,
    expires_at: i64,
    redeemed_at: Option<i64>,
    undelivered: i64,
}

#[derive(sqlx::FromRow)]
struct ActivityRow {
    at: i64,
    action: String,
    actor: Option<String>,
}

/// The file of one of this organisation's patients; `None` for anyone else's.
pub async fn read(
    db: &store::Db,
    organisation_id: i64,
    patient_id: i64,
    now: i64,
) -> DomainResult<Option<PatientFile>> {
    let Some(row) = sqlx::query_as::<_, FileRow>(
        "SELECT p.given_name, p.family_name, p.birth_date, p.email, p.language, p.mobile, p.account_id,
                a.email AS account_email, a.language AS account_language, a.mobile_phone, a.home_phone,
                a.street, a.city, a.province, a.postal_code, a.locked_until
         FROM patients p LEFT JOIN accounts a ON a.id = p.account_id
         WHERE p.id = $1 AND p.organisation_id = $2",
    )
    .bind(patient_id)
    .bind(organisation_id)
    .fetch_optional(db)
    .await?
    else {
        return Ok(None);
    };
    let invitations: Vec<InvitationRow> = sqlx::query_as(
        "SELECT i.created_at, a.given_name || ' ' || a.family_name AS sent_by, i.status, i.failed_attempts,
                i.expires_at, i.redeemed_at,
                (SELECT COUNT(*) FROM outbox m WHERE m.invitation_id = i.id AND m.status = 'failed') AS undelivered
         FROM invitations i LEFT JOIN accounts a ON a.id = i.invited_by
         WHERE i.patient_id = $1 AND i.organisation_id = $2 AND i.grant_id IS NULL
         ORDER BY i.id DESC",
    )
    .bind(patient_id)
    .bind(organisation_id)
    .fetch_all(db)
    .await?;
    let activity: Vec<ActivityRow> = sqlx::query_as(
        "SELECT e.at, e.action, a.given_name || ' ' || a.family_name AS actor
         FROM audit_events e LEFT JOIN accounts a ON a.id = e.actor_id
         WHERE e.target = $1
         ORDER BY e.id DESC LIMIT $2",
    )
    .bind(Target::Patient(patient_id).to_string())
    .bind(RECENT_ACTIVITY)
    .fetch_all(db)
    .await?;
    let address = [&row.street, &row.city, &row.province, &row.postal_code]
        .into_iter()
        .filter_map(|part| part.clone().filter(|p| !p.is_empty()))
        .collect();
    Ok(Some(PatientFile {
        id: patient_id,
        account: match (row.account_id, row.locked_until) {
            (None, _) => AccountState::NoAccount,
            (Some(_), Some(until)) if until > now => AccountState::LockedUntil(until),
            (Some(_), _) => AccountState::Active,
        },
        email: row.account_email.unwrap_or(row.email),
        language: Lang::from_code(&row.account_language.unwrap_or(row.language)),
        mobile_phone: row.mobile_phone.filter(|m| !m.is_empty()).unwrap_or(row.mobile),
        home_phone: row.home_phone.unwrap_or_default(),
        address,
        given_name: row.given_name,
        family_name: row.family_name,
        birth_date: row.birth_date,
        invitations: invitations
            .into_iter()
            .map(|i| InvitationEntry {
                state: invitation::state(&i.status, i.failed_attempts, i.expires_at, now),
                sent_at: i.created_at,
                sent_by: i.sent_by,
                expires_at: i.expires_at,
                redeemed_at: i.redeemed_at,
                undelivered: i.undelivered > 0,
            })
            .collect(),
        activity: activity
            .into_iter()
            .map(|a| Activity { at: a.at, action: a.action, actor: a.actor })
            .collect(),
    }))
}
