//! Inviting many patients from a file: sending it (multipart), its preview, confirming or setting
//! it aside, the progress, and the codes to hand over (a page to print, a CSV download — a plain
//! route, `server/src/routes.rs`). Professionals holding the invitations service; an import is
//! its sender's alone.
use super::ApiError;
use crate::door::PatientImportId;
use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_service, Staff},
    crate::domain::calendar::{local_time, stored_date},
    crate::domain::organisation::patient_import::{self, file, Shown, State, Verdict},
    crate::states::Service,
};

/// What the preview says of a row, then what inviting did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowResult {
    WillInvite,
    AlreadyPatient,
    /// The reason, a message key.
    Error(String),
    Invited,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportLine {
    pub line: i64,
    pub name: String,
    /// `None` when the file's date is not one (the row is then an error).
    pub birth_date: Option<NaiveDate>,
    pub birth_date_typed: String,
    pub email: String,
    pub language: Lang,
    pub result: RowResult,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportState {
    Preview,
    Confirmed,
    Finished,
}

/// An import's page: its counts, then a page of its rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportView {
    pub id: PatientImportId,
    pub file_name: String,
    pub state: ImportState,
    pub rows: i64,
    pub to_invite: i64,
    pub already: i64,
    pub errors: i64,
    pub invited: i64,
    pub mails_sent: i64,
    pub mails_waiting: i64,
    pub mails_failed: i64,
    pub lines: Vec<ImportLine>,
    pub page: i64,
    pub pages: i64,
}

#[cfg(feature = "ssr")]
fn state_of(state: State) -> ImportState {
    match state {
        State::Preview => ImportState::Preview,
        State::Confirmed => ImportState::Confirmed,
        State::Finished => ImportState::Finished,
    }
}

/// The path of the form that sends a file: read as multipart, by someone signed in, within its
/// own body limit (`server/src/middleware.rs`).
pub const UPLOAD_PATH: &str = "/api/upload_patient_list";

/// Sends a list of patients (multipart, its file in `list`): read and judged, then the browser
/// goes to its preview. A file that is not a list of patients is refused on `list`.
#[server(prefix = "/api", endpoint = "upload_patient_list", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn upload_patient_list(data: leptos::server_fn::codec::MultipartData) -> Result<(), ApiError> {
    let Staff { ctx, account, organisation_id, .. } = require_service(Service::Invitations).await?;
    let (file_name, bytes) = super::file_form::one_file(data, "list", file::MAX_BYTES)
        .await?
        .ok_or_else(|| ApiError::invalid("error-import-file-required").on("list"))?;
    let id = patient_import::upload(&ctx, organisation_id, account.id, &file_name, &bytes).await?;
    leptos_axum::redirect(&format!("/staff/patients/import/{id}"));
    Ok(())
}

/// An import of the caller's with a page of its rows: all, or `show=problems` for those that will
/// not be invited.
#[server(prefix = "/api", endpoint = "patient_import")]
pub async fn patient_import(
    id: PatientImportId,
    #[server(default)] show: String,
    #[server(default)] page: i64,
) -> Result<ImportView, ApiError> {
    let Staff { ctx, account, organisation_id, .. } = require_service(Service::Invitations).await?;
    let import = patient_import::summary(&ctx.db, organisation_id, account.id, id.get()).await?;
    let shown = if show == "problems" { Shown::Problems } else { Shown::All };
    let page = page.max(1);
    let (rows, pages) = patient_import::rows(&ctx.db, &import, shown, page).await?;
    let lines = rows
        .into_iter()
        .map(|row| ImportLine {
            line: row.line,
            name: format!("{} {}", row.given_name, row.family_name).trim().to_string(),
            birth_date: stored_date(&row.birth_date),
            birth_date_typed: row.birth_date,
            email: row.email,
            language: row.language,
            result: match row.verdict {
                Verdict::Invite => RowResult::WillInvite,
                Verdict::AlreadyPatient => RowResult::AlreadyPatient,
                Verdict::Invited => RowResult::Invited,
                Verdict::Error => RowResult::Error(row.error_key.unwrap_or_default()),
            },
        })
        .collect();
    Ok(ImportView {
        id,
        file_name: import.file_name.clone(),
        state: state_of(import.state),
        rows: import.rows(),
        to_invite: import.to_invite,
        already: import.already,
        errors: import.errors,
        invited: import.invited,
        mails_sent: import.mails_sent,
        mails_waiting: import.mails_waiting,
        mails_failed: import.mails_failed,
        lines,
        page: page.min(pages),
        pages,
    })
}

/// Invites the rows that will be: the background worker takes them, the page shows progress.
#[server(prefix = "/api", endpoint = "confirm_patient_import")]
pub async fn confirm_patient_import(id: PatientImportId) -> Result<(), ApiError> {
    let Staff { ctx, account, organisation_id, .. } = require_service(Service::Invitations).await?;
    patient_import::confirm(&ctx, organisation_id, account.id, id.get()).await?;
    leptos_axum::redirect(&format!("/staff/patients/import/{id}"));
    Ok(())
}

/// Sets a preview aside: its rows are forgotten.
#[server(prefix = "/api", endpoint = "discard_patient_import")]
pub async fn discard_patient_import(id: PatientImportId) -> Result<(), ApiError> {
    let Staff { ctx, account, organisation_id, .. } = require_service(Service::Invitations).await?;
    patient_import::discard(&ctx, organisation_id, account.id, id.get()).await?;
    leptos_axum::redirect("/staff/patients/import");
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentImport {
    pub id: PatientImportId,
    pub file_name: String,
    pub state: ImportState,
    pub sent_at: NaiveDateTime,
}

/// The caller's last files in this organisation, newest first.
#[server(prefix = "/api", endpoint = "recent_patient_imports")]
pub async fn recent_patient_imports() -> Result<Vec<RecentImport>, ApiError> {
    let Staff { ctx, account, organisation_id, timezone, .. } = require_service(Service::Invitations).await?;
    patient_import::recent(&ctx.db, organisation_id, account.id)
        .await?
        .into_iter()
        .map(|(id, file_name, state, created_at)| {
            Ok(RecentImport {
                id: PatientImportId::new(id).ok_or_else(ApiError::internal)?,
                file_name,
                state: state_of(state),
                sent_at: local_time(created_at, &timezone),
            })
        })
        .collect()
}

/// One code to hand over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeToHand {
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    pub code: String,
    /// The organisation's local time.
    pub expires_at: NaiveDateTime,
}

/// The codes of an import's patients that may still be used, in file order (the read is audited).
#[server(prefix = "/api", endpoint = "patient_import_codes")]
pub async fn patient_import_codes(id: PatientImportId) -> Result<Vec<CodeToHand>, ApiError> {
    let Staff { ctx, account, organisation_id, timezone, .. } = require_service(Service::Invitations).await?;
    codes_of(&ctx, organisation_id, account.id, id, &timezone).await
}

#[cfg(feature = "ssr")]
async fn codes_of(
    ctx: &crate::domain::Ctx,
    organisation_id: i64,
    by: i64,
    id: PatientImportId,
    timezone: &str,
) -> Result<Vec<CodeToHand>, ApiError> {
    Ok(patient_import::codes(ctx, organisation_id, by, id.get())
        .await?
        .into_iter()
        .map(|line| CodeToHand {
            name: format!("{} {}", line.given_name, line.family_name),
            birth_date: stored_date(&line.birth_date),
            code: line.code,
            expires_at: local_time(line.expires_at, timezone),
        })
        .collect())
}

/// The codes as a CSV file for a spreadsheet (a plain route: a download).
#[cfg(feature = "ssr")]
pub async fn codes_csv(
    caller: context::Caller,
    id: PatientImportId,
) -> Result<crate::domain::messaging::attachment::File, ApiError> {
    let Staff { ctx, account, organisation_id, timezone, .. } =
        context::staff_with(caller, &[Service::Invitations]).await?;
    let codes = codes_of(&ctx, organisation_id, account.id, id, &timezone).await?;
    let lang = context::language();
    let heading = |key: &str| crate::i18n::text(lang, key);
    let mut csv = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let headings =
        ["column-name", "invite-birth-date", "import-column-code", "import-column-expires"].map(heading);
    let written = csv.write_record(&headings).and_then(|()| {
        codes.iter().try_for_each(|code| {
            csv.write_record([
                code.name.clone(),
                code.birth_date.map(|d| d.to_string()).unwrap_or_default(),
                code.code.clone(),
                code.expires_at.format("%Y-%m-%d %H:%M").to_string(),
            ])
        })
    });
    written.map_err(|_| ApiError::internal())?;
    let bytes = csv.into_inner().map_err(|_| ApiError::internal())?;
    // A byte-order mark: spreadsheets then read the accents right.
    let mut content = "\u{feff}".as_bytes().to_vec();
    content.extend(bytes);
    Ok(crate::domain::messaging::attachment::File {
        name: format!("invitation-codes-{id}.csv"),
        media_type: "text/csv; charset=utf-8".into(),
        content,
    })
}
