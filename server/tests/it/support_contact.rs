//! The support desk's phone and hours: organisation settings an administrator sets (checked field
//! by field, what was typed kept on a refusal, with or without JavaScript), shown on the public
//! Contact page — to a signed-in person their own organisations' only, to a visitor none (nobody
//! knows where a visitor belongs: the portal's own support is on the page for them).
use crate::common::*;
use reqwest::StatusCode;

const WEEK: [(&str, &str); 14] = [
    ("monday_opens", "07:00"),
    ("monday_closes", "18:00"),
    ("tuesday_opens", "7:00"),
    ("tuesday_closes", "18 h"),
    ("wednesday_opens", "07:00"),
    ("wednesday_closes", "18:00"),
    ("thursday_opens", "07:00"),
    ("thursday_closes", "18:00"),
    ("friday_opens", "07:00"),
    ("friday_closes", "18:00"),
    ("saturday_opens", "9 h"),
    ("saturday_closes", "12:00"),
    ("sunday_opens", ""),
    ("sunday_closes", ""),
];

fn form<'a>(phone: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<(&str, &str)> = vec![("support_phone", phone)];
    form.extend(WEEK.iter().map(|&(field, value)| {
        changes.iter().find(|(f, _)| *f == field).map_or((field, value), |&(f, v)| (f, v))
    }));
    form
}

/// What the Contact page lists for a visitor, as its server function answers it.
async fn published_to_visitors(app: &TestApp) -> serde_json::Value {
    app.call("support_contacts", &[], None).await.json().await.unwrap()
}

#[tokio::test]
async fn the_contact_page_shows_each_organisations_support_desk_as_its_administrators_set_it() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (paul, _) = app.admin("paul.roy@example.org").await;
    sqlx::query(
        "UPDATE organisations SET name = 'Clinique du Nord' WHERE id = (SELECT MAX(id) FROM organisations)",
    )
    .execute(&app.state.db)
    .await
    .unwrap();
    // (A visitor's Contact page is rendered once a minute: the function behind it says it at once.)
    assert_eq!(published_to_visitors(&app).await, serde_json::json!([]), "nothing published yet");

    // Marie publishes a phone with an extension and six days; Paul a phone alone.
    let saved = marie.call("save_support_contact", &form("(514) 555-0199 poste 200", &[])).await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(saved.headers().get("location").unwrap(), "/staff/settings?saved=support");
    assert_eq!(app.count("SELECT COUNT(*) FROM support_hours").await, 6);
    assert_eq!(
        app.text("SELECT support_phone FROM organisations WHERE name = 'Clinique Saint-Laurent'").await,
        "514-555-0199 x200"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.support_contact_changed'")
            .await,
        1
    );
    let settings = marie.ok("support_contact_settings", &[]).await;
    assert_eq!(settings["hours"].as_array().unwrap().len(), 6);
    assert_eq!(settings["hours"][5]["weekday"], 6);
    let (_, page) = marie.page("/staff/settings").await;
    assert!(page.contains("value=\"09:00\""), "Saturday's opening time as the time field shows it");
    let paul_saved = paul
        .call(
            "save_support_contact",
            &form(
                "418 555 0100",
                &[
                    ("monday_opens", ""),
                    ("monday_closes", ""),
                    ("tuesday_opens", ""),
                    ("tuesday_closes", ""),
                    ("wednesday_opens", ""),
                    ("wednesday_closes", ""),
                    ("thursday_opens", ""),
                    ("thursday_closes", ""),
                    ("friday_opens", ""),
                    ("friday_closes", ""),
                    ("saturday_opens", ""),
                    ("saturday_closes", ""),
                ],
            ),
        )
        .await;
    assert_eq!(paul_saved.status(), StatusCode::OK);

    // A visitor is not known to belong anywhere: neither desk, the portal's own support only.
    let (status, html) = app.page("/contact", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("organisation-support") && !html.contains("Clinique du Nord"), "{html}");
    assert!(page_shows(&html, "fr", "contact-title"), "{html}");
    assert_eq!(published_to_visitors(&app).await, serde_json::json!([]));

    // Marie sees her organisation's desk, in French by default and in English; Paul his.
    let (_, html) = marie.page("/contact").await;
    assert!(page_shows(&html, "fr", "contact-organisations-yours"));
    for wanted in [
        "Clinique Saint-Laurent",
        "514-555-0199 x200",
        "href=\"tel:+15145550199,200\"",
        "Du lundi au vendredi, de 7 h à 18 h",
        "Le samedi, de 9 h à 12 h",
        "Fermé les autres jours.",
    ] {
        assert!(shows(&html, wanted), "{wanted}");
    }
    assert!(!html.contains("Clinique du Nord"), "not Paul's organisation");
    let (_, html) = marie.page("/contact?lang=en").await;
    for wanted in ["Monday to Friday, 7 AM to 6 PM", "Saturday, 9 AM to 12 PM"] {
        assert!(shows(&html, wanted), "{wanted}");
    }
    let (_, html) = paul.page("/contact").await;
    assert!(shows(&html, "href=\"tel:+14185550100\"") && !html.contains("Clinique Saint-Laurent"), "{html}");

    // A patient of Marie's organisation sees hers only.
    redeemed_patient(&app, &marie.session_cookie(), "lea@example.org").await;
    let lea = app.visitor();
    lea.sign_in("lea@example.org", PASSWORD).await;
    let (_, html) = lea.page("/contact").await;
    assert!(page_shows(&html, "en", "contact-organisations-yours"), "Léa reads English");
    assert!(html.contains("Clinique Saint-Laurent") && !html.contains("Clinique du Nord"), "{html}");

    // Cleared, Marie's organisation publishes nothing any more.
    let blank: Vec<(&str, &str)> = WEEK.iter().map(|&(f, _)| (f, "")).collect();
    let cleared = marie.call("save_support_contact", &[&[("support_phone", "")][..], &blank].concat()).await;
    assert_eq!(cleared.status(), StatusCode::OK);
    let (_, html) = lea.page("/contact").await;
    assert!(!html.contains("organisation-support"), "Léa's organisation publishes nothing");
    let listed = paul.ok("support_contacts", &[]).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["organisation"], "Clinique du Nord");

    // An address alone is published too, as a link to write to.
    let email_only =
        [&[("support_phone", ""), ("support_email", " Soutien@StLaurent.example ")][..], &blank].concat();
    assert_eq!(marie.call("save_support_contact", &email_only).await.status(), StatusCode::OK);
    let (_, html) = lea.page("/contact").await;
    assert!(html.contains("href=\"mailto:Soutien@StLaurent.example\""), "{html}");
    assert_eq!(marie.ok("support_contact_settings", &[]).await["email"], "Soutien@StLaurent.example");
}

#[tokio::test]
async fn each_mistake_is_refused_on_its_field_and_keeps_the_whole_week_typed() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    marie.ok("save_support_contact", &form("514-555-0199", &[])).await;

    for (changes, phone, field, key) in [
        (vec![("tuesday_closes", "")], "514-555-0199", "tuesday_closes", "error-hours-both"),
        (vec![("sunday_closes", "17:00")], "514-555-0199", "sunday_opens", "error-hours-both"),
        (vec![("wednesday_closes", "6:00")], "514-555-0199", "wednesday_closes", "error-hours-order"),
        (vec![("thursday_opens", "midi")], "514-555-0199", "thursday_opens", "error-hours-time-invalid"),
        (vec![], "555-0199", "support_phone", "error-home-phone-invalid"),
    ] {
        let typed = form(phone, &changes);
        let refused = error_key(marie.call("save_support_contact", &typed).await).await;
        assert_eq!(
            (refused["key"].as_str(), refused["field"].as_str()),
            (Some(key), Some(field)),
            "{changes:?}"
        );
        let kept = refused["kept"].as_array().unwrap();
        for (name, value) in &typed {
            assert!(kept.contains(&serde_json::json!([name, value])), "{name} kept after {key}");
        }
    }
    let mut typed = form("514-555-0199", &[]);
    typed.push(("support_email", "soutien@clinique"));
    let refused = error_key(marie.call("save_support_contact", &typed).await).await;
    assert_eq!(
        (refused["key"].as_str(), refused["field"].as_str()),
        (Some("error-email-invalid"), Some("support_email"))
    );
    assert!(refused["kept"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!(["support_email", "soutien@clinique"])));
    assert_eq!(app.count("SELECT COUNT(*) FROM support_hours").await, 6, "nothing refused was written");

    // Without JavaScript: back on the settings page with the message and every time as typed.
    let typed = form("514-555-0199", &[("wednesday_closes", "6:00"), ("saturday_opens", "10:15")]);
    let back = marie.submit("save_support_contact", &typed, "/staff/settings").await;
    assert_eq!(back.status(), StatusCode::FOUND);
    let (_, html) = marie.page(&location(&back).replace(&app.base, "")).await;
    assert!(page_shows(&html, "fr", "error-hours-order"), "message shown");
    assert!(html.contains("value=\"6:00\"") && html.contains("value=\"10:15\""), "typed times kept");

    // Fields missing altogether: the phone empty, every day closed — a valid (empty) choice.
    assert_eq!(marie.call("save_support_contact", &[]).await.status(), StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM support_hours").await, 0);

    // Only administrators set it.
    let organisation =
        app.number("SELECT id FROM organisations WHERE name = $1", "Clinique Saint-Laurent").await;
    let professional = member_session(&app, "pro@example.org", organisation, "professional").await;
    for function in ["save_support_contact", "support_contact_settings"] {
        let refused = app.call(function, &form("514-555-0199", &[]), Some(&professional)).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{function}");
    }
    assert_eq!(app.call("save_support_contact", &[], None).await.status(), StatusCode::UNAUTHORIZED);
}

/// The privacy officer: set by an administrator (a name and a way to reach them, or nothing),
/// named on the privacy policy to the organisation's own people only.
#[tokio::test]
async fn the_privacy_officer_is_named_to_the_organisations_people_only() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (paul, _) = app.admin("paul.roy@example.org").await;
    let lea = app.visitor();
    lea.redeem(&marie.invite_patient("lea.gagnon@example.org", "fr").await).await;

    let missing_name = marie
        .call(
            "save_privacy_officer",
            &[("privacy_name", ""), ("privacy_email", "vie.privee@example.org"), ("privacy_phone", "")],
        )
        .await;
    let error = refusal(missing_name, StatusCode::BAD_REQUEST).await;
    assert_eq!(error.field.as_deref(), Some("privacy_name"));
    assert_eq!(error.kept("privacy_email"), Some("vie.privee@example.org"), "what was typed comes back");
    let unreachable = marie
        .call(
            "save_privacy_officer",
            &[("privacy_name", "Rita Morin"), ("privacy_email", ""), ("privacy_phone", "")],
        )
        .await;
    let error = refusal(unreachable, StatusCode::BAD_REQUEST).await;
    assert_eq!(error.field.as_deref(), Some("privacy_email"));
    let saved = marie
        .call(
            "save_privacy_officer",
            &[
                ("privacy_name", "Rita Morin"),
                ("privacy_email", "vie.privee@example.org"),
                ("privacy_phone", "514 555 0142"),
            ],
        )
        .await;
    assert_eq!(saved.headers().get("location").unwrap(), "/staff/settings?saved=privacy");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.privacy_officer_changed'")
            .await,
        1
    );
    let settings = marie.ok("privacy_officer_settings", &[]).await;
    assert_eq!(settings["phone"], "514-555-0142");

    // Léa, a patient of Marie's organisation, sees the officer; Paul's organisation and a visitor do not.
    let (_, page) = lea.page("/privacy").await;
    assert!(
        page.contains("Rita Morin") && page.contains("mailto:vie.privee@example.org"),
        "the patient's policy"
    );
    let (_, page) = paul.page("/privacy").await;
    assert!(!page.contains("Rita Morin"), "another organisation's administrator");
    let (_, page) = app.page("/privacy", None).await;
    assert!(!page.contains("Rita Morin"), "a visitor");
    assert_eq!(
        paul.call("privacy_officer_settings", &[]).await.json::<serde_json::Value>().await.unwrap()["name"],
        ""
    );

    // Everything emptied names nobody.
    marie
        .call("save_privacy_officer", &[("privacy_name", ""), ("privacy_email", ""), ("privacy_phone", "")])
        .await;
    let (_, page) = lea.page("/privacy").await;
    assert!(!page.contains("Rita Morin"));
}
