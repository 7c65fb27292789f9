//! Caregivers over HTTP: the two-part invitation, acting for a patient within a scope, ending a
//! grant, the age rule on a fixed clock, the audit trail naming both people, and the
//! authorization matrix of every server function that touches a patient.
use crate::common::*;
use app::domain::onboarding::caregiver;
use app::domain::{calendar, store, Ctx};
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

const LEA: &str = "lea.gagnon@example.org";
const LEA_NAME: &str = "Léa Gagnon";
const MARIE: &str = "marie.gagnon@example.org";

#[tokio::test]
async fn a_caregiver_is_invited_acts_within_scope_and_stops_when_the_patient_ends_it() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let (lea_id, lea) = patient(&app, &staff, "Léa", "Gagnon", LEA, "1990-04-12", "fr").await;
    let (grant, code) =
        add_caregiver(&app, &staff, lea_id, MARIE, "helper", &["profile", "messages"], "en").await;

    // Her own invitation, English first, naming the patient; never the code.
    let (_, body) = latest_mail(&app, MARIE).await;
    assert!(body.starts_with("Hello Marie") && body.contains(LEA_NAME) && !body.contains(&code), "{body}");
    let (_, file) = app.page(&format!("/staff/patients/{lea_id}"), Some(&staff)).await;
    assert!(file.contains("Marie Gagnon") && file.contains("invitation envoyée"));

    let marie = app.redeem(MARIE, &code).await;
    let assisted: Value = app.call("assisted_patients", &[], Some(&marie)).await.json().await.unwrap();
    assert_eq!(assisted[0]["patient_name"], LEA_NAME);
    let (_, page) = app.page(&format!("/for/{grant}/profile"), Some(&marie)).await;
    let banner = [("name", LEA_NAME), ("relationship", &text("fr", "role-helper"))];
    assert!(shows(&page, &text_with("fr", "acting-for-banner", &banner)), "the page says for whom");

    // An edit for Léa, recorded under Marie's name for Léa.
    let saved = app
        .call(
            "save_profile",
            &[
                ("field", "phones"),
                ("mobile", "514 555 0123"),
                ("home_phone", ""),
                ("grant", &grant.to_string()),
            ],
            Some(&marie),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(saved.headers().get("location").unwrap(), &format!("/for/{grant}/profile?saved=phones"));
    let lea_view: Value = app.call("my_account", &[], Some(&lea)).await.json().await.unwrap();
    assert_eq!(lea_view["mobile_phone"], "514-555-0123");
    let log: Value = app.call("my_access_log", &[("page", "1")], Some(&lea)).await.json().await.unwrap();
    let entry = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "profile.phones_changed")
        .unwrap()
        .clone();
    assert_eq!(
        (entry["actor"].as_str(), entry["actor_role"].as_str(), entry["acting_for"].as_str()),
        (Some("Marie Gagnon"), Some("helper"), Some(LEA_NAME))
    );
    // Marie's address is hers: Léa's log shows addresses only where Léa acted.
    let entries = log["entries"].as_array().unwrap();
    assert!(entries.iter().filter(|e| !e["actor"].is_null()).all(|e| e["ip"] == ""), "{entries:?}");
    assert!(
        entries.iter().any(|e| e["actor"].is_null() && e["ip"] == "127.0.0.1"),
        "her own sign-ins show theirs"
    );
    let (_, html) = app.page("/account/access-log", Some(&lea)).await;
    assert!(html.contains("Marie Gagnon (proche aidant) pour Léa Gagnon"));
    let export: Value = app.get("/account/export", Some(&lea)).await.json().await.unwrap();
    assert_eq!(
        (
            export["caregiver_grants"][0]["caregiver"].as_str(),
            export["caregiver_grants"][0]["direction"].as_str()
        ),
        (Some("Marie Gagnon"), Some("assists_me"))
    );

    // Léa sees who can act for her and ends it; Marie's very next request is refused.
    let mine: Value = app.call("my_caregivers", &[], Some(&lea)).await.json().await.unwrap();
    assert_eq!(
        (mine[0]["name"].as_str(), mine[0]["relationship"].as_str(), mine[0]["status"].as_str()),
        (Some("Marie Gagnon"), Some("helper"), Some("Active"))
    );
    assert_eq!(
        app.call("end_my_caregiver", &[("grant_id", &grant.to_string())], Some(&lea)).await.status(),
        StatusCode::OK
    );
    let refused =
        error_key(app.call("acting_for", &[("grant_id", &grant.to_string())], Some(&marie)).await).await;
    assert_eq!(refused["key"], "error-not-found");
    let (_, page) = app.page(&format!("/for/{grant}"), Some(&marie)).await;
    assert!(page_shows(&page, "fr", "access-ended-title"));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'caregiver.ended'").await, 1);
}

/// Reads are in the trail too: the care team opening Léa's file, Marie opening Léa's pages and
/// profile each appear once in Léa's access log, named, however many queries the page made.
#[tokio::test]
async fn who_viewed_a_patients_file_is_in_her_access_log_once_per_view() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let (lea_id, lea) = patient(&app, &staff, "Léa", "Gagnon", LEA, "1990-04-12", "fr").await;
    let (grant, code) = add_caregiver(&app, &staff, lea_id, MARIE, "helper", &["profile"], "en").await;
    let marie = app.redeem(MARIE, &code).await;
    let views = |action: &'static str| {
        let app = &app;
        async move { app.number("SELECT COUNT(*) FROM audit_events WHERE action = $1", action).await }
    };
    assert_eq!(views("patient.viewed").await, 0, "adding a caregiver is not a view");

    let file = format!("/staff/patients/{lea_id}");
    app.page(&file, Some(&staff)).await;
    app.page(&file, Some(&staff)).await;
    assert_eq!(views("patient.viewed").await, 1, "two loads within a minute: one view");
    app.page(&format!("/for/{grant}"), Some(&marie)).await;
    app.page(&format!("/for/{grant}/profile"), Some(&marie)).await;
    assert_eq!(views("patient.viewed_by_caregiver").await, 1);
    assert_eq!(views("profile.viewed").await, 1);

    let log: Value = app.call("my_access_log", &[("page", "1")], Some(&lea)).await.json().await.unwrap();
    let entry = |action: &str| {
        log["entries"].as_array().unwrap().iter().find(|e| e["action"] == action).cloned().unwrap()
    };
    let staff_view = entry("patient.viewed");
    assert_eq!(staff_view["actor_role"], "admin");
    assert!(!staff_view["actor"].is_null(), "named");
    let marie_view = entry("profile.viewed");
    assert_eq!(
        (marie_view["actor"].as_str(), marie_view["acting_for"].as_str()),
        (Some("Marie Gagnon"), Some(LEA_NAME))
    );
    let (_, html) = app.page("/account/access-log", Some(&lea)).await;
    assert!(shows(&html, &text("fr", "audit-patient-viewed")));
    assert!(shows(&html, &text("fr", "audit-profile-viewed")));

    // A minute later it is a new view.
    let staff_id = app.count("SELECT actor_id FROM audit_events WHERE action = 'patient.viewed'").await;
    let later = store::now() + app::domain::audit::VIEW_SECONDS + 1;
    let ctx = Ctx::system(&app.state.db, later).by(staff_id);
    ctx.audit_view(None, "patient.viewed", app::domain::Target::Patient(lea_id)).await.unwrap();
    assert_eq!(views("patient.viewed").await, 2);
}

#[tokio::test]
async fn a_caregiver_with_an_account_adds_a_second_patient_to_it() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let (lea_id, _) = patient(&app, &staff, "Léa", "Gagnon", LEA, "1990-04-12", "fr").await;
    let (theo_id, _) =
        patient(&app, &staff, "Théo", "Gagnon", "theo.gagnon@example.org", "1992-01-01", "fr").await;
    let (_, code) = add_caregiver(&app, &staff, lea_id, MARIE, "helper", &["messages"], "fr").await;
    let marie = app.redeem(MARIE, &code).await;
    let (_, second_code) =
        add_caregiver(&app, &staff, theo_id, MARIE, "representative", &["questionnaires"], "fr").await;
    let token = latest_link_token(&app, MARIE).await;
    let right = app.call("check_invitation_code", &[("token", &token), ("code", &second_code)], None).await;
    let pass = cookie_named(&right, "portail-invitation").unwrap();
    let second = error_key(
        app.call(
            "create_patient_account",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
                ("accept_terms", "on"),
            ],
            Some(&pass),
        )
        .await,
    )
    .await;
    assert_eq!(second["key"], "error-account-exists", "never a second account");
    let joined = app
        .call("add_invitation_to_my_account", &[("token", &token)], Some(&format!("{marie}; {pass}")))
        .await;
    assert_eq!(joined.status(), StatusCode::OK, "{:?}", joined.text().await);
    let assisted: Value = app.call("assisted_patients", &[], Some(&marie)).await.json().await.unwrap();
    let names: Vec<&str> =
        assisted.as_array().unwrap().iter().map(|a| a["patient_name"].as_str().unwrap()).collect();
    assert_eq!(names, [LEA_NAME, "Théo Gagnon"]);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'marie.gagnon@example.org'").await,
        1
    );
}

/// Noon in Montréal on `date`, as the clock the rule is given.
/// `hour:minute` on `date` in Montréal, as epoch seconds.
fn montreal(date: chrono::NaiveDate, hour: u32, minute: u32) -> i64 {
    use chrono::TimeZone;
    chrono_tz::America::Montreal
        .from_local_datetime(&date.and_hms_opt(hour, minute, 0).unwrap())
        .single()
        .unwrap()
        .timestamp()
}

#[tokio::test]
async fn a_parents_access_ends_on_the_childs_14th_birthday_and_both_are_told() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let birthday = calendar::local_date(store::now(), "America/Montreal") + chrono::Days::new(10);
    let born = birthday.checked_sub_months(chrono::Months::new(14 * 12)).unwrap();
    let (child_id, teen) =
        patient(&app, &staff, "Zoé", "Gagnon", "zoe.gagnon@example.org", &born.to_string(), "en").await;
    let (grant, code) =
        add_caregiver(&app, &staff, child_id, MARIE, "parent", &["messages", "profile"], "fr").await;
    let marie = app.redeem(MARIE, &code).await;
    let marie_id: i64 = app.number("SELECT id FROM accounts WHERE email_key = $1", MARIE).await;
    assert_eq!(
        app.call("acting_for", &[("grant_id", &grant.to_string())], Some(&marie)).await.status(),
        StatusCode::OK
    );

    // 23:30 on the eve in Montréal is already the birthday in UTC: the local date decides.
    let eve = montreal(birthday - chrono::Days::new(1), 23, 30);
    assert_eq!(store::today(eve), birthday, "UTC is already on the birthday");
    assert!(
        caregiver::access(&app.state.db, marie_id, grant, None, eve).await.is_ok(),
        "23:30 on the eve, local time"
    );
    assert_eq!(caregiver::end_at_age_of_consent(&Ctx::system(&app.state.db, eve)).await.unwrap(), 0);
    let just_after = montreal(birthday, 0, 30);
    assert!(
        caregiver::access(&app.state.db, marie_id, grant, None, just_after).await.is_err(),
        "00:30 on the birthday it is gone"
    );
    assert_eq!(caregiver::end_at_age_of_consent(&Ctx::system(&app.state.db, just_after)).await.unwrap(), 1);
    assert_eq!(
        caregiver::end_at_age_of_consent(&Ctx::system(&app.state.db, just_after)).await.unwrap(),
        0,
        "once"
    );

    let subject = |to: &'static str| {
        let db = app.state.db.clone();
        async move {
            sqlx::query("SELECT subject FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1")
                .bind(to)
                .fetch_one(&db)
                .await
                .unwrap()
                .try_get::<String, _>("subject")
                .unwrap()
        }
    };
    assert_eq!(
        subject("zoe.gagnon@example.org").await,
        "Your file on the Patient Portal",
        "the teen, in English"
    );
    assert_eq!(
        subject(MARIE).await,
        "Fin de votre accès au dossier sur le portail usager",
        "the parent, in French"
    );
    assert_eq!(
        error_key(app.call("acting_for", &[("grant_id", &grant.to_string())], Some(&marie)).await).await
            ["key"],
        "error-not-found"
    );
    // Nothing else breaks for the teen, who may now name a helper herself (through the care team).
    assert_eq!(app.call("my_account", &[], Some(&teen)).await.status(), StatusCode::OK);
    let mine: Value = app.call("my_caregivers", &[], Some(&teen)).await.json().await.unwrap();
    assert!(mine.as_array().unwrap().is_empty());
    let again = add_caregiver(&app, &staff, child_id, MARIE, "helper", &["messages"], "fr").await;
    assert!(again.0 > grant);
}

/// What an actor gets from a call: the call succeeds and the answer does (or does not) show the
/// patient's data, or it is refused with this message key.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Answer {
    Shows,
    Hides,
    Done,
    Refused(&'static str),
}
use Answer::*;
const NF: Answer = Refused("error-not-found");
const FORBIDDEN: Answer = Refused("error-forbidden");
/// Another organisation's team is no team of the caller's: refused on the team field.
const TEAM_INVALID: Answer = Refused("error-team-invalid");

/// What a call about a patient can change, in numbers: a refused call must leave every one as it
/// was, and a call that is done must move at least one (each change is audited, at the least).
async fn fingerprint(app: &TestApp) -> Vec<i64> {
    let queries = [
        "SELECT COUNT(*) FROM caregiver_grants",
        "SELECT COUNT(*) FROM caregiver_grants WHERE status = 'ended'",
        "SELECT CAST(COALESCE(SUM(scope_messages + 2 * scope_questionnaires + 4 * scope_profile), 0) AS BIGINT)
         FROM caregiver_grants",
        "SELECT COUNT(*) FROM caregiver_grants WHERE ends_on IS NOT NULL",
        "SELECT COUNT(*) FROM invitations",
        "SELECT COUNT(*) FROM patients",
        "SELECT COUNT(*) FROM accounts",
        "SELECT COUNT(*) FROM outbox",
        "SELECT COUNT(*) FROM audit_events",
        "SELECT COUNT(*) FROM messages",
        "SELECT COUNT(*) FROM patient_teams",
        "SELECT CAST(COALESCE(SUM(hidden_from_caregivers
                + 2 * (CASE WHEN assigned_to IS NULL THEN 0 ELSE 1 END)
                + 4 * (CASE WHEN status = 'closed' THEN 1 ELSE 0 END)), 0) AS BIGINT) FROM conversations",
    ];
    let mut numbers = Vec::new();
    for sql in queries {
        numbers.push(app.count(sql).await);
    }
    numbers
}

const SUBJECT: &str = "Sujet de la matrice";

/// A care team "Cardiologie" with `member` in it, following the patient, and a conversation it
/// started with her (by its administrator, who joins it for that); returns the team's id.
async fn messaging_team(app: &TestApp, admin: &str, member: &str, patient_id: i64) -> String {
    let created = app.call("create_team", &[("name", "Cardiologie"), ("phone", "")], Some(admin)).await;
    assert_eq!(created.status(), StatusCode::OK);
    let team = app.count("SELECT MAX(id) FROM care_teams").await.to_string();
    for email in ["admin@example.org", member] {
        let account = app.number("SELECT id FROM accounts WHERE email = $1", email).await.to_string();
        let form = [("id", team.as_str()), ("account_id", &account), ("add", "on")];
        assert_eq!(app.call("team_member", &form, Some(admin)).await.status(), StatusCode::OK);
    }
    let patient = patient_id.to_string();
    let follows = [("patient_id", patient.as_str()), ("team_id", &team), ("follows", "on")];
    assert_eq!(app.call("set_patient_team", &follows, Some(admin)).await.status(), StatusCode::OK);
    let form = [
        ("patient_id", patient.as_str()),
        ("team_id", &team),
        ("subject", SUBJECT),
        ("body", "Bonjour"),
        ("replies", "on"),
    ];
    let started = app.call("start_conversation", &form, Some(admin)).await;
    assert!(started.status().is_success(), "{:?}", started.text().await);
    team
}

#[tokio::test]
async fn authorization_matrix_of_every_server_function_that_touches_a_patient() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let (other_staff, _) = app.activated_admin("autre@example.org").await;
    let organisation = app.count("SELECT MIN(id) FROM organisations").await;
    let (lea_id, lea) = patient(&app, &staff, "Léa", "Gagnon", LEA, "1990-04-12", "fr").await;
    let (_, other_patient) =
        patient(&app, &staff, "Jacques", "Roy", "jacques.roy@example.org", "1985-02-02", "fr").await;
    let (in_scope_grant, code) =
        add_caregiver(&app, &staff, lea_id, MARIE, "helper", &["profile", "messages"], "fr").await;
    let in_scope = app.redeem(MARIE, &code).await;
    let (out_grant, code) =
        add_caregiver(&app, &staff, lea_id, "paul.gagnon@example.org", "helper", &["messages"], "fr").await;
    let out_of_scope = app.redeem("paul.gagnon@example.org", &code).await;
    let (ended_grant, code) =
        add_caregiver(&app, &staff, lea_id, "anne.gagnon@example.org", "representative", &["profile"], "fr")
            .await;
    let ended = app.redeem("anne.gagnon@example.org", &code).await;
    assert_eq!(
        app.call(
            "end_caregiver",
            &[("grant_id", &ended_grant.to_string()), ("patient_id", &lea_id.to_string())],
            Some(&staff)
        )
        .await
        .status(),
        StatusCode::OK
    );
    let (to_end_by_patient, _) =
        add_caregiver(&app, &staff, lea_id, "x1@example.org", "helper", &["messages"], "fr").await;
    let (to_end_by_staff, _) =
        add_caregiver(&app, &staff, lea_id, "x2@example.org", "helper", &["messages"], "fr").await;
    let (to_reissue, _) =
        add_caregiver(&app, &staff, lea_id, "x3@example.org", "helper", &["messages"], "fr").await;
    let support = member_session(&app, "soutien@example.org", organisation, "support").await;
    let professional = member_session(&app, "pro@example.org", organisation, "professional").await;
    // Messaging: a team with the professional in it (not the other staff), following Léa, and a
    // conversation the team started with her.
    let team = messaging_team(&app, &staff, "pro@example.org", lea_id).await;
    let conversation = app.count("SELECT MAX(id) FROM conversations").await.to_string();
    // Staff of both organisations, working in the other one now: the wall holds for them too.
    let both = member_session(&app, "deux@example.org", organisation, "professional").await;
    let other_organisation = app.count("SELECT MAX(id) FROM organisations").await;
    let both_id = app.number("SELECT id FROM accounts WHERE email = $1", "deux@example.org").await;
    sqlx::query("INSERT INTO memberships (account_id, organisation_id, role, created_at) VALUES ($1, $2, 'professional', 0)")
        .bind(both_id)
        .bind(other_organisation)
        .execute(&app.state.db)
        .await
        .unwrap();
    let mut conn = app.state.db.acquire().await.unwrap();
    app::domain::organisation::staff_service::grant(
        &mut conn,
        both_id,
        other_organisation,
        app::states::Role::Professional.bundle(),
        0,
    )
    .await
    .unwrap();
    drop(conn);
    let chose =
        app.call("work_in", &[("organisation_id", &other_organisation.to_string())], Some(&both)).await;
    assert_eq!(chose.status(), StatusCode::OK);

    // The platform's operator sees organisations' requests, never a patient: every row answers
    // them as it answers another patient.
    let (operator, _) = app.operator("olivier.cote@portail.example").await;
    let operator = operator.session_cookie();
    // Mutating rows run each actor in this order, so the one allowed comes last and the others
    // meet the grant still as it was.
    let actors: [(&str, &str, i64); 9] = [
        ("another patient", &other_patient, in_scope_grant),
        ("caregiver in scope", &in_scope, in_scope_grant),
        ("caregiver out of scope", &out_of_scope, out_grant),
        ("caregiver whose grant ended", &ended, ended_grant),
        ("professional of another organisation", &other_staff, in_scope_grant),
        ("staff of both, working in the other", &both, in_scope_grant),
        ("support", &support, in_scope_grant),
        ("professional of the organisation", &professional, in_scope_grant),
        ("the patient", &lea, in_scope_grant),
    ];
    let (patient, g_patient, g_staff, g_reissue) = (
        lea_id.to_string(),
        to_end_by_patient.to_string(),
        to_end_by_staff.to_string(),
        to_reissue.to_string(),
    );
    // One row per server function (or route) about a patient: its form, what marks a shown
    // answer, and the answer each actor gets. A new function must be added here.
    type MatrixRow<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str, [Answer; 9]);
    // Columns follow `actors`. `{grant}` is the actor's own grant (or the in-scope one).
    #[rustfmt::skip]
    let matrix: Vec<MatrixRow> = vec![
        ("acting_for", vec![("grant_id", "{grant}")], LEA_NAME, [NF, Shows, Shows, NF, NF, NF, NF, NF, NF]),
        ("patient_profile", vec![("grant_id", "{grant}")], LEA, [NF, Shows, NF, NF, NF, NF, NF, NF, NF]),
        ("save_profile", vec![("field", "preferred_name"), ("preferred_name", "Lili"), ("grant", "{grant}")], "", [NF, Done, NF, NF, NF, NF, NF, NF, NF]),
        ("my_account", vec![], LEA, [Hides, Hides, Hides, Hides, Hides, Hides, Hides, Hides, Shows]),
        ("my_access_log", vec![("page", "1")], "caregiver.invited", [Hides, Hides, Hides, Hides, Hides, Hides, Hides, Hides, Shows]),
        ("GET /account/export", vec![], LEA, [Hides, Hides, Hides, Hides, Hides, Hides, Hides, Hides, Shows]),
        ("my_caregivers", vec![], MARIE, [Hides, Hides, Hides, Hides, Hides, Hides, Hides, Hides, Shows]),
        ("end_my_caregiver", vec![("grant_id", &g_patient)], "", [NF, NF, NF, NF, NF, NF, NF, NF, Done]),
        ("assisted_patients", vec![], LEA_NAME, [Hides, Shows, Shows, Hides, Hides, Hides, Hides, Hides, Hides]),
        ("patient_file", vec![("patient_id", &patient)], LEA_NAME, [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Shows, FORBIDDEN]),
        ("list_patients", vec![("search", "")], LEA, [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, Hides, Hides, FORBIDDEN, Shows, FORBIDDEN]),
        ("add_caregiver", vec![("patient_id", &patient), ("given_name", "Zed"), ("family_name", "Roy"), ("email", "zed@example.org"), ("language", "fr"), ("relationship", "helper"), ("messages", "on"), ("ends_on", ""), ("note", "")], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Done, FORBIDDEN]),
        ("edit_caregiver", vec![("grant_id", "{grant}"), ("patient_id", &patient), ("messages", "on"), ("profile", "on"), ("ends_on", "")], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Done, FORBIDDEN]),
        ("reissue_caregiver_invitation", vec![("grant_id", &g_reissue)], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Done, FORBIDDEN]),
        ("end_caregiver", vec![("grant_id", &g_staff), ("patient_id", &patient)], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Done, FORBIDDEN]),
        ("reissue_invitation", vec![("patient_id", &patient)], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, NF, FORBIDDEN]),
        ("my_conversations", vec![("grant", "{grant}")], SUBJECT, [NF, Shows, Shows, NF, NF, NF, NF, NF, NF]),
        ("my_conversations", vec![], SUBJECT, [Hides, Hides, Hides, Hides, Hides, Hides, Hides, Hides, Shows]),
        ("my_conversation", vec![("grant", "{grant}"), ("id", &conversation)], SUBJECT, [NF, Shows, Shows, NF, NF, NF, NF, NF, NF]),
        ("my_conversation", vec![("id", &conversation)], SUBJECT, [NF, NF, NF, NF, NF, NF, NF, NF, Shows]),
        ("latest_message", vec![("grant", "{grant}"), ("id", &conversation)], "", [NF, Shows, Shows, NF, NF, NF, NF, NF, NF]),
        ("reply", vec![("grant", "{grant}"), ("id", &conversation), ("body", "Matrice")], "", [NF, Done, Done, NF, NF, NF, NF, NF, NF]),
        ("reply", vec![("id", &conversation), ("body", "Matrice")], "", [NF, NF, NF, NF, NF, NF, NF, NF, Done]),
        ("team_inbox", vec![], SUBJECT, [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, Hides, Hides, FORBIDDEN, Shows, FORBIDDEN]),
        ("team_conversation", vec![("id", &conversation)], SUBJECT, [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Shows, FORBIDDEN]),
        ("team_latest_message", vec![("id", &conversation)], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Shows, FORBIDDEN]),
        ("team_reply", vec![("id", &conversation), ("body", "Matrice"), ("replies", "on")], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Done, FORBIDDEN]),
        ("manage_conversation", vec![("id", &conversation), ("action", "take")], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Done, FORBIDDEN]),
        ("start_conversation", vec![("patient_id", &patient), ("team_id", &team), ("subject", "Autre"), ("body", "Bonjour")], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, TEAM_INVALID, TEAM_INVALID, FORBIDDEN, Done, FORBIDDEN]),
        ("patient_teams", vec![("patient_id", &patient)], "Cardiologie", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NF, NF, FORBIDDEN, Shows, FORBIDDEN]),
        ("set_patient_team", vec![("patient_id", &patient), ("team_id", &team)], "", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, TEAM_INVALID, TEAM_INVALID, FORBIDDEN, Done, FORBIDDEN]),
        // Last: the patient keeps the conversation from her caregivers.
        ("hide_from_caregivers", vec![("id", &conversation), ("hidden", "on")], "", [NF, NF, NF, NF, NF, NF, NF, NF, Done]),
    ];
    let mut wrong = Vec::new();
    for (function, form, marker, expected) in &matrix {
        let as_another_patient = (("the platform operator", operator.as_str(), in_scope_grant), &expected[0]);
        for ((who, cookie, grant), want) in
            std::iter::once(as_another_patient).chain(actors.iter().copied().zip(expected))
        {
            let grant = grant.to_string();
            let form: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (*k, if *v == "{grant}" { grant.as_str() } else { *v })).collect();
            let before = fingerprint(&app).await;
            let response = match function.strip_prefix("GET ") {
                Some(path) => app.get(path, Some(cookie)).await,
                None => app.call(function, &form, Some(cookie)).await,
            };
            let status = response.status();
            let body = response.text().await.unwrap();
            let got = if status.is_success() {
                match want {
                    Done => Done,
                    _ if body.contains(marker) => Shows,
                    _ => Hides,
                }
            } else {
                let key = serde_json::from_str::<Value>(&body)
                    .ok()
                    .and_then(|v| v["key"].as_str().map(str::to_string))
                    .unwrap_or(format!("HTTP {status}"));
                match [NF, FORBIDDEN, Refused("error-signed-out")]
                    .into_iter()
                    .find(|a| matches!(a, Refused(k) if *k == key))
                {
                    Some(answer) => answer,
                    None => Refused(Box::leak(key.into_boxed_str())),
                }
            };
            if got != *want {
                wrong.push(format!("{function} by {who}: expected {want:?}, got {got:?}"));
            }
            let changed = fingerprint(&app).await != before;
            match want {
                Refused(_) if changed => {
                    wrong.push(format!("{function} by {who}: refused, yet it changed data"))
                }
                Done if !changed => wrong.push(format!("{function} by {who}: done, yet nothing changed")),
                _ => {}
            }
        }
    }
    assert!(wrong.is_empty(), "{} wrong answers:\n{}", wrong.len(), wrong.join("\n"));
}

#[tokio::test]
async fn the_administrator_sets_the_age_of_consent_that_ends_parental_access() {
    let app = spawn().await;
    let (admin, _) = app.activated_admin("admin@example.org").await;
    let organisation: i64 = sqlx::query("SELECT MIN(id) AS id FROM organisations")
        .fetch_one(&app.state.db)
        .await
        .unwrap()
        .try_get("id")
        .unwrap();
    let professional = member_session(&app, "pro@example.org", organisation, "professional").await;
    assert_eq!(
        app.call("age_of_consent", &[], Some(&admin)).await.text().await.unwrap(),
        "14",
        "Québec by default"
    );
    assert_eq!(
        error_key(app.call("save_age_of_consent", &[("age", "16")], Some(&professional)).await).await["key"],
        "error-forbidden"
    );
    let refused = error_key(app.call("save_age_of_consent", &[("age", "30")], Some(&admin)).await).await;
    assert_eq!(refused["key"], "error-age-of-consent-invalid");
    assert_eq!(refused["kept"][0], serde_json::json!(["age", "30"]));

    // A 15-year-old: no parent at 14, a parent again at 16.
    let born = calendar::local_date(store::now(), "America/Montreal")
        .checked_sub_months(chrono::Months::new(15 * 12))
        .unwrap();
    let (teen_id, _) =
        patient(&app, &admin, "Noé", "Gagnon", "noe.gagnon@example.org", &born.to_string(), "fr").await;
    let form = |id: &str| -> Vec<(&'static str, String)> {
        [
            ("given_name", "Paul"),
            ("family_name", "Gagnon"),
            ("email", "paul@example.org"),
            ("language", "fr"),
            ("relationship", "parent"),
            ("messages", "on"),
            ("ends_on", ""),
            ("note", ""),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .chain([("patient_id", id.to_string())])
        .collect()
    };
    let call = |form: Vec<(&'static str, String)>| {
        let admin = admin.clone();
        let app = &app;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call("add_caregiver", &form, Some(&admin)).await
        }
    };
    assert_eq!(
        error_key(call(form(&teen_id.to_string())).await).await["key"],
        "error-relationship-not-minor"
    );
    assert_eq!(
        app.call("save_age_of_consent", &[("age", "16")], Some(&admin)).await.status(),
        StatusCode::OK
    );
    assert_eq!(call(form(&teen_id.to_string())).await.status(), StatusCode::OK);
    let (_, page) = app.page("/staff/settings", Some(&admin)).await;
    assert!(page.contains("value=\"16\"") && page.contains("Âge de consentement aux soins"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.age_of_consent_changed'")
            .await,
        1
    );
}

/// "Relationship" left unselected (a radio group sends nothing): the form comes back with the
/// message next to that field and everything typed, with and without JavaScript; nothing is added.
#[tokio::test]
async fn a_caregiver_form_without_a_relationship_is_answered_on_that_field() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let (lea_id, _) = patient(&app, &staff, "Léa", "Gagnon", LEA, "1990-04-12", "fr").await;
    let lea_id = lea_id.to_string();
    let form = [
        ("patient_id", lea_id.as_str()),
        ("given_name", "Marie"),
        ("family_name", "Gagnon"),
        ("email", MARIE),
        ("language", "fr"),
        ("messages", "on"),
        ("ends_on", ""),
        ("note", "Sa fille"),
    ];
    let refused = error_key(app.call("add_caregiver", &form, Some(&staff)).await).await;
    assert_eq!(refused["key"], "error-relationship-invalid");
    assert_eq!(refused["field"], "relationship");

    let page = format!("/staff/patients/{lea_id}/caregivers/new");
    let back = app.submit("add_caregiver", &form, Some(&staff), &page).await;
    assert_eq!(back.status(), StatusCode::FOUND);
    let (_, html) = app.page(&location(&back).replace(&app.base, ""), Some(&staff)).await;
    assert!(page_shows(&html, "fr", "error-relationship-invalid"), "the message is shown");
    assert!(
        html.contains(&format!("value=\"{MARIE}\"")) && html.contains("Sa fille"),
        "what was typed is kept"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM caregiver_grants").await, 0);
}

#[tokio::test]
async fn the_patient_is_told_and_nobody_grants_themselves_access() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let (lea_id, _) = patient(&app, &staff, "Léa", "Gagnon", LEA, "1990-04-12", "en").await;
    add_caregiver(&app, &staff, lea_id, MARIE, "helper", &["profile", "messages"], "fr").await;

    // Léa is told, in her language, who may act for her, with what, and how to end it.
    let (subject, body) = mail(&app, LEA, "caregiver-added").await;
    assert_eq!(subject, text("en", "mail-caregiver-added-subject"));
    for said in
        ["Hello Léa", "Marie Gagnon", "trusted helper", "messages, profile", "People who can act for me"]
    {
        assert!(body.contains(said), "{said:?} in {body}");
    }

    // A staff member cannot add themselves, whatever the case of the address.
    let patient_id = lea_id.to_string();
    let myself = [
        ("patient_id", patient_id.as_str()),
        ("given_name", "Admin"),
        ("family_name", "Soi"),
        ("email", " Admin@Example.org "),
        ("language", "fr"),
        ("relationship", "helper"),
        ("messages", "on"),
    ];
    let refused =
        refusal(app.call("add_caregiver", &myself, Some(&staff)).await, StatusCode::BAD_REQUEST).await;
    assert_eq!((refused.key.as_str(), refused.field.as_deref()), ("error-caregiver-self", Some("email")));
    assert_eq!(refused.kept("email"), Some(" Admin@Example.org "), "what was typed is kept");

    // Nor redeem an invitation they sent to another address after moving their account to it.
    let (_, code) =
        add_caregiver(&app, &staff, lea_id, "second@example.org", "helper", &["messages"], "fr").await;
    let admin_id = app.number("SELECT id FROM accounts WHERE email = $1", "admin@example.org").await;
    sqlx::query(
        "UPDATE accounts SET email = 'second@example.org', email_key = 'second@example.org' WHERE id = $1",
    )
    .bind(admin_id)
    .execute(&app.state.db)
    .await
    .unwrap();
    let token = latest_link_token(&app, "second@example.org").await;
    let right = app.call("check_invitation_code", &[("token", &token), ("code", &code)], None).await;
    let pass = cookie_named(&right, "portail-invitation").unwrap();
    let joined = app
        .call("add_invitation_to_my_account", &[("token", &token)], Some(&format!("{staff}; {pass}")))
        .await;
    assert_eq!(refusal(joined, StatusCode::CONFLICT).await.key, "error-caregiver-own-invitation");
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM caregiver_grants WHERE caregiver_account_id = {admin_id}"))
            .await,
        0
    );
}

/// A caregiver whose address belongs to staff of the organisation needs a second staff member:
/// until then nobody is invited and the patient is not told; neither the one who added it nor the
/// person it is for may confirm; and a staff member cannot take an unconfirmed grant into their
/// account through an invitation sent to another address.
#[tokio::test]
async fn a_caregiver_who_is_staff_here_needs_a_second_staff_members_confirmation() {
    let app = spawn().await;
    let (admin, _) = app.activated_admin("admin@example.org").await;
    let organisation = app.count("SELECT id FROM organisations").await;
    let sam = member_session(&app, "sam@example.org", organisation, "professional").await;
    let jo = member_session(&app, "jo@example.org", organisation, "professional").await;
    let (lea_id, _) = patient(&app, &admin, "Léa", "Gagnon", LEA, "1990-04-12", "en").await;
    let patient_id = lea_id.to_string();
    let form = [
        ("patient_id", patient_id.as_str()),
        ("given_name", "Sam"),
        ("family_name", "Roy"),
        ("email", "Sam@Example.org"),
        ("language", "fr"),
        ("relationship", "helper"),
        ("messages", "on"),
    ];
    let asked = app.call("add_caregiver", &form, Some(&admin)).await;
    assert!(asked.status().is_success(), "{}", asked.status());
    let grant = app.count("SELECT MAX(id) FROM caregiver_grants").await.to_string();
    assert_eq!(
        app.text(&format!("SELECT status FROM caregiver_grants WHERE id = {grant}")).await,
        "awaiting"
    );
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM invitations WHERE grant_id = {grant}")).await, 0);
    assert_eq!(mails_of(&app, LEA, "caregiver-added").await, 0, "the patient is told once it is confirmed");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'caregiver.confirmation_asked'").await,
        1
    );
    let line = |file: serde_json::Value| file["caregivers"][0].clone();
    let seen_by_admin = line(
        app.call("patient_file", &[("patient_id", &patient_id)], Some(&admin)).await.json().await.unwrap(),
    );
    assert_eq!(
        (seen_by_admin["status"].as_str(), seen_by_admin["confirmable"].as_bool()),
        (Some("Awaiting"), Some(false))
    );
    let seen_by_jo =
        line(app.call("patient_file", &[("patient_id", &patient_id)], Some(&jo)).await.json().await.unwrap());
    assert_eq!(seen_by_jo["confirmable"], true);
    let (_, html) = app.page(&format!("/staff/patients/{patient_id}"), Some(&jo)).await;
    assert!(
        page_shows(&html, "fr", "caregiver-confirm") && page_shows(&html, "fr", "caregiver-awaiting-hint")
    );

    for (who, session) in [("the one who added it", &admin), ("the person it is for", &sam)] {
        let refused = app.call("confirm_caregiver", &[("grant_id", &grant)], Some(session)).await;
        assert_eq!(refusal(refused, StatusCode::CONFLICT).await.key, "error-caregiver-confirm-own", "{who}");
    }
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM invitations WHERE grant_id = {grant}")).await, 0);

    let confirmed = app.call("confirm_caregiver", &[("grant_id", &grant)], Some(&jo)).await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    let code = confirmed.json::<serde_json::Value>().await.unwrap()["code"].as_str().unwrap().to_string();
    let jo_id = app.number("SELECT id FROM accounts WHERE email = $1", "jo@example.org").await;
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM caregiver_grants WHERE id = {grant} AND status = 'invited' AND confirmed_by = {jo_id}")).await,
        1
    );
    assert_eq!(mails_of(&app, LEA, "caregiver-added").await, 1, "now the patient is told");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'caregiver.confirmed'").await, 1);
    let again = app.call("confirm_caregiver", &[("grant_id", &grant)], Some(&jo)).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND, "confirmed once");

    // Confirmed: Sam may now take it into his account.
    let token = latest_link_token(&app, "Sam@Example.org").await;
    let right = app.call("check_invitation_code", &[("token", &token), ("code", &code)], None).await;
    let pass = cookie_named(&right, "portail-invitation").unwrap();
    let joined =
        app.call("add_invitation_to_my_account", &[("token", &token)], Some(&format!("{sam}; {pass}"))).await;
    assert!(joined.status().is_success(), "{}", joined.status());

    // An invitation to another address, which a colleague who moved their staff account to it (by
    // the email change, as in the test above) would redeem: refused without a second staff
    // member's confirmation.
    let (_, code) =
        add_caregiver(&app, &admin, lea_id, "elsewhere@example.net", "helper", &["messages"], "fr").await;
    let token = latest_link_token(&app, "elsewhere@example.net").await;
    sqlx::query("UPDATE accounts SET email = 'elsewhere@example.net', email_key = 'elsewhere@example.net' WHERE id = $1")
        .bind(jo_id)
        .execute(&app.state.db)
        .await
        .unwrap();
    let right = app.call("check_invitation_code", &[("token", &token), ("code", &code)], None).await;
    let pass = cookie_named(&right, "portail-invitation").unwrap();
    let joined =
        app.call("add_invitation_to_my_account", &[("token", &token)], Some(&format!("{jo}; {pass}"))).await;
    assert_eq!(refusal(joined, StatusCode::CONFLICT).await.key, "error-caregiver-staff-unconfirmed");
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM caregiver_grants WHERE caregiver_account_id = {jo_id}"))
            .await,
        0
    );
}
