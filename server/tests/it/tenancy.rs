//! The organisation is a wall: nobody joins a staff without accepting, a person in two
//! organisations works in the one they chose, an administrator acts on the membership in their own
//! organisation (the whole account only when it belongs there alone), and care teams,
//! conversations and the support desk stay inside their organisation (the database too).
use crate::common::actor::Actor;
use crate::common::*;
use reqwest::StatusCode;

const MARIE: &str = "marie.tremblay@example.org";
const PAUL: &str = "paul.roy@example.org";

/// Two organisations: Marie administers A (id 1), Paul administers B (id 2); both signed in.
async fn two_clinics(app: &TestApp) -> (Actor<'_>, Actor<'_>, i64, i64) {
    let (marie, _) = app.admin(MARIE).await;
    let (paul, _) = app.admin(PAUL).await;
    sqlx::query("UPDATE organisations SET name = 'Clinique B' WHERE id = 2")
        .execute(&app.state.db)
        .await
        .unwrap();
    sqlx::query("UPDATE organisations SET name = 'Clinique A' WHERE id = 1")
        .execute(&app.state.db)
        .await
        .unwrap();
    let marie_id = app.number("SELECT id FROM accounts WHERE email = $1", MARIE).await;
    let paul_id = app.number("SELECT id FROM accounts WHERE email = $1", PAUL).await;
    (marie, paul, marie_id, paul_id)
}

async fn ask(marie: &Actor<'_>, email: &str) -> reqwest::Response {
    marie
        .submit(
            "add_existing_staff",
            &[("email", email), ("shown", "on"), ("messaging", "on")],
            "/staff/team?existing=yes",
        )
        .await
}

async fn memberships_in(app: &TestApp, account_id: i64, organisation_id: i64) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM memberships WHERE account_id = {account_id} AND organisation_id = {organisation_id}"
    ))
    .await
}

#[tokio::test]
async fn an_administrator_cannot_take_over_another_organisations_administrator() {
    let app = spawn().await;
    let (marie, paul, _, paul_id) = two_clinics(&app).await;
    let lea = app.visitor();
    lea.redeem(&marie.invite_patient("lea@example.org", "fr").await).await;

    // Paul (an account, administrator of B), an unknown address and a patient: the same answer,
    // nothing joined.
    let mut answers = Vec::new();
    for email in [PAUL, "personne@example.org", "lea@example.org"] {
        let asked = ask(&marie, email).await;
        answers.push((asked.status(), location(&asked)));
    }
    assert!(
        answers.iter().all(|a| *a == (StatusCode::FOUND, "/staff/team?done=asked".to_string())),
        "{answers:?}"
    );
    let (_, page) = marie.page("/staff/team?done=asked").await;
    assert!(page_shows(&page, "fr", "team-existing-asked"), "{page}");
    assert_eq!(memberships_in(&app, paul_id, 1).await, 0, "Paul is not on A's staff before he accepts");
    let waiting = marie.ok("waiting_staff", &[]).await;
    assert_eq!(waiting.as_array().unwrap().len(), 3, "every address asked waits: {waiting}");
    let (_, page) = marie.page("/staff/team").await;
    assert!(shows(&page, "personne@example.org") && page_shows(&page, "fr", "team-waiting-title"), "{page}");
    // Only an existing account is told; its mail leads to where it answers.
    let (subject, body) = mail(&app, PAUL, "join-asked").await;
    assert_eq!(subject, text("fr", "mail-join-asked-subject"));
    assert!(body.contains("/account/organisations") && body.contains("Clinique A"), "{body}");
    assert_eq!(mails_of(&app, "personne@example.org", "join-asked").await, 0);

    // Marie cannot reach Paul: not her staff until he accepts.
    let paul_id_text = paul_id.to_string();
    assert_eq!(
        marie.call("staff_person", &[("account_id", &paul_id_text)]).await.status(),
        StatusCode::NOT_FOUND
    );
    for action in ["suspend", "reset", "reset-sign-in", "unlock", "remove", "make-admin"] {
        let acted = marie.call("act_on_staff", &[("account_id", &paul_id_text), ("action", action)]).await;
        assert_eq!(acted.status(), StatusCode::NOT_FOUND, "{action}");
    }
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE id = {paul_id}")).await, "active");

    // Paul accepts while signed in; Léa's request cannot be answered by anyone else.
    let mine = paul.ok("my_organisations", &[]).await;
    let request = mine["requests"][0]["id"].as_i64().unwrap().to_string();
    assert_eq!(mine["requests"][0]["organisation"], "Clinique A");
    let leas =
        app.count("SELECT id FROM staff_invitations WHERE email = 'lea@example.org'").await.to_string();
    assert_eq!(
        paul.call("answer_join_request", &[("id", &leas), ("answer", "accept")]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        memberships_in(
            &app,
            app.number("SELECT id FROM accounts WHERE email = $1", "lea@example.org").await,
            1
        )
        .await,
        1,
        "Léa is still only a patient"
    );
    let accepted = paul
        .submit("answer_join_request", &[("id", &request), ("answer", "accept")], "/account/organisations")
        .await;
    assert_eq!(location(&accepted), "/account/organisations?done=accepted");
    assert_eq!(memberships_in(&app, paul_id, 1).await, 1);
    assert!(marie.ok("waiting_staff", &[]).await.as_array().unwrap().iter().all(|w| w["email"] != PAUL));

    // Working in two organisations: nothing is picked for him.
    let unchosen = refusal(paul.call("list_staff", &[]).await, StatusCode::CONFLICT).await;
    assert_eq!(unchosen.key, "error-choose-organisation");
    let home = paul.ok("staff_home", &[]).await;
    assert_eq!(home["roles"].as_array().unwrap().len(), 2);
    assert!(home["working_in"].is_null());
    let (_, page) = paul.page("/staff").await;
    assert!(
        page_shows(&page, "fr", "workplace-choose-hint") && page.contains("action=\"/api/work_in\""),
        "{page}"
    );

    // He works in B: B's staff only. Then in A, where he holds messaging only.
    let switched = paul.submit("work_in", &[("organisation_id", "2")], "/staff").await;
    assert_eq!(location(&switched), "/staff");
    let staff_b = paul.ok("list_staff", &[]).await;
    let emails: Vec<&str> =
        staff_b["lines"].as_array().unwrap().iter().map(|l| l["email"].as_str().unwrap()).collect();
    assert_eq!(emails, [PAUL]);
    paul.ok("work_in", &[("organisation_id", "1")]).await;
    assert_eq!(
        paul.call("list_staff", &[]).await.status(),
        StatusCode::FORBIDDEN,
        "not an administrator in A"
    );
    paul.ok("team_inbox", &[]).await;
    assert_eq!(paul.ok("staff_home", &[]).await["working_in"], 1);
    // Nobody switches into an organisation that is not theirs.
    assert_eq!(marie.call("work_in", &[("organisation_id", "2")]).await.status(), StatusCode::NOT_FOUND);

    // Marie acts on his membership in A only: suspended here, he keeps B and his session.
    let person = marie.ok("staff_person", &[("account_id", &paul_id_text)]).await;
    assert_eq!(person["only_here"], false);
    let (_, page) = marie.page(&format!("/staff/team/{paul_id}")).await;
    assert!(page_shows(&page, "fr", "person-account-shared") && !page.contains("confirm=reset"), "{page}");
    for action in ["reset", "reset-sign-in", "unlock"] {
        let refused = refusal(
            marie.call("act_on_staff", &[("account_id", &paul_id_text), ("action", action)]).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(refused.key, "error-account-shared", "{action}");
    }
    let intact = format!(
        "SELECT COUNT(*) FROM accounts WHERE id = {paul_id} AND status = 'active' AND password_hash IS NOT NULL"
    );
    assert_eq!(app.count(&intact).await, 1, "his way in untouched by A");
    marie.ok("act_on_staff", &[("account_id", &paul_id_text), ("action", "suspend")]).await;
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE id = {paul_id}")).await, "active");
    assert_eq!(marie.ok("staff_person", &[("account_id", &paul_id_text)]).await["state"], "Suspended");
    assert!(!paul.ok("me", &[]).await.is_null(), "his session goes on");
    assert_eq!(paul.call("work_in", &[("organisation_id", "1")]).await.status(), StatusCode::NOT_FOUND);
    let staff_b = paul.ok("list_staff", &[]).await;
    assert_eq!(staff_b["lines"][0]["email"], PAUL, "B keeps its administrator, who works there");
    assert_eq!(paul.ok("staff_home", &[]).await["working_in"], 2);
    // Reactivated in A, he may choose it again.
    marie.ok("act_on_staff", &[("account_id", &paul_id_text), ("action", "reactivate")]).await;
    paul.ok("work_in", &[("organisation_id", "1")]).await;
    paul.ok("team_inbox", &[]).await;

    // He leaves A himself; B keeps him, and B's last administrator may not leave.
    let left = paul.submit("leave_organisation", &[("organisation_id", "1")], "/account/organisations").await;
    assert_eq!(location(&left), "/account/organisations?done=left");
    assert_eq!(memberships_in(&app, paul_id, 1).await, 0);
    let last =
        refusal(paul.call("leave_organisation", &[("organisation_id", "2")]).await, StatusCode::CONFLICT)
            .await;
    assert_eq!(last.key, "error-last-administrator");
    paul.ok("list_staff", &[]).await;
}

#[tokio::test]
async fn a_request_to_join_is_declined_withdrawn_or_needs_an_authenticator() {
    let app = spawn().await;
    let (marie, paul, _, paul_id) = two_clinics(&app).await;
    let lea = app.visitor();
    lea.redeem(&marie.invite_patient("lea@example.org", "fr").await).await;

    // Declined: nothing changes, and the request no longer waits.
    ask(&marie, PAUL).await;
    let id = app.count("SELECT MAX(id) FROM staff_invitations").await.to_string();
    paul.ok("answer_join_request", &[("id", &id), ("answer", "decline")]).await;
    assert_eq!(memberships_in(&app, paul_id, 1).await, 0);
    assert!(marie.ok("waiting_staff", &[]).await.as_array().unwrap().is_empty());
    assert_eq!(
        paul.call("answer_join_request", &[("id", &id), ("answer", "accept")]).await.status(),
        StatusCode::NOT_FOUND
    );

    // Withdrawn by the administrator before the answer.
    ask(&marie, PAUL).await;
    let id = app.count("SELECT MAX(id) FROM staff_invitations").await.to_string();
    marie.ok("withdraw_staff_request", &[("id", &id)]).await;
    assert_eq!(
        paul.call("answer_join_request", &[("id", &id), ("answer", "accept")]).await.status(),
        StatusCode::NOT_FOUND
    );
    // Another organisation cannot withdraw A's requests.
    ask(&marie, PAUL).await;
    let id = app.count("SELECT MAX(id) FROM staff_invitations").await.to_string();
    assert_eq!(paul.call("withdraw_staff_request", &[("id", &id)]).await.status(), StatusCode::NOT_FOUND);

    // Léa, a patient who signs in with emailed codes, needs an authenticator app first.
    let lea_asked = ask(&marie, "lea@example.org").await;
    assert_eq!(lea_asked.status(), StatusCode::FOUND);
    let id = app.count("SELECT MAX(id) FROM staff_invitations").await.to_string();
    let refused = refusal(
        lea.call("answer_join_request", &[("id", &id), ("answer", "accept")]).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(refused.key, "error-join-needs-authenticator");
    let (_, page) = lea.page("/account/organisations").await;
    assert!(page_shows(&page, "fr", "organisations-request-intro") || page.contains("Clinique A"), "{page}");
    assert!(page_shows(&page, "fr", "organisations-patient"), "{page}");

    // Missing fields are the form's own refusals.
    let missing = refusal(
        marie.call("add_existing_staff", &[("shown", "on"), ("messaging", "on")]).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!((missing.key.as_str(), missing.field.as_deref()), ("error-email-invalid", Some("email")));
    let none = refusal(
        marie.call("add_existing_staff", &[("email", PAUL), ("shown", "on")]).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!((none.key.as_str(), none.kept("email")), ("error-services-required", Some(PAUL)));
}

#[tokio::test]
async fn care_teams_and_conversations_stay_in_their_organisation() {
    let app = spawn().await;
    let (marie, paul, _, _) = two_clinics(&app).await;
    marie.invite_patient("lea@example.org", "fr").await;
    let lea_id = app.count("SELECT MAX(id) FROM patients").await;
    paul.ok("create_team", &[("name", "Cardiologie B")]).await;
    let team_b = app.count("SELECT MAX(id) FROM care_teams").await;

    // Paul's team cannot follow A's patient, through the functions or straight in the database.
    let form =
        [("patient_id", lea_id.to_string()), ("team_id", team_b.to_string()), ("follows", "on".into())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(paul.call("set_patient_team", &form).await.status(), StatusCode::BAD_REQUEST);
    let direct =
        sqlx::query("INSERT INTO patient_teams (patient_id, team_id, created_at) VALUES ($1, $2, 0)")
            .bind(lea_id)
            .bind(team_b)
            .execute(&app.state.db)
            .await;
    assert!(direct.is_err(), "the database refuses a team following another organisation's patient");
    let conversation = sqlx::query(
        "INSERT INTO conversations (organisation_id, team_id, patient_id, subject, created_at, last_message_at)
         VALUES (2, $1, $2, 'x', 0, 0)",
    )
    .bind(team_b)
    .bind(lea_id)
    .execute(&app.state.db)
    .await;
    assert!(conversation.is_err(), "nor a conversation between B's team and A's patient");
    let start = [
        ("patient_id", lea_id.to_string()),
        ("team_id", team_b.to_string()),
        ("subject", "x".into()),
        ("body", "y".into()),
    ];
    let start: Vec<(&str, &str)> = start.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(paul.call("start_conversation", &start).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.count("SELECT COUNT(*) FROM conversations").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM patient_teams").await, 0);

    // A's own team may.
    marie.ok("create_team", &[("name", "Cardiologie A")]).await;
    let team_a = app.count("SELECT MAX(id) FROM care_teams").await;
    sqlx::query("INSERT INTO patient_teams (patient_id, team_id, created_at) VALUES ($1, $2, 0)")
        .bind(lea_id)
        .bind(team_a)
        .execute(&app.state.db)
        .await
        .expect("a team follows its own organisation's patient");
}

#[tokio::test]
async fn the_support_desk_of_one_organisation_sees_nothing_of_another() {
    let app = spawn().await;
    let (marie, paul, _, paul_id) = two_clinics(&app).await;
    let lea = app.visitor();
    lea.redeem(&paul.invite_patient("lea.b@example.org", "fr").await).await;
    let lea_b = app.number("SELECT id FROM accounts WHERE email = $1", "lea.b@example.org").await;

    // A's desk (Marie holds every service) finds nobody of B.
    let found = marie.ok("support_search", &[("q", "Tremblay")]).await;
    assert!(
        found.as_array().unwrap().iter().all(|f| f["email"] != "lea.b@example.org" && f["email"] != PAUL),
        "{found}"
    );
    for id in [lea_b, paul_id] {
        let record = marie.call("support_record", &[("kind", "account"), ("id", &id.to_string())]).await;
        assert_eq!(record.status(), StatusCode::NOT_FOUND);
    }

    // Paul joins A: A's desk sees him, but neither B's events nor his account-wide sign-ins.
    ask(&marie, PAUL).await;
    let id = app.count("SELECT MAX(id) FROM staff_invitations").await.to_string();
    paul.ok("answer_join_request", &[("id", &id), ("answer", "accept")]).await;
    let record = marie.ok("support_record", &[("kind", "account"), ("id", &paul_id.to_string())]).await;
    assert_eq!(record["only_here"], false);
    let (_, page) = marie.page(&format!("/staff/support/account/{paul_id}")).await;
    assert!(page_shows(&page, "fr", "support-account-shared"), "{page}");
    let events = record["security_events"].as_array().unwrap();
    assert!(events.iter().all(|e| !e.to_string().contains("setup")), "B's events stay in B: {record}");
    let unlock = marie
        .call("support_act", &[("kind", "account"), ("id", &paul_id.to_string()), ("action", "reset")])
        .await;
    assert_eq!(refusal(unlock, StatusCode::CONFLICT).await.key, "error-account-shared");

    // Each overview counts its own organisation's mail queue: B's invitation to Léa is not A's,
    // and the code Léa is mailed to sign in is nobody's organisation's.
    lea.sign_in("lea.b@example.org", PASSWORD).await;
    let pending = |organisation: i64| {
        format!("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND organisation_id = {organisation}")
    };
    let (a, b) = (app.count(&pending(1)).await, app.count(&pending(2)).await);
    assert!(a > 0 && b > 0);
    assert_eq!(marie.ok("organisation_overview", &[]).await["mail_waiting"], a);
    paul.ok("work_in", &[("organisation_id", "2")]).await;
    assert_eq!(paul.ok("organisation_overview", &[]).await["mail_waiting"], b);
    let everything = app.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").await;
    assert_eq!(a + b + 1, everything, "the sign-in code is nobody's organisation's");
}

#[tokio::test]
async fn a_request_to_join_waits_five_days() {
    use app::domain::organisation::staff_invitation;
    use app::domain::{Ctx, DomainError};
    let app = spawn().await;
    let (marie, _paul, _, paul_id) = two_clinics(&app).await;
    ask(&marie, PAUL).await;
    let created = app.count("SELECT created_at FROM staff_invitations").await;
    let id = app.count("SELECT id FROM staff_invitations").await;
    let waiting = |at: i64| staff_invitation::for_account(&app.state.db, paul_id, at);
    assert_eq!(waiting(created + 431_999).await.unwrap().len(), 1, "5 days less a second: still waiting");
    assert!(waiting(created + 432_000).await.unwrap().is_empty(), "5 days: gone");
    let late = Ctx::system(&app.state.db, created + 432_000).by(paul_id);
    assert!(matches!(staff_invitation::answer(&late, paul_id, id, true).await, Err(DomainError::NotFound)));
    assert!(staff_invitation::waiting(&app.state.db, 1, created + 432_000).await.unwrap().is_empty());
    let in_time = Ctx::system(&app.state.db, created + 431_999).by(paul_id);
    staff_invitation::answer(&in_time, paul_id, id, true).await.unwrap();
    assert_eq!(memberships_in(&app, paul_id, 1).await, 1);
}

/// A care team of the organisation `admin` works in, with `admin` in it, following `patient_id`;
/// then a first message to the patient with `subject`.
async fn write_first(admin: &Actor<'_>, team: &str, admin_id: i64, patient_id: i64, subject: &str) {
    admin.ok("create_team", &[("name", team), ("replies_by_default", "on")]).await;
    let teams = admin.ok("list_teams", &[]).await;
    let team_id = teams.as_array().unwrap().iter().find(|t| t["name"] == team).unwrap()["id"].to_string();
    admin.ok("team_member", &[("id", &team_id), ("account_id", &admin_id.to_string()), ("add", "on")]).await;
    let patient = patient_id.to_string();
    admin.ok("set_patient_team", &[("patient_id", &patient), ("team_id", &team_id), ("follows", "on")]).await;
    let form =
        [("patient_id", patient.as_str()), ("team_id", &team_id), ("subject", subject), ("body", "Bonjour")];
    let started = admin.app.send_files("start_conversation", &form, &[], &admin.session_cookie()).await;
    assert!(started.status().is_success(), "{:?}", started.text().await);
}

/// Léa, invited by Marie in A with her account, and B's record of her on the same account (as
/// joining B's invitation with her account leaves it): Léa, and her patient ids in A and in B.
async fn patient_of_both<'a>(app: &'a TestApp, marie: &Actor<'_>) -> (Actor<'a>, i64, i64) {
    let lea = app.visitor();
    lea.redeem(&marie.invite_patient("lea@example.org", "fr").await).await;
    let lea_account = app.number("SELECT id FROM accounts WHERE email = $1", "lea@example.org").await;
    let in_a = app.count("SELECT MAX(id) FROM patients").await;
    sqlx::query(
        "INSERT INTO patients (organisation_id, account_id, given_name, family_name, birth_date, email, email_key, created_at)
         VALUES (2, $1, 'Léa', 'Tremblay', '1990-04-12', 'lea@example.org', 'lea@example.org', 0)",
    )
    .bind(lea_account)
    .execute(&app.state.db)
    .await
    .unwrap();
    let in_b = app.count("SELECT MAX(id) FROM patients").await;
    (lea, in_a, in_b)
}

#[tokio::test]
async fn a_patient_of_two_organisations_sees_each_apart() {
    let app = spawn().await;
    let (marie, paul, marie_id, paul_id) = two_clinics(&app).await;
    let (lea, in_a, in_b) = patient_of_both(&app, &marie).await;
    write_first(&marie, "Cardiologie A", marie_id, in_a, "Résultats de la clinique A").await;
    write_first(&paul, "Cardiologie B", paul_id, in_b, "Rendez-vous à la clinique B").await;

    // Her list says where each conversation is; her home groups them by organisation.
    let mine = lea.ok("my_conversations", &[]).await;
    let lines = mine["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let expected = if line["subject"].as_str().unwrap().contains("clinique A") {
            "Clinique A"
        } else {
            "Clinique B"
        };
        assert_eq!(line["organisation"], expected, "{line}");
    }
    let (_, home) = lea.page("/home").await;
    let (a, b) = (home.find("<h3>Clinique A</h3>").unwrap(), home.find("<h3>Clinique B</h3>").unwrap());
    let (subject_a, subject_b) =
        (home.find("Résultats de la clinique A").unwrap(), home.find("Rendez-vous à la clinique B").unwrap());
    assert!(
        (a < subject_a) && (b < subject_b) && ((subject_a < b) == (a < b)),
        "each under its organisation: {home}"
    );

    // Each organisation's staff see their own record only, and the conversations of their own team.
    let a_file = marie.ok("patient_file", &[("patient_id", &in_a.to_string())]).await;
    assert!(a_file.to_string().contains("lea@example.org"));
    assert_eq!(
        marie.call("patient_file", &[("patient_id", &in_b.to_string())]).await.status(),
        StatusCode::NOT_FOUND
    );
    let inbox_a = marie.ok("team_inbox", &[]).await.to_string();
    assert!(inbox_a.contains("clinique A") && !inbox_a.contains("clinique B"), "{inbox_a}");
}

#[tokio::test]
async fn a_person_of_two_organisations_in_two_time_zones_is_locked_until_midnight_in_both() {
    let app = spawn().await;
    let (marie, _paul, _, _) = two_clinics(&app).await;
    sqlx::query("UPDATE organisations SET timezone = 'America/Vancouver' WHERE id = 2")
        .execute(&app.state.db)
        .await
        .unwrap();
    // A patient in Montréal (A) and in Vancouver (B).
    patient_of_both(&app, &marie).await;
    let lea_account = app.number("SELECT id FROM accounts WHERE email = $1", "lea@example.org").await;
    for _ in 0..10 {
        assert!(app.sign_in_password("lea@example.org", "not the right password").await.is_none());
    }
    let now = app::domain::store::now();
    let locked_until =
        app.count(&format!("SELECT locked_until FROM accounts WHERE id = {lea_account}")).await;
    use app::domain::identity::lock::next_local_midnight;
    let (montreal, vancouver) =
        (next_local_midnight(now, "America/Montreal"), next_local_midnight(now, "America/Vancouver"));
    assert_eq!(locked_until, montreal.max(vancouver), "until it is the next day in both organisations");
    assert_ne!(montreal, vancouver);
}
