//! Proving who one is: the two-step sign-in (password, then an emailed code, an authenticator
//! code or a recovery code), re-authentication inside an open session, and the lock after 10
//! consecutive failures — for unknown browsers; a browser that signed in to the account before
//! counts its own failures (`known_browser`).
use super::known_browser::{self, KnownBrowser};
use super::{account, credential, lock, session};
use crate::domain::Target;
use crate::domain::{notification, sealing, secret, store, Ctx, DomainError, DomainResult};
use sqlx::{Any, Executor, Row};

/// A verification code by email is valid this long, and allows this many tries.
pub const CODE_VALID_SECONDS: i64 = 10 * 60;
pub const CODE_MAX_ATTEMPTS: i64 = 5;
/// Unfinished sign-ins and re-authentications an account may have at once; a new one voids the oldest.
pub const OPEN_CHALLENGES_MAX: i64 = 3;
/// A new code may be asked for at most this often.
pub const RESEND_COOLDOWN_SECONDS: i64 = 60;

pub use crate::states::Method;

/// Proof that the password was right; the second step needs it (held in a short-lived cookie).
#[derive(Debug)]
pub struct Challenge {
    pub token: String,
    pub method: Method,
}

fn email_code_hash(challenge_token: &str, code: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(format!("{challenge_token}:{code}").as_bytes()))
}

fn new_email_code() -> String {
    use rand::Rng;
    format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32))
}

/// How step one ended.
#[derive(Debug)]
pub enum Started {
    /// The password was right: the second step follows.
    Challenge(Challenge),
    /// Unknown email, inactive account or wrong password, all alike, so the page never tells which.
    Refused,
    /// The right password, on a locked account: the person may be told until when (only someone
    /// who knows the password learns that the account is locked).
    Locked { until: i64, account_id: i64 },
    /// The right password, on an account an administrator suspended (told only to its owner).
    Suspended,
}

impl Started {
    pub fn challenge(self) -> Option<Challenge> {
        match self {
            Self::Challenge(challenge) => Some(challenge),
            _ => None,
        }
    }
}

/// Step one: email and password, from a browser holding `browser` (its known-browser cookie).
pub async fn start_sign_in(
    ctx: &Ctx,
    email: &str,
    password: &str,
    browser: Option<&str>,
) -> DomainResult<Started> {
    let (db, now) = (&ctx.db, ctx.now);
    let Some(account) = account::find_by_email(db, email).await? else {
        credential::verify_or_decoy(password, None).await?;
        ctx.audit(db, None, "sign_in.failed", Target::UnknownEmail).await?;
        return Ok(Started::Refused);
    };
    let password_ok = credential::verify_or_decoy(password, account.password_hash.as_deref()).await?;
    let target = Target::Account(account.id);
    // The account's lock holds unknown browsers back; a known one is judged on its own failures.
    let known = known_browser::recognise(db, browser, account.id, now).await?;
    if let Some(until) = locked_until(db, account.id, known, now).await? {
        ctx.by(account.id).audit(db, None, "sign_in.refused_locked", target).await?;
        let active = account.status == account::AccountStatus::Active;
        return Ok(if password_ok && active {
            Started::Locked { until, account_id: account.id }
        } else {
            Started::Refused
        });
    }
    if account.status == account::AccountStatus::Suspended && password_ok {
        ctx.by(account.id).audit(db, None, "sign_in.refused_suspended", target).await?;
        return Ok(Started::Suspended);
    }
    if account.status != account::AccountStatus::Active || !password_ok {
        if account.status == account::AccountStatus::Active {
            record_failure(ctx, &account, Guesser::Browser(known)).await?;
        }
        ctx.by(account.id).audit(db, None, "sign_in.failed", target).await?;
        return Ok(Started::Refused);
    }
    if account.password_hash.as_deref().is_some_and(credential::needs_rehash) {
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(credential::hash(password).await?)
            .bind(account.id)
            .execute(db)
            .await?;
    }
    issue_challenge(ctx, &account, ChallengePurpose::SignIn, known).await.map(Started::Challenge)
}

/// What a challenge is for: a new session, or proving again who one is in an open session. One
/// can never stand in for the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChallengePurpose {
    SignIn,
    Reauth { session_id: i64 },
}

impl ChallengePurpose {
    /// As stored in `sign_in_challenges.reauth_session_id` (0 for a sign-in).
    fn column(self) -> i64 {
        match self {
            Self::SignIn => 0,
            Self::Reauth { session_id } => session_id,
        }
    }
}

/// The password was right: the second step begins (a code is mailed unless an app is in use).
async fn issue_challenge(
    ctx: &Ctx,
    account: &account::Account,
    purpose: ChallengePurpose,
    known: Option<KnownBrowser>,
) -> DomainResult<Challenge> {
    let (db, now) = (&ctx.db, ctx.now);
    let (token, token_hash) = secret::new_token();
    let method = if account.totp_secret.is_some() {
        Method::Totp
    } else if account::needs_strong_factor(db, account.id).await? {
        // Staff who replaced their app with passkeys: a recovery code, never an emailed one.
        Method::Passkey
    } else {
        Method::Email
    };
    let code = (method == Method::Email).then(new_email_code);
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO sign_in_challenges (account_id, token_hash, method, code_hash, expires_at, last_sent_at, created_at, reauth_session_id, known_browser_id)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)",
    )
    .bind(account.id)
    .bind(token_hash)
    .bind(method.code())
    .bind(code.as_deref().map(|c| email_code_hash(&token, c)))
    .bind(now + CODE_VALID_SECONDS)
    .bind(now)
    .bind(purpose.column())
    .bind(known.map(|browser| browser.id))
    .execute(&mut *tx)
    .await?;
    // A right password opens a challenge without counting as a failure: without a cap, someone
    // holding the password could open thousands and spread code guesses over them.
    sqlx::query(
        "UPDATE sign_in_challenges SET used_at = $1
         WHERE account_id = $2 AND used_at IS NULL AND expires_at > $1 AND id NOT IN (
             SELECT id FROM sign_in_challenges WHERE account_id = $2 AND used_at IS NULL AND expires_at > $1
             ORDER BY id DESC LIMIT $3)",
    )
    .bind(now)
    .bind(account.id)
    .bind(OPEN_CHALLENGES_MAX)
    .execute(&mut *tx)
    .await?;
    if let Some(code) = code {
        mail_code(&mut tx, ctx, account, &code).await?;
    }
    tx.commit().await?;
    Ok(Challenge { token, method })
}

/// Queues the mail carrying `code`, in the person's language, and records that it was sent.
async fn mail_code(
    tx: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    account: &account::Account,
    code: &str,
) -> DomainResult<()> {
    let mail = notification::verification_code_mail(account.language, &account.given_name, code);
    notification::enqueue(&mut *tx, &account.email, &mail, ctx.now).await?;
    ctx.by(account.id).audit(&mut *tx, None, "verification_code.sent", Target::Account(account.id)).await
}

/// Step one of proving again who one is, in an open session: the password. A wrong password
/// counts towards the lock like at sign-in.
pub async fn start_reauth(
    ctx: &Ctx,
    account: &account::Account,
    session_id: i64,
    password: &str,
) -> DomainResult<Option<Challenge>> {
    let db = &ctx.db;
    if !credential::verify_or_decoy(password, account.password_hash.as_deref()).await? {
        record_failure(ctx, account, Guesser::Session(session_id)).await?;
        ctx.by(account.id).audit(db, None, "reauth.failed", Target::Account(account.id)).await?;
        return Ok(None);
    }
    issue_challenge(ctx, account, ChallengePurpose::Reauth { session_id }, None).await.map(Some)
}

struct PendingChallenge {
    id: i64,
    account_id: i64,
    method: Method,
    code_hash: Option<String>,
    last_sent_at: i64,
    known_browser: Option<KnownBrowser>,
}

/// The live challenge behind a cookie token, for this purpose only.
async fn pending_challenge(
    db: &store::Db,
    token: &str,
    purpose: ChallengePurpose,
    now: i64,
) -> DomainResult<Option<PendingChallenge>> {
    let row = sqlx::query(
        "SELECT id, account_id, method, code_hash, last_sent_at, known_browser_id FROM sign_in_challenges
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND attempts < $3 AND reauth_session_id = $4",
    )
    .bind(secret::hash_token(token))
    .bind(now)
    .bind(CODE_MAX_ATTEMPTS)
    .bind(purpose.column())
    .fetch_optional(db)
    .await?;
    row.map(|r| {
        Ok(PendingChallenge {
            id: r.try_get("id")?,
            account_id: r.try_get("account_id")?,
            method: Method::try_from(r.try_get::<String, _>("method")?)
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            code_hash: r.try_get("code_hash")?,
            last_sent_at: r.try_get("last_sent_at")?,
            known_browser: r.try_get::<Option<i64>, _>("known_browser_id")?.map(|id| KnownBrowser { id }),
        })
    })
    .transpose()
}

/// How the second step is to be answered, while the challenge is alive.
pub async fn challenge_method(
    db: &store::Db,
    token: &str,
    purpose: ChallengePurpose,
    now: i64,
) -> DomainResult<Option<Method>> {
    Ok(pending_challenge(db, token, purpose, now).await?.map(|c| c.method))
}

#[derive(Debug, PartialEq, Eq)]
pub enum CodeOutcome {
    SignedIn {
        session_token: String,
        account_id: i64,
        /// A browser not known before is remembered: the token for its cookie.
        new_browser_token: Option<String>,
    },
    /// The open session proved again who it is.
    Reauthenticated,
    Wrong {
        remaining_tries: i64,
    },
    /// Expired, used up or unknown: sign in again from the start.
    StartAgain,
}

/// Step two: the code, or one of the recovery codes. Wrong codes are counted atomically (5 per
/// challenge) and also count towards the account lock.
pub async fn finish_sign_in(
    ctx: &Ctx,
    token: &str,
    code: &str,
    purpose: ChallengePurpose,
) -> DomainResult<CodeOutcome> {
    let (db, now) = (&ctx.db, ctx.now);
    use super::recovery_code;
    let Some(challenge) = pending_challenge(db, token, purpose, now).await? else {
        return Ok(CodeOutcome::StartAgain);
    };
    // Every answer takes one of the challenge's tries before it is judged, atomically: parallel
    // guesses cannot get more than `CODE_MAX_ATTEMPTS` between them.
    let tries: Option<i64> = sqlx::query(
        "UPDATE sign_in_challenges SET attempts = attempts + 1
         WHERE id = $1 AND used_at IS NULL AND expires_at > $2 AND attempts < $3 RETURNING attempts",
    )
    .bind(challenge.id)
    .bind(now)
    .bind(CODE_MAX_ATTEMPTS)
    .fetch_optional(db)
    .await?
    .map(|r| r.try_get("attempts"))
    .transpose()?;
    let Some(tries) = tries else { return Ok(CodeOutcome::StartAgain) };
    let account = account::find_by_id(db, challenge.account_id).await?;
    let target = Target::Account(account.id);
    // A lock (or a closed account) ends every sign-in under way, even one whose code is right:
    // the account's lock for a sign-in from an unknown browser, the browser's own for a known one.
    let known = challenge.known_browser;
    let locked = match known {
        Some(browser) => !known_browser::still_trusted(db, browser, now).await?,
        None => lock::until(db, account.id, now).await?.is_some(),
    };
    if account.status != account::AccountStatus::Active || locked {
        ctx.by(account.id).audit(db, None, "sign_in.refused_locked", target).await?;
        return Ok(CodeOutcome::StartAgain);
    }
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let by_recovery_code = recovery_code::looks_like(&code);
    let right = match challenge.method {
        _ if by_recovery_code => recovery_code::consume(db, account.id, &code, now).await?,
        Method::Email => challenge
            .code_hash
            .as_deref()
            .is_some_and(|stored| crate::domain::secret::same(stored, &email_code_hash(token, &code))),
        Method::Totp => match totp_step(&account, &code, now)? {
            // Claim the step atomically so a code cannot be used twice, even by two requests at once.
            Some(step) => sqlx::query("UPDATE accounts SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)")
                .bind(step)
                .bind(account.id)
                .execute(db)
                .await?
                .rows_affected() == 1,
            None => false,
        },
        Method::Passkey => false,
    };
    if !right {
        let guesser = match purpose {
            ChallengePurpose::Reauth { session_id } => Guesser::Session(session_id),
            ChallengePurpose::SignIn => Guesser::Browser(known),
        };
        record_failure(ctx, &account, guesser).await?;
        ctx.by(account.id).audit(db, None, "verification_code.failed", target).await?;
        return Ok(if tries < CODE_MAX_ATTEMPTS {
            CodeOutcome::Wrong { remaining_tries: CODE_MAX_ATTEMPTS - tries }
        } else {
            CodeOutcome::StartAgain
        });
    }
    let mut tx = db.begin().await?;
    let claimed = sqlx::query(
        "UPDATE sign_in_challenges SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(challenge.id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !claimed {
        return Ok(CodeOutcome::StartAgain);
    }
    sqlx::query("UPDATE accounts SET failed_sign_ins = 0 WHERE id = $1")
        .bind(account.id)
        .execute(&mut *tx)
        .await?;
    if by_recovery_code {
        ctx.by(account.id).audit(&mut *tx, None, "recovery_code.used", target).await?;
    }
    let outcome = if let ChallengePurpose::Reauth { session_id } = purpose {
        reauthenticated(&mut tx, ctx, account.id, session_id, "reauth.succeeded").await?;
        CodeOutcome::Reauthenticated
    } else {
        let opened = open_session(&mut tx, ctx, account.id, known, "sign_in.succeeded").await?;
        CodeOutcome::SignedIn {
            session_token: opened.session_token,
            account_id: account.id,
            new_browser_token: opened.new_browser_token,
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

/// A session just opened: the tokens for its cookie and, for a browser not known before, the
/// browser's.
pub(super) struct OpenedSession {
    pub session_token: String,
    pub new_browser_token: Option<String>,
}

/// The person proved who they are (`action` says how): a new session, and this browser known to
/// the account from now on.
pub(super) async fn open_session(
    tx: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    account_id: i64,
    known: Option<KnownBrowser>,
    action: &'static str,
) -> DomainResult<OpenedSession> {
    let session_token = session::start(&mut *tx, ctx, account_id).await?;
    let new_browser_token = match known {
        Some(browser) => {
            known_browser::used(&mut *tx, browser, ctx.now).await?;
            None
        }
        None => Some(known_browser::remember(tx, account_id, ctx.now).await?),
    };
    ctx.by(account_id).audit(&mut *tx, None, action, Target::Account(account_id)).await?;
    Ok(OpenedSession { session_token, new_browser_token })
}

/// The open session proved again who it is (`action` says how): for `REAUTH_VALID_SECONDS` it may
/// change the email, password or ways of signing in.
pub(super) async fn reauthenticated(
    tx: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    account_id: i64,
    session_id: i64,
    action: &'static str,
) -> DomainResult<()> {
    sqlx::query("UPDATE sessions SET reauthenticated_at = $1 WHERE id = $2 AND account_id = $3")
        .bind(ctx.now)
        .bind(session_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    ctx.by(account_id).audit(&mut *tx, None, action, Target::Account(account_id)).await
}

/// Until when the account's lock holds back a sign-in from this browser: never for a browser
/// known to the account (it is judged on its own failures, `known_browser`).
pub(super) async fn locked_until(
    db: &store::Db,
    account_id: i64,
    known: Option<KnownBrowser>,
    now: i64,
) -> DomainResult<Option<i64>> {
    match known {
        Some(_) => Ok(None),
        None => lock::until(db, account_id, now).await,
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Resend {
    Sent,
    TooSoon { wait_seconds: i64 },
    StartAgain,
}

/// A new email code replaces the old one; the count of wrong tries is kept.
pub async fn resend_code(ctx: &Ctx, token: &str, purpose: ChallengePurpose) -> DomainResult<Resend> {
    let (db, now) = (&ctx.db, ctx.now);
    let Some(challenge) = pending_challenge(db, token, purpose, now).await? else {
        return Ok(Resend::StartAgain);
    };
    if challenge.method != Method::Email {
        return Ok(Resend::StartAgain);
    }
    let wait = challenge.last_sent_at + RESEND_COOLDOWN_SECONDS - now;
    if wait > 0 {
        return Ok(Resend::TooSoon { wait_seconds: wait });
    }
    let account = account::find_by_id(db, challenge.account_id).await?;
    let code = new_email_code();
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE sign_in_challenges SET code_hash = $1, last_sent_at = $2 WHERE id = $3")
        .bind(email_code_hash(token, &code))
        .bind(now)
        .bind(challenge.id)
        .execute(&mut *tx)
        .await?;
    mail_code(&mut tx, ctx, &account, &code).await?;
    tx.commit().await?;
    Ok(Resend::Sent)
}

/// Where a wrong password or code came from.
#[derive(Clone, Copy, Debug)]
pub enum Guesser {
    /// The sign-in page, in a browser known for the account or not.
    Browser(Option<KnownBrowser>),
    /// A signed-in session proving again who it is.
    Session(i64),
}

/// One more failure (a wrong password or code). From a known browser it counts against that
/// browser (`known_browser::count_failure`); otherwise toward the account's lock
/// (`lock::count_failure`). A lock does not end the owner's sessions (a stranger could otherwise
/// sign anyone out at will) except the one that was guessing, when the failures came from inside
/// a session; it voids the account's unfinished sign-ins from unknown browsers.
pub async fn record_failure(ctx: &Ctx, account: &account::Account, guesser: Guesser) -> DomainResult<()> {
    if let Guesser::Browser(Some(browser)) = guesser {
        return known_browser::count_failure(ctx, account.id, browser).await;
    }
    let Some(mut tx) = lock::count_failure(ctx, account).await? else {
        return Ok(());
    };
    if let Guesser::Session(session_id) = guesser {
        session::end(&mut *tx, session_id, ctx.now).await?;
    }
    sqlx::query(
        "UPDATE sign_in_challenges SET used_at = $1
         WHERE account_id = $2 AND used_at IS NULL AND known_browser_id IS NULL",
    )
    .bind(ctx.now)
    .bind(account.id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Voids every unfinished sign-in and re-authentication of the account (its password changed).
pub async fn cancel_open_challenges<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    now: i64,
) -> DomainResult<()> {
    sqlx::query("UPDATE sign_in_challenges SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(account_id)
        .execute(exec)
        .await?;
    Ok(())
}

/// The time step of a right authenticator code for the account, opening its sealed secret.
fn totp_step(account: &account::Account, code: &str, now: i64) -> DomainResult<Option<i64>> {
    let Some(sealed) = account.totp_secret.as_deref() else { return Ok(None) };
    let secret = sealing::open_totp(account.id, sealed).ok_or(DomainError::Unreadable)?;
    Ok(credential::verify_totp(&secret, code, now, account.totp_last_step))
}
