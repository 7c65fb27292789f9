//! Closing one's own account: after re-authenticating and ticking the box; sessions end, every
//! caregiver grant on either side ends, a confirmation is mailed, sign-in no longer works and the
//! address can be invited again into a new account. Staff and operators are refused.
use crate::common::*;
use reqwest::StatusCode;

const LEA: &str = "lea.gagnon@example.org";
const MARIE: &str = "marie.gagnon@example.org";

#[tokio::test]
async fn a_patient_closes_their_account_for_good_and_their_caregivers_lose_access() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let (lea_id, lea) = patient(&app, &staff, "Léa", "Gagnon", LEA, "1990-04-12", "fr").await;
    let (grant, code) = add_caregiver(&app, &staff, lea_id, MARIE, "helper", &["profile"], "fr").await;
    let marie = app.redeem(MARIE, &code).await;
    let second_device = app.sign_in(LEA, PASSWORD).await;

    let not_yet =
        refusal(app.call("close_account", &[("understood", "on")], Some(&lea)).await, StatusCode::FORBIDDEN)
            .await;
    assert_eq!(not_yet.key, "error-reauth-required", "a recent re-authentication first");
    reauthenticate(&app, &lea, LEA).await;
    let unticked = refusal(app.call("close_account", &[], Some(&lea)).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        (unticked.key.as_str(), unticked.field.as_deref()),
        ("error-close-understood", Some("understood"))
    );
    let closed = app.submit("close_account", &[("understood", "on")], Some(&lea), "/account/close").await;
    assert_eq!(location(&closed), "/account-closed");
    let (status, page) = app.page("/account-closed", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shows(&page, &text("fr", "closed-body")));

    // Every session ended, here and on the other device; sign-in answered like any wrong address.
    for session in [&lea, &second_device] {
        assert_eq!(app.call("my_account", &[], Some(session)).await.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(app.sign_in_password(LEA, PASSWORD).await, None);
    let (subject, _) = mail(&app, LEA, "closure").await;
    assert_eq!(subject, text("fr", "mail-account-closed-subject"));
    assert_eq!(
        app.text("SELECT status FROM accounts WHERE email = 'lea.gagnon@example.org'").await,
        "closed"
    );
    // The caregiver's access ended with it, audited under the organisation.
    assert_eq!(app.text(&format!("SELECT status FROM caregiver_grants WHERE id = {grant}")).await, "ended");
    let acting = app.call("acting_for", &[("grant_id", &grant.to_string())], Some(&marie)).await;
    assert!(acting.status().is_client_error(), "{}", acting.status());
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'account.closed'").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'caregiver.ended' AND organisation_id IS NOT NULL").await, 1);
    // Her record stays with the care team, without an account: a new invitation makes a new one.
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM patients WHERE id = {lea_id} AND account_id IS NULL")).await,
        1
    );
    let reissued = app.call("reissue_invitation", &[("patient_id", &lea_id.to_string())], Some(&staff)).await;
    assert_eq!(reissued.status(), StatusCode::OK);
    let code = reissued.json::<serde_json::Value>().await.unwrap()["code"].as_str().unwrap().to_string();
    let back = app.redeem(LEA, &code).await;
    assert_eq!(app.call("my_account", &[], Some(&back)).await.status(), StatusCode::OK);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM accounts WHERE email = 'lea.gagnon@example.org'").await,
        2,
        "the closed one keeps its history"
    );
}

#[tokio::test]
async fn staff_leave_their_organisations_first_and_operators_do_not_close_here() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (olivier, _) = app.operator("olivier@portail.example").await;
    // Both confirmed their identity a moment ago (re-authentication is tested on its own).
    let now = app::domain::store::now();
    sqlx::query("UPDATE sessions SET reauthenticated_at = $1")
        .bind(now)
        .execute(&app.state.db)
        .await
        .unwrap();
    for (actor, key) in [(&marie, "error-close-staff"), (&olivier, "error-close-operator")] {
        let refused =
            refusal(actor.call("close_account", &[("understood", "on")]).await, StatusCode::CONFLICT).await;
        assert_eq!(refused.key, key);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE status = 'closed'").await, 0);
}
