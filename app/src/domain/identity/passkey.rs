//! Passkeys (WebAuthn): the person's phone or computer holds a private key for Portail and
//! proves it with the fingerprint, face or PIN it asks for. A passkey sign-in is one step and
//! counts as both factors: possession of the device, and the person it verified (user
//! verification is required). It cannot be phished: the browser signs for Portail's address only.
//!
//! Each ceremony (add a passkey, sign in, prove again who one is) takes two requests. Its state is
//! kept in `passkey_ceremonies` between them, so any instance may answer the second, found by the
//! hash of a token the browser holds in a short-lived cookie; it is used once and expires after
//! `CEREMONY_VALID_SECONDS`.
use super::account::{self, Account, AccountStatus};
use super::known_browser;
use super::sign_in;
use crate::domain::{notification, secret, store, Ctx, DomainError, DomainResult, Target};
use sqlx::Row;
use webauthn_rs::prelude::*;

/// A ceremony's challenge must be answered within this time (the browser's dialog is told too).
pub const CEREMONY_VALID_SECONDS: i64 = 5 * 60;
/// The longest name a person may give a passkey ("Pixel de Léa").
pub const NAME_MAX_CHARS: usize = 60;
/// Passkeys one account may hold.
pub const PER_ACCOUNT: i64 = 20;

/// A passkey as its owner sees it in their list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasskeySummary {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// A ceremony started: the token for the browser's cookie, and the options its WebAuthn call
/// takes (`PublicKeyCredential.parse…OptionsFromJSON`).
#[derive(Debug)]
pub struct Ceremony {
    pub token: String,
    pub options: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Purpose {
    Register,
    SignIn,
    Reauth,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::SignIn => "sign_in",
            Self::Reauth => "reauth",
        }
    }
}

/// Portail as the relying party, named by its public address. Passkeys are bound to a domain
/// name: served from a bare IP address, there are none.
fn relying_party(ctx: &Ctx) -> DomainResult<Webauthn> {
    let unavailable = || DomainError::refused("error-passkeys-unavailable");
    let origin = Url::parse(&ctx.public_url).map_err(|_| unavailable())?;
    let Some(domain) = origin.domain() else { return Err(unavailable()) };
    WebauthnBuilder::new(domain, &origin)
        .and_then(|builder| {
            builder
                .rp_name("Portail")
                .timeout(std::time::Duration::from_secs(CEREMONY_VALID_SECONDS as u64))
                .build()
        })
        .map_err(|_| unavailable())
}

fn credential_key(id: &[u8]) -> String {
    data_encoding::BASE64URL_NOPAD.encode(id)
}

/// What the browser sent back does not parse, or does not prove what it must.
fn failed() -> DomainError {
    DomainError::refused("error-passkey-failed")
}

/// The account's passkeys, most recently added first.
pub async fn list(db: &store::Db, account_id: i64) -> DomainResult<Vec<PasskeySummary>> {
    let rows = sqlx::query(
        "SELECT id, name, created_at, last_used_at FROM passkeys WHERE account_id = $1 ORDER BY id DESC",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(PasskeySummary {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                created_at: r.try_get("created_at")?,
                last_used_at: r.try_get("last_used_at")?,
            })
        })
        .collect()
}

async fn stored(db: &store::Db, account_id: i64) -> DomainResult<Vec<Passkey>> {
    let rows = sqlx::query("SELECT credential FROM passkeys WHERE account_id = $1")
        .bind(account_id)
        .fetch_all(db)
        .await?;
    rows.iter().map(|r| from_json(&r.try_get::<String, _>("credential")?)).collect()
}

/// The account's user handle, given on its first passkey and shared by the others.
async fn user_handle(db: &store::Db, account_id: i64) -> DomainResult<Uuid> {
    if let Some(handle) = user_handle_of(db, account_id).await? {
        return Ok(handle);
    }
    sqlx::query("UPDATE accounts SET passkey_user_handle = $1 WHERE id = $2 AND passkey_user_handle IS NULL")
        .bind(Uuid::new_v4().to_string())
        .bind(account_id)
        .execute(db)
        .await?;
    user_handle_of(db, account_id).await?.ok_or(DomainError::NotFound)
}

async fn user_handle_of(db: &store::Db, account_id: i64) -> DomainResult<Option<Uuid>> {
    let handle: Option<String> = sqlx::query("SELECT passkey_user_handle FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(db)
        .await?
        .try_get("passkey_user_handle")?;
    Ok(handle.and_then(|h| Uuid::parse_str(&h).ok()))
}

async fn open_ceremony(
    ctx: &Ctx,
    purpose: Purpose,
    account_id: Option<i64>,
    session_id: Option<i64>,
    name: Option<&str>,
    state: String,
    options: serde_json::Value,
) -> DomainResult<Ceremony> {
    let (token, token_hash) = secret::new_token();
    sqlx::query(
        "INSERT INTO passkey_ceremonies (token_hash, purpose, account_id, session_id, name, state, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(token_hash)
    .bind(purpose.code())
    .bind(account_id)
    .bind(session_id)
    .bind(name)
    .bind(state)
    .bind(ctx.now)
    .bind(ctx.now + CEREMONY_VALID_SECONDS)
    .execute(&ctx.db)
    .await?;
    Ok(Ceremony { token, options: options.to_string() })
}

/// A live ceremony behind a cookie's token, claimed: a second answer with the same token (a
/// replay, a second tab) finds nothing.
struct Claimed {
    account_id: Option<i64>,
    session_id: Option<i64>,
    name: Option<String>,
    state: String,
}

async fn claim(ctx: &Ctx, token: &str, purpose: Purpose) -> DomainResult<Option<Claimed>> {
    let row = sqlx::query(
        "UPDATE passkey_ceremonies SET used_at = $1
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
         RETURNING account_id, session_id, name, state",
    )
    .bind(ctx.now)
    .bind(secret::hash_token(token))
    .bind(purpose.code())
    .fetch_optional(&ctx.db)
    .await?;
    row.map(|r| {
        Ok(Claimed {
            account_id: r.try_get("account_id")?,
            session_id: r.try_get("session_id")?,
            name: r.try_get("name")?,
            state: r.try_get("state")?,
        })
    })
    .transpose()
}

/// A stored passkey or ceremony state, read back (what webauthn-rs wrote must parse).
fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> DomainResult<T> {
    serde_json::from_str(text).map_err(|_| DomainError::Unreadable)
}

fn to_text<T: serde::Serialize>(value: &T) -> DomainResult<String> {
    serde_json::to_string(value).map_err(|_| DomainError::Unreadable)
}

fn to_json<T: serde::Serialize>(value: &T) -> DomainResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|_| DomainError::Unreadable)
}

// ---- Adding a passkey ----

/// Step one of adding a passkey named `name` (the caller checked a recent re-authentication):
/// the options for the browser's `navigator.credentials.create`.
pub async fn start_registration(ctx: &Ctx, account: &Account, name: &str) -> DomainResult<Ceremony> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DomainError::invalid("name", "error-passkey-name-required"));
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(DomainError::invalid("name", "error-passkey-name-long"));
    }
    let held = stored(&ctx.db, account.id).await?;
    if held.len() as i64 >= PER_ACCOUNT {
        return Err(DomainError::refused("error-passkeys-too-many"));
    }
    let rp = relying_party(ctx)?;
    let handle = user_handle(&ctx.db, account.id).await?;
    let display = format!("{} {}", account.given_name, account.family_name);
    let exclude = held.iter().map(|p| p.cred_id().clone()).collect();
    let (options, state) = rp
        .start_passkey_registration(handle, &account.email, &display, Some(exclude))
        .map_err(|_| failed())?;
    // webauthn-rs asks for a key the authenticator need not keep; a sign-in without an email
    // needs one it keeps (a discoverable credential).
    let mut options = to_json(&options)?;
    if let Some(selection) = options.pointer_mut("/publicKey/authenticatorSelection") {
        selection["residentKey"] = "required".into();
        selection["requireResidentKey"] = true.into();
    }
    let state = to_text(&state)?;
    open_ceremony(ctx, Purpose::Register, Some(account.id), None, Some(name), state, options).await
}

/// Step two: the browser's answer (`RegisterPublicKeyCredential` as JSON). The new passkey is
/// stored, audited, and the owner told by email.
pub async fn finish_registration(
    ctx: &Ctx,
    account: &Account,
    token: &str,
    response: &str,
) -> DomainResult<()> {
    let claimed = claim(ctx, token, Purpose::Register)
        .await?
        .filter(|c| c.account_id == Some(account.id))
        .ok_or(DomainError::conflict(None, "error-start-again"))?;
    let state: PasskeyRegistration = from_json(&claimed.state)?;
    let target = Target::Account(account.id);
    let registered = serde_json::from_str::<RegisterPublicKeyCredential>(response)
        .ok()
        .and_then(|response| relying_party(ctx).ok()?.finish_passkey_registration(&response, &state).ok());
    let Some(passkey) = registered else {
        ctx.audit(&ctx.db, None, "passkey.add_failed", target).await?;
        return Err(failed());
    };
    let name = claimed.name.unwrap_or_default();
    let mut tx = ctx.db.begin().await?;
    let added = sqlx::query(
        "INSERT INTO passkeys (account_id, credential_id, name, credential, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(account.id)
    .bind(credential_key(passkey.cred_id()))
    .bind(&name)
    .bind(to_text(&passkey)?)
    .bind(ctx.now)
    .execute(&mut *tx)
    .await;
    if let Err(sqlx::Error::Database(e)) = &added {
        if e.is_unique_violation() {
            return Err(DomainError::refused("error-passkey-known"));
        }
    }
    added?;
    ctx.audit(&mut *tx, None, "passkey.added", target).await?;
    let mail = notification::passkey_added_mail(account.language, &account.given_name, &name);
    notification::enqueue(&mut *tx, &account.email, &mail, ctx.now).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes one of the account's passkeys (the caller checked a recent re-authentication). Staff
/// keep at least one strong way to sign in: their last passkey goes only if an app remains.
pub async fn remove(ctx: &Ctx, account: &Account, passkey_id: i64) -> DomainResult<()> {
    let db = &ctx.db;
    let Some(name) = sqlx::query("SELECT name FROM passkeys WHERE id = $1 AND account_id = $2")
        .bind(passkey_id)
        .bind(account.id)
        .fetch_optional(db)
        .await?
        .map(|r| r.try_get::<String, _>("name"))
        .transpose()?
    else {
        return Err(DomainError::NotFound);
    };
    let others = sqlx::query("SELECT COUNT(*) AS n FROM passkeys WHERE account_id = $1 AND id <> $2")
        .bind(account.id)
        .bind(passkey_id)
        .fetch_one(db)
        .await?
        .try_get::<i64, _>("n")?;
    if others == 0 && account.totp_secret.is_none() && account::needs_strong_factor(db, account.id).await? {
        return Err(DomainError::refused("error-passkey-last-for-staff"));
    }
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM passkeys WHERE id = $1 AND account_id = $2")
        .bind(passkey_id)
        .bind(account.id)
        .execute(&mut *tx)
        .await?;
    ctx.audit(&mut *tx, None, "passkey.removed", Target::Account(account.id)).await?;
    let mail = notification::passkey_removed_mail(account.language, &account.given_name, &name);
    notification::enqueue(&mut *tx, &account.email, &mail, ctx.now).await?;
    tx.commit().await?;
    Ok(())
}

// ---- Signing in with a passkey ----

/// Step one of a sign-in without an email: the browser offers the passkeys it holds for Portail.
pub async fn start_sign_in(ctx: &Ctx) -> DomainResult<Ceremony> {
    let (options, state) = relying_party(ctx)?.start_discoverable_authentication().map_err(|_| failed())?;
    // A button asks for the passkey: the browser's dialog, not the autofill list webauthn-rs sets.
    let mut options = to_json(&options)?;
    if let Some(fields) = options.as_object_mut() {
        fields.remove("mediation");
    }
    let state = to_text(&state)?;
    open_ceremony(ctx, Purpose::SignIn, None, None, None, state, options).await
}

/// How a passkey sign-in ended.
#[derive(Debug, PartialEq, Eq)]
pub enum PasskeySignIn {
    SignedIn {
        session_token: String,
        account_id: i64,
        new_browser_token: Option<String>,
    },
    /// Not a passkey of an account here, a signature that does not verify, a replay, or a
    /// counter that went back (a cloned key): all alike.
    Refused,
    /// The ceremony expired or was already answered.
    StartAgain,
    Locked {
        until: i64,
        account_id: i64,
    },
    Suspended,
}

/// Step two: the browser's assertion (`PublicKeyCredential` as JSON), from a browser holding
/// `browser` (its known-browser cookie). The lock and suspension apply as at a password sign-in.
pub async fn finish_sign_in(
    ctx: &Ctx,
    token: &str,
    response: &str,
    browser: Option<&str>,
) -> DomainResult<PasskeySignIn> {
    let Some(claimed) = claim(ctx, token, Purpose::SignIn).await? else {
        return Ok(PasskeySignIn::StartAgain);
    };
    let state: DiscoverableAuthentication = from_json(&claimed.state)?;
    let Ok(assertion) = serde_json::from_str::<PublicKeyCredential>(response) else {
        return Ok(PasskeySignIn::Refused);
    };
    let rp = relying_party(ctx)?;
    let Some((handle, credential_id)) = rp.identify_discoverable_authentication(&assertion).ok() else {
        return Ok(PasskeySignIn::Refused);
    };
    let Some((row_id, account_id, mut passkey)) = owner(&ctx.db, credential_id, handle).await? else {
        ctx.audit(&ctx.db, None, "sign_in.passkey_failed", Target::UnknownEmail).await?;
        return Ok(PasskeySignIn::Refused);
    };
    let target = Target::Account(account_id);
    let Ok(result) = rp.finish_discoverable_authentication_v2(&assertion, state, &passkey) else {
        ctx.by(account_id).audit(&ctx.db, None, "sign_in.passkey_failed", target).await?;
        return Ok(PasskeySignIn::Refused);
    };
    let account = account::find_by_id(&ctx.db, account_id).await?;
    let known = known_browser::recognise(&ctx.db, browser, account_id, ctx.now).await?;
    if let Some(until) = sign_in::locked_until(&ctx.db, account_id, known, ctx.now).await? {
        ctx.by(account_id).audit(&ctx.db, None, "sign_in.refused_locked", target).await?;
        return Ok(if account.status == AccountStatus::Active {
            PasskeySignIn::Locked { until, account_id }
        } else {
            PasskeySignIn::Refused
        });
    }
    match account.status {
        AccountStatus::Active => {}
        AccountStatus::Suspended => {
            ctx.by(account_id).audit(&ctx.db, None, "sign_in.refused_suspended", target).await?;
            return Ok(PasskeySignIn::Suspended);
        }
        _ => {
            ctx.by(account_id).audit(&ctx.db, None, "sign_in.passkey_failed", target).await?;
            return Ok(PasskeySignIn::Refused);
        }
    }
    let mut tx = ctx.db.begin().await?;
    used(&mut tx, ctx, row_id, &mut passkey, &result).await?;
    sqlx::query("UPDATE accounts SET failed_sign_ins = 0 WHERE id = $1")
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    let opened = sign_in::open_session(&mut tx, ctx, account_id, known, "sign_in.passkey").await?;
    tx.commit().await?;
    Ok(PasskeySignIn::SignedIn {
        session_token: opened.session_token,
        account_id,
        new_browser_token: opened.new_browser_token,
    })
}

/// The passkey with this credential id, if the account it belongs to has this user handle.
async fn owner(
    db: &store::Db,
    credential_id: &[u8],
    handle: Uuid,
) -> DomainResult<Option<(i64, i64, Passkey)>> {
    let row = sqlx::query(
        "SELECT p.id, p.account_id, p.credential FROM passkeys p JOIN accounts a ON a.id = p.account_id
         WHERE p.credential_id = $1 AND a.passkey_user_handle = $2",
    )
    .bind(credential_key(credential_id))
    .bind(handle.to_string())
    .fetch_optional(db)
    .await?;
    row.map(|r| {
        let passkey = from_json(&r.try_get::<String, _>("credential")?)?;
        Ok((r.try_get("id")?, r.try_get("account_id")?, passkey))
    })
    .transpose()
}

/// A passkey just proved itself: its new counter is kept, and when it was last used.
async fn used(
    tx: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    row_id: i64,
    passkey: &mut Passkey,
    result: &AuthenticationResult,
) -> DomainResult<()> {
    passkey.update_credential(result);
    sqlx::query("UPDATE passkeys SET credential = $1, last_used_at = $2 WHERE id = $3")
        .bind(to_text(passkey)?)
        .bind(ctx.now)
        .bind(row_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

// ---- Proving again who one is, in an open session ----

/// Step one of a re-authentication with one of the account's passkeys.
pub async fn start_reauth(ctx: &Ctx, account: &Account, session_id: i64) -> DomainResult<Ceremony> {
    let held = stored(&ctx.db, account.id).await?;
    if held.is_empty() {
        return Err(DomainError::refused("error-passkey-none"));
    }
    let (options, state) = relying_party(ctx)?.start_passkey_authentication(&held).map_err(|_| failed())?;
    let state = to_text(&state)?;
    open_ceremony(ctx, Purpose::Reauth, Some(account.id), Some(session_id), None, state, to_json(&options)?)
        .await
}

/// Step two: the assertion must come from one of this account's passkeys, for this session.
pub async fn finish_reauth(
    ctx: &Ctx,
    account: &Account,
    session_id: i64,
    token: &str,
    response: &str,
) -> DomainResult<bool> {
    let Some(claimed) = claim(ctx, token, Purpose::Reauth)
        .await?
        .filter(|c| c.account_id == Some(account.id) && c.session_id == Some(session_id))
    else {
        return Err(DomainError::conflict(None, "error-start-again"));
    };
    let state: PasskeyAuthentication = from_json(&claimed.state)?;
    let target = Target::Account(account.id);
    let proved = serde_json::from_str::<PublicKeyCredential>(response).ok().and_then(|assertion| {
        relying_party(ctx).ok()?.finish_passkey_authentication(&assertion, &state).ok()
    });
    let Some(result) = proved else {
        ctx.audit(&ctx.db, None, "reauth.passkey_failed", target).await?;
        return Ok(false);
    };
    let row = sqlx::query("SELECT id, credential FROM passkeys WHERE account_id = $1 AND credential_id = $2")
        .bind(account.id)
        .bind(credential_key(result.cred_id()))
        .fetch_optional(&ctx.db)
        .await?;
    // Removed meanwhile (in another tab): no longer a way to prove anything.
    let Some(row) = row else { return Ok(false) };
    let mut passkey: Passkey = from_json(&row.try_get::<String, _>("credential")?)?;
    let mut tx = ctx.db.begin().await?;
    used(&mut tx, ctx, row.try_get("id")?, &mut passkey, &result).await?;
    sign_in::reauthenticated(&mut tx, ctx, account.id, session_id, "reauth.passkey").await?;
    tx.commit().await?;
    Ok(true)
}
