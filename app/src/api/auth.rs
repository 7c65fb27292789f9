//! Signing in and out, and activating a staff account through its setup link.
use super::ApiError;
use crate::actions::CodePurpose;
use crate::door::OrganisationId;
use crate::states::TimeLeft;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_session, Caller},
    crate::domain::identity::sign_in::{self, ChallengePurpose},
    crate::domain::identity::throttle::{self, Limit},
    crate::domain::{identity::account, identity::credential, identity::session, onboarding::setup_link},
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
    /// Both a patient somewhere and staff somewhere: the header links the two spaces.
    pub both_spaces: bool,
}

#[server(prefix = "/api", endpoint = "me")]
pub async fn me() -> Result<Option<Person>, ApiError> {
    match require_session().await {
        Ok(caller) => {
            use crate::domain::messaging::conversation::{self, Reader};
            use crate::domain::organisation::membership;
            use crate::domain::organisation::staff_service;
            use crate::states::Service;
            let places = membership::workplaces(&caller.ctx.db, caller.account.id).await?;
            let both_spaces = !places.is_empty()
                && !membership::patient_of(&caller.ctx.db, caller.account.id).await?.is_empty();
            // The team inbox of the organisation they work in now, if they hold messaging there.
            let messaging = match membership::working_in(&places, caller.session.organisation_id) {
                Some(organisation_id) => {
                    staff_service::held(&caller.ctx.db, caller.account.id, organisation_id)
                        .await?
                        .contains(&Service::Messaging)
                        .then_some(organisation_id)
                }
                None => None,
            };
            let Caller { ctx, account, .. } = caller;
            let (reader, messages_href) = match messaging {
                Some(organisation_id) => {
                    (Reader::Staff { account_id: account.id, organisation_id }, "/staff/inbox")
                }
                None => (Reader::Patient { account_id: account.id }, "/messages"),
            };
            Ok(Some(Person {
                unread_messages: conversation::inbox::unread_count(&ctx.db, reader).await?,
                messages_href: messages_href.into(),
                both_spaces,
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
    /// The secret code the administrator handed over is asked first.
    NeedsCode {
        given_name: String,
        organisation: String,
        /// The link sets up again the way in of an account an administrator reset.
        renewal: bool,
    },
    Ready {
        given_name: String,
        organisation: String,
        email: String,
        totp_secret: String,
        qr_svg_base64: String,
        renewal: bool,
    },
    Expired,
    /// Five wrong secret codes.
    Void,
    Used,
    Unknown,
}

/// The cookie that holds, for 30 minutes, the pass a right secret code gave this browser.
#[cfg(feature = "ssr")]
pub const SETUP_PASS_COOKIE: &str = "portail-setup-pass";

/// Reads a setup link without consuming it.
#[server(prefix = "/api", endpoint = "setup_link")]
pub async fn setup_link(#[server(default)] token: String) -> Result<SetupView, ApiError> {
    let ctx = context::request();
    let pass = context::cookie(SETUP_PASS_COOKIE);
    // An operator's link names no organisation: they join the platform.
    let named = |organisation: String| match organisation.is_empty() {
        true => crate::i18n::text(context::language(), "setup-platform"),
        false => organisation,
    };
    Ok(match setup_link::inspect(&ctx.db, &token, pass.as_deref(), ctx.now).await? {
        setup_link::LinkState::NeedsCode { given_name, organisation, renewal } => {
            SetupView::NeedsCode { given_name, organisation: named(organisation), renewal }
        }
        setup_link::LinkState::Ready { account, totp_secret, organisation, renewal } => {
            let uri =
                credential::otpauth_uri(&organisation_issuer(&organisation), &account.email, &totp_secret);
            SetupView::Ready {
                given_name: account.given_name,
                organisation: named(organisation),
                email: account.email,
                qr_svg_base64: data_encoding::BASE64.encode(credential::qr_svg(&uri).as_bytes()),
                totp_secret,
                renewal,
            }
        }
        setup_link::LinkState::Expired => SetupView::Expired,
        setup_link::LinkState::Void => SetupView::Void,
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

/// The secret code of a setup link. Right: this browser may go on for 30 minutes. Wrong: the
/// tries left are said; the 5th wrong code voids the link.
#[server(prefix = "/api", endpoint = "check_setup_code")]
pub async fn check_setup_code(
    #[server(default)] token: String,
    #[server(default)] code: String,
) -> Result<(), ApiError> {
    use crate::domain::onboarding::invitation::{InvitationCode, VERIFIED_SECONDS};
    context::throttle(&[(Limit::InvitationCodeFromAddress, &context::address_key())])
        .await
        .map_err(|e| e.keep("code", &code))?;
    let parsed = InvitationCode::parse(&code).map_err(|e| {
        // A code of the wrong shape was never compared: not a guess.
        context::give_back(Limit::InvitationCodeFromAddress, &context::address_key());
        ApiError::from(e).keep("code", &code)
    })?;
    match setup_link::check_code(&context::request(), &token, &parsed).await? {
        setup_link::CodeCheck::Accepted { pass } => {
            context::give_back(Limit::InvitationCodeFromAddress, &context::address_key());
            context::set_flow_cookie(SETUP_PASS_COOKIE, &pass, VERIFIED_SECONDS);
            leptos_axum::redirect(&format!("/setup/{token}"));
            Ok(())
        }
        setup_link::CodeCheck::Wrong { remaining_tries } => Err(ApiError::invalid("error-code-wrong")
            .on("code")
            .arg("remaining", remaining_tries)
            .keep("code", &code)),
        // The page re-reads the link and says why it can no longer be used.
        setup_link::CodeCheck::Unusable => Err(ApiError::conflict("error-setup-link-unusable")),
    }
}

#[server(prefix = "/api", endpoint = "complete_setup")]
pub async fn complete_setup(
    #[server(default)] token: String,
    #[server(default)] password: String,
    #[server(default)] password_confirmation: String,
    #[server(default)] code: String,
    #[server(default)] accept_terms: Option<String>,
) -> Result<(), ApiError> {
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())]).await?;
    let pass = context::cookie(SETUP_PASS_COOKIE);
    let completion = setup_link::Completion {
        token: &token,
        pass: pass.as_deref(),
        password: &password,
        password_confirmation: &password_confirmation,
        totp_code: &code,
        accept_terms: accept_terms.is_some(),
    };
    let ctx = context::request();
    let completed = setup_link::complete(&ctx, completion)
        .await
        .map_err(|e| ApiError::from(e).keep_all([("accept_terms", accept_terms.as_deref())]))?;
    context::clear_flow_cookie(SETUP_PASS_COOKIE);
    context::set_session_cookie(&completed.session_token);
    context::set_language_cookie(
        crate::domain::patient::profile::interface_language(&ctx.db, completed.account_id).await?,
    );
    leptos_axum::redirect(home_of(&ctx.db, completed.account_id).await?);
    Ok(())
}

/// Where a person lands once signed in: the operator's console, the staff home of someone who
/// works somewhere, else their own home.
#[cfg(feature = "ssr")]
pub(crate) async fn home_of(
    db: &crate::domain::store::Db,
    account_id: i64,
) -> Result<&'static str, ApiError> {
    use crate::domain::{organisation::membership, platform::operator};
    Ok(if operator::is_operator(db, account_id).await? {
        "/operator"
    } else if !membership::workplaces(db, account_id).await?.is_empty()
        || !membership::suspended_workplaces(db, account_id).await?.is_empty()
    {
        // Staff of a suspended organisation land where they are told so.
        "/staff"
    } else {
        "/home"
    })
}

#[cfg(feature = "ssr")]
const CHALLENGE_COOKIE: &str = "portail-challenge";
/// Where to go once signed in: the page a signed-out visit was sent away from.
#[cfg(feature = "ssr")]
const RETURN_COOKIE: &str = "portail-return";

/// Whether a page is only for signed-in people: a signed-out visit goes to sign-in first.
pub fn is_private_page(path: &str) -> bool {
    ["/home", "/staff", "/operator", "/account", "/for", "/messages", "/questionnaires"]
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

/// The sign-in page after a session ended for want of activity: it says so, and returns to `path`.
pub fn sign_in_after_idle(path: &str) -> String {
    let sign_in = sign_in_returning_to(path);
    let joiner = if sign_in.contains('?') { '&' } else { '?' };
    format!("{sign_in}{joiner}reason=idle")
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
    .await
    .map_err(|e| e.keep("email", email.trim()))?;
    let ctx = context::request();
    let browser = context::cookie(context::state().config.browser_cookie_name());
    match sign_in::start_sign_in(&ctx, &email, &password, browser.as_deref()).await? {
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
    context::throttle(&[(Limit::CodeFromAddress, &context::address_key())]).await?;
    let ctx = context::request();
    let token = context::cookie(CHALLENGE_COOKIE).ok_or_else(|| ApiError::conflict("error-start-again"))?;
    match sign_in::finish_sign_in(&ctx, &token, &code, ChallengePurpose::SignIn).await? {
        sign_in::CodeOutcome::SignedIn { session_token, account_id, new_browser_token } => {
            context::clear_flow_cookie(CHALLENGE_COOKIE);
            let asked = context::cookie(RETURN_COOKIE)
                .and_then(|next| urlencoding::decode(&next).ok().map(|n| n.into_owned()));
            context::clear_flow_cookie(RETURN_COOKIE);
            let to = signed_in(&ctx, &session_token, account_id, new_browser_token, asked.as_deref()).await?;
            leptos_axum::redirect(&to);
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

/// A sign-in succeeded: the session's and the browser's cookies, the person's language, and where
/// they go now (the page they `asked` for, if it is one of ours, else their home).
#[cfg(feature = "ssr")]
pub(super) async fn signed_in(
    ctx: &crate::domain::Ctx,
    session_token: &str,
    account_id: i64,
    new_browser_token: Option<String>,
    asked: Option<&str>,
) -> Result<String, ApiError> {
    context::set_session_cookie(session_token);
    if let Some(token) = new_browser_token {
        context::set_browser_cookie(&token);
    }
    context::set_language_cookie(
        crate::domain::patient::profile::interface_language(&ctx.db, account_id).await?,
    );
    let home = home_of(&ctx.db, account_id).await?;
    Ok(asked.and_then(return_path).unwrap_or(home).to_string())
}

/// A new email code, at most once a minute; wrong tries so far still count. `purpose` is
/// `sign_in`, or `reauth` for a signed-in person confirming who they are.
#[server(prefix = "/api", endpoint = "resend_code")]
pub async fn resend_code(purpose: Option<CodePurpose>) -> Result<bool, ApiError> {
    let (cookie_name, purpose) = match purpose.unwrap_or(CodePurpose::SignIn) {
        CodePurpose::Reauth => (
            super::account::REAUTH_COOKIE,
            ChallengePurpose::Reauth { session_id: require_session().await?.session.session_id },
        ),
        CodePurpose::SignIn => (CHALLENGE_COOKIE, ChallengePurpose::SignIn),
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
        ctx.audit(&ctx.db, None, "sign_out", crate::domain::Target::Account(account.id)).await?;
    }
    context::clear_session_cookie();
    leptos_axum::redirect("/");
    Ok(())
}

/// The person typed or clicked on an open page: their session's idle clock starts again. Returns
/// the time the session has left (`None`: it has already ended).
#[server(prefix = "/api", endpoint = "keep_alive")]
pub async fn keep_alive() -> Result<Option<TimeLeft>, ApiError> {
    let Ok(Caller { ctx, session, .. }) = require_session().await else { return Ok(None) };
    session::touch(&ctx.db, session.session_id, ctx.now).await?;
    Ok(Some(session::time_left(&ctx.db, session.session_id, ctx.now).await?))
}

/// The seconds the session has left, asked by an open page near its idle limit without counting
/// as activity (another tab may have kept it alive). `None`: it has ended.
#[server(prefix = "/api", endpoint = "session_left")]
pub async fn session_left() -> Result<Option<TimeLeft>, ApiError> {
    let Ok(Caller { ctx, session, .. }) = require_session().await else { return Ok(None) };
    Ok(Some(session::time_left(&ctx.db, session.session_id, ctx.now).await?))
}

/// The staff home page: greeting and the organisations the person works in, with the services
/// they may use in each and the one they work in now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHomeView {
    pub given_name: String,
    pub roles: Vec<StaffRole>,
    /// The organisation this session works in; `None` while a person with several has not chosen.
    pub working_in: Option<i64>,
    /// The organisations the platform suspended where they are staff: they cannot work there.
    pub suspended: Vec<String>,
}

impl StaffHomeView {
    /// Whether the person may use one of `services` in the organisation they work in now.
    pub fn holds_any(&self, services: &[crate::states::Service]) -> bool {
        self.working().is_some_and(|r| r.services.iter().any(|s| services.contains(s)))
    }
    /// The organisation they work in now.
    pub fn working(&self) -> Option<&StaffRole> {
        self.roles.iter().find(|r| Some(r.organisation_id) == self.working_in)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRole {
    pub organisation_id: i64,
    pub organisation: String,
    pub role: crate::states::Role,
    pub services: Vec<crate::states::Service>,
    /// The organisation's logo's address, when it has one.
    pub logo: Option<String>,
}

#[server(prefix = "/api", endpoint = "staff_home")]
pub async fn staff_home() -> Result<StaffHomeView, ApiError> {
    let caller = require_session().await?;
    use crate::domain::organisation::membership;
    let places = membership::workplaces(&caller.ctx.db, caller.account.id).await?;
    let suspended = membership::suspended_workplaces(&caller.ctx.db, caller.account.id).await?;
    if places.is_empty() && suspended.is_empty() {
        return Err(ApiError::not_found());
    }
    let working_in =
        crate::domain::organisation::membership::working_in(&places, caller.session.organisation_id);
    let held =
        crate::domain::organisation::staff_service::everywhere(&caller.ctx.db, caller.account.id).await?;
    let ids: Vec<i64> = places.iter().map(|p| p.organisation_id).collect();
    let mut logos = crate::domain::organisation::logo::addresses(&caller.ctx.db, &ids).await?;
    let roles = places
        .into_iter()
        .map(|place| {
            let mut services: Vec<_> =
                held.iter().filter(|(o, _)| *o == place.organisation_id).map(|(_, s)| *s).collect();
            services.sort_by_key(|s| crate::states::Service::ALL.iter().position(|c| c == s));
            let role = crate::states::Role::of_services(&services);
            let logo = logos.remove(&place.organisation_id);
            StaffRole {
                organisation_id: place.organisation_id,
                organisation: place.name,
                role,
                services,
                logo,
            }
        })
        .collect();
    Ok(StaffHomeView { given_name: caller.account.given_name, roles, working_in, suspended })
}

/// The person works in `organisation_id` from now on in this session (one of their
/// organisations); the staff home of that organisation follows, also without JavaScript.
#[server(prefix = "/api", endpoint = "work_in")]
pub async fn work_in(organisation_id: OrganisationId) -> Result<(), ApiError> {
    let Caller { ctx, session, .. } = require_session().await?;
    crate::domain::organisation::membership::work_in(&ctx, session, organisation_id.get()).await?;
    leptos_axum::redirect("/staff");
    Ok(())
}
