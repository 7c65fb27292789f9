//! Patient invitations (docs/RULES.md §4): an email link (128-bit token) and a code `A-000000` handed
//! over separately, both stored only as hashes, the code's hash bound to the link so the code alone
//! is worthless. Valid 5 days; 5 wrong codes make it void; a reissue replaces it; single use.
//! Opening the link never changes anything.
use crate::domain::Target;
use crate::domain::{notification, secret, store, Ctx, DomainError, DomainResult};
use crate::i18n::Lang;
use rand::Rng;
use sha2::{Digest, Sha256};
use sqlx::{Any, Executor, Row};

pub const VALID_SECONDS: i64 = 5 * 24 * 60 * 60;
pub const MAX_WRONG_CODES: i64 = 5;
/// How long a correct code lets the patient finish creating the account.
pub const VERIFIED_SECONDS: i64 = 30 * 60;

/// An invitation code, normalised to `A-123456`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvitationCode(String);

impl InvitationCode {
    /// Accepts `A-123456`, `a123456`, `A 123456` (and stray spaces around).
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        let mut chars = compact.chars();
        match (chars.next(), chars.as_str()) {
            (Some(letter), digits)
                if letter.is_ascii_alphabetic()
                    && digits.len() == 6
                    && digits.chars().all(|c| c.is_ascii_digit()) =>
            {
                Ok(Self(format!("{}-{digits}", letter.to_ascii_uppercase())))
            }
            _ => Err(DomainError::invalid("code", "error-code-format")),
        }
    }

    pub fn generate() -> Self {
        let mut rng = rand::rngs::OsRng;
        let letter = (b'A' + rng.gen_range(0..26u8)) as char;
        Self(format!("{letter}-{:06}", rng.gen_range(0..1_000_000u32)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The stored form of a code: bound to its link, so a code is worth nothing with another link.
pub(in crate::domain) fn code_hash(token: &str, code: &InvitationCode) -> String {
    hex::encode(Sha256::digest(format!("{token}:{}", code.as_str()).as_bytes()))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum InvitationState {
    Pending,
    Expired,
    Void,
    Redeemed,
    Replaced,
}

/// The state a person sees, from what is stored. Expiry is exactly 5 days after issue.
pub fn state(status: &str, failed_attempts: i64, expires_at: i64, now: i64) -> InvitationState {
    match status {
        "redeemed" => InvitationState::Redeemed,
        "replaced" => InvitationState::Replaced,
        _ if failed_attempts >= MAX_WRONG_CODES => InvitationState::Void,
        _ if now >= expires_at => InvitationState::Expired,
        _ => InvitationState::Pending,
    }
}

/// What the professional is shown once, to hand over.
#[derive(Clone, Debug)]
pub struct Issued {
    pub invitation_id: i64,
    pub code: InvitationCode,
    pub expires_at: i64,
}

/// Whom an invitation is for: the patient, or a caregiver added to the patient's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invitee {
    Patient,
    Caregiver { grant_id: i64 },
}

impl Invitee {
    /// As stored in `invitations.grant_id`.
    fn grant_id(self) -> Option<i64> {
        match self {
            Self::Patient => None,
            Self::Caregiver { grant_id } => Some(grant_id),
        }
    }
}

/// Creates an invitation for a patient or for a caregiver of that patient, and queues its email
/// (both languages, preferred first). It replaces the invitee's pending one.
pub async fn issue(
    tx: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    patient_id: i64,
    invitee_kind: Invitee,
    invited_by: i64,
) -> DomainResult<Issued> {
    let now = ctx.now;
    let invitee = sqlx::query(
        "SELECT p.organisation_id, COALESCE(g.given_name, p.given_name) AS given_name, COALESCE(g.email, p.email) AS email,
                COALESCE(g.language, p.language) AS language, p.given_name || ' ' || p.family_name AS patient_name, o.name AS organisation
         FROM patients p JOIN organisations o ON o.id = p.organisation_id
         LEFT JOIN caregiver_grants g ON g.id = $2 AND g.patient_id = p.id
         WHERE p.id = $1",
    )
    .bind(patient_id)
    .bind(invitee_kind.grant_id())
    .fetch_one(&mut *tx)
    .await?;
    let organisation_id: i64 = invitee.try_get("organisation_id")?;
    let replace = match invitee_kind {
        Invitee::Patient => {
            "UPDATE invitations SET status = 'replaced'
                             WHERE patient_id = $1 AND grant_id IS NULL AND status = 'pending'"
        }
        Invitee::Caregiver { .. } => {
            "UPDATE invitations SET status = 'replaced'
                                      WHERE patient_id = $1 AND grant_id = $2 AND status = 'pending'"
        }
    };
    let replace = sqlx::query(replace).bind(patient_id);
    match invitee_kind.grant_id() {
        Some(grant_id) => replace.bind(grant_id),
        None => replace,
    }
    .execute(&mut *tx)
    .await?;
    let (token, token_hash) = secret::new_token();
    let code = InvitationCode::generate();
    let expires_at = now + VALID_SECONDS;
    let id: i64 = sqlx::query(
        "INSERT INTO invitations (patient_id, organisation_id, invited_by, token_hash, code_hash, expires_at, created_at, grant_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(patient_id)
    .bind(organisation_id)
    .bind(invited_by)
    .bind(token_hash)
    .bind(code_hash(&token, &code))
    .bind(expires_at)
    .bind(now)
    .bind(invitee_kind.grant_id())
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    let language = Lang::from_code(&invitee.try_get::<String, _>("language")?);
    let link = ctx.link(&format!("/invitation/{token}?lang={}", language.code()));
    let (given_name, organisation): (String, String) =
        (invitee.try_get("given_name")?, invitee.try_get("organisation")?);
    let mail = match invitee_kind {
        Invitee::Patient => notification::invitation_mail(language, &given_name, &organisation, &link),
        Invitee::Caregiver { .. } => notification::caregiver_invitation_mail(
            language,
            &given_name,
            &invitee.try_get::<String, _>("patient_name")?,
            &organisation,
            &link,
        ),
    };
    let email: String = invitee.try_get("email")?;
    notification::enqueue_invitation(&mut *tx, organisation_id, id, &email, &mail, now).await?;
    let action = match invitee_kind {
        Invitee::Patient => "invitation.created",
        Invitee::Caregiver { .. } => "caregiver.invited",
    };
    ctx.by(invited_by).audit(&mut *tx, Some(organisation_id), action, Target::Patient(patient_id)).await?;
    Ok(Issued { invitation_id: id, code, expires_at })
}

/// What opening the link shows.
#[derive(Clone, Debug)]
pub struct Invitation {
    pub id: i64,
    pub state: InvitationState,
    pub remaining_tries: i64,
    pub given_name: String,
    pub email: String,
    pub organisation: String,
    pub organisation_id: i64,
    pub patient_id: i64,
    pub family_name: String,
    pub language: Lang,
    pub invitee: Invitee,
    verified_hash: Option<String>,
    verified_until: Option<i64>,
    code_hash: String,
}

pub async fn open<'e>(
    exec: impl Executor<'e, Database = Any>,
    token: &str,
    now: i64,
) -> DomainResult<Option<Invitation>> {
    let row: Option<InvitationRow> = sqlx::query_as(
        "SELECT i.id, i.status, i.failed_attempts, i.expires_at, i.code_hash, i.verified_hash, i.verified_until, i.grant_id,
                p.id AS patient_id, COALESCE(g.given_name, p.given_name) AS given_name, COALESCE(g.family_name, p.family_name) AS family_name,
                COALESCE(g.email, p.email) AS email, COALESCE(g.language, p.language) AS language,
                o.id AS organisation_id, o.name AS organisation
         FROM invitations i JOIN patients p ON p.id = i.patient_id JOIN organisations o ON o.id = i.organisation_id
         LEFT JOIN caregiver_grants g ON g.id = i.grant_id
         WHERE i.token_hash = $1",
    )
    .bind(secret::hash_token(token))
    .fetch_optional(exec)
    .await?;
    Ok(row.map(|r| r.into_invitation(now)))
}

/// An invitation as stored; its state depends on the time it is read at.
#[derive(sqlx::FromRow)]
struct InvitationRow {
    id: i64,
    status: String,
    failed_attempts: i64,
    expires_at: i64,
    code_hash: String,
    verified_hash: Option<String>,
    verified_until: Option<i64>,
    grant_id: Option<i64>,
    patient_id: i64,
    given_name: String,
    family_name: String,
    email: String,
    #[sqlx(try_from = "String")]
    language: Lang,
    organisation_id: i64,
    organisation: String,
}

impl InvitationRow {
    fn into_invitation(self, now: i64) -> Invitation {
        Invitation {
            id: self.id,
            state: state(&self.status, self.failed_attempts, self.expires_at, now),
            remaining_tries: (MAX_WRONG_CODES - self.failed_attempts).max(0),
            given_name: self.given_name,
            family_name: self.family_name,
            email: self.email,
            organisation: self.organisation,
            organisation_id: self.organisation_id,
            patient_id: self.patient_id,
            language: self.language,
            invitee: match self.grant_id {
                Some(grant_id) => Invitee::Caregiver { grant_id },
                None => Invitee::Patient,
            },
            verified_hash: self.verified_hash,
            verified_until: self.verified_until,
            code_hash: self.code_hash,
        }
    }
}

/// The outcome of entering a code.
#[derive(Debug, PartialEq, Eq)]
pub enum CodeCheck {
    /// Right code: the returned pass lets this browser create the account within 30 minutes.
    Accepted {
        pass: String,
    },
    Wrong {
        remaining_tries: i64,
    },
    /// Expired, void, replaced or already used: nothing more can be done with this link.
    Unusable(InvitationState),
    UnknownLink,
}

/// Checks a code. A wrong code is counted atomically, so no amount of parallel guessing gets
/// more than 5 tries; the 5th wrong code makes the invitation void.
pub async fn check_code(ctx: &Ctx, token: &str, code: &InvitationCode) -> DomainResult<CodeCheck> {
    let (db, now) = (&ctx.db, ctx.now);
    let Some(invitation) = open(db, token, now).await? else { return Ok(CodeCheck::UnknownLink) };
    if invitation.state != InvitationState::Pending {
        return Ok(CodeCheck::Unusable(invitation.state));
    }
    if secret::same(&invitation.code_hash, &code_hash(token, code)) {
        let (pass, pass_hash) = secret::new_token();
        let updated = sqlx::query(
            "UPDATE invitations SET verified_hash = $1, verified_until = $2
             WHERE id = $3 AND status = 'pending' AND failed_attempts < $4 AND expires_at > $5",
        )
        .bind(pass_hash)
        .bind(now + VERIFIED_SECONDS)
        .bind(invitation.id)
        .bind(MAX_WRONG_CODES)
        .bind(now)
        .execute(db)
        .await?
        .rows_affected();
        return Ok(if updated == 1 {
            CodeCheck::Accepted { pass }
        } else {
            CodeCheck::Unusable(InvitationState::Void)
        });
    }
    let row = sqlx::query(
        "UPDATE invitations SET failed_attempts = failed_attempts + 1
         WHERE id = $1 AND status = 'pending' AND failed_attempts < $2 RETURNING failed_attempts",
    )
    .bind(invitation.id)
    .bind(MAX_WRONG_CODES)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(CodeCheck::Unusable(InvitationState::Void)) };
    let failed: i64 = row.try_get("failed_attempts")?;
    let voided = failed >= MAX_WRONG_CODES;
    ctx.audit(
        db,
        Some(invitation.organisation_id),
        if voided { "invitation.voided" } else { "invitation.code_failed" },
        Target::Patient(invitation.patient_id),
    )
    .await?;
    Ok(if voided {
        CodeCheck::Unusable(InvitationState::Void)
    } else {
        CodeCheck::Wrong { remaining_tries: MAX_WRONG_CODES - failed }
    })
}

/// The invitation behind a link, if this browser's pass (from a right code) is still valid.
pub async fn verified(db: &store::Db, token: &str, pass: &str, now: i64) -> DomainResult<Option<Invitation>> {
    Ok(open(db, token, now).await?.filter(|i| {
        i.state == InvitationState::Pending
            && i.verified_hash.as_deref() == Some(secret::hash_token(pass).as_str())
            && i.verified_until.is_some_and(|until| until > now)
    }))
}

/// Marks a verified invitation used; of concurrent attempts exactly one gets `true`.
pub(in crate::domain) async fn consume(
    tx: &mut sqlx::AnyConnection,
    invitation: &Invitation,
    pass: &str,
    now: i64,
) -> DomainResult<bool> {
    Ok(sqlx::query("UPDATE invitations SET status = 'redeemed', redeemed_at = $1, verified_hash = NULL WHERE id = $2 AND status = 'pending' AND verified_hash = $3")
        .bind(now)
        .bind(invitation.id)
        .bind(secret::hash_token(pass))
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_or_refused() {
        for ok in ["A-123456", "a123456", "A 123456", " a-123456 ", "a 12 34 56"] {
            assert_eq!(InvitationCode::parse(ok).unwrap().as_str(), "A-123456", "{ok}");
        }
        for bad in ["", "123456", "A-12345", "A-1234567", "AB-123456", "A-12345X", "É-123456", "1-123456"] {
            assert!(InvitationCode::parse(bad).is_err(), "{bad}");
        }
        let generated = InvitationCode::generate();
        assert_eq!(InvitationCode::parse(generated.as_str()).unwrap(), generated);
    }

    #[test]
    fn the_code_is_bound_to_its_link() {
        let code = InvitationCode::parse("A-123456").unwrap();
        assert_ne!(code_hash("link-one", &code), code_hash("link-two", &code));
    }

    #[test]
    fn state_machine() {
        let issued = 1_000_000;
        let expires = issued + VALID_SECONDS;
        assert_eq!(state("pending", 0, expires, issued), InvitationState::Pending);
        assert_eq!(
            state("pending", 0, expires, expires - 1),
            InvitationState::Pending,
            "one second before 5 days"
        );
        assert_eq!(state("pending", 0, expires, expires), InvitationState::Expired, "exactly 5 days");
        assert_eq!(state("pending", 4, expires, issued), InvitationState::Pending);
        assert_eq!(state("pending", 5, expires, issued), InvitationState::Void, "the 5th wrong code voids");
        assert_eq!(state("replaced", 0, expires, issued), InvitationState::Replaced, "reissue invalidates");
        assert_eq!(state("redeemed", 0, expires, expires + 10), InvitationState::Redeemed);
    }
}
