//! The organisation's questionnaire library: what can be sent, each version's FHIR export and
//! its answers' exports (plain downloads, `server/src/routes.rs`), and importing a FHIR R4
//! Questionnaire (administrators).
use super::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_any_service, require_service, Staff},
    crate::domain::organisation::staff_service,
    crate::domain::questionnaire::{builder, fhir, library, FormError},
    crate::i18n::Lang,
    crate::states::Service,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryEntry {
    pub id: i64,
    pub title: String,
    pub instrument: String,
    pub version: i64,
    /// Not one of the shipped instruments, which are validated as published.
    pub editable: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryView {
    pub entries: Vec<LibraryEntry>,
    /// The answers' exports: for members of care teams holding Questionnaires.
    pub exports_answers: bool,
    /// Importing, and deciding who builds: for administrators.
    pub imports: bool,
    /// Building (`builder::may_build`): the drafts, "New questionnaire", edit and archive.
    pub builds: bool,
    pub professionals_build: bool,
    pub drafts: Vec<(i64, String)>,
    pub archived: Vec<LibraryEntry>,
}

#[cfg(feature = "ssr")]
fn entry(e: library::Entry, lang: Lang) -> LibraryEntry {
    LibraryEntry {
        id: e.id,
        title: if lang == Lang::Fr { e.title_fr } else { e.title_en },
        editable: library::shipped(&e.instrument).is_none(),
        instrument: e.instrument,
        version: e.version,
    }
}

#[server(prefix = "/api", endpoint = "questionnaire_library")]
pub async fn questionnaire_library() -> Result<LibraryView, ApiError> {
    let Staff { ctx, account, organisation_id, .. } =
        require_any_service(&[Service::Questionnaires, Service::Administration]).await?;
    let held = staff_service::held(&ctx.db, account.id, organisation_id).await?;
    let professionals_build = builder::professionals_build(&ctx.db, organisation_id).await?;
    let builds = builder::may_build(&held, professionals_build);
    let administers = held.contains(&Service::Administration);
    let lang = context::language();
    let entries = |found: Vec<library::Entry>| found.into_iter().map(|e| entry(e, lang)).collect();
    Ok(LibraryView {
        entries: entries(library::current(&ctx.db, organisation_id).await?),
        exports_answers: held.contains(&Service::Questionnaires),
        imports: administers,
        builds,
        professionals_build,
        drafts: if builds {
            builder::drafts(&ctx.db, organisation_id)
                .await?
                .into_iter()
                .map(|(id, title)| (id, title.get(lang).to_string()))
                .collect()
        } else {
            Vec::new()
        },
        archived: if builds {
            entries(library::archived(&ctx.db, organisation_id).await?)
        } else {
            Vec::new()
        },
    })
}

/// The version just imported or published, for the message that says so.
#[server(prefix = "/api", endpoint = "imported_questionnaire")]
pub async fn imported_questionnaire(id: i64) -> Result<LibraryEntry, ApiError> {
    let Staff { ctx, organisation_id, .. } =
        require_any_service(&[Service::Questionnaires, Service::Administration]).await?;
    let (found, _, _) = library::version(&ctx.db, organisation_id, id).await?;
    Ok(entry(found, context::language()))
}

/// Imports a FHIR R4 Questionnaire into the library; a refusal names the item and keeps the text.
#[server(prefix = "/api", endpoint = "import_questionnaire")]
pub async fn import_questionnaire(#[server(default)] fhir: String) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let imported = async {
        let definition = fhir::questionnaire::import(&fhir)?;
        library::add_version(&ctx, organisation_id, definition, "questionnaire.imported").await
    }
    .await
    .map_err(|e: FormError| {
        let error = ApiError::from(e);
        let error = if error.field.is_none() { error.on("fhir") } else { error };
        error.keep("fhir", &fhir)
    })?;
    leptos_axum::redirect(&format!("/staff/questionnaires/library?imported={}", imported.id));
    Ok(())
}

/// What the library's download links ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Download {
    /// The version as a FHIR R4 Questionnaire.
    Questionnaire,
    /// The answers to its instrument (every version) as CSV.
    AnswersCsv,
    /// The same as a FHIR Bundle of QuestionnaireResponses.
    AnswersFhir,
}

impl Download {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "questionnaire" => Some(Self::Questionnaire),
            "answers-csv" => Some(Self::AnswersCsv),
            "answers-fhir" => Some(Self::AnswersFhir),
            _ => None,
        }
    }

    pub fn href(self, id: i64) -> String {
        let name = match self {
            Self::Questionnaire => "questionnaire",
            Self::AnswersCsv => "answers-csv",
            Self::AnswersFhir => "answers-fhir",
        };
        format!("/staff/questionnaires/library/{id}/{name}")
    }
}

/// A download of the library for the signed-in staff member (a plain route: a file, not a
/// server function's answer). The answers are those of the patients their teams follow, each
/// patient's read recorded.
#[cfg(feature = "ssr")]
pub async fn download(
    caller: context::Caller,
    id: i64,
    what: Download,
) -> Result<crate::domain::messaging::attachment::File, ApiError> {
    use crate::domain::questionnaire::{team_export, TeamMember};
    let services: &[Service] = match what {
        Download::Questionnaire => &[Service::Questionnaires, Service::Administration],
        Download::AnswersCsv | Download::AnswersFhir => &[Service::Questionnaires],
    };
    let Staff { ctx, account, organisation_id, .. } = context::staff_with(caller, services).await?;
    let (entry, archived, definition) = library::version(&ctx.db, organisation_id, id).await?;
    let lang = context::language();
    let (name, media_type, content) = match what {
        Download::Questionnaire => (
            format!("{}-v{}.fhir.json", entry.instrument, entry.version),
            "application/fhir+json; charset=utf-8",
            serde_json::to_vec_pretty(&fhir::questionnaire::export(&definition, entry.version, archived)),
        ),
        Download::AnswersCsv | Download::AnswersFhir => {
            let member = TeamMember { account_id: account.id, organisation_id };
            let exported = team_export::submissions(&ctx, member, &entry.instrument).await?;
            if what == Download::AnswersCsv {
                (
                    format!("{}-answers.csv", entry.instrument),
                    "text/csv; charset=utf-8",
                    // A byte-order mark: spreadsheets then read the accents right.
                    Ok(format!("\u{feff}{}", team_export::csv(&exported, lang)).into_bytes()),
                )
            } else {
                (
                    format!("{}-answers.fhir.json", entry.instrument),
                    "application/fhir+json; charset=utf-8",
                    serde_json::to_vec_pretty(&team_export::bundle(&exported, lang, ctx.now)),
                )
            }
        }
    };
    Ok(crate::domain::messaging::attachment::File {
        name,
        media_type: media_type.to_string(),
        content: content.map_err(|_| ApiError::internal())?,
    })
}
