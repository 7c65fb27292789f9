//! `portail demo`: a demonstration organisation with an administrator, a professional and
//! patients in every invitation state, so a newcomer sees every screen in minutes. Refuses to run
//! on a database that already holds accounts.
use super::account::{self, Email};
use super::organisation::{self, Bootstrap, NewStaff};
use super::{
    credential, invitation, onboarding, patient, secret, setup_link, store, Ctx, DomainError, DomainResult,
    RequestMeta,
};
use crate::i18n::Lang;
use sqlx::Row;

pub const PASSWORD: &str = "érable doux en hiver";

/// What the console prints: who can sign in, and with what.
pub struct DemoAccounts {
    pub staff: Vec<(String, String)>,
    pub patients: Vec<String>,
}

async fn activate(db: &store::Db, link: &str, now: i64) -> DomainResult<String> {
    let token = link.rsplit('/').next().unwrap_or("").split('?').next().unwrap_or("");
    let setup_link::LinkState::Ready { totp_secret, .. } = setup_link::inspect(db, token, now).await? else {
        return Err(DomainError::NotFound);
    };
    let code = credential::totp_code(&totp_secret, now / credential::TOTP_STEP_SECONDS)
        .ok_or(DomainError::NotFound)?;
    let completion = setup_link::Completion {
        token,
        password: PASSWORD,
        password_confirmation: PASSWORD,
        totp_code: &code,
    };
    setup_link::complete(&Ctx::system(db, now), completion).await?;
    Ok(totp_secret)
}

pub async fn seed(db: &store::Db, public_url: &str) -> DomainResult<DemoAccounts> {
    if account::count(db).await? > 0 {
        return Err(DomainError::conflict(None, "demo refuses a database that already holds accounts"));
    }
    let now = store::now();
    let ctx = &Ctx::new(db.clone(), RequestMeta { ip: "demo".into(), user_agent: String::new() }, now);
    let admin_link = organisation::bootstrap(
        db,
        public_url,
        Bootstrap {
            organisation: "CLSC de démonstration",
            email: "admin@demo.portail.test",
            given_name: "Camille",
            family_name: "Gagnon",
            language: Lang::Fr,
        },
    )
    .await?;
    let admin_secret = activate(db, &admin_link, now).await?;
    let admin = account::find_by_email(db, "admin@demo.portail.test").await?.ok_or(DomainError::NotFound)?;
    let organisation_id = account::memberships(db, admin.id)
        .await?
        .first()
        .map(|m| m.organisation_id)
        .ok_or(DomainError::NotFound)?;
    let pro_link = organisation::add_professional(
        &ctx.by(admin.id),
        organisation_id,
        admin.id,
        public_url,
        NewStaff {
            title: "Dre",
            email: "pro@demo.portail.test",
            given_name: "Anne",
            family_name: "Roy",
            language: Lang::Fr,
        },
    )
    .await?;
    let pro_secret = activate(db, &pro_link, now).await?;
    let pro = account::find_by_email(db, "pro@demo.portail.test").await?.ok_or(DomainError::NotFound)?;

    let mut patients = Vec::new();
    for (given, family, email, state) in [
        ("Léa", "Tremblay", "lea@demo.portail.test", "redeemed"),
        ("Noah", "Côté", "noah@demo.portail.test", "pending"),
        ("Emma", "Bouchard", "emma@demo.portail.test", "expired"),
        ("Liam", "Pelletier", "liam@demo.portail.test", "void"),
    ] {
        let email_checked = Email::parse(email)?;
        let mut tx = db.begin().await?;
        let patient_id = patient::create(
            &mut *tx,
            patient::NewPatient {
                organisation_id,
                given_name: given,
                family_name: family,
                birth_date: "1990-04-12",
                email: &email_checked,
                language: Lang::Fr,
                mobile: "",
                created_by: pro.id,
            },
            now,
        )
        .await?;
        let issued =
            invitation::issue(&mut tx, ctx, patient_id, invitation::Invitee::Patient, pro.id, public_url)
                .await?;
        tx.commit().await?;
        let line = match state {
            "redeemed" => {
                demo_redeem(ctx, issued.invitation_id, PASSWORD).await?;
                format!("{given} {family} <{email}>: account created, password \"{PASSWORD}\", code by email (see /dev/mailbox)")
            }
            "pending" => format!(
                "{given} {family} <{email}>: invitation pending, code {} (link in /dev/mailbox)",
                issued.code.as_str()
            ),
            other => {
                demo_set_state(db, issued.invitation_id, other, now).await?;
                format!("{given} {family} <{email}>: invitation {other}")
            }
        };
        patients.push(line);
    }
    Ok(DemoAccounts {
        staff: vec![
            ("admin@demo.portail.test (administrator)".into(), admin_secret),
            ("pro@demo.portail.test (professional)".into(), pro_secret),
        ],
        patients,
    })
}

/// Demo data only: redeems an invitation without its link and code.
pub async fn demo_redeem(ctx: &Ctx, invitation_id: i64, password: &str) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    let (pass, pass_hash) = secret::new_token();
    let token_hash: String = sqlx::query(
        "UPDATE invitations SET verified_hash = $1, verified_until = $2 WHERE id = $3 RETURNING token_hash",
    )
    .bind(pass_hash)
    .bind(now + invitation::VERIFIED_SECONDS)
    .bind(invitation_id)
    .fetch_one(db)
    .await?
    .try_get("token_hash")?;
    // `redeem` looks invitations up by their link; point a fresh one at this invitation.
    let (token, new_hash) = secret::new_token();
    sqlx::query("UPDATE invitations SET token_hash = $1 WHERE token_hash = $2")
        .bind(new_hash)
        .bind(token_hash)
        .execute(db)
        .await?;
    onboarding::redeem(ctx, &token, &pass, password, password).await?;
    Ok(())
}

/// Demo data only: an expired or void invitation.
pub async fn demo_set_state(db: &store::Db, invitation_id: i64, state: &str, now: i64) -> DomainResult<()> {
    let sql = if state == "expired" {
        "UPDATE invitations SET expires_at = $1 - 1 WHERE id = $2"
    } else {
        "UPDATE invitations SET failed_attempts = 5 WHERE id = $2 AND $1 > 0"
    };
    sqlx::query(sql).bind(now).bind(invitation_id).execute(db).await?;
    Ok(())
}
