//! A person's own account: details and profile, re-authentication, email and password changes,
//! verification methods and recovery codes, sessions, access log.
use super::profile::AccountView;
use super::ApiError;
use crate::door::SessionId;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_session, Caller},
    crate::domain::identity::sign_in::{self, ChallengePurpose},
    crate::domain::identity::throttle::Limit,
    crate::domain::{
        identity::account, identity::credential, identity::email_change, identity::recovery_code,
        identity::security, identity::session, patient::access_log,
    },
};

#[server(prefix = "/api", endpoint = "my_account")]
pub async fn my_account() -> Result<AccountView, ApiError> {
    let Caller { ctx, session: active, account: me } = require_session().await?;
    super::profile::account_view(&ctx, me.id, Some(active.session_id)).await
}

#[server(prefix = "/api", endpoint = "end_session")]
pub async fn end_session(id: SessionId) -> Result<(), ApiError> {
    let Caller { ctx, account: me, .. } = require_session().await?;
    if !session::end_own(&ctx, me.id, id.get()).await? {
        return Err(ApiError::not_found());
    }
    leptos_axum::redirect("/account?saved=session");
    Ok(())
}

#[server(prefix = "/api", endpoint = "end_other_sessions")]
pub async fn end_other_sessions() -> Result<(), ApiError> {
    let Caller { ctx, session: active, account: me } = require_session().await?;
    for other in
        session::active_for(&ctx.db, me.id, ctx.now).await?.into_iter().filter(|s| s.id != active.session_id)
    {
        session::end_own(&ctx, me.id, other.id).await?;
    }
    leptos_axum::redirect("/account?saved=sessions");
    Ok(())
}

// ---- Re-authentication: password, then a code, within the last 5 minutes ----

#[cfg(feature = "ssr")]
fn reauth_of(active: &session::ActiveSession) -> ChallengePurpose {
    ChallengePurpose::Reauth { session_id: active.session_id }
}

#[cfg(feature = "ssr")]
pub(super) const REAUTH_COOKIE: &str = "portail-reauth";

/// Where a re-authentication may send the person back to: one of their own account pages.
#[cfg(feature = "ssr")]
pub(super) fn safe_next(next: &str) -> &str {
    let allowed = [
        "/account/email",
        "/account/password",
        "/account/security",
        "/account/authenticator",
        "/account/close",
    ];
    allowed.into_iter().find(|page| *page == next).unwrap_or("/account")
}

/// Refuses unless this session proved again who it is in the last five minutes.
#[cfg(feature = "ssr")]
pub(super) async fn require_recent_reauth() -> Result<Caller, ApiError> {
    let caller = require_session().await?;
    if !session::recently_reauthenticated(&caller.ctx.db, caller.session.session_id, caller.ctx.now).await? {
        return Err(ApiError::new(super::ErrorKind::Forbidden, "error-reauth-required"));
    }
    Ok(caller)
}

/// Whether the session re-authenticated recently, and if a code is awaited, how it comes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReauthView {
    pub recent: bool,
    /// How the code comes, while one is awaited.
    pub awaiting: Option<crate::states::Method>,
    /// The person has passkeys: one may confirm who they are instead of the password and code.
    pub passkeys: bool,
}

#[server(prefix = "/api", endpoint = "reauth_state")]
pub async fn reauth_state() -> Result<ReauthView, ApiError> {
    let Caller { ctx, session: active, .. } = require_session().await?;
    let db = &ctx.db;
    let now = ctx.now;
    let awaiting = match context::cookie(REAUTH_COOKIE) {
        Some(token) => sign_in::challenge_method(db, &token, reauth_of(&active), now).await?,
        None => None,
    };
    let passkeys = !crate::domain::identity::passkey::list(db, active.account_id).await?.is_empty();
    Ok(ReauthView {
        recent: session::recently_reauthenticated(db, active.session_id, now).await?,
        awaiting,
        passkeys,
    })
}

#[server(prefix = "/api", endpoint = "start_reauth")]
pub async fn start_reauth(
    #[server(default)] password: String,
    #[server(default)] next: String,
) -> Result<(), ApiError> {
    let Caller { ctx, session: active, account: me } = require_session().await?;
    context::throttle(&[(Limit::PasswordWorkByAccount, &me.id.to_string())]).await?;
    match sign_in::start_reauth(&ctx, &me, active.session_id, &password).await? {
        Some(challenge) => {
            context::set_flow_cookie(REAUTH_COOKIE, &challenge.token, sign_in::CODE_VALID_SECONDS);
            leptos_axum::redirect(&format!("/account/confirm?next={}", safe_next(&next)));
            Ok(())
        }
        None => Err(ApiError::invalid("error-password-wrong").on("password")),
    }
}

#[server(prefix = "/api", endpoint = "confirm_reauth")]
pub async fn confirm_reauth(
    #[server(default)] code: String,
    #[server(default)] next: String,
) -> Result<(), ApiError> {
    let Caller { ctx, session: active, .. } = require_session().await?;
    let token = context::cookie(REAUTH_COOKIE).ok_or_else(|| ApiError::conflict("error-start-again"))?;
    match sign_in::finish_sign_in(&ctx, &token, &code, reauth_of(&active)).await? {
        sign_in::CodeOutcome::Reauthenticated | sign_in::CodeOutcome::SignedIn { .. } => {
            context::clear_flow_cookie(REAUTH_COOKIE);
            leptos_axum::redirect(safe_next(&next));
            Ok(())
        }
        sign_in::CodeOutcome::Wrong { remaining_tries } => {
            Err(ApiError::invalid("error-verification-wrong").on("code").arg("remaining", remaining_tries))
        }
        sign_in::CodeOutcome::StartAgain => {
            context::clear_flow_cookie(REAUTH_COOKIE);
            Err(ApiError::conflict("error-start-again"))
        }
    }
}

// ---- Email and password ----

#[server(prefix = "/api", endpoint = "request_email_change")]
pub async fn request_email_change(#[server(default)] email: String) -> Result<(), ApiError> {
    let Caller { ctx, account: me, .. } = require_recent_reauth().await?;
    email_change::request(&ctx, &me, &email)
        .await
        .map_err(|e| ApiError::from(e).keep("email", email.trim()))?;
    leptos_axum::redirect("/account?saved=email");
    Ok(())
}

/// The new address a confirmation link leads to, or `None` when it can no longer be used.
#[server(prefix = "/api", endpoint = "email_change_link")]
pub async fn email_change_link(#[server(default)] token: String) -> Result<Option<String>, ApiError> {
    let ctx = context::request();
    Ok(match email_change::inspect(&ctx.db, &token, ctx.now).await? {
        email_change::LinkState::Ready(email) => Some(email),
        email_change::LinkState::Unusable => None,
    })
}

#[server(prefix = "/api", endpoint = "confirm_email_change")]
pub async fn confirm_email_change(#[server(default)] token: String) -> Result<(), ApiError> {
    let confirming = context::require_session().await.ok().map(|caller| caller.session);
    email_change::confirm(&context::request(), &token, confirming.as_ref()).await?;
    leptos_axum::redirect("/email-change/done");
    Ok(())
}

#[server(prefix = "/api", endpoint = "report_email_change")]
pub async fn report_email_change(#[server(default)] token: String) -> Result<(), ApiError> {
    if !email_change::report(&context::request(), &token).await? {
        return Err(ApiError::conflict("error-email-change-unusable"));
    }
    context::clear_session_cookie();
    leptos_axum::redirect("/email-change/reported");
    Ok(())
}

#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    #[server(default)] password: String,
    #[server(default)] password_confirmation: String,
) -> Result<(), ApiError> {
    let Caller { ctx, session: active, account: me } = require_recent_reauth().await?;
    context::throttle(&[(Limit::PasswordWorkByAccount, &me.id.to_string())]).await?;
    security::change_password(&ctx, &me, active.session_id, &password, &password_confirmation).await?;
    leptos_axum::redirect("/account?saved=password");
    Ok(())
}

/// The page of a change that needs a recent re-authentication: whether it happened.
#[server(prefix = "/api", endpoint = "recently_reauthenticated")]
pub async fn recently_reauthenticated() -> Result<bool, ApiError> {
    let Caller { ctx, session, .. } = require_session().await?;
    Ok(session::recently_reauthenticated(&ctx.db, session.session_id, ctx.now).await?)
}

// ---- Verification methods and recovery codes ----

#[cfg(feature = "ssr")]
const RECOVERY_COOKIE: &str = "portail-recovery";

#[server(prefix = "/api", endpoint = "use_email_codes")]
pub async fn use_email_codes() -> Result<(), ApiError> {
    let Caller { ctx, account: me, .. } = require_recent_reauth().await?;
    security::use_email_codes(&ctx, &me).await?;
    // Staff sign in with their passkeys from now on: recovery codes are their way back if they
    // lose them, shown once now.
    if account::needs_strong_factor(&ctx.db, me.id).await? {
        return issue_recovery_codes(&ctx, me.id).await;
    }
    leptos_axum::redirect("/account?saved=method");
    Ok(())
}

#[cfg(feature = "ssr")]
async fn issue_recovery_codes(ctx: &crate::domain::Ctx, account_id: i64) -> Result<(), ApiError> {
    let codes = recovery_code::regenerate(ctx, account_id).await?;
    context::set_flow_cookie(RECOVERY_COOKIE, &codes.join("."), 120);
    leptos_axum::redirect("/account/recovery-codes");
    Ok(())
}

#[server(prefix = "/api", endpoint = "new_recovery_codes")]
pub async fn new_recovery_codes() -> Result<(), ApiError> {
    let Caller { ctx, account: me, .. } = require_recent_reauth().await?;
    issue_recovery_codes(&ctx, me.id).await
}

/// The codes just generated, once: the cookie that carried them is cleared as they are read.
#[server(prefix = "/api", endpoint = "take_recovery_codes")]
pub async fn take_recovery_codes() -> Result<Vec<String>, ApiError> {
    require_session().await?;
    let codes = context::cookie(RECOVERY_COOKIE)
        .map(|v| v.split('.').filter(|c| !c.is_empty()).map(str::to_string).collect())
        .unwrap_or_default();
    context::clear_flow_cookie(RECOVERY_COOKIE);
    Ok(codes)
}

/// The authenticator-app page: whether the app is already in use, or the secret being set up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthenticatorView {
    InUse,
    NotStarted,
    Pending { secret: String, qr_svg_base64: String },
}

#[server(prefix = "/api", endpoint = "authenticator")]
pub async fn authenticator() -> Result<AuthenticatorView, ApiError> {
    let Caller { ctx, account: me, .. } = require_session().await?;
    if me.totp_secret.is_some() {
        return Ok(AuthenticatorView::InUse);
    }
    Ok(match security::pending_totp(&ctx.db, me.id).await? {
        Some(secret) => {
            let uri = credential::otpauth_uri("Portail", &me.email, &secret);
            AuthenticatorView::Pending {
                qr_svg_base64: data_encoding::BASE64.encode(credential::qr_svg(&uri).as_bytes()),
                secret,
            }
        }
        None => AuthenticatorView::NotStarted,
    })
}

#[server(prefix = "/api", endpoint = "start_authenticator")]
pub async fn start_authenticator() -> Result<(), ApiError> {
    let Caller { ctx, account: me, .. } = require_recent_reauth().await?;
    security::start_totp_enrolment(&ctx.db, me.id).await?;
    leptos_axum::redirect("/account/authenticator");
    Ok(())
}

/// Confirms the app (in a session re-authenticated within 5 minutes: current password + its first
/// code) and hands out the recovery codes.
#[server(prefix = "/api", endpoint = "confirm_authenticator")]
pub async fn confirm_authenticator(
    #[server(default)] password: String,
    #[server(default)] code: String,
) -> Result<(), ApiError> {
    let Caller { ctx, account: me, session } = require_recent_reauth().await?;
    security::confirm_totp_enrolment(&ctx, &me, session.session_id, &password, &code).await?;
    issue_recovery_codes(&ctx, me.id).await
}

// ---- Closing my account ----

/// Closes the signed-in person's own account (re-authenticated recently; `understood` is the box
/// ticked) and signs them out here too: every session has ended.
#[server(prefix = "/api", endpoint = "close_account")]
pub async fn close_account(#[server(default)] understood: Option<String>) -> Result<(), ApiError> {
    let Caller { ctx, account: me, .. } = require_recent_reauth().await?;
    crate::domain::onboarding::closure::close(&ctx, &me, understood.is_some()).await?;
    context::clear_session_cookie();
    leptos_axum::redirect("/account-closed");
    Ok(())
}

// ---- My access log ----

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLogView {
    pub entries: Vec<LogEntry>,
    pub page: i64,
    pub pages: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// The organisation's local time.
    pub at: chrono::NaiveDateTime,
    /// The audit action, e.g. `sign_in.succeeded`; the page translates it.
    pub action: String,
    /// Someone else's name, or `None` for the person themself.
    pub actor: Option<String>,
    pub actor_role: String,
    /// The organisation a staff member acted in, by name (empty if none).
    pub actor_organisation: String,
    pub ip: String,
    /// Whom a caregiver acted for.
    pub acting_for: Option<String>,
}

#[server(prefix = "/api", endpoint = "my_access_log")]
pub async fn my_access_log(page: i64) -> Result<AccessLogView, ApiError> {
    let Caller { ctx, account: me, .. } = require_session().await?;
    let db = &ctx.db;
    let timezone = account::timezone(db, me.id).await?;
    let (entries, paging) = access_log::page(db, me.id, page).await?;
    Ok(AccessLogView {
        page: paging.page,
        pages: paging.pages,
        entries: entries
            .into_iter()
            .map(|e| LogEntry {
                at: crate::domain::calendar::local_time(e.at, &timezone),
                action: e.action,
                actor_role: e.actor.as_ref().map(|a| a.role.clone()).unwrap_or_default(),
                actor_organisation: e.actor.as_ref().map(|a| a.organisation.clone()).unwrap_or_default(),
                actor: e.actor.map(|a| a.name),
                ip: e.ip,
                acting_for: e.acting_for,
            })
            .collect(),
    })
}
