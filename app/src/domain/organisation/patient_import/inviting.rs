//! The invitations of confirmed imports: the background worker invites their rows in chunks, the
//! codes are kept sealed for the list to print, and what is no longer needed is forgotten.
use super::{forget, summary};
use crate::domain::identity::account::Email;
use crate::domain::messaging::care_team;
use crate::domain::onboarding::invitation::{self, Invitee};
use crate::domain::{patient, sealing, Ctx, DomainError, DomainResult, Target};
use crate::i18n::Lang;
use sqlx::Row as _;

/// Rows invited per transaction: short enough for the other requests' writes to pass between.
const CHUNK: i64 = 50;
/// An import not confirmed within a day is forgotten (its rows hold personal information).
const PREVIEW_KEPT_SECONDS: i64 = 24 * 3600;

/// The background worker's turn: invites the rows of confirmed imports, oldest first, `CHUNK` a
/// transaction, until none is left; returns how many were invited. A row claimed by another
/// instance meanwhile is skipped; an address that became a patient meanwhile is said so.
pub async fn work(ctx: &Ctx) -> DomainResult<usize> {
    let mut invited = 0;
    loop {
        let Some(import) = sqlx::query(
            "SELECT id, organisation_id, created_by FROM patient_imports
             WHERE state = 'confirmed' ORDER BY confirmed_at, id LIMIT 1",
        )
        .fetch_optional(&ctx.db)
        .await?
        else {
            return Ok(invited);
        };
        let (import_id, organisation_id, by): (i64, i64, i64) =
            (import.try_get("id")?, import.try_get("organisation_id")?, import.try_get("created_by")?);
        let lines: Vec<i64> = sqlx::query(
            "SELECT line FROM patient_import_rows WHERE import_id = $1 AND verdict = 'invite' ORDER BY line LIMIT $2",
        )
        .bind(import_id)
        .bind(CHUNK)
        .fetch_all(&ctx.db)
        .await?
        .iter()
        .map(|row| row.try_get("line"))
        .collect::<Result<_, _>>()?;
        if lines.is_empty() {
            sqlx::query("UPDATE patient_imports SET state = 'finished', finished_at = $1 WHERE id = $2")
                .bind(ctx.now)
                .bind(import_id)
                .execute(&ctx.db)
                .await?;
            continue;
        }
        let mut tx = ctx.db.begin().await?;
        for line in lines {
            if invite_row(&mut tx, ctx, organisation_id, by, import_id, line).await? {
                invited += 1;
            }
        }
        tx.commit().await?;
    }
}

/// Invites one row in the chunk's transaction; false when another instance took it first.
async fn invite_row(
    tx: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    organisation_id: i64,
    by: i64,
    import_id: i64,
    line: i64,
) -> DomainResult<bool> {
    let claimed = sqlx::query(
        "UPDATE patient_import_rows SET verdict = 'invited'
         WHERE import_id = $1 AND line = $2 AND verdict = 'invite'
         RETURNING given_name, family_name, birth_date, email, mobile, language",
    )
    .bind(import_id)
    .bind(line)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = claimed else { return Ok(false) };
    let text = |column: &str| row.try_get::<String, _>(column);
    let Ok(email) = Email::parse(&text("email")?) else {
        // Judged before a release that reads addresses differently: said on its row, and the
        // rows after it still invited.
        set_verdict(tx, import_id, line, "error", Some("error-email-invalid")).await?;
        return Ok(false);
    };
    let created = patient::create(
        &mut *tx,
        patient::NewPatient {
            organisation_id,
            given_name: &text("given_name")?,
            family_name: &text("family_name")?,
            birth_date: &text("birth_date")?,
            email: &email,
            language: Lang::from_code(&text("language")?),
            mobile: &text("mobile")?,
            created_by: by,
        },
        ctx.now,
    )
    .await;
    let patient_id = match created {
        Ok(id) => id,
        Err(DomainError::Conflict { .. }) => {
            set_verdict(tx, import_id, line, "patient", None).await?;
            return Ok(false);
        }
        Err(other) => return Err(other),
    };
    care_team::follow_with_teams_of(&mut *tx, patient_id, by, ctx.now).await?;
    let issued = invitation::issue(tx, ctx, patient_id, Invitee::Patient, by).await?;
    sqlx::query(
        "UPDATE patient_import_rows SET patient_id = $1, invitation_id = $2, sealed_code = $3
         WHERE import_id = $4 AND line = $5",
    )
    .bind(patient_id)
    .bind(issued.invitation_id)
    .bind(sealing::keyring().seal(&code_binding(issued.invitation_id), issued.code.as_str()))
    .bind(import_id)
    .bind(line)
    .execute(&mut *tx)
    .await?;
    Ok(true)
}

/// A claimed row that was not invited after all, and why.
async fn set_verdict(
    tx: &mut sqlx::AnyConnection,
    import_id: i64,
    line: i64,
    verdict: &str,
    error_key: Option<&str>,
) -> DomainResult<()> {
    sqlx::query(
        "UPDATE patient_import_rows SET verdict = $1, error_key = $2 WHERE import_id = $3 AND line = $4",
    )
    .bind(verdict)
    .bind(error_key)
    .bind(import_id)
    .bind(line)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// What a sealed code is bound to: its invitation, so a code moved to another row does not open.
fn code_binding(invitation_id: i64) -> String {
    format!("invitation-code:{invitation_id}")
}

/// A code to hand over, as the printed list says it.
#[derive(Clone, Debug)]
pub struct CodeLine {
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub code: String,
    pub expires_at: i64,
}

/// The codes of the import's patients whose invitation may still be used, in file order; reading
/// them is audited.
pub async fn codes(ctx: &Ctx, organisation_id: i64, by: i64, id: i64) -> DomainResult<Vec<CodeLine>> {
    summary(&ctx.db, organisation_id, by, id).await?;
    let found = sqlx::query(
        "SELECT r.given_name, r.family_name, r.birth_date, r.sealed_code, r.invitation_id, i.expires_at
         FROM patient_import_rows r JOIN invitations i ON i.id = r.invitation_id
         WHERE r.import_id = $1 AND r.sealed_code IS NOT NULL AND i.status = 'pending' AND i.expires_at > $2
         ORDER BY r.line",
    )
    .bind(id)
    .bind(ctx.now)
    .fetch_all(&ctx.db)
    .await?;
    let keys = sealing::keyring();
    let lines = found
        .into_iter()
        .map(|row| {
            let sealed: String = row.try_get("sealed_code")?;
            let code = keys
                .open(&code_binding(row.try_get("invitation_id")?), &sealed)
                .ok_or(DomainError::Unreadable)?;
            Ok(CodeLine {
                given_name: row.try_get("given_name")?,
                family_name: row.try_get("family_name")?,
                birth_date: row.try_get("birth_date")?,
                code,
                expires_at: row.try_get("expires_at")?,
            })
        })
        .collect::<DomainResult<_>>()?;
    ctx.audit_view(Some(organisation_id), "patient_import.codes_read", Target::PatientImport(id)).await?;
    Ok(lines)
}

/// The hourly job: previews not confirmed within a day are forgotten, and codes whose invitation
/// can no longer be used (used, replaced, expired) are dropped; returns how many previews went.
pub async fn forget_old(ctx: &Ctx) -> DomainResult<u64> {
    let stale: Vec<i64> =
        sqlx::query("SELECT id FROM patient_imports WHERE state = 'preview' AND created_at < $1")
            .bind(ctx.now - PREVIEW_KEPT_SECONDS)
            .fetch_all(&ctx.db)
            .await?
            .iter()
            .map(|row| row.try_get("id"))
            .collect::<Result<_, _>>()?;
    let mut tx = ctx.db.begin().await?;
    for id in &stale {
        forget(&mut tx, *id).await?;
    }
    sqlx::query(
        "UPDATE patient_import_rows SET sealed_code = NULL WHERE sealed_code IS NOT NULL AND invitation_id IN
           (SELECT id FROM invitations WHERE status <> 'pending' OR expires_at <= $1)",
    )
    .bind(ctx.now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(stale.len() as u64)
}
