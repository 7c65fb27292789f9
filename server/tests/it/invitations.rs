//! Patient onboarding over HTTP: a professional invites, the patient opens the mailed link, enters
//! the handed-over code and creates an account. Plus the rules that must hold under attack.
use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn a_patient_redeems_an_invitation_and_lands_signed_in() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (code, token) = invite(&app, &staff, PATIENT).await;
    assert!(regex_like_code(&code), "{code}");

    // The mail: both languages (English first, as preferred), the link, never the code.
    use sqlx::Row;
    let mail = sqlx::query("SELECT subject, body FROM outbox WHERE recipient = $1")
        .bind(PATIENT)
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    let (subject, body): (String, String) = (mail.try_get("subject").unwrap(), mail.try_get("body").unwrap());
    assert_eq!(
        subject,
        format!("{} / {}", text("en", "mail-invitation-subject"), text("fr", "mail-invitation-subject"))
    );
    assert!(body.contains("Hello Léa") && body.contains("Bonjour Léa") && !body.contains(&code));

    // Opening the link changes nothing.
    let before = app.count("SELECT failed_attempts + COALESCE(redeemed_at, 0) FROM invitations").await;
    let view = app.call("invitation", &[("token", &token)], None).await.json::<Value>().await.unwrap();
    assert_eq!(view["status"], "Pending");
    assert_eq!(view["remaining_tries"], 5);
    assert_eq!(app.count("SELECT failed_attempts + COALESCE(redeemed_at, 0) FROM invitations").await, before);

    let bad_format =
        error_key(app.call("check_invitation_code", &[("token", &token), ("code", "12345")], None).await)
            .await;
    assert_eq!(bad_format["key"], "error-code-format");
    assert_eq!(
        app.count("SELECT failed_attempts FROM invitations").await,
        0,
        "a malformed code is not a try"
    );

    let wrong = if code.ends_with("000000") { "Z-111111" } else { "Z-000000" };
    let wrong =
        error_key(app.call("check_invitation_code", &[("token", &token), ("code", wrong)], None).await).await;
    assert_eq!(wrong["key"], "error-code-wrong");
    assert_eq!(wrong["args"][0], serde_json::json!(["remaining", "4"]));

    // The code as a person might type it: lower case, a space instead of the dash.
    let typed = code.to_lowercase().replace('-', " ");
    let right = app.call("check_invitation_code", &[("token", &token), ("code", &typed)], None).await;
    assert_eq!(right.status(), StatusCode::OK);
    let pass = cookie_named(&right, "portail-invitation").expect("pass cookie");

    let weak = error_key(
        app.call(
            "create_patient_account",
            &[
                ("token", &token),
                ("password", "tremblay-lea-1990"),
                ("password_confirmation", "tremblay-lea-1990"),
            ],
            Some(&pass),
        )
        .await,
    )
    .await;
    assert_eq!(weak["key"], "error-password-personal");

    let created = app
        .call(
            "create_patient_account",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
                ("accept_terms", "on"),
            ],
            Some(&pass),
        )
        .await;
    assert_eq!(created.status(), StatusCode::OK, "{:?}", created.headers());
    let session = session_cookie(&created).expect("signed in");
    let language = cookie_named(&created, "lang");
    assert_eq!(language.as_deref(), Some("lang=en"), "the pages in the invitation's language");
    let (_, html) = app.page("/home", Some(&format!("{session}; lang=en"))).await;
    assert!(
        shows(&html, &text_with("en", "patient-greeting", &[("name", "Léa")])),
        "patient home greets by given name, in English"
    );

    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'lea.tremblay@example.org' AND status = 'active'").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM patients WHERE account_id IS NOT NULL").await, 1);
    for action in ["invitation.created", "invitation.code_failed", "invitation.redeemed", "account.created"] {
        assert_eq!(
            app.count(&format!("SELECT COUNT(*) FROM audit_events WHERE action = '{action}'")).await,
            1,
            "audit {action}"
        );
    }
    // Used: the link now says so, and a second redemption is refused.
    let view = app.call("invitation", &[("token", &token)], None).await.json::<Value>().await.unwrap();
    assert_eq!(view["status"], "Redeemed");
    let again = app.call("check_invitation_code", &[("token", &token), ("code", &code)], None).await;
    assert_eq!(error_key(again).await["key"], "error-invitation-unusable");
}

fn regex_like_code(code: &str) -> bool {
    let b = code.as_bytes();
    code.len() == 8 && b[0].is_ascii_uppercase() && b[1] == b'-' && b[2..].iter().all(u8::is_ascii_digit)
}

#[tokio::test]
async fn twenty_concurrent_redemptions_create_exactly_one_account() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (code, token) = invite(&app, &staff, PATIENT).await;
    let right = app.call("check_invitation_code", &[("token", &token), ("code", &code)], None).await;
    let pass = cookie_named(&right, "portail-invitation").unwrap();
    let attempts = (0..20).map(|_| {
        let (app, token, pass) = (&app, token.clone(), pass.clone());
        async move {
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
            .await
            .status()
        }
    });
    let statuses = futures::future::join_all(attempts).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'lea.tremblay@example.org'").await,
        1
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.email_key = 'lea.tremblay@example.org'").await, 1);
}

#[tokio::test]
async fn ten_thousand_wrong_codes_never_succeed_and_void_the_invitation_at_five() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (code, token) = invite(&app, &staff, PATIENT).await;
    // Straight to the domain (the HTTP path is covered above): 10,000 guesses, 50 at a time.
    let mut accepted = 0;
    for batch in 0..200 {
        let guesses = (0..50).map(|i| {
            let n = batch * 50 + i;
            let guess = format!("B-{n:06}");
            let (db, token) = (app.state.db.clone(), token.clone());
            tokio::spawn(async move {
                let guess = app::domain::onboarding::invitation::InvitationCode::parse(&guess).unwrap();
                let ctx = app::domain::Ctx::system(&db, app::domain::store::now());
                app::domain::onboarding::invitation::check_code(&ctx, &token, &guess).await.unwrap()
            })
        });
        for handle in guesses.collect::<Vec<_>>() {
            if matches!(
                handle.await.unwrap(),
                app::domain::onboarding::invitation::CodeCheck::Accepted { .. }
            ) {
                accepted += 1;
            }
        }
    }
    assert_eq!(accepted, 0);
    assert_eq!(app.count("SELECT failed_attempts FROM invitations").await, 5);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'invitation.voided'").await, 1);
    let right = app.call("check_invitation_code", &[("token", &token), ("code", &code)], None).await;
    assert_eq!(
        error_key(right).await["key"],
        "error-invitation-unusable",
        "even the right code is refused once void"
    );
    let view = app.call("invitation", &[("token", &token)], None).await.json::<Value>().await.unwrap();
    assert_eq!(view["status"], "Void");
}

#[tokio::test]
async fn reissue_makes_the_old_link_and_code_useless() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (old_code, old_token) = invite(&app, &staff, PATIENT).await;
    let patient_id = app.count("SELECT id FROM patients").await.to_string();
    let reissued = app.call("reissue_invitation", &[("patient_id", &patient_id)], Some(&staff)).await;
    assert_eq!(reissued.status(), StatusCode::OK);
    let new_code = reissued.json::<Value>().await.unwrap()["code"].as_str().unwrap().to_string();
    let new_token = latest_link_token(&app, PATIENT).await;
    assert_ne!(new_token, old_token);
    let old = app.call("check_invitation_code", &[("token", &old_token), ("code", &old_code)], None).await;
    assert_eq!(error_key(old).await["key"], "error-invitation-unusable");
    let new = app.call("check_invitation_code", &[("token", &new_token), ("code", &new_code)], None).await;
    assert_eq!(new.status(), StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'invitation.reissued'").await, 1);
}

#[tokio::test]
async fn the_same_email_is_not_invited_twice_and_bad_input_is_kept() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    invite(&app, &staff, PATIENT).await;
    let twice = error_key(
        app.call("invite_patient", &invite_form("LEA.Tremblay@example.org", "fr"), Some(&staff)).await,
    )
    .await;
    assert_eq!(twice["key"], "error-patient-exists");
    let mut bad = invite_form("lea2@example.org", "fr");
    bad[2] = ("birth_date", "31/04/1990");
    let refused = error_key(app.call("invite_patient", &bad, Some(&staff)).await).await;
    assert_eq!(refused["key"], "error-birth-date-invalid");
    assert!(
        refused["kept"].as_array().unwrap().contains(&serde_json::json!(["given_name", "Léa"])),
        "what was typed comes back"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM patients").await, 1);
}

#[tokio::test]
async fn another_organisation_sees_nothing_of_these_patients() {
    let app = spawn().await;
    let (staff_a, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (staff_b, _) = app.activated_admin("paul.roy@example.org").await;
    invite(&app, &staff_a, PATIENT).await;
    let list_a =
        app.call("list_patients", &[("search", "")], Some(&staff_a)).await.json::<Value>().await.unwrap();
    assert_eq!(list_a["lines"].as_array().unwrap().len(), 1);
    assert_eq!(list_a["lines"][0]["status"], "Pending");
    let list_b =
        app.call("list_patients", &[("search", "")], Some(&staff_b)).await.json::<Value>().await.unwrap();
    assert_eq!(list_b["lines"], serde_json::json!([]));
    assert_eq!(list_b["total"], 0);
    let patient_id = app.count("SELECT id FROM patients").await.to_string();
    let reissue =
        error_key(app.call("reissue_invitation", &[("patient_id", &patient_id)], Some(&staff_b)).await).await;
    assert_eq!(reissue["key"], "error-not-found");
    let anonymous = error_key(app.call("list_patients", &[("search", "")], None).await).await;
    assert_eq!(anonymous["key"], "error-signed-out");
}

#[tokio::test]
async fn expired_void_and_used_links_each_show_their_own_page() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (_, token) = invite(&app, &staff, PATIENT).await;
    let (status, html) = app.page(&format!("/invitation/{token}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_shows(&html, "fr", "invitation-title") && html.contains("name=\"code\""), "code step");

    // 5 days after it was issued, the link has expired.
    app.later("invitations", &["created_at", "expires_at"], 5 * 24 * 3600).await;
    let (_, html) = app.page(&format!("/invitation/{token}?lang=en"), None).await;
    assert!(page_shows(&html, "en", "invitation-expired-title"), "expired page");

    app.later("invitations", &["created_at", "expires_at"], -5 * 24 * 3600).await;
    sqlx::query("UPDATE invitations SET failed_attempts = 5").execute(&app.state.db).await.unwrap();
    let (_, html) = app.page(&format!("/invitation/{token}"), None).await;
    assert!(page_shows(&html, "fr", "invitation-void-body"), "void page");

    let (_, html) = app.page("/invitation/no-such-link", None).await;
    assert!(page_shows(&html, "fr", "invitation-unknown-title"), "unknown link page");

    // Without the pass of a right code, the account step sends back to the code step.
    let response = app.get(&format!("/invitation/{token}/account"), None).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), format!("/invitation/{token}"));

    // A link already used: its own page, in the words of the locale file.
    let (code, used) = invite(&app, &staff, "jacques.roy@example.org").await;
    app.redeem("jacques.roy@example.org", &code).await;
    for lang in ["fr", "en"] {
        let (_, html) = app.page(&format!("/invitation/{used}?lang={lang}"), None).await;
        assert!(page_shows(&html, lang, "invitation-used-title"), "used page ({lang})");
        assert!(!html.contains("name=\"code\""), "no code step on a used link");
    }
}

#[tokio::test]
async fn a_second_organisation_adds_itself_to_the_existing_account() {
    let app = spawn().await;
    let (staff_a, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (staff_b, _) = app.activated_admin("paul.roy@example.org").await;
    redeemed_patient(&app, &staff_a, PATIENT).await;
    let (code, token) = invite(&app, &staff_b, "LEA.TREMBLAY@example.org").await;

    // Not signed in: the account step says to sign in first; a second account is refused.
    let right = app.call("check_invitation_code", &[("token", &token), ("code", &code)], None).await;
    let pass = cookie_named(&right, "portail-invitation").unwrap();
    let view = app
        .call("invitation_account", &[("token", &token)], Some(&pass))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(view["existing"], "SignInFirst");
    let second = app
        .call(
            "create_patient_account",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
                ("accept_terms", "on"),
            ],
            Some(&pass),
        )
        .await;
    assert_eq!(error_key(second).await["key"], "error-account-exists");

    // Signed in as that person: the organisation joins the same account.
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let signed_in =
        app.call("verify_sign_in", &[("code", &emailed_code(&app, PATIENT).await)], Some(&challenge)).await;
    let session = session_cookie(&signed_in).unwrap();
    let both = format!("{session}; {pass}");
    let view = app
        .call("invitation_account", &[("token", &token)], Some(&both))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(view["existing"], "SignedIn");
    let added = app.call("add_invitation_to_my_account", &[("token", &token)], Some(&both)).await;
    assert_eq!(added.status(), StatusCode::OK);

    assert_eq!(
        app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'lea.tremblay@example.org'").await,
        1,
        "never a second account"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.email_key = 'lea.tremblay@example.org' AND m.role = 'patient'").await, 2);
    let list_b =
        app.call("list_patients", &[("search", "léa")], Some(&staff_b)).await.json::<Value>().await.unwrap();
    assert_eq!(list_b["lines"][0]["status"], "Redeemed");
}

/// The staff list never loads the whole organisation: 50 a page, searched by any words of the
/// name or email, or by date of birth, and only this organisation's patients.
#[tokio::test]
async fn the_patient_list_is_searched_and_paged_fifty_at_a_time() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (other_staff, _) = app.activated_admin("paul.roy@example.org").await;
    invite(&app, &staff, PATIENT).await;
    let organisation = app.count("SELECT organisation_id FROM patients").await;
    for i in 0..119 {
        sqlx::query(
            "INSERT INTO patients (organisation_id, given_name, family_name, birth_date, email, email_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $5, 0)",
        )
        .bind(organisation)
        .bind(format!("Prénom{i:03}"))
        .bind(if i % 2 == 0 { "Gagnon" } else { "Roy" })
        .bind(format!("19{:02}-01-15", 30 + i % 60))
        .bind(format!("patient{i:03}@example.org"))
        .execute(&app.state.db)
        .await
        .unwrap();
    }
    // Written in bulk, as by an import: their search words are written as the server does at start.
    assert_eq!(app::domain::patient::search::index_missing(&app.state.db).await.unwrap(), 119);
    let list = |search: &str, page: &str, who: &str| {
        let form = [("search", search.to_string()), ("page", page.to_string())];
        let who = who.to_string();
        let app = &app;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call("list_patients", &form, Some(&who)).await.json::<Value>().await.unwrap()
        }
    };
    let first = list("", "1", &staff).await;
    assert_eq!((first["total"].as_i64(), first["pages"].as_i64()), (Some(120), Some(3)));
    assert_eq!(first["lines"].as_array().unwrap().len(), 50);
    let last = list("", "3", &staff).await;
    assert_eq!(last["lines"].as_array().unwrap().len(), 20);
    assert_eq!(list("", "99", &staff).await["page"], 3, "past the end: the last page");
    assert_eq!(list("", "-4", &staff).await["page"], 1);
    let names = |page: &Value| -> Vec<String> {
        page["lines"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap().to_string()).collect()
    };
    let everyone: Vec<String> = [first, list("", "2", &staff).await, last].iter().flat_map(names).collect();
    let mut unique = everyone.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 120, "each patient on exactly one page");

    let roys = list("roy", "1", &staff).await;
    assert_eq!(roys["total"], 59, "Paul Roy is staff, not a patient");
    assert_eq!(app.count(WORD_COUNTS_OFF).await, 0, "each word counted as its rows");
    let two_words = list("ROY prénom001", "1", &staff).await;
    assert_eq!(names(&two_words), ["Prénom001 Roy"]);
    let born = list("1931-01-15", "1", &staff).await;
    assert_eq!(names(&born), ["Prénom001 Roy", "Prénom061 Roy"]);
    let lea = list("léa", "1", &staff).await;
    assert_eq!(lea["total"], 1);
    assert_eq!(list("LEA", "1", &staff).await["total"], 1, "accents and capitals aside");
    assert_eq!(list("pren", "1", &staff).await["total"], 119, "the start of a word");
    assert_eq!(list("enom", "1", &staff).await["total"], 0, "not the middle of one");
    assert_eq!(names(&list("patient007@example.org", "1", &staff).await), ["Prénom007 Roy"]);
    assert_eq!(list("%", "1", &staff).await["total"], 120, "a wildcard is a plain character, dropped");
    assert_eq!(list("", "1", &other_staff).await["total"], 0, "another organisation sees none");
    assert_eq!(list("roy", "1", &other_staff).await["total"], 0, "nor finds them by a word");
    assert_eq!(list("patient007", "1", &other_staff).await["lines"], serde_json::json!([]));
    // Without JavaScript, the page shows the count and links to the next page.
    let (_, html) = app.page("/staff/patients?q=&page=2", Some(&staff)).await;
    assert!(shows(&html, &text_with("fr", "pager-page", &[("page", "2"), ("pages", "3")])));
    assert!(html.contains("href=\"/staff/patients?q=&amp;sort=name&amp;page=3\""), "a link to page 3");
}

/// Patients of one family added at the same moment are each counted once: the kept count of a
/// word is what a search for it shows, whatever the interleaving (on PostgreSQL, concurrent
/// transactions on the same count).
#[tokio::test]
async fn patients_added_at_the_same_moment_are_each_counted_once() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let emails: Vec<String> = (0..12).map(|i| format!("enfant{i}.gagnon@example.org")).collect();
    let added = futures::future::join_all(emails.iter().map(|email| {
        let (app, staff) = (&app, &staff);
        async move {
            let mut form = invite_form(email, "fr");
            form[1] = ("family_name", "Gagnon");
            app.call("invite_patient", &form, Some(staff)).await.status()
        }
    }))
    .await;
    assert!(added.iter().all(|s| *s == reqwest::StatusCode::OK), "{added:?}");
    let gagnons = app.call("list_patients", &[("search", "GAGNON")], Some(&staff)).await;
    let gagnons: Value = gagnons.json().await.unwrap();
    assert_eq!((gagnons["total"].as_i64(), gagnons["lines"].as_array().map(Vec::len)), (Some(12), Some(12)));
    assert_eq!(app.count("SELECT patients FROM patient_search_word_counts WHERE word = 'gagnon'").await, 12);
    assert_eq!(app.count(WORD_COUNTS_OFF).await, 0);
}

/// A search that finds more than a thousand patients counts to a thousand and says so, and the
/// pages go as far; a narrower one is counted exactly.
#[tokio::test]
async fn a_search_finding_more_than_a_thousand_says_so() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    invite(&app, &staff, PATIENT).await;
    let organisation = app.count("SELECT organisation_id FROM patients").await;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
         INSERT INTO patients (organisation_id, given_name, family_name, birth_date, email, email_key, created_at)
         SELECT $1, 'Prénom' || i, CASE WHEN i <= 1100 THEN 'Côté' ELSE 'Roy' END, '1950-01-01',
                'p' || i || '@example.org', 'p' || i || '@example.org', 0 FROM n",
    )
    .bind(organisation)
    .execute(&app.state.db)
    .await
    .unwrap();
    app::domain::patient::search::index_missing(&app.state.db).await.unwrap();
    let sorted = |search: &'static str, page: &'static str, sort: &'static str| {
        let (app, staff) = (&app, &staff);
        async move {
            app.call("list_patients", &[("search", search), ("page", page), ("sort", sort)], Some(staff))
                .await
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let list = |search, page| sorted(search, page, "name");
    let cote = list("cote", "1").await;
    assert_eq!(
        (cote["total"].as_i64(), cote["more"].as_bool(), cote["pages"].as_i64()),
        (Some(1000), Some(true), Some(20))
    );
    assert_eq!(cote["lines"][0]["name"], "Prénom1 Côté");
    assert_eq!(list("cote", "25").await["page"], 20);
    let reversed = sorted("cote", "1", "-name").await;
    assert_eq!(reversed["lines"][0]["name"], "Prénom999 Côté", "the other way round");
    let by_birth = sorted("cote", "1", "born").await;
    assert_eq!(
        (by_birth["total"].as_i64(), by_birth["lines"].as_array().map(Vec::len)),
        (Some(1000), Some(50))
    );
    let everyone = list("", "1").await;
    assert_eq!((everyone["total"].as_i64(), everyone["more"].as_bool()), (Some(1000), Some(true)));
    let roy = list("roy", "1").await;
    assert_eq!((roy["total"].as_i64(), roy["more"].as_bool()), (Some(100), Some(false)));
    let one = list("CÔTÉ prénom1099", "1").await;
    assert_eq!((one["total"].as_i64(), one["lines"][0]["name"].as_str()), (Some(1), Some("Prénom1099 Côté")));
    let (_, html) = app.page("/staff/patients?q=cote", Some(&staff)).await;
    assert!(shows(&html, &text_with("fr", "patients-count-more", &[])), "the page says there are more");
    let (_, html) = app.page("/staff/patients?q=roy&lang=en", Some(&staff)).await;
    assert!(shows(&html, &text_with("en", "patients-count", &[("total", "100")])));
}
