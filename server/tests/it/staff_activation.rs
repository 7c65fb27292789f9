//! Two-part activation for staff an administrator adds: the link goes by email, the secret code
//! (A-000000) is shown once to the administrator, who hands it over. The code is bound to its link,
//! 5 wrong codes void the link, and "generate a new secret code" voids the old link and code.
use crate::common::actor::Actor;
use crate::common::*;
use reqwest::StatusCode;

const ANNE: &str = "anne.roy@example.org";

/// Marie adds Anne; returns the code shown to Marie and the token of the link mailed to Anne.
async fn add_anne(app: &TestApp, marie: &Actor<'_>) -> (String, String) {
    let form = [("given_name", "Anne"), ("family_name", "Roy"), ("email", ANNE), ("language", "en")];
    let code = marie.ok("add_professional", &form).await["code"].as_str().unwrap().to_string();
    let (_, body) = latest_mail(app, ANNE).await;
    (code, link_token(&body, "/setup/"))
}

async fn try_code(actor: &Actor<'_>, token: &str, code: &str) -> reqwest::Response {
    actor.call("check_setup_code", &[("token", token), ("code", code)]).await
}

/// Another code of the same shape.
fn other_than(code: &str) -> String {
    let last = code.chars().last().unwrap().to_digit(10).unwrap();
    format!("{}{}", &code[..code.len() - 1], (last + 1) % 10)
}

#[tokio::test]
async fn the_link_alone_opens_nothing_and_the_code_is_shown_once_never_mailed() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (code, token) = add_anne(&app, &marie).await;
    assert!(code.len() == 8 && code.as_bytes()[1] == b'-', "A-000000: {code}");
    let (_, body) = latest_mail(&app, ANNE).await;
    assert!(!body.contains(&code), "never mailed");
    assert!(body
        .contains(&text("en", "mail-setup-code-body").lines().nth(6).unwrap_or("").replace("{ $link }", "")));

    // With the link only: the code is asked, and nothing of the account's set-up is shown.
    let anne = app.visitor();
    let (status, page) = anne.page(&format!("/setup/{token}?lang=en")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"name="code""#) && !page.contains(r#"name="password""#), "{page}");
    assert!(!page.contains("totp-secret"), "the authenticator key is not shown before the code");
    let skipped = anne.call("complete_setup", &setup_form(&token, "123456")).await;
    assert_eq!(skipped.status(), StatusCode::CONFLICT, "the code cannot be skipped");

    // The right code in one browser does not open the link in another.
    assert_eq!(
        try_code(&anne, &token, &code.to_lowercase().replace('-', " ")).await.status(),
        StatusCode::OK
    );
    let (_, page) = app.visitor().page(&format!("/setup/{token}")).await;
    assert!(!page.contains("totp-secret"), "bound to the browser that entered it");
    anne.activate(&token).await;
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE email = '{ANNE}'")).await, "active");
}

#[tokio::test]
async fn five_wrong_codes_void_the_link_even_when_guessed_in_parallel() {
    let app = spawn_with(unthrottled).await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (code, token) = add_anne(&app, &marie).await;
    let anne = app.visitor();
    for remaining in (1..=4).rev() {
        let wrong = refusal(try_code(&anne, &token, &other_than(&code)).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(wrong.key, "error-code-wrong");
        assert_eq!(wrong.field.as_deref(), Some("code"));
        assert_eq!(wrong.args, vec![("remaining".to_string(), remaining.to_string())]);
        assert_eq!(wrong.kept("code"), Some(other_than(&code).as_str()), "what was typed stays");
    }
    assert_eq!(try_code(&anne, &token, &other_than(&code)).await.status(), StatusCode::CONFLICT);
    assert_eq!(
        try_code(&anne, &token, &code).await.status(),
        StatusCode::CONFLICT,
        "void: even the right one"
    );
    let (_, page) = anne.page(&format!("/setup/{token}?lang=en")).await;
    assert!(page_shows(&page, "en", "setup-void-body"), "says why");
    let voided = "SELECT COUNT(*) FROM audit_events WHERE action = 'setup_link.voided'";
    assert_eq!(app.count(voided).await, 1);

    // A second person, guessed by 12 requests at once: never more than 5 counted.
    let bob = "bob.cote@example.org";
    let form = [("given_name", "Bob"), ("family_name", "Côté"), ("email", bob), ("language", "fr")];
    let bob_code = marie.ok("add_professional", &form).await["code"].as_str().unwrap().to_string();
    let (_, body) = latest_mail(&app, bob).await;
    let bob_token = link_token(&body, "/setup/");
    let guessers: Vec<Actor> = (0..12).map(|_| app.visitor()).collect();
    let wrong = other_than(&bob_code);
    let tries = guessers.iter().map(|g| try_code(g, &bob_token, &wrong));
    let statuses: Vec<StatusCode> =
        futures::future::join_all(tries).await.iter().map(|r| r.status()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::BAD_REQUEST).count(), 4, "{statuses:?}");
    let failed = format!("SELECT failed_attempts FROM setup_links WHERE account_id = (SELECT id FROM accounts WHERE email = '{bob}')");
    assert_eq!(app.count(&failed).await, 5);
    assert_eq!(try_code(&app.visitor(), &bob_token, &bob_code).await.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_code_is_bound_to_its_link_and_a_new_code_voids_the_old_link_and_code() {
    let app = spawn_with(unthrottled).await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (old_code, old_token) = add_anne(&app, &marie).await;
    let id = app.number("SELECT id FROM accounts WHERE email = $1", ANNE).await;

    // Marie generates a new code (Anne lost hers): shown once on its page, a new link mailed.
    let act = [("account_id", id.to_string()), ("action", "new-code".to_string())];
    let act: Vec<(&str, &str)> = act.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(marie.call("act_on_staff", &act).await.status(), StatusCode::OK);
    let (status, page) = marie.page("/staff/team/code?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    let after = page.split(r#"data-testid="secret-code""#).nth(1).unwrap_or_else(|| panic!("{page}"));
    let new_code = after[after.find('>').unwrap() + 1..][..8].to_string();
    assert!(page_shows(&page, "en", "staff-code-write-down"));
    let (_, again) = marie.page("/staff/team/code?lang=en").await;
    assert!(!again.contains(&new_code) && page_shows(&again, "en", "staff-code-gone"), "shown once");
    assert_eq!(mails_of(&app, ANNE, "setup").await, 2);
    let (_, body) = latest_mail(&app, ANNE).await;
    let new_token = link_token(&body, "/setup/");
    assert_ne!(new_token, old_token);
    let recorded = "SELECT COUNT(*) FROM audit_events WHERE action = 'staff.secret_code_generated'";
    assert_eq!(app.count(recorded).await, 1);

    let anne = app.visitor();
    assert_eq!(try_code(&anne, &old_token, &old_code).await.status(), StatusCode::CONFLICT, "old link void");
    if old_code != new_code {
        let wrong = refusal(try_code(&anne, &new_token, &old_code).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(wrong.key, "error-code-wrong", "the old code does not open the new link");
    }
    anne.activate_with_code(&new_token, &new_code).await;

    // Once she is active there is nothing to regenerate.
    let refused = marie.call("act_on_staff", &act).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(error_key(refused).await["key"], "error-already-activated");
    // A professional cannot generate codes.
    assert_eq!(anne.call("act_on_staff", &act).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn without_javascript_adding_a_person_lands_on_the_code_page() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let form = [
        ("given_name", "Anne"),
        ("family_name", "Roy"),
        ("email", ANNE),
        ("language", "en"),
        ("shown", "on"),
        ("messaging", "on"),
    ];
    let response = marie.submit("add_professional", &form, "/staff/team").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/staff/team/code");
    let (_, page) = marie.page("/staff/team/code?lang=fr").await;
    assert!(page_shows(&page, "fr", "staff-code-write-down"), "{page}");
    assert!(shows(&page, &text_with("fr", "staff-code-intro", &[("name", "Anne Roy")])));
}

#[tokio::test]
async fn the_code_can_go_to_an_authoriser_so_that_neither_mail_nor_the_administrator_holds_both() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let form = |name: &'static str, email: &'static str| {
        vec![
            ("given_name", "Anne"),
            ("family_name", "Roy"),
            ("email", ANNE),
            ("language", "en"),
            ("code_to", "authoriser"),
            ("authoriser_name", name),
            ("authoriser_email", email),
        ]
    };
    // The authoriser is named, with an address that is not Anne's own; what was typed comes back.
    for (typed, field, key) in [
        (form("", "chef@example.org"), "authoriser_name", "error-authoriser-name-required"),
        (form("Paul Chef", "pas-une-adresse"), "authoriser_email", "error-email-invalid"),
        (form("Paul Chef", "ANNE.ROY@example.org"), "authoriser_email", "error-authoriser-same-email"),
    ] {
        let error = refusal(marie.call("add_professional", &typed).await, StatusCode::BAD_REQUEST).await;
        assert_eq!((error.field.as_deref(), error.key.as_str()), (Some(field), key));
        assert_eq!(error.kept("code_to"), Some("authoriser"));
        assert_eq!(error.kept("authoriser_email"), Some(typed[6].1));
    }
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM accounts WHERE email = '{ANNE}'")).await, 0);

    // Without JavaScript: no code on screen, back to the team saying where the code went.
    let response =
        marie.submit("add_professional", &form("Paul Chef", "chef@example.org"), "/staff/team").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/staff/team?done=code-mailed");
    let (_, page) = marie.page("/staff/team?done=code-mailed").await;
    assert!(page_shows(&page, "fr", "team-code-mailed"), "{page}");
    assert!(marie.ok("take_secret_code", &[]).await.is_null(), "never shown to the administrator");

    // Anne's mail: the link, and whom to ask; the authoriser's: the code, in Marie's language.
    let (_, anne_mail) = mail(&app, ANNE, "setup").await;
    assert!(anne_mail.contains("Paul Chef") && anne_mail.contains("/setup/"), "{anne_mail}");
    let (subject, chef_mail) = mail(&app, "chef@example.org", "staff-code").await;
    assert!(subject.starts_with("Code secret"), "{subject}");
    assert!(chef_mail.contains("Anne Roy") && !chef_mail.contains("/setup/"), "{chef_mail}");
    let code = chef_mail.split_whitespace().find(|w| w.len() == 8 && w.as_bytes()[1] == b'-').unwrap();
    assert!(!anne_mail.contains(code), "the code never reaches Anne's address");

    // With both halves, Anne activates.
    let anne = app.visitor();
    anne.activate_with_code(&link_token(&anne_mail, "/setup/"), code).await;
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE email = '{ANNE}'")).await, "active");
}
