//! Signing in and out, and activating a staff account through its setup link.
use super::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_session, Caller},
    crate::domain::sign_in::{self, ChallengePurpose},
    crate::domain::throttle::{self, Limit},
    crate::domain::{account, credential, session, setup_link},
};

/// The person shown in the header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub given_name: String,
    pub family_name: String,
    /// Where their messages are (the team inbox for staff) and how many conversations have a
    /// message they have not seen.
    pub messages_href: String,
    pub unread_messages: i64,
}

#[server(prefix = "/api", endpoint = "me")]
pub async fn me() -> Result<Option<Person>, ApiError> {
    match require_session().await {
        Ok(Caller { ctx, account, .. }) => {
            use crate::domain::conversation::{self, Reader};
            let staff = account::memberships(&ctx.db, account.id)
                .await?
                .into_iter()
                .find(|m| matches!(m.role, crate::states::Role::Admin | crate::states::Role::Professional));
            let (reader, messages_href) = match staff {
                Some(m) => (
                    Reader::Staff { account_id: account.id, organisation_id: m.organisation_id },
                    "/staff/inbox",
                ),
                None => (Reader::Patient { account_id: account.id }, "/messages"),
            };
            Ok(Some(Person {
                unread_messages: conversation::unread_count(&ctx.db, reader).await?,
                messages_href: messages_href.into(),
                given_name: account.given_name,
                family_name: account.family_name,
            }))
        }
        Err(e) if e.is_signed_out() => Ok(None),
        Err(e) => Err(e),
    }
}

/// What the holder of a setup link sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SetupView {
    Ready {
        given_name: String,
        organisation: String,
        email: String,
        totp_secret: String,
        qr_svg_base64: String,
    },
    Expired,
    Used,
    Unknown,
}

/// Reads a setup link without consuming it.
#[server(prefix = "/api", endpoint = "setup_link")]
pub async fn setup_link(#[server(default)] token: String) -> Result<SetupView, ApiError> {
    let ctx = context::request();
    Ok(match setup_link::inspect(&ctx.db, &token, ctx.now).await? {
        setup_link::LinkState::Ready { account, totp_secret, organisation } => {
            let uri =
                credential::otpauth_uri(&organisation_issuer(&organisation), &account.email, &totp_secret);
            SetupView::Ready {
                given_name: account.given_name,
                organisation,
                email: account.email,
                qr_svg_base64: data_encoding::BASE64.encode(credential::qr_svg(&uri).as_bytes()),
                totp_secret,
            }
        }
        setup_link::LinkState::Expired => SetupView::Expired,
        setup_link::LinkState::Used => SetupView::Used,
        setup_link::LinkState::Unknown => SetupView::Unknown,
    })
}

#[cfg(feature = "ssr")]
fn organisation_issuer(organisation: &str) -> String {
    if organisation.is_empty() {
        "Portail".into()
    } else {
        format!("Portail ({organisation})")
    }
}

#[server(prefix = "/api", endpoint = "complete_setup")]
pub async fn complete_setup(
    #[server(default)] token: String,
    #[server(default)] password: String,
    #[server(default)] password_confirmation: String,
    #[server(default)] code: String,
) -> Result<(), ApiError> {
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())])?;
    let completion = setup_link::Completion {
        token: &token,
        password: &password,
        password_confirmation: &password_confirmation,
        totp_code: &code,
    };
    let session_token = setup_link::complete(&context::request(), completion).await?;
    context::set_session_cookie(&session_token);
    leptos_axum::redirect("/staff");
    Ok(())
}

#[cfg(feature = "ssr")]
const CHALLENGE_COOKIE: &str = "portail-challenge";
/// Where to go once signed in: the page a signed-out visit was sent away from.
#[cfg(feature = "ssr")]
const RETURN_COOKIE: &str = "portail-return";

/// Whether a page is only for signed-in people: a signed-out visit goes to sign-in first.
pub fn is_private_page(path: &str) -> bool {
    ["/home", "/staff", "/account", "/for", "/messages"]
        .iter()
        .any(|prefix| path == *prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/')))
}

/// The page to return to after signing in, if `next` is one of ours: a private page's path (and
/// query), never another site (`//host`, `/\host`) nor anything with control characters.
pub fn return_path(next: &str) -> Option<&str> {
    let path = next.split(['?', '#']).next().unwrap_or_default();
    let clean = next.len() <= 512 && !next.contains('\\') && !next.chars().any(char::is_control);
    (clean && next.starts_with('/') && !next.starts_with("//") && is_private_page(path)).then_some(next)
}

/// The sign-in page that brings the person back to `path` afterwards.
pub fn sign_in_returning_to(path: &str) -> String {
    match return_path(path) {
        Some(path) => format!("/sign-in?next={}", urlencoding::encode(path)),
        None => "/sign-in".to_string(),
    }
}

/// Step one of every sign-in: email and password.
#[server(prefix = "/api", endpoint = "sign_in")]
pub async fn sign_in(
    #[server(default)] email: String,
    #[server(default)] password: String,
    #[server(default)] next: String,
) -> Result<(), ApiError> {
    context::throttle(&[
        (Limit::SignInFromAddress, &context::address_key()),
        (Limit::SignInForEmail, &throttle::email_key(&email)),
    ])
    .map_err(|e| e.keep("email", email.trim()))?;
    let ctx = context::request();
    match sign_in::start_sign_in(&ctx, &email, &password).await? {
        sign_in::Started::Challenge(challenge) => {
            context::set_flow_cookie(CHALLENGE_COOKIE, &challenge.token, sign_in::CODE_VALID_SECONDS);
            match return_path(&next) {
                Some(next) => {
                    let next = urlencoding::encode(next);
                    context::set_flow_cookie(RETURN_COOKIE, &next, sign_in::CODE_VALID_SECONDS)
                }
                None => context::clear_flow_cookie(RETURN_COOKIE),
            }
            leptos_axum::redirect("/sign-in/code");
            Ok(())
        }
        sign_in::Started::Refused => Err(ApiError::invalid("error-credentials").keep("email", email.trim())),
        sign_in::Started::Suspended => {
            Err(ApiError::conflict("error-account-suspended").keep("email", email.trim()))
        }
        sign_in::Started::Locked { until, account_id } => {
            let timezone = account::timezone(&ctx.db, account_id).await?;
            Err(ApiError::conflict("error-account-locked")
                .arg("until", context::in_words(crate::domain::calendar::local_time(until, &timezone)))
                .keep("email", email.trim()))
        }
    }
}

/// How the second step is answered: `email` or `totp`; `None` sends back to step one.
#[server(prefix = "/api", endpoint = "sign_in_challenge")]
pub async fn sign_in_challenge() -> Result<Option<crate::states::Method>, ApiError> {
    let Some(token) = context::cookie(CHALLENGE_COOKIE) else { return Ok(None) };
    let ctx = context::request();
    let method = sign_in::challenge_method(&ctx.db, &token, ChallengePurpose::SignIn, ctx.now).await?;
    Ok(method)
}

/// Step two: the verification code.
#[server(prefix = "/api", endpoint = "verify_sign_in")]
pub async fn verify_sign_in(#[server(default)] code: String) -> Result<(), ApiError> {
    context::throttle(&[(Limit::CodeFromAddress, &context::address_key())])?;
    let ctx = context::request();
    let token = context::cookie(CHALLENGE_COOKIE).ok_or_else(|| ApiError::conflict("error-start-again"))?;
    match sign_in::finish_sign_in(&ctx, &token, &code, ChallengePurpose::SignIn).await? {
        sign_in::CodeOutcome::SignedIn { session_token, account_id } => {
            context::clear_flow_cookie(CHALLENGE_COOKIE);
            context::set_session_cookie(&session_token);
            context::set_language_cookie(
                crate::domain::profile::interface_language(&ctx.db, account_id).await?,
            );
            let staff = account::memberships(&ctx.db, account_id).await?.iter().any(|m| m.role.is_staff());
            let home = if staff { "/staff" } else { "/home" };
            let asked = context::cookie(RETURN_COOKIE)
                .and_then(|next| urlencoding::decode(&next).ok().map(|n| n.into_owned()));
            context::clear_flow_cookie(RETURN_COOKIE);
            leptos_axum::redirect(asked.as_deref().and_then(return_path).unwrap_or(home));
            Ok(())
        }
        sign_in::CodeOutcome::Wrong { remaining_tries } => {
            Err(ApiError::invalid("error-verification-wrong").on("code").arg("remaining", remaining_tries))
        }
        sign_in::CodeOutcome::StartAgain | sign_in::CodeOutcome::Reauthenticated => {
            context::clear_flow_cookie(CHALLENGE_COOKIE);
            Err(ApiError::conflict("error-start-again"))
        }
    }
}

/// A new email code, at most once a minute; wrong tries so far still count. `purpose` is
/// `sign_in`, or `reauth` for a signed-in person confirming who they are.
#[server(prefix = "/api", endpoint = "resend_code")]
pub async fn resend_code(#[server(default)] purpose: String) -> Result<bool, ApiError> {
    let (cookie_name, purpose) = match purpose.as_str() {
        "reauth" => (
            super::account::REAUTH_COOKIE,
            ChallengePurpose::Reauth { session_id: require_session().await?.session.session_id },
        ),
        _ => (CHALLENGE_COOKIE, ChallengePurpose::SignIn),
    };
    let token = context::cookie(cookie_name).ok_or_else(|| ApiError::conflict("error-start-again"))?;
    match sign_in::resend_code(&context::request(), &token, purpose).await? {
        sign_in::Resend::Sent => Ok(true),
        sign_in::Resend::TooSoon { wait_seconds } => {
            Err(ApiError::too_many("error-code-too-soon", wait_seconds).on("code"))
        }
        sign_in::Resend::StartAgain => Err(ApiError::conflict("error-start-again")),
    }
}

#[server(prefix = "/api", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), ApiError> {
    if let Ok(Caller { ctx, session, account }) = require_session().await {
        session::end(&ctx.db, session.session_id, ctx.now).await?;
        ctx.audit(&ctx.db, None, "sign_out", format!("account:{}", account.id)).await?;
    }
    context::clear_session_cookie();
    leptos_axum::redirect("/");
    Ok(())
}

/// The staff home page: greeting and the organisations the person works in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHomeView {
    pub given_name: String,
    pub roles: Vec<StaffRole>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRole {
    pub organisation: String,
    pub role: crate::states::Role,
}

#[server(prefix = "/api", endpoint = "staff_home")]
pub async fn staff_home() -> Result<StaffHomeView, ApiError> {
    let Caller { ctx, account: me, .. } = require_session().await?;
    let roles = account::memberships(&ctx.db, me.id).await?;
    if roles.is_empty() {
        return Err(ApiError::not_found());
    }
    Ok(StaffHomeView {
        given_name: me.given_name,
        roles: roles.into_iter().map(|m| StaffRole { organisation: m.organisation, role: m.role }).collect(),
    })
}
