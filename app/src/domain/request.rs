//! The request a rule serves: where the data is, who asks and from where, and the time the request
//! is judged at. The api layer makes one per request (a job or the command line makes its own) and
//! every rule takes it, so no rule reads the clock or the request by itself.
use super::audit::{self, Target};
use super::{store, DomainResult};
use sqlx::{Any, Executor};

/// Who did something from where, carried into the audit trail and the session list.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub ip: String,
    pub user_agent: String,
}

#[derive(Clone, Debug)]
pub struct Ctx {
    pub db: store::Db,
    pub meta: RequestMeta,
    /// UTC epoch seconds, read once for the whole request.
    pub now: i64,
    /// The person the audit trail names as having done what this request does.
    pub actor: Option<i64>,
    /// When a caregiver acts for a patient: the patient's account.
    pub acting_for: Option<i64>,
    /// The portal's address (`PUBLIC_URL`, no trailing slash), for the links in mails. Empty for
    /// a job that sends none.
    pub public_url: String,
}

impl Ctx {
    pub fn new(db: store::Db, meta: RequestMeta, now: i64) -> Self {
        Self { db, meta, now, actor: None, acting_for: None, public_url: String::new() }
    }

    /// The same request, whose mails link to `public_url`.
    pub fn linking_to(self, public_url: &str) -> Self {
        Self { public_url: public_url.trim_end_matches('/').to_string(), ..self }
    }

    /// The absolute address of `path` (`/invitation/…`), for a mail.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// A job or command without a caller: no address, nobody acting.
    pub fn system(db: &store::Db, now: i64) -> Self {
        Self::new(db.clone(), RequestMeta::default(), now)
    }

    /// The same request, done by `account_id` (a sign-in names the person once the password is known).
    pub fn by(&self, account_id: i64) -> Self {
        Self { actor: Some(account_id), ..self.clone() }
    }

    /// The same request, done by a caregiver for the patient holding `patient_account`.
    pub fn for_patient(&self, patient_account: Option<i64>) -> Self {
        Self { acting_for: patient_account, ..self.clone() }
    }

    /// Records that this request's actor viewed `target` (a patient's file, their pages): once per
    /// page view, however many queries the page makes (`audit::VIEW_SECONDS`).
    pub async fn audit_view(
        &self,
        organisation_id: Option<i64>,
        action: &'static str,
        target: Target,
    ) -> DomainResult<()> {
        audit::record_view(&self.db, self, organisation_id, action, target).await
    }

    /// Records `action` on `target` as done by this request's actor, in the same transaction as
    /// the change when `exec` is one. Self-service rules record under the caller as they come;
    /// only flows that learn who acts on the way (sign-in, links from emails) name them with `by`.
    pub async fn audit<'e>(
        &self,
        exec: impl Executor<'e, Database = Any>,
        organisation_id: Option<i64>,
        action: &'static str,
        target: Target,
    ) -> DomainResult<()> {
        audit::record(exec, self, organisation_id, action, target).await
    }
}
