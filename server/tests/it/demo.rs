//! `portail demo` seeds every screen's data once, and never on a database with accounts.
use crate::common::*;
use serde_json::Value;

#[tokio::test]
async fn the_demo_has_staff_and_patients_in_every_state_and_runs_once() {
    let app = spawn().await;
    let demo = app::domain::demo::seed(&app.state.db, &app.base).await.expect("seeded");
    assert_eq!(demo.staff.len(), 4);
    assert_eq!(demo.patients.len(), 4);
    // The professional can sign in with the printed password and secret.
    let (_, secret) = &demo.staff[1];
    let signed_in =
        app.sign_in_totp("pro@demo.portail.test", app::domain::demo::PASSWORD, &next_totp(secret)).await;
    let session = session_cookie(&signed_in).expect("professional signs in");
    let list =
        app.call("list_patients", &[("search", "")], Some(&session)).await.json::<Value>().await.unwrap();
    let mut states: Vec<String> =
        list["lines"].as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap().to_string()).collect();
    states.sort();
    assert_eq!(states, ["Expired", "Pending", "Redeemed", "Void"]);
    // Care teams and conversations in every state: answered and taken, replies off, closed, and
    // one the patient started with a file and keeps from her caregivers.
    let inbox = app.call("team_inbox", &[], Some(&session)).await.json::<Value>().await.unwrap();
    assert_eq!(inbox["total"], 4);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM conversations c JOIN attachments f ON f.message_id = c.last_message_id
             WHERE c.hidden_from_caregivers = 1"
        )
        .await,
        1
    );
    // Staff in every state: two active administrators, a professional, one still invited, the
    // support desk, one suspended and one locked.
    let staff = app.text(
        "SELECT COUNT(DISTINCT m.account_id) || ' ' || (SELECT COUNT(*) FROM accounts WHERE status = 'pending')
         || ' ' || (SELECT COUNT(*) FROM accounts WHERE status = 'suspended')
         || ' ' || (SELECT COUNT(*) FROM accounts WHERE locked_until IS NOT NULL)
         FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.role = 'admin' AND a.status = 'active'",
    );
    assert_eq!(staff.await, "2 1 1 1");
    let admin_secret = &demo.staff[0].1;
    let signed_in = app
        .sign_in_totp("admin@demo.portail.test", app::domain::demo::PASSWORD, &next_totp(admin_secret))
        .await;
    let admin_session = session_cookie(&signed_in).expect("administrator signs in");
    let team = app.call("list_staff", &[], Some(&admin_session)).await.json::<Value>().await.unwrap();
    assert_eq!(team["total"], 7, "{team}");
    // The Contact page lists the demo's support desk to its people.
    let contacts =
        app.call("support_contacts", &[], Some(&admin_session)).await.json::<Value>().await.unwrap();
    assert_eq!(contacts[0]["phone"], "514-555-0142");
    assert_eq!(contacts[0]["hours"].as_array().unwrap().len(), 5);
    // A support desk holding that service alone.
    let desk = "SELECT COUNT(*) FROM staff_services s JOIN accounts a ON a.id = s.account_id
        WHERE a.email = 'support@demo.portail.test' AND s.service = 'support_desk'";
    assert_eq!(app.count(desk).await, 1);
    let held = "SELECT COUNT(*) FROM staff_services s JOIN accounts a ON a.id = s.account_id
        WHERE a.email = 'support@demo.portail.test'";
    assert_eq!(app.count(held).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM professional_numbers").await, 2);
    // Léa's PHQ-9 every month for six months (scores to follow over time), an ESAS-r, a GAD-7 to fill.
    let phq9 = "SELECT COUNT(DISTINCT r.score) FROM questionnaire_requests r JOIN questionnaires q ON q.id = r.questionnaire_id
        WHERE q.instrument = 'phq-9' AND r.submitted_at IS NOT NULL AND r.reviewed_at IS NOT NULL";
    assert_eq!(app.count(phq9).await, 6);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM questionnaire_requests WHERE submitted_at IS NULL AND due_on IS NOT NULL"
        )
        .await,
        1
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM questionnaire_requests WHERE flagged = 1").await, 1);
    let closed = inbox["lines"].as_array().unwrap().iter().filter(|c| c["closed"] == true).count();
    assert_eq!(closed, 1);
    assert!(inbox["lines"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["assigned_to"] == "Dre Anne Roy" && c["unread"] == true));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM conversations WHERE replies_allowed = 0 AND status = 'open'").await,
        1
    );
    assert!(
        app::domain::demo::seed(&app.state.db, &app.base).await.is_err(),
        "refuses a database with accounts"
    );
}
