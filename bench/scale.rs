//! Fills a database with N patients and times the operations whose cost could grow with N.
//!
//!     cargo run --release -p server --example scale -- <DATABASE_URL> <N> [samples]
//!     bench/scale.sh                 # 1,000 and 1,000,000 patients, SQLite and PostgreSQL
//!
//! The database must be empty (it is migrated here). Patients are spread over 50 organisations,
//! each with one administrator; six in ten have an account with one session, and the others an
//! invitation pending, expired, replaced or void; one in ten has a caregiver (half of them
//! active, with their own account); each has four or five audit entries. Each organisation has
//! a care team (its administrator in it); the first 100,000 patients (all, when fewer) each have
//! a conversation with their team of 10 messages, a third of them unread by the team. Rows are written by
//! set-based SQL (a recursive CTE both dialects accept), so a million patients take about a
//! minute. Then each operation runs `samples` times (redemption: at most N/20, one per waiting
//! invitation) on patients picked across the whole range,
//! calling the same domain functions the server functions call, and its p50/p99 are printed as
//! a markdown table row. See bench/README.md ("Scale").
use app::domain::identity::{credential, sign_in};
use app::domain::messaging::conversation::{self, inbox::Filter, Reader};
use app::domain::onboarding::invitation::{self, CodeCheck, InvitationCode, Invitee};
use app::domain::onboarding::{caregiver, redemption};
use app::domain::patient;
use app::domain::patient::{access_log, file};
use app::domain::questionnaire::{filling, library, review, team_export, Reader as Filler, TeamMember};
use app::domain::request::{Ctx, RequestMeta};
use app::domain::store::{self, Dialect};
use sqlx::Row;
use std::time::{Duration, Instant};

const ORGANISATIONS: i64 = 50;
/// Conversations: one for each of the first patients, up to this many, of this many messages.
const CONVERSATIONS: i64 = 100_000;
const MESSAGES_EACH: i64 = 10;
/// PHQ-9s submitted by each followed patient with an account (120,000 at 100,000 patients).
const SUBMITTED_EACH: i64 = 2;
const PASSWORD: &str = "Scale-bench-password-2026";
/// Patient `i`'s account id; caregiver accounts follow every patient account.
const PATIENT_ACCOUNT: i64 = 1_000;
const FAMILY_NAMES: [&str; 8] =
    ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie"];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (url, patients) = match (args.get(1), args.get(2).and_then(|n| n.parse::<i64>().ok())) {
        (Some(url), Some(n)) if n >= 100 => (url.clone(), n),
        _ => anyhow::bail!("usage: scale <DATABASE_URL> <patients, at least 100> [samples]"),
    };
    let samples: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(200);
    let dialect =
        Dialect::of(&url).ok_or_else(|| anyhow::anyhow!("DATABASE_URL must be sqlite: or postgres:"))?;
    let db = store::connect(&url).await?;
    store::migrate(&db, &url).await?;
    let existing: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM patients").fetch_one(&db).await?.try_get("n")?;
    anyhow::ensure!(existing == 0, "the database already holds {existing} patients: give an empty one");

    let started = Instant::now();
    fill(&db, dialect, patients).await?;
    eprintln!("filled {patients} patients in {:.1} s", started.elapsed().as_secs_f64());

    let database = match dialect {
        Dialect::Sqlite => "SQLite",
        Dialect::Postgres => "PostgreSQL",
    };
    let mut picks = Picks::new(patients);
    let ctx = || {
        Ctx::new(db.clone(), RequestMeta { ip: "192.0.2.1".into(), user_agent: "scale".into() }, store::now())
            .linking_to("http://scale.test")
    };
    let report = |operation: &str, times: Vec<Duration>| {
        let (p50, p99) = percentiles(times);
        println!("| {operation} | {database} | {patients} | {p50:.2} | {p99:.2} |");
    };

    let mut times = Vec::new();
    for _ in 0..samples {
        let email = format!("patient{}@example.test", picks.with_account());
        let ctx = ctx();
        let began = Instant::now();
        let started = sign_in::start_sign_in(&ctx, &email, PASSWORD, None).await?;
        times.push(began.elapsed());
        anyhow::ensure!(matches!(started, sign_in::Started::Challenge { .. }), "sign-in refused for {email}");
    }
    report("sign-in, password step (argon2 included)", times);

    // One in ten patients waits with an invitation; each is redeemed once.
    let mut times = Vec::new();
    for _ in 0..samples.min(patients as usize / 20) {
        let id = picks.invited();
        let (token, code) = invite_again(&db, ctx(), id).await?;
        let ctx = ctx();
        let began = Instant::now();
        let CodeCheck::Accepted { pass } = invitation::check_code(&ctx, &token, &code).await? else {
            anyhow::bail!("the invitation code of patient {id} was refused");
        };
        redemption::redeem(&ctx, &token, &pass, PASSWORD, PASSWORD, true).await?;
        times.push(began.elapsed());
    }
    report("invitation redemption, code then account (argon2 included)", times);

    let mut times = Vec::new();
    for round in 0..samples {
        let organisation = picks.organisation();
        let search = FAMILY_NAMES[round % FAMILY_NAMES.len()].to_lowercase();
        let began = Instant::now();
        let page = patient::list(
            &db,
            organisation,
            &search,
            Default::default(),
            1 + (round % 3) as i64,
            store::now(),
        )
        .await?;
        times.push(began.elapsed());
        anyhow::ensure!(page.total > 0, "no {search} in organisation {organisation}");
    }
    report("staff patient search (a family name, pages 1–3)", times);

    let mut times = Vec::new();
    for _ in 0..samples {
        let id = picks.any();
        let organisation = organisation_of(id);
        let email = format!("patient{id}@example.test");
        let began = Instant::now();
        let page = patient::list(&db, organisation, &email, Default::default(), 1, store::now()).await?;
        times.push(began.elapsed());
        anyhow::ensure!(
            page.rows.iter().any(|p| p.id == id),
            "{email} not found in organisation {organisation}"
        );
    }
    report("staff patient search (one patient's email)", times);

    let mut times = Vec::new();
    for _ in 0..samples {
        let organisation = picks.organisation();
        let began = Instant::now();
        patient::list(&db, organisation, "", Default::default(), 1, store::now()).await?;
        times.push(began.elapsed());
    }
    report("staff patient list, first page", times);

    let mut times = Vec::new();
    for _ in 0..samples {
        let id = picks.any();
        let organisation = organisation_of(id);
        let ctx = ctx().by(organisation);
        let began = Instant::now();
        let found = file::read(&db, organisation, id, ctx.now).await?;
        caregiver::for_patient_record(&db, organisation, id, ctx.now).await?;
        ctx.audit_view(Some(organisation), "patient.viewed", app::domain::Target::Patient(id)).await?;
        times.push(began.elapsed());
        anyhow::ensure!(found.is_some(), "patient {id} not found");
    }
    report("patient file (contact, invitations, activity, caregivers, audited view)", times);

    let mut times = Vec::new();
    for _ in 0..samples {
        let account = PATIENT_ACCOUNT + picks.with_account();
        let began = Instant::now();
        let (entries, _) = access_log::page(&db, account, 1).await?;
        times.push(began.elapsed());
        anyhow::ensure!(!entries.is_empty(), "empty access log for account {account}");
    }
    report("access log, first page", times);

    let conversations = patients.min(CONVERSATIONS);
    let team = |organisation: i64| Reader::Staff { account_id: organisation, organisation_id: organisation };
    for (operation, filter) in [("team inbox, first page", ""), ("team inbox, unread", "unread")] {
        let mut times = Vec::new();
        for _ in 0..samples {
            let organisation = picks.organisation();
            let began = Instant::now();
            let page =
                conversation::inbox::list(&db, team(organisation), Filter::parse(filter), "", 1).await?;
            times.push(began.elapsed());
            anyhow::ensure!(page.total > 0, "an empty inbox for organisation {organisation}");
        }
        report(
            &format!(
                "{operation} ({conversations} conversations, {} messages)",
                conversations * MESSAGES_EACH
            ),
            times,
        );
    }
    let mut times = Vec::new();
    for round in 0..samples {
        let organisation = picks.organisation();
        let search = FAMILY_NAMES[round % FAMILY_NAMES.len()].to_lowercase();
        let began = Instant::now();
        conversation::inbox::list(&db, team(organisation), Filter::All, &search, 1).await?;
        times.push(began.elapsed());
    }
    report("team inbox, searched by a family name", times);
    // A patient with an account and a conversation (`conversations` is a multiple of 10).
    let mut with_conversation = || (picks.with_account() - 1) % conversations + 1;
    let mut times = Vec::new();
    for _ in 0..samples {
        let i = with_conversation();
        let began = Instant::now();
        let page = conversation::inbox::list(
            &db,
            Reader::Patient { account_id: PATIENT_ACCOUNT + i },
            Filter::All,
            "",
            1,
        )
        .await?;
        times.push(began.elapsed());
        anyhow::ensure!(page.total == 1, "patient {i} should have one conversation");
    }
    report("patient's conversation list", times);
    let mut times = Vec::new();
    for _ in 0..samples {
        let i = with_conversation();
        let ctx = ctx();
        let began = Instant::now();
        let thread = conversation::open(&ctx, team(organisation_of(i)), i).await?;
        times.push(began.elapsed());
        anyhow::ensure!(thread.messages.len() == MESSAGES_EACH as usize, "conversation {i}");
    }
    report("team opens a conversation (messages, marker moved)", times);
    questionnaire_operations(&db, &mut picks, conversations, samples, &ctx, &report).await
}

/// Filling and reviewing among every submission the fill made (`questionnaires`).
async fn questionnaire_operations(
    db: &store::Db,
    picks: &mut Picks,
    followed: i64,
    samples: usize,
    ctx: &dyn Fn() -> Ctx,
    report: &dyn Fn(&str, Vec<Duration>),
) -> anyhow::Result<()> {
    let submitted: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM questionnaire_requests WHERE submitted_at IS NOT NULL")
            .fetch_one(db)
            .await?
            .try_get("n")?;
    let member = |organisation: i64| TeamMember { account_id: organisation, organisation_id: organisation };
    let followed_patient = |picks: &mut Picks| (picks.with_account() - 1) % followed + 1;
    let mut times = Vec::new();
    for _ in 0..samples {
        let p = followed_patient(picks);
        let began = Instant::now();
        let lists = filling::list(db, Filler::Patient { account_id: PATIENT_ACCOUNT + p }).await?;
        times.push(began.elapsed());
        anyhow::ensure!(
            lists.len() == SUBMITTED_EACH as usize + 1,
            "patient {p}: {} questionnaires",
            lists.len()
        );
    }
    report(&format!("patient's questionnaires, to fill and done ({submitted} submissions)"), times);

    let mut times = Vec::new();
    let mut filled = std::collections::HashSet::new();
    let first_section: std::collections::HashMap<String, String> =
        (1..=9).map(|k| (format!("q{k}"), "1".to_string())).collect();
    let second_section: std::collections::HashMap<String, String> =
        [("q10".to_string(), "0".to_string())].into();
    while times.len() < samples.min(followed as usize / 4) {
        let p = followed_patient(picks);
        if !filled.insert(p) {
            continue;
        }
        let id = followed * SUBMITTED_EACH + p;
        let reader = Filler::Patient { account_id: PATIENT_ACCOUNT + p };
        let ctx = ctx();
        let began = Instant::now();
        filling::save_section(&ctx, reader, id, 0, &first_section)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        filling::save_section(&ctx, reader, id, 1, &second_section)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        filling::submit(&ctx, reader, id).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
        times.push(began.elapsed());
    }
    report("patient fills a PHQ-9 (two sections saved, then submitted and scored)", times);

    let mut times = Vec::new();
    for _ in 0..samples {
        let organisation = organisation_of(followed_patient(picks));
        let began = Instant::now();
        let waiting = review::waiting(db, member(organisation)).await?;
        times.push(began.elapsed());
        anyhow::ensure!(!waiting.is_empty(), "nothing to review in organisation {organisation}");
    }
    report("team review list (flagged first, 50)", times);

    let mut times = Vec::new();
    for _ in 0..samples {
        let p = followed_patient(picks);
        let organisation = organisation_of(p);
        let id = SUBMITTED_EACH * p;
        let ctx = ctx().by(organisation);
        let began = Instant::now();
        let opened = review::open(&ctx, member(organisation), id).await?;
        let history = review::history(db, member(organisation), p, "phq-9").await?;
        times.push(began.elapsed());
        anyhow::ensure!(
            opened.answers.len() == 10 && history.len() >= SUBMITTED_EACH as usize,
            "submission {id}"
        );
    }
    report("team opens a submission with the patient's score history (audited)", times);

    let mut times = Vec::new();
    let mut rows = 0;
    for _ in 0..samples.min(5) {
        let organisation = organisation_of(followed_patient(picks));
        let ctx = ctx().by(organisation);
        let began = Instant::now();
        let exported = team_export::submissions(&ctx, member(organisation), "phq-9").await?;
        let csv = team_export::csv(&exported, app::i18n::Lang::Fr);
        times.push(began.elapsed());
        rows = exported.len();
        anyhow::ensure!(csv.lines().count() > rows, "an export of organisation {organisation}");
    }
    report(&format!("team export of PHQ-9 answers as CSV ({rows} submissions)"), times);
    Ok(())
}

fn organisation_of(patient: i64) -> i64 {
    1 + patient % ORGANISATIONS
}

/// Patient numbers spread over the whole range (a fixed sequence: runs are comparable).
struct Picks {
    patients: i64,
    state: u64,
    redeemed: std::collections::HashSet<i64>,
}

impl Picks {
    fn new(patients: i64) -> Self {
        Self { patients, state: 0x9E37_79B9_7F4A_7C15, redeemed: Default::default() }
    }

    fn any(&mut self) -> i64 {
        self.state =
            self.state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        1 + ((self.state >> 33) as i64) % self.patients
    }

    /// A patient with an account (i mod 10 < 6).
    fn with_account(&mut self) -> i64 {
        loop {
            let i = self.any();
            if i % 10 < 6 {
                return i;
            }
        }
    }

    /// A patient with a pending invitation and no account (i mod 10 = 6), each picked once.
    fn invited(&mut self) -> i64 {
        loop {
            let i = self.any();
            if i % 10 == 6 && self.redeemed.insert(i) {
                return i;
            }
        }
    }

    fn organisation(&mut self) -> i64 {
        organisation_of(self.any())
    }
}

/// A new invitation for the patient, as "send again" makes it; its link is read from the mail.
async fn invite_again(db: &store::Db, ctx: Ctx, patient: i64) -> anyhow::Result<(String, InvitationCode)> {
    let mut tx = db.begin().await?;
    let issued =
        invitation::issue(&mut tx, &ctx, patient, Invitee::Patient, organisation_of(patient)).await?;
    tx.commit().await?;
    let body: String = sqlx::query("SELECT body FROM outbox ORDER BY id DESC LIMIT 1")
        .fetch_one(db)
        .await?
        .try_get("body")?;
    let token = body
        .split("/invitation/")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).next())
        .ok_or_else(|| anyhow::anyhow!("no invitation link in the mail"))?;
    Ok((token.to_string(), issued.code))
}

fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |fraction: f64| {
        let index = ((times.len() as f64 * fraction).ceil() as usize).clamp(1, times.len()) - 1;
        times[index].as_secs_f64() * 1000.0
    };
    (at(0.50), at(0.99))
}

/// Rows for `patients` patients, in a handful of set-based statements.
async fn fill(db: &store::Db, dialect: Dialect, patients: i64) -> anyhow::Result<()> {
    let now = store::now();
    let hash = credential::hash(PASSWORD).await?;
    let numbers = |count: i64| {
        format!("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})")
    };
    let family = FAMILY_NAMES
        .iter()
        .enumerate()
        .map(|(k, name)| format!("WHEN {k} THEN '{name}'"))
        .collect::<Vec<_>>()
        .join(" ");
    // By rank within the organisation (i / 50), so every organisation has every name.
    let family = format!("(CASE (i / {ORGANISATIONS}) % 8 {family} END)");
    let given = "(CASE (i / 400) % 5 WHEN 0 THEN 'Léa' WHEN 1 THEN 'Jacques' WHEN 2 THEN 'Amélie' WHEN 3 THEN 'Samuel' ELSE 'Chloé' END)";
    let caregiver_account = format!("({PATIENT_ACCOUNT} + {patients} + i)");
    let statements = [
        format!(
            "INSERT INTO organisations (id, name, created_at) {} SELECT i, 'Organisation ' || i, $1 FROM n",
            numbers(ORGANISATIONS)
        ),
        format!(
            "INSERT INTO accounts (id, email, email_key, given_name, family_name, password_hash, status, created_at)
             {} SELECT i, 'admin' || i || '@example.test', 'admin' || i || '@example.test', 'Admin', 'Organisation ' || i, $2, 'active', $1 FROM n",
            numbers(ORGANISATIONS)
        ),
        format!(
            "INSERT INTO memberships (account_id, organisation_id, role, created_at)
             {} SELECT i, i, 'admin', $1 FROM n",
            numbers(ORGANISATIONS)
        ),
        format!(
            "INSERT INTO staff_services (account_id, organisation_id, service, granted_at)
             {} SELECT i, i, s.service, $1 FROM n CROSS JOIN (SELECT 'invitations' AS service
                UNION ALL SELECT 'caregivers' UNION ALL SELECT 'messaging' UNION ALL SELECT 'questionnaires'
                UNION ALL SELECT 'administration' UNION ALL SELECT 'support_desk') s",
            numbers(ORGANISATIONS)
        ),
        format!(
            "INSERT INTO accounts (id, email, email_key, given_name, family_name, password_hash, status, created_at)
             {} SELECT {PATIENT_ACCOUNT} + i, 'patient' || i || '@example.test', 'patient' || i || '@example.test',
                       {given}, {family}, $2, 'active', $1 FROM n WHERE i % 10 < 6",
            numbers(patients)
        ),
        format!(
            "INSERT INTO patients (id, organisation_id, account_id, given_name, family_name, birth_date, email, email_key, created_by, created_at)
             {} SELECT i, 1 + i % {ORGANISATIONS}, CASE WHEN i % 10 < 6 THEN {PATIENT_ACCOUNT} + i END, {given}, {family},
                       (1930 + i % 90) || '-0' || (1 + i % 9) || '-1' || (i % 9), 'patient' || i || '@example.test',
                       'patient' || i || '@example.test', 1 + i % {ORGANISATIONS}, $1 - i FROM n",
            numbers(patients)
        ),
        format!(
            "INSERT INTO memberships (account_id, organisation_id, role, created_at)
             {} SELECT {PATIENT_ACCOUNT} + i, 1 + i % {ORGANISATIONS}, 'patient', $1 FROM n WHERE i % 10 < 6",
            numbers(patients)
        ),
        // Redeemed, pending, expired, replaced, void (5 wrong codes).
        format!(
            "INSERT INTO invitations (id, patient_id, organisation_id, invited_by, token_hash, code_hash, status, failed_attempts, expires_at, redeemed_at, created_at)
             {} SELECT i, i, 1 + i % {ORGANISATIONS}, 1 + i % {ORGANISATIONS}, 'generated-token-' || i, 'generated-code-' || i,
                       CASE WHEN i % 10 < 6 THEN 'redeemed' WHEN i % 10 = 8 THEN 'replaced' ELSE 'pending' END,
                       CASE WHEN i % 10 = 9 THEN 5 ELSE 0 END,
                       CASE WHEN i % 10 = 7 THEN $1 - 86400 ELSE $1 + 3 * 86400 END,
                       CASE WHEN i % 10 < 6 THEN $1 - 3600 END, $1 - 2 * 86400 FROM n",
            numbers(patients)
        ),
        format!(
            "INSERT INTO accounts (id, email, email_key, given_name, family_name, password_hash, status, created_at)
             {} SELECT {caregiver_account}, 'caregiver' || i || '@example.test', 'caregiver' || i || '@example.test',
                       'Aidant', {family}, $2, 'active', $1 FROM n WHERE i % 20 = 0",
            numbers(patients)
        ),
        format!(
            "INSERT INTO caregiver_grants (organisation_id, patient_id, caregiver_account_id, given_name, family_name, email, email_key,
                                           relationship, scope_messages, scope_profile, status, created_by, created_at)
             {} SELECT 1 + i % {ORGANISATIONS}, i, CASE WHEN i % 20 = 0 THEN {caregiver_account} END, 'Aidant', {family},
                       'caregiver' || i || '@example.test', 'caregiver' || i || '@example.test', 'helper', 1, 1,
                       CASE WHEN i % 20 = 0 THEN 'active' ELSE 'invited' END, 1 + i % {ORGANISATIONS}, $1 FROM n WHERE i % 10 = 0",
            numbers(patients)
        ),
        // Everyone made here accepted the shipped terms of use, as their setup would have.
        "INSERT INTO terms_acceptances (account_id, version, accepted_at) SELECT id, 1, $1 FROM accounts".to_string(),
        format!(
            "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, ended_at, ip, user_agent)
             {} SELECT 'generated-session-' || i, {PATIENT_ACCOUNT} + i, $1 - 7200, $1 - 600,
                       CASE WHEN i % 3 = 0 THEN $1 - 300 END, '192.0.2.1', 'scale' FROM n WHERE i % 10 < 6",
            numbers(patients)
        ),
        format!(
            "INSERT INTO audit_events (at, actor_id, organisation_id, action, target, ip)
             {} SELECT $1 - 2 * 86400, 1 + i % {ORGANISATIONS}, 1 + i % {ORGANISATIONS}, 'invitation.created', 'patient:' || i, '192.0.2.1' FROM n",
            numbers(patients)
        ),
        format!(
            "INSERT INTO audit_events (at, actor_id, organisation_id, action, target, ip)
             {} SELECT $1 - 3600, {PATIENT_ACCOUNT} + i, 1 + i % {ORGANISATIONS}, 'invitation.redeemed', 'patient:' || i, '192.0.2.1'
                FROM n WHERE i % 10 < 6",
            numbers(patients)
        ),
        format!(
            "INSERT INTO audit_events (at, actor_id, organisation_id, action, target, ip)
             {} SELECT $1 - 600 - i % 2 * 86400, {PATIENT_ACCOUNT} + i, NULL, 'sign_in.succeeded', 'account:' || ({PATIENT_ACCOUNT} + i), '192.0.2.1'
                FROM n WHERE i % 10 < 6",
            numbers(patients)
        ),
        format!(
            "INSERT INTO audit_events (at, actor_id, organisation_id, action, target, ip)
             {} SELECT $1 - 300, 1 + i % {ORGANISATIONS}, 1 + i % {ORGANISATIONS}, 'patient.viewed', 'patient:' || i, '192.0.2.1' FROM n",
            numbers(patients)
        ),
        format!(
            "INSERT INTO audit_events (at, actor_id, acting_for_id, organisation_id, action, target, ip)
             {} SELECT $1 - 200, {caregiver_account}, {PATIENT_ACCOUNT} + i, 1 + i % {ORGANISATIONS}, 'patient.viewed_by_caregiver',
                       'patient:' || i, '192.0.2.1' FROM n WHERE i % 20 = 0",
            numbers(patients)
        ),
    ];
    let statements = statements.into_iter().chain(messaging(patients.min(CONVERSATIONS), &numbers));
    for statement in statements {
        let began = Instant::now();
        let query = sqlx::query(&statement).bind(now);
        // PostgreSQL refuses a value for a parameter the statement does not use.
        let query = if statement.contains("$2") { query.bind(&hash) } else { query };
        query.execute(db).await?;
        eprintln!(
            "{:6.1} s  {}",
            began.elapsed().as_secs_f64(),
            statement.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
        );
    }
    // The shipped questionnaires in every library, then the questionnaires sent and filled.
    library::install_everywhere(db, now).await?;
    for statement in questionnaires(patients.min(CONVERSATIONS), &numbers) {
        let began = Instant::now();
        sqlx::query(&statement).bind(now).execute(db).await?;
        eprintln!(
            "{:6.1} s  {}",
            began.elapsed().as_secs_f64(),
            statement.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
        );
    }
    if dialect == Dialect::Postgres {
        // Rows were given their ids: move each sequence past them.
        for table in [
            "organisations",
            "accounts",
            "patients",
            "invitations",
            "care_teams",
            "conversations",
            "messages",
            "questionnaire_requests",
        ] {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .execute(db)
            .await?;
        }
    }
    // The words staff search by, as the server writes them at start for patients loaded in bulk.
    let started = std::time::Instant::now();
    let indexed = patient::search::index_missing(db).await?;
    eprintln!("indexed {indexed} patients for search in {:.1} s", started.elapsed().as_secs_f64());
    // As a database in service would be after autovacuum: statistics, and the visibility map
    // PostgreSQL needs to answer from an index alone.
    let tidy = if dialect == Dialect::Postgres { "VACUUM ANALYZE" } else { "ANALYZE" };
    sqlx::raw_sql(tidy).execute(db).await?;
    Ok(())
}

/// A care team per organisation (id = the organisation's, its administrator a member), following
/// the first `conversations` patients, each with one conversation of `MESSAGES_EACH` messages
/// alternating team and patient (the team when the patient has no account); the team has read
/// two in three to the end, the patient all of theirs; one in ten is closed, one in seven taken.
fn messaging(conversations: i64, numbers: &dyn Fn(i64) -> String) -> Vec<String> {
    let admin = format!("(1 + c % {ORGANISATIONS})");
    let c = format!("((j - 1) / {MESSAGES_EACH} + 1)");
    vec![
        format!(
            "INSERT INTO care_teams (id, organisation_id, name, phone, created_at)
             {} SELECT i, i, 'Équipe ' || i, '514-555-0199', $1 FROM n",
            numbers(ORGANISATIONS)
        ),
        format!("INSERT INTO care_team_members (team_id, account_id, created_at) {} SELECT i, i, $1 FROM n", numbers(ORGANISATIONS)),
        format!(
            "INSERT INTO patient_teams (patient_id, team_id, created_at) {} SELECT i, 1 + i % {ORGANISATIONS}, $1 FROM n",
            numbers(conversations)
        ),
        format!(
            "INSERT INTO conversations (id, organisation_id, team_id, patient_id, subject, status, assigned_to, started_by,
                                        created_at, last_message_id, last_message_at)
             {} SELECT c, {admin}, {admin}, c, 'Suivi ' || c, CASE WHEN c % 10 = 9 THEN 'closed' ELSE 'open' END,
                       CASE WHEN c % 7 = 0 THEN {admin} END, {admin}, $1 - c * 60, c * {MESSAGES_EACH}, $1 - c * 60
                FROM (SELECT i AS c FROM n) AS numbered",
            numbers(conversations)
        ),
        format!(
            "INSERT INTO messages (id, conversation_id, author_id, author_role, body, replies_allowed, created_at)
             {} SELECT j, {c},
                       CASE WHEN j % 2 = 0 AND {c} % 10 < 6 THEN {PATIENT_ACCOUNT} + {c} ELSE 1 + {c} % {ORGANISATIONS} END,
                       CASE WHEN j % 2 = 0 AND {c} % 10 < 6 THEN 'patient' ELSE 'staff' END,
                       'Message ' || j || ' : bonjour, voici des nouvelles de votre suivi.',
                       CASE WHEN j % 2 = 0 AND {c} % 10 < 6 THEN NULL ELSE 1 END,
                       $1 - {c} * 60 - {MESSAGES_EACH} + j % {MESSAGES_EACH}
                FROM (SELECT i AS j FROM n) AS numbered",
            numbers(conversations * MESSAGES_EACH)
        ),
        format!(
            "INSERT INTO conversation_reads (conversation_id, account_id, last_read_id, first_read_at)
             {} SELECT c, {admin}, c * {MESSAGES_EACH} - CASE WHEN c % 3 = 0 THEN 1 ELSE 0 END, $1
                FROM (SELECT i AS c FROM n) AS numbered",
            numbers(conversations)
        ),
        format!(
            "INSERT INTO conversation_reads (conversation_id, account_id, last_read_id, first_read_at)
             {} SELECT c, {PATIENT_ACCOUNT} + c, c * {MESSAGES_EACH}, $1 FROM (SELECT i AS c FROM n) AS numbered WHERE c % 10 < 6",
            numbers(conversations)
        ),
    ]
}

/// For each of the first `followed` patients (those the care teams follow) who has an account:
/// `SUBMITTED_EACH` PHQ-9s submitted a month apart (answers stored, score and flag as the server
/// computes them: items 1–8 at `p % 4`, item 9 too for one in twenty, so those are flagged;
/// half reviewed), and one more sent and waiting to be filled.
fn questionnaires(followed: i64, numbers: &dyn Fn(i64) -> String) -> Vec<String> {
    let phq9 = |organisation: &str| {
        format!("(SELECT q.id FROM questionnaires q WHERE q.organisation_id = {organisation} AND q.instrument = 'phq-9')")
    };
    let p = format!("((j + {SUBMITTED_EACH} - 1) / {SUBMITTED_EACH})");
    let organisation = format!("(1 + {p} % {ORGANISATIONS})");
    let weight = format!("({p} % 4)");
    let item9 = format!("(CASE WHEN {p} % 20 = 0 THEN {weight} ELSE 0 END)");
    let answers_weight = "(r.patient_id % 4)";
    let answers_item9 = "(CASE WHEN r.patient_id % 20 = 0 THEN r.patient_id % 4 ELSE 0 END)";
    let items = (1..=10).map(|k| format!("SELECT {k} AS k")).collect::<Vec<_>>().join(" UNION ALL ");
    vec![
        format!(
            "INSERT INTO questionnaire_requests (id, organisation_id, questionnaire_id, patient_id, sent_by, sent_at, note,
                                                 submitted_at, submitted_by, submitted_as, score, flagged, reviewed_at, reviewed_by)
             {} SELECT j, {organisation}, {}, {p}, {organisation}, $1 - (j % {SUBMITTED_EACH}) * 30 * 86400 - {p} - 86400, '',
                       $1 - (j % {SUBMITTED_EACH}) * 30 * 86400 - {p}, {PATIENT_ACCOUNT} + {p}, 'patient',
                       8 * {weight} + {item9}, CASE WHEN {item9} > 0 THEN 1 ELSE 0 END,
                       CASE WHEN j % 2 = 0 THEN $1 - {p} END, CASE WHEN j % 2 = 0 THEN {organisation} END
                FROM (SELECT i AS j FROM n) AS numbered WHERE {p} % 10 < 6",
            numbers(followed * SUBMITTED_EACH),
            phq9(&organisation),
        ),
        format!(
            "INSERT INTO questionnaire_answers (request_id, link_id, answer, answered_by, answered_at)
             SELECT r.id, 'q' || k.k, '{{\"codes\":[\"' || CASE WHEN k.k < 9 THEN {answers_weight} WHEN k.k = 9 THEN {answers_item9} ELSE 0 END || '\"]}}',
                    r.submitted_by, r.submitted_at
               FROM questionnaire_requests r CROSS JOIN ({items}) AS k WHERE r.submitted_at IS NOT NULL"
        ),
        format!(
            "INSERT INTO questionnaire_requests (id, organisation_id, questionnaire_id, patient_id, sent_by, sent_at, note)
             {} SELECT {} + i, 1 + i % {ORGANISATIONS}, {}, i, 1 + i % {ORGANISATIONS}, $1 - 3600, 'Avant votre rendez-vous'
                FROM n WHERE i % 10 < 6",
            numbers(followed),
            followed * SUBMITTED_EACH,
            phq9(&format!("(1 + i % {ORGANISATIONS})")),
        ),
    ]
}
