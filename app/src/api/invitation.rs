//! Patient side of onboarding: opening the invitation link, entering the code, creating the
//! account.
use super::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context,
    crate::domain::identity::throttle::Limit,
    crate::domain::onboarding::{invitation, redemption},
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationStatus {
    Pending,
    Expired,
    Void,
    Redeemed,
    Replaced,
}

#[cfg(feature = "ssr")]
impl From<invitation::InvitationState> for InvitationStatus {
    fn from(state: invitation::InvitationState) -> Self {
        use invitation::InvitationState as S;
        match state {
            S::Pending => Self::Pending,
            S::Expired => Self::Expired,
            S::Void => Self::Void,
            S::Redeemed => Self::Redeemed,
            S::Replaced => Self::Replaced,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationSummary {
    pub status: InvitationStatus,
    pub given_name: String,
    pub organisation: String,
    pub remaining_tries: i64,
}

#[cfg(feature = "ssr")]
const PASS_COOKIE: &str = "portail-invitation";

/// Reads an invitation without changing it; `None` for a link that does not exist.
#[server(prefix = "/api", endpoint = "invitation")]
pub async fn open_invitation(
    #[server(default)] token: String,
) -> Result<Option<InvitationSummary>, ApiError> {
    let ctx = context::request();
    let found = invitation::open(&ctx.db, &token, ctx.now).await?;
    Ok(found.map(|i| InvitationSummary {
        status: i.state.into(),
        given_name: i.given_name,
        organisation: i.organisation,
        remaining_tries: i.remaining_tries,
    }))
}

#[server(prefix = "/api", endpoint = "check_invitation_code")]
pub async fn check_invitation_code(
    #[server(default)] token: String,
    #[server(default)] code: String,
) -> Result<(), ApiError> {
    context::throttle(&[(Limit::InvitationCodeFromAddress, &context::address_key())])
        .await
        .map_err(|e| e.keep("code", &code))?;
    let parsed = invitation::InvitationCode::parse(&code).map_err(|e| {
        // A code of the wrong shape was never compared: not a guess.
        context::give_back(Limit::InvitationCodeFromAddress, &context::address_key());
        ApiError::from(e).keep("code", &code)
    })?;
    let outcome = invitation::check_code(&context::request(), &token, &parsed).await?;
    match outcome {
        invitation::CodeCheck::Accepted { pass } => {
            context::give_back(Limit::InvitationCodeFromAddress, &context::address_key());
            context::set_flow_cookie(PASS_COOKIE, &pass, invitation::VERIFIED_SECONDS);
            leptos_axum::redirect(&format!("/invitation/{token}/account"));
            Ok(())
        }
        invitation::CodeCheck::Wrong { remaining_tries } => Err(ApiError::invalid("error-code-wrong")
            .on("code")
            .arg("remaining", remaining_tries)
            .keep("code", &code)),
        // The page re-reads the invitation and shows why it can no longer be used.
        _ => Err(ApiError::conflict("error-invitation-unusable")),
    }
}

/// What the account-creation step shows, once the right code was entered in this browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccountView {
    pub given_name: String,
    pub email: String,
    pub organisation: String,
    pub existing: ExistingAccount,
}

/// Whether the invited email already has an account, and whether its owner is the one signed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExistingAccount {
    None,
    SignInFirst,
    SignedIn,
}

#[server(prefix = "/api", endpoint = "invitation_account")]
pub async fn invitation_account(
    #[server(default)] token: String,
) -> Result<Option<NewAccountView>, ApiError> {
    let Some(pass) = context::cookie(PASS_COOKIE) else { return Ok(None) };
    let ctx = context::request();
    let db = &ctx.db;
    let Some(found) = invitation::verified(db, &token, &pass, ctx.now).await? else { return Ok(None) };
    let existing = match crate::domain::identity::account::find_by_email(db, &found.email).await? {
        None => ExistingAccount::None,
        Some(owner) => match context::require_session().await {
            Ok(caller) if caller.account.id == owner.id => ExistingAccount::SignedIn,
            _ => ExistingAccount::SignInFirst,
        },
    };
    Ok(Some(NewAccountView {
        given_name: found.given_name,
        email: found.email,
        organisation: found.organisation,
        existing,
    }))
}

#[server(prefix = "/api", endpoint = "create_patient_account")]
pub async fn create_patient_account(
    #[server(default)] token: String,
    #[server(default)] password: String,
    #[server(default)] password_confirmation: String,
    #[server(default)] accept_terms: Option<String>,
) -> Result<(), ApiError> {
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())]).await?;
    let pass = context::cookie(PASS_COOKIE).ok_or_else(|| ApiError::conflict("error-invitation-unusable"))?;
    let ctx = context::request();
    let redeemed =
        redemption::redeem(&ctx, &token, &pass, &password, &password_confirmation, accept_terms.is_some())
            .await
            .map_err(|e| ApiError::from(e).keep_all([("accept_terms", accept_terms.as_deref())]))?;
    context::clear_flow_cookie(PASS_COOKIE);
    context::set_session_cookie(&redeemed.session_token);
    context::set_language_cookie(redeemed.language);
    leptos_axum::redirect("/home");
    Ok(())
}

/// For a person who already has an account: adds the inviting organisation to it.
#[server(prefix = "/api", endpoint = "add_invitation_to_my_account")]
pub async fn add_invitation_to_my_account(#[server(default)] token: String) -> Result<(), ApiError> {
    let context::Caller { ctx, account: me, .. } = context::require_session().await?;
    let pass = context::cookie(PASS_COOKIE).ok_or_else(|| ApiError::conflict("error-invitation-unusable"))?;
    redemption::redeem_into(&ctx, &token, &pass, me.id).await?;
    context::clear_flow_cookie(PASS_COOKIE);
    leptos_axum::redirect("/home");
    Ok(())
}
