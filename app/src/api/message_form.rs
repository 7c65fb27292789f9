//! A message's form as it is posted — multipart, for its files: read field by field (a text to
//! 64 KiB, a file to one byte over its limit), ids checked, what was typed kept for a refusal,
//! and the writer identified and held to their limits before a byte of it is read.
use super::context::{self, require_session};
use super::ApiError;
use crate::domain::identity::throttle::Limit;
use crate::domain::messaging::conversation::{self, Reader};
use crate::domain::Ctx;
use crate::door::{ConversationId, GrantId, PatientId, TeamId};

/// A message as its form posts it (multipart, for its files): the text fields, then the files.
/// A reply names its conversation (`id`); a first message its team, subject and, from staff, the
/// patient.
#[derive(Default)]
pub(super) struct PostedMessage {
    pub(super) grant: Option<GrantId>,
    pub(super) id: Option<ConversationId>,
    pub(super) patient_id: Option<PatientId>,
    pub(super) team_id: Option<TeamId>,
    pub(super) subject: String,
    pub(super) body: String,
    pub(super) replies: bool,
    files: Vec<crate::domain::messaging::attachment::Upload>,
    /// A file went over the limit: its bytes were read and dropped.
    too_large: bool,
    /// A field that should name something by its id and held something else.
    bad_id: Option<&'static str>,
}

impl PostedMessage {
    /// A text field is kept to 64 KiB (a message is at most a few thousand characters); a file
    /// to one byte over the limit, enough to refuse it.
    pub(super) async fn read(data: leptos::server_fn::codec::MultipartData) -> Result<Self, ApiError> {
        use crate::domain::messaging::attachment::{Upload, MAX_BYTES};
        let unreadable = |_| ApiError::invalid("error-request-invalid");
        let mut multipart = data.into_inner().ok_or_else(|| ApiError::invalid("error-request-invalid"))?;
        let mut posted = Self::default();
        while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
            let name = field.name().unwrap_or_default().to_string();
            let file_name = field.file_name().map(str::to_string);
            let limit = if file_name.is_some() { MAX_BYTES + 1 } else { 64 * 1024 };
            let mut content = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
                if content.len() + chunk.len() <= limit {
                    content.extend_from_slice(&chunk);
                } else if file_name.is_some() {
                    posted.too_large = true;
                }
            }
            match (name.as_str(), file_name) {
                ("files", Some(file_name)) => posted.files.push(Upload { name: file_name, content }),
                (_, Some(_)) => {}
                (field, None) => {
                    let text = String::from_utf8_lossy(&content).into_owned();
                    match field {
                        "grant" => posted.grant = posted.id_in("grant", &text),
                        "id" => posted.id = posted.id_in("id", &text),
                        "patient_id" => posted.patient_id = posted.id_in("patient_id", &text),
                        "team_id" => posted.team_id = posted.id_in("team_id", &text),
                        "subject" => posted.subject = text,
                        "body" => posted.body = text,
                        "replies" => posted.replies = true,
                        _ => {}
                    }
                }
            }
        }
        if let Some(field) = posted.bad_id {
            return Err(posted.keep_typed(ApiError::invalid("error-id-invalid").on(field)));
        }
        Ok(posted)
    }

    /// The id in a field: `None` when empty, and noted as refused when not an id.
    fn id_in<Id: std::str::FromStr>(&mut self, field: &'static str, text: &str) -> Option<Id> {
        if text.trim().is_empty() {
            return None;
        }
        let id = text.parse().ok();
        if id.is_none() {
            self.bad_id.get_or_insert(field);
        }
        id
    }

    pub(super) fn checked_files(
        &mut self,
    ) -> Result<Vec<crate::domain::messaging::attachment::Checked>, ApiError> {
        let refused = if self.too_large {
            Err(crate::domain::DomainError::invalid("files", "error-attachment-too-large"))
        } else {
            crate::domain::messaging::attachment::checked(std::mem::take(&mut self.files))
        };
        refused.map_err(|e| self.keep_typed(e.into()))
    }

    /// Starts the conversation this first message opens; `replies` is staff's "the patient may
    /// reply".
    pub(super) async fn start(
        &mut self,
        ctx: &Ctx,
        reader: Reader,
        replies: Option<bool>,
    ) -> Result<ConversationId, ApiError> {
        let files = self.checked_files()?;
        let team_id = self
            .team_id
            .ok_or_else(|| self.keep_typed(ApiError::invalid("error-team-invalid").on("team_id")))?;
        let new = conversation::writing::NewConversation {
            team_id: team_id.get(),
            patient_id: self.patient_id.map(PatientId::get),
            subject: &self.subject,
            body: &self.body,
            replies_allowed: replies,
            files,
        };
        let id =
            conversation::writing::start(ctx, reader, new).await.map_err(|e| self.keep_typed(e.into()))?;
        ConversationId::new(id).ok_or_else(ApiError::internal)
    }

    /// What was typed, for the form to show again with the error.
    pub(super) fn keep_typed(&self, error: ApiError) -> ApiError {
        let team = self.team_id.map(|id| id.to_string());
        let replies = self.replies.then_some("on");
        error.keep_all([
            ("team_id", team.as_deref()),
            ("subject", (!self.subject.is_empty()).then_some(self.subject.as_str())),
            ("body", Some(self.body.as_str())),
            ("replies", replies),
        ])
    }
}

/// A message form's writer: known from the session cookie before a byte of the form is read (an
/// anonymous post is refused unread), then the form, then the writer's own limits — messages,
/// and first messages, per account whatever the door — whose refusal keeps what was typed.
pub(super) async fn read_as_writer(
    data: leptos::server_fn::codec::MultipartData,
    starting: bool,
) -> Result<PostedMessage, ApiError> {
    let caller = require_session().await?;
    let posted = PostedMessage::read(data).await?;
    let key = caller.account.id.to_string();
    let mut limits = vec![(Limit::MessageByAccount, key.as_str())];
    if starting {
        limits.push((Limit::ConversationStartByAccount, key.as_str()));
    }
    context::throttle(&limits).await.map_err(|e| posted.keep_typed(e))?;
    Ok(posted)
}
