//! Secure messaging: the patient's side (the patient, or a caregiver whose grant covers messages,
//! named by `grant`), the care team's inbox, and the teams administrators set up. Every call
//! finds out again who reads through which door; the domain narrows every query to it.
#![allow(clippy::too_many_arguments)]
use super::ApiError;
use crate::actions::ConversationAction;
use crate::door::{ConversationId, GrantId, PatientId};
use crate::states::Author;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_door, require_service, require_session, Caller, Clocks, Staff},
    super::message_form::read_as_writer,
    crate::domain::messaging::conversation::{self, inbox::Filter, Reader, Status},
    crate::domain::onboarding::caregiver::Area,
    crate::domain::{messaging::care_team, Ctx},
    crate::door::{AttachmentId, Door},
    crate::paths::Page,
    crate::states::Service,
};

/// A conversation in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationLine {
    pub id: i64,
    pub organisation: String,
    pub team: String,
    pub patient: String,
    pub subject: String,
    pub last_message_at: NaiveDateTime,
    pub unread: bool,
    pub closed: bool,
    pub assigned_to: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationList {
    pub lines: Vec<ConversationLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// Teams the patient's side may write to first (empty for staff, or when none allows it).
    pub startable: Vec<TeamChoice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamChoice {
    pub id: i64,
    pub name: String,
}

/// A message as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i64,
    pub author: String,
    pub role: Author,
    /// A professional's number (`1-23456`).
    pub number: Option<String>,
    pub mine: bool,
    pub body: String,
    pub at: NaiveDateTime,
    /// Not seen by this reader before this visit.
    pub new: bool,
    pub files: Vec<FileView>,
}

/// A file sent with a message: its name, size, and where this reader downloads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub name: String,
    pub size: i64,
    pub href: String,
}

/// A conversation's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadView {
    pub id: i64,
    pub subject: String,
    pub team: String,
    pub team_phone: String,
    pub patient: String,
    pub patient_id: i64,
    pub closed: bool,
    pub replies_allowed: bool,
    pub hidden_from_caregivers: bool,
    pub assigned_to: Option<String>,
    pub assigned_to_me: bool,
    /// Staff: the team's default for "the patient may reply".
    pub replies_by_default: bool,
    pub messages: Vec<MessageView>,
}

/// The door a patient-side server function is called through: the patient's own, or a
/// caregiver's under `grant`.
#[cfg(feature = "ssr")]
async fn patient_side(grant: Option<GrantId>) -> Result<(Ctx, Reader), ApiError> {
    require_door(Door::patient_side(grant), Area::Messages).await
}

#[cfg(feature = "ssr")]
async fn staff_side() -> Result<(Ctx, Reader), ApiError> {
    require_door(Door::Staff, Area::Messages).await
}

#[cfg(feature = "ssr")]
async fn list_for(
    ctx: &Ctx,
    reader: Reader,
    filter: Filter,
    q: &str,
    page: i64,
) -> Result<ConversationList, ApiError> {
    let found = conversation::inbox::list(&ctx.db, reader, filter, q, page).await?;
    let mut clocks = Clocks::default();
    let mut lines = Vec::with_capacity(found.conversations.len());
    for c in found.conversations {
        lines.push(ConversationLine {
            id: c.id,
            last_message_at: clocks.local(&ctx.db, c.organisation_id, c.last_message_at).await?,
            organisation: c.organisation_name,
            team: c.team_name,
            patient: c.patient_name,
            subject: c.subject,
            unread: c.unread,
            closed: c.status == Status::Closed,
            assigned_to: c.assigned_name,
        });
    }
    let startable = conversation::writing::startable_teams(&ctx.db, reader)
        .await?
        .into_iter()
        .map(|t| TeamChoice { id: t.team_id, name: t.team_name })
        .collect();
    Ok(ConversationList {
        lines,
        total: found.total,
        page: found.paging.page,
        pages: found.paging.pages,
        startable,
    })
}

#[cfg(feature = "ssr")]
async fn thread_for(ctx: &Ctx, reader: Reader, id: i64) -> Result<ThreadView, ApiError> {
    let thread = conversation::open(ctx, reader, id).await?;
    let c = thread.conversation;
    let mut clocks = Clocks::default();
    let mut messages = Vec::with_capacity(thread.messages.len());
    for m in thread.messages {
        let files = thread
            .attachments
            .iter()
            .filter(|a| a.message_id == m.id)
            .filter_map(|a| {
                let id = AttachmentId::new(a.id)?;
                let href = Page::File { door: door_of(reader), id }.href();
                Some(FileView { name: a.name.clone(), size: a.size, href })
            })
            .collect();
        messages.push(MessageView {
            files,
            id: m.id,
            at: clocks.local(&ctx.db, c.organisation_id, m.created_at).await?,
            mine: m.author_id == reader.account_id(),
            new: thread.first_unread.is_some_and(|first| m.id >= first) && m.author_id != reader.account_id(),
            author: m.author_name,
            role: m.author_role,
            number: m.author_number,
            body: m.body,
        });
    }
    Ok(ThreadView {
        id: c.id,
        subject: c.subject,
        team: c.team_name,
        team_phone: c.team_phone,
        patient: c.patient_name,
        patient_id: c.patient_id,
        closed: c.status == Status::Closed,
        replies_allowed: c.replies_allowed,
        hidden_from_caregivers: c.hidden_from_caregivers,
        assigned_to_me: c.assigned_to == Some(reader.account_id()),
        assigned_to: c.assigned_name,
        replies_by_default: c.team_replies_by_default,
        messages,
    })
}

/// The door `reader` came through, for the addresses their pages link to.
#[cfg(feature = "ssr")]
fn door_of(reader: Reader) -> Door {
    match reader {
        Reader::Staff { .. } => Door::Staff,
        Reader::Patient { .. } => Door::Patient,
        Reader::Caregiver { grant_id, .. } => {
            GrantId::new(grant_id).map_or(Door::Patient, |grant| Door::Caregiver { grant })
        }
    }
}

/// A file for the signed-in person, if they may read its conversation through `door` (a plain
/// route: the file is a download, not a server function's answer).
#[cfg(feature = "ssr")]
pub async fn file_for(
    caller: Caller,
    door: Door,
    attachment_id: AttachmentId,
) -> Result<crate::domain::messaging::attachment::File, ApiError> {
    let (ctx, reader) = context::enter(caller, door, Area::Messages).await?;
    Ok(conversation::download(&ctx, reader, attachment_id.get()).await?)
}

/// The forms whose message may carry files, and so are posted as multipart.
pub const FILE_FORMS: [&str; 4] = [
    <Reply as leptos::server_fn::ServerFn>::PATH,
    <TeamReply as leptos::server_fn::ServerFn>::PATH,
    <StartMyConversation as leptos::server_fn::ServerFn>::PATH,
    <StartConversation as leptos::server_fn::ServerFn>::PATH,
];

#[server(prefix = "/api", endpoint = "my_conversations")]
pub async fn my_conversations(
    #[server(default)] grant: Option<GrantId>,
    #[server(default)] q: String,
    #[server(default)] page: i64,
) -> Result<ConversationList, ApiError> {
    let (ctx, reader) = patient_side(grant).await?;
    list_for(&ctx, reader, Filter::All, &q, page).await
}

#[server(prefix = "/api", endpoint = "my_conversation")]
pub async fn my_conversation(
    #[server(default)] grant: Option<GrantId>,
    id: ConversationId,
) -> Result<ThreadView, ApiError> {
    let (ctx, reader) = patient_side(grant).await?;
    thread_for(&ctx, reader, id.get()).await
}

/// The newest message of a conversation on the patient's side: an open page polls it and
/// reloads the conversation when it changes.
#[server(prefix = "/api", endpoint = "latest_message")]
pub async fn latest_message(
    #[server(default)] grant: Option<GrantId>,
    id: ConversationId,
) -> Result<i64, ApiError> {
    let (ctx, reader) = patient_side(grant).await?;
    Ok(conversation::latest_message_id(&ctx.db, reader, id.get()).await?)
}

/// The same for the team's side.
#[server(prefix = "/api", endpoint = "team_latest_message")]
pub async fn team_latest_message(id: ConversationId) -> Result<i64, ApiError> {
    let (ctx, reader) = staff_side().await?;
    Ok(conversation::latest_message_id(&ctx.db, reader, id.get()).await?)
}

/// How many conversations have a message this person has not seen, as a patient (or caregiver
/// under `grant`) or, for staff, in their teams.
#[server(prefix = "/api", endpoint = "unread_messages")]
pub async fn unread_messages(#[server(default)] grant: Option<GrantId>) -> Result<i64, ApiError> {
    let (ctx, reader) = patient_side(grant).await?;
    Ok(conversation::inbox::unread_count(&ctx.db, reader).await?)
}

/// The patient's side replies, with up to five files (a multipart form; `grant`, `id`, `body`,
/// `files`).
#[server(prefix = "/api", endpoint = "reply", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn reply(data: leptos::server_fn::codec::MultipartData) -> Result<(), ApiError> {
    let mut posted = read_as_writer(data, false).await?;
    let (ctx, reader) = patient_side(posted.grant).await?;
    let id = posted.id.ok_or_else(ApiError::not_found)?;
    let files = posted.checked_files()?;
    conversation::writing::reply(&ctx, reader, id.get(), &posted.body, files, None)
        .await
        .map_err(|e| posted.keep_typed(e.into()))
}

/// The patient's side writes first to a team that allows it (multipart: `grant`, `team_id`,
/// `subject`, `body`, `files`).
#[server(prefix = "/api", endpoint = "start_my_conversation", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn start_my_conversation(data: leptos::server_fn::codec::MultipartData) -> Result<(), ApiError> {
    let mut posted = read_as_writer(data, true).await?;
    let (ctx, reader) = patient_side(posted.grant).await?;
    let id = posted.start(&ctx, reader, None).await?;
    leptos_axum::redirect(&Page::Conversation { door: door_of(reader), id }.href());
    Ok(())
}

/// The patient keeps a conversation from their caregivers, or shows it again.
#[server(prefix = "/api", endpoint = "hide_from_caregivers")]
pub async fn hide_from_caregivers(id: ConversationId, hidden: Option<String>) -> Result<(), ApiError> {
    let (ctx, reader) = require_door(Door::Patient, Area::Messages).await?;
    conversation::set_hidden_from_caregivers(&ctx, reader, id.get(), hidden.is_some()).await?;
    Ok(())
}

/// How the signed-in person hears of new messages: `each`, `daily` or `off`.
#[server(prefix = "/api", endpoint = "message_emails")]
pub async fn message_emails() -> Result<String, ApiError> {
    let Caller { ctx, account, .. } = require_session().await?;
    Ok(conversation::mail::mail_choice(&ctx.db, account.id).await?.code().to_string())
}

#[server(prefix = "/api", endpoint = "set_message_emails")]
pub async fn set_message_emails(#[server(default)] choice: String) -> Result<(), ApiError> {
    let Caller { ctx, account, .. } = require_session().await?;
    let refused = || ApiError::invalid("error-mail-choice-invalid").on("choice");
    let choice = conversation::mail::MailChoice::parse(&choice).ok_or_else(refused)?;
    let staff = crate::domain::identity::account::memberships(&ctx.db, account.id)
        .await?
        .iter()
        .any(|m| m.role.is_staff());
    conversation::mail::set_mail_choice(&ctx, account.id, choice, staff).await?;
    Ok(())
}

/// The team inbox: the conversations of every team the staff member is in.
#[server(prefix = "/api", endpoint = "team_inbox")]
pub async fn team_inbox(
    #[server(default)] filter: String,
    #[server(default)] q: String,
    #[server(default)] page: i64,
) -> Result<ConversationList, ApiError> {
    let (ctx, reader) = staff_side().await?;
    list_for(&ctx, reader, Filter::parse(&filter), &q, page).await
}

#[server(prefix = "/api", endpoint = "team_unread")]
pub async fn team_unread() -> Result<i64, ApiError> {
    let (ctx, reader) = staff_side().await?;
    Ok(conversation::inbox::unread_count(&ctx.db, reader).await?)
}

#[server(prefix = "/api", endpoint = "team_conversation")]
pub async fn team_conversation(id: ConversationId) -> Result<ThreadView, ApiError> {
    let (ctx, reader) = staff_side().await?;
    thread_for(&ctx, reader, id.get()).await
}

/// A professional writes in a conversation and says whether the patient may reply.
#[server(prefix = "/api", endpoint = "team_reply", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn team_reply(data: leptos::server_fn::codec::MultipartData) -> Result<(), ApiError> {
    let mut posted = read_as_writer(data, false).await?;
    let (ctx, reader) = staff_side().await?;
    let id = posted.id.ok_or_else(ApiError::not_found)?;
    let files = posted.checked_files()?;
    conversation::writing::reply(&ctx, reader, id.get(), &posted.body, files, Some(posted.replies))
        .await
        .map_err(|e| posted.keep_typed(e.into()))
}

/// Close, reopen, take or let go of a conversation.
#[server(prefix = "/api", endpoint = "manage_conversation")]
pub async fn manage_conversation(
    id: ConversationId,
    action: Option<ConversationAction>,
) -> Result<(), ApiError> {
    let (id, (ctx, reader)) = (id.get(), staff_side().await?);
    match action.ok_or_else(|| ApiError::invalid("error-action-required").on("action"))? {
        ConversationAction::Close => conversation::set_closed(&ctx, reader, id, true).await?,
        ConversationAction::Reopen => conversation::set_closed(&ctx, reader, id, false).await?,
        ConversationAction::Take => conversation::assign_to_self(&ctx, reader, id, true).await?,
        ConversationAction::Release => conversation::assign_to_self(&ctx, reader, id, false).await?,
    }
    Ok(())
}

/// What a professional needs to write to a patient: the patient's name and the teams they may
/// write from (theirs, following the patient).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteToPatient {
    pub patient: String,
    pub teams: Vec<TeamChoice>,
    pub replies_by_default: bool,
}

#[server(prefix = "/api", endpoint = "new_conversation_form")]
pub async fn new_conversation_form(patient_id: PatientId) -> Result<WriteToPatient, ApiError> {
    let Staff { ctx, account, organisation_id, .. } = require_service(Service::Messaging).await?;
    let patient_id = patient_id.get();
    let name = crate::domain::patient::file::read(&ctx.db, organisation_id, patient_id, ctx.now)
        .await?
        .map(|f| format!("{} {}", f.given_name, f.family_name))
        .ok_or_else(ApiError::not_found)?;
    let following = care_team::of_patient(&ctx.db, organisation_id, patient_id).await?;
    let mine = care_team::of_member(&ctx.db, account.id).await?;
    let teams: Vec<_> = following.into_iter().filter(|t| mine.iter().any(|m| m.id == t.id)).collect();
    Ok(WriteToPatient {
        patient: name,
        replies_by_default: teams.first().is_none_or(|t| t.replies_by_default),
        teams: teams.into_iter().map(|t| TeamChoice { id: t.id, name: t.name }).collect(),
    })
}

/// A professional writes first to a patient (multipart: `patient_id`, `team_id`, `subject`,
/// `body`, `replies`, `files`).
#[server(prefix = "/api", endpoint = "start_conversation", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn start_conversation(data: leptos::server_fn::codec::MultipartData) -> Result<(), ApiError> {
    let mut posted = read_as_writer(data, true).await?;
    let (ctx, reader) = staff_side().await?;
    let replies = Some(posted.replies);
    let id = posted.start(&ctx, reader, replies).await?;
    leptos_axum::redirect(&Page::Conversation { door: Door::Staff, id }.href());
    Ok(())
}
