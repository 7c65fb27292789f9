//! An administrator and their staff's accounts: suspend and reactivate, unlock, password reset,
//! make an administrator or end it, remove from the organisation, and the organisation never left
//! without an active administrator — on both databases.
use crate::common::actor::Actor;
use crate::common::*;
use reqwest::StatusCode;

const ANNE: &str = "anne.roy@example.org";

/// Anne Roy, a professional the administrator added (mails in English), signed in; her account id
/// and authenticator secret.
async fn professional<'a>(app: &'a TestApp, admin: &Actor<'_>) -> (Actor<'a>, i64, String) {
    let form =
        [("title", ""), ("given_name", "Anne"), ("family_name", "Roy"), ("email", ANNE), ("language", "en")];
    let code = admin.ok("add_professional", &form).await["code"].as_str().unwrap().to_string();
    let (_, body) = latest_mail(app, ANNE).await;
    let anne = app.visitor();
    let secret = anne.activate_with_code(&link_token(&body, "/setup/"), &code).await;
    let id = app.number("SELECT id FROM accounts WHERE email = $1", ANNE).await;
    (anne, id, secret)
}

async fn act(admin: &Actor<'_>, id: i64, action: &str) -> reqwest::Response {
    admin.call("act_on_staff", &[("account_id", &id.to_string()), ("action", action)]).await
}

/// Signs `actor` in again with the current authenticator code (each code works once: the step
/// used at activation is forgotten first, as if the next 30 seconds had come).
async fn sign_in_again(app: &TestApp, actor: &Actor<'_>, email: &str) {
    sqlx::query("UPDATE accounts SET totp_last_step = NULL WHERE email = $1")
        .bind(email)
        .execute(&app.state.db)
        .await
        .unwrap();
    let sealed = app.text(&format!("SELECT totp_secret FROM accounts WHERE email = '{email}'")).await;
    let id = app.count(&format!("SELECT id FROM accounts WHERE email = '{email}'")).await;
    let secret =
        test_keys().open(&app::domain::sealing::totp_binding(id), &sealed).expect("sealed with the test key");
    actor.ok("sign_in", &[("email", email), ("password", PASSWORD)]).await;
    actor.ok("verify_sign_in", &[("code", &current_totp(&secret))]).await;
}

async fn signed_in(actor: &Actor<'_>) -> bool {
    !actor.ok("me", &[]).await.is_null()
}

#[tokio::test]
async fn a_suspended_professional_is_signed_out_and_cannot_sign_in_until_reactivated() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let (anne, id, secret) = professional(&app, &admin).await;
    assert!(signed_in(&anne).await);
    // Every staff member sees whom to ask: the organisation's active administrators.
    let administrators = anne.ok("my_administrators", &[]).await;
    assert_eq!(administrators, serde_json::json!([["Marie Tremblay", "marie.tremblay@example.org"]]));

    assert_eq!(act(&admin, id, "suspend").await.status(), StatusCode::OK);
    assert!(!signed_in(&anne).await, "her session ended at once");
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE id = {id}")).await, "suspended");
    let (subject, _) = mail(&app, ANNE, "suspended").await;
    assert_eq!(subject, text("en", "mail-suspended-subject"), "told in her language");
    let by_admin = "SELECT COUNT(*) FROM audit_events e JOIN accounts a ON a.id = e.actor_id
                    WHERE e.action = 'account.suspended' AND a.email = 'marie.tremblay@example.org'";
    assert_eq!(app.count(by_admin).await, 1, "recorded under the administrator");
    let person = admin.ok("staff_person", &[("account_id", &id.to_string())]).await;
    assert_eq!(person["state"], "Suspended");

    // Her right password is told the account is suspended; a wrong one learns nothing.
    let right = app.call("sign_in", &[("email", ANNE), ("password", PASSWORD)], None).await;
    assert_eq!(error_key(right).await["key"], "error-account-suspended");
    let wrong = app.call("sign_in", &[("email", ANNE), ("password", "not her password")], None).await;
    assert_eq!(error_key(wrong).await["key"], "error-credentials");
    assert_eq!(error_key(act(&admin, id, "suspend").await).await["key"], "error-not-active");

    assert_eq!(act(&admin, id, "reactivate").await.status(), StatusCode::OK);
    mail(&app, ANNE, "reactivated").await;
    sign_in_again(&app, &anne, ANNE).await;
    assert!(signed_in(&anne).await, "she signs in again");
    let _ = secret;
    assert_eq!(error_key(act(&admin, id, "reactivate").await).await["key"], "error-not-suspended");
}

#[tokio::test]
async fn unlock_and_password_reset_are_mailed_and_a_reset_ends_the_sessions() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let (anne, id, _) = professional(&app, &admin).await;
    let later = app::domain::store::now() + 3600;
    sqlx::query(&format!("UPDATE accounts SET locked_until = {later}, failed_sign_ins = 0 WHERE id = {id}"))
        .execute(&app.state.db)
        .await
        .unwrap();
    let person = admin.ok("staff_person", &[("account_id", &id.to_string())]).await;
    assert!(person["state"]["LockedUntil"].is_string(), "{person}");

    assert_eq!(act(&admin, id, "unlock").await.status(), StatusCode::OK);
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM accounts WHERE id = {id} AND locked_until IS NULL")).await,
        1
    );
    mail(&app, ANNE, "unlocked").await;
    assert_eq!(error_key(act(&admin, id, "unlock").await).await["key"], "error-not-locked");

    assert!(signed_in(&anne).await);
    assert_eq!(act(&admin, id, "reset").await.status(), StatusCode::OK);
    assert!(!signed_in(&anne).await, "a reset ends her sessions");
    let (_, body) = mail(&app, ANNE, "reset").await;
    assert!(body.contains("/reset-password/"), "the link goes to her, never to the administrator");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'account.password_reset_sent'").await,
        1
    );
    assert_eq!(error_key(act(&admin, id, "explode").await).await["key"], "error-request-invalid");
}

#[tokio::test]
async fn the_last_active_administrator_is_never_suspended_even_by_two_at_once() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let marie_id = app.number("SELECT id FROM accounts WHERE email = $1", "marie.tremblay@example.org").await;
    assert_eq!(error_key(act(&marie, marie_id, "suspend").await).await["key"], "error-last-administrator");

    // Anne becomes a second administrator; then each suspends the other at the same moment.
    let (anne, anne_id, secret) = professional(&app, &marie).await;
    let organisation =
        app.count(&format!("SELECT organisation_id FROM memberships WHERE account_id = {marie_id}")).await;
    assert_eq!(act(&marie, anne_id, "make-admin").await.status(), StatusCode::OK);
    for round in 0..5 {
        let (a, b) = tokio::join!(act(&marie, anne_id, "suspend"), act(&anne, marie_id, "suspend"));
        let statuses = [a.status(), b.status()];
        assert_eq!(
            statuses.iter().filter(|s| **s == StatusCode::OK).count(),
            1,
            "round {round}: {statuses:?}"
        );
        let active_admins = app
            .count(&format!(
                "SELECT COUNT(*) FROM memberships m JOIN accounts a ON a.id = m.account_id
                 WHERE m.organisation_id = {organisation} AND m.role = 'admin' AND a.status = 'active'"
            ))
            .await;
        assert_eq!(active_admins, 1, "round {round}");
        // The one left reactivates the other, who signs in again for the next round.
        let (left, suspended, again, email) = if a.status() == StatusCode::OK {
            (&marie, anne_id, &anne, ANNE)
        } else {
            (&anne, marie_id, &marie, "marie.tremblay@example.org")
        };
        assert_eq!(act(left, suspended, "reactivate").await.status(), StatusCode::OK);
        sign_in_again(&app, again, email).await;
    }
    let _ = secret;
}

#[tokio::test]
async fn only_the_organisations_administrators_see_and_act() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let (anne, anne_id, _) = professional(&app, &admin).await;
    let admin_id = app.number("SELECT id FROM accounts WHERE email = $1", "marie.tremblay@example.org").await;
    let before = app.count("SELECT COUNT(*) FROM audit_events").await;

    let forbidden = anne.call("staff_person", &[("account_id", &admin_id.to_string())]).await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN, "a professional");
    assert_eq!(act(&anne, admin_id, "suspend").await.status(), StatusCode::FORBIDDEN);
    let (other, _) = app.admin("paul.roy@example.org").await;
    let hidden = other.call("staff_person", &[("account_id", &anne_id.to_string())]).await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND, "another organisation's administrator");
    for action in ["suspend", "unlock", "reset", "reactivate", "make-admin", "end-admin", "remove"] {
        assert_eq!(act(&other, anne_id, action).await.status(), StatusCode::NOT_FOUND, "{action}");
        assert_eq!(act(&anne, admin_id, action).await.status(), StatusCode::FORBIDDEN, "{action}");
    }
    assert!(app.count("SELECT COUNT(*) FROM audit_events").await > before, "paul's own setup was recorded");
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE id = {anne_id}")).await, "active");
    let actions = "SELECT COUNT(*) FROM audit_events WHERE action IN
                   ('account.suspended', 'account.unlocked', 'account.reactivated', 'account.password_reset_sent',
                    'account.made_administrator', 'account.administrator_ended', 'account.removed_from_organisation')";
    assert_eq!(app.count(actions).await, 0, "nothing was done");
}

#[tokio::test]
async fn without_javascript_the_confirmed_action_comes_back_to_the_page_saying_what_was_done() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let (_anne, id, _) = professional(&app, &admin).await;
    let page = format!("/staff/team/{id}");
    let (status, html) = admin.page(&format!("{page}?confirm=suspend")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&text("fr", "person-suspend-confirm")), "the confirmation is asked first");
    let response =
        admin.submit("act_on_staff", &[("account_id", &id.to_string()), ("action", "suspend")], &page).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), format!("{page}?done=suspended"));
    let (_, html) = admin.page(&location(&response)).await;
    assert!(html.contains(&text("fr", "person-done-suspended")));
    assert!(html.contains(&text("fr", "person-state-suspended")));
}

/// The organisation's active administrators.
async fn active_administrators(app: &TestApp) -> i64 {
    app.count(
        "SELECT COUNT(*) FROM memberships m JOIN accounts a ON a.id = m.account_id
         WHERE m.role = 'admin' AND a.status = 'active'",
    )
    .await
}

#[tokio::test]
async fn an_administrator_is_made_and_ended_told_each_time_and_the_last_one_stays() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let marie_id = app.number("SELECT id FROM accounts WHERE email = $1", "marie.tremblay@example.org").await;
    let (anne, anne_id, _) = professional(&app, &marie).await;
    assert_eq!(anne.call("list_staff", &[]).await.status(), StatusCode::FORBIDDEN);
    // Alone, Marie can neither end her own administration nor leave.
    for action in ["end-admin", "remove"] {
        assert_eq!(error_key(act(&marie, marie_id, action).await).await["key"], "error-last-administrator");
    }
    assert_eq!(error_key(act(&marie, anne_id, "end-admin").await).await["key"], "error-not-administrator");

    assert_eq!(act(&marie, anne_id, "make-admin").await.status(), StatusCode::OK);
    let (subject, _) = mail(&app, ANNE, "administrator-made").await;
    assert_eq!(subject, text("en", "mail-administrator-made-subject"), "told in her language");
    let staff = anne.ok("list_staff", &[]).await;
    let listed: Vec<_> = staff["lines"].as_array().unwrap().iter().filter(|m| m["email"] == ANNE).collect();
    assert_eq!(listed.len(), 1, "listed once: {staff}");
    assert_eq!(listed[0]["role"], "Admin");
    assert_eq!(
        error_key(act(&marie, anne_id, "make-admin").await).await["key"],
        "error-already-administrator"
    );
    let administrators = anne.ok("my_administrators", &[]).await;
    assert_eq!(administrators.as_array().unwrap().len(), 2, "{administrators}");

    // Anne ends Marie's administration: Marie stays on the staff as a professional.
    assert_eq!(act(&anne, marie_id, "end-admin").await.status(), StatusCode::OK);
    mail(&app, "marie.tremblay@example.org", "administrator-ended").await;
    assert_eq!(marie.call("list_staff", &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(marie.call("team_inbox", &[]).await.status(), StatusCode::OK, "still staff");
    let person = anne.ok("staff_person", &[("account_id", &marie_id.to_string())]).await;
    assert_eq!(
        (&person["admin"], &person["role"]),
        (&serde_json::json!(false), &serde_json::json!("Professional"))
    );
    assert_eq!(error_key(act(&anne, anne_id, "end-admin").await).await["key"], "error-last-administrator");
    let recorded = "SELECT COUNT(*) FROM audit_events WHERE action IN ('account.made_administrator', 'account.administrator_ended')";
    assert_eq!(app.count(recorded).await, 2);
}

#[tokio::test]
async fn two_administrators_ending_each_others_administration_at_once_leave_one() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let marie_id = app.number("SELECT id FROM accounts WHERE email = $1", "marie.tremblay@example.org").await;
    let (anne, anne_id, _) = professional(&app, &marie).await;
    for round in 0..5 {
        assert_eq!(act(&marie, anne_id, "make-admin").await.status(), StatusCode::OK, "round {round}");
        // Each ends the other's administration, or removes the other, at the same moment.
        let (first, second) =
            if round % 2 == 0 { ("end-admin", "end-admin") } else { ("end-admin", "remove") };
        let (a, b) = tokio::join!(act(&marie, anne_id, first), act(&anne, marie_id, second));
        let statuses = [a.status(), b.status()];
        assert_eq!(
            statuses.iter().filter(|s| **s == StatusCode::OK).count(),
            1,
            "round {round}: {statuses:?}"
        );
        assert_eq!(active_administrators(&app).await, 1, "round {round}");
        if b.status() == StatusCode::OK {
            // Anne won: give Marie back her place for the next round.
            if second == "remove" {
                return;
            }
            assert_eq!(act(&anne, marie_id, "make-admin").await.status(), StatusCode::OK);
            assert_eq!(act(&anne, anne_id, "end-admin").await.status(), StatusCode::OK);
        }
    }
}

#[tokio::test]
async fn a_removed_person_leaves_the_organisation_and_its_teams_and_keeps_an_account_used_elsewhere() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (anne, anne_id, _) = professional(&app, &marie).await;
    marie.ok("create_team", &[("name", "Cardiologie"), ("phone", "514 555 0199")]).await;
    let team = app.count("SELECT MAX(id) FROM care_teams").await.to_string();
    marie.ok("team_member", &[("id", &team), ("account_id", &anne_id.to_string()), ("add", "on")]).await;
    assert!(signed_in(&anne).await);

    assert_eq!(act(&marie, anne_id, "remove").await.status(), StatusCode::OK);
    assert!(!signed_in(&anne).await, "her sessions ended");
    let left = format!(
        "SELECT (SELECT COUNT(*) FROM memberships WHERE account_id = {anne_id})
              + (SELECT COUNT(*) FROM care_team_members WHERE account_id = {anne_id})"
    );
    assert_eq!(app.count(&left).await, 0, "no role and no team left");
    assert_eq!(
        app.text(&format!("SELECT status FROM accounts WHERE id = {anne_id}")).await,
        "suspended",
        "nothing else uses it"
    );
    let (subject, body) = mail(&app, ANNE, "removed").await;
    assert_eq!(subject, text("en", "mail-removed-subject"));
    assert!(body.contains("Clinique Saint-Laurent"), "{body}");
    let staff = marie.ok("list_staff", &[]).await;
    assert!(!staff.to_string().contains(ANNE), "{staff}");
    assert_eq!(
        marie.call("staff_person", &[("account_id", &anne_id.to_string())]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'account.removed_from_organisation'")
            .await,
        1
    );

    // Staff in another organisation too: removed here, her account stays open for there.
    let (paul, _) = app.admin("paul.roy@example.org").await;
    let elsewhere = app.count("SELECT MAX(id) FROM organisations").await;
    let bob = "bob.cote@example.org";
    let form =
        [("title", ""), ("given_name", "Bob"), ("family_name", "Côté"), ("email", bob), ("language", "fr")];
    let code = marie.ok("add_professional", &form).await["code"].as_str().unwrap().to_string();
    let (_, body) = latest_mail(&app, bob).await;
    let bob_actor = app.visitor();
    bob_actor.activate_with_code(&link_token(&body, "/setup/"), &code).await;
    let bob_id = app.number("SELECT id FROM accounts WHERE email = $1", bob).await;
    sqlx::query(&format!(
        "INSERT INTO memberships (account_id, organisation_id, role, created_at) VALUES ({bob_id}, {elsewhere}, 'professional', 0)"
    ))
    .execute(&app.state.db)
    .await
    .unwrap();
    assert_eq!(act(&marie, bob_id, "remove").await.status(), StatusCode::OK);
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE id = {bob_id}")).await, "active");
    assert_eq!(
        paul.call("staff_person", &[("account_id", &bob_id.to_string())]).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_invited_person_removed_before_activating_cannot_use_the_link() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let form =
        [("title", ""), ("given_name", "Anne"), ("family_name", "Roy"), ("email", ANNE), ("language", "en")];
    marie.ok("add_professional", &form).await;
    let (_, body) = latest_mail(&app, ANNE).await;
    let id = app.number("SELECT id FROM accounts WHERE email = $1", ANNE).await;
    assert_eq!(act(&marie, id, "remove").await.status(), StatusCode::OK);
    let token = link_token(&body, "/setup/");
    let (_, page) = app.page(&format!("/setup/{token}"), None).await;
    assert!(!page.contains("name=\"password\""), "the setup link no longer works: {page}");
}

#[tokio::test]
async fn without_javascript_a_removal_comes_back_to_the_staff_list_saying_so() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let (_anne, id, _) = professional(&app, &admin).await;
    let page = format!("/staff/team/{id}");
    let (_, html) = admin.page(&format!("{page}?confirm=remove")).await;
    assert!(html.contains(&text_with("fr", "person-remove-confirm", &[("email", ANNE)])), "asked first");
    let response =
        admin.submit("act_on_staff", &[("account_id", &id.to_string()), ("action", "remove")], &page).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/staff/team?done=removed");
    let (_, html) = admin.page("/staff/team?done=removed").await;
    assert!(html.contains(&text("fr", "person-done-removed")));
    assert!(!html.contains(ANNE));
}
