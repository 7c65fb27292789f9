//! Care teams (issue #14): an organisation's groups of professionals ("Clinique de cardiologie",
//! "Soins à domicile"). Administrators create them and choose their members; each team keeps a
//! list of the patients it follows. A conversation is between one patient and one team, and
//! every member of the team sees it — nobody else on the staff does.
use crate::domain::patient::profile;
use crate::domain::Target;
use crate::domain::{Ctx, DomainError, DomainResult};
use sqlx::{Any, Executor, Row};

pub const NAME_MAX: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Team {
    pub id: i64,
    pub name: String,
    /// How patients reach the team by phone (shown where replies are off); may be empty.
    pub phone: String,
    pub patients_may_start: bool,
    pub replies_by_default: bool,
    pub members: i64,
}

/// Flags are stored as 0/1 in BIGINT columns (one schema for both databases).
#[derive(sqlx::FromRow)]
struct TeamRow {
    id: i64,
    name: String,
    phone: String,
    patients_may_start: i64,
    replies_by_default: i64,
    members: i64,
}

impl From<TeamRow> for Team {
    fn from(r: TeamRow) -> Self {
        Self {
            id: r.id,
            name: r.name,
            phone: r.phone,
            patients_may_start: r.patients_may_start != 0,
            replies_by_default: r.replies_by_default != 0,
            members: r.members,
        }
    }
}

const SELECT_TEAM: &str = "SELECT t.id, t.name, t.phone, t.patients_may_start, t.replies_by_default,
        (SELECT COUNT(*) FROM care_team_members m WHERE m.team_id = t.id) AS members
     FROM care_teams t";

async fn teams<'q>(
    query: sqlx::query::QueryAs<'q, Any, TeamRow, sqlx::any::AnyArguments<'q>>,
    db: &crate::domain::store::Db,
) -> DomainResult<Vec<Team>> {
    Ok(query.fetch_all(db).await?.into_iter().map(Team::from).collect())
}

/// The teams of an organisation, by name.
pub async fn list(db: &crate::domain::store::Db, organisation_id: i64) -> DomainResult<Vec<Team>> {
    teams(
        sqlx::query_as(&format!("{SELECT_TEAM} WHERE t.organisation_id = $1 ORDER BY t.name"))
            .bind(organisation_id),
        db,
    )
    .await
}

/// One of the organisation's teams.
pub async fn find(db: &crate::domain::store::Db, organisation_id: i64, team_id: i64) -> DomainResult<Team> {
    let sql = format!("{SELECT_TEAM} WHERE t.id = $1 AND t.organisation_id = $2");
    teams(sqlx::query_as(&sql).bind(team_id).bind(organisation_id), db)
        .await?
        .pop()
        .ok_or(DomainError::NotFound)
}

/// The teams a staff member belongs to.
pub async fn of_member(db: &crate::domain::store::Db, account_id: i64) -> DomainResult<Vec<Team>> {
    let sql = format!(
        "{SELECT_TEAM} WHERE t.id IN (SELECT team_id FROM care_team_members WHERE account_id = $1) ORDER BY t.name"
    );
    teams(sqlx::query_as(&sql).bind(account_id), db).await
}

/// The teams whose list a patient (one organisation's record) is on.
pub async fn of_patient(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    patient_id: i64,
) -> DomainResult<Vec<Team>> {
    let sql = format!(
        "{SELECT_TEAM} WHERE t.organisation_id = $1
           AND t.id IN (SELECT team_id FROM patient_teams WHERE patient_id = $2) ORDER BY t.name"
    );
    teams(sqlx::query_as(&sql).bind(organisation_id).bind(patient_id), db).await
}

/// Whether `account_id` is a member of the team.
pub async fn is_member(db: &crate::domain::store::Db, team_id: i64, account_id: i64) -> DomainResult<bool> {
    Ok(sqlx::query("SELECT 1 AS one FROM care_team_members WHERE team_id = $1 AND account_id = $2")
        .bind(team_id)
        .bind(account_id)
        .fetch_optional(db)
        .await?
        .is_some())
}

/// What an administrator sets on a team.
pub struct Settings<'a> {
    pub name: &'a str,
    pub phone: &'a str,
    pub patients_may_start: bool,
    pub replies_by_default: bool,
}

fn checked(settings: &Settings<'_>) -> DomainResult<(String, String)> {
    let name = settings.name.trim();
    if name.is_empty() {
        return Err(DomainError::invalid("name", "error-team-name-required"));
    }
    if name.chars().count() > NAME_MAX {
        return Err(DomainError::invalid("name", "error-team-name-too-long"));
    }
    let phone = match settings.phone.trim() {
        "" => String::new(),
        typed => profile::phone(typed).ok_or(DomainError::invalid("phone", "error-home-phone-invalid"))?,
    };
    Ok((name.to_string(), phone))
}

/// Creates a team; its name is unique in the organisation.
pub async fn create(ctx: &Ctx, organisation_id: i64, settings: Settings<'_>) -> DomainResult<i64> {
    let (name, phone) = checked(&settings)?;
    let mut tx = ctx.db.begin().await?;
    let id: Option<i64> = sqlx::query(
        "INSERT INTO care_teams (organisation_id, name, phone, patients_may_start, replies_by_default, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id, name) DO NOTHING RETURNING id",
    )
    .bind(organisation_id)
    .bind(&name)
    .bind(&phone)
    .bind(settings.patients_may_start as i64)
    .bind(settings.replies_by_default as i64)
    .bind(ctx.now)
    .fetch_optional(&mut *tx)
    .await?
    .map(|row| row.try_get("id"))
    .transpose()?;
    let id = id.ok_or(DomainError::conflict(Some("name"), "error-team-name-taken"))?;
    ctx.audit(&mut *tx, Some(organisation_id), "team.created", Target::Team(id)).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a team's name, phone and settings.
pub async fn update(
    ctx: &Ctx,
    organisation_id: i64,
    team_id: i64,
    settings: Settings<'_>,
) -> DomainResult<()> {
    let (name, phone) = checked(&settings)?;
    let mut tx = ctx.db.begin().await?;
    let taken =
        sqlx::query("SELECT 1 AS one FROM care_teams WHERE organisation_id = $1 AND name = $2 AND id <> $3")
            .bind(organisation_id)
            .bind(&name)
            .bind(team_id)
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() {
        return Err(DomainError::conflict(Some("name"), "error-team-name-taken"));
    }
    let changed = sqlx::query(
        "UPDATE care_teams SET name = $1, phone = $2, patients_may_start = $3, replies_by_default = $4
         WHERE id = $5 AND organisation_id = $6",
    )
    .bind(&name)
    .bind(&phone)
    .bind(settings.patients_may_start as i64)
    .bind(settings.replies_by_default as i64)
    .bind(team_id)
    .bind(organisation_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(DomainError::NotFound);
    }
    ctx.audit(&mut *tx, Some(organisation_id), "team.updated", Target::Team(team_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// A member of a team, as the administrator sees them.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Member {
    pub account_id: i64,
    pub name: String,
}

pub async fn members(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    team_id: i64,
) -> DomainResult<Vec<Member>> {
    Ok(sqlx::query_as(
        "SELECT a.id AS account_id, TRIM(a.title || ' ' || a.given_name || ' ' || a.family_name) AS name
         FROM care_team_members m JOIN accounts a ON a.id = m.account_id JOIN care_teams t ON t.id = m.team_id
         WHERE m.team_id = $1 AND t.organisation_id = $2 ORDER BY a.family_name, a.given_name",
    )
    .bind(team_id)
    .bind(organisation_id)
    .fetch_all(db)
    .await?)
}

/// Puts one of the organisation's professionals or administrators in the team.
pub async fn add_member(ctx: &Ctx, organisation_id: i64, team_id: i64, account_id: i64) -> DomainResult<()> {
    find(&ctx.db, organisation_id, team_id).await?;
    let mut tx = ctx.db.begin().await?;
    let staff = sqlx::query(
        "SELECT 1 AS one FROM memberships WHERE account_id = $1 AND organisation_id = $2 AND role IN ('admin', 'professional')",
    )
    .bind(account_id)
    .bind(organisation_id)
    .fetch_optional(&mut *tx)
    .await?;
    if staff.is_none() {
        return Err(DomainError::invalid("account_id", "error-member-invalid"));
    }
    let added = sqlx::query(
        "INSERT INTO care_team_members (team_id, account_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(team_id)
    .bind(account_id)
    .bind(ctx.now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if added == 1 {
        ctx.audit(&mut *tx, Some(organisation_id), "team.member_added", Target::Account(account_id)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Takes a person out of the team: from the next request they no longer see its conversations.
pub async fn remove_member(
    ctx: &Ctx,
    organisation_id: i64,
    team_id: i64,
    account_id: i64,
) -> DomainResult<()> {
    find(&ctx.db, organisation_id, team_id).await?;
    let mut tx = ctx.db.begin().await?;
    let removed = sqlx::query("DELETE FROM care_team_members WHERE team_id = $1 AND account_id = $2")
        .bind(team_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if removed == 1 {
        ctx.audit(&mut *tx, Some(organisation_id), "team.member_removed", Target::Account(account_id))
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Puts a patient on the lists of the teams `account_id` belongs to (a new patient follows the
/// professional who invited them), in the transaction that creates the patient.
pub async fn follow_with_teams_of<'e>(
    exec: impl Executor<'e, Database = Any>,
    patient_id: i64,
    account_id: i64,
    now: i64,
) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO patient_teams (patient_id, team_id, created_at)
         SELECT p.id, m.team_id, $3 FROM care_team_members m
         JOIN care_teams t ON t.id = m.team_id JOIN patients p ON p.organisation_id = t.organisation_id
         WHERE m.account_id = $2 AND p.id = $1 ON CONFLICT DO NOTHING",
    )
    .bind(patient_id)
    .bind(account_id)
    .bind(now)
    .execute(exec)
    .await?;
    Ok(())
}

/// Adds or removes a team from a patient's file (both the team's and the patient's organisation's).
pub async fn set_follows(
    ctx: &Ctx,
    organisation_id: i64,
    team_id: i64,
    patient_id: i64,
    follows: bool,
) -> DomainResult<()> {
    find(&ctx.db, organisation_id, team_id).await?;
    let mut tx = ctx.db.begin().await?;
    let patient = sqlx::query("SELECT 1 AS one FROM patients WHERE id = $1 AND organisation_id = $2")
        .bind(patient_id)
        .bind(organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
    if patient.is_none() {
        return Err(DomainError::NotFound);
    }
    let (changed, action) = if follows {
        let added = sqlx::query(
            "INSERT INTO patient_teams (patient_id, team_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(patient_id)
        .bind(team_id)
        .bind(ctx.now)
        .execute(&mut *tx)
        .await?;
        (added.rows_affected(), "team.patient_added")
    } else {
        let removed = sqlx::query("DELETE FROM patient_teams WHERE patient_id = $1 AND team_id = $2")
            .bind(patient_id)
            .bind(team_id)
            .execute(&mut *tx)
            .await?;
        (removed.rows_affected(), "team.patient_removed")
    };
    if changed == 1 {
        ctx.audit(&mut *tx, Some(organisation_id), action, Target::Patient(patient_id)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Whether a patient is on the team's list.
pub async fn follows(db: &crate::domain::store::Db, team_id: i64, patient_id: i64) -> DomainResult<bool> {
    Ok(sqlx::query("SELECT 1 AS one FROM patient_teams WHERE team_id = $1 AND patient_id = $2")
        .bind(team_id)
        .bind(patient_id)
        .fetch_optional(db)
        .await?
        .is_some())
}
