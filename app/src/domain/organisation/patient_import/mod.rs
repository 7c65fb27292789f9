//! Many patients invited at once from a file (an EMR's CSV export or a FHIR Bundle). Sending the
//! file only reads it: each row is judged ("will be invited", "already a patient", or an error and
//! why) and kept for the preview. Confirming hands the rows to the background worker (`work`),
//! which invites them in chunks — each patient added, followed by the professional's care teams,
//! their link mailed through the outbox — while the page shows the progress. The codes to hand
//! over are kept sealed under the server's key while they may still be used, for the list to
//! print. An import is its sender's alone: anyone else is told it does not exist.
pub mod file;
mod inviting;

pub use inviting::{codes, forget_old, work, CodeLine};

use crate::domain::calendar::typed_date;
use crate::domain::identity::account::Email;
use crate::domain::{patient, sql, store, Ctx, DomainError, DomainResult, Target};
use crate::i18n::Lang;
use sqlx::Row as _;
use std::collections::HashSet;

/// Rows shown a page in the preview.
pub const PAGE_ROWS: i64 = 100;

/// What the preview says of a row, then what inviting did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Invite,
    AlreadyPatient,
    Error,
    Invited,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Self::Invite => "invite",
            Self::AlreadyPatient => "patient",
            Self::Error => "error",
            Self::Invited => "invited",
        }
    }
    fn parse(code: &str) -> Self {
        match code {
            "invite" => Self::Invite,
            "patient" => Self::AlreadyPatient,
            "invited" => Self::Invited,
            _ => Self::Error,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Read and judged, waiting for the professional to confirm.
    Preview,
    /// Confirmed: the worker is inviting the rows.
    Confirmed,
    /// Every row invited.
    Finished,
}

impl State {
    fn parse(code: &str) -> Self {
        match code {
            "confirmed" => Self::Confirmed,
            "finished" => Self::Finished,
            _ => Self::Preview,
        }
    }
}

/// The language a row asks for: French unless it says English (`en`, `anglais`, `English`, `en-CA`).
pub fn language_of(typed: &str) -> Lang {
    let typed = typed.trim().to_lowercase();
    if typed == "e" || typed == "a" || typed.starts_with("en") || typed.starts_with("anglais") {
        Lang::En
    } else {
        Lang::Fr
    }
}

/// A row judged: its verdict and, for an error, why.
struct Judged {
    row: file::Row,
    verdict: Verdict,
    error_key: Option<&'static str>,
}

/// Judges every row: its content as the one-patient form checks it, an address seen on an earlier
/// line, an address already one of the organisation's patients.
async fn judge(ctx: &Ctx, organisation_id: i64, rows: Vec<file::Row>) -> DomainResult<Vec<Judged>> {
    let today = store::today(ctx.now);
    let mut seen = HashSet::new();
    let mut judged = Vec::with_capacity(rows.len());
    let mut keys = Vec::with_capacity(rows.len());
    for row in rows {
        let checked = Email::parse(&row.email).and_then(|email| {
            patient::check(&row.given_name, &row.family_name, &row.birth_date, &row.mobile, today)
                .map(|()| email.key())
        });
        let (verdict, error_key, key) = match checked {
            Ok(key) if !seen.insert(key.clone()) => (Verdict::Error, Some("error-import-twice"), None),
            Ok(key) => (Verdict::Invite, None, Some(key)),
            Err(DomainError::Invalid { key, .. }) => (Verdict::Error, Some(key), None),
            Err(other) => return Err(other),
        };
        judged.push(Judged { row, verdict, error_key });
        keys.push(key);
    }
    let mut patients = HashSet::new();
    let wanted: Vec<&String> = keys.iter().flatten().collect();
    for chunk in wanted.chunks(500) {
        let sql = format!(
            "SELECT email_key FROM patients WHERE organisation_id = $1 AND email_key IN ({})",
            crate::domain::sql::placeholders(chunk.len(), 2)
        );
        let mut query = sqlx::query(&sql).bind(organisation_id);
        for key in chunk {
            query = query.bind(key.as_str());
        }
        for row in query.fetch_all(&ctx.db).await? {
            patients.insert(row.try_get::<String, _>("email_key")?);
        }
    }
    for (judged, key) in judged.iter_mut().zip(&keys) {
        if key.as_ref().is_some_and(|key| patients.contains(key)) {
            judged.verdict = Verdict::AlreadyPatient;
        }
    }
    Ok(judged)
}

/// Reads the file `by` sent for `organisation_id`, judges its rows and keeps them for the
/// preview; returns the import's id. A file that is not a list of patients is refused whole.
pub async fn upload(
    ctx: &Ctx,
    organisation_id: i64,
    by: i64,
    file_name: &str,
    bytes: &[u8],
) -> DomainResult<i64> {
    let (format, rows) = file::read(bytes)?;
    let judged = judge(ctx, organisation_id, rows).await?;
    let file_name: String = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
    let mut tx = ctx.db.begin().await?;
    let import_id: i64 = sqlx::query(
        "INSERT INTO patient_imports (organisation_id, created_by, file_name, format, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(organisation_id)
    .bind(by)
    .bind(file_name)
    .bind(format.code())
    .bind(ctx.now)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    const COLUMNS: usize = 10;
    for chunk in judged.chunks(50) {
        let sql = format!(
            "INSERT INTO patient_import_rows
               (import_id, line, given_name, family_name, birth_date, email, mobile, language, verdict, error_key)
             VALUES {}",
            sql::values(chunk.len(), COLUMNS)
        );
        let mut query = sqlx::query(&sql);
        for judged in chunk {
            let row = &judged.row;
            let birth_date =
                typed_date(&row.birth_date).map(|d| d.to_string()).unwrap_or_else(|| row.birth_date.clone());
            query = query
                .bind(import_id)
                .bind(row.line)
                .bind(row.given_name.trim().to_string())
                .bind(row.family_name.trim().to_string())
                .bind(birth_date)
                .bind(row.email.trim().to_string())
                .bind(row.mobile.trim().to_string())
                .bind(language_of(&row.language).code())
                .bind(judged.verdict.code())
                .bind(judged.error_key);
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(import_id)
}

/// An import as its page shows it: the counts of each verdict and, once confirmed, of the mails.
#[derive(Clone, Debug)]
pub struct Summary {
    pub id: i64,
    pub file_name: String,
    pub state: State,
    pub created_at: i64,
    pub to_invite: i64,
    pub already: i64,
    pub errors: i64,
    pub invited: i64,
    pub mails_sent: i64,
    pub mails_waiting: i64,
    pub mails_failed: i64,
}

impl Summary {
    pub fn rows(&self) -> i64 {
        self.to_invite + self.already + self.errors + self.invited
    }
}

/// The import `id` if `by` sent it for `organisation_id` (and it is not forgotten), with its counts.
pub async fn summary(db: &store::Db, organisation_id: i64, by: i64, id: i64) -> DomainResult<Summary> {
    let import = sqlx::query(
        "SELECT id, file_name, state, created_at FROM patient_imports
         WHERE id = $1 AND organisation_id = $2 AND created_by = $3 AND state <> 'discarded'",
    )
    .bind(id)
    .bind(organisation_id)
    .bind(by)
    .fetch_optional(db)
    .await?
    .ok_or(DomainError::NotFound)?;
    let counts = sqlx::query(
        "SELECT COALESCE(SUM(CASE WHEN r.verdict = 'invite' THEN 1 ELSE 0 END), 0) AS to_invite,
                COALESCE(SUM(CASE WHEN r.verdict = 'patient' THEN 1 ELSE 0 END), 0) AS already,
                COALESCE(SUM(CASE WHEN r.verdict = 'error' THEN 1 ELSE 0 END), 0) AS errors,
                COALESCE(SUM(CASE WHEN r.verdict = 'invited' THEN 1 ELSE 0 END), 0) AS invited,
                COALESCE(SUM(CASE WHEN o.status = 'sent' THEN 1 ELSE 0 END), 0) AS sent,
                COALESCE(SUM(CASE WHEN o.status = 'pending' THEN 1 ELSE 0 END), 0) AS waiting,
                COALESCE(SUM(CASE WHEN o.status = 'failed' THEN 1 ELSE 0 END), 0) AS failed
         FROM patient_import_rows r LEFT JOIN outbox o ON o.invitation_id = r.invitation_id
         WHERE r.import_id = $1",
    )
    .bind(id)
    .fetch_one(db)
    .await?;
    Ok(Summary {
        id,
        file_name: import.try_get("file_name")?,
        state: State::parse(&import.try_get::<String, _>("state")?),
        created_at: import.try_get("created_at")?,
        to_invite: counts.try_get("to_invite")?,
        already: counts.try_get("already")?,
        errors: counts.try_get("errors")?,
        invited: counts.try_get("invited")?,
        mails_sent: counts.try_get("sent")?,
        mails_waiting: counts.try_get("waiting")?,
        mails_failed: counts.try_get("failed")?,
    })
}

/// One row as the preview lists it.
#[derive(Clone, Debug)]
pub struct ImportRow {
    pub line: i64,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub email: String,
    pub language: Lang,
    pub verdict: Verdict,
    pub error_key: Option<String>,
}

/// Which rows a page of the preview lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    All,
    /// The rows that will not be invited (errors and patients already known), to fix the file.
    Problems,
}

/// A page of the import's rows in file order (the import checked by `summary` first); returns
/// the rows and the number of pages.
pub async fn rows(
    db: &store::Db,
    import: &Summary,
    shown: Shown,
    page: i64,
) -> DomainResult<(Vec<ImportRow>, i64)> {
    let only = match shown {
        Shown::All => "",
        Shown::Problems => " AND verdict IN ('error', 'patient')",
    };
    let total = match shown {
        Shown::All => import.rows(),
        Shown::Problems => import.errors + import.already,
    };
    let pages = ((total + PAGE_ROWS - 1) / PAGE_ROWS).max(1);
    let page = page.clamp(1, pages);
    let found = sqlx::query(&format!(
        "SELECT line, given_name, family_name, birth_date, email, language, verdict, error_key
         FROM patient_import_rows WHERE import_id = $1{only} ORDER BY line LIMIT $2 OFFSET $3"
    ))
    .bind(import.id)
    .bind(PAGE_ROWS)
    .bind((page - 1) * PAGE_ROWS)
    .fetch_all(db)
    .await?;
    let rows = found
        .into_iter()
        .map(|row| {
            Ok(ImportRow {
                line: row.try_get("line")?,
                given_name: row.try_get("given_name")?,
                family_name: row.try_get("family_name")?,
                birth_date: row.try_get("birth_date")?,
                email: row.try_get("email")?,
                language: Lang::from_code(&row.try_get::<String, _>("language")?),
                verdict: Verdict::parse(&row.try_get::<String, _>("verdict")?),
                error_key: row.try_get("error_key")?,
            })
        })
        .collect::<DomainResult<_>>()?;
    Ok((rows, pages))
}

/// The professional confirms: the rows to invite go to the worker. Confirming twice (a second
/// tab) changes nothing; an import with nobody to invite is refused.
pub async fn confirm(ctx: &Ctx, organisation_id: i64, by: i64, id: i64) -> DomainResult<()> {
    let import = summary(&ctx.db, organisation_id, by, id).await?;
    if import.state != State::Preview {
        return Ok(());
    }
    if import.to_invite == 0 {
        return Err(DomainError::refused("error-import-nobody"));
    }
    let mut tx = ctx.db.begin().await?;
    let confirmed = sqlx::query(
        "UPDATE patient_imports SET state = 'confirmed', confirmed_at = $1 WHERE id = $2 AND state = 'preview'",
    )
    .bind(ctx.now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if confirmed == 1 {
        ctx.audit(&mut *tx, Some(organisation_id), "patient_import.confirmed", Target::PatientImport(id))
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The professional sets a preview aside: its rows are forgotten. A confirmed import cannot be.
pub async fn discard(ctx: &Ctx, organisation_id: i64, by: i64, id: i64) -> DomainResult<()> {
    let import = summary(&ctx.db, organisation_id, by, id).await?;
    if import.state != State::Preview {
        return Err(DomainError::conflict(None, "error-import-already-confirmed"));
    }
    let mut tx = ctx.db.begin().await?;
    forget(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn forget(tx: &mut sqlx::AnyConnection, id: i64) -> DomainResult<()> {
    sqlx::query("DELETE FROM patient_import_rows WHERE import_id = $1").bind(id).execute(&mut *tx).await?;
    sqlx::query("UPDATE patient_imports SET state = 'discarded' WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The sender's imports in this organisation, newest first (the upload page lists them).
pub async fn recent(
    db: &store::Db,
    organisation_id: i64,
    by: i64,
) -> DomainResult<Vec<(i64, String, State, i64)>> {
    sqlx::query(
        "SELECT id, file_name, state, created_at FROM patient_imports
         WHERE organisation_id = $1 AND created_by = $2 AND state <> 'discarded' ORDER BY id DESC LIMIT 10",
    )
    .bind(organisation_id)
    .bind(by)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|row| {
        Ok((
            row.try_get("id")?,
            row.try_get("file_name")?,
            State::parse(&row.try_get::<String, _>("state")?),
            row.try_get("created_at")?,
        ))
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_in_french_unless_it_says_english() {
        for english in ["en", "EN-ca", "English", "anglais", "Anglais", "a", "E"] {
            assert_eq!(language_of(english), Lang::En, "{english}");
        }
        for french in ["", "fr", "Français", "francais", "French", "es", "f"] {
            assert_eq!(language_of(french), Lang::Fr, "{french}");
        }
    }
}
