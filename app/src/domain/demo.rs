//! `portail demo`: a demonstration organisation with two administrators, a professional, a
//! professional still invited, a support desk, a suspended and a locked professional, the
//! support desk's phone and hours, patients in every invitation state and conversations in every
//! state, so a newcomer sees every screen in minutes. Refuses to run on a database that already
//! holds accounts.
use crate::domain::identity::account::{self, Email, Role};
use crate::domain::identity::credential;
use crate::domain::onboarding::{invitation, redemption, setup_link};
use crate::domain::organisation::{self, Bootstrap, NewStaff};
use crate::domain::{patient, secret, store, Ctx, DomainError, DomainResult, RequestMeta};
use crate::i18n::Lang;
use sqlx::Row;

pub const PASSWORD: &str = "érable doux en hiver";

/// The smallest PDF a viewer opens, for the demo's attachment.
const DEMO_PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// What the console prints: who can sign in, and with what.
pub struct DemoAccounts {
    pub staff: Vec<(String, String)>,
    pub patients: Vec<String>,
}

/// Activates a staff account as its owner would: the secret code, then the password and the app.
async fn activate(db: &store::Db, activation: &organisation::Activation, now: i64) -> DomainResult<String> {
    let token = activation.link.rsplit('/').next().unwrap_or("").split('?').next().unwrap_or("");
    let ctx = Ctx::system(db, now);
    let setup_link::CodeCheck::Accepted { pass } =
        setup_link::check_code(&ctx, token, &activation.code).await?
    else {
        return Err(DomainError::NotFound);
    };
    let setup_link::LinkState::Ready { totp_secret, .. } =
        setup_link::inspect(db, token, Some(&pass), now).await?
    else {
        return Err(DomainError::NotFound);
    };
    let code = credential::totp_code(&totp_secret, now / credential::TOTP_STEP_SECONDS)
        .ok_or(DomainError::NotFound)?;
    let completion = setup_link::Completion {
        token,
        pass: Some(&pass),
        password: PASSWORD,
        password_confirmation: PASSWORD,
        totp_code: &code,
        accept_terms: true,
    };
    setup_link::complete(&ctx, completion).await?;
    Ok(totp_secret)
}

pub async fn seed(db: &store::Db, public_url: &str) -> DomainResult<DemoAccounts> {
    if account::count(db).await? > 0 {
        return Err(DomainError::conflict(None, "demo refuses a database that already holds accounts"));
    }
    let now = store::now();
    let ctx = &Ctx::new(db.clone(), RequestMeta { ip: "demo".into(), user_agent: String::new() }, now)
        .linking_to(public_url);
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
        NewStaff {
            title: "Dre",
            email: "pro@demo.portail.test",
            given_name: "Anne",
            family_name: "Roy",
            language: Lang::Fr,
        },
        Role::Professional.bundle(),
        "1-23456",
        organisation::SecretCodeTo::Administrator,
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
            &mut tx,
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
            invitation::issue(&mut tx, ctx, patient_id, invitation::Invitee::Patient, pro.id).await?;
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
    let lea = account::find_by_email(db, "lea@demo.portail.test").await?.ok_or(DomainError::NotFound)?;
    conversations(&ctx.by(admin.id), organisation_id, [admin.id, pro.id], lea.id).await?;
    questionnaires(ctx, organisation_id, pro.id, lea.id).await?;

    // A second administrator, a professional who has not activated yet, the support desk, and a
    // professional suspended and one locked out, so the team list shows every state.
    let mut more_staff = Vec::new();
    for (email, given, family, number, services) in [
        ("admin2@demo.portail.test", "Sophie", "Lavoie", "", Role::Professional.bundle()),
        ("invited@demo.portail.test", "Paul", "Martin", "8-12345", Role::Professional.bundle()),
        ("support@demo.portail.test", "Julie", "Gagnon", "", Role::Support.bundle()),
        ("suspended@demo.portail.test", "Marc", "Bélanger", "", Role::Professional.bundle()),
        ("locked@demo.portail.test", "Nadia", "Ouellet", "", Role::Professional.bundle()),
    ] {
        let new = NewStaff { title: "", email, given_name: given, family_name: family, language: Lang::Fr };
        let link = organisation::add_professional(
            &ctx.by(admin.id),
            organisation_id,
            admin.id,
            new,
            services,
            number,
            organisation::SecretCodeTo::Administrator,
        )
        .await?;
        more_staff.push(link);
    }
    let second_secret = activate(db, &more_staff[0], now).await?;
    let second =
        account::find_by_email(db, "admin2@demo.portail.test").await?.ok_or(DomainError::NotFound)?;
    crate::domain::organisation::staff_admin::make_administrator(
        &ctx.by(admin.id),
        organisation_id,
        second.id,
    )
    .await?;
    let support_secret = activate(db, &more_staff[2], now).await?;
    activate(db, &more_staff[3], now).await?;
    let suspended =
        account::find_by_email(db, "suspended@demo.portail.test").await?.ok_or(DomainError::NotFound)?;
    crate::domain::organisation::staff_admin::suspend(&ctx.by(admin.id), organisation_id, suspended.id)
        .await?;
    activate(db, &more_staff[4], now).await?;
    let locked =
        account::find_by_email(db, "locked@demo.portail.test").await?.ok_or(DomainError::NotFound)?;
    for _ in 0..crate::domain::identity::lock::AFTER_FAILURES {
        crate::domain::identity::sign_in::record_failure(
            ctx,
            &locked,
            crate::domain::identity::sign_in::Guesser::Browser(None),
        )
        .await?;
    }

    // The support desk's phone and hours, for the Contact page.
    let weekday = ("8:00", "17:00");
    let closed = ("", "");
    let desk = crate::domain::organisation::support_contact::Typed {
        email: "soutien@demo.portail.test",
        phone: "514-555-0142",
        days: [weekday, weekday, weekday, weekday, ("8:00", "12:00"), closed, closed],
    };
    crate::domain::organisation::support_contact::save(&ctx.by(admin.id), organisation_id, &desk).await?;
    Ok(DemoAccounts {
        staff: vec![
            ("admin@demo.portail.test (administrator)".into(), admin_secret),
            ("pro@demo.portail.test (professional)".into(), pro_secret),
            ("admin2@demo.portail.test (second administrator)".into(), second_secret),
            ("support@demo.portail.test (support desk)".into(), support_secret),
        ],
        patients,
    })
}

/// Two care teams following Léa, and conversations in every state: replied to and taken by the
/// professional, replies turned off, closed, and one Léa started with a file and keeps from her
/// caregivers.
async fn conversations(
    ctx: &Ctx,
    organisation_id: i64,
    [admin_id, pro_id]: [i64; 2],
    lea_account: i64,
) -> DomainResult<()> {
    use crate::domain::messaging::care_team::{self, Settings};
    use crate::domain::messaging::conversation::{self, writing::NewConversation, Reader};
    let lea_patient: i64 = sqlx::query("SELECT id FROM patients WHERE account_id = $1")
        .bind(lea_account)
        .fetch_one(&ctx.db)
        .await?
        .try_get("id")?;
    let cardiology = Settings {
        name: "Clinique de cardiologie",
        phone: "514 555 0199",
        patients_may_start: true,
        replies_by_default: true,
    };
    let home_care = Settings {
        name: "Soins à domicile",
        phone: "",
        patients_may_start: false,
        replies_by_default: false,
    };
    let mut teams = Vec::new();
    for (settings, members) in [(cardiology, vec![admin_id, pro_id]), (home_care, vec![pro_id])] {
        let team = care_team::create(ctx, organisation_id, settings).await?;
        for member in members {
            care_team::add_member(ctx, organisation_id, team, member).await?;
        }
        care_team::set_follows(ctx, organisation_id, team, lea_patient, true).await?;
        teams.push(team);
    }
    let (pro_ctx, lea_ctx) = (ctx.by(pro_id), ctx.by(lea_account));
    let pro = Reader::Staff { account_id: pro_id, organisation_id };
    let lea = Reader::Patient { account_id: lea_account };
    let write = |team_id, subject, body, replies_allowed| NewConversation {
        team_id,
        patient_id: Some(lea_patient),
        subject,
        body,
        replies_allowed: Some(replies_allowed),
        files: Vec::new(),
    };
    let results = conversation::writing::start(
        &pro_ctx,
        pro,
        write(
            teams[0],
            "Résultats de votre prise de sang",
            "Bonjour Léa, vos résultats sont arrivés. Pouvez-vous confirmer votre rendez-vous du 3 décembre?",
            true,
        ),
    )
    .await?;
    conversation::writing::reply(
        &lea_ctx,
        lea,
        results,
        "Bonjour, oui, je serai là. Merci!",
        Vec::new(),
        None,
    )
    .await?;
    conversation::assign_to_self(&pro_ctx, pro, results, true).await?;
    conversation::writing::start(
        &pro_ctx,
        pro,
        write(teams[1], "Visite de jeudi", "L'infirmière passera jeudi entre 9 h et 11 h.", false),
    )
    .await?;
    let follow_up = conversation::writing::start(
        &pro_ctx,
        pro,
        write(teams[0], "Suivi de janvier", "Votre suivi est terminé. Bonne continuation!", false),
    )
    .await?;
    conversation::set_closed(&pro_ctx, pro, follow_up, true).await?;
    let prescription =
        crate::domain::messaging::attachment::checked(vec![crate::domain::messaging::attachment::Upload {
            name: "Ordonnance.pdf".into(),
            content: DEMO_PDF.to_vec(),
        }])?;
    let question = NewConversation {
        team_id: teams[0],
        patient_id: None,
        subject: "Question sur ma médication",
        body: "Bonjour, voici ma nouvelle ordonnance. Dois-je changer l'heure de la prise?",
        replies_allowed: None,
        files: prescription,
    };
    let question = conversation::writing::start(&lea_ctx, lea, question).await?;
    conversation::set_hidden_from_caregivers(&lea_ctx, lea, question, true).await?;
    Ok(())
}

/// Léa's questionnaires: a PHQ-9 each month for six months, filled and reviewed (her scores over
/// time), an ESAS-r filled last week, and a GAD-7 waiting, due next week.
async fn questionnaires(ctx: &Ctx, organisation_id: i64, pro_id: i64, lea_account: i64) -> DomainResult<()> {
    use crate::domain::questionnaire::{filling, library, review, sending, Reader, TeamMember};
    use std::collections::HashMap;
    const DAY: i64 = 86_400;
    let lea_patient: i64 = sqlx::query_scalar("SELECT id FROM patients WHERE account_id = $1")
        .bind(lea_account)
        .fetch_one(&ctx.db)
        .await?;
    let library: HashMap<String, i64> =
        library::current(&ctx.db, organisation_id).await?.into_iter().map(|e| (e.instrument, e.id)).collect();
    let pro = TeamMember { account_id: pro_id, organisation_id };
    let lea = Reader::Patient { account_id: lea_account };
    let failed = |_| DomainError::refused("error-questionnaire-definition");
    let at = |days_ago: i64| Ctx { now: ctx.now - days_ago * DAY, ..ctx.clone() };
    let send = |instrument: &str, days_ago: i64, due: String| {
        let (questionnaire_id, ctx) = (library[instrument], at(days_ago).by(pro_id));
        async move {
            let sending = sending::Sending {
                questionnaire_id,
                patient_id: lea_patient,
                due: &due,
                note: "",
                show_score: true,
            };
            sending::send(&ctx, pro, sending).await
        }
    };
    // Her PHQ-9 totals, oldest first: better month after month, item 9 at 1 in the first.
    for (month, weights) in [
        [2, 2, 2, 2, 2, 2, 2, 2, 1],
        [2, 2, 2, 2, 2, 1, 2, 1, 0],
        [2, 1, 2, 1, 2, 1, 1, 1, 0],
        [1, 1, 2, 1, 1, 1, 1, 1, 0],
        [1, 1, 1, 1, 1, 0, 1, 0, 0],
        [0, 1, 1, 1, 0, 0, 1, 0, 0],
    ]
    .iter()
    .enumerate()
    {
        let days_ago = (6 - month as i64) * 30;
        let id = send("phq-9", days_ago, String::new()).await.map_err(failed)?;
        let mut posted: HashMap<String, String> =
            weights.iter().enumerate().map(|(i, w)| (format!("q{}", i + 1), w.to_string())).collect();
        let filled = at(days_ago - 1).by(lea_account);
        filling::save_section(&filled, lea, id, 0, &posted).await.map_err(failed)?;
        posted.clear();
        posted.insert("q10".into(), "1".into());
        filling::save_section(&filled, lea, id, 1, &posted).await.map_err(failed)?;
        filling::submit(&filled, lea, id).await.map_err(failed)?;
        review::mark_reviewed(&at(days_ago - 2).by(pro_id), pro, id, "").await?;
    }
    let esas = send("esas-r", 8, String::new()).await.map_err(failed)?;
    let symptoms = [
        ("pain", 3),
        ("tiredness", 6),
        ("drowsiness", 2),
        ("nausea", 0),
        ("appetite", 4),
        ("breath", 1),
        ("depression", 3),
        ("anxiety", 5),
        ("wellbeing", 4),
    ];
    let posted: HashMap<String, String> =
        symptoms.iter().map(|(s, v)| (s.to_string(), v.to_string())).collect();
    let filled = at(7).by(lea_account);
    filling::save_section(&filled, lea, esas, 0, &posted).await.map_err(failed)?;
    filling::submit(&filled, lea, esas).await.map_err(failed)?;
    let timezone = crate::domain::calendar::organisation_timezone(&ctx.db, organisation_id).await?;
    let next_week = crate::domain::calendar::local_date(ctx.now, &timezone) + chrono::Duration::days(7);
    send("gad-7", 0, next_week.format("%d/%m/%Y").to_string()).await.map_err(failed)?;
    Ok(())
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
    // The demo's people accept the terms as a real person ticks the box.
    redemption::redeem(ctx, &token, &pass, password, password, true).await?;
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
