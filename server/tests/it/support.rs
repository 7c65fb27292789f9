//! The support desk: finds anyone of the organisation by name, email or date of birth, sees
//! personal data only, unlocks, sends reset instructions and new invitations; every view and action
//! is in the person's access log under the desk member's name.
use crate::common::*;
use reqwest::StatusCode;

const LEA: &str = "lea@example.org";

async fn search(app: &TestApp, desk: &str, q: &str) -> Vec<String> {
    let found = app.call("support_search", &[("q", q)], Some(desk)).await;
    assert_eq!(found.status(), StatusCode::OK);
    let found: serde_json::Value = found.json().await.unwrap();
    found.as_array().unwrap().iter().map(|l| l["email"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn the_desk_finds_people_sees_personal_data_only_and_unlocks_in_the_access_log() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let staff = marie.session_cookie();
    redeemed_patient(&app, &staff, LEA).await;
    let lea_id = app.number("SELECT id FROM accounts WHERE email = $1", LEA).await;
    // Noah is invited but has no account yet.
    let noah_form = [
        ("given_name", "Noah"),
        ("family_name", "Côté"),
        ("birth_date", "2001-09-30"),
        ("email", "noah@example.org"),
        ("language", "fr"),
        ("mobile", ""),
    ];
    marie.ok("invite_patient", &noah_form).await;
    let desk = member_session(&app, "sue.desk@example.org", 1, "support").await;

    assert_eq!(
        search(&app, &desk, "tremblay").await,
        vec![LEA, "marie.tremblay@example.org"],
        "by family name, then given name"
    );
    assert_eq!(search(&app, &desk, "LEA@EXAMPLE").await, vec![LEA]);
    assert_eq!(search(&app, &desk, "12/04/1990").await, vec![LEA], "date of birth, day first");
    assert_eq!(search(&app, &desk, "1990-04-12").await, vec![LEA]);
    assert_eq!(search(&app, &desk, "noah").await, vec!["noah@example.org"], "invited, no account yet");
    assert!(search(&app, &desk, "").await.is_empty());

    // Léa locked herself out; the desk sees it, unlocks her, and she is told.
    sqlx::query("UPDATE accounts SET locked_until = $1, failed_sign_ins = 10 WHERE id = $2")
        .bind(app::domain::store::now() + 3600)
        .bind(lea_id)
        .execute(&app.state.db)
        .await
        .unwrap();
    let record = |kind: &'static str, id: i64| {
        let desk = desk.clone();
        let app = &app;
        async move {
            let id = id.to_string();
            app.call("support_record", &[("kind", kind), ("id", &id)], Some(&desk)).await
        }
    };
    let seen: serde_json::Value = record("account", lea_id).await.json().await.unwrap();
    assert_eq!(seen["email"], LEA);
    assert_eq!(seen["birth_date"], "1990-04-12");
    assert!(seen["locked_until"].is_string());
    let mut fields: Vec<&str> = seen.as_object().unwrap().keys().map(String::as_str).collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "birth_date",
            "email",
            "home_phone",
            "invitation",
            "language",
            "last_sign_in",
            "locked_until",
            "mobile",
            "name",
            "only_here",
            "security_events",
            "staff",
            "status",
            "subject"
        ],
        "personal data only: nothing clinical is even sent"
    );
    let events = seen["security_events"].as_array().unwrap();
    assert!(events.iter().any(|e| e[1] == "account.created"), "{events:?}");
    assert!(events.iter().all(|e| !e[1].as_str().unwrap().starts_with("message")));

    let act = |kind: &'static str, id: i64, action: &'static str| {
        let desk = desk.clone();
        let app = &app;
        async move {
            let id = id.to_string();
            app.call("support_act", &[("kind", kind), ("id", &id), ("action", action)], Some(&desk)).await
        }
    };
    assert_eq!(act("account", lea_id, "unlock").await.status(), StatusCode::OK);
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM accounts WHERE id = {lea_id} AND locked_until IS NULL"))
            .await,
        1
    );
    assert_eq!(mails_of(&app, LEA, "unlocked").await, 1);
    assert_eq!(act("account", lea_id, "unlock").await.status(), StatusCode::CONFLICT, "not locked any more");
    assert_eq!(act("account", lea_id, "reset").await.status(), StatusCode::OK);
    await_mails(&app, LEA, "reset", 1).await;

    // Léa's access log shows each view and action under the desk member's name.
    let lea = app.visitor();
    lea.sign_in(LEA, PASSWORD).await;
    let log = lea.ok("my_access_log", &[("page", "1")]).await;
    let entries = log["entries"].as_array().unwrap();
    let by_desk = |action: &str| entries.iter().any(|e| e["action"] == action && e["actor"] == "Sam Roy");
    assert!(
        by_desk("support.viewed") && by_desk("support.unlocked") && by_desk("support.password_reset_sent"),
        "{entries:?}"
    );

    // A new invitation for Noah: the old code stops working, the new one is shown once.
    let noah = app.number("SELECT id FROM patients WHERE email = $1", "noah@example.org").await;
    let noah_record: serde_json::Value = record("patient", noah).await.json().await.unwrap();
    assert!(noah_record["invitation"]["Pending"].is_string(), "{noah_record}");
    let response = app
        .call(
            "support_act",
            &[("kind", "patient"), ("id", &noah.to_string()), ("action", "resend")],
            Some(&desk),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let issued = cookie_named(&response, "portail-issued").expect("the code goes to its page");
    let (status, page) = app.page("/staff/patients/code?lang=fr", Some(&format!("{desk}; {issued}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Noah Côté"), "{page}");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM invitations WHERE patient_id = {noah} AND status = 'replaced'"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn the_desk_sees_only_its_organisation_and_only_holders_reach_it() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (paul, _) = app.admin("paul.roy@example.org").await;
    redeemed_patient(&app, &paul.session_cookie(), LEA).await;
    let lea_id = app.number("SELECT id FROM accounts WHERE email = $1", LEA).await;
    let desk = member_session(&app, "sue.desk@example.org", 1, "support").await;
    assert!(search(&app, &desk, "lea").await.is_empty(), "Léa is Paul's organisation's patient");
    let other =
        app.call("support_record", &[("kind", "account"), ("id", &lea_id.to_string())], Some(&desk)).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let acted = app
        .call(
            "support_act",
            &[("kind", "account"), ("id", &lea_id.to_string()), ("action", "reset")],
            Some(&desk),
        )
        .await;
    assert_eq!(acted.status(), StatusCode::NOT_FOUND);
    assert_eq!(mails_of(&app, LEA, "reset").await, 0);

    // A professional without the service is refused; the administrator holds it in their bundle.
    let pro = member_session(&app, "pro@example.org", 1, "professional").await;
    assert_eq!(app.call("support_search", &[("q", "x")], Some(&pro)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(marie.call("support_search", &[("q", "x")]).await.status(), StatusCode::OK);
    let (status, page) = app.page("/staff/support?q=marie&lang=en", Some(&desk)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("marie.tremblay@example.org") && page_shows(&page, "en", "support-intro"));
}

#[tokio::test]
async fn the_desk_deactivates_an_account_reported_as_used_by_someone_else_and_gives_it_back() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let staff = marie.session_cookie();
    let (code, _) = invite(&app, &staff, LEA).await;
    let lea = app.redeem(LEA, &code).await;
    let lea_id = app.number("SELECT id FROM accounts WHERE email = $1", LEA).await.to_string();
    let marie_id = app.number("SELECT id FROM accounts WHERE email = $1", "marie.tremblay@example.org").await;
    let desk = member_session(&app, "sue.desk@example.org", 1, "support").await;
    let act = |id: String, action: &'static str| {
        let (app, desk) = (&app, desk.clone());
        async move {
            app.call("support_act", &[("kind", "account"), ("id", &id), ("action", action)], Some(&desk))
                .await
        }
    };
    let record: serde_json::Value = app
        .call("support_record", &[("kind", "account"), ("id", &lea_id)], Some(&desk))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((record["status"].as_str(), record["staff"].as_bool()), (Some("active"), Some(false)));

    // Deactivated: her session ends, she cannot sign in, she is told; audited under the desk.
    assert_eq!(act(lea_id.clone(), "deactivate").await.status(), StatusCode::OK);
    assert_eq!(
        app.call("my_conversations", &[], Some(&lea)).await.status(),
        StatusCode::UNAUTHORIZED,
        "the session ended"
    );
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE id = {lea_id}")).await, "suspended");
    assert!(app.sign_in_password(LEA, PASSWORD).await.is_none(), "no sign-in");
    let (subject, body) = mail(&app, LEA, "desk-deactivated").await;
    assert!(subject.contains(&text("en", "mail-desk-deactivated-subject")), "{subject}");
    assert!(body.contains("Hello Léa"), "{body}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'support.account_deactivated'").await,
        1
    );
    let again = refusal(act(lea_id.clone(), "deactivate").await, StatusCode::CONFLICT).await;
    assert_eq!(again.key, "error-not-active");

    // A staff account is its administrators' to suspend, not the desk's.
    let refused = refusal(act(marie_id.to_string(), "deactivate").await, StatusCode::CONFLICT).await;
    assert_eq!(refused.key, "error-deactivate-staff");
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE id = {marie_id}")).await, "active");

    // Given back once she is identified: mailed, audited, she signs in again.
    assert_eq!(act(lea_id.clone(), "reactivate").await.status(), StatusCode::OK);
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE id = {lea_id}")).await, "active");
    mail(&app, LEA, "desk-reactivated").await;
    assert!(app.sign_in_password(LEA, PASSWORD).await.is_some());
    let twice = refusal(act(lea_id, "reactivate").await, StatusCode::CONFLICT).await;
    assert_eq!(twice.key, "error-not-suspended");
}
