//! The administrators' overview: invitations per week by outcome over 12 weeks, accounts locked
//! now, staff not activated, the mail queue; drawn and tabled on a page that needs no JavaScript.
use crate::common::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_overview_counts_each_week_by_outcome_and_what_needs_attention() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let staff = marie.session_cookie();
    // This week: one redeemed, one pending, one void after 5 wrong codes.
    redeemed_patient(&app, &staff, "lea@example.org").await;
    let (_, _) = invite(&app, &staff, "noah@example.org").await;
    let (_, _) = invite(&app, &staff, "emma@example.org").await;
    sqlx::query("UPDATE invitations SET failed_attempts = 5 WHERE patient_id = (SELECT id FROM patients WHERE email = 'emma@example.org')")
        .execute(&app.state.db)
        .await
        .unwrap();
    // Three weeks ago: one sent that has expired since; 13 weeks ago: out of the chart.
    let (_, _) = invite(&app, &staff, "zoe@example.org").await;
    let (_, _) = invite(&app, &staff, "old@example.org").await;
    let now = app::domain::store::now();
    for (email, weeks) in [("zoe@example.org", 3), ("old@example.org", 13)] {
        sqlx::query("UPDATE invitations SET created_at = $1, expires_at = $2 WHERE patient_id = (SELECT id FROM patients WHERE email = $3)")
            .bind(now - weeks * 7 * 86_400)
            .bind(now - weeks * 7 * 86_400 + 5 * 86_400)
            .bind(email)
            .execute(&app.state.db)
            .await
            .unwrap();
    }
    // Léa is locked; a professional has not activated.
    sqlx::query("UPDATE accounts SET locked_until = $1 WHERE email = 'lea@example.org'")
        .bind(now + 3600)
        .execute(&app.state.db)
        .await
        .unwrap();
    marie
        .ok(
            "add_professional",
            &[
                ("given_name", "Anne"),
                ("family_name", "Roy"),
                ("email", "anne@example.org"),
                ("language", "fr"),
            ],
        )
        .await;

    let o = marie.ok("organisation_overview", &[]).await;
    let weeks = o["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 12);
    let this_week = &weeks[11];
    assert_eq!(
        (this_week["sent"].as_i64(), this_week["redeemed"].as_i64(), this_week["void"].as_i64()),
        (Some(3), Some(1), Some(1))
    );
    assert_eq!(this_week["expired"], 0);
    let sent: i64 = weeks.iter().map(|w| w["sent"].as_i64().unwrap()).sum();
    assert_eq!(sent, 4, "the invitation of 13 weeks ago is out of the chart");
    let three_ago = weeks.iter().filter(|w| w["expired"] == 1).count();
    assert_eq!(three_ago, 1);
    assert_eq!(
        weeks[8]["sent"].as_i64().unwrap() + weeks[9]["sent"].as_i64().unwrap(),
        1,
        "three weeks back"
    );
    assert_eq!(o["locked_now"], 1);
    assert_eq!(o["staff_pending"], 1);
    assert!(o["mail_waiting"].as_i64().unwrap() >= 0);

    let (status, page) = marie.page("/staff/overview?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<svg") && page.contains("bar bar-sent"), "the chart is drawn on the server");
    assert!(page_shows(&page, "en", "overview-weeks"));
    // Only administrators.
    let pro = member_session(&app, "pro@example.org", 1, "professional").await;
    assert_eq!(app.call("organisation_overview", &[], Some(&pro)).await.status(), StatusCode::FORBIDDEN);
}
